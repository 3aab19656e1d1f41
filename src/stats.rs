//! `postlint stats`: the pipeline without rules. Documents become posts
//! (channel resolved exactly as `check` resolves it), posts become numbers:
//! length as the channel counts it against each of its limits, words,
//! sentences, reading time and grades. For writers who want the numbers,
//! and for comparing counts with other tools (`--raw`).

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::engine::Engine;
use crate::input::document::{self, Document, FrontMatter, Syntax};
use crate::input::read::{read_stdin, read_text};
use crate::input::walk::Input;
use crate::profile::counted::Counted;
use crate::span::{LineIndex, Span};
use crate::text::counter::Counter;
use crate::text::entities::EntityKind;
use crate::text::lang::LangTag;
use crate::text::post::{Post, Scope};
use crate::text::segment::Segmenter;
use unicode_segmentation::UnicodeSegmentation;

/// The numbers of one file's posts. Key names are a contract (README,
/// "Stats JSON"): scripts read them.
#[derive(Debug, Serialize)]
pub struct FileStats<'e> {
    pub path: String,
    pub posts: Vec<PostStats<'e>>,
    /// `path:line:column: message`, as `check` prints them on stderr.
    #[serde(skip)]
    pub problems: Vec<String>,
}

/// Names are shared (`path`) or borrowed from the engine (`channel`), so a
/// thread of 100,000 posts does not copy them 100,000 times.
#[derive(Debug, Clone, Serialize)]
pub struct PostStats<'e> {
    pub path: Arc<str>,
    /// 1-based, as in "post 2 of 5".
    pub index: usize,
    pub count: usize,
    pub channel: &'e str,
    /// How the channel counts length (`x-weighted`, `graphemes`...).
    pub counter: &'static str,
    /// The channel's main limit: length as it counts, the limit, what is
    /// left (negative when over). `limit`/`remaining` are null when the
    /// channel sets no limit.
    pub length: usize,
    pub limit: Option<usize>,
    pub remaining: Option<i64>,
    pub characters: usize,
    pub graphemes: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub syllables: usize,
    pub hashtags: usize,
    pub mentions: usize,
    pub links: usize,
    pub emoji: usize,
    pub reading_time_seconds: u64,
    pub flesch_reading_ease: f64,
    pub flesch_kincaid_grade: f64,
    pub gunning_fog: f64,
    pub smog: f64,
    pub coleman_liau: f64,
    pub ari: f64,
    /// LIX: words per sentence + percentage of words over six letters;
    /// language-independent.
    pub lix: f64,
    pub lang: LangTag,
    /// The reading level by the language's own formula (what
    /// `readable.reading-grade` uses): `formula` names it.
    pub reading_level: f64,
    pub reading_formula: &'static str,
    /// The words and sentences the reading formulas count: prose, without
    /// headings, table cells, mentions, tag blocks (`words`/`sentences`
    /// count everything).
    pub formula_words: usize,
    pub formula_sentences: usize,
    /// Every limit the channel sets on this post's text, the main one first.
    pub limits: Vec<LimitStats<'e>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LimitStats<'e> {
    pub name: &'e str,
    pub counter: &'static str,
    pub length: usize,
    pub limit: usize,
    pub remaining: i64,
}

/// Reads one input and measures it.
/// `stdin_name`: check stdin as this file (`--stdin-filename`).
pub fn measure_input<'e>(
    engine: &'e Engine,
    input: &Input,
    stdin_name: Option<&std::path::Path>,
    raw: bool,
) -> FileStats<'e> {
    let (path, shown, text) = match input {
        Input::Stdin => (
            stdin_name,
            stdin_name.map_or_else(|| "-".to_owned(), |p| p.display().to_string()),
            read_stdin(engine.config.max_file_bytes()),
        ),
        Input::File(p) => (
            Some(p.as_path()),
            p.display().to_string(),
            read_text(p, engine.config.max_file_bytes()),
        ),
    };
    match text {
        Ok(text) => measure(engine, path, shown, &text, raw),
        Err(e) => FileStats {
            problems: vec![format!("{shown}: {e}")],
            path: shown,
            posts: Vec::new(),
        },
    }
}

/// Measures a file's text. `raw`: the whole text is one post, as written.
pub fn measure<'e>(
    engine: &'e Engine,
    path: Option<&Path>,
    shown: String,
    source: &str,
    raw: bool,
) -> FileStats<'e> {
    let syntax = path.map_or(Syntax::Plain, Syntax::from_path);
    let doc = if raw {
        // The exact text, but a byte-order mark is not text.
        let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        Document {
            source,
            syntax,
            front_matter: FrontMatter::default(),
            front_matter_span: None,
            body: Span::new(start, source.len()),
            problems: Vec::new(),
        }
    } else {
        document::parse(source, syntax)
    };
    let mut problems = doc.problems.clone();
    let settings =
        engine
            .layers
            .resolve(engine.tables(), &engine.config, path, &doc, &mut problems);
    let mut posts = Vec::new();
    let shared_path: Arc<str> = shown.as_str().into();
    for &channel_id in &settings.channels {
        let channel = engine.channels.get(channel_id);
        let reading = channel.reading(doc.syntax);
        let parts = if raw {
            vec![document::Part {
                span: doc.body,
                front_matter: None,
            }]
        } else {
            reading.parts(&doc, &engine.layers.thread_separator)
        };
        let count = parts.len();
        for (index, part) in parts.into_iter().enumerate() {
            let span = part.span;
            let post = Post::build(doc.source, span, reading, index, count);
            let lang = settings.lang_of(&post);
            let own = part
                .front_matter
                .map(|s| document::part_front_matter(doc.source, s));
            let counted = if raw {
                Counted::raw(channel, span)
            } else {
                Counted::new(channel, &post, &doc.front_matter, own.as_ref())
            };
            posts.push(post_stats(&shared_path, &post, channel, &counted, lang));
        }
    }
    let lines = LineIndex::new(source);
    let problems = problems
        .into_iter()
        .map(|p| match p.span {
            Some(s) => {
                let pos = lines.position(source, s.start);
                format!("{shown}:{}:{}: {}", pos.line, pos.column, p.message)
            }
            None => format!("{shown}: {}", p.message),
        })
        .collect();
    FileStats {
        path: shown,
        posts,
        problems,
    }
}

/// `counted`: what the platform counts, which for `length` and `limits`
/// leaves out a poll's options and adds what the publishing tool appends;
/// `characters` and the rest describe the text as written.
fn post_stats<'e>(
    path: &Arc<str>,
    post: &Post<'_>,
    channel: &'e crate::profile::channel::ChannelProfile,
    counted: &Counted<'_>,
    lang: LangTag,
) -> PostStats<'e> {
    let text = post.published();
    let measure = |name: &'e str, counter: Counter, limit: usize| {
        let length = counted.length_by(post.source, counter);
        LimitStats {
            name,
            counter: counter.name(),
            length,
            limit,
            remaining: limit as i64 - length as i64,
        }
    };
    let length = counted.length(post.source);
    let limit = channel.limits.max_length;
    let mut limits: Vec<LimitStats> = limit
        .map(|max| measure("length", channel.counter, max))
        .into_iter()
        .collect();
    limits.extend(
        channel
            .limits
            .also
            .iter()
            .map(|l| measure(&l.name, l.counter, l.max)),
    );
    let entities = |kind| post.entities.iter().filter(|e| e.kind == kind).count();
    let s = post.stats;
    let formula = crate::text::reading_level::Formula::for_lang(lang);
    let wpm = Segmenter::english().words_per_minute;
    PostStats {
        path: Arc::clone(path),
        index: post.index + 1,
        count: post.count,
        channel: &channel.id,
        counter: channel.counter.name(),
        length,
        limit,
        remaining: limit.map(|l| l as i64 - length as i64),
        characters: text.chars().count(),
        graphemes: text.graphemes(true).count(),
        words: post.words.len(),
        sentences: post.sentences.len(),
        paragraphs: post.units(Scope::Paragraph).len(),
        syllables: s.syllables,
        hashtags: entities(EntityKind::Hashtag),
        mentions: entities(EntityKind::Mention),
        // URLs readers see, plus Markdown links (an autolink is both).
        links: post.links.len()
            + post
                .entities
                .iter()
                .filter(|e| e.kind == EntityKind::Url && !post.in_link_text(e.span))
                .count(),
        emoji: post.emoji.len(),
        reading_time_seconds: (post.words.len() as f64 * 60.0 / wpm).round() as u64,
        flesch_reading_ease: round2(s.flesch_reading_ease()),
        flesch_kincaid_grade: round2(s.flesch_kincaid_grade()),
        gunning_fog: round2(s.gunning_fog()),
        smog: round2(s.smog()),
        coleman_liau: round2(s.coleman_liau()),
        ari: round2(s.ari()),
        lix: round2(s.lix()),
        lang,
        reading_level: round2(formula.value(&s, &post.text, &post.words)),
        reading_formula: &formula.name,
        formula_words: s.words,
        formula_sentences: s.sentences,
        limits,
    }
}

/// Two decimals: more would be noise from a formula, and JSON stays short.
fn round2(v: f64) -> f64 {
    if v.is_finite() {
        (v * 100.0).round() / 100.0
    } else {
        0.0
    }
}
