//! A Markdown summary for a pull-request comment or a GitHub step summary:
//! a table of posts with their scores and bands, the run's totals, the
//! top findings (errors first) and any file problems.

use std::io::{self, Write};

use super::{message_with_channel, plural, problem_position, visible};
use crate::finding::Severity;
use crate::outcome::{FileOutcome, RunInfo, Summary, shown};

/// Rows of the posts table and findings listed before "and N more": a
/// comment has to stay readable (and under GitHub's 65,536 characters).
const MAX_ROWS: usize = 100;
const MAX_FINDINGS: usize = 10;

#[derive(Default)]
pub struct Markdown {
    rows: Vec<String>,
    posts: usize,
    /// The first findings of each severity (error, warning, suggestion),
    /// at most [`MAX_FINDINGS`] each, and how many there are in all.
    findings: [Vec<String>; 3],
    total: usize,
    problems: Vec<String>,
}

impl Markdown {
    pub fn begin(&mut self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    pub fn file(&mut self, info: &RunInfo, file: &FileOutcome) -> io::Result<()> {
        let path = text(&file.path);
        for p in &file.problems {
            let (line, col) = problem_position(file, p);
            self.problems
                .push(format!("- {path}:{line}:{col}: {}", text(&p.message)));
        }
        for post in &file.posts {
            self.posts += 1;
            if self.rows.len() >= MAX_ROWS {
                continue;
            }
            let result = if post.verdict.passed {
                "passed".to_owned()
            } else {
                let reasons = super::reason_texts(info, post);
                format!("**failed**: {}", text(&reasons.join("; ")))
            };
            self.rows.push(format!(
                "| {path} | {} of {} | {} | {} | {} | {result} |",
                post.index + 1,
                post.count,
                text(&info.channel(post.channel).name),
                shown(post.score.overall),
                text(&info.bands[post.score.band]),
            ));
        }
        for (_, post, f, s) in visible(file) {
            let at = file.position(f.span.start);
            let sev = match f.severity {
                Severity::Error => "**error**",
                Severity::Warning => "warning",
                Severity::Suggestion => "suggestion",
            };
            self.total += 1;
            let list = &mut self.findings[f.severity.index()];
            if list.len() >= MAX_FINDINGS {
                continue;
            }
            list.push(format!(
                "- {sev} {} at {path}:{}:{}: {}",
                text(&info.rule(f.rule).id),
                at.line,
                at.column,
                text(&message_with_channel(info, post, f, s))
            ));
        }
        Ok(())
    }

    pub fn finish(
        &mut self,
        summary: &Summary,
        errors: &[String],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(out, "## postlint\n")?;
        let verdict = if summary.failed > 0 {
            "some posts failed"
        } else if summary.problems > 0 {
            "some files could not be checked"
        } else {
            "all passed"
        };
        writeln!(
            out,
            "**{}** checked in {}: {} passed, {} failed ({verdict}); {}.\n",
            plural(summary.posts, "post"),
            plural(summary.files, "file"),
            summary.passed,
            summary.failed,
            super::severity_counts(summary),
        )?;
        if !self.rows.is_empty() {
            writeln!(out, "| File | Post | Channel | Score | Band | Result |")?;
            writeln!(out, "| --- | ---: | --- | ---: | --- | --- |")?;
            for row in &self.rows {
                writeln!(out, "{row}")?;
            }
            if self.posts > self.rows.len() {
                writeln!(
                    out,
                    "\n…and {} more (the full report lists every post).",
                    plural(self.posts - self.rows.len(), "post")
                )?;
            }
            writeln!(out)?;
        }
        if self.total > 0 {
            writeln!(out, "### Top findings\n")?;
            for item in self.findings.iter().flatten().take(MAX_FINDINGS) {
                writeln!(out, "{item}")?;
            }
            if self.total > MAX_FINDINGS {
                writeln!(
                    out,
                    "\n…and {} more (the full report lists every finding).",
                    self.total - MAX_FINDINGS
                )?;
            }
            writeln!(out)?;
        }
        let problems = self.problems.len() + errors.len();
        if problems > 0 {
            writeln!(
                out,
                "### {} (files not checked)\n",
                plural(problems, "problem")
            )?;
            for p in &self.problems {
                writeln!(out, "{p}")?;
            }
            for e in errors {
                writeln!(out, "- {}", text(e))?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

/// Text for a Markdown table cell or list item: characters Markdown or
/// HTML would read as markup are escaped, line breaks become spaces.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn cells_cannot_break_the_table_or_inject_html() {
        assert_eq!(text("a|b\n<img>"), "a\\|b &lt;img&gt;");
        assert_eq!(text("*bold* `code`"), "\\*bold\\* \\`code\\`");
    }
}
