//! The CI formats (`sarif`, `github`, `junit`, `checkstyle`,
//! `codequality`, `markdown`), `--output` and `--report`: snapshots on the
//! fixture set of `formats.rs`, and each format read back the way its
//! consumer reads it: SARIF against the 2.1.0 schema, XML with an XML
//! parser, GitHub workflow commands unescaped, Code Quality's documented
//! fields.

use super::*;

/// The fixture set of `formats.rs`, with the exit code each must give.
const FILES: &[(&str, i32)] = &[
    ("examples/linkedin-launch.md", FAILED),
    ("examples/x-thread.md", FAILED),
    ("examples/newsletter.md", PASSED),
    ("examples/positions.txt", PASSED),
];

const FORMATS: &[&str] = &[
    "sarif",
    "github",
    "junit",
    "checkstyle",
    "codequality",
    "markdown",
];

fn snapshot(format: &str) {
    for &(file, code) in FILES {
        let out = in_repo(&["check", file, "--format", format]);
        out.code(code);
        assert_eq!(out.stderr, "", "{file}: nothing on stderr");
        let stem = file.trim_start_matches("examples/").replace('.', "-");
        insta::with_settings!({
            description => format!("postlint --color never check {file} --format {format}  (exit {code})"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{format}__{stem}"), out.stdout);
        });
    }
}

#[test]
fn sarif_snapshots() {
    snapshot("sarif");
}

#[test]
fn github_snapshots() {
    snapshot("github");
}

#[test]
fn junit_snapshots() {
    snapshot("junit");
}

#[test]
fn checkstyle_snapshots() {
    snapshot("checkstyle");
}

#[test]
fn codequality_snapshots() {
    snapshot("codequality");
}

#[test]
fn markdown_snapshots() {
    snapshot("markdown");
}

/// A team checklist whose message has everything the formats must escape
/// (quotes, commas, colons, percent signs, a line break, a literal `%0A`
/// and `::`), with a safe fix whose replacement has them too.
const HOSTILE_CHECKLIST: &str = r#"[checklist]
id = "brand"
title = "Brand"
description = "Messages with characters every format has to escape."

[[rule]]
id = "odd-word"
kind = "substitution"
swap = { "oops" = "100%, ok: <yes> & 'no'" }
severity = "error"
message = "Bad: \"{match}\", 100%,\nsay {suggestion} %0A ::error"
why = "Testing, escaping: 100%."
"#;

const HOSTILE_PATH: &str = "we, the: 100% <people>.md";

/// A temporary folder with the hostile checklist, a post at the hostile
/// path, a second plain post and a file that cannot be read.
fn hostile_dir() -> tempfile::TempDir {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "brand.toml", HOSTILE_CHECKLIST);
    write(
        d,
        HOSTILE_PATH,
        "---\nchannel: linkedin\n---\nSay oops now, and the the end.\n",
    );
    write(d, "plain.md", "---\nchannel: x\n---\nThis is is fine.\n");
    write(d, "binary.md", b"\x89PNG\r\n\x1a\n\x00\x00 not text");
    dir
}

fn hostile(format: &str) -> Out {
    let dir = hostile_dir();
    postlint(
        &[
            "--checklist",
            "brand.toml,correct",
            "check",
            HOSTILE_PATH,
            "plain.md",
            "binary.md",
            "--format",
            format,
        ],
        dir.path(),
    )
}

/// The JSON report of the hostile run: the messages as written.
fn hostile_json() -> Value {
    let out = hostile("json");
    out.code(ERROR);
    out.json()
}

const BINARY: &str = "looks like a binary file, not text (a NUL byte at offset 8); postlint reads UTF-8 text: exclude the file in postlint.toml or remove the NUL bytes";

// ---------------------------------------------------------------- SARIF

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/data/sarif-schema-2.1.0.json"))
            .expect("the SARIF schema"),
    )
    .expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

#[track_caller]
fn assert_valid_sarif(validator: &jsonschema::Validator, text: &str) -> Value {
    let sarif: Value = serde_json::from_str(text).expect("SARIF is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid SARIF:\n{}\n{text}",
        errors.join("\n")
    );
    sarif
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let validator = sarif_validator();
    // The validator is not vacuous: a result without a message fails.
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "a"}]}]});
    assert!(!validator.is_valid(&bad));
    for &(file, _) in FILES {
        assert_valid_sarif(
            &validator,
            &in_repo(&["check", file, "--format", "sarif"]).stdout,
        );
    }
    let all: Vec<&str> = FILES.iter().map(|(f, _)| *f).collect();
    let mut args = vec!["check"];
    args.extend(&all);
    args.extend(["--format", "sarif"]);
    assert_valid_sarif(&validator, &in_repo(&args).stdout);
    assert_valid_sarif(&validator, &hostile("sarif").stdout);
}

#[test]
fn sarif_results_match_the_json_report() {
    let args = |format| {
        vec![
            "check",
            "examples/x-thread.md",
            "examples/positions.txt",
            "--format",
            format,
        ]
    };
    let sarif = in_repo(&args("sarif")).json();
    let json = in_repo(&args("json")).json();
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["name"], "postlint");
    let results = run["results"].as_array().expect("results");
    let findings = all_findings(&json);
    assert_eq!(results.len(), findings.len());
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for (r, f) in results.iter().zip(&findings) {
        assert_eq!(r["ruleId"], f["rule"]);
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], f["rule"],
            "ruleIndex points at its rule"
        );
        assert_eq!(r["message"]["text"], f["message"]);
        let level = match f["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(r["level"], level);
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(
            loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("examples/"),
            "relative to the repository root"
        );
        let region = &loc["region"];
        assert_eq!(region["startLine"], f["line"]);
        assert_eq!(region["startColumn"], f["column"]);
        assert_eq!(region["endLine"], f["end_line"]);
        assert_eq!(region["endColumn"], f["end_column"]);
        assert_eq!(region["byteOffset"], f["byte_start"]);
        let len = f["byte_end"].as_u64().unwrap() - f["byte_start"].as_u64().unwrap();
        assert_eq!(region["byteLength"], len);
        // Safe fixes only.
        let safe = f["fix"]["safe"].as_bool().unwrap_or(false);
        assert_eq!(r.get("fixes").is_some(), safe, "{r:#}");
        if safe {
            let replacement = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
            assert_eq!(
                replacement["deletedRegion"]["byteOffset"],
                f["fix"]["byte_start"]
            );
            assert_eq!(
                replacement["insertedContent"]["text"],
                f["fix"]["replacement"]
            );
        }
    }
    assert!(
        results.iter().any(|r| r.get("fixes").is_some()),
        "positions.txt's repeated word has a safe fix"
    );
    for rule in rules {
        for key in ["shortDescription", "fullDescription"] {
            assert!(!rule[key]["text"].as_str().unwrap().is_empty());
        }
        assert!(rule["help"]["markdown"].is_string());
        assert!(rule.get("helpUri").is_none(), "no docs base URL configured");
    }
}

#[test]
fn sarif_reports_file_problems_as_notifications_and_encodes_uris() {
    let out = hostile("sarif");
    out.code(ERROR);
    let sarif = out.json();
    let run = &sarif["runs"][0];
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(notes[0]["message"]["text"], BINARY);
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "binary.md"
    );
    let odd = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "brand.odd-word")
        .expect("the odd-word result");
    let uri = odd["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(uri, "we%2C%20the%3A%20100%25%20%3Cpeople%3E.md");
    let json = hostile_json();
    assert_eq!(
        odd["message"]["text"],
        findings_of(&json, "brand.odd-word")[0]["message"]
    );
}

// --------------------------------------------------------------- GitHub

/// One workflow command: level, properties (unescaped), message (unescaped).
#[derive(Debug)]
struct Command {
    level: String,
    props: std::collections::BTreeMap<String, String>,
    message: String,
}

/// Parses and unescapes a workflow command line as GitHub's runner does.
fn parse_command(line: &str) -> Option<Command> {
    let rest = line.strip_prefix("::")?;
    let (head, message) = rest.split_once("::")?;
    let (level, props) = head.split_once(' ').unwrap_or((head, ""));
    let unescape = |s: &str| {
        s.replace("%2C", ",")
            .replace("%3A", ":")
            .replace("%0A", "\n")
            .replace("%0D", "\r")
            .replace("%25", "%")
    };
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_owned(), unescape(v))
        })
        .collect();
    Some(Command {
        level: level.to_owned(),
        props,
        message: unescape(message),
    })
}

#[test]
fn github_lines_unescape_to_the_original_paths_and_messages() {
    let out = hostile("github");
    out.code(ERROR);
    let json = hostile_json();
    let commands: Vec<Command> = out.stdout.lines().filter_map(parse_command).collect();
    let odd = commands
        .iter()
        .find(|c| c.props.get("title").map(String::as_str) == Some("brand.odd-word"))
        .expect("the odd-word annotation");
    let finding = findings_of(&json, "brand.odd-word")[0];
    assert_eq!(odd.level, "error");
    assert_eq!(odd.message, finding["message"].as_str().unwrap());
    assert!(odd.message.contains('\n') && odd.message.contains("%0A ::error"));
    assert_eq!(odd.props["file"], HOSTILE_PATH);
    assert_eq!(odd.props["line"], finding["line"].to_string());
    assert_eq!(odd.props["col"], finding["column"].to_string());
    assert_eq!(odd.props["endLine"], finding["end_line"].to_string());
    assert_eq!(odd.props["endColumn"], finding["end_column"].to_string());
    // Every line is one command: no raw line break escaped the encoding.
    for line in out.stdout.lines() {
        assert!(
            line.starts_with("::") || line.starts_with("postlint: "),
            "{line}"
        );
    }
    // The unreadable file is an error annotation too.
    let binary = commands
        .iter()
        .find(|c| c.props.get("file").map(String::as_str) == Some("binary.md"))
        .expect("the binary file's annotation");
    assert_eq!(
        (binary.level.as_str(), binary.message.as_str()),
        ("error", BINARY)
    );
    // Errors first, then warnings, then notices.
    let rank = |l: &str| {
        ["error", "warning", "notice"]
            .iter()
            .position(|x| *x == l)
            .unwrap()
    };
    let ranks: Vec<usize> = commands.iter().map(|c| rank(&c.level)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{}", out.stdout);
}

#[test]
fn github_says_how_many_annotations_will_not_show() {
    let dir = temp_dir();
    let text: String = (0..12)
        .map(|i| format!("Post {i} says the the thing.\n\n"))
        .collect();
    write(
        dir.path(),
        "many.md",
        format!("---\nchannel: blog\n---\n{text}"),
    );
    let out = postlint(&["check", "many.md", "--format", "github"], dir.path());
    let warnings = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("::warning ") && l.contains("correct.repeated-word"))
        .count();
    assert_eq!(warnings, 12, "{}", out.stdout);
    let count = |level: &str| {
        out.stdout
            .lines()
            .filter(|l| l.starts_with(&format!("::{level} ")))
            .count()
    };
    let (errors, notices) = (count("error"), count("notice"));
    let total = errors + warnings + notices;
    let hidden = total - errors.min(10) - 10 - notices.min(10);
    let last = out.stdout.lines().last().unwrap();
    assert!(
        last.contains(&format!("{hidden} of {total} annotations will not show")),
        "{}",
        out.stdout
    );
    // Under the limits there is no such line.
    let plain = hostile("github");
    assert!(!plain.stdout.contains("will not show"));
}

#[test]
fn github_appends_a_score_table_to_the_step_summary() {
    let dir = hostile_dir();
    let summary = write(dir.path(), "summary.md", "earlier step\n");
    let out = run(bin(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["--color", "never", "--checklist", "brand.toml,correct"])
        .args(["check", "plain.md", "--format", "github"]));
    out.code(PASSED);
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("earlier step\n## postlint"), "{text}");
    assert!(text.contains("| File | Post | Channel | Score | Band | Result |"));
    assert!(text.contains("| plain.md | 1 of 1 | X |"), "{text}");
    // Without the variable nothing is written anywhere else.
    let out = run(bin(dir.path())
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(["--color", "never", "--checklist", "brand.toml,correct"])
        .args(["check", "plain.md", "--format", "github"]));
    out.code(PASSED);
}

// ----------------------------------------------------------- JUnit, XML

fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name)
        .unwrap_or_else(|| panic!("<{}> lacks {name}", node.tag_name().name()))
}

#[test]
fn junit_has_a_suite_per_file_a_case_per_post_and_a_failure_per_failing_finding() {
    let args = |format| {
        vec![
            "check",
            "examples/x-thread.md",
            "examples/newsletter.md",
            "--format",
            format,
        ]
    };
    let out = in_repo(&args("junit"));
    out.code(FAILED);
    let json = in_repo(&args("json")).json();
    let doc = roxmltree::Document::parse(&out.stdout).expect("JUnit is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 2);
    for (i, suite) in suites.iter().enumerate() {
        let file = &json["files"][i];
        assert_eq!(attr(*suite, "name"), file["path"]);
        let posts = posts(&json, i);
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(cases.len(), posts.len());
        assert_eq!(attr(*suite, "tests"), posts.len().to_string());
        let failed = posts.iter().filter(|p| p["passed"] == false).count();
        assert_eq!(attr(*suite, "failures"), failed.to_string());
        let props: std::collections::HashMap<&str, &str> = suite
            .descendants()
            .filter(|n| n.has_tag_name("property"))
            .map(|n| (attr(n, "name"), attr(n, "value")))
            .collect();
        for (case, post) in cases.iter().zip(posts) {
            let n = post["index"].as_u64().unwrap();
            assert_eq!(
                props[format!("post{n}.overall").as_str()],
                post["scores"]["overall"].to_string()
            );
            assert_eq!(props[format!("post{n}.band").as_str()], post["band"]);
            let failures: Vec<_> = case
                .children()
                .filter(|c| c.has_tag_name("failure"))
                .collect();
            let errors: Vec<&Value> = post["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["severity"] == "error")
                .collect();
            assert_eq!(failures.len(), errors.len(), "a failure per error finding");
            for (failure, f) in failures.iter().zip(errors) {
                assert_eq!(
                    attr(*failure, "message"),
                    format!(
                        "{}: {}",
                        f["rule"].as_str().unwrap(),
                        f["message"].as_str().unwrap()
                    )
                );
            }
        }
    }
}

#[test]
fn junit_fails_on_the_fail_on_level_and_escapes_messages() {
    let out = hostile("junit");
    out.code(ERROR);
    let json = hostile_json();
    let doc = roxmltree::Document::parse(&out.stdout).expect("well-formed XML");
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .expect("a failure");
    let finding = findings_of(&json, "brand.odd-word")[0];
    assert_eq!(
        attr(failure, "message"),
        format!("brand.odd-word: {}", finding["message"].as_str().unwrap())
    );
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite") && n.attribute("name") == Some(HOSTILE_PATH))
        .expect("the hostile path, unescaped");
    assert_eq!(attr(suite, "failures"), "1");
    // The unreadable file is an error test case.
    let error = doc.descendants().find(|n| n.has_tag_name("error")).unwrap();
    assert_eq!(attr(error, "message"), BINARY);
    // With --fail-on warning the repeated words fail too.
    let dir = temp_dir();
    copy_example("positions.txt", dir.path(), "positions.txt");
    let out = postlint(
        &[
            "check",
            "positions.txt",
            "--format",
            "junit",
            "--fail-on",
            "warning",
        ],
        dir.path(),
    );
    out.code(FAILED);
    let doc = roxmltree::Document::parse(&out.stdout).unwrap();
    let failures = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(failures, 2, "{}", out.stdout);
}

#[test]
fn checkstyle_lists_what_compact_lists() {
    for &(file, _) in FILES {
        let out = in_repo(&["check", file, "--format", "checkstyle"]);
        let compact = in_repo(&["check", file, "--format", "compact"]);
        let doc = roxmltree::Document::parse(&out.stdout).expect("well-formed XML");
        assert_eq!(doc.root_element().tag_name().name(), "checkstyle");
        let errors: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("error"))
            .map(|e| {
                let file = e.parent().map(|p| attr(p, "name")).unwrap();
                format!(
                    "{file}:{}:{}: {} {}",
                    attr(e, "line"),
                    attr(e, "column"),
                    attr(e, "source").trim_start_matches("postlint."),
                    attr(e, "message")
                )
            })
            .collect();
        let expected: Vec<String> = compact
            .stdout
            .lines()
            .map(|l| {
                // path:line:col: severity rule: message
                let (at, rest) = l.split_once(": ").unwrap();
                let (_, rest) = rest.split_once(' ').unwrap();
                let (rule, message) = rest.split_once(": ").unwrap();
                format!("{at}: {rule} {message}")
            })
            .collect();
        assert_eq!(errors, expected, "{file}");
    }
    let out = hostile("checkstyle");
    let doc = roxmltree::Document::parse(&out.stdout).expect("well-formed XML");
    let sources: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("error"))
        .map(|e| attr(e, "source"))
        .collect();
    assert!(sources.contains(&"postlint.problem"), "{sources:?}");
    let json = hostile_json();
    let odd = doc
        .descendants()
        .find(|n| n.attribute("source") == Some("postlint.brand.odd-word"))
        .expect("the odd-word error");
    assert_eq!(
        attr(odd, "message"),
        findings_of(&json, "brand.odd-word")[0]["message"]
    );
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("file") && n.attribute("name") == Some(HOSTILE_PATH))
    );
}

// --------------------------------------------------------- Code Quality

/// GitLab's documented fields of a Code Quality issue.
#[track_caller]
fn assert_gitlab_issue(issue: &Value) {
    for key in ["description", "check_name", "fingerprint"] {
        assert!(
            issue[key].as_str().is_some_and(|s| !s.is_empty()),
            "{key} in {issue}"
        );
    }
    let severity = issue["severity"].as_str().unwrap();
    assert!(
        ["info", "minor", "major", "critical", "blocker"].contains(&severity),
        "{severity}"
    );
    assert!(
        issue["location"]["path"]
            .as_str()
            .is_some_and(|p| !p.is_empty())
    );
    assert!(
        issue["location"]["lines"]["begin"]
            .as_u64()
            .is_some_and(|l| l >= 1)
    );
}

fn codequality(dir: &Path, file: &str) -> Vec<Value> {
    let out = postlint(&["check", file, "--format", "codequality"], dir);
    let issues: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let issues = issues.as_array().expect("an array").clone();
    issues.iter().for_each(assert_gitlab_issue);
    issues
}

#[test]
fn codequality_has_gitlabs_fields_and_fingerprints_that_survive_moved_lines() {
    let dir = temp_dir();
    let body = "Say the the thing.\n\nAnd then the the other.\n\nVery very good.\n";
    write(
        dir.path(),
        "post.md",
        format!("---\nchannel: blog\n---\n{body}"),
    );
    let before = codequality(dir.path(), "post.md");
    assert!(before.len() >= 2, "{before:#?}");
    let prints: std::collections::HashSet<&str> = before
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), before.len(), "fingerprints are unique");
    // Three lines added above: the same fingerprints, other lines.
    write(
        dir.path(),
        "post.md",
        format!("---\nchannel: blog\n---\nA new opening.\n\nMore.\n\n{body}"),
    );
    let after = codequality(dir.path(), "post.md");
    let print = |v: &[Value]| -> Vec<String> {
        v.iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(print(&before), print(&after));
    let last = |v: &[Value]| v.last().unwrap()["location"]["lines"]["begin"].as_u64();
    assert_eq!(last(&after).unwrap(), last(&before).unwrap() + 4);
    for &(file, _) in FILES {
        let out = in_repo(&["check", file, "--format", "codequality"]);
        let issues: Value = serde_json::from_str(&out.stdout).unwrap();
        issues
            .as_array()
            .unwrap()
            .iter()
            .for_each(assert_gitlab_issue);
    }
    let out = hostile("codequality");
    let issues: Value = serde_json::from_str(&out.stdout).unwrap();
    let issues = issues.as_array().unwrap();
    issues.iter().for_each(assert_gitlab_issue);
    assert!(issues.iter().any(|i| i["check_name"] == "postlint.problem"
        && i["description"] == BINARY
        && i["severity"] == "blocker"));
    assert!(issues.iter().any(|i| i["location"]["path"] == HOSTILE_PATH));
}

// ------------------------------------------------------------- Markdown

#[test]
fn markdown_has_a_row_per_post_with_score_and_band() {
    let out = in_repo(&["check", "examples/x-thread.md", "--format", "markdown"]);
    let json = in_repo(&["check", "examples/x-thread.md", "--format", "json"]).json();
    for post in posts(&json, 0) {
        let row = format!(
            "| examples/x-thread.md | {} of 4 | X | {} | {} |",
            post["index"],
            post["scores"]["overall"],
            post["band"].as_str().unwrap()
        );
        assert!(out.stdout.contains(&row), "{row} in:\n{}", out.stdout);
    }
    assert!(out.stdout.contains("### Top findings"));
    let out = hostile("markdown");
    assert!(out.stdout.contains(BINARY), "{}", out.stdout);
    // The path's `<people>` cannot open an HTML tag.
    assert!(out.stdout.contains("&lt;people&gt;"), "{}", out.stdout);
    // Ten findings at most, errors first, then how many more.
    let dir = temp_dir();
    let text: String = (0..12)
        .map(|i| format!("Post {i} says the the thing.\n\n"))
        .collect();
    write(
        dir.path(),
        "many.md",
        format!("---\nchannel: x\n---\n{text}"),
    );
    let out = postlint(&["check", "many.md", "--format", "markdown"], dir.path());
    let items: Vec<&str> = out.stdout.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(items.len(), 10, "{}", out.stdout);
    assert!(
        items[0].starts_with("- **error** channel.too-long"),
        "{}",
        out.stdout
    );
    let compact = postlint(&["check", "many.md", "--format", "compact"], dir.path());
    let more = format!("…and {} more", compact.stdout.lines().count() - 10);
    assert!(out.stdout.contains(&more), "{more} in:\n{}", out.stdout);
}

// ------------------------------------------------------ every format

#[test]
fn file_problems_appear_in_every_format() {
    // (`pretty` says it on stderr only: another part of issue 11.)
    for format in FORMATS.iter().chain(&["compact", "json"]) {
        let dir = temp_dir();
        write(
            dir.path(),
            "binary.md",
            b"\x89PNG\r\n\x1a\n\x00\x00 not text",
        );
        let out = postlint(
            &["check", "binary.md", "missing.md", "--format", format],
            dir.path(),
        );
        out.code(ERROR);
        for what in [BINARY, "missing.md"] {
            assert!(
                out.stdout.contains(what),
                "{format}: {what} in\n{}",
                out.stdout
            );
        }
    }
}

// ----------------------------------------------- --output and --report

#[test]
fn output_writes_the_report_to_a_file_instead_of_stdout() {
    let dir = temp_dir();
    copy_example("x-thread.md", dir.path(), "x-thread.md");
    let stdout = postlint(&["check", "x-thread.md", "--format", "sarif"], dir.path());
    let out = postlint(
        &[
            "check",
            "x-thread.md",
            "--format",
            "sarif",
            "--output",
            "out/../report.sarif",
        ],
        dir.path(),
    );
    // `out/` does not exist: the path cannot be written.
    out.code(ERROR)
        .stderr_has(&["cannot write report out/../report.sarif"]);
    let out = postlint(
        &[
            "check",
            "x-thread.md",
            "--format",
            "sarif",
            "--output",
            "report.sarif",
        ],
        dir.path(),
    );
    out.code(FAILED);
    assert_eq!(out.stdout, "");
    let written = std::fs::read_to_string(dir.path().join("report.sarif")).unwrap();
    assert_eq!(written, stdout.stdout);
    // `-` is stdout: the report goes there, and a further report to a file.
    let out = postlint(
        &[
            "check",
            "x-thread.md",
            "--format",
            "sarif",
            "--output",
            "-",
            "--report",
            "junit=-.xml",
        ],
        dir.path(),
    );
    assert_eq!(out.stdout, stdout.stdout);
    assert!(dir.path().join("-.xml").exists());
    // Pretty to a file has no colour even when asked for on a terminal.
    postlint(
        &["check", "x-thread.md", "--output", "report.txt"],
        dir.path(),
    );
    let text = std::fs::read_to_string(dir.path().join("report.txt")).unwrap();
    assert!(text.contains("post 2 of 4") && !text.contains('\u{1b}'));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn report_writes_further_formats_in_the_same_run() {
    let dir = temp_dir();
    copy_example("x-thread.md", dir.path(), "x-thread.md");
    let out = postlint(
        &[
            "check",
            "x-thread.md",
            "--format",
            "github",
            "--report",
            "sarif=postlint.sarif",
            "--report",
            "junit=junit.xml",
            "--report",
            "codequality=gl-code-quality.json",
        ],
        dir.path(),
    );
    out.code(FAILED);
    let github = postlint(&["check", "x-thread.md", "--format", "github"], dir.path());
    assert_eq!(out.stdout, github.stdout);
    for (format, file) in [
        ("sarif", "postlint.sarif"),
        ("junit", "junit.xml"),
        ("codequality", "gl-code-quality.json"),
    ] {
        let alone = postlint(&["check", "x-thread.md", "--format", format], dir.path());
        let written = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert_eq!(written, alone.stdout, "{format}");
    }
}

#[test]
fn bad_report_arguments_are_usage_errors() {
    let dir = temp_dir();
    copy_example("x-thread.md", dir.path(), "x-thread.md");
    let cases: &[(&[&str], &str)] = &[
        (&["--report", "sarif"], "expected FORMAT=PATH"),
        (&["--report", "yaml=x.yaml"], "unknown format `yaml`"),
        (&["--report", "sarif="], "no path after `sarif=`"),
        (
            &["--report", "sarif=a.json", "--report", "json=a.json"],
            "two reports would be written to a.json",
        ),
        (
            &["--output", "a.json", "--report", "sarif=a.json"],
            "two reports would be written to a.json",
        ),
        (
            &["--report", "sarif=-"],
            "two reports would be written to stdout",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["check", "x-thread.md"];
        args.extend(*extra);
        let out = postlint(&args, dir.path());
        out.code(ERROR).stderr_has(&[message]);
        assert!(!dir.path().join("a.json").exists());
    }
}

#[test]
fn a_file_for_two_channels_lists_a_text_finding_once_and_scores_per_channel() {
    let dir = temp_dir();
    write(
        dir.path(),
        "both.md",
        "---\nchannels: [x, linkedin]\n---\nOur new planner is is out today.\n",
    );
    let run = |format| postlint(&["check", "both.md", "--format", format], dir.path());
    let sarif = run("sarif").json();
    let repeated: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "correct.repeated-word")
        .collect();
    assert_eq!(repeated.len(), 1, "{sarif:#}");
    let github = run("github");
    assert_eq!(github.stdout.matches("correct.repeated-word").count(), 1);
    let junit = run("junit");
    let doc = roxmltree::Document::parse(&junit.stdout).unwrap();
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("property"))
        .map(|n| attr(n, "name"))
        .collect();
    assert!(names.contains(&"post1.x.overall"), "{names:?}");
    assert!(names.contains(&"post1.linkedin.overall"), "{names:?}");
    let cases = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .count();
    assert_eq!(cases, 2, "a test case per post per channel");
}

#[test]
fn docs_url_gives_sarif_rules_a_help_uri() {
    let url = "https://example.com/postlint/docs/rules.md";
    let out = in_repo(&[
        "check",
        "examples/x-thread.md",
        "--format",
        "sarif",
        "--docs-url",
        url,
    ]);
    let sarif = assert_valid_sarif(&sarif_validator(), &out.stdout);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let long = rules
        .iter()
        .find(|r| r["id"] == "channel.too-long")
        .unwrap();
    assert_eq!(long["helpUri"], format!("{url}#channeltoo-long"));
    for bad in ["docs/rules.md", "https://", "ftp://example.com/rules.md"] {
        let out = in_repo(&["check", "examples/x-thread.md", "--docs-url", bad]);
        out.code(ERROR)
            .stderr_has(&["absolute http:// or https:// URL"]);
    }
    // The same from postlint.toml; the flag wins over it.
    let dir = temp_dir();
    let d = dir.path();
    write(d, "postlint.toml", format!("docs_url = \"{url}\"\n"));
    copy_example("x-thread.md", d, "x-thread.md");
    let help_uri = |args: &[&str]| {
        let out = postlint(args, d);
        let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
        let rules = sarif["runs"][0]["tool"]["driver"]["rules"].clone();
        rules.as_array().unwrap()[0]["helpUri"].clone()
    };
    let from_config = help_uri(&["check", "x-thread.md", "--format", "sarif"]);
    assert!(
        from_config.as_str().unwrap().starts_with(url),
        "{from_config}"
    );
    let other = "https://docs.example.org/rules.md";
    let from_flag = help_uri(&[
        "check",
        "x-thread.md",
        "--format",
        "sarif",
        "--docs-url",
        other,
    ]);
    assert!(
        from_flag.as_str().unwrap().starts_with(other),
        "{from_flag}"
    );
    write(d, "postlint.toml", "docs_url = \"docs/rules.md\"\n");
    postlint(&["check", "x-thread.md"], d)
        .code(ERROR)
        .stderr_has(&["postlint.toml", "docs_url", "absolute http"]);
}
