//! `balance`: brackets and quotes opened and never closed, or closed and
//! never opened.

use serde::Deserialize;

use super::api::{Compile, Emit, Input};
use crate::error::LoadError;
use crate::span::Span;
use crate::text::post::Post;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Each entry is an opening and a closing character: `"()"`, `"“”"`.
    /// The same character twice (`"\"\""`) is a quote that pairs with itself.
    pairs: Vec<String>,
}

pub const PLACEHOLDERS: &[&str] = &["match"];

pub struct Balance {
    pairs: Vec<(char, char)>,
}

impl Balance {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let src = cx.src;
        let span = cx.span.clone();
        let mut pairs = Vec::with_capacity(spec.pairs.len());
        for p in &spec.pairs {
            let mut chars = p.chars();
            match (chars.next(), chars.next(), chars.next()) {
                (Some(open), Some(close), None) => pairs.push((open, close)),
                _ => {
                    return Err(src
                        .error(
                            span,
                            format!("`{p}` is not a pair: write two characters, like \"()\""),
                        )
                        .with_key("pairs"));
                }
            }
        }
        Ok(Self { pairs })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        for unit in post.units(input.scope) {
            for &(open, close) in &self.pairs {
                for span in unbalanced(post, unit, open, close) {
                    emit.push(span, &[("match", post.slice(span))], None, 1.0);
                }
            }
        }
    }
}

fn unbalanced(post: &Post<'_>, unit: Span, open: char, close: char) -> Vec<Span> {
    let text = &post.text;
    let mut stack: Vec<Span> = Vec::new();
    let mut stray = Vec::new();
    let mut prev = '\n';
    for (i, c) in text[unit.range()].char_indices() {
        let at = unit.start + i;
        let here = Span::new(at, at + c.len_utf8());
        if (c == open || c == close) && !post.is_hidden(here) && !is_emoticon(text, at, c, prev) {
            if open == close {
                if stack.pop().is_none() {
                    stack.push(here);
                }
            } else if c == open {
                stack.push(here);
            } else if stack.pop().is_none() && !is_list_marker(text, at) {
                stray.push(here);
            }
        }
        prev = c;
    }
    stray.extend(stack);
    stray.sort();
    stray
}

/// ":)", ";-(", "=)" are faces, not brackets.
fn is_emoticon(text: &str, at: usize, c: char, prev: char) -> bool {
    if !matches!(c, '(' | ')') || !matches!(prev, ':' | ';' | '=' | '-') {
        return false;
    }
    text[..at].trim_end_matches('-').ends_with([':', ';', '='])
}

/// A closing bracket with nothing open after a short label ("1)", "b)",
/// "iv)") numbers a list item.
fn is_list_marker(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let label_start = before
        .char_indices()
        .rev()
        .find(|&(_, ch)| !ch.is_alphanumeric())
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let label = &before[label_start..];
    let preceded_by_space = before[..label_start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    !label.is_empty() && label.chars().count() <= 3 && preceded_by_space
}
