//! SARIF 2.1.0, as GitHub code scanning accepts it.
//!
//! Results stream file by file; `tool.driver.rules` lists the rules that
//! have results (each result's `ruleIndex` points into it), so it is
//! written after them, when it is known (a JSON object's members have no
//! order). Columns are code points (`columnKind: unicodeCodePoints`, as
//! `span.rs` counts them), end columns exclusive; byte offsets index the
//! file as stored. URIs are relative to the repository root
//! ([`Base`]). File problems and run errors are
//! `invocations[0].toolExecutionNotifications`, and make
//! `executionSuccessful` false.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::place::{Base, fingerprints};
use super::{message_with_channel, visible};
use crate::finding::Severity;
use crate::outcome::{FileOutcome, RunInfo};
use crate::span::Span;

pub struct Sarif {
    base: Base,
    results: usize,
    /// Rule id → its position in `tool.driver.rules`, once it has a result.
    /// By id, not index: files under different configs come from different
    /// rule books.
    index: std::collections::HashMap<String, usize>,
    /// The driver's rules in order of first result: (id, rule object).
    rules: Vec<Value>,
    notifications: Vec<Value>,
}

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "note",
    }
}

impl Sarif {
    pub fn new(base: Base) -> Self {
        Self {
            base,
            results: 0,
            index: std::collections::HashMap::new(),
            rules: Vec::new(),
            notifications: Vec::new(),
        }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(
            out,
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"results\": ["
        )
    }

    fn rule_index(&mut self, info: &RunInfo, rule: crate::ids::RuleId) -> usize {
        let r = info.rule(rule);
        if let Some(&i) = self.index.get(&r.id) {
            return i;
        }
        let why = r.why.trim();
        let short = first_sentence(why).unwrap_or(&r.id);
        let mut help = why.to_owned();
        if let Some(h) = &r.help {
            if !help.is_empty() {
                help.push_str("\n\n");
            }
            help.push_str(h.trim());
        }
        if help.is_empty() {
            help = r.id.clone();
        }
        let mut object = json!({
            "id": r.id,
            "name": r.id,
            "shortDescription": { "text": short },
            "fullDescription": { "text": if why.is_empty() { &r.id } else { why } },
            "help": { "text": help, "markdown": help },
            "defaultConfiguration": { "level": level(r.severity) },
            "properties": { "tags": [info.checklist(r.checklist).id] },
        });
        if let Some(uri) = self.base.help_uri(&r.id) {
            object["helpUri"] = uri.into();
        }
        self.rules.push(object);
        let i = self.rules.len() - 1;
        self.index.insert(r.id.clone(), i);
        i
    }

    pub fn file(
        &mut self,
        info: &RunInfo,
        file: &FileOutcome,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let uri = self.base.uri(&file.path);
        for p in &file.problems {
            let mut location =
                json!({ "physicalLocation": { "artifactLocation": { "uri": uri } } });
            if let Some(span) = p.span {
                location["physicalLocation"]["region"] = region(file, span);
            }
            let mut text = p.message.clone();
            if let Some(help) = &p.help {
                text.push_str(&format!(" ({help})"));
            }
            self.notifications.push(json!({
                "level": "error",
                "message": { "text": text },
                "locations": [location],
            }));
        }
        let rel = self.base.relative(&file.path);
        let prints = fingerprints(info, file, &rel);
        for ((_, post, f, shown), print) in visible(file).zip(prints) {
            let rule_index = self.rule_index(info, f.rule);
            let mut result = json!({
                "ruleId": info.rule(f.rule).id,
                "ruleIndex": rule_index,
                "level": level(f.severity),
                "message": { "text": message_with_channel(info, post, f, shown) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": region(file, f.span),
                    }
                }],
                "partialFingerprints": { "postlint/v1": print },
            });
            if let Some(fix) = f.fix.as_ref().filter(|fix| fix.is_safe()) {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": region(file, e.span),
                            "insertedContent": { "text": e.replacement },
                        })
                    })
                    .collect();
                let description = match fix.edits.as_slice() {
                    [e] if e.replacement.is_empty() => "Delete the text".to_owned(),
                    [e] => format!("Replace with \u{201c}{}\u{201d}", e.replacement),
                    _ => "Apply the fix".to_owned(),
                };
                result["fixes"] = json!([{
                    "description": { "text": description },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri },
                        "replacements": replacements,
                    }],
                }]);
            }
            out.write_all(if self.results == 0 { b"\n" } else { b",\n" })?;
            self.results += 1;
            write_indented(out, &result, 8)?;
        }
        Ok(())
    }

    pub fn finish(&mut self, errors: &[String], out: &mut dyn Write) -> io::Result<()> {
        for e in errors {
            self.notifications.push(json!({
                "level": "error",
                "message": { "text": e },
            }));
        }
        if self.results > 0 {
            write!(out, "\n      ")?;
        }
        write!(out, "],\n      \"tool\": ")?;
        let tool = json!({
            "driver": {
                "name": "postlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": self.rules,
            }
        });
        write_nested(out, &tool, 6)?;
        write!(
            out,
            ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"invocations\": "
        )?;
        let invocations = json!([{
            "executionSuccessful": self.notifications.is_empty(),
            "toolExecutionNotifications": self.notifications,
        }]);
        write_nested(out, &invocations, 6)?;
        writeln!(out, "\n    }}\n  ]\n}}")
    }
}

/// A SARIF region: 1-based lines, code-point columns (end exclusive) and
/// the byte range of the file as stored.
fn region(file: &FileOutcome, span: Span) -> Value {
    let (start, end) = file.locate(span);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
        "byteOffset": span.start,
        "byteLength": span.len(),
    })
}

/// The first sentence of a text, for a rule's short description.
fn first_sentence(text: &str) -> Option<&str> {
    if text.is_empty() {
        return None;
    }
    let end = text
        .char_indices()
        .find(|&(i, c)| c == '.' && text[i + 1..].starts_with(char::is_whitespace))
        .map_or(text.len(), |(i, _)| i + 1);
    Some(&text[..end])
}

/// `value` pretty-printed at `indent` spaces, the first line included.
fn write_indented(out: &mut dyn Write, value: &Value, indent: usize) -> io::Result<()> {
    write!(out, "{}", " ".repeat(indent))?;
    write_nested(out, value, indent)
}

/// `value` pretty-printed as the member of an object at `indent` spaces:
/// its lines after the first are indented.
fn write_nested(out: &mut dyn Write, value: &Value, indent: usize) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let pad = " ".repeat(indent);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            write!(out, "\n{pad}")?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn short_description_is_the_first_sentence() {
        assert_eq!(
            first_sentence("Readers skim. Long ones lose them."),
            Some("Readers skim.")
        );
        assert_eq!(first_sentence("v1.2 is out"), Some("v1.2 is out"));
        assert_eq!(first_sentence(""), None);
    }
}
