//! Whether a match stands in a quotation: a Markdown block quote, or
//! between quotation marks in its paragraph. A quoted word is someone
//! else's (a customer's words, a tweet), a title ("The Mythical
//! Man-Month") or a word mentioned rather than used (the "master" branch),
//! which a rule about word choice should leave alone (`skip_quoted`).

use crate::input::document::BlockKind;
use crate::span::Span;
use crate::text::post::Post;

/// True when `span` is one word right between quotation marks or
/// backticks: a term being named ("the \"fooify\" step", 'the word
/// "FREE"'), not prose.
pub fn between_marks(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    matches!(
        (before, after),
        (Some('"'), Some('"'))
            | (Some('“'), Some('”'))
            | (Some('\''), Some('\''))
            | (Some('‘'), Some('’'))
            | (Some('`'), Some('`'))
    )
}

/// True when `span` lies in a block quote, or between an opening and a
/// closing quotation mark of the block (paragraph, list item...) that
/// holds it: "straight", “curly”, and single ‘curly’ or 'straight' ones,
/// where a mark between two letters is an apostrophe (don't, Rust's). A
/// mark left open is not a quotation.
pub fn is_quoted(post: &Post<'_>, span: Span) -> bool {
    let Some(block) = post.blocks.iter().find(|b| b.span.contains(span)) else {
        return false;
    };
    if block.kind == BlockKind::Quote {
        return true;
    }
    let Some(text) = post.text.get(block.span.range()) else {
        return false;
    };
    let (from, to) = (span.start - block.span.start, span.end - block.span.start);
    let mut marks = Marks::default();
    let mut open = None;
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if at >= from && open.is_none() {
            if marks.is_empty() {
                return false;
            }
            open = Some(marks);
        }
        let next = chars.peek().map(|&(_, c)| c);
        if at >= to {
            marks = marks.step(c, prev, next);
            // Open before the match and closed after it, in the same block.
            if open.is_some_and(|open| marks.closes(open)) {
                return true;
            }
        } else if at < from {
            marks = marks.step(c, prev, next);
        }
        prev = Some(c);
    }
    false
}

/// Which kinds of quotation are open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    straight_double: bool,
    curly_double: u8,
    single: bool,
}

impl Marks {
    fn is_empty(self) -> bool {
        self == Marks::default()
    }

    /// Some quotation open in `open` has closed in `self`.
    fn closes(self, open: Marks) -> bool {
        (open.straight_double && !self.straight_double)
            || (open.curly_double > 0 && self.curly_double < open.curly_double)
            || (open.single && !self.single)
    }

    fn step(mut self, c: char, prev: Option<char>, next: Option<char>) -> Marks {
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        match c {
            '"' => self.straight_double = !self.straight_double,
            '“' => self.curly_double = self.curly_double.saturating_add(1),
            '”' => self.curly_double = self.curly_double.saturating_sub(1),
            // Between letters it is an apostrophe ("don't", "Rust's").
            '\'' | '‘' | '’' if letter(prev) && letter(next) => {}
            '\'' | '‘' | '’' if !self.single && !letter(prev) && letter(next) => {
                self.single = true;
            }
            '\'' | '’' if self.single && !letter(next) => self.single = false,
            _ => {}
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::post::Reading;

    fn quoted(text: &str, word: &str, reading: Reading) -> bool {
        let post = Post::build(text, Span::new(0, text.len()), reading, 0, 1);
        let at = text.find(word).expect("the word is in the text");
        is_quoted(&post, Span::new(at, at + word.len()))
    }

    #[test]
    fn quotation_marks_and_block_quotes_quote() {
        let plain = Reading::Plain;
        assert!(quoted(
            "Read \"The Mythical Man-Month\" first.",
            "Man-Month",
            plain
        ));
        assert!(quoted("Push to the “master” branch.", "master", plain));
        assert!(quoted(
            "She called it ‘crazy fast’, and it is.",
            "crazy",
            plain
        ));
        assert!(quoted(
            "She called it 'crazy fast', and it is.",
            "crazy",
            plain
        ));
        assert!(quoted(
            "Intro.\n\n> You guys are great, said one reader.",
            "You guys",
            Reading::Markdown
        ));
        assert!(!quoted("Hey guys, welcome!", "guys", plain));
        assert!(!quoted("It's Rust's crazy fast build.", "crazy", plain));
        // Closed before the match, or never closed: not a quotation.
        assert!(!quoted("\"Fast\" is a crazy claim.", "crazy", plain));
        assert!(!quoted("He said \"this is crazy and", "crazy", plain));
        // A quotation does not run into the next paragraph.
        assert!(!quoted(
            "He said \"hi.\n\nThis is crazy\" ok.",
            "crazy",
            Reading::Markdown
        ));
    }
}
