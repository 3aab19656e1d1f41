//! What a rule reports: a problem at a span of the original file.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::span::Span;

/// How bad a finding is. Ordered: `Suggestion < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Suggestion,
    Warning,
    Error,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Suggestion => "suggestion",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A replacement of `span` by `replacement`. Only fixes that cannot change
/// the meaning are `safe`; `--fix` applies only those.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
    pub safe: bool,
}

/// One problem found by one rule in one post.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index of the rule in the run's [`crate::checklist::RuleBook`].
    pub rule: usize,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub fix: Option<Fix>,
    /// How much worse than "just past the threshold" this is: 1.0 for a
    /// plain finding, √(value ÷ threshold) capped at 3 for a measured one.
    /// Scoring multiplies the severity's weight by it, so a sentence of 60
    /// words costs more than one of 31.
    pub magnitude: f64,
}
