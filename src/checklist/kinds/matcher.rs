//! Word lists and regex patterns from checklists, compiled once into
//! linear-time regexes (checklists come from untrusted repos).

use regex::{Regex, RegexBuilder};
use toml::Spanned;

use crate::error::LoadError;
use crate::schema::Source;
use crate::span::Span;
use crate::text::post::Post;

/// Bound on one compiled pattern, so a hostile checklist cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 4 << 20;

#[derive(Debug, Clone, Default)]
pub struct Matcher {
    regexes: Vec<Compiled>,
}

#[derive(Debug, Clone)]
struct Compiled {
    re: Regex,
    /// Whole-word edges are matched with ASCII `\b` and checked here against
    /// Unicode word characters. The regex crate's fast engines give up on a
    /// Unicode `\b` as soon as the text has one non-ASCII character (a curly
    /// quote will do), which made word lists the slowest part of a run.
    check_edges: bool,
    /// Whether the pattern has a group to report instead of the whole match.
    has_group: bool,
}

impl Matcher {
    /// `tokens` are literal words or phrases matched as whole words (spaces
    /// match any run of white space); `patterns` are regexes, and when a
    /// pattern has a capture group, the first group is what gets reported.
    pub fn compile(
        src: Source<'_>,
        rule_span: std::ops::Range<usize>,
        tokens: &[String],
        patterns: &[Spanned<String>],
        ignore_case: bool,
    ) -> Result<Self, LoadError> {
        let mut regexes = Vec::with_capacity(patterns.len() + 2);
        if tokens.iter().any(|t| t.trim().is_empty()) {
            return Err(src
                .error(rule_span, "a blank token would match everywhere")
                .with_key("tokens")
                .with_hint("remove the empty entry"));
        }
        let mut sorted: Vec<&str> = tokens.iter().map(|t| t.trim()).collect();
        sorted.sort_by_key(|t| std::cmp::Reverse(t.len()));
        // Tokens whose edges are ASCII (or not word characters) take the
        // fast path; the rare ones starting or ending in "é" keep Unicode `\b`.
        let (fast, unicode): (Vec<&str>, Vec<&str>) =
            sorted.into_iter().partition(|t| ascii_edges(t));
        for (list, check_edges) in [(fast, true), (unicode, false)] {
            if list.is_empty() {
                continue;
            }
            let boundary = if check_edges { r"(?-u:\b)" } else { r"\b" };
            let alternation = list
                .iter()
                .map(|t| token_pattern(t, boundary))
                .collect::<Vec<_>>()
                .join("|");
            let re = build(&format!("(?:{alternation})"), ignore_case).map_err(|e| {
                src.error(
                    rule_span.clone(),
                    format!("word list does not compile: {e}"),
                )
                .with_key("tokens")
            })?;
            regexes.push(Compiled {
                re,
                check_edges,
                has_group: false,
            });
        }
        for pattern in patterns {
            let re = build(pattern.get_ref(), ignore_case).map_err(|e| {
                src.error(pattern.span(), format!("invalid regular expression: {}", first_line(&e)))
                    .with_key("patterns")
                    .with_hint("patterns use the syntax of Rust's `regex` crate (no look-around, no back-references)")
            })?;
            if can_match_empty(pattern.get_ref()) {
                return Err(src
                    .error(
                        pattern.span(),
                        "this pattern matches the empty string, so it would match everywhere",
                    )
                    .with_key("patterns"));
            }
            let has_group = re.captures_len() > 1;
            regexes.push(Compiled {
                re,
                check_edges: false,
                has_group,
            });
        }
        Ok(Self { regexes })
    }

    pub fn is_empty(&self) -> bool {
        self.regexes.is_empty()
    }

    /// Calls `f` with every match inside `unit` of `text`, in order of
    /// pattern then position.
    pub fn find(&self, text: &str, unit: Span, mut f: impl FnMut(Span)) {
        let hay = &text[unit.range()];
        for c in &self.regexes {
            each_match(c, hay, |m| {
                f(Span::new(unit.start + m.start, unit.start + m.end));
                true
            });
        }
    }

    /// Every match inside `unit` of a post that readers see as prose: not
    /// in a link, inline code or Markdown syntax. What rules report.
    pub fn find_visible(&self, post: &Post<'_>, unit: Span, mut f: impl FnMut(Span)) {
        self.find(&post.text, unit, |m| {
            if !post.is_hidden(m) {
                f(m);
            }
        });
    }

    /// Whether some match inside `unit` passes `keep` (stops at the first).
    pub fn any(&self, text: &str, unit: Span, keep: impl Fn(Span) -> bool) -> bool {
        let hay = &text[unit.range()];
        self.regexes.iter().any(|c| {
            let mut found = false;
            each_match(c, hay, |m| {
                found = keep(Span::new(unit.start + m.start, unit.start + m.end));
                !found
            });
            found
        })
    }
}

/// Runs `f` on each reported match (the first group when the pattern has
/// one) until it returns false.
fn each_match(c: &Compiled, hay: &str, mut f: impl FnMut(std::ops::Range<usize>) -> bool) {
    let mut at = 0;
    let mut locs = c.re.capture_locations();
    while at <= hay.len() {
        let (whole, reported) = if c.has_group {
            let Some(whole) = c.re.captures_read_at(&mut locs, hay, at) else {
                break;
            };
            let reported = locs.get(1).map_or(whole.range(), |(s, e)| s..e);
            (whole.range(), reported)
        } else {
            let Some(m) = c.re.find_at(hay, at) else {
                break;
            };
            (m.range(), m.range())
        };
        if (!c.check_edges || whole_word(hay, &whole)) && !f(reported.clone()) {
            return;
        }
        // Restart after the reported group, not the whole match, so
        // context a pattern consumed can serve the next match too.
        let next = if reported.end > at {
            reported.end
        } else {
            whole.end
        };
        at = if next > at { next } else { next_char(hay, at) };
    }
}

/// True when the match does not continue a word on either side (by the
/// regex crate's Unicode definition of a word character).
fn whole_word(hay: &str, m: &std::ops::Range<usize>) -> bool {
    let word = |c: Option<char>| {
        c.is_some_and(|c| regex_syntax::try_is_word_character(c).unwrap_or(false))
    };
    let text = &hay[m.clone()];
    let (first, last) = (text.chars().next(), text.chars().next_back());
    let before = hay[..m.start].chars().next_back();
    let after = hay[m.end..].chars().next();
    let joins_before = word(first) && word(before);
    let joins_after = word(last) && word(after);
    !(joins_before || joins_after)
}

/// Whether both ends of a token are ASCII or not word characters, so ASCII
/// `\b` finds every place a Unicode `\b` would.
fn ascii_edges(token: &str) -> bool {
    let ok = |c: Option<char>| {
        c.is_none_or(|c| c.is_ascii() || !regex_syntax::try_is_word_character(c).unwrap_or(false))
    };
    ok(token.chars().next()) && ok(token.chars().next_back())
}

/// Whether a (valid) pattern can match the empty string anywhere, like
/// `x*` or a bare `\b`: such a rule would fire at every position.
fn can_match_empty(pattern: &str) -> bool {
    regex_syntax::Parser::new()
        .parse(pattern)
        .map_or(true, |hir| hir.properties().minimum_len() == Some(0))
}

fn build(pattern: &str, ignore_case: bool) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(ignore_case)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
}

fn token_pattern(token: &str, boundary: &str) -> String {
    let escaped = token
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let start = if word(token.chars().next()) {
        boundary
    } else {
        ""
    };
    let end = if word(token.chars().next_back()) {
        boundary
    } else {
        ""
    };
    format!("{start}{escaped}{end}")
}

fn next_char(s: &str, at: usize) -> usize {
    s[at..]
        .chars()
        .next()
        .map_or(s.len() + 1, |c| at + c.len_utf8())
}

fn first_line(e: &regex::Error) -> String {
    // The regex crate's message ends with the reason on its last line.
    e.to_string()
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(tokens: &[&str], patterns: &[&str], text: &str) -> Vec<String> {
        let src = Source {
            file: "t",
            text: "",
        };
        let tokens: Vec<String> = tokens.iter().map(|s| s.to_string()).collect();
        let patterns: Vec<Spanned<String>> = patterns
            .iter()
            .map(|p| Spanned::new(0..0, p.to_string()))
            .collect();
        let m = Matcher::compile(src, 0..0, &tokens, &patterns, true).unwrap();
        let mut out = Vec::new();
        m.find(text, Span::new(0, text.len()), |s| {
            out.push(text[s.range()].to_owned())
        });
        out
    }

    #[test]
    fn tokens_match_whole_words_and_phrases() {
        assert_eq!(
            matches(&["guaranteed"], &[], "Guaranteed! unguaranteed"),
            ["Guaranteed"]
        );
        assert_eq!(
            matches(&["in order to"], &[], "in  order\nto win"),
            ["in  order\nto"]
        );
        assert_eq!(matches(&["C++"], &[], "I like C++."), ["C++"]);
    }

    #[test]
    fn whole_words_hold_beyond_ascii() {
        // ASCII edges on the fast path, checked against Unicode letters.
        assert_eq!(matches(&["caf"], &[], "café caf"), ["caf"]);
        assert_eq!(
            matches(&["the"], &[], "“the” ethe théthe the"),
            ["the", "the"]
        );
        assert_eq!(matches(&["naïve"], &[], "naïve naïveté"), ["naïve"]);
        // Edges that are not ASCII keep Unicode boundaries.
        assert_eq!(matches(&["été"], &[], "été étéx"), ["été"]);
        assert_eq!(matches(&["#ad"], &[], "#ad #adx"), ["#ad"]);
    }

    #[test]
    fn capture_group_is_reported_and_overlaps_are_found() {
        assert_eq!(matches(&[], &[r"\S( {2,})\S"], "a  b  c"), ["  ", "  "]);
    }

    #[test]
    fn bad_and_empty_patterns_are_errors() {
        let src = Source {
            file: "c.toml",
            text: "patterns = ['(']",
        };
        let bad = [Spanned::new(12..15, "(".to_owned())];
        let e = Matcher::compile(src, 0..0, &[], &bad, true).unwrap_err();
        assert_eq!((e.line, e.column), (1, 13));
        for empty in ["x*", r"\b", "(?m)^", "a?|b*"] {
            let empty = [Spanned::new(0..0, empty.to_owned())];
            assert!(
                Matcher::compile(src, 0..0, &[], &empty, true).is_err(),
                "{empty:?}"
            );
        }
        let blank = [" ".to_owned()];
        assert!(Matcher::compile(src, 0..0, &blank, &[], true).is_err());
    }
}
