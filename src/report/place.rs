//! Where a file and a finding are, as CI tools want them: paths relative to
//! the repository root (GitHub, GitLab and SARIF viewers resolve them
//! against the checkout), URIs for SARIF, and fingerprints that survive
//! line shifts.

use crate::finding::Finding;
use crate::outcome::{FileOutcome, RunInfo};

/// The root that report paths are relative to: the repository root, or
/// the working directory outside git. Paths in the run model are as given
/// (relative to the working directory); `prefix` turns them into paths
/// relative to the root.
#[derive(Debug, Clone, Default)]
pub struct Base {
    /// The root, absolute, with `/` separators and no trailing `/`.
    pub root: String,
    /// The working directory relative to `root`: `""` or ending in `/`.
    pub prefix: String,
    /// Where the rule reference (`docs/rules.md`) is published, absolute
    /// (`--docs-url`): SARIF rules link to it (`helpUri`).
    pub docs_url: Option<String>,
}

impl Base {
    /// `path` as the run model has it, relative to the root, with `/`.
    /// An absolute path outside the root stays absolute; stdin stays `-`.
    pub fn relative(&self, path: &str) -> String {
        if path == "-" {
            return path.to_owned();
        }
        let path = path.replace('\\', "/");
        if path.starts_with('/') {
            let root = self.root.trim_end_matches('/');
            return match path.strip_prefix(root).and_then(|r| r.strip_prefix('/')) {
                Some(rest) if !root.is_empty() => normalize(rest),
                _ => normalize(&path),
            };
        }
        normalize(&format!("{}{path}", self.prefix))
    }

    /// The link to a rule's section of the published rule reference:
    /// GitHub's anchor of the heading `` ### `readable.long-word` `` is the
    /// id without its dots.
    pub fn help_uri(&self, rule: &str) -> Option<String> {
        let base = self.docs_url.as_deref()?;
        let base = base.split('#').next().unwrap_or(base);
        Some(format!("{base}#{}", rule.replace('.', "")))
    }

    /// The path as a SARIF URI: relative paths percent-encoded, absolute
    /// ones as `file://` URIs.
    pub fn uri(&self, path: &str) -> String {
        let rel = self.relative(path);
        let encoded = percent_encode(&rel);
        if rel.starts_with('/') {
            format!("file://{encoded}")
        } else {
            encoded
        }
    }
}

/// Drops `.` segments and resolves `..` against what precedes it.
fn normalize(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// RFC 3986: everything but unreserved characters and `/` is encoded.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A finding's fingerprint: rule, file (relative to the root), the matched
/// text with white space squeezed and lowercased, and which occurrence of
/// that (rule, text) in the file it is. No line or column, so it survives
/// edits above it; 32 hex digits. A finding about a whole post (its span
/// covers the post, or runs past [`LONG_SPAN`] bytes) is keyed by the
/// post's place in its thread instead: its text changes with every edit.
pub fn fingerprint(rule: &str, path: &str, text: &str, occurrence: usize) -> String {
    let key = format!("{rule}\u{0}{path}\u{0}{text}\u{0}{occurrence}");
    format!(
        "{:016x}{:016x}",
        fnv1a(key.as_bytes(), 0xcbf2_9ce4_8422_2325),
        fnv1a(key.as_bytes(), 0x6c62_272e_07bb_0142)
    )
}

/// Fingerprints of a file's findings as [`super::visible`] lists them.
pub fn fingerprints(info: &RunInfo, file: &FileOutcome, path: &str) -> Vec<String> {
    let mut seen: std::collections::HashMap<(usize, String), usize> =
        std::collections::HashMap::new();
    super::visible(file)
        .map(|(_, post, f, _)| {
            let text = if f.span.contains(post.span) || f.span.len() > LONG_SPAN {
                format!("\u{0}post {}", post.index + 1)
            } else {
                matched_text(file, f)
            };
            let n = seen.entry((f.rule.index(), text.clone())).or_default();
            *n += 1;
            fingerprint(&info.rule(f.rule).id, path, &text, *n)
        })
        .collect()
}

/// Longer matches are not part of a fingerprint (see [`fingerprint`]).
pub const LONG_SPAN: usize = 160;

fn matched_text(file: &FileOutcome, f: &Finding) -> String {
    let text = file.source.get(f.span.range()).unwrap_or("");
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// FNV-1a, 64 bits: stable across runs, platforms and Rust versions
/// (unlike `std`'s hasher), which a fingerprint must be.
fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut h = seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(root: &str, prefix: &str) -> Base {
        Base {
            root: root.into(),
            prefix: prefix.into(),
            docs_url: None,
        }
    }

    #[test]
    fn paths_become_relative_to_the_root() {
        let b = base("/repo", "docs/");
        assert_eq!(b.relative("a.md"), "docs/a.md");
        assert_eq!(b.relative("./posts/../a.md"), "docs/a.md");
        assert_eq!(b.relative("../top.md"), "top.md");
        assert_eq!(b.relative("/repo/x/y.md"), "x/y.md");
        assert_eq!(b.relative("/elsewhere/y.md"), "/elsewhere/y.md");
        assert_eq!(b.relative("-"), "-");
        assert_eq!(base("/repo", "").relative("a\\b.md"), "a/b.md");
    }

    #[test]
    fn help_uris_point_at_the_rules_heading() {
        let mut b = base("/repo", "");
        assert_eq!(b.help_uri("readable.long-word"), None);
        b.docs_url = Some("https://example.com/docs/rules.md#top".into());
        assert_eq!(
            b.help_uri("readable.long-word").unwrap(),
            "https://example.com/docs/rules.md#readablelong-word"
        );
    }

    #[test]
    fn uris_are_percent_encoded() {
        let b = base("/repo", "");
        assert_eq!(b.uri("my post, 100%.md"), "my%20post%2C%20100%25.md");
        assert_eq!(b.uri("/tmp/é.md"), "file:///tmp/%C3%A9.md");
    }

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        let a = fingerprint("correct.repeated-word", "a.md", "the the", 1);
        assert_eq!(
            a,
            fingerprint("correct.repeated-word", "a.md", "the the", 1)
        );
        assert_eq!(a.len(), 32);
        assert_ne!(
            a,
            fingerprint("correct.repeated-word", "a.md", "the the", 2)
        );
        assert_ne!(
            a,
            fingerprint("correct.repeated-word", "b.md", "the the", 1)
        );
        // Pinned: a fingerprint that changed between versions would make
        // GitLab report every finding as new.
        assert_eq!(fnv1a(b"a", 0xcbf2_9ce4_8422_2325), 0xaf63_dc4c_8601_ec8c);
    }
}
