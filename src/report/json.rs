//! The JSON report. Its shape is a contract (see README, "JSON report"):
//! fields are only ever added, and `version` changes if one must change.
//!
//! It streams: the opening is written by `begin`, each file as it comes,
//! the totals by `finish`. The text is byte for byte what serde_json's
//! pretty printer gives for the whole report at once.

use std::io::{self, Write};

use serde::Serialize;

use crate::outcome::{Goal, Tone};

use super::{finding_points, no_channel_text, skip_text};
use crate::outcome::{FileOutcome, PostOutcome, RunInfo, Summary, shown};

pub struct Json {
    files: usize,
    /// `--explain-score`: each post carries its `deductions`.
    explain_score: bool,
    show_suppressed: bool,
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
    lang: String,
    /// The post's goal, when something set one.
    #[serde(skip_serializing_if = "Option::is_none")]
    goal: Option<Goal>,
    /// Left out for the normal tone.
    #[serde(skip_serializing_if = "Option::is_none")]
    tone: Option<Tone>,
    passed: bool,
    reasons: Vec<String>,
    scores: serde_json::Map<String, serde_json::Value>,
    /// The band of the overall score: "excellent", "acceptable"...
    band: &'a str,
    /// Set when an error held the scores inside the lowest band.
    #[serde(skip_serializing_if = "Option::is_none")]
    score_cap: Option<ScoreCapJson<'a>>,
    /// With `--explain-score`: per checklist id that lost points, each
    /// finding's cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    deductions: Option<serde_json::Map<String, serde_json::Value>>,
    words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<Length>,
    /// Left out for a post without words.
    #[serde(skip_serializing_if = "Option::is_none")]
    reading_level: Option<ReadingLevelJson<'a>>,
    line: usize,
    end_line: usize,
    findings: Vec<Finding<'a>>,
    /// With `--show-suppressed`: findings the file suppresses, each marked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressed: Vec<Finding<'a>>,
    /// Rules that could not check this post (left out when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    skipped: Vec<Skipped<'a>>,
}

#[derive(Serialize)]
struct ScoreCapJson<'a> {
    /// The most a post with an error may show (its scores are scaled by
    /// `at / 100`), and the overall score before.
    at: u32,
    before: u32,
    rules: Vec<&'a str>,
}

/// Each finding's share of its checklist's lost points: `points` =
/// 100 × weight × magnitude / (units + penalty), as `--explain-score`
/// prints them; a checklist's points add up to 100 minus its score before
/// any cap.
fn deductions(info: &RunInfo, post: &PostOutcome) -> serde_json::Map<String, serde_json::Value> {
    let mut out = serde_json::Map::new();
    for s in post.score.checklists().filter(|s| s.penalty > 0.0) {
        let list: Vec<serde_json::Value> = post
            .findings
            .iter()
            .filter(|f| info.rule(f.rule).checklist == s.checklist)
            .map(|f| {
                let points = finding_points(info, post, f);
                serde_json::json!({
                    "rule": info.rule(f.rule).id,
                    "severity": f.severity.as_str(),
                    "magnitude": (f.magnitude * 1000.0).round() / 1000.0,
                    "points": (points * 100.0).round() / 100.0,
                })
            })
            .collect();
        out.insert(info.checklist(s.checklist).id.clone(), list.into());
    }
    out
}

#[derive(Serialize)]
struct Skipped<'a> {
    rule: &'a str,
    reason: String,
}

/// The post's reading level in its language's formula; `value` is null
/// for a post too short to grade.
#[derive(Serialize)]
struct ReadingLevelJson<'a> {
    formula: &'a str,
    value: Option<f64>,
    target: f64,
    /// `below` (grades, LIX) or `above` (reading ease): where the target
    /// lies for a post that reads easily enough.
    easy_side: &'static str,
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
    /// The post's channel, on findings of channel-specific rules (limits,
    /// counting, rules for some channels only).
    #[serde(skip_serializing_if = "Option::is_none")]
    channel: Option<&'a str>,
    /// Only on findings listed under `suppressed`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    suppressed: bool,
}

/// `byte_start`, `byte_end` and `replacement` describe the first edit
/// (version 1 had one edit per fix); `edits` lists them all.
#[derive(Serialize)]
struct Fix<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
    safe: bool,
    /// `safe` (applied by `--fix`) or `review` (by `--fix --review-fixes`).
    applicability: &'static str,
    edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
struct Edit<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
}

impl Json {
    pub fn new(explain_score: bool, show_suppressed: bool) -> Self {
        Self {
            files: 0,
            explain_score,
            show_suppressed,
        }
    }

    pub fn begin(&mut self, _: &RunInfo, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\n  \"version\": 1,\n  \"files\": [")
    }

    pub fn file(
        &mut self,
        info: &RunInfo,
        file: &FileOutcome,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        out.write_all(if self.files == 0 { b"\n" } else { b",\n" })?;
        self.files += 1;
        // One post at a time: a thread of 100,000 posts never exists as
        // one JSON value in memory.
        write!(out, "    {{\n      \"path\": ")?;
        write_nested(out, &file.path, 6, false)?;
        write!(out, ",\n      \"problems\": ")?;
        write_nested(out, &problems(file), 6, false)?;
        if let Some(no_channel) = &file.no_channel {
            write!(out, ",\n      \"no_channel\": ")?;
            let value = serde_json::json!({
                "message": no_channel_text(no_channel),
                "looks_like_a_thread": no_channel.looks_like_a_thread,
            });
            write_nested(out, &value, 6, false)?;
        }
        // With --fix or --diff: how many problems the fixes removed (the
        // posts are those of the fixed text).
        if let Some(fixed) = file.fixed {
            write!(out, ",\n      \"fixed\": {}", fixed.count)?;
        }
        write!(out, ",\n      \"posts\": [")?;
        for (i, post) in file.posts.iter().enumerate() {
            out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            write_nested(
                out,
                &post_json(info, file, post, self.explain_score, self.show_suppressed),
                8,
                true,
            )?;
        }
        if !file.posts.is_empty() {
            write!(out, "\n      ")?;
        }
        write!(out, "]\n    }}")
    }

    pub fn finish(
        &mut self,
        summary: &Summary,
        errors: &[String],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if self.files > 0 {
            write!(out, "\n  ")?;
        }
        write!(out, "],\n  \"errors\": ")?;
        write_nested(out, errors, 2, false)?;
        write!(out, ",\n  \"summary\": ")?;
        write_nested(out, summary, 2, false)?;
        writeln!(out, "\n}}")
    }
}

/// A run that did not load: `{"version": 1, "files": [], "errors": [...],
/// "summary": {... "problems": N ...}}`.
pub fn not_loaded(errors: &[String], out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{{\n  \"version\": 1,\n  \"files\": [")?;
    let summary = Summary {
        problems: errors.len(),
        ..Summary::default()
    };
    Json::new(false, false).finish(&summary, errors, out)
}

/// `value` pretty-printed as serde_json prints it `indent` spaces deep:
/// every line after the first indented (JSON strings hold no raw line
/// breaks), and the first too when it starts an array element rather than
/// following a key.
fn write_nested<T: Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
    indent: usize,
    indent_first: bool,
) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        if i > 0 || indent_first {
            write!(out, "{:indent$}", "")?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn problems(file: &FileOutcome) -> Vec<Problem<'_>> {
    file.problems
        .iter()
        .map(|p| {
            let pos = p.span.map(|s| file.position(s.start));
            Problem {
                message: &p.message,
                line: pos.map_or(1, |p| p.line),
                column: pos.map_or(1, |p| p.column),
                help: p.help.as_deref(),
            }
        })
        .collect()
}

fn post_json<'a>(
    info: &'a RunInfo,
    file: &'a FileOutcome,
    post: &'a PostOutcome,
    explain: bool,
    show_suppressed: bool,
) -> Post<'a> {
    let mut scores = serde_json::Map::new();
    scores.insert("overall".into(), shown(post.score.overall).into());
    for s in post.score.checklists() {
        scores.insert(
            info.checklist(s.checklist).id.clone(),
            shown(s.score).into(),
        );
    }
    let (start, end) = file.locate(post.span);
    Post {
        index: post.index + 1,
        count: post.count,
        channel: &info.channel(post.channel).id,
        audience: &file.audience.name,
        lang: post.lang.to_string(),
        goal: file.goal,
        tone: (file.tone != Tone::Normal).then_some(file.tone),
        passed: post.verdict.passed,
        reasons: super::reason_texts(info, post),
        scores,
        band: &info.bands[post.score.band],
        score_cap: post.score.cap.as_ref().map(|c| ScoreCapJson {
            at: shown(c.at),
            before: shown(c.before),
            rules: c.rules.iter().map(|&r| info.rule(r).id.as_str()).collect(),
        }),
        deductions: explain.then(|| deductions(info, post)),
        words: post.score.words,
        length: post.length.map(|(value, max)| Length { value, max }),
        reading_level: (post.reading.words > 0).then(|| {
            let r = &post.reading;
            let round = |v: f64| (v * 100.0).round() / 100.0;
            ReadingLevelJson {
                formula: r.formula,
                value: r.graded.then(|| round(r.value)),
                target: round(r.target),
                easy_side: if r.higher_is_harder { "below" } else { "above" },
            }
        }),
        line: start.line,
        end_line: end.line,
        findings: post
            .findings
            .iter()
            .map(|f| finding_json(info, file, post, f, false))
            .collect(),
        suppressed: if show_suppressed {
            post.suppressed
                .iter()
                .map(|f| finding_json(info, file, post, f, true))
                .collect()
        } else {
            Vec::new()
        },
        skipped: post
            .skipped
            .iter()
            .map(|skip| Skipped {
                rule: &info.rule(skip.rule).id,
                reason: skip_text(info, skip),
            })
            .collect(),
    }
}

fn finding_json<'a>(
    info: &'a RunInfo,
    file: &'a FileOutcome,
    post: &'a PostOutcome,
    f: &'a crate::finding::Finding,
    suppressed: bool,
) -> Finding<'a> {
    let rule = info.rule(f.rule);
    let (start, end) = file.locate(f.span);
    let first = f.fix.as_ref().and_then(|x| x.edits.first());
    Finding {
        rule: &rule.id,
        checklist: &info.checklist(rule.checklist).id,
        severity: f.severity.as_str(),
        message: &f.message,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        byte_start: f.span.start,
        byte_end: f.span.end,
        suggestion: first.map(|e| e.replacement.as_str()),
        channel: rule
            .channel_specific
            .then(|| info.channel(post.channel).id.as_str()),
        fix: f.fix.as_ref().zip(first).map(|(x, first)| Fix {
            byte_start: first.span.start,
            byte_end: first.span.end,
            replacement: &first.replacement,
            safe: x.is_safe(),
            applicability: x.applicability.as_str(),
            edits: x
                .edits
                .iter()
                .map(|e| Edit {
                    byte_start: e.span.start,
                    byte_end: e.span.end,
                    replacement: &e.replacement,
                })
                .collect(),
        }),
        suppressed,
    }
}
