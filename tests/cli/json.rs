//! The JSON report: its shape (README, "JSON report"), exact positions, and
//! determinism.

use super::*;

const CHECKLISTS: &[&str] = &["readable", "correct", "channel", "strategy"];

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("an object: {v:#}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

fn uint(v: &Value, key: &str) -> u64 {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("`{key}` is an unsigned integer in {v:#}"))
}

fn string<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is a string in {v:#}"))
}

/// Checks everything the README promises about the report's shape.
pub(super) fn assert_contract(report: &Value) {
    assert_eq!(report["version"], 1);
    assert_eq!(keys(report), ["errors", "files", "summary", "version"]);
    assert!(report["errors"].is_array());
    let mut counts = [0u64; 6]; // posts passed failed errors warnings suggestions
    let mut problems = report["errors"].as_array().unwrap().len() as u64;
    let mut without_channel = 0;
    for file in report["files"].as_array().expect("files") {
        string(file, "path");
        problems += file["problems"].as_array().expect("problems").len() as u64;
        let posts = file["posts"].as_array().expect("posts");
        if let Some(fixed) = file.get("fixed") {
            fixed.as_u64().expect("`fixed` counts problems");
        }
        if let Some(note) = file.get("no_channel") {
            assert!(!string(note, "message").is_empty());
            assert!(note["looks_like_a_thread"].is_boolean());
            without_channel += posts.len() as u64;
        }
        for (i, post) in posts.iter().enumerate() {
            counts[0] += 1;
            string(post, "channel");
            string(post, "audience");
            let passed = post["passed"].as_bool().expect("passed");
            counts[if passed { 1 } else { 2 }] += 1;
            let reasons = post["reasons"].as_array().expect("reasons");
            assert_eq!(
                reasons.is_empty(),
                passed,
                "a failed post says why: {post:#}"
            );
            let count = uint(post, "count");
            let index = uint(post, "index");
            assert!((1..=count).contains(&index), "1-based index: {post:#}");
            if posts.iter().all(|p| p["channel"] == post["channel"]) {
                assert_eq!(index, i as u64 + 1);
                assert_eq!(count, posts.len() as u64);
            }
            let scores = &post["scores"];
            let mut want = vec!["overall"];
            want.extend(CHECKLISTS);
            want.sort_unstable();
            assert_eq!(keys(scores), want);
            for k in want {
                assert!(uint(scores, k) <= 100, "{k} score: {scores:#}");
            }
            uint(post, "words");
            let (line, end_line) = (uint(post, "line"), uint(post, "end_line"));
            assert!(1 <= line && line <= end_line, "{post:#}");
            if let Some(length) = post.get("length") {
                uint(length, "value");
                uint(length, "max");
            }
            let mut last = (0, 0);
            for f in post["findings"].as_array().expect("findings") {
                let rule = string(f, "rule");
                let checklist = string(f, "checklist");
                assert!(rule.starts_with(&format!("{checklist}.")), "{f:#}");
                let severity = string(f, "severity");
                counts[match severity {
                    "error" => 3,
                    "warning" => 4,
                    "suggestion" => 5,
                    other => panic!("unknown severity {other}"),
                }] += 1;
                assert!(!string(f, "message").is_empty());
                let (l, c) = (uint(f, "line"), uint(f, "column"));
                let (el, ec) = (uint(f, "end_line"), uint(f, "end_column"));
                assert!(l >= 1 && c >= 1 && (el, ec) >= (l, c), "{f:#}");
                let (bs, be) = (uint(f, "byte_start"), uint(f, "byte_end"));
                assert!(bs <= be, "{f:#}");
                // A finding about front matter (an image's alt text, a
                // title) points above the first post; others into their post.
                let about_front_matter = uint(post, "index") == 1 && l < line;
                assert!(
                    (line..=end_line).contains(&l) || about_front_matter,
                    "finding inside its post: {f:#}"
                );
                if let Some(channel) = f.get("channel") {
                    assert_eq!(
                        channel, &post["channel"],
                        "a finding's channel is its post's"
                    );
                }
                assert!((l, c) >= last, "findings sorted by position");
                last = (l, c);
                match f.get("fix") {
                    Some(fix) => {
                        assert_eq!(fix["replacement"], f["suggestion"], "{f:#}");
                        let safe = fix["safe"].as_bool().expect("safe");
                        let applicability = if safe { "safe" } else { "review" };
                        assert_eq!(fix["applicability"], applicability, "{f:#}");
                        assert!(uint(fix, "byte_start") <= uint(fix, "byte_end"));
                    }
                    None => assert!(f.get("suggestion").is_none(), "{f:#}"),
                }
            }
        }
    }
    let s = &report["summary"];
    // Present with --fix or --diff only: how many problems were fixed.
    let fixed = s.get("fixed").map(|n| n.as_u64().expect("`fixed` counts"));
    let files_fixed = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.get("fixed").and_then(Value::as_u64))
        .reduce(|a, b| a + b);
    assert_eq!(fixed, files_fixed, "summary.fixed adds up the files'");
    assert_eq!(
        keys(s)
            .into_iter()
            .filter(|k| *k != "fixed")
            .collect::<Vec<_>>(),
        [
            "errors",
            "failed",
            "files",
            "passed",
            "posts",
            "problems",
            "suggestions",
            "warnings",
            "without_channel"
        ]
    );
    assert_eq!(
        uint(s, "files"),
        report["files"].as_array().unwrap().len() as u64
    );
    let got = [
        "posts",
        "passed",
        "failed",
        "errors",
        "warnings",
        "suggestions",
    ]
    .map(|k| uint(s, k));
    assert_eq!(got, counts, "summary counts");
    assert_eq!(uint(s, "problems"), problems);
    assert_eq!(uint(s, "without_channel"), without_channel);
}

#[test]
fn contract_holds_on_every_example() {
    let out = in_repo(&["check", "examples", "--format", "json"]);
    let report = out.json();
    assert_contract(&report);
    assert!(!posts(&report, 0).is_empty());
}

#[test]
fn contract_holds_with_problems_and_errors() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "ok.md", "---\nchannel: x\n---\nHello the the world.\n");
    write(d, "bad-channel.md", "---\nchannel: linkdin\n---\nHello.\n");
    write(d, "bad.txt", b"\xff\xfe\x00");
    let out = postlint(&["check", ".", "missing.md", "--format", "json"], d);
    out.code(ERROR);
    let report = out.json();
    assert_contract(&report);
    assert_eq!(report["summary"]["problems"], 3, "{report:#}");
    let bad = &report["files"][0];
    assert_eq!(bad["path"], "bad-channel.md");
    let problem = &bad["problems"][0];
    assert!(string(problem, "message").contains("linkdin"));
    uint(problem, "line");
    uint(problem, "column");
}

#[test]
fn thread_report_fields() {
    let report = in_repo(&["check", "examples/x-thread.md", "--format", "json"]).json();
    assert_contract(&report);
    assert_eq!(report["files"][0]["path"], "examples/x-thread.md");
    assert_eq!(report["files"][0]["problems"], serde_json::json!([]));
    assert_eq!(report["errors"], serde_json::json!([]));
    let posts = posts(&report, 0);
    assert_eq!(
        posts.iter().map(|p| uint(p, "index")).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    let post = &posts[1];
    assert_eq!(post["channel"], "x");
    assert_eq!(post["audience"], "general");
    assert_eq!(post["passed"], false);
    assert_eq!(
        post["reasons"],
        serde_json::json!(["1 error: channel.too-long"])
    );
    assert_eq!((uint(post, "line"), uint(post, "end_line")), (11, 11));
    assert_eq!(
        report["summary"],
        serde_json::json!({
            "files": 1, "posts": 4, "passed": 3, "failed": 1,
            "errors": 1, "warnings": 1, "suggestions": 1, "problems": 0,
            "without_channel": 0
        })
    );
}

#[test]
fn suggestion_and_fix_when_a_rule_has_one() {
    let report = in_repo(&["check", "examples/linkedin-launch.md", "--format", "json"]).json();
    let find = |rule: &str| findings_of(&report, rule)[0].clone();
    // Delete the second "the": empty suggestion, safe.
    let repeated = find("correct.repeated-word");
    assert_eq!(repeated["suggestion"], "");
    assert_eq!(repeated["fix"]["safe"], true);
    assert_eq!(find("readable.plain-words")["suggestion"], "use");
    assert_eq!(find("readable.wordy-phrase")["suggestion"], "to");
    // No fix: no suggestion key at all.
    let claim = find("strategy.risky-claim");
    assert!(
        claim.get("suggestion").is_none() && claim.get("fix").is_none(),
        "{claim:#}"
    );
}

/// positions.txt: BOM, CRLF, tab, ZWJ family, flag, combining accent before
/// the findings. Expected values come from examples/EXPECTED.md.
#[test]
fn positions_in_a_crlf_bom_emoji_file() {
    let bytes = std::fs::read(repo().join("examples/positions.txt")).unwrap();
    assert_eq!(bytes.len(), 264, "the fixture is intact");
    assert_eq!(&bytes[200..203], b"the");
    assert_eq!(&bytes[231..234], b"!!!");

    let report = in_repo(&["check", "examples/positions.txt", "--format", "json"]).json();
    let all = all_findings(&report);
    let at_bytes = |start: u64| -> &Value {
        all.iter()
            .find(|f| f["byte_start"] == start)
            .unwrap_or_else(|| panic!("a finding at byte {start}: {report:#}"))
    };
    let the = at_bytes(200);
    assert_eq!(the["rule"], "correct.repeated-word");
    let bang = at_bytes(231);
    assert!(string(bang, "rule").contains("exclamation"), "{bang:#}");
    for (f, want) in [
        (the, [3, 59, 3, 62, 200, 203]),
        (bang, [3, 90, 3, 93, 231, 234]),
    ] {
        let got = [
            "line",
            "column",
            "end_line",
            "end_column",
            "byte_start",
            "byte_end",
        ]
        .map(|k| uint(f, k));
        assert_eq!(got, want, "{f:#}");
    }
    // Nothing else: not the first "the" (3:55), not 2:39, not the emoji.
    assert_eq!(all.len(), 2, "{report:#}");
}

#[test]
fn positions_are_the_same_from_stdin() {
    let bytes = std::fs::read(repo().join("examples/positions.txt")).unwrap();
    let dir = temp_dir();
    let out = run(bin(dir.path())
        .args(["--color", "never", "check", "-", "--format", "json"])
        .write_stdin(bytes));
    let report = out.json();
    let spans: Vec<[u64; 4]> = all_findings(&report)
        .iter()
        .map(|f| ["line", "column", "byte_start", "byte_end"].map(|k| uint(f, k)))
        .collect();
    assert_eq!(spans, [[3, 59, 200, 203], [3, 90, 231, 234]]);
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["json", "pretty", "compact"] {
        let args = ["check", "examples", "--format", format, "--explain-score"];
        let first = in_repo(&args);
        for _ in 0..2 {
            let again = in_repo(&args);
            assert_eq!(first.stdout, again.stdout, "{format}");
            assert_eq!(first.stderr, again.stderr, "{format}");
            assert_eq!(first.code, again.code);
        }
    }
}

#[test]
fn output_does_not_depend_on_argument_order() {
    let files = [
        "examples/x-thread.md",
        "examples/linkedin-launch.md",
        "examples/positions.txt",
        "examples/newsletter.md",
        "examples/mastodon-toot.txt",
    ];
    for format in ["json", "pretty", "compact"] {
        let run_in = |order: &[&str]| {
            let mut args = vec!["check"];
            args.extend(order);
            args.extend(["--format", format]);
            in_repo(&args)
        };
        let forward = run_in(&files);
        let mut reversed = files;
        reversed.reverse();
        let backward = run_in(&reversed);
        let mut rotated = files;
        rotated.rotate_left(2);
        let rotated = run_in(&rotated);
        assert_eq!(forward.stdout, backward.stdout, "{format}");
        assert_eq!(forward.stdout, rotated.stdout, "{format}");
        assert_eq!(forward.code, backward.code);
    }
    let report = in_repo(&[
        "check",
        "examples/x-thread.md",
        "examples/linkedin-launch.md",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        paths(&report),
        ["examples/linkedin-launch.md", "examples/x-thread.md"]
    );
}

#[test]
fn json_stays_json_with_colour_forced() {
    let out = run(bin(repo()).args([
        "--color",
        "always",
        "--config",
        "tests/fixtures/empty.toml",
        "check",
        "examples/linkedin-launch.md",
        "--format",
        "json",
    ]));
    assert!(!out.stdout.contains('\u{1b}'));
    assert_contract(&out.json());
}
