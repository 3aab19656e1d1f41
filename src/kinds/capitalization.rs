//! `capitalization`: sentences that start in lowercase, and words shouted
//! in capitals.

use serde::Deserialize;

use crate::error::LoadError;
use crate::finding::Fix;
use crate::post::Scope;
use crate::rule::{Emit, Input};
use crate::schema::Source;
use crate::segment::WordKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CapCheck {
    SentenceStart,
    Shouting,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    check: CapCheck,
    /// Words exempt: brand names written in lowercase ("npm"), acronyms.
    #[serde(default)]
    allow: Vec<String>,
    /// For `shouting`: the fewest letters a capitalised word needs to count
    /// as shouting (shorter ones are usually acronyms).
    min_letters: Option<usize>,
}

pub const PLACEHOLDERS: &[&str] = &["match", "suggestion"];

pub struct Capitalization {
    check: CapCheck,
    allow: Vec<String>,
    min_letters: usize,
}

impl Capitalization {
    pub fn compile(
        spec: Spec,
        _: Scope,
        _: Source<'_>,
        _: std::ops::Range<usize>,
    ) -> Result<Self, LoadError> {
        Ok(Self {
            check: spec.check,
            allow: spec.allow,
            min_letters: spec.min_letters.unwrap_or(4),
        })
    }

    fn allowed(&self, word: &str) -> bool {
        self.allow.iter().any(|a| a == word)
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        match self.check {
            CapCheck::SentenceStart => {
                for sentence in &post.sentences {
                    let Some(first) = post.words.get(sentence.words.start) else {
                        continue;
                    };
                    if sentence.words.is_empty() || first.kind != WordKind::Word {
                        continue;
                    }
                    // Something word-like before the first word ("2. item",
                    // "v2 ships") means the sentence does not start with it.
                    let before = &post.text[sentence.span.start..first.span.start];
                    if before.chars().any(char::is_alphanumeric) {
                        continue;
                    }
                    let word = post.slice(first.span);
                    let mut chars = word.chars();
                    let Some(c) = chars.next() else { continue };
                    // "iPhone", "eBay", "macOS": a capital inside means the
                    // lowercase start is the name's own spelling.
                    if !c.is_lowercase() || chars.any(char::is_uppercase) || self.allowed(word) {
                        continue;
                    }
                    let suggestion: String = c
                        .to_uppercase()
                        .chain(word[c.len_utf8()..].chars())
                        .collect();
                    let fix = Fix {
                        span: first.span,
                        replacement: suggestion.clone(),
                        safe: true,
                    };
                    emit.push(
                        first.span,
                        &[("match", word), ("suggestion", &suggestion)],
                        Some(fix),
                        1.0,
                    );
                }
            }
            CapCheck::Shouting => {
                for unit in post.units(input.scope) {
                    for w in post.words_in(unit) {
                        if w.kind != WordKind::Word {
                            continue;
                        }
                        let word = post.slice(w.span);
                        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                        let shouted = letters >= self.min_letters
                            && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
                            && word
                                .chars()
                                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
                        if !shouted || self.allowed(word) {
                            continue;
                        }
                        let lower = word.to_lowercase();
                        let fix = Fix {
                            span: w.span,
                            replacement: lower.clone(),
                            safe: false,
                        };
                        emit.push(
                            w.span,
                            &[("match", word), ("suggestion", &lower)],
                            Some(fix),
                            1.0,
                        );
                    }
                }
            }
        }
    }
}
