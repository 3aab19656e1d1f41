//! `unless`: what cancels a match when the text around it holds it. A
//! claim is fine with a source in its paragraph; an affiliate link is fine
//! when the post discloses it. One entry or a list of them:
//!
//! ```toml
//! [[rule.unless]]
//! within = "paragraph"            # sentence | paragraph | post | thread
//! tokens = ["according to"]       # words or phrases, as a rule's tokens
//! patterns = ['\d+(?:\.\d+)?\s?ms'] # regexes (may use `lists`)
//! entities = ["links", "footnotes"]
//! reading = "markdown"            # only for posts read this way
//! ```
//!
//! A match cancels nothing it overlaps: the "3x" of "3x faster" is not the
//! measured figure that would support it. `thread` is the post and the
//! first post of its thread, where a thread introduces itself (a
//! disclosure there covers the thread; one hidden at its end does not).

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::matcher::{self, Matcher};
use crate::error::LoadError;
use crate::schema::Source;
use crate::span::Span;
use crate::text::entities::EntityKind;
use crate::text::post::{Post, Reading, Thread};
use crate::text::squeeze::Squeezed;

/// The text around a match that an `unless` entry searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Within {
    /// The sentence the match starts in.
    Sentence,
    /// Its paragraph (a list item, quote, table cell or heading is one).
    Paragraph,
    /// The whole post.
    Post,
    /// The post and the first post of its thread.
    Thread,
}

/// Things besides words that can cancel a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// A URL, or a Markdown link (inline or by reference).
    Links,
    /// A Markdown footnote reference, `[^1]`.
    Footnotes,
}

/// One `unless` entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntrySpec {
    within: Within,
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    /// Named word lists this entry's patterns use as `{name}`.
    #[serde(default)]
    lists: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    entities: Vec<Evidence>,
    /// Only for posts read this way (`plain` social posts, `markdown`).
    reading: Option<Reading>,
}

/// `unless = { ... }` or a list of them (`[[rule.unless]]`).
#[derive(Debug, Default)]
pub struct Spec(Vec<EntrySpec>);

impl<'de> Deserialize<'de> for Spec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrMany;
        impl<'de> Visitor<'de> for OneOrMany {
            type Value = Spec;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table (within, tokens, patterns, entities) or a list of them")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Spec, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Spec)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Spec, A::Error> {
                EntrySpec::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|one| Spec(vec![one]))
            }
        }
        deserializer.deserialize_any(OneOrMany)
    }
}

/// Compiled `unless` entries; empty when the rule has none.
#[derive(Debug, Default)]
pub struct Unless {
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    within: Within,
    matcher: Matcher,
    entities: Vec<Evidence>,
    reading: Option<Reading>,
}

impl Unless {
    /// `spec` is the rule's `unless` value, if any, where errors point.
    pub fn compile(
        src: Source<'_>,
        spec: Option<Spanned<Spec>>,
        ignore_case: bool,
    ) -> Result<Self, LoadError> {
        let Some(spec) = spec else {
            return Ok(Self::default());
        };
        let span = spec.span();
        let spec = spec.into_inner();
        let mut entries = Vec::with_capacity(spec.0.len());
        for e in spec.0 {
            let keyed = |err: LoadError| {
                let key = match &err.key {
                    Some(key) => format!("unless.{key}"),
                    None => "unless".to_owned(),
                };
                err.with_key(key)
            };
            let patterns =
                matcher::expand_lists(src, span.clone(), e.patterns, &e.lists).map_err(keyed)?;
            let matcher = Matcher::compile(src, span.clone(), &e.tokens, &patterns, ignore_case)
                .map_err(keyed)?;
            if matcher.is_empty() && e.entities.is_empty() {
                return Err(src
                    .error(span, "an `unless` entry needs `tokens`, `patterns` or `entities`")
                    .with_key("unless")
                    .with_hint(
                        "e.g. unless = { within = \"paragraph\", tokens = [\"according to\"], entities = [\"links\"] }",
                    ));
            }
            entries.push(Entry {
                within: e.within,
                matcher,
                entities: e.entities,
                reading: e.reading,
            });
        }
        Ok(Self { entries })
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// True when some entry finds what it looks for around `m`, a match in
    /// `post` (not overlapping `m` itself). `seen` keeps what each region
    /// held for the other matches of the same check.
    pub fn cancels(&self, post: &Post<'_>, thread: &Thread, m: Span, seen: &mut Seen) -> bool {
        self.entries
            .iter()
            .enumerate()
            .any(|(i, e)| e.cancels(i, post, thread, m, seen))
    }
}

/// What an entry found in a region, kept for one check: without it every
/// match scanned its paragraph (or post) again, matches x region length.
#[derive(Default)]
pub struct Seen(HashMap<(usize, usize, usize), Held>);

/// The entry's words in a region, as the bounds a match is compared with,
/// and whether the region has its links or footnotes.
#[derive(Clone, Copy)]
struct Held {
    /// The latest start and the earliest end of the words found: some word
    /// lies apart from a match `m` exactly when one of them does.
    latest_start: Option<usize>,
    earliest_end: Option<usize>,
    entities: bool,
}

impl Held {
    fn apart_from(self, m: Span) -> bool {
        self.entities
            || self.latest_start.is_some_and(|s| s >= m.end)
            || self.earliest_end.is_some_and(|e| e <= m.start)
    }
}

impl Entry {
    fn cancels(
        &self,
        i: usize,
        post: &Post<'_>,
        thread: &Thread,
        m: Span,
        seen: &mut Seen,
    ) -> bool {
        if self.reading.is_some_and(|r| r != post.reading) {
            return false;
        }
        let region = match self.within {
            Within::Sentence => sentence_of(post, m),
            Within::Paragraph => paragraph_of(post, m),
            Within::Post | Within::Thread => post.span,
        };
        let found = *seen
            .0
            .entry((i, region.start, region.end))
            .or_insert_with(|| self.evidence(post, region));
        if found.apart_from(m) {
            return true;
        }
        // The thread's opener, when this post is a later one. Threads are
        // plain text, so the file's text is what readers read there. Kept
        // under a key no region has.
        self.within == Within::Thread
            && post.index > 0
            && post.reading == Reading::Plain
            && !thread.first.is_empty()
            && !thread.first.overlaps(post.span)
            && thread.first.end <= post.text.len()
            && seen
                .0
                .entry((i, usize::MAX, 0))
                .or_insert_with(|| Held {
                    latest_start: None,
                    earliest_end: None,
                    entities: self.holds_in_opener(post, thread),
                })
                .entities
    }

    /// What `region` of the post holds of the entry's things.
    fn evidence(&self, post: &Post<'_>, region: Span) -> Held {
        let mut found = Held {
            latest_start: None,
            earliest_end: None,
            entities: self.entities.iter().any(|&what| match what {
                Evidence::Links => has_link(post, region),
                Evidence::Footnotes => has_footnote(post, region),
            }),
        };
        if !found.entities {
            self.matcher.find_visible(post, region, |w| {
                found.latest_start = Some(found.latest_start.map_or(w.start, |s| s.max(w.start)));
                found.earliest_end = Some(found.earliest_end.map_or(w.end, |e| e.min(w.end)));
            });
        }
        found
    }

    fn holds_in_opener(&self, post: &Post<'_>, thread: &Thread) -> bool {
        let first = thread.first;
        let squeezed = std::cell::OnceCell::new();
        let found = !self.matcher.is_empty()
            && self.matcher.any_in(
                &post.text,
                || squeezed.get_or_init(|| Squeezed::new(&post.text, first)),
                first,
                |e| !thread.in_link(e),
            );
        found || (self.entities.contains(&Evidence::Links) && thread.in_link(first))
    }
}

/// The sentence `m` starts in; else its paragraph.
fn sentence_of(post: &Post<'_>, m: Span) -> Span {
    let i = post.sentences.partition_point(|s| s.span.end <= m.start);
    match post.sentences.get(i) {
        Some(s) if s.span.start <= m.start => s.span,
        _ => paragraph_of(post, m),
    }
}

/// The block `m` starts in; else its line; else the post. Blocks and
/// lines are sorted by start: found by binary search, not a scan per match.
fn paragraph_of(post: &Post<'_>, m: Span) -> Span {
    let inside = |s: &Span| s.start <= m.start && m.start < s.end;
    let i = post.blocks.partition_point(|b| b.span.start <= m.start);
    let block = i.checked_sub(1).map(|i| post.blocks[i].span).filter(inside);
    let j = post.lines.partition_point(|l| l.start <= m.start);
    block
        .or_else(|| j.checked_sub(1).map(|j| post.lines[j]).filter(inside))
        .unwrap_or(post.span)
}

/// `region` with the Markdown syntax readers do not see after it (a
/// footnote reference or a link target after a sentence's last word),
/// up to the next prose or the end of the line.
fn with_trailing_markup(post: &Post<'_>, region: Span) -> Span {
    if post.reading != Reading::Markdown {
        return region;
    }
    let (text, source) = (post.text.as_bytes(), post.source.as_bytes());
    let limit = post.span.end.min(text.len()).min(source.len());
    let mut end = region.end;
    while end < limit && text[end] == b' ' && source[end] != b'\n' && source[end] != b'\r' {
        end += 1;
    }
    Span::new(region.start, end.max(region.end))
}

fn has_link(post: &Post<'_>, region: Span) -> bool {
    let region = with_trailing_markup(post, region);
    // Both lists are sorted by position and disjoint.
    let first = post
        .entities
        .partition_point(|e| e.span.end <= region.start);
    let url = post.entities[first..]
        .iter()
        .take_while(|e| e.span.start < region.end)
        .any(|e| e.kind == EntityKind::Url);
    let i = post.links.partition_point(|l| l.end <= region.start);
    url || post.links.get(i).is_some_and(|l| l.overlaps(region))
}

/// A footnote reference `[^name]` in the Markdown source of `region`.
fn has_footnote(post: &Post<'_>, region: Span) -> bool {
    if post.reading != Reading::Markdown {
        return false;
    }
    let region = with_trailing_markup(post, region);
    let Some(source) = post.source.get(region.range()) else {
        return false;
    };
    source.match_indices("[^").any(|(at, _)| {
        let rest = &source[at + 2..];
        rest.find(']')
            .is_some_and(|close| close > 0 && !rest[..close].contains(char::is_whitespace))
    })
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    fn checklist(keys: &str) -> String {
        format!(
            "[checklist]\nid = \"team\"\ntitle = \"Team\"\ndescription = \"d\"\n\n\
             [[rule]]\nid = \"claim\"\nkind = \"existence\"\n\
             severity = \"warning\"\nmessage = \"{{match}}\"\n{keys}\n"
        )
    }

    fn found(keys: &str, path: &str, text: &str) -> Vec<String> {
        let engine = Engine::with_checklist("team.toml", &checklist(keys))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let outcome = engine.check_source(Some(path.as_ref()), path.into(), text.into());
        outcome
            .posts
            .iter()
            .flat_map(|p| &p.findings)
            .map(|f| outcome.source[f.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn a_source_in_the_paragraph_cancels_a_claim() {
        let keys = "tokens = [\"fastest\"]\n\
                    unless = { within = \"paragraph\", tokens = [\"benchmark\"], entities = [\"links\"] }";
        assert_eq!(found(keys, "t.txt", "The fastest tool."), ["fastest"]);
        assert!(found(keys, "t.txt", "The fastest tool. See the benchmark.").is_empty());
        assert!(found(keys, "t.txt", "The fastest tool: https://example.com/b").is_empty());
        // Another paragraph is not nearby.
        assert_eq!(
            found(keys, "t.txt", "The fastest tool.\n\nOur benchmark is old."),
            ["fastest"]
        );
        // Markdown: a link's target and a footnote are blanked, yet count.
        assert!(found(keys, "t.md", "The [fastest](https://b.example) tool.\n").is_empty());
        let keys_fn = "tokens = [\"fastest\"]\n\
                       unless = { within = \"sentence\", entities = [\"footnotes\"] }";
        assert!(
            found(
                keys_fn,
                "t.md",
                "The fastest tool.[^1]\n\n[^1]: Measured.\n"
            )
            .is_empty()
        );
        assert_eq!(
            found(
                keys_fn,
                "t.md",
                "The fastest tool. Then more.[^1]\n\n[^1]: Measured.\n"
            ),
            ["fastest"]
        );
    }

    #[test]
    fn a_match_does_not_cancel_itself() {
        let keys = "patterns = ['\\b\\d+x faster']\n\
                    unless = { within = \"sentence\", patterns = ['\\d+(?:\\.\\d+)?\\s?(?:s|ms|x)\\b'] }";
        assert_eq!(found(keys, "t.txt", "It is 3x faster."), ["3x faster"]);
        assert!(found(keys, "t.txt", "It is 3x faster: 1.2 s, down from 3.6 s.").is_empty());
    }

    #[test]
    fn a_thread_opener_discloses_for_the_thread() {
        let keys = "tokens = [\"promo\"]\n\
                    unless = { within = \"thread\", tokens = [\"#ad\"] }";
        let thread = "---\nchannel: x\n---\n#ad A thread.\n---\nUse the promo.\n";
        assert!(found(keys, "t.md", thread).is_empty());
        let late = "---\nchannel: x\n---\nA thread.\n---\nUse the promo.\n---\n#ad\n";
        assert_eq!(found(keys, "t.md", late), ["promo"]);
        let post = "tokens = [\"promo\"]\nunless = { within = \"post\", tokens = [\"#ad\"] }";
        assert_eq!(found(post, "t.md", thread), ["promo"]);
    }

    #[test]
    fn an_entry_applies_to_its_reading_only() {
        let keys = "tokens = [\"fastest\"]\n\
                    [[rule.unless]]\nwithin = \"post\"\nentities = [\"links\"]\nreading = \"plain\"\n\
                    [[rule.unless]]\nwithin = \"sentence\"\nentities = [\"links\"]";
        let text = "The fastest tool.\n\nhttps://example.com/b\n";
        assert!(found(keys, "t.txt", text).is_empty());
        assert_eq!(found(keys, "t.md", text), ["fastest"]);
    }

    #[test]
    fn mistakes_in_unless_are_located_errors() {
        for (keys, says) in [
            (
                "tokens = [\"x\"]\nunless = { within = \"page\", tokens = [\"y\"] }",
                "page",
            ),
            (
                "tokens = [\"x\"]\nunless = { within = \"post\" }",
                "needs `tokens`",
            ),
            (
                "tokens = [\"x\"]\nunless = { within = \"post\", token = [\"y\"] }",
                "token",
            ),
            (
                "tokens = [\"x\"]\nunless = { within = \"post\", patterns = ['('] }",
                "regular expression",
            ),
            (
                "tokens = [\"x\"]\nunless = { within = \"post\", entities = [\"emoji\"] }",
                "emoji",
            ),
            (
                "tokens = [\"x\"]\nunless = { within = \"post\", patterns = ['{y}'], lists.z = [\"a\"] }",
                "no list",
            ),
        ] {
            let Err(errors) = Engine::with_checklist("team.toml", &checklist(keys)) else {
                panic!("{keys} loads");
            };
            let text = format!("{errors:?}");
            assert!(text.contains(says), "{keys}: {text}");
            // Located in the team's file.
            assert!(text.contains("file: \"team.toml\""), "{text}");
        }
    }
}
