//! Scores: per checklist 0-100 and overall, each point lost traceable to a
//! rule. The formula and its numbers are in `rules/scoring.toml`.
//!
//! Properties (tested below): no findings -> 100; more or worse findings
//! never raise a score; the same findings cost less in a longer post.

use serde::Deserialize;

use crate::checklist::RuleBook;
use crate::error::LoadError;
use crate::finding::{Finding, Severity};
use crate::ids::{ChecklistId, RuleId};
pub use crate::outcome::shown;
use crate::outcome::{ChecklistScore, Deduction, PostScore, ScoreCap};
use crate::schema::Source;
use std::sync::Arc;

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
    /// Hold a post with an error finding inside the lowest band.
    pub cap_on_error: bool,
    /// Highest first; the last starts at 0 (checked by [`check_bands`]).
    pub bands: Vec<Band>,
}

/// A named range of scores: "excellent" from 80.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub name: String,
    pub min: f64,
}

/// Bands must name distinct ranges from 100 down to 0: names non-empty and
/// distinct, `min` falling strictly, the last at 0.
pub fn check_bands(bands: &[Band]) -> Result<(), String> {
    let Some(last) = bands.last() else {
        return Err("give at least one band; the last has `min = 0`".into());
    };
    for (i, b) in bands.iter().enumerate() {
        if b.name.trim().is_empty() {
            return Err(format!("band {} has no name", i + 1));
        }
        if !(0.0..=100.0).contains(&b.min) {
            return Err(format!(
                "band `{}`: `min` must be between 0 and 100",
                b.name
            ));
        }
        if bands[..i].iter().any(|o| o.name == b.name) {
            return Err(format!("two bands are named `{}`", b.name));
        }
        if i > 0 && b.min >= bands[i - 1].min {
            return Err(format!(
                "band `{}` starts at {} but must start below `{}` ({}): list bands from the highest",
                b.name,
                b.min,
                bands[i - 1].name,
                bands[i - 1].min
            ));
        }
    }
    if last.min != 0.0 {
        return Err(format!(
            "the last band, `{}`, must start at 0 so that every score has a band",
            last.name
        ));
    }
    Ok(())
}

impl Scoring {
    pub fn built_in() -> Result<Self, LoadError> {
        let src = Source {
            file: "<built-in>/rules/scoring.toml",
            text: include_str!("../rules/scoring.toml"),
        };
        let doc = src.parse()?;
        let scoring: Scoring = src.read(doc.span(), doc.get_ref(), "scoring")?;
        check_bands(&scoring.bands).map_err(|e| src.error(0..0, e).with_key("bands"))?;
        Ok(scoring)
    }

    /// The index of the band `score` (as shown, rounded down) falls in.
    pub fn band_of(&self, score: f64) -> usize {
        let shown = f64::from(shown(score));
        self.bands
            .iter()
            .position(|b| shown >= b.min)
            .unwrap_or(self.bands.len().saturating_sub(1))
    }

    /// The highest score a post with an error may show: one point below
    /// the second-lowest band, so it lands in the lowest; `None` with one
    /// band or when capping is off.
    pub fn error_cap(&self) -> Option<f64> {
        if !self.cap_on_error || self.bands.len() < 2 {
            return None;
        }
        Some((self.bands[self.bands.len() - 2].min - 1.0).max(0.0))
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

/// Scores one post's findings for the checklists that ran (`ran`, indices
/// into the book, in report order).
pub fn score(
    scoring: &Scoring,
    book: &RuleBook,
    findings: &[Finding],
    words: usize,
    ran: &Arc<[ChecklistId]>,
) -> PostScore {
    let units = scoring.units(words);
    let mut lost = Vec::new();
    let mut weighted = 0.0;
    let mut total_weight = 0.0;
    for &c in ran.iter() {
        let checklist = book.checklist(c);
        total_weight += checklist.weight;
        let mut per_rule: Vec<(RuleId, usize, f64)> = Vec::new();
        for f in findings.iter().filter(|f| checklist.contains(f.rule)) {
            let cost = scoring.weight(f.severity) * f.magnitude;
            match per_rule.iter_mut().find(|(r, _, _)| *r == f.rule) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 += cost;
                }
                None => per_rule.push((f.rule, 1, cost)),
            }
        }
        if per_rule.is_empty() {
            // Nothing found: exactly 100 (not 100·u/u, which may round below).
            weighted += 100.0 * checklist.weight;
            continue;
        }
        let penalty: f64 = per_rule.iter().map(|e| e.2).sum();
        let score = 100.0 * units / (units + penalty);
        weighted += score * checklist.weight;
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
        lost.push(ChecklistScore {
            checklist: c,
            score,
            penalty,
            deductions,
            before_cap: None,
        });
    }
    let mut overall = if total_weight > 0.0 {
        weighted / total_weight
    } else {
        100.0
    };
    // An error means the post cannot go out as it is: its score is scaled
    // into the lowest band (100 -> the cap), and so is each checklist that
    // found one. Scaling, not clamping, keeps the order among failing
    // posts: more problems still mean a lower score.
    let mut cap = None;
    if let Some(at) = scoring.error_cap() {
        let mut rules: Vec<RuleId> = Vec::new();
        for f in findings.iter().filter(|f| f.severity == Severity::Error) {
            if !rules.contains(&f.rule) && ran.contains(&book.rule(f.rule).checklist) {
                rules.push(f.rule);
            }
        }
        if !rules.is_empty() {
            let factor = at / 100.0;
            for l in &mut lost {
                if rules.iter().any(|&r| book.rule(r).checklist == l.checklist) {
                    l.before_cap = Some(l.score);
                    l.score *= factor;
                }
            }
            cap = Some(Box::new(ScoreCap {
                at,
                before: overall,
                rules,
            }));
            overall *= factor;
        }
    }
    PostScore {
        words,
        units,
        overall,
        band: scoring.band_of(overall),
        cap,
        ran: Arc::clone(ran),
        lost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::span::Span;

    fn engine() -> Engine {
        Engine::built_in().unwrap()
    }

    fn finding(rule: RuleId, severity: Severity, magnitude: f64) -> Finding {
        Finding {
            rule,
            severity,
            span: Span::new(0, 1),
            message: String::new(),
            fix: None,
            magnitude,
        }
    }

    fn nth(s: &PostScore, i: usize) -> crate::outcome::ChecklistScoreRef<'_> {
        s.checklists().nth(i).unwrap()
    }

    fn all(e: &Engine) -> Arc<[ChecklistId]> {
        e.book.checklist_ids().collect()
    }

    /// The `n`-th rule of checklist `id`.
    fn rule_of(e: &Engine, id: &str, n: usize) -> RuleId {
        let c = e.book.find_checklist(id).unwrap();
        RuleId::new(e.book.checklist(c).rules.start + n)
    }

    #[test]
    fn no_findings_score_100() {
        let e = engine();
        let s = score(&e.scoring, &e.book, &[], 120, &all(&e));
        assert!(s.checklists().all(|c| c.score == 100.0));
        assert!(s.lost.is_empty(), "nothing stored for a clean post");
        assert_eq!(s.overall, 100.0);
    }

    #[test]
    fn no_findings_score_exactly_100_at_every_length() {
        // 100·u/(u + 0) is not always 100 in floating point (u = 956/75
        // gave 99.999..., shown as 99): a clean checklist must not lose a
        // point to rounding.
        let e = engine();
        for words in 0..3000 {
            let s = score(&e.scoring, &e.book, &[], words, &all(&e));
            assert!(s.checklists().all(|c| c.score == 100.0), "{words} words");
            assert_eq!(s.overall, 100.0, "{words} words");
        }
    }

    #[test]
    fn hand_computed_short_post() {
        // 150 words: units = max(150/75, 4) = 4. One warning (weight 1):
        // readable = 100 * 4 / (4 + 1) = 80; overall = (80 + 3 * 100) / 4 = 95.
        let e = engine();
        let f = [finding(rule_of(&e, "readable", 0), Severity::Warning, 1.0)];
        let s = score(&e.scoring, &e.book, &f, 150, &all(&e));
        assert!((nth(&s, 0).score - 80.0).abs() < 1e-9);
        assert!((s.overall - 95.0).abs() < 1e-9);
        assert_eq!(shown(s.overall), 95);
    }

    #[test]
    fn hand_computed_long_post() {
        // 1,500 words: units = 20. Two warnings and a suggestion: penalty
        // 1 + 1 + 0.25 = 2.25; score = 100 * 20 / 22.25 = 89.887..., shown 89.
        let e = engine();
        let r = rule_of(&e, "correct", 0);
        let f = [
            finding(r, Severity::Warning, 1.0),
            finding(r, Severity::Warning, 1.0),
            finding(rule_of(&e, "correct", 1), Severity::Suggestion, 1.0),
        ];
        let s = score(&e.scoring, &e.book, &f, 1500, &all(&e));
        assert!((nth(&s, 1).score - 2000.0 / 22.25).abs() < 1e-9);
        assert_eq!(shown(nth(&s, 1).score), 89);
        // An error weighs 4 and a magnitude multiplies: 100 * 4 / (4 + 4 * 1.5) = 40,
        // then the error scales it into the lowest band: 40 * 0.59 = 23.6.
        let f = [finding(r, Severity::Error, 1.5)];
        let s = score(&e.scoring, &e.book, &f, 10, &all(&e));
        assert_eq!(nth(&s, 1).before_cap, Some(40.0));
        assert!((nth(&s, 1).score - 23.6).abs() < 1e-9);
        // Overall (100 + 40 + 100 + 100) / 4 = 85, scaled: 50.15.
        let cap = s.cap.as_ref().expect("an error caps the post");
        assert!((cap.before - 85.0).abs() < 1e-9 && (s.overall - 50.15).abs() < 1e-9);
        assert_eq!((cap.at, cap.rules.as_slice()), (59.0, &[r][..]));
        assert_eq!(e.scoring.bands[s.band].name, "needs work");
    }

    #[test]
    fn same_findings_cost_less_in_longer_posts() {
        // Ten warnings: in 20 words 100 * 4 / 14 = 28.57; in 2,000 words
        // units = 26.67 and 100 * 26.67 / 36.67 = 72.73.
        let e = engine();
        let f: Vec<Finding> = (0..10)
            .map(|_| finding(rule_of(&e, "readable", 0), Severity::Warning, 1.0))
            .collect();
        let short = nth(&score(&e.scoring, &e.book, &f, 20, &all(&e)), 0).score;
        let long = nth(&score(&e.scoring, &e.book, &f, 2000, &all(&e)), 0).score;
        assert!((short - 400.0 / 14.0).abs() < 1e-9);
        assert!((long - 72.727_272).abs() < 1e-4);
    }

    #[test]
    fn more_or_worse_findings_never_raise_a_score() {
        let e = engine();
        let rules: Vec<RuleId> = e.book.rule_ids().collect();
        let severities = [Severity::Suggestion, Severity::Warning, Severity::Error];
        for words in [0, 10, 300, 5000] {
            let mut findings = Vec::new();
            let mut last = score(&e.scoring, &e.book, &findings, words, &all(&e));
            for i in 0..60 {
                findings.push(finding(
                    rules[(i * 7) % rules.len()],
                    severities[i % 3],
                    1.0 + (i % 4) as f64 * 0.5,
                ));
                let next = score(&e.scoring, &e.book, &findings, words, &all(&e));
                assert!(next.overall <= last.overall);
                for (a, b) in next.checklists().zip(last.checklists()) {
                    assert!(a.score <= b.score);
                }
                // Worse: the same finding one severity up never scores higher.
                let mut worse = findings.clone();
                let f = worse.last_mut().unwrap();
                f.severity = match f.severity {
                    Severity::Suggestion => Severity::Warning,
                    _ => Severity::Error,
                };
                assert!(
                    score(&e.scoring, &e.book, &worse, words, &all(&e)).overall <= next.overall
                );
                last = next;
            }
        }
    }

    #[test]
    fn deductions_add_up_to_the_points_lost() {
        let e = engine();
        let r = rule_of(&e, "strategy", 0);
        let r2 = rule_of(&e, "strategy", 2);
        let f = [
            finding(r, Severity::Error, 1.0),
            finding(r2, Severity::Warning, 1.0),
            finding(r2, Severity::Warning, 2.0),
        ];
        let s = score(&e.scoring, &e.book, &f, 62, &all(&e));
        let strategy = nth(&s, 3);
        let lost: f64 = strategy.deductions.iter().map(|d| d.points).sum();
        let formula = strategy.before_cap.expect("the error scaled it");
        assert!((100.0 - formula - lost).abs() < 1e-9);
        assert_eq!(strategy.deductions[0].rule, r, "largest deduction first");
        assert_eq!(strategy.deductions[1].count, 2);
    }

    #[test]
    fn bands_name_the_score_as_shown() {
        let e = engine();
        let name = |score: f64| e.scoring.bands[e.scoring.band_of(score)].name.as_str();
        assert_eq!(name(100.0), "excellent");
        assert_eq!(name(80.0), "excellent");
        assert_eq!(name(79.99), "acceptable", "shown as 79");
        assert_eq!(name(60.0), "acceptable");
        assert_eq!(name(59.9), "needs work");
        assert_eq!(name(0.0), "needs work");
        assert_eq!(e.scoring.error_cap(), Some(59.0));
    }

    #[test]
    fn bands_must_run_from_the_highest_down_to_zero() {
        let band = |name: &str, min: f64| Band {
            name: name.into(),
            min,
        };
        assert!(check_bands(&[band("good", 70.0), band("poor", 0.0)]).is_ok());
        for (bands, says) in [
            (vec![], "at least one band"),
            (
                vec![band("good", 70.0), band("poor", 10.0)],
                "must start at 0",
            ),
            (
                vec![band("poor", 0.0), band("good", 70.0)],
                "from the highest",
            ),
            (vec![band("a", 70.0), band("a", 0.0)], "two bands are named"),
            (vec![band(" ", 0.0)], "no name"),
            (vec![band("a", 120.0), band("b", 0.0)], "between 0 and 100"),
        ] {
            let e = check_bands(&bands).unwrap_err();
            assert!(e.contains(says), "{e}");
        }
    }

    #[test]
    fn only_errors_cap_and_capping_can_be_switched_off() {
        let mut e = engine();
        let r = rule_of(&e, "strategy", 0);
        let warnings = [finding(r, Severity::Warning, 3.0)];
        let s = score(&e.scoring, &e.book, &warnings, 40, &all(&e));
        assert!(s.cap.is_none() && s.checklists().all(|c| c.before_cap.is_none()));
        let error = [finding(r, Severity::Error, 1.0)];
        let capped = score(&e.scoring, &e.book, &error, 40, &all(&e));
        assert!(capped.overall < 59.0 && capped.cap.is_some());
        e.scoring.cap_on_error = false;
        let s = score(&e.scoring, &e.book, &error, 40, &all(&e));
        assert!(s.cap.is_none());
        assert!((s.overall - 87.5).abs() < 1e-9, "(3 * 100 + 50) / 4");
    }
}
