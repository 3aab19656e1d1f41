//! The standard reading formulas (Flesch-Kincaid, Flesch
//! reading ease, Gunning fog, SMOG, Coleman-Liau, ARI).
//!
//! Syllables come from `syllables`.
//!
//! What counts, in [`TextStats::from_words`]: only measured sentences and
//! words (`Sentence::measured`, `Word::measured`): prose, not headings,
//! table cells, mentions or blocks of tags (see `segment`). Links, emoji,
//! list markers and code blocks are never words. Of the measured words:
//! - `Word`: syllables from [`syllables`]; may be long, polysyllabic, complex.
//! - `Number` ("2025", "$3.50", "30%", "1.45.0", one word each): one
//!   syllable, as Flesch's own counting rule has it (figures and symbols
//!   count as one-syllable words) and textstat does. Read aloud, "2,500"
//!   is six syllables, which would make a post with numbers read as hard
//!   as one with long words; readers take in figures at a glance.
//! - `Hashtag`, `Cashtag` (used as a word: "We love #Rust"), `Code`,
//!   `Domain` ("crates.io"): read as one unit, like a name: one word of one
//!   syllable; their letters and digits still count for the character-based
//!   formulas (Coleman-Liau, ARI).
//!
//! Numbers and opaque tokens are never long, polysyllabic or complex words.
//! `docs/readability-counting.md` lists how this differs from textstat.

use crate::text::segment::{MAX_KEY_LEN, Segmentation, Sentence, Word, WordKind};
use crate::text::syllables::{is_initialism, syllables};

/// A word's syllables as the formulas count them: as spoken, except that an
/// initialism ("RFC", "APIs") is one syllable, by Flesch's own rule
/// ("count abbreviations, figures, symbols and their combinations as
/// one-syllable words") and as textstat counts it.
fn formula_syllables(word: &str) -> usize {
    if is_initialism(word) {
        1
    } else {
        syllables(word)
    }
}

/// Each word's syllables, for [`TextStats::from_parts_cached`]: 0 for
/// words the formulas do not read (numbers, tags, unmeasured words) and
/// for the rare word past 255.
pub fn word_syllables(text: &str, words: &[Word]) -> Vec<u8> {
    words
        .iter()
        .map(|w| match text.get(w.span.range()) {
            Some(t) if w.measured && w.kind == WordKind::Word => {
                u8::try_from(formula_syllables(t)).unwrap_or(0)
            }
            _ => 0,
        })
        .collect()
}

/// Counts the reading formulas need.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Words of three or more syllables (SMOG).
    pub polysyllables: usize,
    /// Words of one syllable (Wiener Sachtextformel).
    pub monosyllables: usize,
    /// Letters and digits of all words.
    pub letters: usize,
    /// Words of more than six letters.
    pub long_words: usize,
    /// Gunning's hard words: three or more syllables, not capitalised
    /// mid-sentence (proper nouns), not hyphenated compounds, not made
    /// three syllables by "-es", "-ed" or "-ing".
    pub complex_words: usize,
}

impl TextStats {
    /// Counts over the words of `seg` (see the module docs for what each
    /// kind of word adds). Words whose span is not in `text` are skipped.
    pub fn from_words(text: &str, seg: &Segmentation) -> TextStats {
        Self::from_parts(text, &seg.words, 0, &seg.sentences)
    }

    /// Counts over `words`, a run of a segmentation's words starting at
    /// index `first` of it, and over `sentences`, the sentences those words
    /// belong to (for a paragraph or any other part of a post). Only
    /// measured words and sentences count.
    pub fn from_parts(
        text: &str,
        words: &[Word],
        first: usize,
        sentences: &[Sentence],
    ) -> TextStats {
        Self::counted(text, words, first, sentences, |_, t| formula_syllables(t))
    }

    /// [`from_parts`](Self::from_parts) with each word's syllables taken
    /// from `cache` (one entry per word of `words`, as [`word_syllables`]
    /// gives them): rules that measure every sentence do not count a
    /// post's syllables again.
    pub fn from_parts_cached(
        text: &str,
        words: &[Word],
        first: usize,
        sentences: &[Sentence],
        cache: &[u8],
    ) -> TextStats {
        Self::counted(text, words, first, sentences, |k, t| match cache.get(k) {
            Some(&n) if n > 0 => usize::from(n),
            _ => formula_syllables(t),
        })
    }

    fn counted(
        text: &str,
        words: &[Word],
        first: usize,
        sentences: &[Sentence],
        syllables_of: impl Fn(usize, &str) -> usize,
    ) -> TextStats {
        let mut st = TextStats {
            sentences: sentences.iter().filter(|s| s.measured).count(),
            ..TextStats::default()
        };
        let mut next_sentence = 0;
        for (k, word) in words.iter().enumerate() {
            let i = first + k;
            while next_sentence < sentences.len() && sentences[next_sentence].words.start < i {
                next_sentence += 1;
            }
            let starts_sentence = sentences
                .get(next_sentence)
                .is_some_and(|s| s.words.start == i);
            let Some(t) = text.get(word.span.range()) else {
                continue;
            };
            if !word.measured {
                continue;
            }
            st.words += 1;
            let letters = t.chars().filter(|c| c.is_alphanumeric()).count();
            st.letters += letters;
            match word.kind {
                WordKind::Word => {
                    let syl = syllables_of(k, t).max(1);
                    st.syllables += syl;
                    st.long_words += usize::from(letters > 6);
                    st.monosyllables += usize::from(syl == 1);
                    if syl >= 3 {
                        st.polysyllables += 1;
                        st.complex_words += usize::from(is_complex(t, syl, starts_sentence));
                    }
                }
                WordKind::Number => st.syllables += 1,
                WordKind::Hashtag
                | WordKind::Mention
                | WordKind::Cashtag
                | WordKind::Code
                | WordKind::Domain => st.syllables += 1,
            }
        }
        if st.words > 0 {
            // Words always sit in a sentence, even in a hand-made segmentation.
            st.sentences = st.sentences.max(1);
        }
        st
    }

    fn words_per_sentence(&self) -> f64 {
        ratio(self.words, self.sentences)
    }

    fn syllables_per_word(&self) -> f64 {
        ratio(self.syllables, self.words)
    }

    /// US school grade: 0.39 (words/sentences) + 11.8 (syllables/words) -
    /// 15.59. 0.0 without words; may be negative for very simple text.
    pub fn flesch_kincaid_grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        0.39 * self.words_per_sentence() + 11.8 * self.syllables_per_word() - 15.59
    }

    /// 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words); higher
    /// is easier. 0.0 without words (there is nothing to judge).
    pub fn flesch_reading_ease(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        206.835 - 1.015 * self.words_per_sentence() - 84.6 * self.syllables_per_word()
    }

    /// 0.4 (words/sentences + 100 complex/words). 0.0 without words.
    pub fn gunning_fog(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        0.4 * (self.words_per_sentence() + 100.0 * ratio(self.complex_words, self.words))
    }

    /// 1.0430 sqrt(polysyllables × 30/sentences) + 3.1291 (McLaughlin's
    /// formula, scaled to 30 sentences). 0.0 without words.
    pub fn smog(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        1.0430 * (self.polysyllables as f64 * 30.0 / self.sentences as f64).sqrt() + 3.1291
    }

    /// 0.0588 L - 0.296 S - 15.8, with L letters and S sentences per 100
    /// words. 0.0 without words.
    pub fn coleman_liau(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let l = 100.0 * ratio(self.letters, self.words);
        let s = 100.0 * ratio(self.sentences, self.words);
        0.0588 * l - 0.296 * s - 15.8
    }

    /// Automated readability index: 4.71 (characters/words) + 0.5
    /// (words/sentences) - 21.43, characters being letters and digits. 0.0
    /// without words.
    pub fn ari(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        4.71 * ratio(self.letters, self.words) + 0.5 * self.words_per_sentence() - 21.43
    }

    /// LIX (Björnsson, 1968): words/sentences + 100 (long words/words),
    /// long words having more than six letters. It counts no syllables, so
    /// it works in any alphabetic language (used across the Nordic
    /// countries): about 30 reads easily, above 50 is hard, above 60 very
    /// hard. 0.0 without words.
    pub fn lix(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        self.words_per_sentence() + 100.0 * ratio(self.long_words, self.words)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Gunning's "hard word" test for a word of `syl` >= 3 syllables.
fn is_complex(word: &str, syl: usize, starts_sentence: bool) -> bool {
    if word.contains(['-', '\u{2010}', '\u{2011}']) {
        return false;
    }
    if !starts_sentence && word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if syl == 3 {
        let mut buf = [0u8; MAX_KEY_LEN];
        let Some(w) = crate::text::segment::lower_key(word, &mut buf) else {
            return true;
        };
        let w = w.as_bytes();
        let before = |k: usize| w.len().checked_sub(k + 1).map(|i| w[i]);
        let inflected = w.ends_with(b"ing")
            || (w.ends_with(b"ed") && matches!(before(2), Some(b't' | b'd')))
            || (w.ends_with(b"es")
                && (matches!(before(2), Some(b's' | b'x' | b'z' | b'c' | b'g'))
                    || w.ends_with(b"ches")
                    || w.ends_with(b"shes")));
        if inflected {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::document::{Block, BlockKind};
    use crate::span::Span;
    use crate::text::segment::Segmenter;

    #[test]
    fn formulas_match_hand_computed_values() {
        let st = TextStats {
            words: 100,
            sentences: 5,
            syllables: 150,
            polysyllables: 10,
            monosyllables: 60,
            letters: 450,
            long_words: 20,
            complex_words: 8,
        };
        // words/sentence = 100/5 = 20; syllables/word = 150/100 = 1.5
        // FK   = 0.39*20 + 11.8*1.5 - 15.59 = 7.8 + 17.7 - 15.59 = 9.91
        // FRE  = 206.835 - 1.015*20 - 84.6*1.5 = 206.835 - 20.3 - 126.9 = 59.635
        // Fog  = 0.4 * (20 + 100*8/100) = 0.4 * 28 = 11.2
        // SMOG = 1.0430 * sqrt(10*30/5) + 3.1291 = 1.0430 * sqrt(60) + 3.1291
        //      = 1.0430 * 7.745967 + 3.1291 = 8.079043 + 3.1291 = 11.208143
        // CL   = 0.0588*(450/100*100) - 0.296*(5/100*100) - 15.8
        //      = 0.0588*450 - 0.296*5 - 15.8 = 26.46 - 1.48 - 15.8 = 9.18
        // ARI  = 4.71*(450/100) + 0.5*20 - 21.43 = 21.195 + 10 - 21.43 = 9.765
        // LIX  = 100/5 + 100*20/100 = 20 + 20 = 40
        let close = |got: f64, want: f64| assert!((got - want).abs() < 1e-4, "{got} != {want}");
        close(st.flesch_kincaid_grade(), 9.91);
        close(st.flesch_reading_ease(), 59.635);
        close(st.gunning_fog(), 11.2);
        close(st.smog(), 11.208143);
        close(st.coleman_liau(), 9.18);
        close(st.ari(), 9.765);
        close(st.lix(), 40.0);
    }

    #[test]
    fn lix_counts_words_of_more_than_six_letters() {
        // 9 words, 2 sentences; "Yesterday", "released", "version" and
        // "quickly" have more than six letters: 9/2 + 100*4/9 = 4.5 + 44.44.
        let st = stats("Yesterday we released a version. It runs quickly now.");
        assert_eq!((st.words, st.sentences, st.long_words), (9, 2, 4));
        assert!(
            (st.lix() - (4.5 + 400.0 / 9.0)).abs() < 1e-9,
            "{}",
            st.lix()
        );
    }

    fn stats(text: &str) -> TextStats {
        let blocks = [Block {
            kind: BlockKind::Paragraph,
            span: Span::new(0, text.len()),
        }];
        let seg = Segmenter::english().segment(text, &blocks, &[], &[], false);
        TextStats::from_words(text, &seg)
    }

    #[test]
    fn stats_of_a_small_text_by_hand() {
        // Words: The cat sat on the mat | It was happy = 9 words, 2 sentences.
        // Syllables: 1+1+1+1+1+1 + 1+1+2 = 10. Letters: 3+3+3+2+3+3 + 2+3+5 = 27.
        let st = stats("The cat sat on the mat. It was happy.");
        assert_eq!(
            st,
            TextStats {
                words: 9,
                sentences: 2,
                syllables: 10,
                polysyllables: 0,
                monosyllables: 8, // all but "happy"
                letters: 27,
                long_words: 0,
                complex_words: 0,
            }
        );
        // FK  = 0.39*(9/2) + 11.8*(10/9) - 15.59 = 1.755 + 13.111111 - 15.59 = -0.723889
        // FRE = 206.835 - 1.015*4.5 - 84.6*(10/9) = 206.835 - 4.5675 - 94.0 = 108.2675
        // ARI = 4.71*(27/9) + 0.5*4.5 - 21.43 = 14.13 + 2.25 - 21.43 = -5.05
        assert!((st.flesch_kincaid_grade() - -0.723889).abs() < 1e-5);
        assert!((st.flesch_reading_ease() - 108.2675).abs() < 1e-9);
        assert!((st.ari() - -5.05).abs() < 1e-9);
    }

    #[test]
    fn initialisms_and_numbers_are_one_syllable_in_the_formulas() {
        // Flesch: "count abbreviations, figures, symbols and their
        // combinations as one-syllable words". RFC 1, APIs 1, 2025 1; NASA is
        // read as a word (na-sa 2). "The RFC and the APIs name NASA in
        // 2025": the 1, RFC 1, and 1,
        // the 1, APIs 1, name 1, NASA 2, in 1, 2025 1 = 10.
        let st = stats("The RFC and the APIs name NASA in 2025.");
        assert_eq!((st.words, st.syllables), (9, 10));
        assert!(is_initialism("RFC") && is_initialism("APIs"));
        assert!(!is_initialism("NASA") && !is_initialism("FREE") && !is_initialism("A"));
    }

    #[test]
    fn complex_words_follow_gunning() {
        // "Yesterday" starts the sentence (3 syllables, counts); "Microsoft"
        // is capitalised mid-sentence (a name, does not); "state-of-the-art"
        // is a compound; "creating" is 3 only through "-ing"; "beautiful"
        // and "opportunity" count. 2025 is a number: never polysyllabic,
        // one syllable.
        let st = stats(
            "Yesterday Microsoft shipped state-of-the-art creating beautiful opportunity in 2025.",
        );
        assert_eq!(st.words, 9);
        assert_eq!(st.polysyllables, 6);
        assert_eq!(st.complex_words, 3);
        // yesterday 3 + microsoft 3 + shipped 1 + state-of-the-art 4 +
        // creating 3 + beautiful 3 + opportunity 5 + in 1 = 23, + 2025 1.
        assert_eq!(st.syllables, 24);
        // Letters > 6: yesterday, microsoft, shipped, state-of-the-art (14),
        // creating, beautiful, opportunity = 7.
        assert_eq!(st.long_words, 7);
    }

    #[test]
    fn opaque_words_count_one_syllable() {
        // A hashtag among words is read as a word (one syllable); a mention
        // is an address, and a block of tags ending the sentence is not read
        // as part of it: neither counts.
        let text = "Thanks @alexandria_ocasio for #MondayMotivation then #rust #oss";
        let blocks = [Block {
            kind: BlockKind::Paragraph,
            span: Span::new(0, text.len()),
        }];
        let ents = ["@alexandria_ocasio", "#MondayMotivation", "#rust", "#oss"].map(|needle| {
            let start = text.find(needle).unwrap();
            crate::text::entities::Entity {
                kind: if needle.starts_with('@') {
                    crate::text::entities::EntityKind::Mention
                } else {
                    crate::text::entities::EntityKind::Hashtag
                },
                span: Span::new(start, start + needle.len()),
            }
        });
        let seg = Segmenter::english().segment(text, &blocks, &ents, &[], true);
        assert_eq!(seg.words.len(), 7);
        let st = TextStats::from_words(text, &seg);
        // Thanks 1 + for 1 + #MondayMotivation 1 + then 1.
        assert_eq!((st.words, st.syllables, st.polysyllables), (4, 4, 0));
        // Letters: Thanks 6 + for 3 + MondayMotivation 16 + then 4.
        assert_eq!(st.letters, 29);
        assert_eq!(st.sentences, 1);
    }

    #[test]
    fn unmeasured_sentences_and_words_do_not_count() {
        // A heading and a table cell are segmented (rules see their words)
        // but not measured; the paragraph alone is.
        let text = "Release notes\nWe fixed it.\nFast";
        let heading = text.find('\n').unwrap();
        let cell = text.rfind('\n').unwrap();
        let blocks = [
            Block {
                kind: BlockKind::Heading(1),
                span: Span::new(0, heading),
            },
            Block {
                kind: BlockKind::Paragraph,
                span: Span::new(heading + 1, cell),
            },
            Block {
                kind: BlockKind::TableCell,
                span: Span::new(cell + 1, text.len()),
            },
        ];
        let seg = Segmenter::english().segment(text, &blocks, &[], &[], false);
        assert_eq!((seg.words.len(), seg.sentences.len()), (6, 3));
        let st = TextStats::from_words(text, &seg);
        assert_eq!((st.words, st.sentences, st.syllables), (3, 1, 3));
        let para = &seg.sentences[1..2];
        assert_eq!(
            TextStats::from_parts(text, &seg.words[2..5], 2, para),
            st,
            "a part measures as the whole when the rest is not measured"
        );
    }

    #[test]
    fn empty_and_degenerate_stats_are_finite() {
        let cases = [
            TextStats::default(),
            TextStats {
                words: 3,
                sentences: 0,
                ..TextStats::default()
            },
            TextStats {
                sentences: 4,
                ..TextStats::default()
            },
            stats(""),
            stats("🚀🚀"),
        ];
        for st in cases {
            for v in [
                st.flesch_kincaid_grade(),
                st.flesch_reading_ease(),
                st.gunning_fog(),
                st.smog(),
                st.coleman_liau(),
                st.ari(),
            ] {
                assert!(v.is_finite(), "{st:?} gave {v}");
            }
        }
        assert_eq!(TextStats::default().flesch_reading_ease(), 0.0);
    }
}
