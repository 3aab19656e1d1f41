//! Suggestions for a word the dictionary does not know.
//!
//! Hunspell's own suggest (as spellbook implements it) took 23–28 ms per
//! word here, so this is a cheaper design in three steps:
//!
//! 1. The table of common misspellings (`misspellings.rs`): one confident
//!    correction, also for inflected forms of a listed typo ("recieved"
//!    through "recieve" + "d"), always first.
//! 2. A walk of the fst within two edits (Damerau–Levenshtein, adjacent
//!    transpositions count one), pruned as soon as a prefix is more than
//!    two edits away (three, keeping the first letter, for a long word
//!    with nothing nearer), plus the `.aff` file's REP rules (sound-alike
//!    replacements such as `f` -> `ph`) and splits of run-together words.
//! 3. Ranking: a weighted edit cost (cheaper for vowels, sound-alike
//!    letters, transpositions, doubled letters, left-out letters and
//!    keyboard neighbours) plus `lambda · ln(frequency rank)` from the
//!    fst's values (`Weights`).

use fst::raw::{Fst, Node, Output};
use fst::{IntoStreamer, Streamer};

use super::misspellings::{self, Entry};
use super::word::{Casing, Normal};
use super::{Dictionary, Suggestion, bits};

/// Words longer than this get no search: no English word is, and the walk
/// grows with the length. (The table is still asked.)
const MAX_SEARCH: usize = 40;
/// Room for one row of the walk's distance table.
const ROW: usize = MAX_SEARCH + 1;

/// Shortest word searched three edits deep when two find nothing: in
/// shorter words three edits reach too many unrelated words.
const FAR_MIN_LEN: usize = 7;

/// The `.aff` file, for its REP table (read in place, nothing parsed ahead).
const AFF: &str = include_str!("../../../rules/dictionaries/en_US/index.aff");

/// Suffixes a table entry may carry inflected ("recieved", "recieving").
const SUFFIXES: &[&str] = &[
    "s", "es", "ed", "d", "ing", "er", "ers", "est", "ly", "'s", "ment", "ments", "ness",
];

/// Letters that sound alike, whose confusion costs `Weights::sound`.
const SOUND_ALIKE: &[[u8; 2]] = &[
    *b"cs", *b"ck", *b"kq", *b"sz", *b"gj", *b"mn", *b"dt", *b"bp", *b"fv",
];

/// The ranking's costs. One edit costs 1; the kinds of edit people make
/// most cost less. Tuned on rows of the misspellings table with the table
/// switched off (`measure::tune_weights`), never on the test lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Weights {
    /// Weight of ln(frequency rank): a word e^(1/lambda) times more
    /// frequent is worth one more edit.
    pub lambda: f32,
    /// Substituting a key's neighbour on a QWERTY keyboard.
    pub neighbour: f32,
    /// One vowel for another.
    pub vowel: f32,
    /// Letters that sound alike (`SOUND_ALIKE`).
    pub sound: f32,
    /// Swapping two adjacent letters.
    pub transpose: f32,
    /// Doubling or undoubling a letter ("begining", "tommorrow").
    pub double: f32,
    /// Leaving a letter out (the correction has one more).
    pub omit: f32,
    /// Typing a letter too many (the correction has one fewer).
    pub extra: f32,
    /// A REP replacement of the `.aff` (sound-alike spellings).
    pub rep: f32,
    /// Splitting a run-together word ("alot" -> "a lot").
    pub split: f32,
    /// A name offered for a word written in lowercase.
    pub name: f32,
    /// Changing the first letter: writers rarely get it wrong.
    pub first: f32,
}

impl Weights {
    pub(super) const DEFAULT: Weights = Weights {
        lambda: 0.06,
        neighbour: 0.8,
        vowel: 0.7,
        sound: 0.8,
        transpose: 0.4,
        double: 0.5,
        omit: 0.5,
        extra: 0.8,
        rep: 0.7,
        split: 1.6,
        name: 0.6,
        first: 0.2,
    };
}

/// How a candidate was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// Within two edits of the input.
    Edit,
    /// By a REP rule.
    Rep,
    /// By splitting the input in two words.
    Split,
}

/// A candidate before ranking: everything its score needs, so ranking can
/// be redone under other weights without searching again.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    /// As the dictionary spells it.
    pub form: String,
    how: How,
    /// ln(frequency rank), from the fst value.
    rarity: f32,
    /// A capitalised form (a name) for lowercase input.
    name: bool,
}

impl Raw {
    fn score(&self, lower: &[u8], w: &Weights) -> f32 {
        let cost = match self.how {
            How::Edit => {
                let fold = self.form.to_ascii_lowercase();
                let first = if fold.as_bytes().first() == lower.first() {
                    0.0
                } else {
                    w.first
                };
                weighted_distance(lower, fold.as_bytes(), w) + first
            }
            How::Rep => w.rep,
            How::Split => w.split,
        };
        cost + w.lambda * self.rarity + if self.name { w.name } else { 0.0 }
    }
}

impl Dictionary {
    /// Up to `max` corrections for `word`, best first, in `word`'s casing.
    /// A word the dictionary knows gets none. About half a millisecond for
    /// a typical word (see rules/dictionaries/README.md), so callers cache
    /// per distinct word, and may ask `known_misspelling` first when only
    /// a confident correction would be used.
    pub fn suggest(&self, word: &str, max: usize) -> Vec<Suggestion> {
        self.suggest_with(word, max, true)
    }

    /// The table's one confident correction of `word`, if it has one:
    /// about a microsecond, no search. `suggest` puts the same first. None
    /// for a capitalised typo that is also a name ("Linz", not "Lines").
    pub fn known_misspelling(&self, word: &str) -> Option<Suggestion> {
        let normal = Normal::of(word)?;
        let input = normal.bytes();
        if input.is_empty() || self.accepts(input) {
            return None;
        }
        let casing = Casing::of(input);
        let (fix, confident) = self.table_fix(&input.to_ascii_lowercase(), casing)?;
        confident.then(|| Suggestion {
            word: cased(casing, fix),
            confident,
        })
    }

    /// `suggest`, optionally without the misspellings table (to measure
    /// the search alone).
    pub(super) fn suggest_with(&self, word: &str, max: usize, table: bool) -> Vec<Suggestion> {
        let Some(normal) = Normal::of(word) else {
            return Vec::new();
        };
        let input = normal.bytes();
        if max == 0 || input.is_empty() || self.accepts(input) {
            return Vec::new();
        }
        let casing = Casing::of(input);
        let lower = input.to_ascii_lowercase();
        // (form, confident), best first.
        let mut ranked: Vec<(String, bool)> = Vec::new();
        if table && let Some(fix) = self.table_fix(&lower, casing) {
            ranked.push(fix);
        }
        if let Some(fix) = self.hyphenated(input, table) {
            ranked.push(fix);
        }
        // One suggestion wanted and a confident one in hand: no search.
        if max == 1 && ranked.first().is_some_and(|(_, confident)| *confident) {
            ranked.truncate(1);
            return ranked
                .into_iter()
                .map(|(form, confident)| Suggestion {
                    word: cased(casing, form),
                    confident,
                })
                .collect();
        }
        let raws = self.candidates(&lower);
        for i in rank(&raws, &lower, &Weights::DEFAULT) {
            ranked.push((raws[i].form.clone(), false));
        }

        let mut out: Vec<Suggestion> = Vec::with_capacity(max);
        for (form, confident) in ranked {
            let word = cased(casing, form);
            if word.as_bytes() != input && !out.iter().any(|s| s.word == word) {
                out.push(Suggestion { word, confident });
                if out.len() == max {
                    break;
                }
            }
        }
        out
    }

    /// Every candidate for `lower` (an unknown word in lowercase ASCII),
    /// unranked.
    pub(super) fn candidates(&self, lower: &[u8]) -> Vec<Raw> {
        let mut found = Vec::new();
        if lower.len() <= MAX_SEARCH {
            self.near(lower, &mut found);
            self.replacements(lower, &mut found);
            self.splits(lower, &mut found);
        }
        found
    }

    /// The table's correction of `lower`, directly or through a suffix
    /// ("recieved" = "recieve" + "d" -> "received"), if this dictionary
    /// accepts it (en-GB rejects a table's "color"), and whether it is
    /// confident: not when the input is capitalised and the typo is also a
    /// name ("Linz" is the city, not "lines").
    fn table_fix(&self, lower: &[u8], casing: Casing) -> Option<(String, bool)> {
        let confident = |entry: Entry| !(entry.name && casing != Casing::Lower);
        if let Some(entry) = misspellings::lookup(lower).filter(|e| self.contains(e.fix)) {
            return Some((entry.fix.to_owned(), confident(entry)));
        }
        let lower = std::str::from_utf8(lower).ok()?;
        for suffix in SUFFIXES {
            let Some(stem) = lower.strip_suffix(suffix).filter(|s| s.len() >= 3) else {
                continue;
            };
            let vowel = suffix.starts_with(['a', 'e', 'i', 'o', 'u']);
            let with_e = format!("{stem}e");
            let bases = if vowel {
                vec![stem, &with_e]
            } else {
                vec![stem]
            };
            for base in bases {
                let Some(entry) = misspellings::lookup(base.as_bytes()) else {
                    continue;
                };
                if let Some(form) = inflections(entry.fix, suffix)
                    .into_iter()
                    .find(|f| self.contains(f))
                {
                    return Some((form, confident(entry)));
                }
            }
        }
        None
    }

    /// A hyphenated word whose whole is unknown: each unknown part
    /// corrected on its own ("well-knwon" -> "well-known").
    fn hyphenated(&self, input: &[u8], table: bool) -> Option<(String, bool)> {
        let text = std::str::from_utf8(input).ok()?;
        if !text.contains('-') {
            return None;
        }
        let mut confident = true;
        let mut parts = Vec::new();
        for part in text.split('-') {
            if part.is_empty() || self.accepts_part(part.as_bytes()) {
                parts.push(part.to_owned());
            } else {
                let best = self.suggest_with(part, 1, table).into_iter().next()?;
                confident &= best.confident;
                parts.push(best.word);
            }
        }
        Some((parts.join("-"), confident))
    }

    /// Dictionary words within two edits of `lower` (one for very short
    /// words, where two edits reach almost anything); within three for a
    /// long word with nothing nearer ("necasery" -> "necessary").
    fn near(&self, lower: &[u8], found: &mut Vec<Raw>) {
        let max = if lower.len() <= 3 { 1 } else { 2 };
        let mut hits = self.walk(lower, max, false);
        if hits.is_empty() && lower.len() >= FAR_MIN_LEN {
            // Three edits from everywhere costs several times two; writers
            // who misspell a long word this badly still get its first
            // letter right, so the far walk keeps it.
            hits = self.walk(lower, 3, true);
        }
        for (fold, value) in hits {
            self.push_forms(&fold, value, How::Edit, found);
        }
    }

    /// Keys within `max` edits of `lower`, with their values; with
    /// `anchored`, only keys with the same first byte.
    fn walk(&self, lower: &[u8], max: u8, anchored: bool) -> Vec<(Vec<u8>, u64)> {
        let mut walk = Walk::new(self.words.as_fst(), lower, max);
        walk.anchor = anchored.then(|| lower[0]);
        walk.walk(walk.fst.root(), Output::zero());
        walk.found
    }

    /// Adds every casing of `fold` that is a word.
    fn push_forms(&self, fold: &[u8], value: u64, how: How, found: &mut Vec<Raw>) {
        if value & bits::NOSUGGEST != 0 {
            return;
        }
        let Ok(text) = std::str::from_utf8(fold) else {
            return;
        };
        let rarity = rarity(value);
        let mut push = |form: String, name: bool| {
            found.push(Raw {
                form,
                how,
                rarity,
                name,
            });
        };
        if value & bits::WORD != 0 {
            push(text.to_owned(), false);
        }
        if value & bits::TITLE != 0 {
            push(Casing::Title.apply(text), true);
        }
        if value & bits::UPPER != 0 {
            push(text.to_ascii_uppercase(), true);
        }
        if value & bits::MIXED != 0 {
            let mut lo = vec![bits::INDEX];
            lo.extend_from_slice(fold);
            lo.push(bits::INDEX);
            let mut hi = lo.clone();
            if let Some(last) = hi.last_mut() {
                *last += 1;
            }
            let mut forms = self.words.range().ge(&lo).lt(&hi).into_stream();
            while let Some((key, _)) = forms.next() {
                if let Ok(form) = std::str::from_utf8(&key[lo.len()..]) {
                    push(form.to_owned(), true);
                }
            }
        }
    }

    /// The `.aff` file's REP rules: sound-alike replacements that can be
    /// more than two edits ("informashun" -> "information"); `_` is a space.
    fn replacements(&self, lower: &[u8], found: &mut Vec<Raw>) {
        let Ok(text) = std::str::from_utf8(lower) else {
            return;
        };
        for line in AFF.lines() {
            let mut fields = line.split_whitespace();
            let (Some("REP"), Some(from), Some(to), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            for (at, _) in text.match_indices(from) {
                let replaced = format!("{}{}{}", &text[..at], to, &text[at + from.len()..]);
                if replaced.contains('_') {
                    let words = replaced.replace('_', " ");
                    if words.split(' ').all(|w| self.accepts_form(w.as_bytes())) {
                        found.push(Raw {
                            form: words,
                            how: How::Rep,
                            rarity: 0.0,
                            name: false,
                        });
                    }
                } else if let Some(value) = self.words.get(replaced.as_bytes()) {
                    self.push_forms(replaced.as_bytes(), value, How::Rep, found);
                }
            }
        }
    }

    /// Two words run together ("infact" -> "in fact").
    fn splits(&self, lower: &[u8], found: &mut Vec<Raw>) {
        if lower.len() < 4 {
            return;
        }
        for at in 1..lower.len() {
            let (left, right) = lower.split_at(at);
            let word = |w: &[u8]| {
                self.words
                    .get(w)
                    .filter(|v| v & bits::WORD != 0 && (w.len() > 1 || w == b"a" || w == b"i"))
            };
            if let (Some(l), Some(r)) = (word(left), word(right)) {
                found.push(Raw {
                    form: format!(
                        "{} {}",
                        String::from_utf8_lossy(left),
                        String::from_utf8_lossy(right)
                    ),
                    how: How::Split,
                    rarity: rarity(l).max(rarity(r)),
                    name: false,
                });
            }
        }
    }
}

/// Indices of `raws`, best first, each form once.
pub(super) fn rank(raws: &[Raw], lower: &[u8], w: &Weights) -> Vec<usize> {
    let mut scored: Vec<(f32, usize)> = raws
        .iter()
        .enumerate()
        .map(|(i, r)| (r.score(lower, w), i))
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<usize> = Vec::with_capacity(scored.len());
    for (_, i) in scored {
        if !out.iter().any(|&j| raws[j].form == raws[i].form) {
            out.push(i);
        }
    }
    out
}

/// ln(frequency rank), from an fst value's rarity byte.
fn rarity(value: u64) -> f32 {
    (value >> bits::RARITY_SHIFT & 0xff) as f32 / 16.0
}

/// A correction in the casing the writer used: `Recieve` -> `Receive`,
/// `RECIEVE` -> `RECEIVE`; names keep their own (`london` -> `London`).
fn cased(casing: Casing, form: String) -> String {
    match (casing, Casing::of(form.as_bytes())) {
        (Casing::Upper, _) => form.to_ascii_uppercase(),
        (Casing::Title, Casing::Lower) => casing.apply(&form),
        _ => form,
    }
}

/// `fix` with `suffix` put back the ways English spells it.
fn inflections(fix: &str, suffix: &str) -> Vec<String> {
    let mut out = vec![format!("{fix}{suffix}")];
    let vowel = suffix.starts_with(['a', 'e', 'i', 'o', 'u']);
    if vowel && let Some(stem) = fix.strip_suffix('e') {
        out.push(format!("{stem}{suffix}"));
    }
    if let Some(stem) = fix.strip_suffix('y')
        && !suffix.starts_with('i')
    {
        let suffix = if suffix == "s" { "es" } else { suffix };
        out.push(format!("{stem}i{suffix}"));
    }
    if vowel && let Some(last) = fix.chars().last() {
        out.push(format!("{fix}{last}{suffix}"));
    }
    out
}

/// A depth-first walk of the fst that keeps one row of the edit-distance
/// table per depth and abandons a prefix once every cell exceeds `max`.
struct Walk<'a> {
    fst: &'a Fst<&'static [u8]>,
    target: &'a [u8],
    max: u8,
    /// Row `d` is the distance table after `d` bytes of `key`, capped at
    /// `max + 1` (all that matters is whether a cell is within `max`).
    rows: Vec<[u8; ROW]>,
    key: Vec<u8>,
    /// The first byte every key must have, if any.
    anchor: Option<u8>,
    found: Vec<(Vec<u8>, u64)>,
}

impl<'a> Walk<'a> {
    fn new(fst: &'a Fst<&'static [u8]>, target: &'a [u8], max: u8) -> Walk<'a> {
        let cap = max + 1;
        let mut first = [cap; ROW];
        for (j, cell) in first.iter_mut().enumerate().take(target.len() + 1) {
            *cell = (j as u8).min(cap);
        }
        Walk {
            fst,
            target,
            max,
            rows: vec![first],
            key: Vec::with_capacity(target.len() + 4),
            anchor: None,
            found: Vec::new(),
        }
    }

    fn walk(&mut self, node: Node<'a>, out: Output) {
        let fst = self.fst;
        let target = self.target;
        let n = target.len();
        let depth = self.key.len();
        let (max, cap) = (self.max, self.max + 1);
        if self.rows.len() < depth + 2 {
            self.rows.resize(depth + 2, [cap; ROW]);
        }
        // Copies on the stack, so the inner loop works on locals.
        let prev = self.rows[depth];
        let above = depth.checked_sub(1).map_or([cap; ROW], |d| self.rows[d]);
        // The key's last byte, for transpositions; none at the root.
        let last = depth.checked_sub(1).map_or(u8::MAX, |d| self.key[d]);
        // Only cells within `max` of the diagonal can be within `max`; the
        // rest stay at `cap`.
        let i = depth + 1;
        let (lo, hi) = (
            i.saturating_sub(usize::from(max)).max(1),
            (i + usize::from(max)).min(n),
        );
        for t in node.transitions() {
            let b = t.inp;
            // Only lowercase keys: mixed-case forms are reached through
            // their folds, and the index keys are not words.
            if b == bits::INDEX
                || b.is_ascii_uppercase()
                || (depth == 0 && self.anchor.is_some_and(|a| a != b))
            {
                continue;
            }
            let mut cur = [cap; ROW];
            cur[0] = prev[0].saturating_add(1).min(cap);
            let mut best = cur[0];
            for j in lo..=hi {
                let cost = u8::from(target[j - 1] != b);
                let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
                if j >= 2 && b == target[j - 2] && last == target[j - 1] {
                    v = v.min(above[j - 2] + 1);
                }
                cur[j] = v.min(cap);
                best = best.min(v);
            }
            if best > max {
                continue;
            }
            self.rows[depth + 1] = cur;
            self.key.push(b);
            let next = fst.node(t.addr);
            let out = out.cat(t.out);
            if next.is_final() && cur[n] <= max {
                self.found
                    .push((self.key.clone(), out.cat(next.final_output()).value()));
            }
            self.walk(next, out);
            self.key.pop();
        }
    }
}

/// Damerau–Levenshtein (optimal string alignment) distance from the input
/// `a` to the candidate `b`, with typing costs: cheaper for keyboard
/// neighbours, vowels, sound-alike letters, transpositions and doubled
/// letters. Both are lowercase ASCII and short.
fn weighted_distance(a: &[u8], b: &[u8], w: &Weights) -> f32 {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    let mut d = vec![0f32; (n + 1) * width];
    for j in 1..=m {
        d[j] = d[j - 1] + w.omit;
    }
    for i in 1..=n {
        d[i * width] = d[(i - 1) * width] + w.extra;
        for j in 1..=m {
            let (x, y) = (a[i - 1], b[j - 1]);
            let sub = if x == y {
                0.0
            } else if is_vowel(x) && is_vowel(y) {
                w.vowel
            } else if SOUND_ALIKE.iter().any(|p| *p == [x, y] || *p == [y, x]) {
                w.sound
            } else if neighbours(x, y) {
                w.neighbour
            } else {
                1.0
            };
            // A letter of `a` too many that doubles its neighbour, or one
            // left out that doubles a neighbour in `b`.
            let extra = if (i >= 2 && a[i - 2] == x) || a.get(i) == Some(&x) {
                w.double
            } else {
                w.extra
            };
            let omit = if (j >= 2 && b[j - 2] == y) || b.get(j) == Some(&y) {
                w.double
            } else {
                w.omit
            };
            let mut v = (d[(i - 1) * width + j] + extra)
                .min(d[i * width + j - 1] + omit)
                .min(d[(i - 1) * width + j - 1] + sub);
            if i >= 2 && j >= 2 && x == b[j - 2] && a[i - 2] == y {
                v = v.min(d[(i - 2) * width + j - 2] + w.transpose);
            }
            d[i * width + j] = v;
        }
    }
    d[n * width + m]
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Whether two letters are next to each other on a QWERTY keyboard (same
/// row, or diagonally on the row above or below, rows staggered by half a
/// key).
pub(super) fn neighbours(x: u8, y: u8) -> bool {
    const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
    let place = |c: u8| {
        ROWS.iter().enumerate().find_map(|(r, row)| {
            row.iter()
                .position(|&k| k == c)
                .map(|col| (r as i32, 2 * col as i32 + r as i32))
        })
    };
    match (place(x), place(y)) {
        // Half-key units: same row 2 apart, neighbouring rows 1 apart.
        (Some((r1, c1)), Some((r2, c2))) => {
            (r1 == r2 && (c1 - c2).abs() == 2) || ((r1 - r2).abs() == 1 && (c1 - c2).abs() == 1)
        }
        _ => false,
    }
}
