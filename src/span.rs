//! Byte spans into the original file, and the one place where they become
//! line/column positions.
//!
//! Every finding carries a [`Span`]; no other module computes a line or a
//! column. Columns count Unicode code points (as rustc and ruff do), are
//! 1-based, and a leading byte-order mark is not a column. Editors (LSP)
//! get 0-based positions in UTF-8 or UTF-16 code units ([`Encoding`]).

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
        Span::new(start, self.line_end(source, line).max(start))
    }

    /// Where 0-based `line`'s text ends: before its `\n` or `\r\n`.
    fn line_end(&self, source: &str, line: usize) -> usize {
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(source.len(), |&next| next - 1);
        if source[self.line_starts[line]..end].ends_with('\r') {
            end - 1
        } else {
            end
        }
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

/// The code units an editor counts columns in (LSP's position encodings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units: a character outside the BMP (most emoji) is two.
    Utf16,
}

impl LineIndex {
    /// 0-based line and character of the byte at `offset`, characters
    /// counted in `encoding`'s code units, as the Language Server Protocol
    /// wants them. Unlike [`LineIndex::position`], a leading BOM counts:
    /// an editor's positions index the text it sent, BOM and all. An offset
    /// inside a multi-byte character counts as that character's start; an
    /// offset in a CRLF's `\r` is the end of its line.
    pub fn lsp_position(&self, source: &str, offset: usize, encoding: Encoding) -> (u32, u32) {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = match encoding {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 if self.ascii[line] => offset - start,
            Encoding::Utf16 => source[start..offset].chars().map(char::len_utf16).sum(),
        };
        (to_u32(line), to_u32(column))
    }

    /// The byte offset of a 0-based `line` and `character` in `encoding`'s
    /// code units. As the protocol says, a character past the end of its
    /// line is the line's end (before its line ending), and a line past the
    /// last is the end of the text; a position inside a character (half of
    /// a surrogate pair, a UTF-8 continuation byte) is that character's start.
    pub fn lsp_offset(&self, source: &str, line: u32, character: u32, encoding: Encoding) -> usize {
        let line = line as usize;
        if line >= self.line_starts.len() {
            return source.len();
        }
        let start = self.line_starts[line];
        let end = self.line_end(source, line);
        let wanted = character as usize;
        match encoding {
            Encoding::Utf8 => {
                let mut offset = (start + wanted).min(end);
                while !source.is_char_boundary(offset) {
                    offset -= 1;
                }
                offset
            }
            Encoding::Utf16 if self.ascii[line] => (start + wanted).min(end),
            Encoding::Utf16 => {
                let mut units = 0;
                for (i, c) in source[start..end].char_indices() {
                    units += c.len_utf16();
                    if units > wanted {
                        return start + i;
                    }
                }
                end
            }
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

    fn lsp(s: &str, offset: usize, encoding: Encoding) -> (u32, u32) {
        LineIndex::new(s).lsp_position(s, offset, encoding)
    }

    #[test]
    fn lsp_positions_count_utf8_or_utf16_units() {
        // "🚀" is 4 bytes and 2 UTF-16 units (a surrogate pair); "é" 2 and 1.
        let s = "é🚀x\r\n🚀y";
        let x = s.find('x').unwrap();
        assert_eq!(lsp(s, x, Encoding::Utf8), (0, 6));
        assert_eq!(lsp(s, x, Encoding::Utf16), (0, 3));
        let y = s.find('y').unwrap();
        assert_eq!(lsp(s, y, Encoding::Utf8), (1, 4));
        assert_eq!(lsp(s, y, Encoding::Utf16), (1, 2));
        // The `\r` of a CRLF is the end of its line, not a character after it.
        assert_eq!(lsp(s, x + 1, Encoding::Utf16), (0, 4));
        // Inside the emoji: its start.
        assert_eq!(lsp(s, 3, Encoding::Utf16), (0, 1));
    }

    #[test]
    fn lsp_positions_count_a_bom_the_client_sent() {
        let s = "\u{feff}hi";
        assert_eq!(lsp(s, 3, Encoding::Utf16), (0, 1));
        assert_eq!(lsp(s, 3, Encoding::Utf8), (0, 3));
        let idx = LineIndex::new(s);
        assert_eq!(idx.lsp_offset(s, 0, 1, Encoding::Utf16), 3);
        assert_eq!(idx.lsp_offset(s, 0, 0, Encoding::Utf16), 0);
    }

    #[test]
    fn lsp_offsets_round_trip_and_clamp() {
        let s = "\u{feff}ascii line\r\nné 🚀👩‍👩‍👧\there\n\nplain\r\ncafe\u{301}!";
        let idx = LineIndex::new(s);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for (offset, c) in s.char_indices().chain([(s.len(), ' ')]) {
                if c == '\n' && s[..offset].ends_with('\r') {
                    continue; // the `\n` of a CRLF has no position of its own
                }
                let (line, character) = idx.lsp_position(s, offset, encoding);
                assert_eq!(
                    idx.lsp_offset(s, line, character, encoding),
                    offset,
                    "{encoding:?} offset {offset}"
                );
            }
            // Past the end of a CRLF line: before its `\r`.
            assert_eq!(idx.lsp_offset(s, 0, 99, encoding), s.find('\r').unwrap());
            assert_eq!(idx.lsp_offset(s, 99, 0, encoding), s.len());
        }
        // Half of a surrogate pair: the emoji's start.
        let rocket = s.find('🚀').unwrap();
        let (line, character) = idx.lsp_position(s, rocket, Encoding::Utf16);
        assert_eq!(
            idx.lsp_offset(s, line, character + 1, Encoding::Utf16),
            rocket
        );
        assert_eq!(
            idx.lsp_offset(s, line, character + 2, Encoding::Utf16),
            rocket + 4
        );
    }
}
