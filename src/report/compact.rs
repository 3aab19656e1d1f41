//! `path:line:column: severity rule: message`, one line per finding.

use std::io::{self, Write};

use super::{Options, Run, locate};
use crate::engine::Engine;

pub fn render(run: &Run, engine: &Engine, options: Options, out: &mut dyn Write) -> io::Result<()> {
    for file in &run.files {
        for p in &file.problems {
            let (line, col) = p.span.map_or((1, 1), |s| {
                let pos = file.lines.position(&file.source, s.start);
                (pos.line, pos.column)
            });
            writeln!(out, "{}:{line}:{col}: problem: {}", file.path, p.message)?;
        }
        for post in &file.posts {
            if options.quiet && post.passed {
                continue;
            }
            for f in &post.findings {
                let (line, col, _, _) = locate(file, f.span);
                let rule = &engine.book.rules[f.rule];
                writeln!(
                    out,
                    "{}:{line}:{col}: {} {}: {}",
                    file.path, f.severity, rule.id, f.message
                )?;
            }
        }
    }
    for e in &run.errors {
        writeln!(out, "{e}")?;
    }
    Ok(())
}
