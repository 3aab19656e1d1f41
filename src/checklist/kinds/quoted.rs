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
    // Blocks are in order and do not overlap.
    let i = post.blocks.partition_point(|b| b.span.start <= span.start);
    let Some(block) = i.checked_sub(1).map(|i| &post.blocks[i]) else {
        return false;
    };
    if !block.span.contains(span) {
        return false;
    }
    block.kind == BlockKind::Quote || post.quotations().contains(span)
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
