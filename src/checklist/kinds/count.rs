//! `count`: how many of something a scope holds, against `min`/`max`.

use serde::Deserialize;
use toml::Spanned;

use super::api::{Bounds, Compile, Emit, Input, ThresholdSpec, number};
use super::countable::Countable;
use super::matcher::Matcher;
use crate::error::LoadError;

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

    pub fn uses_channel(&self) -> bool {
        self.bounds.uses_channel()
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
