//! The table of common misspellings, each with one confident correction
//! (`rules/dictionaries/misspellings.tsv`, from typos-dict).
//!
//! The file is embedded as text and binary-searched in place: no parsing
//! at start-up, no index in memory, and the data stays a reviewable TSV.
//! `scripts/dictionaries/misspellings.py` writes it sorted by bytes, which
//! the tests check.

/// One row: the correction, and whether the typo is also a name (SCOWL
/// size 95), which makes a capitalised occurrence ("Linz") likely the
/// name, so not a confident misspelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    pub fix: &'static str,
    pub name: bool,
}

impl Entry {
    fn of(columns: &'static str) -> Entry {
        let (fix, flag) = columns.split_once('\t').unwrap_or((columns, ""));
        Entry {
            fix,
            name: flag == "name",
        }
    }
}

const TABLE: &str = include_str!("../../../rules/dictionaries/misspellings.tsv");

/// The rows, without the `#` header.
fn body() -> &'static str {
    let mut rest = TABLE;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, tail)| tail);
    }
    rest
}

/// The row of `typo` (lowercase), if the table has it.
pub(super) fn lookup(typo: &[u8]) -> Option<Entry> {
    let body = body();
    let bytes = body.as_bytes();
    // Binary search over byte offsets: land anywhere, back up to the start
    // of that line, compare its key.
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| start + i);
        let line = &body[start..end];
        let (key, rest) = line.split_once('\t').unwrap_or((line, ""));
        match key.as_bytes().cmp(typo) {
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
            std::cmp::Ordering::Equal => return Some(Entry::of(rest)),
        }
    }
    None
}

/// Every row, for the tests.
#[cfg(test)]
pub(super) fn rows() -> impl Iterator<Item = (&'static str, Entry)> {
    body().lines().map(|line| {
        let (key, rest) = line.split_once('\t').unwrap_or((line, ""));
        (key, Entry::of(rest))
    })
}
