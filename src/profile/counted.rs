//! What a platform counts for one post. Usually the post's text as written,
//! but not always: poll options at its end are published as a poll, a
//! publishing tool may append text (galaxy-social's mentions and hashtags),
//! and Mastodon counts a content warning with the toot. Every length users
//! see (`check`, `stats`, the fold) comes from here, so they agree.

use crate::input::document::FrontMatter;
use crate::profile::channel::ChannelProfile;
use crate::span::Span;
use crate::text::post::Post;

#[derive(Debug, Clone, Copy)]
pub struct Counted<'a> {
    pub profile: &'a ChannelProfile,
    /// The part of the file the platform publishes as the post's text.
    pub span: Span,
    /// Counted with the text though not part of it (a content warning).
    pub added: usize,
    /// Appended to the text when it is published.
    pub appended: Option<&'a str>,
}

impl<'a> Counted<'a> {
    /// `post` as `profile`'s platform counts it. What front matter adds
    /// belongs to the first post of a thread (a content warning) or its
    /// last (appended text).
    pub fn new(profile: &'a ChannelProfile, post: &Post<'_>, fm: &'a FrontMatter) -> Self {
        let span = match (&post.poll, &profile.poll) {
            (Some(poll), Some(_)) => Span::new(post.span.start, poll.text_end),
            _ => post.span,
        };
        let added = if post.index == 0 {
            profile
                .fields
                .iter()
                .filter(|f| f.counts_toward_length)
                .filter_map(|f| fm.field(&f.keys))
                .map(|item| profile.counter.count(&item.text))
                .sum()
        } else {
            0
        };
        let appended = if post.index + 1 == post.count {
            fm.appended_for(&profile.id)
        } else {
            None
        };
        Counted {
            profile,
            span,
            added,
            appended,
        }
    }

    /// The post's text exactly as written, nothing removed or added: what
    /// `stats --raw` measures.
    pub fn raw(profile: &'a ChannelProfile, span: Span) -> Self {
        Counted {
            profile,
            span,
            added: 0,
            appended: None,
        }
    }

    /// Length by the channel's own counter.
    pub fn length(&self, source: &str) -> usize {
        self.length_by(source, self.profile.counter)
    }

    /// Length by `counter` (a channel can limit the same text two ways:
    /// Bluesky's graphemes and bytes).
    pub fn length_by(&self, source: &str, counter: crate::text::counter::Counter) -> usize {
        let text = &source[self.span.range()];
        let own = match self.appended {
            Some(more) => counter.count(&format!("{text}{more}")),
            None => counter.count(text),
        };
        own + self.added
    }

    /// The file offset where the text stops fitting `limit` (the end of
    /// the counted text when it fits), so a finding can point at what is
    /// over. Appended text over the limit points at the end.
    pub fn fit_by(
        &self,
        source: &str,
        counter: crate::text::counter::Counter,
        limit: usize,
    ) -> usize {
        let text = &source[self.span.range()];
        let limit = limit.saturating_sub(self.added);
        let fit = match self.appended {
            Some(more) => counter.fit(&format!("{text}{more}"), limit).min(text.len()),
            None => counter.fit(text, limit),
        };
        self.span.start + fit
    }

    pub fn fit(&self, source: &str, limit: usize) -> usize {
        self.fit_by(source, self.profile.counter, limit)
    }
}
