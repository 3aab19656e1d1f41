//! Channel profiles: where a post goes, how that platform counts its length,
//! its limits, and whether it renders Markdown. The numbers are data in
//! `rules/channels/*.toml`; how a platform counts is code (`counter`).

use serde::Deserialize;

use crate::error::{LoadError, did_you_mean};
use crate::ids::ChannelId;
use crate::input::document::Syntax;
use crate::schema::Source;
use crate::text::counter::Counter;
use crate::text::post::Reading;

/// How a channel shows the body of a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Markup {
    /// Published exactly as written (social platforms); threads allowed.
    Plain,
    /// Rendered Markdown: only prose is checked; never a thread.
    Markdown,
    /// Markdown for `.md` files, plain otherwise (the `generic` channel).
    ByExtension,
}

/// A channel's numbers that rules may use as thresholds, written
/// `max = "channel.<name>"` in a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    MaxLength,
    Fold,
    Hashtags,
    MaxHashtags,
    Mentions,
    Links,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Hard limit: the platform refuses longer posts.
    pub max_length: Option<usize>,
    /// Characters shown before "see more".
    pub fold: Option<usize>,
    /// Recommended most hashtags.
    pub hashtags: Option<usize>,
    /// Hard most hashtags (the platform drops or refuses more).
    pub max_hashtags: Option<usize>,
    pub mentions: Option<usize>,
    pub links: Option<usize>,
    /// Other limits the platform sets on the same text, each counted its
    /// own way (Bluesky: 300 graphemes and 3,000 bytes).
    #[serde(default)]
    pub also: Vec<ExtraLimit>,
}

/// A further hard limit on a post's text (`[[limits.also]]`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ExtraLimit {
    /// What the limit is called in `postlint stats` (`bytes`).
    pub name: String,
    pub counter: Counter,
    pub max: usize,
}

impl Limits {
    pub fn get(&self, limit: Limit) -> Option<usize> {
        match limit {
            Limit::MaxLength => self.max_length,
            Limit::Fold => self.fold,
            Limit::Hashtags => self.hashtags,
            Limit::MaxHashtags => self.max_hashtags,
            Limit::Mentions => self.mentions,
            Limit::Links => self.links,
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChannelProfile {
    pub id: String,
    pub name: String,
    pub description: String,
    pub markup: Markup,
    pub counter: Counter,
    #[serde(default)]
    pub limits: Limits,
}

impl ChannelProfile {
    /// How a file of this syntax is read when it goes to this channel.
    pub fn reading(&self, syntax: Syntax) -> Reading {
        match (self.markup, syntax) {
            (Markup::Plain, _) => Reading::Plain,
            (Markup::Markdown, _) => Reading::Markdown,
            (Markup::ByExtension, Syntax::Markdown) => Reading::Markdown,
            (Markup::ByExtension, Syntax::Plain) => Reading::Plain,
        }
    }
}

/// The channel profiles built into the binary.
const BUILT_IN: &[(&str, &str)] = &[
    ("x", include_str!("../../rules/channels/x.toml")),
    (
        "linkedin",
        include_str!("../../rules/channels/linkedin.toml"),
    ),
    (
        "instagram",
        include_str!("../../rules/channels/instagram.toml"),
    ),
    (
        "facebook",
        include_str!("../../rules/channels/facebook.toml"),
    ),
    ("threads", include_str!("../../rules/channels/threads.toml")),
    (
        "mastodon",
        include_str!("../../rules/channels/mastodon.toml"),
    ),
    ("bluesky", include_str!("../../rules/channels/bluesky.toml")),
    ("tiktok", include_str!("../../rules/channels/tiktok.toml")),
    ("youtube", include_str!("../../rules/channels/youtube.toml")),
    ("blog", include_str!("../../rules/channels/blog.toml")),
    (
        "newsletter",
        include_str!("../../rules/channels/newsletter.toml"),
    ),
    ("generic", include_str!("../../rules/channels/generic.toml")),
];

/// The channel used when neither CLI, front matter nor config names one.
pub const DEFAULT_CHANNEL: &str = "generic";

/// Every known channel, in a fixed order.
#[derive(Debug, Clone)]
pub struct Channels {
    profiles: Vec<ChannelProfile>,
}

impl Channels {
    pub fn built_in() -> Result<Self, LoadError> {
        let mut profiles = Vec::with_capacity(BUILT_IN.len());
        for (name, text) in BUILT_IN {
            let file = format!("<built-in>/rules/channels/{name}.toml");
            let src = Source { file: &file, text };
            let doc = src.parse()?;
            let profile: ChannelProfile = src.read(doc.span(), doc.get_ref(), "channel profile")?;
            if profile.id != *name {
                return Err(src.error(
                    0..0,
                    format!("channel id `{}` differs from its file name", profile.id),
                ));
            }
            profiles.push(profile);
        }
        Ok(Self { profiles })
    }

    pub fn all(&self) -> &[ChannelProfile] {
        &self.profiles
    }

    pub fn get(&self, id: ChannelId) -> &ChannelProfile {
        &self.profiles[id.index()]
    }

    /// The channel with this name (any case).
    pub fn find(&self, name: &str) -> Option<ChannelId> {
        self.profiles
            .iter()
            .position(|p| p.id.eq_ignore_ascii_case(name))
            .map(ChannelId::new)
    }

    /// Looks up a channel a user named, with a "did you mean" when unknown.
    pub fn resolve(&self, id: &str) -> Result<ChannelId, String> {
        self.find(id).ok_or_else(|| {
            let known = self.profiles.iter().map(|p| p.id.as_str());
            match did_you_mean(id, known) {
                Some(close) => format!("unknown channel `{id}`; did you mean `{close}`?"),
                None => format!(
                    "unknown channel `{id}`; known channels: {}",
                    self.profiles
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_profiles_load() {
        let channels = Channels::built_in().unwrap();
        let get = |name| channels.get(channels.find(name).unwrap());
        assert_eq!(get("x").limits.max_length, Some(280));
        assert_eq!(get("X").counter, Counter::XWeighted);
        assert_eq!(get("bluesky").counter, Counter::Graphemes);
        assert_eq!(get("blog").markup, Markup::Markdown);
        assert!(channels.find(DEFAULT_CHANNEL).is_some());
    }

    #[test]
    fn unknown_channel_suggests_a_close_one() {
        let channels = Channels::built_in().unwrap();
        assert!(
            channels
                .resolve("linkdin")
                .unwrap_err()
                .contains("did you mean `linkedin`")
        );
    }
}
