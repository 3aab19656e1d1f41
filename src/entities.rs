//! Hashtags, mentions, cashtags and URLs found in post text, the way
//! X (twitter-text) finds them; and emoji.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Url,
    Hashtag,
    Mention,
    Cashtag,
}

/// One entity; `span` is a byte range into the text given to [`extract`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    pub kind: EntityKind,
    pub span: Span,
}
