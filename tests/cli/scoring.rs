//! Scores as users see them: bands in every format, a post with an error
//! scaled into the lowest band, `--explain-score` in JSON and compact, a
//! team's own bands, and README's worked example (checked here by its
//! numbers, computed by hand in the README).

use super::*;

const EXAMPLE: &str = "examples/scoring/worked-example.tweet";

#[test]
fn the_readme_worked_example_holds() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let block = readme
        .split("<!-- scoring-example -->")
        .nth(1)
        .and_then(|b| b.split("<!-- /scoring-example -->").next())
        .expect("README has the scoring example");
    let report = in_repo(&["check", EXAMPLE, "--format", "json", "--explain-score"]).json();
    let post = &posts(&report, 0)[0];
    let scores = &post["scores"];
    // The README's bold numbers, in the order it gives them.
    let bold: Vec<u64> = block
        .split("**")
        .skip(1)
        .step_by(2)
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(bold, [80, 29, 100, 48], "{block}");
    assert_eq!(scores["correct"], 80);
    assert_eq!(scores["strategy"], 29);
    assert_eq!(
        (scores["readable"].as_u64(), scores["channel"].as_u64()),
        (Some(100), Some(100))
    );
    assert_eq!(scores["overall"], 48);
    assert_eq!(post["band"], "needs work");
    assert!(block.contains("*needs work*"));
    assert_eq!(post["score_cap"]["before"], 82);
    assert_eq!(post["score_cap"]["at"], 59);
    assert_eq!(post["score_cap"]["rules"][0], "strategy.risky-claim");
    assert_eq!(post["passed"], false);
    // Each finding's points: 100 × weight × magnitude / (units + penalty).
    let d = &post["deductions"];
    assert_eq!(d["correct"][0]["points"], 20.0);
    assert_eq!(d["strategy"][0]["points"], 50.0);
    assert_eq!(d["strategy"][0]["severity"], "error");
    assert!(
        d.get("readable").is_none(),
        "only checklists that lost points"
    );
}

#[test]
fn deductions_add_up_to_the_points_each_checklist_lost() {
    let report = in_repo(&[
        "check",
        "examples/linkedin-launch.md",
        "--format",
        "json",
        "--explain-score",
    ])
    .json();
    let post = &posts(&report, 0)[0];
    let deductions = post["deductions"].as_object().unwrap();
    assert!(deductions.len() >= 3);
    for (checklist, list) in deductions {
        let points: f64 = list
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["points"].as_f64().unwrap())
            .sum();
        let shown = post["scores"][checklist].as_f64().unwrap();
        if checklist == "strategy" {
            // Its error scaled it: 0.59 × (100 - points), shown rounded down.
            assert_eq!(shown, (0.59 * (100.0 - points)).floor(), "{checklist}");
        } else {
            assert!(
                (100.0 - points - shown).abs() < 1.0,
                "{checklist}: {points} vs {shown}"
            );
        }
    }
    // Without the flag, no deductions.
    let plain = in_repo(&["check", "examples/linkedin-launch.md", "--format", "json"]).json();
    assert!(posts(&plain, 0)[0].get("deductions").is_none());
}

#[test]
fn compact_explains_a_line_per_deduction() {
    let out = in_repo(&["check", EXAMPLE, "--format", "compact", "--explain-score"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines.contains(&"examples/scoring/worked-example.tweet:1:16: deduction correct.repeated-word warning magnitude 1.00: -20.00 points"), "{}", out.stdout);
    assert!(lines.iter().any(|l| {
        l.ends_with("deduction strategy.risky-claim error magnitude 1.00: -50.00 points")
    }));
    assert!(lines.contains(&"examples/scoring/worked-example.tweet:1:1: cap overall 82 before the cap, scaled by 59/100 for an error (strategy.risky-claim)"));
    assert!(lines.contains(&"examples/scoring/worked-example.tweet:1:1: score overall 48 (needs work), readable 100, correct 80, channel 100, strategy 29"));
}

#[test]
fn bands_show_in_pretty_and_a_team_sets_its_own() {
    let out = in_repo(&["check", "examples/x-good.tweet", "--channel", "x"]);
    assert!(out.stdout.contains("  excellent   PASS"), "{}", out.stdout);
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "postlint.toml",
        "[scoring]\ncap_on_error = false\n\n[[scoring.bands]]\nname = \"ready\"\nmin = 90\n\n[[scoring.bands]]\nname = \"edit\"\nmin = 0\n",
    );
    write(
        d,
        "post.tweet",
        "We shipped the the new export today, results guaranteed.\n",
    );
    let report = postlint(&["check", "post.tweet", "--format", "json"], d).json();
    let post = &posts(&report, 0)[0];
    assert_eq!(post["band"], "edit");
    assert!(post.get("score_cap").is_none(), "cap_on_error = false");
    assert_eq!(post["scores"]["overall"], 82);
    write(
        d,
        "postlint.toml",
        "[[scoring.bands]]\nname = \"ready\"\nmin = 90\n\n[[scoring.bands]]\nname = \"edit\"\nmin = 5\n",
    );
    postlint(&["check", "post.tweet"], d)
        .code(ERROR)
        .stderr_has(&["postlint.toml", "must start at 0"]);
}

#[test]
fn min_score_judges_the_score_before_the_cap() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "postlint.toml", "min_score = 70\n");
    write(
        d,
        "post.tweet",
        "We shipped the new export today, results guaranteed.\n",
    );
    let report = postlint(&["check", "post.tweet", "--format", "json"], d).json();
    let post = &posts(&report, 0)[0];
    assert_eq!(post["scores"]["overall"], 51, "{post:#}");
    let reasons: Vec<&str> = post["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(
        reasons.len(),
        1,
        "the error fails it; 87 before the cap is above 70: {reasons:?}"
    );
}
