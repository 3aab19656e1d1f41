//! `substitution`: this word or phrase should be that one; carries a fix.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::api::{Compile, Emit, Input};
use super::case::Casing;
use super::matcher::Matcher;
use super::quoted::is_quoted;
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    #[serde(default)]
    swap: BTreeMap<String, String>,
    /// Swaps whose fix a person should review whatever `safe_fix` says:
    /// the new word may not fit the grammar around it ("purchase" is also
    /// a noun, "an individual" is not "an person").
    #[serde(default)]
    swap_review: BTreeMap<String, String>,
    #[serde(default = "super::yes")]
    ignore_case: bool,
    /// Whether `--fix` may apply the swaps in `swap` without review.
    #[serde(default = "super::yes")]
    safe_fix: bool,
    /// Words or phrases that cancel a match whose end they cover: the
    /// contexts where a listed word is the right one ("master's degree",
    /// "color-blind to", "hate speech").
    #[serde(default)]
    except: Vec<String>,
    /// Leave matches in quotation marks or a block quote alone: someone
    /// else's words, a title, a word mentioned rather than used.
    #[serde(default)]
    skip_quoted: bool,
}

pub const PLACEHOLDERS: &[&str] = &["match", "suggestion"];

pub struct Substitution {
    matcher: Matcher,
    /// Normalised (lowercase when `ignore_case`, single spaces) ->
    /// replacement, how it takes its case, and whether its fix is safe.
    swap: HashMap<String, (String, Casing, Applicability)>,
    ignore_case: bool,
    skip_quoted: bool,
}

impl Substitution {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let src = cx.src;
        let span = cx.span.clone();
        if spec.swap.is_empty() && spec.swap_review.is_empty() {
            return Err(src
                .error(
                    span,
                    "a `substitution` rule needs at least one entry in `swap`",
                )
                .with_key("swap")
                .with_hint("swap = { \"utilize\" = \"use\" }"));
        }
        let safe = if spec.safe_fix {
            Applicability::Safe
        } else {
            Applicability::Review
        };
        let in_swap: HashSet<String> = spec
            .swap
            .keys()
            .map(|k| normalise(k, spec.ignore_case))
            .collect();
        if let Some(both) = spec
            .swap_review
            .keys()
            .find(|k| in_swap.contains(&normalise(k, spec.ignore_case)))
        {
            return Err(src
                .error(
                    span,
                    format!("\"{both}\" is in both `swap` and `swap_review`"),
                )
                .with_key("swap_review")
                .with_hint("keep it in one: `swap_review` when its fix needs a person to look"));
        }
        let every_key = in_swap.iter().cloned().chain(
            spec.swap_review
                .keys()
                .map(|k| normalise(k, spec.ignore_case)),
        );
        let keys: HashSet<String> = every_key.collect();
        if let Some(same) = spec
            .except
            .iter()
            .find(|e| keys.contains(&normalise(e, spec.ignore_case)))
        {
            return Err(src
                .error(
                    span,
                    format!(
                        "\"{same}\" is both swapped and an exception, so it would never be found"
                    ),
                )
                .with_key("except")
                .with_hint(
                    "an exception is a longer context: \"master's degree\" for \"master\"",
                ));
        }
        let entries = spec.swap.into_iter().map(|e| (e, safe)).chain(
            spec.swap_review
                .into_iter()
                .map(|e| (e, Applicability::Review)),
        );
        let mut tokens = Vec::new();
        let mut swap = HashMap::new();
        for ((from, to), applicability) in entries {
            let casing = Casing::of(&normalise(&from, false), to.trim());
            swap.insert(
                normalise(&from, spec.ignore_case),
                (to, casing, applicability),
            );
            tokens.push(from);
        }
        let matcher = Matcher::compile(src, span.clone(), &tokens, &[], spec.ignore_case)?.except(
            src,
            span,
            &spec.except,
            spec.ignore_case,
        )?;
        Ok(Self {
            matcher,
            swap,
            ignore_case: spec.ignore_case,
            skip_quoted: spec.skip_quoted,
        })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        for unit in post.units(input.scope) {
            self.matcher.find_visible(post, unit, |m| {
                if self.skip_quoted && is_quoted(post, m) {
                    return;
                }
                let found = post.slice(m);
                let Some((to, casing, applicability)) =
                    self.swap.get(&normalise(found, self.ignore_case))
                else {
                    return;
                };
                let suggestion = casing.apply(found, to);
                // Already written as the rule wants ("iPhone" matched by
                // "Iphone" -> "iPhone" with `ignore_case`): nothing to say.
                if suggestion == found {
                    return;
                }
                let fix = Fix::replace(m, suggestion.clone(), *applicability);
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

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    /// (matched text, suggested text, message) for each finding of a
    /// `substitution` rule with these `swap` entries on `text`.
    fn found(swap: &str, extra: &str, text: &str) -> Vec<(String, String, String)> {
        let toml = format!(
            "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
             [[rule]]\nid = \"names\"\nkind = \"substitution\"\nswap = {{ {swap} }}\n{extra}\
             severity = \"warning\"\nmessage = 'Write \"{{suggestion}}\", not \"{{match}}\".'\n"
        );
        let engine = Engine::with_checklist("team.toml", &toml).unwrap_or_else(|e| panic!("{e:?}"));
        let outcome = engine.check_source(None, "t".into(), text.into());
        outcome.posts[0]
            .findings
            .iter()
            .map(|f| {
                let edit = &f.fix.as_ref().expect("a substitution has a fix").edits[0];
                (
                    outcome.source[f.span.range()].to_owned(),
                    edit.replacement.clone(),
                    f.message.clone(),
                )
            })
            .collect()
    }

    fn pairs(swap: &str, text: &str) -> Vec<(String, String)> {
        found(swap, "", text)
            .into_iter()
            .map(|(m, s, _)| (m, s))
            .collect()
    }

    fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn a_case_only_swap_suggests_its_own_case_and_never_a_no_op() {
        let swap = "\"Postlint\" = \"postlint\"";
        let got = found(swap, "", "Postlint checks posts. We like postlint.");
        assert_eq!(
            got,
            [(
                "Postlint".to_owned(),
                "postlint".to_owned(),
                "Write \"postlint\", not \"Postlint\".".to_owned()
            )]
        );
        assert_eq!(
            pairs(swap, "POSTLINT is loud."),
            owned(&[("POSTLINT", "postlint")])
        );
        assert!(pairs(swap, "We use postlint daily.").is_empty());
        // Case-sensitive, the rule still suggests what it says.
        let got = found(swap, "ignore_case = false\n", "Postlint and postlint.");
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("Postlint", "postlint")
        );
    }

    #[test]
    fn a_mixed_case_replacement_keeps_its_case() {
        let swap = "\"Iphone\" = \"iPhone\"";
        assert_eq!(
            pairs(swap, "Iphone owners, IPHONE fans and iphone users."),
            owned(&[
                ("Iphone", "iPhone"),
                ("IPHONE", "iPhone"),
                ("iphone", "iPhone")
            ])
        );
        assert!(pairs(swap, "Get the iPhone app.").is_empty());
        assert_eq!(
            pairs("\"Github\" = \"GitHub\"", "GITHUB and Github."),
            owned(&[("GITHUB", "GitHub"), ("Github", "GitHub")])
        );
    }

    #[test]
    fn swap_review_entries_need_review_and_swap_entries_follow_safe_fix() {
        use crate::fix::Applicability::{Review, Safe};
        let toml = "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
             [[rule]]\nid = \"plain\"\nkind = \"substitution\"\n\
             swap = { \"utilize\" = \"use\" }\nswap_review = { \"purchase\" = \"buy\" }\n\
             severity = \"suggestion\"\nmessage = \"m\"\n";
        let applicability = |toml: &str| {
            let engine =
                Engine::with_checklist("team.toml", toml).unwrap_or_else(|e| panic!("{e:?}"));
            let outcome = engine.check_source(None, "t".into(), "Utilize it; purchase it.".into());
            outcome.posts[0]
                .findings
                .iter()
                .map(|f| f.fix.as_ref().unwrap().applicability)
                .collect::<Vec<_>>()
        };
        assert_eq!(applicability(toml), [Safe, Review]);
        let unsafe_toml = toml.replace("severity", "safe_fix = false\nseverity");
        assert_eq!(applicability(&unsafe_toml), [Review, Review]);
        // Only `swap_review` is enough; one word in both is an error.
        let review_only = toml.replace("swap = { \"utilize\" = \"use\" }\n", "");
        assert_eq!(applicability(&review_only), [Review]);
        let both = toml.replace("\"purchase\" = \"buy\"", "\"Utilize\" = \"use\"");
        let Err(errors) = Engine::with_checklist("team.toml", &both) else {
            panic!("a word in both tables loads");
        };
        assert!(format!("{errors:?}").contains("in both"), "{errors:?}");
    }

    #[test]
    fn exceptions_and_quotations_leave_a_swap_alone() {
        let swap = "\"master\" = \"main\", \"crazy\" = \"wild\"";
        let except = "except = [\"master's degree\", \"master of science\"]\n";
        let got = |extra: &str, text: &str| {
            found(swap, extra, text)
                .into_iter()
                .map(|(m, s, _)| (m, s))
                .collect::<Vec<_>>()
        };
        let text = "Her Master's degree and his Master of Science sit on the master copy.";
        assert_eq!(got(except, text), owned(&[("master", "main")]));
        // Without the exceptions, every one is found.
        assert_eq!(got("", text).len(), 3);
        let text = "They called it \"crazy\", and a crazy week it was.";
        assert_eq!(got("", text).len(), 2);
        assert_eq!(
            got("skip_quoted = true\n", text),
            owned(&[("crazy", "wild")])
        );
    }

    #[test]
    fn an_exception_that_is_a_swapped_word_is_an_error() {
        let toml = "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
             [[rule]]\nid = \"plain\"\nkind = \"substitution\"\n\
             swap_review = { \"Master\" = \"main\" }\nexcept = [\"master\"]\n\
             severity = \"suggestion\"\nmessage = \"m\"\n";
        let Err(errors) = Engine::with_checklist("team.toml", toml) else {
            panic!("an exception that cancels its own swap loads");
        };
        assert!(
            format!("{errors:?}").contains("never be found"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_plain_replacement_follows_the_case_of_the_match() {
        let swap = "\"utilize\" = \"use\"";
        assert_eq!(
            pairs(swap, "Utilize it. UTILIZE it. utilize it."),
            owned(&[("Utilize", "Use"), ("UTILIZE", "USE"), ("utilize", "use")])
        );
    }
}
