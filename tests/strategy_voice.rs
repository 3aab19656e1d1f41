//! The built-in `strategy` rules on voice and words, on real-looking posts
//! both ways: what `non-inclusive-term` flags and the contexts it leaves
//! alone (a master's degree, a quoted title, a dummy variable), whether its
//! fixes are safe to apply unseen, and how `reader-not-addressed`,
//! `aggressive-word` and `emoji-density` behave on blog and social posts.

mod common;

use common::{Found, engine, findings_in};
use postlint::engine::{ConfigSource, Engine, Options};
use postlint::fix::Applicability;

/// Each finding of `rule` on `text`, checked by `engine`.
fn findings_with(engine: &Engine, rule: &str, text: &str) -> Vec<Found> {
    findings_in(engine, rule, None, text)
}

fn findings(rule: &str, text: &str) -> Vec<Found> {
    findings_with(engine(), rule, text)
}

fn matched(rule: &str, text: &str) -> Vec<String> {
    findings(rule, text)
        .into_iter()
        .map(|(m, _, _)| m)
        .collect()
}

/// `text` sent to `channel`, as front matter says it.
fn on(channel: &str, text: &str) -> String {
    format!("---\nchannel: {channel}\n---\n{text}")
}

const INCLUSIVE: &str = "strategy.non-inclusive-term";

/// A sentence, the words flagged in it, and what is suggested instead.
const FLAGGED: &[(&str, &str, &str)] = &[
    (
        "Add your IP to the whitelist first.",
        "whitelist",
        "allowlist",
    ),
    (
        "Blacklisted senders never reach you.",
        "Blacklisted",
        "Denylisted",
    ),
    (
        "Writes go to the master node, reads to a replica.",
        "master node",
        "primary node",
    ),
    (
        "It uses a master/slave setup.",
        "master/slave",
        "primary/replica",
    ),
    (
        "Old plans are grandfathered in.",
        "grandfathered in",
        "exempted",
    ),
    (
        "Ask around: it is tribal knowledge.",
        "tribal knowledge",
        "institutional knowledge",
    ),
    ("The port took 300 man-hours.", "man-hours", "person-hours"),
    ("Our chairman opened the meeting.", "chairman", "chair"),
    ("We lack the manpower for it.", "manpower", "staff"),
    (
        "Hey guys, the meetup moved to Friday!",
        "Hey guys",
        "Hey everyone",
    ),
    (
        "Thanks, guys, for a great launch week.",
        "Thanks, guys",
        "Thanks, everyone",
    ),
    (
        "Each user sets his or her own password.",
        "his or her",
        "their",
    ),
    (
        "Call the spokesman for a comment.",
        "spokesman",
        "spokesperson",
    ),
    (
        "Run a sanity check before you deploy.",
        "sanity check",
        "quick check",
    ),
    (
        "The outage crippled checkout for an hour.",
        "crippled",
        "hampered",
    ),
    ("Our numbers this quarter are crazy.", "crazy", "wild"),
    ("That ad was tone-deaf.", "tone-deaf", "out of touch"),
    ("I'm a bit OCD about tabs.", "a bit OCD", "a bit particular"),
    (
        "So simple, even your grandma can set it up.",
        "even your grandma",
        "anyone",
    ),
    (
        "It lets us kill two birds with one stone.",
        "kill two birds with one stone",
        "solve two problems at once",
    ),
    (
        "Dark mode is the killer feature.",
        "killer feature",
        "standout feature",
    ),
    (
        "Replace the dummy value with your key.",
        "dummy",
        "placeholder",
    ),
    (
        "Management was blind to the risk.",
        "blind to",
        "unaware of",
    ),
    (
        "Our advice fell on deaf ears.",
        "fell on deaf ears",
        "went unheard",
    ),
    ("Unmanned drones map the fields.", "Unmanned", "Uncrewed"),
    (
        "Attackers could mount a man-in-the-middle attack.",
        "man-in-the-middle",
        "machine-in-the-middle",
    ),
    (
        "The form asks for your sexual preference.",
        "sexual preference",
        "sexual orientation",
    ),
];

#[test]
fn non_inclusive_terms_are_flagged_with_an_alternative() {
    assert!(FLAGGED.len() >= 20);
    for (text, word, suggestion) in FLAGGED {
        let got = findings(INCLUSIVE, text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        let (found, message, fix) = &got[0];
        assert_eq!(found, word, "{text}");
        let (replacement, _) = fix.as_ref().expect("a swap has a fix");
        assert_eq!(replacement, suggestion, "{text}");
        assert!(message.contains(suggestion), "{message}");
    }
}

/// Sentences where a listed word is the right one, or is someone else's.
const LEFT_ALONE: &[&str] = &[
    "She finished her master's degree in 2019.",
    "He holds a Master of Science in physics.",
    "Merge the fix into master once CI passes.",
    "It takes years to master a language.",
    "Our course makes you a master of Git.",
    "Read \"The Mythical Man-Month\" before you plan a rewrite.",
    "Brooks wrote The Mythical Man-Month in 1975.",
    "The palette is color-blind-friendly.",
    "Most charts are unreadable if you are colour-blind to red and green.",
    "The trial was double-blind to rule out bias.",
    "Code one dummy variable per region in the regression.",
    "The crash test dummy survived again.",
    "Grab a copy of Rust for Dummies.",
    "One customer told us it was \"crazy fast\", and we agree.",
    "> Hey guys, this release is amazing!\n\nThat was the first reply we got.",
    "The team renamed the “whitelist” setting to allowlist.",
    "The blind spot in our tests was the parser.",
    "Serial consoles were once dumb terminals.",
    "Crazy Horse led the Lakota at Little Bighorn.",
    "Representatives of every federally recognized tribe attended.",
    "Kill the process with Ctrl+C.",
    "Values are destroyed at the end of their scope.",
    "The sanitizer found the bug.",
    "Humanity needs clean water; humankind needs hope.",
    "Mankindness is not a word, and manhole covers are round.",
];

#[test]
fn context_exceptions_quotes_and_look_alikes_are_left_alone() {
    for text in LEFT_ALONE {
        let channel = if text.starts_with('>') { "blog" } else { "x" };
        let got = matched(INCLUSIVE, &on(channel, text));
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn fixes_that_keep_the_grammar_are_safe_and_the_rest_need_review() {
    let fix = |text: &str| {
        let got = findings(INCLUSIVE, text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        got[0].2.clone().expect("a fix")
    };
    use Applicability::{Review, Safe};
    assert_eq!(fix("Add it to the whitelist."), ("allowlist".into(), Safe));
    assert_eq!(fix("Ask the chairman."), ("chair".into(), Safe));
    // "a guru" -> "an expert": the article must change too.
    assert_eq!(fix("She is a guru."), ("expert".into(), Review));
    // "he or she is" -> "they are": the verb must agree.
    assert_eq!(fix("Ask if he or she is free."), ("they".into(), Review));
    // "crazy" has many senses; a person picks the word.
    assert_eq!(fix("A crazy week."), ("wild".into(), Review));
    // The match's case carries over.
    assert_eq!(fix("Whitelist it."), ("Allowlist".into(), Safe));
}

#[test]
fn the_list_is_large_sourced_and_disjoint_from_the_aggressive_words() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/strategy.toml"),
    )
    .expect("rules/strategy.toml");
    let doc: toml::Table = toml::from_str(&text).expect("strategy.toml parses");
    let rules = doc["rule"].as_array().expect("rules");
    let rule = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("no rule {id}"))
    };
    let inclusive = rule("non-inclusive-term");
    let mut terms: Vec<String> = Vec::new();
    for table in ["swap", "swap_review"] {
        for (from, to) in inclusive[table].as_table().expect(table) {
            let to = to.as_str().expect("a replacement");
            assert!(
                !to.trim().is_empty() && !to.eq_ignore_ascii_case(from),
                "{from} -> {to}"
            );
            terms.push(from.to_lowercase());
        }
    }
    assert!(terms.len() >= 100, "{} terms", terms.len());
    for source in [
        "inclusivenaming.org",
        "developers.google.com/style",
        "bias-free-communication",
        "consciousstyleguide.com",
        "apastyle.apa.org",
    ] {
        assert!(text.contains(source), "no source {source}");
    }
    let aggressive = rule("aggressive-word");
    for word in aggressive["tokens"].as_array().expect("tokens") {
        let word = word.as_str().expect("a token").to_lowercase();
        assert!(
            !terms.contains(&word),
            "\"{word}\" is in both lists: one word, one rule"
        );
    }
}

const READER: &str = "strategy.reader-not-addressed";

/// A LinkedIn post about the company that never turns to the reader.
const ABOUT_US: &str = "We are thrilled to announce that our company has closed its Series B round. \
    Over the last three years we grew from four people to ninety, and our platform now serves \
    customers in twelve countries. We owe this to our team, our investors and our partners, \
    who believed in our vision from day one. With this round we will double our engineering \
    team, open our first office in Singapore and invest in our data platform. We could not be \
    prouder of what we have built together, and we are only getting started.";

#[test]
fn a_long_post_about_us_is_asked_to_speak_to_the_reader() {
    let got = findings(READER, &on("linkedin", ABOUT_US));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "We");
    assert!(got[0].1.contains("never the reader"), "{}", got[0].1);
    // The same on a blog.
    assert_eq!(matched(READER, &on("blog", ABOUT_US)).len(), 1);
}

#[test]
fn a_post_that_turns_to_the_reader_or_is_short_or_neutral_passes() {
    let addressed = format!(
        "{ABOUT_US} If you want to build the data platform with us, our jobs page lists every opening."
    );
    let invitation = format!("{ABOUT_US}\n\nJoin us: every opening is on our jobs page.");
    let lets = format!("{ABOUT_US} Let's build the next chapter together.");
    let tweet = "We shipped our new dashboards today. We are proud of our team and our users.";
    let neutral = "The Series B round closed on Monday. The company grew from four people to \
        ninety in three years, and its platform serves customers in twelve countries. The round \
        will double the engineering team, open an office in Singapore and fund the data platform. \
        The founders started the company in a garage in Leeds in 2021, with one customer and a \
        prototype. Today the product runs in banks, hospitals and schools, and the team ships a \
        release every week.";
    for text in [&addressed, &invitation, &lets] {
        assert!(matched(READER, &on("linkedin", text)).is_empty(), "{text}");
    }
    assert!(matched(READER, &on("x", tweet)).is_empty());
    assert!(matched(READER, &on("linkedin", neutral)).is_empty());
    // "we" quoted from someone else is not the writers talking.
    let quoted = format!("\"{ABOUT_US}\"");
    assert!(matched(READER, &on("linkedin", &quoted)).is_empty());
}

const AGGRESSIVE: &str = "strategy.aggressive-word";

#[test]
fn hostile_words_are_flagged_once_per_sentence() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Our new planner will crush the competition this year.",
            &["crush the competition"],
        ),
        ("Only an idiot still plans in spreadsheets.", &["idiot"]),
        (
            "We are destroying our competitors.",
            &["destroying our competitors"],
        ),
        (
            "We hate slow tools. Their app is pathetic and their team is clueless.",
            &["hate", "pathetic"],
        ),
        ("Haters gonna hate.", &["Haters"]),
    ];
    for (text, expected) in cases {
        let got = matched(AGGRESSIVE, &on("x", text));
        assert_eq!(&got, expected, "{text}");
    }
    let got = findings(AGGRESSIVE, &on("x", "Their app is pathetic and clueless."));
    assert!(got[0].1.contains("pathetic, clueless"), "{}", got[0].1);
}

#[test]
fn technical_verbs_condemnation_and_quotes_are_not_hostile() {
    for text in [
        "Kill the process with Ctrl+C, then restart the server.",
        "The value is destroyed when it goes out of scope.",
        "We crushed the bug backlog this sprint.",
        "The platform removes hate speech within an hour.",
        "Report hate crimes to the police.",
        "Our competitors ship good tools too, and we learn from them.",
        "One reader wrote: \"I hate spreadsheets, and now I don't need them.\"",
        "It is a love-hate relationship, like every editor.",
    ] {
        assert!(matched(AGGRESSIVE, &on("x", text)).is_empty(), "{text}");
    }
}

const EMOJI: &str = "strategy.emoji-density";

/// 52 words and 8 emoji: 15.4 per 100 words.
const EMOJI_POST: &str = "🚀 Big news: our planner is live 🎉 with faster dashboards 📊, \
    shared views and alerts for every team 💼. We spent a year on it with our customers ✨, \
    and the planning week now takes an hour instead of a day 🙌. Try it today 👉 and tell us \
    what you think about it, we read every reply 💬";

#[test]
fn emoji_density_follows_the_channel() {
    let linkedin = findings(EMOJI, &on("linkedin", EMOJI_POST));
    assert_eq!(linkedin.len(), 1, "{linkedin:?}");
    assert_eq!(linkedin[0].0, "🚀");
    assert!(
        linkedin[0]
            .1
            .starts_with("8 emoji in 52 words (15.4 per 100 words); about 5 per 100"),
        "{}",
        linkedin[0].1
    );
    assert_eq!(matched(EMOJI, &on("x", EMOJI_POST)).len(), 1);
    // Instagram takes more; a short post is not judged (list markers in a
    // short thank-you); a channel-less post has no number to compare with.
    assert!(matched(EMOJI, &on("instagram", EMOJI_POST)).is_empty());
    let thanks = "Thanks to the sponsors who keep our build farm running:\n\nGold:\n\
        ✨ @northwind\n✨ @contoso\n\nSilver:\n@fabrikam, @tailspin, @litware, @adatum, \
        @woodgrove, @proseware, @wingtip, @lucerne\n\nMore details:\nhttps://example.com/sponsors";
    assert!(matched(EMOJI, &on("linkedin", thanks)).is_empty());
    assert!(matched(EMOJI, EMOJI_POST).is_empty());
}

#[test]
fn a_team_sets_its_own_emoji_density_per_channel() {
    let options = Options {
        config: ConfigSource::Text(
            "postlint.toml".into(),
            "checklists = [\"strategy\"]\n\n[channels.instagram]\nemoji_per_100_words = 10\n"
                .into(),
        ),
        ..Options::default()
    };
    let engine = Engine::load(&options).unwrap_or_else(|e| panic!("{e:?}"));
    let got = findings_with(&engine, EMOJI, &on("instagram", EMOJI_POST));
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.contains("about 10 per 100"), "{}", got[0].1);
}
