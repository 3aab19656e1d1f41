//! A compiled rule: the keys every rule has, plus its kind's compiled
//! matcher. Built once per run by `checklist`, then shared by reference
//! across threads (`check(&self, ..)`).

use serde::Deserialize;

use crate::checklist::kinds::Kind;
use crate::checklist::kinds::api::{Context, Emit, Input, Skip};
use crate::checklist::template::Template;
use crate::finding::Finding;
use crate::finding::Severity;
use crate::ids::{ChannelId, ChecklistId, RuleId};
use crate::profile::purpose::{Goal, Tone};

use crate::text::lang::LangTag;
use crate::text::post::{Post, Reading, Scope, Thread};

pub struct Rule {
    /// Full id: `checklist.rule`.
    pub id: String,
    pub checklist: ChecklistId,
    pub severity: Severity,
    pub enabled: bool,
    pub message: Template,
    pub why: String,
    pub help: Option<String>,
    pub scope: Scope,
    /// Channels the rule applies to; `None` for all.
    pub channels: Option<Vec<ChannelId>>,
    /// Languages the rule applies to (a rule for `en` covers `en-GB`);
    /// `None` for all.
    pub languages: Option<Vec<LangTag>>,
    /// Only for posts with one of these goals / tones; `None` for all.
    pub goals: Option<Vec<Goal>>,
    pub tones: Option<Vec<Tone>>,
    /// The severity for posts of a goal, where it differs from `severity`.
    pub severity_by_goal: Vec<(Goal, Severity)>,
    /// Former full ids, still accepted where users name rules.
    pub aliases: Vec<String>,
    /// Only for posts read this way; `None` for all.
    pub reading: Option<Reading>,
    /// The kind's own keys as TOML (after config overrides), for `explain`.
    pub settings: String,
    pub examples: Examples,
    pub kind: Kind,
}

impl Rule {
    /// Whether the rule runs on a post of this channel, reading and language.
    pub fn applies_to(&self, channel: ChannelId, reading: Reading, lang: LangTag) -> bool {
        self.applies_to_any_language(channel, reading) && self.speaks(lang)
    }

    /// Whether the rule would run on a post of this channel and reading in
    /// one of its languages.
    pub fn applies_to_any_language(&self, channel: ChannelId, reading: Reading) -> bool {
        self.enabled
            && self.channels.as_ref().is_none_or(|c| c.contains(&channel))
            && self.reading.is_none_or(|r| r == reading)
    }

    /// Whether the rule is for posts in `lang`.
    pub fn speaks(&self, lang: LangTag) -> bool {
        self.languages
            .as_ref()
            .is_none_or(|l| l.iter().any(|wanted| lang.is_covered_by(wanted)))
    }

    /// Whether the rule is for a post of this goal and tone. Unlike a
    /// language, a goal or tone a rule is not for is no gap to report: the
    /// crisis rules simply do not apply to a product launch.
    pub fn suits(&self, goal: Option<Goal>, tone: Tone) -> bool {
        self.tones.as_ref().is_none_or(|t| t.contains(&tone))
            && self
                .goals
                .as_ref()
                .is_none_or(|g| goal.is_some_and(|goal| g.contains(&goal)))
    }

    /// The rule's severity on a post of `goal`.
    pub fn severity_for(&self, goal: Option<Goal>) -> Severity {
        goal.and_then(|goal| {
            self.severity_by_goal
                .iter()
                .find(|(g, _)| *g == goal)
                .map(|(_, s)| *s)
        })
        .unwrap_or(self.severity)
    }

    /// Runs the rule (`id` is its own) on one post of a thread: what a run
    /// and a checklist's self-test both do, so they cannot drift apart.
    pub fn check(
        &self,
        id: RuleId,
        post: &Post<'_>,
        thread: &Thread,
        cx: &Context<'_>,
        out: &mut Vec<Finding>,
        skipped: &mut Vec<Skip>,
    ) {
        if !self.suits(cx.goal, cx.tone) {
            return;
        }
        let input = Input {
            post,
            thread,
            cx,
            scope: self.scope,
        };
        let mut emit = Emit {
            rule: id,
            severity: self.severity_for(cx.goal),
            message: &self.message,
            out,
            skipped,
        };
        self.kind.check(&input, &mut emit);
    }

    /// The part of the id after the checklist's.
    pub fn short_id(&self) -> &str {
        self.id.split_once('.').map_or(&self.id, |(_, name)| name)
    }
}

/// Executable documentation: each `bad` text must trigger the rule, each
/// `good` text must not (checked by the test suite for every built-in rule).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Channel to check the examples as; default: the rule's first channel.
    pub channel: Option<String>,
    #[serde(default)]
    pub bad: Vec<String>,
    #[serde(default)]
    pub good: Vec<String>,
}
