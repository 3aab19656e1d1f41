//! A file's text split into front matter and body, and the body into posts
//! and blocks. Parsing never fails: problems are returned beside the result.

use crate::span::Span;

/// A unit of prose: sentences never cross a block boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A Markdown heading with its level (1-6).
    Heading(u8),
    ListItem,
    Quote,
    TableCell,
}
