//! Checking one file, in three steps: resolve its settings (`settings`),
//! build its posts once per way of reading them (plain or Markdown), run
//! the rules on each post and score it. Pure: no printing; I/O only to read
//! the file it is given.
//!
//! Posts are built and checked one at a time, in order, so memory holds one
//! post model at a time plus the thread's running totals ([`Thread`]), not
//! the whole thread.

use std::path::Path;

use crate::checklist::kinds::api::Context;
use crate::engine::Engine;
use crate::finding::{Finding, Severity};
use crate::ids::{ChannelId, RuleId};
use crate::input::document::{self, Document, FrontMatter, Syntax};
use crate::input::read::read_text;
use crate::outcome::{
    FileOutcome, NoChannel, PostOutcome, ReadingLevel, Reason, Skip, SkipReason, Verdict,
    across_channels, shown,
};
use crate::profile::audience::Audience;
use crate::profile::counted::Counted;
use crate::settings::config::FailOn;
use crate::settings::resolve::FileSettings;
use crate::span::LineIndex;
use crate::text::lang::LangTag;
use crate::text::post::{Post, Reading, Thread};
use crate::text::reading_level::{self, Formula};

impl Engine {
    /// Reads and checks one file. I/O errors become a problem of the file.
    pub fn check_path(&self, path: &Path, shown_path: String) -> FileOutcome {
        match read_text(path, self.config.max_file_bytes()) {
            Ok(source) => self.check_source(Some(path), shown_path, source),
            Err(message) => FileOutcome::unreadable(shown_path, self.default_audience(), message),
        }
    }

    /// Checks text already read; `path` decides syntax and path overrides
    /// (`None` for stdin).
    pub fn check_source(
        &self,
        path: Option<&Path>,
        shown_path: String,
        source: String,
    ) -> FileOutcome {
        let syntax = path.map_or(Syntax::Plain, Syntax::from_path);
        let (posts, (audience, goal, tone), problems, no_channel) = {
            let doc = document::parse(&source, syntax);
            let mut problems = doc.problems.clone();
            let settings =
                self.layers
                    .resolve(self.tables(), &self.config, path, &doc, &mut problems);
            let posts = self.check_document(&doc, &settings);
            let no_channel = (!settings.channel_set).then(|| NoChannel {
                looks_like_a_thread: document::split_posts(
                    doc.source,
                    doc.body,
                    &self.layers.thread_separator,
                )
                .len()
                    > 1,
            });
            let purpose = (settings.audience, settings.goal, settings.tone);
            (posts, purpose, problems, no_channel)
        };
        FileOutcome {
            path: shown_path,
            lines: LineIndex::new(&source),
            source,
            audience,
            goal,
            tone,
            across_channels: across_channels(&posts),
            posts,
            problems,
            no_channel,
            fixed: None,
        }
    }

    /// An outcome for a file that could not be read.
    pub fn unreadable(&self, shown_path: String, message: String) -> FileOutcome {
        FileOutcome::unreadable(shown_path, self.default_audience(), message)
    }

    fn default_audience(&self) -> crate::profile::audience::Audience {
        self.layers.config.audience.clone().unwrap_or_else(|| {
            self.audiences
                .resolve(crate::profile::audience::DEFAULT_AUDIENCE)
                .expect("the default audience is built in")
        })
    }

    /// Posts of `doc` for each of its channels, channel by channel. Posts
    /// are built once per reading and checked for every channel that reads
    /// them that way.
    fn check_document(&self, doc: &Document<'_>, settings: &FileSettings) -> Vec<PostOutcome> {
        let rules = self.rules_for(settings);
        let mut per_channel: Vec<Vec<PostOutcome>> =
            settings.channels.iter().map(|_| Vec::new()).collect();
        let mut readings: Vec<Reading> = Vec::new();
        for &c in &settings.channels {
            let reading = self.channels.get(c).reading(doc.syntax);
            if !readings.contains(&reading) {
                readings.push(reading);
            }
        }
        for reading in readings {
            let group: Vec<(usize, ChannelId)> = settings
                .channels
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, c)| self.channels.get(*c).reading(doc.syntax) == reading)
                .collect();
            let parts = reading.parts(doc, &self.layers.thread_separator);
            let count = parts.len();
            for &(slot, _) in &group {
                per_channel[slot].reserve_exact(count);
            }
            let mut thread = Thread::default();
            for (index, part) in parts.into_iter().enumerate() {
                let post = Post::build(doc.source, part.span, reading, index, count);
                thread.add(&post);
                let lang = settings.lang_of(&post);
                let own = part
                    .front_matter
                    .map(|span| document::part_front_matter(doc.source, span));
                for &(slot, channel) in &group {
                    let outcome = self.check_post(
                        &post,
                        &thread,
                        channel,
                        lang,
                        &rules,
                        (doc, own.as_ref()),
                        settings,
                    );
                    per_channel[slot].push(outcome);
                }
            }
        }
        // Channel by channel, reusing the first channel's vector: a long
        // thread's outcomes are never held twice.
        let mut per_channel = per_channel.into_iter();
        let mut all = per_channel.next().unwrap_or_default();
        for mut more in per_channel {
            all.append(&mut more);
        }
        all
    }

    /// The rules of the checklists that run on the file, minus those it
    /// disables. Whether one applies to a post (channel, reading, language)
    /// is [`crate::checklist::rule::Rule::applies_to`]'s to say.
    fn rules_for(&self, settings: &FileSettings) -> Vec<RuleId> {
        settings
            .checklists
            .iter()
            .flat_map(|&c| self.book.checklist(c).rule_ids())
            .filter(|r| !settings.disabled.contains(r))
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn check_post(
        &self,
        post: &Post<'_>,
        thread: &Thread,
        channel_id: ChannelId,
        lang: LangTag,
        rules: &[RuleId],
        (doc, own): (&Document<'_>, Option<&FrontMatter>),
        settings: &FileSettings,
    ) -> PostOutcome {
        let channel = self.channels.get(channel_id);
        let counted = Counted::new(channel, post, &doc.front_matter, own);
        let cx = Context {
            channel,
            audience: &settings.audience,
            front_matter: own.unwrap_or(&doc.front_matter),
            own_front_matter: post.index == 0 || own.is_some(),
            lang,
            goal: settings.goal,
            tone: settings.tone,
            tracking: &self.config.tracking,
            counted,
        };
        let mut findings = Vec::new();
        let mut skipped = Vec::new();
        for &id in rules {
            let rule = self.book.rule(id);
            if !rule.applies_to_any_language(channel_id, post.reading) {
                continue;
            }
            if !rule.speaks(lang) {
                // The report says which checks did not run, and why.
                skipped.push(Skip {
                    rule: id,
                    reason: SkipReason::OtherLanguage(lang),
                });
                continue;
            }
            rule.check(id, post, thread, &cx, &mut findings, &mut skipped);
        }
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        findings.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        // Quoted words are someone's words or a word being named ("the
        // \"utilize\" habit"): a fix there may be right, but never unseen.
        for f in &mut findings {
            if let Some(fix) = &mut f.fix
                && fix.is_safe()
                && crate::checklist::kinds::quoted::is_quoted(post, f.span)
            {
                fix.applicability = crate::fix::Applicability::Review;
            }
        }
        let suppressed: Box<[Finding]> = if settings.suppressions.is_empty() {
            Box::default()
        } else {
            findings
                .extract_if(.., |f| {
                    settings
                        .suppressions
                        .suppresses(&self.book, f, post.source, post.reading)
                })
                .collect()
        };

        let score = crate::score::score(
            &self.scoring,
            &self.book,
            &findings,
            post.words.len(),
            &settings.checklists,
        );
        // `min_score` judges the formula's score: the cap for an error is
        // shown, and the error already fails the post.
        let uncapped = score.cap.as_ref().map_or(score.overall, |c| c.before);
        let verdict = self.verdict(&findings, shown(uncapped));
        let length = channel
            .limits
            .max_length
            .map(|max| (counted.length(post.source), max));
        let fold_preview = fold_preview(post, &counted);
        PostOutcome {
            index: post.index,
            count: post.count,
            channel: channel_id,
            lang,
            span: post.span,
            findings,
            suppressed,
            reading: reading_level(post, lang, &settings.audience),
            score,
            verdict,
            length,
            fold_preview,
            skipped: skipped.into_boxed_slice(),
        }
    }

    /// A post fails on an error finding (a hard failure, whatever the
    /// score), on a finding at the `fail_on` level, or below `min_score`.
    pub(crate) fn verdict(&self, findings: &[Finding], score: u32) -> Verdict {
        let threshold = match self.layers.fail_on {
            FailOn::Error | FailOn::Never => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Suggestion => Severity::Suggestion,
        };
        let mut reasons = Vec::new();
        let mut rules: Vec<RuleId> = Vec::new();
        let mut count = 0;
        let mut worst = threshold;
        for f in findings.iter().filter(|f| f.severity >= threshold) {
            count += 1;
            worst = worst.max(f.severity);
            // Each rule once, in the order it first fails.
            if !rules.contains(&f.rule) {
                rules.push(f.rule);
            }
        }
        if count > 0 {
            reasons.push(Reason::Findings {
                count,
                threshold,
                worst,
                rules,
            });
        }
        if let Some(min) = self.layers.min_score
            && f64::from(score) < min
        {
            reasons.push(Reason::BelowMinScore { score, min });
        }
        Verdict {
            passed: reasons.is_empty(),
            reasons,
        }
    }
}

/// What shows before "see more": the text up to the fold, cut by
/// characters and by lines where the platform cuts by both, line breaks
/// kept as the platform keeps them (blank lines included), runs of spaces
/// within a line shown as one.
/// The post's reading level in its language's formula, against its
/// audience's target: what `readable.reading-grade` measures.
fn reading_level(post: &Post<'_>, lang: LangTag, audience: &Audience) -> ReadingLevel {
    let formula = Formula::for_lang(lang);
    let min_words = reading_level::min_words();
    ReadingLevel {
        formula: &formula.name,
        value: formula.value(&post.stats, &post.text, &post.words),
        target: formula.target(audience.max_grade),
        higher_is_harder: formula.higher_is_harder(),
        graded: post.stats.words >= min_words,
        words: post.stats.words,
        min_words,
    }
}

fn fold_preview(post: &Post<'_>, counted: &Counted<'_>) -> Option<Box<str>> {
    let limits = &counted.profile.limits;
    if limits.fold.is_none() && limits.fold_lines.is_none() {
        return None;
    }
    let source = post.source;
    let mut cut = match limits.fold {
        Some(fold) => counted.fit(source, fold),
        None => counted.span.end,
    };
    if let Some(max_lines) = limits.fold_lines {
        let text = &source[counted.span.start..cut];
        if let Some((i, _)) = text.match_indices('\n').nth(max_lines.saturating_sub(1)) {
            cut = counted.span.start + i;
        }
    }
    let shown = &source[counted.span.start..cut];
    let mut preview = shown
        .trim_end()
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    if cut < counted.span.end {
        preview.push('…');
    }
    Some(preview.into_boxed_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{ConfigSource, Options};
    use crate::settings::resolve::CliChoices;
    use crate::span::Span;

    fn engine(config: &str, cli: CliChoices) -> Engine {
        let options = Options {
            config: ConfigSource::Text("postlint.toml".into(), config.to_owned()),
            checklists: None,
            cli,
        };
        Engine::load(&options).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn check(e: &Engine, path: &str, text: &str) -> FileOutcome {
        e.check_source(Some(Path::new(path)), path.into(), text.into())
    }

    fn channels(e: &Engine, path: &str, text: &str) -> Vec<String> {
        let r = check(e, path, text);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        r.posts
            .iter()
            .map(|p| e.channels.get(p.channel).id.clone())
            .collect()
    }

    fn rule_ids(e: &Engine, post: &PostOutcome) -> Vec<String> {
        post.findings
            .iter()
            .map(|f| e.book.rule(f.rule).id.clone())
            .collect()
    }

    const CONFIG: &str =
        "channel = \"linkedin\"\n[[overrides]]\npaths = [\"social/x/**\"]\nchannel = \"x\"\n";

    #[test]
    fn channel_precedence_cli_front_matter_override_config_default() {
        let fm = "---\nchannel: mastodon\n---\nHello there.\n";
        let plain = "Hello there.\n";
        let e = engine(CONFIG, CliChoices::default());
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
        let cli = CliChoices {
            channel: Some("bluesky".into()),
            ..CliChoices::default()
        };
        assert_eq!(
            channels(&engine(CONFIG, cli), "social/x/a.txt", fm),
            ["bluesky"],
            "CLI beats all"
        );
        assert_eq!(
            channels(&engine("", CliChoices::default()), "a.txt", plain),
            ["generic"],
            "default"
        );
        assert_eq!(
            channels(&engine("", CliChoices::default()), "a.tweet", plain),
            ["x"],
            ".tweet files are X posts"
        );
        assert_eq!(
            channels(&engine("", CliChoices::default()), "a.toot", plain),
            ["mastodon"],
            ".toot files are Mastodon posts"
        );
    }

    #[test]
    fn several_channels_check_the_text_for_each_in_the_order_named() {
        let e = engine("", CliChoices::default());
        let text = "---\nchannels: [x, blog, linkedin, x]\n---\nOne text, three places.\n";
        assert_eq!(channels(&e, "a.md", text), ["x", "blog", "linkedin"]);
    }

    #[test]
    fn threads_split_on_social_channels_but_not_in_markdown() {
        let e = engine("", CliChoices::default());
        let thread = "---\nchannel: x\n---\nFirst post.\n---\nSecond post.\n";
        assert_eq!(channels(&e, "t.md", thread), ["x", "x"]);
        let blog = "---\nchannel: blog\n---\nFirst part.\n\n---\n\nSecond part.\n";
        assert_eq!(channels(&e, "t.md", blog), ["blog"]);
    }

    #[test]
    fn front_matter_can_disable_rules_and_checklists() {
        let e = engine("", CliChoices::default());
        let rules = |text: &str| rule_ids(&e, &check(&e, "a.txt", text).posts[0]);
        let body = "It was the the best.\n";
        assert!(rules(body).contains(&"correct.repeated-word".to_owned()));
        let off = format!("---\npostlint:\n  disable: [correct.repeated-word]\n---\n{body}");
        assert!(!rules(&off).contains(&"correct.repeated-word".to_owned()));
        let off = format!("---\npostlint:\n  disable: [correct]\n---\n{body}");
        assert!(rules(&off).iter().all(|id| !id.starts_with("correct.")));
        let r = check(&e, "a.txt", &off);
        assert!(
            r.posts[0]
                .score
                .checklists()
                .all(|s| e.book.checklist(s.checklist).id != "correct"),
            "a disabled checklist is not scored"
        );
    }

    #[test]
    fn unknown_names_in_front_matter_are_problems_not_silence() {
        let e = engine("", CliChoices::default());
        let r = check(&e, "a.txt", "---\nchannel: twiter\n---\nHi.\n");
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
        assert!(r.posts.is_empty(), "no guessing at the channel");
        let r = check(
            &e,
            "a.txt",
            "---\npostlint:\n  disable: [correct.repeated-wrd]\n---\nHi.\n",
        );
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert_eq!(
            r.problems[0].help.as_deref(),
            Some("did you mean `correct.repeated-word`?")
        );
        let r = check(&e, "a.txt", "---\nlang: english\n---\nHi.\n");
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert!(r.problems[0].message.contains("`english`"));
    }

    #[test]
    fn a_thread_asks_for_action_once() {
        let e = engine("", CliChoices::default());
        let cta = |text: &str| -> Vec<usize> {
            check(&e, "t.txt", text)
                .posts
                .iter()
                .filter(|p| {
                    rule_ids(&e, p)
                        .iter()
                        .any(|id| id == "strategy.missing-call-to-action")
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
        let e = engine("", CliChoices::default());
        let text = "---\nchannel: x\n---\nGuaranteed to double your sales. Also risk-free and guaranteed to triple them.\n";
        let r = check(&e, "a.txt", text);
        let risky = e.book.find_rule("strategy.risky-claim").unwrap();
        assert_eq!(
            r.posts[0].verdict.reasons,
            [Reason::Findings {
                count: 3,
                threshold: Severity::Error,
                worst: Severity::Error,
                rules: vec![risky],
            }]
        );
    }

    #[test]
    fn an_error_fails_the_post_whatever_the_score_and_min_score_adds_a_reason() {
        let cli = CliChoices {
            min_score: Some(99.0),
            ..CliChoices::default()
        };
        let e = engine("", cli);
        let text = format!("---\nchannel: x\n---\n{}\n", "word ".repeat(80));
        let post = &check(&e, "a.txt", &text).posts[0];
        assert!(!post.verdict.passed);
        let too_long = e.book.find_rule("channel.too-long").unwrap();
        assert!(
            matches!(&post.verdict.reasons[0], Reason::Findings { rules, .. } if rules.contains(&too_long))
        );
        assert!(
            matches!(post.verdict.reasons[1], Reason::BelowMinScore { min, .. } if min == 99.0)
        );
    }

    #[test]
    fn language_comes_from_front_matter_override_config_or_detection() {
        let finnish = "Tervetuloa mukaan! Julkaisimme tänään uuden version, joka on nopeampi ja helpompi käyttää kuin koskaan aiemmin.";
        let english = "Welcome aboard! We released a new version today that is faster and easier to use than ever before.";
        let e = engine(
            "lang = \"en-GB\"\n[[overrides]]\npaths = [\"fi/**\"]\nlang = \"fi\"\n",
            CliChoices::default(),
        );
        let lang = |path: &str, text: &str| check(&e, path, text).posts[0].lang.to_string();
        assert_eq!(lang("a.txt", english), "en-GB", "config");
        assert_eq!(lang("fi/a.txt", english), "fi", "override beats config");
        assert_eq!(
            lang("fi/a.txt", &format!("---\nlang: de\n---\n{english}")),
            "de",
            "front matter beats override"
        );
        let e = engine("", CliChoices::default());
        let lang = |text: &str| check(&e, "a.txt", text).posts[0].lang.to_string();
        assert_eq!(lang(finnish), "fi", "detected when long enough");
        assert_eq!(lang(english), "en");
        assert_eq!(lang("Kiitos kaikille!"), "en", "too short to tell: en");
    }

    #[test]
    fn english_word_list_rules_do_not_run_on_other_languages() {
        let e = engine("", CliChoices::default());
        let ids = |text: &str| rule_ids(&e, &check(&e, "a.txt", text).posts[0]);
        let en = "---\nlang: en\n---\nIn order to utilize the tool, read the guide.\n";
        assert!(ids(en).contains(&"readable.plain-words".to_owned()));
        let fi = en.replace("lang: en", "lang: fi");
        assert!(!ids(&fi).contains(&"readable.plain-words".to_owned()));
        let gb = en.replace("lang: en", "lang: en-GB");
        assert!(
            ids(&gb).contains(&"readable.plain-words".to_owned()),
            "en covers en-GB"
        );
    }

    #[test]
    fn a_safe_fix_inside_quotation_marks_needs_review() {
        let e = engine("", CliChoices::default());
        let r = e.check_source(
            None,
            "t".into(),
            "The typo \"the the\" is common. It was the the best day.".into(),
        );
        let safety: Vec<bool> = r.posts[0]
            .findings
            .iter()
            .filter(|f| e.book.rule(f.rule).id == "correct.repeated-word")
            .map(|f| f.fix.as_ref().unwrap().is_safe())
            .collect();
        assert_eq!(safety, [false, true], "quoted: review; in prose: safe");
    }

    #[test]
    fn the_spelling_used_most_wins_and_keeps_the_case_of_what_it_replaces() {
        let e = engine("", CliChoices::default());
        let fixes = |text: &str| -> Vec<(String, String)> {
            let r = e.check_source(None, "t".into(), text.into());
            r.posts[0]
                .findings
                .iter()
                .filter(|f| e.book.rule(f.rule).id == "correct.inconsistent-spelling")
                .map(|f| {
                    let edit = &f.fix.as_ref().unwrap().edits[0];
                    (
                        r.source[edit.span.range()].to_owned(),
                        edit.replacement.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(
            fixes("E-mail us. Send an email, an email or an email. Read every E-MAIL."),
            [
                ("E-mail".into(), "Email".into()),
                ("E-MAIL".into(), "EMAIL".into())
            ]
        );
        // A tie goes to the spelling used first.
        assert_eq!(
            fixes("A web site and a website."),
            [("website".into(), "web site".into())]
        );
        assert!(fixes("Only email here, and email again.").is_empty());
    }
}
