//! "Disable RULE here" as text edits, in the form that fits where the post
//! is published. A Markdown-rendered post (blog, newsletter) takes a
//! comment above the finding's line, which the rendered page does not
//! show. A social post is published character for character, so nothing
//! may go into its body: the front matter gets an `allow` entry naming the
//! rule and the text it may keep. Pure functions of the text; reading the
//! directives back is the checker's job.

use crate::fix::Edit;
use crate::span::{LineIndex, Span};

/// `<!-- postlint-disable-next-line RULE -->` (`.mdx`: `{/* ... */}`) on a
/// line of its own above the line of `offset`, indented as that line.
pub fn next_line_comment(
    source: &str,
    lines: &LineIndex,
    offset: usize,
    rule: &str,
    mdx: bool,
) -> Edit {
    let line = lines.line_span(source, lines.line_of(offset));
    let text = line.text(source);
    let indent = &text[..text.len() - text.trim_start_matches([' ', '\t']).len()];
    let newline = if source[line.end..].starts_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let comment = if mdx {
        format!("{{/* postlint-disable-next-line {rule} */}}")
    } else {
        format!("<!-- postlint-disable-next-line {rule} -->")
    };
    Edit {
        span: Span::new(line.start, line.start),
        replacement: format!("{indent}{comment}{newline}"),
    }
}

/// An `allow` entry for `rule` and `text` in the front matter
/// (`front_matter`: its span, both fences included, as the document parser
/// found it). `None` when the front matter cannot be edited safely: TOML
/// front matter, a `postlint` or `allow` key in flow style, tabs.
pub fn front_matter_allow(
    source: &str,
    front_matter: Option<Span>,
    rule: &str,
    text: &str,
) -> Option<Edit> {
    let entry = |indent: &str, nl: &str| {
        format!(
            "{indent}- rule: {rule}{nl}{indent}  text: {}{nl}",
            yaml_quote(text)
        )
    };
    let Some(fm) = front_matter else {
        let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let nl = if source.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        return Some(insert(
            start,
            format!(
                "---{nl}postlint:{nl}  allow:{nl}{}---{nl}",
                entry("    ", nl)
            ),
        ));
    };
    let block = fm.text(source);
    if !block.starts_with("---") {
        return None;
    }
    let nl = if block.contains("\r\n") { "\r\n" } else { "\n" };
    // The lines between the fences: (offset in source, text without ending).
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = fm.start;
    for raw in block.split_inclusive('\n') {
        lines.push((at, raw.trim_end_matches(['\n', '\r'])));
        at += raw.len();
    }
    let closing = lines
        .iter()
        .rposition(|(_, l)| matches!(l.trim_end(), "---" | "..."))
        .filter(|&i| i > 0)?;
    let inner = &lines[1..closing];
    let end_of = |i: usize| lines.get(i + 1).map_or(fm.end, |(o, _)| *o);
    if inner
        .iter()
        .any(|(_, l)| l[..l.len() - l.trim_start().len()].contains('\t'))
    {
        return None;
    }
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let content = |l: &str| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#')
    };
    let empty_value = |rest: &str| {
        let rest = rest.trim();
        rest.is_empty() || rest.starts_with('#')
    };
    let Some(key) = inner
        .iter()
        .position(|(_, l)| indent(l) == 0 && l.starts_with("postlint:"))
    else {
        // No `postlint` key: the whole entry before the closing fence.
        return Some(insert(
            lines[closing].0,
            format!("postlint:{nl}  allow:{nl}{}", entry("    ", nl)),
        ));
    };
    if !empty_value(&inner[key].1["postlint:".len()..]) {
        return None;
    }
    // The `postlint` block: the lines after the key up to the next key.
    let block_end = inner[key + 1..]
        .iter()
        .position(|(_, l)| content(l) && indent(l) == 0)
        .map_or(inner.len(), |i| key + 1 + i);
    let children = &inner[key + 1..block_end];
    let last_content = |from: usize, to: usize| {
        (from..to)
            .rev()
            .find(|&i| content(inner[i].1))
            .unwrap_or(from - 1)
    };
    let Some(child) = children
        .iter()
        .find(|(_, l)| content(l))
        .map(|(_, l)| indent(l))
    else {
        // `postlint:` with nothing under it.
        return Some(insert(
            end_of(key + 1),
            format!("  allow:{nl}{}", entry("    ", nl)),
        ));
    };
    let pad = " ".repeat(child);
    let allow = (key + 1..block_end)
        .find(|&i| indent(inner[i].1) == child && inner[i].1.trim_start().starts_with("allow:"));
    let Some(allow) = allow else {
        let after = last_content(key + 1, block_end);
        return Some(insert(
            end_of(after + 1),
            format!("{pad}allow:{nl}{}", entry(&format!("{pad}  "), nl)),
        ));
    };
    if !empty_value(&inner[allow].1.trim_start()["allow:".len()..]) {
        return None;
    }
    // The list under `allow`: deeper lines, or `- ` items at its own indent.
    let is_item = |l: &str| {
        let t = l.trim_start();
        t == "-" || t.starts_with("- ")
    };
    let list_end = (allow + 1..block_end)
        .find(|&i| {
            let l = inner[i].1;
            content(l) && indent(l) <= child && !(indent(l) == child && is_item(l))
        })
        .unwrap_or(block_end);
    let item_indent = (allow + 1..list_end)
        .map(|i| inner[i].1)
        .find(|l| is_item(l))
        .map_or(child + 2, indent);
    let after = last_content(allow + 1, list_end);
    Some(insert(
        end_of(after + 1),
        entry(&" ".repeat(item_indent), nl),
    ))
}

fn insert(at: usize, text: String) -> Edit {
    Edit {
        span: Span::new(at, at),
        replacement: text,
    }
}

/// `s` as a YAML double-quoted scalar.
pub fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Applicability, Fix, apply};
    use crate::input::document::{Syntax, parse};

    fn allow(source: &str, syntax: Syntax) -> Option<String> {
        let fm = parse(source, syntax).front_matter_span;
        let edit = front_matter_allow(source, fm, "strategy.hype", "GUARANTEED \"100%\"")?;
        Some(apply(
            source,
            &[Fix {
                edits: vec![edit],
                applicability: Applicability::Review,
            }],
        ))
    }

    const ENTRY: &str = "    - rule: strategy.hype\n      text: \"GUARANTEED \\\"100%\\\"\"\n";

    #[test]
    fn no_front_matter_gets_one() {
        assert_eq!(
            allow("It is GUARANTEED.\n", Syntax::Plain).unwrap(),
            format!("---\npostlint:\n  allow:\n{ENTRY}---\nIt is GUARANTEED.\n")
        );
        assert_eq!(
            allow("\u{feff}Hi\r\n", Syntax::Plain).unwrap(),
            "\u{feff}---\r\npostlint:\r\n  allow:\r\n    - rule: strategy.hype\r\n      text: \"GUARANTEED \\\"100%\\\"\"\r\n---\r\nHi\r\n"
        );
    }

    #[test]
    fn front_matter_without_postlint_gets_the_key_before_its_fence() {
        let src = "---\nchannel: x\ntags: [a]\n---\nBody\n";
        assert_eq!(
            allow(src, Syntax::Plain).unwrap(),
            format!("---\nchannel: x\ntags: [a]\npostlint:\n  allow:\n{ENTRY}---\nBody\n")
        );
    }

    #[test]
    fn an_existing_allow_list_gets_one_more_item() {
        let src = "---\nchannel: x\npostlint:\n  allow:\n    - rule: a.b\n      text: \"x\"\n\nlang: en\n---\nBody\n";
        assert_eq!(
            allow(src, Syntax::Plain).unwrap(),
            format!(
                "---\nchannel: x\npostlint:\n  allow:\n    - rule: a.b\n      text: \"x\"\n{ENTRY}\nlang: en\n---\nBody\n"
            )
        );
        // Items at the key's own indentation (valid YAML) stay so.
        let src = "---\npostlint:\n  allow:\n  - rule: a.b\n    text: x\n---\nBody\n";
        assert_eq!(
            allow(src, Syntax::Plain).unwrap(),
            "---\npostlint:\n  allow:\n  - rule: a.b\n    text: x\n  - rule: strategy.hype\n    text: \"GUARANTEED \\\"100%\\\"\"\n---\nBody\n"
        );
    }

    #[test]
    fn postlint_without_allow_gets_allow() {
        let src = "---\npostlint:\n   disable: [a.b]\nchannel: x\n---\nBody\n";
        assert_eq!(
            allow(src, Syntax::Plain).unwrap(),
            "---\npostlint:\n   disable: [a.b]\n   allow:\n     - rule: strategy.hype\n       text: \"GUARANTEED \\\"100%\\\"\"\nchannel: x\n---\nBody\n"
        );
        let src = "---\nchannel: x\npostlint:\n---\nBody\n";
        assert_eq!(
            allow(src, Syntax::Plain).unwrap(),
            format!("---\nchannel: x\npostlint:\n  allow:\n{ENTRY}---\nBody\n")
        );
    }

    #[test]
    fn flow_style_and_toml_are_left_alone() {
        for src in [
            "---\npostlint: {allow: []}\n---\nBody\n",
            "---\npostlint:\n  allow: []\n---\nBody\n",
            "+++\nchannel = \"x\"\n+++\nBody\n",
        ] {
            assert_eq!(allow(src, Syntax::Markdown), None, "{src}");
        }
    }

    #[test]
    fn markdown_comments_go_above_the_line_with_its_indentation() {
        let src = "# Title\r\n\r\n  - It is GUARANTEED.\r\n";
        let lines = LineIndex::new(src);
        let at = src.find("GUAR").unwrap();
        let fix = |mdx| Fix {
            edits: vec![next_line_comment(src, &lines, at, "strategy.hype", mdx)],
            applicability: Applicability::Safe,
        };
        assert_eq!(
            apply(src, &[fix(false)]),
            "# Title\r\n\r\n  <!-- postlint-disable-next-line strategy.hype -->\r\n  - It is GUARANTEED.\r\n"
        );
        assert_eq!(
            apply(src, &[fix(true)]),
            "# Title\r\n\r\n  {/* postlint-disable-next-line strategy.hype */}\r\n  - It is GUARANTEED.\r\n"
        );
    }

    #[test]
    fn yaml_quoting_escapes() {
        assert_eq!(yaml_quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(yaml_quote("🚀 ok"), "\"🚀 ok\"");
    }
}
