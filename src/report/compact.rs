//! `path:line:column: severity rule: message`, one line per finding.

use std::io::{self, Write};

use super::Options;
use super::finding_points;
use crate::outcome::{FileOutcome, PostOutcome, RunInfo, shown};

pub struct Compact {
    pub options: Options,
}

impl Compact {
    pub fn file(
        &mut self,
        info: &RunInfo,
        file: &FileOutcome,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for p in &file.problems {
            let (line, col) = p.span.map_or((1, 1), |s| {
                let pos = file.position(s.start);
                (pos.line, pos.column)
            });
            writeln!(out, "{}:{line}:{col}: problem: {}", file.path, p.message)?;
        }
        // A file sent to several channels: each finding once, and "[X] "
        // before the message of one found on some channels only.
        for (i, post) in file.posts.iter().enumerate() {
            if self.options.quiet && post.verdict.passed {
                continue;
            }
            for (j, f) in post.findings.iter().enumerate() {
                let s = file.shown(i, j);
                if s.repeat {
                    continue;
                }
                let label = if s.only_here {
                    format!("[{}] ", info.channel(post.channel).name)
                } else {
                    String::new()
                };
                line(info, file, f, &label, out)?;
            }
            if self.options.show_suppressed {
                for f in &post.suppressed {
                    line(info, file, f, "(suppressed) ", out)?;
                }
            }
            if self.options.explain_score {
                explain(info, file, post, out)?;
            }
        }
        Ok(())
    }
}

/// `path:line:column: severity rule: LABELmessage`.
fn line(
    info: &RunInfo,
    file: &FileOutcome,
    f: &crate::finding::Finding,
    label: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let at = file.position(f.span.start);
    writeln!(
        out,
        "{}:{}:{}: {} {}: {label}{}",
        file.path,
        at.line,
        at.column,
        f.severity,
        info.rule(f.rule).id,
        f.message
    )
}

/// `--explain-score`: a line per deduction, the cap if one held the
/// score, and the post's scores with the overall band.
fn explain(
    info: &RunInfo,
    file: &FileOutcome,
    post: &PostOutcome,
    out: &mut dyn Write,
) -> io::Result<()> {
    let at = file.position(post.span.start);
    let place = format!("{}:{}:{}", file.path, at.line, at.column);
    for f in &post.findings {
        let at = file.position(f.span.start);
        let rule = info.rule(f.rule);
        writeln!(
            out,
            "{}:{}:{}: deduction {} {} magnitude {:.2}: -{:.2} points",
            file.path,
            at.line,
            at.column,
            rule.id,
            f.severity,
            f.magnitude,
            finding_points(info, post, f)
        )?;
    }
    if let Some(cap) = &post.score.cap {
        let rules: Vec<&str> = cap
            .rules
            .iter()
            .map(|&r| info.rule(r).id.as_str())
            .collect();
        writeln!(
            out,
            "{place}: cap overall {} before the cap, scaled by {}/100 for an error ({})",
            shown(cap.before),
            shown(cap.at),
            rules.join(", ")
        )?;
    }
    let scores: Vec<String> = post
        .score
        .checklists()
        .map(|s| format!("{} {}", info.checklist(s.checklist).id, shown(s.score)))
        .collect();
    writeln!(
        out,
        "{place}: score overall {} ({}), {}",
        shown(post.score.overall),
        info.bands[post.score.band],
        scores.join(", ")
    )
}

pub fn finish(errors: &[String], out: &mut dyn Write) -> io::Result<()> {
    for e in errors {
        writeln!(out, "{e}")?;
    }
    Ok(())
}
