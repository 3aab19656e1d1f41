//! `article`: "a" or "an" by the sound of the next word, not its spelling
//! ("an hour", "a university", "an FBI agent", "a one-off", "an 8-week
//! course"). How words sound is `text::pronounce`'s business (the CMU
//! Pronouncing Dictionary); this kind finds the articles.
//!
//! Precision first: an article is a word of its own ("cp -a" is a flag)
//! followed, after spaces, by a word; a word said two ways ("SQL", "herb",
//! "historic", "NASA") or unknown is never reported. "A" inside a sentence
//! is the letter ("Vitamin A", "Plan A") unless the sentence is shouted,
//! and the checklist's word lists catch the letter "a" ("the letter a",
//! "a and b").

use std::collections::HashSet;

use serde::Deserialize;

use super::api::{Compile, Emit, Input};
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};
use crate::span::Span;
use crate::text::post::Post;
use crate::text::pronounce::{self, FirstSound};
use crate::text::segment::{MAX_KEY_LEN, WordKind, lower_key, normalize_key};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Words after which "a" is the letter: "the letter a", "vitamin a".
    #[serde(default)]
    letter_after: Vec<String>,
    /// Words that do not follow an article, so an "a" before them is the
    /// letter or a variable: "a and b", "a is 1".
    #[serde(default)]
    not_before: Vec<String>,
}

pub const PLACEHOLDERS: &[&str] = &["match", "suggestion", "word", "sound"];

pub struct Article {
    letter_after: HashSet<Box<str>>,
    not_before: HashSet<Box<str>>,
}

/// One article that does not fit the sound after it.
#[derive(Debug, PartialEq)]
struct Wrong<'p> {
    span: Span,
    article: &'p str,
    suggestion: &'static str,
    word: &'p str,
    sound: FirstSound,
}

impl Article {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let src = cx.src;
        let span = cx.span.clone();
        let set = |key: &str, words: Vec<String>| {
            words
                .into_iter()
                .map(|w| {
                    let w = normalize_key(&w);
                    if w.is_empty() || w.len() > MAX_KEY_LEN || w.contains(char::is_whitespace) {
                        Err(src
                            .error(
                                span.clone(),
                                format!(
                                    "`{key}` holds single words of at most {MAX_KEY_LEN} letters"
                                ),
                            )
                            .with_key(key))
                    } else {
                        Ok(w.into_boxed_str())
                    }
                })
                .collect::<Result<HashSet<_>, _>>()
        };
        Ok(Self {
            letter_after: set("letter_after", spec.letter_after)?,
            not_before: set("not_before", spec.not_before)?,
        })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        for unit in post.units(input.scope) {
            self.each_wrong(post, unit, |w| {
                let sound = match w.sound {
                    FirstSound::Vowel => "vowel",
                    _ => "consonant",
                };
                let fix = Fix::replace(w.span, w.suggestion, Applicability::Safe);
                emit.push(
                    w.span,
                    &[
                        ("match", w.article),
                        ("suggestion", w.suggestion),
                        ("word", w.word),
                        ("sound", sound),
                    ],
                    Some(fix),
                    1.0,
                );
            });
        }
    }

    fn each_wrong<'p>(&self, post: &'p Post<'_>, unit: Span, mut f: impl FnMut(Wrong<'p>)) {
        for sentence in post.sentences_in(unit) {
            let words = &post.words[sentence.words.clone()];
            for (i, pair) in words.windows(2).enumerate() {
                let (art, next) = (pair[0], pair[1]);
                if art.kind != WordKind::Word {
                    continue;
                }
                let article = post.slice(art.span);
                let prev = i.checked_sub(1).map(|p| words[p]);
                // "A" inside a sentence is the letter, unless the sentence
                // is shouted ("IT TOOK A HOUR").
                let shouted = || prev.is_some_and(|p| is_shouted(post.slice(p.span)));
                let wants_vowel = match article {
                    "a" => false,
                    "A" if i == 0 || shouted() => false,
                    "an" | "An" | "AN" => true,
                    _ => continue,
                };
                // "cp -a", "a/b", "x.a": glued to something, not an article.
                let before = post.text[..art.span.start].chars().next_back();
                if before.is_some_and(|c| !c.is_whitespace() && !OPENERS.contains(c))
                    || !matches!(next.kind, WordKind::Word | WordKind::Number)
                    || post.is_hidden(art.span)
                    || post.is_hidden(next.span)
                    || !plain_gap(&post.text[art.span.end..next.span.start])
                {
                    continue;
                }
                let word = post.slice(next.span);
                // A lone lowercase letter after "a" is a variable or a list
                // ("a b c"); a function word means "a" is no article.
                if (word.len() == 1 && word.as_bytes()[0].is_ascii_lowercase())
                    || (word.starts_with(|c: char| c.is_lowercase())
                        && in_set(&self.not_before, word))
                {
                    continue;
                }
                if article == "a"
                    && let Some(prev) = prev
                    && post.text[prev.span.end..art.span.start]
                        .chars()
                        .all(char::is_whitespace)
                    && in_set(&self.letter_after, post.slice(prev.span))
                {
                    continue;
                }
                let sound = match pronounce::first_sound(word) {
                    Some(s @ (FirstSound::Vowel | FirstSound::Consonant)) => s,
                    _ => continue,
                };
                if (sound == FirstSound::Vowel) == wants_vowel {
                    continue;
                }
                f(Wrong {
                    span: art.span,
                    article,
                    suggestion: if article == "A" && i > 0 {
                        "AN"
                    } else {
                        swap(article)
                    },
                    word,
                    sound,
                });
            }
        }
    }
}

/// What may come right before an article: a quote, a bracket, emphasis.
const OPENERS: &str = "\"“‘'(*_[";

/// Between an article and its word: spaces (a line break at most once),
/// then perhaps an opening quote or emphasis ("an “honest” mistake").
fn plain_gap(gap: &str) -> bool {
    let rest = gap.trim_start();
    rest.len() < gap.len()
        && gap.matches('\n').count() <= 1
        && rest.chars().count() <= 2
        && rest
            .chars()
            .all(|c| matches!(c, '"' | '“' | '‘' | '\'' | '*' | '_'))
}

/// The other article, in the case of the one written.
fn swap(article: &str) -> &'static str {
    match article {
        "a" => "an",
        "A" => "An",
        "an" => "a",
        "An" => "A",
        _ => "A", // "AN"
    }
}

/// "TOOK", "GET": a word of two or more letters, all capitals.
fn is_shouted(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

fn in_set(set: &HashSet<Box<str>>, word: &str) -> bool {
    let mut buf = [0u8; MAX_KEY_LEN];
    lower_key(word, &mut buf).is_some_and(|k| set.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::kinds::api::Resources;
    use crate::schema::Source;
    use crate::text::post::{Reading, Scope};

    fn rule() -> Article {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect();
        let src = Source {
            file: "t",
            text: "",
        };
        let spec = Spec {
            letter_after: words(&["letter", "vitamin", "option"]),
            not_before: words(&["and", "or", "is", "to"]),
        };
        let resources = Resources::default();
        let cx = Compile {
            scope: Scope::Post,
            src,
            span: 0..0,
            resources: &resources,
        };
        Article::compile(spec, &cx).unwrap()
    }

    /// The fixed text, or `None` when nothing is reported.
    fn fixed(text: &str, reading: Reading) -> Option<String> {
        let post = Post::build(text, Span::new(0, text.len()), reading, 0, 1);
        let mut out = text.to_owned();
        let mut wrong = Vec::new();
        rule().each_wrong(&post, post.span, |w| wrong.push((w.span, w.suggestion)));
        for (span, suggestion) in wrong.iter().rev() {
            out.replace_range(span.range(), suggestion);
        }
        (!wrong.is_empty()).then_some(out)
    }

    fn assert_fixes(cases: &[(&str, &str)]) {
        for (bad, good) in cases {
            assert_eq!(
                fixed(bad, Reading::Plain).as_deref(),
                Some(*good),
                "{bad:?}"
            );
            assert_eq!(fixed(good, Reading::Plain), None, "{good:?} must pass");
        }
    }

    #[test]
    fn articles_follow_the_sound() {
        assert_fixes(&[
            ("It took a hour.", "It took an hour."),
            (
                "She studies at an university.",
                "She studies at a university.",
            ),
            ("He has a MBA.", "He has an MBA."),
            (
                "Read a FAQ first? No: a FBI agent.",
                "Read a FAQ first? No: an FBI agent.",
            ),
            ("It was an one-off.", "It was a one-off."),
            ("Join a 8-week course.", "Join an 8-week course."),
            ("Book a 11-day trip.", "Book an 11-day trip."),
            ("Open a HTML page.", "Open an HTML page."),
            ("Train a LLM.", "Train an LLM."),
            ("Meet an European.", "Meet a European."),
            ("He is a honest man.", "He is an honest man."),
            ("I saw an unicorn.", "I saw a unicorn."),
            ("Get a X-ray.", "Get an X-ray."),
            ("Give an eulogy.", "Give a eulogy."),
            ("She is a 18-year-old.", "She is an 18-year-old."),
            ("Roll an 1.", "Roll a 1."),
            ("It has a 80s feel.", "It has an 80s feel."),
            ("It costs a $8 fee.", "It costs an $8 fee."),
            ("Use an USB stick.", "Use a USB stick."),
            ("Ship a SDK.", "Ship an SDK."),
            ("Take an user survey.", "Take a user survey."),
            ("Buy a iPhone.", "Buy an iPhone."),
            ("Open an GitHub issue.", "Open a GitHub issue."),
            ("Write a RFC.", "Write an RFC."),
            ("A hour passed.", "An hour passed."),
            ("An unicorn appeared.", "A unicorn appeared."),
            ("IT TOOK A HOUR.", "IT TOOK AN HOUR."),
            ("AN USER WROTE.", "A USER WROTE."),
            ("Say it in a “honest” way.", "Say it in an “honest” way."),
            ("This is a\nhour of work.", "This is an\nhour of work."),
        ]);
    }

    #[test]
    fn right_articles_pass() {
        for good in [
            "an hour, a university, an MBA, a URL, an FAQ, a one-off",
            "an HTML page, an LLM, a European, an honest man, a unicorn",
            "an X-ray, a eulogy, an SQL query, a SQL query, an 18, a 1, an 80s",
            "an FBI agent, a NASA mission, a NATO summit, an 8 am call",
            "a historic day, an historic day, a herb, an herb, a hotel",
            "a US company, an 1800s house, a 1800s house, a user, a one",
        ] {
            assert_eq!(fixed(good, Reading::Plain), None, "{good:?}");
        }
    }

    #[test]
    fn letters_code_and_lists_are_not_articles() {
        for text in [
            "Take Vitamin A every day.",
            "Plan A is the way.",
            "Series A investors came.",
            "The letter a usually comes first.",
            "Pick option a if unsure.",
            "a) first item\nb) second item",
            "(a) first (b) second",
            "Let a and b be numbers.",
            "If a is zero, stop.",
            "Vowels: a e i o u.",
            "A/B tests are cheap.",
            "Visit https://example.com/a-hour for a hourly plan",
            "a #hour tag and a @unicorn",
            "a\n\nhour",
            "a, hour",
            "We need a... hour",
            "a nvim plugin, an nvim plugin",
            "Run cp -a often. Use x/a hour.",
        ] {
            let got = fixed(text, Reading::Plain);
            let hourly = text
                .contains("a hourly")
                .then(|| text.replace("a hourly", "an hourly"));
            assert_eq!(got, hourly, "{text:?}");
        }
    }

    #[test]
    fn code_and_markup_in_markdown() {
        let md = Reading::Markdown;
        assert_eq!(fixed("Call `a` hour later.", md), None);
        assert_eq!(fixed("Call a `hour` later.", md), None);
        assert_eq!(
            fixed("It is a *honest* mistake.", md).as_deref(),
            Some("It is an *honest* mistake.")
        );
        assert_eq!(fixed("```\na hour\n```\n", md), None);
        assert_eq!(
            fixed("# A Hour of Code\n", md).as_deref(),
            Some("# An Hour of Code\n")
        );
    }

    #[test]
    fn the_suggestion_keeps_the_case() {
        assert_eq!(swap("a"), "an");
        assert_eq!(swap("A"), "An");
        assert_eq!(swap("an"), "a");
        assert_eq!(swap("An"), "A");
        assert_eq!(swap("AN"), "A");
    }
}
