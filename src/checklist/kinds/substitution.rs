//! `substitution`: this word or phrase should be that one; carries a fix.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::api::{Emit, Input, Resources};
use super::case::match_case;
use super::matcher::Matcher;
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};
use crate::schema::Source;
use crate::text::post::Scope;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    swap: BTreeMap<String, String>,
    #[serde(default = "super::yes")]
    ignore_case: bool,
    /// Whether `--fix` may apply the swap without review.
    #[serde(default = "super::yes")]
    safe_fix: bool,
}

pub const PLACEHOLDERS: &[&str] = &["match", "suggestion"];

pub struct Substitution {
    matcher: Matcher,
    /// Normalised (lowercase when `ignore_case`, single spaces) -> replacement.
    swap: HashMap<String, String>,
    ignore_case: bool,
    fix_applicability: Applicability,
}

impl Substitution {
    pub fn compile(
        spec: Spec,
        _: Scope,
        src: Source<'_>,
        span: std::ops::Range<usize>,
        _: &Resources,
    ) -> Result<Self, LoadError> {
        if spec.swap.is_empty() {
            return Err(src
                .error(
                    span,
                    "a `substitution` rule needs at least one entry in `swap`",
                )
                .with_key("swap")
                .with_hint("swap = { \"utilize\" = \"use\" }"));
        }
        let tokens: Vec<String> = spec.swap.keys().cloned().collect();
        let matcher = Matcher::compile(src, span, &tokens, &[], spec.ignore_case)?;
        let swap = spec
            .swap
            .into_iter()
            .map(|(from, to)| (normalise(&from, spec.ignore_case), to))
            .collect();
        Ok(Self {
            matcher,
            swap,
            ignore_case: spec.ignore_case,
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
                let found = post.slice(m);
                let Some(to) = self.swap.get(&normalise(found, self.ignore_case)) else {
                    return;
                };
                let suggestion = match_case(found, to);
                let fix = Fix::replace(m, suggestion.clone(), self.fix_applicability);
                emit.push(
                    m,
                    &[("match", found), ("suggestion", &suggestion)],
                    Some(fix),
                    1.0,
                );
            });
        }
    }
}

fn normalise(s: &str, ignore_case: bool) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if ignore_case {
        joined.to_lowercase()
    } else {
        joined
    }
}
