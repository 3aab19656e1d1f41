//! `consistency`: two spellings of one term in the same post ("email" and
//! "e-mail"). The spelling used most (first, on a tie) wins.

use serde::Deserialize;

use super::api::{Compile, Emit, Input};
use super::case::Casing;
use super::matcher::Matcher;
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};
use crate::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Groups of spellings of one term: `[["email", "e-mail"], ...]`.
    terms: Vec<Vec<String>>,
    #[serde(default = "super::yes")]
    ignore_case: bool,
}

pub const PLACEHOLDERS: &[&str] = &["match", "other"];

/// A place matched by several spellings of a group and written as none.
const NONE: usize = usize::MAX;

pub struct Consistency {
    /// For each group, each spelling as written in the checklist and its matcher.
    groups: Vec<Vec<(String, Matcher)>>,
}

impl Consistency {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let src = cx.src;
        let span = cx.span.clone();
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
        // (place, index of the spelling found there), reused across groups.
        let mut hits: Vec<(Span, usize)> = Vec::new();
        for unit in post.units(input.scope) {
            for group in &self.groups {
                hits.clear();
                for (i, (_, m)) in group.iter().enumerate() {
                    m.find_visible(post, unit, |s| hits.push((s, i)));
                }
                // With `ignore_case`, spellings that differ only in case
                // ("GitHub", "Github") all match the same place: it belongs
                // to the one written exactly there; written as none of them
                // ("GITHUB"), it counts for none and is told to follow.
                let exact = |&(s, i): &(Span, usize)| i != NONE && post.slice(s) == group[i].0;
                hits.sort_by_key(|h| (h.0.start, h.0.end, !exact(h), h.1));
                hits.dedup_by(|later, kept| {
                    let same = later.0 == kept.0;
                    if same && !exact(kept) {
                        kept.1 = NONE;
                    }
                    same
                });
                let uses = |i: usize| hits.iter().filter(move |h| h.1 == i);
                let spellings = (0..group.len())
                    .chain([NONE])
                    .filter(|&i| uses(i).next().is_some())
                    .count();
                if spellings < 2 {
                    continue;
                }
                // The spelling used most wins; on a tie, the one used first.
                let first_use = |i: usize| uses(i).next().map_or(usize::MAX, |h| h.0.start);
                let winner = (0..group.len())
                    .max_by(|&a, &b| {
                        uses(a)
                            .count()
                            .cmp(&uses(b).count())
                            .then(first_use(b).cmp(&first_use(a)))
                    })
                    .unwrap_or(0);
                // Written as the checklist writes it, in the case of the text
                // it replaces unless the group states the case ("GitHub").
                let preferred = &group[winner].0;
                for &(s, i) in &hits {
                    if i == winner {
                        continue;
                    }
                    let found = post.slice(s);
                    let spelled = group.get(i).map_or(found, |(spelling, _)| spelling);
                    let replacement = Casing::of(spelled, preferred).apply(found, preferred);
                    if replacement == found {
                        continue;
                    }
                    emit.push(
                        s,
                        &[("match", found), ("other", &replacement)],
                        Some(Fix::replace(s, replacement.clone(), Applicability::Review)),
                        1.0,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    /// (matched text, suggested text) for each finding of a `consistency`
    /// rule with these `terms` on `text`.
    fn fixes(terms: &str, text: &str) -> Vec<(String, String)> {
        let toml = format!(
            "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
             [[rule]]\nid = \"same\"\nkind = \"consistency\"\nterms = [{terms}]\n\
             severity = \"warning\"\nmessage = \"{{match}} / {{other}}\"\n"
        );
        let engine = Engine::with_checklist("team.toml", &toml).unwrap_or_else(|e| panic!("{e:?}"));
        let outcome = engine.check_source(None, "t".into(), text.into());
        outcome.posts[0]
            .findings
            .iter()
            .map(|f| {
                let edit = &f
                    .fix
                    .as_ref()
                    .expect("a consistency finding has a fix")
                    .edits[0];
                assert_ne!(
                    outcome.source[edit.span.range()],
                    edit.replacement,
                    "a no-op fix"
                );
                (
                    outcome.source[f.span.range()].to_owned(),
                    edit.replacement.clone(),
                )
            })
            .collect()
    }

    fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn spellings_that_differ_in_case_are_told_apart_once_each() {
        let terms = r#"["GitHub", "Github"]"#;
        assert_eq!(
            fixes(terms, "GitHub is great. Github too. We love GitHub."),
            owned(&[("Github", "GitHub")])
        );
        // Written as neither, it follows the spelling the post uses.
        assert_eq!(
            fixes(terms, "Github here, Github there, GITHUB everywhere."),
            owned(&[("GITHUB", "Github")])
        );
        assert!(fixes(terms, "GitHub and GitHub.").is_empty());
    }

    #[test]
    fn a_preferred_spelling_with_inner_capitals_keeps_them() {
        assert_eq!(
            fixes(r#"["macOS", "Mac OS"]"#, "Mac OS is old; macOS and macOS."),
            owned(&[("Mac OS", "macOS")])
        );
    }

    #[test]
    fn a_spelling_in_capitals_is_not_taken_for_shouting() {
        assert_eq!(
            fixes(r#"["okay", "OK"]"#, "Okay, that is OK with us."),
            owned(&[("OK", "okay")])
        );
        assert_eq!(
            fixes(r#"["okay", "OK"]"#, "OK, OK, that is okay."),
            owned(&[("okay", "OK")])
        );
        // Other spellings still take the case of what they replace.
        assert_eq!(
            fixes(
                r#"["email", "e-mail"]"#,
                "E-mail us. Send an email, an email or an email. Read every E-MAIL."
            ),
            owned(&[("E-mail", "Email"), ("E-MAIL", "EMAIL")])
        );
    }
}
