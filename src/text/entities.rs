//! Hashtags, mentions, cashtags and URLs found in post text, the way
//! X (twitter-text) finds them; and emoji: as people see them ([`emoji`],
//! one per grapheme cluster) and as X weighs them (`x_emoji`, RGI
//! sequences from the generated tables at the end of this file).
//!
//! The patterns follow twitter-text's JavaScript implementation (v3), whose
//! conformance suite is the reference (see `tests/conformance.rs`). The
//! `regex` crate matches in linear time but has no look-around, so each
//! look-ahead is matched as one consumed character and the next search starts
//! before it, and look-behinds are checked by hand. Spans are byte ranges.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};
use unicode_segmentation::UnicodeSegmentation;

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

/// Entities as X links them: sorted by start, never overlapping (where two
/// would overlap, the one starting first wins, as in twitter-text).
///
/// A list mention (`@user/list`) is one [`EntityKind::Mention`] covering the
/// list slug too. One departure from X: a fediverse handle
/// (`@user@example.social`) is one Mention, because the same text may go to
/// Mastodon; X itself links neither part. [`extract_mastodon`] gives what
/// Mastodon links.
pub fn extract(text: &str) -> Vec<Entity> {
    let mut all = Vec::new();
    all.extend(
        x_urls(text)
            .into_iter()
            .map(|span| entity(EntityKind::Url, span)),
    );
    x_mentions(text, &mut all);
    x_hashtags(text, &mut all);
    x_cashtags(text, &mut all);
    remove_overlapping(&mut all);
    all
}

/// Entities as Mastodon links them: only URLs with a scheme, mentions by
/// Mastodon's own pattern (remote `@user@example.social` is one mention, and
/// usernames may hold `.` and `-`), hashtags by X's rules, no cashtags.
pub fn extract_mastodon(text: &str) -> Vec<Entity> {
    let mut all = mastodon_urls_and_mentions(text);
    x_hashtags(text, &mut all);
    remove_overlapping(&mut all);
    all
}

/// The URLs and mentions Mastodon's length validator rewrites, sorted and
/// without overlaps (its `remove_overlapping_entities`).
pub(crate) fn mastodon_urls_and_mentions(text: &str) -> Vec<Entity> {
    let mut all = Vec::new();
    scan_urls(text, false, &mut |span| {
        all.push(entity(EntityKind::Url, span))
    });
    mastodon_mentions(text, &mut all);
    remove_overlapping(&mut all);
    all
}

/// URLs as twitter-text's `extractUrlsWithIndices` finds them, scheme or not.
pub(crate) fn x_urls(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    scan_urls(text, true, &mut |span| out.push(span));
    out
}

/// Each emoji as the grapheme cluster that holds it: a pictograph with its
/// modifiers, variation selector and ZWJ-joined parts, a flag, a keycap.
///
/// Text-style symbols are not emoji: a pictograph followed by U+FE0E, and a
/// bare `©`, `®` or `™` without U+FE0F (X counts these as text too).
pub fn emoji(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(hit) = EMOJI_HIT.find_at(text, pos) {
        let (start, end) = grapheme_around(text, pos, hit.start());
        if is_emoji_cluster(&text[start..end], start == hit.start()) {
            out.push(Span::new(start, end));
        }
        pos = end.max(hit.end());
    }
    out
}

fn entity(kind: EntityKind, span: Span) -> Entity {
    Entity { kind, span }
}

/// twitter-text's `removeOverlappingEntities`: a stable sort by start, then
/// drop each entity that starts before the last kept one ends.
fn remove_overlapping(all: &mut Vec<Entity>) {
    all.sort_by_key(|e| e.span.start);
    let mut kept_end = 0;
    let mut first = true;
    all.retain(|e| {
        if first || e.span.start >= kept_end {
            first = false;
            kept_end = e.span.end;
            true
        } else {
            false
        }
    });
}

// ---------------------------------------------------------------------------
// Character groups shared by the patterns (twitter-text's names in comments).

/// `spacesGroup`
const SPACES: &str = r"\x09-\x0D\x20\x{85}\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";
/// `invalidCharsGroup`: characters X refuses in a post.
const INVALID: &str = r"\x{FFFE}\x{FEFF}\x{FFFF}";
/// `directionalMarkersGroup`
const DIRECTIONAL: &str = r"\x{202A}-\x{202E}\x{61C}\x{200E}\x{200F}\x{2066}-\x{2069}";
/// `punct`: ASCII punctuation except `"` and `` ` `` (sic).
const PUNCT: &str = r"!'#%&()*+,\\\-./:;<=>?@\[\]\^_{|}~$";
/// `latinAccentChars`
const LATIN_ACCENTS: &str = r"\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{FF}\x{100}-\x{24F}\x{253}\x{254}\x{256}\x{257}\x{259}\x{25B}\x{263}\x{268}\x{26F}\x{272}\x{289}\x{28B}\x{2BB}\x{300}-\x{36F}\x{1E00}-\x{1EFF}";
/// `cyrillicLettersAndMarks`
const CYRILLIC: &str = r"\x{400}-\x{4FF}";
/// JavaScript's `\s`, which twitter-text's cashtag pattern uses.
const JS_SPACE: &str = r"\t\n\x0B\x0C\r\x20\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
/// `hashtagAlphaNumeric` (Unicode letters, marks, digits and a few joiners).
const HASHTAG_ALNUM: &str = r"\p{L}\p{M}\p{Nd}_\x{200C}\x{200D}\x{A67E}\x{5BE}\x{5F3}\x{5F4}\x{FF5E}\x{301C}\x{309B}\x{309C}\x{30A0}\x{30FB}\x{3003}\x{F0B}\x{F0C}\x{B7}";
/// `hashtagAlpha`
const HASHTAG_ALPHA: &str = r"\p{L}\p{M}";

/// X's TLD list (twitter-text `tld_lib.yml`), embedded so the binary needs
/// no data files at run time.
const TLDS_JSON: &str = include_str!("../../rules/data/x-tlds.json");

#[derive(serde::Deserialize)]
struct Tlds {
    country: Vec<String>,
    generic: Vec<String>,
}

/// Longest first, so a TLD is never cut short by a shorter one it starts
/// with (twitter-text's reverse-sorted lists get the same effect).
///
/// The URL patterns run on ASCII-lowercased text, so most TLDs are plain
/// literals; each group of plain literals is kept apart (a capture group
/// stops the parser from flattening it into the rest) so the regex compiler
/// makes it a trie. One case-insensitive alternation of them all gives an
/// automaton so large that capturing a URL is several times slower. The few
/// TLDs in cased non-Latin scripts stay case-insensitive, as in twitter-text.
fn tld_alternation(list: &[String]) -> String {
    let mut list: Vec<String> = list.iter().map(|t| t.to_lowercase()).collect();
    list.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    let (plain, cased): (Vec<&String>, Vec<&String>) = list
        .iter()
        .partition(|t| t.is_ascii() || t.to_uppercase() == **t);
    let join = |l: &[&String]| {
        l.iter()
            .map(|t| regex::escape(t))
            .collect::<Vec<_>>()
            .join("|")
    };
    match (plain.is_empty(), cased.is_empty()) {
        (false, false) => format!("({})|(?i:{})", join(&plain), join(&cased)),
        (false, true) => format!("({})", join(&plain)),
        (true, false) => format!("(?i:{})", join(&cased)),
        // Matches nothing, rather than the empty string.
        (true, true) => "[^\\s\\S]".to_string(),
    }
}

struct TldPatterns {
    generic: String,
    country: String,
}

static TLD_PATTERNS: LazyLock<TldPatterns> = LazyLock::new(|| {
    let tlds: Tlds = serde_json::from_str(TLDS_JSON).expect("embedded TLD list is valid JSON");
    TldPatterns {
        generic: tld_alternation(&tlds.generic),
        country: tld_alternation(&tlds.country),
    }
});

fn build(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .size_limit(64 << 20)
        .dfa_size_limit(16 << 20)
        .build()
        .unwrap_or_else(|e| panic!("built-in pattern does not compile: {e}"))
}

// ---------------------------------------------------------------------------
// URLs

/// twitter-text's `extractUrl`, which is case-insensitive; this one runs on
/// ASCII-lowercased text. A TLD must not be followed by `[0-9a-z@+-]`;
/// that look-ahead becomes the `peek` group, so the URL ends where `peek`
/// starts. The `rest` parts all start with `:`, `/` or `?`, which pass it.
/// `astral` and `dash` stand for a `before` that is a high surrogate and a
/// domain that starts with the low one (see [`scan_urls`]).
static URL_RE: LazyLock<Regex> = LazyLock::new(|| {
    let tld = &*TLD_PATTERNS;
    let d = format!("[^{PUNCT}{SPACES}{INVALID}{DIRECTIONAL}]");
    // A label: domain characters, with `_`/`-` only inside. Written so the
    // big Unicode class appears twice, not three times (it is most of the
    // pattern's compile time).
    let subdomain = format!(r"(?:{d}(?:[_\-]*{d})*\.)");
    let domain_name = format!(r"(?:{d}(?:\-*{d})*\.)");
    let g = format!(r"[a-z{CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\x{{2013}}_~@|&{LATIN_ACCENTS}]");
    let parens = format!(r"\((?:{g}+|(?:{g}*\({g}+\){g}*))\)");
    // twitter-text splices its `validUrlPathEndingChars`, an alternation of
    // a class and balanced parentheses, into `validUrlPath` without a group:
    // parentheses alone are a path part of their own, not an ending, so
    // "/a.(b)" ends at "/a" while "/a-(b)" and "/a.(b)c" go on.
    let path_end = format!(r"[+\-a-z{CYRILLIC}0-9=_#/{LATIN_ACCENTS}]");
    let path = format!(r"(?:{g}*(?:{parens}{g}*)*{path_end}|{parens}|@{g}+/)");
    let query = r"\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/]";
    let rest_any = format!(r"(?::[0-9]+)?(?P<path0>/{path}*)?(?:{query})?");
    let rest_some = format!(
        r"(?::[0-9]+(?P<path1>/{path}*)?(?:{query})?|(?P<path2>/{path}*)(?:{query})?|{query})"
    );
    build(&format!(
        r"(?:(?P<astral>[\x{{10000}}-\x{{10FFFF}}])(?P<dash>[_\-]+)|(?:(?P<before>[^a-z0-9@＠$#＃{INVALID}])|^)(?P<proto>https?://)?){subdomain}*{domain_name}(?:(?P<tld>{}|{})(?:{rest_some}|(?P<peek>[^0-9a-z@+\-]|$))|(?P<puny>xn--[\-0-9a-z]+){rest_any})",
        tld.generic, tld.country
    ))
});

/// twitter-text's `validAsciiDomain`, used to pull plain domains out of a
/// scheme-less match (on ASCII-lowercased text, like [`URL_RE`]).
static ASCII_DOMAIN_RE: LazyLock<Regex> = LazyLock::new(|| {
    let tld = &*TLD_PATTERNS;
    build(&format!(
        r"(?:[\-a-z0-9{LATIN_ACCENTS}]+\.)+(?:(?:{}|{})(?P<peek>[^0-9a-z@+\-]|$)|xn--[\-0-9a-z]+)",
        tld.generic, tld.country
    ))
});

/// twitter-text's `validTcoUrl`: a t.co link ends after its slug and query.
static TCO_RE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?i)^https?://t\.co/([a-z0-9]+)(?:\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/])?",
    )
});

const MAX_URL_LENGTH: usize = 4096;
const MAX_TCO_SLUG_LENGTH: usize = 40;
const MAX_DOMAIN_LABEL_LENGTH: usize = 63;

/// twitter-text's `extractUrlsWithIndices`; `without_scheme` is its
/// `extractUrlsWithoutProtocol` option (Mastodon turns it off).
fn scan_urls(text: &str, without_scheme: bool, push: &mut dyn FnMut(Span)) {
    // Every URL has a dot before its TLD, and every TLD starts with a
    // letter: text without one is skipped before the pattern, which takes
    // ~7 ms to compile, a third of a one-post run.
    let dot_letter = || {
        text.match_indices('.').any(|(i, _)| {
            text[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        })
    };
    if !(without_scheme || text.contains(':')) || !dot_letter() {
        return;
    }
    // Same byte offsets as `text`; the patterns are written in lowercase.
    let lower = if text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(text.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let lower = &*lower;
    let mut pos = 0;
    while pos < text.len() {
        let Some(caps) = URL_RE.captures_at(lower, pos) else {
            break;
        };
        let whole = caps.get(0).expect("group 0 always matches");
        let before = caps.name("before").or_else(|| caps.name("astral"));
        let url_start = before.map_or(whole.start(), |b| b.end());
        let url_end = caps.name("peek").map_or(whole.end(), |p| p.start());
        pos = url_end;

        let proto = caps.name("proto").map_or("", |p| p.as_str());
        let domain_end = caps
            .name("tld")
            .or_else(|| caps.name("puny"))
            .expect("a domain ends in a TLD or punycode")
            .end();
        if let Some(dash) = caps.name("dash") {
            // JavaScript matches UTF-16 units: an astral character's high
            // surrogate can be `before` and its low surrogate the first
            // character of the domain, so after one a domain seems to start
            // with `-` ("🥧-a.com"), or `_` if it is a subdomain's.
            let tld_start = caps
                .name("tld")
                .or_else(|| caps.name("puny"))
                .expect("a domain ends in a TLD or punycode")
                .start();
            let labels = lower[dash.end()..tld_start].matches('.').count();
            if dash.as_str().contains('_') && labels < 2 {
                pos = dash.start();
                continue;
            }
        }
        let domain_range = url_start + proto.len()..domain_end;
        let domain = &lower[domain_range.clone()];
        let url = &text[url_start..url_end];
        let scheme = if proto.is_empty() { "https://" } else { proto };
        if !valid_url_length(url, scheme, &text[domain_range], domain) {
            continue;
        }
        if proto.is_empty() {
            if !without_scheme
                || before.is_some_and(|b| matches!(b.as_str(), "-" | "_" | "." | "/"))
            {
                continue;
            }
            let has_path = ["path0", "path1", "path2"]
                .iter()
                .any(|name| caps.name(name).is_some());
            // Every ASCII-only domain inside the match is a URL; the last one
            // also takes the path and query, if any.
            let mut last: Option<Span> = None;
            let mut dpos = 0;
            while let Some(c) = ASCII_DOMAIN_RE.captures_at(domain, dpos) {
                let m = c.get(0).expect("group 0 always matches");
                let end = c.name("peek").map_or(m.end(), |p| p.start());
                let found = Span::new(url_start + m.start(), url_start + end);
                if let Some(prev) = last.replace(found) {
                    push(prev);
                }
                dpos = end;
            }
            let Some(mut span) = last else {
                continue;
            };
            if has_path {
                span.end = url_end;
            }
            push(span);
        } else {
            let mut end = url_end;
            if let Some(tco) = TCO_RE.captures(url) {
                if tco[1].len() > MAX_TCO_SLUG_LENGTH {
                    continue;
                }
                end = url_start + tco.get(0).expect("group 0 always matches").len();
            }
            push(Span::new(url_start, end));
        }
    }
}

/// twitter-text's `isValidUrl` (in `extractUrlsWithIndices`): every DNS label
/// 1..=63 characters once punycoded, and the URL plus scheme at most 4096
/// UTF-16 units.
///
/// `domain_lower` is `domain` ASCII-lowercased.
fn valid_url_length(url: &str, protocol: &str, domain: &str, domain_lower: &str) -> bool {
    if domain.starts_with("xn--") && !ASCII_DOMAIN_RE.is_match(domain_lower) {
        return false;
    }
    let labels_ok = domain
        .split('.')
        .all(|label| (1..=MAX_DOMAIN_LABEL_LENGTH).contains(&idna_label_len(label)));
    labels_ok && utf16_len(protocol) + utf16_len(url) <= MAX_URL_LENGTH
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Length of punycode.js `toASCII(label)`: ASCII parts as they are, others as
/// `xn--` plus their punycode. Like punycode.js it also splits at the
/// ideographic full stops. Stops counting once past the label limit.
fn idna_label_len(label: &str) -> usize {
    let mut total = 0;
    for (i, part) in label
        .split(['\u{3002}', '\u{FF0E}', '\u{FF61}'])
        .enumerate()
    {
        if i > 0 {
            total += 1;
        }
        total += if part.chars().all(|c| c <= '\x7E') {
            part.len()
        } else {
            4 + punycode_len(part, MAX_DOMAIN_LABEL_LENGTH + 1)
        };
    }
    total
}

/// Number of characters RFC 3492 punycode makes of `input`, capped at `cap`.
fn punycode_len(input: &str, cap: usize) -> usize {
    const BASE: u64 = 36;
    const T_MIN: u64 = 1;
    const T_MAX: u64 = 26;
    const SKEW: u64 = 38;
    const DAMP: u64 = 700;
    if input.chars().count() >= cap {
        return cap;
    }
    let basic = input.chars().filter(|&c| (c as u32) < 0x80).count();
    let total = input.chars().count();
    let mut out = basic + usize::from(basic > 0);
    let mut n: u64 = 0x80;
    let mut delta: u64 = 0;
    let mut bias: u64 = 72;
    let mut handled = basic;
    let adapt = |mut delta: u64, points: u64, first: bool| -> u64 {
        delta = if first { delta / DAMP } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    };
    while handled < total {
        let m = input
            .chars()
            .map(|c| c as u64)
            .filter(|&c| c >= n)
            .min()
            .expect("an unhandled code point is left");
        delta += (m - n) * (handled as u64 + 1);
        n = m;
        for c in input.chars().map(|c| c as u64) {
            if c < n {
                delta += 1;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out += 1;
                if out >= cap {
                    return cap;
                }
                bias = adapt(delta, handled as u64 + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    out
}

// ---------------------------------------------------------------------------
// Mentions, hashtags, cashtags

/// twitter-text's `validMentionOrList`.
static MENTION_RE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?:^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.\-])(?:rt|RT|rT|Rt):?)(?P<at>[@＠])[a-zA-Z0-9_]{1,20}(?P<list>/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?",
    )
});

/// twitter-text's `endMentionMatch`: what may not follow a mention.
static END_MENTION_RE: LazyLock<Regex> =
    LazyLock::new(|| build(&format!(r"^(?:[@＠]|[{LATIN_ACCENTS}]|://)")));

/// `@domain` after a mention: a fediverse handle's server part (Mastodon's
/// domain pattern, with at least one dot).
static FEDIVERSE_DOMAIN_RE: LazyLock<Regex> = LazyLock::new(|| {
    build(r"^@(?P<domain>[\p{L}\p{M}\p{Nd}\p{Pc}]+(?:[.\-]+[\p{L}\p{M}\p{Nd}\p{Pc}]+)*)")
});

fn x_mentions(text: &str, out: &mut Vec<Entity>) {
    if !text.contains(['@', '＠']) {
        return;
    }
    let mut pos = 0;
    while let Some(caps) = MENTION_RE.captures_at(text, pos) {
        let mut end = caps.get(0).expect("group 0 always matches").end();
        pos = end;
        let list = caps.name("list").is_some();
        if !list && let Some(domain) = fediverse_domain(&text[end..]) {
            end += 1 + domain.len();
            pos = end;
        }
        if !END_MENTION_RE.is_match(&text[end..]) {
            let start = caps.name("at").expect("at sign matched").start();
            out.push(entity(EntityKind::Mention, Span::new(start, end)));
        }
    }
}

/// The server of a fediverse handle starting at `after` (`@example.social`),
/// if it looks like one: dotted, at most 253 characters.
fn fediverse_domain(after: &str) -> Option<&str> {
    if !after.starts_with('@') {
        return None;
    }
    let domain = FEDIVERSE_DOMAIN_RE
        .captures(after)?
        .name("domain")?
        .as_str();
    let dotted = domain.contains('.');
    (dotted && domain.chars().count() <= MASTODON_MAX_DOMAIN_LENGTH).then_some(domain)
}

/// twitter-text's `validHashtag`. Its look-ahead refusing U+FE0F and U+20E3
/// right after `#` (a keycap, not a hashtag) is folded into the first
/// character class.
static HASHTAG_RE: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?:^|[\x{{FE0E}}\x{{FE0F}}]|[^&{HASHTAG_ALNUM}])(?P<hash>[#＃])(?:[{HASHTAG_ALPHA}--[\x{{FE0F}}\x{{20E3}}]][{HASHTAG_ALNUM}]*|[[{HASHTAG_ALNUM}]--[{HASHTAG_ALPHA}]][{HASHTAG_ALNUM}]*[{HASHTAG_ALPHA}][{HASHTAG_ALNUM}]*)"
    ))
});

fn x_hashtags(text: &str, out: &mut Vec<Entity>) {
    if !text.contains(['#', '＃']) {
        return;
    }
    let mut pos = 0;
    while let Some(caps) = HASHTAG_RE.captures_at(text, pos) {
        let end = caps.get(0).expect("group 0 always matches").end();
        pos = end;
        let after = &text[end..];
        // twitter-text's `endHashtagMatch`
        if after.starts_with(['#', '＃']) || after.starts_with("://") {
            continue;
        }
        let start = caps.name("hash").expect("hash sign matched").start();
        out.push(entity(EntityKind::Hashtag, Span::new(start, end)));
    }
}

/// twitter-text's `validCashtag`; its look-ahead is the `peek` group.
static CASHTAG_RE: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?i)(?:^|[{SPACES}])(?P<tag>\$[a-z]{{1,6}}(?:[._][a-z]{{1,2}})?)(?:$|[{JS_SPACE}]|[{PUNCT}])"
    ))
});

fn x_cashtags(text: &str, out: &mut Vec<Entity>) {
    if !text.contains('$') {
        return;
    }
    let mut pos = 0;
    while let Some(caps) = CASHTAG_RE.captures_at(text, pos) {
        let tag = caps.name("tag").expect("tag matched");
        pos = tag.end();
        out.push(entity(
            EntityKind::Cashtag,
            Span::new(tag.start(), tag.end()),
        ));
    }
}

/// Mastodon's `Account::MENTION_RE` without its look-behind, which
/// [`mastodon_mentions`] checks by hand.
static MASTODON_MENTION_RE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"@(?i:[a-z0-9_]+(?:[.\-]+[a-z0-9_]+)*)(?:@(?P<domain>[\p{L}\p{M}\p{Nd}\p{Pc}]+(?:[.\-]+[\p{L}\p{M}\p{Nd}\p{Pc}]+)*))?",
    )
});

/// Mastodon's `Extractor::MAX_DOMAIN_LENGTH`.
const MASTODON_MAX_DOMAIN_LENGTH: usize = 253;

fn mastodon_mentions(text: &str, out: &mut Vec<Entity>) {
    if !text.contains('@') {
        return;
    }
    let mut pos = 0;
    while let Some(caps) = MASTODON_MENTION_RE.captures_at(text, pos) {
        let m = caps.get(0).expect("group 0 always matches");
        // (?<![=/[:word:]])
        let refused_before = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c == '=' || c == '/' || is_word(c));
        if refused_before {
            pos = m.start() + 1;
            continue;
        }
        pos = m.end();
        if END_MENTION_RE.is_match(&text[m.end()..]) {
            continue;
        }
        if caps
            .name("domain")
            .is_some_and(|d| d.as_str().chars().count() > MASTODON_MAX_DOMAIN_LENGTH)
        {
            continue;
        }
        out.push(entity(EntityKind::Mention, Span::new(m.start(), m.end())));
    }
}

/// Ruby's `[[:word:]]`: letters, marks, decimal digits, connector punctuation.
fn is_word(c: char) -> bool {
    static WORD: LazyLock<Regex> = LazyLock::new(|| build(r"^[\p{L}\p{M}\p{Nd}\p{Pc}]$"));
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let mut buf = [0; 4];
    WORD.is_match(c.encode_utf8(&mut buf))
}

// ---------------------------------------------------------------------------
// Emoji

/// Characters that start (or, for U+20E3, end) an emoji: pictographs, skin
/// tones, regional indicators, the keycap mark.
static EMOJI_HIT: LazyLock<Regex> = LazyLock::new(|| {
    build(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\x{20E3}]")
});

/// The extended grapheme cluster holding byte `at`, found by segmenting
/// forward from a boundary between `from` (itself a boundary) and `at`.
/// Looking backward from `at` instead can cost the whole run before it (a
/// long row of flags), which made the caller quadratic.
fn grapheme_around(text: &str, from: usize, at: usize) -> (usize, usize) {
    // Between two ASCII characters there is always a boundary, except CR LF.
    let bytes = text.as_bytes();
    let start = (from + 1..at)
        .rev()
        .find(|&i| bytes[i - 1].is_ascii() && bytes[i].is_ascii() && &bytes[i - 1..=i] != b"\r\n")
        .unwrap_or(from);
    text[start..]
        .grapheme_indices(true)
        .map(|(i, g)| (start + i, start + i + g.len()))
        .find(|&(_, end)| end > at)
        .unwrap_or((at, text.len()))
}

/// `starts_with_hit`: the cluster's first character is one [`EMOJI_HIT`]
/// matches; otherwise the hit is inside it (a keycap's U+20E3, a skin tone
/// after a letter).
fn is_emoji_cluster(cluster: &str, starts_with_hit: bool) -> bool {
    let mut chars = cluster.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let second = chars.next();
    if !starts_with_hit {
        // Keycap: [#*0-9] U+FE0F? U+20E3. A plain digit or `#` never gets here.
        let mut rest = cluster[first.len_utf8()..].chars();
        let mut next = rest.next();
        if next == Some('\u{FE0F}') {
            next = rest.next();
        }
        return matches!(first, '0'..='9' | '#' | '*') && next == Some('\u{20E3}');
    }
    match first {
        '\u{20E3}' => false,
        // A regional indicator (paired as a flag or alone) or a skin tone swatch.
        '\u{1F1E6}'..='\u{1F1FF}' | '\u{1F3FB}'..='\u{1F3FF}' => true,
        _ if second == Some('\u{FE0E}') => false,
        '\u{A9}' | '\u{AE}' | '\u{2122}' => second == Some('\u{FE0F}'),
        _ => true,
    }
}

// ---------------------------------------------------------------------------
// Emoji as X counts them

/// The parts of X's emoji sequences: one emoji each, or joined by ZWJ.
/// Leftmost-first, so the longer alternatives come first. A flag pair or a
/// tag sequence that is not RGI is cut short afterwards ([`part_len`]).
const X_PART: &str = concat!(
    r"[\x{1F1E6}-\x{1F1FF}]{1,2}",
    r"|[#*0-9]\x{FE0F}?\x{20E3}",
    r"|\x{1F3F4}(?:[\x{E0020}-\x{E007E}]+\x{E007F})?",
    r"|[\x{A9}\x{AE}\x{2122}]\x{FE0F}",
    // Text-style by default: U+FE0F asks for the emoji and belongs to it.
    r"|[\p{Emoji_Modifier_Base}--\p{Emoji_Presentation}]\x{FE0F}?[\x{1F3FB}-\x{1F3FF}]?",
    r"|[\p{Emoji_Modifier_Base}&&\p{Emoji_Presentation}][\x{1F3FB}-\x{1F3FF}]?",
    r"|[\p{Emoji}--\p{Emoji_Presentation}--[#*0-9\x{A9}\x{AE}\x{2122}]]\x{FE0F}?",
    // Emoji style by default, yet with a U+FE0F form in Twemoji's list (those
    // with a variation sequence since Unicode 6.1).
    r"|[\x{231A}\x{231B}\x{25FD}\x{25FE}\x{2614}\x{2615}\x{2648}-\x{2653}\x{267F}\x{2693}\x{26A1}",
    r"\x{26AA}\x{26AB}\x{26BD}\x{26BE}\x{26C4}\x{26C5}\x{26D4}\x{26EA}\x{26F2}\x{26F3}\x{26F5}\x{26FA}",
    r"\x{26FD}\x{2757}\x{2B1B}\x{2B1C}\x{2B50}\x{2B55}\x{1F004}\x{1F21A}\x{1F22F}]\x{FE0F}?",
    // Other emoji-style ones (a lone skin tone too): a U+FE0F after them is
    // not part of them.
    r"|\p{Emoji_Presentation}",
    // Pictographs newer than our Unicode tables (in newer RGI sequences).
    r"|[\p{Extended_Pictographic}&&\p{Cn}]",
);

static X_PART_RE: LazyLock<Regex> = LazyLock::new(|| build(X_PART));
static X_PART_AT_RE: LazyLock<Regex> = LazyLock::new(|| build(&format!("^(?:{X_PART})")));

/// Each emoji as X weighs it (2, however many code points): the emoji
/// twitter-text's pattern (Twemoji's list) finds, with current Unicode data
/// for what counts as one emoji. Sorted, never overlapping, and finer than
/// [`emoji`]: a sequence that is not RGI is several emoji, and what does not
/// belong to an emoji (a stray U+FE0F or ZWJ, a skin tone after a face that
/// takes none, a combining mark) is left out, to be weighed as text.
///
/// - An emoji is an RGI emoji: a pictograph (with U+FE0F if it is text-style
///   by default; `©`, `®` and `™` only with it), a pictograph that takes a
///   skin tone with one, a keycap, an RGI flag or subdivision flag.
/// - Emoji joined by ZWJ are one emoji where the joined sequence is RGI
///   ([`RGI_ZWJ`]); otherwise the longest RGI run from the left is one, and
///   so on (`👨‍👩‍👧‍👦‍👦` is the family, a ZWJ and a boy).
/// - A regional indicator pair that is no flag is two lone indicators, each an
///   emoji, paired again from the second (`🇿🇫🇷`: `🇿` and `🇫🇷`).
pub(crate) fn x_emoji(text: &str) -> Vec<Span> {
    // Every emoji has a non-ASCII character (a keycap its U+20E3).
    if text.is_ascii() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(m) = X_PART_RE.find_at(text, pos) {
        let start = m.start();
        // The parts joined by ZWJ from here, as many as an RGI sequence has.
        let mut parts = [Span::default(); MAX_ZWJ_PARTS];
        parts[0] = Span::new(start, start + part_len(m.as_str()));
        let mut n = 1;
        while n < MAX_ZWJ_PARTS {
            let end = parts[n - 1].end;
            let Some(rest) = text[end..].strip_prefix('\u{200D}') else {
                break;
            };
            let Some(next) = X_PART_AT_RE.find(rest) else {
                break;
            };
            let at = text.len() - rest.len();
            parts[n] = Span::new(at, at + part_len(next.as_str()));
            n += 1;
        }
        // The longest RGI sequence from here, which may end inside its last
        // part (`👨‍👩‍👧🏽` is the family and a skin tone), as twitter-text's
        // pattern matches character by character.
        let end = parts[1..n]
            .iter()
            .rev()
            .find_map(|p| {
                text[p.start..p.end]
                    .char_indices()
                    .rev()
                    .map(|(i, c)| p.start + i + c.len_utf8())
                    .find(|&e| is_rgi_zwj(&text[start..e]))
            })
            .unwrap_or(parts[0].end);
        out.push(Span::new(start, end));
        pos = end;
    }
    out
}

/// Most parts in an RGI ZWJ sequence (a family of four); checked against
/// [`RGI_ZWJ`] by a test.
const MAX_ZWJ_PARTS: usize = 4;

/// Length of the emoji at the start of `part`, an [`X_PART`] match: a flag
/// pair or tag sequence that is not RGI is only its first character.
fn part_len(part: &str) -> usize {
    let mut chars = part.chars();
    match chars.next() {
        Some(ri @ '\u{1F1E6}'..='\u{1F1FF}') => match chars.next() {
            Some(second) if !is_rgi_flag(ri, second) => ri.len_utf8(),
            _ => part.len(),
        },
        Some(flag @ '\u{1F3F4}') if part.len() > flag.len_utf8() => {
            let letters: String = chars
                .take_while(|&c| c != '\u{E007F}')
                .filter_map(|c| char::from_u32(c as u32 - 0xE0000))
                .collect();
            if RGI_TAG_FLAGS.contains(&letters.as_str()) {
                part.len()
            } else {
                flag.len_utf8()
            }
        }
        _ => part.len(),
    }
}

fn is_rgi_flag(a: char, b: char) -> bool {
    let letter = |c: char| (b'A' + (c as u32 - 0x1F1E6) as u8) as char;
    let pair = [letter(a), letter(b)];
    RGI_FLAGS
        .as_bytes()
        .chunks(2)
        .any(|p| p[0] as char == pair[0] && p[1] as char == pair[1])
}

/// Which skin-tone forms of an [`RGI_ZWJ`] key are RGI, as bits.
type ZwjForms = u8;
/// Without skin tones.
const U: ZwjForms = 1;
/// A skin tone on the first part only; in a key with `M`, the same tone on
/// its first and last parts.
const S: ZwjForms = 2;
/// Different skin tones on the first and last parts.
const M: ZwjForms = 4;

/// Whether `seq` (parts joined by ZWJ) is an RGI ZWJ sequence.
fn is_rgi_zwj(seq: &str) -> bool {
    let mut key = String::with_capacity(seq.len());
    let mut tones: Vec<(usize, char)> = Vec::new();
    let mut last = 0;
    for (i, part) in seq.split('\u{200D}').enumerate() {
        if i > 0 {
            key.push('\u{200D}');
        }
        last = i;
        for c in part.chars() {
            if ('\u{1F3FB}'..='\u{1F3FF}').contains(&c) {
                tones.push((i, c));
            } else {
                key.push(c);
            }
        }
    }
    let Ok(k) = RGI_ZWJ.binary_search_by(|&(k, _)| k.cmp(key.as_str())) else {
        return false;
    };
    let forms = RGI_ZWJ[k].1;
    match tones[..] {
        [] => forms & U != 0,
        [(0, _)] => forms & S != 0 && forms & M == 0,
        [(0, a), (j, b)] if j == last && forms & M != 0 => forms & if a == b { S } else { M } != 0,
        _ => false,
    }
}

// BEGIN GENERATED by scripts/differential/emoji-data.mjs from Node 20.20.2's ICU 78.2 (Unicode 17.0): 1614 RGI ZWJ sequences (and 1 of Twemoji's), 259 flags, 3 tag sequences.

/// Regions with an RGI flag, as pairs of regional indicator letters.
const RGI_FLAGS: &str = "ACADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCPCQCRCUCVCWCXCYCZDEDGDJDKDMDODZEAECEEEGEHERESETEUFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUICIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTATCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUNUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

/// Subdivisions with an RGI flag (the letters of the tag characters).
const RGI_TAG_FLAGS: &[&str] = &["gbeng", "gbsct", "gbwls"];

/// RGI ZWJ sequences (and Twemoji's unqualified eye in speech bubble)
/// without their skin tones, and which toned forms are RGI (see
/// [`ZwjForms`]), in `str` order.
const RGI_ZWJ: &[(&str, ZwjForms)] = &[
    ("⛓\u{FE0F}\u{200D}💥", U),
    ("⛹\u{200D}♀\u{FE0F}", S),
    ("⛹\u{200D}♂\u{FE0F}", S),
    ("⛹\u{FE0F}\u{200D}♀\u{FE0F}", U),
    ("⛹\u{FE0F}\u{200D}♂\u{FE0F}", U),
    ("❤\u{FE0F}\u{200D}🔥", U),
    ("❤\u{FE0F}\u{200D}🩹", U),
    ("🍄\u{200D}🟫", U),
    ("🍋\u{200D}🟩", U),
    ("🏃\u{200D}♀\u{FE0F}", U | S),
    ("🏃\u{200D}♀\u{FE0F}\u{200D}➡\u{FE0F}", U | S),
    ("🏃\u{200D}♂\u{FE0F}", U | S),
    ("🏃\u{200D}♂\u{FE0F}\u{200D}➡\u{FE0F}", U | S),
    ("🏃\u{200D}➡\u{FE0F}", U | S),
    ("🏄\u{200D}♀\u{FE0F}", U | S),
    ("🏄\u{200D}♂\u{FE0F}", U | S),
    ("🏊\u{200D}♀\u{FE0F}", U | S),
    ("🏊\u{200D}♂\u{FE0F}", U | S),
    ("🏋\u{200D}♀\u{FE0F}", S),
    ("🏋\u{200D}♂\u{FE0F}", S),
    ("🏋\u{FE0F}\u{200D}♀\u{FE0F}", U),
    ("🏋\u{FE0F}\u{200D}♂\u{FE0F}", U),
    ("🏌\u{200D}♀\u{FE0F}", S),
    ("🏌\u{200D}♂\u{FE0F}", S),
    ("🏌\u{FE0F}\u{200D}♀\u{FE0F}", U),
    ("🏌\u{FE0F}\u{200D}♂\u{FE0F}", U),
    ("🏳\u{FE0F}\u{200D}⚧\u{FE0F}", U),
    ("🏳\u{FE0F}\u{200D}🌈", U),
    ("🏴\u{200D}☠\u{FE0F}", U),
    ("🐈\u{200D}⬛", U),
    ("🐕\u{200D}🦺", U),
    ("🐦\u{200D}⬛", U),
    ("🐦\u{200D}🔥", U),
    ("🐻\u{200D}❄\u{FE0F}", U),
    ("👁\u{200D}🗨", U),
    ("👁\u{FE0F}\u{200D}🗨\u{FE0F}", U),
    ("👨\u{200D}⚕\u{FE0F}", U | S),
    ("👨\u{200D}⚖\u{FE0F}", U | S),
    ("👨\u{200D}✈\u{FE0F}", U | S),
    ("👨\u{200D}❤\u{FE0F}\u{200D}👨", U | S | M),
    ("👨\u{200D}❤\u{FE0F}\u{200D}💋\u{200D}👨", U | S | M),
    ("👨\u{200D}🌾", U | S),
    ("👨\u{200D}🍳", U | S),
    ("👨\u{200D}🍼", U | S),
    ("👨\u{200D}🎓", U | S),
    ("👨\u{200D}🎤", U | S),
    ("👨\u{200D}🎨", U | S),
    ("👨\u{200D}🏫", U | S),
    ("👨\u{200D}🏭", U | S),
    ("👨\u{200D}🐰\u{200D}👨", M),
    ("👨\u{200D}👦", U),
    ("👨\u{200D}👦\u{200D}👦", U),
    ("👨\u{200D}👧", U),
    ("👨\u{200D}👧\u{200D}👦", U),
    ("👨\u{200D}👧\u{200D}👧", U),
    ("👨\u{200D}👨\u{200D}👦", U),
    ("👨\u{200D}👨\u{200D}👦\u{200D}👦", U),
    ("👨\u{200D}👨\u{200D}👧", U),
    ("👨\u{200D}👨\u{200D}👧\u{200D}👦", U),
    ("👨\u{200D}👨\u{200D}👧\u{200D}👧", U),
    ("👨\u{200D}👩\u{200D}👦", U),
    ("👨\u{200D}👩\u{200D}👦\u{200D}👦", U),
    ("👨\u{200D}👩\u{200D}👧", U),
    ("👨\u{200D}👩\u{200D}👧\u{200D}👦", U),
    ("👨\u{200D}👩\u{200D}👧\u{200D}👧", U),
    ("👨\u{200D}💻", U | S),
    ("👨\u{200D}💼", U | S),
    ("👨\u{200D}🔧", U | S),
    ("👨\u{200D}🔬", U | S),
    ("👨\u{200D}🚀", U | S),
    ("👨\u{200D}🚒", U | S),
    ("👨\u{200D}🤝\u{200D}👨", M),
    ("👨\u{200D}🦯", U | S),
    ("👨\u{200D}🦯\u{200D}➡\u{FE0F}", U | S),
    ("👨\u{200D}🦰", U | S),
    ("👨\u{200D}🦱", U | S),
    ("👨\u{200D}🦲", U | S),
    ("👨\u{200D}🦳", U | S),
    ("👨\u{200D}🦼", U | S),
    ("👨\u{200D}🦼\u{200D}➡\u{FE0F}", U | S),
    ("👨\u{200D}🦽", U | S),
    ("👨\u{200D}🦽\u{200D}➡\u{FE0F}", U | S),
    ("👨\u{200D}🫯\u{200D}👨", M),
    ("👩\u{200D}⚕\u{FE0F}", U | S),
    ("👩\u{200D}⚖\u{FE0F}", U | S),
    ("👩\u{200D}✈\u{FE0F}", U | S),
    ("👩\u{200D}❤\u{FE0F}\u{200D}👨", U | S | M),
    ("👩\u{200D}❤\u{FE0F}\u{200D}👩", U | S | M),
    ("👩\u{200D}❤\u{FE0F}\u{200D}💋\u{200D}👨", U | S | M),
    ("👩\u{200D}❤\u{FE0F}\u{200D}💋\u{200D}👩", U | S | M),
    ("👩\u{200D}🌾", U | S),
    ("👩\u{200D}🍳", U | S),
    ("👩\u{200D}🍼", U | S),
    ("👩\u{200D}🎓", U | S),
    ("👩\u{200D}🎤", U | S),
    ("👩\u{200D}🎨", U | S),
    ("👩\u{200D}🏫", U | S),
    ("👩\u{200D}🏭", U | S),
    ("👩\u{200D}🐰\u{200D}👩", M),
    ("👩\u{200D}👦", U),
    ("👩\u{200D}👦\u{200D}👦", U),
    ("👩\u{200D}👧", U),
    ("👩\u{200D}👧\u{200D}👦", U),
    ("👩\u{200D}👧\u{200D}👧", U),
    ("👩\u{200D}👩\u{200D}👦", U),
    ("👩\u{200D}👩\u{200D}👦\u{200D}👦", U),
    ("👩\u{200D}👩\u{200D}👧", U),
    ("👩\u{200D}👩\u{200D}👧\u{200D}👦", U),
    ("👩\u{200D}👩\u{200D}👧\u{200D}👧", U),
    ("👩\u{200D}💻", U | S),
    ("👩\u{200D}💼", U | S),
    ("👩\u{200D}🔧", U | S),
    ("👩\u{200D}🔬", U | S),
    ("👩\u{200D}🚀", U | S),
    ("👩\u{200D}🚒", U | S),
    ("👩\u{200D}🤝\u{200D}👨", M),
    ("👩\u{200D}🤝\u{200D}👩", M),
    ("👩\u{200D}🦯", U | S),
    ("👩\u{200D}🦯\u{200D}➡\u{FE0F}", U | S),
    ("👩\u{200D}🦰", U | S),
    ("👩\u{200D}🦱", U | S),
    ("👩\u{200D}🦲", U | S),
    ("👩\u{200D}🦳", U | S),
    ("👩\u{200D}🦼", U | S),
    ("👩\u{200D}🦼\u{200D}➡\u{FE0F}", U | S),
    ("👩\u{200D}🦽", U | S),
    ("👩\u{200D}🦽\u{200D}➡\u{FE0F}", U | S),
    ("👩\u{200D}🫯\u{200D}👩", M),
    ("👮\u{200D}♀\u{FE0F}", U | S),
    ("👮\u{200D}♂\u{FE0F}", U | S),
    ("👯\u{200D}♀\u{FE0F}", U | S),
    ("👯\u{200D}♂\u{FE0F}", U | S),
    ("👰\u{200D}♀\u{FE0F}", U | S),
    ("👰\u{200D}♂\u{FE0F}", U | S),
    ("👱\u{200D}♀\u{FE0F}", U | S),
    ("👱\u{200D}♂\u{FE0F}", U | S),
    ("👳\u{200D}♀\u{FE0F}", U | S),
    ("👳\u{200D}♂\u{FE0F}", U | S),
    ("👷\u{200D}♀\u{FE0F}", U | S),
    ("👷\u{200D}♂\u{FE0F}", U | S),
    ("💁\u{200D}♀\u{FE0F}", U | S),
    ("💁\u{200D}♂\u{FE0F}", U | S),
    ("💂\u{200D}♀\u{FE0F}", U | S),
    ("💂\u{200D}♂\u{FE0F}", U | S),
    ("💆\u{200D}♀\u{FE0F}", U | S),
    ("💆\u{200D}♂\u{FE0F}", U | S),
    ("💇\u{200D}♀\u{FE0F}", U | S),
    ("💇\u{200D}♂\u{FE0F}", U | S),
    ("🕵\u{200D}♀\u{FE0F}", S),
    ("🕵\u{200D}♂\u{FE0F}", S),
    ("🕵\u{FE0F}\u{200D}♀\u{FE0F}", U),
    ("🕵\u{FE0F}\u{200D}♂\u{FE0F}", U),
    ("😮\u{200D}💨", U),
    ("😵\u{200D}💫", U),
    ("😶\u{200D}🌫\u{FE0F}", U),
    ("🙂\u{200D}↔\u{FE0F}", U),
    ("🙂\u{200D}↕\u{FE0F}", U),
    ("🙅\u{200D}♀\u{FE0F}", U | S),
    ("🙅\u{200D}♂\u{FE0F}", U | S),
    ("🙆\u{200D}♀\u{FE0F}", U | S),
    ("🙆\u{200D}♂\u{FE0F}", U | S),
    ("🙇\u{200D}♀\u{FE0F}", U | S),
    ("🙇\u{200D}♂\u{FE0F}", U | S),
    ("🙋\u{200D}♀\u{FE0F}", U | S),
    ("🙋\u{200D}♂\u{FE0F}", U | S),
    ("🙍\u{200D}♀\u{FE0F}", U | S),
    ("🙍\u{200D}♂\u{FE0F}", U | S),
    ("🙎\u{200D}♀\u{FE0F}", U | S),
    ("🙎\u{200D}♂\u{FE0F}", U | S),
    ("🚣\u{200D}♀\u{FE0F}", U | S),
    ("🚣\u{200D}♂\u{FE0F}", U | S),
    ("🚴\u{200D}♀\u{FE0F}", U | S),
    ("🚴\u{200D}♂\u{FE0F}", U | S),
    ("🚵\u{200D}♀\u{FE0F}", U | S),
    ("🚵\u{200D}♂\u{FE0F}", U | S),
    ("🚶\u{200D}♀\u{FE0F}", U | S),
    ("🚶\u{200D}♀\u{FE0F}\u{200D}➡\u{FE0F}", U | S),
    ("🚶\u{200D}♂\u{FE0F}", U | S),
    ("🚶\u{200D}♂\u{FE0F}\u{200D}➡\u{FE0F}", U | S),
    ("🚶\u{200D}➡\u{FE0F}", U | S),
    ("🤦\u{200D}♀\u{FE0F}", U | S),
    ("🤦\u{200D}♂\u{FE0F}", U | S),
    ("🤵\u{200D}♀\u{FE0F}", U | S),
    ("🤵\u{200D}♂\u{FE0F}", U | S),
    ("🤷\u{200D}♀\u{FE0F}", U | S),
    ("🤷\u{200D}♂\u{FE0F}", U | S),
    ("🤸\u{200D}♀\u{FE0F}", U | S),
    ("🤸\u{200D}♂\u{FE0F}", U | S),
    ("🤹\u{200D}♀\u{FE0F}", U | S),
    ("🤹\u{200D}♂\u{FE0F}", U | S),
    ("🤼\u{200D}♀\u{FE0F}", U | S),
    ("🤼\u{200D}♂\u{FE0F}", U | S),
    ("🤽\u{200D}♀\u{FE0F}", U | S),
    ("🤽\u{200D}♂\u{FE0F}", U | S),
    ("🤾\u{200D}♀\u{FE0F}", U | S),
    ("🤾\u{200D}♂\u{FE0F}", U | S),
    ("🦸\u{200D}♀\u{FE0F}", U | S),
    ("🦸\u{200D}♂\u{FE0F}", U | S),
    ("🦹\u{200D}♀\u{FE0F}", U | S),
    ("🦹\u{200D}♂\u{FE0F}", U | S),
    ("🧍\u{200D}♀\u{FE0F}", U | S),
    ("🧍\u{200D}♂\u{FE0F}", U | S),
    ("🧎\u{200D}♀\u{FE0F}", U | S),
    ("🧎\u{200D}♀\u{FE0F}\u{200D}➡\u{FE0F}", U | S),
    ("🧎\u{200D}♂\u{FE0F}", U | S),
    ("🧎\u{200D}♂\u{FE0F}\u{200D}➡\u{FE0F}", U | S),
    ("🧎\u{200D}➡\u{FE0F}", U | S),
    ("🧏\u{200D}♀\u{FE0F}", U | S),
    ("🧏\u{200D}♂\u{FE0F}", U | S),
    ("🧑\u{200D}⚕\u{FE0F}", U | S),
    ("🧑\u{200D}⚖\u{FE0F}", U | S),
    ("🧑\u{200D}✈\u{FE0F}", U | S),
    ("🧑\u{200D}❤\u{FE0F}\u{200D}💋\u{200D}🧑", M),
    ("🧑\u{200D}❤\u{FE0F}\u{200D}🧑", M),
    ("🧑\u{200D}🌾", U | S),
    ("🧑\u{200D}🍳", U | S),
    ("🧑\u{200D}🍼", U | S),
    ("🧑\u{200D}🎄", U | S),
    ("🧑\u{200D}🎓", U | S),
    ("🧑\u{200D}🎤", U | S),
    ("🧑\u{200D}🎨", U | S),
    ("🧑\u{200D}🏫", U | S),
    ("🧑\u{200D}🏭", U | S),
    ("🧑\u{200D}🐰\u{200D}🧑", M),
    ("🧑\u{200D}💻", U | S),
    ("🧑\u{200D}💼", U | S),
    ("🧑\u{200D}🔧", U | S),
    ("🧑\u{200D}🔬", U | S),
    ("🧑\u{200D}🚀", U | S),
    ("🧑\u{200D}🚒", U | S),
    ("🧑\u{200D}🤝\u{200D}🧑", U | S | M),
    ("🧑\u{200D}🦯", U | S),
    ("🧑\u{200D}🦯\u{200D}➡\u{FE0F}", U | S),
    ("🧑\u{200D}🦰", U | S),
    ("🧑\u{200D}🦱", U | S),
    ("🧑\u{200D}🦲", U | S),
    ("🧑\u{200D}🦳", U | S),
    ("🧑\u{200D}🦼", U | S),
    ("🧑\u{200D}🦼\u{200D}➡\u{FE0F}", U | S),
    ("🧑\u{200D}🦽", U | S),
    ("🧑\u{200D}🦽\u{200D}➡\u{FE0F}", U | S),
    ("🧑\u{200D}🧑\u{200D}🧒", U),
    ("🧑\u{200D}🧑\u{200D}🧒\u{200D}🧒", U),
    ("🧑\u{200D}🧒", U),
    ("🧑\u{200D}🧒\u{200D}🧒", U),
    ("🧑\u{200D}🩰", U | S),
    ("🧑\u{200D}🫯\u{200D}🧑", M),
    ("🧔\u{200D}♀\u{FE0F}", U | S),
    ("🧔\u{200D}♂\u{FE0F}", U | S),
    ("🧖\u{200D}♀\u{FE0F}", U | S),
    ("🧖\u{200D}♂\u{FE0F}", U | S),
    ("🧗\u{200D}♀\u{FE0F}", U | S),
    ("🧗\u{200D}♂\u{FE0F}", U | S),
    ("🧘\u{200D}♀\u{FE0F}", U | S),
    ("🧘\u{200D}♂\u{FE0F}", U | S),
    ("🧙\u{200D}♀\u{FE0F}", U | S),
    ("🧙\u{200D}♂\u{FE0F}", U | S),
    ("🧚\u{200D}♀\u{FE0F}", U | S),
    ("🧚\u{200D}♂\u{FE0F}", U | S),
    ("🧛\u{200D}♀\u{FE0F}", U | S),
    ("🧛\u{200D}♂\u{FE0F}", U | S),
    ("🧜\u{200D}♀\u{FE0F}", U | S),
    ("🧜\u{200D}♂\u{FE0F}", U | S),
    ("🧝\u{200D}♀\u{FE0F}", U | S),
    ("🧝\u{200D}♂\u{FE0F}", U | S),
    ("🧞\u{200D}♀\u{FE0F}", U),
    ("🧞\u{200D}♂\u{FE0F}", U),
    ("🧟\u{200D}♀\u{FE0F}", U),
    ("🧟\u{200D}♂\u{FE0F}", U),
    ("🫱\u{200D}🫲", M),
];
// END GENERATED

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, kind: EntityKind) -> Vec<&str> {
        extract(text)
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.span.text(text))
            .collect()
    }

    fn emoji_texts(text: &str) -> Vec<&str> {
        emoji(text).into_iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn emoji_sequences_are_single_clusters() {
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
        let text = format!(
            "a{family}b 👍🏽 🇫🇷 1\u{FE0F}\u{20E3} #\u{20E3} ❤\u{FE0F} 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
        );
        assert_eq!(
            emoji_texts(&text),
            [
                family,
                "👍🏽",
                "🇫🇷",
                "1\u{FE0F}\u{20E3}",
                "#\u{20E3}",
                "❤\u{FE0F}",
                "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"
            ]
        );
    }

    #[test]
    fn digits_hash_and_text_symbols_are_not_emoji() {
        assert!(emoji("1 # * 42 #tag").is_empty());
        assert!(emoji("© 2024 ACME® Widget™").is_empty());
        assert!(emoji("\u{263A}\u{FE0E}").is_empty());
        assert_eq!(emoji_texts("©\u{FE0F} \u{263A}"), ["©\u{FE0F}", "\u{263A}"]);
    }

    #[test]
    fn rgi_tables_are_sorted_and_bounded() {
        assert!(RGI_ZWJ.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            RGI_ZWJ
                .iter()
                .all(|(k, _)| k.split('\u{200D}').count() <= MAX_ZWJ_PARTS)
        );
        assert!(RGI_FLAGS.len().is_multiple_of(2));
        assert!(RGI_FLAGS.bytes().all(|b| b.is_ascii_uppercase()));
    }

    #[test]
    fn x_emoji_are_rgi_emoji_and_split_the_rest() {
        fn spans(text: &str) -> Vec<&str> {
            x_emoji(text).into_iter().map(|s| s.text(text)).collect()
        }
        let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
        assert_eq!(spans(&format!("{family}\u{200D}👦")), [family, "👦"]);
        assert_eq!(spans("😀\u{200D}👍"), ["😀", "👍"]);
        assert_eq!(spans("🇿🇫🇷"), ["🇿", "🇫🇷"]);
        assert_eq!(spans("👍\u{FE0F}x"), ["👍"]);
        assert_eq!(spans("❤\u{FE0F} ❤"), ["❤\u{FE0F}", "❤"]);
        assert_eq!(spans("© ©\u{FE0F}"), ["©\u{FE0F}"]);
        assert_eq!(spans("1\u{FE0F}\u{20E3} 1 # * 42"), ["1\u{FE0F}\u{20E3}"]);
        // Holding hands: mixed tones are one emoji; one tone is 👫🏻 instead.
        let mixed = "👩\u{1F3FB}\u{200D}🤝\u{200D}👨\u{1F3FC}";
        assert_eq!(spans(mixed), [mixed]);
        let same = "👩\u{1F3FB}\u{200D}🤝\u{200D}👨\u{1F3FB}";
        assert_eq!(spans(same), ["👩\u{1F3FB}", "🤝", "👨\u{1F3FB}"]);
        // A role with a skin tone; the tone must be on the person.
        let astronaut = "🧑\u{1F3FD}\u{200D}🚀";
        assert_eq!(spans(astronaut), [astronaut]);
        assert_eq!(
            spans("👨\u{200D}🦰\u{1F3FD}"),
            ["👨\u{200D}🦰", "\u{1F3FD}"]
        );
        assert!(x_emoji("plain text, 2024").is_empty());
    }

    #[test]
    fn skin_tone_after_a_letter_is_not_an_emoji() {
        assert!(emoji("a\u{1F3FD}").is_empty());
        assert_eq!(emoji_texts("\u{1F3FD}"), ["\u{1F3FD}"]);
    }

    #[test]
    fn emoji_spans_are_byte_ranges() {
        let text = "é😀x";
        assert_eq!(emoji(text), [Span::new(2, 6)]);
    }

    #[test]
    fn url_beats_hashtag_inside_it() {
        let text = "see https://example.com/#anchor and #tag";
        let all = extract(text);
        let got: Vec<_> = all.iter().map(|e| (e.kind, e.span.text(text))).collect();
        assert_eq!(
            got,
            [
                (EntityKind::Url, "https://example.com/#anchor"),
                (EntityKind::Hashtag, "#tag")
            ]
        );
    }

    #[test]
    fn urls_without_scheme_need_a_known_tld() {
        assert_eq!(
            texts("go to example.com/path now", EntityKind::Url),
            ["example.com/path"]
        );
        assert!(texts("file.txt and foo.notatld", EntityKind::Url).is_empty());
        assert_eq!(
            texts("(https://example.com).", EntityKind::Url),
            ["https://example.com"]
        );
    }

    #[test]
    fn list_mention_is_one_mention() {
        assert_eq!(
            texts("hi @user/my-list!", EntityKind::Mention),
            ["@user/my-list"]
        );
    }

    #[test]
    fn fediverse_handle_is_one_mention() {
        let text = "ping @alice@example.social and @bob";
        assert_eq!(
            texts(text, EntityKind::Mention),
            ["@alice@example.social", "@bob"]
        );
        // Not a handle: no dot in the server part, or an e-mail address.
        assert!(texts("@user@user mail bob@example.com", EntityKind::Mention).is_empty());
        let mastodon: Vec<_> = extract_mastodon(text)
            .into_iter()
            .map(|e| (e.kind, e.span.text(text)))
            .collect();
        assert_eq!(
            mastodon,
            [
                (EntityKind::Mention, "@alice@example.social"),
                (EntityKind::Mention, "@bob")
            ]
        );
    }

    #[test]
    fn mastodon_needs_a_scheme_and_refuses_mentions_after_word_chars() {
        let text = "example.com https://example.com a@b.example x=@y";
        let got: Vec<_> = extract_mastodon(text)
            .into_iter()
            .map(|e| e.span.text(text))
            .collect();
        assert_eq!(got, ["https://example.com"]);
    }

    #[test]
    fn cashtags_and_hashtags() {
        assert_eq!(
            texts("$AAPL, $tsla. $1 x$NO", EntityKind::Cashtag),
            ["$AAPL", "$tsla"]
        );
        assert_eq!(
            texts("#1st #123 #日本語 a#b", EntityKind::Hashtag),
            ["#1st", "#日本語"]
        );
        assert!(texts("#\u{FE0F}\u{20E3}", EntityKind::Hashtag).is_empty());
    }

    #[test]
    fn punycode_lengths_match_rfc_3492_examples() {
        // "bücher" -> "bcher-kva", "münchen" -> "mnchen-3ya"
        assert_eq!(punycode_len("bücher", 64), "bcher-kva".len());
        assert_eq!(punycode_len("münchen", 64), "mnchen-3ya".len());
        // 例え -> "r8jz45g"
        assert_eq!(punycode_len("例え", 64), "r8jz45g".len());
    }

    #[test]
    fn empty_and_plain_text_have_no_entities() {
        assert!(extract("").is_empty());
        assert!(extract("just words, nothing else").is_empty());
        assert!(emoji("").is_empty());
    }
}
