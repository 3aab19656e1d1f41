//! Front matter: YAML between `---` lines or TOML between `+++` lines at the
//! very start of a file. postlint reads its own few keys and leaves every
//! other key alone, because those belong to site generators and schedulers.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Line, Problem, Syntax, lines};
use crate::span::Span;

/// What postlint reads from front matter. Keys it does not know are left
/// alone (they belong to site generators and schedulers).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub channel: Option<String>,
    /// `channels: [x, linkedin]`, or a single name.
    pub channels: Vec<String>,
    /// `general`, `professional`, `expert` or a target grade; kept as
    /// written so the config layer decides what it means.
    pub audience: Option<String>,
    pub campaign: Option<String>,
    /// `awareness`, `engagement` or `conversion`, as written.
    pub goal: Option<String>,
    /// `normal` or `crisis`, as written.
    pub tone: Option<String>,
    pub sponsored: Option<bool>,
    pub lang: Option<String>,
    pub checklists: Option<Vec<String>>,
    /// Rule ids from `postlint: { disable: [...] }` / `[postlint] disable`.
    pub disable: Vec<String>,
    /// `postlint: { allow: [{ rule: strategy.shouting, text: "NASA" }] }`:
    /// a rule suppressed only where what it flags contains the text. The
    /// form for social posts, whose body is published as written.
    pub allow: Vec<Allow>,
    /// Schedulers' keys (twitter-together, toot-together, galaxy-social),
    /// read for the platform checks and never validated: they are not
    /// postlint's. `retweet: <url>` makes a post without text a repost.
    pub reposts: bool,
    /// Images: twitter-together's `media: [{file, alt}]` or galaxy-social's
    /// `images: [{url, alt_text}]`.
    pub media: Vec<MediaItem>,
    /// Poll options from `poll: [...]`.
    pub poll: Vec<Item>,
    /// galaxy-social's `media: [bluesky-galaxyproject, ...]`: the accounts
    /// a post goes to, each named `<platform>-<account>`.
    pub targets: Vec<String>,
    /// Text galaxy-social appends per account: its `mentions` and
    /// `hashtags`, as it writes them after the post.
    pub appended: Vec<(String, String)>,
    /// Top-level text values postlint does not own (`title`, `subject`,
    /// `preview`, `cw`...). Only the channels whose profiles name a key
    /// read it (`[[fields]]`), so a site generator's `title` is never
    /// validated as postlint's.
    pub fields: Vec<Item>,
}

/// One text value in front matter and the line it is on.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub key: String,
    pub text: String,
    pub span: Span,
}

/// One `allow` entry: a rule (or checklist) id and the text it may flag.
#[derive(Debug, Clone, PartialEq)]
pub struct Allow {
    pub rule: String,
    pub text: String,
    /// The entry's line, for a problem with the rule id.
    pub span: Span,
}

/// An image attached in front matter, with its alt text if it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaItem {
    pub alt: Option<String>,
    pub span: Span,
}

impl FrontMatter {
    /// Whether the post is published even with no text of its own.
    pub fn stands_without_text(&self) -> bool {
        self.reposts || !self.media.is_empty()
    }

    /// The text of the first of `keys` that is set.
    pub fn field(&self, keys: &[String]) -> Option<&Item> {
        keys.iter()
            .find_map(|k| self.fields.iter().find(|f| &f.key == k))
    }

    /// The longest text galaxy-social appends for an account on `channel`
    /// (`bluesky` for `bluesky-galaxyproject`): the worst case, when one
    /// file goes to several accounts of one platform.
    pub fn appended_for(&self, channel: &str) -> Option<&str> {
        self.appended
            .iter()
            .filter(|(target, _)| target_channel(target).eq_ignore_ascii_case(channel))
            .map(|(_, text)| text.as_str())
            .max_by_key(|t| t.len())
    }
}

/// The platform part of a galaxy-social account name.
pub fn target_channel(target: &str) -> &str {
    target.split('-').next().unwrap_or(target)
}

/// Front matter found at the start of a file.
#[derive(Debug)]
pub(super) struct Detected {
    pub front_matter: FrontMatter,
    /// From the opening fence to the end of the closing fence.
    pub span: Span,
    pub body_start: usize,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Yaml,
    Toml,
}

#[derive(Debug, Clone, Copy)]
struct Fence {
    format: Format,
    span: Span,
    inner: Span,
    body_start: usize,
}

/// Keys postlint owns at the top level of front matter.
const OWN_KEYS: &[&str] = &[
    "channel",
    "channels",
    "audience",
    "campaign",
    "goal",
    "tone",
    "sponsored",
    "lang",
    "checklists",
    "postlint",
];

/// Keys of schedulers and of the platform fields channel profiles read: a
/// plain file's leading `---` block holding one of them as its only key is
/// front matter even when its value is a sentence (`cw: Spoilers ahead`).
const KNOWN_KEYS: &[&str] = &[
    "retweet",
    "repost",
    "boost",
    "reply",
    "poll",
    "media",
    "images",
    "cw",
    "spoiler_text",
    "content_warning",
    "title",
    "headline",
    "subject",
    "subject_line",
    "preview",
    "preview_text",
    "preheader",
];

const UNREAD: &str = "postlint still checks the body, but reads no settings from this front matter until it is fixed";

/// Beyond this many open brackets the parsers would recurse deeper than a
/// thread's stack allows; no real front matter comes close.
const MAX_NESTING: usize = 64;

/// Finds and reads front matter starting at `start` (just after any BOM).
///
/// Markdown follows the site generators: a closed `---`/`+++` block at the
/// start is front matter, and if it does not parse that is a problem, not
/// a reason to check it as prose.
///
/// Plain text is trickier, because in a thread file `---` is also the post
/// separator, so `---\npsa: we are down\n---\nsecond post` could be either.
/// A leading `---` block counts as front matter only when it reads as
/// metadata rather than prose:
/// - it is closed by a `---` (or `...`) line,
/// - it parses as a non-empty YAML mapping,
/// - every top-level key is a lowercase identifier (`channel`, `reply_to`,
///   `media-alt`), which prose like `Breaking: ...` or `Q: why?` is not,
/// - and it is not a single key holding a sentence (a string with a
///   space) unless that key is one of postlint's own.
///
/// Otherwise the block is text, and nothing is reported, since guessing
/// wrong the other way would hide a post from every check. A `+++` block has
/// no other meaning in plain text, so it is front matter as in Markdown.
pub(super) fn detect(source: &str, start: usize, syntax: Syntax) -> Option<Detected> {
    let fence = find_fence(source, start)?;
    let inner = fence.inner.text(source);
    let mut reader = Reader {
        source,
        fence,
        problems: Vec::new(),
        top_keys: None,
    };
    if max_nesting(inner) > MAX_NESTING {
        if syntax == Syntax::Plain && fence.format == Format::Yaml {
            return None;
        }
        reader.problem(
            fence.span,
            "front matter is nested too deeply to read".to_string(),
            Some(UNREAD.into()),
        );
        return Some(reader.finish(FrontMatter::default()));
    }
    let front_matter = match fence.format {
        Format::Yaml => match parse_yaml(inner) {
            Ok(value) => {
                if syntax == Syntax::Plain && !reads_as_metadata(&value) {
                    return None;
                }
                match value {
                    Value::Map(map) => reader.extract(map),
                    Value::Null => FrontMatter::default(),
                    other => {
                        reader.problem(
                            fence.span,
                            format!(
                                "front matter should be `key: value` lines, but this is {}",
                                other.describe()
                            ),
                            Some(UNREAD.into()),
                        );
                        FrontMatter::default()
                    }
                }
            }
            Err(err) => {
                // In plain text a block that fails to parse is text, unless
                // it is plainly keys someone meant as settings (`cw: Long
                // read: our outage` needs quotes): then say so.
                if syntax == Syntax::Plain && !names_known_keys(inner) {
                    return None;
                }
                let span = err
                    .location()
                    .and_then(|loc| usize::try_from(loc.line()).ok())
                    .and_then(|line| reader.nth_line(line))
                    .unwrap_or(fence.span);
                reader.problem(
                    span,
                    format!("front matter is not valid YAML: {}", yaml_message(&err)),
                    Some(UNREAD.into()),
                );
                FrontMatter::default()
            }
        },
        Format::Toml => match toml::from_str::<toml::Table>(inner) {
            Ok(table) => reader.extract(toml_map(table)),
            Err(err) => {
                let span = err
                    .span()
                    .and_then(|r| reader.line_at(fence.inner.start + r.start))
                    .unwrap_or(fence.span);
                reader.problem(
                    span,
                    format!("front matter is not valid TOML: {}", err.message().trim()),
                    Some(UNREAD.into()),
                );
                FrontMatter::default()
            }
        },
    };
    Some(reader.finish(front_matter))
}

fn is_fence(line: &str, fence: &str) -> bool {
    line.trim_end_matches([' ', '\t', '\r']) == fence
}

/// A file that opens front matter (`---` or `+++` on its first line, then
/// a `key: value` or `key = value` line) and never closes it. Its text is
/// still checked, as text; the problem says why no settings were read. A
/// `---` followed by prose is a thematic break or text, not a problem.
pub(super) fn unclosed(source: &str, start: usize) -> Option<Problem> {
    let mut it = lines(source, Span::new(start, source.len()));
    let first = it.next()?;
    let fence = ["---", "+++"]
        .into_iter()
        .find(|f| is_fence(first.text(source), f))?;
    let looks_like_a_key = it.next().is_some_and(|line| {
        let text = line.text(source).trim();
        text.split_once([':', '=']).is_some_and(|(key, _)| {
            let key = key.trim();
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        })
    });
    if !looks_like_a_key || find_fence(source, start).is_some() {
        return None;
    }
    Some(Problem {
        span: Some(first.trimmed(source)),
        message: format!("front matter is not closed: no `{fence}` line ends it"),
        help: Some(format!(
            "add a `{fence}` line after its last key, or remove the first line if it is not front matter; the whole file is checked as text, and no settings are read from it"
        )),
    })
}

fn find_fence(source: &str, start: usize) -> Option<Fence> {
    let mut it = lines(source, Span::new(start, source.len()));
    let first = it.next()?;
    let (format, closers): (Format, &[&str]) = if is_fence(first.text(source), "---") {
        (Format::Yaml, &["---", "..."])
    } else if is_fence(first.text(source), "+++") {
        (Format::Toml, &["+++"])
    } else {
        return None;
    };
    it.find(|line| closers.iter().any(|c| is_fence(line.text(source), c)))
        .map(|close| Fence {
            format,
            span: Span::new(
                first.start,
                close.start + close.text(source).trim_end().len(),
            ),
            inner: Span::new(first.next, close.start),
            body_start: close.next,
        })
}

/// The deepest run of open brackets, counted naively (brackets in strings
/// count too), which only ever overestimates.
fn max_nesting(text: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0;
    for b in text.bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn reads_as_metadata(value: &Value) -> bool {
    let Value::Map(map) = value else {
        return false;
    };
    if map.is_empty() || !map.iter().all(|(k, _)| is_identifier(k)) {
        return false;
    }
    match map.as_slice() {
        [(key, Value::Str(s))] => {
            OWN_KEYS.contains(&key.as_str())
                || KNOWN_KEYS.contains(&key.as_str())
                || !s.trim().contains(' ')
        }
        _ => true,
    }
}

/// True when every unindented line of `inner` sets a lowercase key and one
/// of them is postlint's or a scheduler's.
fn names_known_keys(inner: &str) -> bool {
    let mut known = false;
    for line in inner.lines() {
        if line.trim().is_empty() || line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, _)) = line.split_once(':') else {
            return false;
        };
        if !is_identifier(key) {
            return false;
        }
        known |= OWN_KEYS.contains(&key) || KNOWN_KEYS.contains(&key);
    }
    known
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        with_snippet: false,
    }
}

fn parse_yaml(text: &str) -> Result<Value, serde_saphyr::Error> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_saphyr::from_str_with_options(text, yaml_options())
}

/// The parser's message without its own position: that position counts
/// from the fence, not the file, and the span already says where.
fn yaml_message(err: &serde_saphyr::Error) -> String {
    let text = err.to_string();
    let first = text.lines().next().unwrap_or_default().trim();
    // Drop advice meant for programmers ("set DuplicateKeyPolicy ...").
    let first = first.split(", set ").next().unwrap_or(first);
    let first = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    first.trim_end_matches(':').to_string()
}

/// A front matter value, from YAML or TOML, reduced to what postlint needs
/// to tell a right type from a wrong one.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Bool(bool),
    /// Kept as text: `audience: 8` means grade "8", not 8.0.
    Number(String),
    Str(String),
    Seq(Vec<Value>),
    Map(Vec<(String, Value)>),
    /// Dates, binary data: never right for postlint's keys.
    Other(&'static str),
}

impl Value {
    fn describe(&self) -> String {
        match self {
            Value::Null => "empty".into(),
            Value::Bool(b) => format!("`{b}`"),
            Value::Number(n) => format!("the number {n}"),
            Value::Str(s) => format!("the text \"{s}\""),
            Value::Seq(_) => "a list".into(),
            Value::Map(_) => "a mapping".into(),
            Value::Other(what) => (*what).into(),
        }
    }

    fn key_text(self) -> String {
        match self {
            Value::Str(s) | Value::Number(s) => s,
            Value::Bool(b) => b.to_string(),
            _ => String::new(),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_char<E>(self, v: char) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<Value, E> {
        Ok(Value::Other("binary data"))
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Value>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Value>()? {
            let value = map.next_value::<Value>()?;
            entries.push((key.key_text(), value));
        }
        Ok(Value::Map(entries))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Value, A::Error> {
        Err(de::Error::custom("tagged values are not supported"))
    }
}

fn toml_value(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::Str(s),
        toml::Value::Integer(i) => Value::Number(i.to_string()),
        toml::Value::Float(f) => Value::Number(f.to_string()),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(_) => Value::Other("a date"),
        toml::Value::Array(items) => Value::Seq(items.into_iter().map(toml_value).collect()),
        toml::Value::Table(table) => Value::Map(toml_map(table)),
    }
}

fn toml_map(table: toml::Table) -> Vec<(String, Value)> {
    table.into_iter().map(|(k, v)| (k, toml_value(v))).collect()
}

/// Reads postlint's keys out of a parsed mapping, turning wrong types into
/// problems that point at the key's line.
struct Reader<'a> {
    source: &'a str,
    fence: Fence,
    problems: Vec<Problem>,
    /// The line of each top-level key, indexed on first use: one pass
    /// however many keys are looked up.
    top_keys: Option<std::collections::HashMap<String, Span>>,
}

/// How to show an example setting in the file's own format.
fn setting(format: Format, key: &str, yaml: &str, toml: &str) -> String {
    match format {
        Format::Yaml => format!("`{key}: {yaml}`"),
        Format::Toml => format!("`{key} = {toml}`"),
    }
}

impl Reader<'_> {
    fn finish(self, front_matter: FrontMatter) -> Detected {
        Detected {
            front_matter,
            span: self.fence.span,
            body_start: self.fence.body_start,
            problems: self.problems,
        }
    }

    fn problem(&mut self, span: Span, message: String, help: Option<String>) {
        self.problems.push(Problem {
            span: Some(span),
            message,
            help,
        });
    }

    fn inner_lines(&self) -> impl Iterator<Item = Line> + '_ {
        lines(self.source, self.fence.inner)
    }

    /// The 1-based `line` of the front matter's inside, trimmed.
    fn nth_line(&self, line: usize) -> Option<Span> {
        let found = self.inner_lines().nth(line.checked_sub(1)?)?;
        Some(found.trimmed(self.source))
    }

    fn line_at(&self, offset: usize) -> Option<Span> {
        self.inner_lines()
            .find(|l| l.start <= offset && offset <= l.end)
            .map(|l| l.trimmed(self.source))
    }

    /// The line that sets `path` (`["postlint", "disable"]`), else the line
    /// of its parent, else the whole front matter.
    fn key_span(&self, path: &[&str]) -> Span {
        let format = self.fence.format;
        let all: Vec<Line> = self.inner_lines().collect();
        let Some(top) = path.first() else {
            return self.fence.span;
        };
        let mut in_table = false;
        let parent = all.iter().position(|l| {
            let text = l.text(self.source);
            if format == Format::Toml && text.trim_start().starts_with('[') {
                let header = text.trim();
                let found = header == format!("[{top}]") || header.starts_with(&format!("[{top}."));
                in_table = true;
                return found;
            }
            !in_table && sets_key(text, top, format)
        });
        let Some(parent) = parent else {
            return self.fence.span;
        };
        if let Some(sub) = path.get(1) {
            for line in &all[parent + 1..] {
                let text = line.text(self.source);
                let ends_section = match format {
                    Format::Yaml => text.starts_with(|c: char| !c.is_whitespace() && c != '#'),
                    Format::Toml => text.trim_start().starts_with('['),
                };
                if ends_section {
                    break;
                }
                if sets_key(text.trim_start(), sub, format) {
                    return line.trimmed(self.source);
                }
            }
        }
        all[parent].trimmed(self.source)
    }

    /// The line that sets the top-level `key` (else the whole front matter).
    fn top_key_span(&mut self, key: &str) -> Span {
        if self.top_keys.is_none() {
            let mut index = std::collections::HashMap::new();
            for line in lines(self.source, self.fence.inner) {
                let text = line.text(self.source);
                if self.fence.format == Format::Toml && text.trim_start().starts_with('[') {
                    break;
                }
                if text.starts_with([' ', '\t', '#', '-']) {
                    continue;
                }
                let sep = if self.fence.format == Format::Yaml {
                    ':'
                } else {
                    '='
                };
                if let Some((k, _)) = text.split_once(sep) {
                    let k = k.trim().trim_matches(['"', '\'']);
                    index
                        .entry(k.to_owned())
                        .or_insert_with(|| line.trimmed(self.source));
                }
            }
            self.top_keys = Some(index);
        }
        self.top_keys
            .as_ref()
            .and_then(|i| i.get(key))
            .copied()
            .unwrap_or(self.fence.span)
    }

    fn wrong_type(&mut self, path: &[&str], found: &Value, expected: &str, help: String) {
        let span = self.key_span(path);
        let key = path.join(".");
        self.problem(
            span,
            format!(
                "front matter `{key}` should be {expected}, but it is {}",
                found.describe()
            ),
            Some(help),
        );
    }

    fn extract(&mut self, map: Vec<(String, Value)>) -> FrontMatter {
        let format = self.fence.format;
        let mut fm = FrontMatter::default();
        let mut extras = Vec::new();
        for (key, value) in map {
            match key.as_str() {
                "channel" => {
                    fm.channel = self.text(&["channel"], value, "one channel name", false, || {
                        format!(
                            "write {}, or {} for several",
                            setting(format, "channel", "x", "\"x\""),
                            setting(format, "channels", "[x, linkedin]", "[\"x\", \"linkedin\"]")
                        )
                    })
                }
                "channels" => {
                    fm.channels = self
                        .names(&["channels"], value, "channel names", || {
                            format!(
                                "write {}",
                                setting(
                                    format,
                                    "channels",
                                    "[x, linkedin]",
                                    "[\"x\", \"linkedin\"]"
                                )
                            )
                        })
                        .unwrap_or_default()
                }
                "audience" => fm.audience =
                    self.text(&["audience"], value, "a level or a grade", true, || {
                        format!(
                            "write `general`, `professional`, `expert` or a reading grade, e.g. {}",
                            setting(format, "audience", "general", "\"general\"")
                        )
                    }),
                "campaign" => {
                    fm.campaign = self.text(&["campaign"], value, "a campaign name", true, || {
                        format!(
                            "write the campaign's name, e.g. {}",
                            setting(format, "campaign", "spring-launch", "\"spring-launch\"")
                        )
                    })
                }
                "goal" => {
                    fm.goal = self.text(&["goal"], value, "a goal", false, || {
                        format!(
                            "write `awareness`, `engagement` or `conversion`, e.g. {}",
                            setting(format, "goal", "conversion", "\"conversion\"")
                        )
                    })
                }
                "tone" => {
                    fm.tone = self.text(&["tone"], value, "a tone", false, || {
                        format!(
                            "write `normal` or `crisis`, e.g. {}",
                            setting(format, "tone", "crisis", "\"crisis\"")
                        )
                    })
                }
                "sponsored" => fm.sponsored = self.flag(&["sponsored"], value),
                "lang" => {
                    fm.lang = self.text(&["lang"], value, "a language tag", false, || {
                        format!(
                            "write a language tag, e.g. {}",
                            setting(format, "lang", "en", "\"en\"")
                        )
                    })
                }
                "checklists" => {
                    fm.checklists = self.names(&["checklists"], value, "checklist names", || {
                        format!(
                            "write {}",
                            setting(
                                format,
                                "checklists",
                                "[readable, correct]",
                                "[\"readable\", \"correct\"]"
                            )
                        )
                    })
                }
                "postlint" => (fm.disable, fm.allow) = self.postlint_table(value),
                "retweet" | "repost" | "boost" => {
                    fm.reposts = matches!(&value, Value::Str(s) if !s.trim().is_empty())
                }
                "media" | "images" => self.media(&key, value, &mut fm),
                "poll" => {
                    if let Value::Seq(items) = value {
                        let spans = self.item_spans(&key, items.len());
                        fm.poll = items
                            .into_iter()
                            .zip(spans)
                            .filter_map(|(v, span)| {
                                let text = match v {
                                    Value::Str(text) | Value::Number(text) => text,
                                    // YAML 1.1 reads `- Yes` and `- No` as
                                    // booleans: take the option as written.
                                    Value::Bool(_) => self.source[span.range()]
                                        .trim_start_matches('-')
                                        .trim()
                                        .to_owned(),
                                    _ => return None,
                                };
                                Some(Item {
                                    key: key.clone(),
                                    text,
                                    span,
                                })
                            })
                            .collect();
                    }
                }
                "mentions" | "hashtags" => {
                    if let Value::Map(per_target) = value {
                        extras.push((key == "hashtags", per_target));
                    }
                }
                _ => {
                    if let Value::Str(text) = value {
                        let span = self.top_key_span(&key);
                        fm.fields.push(Item { key, text, span });
                    }
                }
            }
        }
        fm.appended = appended(&fm.targets, extras);
        fm
    }

    /// `media`: images (maps with `file` and `alt`) for twitter-together,
    /// or account names for galaxy-social; `images`: galaxy-social's
    /// images (`url`, `alt_text`).
    fn media(&mut self, key: &str, value: Value, fm: &mut FrontMatter) {
        let items = match value {
            Value::Seq(items) => items,
            Value::Null => return,
            one => vec![one],
        };
        let spans = self.item_spans(key, items.len());
        for (item, span) in items.into_iter().zip(spans) {
            match item {
                Value::Map(entries) => {
                    let alt = entries
                        .into_iter()
                        .find(|(k, _)| k == "alt" || k == "alt_text")
                        .and_then(|(_, v)| match v {
                            Value::Str(s) if !s.trim().is_empty() => Some(s),
                            _ => None,
                        });
                    fm.media.push(MediaItem { alt, span });
                }
                Value::Str(name) if key == "media" && is_identifier(&name.to_ascii_lowercase()) => {
                    fm.targets.push(name.to_ascii_lowercase());
                }
                Value::Str(_) => fm.media.push(MediaItem { alt: None, span }),
                _ => {}
            }
        }
    }

    /// The line of each of the `count` items of the list under `key`: its
    /// `- ` lines in block style, else the key's line (flow style, TOML).
    fn item_spans(&self, key: &str, count: usize) -> Vec<Span> {
        let at_key = self.key_span(&[key]);
        let mut spans = Vec::with_capacity(count);
        if self.fence.format == Format::Yaml {
            let mut indent = None;
            for line in self.inner_lines().filter(|l| l.start >= at_key.end) {
                let text = line.text(self.source);
                let trimmed = text.trim_start();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    continue;
                }
                let depth = text.len() - trimmed.len();
                if !trimmed.starts_with("- ") && trimmed != "-" {
                    if depth == 0 {
                        break;
                    }
                    continue;
                }
                if *indent.get_or_insert(depth) == depth {
                    spans.push(line.trimmed(self.source));
                }
            }
        }
        spans.resize(count.max(spans.len()), at_key);
        spans.truncate(count);
        spans
    }

    /// A single string. `numbers` accepts `8` for `"8"`, which is how people
    /// write grades and campaign numbers.
    fn text(
        &mut self,
        path: &[&str],
        value: Value,
        expected: &str,
        numbers: bool,
        help: impl FnOnce() -> String,
    ) -> Option<String> {
        match value {
            Value::Null => None,
            Value::Str(s) => Some(s.trim().to_string()),
            Value::Number(n) if numbers => Some(n),
            Value::Bool(b) if self.fence.format == Format::Yaml => {
                self.wrong_type(
                    path,
                    &Value::Bool(b),
                    expected,
                    "YAML reads `yes`, `no`, `on` and `off` as true/false: put the value in quotes"
                        .into(),
                );
                None
            }
            other => {
                self.wrong_type(path, &other, expected, help());
                None
            }
        }
    }

    /// A list of names; a single name is a list of one.
    fn names(
        &mut self,
        path: &[&str],
        value: Value,
        what: &str,
        help: impl FnOnce() -> String,
    ) -> Option<Vec<String>> {
        match value {
            Value::Null => None,
            Value::Str(s) => Some(vec![s.trim().to_string()]),
            Value::Seq(items) => {
                let mut names = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::Str(s) => names.push(s.trim().to_string()),
                        other => {
                            let expected = format!("a list of {what}");
                            self.wrong_type(
                                path,
                                &other,
                                &expected,
                                format!("every item must be text; {}", help()),
                            );
                            return None;
                        }
                    }
                }
                Some(names)
            }
            other => {
                self.wrong_type(path, &other, &format!("a list of {what}"), help());
                None
            }
        }
    }

    fn flag(&mut self, path: &[&str], value: Value) -> Option<bool> {
        match value {
            Value::Null => None,
            Value::Bool(b) => Some(b),
            other => {
                let format = self.fence.format;
                self.wrong_type(
                    path,
                    &other,
                    "true or false",
                    format!(
                        "write {} or {}, without quotes",
                        setting(format, "sponsored", "true", "true"),
                        setting(format, "sponsored", "false", "false")
                    ),
                );
                None
            }
        }
    }

    /// Nobody else owns the `postlint` table, so an unknown key in it is a
    /// typo worth reporting.
    fn postlint_table(&mut self, value: Value) -> (Vec<String>, Vec<Allow>) {
        let format = self.fence.format;
        let example = || match format {
            Format::Yaml => "write `postlint: { disable: [readable.sentence-length] }`".to_string(),
            Format::Toml => {
                "write `[postlint]` then `disable = [\"readable.sentence-length\"]`".to_string()
            }
        };
        let map = match value {
            Value::Null => return (Vec::new(), Vec::new()),
            Value::Map(map) => map,
            other => {
                self.wrong_type(&["postlint"], &other, "a mapping", example());
                return (Vec::new(), Vec::new());
            }
        };
        let mut disable = Vec::new();
        let mut allow = Vec::new();
        for (key, value) in map {
            if key == "disable" {
                disable = self
                    .names(&["postlint", "disable"], value, "rule ids", example)
                    .unwrap_or_default();
            } else if key == "allow" {
                allow = self.allow(value);
            } else {
                let span = self.key_span(&["postlint", &key]);
                self.problem(
                    span,
                    format!("unknown front matter key `postlint.{key}`"),
                    Some(format!(
                        "postlint front matter knows `disable` and `allow`; {}",
                        example()
                    )),
                );
            }
        }
        (disable, allow)
    }

    /// `allow: [{ rule: ID, text: "..." }, ...]`.
    fn allow(&mut self, value: Value) -> Vec<Allow> {
        let format = self.fence.format;
        let help = || {
            match format {
            Format::Yaml => {
                "write `postlint: { allow: [{ rule: strategy.shouting, text: \"NASA\" }] }`"
                    .to_owned()
            }
            Format::Toml => "write `[[postlint.allow]]` then `rule = \"strategy.shouting\"` and `text = \"NASA\"`".to_owned(),
        }
        };
        let items = match value {
            Value::Null => return Vec::new(),
            Value::Seq(items) => items,
            one @ Value::Map(_) => vec![one],
            other => {
                let help = help();
                self.wrong_type(
                    &["postlint", "allow"],
                    &other,
                    "a list of { rule, text }",
                    help,
                );
                return Vec::new();
            }
        };
        let spans = self.allow_spans(items.len());
        let mut allow = Vec::with_capacity(items.len());
        for (item, span) in items.into_iter().zip(spans) {
            let text_of = |v: &Value| match v {
                Value::Str(s) | Value::Number(s) if !s.trim().is_empty() => {
                    Some(s.trim().to_owned())
                }
                _ => None,
            };
            let entry = match &item {
                Value::Map(entries) => {
                    let get = |k: &str| {
                        entries
                            .iter()
                            .find(|(key, _)| key == k)
                            .and_then(|(_, v)| text_of(v))
                    };
                    let unknown = entries.iter().find(|(k, _)| k != "rule" && k != "text");
                    match (get("rule"), get("text"), unknown) {
                        (Some(rule), Some(text), None) => Some(Allow { rule, text, span }),
                        _ => None,
                    }
                }
                _ => None,
            };
            match entry {
                Some(entry) => allow.push(entry),
                None => {
                    let help = help();
                    self.problem(
                        span,
                        "each `postlint.allow` entry needs `rule` and `text` (and nothing else)"
                            .to_owned(),
                        Some(help),
                    );
                }
            }
        }
        allow
    }

    /// The line of each `allow` entry: block-style `- ` lines under
    /// `allow:`, else the `allow` key's line.
    fn allow_spans(&self, count: usize) -> Vec<Span> {
        let key = self.key_span(&["postlint", "allow"]);
        let mut spans: Vec<Span> = self
            .inner_lines()
            .filter(|l| l.start > key.end)
            .map(|l| l.trimmed(self.source))
            .take_while(|l| {
                let t = &self.source[l.range()];
                t.is_empty()
                    || t.starts_with('-')
                    || !t.contains(':')
                    || t.starts_with("rule")
                    || t.starts_with("text")
            })
            .filter(|l| self.source[l.range()].starts_with('-'))
            .take(count)
            .collect();
        spans.resize(count, key);
        spans
    }
}

/// What galaxy-social appends to a post for each of its accounts: a blank
/// line, then the account's mentions (`@a @b`) on one line and its
/// hashtags (`#a #b`) on the next (its plugins' `format_content`).
fn appended(
    targets: &[String],
    extras: Vec<(bool, Vec<(String, Value)>)>,
) -> Vec<(String, String)> {
    let words = |hashtags: bool, target: &str| -> String {
        let sign = if hashtags { '#' } else { '@' };
        extras
            .iter()
            .filter(|(h, _)| *h == hashtags)
            .flat_map(|(_, map)| map.iter())
            .filter(|(t, _)| t.eq_ignore_ascii_case(target))
            .flat_map(|(_, v)| match v {
                Value::Seq(items) => items.clone(),
                other => vec![other.clone()],
            })
            .filter_map(|v| match v {
                Value::Str(s) | Value::Number(s) => Some(format!("{sign}{s}")),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    targets
        .iter()
        .filter_map(|target| {
            let (mentions, hashtags) = (words(false, target), words(true, target));
            if mentions.is_empty() && hashtags.is_empty() {
                return None;
            }
            let mut text = String::from("\n");
            for line in [mentions, hashtags] {
                if !line.is_empty() {
                    text.push('\n');
                    text.push_str(&line);
                }
            }
            Some((target.clone(), text))
        })
        .collect()
}

/// True when `line` starts by setting `key` (bare or quoted).
fn sets_key(line: &str, key: &str, format: Format) -> bool {
    let rest = [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
        .iter()
        .find_map(|k| line.strip_prefix(k.as_str()))
        .map(|rest| rest.trim_start_matches([' ', '\t']));
    match (rest, format) {
        (Some(rest), Format::Yaml) => rest.starts_with(':'),
        (Some(rest), Format::Toml) => rest.starts_with('=') || rest.starts_with('.'),
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `detect` finds: the front matter, the text of its span, the body
    /// and each problem as (text under the span, message).
    /// (settings, front matter text, body text, problems as (text, message)).
    type Found<'a> = (FrontMatter, &'a str, &'a str, Vec<(&'a str, String)>);

    fn detect_md(source: &str) -> Option<Found<'_>> {
        detect_with(source, Syntax::Markdown)
    }

    fn detect_with(source: &str, syntax: Syntax) -> Option<Found<'_>> {
        let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let d = detect(source, start, syntax)?;
        let problems = d
            .problems
            .iter()
            .map(|p| (p.span.map_or("", |s| s.text(source)), p.message.clone()))
            .collect();
        Some((
            d.front_matter,
            d.span.text(source),
            &source[d.body_start..],
            problems,
        ))
    }

    /// Checks the settings read from valid front matter (no problems).
    fn check(source: &str, expected: FrontMatter) {
        let (fm, _, _, problems) = detect_md(source).expect("front matter");
        assert_eq!(problems, vec![], "{source:?}");
        assert_eq!(fm, expected, "{source:?}");
    }

    /// Checks that the front matter gives exactly one problem on `line`
    /// whose message contains `needle`.
    fn check_problem(source: &str, line: &str, needle: &str) {
        let (_, _, _, problems) = detect_md(source).expect("front matter");
        assert_eq!(problems.len(), 1, "{source:?}: {problems:?}");
        assert_eq!(problems[0].0, line, "{source:?}: {problems:?}");
        assert!(
            problems[0].1.contains(needle),
            "{source:?}: {:?} lacks {needle:?}",
            problems[0].1
        );
    }

    fn s(v: &str) -> String {
        v.to_string()
    }

    #[test]
    fn yaml_keys() {
        check(
            "---\nchannel: x\n---\nhi",
            FrontMatter {
                channel: Some(s("x")),
                ..Default::default()
            },
        );
        check(
            "---\nchannels: [x, linkedin]\naudience: expert\ncampaign: spring\nsponsored: true\nlang: en\nchecklists: [readable]\npostlint: { disable: [readable.sentence-length] }\n---\n",
            FrontMatter {
                channel: None,
                channels: vec![s("x"), s("linkedin")],
                audience: Some(s("expert")),
                campaign: Some(s("spring")),
                sponsored: Some(true),
                lang: Some(s("en")),
                checklists: Some(vec![s("readable")]),
                disable: vec![s("readable.sentence-length")],
                ..Default::default()
            },
        );
        check(
            "---\nchannels: mastodon\n---\n",
            FrontMatter {
                channels: vec![s("mastodon")],
                ..Default::default()
            },
        );
        check(
            "---\naudience: 8\ncampaign: 2024\n---\n",
            FrontMatter {
                audience: Some(s("8")),
                campaign: Some(s("2024")),
                ..Default::default()
            },
        );
        check(
            "---\npostlint:\n  disable:\n    - a.b\n    - c.d\n---\n",
            FrontMatter {
                disable: vec![s("a.b"), s("c.d")],
                ..Default::default()
            },
        );
        check(
            "---\nchannel:\ncampaign: ~\nchecklists: []\n---\n",
            FrontMatter {
                checklists: Some(vec![]),
                ..Default::default()
            },
        );
        check("---\n---\nbody", FrontMatter::default());
        check("---\n# only a comment\n---\n", FrontMatter::default());
        check("---\n...\n", FrontMatter::default());
        check(
            "---\nsponsored: yes\n...\n",
            FrontMatter {
                sponsored: Some(true),
                ..Default::default()
            },
        );
    }

    #[test]
    fn unknown_keys_are_left_alone() {
        let source = "---\ntitle: \"Hello: world\"\ntags: [a, b]\nextra: { x: [1, {y: 2}] }\nchannel: blog\n---\n";
        check(
            source,
            FrontMatter {
                channel: Some(s("blog")),
                // Kept for the channels whose profiles read a `title`.
                fields: vec![Item {
                    key: s("title"),
                    text: s("Hello: world"),
                    span: Span::new(4, 25),
                }],
                ..Default::default()
            },
        );
        check(
            "+++\ntitle = \"x\"\ndate = 2024-01-01\n[extra]\nchannel = 3\n+++\n",
            FrontMatter {
                fields: vec![Item {
                    key: s("title"),
                    text: s("x"),
                    span: Span::new(4, 15),
                }],
                ..Default::default()
            },
        );
    }

    #[test]
    fn scheduler_keys_with_the_lines_they_are_on() {
        let source = "---\nretweet: https://x.com/a/status/1\nmedia:\n  - file: a.jpg\n    alt: A\n  - file: b.jpg\npoll:\n  - Red\n  - No\nreply: https://x.com/b\n---\n";
        let (fm, _, _, problems) = detect_md(source).expect("front matter");
        assert!(problems.is_empty());
        assert!(fm.reposts && fm.stands_without_text());
        let line = |span: Span| &source[span.range()];
        let media: Vec<_> = fm
            .media
            .iter()
            .map(|m| (m.alt.as_deref(), line(m.span)))
            .collect();
        assert_eq!(
            media,
            [(Some("A"), "- file: a.jpg"), (None, "- file: b.jpg")]
        );
        let poll: Vec<_> = fm
            .poll
            .iter()
            .map(|p| (p.text.as_str(), line(p.span)))
            .collect();
        assert_eq!(poll, [("Red", "- Red"), ("No", "- No")], "`No` as written");
        assert_eq!(fm.fields[0].key, "reply", "unknown keys kept as fields");
    }

    #[test]
    fn galaxy_social_accounts_and_appended_text() {
        let source = "---\nmedia:\n - bluesky-galaxyproject\n - mastodon-eu-freiburg\n - Matrix-EU-announce\nmentions:\n  bluesky-galaxyproject:\n    - galaxyproject.bsky.social\nhashtags:\n  bluesky-galaxyproject: [UseGalaxy, EOSC]\n  mastodon-eu-freiburg:\n    - UseGalaxy\nimages:\n  - url: https://example.com/a.png\n    alt_text: A plot\n  - url: https://example.com/b.png\n---\nText\n";
        let (fm, _, _, problems) = detect_md(source).expect("front matter");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            fm.targets,
            [
                "bluesky-galaxyproject",
                "mastodon-eu-freiburg",
                "matrix-eu-announce"
            ]
        );
        assert_eq!(
            fm.appended_for("bluesky"),
            Some("\n\n@galaxyproject.bsky.social\n#UseGalaxy #EOSC")
        );
        assert_eq!(fm.appended_for("mastodon"), Some("\n\n#UseGalaxy"));
        assert_eq!(fm.appended_for("matrix"), None);
        let alts: Vec<_> = fm.media.iter().map(|m| m.alt.as_deref()).collect();
        assert_eq!(alts, [Some("A plot"), None]);
        assert!(fm.stands_without_text(), "images make a post");
    }

    #[test]
    fn toml_keys() {
        check(
            "+++\nchannel = \"newsletter\"\nsponsored = false\naudience = 9\nchannels = [\"x\"]\n[postlint]\ndisable = [\"a.b\"]\n+++\nbody",
            FrontMatter {
                channel: Some(s("newsletter")),
                channels: vec![s("x")],
                audience: Some(s("9")),
                sponsored: Some(false),
                disable: vec![s("a.b")],
                ..Default::default()
            },
        );
        check(
            "+++\npostlint.disable = [\"a\"]\n+++\n",
            FrontMatter {
                disable: vec![s("a")],
                ..Default::default()
            },
        );
        check("+++\n+++\n", FrontMatter::default());
    }

    #[test]
    fn spans_and_body() {
        let (_, span, body, _) = detect_md("---\nchannel: x\n---\nbody\n").expect("fm");
        assert_eq!(span, "---\nchannel: x\n---");
        assert_eq!(body, "body\n");
        let (_, span, body, _) = detect_md("---  \r\nchannel: x\r\n--- \r\nbody").expect("fm");
        assert_eq!(span, "---  \r\nchannel: x\r\n---");
        assert_eq!(body, "body");
        let (fm, span, body, _) = detect_md("\u{feff}---\r\nlang: fr\r\n---").expect("fm");
        assert_eq!(fm.lang.as_deref(), Some("fr"));
        assert_eq!(span, "---\r\nlang: fr\r\n---");
        assert_eq!(body, "");
        let (_, span, _, _) = detect_md("+++\r\nlang = \"fr\"\r\n+++\r\nx").expect("fm");
        assert_eq!(span, "+++\r\nlang = \"fr\"\r\n+++");
    }

    #[test]
    fn no_front_matter() {
        for source in [
            "",
            "hello",
            "---",
            "---\n",
            "---\nchannel: x\n",
            "+++",
            "+++\nchannel = \"x\"",
            " ---\nchannel: x\n---\n",
            "----\nchannel: x\n----\n",
            "text\n---\nchannel: x\n---\n",
            "---\nchannel: x\n+++\n",
            "+++\nchannel = \"x\"\n---\n",
        ] {
            assert!(detect_md(source).is_none(), "{source:?}");
        }
    }

    #[test]
    fn wrong_types() {
        check_problem(
            "---\nchannel: [1, 2]\n---\n",
            "channel: [1, 2]",
            "`channel`",
        );
        check_problem("---\nchannel: 3\n---\n", "channel: 3", "number 3");
        check_problem(
            "---\nsponsored: \"yes\"\n---\n",
            "sponsored: \"yes\"",
            "true or false",
        );
        check_problem("---\nlang: no\n---\n", "lang: no", "`false`");
        check_problem("---\nchannels: [x, 3]\n---\n", "channels: [x, 3]", "list");
        check_problem(
            "---\nchannels: {a: b}\n---\n",
            "channels: {a: b}",
            "mapping",
        );
        check_problem("---\npostlint: [a]\n---\n", "postlint: [a]", "mapping");
        check_problem(
            "---\ntitle: t\npostlint:\n  disable: 3\n---\n",
            "disable: 3",
            "rule ids",
        );
        check_problem(
            "---\npostlint:\n  disabel: [a]\n---\n",
            "disabel: [a]",
            "postlint.disabel",
        );
        check_problem(
            "---\n\"channel\": [x]\n---\n",
            "\"channel\": [x]",
            "`channel`",
        );
        check_problem("+++\nchannel = 3\n+++\n", "channel = 3", "number 3");
        check_problem(
            "+++\ncampaign = 2024-01-01\n+++\n",
            "campaign = 2024-01-01",
            "date",
        );
        check_problem(
            "+++\n[postlint]\ndisable = \"a\"\nother = 1\n+++\n",
            "other = 1",
            "postlint.other",
        );
        check_problem(
            "+++\ntitle = \"x\"\n\n[postlint]\ndisable = [1]\n+++\n",
            "disable = [1]",
            "rule ids",
        );
    }

    #[test]
    fn wrong_type_keeps_other_keys() {
        let (fm, _, body, problems) =
            detect_md("---\nchannel: x\nsponsored: maybe\nlang: de\n---\nbody").expect("fm");
        assert_eq!(fm.channel.as_deref(), Some("x"));
        assert_eq!(fm.lang.as_deref(), Some("de"));
        assert_eq!(fm.sponsored, None);
        assert_eq!(body, "body");
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn broken_front_matter_is_a_problem_in_markdown() {
        check_problem(
            "---\ntitle: x\nchannel: [x\n---\nbody",
            "channel: [x",
            "YAML",
        );
        check_problem("---\na: 1\na: 2\n---\n", "a: 2", "YAML");
        check_problem("---\njust text\n---\n", "---\njust text\n---", "text");
        check_problem("---\n- a\n- b\n---\n", "---\n- a\n- b\n---", "list");
        check_problem("+++\ntitle = \nlang = \"en\"\n+++\n", "title =", "TOML");
        check_problem("+++\nnot toml at all\n+++\n", "not toml at all", "TOML");
        let deep = format!("---\nx: {}{}\n---\n", "[".repeat(5000), "]".repeat(5000));
        let (_, _, body, problems) = detect_md(&deep).expect("fm");
        assert_eq!(body, "");
        assert!(problems[0].1.contains("nested"));
        let deep = format!("+++\nx = {}\n+++\n", "[".repeat(100_000));
        assert_eq!(detect_md(&deep).expect("fm").3.len(), 1);
    }

    #[test]
    fn problems_point_into_the_original_file() {
        let source = "\u{feff}---\r\ntitle: \"🚀 launch\"\r\nchannel:\t[1]\r\n---\r\nbody";
        let (_, _, _, problems) = detect_md(source).expect("fm");
        assert_eq!(problems[0].0, "channel:\t[1]");
        let source = "\u{feff}---\r\ntitle: \"🚀\"\r\n  bad: indent\r\n---\r\n";
        let (_, _, _, problems) = detect_md(source).expect("fm");
        assert!(problems[0].1.contains("YAML"), "{problems:?}");
        assert!(!problems[0].1.contains("line"), "{problems:?}");
    }

    #[test]
    fn an_opening_fence_with_no_closing_one_is_reported_on_line_1() {
        for (source, fence) in [
            ("---\nchannel: x\nHello", "---"),
            ("+++\ntitle = 'a'\n", "+++"),
        ] {
            let p = unclosed(source, 0).expect(source);
            assert_eq!(p.span.map(|s| s.text(source)), Some(fence));
            assert!(p.message.contains(fence), "{}", p.message);
        }
        for closed in ["---\nchannel: x\n---\nHello", "Hello\n---\n", "--- \n..."] {
            assert!(unclosed(closed, 0).is_none(), "{closed:?}");
        }
        assert!(
            unclosed("---\na: b\n...\nbody", 0).is_none(),
            "`...` closes YAML too"
        );
    }

    /// Plain text: a leading `---` block is front matter only when it reads
    /// as metadata; otherwise it is a post.
    #[test]
    fn plain_front_matter_rule() {
        let yes = [
            "---\nchannel: x\n---\nhi",
            "---\npoll:\n  - Red\n  - Blue\n---\n\nWhat is your favourite colour?",
            "---\nreply: https://twitter.com/x/status/1\n---\n\nYou forgot orange!",
            "---\nmedia:\n  - file: cat.jpg\n    alt: A cat\n---\nCute",
            "---\ncampaign: spring launch\n---\nhi",
            "---\ntitle: Hello world\ndate: 2024-01-01\n---\nhi",
            "+++\nchannel = \"x\"\n+++\nhi",
        ];
        for source in yes {
            assert!(detect_with(source, Syntax::Plain).is_some(), "{source:?}");
        }
        let no = [
            "---\nFirst post\n---\nSecond post",
            "---\nBreaking: we launched\n---\nmore",
            "---\npsa: the site is down for maintenance\n---\nback soon",
            "---\nQ: why?\nA: because\n---\n",
            "---\ntl;dr: read it\n---\n",
            "---\n- a list\n---\n",
            "---\n---\nhello",
            "---\npsa: down: all of it\n---\n",
            "---\nchannel: x\n",
        ];
        for source in no {
            assert!(detect_with(source, Syntax::Plain).is_none(), "{source:?}");
        }
        let (_, _, _, problems) =
            detect_with("---\nchannel: 3\n---\nhi", Syntax::Plain).expect("front matter");
        assert_eq!(problems.len(), 1);
        // Keys postlint or a scheduler reads, in YAML that does not parse:
        // settings someone meant, so a problem, not text.
        for broken in [
            "---\nchannel: [x\n---\n",
            "---\ncw: Long read: our outage\n---\nText",
        ] {
            let (_, _, _, problems) = detect_with(broken, Syntax::Plain).expect("front matter");
            assert_eq!(problems.len(), 1, "{broken:?}");
            assert!(problems[0].1.contains("not valid YAML"), "{problems:?}");
        }
    }

    /// Front matter stitched from awkward pieces: problems must point
    /// inside the front matter, on char boundaries, and never panic.
    #[test]
    fn stitched_front_matter_keeps_invariants() {
        let pieces = [
            "channel",
            "channels",
            "sponsored",
            "lang",
            "postlint",
            "disable",
            "title",
            ": ",
            " = ",
            "[",
            "]",
            "{",
            "}",
            ", ",
            "\n",
            "\r\n",
            "  ",
            "\t",
            "- ",
            "\"",
            "'",
            "&a ",
            "*a",
            "!tag ",
            "yes",
            "no",
            "3",
            "1.5",
            "2024-01-01",
            "# c",
            "é",
            "🚀",
            "~",
            "[postlint]",
            "x",
            "...",
            "\u{feff}",
            "\0",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for i in 0..4000 {
            let (open, close) = if i % 2 == 0 {
                ("---", "---")
            } else {
                ("+++", "+++")
            };
            let mut source = format!("{open}\n");
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(seed >> 60) + 1 {
                for _ in 0..4 {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    source.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
                source.push('\n');
            }
            source.push_str(close);
            source.push_str("\nbody");
            for syntax in [Syntax::Markdown, Syntax::Plain] {
                let doc = crate::input::document::parse(&source, syntax);
                assert!(source.get(doc.body.range()).is_some());
                for problem in &doc.problems {
                    let fm = doc.front_matter_span.expect("problems need front matter");
                    let span = problem.span.expect("front matter problems are located");
                    assert!(fm.contains(span), "{source:?}: {problem:?}");
                    assert!(source.get(span.range()).is_some());
                }
            }
        }
    }

    #[test]
    fn garbage_never_panics() {
        for source in [
            "---\n\0\u{1}\u{2}\n---\n",
            "---\n: : :\n---\n",
            "---\n&a [*a]\n---\n",
            "---\n!!binary aGk=\n---\n",
            "---\nchannel: !custom x\n---\n",
            "---\nx: *nope\n---\n",
            "---\n\t- tab\n---\n",
            "+++\n\u{feff}a = 1\n+++\n",
            "+++\n[[[[\n+++\n",
            "---\n\"\n---\n",
            "---\n{\n---\n",
            "---\n\u{FFFD}\u{FFFD}: \u{0}\n---\n",
        ] {
            let _ = detect_md(source);
            let _ = detect_with(source, Syntax::Plain);
        }
    }
}
