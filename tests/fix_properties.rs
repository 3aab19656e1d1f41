//! `--fix` is idempotent and settles: on every example post, on a sample
//! of the corpus of published posts, and on random text full of fixable
//! problems (doubled words, common misspellings), the fix loop converges
//! within its pass limit, leaves nothing it would fix, and a second run
//! changes nothing. Byte order marks and line endings survive.

mod common;

use std::path::Path;

use postlint::fixer::{self, Mode, Plan};
use postlint::input::walk::is_post_file;
use postlint::outcome::FileOutcome;
use proptest::prelude::*;

const SAFE: Plan = Plan {
    mode: Mode::Fix,
    review: false,
};
const REVIEW: Plan = Plan {
    mode: Mode::Fix,
    review: true,
};

fn check(path: Option<&Path>, text: String) -> (FileOutcome, ()) {
    (common::engine().check_source(path, "t".into(), text), ())
}

/// Fixes `text` to a fixed point and checks the properties; returns the
/// fixed text.
fn fixed_twice(path: Option<&Path>, text: &str, plan: Plan) -> Result<String, String> {
    let name = path.map_or("<text>".into(), |p| p.display().to_string());
    let once = fixer::until_stable(check(path, text.to_owned()), plan, |t| check(path, t));
    if !once.converged {
        return Err(format!(
            "{name}: did not settle in {} passes",
            fixer::MAX_PASSES
        ));
    }
    let fixed = once.checked.0.source;
    if !fixer::fixes_of(&check(path, fixed.clone()).0, plan)
        .iter()
        .all(|f| postlint::fix::apply(&fixed, std::slice::from_ref(f)) == fixed)
    {
        return Err(format!("{name}: a fix is left after the loop:\n{fixed}"));
    }
    let twice = fixer::until_stable(check(path, fixed.clone()), plan, |t| check(path, t));
    if twice.original.is_some() || twice.count != 0 || twice.checked.0.source != fixed {
        return Err(format!(
            "{name}: a second --fix changed the text:\n{fixed}\n---\n{}",
            twice.checked.0.source
        ));
    }
    if text.starts_with('\u{feff}') != fixed.starts_with('\u{feff}') {
        return Err(format!("{name}: the byte order mark changed"));
    }
    let bare_lf = |s: &str| s.match_indices('\n').any(|(i, _)| !s[..i].ends_with('\r'));
    if text.contains('\n') && !bare_lf(text) && bare_lf(&fixed) {
        return Err(format!("{name}: a CRLF file gained a bare LF"));
    }
    Ok(fixed)
}

#[test]
fn every_example_is_fixed_once_and_for_all() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let files: Vec<_> = common::files_under(&examples)
        .into_iter()
        .filter(|p| is_post_file(p))
        .collect();
    assert!(files.len() > 20, "examples found: {files:?}");
    let mut changed = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        for plan in [SAFE, REVIEW] {
            let fixed = fixed_twice(Some(path), &text, plan).unwrap_or_else(|e| panic!("{e}"));
            changed += usize::from(fixed != text);
        }
    }
    assert!(
        changed > 0,
        "no example had anything to fix: the test tests nothing"
    );
}

#[test]
fn a_sample_of_the_corpus_is_fixed_once_and_for_all() {
    let Some(corpus) = common::corpus_or_skip("a_sample_of_the_corpus_is_fixed_once_and_for_all")
    else {
        return;
    };
    let files: Vec<_> = common::files_under(&corpus)
        .into_iter()
        .filter(|p| is_post_file(p))
        .collect();
    assert!(files.len() > 100, "corpus files: {}", files.len());
    // Every 8th file: each kind of post, in a few seconds.
    for path in files.iter().step_by(8) {
        let text = std::fs::read_to_string(path).unwrap();
        for plan in [SAFE, REVIEW] {
            fixed_twice(Some(path), &text, plan).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// Common misspellings (typo, fix) that are not names, every 97th row.
fn misspellings() -> Vec<&'static str> {
    include_str!("../rules/dictionaries/misspellings.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let typo = cols.next()?;
            let _fix = cols.next()?;
            (cols.next().is_none() && typo.chars().all(|c| c.is_ascii_lowercase())).then_some(typo)
        })
        .step_by(97)
        .collect()
}

const WORDS: &[&str] = &[
    "the", "a", "release", "is", "faster", "we", "shipped", "new", "and", "our", "team", "for",
    "users", "it", "this", "week", "that", "with", "data", "in", "on", "to", "of", "very",
    "really", "utilize", "Rust", "blog", "I", "an", "apple", "code", "you", "can", "see",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(str::to_owned),
        2 => proptest::sample::select(misspellings()).prop_map(str::to_owned),
        2 => proptest::sample::select(WORDS).prop_map(|w| format!("{w} {w}")),
        1 => proptest::sample::select(vec![".", ",", "!", "?", ":", "#launch", "@team", "https://example.com/x"])
            .prop_map(str::to_owned),
    ]
}

fn text() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(proptest::collection::vec(token(), 1..25), 1..5),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(paragraphs, crlf, bom)| {
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut out = if bom {
                "\u{feff}".to_owned()
            } else {
                String::new()
            };
            for p in paragraphs {
                out.push_str(&p.join(" "));
                out.push('.');
                out.push_str(eol);
                out.push_str(eol);
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_text_with_fixable_problems_settles(text in text(), markdown in any::<bool>(), review in any::<bool>()) {
        let path = markdown.then_some(Path::new("post.md"));
        let plan = if review { REVIEW } else { SAFE };
        let fixed = fixed_twice(path, &text, plan);
        prop_assert!(fixed.is_ok(), "{}", fixed.unwrap_err());
    }
}

/// The generator is worth its cases: most texts it makes have something
/// `--fix` changes.
#[test]
fn random_texts_mostly_have_something_to_fix() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = text();
    let mut changed = 0;
    for _ in 0..20 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let fixed = fixed_twice(None, &text, SAFE).unwrap_or_else(|e| panic!("{e}"));
        changed += usize::from(fixed != text);
    }
    assert!(changed >= 10, "only {changed} of 20 random texts had a fix");
}
