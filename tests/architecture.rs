//! The architecture invariants of ARCHITECTURE.md, checked on the source:
//! the pipeline's stages import only earlier stages, reports see only the
//! run model, kinds see only their contract. A change that breaks one
//! fails here, with the file and line.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate::...` paths used by the non-test code of files under `folder`,
/// as (file, line number, line).
fn imports(folder: &str) -> Vec<(String, usize, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let target = root.join(folder);
    if target.is_dir() {
        rust_files(&target, &mut files);
    } else {
        files.push(target.with_extension("rs"));
    }
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source is readable");
        // Unit tests may build a whole engine; the invariants are about
        // the code that ships.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (i, line) in code.lines().enumerate() {
            if line.contains("crate::") {
                let shown = file
                    .strip_prefix(&root)
                    .unwrap_or(&file)
                    .display()
                    .to_string();
                out.push((shown, i + 1, line.trim().to_owned()));
            }
        }
    }
    out
}

/// True when `line` uses the path `crate::{path}` itself, not a longer
/// name that starts the same (`crate::check` is not `crate::checklist`).
fn names(line: &str, path: &str) -> bool {
    let needle = format!("crate::{path}");
    line.match_indices(&needle).any(|(i, _)| {
        line[i + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    })
}

/// Fails listing every import of `folder` that names one of `banned`.
fn assert_no_imports(folder: &str, banned: &[&str], why: &str) {
    let bad: Vec<String> = imports(folder)
        .into_iter()
        .filter(|(_, _, line)| banned.iter().any(|b| names(line, b)))
        .map(|(file, n, line)| format!("  src/{file}:{n}: {line}"))
        .collect();
    assert!(bad.is_empty(), "{why}:\n{}", bad.join("\n"));
}

const LATER_THAN_INPUT: &[&str] = &[
    "text",
    "profile",
    "checklist",
    "settings",
    "check",
    "score",
    "outcome",
    "report",
    "engine",
    "stats",
    "app",
];

#[test]
fn stages_import_only_earlier_stages() {
    assert_no_imports(
        "input",
        LATER_THAN_INPUT,
        "input/ reads files; it knows no later stage",
    );
    assert_no_imports(
        "text",
        &LATER_THAN_INPUT[1..],
        "text/ is the post model; it knows no channel, rule or report",
    );
    assert_no_imports(
        "profile",
        &LATER_THAN_INPUT[2..],
        "profile/ is channels and audiences; it knows no rule or report",
    );
    assert_no_imports(
        "checklist",
        &LATER_THAN_INPUT[3..]
            .iter()
            .filter(|s| **s != "outcome")
            .copied()
            .collect::<Vec<_>>(),
        "checklist/ compiles rules; it knows no settings, check or report",
    );
    assert_no_imports(
        "settings",
        &["check", "score", "report", "engine", "stats", "app"],
        "settings/ resolves names; it knows no check or report",
    );
}

#[test]
fn reports_see_only_the_run_model() {
    assert_no_imports(
        "report",
        &[
            "engine",
            "checklist",
            "check",
            "settings",
            "score",
            "profile",
        ],
        "a report renders the run model (outcome.rs) and nothing else",
    );
}

#[test]
fn kinds_see_only_their_contract() {
    assert_no_imports(
        "checklist/kinds",
        &[
            "checklist::RuleBook",
            "checklist::rule",
            "checklist::Checklist",
            "engine",
            "check",
            "settings",
            "report",
        ],
        "a kind sees kinds/api.rs, never the rule book",
    );
}

#[test]
fn readme_documents_every_kind() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    for kind in postlint::checklist::kinds::KindName::ALL {
        let row = format!("| `{}` |", kind.as_str());
        assert!(
            readme.contains(&row),
            "README's kinds table lacks a row for `{}`",
            kind.as_str()
        );
    }
}
