//! `capitalization`: sentences that start in lowercase, and words shouted
//! in capitals.

use std::collections::HashMap;

use serde::Deserialize;

use super::api::{Compile, Emit, Input};
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};
use crate::text::segment::WordKind;
use crate::text::spelling::Dictionary;

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
    pub fn compile(spec: Spec, _cx: &Compile<'_>) -> Result<Self, LoadError> {
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
                let units = post.units(input.scope);
                let sentences = units.iter().flat_map(|u| post.sentences_in(*u));
                for sentence in sentences {
                    let Some(first) = post.words.get(sentence.words.start) else {
                        continue;
                    };
                    if sentence.words.is_empty() || first.kind != WordKind::Word {
                        continue;
                    }
                    // Something word-like before the first word ("2. item",
                    // "v2 ships") means the sentence does not start with it;
                    // "...and then" continues the one before.
                    let before = &post.text[sentence.span.start..first.span.start];
                    if before.chars().any(char::is_alphanumeric)
                        || before.contains("...")
                        || before.contains('…')
                    {
                        continue;
                    }
                    if starts_list_item(post, first.span.start) {
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
                    // A word the dictionary does not know ("rustup", a user
                    // name) is a name written in lowercase, and one that goes
                    // on as an identifier ("rust-lang/rust", "pr#42") is code.
                    let unknown =
                        Dictionary::for_lang(&input.cx.lang).is_some_and(|d| !d.contains(word));
                    if unknown || continues_as_identifier(&post.text[first.span.end..]) {
                        continue;
                    }
                    let suggestion: String = c
                        .to_uppercase()
                        .chain(word[c.len_utf8()..].chars())
                        .collect();
                    let fix = Fix::replace(first.span, suggestion.clone(), Applicability::Safe);
                    emit.push(
                        first.span,
                        &[("match", word), ("suggestion", &suggestion)],
                        Some(fix),
                        1.0,
                    );
                }
            }
            CapCheck::Shouting => {
                let repeated = repeated_capitals(post, self.min_letters);
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
                        if !shouted
                            || self.allowed(word)
                            || looks_like_acronym(post, w.span, word, &repeated)
                        {
                            continue;
                        }
                        let lower = word.to_lowercase();
                        let fix = Fix::replace(w.span, lower.clone(), Applicability::Review);
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

/// List items and table cells are often fragments written in lowercase by
/// choice ("- memory model"), as are bulleted lines of social posts
/// ("✅ faster dashboards"): their first word is not a sentence start.
fn starts_list_item(post: &crate::text::post::Post<'_>, word_start: usize) -> bool {
    use crate::input::document::BlockKind;
    let i = post.blocks.partition_point(|b| b.span.start <= word_start);
    if let Some(block) = i.checked_sub(1).map(|i| post.blocks[i])
        && matches!(block.kind, BlockKind::ListItem | BlockKind::TableCell)
        && !post.text[block.span.start..word_start]
            .chars()
            .any(|c| c.is_alphanumeric())
    {
        return true;
    }
    // A paragraph right after a code block usually goes on with the
    // sentence the code interrupted ("```...``` will now print 3").
    if post.reading == crate::text::post::Reading::Markdown {
        // Quote markers too: the code may sit in a block quote.
        let before =
            post.source[..word_start].trim_end_matches(|c: char| c.is_whitespace() || c == '>');
        if before.ends_with("```") || before.ends_with("~~~") {
            return true;
        }
    }
    // The post's lines are known: find this one without scanning back.
    let line = post.lines.partition_point(|l| l.start <= word_start);
    let line_start = line
        .checked_sub(1)
        .map_or(word_start, |i| post.lines[i].start.min(word_start));
    let prefix = post.text[line_start..word_start].trim();
    !prefix.is_empty()
        && !prefix.chars().any(|c| {
            c.is_alphanumeric() || matches!(c, '.' | '!' | '?' | '"' | '\'' | '“' | '‘' | '(' | '[')
        })
}

/// Whether the text right after a word makes it part of a path, an issue
/// reference, an address or a file name.
fn continues_as_identifier(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        Some('#' | '/' | '_' | '@') => chars.next().is_some_and(char::is_alphanumeric),
        Some('.') => chars.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// Acronyms ("CUDA", "NVIDIA") are written in capitals, not shouted. Without
/// a dictionary we tell them apart by use: an acronym is introduced in
/// brackets, or used again and again, where a shouted word is a one-off.
/// (A word shouted twice therefore passes; the spelling dictionary of the
/// `correct` checklist is the better judge.)
fn looks_like_acronym(
    post: &crate::text::post::Post<'_>,
    span: crate::span::Span,
    word: &str,
    repeated: &HashMap<&str, usize>,
) -> bool {
    let bracketed =
        post.text[..span.start].ends_with('(') && post.text[span.end..].starts_with(')');
    bracketed || repeated.get(word).is_some_and(|&n| n >= 2)
}

/// How often each all-capital word occurs in the post: counted once per
/// post, not once per shouted word.
fn repeated_capitals<'p>(
    post: &'p crate::text::post::Post<'_>,
    min_letters: usize,
) -> HashMap<&'p str, usize> {
    let mut counts = HashMap::new();
    for w in post.words.iter().filter(|w| w.kind == WordKind::Word) {
        let word = &post.text[w.span.range()];
        if word.len() >= min_letters && word.chars().all(|c| !c.is_lowercase()) {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    counts
}
