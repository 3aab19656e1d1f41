//! Fixes: edits to the original file, and how safe they are to apply
//! unseen. One pure function applies them; `--fix` (later) only writes
//! what it returns.

use crate::span::Span;

/// Replace the bytes of `span` with `replacement` (empty: delete).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// Whether a fix may be applied without a person reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// Cannot change the meaning (a doubled word, a typo with one
    /// spelling): `--fix` applies it.
    Safe,
    /// Probably right, but a person should look (a word swap that may
    /// change tone): shown, applied only when asked.
    Review,
}

/// A fix is one or more edits that belong together (moving a word is a
/// delete and an insert): all are applied, or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Applicability {
    /// The word in flags (`--review-fixes`) and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Review => "review",
        }
    }
}

impl Fix {
    /// The common case: one replacement.
    pub fn replace(
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        Self {
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
            applicability,
        }
    }

    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }

    /// From the start of the first edit to the end of the last.
    pub fn span(&self) -> Span {
        let start = self.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.span.end).max().unwrap_or(start);
        Span::new(start, end)
    }
}

/// What [`apply_counted`] did: the new text and how many fixes it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// Fixes applied, each distinct fix once.
    pub applied: usize,
    /// Fixes left out because they overlap one taken first: a second pass
    /// (on the new text, checked again) may take them.
    pub left: usize,
}

/// `source` with `fixes` applied. Fixes are taken in order of position; a
/// fix whose edits overlap one already taken (or fall outside the text or
/// off a character boundary) is skipped whole, so the result never mixes
/// two fixes of one place. Linear in the text and the edits.
pub fn apply(source: &str, fixes: &[Fix]) -> String {
    apply_counted(source, fixes).text
}

/// [`apply`], saying how many fixes were taken and how many left.
///
/// Identical fixes (same edits) are one fix: a file checked for two
/// channels reports a text finding, and its fix, once per channel. Two
/// different inserts at one point overlap (which goes first is not the
/// fixes' to say): the first by input order is taken.
pub fn apply_counted(source: &str, fixes: &[Fix]) -> Applied {
    let mut order: Vec<&Fix> = fixes.iter().collect();
    // Stable: fixes of one span keep their input order.
    order.sort_by_key(|f| (f.span().start, f.span().end));
    let mut edits: Vec<&Edit> = Vec::new();
    let mut taken: Vec<&Fix> = Vec::new();
    let mut taken_end = 0;
    // Where the last insert (an empty span) was taken: a second insert at
    // the same point overlaps it.
    let mut inserted_at: Option<usize> = None;
    let mut left = 0;
    for fix in order {
        // A duplicate has the same span, so it sorts next to the first
        // of its kind: compare with the fixes taken at that start.
        let start = fix.span().start;
        if taken
            .iter()
            .rev()
            .take_while(|t| t.span().start == start)
            .any(|t| t.edits == fix.edits)
        {
            continue;
        }
        let mut own: Vec<&Edit> = fix.edits.iter().collect();
        own.sort_by_key(|e| (e.span.start, e.span.end));
        let valid = own.iter().all(|e| {
            e.span.start <= e.span.end
                && e.span.end <= source.len()
                && source.is_char_boundary(e.span.start)
                && source.is_char_boundary(e.span.end)
        }) && own.windows(2).all(|w| w[0].span.end <= w[1].span.start);
        if !valid {
            continue;
        }
        let free = own.first().is_none_or(|e| {
            e.span.start >= taken_end && !(e.span.is_empty() && inserted_at == Some(e.span.start))
        });
        if !free {
            left += 1;
            continue;
        }
        if let Some(last) = own.last() {
            taken_end = last.span.end.max(taken_end);
            if let Some(e) = own.iter().rev().find(|e| e.span.is_empty()) {
                inserted_at = Some(e.span.start);
            }
            edits.extend(own);
            taken.push(fix);
        }
    }
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&source[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&source[at..]);
    Applied {
        text: out,
        applied: taken.len(),
        left,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replace(start: usize, end: usize, with: &str) -> Fix {
        Fix::replace(Span::new(start, end), with, Applicability::Safe)
    }

    #[test]
    fn applies_edits_in_position_order() {
        let src = "It is the the best way to utilize it.";
        let fixes = [replace(26, 33, "use"), replace(9, 13, "")];
        assert_eq!(apply(src, &fixes), "It is the best way to use it.");
    }

    #[test]
    fn overlapping_fixes_keep_the_first_whole() {
        let src = "abcdef";
        let two = Fix {
            edits: vec![
                Edit {
                    span: Span::new(3, 4),
                    replacement: "X".into(),
                },
                Edit {
                    span: Span::new(5, 6),
                    replacement: "Y".into(),
                },
            ],
            applicability: Applicability::Review,
        };
        assert_eq!(apply(src, &[replace(1, 4, "_"), two.clone()]), "a_ef");
        assert_eq!(apply(src, &[two]), "abcXeY");
    }

    #[test]
    fn bad_spans_are_skipped_not_panicked_on() {
        assert_eq!(apply("héllo", &[replace(2, 3, "x")]), "héllo");
        assert_eq!(apply("abc", &[replace(2, 9, "x")]), "abc");
        assert_eq!(apply("abc", &[replace(1, 1, "+")]), "a+bc", "an insert");
    }

    #[test]
    fn a_fix_found_twice_is_applied_once() {
        // A file checked for x and linkedin reports each text finding,
        // with its fix, once per channel.
        let insert = replace(5, 5, ",");
        let swap = replace(0, 5, "Hello");
        let fixes = [insert.clone(), swap.clone(), insert.clone(), swap];
        let applied = apply_counted("Hallo world", &fixes);
        assert_eq!(applied.text, "Hello, world");
        assert_eq!((applied.applied, applied.left), (2, 0));
    }

    #[test]
    fn two_inserts_at_one_point_take_the_first_and_leave_the_other() {
        let fixes = [replace(1, 1, "x"), replace(1, 1, "y")];
        let applied = apply_counted("ab", &fixes);
        assert_eq!(applied.text, "axb");
        assert_eq!((applied.applied, applied.left), (1, 1));
        // A replacement ending where an insert goes is no overlap.
        assert_eq!(
            apply("ab", &[replace(0, 1, "A"), replace(1, 1, "!")]),
            "A!b"
        );
    }

    #[test]
    fn overlaps_are_counted_as_left_for_another_pass() {
        let applied = apply_counted("abcdef", &[replace(0, 3, "X"), replace(2, 4, "Y")]);
        assert_eq!(applied.text, "Xdef");
        assert_eq!((applied.applied, applied.left), (1, 1));
    }
}
