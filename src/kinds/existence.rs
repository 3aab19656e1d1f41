//! `existence`: words, phrases or patterns that must not appear.

use serde::Deserialize;
use toml::Spanned;

use super::matcher::Matcher;
use crate::error::LoadError;
use crate::finding::Fix;
use crate::post::Scope;
use crate::rule::{Emit, Input};
use crate::schema::Source;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default = "super::yes")]
    ignore_case: bool,
    /// When set, a fix replaces each match with this text.
    replacement: Option<String>,
    #[serde(default = "super::yes")]
    safe_fix: bool,
}

pub const PLACEHOLDERS: &[&str] = &["match"];

pub struct Existence {
    matcher: Matcher,
    replacement: Option<String>,
    safe_fix: bool,
}

impl Existence {
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
        if matcher.is_empty() {
            return Err(src
                .error(span, "an `existence` rule needs `tokens` or `patterns`")
                .with_hint("add tokens = [\"word\", \"a phrase\"] or patterns = [\"regex\"]"));
        }
        Ok(Self {
            matcher,
            replacement: spec.replacement,
            safe_fix: spec.safe_fix,
        })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        for unit in post.units(input.scope) {
            self.matcher.find_visible(post, unit, |m| {
                let fix = self.replacement.as_ref().map(|r| Fix {
                    span: m,
                    replacement: r.clone(),
                    safe: self.safe_fix,
                });
                emit.push(m, &[("match", post.slice(m))], fix, 1.0);
            });
        }
    }
}
