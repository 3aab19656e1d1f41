//! The platforms' own test cases, run against our counters and extractor.
//!
//! twitter-text indices are UTF-16 code units (ranges with an inclusive end);
//! ours are byte offsets, converted here. Each test prints `N of M passed`
//! per section (see them with `cargo test -- --nocapture`). A case we know we
//! do not follow is named in an allow-list with its reason; the test fails on
//! any other failure, and on an allow-listed case that passes again.

use std::collections::BTreeMap;

use postlint::text::counter::{Counter, XConfig};
use postlint::text::entities::{self, Entity, EntityKind};
use serde_json::Value;

fn load(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}: {l}")))
        .collect()
}

fn s<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {case}"))
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// Byte range -> twitter-text's [start, end) UTF-16 indices.
fn utf16_range(text: &str, start: usize, end: usize) -> (u64, u64) {
    (
        utf16_len(&text[..start]) as u64,
        utf16_len(&text[..end]) as u64,
    )
}

/// Passes and failures per section, checked against the allow-list at the end.
#[derive(Default)]
struct Tally {
    sections: BTreeMap<String, (usize, usize)>,
    failures: Vec<String>,
}

impl Tally {
    fn record(
        &mut self,
        section: &str,
        description: &str,
        ok: bool,
        detail: impl FnOnce() -> String,
    ) {
        let entry = self.sections.entry(section.to_string()).or_default();
        entry.1 += 1;
        if ok {
            entry.0 += 1;
        } else {
            self.failures
                .push(format!("{section}: {description}\n    {}", detail()));
        }
    }

    /// `allowed`: (section, description, why we differ).
    fn finish(self, file: &str, allowed: &[(&str, &str, &str)]) {
        for (section, (passed, total)) in &self.sections {
            println!("{file} {section}: {passed} of {total} passed");
        }
        let is_allowed = |f: &str| {
            allowed
                .iter()
                .any(|(sec, desc, _)| f.starts_with(&format!("{sec}: {desc}\n")))
        };
        let unexpected: Vec<_> = self.failures.iter().filter(|f| !is_allowed(f)).collect();
        let stale: Vec<_> = allowed
            .iter()
            .filter(|(sec, desc, _)| {
                !self
                    .failures
                    .iter()
                    .any(|f| f.starts_with(&format!("{sec}: {desc}\n")))
            })
            .collect();
        assert!(
            unexpected.is_empty() && stale.is_empty(),
            "{file}: unexpected failures:\n{}\nallow-listed cases that now pass (remove them): {stale:?}",
            unexpected
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

fn of_kind(text: &str, kind: EntityKind) -> Vec<Entity> {
    entities::extract(text)
        .into_iter()
        .filter(|e| e.kind == kind)
        .collect()
}

/// The entity text without its leading sigil (`#`, `@`, `$`, or a full-width
/// one).
fn without_sigil(text: &str, e: &Entity) -> String {
    e.span.text(text).chars().skip(1).collect()
}

#[test]
fn x_weighted_length() {
    let mut tally = Tally::default();
    for case in load("x-weighted-length.jsonl") {
        let text = s(&case, "text");
        let description = s(&case, "description");
        // v2 is v3 without the emoji discount; both are asserted.
        let (config, label) = match s(&case, "config") {
            "v2" => (XConfig::V2, "v2"),
            "v3" => (XConfig::V3, "v3"),
            other => panic!("unknown config {other}"),
        };
        let section = format!("{} ({label})", s(&case, "section"));

        let expected = case["weighted_length"].as_u64().unwrap() as usize;
        let got = config.weighted_length(text);
        if label == "v3" {
            assert_eq!(Counter::XWeighted.count(text), got);
        }
        tally.record(
            &format!("{section} weighted_length"),
            description,
            got == expected,
            || format!("expected {expected}, got {got}"),
        );

        let valid = case["valid"].as_bool().unwrap();
        let got_valid = config.is_valid(text);
        tally.record(
            &format!("{section} valid"),
            description,
            got_valid == valid,
            || format!("expected {valid}, got {got_valid}"),
        );

        // validRangeEnd is the inclusive UTF-16 index of the last character
        // that fits; our fit is the byte offset just after it.
        let expected_end = case["validRangeEnd"].as_u64().unwrap() + 1;
        let fit = config.fit(text, config.max_length());
        if label == "v3" {
            assert_eq!(Counter::XWeighted.fit(text, 280), fit);
        }
        let got_end = utf16_range(text, 0, fit).1;
        tally.record(
            &format!("{section} validRangeEnd"),
            description,
            got_end == expected_end,
            || format!("expected end {expected_end} (UTF-16, exclusive), got {got_end}"),
        );
    }
    tally.finish("x-weighted-length", &[]);
}

/// Sections of x-extract.jsonl we do not check: `replies` (reply detection
/// is not something postlint needs).
const SKIPPED_EXTRACT_SECTIONS: &[&str] = &["replies"];

/// Where postlint's extractor departs from X on purpose.
const EXTRACT_DEPARTURES: &[(&str, &str, &str)] = &[(
    "mentions",
    "Extract lone metion but not @user@user (too close to an email)",
    "`@test@example.com` is a fediverse handle, one Mention for postlint (a post may go to Mastodon); X links nothing there",
)];

#[test]
fn x_extract() {
    let mut tally = Tally::default();
    for case in load("x-extract.jsonl") {
        let text = s(&case, "text");
        let description = s(&case, "description");
        let section = s(&case, "section");
        let expected = &case["expected"];
        let list = |kind| -> Value {
            of_kind(text, kind)
                .iter()
                .map(|e| Value::from(without_sigil(text, e)))
                .collect()
        };
        let with_indices = |kind, key: &str| -> Value {
            of_kind(text, kind)
                .iter()
                .map(|e| {
                    let (a, b) = utf16_range(text, e.span.start, e.span.end);
                    let value = match kind {
                        EntityKind::Url => e.span.text(text).to_string(),
                        _ => without_sigil(text, e),
                    };
                    serde_json::json!({ key: value, "indices": [a, b] })
                })
                .collect()
        };
        let got: Value = match section {
            "urls" | "tco_urls_with_params" => of_kind(text, EntityKind::Url)
                .iter()
                .map(|e| Value::from(e.span.text(text)))
                .collect(),
            "urls_with_indices" | "urls_with_directional_markers" => {
                with_indices(EntityKind::Url, "url")
            }
            "hashtags" | "hashtags_from_astral" => list(EntityKind::Hashtag),
            "hashtags_with_indices" => with_indices(EntityKind::Hashtag, "hashtag"),
            "cashtags" => list(EntityKind::Cashtag),
            "cashtags_with_indices" => with_indices(EntityKind::Cashtag, "cashtag"),
            // extractMentions leaves list mentions out.
            "mentions" => of_kind(text, EntityKind::Mention)
                .iter()
                .map(|e| without_sigil(text, e))
                .filter(|name| !name.contains('/'))
                .map(Value::from)
                .collect(),
            "mentions_with_indices" => with_indices(EntityKind::Mention, "screen_name")
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| !m["screen_name"].as_str().unwrap().contains('/'))
                .cloned()
                .collect(),
            "mentions_or_lists_with_indices" => of_kind(text, EntityKind::Mention)
                .iter()
                .map(|e| {
                    let name = without_sigil(text, e);
                    let (screen_name, slug) = match name.find('/') {
                        Some(i) => (&name[..i], &name[i..]),
                        None => (name.as_str(), ""),
                    };
                    let (a, b) = utf16_range(text, e.span.start, e.span.end);
                    serde_json::json!({ "screen_name": screen_name, "list_slug": slug, "indices": [a, b] })
                })
                .collect(),
            other if SKIPPED_EXTRACT_SECTIONS.contains(&other) => continue,
            other => panic!("x-extract section {other} is not handled"),
        };
        tally.record(section, description, &got == expected, || {
            format!("text {text:?}\n    expected {expected}\n    got      {got}")
        });
    }
    tally.finish("x-extract", EXTRACT_DEPARTURES);
}

/// twitter-text's `isValidUrl` checks URL syntax (RFC 3986), which is not
/// what extraction does; these valid URLs are ones X's extractor does not
/// link whole, so they do not map onto extraction.
const URL_VALIDITY_NOT_EXTRACTION: &[(&str, &str, &str)] = &[
    (
        "urls",
        "Valid url: port and userinfo",
        "the extractor does not link URLs with user:password@",
    ),
    (
        "urls",
        "Valid url: ipv4",
        "the extractor links domains with a known TLD, not IP addresses",
    ),
    (
        "urls",
        "Valid url: ipv6",
        "the extractor links domains with a known TLD, not IP addresses",
    ),
    (
        "urls",
        "Valid url: sub delims and question marks",
        "the extractor ends a query before a trailing '+', as twitter-text's extractor does",
    ),
];

#[test]
fn x_validity() {
    let mut tally = Tally::default();
    for case in load("x-validity.jsonl") {
        let text = s(&case, "text");
        let description = s(&case, "description");
        let section = s(&case, "section");
        let expected = case["expected"].as_bool().unwrap();
        let whole = |e: &Entity| e.span.start == 0 && e.span.end == text.len();
        let single_whole = |kind| {
            let found = of_kind(text, kind);
            found.len() == 1 && whole(&found[0])
        };
        let got = match section {
            "urls" | "urls_without_protocol" => single_whole(EntityKind::Url),
            "hashtags" => single_whole(EntityKind::Hashtag),
            "usernames" => single_whole(EntityKind::Mention) && !text.contains('/'),
            "lists" => single_whole(EntityKind::Mention) && text.contains('/'),
            // isValidTweetText with the legacy 140 config.
            "tweets" => XConfig::V1.is_valid(text),
            other => panic!("x-validity section {other} is not handled"),
        };
        tally.record(section, description, got == expected, || {
            format!("text {text:?}: expected {expected}, got {got}")
        });
    }
    tally.finish("x-validity", URL_VALIDITY_NOT_EXTRACTION);
}

#[test]
fn mastodon_length() {
    let mut tally = Tally::default();
    for case in load("mastodon-length.jsonl") {
        let text = s(&case, "text");
        let spoiler = s(&case, "spoiler_text");
        let max = case["max_chars"].as_u64().unwrap() as usize;
        let expected = case["valid"].as_bool().unwrap();
        // Mastodon counts the content warning as plain graphemes, added to
        // the body's count.
        let count = Counter::Graphemes.count(spoiler) + Counter::Mastodon.count(text);
        let got = count <= max;
        tally.record(
            "status length",
            s(&case, "description"),
            got == expected,
            || format!("count {count} against {max}: expected valid={expected}"),
        );
        if spoiler.is_empty() {
            let fit = Counter::Mastodon.fit(text, max);
            tally.record(
                "fit agrees with validity",
                s(&case, "description"),
                (fit == text.len()) == expected,
                || format!("fit {fit} of {} bytes", text.len()),
            );
        }
    }
    tally.finish("mastodon-length", &[]);
}

/// Bluesky's limits for a post's text (lexicon app.bsky.feed.post).
const BLUESKY_MAX_GRAPHEMES: usize = 300;
const BLUESKY_MAX_BYTES: usize = 3000;

#[test]
fn bluesky_length() {
    let mut tally = Tally::default();
    for case in load("bluesky-length.jsonl") {
        let text = s(&case, "text");
        let description = case["description"].as_str().unwrap_or(text);
        let graphemes = Counter::Graphemes.count(text);
        let expected = case["graphemes"].as_u64().unwrap() as usize;
        tally.record("graphemes", description, graphemes == expected, || {
            format!("expected {expected}, got {graphemes}")
        });
        if let Some(bytes) = case["utf8_bytes"].as_u64() {
            let got = Counter::Bytes.count(text);
            tally.record("utf8_bytes", description, got == bytes as usize, || {
                format!("expected {bytes}, got {got}")
            });
        }
        if let Some(valid) = case["valid"].as_bool() {
            let got = graphemes <= BLUESKY_MAX_GRAPHEMES
                && Counter::Bytes.count(text) <= BLUESKY_MAX_BYTES;
            tally.record("valid", description, got == valid, || {
                format!("expected {valid}, got {got}")
            });
        }
        // The bsky.app composer shortens links before counting; we only check
        // the grapheme count of the shortened text it gives, not the
        // shortening itself.
        if let (Some(short), Some(n)) = (
            case["shortened_text"].as_str(),
            case["shortened_graphemes"].as_u64(),
        ) {
            let got = Counter::Graphemes.count(short);
            tally.record(
                "shortened graphemes",
                description,
                got == n as usize,
                || format!("expected {n}, got {got}"),
            );
        }
    }
    tally.finish("bluesky-length", &[]);
}
