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
