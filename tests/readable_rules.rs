//! The built-in `readable` rules on word choice, tested on many sentences
//! both ways: what `passive-voice` flags and what it leaves alone (states
//! and feelings that look like passives), how `adverb-density` counts, and
//! which `plain-words` and `wordy-phrase` fixes are safe to apply unseen.

mod common;

use common::{Found, engine, findings_in};
use postlint::fix::Applicability;

/// Each finding of `rule` on `text`.
fn findings(rule: &str, text: &str) -> Vec<Found> {
    findings_in(engine(), rule, None, text)
}

fn matched(rule: &str, text: &str) -> Vec<String> {
    findings(rule, text)
        .into_iter()
        .map(|(m, _, _)| m)
        .collect()
}

/// Each sentence and the passive it must be flagged for.
const PASSIVES: &[(&str, &str)] = &[
    ("Mistakes were made.", "were made"),
    ("The update was delayed.", "was delayed"),
    ("The feature has been removed.", "has been removed"),
    ("Your data will be deleted.", "be deleted"),
    ("The bug is fixed in this release.", "is fixed"),
    ("The crate is maintained by volunteers.", "is maintained"),
    ("These files are generated at build time.", "are generated"),
    ("The report is being reviewed.", "is being reviewed"),
    (
        "The old API is no longer supported.",
        "is no longer supported",
    ),
    ("Errors are not reported to the user.", "are not reported"),
    ("The results were seen by everyone.", "were seen"),
    ("The code was written in a hurry.", "was written"),
    ("It was quickly fixed.", "was quickly fixed"),
    (
        "The package is automatically updated.",
        "is automatically updated",
    ),
    ("The function is called twice.", "is called"),
    ("Cargo is used to build crates.", "is used"),
    ("The book was read by millions.", "was read"),
    ("The servers were hit hard.", "were hit"),
    ("Tickets are sold at the door.", "are sold"),
    ("The decision was made last week.", "was made"),
    ("The tests aren't run on Windows.", "aren't run"),
    ("Their requests weren’t answered.", "weren’t answered"),
    ("The data was stolen.", "was stolen"),
    ("It's been rewritten from scratch.", "been rewritten"),
    ("The game was won in overtime.", "was won"),
    ("This can be done with one command.", "be done"),
    ("The window was broken by the storm.", "was broken"),
    ("The cost was underestimated.", "was underestimated"),
    ("That's needed for the build.", "That's needed"),
    ("We were told to wait.", "were told"),
    (
        "The meeting has not been scheduled.",
        "has not been scheduled",
    ),
    ("New members are chosen each year.", "are chosen"),
    ("The keys are kept in a vault.", "are kept"),
    ("The door is shut at night.", "is shut"),
    ("The servers are being upgraded.", "are being upgraded"),
    ("Several bugs were reported by users.", "were reported"),
    ("Refunds will be paid within a week.", "be paid"),
    (
        "The feature is not yet stabilized.",
        "is not yet stabilized",
    ),
    (
        "The old docs were quickly forgotten.",
        "were quickly forgotten",
    ),
    ("More details can be found in the guide.", "be found"),
    ("The check is done at compile time.", "is done"),
    ("You are encouraged to upgrade.", "are encouraged"),
    ("The keys aren’t stored on disk.", "aren’t stored"),
    (
        "The tool was updated, but the docs were not.",
        "was updated",
    ),
    ("The team is led by Ana.", "is led"),
    ("The talk was given in English.", "was given"),
    ("The bridge was built in 1990.", "was built"),
];

/// Sentences without a passive: states, feelings and idioms that look like
/// one, words that only end in "-ed", and the perfect tense.
const NOT_PASSIVES: &[&str] = &[
    "The port is open.",
    "The car was red.",
    "The talk is interesting.",
    "We are interested in your feedback.",
    "The office is located in Berlin.",
    "We are excited to share this.",
    "We are thrilled to welcome her.",
    "We are pleased to announce it.",
    "The design is based on your feedback.",
    "She was born in 1990.",
    "He is married to a doctor.",
    "You are supposed to restart it.",
    "I am used to it.",
    "They are tired after the launch.",
    "The store is closed on Sundays.",
    "This is indeed the case.",
    "Behavior is undefined here.",
    "The variable is unused.",
    "There is a need for speed.",
    "We are done with the migration.",
    "I’m done.",
    "The team is concerned about the delay.",
    "The project is related to the compiler.",
    "Support is limited to Linux.",
    "It is known as the borrow checker.",
    "The team is made up of volunteers.",
    "The lifetime is tied to the borrow.",
    "We are committed to open source.",
    "The build is broken.",
    "This is inspired by Haskell.",
    "The language is derived from ML.",
    "The issue is gone.",
    "The price has risen.",
    "Prices are high.",
    "He is a talented engineer.",
    "The language is sophisticated.",
    "They are involved in the project.",
    "The result is mixed.",
    "The team is focused on speed.",
    "The two crates are tightly coupled.",
    "The review was stuck for a month.",
    "What's happened since then?",
    "He's shared the slides.",
    "We have fixed the bug.",
    "The team fixed the bug.",
    "My name is Fred.",
    "It is a sacred rule.",
    "The plan has changed.",
    "All of this is built on open standards.",
];

#[test]
fn passive_voice_flags_passives_with_and_without_a_doer() {
    let mut wrong = Vec::new();
    for (sentence, passive) in PASSIVES {
        let got = matched("readable.passive-voice", sentence);
        if got != [*passive] {
            wrong.push(format!("{sentence:?}: want [{passive:?}], got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(PASSIVES.len() >= 40);
}

#[test]
fn passive_voice_leaves_states_feelings_and_look_alikes_alone() {
    let mut wrong = Vec::new();
    for sentence in NOT_PASSIVES {
        let got = matched("readable.passive-voice", sentence);
        if !got.is_empty() {
            wrong.push(format!("{sentence:?}: got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(NOT_PASSIVES.len() >= 40);
}

#[test]
fn passive_voice_lists_each_passive_of_a_post_once_in_one_finding() {
    // 25 words, 3 passives: 12 per 100 words, past 2.5.
    let text = "The update was delayed. We are excited, and the fix is done; \
                it was reviewed and merged by the team, which is based in Oslo.";
    let found = findings("readable.passive-voice", text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "was delayed");
    assert_eq!(
        found[0].1,
        "3 passive verbs in 25 words (12 per 100; aim for 2.5 or fewer): \
         was delayed, is done, was reviewed. Say who does what."
    );
}

#[test]
fn passive_voice_is_judged_by_density() {
    // 2 passives in 100 words (2 per 100): fine; a third makes 3 per 100.
    let sentence = "We shipped the new build to every team this week and it runs well. ";
    let mut text = sentence.repeat(7); // 98 words
    text.push_str("It was tested. ");
    text = text.replacen(
        "We shipped the new build to every team this week and it runs well.",
        "The new build was shipped to every team this week and runs well.",
        1,
    );
    let found = findings("readable.passive-voice", &text);
    assert!(found.is_empty(), "{found:?}");
    let more = format!("{text}It was fixed.");
    assert_eq!(findings("readable.passive-voice", &more).len(), 1);
}

/// A post of `words` words: filler words, with `adverbs` spread through.
fn post_with(words: usize, adverbs: &[&str]) -> String {
    let filler = words - adverbs.len();
    let mut out: Vec<String> = (0..filler)
        .map(|i| ["we", "ship", "code"][i % 3].to_owned())
        .collect();
    for (i, a) in adverbs.iter().enumerate() {
        out.insert(3 + i * (filler / adverbs.len().max(1)), (*a).to_owned());
    }
    out.join(" ") + "."
}

#[test]
fn adverb_density_is_one_finding_per_post_past_three_per_hundred_words() {
    let rule = "readable.adverb-density";
    // 4 in 120 words: 3.3 per 100.
    let dense = post_with(120, &["really", "quickly", "very", "really"]);
    let got = findings(rule, &dense);
    assert_eq!(got.len(), 1, "{got:?}");
    let (at, message, fix) = &got[0];
    assert_eq!(at, "really", "the finding points at the first one");
    assert!(fix.is_none());
    assert!(
        message.starts_with("4 adverbs and weakeners in 120 words (3.3 per 100; aim for 3 or fewer): really ×2, quickly, very"),
        "{message}"
    );
    // 3 in 120 words is fine; so are 4 that are not adverbs or weakeners.
    assert!(findings(rule, &post_with(120, &["really", "quickly", "very"])).is_empty());
    let look_alikes = post_with(120, &["only", "early", "nightly", "family"]);
    assert!(findings(rule, &look_alikes).is_empty());
    let rather = dense.replace("very", "rather than");
    assert!(findings(rule, &rather).is_empty(), "{rather}");
    // A short post is left alone, however dense.
    assert!(findings(rule, &post_with(60, &["really", "very", "just", "quite"])).is_empty());
}

#[test]
fn plain_words_fix_inflected_forms_safely_and_grammar_changes_for_review() {
    let rule = "readable.plain-words";
    let fix = |text: &str| -> Vec<(String, String, Applicability)> {
        findings(rule, text)
            .into_iter()
            .map(|(m, _, f)| {
                let (to, applicability) = f.expect("a substitution has a fix");
                (m, to, applicability)
            })
            .collect()
    };
    let safe = |m: &str, to: &str| (m.to_owned(), to.to_owned(), Applicability::Safe);
    let review = |m: &str, to: &str| (m.to_owned(), to.to_owned(), Applicability::Review);
    assert_eq!(
        fix("We utilized it, are utilizing it and will commence soon. Utilize it."),
        [
            safe("utilized", "used"),
            safe("utilizing", "using"),
            safe("commence", "start"),
            safe("Utilize", "Use"),
        ]
    );
    assert_eq!(
        fix("We retained the logs, prior to the purchase, for individuals."),
        [
            safe("retained", "kept"),
            safe("prior to", "before"),
            review("purchase", "buy"),
            review("individuals", "people"),
        ]
    );
    assert_eq!(
        fix("A sufficient number of tests have demonstrated it; it is sufficiently large."),
        [
            review("sufficient", "enough"),
            review("demonstrated", "showed"),
            review("sufficiently", "enough"),
        ]
    );
    // "individual" is mostly an adjective ("individual crates"): not swapped.
    assert!(fix("Each individual crate builds.").is_empty());
}

#[test]
fn word_lists_are_large_enough_to_matter() {
    let engine = engine();
    let entries = |id: &str| {
        let rule = engine.book.rule(engine.book.find_rule(id).unwrap());
        rule.settings
            .lines()
            .filter(|l| l.contains(" = \""))
            .count()
    };
    assert!(
        entries("readable.plain-words") >= 150,
        "{}",
        entries("readable.plain-words")
    );
    assert!(
        entries("readable.wordy-phrase") >= 40,
        "{}",
        entries("readable.wordy-phrase")
    );
}

#[test]
fn wordy_phrases_keep_case_and_mark_review_swaps() {
    let got = findings(
        "readable.wordy-phrase",
        "At this point in time we are able to ship. The majority of users agree.",
    );
    let got: Vec<(String, String, Applicability)> = got
        .into_iter()
        .map(|(m, _, f)| {
            let (to, a) = f.unwrap();
            (m, to, a)
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "At this point in time".to_owned(),
                "Now".to_owned(),
                Applicability::Safe
            ),
            (
                "are able to".to_owned(),
                "can".to_owned(),
                Applicability::Safe
            ),
            (
                "The majority of".to_owned(),
                "Most".to_owned(),
                Applicability::Review
            ),
        ]
    );
}
