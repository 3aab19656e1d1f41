//! Snapshots of the three report formats on one fixture set: the four
//! examples below, each checked with `--format pretty`, `compact`, `json`.

use super::*;

/// The fixture set, with the exit code each must give.
const FILES: &[(&str, i32)] = &[
    ("examples/linkedin-launch.md", FAILED),
    ("examples/x-thread.md", FAILED),
    ("examples/newsletter.md", PASSED),
    ("examples/positions.txt", PASSED),
];

fn snapshot(format: &str) {
    for &(file, code) in FILES {
        let out = in_repo(&["check", file, "--format", format]);
        out.code(code);
        assert_eq!(out.stderr, "", "{file}: nothing on stderr");
        assert!(
            !out.stdout.contains('\u{1b}'),
            "{file}: no colour with --color never"
        );
        if format == "json" {
            out.json();
        }
        let stem = file
            .trim_start_matches("examples/")
            .replace('.', "-")
            .to_owned();
        insta::with_settings!({
            description => format!("postlint --color never check {file} --format {format}  (exit {code})"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{format}__{stem}"), out.stdout);
        });
    }
}

#[test]
fn pretty_snapshots() {
    snapshot("pretty");
}

#[test]
fn compact_snapshots() {
    snapshot("compact");
}

#[test]
fn json_snapshots() {
    snapshot("json");
}

#[test]
fn pretty_is_the_default_format() {
    let default = in_repo(&["check", "examples/x-thread.md"]);
    let pretty = in_repo(&["check", "examples/x-thread.md", "--format", "pretty"]);
    assert_eq!(default.stdout, pretty.stdout);
}

#[test]
fn compact_is_one_line_per_finding_with_path_line_column() {
    let out = in_repo(&["check", "examples/positions.txt", "--format", "compact"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert!(lines[0].starts_with("examples/positions.txt:3:59: warning correct.repeated-word"));
    assert!(lines[1].starts_with("examples/positions.txt:3:90: warning "));
}

#[test]
fn pretty_numbers_the_posts_of_a_thread() {
    let out = in_repo(&["check", "examples/x-thread.md"]);
    for n in 1..=4 {
        assert!(
            out.stdout.contains(&format!("post {n} of 4")),
            "post {n} of 4 in:\n{}",
            out.stdout
        );
    }
    assert!(out.stdout.contains("281 / 280"), "{}", out.stdout);
}

#[test]
fn quiet_shows_only_failing_posts() {
    let out = in_repo(&["check", "examples/x-thread.md", "--quiet"]);
    out.code(FAILED);
    assert!(out.stdout.contains("post 2 of 4"), "{}", out.stdout);
    for n in [1, 3, 4] {
        assert!(
            !out.stdout.contains(&format!("post {n} of 4")),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn explain_score_lists_the_rules_that_cost_points() {
    let out = in_repo(&["check", "examples/x-thread.md", "--explain-score"]);
    out.code(FAILED);
    let plain = in_repo(&["check", "examples/x-thread.md"]);
    assert!(out.stdout.len() > plain.stdout.len());
    assert!(
        out.stdout
            .lines()
            .any(|l| l.trim_start().starts_with('-') && l.contains("channel.too-long")),
        "a deduction line for channel.too-long in:\n{}",
        out.stdout
    );
}

/// `(terminal columns before the caret, caret count)` for each finding
/// excerpt of a pretty report: a source line `N | text` followed by
/// `  | ^^^`.
fn carets(pretty: &str) -> Vec<(usize, usize)> {
    pretty
        .lines()
        .filter(|l| l.trim_start().starts_with('|') && l.contains('^'))
        .map(|l| {
            let bar = l.find('|').unwrap();
            let rest = &l[bar + 2..];
            let lead = rest.chars().take_while(|c| *c == ' ').count();
            (lead, rest.trim().chars().filter(|c| *c == '^').count())
        })
        .collect()
}

#[test]
fn pretty_caret_is_under_the_span_on_plain_lines() {
    // newsletter.md 43:163 is cut to fit: the caret stays under "to".
    let out = in_repo(&["check", "examples/newsletter.md"]);
    let text = &out.stdout;
    let line = text.lines().find(|l| l.starts_with("43 |")).unwrap();
    let (lead, width) = carets(text)[1];
    let shown: String = line["43 | ".len()..]
        .chars()
        .skip(lead)
        .take(width)
        .collect();
    assert_eq!(shown, "to");
}

#[test]

fn pretty_caret_is_under_the_span_after_a_zwj_emoji() {
    // From EXPECTED.md: the second "the" is at grapheme column 51 and `!!!`
    // at 82. Before them, the tab shows as 4 columns (+3), the family emoji
    // and the flag as 2 (+1 each), "café" as 4: 50 + 5 = 55, 81 + 5 = 86.
    let out = in_repo(&["check", "examples/positions.txt"]);
    assert_eq!(carets(&out.stdout), [(55, 3), (86, 3)], "{}", out.stdout);
}
