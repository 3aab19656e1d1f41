//! `examples/company/`: a fictional company's whole setup (postlint.toml
//! with `[strategy]`, goal and a crisis override, its brand checklist and
//! vocabulary) and posts that exercise every `strategy` and `brand` rule,
//! checked as a user would: `postlint check posts` in its folder.

use super::*;

/// The strategy, brand and vocabulary findings each post must get, as
/// `(rule, line)` in report order; `examples/company/README.md` says why.
const EXPECTED: &[(&str, &[(&str, u64)])] = &[
    (
        "posts/blog/quarterly-engineering-update.md",
        &[
            ("strategy.reader-not-addressed", 6),
            ("strategy.non-inclusive-term", 6),
            ("strategy.aggressive-word", 8),
            ("strategy.emoji-density", 8),
        ],
    ),
    ("posts/incidents/2026-03-12-outage.md", &[]),
    (
        "posts/incidents/2026-04-02-billing-draft.md",
        &[
            ("strategy.crisis-deflection", 4),
            ("strategy.crisis-deflection", 4),
            ("strategy.crisis-passive-apology", 4),
            ("strategy.crisis-institutional-voice", 4),
            ("strategy.crisis-deflection", 4),
            ("strategy.crisis-deflection", 6),
            ("strategy.crisis-what-happened", 6),
            ("strategy.crisis-what-we-do", 6),
            ("strategy.crisis-next-update", 6),
            ("strategy.crisis-no-first-person", 6),
            ("strategy.crisis-jargon", 6),
            ("strategy.crisis-unkeepable-promise", 6),
            ("strategy.crisis-unkeepable-promise", 6),
        ],
    ),
    (
        "posts/instagram/desk-setup.txt",
        &[
            ("strategy.undisclosed-sponsorship", 3),
            ("strategy.missing-call-to-action", 5),
        ],
    ),
    (
        "posts/instagram/planner-giveaway.txt",
        &[("strategy.sponsored-without-disclosure", 8)],
    ),
    (
        "posts/linkedin/benchmark-teaser.md",
        &[
            ("strategy.clickbait", 4),
            ("strategy.missing-call-to-action", 6),
            ("strategy.unsupported-claim", 6),
            ("strategy.unsupported-claim", 6),
        ],
    ),
    (
        "posts/linkedin/community-question.md",
        &[
            ("strategy.non-inclusive-term", 4),
            ("strategy.missing-call-to-action", 6),
            ("strategy.no-invitation-to-respond", 6),
            ("strategy.non-inclusive-term", 6),
        ],
    ),
    (
        "posts/linkedin/spring-launch-draft.md",
        &[
            ("strategy.shouting", 5),
            ("brand.preferred-term", 7),
            ("correct.vocabulary", 7),
            ("strategy.leaked-tracking", 9),
            ("strategy.untracked-link", 11),
        ],
    ),
    ("posts/linkedin/spring-launch.md", &[]),
    (
        "posts/linkedin/webinar-invite.md",
        &[("strategy.missing-call-to-action", 6)],
    ),
    (
        "posts/newsletter/april.md",
        &[
            ("strategy.leaked-tracking", 11),
            ("strategy.partnership-phrase", 13),
            ("strategy.untracked-link", 19),
        ],
    ),
    (
        "posts/x/flash-sale.tweet",
        &[
            ("strategy.shouting", 4),
            ("brand.campaign-hashtag", 4),
            ("strategy.repeated-exclamation", 4),
            ("strategy.hype-word", 4),
            ("strategy.risky-claim", 4),
            ("strategy.shouting", 4),
            ("strategy.utm-campaign-mismatch", 4),
        ],
    ),
    (
        "posts/x/giveaway-winners.tweet",
        &[
            ("brand.handle-on-x", 1),
            ("strategy.too-many-exclamations", 1),
        ],
    ),
    ("posts/x/release-thread.tweet", &[]),
];

fn company() -> std::path::PathBuf {
    repo().join("examples/company")
}

#[test]
fn every_post_gets_the_findings_its_readme_promises() {
    let out = postlint(&["check", "posts", "--format", "json"], &company());
    out.code(FAILED);
    let report = out.json();
    assert_eq!(
        paths(&report),
        EXPECTED
            .iter()
            .map(|(p, _)| p.to_string())
            .collect::<Vec<_>>()
    );
    for (i, (path, want)) in EXPECTED.iter().enumerate() {
        let got: Vec<(String, u64)> = report["files"][i]["posts"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["findings"].as_array().unwrap())
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_owned(),
                    f["line"].as_u64().unwrap(),
                )
            })
            .filter(|(r, _)| {
                r.starts_with("strategy.") || r.starts_with("brand.") || r == "correct.vocabulary"
            })
            .collect();
        let want: Vec<(String, u64)> = want.iter().map(|(r, l)| (r.to_string(), *l)).collect();
        assert_eq!(got, want, "{path}");
    }
    // Three posts cannot go out as they are: an error each.
    let failed: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["posts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["passed"] == false)
        })
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        failed,
        [
            "posts/incidents/2026-04-02-billing-draft.md",
            "posts/instagram/planner-giveaway.txt",
            "posts/x/flash-sale.tweet"
        ]
    );
}

#[test]
fn every_strategy_and_brand_rule_is_exercised() {
    let report = postlint(&["check", "posts", "--format", "json"], &company()).json();
    let fired = rule_ids(&report);
    let listed = postlint(&["rules"], &company());
    let missing: Vec<&str> = listed
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|id| id.starts_with("strategy.") || id.starts_with("brand."))
        .filter(|id| !fired.iter().any(|f| f == id))
        .collect();
    assert!(missing.is_empty(), "no company post exercises {missing:?}");
}

#[test]
fn the_crisis_override_and_goals_show_in_the_report() {
    let report = postlint(&["check", "posts", "--format", "json"], &company()).json();
    let post = |path: &str| {
        let files = report["files"].as_array().unwrap();
        let file = files.iter().find(|f| f["path"] == path).unwrap();
        file["posts"][0].clone()
    };
    assert_eq!(
        post("posts/incidents/2026-03-12-outage.md")["tone"],
        "crisis"
    );
    assert_eq!(
        post("posts/linkedin/spring-launch.md")["goal"],
        "conversion"
    );
    assert_eq!(
        post("posts/linkedin/webinar-invite.md")["goal"],
        "conversion"
    );
    assert_eq!(post("posts/x/release-thread.tweet")["goal"], "awareness");
    assert!(post("posts/x/release-thread.tweet").get("tone").is_none());
}
