//! English syllables of a word as it is read aloud. Reading formulas
//! (`readability`) and per-word rules (`metric = "syllables"`) count with
//! it.
//!
//! A word of the CMU Pronouncing Dictionary counts the vowels of the
//! dictionary's first pronunciation, exactly: the shared pronunciation
//! table (`text::pronounce`, generated from CMU) holds every dictionary
//! word that the rules below miscount, so any other dictionary word is
//! counted right by them (`scripts/pronounce/generate.sh` checks all
//! 126,000). A word the dictionary lacks is counted by the same rules: a
//! few hand-written words (`[syllables]` in `rules/language/en.toml`), the
//! base of an inflected word found in the table ("ideas" from "idea"), a
//! compound head ("somebody"), else the spelling heuristic ([`heuristic`];
//! its accuracy on frequent words held out of the table is measured by
//! `scripts/readability/syllable_agreement.py`).
//!
//! Tokens are read as a speaker would: numbers in words ("2025" is "twenty
//! twenty-five", "3.14" "three point one four", "11th" "eleventh", "50%"
//! "fifty percent", "$80M" "eighty million dollars"), capitals letter by
//! letter unless they make a word ("FBI" 3, "W" 3, but "NASA" 2, "THE" 1),
//! camel case by its parts ("GitHub" 2, "iOS" "eye-OS"), contractions and
//! possessives with their stem ("didn't" 2, "boss's" 2).

use std::sync::LazyLock;

use crate::text::pronounce::{self, Capitals, Entry, MAX_KEY};
use crate::text::segment::{english_file, normalize_key};

/// Where words are looked up: the embedded table, or the table being
/// generated (`pronounce`'s generator test).
pub(crate) trait Lexicon {
    fn entry(&self, key: &str) -> Option<Entry>;
}

impl Lexicon for pronounce::Table {
    fn entry(&self, key: &str) -> Option<Entry> {
        self.get(key)
    }
}

/// The hand-written syllable tables of `rules/language/en.toml`, loaded
/// once: words the dictionary lacks, and compound heads.
struct HandTables {
    exceptions: Vec<(Box<str>, u8)>,
    /// Longest first, so "every" is tried before a shorter head.
    compound_heads: Vec<(Box<[u8]>, u8)>,
}

static HAND: LazyLock<HandTables> = LazyLock::new(|| {
    let file = english_file();
    let exceptions: Vec<(Box<str>, u8)> = file
        .syllables
        .exceptions
        .iter()
        .map(|(word, &n)| (normalize_key(word).into_boxed_str(), n))
        .collect();
    let mut compound_heads: Vec<(Box<[u8]>, u8)> = file
        .syllables
        .compound_heads
        .iter()
        .map(|(head, &n)| (normalize_key(head).into_bytes().into_boxed_slice(), n))
        // An empty head would match every word, forever.
        .filter(|(head, _)| !head.is_empty())
        .collect();
    compound_heads.sort_by_key(|(head, _)| std::cmp::Reverse(head.len()));
    HandTables {
        exceptions,
        compound_heads,
    }
});

/// Letters of one word part; longer parts fall back to plain vowel groups.
const PART_MAX: usize = 48;

/// The byte a letter of another script folds to: never in a key, never a
/// vowel.
const FOREIGN: u8 = b'#';

/// English syllables of one word as written, at least 1 when it has a
/// letter or digit.
///
/// Hyphenated compounds and other joined parts are summed ("well-known" 2)
/// unless the dictionary has the compound; numbers are read aloud ("B2B"
/// 3, "COVID-19" 4, "8-week" 2); capitals that are not a word are read
/// letter by letter ("FBI" 3); "didn't" 2, "don't" 1. Accented vowels
/// count as vowels; "é" is never silent ("café" 2).
pub fn syllables(word: &str) -> usize {
    count(word, pronounce::table())
}

/// Whether `word` is an initialism read letter by letter ("FBI", "RFC",
/// "APIs"), as opposed to capitals read as a word ("NASA", "FREE").
pub fn is_initialism(word: &str) -> bool {
    let core = match word.strip_suffix('s') {
        Some(c) if c.len() >= 2 => c,
        _ => word,
    };
    if core.len() < 2 || core.len() > MAX_KEY || !core.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut buf = [0u8; MAX_KEY];
    for (i, b) in core.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    capitals_reading(pronounce::table(), &buf[..core.len()]) == Capitals::Letters
}

/// [`syllables`] with the words looked up in `lex`.
pub(crate) fn count<L: Lexicon + ?Sized>(word: &str, lex: &L) -> usize {
    let Some(first) = word.chars().next() else {
        return 0;
    };
    if first.is_ascii_digit() || currency(first).is_some() {
        return number_in(word, lex);
    }
    if word.contains('-')
        && let Some(n) = whole(word, lex)
    {
        return n;
    }
    let bytes = word.as_bytes();
    let mut total = 0;
    let mut part = Part::default();
    let mut in_digits = false;
    let mut i = 0;
    while let Some(c) = word[i..].chars().next() {
        let next = i + c.len_utf8();
        if c.is_ascii_digit() {
            total += part.finish(lex);
            let end = numeral_end(bytes, i);
            total += Numeral::read(&word[i..end], false).syllables;
            i = end;
            continue;
        }
        if c.is_alphabetic() {
            in_digits = false;
            part.push(c);
        } else if c.is_numeric() {
            // Digits of other scripts: one syllable a group.
            total += part.finish(lex);
            total += usize::from(!in_digits);
            in_digits = true;
        } else if is_apostrophe(c)
            && part.len > 0
            && word[next..].chars().next().is_some_and(char::is_alphabetic)
        {
            part.push_apostrophe();
        } else {
            total += part.finish(lex);
            in_digits = false;
        }
        i = next;
    }
    total + part.finish(lex)
}

/// A hyphenated word the table has as a whole ("x-ray", "ad-hoc").
fn whole<L: Lexicon + ?Sized>(word: &str, lex: &L) -> Option<usize> {
    let mut buf = [0u8; MAX_KEY];
    let mut n = 0;
    for c in word.chars() {
        let b = match c {
            '\u{2019}' => b'\'',
            c if c.is_ascii_alphabetic() || c == '-' || c == '\'' => (c as u8).to_ascii_lowercase(),
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    let key = std::str::from_utf8(&buf[..n]).ok()?;
    lex.entry(key)?.syllables.map(|s| usize::from(s.max(1)))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Letters of a word part as written: folded to lowercase ASCII ('E' for
/// "é", [`FOREIGN`] for other scripts), apostrophes kept, capitals
/// remembered.
struct Part {
    buf: [u8; PART_MAX],
    len: usize,
    /// Bit i: letter i was a capital.
    upper: u64,
    /// Vowel groups beyond `PART_MAX` letters.
    overflow_groups: usize,
    overflow_in_vowel: bool,
}

impl Default for Part {
    fn default() -> Self {
        Part {
            buf: [0; PART_MAX],
            len: 0,
            upper: 0,
            overflow_groups: 0,
            overflow_in_vowel: false,
        }
    }
}

impl Part {
    fn push(&mut self, c: char) {
        let b = fold(c);
        if self.len < PART_MAX {
            if c.is_uppercase() {
                self.upper |= 1 << self.len;
            }
            self.buf[self.len] = b;
            self.len += 1;
        } else {
            let vowel = matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'E');
            if vowel && !self.overflow_in_vowel {
                self.overflow_groups += 1;
            }
            self.overflow_in_vowel = vowel;
        }
    }

    fn push_apostrophe(&mut self) {
        if self.len < PART_MAX {
            self.buf[self.len] = b'\'';
            self.len += 1;
        }
    }

    /// Syllables of the part so far; resets it.
    fn finish<L: Lexicon + ?Sized>(&mut self, lex: &L) -> usize {
        if self.len == 0 {
            return 0;
        }
        let n = apostrophes(lex, &self.buf[..self.len], self.upper) + self.overflow_groups;
        *self = Part::default();
        n
    }
}

fn fold(c: char) -> u8 {
    if c.is_ascii() {
        return (c as u8).to_ascii_lowercase();
    }
    match c.to_lowercase().next().unwrap_or(c) {
        'é' => b'E',
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'æ' => b'a',
        'è' | 'ê' | 'ë' => b'e',
        'ì' | 'í' | 'î' | 'ï' => b'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' | 'œ' => b'o',
        'ù' | 'ú' | 'û' | 'ü' => b'u',
        'ý' | 'ÿ' => b'y',
        'ç' => b'c',
        'ñ' => b'n',
        // Other scripts: no vowels known; the word still counts 1.
        _ => FOREIGN,
    }
}

/// `w` as a table key: lowercase ASCII, "é" as "e". `None` when it
/// cannot be in the table (too long, another script).
fn key<'b>(w: &[u8], buf: &'b mut [u8; MAX_KEY]) -> Option<&'b str> {
    let out = buf.get_mut(..w.len())?;
    for (o, &b) in out.iter_mut().zip(w) {
        *o = match b {
            FOREIGN => return None,
            b'E' => b'e',
            b => b,
        };
    }
    std::str::from_utf8(out).ok()
}

fn entry<L: Lexicon + ?Sized>(lex: &L, w: &[u8]) -> Option<Entry> {
    let mut buf = [0u8; MAX_KEY];
    lex.entry(key(w, &mut buf)?)
}

/// Syllables of a word (or part) the table or the hand-written list has.
fn lookup<L: Lexicon + ?Sized>(lex: &L, w: &[u8]) -> Option<usize> {
    let mut buf = [0u8; MAX_KEY];
    let key = key(w, &mut buf)?;
    if let Some(n) = lex.entry(key).and_then(|e| e.syllables) {
        return Some(usize::from(n.max(1)));
    }
    hand_lookup(key)
}

fn hand_lookup(key: &str) -> Option<usize> {
    // A handful of words: a scan that mostly stops at the first letter.
    HAND.exceptions
        .iter()
        .find(|(w, _)| w.as_bytes().has_prefix(key.as_bytes()) && w.len() == key.len())
        .map(|(_, n)| usize::from(*n))
}

/// A part with apostrophes: the table's word ("o'clock", "we'll"), else
/// its stem and the ending: "'s" is heard as a syllable after a hiss
/// ("boss's"); "n't", "'ll", "'ve", "'d" after a consonant sound
/// ("didn't", "haven't", "it'll", "would've", "it'd") but not after a
/// vowel ("don't", "we'll", "I've", "you'd"); "'re", "'m" join the stem.
fn apostrophes<L: Lexicon + ?Sized>(lex: &L, w: &[u8], upper: u64) -> usize {
    let Some(a) = w.iter().rposition(|&b| b == b'\'') else {
        return cased(lex, w, upper);
    };
    if let Some(n) = lookup(lex, w) {
        return n;
    }
    let (stem, tail) = (&w[..a], &w[a + 1..]);
    match tail {
        b"s" if !stem.contains(&b'\'') => {
            cased(lex, stem, upper) + usize::from(ends_hissing(stem, upper))
        }
        b"t" if stem.len() > 1 && stem.has_suffix(b"n") && !stem.contains(&b'\'') => {
            let base = &stem[..stem.len() - 1];
            cased(lex, base, upper) + usize::from(ends_consonant(base))
        }
        b"ll" | b"ve" | b"d" if !stem.contains(&b'\'') => {
            cased(lex, stem, upper) + usize::from(ends_consonant(stem))
        }
        b"re" | b"m" if !stem.contains(&b'\'') => cased(lex, stem, upper),
        _ => {
            // "rock'n'roll": the letters without the apostrophes.
            let mut buf = [0u8; PART_MAX];
            let (mut n, mut caps) = (0, 0u64);
            for (i, &b) in w.iter().enumerate() {
                if b != b'\'' {
                    caps |= ((upper >> i) & 1) << n;
                    buf[n] = b;
                    n += 1;
                }
            }
            cased(lex, &buf[..n], caps)
        }
    }
}

/// Whether a word ends in a consonant sound: a consonant letter, or a
/// silent e after one ("have", "there"), not "do", "we", "they".
fn ends_consonant(stem: &[u8]) -> bool {
    let vowel = |b: &u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'E');
    match stem {
        [] => false,
        [.., b'e'] => stem[..stem.len() - 1].iter().any(vowel) && !stem.has_suffix(b"ee"),
        [.., last] => !vowel(last) && *last != b'w', // "how'd"
    }
}

/// Whether a possessive "'s" after `stem` is a syllable: "boss's",
/// "Max's", "church's", "page's"; in capitals, after S, X, Z ("CSS's").
fn ends_hissing(stem: &[u8], upper: u64) -> bool {
    let n = stem.len();
    let caps = (0..n).filter(|&i| i < 64 && (upper >> i) & 1 == 1).count();
    if n > 1 && caps == n {
        return matches!(stem[n - 1], b's' | b'x' | b'z');
    }
    matches!(stem.last(), Some(b's' | b'x' | b'z'))
        || stem.has_suffix(b"ch")
        || stem.has_suffix(b"sh")
        || stem.has_suffix(b"ce")
        || stem.has_suffix(b"ge")
        || stem.has_suffix(b"se")
        || stem.has_suffix(b"ze")
}

/// A part of letters read by its case: lowercase or capitalised as a
/// word, capitals by [`capitals`], camel case by its humps.
fn cased<L: Lexicon + ?Sized>(lex: &L, w: &[u8], upper: u64) -> usize {
    let n = w.len();
    if n == 0 {
        return 0;
    }
    if w.contains(&FOREIGN) {
        return word(lex, w); // another script: no case reading
    }
    let upper = if n < 64 {
        upper & ((1 << n) - 1)
    } else {
        upper
    };
    let caps = upper.count_ones() as usize;
    if caps == 0 || upper == 1 {
        return word(lex, w);
    }
    if caps == n {
        return capitals(lex, w);
    }
    // "APIs", "CEOs": a plural of capitals.
    if n >= 3 && caps == n - 1 && w[n - 1] == b's' {
        return capitals(lex, &w[..n - 1]);
    }
    if let Some(n) = lookup(lex, w) {
        return n; // "LinkedIn", "McDonald" as the dictionary has them
    }
    // Humps: a capital after a lowercase letter starts one ("GitHub",
    // "iPhone"), and so does the last of a run of capitals before
    // lowercase letters other than a plural "s" ("XMLHttp", "OAuth").
    let is_up = |i: usize| (upper >> i) & 1 == 1;
    let mut total = 0;
    let mut start = 0;
    for i in 1..n {
        let after_lower = !is_up(i - 1);
        let ends_run =
            i + 1 < n && !is_up(i + 1) && !(i + 2 == n && w[i + 1] == b's') && w[i + 1] != b'\'';
        if is_up(i) && (after_lower || ends_run) {
            total += cased(lex, &w[start..i], upper >> start);
            start = i;
        }
    }
    if start == 0 {
        return word(lex, w);
    }
    total + cased(lex, &w[start..], upper >> start)
}

/// Capitals: as the table says ("NASA" a word, "AI" letters), as the
/// hand-written list reads a word the dictionary lacks ("JSON"), else by
/// [`default_capitals`].
fn capitals<L: Lexicon + ?Sized>(lex: &L, w: &[u8]) -> usize {
    if entry(lex, w).and_then(|e| e.capitals).is_none()
        && let Some(n) = hand_exception(w)
    {
        return n;
    }
    match capitals_reading(lex, w) {
        Capitals::Letters => letters(w),
        Capitals::Word => word(lex, w),
    }
}

fn hand_exception(w: &[u8]) -> Option<usize> {
    let mut buf = [0u8; MAX_KEY];
    hand_lookup(key(w, &mut buf)?)
}

/// How a lowercase word written in capitals is read.
pub(crate) fn capitals_reading<L: Lexicon + ?Sized>(lex: &L, w: &[u8]) -> Capitals {
    entry(lex, w)
        .and_then(|e| e.capitals)
        .unwrap_or_else(|| default_capitals(w))
}

/// How capitals the table does not know are read: up to three letters
/// ("GPU", "AWS"), or letters that English words are not spelled with
/// (no vowel, "SDK"; a start, end or run of letters no word has, "JSON",
/// "NYPD", "IEEE") letter by letter; the others ("FOMO", "COVID") as a
/// word. The table holds every dictionary word this gets wrong.
pub(crate) fn default_capitals(w: &[u8]) -> Capitals {
    let vowel = |b: &u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'E');
    let onset = w.iter().take_while(|b| !vowel(b)).count();
    let coda = w.iter().rev().take_while(|b| !vowel(b)).count();
    let spelled_like_a_word = w.len() > 3
        && onset < w.len()
        && is_onset(&w[..onset])
        && is_final_cluster(&w[w.len() - coda..])
        && w.split(|b| vowel(b)).all(|run| run.len() <= 4)
        && w.split(|b| !vowel(b)).all(|run| run.len() <= 3)
        && !w.contains(&FOREIGN);
    if spelled_like_a_word {
        Capitals::Word
    } else {
        Capitals::Letters
    }
}

/// Consonants that start English words (and "y" as a consonant).
fn is_onset(c: &[u8]) -> bool {
    match c {
        [] | [_] => true,
        _ => matches!(
            c,
            b"bl"
                | b"br"
                | b"ch"
                | b"chr"
                | b"cl"
                | b"cr"
                | b"dr"
                | b"dw"
                | b"fl"
                | b"fr"
                | b"gl"
                | b"gr"
                | b"gn"
                | b"kn"
                | b"kl"
                | b"kr"
                | b"ph"
                | b"phr"
                | b"pl"
                | b"pr"
                | b"ps"
                | b"qu"
                | b"rh"
                | b"sc"
                | b"sch"
                | b"scr"
                | b"sh"
                | b"shr"
                | b"sk"
                | b"sl"
                | b"sm"
                | b"sn"
                | b"sp"
                | b"spl"
                | b"spr"
                | b"squ"
                | b"st"
                | b"str"
                | b"sw"
                | b"th"
                | b"thr"
                | b"tr"
                | b"tw"
                | b"wh"
                | b"wr"
        ),
    }
}

/// Two consonants that end English syllables ("and", "ask", "its").
fn is_coda(c: &[u8]) -> bool {
    const PAIRS: &[&[u8]] = &[
        b"ct", b"ft", b"pt", b"xt", b"ck", b"ch", b"sh", b"th", b"gh", b"ht", b"ps", b"ts", b"ks",
        b"cs", b"ds", b"gs", b"bs", b"ms", b"ws", b"mp", b"lm", b"hl", b"hm", b"hn", b"dt", b"tz",
    ];
    (matches!(c[0], b'l' | b'r' | b'n' | b's' | b'w') && c[1] != c[0])
        || c[0] == c[1]
        || PAIRS.contains(&c)
}

/// The consonants after a word's last vowel, when a word can end so:
/// "nd", "rst", "ghts", "cts" but not "pd" ("NYPD") or "ml" ("YAML").
fn is_final_cluster(c: &[u8]) -> bool {
    const TRIPLES: &[&[u8]] = &[
        b"ght", b"tch", b"nch", b"rch", b"lch", b"dth", b"nth", b"rth", b"ngs", b"nks", b"rst",
        b"nds", b"nts", b"rts", b"lds", b"rds",
    ];
    match c {
        [] | [_] => true,
        [a, b] => is_coda(&[*a, *b]),
        [a, b, d] => {
            (is_coda(&[*a, *b]) && (is_coda(&[*b, *d]) || *d == b's')) || TRIPLES.contains(&c)
        }
        [first @ .., b's'] if first.len() == 3 => TRIPLES.contains(&first),
        _ => false,
    }
}

/// Letter names: one syllable each, "double-u" three.
fn letters(w: &[u8]) -> usize {
    w.iter().map(|&b| if b == b'w' { 3 } else { 1 }).sum()
}

/// Syllables of one lowercase word: the table (also for simple inflections
/// of its words), else a compound head plus the rest, else the heuristic.
fn word<L: Lexicon + ?Sized>(lex: &L, w: &[u8]) -> usize {
    if let Some(n) = lookup(lex, w) {
        return n;
    }
    if let Some(n) = inflected(lex, w) {
        return n;
    }
    for (head, n) in &HAND.compound_heads {
        if w.has_prefix(head)
            && let rest = &w[head.len()..]
            && rest.len() >= 2
            && rest
                .iter()
                .any(|&b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'E'))
        {
            return usize::from(*n) + word(lex, rest);
        }
    }
    heuristic(w).max(1)
}

/// "ideas", "created", "creating", "creative", "businesses", "quietly"
/// from their base in the table.
fn inflected<L: Lexicon + ?Sized>(lex: &L, w: &[u8]) -> Option<usize> {
    let lookup = |s: &[u8]| lookup(lex, s);
    let n = w.len();
    let stem = |k: usize| &w[..n - k];
    let ends_sibilant = |s: &[u8]| {
        s.has_suffix(b"s")
            || s.has_suffix(b"x")
            || s.has_suffix(b"z")
            || s.has_suffix(b"ch")
            || s.has_suffix(b"sh")
    };
    if n > 3 && w.has_suffix(b"s") {
        if let Some(c) = lookup(stem(1)) {
            return Some(c);
        }
        if w.has_suffix(b"es")
            && ends_sibilant(stem(2))
            && let Some(c) = lookup(stem(2))
        {
            return Some(c + 1);
        }
    }
    if n > 3 && w.has_suffix(b"d") {
        // "created": the base "create" ends in e.
        if let Some(c) = lookup(stem(1)) {
            let s = stem(1);
            return Some(c + usize::from(s.has_suffix(b"te") || s.has_suffix(b"de")));
        }
        if w.has_suffix(b"ed")
            && let Some(c) = lookup(stem(2))
        {
            let s = stem(2);
            return Some(c + usize::from(s.has_suffix(b"t") || s.has_suffix(b"d")));
        }
    }
    // Suffixes of one syllable: "reacting", "creating" (from "create"),
    // "creative", "creation", "creator".
    for suffix in [&b"ing"[..], b"ive", b"ion", b"or"] {
        if n <= suffix.len() + 1 || !w.ends_with(suffix) {
            continue;
        }
        let s = stem(suffix.len());
        if let Some(c) = lookup(s) {
            return Some(c + 1);
        }
        let mut buf = [0u8; PART_MAX];
        if s.len() < PART_MAX {
            buf[..s.len()].copy_from_slice(s);
            buf[s.len()] = b'e';
            if let Some(c) = lookup(&buf[..=s.len()]) {
                return Some(c + 1);
            }
        }
    }
    if n > 3
        && w.has_suffix(b"ly")
        && let Some(c) = lookup(stem(2))
    {
        return Some(c + 1);
    }
    None
}

// ---------------------------------------------------------------------------
// Numbers read aloud
// ---------------------------------------------------------------------------

/// Syllables of a number as read aloud in English: "2025" "twenty
/// twenty-five" (5; years 1100-2099 so, other numbers as cardinals:
/// "2,500" "two thousand five hundred"), "3.14" "three point one four",
/// "1,000" "one thousand", "11th" "eleventh", "1990s" "nineteen nineties",
/// "50%" "fifty percent", "$3.50" "three dollars fifty", "$80M" "eighty
/// million dollars", "v1.2" "vee one point two", "2020-2025" "... to
/// ...", "5G" "five gee", "10x" "ten x". At least 1.
pub fn number_syllables(token: &str) -> usize {
    number_in(token, pronounce::table())
}

fn number_in<L: Lexicon + ?Sized>(token: &str, lex: &L) -> usize {
    let mut rest = token;
    let mut money = 0;
    while let Some(c) = rest.chars().next()
        && let Some(n) = currency(c)
    {
        money = n;
        rest = &rest[c.len_utf8()..];
    }
    let mut total = 0;
    let version = rest.len() > 1
        && matches!(rest.as_bytes()[0], b'v' | b'V')
        && rest.as_bytes()[1].is_ascii_digit();
    if version {
        total += 1; // "vee"
        rest = &rest[1..];
    }
    let end = numeral_end(rest.as_bytes(), 0);
    if end == 0 {
        // Not an ASCII number: other digits one syllable a group, letters
        // as a word.
        return (total + count(rest, lex) + money).max(1);
    }
    let numeral = Numeral::read(&rest[..end], version || money > 0);
    rest = &rest[end..];
    // Cents: "$3.50" is "three dollars fifty", "$0.99" "ninety-nine cents".
    match numeral.cents {
        Some(cents) if money > 0 => {
            total += if numeral.whole_is_zero {
                cents + 1
            } else {
                numeral.whole + money + cents
            };
            money = 0;
        }
        _ => total += numeral.syllables,
    }
    total + suffix(rest, &numeral, &mut money, lex) + money
}

/// Syllables of what follows a number in the same token.
fn suffix<L: Lexicon + ?Sized>(rest: &str, numeral: &Numeral, money: &mut usize, lex: &L) -> usize {
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (word, mut after) = rest.split_at(letters);
    let mut buf = [0u8; 8];
    let lower = (word.len() <= buf.len()).then(|| {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        &buf[..word.len()]
    });
    let mut total = match lower {
        None => count(word, lex),
        Some(b"") => 0,
        Some(b"st" | b"nd" | b"rd" | b"th") if numeral.integer => {
            // "second", "twentieth": one more than "two", "twenty".
            usize::from(matches!(numeral.last, Last::Two | Last::Tens))
        }
        Some(b"s") => usize::from(numeral.last == Last::Six), // "sixes"
        // thousand, million, billion, trillion
        Some(b"k" | b"m" | b"mn" | b"b" | b"bn" | b"tn") => 2,
        Some(b"t") if *money > 0 => 2,
        Some(b"x") => 1, // "times"
        Some(w) => unit(w).unwrap_or_else(|| count(word, lex)),
    };
    if let Some(a) = after.strip_prefix(['%', '\u{ff05}']) {
        total += 2;
        after = a;
    } else if let Some(a) = after.strip_prefix('\u{2030}') {
        total += 3;
        after = a;
    }
    if let Some(c) = after.chars().next()
        && let Some(n) = currency(c)
    {
        *money = n; // "80$"
        after = &after[c.len_utf8()..];
    }
    if let Some(a) = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("\u{2019}s"))
    {
        total += usize::from(numeral.last == Last::Six); // "the 1990's"
        after = a;
    }
    if let Some(a) = after.strip_prefix(['-', '\u{2013}', '/'])
        && a.starts_with(|c: char| c.is_ascii_digit() || currency(c).is_some())
    {
        // "2020-2025": "to"; the other end carries its own currency.
        let other = number_in(a, lex);
        return total + 1 + other;
    }
    total + count(after, lex)
}

/// Units read after a number, by the word they stand for.
fn unit(w: &[u8]) -> Option<usize> {
    Some(match w {
        b"px" => 2, // pixels
        b"pt" | b"h" | b"hr" | b"hrs" | b"hz" | b"ft" | b"lb" | b"lbs" | b"g" => 1,
        b"min" | b"mins" | b"oz" | b"am" | b"pm" => 2,
        b"kb" | b"mb" | b"gb" | b"tb" | b"kg" | b"mg" | b"mph" | b"kph" | b"fps" | b"khz"
        | b"mhz" | b"ghz" | b"yo" => 3,
        b"ms" | b"km" | b"cm" | b"mm" => 4,
        _ => return None,
    })
}

/// Currency signs, read after the amount: syllables of "dollars",
/// "euros", "pounds", "yen", "rupees".
fn currency(c: char) -> Option<usize> {
    match c {
        '$' | '€' | '₹' => Some(2),
        '£' | '¥' => Some(1),
        _ => None,
    }
}

/// Where the number starting at `i` ends: digits, with commas between
/// groups of three and points between digits.
fn numeral_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() {
        let digit = b[j].is_ascii_digit();
        let separator =
            matches!(b[j], b',' | b'.') && j > i && b.get(j + 1).is_some_and(u8::is_ascii_digit);
        if !digit && !separator {
            break;
        }
        j += 1;
    }
    j
}

/// The last word a number is read with, for ordinals and plurals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Two,
    Six,
    /// "twenty" ... "ninety".
    Tens,
    Other,
}

/// A number read aloud.
struct Numeral {
    syllables: usize,
    /// Syllables of the part before the point.
    whole: usize,
    last: Last,
    /// No decimal point: may take "th", "st".
    integer: bool,
    /// Two digits after the only point, as cents: their syllables.
    cents: Option<usize>,
    whole_is_zero: bool,
}

impl Numeral {
    /// `s` is digits with commas and points (`numeral_end`). With `plain`
    /// (a version, an amount) four digits are not read as a year, and
    /// the parts after several points as numbers ("1.10.2" "one point ten
    /// point two").
    fn read(s: &str, plain: bool) -> Numeral {
        let (whole, fractions) = s.split_at(s.find('.').unwrap_or(s.len()));
        let mut digits = [0u8; 64];
        let mut n = 0;
        let mut syllables = 0;
        let mut grouped = true;
        // Commas between groups of three are thousands separators; any
        // other comma separates two numbers ("1,2").
        for (k, group) in whole.split(',').enumerate() {
            if k > 0 && group.len() != 3 {
                grouped = false;
            }
        }
        if grouped {
            for b in whole.bytes().filter(u8::is_ascii_digit) {
                if n < digits.len() {
                    digits[n] = b;
                    n += 1;
                }
            }
        }
        let (mut last, mut whole_is_zero) = (Last::Other, false);
        if grouped {
            let d = &digits[..n];
            let year = !plain && !whole.contains(',') && s.len() == 4 && is_year(d);
            let (syl, l) = if year { year_reading(d) } else { cardinal(d) };
            syllables += syl;
            last = l;
            whole_is_zero = d.iter().all(|&b| b == b'0');
        } else {
            for group in whole.split(',') {
                let (syl, l) = cardinal(group.as_bytes());
                syllables += syl;
                last = l;
            }
        }
        let whole_syllables = syllables;
        let integer = fractions.is_empty();
        let mut cents = None;
        let fraction = fractions.get(1..).unwrap_or("");
        match fractions.matches('.').count() {
            0 => {}
            1 if !plain || fraction.len() == 2 => {
                // "three point one four"; an amount's cents.
                if plain && fraction.len() == 2 {
                    let (c, _) = cardinal(fraction.trim_start_matches('0').as_bytes());
                    cents = Some(c);
                }
                syllables += 1;
                for d in fraction.bytes() {
                    syllables += UNITS[usize::from(d - b'0')];
                }
                last = Last::Other;
            }
            _ => {
                for part in fraction.split('.') {
                    let (syl, l) = cardinal(part.as_bytes());
                    syllables += 1 + syl;
                    last = l;
                }
            }
        }
        Numeral {
            syllables,
            whole: whole_syllables,
            last,
            integer,
            cents,
            whole_is_zero,
        }
    }
}

/// Syllables of "zero" ... "nine", "ten" ... "nineteen", and the tens.
const UNITS: [usize; 10] = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1];
const TEENS: [usize; 10] = [1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
const TENS: [usize; 10] = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2];

fn is_year(d: &[u8]) -> bool {
    d.len() == 4
        && matches!(
            &d[..2],
            b"11" | b"12" | b"13" | b"14" | b"15" | b"16" | b"17" | b"18" | b"19" | b"20"
        )
}

/// A year: "nineteen ninety" (4), "nineteen oh five", "nineteen hundred",
/// "two thousand", "two thousand five", "twenty twenty-five".
fn year_reading(d: &[u8]) -> (usize, Last) {
    let hi = usize::from(d[0] - b'0') * 10 + usize::from(d[1] - b'0');
    let lo = usize::from(d[2] - b'0') * 10 + usize::from(d[3] - b'0');
    if hi == 20 && lo < 10 {
        return if lo == 0 {
            (3, Last::Other)
        } else {
            (3 + UNITS[lo], last_unit(lo))
        };
    }
    let (h, _) = below_hundred(hi);
    match lo {
        0 => (h + 2, Last::Other),                   // "hundred"
        1..=9 => (h + 1 + UNITS[lo], last_unit(lo)), // "oh five"
        _ => {
            let (l, last) = below_hundred(lo);
            (h + l, last)
        }
    }
}

fn last_unit(u: usize) -> Last {
    match u {
        2 => Last::Two,
        6 => Last::Six,
        _ => Last::Other,
    }
}

fn below_hundred(v: usize) -> (usize, Last) {
    match v {
        0..=9 => (UNITS[v], last_unit(v)),
        10..=19 => (TEENS[v - 10], Last::Other),
        _ if v.is_multiple_of(10) => (TENS[v / 10], Last::Tens),
        _ => (TENS[v / 10] + UNITS[v % 10], last_unit(v % 10)),
    }
}

/// A whole number as a cardinal: "two thousand five hundred one" (no
/// "and"). A leading zero or more than fifteen digits: digit by digit.
fn cardinal(d: &[u8]) -> (usize, Last) {
    let digit = |b: u8| usize::from(b - b'0');
    if d.is_empty() {
        return (0, Last::Other);
    }
    if (d.len() > 1 && d[0] == b'0') || d.len() > 15 {
        let syl = d.iter().map(|&b| UNITS[digit(b)]).sum();
        return (syl, last_unit(digit(d[d.len() - 1])));
    }
    if d.iter().all(|&b| b == b'0') {
        return (UNITS[0], Last::Other);
    }
    let (mut syl, mut last) = (0, Last::Other);
    let groups = d.len().div_ceil(3);
    let mut start = 0;
    for g in 0..groups {
        let end = d.len() - (groups - 1 - g) * 3;
        let v = d[start..end].iter().fold(0, |v, &b| v * 10 + digit(b));
        start = end;
        if v == 0 {
            continue;
        }
        let (h, r) = (v / 100, v % 100);
        last = Last::Other;
        if h > 0 {
            syl += UNITS[h] + 2; // "hundred"
        }
        if r > 0 {
            let (s, l) = below_hundred(r);
            syl += s;
            last = l;
        }
        if g + 1 < groups {
            syl += 2; // "thousand", "million", "billion", "trillion"
            last = Last::Other;
        }
    }
    (syl, last)
}

// ---------------------------------------------------------------------------
// The spelling heuristic
// ---------------------------------------------------------------------------

/// `starts_with` and `ends_with` for short byte strings, compared in
/// place: the heuristic asks dozens of them a word, and the slice methods
/// call `memcmp` for each.
trait Affix {
    fn has_prefix(&self, p: &[u8]) -> bool;
    fn has_suffix(&self, s: &[u8]) -> bool;
}

impl Affix for [u8] {
    #[inline]
    fn has_prefix(&self, p: &[u8]) -> bool {
        self.len() >= p.len() && p.iter().zip(self).all(|(a, b)| a == b)
    }

    #[inline]
    fn has_suffix(&self, s: &[u8]) -> bool {
        self.len() >= s.len() && s.iter().rev().zip(self.iter().rev()).all(|(a, b)| a == b)
    }
}

fn is_aeiou(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'E')
}

/// Vowel groups of a lowercase ASCII word, corrected for English spelling:
/// silent final e (but "-le", "-re" after a consonant are read), silent
/// "-es" and "-ed" (but "hundred", "handled"), the silent e of a stem
/// before a suffix or a second word ("lovely", "hopefully", "safety",
/// "gateway"), y as a vowel ("gym", "flyer"), u after q as a consonant,
/// vowel pairs read as two syllables ("media", "radio", "video", "actual",
/// "diet", "client", "being", "ruin", "area", "korean", "museum"), "-ire"
/// and "our" read as two ("fire", "hour"), a verb's "-le" before "-ing"
/// ("struggling"), prefixes ("react", "coexist", "McDonald"), "-ism",
/// "-thm". A word without a vowel is read letter by letter ("npm") unless
/// it hums ("hmm"); three letters that no word starts or ends with are an
/// initialism ("nba", "usb").
///
/// Measured on frequent dictionary words held out while the rules were
/// written (`scripts/readability/syllable_agreement.py`): 96.5% exact.
pub(crate) fn heuristic(w: &[u8]) -> usize {
    let n = w.len();
    if n == 0 {
        return 0;
    }
    let vowel_letter = |b: &u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'E');
    if !w.iter().any(vowel_letter) {
        // No vowel: "hmm", "brr", "zzz" are one; "npm", "css" are read
        // letter by letter.
        let hum = [&b"mm"[..], b"rr", b"hh", b"zz"]
            .iter()
            .any(|e| w.has_suffix(e));
        return if hum || w.contains(&FOREIGN) {
            1
        } else {
            letters(w)
        };
    }
    // Three letters that cannot start a word are an initialism ("nba").
    let onset = w.iter().take_while(|b| !vowel_letter(b)).count();
    if n == 3 && onset == 2 && !is_onset(&w[..2]) && !w.has_prefix(b"mc") {
        return letters(w);
    }
    // "usb", "abc", "atm": a vowel, then two consonants no word ends with.
    if n == 3 && onset == 0 && !vowel_letter(&w[1]) && !vowel_letter(&w[2]) && !is_coda(&w[1..]) {
        return letters(w);
    }
    let mut v = [false; PART_MAX];
    // A vowel that starts a syllable of its own after another vowel.
    let mut split = [false; PART_MAX];
    for i in 0..n {
        v[i] = match w[i] {
            b'a' | b'e' | b'i' | b'o' | b'E' => true,
            b'u' => !(i > 0 && w[i - 1] == b'q'),
            // A vowel unless it starts the word or a syllable ("yes",
            // "beyond", "canyon", "lawyer", "bye"), but "crying",
            // "studying"; before a vowel after a consonant, a syllable of
            // its own ("flyer", "cyan", "embryo").
            b'y' => {
                let rest = &w[i + 1..];
                let before_vowel = rest.first().is_some_and(|&b| is_aeiou(b));
                let ying = rest == b"ing";
                let final_e =
                    rest.first() == Some(&b'e') && matches!(&rest[1..], b"" | b"d" | b"s");
                let syllable = before_vowel
                    && i > 0
                    && !is_aeiou(w[i - 1])
                    && !matches!(w[i - 1], b'n' | b'y' | b'w')
                    && !final_e
                    && !rest.has_prefix(b"ou")
                    && !rest.has_prefix(b"ar");
                if syllable && !ying {
                    split[i + 1] = true;
                }
                i > 0 && (!before_vowel || ying || syllable)
            }
            _ => false,
        };
    }
    let v = &v[..n];
    let mut c = (0..n)
        .filter(|&i| v[i] && (i == 0 || !v[i - 1] || split[i]))
        .count();
    let ends = |s: &[u8]| w.has_suffix(s);

    // Silent endings; each needs the e to be a vowel group of its own.
    if n >= 3 && ends(b"e") && !v[n - 2] && c > 1 {
        let l_or_r = matches!(w[n - 2], b'l' | b'r');
        let read = l_or_r && !v[n - 3] && w[n - 3] != w[n - 2]; // table, centre
        if !read {
            c -= 1;
        }
    } else if n >= 4 && ends(b"gue") && (v[n - 4] || w[n - 4] == b'n') && c > 1 {
        c -= 1; // league, tongue (but argue)
    } else if n >= 5 && (ends(b"gues") || ends(b"gued")) && (v[n - 5] || w[n - 5] == b'n') && c > 1
    {
        c -= 1; // leagues, plagued
    } else if n >= 4 && ends(b"es") && !v[n - 3] && c > 1 {
        let p = w[n - 3];
        let read = matches!(p, b's' | b'x' | b'z' | b'c' | b'g')
            || (p == b'h' && matches!(w[n - 4], b'c' | b's'))
            || (matches!(p, b'l' | b'r') && !v[n - 4] && w[n - 4] != p);
        if !read {
            c -= 1; // makes, types
        }
    } else if n >= 4 && ends(b"ed") && !v[n - 3] && c > 1 {
        let p = w[n - 3];
        let read = matches!(p, b't' | b'd')
            || (p == b'l'
                && !v[n - 4]
                && w[n - 4] != b'l'
                && !matches!(w[n - 4], b'w' | b'r'))
            // hundred, hatred, sacred (not bred, shred)
            || (p == b'r' && n >= 6 && !v[n - 4] && w[n - 4] != b'r');
        if !read {
            c -= 1; // jumped, played (but wanted, handled)
        }
    }
    // Silent e of a stem before a suffix: lovely, careful, movement,
    // hopefully.
    let suffixes: &[(&[u8], usize)] = &[
        (b"elessness", 2),
        (b"efulness", 2),
        (b"elessly", 2),
        (b"efully", 2),
        (b"ements", 3),
        (b"ement", 3),
        (b"eless", 2),
        (b"eness", 2),
        (b"eful", 2),
        (b"ely", 2),
    ];
    let mut silent_e = None;
    for &(suffix, min) in suffixes {
        if ends(suffix) && n > suffix.len() + 1 {
            let e = n - suffix.len();
            let lement = suffix.has_prefix(b"em") && w[e - 1] == b'l';
            if !v[e - 1] && v[e] && c >= min && !lement {
                c -= 1;
                silent_e = Some(e);
            }
            break;
        }
    }
    // aisle, isle: the s is silent and "-le" is not read.
    if (ends(b"isle") || ends(b"isles")) && c > 1 {
        c -= 1;
    }
    // safety, ninety: a stem's silent e before "-ty".
    if n >= 5 && ends(b"ety") && !v[n - 4] && v[n - 5] && (n < 6 || !v[n - 6]) && c > 2 {
        c -= 1;
    }
    // gateway, comeback, forehead, firefighter: the silent e of a first
    // word before the second.
    for j in 2..n.saturating_sub(2) {
        let single_vowel = v[j - 2] && (j < 3 || !v[j - 3]) && w[j - 2] != b'e';
        let next = w[j + 1];
        let second = w[j + 2];
        let starts_word = match next {
            b'b' | b'h' => true,
            b'f' => second != b'f',
            b'w' => is_aeiou(second),
            b'm' => matches!(&w[j + 1..], b"man" | b"men"),
            _ => false,
        } && w[j + 2..].iter().any(|&b| is_aeiou(b) || b == b'y');
        if w[j] == b'e'
            && silent_e != Some(j)
            && !v[j - 1]
            && w[j - 1] != b'x'
            && single_vowel
            && starts_word
            && c > 1
        {
            c -= 1;
        }
    }

    // "-ically" is "-ic-ly": basically, typically.
    if ends(b"ically") && c > 2 {
        c -= 1;
    }

    // Vowel pairs read as two syllables.
    for i in 0..n - 1 {
        let prev = if i > 0 { Some(w[i - 1]) } else { None };
        let prev_cons = i > 0 && !v[i - 1];
        let rest = &w[i + 2..];
        let after_ll = i >= 2 && w[i - 1] == b'l' && w[i - 2] == b'l';
        let add = match (w[i], w[i + 1]) {
            // media, trial (not special, asia, marriage, brilliant,
            // italian, familiar); associate, negotiate
            (b'i', b'a') => {
                (prev_cons
                    && !matches!(prev, Some(b'c' | b't' | b's' | b'g'))
                    && !rest.has_prefix(b"ge")
                    && !after_ll
                    && !(prev == Some(b'l')
                        && i >= 2
                        && v[i - 2]
                        && matches!(rest, b"" | b"n" | b"ns" | b"r" | b"rs")))
                    || (matches!(prev, Some(b'c' | b't'))
                        && rest.has_prefix(b"t")
                        && !rest.has_prefix(b"tiv"))
                    || (matches!(prev, Some(b'c' | b't')) && rest.has_prefix(b"r"))
                    || (i == 1 && prev == Some(b'g'))
            }
            // radio, period (not nation, vision, fashion, union, million)
            (b'i', b'o') => {
                (prev_cons
                    && !matches!(prev, Some(b't' | b's' | b'c' | b'x' | b'g' | b'h' | b'n'))
                    && !after_ll
                    && !(prev == Some(b'v')
                        && (rest == b"r" || rest.has_prefix(b"ur") || rest.has_prefix(b"rs"))))
                    || (prev_cons
                        && prev != Some(b'g')
                        && !after_ll
                        && (matches!(rest, b"" | b"s") || rest.has_prefix(b"l")))
            }
            // archaeology
            (b'e', b'o') if prev == Some(b'a') => true,
            // video, theology (not gorgeous, pigeon, people, theory)
            (b'e', b'o') => {
                prev_cons
                    && !matches!(prev, Some(b'g' | b'c'))
                    && !((rest.has_prefix(b"p") && !w.has_prefix(b"reo"))
                        || (w[..i].has_suffix(b"th")
                            && rest.has_prefix(b"r")
                            && !rest.has_prefix(b"ret")))
            }
            // poem, poet, noel
            (b'o', b'e') => {
                prev_cons && (rest.has_prefix(b"t") || rest.has_prefix(b"m") || rest == b"l")
            }
            // actual, continuous (not quality, guard)
            (b'u', b'a' | b'o') => v[i] && i > 0 && (!matches!(prev, Some(b'g')) || rest == b"us"),
            // fuel, cruel, fluent, influence
            (b'u', b'e') => {
                v[i] && i > 0
                    && !matches!(prev, Some(b'g'))
                    && (rest.first() == Some(&b'l')
                        || rest.has_prefix(b"nc")
                        || rest.has_prefix(b"nt"))
            }
            // ruin, genuine, fluid, suicide, tuition (not build, fruit);
            // continuity, ambiguity
            (b'u', b'i') if i > 0 && v[i] && rest.has_prefix(b"ty") && prev_cons => true,
            (b'u', b'i') => {
                v[i] && i > 0
                    && !matches!(prev, Some(b'g'))
                    && ((rest.first() == Some(&b'n')
                        && rest.get(1).is_none_or(|&b| is_aeiou(b) || b == b's'))
                        || rest == b"d"
                        || rest == b"ds"
                        || rest.has_prefix(b"ci")
                        || rest.has_prefix(b"tio")
                        || rest.has_prefix(b"tiv"))
            }
            // chaotic, cacao
            (b'a', b'o') => prev_cons,
            // archaic, mosaic; deity
            (b'a', b'i') => prev_cons && matches!(rest, b"c" | b"cs"),
            (b'e', b'i') => prev_cons && rest.has_prefix(b"ty"),
            // museum, petroleum
            (b'e', b'u') => prev_cons && matches!(rest, b"m" | b"ms"),
            // medium, premium
            (b'i', b'u') => i > 0,
            (b'i', b'e') => {
                // diet, quiet, society
                (i > 0 && rest.first() == Some(&b't'))
                // client, audience, alien (not ancient, patient, friend)
                || (prev_cons
                    && !matches!(prev, Some(b'c' | b't' | b's' | b'n'))
                    && (rest.has_prefix(b"nt")
                        || rest.has_prefix(b"nc")
                        || rest == b"n"
                        || rest == b"ns"))
                // earlier, happiest (not pier)
                || (prev_cons
                    && matches!(rest, b"r" | b"rs" | b"st")
                    && v[..i - 1].iter().any(|&x| x))
                // science, scientist (not conscience)
                || (prev == Some(b'c') && i >= 2 && w[i - 2] == b's'
                    && (i == 2 || v[i - 3]))
            }
            // area, idea, korea
            (b'e', b'a')
                if matches!(rest, b"" | b"s")
                    && prev_cons
                    && i >= 2
                    && v[i - 2]
                    && w[i - 2] != b'e' =>
            {
                true
            }
            // korean, european (not ocean, clean)
            (b'e', b'a') => {
                matches!(rest, b"n" | b"ns")
                    && prev_cons
                    && !matches!(prev, Some(b'c' | b'g' | b'h'))
                    && v[..i - 1].iter().any(|&x| x)
            }
            _ => false,
        };
        c += usize::from(add);
    }
    // fire, tired, desire, entire, tyre; hour, our, flour, sour.
    for i in 1..n.saturating_sub(1) {
        let tail = &w[i + 2..];
        if matches!(w[i], b'i' | b'y')
            && w[i + 1] == b'r'
            && !v[i - 1]
            && !w[..i].has_suffix(b"sh")
            && matches!(tail, b"e" | b"es" | b"ed" | b"ement" | b"ements")
        {
            c += 1;
        }
    }
    for stem_end in [
        n,
        n.saturating_sub(1),
        n.saturating_sub(2),
        n.saturating_sub(6),
    ] {
        let s = &w[..stem_end];
        if s.has_suffix(b"our") && matches!(&w[stem_end..], b"" | b"s" | b"ly" | b"selves") {
            // One syllable before "-s", "-ly", "-selves": hour, our,
            // flour, sour (not four, your, colour).
            let k = stem_end - 3;
            if !w[..k].iter().any(vowel_letter)
                && (k == 0 || matches!(w[k - 1], b'h' | b'l' | b's'))
            {
                c += 1;
            }
            break;
        }
    }

    // being, going, playing: "-ing" after a vowel.
    let core = if ends(b"ings") { n - 1 } else { n };
    if core >= 4 && w[..core].has_suffix(b"ing") && v[core - 4] {
        c += 1;
    }
    // struggling, cycling, gambling: the "-le" of the verb is read.
    if core >= 6 && w[..core].has_suffix(b"ling") {
        let k = core - 4;
        let (a, b) = (w[k - 2], w[k - 1]);
        let doubled = a == b && matches!(b, b'b' | b'd' | b'g' | b'p' | b't' | b'z');
        if !v[k - 1]
            && (doubled
                || (matches!(b, b'b' | b'c' | b'g' | b'z') && a != b'c' && !v[k - 2])
                || (b == b'c' && v[k - 2]))
        {
            c += 1;
        }
    }
    // reuse, reinvent, reactivate, deactivate, cooperate, coexist,
    // coincide, preexisting, geography, realize, create, theater.
    let prefixed = [
        &b"reu"[..],
        b"react",
        b"deact",
        b"coop",
        b"coor",
        b"coex",
        b"coinc",
        b"preex",
        b"geog",
        b"geol",
        b"geom",
    ]
    .iter()
    .any(|p| w.has_prefix(p) && n > p.len() + 1)
        || (w.has_prefix(b"rein") && !w.has_prefix(b"reign") && n > 5)
        || ([
            &b"reass"[..],
            b"reapp",
            b"reaff",
            b"reacq",
            b"readj",
            b"reatt",
            b"reaw",
            b"rearr",
            b"theat",
        ]
        .iter()
        .any(|p| w.has_prefix(p) && n > p.len())
            || (w.has_prefix(b"reali") && !w.has_prefix(b"really"))
            || (w.has_prefix(b"creat") && !w.has_prefix(b"creatu"))
            || (w.has_prefix(b"recreat")))
        || ([&b"reit"[..], b"reimb", b"reimag", b"reelec", b"proac"]
            .iter()
            .any(|p| w.has_prefix(p) && n > p.len()));
    c += usize::from(prefixed);
    // McDonald, McCain.
    if n > 3 && w.has_prefix(b"mc") && !vowel_letter(&w[2]) {
        c += 1;
    }
    // tourism, prism, enthusiasm; rhythm, algorithm; judaism, atheist.
    let sm = if ends(b"sms") { n - 1 } else { n };
    if sm >= 3 && w[..sm].has_suffix(b"sm") && v[sm - 3] {
        c += 1;
    }
    let st = if ends(b"ists") { n - 1 } else { n };
    let ism = sm >= 4 && w[..sm].has_suffix(b"ism") && v[sm - 4];
    let eist = st >= 5 && w[..st].has_suffix(b"eist") && w[..st - 4].iter().any(vowel_letter);
    c += usize::from(ism || eist);

    if ends(b"thm") || ends(b"thms") {
        c += 1;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words with their syllable count in the CMU Pronouncing Dictionary
    /// (its first pronunciation: "every" is 3), as "word count" pairs;
    /// "retweet", "livestream", "emoji", "influencer" are not in it and
    /// were counted by hand.
    ///
    /// DESIGN: the words the heuristic was built against.
    const DESIGN: &str = "
    the 1  cat 1  make 1  makes 1  whale 1  table 2  little 2  simple 2  jumped 1
    wanted 2  needed 2  played 1  launched 1  excited 3  running 2  being 2  going 2
    happy 2  day 1  beyond 2  water 2  computer 3  beautiful 3  education 4  university 5
    information 4  communication 5  development 4  important 3  management 3  social 2
    media 3  video 3  radio 3  audience 3  experience 4  strategy 3  engagement 3
    customer 3  announce 2  community 4  opportunity 5  available 4  everyone 3  actual 3
    period 3  various 3  serious 3  previous 3  delicious 3  ocean 2  patient 2  client 2
    diet 2  quiet 2  society 4  studying 3  crying 2  medium 3  rhythm 2  algorithm 4
    tourism 3  lovely 2  statement 2  careful 2  useless 2  tables 2  boxes 2  places 2
    homes 1  league 1  unique 2  question 2  minute 2  yesterday 3  tomorrow 3  together 3
    didn't 2  don't 1  well-known 2  recipe 3  colonel 2  wednesday 2  vegetable 3  area 3
    idea 3  people 2  business 2  every 3  science 2  poem 2  create 2  created 3  ideas 3
    businesses 3";

    /// HELD_OUT_1: common post vocabulary written before the compound-head
    /// rule; the heuristic as it then was scored 97/103 (94%), missing
    /// creative, awesome, everyday, anyone, somebody, goodbye.
    /// HELD_OUT_2: written afterwards and never tuned against.
    /// HARD: vowel pairs and newer words; scored 46/58 (79%) when first run,
    /// then some general rules were added ("ao", "uen", geo-, deact-).
    const HELD_OUT_1: &str = "
    announcement 3  exciting 3  feature 2  features 2  release 2  released 2  customers 3
    feedback 2  support 2  improve 2  improved 2  performance 3  faster 2  easier 3
    security 4  update 2  updated 3  download 2  today 2  tonight 2  weekend 2  speaker 2
    register 3  free 1  limited 3  offer 2  discount 2  percent 2  value 2  quality 3
    design 2  designer 3  creative 3  innovation 4  technology 4  platform 2  software 2
    developer 4  engineers 3  team 1  hiring 2  career 2  growth 1  journey 2  stories 2
    learned 1  lesson 2  mistake 2  successful 3  failure 2  amazing 3  incredible 4
    awesome 2  grateful 2  thankful 2  congratulations 5  partnership 3  leadership 3
    everyday 3  anyone 3  nothing 2  though 1  through 1  enough 2  although 2  because 2
    should 1  world 1  worldwide 2  marketing 3  campaign 2  analytics 4  insights 2
    research 2  survey 2  results 2  data 2  million 2  billion 2  quarterly 3  revenue 3
    finally 3  really 2  whatever 3  somebody 3  hello 2  welcome 2  goodbye 2  morning 2
    coffee 2  dinner 2  holiday 3  celebrate 3  celebration 4  anniversary 5  children 2
    photo 2  photos 2  picture 2  gallery 3";
    const HELD_OUT_2: &str = "
    wonderful 3  excellent 3  answer 2  answers 2  problem 2  solution 3  easy 2
    difficult 3  language 2  languages 3  powerful 3  automatic 4  automation 4  system 2
    systems 2  process 2  processes 3  service 2  services 3  product 2  products 2
    example 3  examples 3  sentence 2  paragraph 3  writing 2  written 2  reader 2
    readers 2  article 3  newsletter 3  subscribe 2  subscribers 3  followers 3  comment 2
    comments 2  share 1  shared 1  sharing 2  retweet 2  trending 2  viral 2  message 2
    messages 3  office 2  remote 2  hybrid 2  meeting 2  schedule 2  calendar 3
    deadline 2  budget 2  network 2  networking 3  position 3  salary 3  benefits 3
    culture 2  diverse 2  diversity 4  inclusive 3  volunteer 3  charity 3  donate 2
    climate 2  energy 3  universe 3  planet 2  mountain 2  river 2  garden 2  summer 2
    winter 2  autumn 2  spring 1  season 2  seasons 2  weather 2  sunshine 2  rainy 2
    neighborhood 3  hospital 3  medicine 3  doctor 2  nurses 2  healthy 2  exercise 3
    breakfast 2  kitchen 2  cooking 2  baking 2  chicken 2  potato 3  tomato 3  banana 3
    orange 2  lemon 2  sugar 2  tasty 2";
    const HARD: &str = "
    realize 3  reality 4  violin 3  piano 3  radiate 3  aerial 3  ruin 2  fluid 2  lying 2
    dying 2  flying 2  higher 2  cruel 2  duet 2  ideal 2  lion 2  agreed 2  freedom 2
    employee 3  employees 3  stereo 3  rodeo 3  neon 2  geography 4  biology 4  riot 2
    trial 2  chaotic 3  oasis 3  coincidence 4  cooperate 4  preexisting 4  reinvent 3
    reuse 2  deactivate 4  doesn't 2  couldn't 2  wouldn't 2  shouldn't 2  haven't 2
    email 2  emails 2  online 2  offline 2  website 2  homepage 2  smartphone 2
    livestream 2  podcast 2  youtube 2  facebook 2  instagram 3  hashtag 2  selfie 2
    emoji 3  meme 1  blogger 2  influencer 4";

    /// Words the counter still gets wrong, listed so a change that fixes or
    /// breaks one shows up here: none, since the dictionary's words are
    /// in the table.
    const KNOWN_MISSES: &[&str] = &[];

    fn pairs(list: &str) -> impl Iterator<Item = (&str, usize)> {
        let mut items = list.split_whitespace();
        std::iter::from_fn(move || {
            let word = items.next()?;
            let count = items.next()?.parse().expect("a syllable count");
            Some((word, count))
        })
    }

    #[test]
    fn syllables_match_the_dictionary() {
        let mut total = 0;
        let mut misses = Vec::new();
        for (name, list) in [
            ("design", DESIGN),
            ("held-out 1", HELD_OUT_1),
            ("held-out 2", HELD_OUT_2),
            ("hard", HARD),
        ] {
            let (mut n, mut wrong) = (0, Vec::new());
            for (word, expected) in pairs(list) {
                n += 1;
                let got = syllables(word);
                if got != expected {
                    wrong.push(format!("{word}: got {got}, dictionary {expected}"));
                    misses.push(word);
                }
            }
            let accuracy = 100.0 * (n - wrong.len()) as f64 / n as f64;
            println!("{name}: {accuracy:.1}% of {n} words; misses {wrong:?}");
            total += n;
        }
        let accuracy = 100.0 * (total - misses.len()) as f64 / total as f64;
        println!("all: {accuracy:.1}% of {total} words");
        assert!(accuracy >= 90.0, "accuracy {accuracy:.1}%");
        assert_eq!(misses, KNOWN_MISSES);
    }

    /// The rules without the table, on the same lists: what a word the
    /// dictionary lacks meets. A change to the heuristic shows here
    /// without regenerating the table.
    #[test]
    fn rules_alone_on_the_hand_lists() {
        let (mut n, mut wrong) = (0, Vec::new());
        for list in [DESIGN, HELD_OUT_1, HELD_OUT_2, HARD] {
            for (word, expected) in pairs(list) {
                n += 1;
                let got = count(word, &Empty);
                if got != expected {
                    wrong.push(format!("{word} {got}/{expected}"));
                }
            }
        }
        let accuracy = 100.0 * (n - wrong.len()) as f64 / n as f64;
        println!("rules alone: {accuracy:.1}% of {n}; misses {wrong:?}");
        assert!(accuracy >= 95.0, "{accuracy:.1}%: {wrong:?}");
    }

    #[test]
    fn syllables_edge_cases() {
        assert_eq!(syllables(""), 0);
        assert_eq!(syllables("'"), 0);
        assert_eq!(syllables("a"), 1);
        assert_eq!(syllables("I"), 1);
        assert_eq!(syllables("hmm"), 1);
        assert_eq!(syllables("Brr"), 1);
        assert_eq!(syllables("grrr"), 1);
        assert_eq!(syllables("THE"), 1);
        assert_eq!(syllables("café"), 2);
        assert_eq!(syllables("Café"), 2);
        assert_eq!(syllables("привет"), 1);
        assert_eq!(syllables("ПРИВЕТ"), 1);
        assert_eq!(syllables("中"), 1);
        assert_eq!(syllables("state-of-the-art"), 4);
        assert_eq!(syllables("don\u{2019}t"), 1);
        assert_eq!(syllables("isn't"), 2);
        assert_eq!(syllables("Quietly"), 3);
        assert_eq!(syllables("creating"), 3);
        // Longer than the buffer: still a sane count, no panic.
        let long = "supercalifragilisticexpialidocious".repeat(3);
        assert!(
            (30..=45).contains(&syllables(&long)),
            "{}",
            syllables(&long)
        );
        let long_caps = "BCDFG".repeat(20);
        assert!(syllables(&long_caps) >= 48, "{}", syllables(&long_caps));
        assert!(syllables(&"ABCDEFGHIJ".repeat(10)) >= 20);
        assert_eq!(syllables("-"), 0);
        assert_eq!(syllables("'s"), 1);
    }

    /// Counts written down from reading the words aloud.
    fn check(cases: &[(&str, usize)], f: fn(&str) -> usize) {
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(w, n)| f(w) != *n)
            .map(|(w, n)| format!("{w}: got {}, read aloud {n}", f(w)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn numbers_are_read_aloud() {
        check(
            &[
                ("0", 2),             // zero
                ("7", 2),             // seven
                ("12", 1),            // twelve
                ("17", 3),            // sev-en-teen
                ("21", 3),            // twen-ty-one
                ("100", 3),           // one hun-dred
                ("101", 4),           // one hun-dred one
                ("999", 6),           // nine hun-dred nine-ty-nine
                ("1,000", 3),         // one thou-sand
                ("2,500", 6),         // two thou-sand five hun-dred
                ("10,000", 3),        // ten thou-sand
                ("1,000,000", 3),     // one mil-lion
                ("3,000,000,000", 3), // three bil-lion
                ("2025", 5),          // twen-ty twen-ty-five
                ("1990", 4),          // nine-teen nine-ty
                ("1905", 4),          // nine-teen oh five
                ("1900", 4),          // nine-teen hun-dred
                ("1100", 5),          // e-lev-en hun-dred
                ("2000", 3),          // two thou-sand
                ("2007", 5),          // two thou-sand sev-en
                ("2099", 5),          // twen-ty nine-ty-nine
                ("1990s", 4),         // nine-teen nine-ties
                ("80s", 2),           // eight-ies
                ("1990's", 4),        // nine-teen nine-ties
                ("6s", 2),            // six-es
                ("3000", 3),          // three thou-sand (not a year)
                ("1099", 6),          // one thou-sand nine-ty-nine
                ("3.14", 4),          // three point one four
                ("0.5", 4),           // ze-ro point five
                ("1.45.0", 8),        // one point for-ty-five point ze-ro
                ("v1.2", 4),          // vee one point two
                ("v2", 2),            // vee two
                ("50%", 4),           // fif-ty per-cent
                ("8%", 3),            // eight per-cent
                ("1st", 1),           // first
                ("2nd", 2),           // sec-ond
                ("3rd", 1),           // third
                ("11th", 3),          // e-lev-enth
                ("20th", 3),          // twen-ti-eth
                ("21st", 3),          // twen-ty-first
                ("100th", 3),         // one hun-dredth
                ("$5", 3),            // five dol-lars
                ("$3.50", 5),         // three dol-lars fif-ty
                ("$0.99", 4),         // nine-ty-nine cents
                ("$80M", 6),          // eigh-ty mil-lion dol-lars
                ("€2bn", 5),          // two bil-lion eu-ros
                ("£10", 2),           // ten pounds
                ("100k", 5),          // one hun-dred thou-sand
                ("10x", 2),           // ten times
                ("5G", 2),            // five gee
                ("3D", 2),            // three dee
                ("2FA", 3),           // two eff ay
                ("2020-2025", 10),    // twen-ty twen-ty to twen-ty twen-ty-five
                ("8-week", 2),        // eight week
                ("16GB", 5),          // six-teen gi-ga-bytes
                ("007", 6),           // ze-ro ze-ro sev-en
            ],
            number_syllables,
        );
    }

    #[test]
    fn capitals_are_read_letter_by_letter_unless_a_word() {
        check(
            &[
                ("FBI", 3),
                ("URL", 3),
                ("API", 3),
                ("CEO", 3),
                ("AI", 2),
                ("UI", 2),
                ("GPU", 3),
                ("AWS", 5), // ay dou-ble-u ess
                ("W", 3),
                ("WWW", 9),
                ("HTML", 4),
                ("LLM", 3),
                ("SDK", 3),
                ("JSON", 2), // jay-son (hand-written: not in CMU)
                ("YAML", 2),
                ("NYPD", 4),
                ("IEEE", 4), // I tri-ple E
                ("NASA", 2),
                ("NATO", 2),
                ("SCUBA", 2),
                ("THE", 1),
                ("FREE", 1),
                ("AMAZING", 3),
                ("ANNOUNCEMENT", 3),
                ("APIs", 3),
                ("CEOs", 3),
                ("LLMs", 3),
                ("CEO's", 3),
                ("iOS", 2), // eye-OS (the dictionary's "os" is a word)
                ("iPhone", 2),
                ("eBay", 2),
                ("GitHub", 2),
                ("YouTube", 2),
                ("JavaScript", 3),
                ("PowerPoint", 3),
                ("OpenAI", 4),
                ("ChatGPT", 4),
                ("XMLHttpRequest", 9), // ex em el, aitch tee tee pee, re-quest
                ("U.S", 2),
                ("Ph.D", 3),
                ("B2B", 3),
                ("COVID-19", 4),
                ("GPT-4", 4),
                ("H100", 4),
                ("mp3", 3),
                ("npm", 3),
            ],
            syllables,
        );
    }

    #[test]
    fn hand_tables_are_well_formed() {
        let file = english_file();
        for (word, &n) in &file.syllables.exceptions {
            assert!(
                word.bytes().all(|b| b.is_ascii_lowercase()),
                "{word:?}: lowercase letters only"
            );
            assert!(word.len() <= MAX_KEY, "{word:?} too long");
            assert!(n >= 1, "{word:?}: at least one syllable");
            assert!(
                pronounce::table()
                    .get(word)
                    .is_none_or(|e| e.syllables.is_none()),
                "{word:?} is in the dictionary's table"
            );
            assert_eq!(syllables(word), usize::from(n), "{word:?} is looked up");
        }
        for (head, &n) in &file.syllables.compound_heads {
            assert!(
                head.bytes().all(|b| b.is_ascii_lowercase()),
                "{head:?}: lowercase letters only"
            );
            assert!(n >= 1, "{head:?}: at least one syllable");
        }
        // A head applies only with a real rest: "somebody", not "somer".
        assert_eq!(syllables("somebody"), 3);
        assert_eq!(syllables("timer"), 2);
    }

    /// A lexicon without the table: what the rules alone say.
    struct Empty;

    impl Lexicon for Empty {
        fn entry(&self, _: &str) -> Option<Entry> {
            None
        }
    }

    /// The table without some words' syllables: what the rules say of
    /// words the dictionary would not have.
    struct Without<'a>(&'a std::collections::HashSet<&'a str>);

    impl Lexicon for Without<'_> {
        fn entry(&self, key: &str) -> Option<Entry> {
            let mut e = pronounce::table().get(key)?;
            if self.0.contains(key) {
                e.syllables = None;
            }
            Some(e)
        }
    }

    /// Agreement with the dictionary on frequent words, from the file in
    /// `SYLLABLES_WORDS` (word, CMU count, `dev` or `held-out`; written by
    /// `scripts/readability/syllable_agreement.py`, which runs this).
    #[test]
    #[ignore = "needs the word list; run by scripts/readability/syllable_agreement.py"]
    fn agreement_on_frequent_words() {
        let path = std::env::var("SYLLABLES_WORDS").expect("SYLLABLES_WORDS");
        let text = std::fs::read_to_string(path).unwrap();
        let rows: Vec<(&str, usize, &str)> = text
            .lines()
            .map(|l| {
                let mut f = l.split('\t');
                let w = f.next().unwrap();
                let n = f.next().unwrap().parse::<usize>().unwrap().max(1);
                (w, n, f.next().unwrap())
            })
            .collect();
        let held: std::collections::HashSet<&str> = rows
            .iter()
            .filter(|r| r.2 == "held-out")
            .map(|r| r.0)
            .collect();
        let without = Without(&held);
        let score = |name: &str, set: &[&(&str, usize, &str)], f: &dyn Fn(&str) -> usize| {
            let wrong: Vec<String> = set
                .iter()
                .filter(|r| f(r.0) != r.1)
                .map(|r| format!("{} {}/{}", r.0, f(r.0), r.1))
                .collect();
            let n = set.len();
            let pct = 100.0 * (n - wrong.len()) as f64 / n as f64;
            println!("{name}: {pct:.2}% exact of {n} ({} wrong)", wrong.len());
            if std::env::var("SYLLABLES_SHOW").is_ok_and(|s| name.starts_with(&s)) {
                println!("  {}", wrong.join("  "));
            }
        };
        let all: Vec<_> = rows.iter().collect();
        let dev: Vec<_> = rows.iter().filter(|r| r.2 != "held-out").collect();
        let out: Vec<_> = rows.iter().filter(|r| r.2 == "held-out").collect();
        score("held-out, rules alone (no table)", &out, &|w| {
            count(w, &Empty)
        });
        score("held-out, table without the held-out words", &out, &|w| {
            count(w, &without)
        });
        score("dev, rules alone (no table)", &dev, &|w| count(w, &Empty));
        score("all, rules alone (no table)", &all, &|w| count(w, &Empty));
        score("all, syllables()", &all, &|w| syllables(w));
        // Speed, after the runs above have loaded the tables.
        let start = std::time::Instant::now();
        let total: usize = rows.iter().map(|r| syllables(r.0)).sum();
        println!(
            "syllables(): {:.0} ns a word ({total} syllables)",
            start.elapsed().as_nanos() as f64 / rows.len() as f64
        );
    }
}
