//! Output formats. One enum, one file per format. A format sees the run
//! model only ([`crate::outcome`]): `begin` once with what is the same for
//! the whole run, `file` for each file in input order as files finish, and
//! `finish` with the totals, so every format can stream. None decides
//! anything: verdicts come from the checker; the words for them live here.

mod compact;
mod json;
mod pretty;
pub mod stats;

pub use pretty::MIN_WIDTH;

use std::io::{self, Write};

use crate::finding::Severity;
use crate::outcome::{FileOutcome, NoChannel, Reason, RunInfo, Skip, SkipReason, Summary};

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
    /// Terminal columns the pretty report fits its lines to (`--width`, or
    /// the terminal's). `None` (not a terminal): prose lines are not
    /// wrapped, so a finding's message stays on one line for grep and CI
    /// logs, and source lines are cut at 100 columns.
    pub width: Option<usize>,
}

/// A format's state while a run streams through it.
pub enum Reporter {
    Pretty(pretty::Pretty),
    Compact(compact::Compact),
    Json(json::Json),
}

impl Reporter {
    pub fn new(format: Format, options: Options) -> Self {
        match format {
            Format::Pretty => Reporter::Pretty(pretty::Pretty { options }),
            Format::Compact => Reporter::Compact(compact::Compact { options }),
            Format::Json => Reporter::Json(json::Json::new(options.explain_score)),
        }
    }

    pub fn begin(&mut self, info: &RunInfo, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Reporter::Pretty(_) | Reporter::Compact(_) => Ok(()),
            Reporter::Json(r) => r.begin(info, out),
        }
    }

    pub fn file(
        &mut self,
        info: &RunInfo,
        file: &FileOutcome,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match self {
            Reporter::Pretty(r) => r.file(info, file, out),
            Reporter::Compact(r) => r.file(info, file, out),
            Reporter::Json(r) => r.file(info, file, out),
        }
    }

    /// `errors`: problems that belong to no file (a path that does not exist).
    pub fn finish(
        &mut self,
        summary: &Summary,
        errors: &[String],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match self {
            Reporter::Pretty(r) => r.finish(summary, errors, out),
            Reporter::Compact(_) => compact::finish(errors, out),
            Reporter::Json(r) => r.finish(summary, errors, out),
        }
    }
}

/// The JSON report of a run that could not load (a config error): the
/// report's usual shape with no files, the errors in `errors` and counted
/// in `summary.problems`, so a JSON consumer always gets an object.
pub fn json_not_loaded(errors: &[String], out: &mut dyn Write) -> io::Result<()> {
    json::not_loaded(errors, out)
}

/// Why a post failed, in words: "2 errors: strategy.risky-claim".
pub fn reason_text(info: &RunInfo, reason: &Reason) -> String {
    match reason {
        Reason::Findings {
            count,
            threshold,
            worst,
            rules,
        } => {
            let what = if *threshold == Severity::Error {
                plural(*count, "error")
            } else {
                format!("{count} at or above {}", worst.as_str())
            };
            let ids: Vec<&str> = rules.iter().map(|r| info.rule(*r).id.as_str()).collect();
            format!("{what}: {}", ids.join(", "))
        }
        Reason::BelowMinScore { score, min } => format!("score {score} below {min}"),
    }
}

/// Why a rule did not check a post, in words.
/// What a report says of a file checked with no channel.
pub fn no_channel_text(no_channel: &NoChannel) -> String {
    let mut text = "no channel set, so no platform checks ran (length limits, hashtags, the \"see more\" fold): set one with --channel, `channel:` in front matter or [[overrides]] in postlint.toml".to_owned();
    if no_channel.looks_like_a_thread {
        text.push_str("; its `---` lines would split it into a thread on a social channel");
    }
    text
}

pub fn skip_text(info: &RunInfo, skip: &Skip) -> String {
    let rule = &info.rule(skip.rule).id;
    match &skip.reason {
        SkipReason::NoDictionary(lang) => format!(
            "{rule} did not check this post: no spelling dictionary for `{lang}` (add one under [dictionaries] in postlint.toml)"
        ),
        SkipReason::OtherLanguage(lang) => {
            format!("{rule} did not check this post: it is for other languages than `{lang}`")
        }
    }
}

/// The points a finding cost its checklist: 100 × weight × magnitude /
/// (units + the checklist's penalty). A checklist's findings add up to 100
/// minus its score before any cap.
pub fn finding_points(
    info: &RunInfo,
    post: &crate::outcome::PostOutcome,
    f: &crate::finding::Finding,
) -> f64 {
    let checklist = info.rule(f.rule).checklist;
    let penalty = post
        .score
        .checklists()
        .find(|s| s.checklist == checklist)
        .map_or(0.0, |s| s.penalty);
    100.0 * info.weights[f.severity.index()] * f.magnitude / (post.score.units + penalty)
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
