//! A post's reading level in its own language: which formula measures it
//! (`rules/language/readability.toml`), the value, and what an audience's
//! target grade is on that formula's scale.
//!
//! English formulas are for English only: a Finnish post measured with
//! Flesch-Kincaid gets a grade of 20 for its long compound words. Languages
//! with a validated formula of their own use it; every other language uses
//! LIX. Targets stay US school grades everywhere (an audience is "grade 9"),
//! mapped onto reading ease and LIX by the published band tables, so a team
//! sets one number per audience.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::text::lang::LangTag;
use crate::text::readability::TextStats;
use crate::text::segment::{Word, WordKind};

const READABILITY_TOML: &str = include_str!("../../rules/language/readability.toml");

/// How a formula turns counts into a value.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    FleschKincaid,
    WienerSachtextformel,
    ReadingEase,
    Lix,
}

/// The constants of a Flesch-style reading ease formula.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ease {
    pub base: f64,
    pub sentence_length: f64,
    pub syllables_per_word: f64,
}

/// How syllables are heard in a language: the vowel groups of its
/// spelling, split where the language reads two vowels apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syllables {
    English,
    German,
    /// Two strong vowels (a, e, o, or an accented i/u) are two syllables.
    Spanish,
    Italian,
    /// Silent final e; é before a vowel and a diaeresis start a syllable.
    French,
    /// A diaeresis starts a syllable ("ideeën").
    Dutch,
    Other,
}

impl Syllables {
    fn of(language: &str) -> Self {
        match language {
            "en" => Self::English,
            "de" => Self::German,
            "es" => Self::Spanish,
            "it" => Self::Italian,
            "fr" => Self::French,
            "nl" => Self::Dutch,
            _ => Self::Other,
        }
    }
}

/// A formula as configured for a language.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub kind: Kind,
    /// Shown in reports: "Flesch-Kincaid grade", "LIX".
    pub name: String,
    ease: Option<Ease>,
    syllables: Syllables,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FormulaSpec {
    formula: Kind,
    name: String,
    ease: Option<Ease>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    default: FormulaSpec,
    language: HashMap<String, FormulaSpec>,
    equivalents: Equivalents,
    grading: Grading,
    sentences: SentenceGrades,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Equivalents {
    #[serde(rename = "reading-ease")]
    reading_ease: Vec<[f64; 2]>,
    lix: Vec<[f64; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Grading {
    min_words: usize,
}

/// How far past an audience's grade a sentence is hard, and very hard.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceGrades {
    pub hard_above: f64,
    pub very_hard_above: f64,
}

struct Table {
    default: Formula,
    by_language: HashMap<String, Formula>,
    ease_points: Vec<[f64; 2]>,
    lix_points: Vec<[f64; 2]>,
    min_words: usize,
    sentences: SentenceGrades,
}

fn formula(language: &str, spec: FormulaSpec) -> Result<Formula, String> {
    if (spec.formula == Kind::ReadingEase) != spec.ease.is_some() {
        return Err(format!(
            "`{language}`: `ease = {{ ... }}` goes with `formula = \"reading-ease\"`, and only with it"
        ));
    }
    Ok(Formula {
        kind: spec.formula,
        name: spec.name,
        ease: spec.ease,
        syllables: Syllables::of(language),
    })
}

fn points(name: &str, points: Vec<[f64; 2]>) -> Result<Vec<[f64; 2]>, String> {
    let rising = points.windows(2).all(|w| w[0][0] < w[1][0]);
    if points.len() < 2 || !rising {
        return Err(format!(
            "`equivalents.{name}` needs two or more [grade, value] points, grades rising"
        ));
    }
    Ok(points)
}

fn load(text: &str) -> Result<Table, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut by_language = HashMap::new();
    for (language, spec) in file.language {
        let f = formula(&language, spec)?;
        by_language.insert(language, f);
    }
    Ok(Table {
        default: formula("*", file.default)?,
        by_language,
        ease_points: points("reading-ease", file.equivalents.reading_ease)?,
        lix_points: points("lix", file.equivalents.lix)?,
        min_words: file.grading.min_words,
        sentences: file.sentences,
    })
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    load(READABILITY_TOML).expect("rules/language/readability.toml loads (checked by tests)")
});

/// Words a unit needs before a reading formula says anything about it.
pub fn min_words() -> usize {
    TABLE.min_words
}

pub fn sentence_grades() -> SentenceGrades {
    TABLE.sentences
}

impl Formula {
    /// The formula for a post in `lang` (by its language subtag).
    pub fn for_lang(lang: LangTag) -> &'static Formula {
        TABLE
            .by_language
            .get(lang.primary())
            .unwrap_or(&TABLE.default)
    }

    /// Whether a higher value means harder text (grades, LIX) rather than
    /// easier (reading ease).
    pub fn higher_is_harder(&self) -> bool {
        self.kind != Kind::ReadingEase
    }

    /// What an audience reading at school grade `grade` reads at on this
    /// formula's scale.
    pub fn target(&self, grade: f64) -> f64 {
        match self.kind {
            Kind::FleschKincaid | Kind::WienerSachtextformel => grade,
            Kind::ReadingEase => along(&TABLE.ease_points, grade).clamp(0.0, 121.22),
            Kind::Lix => along(&TABLE.lix_points, grade).max(0.0),
        }
    }

    /// The value for a unit of text: `stats` are its English counts
    /// (words, sentences, long words are the same in every language), and
    /// `words` its words in `text`, recounted for syllables when the
    /// language is not English.
    pub fn value(&self, stats: &TextStats, text: &str, words: &[Word]) -> f64 {
        if stats.words == 0 {
            return 0.0;
        }
        let counts = || {
            if self.syllables == Syllables::English {
                Counts {
                    syllables: stats.syllables,
                    polysyllables: stats.polysyllables,
                    monosyllables: stats.monosyllables,
                }
            } else {
                Counts::of(self.syllables, text, words)
            }
        };
        let words_n = stats.words as f64;
        let per_sentence = words_n / stats.sentences.max(1) as f64;
        match self.kind {
            Kind::FleschKincaid => stats.flesch_kincaid_grade(),
            Kind::Lix => stats.lix(),
            Kind::ReadingEase => {
                let e = self.ease.expect("checked when loaded");
                let c = counts();
                e.base
                    - e.sentence_length * per_sentence
                    - e.syllables_per_word * c.syllables as f64 / words_n
            }
            Kind::WienerSachtextformel => {
                let c = counts();
                let share = |n: usize| 100.0 * n as f64 / words_n;
                0.1935 * share(c.polysyllables)
                    + 0.1672 * per_sentence
                    + 0.1297 * share(stats.long_words)
                    - 0.0327 * share(c.monosyllables)
                    - 0.875
            }
        }
    }
}

/// The value at `x` on the line through `points` (sorted by x), extended
/// beyond the ends.
fn along(points: &[[f64; 2]], x: f64) -> f64 {
    let i = points
        .windows(2)
        .position(|w| x <= w[1][0])
        .unwrap_or(points.len() - 2);
    let ([x0, y0], [x1, y1]) = (points[i], points[i + 1]);
    y0 + (y1 - y0) * (x - x0) / (x1 - x0)
}

/// Syllable counts of a unit in one language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    syllables: usize,
    polysyllables: usize,
    monosyllables: usize,
}

impl Counts {
    /// Words count as [`TextStats`] counts them: only measured words (not
    /// mentions, tag blocks, headings); of those only `Word`s have their
    /// syllables heard, and numbers, names and tags are one syllable each,
    /// neither short nor long words.
    fn of(rule: Syllables, text: &str, words: &[Word]) -> Counts {
        let mut c = Counts::default();
        for word in words.iter().filter(|w| w.measured) {
            let Some(t) = text.get(word.span.range()) else {
                continue;
            };
            if word.kind != WordKind::Word {
                c.syllables += 1;
                continue;
            }
            let n = syllables_in(rule, t);
            c.syllables += n;
            c.polysyllables += usize::from(n >= 3);
            c.monosyllables += usize::from(n == 1);
        }
        c
    }
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'à'..='æ'
            | 'è'..='ï'
            | 'ò'..='ö'
            | 'ø'..='ü'
            | 'ý'
            | 'ÿ'
            | 'œ'
    )
}

/// a, e, o and accented vowels: two of them side by side are two syllables
/// in Spanish and Italian; an unaccented i or u glides into its neighbour.
fn is_strong(c: char) -> bool {
    !matches!(c, 'i' | 'u' | 'ü' | 'y')
}

/// Syllables of one word as read in a language other than English: vowel
/// groups, split where the language reads two vowels apart. At least 1 for
/// a word with a letter or digit.
fn syllables_in(rule: Syllables, word: &str) -> usize {
    if rule == Syllables::English {
        return crate::text::syllables::syllables(word);
    }
    let mut count = 0;
    let mut prev: Option<char> = None;
    let mut in_group = 0;
    let mut any = false;
    for c in word.chars().flat_map(char::to_lowercase) {
        any |= c.is_alphanumeric();
        if !is_vowel(c) {
            prev = None;
            in_group = 0;
            continue;
        }
        let apart = prev.is_some_and(|p| match rule {
            Syllables::Spanish | Syllables::Italian => is_strong(p) && is_strong(c),
            // "Situation", "Video"; a vowel after a diphthong ("neue",
            // "bauen", "Feier") starts its own syllable.
            Syllables::German => {
                matches!((p, c), ('e', 'o') | ('i', 'o') | ('u', 'a')) || in_group >= 2
            }
            Syllables::French => p == 'é' || matches!(c, 'ë' | 'ï'),
            Syllables::Dutch => matches!(c, 'ë' | 'ï' | 'ö' | 'ü'),
            Syllables::English | Syllables::Other => false,
        });
        if prev.is_none() || apart {
            count += 1;
            in_group = 0;
        }
        in_group += 1;
        prev = Some(c);
    }
    // French: a final unaccented e (or "es") after a consonant is silent
    // ("table", "tables"), unless it is the only vowel ("le", "les").
    if rule == Syllables::French && count > 1 {
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        let stem = lower.strip_suffix('s').unwrap_or(&lower);
        if let Some(before) = stem.strip_suffix('e')
            && before
                .chars()
                .last()
                .is_some_and(|b| !is_vowel(b) && b.is_alphabetic())
        {
            count -= 1;
        }
    }
    if count == 0 && any { 1 } else { count }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap()
    }

    #[test]
    fn the_table_loads_and_every_formula_is_whole() {
        let t = load(READABILITY_TOML).unwrap();
        assert!(t.by_language.len() >= 5);
        assert_eq!(t.default.kind, Kind::Lix);
        assert_eq!(t.min_words, 30);
    }

    #[test]
    fn each_language_gets_its_own_formula() {
        assert_eq!(Formula::for_lang(tag("en")).kind, Kind::FleschKincaid);
        assert_eq!(Formula::for_lang(tag("en-GB")).kind, Kind::FleschKincaid);
        assert_eq!(
            Formula::for_lang(tag("de-AT")).kind,
            Kind::WienerSachtextformel
        );
        assert_eq!(
            Formula::for_lang(tag("es")).name,
            "Fernández-Huerta reading ease"
        );
        assert_eq!(
            Formula::for_lang(tag("fr")).name,
            "Kandel-Moles reading ease"
        );
        assert_eq!(
            Formula::for_lang(tag("nl")).name,
            "Flesch-Douma reading ease"
        );
        assert_eq!(Formula::for_lang(tag("fi")).kind, Kind::Lix);
        assert_eq!(Formula::for_lang(tag("sv")).kind, Kind::Lix);
    }

    #[test]
    fn bad_tables_are_refused_with_the_key() {
        let bad = READABILITY_TOML.replace("ease = { base = 206.84", "easy = { base = 206.84");
        assert!(load(&bad).is_err());
        let bad = READABILITY_TOML.replace("lix = [[5, 25], [7, 30]", "lix = [[7, 25], [5, 30]");
        assert!(load(&bad).err().unwrap().contains("equivalents.lix"));
    }

    #[test]
    fn grade_targets_map_onto_the_published_bands() {
        let ease = Formula::for_lang(tag("es"));
        // Flesch's table: grade 5 reads 90-100, 8th-9th 60-70, college 30-50.
        assert_eq!(ease.target(5.0), 90.0);
        assert_eq!(ease.target(9.0), 60.0);
        assert!((ease.target(11.0) - 53.333).abs() < 0.01); // 60 - 10 * 2/3
        assert_eq!(ease.target(14.0), 40.0);
        assert_eq!(ease.target(4.0), 100.0); // the first line, extended
        let lix = Formula::for_lang(tag("fi"));
        assert_eq!(lix.target(9.0), 40.0);
        assert_eq!(lix.target(12.0), 50.0);
        assert_eq!(lix.target(14.0), 55.0);
        assert_eq!(lix.target(20.0), 70.0);
        assert_eq!(Formula::for_lang(tag("en")).target(9.0), 9.0);
        assert!(!ease.higher_is_harder());
        assert!(lix.higher_is_harder());
    }

    fn stats(words: usize, sentences: usize, syllables: usize, long_words: usize) -> TextStats {
        TextStats {
            words,
            sentences,
            syllables,
            long_words,
            ..TextStats::default()
        }
    }

    #[test]
    fn formulas_match_hand_computed_values() {
        // 100 words, 5 sentences, 20 words over six letters: LIX 20 + 20 = 40.
        let st = stats(100, 5, 150, 20);
        assert!((Formula::for_lang(tag("sv")).value(&st, "", &[]) - 40.0).abs() < 1e-9);
        // Flesch-Kincaid: 0.39 * 20 + 11.8 * 1.5 - 15.59 = 9.91.
        assert!((Formula::for_lang(tag("en")).value(&st, "", &[]) - 9.91).abs() < 1e-9);
        // Wiener Sachtextformel on "Das ist ein Haus. Wir sehen heute
        // zusammen einen Kinofilm." by hand: 10 words, 2 sentences; three
        // or more syllables: zu-sam-men, Ki-no-film (20%); one syllable:
        // Das, ist, ein, Haus, Wir (50%); over six letters: zusammen,
        // Kinofilm (20%). 0.1935 * 20 + 0.1672 * 5 + 0.1297 * 20 - 0.0327 *
        // 50 - 0.875 = 3.87 + 0.836 + 2.594 - 1.635 - 0.875 = 4.79.
        let de = "Das ist ein Haus. Wir sehen heute zusammen einen Kinofilm.";
        let (st, words) = english_counts(de);
        assert_eq!((st.words, st.sentences, st.long_words), (10, 2, 2));
        let v = Formula::for_lang(tag("de")).value(&st, de, &words);
        assert!((v - 4.79).abs() < 1e-9, "{v}");
        // Fernández-Huerta on "El perro come. La casa es grande." by hand:
        // 7 words, 2 sentences, syllables el 1 pe-rro 2 co-me 2 la 1 ca-sa 2
        // es 1 gran-de 2 = 11. 206.84 - 1.02 * 3.5 - 60 * 11/7 = 108.986.
        let es = "El perro come. La casa es grande.";
        let (st, words) = english_counts(es);
        let v = Formula::for_lang(tag("es")).value(&st, es, &words);
        assert!((v - 108.9843).abs() < 1e-4, "{v}"); // 206.84 - 3.57 - 94.2857
    }

    fn english_counts(text: &str) -> (TextStats, Vec<Word>) {
        use crate::input::document::{Block, BlockKind};
        let blocks = [Block {
            kind: BlockKind::Paragraph,
            span: crate::span::Span::new(0, text.len()),
        }];
        let seg =
            crate::text::segment::Segmenter::english().segment(text, &blocks, &[], &[], false);
        (TextStats::from_words(text, &seg), seg.words)
    }

    #[test]
    fn syllables_in_other_languages_by_hand() {
        let cases: &[(Syllables, &str, usize)] = &[
            (Syllables::German, "Haus", 1),
            (Syllables::German, "heute", 2),
            (Syllables::German, "zusammen", 3),
            (Syllables::German, "Team", 1),
            (Syllables::German, "neue", 2),
            (Syllables::German, "bauen", 2),
            (Syllables::German, "Kolleginnen", 4),
            (Syllables::German, "Arbeitsplatz", 3),
            (Syllables::German, "Situation", 5),
            (Syllables::German, "Bäckerei", 3),
            (Syllables::German, "Straße", 2),
            (Syllables::Spanish, "perro", 2),
            (Syllables::Spanish, "poeta", 3),
            (Syllables::Spanish, "ciudad", 2),
            (Syllables::Spanish, "día", 2),
            (Syllables::Spanish, "reúne", 3),
            (Syllables::Spanish, "aeropuerto", 5),
            (Syllables::French, "table", 1),
            (Syllables::French, "tables", 1),
            (Syllables::French, "le", 1),
            (Syllables::French, "réalité", 4),
            (Syllables::French, "naïf", 2),
            (Syllables::French, "beaucoup", 2),
            (Syllables::Dutch, "ideeën", 3),
            (Syllables::Dutch, "huis", 1),
            (Syllables::Dutch, "vergaderen", 4),
            (Syllables::Other, "2025", 1),
            (Syllables::Other, "", 0),
        ];
        for &(rule, word, expected) in cases {
            assert_eq!(syllables_in(rule, word), expected, "{word} ({rule:?})");
        }
    }
}
