//! `repetition`: the same word twice in a row ("the the"), or several
//! sentences in a row opening with the same word.

use serde::Deserialize;

use super::api::{Compile, Emit, Input};
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};
use crate::span::Span;
use crate::text::post::{Post, Reading};
use crate::text::segment::{Word, WordKind};

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
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let src = cx.src;
        let span = cx.span.clone();
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
        // Pairs inside one sentence: table cells, list items and headings
        // that happen to repeat a word are not a typo. A social post ends a
        // sentence at each line break, so there a pair across one line
        // break counts too when the second word goes on in lowercase
        // ("the\nthe"); Markdown keeps soft-wrapped lines in one sentence.
        let across_lines = post.reading == Reading::Plain;
        for unit in post.units(input.scope) {
            let mut last: Option<Word> = None;
            for sentence in post.sentences_in(unit) {
                let words = &post.words[sentence.words.clone()];
                if across_lines
                    && let (Some(a), Some(&b)) = (last, words.first())
                    && post.text[a.span.end..b.span.start].matches('\n').count() == 1
                    && post.slice(b.span).starts_with(char::is_lowercase)
                {
                    self.pair(post, a, b, false, emit);
                }
                for (i, pair) in words.windows(2).enumerate() {
                    self.pair(post, pair[0], pair[1], i > 0, emit);
                }
                last = words.last().copied();
            }
        }
    }

    /// Reports `b` when it repeats `a`. `inside`: `a` is not the first
    /// word of its sentence.
    fn pair(&self, post: &Post<'_>, a: Word, b: Word, inside: bool, emit: &mut Emit<'_>) {
        if a.kind != WordKind::Word || b.kind != WordKind::Word {
            return;
        }
        let between = &post.text[a.span.end..b.span.start];
        // Only white space between, and not a paragraph break.
        if !between.chars().all(char::is_whitespace) || between.matches('\n').count() > 1 {
            return;
        }
        let (wa, wb) = (post.slice(a.span), post.slice(b.span));
        if !same_word(wa, wb) || self.allowed(wb) {
            return;
        }
        // "Bora Bora", "Walla Walla", "Sing Sing": a capitalised word
        // repeated is a name; at a sentence start only a longer one is
        // ("The The", "And And" there are slips).
        if is_capitalised(wa) && is_capitalised(wb) && (inside || wa.len() > 3) {
            return;
        }
        let gap = &post.source[a.span.end..b.span.start];
        // "actually *actually*": emphasis marks the repeat as meant.
        if gap.contains(['*', '_']) {
            return;
        }
        // Delete the second word and the space before it. Only when the
        // file has nothing but space between the two (Markdown syntax is
        // blanked in the prose view: "[API](url) API") is that safe;
        // otherwise delete just the word, for review.
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

/// "Bora", "Sing": a capital, then at least one lowercase letter and no
/// other capital.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().any(char::is_lowercase)
        && !chars.any(char::is_uppercase)
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
    use crate::engine::Engine;

    /// The words `correct.repeated-word` reports in `text` on `channel`.
    fn doubled(channel: &str, text: &str) -> Vec<String> {
        let mut engine = Engine::built_in().unwrap();
        let rule = engine.book.find_rule("correct.repeated-word").unwrap();
        engine.layers.cli.channel = engine.channels.find(channel);
        let out = engine.check_source(None, "t".into(), text.to_owned());
        out.posts
            .iter()
            .flat_map(|p| &p.findings)
            .filter(|f| f.rule == rule)
            .map(|f| text[f.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn doubled_words_are_found_across_a_line_break() {
        assert_eq!(doubled("x", "We built the\nthe app."), ["the"]);
        assert_eq!(doubled("blog", "We built the\nthe app."), ["the"]);
        assert_eq!(doubled("x", "It is is fine."), ["is"]);
        assert_eq!(doubled("x", "The the end."), ["the"]);
        assert_eq!(doubled("x", "The The end."), ["The"]);
        // A new line that starts with a capital is a new sentence.
        assert!(doubled("x", "We love Rust\nRust loves us").is_empty());
        assert!(doubled("x", "the\n\nthe").is_empty());
        assert!(doubled("x", "- the\n- the").is_empty());
        assert!(doubled("blog", "- the\n- the\n").is_empty());
    }

    #[test]
    fn names_and_allowed_doubles_pass() {
        for text in [
            "We flew to Bora Bora last May.",
            "Walla Walla is in Washington.",
            "He did time in Sing Sing prison.",
            "The spa town of Baden-Baden is old.",
            "She had had enough.",
            "He said that that was fine.",
            "It is *very* very fast.",
        ] {
            assert!(doubled("x", text).is_empty(), "{text:?}");
        }
        assert!(doubled("blog", "This may actually *actually* work.").is_empty());
    }

    #[test]
    fn words_compare_without_case() {
        assert!(same_word("The", "the"));
        assert!(same_word("ÉTÉ", "été"));
        assert!(!same_word("the", "then"));
    }
}
