//! Output formats. One enum, one file per format; each renders the same
//! [`Run`] and none decides anything: verdicts come from the engine.

mod compact;
mod json;
mod pretty;

use std::io::{self, Write};

use crate::engine::{Engine, FileReport};
use crate::finding::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source lines with carets, score bars and a verdict, for people.
    Pretty,
    /// One line per finding, for editors and grep.
    Compact,
    /// Machine-readable; versioned (`"version": 1`), documented in the README.
    Json,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Show only failing posts and no summary.
    pub quiet: bool,
    /// List the deductions behind every score.
    pub explain_score: bool,
}

/// Everything a run found.
pub struct Run {
    pub files: Vec<FileReport>,
    /// Problems that belong to no file (a path that does not exist...).
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub posts: usize,
    pub passed: usize,
    pub failed: usize,
    pub errors: usize,
    pub warnings: usize,
    pub suggestions: usize,
    /// Files that could not be read or had bad front matter, plus run errors.
    pub problems: usize,
}

impl Run {
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len(),
            problems: self.errors.len(),
            ..Summary::default()
        };
        for file in &self.files {
            s.problems += file.problems.len();
            for post in &file.posts {
                s.posts += 1;
                if post.passed {
                    s.passed += 1;
                } else {
                    s.failed += 1;
                }
                for f in &post.findings {
                    match f.severity {
                        Severity::Error => s.errors += 1,
                        Severity::Warning => s.warnings += 1,
                        Severity::Suggestion => s.suggestions += 1,
                    }
                }
            }
        }
        s
    }
}

pub fn render(
    format: Format,
    run: &Run,
    engine: &Engine,
    options: Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Pretty => pretty::render(run, engine, options, out),
        Format::Compact => compact::render(run, engine, options, out),
        Format::Json => json::render(run, engine, out),
    }
}

/// 1-based line and column of both ends of a span.
pub(crate) fn locate(file: &FileReport, span: crate::span::Span) -> (usize, usize, usize, usize) {
    let a = file.lines.position(&file.source, span.start);
    let b = file.lines.position(&file.source, span.end);
    (a.line, a.column, b.line, b.column)
}
