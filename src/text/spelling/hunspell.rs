//! A team's own Hunspell dictionaries (`[dictionaries]` in postlint.toml),
//! read with `spellbook` once per run and shared by every spelling rule.
//!
//! A team dictionary serves posts in its language and every more specific
//! tag (`de` serves `de-AT`), and wins over the embedded English ones for
//! the same language. Unlike the embedded dictionaries it has no table of
//! known misspellings, so its suggestions are guesses: the caller never
//! marks them safe. Suggesting costs tens of milliseconds a word; the
//! caller caches per distinct word.

use std::fmt;

use crate::text::lang::LangTag;

/// One Hunspell dictionary, for one language tag.
pub struct TeamDictionary {
    tag: LangTag,
    words: spellbook::Dictionary,
}

impl TeamDictionary {
    /// Parses the text of a `.aff` and a `.dic` file; the error is
    /// spellbook's message (which file, which line, what is wrong).
    pub fn parse(tag: LangTag, aff: &str, dic: &str) -> Result<Self, String> {
        let words = spellbook::Dictionary::new(aff, dic).map_err(|e| e.to_string())?;
        Ok(Self { tag, words })
    }

    /// The tag it was configured for.
    pub fn tag(&self) -> LangTag {
        self.tag
    }

    /// Whether `word` is spelled right, by the dictionary's own rules
    /// (case, affixes, compounds). Curly apostrophes count as straight
    /// ones, and surrounding apostrophes (quotes) are ignored.
    pub fn contains(&self, word: &str) -> bool {
        if self.words.check(word) {
            return true;
        }
        let straight;
        let word = if word.contains('’') {
            straight = word.replace('’', "'");
            if self.words.check(&straight) {
                return true;
            }
            straight.as_str()
        } else {
            word
        };
        let trimmed = word.trim_matches('\'');
        trimmed.len() != word.len() && !trimmed.is_empty() && self.words.check(trimmed)
    }

    /// Up to `max` corrections, best first, as spellbook ranks them.
    pub fn suggest(&self, word: &str, max: usize) -> Vec<String> {
        let mut out = Vec::new();
        self.words.suggest(word, &mut out);
        out.truncate(max);
        out
    }
}

impl fmt::Debug for TeamDictionary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TeamDictionary")
            .field("tag", &self.tag)
            .finish_non_exhaustive()
    }
}

/// The team's dictionaries, by language tag. Usually none or one, so a
/// list: finding one is a few tag comparisons.
#[derive(Debug, Default)]
pub struct TeamDictionaries {
    all: Vec<TeamDictionary>,
}

impl TeamDictionaries {
    /// Adds a dictionary; a later one for the same tag replaces it.
    pub fn insert(&mut self, dictionary: TeamDictionary) {
        self.all.retain(|d| d.tag != dictionary.tag);
        self.all.push(dictionary);
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// The dictionary for a post's language: the most specific configured
    /// tag that covers it (`de-AT` -> `de-AT`, else `de`), with its index
    /// (stable for the run, for per-dictionary caches).
    pub fn for_lang(&self, tag: &LangTag) -> Option<(usize, &TeamDictionary)> {
        if self.all.is_empty() {
            return None;
        }
        tag.fallbacks()
            .find_map(|wanted| self.all.iter().enumerate().find(|(_, d)| d.tag == wanted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "SET UTF-8\nSFX S Y 1\nSFX S 0 es .\n";
    const DIC: &str = "2\nHaus/S\nbauen\n";

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap()
    }

    #[test]
    fn a_dictionary_serves_its_language_and_more_specific_tags() {
        let mut all = TeamDictionaries::default();
        all.insert(TeamDictionary::parse(tag("de"), AFF, DIC).unwrap());
        let (_, de) = all.for_lang(&tag("de-AT")).unwrap();
        assert_eq!(de.tag(), tag("de"));
        assert!(de.contains("Hauses") && de.contains("bauen") && de.contains("'bauen'"));
        assert!(!de.contains("habben"));
        assert!(all.for_lang(&tag("en")).is_none());
        assert!(all.for_lang(&tag("dex")).is_none());
        all.insert(TeamDictionary::parse(tag("de-AT"), AFF, DIC).unwrap());
        assert_eq!(all.for_lang(&tag("de-AT")).unwrap().1.tag(), tag("de-AT"));
        assert_eq!(all.for_lang(&tag("de-CH")).unwrap().1.tag(), tag("de"));
        assert_eq!(
            all.for_lang(&tag("de")).unwrap().1.tag(),
            tag("de"),
            "a de-AT dictionary says nothing about a plain de post"
        );
    }

    #[test]
    fn a_broken_dictionary_is_an_error_with_spellbook_s_message() {
        let e = TeamDictionary::parse(tag("de"), "SET UTF-8\nSFX S Y 2\nSFX S 0 s .\n", DIC)
            .unwrap_err();
        assert!(e.contains(".aff"), "{e}");
    }
}
