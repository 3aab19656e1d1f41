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
//!
//! A third list holds the team's jargon: terms its readers may not know
//! (code names, trade acronyms, "north star metric"), each optionally with
//! plain words to say instead (`synergy = working together`, or a tab
//! between them). A term may be several words. It has the same case rule:
//! a term in lowercase matches any casing, a term with a capital (`ARR`,
//! `Project Nimbus`) matches only as written, so "arr" is not "ARR". A
//! one-word term is also a word the team knows: spelling never flags it.

use std::collections::{HashMap, HashSet};

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
    /// Lowercased rejected entries, with the reason the file gives
    /// (`Acme = a competitor; say "other tools"`).
    reject: HashMap<Box<str>, Option<Box<str>>>,
    /// Jargon terms, in the order first listed; a term listed again
    /// replaces its plain words.
    jargon: Vec<Jargon>,
    /// Index in `jargon` by [`Jargon::key`].
    jargon_keys: HashMap<String, usize>,
    /// One-word jargon terms, which spelling accepts: with a capital, as
    /// written; in lowercase, in any casing.
    jargon_exact: HashSet<Box<str>>,
    jargon_any_case: HashSet<Box<str>>,
}

/// One term of a jargon list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jargon {
    /// The term, its white space squeezed to single spaces.
    pub term: Box<str>,
    /// Plain words to say instead, when the list gives them.
    pub plain: Option<Box<str>>,
}

impl Jargon {
    /// Whether the term matches only as written: it has a capital.
    pub fn exact(&self) -> bool {
        self.term.chars().any(char::is_uppercase)
    }

    /// The key a match is looked up by: the term as written when case
    /// matters, else in lowercase (see [`Jargon::key_of`]).
    pub fn key(&self) -> String {
        Self::key_of(&self.term, self.exact())
    }

    /// The key of matched text: white space squeezed, lowercased unless
    /// `exact`.
    pub fn key_of(text: &str, exact: bool) -> String {
        let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if exact {
            squeezed
        } else {
            squeezed.to_lowercase()
        }
    }

    /// Reads one entry: `term`, `term = plain words` or `term<TAB>plain
    /// words` (a comment already removed). `None` for a blank entry.
    pub fn parse(entry: &str) -> Option<Result<Jargon, String>> {
        let entry = entry.trim();
        if entry.is_empty() {
            return None;
        }
        let (term, plain) = match entry.split_once(['=', '\t']) {
            Some((term, plain)) => (term.trim(), Some(plain.trim())),
            None => (entry, None),
        };
        let term = term.split_whitespace().collect::<Vec<_>>().join(" ");
        if !term.chars().any(char::is_alphanumeric) {
            return Some(Err(format!(
                "`{entry}` names no term; write the term first, then ` = ` and plain words to say instead"
            )));
        }
        if plain.is_some_and(str::is_empty) {
            return Some(Err(format!(
                "`{entry}` has nothing after the `=`; write plain words to say instead, or drop the `=`"
            )));
        }
        Some(Ok(Jargon {
            term: term.into(),
            plain: plain.map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ").into()),
        }))
    }
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

    /// Adds the entries of one reject file: a word per line, optionally
    /// with the reason after ` = ` (shown in the finding).
    pub fn add_rejected(&mut self, text: &str) -> Result<(), EntryError> {
        for (i, line) in text.lines().enumerate() {
            let entry = jargon_comment(line).trim();
            if entry.is_empty() {
                continue;
            }
            let (word, reason) = match entry.split_once('=') {
                Some((w, r)) => (w.trim(), Some(r.trim()).filter(|r| !r.is_empty())),
                None => (entry, None),
            };
            if word.is_empty() || word.contains(char::is_whitespace) {
                return Err(EntryError {
                    line: i + 1,
                    message: format!(
                        "`{word}` is not one word; write one word per line, then ` = ` and the reason if you like"
                    ),
                });
            }
            self.reject
                .insert(word.to_lowercase().into(), reason.map(Into::into));
        }
        Ok(())
    }

    /// Why the team rejects `word`, when its file says.
    pub fn reject_reason(&self, word: &str) -> Option<&str> {
        let lower = word.to_lowercase();
        let stem = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower);
        self.reject
            .get(lower.as_str())
            .or_else(|| self.reject.get(stem))
            .and_then(|r| r.as_deref())
    }

    /// Adds the terms of one jargon file: one term per line, plain words
    /// after ` = ` or a tab; `#` at the start of a line or after a space
    /// starts a comment (so `C#` is a term).
    pub fn add_jargon(&mut self, text: &str) -> Result<(), EntryError> {
        for (i, line) in text.lines().enumerate() {
            let entry = jargon_comment(line);
            if let Some(parsed) = Jargon::parse(entry) {
                let term = parsed.map_err(|message| EntryError {
                    line: i + 1,
                    message,
                })?;
                self.add_term(term);
            }
        }
        Ok(())
    }

    /// Adds one jargon term; a term already listed gets the new plain words.
    pub fn add_term(&mut self, term: Jargon) {
        if !term.term.contains(' ') {
            if term.exact() {
                self.jargon_exact.insert(term.term.clone());
            } else {
                self.jargon_any_case.insert(term.term.clone());
            }
        }
        match self.jargon_keys.get(&term.key()) {
            Some(&i) => self.jargon[i] = term,
            None => {
                self.jargon_keys.insert(term.key(), self.jargon.len());
                self.jargon.push(term);
            }
        }
    }

    /// The jargon terms, in the order first listed.
    pub fn jargon(&self) -> &[Jargon] {
        &self.jargon
    }

    /// This vocabulary with `team`'s entries added; the team's casing of a
    /// word replaces this one's, and its plain words for a term this one's.
    pub fn merged_with(mut self, team: &Vocabulary) -> Vocabulary {
        for (key, spellings) in &team.accept {
            self.accept.insert(key.clone(), spellings.clone());
        }
        for (key, reason) in &team.reject {
            self.accept.remove(key);
            self.reject.insert(key.clone(), reason.clone());
        }
        for term in &team.jargon {
            self.add_term(term.clone());
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.accept.is_empty() && self.reject.is_empty() && self.jargon.is_empty()
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
            return self.jargon_word(word, &lower);
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

impl Vocabulary {
    /// A one-word jargon term is a word the team knows: accepted, in the
    /// casing its entry allows.
    fn jargon_word(&self, word: &str, lower: &str) -> Verdict<'_> {
        if self.jargon_exact.contains(word) || self.jargon_any_case.contains(lower) {
            Verdict::Accepted
        } else {
            Verdict::Unknown
        }
    }
}

/// A jargon file's line without its comment: `#` at the start or after
/// white space.
fn jargon_comment(line: &str) -> &str {
    let mut previous = None;
    for (i, c) in line.char_indices() {
        if c == '#' && previous.is_none_or(char::is_whitespace) {
            return &line[..i];
        }
        previous = Some(c);
    }
    line
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
    fn a_rejected_word_may_give_its_reason() {
        let v = vocab(
            "",
            "Acme = a competitor; say \"other tools\"\nsynergy\n# note = no\n",
        );
        assert_eq!(v.verdict("ACME"), Verdict::Rejected);
        assert_eq!(
            v.reject_reason("acme's"),
            Some("a competitor; say \"other tools\"")
        );
        assert_eq!(v.reject_reason("synergy"), None);
        assert_eq!(v.verdict("note"), Verdict::Unknown);
        let mut bad = Vocabulary::default();
        assert_eq!(
            bad.add_rejected("old name = retired\n").unwrap_err().line,
            1
        );
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

    fn jargon(text: &str) -> Vocabulary {
        let mut v = Vocabulary::default();
        v.add_jargon(text).unwrap();
        v
    }

    /// Each term of the list with its plain words.
    fn terms(v: &Vocabulary) -> Vec<(&str, Option<&str>)> {
        v.jargon()
            .iter()
            .map(|j| (&*j.term, j.plain.as_deref()))
            .collect()
    }

    #[test]
    fn jargon_lines_give_a_term_and_maybe_plain_words() {
        let v = jargon(
            "# our jargon\n\nARR = annual recurring revenue\nnorth  star metric\tthe one number we track\nProject Nimbus   # code name\nC#\nsynergy=working   together\n",
        );
        let got = terms(&v);
        assert_eq!(
            got,
            [
                ("ARR", Some("annual recurring revenue")),
                ("north star metric", Some("the one number we track")),
                ("Project Nimbus", None),
                ("C#", None),
                ("synergy", Some("working together")),
            ]
        );
    }

    #[test]
    fn a_capital_makes_a_term_match_only_as_written() {
        let v = jargon("ARR\nProject Nimbus\nsynergy\n");
        let exact: Vec<bool> = v.jargon().iter().map(Jargon::exact).collect();
        assert_eq!(exact, [true, true, false]);
        assert_eq!(
            Jargon::key_of("north  STAR\nmetric", false),
            "north star metric"
        );
        assert_eq!(Jargon::key_of("Project\nNimbus", true), "Project Nimbus");
    }

    #[test]
    fn a_term_listed_again_takes_the_new_plain_words() {
        let mut v = jargon("synergy = teamwork\nARR\n");
        v.add_jargon("Synergy\nsynergy = working together\n")
            .unwrap();
        let got = terms(&v);
        assert_eq!(
            got,
            [
                ("synergy", Some("working together")),
                ("ARR", None),
                ("Synergy", None),
            ],
            "\"Synergy\" (as written) and \"synergy\" (any casing) are two terms"
        );
        let team = jargon("ARR = annual recurring revenue\n");
        let merged = v.merged_with(&team);
        assert_eq!(
            merged.jargon()[1].plain.as_deref(),
            Some("annual recurring revenue"),
            "the team's plain words win"
        );
    }

    #[test]
    fn bad_jargon_lines_are_errors_at_their_line() {
        let mut v = Vocabulary::default();
        let e = v.add_jargon("ok\n= plain words\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("names no term"), "{}", e.message);
        let e = v.add_jargon("# fine\nsynergy =   # nothing\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("nothing after"), "{}", e.message);
    }

    #[test]
    fn one_word_jargon_is_a_word_the_team_knows() {
        let v = jargon("dogfooding = using our own product\nARR\nnorth star metric\n");
        assert_eq!(v.verdict("dogfooding"), Verdict::Accepted);
        assert_eq!(v.verdict("Dogfooding"), Verdict::Accepted);
        assert_eq!(v.verdict("dogfooding's"), Verdict::Accepted);
        assert_eq!(v.verdict("ARR"), Verdict::Accepted);
        assert_eq!(v.verdict("arr"), Verdict::Unknown, "only as written");
        assert_eq!(v.verdict("north"), Verdict::Unknown, "a phrase is no word");
    }

    #[test]
    fn an_empty_vocabulary_knows_nothing() {
        assert_eq!(Vocabulary::default().verdict("Anything"), Verdict::Unknown);
    }
}
