//! The run model: everything a report needs, as plain data. The checker
//! produces it; every output format is a function of it and nothing else
//! (no renderer imports the engine or the rule book). What is the same for
//! the whole run (rule ids, checklist titles, channel names) is in
//! [`RunInfo`], given to a reporter once; files and posts refer to it by id.

use std::sync::Arc;

use serde::Deserialize;

use crate::finding::{Finding, Severity};
use crate::ids::{ChannelId, ChecklistId, RuleId};
use crate::input::document::Problem;
use crate::profile::audience::Audience;
pub use crate::profile::purpose::{Goal, Tone};
use crate::span::{LineIndex, Position, Span};
use crate::text::lang::LangTag;

/// What is the same for every file of a run.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    pub rules: Vec<RuleInfo>,
    pub checklists: Vec<ChecklistInfo>,
    pub channels: Vec<ChannelInfo>,
    /// Band names, highest first (`PostScore::band` indexes them).
    pub bands: Vec<String>,
    /// What a finding of each severity weighs, for explaining scores:
    /// error, warning, suggestion.
    pub weights: [f64; 3],
}

#[derive(Debug, Clone)]
pub struct RuleInfo {
    /// Full id: `checklist.rule`.
    pub id: String,
    pub checklist: ChecklistId,
    pub severity: Severity,
    pub why: String,
    pub help: Option<String>,
    /// Its findings depend on the channel (limits, counting, a rule for
    /// some channels only), so JSON names the channel on each.
    pub channel_specific: bool,
}

#[derive(Debug, Clone)]
pub struct ChecklistInfo {
    pub id: String,
    pub title: String,
    pub note: ScoreNote,
}

#[derive(Debug, Clone)]
pub struct ChannelInfo {
    pub id: String,
    /// As people write it: "X", "LinkedIn".
    pub name: String,
    /// Characters shown before "see more", when the channel folds posts.
    pub fold: Option<usize>,
    /// Lines shown before "see more", where the platform also cuts by lines.
    pub fold_lines: Option<usize>,
}

impl RunInfo {
    pub fn rule(&self, id: RuleId) -> &RuleInfo {
        &self.rules[id.index()]
    }

    pub fn checklist(&self, id: ChecklistId) -> &ChecklistInfo {
        &self.checklists[id.index()]
    }

    pub fn channel(&self, id: ChannelId) -> &ChannelInfo {
        &self.channels[id.index()]
    }
}

/// What a checklist's score line shows beside its score (`summary = ...`
/// in a checklist's `[checklist]` table): a fact that explains the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScoreNote {
    /// How many findings of each severity (the default).
    #[default]
    Findings,
    /// The post's reading grade against its audience's target.
    ReadingGrade,
    /// The post's length against the channel's limit.
    Length,
}

/// One checked file.
#[derive(Debug)]
pub struct FileOutcome {
    /// As given or found while walking; `-` for stdin.
    pub path: String,
    pub source: String,
    pub lines: LineIndex,
    /// Who the file's posts are for (one audience per file).
    pub audience: Audience,
    /// What the posts are for and the tone they speak in, as resolved.
    pub goal: Option<Goal>,
    pub tone: Tone,
    pub posts: Vec<PostOutcome>,
    /// Problems in the file itself (bad front matter, unknown channel...).
    pub problems: Vec<Problem>,
    /// Nothing named a channel: the posts were checked as `generic`, with
    /// no platform checks (the report says so).
    pub no_channel: Option<NoChannel>,
    /// A file sent to several channels: how each finding is shown
    /// ([`across_channels`]); `None` for one channel.
    pub across_channels: Option<Vec<Vec<Shown>>>,
    /// With `--fix` or `--diff`: how many problems the fixes removed (the
    /// posts above are those of the fixed text).
    pub fixed: Option<Fixed>,
}

/// What `--fix` (or `--diff`) did to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fixed {
    /// Fixes applied, over every pass, each distinct fix once.
    pub count: usize,
    /// `--diff`: shown as a diff, not written.
    pub dry_run: bool,
}

/// Why a file's posts had no platform checks, and a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoChannel {
    /// The file has `---` lines: it may be a thread for a social channel.
    pub looks_like_a_thread: bool,
}

/// How a report shows one finding of a file sent to several channels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shown {
    /// The same finding (rule, place, message) was listed for an earlier
    /// channel: text findings are listed once, not once per channel.
    pub repeat: bool,
    /// Found on some of the file's channels only: say which.
    pub only_here: bool,
}

/// For each post, for each of its findings, how to show it; `None` for a
/// file with one channel, where every finding is shown as it is. One pass
/// with a hash map, done once when the file is checked.
pub fn across_channels(posts: &[PostOutcome]) -> Option<Vec<Vec<Shown>>> {
    let mut channels: Vec<ChannelId> = posts.iter().map(|p| p.channel).collect();
    channels.sort_unstable();
    channels.dedup();
    if channels.len() < 2 {
        return None;
    }
    fn key(f: &Finding) -> (RuleId, usize, usize, &str) {
        (f.rule, f.span.start, f.span.end, f.message.as_str())
    }
    let mut seen: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    for f in posts.iter().flat_map(|p| &p.findings) {
        *seen.entry(key(f)).or_default() += 1;
    }
    let mut listed = std::collections::HashSet::new();
    Some(
        posts
            .iter()
            .map(|p| {
                p.findings
                    .iter()
                    .map(|f| Shown {
                        repeat: !listed.insert(key(f)),
                        only_here: seen[&key(f)] < channels.len(),
                    })
                    .collect()
            })
            .collect(),
    )
}

impl FileOutcome {
    /// How to show finding `finding` of post `post`.
    pub fn shown(&self, post: usize, finding: usize) -> Shown {
        self.across_channels
            .as_ref()
            .map_or(Shown::default(), |s| s[post][finding])
    }

    /// A file that could not be read or decoded.
    pub fn unreadable(path: String, audience: Audience, message: String) -> Self {
        Self {
            path,
            source: String::new(),
            lines: LineIndex::new(""),
            audience,
            goal: None,
            tone: Tone::Normal,
            posts: Vec::new(),
            problems: vec![Problem::unlocated(message)],
            no_channel: None,
            across_channels: None,
            fixed: None,
        }
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.source, offset)
    }

    /// 1-based line and column of both ends of a span.
    pub fn locate(&self, span: Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }
}

/// One post of a file, checked for one channel.
#[derive(Debug)]
pub struct PostOutcome {
    /// 0-based position in its thread, and the thread's length.
    pub index: usize,
    pub count: usize,
    pub channel: ChannelId,
    pub lang: LangTag,
    pub span: Span,
    /// Sorted by position, then rule.
    pub findings: Vec<Finding>,
    /// Findings the file suppresses (directives, front matter `allow`):
    /// not scored, shown only when asked (`--show-suppressed`).
    pub suppressed: Box<[Finding]>,
    pub score: PostScore,
    pub verdict: Verdict,
    /// Length as the channel counts it, and its hard limit.
    pub length: Option<(usize, usize)>,
    /// The post's reading level in its language's formula.
    pub reading: ReadingLevel,
    /// What shows before "see more", when the channel folds posts.
    pub fold_preview: Option<Box<str>>,
    /// Rules that could not check this post, and why (boxed: most posts
    /// have none, and a long thread holds one outcome per post).
    pub skipped: Box<[Skip]>,
}

/// A post's reading level, as the readable score line and JSON show it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingLevel {
    /// "Flesch-Kincaid grade", "LIX", "Fernández-Huerta reading ease".
    pub formula: &'static str,
    pub value: f64,
    /// The audience's target on the formula's scale.
    pub target: f64,
    /// Grades and LIX: a value above the target is too hard; reading
    /// ease: a value below it.
    pub higher_is_harder: bool,
    /// Whether the post has enough words to be graded at all; when not,
    /// no rule used `value` and reports say "too short to grade".
    pub graded: bool,
    /// Words the formula counted, and how many grading needs.
    pub words: usize,
    pub min_words: usize,
}

/// A rule that ran but could not check a post.
#[derive(Debug, Clone, PartialEq)]
pub struct Skip {
    pub rule: RuleId,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SkipReason {
    /// No spelling dictionary for the post's language.
    NoDictionary(LangTag),
    /// The rule is for other languages than the post's (English word
    /// lists on a Finnish post).
    OtherLanguage(LangTag),
}

/// Whether a post passed, and every reason it did not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verdict {
    pub passed: bool,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Findings at or above the failing severity (`error` unless
    /// `fail_on` says lower): how many, the worst, and each rule once in
    /// the order it first failed.
    Findings {
        count: usize,
        threshold: Severity,
        worst: Severity,
        rules: Vec<RuleId>,
    },
    /// The overall score as shown, under `min_score`.
    BelowMinScore { score: u32, min: f64 },
}

/// Points one rule cost one checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Deduction {
    pub rule: RuleId,
    pub count: usize,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistScore {
    pub checklist: ChecklistId,
    pub score: f64,
    pub penalty: f64,
    /// Largest first; they add up to `100 -` the score before any cap.
    pub deductions: Vec<Deduction>,
    /// The score the formula gave, when an error held it down to the cap.
    pub before_cap: Option<f64>,
}

/// A post with an error finding is scaled into the lowest band.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreCap {
    /// The highest score it may show: a post whose only problem is the
    /// error shows this; its scores are multiplied by `at / 100`.
    pub at: f64,
    /// The overall score the formula gave.
    pub before: f64,
    /// The rules whose errors hold it down, in order of first finding.
    pub rules: Vec<RuleId>,
}

/// A post's scores. Sparse: only checklists that lost points are stored,
/// so a clean post of a long thread costs no memory for its scores.
#[derive(Debug, Clone, PartialEq)]
pub struct PostScore {
    pub words: usize,
    pub units: f64,
    pub overall: f64,
    /// Index into the run's bands (`RunInfo::bands`) of the shown overall.
    pub band: usize,
    /// Set when an error held the scores inside the lowest band.
    pub cap: Option<Box<ScoreCap>>,
    /// The checklists that ran, in report order (shared by a file's posts).
    pub ran: Arc<[ChecklistId]>,
    /// The checklists of `ran` that lost points, in the same order.
    pub lost: Vec<ChecklistScore>,
}

/// One checklist's score, borrowed from a [`PostScore`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChecklistScoreRef<'a> {
    pub checklist: ChecklistId,
    pub score: f64,
    pub penalty: f64,
    pub deductions: &'a [Deduction],
    pub before_cap: Option<f64>,
}

impl PostScore {
    /// Every checklist that ran, in order; those not in `lost` scored 100.
    pub fn checklists(&self) -> impl Iterator<Item = ChecklistScoreRef<'_>> {
        let mut lost = self.lost.iter().peekable();
        self.ran.iter().map(
            move |&checklist| match lost.next_if(|l| l.checklist == checklist) {
                Some(l) => ChecklistScoreRef {
                    checklist,
                    score: l.score,
                    penalty: l.penalty,
                    deductions: &l.deductions,
                    before_cap: l.before_cap,
                },
                None => ChecklistScoreRef {
                    checklist,
                    score: 100.0,
                    penalty: 0.0,
                    deductions: &[],
                    before_cap: None,
                },
            },
        )
    }
}

/// A score as users see it: a whole number, rounded down, so that 99.6
/// never shows as a perfect 100.
pub fn shown(score: f64) -> u32 {
    score.clamp(0.0, 100.0).floor() as u32
}

/// Totals of a run, counted as files arrive.
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
    /// Posts checked with no channel set (no platform checks).
    pub without_channel: usize,
    /// Findings a baseline (`--baseline`) suppressed; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<usize>,
    /// With `--fix` or `--diff`: problems fixed (or, with `--diff`, that
    /// the diff fixes) in all files; absent without either.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed: Option<usize>,
}

impl Summary {
    pub fn add(&mut self, file: &FileOutcome) {
        self.files += 1;
        self.problems += file.problems.len();
        if let Some(fixed) = file.fixed {
            *self.fixed.get_or_insert(0) += fixed.count;
        }
        if file.no_channel.is_some() {
            self.without_channel += file.posts.len();
        }
        for (i, post) in file.posts.iter().enumerate() {
            self.posts += 1;
            if post.verdict.passed {
                self.passed += 1;
            } else {
                self.failed += 1;
            }
            // Each distinct finding once, however many channels it is on.
            let findings = post.findings.iter().enumerate();
            for (_, f) in findings.filter(|(j, _)| !file.shown(i, *j).repeat) {
                match f.severity {
                    Severity::Error => self.errors += 1,
                    Severity::Warning => self.warnings += 1,
                    Severity::Suggestion => self.suggestions += 1,
                }
            }
        }
    }
}
