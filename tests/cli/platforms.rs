//! Platform checks on real files: polls, content warnings, galaxy-social's
//! accounts and appended text, a file sent to several channels, the fold,
//! thread numbering, images and a team's own channel numbers. Expected
//! lengths are counted by hand (the comments say how), not read back from
//! postlint.

use super::*;

fn stats(dir: &Path, file: &str) -> Vec<(String, u64)> {
    let report = postlint(&["stats", file, "--format", "json"], dir)
        .code(PASSED)
        .json();
    report["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .map(|p| {
            (
                p["channel"].as_str().unwrap().to_owned(),
                p["length"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn poll_lines_are_options_checked_as_options_not_counted_as_text() {
    let dir = temp_dir();
    // The question is 47 characters; the options are not part of the text.
    let tweet = "Which feature should we build next? Vote below!\n\n( ) Dark mode for the mobile app!!\n( ) Exports\n( ) Alerts\n( ) Teams\n( ) Sharing\n";
    write(dir.path(), "poll.tweet", tweet);
    assert_eq!(stats(dir.path(), "poll.tweet"), [("x".to_owned(), 47)]);
    let report = postlint(&["check", "poll.tweet", "--format", "json"], dir.path())
        .code(FAILED)
        .json();
    // Five options, X takes four: the error starts at the fifth.
    let options = findings_of(&report, "channel.poll-options");
    assert_eq!(options.len(), 1, "{report:#}");
    assert_eq!(at(options[0]), (7, 5));
    assert!(string(options[0], "message").starts_with("5 poll options"));
    // "Dark mode for the mobile app!!" is 30 characters: the 26th on is over.
    let long = findings_of(&report, "channel.poll-option-too-long");
    assert_eq!(long.iter().map(|f| at(f)).collect::<Vec<_>>(), [(3, 30)]);

    // toot-together writes `[ ]`; Mastodon takes 4 options of 50.
    let toot = "Which one?\n[ ] Dark mode for the mobile app, on every platform\n[ ] Exports\n";
    write(dir.path(), "poll.toot", toot);
    assert_eq!(
        stats(dir.path(), "poll.toot"),
        [("mastodon".to_owned(), 10)]
    );
    postlint(&["check", "poll.toot", "--format", "json"], dir.path()).code(PASSED);

    // A front matter poll with one option.
    let one = "---\npoll:\n  - Yes\n---\nShould we ship on Fridays?\n";
    write(dir.path(), "one.tweet", one);
    let report = postlint(&["check", "one.tweet", "--format", "json"], dir.path())
        .code(FAILED)
        .json();
    let options = findings_of(&report, "channel.poll-options");
    assert_eq!(options.iter().map(|f| at(f)).collect::<Vec<_>>(), [(3, 3)]);
}

fn string<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_default()
}

#[test]
fn a_content_warning_counts_with_the_toot() {
    let dir = temp_dir();
    // 72 characters of content warning + 496 of text = 568 of 500: the
    // text fits up to its 428th character.
    let cw = "Long read, what went wrong during yesterday's outage and what we changed";
    let body =
        ["Yesterday between 18:00 and 19:30 our API was down for most customers."; 7].join(" ");
    write(
        dir.path(),
        "outage.toot",
        format!("---\ncw: {cw}\n---\n{body}\n"),
    );
    assert_eq!(
        stats(dir.path(), "outage.toot"),
        [("mastodon".to_owned(), 568)]
    );
    let report = postlint(&["check", "outage.toot", "--format", "json"], dir.path())
        .code(FAILED)
        .json();
    let long = findings_of(&report, "channel.too-long");
    assert_eq!(long.len(), 1);
    assert_eq!(at(long[0]), (4, 429));
    assert!(string(long[0], "message").contains("68 over the limit of 500"));
}

#[test]
fn a_thread_posts_own_content_warning_counts_with_that_post() {
    let dir = temp_dir();
    // Post 2: "Second." (7) + its own content warning "Spoilers" (8) = 15.
    write(
        dir.path(),
        "thread.toot",
        "First.\n---\n---\ncw: Spoilers\n---\nSecond.\n",
    );
    assert_eq!(
        stats(dir.path(), "thread.toot"),
        [("mastodon".to_owned(), 6), ("mastodon".to_owned(), 15)]
    );
}

#[test]
fn galaxy_social_accounts_name_the_channels_and_their_appended_text_is_counted() {
    let dir = temp_dir();
    let post = "---\nmedia:\n - bluesky-galaxyproject\n - mastodon-eu-freiburg\n - matrix-eu-announce\nmentions:\n  bluesky-galaxyproject:\n    - galaxyproject.bsky.social\nhashtags:\n  bluesky-galaxyproject: [UseGalaxy, EOSC]\n---\nThe Galaxy training week starts Monday: five days of hands-on sessions. Sign up at https://training.galaxyproject.org\n";
    write(dir.path(), "posts/training.md", post);
    // Bluesky: 116 graphemes of text + "\n\n@galaxyproject.bsky.social\n#UseGalaxy #EOSC"
    // (46) = 162. Mastodon: no mentions or hashtags for its account; the
    // 34-character URL counts 23: 116 - 34 + 23 = 105... plus nothing appended.
    assert_eq!(
        stats(dir.path(), "posts/training.md"),
        [("bluesky".to_owned(), 162), ("mastodon".to_owned(), 106)]
    );
}

#[test]
fn a_file_for_several_channels_lists_each_finding_once_and_labels_what_one_channel_found() {
    let dir = temp_dir();
    // 291 characters: over X's 280, under Bluesky's 300; "the the" is
    // wrong everywhere.
    let words = "We rebuilt the the dashboards from scratch this spring, and every chart now loads in under a second, even with a year of data behind it. Shared views let a whole team look at the same numbers, alerts reach you in Slack or Teams, and forecasts come with the reasons behind them. Try it today!";
    assert_eq!(words.chars().count(), 291);
    write(
        dir.path(),
        "launch.md",
        format!("---\nchannels: [x, bluesky]\n---\n{words}\n"),
    );
    let out = postlint(&["check", "launch.md", "--format", "compact"], dir.path());
    let text = out.code(FAILED).stdout.clone();
    let lines: Vec<&str> = text.lines().collect();
    let repeated: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains("correct.repeated-word"))
        .collect();
    assert_eq!(repeated.len(), 1, "listed once: {text}");
    assert!(!repeated[0].contains("[X]") && !repeated[0].contains("[Bluesky]"));
    let long: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains("channel.too-long"))
        .collect();
    assert_eq!(long.len(), 1, "{text}");
    assert!(
        long[0].contains("channel.too-long: [X] 291 characters"),
        "{text}"
    );

    let report = postlint(&["check", "launch.md", "--format", "json"], dir.path()).json();
    let posts = posts(&report, 0);
    assert_eq!(posts.len(), 2, "one post object per channel, as in v1");
    for post in posts {
        for f in post["findings"].as_array().unwrap() {
            match string(f, "rule") {
                "channel.too-long" => assert_eq!(f["channel"], "x"),
                "correct.repeated-word" => assert!(f.get("channel").is_none()),
                _ => {}
            }
        }
    }
    assert_eq!(
        findings_of(&report, "correct.repeated-word").len(),
        2,
        "in both posts"
    );
    let mut distinct: Vec<(String, u64, String)> = all_findings(&report)
        .iter()
        .map(|f| {
            (
                string(f, "rule").to_owned(),
                f["byte_start"].as_u64().unwrap(),
                string(f, "message").to_owned(),
            )
        })
        .collect();
    distinct.sort();
    distinct.dedup();
    let summary = &report["summary"];
    let total = ["errors", "warnings", "suggestions"]
        .iter()
        .map(|k| summary[k].as_u64().unwrap())
        .sum::<u64>();
    assert_eq!(
        total as usize,
        distinct.len(),
        "each finding counted once: {report:#}"
    );
    assert_eq!(summary["errors"], 1, "too-long, on X only");

    let pretty = postlint(&["check", "launch.md"], dir.path()).stdout;
    assert!(pretty.contains("error[channel.too-long] (X):"), "{pretty}");
    assert_eq!(
        pretty.matches("[correct.repeated-word]").count(),
        1,
        "{pretty}"
    );
    assert!(
        pretty.contains("listed above for another channel"),
        "{pretty}"
    );
}

#[test]
fn the_fold_preview_keeps_the_platforms_line_breaks() {
    let dir = temp_dir();
    let post = "---\nchannel: linkedin\n---\nWe shipped Pulse 3.0 today.\n\nIt took eighteen months.\nHere is what changed for you, and why it matters to every analyst on your team, from the first chart you open in the morning to the last report you send at night.\n";
    write(dir.path(), "post.md", post);
    let pretty = postlint(&["check", "post.md"], dir.path()).stdout;
    // LinkedIn shows three lines on mobile: the blank line is one of them.
    let preview = "Before \"see more\" (210 characters, 3 lines on mobile), readers see:\n  We shipped Pulse 3.0 today.\n\n  It took eighteen months.…\n";
    assert!(pretty.contains(preview), "{pretty}");
}

#[test]
fn thread_numbers_must_count_up_to_the_right_total() {
    let dir = temp_dir();
    let thread = "---\nchannel: x\n---\n1/3 We rebuilt our dashboards.\n---\n2/3 Charts load in under a second.\n---\n2/3 Try them today at https://example.com\n";
    write(dir.path(), "thread.md", thread);
    let report = postlint(&["check", "thread.md", "--format", "json"], dir.path()).json();
    let numbering = findings_of(&report, "channel.thread-numbering");
    assert_eq!(numbering.len(), 1, "{report:#}");
    assert_eq!(at(numbering[0]), (8, 1));
    assert_eq!(
        string(numbering[0], "message"),
        "Post 3 of 3 is numbered 2/3."
    );
    // An unnumbered thread, or "24/7" in a thread not numbered, is fine.
    let plain = "---\nchannel: x\n---\nWe are open 24/7\n---\nSupport never sleeps.\n";
    write(dir.path(), "plain.md", plain);
    let report = postlint(&["check", "plain.md", "--format", "json"], dir.path()).json();
    assert!(findings_of(&report, "channel.thread-numbering").is_empty());
}

#[test]
fn images_need_alt_text_and_titles_fit_the_platform() {
    let dir = temp_dir();
    let blog = "---\nchannel: blog\n---\n# Our new office\n\nWe moved! ![](office.jpg)\n\n![The kitchen, with a long oak table](kitchen.jpg)\n\n`![](not-an-image-in-code.png)`\n";
    write(dir.path(), "office.md", blog);
    let report = postlint(&["check", "office.md", "--format", "json"], dir.path()).json();
    let alt = findings_of(&report, "channel.missing-alt-text");
    assert_eq!(alt.iter().map(|f| at(f)).collect::<Vec<_>>(), [(6, 11)]);

    // YouTube: the title is front matter's `title`, 101 characters.
    let title = format!("How we rebuilt Pulse {}", "x".repeat(80));
    assert_eq!(title.len(), 101);
    let video =
        format!("---\nchannel: youtube\ntitle: {title}\n---\nThe full story of our rebuild.\n");
    write(dir.path(), "video.txt", video);
    let report = postlint(&["check", "video.txt", "--format", "json"], dir.path())
        .code(FAILED)
        .json();
    let field = findings_of(&report, "channel.field-too-long");
    assert_eq!(field.iter().map(|f| at(f)).collect::<Vec<_>>(), [(3, 1)]);
    assert_eq!(
        string(field[0], "message"),
        "The title is 101 characters; YouTube allows 100."
    );
    // A blog's `title` is the site generator's: never checked.
    let blog = format!("---\nchannel: blog\ntitle: {title}\n---\nThe full story of our rebuild.\n");
    write(dir.path(), "blog.md", blog);
    let report = postlint(&["check", "blog.md", "--format", "json"], dir.path()).json();
    assert!(findings_of(&report, "channel.field-too-long").is_empty());
}

#[test]
fn a_team_sets_its_own_channel_numbers_and_adds_its_own_channel() {
    let dir = temp_dir();
    let long = "word ".repeat(63); // 314 characters, trimmed
    write(dir.path(), "premium.tweet", &long);
    postlint(&["check", "premium.tweet", "--format", "json"], dir.path()).code(FAILED);
    write(
        dir.path(),
        "postlint.toml",
        "[channels.x]\nmax_length = 25000\n\n[channels.intranet]\nfile = \"channels/intranet.toml\"\n",
    );
    write(
        dir.path(),
        "channels/intranet.toml",
        "id = \"intranet\"\nname = \"Intranet\"\ndescription = \"Staff news\"\nmarkup = \"plain\"\ncounter = \"chars\"\n\n[limits]\nmax_length = 100\n",
    );
    let report = postlint(&["check", "premium.tweet", "--format", "json"], dir.path()).json();
    assert!(
        findings_of(&report, "channel.too-long").is_empty(),
        "{report:#}"
    );
    write(
        dir.path(),
        "news.txt",
        format!("---\nchannel: intranet\n---\n{long}"),
    );
    let report = postlint(&["check", "news.txt", "--format", "json"], dir.path())
        .code(FAILED)
        .json();
    let too_long = findings_of(&report, "channel.too-long");
    assert_eq!(too_long.len(), 1);
    assert!(string(too_long[0], "message").starts_with("314 characters"));
    let channels = postlint(&["channels"], dir.path())
        .code(PASSED)
        .stdout
        .clone();
    assert!(channels.contains("intranet"), "{channels}");

    write(
        dir.path(),
        "postlint.toml",
        "[channels.twiter]\nmax_length = 1\n",
    );
    postlint(&["check", "premium.tweet"], dir.path())
        .code(ERROR)
        .stderr_has(&["postlint.toml:1", "unknown channel `twiter`"]);
}

#[test]
fn bluesky_counts_links_as_written_unless_the_team_counts_them_as_the_app_shows_them() {
    let dir = temp_dir();
    write(
        dir.path(),
        "post.txt",
        "---\nchannel: bluesky\n---\nNew post: https://example.com/blog/2026/11/how-we-rebuilt-pulse\n",
    );
    // As written: 10 + 53 graphemes.
    assert_eq!(stats(dir.path(), "post.txt"), [("bluesky".to_owned(), 63)]);
    let listed = postlint(&["channels"], dir.path())
        .code(PASSED)
        .stdout
        .clone();
    assert!(listed.contains("links as written"), "{listed}");
    write(
        dir.path(),
        "postlint.toml",
        "[channels.bluesky]\nshorten_links = true\n",
    );
    // As the app shows it: "example.com" + "/blog/2026/11" + "..." = 27.
    assert_eq!(stats(dir.path(), "post.txt"), [("bluesky".to_owned(), 37)]);
    let listed = postlint(&["channels"], dir.path())
        .code(PASSED)
        .stdout
        .clone();
    assert!(listed.contains("links as the app shows them"), "{listed}");
}
