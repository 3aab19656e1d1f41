//! What readers of a rendered Markdown post see as prose.
//!
//! Rather than extracting strings, non-prose bytes are blanked in a copy of
//! the file, so every offset into the prose is an offset into the file and
//! no position ever needs mapping back.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, BlockKind, clamp, trim};
use crate::span::Span;

/// Prose of one Markdown post.
#[derive(Debug, Clone)]
pub struct Prose {
    /// Same byte length as `source`: bytes that are not prose inside `post`
    /// (and everything outside `post`) are replaced by b' ', except '\n' and
    /// '\r' which are kept so lines stay lines. Multi-byte chars that are
    /// blanked become as many spaces as they had bytes, so every offset
    /// stays valid.
    pub text: String,
    /// Paragraphs, headings, list items, quotes' paragraphs and table
    /// cells, each trimmed to its prose (inline code included).
    pub blocks: Vec<Block>,
    /// Inline code spans, backticks included, blanked in `text` so later
    /// stages can treat each as one opaque token.
    pub code: Vec<Span>,
    /// Blanked runs inside blocks where readers see no space: emphasis
    /// markers, link brackets and targets, escaping backslashes, inline
    /// HTML, images, math, entities, shortcodes. `**Note**:` reads `Note:`
    /// and `[Rust](url)'s` reads `Rust's`, so stages that join words or
    /// check spacing should treat these as zero-width.
    pub markup: Vec<Span>,
    /// Each link, `[text](target)` whole, in order: readers see a link
    /// where the prose view shows only its text.
    pub links: Vec<Span>,
    /// Fenced and indented code blocks, whole, in order: the post's terms
    /// (a word written in code is no misspelling in prose either).
    pub code_blocks: Vec<Span>,
}

/// The prose of `post`, a span of a Markdown file's body.
///
/// Prose is the text of paragraphs, headings, list items, quotes, table
/// cells, emphasis and link text. Code, link targets, images (alt text
/// too), HTML, math, markup characters, reference definitions and template
/// shortcodes (`{{ ... }}`, `{% ... %}`) are blanked. A `---` line is a
/// thematic break: Markdown is never split into posts. An autolink
/// `<https://x.y>` keeps its URL, because readers see it.
pub fn markdown_prose(source: &str, post: Span) -> Prose {
    let post = clamp(source, post);
    let mut start = post.start;
    if source[start..post.end].starts_with('\u{feff}') {
        start += '\u{feff}'.len_utf8();
    }
    let post = Span::new(start, post.end);

    let mut walker = Walker {
        source,
        buf: blank(source),
        containers: Vec::new(),
        leaf: None,
        hidden: 0,
        open: None,
        blocks: Vec::new(),
        code: Vec::new(),
        spaces: Vec::new(),
        links: Vec::new(),
        code_blocks: Vec::new(),
    };
    let parser = Parser::new_ext(post.text(source), options()).into_offset_iter();
    for (event, range) in parser {
        walker.event(event, Span::new(range.start + start, range.end + start));
    }
    walker.close_block();

    let Walker {
        mut buf,
        blocks,
        mut code,
        spaces,
        links,
        code_blocks,
        ..
    } = walker;
    let shortcodes = blank_shortcodes(&mut buf, post);
    code.retain(|c| {
        let next = shortcodes.partition_point(|s| s.end <= c.start);
        shortcodes.get(next).is_none_or(|s| !s.overlaps(*c))
    });
    // Only whole chars were copied into an all-ASCII canvas, so this cannot
    // fail; if it somehow did, no prose is safer than a panic.
    let text = String::from_utf8(buf)
        .unwrap_or_else(|_| blank(source).into_iter().map(char::from).collect());
    let blocks: Vec<Block> = blocks
        .into_iter()
        .filter_map(|b| trim_block(&text, &code, b))
        .collect();
    let markup = markup(source, &text, &blocks, &code, &spaces);
    Prose {
        text,
        blocks,
        code,
        markup,
        links,
        code_blocks,
    }
}

/// Runs inside blocks that were blanked although the source there is not
/// whitespace, leaving out inline code and entities that render as spaces.
fn markup(source: &str, text: &str, blocks: &[Block], code: &[Span], spaces: &[Span]) -> Vec<Span> {
    let (src, text) = (source.as_bytes(), text.as_bytes());
    let mut keep = code.iter().chain(spaces).copied().collect::<Vec<_>>();
    keep.sort_unstable();
    let mut markup = Vec::new();
    for block in blocks {
        let mut run: Option<usize> = None;
        let mut k = keep.partition_point(|s| s.end <= block.span.start);
        for i in block.span.range() {
            while keep.get(k).is_some_and(|s| s.end <= i) {
                k += 1;
            }
            let kept = keep.get(k).is_some_and(|s| s.start <= i);
            let hidden = text[i] == b' ' && !src[i].is_ascii_whitespace() && !kept;
            match (hidden, run) {
                (true, None) => run = Some(i),
                (false, Some(start)) => {
                    markup.push(Span::new(start, i));
                    run = None;
                }
                _ => {}
            }
        }
        if let Some(start) = run {
            markup.push(Span::new(start, block.span.end));
        }
    }
    markup
}

pub(super) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        // Math is not prose; pulldown-cmark leaves `$5 and $10` alone.
        | Options::ENABLE_MATH
        // `> [!NOTE]` markers and `# Title {#id}` are markup, not words.
        | Options::ENABLE_GFM
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A copy of `source` with every byte but line endings turned into a space.
fn blank(source: &str) -> Vec<u8> {
    source
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Item,
    Quote,
    Footnote,
}

struct Walker<'a> {
    source: &'a str,
    buf: Vec<u8>,
    /// Open list items, quotes and footnotes, which decide a paragraph's kind.
    containers: Vec<Container>,
    /// The paragraph, heading or cell being read, if any; text outside one
    /// is a tight list item's.
    leaf: Option<BlockKind>,
    /// Depth of code blocks, HTML blocks and images: text in them is hidden.
    hidden: usize,
    /// The block being built: its kind and the extent of its prose so far.
    open: Option<(BlockKind, usize, usize)>,
    blocks: Vec<Block>,
    code: Vec<Span>,
    /// Entities that render as whitespace, such as `&nbsp;`.
    spaces: Vec<Span>,
    links: Vec<Span>,
    code_blocks: Vec<Span>,
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>, span: Span) {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::Link { .. }) && self.hidden == 0 {
                    self.links.push(span);
                }
                if matches!(tag, Tag::CodeBlock(_)) && self.hidden == 0 {
                    self.code_blocks.push(span);
                }
                self.start(&tag)
            }
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.hidden == 0 => self.text(&text, span),
            Event::Code(_) if self.hidden == 0 && self.source.get(span.range()).is_some() => {
                self.code.push(span);
                self.extend(span);
            }
            // Html, InlineHtml, math, footnote references, task markers,
            // breaks and rules: nothing a reader reads as prose.
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                self.close_block();
                self.leaf = Some(self.paragraph_kind());
            }
            Tag::Heading { level, .. } => {
                self.close_block();
                self.leaf = Some(BlockKind::Heading(*level as u8));
            }
            Tag::TableCell => {
                self.close_block();
                self.leaf = Some(BlockKind::TableCell);
            }
            Tag::Item => self.open_container(Container::Item),
            Tag::BlockQuote(_) => self.open_container(Container::Quote),
            Tag::FootnoteDefinition(_) => self.open_container(Container::Footnote),
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.close_block();
                self.hidden += 1;
            }
            Tag::Image { .. } => self.hidden += 1,
            Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.close_block(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => {
                self.close_block();
                self.leaf = None;
            }
            TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition => {
                self.close_block();
                self.leaf = None;
                self.containers.pop();
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                self.hidden = self.hidden.saturating_sub(1);
            }
            TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.close_block(),
            _ => {}
        }
    }

    fn open_container(&mut self, container: Container) {
        self.close_block();
        self.leaf = None;
        self.containers.push(container);
    }

    fn paragraph_kind(&self) -> BlockKind {
        match self.containers.last() {
            Some(Container::Item) => BlockKind::ListItem,
            Some(Container::Quote) => BlockKind::Quote,
            Some(Container::Footnote) | None => BlockKind::Paragraph,
        }
    }

    /// Copies a text event's bytes when they are what the reader sees.
    fn text(&mut self, text: &str, span: Span) {
        let Some(raw) = self.source.get(span.range()) else {
            return;
        };
        let span = if raw == text {
            span
        } else if !text.is_empty() && raw.ends_with(text) {
            // A backslash escape: `\*` shows as `*`.
            Span::new(span.end - text.len(), span.end)
        } else {
            // An entity such as `&amp;`: its source is not what readers see.
            if text.chars().all(char::is_whitespace) {
                self.spaces.push(span);
            }
            return;
        };
        // pulldown-cmark reads a backslash before CRLF as text, not as the
        // hard line break it is.
        if text == "\\" && self.source[span.end..].starts_with('\r') {
            return;
        }
        self.buf[span.range()].copy_from_slice(&self.source.as_bytes()[span.range()]);
        self.extend(span);
    }

    fn extend(&mut self, span: Span) {
        if span.is_empty() {
            return;
        }
        let kind = self.leaf.unwrap_or(match self.containers.last() {
            Some(Container::Item) => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        });
        match &mut self.open {
            Some((open_kind, start, end)) if *open_kind == kind => {
                *start = (*start).min(span.start);
                *end = (*end).max(span.end);
            }
            _ => {
                self.close_block();
                self.open = Some((kind, span.start, span.end));
            }
        }
    }

    fn close_block(&mut self) {
        if let Some((kind, start, end)) = self.open.take() {
            self.blocks.push(Block {
                kind,
                span: Span::new(start, end),
            });
        }
    }
}

/// Blanks `{{ ... }}` and `{% ... %}` (Zola, Hugo, Jekyll shortcodes) in
/// the prose, returning where. Working on the prose rather than the source
/// means `{{` inside code never opens one. A shortcode does not cross a
/// blank line, so a stray `{{` cannot swallow the rest of the post.
fn blank_shortcodes(buf: &mut [u8], post: Span) -> Vec<Span> {
    let mut found = Vec::new();
    // The first closer at or after some point, per kind; reused while the
    // scan is still before it, so the scan stays linear.
    let mut closers: [Option<Option<usize>>; 2] = [None, None];
    let mut i = post.start;
    while i + 1 < post.end {
        let kind = match (buf[i], buf[i + 1]) {
            (b'{', b'{') => 0,
            (b'{', b'%') => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let closer: &[u8] = if kind == 0 { b"}}" } else { b"%}" };
        let close = match closers[kind] {
            Some(Some(at)) if at >= i + 2 => Some(at),
            Some(None) => None,
            _ => {
                let at = find(&buf[i + 2..post.end], closer).map(|at| at + i + 2);
                closers[kind] = Some(at);
                at
            }
        };
        let Some(close) = close else {
            i += 2;
            continue;
        };
        let end = close + 2;
        if has_blank_line(&buf[i..end]) {
            i += 2;
            continue;
        }
        for b in &mut buf[i..end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
        found.push(Span::new(i, end));
        i = end;
    }
    found
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// True when a line strictly inside `bytes` holds only whitespace.
fn has_blank_line(bytes: &[u8]) -> bool {
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').skip(1).collect();
    lines.pop();
    lines
        .iter()
        .any(|line| line.iter().all(u8::is_ascii_whitespace))
}

/// Shrinks a block to its visible prose and inline code; drops it when
/// nothing is left (e.g. a paragraph that was only a shortcode).
fn trim_block(text: &str, code: &[Span], block: Block) -> Option<Block> {
    let first = code.partition_point(|c| c.start < block.span.start);
    let inner = code[first..]
        .iter()
        .take_while(|c| c.end <= block.span.end)
        .copied();
    let prose = trim(text, block.span);
    let span = inner
        .chain(prose)
        .reduce(|a, b| Span::new(a.start.min(b.start), a.end.max(b.end)))?;
    Some(Block {
        kind: block.kind,
        span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the invariants every caller relies on.
    fn check_invariants(source: &str, post: Span, prose: &Prose) {
        assert_eq!(prose.text.len(), source.len());
        let (text, src) = (prose.text.as_bytes(), source.as_bytes());
        for (i, (&t, &s)) in text.iter().zip(src).enumerate() {
            assert!(t == b' ' || t == s, "byte {i} differs: {source:?}");
            if s == b'\n' || s == b'\r' {
                assert_eq!(t, s, "line ending at {i} lost: {source:?}");
            }
            if !post.contains(Span::new(i, i + 1)) {
                assert!(
                    t == b' ' || t == b'\n' || t == b'\r',
                    "prose outside the post"
                );
            }
        }
        for block in &prose.blocks {
            assert!(post.contains(block.span), "{block:?} outside {post:?}");
            assert!(!block.span.is_empty());
            assert!(source.is_char_boundary(block.span.start));
            assert!(source.is_char_boundary(block.span.end));
        }
        for code in &prose.code {
            assert!(post.contains(*code));
            assert!(source.get(code.range()).is_some());
            assert!(prose.text[code.range()].trim().is_empty());
        }
        for markup in &prose.markup {
            assert!(!markup.is_empty());
            assert!(
                source.get(markup.range()).is_some(),
                "{markup:?} in {source:?}"
            );
            assert!(prose.text[markup.range()].trim().is_empty());
            assert!(prose.blocks.iter().any(|b| b.span.contains(*markup)));
            assert!(!prose.code.iter().any(|c| c.overlaps(*markup)));
        }
    }

    /// Many small documents stitched from awkward pieces: every invariant
    /// must hold and nothing may panic.
    #[test]
    fn stitched_documents_keep_invariants() {
        let pieces = [
            "# ",
            "## h ",
            "- ",
            "1. ",
            "> ",
            "    ",
            "\t",
            "`",
            "``",
            "```\n",
            "~~~",
            "*",
            "**",
            "_",
            "[",
            "]",
            "(",
            ")",
            "![",
            "<",
            ">",
            "</a>",
            "<b>",
            "<!--",
            "-->",
            "{{",
            "}}",
            "{%",
            "%}",
            "$",
            "$$",
            "|",
            "|---|",
            "&amp;",
            "&nbsp;",
            "&",
            "\\",
            "\n",
            "\r\n",
            "\n\n",
            "---",
            "[^1]",
            "[^1]: ",
            "[x]: /u",
            "word",
            "é",
            "🚀",
            "👩‍💻",
            "e\u{301}",
            "\u{feff}",
            " ",
            "[ ] ",
            "http://x.y",
            "<https://x.y>",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut source = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 59) as usize + 1;
            for _ in 0..len * 2 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                source.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let doc = super::super::parse(&source, super::super::Syntax::Markdown);
            let prose = markdown_prose(&source, doc.body);
            check_invariants(&source, doc.body, &prose);
            let doc = super::super::parse(&source, super::super::Syntax::Plain);
            for post in super::super::split_posts(&source, doc.body, "---") {
                for block in super::super::plain_blocks(&source, post) {
                    assert!(post.contains(block.span));
                    assert!(source.get(block.span.range()).is_some());
                }
            }
        }
    }

    fn prose_of(source: &str) -> Prose {
        let post = Span::new(0, source.len());
        let prose = markdown_prose(source, post);
        check_invariants(source, post, &prose);
        prose
    }

    /// The prose as a reader sees it: markup removed, runs of whitespace
    /// collapsed to one space.
    fn visible(source: &str) -> String {
        let prose = prose_of(source);
        let mut text = prose.text.clone();
        for span in prose.markup.iter().rev() {
            text.replace_range(span.range(), "");
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn check(source: &str, expected: &str) {
        assert_eq!(visible(source), expected, "{source:?}");
    }

    fn check_blocks(source: &str, expected: &[(BlockKind, &str)]) {
        let prose = prose_of(source);
        let got: Vec<_> = prose
            .blocks
            .iter()
            .map(|b| (b.kind, b.span.text(source)))
            .collect();
        assert_eq!(got, expected, "{source:?}");
    }

    fn check_code(source: &str, expected: &[&str]) {
        let prose = prose_of(source);
        let got: Vec<_> = prose.code.iter().map(|c| c.text(source)).collect();
        assert_eq!(got, expected, "{source:?}");
    }

    #[test]
    fn prose_text() {
        let cases = [
            ("Hello world.", "Hello world."),
            ("# Title", "Title"),
            ("## Title ##", "Title"),
            ("Setext\n===", "Setext"),
            ("# Title {#custom-id}", "Title"),
            ("*em* and **strong** and ~~gone~~", "em and strong and gone"),
            ("snake_case_word", "snake_case_word"),
            ("a \\*literal\\* star", "a *literal* star"),
            ("fish &amp; chips", "fish chips"),
            ("a&nbsp;b", "a b"),
            ("**Note**: read", "Note: read"),
            ("[Rust](https://rust-lang.org)'s docs", "Rust's docs"),
            ("*a*b", "ab"),
            ("x<sup>2</sup>", "x2"),
            ("```\ncode here\n```\nafter", "after"),
            ("```rust\nfn main() {}\n```", ""),
            ("~~~\ncode\n~~~", ""),
            ("    indented code\n\npara", "para"),
            ("use `cargo build` now", "use now"),
            (
                "see [the docs](https://x.y/z \"Title\") now",
                "see the docs now",
            ),
            ("see [docs][ref]\n\n[ref]: https://x.y \"T\"", "see docs"),
            ("see [docs]\n\n[docs]: https://x.y", "see docs"),
            ("![alt text](a.png) after", "after"),
            ("[![badge](b.svg)](https://ci)", ""),
            ("go to <https://x.y/z>", "go to https://x.y/z"),
            ("mail <me@x.y>", "mail me@x.y"),
            ("a <b>bold</b> move", "a bold move"),
            ("<div>\nhidden\n</div>\n\nshown", "shown"),
            ("x <!-- note --> y", "x y"),
            ("<!--\nblock\n-->", ""),
            ("- one\n- two", "one two"),
            ("1. one\n2) two", "one two"),
            ("* [x] done\n* [ ] todo", "done todo"),
            ("> quoted *words*", "quoted words"),
            ("> [!NOTE]\n> Heads up", "Heads up"),
            ("| a | b |\n|---|---|\n| c \\| d | e |", "a b c | d e"),
            ("text[^1]\n\n[^1]: the note", "text the note"),
            ("a\n\n---\n\nb", "a b"),
            ("a\n\n***\n\nb", "a b"),
            ("costs $5 or $10", "costs $5 or $10"),
            ("math $x^2$ here\n\n$$\ny\n$$", "math here"),
            ("line one  \nline two\\\nthree", "line one line two three"),
        ];
        for (source, expected) in cases {
            check(source, expected);
        }
    }

    #[test]
    fn shortcodes() {
        let cases = [
            ("{{ youtube(id=\"x_y\") }}\n\nText", "Text"),
            ("A {{ icon(name=\"rust\") }} B", "A B"),
            ("{% include figure.html src=\"a.png\" %}\nafter", "after"),
            ("{{< figure src=\"a.png\" >}}", ""),
            ("{{<figure src=\"a.png\">}}", ""),
            ("{{% notice %}}\nInside\n{{% /notice %}}", "Inside"),
            ("{% note() %}\nBody text\n{% end %}", "Body text"),
            ("{{ f(\n  a=1,\n  b=2\n) }}\nrest", "rest"),
            (
                "open {{ never closed\n\nnext {{ x }}",
                "open {{ never closed next",
            ),
            ("{{ a\n\nb }}", "{{ a b }}"),
            ("`{{` in code, then }}", "in code, then }}"),
            ("```\n{{ code }}\n```\n\n}} text", "}} text"),
            ("{%raw%}`x`{%endraw%}", ""),
        ];
        for (source, expected) in cases {
            check(source, expected);
        }
        check_code("A {{ f(x=`y`) }} B `z`", &["`z`"]);
        check_blocks(
            "{{ icon() }} Hello {{ x }}\n\n{{ only }}",
            &[(BlockKind::Paragraph, "Hello")],
        );
    }

    #[test]
    fn inline_code() {
        check_code("use `cargo` and ``a ` b``", &["`cargo`", "``a ` b``"]);
        check_code("```\nblock\n```\n\n`x`", &["`x`"]);
        check_code("![`alt`](a.png) [`link`](x)", &["`link`"]);
        check_code("<div>\n`not code`\n</div>", &[]);
        check_code("# `head`\n- `item`", &["`head`", "`item`"]);
    }

    #[test]
    fn blocks() {
        use BlockKind::*;
        check_blocks(
            "# Title\n\nFirst para\ncontinues.\n\n## Sub\n",
            &[
                (Heading(1), "Title"),
                (Paragraph, "First para\ncontinues."),
                (Heading(2), "Sub"),
            ],
        );
        check_blocks(
            "- a\n- b\n  - c",
            &[(ListItem, "a"), (ListItem, "b"), (ListItem, "c")],
        );
        check_blocks(
            "- a\n\n  second\n\n- b",
            &[(ListItem, "a"), (ListItem, "second"), (ListItem, "b")],
        );
        check_blocks("> q1\n>\n> q2", &[(Quote, "q1"), (Quote, "q2")]);
        check_blocks("> - in quote", &[(ListItem, "in quote")]);
        check_blocks("- > quote in item", &[(Quote, "quote in item")]);
        check_blocks(
            "| h1 | h2 |\n|----|----|\n| c1 | `c2` |",
            &[
                (TableCell, "h1"),
                (TableCell, "h2"),
                (TableCell, "c1"),
                (TableCell, "`c2`"),
            ],
        );
        check_blocks("call `f()`", &[(Paragraph, "call `f()`")]);
        check_blocks("`f()` is it", &[(Paragraph, "`f()` is it")]);
        check_blocks(
            "x[^n]\n\n[^n]: note",
            &[(Paragraph, "x"), (Paragraph, "note")],
        );
        check_blocks("![only an image](x.png)\n\n```\ncode\n```", &[]);
        check_blocks("**[Link](x)**", &[(Paragraph, "Link")]);
        check_blocks("###### Six", &[(Heading(6), "Six")]);
    }

    #[test]
    fn crlf_bom_tabs_emoji() {
        let source =
            "\u{feff}# Tïtle 🚀\r\n\r\nSome\ttext with `code` and 👩‍💻.\r\n\r\n```\r\nx\r\n```\r\n";
        let prose = prose_of(source);
        let got: Vec<_> = prose.blocks.iter().map(|b| b.span.text(source)).collect();
        assert_eq!(got, ["Tïtle 🚀", "Some\ttext with `code` and 👩‍💻."]);
        assert_eq!(
            prose
                .code
                .iter()
                .map(|c| c.text(source))
                .collect::<Vec<_>>(),
            ["`code`"]
        );
        assert_eq!(visible(source), "Tïtle 🚀 Some text with and 👩‍💻.");
        check("a\\\r\nb", "a b");
        check("- é\r\n- ü\r\n", "é ü");
        check("![🚀 alt](x.png) ok", "ok");
    }

    #[test]
    fn post_span_is_respected() {
        let source = "---\ntitle: x\n---\n# Head\n\nBody `c`.\n";
        let doc = super::super::parse(source, super::super::Syntax::Markdown);
        let prose = markdown_prose(source, doc.body);
        check_invariants(source, doc.body, &prose);
        assert!(!prose.text.contains("title"));
        let got: Vec<_> = prose.blocks.iter().map(|b| b.span.text(source)).collect();
        assert_eq!(got, ["Head", "Body `c`."]);

        let source = "before\n\ninside *it*\n\nafter";
        let post = Span::new(8, 19);
        let prose = markdown_prose(source, post);
        check_invariants(source, post, &prose);
        assert_eq!(
            prose.text.split_whitespace().collect::<Vec<_>>(),
            ["inside", "it"]
        );
    }

    #[test]
    fn garbage_never_panics() {
        let inputs = [
            "```",
            "```\nunterminated",
            "~~~~\n",
            "<div",
            "<div>\n\n",
            "[x]: <",
            "[",
            "![",
            "](",
            "`",
            "``` ```",
            "{{",
            "{%",
            "{{ }",
            "}}{{",
            "{{{{}}}}",
            "+++",
            "---",
            "$",
            "$$",
            "|",
            "|-|\n|",
            "> > > > >",
            "\0\u{1}\u{7f}\u{fffd}\u{feff}",
            "\r",
            "\r\r\n\n\r",
            "- [",
            "[^",
            "[^x]:",
            "&#0; &#xFFFFFF; &bogus;",
            "\\",
            "\\\r",
            "#",
            "é\u{301}\u{200d}",
        ];
        for input in inputs {
            let _ = prose_of(input);
            for start in 0..=input.len() {
                for end in start..=input.len() {
                    let prose = markdown_prose(input, Span::new(start, end));
                    assert_eq!(prose.text.len(), input.len());
                }
            }
            let _ = markdown_prose(input, Span::new(5, 1));
            let _ = markdown_prose(input, Span::new(0, usize::MAX));
        }
        let deep = format!("{}x", ">".repeat(10_000));
        let _ = prose_of(&deep);
        let deep = format!("{}x{}", "[".repeat(10_000), "]".repeat(10_000));
        let _ = prose_of(&deep);
        let many = "{{ ".repeat(20_000);
        let _ = prose_of(&many);
        let binaryish: String = (0u8..=255).map(char::from).collect();
        let _ = prose_of(&binaryish);
    }

    /// The corpus lives outside the repository; run with
    /// `cargo test -- --ignored`.
    #[test]
    #[ignore]
    fn rust_blog_corpus() {
        let root = std::path::Path::new("/work/shared/data/corpus/rust-blog");
        let mut stack = vec![root.to_path_buf()];
        let mut files = 0;
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "md") {
                    let Ok(source) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    let doc = super::super::parse(&source, super::super::Syntax::Markdown);
                    assert!(
                        doc.problems.is_empty(),
                        "{}: {:?}",
                        path.display(),
                        doc.problems
                    );
                    let prose = markdown_prose(&source, doc.body);
                    check_invariants(&source, doc.body, &prose);
                    files += 1;
                }
            }
        }
        assert!(files > 0, "no corpus at {}", root.display());
    }
}
