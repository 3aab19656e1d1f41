//! `postlint stats`: the numbers of each post, no rules. Every expected
//! number here was worked out by hand from the platform's counting rule (the
//! reasoning is in a comment next to it), never copied from the binary.
//!
//! Plain (social) posts are trimmed of surrounding whitespace, so files here
//! end with a newline that no count includes.

use std::collections::BTreeSet;

use serde_json::json;

use super::*;

/// The keys of a post in `stats --format json`: a contract with scripts.
const POST_KEYS: &[&str] = &[
    "path",
    "index",
    "count",
    "channel",
    "counter",
    "length",
    "limit",
    "remaining",
    "characters",
    "graphemes",
    "words",
    "sentences",
    "paragraphs",
    "syllables",
    "hashtags",
    "mentions",
    "links",
    "emoji",
    "reading_time_seconds",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog",
    "coleman_liau",
    "ari",
    "lix",
    "lang",
    "reading_level",
    "reading_formula",
    "formula_words",
    "formula_sentences",
    "limits",
];

/// The keys of one entry of a post's `limits`.
const LIMIT_KEYS: &[&str] = &["name", "counter", "length", "limit", "remaining"];

/// One X family emoji: 👨 ZWJ 👩 ZWJ 👧 ZWJ 👦, 7 code points, 1 grapheme,
/// 4 × 4 + 3 × 3 = 25 UTF-8 bytes.
const FAMILY: &str = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";

/// `postlint --color never stats ARGS` in `cwd`.
#[track_caller]
fn stats(args: &[&str], cwd: &Path) -> Out {
    let mut all = vec!["stats"];
    all.extend_from_slice(args);
    postlint(&all, cwd)
}

/// `stats ARGS --format json` in `cwd`, which must exit with `code`; the
/// report, checked to be `{"version": 1, "posts": [...], "problems": [...]}`.
#[track_caller]
fn stats_json(args: &[&str], cwd: &Path, code: i32) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    let report = stats(&all, cwd).code(code).json();
    assert_eq!(report["version"], 1, "{report:#}");
    assert!(report["posts"].is_array(), "{report:#}");
    assert!(report["problems"].is_array(), "{report:#}");
    report
}

/// The report's posts.
#[track_caller]
fn stats_posts(report: &Value) -> &Vec<Value> {
    report["posts"].as_array().expect("posts")
}

/// The only post of the report.
#[track_caller]
fn only_post(report: &Value) -> &Value {
    let posts = stats_posts(report);
    assert_eq!(posts.len(), 1, "{report:#}");
    &posts[0]
}

/// The report's `problems`, as strings.
fn problems(report: &Value) -> Vec<&str> {
    report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p.as_str().expect("a problem is a string"))
        .collect()
}

fn keys(object: &Value) -> BTreeSet<&str> {
    object
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {object:#}"))
        .keys()
        .map(String::as_str)
        .collect()
}

/// A plain-text post file with YAML front matter naming its channel.
fn post_file(dir: &Path, rel: &str, channel: &str, text: &str) -> PathBuf {
    write(dir, rel, format!("---\nchannel: {channel}\n---\n{text}\n"))
}

// ---------------------------------------------------------------------------
// The JSON contract

#[test]
fn json_post_has_exactly_the_contract_keys_with_their_types() {
    let dir = temp_dir();
    // Bluesky, so that `limits` has two entries.
    post_file(
        dir.path(),
        "post.txt",
        "bluesky",
        "Ship it today, friends. #rust",
    );
    let report = stats_json(&["post.txt"], dir.path(), PASSED);
    assert_eq!(
        keys(&report),
        BTreeSet::from(["version", "posts", "problems"])
    );
    assert_eq!(report["problems"], json!([]));
    let post = only_post(&report);

    assert_eq!(keys(post), POST_KEYS.iter().copied().collect(), "{post:#}");
    for key in ["path", "channel", "counter", "lang", "reading_formula"] {
        assert!(post[key].is_string(), "{key} is a string: {post:#}");
    }
    for key in [
        "index",
        "count",
        "length",
        "limit",
        "characters",
        "graphemes",
        "words",
        "sentences",
        "paragraphs",
        "syllables",
        "hashtags",
        "mentions",
        "links",
        "emoji",
        "reading_time_seconds",
        "formula_words",
        "formula_sentences",
    ] {
        assert!(post[key].is_u64(), "{key} is a whole number: {post:#}");
    }
    // Signed: negative when over the limit.
    assert!(post["remaining"].is_i64(), "{post:#}");
    for key in [
        "reading_level",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog",
        "coleman_liau",
        "ari",
        "lix",
    ] {
        assert!(post[key].is_f64(), "{key} is a float: {post:#}");
    }

    let limits = post["limits"].as_array().expect("limits is a list");
    assert_eq!(limits.len(), 2, "{post:#}");
    for limit in limits {
        assert_eq!(
            keys(limit),
            LIMIT_KEYS.iter().copied().collect(),
            "{limit:#}"
        );
        assert!(limit["name"].is_string() && limit["counter"].is_string());
        assert!(limit["length"].is_u64() && limit["limit"].is_u64());
        assert!(limit["remaining"].is_i64());
    }
    // The main limit first, named `length`, and the same as the post's own.
    assert_eq!(limits[0]["name"], "length");
    assert_eq!(limits[0]["counter"], post["counter"]);
    assert_eq!(limits[0]["length"], post["length"]);
    assert_eq!(limits[0]["limit"], post["limit"]);
    assert_eq!(limits[0]["remaining"], post["remaining"]);
    assert_eq!(limits[1]["name"], "bytes");
}

#[test]
fn json_keys_are_the_same_for_a_channel_without_limits() {
    let dir = temp_dir();
    write(dir.path(), "note.txt", "Just a note.\n");
    let report = stats_json(&["note.txt"], dir.path(), PASSED);
    let post = only_post(&report);
    assert_eq!(keys(post), POST_KEYS.iter().copied().collect(), "{post:#}");
    assert_eq!(post["channel"], "generic");
    assert_eq!(post["counter"], "chars");
    // "Just a note." = 4 + 1 + 1 + 1 + 5 = 12 code points, no limit.
    assert_eq!(post["length"], 12);
    assert!(
        post["limit"].is_null() && post["remaining"].is_null(),
        "{post:#}"
    );
    assert_eq!(post["limits"], json!([]));
}

// ---------------------------------------------------------------------------
// Length as each channel counts it

/// One hand-checked length: `text` is the whole post.
struct Case {
    name: &'static str,
    channel: &'static str,
    text: String,
    counter: &'static str,
    /// As the channel counts it.
    length: u64,
    limit: Option<u64>,
    /// Unicode code points.
    characters: u64,
}

fn cases() -> Vec<Case> {
    vec![
        // twitter-text validate.yml, WeightedTweetsCounterTest (v3), "Regular
        // Tweet with url" (tests/data/x-weighted-length.jsonl): "Hi " 3 + the
        // URL 23 = 26; 17 code points.
        Case {
            name: "x-url",
            channel: "x",
            text: "Hi http://test.co".into(),
            counter: "x-weighted",
            length: 26,
            limit: Some(280),
            characters: 17,
        },
        // Same file, v3, "Count a mix of single byte single word, and double
        // word unicode characters": H 1 + 🐱 2 + ☺ (U+263A, outside the
        // weight-1 ranges) 2 + the ZWJ family, one emoji sequence, 2 = 7;
        // 3 + 7 = 10 code points.
        Case {
            name: "x-emoji-mix",
            channel: "x",
            text: format!("H\u{1F431}\u{263A}{FAMILY}"),
            counter: "x-weighted",
            length: 7,
            limit: Some(280),
            characters: 10,
        },
        // Same file, "'Á' is normalized into 1 char": A + U+0301 + B is
        // NFC "ÁB", 2 × 1 = 2; 3 code points as stored.
        Case {
            name: "x-nfc",
            channel: "x",
            text: "A\u{301}B".into(),
            counter: "x-weighted",
            length: 2,
            limit: Some(280),
            characters: 3,
        },
        // "Read " 5 + URL (49 code points) 23 + " " 1 + 你好 2 × 2 + " " 1
        // + 🎉 2 + " ok" 3 = 39. Code points: 5 + 49 + 1 + 2 + 1 + 1 + 3 = 62
        // (URL: "https://" 8 + "example.com" 11 + "/a" 2 + "/very" 5 +
        // "/long" 5 + "/path" 5 + "/that" 5 + "/is" 3 + "/long" 5 = 49).
        Case {
            name: "x-mixed",
            channel: "x",
            text: "Read https://example.com/a/very/long/path/that/is/long \u{4F60}\u{597D} \u{1F389} ok"
                .into(),
            counter: "x-weighted",
            length: 39,
            limit: Some(280),
            characters: 62,
        },
        // 300 ASCII letters weigh 1 each: 300, so 280 - 300 = -20 remain.
        Case {
            name: "x-over",
            channel: "x",
            text: "x".repeat(300),
            counter: "x-weighted",
            length: 300,
            limit: Some(280),
            characters: 300,
        },
        // Mastodon: "Hi " 3 + "@alice@mastodon.social" counted as "@alice" 6
        // + ", see " 6 + any URL 23 = 38. Code points: 3 + 22 + 6 + 61 = 92
        // (URL: "https://" 8 + "example.org" 11 + "/posts" 6 + "/2025" 5 +
        // "/a-very-long-slug-for-this-post" 31 = 61).
        Case {
            name: "mastodon",
            channel: "mastodon",
            text: "Hi @alice@mastodon.social, see https://example.org/posts/2025/a-very-long-slug-for-this-post".into(),
            counter: "mastodon",
            length: 38,
            limit: Some(500),
            characters: 92,
        },
        // Bluesky: "Family: " 8 graphemes + the ZWJ family 1 = 9;
        // 8 + 7 = 15 code points.
        Case {
            name: "bluesky",
            channel: "bluesky",
            text: format!("Family: {FAMILY}"),
            counter: "graphemes",
            length: 9,
            limit: Some(300),
            characters: 15,
        },
        // LinkedIn counts UTF-16 code units: "Launch day " 11 + 🚀 (U+1F680,
        // astral: a surrogate pair) 2 = 13, from 12 code points.
        Case {
            name: "linkedin",
            channel: "linkedin",
            text: "Launch day \u{1F680}".into(),
            counter: "utf16",
            length: 13,
            limit: Some(3000),
            characters: 12,
        },
        // No limit: code points, "Plain text." 5 + 1 + 5 = 11.
        Case {
            name: "generic",
            channel: "generic",
            text: "Plain text.".into(),
            counter: "chars",
            length: 11,
            limit: None,
            characters: 11,
        },
    ]
}

#[test]
fn length_limit_and_remaining_as_each_channel_counts() {
    let dir = temp_dir();
    let cases = cases();
    for case in &cases {
        post_file(
            dir.path(),
            &format!("{}.txt", case.name),
            case.channel,
            &case.text,
        );
    }
    let report = stats_json(&["."], dir.path(), PASSED);
    assert_eq!(stats_posts(&report).len(), cases.len(), "{report:#}");
    for case in &cases {
        let path = format!("{}.txt", case.name);
        let post = stats_posts(&report)
            .iter()
            .find(|p| p["path"] == path.as_str())
            .unwrap_or_else(|| panic!("no post for {path} in {report:#}"));
        let name = case.name;
        assert_eq!(post["channel"], case.channel, "{name}");
        assert_eq!(post["counter"], case.counter, "{name}");
        assert_eq!(post["length"], case.length, "{name}: {post:#}");
        assert_eq!(post["characters"], case.characters, "{name}: {post:#}");
        match case.limit {
            Some(limit) => {
                let remaining = limit as i64 - case.length as i64;
                assert_eq!(post["limit"], limit, "{name}");
                assert_eq!(post["remaining"], remaining, "{name}");
                assert_eq!(
                    post["limits"][0],
                    json!({
                        "name": "length",
                        "counter": case.counter,
                        "length": case.length,
                        "limit": limit,
                        "remaining": remaining,
                    }),
                    "{name}"
                );
                let entries = if case.channel == "bluesky" { 2 } else { 1 };
                assert_eq!(post["limits"].as_array().unwrap().len(), entries, "{name}");
            }
            None => {
                assert!(post["limit"].is_null(), "{name}: {post:#}");
                assert!(post["remaining"].is_null(), "{name}: {post:#}");
                assert_eq!(post["limits"], json!([]), "{name}");
            }
        }
    }
}

#[test]
fn over_the_limit_remaining_is_negative() {
    let dir = temp_dir();
    post_file(dir.path(), "long.txt", "x", &"x".repeat(300));
    let report = stats_json(&["long.txt"], dir.path(), PASSED);
    let post = only_post(&report);
    // 300 letters of weight 1 against 280: 280 - 300 = -20.
    assert_eq!(post["length"], 300);
    assert_eq!(post["remaining"], -20);
    assert_eq!(post["limits"][0]["remaining"], -20);
}

#[test]
fn blog_has_no_limit() {
    let dir = temp_dir();
    // No newline at the end: the body is exactly "Plain prose." (5 + 1 + 6
    // = 12 code points).
    write(
        dir.path(),
        "post.md",
        "---\nchannel: blog\n---\nPlain prose.",
    );
    let post = only_post(&stats_json(&["post.md"], dir.path(), PASSED)).clone();
    assert_eq!(post["channel"], "blog");
    assert_eq!(post["counter"], "chars");
    assert_eq!(post["length"], 12);
    assert!(
        post["limit"].is_null() && post["remaining"].is_null(),
        "{post:#}"
    );
    assert_eq!(post["limits"], json!([]));
}

#[test]
fn bluesky_has_a_grapheme_limit_and_a_byte_limit() {
    let dir = temp_dir();
    // "Family: " 8 graphemes and 8 bytes; the family emoji 1 grapheme of
    // 25 bytes (4 emoji × 4 bytes + 3 ZWJ × 3 bytes): 9 graphemes, 33 bytes.
    post_file(dir.path(), "a.txt", "bluesky", &format!("Family: {FAMILY}"));
    // tests/data/bluesky-length.jsonl, "121 graphemes but 3025 UTF-8 bytes":
    // 121 families are 121 graphemes (179 left of 300) but 121 × 25 = 3025
    // bytes, 25 over the 3000-byte limit.
    post_file(dir.path(), "b.txt", "bluesky", &FAMILY.repeat(121));
    let report = stats_json(&["a.txt", "b.txt"], dir.path(), PASSED);
    let posts = stats_posts(&report);
    assert_eq!(posts.len(), 2, "{report:#}");
    let want = [(9, 291, 33, 2967, 15), (121, 179, 3025, -25, 121 * 7)];
    for (post, (graphemes, left, bytes, bytes_left, characters)) in posts.iter().zip(want) {
        assert_eq!(post["graphemes"], graphemes, "{post:#}");
        assert_eq!(post["characters"], characters, "{post:#}");
        assert_eq!(
            post["limits"],
            json!([
                {"name": "length", "counter": "graphemes", "length": graphemes, "limit": 300, "remaining": left},
                {"name": "bytes", "counter": "bytes", "length": bytes, "limit": 3000, "remaining": bytes_left},
            ]),
            "{post:#}"
        );
        // The main limit is the grapheme one.
        assert_eq!(post["length"], graphemes);
        assert_eq!(post["remaining"], left);
    }
}

#[test]
fn linkedin_counts_utf16_code_units_not_code_points() {
    let dir = temp_dir();
    // "Hi " 3 + 👋 (U+1F44B) + 🚀 (U+1F680), each astral: 2 code units and
    // 1 code point. Code points 3 + 2 = 5, UTF-16 3 + 2 × 2 = 7.
    post_file(dir.path(), "p.txt", "linkedin", "Hi \u{1F44B}\u{1F680}");
    let post = only_post(&stats_json(&["p.txt"], dir.path(), PASSED)).clone();
    assert_eq!(post["counter"], "utf16");
    assert_eq!(post["characters"], 5);
    assert_eq!(post["graphemes"], 5);
    assert_eq!(post["length"], 7);
    assert_eq!(post["remaining"], 3000 - 7);
}

// ---------------------------------------------------------------------------
// Inputs: folders, stdin, threads, --raw

#[test]
fn folder_lists_every_post_file_in_path_order() {
    let dir = temp_dir();
    let d = dir.path();
    // Written out of order; other extensions are not posts.
    write(d, "posts/c.txt", "Third.\n");
    write(d, "posts/a.md", "First.\n");
    write(d, "posts/b/x.tweet", "Second.\n");
    write(d, "posts/notes.json", "{\"not\": \"a post\"}\n");
    write(d, "posts/page.html", "<p>Not a post.</p>\n");
    write(d, "posts/image.png", "not an image either");
    let report = stats_json(&["posts"], d, PASSED);
    let paths: Vec<&str> = stats_posts(&report)
        .iter()
        .map(|p| p["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, ["posts/a.md", "posts/b/x.tweet", "posts/c.txt"]);
    // No channel anywhere: `.tweet` is X, the rest generic.
    let channels: Vec<&str> = stats_posts(&report)
        .iter()
        .map(|p| p["channel"].as_str().expect("channel"))
        .collect();
    assert_eq!(channels, ["generic", "x", "generic"]);
}

#[test]
fn stdin_is_one_input_named_dash() {
    let dir = temp_dir();
    let out = postlint_stdin(
        &["stats", "-", "--channel", "x", "--format", "json"],
        dir.path(),
        "Hello from stdin.\n",
    );
    let report = out.code(PASSED).json();
    let post = only_post(&report);
    assert_eq!(post["path"], "-");
    assert_eq!(post["channel"], "x");
    // "Hello from stdin." = 5 + 1 + 4 + 1 + 6 = 17, all weight 1.
    assert_eq!(post["length"], 17);
    assert_eq!(post["remaining"], 280 - 17);
}

/// Front matter (lines 1-3) and a thread of three X posts.
const THREAD: &str = "---\nchannel: x\n---\nFirst post of the thread.\n---\nSecond post.\n---\nThird and last post.\n";

#[test]
fn thread_gives_one_entry_per_post() {
    let dir = temp_dir();
    write(dir.path(), "thread.txt", THREAD);
    let report = stats_json(&["thread.txt"], dir.path(), PASSED);
    let posts = stats_posts(&report);
    // "First post of the thread." 5+1+4+1+2+1+3+1+7 = 25; "Second post."
    // 6+1+5 = 12; "Third and last post." 5+1+3+1+4+1+5 = 20.
    let want = [(1, 25), (2, 12), (3, 20)];
    assert_eq!(posts.len(), want.len(), "{report:#}");
    for (post, (index, length)) in posts.iter().zip(want) {
        assert_eq!(post["path"], "thread.txt");
        assert_eq!(post["index"], index);
        assert_eq!(post["count"], 3);
        assert_eq!(post["channel"], "x");
        assert_eq!(post["length"], length, "post {index}");
        assert_eq!(post["remaining"], 280 - length, "post {index}");
    }
}

#[test]
fn raw_is_one_post_of_the_exact_file_text() {
    let dir = temp_dir();
    write(dir.path(), "thread.txt", THREAD);
    // The whole file, ASCII, every byte weight 1 on X (newlines too):
    // "---\n" 4 + "channel: x\n" 11 + "---\n" 4 + "First post of the thread.\n"
    // 26 + "---\n" 4 + "Second post.\n" 13 + "---\n" 4 +
    // "Third and last post.\n" 21 = 87.
    let report = stats_json(
        &["thread.txt", "--raw", "--channel", "x"],
        dir.path(),
        PASSED,
    );
    let post = only_post(&report);
    assert_eq!((&post["index"], &post["count"]), (&json!(1), &json!(1)));
    assert_eq!(post["channel"], "x");
    assert_eq!(post["length"], 87);
    assert_eq!(post["characters"], 87);
    assert_eq!(post["remaining"], 280 - 87);

    // --raw reads no front matter, so `channel: x` does not apply: a .txt
    // with no other channel is generic (chars: the same 87).
    let report = stats_json(&["thread.txt", "--raw"], dir.path(), PASSED);
    let post = only_post(&report);
    assert_eq!(post["channel"], "generic");
    assert_eq!(post["length"], 87);

    // The file type still decides: a .tweet is X.
    write(dir.path(), "t.tweet", "two words\n");
    // "two words\n": 3 + 1 + 5 + 1 (the newline is text too) = 10.
    let report = stats_json(&["t.tweet", "--raw"], dir.path(), PASSED);
    let post = only_post(&report);
    assert_eq!(post["channel"], "x");
    assert_eq!(post["length"], 10);
}

#[test]
fn raw_stdin_keeps_the_separators() {
    let dir = temp_dir();
    let out = postlint_stdin(
        &["stats", "-", "--raw", "--channel", "x", "--format", "json"],
        dir.path(),
        "One.\n---\nTwo.\n",
    );
    let report = out.code(PASSED).json();
    let post = only_post(&report);
    // "One.\n" 5 + "---\n" 4 + "Two.\n" 5 = 14, all weight 1.
    assert_eq!(post["length"], 14);
    assert_eq!(post["count"], 1);
}

// ---------------------------------------------------------------------------
// Channels: where they come from, and bad ones

#[test]
fn channel_resolves_as_check_resolves_it() {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "postlint.toml",
        "channel = \"linkedin\"\n\n[[overrides]]\npaths = [\"toots/**\"]\nchannel = \"mastodon\"\n",
    );
    write(d, "plain.txt", "A post.\n");
    write(d, "note.tweet", "A tweet.\n");
    write(d, "toots/a.txt", "A toot.\n");
    post_file(d, "toots/b.txt", "bluesky", "A skeet.");
    write(d, "both.txt", "---\nchannels: [x, linkedin]\n---\nTwice.\n");

    let report = stats_json(&["."], d, PASSED);
    let got: Vec<(&str, &str)> = stats_posts(&report)
        .iter()
        .map(|p| (p["path"].as_str().unwrap(), p["channel"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            // Front matter `channels`: one entry per channel.
            ("both.txt", "x"),
            ("both.txt", "linkedin"),
            // The config's channel beats the file type.
            ("note.tweet", "linkedin"),
            ("plain.txt", "linkedin"),
            // [[overrides]] beat the config's channel...
            ("toots/a.txt", "mastodon"),
            // ...and front matter beats [[overrides]].
            ("toots/b.txt", "bluesky"),
        ],
        "{report:#}"
    );

    // --channel beats everything.
    let report = stats_json(&[".", "--channel", "x"], d, PASSED);
    for post in stats_posts(&report) {
        assert_eq!(post["channel"], "x", "{post:#}");
        assert_eq!(post["counter"], "x-weighted");
    }
    // One post per file, `channels: [x, linkedin]` included.
    assert_eq!(stats_posts(&report).len(), 5, "{report:#}");
}

#[test]
fn channel_option_overrides_front_matter() {
    let dir = temp_dir();
    post_file(dir.path(), "p.txt", "mastodon", "Hi @bob@example.social");
    // As X: "Hi " 3 + "@bob@example.social" 19 letters of weight 1 = 22.
    let report = stats_json(&["p.txt", "--channel", "x"], dir.path(), PASSED);
    let post = only_post(&report);
    assert_eq!(post["channel"], "x");
    assert_eq!(post["length"], 22);
    // As Mastodon (its front matter): "Hi " 3 + "@bob" 4 = 7.
    let report = stats_json(&["p.txt"], dir.path(), PASSED);
    let post = only_post(&report);
    assert_eq!(post["channel"], "mastodon");
    assert_eq!(post["length"], 7);
}

#[test]
fn bad_channel_option_exits_2_with_a_suggestion() {
    let dir = temp_dir();
    write(dir.path(), "p.txt", "Hi.\n");
    let out = stats(&["p.txt", "--channel", "linkdin"], dir.path());
    out.code(ERROR)
        .stderr_has(&["linkdin", "did you mean `linkedin`"]);
    assert_eq!(out.stdout, "", "nothing measured with an unknown channel");
}

#[test]
fn bad_front_matter_channel_exits_2_and_names_the_file() {
    let dir = temp_dir();
    post_file(dir.path(), "bad.txt", "mastodn", "Hi.");
    write(dir.path(), "good.txt", "Fine.\n");
    let report = stats_json(&["bad.txt", "good.txt"], dir.path(), ERROR);
    let problems = problems(&report);
    assert_eq!(problems.len(), 1, "{report:#}");
    assert!(problems[0].starts_with("bad.txt:2:1: "), "{problems:?}");
    assert!(
        problems[0].contains("did you mean `mastodon`"),
        "{problems:?}"
    );
    // The other file is still measured.
    let paths: Vec<&Value> = stats_posts(&report).iter().map(|p| &p["path"]).collect();
    assert!(paths.contains(&&json!("good.txt")), "{report:#}");

    stats(&["bad.txt"], dir.path()).code(ERROR).stderr_has(&[
        "bad.txt",
        "mastodn",
        "did you mean `mastodon`",
    ]);
}

#[test]
fn unreadable_file_or_bad_front_matter_value_exits_2() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "binary.txt", b"\xff\xfe not UTF-8");
    // A bad value that is not the channel: the post is still measured.
    write(d, "lang.txt", "---\nlang: english\n---\nHello.\n");
    let report = stats_json(&["binary.txt", "lang.txt"], d, ERROR);
    let problems = problems(&report);
    assert_eq!(problems.len(), 2, "{report:#}");
    assert!(problems[0].starts_with("binary.txt: "), "{problems:?}");
    assert!(problems[1].starts_with("lang.txt:2:1: "), "{problems:?}");
    assert!(problems[1].contains("english"), "{problems:?}");
    let post = only_post(&report);
    assert_eq!(post["path"], "lang.txt");
    // "Hello." 6 code points.
    assert_eq!(post["length"], 6);
    stats(&["binary.txt"], d)
        .code(ERROR)
        .stderr_has(&["binary.txt", "UTF-8"]);
}

#[test]
fn missing_path_exits_2() {
    let dir = temp_dir();
    write(dir.path(), "here.txt", "Here.\n");
    let report = stats_json(&["here.txt", "not-here.txt"], dir.path(), ERROR);
    assert_eq!(only_post(&report)["path"], "here.txt");
    let problems = problems(&report);
    assert_eq!(problems.len(), 1, "{report:#}");
    assert!(problems[0].contains("not-here.txt"), "{problems:?}");
    stats(&["not-here.txt"], dir.path())
        .code(ERROR)
        .stderr_has(&["not-here.txt"]);
}

// ---------------------------------------------------------------------------
// Text counts and reading

#[test]
fn text_counts_of_a_short_post() {
    let dir = temp_dir();
    post_file(
        dir.path(),
        "post.txt",
        "x",
        "Thanks @alice for the demo! Read more at https://example.com today \u{1F389}\n\nWe ship on Monday with #rustlang.",
    );
    let post = only_post(&stats_json(&["post.txt"], dir.path(), PASSED)).clone();
    // Words: Thanks @alice for the demo (5), Read more at today (4: a URL
    // is not a word, an emoji neither), We ship on Monday with #rustlang
    // (6: hashtags and mentions are words) = 15.
    assert_eq!(post["words"], 15, "{post:#}");
    // "...demo!", "Read ... 🎉" (ends at the paragraph break), "We ... #rustlang.".
    assert_eq!(post["sentences"], 3, "{post:#}");
    assert_eq!(post["paragraphs"], 2, "{post:#}");
    assert_eq!(post["hashtags"], 1, "{post:#}");
    assert_eq!(post["mentions"], 1, "{post:#}");
    assert_eq!(post["links"], 1, "{post:#}");
    assert_eq!(post["emoji"], 1, "{post:#}");
    // 15 words at 238 a minute: 15 × 60 / 238 = 3.78 s, rounded 4.
    assert_eq!(post["reading_time_seconds"], 4, "{post:#}");
}

#[test]
fn reading_grades_of_a_hand_counted_text() {
    let dir = temp_dir();
    write(
        dir.path(),
        "story.txt",
        "The little dog ran to the river. Then it jumped into the water and swam away.\n",
    );
    let post = only_post(&stats_json(&["story.txt"], dir.path(), PASSED)).clone();
    // Syllables: The 1, lit-tle 2, dog 1, ran 1, to 1, the 1, riv-er 2 = 9
    // over 7 words; Then 1, it 1, jumped 1, in-to 2, the 1, wa-ter 2, and 1,
    // swam 1, a-way 2 = 12 over 9 words. 16 words, 21 syllables, 2 sentences.
    assert_eq!(post["words"], 16, "{post:#}");
    assert_eq!(post["sentences"], 2, "{post:#}");
    assert_eq!(post["syllables"], 21, "{post:#}");
    // FK = 0.39 × 16/2 + 11.8 × 21/16 − 15.59 = 3.12 + 15.4875 − 15.59 = 3.0175.
    let grade = post["flesch_kincaid_grade"].as_f64().unwrap();
    assert!((grade - 3.0175).abs() <= 0.01, "grade {grade}");
    // Ease = 206.835 − 1.015 × 8 − 84.6 × 1.3125 = 206.835 − 8.12 − 111.0375
    // = 87.6775.
    let ease = post["flesch_reading_ease"].as_f64().unwrap();
    assert!((ease - 87.6775).abs() <= 0.01, "ease {ease}");
    // 16 × 60 / 238 = 4.03 s, rounded 4.
    assert_eq!(post["reading_time_seconds"], 4);
}

#[test]
fn reading_time_rounds_to_the_nearest_second() {
    let dir = temp_dir();
    // 120 words: 120 × 60 / 238 = 30.25 s → 30; 119 words: exactly 30 s;
    // 2 words: 2 × 60 / 238 = 0.504 s → 1.
    let cases = [(120, 30), (119, 30), (2, 1)];
    for (words, seconds) in cases {
        let text = vec!["word"; words].join(" ");
        write(dir.path(), &format!("w{words}.txt"), format!("{text}\n"));
        let post = only_post(&stats_json(&[&format!("w{words}.txt")], dir.path(), PASSED)).clone();
        assert_eq!(post["words"], words, "{post:#}");
        assert_eq!(post["reading_time_seconds"], seconds, "{words} words");
    }
}

// ---------------------------------------------------------------------------
// Language

#[test]
fn lang_from_option_front_matter_or_detection() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "plain.txt", "The little dog ran to the river.\n");
    write(
        d,
        "gb.txt",
        "---\nlang: en-GB\n---\nThe colour is lovely.\n",
    );

    let report = stats_json(&["plain.txt", "--lang", "fi"], d, PASSED);
    assert_eq!(only_post(&report)["lang"], "fi");
    let report = stats_json(&["gb.txt"], d, PASSED);
    assert_eq!(only_post(&report)["lang"], "en-GB");
    // The command line beats front matter.
    let report = stats_json(&["gb.txt", "--lang", "fi"], d, PASSED);
    assert_eq!(only_post(&report)["lang"], "fi");

    let out = stats(&["plain.txt", "--lang", "english"], d);
    out.code(ERROR).stderr_has(&["--lang", "english"]);
    assert_eq!(out.stdout, "");
}

// ---------------------------------------------------------------------------
// Pretty output

/// The lines of the report that belong to the post whose header starts
/// with `path` and contains `post i of n`.
#[track_caller]
fn block<'a>(stdout: &'a str, path: &str, i: usize, n: usize) -> Vec<&'a str> {
    let lines: Vec<&str> = stdout.lines().collect();
    let head = format!("post {i} of {n}");
    let start = lines
        .iter()
        .position(|l| l.starts_with(&format!("{path}  ·  ")) && l.contains(&head))
        .unwrap_or_else(|| panic!("no header for {path} {head}:\n{stdout}"));
    lines[start..]
        .iter()
        .take_while(|l| !l.is_empty())
        .copied()
        .collect()
}

#[test]
fn pretty_shows_a_header_limits_and_counts_per_post() {
    let dir = temp_dir();
    let d = dir.path();
    // Post 1: 39 weighted (see `x-mixed` above), 280 - 39 = 241 left.
    // Post 2: 300 letters, 20 over.
    write(
        d,
        "a.txt",
        format!(
            "---\nchannel: x\n---\nRead https://example.com/a/very/long/path/that/is/long \u{4F60}\u{597D} \u{1F389} ok\n---\n{}\n",
            "x".repeat(300)
        ),
    );
    // 9 graphemes (291 left), 33 bytes (2967 left), 15 code points.
    post_file(d, "b.txt", "bluesky", &format!("Family: {FAMILY}"));
    // No limit: "Plain text." 11 code points.
    write(d, "c.txt", "Plain text.\n");

    let out = stats(&[".", "--lang", "en"], d);
    out.code(PASSED);
    let stdout = &out.stdout;

    let one = block(stdout, "a.txt", 1, 2);
    assert_eq!(one[0], "a.txt  ·  x  ·  post 1 of 2  ·  en");
    assert_eq!(one[1], "  length     39 / 280 (x-weighted), 241 left");
    assert!(
        one[2].starts_with("  text       62 characters, 62 graphemes, "),
        "{one:#?}"
    );
    assert_eq!(
        one[3],
        "  entities   0 hashtags, 0 mentions, 1 link, 1 emoji"
    );
    assert!(
        one[4].starts_with("  level      Flesch-Kincaid grade ") && one[4].ends_with(" · en"),
        "{one:#?}"
    );
    assert!(one[5].starts_with("  reading    "), "{one:#?}");
    assert!(one[5].contains(" s · grade "), "{one:#?}");
    assert_eq!(one.len(), 6, "{one:#?}");

    let two = block(stdout, "a.txt", 2, 2);
    assert_eq!(two[0], "a.txt  ·  x  ·  post 2 of 2  ·  en");
    assert_eq!(two[1], "  length     300 / 280 (x-weighted), 20 over");

    let b = block(stdout, "b.txt", 1, 1);
    assert_eq!(b[0], "b.txt  ·  bluesky  ·  post 1 of 1  ·  en");
    assert_eq!(b[1], "  length     9 / 300 (graphemes), 291 left");
    assert_eq!(b[2], "  bytes      33 / 3000 (bytes), 2967 left");
    assert!(
        b[3].starts_with(
            "  text       15 characters, 9 graphemes, 1 word, 1 sentence, 1 paragraph, "
        ),
        "{b:#?}"
    );
    assert_eq!(
        b[4],
        "  entities   0 hashtags, 0 mentions, 0 links, 1 emoji"
    );

    let c = block(stdout, "c.txt", 1, 1);
    assert_eq!(c[0], "c.txt  ·  generic  ·  post 1 of 1  ·  en");
    assert_eq!(c[1], "  length     11 (chars)");
    assert!(
        c[2].starts_with(
            "  text       11 characters, 11 graphemes, 2 words, 1 sentence, 1 paragraph, "
        ),
        "{c:#?}"
    );

    // Posts in path order, a blank line after each, no colour codes.
    let headers: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("  ·  post "))
        .collect();
    assert_eq!(headers.len(), 4, "{stdout}");
    assert!(stdout.ends_with("\n\n"), "{stdout:?}");
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
}

#[test]
fn pretty_on_the_x_thread_example() {
    // examples/EXPECTED.md: x-thread.md has 4 posts of 160, 281, 221 and 98
    // weighted characters (158, 340, 221 and 144 code points).
    let out = in_repo(&["stats", "examples/x-thread.md"]);
    out.code(PASSED);
    let want = [
        (1, "160 / 280 (x-weighted), 120 left", 158),
        (2, "281 / 280 (x-weighted), 1 over", 340),
        (3, "221 / 280 (x-weighted), 59 left", 221),
        (4, "98 / 280 (x-weighted), 182 left", 144),
    ];
    for (i, length, characters) in want {
        let lines = block(&out.stdout, "examples/x-thread.md", i, 4);
        assert!(
            lines[0].starts_with(&format!(
                "examples/x-thread.md  ·  x  ·  post {i} of 4  ·  "
            )),
            "{lines:#?}"
        );
        assert_eq!(lines[1], format!("  length     {length}"));
        assert!(
            lines[2].starts_with(&format!("  text       {characters} characters, ")),
            "{lines:#?}"
        );
    }
}

// ---------------------------------------------------------------------------
// Markdown channels

#[test]
fn blog_words_are_prose_only_and_length_is_the_file_text() {
    let dir = temp_dir();
    // The body, from "# Release" to the end (no final newline), is 7 lines:
    // "# Release notes" 15, "" 0, "Read the [full guide](https://example.com/guide/very/long) today."
    // 9 + 12 + 37 + 7 = 65, "" 0, "```sh" 5,
    // "cargo install postlint --locked" 5+1+7+1+8+1+8 = 31, "```" 3;
    // 119 + 6 newlines = 125 code points.
    let body = "# Release notes\n\nRead the [full guide](https://example.com/guide/very/long) today.\n\n```sh\ncargo install postlint --locked\n```";
    assert_eq!(body.chars().count(), 125, "the hand count above");
    write(
        dir.path(),
        "release.md",
        format!("---\nchannel: blog\n---\n{body}"),
    );

    let post = only_post(&stats_json(&["release.md"], dir.path(), PASSED)).clone();
    assert_eq!(post["channel"], "blog");
    assert_eq!(post["length"], 125, "{post:#}");
    assert_eq!(post["characters"], 125, "{post:#}");
    // Words: Release notes (the heading) + Read the full guide today = 7;
    // not the link target, not the code block.
    assert_eq!(post["words"], 7, "{post:#}");
    // The heading, and the sentence "Read the full guide today.".
    assert_eq!(post["sentences"], 2, "{post:#}");
    // One paragraph: a heading is not one, and code is not prose.
    assert_eq!(post["paragraphs"], 1, "{post:#}");
    // One post: `---` would be a thematic break, not a thread separator.
    assert_eq!(post["count"], 1);
}

#[test]
fn markdown_channel_does_not_split_at_thematic_breaks() {
    let dir = temp_dir();
    write(
        dir.path(),
        "p.md",
        "---\nchannel: blog\n---\nBefore the break.\n\n---\n\nAfter the break.",
    );
    let post = only_post(&stats_json(&["p.md"], dir.path(), PASSED)).clone();
    // "Before the break." 17 + "\n\n---\n\n" 7 + "After the break." 16 = 40.
    assert_eq!(post["length"], 40);
    // Before the break / After the break: 6 words, 2 sentences.
    assert_eq!(post["words"], 6);
    assert_eq!(post["sentences"], 2);
}

/// `stats` measures the post `check` checks: a Markdown body trimmed of
/// surrounding whitespace, and no post at all for a file with front matter
/// only (both use `Reading::posts`).
#[test]
fn markdown_post_is_the_same_post_check_sees() {
    let dir = temp_dir();
    write(
        dir.path(),
        "p.md",
        "---\nchannel: blog\n---\n\nSome prose here.\n",
    );
    let post = only_post(&stats_json(&["p.md"], dir.path(), PASSED)).clone();
    // "Some prose here." = 4 + 1 + 5 + 1 + 5 = 16, as for the same text in
    // a .txt file (plain posts are trimmed).
    assert_eq!(post["length"], 16, "{post:#}");
    assert_eq!(post["characters"], 16, "{post:#}");

    // Front matter only: `check` has no post to check; neither should stats.
    write(dir.path(), "index.md", "---\nchannel: blog\n---\n");
    let report = stats_json(&["index.md"], dir.path(), PASSED);
    assert_eq!(report["posts"], json!([]), "{report:#}");
}

#[test]
fn stdin_as_a_named_file_and_force_exclude_work_as_in_check() {
    let dir = temp_dir();
    write(
        dir.path(),
        "postlint.toml",
        "channel = \"linkedin\"\nexclude = [\"drafts/**\"]\n[[overrides]]\npaths = [\"social/x/**\"]\nchannel = \"x\"\n",
    );
    let out = postlint_stdin(
        &[
            "stats",
            "-",
            "--stdin-filename",
            "social/x/a.txt",
            "--format",
            "json",
        ],
        dir.path(),
        "Hello there, friends.\n",
    );
    out.code(PASSED);
    let report = out.json();
    assert_eq!(report["posts"][0]["path"], "social/x/a.txt");
    assert_eq!(report["posts"][0]["channel"], "x", "the override by path");
    write(dir.path(), "drafts/d.txt", "Hello there.\n");
    let named = postlint(&["stats", "drafts/d.txt", "--format", "json"], dir.path());
    assert_eq!(
        named.json()["posts"].as_array().unwrap().len(),
        1,
        "named: measured"
    );
    let forced = postlint(
        &[
            "stats",
            "drafts/d.txt",
            "--force-exclude",
            "--format",
            "json",
        ],
        dir.path(),
    );
    forced.code(PASSED);
    assert!(forced.json()["posts"].as_array().unwrap().is_empty());
    assert!(
        !forced.stderr.contains("no post files"),
        "{}",
        forced.stderr
    );
}
