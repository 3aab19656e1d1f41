//! What a rule reports: a problem at a span of the original file.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::fix::Fix;
use crate::ids::RuleId;
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
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Suggestion];

    /// Position in [`Severity::ALL`] (error, warning, suggestion).
    pub const fn index(self) -> usize {
        match self {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Suggestion => 2,
        }
    }

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

/// One problem found by one rule in one post.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: RuleId,
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

/// Formats a measured number for a message: integers without decimals.
pub fn number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(number(25.0), "25");
        assert_eq!(number(11.24), "11.2");
    }
}
