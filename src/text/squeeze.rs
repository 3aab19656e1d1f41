//! A post's text with every run of white space written as one space, and
//! the map back to file offsets.
//!
//! Word lists are matched here, so "in order to" finds "in  order\nto" and
//! phrases around blanked Markdown syntax, with a plain literal automaton
//! instead of a regex per list (which cost about a millisecond each to
//! compile, a quarter of a one-post run).

use crate::span::Span;

#[derive(Debug)]
pub struct Squeezed {
    /// Starts at the post's first byte.
    pub text: String,
    /// File offset of `text[0]`.
    base: usize,
    /// Runs of white space whose length changed (anything but one ASCII
    /// space or one other one-byte space), in order.
    runs: Vec<Run>,
}

#[derive(Debug, Clone, Copy)]
struct Run {
    /// File offsets of the run.
    start: usize,
    end: usize,
    /// Offset in `text` of the space it became.
    at: usize,
}

impl Squeezed {
    /// `text` is the whole file's text (offsets are file offsets); `span`
    /// is the post.
    pub fn new(text: &str, span: Span) -> Self {
        let post = &text[span.range()];
        let mut out = String::with_capacity(post.len());
        let mut runs = Vec::new();
        let mut run_start: Option<usize> = None;
        for (i, c) in post.char_indices() {
            if c.is_whitespace() {
                run_start.get_or_insert(i);
                continue;
            }
            if let Some(start) = run_start.take() {
                close_run(&mut out, &mut runs, span.start, start, i);
            }
            out.push(c);
        }
        if let Some(start) = run_start {
            close_run(&mut out, &mut runs, span.start, start, post.len());
        }
        Self {
            text: out,
            base: span.start,
            runs,
        }
    }

    /// The offset in `text` for a file offset inside the post. An offset
    /// inside a run maps to its space when it is the run's start, else
    /// just after it.
    pub fn to_squeezed(&self, offset: usize) -> usize {
        let i = self.runs.partition_point(|r| r.start <= offset);
        let Some(r) = i.checked_sub(1).map(|i| self.runs[i]) else {
            return offset - self.base;
        };
        if offset == r.start {
            r.at
        } else if offset < r.end {
            r.at + 1
        } else {
            r.at + 1 + (offset - r.end)
        }
    }

    /// The file offset for an offset in `text`.
    pub fn to_original(&self, offset: usize) -> usize {
        let i = self.runs.partition_point(|r| r.at <= offset);
        let Some(r) = i.checked_sub(1).map(|i| self.runs[i]) else {
            return offset + self.base;
        };
        if offset == r.at {
            r.start
        } else {
            r.end + (offset - r.at - 1)
        }
    }
}

fn close_run(out: &mut String, runs: &mut Vec<Run>, base: usize, start: usize, end: usize) {
    if end - start != 1 {
        runs.push(Run {
            start: base + start,
            end: base + end,
            at: out.len(),
        });
    }
    out.push(' ');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_become_one_space_and_offsets_map_both_ways() {
        let file = "xx in  order\n\u{a0}to\tgo \u{2003}";
        let span = Span::new(2, file.len());
        let s = Squeezed::new(file, span);
        assert_eq!(s.text, " in order to go ");
        // Every word starts and ends at the same text both ways.
        for word in ["in", "order", "to", "go"] {
            let sq = s.text.find(word).unwrap();
            let orig = file.find(word).unwrap();
            assert_eq!(s.to_original(sq), orig, "{word}");
            assert_eq!(s.to_squeezed(orig), sq, "{word}");
            let (sq_end, orig_end) = (sq + word.len(), orig + word.len());
            assert_eq!(s.to_original(sq_end), orig_end, "{word} end");
            assert_eq!(s.to_squeezed(orig_end), sq_end, "{word} end");
        }
        // Inside a run: its start maps to the space, the rest after it.
        let run = file.find("  order").unwrap();
        assert_eq!(s.to_squeezed(run), 3);
        assert_eq!(s.to_squeezed(run + 1), 4);
        assert_eq!(s.to_squeezed(file.len()), s.text.len());
    }

    #[test]
    fn text_without_changed_runs_maps_by_offset() {
        let file = "a b\nc";
        let s = Squeezed::new(file, Span::new(0, file.len()));
        assert_eq!(s.text, "a b c");
        assert!(s.runs.is_empty());
        assert_eq!((s.to_squeezed(4), s.to_original(4)), (4, 4));
    }
}
