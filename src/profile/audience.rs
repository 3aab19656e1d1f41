//! Audiences: who reads a post, and the reading level they enjoy.
//! Data in `rules/audiences.toml`.

use serde::Deserialize;

use crate::error::{LoadError, did_you_mean};
use crate::schema::Source;
use crate::text::reading_level;

/// An audience's numbers that rules may use as thresholds, written
/// `max = "audience.<name>"` in a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AudienceLimit {
    MaxGrade,
    /// A sentence this far past the audience's grade is hard to read
    /// (`[sentences]` in `rules/language/readability.toml`).
    HardSentenceGrade,
    VeryHardSentenceGrade,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AudienceSpec {
    pub description: String,
    pub max_grade: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Audience {
    /// A name from `audiences.toml`, or the grade given as a number.
    pub name: String,
    pub max_grade: f64,
}

impl Audience {
    pub fn get(&self, limit: AudienceLimit) -> f64 {
        let sentences = reading_level::sentence_grades();
        match limit {
            AudienceLimit::MaxGrade => self.max_grade,
            AudienceLimit::HardSentenceGrade => self.max_grade + sentences.hard_above,
            AudienceLimit::VeryHardSentenceGrade => self.max_grade + sentences.very_hard_above,
        }
    }
}

pub const DEFAULT_AUDIENCE: &str = "general";

#[derive(Debug, Clone)]
pub struct Audiences {
    known: Vec<(String, AudienceSpec)>,
}

impl Audiences {
    pub fn built_in() -> Result<Self, LoadError> {
        let src = Source {
            file: "<built-in>/rules/audiences.toml",
            text: include_str!("../../rules/audiences.toml"),
        };
        let doc = src.parse()?;
        let mut known = Vec::new();
        for (name, value) in doc.get_ref().iter() {
            let spec: AudienceSpec = src.read_value(value.span(), value.get_ref().clone())?;
            known.push((name.get_ref().to_string(), spec));
        }
        Ok(Self { known })
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.known.iter().map(|(n, _)| n.as_str())
    }

    /// An audience by name, or a target grade given as a number (`"7"`).
    pub fn resolve(&self, name: &str) -> Result<Audience, String> {
        if let Some((n, spec)) = self
            .known
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            return Ok(Audience {
                name: n.clone(),
                max_grade: spec.max_grade,
            });
        }
        if let Ok(grade) = name.trim().parse::<f64>()
            && (1.0..=20.0).contains(&grade)
        {
            return Ok(Audience {
                name: format!("grade {grade}"),
                max_grade: grade,
            });
        }
        let hint = match did_you_mean(name, self.names()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!(
                "use one of {} or a target grade between 1 and 20",
                self.names().collect::<Vec<_>>().join(", ")
            ),
        };
        Err(format!("unknown audience `{name}`; {hint}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_resolve() {
        let a = Audiences::built_in().unwrap();
        assert_eq!(a.resolve("general").unwrap().max_grade, 9.0);
        assert_eq!(a.resolve("7").unwrap().max_grade, 7.0);
        assert!(
            a.resolve("generl")
                .unwrap_err()
                .contains("did you mean `general`")
        );
        assert!(a.resolve("99").is_err());
    }
}
