//! Word lists and regex patterns from checklists, compiled once into
//! linear-time regexes (checklists come from untrusted repos).

use regex::{Regex, RegexBuilder};
use toml::Spanned;

use crate::error::LoadError;
use crate::schema::Source;
use crate::span::Span;

/// Bound on one compiled pattern, so a hostile checklist cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 4 << 20;

#[derive(Debug, Clone, Default)]
pub struct Matcher {
    regexes: Vec<Regex>,
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
        let mut regexes = Vec::with_capacity(patterns.len() + 1);
        if !tokens.is_empty() {
            let mut sorted: Vec<&str> = tokens
                .iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .collect();
            sorted.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let alternation = sorted
                .iter()
                .map(|t| token_pattern(t))
                .collect::<Vec<_>>()
                .join("|");
            let re = build(&format!("(?:{alternation})"), ignore_case).map_err(|e| {
                src.error(
                    rule_span.clone(),
                    format!("word list does not compile: {e}"),
                )
                .with_key("tokens")
            })?;
            regexes.push(re);
        }
        for pattern in patterns {
            let re = build(pattern.get_ref(), ignore_case).map_err(|e| {
                src.error(pattern.span(), format!("invalid regular expression: {}", first_line(&e)))
                    .with_key("patterns")
                    .with_hint("patterns use the syntax of Rust's `regex` crate (no look-around, no back-references)")
            })?;
            if re.is_match("") {
                return Err(src
                    .error(
                        pattern.span(),
                        "this pattern matches the empty string, so it would match everywhere",
                    )
                    .with_key("patterns"));
            }
            regexes.push(re);
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
        for re in &self.regexes {
            let mut at = 0;
            while at <= hay.len() {
                let Some(caps) = re.captures_at(hay, at) else {
                    break;
                };
                let whole = caps.get(0).expect("group 0 always matches");
                let reported = caps.get(1).unwrap_or(whole);
                f(Span::new(
                    unit.start + reported.start(),
                    unit.start + reported.end(),
                ));
                // Restart after the reported group, not the whole match, so
                // context a pattern consumed can serve the next match too.
                let next = if reported.end() > at {
                    reported.end()
                } else {
                    whole.end()
                };
                at = if next > at { next } else { next_char(hay, at) };
            }
        }
    }

    pub fn any(&self, text: &str, unit: Span) -> bool {
        let hay = &text[unit.range()];
        self.regexes.iter().any(|re| re.is_match(hay))
    }
}

fn build(pattern: &str, ignore_case: bool) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(ignore_case)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
}

fn token_pattern(token: &str) -> String {
    let escaped = token
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let start = if word(token.chars().next()) {
        r"\b"
    } else {
        ""
    };
    let end = if word(token.chars().last()) {
        r"\b"
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
        let empty = [Spanned::new(0..0, "x*".to_owned())];
        assert!(Matcher::compile(src, 0..0, &[], &empty, true).is_err());
    }
}
