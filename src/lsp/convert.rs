//! Byte spans of a file to the editor's ranges and back, in the position
//! encoding negotiated at `initialize`. The arithmetic is
//! [`crate::span::LineIndex`]'s; this file only picks the encoding and
//! wraps the numbers in LSP types.

use lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range};

use crate::span::{Encoding, LineIndex, Span};

/// UTF-8 when the client offers it (no counting of UTF-16 units on our
/// side), else UTF-16, which every client must support (LSP 3.17).
pub fn negotiate(capabilities: &ClientCapabilities) -> Encoding {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_deref())
        .unwrap_or_default();
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

pub fn kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

/// Positions of one text in one encoding.
pub struct Converter<'a> {
    pub source: &'a str,
    pub lines: &'a LineIndex,
    pub encoding: Encoding,
}

impl Converter<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let (line, character) = self.lines.lsp_position(self.source, offset, self.encoding);
        Position { line, character }
    }

    pub fn range(&self, span: Span) -> Range {
        Range {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }

    pub fn offset(&self, position: Position) -> usize {
        self.lines.lsp_offset(
            self.source,
            position.line,
            position.character,
            self.encoding,
        )
    }

    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        Span::new(start, self.offset(range.end).max(start))
    }
}
