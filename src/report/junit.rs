//! JUnit XML: a `<testsuite>` per file with the posts' scores as
//! properties, a `<testcase>` per post (per channel), a `<failure>` per
//! finding at or above the severity the post failed on (and one for a
//! score under `min_score`), and an `<error>` test case for a file that
//! could not be checked. No timings: output is deterministic.

use std::io::{self, Write};

use super::xml::escape;
use super::{failing_findings, problem_position};
use crate::outcome::{FileOutcome, Reason, RunInfo, shown};

#[derive(Default)]
pub struct Junit;

impl Junit {
    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<testsuites name=\"postlint\">")
    }

    pub fn file(
        &mut self,
        info: &RunInfo,
        file: &FileOutcome,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let path = escape(&file.path);
        let problems = usize::from(!file.problems.is_empty());
        let failures = file.posts.iter().filter(|p| !p.verdict.passed).count();
        writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failures}\" errors=\"{problems}\" skipped=\"0\">",
            file.posts.len() + problems
        )?;
        let several = file.across_channels.is_some();
        if !file.posts.is_empty() {
            writeln!(out, "    <properties>")?;
            for post in &file.posts {
                let mut key = format!("post{}", post.index + 1);
                if several {
                    key.push('.');
                    key.push_str(&info.channel(post.channel).id);
                }
                let mut property = |name: &str, value: &str| {
                    writeln!(
                        out,
                        "      <property name=\"{}.{}\" value=\"{}\"/>",
                        escape(&key),
                        escape(name),
                        escape(value)
                    )
                };
                property("overall", &shown(post.score.overall).to_string())?;
                property("band", &info.bands[post.score.band])?;
                for s in post.score.checklists() {
                    property(&info.checklist(s.checklist).id, &shown(s.score).to_string())?;
                }
            }
            writeln!(out, "    </properties>")?;
        }
        if problems > 0 {
            writeln!(
                out,
                "    <testcase name=\"file problems\" classname=\"{path}\" file=\"{path}\">"
            )?;
            for p in &file.problems {
                let (line, col) = problem_position(file, p);
                writeln!(
                    out,
                    "      <error message=\"{}\" type=\"problem\">{path}:{line}:{col}: {}</error>",
                    escape(&p.message),
                    escape(&p.message)
                )?;
            }
            writeln!(out, "    </testcase>")?;
        }
        for post in &file.posts {
            let line = file.position(post.span.start).line;
            let name = format!(
                "post {} of {} ({})",
                post.index + 1,
                post.count,
                info.channel(post.channel).name
            );
            let open = format!(
                "    <testcase name=\"{}\" classname=\"{path}\" file=\"{path}\" line=\"{line}\"",
                escape(&name)
            );
            if post.verdict.passed {
                writeln!(out, "{open}/>")?;
                continue;
            }
            writeln!(out, "{open}>")?;
            for f in failing_findings(post) {
                let at = file.position(f.span.start);
                let rule = &info.rule(f.rule).id;
                writeln!(
                    out,
                    "      <failure message=\"{}\" type=\"{}\">{path}:{}:{}: {} {}: {}</failure>",
                    escape(&format!("{rule}: {}", f.message)),
                    f.severity,
                    at.line,
                    at.column,
                    f.severity,
                    escape(rule),
                    escape(&f.message)
                )?;
            }
            for r in &post.verdict.reasons {
                if let Reason::BelowMinScore { .. } = r {
                    let text = escape(&super::reason_text(info, r));
                    writeln!(
                        out,
                        "      <failure message=\"{text}\" type=\"min-score\">{text}</failure>"
                    )?;
                }
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")
    }

    pub fn finish(&mut self, errors: &[String], out: &mut dyn Write) -> io::Result<()> {
        if !errors.is_empty() {
            writeln!(
                out,
                "  <testsuite name=\"postlint\" tests=\"{0}\" failures=\"0\" errors=\"{0}\" skipped=\"0\">",
                errors.len()
            )?;
            for e in errors {
                let e = escape(e);
                writeln!(
                    out,
                    "    <testcase name=\"{e}\" classname=\"postlint\">\n      <error message=\"{e}\" type=\"problem\">{e}</error>\n    </testcase>"
                )?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        writeln!(out, "</testsuites>")
    }
}
