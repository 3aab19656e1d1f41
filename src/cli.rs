//! The command line, declared with clap's derive API. Names here are a
//! contract with users' scripts and CI files: keep them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::profile::purpose::{Goal, Tone};
use crate::report::Format;
use crate::settings::config::FailOn;

#[derive(Debug, Parser)]
#[command(
    name = "postlint",
    version,
    about = "Check draft posts against checklists, score them, report."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to use colour (NO_COLOR is respected in auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Config file to use instead of the nearest postlint.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Checklists to run instead of the config's: built-in names or paths
    /// to TOML files, comma-separated.
    #[arg(long, global = true, value_delimiter = ',', value_name = "NAMES")]
    pub checklist: Option<Vec<String>>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check posts: files, folders (walked, honouring .gitignore), or - for stdin.
    Check(Box<CheckArgs>),
    /// Measure posts: length as each channel counts it, words, sentences,
    /// reading grades. No rules run.
    Stats(StatsArgs),
    /// Show what a rule checks, why, its settings and examples.
    Explain {
        /// Full rule id, e.g. readable.sentence-too-long.
        rule: String,
    },
    /// List every rule with its checklist and severity.
    Rules,
    /// List every channel with its limits and how it counts length.
    Channels,
    /// Check every loaded checklist's examples: each `bad` one must make its
    /// rule fire, each `good` one must not. Exits 1 when one does not hold.
    TestChecklists,
    /// Write a commented starter postlint.toml in the current folder.
    Init {
        /// Overwrite an existing postlint.toml.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script: `postlint completions bash >
    /// ~/.local/share/bash-completion/completions/postlint`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `postlint man > postlint.1`.
    Man,
    /// Run a language server on stdin/stdout for editors: diagnostics,
    /// fixes, "disable here", hover and scores (see docs/editors.md).
    Lsp {
        /// Accepted for clients that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("fixing").args(["fix", "diff"]).multiple(false)))]
pub struct CheckArgs {
    /// Files, folders, or - for stdin.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Channel the posts go to (x, linkedin, blog...; see `postlint channels`).
    #[arg(long)]
    pub channel: Option<String>,

    /// Who reads them: general, professional, expert, or a target grade.
    #[arg(long)]
    pub audience: Option<String>,

    /// Language of the posts (BCP-47: en, en-GB, fi...), instead of detecting it.
    #[arg(long)]
    pub lang: Option<String>,

    /// What the posts are for; a post that must convert needs a call to action.
    #[arg(long, value_enum)]
    pub goal: Option<Goal>,

    /// `crisis` runs the crisis rules: quick, honest, personal.
    #[arg(long, value_enum)]
    pub tone: Option<Tone>,

    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    pub format: Format,

    /// Write the --format report to FILE instead of stdout (`-` is
    /// stdout), atomically: a temporary file renamed over it at the end.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write a report in format F to PATH in the same run, e.g.
    /// `--report sarif=postlint.sarif --report junit=junit.xml`; repeatable.
    /// Formats: the --format values.
    #[arg(long = "report", value_name = "F=PATH", value_parser = parse_report)]
    pub reports: Vec<ReportTarget>,

    /// Where the rule reference (docs/rules.md) is published, e.g.
    /// https://github.com/ORG/REPO/blob/main/docs/rules.md: SARIF rules
    /// link to their section (`helpUri`). Must be an absolute http(s) URL.
    #[arg(long, value_name = "URL", value_parser = parse_docs_url)]
    pub docs_url: Option<String>,

    /// Fail posts whose overall score is below this (0-100).
    #[arg(long, value_name = "N", value_parser = parse_score)]
    pub min_score: Option<f64>,

    /// Lowest severity that fails a post.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,

    /// Show only failing posts, no summary.
    #[arg(long, short)]
    pub quiet: bool,

    /// List the deductions behind every score.
    #[arg(long)]
    pub explain_score: bool,

    /// List the findings that posts suppress (`<!-- postlint-disable -->`,
    /// front matter `postlint: { disable, allow }`), marked as suppressed.
    /// They never count in scores or verdicts.
    #[arg(long)]
    pub show_suppressed: bool,

    /// Apply the config's `exclude` to files named on the command line too
    /// (pre-commit names every staged file).
    #[arg(long)]
    pub force_exclude: bool,

    /// Check only post files changed since this git revision (its merge
    /// base with HEAD), including uncommitted and untracked files.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,

    /// With --changed-since: keep only findings on changed lines.
    #[arg(long, requires = "changed_since")]
    pub changed_lines: bool,

    /// Report and fail only on findings not recorded in this baseline.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,

    /// Record the current findings in FILE (for --baseline) and exit 0
    /// unless a file could not be checked.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Fit the pretty report to N columns (default: the terminal's width;
    /// when not a terminal, long lines are left whole).
    #[arg(long, value_name = "N", value_parser = parse_width)]
    pub width: Option<usize>,

    /// Apply the safe fixes to the files (atomically; a file changed since
    /// it was read is left alone), check again until nothing is left to
    /// fix, and report what is left. Stdin (`-`): the fixed text goes to
    /// stdout and the report to stderr.
    #[arg(long)]
    pub fix: bool,

    /// Print a unified diff of what --fix would change and write nothing;
    /// the report goes to stderr. Exits 1 when there is a diff.
    #[arg(long)]
    pub diff: bool,

    /// With --fix or --diff: also apply the fixes marked "review" (probably
    /// right, but a person should look: a word swap that may change tone).
    #[arg(long, requires = "fixing")]
    pub review_fixes: bool,

    /// Check stdin (`-`) as if it were this file: the config's overrides
    /// and exclusions by path, and Markdown or plain text by extension.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

fn parse_width(s: &str) -> Result<usize, String> {
    let v: usize = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number of columns"))?;
    if v >= crate::report::MIN_WIDTH {
        Ok(v)
    } else {
        Err(format!("must be at least {}", crate::report::MIN_WIDTH))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--report F=PATH`: a further report of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportTarget {
    pub format: Format,
    pub path: PathBuf,
}

fn parse_docs_url(s: &str) -> Result<String, String> {
    crate::settings::config::check_docs_url(s).map(|()| s.to_owned())
}

fn parse_report(s: &str) -> Result<ReportTarget, String> {
    let names = || {
        Format::value_variants()
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some((format, path)) = s.split_once('=') else {
        return Err(format!(
            "expected FORMAT=PATH, e.g. sarif=postlint.sarif (formats: {})",
            names()
        ));
    };
    let format = Format::from_str(format.trim(), true)
        .map_err(|_| format!("unknown format `{format}` (formats: {})", names()))?;
    if path.is_empty() {
        return Err(format!("no path after `{}=`", format.name()));
    }
    Ok(ReportTarget {
        format,
        path: PathBuf::from(path),
    })
}

fn parse_score(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err("must be between 0 and 100".into())
    }
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Files, folders, or - for stdin.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Channel the posts go to; decides how length is counted and the limit.
    #[arg(long)]
    pub channel: Option<String>,

    /// Language of the posts (BCP-47: en, en-GB, fi...), instead of detecting it.
    #[arg(long)]
    pub lang: Option<String>,

    #[arg(long, value_enum, default_value_t = StatsFormat::Pretty)]
    pub format: StatsFormat,

    /// Treat each input as one post's exact text: no front matter, no
    /// thread split (to compare counts with other tools).
    #[arg(long)]
    pub raw: bool,

    /// Apply the config's `exclude` to files named on the command line too.
    #[arg(long)]
    pub force_exclude: bool,

    /// Measure stdin (`-`) as if it were this file: the config's overrides
    /// by path, and Markdown or plain text by extension.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// A compact table per post.
    Pretty,
    /// Machine-readable; versioned (`"version": 1`), documented in the README.
    Json,
}
