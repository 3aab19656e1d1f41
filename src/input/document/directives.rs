//! Suppression directives written in a Markdown post, where the renderer
//! drops them: `<!-- postlint-disable RULE, RULE -->` … `<!--
//! postlint-enable -->`, `<!-- postlint-disable-next-line RULE -->`,
//! `<!-- postlint-disable-file RULE -->`, and in MDX (where an HTML comment
//! is a syntax error) the same words in `{/* … */}`. Text after ` -- ` is
//! the writer's reason and is ignored.
//!
//! Only comments outside code count, so a post that shows the syntax in a
//! code block suppresses nothing. Names are kept as written; the settings
//! stage resolves them, so a typo is a problem with "did you mean".
//! Social posts never get here: their body is published as written.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::Problem;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// From here to a matching `postlint-enable` or the end of the file.
    Disable,
    /// Ends a `Disable` (of the names given, or of all).
    Enable,
    /// The next line that is not blank.
    DisableNextLine,
    /// The whole file.
    DisableFile,
}

impl Action {
    /// Longest first: `postlint-disable` is a prefix of the others.
    const WORDS: [(&'static str, Action); 4] = [
        ("postlint-disable-next-line", Action::DisableNextLine),
        ("postlint-disable-file", Action::DisableFile),
        ("postlint-disable", Action::Disable),
        ("postlint-enable", Action::Enable),
    ];
}

/// A rule or checklist id as written in a directive, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The whole comment.
    pub span: Span,
    pub action: Action,
    /// Empty: every rule.
    pub names: Vec<Name>,
}

const MARK: &str = "postlint-";

/// The directives in `body` of a Markdown (`mdx`: MDX) file, in order.
/// Malformed ones (`postlint-disabel`) become problems.
pub fn scan(source: &str, body: Span, mdx: bool, problems: &mut Vec<Problem>) -> Vec<Directive> {
    let Some(text) = source.get(body.range()) else {
        return Vec::new();
    };
    // Nearly every post has none: one substring search decides.
    if !text.contains(MARK) {
        return Vec::new();
    }
    let mut html: Vec<Span> = Vec::new();
    let mut code: Vec<Span> = Vec::new();
    let mut code_from: Option<usize> = None;
    for (event, range) in Parser::new_ext(text, super::markdown::options()).into_offset_iter() {
        let span = Span::new(body.start + range.start, body.start + range.end);
        match event {
            Event::Html(_) | Event::InlineHtml(_) => match html.last_mut() {
                // An HTML block arrives line by line: one span for it all.
                Some(last) if last.end == span.start => last.end = span.end,
                _ => html.push(span),
            },
            Event::Code(_) => code.push(span),
            Event::Start(Tag::CodeBlock(_)) => code_from = Some(span.start),
            Event::End(TagEnd::CodeBlock) => {
                code.push(Span::new(code_from.take().unwrap_or(span.start), span.end));
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    if mdx {
        // pulldown-cmark reads `{/* … */}` as text: find it in the source,
        // outside code.
        let in_code = |at: usize| code.iter().any(|c| c.start <= at && at < c.end);
        for (open, close) in comments(source, body, "{/*", "*/}") {
            if !in_code(open.start) {
                parse(source, open, close, &mut found, problems);
            }
        }
    } else {
        for block in html {
            for (open, close) in comments(source, block, "<!--", "-->") {
                parse(source, open, close, &mut found, problems);
            }
        }
    }
    found
}

/// `(opening, closing)` marker spans of each comment in `within`.
fn comments(source: &str, within: Span, open: &str, close: &str) -> Vec<(Span, Span)> {
    let text = &source[within.range()];
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find(open) {
        let start = at + i;
        let Some(j) = text[start + open.len()..].find(close) else {
            break;
        };
        let end = start + open.len() + j;
        out.push((
            Span::new(within.start + start, within.start + start + open.len()),
            Span::new(within.start + end, within.start + end + close.len()),
        ));
        at = end + close.len();
    }
    out
}

/// Reads the comment between `open` and `close` when it is ours.
fn parse(
    source: &str,
    open: Span,
    close: Span,
    out: &mut Vec<Directive>,
    problems: &mut Vec<Problem>,
) {
    let inner = Span::new(open.end, close.start);
    let raw = &source[inner.range()];
    let trimmed = raw.trim_start();
    if !trimmed.starts_with(MARK) {
        return;
    }
    let word_start = inner.start + (raw.len() - trimmed.len());
    let word_len = trimmed
        .find(|c: char| c.is_whitespace())
        .unwrap_or(trimmed.len());
    let word = &trimmed[..word_len];
    let span = Span::new(open.start, close.end);
    let Some(action) = Action::WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, a)| *a)
    else {
        let hint = crate::error::did_you_mean(word, Action::WORDS.iter().map(|(w, _)| *w))
            .map_or_else(
                || "write postlint-disable, postlint-enable, postlint-disable-next-line or postlint-disable-file".to_owned(),
                |w| format!("did you mean `{w}`?"),
            );
        problems.push(Problem {
            span: Some(Span::new(word_start, word_start + word.len())),
            message: format!("unknown directive `{word}`"),
            help: Some(hint),
        });
        return;
    };
    // Names up to ` -- reason`, separated by commas or spaces.
    let rest_start = word_start + word_len;
    let rest = &source[rest_start..inner.end];
    let rest = rest.find(" --").map_or(rest, |i| &rest[..i]);
    let mut names = Vec::new();
    let mut at = 0;
    for piece in rest.split(|c: char| c == ',' || c.is_whitespace()) {
        if !piece.is_empty() {
            let start = rest_start + at;
            names.push(Name {
                text: piece.to_owned(),
                span: Span::new(start, start + piece.len()),
            });
        }
        at += piece.len() + 1;
    }
    out.push(Directive {
        span,
        action,
        names,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_all(text: &str, mdx: bool) -> (Vec<Directive>, Vec<Problem>) {
        let mut problems = Vec::new();
        let found = scan(text, Span::new(0, text.len()), mdx, &mut problems);
        (found, problems)
    }

    fn names(d: &Directive) -> Vec<&str> {
        d.names.iter().map(|n| n.text.as_str()).collect()
    }

    #[test]
    fn reads_each_form_with_its_names_and_places() {
        let text = "<!-- postlint-disable correct.repeated-word, readable -->\nThe the text.\n<!-- postlint-enable -->\n\nSome <!-- postlint-disable-next-line strategy.shouting -- NASA is a name --> inline.\n<!--postlint-disable-file readable.plain-words-->\n";
        let (found, problems) = scan_all(text, false);
        assert!(problems.is_empty(), "{problems:?}");
        let actions: Vec<Action> = found.iter().map(|d| d.action).collect();
        assert_eq!(
            actions,
            [
                Action::Disable,
                Action::Enable,
                Action::DisableNextLine,
                Action::DisableFile
            ]
        );
        assert_eq!(names(&found[0]), ["correct.repeated-word", "readable"]);
        assert!(found[1].names.is_empty());
        assert_eq!(
            names(&found[2]),
            ["strategy.shouting"],
            "the reason is not a name"
        );
        assert_eq!(names(&found[3]), ["readable.plain-words"]);
        let n = &found[0].names[0];
        assert_eq!(&text[n.span.range()], "correct.repeated-word");
        assert_eq!(
            &text[found[0].span.range()],
            "<!-- postlint-disable correct.repeated-word, readable -->"
        );
    }

    #[test]
    fn comments_in_code_and_other_comments_are_not_directives() {
        let text = "Write `<!-- postlint-disable x -->` to turn it off:\n\n```md\n<!-- postlint-disable y -->\n```\n\n<!-- a note about postlint-disable -->\n";
        let (found, problems) = scan_all(text, false);
        assert!(found.is_empty(), "{found:?}");
        assert!(problems.is_empty());
    }

    #[test]
    fn a_multi_line_comment_block_is_one_directive() {
        let text =
            "Intro.\n\n<!--\n  postlint-disable\n  correct.repeated-word\n-->\n\nThe the end.\n";
        let (found, _) = scan_all(text, false);
        assert_eq!(found.len(), 1);
        assert_eq!(names(&found[0]), ["correct.repeated-word"]);
    }

    #[test]
    fn mdx_uses_jsx_comments_outside_code() {
        let text = "{/* postlint-disable-next-line strategy.shouting */}\nNASA launched.\n\n`{/* postlint-disable x */}`\n";
        let (found, _) = scan_all(text, true);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].action, Action::DisableNextLine);
        let (html, _) = scan_all("<!-- postlint-disable x -->\n", true);
        assert!(html.is_empty(), "MDX files use the JSX form");
    }

    #[test]
    fn a_misspelt_directive_is_a_problem_with_a_suggestion() {
        let text = "<!-- postlint-disabel correct -->\nText.\n";
        let (found, problems) = scan_all(text, false);
        assert!(found.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "unknown directive `postlint-disabel`");
        assert_eq!(
            problems[0].help.as_deref(),
            Some("did you mean `postlint-disable`?")
        );
        assert_eq!(&text[problems[0].span.unwrap().range()], "postlint-disabel");
    }
}
