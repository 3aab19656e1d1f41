//! Output formats. One enum, one file per format. A format sees the run
//! model only ([`crate::outcome`]): `begin` once with what is the same for
//! the whole run, `file` for each file in input order as files finish, and
//! `finish` with the totals, so every format can stream. None decides
//! anything: verdicts come from the checker; the words for them live here.

mod checkstyle;
mod codequality;
mod compact;
pub mod github;
mod json;
mod junit;
mod markdown;
pub mod place;
mod pretty;
mod sarif;
pub mod stats;
mod xml;

pub use place::Base;

pub use pretty::MIN_WIDTH;

use std::io::{self, Write};

use crate::finding::{Finding, Severity};
use crate::outcome::{
    FileOutcome, NoChannel, PostOutcome, Reason, RunInfo, Shown, Skip, SkipReason, Summary,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source lines with carets, score bars and a verdict, for people.
    Pretty,
    /// One line per finding, for editors and grep.
    Compact,
    /// Machine-readable; versioned (`"version": 1`), documented in the README.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the changed lines.
    Github,
    /// JUnit XML: a test suite per file, a test case per post.
    Junit,
    /// Checkstyle XML, for reviewdog and other checkstyle readers.
    Checkstyle,
    /// GitLab Code Quality JSON.
    Codequality,
    /// A Markdown summary for a pull-request comment.
    Markdown,
}

impl Format {
    /// The name users write (`--format`, `--report F=PATH`).
    pub fn name(self) -> String {
        use clap::ValueEnum;
        self.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_owned())
    }
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
    /// List findings the files suppress, marked (`--show-suppressed`).
    pub show_suppressed: bool,
}

/// A format's state while a run streams through it.
pub enum Reporter {
    Pretty(pretty::Pretty),
    Compact(compact::Compact),
    Json(json::Json),
    Sarif(sarif::Sarif),
    Github(github::Github),
    Junit(junit::Junit),
    Checkstyle(checkstyle::Checkstyle),
    Codequality(codequality::Codequality),
    Markdown(markdown::Markdown),
}

impl Reporter {
    /// `base`: what paths are relative to in the CI formats (SARIF,
    /// GitHub, Code Quality), which want them relative to the repository.
    pub fn new(format: Format, options: Options, base: &Base) -> Self {
        match format {
            Format::Pretty => Reporter::Pretty(pretty::Pretty {
                options,
                dry_run: false,
            }),
            Format::Compact => Reporter::Compact(compact::Compact { options }),
            Format::Json => Reporter::Json(json::Json::new(
                options.explain_score,
                options.show_suppressed,
            )),
            Format::Sarif => Reporter::Sarif(sarif::Sarif::new(base.clone())),
            Format::Github => Reporter::Github(github::Github::new(base.clone())),
            Format::Junit => Reporter::Junit(junit::Junit),
            Format::Checkstyle => Reporter::Checkstyle(checkstyle::Checkstyle),
            Format::Codequality => {
                Reporter::Codequality(codequality::Codequality::new(base.clone()))
            }
            Format::Markdown => Reporter::Markdown(markdown::Markdown::default()),
        }
    }

    pub fn begin(&mut self, info: &RunInfo, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Reporter::Pretty(_) | Reporter::Compact(_) => Ok(()),
            Reporter::Json(r) => r.begin(info, out),
            Reporter::Sarif(r) => r.begin(out),
            Reporter::Github(_) => Ok(()),
            Reporter::Junit(r) => r.begin(out),
            Reporter::Checkstyle(r) => r.begin(out),
            Reporter::Codequality(r) => r.begin(out),
            Reporter::Markdown(r) => r.begin(out),
        }
    }

    /// The Markdown summary the `github` format appends to
    /// `$GITHUB_STEP_SUMMARY`, once the run is finished.
    pub fn step_summary(&self) -> Option<&[u8]> {
        match self {
            Reporter::Github(r) => Some(r.step_summary()),
            _ => None,
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
            Reporter::Sarif(r) => r.file(info, file, out),
            Reporter::Github(r) => r.file(info, file),
            Reporter::Junit(r) => r.file(info, file, out),
            Reporter::Checkstyle(r) => r.file(info, file, out),
            Reporter::Codequality(r) => r.file(info, file, out),
            Reporter::Markdown(r) => r.file(info, file),
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
            Reporter::Sarif(r) => r.finish(errors, out),
            Reporter::Github(r) => r.finish(summary, errors, out),
            Reporter::Junit(r) => r.finish(errors, out),
            Reporter::Checkstyle(r) => r.finish(errors, out),
            Reporter::Codequality(r) => r.finish(errors, out),
            Reporter::Markdown(r) => r.finish(summary, errors, out),
        }
    }
}

/// The JSON report of a run that could not load (a config error): the
/// report's usual shape with no files, the errors in `errors` and counted
/// in `summary.problems`, so a JSON consumer always gets an object.
pub fn json_not_loaded(errors: &[String], out: &mut dyn Write) -> io::Result<()> {
    json::not_loaded(errors, out)
}

/// A file's findings as every format lists them: post by post, in
/// position order, a finding repeated on a later channel's post only once.
/// Yields (post index, post, finding, how it is shown).
pub fn visible(
    file: &FileOutcome,
) -> impl Iterator<Item = (usize, &PostOutcome, &Finding, Shown)> + '_ {
    file.posts.iter().enumerate().flat_map(move |(i, post)| {
        post.findings
            .iter()
            .enumerate()
            .map(move |(j, f)| (i, post, f, file.shown(i, j)))
            .filter(|(_, _, _, s)| !s.repeat)
    })
}

/// A finding's message as the CI formats show it: with `[X] ` before it
/// when it was found on some of the file's channels only (as `compact`).
pub fn message_with_channel(info: &RunInfo, post: &PostOutcome, f: &Finding, s: Shown) -> String {
    if s.only_here {
        format!("[{}] {}", info.channel(post.channel).name, f.message)
    } else {
        f.message.clone()
    }
}

/// A file problem's 1-based line and column (1:1 for the whole file).
pub fn problem_position(file: &FileOutcome, p: &crate::input::document::Problem) -> (usize, usize) {
    p.span.map_or((1, 1), |s| {
        let pos = file.position(s.start);
        (pos.line, pos.column)
    })
}

/// The findings of a post that fail it: at or above the severity its
/// verdict failed on. A passing post has none.
pub fn failing_findings<'a>(post: &'a PostOutcome) -> impl Iterator<Item = &'a Finding> + 'a {
    let threshold = post.verdict.reasons.iter().find_map(|r| match r {
        Reason::Findings { threshold, .. } => Some(*threshold),
        Reason::BelowMinScore { .. } => None,
    });
    post.findings
        .iter()
        .filter(move |f| threshold.is_some_and(|t| f.severity >= t))
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

/// "1 error, 2 warnings, 0 suggestions": a run's findings by severity.
pub fn severity_counts(summary: &Summary) -> String {
    format!(
        "{}, {}, {}",
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.suggestions, "suggestion")
    )
}

/// Why a post failed, each reason in words, in the verdict's order.
pub fn reason_texts(info: &RunInfo, post: &PostOutcome) -> Vec<String> {
    post.verdict
        .reasons
        .iter()
        .map(|r| reason_text(info, r))
        .collect()
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
