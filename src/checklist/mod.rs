//! Checklists: TOML files of rules, read strictly, validated and compiled
//! once per run into a [`RuleBook`] that every thread shares.

pub mod kinds;
pub mod rule;
pub mod selftest;
pub mod template;

use serde::Deserialize;
use toml::Spanned;
use toml::de::DeValue;

use crate::error::{LoadError, did_you_mean};
use crate::finding::Severity;
use crate::ids::{ChecklistId, RuleId};
use crate::outcome::ScoreNote;
use crate::profile::channel::Channels;
use crate::profile::purpose::{Goal, Tone};
use crate::schema::{Source, Table, fields_of, split_off};
use crate::text::lang::LangTag;
use crate::text::post::{Reading, Scope};
use kinds::api::Resources;
use kinds::{Kind, KindName};
use rule::{Examples, Rule};
use template::Template;

/// The checklists built into the binary, by name.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("readable", include_str!("../../rules/readable.toml")),
    ("correct", include_str!("../../rules/correct.toml")),
    ("channel", include_str!("../../rules/channel.toml")),
    ("strategy", include_str!("../../rules/strategy.toml")),
];

pub fn built_in(name: &str) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A checklist's text and the name to show in errors.
#[derive(Debug, Clone)]
pub struct ChecklistSource {
    pub file: String,
    pub text: String,
}

impl ChecklistSource {
    pub fn built_in(name: &str) -> Option<Self> {
        built_in(name).map(|text| Self {
            file: format!("<built-in>/rules/{name}.toml"),
            text: text.to_owned(),
        })
    }
}

pub struct Checklist {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Share of this checklist in the overall score.
    pub weight: f64,
    /// What its score line in the terminal report shows beside the score.
    pub note: ScoreNote,
    pub file: String,
    /// Its rules: ids `rules.start..rules.end` of [`RuleBook::rules`].
    pub rules: std::ops::Range<usize>,
}

impl Checklist {
    pub fn contains(&self, rule: RuleId) -> bool {
        self.rules.contains(&rule.index())
    }

    pub fn rule_ids(&self) -> impl Iterator<Item = RuleId> + use<> {
        self.rules.clone().map(RuleId::new)
    }
}

/// A name a user wrote where a rule or a whole checklist may go
/// (`disable`, `postlint rules`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Rule(RuleId),
    Checklist(ChecklistId),
}

/// Every checklist and rule of a run, compiled.
pub struct RuleBook {
    pub checklists: Vec<Checklist>,
    pub rules: Vec<Rule>,
}

/// The `[rules]` table of a config file: per-rule key overrides.
pub struct RuleOverrides<'s> {
    pub src: Source<'s>,
    pub table: &'s Table<'s>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecklistSpec {
    id: String,
    title: String,
    description: String,
    #[serde(default = "one")]
    weight: f64,
    #[serde(default)]
    summary: ScoreNote,
}

/// Weights are relative; a cap keeps their sum finite.
const MAX_WEIGHT: f64 = 1000.0;

fn one() -> f64 {
    1.0
}

/// The keys every rule has; the rest of a `[[rule]]` table belongs to its kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommonSpec {
    id: String,
    kind: KindName,
    severity: Severity,
    message: Spanned<String>,
    why: Option<String>,
    help: Option<String>,
    scope: Option<Scope>,
    channels: Option<Vec<Spanned<String>>>,
    /// Only for posts read this way (`plain` or `markdown`).
    reading: Option<Reading>,
    /// Only for posts in these languages (BCP-47; `en` covers `en-GB`).
    languages: Option<Vec<Spanned<String>>>,
    /// Only for posts written for these goals (`awareness`, `engagement`,
    /// `conversion`) or in these tones (`normal`, `crisis`).
    goals: Option<Vec<Goal>>,
    tones: Option<Vec<Tone>>,
    /// Another severity for posts of some goals: `{ conversion = "warning" }`.
    #[serde(default)]
    severity_by_goal: std::collections::BTreeMap<Goal, Severity>,
    examples: Option<Examples>,
    /// Former full ids of the rule, still accepted in configs and
    /// `disable` lists (with a deprecation warning).
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default = "yes")]
    enabled: bool,
}

/// A rule id set twice in one file: the error is at the second, and names
/// the first by file and line.
fn duplicate_rule(
    src: Source<'_>,
    id: &str,
    first: usize,
    again: std::ops::Range<usize>,
) -> LoadError {
    let line = crate::span::LineIndex::new(src.text)
        .position(src.text, first)
        .line;
    src.error(
        again,
        format!(
            "rule `{id}` is defined twice: first at {}:{line}, again here",
            src.file
        ),
    )
    .with_key("id")
    .with_hint("rule ids are unique within a checklist: rename one of them or remove the copy")
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read only for its field names: the file's top-level keys
struct FileSpec {
    checklist: toml::Value,
    rule: Option<toml::Value>,
}

impl RuleBook {
    pub fn load(
        sources: &[ChecklistSource],
        overrides: Option<RuleOverrides<'_>>,
        channels: &Channels,
        resources: &Resources,
    ) -> Result<Self, LoadError> {
        let mut book = RuleBook {
            checklists: Vec::new(),
            rules: Vec::new(),
        };
        let env = Env {
            channels,
            resources,
            overrides: overrides.as_ref(),
        };
        for source in sources {
            book.add(source, &env)?;
        }
        if let Some(o) = &overrides {
            book.check_override_ids(o)?;
        }
        Ok(book)
    }

    fn add(&mut self, source: &ChecklistSource, env: &Env<'_>) -> Result<(), LoadError> {
        let src = Source {
            file: &source.file,
            text: &source.text,
        };
        let doc = src.parse()?;
        let top = doc.get_ref();
        src.check_keys(top, fields_of::<FileSpec>(), "a checklist file")?;
        let Some(meta) = top.get("checklist") else {
            return Err(src
                .error(0..0, "a checklist needs a [checklist] table")
                .with_hint("start the file with [checklist] and id, title, description"));
        };
        let meta_table = meta
            .get_ref()
            .as_table()
            .ok_or_else(|| src.error(meta.span(), "`checklist` must be a table"))?;
        let spec: ChecklistSpec = src.read(meta.span(), meta_table, "[checklist]")?;
        check_id(src, meta.span(), &spec.id, "checklist")?;
        if let Some(other) = self.checklists.iter().find(|c| c.id == spec.id) {
            return Err(src
                .error(meta.span(), format!("checklist `{}` is already loaded from {}", spec.id, other.file))
                .with_key("id")
                .with_hint("give your checklist its own id; change built-in rules with [rules.\"id\"] in postlint.toml"));
        }
        if !(0.0..=MAX_WEIGHT).contains(&spec.weight) {
            return Err(src
                .error(
                    meta.span(),
                    format!("`weight` must be between 0 and {MAX_WEIGHT}"),
                )
                .with_key("weight"));
        }
        let first = self.rules.len();
        let index = ChecklistId::new(self.checklists.len());
        let rules = match top.get("rule") {
            None => &[][..],
            Some(r) => match r.get_ref() {
                DeValue::Array(a) => &a[..],
                _ => {
                    return Err(src.error(
                        r.span(),
                        "`rule` must be an array of tables: write [[rule]]",
                    ));
                }
            },
        };
        // Where each rule of this file sets its id, so a duplicate names both.
        let mut id_spans: Vec<std::ops::Range<usize>> = Vec::with_capacity(rules.len());
        for value in rules {
            let span = value.span();
            let table = value
                .get_ref()
                .as_table()
                .ok_or_else(|| src.error(span.clone(), "each [[rule]] must be a table"))?;
            let id_span = table.get("id").map_or_else(|| span.clone(), Spanned::span);
            let rule = compile_rule(src, span, table, &spec.id, index, env)?;
            if let Some(before) = self.rules[first..].iter().position(|r| r.id == rule.id) {
                return Err(duplicate_rule(
                    src,
                    &rule.id,
                    id_spans[before].start,
                    id_span,
                ));
            }
            id_spans.push(id_span);
            self.rules.push(rule);
        }
        self.checklists.push(Checklist {
            id: spec.id,
            title: spec.title,
            description: spec.description,
            weight: spec.weight,
            note: spec.summary,
            file: source.file.clone(),
            rules: first..self.rules.len(),
        });
        Ok(())
    }

    fn check_override_ids(&self, o: &RuleOverrides<'_>) -> Result<(), LoadError> {
        for (key, _) in o.table.iter() {
            let id: &str = key.get_ref();
            if let Err(hint) = self.find_rule(id) {
                return Err(o
                    .src
                    .error(key.span(), "no loaded rule has this id")
                    .with_key(id)
                    .with_hint(hint));
            }
        }
        Ok(())
    }

    pub fn rule(&self, id: RuleId) -> &Rule {
        &self.rules[id.index()]
    }

    pub fn checklist(&self, id: ChecklistId) -> &Checklist {
        &self.checklists[id.index()]
    }

    pub fn rule_ids(&self) -> impl Iterator<Item = RuleId> + use<> {
        (0..self.rules.len()).map(RuleId::new)
    }

    pub fn checklist_ids(&self) -> impl Iterator<Item = ChecklistId> + use<> {
        (0..self.checklists.len()).map(ChecklistId::new)
    }

    /// The one place a user's name for a rule or checklist is looked up
    /// (config `[rules]`, `disable`, `checklists`, `explain`). The error is
    /// the hint to show: a close name, or where to find the names.
    pub fn find(&self, name: &str) -> Result<Target, String> {
        if let Some(i) = self.rules.iter().position(|r| r.id == name) {
            return Ok(Target::Rule(RuleId::new(i)));
        }
        if let Some(r) = self.renamed(name) {
            return Ok(Target::Rule(r));
        }
        if let Ok(c) = self.find_checklist(name) {
            return Ok(Target::Checklist(c));
        }
        let known = self
            .rules
            .iter()
            .map(|r| r.id.as_str())
            .chain(self.checklists.iter().map(|c| c.id.as_str()));
        Err(match did_you_mean(name, known) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "`postlint rules` lists every rule and checklist".to_owned(),
        })
    }

    /// The rule that `old` is a former id of (`aliases` in its checklist).
    pub fn renamed(&self, old: &str) -> Option<RuleId> {
        self.rules
            .iter()
            .position(|r| r.aliases.iter().any(|a| a == old))
            .map(RuleId::new)
    }

    /// A rule by full id; the error is a hint, as for [`RuleBook::find`].
    /// A close name is looked for within the same checklist first, so
    /// `readable.` alone does not decide the match.
    pub fn find_rule(&self, id: &str) -> Result<RuleId, String> {
        if let Some(i) = self.rules.iter().position(|r| r.id == id) {
            return Ok(RuleId::new(i));
        }
        if let Some(r) = self.renamed(id) {
            return Ok(r);
        }
        let (checklist, name) = id.split_once('.').unwrap_or(("", id));
        if let Ok(c) = self.find_checklist(checklist) {
            let rules = &self.rules[self.checklist(c).rules.clone()];
            return Err(match did_you_mean(name, rules.iter().map(Rule::short_id)) {
                Some(short) => {
                    format!("did you mean `{checklist}.{short}`? Rule ids are `checklist.rule`")
                }
                None => format!(
                    "`{checklist}` has {}",
                    rules
                        .iter()
                        .map(|r| format!("`{}`", r.id))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        Err(
            match did_you_mean(id, self.rules.iter().map(|r| r.id.as_str())) {
                Some(close) => format!("did you mean `{close}`? Rule ids are `checklist.rule`"),
                None => "`postlint rules` lists every rule id".to_owned(),
            },
        )
    }

    /// A loaded checklist by id; the error lists the loaded ones.
    pub fn find_checklist(&self, id: &str) -> Result<ChecklistId, String> {
        self.checklists
            .iter()
            .position(|c| c.id == id)
            .map(ChecklistId::new)
            .ok_or_else(|| {
                format!(
                    "loaded: {}",
                    self.checklists
                        .iter()
                        .map(|c| c.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
    }
}

/// What compiling a rule needs besides its own table.
struct Env<'a> {
    channels: &'a Channels,
    resources: &'a Resources,
    overrides: Option<&'a RuleOverrides<'a>>,
}

fn check_id(
    src: Source<'_>,
    span: std::ops::Range<usize>,
    id: &str,
    what: &str,
) -> Result<(), LoadError> {
    let ok = !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(src
            .error(span, format!("{what} id `{id}` is not kebab-case"))
            .with_key("id")
            .with_hint("use lowercase letters, digits and dashes, e.g. `sentence-too-long`"))
    }
}

fn compile_rule(
    src: Source<'_>,
    span: std::ops::Range<usize>,
    table: &Table<'_>,
    checklist_id: &str,
    checklist: ChecklistId,
    env: &Env<'_>,
) -> Result<Rule, LoadError> {
    let common_keys = fields_of::<CommonSpec>();
    // Unknown keys first, against everything a rule of this kind may have,
    // so a typo is reported as a typo and not as a missing key.
    let kind: KindName = match table.get("kind") {
        Some(k) => src.read_value(k.span(), k.get_ref().clone())?,
        None => {
            return Err(src
                .error(span, "a rule needs a `kind`")
                .with_key("kind")
                .with_hint(format!("one of {}", KindName::list())));
        }
    };
    let known: Vec<&str> = common_keys.iter().chain(kind.fields()).copied().collect();
    src.check_keys(table, &known, &format!("a `{}` rule", kind.as_str()))?;
    let mut kind_table = table.clone();
    let common_table = split_off(&mut kind_table, common_keys);
    let common: CommonSpec = src.read_value(span.clone(), DeValue::Table(common_table.clone()))?;
    check_id(src, span.clone(), &common.id, "rule")?;
    let full_id = format!("{checklist_id}.{}", common.id);
    let rule = build(
        src,
        span.clone(),
        common,
        &kind_table,
        full_id.clone(),
        checklist,
        env,
    )?;
    let Some(o) = env.overrides else {
        return Ok(rule);
    };
    let over = std::iter::once(full_id.as_str())
        .chain(rule.aliases.iter().map(String::as_str))
        .find_map(|id| o.table.get(id));
    let Some(over) = over else {
        return Ok(rule);
    };
    // Overrides are merged into the rule's own table and the result is read
    // as strictly as the checklist itself; errors point into the config.
    let over_table = over.get_ref().as_table().ok_or_else(|| {
        o.src
            .error(over.span(), "a rule override must be a table")
            .with_key(full_id.as_str())
    })?;
    let mut merged_common = common_table;
    let mut merged_kind = kind_table;
    for (key, value) in over_table.iter() {
        let name: &str = key.get_ref();
        if name == "id" || name == "kind" {
            return Err(o
                .src
                .error(key.span(), "`id` and `kind` of a rule cannot be overridden")
                .with_key(name));
        }
        let target = if common_keys.contains(&name) {
            &mut merged_common
        } else {
            &mut merged_kind
        };
        target.insert(key.clone(), value.clone());
    }
    let common: CommonSpec = o
        .src
        .read_value(over.span(), DeValue::Table(merged_common))?;
    build(
        o.src,
        over.span(),
        common,
        &merged_kind,
        full_id,
        checklist,
        env,
    )
}

fn build(
    src: Source<'_>,
    span: std::ops::Range<usize>,
    common: CommonSpec,
    kind_table: &Table<'_>,
    id: String,
    checklist: ChecklistId,
    env: &Env<'_>,
) -> Result<Rule, LoadError> {
    let channels = env.channels;
    let scope = common.scope.unwrap_or(Scope::Post);
    let compiled = Kind::compile(
        common.kind,
        scope,
        src,
        span.clone(),
        kind_table,
        env.resources,
    )?;
    // The kind's keys as TOML, for `postlint explain`.
    let settings: toml::Table = src.read_value(span.clone(), DeValue::Table(kind_table.clone()))?;
    let settings = toml::to_string(&settings).unwrap_or_default();
    let message = Template::parse(common.message.get_ref(), compiled.placeholders)
        .map_err(|e| src.error(common.message.span(), e).with_key("message"))?;
    let mut channel_ids = None;
    if let Some(list) = common.channels {
        let mut ids = Vec::with_capacity(list.len());
        for c in list {
            let id = channels
                .resolve(c.get_ref())
                .map_err(|e| src.error(c.span(), e).with_key("channels"))?;
            ids.push(id);
        }
        channel_ids = Some(ids);
    }
    let languages = common
        .languages
        .map(|list| {
            list.iter()
                .map(|l| {
                    LangTag::parse(l.get_ref())
                        .map_err(|e| src.error(l.span(), e).with_key("languages"))
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    let examples = common.examples.unwrap_or_default();
    if let Some(c) = &examples.channel {
        channels
            .resolve(c)
            .map_err(|e| src.error(span.clone(), e).with_key("examples.channel"))?;
    }
    Ok(Rule {
        id,
        checklist,
        severity: common.severity,
        enabled: common.enabled,
        message,
        why: common.why.unwrap_or_default(),
        help: common.help,
        scope,
        channels: channel_ids,
        languages,
        goals: common.goals,
        tones: common.tones,
        severity_by_goal: common.severity_by_goal.into_iter().collect(),
        aliases: common.aliases,
        reading: common.reading,
        settings,
        examples,
        kind: compiled.kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "[checklist]\nid = \"brand\"\ntitle = \"Brand\"\ndescription = \"d\"\n\n";

    fn load(rules: &str) -> Result<RuleBook, LoadError> {
        let source = ChecklistSource {
            file: "brand.toml".into(),
            text: format!("{HEAD}{rules}"),
        };
        RuleBook::load(
            &[source],
            None,
            &Channels::built_in().unwrap(),
            &Resources::default(),
        )
    }

    /// Built-in patterns compile on first use, so this loads each built-in
    /// checklist as a team's file, which compiles and checks every pattern
    /// at load (a bad one would otherwise fail only when a post reaches it).
    #[test]
    fn every_built_in_pattern_compiles() {
        for (name, text) in BUILT_IN {
            let source = ChecklistSource {
                file: format!("as-team/{name}.toml"),
                text: text.to_string(),
            };
            let loaded = RuleBook::load(
                &[source],
                None,
                &Channels::built_in().unwrap(),
                &Resources::default(),
            );
            if let Err(e) = loaded {
                panic!("{name}: {e}");
            }
        }
    }

    /// Line numbers below count the five lines of `HEAD`.
    fn err(rules: &str) -> LoadError {
        match load(rules) {
            Ok(_) => panic!("expected an error for {rules:?}"),
            Err(e) => e,
        }
    }

    const RULE: &str = "[[rule]]\nid = \"x\"\nkind = \"existence\"\ntokens = [\"foo\"]\nseverity = \"warning\"\nmessage = \"no {match}\"\n";

    #[test]
    fn a_good_rule_loads_with_its_full_id() {
        let book = load(RULE).unwrap();
        assert_eq!(book.rules[0].id, "brand.x");
        assert_eq!(book.checklists[0].rules, 0..1);
    }

    #[test]
    fn unknown_key_names_line_column_key_and_suggestion() {
        let e = err(&RULE.replace("tokens", "tokenz"));
        assert_eq!((e.file.as_str(), e.line, e.column), ("brand.toml", 9, 1));
        assert_eq!(e.key.as_deref(), Some("tokenz"));
        assert_eq!(e.hint.as_deref(), Some("did you mean `tokens`?"));
        let e = err(&RULE.replace("severity", "serverity"));
        assert_eq!(
            (e.line, e.hint.as_deref()),
            (10, Some("did you mean `severity`?"))
        );
    }

    #[test]
    fn bad_values_are_located() {
        let e = err(&RULE.replace("tokens = [\"foo\"]", "patterns = [\"(\"]"));
        assert_eq!(
            (e.line, e.column, e.key.as_deref()),
            (9, 13, Some("patterns"))
        );
        let e = err(&RULE.replace("\"existence\"", "\"existance\""));
        assert_eq!((e.line, e.column, e.key.as_deref()), (8, 8, Some("kind")));
        assert_eq!(e.hint.as_deref(), Some("did you mean `existence`?"));
        let e = err(&RULE.replace("\"warning\"", "\"fatal\""));
        assert_eq!(e.line, 10);
        let e = err(&RULE.replace("{match}", "{mach}"));
        assert_eq!(e.key.as_deref(), Some("message"));
        assert!(e.message.contains("{match}"), "{e}");
        let e = err(&format!("{RULE}scope = \"sentense\"\n"));
        assert_eq!(e.line, 12);
        let e = err(&format!("{RULE}channels = [\"twiter\"]\n"));
        assert!(
            e.message.contains("did you mean `twitter`") || e.message.contains("unknown channel"),
            "{e}"
        );
    }

    #[test]
    fn kinds_validate_their_own_keys() {
        let metric = "[[rule]]\nid = \"m\"\nkind = \"metric\"\nmetric = \"words\"\nseverity = \"warning\"\nmessage = \"m\"\n";
        assert!(err(metric).message.contains("`min` or `max`"));
        assert!(
            err(&format!("{metric}max = \"channel.lenght\"\n"))
                .message
                .contains("unknown threshold")
        );
        assert!(
            err(&format!("{metric}max = 3\nscope = \"word\"\n"))
                .message
                .contains("scope")
        );
        let e = err(&format!("{metric}max = 3\nmetrc = 1\n"));
        assert_eq!(e.hint.as_deref(), Some("did you mean `metric`?"));
    }

    #[test]
    fn metric_names_from_stats_are_aliases() {
        let rule = |metric: &str| {
            format!(
                "[[rule]]\nid = \"x\"\nkind = \"metric\"\nmetric = \"{metric}\"\nmax = 1\nseverity = \"warning\"\nmessage = \"{{value}}\"\n"
            )
        };
        let text =
            "Extraordinarily complicated institutional communication necessitates comprehension.";
        let messages = |metric: &str| -> Vec<String> {
            let e = crate::engine::Engine::with_book(load(&rule(metric)).unwrap()).unwrap();
            e.check_source(None, "t".into(), text.into()).posts[0]
                .findings
                .iter()
                .map(|f| f.message.clone())
                .collect()
        };
        for (alias, name) in [
            ("flesch_kincaid_grade", "grade"),
            ("gunning_fog", "fog"),
            ("coleman_liau", "coleman-liau"),
        ] {
            let found = messages(name);
            assert_eq!(found.len(), 1, "{name} fires on this text");
            assert_eq!(messages(alias), found, "{alias} = {name}");
        }
        assert!(load(&rule("flesch_reading_ease")).is_ok());
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let e = err(&format!("{RULE}\n{RULE}"));
        assert!(e.message.contains("defined twice"), "{e:?}");
        // Both places: the first `id` (line 7, after HEAD's five lines) in
        // the message, the second (line 14) as the error's location.
        assert!(
            e.message.contains("first at brand.toml:7, again here"),
            "{e:?}"
        );
        assert_eq!((e.line, e.key.as_deref()), (14, Some("id")), "{e:?}");
        let builtin = ChecklistSource::built_in("readable").unwrap();
        let copy = ChecklistSource {
            file: "mine.toml".into(),
            text: builtin.text.clone(),
        };
        let e = RuleBook::load(
            &[builtin, copy],
            None,
            &Channels::built_in().unwrap(),
            &Resources::default(),
        )
        .err()
        .unwrap();
        assert_eq!(e.file, "mine.toml");
        assert!(e.message.contains("already loaded"));
    }

    #[test]
    fn config_overrides_are_read_as_strictly_as_rules() {
        let channels = Channels::built_in().unwrap();
        let sources = [ChecklistSource::built_in("readable").unwrap()];
        let run = |config: &str| {
            let src = Source {
                file: "postlint.toml",
                text: config,
            };
            let doc = src.parse().unwrap();
            let table = doc
                .get_ref()
                .get("rules")
                .unwrap()
                .get_ref()
                .as_table()
                .unwrap();
            RuleBook::load(
                &sources,
                Some(RuleOverrides { src, table }),
                &channels,
                &Resources::default(),
            )
        };
        let book =
            run("[rules.\"readable.sentence-too-long\"]\nseverity = \"suggestion\"\nmax = 20\n")
                .unwrap();
        let rule = book.rule(book.find_rule("readable.sentence-too-long").unwrap());
        assert_eq!(rule.severity, Severity::Suggestion);
        let e = run("[rules.\"readable.sentence-too-long\"]\nmaxx = 20\n")
            .err()
            .unwrap();
        assert_eq!(
            (e.file.as_str(), e.line, e.key.as_deref()),
            ("postlint.toml", 2, Some("maxx"))
        );
        let e = run("[rules.\"readable.sentence-too-lng\"]\nmax = 20\n")
            .err()
            .unwrap();
        assert_eq!(
            e.hint.as_deref(),
            Some("did you mean `readable.sentence-too-long`? Rule ids are `checklist.rule`")
        );
        let e = run("[rules.\"readable.sentence-too-long\"]\nmax = \"lots\"\n")
            .err()
            .unwrap();
        assert_eq!((e.file.as_str(), e.line), ("postlint.toml", 2));
    }
}
