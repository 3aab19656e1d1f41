//! Running in CI and pre-commit: `--force-exclude`, `--changed-since`,
//! `--changed-lines`, `--baseline` and `--write-baseline`, on real git
//! repositories in temporary folders.

use std::path::Path;
use std::process::Command;

use crate::{ERROR, FAILED, PASSED, postlint, temp_dir, write};

const CLEAN: &str = "# Notes\n\nWe ship the new editor today.\n";
const SHOUTY: &str = "# Notes\n\nWe ship the new editor today.\n\nCLICK HERE to read more.\n";

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?} failed");
}

pub(super) fn repo_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = temp_dir();
    git(dir.path(), &["init", "-q"]);
    for (rel, text) in files {
        write(dir.path(), rel, text);
    }
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "start"]);
    dir
}

fn checked_paths(json: &serde_json::Value) -> Vec<String> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn force_exclude_skips_named_files_the_config_excludes() {
    let dir = temp_dir();
    write(dir.path(), "postlint.toml", "exclude = [\"archive/**\"]\n");
    write(dir.path(), "archive/old.md", SHOUTY);
    write(dir.path(), "new.md", CLEAN);
    let named = ["check", "--fail-on", "warning", "archive/old.md", "new.md"];
    postlint(&named, dir.path()).code(FAILED);
    let forced = ["check", "--force-exclude", "--fail-on", "warning"];
    let out = postlint(
        &[
            &forced[..],
            &["--format", "json", "archive/old.md", "new.md"],
        ]
        .concat(),
        dir.path(),
    );
    out.code(PASSED);
    assert_eq!(checked_paths(&out.json()), ["new.md"]);
    // Only excluded files named: a pass, with no "no post files found".
    let out = postlint(&[&forced[..], &["archive/old.md"]].concat(), dir.path());
    out.code(PASSED);
    assert!(!out.stderr.contains("no post files"), "{}", out.stderr);
}

#[test]
fn changed_since_checks_only_changed_and_untracked_post_files() {
    let dir = repo_with(&[("old.md", SHOUTY), ("kept.md", CLEAN)]);
    let args = ["check", "--changed-since", "HEAD", "--fail-on", "warning"];
    // Nothing changed: a pass, not "no post files found".
    postlint(&args, dir.path())
        .code(PASSED)
        .stderr_has(&["no post files changed since HEAD"]);
    write(dir.path(), "kept.md", SHOUTY); // a tracked edit
    write(dir.path(), "drafts/new.md", CLEAN); // untracked
    write(dir.path(), "notes.rs", "fn main() {}\n"); // not a post
    let out = postlint(&[&args[..], &["--format", "json"]].concat(), dir.path());
    out.code(FAILED);
    assert_eq!(checked_paths(&out.json()), ["drafts/new.md", "kept.md"]);
    // Paths narrow the changed files down.
    let out = postlint(
        &[&args[..], &["--format", "json", "drafts"]].concat(),
        dir.path(),
    );
    out.code(PASSED);
    assert_eq!(checked_paths(&out.json()), ["drafts/new.md"]);
}

#[test]
fn changed_since_explains_a_missing_revision_and_a_missing_repository() {
    let dir = repo_with(&[("a.md", CLEAN)]);
    postlint(&["check", "--changed-since", "origin/main"], dir.path())
        .code(ERROR)
        .stderr_has(&["revision `origin/main` not found", "fetch-depth: 0"]);
    let plain = temp_dir();
    write(plain.path(), "a.md", CLEAN);
    postlint(&["check", "--changed-since", "HEAD"], plain.path())
        .code(ERROR)
        .stderr_has(&["needs a git repository"]);
    postlint(&["check", "--changed-lines"], plain.path()).code(ERROR);
}

#[test]
fn changed_lines_keeps_only_findings_on_changed_lines() {
    let dir = repo_with(&[("a.md", SHOUTY), ("über.md", SHOUTY)]);
    let args = ["check", "--changed-since", "HEAD", "--fail-on", "warning"];
    // A file name git would quote: its changed lines are still found.
    write(
        dir.path(),
        "über.md",
        format!("{SHOUTY}\nSIGN UP TODAY please.\n"),
    );
    let out = postlint(
        &[&args[..], &["--changed-lines", "--format", "compact"]].concat(),
        dir.path(),
    );
    out.code(FAILED);
    assert!(out.stdout.contains("über.md:7:1"), "{}", out.stdout);
    write(dir.path(), "über.md", SHOUTY);
    // The old shouting stays; a new paragraph adds a clean line.
    write(dir.path(), "a.md", format!("{SHOUTY}\nAnd a calm line.\n"));
    postlint(&[&args[..], &["--changed-lines"]].concat(), dir.path()).code(PASSED);
    postlint(&args, dir.path()).code(FAILED);
    // A new shouting line is on a changed line.
    write(
        dir.path(),
        "a.md",
        format!("{SHOUTY}\nSIGN UP TODAY please.\n"),
    );
    let out = postlint(
        &[&args[..], &["--changed-lines", "--format", "compact"]].concat(),
        dir.path(),
    );
    out.code(FAILED);
    assert!(out.stdout.contains("a.md:7:1"), "{}", out.stdout);
    assert!(!out.stdout.contains("a.md:5:1"), "{}", out.stdout);
}

#[test]
fn a_baseline_fails_only_on_new_findings_and_survives_moved_lines() {
    let dir = temp_dir();
    write(dir.path(), "posts/a.md", SHOUTY);
    write(dir.path(), "posts/b.md", CLEAN);
    let fail = ["check", "--fail-on", "warning"];
    postlint(&fail, dir.path()).code(FAILED);
    postlint(
        &[&fail[..], &["--write-baseline", "baseline.json"]].concat(),
        dir.path(),
    )
    .code(PASSED)
    .stderr_has(&["wrote baseline.json with 1 finding"]);
    let text = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["findings"][0]["rule"], "strategy.shouting");
    assert_eq!(saved["findings"][0]["file"], "posts/a.md");

    let with = [&fail[..], &["--baseline", "baseline.json"]].concat();
    let out = postlint(&with, dir.path());
    out.code(PASSED);
    assert!(
        out.stdout.contains("1 finding suppressed by the baseline"),
        "{}",
        out.stdout
    );
    let json = postlint(&[&with[..], &["--format", "json"]].concat(), dir.path()).json();
    assert_eq!(json["summary"]["suppressed"], 1);
    assert_eq!(json["version"], 1);

    // Lines move (a paragraph above, the file in another order): still old.
    write(
        dir.path(),
        "posts/a.md",
        "# Notes\n\nA new first paragraph.\n\nCLICK HERE to read more.\n\nWe ship the new editor today.\n",
    );
    postlint(&with, dir.path()).code(PASSED);

    // One new finding fails, and the old one stays suppressed.
    write(
        dir.path(),
        "posts/b.md",
        "# More\n\nSIGN UP TODAY please.\n",
    );
    let out = postlint(&[&with[..], &["--format", "json"]].concat(), dir.path());
    out.code(FAILED);
    let json = out.json();
    assert_eq!(json["summary"]["suppressed"], 1);
    assert_eq!(json["summary"]["warnings"], 1);

    // The same text in another file, or a second time in the same file,
    // is new too.
    write(
        dir.path(),
        "posts/b.md",
        "# More\n\nCLICK HERE to read more.\n",
    );
    postlint(&with, dir.path()).code(FAILED);
    write(dir.path(), "posts/b.md", CLEAN);
    postlint(&with, dir.path()).code(PASSED);
    write(
        dir.path(),
        "posts/a.md",
        format!("{SHOUTY}\nCLICK HERE again.\n"),
    );
    postlint(&with, dir.path()).code(FAILED);
}

#[test]
fn a_bad_baseline_is_a_clear_error() {
    let dir = temp_dir();
    write(dir.path(), "a.md", CLEAN);
    write(dir.path(), "b.json", "{\"version\": 9, \"findings\": []}");
    postlint(&["check", "--baseline", "b.json"], dir.path())
        .code(ERROR)
        .stderr_has(&["baseline version 9"]);
    postlint(&["check", "--baseline", "missing.json"], dir.path())
        .code(ERROR)
        .stderr_has(&["cannot read baseline missing.json"]);
    write(dir.path(), "c.json", "not json");
    postlint(&["check", "--baseline", "c.json"], dir.path())
        .code(ERROR)
        .stderr_has(&["not a postlint baseline"]);
}

#[test]
fn changed_lines_and_a_baseline_count_occurrences_in_the_whole_file() {
    let dir = repo_with(&[("a.md", SHOUTY)]);
    let base = ["check", "--fail-on", "warning"];
    postlint(
        &[&base[..], &["--write-baseline", "b.json"]].concat(),
        dir.path(),
    )
    .code(PASSED);
    // A second "CLICK HERE" on a new line is the file's second occurrence,
    // new even when the first one is off the changed lines.
    write(dir.path(), "a.md", format!("{SHOUTY}\nCLICK HERE again.\n"));
    let args = [
        &base[..],
        &[
            "--changed-since",
            "HEAD",
            "--changed-lines",
            "--baseline",
            "b.json",
        ],
        &["--format", "json"],
    ]
    .concat();
    let out = postlint(&args, dir.path());
    out.code(FAILED);
    assert_eq!(out.json()["summary"]["suppressed"], 0);
    assert_eq!(out.json()["summary"]["warnings"], 1);
}

#[test]
fn the_pre_commit_hook_names_every_post_file_and_only_those() {
    let manifest = std::fs::read_to_string(crate::repo().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<serde_json::Value> = serde_saphyr::from_str(&manifest).unwrap();
    let hook = &hooks[0];
    assert_eq!(hook["id"], "postlint");
    assert_eq!(hook["language"], "rust");
    assert_eq!(hook["types"], serde_json::json!(["text"]));
    assert!(hook["entry"].as_str().unwrap().contains("--force-exclude"));
    // pre-commit searches with Python's re.search; this pattern means the
    // same in the regex crate.
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    for ext in postlint::input::walk::post_extensions() {
        assert!(files.is_match(&format!("posts/a.{ext}")), "{ext}");
    }
    for other in ["src/main.rs", "README.md.orig", "notes.mdx.bak", "a.toml"] {
        assert!(!files.is_match(other), "{other}");
    }
}
