//! Threads, and where a post's channel comes from: CLI > front matter >
//! `[[overrides]]` > config > default.

use super::*;

#[test]
fn x_thread_has_four_posts_and_post_two_is_too_long() {
    let report = in_repo(&["check", "examples/x-thread.md", "--format", "json"]).json();
    let posts = posts(&report, 0);
    assert_eq!(posts.len(), 4);
    // Lines and weighted lengths from examples/EXPECTED.md.
    let want = [
        (1, 5, 9, 160),
        (2, 11, 11, 281),
        (3, 13, 13, 221),
        (4, 15, 15, 98),
    ];
    for (post, (index, line, end_line, length)) in posts.iter().zip(want) {
        assert_eq!(post["index"], index);
        assert_eq!(post["count"], 4);
        assert_eq!(post["channel"], "x");
        assert_eq!(
            (post["line"].as_u64(), post["end_line"].as_u64()),
            (Some(line), Some(end_line))
        );
        assert_eq!(post["length"]["value"], length, "post {index}");
        assert_eq!(post["length"]["max"], 280);
    }

    // Post 2: 281 weighted characters (twitter-text v3: the 86-character URL
    // counts 23, 📊 counts 2), over the 280 limit: a hard failure.
    let post2 = &posts[1];
    assert_eq!(post2["passed"], false);
    let too_long: Vec<&Value> = post2["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "channel.too-long")
        .collect();
    assert_eq!(too_long.len(), 1, "{post2:#}");
    assert_eq!(too_long[0]["severity"], "error");
    assert_eq!(too_long[0]["line"], 11);
    assert!(too_long[0]["message"].as_str().unwrap().contains("281"));

    // Post 3: five hashtags on line 13.
    let post3 = &posts[2];
    let hashtags: Vec<&Value> = post3["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "channel.too-many-hashtags")
        .collect();
    assert_eq!(hashtags.len(), 1, "{post3:#}");
    assert_eq!(hashtags[0]["line"], 13);
    assert!(hashtags[0]["message"].as_str().unwrap().contains('5'));

    // Posts 1 and 4 are clean; post 3 has only the hashtag warning.
    assert_eq!(posts[0]["findings"], serde_json::json!([]));
    assert_eq!(posts[3]["findings"], serde_json::json!([]));
    assert_eq!(
        rule_ids(&serde_json::json!({"files": [{"posts": [post3]}]})),
        ["channel.too-many-hashtags"]
    );
    assert_eq!(findings_of(&report, "channel.too-long").len(), 1);
}

#[test]
fn thread_separator_from_config() {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "postlint.toml",
        "channel = \"x\"\nthread_separator = \"%%\"\n",
    );
    write(
        d,
        "t.txt",
        "One post here.\n%%\nTwo post here.\n---\nStill two.\n",
    );
    let report = postlint(
        &[
            "--config",
            "postlint.toml",
            "check",
            "t.txt",
            "--format",
            "json",
        ],
        d,
    )
    .json();
    let posts = posts(&report, 0);
    assert_eq!(posts.len(), 2, "{report:#}");
    assert_eq!(
        (posts[1]["line"].as_u64(), posts[1]["end_line"].as_u64()),
        (Some(3), Some(5))
    );
}

#[test]
fn blog_reads_dashes_as_a_thematic_break() {
    let report = in_repo(&["check", "examples/blog-release.md", "--format", "json"]).json();
    assert_eq!(posts(&report, 0).len(), 1);
    assert_eq!(posts(&report, 0)[0]["channel"], "blog");
}

#[test]
fn front_matter_sets_the_channel() {
    let report = in_repo(&["check", "examples/linkedin-launch.md", "--format", "json"]).json();
    let post = &posts(&report, 0)[0];
    assert_eq!(post["channel"], "linkedin");
    assert_eq!(post["length"]["max"], 3000);
}

#[test]
fn cli_channel_wins_over_front_matter() {
    let out = in_repo(&[
        "check",
        "examples/linkedin-launch.md",
        "--channel",
        "x",
        "--format",
        "json",
    ]);
    out.code(FAILED);
    let report = out.json();
    let post = &posts(&report, 0)[0];
    assert_eq!(post["channel"], "x");
    assert_eq!(post["length"]["max"], 280);
    // 1,088 characters do not fit in 280.
    assert_eq!(findings_of(&report, "channel.too-long").len(), 1);
}

/// `social/a.txt` (no front matter), `social/b.txt` (front matter says
/// mastodon), `other.txt`, with a config saying linkedin and an override
/// saying x for `social/**`.
fn override_folder() -> tempfile::TempDir {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "postlint.toml",
        "channel = \"linkedin\"\n\n[[overrides]]\npaths = [\"social/**\"]\nchannel = \"x\"\n",
    );
    let body = "Pulse 3.0 is out today. Try it free: https://example.com/pulse\n";
    write(d, "social/a.txt", body);
    write(
        d,
        "social/b.txt",
        format!("---\nchannel: mastodon\n---\n{body}"),
    );
    write(d, "other.txt", body);
    dir
}

fn channels_by_path(report: &Value) -> Vec<(String, String)> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["posts"].as_array().unwrap().iter().map(move |p| {
                (
                    f["path"].as_str().unwrap().to_owned(),
                    p["channel"].as_str().unwrap().to_owned(),
                )
            })
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn override_applies_and_front_matter_wins_over_it() {
    let dir = override_folder();
    let d = dir.path();
    let want = pairs(&[
        ("other.txt", "linkedin"),
        ("social/a.txt", "x"),
        ("social/b.txt", "mastodon"),
    ]);
    let report = postlint(
        &[
            "--config",
            "postlint.toml",
            "check",
            ".",
            "--format",
            "json",
        ],
        d,
    )
    .json();
    assert_eq!(channels_by_path(&report), want);
    // The same with files named one by one, and with the config discovered.
    let args = [
        "check",
        "social/a.txt",
        "social/b.txt",
        "other.txt",
        "--format",
        "json",
    ];
    let report = postlint(&args, d).json();
    assert_eq!(channels_by_path(&report), want);
    // The X limits apply: the link counts 23.
    let a = &posts(&report, 1)[0];
    assert_eq!(a["length"]["value"], 37 + 23);
    assert_eq!(a["length"]["max"], 280);
}

#[test]
fn cli_channel_wins_over_everything() {
    let dir = override_folder();
    let report = postlint(
        &["check", ".", "--channel", "bluesky", "--format", "json"],
        dir.path(),
    )
    .json();
    assert_eq!(
        channels_by_path(&report),
        pairs(&[
            ("other.txt", "bluesky"),
            ("social/a.txt", "bluesky"),
            ("social/b.txt", "bluesky"),
        ])
    );
}

#[test]
fn later_overrides_win() {
    let dir = override_folder();
    let d = dir.path();
    write(
        d,
        "postlint.toml",
        "[[overrides]]\npaths = [\"social/**\"]\nchannel = \"x\"\n\n[[overrides]]\npaths = [\"social/a.*\"]\nchannel = \"threads\"\n",
    );
    let report = postlint(&["check", "social", "other.txt", "--format", "json"], d).json();
    assert_eq!(
        channels_by_path(&report),
        pairs(&[
            ("other.txt", "generic"),
            ("social/a.txt", "threads"),
            ("social/b.txt", "mastodon"),
        ])
    );
}

#[test]
fn override_applies_with_the_config_found_above_the_working_folder() {
    let dir = override_folder();
    let social = dir.path().join("social");
    let report = postlint(&["check", "a.txt", "--format", "json"], &social).json();
    assert_eq!(posts(&report, 0)[0]["channel"], "x");
}

#[test]

fn override_applies_with_the_config_named_by_a_relative_parent_path() {
    let dir = override_folder();
    let social = dir.path().join("social");
    let report = postlint(
        &[
            "--config",
            "../postlint.toml",
            "check",
            "a.txt",
            "--format",
            "json",
        ],
        &social,
    )
    .json();
    assert_eq!(posts(&report, 0)[0]["channel"], "x");
}

#[test]
fn front_matter_channels_check_one_text_twice() {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "both.md",
        "---\nchannels: [x, linkedin]\n---\nPulse 3.0 is out today. Try it free: https://example.com/pulse\n",
    );
    let report = postlint(&["check", "both.md", "--format", "json"], d).json();
    let posts = posts(&report, 0);
    let channels: Vec<&str> = posts
        .iter()
        .map(|p| p["channel"].as_str().unwrap())
        .collect();
    assert_eq!(channels, ["x", "linkedin"]);
    assert_eq!(
        posts[0]["length"],
        serde_json::json!({"value": 37 + 23, "max": 280})
    );
    assert_eq!(
        posts[1]["length"],
        serde_json::json!({"value": 62, "max": 3000})
    );
    assert_eq!(report["summary"]["posts"], 2);

    // The pretty report shows both.
    let out = postlint(&["check", "both.md"], d);
    assert!(out.stdout.contains("X  ·"), "{}", out.stdout);
    assert!(out.stdout.contains("LinkedIn  ·"), "{}", out.stdout);
}

#[test]
fn front_matter_selects_and_disables_checklists() {
    let dir = temp_dir();
    let d = dir.path();
    let body = "This is GUARANTEED to double your revenue!!! Try it: https://example.com\n";
    write(
        d,
        "some.md",
        format!("---\nchannel: linkedin\nchecklists: [readable, correct]\n---\n{body}"),
    );
    write(
        d,
        "disabled.md",
        format!(
            "---\nchannel: linkedin\npostlint:\n  disable: [strategy.shouting, correct]\n---\n{body}"
        ),
    );
    let report = postlint(&["check", "some.md", "--format", "json"], d).json();
    let scores = &posts(&report, 0)[0]["scores"];
    let mut keys: Vec<&String> = scores.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["correct", "overall", "readable"]);
    assert!(findings_of(&report, "strategy.risky-claim").is_empty());

    let report = postlint(&["check", "disabled.md", "--format", "json"], d).json();
    let rules = rule_ids(&report);
    assert!(
        rules.contains(&"strategy.risky-claim".to_owned()),
        "{rules:?}"
    );
    assert!(
        !rules
            .iter()
            .any(|r| r == "strategy.shouting" || r.starts_with("correct.")),
        "{rules:?}"
    );
}

#[test]
fn unknown_channel_in_front_matter_is_a_problem_of_the_file() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "typo.md", "---\nchannel: linkdin\n---\nHello.\n");
    write(d, "fine.md", "---\nchannel: x\n---\nHello the the world.\n");
    let out = postlint(&["check", ".", "--format", "json"], d);
    out.code(ERROR)
        .stderr_has(&["typo.md", "linkdin", "did you mean `linkedin`?"]);
    let report = out.json();
    assert_eq!(paths(&report), ["fine.md", "typo.md"]);
    assert_eq!(findings_of(&report, "correct.repeated-word").len(), 1);
}
