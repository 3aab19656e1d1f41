//! `count`: how many of something a scope holds, against `min`/`max`; with
//! `per_words`, how many for every so many words (a density).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::api::{Bounds, Compile, Emit, Input, ThresholdSpec, number};
use super::countable::Countable;
use super::matcher::{self, Matcher};
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
}

/// `value` is the count, or the density with `per_words`; `count` is
/// always the count and `words` the unit's words; `matches` lists what was
/// counted, most frequent first ("very ×3, really, just").
pub const PLACEHOLDERS: &[&str] = &["value", "min", "max", "count", "words", "matches"];

/// At most this many different things are named in `{matches}`.
const MATCHES_NAMED: usize = 8;

pub struct Count {
    count: Countable,
    matcher: Matcher,
    bounds: Bounds,
    per_words: Option<f64>,
    min_words: usize,
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
        let bounds = Bounds::compile(src, span, "a `count` rule", spec.min, spec.max)?;
        Ok(Self {
            count: spec.count,
            matcher,
            bounds,
            per_words: spec.per_words.map(Spanned::into_inner),
            min_words: spec.min_words,
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
            let items = self.count.items(post, unit, &self.matcher);
            let n = items.len() as f64;
            let value = n / per_unit;
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
            ];
            let v: Vec<(&str, &str)> = v.iter().map(|(k, s)| (*k, s.as_str())).collect();
            if let Some(max) = over {
                // Point at the first item past the limit; a density has no
                // such item (the excess is spread over the unit), so at the
                // first item, where a reader starts cutting.
                let at = match self.per_words {
                    Some(_) => items[0],
                    None => items[(max as usize).min(items.len() - 1)],
                };
                emit.push(at, &v, None, value / max.max(f64::MIN_POSITIVE));
            }
            if let Some(min) = under {
                emit.push(unit, &v, None, min / value.max(1.0 / per_unit));
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
