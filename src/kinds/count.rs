//! `count`: how many of something a scope holds, against `min`/`max`.

use serde::Deserialize;
use toml::Spanned;

use super::matcher::Matcher;
use crate::entities::EntityKind;
use crate::error::LoadError;
use crate::post::{Post, Scope};
use crate::rule::{Bounds, Emit, Input, ThresholdSpec, number};
use crate::schema::Source;
use crate::span::Span;

/// What a `count` rule counts (`count = "hashtags"`); `matches` counts the
/// rule's own `tokens`/`patterns`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Countable {
    Hashtags,
    Mentions,
    Cashtags,
    Links,
    Emoji,
    Matches,
}

impl Countable {
    /// The entity kind this counts, if it counts entities.
    pub fn entity_kind(self) -> Option<EntityKind> {
        match self {
            Countable::Hashtags => Some(EntityKind::Hashtag),
            Countable::Mentions => Some(EntityKind::Mention),
            Countable::Cashtags => Some(EntityKind::Cashtag),
            Countable::Links => Some(EntityKind::Url),
            Countable::Emoji | Countable::Matches => None,
        }
    }

    /// The spans of these things inside `unit`, in order.
    pub fn items(self, post: &Post<'_>, unit: Span, matcher: &Matcher) -> Vec<Span> {
        let entity = |kind| post.entities_in(unit, kind).collect();
        match self {
            Countable::Hashtags => entity(EntityKind::Hashtag),
            Countable::Mentions => entity(EntityKind::Mention),
            Countable::Cashtags => entity(EntityKind::Cashtag),
            Countable::Links => entity(EntityKind::Url),
            Countable::Emoji => post
                .emoji
                .iter()
                .copied()
                .filter(|e| unit.contains(*e))
                .collect(),
            Countable::Matches => {
                let mut out = Vec::new();
                matcher.find_visible(post, unit, |m| out.push(m));
                out.sort();
                out
            }
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    count: Countable,
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default = "super::yes")]
    ignore_case: bool,
    min: Option<Spanned<ThresholdSpec>>,
    max: Option<Spanned<ThresholdSpec>>,
}

pub const PLACEHOLDERS: &[&str] = &["value", "min", "max"];

pub struct Count {
    count: Countable,
    matcher: Matcher,
    bounds: Bounds,
}

impl Count {
    pub fn compile(
        spec: Spec,
        _: Scope,
        src: Source<'_>,
        span: std::ops::Range<usize>,
    ) -> Result<Self, LoadError> {
        let matcher = Matcher::compile(
            src,
            span.clone(),
            &spec.tokens,
            &spec.patterns,
            spec.ignore_case,
        )?;
        if (spec.count == Countable::Matches) == matcher.is_empty() {
            let msg = if matcher.is_empty() {
                "`count = \"matches\"` needs `tokens` or `patterns`"
            } else {
                "`tokens`/`patterns` are only used with `count = \"matches\"`"
            };
            return Err(src.error(span, msg).with_key("count"));
        }
        let bounds = Bounds::compile(src, span, "a `count` rule", spec.min, spec.max)?;
        Ok(Self {
            count: spec.count,
            matcher,
            bounds,
        })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        let (min, max) = self.bounds.resolve(input.cx);
        for unit in post.units(input.scope) {
            let items = self.count.items(post, unit, &self.matcher);
            let n = items.len() as f64;
            let vars = |v: &str| {
                [
                    ("value", v.to_owned()),
                    ("min", min.map(number).unwrap_or_default()),
                    ("max", max.map(number).unwrap_or_default()),
                ]
            };
            if let Some(max) = max
                && n > max
            {
                // Point at the first item past the limit.
                let at = items[max as usize];
                let v = vars(&number(n));
                let v: Vec<(&str, &str)> = v.iter().map(|(k, s)| (*k, s.as_str())).collect();
                emit.push(at, &v, None, n / max.max(1.0));
            }
            if let Some(min) = min
                && n < min
            {
                let v = vars(&number(n));
                let v: Vec<(&str, &str)> = v.iter().map(|(k, s)| (*k, s.as_str())).collect();
                emit.push(unit, &v, None, min / n.max(1.0));
            }
        }
    }
}
