//! `consistency`: two spellings of one term in the same post ("email" and
//! "e-mail"). The spelling used most (first, on a tie) wins.

use serde::Deserialize;

use super::api::{Emit, Input, Resources};
use super::case::match_case;
use super::matcher::Matcher;
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};
use crate::schema::Source;
use crate::span::Span;
use crate::text::post::Scope;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Groups of spellings of one term: `[["email", "e-mail"], ...]`.
    terms: Vec<Vec<String>>,
    #[serde(default = "super::yes")]
    ignore_case: bool,
}

pub const PLACEHOLDERS: &[&str] = &["match", "other"];

pub struct Consistency {
    /// For each group, each spelling as written in the checklist and its matcher.
    groups: Vec<Vec<(String, Matcher)>>,
}

impl Consistency {
    pub fn compile(
        spec: Spec,
        _: Scope,
        src: Source<'_>,
        span: std::ops::Range<usize>,
        _: &Resources,
    ) -> Result<Self, LoadError> {
        let mut groups = Vec::with_capacity(spec.terms.len());
        for group in &spec.terms {
            if group.len() < 2 {
                return Err(src
                    .error(
                        span.clone(),
                        "each group in `terms` needs at least two spellings",
                    )
                    .with_key("terms"));
            }
            let matchers = group
                .iter()
                .map(|t| {
                    Matcher::compile(
                        src,
                        span.clone(),
                        std::slice::from_ref(t),
                        &[],
                        spec.ignore_case,
                    )
                    .map(|m| (t.trim().to_owned(), m))
                })
                .collect::<Result<Vec<_>, _>>()?;
            groups.push(matchers);
        }
        Ok(Self { groups })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        for unit in post.units(input.scope) {
            for group in &self.groups {
                let found: Vec<Vec<Span>> = group
                    .iter()
                    .map(|(_, m)| {
                        let mut spans = Vec::new();
                        m.find_visible(post, unit, |s| spans.push(s));
                        spans
                    })
                    .collect();
                if found.iter().filter(|f| !f.is_empty()).count() < 2 {
                    continue;
                }
                let first_use = |i: usize| found[i].first().map_or(usize::MAX, |s| s.start);
                let winner = (0..found.len())
                    .max_by(|&a, &b| {
                        found[a]
                            .len()
                            .cmp(&found[b].len())
                            .then(first_use(b).cmp(&first_use(a)))
                    })
                    .unwrap_or(0);
                // The spelling the post uses most, written as the checklist
                // writes it, in the case of the text it replaces.
                let preferred = &group[winner].0;
                for (i, spans) in found.iter().enumerate() {
                    if i == winner {
                        continue;
                    }
                    for &s in spans {
                        let replacement = match_case(post.slice(s), preferred);
                        emit.push(
                            s,
                            &[("match", post.slice(s)), ("other", &replacement)],
                            Some(Fix::replace(s, replacement.clone(), Applicability::Review)),
                            1.0,
                        );
                    }
                }
            }
        }
    }
}
