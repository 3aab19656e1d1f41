//! `existence`: words, phrases or patterns that must not appear; with
//! `url_patterns`, links that must not appear (an affiliate tag); with
//! `unless`, only where nothing nearby answers them (a claim without a
//! source, a promotion without a disclosure).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::api::{Compile, Emit, Input};
use super::matcher::{self, Matcher};
use super::unless::{self, Unless};
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};
use crate::span::Span;

use crate::text::squeeze::Squeezed;

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
    /// Regexes matched against each link's destination as written (a
    /// URL in a social post; in Markdown also link targets, reference
    /// definitions and HTML links, never code); a match reports the URL.
    #[serde(default)]
    url_patterns: Vec<Spanned<String>>,
    /// What cancels a match when the text around it has it: see
    /// [`super::unless`].
    unless: Option<Spanned<unless::Spec>>,
}

pub const PLACEHOLDERS: &[&str] = &["match"];

pub struct Existence {
    matcher: Matcher,
    /// `url_patterns`, matched against a link's destination.
    urls: Matcher,
    unless: Unless,
    replacement: Option<String>,
    fix_applicability: Applicability,
}

impl Existence {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let src = cx.src;
        let span = cx.span.clone();
        // Lists serve both kinds of pattern: expanded together, so a list
        // only the URL patterns use is not "unused".
        let prose = spec.patterns.len();
        let mut patterns = spec.patterns;
        patterns.extend(spec.url_patterns);
        let mut patterns = matcher::expand_lists(src, span.clone(), patterns, &spec.lists)?;
        let url_patterns = patterns.split_off(prose);
        let matcher =
            Matcher::compile(src, span.clone(), &spec.tokens, &patterns, spec.ignore_case)?
                .except(src, span.clone(), &spec.except, spec.ignore_case)?;
        let urls = Matcher::compile(src, span.clone(), &[], &url_patterns, spec.ignore_case)
            .map_err(|e| e.with_key("url_patterns"))?;
        if matcher.is_empty() && urls.is_empty() {
            return Err(src
                .error(
                    span,
                    "an `existence` rule needs `tokens`, `patterns` or `url_patterns`",
                )
                .with_hint("add tokens = [\"word\", \"a phrase\"] or patterns = [\"regex\"]"));
        }
        let unless = Unless::compile(src, spec.unless, spec.ignore_case)?;
        Ok(Self {
            matcher,
            urls,
            unless,
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
        let mut seen = unless::Seen::default();
        let mut stands = |m: Span| {
            self.unless.is_empty() || !self.unless.cancels(post, input.thread, m, &mut seen)
        };
        for unit in post.units(input.scope) {
            let mut found = Vec::new();
            self.matcher.find_visible(post, unit, |m| found.push(m));
            for m in one_per_place(found) {
                if !stands(m) {
                    continue;
                }
                let fix = self
                    .replacement
                    .as_ref()
                    .map(|r| Fix::replace(m, r.clone(), self.fix_applicability));
                emit.push(m, &[("match", post.slice(m))], fix, 1.0);
            }
            if self.urls.is_empty() {
                continue;
            }
            for url in post.link_targets(unit) {
                let squeezed = std::cell::OnceCell::new();
                let hit = self.urls.any_in(
                    post.source,
                    || squeezed.get_or_init(|| Squeezed::new(post.source, url)),
                    url,
                    |_| true,
                );
                if hit && stands(url) {
                    let fix = self
                        .replacement
                        .as_ref()
                        .map(|r| Fix::replace(url, r.clone(), self.fix_applicability));
                    emit.push(url, &[("match", &post.source[url.range()])], fix, 1.0);
                }
            }
        }
    }
}

/// One finding per place: where two patterns match overlapping text
/// ("100% guaranteed" and "guaranteed results"), the match that starts
/// first (at one start, the longer) stands for both.
fn one_per_place(mut found: Vec<Span>) -> Vec<Span> {
    if found.len() < 2 {
        return found;
    }
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(found.len());
    for m in found {
        if kept.last().is_none_or(|k| !k.overlaps(m)) {
            kept.push(m);
        }
    }
    kept
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
    fn url_patterns_see_link_targets_in_markdown_but_not_code() {
        let toml = checklist("url_patterns = ['[?&]aff=']");
        let engine = Engine::with_checklist("team.toml", &toml).unwrap_or_else(|e| panic!("{e:?}"));
        let text = "A [desk](https://a.com/d?aff=1), [chair][c], <https://a.com/t?aff=3> \
                    and `https://a.com/x?aff=4`.\n\n[c]: https://a.com/c?aff=2\n\n\
                    ```\nhttps://a.com/y?aff=5\n```\n";
        let outcome = engine.check_source(Some("p.md".as_ref()), "p.md".into(), text.into());
        let found: Vec<&str> = outcome.posts[0]
            .findings
            .iter()
            .map(|f| &outcome.source[f.span.range()])
            .collect();
        assert_eq!(
            found,
            [
                "https://a.com/d?aff=1",
                "https://a.com/t?aff=3",
                "https://a.com/c?aff=2"
            ]
        );
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
