//! A checklist's examples, checked: each `bad` text must make its rule fire
//! and each `good` text must not, exactly as `tests/rule_examples.rs` checks
//! the built-in rules. Without this a team's checklist whose examples
//! contradict its rules loads fine, and `postlint explain` shows the wrong
//! examples as documentation.
//!
//! An example is checked the way `postlint check` would check it as a file
//! read from stdin sent to one channel (`examples.channel`, else the rule's
//! first channel, else `generic`): front matter is read (its `audience` and
//! `lang` apply), the text is split into a thread at `---` lines, each post
//! is built and the rule runs on it with the thread so far. Only the rule
//! itself runs, so no config or other rule changes the answer; a config's
//! `[rules."id"]` overrides do, since they are part of the compiled rule.
//!
//! A `bad` example may mark what its rule flags: `"We shipped it. ⟦now⟧
//! try it."`. Marked, it must fire exactly there and that often (each mark
//! one finding, with the marked text as its span); unmarked, it must fire
//! at least once. Every built-in bad example is marked.

use std::fmt;

use crate::checklist::kinds::api::Context;
use crate::checklist::rule::Rule;
use crate::checklist::{Checklist, RuleBook};
use crate::error::LoadError;
use crate::finding::Finding;
use crate::ids::{ChannelId, RuleId};
use crate::input::document::{self, Syntax};
use crate::profile::audience::{Audience, Audiences, DEFAULT_AUDIENCE};
use crate::profile::channel::Channels;
use crate::profile::counted::Counted;
use crate::profile::purpose::{Goal, Tone, Tracking};
use crate::span::LineIndex;
use crate::text::lang::{Detector, LangTag};
use crate::text::post::{Post, Thread};

/// Examples are written for the default thread separator, whatever a
/// config chooses.
const THREAD_SEPARATOR: &str = "---";

/// What opens and closes a mark in a `bad` example.
pub const MARK_OPEN: char = '⟦';
pub const MARK_CLOSE: char = '⟧';

/// A `bad` example without its marks, and the byte ranges they marked
/// (`None` when it has none).
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    pub text: String,
    pub marks: Option<Vec<std::ops::Range<usize>>>,
}

impl Marked {
    /// Reads `⟦...⟧` marks out of an example; an unclosed or nested mark
    /// is an error, so a typo cannot silently turn into a weaker test.
    pub fn parse(example: &str) -> Result<Self, String> {
        let mut text = String::with_capacity(example.len());
        let mut marks = Vec::new();
        let mut open = None;
        for c in example.chars() {
            match (c, open) {
                (MARK_OPEN, None) => open = Some(text.len()),
                (MARK_CLOSE, Some(start)) => {
                    marks.push(start..text.len());
                    open = None;
                }
                (MARK_OPEN, Some(_)) => {
                    return Err(format!("a mark opens inside a mark (`{MARK_OPEN}`)"));
                }
                (MARK_CLOSE, None) => return Err(format!("`{MARK_CLOSE}` closes no mark")),
                _ => text.push(c),
            }
        }
        if open.is_some() {
            return Err(format!("a mark is not closed with `{MARK_CLOSE}`"));
        }
        let marks = (!marks.is_empty()).then_some(marks);
        Ok(Self { text, marks })
    }
}

/// The outcome of checking the examples of some checklists.
#[derive(Debug, Default)]
pub struct SelfTest {
    /// How many examples ran.
    pub examples: usize,
    /// The examples that do not hold, in checklist and rule order.
    pub failures: Vec<ExampleFailure>,
}

/// One example that contradicts its rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleFailure {
    pub rule: RuleId,
    /// The rule's full id, for messages.
    pub id: String,
    /// A `bad` example that did not fire (else a `good` one that did).
    pub bad: bool,
    pub text: String,
    pub channel: ChannelId,
    /// The messages a `good` example raised.
    pub fired: Vec<String>,
    /// For a marked `bad` example that fired elsewhere or another number
    /// of times: the texts it flagged, then the texts its marks name; for
    /// a mark that does not parse, why.
    pub misplaced: Option<Misplaced>,
    /// The checklist file, as errors name it.
    pub file: String,
    /// Where the example is written in `file` (1-based line and column);
    /// the rule's position when the example is not in the file (it came
    /// from a config override); `None` when the file cannot be read again.
    pub at: Option<(usize, usize)>,
}

impl ExampleFailure {
    fn key(&self) -> &'static str {
        if self.bad {
            "examples.bad"
        } else {
            "examples.good"
        }
    }

    /// What went wrong, without the place.
    pub fn message(&self) -> String {
        if let Some(Misplaced::BadMark(why)) = &self.misplaced {
            return format!("bad example has a broken mark ({why}): {:?}", self.text);
        }
        if let Some(Misplaced::Places { flagged, marked }) = &self.misplaced {
            return format!(
                "bad example flagged {} where its marks say {}: {:?}",
                places(flagged),
                places(marked),
                self.text
            );
        }
        if self.bad {
            format!("bad example did not fire: {:?}", self.text)
        } else {
            format!(
                "good example fired ({}): {:?}",
                self.fired.join("; "),
                self.text
            )
        }
    }

    /// The failure as a load error, for refusing a checklist at load.
    pub fn to_load_error(&self) -> LoadError {
        let (line, column) = self.at.unwrap_or((1, 1));
        LoadError {
            file: self.file.clone(),
            line,
            column,
            key: Some(self.key().to_owned()),
            message: format!("{}: {}", self.id, self.message()),
            hint: Some(format!(
                "fix the example or the rule; `postlint test-checklists` lists every example that does not hold, `postlint explain {}` shows the rule",
                self.id
            )),
        }
    }
}

/// `"now" (once)`, `"a", "b" (2 times)`.
fn places(texts: &[String]) -> String {
    let list = texts
        .iter()
        .map(|t| format!("{t:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    match texts.len() {
        1 => format!("{list} (once)"),
        n => format!("{list} ({n} times)"),
    }
}

/// How a marked `bad` example went wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Misplaced {
    Places {
        flagged: Vec<String>,
        marked: Vec<String>,
    },
    BadMark(String),
}

/// `file:line: rule-id: bad example did not fire: "..."`.
impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, _)) => write!(f, "{}:{line}: ", self.file)?,
            None => write!(f, "{}: ", self.file)?,
        }
        write!(f, "{}: {}", self.id, self.message())
    }
}

/// Whether `checklist` is one of the built-in ones, whose examples the test
/// suite already checks.
pub fn is_built_in(checklist: &Checklist) -> bool {
    crate::schema::is_built_in(&checklist.file)
}

/// Checks the examples of every loaded rule (`postlint test-checklists`).
pub fn self_test(book: &RuleBook, channels: &Channels, audiences: &Audiences) -> SelfTest {
    self_test_of(book, channels, audiences, |_| true)
}

/// The examples checked when a run loads: those of the team's checklists,
/// where a contradiction is the checklist's own. The built-in ones are
/// checked by the test suite, and a rule the config overrides
/// (`[rules."id"]`, named in `config_text`) may rightly no longer match
/// the examples its checklist was written with.
pub fn at_load(
    book: &RuleBook,
    channels: &Channels,
    audiences: &Audiences,
    config_text: &str,
) -> SelfTest {
    let overridden = overridden_rules(book, config_text);
    self_test_of(book, channels, audiences, |id| {
        !is_built_in(book.checklist(book.rule(id).checklist)) && !overridden.contains(&id)
    })
}

/// The rules a config's `[rules]` table changes. The config was read
/// strictly at load; text that does not parse here overrides nothing.
fn overridden_rules(book: &RuleBook, config_text: &str) -> Vec<RuleId> {
    let Ok(doc) = toml::de::DeTable::parse(config_text) else {
        return Vec::new();
    };
    let Some(rules) = doc
        .get_ref()
        .get("rules")
        .and_then(|r| r.get_ref().as_table())
    else {
        return Vec::new();
    };
    rules
        .iter()
        .filter_map(|(name, _)| book.find_rule(name.get_ref()).ok())
        .collect()
}

/// Checks the examples of the rules `which` selects. Rules switched off
/// (`enabled = false`) are skipped: they never run, so their examples
/// cannot mislead a run.
pub fn self_test_of(
    book: &RuleBook,
    channels: &Channels,
    audiences: &Audiences,
    which: impl Fn(RuleId) -> bool,
) -> SelfTest {
    let runner = Runner::new(book, channels, audiences);
    let mut out = SelfTest::default();
    for checklist in &book.checklists {
        let first_failure = out.failures.len();
        for id in checklist.rule_ids().filter(|&id| which(id)) {
            let rule = book.rule(id);
            if !rule.enabled {
                continue;
            }
            let examples = &rule.examples;
            let channel = runner.channel_of(rule);
            let cases = (examples.bad.iter().map(|t| (t, true)))
                .chain(examples.good.iter().map(|t| (t, false)));
            for (text, bad) in cases {
                out.examples += 1;
                let failure = |fired: Vec<Finding>, misplaced| ExampleFailure {
                    rule: id,
                    id: rule.id.clone(),
                    bad,
                    text: text.clone(),
                    channel,
                    fired: fired.into_iter().map(|f| f.message).collect(),
                    misplaced,
                    file: checklist.file.clone(),
                    at: None,
                };
                if !bad {
                    let fired = runner.findings(id, channel, text);
                    if !fired.is_empty() {
                        out.failures.push(failure(fired, None));
                    }
                    continue;
                }
                let marked = match Marked::parse(text) {
                    Ok(m) => m,
                    Err(why) => {
                        out.failures
                            .push(failure(Vec::new(), Some(Misplaced::BadMark(why))));
                        continue;
                    }
                };
                let fired = runner.findings(id, channel, &marked.text);
                if fired.is_empty() {
                    out.failures.push(failure(fired, None));
                    continue;
                }
                let Some(marks) = &marked.marks else { continue };
                let mut flagged: Vec<std::ops::Range<usize>> =
                    fired.iter().map(|f| f.span.range()).collect();
                flagged.sort_by_key(|r| (r.start, r.end));
                if flagged != *marks {
                    let texts = |ranges: &[std::ops::Range<usize>]| {
                        ranges
                            .iter()
                            .map(|r| marked.text.get(r.clone()).unwrap_or("").to_owned())
                            .collect::<Vec<_>>()
                    };
                    let misplaced = Misplaced::Places {
                        flagged: texts(&flagged),
                        marked: texts(marks),
                    };
                    out.failures.push(failure(fired, Some(misplaced)));
                }
            }
        }
        if out.failures.len() > first_failure {
            locate(book, checklist, &mut out.failures[first_failure..]);
        }
    }
    out
}

/// Runs one rule on one text, as a check of stdin would (`check.rs`).
struct Runner<'a> {
    book: &'a RuleBook,
    channels: &'a Channels,
    audiences: &'a Audiences,
    default_audience: Audience,
    generic: ChannelId,
}

impl<'a> Runner<'a> {
    fn new(book: &'a RuleBook, channels: &'a Channels, audiences: &'a Audiences) -> Self {
        Runner {
            book,
            channels,
            audiences,
            default_audience: audiences
                .resolve(DEFAULT_AUDIENCE)
                .expect("the default audience is built in"),
            generic: channels.find("generic").expect("generic is built in"),
        }
    }

    /// `examples.channel`, else the rule's first channel, else `generic`.
    /// The name was checked at load, so it resolves.
    fn channel_of(&self, rule: &Rule) -> ChannelId {
        match &rule.examples.channel {
            Some(name) => self.channels.resolve(name).unwrap_or(self.generic),
            None => rule
                .channels
                .as_ref()
                .and_then(|c| c.first().copied())
                .unwrap_or(self.generic),
        }
    }

    /// The findings of rule `id` on `text` sent to `channel`.
    fn findings(&self, id: RuleId, channel: ChannelId, text: &str) -> Vec<Finding> {
        let rule = self.book.rule(id);
        let profile = self.channels.get(channel);
        let doc = document::parse(text, Syntax::Plain);
        let fm = &doc.front_matter;
        // As in a run, a name that does not resolve falls back to the default.
        let audience = fm
            .audience
            .as_deref()
            .and_then(|name| self.audiences.resolve(name).ok());
        let audience = audience.as_ref().unwrap_or(&self.default_audience);
        let fm_lang = fm.lang.as_deref().and_then(|l| LangTag::parse(l).ok());
        // As in a run, an example's goal and tone are its front matter's:
        // an example of a crisis rule says `tone: crisis`.
        let goal = fm.goal.as_deref().and_then(|g| Goal::parse(g).ok());
        let tone = fm
            .tone
            .as_deref()
            .and_then(|t| Tone::parse(t).ok())
            .unwrap_or_default();
        let reading = profile.reading(doc.syntax);
        let spans = reading.posts(&doc, THREAD_SEPARATOR);
        let count = spans.len();
        let mut thread = Thread::default();
        let mut found = Vec::new();
        let mut skipped = Vec::new();
        for (index, span) in spans.into_iter().enumerate() {
            let post = Post::build(doc.source, span, reading, index, count);
            thread.add(&post);
            let lang = fm_lang
                .or_else(|| Detector::built_in().detect(post.published(), post.words.len()))
                .unwrap_or(LangTag::EN);
            if !rule.applies_to(channel, post.reading, lang) {
                continue;
            }
            let cx = Context {
                channel: profile,
                audience,
                front_matter: fm,
                own_front_matter: index == 0,
                lang,
                goal,
                tone,
                tracking: Tracking::for_examples(),
                counted: Counted::new(profile, &post, fm, None),
            };
            rule.check(id, &post, &thread, &cx, &mut found, &mut skipped);
        }
        found
    }
}

/// Fills in where each failing example of `checklist` is written. The
/// checklist's text is read again (from the binary for a built-in one) and
/// parsed with positions; this runs only when an example failed, so a run
/// whose examples hold never reads a file twice.
fn locate(book: &RuleBook, checklist: &Checklist, failures: &mut [ExampleFailure]) {
    let text = match checklist.file.strip_prefix("<built-in>/rules/") {
        Some(name) => crate::checklist::built_in(name.trim_end_matches(".toml")).map(str::to_owned),
        None => std::fs::read_to_string(&checklist.file).ok(),
    };
    let Some(text) = text else { return };
    let Ok(doc) = toml::de::DeTable::parse(&text) else {
        return;
    };
    let lines = LineIndex::new(&text);
    let position = |offset: usize| {
        let p = lines.position(&text, offset);
        (p.line, p.column)
    };
    let rules = match doc.get_ref().get("rule").map(|r| r.get_ref()) {
        Some(toml::de::DeValue::Array(rules)) => &rules[..],
        _ => return,
    };
    for failure in failures {
        let short = book.rule(failure.rule).short_id();
        let Some(rule) = rules.iter().find(|r| {
            r.get_ref()
                .as_table()
                .and_then(|t| t.get("id"))
                .and_then(|id| id.get_ref().as_str())
                == Some(short)
        }) else {
            continue;
        };
        let example = rule
            .get_ref()
            .as_table()
            .and_then(|t| t.get("examples"))
            .and_then(|e| e.get_ref().as_table())
            .and_then(|e| e.get(if failure.bad { "bad" } else { "good" }))
            .and_then(|list| match list.get_ref() {
                toml::de::DeValue::Array(items) => items
                    .iter()
                    .find(|item| item.get_ref().as_str() == Some(failure.text.as_str())),
                _ => None,
            });
        let offset = example.map_or(rule.span().start, |e| e.span().start);
        failure.at = Some(position(offset));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::ChecklistSource;
    use crate::checklist::kinds::api::Resources;
    use crate::engine::Engine;

    fn book(file: &str, text: &str) -> RuleBook {
        let source = ChecklistSource {
            file: file.into(),
            text: text.into(),
        };
        let channels = Channels::built_in().unwrap();
        RuleBook::load(&[source], None, &channels, &Resources::default())
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn run(book: &RuleBook) -> SelfTest {
        self_test(
            book,
            &Channels::built_in().unwrap(),
            &Audiences::built_in().unwrap(),
        )
    }

    /// Lines 1-5 are the `[checklist]` table; rules start on line 6.
    const HEAD: &str = "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n";

    const CONTRADICTED: &str = r#"[[rule]]
id = "no-synergy"
kind = "existence"
tokens = ["synergy"]
severity = "warning"
message = "Cut \"{match}\"."
examples.bad = ["Great synergy today.", "Leverage our teams."]
examples.good = [
  "Great teamwork today.",
  "Synergy, again.",
]
"#;

    /// Writes `POSTLINT_MARKS_OUT`: each built-in bad example with marks
    /// where its rule fires now, one JSON line per example, for marking
    /// examples in bulk (every proposed mark is then read by a person).
    #[test]
    #[ignore = "writes proposed marks for the built-in bad examples"]
    fn propose_marks() {
        let Ok(out) = std::env::var("POSTLINT_MARKS_OUT") else {
            panic!("set POSTLINT_MARKS_OUT to a file path");
        };
        let engine = Engine::built_in().unwrap();
        let runner = Runner::new(&engine.book, &engine.channels, &engine.audiences);
        let mut lines = String::new();
        for id in engine.book.rule_ids() {
            let rule = engine.book.rule(id);
            let channel = runner.channel_of(rule);
            for example in &rule.examples.bad {
                let plain = Marked::parse(example).unwrap().text;
                let mut spans: Vec<_> = runner
                    .findings(id, channel, &plain)
                    .iter()
                    .map(|f| f.span.range())
                    .collect();
                spans.sort_by_key(|r| (r.start, r.end));
                let mut marked = String::new();
                let mut at = 0;
                for r in &spans {
                    if r.start < at {
                        continue; // overlapping: left for a person
                    }
                    marked.push_str(&plain[at..r.start]);
                    marked.push(MARK_OPEN);
                    marked.push_str(&plain[r.clone()]);
                    marked.push(MARK_CLOSE);
                    at = r.end;
                }
                marked.push_str(&plain[at..]);
                let line = serde_json::json!({
                    "rule": rule.id, "file": engine.book.checklist(rule.checklist).file,
                    "original": example, "marked": marked, "count": spans.len(),
                });
                lines.push_str(&line.to_string());
                lines.push('\n');
            }
        }
        std::fs::write(out, lines).unwrap();
    }

    #[test]
    fn the_built_in_examples_hold() {
        let engine = Engine::built_in().unwrap();
        let result = self_test(&engine.book, &engine.channels, &engine.audiences);
        assert!(
            result.examples > 40,
            "only {} examples ran",
            result.examples
        );
        let failures: Vec<String> = result.failures.iter().map(ToString::to_string).collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn marked_examples_must_fire_exactly_there_and_that_often() {
        let rules = r#"[[rule]]
id = "no-synergy"
kind = "existence"
tokens = ["synergy"]
severity = "warning"
message = "Cut \"{match}\"."
examples.bad = [
  "⟦Synergy⟧ and ⟦synergy⟧.",
  "⟦Synergy⟧ and synergy.",
  "Great synergy ⟦today⟧.",
  "Great ⟦synergy today.",
  "Great synergy today.",
]
examples.good = ["Teamwork."]
"#;
        let result = run(&book("team.toml", &format!("{HEAD}{rules}")));
        assert_eq!(result.examples, 6);
        let messages: Vec<String> = result.failures.iter().map(|f| f.message()).collect();
        assert_eq!(
            messages,
            [
                "bad example flagged \"Synergy\", \"synergy\" (2 times) where its marks say \"Synergy\" (once): \"⟦Synergy⟧ and synergy.\"",
                "bad example flagged \"synergy\" (once) where its marks say \"today\" (once): \"Great synergy ⟦today⟧.\"",
                "bad example has a broken mark (a mark is not closed with `⟧`): \"Great ⟦synergy today.\"",
            ]
        );
    }

    #[test]
    fn marks_parse_to_ranges_of_the_plain_text() {
        let m = Marked::parse("a ⟦bc⟧ d ⟦é⟧").unwrap();
        assert_eq!(m.text, "a bc d é");
        assert_eq!(m.marks, Some(vec![2..4, 7..9]));
        assert_eq!(Marked::parse("plain").unwrap().marks, None);
        assert!(Marked::parse("⟦a ⟦b⟧⟧").is_err());
        assert!(Marked::parse("a⟧").is_err());
    }

    #[test]
    fn contradicting_examples_are_named_with_file_and_line() {
        let book = book("no-such-dir/team.toml", &format!("{HEAD}{CONTRADICTED}"));
        let result = run(&book);
        assert_eq!(result.examples, 4);
        let failures: Vec<String> = result.failures.iter().map(ToString::to_string).collect();
        // The file cannot be read again here: no line.
        assert_eq!(
            failures,
            [
                "no-such-dir/team.toml: team.no-synergy: bad example did not fire: \"Leverage our teams.\"",
                "no-such-dir/team.toml: team.no-synergy: good example fired (Cut \"Synergy\".): \"Synergy, again.\"",
            ]
        );
    }

    #[test]
    fn a_failing_example_is_located_on_its_own_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("team.toml");
        let text = format!("{HEAD}{CONTRADICTED}");
        std::fs::write(&path, &text).unwrap();
        let file = path.display().to_string();
        let result = run(&book(&file, &text));
        let at: Vec<_> = result.failures.iter().map(|f| f.at).collect();
        // `examples.bad = [` is 17 columns; the second example is on line 12
        // after `"Great synergy today.", `; the good one on line 15, column 3.
        assert_eq!(at, [Some((12, 41)), Some((15, 3))]);
        assert_eq!(
            result.failures[0].to_string(),
            format!(
                "{file}:12: team.no-synergy: bad example did not fire: \"Leverage our teams.\""
            )
        );
        let e = result.failures[1].to_load_error();
        assert_eq!(
            (e.line, e.column, e.key.as_deref()),
            (15, 3, Some("examples.good"))
        );
        assert!(
            e.to_string()
                .contains("team.no-synergy: good example fired"),
            "{e}"
        );
    }

    #[test]
    fn an_example_from_a_config_override_is_located_at_its_rule() {
        use crate::engine::{ConfigSource, Options};
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("team.toml"),
            format!("{HEAD}{CONTRADICTED}"),
        )
        .unwrap();
        let config = "checklists = [\"team.toml\"]\n\n[rules.\"team.no-synergy\"]\n\
                      examples.bad = [\"Nope.\"]\nexamples.good = []\n";
        let options = Options {
            config: ConfigSource::Text(dir.path().join("postlint.toml"), config.into()),
            ..Options::default()
        };
        let engine = Engine::load(&options).unwrap_or_else(|e| panic!("{e:?}"));
        let result = self_test(&engine.book, &engine.channels, &engine.audiences);
        let failures: Vec<_> = result
            .failures
            .iter()
            .map(|f| (f.text.as_str(), f.at))
            .collect();
        // Line 6 is the rule's `[[rule]]` header.
        assert_eq!(failures, [("Nope.", Some((6, 1)))]);
    }

    #[test]
    fn examples_run_on_their_channel_with_their_front_matter() {
        // Over X's limit only: checked on `generic` it would not fire.
        let rules = r#"[[rule]]
id = "short"
kind = "metric"
metric = "characters"
max = "channel.max_length"
severity = "error"
message = "Too long."
examples.channel = "x"
examples.bad = ["WORDS"]
examples.good = ["Short."]

[[rule]]
id = "only-linkedin"
kind = "existence"
tokens = ["synergy"]
channels = ["linkedin", "x"]
languages = ["en"]
severity = "warning"
message = "Cut it."
examples.bad = ["Synergy."]
examples.good = ["---\nlang: fi\n---\nSynergy."]
"#
        .replace("WORDS", &"word ".repeat(70));
        let book = book("team.toml", &format!("{HEAD}{rules}"));
        let result = run(&book);
        assert_eq!(result.examples, 4);
        assert!(
            result.failures.is_empty(),
            "{:?}",
            result
                .failures
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn disabled_rules_built_in_and_overridden_ones_are_not_run_at_load() {
        let text = format!("{HEAD}{CONTRADICTED}enabled = false\n");
        let result = run(&book("team.toml", &text));
        assert_eq!((result.examples, result.failures.len()), (0, 0));
        let book = book("team.toml", &format!("{HEAD}{CONTRADICTED}"));
        let channels = Channels::built_in().unwrap();
        let audiences = Audiences::built_in().unwrap();
        let result = self_test_of(&book, &channels, &audiences, |_| false);
        assert_eq!((result.examples, result.failures.len()), (0, 0));
        assert_eq!(at_load(&book, &channels, &audiences, "").failures.len(), 2);
        // A rule the config changes is not held to its checklist's examples
        // at load; `test-checklists` still checks it.
        let config = "[rules.\"team.no-synergy\"]\nseverity = \"error\"\n";
        assert_eq!(at_load(&book, &channels, &audiences, config).examples, 0);
        let engine = Engine::built_in().unwrap();
        let result = at_load(&engine.book, &engine.channels, &engine.audiences, "");
        assert_eq!(
            result.examples, 0,
            "built-in checklists are not checked at load"
        );
    }

    /// Running one rule alone gives what a whole check gives for that rule:
    /// every built-in rule on every built-in example text, on each
    /// example's channel.
    #[test]
    fn one_rule_alone_fires_as_in_a_whole_check() {
        let engine = Engine::built_in().unwrap();
        let runner = Runner::new(&engine.book, &engine.channels, &engine.audiences);
        // A second engine, whose command-line channel each case sets.
        let mut whole = Engine::built_in().unwrap();
        whole.config.tracking = Tracking::for_examples().clone();
        for rule in &engine.book.rules {
            let channel = runner.channel_of(rule);
            whole.layers.cli.channel = Some(channel);
            for text in rule.examples.bad.iter().chain(&rule.examples.good) {
                let outcome = whole.check_source(None, "example".into(), text.clone());
                for id in engine.book.rule_ids() {
                    let in_check = outcome
                        .posts
                        .iter()
                        .flat_map(|p| &p.findings)
                        .any(|f| f.rule == id);
                    let alone = !runner.findings(id, channel, text).is_empty();
                    let name = &engine.book.rule(id).id;
                    assert_eq!(alone, in_check, "{name} on {text:?}");
                }
            }
        }
    }
}
