//! The crisis rules (`tone: crisis`) on crisis statements written by people
//! who had not seen them (`tests/data/crisis/README.md`): evasive ones must
//! be flagged, honest ones left alone. Precision and recall are printed
//! and held to a floor.

use std::path::Path;

use postlint::engine::Engine;
use postlint::finding::Severity;
use postlint::profile::purpose::Tone;

fn engine() -> Engine {
    let mut engine = Engine::built_in().expect("built-in checklists load");
    engine.layers.cli.tone = Some(Tone::Crisis);
    engine
}

/// The crisis findings (warnings and errors) on each file of a folder.
fn flagged(engine: &Engine, dir: &Path) -> Vec<(String, Vec<String>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 20,
        "{}: {} statements",
        dir.display(),
        files.len()
    );
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let out = engine.check_source(Some(path), path.display().to_string(), text);
            let rules = out
                .posts
                .iter()
                .flat_map(|p| &p.findings)
                .filter(|f| f.severity != Severity::Suggestion)
                .map(|f| engine.book.rule(f.rule).id.clone())
                .filter(|id| id.starts_with("strategy.crisis-"))
                .collect();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                rules,
            )
        })
        .collect()
}

fn measure(set: &str) -> (f64, f64) {
    let engine = engine();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/crisis")
        .join(set);
    let evasive = flagged(&engine, &root.join("evasive"));
    let honest = flagged(&engine, &root.join("honest"));
    let caught = evasive.iter().filter(|(_, r)| !r.is_empty()).count();
    let false_alarms: Vec<_> = honest.iter().filter(|(_, r)| !r.is_empty()).collect();
    let precision = caught as f64 / (caught + false_alarms.len()) as f64;
    let recall = caught as f64 / evasive.len() as f64;
    println!(
        "{set}: {caught} of {} evasive flagged, {} of {} honest flagged: precision {:.0}%, recall {:.0}%",
        evasive.len(),
        false_alarms.len(),
        honest.len(),
        precision * 100.0,
        recall * 100.0
    );
    for (file, rules) in &false_alarms {
        println!("  false alarm {file}: {rules:?}");
    }
    for (file, _) in evasive.iter().filter(|(_, r)| r.is_empty()) {
        println!("  missed {file}");
    }
    (precision, recall)
}

#[test]
fn evasive_statements_are_flagged_and_honest_ones_pass() {
    for set in ["set-a", "set-b"] {
        let (precision, recall) = measure(set);
        assert!(
            precision >= 0.9 && recall >= 0.9,
            "{set}: precision {precision:.2}, recall {recall:.2}"
        );
    }
}

#[test]
fn crisis_rules_do_not_run_in_a_normal_tone() {
    let engine = Engine::built_in().expect("built-in checklists load");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crisis/set-a/evasive");
    assert!(flagged(&engine, &dir).iter().all(|(_, r)| r.is_empty()));
}

#[test]
fn a_crisis_statement_full_of_deflection_fails() {
    // The example: it passed with 84 before crisis mode.
    let text = "---\ntone: crisis\n---\nWe apologize for any inconvenience. Mistakes were made, \
                and this will never happen again.\n";
    let out = Engine::built_in()
        .unwrap()
        .check_source(None, "t".into(), text.into());
    let post = &out.posts[0];
    assert!(!post.verdict.passed, "{:?}", post.verdict);
    let errors = post
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    assert_eq!(errors, 3, "{:?}", post.findings);
}
