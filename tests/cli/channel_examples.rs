//! examples/channels/: one good and one bad post for every channel profile
//! (rules/channels/*.toml), as examples/EXPECTED.md describes them.
//!
//! - A bad example reports exactly the listed `channel.*` findings (rule,
//!   line:column, severity): each shows one of its profile's own numbers.
//! - A good example reports nothing at `warning` or `error`, apart from a
//!   known false alarm listed with it.
//! - `stats --format json` gives each post the length worked out by hand
//!   from the platform's own counting rule (the comments say how), never
//!   read back from postlint; Bluesky's byte count too.

use super::*;

/// A finding: rule, line, column (code points), severity.
type Finding = (&'static str, u64, u64, &'static str);

struct ChannelExample {
    /// Under `examples/channels/`.
    file: &'static str,
    /// The channel every post is checked as.
    channel: &'static str,
    /// Each post's length as its platform counts it, in thread order.
    lengths: &'static [u64],
    /// Further limits on the same text: (post index from 1, limit name, length).
    also: &'static [(u64, &'static str, u64)],
    /// Bad examples: every `channel.*` finding, in report order, and no other.
    /// Good examples: empty.
    channel_findings: &'static [Finding],
    /// Good examples: warnings a spelling or style rule gives on text that
    /// is right (false alarms). They may show; nothing else at warning or
    /// error may.
    false_alarms: &'static [Finding],
}

const fn good(
    file: &'static str,
    channel: &'static str,
    lengths: &'static [u64],
) -> ChannelExample {
    ChannelExample {
        file,
        channel,
        lengths,
        also: &[],
        channel_findings: &[],
        false_alarms: &[],
    }
}

const fn bad(
    file: &'static str,
    channel: &'static str,
    lengths: &'static [u64],
    channel_findings: &'static [Finding],
) -> ChannelExample {
    ChannelExample {
        file,
        channel,
        lengths,
        also: &[],
        channel_findings,
        false_alarms: &[],
    }
}

const EXAMPLES: &[ChannelExample] = &[
    // X: twitter-text v3, NFC; weight 1 for code points up to U+10FF and
    // for general punctuation, 2 for anything else; an emoji 2; a URL 23.
    // 162 ASCII characters; the four `( )` lines are the poll, not text.
    good("x-good.tweet", "x", &[162]),
    bad(
        "x-bad.tweet",
        "x",
        // Post 1: 419 code points, two 🎉 (2 each), a 106-character URL
        // (23): 419 - 106 + 23 + 2 = 338. Post 2: 138 ASCII. Post 3:
        // "3/3 What should we build next? Tell us below " 45 + 👇 2 = 47.
        &[338, 138, 47],
        &[
            // Weighted 277 before the URL at 1:278, which does not fit whole.
            ("channel.too-long", 1, 278, "error"),
            // The third hashtag; X advises 2.
            ("channel.too-many-hashtags", 1, 412, "warning"),
            // Post 2 of 3 numbered "2/4".
            ("channel.thread-numbering", 3, 1, "warning"),
            // "Dark mode for the dashboards" is 28: from its 26th character.
            ("channel.poll-option-too-long", 6, 30, "error"),
            // The fifth option; X polls take 2 to 4.
            ("channel.poll-options", 10, 5, "error"),
        ],
    ),
    // LinkedIn: UTF-16 code units, 3,000; fold 210; 5 hashtags; 2 links.
    good("linkedin-good.md", "linkedin", &[645]),
    bad(
        "linkedin-bad.md",
        "linkedin",
        &[667],
        &[
            ("channel.missing-alt-text", 5, 3, "warning"),
            // The first line is 284 units: from the 211th.
            ("channel.hook-cut-by-fold", 9, 211, "suggestion"),
            ("channel.too-many-links", 15, 14, "suggestion"),
            ("channel.too-many-hashtags", 17, 70, "warning"),
        ],
    ),
    // LinkedIn article: the Markdown body in UTF-16 units (all ASCII);
    // the headline (front matter `title`) at most 150.
    good("linkedin-article-good.md", "linkedin-article", &[1732]),
    bad(
        "linkedin-article-bad.md",
        "linkedin-article",
        &[680],
        &[
            // A 174-character headline.
            ("channel.field-too-long", 3, 1, "error"),
            ("channel.missing-alt-text", 5, 1, "warning"),
            ("channel.missing-alt-text", 11, 1, "warning"),
        ],
    ),
    // Instagram: UTF-16 units, 2,200; fold 125; 5 hashtags, 30 at most;
    // links not clickable. Good: 324 code points, 👉 is 2 units: 325.
    good("instagram-good.txt", "instagram", &[325]),
    bad(
        "instagram-bad.txt",
        "instagram",
        // 624 code points; 🎉 📊 👈 are 2 units each: 627.
        &[627],
        &[
            ("channel.missing-alt-text", 5, 3, "warning"),
            ("channel.missing-alt-text", 6, 3, "warning"),
            // 🎉 at 8:36 is 2 units, so column 125 is the 126th unit.
            ("channel.hook-cut-by-fold", 8, 125, "suggestion"),
            ("channel.link-not-clickable", 10, 28, "warning"),
            // The 6th of 31 hashtags, and the 31st.
            ("channel.too-many-hashtags", 15, 68, "warning"),
            ("channel.hashtag-limit", 15, 368, "error"),
        ],
    ),
    // Facebook: UTF-16 units, 63,206; fold 480; 3 hashtags. All ASCII.
    good("facebook-good.txt", "facebook", &[815]),
    bad(
        "facebook-bad.txt",
        "facebook",
        &[729],
        &[
            ("channel.missing-alt-text", 5, 3, "warning"),
            // A 511-character first line.
            ("channel.hook-cut-by-fold", 7, 481, "suggestion"),
            ("channel.too-many-hashtags", 11, 37, "warning"),
        ],
    ),
    // Threads: 500, an emoji counts its UTF-8 bytes, any other character 1;
    // 5 distinct links; one topic tag. Good: 428 other characters and two
    // 4-byte emoji (😅 👇): 436.
    good("threads-good.txt", "threads", &[436]),
    bad(
        "threads-bad.txt",
        "threads",
        // 466 code points of which 30 are 4-byte emoji: 436 + 120 = 556
        // (as UTF-16 it would be 496, under the limit).
        &[556],
        &[
            // The 6th distinct link.
            ("channel.link-limit", 13, 16, "error"),
            // 500 reached with the third 😎 on line 15: the space after it.
            ("channel.too-long", 15, 38, "error"),
            // The second `#`: both the advice (1) and the limit (1).
            ("channel.too-many-hashtags", 17, 12, "warning"),
            ("channel.hashtag-limit", 17, 12, "error"),
        ],
    ),
    // Mastodon: graphemes, a URL 23, the content warning counted too.
    // Good: 282 ASCII, no URL; the `[ ]` lines are the poll.
    good("mastodon-good.toot", "mastodon", &[282]),
    bad(
        "mastodon-bad.toot",
        "mastodon",
        // Text: 502 characters with a 51-character URL, so 474; the
        // content warning adds 56: 530.
        &[530],
        &[
            ("channel.missing-alt-text", 4, 3, "warning"),
            // 444 left for the text after the warning's 56.
            ("channel.too-long", 14, 29, "error"),
            ("channel.too-many-hashtags", 14, 52, "warning"),
        ],
    ),
    // Bluesky: 300 graphemes and 3,000 UTF-8 bytes, the URL as written.
    // Good: 255 graphemes, 📬 is 4 bytes: 258 bytes.
    ChannelExample {
        also: &[(1, "bytes", 258)],
        ..good("bluesky-good.txt", "bluesky", &[255])
    },
    ChannelExample {
        // Post 1: 361 graphemes, é 2 bytes: 362. Post 2: 75 characters,
        // 10 line breaks and 200 technologist emoji (person + skin tone +
        // ZWJ + laptop, 15 bytes, one grapheme each): 285 graphemes,
        // 85 + 3,000 = 3,085 bytes.
        also: &[(1, "bytes", 362), (2, "bytes", 3085)],
        ..bad(
            "bluesky-bad.txt",
            "bluesky",
            &[361, 285],
            &[
                ("channel.missing-alt-text", 5, 3, "warning"),
                ("channel.too-long", 7, 301, "error"),
                ("channel.too-many-hashtags", 7, 351, "warning"),
                // 3,000 bytes reached after 14 emoji of the last row.
                ("channel.limit-exceeded", 19, 57, "error"),
            ],
        )
    },
    // TikTok: UTF-16 units, 4,000; fold 100; 5 hashtags; links not
    // clickable. Each has one 2-unit emoji (📬, 📊).
    ChannelExample {
        // "walkthrough" is a standard noun (a step-by-step demonstration).
        false_alarms: &[("correct.misspelling", 7, 105, "warning")],
        ..good("tiktok-good.txt", "tiktok", &[305])
    },
    bad(
        "tiktok-bad.txt",
        "tiktok",
        &[302],
        &[
            ("channel.hook-cut-by-fold", 5, 101, "suggestion"),
            ("channel.link-not-clickable", 7, 26, "warning"),
            ("channel.too-many-hashtags", 9, 61, "warning"),
        ],
    ),
    // YouTube: the description in UTF-8 bytes, 5,000; fold 157; 3
    // hashtags, 60 at most; the title 100 characters. Good: 660 ASCII.
    good("youtube-good.txt", "youtube", &[660]),
    bad(
        "youtube-bad.txt",
        "youtube",
        // 5,022 code points, 46 bytes more: é Á ë ë ø æ (+1 each), eight ✅
        // (+2), ⏱️ (+4 with its VS16), 🎙️ (+5), 💬 📌 📣 🔗 🧠 (+3): 5,068.
        &[5068],
        &[
            // A 133-character title.
            ("channel.field-too-long", 3, 1, "error"),
            ("channel.hook-cut-by-fold", 5, 158, "suggestion"),
            // The 4th of 62 hashtags, the 5,001st byte, the 61st hashtag.
            ("channel.too-many-hashtags", 66, 48, "warning"),
            ("channel.too-long", 66, 621, "error"),
            ("channel.hashtag-limit", 66, 669, "error"),
        ],
    ),
    // Pinterest: the description in UTF-16 units, 500; fold 50; title
    // 100; 1 image; alt text 500. All ASCII.
    good("pinterest-good.txt", "pinterest", &[316]),
    bad(
        "pinterest-bad.txt",
        "pinterest",
        &[733],
        &[
            // A 129-character title.
            ("channel.field-too-long", 3, 1, "error"),
            // 514 characters of alt text.
            ("channel.alt-text-too-long", 6, 3, "error"),
            // The second image.
            ("channel.too-many-images", 8, 3, "error"),
            ("channel.hook-cut-by-fold", 11, 51, "suggestion"),
            ("channel.too-long", 13, 375, "error"),
        ],
    ),
    // Reddit: the Markdown body in code points, 40,000; the title 300.
    good("reddit-good.md", "reddit", &[1324]),
    bad(
        "reddit-bad.md",
        "reddit",
        // 362 code points (👋 is one).
        &[362],
        &[
            // A 335-character title.
            ("channel.field-too-long", 4, 1, "error"),
            ("channel.missing-alt-text", 6, 1, "warning"),
        ],
    ),
    // Blog: no limit; the Markdown body in code points.
    good("blog-good.md", "blog", &[1407]),
    bad(
        "blog-bad.md",
        "blog",
        &[623],
        &[
            ("channel.missing-alt-text", 11, 1, "warning"),
            // `![ ](...)`: blank alt text is no alt text.
            ("channel.missing-alt-text", 17, 1, "warning"),
        ],
    ),
    // Newsletter: subject 30-50 (over 60 cut), preview 40-90.
    good("newsletter-good.md", "newsletter", &[1405]),
    bad(
        "newsletter-bad.md",
        "newsletter",
        &[673],
        &[
            // A 92-character subject line.
            ("channel.field-long", 3, 1, "warning"),
            // "View this email in your browser": 31 characters.
            ("channel.field-length", 4, 1, "suggestion"),
            ("channel.missing-alt-text", 7, 1, "warning"),
            ("channel.missing-alt-text", 13, 1, "warning"),
        ],
    ),
    // Generic: no channel named anywhere; no limits, code points.
    good("generic-good.txt", "generic", &[560]),
    bad(
        "generic-bad.md",
        "generic",
        &[474],
        &[
            ("channel.missing-alt-text", 9, 1, "warning"),
            ("channel.missing-alt-text", 15, 1, "warning"),
        ],
    ),
];

fn finding(f: &Value) -> (String, u64, u64, String) {
    let (line, column) = at(f);
    (
        f["rule"].as_str().unwrap_or_default().to_owned(),
        line,
        column,
        f["severity"].as_str().unwrap_or_default().to_owned(),
    )
}

fn owned(f: &Finding) -> (String, u64, u64, String) {
    (f.0.to_owned(), f.1, f.2, f.3.to_owned())
}

fn check_example(e: &ChannelExample) -> Vec<String> {
    let path = format!("examples/channels/{}", e.file);
    let out = in_repo(&["check", path.as_str(), "--format", "json"]);
    assert_ne!(out.code, ERROR, "{}: {out:#?}", e.file);
    let report = out.json();
    let mut failures = Vec::new();
    let mut fail = |msg: String| failures.push(format!("{}: {msg}", e.file));
    let file = &report["files"][0];
    if file["problems"] != serde_json::json!([]) {
        fail(format!("problems {}", file["problems"]));
    }
    if (e.channel == "generic") != file.get("no_channel").is_some() {
        fail(format!("no_channel is {}", file["no_channel"]));
    }
    let posts = posts(&report, 0);
    if posts.len() != e.lengths.len() {
        fail(format!("{} posts, want {}", posts.len(), e.lengths.len()));
    }
    for post in posts {
        if post["channel"] != e.channel {
            fail(format!("channel {}, want {}", post["channel"], e.channel));
        }
    }
    let found = all_findings(&report);
    let channel: Vec<_> = found
        .iter()
        .filter(|f| {
            f["rule"]
                .as_str()
                .is_some_and(|r| r.starts_with("channel."))
        })
        .map(|f| finding(f))
        .collect();
    let want: Vec<_> = e.channel_findings.iter().map(owned).collect();
    if channel != want {
        fail(format!(
            "channel findings\n  got  {channel:?}\n  want {want:?}"
        ));
    }
    if e.channel_findings.is_empty() {
        let allowed: Vec<_> = e.false_alarms.iter().map(owned).collect();
        for f in found.iter().map(|f| finding(f)) {
            if (f.3 == "warning" || f.3 == "error") && !allowed.contains(&f) {
                fail(format!("a good example reports {f:?}"));
            }
        }
    }
    failures
}

fn check_lengths(e: &ChannelExample) -> Vec<String> {
    let path = format!("examples/channels/{}", e.file);
    let report = in_repo(&["stats", path.as_str(), "--format", "json"])
        .code(PASSED)
        .json();
    let posts = report["posts"].as_array().expect("posts");
    let got: Vec<u64> = posts
        .iter()
        .map(|p| p["length"].as_u64().unwrap_or(u64::MAX))
        .collect();
    let mut failures = Vec::new();
    if got != e.lengths {
        failures.push(format!("{}: lengths {got:?}, want {:?}", e.file, e.lengths));
    }
    for &(index, name, length) in e.also {
        let limit = posts
            .iter()
            .find(|p| p["index"] == index)
            .and_then(|p| p["limits"].as_array())
            .and_then(|l| l.iter().find(|l| l["name"] == name));
        if limit.is_none_or(|l| l["length"] != length) {
            failures.push(format!(
                "{}: post {index} {name} {:?}, want {length}",
                e.file,
                limit.map(|l| &l["length"])
            ));
        }
    }
    failures
}

#[test]
fn every_channel_profile_has_a_good_and_a_bad_example() {
    let dir = repo().join("rules/channels");
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .expect("rules/channels")
        .map(|e| e.expect("entry").file_name().into_string().expect("UTF-8"))
        .filter_map(|n| n.strip_suffix(".toml").map(str::to_owned))
        .collect();
    ids.sort();
    for id in &ids {
        for kind in ["good", "bad"] {
            let prefix = format!("{id}-{kind}.");
            let n = EXAMPLES
                .iter()
                .filter(|e| e.channel == *id && e.file.starts_with(&prefix))
                .count();
            assert_eq!(n, 1, "{id}: one {kind} example in the table");
        }
    }
    let on_disk = std::fs::read_dir(repo().join("examples/channels"))
        .expect("examples/channels")
        .count();
    assert_eq!(on_disk, EXAMPLES.len(), "every file in the table");
    assert_eq!(EXAMPLES.len(), 2 * ids.len());
}

#[test]
fn bad_examples_break_their_channels_limits_and_good_ones_pass() {
    let failures: Vec<String> = EXAMPLES.iter().flat_map(check_example).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn lengths_are_counted_as_each_platform_counts_them() {
    let failures: Vec<String> = EXAMPLES.iter().flat_map(check_lengths).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn good_examples_exit_zero() {
    for e in EXAMPLES.iter().filter(|e| e.channel_findings.is_empty()) {
        let path = format!("examples/channels/{}", e.file);
        in_repo(&["check", path.as_str()]).code(PASSED);
    }
}
