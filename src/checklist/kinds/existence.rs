//! `existence`: words, phrases or patterns that must not appear.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::api::{Compile, Emit, Input};
use super::matcher::{self, Matcher};
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    /// Named word lists the patterns use as `{name}`.
    #[serde(default)]
    lists: BTreeMap<String, Vec<String>>,
    /// Words or phrases that cancel a match whose end they cover.
    #[serde(default)]
    except: Vec<String>,
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
        let patterns = matcher::expand_lists(src, span.clone(), spec.patterns, &spec.lists)?;
        let matcher =
            Matcher::compile(src, span.clone(), &spec.tokens, &patterns, spec.ignore_case)?
                .except(src, span.clone(), &spec.except, spec.ignore_case)?;
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

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    fn checklist(keys: &str) -> String {
        format!(
            "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
             [[rule]]\nid = \"passive\"\nkind = \"existence\"\n\
             severity = \"suggestion\"\nmessage = \"{{match}}\"\n{keys}\n"
        )
    }

    #[test]
    fn lists_and_exceptions_shape_what_a_pattern_finds() {
        let toml = checklist(
            "patterns = ['\\b{be}\\s+(?:{participle}|\\w+ed)\\b']\n\
             except = [\"interested\", \"based on\"]\n\
             lists.be = [\"is\", \"was\", \"has been\"]\n\
             lists.participle = [\"made\", \"seen\"]",
        );
        let engine = Engine::with_checklist("team.toml", &toml).unwrap_or_else(|e| panic!("{e:?}"));
        let text = "It was made here. It has been seen. She is interested. \
                    It is based on data. It was changed.";
        let outcome = engine.check_source(None, "t".into(), text.into());
        let found: Vec<&str> = outcome.posts[0]
            .findings
            .iter()
            .map(|f| &outcome.source[f.span.range()])
            .collect();
        assert_eq!(found, ["was made", "has been seen", "was changed"]);
    }

    #[test]
    fn a_missing_or_unused_list_is_an_error_at_load() {
        for (keys, says) in [
            (
                "patterns = [' {be}\\s+\\w+ed']\nlists.bee = [\"is\"]",
                "no list `be`",
            ),
            (
                "patterns = ['\\bis\\s+\\w+ed']\nlists.be = [\"is\"]",
                "no pattern uses list `be`",
            ),
        ] {
            let Err(errors) = Engine::with_checklist("team.toml", &checklist(keys)) else {
                panic!("{keys} loads");
            };
            assert!(format!("{errors:?}").contains(says), "{errors:?}");
        }
    }
}
