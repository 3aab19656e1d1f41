//! Broken checklists and configs stop the run with exit code 2 and a message
//! naming file:line:column, the key, and a hint. Positions below are counted
//! by hand from the fixtures.

use super::*;

/// Lines 1-15 of every `brand.toml` fixture: a good rule, then the
/// `[[rule]]` header of the broken one on line 15; its keys start on line 16.
const HEADER: &str = r#"# A team checklist with one good rule and one broken one.
[checklist]
id = "brand"
title = "Brand"
description = "Our names, spelled our way."

[[rule]]
id = "product-name"
kind = "substitution"
swap = { "northwind pulse" = "Northwind Pulse" }
severity = "warning"
message = "Write \"{suggestion}\", not \"{match}\"."
why = "Product names spelled one way look like one product."

[[rule]]
"#;

/// (a) an unknown key `maxx` on line 19, column 1.
const UNKNOWN_KEY: &str = r#"id = "short-post"
kind = "metric"
metric = "words"
maxx = 3
severity = "warning"
message = "{value} words; keep it to {max}."
why = "Short posts get read."
"#;

/// (b) a bad regex: the second pattern `"("` on line 18; `patterns = [` is
/// 12 columns, `'\bmeh\b'` 9 more (13-21), then `, `: the `"` is column 24.
const BAD_REGEX: &str = r#"id = "no-meh"
kind = "existence"
patterns = ['\bmeh\b', "("]
severity = "warning"
message = "Cut \"{match}\"."
why = "It reads as careless."
"#;

/// (c) an unknown kind on line 17; the value starts at column 8.
const UNKNOWN_KIND: &str = r#"id = "no-meh"
kind = "existance"
tokens = ["meh"]
severity = "warning"
message = "Cut \"{match}\"."
why = "It reads as careless."
"#;

/// (d) an unknown placeholder `{valeu}` in the message on line 21; the value
/// starts at column 11.
const UNKNOWN_PLACEHOLDER: &str = r#"id = "short-post"
kind = "metric"
metric = "words"
max = 3
severity = "warning"
message = "{valeu} words; keep it to {max}."
why = "Short posts get read."
"#;

/// The ways a checklist gets loaded: (config text or none, extra args, the
/// checklist's folder, how the error names the file).
const LOADERS: &[(Option<&str>, &[&str], &str)] = &[
    (None, &["--checklist", "brand.toml"], ""),
    (None, &["--checklist", "readable,brand.toml"], ""),
    (
        Some("checklists = [\"readable\", \"brand.toml\"]\n"),
        &["--config", "postlint.toml"],
        "",
    ),
    // Found by discovery.
    (
        Some("checklists = [\"readable\", \"brand.toml\"]\n"),
        &[],
        "",
    ),
    // Paths in a config are relative to the config file.
    (
        Some("checklists = [\"correct\", \"brand.toml\"]\n"),
        &["--config", "team/postlint.toml"],
        "team/",
    ),
];

/// Loads `HEADER + body` as `brand.toml` every way there is; each run must
/// exit 2 without a report, and stderr must name `brand.toml:` + `parts[0]`
/// and hold every other part.
fn assert_broken(body: &str, parts: &[&str]) {
    for (config, args, folder) in LOADERS {
        let dir = temp_dir();
        let d = dir.path();
        write(
            d,
            "post.md",
            "---\nchannel: linkedin\n---\nTry northwind pulse today.\n",
        );
        write(d, &format!("{folder}brand.toml"), format!("{HEADER}{body}"));
        if let Some(config) = config {
            write(d, &format!("{folder}postlint.toml"), config);
        }
        let mut all = args.to_vec();
        all.extend(["check", "post.md"]);
        let out = postlint(&all, d);
        out.code(ERROR);
        assert_eq!(out.stdout, "", "no report after a broken checklist");
        let location = format!("{folder}brand.toml:{}", parts[0]);
        out.stderr_has(&[&location]);
        out.stderr_has(&parts[1..]);
    }
}

#[test]
fn the_fixture_without_its_broken_rule_loads() {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "post.md",
        "---\nchannel: linkedin\n---\nTry northwind pulse today.\n",
    );
    write(
        d,
        "brand.toml",
        HEADER.trim_end().trim_end_matches("[[rule]]"),
    );
    let out = postlint(
        &[
            "--checklist",
            "brand.toml",
            "check",
            "post.md",
            "--format",
            "json",
        ],
        d,
    );
    let report = out.json();
    let found = findings_of(&report, "brand.product-name");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["suggestion"], "Northwind Pulse");
    assert_eq!(at(found[0]), (4, 5));
}

#[test]
fn checklist_unknown_key() {
    assert_broken(UNKNOWN_KEY, &["19:1", "`maxx`", "did you mean `max`?"]);
}

#[test]
fn checklist_bad_regex() {
    assert_broken(
        BAD_REGEX,
        &["18:24", "`patterns`", "regular expression", "regex"],
    );
}

#[test]
fn checklist_unknown_kind_is_located() {
    assert_broken(UNKNOWN_KIND, &["17:8", "existance"]);
}

#[test]

fn checklist_unknown_kind_names_the_key_and_suggests() {
    assert_broken(
        UNKNOWN_KIND,
        &["17:8", "`kind`", "existance", "did you mean `existence`?"],
    );
}

#[test]
fn checklist_unknown_placeholder_is_rejected() {
    assert_broken(
        UNKNOWN_PLACEHOLDER,
        &["", "`message`", "{valeu}", "{value}"],
    );
}

#[test]

fn checklist_unknown_placeholder_is_located_at_the_message() {
    assert_broken(UNKNOWN_PLACEHOLDER, &["21:11", "`message`", "{valeu}"]);
}

#[test]
fn checklist_rules_are_listed_and_explained() {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "brand.toml",
        HEADER.trim_end().trim_end_matches("[[rule]]"),
    );
    let out = postlint(&["--checklist", "readable,brand.toml", "rules"], d);
    out.code(PASSED);
    assert!(out.stdout.contains("brand.product-name"), "{}", out.stdout);
    assert!(out.stdout.contains("readable.sentence-too-long"));
    assert!(!out.stdout.contains("strategy.risky-claim"));
    let out = postlint(
        &["--checklist", "brand.toml", "explain", "brand.product-name"],
        d,
    );
    out.code(PASSED);
    assert!(
        out.stdout.contains("Product names spelled one way"),
        "{}",
        out.stdout
    );
}

/// Config mistakes: (postlint.toml, what stderr must hold; the first part
/// is the position after `postlint.toml:`).
const BAD_CONFIGS: &[(&str, &[&str])] = &[
    (
        "chanel = \"x\"\n",
        &["1:1", "`chanel`", "did you mean `channel`?"],
    ),
    (
        "# Team settings.\n[rules.\"readable.sentence-too-long\"]\nmaxx = 3\n",
        &["3:1", "`maxx`", "did you mean `max`?"],
    ),
    (
        "[rules.\"readable.no-such-rule\"]\nmax = 3\n",
        &[
            "1:8",
            "`readable.no-such-rule`",
            "`readable` has `readable.sentence-too-long`, ",
        ],
    ),
    (
        "[rules.\"readable.sentence-to-long\"]\nmax = 3\n",
        &["1:8", "did you mean `readable.sentence-too-long`?"],
    ),
    (
        "[rules.\"readable.sentence-too-long\"]\nmax = \"lots\"\n",
        &["2:7", "`max`", "lots"],
    ),
    (
        "[rules.\"readable.sentence-too-long\"]\nkind = \"existence\"\n",
        &["2:1", "`kind`"],
    ),
    (
        "[[overrides]]\npaths = [\"social/**\"]\nchanell = \"x\"\n",
        &["3:1", "`chanell`", "did you mean `channel`?"],
    ),
    (
        "channel = \"linkdin\"\n",
        &["1:11", "did you mean `linkedin`?"],
    ),
    ("audience = \"kids\"\n", &["1:12", "kids"]),
    ("min_score = 170\n", &["1:13", "min_score"]),
    ("fail_on = \"sometimes\"\n", &["1:11", "sometimes"]),
    ("exclude = [\"a/[\"]\n", &["1:12", "invalid glob"]),
    (
        "checklists = [\"readable\", \"missing.toml\"]\n",
        &["1:27", "missing.toml"],
    ),
    (
        "checklists = [\"readble\"]\n",
        &["1:15", "did you mean the built-in `readable`?"],
    ),
    ("channel = \n", &["1:11"]),
];

#[test]
fn config_mistakes_are_located() {
    for (config, parts) in BAD_CONFIGS {
        for explicit in [true, false] {
            let dir = temp_dir();
            let d = dir.path();
            write(d, "postlint.toml", config);
            copy_example("linkedin-good.md", d, "post.md");
            let args: &[&str] = if explicit {
                &["--config", "postlint.toml", "check", "post.md"]
            } else {
                &["check", "post.md"]
            };
            let out = postlint(args, d);
            assert_eq!(out.code, ERROR, "{config:?}: {out:#?}");
            assert_eq!(out.stdout, "", "{config:?}");
            let location = format!("postlint.toml:{}", parts[0]);
            assert!(
                out.stderr.contains(&location),
                "{config:?}: wanted {location} in {}",
                out.stderr
            );
            for part in &parts[1..] {
                assert!(
                    out.stderr.contains(part),
                    "{config:?}: wanted {part} in {}",
                    out.stderr
                );
            }
        }
    }
}

#[test]
fn a_config_error_names_the_config_path_as_given() {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "conf/team.toml",
        "[rules.\"readable.sentence-too-long\"]\nmaxx = 3\n",
    );
    copy_example("linkedin-good.md", d, "post.md");
    postlint(&["--config", "conf/team.toml", "check", "post.md"], d)
        .code(ERROR)
        .stderr_has(&["conf/team.toml:2:1", "`maxx`", "did you mean `max`?"]);
}
