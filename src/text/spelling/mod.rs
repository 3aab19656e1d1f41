//! English spelling dictionaries (en-US, en-GB), embedded in the binary.
//!
//! Each dictionary is SCOWL's Hunspell dictionary expanded offline into
//! every word form, plus a curated supplement of modern words, stored as an
//! `fst::Map` under `rules/dictionaries/` (see its README for the sources,
//! the numbers and `scripts/dictionaries/regenerate.sh`). Loading one is
//! `fst::Map::new` over `include_bytes!`: O(1), no parsing, no I/O, so a
//! short post checked end to end stays within its start-up budget. Hunspell
//! itself takes 10–70 ms to load.
//!
//! Lookups follow Hunspell's case rules. Suggestions come from a table of
//! common misspellings first (one confident correction each), then from a
//! search of the fst for words within two edits, ranked by word frequency,
//! edit cost and keyboard distance (`suggest.rs`). Nothing is cached here:
//! the caller caches suggestions per distinct word.

pub mod hunspell;
mod misspellings;
mod suggest;
mod word;

#[cfg(test)]
mod measure;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::LazyLock;

use fst::Map;

use crate::text::lang::LangTag;
use word::{Casing, Normal};

/// Value bits of a key in the fst, as `scripts/dictionaries/generate.py`
/// writes them. A lowercase key says which casings of it are words; a
/// mixed-case key (`GitHub`) is a word as written.
mod bits {
    /// The key itself, exactly as written, is a word.
    pub const WORD: u64 = 1;
    /// Its Titlecase form is a word (`london` -> `London`).
    pub const TITLE: u64 = 2;
    /// Its ALLCAPS form is a word (`nasa` -> `NASA`).
    pub const UPPER: u64 = 4;
    /// Some mixed-case form folds to it (`github` -> `GitHub`); the forms
    /// are listed under `INDEX` keys.
    pub const MIXED: u64 = 8;
    /// Accepted but never suggested (SCOWL's offensive words).
    pub const NOSUGGEST: u64 = 16;
    /// From `rules/dictionaries/supplement.txt` (for tests and tools).
    #[cfg(test)]
    pub const SUPPLEMENT: u64 = 32;
    /// Any casing of a lowercase key is a word: what an ALLCAPS word needs.
    pub const ANY: u64 = WORD | TITLE | UPPER | MIXED;
    /// Bits 8–15: rarity, round(16 · ln(frequency rank)).
    pub const RARITY_SHIFT: u32 = 8;
    /// Keys `\x01fold\x01Form` list the mixed-case forms of a fold.
    pub const INDEX: u8 = 0x01;
}

const EN_US_FST: &[u8] = include_bytes!("../../../rules/dictionaries/en_US.fst");
const EN_GB_FST: &[u8] = include_bytes!("../../../rules/dictionaries/en_GB.fst");

static EN_US: LazyLock<Dictionary> = LazyLock::new(|| {
    Dictionary::from_fst("en-US", EN_US_FST)
        .expect("rules/dictionaries/en_US.fst is a valid fst (tested)")
});
static EN_GB: LazyLock<Dictionary> = LazyLock::new(|| {
    Dictionary::from_fst("en-GB", EN_GB_FST)
        .expect("rules/dictionaries/en_GB.fst is a valid fst (tested)")
});

/// An English spelling dictionary: exact lookups (`contains`) and ranked
/// suggestions (`suggest`). Immutable and `Send + Sync`: one per language
/// for the whole process, shared by reference.
pub struct Dictionary {
    name: &'static str,
    words: Map<&'static [u8]>,
}

/// One suggested correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// In the casing of the word it corrects (`Recieve` -> `Receive`).
    pub word: String,
    /// From the table of common misspellings, which has one known
    /// correction per typo: safe to apply without review.
    pub confident: bool,
}

impl Dictionary {
    /// American English (SCOWL en_US, size 60, plus the supplement).
    pub fn en_us() -> &'static Dictionary {
        &EN_US
    }

    /// British English (SCOWL en_GB-ise, size 60, plus the supplement).
    pub fn en_gb() -> &'static Dictionary {
        &EN_GB
    }

    /// The dictionary for a post's language: `en-GB` (and the common
    /// mistake `en-UK`) get British spelling, every other English tag
    /// American; other languages have none yet.
    pub fn for_lang(tag: &LangTag) -> Option<&'static Dictionary> {
        if tag.primary() != "en" {
            return None;
        }
        let region = tag.as_str().rsplit('-').next().unwrap_or_default();
        Some(match region {
            "GB" | "UK" => Dictionary::en_gb(),
            _ => Dictionary::en_us(),
        })
    }

    fn from_fst(name: &'static str, bytes: &'static [u8]) -> Result<Dictionary, fst::Error> {
        Ok(Dictionary {
            name,
            words: Map::new(bytes)?,
        })
    }

    /// `en-US` or `en-GB`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether `word` is spelled right, by Hunspell's rules: a lowercase
    /// dictionary word also matches its Titlecase and ALLCAPS forms; a
    /// capitalised one (`London`, `GitHub`) matches itself and its ALLCAPS
    /// form, never its lowercase. Curly and straight apostrophes are the
    /// same; surrounding apostrophes (quotes, `recipients'`) are ignored;
    /// a hyphenated compound is right when the whole or every part is;
    /// numbers and ordinals (`21st`) are right.
    ///
    /// No allocation for ASCII words up to 64 bytes (curly apostrophes
    /// included): this runs for every word of every post.
    pub fn contains(&self, word: &str) -> bool {
        Normal::of(word).is_some_and(|w| self.accepts(w.bytes()))
    }

    fn accepts(&self, word: &[u8]) -> bool {
        if word.is_empty() {
            return false;
        }
        if self.accepts_part(word) {
            return true;
        }
        // Hyphenated compounds: each part on its own, as Hunspell breaks
        // them. Empty parts (`--`, a leading hyphen) say nothing.
        if word.contains(&b'-') {
            let mut parts = word
                .split(|&b| b == b'-')
                .filter(|p| !p.is_empty())
                .peekable();
            return parts.peek().is_some() && parts.all(|p| self.accepts_part(p));
        }
        false
    }

    /// One word without hyphen splitting: as written, then without
    /// surrounding apostrophes (quotes, plural possessives).
    fn accepts_part(&self, word: &[u8]) -> bool {
        if self.accepts_form(word) {
            return true;
        }
        let trimmed = trim_apostrophes(word);
        trimmed.len() != word.len() && !trimmed.is_empty() && self.accepts_form(trimmed)
    }

    /// One form, by the case rules.
    fn accepts_form(&self, word: &[u8]) -> bool {
        if word::is_number(word) {
            return true;
        }
        match Casing::of(word) {
            Casing::Lower => self.flags(word) & bits::WORD != 0,
            Casing::Title => word::with_lower(word, |lower| {
                self.flags(lower) & (bits::WORD | bits::TITLE) != 0
            }),
            Casing::Upper => word::with_lower(word, |lower| self.flags(lower) & bits::ANY != 0),
            Casing::Mixed => {
                self.flags(word) & bits::WORD != 0
                    || (word[0].is_ascii_uppercase()
                        && word::with_first_lower(word, |w| self.flags(w) & bits::WORD != 0))
            }
        }
    }

    /// The flag bits of a key (0 when absent).
    fn flags(&self, key: &[u8]) -> u64 {
        self.words.get(key).map_or(0, |v| v & 0xff)
    }

    /// Number of keys in the fst (word forms, lowercase folds and the
    /// mixed-case index); the README records it, and a test compares.
    pub fn keys(&self) -> usize {
        self.words.len()
    }
}

/// `'quoted'` -> `quoted`, `recipients'` -> `recipients`.
fn trim_apostrophes(word: &[u8]) -> &[u8] {
    let start = word.iter().position(|&b| b != b'\'').unwrap_or(word.len());
    let end = word
        .iter()
        .rposition(|&b| b != b'\'')
        .map_or(start, |i| i + 1);
    &word[start..end]
}

impl fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dictionary")
            .field("name", &self.name)
            .field("keys", &self.words.len())
            .finish()
    }
}
