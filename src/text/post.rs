//! The text model of one post: what rules look at. Built once per post from
//! a parsed document; every span indexes the original file.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::input::document::{self, Block, BlockKind};
use crate::span::Span;
use crate::text::entities::{self, Entity, EntityKind};
use crate::text::readability::{TextStats, word_syllables};
use crate::text::segment::{Segmentation, Segmenter, Sentence, Word, WordKind};
use crate::text::squeeze::Squeezed;

/// How a post's body is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// As published, character for character (social channels).
    Plain,
    /// Rendered Markdown: only prose counts.
    Markdown,
}

impl Reading {
    /// The posts of `doc` read this way: a plain body is a thread split at
    /// `separator` lines (none when blank under a repost or images); a
    /// Markdown body is one post, trimmed (and none when blank: a file with
    /// front matter only is a site's index page, not an empty post).
    pub fn posts(self, doc: &document::Document<'_>, separator: &str) -> Vec<Span> {
        self.parts(doc, separator)
            .into_iter()
            .map(|p| p.span)
            .collect()
    }

    /// As [`Reading::posts`], with each thread post's own front matter.
    pub fn parts(self, doc: &document::Document<'_>, separator: &str) -> Vec<document::Part> {
        let whole = |span| document::Part {
            span,
            front_matter: None,
        };
        match self {
            // A repost or an images-only post (`retweet:`, `media:` and no
            // body) has no text to check, which is not an empty post.
            Reading::Plain
                if doc.front_matter.stands_without_text()
                    && doc.source[doc.body.range()].trim().is_empty() =>
            {
                Vec::new()
            }
            Reading::Plain => document::split_parts(doc.source, doc.body, separator),
            Reading::Markdown => {
                let text = &doc.source[doc.body.range()];
                let start = doc.body.start + (text.len() - text.trim_start().len());
                let end = doc.body.start + text.trim_end().len();
                if end > start {
                    vec![whole(Span::new(start, end))]
                } else {
                    Vec::new()
                }
            }
        }
    }
}

/// The part of a post a rule looks at, one unit at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Post,
    Paragraph,
    Sentence,
    Line,
    FirstLine,
    Heading,
    Word,
}

impl Scope {
    pub const fn as_str(self) -> &'static str {
        match self {
            Scope::Post => "post",
            Scope::Paragraph => "paragraph",
            Scope::Sentence => "sentence",
            Scope::Line => "line",
            Scope::FirstLine => "first-line",
            Scope::Heading => "heading",
            Scope::Word => "word",
        }
    }
}

pub struct Post<'a> {
    /// 0-based position in its thread, and the thread's length.
    pub index: usize,
    pub count: usize,
    /// The whole original file.
    pub source: &'a str,
    /// What readers read, at the same offsets as `source` (Markdown syntax,
    /// code and HTML blanked to spaces).
    pub text: Cow<'a, str>,
    pub span: Span,
    pub reading: Reading,
    pub blocks: Vec<Block>,
    /// Inline code spans (Markdown), each one opaque word.
    pub code: Vec<Span>,
    /// Markdown links, `[text](target)` whole (plain posts link by URL:
    /// see `entities`).
    pub links: Vec<Span>,
    /// Markdown code blocks, whole.
    pub code_blocks: Vec<Span>,
    pub entities: Vec<Entity>,
    pub emoji: Vec<Span>,
    pub words: Vec<Word>,
    pub sentences: Vec<Sentence>,
    /// Non-blank lines of the post, trimmed.
    pub lines: Vec<Span>,
    pub stats: TextStats,
    /// Syllables of each word of `words`, counted once for every rule
    /// that measures a part of the post (`readability::word_syllables`).
    pub word_syllables: Vec<u8>,
    /// A poll written as the post's last lines (plain posts only).
    pub poll: Option<BodyPoll>,
    /// "2/5"-style numbering at the start or end of the post.
    pub number: Option<ThreadNumber>,
    /// Made when a word list first asks for it.
    squeezed: OnceLock<Squeezed>,
    quotations: OnceLock<crate::text::quotes::Quotations>,
}

impl<'a> Post<'a> {
    pub fn build(
        source: &'a str,
        span: Span,
        reading: Reading,
        index: usize,
        count: usize,
    ) -> Post<'a> {
        let (text, blocks, code, links, code_blocks) = match reading {
            Reading::Plain => (
                Cow::Borrowed(source),
                document::plain_blocks(source, span),
                Vec::new(),
                Vec::new(),
                Vec::new(),
            ),
            Reading::Markdown => {
                let prose = document::markdown_prose(source, span);
                (
                    Cow::Owned(prose.text),
                    prose.blocks,
                    prose.code,
                    prose.links,
                    prose.code_blocks,
                )
            }
        };
        let body = &text[span.range()];
        let shift = |s: Span| Span::new(s.start + span.start, s.end + span.start);
        let entities: Vec<Entity> = entities::extract(body)
            .into_iter()
            .map(|e| Entity {
                kind: e.kind,
                span: shift(e.span),
            })
            .collect();
        let emoji = entities::emoji(body).into_iter().map(shift).collect();
        let mut seg = Segmenter::english().segment(
            &text,
            &blocks,
            &entities,
            &code,
            reading == Reading::Plain,
        );
        let lines = trimmed_lines(&text, span);
        let (poll, number) = match reading {
            Reading::Plain => (
                BodyPoll::find(source, &lines),
                ThreadNumber::find(source, &lines),
            ),
            Reading::Markdown => (None, None),
        };
        // A thread post's "2/5" is read like a list marker, not as a word
        // of its sentence.
        if let Some(n) = number
            && count > 1
        {
            unmeasure(&mut seg, n.span);
        }
        let word_syllables = word_syllables(&text, &seg.words);
        let stats =
            TextStats::from_parts_cached(&text, &seg.words, 0, &seg.sentences, &word_syllables);
        Post {
            index,
            count,
            source,
            text,
            span,
            reading,
            blocks,
            code,
            links,
            code_blocks,
            entities,
            emoji,
            words: seg.words,
            sentences: seg.sentences,
            lines,
            stats,
            word_syllables,
            poll,
            number,
            squeezed: OnceLock::new(),
            quotations: OnceLock::new(),
        }
    }

    /// `text` with runs of white space as one space, where word lists match.
    pub fn squeezed(&self) -> &Squeezed {
        self.squeezed
            .get_or_init(|| Squeezed::new(&self.text, self.span))
    }

    /// The post's quotations, found on first use.
    pub fn quotations(&self) -> &crate::text::quotes::Quotations {
        self.quotations
            .get_or_init(|| crate::text::quotes::Quotations::find(&self.text, &self.blocks))
    }

    /// The published text of the post.
    pub fn published(&self) -> &'a str {
        &self.source[self.span.range()]
    }

    /// The units of `scope`, in order.
    pub fn units(&self, scope: Scope) -> Vec<Span> {
        match scope {
            Scope::Post => vec![self.span],
            Scope::Paragraph => self
                .blocks
                .iter()
                .filter(|b| !matches!(b.kind, BlockKind::Heading(_)))
                .map(|b| b.span)
                .collect(),
            // Prose sentences: a heading, a table cell or a line of tags is
            // not one (`Sentence::measured`).
            Scope::Sentence => self
                .sentences
                .iter()
                .filter(|s| s.measured)
                .map(|s| s.span)
                .collect(),
            Scope::Line => self.lines.clone(),
            Scope::FirstLine => self.lines.first().copied().into_iter().collect(),
            Scope::Heading => self
                .blocks
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
                .map(|b| b.span)
                .collect(),
            Scope::Word => self
                .words
                .iter()
                .filter(|w| w.kind == WordKind::Word)
                .map(|w| w.span)
                .collect(),
        }
    }

    /// The words inside `span`.
    pub fn words_in(&self, span: Span) -> &[Word] {
        let start = self.words.partition_point(|w| w.span.start < span.start);
        let end = self.words.partition_point(|w| w.span.start < span.end);
        let end = end.max(start);
        let mut slice = &self.words[start..end];
        while let Some(last) = slice.last() {
            if last.span.end <= span.end {
                break;
            }
            slice = &slice[..slice.len() - 1];
        }
        slice
    }

    /// The sentences that start inside `span`.
    pub fn sentences_in(&self, span: Span) -> &[Sentence] {
        let start = self
            .sentences
            .partition_point(|s| s.span.start < span.start);
        let end = self.sentences.partition_point(|s| s.span.start < span.end);
        &self.sentences[start..end.max(start)]
    }

    /// Entities of `kind` inside `span`.
    pub fn entities_in(&self, span: Span, kind: EntityKind) -> impl Iterator<Item = Span> + '_ {
        self.entities
            .iter()
            .filter(move |e| e.kind == kind && span.contains(e.span))
            .map(|e| e.span)
    }

    /// True when `span` is not prose a reader sees as written: it overlaps
    /// a URL or inline code, or Markdown syntax blanked in the prose view
    /// (so "**Note**:" is not a space before a colon).
    pub fn is_hidden(&self, span: Span) -> bool {
        // Entities and code spans are sorted and do not overlap, so their
        // ends are sorted too: jump to the first one that could touch `span`.
        let first = self.entities.partition_point(|e| e.span.end <= span.start);
        let url = self.entities[first..]
            .iter()
            .take_while(|e| e.span.start < span.end)
            .any(|e| e.kind == EntityKind::Url);
        let first = self.code.partition_point(|c| c.end <= span.start);
        url || self.code.get(first).is_some_and(|c| c.start < span.end)
            || (self.reading == Reading::Markdown
                && self.source.get(span.range()) != self.text.get(span.range()))
    }

    /// True when `span` lies in the text of a Markdown link.
    pub fn in_link_text(&self, span: Span) -> bool {
        let i = self.links.partition_point(|l| l.end <= span.start);
        self.links.get(i).is_some_and(|l| l.contains(span))
    }

    /// Text of a word or other span, from the prose view.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Where the links inside `unit` lead, as spans of the file: a social
    /// post's URLs; in Markdown also every `http(s)://` address of the source
    /// (link targets, reference definitions, HTML links), outside code.
    pub fn link_targets(&self, unit: Span) -> Vec<Span> {
        let visible: Vec<Span> = self.entities_in(unit, EntityKind::Url).collect();
        if self.reading == Reading::Plain {
            return visible;
        }
        // Entities are sorted and disjoint: the first that could overlap a
        // span is found by its end.
        let seen = |s: Span| {
            let i = visible.partition_point(|v| v.end <= s.start);
            visible.get(i).is_some_and(|v| v.overlaps(s))
        };
        let mut found = visible.clone();
        let Some(source) = self.source.get(unit.range()) else {
            return found;
        };
        let in_code = |s: Span| {
            [&self.code, &self.code_blocks].iter().any(|spans| {
                let i = spans.partition_point(|c| c.end <= s.start);
                spans.get(i).is_some_and(|c| c.overlaps(s))
            })
        };
        // A plain scan, not the URL pattern: targets are blanked in the prose
        // view, and compiling the URL pattern for them cost a blog post 7 ms.
        let mut at = 0;
        while let Some(i) = source[at..].find("http") {
            let start = at + i;
            at = start + 4;
            let rest = &source[start..];
            if !(rest.starts_with("http://") || rest.starts_with("https://")) {
                continue;
            }
            if source[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let end = start + url_length(rest);
            at = end.max(at);
            let span = Span::new(unit.start + start, unit.start + end);
            if !in_code(span) && !seen(span) {
                found.push(span);
            }
        }
        found.sort();
        found
    }
}

/// Bytes of the address `text` starts with: up to white space, a quote or
/// a bracket that closes what encloses it (a `)` the address did not open),
/// without trailing punctuation.
fn url_length(text: &str) -> usize {
    let mut open = 0usize;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        match c {
            c if c.is_whitespace() => break,
            '"' | '\'' | '<' | '>' | '`' | ']' | '[' => break,
            '(' => open += 1,
            ')' if open == 0 => break,
            ')' => open -= 1,
            _ => {}
        }
        end = i + c.len_utf8();
    }
    text[..end]
        .trim_end_matches(['.', ',', ';', ':', '!', '?'])
        .len()
}

/// A poll written at the end of a post as schedulers read it: lines
/// `( ) option` (twitter-together) or `[ ] option` (toot-together). The
/// platform publishes the options as a poll, not as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyPoll {
    /// Where the post's text before the options ends.
    pub text_end: usize,
    /// Each option's text, trimmed, in order.
    pub options: Vec<Span>,
}

impl BodyPoll {
    fn find(source: &str, lines: &[Span]) -> Option<BodyPoll> {
        let mut options = Vec::new();
        let mut text_end = None;
        for line in lines.iter().rev() {
            match poll_option(&source[line.range()]) {
                Some(at) => options.push(Span::new(line.start + at, line.end)),
                None => {
                    text_end = Some(line.end);
                    break;
                }
            }
        }
        if options.is_empty() {
            return None;
        }
        options.reverse();
        Some(BodyPoll {
            text_end: text_end.unwrap_or(lines[0].start),
            options,
        })
    }
}

/// Where the option's text starts in a `( ) option` or `[ ] option` line.
fn poll_option(line: &str) -> Option<usize> {
    let rest = line
        .strip_prefix('(')
        .and_then(|r| r.strip_prefix(' ').unwrap_or(r).strip_prefix(')'))
        .or_else(|| {
            line.strip_prefix('[')
                .and_then(|r| r.strip_prefix(' ').unwrap_or(r).strip_prefix(']'))
        })?;
    let text = rest.trim_start();
    (text.len() < rest.len() && !text.is_empty()).then(|| line.len() - text.len())
}

/// A thread post's own number, "2/5" (or "2/" with no total), written as
/// the first or last word of the post, bare or in brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadNumber {
    pub number: usize,
    pub total: Option<usize>,
    pub span: Span,
}

impl ThreadNumber {
    fn find(source: &str, lines: &[Span]) -> Option<ThreadNumber> {
        let (first, last) = (lines.first()?, lines.last()?);
        let token = |line: Span, at_start: bool| -> Option<ThreadNumber> {
            let text = &source[line.range()];
            let (start, word) = if at_start {
                let end = text.find(char::is_whitespace).unwrap_or(text.len());
                (0, &text[..end])
            } else {
                // After the last white space, which may be wider than a
                // byte (a no-break space, U+3000).
                let start = text
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                (start, &text[start..])
            };
            let punct = |c: char| "()[]{}.,:;".contains(c);
            let inner = word.trim_matches(punct);
            let (n, total) = inner.split_once('/')?;
            let number: usize = digits(n)?;
            let total = if total.is_empty() {
                None
            } else {
                Some(digits(total)?)
            };
            if number == 0 || total == Some(0) {
                return None;
            }
            let offset = line.start + start + (word.len() - word.trim_start_matches(punct).len());
            Some(ThreadNumber {
                number,
                total,
                span: Span::new(offset, offset + inner.len()),
            })
        };
        token(*first, true).or_else(|| token(*last, false))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_markdown_address_ends_where_its_link_does() {
        for (text, url) in [
            (
                "https://a.com/x?tag=b-20) and more",
                "https://a.com/x?tag=b-20",
            ),
            (
                "https://en.wikipedia.org/wiki/A_(b)) x",
                "https://en.wikipedia.org/wiki/A_(b)",
            ),
            ("https://a.com/x.", "https://a.com/x"),
            ("https://a.com/x\" target", "https://a.com/x"),
            ("https://a.com/é?aff=1>", "https://a.com/é?aff=1"),
        ] {
            assert_eq!(&text[..url_length(text)], url);
        }
    }

    use super::*;

    #[test]
    fn thread_numbers_first_or_last_word_any_white_space() {
        fn number(text: &str) -> Option<(usize, Option<usize>, &str)> {
            let post = Post::build(text, Span::new(0, text.len()), Reading::Plain, 0, 2);
            post.number
                .map(|n| (n.number, n.total, &text[n.span.range()]))
        }
        assert_eq!(number("1/3 We rebuilt it."), Some((1, Some(3), "1/3")));
        assert_eq!(number("We rebuilt it. (2/3)"), Some((2, Some(3), "2/3")));
        assert_eq!(number("We rebuilt it.\u{a0}2/"), Some((2, None, "2/")));
        assert_eq!(number("hello\u{a0}world"), None);
        assert_eq!(number("hello\u{3000}world\u{2028}x"), None);
        assert_eq!(number("0/3 nothing"), None);
    }

    #[test]
    fn a_thread_number_is_not_measured() {
        let text = "2/4 Dashboards refresh every five seconds now.";
        let thread = Post::build(text, Span::new(0, text.len()), Reading::Plain, 1, 4);
        let alone = "Dashboards refresh every five seconds now.";
        let alone = Post::build(alone, Span::new(0, alone.len()), Reading::Plain, 0, 1);
        assert_eq!(thread.words.len(), 7, "the number stays a word for rules");
        assert_eq!(thread.stats, alone.stats);
        // Outside a thread, "24/7" or "1/2" is an ordinary number.
        let single = Post::build(text, Span::new(0, text.len()), Reading::Plain, 0, 1);
        assert_eq!(single.stats.words, 7);
    }
}

fn digits(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A thread seen as a whole, built post by post as the thread is read:
/// after [`Thread::add`] of its last post it describes the whole thread.
/// It keeps counts and link spans only, never the posts, so a long thread
/// costs memory for its links, not for copies of its posts.
#[derive(Debug, Clone, Default)]
pub struct Thread {
    pub span: Span,
    /// The first post: where a thread introduces itself (and discloses an
    /// ad for all of it).
    pub first: Span,
    pub posts: usize,
    pub words: usize,
    pub emoji: usize,
    /// How many entities of each kind, by `EntityKind as usize`.
    entities: [usize; 4],
    /// Links of every post so far, in order.
    links: Vec<Span>,
    /// Whether the first post is numbered "1/5" (or "1/"): then the thread
    /// is numbered, and "24/7" in a later post's last word is a number too.
    pub first_numbered: bool,
}

impl Thread {
    pub fn add(&mut self, post: &Post<'_>) {
        self.span = if self.posts == 0 {
            post.span
        } else {
            Span::new(self.span.start, post.span.end)
        };
        if self.posts == 0 {
            self.first = post.span;
            self.first_numbered = post.number.is_some_and(|n| n.number == 1);
        }
        self.posts += 1;
        self.words += post.words.len();
        self.emoji += post.emoji.len();
        for e in &post.entities {
            self.entities[e.kind as usize] += 1;
            if e.kind == EntityKind::Url {
                self.links.push(e.span);
            }
        }
    }

    /// True when any post so far holds an entity of `kind`.
    pub fn has(&self, kind: EntityKind) -> bool {
        self.entities[kind as usize] > 0
    }

    /// True when `span` overlaps a link of any post so far.
    pub fn in_link(&self, span: Span) -> bool {
        let first = self.links.partition_point(|l| l.end <= span.start);
        self.links.get(first).is_some_and(|l| l.start < span.end)
    }
}

/// Leaves the words inside `span` out of the reading formulas; a sentence
/// left without a measured word is not measured either.
fn unmeasure(seg: &mut Segmentation, span: Span) {
    for sentence in &mut seg.sentences {
        let Some(words) = seg.words.get_mut(sentence.words.clone()) else {
            continue;
        };
        if !words.iter().any(|w| span.contains(w.span)) {
            continue;
        }
        for w in words.iter_mut().filter(|w| span.contains(w.span)) {
            w.measured = false;
        }
        sentence.measured = words.iter().any(|w| w.measured);
    }
}

/// The post's non-blank lines, trimmed, from the prose view.
fn trimmed_lines(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    for line in text[span.range()].split_inclusive('\n') {
        let end = start + line.len();
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_end > trimmed_start {
            out.push(Span::new(trimmed_start, trimmed_end));
        }
        start = end;
    }
    out
}
