//! The JSON report. Its shape is a contract (see README, "JSON report"):
//! fields are only ever added, and `version` changes if one must change.

use std::io::{self, Write};

use serde::Serialize;

use super::{Run, Summary, locate};
use crate::engine::Engine;
use crate::score::shown;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files: Vec<File<'a>>,
    errors: &'a [String],
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    problems: Vec<Problem<'a>>,
    posts: Vec<Post<'a>>,
}

#[derive(Serialize)]
struct Problem<'a> {
    message: &'a str,
    line: usize,
    column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Post<'a> {
    /// 1-based, as in "post 2 of 5".
    index: usize,
    count: usize,
    channel: &'a str,
    audience: &'a str,
    passed: bool,
    reasons: &'a [String],
    scores: serde_json::Map<String, serde_json::Value>,
    words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<Length>,
    line: usize,
    end_line: usize,
    findings: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct Length {
    value: usize,
    max: usize,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    checklist: &'a str,
    severity: &'a str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<Fix<'a>>,
}

#[derive(Serialize)]
struct Fix<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
    safe: bool,
}

pub fn render(run: &Run, engine: &Engine, out: &mut dyn Write) -> io::Result<()> {
    let book = &engine.book;
    let files = run
        .files
        .iter()
        .map(|file| File {
            path: &file.path,
            problems: file
                .problems
                .iter()
                .map(|p| {
                    let pos = p.span.map(|s| file.lines.position(&file.source, s.start));
                    Problem {
                        message: &p.message,
                        line: pos.map_or(1, |p| p.line),
                        column: pos.map_or(1, |p| p.column),
                        help: p.help.as_deref(),
                    }
                })
                .collect(),
            posts: file
                .posts
                .iter()
                .map(|post| {
                    let mut scores = serde_json::Map::new();
                    scores.insert("overall".into(), shown(post.score.overall).into());
                    for s in &post.score.checklists {
                        scores.insert(
                            book.checklists[s.checklist].id.clone(),
                            shown(s.score).into(),
                        );
                    }
                    let (line, _, end_line, _) = locate(file, post.span);
                    Post {
                        index: post.index + 1,
                        count: post.count,
                        channel: &post.channel,
                        audience: &post.audience.name,
                        passed: post.passed,
                        reasons: &post.reasons,
                        scores,
                        words: post.score.words,
                        length: post.length.map(|(value, max)| Length { value, max }),
                        line,
                        end_line,
                        findings: post
                            .findings
                            .iter()
                            .map(|f| {
                                let rule = &book.rules[f.rule];
                                let (line, column, end_line, end_column) = locate(file, f.span);
                                Finding {
                                    rule: &rule.id,
                                    checklist: &book.checklists[rule.checklist].id,
                                    severity: f.severity.as_str(),
                                    message: &f.message,
                                    line,
                                    column,
                                    end_line,
                                    end_column,
                                    byte_start: f.span.start,
                                    byte_end: f.span.end,
                                    suggestion: f.fix.as_ref().map(|x| x.replacement.as_str()),
                                    fix: f.fix.as_ref().map(|x| Fix {
                                        byte_start: x.span.start,
                                        byte_end: x.span.end,
                                        replacement: &x.replacement,
                                        safe: x.safe,
                                    }),
                                }
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let report = Report {
        version: 1,
        files,
        errors: &run.errors,
        summary: run.summary(),
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::other)?;
    writeln!(out)
}
