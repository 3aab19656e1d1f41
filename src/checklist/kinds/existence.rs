//! `existence`: words, phrases or patterns that must not appear.

use serde::Deserialize;
use toml::Spanned;

use super::api::{Compile, Emit, Input};
use super::matcher::Matcher;
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};

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
    fix_applicability: Applicability,
}

impl Existence {
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
        if matcher.is_empty() {
            return Err(src
                .error(span, "an `existence` rule needs `tokens` or `patterns`")
                .with_hint("add tokens = [\"word\", \"a phrase\"] or patterns = [\"regex\"]"));
        }
        Ok(Self {
            matcher,
            replacement: spec.replacement,
            fix_applicability: if spec.safe_fix {
                Applicability::Safe
            } else {
                Applicability::Review
            },
        })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        for unit in post.units(input.scope) {
            self.matcher.find_visible(post, unit, |m| {
                let fix = self
                    .replacement
                    .as_ref()
                    .map(|r| Fix::replace(m, r.clone(), self.fix_applicability));
                emit.push(m, &[("match", post.slice(m))], fix, 1.0);
            });
        }
    }
}
