//! `spelling`: words the dictionary does not know (`check = "unknown"`),
//! and the team's vocabulary (`check = "vocabulary"`): words it rejects, and
//! its words written in another casing ("Github"). Two concerns, two rules,
//! one mechanism: the vocabulary that keeps a name from being a misspelling
//! is the one that says how to write it. The vocabulary's third list, the
//! team's jargon (`check = "jargon"`), flags terms readers may not know,
//! with the plain words to say instead when the list gives them.
//!
//! Jargon is matched as word lists are (whole words, white space inside a
//! term matching any white space; a term in lowercase in any casing, one
//! with a capital only as written), in prose a reader sees: not in code,
//! URLs, hashtags or mentions. A term the post explains is fine from there
//! on: "annual recurring revenue (ARR)" (the term alone in brackets after
//! what it means) or "ARR (annual recurring revenue)" (words in brackets
//! right after it, not just an abbreviation). Uses before the explanation
//! are still flagged; a reader meets them first.
//!
//! What is never a misspelling: hashtags, mentions, cashtags, URLs, code
//! (not words of kind `Word`, or hidden); words with digits, dots, `@` or
//! `_` (file names, e-mail, versions, handles); ALL-CAPS words (acronyms);
//! words with a capital inside (`TypeScript`: product names); one word in
//! quotes (a term being named); words the team accepts.
//!
//! Names and jargon, where a dictionary is weakest, decide whether a team
//! keeps this rule on. The policy keeps false alarms low and says so:
//! - a capitalised word the dictionary does not know is a name (people,
//!   places, products), mid-sentence or at a sentence start;
//! - a word the post uses twice or more is a term of the post (a tool, a
//!   handle, jargon), not a slip of the keyboard;
//! - a hyphenated compound whose parts are not all words is a name or an
//!   identifier (`rust-lang`, `a-mir-formality`);
//! - a word in the text of a Markdown link names what it links to (a
//!   person's handle, a project);
//! - in a paragraph where a quarter or more of the words (at least three)
//!   are unknown, they are a list of names (contributors to thank, tools to
//!   install), not typos;
//! - a post in `en` (no region) may use American or British spelling; only
//!   `en-US` or `en-GB` asks for one of them.
//!
//! The exception is a known common misspelling with one confident
//! correction ("Recieve", "teh"): it is flagged wherever it is, and its fix
//! is safe. Everything else the team accepts in its vocabulary.
//!
//! A team's own Hunspell dictionary (`[dictionaries]`) replaces the
//! embedded ones for posts in its language: its suggestions are guesses
//! (fixes to review), and the English tables of known misspellings do not
//! apply to it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use serde::Deserialize;

use super::api::{Compile, Emit, Input, SkipReason};
use super::case::match_case;
use super::matcher::Matcher;
use crate::checklist::template::Template;
use crate::error::LoadError;
use crate::fix::{Applicability, Fix};
use crate::input::document::BlockKind;
use crate::span::Span;
use crate::text::entities::EntityKind;
use crate::text::post::Post;
use crate::text::segment::WordKind;
use crate::text::spelling::Dictionary;
use crate::text::spelling::hunspell::{TeamDictionaries, TeamDictionary};
use crate::text::vocabulary::{Jargon, Verdict, Vocabulary};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpellCheck {
    /// Words neither the dictionary nor the team knows.
    Unknown,
    /// Words the team rejects, and its words in another casing.
    Vocabulary,
    /// The team's jargon: terms to explain or say plainly.
    Jargon,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    check: SpellCheck,
    /// Misspellings with one right spelling: a safe fix. The built-in
    /// dictionary has its own table; these add to it.
    #[serde(default)]
    corrections: BTreeMap<String, String>,
    /// For `unknown` and `jargon`: the message when there is nothing to
    /// suggest (the rule's `message` is used when there is).
    message_without_suggestion: Option<toml::Spanned<String>>,
    /// For `unknown`: how many suggestions `{suggestions}` lists.
    #[serde(default = "three")]
    max_suggestions: usize,
    /// Words this rule accepts besides the team's (for `vocabulary`: the
    /// casing of well-known names, such as "GitHub").
    #[serde(default)]
    accept: Vec<String>,
    /// For `vocabulary`: the message for a rejected word (the rule's
    /// `message` is for a casing).
    message_rejected: Option<toml::Spanned<String>>,
    /// For `jargon`: terms this rule flags besides the team's (`[vocabulary]
    /// jargon`), each written as a line of a jargon file: `"synergy =
    /// working together"`. The team's plain words for a term win.
    #[serde(default)]
    terms: Vec<String>,
    /// For `unknown`: a word the post uses this often is one of its terms.
    #[serde(default = "two")]
    term_uses: usize,
    /// For `unknown`: a paragraph with at least `name_list_words` unknown
    /// words making up `name_list_share` of its words is a list of names.
    #[serde(default = "three")]
    name_list_words: usize,
    #[serde(default = "quarter")]
    name_list_share: f64,
    /// For `unknown`: languages that capitalise every noun (German). A
    /// capital there does not make a word a name, so a capitalised word
    /// is flagged when a dictionary word one edit away exists.
    #[serde(default)]
    capitalized_nouns: Vec<String>,
}

fn two() -> usize {
    2
}

fn quarter() -> f64 {
    0.25
}

fn three() -> usize {
    3
}

/// `suggestion` is the best correction, `suggestions` up to
/// `max_suggestions` of them, quoted and comma-separated.
/// `{reason}`: a rejected word's reason from the team's file, as ": the
/// reason", or nothing.
pub const PLACEHOLDERS: &[&str] = &["match", "suggestion", "suggestions", "reason"];

pub struct Spelling {
    check: SpellCheck,
    corrections: HashMap<String, String>,
    without_suggestion: Option<Template>,
    rejected: Option<Template>,
    max_suggestions: usize,
    term_uses: usize,
    name_list_words: usize,
    name_list_share: f64,
    capitalized_nouns: Vec<String>,
    vocabulary: Arc<Vocabulary>,
    /// For `jargon`: the rule's terms and the team's, compiled.
    jargon: Option<Box<JargonList>>,
    /// The team's Hunspell dictionaries; they win over the embedded ones.
    team: Arc<TeamDictionaries>,
    /// Suggestions per distinct unknown word, for the whole run: the search
    /// costs far more than a lookup, and typos repeat across posts.
    cache: Mutex<HashMap<Box<str>, Arc<[Suggested]>>>,
    /// The same for team dictionaries, by their index and the word.
    team_cache: Mutex<HashMap<(usize, Box<str>), Cached>>,
}

/// A word's suggestions, shared by every post that has the word.
type Cached = Arc<[Suggested]>;

/// The dictionary a post is checked against.
#[derive(Clone, Copy)]
enum Dict<'a> {
    Embedded(&'static Dictionary),
    Team(usize, &'a TeamDictionary),
}

impl Dict<'_> {
    fn contains(self, word: &str) -> bool {
        match self {
            Dict::Embedded(d) => d.contains(word),
            Dict::Team(_, d) => d.contains(word),
        }
    }

    fn known_misspelling(self, word: &str) -> bool {
        match self {
            Dict::Embedded(d) => d.known_misspelling(word).is_some(),
            Dict::Team(..) => false,
        }
    }
}

#[derive(Debug, Clone)]
struct Suggested {
    word: String,
    confident: bool,
}

impl Spelling {
    pub fn compile(spec: Spec, cx: &Compile<'_>) -> Result<Self, LoadError> {
        let src = cx.src;
        let span = cx.span.clone();
        let resources = cx.resources;
        let template = |m: Option<toml::Spanned<String>>, key: &str, vars: &[&str]| {
            m.map(|m| {
                Template::parse(m.get_ref(), vars).map_err(|e| src.error(m.span(), e).with_key(key))
            })
            .transpose()
        };
        let without_suggestion = template(
            spec.message_without_suggestion,
            "message_without_suggestion",
            &["match"],
        )?;
        let rejected = template(
            spec.message_rejected,
            "message_rejected",
            &["match", "reason"],
        )?;
        let jargon = match spec.check {
            SpellCheck::Jargon => JargonList::compile(&spec.terms, cx)?.map(Box::new),
            _ => None,
        };
        // The rule's own words come first; the team's win where both speak.
        let vocabulary = if spec.accept.is_empty() {
            Arc::clone(&resources.vocabulary)
        } else {
            let mut own = Vocabulary::default();
            own.add_accepted(&spec.accept.join("\n"))
                .map_err(|e| src.error(span.clone(), e.message).with_key("accept"))?;
            Arc::new(own.merged_with(&resources.vocabulary))
        };
        Ok(Self {
            check: spec.check,
            corrections: spec
                .corrections
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect(),
            without_suggestion,
            rejected,
            max_suggestions: spec.max_suggestions.max(1),
            term_uses: spec.term_uses.max(1),
            name_list_words: spec.name_list_words.max(1),
            name_list_share: spec.name_list_share.clamp(0.0, 1.0),
            capitalized_nouns: spec.capitalized_nouns,
            vocabulary,
            jargon,
            team: Arc::clone(&resources.dictionaries),
            cache: Mutex::new(HashMap::new()),
            team_cache: Mutex::new(HashMap::new()),
        })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        let post = input.post;
        let dictionary = match self.check {
            SpellCheck::Unknown => match self
                .team
                .for_lang(&input.cx.lang)
                .map(|(i, d)| Dict::Team(i, d))
                .or_else(|| Dictionary::for_lang(&input.cx.lang).map(Dict::Embedded))
            {
                Some(d) => Some(d),
                None => {
                    if post.words.iter().any(|w| w.kind == WordKind::Word) {
                        emit.skip(SkipReason::NoDictionary(input.cx.lang));
                    }
                    return;
                }
            },
            SpellCheck::Vocabulary if self.vocabulary.is_empty() => return,
            SpellCheck::Vocabulary => None,
            SpellCheck::Jargon => {
                if let Some(jargon) = &self.jargon {
                    jargon.check(post, self.without_suggestion.as_ref(), emit);
                }
                return;
            }
        };
        // Words neither the team nor the dictionary knows, for a second look.
        let mut unknown: Vec<(Span, &str, bool)> = Vec::new();
        // `en` with no region accepts either spelling ("behaviour", "behavior").
        let other = (input.cx.lang.as_str() == "en"
            && matches!(dictionary, Some(Dict::Embedded(_))))
        .then(Dictionary::en_gb);
        for word in &post.words {
            if word.kind != WordKind::Word || post.is_hidden(word.span) {
                continue;
            }
            let text = post.slice(word.span);
            if !is_checkable(text)
                || super::quoted::between_marks(&post.text, word.span)
                || glued_to_code(post, word.span)
            {
                continue;
            }
            // A word the dictionary knows is no misspelling, whatever the
            // vocabulary says: ask the (cheaper, allocation-free)
            // dictionary first.
            if let Some(d) = dictionary
                && (d.contains(text) || other.is_some_and(|o| o.contains(text)))
            {
                continue;
            }
            match (self.check, self.vocabulary.verdict(text)) {
                (SpellCheck::Vocabulary, Verdict::Rejected) => {
                    let reason = self
                        .vocabulary
                        .reject_reason(text)
                        .map(|r| format!(": {r}"))
                        .unwrap_or_default();
                    let vars = [("match", text), ("suggestion", ""), ("reason", &reason)];
                    match &self.rejected {
                        Some(message) => emit.push_message(message, word.span, &vars, None),
                        None => emit.push(word.span, &vars, None, 1.0),
                    }
                }
                (SpellCheck::Vocabulary, Verdict::Casing(right)) => {
                    let fix = Fix::replace(word.span, right, Applicability::Safe);
                    emit.push(
                        word.span,
                        &[("match", text), ("suggestion", right)],
                        Some(fix),
                        1.0,
                    );
                }
                (SpellCheck::Unknown, Verdict::Unknown) => {
                    unknown.push((word.span, text, post.in_link_text(word.span)));
                }
                _ => {}
            }
        }
        let Some(dictionary) = dictionary else { return };
        // A CamelCase hashtag is words run together ("#ProductLaunch"): a
        // part that is a known misspelling ("#RecieveMore") is flagged, any
        // other unknown part is taken for a name, as a capitalised word is.
        for tag in post
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Hashtag)
        {
            for part in camel_case_parts(post.slice(tag.span)) {
                let span = Span::new(tag.span.start + part.start, tag.span.start + part.end);
                let text = post.slice(span);
                let known = dictionary.contains(text) || other.is_some_and(|o| o.contains(text));
                if !known && self.vocabulary.verdict(text) == Verdict::Unknown {
                    self.unknown(dictionary, text, span, true, false, emit);
                }
            }
        }
        if unknown.is_empty() {
            return;
        }
        // A word the post uses twice or more is one of its terms.
        let mut uses: HashMap<String, usize> = HashMap::new();
        for (_, text, _) in &unknown {
            *uses.entry(text.to_lowercase()).or_default() += 1;
        }
        let listy = self.name_lists(post, unknown.iter().map(|u| u.0));
        let nouns = self
            .capitalized_nouns
            .iter()
            .any(|l| l.eq_ignore_ascii_case(input.cx.lang.primary()));
        let code = code_words(post);
        for (span, text, linked) in unknown {
            let lower = text.to_lowercase();
            let term = linked
                || uses.get(&lower).is_some_and(|&n| n >= self.term_uses)
                || listy.iter().any(|b| b.contains(span))
                || code.contains(without_possessive(&lower));
            self.unknown(dictionary, text, span, term, nouns, emit);
        }
    }

    /// Reports one word the dictionary does not know, unless the policy in
    /// the module docs says it is a name or a term.
    fn unknown(
        &self,
        dictionary: Dict<'_>,
        text: &str,
        span: Span,
        term: bool,
        capitalized_nouns: bool,
        emit: &mut Emit<'_>,
    ) {
        // A known misspelling with one correction: the rule's own table
        // first (it adds to the embedded English one, so not for a team's).
        if let Dict::Embedded(_) = dictionary
            && let Some(right) = self.corrections.get(&text.to_lowercase())
        {
            let right = match_case(text, right);
            let fix = Fix::replace(span, right.clone(), Applicability::Safe);
            let quoted = format!("\"{right}\"");
            emit.push(
                span,
                &[
                    ("match", text),
                    ("suggestion", &right),
                    ("suggestions", &quoted),
                ],
                Some(fix),
                1.0,
            );
            return;
        }
        let capital = text.chars().next().is_some_and(char::is_uppercase);
        let name_like = term || (capital && !capitalized_nouns) || text.contains('-');
        if name_like && !dictionary.known_misspelling(text) {
            return;
        }
        let suggestions = self.suggestions(dictionary, text);
        // A capitalised noun ("Sytem") is a typo when a word one edit away
        // exists ("System"); anything further off is more likely a name.
        if capital
            && capitalized_nouns
            && !suggestions.first().is_some_and(|s| one_edit(text, &s.word))
        {
            return;
        }
        match suggestions.first() {
            Some(best) => {
                let applicability = if best.confident {
                    Applicability::Safe
                } else {
                    Applicability::Review
                };
                let fix = Fix::replace(span, best.word.clone(), applicability);
                let listed = suggestions
                    .iter()
                    .take(self.max_suggestions)
                    .map(|s| format!("\"{}\"", s.word))
                    .collect::<Vec<_>>()
                    .join(", ");
                emit.push(
                    span,
                    &[
                        ("match", text),
                        ("suggestion", &best.word),
                        ("suggestions", &listed),
                    ],
                    Some(fix),
                    1.0,
                );
            }
            None => match &self.without_suggestion {
                Some(message) => emit.push_message(message, span, &[("match", text)], None),
                None => emit.push(
                    span,
                    &[("match", text), ("suggestion", ""), ("suggestions", "")],
                    None,
                    1.0,
                ),
            },
        }
    }

    /// Paragraphs, and lists taken whole, so full of unknown words that
    /// they are lists of names (`name_list_words`, `name_list_share`): a
    /// release post's contributor list has one handle per item.
    fn name_lists(&self, post: &Post<'_>, unknown: impl Iterator<Item = Span>) -> Vec<Span> {
        let mut groups: Vec<Span> = Vec::new();
        let mut previous = None;
        for b in &post.blocks {
            match groups.last_mut() {
                Some(last)
                    if b.kind == BlockKind::ListItem && previous == Some(BlockKind::ListItem) =>
                {
                    last.end = b.span.end;
                }
                _ => groups.push(b.span),
            }
            previous = Some(b.kind);
        }
        let mut counts = vec![0usize; groups.len()];
        for span in unknown {
            let i = groups.partition_point(|g| g.end <= span.start);
            if let Some(n) = counts.get_mut(i) {
                *n += 1;
            }
        }
        groups
            .into_iter()
            .zip(counts)
            .filter(|(g, n)| {
                *n >= self.name_list_words
                    && *n as f64 >= self.name_list_share * post.words_in(*g).len() as f64
            })
            .map(|(g, _)| g)
            .collect()
    }

    fn suggestions(&self, dictionary: Dict<'_>, word: &str) -> Arc<[Suggested]> {
        let dictionary = match dictionary {
            Dict::Embedded(d) => d,
            Dict::Team(i, d) => return self.team_suggestions(i, d, word),
        };
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(word).cloned()) {
            return hit;
        }
        let found: Arc<[Suggested]> = dictionary
            .suggest(word, self.max_suggestions)
            .into_iter()
            .map(|s| Suggested {
                word: s.word,
                confident: s.confident,
            })
            .collect();
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(word.into(), Arc::clone(&found));
        }
        found
    }

    /// A team dictionary's suggestions: guesses, never confident.
    fn team_suggestions(&self, index: usize, d: &TeamDictionary, word: &str) -> Arc<[Suggested]> {
        let key = (index, Box::<str>::from(word));
        if let Some(hit) = self
            .team_cache
            .lock()
            .ok()
            .and_then(|c| c.get(&key).cloned())
        {
            return hit;
        }
        let found: Arc<[Suggested]> = d
            .suggest(word, self.max_suggestions)
            .into_iter()
            .map(|word| Suggested {
                word,
                confident: false,
            })
            .collect();
        if let Ok(mut cache) = self.team_cache.lock() {
            cache.insert(key, Arc::clone(&found));
        }
        found
    }
}

/// A `jargon` rule's terms: a matcher for the terms in lowercase (any
/// casing) and one for those with a capital (as written), and each term's
/// plain words by [`Jargon::key`].
struct JargonList {
    any_case: Option<Matcher>,
    exact: Option<Matcher>,
    plain: HashMap<String, Option<Box<str>>>,
}

impl JargonList {
    /// The rule's own `terms`, then the team's; `None` when there are none.
    fn compile(terms: &[String], cx: &Compile<'_>) -> Result<Option<Self>, LoadError> {
        let mut list = Vocabulary::default();
        for entry in terms {
            match Jargon::parse(entry) {
                Some(Ok(term)) => list.add_term(term),
                Some(Err(message)) => {
                    return Err(cx.src.error(cx.span.clone(), message).with_key("terms"));
                }
                None => {
                    return Err(cx
                        .src
                        .error(cx.span.clone(), "a blank term would match nothing")
                        .with_key("terms")
                        .with_hint("remove the empty entry"));
                }
            }
        }
        for term in cx.resources.vocabulary.jargon() {
            list.add_term(term.clone());
        }
        if list.jargon().is_empty() {
            return Ok(None);
        }
        let (exact, any_case): (Vec<&Jargon>, Vec<&Jargon>) =
            list.jargon().iter().partition(|j| j.exact());
        let matcher = |terms: &[&Jargon], ignore_case: bool| {
            if terms.is_empty() {
                return Ok(None);
            }
            let tokens: Vec<String> = terms.iter().map(|j| j.term.to_string()).collect();
            Matcher::compile(cx.src, cx.span.clone(), &tokens, &[], ignore_case)
                .map(Some)
                .map_err(|e| e.with_key("terms"))
        };
        Ok(Some(Self {
            any_case: matcher(&any_case, true)?,
            exact: matcher(&exact, false)?,
            plain: list
                .jargon()
                .iter()
                .map(|j| (j.key(), j.plain.clone()))
                .collect(),
        }))
    }

    fn check(&self, post: &Post<'_>, without_plain: Option<&Template>, emit: &mut Emit<'_>) {
        // (span, key, whether case matters), in order of position.
        let mut found: Vec<(Span, String, bool)> = Vec::new();
        for (matcher, exact) in [(&self.any_case, false), (&self.exact, true)] {
            let Some(matcher) = matcher else { continue };
            matcher.find_visible(post, post.span, |m| {
                if !in_entity(post, m) {
                    found.push((m, Jargon::key_of(post.slice(m), exact), exact));
                }
            });
        }
        found.sort_by_key(|(m, ..)| (m.start, std::cmp::Reverse(m.end)));
        // Where a term with a capital and one without overlap, the first
        // (and then longest) wins.
        let mut end = 0;
        found.retain(|(m, ..)| {
            let keep = m.start >= end;
            end = end.max(m.end);
            keep
        });
        let mut explained: HashSet<&str> = HashSet::new();
        for (span, key, exact) in &found {
            if explained.contains(key.as_str()) {
                continue;
            }
            if self.explains(post, *span) {
                explained.insert(key);
                continue;
            }
            let text = Jargon::key_of(post.slice(*span), true);
            let Some(Some(plain)) = self.plain.get(key) else {
                match without_plain {
                    Some(message) => emit.push_message(message, *span, &[("match", &text)], None),
                    None => emit.push(
                        *span,
                        &[("match", &text), ("suggestion", ""), ("suggestions", "")],
                        None,
                        1.0,
                    ),
                }
                continue;
            };
            let plain = if *exact {
                // "ARR grew" -> "Annual recurring revenue grew".
                if post.sentences.iter().any(|s| s.span.start == span.start) {
                    let mut chars = plain.chars();
                    chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect())
                        .unwrap_or_default()
                } else {
                    plain.to_string()
                }
            } else {
                match_case(&text, plain)
            };
            // A swap may change the meaning: a person looks first.
            let fix = Fix::replace(*span, plain.clone(), Applicability::Review);
            let quoted = format!("\"{plain}\"");
            emit.push(
                *span,
                &[
                    ("match", &text),
                    ("suggestion", &plain),
                    ("suggestions", &quoted),
                ],
                Some(fix),
                1.0,
            );
        }
    }

    /// Whether the post explains the term at `span` here: the term alone in
    /// brackets after what it means ("annual recurring revenue (ARR)"), or
    /// followed by words in brackets ("ARR (annual recurring revenue)")
    /// that are not just an abbreviation or another listed term.
    fn explains(&self, post: &Post<'_>, span: Span) -> bool {
        let text = &post.text;
        let before = text[post.span.start..span.start].trim_end_matches([' ', '\t']);
        let after = text[span.end..post.span.end].trim_start_matches([' ', '\t']);
        if let Some(head) = before.strip_suffix('(')
            && after.starts_with(')')
        {
            // What it means comes before the bracket.
            return head
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        }
        let Some(inside) = after
            .strip_prefix('(')
            .and_then(|rest| rest.split_once(')'))
            .map(|(inside, _)| inside.trim())
        else {
            return false;
        };
        if inside.contains('\n') || inside.contains('(') {
            return false;
        }
        let words: Vec<&str> = inside
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() > 1)
            .collect();
        // "north star metric (NSM)" introduces an abbreviation, and "(2024)"
        // or "($2M)" explain nothing.
        let abbreviation = words.len() == 1 && !words[0].chars().any(char::is_lowercase);
        let listed = self.plain.contains_key(&Jargon::key_of(inside, false))
            || self.plain.contains_key(&Jargon::key_of(inside, true));
        !words.is_empty() && !abbreviation && !listed
    }
}

/// Whether `span` overlaps a hashtag, mention or cashtag: a name, not prose.
fn in_entity(post: &Post<'_>, span: Span) -> bool {
    let first = post.entities.partition_point(|e| e.span.end <= span.start);
    post.entities[first..]
        .iter()
        .take_while(|e| e.span.start < span.end)
        .any(|e| e.kind != EntityKind::Url)
}

/// Words a dictionary can judge: letters (and apostrophes, hyphens), not
/// acronyms, not names with inner capitals, not file names or handles.
fn is_checkable(word: &str) -> bool {
    let mut letters = 0;
    for (i, c) in word.char_indices() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() && i > 0 {
                // "TypeScript", "iPhone", and ALL CAPS: a name or an acronym.
                return false;
            }
        } else if !matches!(c, '\'' | '’' | '-') {
            return false;
        }
    }
    // Single letters are list markers, variables, initials.
    letters > 1
}

/// The identifiers a post writes as code, inline or in blocks, in lowercase:
/// "rustup" in `rustup update` makes "rustup" in prose one of its terms,
/// not a typo.
fn code_words(post: &Post<'_>) -> HashSet<String> {
    let mut words = HashSet::new();
    for span in post.code.iter().chain(&post.code_blocks) {
        let code = &post.source[span.range()];
        for token in code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')) {
            let token = token.trim_matches('-');
            if token.chars().any(char::is_alphabetic) && !words.contains(token) {
                words.insert(token.to_lowercase());
            }
        }
    }
    words
}

/// "`match`ing", "`await`-ed": a suffix written onto inline code is part
/// of the code word.
fn glued_to_code(post: &Post<'_>, word: Span) -> bool {
    let i = post.code.partition_point(|c| c.end <= word.start);
    i.checked_sub(1).is_some_and(|i| {
        let gap = &post.source[post.code[i].end..word.start];
        gap.is_empty() || gap == "-"
    })
}

/// Whether `a` becomes `b` by one inserted, deleted or replaced letter,
/// or two neighbours swapped.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (left, right) = (a.len() - prefix - suffix, b.len() - prefix - suffix);
    let swapped =
        left == 2 && right == 2 && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix];
    (left <= 1 && right <= 1 && a != b) || swapped
}

/// The words of a CamelCase hashtag ("#WorkFromHome": Work, From, Home),
/// as byte ranges of `tag`; none for a hashtag in one case ("#rustlang",
/// "#AI") or a part in capitals or shorter than three letters.
fn camel_case_parts(tag: &str) -> Vec<std::ops::Range<usize>> {
    let mut parts = Vec::new();
    let chars: Vec<char> = tag.chars().collect();
    let camel = chars
        .windows(2)
        .any(|w| (w[0].is_lowercase() || w[0].is_numeric()) && w[1].is_uppercase());
    if !camel {
        return parts;
    }
    let mut start = None;
    let mut previous: Option<char> = None;
    let close = |start: Option<usize>, end: usize, parts: &mut Vec<_>| {
        if let Some(s) = start {
            let part: &str = &tag[s..end];
            if part.chars().count() >= 3 && part.chars().any(char::is_lowercase) {
                parts.push(s..end);
            }
        }
    };
    for (i, c) in tag.char_indices() {
        if !c.is_alphabetic() {
            close(start.take(), i, &mut parts);
        } else if start.is_none() || (c.is_uppercase() && previous.is_some_and(char::is_lowercase))
        {
            close(start.take(), i, &mut parts);
            start = Some(i);
        }
        previous = Some(c);
    }
    close(start, tag.len(), &mut parts);
    parts
}

fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use crate::checklist::kinds::api::Resources;
    use crate::checklist::{ChecklistSource, RuleBook};
    use crate::engine::Engine;
    use crate::profile::channel::Channels;

    #[test]
    fn camel_case_hashtags_split_into_words() {
        let parts = |tag: &str| -> Vec<String> {
            super::camel_case_parts(tag)
                .into_iter()
                .map(|r| tag[r].to_owned())
                .collect()
        };
        assert_eq!(parts("#WorkFromHome"), ["Work", "From", "Home"]);
        assert_eq!(parts("#RecieveMore2025"), ["Recieve", "More"]);
        assert_eq!(parts("#iPhoneLaunch"), ["Phone", "Launch"]);
        assert!(parts("#rustlang").is_empty());
        assert!(parts("#AI").is_empty());
        assert!(
            parts("#Launch").is_empty(),
            "one word: the dictionary never sees it"
        );
    }

    #[test]
    fn one_edit_means_one_letter_or_one_swap() {
        use super::one_edit;
        for (a, b) in [
            ("Sytem", "System"),
            ("Anwendnug", "Anwendung"),
            ("Hauss", "Haus"),
            ("Bäcker", "Becker"),
        ] {
            assert!(one_edit(a, b), "{a} {b}");
        }
        for (a, b) in [("Kowalczyk", "Kowalski"), ("Haus", "Haus"), ("Abc", "Acbd")] {
            assert!(!one_edit(a, b), "{a} {b}");
        }
    }
    use crate::text::vocabulary::Vocabulary;
    use std::sync::Arc;

    const RULES: &str = r#"
[checklist]
id = "sp"
title = "Spelling"
description = "d"

[[rule]]
id = "unknown"
kind = "spelling"
check = "unknown"
severity = "warning"
message = "{match} -> {suggestion}"
message_without_suggestion = "{match} unknown"
corrections = { "teh" = "the" }

[[rule]]
id = "vocabulary"
kind = "spelling"
check = "vocabulary"
severity = "warning"
message = "{match} -> {suggestion}"
message_rejected = "{match} rejected"
accept = ["LinkedIn"]
"#;

    fn engine(accept: &str, reject: &str) -> Engine {
        let mut vocabulary = Vocabulary::default();
        vocabulary.add_accepted(accept).unwrap();
        vocabulary.add_rejected(reject).unwrap();
        with_resources(Resources {
            vocabulary: Arc::new(vocabulary),
            ..Resources::default()
        })
    }

    /// The test rules, compiled with `resources`.
    fn with_resources(resources: Resources) -> Engine {
        let source = ChecklistSource {
            file: "sp.toml".into(),
            text: RULES.into(),
        };
        let book =
            RuleBook::load(&[source], None, &Channels::built_in().unwrap(), &resources).unwrap();
        Engine::with_book(book).unwrap()
    }

    /// (matched text, message, fix is safe) of every finding.
    fn found(e: &Engine, text: &str) -> Vec<(String, String, Option<bool>)> {
        let r = e.check_source(None, "t".into(), text.into());
        r.posts
            .iter()
            .flat_map(|p| &p.findings)
            .map(|f| {
                (
                    r.source[f.span.range()].to_owned(),
                    f.message.clone(),
                    f.fix.as_ref().map(|x| x.is_safe()),
                )
            })
            .collect()
    }

    fn words(e: &Engine, text: &str) -> Vec<String> {
        found(e, text).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn typos_are_found_with_inflections_and_known_ones_fixed_safely() {
        let e = engine("", "");
        let f = found(&e, "We recieved teh parcel and are recieving more.");
        assert_eq!(f[0].0, "recieved");
        assert_eq!(f[0].1, "recieved -> received");
        assert_eq!(f[0].2, Some(true), "a known misspelling: safe");
        assert_eq!(f[1], ("teh".into(), "teh -> the".into(), Some(true)));
        assert_eq!(f[2].0, "recieving");
        assert_eq!(f.len(), 3);
    }

    #[test]
    fn a_typo_without_a_table_entry_gets_a_reviewed_suggestion() {
        let e = engine("", "");
        let typo = "greatt";
        assert!(
            crate::text::spelling::Dictionary::en_us()
                .known_misspelling(typo)
                .is_none()
        );
        let f = found(&e, "Our new dashboard is greatt.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "greatt -> great");
        assert_eq!(f[0].2, Some(false), "a guess: review");
        let f = found(&e, "It was qzxwvk today.");
        assert_eq!(f, [("qzxwvk".into(), "qzxwvk unknown".into(), None)]);
    }

    #[test]
    fn entities_code_acronyms_and_identifiers_are_not_words() {
        let e = engine("", "");
        for text in [
            "See #launchdayy and @postlintt at https://example.com/recieve today.",
            "Ship v2 of the API, the SDKK and config.toml to bob@example.com now.",
            "We use TypeScript and GraphQL here.",
            "Run the \"fooify\" step, then the 'barify' one.",
            "Our 10GB plan is 3x faster.",
        ] {
            assert_eq!(words(&e, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn names_and_terms_stay_quiet_unless_they_are_known_misspellings() {
        let e = engine("", "");
        assert!(
            words(&e, "We met Jonathan Smithers in Helsinki.").is_empty(),
            "names"
        );
        assert!(
            words(&e, "Kowalczyk joined today.").is_empty(),
            "a name opening a sentence"
        );
        assert!(
            words(&e, "Install rustup, then run rustup update.").is_empty(),
            "a term used twice"
        );
        assert!(
            words(&e, "Star the rust-lang repository.").is_empty(),
            "hyphenated identifier"
        );
        assert_eq!(
            words(&e, "Recieved with thanks."),
            ["Recieved"],
            "a known misspelling, capitalised"
        );
        assert_eq!(
            words(&e, "Install rustupp."),
            ["rustupp"],
            "lowercase, once: checked"
        );
    }

    #[test]
    fn british_and_american_spelling_by_language() {
        let e = engine("", "");
        let text =
            |lang: &str| format!("---\nlang: {lang}\n---\nThe colour of the behavior was odd.\n");
        assert!(words(&e, &text("en")).is_empty(), "plain en accepts both");
        assert_eq!(words(&e, &text("en-US")), ["colour"]);
        assert_eq!(words(&e, &text("en-GB")), ["behavior"]);
    }

    #[test]
    fn other_languages_are_skipped_and_the_post_says_so() {
        let e = engine("", "");
        let r = e.check_source(
            None,
            "t".into(),
            "---\nlang: fi\n---\nTervetuloa kaikki.\n".into(),
        );
        assert!(r.posts[0].findings.is_empty());
        assert_eq!(r.posts[0].skipped.len(), 1);
    }

    #[test]
    fn a_team_dictionary_wins_for_its_language_with_reviewed_guesses() {
        use crate::text::lang::LangTag;
        use crate::text::spelling::hunspell::{TeamDictionaries, TeamDictionary};
        let mut team = TeamDictionaries::default();
        for (tag, dic) in [
            ("de", "5\nwir\nhaben\ndas\nneue\ngebaut\n"),
            ("en-US", "3\nthe\ncolour\nwas\n"),
        ] {
            let tag = LangTag::parse(tag).unwrap();
            team.insert(TeamDictionary::parse(tag, "SET UTF-8\nTRY abehn\n", dic).unwrap());
        }
        let e = with_resources(Resources {
            dictionaries: Arc::new(team),
            ..Resources::default()
        });
        let post = |lang: &str, body: &str| format!("---\nlang: {lang}\n---\n{body}\n");
        let f = found(&e, &post("de-AT", "Wir habben das neue gebaut."));
        assert_eq!(
            f,
            [("habben".into(), "habben -> haben".into(), Some(false))]
        );
        assert!(found(&e, &post("de", "Wir haben das neue gebaut.")).is_empty());
        assert_eq!(
            words(&e, &post("en-US", "The colour was fine.")),
            ["fine"],
            "the team's en-US replaces the embedded one"
        );
        assert_eq!(
            words(&e, &post("en-GB", "The color was fine.")),
            ["color"],
            "en-GB keeps the embedded dictionary"
        );
    }

    #[test]
    fn the_vocabulary_accepts_rejects_and_corrects_casing() {
        let e = engine("Postlint\nonboarding\nkubectl\n", "synergy\n");
        assert!(words(&e, "Our onboarding uses kubectl with Postlint.").is_empty());
        let f = found(&e, "Github users love postlint and synergy on Linkedin.");
        let got: Vec<(&str, &str)> = f.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            got,
            [
                ("postlint", "postlint -> Postlint"),
                ("synergy", "synergy rejected"),
                ("Linkedin", "Linkedin -> LinkedIn"),
            ]
        );
        assert!(
            f.iter()
                .filter(|x| x.1.contains("->"))
                .all(|x| x.2 == Some(true)),
            "casing fixes are safe"
        );
        assert!(
            words(&e, "POSTLINT AND LINKEDIN").is_empty(),
            "all caps passes"
        );
    }
}

#[cfg(test)]
mod jargon_tests {
    use crate::checklist::kinds::api::Resources;
    use crate::checklist::{ChecklistSource, RuleBook};
    use crate::engine::Engine;
    use crate::profile::channel::Channels;
    use crate::text::vocabulary::Vocabulary;
    use std::sync::Arc;

    /// A jargon rule with `terms` of its own, and the team's `list`.
    fn engine(terms: &str, list: &str) -> Engine {
        let rules = format!(
            r#"
[checklist]
id = "sp"
title = "Spelling"
description = "d"

[[rule]]
id = "jargon"
kind = "spelling"
check = "jargon"
severity = "suggestion"
message = "{{match}} -> {{suggestion}}"
message_without_suggestion = "{{match}}?"
terms = [{terms}]
"#
        );
        let mut vocabulary = Vocabulary::default();
        vocabulary.add_jargon(list).unwrap();
        let resources = Resources {
            vocabulary: Arc::new(vocabulary),
            ..Resources::default()
        };
        let source = ChecklistSource {
            file: "sp.toml".into(),
            text: rules,
        };
        let book =
            RuleBook::load(&[source], None, &Channels::built_in().unwrap(), &resources).unwrap();
        Engine::with_book(book).unwrap()
    }

    /// A finding's matched text, message, and fix (replacement, safe).
    type Found = (String, String, Option<(String, bool)>);

    fn found(e: &Engine, text: &str) -> Vec<Found> {
        let r = e.check_source(None, "t".into(), text.into());
        r.posts
            .iter()
            .flat_map(|p| &p.findings)
            .map(|f| {
                (
                    r.source[f.span.range()].to_owned(),
                    f.message.clone(),
                    f.fix
                        .as_ref()
                        .map(|x| (x.edits[0].replacement.clone(), x.is_safe())),
                )
            })
            .collect()
    }

    fn matched(e: &Engine, text: &str) -> Vec<String> {
        found(e, text).into_iter().map(|f| f.0).collect()
    }

    const TEAM: &str = "ARR = annual recurring revenue\nsynergy = working together\nnorth star metric\nProject Nimbus\n";

    #[test]
    fn terms_match_whole_words_with_their_plain_words_as_a_reviewed_fix() {
        let e = engine("", TEAM);
        let f = found(&e, "We want synergy, not synergyy or asynergy.");
        assert_eq!(
            f,
            [(
                "synergy".into(),
                "synergy -> working together".into(),
                Some(("working together".into(), false))
            )]
        );
        let f = found(&e, "Our north star metric is up.");
        assert_eq!(
            f,
            [(
                "north star metric".into(),
                "north star metric?".into(),
                None
            )]
        );
    }

    #[test]
    fn lowercase_terms_match_any_casing_and_keep_it_in_the_fix() {
        let e = engine("", TEAM);
        let f = found(&e, "Synergy first. SYNERGY always.");
        let fixes: Vec<String> = f.into_iter().filter_map(|x| x.2).map(|x| x.0).collect();
        assert_eq!(fixes, ["Working together", "WORKING TOGETHER"]);
        assert_eq!(matched(&e, "The North Star Metric."), ["North Star Metric"]);
    }

    #[test]
    fn terms_with_a_capital_match_only_as_written() {
        let e = engine("", TEAM);
        assert!(matched(&e, "Arr, matey: the arr sound.").is_empty());
        assert!(matched(&e, "A project nimbus cloud.").is_empty());
        assert_eq!(matched(&e, "Project Nimbus ships."), ["Project Nimbus"]);
        let f = found(&e, "ARR grew. Our ARR is up.");
        let fixes: Vec<String> = f.into_iter().filter_map(|x| x.2).map(|x| x.0).collect();
        assert_eq!(
            fixes,
            ["Annual recurring revenue", "annual recurring revenue"],
            "capitalised at the start of a sentence"
        );
    }

    #[test]
    fn phrases_match_across_white_space_and_line_breaks() {
        let e = engine("", TEAM);
        let text = "Our north  star\nmetric grew.";
        let f = found(&e, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "north  star\nmetric");
        assert_eq!(f[0].1, "north star metric?", "the message squeezes it");
    }

    #[test]
    fn every_use_is_flagged_until_the_post_explains_the_term() {
        let e = engine("", TEAM);
        assert_eq!(
            matched(&e, "ARR grew. ARR is up. ARR!"),
            ["ARR", "ARR", "ARR"]
        );
        assert_eq!(
            matched(
                &e,
                "ARR first. Then annual recurring revenue (ARR) grew, and ARR is up."
            ),
            ["ARR"],
            "before the explanation only"
        );
        assert!(matched(&e, "ARR (annual recurring revenue) grew; ARR is up.").is_empty());
        assert!(
            matched(
                &e,
                "Our north star metric (the one number we track) and north star metric."
            )
            .is_empty()
        );
        assert_eq!(
            matched(&e, "Our north star metric (NSM) grew."),
            ["north star metric"],
            "an abbreviation explains nothing"
        );
        assert_eq!(
            matched(&e, "ARR ($2M) and ARR (2024)."),
            ["ARR", "ARR"],
            "numbers explain nothing"
        );
        assert_eq!(
            matched(&e, "Our synergy (ARR) grew."),
            ["synergy"],
            "another term in brackets explains nothing; ARR after a word is explained"
        );
    }

    #[test]
    fn code_urls_hashtags_and_mentions_are_not_prose() {
        let e = engine("", TEAM);
        assert!(
            matched(
                &e,
                "See #ARR and @synergy at https://example.com/synergy today."
            )
            .is_empty()
        );
        let md = "---\nchannel: blog\n---\nRun `synergy --check` now.\n";
        assert!(matched(&e, md).is_empty());
    }

    #[test]
    fn the_rules_terms_add_to_the_teams_and_the_team_wins() {
        let e = engine(r#""synergy = teamwork", "touch base = talk""#, TEAM);
        let f = found(&e, "Touch base about synergy.");
        let messages: Vec<&str> = f.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            messages,
            ["Touch base -> Talk", "synergy -> working together"]
        );
        let none = engine("", "");
        assert!(
            matched(&none, "Synergy and ARR.").is_empty(),
            "no terms, no findings"
        );
    }

    #[test]
    fn a_bad_rule_term_is_a_load_error() {
        let rules = r#"
[checklist]
id = "sp"
title = "Spelling"
description = "d"

[[rule]]
id = "jargon"
kind = "spelling"
check = "jargon"
severity = "suggestion"
message = "{match}"
terms = ["synergy ="]
"#;
        let source = ChecklistSource {
            file: "sp.toml".into(),
            text: rules.into(),
        };
        let err = RuleBook::load(
            &[source],
            None,
            &Channels::built_in().unwrap(),
            &Resources::default(),
        )
        .err()
        .expect("refused");
        assert_eq!(err.key.as_deref(), Some("terms"));
        assert!(err.message.contains("nothing after"), "{}", err.message);
    }
}
