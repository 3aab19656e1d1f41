//! Scores: per checklist 0-100 and overall, each point lost traceable to a
//! rule. The formula and its numbers are in `rules/scoring.toml`.
//!
//! Properties (tested below): no findings -> 100; more or worse findings
//! never raise a score; the same findings cost less in a longer post.

use serde::Deserialize;

use crate::checklist::RuleBook;
use crate::error::LoadError;
use crate::finding::{Finding, Severity};
use crate::schema::Source;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub error: f64,
    pub warning: f64,
    pub suggestion: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    pub words_per_unit: f64,
    pub min_units: f64,
    pub weights: Weights,
}

impl Scoring {
    pub fn built_in() -> Result<Self, LoadError> {
        let src = Source {
            file: "<built-in>/rules/scoring.toml",
            text: include_str!("../rules/scoring.toml"),
        };
        let doc = src.parse()?;
        src.read(doc.span(), doc.get_ref(), "scoring")
    }

    pub fn weight(&self, severity: Severity) -> f64 {
        match severity {
            Severity::Error => self.weights.error,
            Severity::Warning => self.weights.warning,
            Severity::Suggestion => self.weights.suggestion,
        }
    }

    /// The size of a post in scoring units.
    pub fn units(&self, words: usize) -> f64 {
        (words as f64 / self.words_per_unit).max(self.min_units)
    }
}

/// Points one rule cost one checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Deduction {
    pub rule: usize,
    pub count: usize,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistScore {
    pub checklist: usize,
    pub score: f64,
    pub penalty: f64,
    pub deductions: Vec<Deduction>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PostScore {
    pub words: usize,
    pub units: f64,
    pub checklists: Vec<ChecklistScore>,
    pub overall: f64,
}

/// Scores one post's findings for the checklists that ran (`ran`, indices
/// into the book, in report order).
pub fn score(
    scoring: &Scoring,
    book: &RuleBook,
    findings: &[Finding],
    words: usize,
    ran: &[usize],
) -> PostScore {
    let units = scoring.units(words);
    let mut checklists = Vec::with_capacity(ran.len());
    for &c in ran {
        let rules = book.checklists[c].rules.clone();
        let mut per_rule: Vec<(usize, usize, f64)> = Vec::new();
        for f in findings.iter().filter(|f| rules.contains(&f.rule)) {
            let cost = scoring.weight(f.severity) * f.magnitude;
            match per_rule.iter_mut().find(|(r, _, _)| *r == f.rule) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 += cost;
                }
                None => per_rule.push((f.rule, 1, cost)),
            }
        }
        let penalty: f64 = per_rule.iter().map(|e| e.2).sum();
        let score = 100.0 * units / (units + penalty);
        // The points lost, 100 - score = 100 * penalty / (units + penalty),
        // shared among rules by their part of the penalty: they add up.
        let mut deductions: Vec<Deduction> = per_rule
            .into_iter()
            .map(|(rule, count, cost)| Deduction {
                rule,
                count,
                points: 100.0 * cost / (units + penalty),
            })
            .collect();
        deductions.sort_by(|a, b| b.points.total_cmp(&a.points).then(a.rule.cmp(&b.rule)));
        checklists.push(ChecklistScore {
            checklist: c,
            score,
            penalty,
            deductions,
        });
    }
    let total_weight: f64 = checklists
        .iter()
        .map(|s| book.checklists[s.checklist].weight)
        .sum();
    let overall = if total_weight > 0.0 {
        checklists
            .iter()
            .map(|s| s.score * book.checklists[s.checklist].weight)
            .sum::<f64>()
            / total_weight
    } else {
        100.0
    };
    PostScore {
        words,
        units,
        checklists,
        overall,
    }
}

/// A score as users see it: a whole number, rounded down, so that 99.6
/// never shows as a perfect 100.
pub fn shown(score: f64) -> u32 {
    score.clamp(0.0, 100.0).floor() as u32
}
