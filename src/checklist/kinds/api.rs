//! The contract between the rule book and the kinds: what a kind's
//! `compile` is given (`Resources`, thresholds) and what its `check` is
//! given (`Input`) and fills (`Emit`). It sits below both, so kinds never
//! import the rule book and the rule book only calls kinds through `Kind`.

use serde::Deserialize;
use toml::Spanned;

use crate::checklist::template::Template;
use crate::error::LoadError;
use crate::finding::{Finding, Severity};
use crate::fix::Fix;
use crate::ids::RuleId;
use crate::input::document::FrontMatter;
pub use crate::outcome::{Skip, SkipReason};
use crate::profile::audience::{Audience, AudienceLimit};
use crate::profile::channel::{ChannelProfile, Limit};
use crate::profile::counted::Counted;
use crate::profile::purpose::{Goal, Tone, Tracking};
use crate::schema::{Source, variants_of};
use crate::span::Span;
use crate::text::lang::LangTag;
use crate::text::post::{Post, Scope, Thread};
use crate::text::spelling::hunspell::TeamDictionaries;
use crate::text::vocabulary::Vocabulary;

/// What a kind may share with other rules, loaded once per run and handed
/// to every `compile`: the place for a spelling dictionary or a team's word
/// lists, so ten rules that need one do not load it ten times.
#[derive(Debug, Default)]
pub struct Resources {
    /// The folder relative paths in checklists resolve against (the
    /// config's folder; `.` without a config).
    pub base_dir: std::path::PathBuf,
    /// The team's accepted and rejected words (`[vocabulary]`).
    pub vocabulary: std::sync::Arc<Vocabulary>,
    /// The team's Hunspell dictionaries (`[dictionaries]`), by language.
    pub dictionaries: std::sync::Arc<TeamDictionaries>,
}

/// What a kind's `compile` is given besides its own keys: the rule's
/// scope, where its table is (for located errors) and the run's shared
/// resources.
pub struct Compile<'a> {
    pub scope: Scope,
    pub src: Source<'a>,
    pub span: std::ops::Range<usize>,
    pub resources: &'a Resources,
}

/// Where a rule runs: the post's channel, audience and front matter.
pub struct Context<'a> {
    pub channel: &'a ChannelProfile,
    pub audience: &'a Audience,
    /// The post's own front matter in a thread that gives posts their own
    /// (twitter-together), else the file's.
    pub front_matter: &'a FrontMatter,
    /// Whether `front_matter`'s poll and images belong to this post: it is
    /// the post's own, or the post is the first.
    pub own_front_matter: bool,
    /// The post's language (front matter > override > config > detected > `en`).
    pub lang: LangTag,
    /// What the post is for, when something says.
    pub goal: Option<Goal>,
    pub tone: Tone,
    /// The team's own domains and UTM tags (`[strategy]`).
    pub tracking: &'a Tracking,
    /// The post's text as the channel's platform counts it.
    pub counted: Counted<'a>,
}

/// A threshold written as a number, or as a channel's or audience's value:
/// `max = 25`, `max = "channel.max_length"`, `max = "audience.max_grade"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Threshold {
    Fixed(f64),
    Channel(Limit),
    Audience(AudienceLimit),
}

impl Threshold {
    /// The value for this post; `None` when the channel has no such limit
    /// (the rule then does not apply).
    pub fn resolve(self, cx: &Context<'_>) -> Option<f64> {
        match self {
            Threshold::Fixed(v) => Some(v),
            Threshold::Channel(limit) => cx.channel.limit(limit).map(|v| v as f64),
            Threshold::Audience(limit) => Some(cx.audience.get(limit)),
        }
    }
}

/// A rule's `min` and `max`, at least one of them, with `min <= max` when
/// both are numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    min: Option<Threshold>,
    max: Option<Threshold>,
}

impl Bounds {
    /// Whether a threshold is the channel's (`max = "channel.hashtags"`).
    pub fn uses_channel(self) -> bool {
        [self.min, self.max]
            .iter()
            .any(|t| matches!(t, Some(Threshold::Channel(_))))
    }

    /// Compiles the two keys, locating errors at their values.
    pub fn compile(
        src: Source<'_>,
        span: std::ops::Range<usize>,
        what: &str,
        min: Option<Spanned<ThresholdSpec>>,
        max: Option<Spanned<ThresholdSpec>>,
    ) -> Result<Self, LoadError> {
        let one = |key: &str, spec: Option<Spanned<ThresholdSpec>>| {
            spec.map(|s| {
                s.get_ref()
                    .compile()
                    .map_err(|e| src.error(s.span(), e).with_key(key))
            })
            .transpose()
        };
        let bounds = Bounds {
            min: one("min", min)?,
            max: one("max", max)?,
        };
        match bounds {
            Bounds {
                min: None,
                max: None,
            } => Err(src.error(span, format!("{what} needs `min` or `max`"))),
            Bounds {
                min: Some(Threshold::Fixed(lo)),
                max: Some(Threshold::Fixed(hi)),
            } if lo > hi => Err(src
                .error(
                    span,
                    format!("`min` ({lo}) is above `max` ({hi}): nothing could pass"),
                )
                .with_key("min")),
            _ => Ok(bounds),
        }
    }

    /// The numbers for this post; `(None, None)` when neither applies here.
    pub fn resolve(self, cx: &Context<'_>) -> (Option<f64>, Option<f64>) {
        (
            self.min.and_then(|t| t.resolve(cx)),
            self.max.and_then(|t| t.resolve(cx)),
        )
    }
}

/// The raw TOML form of a [`Threshold`].
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ThresholdSpec {
    Number(f64),
    Named(String),
}

impl ThresholdSpec {
    pub fn compile(&self) -> Result<Threshold, String> {
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};
        let name = match self {
            ThresholdSpec::Number(v) if v.is_finite() && *v >= 0.0 => {
                return Ok(Threshold::Fixed(*v));
            }
            ThresholdSpec::Number(v) => {
                return Err(format!("threshold must be a number >= 0, not {v}"));
            }
            ThresholdSpec::Named(name) => name.as_str(),
        };
        let bad = || {
            let named: Vec<String> = variants_of::<Limit>()
                .iter()
                .map(|v| format!("`channel.{v}`"))
                .chain(
                    variants_of::<AudienceLimit>()
                        .iter()
                        .map(|v| format!("`audience.{v}`")),
                )
                .collect();
            format!(
                "unknown threshold `{name}`; use a number or one of {}",
                named.join(", ")
            )
        };
        let (owner, field) = name.split_once('.').ok_or_else(bad)?;
        let de: StrDeserializer<'_, Error> = field.into_deserializer();
        match owner {
            "channel" => Limit::deserialize(de)
                .map(Threshold::Channel)
                .map_err(|_| bad()),
            "audience" => AudienceLimit::deserialize(de)
                .map(Threshold::Audience)
                .map_err(|_| bad()),
            _ => Err(bad()),
        }
    }
}

/// Collects one rule's findings for one post.
pub struct Emit<'o> {
    pub rule: RuleId,
    pub severity: Severity,
    pub message: &'o Template,
    pub out: &'o mut Vec<Finding>,
    /// Rules that could not check this post, and why.
    pub skipped: &'o mut Vec<Skip>,
}

impl Emit<'_> {
    /// The rule could not check this post; the report says so, because
    /// silence would read as "no problems".
    pub fn skip(&mut self, reason: SkipReason) {
        self.skipped.push(Skip {
            rule: self.rule,
            reason,
        });
    }

    /// As [`Emit::push`], with another of the rule's messages.
    pub fn push_message(
        &mut self,
        message: &Template,
        span: Span,
        vars: &[(&str, &str)],
        fix: Option<Fix>,
    ) {
        self.push(span, vars, fix, 1.0);
        if let Some(last) = self.out.last_mut() {
            last.message = message.render(vars);
        }
    }

    /// `ratio` is how far past its threshold a measured value is (value ÷
    /// threshold; 1.0 for a plain finding). It weighs in by its square root,
    /// capped at 3: twice the limit costs 1.4 times as much, not double.
    pub fn push(&mut self, span: Span, vars: &[(&str, &str)], fix: Option<Fix>, ratio: f64) {
        self.out.push(Finding {
            rule: self.rule,
            severity: self.severity,
            span,
            message: self.message.render(vars),
            fix,
            magnitude: if ratio.is_finite() {
                ratio.max(1.0).sqrt().min(3.0)
            } else {
                3.0
            },
        });
    }
}

/// The post and context every kind's `check` receives.
pub struct Input<'p, 'a> {
    pub post: &'p Post<'a>,
    /// The thread up to and including this post: complete at its last post,
    /// which is where rules that ask once per thread look.
    pub thread: &'p Thread,
    pub cx: &'p Context<'p>,
    pub scope: Scope,
}

pub use crate::finding::number;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_name_channel_and_audience_values() {
        assert_eq!(
            ThresholdSpec::Number(3.0).compile(),
            Ok(Threshold::Fixed(3.0))
        );
        assert_eq!(
            ThresholdSpec::Named("channel.max_length".into()).compile(),
            Ok(Threshold::Channel(Limit::MaxLength))
        );
        assert_eq!(
            ThresholdSpec::Named("audience.max_grade".into()).compile(),
            Ok(Threshold::Audience(AudienceLimit::MaxGrade))
        );
        assert!(
            ThresholdSpec::Named("channel.length".into())
                .compile()
                .is_err()
        );
        assert!(ThresholdSpec::Number(-1.0).compile().is_err());
        let hint = ThresholdSpec::Named("channel.lenght".into())
            .compile()
            .unwrap_err();
        for name in [
            "`channel.max_length`",
            "`channel.links`",
            "`audience.max_grade`",
        ] {
            assert!(hint.contains(name), "{hint}");
        }
    }
}
