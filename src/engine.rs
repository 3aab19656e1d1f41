//! Checks one file: resolves its settings (channel, audience, checklists),
//! splits it into posts, runs the compiled rules, scores each post.
//! Pure: no printing; I/O only to read the file it is given.

use std::path::Path;

use crate::audience::{Audience, Audiences, DEFAULT_AUDIENCE};
use crate::channel::{ChannelProfile, Channels, DEFAULT_CHANNEL};
use crate::checklist::{ChecklistSource, RuleBook};
use crate::config::{Config, FailOn};
use crate::document::{self, Document, FrontMatter, Syntax};
use crate::error::LoadError;
use crate::finding::{Finding, Severity};
use crate::post::{Post, Reading, Thread, reading_for};
use crate::rule::{Context, Emit, Input};
use crate::score::{PostScore, Scoring, score, shown};
use crate::span::{LineIndex, Span};

/// Settings given on the command line; they win over everything else.
#[derive(Debug, Clone, Default)]
pub struct CliSettings {
    pub channel: Option<String>,
    pub audience: Option<String>,
    pub min_score: Option<f64>,
    pub fail_on: Option<FailOn>,
}

/// Everything a run needs, loaded and compiled once, shared by all threads.
pub struct Engine {
    pub book: RuleBook,
    pub channels: Channels,
    pub audiences: Audiences,
    pub scoring: Scoring,
    pub config: Config,
    pub cli: CliSettings,
}

/// Largest file we read: posts are small; this bounds memory on a stray
/// dump or binary.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

pub struct FileReport {
    /// As given or found while walking; `-` for stdin.
    pub path: String,
    pub source: String,
    pub lines: LineIndex,
    pub posts: Vec<PostReport>,
    /// Problems in the file itself (bad front matter, unknown channel...).
    pub problems: Vec<FileProblem>,
}

#[derive(Debug, Clone)]
pub struct FileProblem {
    pub span: Option<Span>,
    pub message: String,
    pub help: Option<String>,
}

pub struct PostReport {
    pub index: usize,
    pub count: usize,
    pub channel: String,
    pub audience: Audience,
    pub span: Span,
    pub findings: Vec<Finding>,
    pub score: PostScore,
    pub passed: bool,
    /// Why it failed, for the verdict line.
    pub reasons: Vec<String>,
    /// Length as the channel counts it, and its hard limit.
    pub length: Option<(usize, usize)>,
    /// Flesch-Kincaid grade of the post.
    pub grade: f64,
    /// What shows before "see more", when the channel folds posts.
    pub fold_preview: Option<String>,
}

impl FileReport {
    /// Adds a problem that is not located in the file (I/O, encoding).
    pub fn with_problem(mut self, message: String) -> Self {
        self.problems.push(FileProblem {
            span: None,
            message,
            help: None,
        });
        self
    }
}

impl Engine {
    /// An engine with the built-in checklists, channels and scoring and no
    /// config file: what runs when nothing is configured.
    pub fn built_in(cli: CliSettings) -> Result<Self, LoadError> {
        let channels = Channels::built_in()?;
        let sources: Vec<ChecklistSource> = crate::checklist::BUILT_IN
            .iter()
            .filter_map(|(name, _)| ChecklistSource::built_in(name))
            .collect();
        Ok(Self {
            book: RuleBook::load(&sources, None, &channels)?,
            channels,
            audiences: Audiences::built_in()?,
            scoring: Scoring::built_in()?,
            config: Config::default(),
            cli,
        })
    }

    /// Reads and checks one file. I/O errors become a problem of the file.
    pub fn check_path(&self, path: &Path, shown_path: String) -> FileReport {
        match read_text(path) {
            Ok(source) => self.check_source(Some(path), shown_path, source),
            Err(message) => FileReport {
                path: shown_path,
                source: String::new(),
                lines: LineIndex::new(""),
                posts: Vec::new(),
                problems: vec![FileProblem {
                    span: None,
                    message,
                    help: None,
                }],
            },
        }
    }

    /// Checks text already read; `path` decides syntax and path overrides
    /// (`None` for stdin).
    pub fn check_source(
        &self,
        path: Option<&Path>,
        shown_path: String,
        source: String,
    ) -> FileReport {
        let syntax = path.map_or(Syntax::Plain, Syntax::from_path);
        let mut problems = Vec::new();
        let posts = {
            let doc = document::parse(&source, syntax);
            problems.extend(doc.problems.iter().map(|p| FileProblem {
                span: Some(p.span),
                message: p.message.clone(),
                help: p.help.clone(),
            }));
            self.check_document(path, &doc, &mut problems)
        };
        FileReport {
            path: shown_path,
            lines: LineIndex::new(&source),
            source,
            posts,
            problems,
        }
    }

    fn check_document(
        &self,
        path: Option<&Path>,
        doc: &Document<'_>,
        problems: &mut Vec<FileProblem>,
    ) -> Vec<PostReport> {
        let fm = &doc.front_matter;
        let fm_span = doc.front_matter_span;
        // A problem with a front matter value, placed on its key's line.
        let mut problem = |keys: &[&str], message: String| {
            let span = fm_span.map(|fm| {
                keys.iter()
                    .find_map(|k| key_line(doc.source, fm, k))
                    .unwrap_or(fm)
            });
            problems.push(FileProblem {
                span,
                message,
                help: None,
            })
        };
        let overrides: Vec<_> = path
            .map(|p| self.config.overrides_for(p).collect())
            .unwrap_or_default();

        // Channels: CLI > front matter > override > config > default.
        let names: Vec<String> = if let Some(c) = &self.cli.channel {
            vec![c.clone()]
        } else if !fm.channels.is_empty() {
            fm.channels.clone()
        } else if let Some(c) = &fm.channel {
            vec![c.clone()]
        } else if let Some(c) = overrides.iter().rev().find_map(|o| o.channel.as_ref()) {
            vec![c.value.clone()]
        } else if let Some(c) = &self.config.channel {
            vec![c.value.clone()]
        } else {
            vec![default_channel(path).to_owned()]
        };
        let mut channels: Vec<&ChannelProfile> = Vec::new();
        for name in &names {
            match self.channels.resolve(name) {
                Ok(p) if !channels.iter().any(|c| c.id == p.id) => channels.push(p),
                Ok(_) => {}
                Err(e) => problem(&["channels", "channel"], e),
            }
        }

        // Audience: CLI > front matter > override > config > default.
        let audience_name = self
            .cli
            .audience
            .clone()
            .or_else(|| fm.audience.clone())
            .or_else(|| {
                overrides
                    .iter()
                    .rev()
                    .find_map(|o| o.audience.as_ref().map(|a| a.value.clone()))
            })
            .or_else(|| self.config.audience.as_ref().map(|a| a.value.clone()))
            .unwrap_or_else(|| DEFAULT_AUDIENCE.to_owned());
        let audience = match self.audiences.resolve(&audience_name) {
            Ok(a) => a,
            Err(e) => {
                problem(&["audience"], e);
                match self.audiences.resolve(DEFAULT_AUDIENCE) {
                    Ok(a) => a,
                    Err(_) => return Vec::new(),
                }
            }
        };

        // Checklists: front matter > override > all loaded (CLI and config
        // already decided what was loaded).
        let selection = fm.checklists.clone().or_else(|| {
            overrides.iter().rev().find_map(|o| {
                o.checklists
                    .as_ref()
                    .map(|l| l.iter().map(|c| c.value.clone()).collect())
            })
        });
        let mut ran: Vec<usize> = Vec::new();
        match selection {
            Some(names) => {
                for name in names {
                    match self.book.checklist(&name) {
                        Some((i, _)) => ran.push(i),
                        None => problem(
                            &["checklists"],
                            format!(
                                "checklist `{name}` is not loaded; loaded: {}",
                                self.book
                                    .checklists
                                    .iter()
                                    .map(|c| c.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        ),
                    }
                }
                ran.sort_unstable();
                ran.dedup();
            }
            None => ran.extend(0..self.book.checklists.len()),
        }

        // Disabled rules or checklists: front matter and overrides add up.
        let mut disabled: Vec<&str> = fm.disable.iter().map(String::as_str).collect();
        disabled.extend(
            overrides
                .iter()
                .flat_map(|o| o.disable.iter().map(|d| d.value.as_str())),
        );
        for d in &disabled {
            if self.book.rule(d).is_none() && self.book.checklist(d).is_none() {
                problem(
                    &["disable", "postlint"],
                    format!("cannot disable `{d}`: no such rule or checklist"),
                );
            }
        }

        let separator = self.config.thread_separator.as_deref().unwrap_or("---");
        let mut reports = Vec::new();
        for channel in channels {
            let reading = reading_for(channel, doc.syntax);
            let spans = match reading {
                Reading::Plain => document::split_posts(doc.source, doc.body, separator),
                // A Markdown file with front matter only is a site's index
                // page, not an empty post: it has no post to check.
                Reading::Markdown => trimmed(doc.source, doc.body).into_iter().collect(),
            };
            let count = spans.len();
            let mut posts: Vec<Post<'_>> = spans
                .into_iter()
                .enumerate()
                .map(|(index, span)| Post::build(doc.source, span, reading, index, count))
                .collect();
            if count > 1 {
                let thread = Thread::of(&posts);
                for post in &mut posts {
                    post.thread = thread.clone();
                }
            }
            for post in &posts {
                reports.push(self.check_post(post, channel, &audience, fm, &ran, &disabled));
            }
        }
        reports
    }

    fn check_post(
        &self,
        post: &Post<'_>,
        channel: &ChannelProfile,
        audience: &Audience,
        front_matter: &FrontMatter,
        ran: &[usize],
        disabled: &[&str],
    ) -> PostReport {
        let cx = Context {
            channel,
            audience,
            front_matter,
        };
        let mut findings = Vec::new();
        for &c in ran {
            let checklist = &self.book.checklists[c];
            if disabled.contains(&checklist.id.as_str()) {
                continue;
            }
            for index in checklist.rules.clone() {
                let rule = &self.book.rules[index];
                if !rule.enabled
                    || !rule.applies_to(&channel.id)
                    || rule.reading.is_some_and(|r| r != post.reading)
                    || disabled.contains(&rule.id.as_str())
                {
                    continue;
                }
                let input = Input {
                    post,
                    cx: &cx,
                    scope: rule.scope,
                };
                let mut emit = Emit {
                    rule_index: index,
                    rule,
                    out: &mut findings,
                };
                rule.kind.check(&input, &mut emit);
            }
        }
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        findings.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);

        let ran_here: Vec<usize> = ran
            .iter()
            .copied()
            .filter(|&c| !disabled.contains(&self.book.checklists[c].id.as_str()))
            .collect();
        let score = score(
            &self.scoring,
            &self.book,
            &findings,
            post.words.len(),
            &ran_here,
        );
        let (passed, reasons) = self.verdict(&findings, &score);
        let length = channel
            .limits
            .max_length
            .map(|max| (channel.counter.count(post.published()), max));
        let fold_preview = channel.limits.fold.map(|fold| {
            let text = post.published();
            let cut = channel.counter.fit(text, fold);
            let mut preview: String = text[..cut].split_whitespace().collect::<Vec<_>>().join(" ");
            if cut < text.len() {
                preview.push('…');
            }
            preview
        });
        PostReport {
            index: post.index,
            count: post.count,
            channel: channel.id.clone(),
            audience: audience.clone(),
            span: post.span,
            findings,
            grade: post.stats.flesch_kincaid_grade(),
            score,
            passed,
            reasons,
            length,
            fold_preview,
        }
    }

    /// A post fails on an error finding (a hard failure, whatever the
    /// score), on a finding at the `fail_on` level, or below `min_score`.
    fn verdict(&self, findings: &[Finding], score: &PostScore) -> (bool, Vec<String>) {
        let fail_on = self.fail_on();
        let threshold = match fail_on {
            FailOn::Error | FailOn::Never => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Suggestion => Severity::Suggestion,
        };
        let mut reasons = Vec::new();
        let failing: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity >= threshold)
            .collect();
        if !failing.is_empty() {
            let mut ids: Vec<&str> = failing
                .iter()
                .map(|f| self.book.rules[f.rule].id.as_str())
                .collect();
            // Each rule once, in the order it first fails.
            let mut seen = std::collections::HashSet::new();
            ids.retain(|id| seen.insert(*id));
            let worst = failing
                .iter()
                .map(|f| f.severity)
                .max()
                .unwrap_or(threshold);
            let n = failing.len();
            let what = if threshold == Severity::Error {
                plural(n, "error")
            } else {
                format!("{n} at or above {}", worst.as_str())
            };
            reasons.push(format!("{what}: {}", ids.join(", ")));
        }
        if let Some(min) = self.min_score()
            && f64::from(shown(score.overall)) < min
        {
            reasons.push(format!("score {} below {}", shown(score.overall), min));
        }
        (reasons.is_empty(), reasons)
    }

    pub fn fail_on(&self) -> FailOn {
        self.cli
            .fail_on
            .or(self.config.fail_on)
            .unwrap_or(FailOn::Error)
    }

    pub fn min_score(&self) -> Option<f64> {
        self.cli.min_score.or(self.config.min_score)
    }
}

/// The line of front matter key `key` (YAML `key:` or TOML `key =`).
fn key_line(source: &str, fm: Span, key: &str) -> Option<Span> {
    let mut at = fm.start;
    for line in source[fm.range()].split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with([':', '='])
        {
            let start = at + (line.len() - trimmed.len());
            return Some(Span::new(start, at + line.trim_end().len()));
        }
        at += line.len();
    }
    None
}

/// The channel when nothing names one: `.tweet` files (the twitter-together
/// format) are X posts; anything else is `generic`.
fn default_channel(path: Option<&Path>) -> &'static str {
    match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("tweet") => "x",
        _ => DEFAULT_CHANNEL,
    }
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `span` without surrounding white space; `None` when blank.
fn trimmed(source: &str, span: Span) -> Option<Span> {
    let text = &source[span.range()];
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.start + text.trim_end().len();
    (end > start).then_some(Span::new(start, end))
}

/// Reads a file as UTF-8 text, refusing binaries and huge files with a
/// message that says what to do.
pub fn read_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "file is {} MB; postlint reads posts up to {} MB (exclude it in postlint.toml)",
            meta.len() >> 20,
            MAX_FILE_BYTES >> 20
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    decode(bytes)
}

pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("looks like a binary file, not text".to_owned());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine(config: &str, cli: CliSettings) -> Engine {
        let mut e = Engine::built_in(cli).unwrap();
        e.config = Config::parse(Path::new("postlint.toml"), config.to_owned()).unwrap();
        e
    }

    fn channels(e: &Engine, path: &str, text: &str) -> Vec<String> {
        let r = e.check_source(Some(Path::new(path)), path.into(), text.into());
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        r.posts.iter().map(|p| p.channel.clone()).collect()
    }

    const CONFIG: &str =
        "channel = \"linkedin\"\n[[overrides]]\npaths = [\"social/x/**\"]\nchannel = \"x\"\n";

    #[test]
    fn channel_precedence_cli_front_matter_override_config_default() {
        let fm = "---\nchannel: mastodon\n---\nHello there.\n";
        let plain = "Hello there.\n";
        let e = engine(CONFIG, CliSettings::default());
        assert_eq!(channels(&e, "a.txt", plain), ["linkedin"], "config");
        assert_eq!(
            channels(&e, "social/x/a.txt", plain),
            ["x"],
            "override beats config"
        );
        assert_eq!(
            channels(&e, "social/x/a.txt", fm),
            ["mastodon"],
            "front matter beats override"
        );
        let cli = CliSettings {
            channel: Some("bluesky".into()),
            ..CliSettings::default()
        };
        assert_eq!(
            channels(&engine(CONFIG, cli), "social/x/a.txt", fm),
            ["bluesky"],
            "CLI beats all"
        );
        assert_eq!(
            channels(&engine("", CliSettings::default()), "a.txt", plain),
            ["generic"],
            "default"
        );
    }

    #[test]
    fn several_channels_check_the_text_for_each() {
        let e = engine("", CliSettings::default());
        let text = "---\nchannels: [x, linkedin]\n---\nOne text, two places.\n";
        assert_eq!(channels(&e, "a.txt", text), ["x", "linkedin"]);
    }

    #[test]
    fn threads_split_on_social_channels_but_not_in_markdown() {
        let e = engine("", CliSettings::default());
        let thread = "---\nchannel: x\n---\nFirst post.\n---\nSecond post.\n";
        assert_eq!(channels(&e, "t.md", thread), ["x", "x"]);
        let blog = "---\nchannel: blog\n---\nFirst part.\n\n---\n\nSecond part.\n";
        assert_eq!(channels(&e, "t.md", blog), ["blog"]);
    }

    #[test]
    fn front_matter_can_disable_rules_and_checklists() {
        let e = engine("", CliSettings::default());
        let rules = |text: &str| -> Vec<String> {
            let r = e.check_source(Some(Path::new("a.txt")), "a".into(), text.into());
            r.posts[0]
                .findings
                .iter()
                .map(|f| e.book.rules[f.rule].id.clone())
                .collect()
        };
        let body = "It was the the best.\n";
        assert!(rules(body).contains(&"correct.repeated-word".to_owned()));
        let off = format!("---\npostlint:\n  disable: [correct.repeated-word]\n---\n{body}");
        assert!(!rules(&off).contains(&"correct.repeated-word".to_owned()));
        let off = format!("---\npostlint:\n  disable: [correct]\n---\n{body}");
        assert!(rules(&off).iter().all(|id| !id.starts_with("correct.")));
    }

    #[test]
    fn unknown_names_in_front_matter_are_problems_not_silence() {
        let e = engine("", CliSettings::default());
        let r = e.check_source(
            Some(Path::new("a.txt")),
            "a".into(),
            "---\nchannel: twiter\n---\nHi.\n".into(),
        );
        assert_eq!(r.problems.len(), 1);
        assert_eq!(
            r.problems[0].span,
            Some(Span::new(4, 19)),
            "on the `channel:` line"
        );
        assert!(
            r.problems[0].message.contains("did you mean `twitter`")
                || r.problems[0].message.contains("unknown channel")
        );
        let r = e.check_source(
            Some(Path::new("a.txt")),
            "a".into(),
            "---\npostlint:\n  disable: [nope.rule]\n---\nHi.\n".into(),
        );
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    }

    #[test]
    fn a_thread_asks_for_action_once() {
        let e = engine("", CliSettings::default());
        let cta = |text: &str| -> Vec<usize> {
            let r = e.check_source(Some(Path::new("t.txt")), "t".into(), text.into());
            r.posts
                .iter()
                .filter(|p| {
                    p.findings
                        .iter()
                        .any(|f| e.book.rules[f.rule].id == "strategy.missing-call-to-action")
                })
                .map(|p| p.index)
                .collect()
        };
        let post = "We rebuilt our dashboards from scratch this year, with faster charts and shared views.";
        let thread = format!("---\nchannel: x\n---\n{post}\n---\n{post}\n---\n{post}\n");
        assert_eq!(cta(&thread), [2], "reported once, on the last post");
        let with_link = thread.replacen("scratch", "scratch https://example.com/blog", 1);
        assert!(cta(&with_link).is_empty(), "a link in any post is enough");
        let short = "---\nchannel: x\n---\nShort one.\n---\nShort two.\n";
        assert!(
            cta(short).is_empty(),
            "a thread under min_words asks for nothing"
        );
    }

    #[test]
    fn reasons_name_each_failing_rule_once() {
        let e = engine("", CliSettings::default());
        let text = "---\nchannel: x\n---\nGuaranteed to double your sales. Also risk-free and guaranteed to triple them.\n";
        let r = e.check_source(Some(Path::new("a.txt")), "a".into(), text.into());
        assert_eq!(r.posts[0].reasons, ["3 errors: strategy.risky-claim"]);
    }

    #[test]
    fn an_error_fails_the_post_whatever_the_score() {
        let e = engine("", CliSettings::default());
        let text = format!("---\nchannel: x\n---\n{}\n", "word ".repeat(80));
        let r = e.check_source(Some(Path::new("a.txt")), "a".into(), text);
        let post = &r.posts[0];
        assert!(!post.passed);
        assert!(
            post.reasons[0].contains("channel.too-long"),
            "{:?}",
            post.reasons
        );
    }
}
