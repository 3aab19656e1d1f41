//! `substitution`: this word or phrase should be that one; carries a fix.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::matcher::Matcher;
use crate::error::LoadError;
use crate::finding::Fix;
use crate::post::Scope;
use crate::rule::{Emit, Input};
use crate::schema::Source;

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
    safe_fix: bool,
}

impl Substitution {
    pub fn compile(
        spec: Spec,
        _: Scope,
        src: Source<'_>,
        span: std::ops::Range<usize>,
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
            safe_fix: spec.safe_fix,
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
                let fix = Fix {
                    span: m,
                    replacement: suggestion.clone(),
                    safe: self.safe_fix,
                };
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

/// Gives the replacement the case of the text it replaces: "Utilize" ->
/// "Use", "UTILIZE" -> "USE".
pub fn match_case(found: &str, to: &str) -> String {
    let letters = found.chars().filter(|c| c.is_alphabetic());
    let all_upper = found.chars().filter(|c| c.is_alphabetic()).count() > 1
        && letters.clone().all(char::is_uppercase);
    if all_upper {
        return to.to_uppercase();
    }
    let mut chars = found.chars();
    match (chars.next(), to.chars().next()) {
        (Some(f), Some(t)) if f.is_uppercase() && t.is_lowercase() => {
            let mut out: String = t.to_uppercase().collect();
            out.push_str(&to[t.len_utf8()..]);
            out
        }
        _ => to.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::match_case;

    #[test]
    fn case_follows_the_original() {
        assert_eq!(match_case("utilize", "use"), "use");
        assert_eq!(match_case("Utilize", "use"), "Use");
        assert_eq!(match_case("UTILIZE", "use"), "USE");
        assert_eq!(match_case("In order to", "to"), "To");
        assert_eq!(match_case("github", "GitHub"), "GitHub");
    }
}
