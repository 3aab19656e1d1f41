//! `strategy.shouting` on real posts through the built-in engine: ordinary
//! words in capitals are shouting ("BUY NOW", "FREE"), acronyms are not
//! ("GAAP", "NCBI", "WCAG"), shouted words in a row are one finding with
//! one fix to review, and the evidence that an ordinary word is a name or a
//! label here (brackets, links, code, tables, labels, names next to it, the
//! team's vocabulary) keeps good posts quiet.

use std::path::Path;

mod common;

use common::{Found, engine};
use postlint::engine::{ConfigSource, Engine, Options};
use postlint::fix::Applicability;

const RULE: &str = "strategy.shouting";

/// Each finding of the rule on `text` (a plain post, or Markdown when
/// `path` ends in `.md`).
fn findings_in(engine: &Engine, path: &str, text: &str) -> Vec<Found> {
    common::findings_in(engine, RULE, Some(path), text)
}

fn flagged_in(path: &str, text: &str) -> Vec<String> {
    findings_in(engine(), path, text)
        .into_iter()
        .map(|f| f.0)
        .collect()
}

fn flagged(text: &str) -> Vec<String> {
    flagged_in("post.txt", text)
}

/// Posts and exactly what must be flagged in them, in order.
const SHOUTING: &[(&str, &[&str])] = &[
    ("This deal is AMAZING.", &["AMAZING"]),
    ("Tickets are going fast: BUY NOW at the link.", &["BUY NOW"]),
    ("LAST CHANCE to join us!", &["LAST CHANCE"]),
    ("WE ARE HIRING 🚀", &["WE ARE HIRING"]),
    ("Click HERE to read the report.", &["HERE"]),
    ("Shipping is FREE this week.", &["FREE"]),
    ("This is the BEST release we have shipped.", &["BEST"]),
    ("Sign up TODAY and save.", &["TODAY"]),
    ("I LOVE IT.", &["LOVE IT"]),
    ("Get A FREE TICKET today.", &["A FREE TICKET"]),
    ("BUY A TICKET now.", &["BUY A TICKET"]),
    ("I'M SO EXCITED.", &["SO EXCITED"]),
    ("Don't miss it. HURRY, ONLY TODAY!", &["HURRY, ONLY TODAY"]),
    ("BUY 2 GET 1 FREE this weekend.", &["BUY 2 GET 1 FREE"]),
    ("It is DONE, and it is FAST.", &["DONE", "FAST"]),
    ("It's a MUST-HAVE for every team.", &["MUST-HAVE"]),
    ("We DON'T charge for setup.", &["DON'T"]),
    (
        "LAST CHANCE\nBUY NOW",
        // Lines of a social post are read one by one: two findings.
        &["LAST CHANCE", "BUY NOW"],
    ),
    ("BUY NOW: https://example.com/spring", &["BUY NOW"]),
    ("Our new plan is GREAT. GAAP figures follow.", &["GREAT"]),
    ("The gala is at 8 PM. DON'T BE LATE.", &["DON'T BE LATE"]),
];

/// Posts in which nothing is shouting.
const QUIET: &[&str] = &[
    // Acronyms the dictionary does not know as words.
    "Both GAAP and IFRS figures are in the report.",
    "The site meets WCAG 2.2 AA.",
    "The data comes from NCBI.",
    "We scored the assemblies with BUSCO.",
    "Our partner lab at CSHL did the sequencing.",
    "Slides are licensed CC BY-NC 4.0.",
    "The new SIMD paths and the SBOM are in the release notes.",
    "It runs on RISC-V and compiles LLVM-IR.",
    "NVIDIA and NASA both use it.",
    // Short capitals alone are abbreviations.
    "Join us at 9 AM in the US office; IT will set up your ID.",
    "We are OK with that.",
    "Meet the US AND EU teams.",
    "The gala starts at 8 PM EST sharp.",
    // Acronyms that are also words: the allow list, brackets, expansions.
    "Never share your PIN. Prices include VAT.",
    "Join the Health Outcomes Program for Everyone (HOPE). HOPE starts in May.",
    "Set the PATH first.",
    "Ask for a SWAP (shared workspace access point) first. The SWAP expires.",
    "Translating All C to Rust (aka TRACTOR) is a DARPA program.",
    // Joined to another token, in code, in quotes.
    "We use PGO/FLAME for the release build, and FLAME alone for tests.",
    "This covers TOOLS and DUP_TOOLS.",
    "Set the $BUILD_MODE variable; MODE is read once.",
    "Use the code \"WELCOME\" at checkout.",
    // Labels.
    "EDIT: the recording is now online.",
    "UPDATE: we fixed the bug.",
    "Speed improved by 5%. NOTE: these are early numbers.",
    "[CLOSED]: growing the team.",
    // Next to a name.
    "It works in IntelliJ IDEA and in VS Code.",
    "Use CLion, IDEA or PyCharm.",
    "The code follows MISRA C and CERT C.",
    // Not words in capitals at all.
    "Our new plan is great.",
    "#FREE #BUYNOW and @BESTDEAL are tags and handles.",
    "Read https://example.com/FREE/BEST for details.",
];

#[test]
fn ordinary_words_in_capitals_are_shouting() {
    for (text, expected) in SHOUTING {
        assert_eq!(flagged(text), *expected, "in {text:?}");
    }
}

#[test]
fn acronyms_names_and_labels_are_not_shouting() {
    for text in QUIET {
        assert_eq!(flagged(text), Vec::<String>::new(), "in {text:?}");
    }
}

#[test]
fn a_run_is_one_finding_with_one_fix_to_review() {
    let found = findings_in(
        engine(),
        "post.txt",
        "Tickets are going fast: BUY NOW at the link.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let (matched, message, fix) = &found[0];
    assert_eq!(matched, "BUY NOW");
    assert!(message.contains("\"BUY NOW\""), "{message}");
    assert!(message.contains("\"buy now\""), "{message}");
    assert_eq!(fix, &Some(("buy now".into(), Applicability::Review)));
}

#[test]
fn a_fix_keeps_a_sentence_start_capital_and_the_pronoun_i() {
    let fixes: Vec<String> = [
        "LAST CHANCE to join us!",
        "HONESTLY, I LOVE IT.",
        "I'M SO EXCITED.",
    ]
    .iter()
    .flat_map(|t| findings_in(engine(), "post.txt", t))
    .filter_map(|f| f.2.map(|(r, _)| r))
    .collect();
    assert_eq!(fixes, ["Last chance", "Honestly, I love it", "so excited"]);
}

#[test]
fn markdown_emphasis_and_soft_line_breaks_stay_in_the_run() {
    assert_eq!(
        flagged_in(
            "post.md",
            "This vulnerability is **CRITICAL** for Windows users."
        ),
        ["CRITICAL"]
    );
    assert_eq!(
        flagged_in("post.md", "**LAST** **CHANCE** to join."),
        ["LAST** **CHANCE"]
    );
    // A soft line break renders as a space: one run across it.
    assert_eq!(
        flagged_in("post.md", "Our offer: LAST\nCHANCE to join."),
        ["LAST\nCHANCE"]
    );
    let fix = findings_in(engine(), "post.md", "**LAST** **CHANCE** to join.");
    assert_eq!(
        fix[0].2,
        Some(("Last** **chance".into(), Applicability::Review)),
        "the emphasis stays"
    );
}

#[test]
fn markdown_structure_says_when_capitals_are_a_style() {
    let post = "\
# GETTING STARTED

| Step | Status |
|------|--------|
| Build | DONE |

- **HIGH** Include crate downloads in the smoke tests
- **MEDIUM** Automate the staging tests

Read the [ROADMAP] first, then [Eclipse S-CORE](https://example.com).
Set `$HOME` before you start: HOME differs between nodes.

[ROADMAP]: https://example.com/roadmap
";
    assert_eq!(flagged_in("post.md", post), Vec::<String>::new());
    // A heading with one shouted word is not a style: it is flagged.
    assert_eq!(
        flagged_in("post.md", "## A FREE upgrade\n\nText."),
        ["FREE"]
    );
    // The words elsewhere are still shouting.
    assert_eq!(flagged_in("post.md", "A ROADMAP is coming."), ["ROADMAP"]);
    // Emphasis before a lowercase word continues a sentence: shouting.
    assert_eq!(
        flagged_in("post.md", "- **FREE** shipping on every order"),
        ["FREE"]
    );
    // A link of several shouted words is still shouting.
    assert_eq!(
        flagged_in("post.md", "[BUY NOW](https://example.com) before Friday."),
        ["BUY NOW"]
    );
}

#[test]
fn the_teams_vocabulary_names_a_word() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("accept.txt"), "Beacon\n").unwrap();
    let options = Options {
        config: ConfigSource::Text(
            dir.path().join("postlint.toml"),
            "[vocabulary]\naccept = [\"accept.txt\"]\n".into(),
        ),
        ..Options::default()
    };
    let team = Engine::load(&options).unwrap_or_else(|e| panic!("{e:?}"));
    let text = "Our BEACON app is FREE.";
    let found: Vec<String> = findings_in(&team, "post.txt", text)
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(found, ["FREE"]);
    assert_eq!(flagged(text), ["BEACON", "FREE"], "without the vocabulary");
}

#[test]
fn a_language_without_a_dictionary_is_skipped_and_said() {
    let engine = engine();
    let id = engine.book.find_rule(RULE).unwrap();
    let text = "---\nlang: fi\n---\nTervetuloa! Osta NYT, tarjous on VOIMASSA vain tänään.";
    let out = engine.check_source(Some(Path::new("post.txt")), "post.txt".into(), text.into());
    let post = &out.posts[0];
    assert!(post.findings.iter().all(|f| f.rule != id));
    assert!(
        post.skipped.iter().any(|s| s.rule == id),
        "{:?}",
        post.skipped
    );
    // A post with no capitals has nothing to skip.
    let quiet = "---\nlang: fi\n---\nTervetuloa, tarjous on voimassa vain tänään.";
    let out = engine.check_source(Some(Path::new("post.txt")), "post.txt".into(), quiet.into());
    assert!(out.posts[0].skipped.iter().all(|s| s.rule != id));
}

/// Drafts written the way teams write: a finance update, a science
/// outreach post (both quiet) and a sale on X.
#[test]
fn drafts() {
    let read = |name: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/shouting")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    assert_eq!(
        flagged_in("finance-q3.md", &read("finance-q3.md")),
        Vec::<String>::new()
    );
    assert_eq!(
        flagged_in("sequencing-outreach.md", &read("sequencing-outreach.md")),
        Vec::<String>::new()
    );
    assert_eq!(
        flagged_in("spring-sale.txt", &read("spring-sale.txt")),
        ["LAST CHANCE", "TONIGHT", "FREE", "BEST", "BUY NOW"]
    );
}

#[test]
fn shouting_keys_on_another_check_are_a_load_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("team.toml"),
        "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
         [[rule]]\nid = \"starts\"\nkind = \"capitalization\"\ncheck = \"sentence-start\"\n\
         min_run_letters = 3\nseverity = \"warning\"\nmessage = \"{match}\"\n",
    )
    .unwrap();
    let options = Options {
        config: ConfigSource::Text(
            dir.path().join("postlint.toml"),
            "checklists = [\"team.toml\"]\n".into(),
        ),
        ..Options::default()
    };
    let errors = match Engine::load(&options) {
        Ok(_) => panic!("loaded"),
        Err(errors) => format!("{errors:?}"),
    };
    assert!(errors.contains("min_run_letters"), "{errors}");
}
