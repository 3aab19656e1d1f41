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
    MaxLinks,
    /// Writing norms (`[writing]`), not platform limits.
    SentenceWords,
    ParagraphWords,
    /// Emoji for every 100 words that suit the channel's readers.
    #[serde(rename = "emoji_per_100_words")]
    EmojiPer100Words,
    /// The fewest words a post needs to say something on the channel.
    MinWords,
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
    /// Recommended most links.
    pub links: Option<usize>,
    /// Hard most distinct links (Threads: 5).
    pub max_links: Option<usize>,
    /// Lines shown before "see more", where the platform also cuts by
    /// lines (LinkedIn on mobile: 3).
    pub fold_lines: Option<usize>,
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
            Limit::MaxLinks => self.max_links,
            Limit::SentenceWords
            | Limit::ParagraphWords
            | Limit::EmojiPer100Words
            | Limit::MinWords => None,
        }
    }
}

/// A platform's polls (`[poll]`): options come from front matter `poll:`
/// or from the post's last lines written `( ) option` / `[ ] option`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PollLimits {
    pub min_options: usize,
    pub max_options: usize,
    /// Most characters per option, counted by `counter`.
    pub option_length: usize,
    #[serde(default = "chars")]
    pub counter: Counter,
}

fn chars() -> Counter {
    Counter::Chars
}

/// A platform's attached images (`[media]`).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MediaLimits {
    /// Most images per post.
    pub max: Option<usize>,
    /// Most characters of alt text per image.
    pub alt_length: Option<usize>,
}

/// A piece of the post besides its body that the platform limits, read
/// from front matter (`[[fields]]`): a YouTube title, a newsletter's
/// subject line. Only channels that name a key read it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Front matter keys that set it, first found wins (`["subject"]`).
    pub keys: Vec<String>,
    /// What readers call it, for messages ("subject line").
    pub name: String,
    /// How it is counted; the channel's counter when not set.
    pub counter: Option<Counter>,
    /// Hard limit: the platform refuses or cuts longer text.
    pub max: Option<usize>,
    /// Above this the text is long for the platform (a warning).
    pub warn_above: Option<usize>,
    /// The length that works best, `[min, max]` (a suggestion).
    pub recommended: Option<[usize; 2]>,
    /// Counted with the post's own text against `max_length` (Mastodon
    /// counts a content warning with the toot).
    #[serde(default)]
    pub counts_toward_length: bool,
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
    #[serde(default)]
    pub writing: Writing,
    pub poll: Option<PollLimits>,
    #[serde(default)]
    pub media: MediaLimits,
    #[serde(default)]
    pub fields: Vec<Field>,
    /// Bluesky: whether a link counts as the official app displays it
    /// (`example.com/a-long-pa...`) rather than as written. Unset where
    /// the platform has no such mode.
    pub shorten_links: Option<bool>,
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
        "linkedin-article",
        include_str!("../../rules/channels/linkedin-article.toml"),
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
    (
        "pinterest",
        include_str!("../../rules/channels/pinterest.toml"),
    ),
    ("reddit", include_str!("../../rules/channels/reddit.toml")),
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

/// How long a sentence or paragraph may run on the channel before
/// `readable` says so: what readers of the channel are used to, not what
/// the platform accepts. Calibrated on published posts (CHANGELOG).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Writing {
    pub sentence_words: Option<usize>,
    pub paragraph_words: Option<usize>,
    /// How many emoji for every 100 words the channel's readers take well
    /// (`strategy.emoji-density`): many on Instagram, few on LinkedIn.
    pub emoji_per_100_words: Option<usize>,
    /// Below this many words a post says too little to stand on its own
    /// (`channel.thin-post`): "Big news coming 👀".
    pub min_words: Option<usize>,
}

impl ChannelProfile {
    /// A number a rule may use as `channel.<name>`: a platform limit or a
    /// writing norm; `None` when the channel sets none.
    pub fn limit(&self, limit: Limit) -> Option<usize> {
        match limit {
            Limit::SentenceWords => self.writing.sentence_words,
            Limit::ParagraphWords => self.writing.paragraph_words,
            Limit::EmojiPer100Words => self.writing.emoji_per_100_words,
            Limit::MinWords => self.writing.min_words,
            _ => self.limits.get(limit),
        }
    }
}

/// `[channels.<id>]` in postlint.toml: a team's own numbers for a channel
/// (a Mastodon server's higher limit, an X Premium account), or a channel
/// of its own from a profile file (`file = "channels/intranet.toml"`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChannelSettings {
    /// A profile file, relative to the config, in the built-in profiles'
    /// format; its `id` must be the table's name.
    file: Option<String>,
    max_length: Option<usize>,
    fold: Option<usize>,
    fold_lines: Option<usize>,
    hashtags: Option<usize>,
    max_hashtags: Option<usize>,
    mentions: Option<usize>,
    links: Option<usize>,
    max_links: Option<usize>,
    sentence_words: Option<usize>,
    paragraph_words: Option<usize>,
    emoji_per_100_words: Option<usize>,
    min_words: Option<usize>,
    /// Count links as the Bluesky app shows them (see the profile).
    shorten_links: Option<bool>,
}

/// Reads one profile file strictly and checks what serde cannot.
fn read_profile(src: Source<'_>, id: &str) -> Result<ChannelProfile, LoadError> {
    let doc = src.parse()?;
    let profile: ChannelProfile = src.read(doc.span(), doc.get_ref(), "channel profile")?;
    let at = |key: &str| doc.get_ref().get(key).map_or(0..0, |v| v.span());
    if profile.id != id {
        return Err(src
            .error(
                at("id"),
                format!("channel id `{}` differs from `{id}`", profile.id),
            )
            .with_key("id"));
    }
    for field in &profile.fields {
        if field.keys.is_empty() {
            return Err(src
                .error(
                    at("fields"),
                    format!("the {} field names no front matter `keys`", field.name),
                )
                .with_key("keys"));
        }
        if let Some([lo, hi]) = field.recommended
            && lo > hi
        {
            return Err(src
                .error(
                    at("fields"),
                    format!(
                        "the {} field's `recommended` range runs backwards: [{lo}, {hi}]",
                        field.name
                    ),
                )
                .with_key("recommended"));
        }
    }
    if let Some(poll) = &profile.poll
        && poll.min_options > poll.max_options
    {
        return Err(src
            .error(
                at("poll"),
                "`min_options` is above `max_options`: no poll could pass",
            )
            .with_key("min_options"));
    }
    Ok(profile)
}

impl Channels {
    pub fn built_in() -> Result<Self, LoadError> {
        let mut profiles = Vec::with_capacity(BUILT_IN.len());
        for (name, text) in BUILT_IN {
            let file = format!("<built-in>/rules/channels/{name}.toml");
            profiles.push(read_profile(Source { file: &file, text }, name)?);
        }
        Ok(Self { profiles })
    }

    /// Applies the config's `[channels.<id>]` tables (`src` is the config,
    /// `base_dir` its folder): a team's numbers replace the profile's, a
    /// `file` adds (or replaces) a whole profile.
    pub fn configure(
        &mut self,
        src: Source<'_>,
        base_dir: &std::path::Path,
    ) -> Result<(), LoadError> {
        let doc = src.parse()?;
        let Some(table) = doc.get_ref().get("channels") else {
            return Ok(());
        };
        let Some(table) = table.get_ref().as_table() else {
            return Err(src
                .error(table.span(), "`channels` must be a table of channel names")
                .with_key("channels")
                .with_hint("[channels.mastodon]\nmax_length = 1000"));
        };
        for (name, value) in table.iter() {
            let id: &str = name.get_ref();
            let Some(entry) = value.get_ref().as_table() else {
                return Err(src
                    .error(value.span(), format!("`channels.{id}` must be a table"))
                    .with_key(id)
                    .with_hint(format!("[channels.{id}]\nmax_length = 1000")));
            };
            let what = format!("[channels.{id}]");
            let settings: ChannelSettings = src.read(value.span(), entry, &what)?;
            if let Some(file) = &settings.file {
                let path = base_dir.join(file);
                let shown = path.display().to_string();
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    src.error(
                        value.span(),
                        format!("cannot read channel profile {shown}: {e}"),
                    )
                    .with_key("file")
                })?;
                let profile = read_profile(
                    Source {
                        file: &shown,
                        text: &text,
                    },
                    id,
                )?;
                match self.find(id) {
                    Some(existing) => self.profiles[existing.index()] = profile,
                    None => self.profiles.push(profile),
                }
            }
            let Some(found) = self.find(id) else {
                let hint = match did_you_mean(id, self.profiles.iter().map(|p| p.id.as_str())) {
                    Some(close) => format!(
                        "did you mean `{close}`? A channel of your own needs `file = \"channels/{id}.toml\"`"
                    ),
                    None => format!(
                        "a channel of your own needs its profile: `file = \"channels/{id}.toml\"`"
                    ),
                };
                return Err(src
                    .error(name.span(), format!("unknown channel `{id}`"))
                    .with_hint(hint));
            };
            let profile = &mut self.profiles[found.index()];
            if settings.shorten_links.is_some() {
                profile.shorten_links = settings.shorten_links;
            }
            let limits = &mut profile.limits;
            let set = |slot: &mut Option<usize>, value: Option<usize>| {
                if value.is_some() {
                    *slot = value;
                }
            };
            set(&mut limits.max_length, settings.max_length);
            set(&mut limits.fold, settings.fold);
            set(&mut limits.fold_lines, settings.fold_lines);
            set(&mut limits.hashtags, settings.hashtags);
            set(&mut limits.max_hashtags, settings.max_hashtags);
            set(&mut limits.mentions, settings.mentions);
            set(&mut limits.links, settings.links);
            set(&mut limits.max_links, settings.max_links);
            let writing = &mut profile.writing;
            set(&mut writing.sentence_words, settings.sentence_words);
            set(&mut writing.paragraph_words, settings.paragraph_words);
            set(
                &mut writing.emoji_per_100_words,
                settings.emoji_per_100_words,
            );
            set(&mut writing.min_words, settings.min_words);
        }
        Ok(())
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
