//! Words and sentences of post text, each with its byte span in the original
//! file.
//!
//! Words come from Unicode word boundaries (UAX #29), then the merges Flesch
//! counts as one word: hyphenated compounds ("state-of-the-art"), words
//! joined by `/`, `&`, `=`, `#` or `::` ("and/or", "R&D", "std::fs"),
//! numbers with their currency sign or percent ("$3.50", "30%") or joined
//! by `:` ("9:30"). Entities (hashtags, mentions, cashtags, URLs) and code
//! spans are opaque: never split. A link (scheme, "www." or path) or an
//! email address is not a word; a bare domain ("crates.io") is one.
//!
//! Sentences end at terminal punctuation (with any closing quotes, brackets
//! and emoji stuck to it), at block boundaries, at blank lines, before list
//! markers, and — for social posts — at a line break, unless the next line
//! starts with a lowercase word: that is a hard-wrapped sentence going on,
//! read like a soft wrap in Markdown. Abbreviations, initials, decimals,
//! versions and domain names do not end a sentence; the word lists that
//! decide this live in `rules/language/en.toml`.
//!
//! A sentence always holds at least one word: a stretch of text with none
//! (an emoji-only line, a lone URL, a row of bullets) is not a sentence.
//! Every word lies in exactly one sentence.
//!
//! The reading formulas measure prose only, so words and sentences carry a
//! `measured` flag (`mark_measured`): a heading or table cell is segmented
//! (rules see its words) but not measured; neither is a mention, a block of
//! tags ending a sentence, or a sentence without an ordinary word.
//! `docs/readability-counting.md` lists what counts.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::input::document::{Block, BlockKind};
use crate::span::Span;
use crate::text::entities::{Entity, EntityKind};

/// The English language data, embedded so the tool needs no setup.
pub(crate) const EN_TOML: &str = include_str!("../../rules/language/en.toml");

/// Longest entry of a word list; longer words are never looked up, which
/// lets lookups lowercase into a stack buffer instead of allocating.
pub(crate) const MAX_KEY_LEN: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    Word,
    Number,
    Hashtag,
    Mention,
    Cashtag,
    Code,
    /// A bare domain name, or a file name the link finder takes for one
    /// ("crates.io", "build.rs", "README.md"): no scheme, "www." or path,
    /// so readers read it as a name, one word. Links with any of those are
    /// not words.
    Domain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub kind: WordKind,
    /// Counted by the reading formulas: a word of a prose sentence, not a
    /// mention and not one of a block of tags (see the module docs).
    pub measured: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Segmentation::words`]; never empty.
    pub words: Range<usize>,
    /// Prose the reading formulas measure: false for a heading, a table
    /// cell, and a sentence without an ordinary word (tags, mentions,
    /// numbers or code only). True exactly when one of its words is
    /// measured.
    pub measured: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub words: Vec<Word>,
    pub sentences: Vec<Sentence>,
}

impl Segmentation {
    /// The words of one sentence (empty if the range is not ours).
    pub fn sentence_words(&self, sentence: &Sentence) -> &[Word] {
        self.words.get(sentence.words.clone()).unwrap_or(&[])
    }
}

// ---------------------------------------------------------------------------
// Language data
// ---------------------------------------------------------------------------

/// The shape of `rules/language/<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LanguageFile {
    pub reading: ReadingSpeed,
    pub abbreviations: AbbreviationLists,
    pub sentence_starters: WordList,
    pub syllables: SyllableData,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReadingSpeed {
    pub words_per_minute: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AbbreviationLists {
    pub never_final: Vec<String>,
    pub may_end: Vec<String>,
    pub before_names: Vec<String>,
    pub before_number: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WordList {
    pub words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SyllableData {
    pub exceptions: BTreeMap<String, u8>,
    pub compound_heads: BTreeMap<String, u8>,
}

pub(crate) fn parse_language(src: &str) -> Result<LanguageFile, toml::de::Error> {
    toml::from_str(src)
}

/// Lowercases `word` into `buf` (curly apostrophe as straight), so word
/// lists are searched without allocating. `None` when the word cannot be
/// in a list: too long or not ASCII.
pub(crate) fn lower_key<'b>(word: &str, buf: &'b mut [u8; MAX_KEY_LEN]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars() {
        let b = match c {
            '\u{2019}' => b'\'',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// How a list entry is written down, whatever its spelling in the file.
pub(crate) fn normalize_key(entry: &str) -> String {
    entry
        .trim()
        .trim_end_matches('.')
        .replace('\u{2019}', "'")
        .to_ascii_lowercase()
}

/// When a period after an abbreviation ends the sentence after all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    NeverFinal,
    MayEnd,
    BeforeNames,
    BeforeNumber,
}

/// Splits text into words and sentences; built once per language because
/// its word lists are hashed up front.
pub struct Segmenter {
    abbreviations: HashMap<Box<str>, Abbrev>,
    starters: HashSet<Box<str>>,
    /// Silent reading speed, for reading time.
    pub words_per_minute: f64,
}

/// `rules/language/en.toml`, parsed once for everything that reads it
/// (the segmenter here, the syllable tables in `syllables`).
static EN_FILE: LazyLock<LanguageFile> = LazyLock::new(|| {
    parse_language(EN_TOML).expect("rules/language/en.toml parses (checked by tests)")
});

pub(crate) fn english_file() -> &'static LanguageFile {
    &EN_FILE
}

static ENGLISH: LazyLock<Segmenter> = LazyLock::new(|| Segmenter::from_language(english_file()));

impl Segmenter {
    /// The English segmenter, loaded on first use. Its data is embedded and
    /// checked by tests, so loading cannot fail at run time.
    pub fn english() -> &'static Segmenter {
        &ENGLISH
    }

    pub(crate) fn from_language(file: &LanguageFile) -> Segmenter {
        let lists = &file.abbreviations;
        let mut abbreviations = HashMap::new();
        // Later lists win on duplicates; a test keeps the lists disjoint.
        for (list, kind) in [
            (&lists.never_final, Abbrev::NeverFinal),
            (&lists.may_end, Abbrev::MayEnd),
            (&lists.before_names, Abbrev::BeforeNames),
            (&lists.before_number, Abbrev::BeforeNumber),
        ] {
            for entry in list {
                abbreviations.insert(normalize_key(entry).into_boxed_str(), kind);
            }
        }
        let starters = file
            .sentence_starters
            .words
            .iter()
            .map(|w| normalize_key(w).into_boxed_str())
            .collect();
        Segmenter {
            abbreviations,
            starters,
            words_per_minute: file.reading.words_per_minute,
        }
    }

    /// `text` is the post text (same offsets as the original file; for
    /// Markdown, non-prose bytes are already blanked to spaces). Only text
    /// inside `blocks` is segmented: no blocks, no prose. `entities` are
    /// never split and URLs are not words; `code` spans are one opaque Code
    /// word each. `line_breaks_end_sentences`: social posts (true) often end
    /// sentences with a line break and no full stop, except where a line
    /// was hard-wrapped (the next one starts in lowercase); Markdown
    /// paragraphs (false) wrap lines softly. Spans that are out of bounds
    /// or not on character boundaries are ignored, never trusted.
    pub fn segment(
        &self,
        text: &str,
        blocks: &[Block],
        entities: &[Entity],
        code: &[Span],
        line_breaks_end_sentences: bool,
    ) -> Segmentation {
        let atoms = collect_atoms(text, entities, code);
        // Sized by the prose segmented, not by `text`: that is the whole
        // file, and a post of a long thread would reserve room for all of it.
        let prose: usize = blocks.iter().map(|b| b.span.len()).sum();
        let mut out = Segmentation {
            words: Vec::with_capacity(prose / 6),
            sentences: Vec::with_capacity(prose / 80),
        };
        let mut tokens = Vec::new();
        let mut first_atom = 0;
        for (start, end, prose) in prose_intervals(text, blocks) {
            while first_atom < atoms.len() && atoms[first_atom].end <= start {
                first_atom += 1;
            }
            let inside = atoms[first_atom..]
                .iter()
                .take_while(|a| a.start < end)
                .filter_map(|a| {
                    let (s, e) = (a.start.max(start), a.end.min(end));
                    match a.class {
                        Class::Word(WordKind::Code) => (s < e).then_some(Atom {
                            start: s,
                            end: e,
                            class: a.class,
                        }),
                        _ => trimmed_atom(text, s, e, a.class),
                    }
                });
            tokenize(text, start, end, inside, &mut tokens);
            mark_list_markers(text, &mut tokens);
            let first_sentence = out.sentences.len();
            self.build_sentences(text, &tokens, line_breaks_end_sentences, &mut out);
            mark_measured(&mut out, first_sentence, prose);
        }
        out
    }

    fn build_sentences(&self, text: &str, toks: &[Token], line_mode: bool, out: &mut Segmentation) {
        let mut cur = Open {
            first: None,
            last_end: 0,
            word_start: out.words.len(),
        };
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            match t.class {
                Class::Space { newlines } => {
                    if breaks_sentence(text, toks, i, newlines, line_mode) {
                        cur.close(out);
                    }
                }
                Class::Marker => cur.close(out),
                // Leading decoration (emoji, bullets) is not part of a sentence.
                Class::Decor => {
                    if cur.first.is_some() {
                        cur.last_end = t.end;
                    }
                }
                Class::Word(kind) => {
                    out.words.push(Word {
                        span: Span::new(t.start, t.end),
                        kind,
                        // Decided per sentence in `mark_measured`.
                        measured: false,
                    });
                    cur.touch(t.start, t.end);
                }
                Class::Url | Class::Punct | Class::Opener | Class::Closer | Class::Quote => {
                    cur.touch(t.start, t.end);
                }
                Class::Term(_) => {
                    let (j, run) = scan_terminator_run(toks, i);
                    cur.touch(t.start, toks[j - 1].end);
                    if self.run_ends_sentence(text, toks, i, j, run, line_mode) {
                        cur.close(out);
                    }
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        cur.close(out);
    }

    /// Whether the terminator run `toks[i..j]` ends its sentence.
    fn run_ends_sentence(
        &self,
        text: &str,
        toks: &[Token],
        i: usize,
        j: usize,
        run: Run,
        line_mode: bool,
    ) -> bool {
        let Some(after) = toks.get(j) else {
            return true;
        };
        // "3.14", "Hello.World", "Wait...what": no space, no sentence end.
        if !matches!(after.class, Class::Space { .. }) {
            return false;
        }
        let next = next_content(text, toks, j, line_mode);
        let (lower, number) = match next {
            Next::End | Next::Break | Next::Marker => return true,
            Next::Word { kind, case, .. } => (case == Case::Lower, kind == WordKind::Number),
            Next::Other => (false, false),
        };
        // `"Why?" she asked.`, "It shipped (finally!) and works.": the quote
        // or bracket closes, the sentence goes on.
        if run.closed && lower {
            return false;
        }
        if run.strong {
            return true;
        }
        if run.ellipsis {
            return !(lower || number);
        }
        // A single period: look at the word it follows.
        let Some(prev) = i.checked_sub(1).map(|p| toks[p]) else {
            return true;
        };
        if prev.end != toks[i].start || prev.class != Class::Word(WordKind::Word) {
            return true;
        }
        let Some(kind) = self.abbreviation(&text[prev.start..prev.end]) else {
            return true;
        };
        match kind {
            Abbrev::NeverFinal => false,
            Abbrev::MayEnd => !(lower || number),
            Abbrev::BeforeNumber => !number,
            Abbrev::BeforeNames => match next {
                Next::Word {
                    kind: WordKind::Word,
                    case: Case::Upper,
                    start,
                    end,
                } => self.is_starter(&text[start..end]),
                Next::Word { .. } => false,
                _ => true,
            },
        }
    }

    fn abbreviation(&self, word: &str) -> Option<Abbrev> {
        let mut buf = [0u8; MAX_KEY_LEN];
        if let Some(key) = lower_key(word, &mut buf)
            && let Some(&kind) = self.abbreviations.get(key)
        {
            return Some(kind);
        }
        (is_single_capital(word) || is_initialism(word)).then_some(Abbrev::BeforeNames)
    }

    fn is_starter(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_KEY_LEN];
        lower_key(word, &mut buf).is_some_and(|k| self.starters.contains(k))
    }
}

/// "J", "R": an initial before a name.
fn is_single_capital(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// "U.S", "Ph.D", "a.m": letters in dotted groups of one or two.
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// The sentence being built.
struct Open {
    first: Option<usize>,
    last_end: usize,
    word_start: usize,
}

impl Open {
    fn touch(&mut self, start: usize, end: usize) {
        if self.first.is_none() {
            self.first = Some(start);
        }
        self.last_end = end;
    }

    /// Ends the sentence; one without words is dropped (see module docs).
    fn close(&mut self, out: &mut Segmentation) {
        if let Some(first) = self.first.take()
            && out.words.len() > self.word_start
        {
            out.sentences.push(Sentence {
                span: Span::new(first, self.last_end),
                words: self.word_start..out.words.len(),
                measured: false,
            });
        }
        self.word_start = out.words.len();
    }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    Period,
    Ellipsis,
    /// `!`, `?` and friends: always end a sentence before a space.
    Strong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Whitespace (and invisible format characters such as a BOM).
    Space {
        newlines: u8,
    },
    Word(WordKind),
    Url,
    Term(Term),
    /// Closing bracket or curly quote.
    Closer,
    /// Opening bracket or curly quote, `¿`, `¡`.
    Opener,
    /// A straight quote: opens or closes.
    Quote,
    /// Emoji, symbols, dashes, bullets: not words, not sentence starts.
    Decor,
    /// A list marker at line start ("- ", "1. ", "✅ "): starts a sentence.
    Marker,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    class: Class,
}

#[derive(Debug, Clone, Copy)]
struct Atom {
    start: usize,
    end: usize,
    class: Class,
}

/// Entities and code spans, sorted, valid, trimmed of whitespace (so
/// sentence spans stay trimmed), non-overlapping (the earlier, then the
/// longer, wins). Invalid or blank spans are dropped.
fn collect_atoms(text: &str, entities: &[Entity], code: &[Span]) -> Vec<Atom> {
    let atom = |s: Span, class: Class| trimmed_atom(text, s.start, s.end, class);
    let mut atoms: Vec<Atom> = entities
        .iter()
        .filter_map(|e| {
            let class = match e.kind {
                EntityKind::Url if text.get(e.span.range()).is_some_and(is_bare_domain) => {
                    Class::Word(WordKind::Domain)
                }
                EntityKind::Url => Class::Url,
                EntityKind::Hashtag => Class::Word(WordKind::Hashtag),
                EntityKind::Mention => Class::Word(WordKind::Mention),
                EntityKind::Cashtag => Class::Word(WordKind::Cashtag),
            };
            atom(e.span, class)
        })
        .chain(
            // Code is blanked in Markdown's prose view, so it is taken as
            // given, not trimmed (trimming would drop it).
            code.iter()
                .filter(|s| s.start < s.end && text.get(s.range()).is_some())
                .map(|s| Atom {
                    start: s.start,
                    end: s.end,
                    class: Class::Word(WordKind::Code),
                }),
        )
        .collect();
    atoms.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end)));
    let mut last_end = 0;
    atoms.retain(|a| {
        let keep = a.start >= last_end;
        if keep {
            last_end = a.end;
        }
        keep
    });
    atoms
}

/// `start..end` without surrounding whitespace, if valid and not blank.
fn trimmed_atom(text: &str, start: usize, end: usize, class: Class) -> Option<Atom> {
    let raw = text.get(start..end)?;
    let trimmed = raw.trim_start();
    let start = start + raw.len() - trimmed.len();
    let end = start + trimmed.trim_end().len();
    (start < end).then_some(Atom { start, end, class })
}

/// Which words and sentences of `out.sentences[from..]` the reading
/// formulas measure. Not a heading or a table cell (`prose` false): readers
/// scan those, and Flesch's own instructions skip titles and headings. In
/// prose, a mention is an address, not a word of the sentence; two or more
/// tags (hashtags, mentions, cashtags) ending a sentence are a tag block
/// ("Release day #rust #oss"), while one hashtag among words is read as a
/// word ("We love #Rust"); and a sentence needs an ordinary word to be
/// measured at all (a line of tags, a list item of code or numbers only).
fn mark_measured(out: &mut Segmentation, from: usize, prose: bool) {
    let is_tag = |w: &Word| {
        matches!(
            w.kind,
            WordKind::Hashtag | WordKind::Mention | WordKind::Cashtag
        )
    };
    for sentence in out.sentences.get_mut(from..).unwrap_or_default() {
        let Some(words) = out.words.get_mut(sentence.words.clone()) else {
            continue;
        };
        let trailing_tags = words.iter().rev().take_while(|w| is_tag(w)).count();
        let body = if trailing_tags >= 2 {
            words.len() - trailing_tags
        } else {
            words.len()
        };
        let measured = prose && words[..body].iter().any(|w| w.kind == WordKind::Word);
        for (k, w) in words.iter_mut().enumerate() {
            w.measured = measured && k < body && w.kind != WordKind::Mention;
        }
        sentence.measured = measured;
    }
}

/// The stretches of text inside blocks, cut at every block boundary so
/// that nested or touching blocks still separate sentences; each with
/// whether it is prose (not inside a heading or a table cell).
fn prose_intervals(text: &str, blocks: &[Block]) -> Vec<(usize, usize, bool)> {
    // (offset, +1 start / -1 end, whether the block is a heading or cell)
    let mut events: Vec<(usize, i32, bool)> = Vec::with_capacity(blocks.len() * 2);
    for block in blocks {
        let mut start = block.span.start.min(text.len());
        let mut end = block.span.end.min(text.len());
        while !text.is_char_boundary(start) {
            start += 1;
        }
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if start < end {
            let scanned = matches!(block.kind, BlockKind::Heading(_) | BlockKind::TableCell);
            events.push((start, 1, scanned));
            events.push((end, -1, scanned));
        }
    }
    // At one offset, ends sort before starts: touching blocks stay apart.
    events.sort_unstable();
    let mut out = Vec::with_capacity(events.len());
    let (mut depth, mut scanned, mut prev) = (0i32, 0i32, 0usize);
    for (pos, delta, is_scanned) in events {
        if depth > 0 && pos > prev {
            out.push((prev, pos, scanned == 0));
        }
        depth += delta;
        if is_scanned {
            scanned += delta;
        }
        prev = pos;
    }
    out
}

fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    atoms: impl Iterator<Item = Atom>,
    toks: &mut Vec<Token>,
) {
    toks.clear();
    let mut pos = start;
    for atom in atoms {
        if atom.start >= atom.end || atom.start < pos {
            continue;
        }
        tokenize_gap(text, pos, atom.start, toks);
        toks.push(Token {
            start: atom.start,
            end: atom.end,
            class: atom.class,
        });
        pos = atom.end;
    }
    tokenize_gap(text, pos, end, toks);
}

fn tokenize_gap(text: &str, start: usize, end: usize, toks: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    for (offset, seg) in text[start..end].split_word_bound_indices() {
        push_segment(text, start + offset, seg, toks);
    }
}

/// Invisible characters that are neither words nor punctuation.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{ad}' | '\u{180e}'
    )
}

/// Whether `left`, `joiner` and `right`, written with no space between
/// them, are one word, and of which kind. Flesch counts "contractions,
/// hyphenated words, abbreviations, figures, symbols and their
/// combinations" as single words: "well-known", "COVID-19", "and/or",
/// "24/7", "R&D", "opt=3", "rust#64675", "std::fs" (a joiner "::"), and
/// between numbers "9:30" and "10–20"; a version's wildcard ("1.x",
/// "v12.x") stays with its number. A dash ("this—that", "word--word"), an
/// ellipsis or a sentence's period (always followed by a space) never
/// joins.
fn joined(left: WordKind, joiner: &str, right: WordKind) -> Option<WordKind> {
    use WordKind::{Number, Word};
    let numbers = left == Number && right == Number;
    let ok = match joiner {
        "-" | "\u{2010}" | "\u{2011}" | "/" | "&" | "=" | "#" | "::" => true,
        ":" | "\u{2013}" => numbers,
        "." => left == Number && right == Word,
        _ => false,
    };
    (ok && matches!(left, Word | Number) && matches!(right, Word | Number)).then_some(
        if numbers || joiner == "." {
            Number
        } else {
            Word
        },
    )
}

fn is_currency(s: &str) -> bool {
    matches!(s, "$" | "€" | "£" | "¥" | "₹" | "₩" | "₽" | "₺" | "₿")
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "\u{2019}")
}

fn classify(seg: &str) -> Class {
    let Some(first) = seg.chars().next() else {
        return Class::Punct;
    };
    if first.is_whitespace() || is_format(first) {
        let mut newlines = 0u8;
        let mut chars = seg.chars().peekable();
        while let Some(c) = chars.next() {
            let n = match c {
                '\n' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' => 1,
                '\r' if chars.peek() != Some(&'\n') => 1,
                '\u{2029}' => 2,
                _ => 0,
            };
            newlines = newlines.saturating_add(n);
        }
        return Class::Space { newlines };
    }
    if seg.chars().any(char::is_alphanumeric) {
        // A keycap emoji ("1️⃣") holds a digit but is a picture.
        if seg.contains('\u{20e3}') {
            return Class::Decor;
        }
        let mut chars = seg.chars();
        let numeric = match (chars.next(), chars.next()) {
            (Some(c), _) if c.is_numeric() => true,
            (Some('v' | 'V'), Some(d)) => d.is_ascii_digit(),
            _ => false,
        };
        return Class::Word(if numeric {
            WordKind::Number
        } else {
            WordKind::Word
        });
    }
    match first {
        '.' | '\u{3002}' | '\u{ff61}' => Class::Term(Term::Period),
        '\u{2026}' | '\u{22ef}' => Class::Term(Term::Ellipsis),
        '!' | '?' | '\u{203d}' | '\u{203c}' | '\u{2047}' | '\u{2048}' | '\u{2049}' | '\u{ff01}'
        | '\u{ff1f}' => Class::Term(Term::Strong),
        '"' | '\'' => Class::Quote,
        '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{203a}' | ')' | ']' | '}' | '\u{300d}'
        | '\u{300f}' | '\u{ff09}' | '\u{ff3d}' | '\u{3011}' | '\u{3009}' | '\u{300b}'
        | '\u{3015}' => Class::Closer,
        '\u{201c}' | '\u{2018}' | '\u{ab}' | '\u{2039}' | '(' | '[' | '{' | '\u{bf}' | '\u{a1}'
        | '\u{300c}' | '\u{300e}' | '\u{ff08}' | '\u{ff3b}' | '\u{3010}' | '\u{3008}'
        | '\u{300a}' | '\u{3014}' | '\u{201e}' | '\u{201a}' => Class::Opener,
        '-' | '*' | '+' | '>' | '~' | '|' | '=' => Class::Decor,
        c if c.is_ascii() => Class::Punct,
        _ => Class::Decor,
    }
}

fn push_segment(text: &str, start: usize, seg: &str, toks: &mut Vec<Token>) {
    let mut tok = Token {
        start,
        end: start + seg.len(),
        class: classify(seg),
    };
    let n = toks.len();
    match tok.class {
        Class::Space { newlines } => {
            if let Some(last) = toks.last_mut()
                && let Class::Space { newlines: before } = last.class
                && last.end == tok.start
            {
                last.end = tok.end;
                last.class = Class::Space {
                    newlines: before.saturating_add(newlines),
                };
                return;
            }
        }
        Class::Word(kind) => {
            // Exact spans: no stray format characters or underscores.
            let trimmed = seg.trim_start_matches(|c| is_format(c) || c == '_');
            tok.start += seg.len() - trimmed.len();
            let trimmed = trimmed.trim_end_matches(|c| is_format(c) || c == '_');
            tok.end = tok.start + trimmed.len();
            if tok.start >= tok.end {
                tok.class = Class::Punct;
                tok.start = start;
                tok.end = start + seg.len();
            } else if n >= 2
                && toks[n - 1].end == tok.start
                && &text[toks[n - 1].start..toks[n - 1].end] == "@"
                && toks[n - 2].end == toks[n - 1].start
                && toks[n - 2].class == Class::Word(WordKind::Word)
                && trimmed.contains('.')
            {
                // "team@example.org" is an address, read like a link.
                toks.pop();
                if let Some(prev) = toks.last_mut() {
                    prev.end = tok.end;
                    prev.class = Class::Url;
                }
                return;
            } else if let Some((left, merged)) = joined_with(text, toks, tok.start, kind) {
                // "well-known", "state-of-the-art", "COVID-19", "and/or",
                // "R&D", "std::fs", "9:30": one word.
                toks.truncate(left + 1);
                if let Some(prev) = toks.last_mut() {
                    prev.end = tok.end;
                    prev.class = Class::Word(merged);
                }
                return;
            } else if kind == WordKind::Number
                && n >= 1
                && toks[n - 1].end == tok.start
                && is_currency(&text[toks[n - 1].start..toks[n - 1].end])
            {
                // "$3.50" is read as one amount.
                tok.start = toks[n - 1].start;
                toks.pop();
            } else if n >= 2
                && trimmed.eq_ignore_ascii_case("s")
                && toks[n - 1].end == tok.start
                && is_apostrophe(&text[toks[n - 1].start..toks[n - 1].end])
                && toks[n - 2].end == toks[n - 1].start
                && (is_atom_class(toks[n - 2].class)
                    || toks[n - 2].class == Class::Word(WordKind::Number))
            {
                // "@alice's", "Rust 1.31's", "the 1990's": the possessive
                // (or plural) is not a word of its own.
                tok.class = Class::Punct;
            }
        }
        Class::Punct => {
            if matches!(seg, "%" | "\u{2030}" | "\u{ff05}")
                && let Some(last) = toks.last_mut()
                && last.class == Class::Word(WordKind::Number)
                && last.end == tok.start
            {
                last.end = tok.end;
                return;
            }
        }
        _ => {}
    }
    toks.push(tok);
}

/// The word a word of `kind` starting at `start` joins ([`joined`]): the
/// index of the left word in `toks`, and the joined word's kind.
fn joined_with(
    text: &str,
    toks: &[Token],
    start: usize,
    kind: WordKind,
) -> Option<(usize, WordKind)> {
    let n = toks.len();
    let adjacent = |i: usize, end: usize| toks[i].end == end;
    // The joiner: one token, or "::" as two.
    let (left, joiner) = if n >= 3
        && adjacent(n - 1, start)
        && &text[toks[n - 1].start..toks[n - 1].end] == ":"
        && adjacent(n - 2, toks[n - 1].start)
        && &text[toks[n - 2].start..toks[n - 2].end] == ":"
    {
        (n - 3, "::")
    } else if n >= 2 && adjacent(n - 1, start) {
        (n - 2, &text[toks[n - 1].start..toks[n - 1].end])
    } else {
        return None;
    };
    if !adjacent(left, toks[left + 1].start) {
        return None;
    }
    let Class::Word(left_kind) = toks[left].class else {
        return None;
    };
    joined(left_kind, joiner, kind).map(|merged| (left, merged))
}

fn is_atom_class(class: Class) -> bool {
    matches!(
        class,
        Class::Url
            | Class::Word(
                WordKind::Hashtag
                    | WordKind::Mention
                    | WordKind::Cashtag
                    | WordKind::Code
                    | WordKind::Domain
            )
    )
}

/// "crates.io", "build.rs": a host name alone, which reads as a name, not
/// as a link ("https://crates.io", "www.rust-lang.org", "example.com/docs").
fn is_bare_domain(url: &str) -> bool {
    let url = url.trim();
    url.contains('.')
        && !url.contains(['/', ':', '?', '#', '@'])
        && !url.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www."))
}

/// Turns list markers at line start into [`Class::Marker`]: a run of
/// decoration ("-", "•", "✅") or a short number or letter with "." or ")",
/// followed by a space and more text on the same line.
fn mark_list_markers(text: &str, toks: &mut [Token]) {
    let mut line_start = true;
    let mut i = 0;
    while i < toks.len() {
        if let Class::Space { newlines } = toks[i].class {
            line_start |= newlines > 0;
            i += 1;
            continue;
        }
        if !line_start {
            i += 1;
            continue;
        }
        line_start = false;
        let mut j = i;
        while j < toks.len() && toks[j].class == Class::Decor {
            j += 1;
        }
        if j == i && is_enumerator(text, toks, i) {
            j = i + 2;
        }
        let followed = j > i
            && matches!(toks.get(j), Some(t) if t.class == Class::Space { newlines: 0 })
            && j + 1 < toks.len();
        if followed {
            for t in &mut toks[i..j] {
                t.class = Class::Marker;
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// "1." / "12)" / "b)" at `toks[i]`.
fn is_enumerator(text: &str, toks: &[Token], i: usize) -> bool {
    let (Some(head), Some(punct)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    if head.end != punct.start {
        return false;
    }
    let head_text = &text[head.start..head.end];
    let punct_text = &text[punct.start..punct.end];
    let digits =
        (1..=3).contains(&head_text.len()) && head_text.bytes().all(|b| b.is_ascii_digit());
    let letter = head_text.len() == 1 && head_text.bytes().all(|b| b.is_ascii_alphabetic());
    (digits && (punct_text == "." || punct_text == ")")) || (letter && punct_text == ")")
}

/// What a run of terminators holds.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    strong: bool,
    ellipsis: bool,
    /// A closing quote or bracket follows the terminators.
    closed: bool,
}

/// The run starting at the terminator `toks[i]`: more terminators, closing
/// quotes and brackets, and emoji stuck to them. Returns its end index.
fn scan_terminator_run(toks: &[Token], i: usize) -> (usize, Run) {
    let mut run = Run::default();
    let mut dots = 0;
    let mut j = i;
    while let Some(t) = toks.get(j) {
        if j > i && toks[j - 1].end != t.start {
            break;
        }
        match t.class {
            Class::Term(Term::Period) => dots += 1,
            Class::Term(Term::Ellipsis) => run.ellipsis = true,
            Class::Term(Term::Strong) => run.strong = true,
            Class::Quote | Class::Closer => run.closed = true,
            Class::Decor => {}
            _ => break,
        }
        j += 1;
    }
    run.ellipsis |= dots >= 2;
    (j, run)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Upper,
    Lower,
    Other,
}

/// What follows a terminator run, past spaces and opening quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    End,
    /// A line break that ends sentences, or a blank line.
    Break,
    Marker,
    Word {
        kind: WordKind,
        case: Case,
        start: usize,
        end: usize,
    },
    Other,
}

/// Whether the space `toks[i]`, holding `newlines` line breaks, ends the
/// sentence by itself: a blank line always does; in `line_mode` a single
/// line break does too, unless the next line starts with a lowercase word
/// (past opening brackets and quotes) — a sentence hard-wrapped at ~80
/// columns, not a short social line. A capitalised line, a number, a list
/// marker, an emoji, a hashtag, a mention or a link starts a new sentence.
/// A word with a capital inside ("iPhone") is a name, not a wrap sign.
fn breaks_sentence(text: &str, toks: &[Token], i: usize, newlines: u8, line_mode: bool) -> bool {
    if newlines >= 2 {
        return true;
    }
    if newlines == 0 || !line_mode {
        return false;
    }
    let next = toks[i + 1..]
        .iter()
        .find(|t| !matches!(t.class, Class::Opener | Class::Quote));
    let Some(t) = next.filter(|t| t.class == Class::Word(WordKind::Word)) else {
        return true;
    };
    let mut chars = text[t.start..t.end].chars();
    let lowercase_word =
        chars.next().is_some_and(char::is_lowercase) && !chars.any(char::is_uppercase);
    !lowercase_word
}

fn next_content(text: &str, toks: &[Token], from: usize, line_mode: bool) -> Next {
    let mut k = from;
    while let Some(t) = toks.get(k) {
        match t.class {
            Class::Space { newlines } => {
                if breaks_sentence(text, toks, k, newlines, line_mode) {
                    return Next::Break;
                }
            }
            Class::Opener | Class::Quote => {}
            Class::Marker => return Next::Marker,
            Class::Word(kind) => {
                let first = text[t.start..t.end].chars().next();
                let case = match first {
                    Some(c) if c.is_uppercase() => Case::Upper,
                    Some(c) if c.is_lowercase() => Case::Lower,
                    _ => Case::Other,
                };
                return Next::Word {
                    kind,
                    case,
                    start: t.start,
                    end: t.end,
                };
            }
            _ => return Next::Other,
        }
        k += 1;
    }
    Next::End
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Vec<Block> {
        vec![Block {
            kind: BlockKind::Paragraph,
            span: Span::new(0, text.len()),
        }]
    }

    /// An entity covering the first occurrence of `needle`.
    fn ent(text: &str, needle: &str, kind: EntityKind) -> Entity {
        let start = text.find(needle).expect("needle in text");
        Entity {
            kind,
            span: Span::new(start, start + needle.len()),
        }
    }

    fn seg_with(text: &str, entities: &[Entity], code: &[Span], lines: bool) -> Segmentation {
        let seg = Segmenter::english().segment(text, &block(text), entities, code, lines);
        check_invariants(text, &seg);
        seg
    }

    fn sentences_of(text: &str, seg: &Segmentation) -> Vec<String> {
        seg.sentences
            .iter()
            .map(|s| s.span.text(text).to_string())
            .collect()
    }

    fn words_of(text: &str, seg: &Segmentation) -> Vec<String> {
        seg.words
            .iter()
            .map(|w| w.span.text(text).to_string())
            .collect()
    }

    /// Markdown-style: line breaks wrap softly.
    fn check(text: &str, expected: &[&str]) {
        check_mode(text, false, expected);
    }

    /// Social-style: line breaks end sentences.
    fn check_social(text: &str, expected: &[&str]) {
        check_mode(text, true, expected);
    }

    fn check_mode(text: &str, lines: bool, expected: &[&str]) {
        let seg = seg_with(text, &[], &[], lines);
        assert_eq!(sentences_of(text, &seg), expected, "sentences of {text:?}");
    }

    fn check_words(text: &str, expected: &[&str]) {
        let seg = seg_with(text, &[], &[], false);
        assert_eq!(words_of(text, &seg), expected, "words of {text:?}");
    }

    fn kinds(text: &str, entities: &[Entity], code: &[Span]) -> Vec<(String, WordKind)> {
        let seg = seg_with(text, entities, code, true);
        seg.words
            .iter()
            .map(|w| (w.span.text(text).to_string(), w.kind))
            .collect()
    }

    /// What must hold for any input.
    fn check_invariants(text: &str, seg: &Segmentation) {
        let ok = |s: Span| {
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let mut prev_end = 0;
        let mut next_word = 0;
        for s in &seg.sentences {
            assert!(ok(s.span), "bad sentence span {s:?} in {text:?}");
            assert!(s.span.start >= prev_end, "sentences overlap in {text:?}");
            // Trimmed, except where a (blanked) code word is the edge.
            let words = &seg.words[s.words.clone()];
            let code_edge = |w: Option<&Word>| w.is_some_and(|w| w.kind == WordKind::Code);
            let t = s.span.text(text);
            if !code_edge(words.first()) {
                assert_eq!(t, t.trim_start(), "sentence not trimmed in {text:?}");
            }
            if !code_edge(words.last()) {
                assert_eq!(t, t.trim_end(), "sentence not trimmed in {text:?}");
            }
            assert!(!s.words.is_empty(), "sentence without words in {text:?}");
            assert_eq!(
                s.words.start, next_word,
                "a word outside sentences in {text:?}"
            );
            for w in &seg.words[s.words.clone()] {
                assert!(
                    s.span.contains(w.span),
                    "word outside its sentence in {text:?}"
                );
            }
            assert_eq!(
                s.measured,
                words.iter().any(|w| w.measured),
                "a sentence is measured exactly when a word of it is, in {text:?}"
            );
            assert!(
                words
                    .iter()
                    .all(|w| !w.measured || w.kind != WordKind::Mention),
                "a mention measured in {text:?}"
            );
            next_word = s.words.end;
            prev_end = s.span.end;
        }
        assert_eq!(
            next_word,
            seg.words.len(),
            "a word outside sentences in {text:?}"
        );
        let mut prev_end = 0;
        for w in &seg.words {
            assert!(ok(w.span), "bad word span {w:?} in {text:?}");
            assert!(w.span.start >= prev_end, "words overlap in {text:?}");
            prev_end = w.span.end;
        }
    }

    #[test]
    fn embedded_language_file_parses_and_is_well_formed() {
        let file = parse_language(EN_TOML).expect("en.toml parses");
        let lists = &file.abbreviations;
        let mut seen = HashSet::new();
        for entry in lists
            .never_final
            .iter()
            .chain(&lists.may_end)
            .chain(&lists.before_names)
            .chain(&lists.before_number)
        {
            assert_eq!(
                entry,
                &normalize_key(entry),
                "write {entry:?} lowercase, no final period"
            );
            assert!(entry.len() <= MAX_KEY_LEN, "{entry:?} is too long");
            assert!(
                seen.insert(entry.clone()),
                "{entry:?} is in two abbreviation lists"
            );
        }
        for word in &file.sentence_starters.words {
            assert_eq!(word, &normalize_key(word));
            assert!(word.len() <= MAX_KEY_LEN);
        }
        assert!(!Segmenter::english().abbreviations.is_empty());
        assert!(Segmenter::english().is_starter("The"));
    }

    #[test]
    fn unknown_keys_in_language_file_are_errors() {
        let broken = EN_TOML.replace("[sentence_starters]", "[sentence_starter]");
        assert!(parse_language(&broken).is_err());
    }

    #[test]
    fn words_basic() {
        check_words("Hello, world!", &["Hello", "world"]);
        check_words("don't it's O'Brien", &["don't", "it's", "O'Brien"]);
        check_words("don\u{2019}t stop", &["don\u{2019}t", "stop"]);
        check_words(
            "\"Quoted\" (bracketed) 'single'",
            &["Quoted", "bracketed", "single"],
        );
        check_words("students' work", &["students", "work"]);
        check_words("snake_case _private_", &["snake_case", "private"]);
    }

    #[test]
    fn words_hyphenated_compounds() {
        check_words("a well-known fact", &["a", "well-known", "fact"]);
        check_words("state-of-the-art tools", &["state-of-the-art", "tools"]);
        check_words("COVID-19 cases", &["COVID-19", "cases"]);
        // Dashes and spaced hyphens separate words.
        check_words("this - that", &["this", "that"]);
        check_words("this—that", &["this", "that"]);
        check_words("pre- and post-war", &["pre", "and", "post-war"]);
        check_words("word--word", &["word", "word"]);
    }

    #[test]
    fn words_numbers() {
        let text = "3.14 1,000 2025 30% v1.2 $3.50 2020-2025 1st";
        assert_eq!(
            kinds(text, &[], &[]),
            [
                ("3.14", WordKind::Number),
                ("1,000", WordKind::Number),
                ("2025", WordKind::Number),
                ("30%", WordKind::Number),
                ("v1.2", WordKind::Number),
                ("$3.50", WordKind::Number),
                ("2020-2025", WordKind::Number),
                ("1st", WordKind::Number),
            ]
            .map(|(t, k)| (t.to_string(), k))
        );
    }

    #[test]
    fn words_entities_and_code() {
        let text = "Ship it #rustlang @alice $AAPL https://x.co/a `cargo run` now";
        let entities = [
            ent(text, "#rustlang", EntityKind::Hashtag),
            ent(text, "@alice", EntityKind::Mention),
            ent(text, "$AAPL", EntityKind::Cashtag),
            ent(text, "https://x.co/a", EntityKind::Url),
        ];
        let code_start = text.find('`').unwrap();
        let code = [Span::new(code_start, code_start + "`cargo run`".len())];
        assert_eq!(
            kinds(text, &entities, &code),
            [
                ("Ship", WordKind::Word),
                ("it", WordKind::Word),
                ("#rustlang", WordKind::Hashtag),
                ("@alice", WordKind::Mention),
                ("$AAPL", WordKind::Cashtag),
                ("`cargo run`", WordKind::Code),
                ("now", WordKind::Word),
            ]
            .map(|(t, k)| (t.to_string(), k))
        );
    }

    #[test]
    fn possessive_after_entity_is_not_a_word() {
        let text = "Read @alice's post";
        let entities = [ent(text, "@alice", EntityKind::Mention)];
        let seg = seg_with(text, &entities, &[], true);
        assert_eq!(words_of(text, &seg), ["Read", "@alice", "post"]);
    }

    #[test]
    fn words_skip_emoji_and_punctuation() {
        check_words("Go 🚀 now!!! 👍🏽 ok… 1️⃣", &["Go", "now", "ok"]);
    }

    #[test]
    fn bom_is_not_part_of_a_word() {
        let text = "\u{feff}Hello there. Bye.";
        let seg = seg_with(text, &[], &[], false);
        assert_eq!(words_of(text, &seg), ["Hello", "there", "Bye"]);
        assert_eq!(seg.words[0].span.start, 3);
        assert_eq!(sentences_of(text, &seg), ["Hello there.", "Bye."]);
    }

    #[test]
    fn sentence_terminators() {
        check(
            "One. Two! Three? Four…",
            &["One.", "Two!", "Three?", "Four…"],
        );
        check("Really?! Yes!!! Ok.", &["Really?!", "Yes!!!", "Ok."]);
        check("No final stop", &["No final stop"]);
        check("  padded.   ", &["padded."]);
    }

    #[test]
    fn sentences_include_closing_quotes_and_brackets() {
        check(
            "He said \"Stop.\" Then left.",
            &["He said \"Stop.\"", "Then left."],
        );
        check("(see below.) Next one.", &["(see below.)", "Next one."]);
        check("He said “Go!” Then ran.", &["He said “Go!”", "Then ran."]);
        check("\"Why?\" she asked.", &["\"Why?\" she asked."]);
        check("Great!🎉 We launched.", &["Great!🎉", "We launched."]);
    }

    #[test]
    fn abbreviations_do_not_split() {
        check("U.S. officials said so.", &["U.S. officials said so."]);
        check(
            "Use a tool, e.g. this one.",
            &["Use a tool, e.g. this one."],
        );
        check("That is, i.e. the best.", &["That is, i.e. the best."]);
        check(
            "Dr. Smith met Mr. and Mrs. Jones.",
            &["Dr. Smith met Mr. and Mrs. Jones."],
        );
        check("Cats vs. dogs.", &["Cats vs. dogs."]);
        check("At 9 a.m. tomorrow we go.", &["At 9 a.m. tomorrow we go."]);
        check("See No. 5 here.", &["See No. 5 here."]);
        check(
            "Read J. R. R. Tolkien today.",
            &["Read J. R. R. Tolkien today."],
        );
        check(
            "Apples, pears, etc. are fruit.",
            &["Apples, pears, etc. are fruit."],
        );
        check(
            "Moved to the St. Louis office.",
            &["Moved to the St. Louis office."],
        );
    }

    #[test]
    fn abbreviations_that_end_sentences() {
        check(
            "Apples, pears, etc. Then more.",
            &["Apples, pears, etc.", "Then more."],
        );
        check(
            "We moved to the U.S. Then it began.",
            &["We moved to the U.S.", "Then it began."],
        );
        check(
            "Go with plan B. We have no choice.",
            &["Go with plan B.", "We have no choice."],
        );
        check(
            "The answer was no. Then silence.",
            &["The answer was no.", "Then silence."],
        );
        check(
            "We met at 9 a.m. It rained.",
            &["We met at 9 a.m.", "It rained."],
        );
        check("Ends with e.g.", &["Ends with e.g."]);
    }

    #[test]
    fn numbers_versions_and_domains_do_not_split() {
        check("Pi is 3.14 roughly.", &["Pi is 3.14 roughly."]);
        check("Rust 1.88.0 is out.", &["Rust 1.88.0 is out."]);
        check(
            "Try v1.2.3 now. It works.",
            &["Try v1.2.3 now.", "It works."],
        );
        check("It costs $3.50 today.", &["It costs $3.50 today."]);
        check(
            "It grew in 2025. Then it shrank.",
            &["It grew in 2025.", "Then it shrank."],
        );
        check(
            "Visit example.com. Then sign up.",
            &["Visit example.com.", "Then sign up."],
        );
    }

    #[test]
    fn url_entities_are_not_words_and_do_not_split() {
        let text = "Visit example.com/start. Then sign up.";
        let entities = [ent(text, "example.com/start", EntityKind::Url)];
        let seg = seg_with(text, &entities, &[], false);
        assert_eq!(
            sentences_of(text, &seg),
            ["Visit example.com/start.", "Then sign up."]
        );
        assert_eq!(words_of(text, &seg), ["Visit", "Then", "sign", "up"]);

        // A bare domain reads as a name: one word, still never split.
        let text = "Visit example.com. Then sign up.";
        let entities = [ent(text, "example.com", EntityKind::Url)];
        let seg = seg_with(text, &entities, &[], false);
        assert_eq!(
            sentences_of(text, &seg),
            ["Visit example.com.", "Then sign up."]
        );
        assert_eq!(
            kinds(text, &entities, &[])[1],
            ("example.com".to_string(), WordKind::Domain)
        );
        for www in ["www.example.com", "https://example.com", "a@example.com"] {
            assert!(!is_bare_domain(www), "{www}");
        }

        let text = "Docs at https://a.b/c?d=e.f! Read them.";
        let entities = [ent(text, "https://a.b/c?d=e.f", EntityKind::Url)];
        let seg = seg_with(text, &entities, &[], false);
        assert_eq!(
            sentences_of(text, &seg),
            ["Docs at https://a.b/c?d=e.f!", "Read them."]
        );
    }

    #[test]
    fn ellipses() {
        check("Wait... what?", &["Wait... what?"]);
        check("Wait… what?", &["Wait… what?"]);
        check("I waited... Nobody came.", &["I waited...", "Nobody came."]);
        check("So... 3 more days.", &["So... 3 more days."]);
        check("... and then it ended.", &["... and then it ended."]);
    }

    #[test]
    fn social_posts_split_at_line_breaks() {
        let text = "Big news\nWe launched today 🚀\n\nTry it now";
        check_social(text, &["Big news", "We launched today 🚀", "Try it now"]);
        // The same text as a Markdown paragraph wraps softly, but a blank
        // line still ends the sentence.
        check(text, &["Big news\nWe launched today 🚀", "Try it now"]);
    }

    #[test]
    fn hard_wrapped_social_sentences_continue_on_a_lowercase_line() {
        let text = "We spent the last three months rewriting the parser so\n\
                    that it handles hard-wrapped posts, and the results\n\
                    are better than we hoped.";
        check_social(text, &[text]);
        // CRLF, indentation and trailing spaces around the break.
        check_social(
            "It wraps here  \r\n  and goes on",
            &["It wraps here  \r\n  and goes on"],
        );
        // Past an opening bracket or quote: "(see the docs)" goes on too.
        check_social(
            "Read the guide\n(see the docs) first.",
            &["Read the guide\n(see the docs) first."],
        );
        // After punctuation the break reads as a soft wrap: the usual rules
        // (abbreviations, ellipses) decide, as they do in Markdown.
        check_social(
            "Use a tool, e.g.\nthis one.",
            &["Use a tool, e.g.\nthis one."],
        );
        check_social("Wait...\nwhat?", &["Wait...\nwhat?"]);
        check_social(
            "We shipped it.\nnow try it.",
            &["We shipped it.", "now try it."],
        );
    }

    #[test]
    fn short_social_lines_still_end_sentences() {
        // A capitalised line is social short-line style.
        check_social(
            "New release\nGet it today",
            &["New release", "Get it today"],
        );
        // List items and emoji bullets start their own sentence.
        check_social(
            "What changed\n- faster builds\n✅ smaller binaries",
            &["What changed", "faster builds", "smaller binaries"],
        );
        // A number, a name spelled with an inner capital, a link.
        check_social(
            "Downloads this year\n30% more than last",
            &["Downloads this year", "30% more than last"],
        );
        check_social(
            "Out now\niPhone app first",
            &["Out now", "iPhone app first"],
        );
        let text = "Shipping today\n#rust is great\n@alice helped";
        let entities = [
            ent(text, "#rust", EntityKind::Hashtag),
            ent(text, "@alice", EntityKind::Mention),
        ];
        let seg = seg_with(text, &entities, &[], true);
        assert_eq!(
            sentences_of(text, &seg),
            ["Shipping today", "#rust is great", "@alice helped"]
        );
        let text = "Read more\nhttps://x.co/a\nthen reply";
        let entities = [ent(text, "https://x.co/a", EntityKind::Url)];
        let seg = seg_with(text, &entities, &[], true);
        // The link line starts a sentence; a lowercase line wrapped after
        // it goes on with it.
        assert_eq!(
            sentences_of(text, &seg),
            ["Read more", "https://x.co/a\nthen reply"]
        );
    }

    #[test]
    fn blank_lines_end_sentences_even_before_lowercase() {
        check_social("It wraps\n\nand stops", &["It wraps", "and stops"]);
        check_social("It wraps\n  \t\nand stops", &["It wraps", "and stops"]);
        check("It wraps\n\nand stops", &["It wraps", "and stops"]);
        check_social("One\u{2029}two", &["One", "two"]);
    }

    #[test]
    fn markdown_wrapping_is_unchanged() {
        // The prose view wraps softly whatever the next line looks like.
        check("New release\nGet it today", &["New release\nGet it today"]);
        check("It wraps\nand goes on", &["It wraps\nand goes on"]);
        check(
            "We shipped it.\nnow try it.",
            &["We shipped it.", "now try it."],
        );
    }

    #[test]
    fn crlf_text() {
        check_social(
            "One line\r\nTwo line.\r\nThree",
            &["One line", "Two line.", "Three"],
        );
        check(
            "Soft\r\nwrap. Next.\r\n\r\nPara",
            &["Soft\r\nwrap.", "Next.", "Para"],
        );
    }

    #[test]
    fn tweet_with_hashtags() {
        let text = "Shipping postlint 1.0 today\nThanks all\n#rust #oss";
        let entities = [
            ent(text, "#rust", EntityKind::Hashtag),
            ent(text, "#oss", EntityKind::Hashtag),
        ];
        let seg = seg_with(text, &entities, &[], true);
        assert_eq!(
            sentences_of(text, &seg),
            ["Shipping postlint 1.0 today", "Thanks all", "#rust #oss"]
        );
        let last = &seg.sentences[2];
        assert!(
            seg.sentence_words(last)
                .iter()
                .all(|w| w.kind == WordKind::Hashtag)
        );
    }

    #[test]
    fn list_markers_start_sentences_and_are_not_words() {
        let text = "Why:\n- fast\n* safe\n• small\n1. first\n2) second\nb) third\n✅ done\n👉 more";
        let expected = [
            "Why:", "fast", "safe", "small", "first", "second", "third", "done", "more",
        ];
        check(text, &expected);
        check_social(text, &expected);
        check_words(text, &expected.map(|s| s.trim_end_matches(':')));
    }

    #[test]
    fn not_list_markers() {
        // A number at line start without a marker shape stays a word.
        check_words("2025 was good", &["2025", "was", "good"]);
        // A hyphen before a number is not a bullet.
        check_words("-5 degrees", &["5", "degrees"]);
        // A lone "-" line has nothing after it.
        check("One\n-\nTwo", &["One\n-\nTwo"]);
    }

    #[test]
    fn more_social_shapes() {
        check("I love it!!!😍😍 So good", &["I love it!!!😍😍", "So good"]);
        check_social(
            "Mr. Smith is here\nDr. Who too",
            &["Mr. Smith is here", "Dr. Who too"],
        );
        check("One\u{2029}Two", &["One", "Two"]);
        check("A U.S.-based team. Hi.", &["A U.S.-based team.", "Hi."]);
        // "1." alone on a line is no list marker: nothing follows it.
        check("Top 3:\n1.\nDone.", &["Top 3:\n1.", "Done."]);
        let text = "Try #rust-lang now";
        let entities = [ent(text, "#rust", EntityKind::Hashtag)];
        let seg = seg_with(text, &entities, &[], true);
        assert_eq!(words_of(text, &seg), ["Try", "#rust", "lang", "now"]);
    }

    #[test]
    fn no_word_sentences_are_dropped() {
        let text = "Hello.\n🔥🔥🔥\nhttps://x.co/abc\nBye.";
        let entities = [ent(text, "https://x.co/abc", EntityKind::Url)];
        let seg = seg_with(text, &entities, &[], true);
        assert_eq!(sentences_of(text, &seg), ["Hello.", "Bye."]);
        let seg = seg_with("🔥 🎉", &[], &[], true);
        assert!(seg.sentences.is_empty() && seg.words.is_empty());
        // Emoji after a sentence start the next one but are not part of it.
        check("Thanks! 🙏 See you.", &["Thanks!", "See you."]);
    }

    #[test]
    fn markdown_blanked_text() {
        // Non-prose bytes blanked to spaces: "Run `cargo test` now." with the
        // code blanked, and a link target blanked.
        check(
            "Run              now. Then    stop.",
            &["Run              now.", "Then    stop."],
        );
        let text = "Run `cargo test` now. Then stop.";
        let start = text.find('`').unwrap();
        let code = [Span::new(start, start + "`cargo test`".len())];
        let seg = seg_with(text, &[], &code, false);
        assert_eq!(
            words_of(text, &seg),
            ["Run", "`cargo test`", "now", "Then", "stop"]
        );
        assert_eq!(
            sentences_of(text, &seg),
            ["Run `cargo test` now.", "Then stop."]
        );
        assert_eq!(seg.words[1].kind, WordKind::Code);
        // As the Markdown prose view gives it: the code blanked.
        let blanked = "`foo` is a function.".replace("`foo`", "     ");
        let seg = seg_with(&blanked, &[], &[Span::new(0, 5)], false);
        assert_eq!(seg.words[0].kind, WordKind::Code);
        assert_eq!(sentences_of(&blanked, &seg), [blanked.as_str()]);
        assert_eq!(seg.sentences[0].span.start, 0);
    }

    #[test]
    fn sentences_never_cross_blocks() {
        let text = "Heading without stop\nFirst paragraph continues. Yes";
        let cut = text.find('\n').unwrap();
        let blocks = [
            Block {
                kind: BlockKind::Heading(1),
                span: Span::new(0, cut),
            },
            Block {
                kind: BlockKind::Paragraph,
                span: Span::new(cut + 1, text.len()),
            },
        ];
        let seg = Segmenter::english().segment(text, &blocks, &[], &[], false);
        check_invariants(text, &seg);
        assert_eq!(
            sentences_of(text, &seg),
            ["Heading without stop", "First paragraph continues.", "Yes"]
        );
        // Text outside every block is not prose.
        let seg = Segmenter::english().segment(text, &[], &[], &[], false);
        assert!(seg.words.is_empty());
    }

    #[test]
    fn nested_and_bad_blocks_and_entities_do_not_panic() {
        let text = "Quote é here. And more words.";
        let e_acute = text.find('é').unwrap();
        let blocks = [
            Block {
                kind: BlockKind::Quote,
                span: Span::new(0, 200),
            },
            Block {
                kind: BlockKind::Paragraph,
                span: Span::new(e_acute + 1, 15),
            },
        ];
        let entities = [
            Entity {
                kind: EntityKind::Hashtag,
                span: Span::new(e_acute + 1, e_acute + 4),
            },
            Entity {
                kind: EntityKind::Url,
                span: Span::new(5, 500),
            },
        ];
        let code = [Span::new(9, 3)];
        let seg = Segmenter::english().segment(text, &blocks, &entities, &code, true);
        check_invariants(text, &seg);
    }

    #[test]
    fn garbage_never_panics_and_keeps_invariants() {
        let pieces = [
            "a",
            "Z",
            "é",
            "e\u{301}",
            " ",
            "\n",
            "\r\n",
            "\r",
            ".",
            "...",
            "…",
            "!",
            "?",
            "\"",
            "'",
            "’",
            "”",
            "(",
            ")",
            "-",
            "—",
            "*",
            "1",
            "3.14",
            "$",
            "%",
            "#",
            "@",
            "🚀",
            "👍🏽",
            "1️⃣",
            "\u{feff}",
            "\u{200b}",
            "\u{2029}",
            "e.g",
            "U.S",
            "No",
            "Dr",
            "etc",
            "_",
            "\t",
            "中文",
            "x",
            "- ",
            "1. ",
            "✅ ",
            "http://a.b",
            ",",
        ];
        // A small deterministic generator: no dependency, same cases every run.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let len = (next() % 24) as usize;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            // Random, possibly invalid blocks, entities and code spans.
            let mut blocks = block(&text);
            if next() % 3 == 0 {
                let a = (next() % (text.len() as u64 + 3)) as usize;
                let b = (next() % (text.len() as u64 + 3)) as usize;
                blocks.push(Block {
                    kind: BlockKind::ListItem,
                    span: Span::new(a.min(b), a.max(b)),
                });
            }
            let mut entities = Vec::new();
            let mut code = Vec::new();
            for _ in 0..(next() % 3) {
                let a = (next() % (text.len() as u64 + 2)) as usize;
                let b = a + (next() % 6) as usize;
                let kind = match next() % 4 {
                    0 => EntityKind::Url,
                    1 => EntityKind::Hashtag,
                    2 => EntityKind::Mention,
                    _ => EntityKind::Cashtag,
                };
                entities.push(Entity {
                    kind,
                    span: Span::new(a, b),
                });
                code.push(Span::new(b, a + 2));
            }
            entities.sort_by_key(|e| e.span);
            for lines in [false, true] {
                let seg = Segmenter::english().segment(&text, &blocks, &entities, &code, lines);
                check_invariants(&text, &seg);
            }
        }
    }

    #[test]
    fn large_text_segments_consistently() {
        // A smoke test of scale rather than allocation: a large text
        // segments and every word is a span into it.
        let para = "Dr. Smith said \"It works.\" Then, e.g. in the U.S., costs fell 30%... \
                    #rust well-known v1.2.3 🚀 — ok?! ";
        let text = para.repeat(2000);
        let seg = seg_with(&text, &[], &[], false);
        assert_eq!(
            seg.words.len(),
            2000 * words_of(para, &seg_with(para, &[], &[], false)).len()
        );
    }
}
