//! A team's vocabulary: words it accepts (its brand and product names, its
//! jargon) and words it rejects. One mechanism for all of them: spelling
//! never flags an accepted word, a rule flags every rejected one, and an
//! accepted word written with capitals is also the one right casing.
//!
//! Case rule (as Vale's vocabularies): an entry written in lowercase
//! ("onboarding") accepts any casing; an entry with a capital ("GitHub",
//! "iPhone") accepts exactly that casing (and ALL CAPS, for headings), and
//! the same word in another casing ("Github", "github") is a casing mistake
//! with a safe fix to the accepted one. Rejected entries match in any case.
//!
//! Files are plain text: one entry per line, `#` starts a comment, blank
//! lines are ignored. Entries are single words (no spaces).

use std::collections::HashMap;

/// How a word stands with the team's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict<'v> {
    /// Not in the vocabulary: the dictionary decides.
    Unknown,
    /// Accepted as written.
    Accepted,
    /// The team writes it this way instead.
    Casing(&'v str),
    /// The team does not use this word.
    Rejected,
}

#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Lowercased entry -> the accepted spellings (empty: any casing).
    accept: HashMap<Box<str>, Vec<Box<str>>>,
    /// Lowercased rejected entries.
    reject: HashMap<Box<str>, ()>,
}

/// A line of a vocabulary file that is not one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryError {
    /// 1-based line in the file.
    pub line: usize,
    pub message: String,
}

/// Names everyone writes one way (`rules/names.txt`).
const WELL_KNOWN_NAMES: &str = include_str!("../../rules/names.txt");

impl Vocabulary {
    /// The names every vocabulary starts with (GitHub, LinkedIn...); a
    /// team's own words are merged over them.
    pub fn well_known_names() -> Vocabulary {
        let mut v = Vocabulary::default();
        v.add_accepted(WELL_KNOWN_NAMES)
            .expect("rules/names.txt holds one word per line (tested)");
        v
    }

    /// Adds the entries of one accept file.
    pub fn add_accepted(&mut self, text: &str) -> Result<(), EntryError> {
        for (line, word) in entries(text) {
            let word = word.map_err(|message| EntryError { line, message })?;
            let spellings = self.accept.entry(word.to_lowercase().into()).or_default();
            if word.chars().any(char::is_uppercase) {
                if !spellings.iter().any(|s| &**s == word) {
                    spellings.push(word.into());
                }
            } else {
                // A lowercase entry accepts any casing.
                spellings.clear();
                spellings.push(word.into());
            }
        }
        Ok(())
    }

    /// Adds the entries of one reject file.
    pub fn add_rejected(&mut self, text: &str) -> Result<(), EntryError> {
        for (line, word) in entries(text) {
            let word = word.map_err(|message| EntryError { line, message })?;
            self.reject.insert(word.to_lowercase().into(), ());
        }
        Ok(())
    }

    /// This vocabulary with `team`'s entries added; the team's casing of a
    /// word replaces this one's.
    pub fn merged_with(mut self, team: &Vocabulary) -> Vocabulary {
        for (key, spellings) in &team.accept {
            self.accept.insert(key.clone(), spellings.clone());
        }
        for key in team.reject.keys() {
            self.accept.remove(key);
            self.reject.insert(key.clone(), ());
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.accept.is_empty() && self.reject.is_empty()
    }

    /// How `word` stands. Allocates only for words with capitals or
    /// non-ASCII letters (to lowercase them); most words need no lookup
    /// key of their own.
    pub fn verdict(&self, word: &str) -> Verdict<'_> {
        if self.is_empty() {
            return Verdict::Unknown;
        }
        let verdict = self.verdict_of(word);
        // A possessive is its word's: "rustc's" is accepted with "rustc".
        match (
            verdict,
            word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")),
        ) {
            (Verdict::Unknown, Some(stem)) if !stem.is_empty() => match self.verdict_of(stem) {
                // The casing fix is for the stem; keep the finding simple.
                Verdict::Casing(_) => Verdict::Unknown,
                other => other,
            },
            _ => verdict,
        }
    }

    fn verdict_of(&self, word: &str) -> Verdict<'_> {
        let lower: std::borrow::Cow<'_, str> = if word.chars().any(char::is_uppercase) {
            word.to_lowercase().into()
        } else {
            word.into()
        };
        if self.reject.contains_key(&*lower) {
            return Verdict::Rejected;
        }
        let Some(spellings) = self.accept.get(&*lower) else {
            return Verdict::Unknown;
        };
        let any_case = spellings.len() == 1 && !spellings[0].chars().any(char::is_uppercase);
        let all_caps = word.chars().any(char::is_alphabetic)
            && !word.chars().any(char::is_lowercase)
            && word.chars().filter(|c| c.is_alphabetic()).count() > 1;
        if any_case || all_caps || spellings.iter().any(|s| &**s == word) {
            Verdict::Accepted
        } else {
            Verdict::Casing(&spellings[0])
        }
    }
}

/// The entries of a vocabulary file with their 1-based line numbers.
fn entries(text: &str) -> impl Iterator<Item = (usize, Result<&str, String>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() {
            return None;
        }
        let checked = if entry.contains(char::is_whitespace) {
            Err(format!(
                "`{entry}` is not one word; write one word per line (phrases belong in a checklist's `tokens`)"
            ))
        } else {
            Ok(entry)
        };
        Some((i + 1, checked))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(accept: &str, reject: &str) -> Vocabulary {
        let mut v = Vocabulary::default();
        v.add_accepted(accept).unwrap();
        v.add_rejected(reject).unwrap();
        v
    }

    #[test]
    fn lowercase_entries_accept_any_casing() {
        let v = vocab("onboarding\n", "");
        for w in ["onboarding", "Onboarding", "ONBOARDING"] {
            assert_eq!(v.verdict(w), Verdict::Accepted, "{w}");
        }
        assert_eq!(v.verdict("offboarding"), Verdict::Unknown);
    }

    #[test]
    fn capitalised_entries_are_the_one_right_casing() {
        let v = vocab("GitHub  # our host\niPhone\n", "");
        assert_eq!(v.verdict("GitHub"), Verdict::Accepted);
        assert_eq!(v.verdict("GITHUB"), Verdict::Accepted, "headings shout");
        assert_eq!(v.verdict("Github"), Verdict::Casing("GitHub"));
        assert_eq!(v.verdict("github"), Verdict::Casing("GitHub"));
        assert_eq!(v.verdict("Iphone"), Verdict::Casing("iPhone"));
        assert_eq!(v.verdict("iPhone"), Verdict::Accepted);
    }

    #[test]
    fn possessives_follow_their_word() {
        let v = vocab("rustc\nGitHub\n", "synergy\n");
        assert_eq!(v.verdict("rustc's"), Verdict::Accepted);
        assert_eq!(v.verdict("rustc’s"), Verdict::Accepted);
        assert_eq!(v.verdict("GitHub's"), Verdict::Accepted);
        assert_eq!(v.verdict("synergy's"), Verdict::Rejected);
        assert_eq!(v.verdict("'s"), Verdict::Unknown);
    }

    #[test]
    fn rejected_entries_match_in_any_case_and_win() {
        let v = vocab("synergy\n", "# words we avoid\nsynergy\nleverage\n");
        assert_eq!(v.verdict("Leverage"), Verdict::Rejected);
        assert_eq!(v.verdict("synergy"), Verdict::Rejected);
        assert_eq!(v.verdict("lever"), Verdict::Unknown);
    }

    #[test]
    fn entries_are_single_words() {
        let mut v = Vocabulary::default();
        let e = v.add_accepted("ok\n\nnot ok\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("one word"), "{}", e.message);
    }

    #[test]
    fn a_teams_words_win_when_merged() {
        let built_in = vocab("GitHub\nLinkedIn\nsynergy\n", "");
        let team = vocab("Github\n", "synergy\n");
        let v = built_in.merged_with(&team);
        assert_eq!(
            v.verdict("Github"),
            Verdict::Accepted,
            "the team writes it so"
        );
        assert_eq!(v.verdict("GitHub"), Verdict::Casing("Github"));
        assert_eq!(v.verdict("Linkedin"), Verdict::Casing("LinkedIn"));
        assert_eq!(v.verdict("synergy"), Verdict::Rejected);
    }

    #[test]
    fn well_known_names_load_and_keep_their_casing() {
        let v = Vocabulary::well_known_names();
        assert_eq!(v.verdict("Linkedin"), Verdict::Casing("LinkedIn"));
        assert_eq!(v.verdict("github"), Verdict::Casing("GitHub"));
        assert_eq!(v.verdict("JavaScript"), Verdict::Accepted);
    }

    #[test]
    fn an_empty_vocabulary_knows_nothing() {
        assert_eq!(Vocabulary::default().verdict("Anything"), Verdict::Unknown);
    }
}
