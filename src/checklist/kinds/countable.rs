//! What `count` counts and `require` accepts: entities of a post
//! (hashtags, links...), emoji, or a rule's own matches.

use serde::Deserialize;

use super::matcher::Matcher;
use crate::span::Span;
use crate::text::entities::EntityKind;
use crate::text::post::Post;

/// What a `count` rule counts (`count = "hashtags"`); `matches` counts the
/// rule's own `tokens`/`patterns`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Countable {
    Hashtags,
    Mentions,
    Cashtags,
    Links,
    Emoji,
    Matches,
}

impl Countable {
    /// The entity kind this counts, if it counts entities.
    pub fn entity_kind(self) -> Option<EntityKind> {
        match self {
            Countable::Hashtags => Some(EntityKind::Hashtag),
            Countable::Mentions => Some(EntityKind::Mention),
            Countable::Cashtags => Some(EntityKind::Cashtag),
            Countable::Links => Some(EntityKind::Url),
            Countable::Emoji | Countable::Matches => None,
        }
    }

    /// The spans of these things inside `unit`, in order.
    pub fn items(self, post: &Post<'_>, unit: Span, matcher: &Matcher) -> Vec<Span> {
        let entity = |kind| post.entities_in(unit, kind).collect();
        match self {
            Countable::Hashtags => entity(EntityKind::Hashtag),
            Countable::Mentions => entity(EntityKind::Mention),
            Countable::Cashtags => entity(EntityKind::Cashtag),
            Countable::Links => entity(EntityKind::Url),
            Countable::Emoji => post
                .emoji
                .iter()
                .copied()
                .filter(|e| unit.contains(*e))
                .collect(),
            Countable::Matches => {
                let mut out = Vec::new();
                matcher.find_visible(post, unit, |m| out.push(m));
                out.sort();
                out
            }
        }
    }
}
