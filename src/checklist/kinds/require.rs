//! `require`: something must appear (a call to action, a campaign tag, a
//! disclosure), optionally only when a condition holds.

use serde::Deserialize;
use toml::Spanned;

use super::api::{Compile, Context, Emit, Input};
use super::countable::Countable;
use super::matcher::Matcher;
use crate::error::LoadError;
use crate::text::post::Scope;
use crate::text::squeeze::Squeezed;

/// Front matter keys a condition can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FrontMatterKey {
    /// `sponsored: true`
    Sponsored,
    /// A `campaign` is set.
    Campaign,
}

/// When a `require` rule applies; all given parts must hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Only posts (units) of at least this many words.
    min_words: Option<usize>,
    /// Only when these front matter keys are set (true).
    #[serde(default)]
    front_matter: Vec<FrontMatterKey>,
}

impl Condition {
    fn holds(&self, words: usize, cx: &Context<'_>) -> bool {
        self.min_words.is_none_or(|min| words >= min)
            && self.front_matter.iter().all(|key| match key {
                FrontMatterKey::Sponsored => cx.front_matter.sponsored == Some(true),
                FrontMatterKey::Campaign => cx.front_matter.campaign.is_some(),
            })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default = "super::yes")]
    ignore_case: bool,
    /// Any of these also satisfies the rule, e.g. `["links"]`.
    #[serde(default)]
    entities: Vec<Countable>,
    #[serde(default)]
    when: Condition,
}

pub const PLACEHOLDERS: &[&str] = &["campaign"];

pub struct Require {
    matcher: Matcher,
    entities: Vec<Countable>,
    when: Condition,
}

impl Require {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let src = cx.src;
        let span = cx.span.clone();
        let matcher = Matcher::compile(
            src,
            span.clone(),
            &spec.tokens,
            &spec.patterns,
            spec.ignore_case,
        )?;
        if spec.entities.contains(&Countable::Matches) {
            return Err(src
                .error(
                    span,
                    "`entities` lists things like \"links\" or \"hashtags\"; `matches` is not one",
                )
                .with_key("entities"));
        }
        if matcher.is_empty() && spec.entities.is_empty() {
            return Err(src.error(
                span,
                "a `require` rule needs `tokens`, `patterns` or `entities`",
            ));
        }
        Ok(Self {
            matcher,
            entities: spec.entities,
            when: spec.when,
        })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        if input.scope == Scope::Post && post.count > 1 {
            return self.check_thread(input, emit);
        }
        for unit in post.units(input.scope) {
            if !self.when.holds(post.words_in(unit).len(), input.cx) {
                continue;
            }
            let found = self.matcher.any(post, unit, |m| !post.is_hidden(m))
                || self
                    .entities
                    .iter()
                    .any(|e| !e.items(post, unit, &self.matcher).is_empty());
            if !found {
                // Point at the unit's last line: where the missing part usually goes.
                let at = post
                    .lines
                    .iter()
                    .rev()
                    .find(|l| unit.contains(**l))
                    .copied()
                    .unwrap_or(unit);
                let campaign = input.cx.front_matter.campaign.as_deref().unwrap_or("");
                emit.push(at, &[("campaign", campaign)], None, 1.0);
            }
        }
    }

    /// A thread asks once, usually at its end: the rule is met when any
    /// post of the thread has what it needs, and is reported on the last.
    fn check_thread(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        if post.index + 1 != post.count {
            return;
        }
        let thread = input.thread;
        if !self.when.holds(thread.words, input.cx) {
            return;
        }
        let squeezed = Squeezed::new(&post.text, thread.span);
        let found = self.matcher.any_in(
            &post.text,
            || &squeezed,
            thread.span,
            |m| !thread.in_link(m),
        ) || self.entities.iter().any(|c| match c.entity_kind() {
            Some(kind) => thread.has(kind),
            None => *c == Countable::Emoji && thread.emoji > 0,
        });
        if !found {
            let at = post.lines.last().copied().unwrap_or(post.span);
            let campaign = input.cx.front_matter.campaign.as_deref().unwrap_or("");
            emit.push(at, &[("campaign", campaign)], None, 1.0);
        }
    }
}
