//! Quotations in a post: what lies between an opening and a closing
//! quotation mark of one block, found in one pass per post, so asking
//! whether a match is quoted is a binary search instead of a rescan of its
//! paragraph (a long paragraph with many matches was quadratic).

use crate::input::document::Block;
use crate::span::Span;

/// The quotations of a post, by the offset of their opening mark.
#[derive(Debug, Default)]
pub struct Quotations {
    /// `(opening mark, closing mark)` offsets, sorted by opening.
    regions: Vec<(usize, usize)>,
    /// The furthest closing mark among `regions[..=i]`.
    furthest: Vec<usize>,
}

impl Quotations {
    /// "straight", “curly” (nested), and single ‘curly’ or 'straight'
    /// ones, where a mark between two letters is an apostrophe (don't,
    /// Rust's). A mark left open is not a quotation, and none runs past its
    /// block.
    pub fn find(text: &str, blocks: &[Block]) -> Self {
        let mut regions = Vec::new();
        for block in blocks {
            let Some(inside) = text.get(block.span.range()) else {
                continue;
            };
            scan(inside, block.span.start, &mut regions);
        }
        regions.sort_unstable();
        let mut furthest = Vec::with_capacity(regions.len());
        let mut far = 0;
        for &(_, close) in &regions {
            far = far.max(close);
            furthest.push(far);
        }
        Self { regions, furthest }
    }

    /// Whether a quotation opens before `span` and closes after it.
    pub fn contains(&self, span: Span) -> bool {
        let opened = self.regions.partition_point(|&(open, _)| open < span.start);
        opened > 0 && self.furthest[opened - 1] >= span.end
    }
}

fn scan(text: &str, base: usize, regions: &mut Vec<(usize, usize)>) {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut straight: Option<usize> = None;
    let mut curly: Vec<usize> = Vec::new();
    let mut single: Option<usize> = None;
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let at = base + at;
        match c {
            '"' => match straight.take() {
                Some(open) => regions.push((open, at)),
                None => straight = Some(at),
            },
            '“' => curly.push(at),
            '”' => {
                if let Some(open) = curly.pop() {
                    regions.push((open, at));
                }
            }
            '\'' | '‘' | '’' if letter(prev) && letter(next) => {}
            '\'' | '‘' | '’' if single.is_none() && !letter(prev) && letter(next) => {
                single = Some(at);
            }
            '\'' | '’' if single.is_some() && !letter(next) => {
                if let Some(open) = single.take() {
                    regions.push((open, at));
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
}
