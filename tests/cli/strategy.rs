//! What a post is for and where it links: `goal`, `tone` (crisis mode) from
//! the command line, front matter, overrides and the config; tracked links
//! to the team's own domains (`[strategy]`), in social posts and in
//! Markdown links and reference definitions.

use super::*;

const CONFIG: &str = r#"
channel = "linkedin"
checklists = ["strategy"]
goal = "awareness"

[strategy]
domains = ["northwind.example.com"]
utm_source = ["newsletter"]

[[overrides]]
paths = ["incidents/**"]
tone = "crisis"

[[overrides]]
paths = ["sales/**"]
goal = "conversion"
"#;

const NO_ASK: &str = "We are proud of our new dashboard. It took two years to build and it makes \
every team faster at planning their week. The whole company worked on it and we think it is our \
best work yet.\n";

const EVASIVE: &str = "We apologize for any inconvenience. Mistakes were made, and this will \
never happen again.\n";

fn project() -> tempfile::TempDir {
    let dir = temp_dir();
    write(dir.path(), "postlint.toml", CONFIG);
    dir
}

fn severities(report: &Value, rule: &str) -> Vec<String> {
    findings_of(report, rule)
        .iter()
        .map(|f| f["severity"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_missing_call_to_action_costs_more_on_a_post_that_must_convert() {
    let dir = project();
    let d = dir.path();
    write(d, "story.md", NO_ASK);
    write(d, "sales/launch.md", NO_ASK);
    write(
        d,
        "flagged.md",
        format!("---\ngoal: conversion\n---\n{NO_ASK}"),
    );
    let rule = "strategy.missing-call-to-action";
    for (file, args, want) in [
        ("story.md", &[][..], "suggestion"),
        ("sales/launch.md", &[][..], "warning"),
        ("flagged.md", &[][..], "warning"),
        ("story.md", &["--goal", "conversion"][..], "warning"),
        (
            "sales/launch.md",
            &["--goal", "engagement"][..],
            "suggestion",
        ),
    ] {
        let mut all = vec!["check", file, "--format", "json"];
        all.extend_from_slice(args);
        let report = postlint(&all, d).json();
        assert_eq!(severities(&report, rule), [want], "{file} {args:?}");
    }
}

#[test]
fn crisis_rules_run_for_crisis_posts_only() {
    let dir = project();
    let d = dir.path();
    write(d, "incidents/outage.md", EVASIVE);
    write(d, "news.md", EVASIVE);
    write(d, "marked.md", format!("---\ntone: crisis\n---\n{EVASIVE}"));
    let crisis = |report: &Value| {
        rule_ids(report)
            .into_iter()
            .filter(|r| r.starts_with("strategy.crisis-"))
            .count()
    };
    let out = postlint(&["check", "incidents/outage.md", "--format", "json"], d);
    out.code(FAILED);
    assert!(crisis(&out.json()) >= 3, "{}", out.stdout);
    let out = postlint(&["check", "marked.md", "--format", "json"], d);
    out.code(FAILED);
    let out = postlint(&["check", "news.md", "--format", "json"], d);
    out.code(PASSED);
    assert_eq!(crisis(&out.json()), 0);
    let out = postlint(
        &["check", "news.md", "--tone", "crisis", "--format", "json"],
        d,
    );
    out.code(FAILED);
}

#[test]
fn an_unknown_goal_or_tone_is_named_with_a_hint() {
    let dir = project();
    let d = dir.path();
    write(d, "post.md", "---\ngoal: convert\n---\nHello.\n");
    postlint(&["check", "post.md"], d)
        .code(ERROR)
        .stderr_has(&["unknown goal `convert`", "did you mean `conversion`"]);
    postlint(&["check", "post.md", "--tone", "angry"], d).code(ERROR);
    write(d, "postlint.toml", "tone = \"cris\"\n");
    postlint(&["check", "post.md"], d)
        .code(ERROR)
        .stderr_has(&["postlint.toml", "tone"]);
    write(
        d,
        "postlint.toml",
        "[strategy]\ndomains = [\"https://northwind.example.com/\"]\n",
    );
    postlint(&["check", "post.md"], d)
        .code(ERROR)
        .stderr_has(&["not a domain name", "domains"]);
}

#[test]
fn links_to_own_sites_carry_the_tags_and_other_sites_do_not_get_them() {
    let dir = project();
    let d = dir.path();
    let post = "---\nchannel: blog\ncampaign: spring-launch\n---\n\
        Read [the guide](https://www.northwind.example.com/guide?utm_source=blog&utm_medium=web&utm_campaign=spring-launch)\n\
        and [the pricing][p], or the [review](https://reviews.example.org/n?utm_campaign=spring_launch).\n\
        Docs: https://docs.northwind.example.com/start?utm_source=blog&utm_medium=web&utm_campaign=winter\n\
        \n\
        [p]: https://northwind.example.com/pricing \"Pricing\"\n";
    write(d, "post.md", post);
    let report = postlint(&["check", "post.md", "--format", "json"], d).json();
    let found = |rule: &str| -> Vec<(u64, u64)> {
        findings_of(&report, rule).iter().map(|f| at(f)).collect()
    };
    // The reference definition's address, line 9 column 6.
    assert_eq!(found("strategy.untracked-link"), [(9, 6)], "{report:#}");
    // The docs link names another campaign.
    assert_eq!(found("strategy.utm-campaign-mismatch"), [(7, 7)]);
    // The review site got the team's campaign.
    assert_eq!(found("strategy.leaked-tracking"), [(6, 39)]);
    let message = findings_of(&report, "strategy.untracked-link")[0]["message"]
        .as_str()
        .unwrap();
    assert!(
        message.contains("utm_source, utm_medium, utm_campaign"),
        "{message}"
    );
}

#[test]
fn without_own_domains_links_are_not_judged() {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "post.md",
        "Read the guide: https://northwind.example.com/guide\n",
    );
    let report = postlint(
        &[
            "check",
            "post.md",
            "--checklist",
            "strategy",
            "--format",
            "json",
        ],
        d,
    )
    .json();
    assert!(findings_of(&report, "strategy.untracked-link").is_empty());
}

#[test]
fn init_writes_the_brand_checklist_and_a_rejected_word_says_why() {
    let dir = temp_dir();
    let d = dir.path();
    postlint(&["init"], d).code(PASSED);
    let brand = std::fs::read_to_string(d.join("brand.toml")).unwrap();
    assert!(brand.contains("id = \"brand\""));
    let config = std::fs::read_to_string(d.join("postlint.toml")).unwrap();
    assert!(config.contains("\"brand.toml\"") && config.contains("[strategy]"));
    write(
        d,
        "vocab/reject.txt",
        "Acme = a competitor; say \"other tools\"\n",
    );
    write(
        d,
        "post.md",
        "---\ncampaign: spring\n---\nUnlike Acme, our users plan in minutes. #NorthwindSpring\n",
    );
    let report = postlint(&["check", "post.md", "--format", "json"], d).json();
    let rejected = findings_of(&report, "correct.vocabulary");
    assert_eq!(rejected.len(), 1, "{report:#}");
    assert_eq!(
        rejected[0]["message"],
        "\"Acme\" is on your team's list of words not to use: a competitor; say \"other tools\"."
    );
    assert_eq!(findings_of(&report, "brand.preferred-term").len(), 1);
    assert!(findings_of(&report, "brand.campaign-hashtag").is_empty());
}
