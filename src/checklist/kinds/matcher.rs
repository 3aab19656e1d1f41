//! Word lists and regex patterns from checklists, compiled into
//! linear-time automata (checklists come from untrusted repos).
//!
//! Word lists are literal automata over the post's squeezed text (see
//! `text::squeeze`): they build in microseconds, where one regex per list
//! took about a millisecond. Patterns of built-in checklists compile on
//! first use, so a run pays only for the rules its posts reach (the test
//! suite compiles every one); a team's patterns compile at load, so their
//! errors point into the team's file.
//!
//! Two keys any kind with a matcher may offer: `lists`, named word lists a
//! pattern writes as `{name}` (so a list of irregular participles is data,
//! not a hand-kept alternation), and `except`, words or phrases that cancel
//! a match whose end they cover (the regex crate has no look-around).

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use toml::Spanned;

use crate::error::LoadError;
use crate::schema::Source;
use crate::span::Span;
use crate::text::post::Post;
use crate::text::squeeze::Squeezed;

/// Bound on one compiled pattern, so a hostile checklist cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 4 << 20;

#[derive(Debug, Clone, Default)]
pub struct Matcher {
    /// Tokens that a byte automaton matches exactly: all of them when case
    /// matters, else those whose letters are ASCII (ASCII case folding).
    words: Option<AhoCorasick>,
    regexes: Vec<Pattern>,
    /// `except`: a match whose end one of these covers is not reported.
    except: Option<Box<Matcher>>,
}

#[derive(Debug, Clone)]
struct Pattern {
    source: Box<str>,
    ignore_case: bool,
    /// Tokens (not patterns) match on the squeezed text.
    squeezed: bool,
    /// Without the literal prefilter: compiled on first use for built-in
    /// checklists (see the module docs), at load for a team's.
    re: OnceLock<Regex>,
    /// With it, once the pattern has searched `PREFILTER_AFTER` bytes.
    prefiltered: OnceLock<Regex>,
    searched: Searched,
    /// Literals every match starts with, when the pattern has a finite set
    /// of them: text with none of them cannot match, and the regex is not
    /// even compiled (most posts never reach most patterns).
    gate: OnceLock<Option<AhoCorasick>>,
}

/// Deriving the prefilter from a pattern's literals is half its compile
/// time and pays off only over much text: a one-post run never needs it, a
/// corpus run ran 40% slower without it. The two regexes match the same.
const PREFILTER_AFTER: usize = 64 << 10;

/// Bytes a pattern has searched, across threads.
#[derive(Debug, Default)]
struct Searched(AtomicUsize);

impl Clone for Searched {
    fn clone(&self) -> Self {
        Self(AtomicUsize::new(self.0.load(Ordering::Relaxed)))
    }
}

impl Pattern {
    fn new(source: Box<str>, ignore_case: bool, squeezed: bool, re: OnceLock<Regex>) -> Self {
        Self {
            source,
            ignore_case,
            squeezed,
            re,
            prefiltered: OnceLock::new(),
            searched: Searched::default(),
            gate: OnceLock::new(),
        }
    }

    /// Whether `hay` may hold a match: false only when it holds none of
    /// the literals every match starts with. Derived on first use: parsing
    /// a pattern and extracting its prefixes costs a small part of
    /// compiling it.
    fn may_match(&self, hay: &str) -> bool {
        // Unicode folds K and S with the Kelvin sign and the long s, which
        // an ASCII-caseless automaton does not know.
        let folds_beyond_ascii = || self.ignore_case && hay.contains(['\u{212A}', '\u{17F}']);
        self.gate
            .get_or_init(|| required_prefixes(&self.source, self.ignore_case))
            .as_ref()
            .is_none_or(|gate| gate.is_match(hay) || folds_beyond_ascii())
    }

    /// The regex for searching `len` more bytes.
    fn regex(&self, len: usize) -> &Regex {
        if let Some(re) = self.prefiltered.get() {
            return re;
        }
        let compile = |prefilter| {
            build(&self.source, self.ignore_case, prefilter)
                .unwrap_or_else(|e| panic!("built-in pattern does not compile: {e}"))
        };
        if self.searched.0.fetch_add(len, Ordering::Relaxed) + len > PREFILTER_AFTER {
            return self.prefiltered.get_or_init(|| compile(true));
        }
        self.re.get_or_init(|| compile(false))
    }
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
        if tokens.iter().any(|t| t.trim().is_empty()) {
            return Err(src
                .error(rule_span, "a blank token would match everywhere")
                .with_key("tokens")
                .with_hint("remove the empty entry"));
        }
        let eager = !src.is_built_in();
        let (literal, folded): (Vec<&String>, Vec<&String>) =
            tokens.iter().partition(|t| !ignore_case || ascii_folds(t));
        let words = (!literal.is_empty())
            .then(|| {
                let phrases = literal
                    .iter()
                    .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
                // A contiguous NFA builds several times faster than a DFA and
                // searches about as fast on post-sized text.
                AhoCorasickBuilder::new()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Both)
                    .ascii_case_insensitive(ignore_case)
                    .build(phrases)
            })
            .transpose()
            .map_err(|e| {
                src.error(rule_span.clone(), format!("word list is too large: {e}"))
                    .with_key("tokens")
            })?;
        let mut regexes = Vec::with_capacity(patterns.len() + 1);
        if !folded.is_empty() {
            // Tokens with letters beyond ASCII, under Unicode case folding.
            let mut folded = folded;
            folded.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let alternation = folded
                .iter()
                .map(|t| token_pattern(t))
                .collect::<Vec<_>>()
                .join("|");
            let source = format!("(?:{alternation})");
            let re = OnceLock::new();
            if eager {
                let built = build(&source, ignore_case, false).map_err(|e| {
                    src.error(
                        rule_span.clone(),
                        format!("word list does not compile: {e}"),
                    )
                    .with_key("tokens")
                })?;
                let _ = re.set(built);
            }
            regexes.push(Pattern::new(source.into(), ignore_case, true, re));
        }
        for pattern in patterns {
            let source: Box<str> = pattern.get_ref().as_str().into();
            if !eager {
                regexes.push(Pattern::new(source, ignore_case, false, OnceLock::new()));
                continue;
            }
            let invalid = |message: String| {
                src.error(pattern.span(), format!("invalid regular expression: {message}"))
                    .with_key("patterns")
                    .with_hint("patterns use the syntax of Rust's `regex` crate (no look-around, no back-references)")
            };
            let hir = regex_syntax::ParserBuilder::new()
                .case_insensitive(ignore_case)
                .build()
                .parse(&source)
                .map_err(|e| invalid(last_line(&e.to_string())))?;
            if hir.properties().minimum_len() == Some(0) {
                return Err(src
                    .error(
                        pattern.span(),
                        "this pattern matches the empty string, so it would match everywhere",
                    )
                    .with_key("patterns"));
            }
            let re = build(&source, ignore_case, false)
                .map_err(|e| invalid(last_line(&e.to_string())))?;
            regexes.push(Pattern::new(source, ignore_case, false, OnceLock::from(re)));
        }
        Ok(Self {
            words,
            regexes,
            except: None,
        })
    }

    /// The same matcher, without the matches whose end one of `except`
    /// covers: words or phrases matched like tokens (whole words, spaces
    /// match any white space). The end of a match is the word that decides
    /// it ("is *interested*"), and a phrase may look past it: `"used to it"`
    /// cancels "am used" in "I am used to it", `"interested"` cancels "is
    /// interested", and neither touches "is indeed used".
    pub fn except(
        self,
        src: Source<'_>,
        rule_span: std::ops::Range<usize>,
        except: &[String],
        ignore_case: bool,
    ) -> Result<Self, LoadError> {
        if except.is_empty() {
            return Ok(self);
        }
        let cancel = Matcher::compile(src, rule_span, except, &[], ignore_case)
            .map_err(|e| e.with_key("except"))?;
        Ok(Self {
            except: Some(Box::new(cancel)),
            ..self
        })
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_none() && self.regexes.is_empty()
    }

    /// Calls `f` with every match inside `unit` of the post, in order of
    /// pattern then position; a span two patterns match is reported once.
    pub fn find(&self, post: &Post<'_>, unit: Span, mut f: impl FnMut(Span)) {
        let sources = usize::from(self.words.is_some()) + self.regexes.len();
        let mut seen = (sources > 1).then(HashSet::new);
        self.each(
            &post.text,
            || post.squeezed(),
            unit,
            |m| {
                if seen.as_mut().is_none_or(|s| s.insert((m.start, m.end))) {
                    f(m);
                }
                true
            },
        );
    }

    /// Every match inside `unit` of a post that readers see as prose: not
    /// in a link, inline code or Markdown syntax. What rules report.
    pub fn find_visible(&self, post: &Post<'_>, unit: Span, mut f: impl FnMut(Span)) {
        self.find(post, unit, |m| {
            if !post.is_hidden(m) {
                f(m);
            }
        });
    }

    /// Whether some match inside `unit` of the post passes `keep`.
    pub fn any(&self, post: &Post<'_>, unit: Span, keep: impl Fn(Span) -> bool) -> bool {
        self.any_in(&post.text, || post.squeezed(), unit, keep)
    }

    /// Whether some match inside `unit` of `text` (a file's text, `squeezed`
    /// made of `unit`) passes `keep`; stops at the first.
    pub fn any_in<'s>(
        &self,
        text: &str,
        squeezed: impl Fn() -> &'s Squeezed,
        unit: Span,
        keep: impl Fn(Span) -> bool,
    ) -> bool {
        let mut found = false;
        self.each(text, squeezed, unit, |m| {
            found = keep(m);
            !found
        });
        found
    }

    /// Runs `f` on each match that no exception cancels, until it returns
    /// false.
    fn each<'s>(
        &self,
        text: &str,
        squeezed: impl Fn() -> &'s Squeezed,
        unit: Span,
        mut f: impl FnMut(Span) -> bool,
    ) {
        let Some(except) = &self.except else {
            return self.each_raw(text, squeezed, unit, f);
        };
        // Found on first need: most units have no match at all.
        let mut cancels: Option<Vec<Span>> = None;
        self.each_raw(text, &squeezed, unit, |m| {
            let cancels = cancels.get_or_insert_with(|| {
                let mut found = Vec::new();
                // Exceptions are plain words: they have no exceptions.
                except.each_raw(text, &squeezed, unit, |e| {
                    found.push(e);
                    true
                });
                found.sort();
                found
            });
            // An exception covers the match's end: it starts before the
            // end and reaches it. Exceptions starting at or past the end
            // cannot; those are the sorted tail.
            let before = cancels.partition_point(|e| e.start < m.end);
            if cancels[..before].iter().any(|e| e.end >= m.end) {
                return true;
            }
            f(m)
        });
    }

    /// Runs `f` on each match of the words and patterns until it returns
    /// false.
    fn each_raw<'s>(
        &self,
        text: &str,
        squeezed: impl Fn() -> &'s Squeezed,
        unit: Span,
        mut f: impl FnMut(Span) -> bool,
    ) {
        let view = || {
            let sq = squeezed();
            let lo = sq.to_squeezed(unit.start);
            (sq, lo, &sq.text[lo..sq.to_squeezed(unit.end)])
        };
        if let Some(ac) = &self.words {
            let (sq, lo, hay) = view();
            let go = each_word(ac, hay, |m| {
                f(Span::new(
                    sq.to_original(lo + m.start),
                    sq.to_original(lo + m.end),
                ))
            });
            if !go {
                return;
            }
        }
        for p in &self.regexes {
            let go = if p.squeezed {
                let (sq, lo, hay) = view();
                each_match(p, hay, |m| {
                    f(Span::new(
                        sq.to_original(lo + m.start),
                        sq.to_original(lo + m.end),
                    ))
                })
            } else {
                each_match(p, &text[unit.range()], |m| {
                    f(Span::new(unit.start + m.start, unit.start + m.end))
                })
            };
            if !go {
                return;
            }
        }
    }
}

/// `patterns` with each `{name}` replaced by the list `name` of `lists`:
/// its entries as literal alternatives, longest first, spaces matching any
/// white space and a straight apostrophe a curly one too. A list the
/// patterns do not use, an empty list or a blank entry is an error, as is a
/// `{name}` with no list. Without lists, patterns are taken as written.
pub fn expand_lists(
    src: Source<'_>,
    rule_span: std::ops::Range<usize>,
    patterns: Vec<Spanned<String>>,
    lists: &BTreeMap<String, Vec<String>>,
) -> Result<Vec<Spanned<String>>, LoadError> {
    if lists.is_empty() {
        return Ok(patterns);
    }
    let mut alternations = BTreeMap::new();
    for (name, entries) in lists {
        let bad = |message: String| Err(src.error(rule_span.clone(), message).with_key("lists"));
        if !is_list_name(name) {
            return bad(format!(
                "list name `{name}` is not a plain name (letters, digits, `_`, `-`)"
            ));
        }
        if entries.is_empty() || entries.iter().any(|e| e.trim().is_empty()) {
            return bad(format!("list `{name}` is empty or has a blank entry"));
        }
        let mut sorted: Vec<&String> = entries.iter().collect();
        sorted.sort_by_key(|e| std::cmp::Reverse(e.len()));
        let alternatives: Vec<String> = sorted
            .iter()
            .map(|e| {
                e.split_whitespace()
                    .map(|w| regex_syntax::escape(w).replace(['\'', '’'], "['’]"))
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect();
        alternations.insert(
            name.as_str(),
            (format!("(?:{})", alternatives.join("|")), false),
        );
    }
    let mut out = Vec::with_capacity(patterns.len());
    for pattern in patterns {
        let span = pattern.span();
        let source = pattern.into_inner();
        let mut expanded = String::with_capacity(source.len());
        let mut rest = source.as_str();
        while let Some(c) = rest.chars().next() {
            // An escape is copied, with its braces when they are part of
            // it (`\p{L}`, `\x{2019}`); `\b{be}` is a boundary and a list.
            if c == '\\' {
                let escaped = rest[1..].chars().next();
                let mut len = 1 + escaped.map_or(0, char::len_utf8);
                if matches!(escaped, Some('p' | 'P' | 'x' | 'u' | 'U'))
                    && rest[len..].starts_with('{')
                    && let Some(close) = rest[len..].find('}')
                {
                    len += close + 1;
                }
                expanded.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
            // `\b{start}` and the like are the regex's own.
            let boundary = expanded.ends_with("\\b") || expanded.ends_with("\\B");
            if c == '{'
                && let Some(close) = rest.find('}')
                && is_list_name(&rest[1..close])
                && (!boundary || alternations.contains_key(&rest[1..close]))
            {
                let name = &rest[1..close];
                let Some((alternation, used)) = alternations.get_mut(name) else {
                    return Err(src
                        .error(span, format!("no list `{name}` for `{{{name}}}`"))
                        .with_key("patterns")
                        .with_hint(format!(
                            "define it: lists.{name} = [\"word\", \"a phrase\"]"
                        )));
                };
                *used = true;
                expanded.push_str(alternation);
                rest = &rest[close + 1..];
                continue;
            }
            expanded.push(c);
            rest = &rest[c.len_utf8()..];
        }
        out.push(Spanned::new(span, expanded));
    }
    if let Some((name, _)) = alternations.iter().find(|(_, (_, used))| !used) {
        return Err(src
            .error(rule_span, format!("no pattern uses list `{name}`"))
            .with_key("lists")
            .with_hint(format!(
                "write `{{{name}}}` in a pattern where its words go"
            )));
    }
    Ok(out)
}

/// Whether ASCII case folding is all the case folding `token` needs: its
/// other characters have no case (a curly apostrophe, a dash, an emoji),
/// so the word automaton can match it instead of a Unicode regex.
fn ascii_folds(token: &str) -> bool {
    token
        .chars()
        .all(|c| c.is_ascii() || (c.to_lowercase().eq([c]) && c.to_uppercase().eq([c])))
}

/// A list's name: a letter, then letters, digits, `_` or `-` (so counted
/// repetitions such as `{2,}` are never taken for one).
fn is_list_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Whole-word token matches, leftmost and then longest; returns false when
/// `f` stopped it.
fn each_word(
    ac: &AhoCorasick,
    hay: &str,
    mut f: impl FnMut(std::ops::Range<usize>) -> bool,
) -> bool {
    let mut at = 0;
    while at < hay.len() {
        let Some(m) = ac.find(Input::new(hay).range(at..)) else {
            break;
        };
        let mut end = m.end();
        // The longest token here may run into a word ("in order to" in
        // "in order tomorrow"): try the shorter ones at the same start.
        let found = loop {
            if whole_word(hay, &(m.start()..end)) {
                break Some(end);
            }
            let shorter = Input::new(hay)
                .range(m.start()..end - 1)
                .anchored(Anchored::Yes);
            match ac.find(shorter) {
                Some(s) => end = s.end(),
                None => break None,
            }
        };
        match found {
            Some(end) => {
                if !f(m.start()..end) {
                    return false;
                }
                at = end;
            }
            None => at = next_char(hay, m.start()),
        }
    }
    true
}

/// Runs `f` on each reported match (the first group when the pattern has
/// one); returns false when `f` stopped it.
fn each_match(p: &Pattern, hay: &str, mut f: impl FnMut(std::ops::Range<usize>) -> bool) -> bool {
    if !p.may_match(hay) {
        return true;
    }
    let re = p.regex(hay.len());
    // A pattern with a group reports the group instead of the whole match.
    let has_group = re.captures_len() > 1;
    let mut caps = re.create_captures();
    let mut at = 0;
    while at <= hay.len() {
        let input = regex_automata::Input::new(hay).range(at..);
        let (whole, reported) = if has_group {
            re.search_captures(&input, &mut caps);
            let Some(whole) = caps.get_match() else {
                break;
            };
            let reported = caps.get_group(1).map_or(whole.range(), |g| g.range());
            (whole.range(), reported)
        } else {
            let Some(m) = re.find(input) else {
                break;
            };
            (m.range(), m.range())
        };
        if !f(reported.clone()) {
            return false;
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
    true
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

/// An automaton of the literals every match of `pattern` starts with, or
/// `None` when they are not a finite set of non-empty strings (a pattern
/// starting with `\w+` or `.`). The regex crate's own extractor decides,
/// so the prefixes are sound: a text without any of them has no match.
///
/// Cheap by design (it runs where a one-post check would compile the
/// regex): the pattern is parsed as written and a caseless one is gated by
/// an ASCII-caseless automaton, which is sound only for literals without
/// letters beyond ASCII, so others get no gate; short literals keep the
/// extraction small. Suffixes serve when prefixes are not finite.
fn required_prefixes(pattern: &str, ignore_case: bool) -> Option<AhoCorasick> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor, Literal};
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    // Letters beyond ASCII fold in ways the automaton does not know;
    // caseless characters (’, digits, punctuation) are safe.
    let usable = |l: &Literal| {
        !l.as_bytes().is_empty()
            && (!ignore_case
                || std::str::from_utf8(l.as_bytes()).is_ok_and(|t| {
                    t.chars().all(|c| {
                        c.is_ascii() || (c.to_lowercase().eq([c]) && c.to_uppercase().eq([c]))
                    })
                }))
    };
    // Every match starts with a prefix and ends with a suffix: either set,
    // when finite, gates the pattern.
    let literals = [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .find_map(|kind| {
            let seq = Extractor::new()
                .kind(kind)
                .limit_class(4)
                .limit_literal_len(4)
                .limit_total(64)
                .extract(&hir);
            let literals = seq.literals()?;
            (!literals.is_empty() && literals.iter().all(usable)).then(|| literals.to_vec())
        })?;
    // The cheapest automaton to build: a gate is asked a few times per post.
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(ignore_case)
        .build(literals.iter().map(Literal::as_bytes))
        .ok()
}

/// `prefilter`: whether to derive a prefilter from the pattern's literals
/// (see `PREFILTER_AFTER`).
fn build(pattern: &str, ignore_case: bool, prefilter: bool) -> Result<Regex, String> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .auto_prefilter(prefilter)
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT)),
        )
        .syntax(syntax::Config::new().case_insensitive(ignore_case))
        .build(pattern)
        .map_err(|e| build_error(&e))
}

/// What went wrong, in words a checklist author can act on: the meta
/// builder's own text is only "error building NFA" for a pattern over the
/// size limit.
fn build_error(e: &meta::BuildError) -> String {
    if let Some(limit) = e.size_limit() {
        return format!(
            "the pattern is too big: compiled, it would exceed the {} MB limit on one pattern; split it into several patterns, or list plain words under `tokens`",
            limit >> 20
        );
    }
    match e.syntax_error() {
        Some(syntax) => syntax.to_string(),
        None => std::error::Error::source(e).map_or_else(|| e.to_string(), |s| format!("{e}: {s}")),
    }
}

fn token_pattern(token: &str) -> String {
    let boundary = r"\b";
    let escaped = token
        .split_whitespace()
        .map(regex_syntax::escape)
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

/// The reason, which the regex crates' messages end with.
fn last_line(message: &str) -> String {
    message
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
    use crate::text::post::Reading;

    #[test]
    fn a_pattern_over_the_size_limit_says_so() {
        // 110,000 words in one alternation: about 1 MB of pattern, more
        // than REGEX_SIZE_LIMIT compiled.
        let alternation: Vec<String> = (0..110_000).map(|i| format!("zq{i:06}")).collect();
        let pattern = format!("(?:{})", alternation.join("|"));
        let e = build(&pattern, false, false).unwrap_err();
        assert!(
            e.contains("too big") && e.contains("4 MB limit") && e.contains("tokens"),
            "{e}"
        );
        // A pattern within the limit still compiles, and syntax errors keep
        // the parser's words.
        assert!(build("(?:zq000001|zq000002)", false, false).is_ok());
        assert!(
            build("(a", false, false)
                .unwrap_err()
                .contains("unclosed group")
        );
    }

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
        let post = Post::build(text, Span::new(0, text.len()), Reading::Plain, 0, 1);
        let mut out = Vec::new();
        m.find(&post, post.span, |s| out.push(text[s.range()].to_owned()));
        out
    }

    fn matches_except(patterns: &[&str], except: &[&str], text: &str) -> Vec<String> {
        let src = Source {
            file: "t",
            text: "",
        };
        let patterns: Vec<Spanned<String>> = patterns
            .iter()
            .map(|p| Spanned::new(0..0, p.to_string()))
            .collect();
        let except: Vec<String> = except.iter().map(|s| s.to_string()).collect();
        let m = Matcher::compile(src, 0..0, &[], &patterns, true)
            .unwrap()
            .except(src, 0..0, &except, true)
            .unwrap();
        let post = Post::build(text, Span::new(0, text.len()), Reading::Plain, 0, 1);
        let mut out = Vec::new();
        m.find(&post, post.span, |s| out.push(text[s.range()].to_owned()));
        out
    }

    #[test]
    fn an_exception_cancels_a_match_whose_end_it_covers() {
        let be = [r"\b(?:is|am|are)\s+(?:\w+\s+)?\w+ed\b"];
        let except = [
            "interested",
            "based on",
            "used to it",
            "indeed",
            "we are done",
        ];
        assert!(matches_except(&be, &except, "She is interested.").is_empty());
        // The exception runs past the end of the match.
        assert!(matches_except(&be, &except, "It is based on data.").is_empty());
        assert!(matches_except(&be, &except, "I am used to it.").is_empty());
        // It starts before the match and reaches its end.
        assert!(matches_except(&be, &except, "Now we are done.").is_empty());
        // Inside the match but not at its end: the match stands.
        assert_eq!(
            matches_except(&be, &except, "It is indeed used. It is used to build."),
            ["is indeed used", "is used"]
        );
        assert_eq!(
            matches_except(&be, &except, "It is based elsewhere."),
            ["is based"]
        );
        // Case follows the rule; words are whole words.
        assert!(matches_except(&be, &except, "SHE IS INTERESTED.").is_empty());
        assert_eq!(
            matches_except(&be, &["interest"], "She is interested."),
            ["is interested"]
        );
    }

    fn expand(patterns: &[&str], lists: &[(&str, &[&str])]) -> Result<Vec<String>, LoadError> {
        let src = Source {
            file: "t",
            text: "",
        };
        let patterns = patterns
            .iter()
            .map(|p| Spanned::new(0..0, p.to_string()))
            .collect();
        let lists = lists
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect();
        expand_lists(src, 0..0, patterns, &lists)
            .map(|ps| ps.into_iter().map(Spanned::into_inner).collect())
    }

    #[test]
    fn lists_expand_into_patterns_longest_first() {
        let be: &[&str] = &["is", "has been", "isn't"];
        assert_eq!(
            expand(&[r"\b{be}\s+\w+ed\b"], &[("be", be)]).unwrap(),
            [r"\b(?:has\s+been|isn['’]t|is)\s+\w+ed\b"]
        );
        // Regex braces stay: counted repetitions, classes, `\b{start}`.
        assert_eq!(
            expand(&[r"\p{L}{2,}x{1}{be}\b{start}"], &[("be", &["a.b"])]).unwrap(),
            [r"\p{L}{2,}x{1}(?:a\.b)\b{start}"]
        );
        // Without lists, patterns are taken as written.
        assert_eq!(expand(&["{oops}"], &[]).unwrap(), ["{oops}"]);
        let err = |e: Result<Vec<String>, LoadError>| e.unwrap_err().to_string();
        assert!(err(expand(&["{bee}"], &[("be", be)])).contains("no list `bee`"));
        assert!(err(expand(&["x"], &[("be", be)])).contains("no pattern uses list `be`"));
        assert!(err(expand(&["{be}"], &[("be", &[])])).contains("empty"));
        assert!(err(expand(&["{be}"], &[("be", &[" "])])).contains("blank"));
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
        // Blanked Markdown and odd spaces are white space like any other.
        assert_eq!(
            matches(
                &["at the end of the day"],
                &[],
                "At\u{a0}the  end of\tthe\r\nday."
            ),
            ["At\u{a0}the  end of\tthe\r\nday"]
        );
    }

    #[test]
    fn a_span_two_patterns_match_is_reported_once() {
        assert_eq!(
            matches(&["going"], &["go+ing", "going"], "going"),
            ["going"]
        );
    }

    #[test]
    fn longest_whole_word_wins_at_each_start() {
        let tokens = ["in order", "in order to", "order"];
        assert_eq!(matches(&tokens, &[], "in order to win"), ["in order to"]);
        // The longest runs into a word; the shorter one at the same start fits.
        assert_eq!(matches(&tokens, &[], "in order tomorrow"), ["in order"]);
        assert_eq!(matches(&tokens, &[], "within order"), ["order"]);
        assert_eq!(matches(&tokens, &[], "IN ORDER"), ["IN ORDER"]);
    }

    #[test]
    fn a_pattern_gains_its_prefilter_after_much_text_and_matches_the_same() {
        let src = Source {
            file: "<built-in>/rules/x.toml",
            text: "",
        };
        let pattern = [Spanned::new(0..0, r"\b(?:in order) (to)\b".to_owned())];
        let m = Matcher::compile(src, 0..0, &[], &pattern, true).unwrap();
        let text = "We did it in order to win. ".repeat(4000);
        let post = Post::build(&text, Span::new(0, text.len()), Reading::Plain, 0, 1);
        let mut found = Vec::new();
        for sentence in &post.sentences {
            m.find(&post, sentence.span, |s| found.push(s));
        }
        let p = &m.regexes[0];
        assert!(p.re.get().is_some() && p.prefiltered.get().is_some());
        assert_eq!(found.len(), 4000);
        assert!(found.iter().all(|s| &text[s.range()] == "to"));
    }

    #[test]
    fn built_in_patterns_wait_for_first_use_and_team_patterns_do_not() {
        let pattern = [Spanned::new(0..0, "fo+".to_owned())];
        let built_in = Source {
            file: "<built-in>/rules/x.toml",
            text: "",
        };
        let team = Source {
            file: "team.toml",
            text: "",
        };
        let lazy = Matcher::compile(built_in, 0..0, &[], &pattern, false).unwrap();
        assert!(lazy.regexes[0].re.get().is_none());
        lazy.regexes[0].regex(0);
        assert!(lazy.regexes[0].re.get().is_some());
        let eager = Matcher::compile(team, 0..0, &[], &pattern, false).unwrap();
        assert!(eager.regexes[0].re.get().is_some());
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
    fn caseless_characters_stay_in_the_word_automaton() {
        assert!(ascii_folds("won’t") && ascii_folds("#ad") && ascii_folds("a–b 🚀"));
        assert!(!ascii_folds("café") && !ascii_folds("ǅ"));
        assert_eq!(
            matches(&["you won’t believe"], &[], "YOU WON’T BELIEVE it"),
            ["YOU WON’T BELIEVE"]
        );
        assert_eq!(matches(&["won’t"], &[], "won’tx won’t"), ["won’t"]);
    }

    #[test]
    fn capture_group_is_reported_and_overlaps_are_found() {
        assert_eq!(matches(&[], &[r"\S( {2,})\S"], "a  b  c"), ["  ", "  "]);
    }

    #[test]
    fn a_text_without_the_required_literals_never_compiles_the_pattern() {
        let p = Pattern::new(
            r"\bguarantee(?:d|s)?\b".into(),
            true,
            false,
            OnceLock::new(),
        );
        assert!(!p.may_match("Faster search, shipped today."));
        assert!(p.may_match("Results GUARANTEED."), "caseless");
        assert!(
            p.may_match("\u{212A}elvin"),
            "Unicode folds the Kelvin sign: no skipping"
        );
        let mut seen = 0;
        each_match(&p, "Faster search.", |_| {
            seen += 1;
            true
        });
        assert_eq!(seen, 0);
        assert!(
            p.re.get().is_none(),
            "not compiled for a text it cannot match"
        );
        // No finite prefix, but a finite suffix.
        let s = Pattern::new(r"\w+ly\b".into(), false, false, OnceLock::new());
        assert!(
            s.gate
                .get_or_init(|| required_prefixes(&s.source, false))
                .is_some()
        );
        // Neither: no gate, always searched.
        let n = Pattern::new(r"\S( {2,})\S".into(), false, false, OnceLock::new());
        assert!(n.may_match("anything"));
        // A caseless literal with a letter beyond ASCII: no gate.
        assert!(required_prefixes("émoi", true).is_none());
        assert!(
            required_prefixes("haven[’']t", true).is_some(),
            "’ has no case"
        );
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
