//! Sentence and word boundaries on hand-written cases
//! (`tests/data/segmentation/cases.toml`), through `Post::build` as the
//! checker and `postlint stats` build posts; and what the reading formulas
//! leave out: a table, a heading, a block of hashtags, mentions, emoji and
//! links do not move the Flesch-Kincaid grade of the prose around them.

use postlint::span::Span;
use postlint::text::post::{Post, Reading, Scope};
use postlint::text::readability::TextStats;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    what: String,
    markdown: Option<String>,
    plain: Option<String>,
    sentences: Vec<String>,
    words: Option<usize>,
    tokens: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

fn build(text: &str, reading: Reading) -> Post<'_> {
    Post::build(text, Span::new(0, text.len()), reading, 0, 1)
}

/// What one case got wrong, or nothing.
fn run(case: &Case) -> Vec<String> {
    let (text, reading) = match (&case.markdown, &case.plain) {
        (Some(t), None) => (t.as_str(), Reading::Markdown),
        (None, Some(t)) => (t.as_str(), Reading::Plain),
        _ => return vec!["give exactly one of `markdown` and `plain`".into()],
    };
    let post = build(text, reading);
    let mut wrong = Vec::new();
    let sentences: Vec<&str> = post
        .units(Scope::Sentence)
        .iter()
        .map(|s| &post.source[s.range()])
        .collect();
    if sentences != case.sentences {
        wrong.push(format!(
            "sentences\n      expected {:?}\n      got      {:?}",
            case.sentences, sentences
        ));
    }
    if post.stats.sentences != case.sentences.len() {
        wrong.push(format!(
            "the formulas count {} sentences, expected {}",
            post.stats.sentences,
            case.sentences.len()
        ));
    }
    if let Some(words) = case.words
        && post.stats.words != words
    {
        let counted: Vec<&str> = post
            .words
            .iter()
            .filter(|w| w.measured)
            .map(|w| &post.source[w.span.range()])
            .collect();
        wrong.push(format!(
            "the formulas count {} words {counted:?}, expected {words}",
            post.stats.words
        ));
    }
    if let Some(tokens) = &case.tokens {
        let got: Vec<&str> = post
            .words
            .iter()
            .map(|w| &post.source[w.span.range()])
            .collect();
        if &got != tokens {
            wrong.push(format!(
                "words\n      expected {tokens:?}\n      got      {got:?}"
            ));
        }
    }
    wrong
}

#[test]
fn hand_written_segmentation_cases() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/segmentation/cases.toml"
    );
    let text = std::fs::read_to_string(path).expect("cases file");
    let cases: Cases = toml::from_str(&text).expect("cases parse");
    assert!(cases.case.len() >= 60, "{} cases", cases.case.len());
    let mut failures = Vec::new();
    for case in &cases.case {
        for wrong in run(case) {
            failures.push(format!("{}: {wrong}", case.what));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n  {}",
        failures.len(),
        cases.case.len(),
        failures.join("\n  ")
    );
}

// ---------------------------------------------------------------------------
// What the formulas leave out does not move the grade
// ---------------------------------------------------------------------------

const PROSE: &str = "Our team rebuilt the release pipeline over the summer. \
Every change now passes through automated verification before deployment, \
and reviewers see the consequences immediately. Nobody waits for overnight builds anymore.";

fn stats(text: &str, reading: Reading) -> TextStats {
    build(text, reading).stats
}

/// `with` must measure exactly as `without`: same counts, same grade.
fn same_grade(without: &str, with: &str, reading: Reading) {
    let (a, b) = (stats(without, reading), stats(with, reading));
    assert!(a.words > 20 && a.sentences == 3, "{a:?}");
    assert_eq!(a, b, "counts differ:\n{without:?}\n{with:?}");
    assert_eq!(a.flesch_kincaid_grade(), b.flesch_kincaid_grade());
}

#[test]
fn a_table_does_not_move_the_grade() {
    let table = "| Step | Before | After |\n|---|---|---|\n| Build | 40 min | 6 min |\n\
                 | Test | 2 h | 15 min |\n| Deploy | manual | automatic |\n";
    same_grade(PROSE, &format!("{PROSE}\n\n{table}"), Reading::Markdown);
    same_grade(PROSE, &format!("{table}\n{PROSE}"), Reading::Markdown);
}

#[test]
fn headings_do_not_move_the_grade() {
    let with = format!("# What changed\n\n{PROSE}\n\n## Next steps");
    same_grade(PROSE, &with, Reading::Markdown);
    let setext = format!("Release notes\n=============\n\n{PROSE}");
    same_grade(PROSE, &setext, Reading::Markdown);
}

#[test]
fn a_hashtag_block_does_not_move_the_grade() {
    for reading in [Reading::Plain, Reading::Markdown] {
        same_grade(PROSE, &format!("{PROSE}\n\n#rust #devops #ci"), reading);
        same_grade(PROSE, &format!("{PROSE}\n#rust #devops"), reading);
        same_grade(PROSE, &format!("{PROSE} #rust #devops"), reading);
    }
}

#[test]
fn mentions_do_not_move_the_grade() {
    let with = PROSE.replace("Our team", "Our team @alice @bob");
    same_grade(PROSE, &with, Reading::Plain);
    same_grade(
        PROSE,
        &format!("@alice {PROSE}\n@carol @dave"),
        Reading::Plain,
    );
}

#[test]
fn emoji_do_not_move_the_grade() {
    let with = PROSE
        .replace("summer.", "summer. 🎉")
        .replace("anymore.", "anymore 🚀🚀.");
    same_grade(PROSE, &with, Reading::Plain);
    same_grade(PROSE, &format!("🔥 {PROSE}\n✅✅✅"), Reading::Plain);
    same_grade(PROSE, &format!("{PROSE}\n\n👉 👉"), Reading::Markdown);
}

#[test]
fn links_do_not_move_the_grade() {
    let with = PROSE.replace("summer.", "summer https://example.com/blog/pipeline.");
    same_grade(PROSE, &with, Reading::Plain);
    same_grade(
        PROSE,
        &format!("{PROSE}\nhttps://example.com/x"),
        Reading::Plain,
    );
    // A Markdown link reads as its text.
    let md = PROSE.replace(
        "release pipeline",
        "[release pipeline](https://example.com/p)",
    );
    same_grade(PROSE, &md, Reading::Markdown);
}

#[test]
fn list_markers_and_code_blocks_do_not_move_the_grade() {
    let code = "```rust\nfn main() { println!(\"Hi. There.\"); }\n```";
    same_grade(PROSE, &format!("{PROSE}\n\n{code}"), Reading::Markdown);
    // The same sentences as list items measure as the paragraph: a marker is
    // not a word and each item already ends its sentence.
    let items: String = PROSE
        .split_inclusive(". ")
        .map(|s| format!("- {}\n", s.trim()))
        .collect();
    same_grade(PROSE, &items, Reading::Markdown);
    let numbered: String = PROSE
        .split_inclusive(". ")
        .enumerate()
        .map(|(i, s)| format!("{}. {}\n", i + 1, s.trim()))
        .collect();
    same_grade(PROSE, &numbered, Reading::Plain);
}
