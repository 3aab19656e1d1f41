//! `platform`: what a platform checks besides the length of the text, each
//! against the numbers of the post's channel profile: polls, attached
//! images and their alt text, front matter fields the platform publishes
//! (a video title, a newsletter's subject line), further limits on the same
//! text, distinct links, and a thread's "2/5" numbering. A check whose
//! numbers the channel does not set does not run there.

use serde::Deserialize;

use super::api::{Compile, Emit, Input, number};
use crate::error::LoadError;
use crate::span::Span;
use crate::text::entities::EntityKind;

/// The closed set of platform checks (`check = "poll-options"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// How many options a poll has (`[poll] min_options`/`max_options`).
    PollOptions,
    /// How long each poll option is (`[poll] option_length`).
    PollOptionLength,
    /// How many images are attached (`[media] max`).
    MediaCount,
    /// Images with no alt text: front matter media and Markdown images.
    AltText,
    /// Alt text longer than the platform takes (`[media] alt_length`).
    AltTextLength,
    /// A front matter field over the platform's hard limit (`max`).
    FieldTooLong,
    /// A field over `warn_above`.
    FieldLong,
    /// A field outside its `recommended` length.
    FieldLength,
    /// The text over one of `[[limits.also]]` (Bluesky's 3,000 bytes).
    OtherLimits,
    /// More distinct links than the platform publishes (`max_links`).
    DistinctLinks,
    /// A thread's "2/5" numbers: right number, right total, none missing.
    ThreadNumbering,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    check: Check,
}

/// `field` and `limit` name what is measured ("subject line", "bytes");
/// `channel` is the platform's name; `match` the text concerned.
pub const PLACEHOLDERS: &[&str] = &["value", "min", "max", "field", "limit", "channel", "match"];

pub struct Platform {
    check: Check,
}

impl Platform {
    pub fn compile(spec: Spec, _cx: &Compile<'_>) -> Result<Self, LoadError> {
        Ok(Self { check: spec.check })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        let cx = input.cx;
        let profile = cx.channel;
        let fm = cx.front_matter;
        // Polls and images in front matter belong to the post that owns it.
        let first = cx.own_front_matter;
        let source = post.source;
        let mut push = |span: Span,
                        value: usize,
                        min: Option<usize>,
                        max: Option<usize>,
                        what: &str,
                        text: &str| {
            let (v, lo, hi) = (
                number(value as f64),
                min.map(|m| number(m as f64)).unwrap_or_default(),
                max.map(|m| number(m as f64)).unwrap_or_default(),
            );
            let ratio = match (min, max) {
                (_, Some(max)) if value > max => value as f64 / max.max(1) as f64,
                (Some(min), _) if value < min => min as f64 / value.max(1) as f64,
                _ => 1.0,
            };
            emit.push(
                span,
                &[
                    ("value", &v),
                    ("min", &lo),
                    ("max", &hi),
                    ("field", what),
                    ("limit", what),
                    ("channel", &profile.name),
                    ("match", text),
                ],
                None,
                ratio,
            );
        };
        match self.check {
            Check::PollOptions | Check::PollOptionLength => {
                let Some(limits) = &profile.poll else { return };
                // Options written at the end of the post, else (first post
                // only) front matter's `poll:`.
                let options: Vec<(Span, &str)> = match &post.poll {
                    Some(poll) => poll
                        .options
                        .iter()
                        .map(|s| (*s, &source[s.range()]))
                        .collect(),
                    None if first => fm.poll.iter().map(|i| (i.span, i.text.as_str())).collect(),
                    None => return,
                };
                if options.is_empty() {
                    return;
                }
                if self.check == Check::PollOptions {
                    let n = options.len();
                    if n < limits.min_options || n > limits.max_options {
                        let at = options
                            .get(limits.max_options)
                            .map_or(options[0].0, |o| o.0);
                        let span = if n > limits.max_options {
                            Span::new(at.start, options[n - 1].0.end.max(at.end))
                        } else {
                            at
                        };
                        push(
                            span,
                            n,
                            Some(limits.min_options),
                            Some(limits.max_options),
                            "poll options",
                            "",
                        );
                    }
                    return;
                }
                for (span, text) in options {
                    let n = limits.counter.count(text);
                    if n > limits.option_length {
                        // In the post's text, point at what does not fit.
                        let span = if source.get(span.range()) == Some(text) {
                            Span::new(
                                span.start + limits.counter.fit(text, limits.option_length),
                                span.end,
                            )
                        } else {
                            span
                        };
                        push(
                            span,
                            n,
                            None,
                            Some(limits.option_length),
                            "poll option",
                            text,
                        );
                    }
                }
            }
            Check::MediaCount => {
                let Some(max) = profile.media.max else { return };
                if first && fm.media.len() > max {
                    push(
                        fm.media[max].span,
                        fm.media.len(),
                        None,
                        Some(max),
                        "images",
                        "",
                    );
                }
            }
            Check::AltText => {
                if first {
                    for item in fm.media.iter().filter(|m| m.alt.is_none()) {
                        push(item.span, 0, None, None, "image", "");
                    }
                }
                for span in images_without_alt(post) {
                    push(span, 0, None, None, "image", &source[span.range()]);
                }
            }
            Check::AltTextLength => {
                let Some(max) = profile.media.alt_length else {
                    return;
                };
                if !first {
                    return;
                }
                for item in &fm.media {
                    let Some(alt) = &item.alt else { continue };
                    let n = alt.chars().count();
                    if n > max {
                        push(item.span, n, None, Some(max), "alt text", "");
                    }
                }
            }
            Check::FieldTooLong | Check::FieldLong | Check::FieldLength => {
                if !first {
                    return;
                }
                for field in &profile.fields {
                    let Some(item) = fm.field(&field.keys) else {
                        continue;
                    };
                    let counter = field.counter.unwrap_or(profile.counter);
                    let n = counter.count(item.text.trim());
                    let (min, max) = match self.check {
                        Check::FieldTooLong => (None, field.max),
                        Check::FieldLong => (None, field.warn_above),
                        _ => match field.recommended {
                            Some([lo, hi]) => (Some(lo), Some(hi)),
                            None => (None, None),
                        },
                    };
                    // Past a harder limit, only the harder finding shows.
                    let harder = match self.check {
                        Check::FieldTooLong => None,
                        Check::FieldLong => field.max,
                        _ => field.warn_above.or(field.max),
                    };
                    if harder.is_some_and(|h| n > h) {
                        continue;
                    }
                    let over = max.is_some_and(|m| n > m) || min.is_some_and(|m| n < m);
                    if over {
                        push(item.span, n, min, max, &field.name, item.text.trim());
                    }
                }
            }
            Check::OtherLimits => {
                for limit in &profile.limits.also {
                    let n = cx.counted.length_by(source, limit.counter);
                    if n > limit.max {
                        let cut = cx.counted.fit_by(source, limit.counter, limit.max);
                        let span = Span::new(cut, cx.counted.span.end.max(cut));
                        push(span, n, None, Some(limit.max), &limit.name, "");
                    }
                }
            }
            Check::DistinctLinks => {
                let Some(max) = profile.limits.max_links else {
                    return;
                };
                let mut seen: Vec<&str> = Vec::new();
                for span in post.entities_in(post.span, EntityKind::Url) {
                    let url = &source[span.range()];
                    if seen.contains(&url) {
                        continue;
                    }
                    seen.push(url);
                    if seen.len() == max + 1 {
                        let n = distinct_links(post);
                        push(span, n, None, Some(max), "links", url);
                        break;
                    }
                }
            }
            Check::ThreadNumbering => {
                if post.count < 2 || !input.thread.first_numbered {
                    return;
                }
                let (at, total) = (post.index + 1, post.count);
                match post.number {
                    Some(n) if n.number != at || n.total.is_some_and(|t| t != total) => {
                        let written = format!("numbered {}", &source[n.span.range()]);
                        push(n.span, at, None, Some(total), "number", &written);
                    }
                    None => {
                        let start = post
                            .lines
                            .first()
                            .map_or(post.span, |l| Span::new(l.start, l.start));
                        push(
                            start,
                            at,
                            None,
                            Some(total),
                            "number",
                            "not numbered, though post 1 is",
                        );
                    }
                    Some(_) => {}
                }
            }
        }
    }
}

fn distinct_links(post: &crate::text::post::Post<'_>) -> usize {
    let mut urls: Vec<&str> = post
        .entities_in(post.span, EntityKind::Url)
        .map(|s| &post.source[s.range()])
        .collect();
    urls.sort_unstable();
    urls.dedup();
    urls.len()
}

/// Markdown images whose alt text is blank (`![](photo.jpg)`), outside
/// code. Screen readers announce them as "image" and nothing more.
fn images_without_alt(post: &crate::text::post::Post<'_>) -> Vec<Span> {
    let text = &post.source[post.span.range()];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("![") {
        let start = from + i;
        from = start + 2;
        // Alt text is on one line: stop at the line's end, so a stray "!["
        // costs its line, not the rest of the post.
        let Some(close) = text[from..].find([']', '\n']) else {
            break;
        };
        if text.as_bytes()[from + close] == b'\n' {
            continue;
        }
        let alt = &text[from..from + close];
        let after = &text[from + close + 1..];
        if !(after.starts_with('(') || after.starts_with('[')) {
            continue;
        }
        let Some(j) = after.find([')', ']']) else {
            continue;
        };
        let end = from + close + 2 + j;
        let span = Span::new(post.span.start + start, post.span.start + end);
        if alt.trim().is_empty() && !in_code(post, span) {
            out.push(span);
        }
        from = end.max(from);
    }
    out
}

/// Code spans and blocks are sorted and do not overlap: a binary search.
fn in_code(post: &crate::text::post::Post<'_>, span: Span) -> bool {
    let covers = |spans: &[Span]| {
        let i = spans.partition_point(|c| c.end <= span.start);
        spans.get(i).is_some_and(|c| c.start <= span.start)
    };
    covers(&post.code) || covers(&post.code_blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::post::{Post, Reading};

    fn without_alt(text: &str) -> Vec<&str> {
        let post = Post::build(text, Span::new(0, text.len()), Reading::Markdown, 0, 1);
        images_without_alt(&post)
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn markdown_images_without_alt_text_outside_code() {
        assert_eq!(
            without_alt("![](a.png) ![A cat](b.png) ![ ][ref] `![](c.png)` ![](d.png"),
            ["![](a.png)", "![ ][ref]"],
            "not in code, not an unclosed one"
        );
        assert_eq!(
            without_alt("![\n](a.png) ![](b.png)"),
            ["![](b.png)"],
            "alt text does not run across lines"
        );
    }
}
