//! GitLab Code Quality JSON: an array of issues with `description`,
//! `check_name`, `fingerprint`, `severity` (`info`, `minor`, `major`,
//! `critical`, `blocker`), `location.path` (relative to the repository
//! root) and `location.lines.begin`. Fingerprints leave lines out (see
//! [`super::place::fingerprint`]), so a finding moved by an edit above it
//! is the same issue to GitLab. File problems are `blocker` issues with
//! `check_name` `postlint.problem`.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::place::{Base, fingerprint, fingerprints};
use super::{message_with_channel, problem_position, visible};
use crate::finding::Severity;
use crate::outcome::{FileOutcome, RunInfo};

pub struct Codequality {
    base: Base,
    issues: usize,
}

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Suggestion => "minor",
    }
}

impl Codequality {
    pub fn new(base: Base) -> Self {
        Self { base, issues: 0 }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "[")
    }

    fn issue(&mut self, issue: &Value, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.issues == 0 { b"\n  " } else { b",\n  " })?;
        self.issues += 1;
        serde_json::to_writer(&mut *out, issue).map_err(io::Error::other)
    }

    pub fn file(
        &mut self,
        info: &RunInfo,
        file: &FileOutcome,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let path = self.base.relative(&file.path);
        for (n, p) in file.problems.iter().enumerate() {
            let (line, _) = problem_position(file, p);
            let issue = json!({
                "description": p.message,
                "check_name": "postlint.problem",
                "fingerprint": fingerprint("postlint.problem", &path, &p.message, n + 1),
                "severity": "blocker",
                "location": { "path": path, "lines": { "begin": line } },
            });
            self.issue(&issue, out)?;
        }
        let prints = fingerprints(info, file, &path);
        for ((_, post, f, s), print) in visible(file).zip(prints) {
            let (start, end) = file.locate(f.span);
            let issue = json!({
                "description": message_with_channel(info, post, f, s),
                "check_name": info.rule(f.rule).id,
                "fingerprint": print,
                "severity": severity(f.severity),
                "location": {
                    "path": path,
                    "lines": { "begin": start.line, "end": end.line },
                },
            });
            self.issue(&issue, out)?;
        }
        Ok(())
    }

    pub fn finish(&mut self, errors: &[String], out: &mut dyn Write) -> io::Result<()> {
        for (n, e) in errors.iter().enumerate() {
            let issue = json!({
                "description": e,
                "check_name": "postlint.problem",
                "fingerprint": fingerprint("postlint.problem", "", e, n + 1),
                "severity": "blocker",
                "location": { "path": ".", "lines": { "begin": 1 } },
            });
            self.issue(&issue, out)?;
        }
        writeln!(out, "{}]", if self.issues == 0 { "" } else { "\n" })
    }
}
