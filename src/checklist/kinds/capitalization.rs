//! `capitalization`: sentences that start in lowercase, and words shouted
//! in capitals (`shouting.rs`).

mod shouting;

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
    /// Words exempt: brand names written in lowercase ("npm"); for
    /// `shouting`, acronyms that are also ordinary words ("PIN"), exactly
    /// as written.
    #[serde(default)]
    allow: Vec<String>,
    /// For `shouting`: the fewest letters a word in capitals needs to be
    /// shouting on its own (shorter ones are usually abbreviations).
    min_letters: Option<usize>,
    /// For `shouting`: a run of shouted words is shouting when one word
    /// has `min_letters` letters, or two words have this many.
    min_run_letters: Option<usize>,
}

pub const PLACEHOLDERS: &[&str] = &["match", "suggestion"];

pub struct Capitalization {
    check: CapCheck,
    allow: Vec<String>,
    shouting: Option<shouting::Shouting>,
}

impl Capitalization {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let shouting = match spec.check {
            CapCheck::Shouting => Some(shouting::Shouting::compile(
                spec.allow.clone(),
                spec.min_letters.unwrap_or(4),
                spec.min_run_letters.unwrap_or(3),
                cx,
            )),
            CapCheck::SentenceStart => {
                if spec.min_letters.is_some() || spec.min_run_letters.is_some() {
                    let key = if spec.min_letters.is_some() {
                        "min_letters"
                    } else {
                        "min_run_letters"
                    };
                    return Err(cx
                        .src
                        .error(
                            cx.span.clone(),
                            format!("`{key}` is a key of `check = \"shouting\"`"),
                        )
                        .with_key(key)
                        .with_hint("remove it, or use `check = \"shouting\"`"));
                }
                None
            }
        };
        Ok(Self {
            check: spec.check,
            allow: spec.allow,
            shouting,
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
                if let Some(shouting) = &self.shouting {
                    shouting.check(input, emit);
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
