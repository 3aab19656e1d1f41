//! What a file says it intends: in-file directives (Markdown-rendered
//! posts) and front matter's scoped `allow` (every post), resolved to rule
//! and checklist handles once per file. A suppressed finding is kept aside,
//! not counted in scores or verdicts, and shown with `--show-suppressed`.

use crate::checklist::{RuleBook, Target};
use crate::finding::Finding;
use crate::input::document::directives::{self, Action, Directive};
use crate::input::document::{Document, Problem, Syntax};
use crate::span::Span;
use crate::text::post::Reading;

/// A rule, a checklist, or (`None`) every rule.
type Scope = Option<Target>;

#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    /// Byte ranges of the file where a scope is off, from directives, per
    /// scope. They apply only to posts read as Markdown: elsewhere the
    /// comment is text that gets published.
    regions: Vec<(Scope, Regions)>,
    /// Front matter `allow`: a scope off where its finding's text contains
    /// the text.
    allow: Vec<(Target, String)>,
}

impl Suppressions {
    /// Reads `doc`'s directives (Markdown files only) and front matter
    /// `allow`; a name that is no rule or checklist is a problem at its
    /// place, with "did you mean".
    pub fn of(book: &RuleBook, doc: &Document<'_>, mdx: bool, problems: &mut Vec<Problem>) -> Self {
        let mut out = Self::default();
        for a in &doc.front_matter.allow {
            match book.find(&a.rule) {
                Ok(target) => out.allow.push((target, a.text.clone())),
                Err(hint) => problems.push(unknown(&a.rule, a.span, hint)),
            }
        }
        if doc.syntax == Syntax::Markdown {
            let found = directives::scan(doc.source, doc.body, mdx, problems);
            out.regions = by_scope(regions(book, doc.source, &found, problems));
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty() && self.allow.is_empty()
    }

    /// Whether `f`, found in a post read as `reading`, is suppressed.
    pub fn suppresses(&self, book: &RuleBook, f: &Finding, source: &str, reading: Reading) -> bool {
        let covers = |t: &Target| match *t {
            Target::Rule(r) => r == f.rule,
            Target::Checklist(c) => c == book.rule(f.rule).checklist,
        };
        // A binary search per scope (a rule, its checklist, everything):
        // many directives and many findings stay linear.
        if reading == Reading::Markdown
            && self.regions.iter().any(|(scope, regions)| {
                scope.as_ref().is_none_or(covers) && regions.cover(f.span.start)
            })
        {
            return true;
        }
        let flagged = source.get(f.span.range()).unwrap_or("");
        self.allow
            .iter()
            .any(|(t, text)| covers(t) && flagged.contains(text.as_str()))
    }
}

/// Ranges of one scope, sorted by start, with the furthest end so far.
#[derive(Debug, Clone, Default)]
struct Regions {
    starts: Vec<usize>,
    furthest: Vec<usize>,
}

impl Regions {
    /// Whether a range starts at or before `at` and ends after it (an
    /// empty range covers its start).
    fn cover(&self, at: usize) -> bool {
        let n = self.starts.partition_point(|&s| s <= at);
        n > 0 && self.furthest[n - 1] > at
    }
}

fn by_scope(mut all: Vec<(Span, Scope)>) -> Vec<(Scope, Regions)> {
    all.sort_by_key(|(span, _)| (span.start, span.end));
    let mut out: Vec<(Scope, Regions)> = Vec::new();
    for (span, scope) in all {
        let i = match out.iter().position(|(s, _)| *s == scope) {
            Some(i) => i,
            None => {
                out.push((scope, Regions::default()));
                out.len() - 1
            }
        };
        let r = &mut out[i].1;
        let end = span.end.max(span.start + 1);
        let far = r.furthest.last().map_or(end, |&f| f.max(end));
        r.starts.push(span.start);
        r.furthest.push(far);
    }
    out
}

fn unknown(name: &str, span: Span, hint: String) -> Problem {
    Problem {
        span: Some(span),
        message: format!("cannot disable `{name}`: no such rule or checklist"),
        help: Some(hint),
    }
}

/// The ranges each directive switches off: `disable` to its `enable` (or
/// the end), `disable-next-line` the next line with text, `disable-file`
/// everything.
fn regions(
    book: &RuleBook,
    source: &str,
    found: &[Directive],
    problems: &mut Vec<Problem>,
) -> Vec<(Span, Scope)> {
    let mut regions = Vec::new();
    let mut open: Vec<(usize, Scope)> = Vec::new();
    for d in found {
        let mut scopes: Vec<Scope> = Vec::new();
        for n in &d.names {
            match book.find(&n.text) {
                Ok(t) => scopes.push(Some(t)),
                Err(hint) => problems.push(unknown(&n.text, n.span, hint)),
            }
        }
        if d.names.is_empty() {
            scopes.push(None);
        } else if scopes.is_empty() {
            // Every name was wrong: a problem, not "every rule".
            continue;
        }
        match d.action {
            Action::Disable => open.extend(scopes.into_iter().map(|s| (d.span.end, s))),
            Action::Enable => {
                let all = d.names.is_empty();
                open.retain(|(start, scope)| {
                    let ends = all || scopes.contains(scope);
                    if ends {
                        regions.push((Span::new(*start, d.span.start), *scope));
                    }
                    !ends
                });
            }
            Action::DisableNextLine => {
                if let Some(line) = next_line(source, d.span.end) {
                    regions.extend(scopes.into_iter().map(|s| (line, s)));
                }
            }
            Action::DisableFile => {
                regions.extend(scopes.into_iter().map(|s| (Span::new(0, source.len()), s)));
            }
        }
    }
    regions.extend(
        open.into_iter()
            .map(|(start, s)| (Span::new(start, source.len()), s)),
    );
    regions
}

/// The first line after the one `at` is on that is not blank.
fn next_line(source: &str, at: usize) -> Option<Span> {
    let mut start = at + source[at..].find('\n')? + 1;
    for line in source[start..].split_inclusive('\n') {
        let end = start + line.trim_end_matches(['\n', '\r']).len();
        if !line.trim().is_empty() {
            return Some(Span::new(start, end));
        }
        start += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_cover_their_starts_up_to_their_ends() {
        let scoped = by_scope(vec![
            (Span::new(10, 20), None),
            (Span::new(5, 8), None),
            (Span::new(30, 30), None),
        ]);
        let r = &scoped[0].1;
        let covered: Vec<usize> = (0..35).filter(|&at| r.cover(at)).collect();
        let expected: Vec<usize> = (5..8).chain(10..20).chain([30]).collect();
        assert_eq!(covered, expected);
    }

    #[test]
    fn the_next_line_skips_blank_lines() {
        let s = "<!-- x -->\n\n  \nThe line.\nAfter.";
        let line = next_line(s, 10).unwrap();
        assert_eq!(&s[line.range()], "The line.");
        assert_eq!(next_line("only <!-- x -->", 15), None);
        let crlf = "<!-- x -->\r\nThe line.\r\n";
        assert_eq!(&crlf[next_line(crlf, 10).unwrap().range()], "The line.");
    }
}
