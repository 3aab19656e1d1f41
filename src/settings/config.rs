//! `postlint.toml`: found by walking up from the working directory (or
//! named with `--config`), read strictly, and resolved per file.
//!
//! Precedence, highest first: CLI > front matter > path override (later
//! entries win) > config file > built-in defaults.

use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::error::LoadError;
use crate::profile::purpose::{Goal, Tone, Tracking};
use crate::schema::Source;
use crate::text::lang::LangTag;

pub const FILE_NAME: &str = "postlint.toml";

/// When a finding fails its post (`fail_on`, `--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Suggestion,
    /// Findings never fail the run (exit 0); reports still say what failed.
    Never,
}

/// `max_file_size`: bytes, or a string with a unit (`"16MB"`, `"512 KB"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum FileSize {
    Bytes(i64),
    Text(String),
}

/// Reads `max_file_size`. Units are binary, as the default's "16 MB"
/// always was: KB = 1024 bytes, MB = 1024², GB = 1024³ (`KiB`, `MiB`,
/// `GiB` and a bare `B` are accepted too, in any case).
pub fn parse_file_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '_'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: u64 = number
        .replace('_', "")
        .parse()
        .map_err(|_| format!("`{text}` is not a size"))?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(format!("unknown size unit `{other}` in `{text}`")),
    };
    match number.checked_mul(scale) {
        Some(0) => Err("max_file_size must be more than 0".to_owned()),
        Some(n) => Ok(n),
        None => Err(format!("`{text}` is too large")),
    }
}

/// A value that may be written as a name or a number (`audience`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum NameOrNumber {
    Name(String),
    Number(f64),
}

impl NameOrNumber {
    pub fn into_string(self) -> String {
        match self {
            NameOrNumber::Name(s) => s,
            NameOrNumber::Number(n) => n.to_string(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigSpec {
    channel: Option<Spanned<String>>,
    audience: Option<Spanned<NameOrNumber>>,
    lang: Option<Spanned<String>>,
    goal: Option<Goal>,
    tone: Option<Tone>,
    /// Where `docs/rules.md` is published: SARIF rules link to it.
    docs_url: Option<Spanned<String>>,
    checklists: Option<Vec<Spanned<String>>>,
    min_score: Option<Spanned<f64>>,
    fail_on: Option<FailOn>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    thread_separator: Option<Spanned<String>>,
    max_file_size: Option<Spanned<FileSize>>,
    #[serde(default)]
    vocabulary: VocabularySpec,
    #[serde(default)]
    strategy: StrategySpec,
    #[serde(default)]
    scoring: ScoringSpec,
    #[serde(default)]
    overrides: Vec<Spanned<OverrideSpec>>,
    /// Read separately, for the spans of its keys (`dictionaries`).
    #[allow(dead_code)]
    dictionaries: Option<toml::Value>,
    /// Read separately by the checklist loader (per-rule overrides).
    #[allow(dead_code)]
    rules: Option<toml::Value>,
    /// Read separately by the channel profiles (`[channels.x]`).
    #[allow(dead_code)]
    channels: Option<toml::Value>,
}

/// `[vocabulary]`: the team's word list files, relative to the config.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularySpec {
    #[serde(default)]
    accept: Vec<Spanned<String>>,
    #[serde(default)]
    reject: Vec<Spanned<String>>,
    /// Terms readers may not know, each with plain words to say instead.
    #[serde(default)]
    jargon: Vec<Spanned<String>>,
}

/// `[scoring]`: the team's bands and whether an error caps the score.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoringSpec {
    bands: Option<Spanned<Vec<BandSpec>>>,
    cap_on_error: Option<bool>,
}

/// One `[[scoring.bands]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandSpec {
    pub name: String,
    pub min: f64,
}

/// `[strategy]`: the team's own sites, whose links carry its UTM tags.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StrategySpec {
    #[serde(default)]
    domains: Vec<Spanned<String>>,
    utm_parameters: Option<Vec<Spanned<String>>>,
    utm_source: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideSpec {
    paths: Vec<Spanned<String>>,
    channel: Option<Spanned<String>>,
    audience: Option<Spanned<NameOrNumber>>,
    lang: Option<Spanned<String>>,
    goal: Option<Goal>,
    tone: Option<Tone>,
    checklists: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
}

/// A name read from the config, with where it was written, so later
/// validation (unknown channel...) can point at it.
#[derive(Debug, Clone)]
pub struct Located {
    pub value: String,
    pub span: std::ops::Range<usize>,
}

impl Located {
    fn from(s: Spanned<String>) -> Self {
        Self {
            span: s.span(),
            value: s.into_inner(),
        }
    }

    fn from_name(s: Spanned<NameOrNumber>) -> Self {
        Self {
            span: s.span(),
            value: s.into_inner().into_string(),
        }
    }
}

#[derive(Debug)]
pub struct Override {
    pub paths: GlobSet,
    pub channel: Option<Located>,
    pub audience: Option<Located>,
    pub lang: Option<LangTag>,
    pub goal: Option<Goal>,
    pub tone: Option<Tone>,
    pub checklists: Option<Vec<Located>>,
    pub disable: Vec<Located>,
}

/// One `[dictionaries]` entry: a language and the path of its Hunspell
/// files without extension (`dict/de_DE` -> `dict/de_DE.aff` and
/// `dict/de_DE.dic`), relative to the config.
#[derive(Debug, Clone)]
pub struct DictionaryEntry {
    pub lang: LangTag,
    pub path: Located,
}

/// A loaded configuration. `Config::default()` is what runs with no file.
#[derive(Debug, Default)]
pub struct Config {
    /// The file and its text (for error positions and `[rules]`).
    pub path: Option<PathBuf>,
    pub text: String,
    pub channel: Option<Located>,
    pub audience: Option<Located>,
    /// The language of posts that neither say nor are long enough to tell.
    pub lang: Option<LangTag>,
    /// What posts are for, when front matter does not say.
    pub goal: Option<Goal>,
    pub tone: Option<Tone>,
    /// `[strategy]`: the team's own domains and the UTM tags their links carry.
    pub tracking: Tracking,
    /// The absolute URL of the rule reference (`docs_url`, `--docs-url`).
    pub docs_url: Option<String>,
    /// `[scoring]`: bands replacing the built-in ones (with where they are
    /// written, for errors), and whether an error caps the score.
    pub bands: Option<(Vec<BandSpec>, std::ops::Range<usize>)>,
    pub cap_on_error: Option<bool>,
    /// Built-in names or paths (relative to the config file).
    pub checklists: Option<Vec<Located>>,
    pub min_score: Option<f64>,
    pub fail_on: Option<FailOn>,
    pub exclude: Option<GlobSet>,
    pub thread_separator: Option<String>,
    /// The largest file read, in bytes (`max_file_size`; else
    /// [`crate::input::read::MAX_FILE_BYTES`]).
    pub max_file_size: Option<u64>,
    /// Files of words the team accepts, and of words it rejects.
    pub accept: Vec<Located>,
    pub reject: Vec<Located>,
    /// Files of the team's jargon (`readable.jargon`).
    pub jargon: Vec<Located>,
    /// The team's Hunspell dictionaries, in file order.
    pub dictionaries: Vec<DictionaryEntry>,
    pub overrides: Vec<Override>,
}

/// A link to the rule reference must be absolute: SARIF viewers open it
/// from anywhere.
pub fn check_docs_url(s: &str) -> Result<(), String> {
    let host = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or("");
    if host.is_empty() || s.contains(char::is_whitespace) {
        return Err("must be an absolute http:// or https:// URL, e.g. https://github.com/ORG/REPO/blob/main/docs/rules.md".into());
    }
    Ok(())
}

/// Reads `[strategy]`: domains as host names (a pasted URL is an error
/// that says so), parameter names as written.
fn tracking(src: &Source<'_>, spec: StrategySpec) -> Result<Tracking, LoadError> {
    let mut domains = Vec::with_capacity(spec.domains.len());
    for d in spec.domains {
        let host = d
            .get_ref()
            .trim()
            .trim_start_matches("*.")
            .to_ascii_lowercase();
        if host.is_empty() || host.contains(['/', ':', ' ', '?', '#']) || !host.contains('.') {
            return Err(src
                .error(d.span(), format!("`{}` is not a domain name", d.get_ref()))
                .with_key("domains")
                .with_hint(
                    "write host names without a scheme or path: domains = [\"example.com\"]",
                ));
        }
        domains.push(host);
    }
    let mut tracking = Tracking {
        domains,
        ..Tracking::default()
    };
    if let Some(params) = spec.utm_parameters {
        tracking.parameters = Vec::with_capacity(params.len());
        for p in params {
            let name = p.get_ref().trim();
            if name.is_empty() || name.contains(['=', '&', '?', ' ']) {
                return Err(src
                    .error(
                        p.span(),
                        format!("`{}` is not a query parameter name", p.get_ref()),
                    )
                    .with_key("utm_parameters")
                    .with_hint(
                        "utm_parameters = [\"utm_source\", \"utm_medium\", \"utm_campaign\"]",
                    ));
            }
            tracking.parameters.push(name.to_owned());
        }
    }
    if let Some(sources) = spec.utm_source {
        tracking.sources = sources;
    }
    Ok(tracking)
}

impl Config {
    /// The largest file a run reads, in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_size
            .unwrap_or(crate::input::read::MAX_FILE_BYTES)
    }

    /// Finds `postlint.toml` in `start` or its parents.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| LoadError {
            file: file.clone(),
            line: 1,
            column: 1,
            key: None,
            message: format!("cannot read config: {e}"),
            hint: None,
        })?;
        Self::parse(path, text)
    }

    pub fn parse(path: &Path, text: String) -> Result<Self, LoadError> {
        let file = path.display().to_string();
        let src = Source {
            file: &file,
            text: &text,
        };
        let doc = src.parse()?;
        let spec: ConfigSpec = src.read(doc.span(), doc.get_ref(), "postlint.toml")?;
        if let Some(rules) = doc.get_ref().get("rules")
            && !rules.get_ref().is_table()
        {
            return Err(src
                .error(rules.span(), "`rules` must be a table of rule ids")
                .with_hint("[rules.\"readable.sentence-too-long\"]\nmax = 30"));
        }
        let glob_set = |globs: &[Spanned<String>]| -> Result<GlobSet, LoadError> {
            let mut b = GlobSetBuilder::new();
            for g in globs {
                let glob = Glob::new(g.get_ref())
                    .map_err(|e| src.error(g.span(), format!("invalid glob: {}", e.kind())))?;
                b.add(glob);
            }
            b.build()
                .map_err(|e| src.error(0..0, format!("invalid globs: {e}")))
        };
        let lang = |l: Option<Spanned<String>>| -> Result<Option<LangTag>, LoadError> {
            l.map(|l| {
                LangTag::parse(l.get_ref()).map_err(|e| src.error(l.span(), e).with_key("lang"))
            })
            .transpose()
        };
        let mut dictionaries = Vec::new();
        if let Some(table) = doc.get_ref().get("dictionaries") {
            let Some(table) = table.get_ref().as_table() else {
                return Err(src
                    .error(
                        table.span(),
                        "`dictionaries` must be a table of language tags",
                    )
                    .with_key("dictionaries")
                    .with_hint("[dictionaries]\nde = \"dict/de_DE\""));
            };
            for (key, value) in table.iter() {
                let lang = LangTag::parse(key.get_ref())
                    .map_err(|e| src.error(key.span(), e).with_key("dictionaries"))?;
                let Some(path) = value.get_ref().as_str() else {
                    return Err(src
                        .error(
                            value.span(),
                            "a dictionary is the path of its .aff and .dic files, without the extension",
                        )
                        .with_key(key.get_ref().to_string())
                        .with_hint(format!("{} = \"dict/de_DE\"", key.get_ref())));
                };
                dictionaries.push(DictionaryEntry {
                    lang,
                    path: Located {
                        value: path.to_owned(),
                        span: value.span(),
                    },
                });
            }
        }
        let mut overrides = Vec::with_capacity(spec.overrides.len());
        for o in spec.overrides {
            let span = o.span();
            let o = o.into_inner();
            if o.paths.is_empty() {
                return Err(src
                    .error(span, "an [[overrides]] entry needs `paths`")
                    .with_key("paths"));
            }
            overrides.push(Override {
                paths: glob_set(&o.paths)?,
                channel: o.channel.map(Located::from),
                audience: o.audience.map(Located::from_name),
                lang: lang(o.lang)?,
                goal: o.goal,
                tone: o.tone,
                checklists: o
                    .checklists
                    .map(|v| v.into_iter().map(Located::from).collect()),
                disable: o.disable.into_iter().map(Located::from).collect(),
            });
        }
        let min_score = match spec.min_score {
            Some(s) if !(0.0..=100.0).contains(s.get_ref()) => {
                return Err(src
                    .error(s.span(), "`min_score` must be between 0 and 100")
                    .with_key("min_score"));
            }
            s => s.map(Spanned::into_inner),
        };
        let thread_separator = match spec.thread_separator {
            Some(s) if s.get_ref().trim().is_empty() || s.get_ref().contains('\n') => {
                return Err(src
                    .error(s.span(), "`thread_separator` must be one non-blank line")
                    .with_key("thread_separator"));
            }
            s => s.map(|s| s.into_inner().trim().to_owned()),
        };
        let exclude = if spec.exclude.is_empty() {
            None
        } else {
            Some(glob_set(&spec.exclude)?)
        };
        let tracking = tracking(&src, spec.strategy)?;
        let docs_url = spec
            .docs_url
            .map(|u| {
                check_docs_url(u.get_ref())
                    .map_err(|e| src.error(u.span(), e).with_key("docs_url"))?;
                Ok::<_, LoadError>(u.into_inner())
            })
            .transpose()?;
        let max_file_size = spec
            .max_file_size
            .map(|size| {
                let span = size.span();
                match size.into_inner() {
                    FileSize::Bytes(n) if n > 0 => Ok(n as u64),
                    FileSize::Bytes(_) => Err("max_file_size must be more than 0".to_owned()),
                    FileSize::Text(t) => parse_file_size(&t),
                }
                .map_err(|e| {
                    src.error(span, e).with_key("max_file_size").with_hint(
                        "bytes, or a string such as \"16MB\" or \"512KB\" (KB = 1024 bytes)",
                    )
                })
            })
            .transpose()?;
        Ok(Self {
            max_file_size,
            path: Some(path.to_owned()),
            channel: spec.channel.map(Located::from),
            audience: spec.audience.map(Located::from_name),
            lang: lang(spec.lang)?,
            goal: spec.goal,
            tone: spec.tone,
            tracking,
            docs_url,
            bands: spec.scoring.bands.map(|b| {
                let span = b.span();
                (b.into_inner(), span)
            }),
            cap_on_error: spec.scoring.cap_on_error,
            checklists: spec
                .checklists
                .map(|v| v.into_iter().map(Located::from).collect()),
            min_score,
            fail_on: spec.fail_on,
            exclude,
            thread_separator,
            accept: spec
                .vocabulary
                .accept
                .into_iter()
                .map(Located::from)
                .collect(),
            reject: spec
                .vocabulary
                .reject
                .into_iter()
                .map(Located::from)
                .collect(),
            jargon: spec
                .vocabulary
                .jargon
                .into_iter()
                .map(Located::from)
                .collect(),
            dictionaries,
            overrides,
            text,
        })
    }

    /// The folder config paths are relative to.
    pub fn base_dir(&self) -> PathBuf {
        match self.path.as_deref().and_then(Path::parent) {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        }
    }

    /// `path` relative to the config's folder, for matching globs.
    pub fn relative<'p>(&self, path: &'p Path) -> std::borrow::Cow<'p, Path> {
        let base = self.base_dir();
        let plain = path.strip_prefix("./").unwrap_or(path);
        let r = if base == Path::new(".") {
            Ok(plain)
        } else {
            plain.strip_prefix(&base)
        };
        if let Ok(r) = r
            && !r.components().any(|c| c == Component::ParentDir)
        {
            return std::borrow::Cow::Borrowed(r);
        }
        // `..` or a base elsewhere: compare absolute paths with `.` and `..`
        // resolved (without touching the disk, so links stay as written).
        let abs = normalise(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned()));
        let base = normalise(&std::path::absolute(&base).unwrap_or(base));
        match abs.strip_prefix(&base) {
            Ok(r) => std::borrow::Cow::Owned(r.to_owned()),
            Err(_) => std::borrow::Cow::Borrowed(path),
        }
    }

    pub fn is_excluded(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|set| set.is_match(self.relative(path)))
    }

    /// Indices of the overrides matching `path`, in file order (later
    /// ones win).
    pub fn matching_overrides(&self, path: &Path) -> impl Iterator<Item = usize> + '_ {
        let rel = self.relative(path).into_owned();
        self.overrides
            .iter()
            .enumerate()
            .filter(move |(_, o)| o.paths.is_match(&rel))
            .map(|(i, _)| i)
    }

    pub fn source(&self) -> Source<'_> {
        Source {
            file: self
                .path
                .as_deref()
                .and_then(Path::to_str)
                .unwrap_or(FILE_NAME),
            text: &self.text,
        }
    }

    /// A located error in this config file.
    pub fn error(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> LoadError {
        self.source().error(span, message)
    }
}

/// `path` with `.` dropped and `..` taking off the component before it.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The starter file `postlint init` writes.
pub const STARTER: &str = include_str!("../../rules/postlint.starter.toml");

/// The files the starter config names besides itself (the team's brand
/// checklist and vocabulary), and what `init` writes in them when they do
/// not exist yet.
pub const STARTER_VOCABULARY: &[(&str, &str)] = &[
    ("brand.toml", include_str!("../../rules/brand.starter.toml")),
    (
        "vocab/accept.txt",
        include_str!("../../rules/accept.starter.txt"),
    ),
    (
        "vocab/reject.txt",
        include_str!("../../rules/reject.starter.txt"),
    ),
    (
        "vocab/jargon.txt",
        include_str!("../../rules/jargon.starter.txt"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, LoadError> {
        Config::parse(Path::new("postlint.toml"), text.to_owned())
    }

    #[test]
    fn issue_example_config_parses() {
        let c = parse(
            r#"
channel = "linkedin"
audience = "general"
checklists = ["readable", "correct", "channel", "strategy", "brand.toml"]
min_score = 70
fail_on = "error"
exclude = ["archive/**"]
[[overrides]]
paths = ["social/x/**"]
channel = "x"
[rules."readable.sentence-too-long"]
severity = "suggestion"
max = 20
"#,
        )
        .unwrap();
        assert_eq!(c.channel.as_ref().unwrap().value, "linkedin");
        assert_eq!(c.min_score, Some(70.0));
        assert_eq!(c.fail_on, Some(FailOn::Error));
        assert!(c.is_excluded(Path::new("archive/2020/a.md")));
        assert_eq!(
            c.matching_overrides(Path::new("social/x/a.tweet")).count(),
            1,
            "override paths match relative paths"
        );
    }

    #[test]
    fn paths_with_dot_dot_match_globs_relative_to_the_config() {
        let c = Config::parse(
            Path::new("../postlint.toml"),
            "exclude = ['archive/**']\n".into(),
        )
        .unwrap();
        let cwd = std::env::current_dir().unwrap();
        let here = cwd.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(c.is_excluded(Path::new("../archive/old.md")));
        assert!(c.is_excluded(&Path::new("..").join(&here).join("../archive/a.md")));
        assert!(!c.is_excluded(Path::new("a.md")));
        assert_eq!(normalise(Path::new("/a/b/../c/./d")), Path::new("/a/c/d"));
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let e = parse("chanel = 'x'\n").unwrap_err();
        assert_eq!(e.key.as_deref(), Some("chanel"));
        assert_eq!(e.hint.as_deref(), Some("did you mean `channel`?"));
        let e = parse("[[overrides]]\npaths = ['a']\nchanell = 'x'\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (3, Some("chanell")));
    }

    #[test]
    fn bad_values_are_located() {
        let e = parse("min_score = 170\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 13));
        let e = parse("fail_on = 'sometimes'\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("sometimes"), "{e}");
        let e = parse("exclude = ['a/[']\n").unwrap_err();
        assert!(e.message.contains("invalid glob"), "{e}");
        let e = parse("[[overrides]]\npaths = ['fi/**']\nlang = 'finnish'\n").unwrap_err();
        assert_eq!((e.line, e.column, e.key.as_deref()), (3, 8, Some("lang")));
        let c = parse("lang = 'en_gb'\n").unwrap();
        assert_eq!(c.lang.map(|l| l.to_string()).as_deref(), Some("en-GB"));
    }

    #[test]
    fn max_file_size_in_bytes_or_with_a_unit() {
        assert_eq!(parse_file_size("16MB"), Ok(16 << 20));
        assert_eq!(parse_file_size("512 kb"), Ok(512 << 10));
        assert_eq!(parse_file_size("2GiB"), Ok(2 << 30));
        assert_eq!(parse_file_size("1_000"), Ok(1000));
        assert!(parse_file_size("1.5MB").is_err());
        assert!(parse_file_size("99999999999999GB").is_err());
        assert_eq!(
            parse("max_file_size = 300\n").unwrap().max_file_bytes(),
            300
        );
        assert_eq!(
            Config::default().max_file_bytes(),
            crate::input::read::MAX_FILE_BYTES
        );
        let e = parse("max_file_size = -1\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (1, Some("max_file_size")));
    }

    #[test]
    fn dictionaries_are_read_with_their_languages_and_located() {
        let c = parse("[dictionaries]\nde = 'dict/de_DE'\nde_at = \"dict/de_AT\"\n").unwrap();
        let got: Vec<(String, &str)> = c
            .dictionaries
            .iter()
            .map(|d| (d.lang.to_string(), d.path.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [("de".into(), "dict/de_DE"), ("de-AT".into(), "dict/de_AT")]
        );
        assert_eq!(&c.text[c.dictionaries[0].path.span.clone()], "'dict/de_DE'");
        assert!(parse("").unwrap().dictionaries.is_empty());
        let e = parse("lang = 'de'\n[dictionaries]\ngerman = 'dict/de_DE'\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1), "at the bad key: {e}");
        assert_eq!(e.key.as_deref(), Some("dictionaries"));
        assert!(e.message.contains("german"), "{e}");
        let e = parse("[dictionaries]\nde = 3\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 6));
        let e = parse("dictionaries = 'de'\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
