//! Hover on a finding: the rule, the message, why it matters and how to
//! fix it, as Markdown.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::diagnostics::{converter, docs_link, shown_findings};
use super::documents::Checked;
use crate::span::Encoding;

pub fn hover(checked: &Checked, position: Position, encoding: Encoding) -> Option<Hover> {
    let file = &checked.outcome;
    let at = converter(file, encoding);
    let offset = at.offset(position);
    let mut parts = Vec::new();
    let mut range = None;
    for (_, f) in shown_findings(file) {
        if !(f.span.start <= offset && offset <= f.span.end) {
            continue;
        }
        let rule = checked.engine.info.rule(f.rule);
        let mut text = format!(
            "**postlint** `{}` ({})\n\n{}",
            rule.id, f.severity, f.message
        );
        if !rule.why.is_empty() {
            text.push_str(&format!("\n\n*Why:* {}", rule.why.trim()));
        }
        if let Some(help) = &rule.help {
            text.push_str(&format!("\n\n*Help:* {}", help.trim()));
        }
        if let Some(link) = docs_link(checked, &rule.id) {
            text.push_str(&format!("\n\n[Rule reference]({})", link.as_str()));
        }
        if !parts.contains(&text) {
            parts.push(text);
        }
        range.get_or_insert(at.range(f.span));
    }
    (!parts.is_empty()).then(|| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range,
    })
}
