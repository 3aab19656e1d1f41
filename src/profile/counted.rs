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
    /// `post` as `profile`'s platform counts it. A content warning belongs
    /// to the post whose front matter sets it (`own`: a thread post's own;
    /// else the file's, for the first post); appended text to the last.
    pub fn new(
        profile: &'a ChannelProfile,
        post: &Post<'_>,
        fm: &'a FrontMatter,
        own: Option<&'a FrontMatter>,
    ) -> Self {
        let span = match (&post.poll, &profile.poll) {
            (Some(poll), Some(_)) => Span::new(post.span.start, poll.text_end),
            _ => post.span,
        };
        let owner = match own {
            Some(own) => Some(own),
            None if post.index == 0 => Some(fm),
            None => None,
        };
        let added = owner.map_or(0, |owner| {
            profile
                .fields
                .iter()
                .filter(|f| f.counts_toward_length)
                .filter_map(|f| owner.field(&f.keys))
                .map(|item| profile.counter.count(&item.text))
                .sum()
        });
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
        let text = self.text(source);
        let own = match self.shortened(&text) {
            Some((short, _)) => counter.count(&short),
            None => counter.count(&text),
        };
        own + self.added
    }

    /// The text with what is appended to it.
    fn text<'s>(&self, source: &'s str) -> std::borrow::Cow<'s, str> {
        let text = &source[self.span.range()];
        match self.appended {
            Some(more) => format!("{text}{more}").into(),
            None => text.into(),
        }
    }

    /// The text with links as the app shows them, when the channel counts
    /// them so and there are any.
    fn shortened(&self, text: &str) -> Option<(String, Vec<(Span, Span)>)> {
        if self.profile.shorten_links == Some(true) {
            shortened(text)
        } else {
            None
        }
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
        let text = self.text(source);
        let limit = limit.saturating_sub(self.added);
        let fit = match self.shortened(&text) {
            Some((short, moved)) => unshorten(counter.fit(&short, limit), &moved),
            None => counter.fit(&text, limit),
        };
        self.span.start + fit.min(self.span.len())
    }

    pub fn fit(&self, source: &str, limit: usize) -> usize {
        self.fit_by(source, self.profile.counter, limit)
    }
}

/// A link as the Bluesky app displays it (social-app's `toShortUrl`): the
/// host, then path, query and fragment, cut to 13 characters and "..."
/// when they are longer than 15. Only `http(s)://` links are shortened; the
/// app leaves bare domains as typed. Non-ASCII in the path is
/// percent-encoded first, as the WHATWG URL parser the app uses does.
pub fn short_url(url: &str) -> Option<String> {
    let scheme = |s: &[u8]| {
        url.as_bytes()
            .get(..s.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(s))
    };
    let rest = if scheme(b"https://") {
        &url[8..]
    } else if scheme(b"http://") {
        &url[7..]
    } else {
        return None;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..end].to_ascii_lowercase();
    let mut path = String::with_capacity(rest.len() - end);
    for c in rest[end..].chars() {
        if c.is_ascii() {
            path.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                path.push_str(&format!("%{b:02X}"));
            }
        }
    }
    // `pathname` "/" alone, an empty `?` or `#`, show as nothing.
    let (before_hash, hash) = match path.split_once('#') {
        Some((p, h)) if !h.is_empty() => (p.to_owned(), format!("#{h}")),
        Some((p, _)) => (p.to_owned(), String::new()),
        None => (path.clone(), String::new()),
    };
    let (pathname, search) = match before_hash.split_once('?') {
        Some((p, q)) if !q.is_empty() => (p.to_owned(), format!("?{q}")),
        Some((p, _)) => (p.to_owned(), String::new()),
        None => (before_hash, String::new()),
    };
    let pathname = if pathname == "/" {
        String::new()
    } else {
        pathname
    };
    let path = format!("{pathname}{search}{hash}");
    Some(if path.len() > 15 {
        format!("{host}{}...", &path[..13])
    } else {
        format!("{host}{path}")
    })
}

/// `text` with its links shortened, and where each link went: `(written,
/// shown)` byte ranges, in order. `None` when nothing changes.
fn shortened(text: &str) -> Option<(String, Vec<(Span, Span)>)> {
    let mut out = String::with_capacity(text.len());
    let mut moved = Vec::new();
    let mut last = 0;
    for entity in crate::text::entities::extract(text) {
        if entity.kind != crate::text::entities::EntityKind::Url {
            continue;
        }
        let url = &text[entity.span.range()];
        let Some(short) = short_url(url) else {
            continue;
        };
        out.push_str(&text[last..entity.span.start]);
        let start = out.len();
        out.push_str(&short);
        moved.push((entity.span, Span::new(start, out.len())));
        last = entity.span.end;
    }
    if moved.is_empty() {
        return None;
    }
    out.push_str(&text[last..]);
    Some((out, moved))
}

/// Where offset `cut` of the shortened text falls in the written text: a
/// cut inside a shortened link is at the link's start.
fn unshorten(cut: usize, moved: &[(Span, Span)]) -> usize {
    let i = moved.partition_point(|(_, shown)| shown.start < cut);
    match i.checked_sub(1).map(|i| moved[i]) {
        None => cut,
        Some((written, shown)) if cut < shown.end => written.start,
        Some((written, shown)) => written.end + (cut - shown.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_as_the_bluesky_app_shows_them() {
        // Worked by hand from social-app's toShortUrl.
        let cases = [
            ("https://example.com", "example.com"),
            ("https://example.com/", "example.com"),
            ("https://Example.COM/abc", "example.com/abc"),
            // The path with its slash: 15 stays, 16 is cut to 13 and "...".
            (
                "https://example.com/abcdefghijklmn",
                "example.com/abcdefghijklmn",
            ),
            (
                "https://example.com/abcdefghijklmno",
                "example.com/abcdefghijkl...",
            ),
            ("http://a.co/x?q=1#top", "a.co/x?q=1#top"),
            ("https://a.co/?", "a.co"),
            ("https://a.co/é", "a.co/%C3%A9"),
        ];
        for (url, shown) in cases {
            assert_eq!(short_url(url).as_deref(), Some(shown), "{url}");
        }
        assert_eq!(
            short_url("example.com/abc"),
            None,
            "bare domains stay as typed"
        );
        // The app shows an IDN host in punycode (xn--9ca.fr); postlint
        // keeps it as written, and still cuts the path.
        assert_eq!(
            short_url("http://é.fr/some/very/long/path").as_deref(),
            Some("é.fr/some/very/lo..."),
        );
    }

    #[test]
    fn a_cut_maps_back_to_the_written_text() {
        let text = "Read https://example.com/a-very-long-path-indeed now";
        let (short, moved) = shortened(text).unwrap();
        assert_eq!(short, "Read example.com/a-very-long-... now");
        assert_eq!(unshorten(2, &moved), 2);
        assert_eq!(unshorten(10, &moved), 5, "inside the link: its start");
        let after = short.find(" now").unwrap();
        assert_eq!(unshorten(after, &moved), text.find(" now").unwrap());
    }
}
