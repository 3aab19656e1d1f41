//! Code actions on a range: each finding's fix as a quick fix (preferred
//! when safe; "review" in the title when a person should look), and
//! "Disable RULE here" in the form that fits the post's channel
//! ([`super::disable`]).

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, NumberOrString, Range, TextEdit,
    Uri, WorkspaceEdit,
};

use super::convert::Converter;
use super::diagnostics::{converter, shown_findings};
use super::disable;
use super::documents::Checked;
use crate::finding::Finding;
use crate::fix::{Edit, Fix};
use crate::input::document::{self, Syntax};
use crate::span::{Encoding, Span};
use crate::text::post::Reading;

/// The actions for findings that touch `range`. `diagnostics` are the
/// client's (the request's context): each action names the one of its
/// finding.
pub fn code_actions(
    checked: &Checked,
    path: Option<&Path>,
    uri: &Uri,
    range: Range,
    diagnostics: &[Diagnostic],
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let file = &checked.outcome;
    let at = converter(file, encoding);
    let wanted = at.span(range);
    let syntax = path.map_or(Syntax::Plain, Syntax::from_path);
    let mdx = path
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("mdx"));
    let doc = document::parse(&file.source, syntax);
    let mut actions = Vec::new();
    let mut disables = Vec::new();
    for (post, f) in shown_findings(file) {
        if !(f.span.start <= wanted.end && wanted.start <= f.span.end) {
            continue;
        }
        let rule = &checked.engine.info.rule(f.rule).id;
        let finding_range = at.range(f.span);
        let theirs: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| {
                d.range == finding_range && d.code == Some(NumberOrString::String(rule.clone()))
            })
            .cloned()
            .collect();
        if let Some(fix) = &f.fix {
            actions.push(action(
                fix_title(&file.source, fix),
                &at,
                uri,
                &fix.edits,
                theirs.clone(),
                fix.is_safe(),
            ));
        }
        let reading = checked.engine.channels.get(post.channel).reading(syntax);
        let in_body = doc.body.contains(Span::new(f.span.start, f.span.start));
        let edit = if reading == Reading::Markdown && in_body {
            let edit =
                disable::next_line_comment(&file.source, &file.lines, f.span.start, rule, mdx);
            Some((format!("Disable {rule} here"), edit))
        } else {
            disable::front_matter_allow(
                &file.source,
                doc.front_matter_span,
                rule,
                &allowed_text(file, f),
            )
            .map(|edit| (format!("Disable {rule} for this text (front matter)"), edit))
        };
        if let Some((title, edit)) = edit
            && !disables
                .iter()
                .any(|(t, e): &(String, Edit)| *t == title && *e == edit)
        {
            disables.push((title, edit));
            let (title, edit) = disables.last().expect("just pushed");
            actions.push(action(
                title.clone(),
                &at,
                uri,
                std::slice::from_ref(edit),
                theirs,
                false,
            ));
        }
    }
    actions
}

/// `source.fixAll.postlint`: every safe fix of the file at once (fixes of
/// one place taken once, as `fix::apply` does), as one edit of the whole
/// text; `None` when there is no safe fix.
pub fn fix_all(checked: &Checked, uri: &Uri, encoding: Encoding) -> Option<CodeActionOrCommand> {
    let file = &checked.outcome;
    let safe: Vec<Fix> = shown_findings(file)
        .filter_map(|(_, f)| f.fix.clone().filter(Fix::is_safe))
        .collect();
    if safe.is_empty() {
        return None;
    }
    let fixed = crate::fix::apply(&file.source, &safe);
    let at = converter(file, encoding);
    let whole = Edit {
        span: Span::new(0, file.source.len()),
        replacement: fixed,
    };
    let CodeActionOrCommand::CodeAction(mut action) = action(
        "Fix all safe problems (postlint)".to_owned(),
        &at,
        uri,
        &[whole],
        Vec::new(),
        false,
    ) else {
        return None;
    };
    action.kind = Some(fix_all_kind());
    Some(CodeActionOrCommand::CodeAction(action))
}

pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.postlint")
}

/// The finding's text, as an `allow` entry names it.
fn allowed_text(file: &crate::outcome::FileOutcome, f: &Finding) -> String {
    f.span.text(&file.source).to_owned()
}

fn action(
    title: String,
    at: &Converter<'_>,
    uri: &Uri,
    edits: &[Edit],
    diagnostics: Vec<Diagnostic>,
    preferred: bool,
) -> CodeActionOrCommand {
    let edits = edits
        .iter()
        .map(|e| TextEdit {
            range: at.range(e.span),
            new_text: e.replacement.clone(),
        })
        .collect();
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

/// "Replace “utilize” with “use”"; a fix to review says so.
pub fn fix_title(source: &str, fix: &Fix) -> String {
    let what = match fix.edits.as_slice() {
        [e] if e.replacement.is_empty() => format!("Delete “{}”", short(e.span.text(source))),
        [e] if e.span.is_empty() => format!("Insert “{}”", short(&e.replacement)),
        [e] => format!(
            "Replace “{}” with “{}”",
            short(e.span.text(source)),
            short(&e.replacement)
        ),
        _ => "Apply the fix".to_owned(),
    };
    if fix.is_safe() {
        what
    } else {
        format!("{what} (review: may change the meaning)")
    }
}

fn short(s: &str) -> String {
    const MAX: usize = 40;
    let s = s.replace(['\r', '\n'], " ");
    if s.chars().count() <= MAX {
        s
    } else {
        let cut: String = s.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;

    #[test]
    fn titles_say_what_changes_and_whether_to_review() {
        let src = "to utilize the the";
        let safe = Fix::replace(Span::new(11, 15), "", Applicability::Safe);
        assert_eq!(fix_title(src, &safe), "Delete “the ”");
        let review = Fix::replace(Span::new(3, 10), "use", Applicability::Review);
        assert_eq!(
            fix_title(src, &review),
            "Replace “utilize” with “use” (review: may change the meaning)"
        );
    }
}
