//! Unified diffs of a file's text before and after `--diff`'s fixes, as
//! `diff -u` and `git diff` print them (`--- a/PATH`, `+++ b/PATH`, hunks
//! with three lines of context, `\ No newline at end of file`), so the
//! output applies with `git apply` or `patch -p1`.
//!
//! Lines keep their own endings: a CRLF file's diff carries its `\r`s.
//! The diff is Myers' (the `similar` crate, which trims the common prefix
//! and suffix first) with a deadline, after which it settles for a larger
//! but still correct diff instead of going quadratic.

use std::time::Duration;

use colored::Colorize;
use similar::{Algorithm, TextDiff};

/// How long the diff of one file may search for the smallest diff.
const DEADLINE: Duration = Duration::from_millis(500);

/// The unified diff from `old` to `new` of the file shown as `path`; empty
/// when they are the same. `colour`: headers bold, removed lines red, added
/// lines green, hunk headers cyan.
pub fn unified(path: &str, old: &str, new: &str, colour: bool) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(DEADLINE)
        .diff_lines(old, new);
    let name = diff_path(path);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    if colour { paint(&text) } else { text }
}

/// The path as diff headers name it: forward slashes, no leading `./`.
fn diff_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    rest.trim_start_matches('/').to_owned()
}

fn paint(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        let painted = if i < 2 {
            body.bold()
        } else if body.starts_with("@@") {
            body.cyan()
        } else if body.starts_with('-') {
            body.red()
        } else if body.starts_with('+') {
            body.green()
        } else {
            body.normal()
        };
        out.push_str(&painted.to_string());
        out.push_str(ending);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_a_hunk_with_context() {
        let old = "one\ntwo\nthree the the\nfour\nfive\nsix\nseven\neight\n";
        let new = "one\ntwo\nthree the\nfour\nfive\nsix\nseven\neight\n";
        assert_eq!(
            unified("./posts/a.md", old, new, false),
            "--- a/posts/a.md\n+++ b/posts/a.md\n@@ -1,6 +1,6 @@\n one\n two\n-three the the\n+three the\n four\n five\n six\n"
        );
        assert_eq!(unified("a.md", old, old, false), "");
    }

    #[test]
    fn a_last_line_without_a_newline_is_marked_and_crlf_kept() {
        assert_eq!(
            unified("a.txt", "teh cat", "the cat", false),
            "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-teh cat\n\\ No newline at end of file\n+the cat\n\\ No newline at end of file\n"
        );
        assert_eq!(
            unified("a.txt", "a\r\nteh\r\n", "a\r\nthe\r\n", false),
            "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n a\r\n-teh\r\n+the\r\n"
        );
    }

    #[test]
    fn a_long_file_with_every_line_changed_stays_fast() {
        let old: String = (0..20_000).map(|i| format!("line {i}\n")).collect();
        let new: String = (0..20_000).map(|i| format!("row {i}\n")).collect();
        let start = std::time::Instant::now();
        let diff = unified("big.txt", &old, &new, false);
        assert!(start.elapsed() < Duration::from_secs(5));
        assert_eq!(diff.lines().filter(|l| l.starts_with('-')).count(), 20_001);
    }
}
