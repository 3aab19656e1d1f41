//! A checklist's own examples are checked: `postlint test-checklists` lists
//! every example that contradicts its rule (exit 1), and a team checklist
//! whose examples contradict its rules does not load (exit 2). Lines below
//! are counted by hand from the fixture.

use super::*;

/// A team checklist whose examples hold. Line 14 holds the first rule's
/// `examples.bad`, line 15 its `examples.good`.
const TEAM: &str = r#"# Our words, our way.
[checklist]
id = "team"
title = "Team"
description = "Our words, our way."

[[rule]]
id = "no-synergy"
kind = "existence"
tokens = ["synergy"]
severity = "warning"
message = "Cut \"{match}\"."
why = "Buzzwords read as filler."
examples.bad = ["Great synergy today."]
examples.good = ["Great teamwork today."]

[[rule]]
id = "product-name"
kind = "substitution"
swap = { "Postlint" = "postlint" }
severity = "warning"
message = "Write \"{suggestion}\", not \"{match}\"."
why = "Our name is written in lowercase."
examples.bad = ["Try Postlint today."]
examples.good = ["Try postlint today."]
"#;

/// `TEAM` with a bad example that does not fire (line 14, after the good
/// one) and a good example that does (line 15).
fn contradicted() -> String {
    TEAM.replace(
        "examples.bad = [\"Great synergy today.\"]",
        "examples.bad = [\"Great synergy today.\", \"Leverage our teams.\"]",
    )
    .replace(
        "examples.good = [\"Great teamwork today.\"]",
        "examples.good = [\"Great teamwork today.\", \"More synergy!\"]",
    )
}

const BAD_LINE: &str =
    "team.toml:14: team.no-synergy: bad example did not fire: \"Leverage our teams.\"";
const GOOD_LINE: &str =
    "team.toml:15: team.no-synergy: good example fired (Cut \"synergy\".): \"More synergy!\"";

/// Lines of stdout that name an example.
fn failure_lines(stdout: &str) -> Vec<&str> {
    stdout.lines().filter(|l| l.contains(": team.")).collect()
}

#[test]
fn the_built_in_examples_hold() {
    let dir = temp_dir();
    let out = postlint(&["test-checklists"], dir.path());
    out.code(PASSED);
    assert!(out.stdout.ends_with(" examples hold\n"), "{}", out.stdout);
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
}

#[test]
fn a_team_checklist_whose_examples_hold_passes() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "team.toml", TEAM);
    let out = postlint(&["--checklist", "readable,team.toml", "test-checklists"], d);
    out.code(PASSED);
    assert!(out.stdout.ends_with(" examples hold\n"), "{}", out.stdout);
}

#[test]
fn contradicting_examples_are_listed_with_file_and_line_and_exit_1() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "team.toml", contradicted());
    let out = postlint(&["--checklist", "team.toml", "test-checklists"], d);
    out.code(FAILED);
    let lines = failure_lines(&out.stdout);
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert!(lines[0].ends_with(BAD_LINE), "{}", out.stdout);
    assert!(lines[1].ends_with(GOOD_LINE), "{}", out.stdout);
    assert!(
        out.stdout.ends_with("2 of 6 examples do not hold\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_checklist_that_does_not_load_exits_2() {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "team.toml",
        TEAM.replace("\"existence\"", "\"existance\""),
    );
    let out = postlint(&["--checklist", "team.toml", "test-checklists"], d);
    out.code(ERROR);
    assert_eq!(out.stdout, "");
    out.stderr_has(&["team.toml:9:8", "did you mean `existence`?"]);
}

#[test]
fn a_team_checklist_with_contradicting_examples_does_not_load() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "team.toml", contradicted());
    write(d, "post.txt", "Great synergy today.\n");
    let loaders: [&[&str]; 3] = [
        &["--checklist", "team.toml", "check", "post.txt"],
        &["--checklist", "team.toml", "explain", "team.no-synergy"],
        &["--checklist", "team.toml", "rules"],
    ];
    for args in loaders {
        let out = postlint(args, d);
        out.code(ERROR);
        assert_eq!(out.stdout, "", "{args:?}: nothing runs");
        out.stderr_has(&[
            "team.toml:14:",
            "`examples.bad`",
            "team.no-synergy: bad example did not fire: \"Leverage our teams.\"",
            "team.toml:15:",
            "`examples.good`",
            "postlint test-checklists",
        ]);
    }
}

#[test]
fn a_rule_the_config_changes_loads_but_is_still_tested() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "team.toml", TEAM);
    write(
        d,
        "postlint.toml",
        "checklists = [\"team.toml\"]\n\n[rules.\"team.no-synergy\"]\ntokens = [\"leverage\"]\n",
    );
    write(d, "post.txt", "Leverage it.\n");
    let out = postlint(&["check", "post.txt", "--format", "json"], d);
    out.code(PASSED);
    assert_eq!(rule_ids(&out.json()), ["team.no-synergy"]);
    let out = postlint(&["test-checklists"], d);
    out.code(FAILED);
    let lines = failure_lines(&out.stdout);
    assert_eq!(lines.len(), 1, "{}", out.stdout);
    assert!(
        lines[0].ends_with(
            "team.toml:14: team.no-synergy: bad example did not fire: \"Great synergy today.\""
        ),
        "{}",
        out.stdout
    );
}

/// Runs today: a case-only swap suggests its own case and stays silent on
/// text already written that way.
#[test]
fn a_case_only_swap_suggests_the_rule_s_case() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "team.toml", TEAM);
    write(d, "post.txt", "Try Postlint today. We like postlint.\n");
    let out = postlint(
        &[
            "--checklist",
            "team.toml",
            "check",
            "post.txt",
            "--format",
            "json",
        ],
        d,
    );
    let report = out.json();
    let found = findings_of(&report, "team.product-name");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["message"], "Write \"postlint\", not \"Postlint\".");
    assert_eq!(found[0]["fix"]["replacement"], "postlint");
    assert_eq!(at(found[0]), (1, 5));
}
