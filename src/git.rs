//! `--changed-since` and `--changed-lines`: which files and lines changed
//! since a git revision. Shells out to `git` (no git library to build):
//! CI machines and pre-commit have it.
//!
//! "Changed since REV" means changed between the merge base of REV and
//! `HEAD` and the working tree — what a pull request adds, plus commits,
//! staged and unstaged edits on top — and untracked files that are not
//! ignored (a new post not yet added). Deleted files are not listed.
//! Paths are relative to the current folder, and only files under it.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Files changed since a revision and, per file, the changed lines of
/// the working tree (1-based, inclusive ranges). `None`: every line
/// (an untracked file).
#[derive(Debug, Default)]
pub struct Changes {
    pub files: Vec<PathBuf>,
    lines: HashMap<PathBuf, Option<Vec<RangeInclusive<usize>>>>,
}

impl Changes {
    /// Whether any line of `first..=last` of `path` changed.
    pub fn touches(&self, path: &Path, first: usize, last: usize) -> bool {
        match self.lines.get(clean(path)) {
            None => false,
            Some(None) => true,
            Some(Some(ranges)) => ranges
                .iter()
                .any(|r| *r.start() <= last && first <= *r.end()),
        }
    }
}

fn clean(path: &Path) -> &Path {
    path.strip_prefix("./").unwrap_or(path)
}

const SHALLOW_HINT: &str = "in a shallow clone (actions/checkout fetches one commit by default), \
     fetch the history: `fetch-depth: 0` in actions/checkout, `GIT_DEPTH: 0` in GitLab CI, \
     or `git fetch --unshallow`";

fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    // Raw UTF-8 paths in `+++ b/...` lines (not octal escapes).
    let out = Command::new("git")
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .output()
        .map_err(|e| format!("--changed-since needs git, which could not run: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    }
}

/// The files (and, when `lines`, the lines) changed since `rev`.
pub fn changes(rev: &str, lines: bool) -> Result<Changes, String> {
    git(&["rev-parse", "--is-inside-work-tree"]).map_err(|e| {
        format!("--changed-since needs a git repository, and this folder is not in one ({e})")
    })?;
    if rev.starts_with('-') {
        return Err(format!("--changed-since: `{rev}` is not a revision"));
    }
    let commit = format!("{rev}^{{commit}}");
    git(&["rev-parse", "--verify", "--quiet", &commit])
        .map_err(|_| format!("--changed-since: revision `{rev}` not found; {SHALLOW_HINT}"))?;
    let base = git(&["merge-base", rev, "HEAD"]).map_err(|e| {
        format!("--changed-since: `{rev}` and HEAD have no common history ({e}); {SHALLOW_HINT}")
    })?;
    let base = String::from_utf8_lossy(&base).trim().to_owned();

    let mut changes = Changes::default();
    let diffed = git(&[
        "diff",
        "--name-only",
        "-z",
        "--relative",
        "--no-renames",
        "--diff-filter=d",
        &base,
        "--",
    ])?;
    let untracked = git(&["ls-files", "--others", "--exclude-standard", "-z"])?;
    for name in split_z(&diffed) {
        changes.files.push(name.clone());
        changes.lines.insert(name, Some(Vec::new()));
    }
    for name in split_z(&untracked) {
        changes.files.push(name.clone());
        changes.lines.insert(name, None);
    }
    changes.files.sort();
    changes.files.dedup();
    if lines {
        let diff = git(&[
            "diff",
            "-U0",
            "--no-color",
            "--no-ext-diff",
            "--relative",
            "--no-renames",
            "--diff-filter=d",
            &base,
            "--",
        ])?;
        for (file, ranges) in parse_unified(&String::from_utf8_lossy(&diff)) {
            if let Some(Some(all)) = changes.lines.get_mut(&file) {
                all.extend(ranges);
            }
        }
    } else {
        changes.lines.values_mut().for_each(|v| *v = None);
    }
    Ok(changes)
}

fn split_z(bytes: &[u8]) -> Vec<PathBuf> {
    bytes
        .split(|&b| b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| PathBuf::from(String::from_utf8_lossy(s).into_owned()))
        .collect()
}

/// The added or changed lines of the new side of a `git diff -U0`, per
/// file: `@@ -a,b +c,d @@` gives lines `c..c+d-1` (`d` is 1 when left out,
/// 0 for a pure deletion, which changes no line of the new file).
pub fn parse_unified(diff: &str) -> Vec<(PathBuf, Vec<RangeInclusive<usize>>)> {
    let mut out: Vec<(PathBuf, Vec<RangeInclusive<usize>>)> = Vec::new();
    for line in diff.lines() {
        if let Some(name) = line.strip_prefix("+++ ") {
            let name = name.trim_matches('"');
            let name = name.strip_prefix("b/").unwrap_or(name);
            out.push((PathBuf::from(name), Vec::new()));
        } else if let Some(rest) = line.strip_prefix("@@ ")
            && let Some(new) = rest.split_whitespace().find(|w| w.starts_with('+'))
            && let Some((_, ranges)) = out.last_mut()
        {
            let new = &new[1..];
            let (start, count) = match new.split_once(',') {
                Some((s, c)) => (s.parse::<usize>(), c.parse::<usize>()),
                None => (new.parse::<usize>(), Ok(1)),
            };
            if let (Ok(start), Ok(count)) = (start, count)
                && count > 0
            {
                ranges.push(start..=start + count - 1);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_the_new_side_lines() {
        let diff = "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-x\n+y\n\
                    @@ -5,0 +6,3 @@\n+a\n+b\n+c\n@@ -9,2 +11,0 @@\n-gone\n-gone\n";
        let parsed = parse_unified(diff);
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].0, PathBuf::from("a.md"));
        assert_eq!(parsed[0].1, vec![1..=1, 6..=8]);
    }

    #[test]
    fn touches_checks_overlap_and_untracked_files_change_everywhere() {
        let mut c = Changes::default();
        c.lines.insert("a.md".into(), Some(vec![3..=4]));
        c.lines.insert("new.md".into(), None);
        assert!(c.touches(Path::new("a.md"), 4, 9));
        assert!(c.touches(Path::new("./a.md"), 1, 3));
        assert!(!c.touches(Path::new("a.md"), 5, 9));
        assert!(c.touches(Path::new("new.md"), 100, 100));
        assert!(!c.touches(Path::new("other.md"), 1, 1));
    }
}
