//! `check = "shouting"`: ordinary words written in capitals.
//!
//! A word in capitals is shouting when its lowercase form is an ordinary
//! word of the post's language ("FREE", "BEST", "AMAZING"), and an acronym
//! otherwise ("GAAP", "NCBI", "WCAG", "BY-NC"): acronyms are never flagged
//! and never lowercased. The judge is the spelling dictionary
//! ([`Dictionary::contains`] on the lowercase form, so a word the dictionary
//! knows only capitalised, a name like "Nvidia", is not ordinary) or the
//! team's Hunspell dictionary for the post's language; a post in a language
//! with neither is skipped, and the report says so.
//!
//! Shouted words in a row ("LAST CHANCE", "WE ARE HIRING") are one finding
//! with one fix. A word shorter than `min_letters` alone is not shouting
//! (2–3-letter capitals are mostly abbreviations: US, IT, PM, ARM), but it
//! counts inside a run; a run is shouting when one of its words has
//! `min_letters` letters or two have `min_run_letters` ("BUY NOW", but not
//! "US AND" before "EU").
//!
//! Some ordinary words are also names or acronyms (PIN, NEON, IDEA in
//! "IntelliJ IDEA"). A capitalised word is taken for one, in the whole post,
//! when the post treats it as one somewhere: alone in brackets ("(PIN)",
//! "(aka TRACTOR)"), followed by its expansion in brackets ("PIN (personal
//! identification number)"), alone in capitals in a link's text, in quotes,
//! in code, or joined to another token ("PGO/BOLT", "DUP_TOOLS",
//! "LLVM-IR"). In one place, a word is no shouting in a table cell, in a
//! heading written all in capitals (a typographic style), next to a
//! mixed-case or unknown capitalised name or a lone capital letter
//! ("IntelliJ IDEA", "Balint BIRO", "CERT C"), or as a one-word label:
//! before a colon at the start of a line or sentence ("EDIT:", "NOTE:"),
//! or marked off by emphasis at the start of a line before a capitalised
//! word ("**HIGH** Include..."). A longer run before a colon is shouting
//! ("BUY NOW: https://..."). The rule's `allow` list holds common acronyms
//! that are also ordinary words (PIN, VAT, SIM); the team's vocabulary
//! holds its own names.

use std::collections::HashSet;
use std::sync::Arc;

use super::super::api::{Compile, Emit, Input, SkipReason};
use crate::fix::{Applicability, Fix};
use crate::input::document::BlockKind;
use crate::span::Span;
use crate::text::post::{Post, Reading};
use crate::text::segment::{Word, WordKind};
use crate::text::spelling::Dictionary;
use crate::text::spelling::hunspell::{TeamDictionaries, TeamDictionary};
use crate::text::vocabulary::{Verdict, Vocabulary};

/// The compiled `shouting` check.
pub(super) struct Shouting {
    /// Acronyms that are also ordinary words, exactly as written.
    allow: HashSet<String>,
    /// Letters a word needs to be shouting on its own.
    min_letters: usize,
    /// Letters two words of a run need for the run to be shouting.
    min_run_letters: usize,
    vocabulary: Arc<Vocabulary>,
    team: Arc<TeamDictionaries>,
}

/// The dictionary that decides what is an ordinary word.
#[derive(Clone, Copy)]
enum Dict<'a> {
    Embedded(&'static Dictionary),
    Team(&'a TeamDictionary),
}

impl Dict<'_> {
    fn contains(self, word: &str) -> bool {
        match self {
            Dict::Embedded(d) => d.contains(word),
            Dict::Team(d) => d.contains(word),
        }
    }
}

/// What one word of the post is to this check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// An ordinary word in capitals, with its number of letters.
    Shouted(usize),
    /// A number: it may sit inside a run ("BUY 2 GET 1 FREE").
    Neutral,
    /// Anything else ends a run.
    Other,
}

/// Most words a bracket may hold for a capitalised word in it to be a
/// term being introduced ("(PIN)", "(aka TRACTOR)").
const BRACKET_WORDS: usize = 3;
/// How far a bracket around a word is looked for, in bytes.
const BRACKET_REACH: usize = 40;
/// How long an expansion in brackets after a word may be, in bytes.
const EXPANSION_REACH: usize = 120;

impl Shouting {
    pub(super) fn compile(
        allow: Vec<String>,
        min_letters: usize,
        min_run_letters: usize,
        cx: &Compile<'_>,
    ) -> Self {
        Self {
            allow: allow.into_iter().collect(),
            min_letters,
            min_run_letters,
            vocabulary: Arc::clone(&cx.resources.vocabulary),
            team: Arc::clone(&cx.resources.dictionaries),
        }
    }

    pub(super) fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        // Most posts have no word in capitals that could be shouting (a
        // letter alone never is): nothing to look up.
        let caps: Vec<bool> = post.words.iter().map(|w| in_capitals(post, w)).collect();
        let shortest = self.min_letters.min(self.min_run_letters).max(2);
        if !post
            .words
            .iter()
            .zip(&caps)
            .any(|(w, &caps)| caps && letters(post.slice(w.span)) >= shortest)
        {
            return;
        }
        let dict = match self
            .team
            .for_lang(&input.cx.lang)
            .map(|(_, d)| Dict::Team(d))
            .or_else(|| Dictionary::for_lang(&input.cx.lang).map(Dict::Embedded))
        {
            Some(d) => d,
            None => {
                emit.skip(SkipReason::NoDictionary(input.cx.lang));
                return;
            }
        };
        let mut class: Vec<Class> = post
            .words
            .iter()
            .zip(&caps)
            .map(|(w, &caps)| match w.kind {
                WordKind::Number => Class::Neutral,
                WordKind::Word if caps && self.ordinary(dict, post.slice(w.span)) => {
                    Class::Shouted(letters(post.slice(w.span)))
                }
                _ => Class::Other,
            })
            .collect();
        let names = named(post, &class, dict);
        for (i, w) in post.words.iter().enumerate() {
            if let Class::Shouted(_) = class[i]
                && (names.contains(post.slice(w.span)) || styled(post, w.span))
            {
                class[i] = Class::Other;
            }
        }
        for unit in post.units(input.scope) {
            let first = post.words.partition_point(|w| w.span.start < unit.start);
            let last = first + post.words_in(unit).len();
            for run in runs(post, &class, first..last) {
                self.judge(post, dict, &class, run, emit);
            }
        }
    }

    /// Whether a word in capitals is an ordinary word: its lowercase form
    /// is one the dictionary knows, and neither the rule nor the team
    /// takes it for a name.
    fn ordinary(&self, dict: Dict<'_>, word: &str) -> bool {
        let allowed = self.allow.contains(word)
            || ["S", "'S", "’S"].iter().any(|s| {
                word.strip_suffix(s)
                    .is_some_and(|stem| self.allow.contains(stem))
            });
        !allowed
            && self.vocabulary.verdict(word) != Verdict::Accepted
            && dict.contains(&word.to_lowercase())
    }

    /// Reports one run of shouted words (indices into `post.words`) unless
    /// it is too short, a label, or a lone word next to a name.
    fn judge(
        &self,
        post: &Post<'_>,
        dict: Dict<'_>,
        class: &[Class],
        mut run: std::ops::Range<usize>,
        emit: &mut Emit<'_>,
    ) {
        // "A NEW ERA", "I LOVE IT", "PLAN A": a letter alone is a capital
        // at a sentence start, the pronoun or a name; it belongs to a run
        // inside it ("BUY A TICKET") or opening it mid-sentence ("get A
        // FREE TICKET").
        let letter = |i: usize| class[i] == Class::Shouted(1);
        while run.len() > 1
            && letter(run.start)
            && (starts_sentence(post, run.start) || post.slice(post.words[run.start].span) == "I")
        {
            run.start += 1;
        }
        while run.len() > 1 && letter(run.end - 1) {
            run.end -= 1;
        }
        let sizes: Vec<usize> = class[run.clone()]
            .iter()
            .filter_map(|c| match c {
                Class::Shouted(n) => Some(*n),
                _ => None,
            })
            .collect();
        let long = sizes.iter().any(|&n| n >= self.min_letters);
        let shouting = match sizes.len() {
            0 => false,
            1 => long && !next_to_name(post, dict, run.start),
            _ => long || sizes.iter().filter(|&&n| n >= self.min_run_letters).count() >= 2,
        };
        if !shouting || label(post, run.clone(), sizes.len()) {
            return;
        }
        let span = Span::new(
            post.words[run.start].span.start,
            post.words[run.end - 1].span.end,
        );
        // The fix keeps the markup between the words ("**LAST** **CHANCE**");
        // the message shows them as read.
        let opens = starts_sentence(post, run.start);
        let lower = |text: &str| {
            let lower = lowercase(text);
            if opens {
                capitalise_first(&lower)
            } else {
                lower
            }
        };
        let shown = squeeze(post.slice(span));
        let suggestion = lower(&shown);
        let fix = Fix::replace(
            span,
            lower(&post.source[span.range()]),
            Applicability::Review,
        );
        emit.push(
            span,
            &[("match", &shown), ("suggestion", &suggestion)],
            Some(fix),
            1.0,
        );
    }
}

/// Whether a word is written in capitals: letters (at least one), all
/// uppercase, with nothing but hyphens and apostrophes between them. Not
/// in code, a URL or glued to code ("`x`-LEVEL").
fn in_capitals(post: &Post<'_>, w: &Word) -> bool {
    if w.kind != WordKind::Word {
        return false;
    }
    let word = post.slice(w.span);
    let mut any = false;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            any = true;
        } else if !matches!(c, '-' | '\'' | '’') {
            return false;
        }
    }
    any && !post.is_hidden(w.span) && !glued_to_code(post, w.span) && !in_identifier(post, w.span)
}

/// "$DAY_JOB", "/usr/LOCAL", "ENV=prod": a word glued to the marks of an
/// identifier, a path or a variable.
fn in_identifier(post: &Post<'_>, span: Span) -> bool {
    let before = post.text[..span.start].chars().next_back();
    let mut after = post.text[span.end..].chars();
    let next = after.next();
    before.is_some_and(|c| matches!(c, '_' | '$' | '/' | '\\' | '.' | '=' | '#' | '@'))
        || next.is_some_and(|c| matches!(c, '_' | '/' | '\\' | '=' | '('))
        || (next == Some('.') && after.next().is_some_and(char::is_alphanumeric))
}

fn letters(word: &str) -> usize {
    word.chars().filter(|c| c.is_alphabetic()).count()
}

/// "`match`-ING": a suffix written onto inline code belongs to the code.
fn glued_to_code(post: &Post<'_>, word: Span) -> bool {
    let i = post.code.partition_point(|c| c.end <= word.start);
    let before = i.checked_sub(1).is_some_and(|i| {
        let gap = &post.source[post.code[i].end..word.start];
        gap.is_empty() || gap == "-"
    });
    let after = post.code.get(i).is_some_and(|c| {
        let gap = post.source.get(word.end..c.start).unwrap_or("x");
        gap.is_empty() || gap == "-"
    });
    before || after
}

/// The capitalised words the post treats as names or acronyms somewhere,
/// exactly as written: they are not shouting anywhere in the post.
fn named<'p>(post: &'p Post<'_>, class: &[Class], dict: Dict<'_>) -> HashSet<&'p str> {
    let mut names = HashSet::new();
    let shouted = |i: usize| matches!(class[i], Class::Shouted(_));
    for (i, w) in post.words.iter().enumerate() {
        let text = post.slice(w.span);
        if shouted(i) {
            let alone_in = |span: Span| {
                let (a, b) = word_range(post, span);
                (a..b).filter(|&j| shouted(j)).count() == 1
            };
            let link = link_text(post, w.span).is_some_and(alone_in);
            let bracket = bracket_around(post, w.span)
                .is_some_and(|b| post.words_in(b).len() <= BRACKET_WORDS && alone_in(b));
            if link
                || bracket
                || crate::checklist::kinds::quoted::between_marks(&post.text, w.span)
                || expanded_after(post, w.span, text)
            {
                names.insert(text);
            }
        } else if w.kind == WordKind::Word
            && text.contains('-')
            && text.chars().any(char::is_uppercase)
            && !dict.contains(&text.to_lowercase())
        {
            // "LLVM-IR", "PGO-BOLT": a compound that is no ordinary word.
            names.extend(
                text.split('-')
                    .filter(|t| !t.chars().any(char::is_lowercase)),
            );
        }
    }
    // "PGO/BOLT", "DUP_TOOLS", "$BUILD_MODE", "std::FOO": identifiers and
    // paths, read from the text (the segmenter may cut them).
    let body = &post.text[post.span.range()];
    let mut at = post.span.start;
    for chunk in body.split_inclusive(char::is_whitespace) {
        let span = Span::new(at, at + chunk.len());
        at = span.end;
        let chunk = chunk.trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | ')' | '[' | ']' | '"' | '\'' | ',' | ';' | '!' | '?' | '.' | ':'
                )
        });
        if chunk.contains(['/', '_', '$', '=', '\\']) || chunk.contains("::") {
            // Not a link's path ("https://x.y/FREE").
            if !post.is_hidden(span) {
                names.extend(capitalised_parts(chunk));
            }
        }
    }
    for span in post.code.iter().chain(&post.code_blocks) {
        // Code spans are blanked in the prose view: read the source.
        names.extend(capitalised_parts(&post.source[span.range()]));
    }
    names
}

/// The all-capital tokens of `text` and of its `_`-joined identifiers:
/// "$PATH" gives PATH, "DUP_TOOLS" gives DUP_TOOLS, DUP and TOOLS.
fn capitalised_parts(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .flat_map(|token| {
            let parts = token.contains('_').then(|| token.split('_'));
            std::iter::once(token).chain(parts.into_iter().flatten())
        })
        .filter(|t| t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase))
}

/// The indices of the words inside `span`.
fn word_range(post: &Post<'_>, span: Span) -> (usize, usize) {
    let start = post.words.partition_point(|w| w.span.start < span.start);
    (start, start + post.words_in(span).len())
}

/// The text of the Markdown link `span` is in.
fn link_text(post: &Post<'_>, span: Span) -> Option<Span> {
    let i = post.links.partition_point(|l| l.end <= span.start);
    post.links.get(i).filter(|l| l.contains(span)).copied()
}

/// The round or square brackets around `span`, if close by: the span
/// from the opening to the closing bracket.
fn bracket_around(post: &Post<'_>, span: Span) -> Option<Span> {
    let text = &post.text;
    let from = floor_boundary(text, span.start.saturating_sub(BRACKET_REACH));
    let before = &text[from..span.start];
    let open = before.rfind(['(', '[', ')', ']', '.', '!', '?'])?;
    let closer = match before.as_bytes()[open] {
        b'(' => ')',
        b'[' => ']',
        _ => return None,
    };
    let to = ceil_boundary(text, (span.end + BRACKET_REACH).min(text.len()));
    let after = &text[span.end..to];
    let close = after.find(['(', '[', ')', ']', '.', '!', '?'])?;
    (after[close..].starts_with(closer)).then(|| Span::new(from + open, span.end + close + 1))
}

/// "PIN (personal identification number)": a bracket right after the word
/// whose words' initials spell it, in order.
fn expanded_after(post: &Post<'_>, span: Span, word: &str) -> bool {
    let rest = post.text[span.end..].trim_start_matches([' ', '\t']);
    if !rest.starts_with('(') {
        return false;
    }
    let open = post.text.len() - rest.len();
    let near = &rest[..ceil_boundary(rest, EXPANSION_REACH.min(rest.len()))];
    let Some(close) = near.find(')') else {
        return false;
    };
    let inside = post.words_in(Span::new(open, open + close));
    let initials: Vec<char> = inside
        .iter()
        .filter_map(|w| post.slice(w.span).chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    let wanted: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if wanted.len() < 2 || initials.first() != wanted.first() || initials.len() > 3 * wanted.len() {
        return false;
    }
    let mut want = wanted.iter().peekable();
    for c in &initials {
        if want.peek() == Some(&c) {
            want.next();
        }
    }
    want.peek().is_none()
}

/// Where capitals are a style of the text, not a raised voice: a table
/// cell (labels and constants), a heading written all in capitals.
fn styled(post: &Post<'_>, span: Span) -> bool {
    let i = post.blocks.partition_point(|b| b.span.start <= span.start);
    let Some(block) = i.checked_sub(1).map(|i| post.blocks[i]) else {
        return false;
    };
    if !block.span.contains(span) {
        return false;
    }
    match block.kind {
        BlockKind::TableCell => true,
        BlockKind::Heading(_) => !post.slice(block.span).chars().any(char::is_lowercase),
        _ => false,
    }
}

/// Splits words `range` into runs: shouted words, with numbers between
/// them, separated by nothing but spaces, emphasis and commas, on one line
/// (in Markdown, in one block: a paragraph's soft line break is a space).
/// A run starts and ends with a shouted word.
fn runs(
    post: &Post<'_>,
    class: &[Class],
    range: std::ops::Range<usize>,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    // The run so far (to after its last shouted word) and the last word
    // that went on it.
    let mut run: Option<(usize, usize)> = None;
    let mut last = 0;
    for i in range {
        let goes_on = run.is_some() && joined(post, last, i);
        match class[i] {
            Class::Shouted(_) => {
                match run.as_mut() {
                    Some((_, end)) if goes_on => *end = i + 1,
                    _ => {
                        out.extend(run.map(|(s, e)| s..e));
                        run = Some((i, i + 1));
                    }
                }
                last = i;
            }
            Class::Neutral if goes_on => last = i,
            _ => out.extend(run.take().map(|(s, e)| s..e)),
        }
    }
    out.extend(run.map(|(s, e)| s..e));
    out
}

/// Whether words `a` and `b` (`b == a + 1`) read as one phrase.
fn joined(post: &Post<'_>, a: usize, b: usize) -> bool {
    let (a, b) = (post.words[a].span, post.words[b].span);
    let gap = &post.text[a.end..b.start];
    let same_block = {
        let i = post.blocks.partition_point(|x| x.span.start <= a.start);
        i.checked_sub(1)
            .is_some_and(|i| post.blocks[i].span.contains(b))
    };
    let breaks = match post.reading {
        Reading::Plain => gap.contains('\n'),
        Reading::Markdown => !same_block,
    };
    !breaks
        && gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '&' | '+' | '-' | '–' | '—'))
}

/// "IntelliJ IDEA", "CLion, IDEA", "Balint BIRO", "CERT C": a word in
/// capitals right next to a name is part of it.
fn next_to_name(post: &Post<'_>, dict: Dict<'_>, i: usize) -> bool {
    let near = |j: usize| {
        let (a, b) = (post.words[i.min(j)].span, post.words[i.max(j)].span);
        post.text[a.end..b.start]
            .chars()
            .all(|c| (c.is_whitespace() && c != '\n') || c == ',')
    };
    [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter(|&j| j < post.words.len() && post.words[j].kind == WordKind::Word && near(j))
        .any(|j| {
            let word = post.slice(post.words[j].span);
            let mut chars = word.chars();
            match (chars.next(), chars.next()) {
                // "CERT C", "MISRA C": a capital letter alone is part of a
                // name, unless it opens a sentence or is the pronoun.
                (Some(c), None) if c.is_uppercase() => !starts_sentence(post, j) && word != "I",
                _ => is_name(dict, word),
            }
        })
}

/// A mixed-case word ("IntelliJ", "AArch64", "iPhone"), or a capitalised
/// one the dictionary does not know in lowercase ("Balint").
fn is_name(dict: Dict<'_>, word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let lower = word.chars().any(char::is_lowercase);
    let inner_upper = chars.any(char::is_uppercase);
    if lower && inner_upper {
        return true;
    }

    first.is_uppercase()
        && lower
        && word.chars().all(char::is_alphabetic)
        && !dict.contains(&word.to_lowercase())
}

/// A one-word label opening a line or a sentence: "EDIT:", "[CLOSED]:",
/// or, opening a line, a word marked off by emphasis before a capitalised
/// word ("**HIGH** Include the tests"). A longer run before a colon is
/// shouting ("BUY NOW: https://...").
fn label(post: &Post<'_>, run: std::ops::Range<usize>, shouted: usize) -> bool {
    let start = post.words[run.start].span.start;
    let end = post.words[run.end - 1].span.end;
    let line = post.lines.partition_point(|l| l.start <= start);
    let line_start = line
        .checked_sub(1)
        .map_or(start, |i| post.lines[i].start.min(start));
    let opens_line = !post.text[line_start..start]
        .chars()
        .any(char::is_alphanumeric);
    let line_end = post.text[end..]
        .find('\n')
        .map_or(post.text.len(), |n| end + n);
    let after = post.text[end..line_end]
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ']' | ')' | '*' | '_'));
    if shouted != 1 {
        return false;
    }
    // "... by 5%. NOTE: these numbers": a label may open a sentence too.
    if after.starts_with(':') && (opens_line || starts_sentence(post, run.start)) {
        return true;
    }
    if !opens_line {
        return false;
    }
    let emphasised =
        post.source[..start].ends_with(['*', '_']) && post.source[end..].starts_with(['*', '_']);
    emphasised
        && after
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_none_or(char::is_uppercase)
}

/// Whether word `i` is the first of its sentence.
fn starts_sentence(post: &Post<'_>, i: usize) -> bool {
    let s = post.sentences.partition_point(|s| s.words.end <= i);
    post.sentences.get(s).is_some_and(|s| s.words.start == i)
}

/// `text` in lowercase, but for the pronoun "I" ("I'M" -> "I'm").
fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let pronoun = c == 'I'
            && !prev.is_some_and(|p| p.is_alphanumeric() || p == '\'' || p == '’')
            && !next.is_some_and(char::is_alphanumeric);
        if pronoun {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        prev = Some(c);
    }
    out
}

fn capitalise_first(text: &str) -> String {
    match text.char_indices().find(|(_, c)| c.is_alphabetic()) {
        Some((i, c)) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..i]);
            out.extend(c.to_uppercase());
            out.push_str(&text[i + c.len_utf8()..]);
            out
        }
        None => text.to_owned(),
    }
}

/// Runs of white space as one space: "LAST **CHANCE**" shows as prose.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_keeps_the_pronoun_i() {
        assert_eq!(lowercase("HONESTLY, I LOVE IT"), "honestly, I love it");
        assert_eq!(lowercase("I'M IN"), "I'm in");
        assert_eq!(lowercase("IT IS MINE"), "it is mine");
        assert_eq!(lowercase("**LAST** **CHANCE**"), "**last** **chance**");
        assert_eq!(lowercase("ÉTÉ ÀLA"), "été àla");
    }

    #[test]
    fn capitalise_first_skips_markup() {
        assert_eq!(capitalise_first("**last** chance"), "**Last** chance");
        assert_eq!(capitalise_first("été"), "Été");
        assert_eq!(capitalise_first("**"), "**");
        assert_eq!(capitalise_first(""), "");
    }

    #[test]
    fn capitalised_parts_of_identifiers() {
        let parts: Vec<&str> = capitalised_parts("$DAY_JOB and PGO/BOLT, std::FOO x_y").collect();
        assert_eq!(parts, ["DAY_JOB", "DAY", "JOB", "PGO", "BOLT", "FOO"]);
    }

    #[test]
    fn names_are_mixed_case_or_unknown_capitalised_words() {
        let d = Dict::Embedded(Dictionary::en_us());
        for name in ["IntelliJ", "AArch64", "iPhone", "CLion", "Balint"] {
            assert!(is_name(d, name), "{name}");
        }
        for word in ["The", "Eclipse", "Code", "free", "FREE", "", "42"] {
            assert!(!is_name(d, word), "{word}");
        }
    }

    #[test]
    fn squeeze_reads_blanked_markup_as_one_space() {
        assert_eq!(squeeze("LAST     CHANCE"), "LAST CHANCE");
        assert_eq!(squeeze("LAST\nCHANCE"), "LAST CHANCE");
    }
}
