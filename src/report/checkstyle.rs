//! Checkstyle XML (as reviewdog's `-f=checkstyle` reads it): a `<file>`
//! per file, an `<error>` per finding with line, column, severity
//! (`error`, `warning`, `info`), message and `source` (`postlint.RULE`).
//! File problems are errors with source `postlint.problem`; run errors
//! sit under `<file name="postlint">`.

use std::io::{self, Write};

use super::xml::escape;
use super::{message_with_channel, problem_position, visible};
use crate::finding::Severity;
use crate::outcome::{FileOutcome, RunInfo};

pub struct Checkstyle;

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "info",
    }
}

impl Checkstyle {
    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<checkstyle version=\"4.3\">")
    }

    pub fn file(
        &mut self,
        info: &RunInfo,
        file: &FileOutcome,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(out, "  <file name=\"{}\">", escape(&file.path))?;
        for p in &file.problems {
            let (line, col) = problem_position(file, p);
            writeln!(
                out,
                "    <error line=\"{line}\" column=\"{col}\" severity=\"error\" message=\"{}\" source=\"postlint.problem\"/>",
                escape(&p.message)
            )?;
        }
        for (_, post, f, s) in visible(file) {
            let at = file.position(f.span.start);
            writeln!(
                out,
                "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"postlint.{}\"/>",
                at.line,
                at.column,
                severity(f.severity),
                escape(&message_with_channel(info, post, f, s)),
                escape(&info.rule(f.rule).id)
            )?;
        }
        writeln!(out, "  </file>")
    }

    pub fn finish(&mut self, errors: &[String], out: &mut dyn Write) -> io::Result<()> {
        if !errors.is_empty() {
            writeln!(out, "  <file name=\"postlint\">")?;
            for e in errors {
                writeln!(
                    out,
                    "    <error severity=\"error\" message=\"{}\" source=\"postlint.problem\"/>",
                    escape(e)
                )?;
            }
            writeln!(out, "  </file>")?;
        }
        writeln!(out, "</checkstyle>")
    }
}
