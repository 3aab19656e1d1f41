//! A post's language: the BCP-47 tag rules are selected by, and a guess at
//! it from the text for posts that do not say.
//!
//! Tags are kept to `language[-Script][-REGION]` (`en`, `en-GB`, `zh-Hant`,
//! `es-419`): that is all a rule ever needs to tell apart, and it keeps a tag
//! small enough to copy around instead of allocating one per post.
//! Detection is whatlang's, gated by thresholds and mapped to tags by
//! `rules/language/detection.toml`, so tuning it needs no Rust.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// Room for the longest tag the grammar allows (`yue-Hant-419`, 12 bytes),
/// with slack; anything longer is rejected before it is looked at.
const MAX_LEN: usize = 15;

/// The "how to fix it" every parse error ends with.
const HOW_TO_FIX: &str = "use a BCP-47 tag such as `en`, `en-GB`, `fi` or `de`";

/// A BCP-47 language tag, normalised (`en_gb` is stored as `en-GB`), so that
/// equal languages compare equal byte for byte.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct LangTag {
    /// ASCII, zero-padded past `len` so the derived `Eq`/`Hash` see only the
    /// tag.
    bytes: [u8; MAX_LEN],
    len: u8,
}

impl LangTag {
    /// The default when neither the post, the config nor detection says.
    pub const EN: LangTag = {
        let mut bytes = [0; MAX_LEN];
        bytes[0] = b'e';
        bytes[1] = b'n';
        LangTag { bytes, len: 2 }
    };

    /// Reads a tag as people write it (any case, `_` or `-`, surrounding
    /// whitespace) and normalises it: language lowercase, script Titlecase,
    /// region uppercase. The error says what is wrong and how to fix it.
    pub fn parse(s: &str) -> Result<LangTag, String> {
        let input = s.trim();
        if input.is_empty() {
            return Err(format!("the language tag is empty; {HOW_TO_FIX}"));
        }
        if input.len() > MAX_LEN {
            return Err(format!(
                "`{}` is not a language tag: it is {} bytes long, and a tag has \
                 at most {MAX_LEN}; {HOW_TO_FIX}",
                shorten(input),
                input.len(),
            ));
        }
        let fail = |why: String| {
            Err(format!(
                "`{input}` is not a language tag: {why}; {HOW_TO_FIX}"
            ))
        };

        let mut tag = LangTag {
            bytes: [0; MAX_LEN],
            len: 0,
        };
        let mut subtags = input.split(['-', '_']);
        let language = subtags.next().unwrap_or_default();
        if language.is_empty() {
            return fail("it has an empty part; remove the extra `-` or `_`".into());
        }
        let letters = language.bytes().all(|b| b.is_ascii_alphabetic());
        if letters && language.len() > 3 {
            return fail("write the 2- or 3-letter language code, not the language's name".into());
        }
        if !letters || language.len() < 2 {
            return fail(format!(
                "the language `{language}` must be 2 or 3 ASCII letters"
            ));
        }
        tag.push(language.bytes().map(|b| b.to_ascii_lowercase()));

        let (mut script, mut region) = (None, None);
        for subtag in subtags {
            let b = subtag.as_bytes();
            let alpha = b.iter().all(u8::is_ascii_alphabetic);
            if subtag.is_empty() {
                return fail("it has an empty part; remove the extra `-` or `_`".into());
            } else if b.len() == 4 && alpha {
                if let Some(region) = region {
                    return fail(format!(
                        "the script `{subtag}` must come before the region `{region}`"
                    ));
                }
                if let Some(script) = script {
                    return fail(format!(
                        "it has two scripts, `{script}` and `{subtag}`; keep one"
                    ));
                }
                script = Some(subtag);
                tag.push([b'-', b[0].to_ascii_uppercase()].into_iter());
                tag.push(b[1..].iter().map(u8::to_ascii_lowercase));
            } else if (b.len() == 2 && alpha) || (b.len() == 3 && b.iter().all(u8::is_ascii_digit))
            {
                if let Some(region) = region {
                    return fail(format!(
                        "it has two regions, `{region}` and `{subtag}`; keep one"
                    ));
                }
                region = Some(subtag);
                tag.push(std::iter::once(b'-'));
                tag.push(b.iter().map(u8::to_ascii_uppercase));
            } else {
                return fail(format!(
                    "`{subtag}` is neither a script (4 letters, e.g. `Hant`) nor a \
                     region (2 letters or 3 digits, e.g. `GB`, `419`); postlint \
                     takes language[-Script][-REGION], without variants or extensions"
                ));
            }
        }
        Ok(tag)
    }

    /// Appends ASCII bytes; `parse` has checked the total fits.
    fn push(&mut self, bytes: impl Iterator<Item = u8>) {
        for b in bytes {
            self.bytes[usize::from(self.len)] = b;
            self.len += 1;
        }
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored, so this never falls back.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The language alone (`en-GB` -> `en`), for data kept per language.
    pub fn primary(&self) -> &str {
        let s = self.as_str();
        s.split('-').next().unwrap_or(s)
    }

    /// The tag, then each shorter prefix (`zh-Hant-TW`, `zh-Hant`, `zh`): the
    /// order to look data up in, so `en-GB` uses `en` data where nothing is
    /// specific to it.
    pub fn fallbacks(&self) -> impl Iterator<Item = LangTag> {
        std::iter::successors(Some(*self), LangTag::parent)
    }

    /// The tag without its last subtag, if it has more than one.
    fn parent(&self) -> Option<LangTag> {
        let cut = self.as_str().rfind('-')?;
        let mut parent = *self;
        parent.bytes[cut..].fill(0);
        parent.len = u8::try_from(cut).ok()?;
        Some(parent)
    }

    /// Whether a rule declared for `wanted` applies to a post in `self`: a
    /// rule for `en` covers an `en-GB` post, but a rule for `en-GB` says
    /// nothing about a post that is only known to be `en`.
    pub fn is_covered_by(&self, wanted: &LangTag) -> bool {
        // Whole subtags only: `eng` is not covered by `en`.
        self.as_str()
            .strip_prefix(wanted.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
    }
}

/// A long input is quoted by its start only, so the message stays readable.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(20) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_owned(),
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LangTag({:?})", self.as_str())
    }
}

impl FromStr for LangTag {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LangTag::parse(s)
    }
}

impl serde::Serialize for LangTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// So config files and front matter can hold a tag directly, with
/// `parse`'s message as the error.
impl<'de> serde::Deserialize<'de> for LangTag {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = LangTag;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a language tag such as `en` or `en-GB`")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<LangTag, E> {
                LangTag::parse(s).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// The embedded detection data; see the file for why the thresholds are what
/// they are.
const DETECTION_TOML: &str = include_str!("../../rules/language/detection.toml");

/// whatlang is linear in its input, and a post's language shows in its first
/// few hundred words; capping the sample keeps a huge post as cheap to detect
/// as a normal one.
const MAX_SAMPLE_BYTES: usize = 2_000;

/// Guesses a post's language, but only when the guess can be trusted; the
/// caller falls back to the configured language, then `en`.
#[derive(Debug, Clone)]
pub struct Detector {
    min_words: usize,
    min_confidence: f64,
    tags: HashMap<whatlang::Lang, LangTag>,
    english: English,
}

/// The cheap first test: English function words (see detection.toml).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct English {
    min_share: f64,
    words: std::collections::HashSet<String>,
}

impl English {
    /// True when function words make up `min_share` of the sample's words.
    /// Lowercases into a stack buffer: no allocation per word.
    fn is_likely(&self, text: &str) -> bool {
        let (mut words, mut hits) = (0usize, 0usize);
        for word in text
            .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
        {
            words += 1;
            // Function words are short and ASCII: lowercase into a stack
            // buffer (’ as '), no allocation per word.
            let mut buf = [0u8; 8];
            let mut n = 0;
            let fits = word.chars().all(|c| {
                let c = if c == '’' { '\'' } else { c };
                let ok = c.is_ascii() && n < buf.len();
                if ok {
                    buf[n] = c.to_ascii_lowercase() as u8;
                    n += 1;
                }
                ok
            });
            if fits && std::str::from_utf8(&buf[..n]).is_ok_and(|w| self.words.contains(w)) {
                hits += 1;
            }
        }
        words > 0 && hits as f64 >= self.min_share * words as f64
    }
}

/// The shape of `rules/language/detection.toml`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DetectionFile {
    min_words: usize,
    min_confidence: f64,
    english: English,
    iso639_3: BTreeMap<String, String>,
}

impl Detector {
    /// The detector from the embedded data, read once.
    pub fn built_in() -> &'static Detector {
        static BUILT_IN: OnceLock<Detector> = OnceLock::new();
        BUILT_IN.get_or_init(|| {
            Detector::from_toml(DETECTION_TOML)
                .expect("the embedded rules/language/detection.toml is invalid")
        })
    }

    /// Reads detection data in the shape of `rules/language/detection.toml`,
    /// strictly: a typo in a key or a code must not silently turn detection
    /// off for a language.
    pub fn from_toml(src: &str) -> Result<Detector, String> {
        let file: DetectionFile =
            toml::from_str(src).map_err(|e| format!("language detection data: {e}"))?;
        if !(0.0..=1.0).contains(&file.min_confidence) {
            return Err(format!(
                "language detection data: `min_confidence` is {}; write a number \
                 from 0.0 to 1.0",
                file.min_confidence
            ));
        }
        let mut tags = HashMap::with_capacity(file.iso639_3.len());
        for (code, value) in &file.iso639_3 {
            let lang = whatlang::Lang::from_code(code.as_str())
                .filter(|lang| lang.code() == code)
                .ok_or_else(|| {
                    format!(
                        "language detection data: `{code}` in [iso639_3] is not a \
                         language whatlang detects; write whatlang's lowercase \
                         ISO 639-3 code, such as `eng`"
                    )
                })?;
            let tag = LangTag::parse(value)
                .map_err(|e| format!("language detection data: [iso639_3] {code}: {e}"))?;
            if tag.as_str() != value {
                return Err(format!(
                    "language detection data: [iso639_3] {code} = \"{value}\"; write \
                     it normalised, as \"{tag}\""
                ));
            }
            tags.insert(lang, tag);
        }
        Ok(Detector {
            min_words: file.min_words,
            min_confidence: file.min_confidence,
            tags,
            english: file.english,
        })
    }

    /// Posts with fewer words are never guessed at; for telling the user why
    /// a post's language was not detected.
    pub fn min_words(&self) -> usize {
        self.min_words
    }

    pub fn min_confidence(&self) -> f64 {
        self.min_confidence
    }

    /// The post's language, or `None` when the post is too short, whatlang is
    /// unsure, or it names a language the data does not map. `words` is the
    /// post's word count, which the caller has already taken.
    pub fn detect(&self, text: &str, words: usize) -> Option<LangTag> {
        if words < self.min_words {
            return None;
        }
        let sample = sample(text);
        if self.english.is_likely(sample) {
            return Some(LangTag::EN);
        }
        let info = whatlang::detect(sample)?;
        if !info.is_reliable() || info.confidence() < self.min_confidence {
            return None;
        }
        self.tags.get(&info.lang()).copied()
    }
}

/// The start of `text` that detection looks at, cut at a char boundary.
fn sample(text: &str) -> &str {
    &text[..text.floor_char_boundary(MAX_SAMPLE_BYTES)]
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "We spent the last six months rebuilding our billing system \
        from scratch. The old one had grown over eight years and nobody on the team \
        understood all of it any more. Invoices were sometimes sent twice, refunds took \
        days, and every change needed three people to review it. The new system is \
        smaller, it is tested, and it runs in a fraction of the time.";
    const FINNISH: &str = "Olemme viimeiset kuusi kuukautta rakentaneet \
        laskutusjärjestelmämme kokonaan uudelleen. Vanha järjestelmä oli kasvanut \
        kahdeksan vuoden ajan, eikä kukaan tiimissä enää ymmärtänyt sitä kokonaan. \
        Laskuja lähti joskus kahdesti, hyvitykset kestivät päiviä ja jokainen muutos \
        vaati kolmen ihmisen tarkistuksen.";
    const GERMAN: &str = "Wir haben in den letzten sechs Monaten unser \
        Abrechnungssystem von Grund auf neu gebaut. Das alte System war über acht Jahre \
        gewachsen, und niemand im Team hat es noch ganz verstanden. Rechnungen wurden \
        manchmal doppelt verschickt, Erstattungen dauerten Tage, und jede Änderung \
        musste von drei Leuten geprüft werden.";

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap()
    }

    fn words(text: &str) -> usize {
        text.split_whitespace().count()
    }

    #[test]
    fn parse_normalises() {
        for (input, want) in [
            ("en", "en"),
            ("EN", "en"),
            ("fi", "fi"),
            ("de", "de"),
            ("yue", "yue"),
            ("en-GB", "en-GB"),
            ("en-gb", "en-GB"),
            ("en_gb", "en-GB"),
            ("EN_GB", "en-GB"),
            ("pt-br", "pt-BR"),
            ("zh-Hant", "zh-Hant"),
            ("zh-hant", "zh-Hant"),
            ("ZH-HANT", "zh-Hant"),
            ("zh_hant_tw", "zh-Hant-TW"),
            ("sr-latn", "sr-Latn"),
            ("es-419", "es-419"),
            ("yue-Hant-419", "yue-Hant-419"),
            ("  fi \n", "fi"),
        ] {
            let got = LangTag::parse(input);
            assert_eq!(got.as_ref().map(LangTag::as_str), Ok(want), "{input:?}");
            assert_eq!(got.unwrap().to_string(), want, "{input:?}");
        }
    }

    #[test]
    fn parse_rejects_with_a_fix() {
        for (input, says) in [
            ("", "the language tag is empty"),
            ("   ", "the language tag is empty"),
            (
                "english",
                "`english` is not a language tag: write the 2- or 3-letter",
            ),
            ("English-GB", "not the language's name"),
            ("e", "the language `e` must be 2 or 3 ASCII letters"),
            ("1en", "the language `1en` must be 2 or 3 ASCII letters"),
            ("e1", "the language `e1` must be 2 or 3 ASCII letters"),
            ("én", "the language `én` must be 2 or 3 ASCII letters"),
            ("en GB", "the language `en GB` must be"),
            ("en-", "`en-` is not a language tag: it has an empty part"),
            ("-en", "it has an empty part"),
            ("en--GB", "it has an empty part"),
            ("en-G", "`G` is neither a script"),
            ("en-GBR", "`GBR` is neither a script"),
            ("en-12", "`12` is neither a script"),
            ("zh-yue", "`yue` is neither a script"),
            ("de-CH-1901", "`1901` is neither a script"),
            ("en-x-priv", "`x` is neither a script"),
            (
                "en-GB-Latn",
                "the script `Latn` must come before the region `GB`",
            ),
            ("zh-Hant-Hans", "it has two scripts, `Hant` and `Hans`"),
            ("en-GB-US", "it has two regions, `GB` and `US`"),
            (
                "en-GB-aaaaaaaaaaaa",
                "it is 18 bytes long, and a tag has at most 15",
            ),
            (
                "a-very-long-thing-indeed-more-than-twenty",
                "`a-very-long-thing-in…` is not a language tag",
            ),
        ] {
            let err = LangTag::parse(input).expect_err(input);
            assert!(err.contains(says), "{input:?}: {err}");
            assert!(err.ends_with(HOW_TO_FIX), "{input:?}: {err}");
        }
    }

    #[test]
    fn small_copyable_and_shown_normalised() {
        assert_eq!(std::mem::size_of::<LangTag>(), 16);
        assert_eq!(LangTag::EN, tag("EN"));
        assert_eq!(LangTag::EN.as_str(), "en");
        assert_eq!(tag("en_gb").primary(), "en");
        assert_eq!(tag("zh-Hant-TW").primary(), "zh");
        assert_eq!(tag("fi").primary(), "fi");
        assert_eq!(format!("{:?}", tag("en-gb")), r#"LangTag("en-GB")"#);
        assert_eq!("pt_br".parse::<LangTag>(), Ok(tag("pt-BR")));
    }

    #[test]
    fn serde_as_a_string() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Post {
            lang: LangTag,
        }
        let post = Post { lang: tag("en_gb") };
        assert_eq!(toml::to_string(&post).unwrap(), "lang = \"en-GB\"\n");
        assert_eq!(
            toml::from_str::<Post>("lang = \"zh-hant\"").unwrap().lang,
            tag("zh-Hant")
        );
        let err = toml::from_str::<Post>("lang = \"english\"").unwrap_err();
        assert!(
            err.to_string().contains("`english` is not a language tag"),
            "{err}"
        );
    }

    #[test]
    fn fallbacks_shorten_one_subtag_at_a_time() {
        let all = |s: &str| {
            tag(s)
                .fallbacks()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(all("zh-Hant-TW"), ["zh-Hant-TW", "zh-Hant", "zh"]);
        assert_eq!(all("en-GB"), ["en-GB", "en"]);
        assert_eq!(all("en"), ["en"]);
        // A shortened tag equals the same tag parsed, padding and all.
        assert_eq!(tag("es-419").fallbacks().nth(1), Some(tag("es")));
    }

    #[test]
    fn covered_by_a_rule_for_the_tag_or_a_prefix() {
        for (post, rule, covered) in [
            ("en-GB", "en", true),
            ("en", "en-GB", false),
            ("en", "en", true),
            ("en-GB", "en-GB", true),
            ("en-GB", "en-US", false),
            ("zh-Hant-TW", "zh-Hant", true),
            ("zh-Hant-TW", "zh", true),
            ("zh-TW", "zh-Hant", false),
            ("eng", "en", false),
            ("fi", "en", false),
        ] {
            assert_eq!(
                tag(post).is_covered_by(&tag(rule)),
                covered,
                "{post} by {rule}"
            );
        }
    }

    #[test]
    fn built_in_data_loads() {
        let d = Detector::built_in();
        assert_eq!(d.min_words(), 12);
        assert!(
            d.min_confidence() >= 0.9,
            "below whatlang's own reliability bar"
        );
    }

    #[test]
    fn every_whatlang_language_maps_to_a_primary_tag() {
        let d = Detector::built_in();
        for lang in whatlang::Lang::all() {
            let tag = d.tags.get(lang);
            assert!(
                tag.is_some(),
                "no mapping for `{}` ({})",
                lang.code(),
                lang.eng_name()
            );
            let tag = tag.unwrap();
            assert_eq!(
                tag.primary(),
                tag.as_str(),
                "{} maps to more than a language",
                lang.code()
            );
        }
        assert_eq!(d.tags.len(), whatlang::Lang::all().len());
        for (code, want) in [
            ("eng", "en"),
            ("fin", "fi"),
            ("deu", "de"),
            ("fra", "fr"),
            ("spa", "es"),
            ("por", "pt"),
            ("nld", "nl"),
            ("swe", "sv"),
            ("jpn", "ja"),
            ("cmn", "zh"),
            ("rus", "ru"),
            ("pes", "fa"),
            ("nob", "nb"),
        ] {
            let lang = whatlang::Lang::from_code(code).unwrap();
            assert_eq!(d.tags[&lang].as_str(), want, "{code}");
        }
    }

    #[test]
    fn detects_real_paragraphs() {
        let d = Detector::built_in();
        for (text, want) in [(ENGLISH, "en"), (FINNISH, "fi"), (GERMAN, "de")] {
            assert_eq!(d.detect(text, words(text)), Some(tag(want)), "{text}");
        }
    }

    #[test]
    fn short_posts_are_not_guessed() {
        let d = Detector::built_in();
        // whatlang alone calls this Finnish, reliably; four words are still
        // too few to bet the post's rules on.
        let post = "Tänään Slushissa, tavataan osastolla";
        assert_eq!(words(post), 4);
        assert!(whatlang::detect(post).is_some_and(|i| i.is_reliable()));
        assert_eq!(d.detect(post, words(post)), None);
        assert_eq!(d.detect("Thanks for coming, everyone!", 4), None);
        // The count is the caller's: a long text it calls short is not guessed.
        assert_eq!(d.detect(ENGLISH, 11), None);
    }

    #[test]
    fn unsure_guesses_are_dropped() {
        // Two languages mixed: whatlang answers, but not reliably.
        let post = "Das ist ein great Feature, aber the docs are still missing, \
            leider noch nicht fertig, sorry everyone";
        assert!(whatlang::detect(post).is_some_and(|i| !i.is_reliable()));
        let whatlang_only =
            Detector::from_toml(&DETECTION_TOML.replace("min_share = 0.1", "min_share = 1.1"))
                .unwrap();
        assert_eq!(whatlang_only.detect(post, 100), None);
        // With English function words in it, it is taken as English.
        assert_eq!(Detector::built_in().detect(post, 100), Some(LangTag::EN));
    }

    #[test]
    fn english_is_recognised_by_its_function_words() {
        let d = Detector::built_in();
        assert!(d.english.is_likely(ENGLISH));
        assert!(
            d.english
                .is_likely("It’s here: the new release of our app, with more than you asked for.")
        );
        assert!(!d.english.is_likely(FINNISH));
        assert!(!d.english.is_likely(
            "Wir haben das alte System in sechs Monaten neu gebaut, und es ist schneller."
        ));
        assert!(!d.english.is_likely(""));
    }

    #[test]
    fn a_huge_post_is_sampled_at_a_char_boundary() {
        assert_eq!(sample(&"ä".repeat(5_000)).len(), 2_000);
        assert_eq!(sample(&format!("x{}", "ä".repeat(5_000))).len(), 1_999);
        assert_eq!(sample("short"), "short");
        let huge = format!("x{}", FINNISH.repeat(2_000));
        assert_eq!(
            Detector::built_in().detect(&huge, words(&huge)),
            Some(tag("fi"))
        );
    }

    #[test]
    fn detection_data_is_read_strictly() {
        let with = |body: &str| {
            Detector::from_toml(&format!(
                "min_words = 12\nmin_confidence = 0.9\n[english]\nmin_share = 1.1\nwords = []\n{body}"
            ))
        };
        let ok = with("[iso639_3]\neng = \"en\"\n").unwrap();
        assert_eq!(ok.detect(ENGLISH, 100), Some(LangTag::EN));
        assert_eq!(
            ok.detect(FINNISH, 100),
            None,
            "unmapped languages are not guessed"
        );
        for (body, says) in [
            ("typo = 1\n[iso639_3]\n", "unknown field `typo`"),
            (
                "[iso639_3]\nxyz = \"en\"\n",
                "`xyz` in [iso639_3] is not a language whatlang detects",
            ),
            ("[iso639_3]\nENG = \"en\"\n", "`ENG` in [iso639_3]"),
            (
                "[iso639_3]\neng = \"english\"\n",
                "[iso639_3] eng: `english` is not a language tag",
            ),
            (
                "[iso639_3]\neng = \"EN\"\n",
                "write it normalised, as \"en\"",
            ),
        ] {
            let err = with(body).unwrap_err();
            assert!(err.contains(says), "{body:?}: {err}");
        }
        let err =
            Detector::from_toml("min_words = 12\nmin_confidence = 1.5\n[english]\nmin_share = 0.1\nwords = []\n[iso639_3]\n").unwrap_err();
        assert!(err.contains("`min_confidence` is 1.5"), "{err}");
        let err = Detector::from_toml("min_words = 12\n[iso639_3]\n").unwrap_err();
        assert!(err.contains("missing field `min_confidence`"), "{err}");
    }
}
