//! Helpers shared by the integration tests that run text through the
//! built-in engine. Each test crate uses some of them.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use postlint::engine::Engine;
use postlint::fix::Applicability;

/// A finding as these tests see it: the matched text, the message, and the
/// fix's replacement and applicability.
pub type Found = (String, String, Option<(String, Applicability)>);

/// The built-in engine, loaded once per test binary.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::built_in().expect("built-in checklists load"))
}

/// Each finding of `rule` on `text`, read as the file `path` (`None`:
/// stdin, a plain post; `.md`: Markdown).
pub fn findings_in(engine: &Engine, rule: &str, path: Option<&str>, text: &str) -> Vec<Found> {
    let id = engine
        .book
        .find_rule(rule)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = engine.check_source(path.map(Path::new), path.unwrap_or("t").into(), text.into());
    out.posts
        .iter()
        .flat_map(|p| &p.findings)
        .filter(|f| f.rule == id)
        .map(|f| {
            let fix = f
                .fix
                .as_ref()
                .map(|x| (x.edits[0].replacement.clone(), x.applicability));
            (
                out.source[f.span.range()].to_owned(),
                f.message.clone(),
                fix,
            )
        })
        .collect()
}

/// The corpus of published posts beside the repository
/// (`../shared/data/corpus`), when it is there.
pub fn corpus() -> Option<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpus");
    dir.is_dir().then_some(dir)
}

/// The corpus, or `None` with a note when it is missing; a missing corpus
/// fails the test when `CI` is set (CI always has it).
pub fn corpus_or_skip(test: &str) -> Option<std::path::PathBuf> {
    let dir = corpus();
    if dir.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but ../shared/data/corpus is missing: {test} measured nothing"
        );
        eprintln!("skipped {test}: ../shared/data/corpus is missing");
    }
    dir
}

/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}
