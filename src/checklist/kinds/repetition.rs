//! `repetition`: the same word twice in a row ("the the"), or several
//! sentences in a row opening with the same word.

use serde::Deserialize;

use super::api::{Emit, Input, Resources};
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};
use crate::schema::Source;
use crate::span::Span;
use crate::text::post::Scope;
use crate::text::segment::WordKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Repeated {
    Word,
    Opening,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    of: Repeated,
    /// Words that may be doubled ("that that", "had had").
    #[serde(default)]
    allow: Vec<String>,
    /// For `opening`: how many sentences in a row make a finding.
    min_run: Option<usize>,
}

pub const PLACEHOLDERS: &[&str] = &["match", "count"];

pub struct Repetition {
    of: Repeated,
    allow: Vec<String>,
    min_run: usize,
}

impl Repetition {
    pub fn compile(
        spec: Spec,
        _: Scope,
        src: Source<'_>,
        span: std::ops::Range<usize>,
        _: &Resources,
    ) -> Result<Self, LoadError> {
        let min_run = spec.min_run.unwrap_or(3);
        if min_run < 2 {
            return Err(src
                .error(span, "`min_run` must be at least 2")
                .with_key("min_run"));
        }
        Ok(Self {
            of: spec.of,
            allow: spec.allow,
            min_run,
        })
    }

    fn allowed(&self, word: &str) -> bool {
        self.allow.iter().any(|a| same_word(a, word))
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        match self.of {
            Repeated::Word => self.doubled_words(input, emit),
            Repeated::Opening => self.openings(input, emit),
        }
    }

    fn doubled_words(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        // Pairs inside one sentence only: table cells, list items and
        // headings that happen to repeat a word are not a typo.
        let units = post.units(input.scope);
        for sentence in units.iter().flat_map(|u| post.sentences_in(*u)) {
            for pair in post.words[sentence.words.clone()].windows(2) {
                let (a, b) = (pair[0], pair[1]);
                if a.kind != WordKind::Word || b.kind != WordKind::Word {
                    continue;
                }
                let between = &post.text[a.span.end..b.span.start];
                // Only white space between, and not a paragraph break.
                if !between.chars().all(char::is_whitespace) || between.matches('\n').count() > 1 {
                    continue;
                }
                let (wa, wb) = (post.slice(a.span), post.slice(b.span));
                if !same_word(wa, wb) || self.allowed(wb) {
                    continue;
                }
                // Delete the second word and the space before it. Only when
                // the file has nothing but space between the two (Markdown
                // syntax is blanked in the prose view: "[API](url) API")
                // is that safe; otherwise delete just the word, for review.
                let gap = &post.source[a.span.end..b.span.start];
                let fix = if gap.chars().all(char::is_whitespace) {
                    Fix::replace(
                        Span::new(a.span.end, b.span.end),
                        String::new(),
                        Applicability::Safe,
                    )
                } else {
                    Fix::replace(b.span, String::new(), Applicability::Review)
                };
                emit.push(b.span, &[("match", wb), ("count", "2")], Some(fix), 1.0);
            }
        }
    }

    fn openings(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        // The previous sentence's first word and how many in a row began so.
        let mut run: Option<(&str, usize)> = None;
        let units = post.units(input.scope);
        for sentence in units.iter().flat_map(|u| post.sentences_in(*u)) {
            let first = post.words[sentence.words.clone()]
                .first()
                .filter(|w| w.kind == WordKind::Word);
            let Some(first) = first else {
                run = None;
                continue;
            };
            let word = post.slice(first.span);
            if self.allowed(word) {
                run = None;
                continue;
            }
            let n = match run {
                Some((prev, n)) if same_word(prev, word) => n + 1,
                _ => 1,
            };
            if n >= self.min_run {
                let count = n.to_string();
                emit.push(first.span, &[("match", word), ("count", &count)], None, 1.0);
            }
            run = Some((word, n));
        }
    }
}

/// Case-insensitive equality without allocating (this runs on every pair
/// of neighbouring words).
fn same_word(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::same_word;

    #[test]
    fn words_compare_without_case() {
        assert!(same_word("The", "the"));
        assert!(same_word("ÉTÉ", "été"));
        assert!(!same_word("the", "then"));
    }
}
