//! The files of real social content repos: twitter-together `.tweet`
//! (retweets, media-only posts), toot-together `.toot`, and front matter
//! that is opened and never closed.

use super::*;

#[test]
fn toot_files_are_mastodon_posts() {
    let dir = temp_dir();
    write(
        dir.path(),
        "toots/hello.toot",
        "Hello, fediverse friends! Version 2 is out.\n",
    );
    let report = postlint(&["check", ".", "--format", "json"], dir.path())
        .code(PASSED)
        .json();
    assert_eq!(paths(&report), ["toots/hello.toot"]);
    assert_eq!(posts(&report, 0)[0]["channel"], "mastodon");
}

#[test]
fn a_retweet_or_an_images_only_post_has_no_text_to_check() {
    let dir = temp_dir();
    let repost = "---\nretweet: https://twitter.com/example/status/1576500683087302656\n---\n";
    write(dir.path(), "tweets/repost.tweet", repost);
    let media = "---\nmedia:\n  - file: cat.jpg\n    alt: A cat on a keyboard\n---\n";
    write(dir.path(), "tweets/cat.tweet", media);
    let report = postlint(&["check", ".", "--format", "json"], dir.path())
        .code(PASSED)
        .json();
    assert_eq!(report["summary"]["files"], 2);
    assert_eq!(
        report["summary"]["posts"], 0,
        "nothing to check, nothing failed"
    );
    assert!(rule_ids(&report).is_empty());
}

#[test]
fn a_quote_retweet_checks_its_text_and_an_empty_file_is_still_an_empty_post() {
    let dir = temp_dir();
    let quote = "---\nretweet: https://twitter.com/example/status/1\n---\n\nWhoops, we recieved it twice!\n";
    write(dir.path(), "tweets/quote.tweet", quote);
    write(dir.path(), "tweets/empty.tweet", "");
    let report = postlint(&["check", ".", "--format", "json"], dir.path())
        .code(FAILED)
        .json();
    assert_eq!(paths(&report), ["tweets/empty.tweet", "tweets/quote.tweet"]);
    assert_eq!(findings_of(&report, "channel.empty-post").len(), 1);
    assert_eq!(at(findings_of(&report, "correct.misspelling")[0]), (5, 12));
}

#[test]
fn front_matter_that_is_never_closed_is_a_problem_at_line_1_and_the_text_is_still_checked() {
    let dir = temp_dir();
    let text = "---\nchannel: x\ncampaign: spring\n\nWe shipped it. now try it.\n";
    write(dir.path(), "post.md", text);
    let out = postlint(&["check", "post.md", "--format", "json"], dir.path());
    out.code(ERROR)
        .stderr_has(&["post.md:1:1", "front matter is not closed"]);
    let report = out.json();
    assert_eq!(report["files"][0]["problems"][0]["line"], 1);
    assert_eq!(
        posts(&report, 0)[0]["channel"],
        "generic",
        "no settings are read from it"
    );
    assert!(
        findings_of(&report, "correct.sentence-start-lowercase")
            .iter()
            .any(|f| at(f) == (5, 16)),
        "the body is checked: {report:#}"
    );
}

#[test]
fn a_file_with_no_channel_says_its_platform_checks_did_not_run() {
    let dir = temp_dir();
    // 315 characters: over X's 280, but no channel says it is for X.
    let long = "Launch day! ".repeat(26);
    write(
        dir.path(),
        "thread.md",
        format!("{long}\n\n---\n\nSecond part.\n"),
    );
    write(dir.path(), "set.md", "---\nchannel: blog\n---\nA post.\n");
    let out = postlint(&["check", "."], dir.path());
    out.code(PASSED);
    assert!(
        out.stdout
            .contains("note: thread.md: no channel set, so no platform checks ran")
            && out
                .stdout
                .contains("`---` lines would split it into a thread")
            && out.stdout.contains("1 post without a channel"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("note: set.md"), "{}", out.stdout);
    let report = postlint(&["check", ".", "--format", "json"], dir.path()).json();
    assert_eq!(report["summary"]["without_channel"], 1);
    assert!(
        report["files"][0].get("no_channel").is_none(),
        "set.md has one"
    );
    assert_eq!(
        report["files"][1]["no_channel"]["looks_like_a_thread"],
        true
    );
    // Naming the channel anywhere ends it, and the X limit applies.
    let x = postlint(
        &["check", "thread.md", "--channel", "x", "--format", "json"],
        dir.path(),
    )
    .code(FAILED)
    .json();
    assert_eq!(x["summary"]["without_channel"], 0);
    assert_eq!(findings_of(&x, "channel.too-long").len(), 1);
}

#[test]
fn a_stray_separator_is_an_empty_post_at_its_line_and_a_trailing_one_is_not() {
    let dir = temp_dir();
    let text = "---\nchannel: x\n---\nFirst post.\n---\n---\nThird post.\n---\n";
    write(dir.path(), "thread.txt", text);
    let report = postlint(&["check", "thread.txt", "--format", "json"], dir.path())
        .code(FAILED)
        .json();
    assert_eq!(posts(&report, 0).len(), 3, "{report:#}");
    let empty = findings_of(&report, "channel.empty-post");
    assert_eq!(empty.len(), 1);
    assert_eq!(at(empty[0]), (6, 1), "the second of the two separators");
}

#[test]
fn a_thread_post_with_its_own_front_matter_is_one_post_with_its_own_poll() {
    let dir = temp_dir();
    // twitter-together's README example, with a fifth poll option.
    let thread = "---\nmedia:\n  - file: cat.jpg\n    alt: A cat\n---\n\nHere are some cute animals!\n\n---\n---\npoll:\n  - Cat\n  - Dog\n  - Fish\n  - Bird\n  - Snake\n---\n\nWhich one is cuter?\n";
    write(dir.path(), "animals.tweet", thread);
    let report = postlint(&["check", "animals.tweet", "--format", "json"], dir.path())
        .code(FAILED)
        .json();
    let posts = posts(&report, 0);
    assert_eq!(
        posts.len(),
        2,
        "no empty post, no poll keys as a post: {report:#}"
    );
    assert_eq!(
        (posts[1]["line"].as_u64(), posts[1]["count"].as_u64()),
        (Some(19), Some(2))
    );
    assert!(findings_of(&report, "channel.empty-post").is_empty());
    let poll = findings_of(&report, "channel.poll-options");
    assert_eq!(poll.iter().map(|f| at(f)).collect::<Vec<_>>(), [(16, 3)]);
}
