//! A file's text split into front matter and body, and the body into posts
//! and blocks. Parsing never fails: problems are returned beside the result.
//!
//! Every span indexes the original file text (after a BOM, across CRLF), so
//! later stages never translate offsets.

pub mod directives;
mod front_matter;
mod markdown;

use std::path::Path;

use crate::span::Span;

pub use front_matter::{Allow, FrontMatter, Item, MediaItem, target_channel};

pub use markdown::{Prose, markdown_prose};

/// A unit of prose: sentences never cross a block boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A Markdown heading with its level (1-6).
    Heading(u8),
    ListItem,
    Quote,
    TableCell,
}

/// How a file's body is written. Where it is published (the channel) is a
/// separate question: a Markdown file sent to X is checked as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Syntax {
    #[default]
    Plain,
    Markdown,
}

impl Problem {
    /// A problem of the whole file.
    pub fn unlocated(message: impl Into<String>) -> Self {
        Self {
            span: None,
            message: message.into(),
            help: None,
        }
    }
}

impl Syntax {
    /// `.md`, `.markdown` and `.mdx` (any case) are Markdown; everything
    /// else, stdin included, is plain text.
    pub fn from_path(path: &Path) -> Syntax {
        let markdown = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            Self::MARKDOWN_EXTENSIONS
                .iter()
                .any(|m| m.eq_ignore_ascii_case(e))
        });
        if markdown {
            Syntax::Markdown
        } else {
            Syntax::Plain
        }
    }

    /// File extensions read as Markdown (MDX is read as Markdown too).
    pub const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdx"];
    /// File extensions of plain-text posts (`.tweet`: twitter-together;
    /// `.toot`: toot-together).
    pub const PLAIN_EXTENSIONS: &[&str] = &["txt", "tweet", "toot"];
}

/// Something wrong with the file itself rather than its prose, such as
/// front matter that does not parse or a channel it names that does not
/// exist. A problem makes the run exit 2, after every file was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file; `None` when the file as a whole is the problem
    /// (cannot be read, not UTF-8).
    pub span: Option<Span>,
    pub message: String,
    pub help: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub source: &'a str,
    pub syntax: Syntax,
    pub front_matter: FrontMatter,
    /// Including both fences.
    pub front_matter_span: Option<Span>,
    /// Everything after the front matter (and after a BOM).
    pub body: Span,
    /// E.g. invalid YAML or `channel: 3`, spanning the offending line.
    pub problems: Vec<Problem>,
}

/// Splits off front matter. Never fails: bad front matter becomes a problem
/// and the body is still returned. See `front_matter::detect` for when a
/// plain-text file's leading `---` block counts as front matter.
pub fn parse(source: &str, syntax: Syntax) -> Document<'_> {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    match front_matter::detect(source, start, syntax) {
        Some(found) => Document {
            source,
            syntax,
            front_matter: found.front_matter,
            front_matter_span: Some(found.span),
            body: Span::new(found.body_start, source.len()),
            problems: found.problems,
        },
        None => Document {
            source,
            syntax,
            front_matter: FrontMatter::default(),
            front_matter_span: None,
            body: Span::new(start, source.len()),
            problems: front_matter::unclosed(source, start).into_iter().collect(),
        },
    }
}

/// Posts of a thread, for channels that do not render Markdown. In Markdown
/// channels (blog, newsletter) `---` is a thematic break, so callers must not
/// split those.
///
/// Splits `body` at lines holding only `separator` (trailing spaces and `\r`
/// allowed, so `----` is not `---`). Each post is trimmed of surrounding
/// whitespace. An empty part between two separators (a stray `---`) is kept
/// as an empty post at the second separator, so it is reported rather than
/// silently dropped; an empty part before the first or after the last
/// separator is dropped; a body of nothing but separators is one empty post.
/// Always returns at least one span, so every file is at least one
/// (possibly empty) post.
pub fn split_posts(source: &str, body: Span, separator: &str) -> Vec<Span> {
    split_parts(source, body, separator)
        .into_iter()
        .map(|p| p.span)
        .collect()
}

/// One post of a thread and, when it has its own, its front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub span: Span,
    pub front_matter: Option<Span>,
}

/// As [`split_posts`], keeping each post's own front matter: schedulers
/// (twitter-together) let a thread's later posts have theirs, written as
/// the separator followed at once by a `---` block of keys
/// (`---\n---\npoll: [Cat, Dog]\n---\nWhich one?`). Such a block is read
/// by the plain-text front matter rule, so prose between two separators
/// stays a post.
pub fn split_parts(source: &str, body: Span, separator: &str) -> Vec<Part> {
    let body = clamp(source, body);
    let separator = separator.trim();
    let mut posts = Vec::new();
    let mut part_start = body.start;
    let mut after_separator = false;
    let mut own: Option<Span> = None;
    let mut skip_until = 0;
    if !separator.is_empty() {
        for line in lines(source, body) {
            if line.start < skip_until || line.text(source).trim_end() != separator {
                continue;
            }
            let part = trim(source, Span::new(part_start, line.start));
            if part.is_none()
                && after_separator
                && own.is_none()
                && let Some(found) = front_matter::detect(source, line.start, Syntax::Plain)
                // A broken block stays text, where it is checked and seen.
                && found.problems.is_empty()
            {
                own = Some(found.span);
                part_start = found.body_start;
                skip_until = found.body_start;
                continue;
            }
            match part {
                Some(span) => posts.push(Part {
                    span,
                    front_matter: own.take(),
                }),
                None if after_separator => posts.push(Part {
                    span: Span::new(line.start, line.start),
                    front_matter: own.take(),
                }),
                None => {}
            }
            part_start = line.next;
            after_separator = true;
        }
    }
    match trim(source, Span::new(part_start, body.end)) {
        Some(span) => posts.push(Part {
            span,
            front_matter: own,
        }),
        // A last post of front matter only (a poll with no question).
        None if own.is_some() => posts.push(Part {
            span: Span::new(body.end, body.end),
            front_matter: own,
        }),
        None => {}
    }
    // Nothing but separators is one empty post, not one per stray line.
    if posts
        .iter()
        .all(|p| p.span.is_empty() && p.front_matter.is_none())
    {
        posts.clear();
        posts.push(Part {
            span: Span::new(body.start, body.start),
            front_matter: None,
        });
    }
    posts
}

/// The front matter of a thread's post (a [`Part`]'s), read as the file's
/// own is; problems in it are not reported, since it is a scheduler's.
pub fn part_front_matter(source: &str, span: Span) -> FrontMatter {
    front_matter::detect(source, span.start, Syntax::Plain)
        .map(|d| d.front_matter)
        .unwrap_or_default()
}

/// Paragraphs of plain (social) text: runs of lines separated by blank
/// lines, each trimmed.
pub fn plain_blocks(source: &str, post: Span) -> Vec<Block> {
    let post = clamp(source, post);
    let mut blocks = Vec::new();
    let mut para: Option<(usize, usize)> = None;
    let mut flush = |para: &mut Option<(usize, usize)>| {
        if let Some((start, end)) = para.take()
            && let Some(span) = trim(source, Span::new(start, end))
        {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span,
            });
        }
    };
    for line in lines(source, post) {
        if line.text(source).trim().is_empty() {
            flush(&mut para);
        } else {
            let start = para.map_or(line.start, |(s, _)| s);
            para = Some((start, line.end));
        }
    }
    flush(&mut para);
    blocks
}

/// One line of a span: `start..end` is its text without the line ending,
/// `next` where the following line starts.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

impl Line {
    fn text(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or_default()
    }

    /// The line without leading and trailing whitespace.
    fn trimmed(self, source: &str) -> Span {
        trim(source, Span::new(self.start, self.end)).unwrap_or(Span::new(self.start, self.start))
    }
}

/// Lines of `span`, which must lie on char boundaries. `\r\n` and `\n` end
/// a line; the empty line after a final newline is not yielded.
fn lines(source: &str, span: Span) -> impl Iterator<Item = Line> + '_ {
    let bytes = source.as_bytes();
    let end = span.end.min(bytes.len());
    let mut pos = span.start.min(end);
    std::iter::from_fn(move || {
        if pos >= end {
            return None;
        }
        let start = pos;
        let (mut content_end, next) = match bytes[start..end].iter().position(|&b| b == b'\n') {
            Some(i) => (start + i, start + i + 1),
            None => (end, end),
        };
        if content_end > start && bytes[content_end - 1] == b'\r' {
            content_end -= 1;
        }
        pos = next;
        Some(Line {
            start,
            end: content_end,
            next,
        })
    })
}

/// `span` without surrounding whitespace (a stray BOM counts as
/// whitespace); `None` when nothing is left.
fn trim(source: &str, span: Span) -> Option<Span> {
    let text = source.get(span.range())?;
    let is_space = |c: char| c.is_whitespace() || c == '\u{feff}';
    let trimmed = text.trim_start_matches(is_space);
    let start = span.start + (text.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(is_space);
    (!trimmed.is_empty()).then(|| Span::new(start, start + trimmed.len()))
}

/// Makes a caller's span safe to slice with: inside the text, ordered, and
/// on char boundaries (shrinking inwards).
fn clamp(source: &str, span: Span) -> Span {
    let mut end = span.end.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = span.start.min(end);
    while !source.is_char_boundary(start) {
        start += 1;
    }
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posts(source: &str) -> Vec<&str> {
        posts_sep(source, "---")
    }

    fn posts_sep<'a>(source: &'a str, sep: &str) -> Vec<&'a str> {
        let doc = parse(source, Syntax::Plain);
        let spans = split_posts(source, doc.body, sep);
        assert!(!spans.is_empty());
        for span in &spans {
            assert!(doc.body.contains(*span), "{source:?}");
        }
        spans.iter().map(|s| s.text(source)).collect()
    }

    fn check(source: &str, expected: &[&str]) {
        assert_eq!(posts(source), expected, "{source:?}");
    }

    #[test]
    fn split_posts_cases() {
        check("one post", &["one post"]);
        check("", &[""]);
        check("  \n\n ", &[""]);
        check("---", &[""]);
        check("---\n---\n", &[""]);
        check("a\n---\nb", &["a", "b"]);
        check("a\r\n---\r\nb\r\n", &["a", "b"]);
        check("a\n---   \nb", &["a", "b"]);
        check("a\n--- \t\r\nb", &["a", "b"]);
        check("a\n----\nb", &["a\n----\nb"]);
        check("a\n --- \nb", &["a\n --- \nb"]);
        check("a\n--\nb", &["a\n--\nb"]);
        check("a --- b\n---\nc", &["a --- b", "c"]);
        check("\n\n  a  \n\n---\n\n b \n\n", &["a", "b"]);
        // A stray separator makes an empty part, kept to be reported; a
        // trailing one does not.
        check("a\n---\n---\nb\n---", &["a", "", "b"]);
        check("a\n---\n\n  \n---\nb", &["a", "", "b"]);
        check(
            "🚀 launch\n---\n2/ émoji 👩‍💻\n",
            &["🚀 launch", "2/ émoji 👩‍💻"],
        );
        check("\u{feff}a\r\n---\r\n\tb\t", &["a", "b"]);
        check("para 1\n\npara 2\n---\nnext", &["para 1\n\npara 2", "next"]);
    }

    #[test]
    fn a_thread_post_may_have_its_own_front_matter() {
        let s = "Cute animals!\n\n---\n---\npoll:\n  - Cat\n  - Dog\n---\n\nWhich one is cuter?\n";
        let parts = split_parts(s, Span::new(0, s.len()), "---");
        let shown: Vec<(&str, Option<&str>)> = parts
            .iter()
            .map(|p| (&s[p.span.range()], p.front_matter.map(|f| &s[f.range()])))
            .collect();
        assert_eq!(
            shown,
            [
                ("Cute animals!", None),
                (
                    "Which one is cuter?",
                    Some("---\npoll:\n  - Cat\n  - Dog\n---")
                ),
            ]
        );
        let fm = part_front_matter(s, parts[1].front_matter.unwrap());
        assert_eq!(fm.poll.len(), 2);
        // Prose between two separators is a post, not front matter.
        assert_eq!(
            posts_sep("a\n---\n---\nBreaking: we are down\n---\nb", "---"),
            ["a", "", "Breaking: we are down", "b"]
        );
        // A broken block stays text, checked where it is, not dropped.
        assert_eq!(
            posts_sep("a\n---\n---\ncw: Long read: our outage\n---\nb", "---"),
            ["a", "", "cw: Long read: our outage", "b"]
        );
    }

    #[test]
    fn split_posts_custom_separator() {
        assert_eq!(posts_sep("a\n***\nb", "***"), ["a", "b"]);
        assert_eq!(posts_sep("a\n🧵\nb", "🧵"), ["a", "b"]);
        assert_eq!(posts_sep("a\n---\nb", "==="), ["a\n---\nb"]);
        assert_eq!(posts_sep("a\n\nb", ""), ["a\n\nb"]);
        assert_eq!(posts_sep("a\n\nb", "  "), ["a\n\nb"]);
    }

    #[test]
    fn split_posts_with_front_matter() {
        assert_eq!(
            posts("---\nchannel: x\n---\nfirst\n---\nsecond"),
            ["first", "second"]
        );
        assert_eq!(posts("---\nFirst\n---\nsecond"), ["First", "second"]);
        assert_eq!(
            posts("\u{feff}---\r\nchannels: [x]\r\n---\r\n\r\nhi\r\n"),
            ["hi"]
        );
    }

    #[test]
    fn split_posts_survives_bad_spans() {
        let s = "é\na\n---\nb";
        let got = split_posts(s, Span::new(1, 100), "---");
        assert_eq!(
            got.iter().map(|p| p.text(s)).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(split_posts(s, Span::new(9, 3), "---").len(), 1);
    }

    fn blocks(source: &str) -> Vec<&str> {
        plain_blocks(source, Span::new(0, source.len()))
            .iter()
            .map(|b| {
                assert_eq!(b.kind, BlockKind::Paragraph);
                b.span.text(source)
            })
            .collect()
    }

    #[test]
    fn plain_blocks_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  \n \t\n", &[]),
            ("one", &["one"]),
            ("  one  ", &["one"]),
            ("a\nb", &["a\nb"]),
            ("a\n\nb", &["a", "b"]),
            ("a\r\n\r\nb\r\n", &["a", "b"]),
            ("a\n  \t \nb", &["a", "b"]),
            ("\n\n a\n b \n\n\n c", &["a\n b", "c"]),
            ("🚀 a\n\n👩‍💻 b", &["🚀 a", "👩‍💻 b"]),
            (
                "# not a heading\n- not a list",
                &["# not a heading\n- not a list"],
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(blocks(source), *expected, "{source:?}");
        }
        let s = "x\n\nhello\n\nworld\n\ny";
        let post = Span::new(3, 15);
        let got: Vec<_> = plain_blocks(s, post)
            .iter()
            .map(|b| b.span.text(s))
            .collect();
        assert_eq!(got, ["hello", "world"]);
    }

    #[test]
    fn syntax_from_path() {
        let cases = [
            ("post.md", Syntax::Markdown),
            ("post.MD", Syntax::Markdown),
            ("a/b.markdown", Syntax::Markdown),
            ("x.mdx", Syntax::Markdown),
            ("x.txt", Syntax::Plain),
            ("x.tweet", Syntax::Plain),
            ("x.toot", Syntax::Plain),
            ("-", Syntax::Plain),
            ("README", Syntax::Plain),
            ("md", Syntax::Plain),
            (".md", Syntax::Plain),
        ];
        for (path, expected) in cases {
            assert_eq!(Syntax::from_path(Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn parse_cases() {
        let doc = parse("---\nchannel: x\n---\nbody", Syntax::Markdown);
        assert_eq!(doc.front_matter.channel.as_deref(), Some("x"));
        assert_eq!(doc.body.text(doc.source), "body");
        assert_eq!(
            doc.front_matter_span.map(|s| s.text(doc.source)),
            Some("---\nchannel: x\n---")
        );

        let doc = parse("\u{feff}hello", Syntax::Plain);
        assert_eq!(doc.body, Span::new(3, 8));
        assert_eq!(doc.front_matter_span, None);

        // An unclosed fence before prose is a thematic break or text; before
        // a `key:` line it is front matter someone forgot to close.
        for syntax in [Syntax::Plain, Syntax::Markdown] {
            let doc = parse("---\nhello\n", syntax);
            assert_eq!(doc.body, Span::new(0, 10));
            assert!(doc.problems.is_empty());
            let doc = parse("---\nchannel: x\nhello\n", syntax);
            assert_eq!(doc.body, Span::new(0, 21));
            assert_eq!(doc.problems.len(), 1);
        }

        let doc = parse("---\nchannel: [x\n---\nbody", Syntax::Markdown);
        assert_eq!(doc.body.text(doc.source), "body");
        assert_eq!(doc.problems.len(), 1);
        assert!(doc.problems[0].help.is_some());

        // Plain text too, when its keys are postlint's or a scheduler's;
        // other broken blocks are text (a thread's first post).
        let doc = parse("---\nchannel: [x\n---\nbody", Syntax::Plain);
        assert_eq!(doc.body.text(doc.source), "body");
        assert_eq!(doc.problems.len(), 1);
        let doc = parse("---\npsa: down: all of it\n---\nbody", Syntax::Plain);
        assert_eq!(
            doc.body.text(doc.source),
            "---\npsa: down: all of it\n---\nbody"
        );
        assert!(doc.problems.is_empty());
    }

    #[test]
    fn garbage_never_panics() {
        let inputs = [
            "",
            "\u{feff}",
            "\u{feff}---",
            "+++",
            "+++\n+++",
            "---\n---\n---\n---",
            "\r\r\r\n\n\r",
            "\0\u{1}\u{7f}\u{fffd}",
            "---\n\u{0}\n...",
            "```\nunterminated",
            "<div>\n",
            "[x]: <",
        ];
        for input in inputs {
            for syntax in [Syntax::Plain, Syntax::Markdown] {
                let doc = parse(input, syntax);
                for post in split_posts(input, doc.body, "---") {
                    let _ = plain_blocks(input, post);
                    let _ = markdown_prose(input, post);
                }
            }
        }
    }
}
