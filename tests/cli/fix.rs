//! `check --fix`, `--diff` and `--review-fixes`: exact file contents after
//! fixing, the diff text, exit codes, stdin, line endings, byte order
//! marks and permissions kept, and only reported findings fixed.

use super::*;

/// Two safe fixes (a doubled word, a known misspelling) and three review
/// ones ("then" after a comparison, two plain words).
const DRAFT: &str = "We shipped the the new release. It is definately faster then the old one.\nIndividuals can purchase it today.\n";
const SAFE_FIXED: &str = "We shipped the new release. It is definitely faster then the old one.\nIndividuals can purchase it today.\n";
const ALL_FIXED: &str = "We shipped the new release. It is definitely faster than the old one.\nPeople can buy it today.\n";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read the post")
}

/// The names in `dir`: no temporary file may be left behind.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn fix_applies_safe_fixes_and_reports_what_is_left() {
    let dir = temp_dir();
    let post = write(dir.path(), "post.txt", DRAFT);
    let out = postlint(&["check", "--fix", "post.txt"], dir.path());
    out.code(PASSED);
    assert_eq!(read(&post), SAFE_FIXED);
    assert!(
        out.stdout.starts_with("post.txt: fixed 2 problems\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("fixed 2 problems\n"), "{}", out.stdout);
    // What is left is the fixed text's: the review fixes, not the typo.
    assert!(out.stdout.contains("= fix (review)"), "{}", out.stdout);
    assert!(!out.stdout.contains("definately"), "{}", out.stdout);
    assert_eq!(names(dir.path()), ["post.txt"]);

    // A second --fix changes nothing.
    let again = postlint(&["check", "--fix", "post.txt"], dir.path());
    again.code(PASSED);
    assert_eq!(read(&post), SAFE_FIXED);
    assert!(
        !again.stdout.contains("post.txt: fixed"),
        "{}",
        again.stdout
    );
    assert!(
        again.stdout.contains("fixed 0 problems"),
        "{}",
        again.stdout
    );
}

#[test]
fn review_fixes_are_applied_only_when_asked() {
    let dir = temp_dir();
    let post = write(dir.path(), "post.txt", DRAFT);
    postlint(
        &["check", "--fix", "--review-fixes", "post.txt"],
        dir.path(),
    )
    .code(PASSED);
    assert_eq!(read(&post), ALL_FIXED);
    // The flag means nothing without --fix or --diff.
    let out = postlint(&["check", "--review-fixes", "post.txt"], dir.path());
    out.code(ERROR).stderr_has(&["--fix", "--diff"]);
    postlint(&["check", "--fix", "--diff", "post.txt"], dir.path()).code(ERROR);
}

#[test]
fn diff_prints_what_fix_would_do_and_writes_nothing() {
    let dir = temp_dir();
    let post = write(dir.path(), "posts/post.txt", DRAFT);
    let out = postlint(&["check", "--diff", "./posts/post.txt"], dir.path());
    out.code(FAILED);
    assert_eq!(
        out.stdout,
        "--- a/posts/post.txt\n+++ b/posts/post.txt\n@@ -1,2 +1,2 @@\n\
         -We shipped the the new release. It is definately faster then the old one.\n\
         +We shipped the new release. It is definitely faster then the old one.\n \
         Individuals can purchase it today.\n"
    );
    // The report goes to stderr: stdout is a patch.
    out.stderr_has(&[
        "posts/post.txt: would fix 2 problems",
        "the diff fixes 2 problems",
    ]);
    assert_eq!(read(&post), DRAFT);
    assert_eq!(names(&dir.path().join("posts")), ["post.txt"]);

    let out = postlint(
        &["check", "--diff", "--review-fixes", "posts/post.txt"],
        dir.path(),
    );
    out.code(FAILED);
    assert!(
        out.stdout.contains("\n+People can buy it today.\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("faster than the old"), "{}", out.stdout);
    assert_eq!(read(&post), DRAFT);

    // Nothing to fix: no diff, and the usual exit code.
    write(dir.path(), "posts/post.txt", SAFE_FIXED);
    let out = postlint(&["check", "--diff", "posts/post.txt"], dir.path());
    out.code(PASSED);
    assert_eq!(out.stdout, "");
}

#[test]
fn a_diff_applies_with_patch() {
    if std::process::Command::new("patch")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `patch` on this machine");
        return;
    }
    let dir = temp_dir();
    let post = write(
        dir.path(),
        "post.txt",
        "\u{feff}Line one.\r\nWe shipped the the release.\r\nEnd",
    );
    let out = postlint(&["check", "--diff", "post.txt"], dir.path());
    out.code(FAILED);
    let applied = std::process::Command::new("patch")
        .args(["-p1", "--binary", "-s"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(out.stdout.as_bytes())?;
            child.wait()
        })
        .expect("patch runs");
    assert!(applied.success(), "patch failed on:\n{}", out.stdout);
    assert_eq!(
        std::fs::read(&post).unwrap(),
        "\u{feff}Line one.\r\nWe shipped the release.\r\nEnd".as_bytes()
    );
}

#[test]
fn crlf_bom_and_permissions_are_kept() {
    let dir = temp_dir();
    let text = "\u{feff}We shipped the the new release.\r\n\r\nIt is definately faster.\r\n";
    let post = write(dir.path(), "post.txt", text);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&post, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    postlint(&["check", "--fix", "post.txt"], dir.path()).code(PASSED);
    assert_eq!(
        std::fs::read(&post).unwrap(),
        "\u{feff}We shipped the new release.\r\n\r\nIt is definitely faster.\r\n".as_bytes()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&post).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    assert_eq!(names(dir.path()), ["post.txt"]);
}

#[test]
fn stdin_fixed_text_goes_to_stdout_and_the_report_to_stderr() {
    let dir = temp_dir();
    let out = postlint_stdin(&["check", "--fix", "-"], dir.path(), DRAFT);
    out.code(PASSED);
    assert_eq!(out.stdout, SAFE_FIXED);
    out.stderr_has(&["-: fixed 2 problems", "1 file, 1 post"]);

    // JSON too: stdout is the text, the JSON report is on stderr.
    let out = postlint_stdin(
        &["check", "--fix", "--format", "json", "-"],
        dir.path(),
        DRAFT,
    );
    out.code(PASSED);
    assert_eq!(out.stdout, SAFE_FIXED);
    let report: Value = serde_json::from_str(&out.stderr).expect("the JSON report on stderr");
    assert_eq!(report["files"][0]["fixed"], 2);
    assert_eq!(report["summary"]["fixed"], 2);

    // Nothing to fix: the text comes back as it was.
    let out = postlint_stdin(&["check", "--fix", "-"], dir.path(), SAFE_FIXED);
    assert_eq!(out.stdout, SAFE_FIXED);
}

#[test]
fn json_with_fix_on_files_stays_on_stdout() {
    let dir = temp_dir();
    let post = write(dir.path(), "post.txt", DRAFT);
    let clean = write(
        dir.path(),
        "clean.txt",
        "A plain post about our new release.\n",
    );
    let out = postlint(
        &[
            "check",
            "--fix",
            "--format",
            "json",
            "clean.txt",
            "post.txt",
        ],
        dir.path(),
    );
    out.code(PASSED);
    let report = out.json();
    super::json::assert_contract(&report);
    assert_eq!(report["files"][0]["fixed"], 0);
    assert_eq!(report["files"][1]["fixed"], 2);
    assert_eq!(report["summary"]["fixed"], 2);
    assert_eq!(read(&post), SAFE_FIXED);
    assert_eq!(read(&clean), "A plain post about our new release.\n");
    // Without --fix the field is absent: version 1 only gains fields.
    let out = postlint(&["check", "--format", "json", "post.txt"], dir.path());
    assert!(out.json()["files"][0].get("fixed").is_none());
    assert!(out.json()["summary"].get("fixed").is_none());
}

#[test]
fn a_fix_found_on_two_channels_is_applied_once() {
    let dir = temp_dir();
    let post = write(
        dir.path(),
        "post.md",
        "---\nchannels: [x, linkedin]\n---\nWe shipped the the new release today.\n",
    );
    let out = postlint(&["check", "--fix", "post.md"], dir.path());
    assert!(
        out.stdout.contains("post.md: fixed 1 problem\n"),
        "{}",
        out.stdout
    );
    assert_eq!(
        read(&post),
        "---\nchannels: [x, linkedin]\n---\nWe shipped the new release today.\n"
    );
}

#[test]
fn a_finding_the_baseline_drops_is_not_fixed() {
    let dir = temp_dir();
    let post = write(dir.path(), "post.txt", "It is definately faster.\n");
    postlint(
        &["check", "--write-baseline", "base.json", "post.txt"],
        dir.path(),
    )
    .code(PASSED);
    write(
        dir.path(),
        "post.txt",
        "It is definately faster.\nWe shipped the the release.\n",
    );
    let out = postlint(
        &["check", "--fix", "--baseline", "base.json", "post.txt"],
        dir.path(),
    );
    out.code(PASSED);
    assert_eq!(
        read(&post),
        "It is definately faster.\nWe shipped the release.\n"
    );
    assert!(
        out.stdout.contains("post.txt: fixed 1 problem\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_post_that_still_fails_exits_1_after_fixing() {
    let dir = temp_dir();
    let long = format!(
        "We shipped the the release. {}\n",
        "Words go here. ".repeat(30)
    );
    let post = write(dir.path(), "post.txt", &long);
    let out = postlint(
        &["check", "--fix", "--channel", "x", "post.txt"],
        dir.path(),
    );
    out.code(FAILED);
    assert_eq!(read(&post), long.replacen("the the", "the", 1));
}

#[test]
fn an_unreadable_path_is_an_error_with_fix() {
    let dir = temp_dir();
    postlint(&["check", "--fix", "missing.txt"], dir.path()).code(ERROR);
    postlint(&["check", "--diff", "missing.txt"], dir.path()).code(ERROR);
}

#[test]
fn only_changed_lines_are_fixed_with_changed_lines() {
    let dir =
        super::ci::repo_with(&[("post.txt", "It is definately faster.\n\nOld text stays.\n")]);
    write(
        dir.path(),
        "post.txt",
        "It is definately faster.\n\nOld text stays.\n\nWe shipped the the release.\n",
    );
    let out = postlint(
        &[
            "check",
            "--fix",
            "--changed-since",
            "HEAD",
            "--changed-lines",
        ],
        dir.path(),
    );
    out.code(PASSED);
    assert_eq!(
        read(&dir.path().join("post.txt")),
        "It is definately faster.\n\nOld text stays.\n\nWe shipped the release.\n"
    );
}

#[test]
fn a_coloured_diff_is_red_and_green() {
    let dir = temp_dir();
    write(dir.path(), "post.txt", DRAFT);
    let out = run(bin(dir.path()).args(["--color", "always", "check", "--diff", "post.txt"]));
    out.code(FAILED);
    assert!(
        out.stdout.contains("\u{1b}[31m-We shipped the the"),
        "{:?}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\u{1b}[32m+We shipped the new"),
        "{:?}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\u{1b}[1m--- a/post.txt"),
        "{:?}",
        out.stdout
    );
}

/// A team checklist whose fixes undo each other: "ping" becomes "pong"
/// and "pong" becomes "ping", forever.
const SEESAW: &str = r#"[checklist]
id = "seesaw"
title = "Seesaw"
description = "Two swaps that undo each other."

[[rule]]
id = "ping-pong"
kind = "substitution"
swap = { "ping" = "pong", "pong" = "ping" }
safe_fix = true
severity = "warning"
message = "Write \"{suggestion}\", not \"{match}\"."
why = "A test of fixes that never settle."
"#;

#[test]
fn fixes_that_never_settle_are_an_error_naming_the_file() {
    let dir = temp_dir();
    write(dir.path(), "seesaw.toml", SEESAW);
    let post = write(dir.path(), "post.txt", "Send a ping now.\n");
    let out = postlint(
        &["--checklist", "seesaw.toml", "check", "--fix", "post.txt"],
        dir.path(),
    );
    out.code(ERROR).stderr_has(&[
        "error: post.txt: fixes did not settle after 10 passes",
        "left unfixed",
    ]);
    assert_eq!(read(&post), "Send a ping now.\n", "left alone");
    assert_eq!(names(dir.path()), ["post.txt", "seesaw.toml"]);
    let out = postlint(
        &["--checklist", "seesaw.toml", "check", "--diff", "post.txt"],
        dir.path(),
    );
    out.code(ERROR);
    assert_eq!(out.stdout, "", "no diff of fixes that do not settle");
}
