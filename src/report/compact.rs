//! `path:line:column: severity rule: message`, one line per finding.

use std::io::{self, Write};

use super::Options;
use crate::outcome::{FileOutcome, RunInfo};

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
                let at = file.position(f.span.start);
                let label = if s.only_here {
                    format!("[{}] ", info.channel(post.channel).name)
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "{}:{}:{}: {} {}: {label}{}",
                    file.path,
                    at.line,
                    at.column,
                    f.severity,
                    info.rule(f.rule).id,
                    f.message
                )?;
            }
        }
        Ok(())
    }
}

pub fn finish(errors: &[String], out: &mut dyn Write) -> io::Result<()> {
    for e in errors {
        writeln!(out, "{e}")?;
    }
    Ok(())
}
