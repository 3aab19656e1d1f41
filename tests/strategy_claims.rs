//! The built-in `strategy` rules on claims and disclosure, tested on many
//! posts both ways: promises a company can be held to (`risky-claim`),
//! boasts that need a source nearby (`unsupported-claim`), clickbait, and
//! sponsorship signals with and without a disclosure — and the honest
//! sentences of software and finance posts that must stay quiet.

mod common;

use std::path::Path;

use common::{engine, findings_in};

/// What `rule` flags in `text`, read as the file `path` (`.txt` is a
/// plain social post, `.md` Markdown).
fn flagged_in(rule: &str, path: &str, text: &str) -> Vec<String> {
    let mut found: Vec<String> = findings_in(engine(), rule, Some(path), text)
        .into_iter()
        .map(|f| f.0)
        .collect();
    // A file sent to several channels reports a finding once per post.
    found.dedup();
    found
}

fn flagged(rule: &str, text: &str) -> Vec<String> {
    flagged_in(rule, "post.txt", text)
}

/// Each text and the one match `rule` must report there.
fn must_flag(rule: &str, cases: &[(&str, &str, &str)]) {
    let mut wrong = Vec::new();
    for (path, text, want) in cases {
        let got = flagged_in(rule, path, text);
        if got != [*want] {
            wrong.push(format!("{text:?}: want [{want:?}], got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{rule}:\n{}", wrong.join("\n"));
}

fn must_pass(rule: &str, cases: &[(&str, &str)]) {
    let mut wrong = Vec::new();
    for (path, text) in cases {
        let got = flagged_in(rule, path, text);
        if !got.is_empty() {
            wrong.push(format!("{text:?}: flagged {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{rule}:\n{}", wrong.join("\n"));
}

const RISKY: &str = "strategy.risky-claim";
const UNSUPPORTED: &str = "strategy.unsupported-claim";

#[test]
fn promises_of_results_are_risky_in_every_form() {
    must_flag(
        RISKY,
        &[
            (
                "p.txt",
                "This plan is GUARANTEED to double your revenue.",
                "GUARANTEED to double",
            ),
            (
                "p.txt",
                "Double your traffic in 30 days, guaranteed.",
                "guaranteed",
            ),
            ("p.txt", "Results guaranteed.", "Results guaranteed"),
            (
                "p.txt",
                "Satisfaction guaranteed or your money back!",
                "Satisfaction guaranteed",
            ),
            (
                "p.txt",
                "We guarantee you'll boost your sales this quarter.",
                "We guarantee you'll boost your sales",
            ),
            ("p.txt", "We guarantee results.", "We guarantee results"),
            (
                "p.txt",
                "Guaranteed returns of 12% a year.",
                "Guaranteed returns",
            ),
            (
                "p.txt",
                "Our fund guarantees a 9% return.",
                "guarantees a 9% return",
            ),
            ("p.txt", "Make $5,000 a month. Guaranteed!", "Guaranteed"),
            (
                "p.txt",
                "Success is guaranteed with our coaching.",
                "Success is guaranteed",
            ),
            (
                "p.txt",
                "Sign up today and we guarantee your success.",
                "we guarantee your success",
            ),
            ("p.txt", "Try it risk-free for 30 days.", "risk-free"),
            ("p.txt", "A no-risk trial for every team.", "no-risk"),
            ("p.txt", "Our balm cures eczema in a week.", "cures eczema"),
            (
                "p.txt",
                "This supplement will cure your anxiety.",
                "will cure your anxiety",
            ),
            (
                "p.txt",
                "It heals chronic back pain.",
                "heals chronic back pain",
            ),
            ("p.txt", "A miracle cure for tired teams.", "miracle cure"),
            // Overlapping patterns give one finding.
            ("p.txt", "100% guaranteed results.", "100% guaranteed"),
            (
                "p.md",
                "Our platform is **guaranteed to double** your revenue.\n",
                "guaranteed to double",
            ),
        ],
    );
}

#[test]
fn guarantees_of_software_and_finance_terms_are_not_promises() {
    let honest = [
        "Rust guarantees memory safety.",
        "The type system guarantees that no data races occur.",
        "There is no guarantee that the API stays stable.",
        "This release comes with a guarantee of backwards compatibility.",
        "Tier 2 targets are guaranteed to build but not guaranteed to pass tests.",
        "From now on we guarantee backwards compatibility.",
        "Results are guaranteed to be reproducible.",
        "We are not in a position to guarantee that.",
        "`cargo check` is not guaranteed to find every error.",
        "The risk-free rate rose to 4% this year.",
        "Caching cures slow builds.",
        "There is no cure-all for flaky tests.",
        "The result is guaranteed to fit in a u32.",
        "Despite guaranteeing memory safety, Rust has no garbage collector.",
        "Our pain points: slow CI and flaky tests; this cures neither.",
        "The function returns guaranteed-unique IDs.",
        "Your results are guaranteed to stay private.",
    ];
    let cases: Vec<(&str, &str)> = honest.iter().map(|t| ("p.md", *t)).collect();
    must_pass(RISKY, &cases);
}

#[test]
fn boasts_without_proof_need_a_source() {
    must_flag(
        UNSUPPORTED,
        &[
            ("p.txt", "Builds are now 3x faster.", "3x faster"),
            ("p.txt", "The fastest CRM on the market.", "fastest"),
            ("p.txt", "We're the #1 rated app for teams.", "#1 rated"),
            (
                "p.txt",
                "Rated number one by customers.",
                "Rated number one",
            ),
            ("p.txt", "The world's best analytics.", "The world's best"),
            ("p.txt", "Our beans are 100% natural.", "100% natural"),
            ("p.txt", "Twice as fast as before.", "Twice as fast"),
            (
                "p.txt",
                "The best coffee in the world.",
                "best coffee in the world",
            ),
            (
                "p.txt",
                "Ten times cheaper than the rest.",
                "Ten times cheaper",
            ),
            ("p.txt", "Now 2.5× smaller.", "2.5× smaller"),
            // A link in another paragraph of a blog post is not nearby.
            (
                "p.md",
                "Builds are 3x faster.\n\nSee the [changelog](https://example.com/log).\n",
                "3x faster",
            ),
            // Its own number does not support a claim.
            ("p.md", "Up to 10x faster!\n", "10x faster"),
        ],
    );
}

#[test]
fn boasts_with_a_source_or_figure_nearby_pass() {
    must_pass(
        UNSUPPORTED,
        &[
            (
                "p.txt",
                "Builds are now 2x faster (benchmarks: https://example.com/bench).",
            ),
            ("p.txt", "100% of the tests pass."),
            ("p.txt", "The fastest build we measured was 3.2 s."),
            (
                "p.txt",
                "Builds are 3x faster: a clean build takes 41 s, down from 2 min.",
            ),
            (
                "p.md",
                "It is [now 10x faster](https://github.com/rust-lang/rust/pull/46735)!\n",
            ),
            (
                "p.md",
                "Builds are 2x faster.[^bench]\n\n[^bench]: Measured on CI.\n",
            ),
            (
                "p.md",
                "`[u8]::reverse` is now 5x faster][41764].\n\n[41764]: https://github.com/rust-lang/rust/pull/41764\n",
            ),
            (
                "p.txt",
                "According to the 2025 survey, it is the fastest-growing language.",
            ),
            // A social post's link leads to the details.
            (
                "p.txt",
                "Our new release is 2x faster!\n\nhttps://example.com/blog/release",
            ),
            ("p.txt", "The number one cause of outages was DNS."),
            (
                "p.txt",
                "The number one thing we would like is a stronger team.",
            ),
            ("p.md", "The debug builds were from 0% to 4.7% faster.\n"),
            (
                "p.txt",
                "Our benchmark shows the fastest parser in the list.",
            ),
            (
                "p.md",
                "LTO builds were recorded anywhere from 4% to 20% faster.\n",
            ),
        ],
    );
}

#[test]
fn praise_of_our_own_work_is_hype_and_a_comparison_is_not() {
    assert_eq!(
        flagged(
            "strategy.hype-word",
            "This is the best release we have ever shipped."
        ),
        ["the best release we have ever"]
    );
    assert_eq!(
        flagged(
            "strategy.hype-word",
            "The best way to start is the tutorial."
        ),
        Vec::<String>::new()
    );
    // "10x faster" is a claim to source, not also a hype word.
    assert!(flagged("strategy.hype-word", "Builds are 10x faster.").is_empty());
    assert_eq!(flagged("strategy.hype-word", "A 10x engineer."), ["10x"]);
}

#[test]
fn clickbait_both_ways() {
    let rule = "strategy.clickbait";
    must_flag(
        rule,
        &[
            (
                "p.txt",
                "You won't believe what we shipped.",
                "You won't believe",
            ),
            (
                "p.txt",
                "You'll never guess who joined us.",
                "You'll never guess",
            ),
            (
                "p.txt",
                "This one weird trick halves build times.",
                "This one weird trick",
            ),
            ("p.txt", "The results will shock you.", "will shock you"),
            ("p.txt", "Doctors hate this app.", "Doctors hate this"),
            (
                "p.txt",
                "Wait till you see the new dashboard.",
                "Wait till you see",
            ),
            ("p.txt", "This will blow your mind.", "blow your mind"),
            ("p.txt", "The shocking truth about SEO.", "shocking truth"),
        ],
    );
    must_pass(
        rule,
        &[
            ("p.txt", "We are excited to see what happens next."),
            ("p.md", "## What happens next\n\nThe RFC goes to a vote.\n"),
            ("p.txt", "It might surprise you that the fix was one line."),
            ("p.txt", "I couldn't believe how small the fix was."),
            ("p.txt", "One trick we learned: cache the registry index."),
        ],
    );
}

const UNDISCLOSED: &str = "strategy.undisclosed-sponsorship";

#[test]
fn sponsorship_signals_without_a_disclosure_are_flagged() {
    must_flag(
        UNDISCLOSED,
        &[
            (
                "p.txt",
                "My desk setup: https://amzn.to/3xYzAbc",
                "https://amzn.to/3xYzAbc",
            ),
            (
                "p.txt",
                "Grab it here https://www.amazon.com/dp/B0C1?tag=deskguy-20 today",
                "https://www.amazon.com/dp/B0C1?tag=deskguy-20",
            ),
            ("p.txt", "Use code SPRING20 for 20% off.", "code SPRING20"),
            (
                "p.txt",
                "A sale on all courses: 60% off with the code LEARN60 until July.",
                "code LEARN60",
            ),
            (
                "p.txt",
                "The shop: https://deskshop.com/p?affiliate_id=42",
                "https://deskshop.com/p?affiliate_id=42",
            ),
            ("p.txt", "Enter the promo code at checkout.", "promo code"),
            (
                "p.md",
                "My [standing desk](https://www.amazon.de/dp/B0C1?tag=deskguy-21).\n",
                "https://www.amazon.de/dp/B0C1?tag=deskguy-21",
            ),
            (
                "p.md",
                "My [desk][1].\n\n[1]: https://deskshop.com/desk?aff=123\n",
                "https://deskshop.com/desk?aff=123",
            ),
            // A thread: nothing in this post or the first discloses it.
            (
                "t.tweet",
                "Thread on my desk setup\n---\nDesk: https://amzn.to/abc\n",
                "https://amzn.to/abc",
            ),
            // A disclosure at a thread's end comes too late.
            (
                "t.tweet",
                "My desk setup\n---\nDesk: https://amzn.to/abc\n---\n#ad\n",
                "https://amzn.to/abc",
            ),
        ],
    );
}

#[test]
fn disclosed_or_ordinary_links_pass() {
    must_pass(
        UNDISCLOSED,
        &[
            ("p.txt", "#ad My desk setup: https://amzn.to/3xYzAbc"),
            (
                "p.txt",
                "My desk setup (affiliate link): https://amzn.to/3xYzAbc",
            ),
            (
                "t.tweet",
                "#ad Thread on my desk setup\n---\nDesk: https://amzn.to/abc\n",
            ),
            (
                "p.md",
                "See the [implementation](https://github.com/rust-lang/rust/activity?ref=main).\n",
            ),
            ("p.txt", "All posts: https://example.com/posts?tag=release"),
            (
                "p.md",
                "Example:\n\n```\ncurl https://amzn.to/x\n```\n\nAnd `https://amzn.to/y` too.\n",
            ),
            (
                "p.txt",
                "Sponsored by Northwind. Use code NORTH20 for 20% off.",
            ),
            ("p.txt", "We use code review for every change."),
            (
                "p.txt",
                "Paid partnership with Northwind: https://amzn.to/abc",
            ),
            (
                "p.txt",
                "As an Amazon Associate I earn from qualifying purchases. https://amzn.to/abc",
            ),
            ("p.txt", "Compiled with code LLVM generated."),
        ],
    );
}

#[test]
fn partnership_phrases_ask_gently_and_a_disclosure_answers() {
    let rule = "strategy.partnership-phrase";
    assert_eq!(
        flagged(rule, "This update is brought to you by Ana and Sam."),
        ["brought to you by"]
    );
    assert!(flagged(rule, "#ad This update is brought to you by Northwind.").is_empty());
    let id = engine().book.find_rule(rule).unwrap();
    assert_eq!(engine().book.rule(id).severity.to_string(), "suggestion");
}

#[test]
fn a_sponsored_post_needs_a_disclosure() {
    let rule = "strategy.sponsored-without-disclosure";
    let front = "---\nsponsored: true\n---\n";
    assert_eq!(
        flagged_in(rule, "p.md", &format!("{front}Love my new planner.\n")).len(),
        1
    );
    for disclosed in [
        "#ad Love my new planner.",
        "Love my new planner (affiliate link).",
        "Paid partnership: love my new planner.",
    ] {
        assert!(
            flagged_in(rule, "p.md", &format!("{front}{disclosed}\n")).is_empty(),
            "{disclosed}"
        );
    }
}

/// The two rules that ask for a disclosure accept the same words.
#[test]
fn both_disclosure_rules_share_one_list() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/strategy.toml"))
            .unwrap();
    let doc: toml::Table = text.parse().unwrap();
    let rules = doc["rule"].as_array().unwrap();
    let rule = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("no rule {id}"))
    };
    let words = |v: &toml::Value| -> Vec<String> {
        let mut w: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_owned())
            .collect();
        w.sort();
        w
    };
    let required = words(&rule("sponsored-without-disclosure")["tokens"]);
    for id in ["undisclosed-sponsorship", "partnership-phrase"] {
        let unless = &rule(id)["unless"].as_array().unwrap()[0];
        assert_eq!(words(&unless["tokens"]), required, "{id}");
    }
}
