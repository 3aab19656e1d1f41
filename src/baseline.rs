//! Baselines, for adopting postlint on a repository that already has
//! posts: `--write-baseline FILE` records the findings of today, and
//! `--baseline FILE` then reports and fails only on findings not in it.
//!
//! A finding's fingerprint survives lines moving: it is the rule, the file
//! (relative to the config's folder, `/`-separated), the channel, a hash
//! of the matched text with white space squeezed, and which occurrence of
//! that same (rule, file, channel, text) it is, counted in file order.
//! Editing the matched text, or adding a second occurrence, makes a new
//! finding. The file is small JSON with a version, sorted, so it diffs
//! well in review.
//!
//! Also here: dropping findings from a checked file (a baseline's, or
//! those off changed lines) and scoring and judging its posts again, as
//! if the rules had not found them.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::finding::Finding;
use crate::outcome::{FileOutcome, across_channels, shown};

pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fingerprint {
    pub rule: String,
    pub file: String,
    pub channel: String,
    /// FNV-1a 64 of the matched text, white space squeezed, in hex.
    pub text: String,
    /// 0 for the first finding with this rule, file, channel and text.
    pub occurrence: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Fingerprint>,
}

#[derive(Debug, Default)]
pub struct Baseline {
    pub findings: BTreeSet<Fingerprint>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let file: BaselineFile = serde_json::from_str(text).map_err(|e| {
            format!("not a postlint baseline ({e}); write one with --write-baseline")
        })?;
        if file.version != VERSION {
            return Err(format!(
                "baseline version {} is not supported (this postlint writes version {VERSION})",
                file.version
            ));
        }
        Ok(Self {
            findings: file.findings.into_iter().collect(),
        })
    }

    pub fn to_json(&self) -> String {
        let file = BaselineFile {
            version: VERSION,
            findings: self.findings.iter().cloned().collect(),
        };
        let mut s = serde_json::to_string_pretty(&file).expect("a baseline serialises");
        s.push('\n');
        s
    }
}

/// FNV-1a, 64 bits: stable across versions and platforms (std's hasher
/// is not).
fn fnv1a(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fingerprint of every finding of a file, per post, in order.
pub fn fingerprints(engine: &Engine, file: &FileOutcome) -> Vec<Vec<Fingerprint>> {
    let path = engine
        .config
        .relative(Path::new(&file.path))
        .to_string_lossy()
        .replace('\\', "/");
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    file.posts
        .iter()
        .map(|post| {
            post.findings
                .iter()
                .map(|f| {
                    let rule = engine.info.rule(f.rule).id.clone();
                    let channel = engine.info.channel(post.channel).id.clone();
                    let matched = file.source.get(f.span.start..f.span.end).unwrap_or("");
                    let text = format!("{:016x}", fnv1a(&squeeze(matched)));
                    let n = seen
                        .entry((rule.clone(), channel.clone(), text.clone()))
                        .or_default();
                    let occurrence = *n;
                    *n += 1;
                    Fingerprint {
                        rule,
                        file: path.clone(),
                        channel,
                        text,
                        occurrence,
                    }
                })
                .collect()
        })
        .collect()
}

/// Keeps the findings `keep(post, index, finding)` accepts, and scores and
/// judges the posts that lost one again. Returns how many were dropped,
/// each distinct finding once (as the summary counts them).
pub fn retain(
    engine: &Engine,
    file: &mut FileOutcome,
    keep: &dyn Fn(usize, usize, &Finding) -> bool,
) -> usize {
    let mut dropped = 0;
    for i in 0..file.posts.len() {
        let flags: Vec<bool> = file.posts[i]
            .findings
            .iter()
            .enumerate()
            .map(|(j, f)| keep(i, j, f))
            .collect();
        if flags.iter().all(|&k| k) {
            continue;
        }
        dropped += flags
            .iter()
            .enumerate()
            .filter(|&(j, &k)| !k && !file.shown(i, j).repeat)
            .count();
        let post = &mut file.posts[i];
        let mut flags = flags.into_iter();
        post.findings.retain(|_| flags.next().unwrap_or(true));
        post.score = crate::score::score(
            &engine.scoring,
            &engine.book,
            &post.findings,
            post.score.words,
            &post.score.ran,
        );
        let uncapped = post
            .score
            .cap
            .as_ref()
            .map_or(post.score.overall, |c| c.before);
        post.verdict = engine.verdict(&post.findings, shown(uncapped));
    }
    if dropped > 0 {
        file.across_channels = across_channels(&file.posts);
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_baseline_round_trips_and_refuses_other_versions() {
        let mut b = Baseline::default();
        b.findings.insert(Fingerprint {
            rule: "readable.passive-voice".into(),
            file: "posts/a.md".into(),
            channel: "blog".into(),
            text: format!("{:016x}", fnv1a("was written")),
            occurrence: 0,
        });
        let again = Baseline::parse(&b.to_json()).unwrap();
        assert_eq!(again.findings, b.findings);
        let err = Baseline::parse(r#"{"version": 2, "findings": []}"#).unwrap_err();
        assert!(err.contains("version 2"), "{err}");
        let err = Baseline::parse("[1, 2]").unwrap_err();
        assert!(err.contains("not a postlint baseline"), "{err}");
    }

    #[test]
    fn matched_text_is_compared_with_white_space_squeezed() {
        assert_eq!(
            fnv1a(&squeeze("was\n  written")),
            fnv1a(&squeeze("was written"))
        );
        assert_ne!(fnv1a("a"), fnv1a("b"));
    }
}
