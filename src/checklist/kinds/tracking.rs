//! `tracking`: links to the team's own sites carry its UTM tags, the
//! campaign tag names the post's campaign, and links to other sites do not
//! carry the team's tags. The domains and tags are the team's
//! (`[strategy]` in `postlint.toml`); with no domains the rules are silent.

use serde::Deserialize;

use super::api::{Compile, Emit, Input};
use crate::error::LoadError;
use crate::profile::purpose::Tracking as Policy;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrackingCheck {
    /// A link to an own domain lacks some of the required parameters.
    Untagged,
    /// An own link's `utm_campaign` is not the post's `campaign`.
    Campaign,
    /// A link to another site carries the team's campaign or source.
    Leaked,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    check: TrackingCheck,
}

pub const PLACEHOLDERS: &[&str] = &["url", "host", "missing", "found", "campaign"];

pub struct Tracking {
    check: TrackingCheck,
}

impl Tracking {
    pub fn compile(spec: Spec, _cx: &Compile<'_>) -> Result<Self, LoadError> {
        Ok(Self { check: spec.check })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let policy: &Policy = input.cx.tracking;
        if policy.domains.is_empty() {
            return;
        }
        let post = input.post;
        let campaign = input.cx.front_matter.campaign.as_deref();
        for unit in post.units(input.scope) {
            for span in post.link_targets(unit) {
                let url = &post.source[span.range()];
                let Some(link) = Url::parse(url) else {
                    continue;
                };
                let own = policy.owns(&link.host);
                let vars = |missing: &str, found: &str| {
                    [
                        ("url", url.to_owned()),
                        ("host", link.host.clone()),
                        ("missing", missing.to_owned()),
                        ("found", found.to_owned()),
                        ("campaign", campaign.unwrap_or("").to_owned()),
                    ]
                };
                let mut push = |missing: &str, found: &str| {
                    let vars = vars(missing, found);
                    let vars: Vec<(&str, &str)> =
                        vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    emit.push(span, &vars, None, 1.0);
                };
                match self.check {
                    TrackingCheck::Untagged if own => {
                        let missing: Vec<&str> = policy
                            .parameters
                            .iter()
                            .map(String::as_str)
                            .filter(|p| link.param(p).is_none_or(|v| v.is_empty()))
                            .collect();
                        if !missing.is_empty() {
                            push(&missing.join(", "), "");
                        }
                    }
                    TrackingCheck::Campaign if own => {
                        if let (Some(campaign), Some(found)) =
                            (campaign, link.param("utm_campaign"))
                            && !same_campaign(campaign, &found)
                        {
                            push("", &found);
                        }
                    }
                    TrackingCheck::Leaked if !own => {
                        let campaign_tag = campaign.and_then(|c| {
                            link.param("utm_campaign")
                                .filter(|found| same_campaign(c, found))
                        });
                        let source_tag = link
                            .param("utm_source")
                            .filter(|s| policy.sources.iter().any(|t| t.eq_ignore_ascii_case(s)));
                        if let Some(found) = campaign_tag
                            .map(|c| format!("utm_campaign={c}"))
                            .or(source_tag.map(|s| format!("utm_source={s}")))
                        {
                            push("", &found);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Campaign names compare as teams write them: case and `-`/`_`/space
/// differences aside ("Spring Launch" = "spring-launch").
fn same_campaign(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, '-' | '_' | ' ' | '+'))
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    norm(a) == norm(b)
}

/// The parts of an address the checks read.
struct Url<'u> {
    /// Lowercase, without port or user.
    host: String,
    query: &'u str,
}

impl<'u> Url<'u> {
    /// `https://host/path?query#fragment`, or a bare `host.tld/path` as
    /// posts write them. `None` for anything else (`mailto:`, a path).
    fn parse(url: &'u str) -> Option<Self> {
        let rest = match url.split_once("://") {
            Some((scheme, rest))
                if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
            {
                rest
            }
            Some(_) => return None,
            // A path, a fragment, or a scheme without `//` (`mailto:`, `tel:`).
            None if url.starts_with(['/', '#'])
                || url
                    .split_once(':')
                    .is_some_and(|(scheme, _)| scheme.chars().all(|c| c.is_ascii_alphabetic())) =>
            {
                return None;
            }
            None => url,
        };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..end];
        let host = authority.rsplit('@').next()?.split(':').next()?;
        if !host.contains('.') {
            return None;
        }
        let after = &rest[end..];
        let query = after
            .split_once('?')
            .map_or("", |(_, q)| q.split('#').next().unwrap_or(""));
        Some(Self {
            host: host.trim_end_matches('.').to_ascii_lowercase(),
            query,
        })
    }

    /// The first value of query parameter `name`, percent- and
    /// plus-decoded; `Some("")` for `name=` or a bare `name`.
    fn param(&self, name: &str) -> Option<String> {
        self.query
            .split(['&', ';'])
            .filter_map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                k.eq_ignore_ascii_case(name).then(|| decode(v))
            })
            .next()
    }
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'+', _) => out.push(b' '),
            (b'%', Some(b)) => {
                out.push(b);
                i += 2;
            }
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_give_host_and_parameters() {
        let u = Url::parse(
            "https://Shop.Example.com:8080/p?utm_source=x&utm_campaign=Spring%20Launch#top",
        )
        .unwrap();
        assert_eq!(u.host, "shop.example.com");
        assert_eq!(u.param("utm_source").as_deref(), Some("x"));
        assert_eq!(u.param("utm_campaign").as_deref(), Some("Spring Launch"));
        assert_eq!(u.param("utm_medium"), None);
        let bare = Url::parse("example.com/docs?utm_medium=").unwrap();
        assert_eq!(bare.host, "example.com");
        assert_eq!(bare.param("utm_medium").as_deref(), Some(""));
        assert!(Url::parse("mailto:hi@example.com").is_none());
        assert!(Url::parse("/docs/page").is_none());
        assert_eq!(decode("a%2Fb+c%zz%4"), "a/b c%zz%4");
    }

    #[test]
    fn campaigns_compare_as_teams_write_them() {
        assert!(same_campaign("Spring Launch", "spring-launch"));
        assert!(same_campaign("spring_launch", "SPRING+LAUNCH"));
        assert!(!same_campaign("spring", "summer"));
    }
}
