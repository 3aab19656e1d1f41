//! `count`: how many of something a scope holds, against `min`/`max`; with
//! `per_words`, how many for every so many words (a density); with
//! `versus`, what share of the rule's matches and another word list's the
//! rule's matches are (a balance: "you" against "we").

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::api::{Bounds, Compile, Emit, Input, ThresholdSpec, number};
use super::countable::Countable;
use super::matcher::{self, Matcher};
use super::quoted::is_quoted;
use crate::error::LoadError;
use crate::span::Span;
use crate::text::post::Post;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    count: Countable,
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
    min: Option<Spanned<ThresholdSpec>>,
    max: Option<Spanned<ThresholdSpec>>,
    /// `min`/`max` are per this many words of the unit (`max = 3`,
    /// `per_words = 100`: at most 3 in every 100 words).
    per_words: Option<Spanned<f64>>,
    /// Skip units with fewer words: a density means little in a short one.
    #[serde(default)]
    min_words: usize,
    /// Words or phrases the matches are weighed against: `min`/`max` are
    /// then the percentage of the matches among both lists' matches
    /// (`versus = ["we", "our"]`, `min = 20`: "you" is at least a fifth of
    /// "you" and "we"). A unit with neither is not judged.
    #[serde(default)]
    versus: Vec<String>,
    /// Skip units with fewer matches (with `versus`, of both lists
    /// together): a share of two pronouns says little.
    #[serde(default)]
    min_matches: usize,
    /// Leave matches in quotation marks or a block quote out of the count:
    /// someone else's words, a title, a word mentioned rather than used.
    #[serde(default)]
    skip_quoted: bool,
}

/// `value` is the count, the density with `per_words`, or the share (a
/// percentage) with `versus`; `count` is always the count and `words` the
/// unit's words; `matches` lists what was counted, most frequent first
/// ("very ×3, really, just"); `versus` is how many of the `versus` words
/// the unit holds, and `others` lists them like `matches`.
pub const PLACEHOLDERS: &[&str] = &[
    "value", "min", "max", "count", "words", "matches", "versus", "others",
];

/// At most this many different things are named in `{matches}`.
const MATCHES_NAMED: usize = 8;

pub struct Count {
    count: Countable,
    matcher: Matcher,
    bounds: Bounds,
    per_words: Option<f64>,
    min_words: usize,
    /// With `versus`: the matcher of the other words.
    versus: Option<Matcher>,
    min_matches: usize,
    skip_quoted: bool,
}

impl Count {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let src = cx.src;
        let span = cx.span.clone();
        let patterns = matcher::expand_lists(src, span.clone(), spec.patterns, &spec.lists)?;
        let matcher =
            Matcher::compile(src, span.clone(), &spec.tokens, &patterns, spec.ignore_case)?
                .except(src, span.clone(), &spec.except, spec.ignore_case)?;
        if (spec.count == Countable::Matches) == matcher.is_empty() {
            let msg = if matcher.is_empty() {
                "`count = \"matches\"` needs `tokens` or `patterns`"
            } else {
                "`tokens`/`patterns` are only used with `count = \"matches\"`"
            };
            return Err(src.error(span, msg).with_key("count"));
        }
        if let Some(per) = &spec.per_words
            && !(per.get_ref().is_finite() && *per.get_ref() > 0.0)
        {
            return Err(src
                .error(per.span(), "`per_words` must be a number of words above 0")
                .with_key("per_words")
                .with_hint("per_words = 100"));
        }
        let versus = if spec.versus.is_empty() {
            None
        } else if spec.count != Countable::Matches || spec.per_words.is_some() {
            return Err(src
                .error(
                    span,
                    "`versus` weighs matches against other words: use it with `count = \"matches\"` and without `per_words`",
                )
                .with_key("versus"));
        } else {
            let other = Matcher::compile(src, span.clone(), &spec.versus, &[], spec.ignore_case)
                .map_err(|e| e.with_key("versus"))?;
            Some(other)
        };
        let bounds = Bounds::compile(src, span, "a `count` rule", spec.min, spec.max)?;
        Ok(Self {
            count: spec.count,
            matcher,
            bounds,
            per_words: spec.per_words.map(Spanned::into_inner),
            min_words: spec.min_words,
            versus,
            min_matches: spec.min_matches,
            skip_quoted: spec.skip_quoted,
        })
    }

    pub fn uses_channel(&self) -> bool {
        self.bounds.uses_channel()
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        let (min, max) = self.bounds.resolve(input.cx);
        if min.is_none() && max.is_none() {
            return;
        }
        for unit in post.units(input.scope) {
            let words = post.words_in(unit).len();
            if words < self.min_words {
                continue;
            }
            // Threshold per this many words: a density, or the count itself.
            let per_unit = match self.per_words {
                Some(_) if words == 0 => continue,
                Some(per) => words as f64 / per,
                None => 1.0,
            };
            let mut items = self.count.items(post, unit, &self.matcher);
            let mut others = match &self.versus {
                Some(versus) => Countable::Matches.items(post, unit, versus),
                None => Vec::new(),
            };
            if self.skip_quoted {
                items.retain(|m| !is_quoted(post, *m));
                others.retain(|m| !is_quoted(post, *m));
            }
            if items.len() + others.len() < self.min_matches {
                continue;
            }
            let n = items.len() as f64;
            let value = match self.versus {
                // Neither list in the unit: nothing to weigh.
                Some(_) if items.is_empty() && others.is_empty() => continue,
                Some(_) => 100.0 * n / (n + others.len() as f64),
                None => n / per_unit,
            };
            let over = max.filter(|max| value > *max);
            let under = min.filter(|min| value < *min);
            if over.is_none() && under.is_none() {
                continue;
            }
            let v = [
                ("value", number(value)),
                ("min", min.map(number).unwrap_or_default()),
                ("max", max.map(number).unwrap_or_default()),
                ("count", number(n)),
                ("words", words.to_string()),
                ("matches", named(post, &items)),
                ("versus", others.len().to_string()),
                ("others", named(post, &others)),
            ];
            let v: Vec<(&str, &str)> = v.iter().map(|(k, s)| (*k, s.as_str())).collect();
            if let Some(max) = over {
                // Point at the first item past the limit; a density or a
                // share has no such item (the excess is spread over the
                // unit), so at the first item, where a reader starts cutting.
                let at = if self.per_words.is_some() || self.versus.is_some() {
                    items[0]
                } else {
                    items[(max as usize).min(items.len() - 1)]
                };
                emit.push(at, &v, None, value / max.max(f64::MIN_POSITIVE));
            }
            if let Some(min) = under {
                // A share short of its minimum: at the first of the other
                // words, where the unit starts leaning their way.
                let at = match others.first() {
                    Some(first) if self.versus.is_some() => *first,
                    _ => unit,
                };
                let floor = if self.versus.is_some() {
                    1.0
                } else {
                    1.0 / per_unit
                };
                emit.push(at, &v, None, min / value.max(floor));
            }
        }
    }
}

/// "very ×3, really, just": what `items` are, grouped ignoring case, most
/// frequent first (then in order of appearance), the first `MATCHES_NAMED`.
fn named(post: &Post<'_>, items: &[Span]) -> String {
    let mut groups: Vec<(String, &str, usize)> = Vec::new();
    for item in items {
        let text = post.slice(*item);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = text.to_lowercase();
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some(group) => group.2 += 1,
            None => groups.push((key, post.slice(*item), 1)),
        }
    }
    // Stable: ties keep their order of appearance.
    groups.sort_by_key(|g| std::cmp::Reverse(g.2));
    let mut parts: Vec<String> = groups
        .iter()
        .take(MATCHES_NAMED)
        .map(|(_, shown, n)| {
            let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
            if *n > 1 {
                format!("{shown} ×{n}")
            } else {
                shown
            }
        })
        .collect();
    if groups.len() > MATCHES_NAMED {
        parts.push("…".to_owned());
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    /// (matched text, message) of each finding of a `count` rule with these
    /// keys on `text`.
    fn found(keys: &str, text: &str) -> Vec<(String, String)> {
        let toml = format!(
            "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
             [[rule]]\nid = \"dense\"\nkind = \"count\"\ncount = \"matches\"\n{keys}\n\
             severity = \"suggestion\"\n\
             message = \"{{count}} in {{words}} words ({{value}}, max {{max}}): {{matches}}\"\n"
        );
        let engine = Engine::with_checklist("team.toml", &toml).unwrap_or_else(|e| panic!("{e:?}"));
        let outcome = engine.check_source(None, "t".into(), text.into());
        outcome.posts[0]
            .findings
            .iter()
            .map(|f| (outcome.source[f.span.range()].to_owned(), f.message.clone()))
            .collect()
    }

    #[test]
    fn a_density_counts_per_so_many_words_and_points_at_the_first() {
        let keys = "tokens = [\"very\", \"just\"]\npatterns = ['\\b\\w+ly\\b']\n\
                    except = [\"only\", \"just in time\"]\nper_words = 10\nmax = 2";
        // 24 words, 5 counted (not "only", not "just in time"): 2.1 per 10.
        let text = "It is very good and only just fine, really very fine, and we ship \
                    it just in time for all of you today, quickly.";
        assert_eq!(
            found(keys, text),
            [(
                "very".to_owned(),
                "5 in 24 words (2.1, max 2): very ×2, just, really, quickly".to_owned()
            )]
        );
        assert!(
            found(
                keys,
                "It is very good and just fine for all of us here today."
            )
            .is_empty()
        );
        // Units with fewer words than `min_words` are not judged.
        let short = format!("{keys}\nmin_words = 30");
        assert!(found(&short, text).is_empty());
    }

    #[test]
    fn a_plain_count_still_points_past_the_limit() {
        let got = found(
            "tokens = [\"very\"]\nmax = 2",
            "very very good, very very fine.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "4 in 6 words (4, max 2): very ×4");
        assert!(got[0].0 == "very");
    }

    #[test]
    fn versus_weighs_the_matches_against_other_words() {
        let keys = "tokens = [\"you\", \"your\"]\nversus = [\"we\", \"our\"]\nmin = 20";
        let message = |count, words, value, versus: &str| {
            format!("{count} in {words} words ({value}, max ): {versus}")
        };
        // "you" is 1 of 6 pronouns: 16.7%, short of 20; at the first "we".
        let text = "We built our app and we love it. We ship our updates weekly. Try your copy.";
        let got = found(keys, text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "We");
        assert_eq!(got[0].1, message(1, 16, "16.7", "your"));
        // Enough "you", or neither list at all: nothing to say.
        assert!(found(keys, "We built it for you and your team.").is_empty());
        assert!(found(keys, "The release is out today.").is_empty());
        // Never the reader: 0%.
        let got = found(keys, "We built our app.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "We");
        // Too few of either to weigh.
        let fewest = format!("{keys}\nmin_matches = 3");
        assert!(found(&fewest, "We built our app.").is_empty());
        assert_eq!(found(&fewest, "We built our app, and we love it.").len(), 1);
        // `versus` only weighs matches.
        for bad in [
            "tokens = [\"you\"]\nversus = [\"we\"]\nmin = 20\nper_words = 100",
            "tokens = [\"you\"]\nversus = [\" \"]\nmin = 20",
        ] {
            let toml = format!(
                "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
                 [[rule]]\nid = \"dense\"\nkind = \"count\"\ncount = \"matches\"\n{bad}\n\
                 severity = \"suggestion\"\nmessage = \"m\"\n"
            );
            let Err(errors) = Engine::with_checklist("team.toml", &toml) else {
                panic!("{bad} loads");
            };
            assert!(format!("{errors:?}").contains("versus"), "{errors:?}");
        }
    }

    #[test]
    fn per_words_must_be_above_zero() {
        let toml = "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
             [[rule]]\nid = \"dense\"\nkind = \"count\"\ncount = \"matches\"\n\
             tokens = [\"very\"]\nmax = 1\nper_words = 0\nseverity = \"suggestion\"\nmessage = \"m\"\n";
        let Err(errors) = Engine::with_checklist("team.toml", toml) else {
            panic!("per_words = 0 loads");
        };
        assert!(format!("{errors:?}").contains("per_words"), "{errors:?}");
    }
}
