//! A file's settings: which channels, audience, language and rules apply,
//! by the precedence CLI > front matter > path override (later entries win)
//! > config file > built-in default.
//!
//! Names from the command line and the config are resolved once, when the
//! run is loaded ([`Choices::from_config`], [`Choices::from_cli`]): a typo
//! there is a load error at its place. Only front matter names are looked
//! up per file, and a bad one is a problem of that file.

use crate::settings::suppress::Suppressions;
use std::path::Path;
use std::sync::Arc;

use crate::checklist::{RuleBook, Target};
use crate::error::LoadError;
use crate::ids::{ChannelId, ChecklistId, RuleId};
use crate::input::document::target_channel;
use crate::input::document::{Document, Problem};
use crate::profile::audience::{Audience, Audiences, DEFAULT_AUDIENCE};
use crate::profile::channel::{Channels, DEFAULT_CHANNEL};
use crate::profile::purpose::{Goal, Tone};
use crate::settings::config::{Config, FailOn, Located};
use crate::span::Span;
use crate::text::lang::{Detector, LangTag};
use crate::text::post::Post;

/// What one layer (CLI, config, a path override) says, resolved to handles.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub channel: Option<ChannelId>,
    pub audience: Option<Audience>,
    pub lang: Option<LangTag>,
    pub goal: Option<Goal>,
    pub tone: Option<Tone>,
    /// Checklists that run, among those loaded.
    pub checklists: Option<Vec<ChecklistId>>,
    /// Rules and checklists switched off (layers add up).
    pub disable: Vec<Target>,
}

/// What the command line sets for every file.
#[derive(Debug, Clone, Default)]
pub struct CliChoices {
    pub channel: Option<String>,
    pub audience: Option<String>,
    pub lang: Option<String>,
    pub goal: Option<Goal>,
    pub tone: Option<Tone>,
    pub min_score: Option<f64>,
    pub fail_on: Option<FailOn>,
}

/// A name from the command line that does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagError {
    pub flag: &'static str,
    pub message: String,
}

/// Every layer of a run, resolved once.
#[derive(Debug, Clone, Default)]
pub struct Layers {
    pub cli: Choices,
    pub config: Choices,
    /// One per `[[overrides]]` entry of the config, in file order.
    pub overrides: Vec<Choices>,
    pub thread_separator: String,
    pub min_score: Option<f64>,
    pub fail_on: FailOn,
}

/// The settings of one file.
#[derive(Debug, Clone)]
pub struct FileSettings {
    /// Each channel the text goes to, once, in the order named.
    pub channels: Vec<ChannelId>,
    /// False when nothing named a channel and the file is not a `.tweet` or
    /// `.toot`: it is checked as `generic`, with no platform checks.
    pub channel_set: bool,
    pub audience: Audience,
    /// Set by front matter, an override or the config; `None`: detect per
    /// post, else `en`.
    pub lang: Option<LangTag>,
    /// What the file's posts are for; `None` when nothing says.
    pub goal: Option<Goal>,
    pub tone: Tone,
    /// Checklists that run on the file, in rule-book order (shared with
    /// every post's score).
    pub checklists: Arc<[ChecklistId]>,
    /// Rules switched off for the file (whole checklists are already left
    /// out of `checklists`).
    pub disabled: Vec<RuleId>,
    /// In-file directives and front matter `allow`.
    pub suppressions: Suppressions,
}

impl FileSettings {
    /// A post's language: as set for the file, else detected from the post
    /// when the detector is sure, else `en`.
    pub fn lang_of(&self, post: &Post<'_>) -> LangTag {
        self.lang
            .or_else(|| Detector::built_in().detect(post.published(), post.words.len()))
            .unwrap_or(LangTag::EN)
    }
}

/// The parts of a loaded run that resolving reads.
#[derive(Clone, Copy)]
pub struct Tables<'a> {
    pub channels: &'a Channels,
    pub audiences: &'a Audiences,
    pub book: &'a RuleBook,
}

impl Choices {
    /// The command line's channel, audience and language.
    pub fn from_cli(cli: &CliChoices, t: Tables<'_>) -> Result<Self, Vec<FlagError>> {
        let mut errors = Vec::new();
        fn flag<T>(
            errors: &mut Vec<FlagError>,
            flag: &'static str,
            r: Result<T, String>,
        ) -> Option<T> {
            r.map_err(|message| errors.push(FlagError { flag, message }))
                .ok()
        }
        let choices = Choices {
            channel: cli
                .channel
                .as_deref()
                .and_then(|c| flag(&mut errors, "--channel", t.channels.resolve(c))),
            audience: cli
                .audience
                .as_deref()
                .and_then(|a| flag(&mut errors, "--audience", t.audiences.resolve(a))),
            lang: cli
                .lang
                .as_deref()
                .and_then(|l| flag(&mut errors, "--lang", LangTag::parse(l))),
            goal: cli.goal,
            tone: cli.tone,
            checklists: None,
            disable: Vec::new(),
        };
        if errors.is_empty() {
            Ok(choices)
        } else {
            Err(errors)
        }
    }

    /// The config file's top level and each of its `[[overrides]]`; every
    /// unknown name is an error at its place in the config.
    pub fn from_config(
        config: &Config,
        t: Tables<'_>,
    ) -> Result<(Choices, Vec<Choices>), Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut channel = |c: &Option<Located>| {
            let c = c.as_ref()?;
            t.channels
                .resolve(&c.value)
                .map_err(|e| errors.push(config.error(c.span.clone(), e)))
                .ok()
        };
        let top_channel = channel(&config.channel);
        let over_channels: Vec<_> = config
            .overrides
            .iter()
            .map(|o| channel(&o.channel))
            .collect();
        let mut audience = |a: &Option<Located>| {
            let a = a.as_ref()?;
            t.audiences
                .resolve(&a.value)
                .map_err(|e| errors.push(config.error(a.span.clone(), e)))
                .ok()
        };
        let top = Choices {
            channel: top_channel,
            audience: audience(&config.audience),
            lang: config.lang,
            goal: config.goal,
            tone: config.tone,
            checklists: None,
            disable: Vec::new(),
        };
        let over_audiences: Vec<_> = config
            .overrides
            .iter()
            .map(|o| audience(&o.audience))
            .collect();
        let mut overrides = Vec::with_capacity(config.overrides.len());
        for ((o, channel), audience) in config
            .overrides
            .iter()
            .zip(over_channels)
            .zip(over_audiences)
        {
            let mut disable = Vec::with_capacity(o.disable.len());
            for d in &o.disable {
                match t.book.find(&d.value) {
                    Ok(target) => disable.push(target),
                    Err(hint) => errors.push(
                        config
                            .error(
                                d.span.clone(),
                                format!("cannot disable `{}`: no such rule or checklist", d.value),
                            )
                            .with_hint(hint)
                            .with_key("disable"),
                    ),
                }
            }
            let checklists = o.checklists.as_ref().map(|list| {
                list.iter()
                    .filter_map(|c| match t.book.find_checklist(&c.value) {
                        Ok(id) => Some(id),
                        Err(_) => {
                            errors.push(
                                config
                                    .error(c.span.clone(), format!("checklist `{}` is not loaded", c.value))
                                    .with_key("checklists")
                                    .with_hint("an override selects among the checklists the config's `checklists` loads"),
                            );
                            None
                        }
                    })
                    .collect()
            });
            overrides.push(Choices {
                channel,
                audience,
                lang: o.lang,
                goal: o.goal,
                tone: o.tone,
                checklists,
                disable,
            });
        }
        if errors.is_empty() {
            Ok((top, overrides))
        } else {
            Err(errors)
        }
    }
}

impl Layers {
    /// The settings of the file at `path` (`None`: stdin), whose parsed
    /// text is `doc`. Front matter names that do not resolve become
    /// problems placed on their key's line; the file is still checked with
    /// the rest.
    pub fn resolve(
        &self,
        t: Tables<'_>,
        config: &Config,
        path: Option<&Path>,
        doc: &Document<'_>,
        problems: &mut Vec<Problem>,
    ) -> FileSettings {
        let fm = &doc.front_matter;
        let mut problem = |keys: &[&str], message: String, help: Option<String>| {
            let span = doc.front_matter_span.map(|fm| {
                keys.iter()
                    .find_map(|k| key_line(doc.source, fm, k))
                    .unwrap_or(fm)
            });
            problems.push(Problem {
                span,
                message,
                help,
            });
        };
        // Later overrides win: search them from the last.
        let overrides: Vec<&Choices> = match path {
            Some(p) => config
                .matching_overrides(p)
                .map(|i| &self.overrides[i])
                .collect(),
            None => Vec::new(),
        };
        fn layered<T>(
            overrides: &[&Choices],
            config: &Choices,
            get: impl Fn(&Choices) -> Option<T>,
        ) -> Option<T> {
            overrides
                .iter()
                .rev()
                .find_map(|o| get(o))
                .or_else(|| get(config))
        }

        // Channels: CLI > front matter > override > config > default. A
        // front matter name that does not resolve checks nothing rather
        // than the wrong channel. galaxy-social's `media:` accounts
        // (`bluesky-galaxyproject`) name channels in front matter too; an
        // account on a platform postlint has no profile for (matrix,
        // slack) is left alone.
        let mut channels = Vec::new();
        let mut derived: Vec<ChannelId> = Vec::new();
        for target in &fm.targets {
            if let Some(id) = t.channels.find(target_channel(target))
                && !derived.contains(&id)
            {
                derived.push(id);
            }
        }
        let named: Vec<&String> = if fm.channels.is_empty() {
            fm.channel.iter().collect()
        } else {
            fm.channels.iter().collect()
        };
        let mut channel_set = true;
        if let Some(c) = self.cli.channel {
            channels.push(c);
        } else if !named.is_empty() {
            for name in named {
                match t.channels.resolve(name) {
                    Ok(id) if !channels.contains(&id) => channels.push(id),
                    Ok(_) => {}
                    Err(e) => problem(&["channels", "channel"], e, None),
                }
            }
        } else if !derived.is_empty() {
            channels = derived;
        } else {
            let set = layered(&overrides, &self.config, |c| c.channel);
            channel_set = set.is_some() || default_channel(path) != DEFAULT_CHANNEL;
            channels.push(
                set.or_else(|| t.channels.find(default_channel(path)))
                    .expect("the default channel is built in"),
            );
        }

        // Audience: CLI > front matter > override > config > default.
        // A front matter name that does not resolve gets the default.
        let default = || {
            t.audiences
                .resolve(DEFAULT_AUDIENCE)
                .expect("the default audience is built in")
        };
        let audience = match (&self.cli.audience, &fm.audience) {
            (Some(a), _) => a.clone(),
            (None, Some(name)) => t.audiences.resolve(name).unwrap_or_else(|e| {
                problem(&["audience"], e, None);
                default()
            }),
            (None, None) => {
                layered(&overrides, &self.config, |c| c.audience.clone()).unwrap_or_else(default)
            }
        };

        // Language: CLI > front matter > override > config; else detected.
        let lang = self.cli.lang.or_else(|| match &fm.lang {
            Some(l) => match LangTag::parse(l) {
                Ok(tag) => Some(tag),
                Err(e) => {
                    problem(&["lang"], e, None);
                    None
                }
            },
            None => None,
        });
        let lang = lang.or_else(|| layered(&overrides, &self.config, |c| c.lang));

        // Goal and tone: CLI > front matter > override > config. A front
        // matter name that does not resolve is a problem and falls through.
        let goal = self.cli.goal.or_else(|| {
            fm.goal
                .as_deref()
                .and_then(|g| Goal::parse(g).map_err(|e| problem(&["goal"], e, None)).ok())
                .or_else(|| layered(&overrides, &self.config, |c| c.goal))
        });
        let tone = self
            .cli
            .tone
            .or_else(|| {
                fm.tone
                    .as_deref()
                    .and_then(|t| Tone::parse(t).map_err(|e| problem(&["tone"], e, None)).ok())
                    .or_else(|| layered(&overrides, &self.config, |c| c.tone))
            })
            .unwrap_or_default();

        // Checklists: front matter > override > all loaded (CLI and config
        // already decided what was loaded).
        let mut checklists: Vec<ChecklistId> = match &fm.checklists {
            Some(names) => names
                .iter()
                .filter_map(|name| match t.book.find_checklist(name) {
                    Ok(id) => Some(id),
                    Err(loaded) => {
                        problem(
                            &["checklists"],
                            format!("checklist `{name}` is not loaded; {loaded}"),
                            None,
                        );
                        None
                    }
                })
                .collect(),
            None => overrides
                .iter()
                .rev()
                .find_map(|o| o.checklists.clone())
                .unwrap_or_else(|| t.book.checklist_ids().collect()),
        };
        // `--checklist` wins (front matter names were still checked above).
        if let Some(cli) = &self.cli.checklists {
            checklists = cli.clone();
        }
        checklists.sort_unstable();
        checklists.dedup();

        // Disabled rules and checklists: front matter and overrides add up.
        let mut disable: Vec<Target> = overrides
            .iter()
            .flat_map(|o| o.disable.iter().copied())
            .collect();
        for name in &fm.disable {
            match t.book.find(name) {
                Ok(target) => disable.push(target),
                Err(hint) => problem(
                    &["disable", "postlint"],
                    format!("cannot disable `{name}`: no such rule or checklist"),
                    Some(hint),
                ),
            }
        }
        let mdx = path
            .and_then(Path::extension)
            .is_some_and(|e| e.eq_ignore_ascii_case("mdx"));
        let suppressions = Suppressions::of(t.book, doc, mdx, problems);
        let mut disabled = Vec::new();
        for target in disable {
            match target {
                Target::Rule(r) => disabled.push(r),
                Target::Checklist(c) => checklists.retain(|&x| x != c),
            }
        }
        FileSettings {
            channels,
            channel_set,
            audience,
            lang,
            goal,
            tone,
            checklists: checklists.into(),
            disabled,
            suppressions,
        }
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
/// format) are X posts, `.toot` files (toot-together) Mastodon posts;
/// anything else is `generic`.
fn default_channel(path: Option<&Path>) -> &'static str {
    match path.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("tweet") => "x",
        Some(ext) if ext.eq_ignore_ascii_case("toot") => "mastodon",
        _ => DEFAULT_CHANNEL,
    }
}
