//! A compiled rule: the keys every rule has, plus its kind's compiled
//! matcher. Built once per run by `checklist`, then shared by reference
//! across threads (`check(&self, ..)`).

use serde::Deserialize;
use toml::Spanned;

use crate::audience::{Audience, AudienceLimit};
use crate::channel::{ChannelProfile, Limit};
use crate::document::FrontMatter;
use crate::error::LoadError;
use crate::finding::{Finding, Fix, Severity};
use crate::kinds::Kind;
use crate::post::{Post, Reading, Scope};
use crate::schema::Source;
use crate::span::Span;

pub struct Rule {
    /// Full id: `checklist.rule`.
    pub id: String,
    /// Index of the rule's checklist in the run's rule book.
    pub checklist: usize,
    pub severity: Severity,
    pub enabled: bool,
    pub message: Template,
    pub why: String,
    pub help: Option<String>,
    pub scope: Scope,
    /// Channel ids the rule applies to; `None` for all.
    pub channels: Option<Vec<String>>,
    /// Only for posts read this way; `None` for all.
    pub reading: Option<Reading>,
    /// The kind's own keys as TOML (after config overrides), for `explain`.
    pub settings: String,
    pub examples: Examples,
    pub kind: Kind,
}

impl Rule {
    pub fn applies_to(&self, channel: &str) -> bool {
        self.channels
            .as_ref()
            .is_none_or(|list| list.iter().any(|c| c.eq_ignore_ascii_case(channel)))
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

/// Where a rule runs: the post's channel, audience and front matter.
pub struct Context<'a> {
    pub channel: &'a ChannelProfile,
    pub audience: &'a Audience,
    pub front_matter: &'a FrontMatter,
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
            Threshold::Channel(limit) => cx.channel.limits.get(limit).map(|v| v as f64),
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
            format!(
                "unknown threshold `{name}`; use a number, `channel.max_length`, `channel.fold`, \
                 `channel.hashtags`, `channel.max_hashtags`, `channel.mentions`, `channel.links` \
                 or `audience.max_grade`"
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

/// A message with `{name}` placeholders, checked against the names the
/// rule's kind provides when the checklist is loaded.
#[derive(Debug, Clone)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
enum Part {
    Text(String),
    Var(String),
}

impl Template {
    pub fn parse(text: &str, allowed: &[&str]) -> Result<Self, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        let mut literal = String::new();
        while let Some(i) = rest.find(['{', '}']) {
            literal.push_str(&rest[..i]);
            let c = rest.as_bytes()[i];
            rest = &rest[i + 1..];
            if rest.as_bytes().first() == Some(&c) {
                literal.push(c as char);
                rest = &rest[1..];
                continue;
            }
            if c == b'}' {
                return Err("unmatched `}` in message; write `}}` for a literal brace".into());
            }
            let end = rest
                .find('}')
                .ok_or("unclosed `{` in message; write `{{` for a literal brace")?;
            let name = &rest[..end];
            if !allowed.contains(&name) {
                return Err(format!(
                    "unknown placeholder `{{{name}}}` in message; this kind offers {}",
                    if allowed.is_empty() {
                        "none".to_owned()
                    } else {
                        allowed
                            .iter()
                            .map(|a| format!("{{{a}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                ));
            }
            if !literal.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut literal)));
            }
            parts.push(Part::Var(name.to_owned()));
            rest = &rest[end + 1..];
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        Ok(Self { parts })
    }

    pub fn render(&self, vars: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(name) => {
                    if let Some((_, v)) = vars.iter().find(|(n, _)| n == name) {
                        if v.contains('\n') {
                            // A match across a line break reads as one line.
                            out.push_str(&v.split_whitespace().collect::<Vec<_>>().join(" "));
                        } else {
                            out.push_str(v);
                        }
                    }
                }
            }
        }
        out
    }
}

/// Collects one rule's findings for one post.
pub struct Emit<'o> {
    pub rule_index: usize,
    pub rule: &'o Rule,
    pub out: &'o mut Vec<Finding>,
}

impl Emit<'_> {
    /// `ratio` is how far past its threshold a measured value is (value ÷
    /// threshold; 1.0 for a plain finding). It weighs in by its square root,
    /// capped at 3: twice the limit costs 1.4 times as much, not double.
    pub fn push(&mut self, span: Span, vars: &[(&str, &str)], fix: Option<Fix>, ratio: f64) {
        self.out.push(Finding {
            rule: self.rule_index,
            severity: self.rule.severity,
            span,
            message: self.rule.message.render(vars),
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
    pub cx: &'p Context<'p>,
    pub scope: Scope,
}

/// Formats a measured number for a message: integers without decimals.
pub fn number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_renders_and_validates() {
        let t = Template::parse(
            "Use '{suggestion}' not '{match}' {{ok}}",
            &["match", "suggestion"],
        )
        .unwrap();
        assert_eq!(
            t.render(&[("match", "utilize"), ("suggestion", "use")]),
            "Use 'use' not 'utilize' {ok}"
        );
        assert!(
            Template::parse("{valeu}", &["value"])
                .unwrap_err()
                .contains("{value}")
        );
        assert!(Template::parse("oops {", &[]).is_err());
    }

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
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(number(25.0), "25");
        assert_eq!(number(11.24), "11.2");
    }
}
