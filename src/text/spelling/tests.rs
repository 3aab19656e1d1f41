use super::word::{Casing, is_number};
use super::*;

fn us() -> &'static Dictionary {
    Dictionary::en_us()
}

fn gb() -> &'static Dictionary {
    Dictionary::en_gb()
}

fn words(s: &[Suggestion]) -> Vec<&str> {
    s.iter().map(|s| s.word.as_str()).collect()
}

fn best(d: &Dictionary, word: &str) -> Option<Suggestion> {
    d.suggest(word, 5).into_iter().next()
}

// --- the embedded data ---------------------------------------------------

/// The README's counts table, written by regenerate.sh: (file, keys).
fn readme_keys() -> Vec<(String, usize)> {
    let readme = include_str!("../../../rules/dictionaries/README.md");
    let table = readme
        .split("<!-- counts:")
        .nth(1)
        .and_then(|rest| rest.split("<!-- /counts -->").next())
        .expect("the README has the counts block");
    table
        .lines()
        .filter(|l| l.starts_with("| `en_"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let keys = cells[4].parse().expect("keys column is a number");
            (cells[1].trim_matches('`').to_owned(), keys)
        })
        .collect()
}

#[test]
fn committed_fsts_match_the_counts_the_script_recorded() {
    let recorded = readme_keys();
    assert_eq!(
        recorded.len(),
        2,
        "README counts table has both dictionaries"
    );
    for (file, keys) in recorded {
        let d = if file == "en_US.fst" { us() } else { gb() };
        assert_eq!(
            d.keys(),
            keys,
            "{file}: run scripts/dictionaries/regenerate.sh"
        );
    }
}

#[test]
fn fsts_are_valid_and_small() {
    for bytes in [EN_US_FST, EN_GB_FST] {
        let fst = fst::raw::Fst::new(bytes).expect("valid fst");
        fst.verify().expect("checksum matches");
        assert!(bytes.len() < 2_000_000, "keep each file well under 5 MB");
    }
}

#[test]
fn every_supplement_word_is_in_its_dictionaries() {
    let supplement = include_str!("../../../rules/dictionaries/supplement.txt");
    let (mut section, mut n) = ("all", 0);
    for line in supplement.lines() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = entry.strip_prefix('[') {
            section = name.trim_end_matches(']');
            continue;
        }
        let root = entry.split('/').next().unwrap_or("");
        if root.is_empty() {
            continue;
        }
        n += 1;
        let dictionaries: &[&Dictionary] = match section {
            "all" => &[us(), gb()],
            "en_US" => &[us()],
            "en_GB" => &[gb()],
            other => panic!("unknown section {other}"),
        };
        for d in dictionaries {
            assert!(
                d.contains(root),
                "{root} in {}: run scripts/dictionaries/regenerate.sh",
                d.name()
            );
        }
    }
    assert!(n >= 300, "the supplement has {n} words");
}

#[test]
fn supplement_words_are_marked_as_such() {
    let flags = |w: &str| us().words.get(w).unwrap_or(0);
    assert_ne!(flags("livestream") & bits::SUPPLEMENT, 0);
    assert_ne!(flags("kubernetes") & bits::SUPPLEMENT, 0);
    assert_eq!(flags("receive") & bits::SUPPLEMENT, 0);
}

#[test]
fn misspellings_table_is_sorted_and_well_formed() {
    let mut previous = "";
    let mut n = 0;
    for (typo, entry) in misspellings::rows() {
        let fix = entry.fix;
        assert!(previous < typo, "sorted by bytes: {previous} then {typo}");
        assert!(
            !fix.is_empty() && !fix.contains(['\t', ',']),
            "one fix for {typo}"
        );
        assert!(
            !us().contains(typo) || !gb().contains(typo) || typo.contains('\''),
            "{typo} is a word"
        );
        previous = typo;
        n += 1;
    }
    assert!(n > 50_000, "{n} rows");
}

#[test]
fn misspellings_lookup_finds_first_middle_and_last_rows() {
    let rows: Vec<_> = misspellings::rows().collect();
    for (typo, entry) in [rows[0], rows[rows.len() / 2], rows[rows.len() - 1]] {
        assert_eq!(misspellings::lookup(typo.as_bytes()), Some(entry));
    }
    assert_eq!(misspellings::lookup(b"teh").map(|e| e.fix), Some("the"));
    assert_eq!(misspellings::lookup(b"receive"), None);
    assert_eq!(misspellings::lookup(b""), None);
    assert_eq!(misspellings::lookup(b"zzzzzzzz"), None);
}

// --- lookups ----------------------------------------------------------------

#[test]
fn inflected_forms_are_present() {
    for w in [
        "receive",
        "received",
        "receives",
        "receiving",
        "receiver",
        "recipient",
        "recipients",
        "recipient's",
        "recipients'",
        "unhappy",
        "happiness",
        "happier",
        "happiest",
        "unhappily",
        "children's",
    ] {
        assert!(us().contains(w), "{w}");
    }
}

#[test]
fn non_words_are_absent() {
    for w in [
        "recieve",
        "teh",
        "definately",
        "asdfgh",
        "receiveing",
        "happyness",
        "x-y-zzq",
    ] {
        assert!(!us().contains(w), "{w}");
    }
    assert!(!us().contains(""));
    assert!(!us().contains("'"));
    assert!(!us().contains("-"));
}

#[test]
fn lowercase_words_match_title_and_upper_case() {
    for w in ["receive", "Receive", "RECEIVE", "don't", "Don't", "DON'T"] {
        assert!(us().contains(w), "{w}");
    }
}

#[test]
fn mixed_case_typing_is_not_a_word() {
    assert!(!us().contains("rECEIVE"));
    assert!(!us().contains("ReCeive"));
}

#[test]
fn capitalised_words_match_themselves_and_all_caps_only() {
    assert!(us().contains("London"));
    assert!(us().contains("LONDON"));
    assert!(us().contains("London's"));
    assert!(!us().contains("london"));
    assert!(us().contains("NASA"));
    assert!(!us().contains("nasa"));
    assert!(!us().contains("Nasa"));
}

#[test]
fn mixed_case_words_match_themselves_and_all_caps_only() {
    assert!(us().contains("GitHub"));
    assert!(us().contains("GITHUB"));
    assert!(!us().contains("github"));
    assert!(!us().contains("Github"));
    assert!(us().contains("McDonald"));
    assert!(!us().contains("Mcdonald"));
}

#[test]
fn a_small_first_letter_may_be_capitalised() {
    // "iPad" opening a sentence.
    assert!(us().contains("iPad"));
    assert!(us().contains("IPad"));
    assert!(!us().contains("ipad"));
}

#[test]
fn curly_and_straight_apostrophes_are_the_same() {
    for w in ["don’t", "don't", "it’s", "London’s", "recipients’", "DON’T"] {
        assert!(us().contains(w), "{w}");
    }
    assert!(!us().contains("dont’"));
}

#[test]
fn surrounding_apostrophes_are_quotes() {
    assert!(us().contains("'hello'"));
    assert!(us().contains("’hello’"));
    assert!(!us().contains("'helo'"));
}

#[test]
fn hyphenated_compounds_are_checked_part_by_part() {
    assert!(us().contains("well-known"));
    assert!(us().contains("state-of-the-art"));
    assert!(us().contains("user-facing"));
    assert!(us().contains("re-receive"));
    assert!(us().contains("non-blocking"));
    assert!(!us().contains("well-knwon"));
    assert!(!us().contains("teh-end"));
    assert!(us().contains("e‑mail"), "non-breaking hyphen");
}

#[test]
fn numbers_and_ordinals() {
    for w in [
        "1", "2024", "1,234", "3.14", "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st",
        "22nd", "101st", "112th", "1990s", "80's", "21ST",
    ] {
        assert!(us().contains(w), "{w}");
    }
    for w in [
        "11st", "12nd", "13rd", "1th", "2th", "21th", "1..2", "1,", "3x",
    ] {
        assert!(!us().contains(w), "{w}");
    }
    assert!(is_number(b"007"));
    assert!(!is_number(b"x1"));
}

#[test]
fn accents_are_folded_and_foreign_letters_are_unknown() {
    assert!(us().contains("café"));
    assert!(us().contains("naïve"));
    assert!(us().contains("résumé"));
    assert!(!us().contains("straße"));
    assert!(!us().contains("日本"));
}

#[test]
fn long_words_take_the_heap_path_and_still_work() {
    let long = "well-".repeat(20) + "known";
    assert!(long.len() > word::STACK);
    assert!(us().contains(&long));
    assert!(!us().contains(&"x".repeat(100)));
}

#[test]
fn supplement_words_are_known_with_their_inflections() {
    for w in [
        "livestream",
        "livestreamed",
        "livestreaming",
        "unfollow",
        "unfollowed",
        "onboarding",
        "Kubernetes",
        "KUBERNETES",
        "TypeScript",
        "fintech",
        "npm",
        "APIs",
    ] {
        assert!(us().contains(w), "{w}");
        assert!(gb().contains(w), "{w}");
    }
    assert!(!us().contains("typeScript"));
    assert!(!us().contains("kubernetes"), "stored capitalised");
}

#[test]
fn scowl_already_has_common_modern_words() {
    for w in [
        "GitHub",
        "JavaScript",
        "API",
        "emoji",
        "hashtag",
        "webinar",
        "email",
    ] {
        assert!(us().contains(w), "{w}");
    }
}

#[test]
fn british_and_american_spellings() {
    assert!(gb().contains("colour"));
    assert!(!us().contains("colour"));
    assert!(us().contains("color"));
    assert!(!gb().contains("color"));
    assert!(gb().contains("organise"));
    assert!(us().contains("organize"));
    assert!(!gb().contains("organize"), "en_GB-ise");
}

#[test]
fn for_lang_picks_the_variant() {
    let tag = |s: &str| LangTag::parse(s).expect("tag");
    assert_eq!(
        Dictionary::for_lang(&tag("en-GB")).map(Dictionary::name),
        Some("en-GB")
    );
    assert_eq!(
        Dictionary::for_lang(&tag("en_gb")).map(Dictionary::name),
        Some("en-GB")
    );
    assert_eq!(
        Dictionary::for_lang(&tag("en-US")).map(Dictionary::name),
        Some("en-US")
    );
    assert_eq!(
        Dictionary::for_lang(&tag("en")).map(Dictionary::name),
        Some("en-US")
    );
    assert_eq!(
        Dictionary::for_lang(&tag("en-AU")).map(Dictionary::name),
        Some("en-US")
    );
    assert!(Dictionary::for_lang(&tag("de")).is_none());
    assert!(Dictionary::for_lang(&tag("fi-GB")).is_none());
}

#[test]
fn dictionary_is_shareable() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Dictionary>();
    assert!(std::ptr::eq(us(), Dictionary::en_us()), "one instance");
}

#[test]
fn casing_is_judged_like_hunspell() {
    assert_eq!(Casing::of(b"receive"), Casing::Lower);
    assert_eq!(Casing::of(b"Receive"), Casing::Title);
    assert_eq!(Casing::of(b"RECEIVE"), Casing::Upper);
    assert_eq!(Casing::of(b"GitHub"), Casing::Mixed);
    assert_eq!(Casing::of(b"o'Brien"), Casing::Mixed);
    assert_eq!(Casing::of(b"DON'T"), Casing::Upper);
    assert_eq!(Casing::of(b"'Tis"), Casing::Mixed);
}

// --- suggestions --------------------------------------------------------------

#[test]
fn table_entries_are_confident() {
    for (typo, fix) in [
        ("recieve", "receive"),
        ("teh", "the"),
        ("definately", "definitely"),
        ("seperate", "separate"),
        ("occured", "occurred"),
    ] {
        let s = best(us(), typo).expect(typo);
        assert_eq!(s.word, fix, "{typo}");
        assert!(s.confident, "{typo}");
    }
}

#[test]
fn a_capitalised_typo_that_is_also_a_name_is_not_confident() {
    // "linz" -> "lines" in the table, but Linz is a city.
    assert_eq!(misspellings::lookup(b"linz").map(|e| e.name), Some(true));
    assert!(us().known_misspelling("Linz").is_none());
    let s = best(us(), "Linz").expect("still a suggestion");
    assert_eq!(s.word, "Lines");
    assert!(!s.confident);
    // Lowercase, it is the typo.
    let s = us().known_misspelling("linz").expect("confident");
    assert_eq!((s.word.as_str(), s.confident), ("lines", true));
    // A typo that is no name stays confident when capitalised.
    assert!(
        us().known_misspelling("Recieve")
            .is_some_and(|s| s.confident)
    );
}

#[test]
fn inflections_of_table_entries_are_corrected() {
    for (typo, fix) in [
        ("recieving", "receiving"),
        ("recieves", "receives"),
        ("seperately", "separately"),
    ] {
        let s = best(us(), typo).expect(typo);
        assert_eq!(s.word, fix, "{typo}");
        assert!(s.confident, "{typo}");
    }
}

#[test]
fn suggestions_keep_the_input_casing() {
    assert_eq!(
        best(us(), "Recieve").map(|s| s.word),
        Some("Receive".into())
    );
    assert_eq!(
        best(us(), "RECIEVE").map(|s| s.word),
        Some("RECEIVE".into())
    );
    assert_eq!(
        best(us(), "Goverment’s").map(|s| s.word),
        Some("Government's".into())
    );
    // The dictionary's casing wins for names.
    assert_eq!(best(us(), "london").map(|s| s.word), Some("London".into()));
    assert_eq!(best(us(), "github").map(|s| s.word), Some("GitHub".into()));
}

#[test]
fn edit_distance_typos_get_the_right_word() {
    for (typo, fix) in [
        ("speling", "spelling"),  // deletion
        ("recieve", "receive"),   // (also in the table)
        ("langauge", "language"), // transposition
        ("bannana", "banana"),    // doubled letter
        ("wrold", "world"),       // transposition
        ("accomodate", "accommodate"),
        ("kubernetis", "Kubernetes"),   // a supplement word
        ("informashun", "information"), // REP: shun -> tion
    ] {
        let s = us().suggest_with(typo, 3, false);
        assert!(words(&s).contains(&fix), "{typo}: {:?}", words(&s));
        assert!(
            s.iter().all(|s| !s.confident),
            "the search is never confident"
        );
    }
    assert_eq!(us().suggest_with("speling", 1, false)[0].word, "spelling");
}

#[test]
fn distance_two_is_reached() {
    let s = us().suggest_with("acomodation", 3, false);
    assert!(words(&s).contains(&"accommodation"), "{:?}", words(&s));
}

#[test]
fn run_together_words_are_split() {
    let s = us().suggest("alot", 5);
    assert!(words(&s).contains(&"a lot"), "{:?}", words(&s));
}

#[test]
fn hyphenated_words_are_corrected_part_by_part() {
    let s = best(us(), "well-knwon").expect("suggestion");
    assert_eq!(s.word, "well-known");
    let s = best(us(), "teh-end").expect("suggestion");
    assert_eq!(s.word, "the-end");
    assert!(s.confident);
}

#[test]
fn known_words_and_nonsense_get_no_suggestion() {
    assert!(us().suggest("receive", 5).is_empty());
    assert!(us().suggest("recieve", 0).is_empty());
    assert!(us().suggest("", 5).is_empty());
    assert!(us().suggest("日本", 5).is_empty());
    assert!(us().suggest("qqqqqqqqqqqqxz", 5).is_empty());
    assert!(us().suggest(&"x".repeat(200), 5).is_empty());
}

#[test]
fn suggestions_respect_max_and_are_distinct() {
    let s = us().suggest("helo", 4);
    assert!(!s.is_empty() && s.len() <= 4);
    let mut w = words(&s);
    w.dedup();
    assert_eq!(w.len(), s.len());
    assert!(!w.contains(&"helo"));
}

#[test]
fn offensive_words_are_accepted_but_never_suggested() {
    assert!(us().contains("shit"));
    for typo in ["shti", "shitt"] {
        assert!(!words(&us().suggest(typo, 10)).contains(&"shit"), "{typo}");
    }
}

#[test]
fn british_suggestions_use_british_words() {
    let s = gb().suggest("colur", 3);
    assert!(words(&s).contains(&"colour"), "{:?}", words(&s));
    assert!(!words(&s).contains(&"color"));
    let s = us().suggest("colur", 3);
    assert!(words(&s).contains(&"color"), "{:?}", words(&s));
}

#[test]
fn keyboard_neighbours_rank_first() {
    // "thr": e is next to r; "thr" -> "the" ranks above far substitutions.
    assert_eq!(us().suggest_with("thr", 1, false)[0].word, "the");
    assert!(suggest::neighbours(b'r', b'e'));
    assert!(suggest::neighbours(b'a', b'z'));
    assert!(!suggest::neighbours(b'a', b'p'));
}
