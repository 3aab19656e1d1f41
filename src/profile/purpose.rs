//! Why a post is written (`goal`) and in what situation (`tone`). Rules ask
//! for a call to action by goal and turn stricter in a crisis; both come
//! from the CLI, front matter, a path override or the config.

use serde::{Deserialize, Serialize};

use crate::error::did_you_mean;
use crate::schema::variants_of;

/// What the post is for. A missing call to action costs more on a post
/// that must convert than on one that informs.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Goal {
    /// Informs: news, a story, a thank-you.
    Awareness,
    /// Asks for replies, shares, votes: a conversation.
    Engagement,
    /// Asks readers to act: sign up, buy, register, download.
    Conversion,
}

/// The situation the post speaks in.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    #[default]
    Normal,
    /// An outage, a breach, a recall: the post must be quick, honest and
    /// personal, and the crisis rules run.
    Crisis,
}

/// The team's own sites (`[strategy]` in `postlint.toml`): links to them
/// must carry the tracking parameters, and links elsewhere must not carry
/// the team's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracking {
    /// Host names, lowercase; a subdomain of one is the team's too.
    pub domains: Vec<String>,
    /// Query parameters a link to an own domain must carry.
    pub parameters: Vec<String>,
    /// The team's `utm_source` values: a link to another site that carries
    /// one leaks the team's tagging.
    pub sources: Vec<String>,
}

impl Default for Tracking {
    fn default() -> Self {
        Self {
            domains: Vec::new(),
            parameters: ["utm_source", "utm_medium", "utm_campaign"]
                .map(String::from)
                .to_vec(),
            sources: Vec::new(),
        }
    }
}

impl Tracking {
    /// What checklist examples are checked with: `example.com` (reserved
    /// for examples, RFC 2606) is the team's, and `newsletter` its source.
    pub fn for_examples() -> &'static Tracking {
        static EXAMPLES: std::sync::OnceLock<Tracking> = std::sync::OnceLock::new();
        EXAMPLES.get_or_init(|| Tracking {
            domains: vec!["example.com".into()],
            sources: vec!["newsletter".into()],
            ..Tracking::default()
        })
    }

    /// Whether `host` (lowercase) is one of the team's domains or under one.
    pub fn owns(&self, host: &str) -> bool {
        let host = host.strip_prefix("www.").unwrap_or(host);
        self.domains.iter().any(|d| {
            let d = d.strip_prefix("www.").unwrap_or(d);
            host == d || host.strip_suffix(d).is_some_and(|rest| rest.ends_with('.'))
        })
    }
}

fn parse<T: for<'de> Deserialize<'de>>(what: &str, name: &str) -> Result<T, String> {
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error, StrDeserializer};
    let de: StrDeserializer<'_, Error> = name.trim().into_deserializer();
    T::deserialize(de).map_err(|_| {
        let names = variants_of::<T>();
        let hint = did_you_mean(name, names.iter().copied())
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        format!(
            "unknown {what} `{name}`; {hint}use one of {}",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

impl Goal {
    /// The name users write (`conversion`).
    pub fn name(self) -> &'static str {
        match self {
            Goal::Awareness => "awareness",
            Goal::Engagement => "engagement",
            Goal::Conversion => "conversion",
        }
    }

    pub fn parse(name: &str) -> Result<Self, String> {
        parse("goal", name)
    }
}

impl Tone {
    pub fn parse(name: &str) -> Result<Self, String> {
        parse("tone", name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_is_shown_by_the_name_users_write() {
        let names: Vec<&str> = [Goal::Awareness, Goal::Engagement, Goal::Conversion]
            .map(Goal::name)
            .to_vec();
        assert_eq!(names, variants_of::<Goal>());
    }

    #[test]
    fn names_parse_and_typos_get_a_hint() {
        assert_eq!(Goal::parse("conversion"), Ok(Goal::Conversion));
        assert_eq!(Tone::parse(" crisis"), Ok(Tone::Crisis));
        let e = Goal::parse("converson").unwrap_err();
        assert!(e.contains("did you mean `conversion`"), "{e}");
        assert!(e.contains("`awareness`, `engagement`, `conversion`"), "{e}");
        assert!(
            Tone::parse("angry")
                .unwrap_err()
                .contains("`normal`, `crisis`")
        );
    }
}
