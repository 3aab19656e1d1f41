//! Byte spans into the original file, and the one place where they become
//! line/column positions.
//!
//! Every finding carries a [`Span`]; no other module computes a line or a
//! column. Columns count Unicode code points (as rustc and ruff do), are
//! 1-based, and a leading byte-order mark is not a column.

use std::ops::Range;

/// A half-open byte range `start..end` into the original file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers.
    pub fn text(self, source: &str) -> &str {
        &source[self.range()]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Self::new(r.start, r.end)
    }
}

/// A 1-based line and column (in code points).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of one file.
///
/// A line ends after `\n`; a `\r` before it belongs to the line ending, so
/// CRLF and LF files give the same positions.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Whether each line is ASCII: there a column is a byte count, found
    /// without walking the line (long one-line posts have many findings).
    ascii: Vec<bool>,
    bom_len: usize,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let mut line_starts = Vec::with_capacity(source.len() / 40 + 1);
        let mut ascii = Vec::with_capacity(source.len() / 40 + 1);
        line_starts.push(0);
        let mut line_ascii = true;
        for (i, b) in source.bytes().enumerate() {
            line_ascii &= b.is_ascii();
            if b == b'\n' {
                line_starts.push(i + 1);
                ascii.push(line_ascii);
                line_ascii = true;
            }
        }
        ascii.push(line_ascii);
        let bom_len = if source.starts_with('\u{feff}') { 3 } else { 0 };
        Self {
            line_starts,
            ascii,
            bom_len,
        }
    }

    /// 0-based line number of the byte at `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte span of 0-based `line`, without its line ending.
    pub fn line_span(&self, source: &str, line: usize) -> Span {
        let start = self.line_starts[line].max(if line == 0 { self.bom_len } else { 0 });
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(source.len(), |&next| next - 1);
        if source[start..end].ends_with('\r') {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }

    /// 1-based line and column of the byte at `offset`. An offset inside a
    /// multi-byte character counts as that character.
    pub fn position(&self, source: &str, offset: usize) -> Position {
        let offset = offset.min(source.len());
        let line = self.line_of(offset);
        let mut start = self.line_starts[line];
        if line == 0 {
            start = start.max(self.bom_len).min(offset);
        }
        let column = if self.ascii[line] {
            offset - start + 1
        } else {
            source.as_bytes()[start..offset]
                .iter()
                .filter(|&&b| !is_utf8_continuation(b))
                .count()
                + 1
        };
        Position {
            line: line + 1,
            column,
        }
    }
}

const fn is_utf8_continuation(b: u8) -> bool {
    b & 0b1100_0000 == 0b1000_0000
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(source: &str, offset: usize) -> (usize, usize) {
        let p = LineIndex::new(source).position(source, offset);
        (p.line, p.column)
    }

    #[test]
    fn lf_and_crlf_give_same_positions() {
        assert_eq!(pos("ab\ncd", 3), (2, 1));
        assert_eq!(pos("ab\r\ncd", 4), (2, 1));
        assert_eq!(pos("ab\r\ncd", 5), (2, 2));
    }

    #[test]
    fn bom_is_not_a_column() {
        let s = "\u{feff}hi there";
        assert_eq!(pos(s, 3), (1, 1));
        assert_eq!(pos(s, 6), (1, 4));
    }

    #[test]
    fn columns_count_code_points() {
        // "é" is 2 bytes, "🚀" 4 bytes, a tab 1 byte: each is one column.
        let s = "é🚀\tx";
        assert_eq!(pos(s, s.find('x').unwrap()), (1, 4));
        // e + combining acute: two code points, two columns.
        let s = "e\u{301}x";
        assert_eq!(pos(s, 3), (1, 3));
    }

    #[test]
    fn every_offset_agrees_with_counting_by_hand() {
        let s = "\u{feff}ascii line\r\nné 🚀\there\n\nplain again\ncafe\u{301}!";
        let idx = LineIndex::new(s);
        for (offset, _) in s.char_indices().chain([(s.len(), ' ')]) {
            let before = &s[..offset];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = s[line_start..offset]
                .trim_start_matches('\u{feff}')
                .chars()
                .count()
                + 1;
            let p = idx.position(s, offset);
            assert_eq!((p.line, p.column), (line, column), "offset {offset}");
        }
    }

    #[test]
    fn line_span_excludes_line_ending() {
        let s = "\u{feff}one\r\ntwo\r\n";
        let idx = LineIndex::new(s);
        assert_eq!(idx.line_span(s, 0).text(s), "one");
        assert_eq!(idx.line_span(s, 1).text(s), "two");
        assert_eq!(idx.line_span(s, 2).text(s), "");
    }
}
