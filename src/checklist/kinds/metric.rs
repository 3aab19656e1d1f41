//! `metric`: a measured number of each unit of a scope (length as the
//! channel counts it, words, reading grade...) against `min`/`max`.
//! A value past its threshold costs more the further it is past
//! (`Finding::magnitude`).

use serde::Deserialize;
use toml::Spanned;

use super::api::{Bounds, Compile, Context, Emit, Input, Threshold, ThresholdSpec, number};
use crate::error::LoadError;
use crate::span::Span;
use crate::text::post::{Post, Scope};
use crate::text::readability::TextStats;
use crate::text::reading_level::{self, Formula};
use crate::text::syllables::syllables;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Length as the channel's platform counts it.
    Length,
    Characters,
    Words,
    Sentences,
    Paragraphs,
    /// Letters of one word (scope `word`).
    Letters,
    /// Syllables of one word (scope `word`).
    Syllables,
    WordsPerSentence,
    SyllablesPerWord,
    /// Flesch-Kincaid grade level. The `postlint stats` names of the
    /// reading measures work here too, so one name works everywhere.
    #[serde(alias = "flesch_kincaid_grade")]
    Grade,
    /// Flesch reading ease (higher is easier: use `min`).
    #[serde(alias = "flesch_reading_ease")]
    ReadingEase,
    #[serde(alias = "gunning_fog")]
    Fog,
    Smog,
    #[serde(alias = "coleman_liau")]
    ColemanLiau,
    Ari,
    /// LIX, for any alphabetic language.
    Lix,
    /// Percentage of words over six letters (LIX's word term): dense,
    /// long-worded text in any alphabetic language.
    #[serde(alias = "long_word_share")]
    LongWordShare,
    /// The reading level by the post language's own formula
    /// (`rules/language/readability.toml`): Flesch-Kincaid for English,
    /// Wiener Sachtextformel for German, reading ease for Spanish, French,
    /// Dutch, Italian, LIX for the rest. Its thresholds are school grades,
    /// mapped onto the formula's scale (for reading ease, where higher is
    /// easier, `max` is a lowest ease).
    #[serde(alias = "reading_level")]
    ReadingLevel,
}

impl Measure {
    fn is_per_word(self) -> bool {
        matches!(self, Measure::Letters | Measure::Syllables)
    }

    /// Reading measures count prose words only (`Word::measured`): their
    /// `min_words` does too, so a post the score line calls too short to
    /// grade is not graded by a rule either.
    fn counts_prose(self) -> bool {
        !matches!(
            self,
            Measure::Length
                | Measure::Characters
                | Measure::Words
                | Measure::Sentences
                | Measure::Paragraphs
                | Measure::Letters
                | Measure::Syllables
        )
    }

    fn value(self, post: &Post<'_>, unit: Span, cx: &Context<'_>) -> f64 {
        let text = &post.text[unit.range()];
        let stats = || {
            if unit == post.span {
                post.stats
            } else {
                let words = post.words_in(unit);
                let first = words.first().map_or(0, |w| {
                    post.words.partition_point(|x| x.span.start < w.span.start)
                });
                let cache = post.word_syllables.get(first..first + words.len());
                TextStats::from_parts_cached(
                    &post.text,
                    words,
                    first,
                    post.sentences_in(unit),
                    cache.unwrap_or_default(),
                )
            }
        };
        match self {
            // The whole post as the platform counts it (poll options out,
            // appended text in); a line or sentence as written.
            Measure::Length if unit == post.span => cx.counted.length(post.source) as f64,
            Measure::Length => cx.channel.counter.count(&post.source[unit.range()]) as f64,
            Measure::Characters => text.chars().count() as f64,
            Measure::Words => post.words_in(unit).len() as f64,
            Measure::Sentences => post.sentences_in(unit).len() as f64,
            Measure::Paragraphs => post
                .units(Scope::Paragraph)
                .iter()
                .filter(|p| unit.contains(**p))
                .count() as f64,
            Measure::Letters => text.chars().filter(|c| c.is_alphabetic()).count() as f64,
            // A hyphenated compound reads as its parts. Identifiers, handles
            // and numbers ("x86_64", "rust-lang/rust#1379", "jackh726",
            // "MemorySanitizer") are names, not long words to replace.
            Measure::Syllables if !is_plain_word(text) => 0.0,
            Measure::Syllables => text.split('-').map(syllables).max().unwrap_or(0) as f64,
            Measure::WordsPerSentence => {
                let s = stats();
                s.words as f64 / s.sentences.max(1) as f64
            }
            Measure::SyllablesPerWord => {
                let s = stats();
                s.syllables as f64 / s.words.max(1) as f64
            }
            Measure::Grade => stats().flesch_kincaid_grade(),
            Measure::ReadingEase => stats().flesch_reading_ease(),
            Measure::Fog => stats().gunning_fog(),
            Measure::Smog => stats().smog(),
            Measure::ColemanLiau => stats().coleman_liau(),
            Measure::Ari => stats().ari(),
            Measure::Lix => stats().lix(),
            Measure::LongWordShare => {
                let s = stats();
                100.0 * s.long_words as f64 / s.words.max(1) as f64
            }
            Measure::ReadingLevel => {
                Formula::for_lang(cx.lang).value(&stats(), &post.text, post.words_in(unit))
            }
        }
    }

    /// How the value is named in messages: the formula for `reading-level`.
    fn name(self, cx: &Context<'_>) -> &'static str {
        match self {
            Measure::ReadingLevel => &Formula::for_lang(cx.lang).name,
            _ => "",
        }
    }

    /// `min`/`max` on this measure's own scale: grades become the reading
    /// level they mean in the post's formula, and "no harder than" is a
    /// lowest ease where higher is easier.
    fn scale(
        self,
        cx: &Context<'_>,
        (min, max): (Option<f64>, Option<f64>),
    ) -> (Option<f64>, Option<f64>) {
        if self != Measure::ReadingLevel {
            return (min, max);
        }
        let formula = Formula::for_lang(cx.lang);
        let (min, max) = (
            min.map(|g| formula.target(g)),
            max.map(|g| formula.target(g)),
        );
        if formula.higher_is_harder() {
            (min, max)
        } else {
            (max, min)
        }
    }
}

/// Letters, hyphens and apostrophes only, and no capital inside a part:
/// a word of the language rather than a name or an identifier.
fn is_plain_word(text: &str) -> bool {
    text.split('-').all(|part| {
        part.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
            && !part.chars().skip(1).any(char::is_uppercase)
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    metric: Measure,
    min: Option<Spanned<ThresholdSpec>>,
    max: Option<Spanned<ThresholdSpec>>,
    /// Skip units with fewer words: reading formulas mean little on a
    /// one-line post.
    min_words: Option<usize>,
    /// Units past this value are left to a stricter rule (a hard sentence
    /// that is very hard is one finding, not two). Same scale as `max`.
    leave_above: Option<Spanned<ThresholdSpec>>,
    /// Skip units with fewer sentences: a paragraph of one sentence is a
    /// long sentence, which the sentence rules report.
    min_sentences: Option<usize>,
}

/// `match` is the measured text (a word, a sentence), cut to 60 characters.
/// `over` is how far past `max` (or short of `min`) the value is; `part`
/// is "Post 2 of 5: " in a thread and empty otherwise; `target` is "9 or
/// below" or "60 or above", whichever bound was missed; `measure` names the
/// formula of `reading-level` ("Flesch-Kincaid grade", "LIX").
pub const PLACEHOLDERS: &[&str] = &[
    "value", "min", "max", "over", "part", "match", "target", "measure",
];

pub struct Metric {
    measure: Measure,
    bounds: Bounds,
    min_words: usize,
    leave_above: Option<Threshold>,
    min_sentences: usize,
}

impl Metric {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let scope = cx.scope;
        let src = cx.src;
        let span = cx.span.clone();
        if spec.metric.is_per_word() != (scope == Scope::Word) {
            return Err(src
                .error(span, "`letters` and `syllables` measure one word: use them, and only them, with scope = \"word\"")
                .with_key("scope"));
        }
        let bounds = Bounds::compile(src, span, "a `metric` rule", spec.min, spec.max)?;
        // A whole post too short to grade is not graded, unless the rule
        // says otherwise.
        let default_min_words = if spec.metric == Measure::ReadingLevel && scope == Scope::Post {
            reading_level::min_words()
        } else {
            0
        };
        let threshold = |spec: Option<Spanned<ThresholdSpec>>, key: &str| {
            spec.map(|t| {
                t.get_ref()
                    .compile()
                    .map_err(|e| src.error(t.span(), e).with_key(key))
            })
            .transpose()
        };
        Ok(Self {
            measure: spec.metric,
            bounds,
            min_words: spec.min_words.unwrap_or(default_min_words),
            leave_above: threshold(spec.leave_above, "leave_above")?,
            min_sentences: spec.min_sentences.unwrap_or(0),
        })
    }

    /// Length is counted the channel's way; thresholds may be its own.
    pub fn uses_channel(&self) -> bool {
        self.measure == Measure::Length || self.bounds.uses_channel()
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        let cx = input.cx;
        let (min, max) = self.measure.scale(cx, self.bounds.resolve(cx));
        if max.is_none() && min.is_none() {
            return;
        }
        // Past `leave_above`: for reading ease that is below its ease.
        let leave = self.leave_above.and_then(|t| t.resolve(cx)).map(|t| {
            match self.measure.scale(cx, (None, Some(t))) {
                (_, Some(max)) => (max, true),
                (min, _) => (min.unwrap_or(t), false),
            }
        });
        let left = |value: f64| match leave {
            Some((t, true)) => value > t,
            Some((t, false)) => value < t,
            None => false,
        };

        for unit in post.units(input.scope) {
            let words = post.words_in(unit);
            let counted = if self.measure.counts_prose() {
                words.iter().filter(|w| w.measured).count()
            } else {
                words.len()
            };
            if counted < self.min_words
                || (self.min_sentences > 0 && post.sentences_in(unit).len() < self.min_sentences)
            {
                continue;
            }
            // A unit with no text at all is the empty post's rule
            // (`characters`, min 1) to report; too few words in it says
            // nothing more.
            if self.measure == Measure::Words && post.text[unit.range()].trim().is_empty() {
                continue;
            }
            let value = self.measure.value(post, unit, cx);
            let (over, magnitude) = match (min, max) {
                (_, Some(max)) if value > max => (true, value / max.max(f64::EPSILON)),
                (Some(min), _) if value < min => (true, min / value.max(f64::EPSILON)),
                _ => (false, 1.0),
            };
            if !over || left(value) {
                continue;
            }
            let span = match (self.measure, max) {
                // Point at what does not fit: the text past the limit.
                (Measure::Length, Some(max)) if value > max && unit == post.span => {
                    let cut = cx.counted.fit(post.source, max as usize);
                    Span::new(cut, cx.counted.span.end.max(cut))
                }
                (Measure::Length, Some(max)) if value > max => {
                    let published = &post.source[unit.range()];
                    let fit = cx.channel.counter.fit(published, max as usize);
                    Span::new(unit.start + fit, unit.end)
                }
                _ => unit,
            };
            let (v, lo, hi) = (
                number(value),
                min.map(number).unwrap_or_default(),
                max.map(number).unwrap_or_default(),
            );
            let (by, target) = match (min, max) {
                (_, Some(max)) if value > max => (number(value - max), format!("{hi} or below")),
                (Some(min), _) => (number(min - value), format!("{lo} or above")),
                _ => (String::new(), String::new()),
            };
            let part = if post.count > 1 {
                format!("Post {} of {}: ", post.index + 1, post.count)
            } else {
                String::new()
            };
            let text = post.slice(unit);
            let shown = match text.char_indices().nth(60) {
                Some((cut, _)) => format!("{}…", &text[..cut]),
                None => text.to_owned(),
            };
            emit.push(
                span,
                &[
                    ("value", &v),
                    ("min", &lo),
                    ("max", &hi),
                    ("over", &by),
                    ("part", &part),
                    ("match", &shown),
                    ("target", &target),
                    ("measure", self.measure.name(cx)),
                ],
                None,
                magnitude,
            );
        }
    }
}
