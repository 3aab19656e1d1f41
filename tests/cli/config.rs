//! Config settings that decide pass/fail and shape findings; CLI flags win.

use super::*;

/// `postlint --config DIR/postlint.toml ARGS` from the repository root.
fn with_config(config: &str, args: &[&str]) -> Out {
    let dir = temp_dir();
    let path = write(dir.path(), "postlint.toml", config);
    let mut all = vec!["--config", path.to_str().unwrap()];
    all.extend(args);
    let mut cmd = bin(repo());
    run(cmd.args(["--color", "never"]).args(&all))
}

const NEWSLETTER: &str = "examples/newsletter.md";

fn overall(out: &Out) -> u64 {
    posts(&out.json(), 0)[0]["scores"]["overall"]
        .as_u64()
        .unwrap()
}

#[test]
fn newsletter_passes_with_warnings_and_a_score_in_the_nineties() {
    // The baseline the cases below rely on.
    let out = in_repo(&["check", NEWSLETTER, "--format", "json"]);
    out.code(PASSED);
    let report = out.json();
    let score = overall(&out);
    assert!((80..95).contains(&score), "overall {score}");
    let severities: Vec<&str> = all_findings(&report)
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert!(!severities.is_empty() && severities.iter().all(|s| *s == "warning"));
    // linkedin-good is clean: no threshold makes it fail.
    assert_eq!(
        overall(&in_repo(&[
            "check",
            "examples/linkedin-good.md",
            "--format",
            "json"
        ])),
        100
    );
}

#[test]
fn pass_and_fail_settings() {
    let cases: &[(&str, &[&str], i32)] = &[
        ("min_score = 95\n", &[NEWSLETTER], FAILED),
        ("min_score = 50\n", &[NEWSLETTER], PASSED),
        ("min_score = 95\n", &["examples/linkedin-good.md"], PASSED),
        (
            "min_score = 95\n",
            &[NEWSLETTER, "--min-score", "50"],
            PASSED,
        ),
        (
            "min_score = 50\n",
            &[NEWSLETTER, "--min-score", "95"],
            FAILED,
        ),
        ("", &[NEWSLETTER, "--min-score", "95"], FAILED),
        ("", &[NEWSLETTER, "--min-score", "0"], PASSED),
        ("fail_on = \"warning\"\n", &[NEWSLETTER], FAILED),
        ("fail_on = \"suggestion\"\n", &[NEWSLETTER], FAILED),
        (
            "fail_on = \"warning\"\n",
            &[NEWSLETTER, "--fail-on", "error"],
            PASSED,
        ),
        ("", &[NEWSLETTER, "--fail-on", "warning"], FAILED),
        (
            "fail_on = \"warning\"\n",
            &["examples/mastodon-toot.txt"],
            PASSED,
        ),
        (
            "",
            &["examples/linkedin-launch.md", "--fail-on", "never"],
            PASSED,
        ),
        (
            "fail_on = \"never\"\n",
            &["examples/linkedin-launch.md"],
            PASSED,
        ),
        (
            "fail_on = \"never\"\n",
            &["examples/linkedin-launch.md", "--fail-on", "error"],
            FAILED,
        ),
        (
            "min_score = 99\n",
            &["examples/linkedin-launch.md", "--fail-on", "never"],
            PASSED,
        ),
        // `never` does not hide I/O errors.
        (
            "",
            &[
                "examples/linkedin-launch.md",
                "nope.md",
                "--fail-on",
                "never",
            ],
            ERROR,
        ),
    ];
    for (config, args, code) in cases {
        let mut all = vec!["check"];
        all.extend(*args);
        let out = with_config(config, &all);
        assert_eq!(
            out.code, *code,
            "config {config:?}, args {args:?}: {out:#?}"
        );
    }
}

#[test]
fn a_low_score_fails_with_a_reason() {
    let out = with_config(
        "min_score = 95\n",
        &["check", NEWSLETTER, "--format", "json"],
    );
    out.code(FAILED);
    let report = out.json();
    let post = &posts(&report, 0)[0];
    assert_eq!(post["passed"], false);
    let reasons = post["reasons"].to_string();
    assert!(reasons.contains("95"), "{reasons}");
}

#[test]
fn fail_on_never_still_reports_the_failure() {
    let out = in_repo(&[
        "check",
        "examples/linkedin-launch.md",
        "--fail-on",
        "never",
        "--format",
        "json",
    ]);
    out.code(PASSED);
    let report = out.json();
    assert_eq!(posts(&report, 0)[0]["passed"], false);
    assert_eq!(report["summary"]["failed"], 1);
}

#[test]
fn fail_on_suggestion_fails_a_post_with_only_suggestions() {
    let dir = temp_dir();
    let text = "We met in order to plan the launch. Try it today.\n";
    let out = postlint_stdin(&["check", "-", "--format", "json"], dir.path(), text);
    out.code(PASSED);
    let report = out.json();
    assert_eq!(rule_ids(&report), ["readable.wordy-phrase"]);
    postlint_stdin(&["check", "-", "--fail-on", "warning"], dir.path(), text).code(PASSED);
    postlint_stdin(&["check", "-", "--fail-on", "suggestion"], dir.path(), text).code(FAILED);
}

#[test]
fn a_rule_can_be_disabled() {
    let before = in_repo(&["check", "examples/linkedin-launch.md", "--format", "json"]).json();
    assert_eq!(findings_of(&before, "strategy.risky-claim").len(), 1);
    let out = with_config(
        "[rules.\"strategy.risky-claim\"]\nenabled = false\n",
        &["check", "examples/linkedin-launch.md", "--format", "json"],
    );
    let after = out.json();
    assert!(findings_of(&after, "strategy.risky-claim").is_empty());
    let mut want = rule_ids(&before);
    want.retain(|r| r != "strategy.risky-claim");
    assert_eq!(rule_ids(&after), want, "only that finding is gone");
}

#[test]
fn a_rule_severity_can_be_changed() {
    let out = with_config(
        "[rules.\"strategy.risky-claim\"]\nseverity = \"suggestion\"\n",
        &["check", "examples/linkedin-launch.md", "--format", "json"],
    );
    let report = out.json();
    let claim = findings_of(&report, "strategy.risky-claim");
    assert_eq!(claim.len(), 1);
    assert_eq!(claim[0]["severity"], "suggestion");
    assert_eq!(report["summary"]["errors"], 0);
    // No error left, and the score is over the default threshold.
    assert!(
        !posts(&report, 0)[0]["reasons"]
            .to_string()
            .contains("risky-claim")
    );
}

#[test]
fn a_rule_threshold_can_be_changed() {
    let long = |config: &str| {
        let out = with_config(
            config,
            &["check", "examples/linkedin-launch.md", "--format", "json"],
        );
        let report = out.json();
        findings_of(&report, "readable.sentence-too-long")
            .iter()
            .map(|f| at(f))
            .collect::<Vec<_>>()
    };
    assert_eq!(long(""), [(6, 1)]);
    assert_eq!(
        long("[rules.\"readable.sentence-too-long\"]\nmax = 70\n"),
        []
    );
    let strict = long("[rules.\"readable.sentence-too-long\"]\nmax = 12\n");
    assert!(strict.len() > 1 && strict.contains(&(6, 1)), "{strict:?}");
}

#[test]
fn a_rule_message_can_be_changed_and_is_checked() {
    let out = with_config(
        "[rules.\"correct.repeated-word\"]\nmessage = \"Twice: {match}.\"\n",
        &["check", "examples/positions.txt", "--format", "json"],
    );
    let report = out.json();
    assert_eq!(
        findings_of(&report, "correct.repeated-word")[0]["message"],
        "Twice: the."
    );
    with_config(
        "[rules.\"correct.repeated-word\"]\nmessage = \"Twice: {nope}.\"\n",
        &["check", "examples/positions.txt"],
    )
    .code(ERROR)
    .stderr_has(&["postlint.toml", "{nope}"]);
}

#[test]
fn config_channel_and_audience_apply() {
    let out = with_config(
        "channel = \"mastodon\"\naudience = \"expert\"\n",
        &["check", "examples/x-good.tweet", "--format", "json"],
    );
    let report = out.json();
    let post = &posts(&report, 0)[0];
    assert_eq!(post["channel"], "mastodon");
    assert_eq!(post["audience"], "expert");
    // Front matter wins over the config.
    let out = with_config(
        "channel = \"mastodon\"\n",
        &["check", "examples/x-thread.md", "--format", "json"],
    );
    assert_eq!(posts(&out.json(), 0)[0]["channel"], "x");
}

#[test]
fn each_file_is_checked_with_the_closest_config_above_it() {
    let dir = temp_dir();
    write(dir.path(), "postlint.toml", "channel = \"x\"\n");
    write(
        dir.path(),
        "team/postlint.toml",
        "channel = \"linkedin\"\nexclude = [\"drafts/**\"]\n",
    );
    let text = "We shipped faster search today. Try it and tell us what you think.\n";
    write(dir.path(), "a.md", text);
    write(dir.path(), "team/b.md", text);
    write(dir.path(), "team/deep/c.md", text);
    write(dir.path(), "team/drafts/d.md", text);
    let channels = |out: &Out| -> Vec<(String, String)> {
        let report = out.json();
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().unwrap().to_owned(),
                    f["posts"][0]["channel"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let out = postlint(&["check", ".", "--format", "json"], dir.path());
    out.code(PASSED);
    assert_eq!(
        channels(&out),
        [
            ("a.md".to_owned(), "x".to_owned()),
            ("team/b.md".to_owned(), "linkedin".to_owned()),
            ("team/deep/c.md".to_owned(), "linkedin".to_owned()),
        ],
        "team/ has its own config, and its `exclude` is relative to it"
    );
    // From inside team/, the same files, the same configs.
    let out = postlint(
        &["check", "b.md", "../a.md", "--format", "json"],
        &dir.path().join("team"),
    );
    assert_eq!(
        channels(&out),
        [
            ("../a.md".to_owned(), "x".to_owned()),
            ("b.md".to_owned(), "linkedin".to_owned()),
        ]
    );
    // --config is one config for every file.
    let out = postlint(
        &[
            "check",
            ".",
            "--format",
            "json",
            "--config",
            "postlint.toml",
        ],
        dir.path(),
    );
    assert!(channels(&out).iter().all(|(_, c)| c == "x"));
    // A broken config below stops the run before anything is checked.
    write(dir.path(), "team/postlint.toml", "channel = [\n");
    let out = postlint(&["check", ".", "--format", "json"], dir.path());
    out.code(ERROR);
    assert!(out.stderr.contains("team/postlint.toml"), "{}", out.stderr);
}
