//! GitHub Actions workflow commands: `::error file=…,line=…::message`, one
//! line per finding, shown by GitHub as annotations on the files.
//!
//! GitHub shows at most 10 annotations of each level per step and 50 per
//! job, so lines are ordered errors first, then warnings, then notices
//! (suggestions), each by file in input order; every line is printed, and
//! one plain line at the end says how many will not show as annotations.
//! The Markdown summary for `$GITHUB_STEP_SUMMARY` is rendered alongside
//! (`step_summary`); the caller appends it to that file.

use std::io::{self, Write};

use super::markdown::Markdown;
use super::place::Base;
use super::{message_with_channel, plural, problem_position, visible};
use crate::finding::Severity;
use crate::outcome::{FileOutcome, RunInfo, Summary};

/// Annotations GitHub shows per level in one step, and in one job.
pub const PER_LEVEL: usize = 10;
pub const PER_JOB: usize = 50;

pub struct Github {
    base: Base,
    /// (level: 0 error, 1 warning, 2 notice; the line), in input order.
    lines: Vec<(usize, String)>,
    summary: Markdown,
    step_summary: Vec<u8>,
}

const LEVELS: [&str; 3] = ["error", "warning", "notice"];

fn level(severity: Severity) -> usize {
    severity.index()
}

impl Github {
    pub fn new(base: Base) -> Self {
        Self {
            base,
            lines: Vec::new(),
            summary: Markdown::default(),
            step_summary: Vec::new(),
        }
    }

    pub fn step_summary(&self) -> &[u8] {
        &self.step_summary
    }

    pub fn file(&mut self, info: &RunInfo, file: &FileOutcome) -> io::Result<()> {
        let path = self.base.relative(&file.path);
        for p in &file.problems {
            let (line, col) = problem_position(file, p);
            let mut message = p.message.clone();
            if let Some(help) = &p.help {
                message.push_str(&format!("\n{help}"));
            }
            let props = format!(
                "file={},line={line},col={col},title={}",
                property(&path),
                property("postlint: file problem")
            );
            self.lines
                .push((0, format!("::error {props}::{}", data(&message))));
        }
        for (_, post, f, shown) in visible(file) {
            let (start, end) = file.locate(f.span);
            let props = format!(
                "file={},line={},col={},endLine={},endColumn={},title={}",
                property(&path),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&info.rule(f.rule).id)
            );
            let message = message_with_channel(info, post, f, shown);
            let l = level(f.severity);
            self.lines
                .push((l, format!("::{} {props}::{}", LEVELS[l], data(&message))));
        }
        self.summary.file(info, file)
    }

    pub fn finish(
        &mut self,
        summary: &Summary,
        errors: &[String],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for e in errors {
            self.lines
                .push((0, format!("::error title=postlint::{}", data(e))));
        }
        // Stable: within a level, files stay in input order and findings
        // in position order.
        self.lines.sort_by_key(|(l, _)| *l);
        let mut counts = [0usize; 3];
        for (l, line) in &self.lines {
            counts[*l] += 1;
            writeln!(out, "{line}")?;
        }
        let total: usize = counts.iter().sum();
        let shown = counts.iter().map(|&n| n.min(PER_LEVEL)).sum::<usize>();
        let hidden = total - shown.min(PER_JOB);
        writeln!(
            out,
            "postlint: {} checked: {} passed, {} failed; {}",
            plural(summary.posts, "post"),
            summary.passed,
            summary.failed,
            super::severity_counts(summary),
        )?;
        if hidden > 0 {
            writeln!(
                out,
                "postlint: {hidden} of {total} annotations will not show on the files (GitHub shows {PER_LEVEL} errors, {PER_LEVEL} warnings and {PER_LEVEL} notices per step, {PER_JOB} per job); all are listed above in this log, and in the code scanning alerts when a SARIF report is uploaded"
            )?;
        }
        self.summary.finish(summary, errors, &mut self.step_summary)
    }
}

/// A workflow command's message: `%`, CR and LF escaped.
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as [`data`], and `:` and `,`.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The undoing of [`property`] (and of [`data`]), as GitHub's runner does.
pub fn unescape(s: &str) -> String {
    s.replace("%2C", ",")
        .replace("%3A", ":")
        .replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

/// What fits in `$GITHUB_STEP_SUMMARY` (1 MiB per step) after the
/// `existing` bytes already in it: `summary` whole, or cut at a line with
/// a note saying so.
pub fn fit_step_summary(existing: u64, summary: &[u8]) -> Vec<u8> {
    const CAP: u64 = 1024 * 1024;
    const NOTE: &str = "\n\n*postlint: the summary was cut here: GitHub keeps 1 MiB per step. The job log has every finding.*\n";
    let room = CAP.saturating_sub(existing) as usize;
    if summary.len() <= room {
        return summary.to_vec();
    }
    let keep = room.saturating_sub(NOTE.len());
    let cut = summary[..keep]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap_or(0);
    let mut out = summary[..cut].to_vec();
    if NOTE.len() <= room {
        out.extend_from_slice(NOTE.as_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips() {
        let hostile = "100% sure,\r\nreally: %0A, %25 ::error";
        assert_eq!(unescape(&property(hostile)), hostile);
        assert_eq!(unescape(&data(hostile)), hostile);
        assert!(!property(hostile).contains([',', ':', '\n', '\r']));
        assert!(!data(hostile).contains(['\n', '\r']));
    }

    #[test]
    fn step_summary_is_cut_at_a_line_with_a_note() {
        assert_eq!(fit_step_summary(0, b"a\nb\n"), b"a\nb\n");
        let big = "row\n".repeat(300_000);
        let cut = fit_step_summary(100, big.as_bytes());
        assert!(cut.len() as u64 + 100 <= 1024 * 1024);
        assert!(String::from_utf8(cut).unwrap().contains("was cut here"));
        assert!(fit_step_summary(2 * 1024 * 1024, big.as_bytes()).is_empty());
    }
}
