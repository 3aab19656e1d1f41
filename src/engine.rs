//! Loading a run: config, channels, audiences, scoring and checklists are
//! read, validated and compiled once into an [`Engine`], which threads then
//! share by reference. A library call: the CLI maps its flags to
//! [`Options`], a test or an editor server builds `Options` itself.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::checklist::kinds::api::Resources;
use crate::checklist::{BUILT_IN, ChecklistSource, RuleBook, RuleOverrides};
use crate::error::{LoadError, did_you_mean};
use crate::ids::ChecklistId;
use crate::outcome::{ChannelInfo, ChecklistInfo, RuleInfo, RunInfo};
use crate::profile::audience::Audiences;
use crate::profile::channel::Channels;
use crate::score::Scoring;
use crate::settings::config::{Config, FailOn};
use crate::settings::resolve::{Choices, CliChoices, FlagError, Layers, Tables};
use crate::text::spelling::hunspell::{TeamDictionaries, TeamDictionary};
use crate::text::vocabulary::Vocabulary;

/// Where the config comes from.
#[derive(Debug, Clone, Default)]
pub enum ConfigSource {
    /// No config file: built-in defaults.
    #[default]
    None,
    /// The nearest `postlint.toml` in this folder or its parents.
    Discover(PathBuf),
    /// This file (`--config`).
    File(PathBuf),
    /// This text, shown as coming from this path (tests, editors).
    Text(PathBuf, String),
}

/// What a run is asked to load.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub config: ConfigSource,
    /// Checklists to load instead of the config's (`--checklist`): built-in
    /// names or paths to TOML files.
    pub checklists: Option<Vec<String>>,
    /// Channel, audience, language and verdict settings that win over all.
    pub cli: CliChoices,
}

/// Why a run could not be loaded. Each names what to fix and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// In a file we load: config, checklist, channel profile.
    Load(LoadError),
    /// In a command-line value.
    Flag(FlagError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(e) => e.fmt(f),
            Error::Flag(e) => write!(f, "{}: {}", e.flag, e.message),
        }
    }
}

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Self {
        Error::Load(e)
    }
}

/// Everything a run needs, loaded and compiled once, shared by all threads.
pub struct Engine {
    pub book: RuleBook,
    pub channels: Channels,
    pub audiences: Audiences,
    pub scoring: Scoring,
    pub config: Config,
    /// CLI, config and override settings, resolved to handles.
    pub layers: Layers,
    /// Names of rules, checklists and channels for reports.
    pub info: RunInfo,
    /// Things to fix that do not stop the run (a renamed rule id), located.
    pub warnings: Vec<String>,
}

impl Engine {
    /// Loads what `options` asks for. All errors of one stage are reported
    /// together (every bad name in the config, not just the first).
    pub fn load(options: &Options) -> Result<Self, Vec<Error>> {
        let one = |e: LoadError| vec![Error::Load(e)];
        let config = match &options.config {
            ConfigSource::None => Config::default(),
            ConfigSource::File(path) => Config::load(path).map_err(one)?,
            ConfigSource::Text(path, text) => Config::parse(path, text.clone()).map_err(one)?,
            ConfigSource::Discover(dir) => match Config::discover(dir) {
                Some(path) => Config::load(&relative_to(dir, &path)).map_err(one)?,
                None => Config::default(),
            },
        };
        let mut channels = Channels::built_in().map_err(one)?;
        if config.path.is_some() {
            channels
                .configure(config.source(), &config.base_dir())
                .map_err(one)?;
        }
        let audiences = Audiences::built_in().map_err(one)?;
        let mut scoring = Scoring::built_in().map_err(one)?;
        if let Some(cap) = config.cap_on_error {
            scoring.cap_on_error = cap;
        }
        if let Some((bands, span)) = &config.bands {
            let bands: Vec<crate::score::Band> = bands
                .iter()
                .map(|b| crate::score::Band {
                    name: b.name.clone(),
                    min: b.min,
                })
                .collect();
            crate::score::check_bands(&bands).map_err(|e| {
                one(config
                    .error(span.clone(), e)
                    .with_key("bands")
                    .with_hint("list [[scoring.bands]] from the highest, each with `name` and `min`; the last has min = 0"))
            })?;
            scoring.bands = bands;
        }
        let (sources, selected) = checklist_sources(options.checklists.as_deref(), &config)?;
        let mut warnings = Vec::new();
        let resources = Resources {
            base_dir: config.base_dir(),
            vocabulary: Arc::new(vocabulary(&config)?),
            dictionaries: Arc::new(dictionaries(&config)?),
        };
        let book = {
            let src = config.source();
            let doc = if config.path.is_some() {
                Some(src.parse().map_err(one)?)
            } else {
                None
            };
            let overrides = doc
                .as_ref()
                .and_then(|d| d.get_ref().get("rules"))
                .and_then(|r| {
                    r.get_ref()
                        .as_table()
                        .map(|table| RuleOverrides { src, table })
                });
            let book = RuleBook::load(&sources, overrides, &channels, &resources).map_err(one)?;
            // Former rule ids still work; say what they are called now.
            let mut named: Vec<(String, std::ops::Range<usize>)> = doc
                .as_ref()
                .and_then(|d| d.get_ref().get("rules"))
                .and_then(|r| r.get_ref().as_table())
                .map(|t| {
                    t.iter()
                        .map(|(k, _)| (k.get_ref().to_string(), k.span()))
                        .collect()
                })
                .unwrap_or_default();
            named.extend(
                config
                    .overrides
                    .iter()
                    .flat_map(|o| o.disable.iter().map(|d| (d.value.clone(), d.span.clone()))),
            );
            for (name, span) in named {
                if let Some(now) = book.renamed(&name) {
                    warnings.push(
                        config
                            .error(
                                span,
                                format!(
                                    "`{name}` is now `{}`; the old name still works for now",
                                    book.rule(now).id
                                ),
                            )
                            .with_hint("rename it in postlint.toml (see CHANGELOG.md)")
                            .to_string(),
                    );
                }
            }
            book
        };
        // `--checklist` selects among what is loaded (CLI > front matter >
        // overrides), by the files it named.
        let selected: Option<Vec<ChecklistId>> = selected.map(|files| {
            book.checklist_ids()
                .filter(|&id| files.contains(&book.checklist(id).file))
                .collect()
        });
        let mut engine = Self::assemble(book, channels, audiences, scoring, config, &options.cli)?;
        engine.layers.cli.checklists = selected;
        engine.warnings = warnings;
        Ok(engine)
    }

    /// An engine over a rule book loaded by the caller (a fuzzer, a test of
    /// one checklist), with built-in channels, audiences and scoring and no
    /// config.
    pub fn with_book(book: RuleBook) -> Result<Self, Vec<Error>> {
        let one = |e: LoadError| vec![Error::Load(e)];
        Self::assemble(
            book,
            Channels::built_in().map_err(one)?,
            Audiences::built_in().map_err(one)?,
            Scoring::built_in().map_err(one)?,
            Config::default(),
            &CliChoices::default(),
        )
    }

    /// An engine running one checklist given as text, with the built-in
    /// tables and no config: for tests of a rule or a kind, and editors
    /// trying a team's checklist.
    pub fn with_checklist(file: &str, text: &str) -> Result<Self, Vec<Error>> {
        let source = ChecklistSource {
            file: file.to_owned(),
            text: text.to_owned(),
        };
        let channels = Channels::built_in().map_err(|e| vec![Error::Load(e)])?;
        let book = RuleBook::load(&[source], None, &channels, &Resources::default())
            .map_err(|e| vec![Error::Load(e)])?;
        Self::with_book(book)
    }

    /// Resolves the CLI's and config's names against the loaded tables.
    fn assemble(
        book: RuleBook,
        channels: Channels,
        audiences: Audiences,
        scoring: Scoring,
        config: Config,
        cli_choices: &CliChoices,
    ) -> Result<Self, Vec<Error>> {
        let tables = Tables {
            channels: &channels,
            audiences: &audiences,
            book: &book,
        };
        let cli = Choices::from_cli(cli_choices, tables);
        let from_config = Choices::from_config(&config, tables);
        let (cli, (top, overrides)) = match (cli, from_config) {
            (Ok(cli), Ok(config)) => (cli, config),
            (cli, config) => {
                let mut errors: Vec<Error> = cli
                    .err()
                    .unwrap_or_default()
                    .into_iter()
                    .map(Error::Flag)
                    .collect();
                errors.extend(
                    config
                        .err()
                        .unwrap_or_default()
                        .into_iter()
                        .map(Error::Load),
                );
                return Err(errors);
            }
        };
        let layers = Layers {
            cli,
            config: top,
            overrides,
            thread_separator: config
                .thread_separator
                .clone()
                .unwrap_or_else(|| "---".to_owned()),
            min_score: cli_choices.min_score.or(config.min_score),
            fail_on: cli_choices.fail_on.or(config.fail_on).unwrap_or_default(),
        };
        let info = run_info(&book, &channels, &scoring);
        Ok(Self {
            book,
            channels,
            audiences,
            scoring,
            config,
            layers,
            info,
            warnings: Vec::new(),
        })
    }

    /// The built-in checklists, channels and scoring, with no config and no
    /// command-line settings: what runs when nothing is configured.
    pub fn built_in() -> Result<Self, Vec<Error>> {
        Self::load(&Options::default())
    }

    pub fn fail_on(&self) -> FailOn {
        self.layers.fail_on
    }

    pub fn tables(&self) -> Tables<'_> {
        Tables {
            channels: &self.channels,
            audiences: &self.audiences,
            book: &self.book,
        }
    }
}

fn run_info(book: &RuleBook, channels: &Channels, scoring: &Scoring) -> RunInfo {
    RunInfo {
        bands: scoring.bands.iter().map(|b| b.name.clone()).collect(),
        weights: [
            scoring.weights.error,
            scoring.weights.warning,
            scoring.weights.suggestion,
        ],
        rules: book
            .rules
            .iter()
            .map(|r| RuleInfo {
                id: r.id.clone(),
                checklist: r.checklist,
                severity: r.severity,
                why: r.why.clone(),
                help: r.help.clone(),
                channel_specific: r.channels.is_some() || r.kind.uses_channel(),
            })
            .collect(),
        checklists: book
            .checklists
            .iter()
            .map(|c| ChecklistInfo {
                id: c.id.clone(),
                title: c.title.clone(),
                note: c.note,
            })
            .collect(),
        channels: channels
            .all()
            .iter()
            .map(|c| ChannelInfo {
                id: c.id.clone(),
                name: c.name.clone(),
                fold: c.limits.fold,
                fold_lines: c.limits.fold_lines,
            })
            .collect(),
    }
}

/// The words of the config's `[vocabulary]` files. A file that cannot be
/// read is an error at its name in the config; a bad entry, at its line.
fn vocabulary(config: &Config) -> Result<Vocabulary, Vec<Error>> {
    let mut vocabulary = Vocabulary::default();
    let mut errors = Vec::new();
    let lists = (config.accept.iter().map(|l| (l, "accept")))
        .chain(config.reject.iter().map(|l| (l, "reject")))
        .chain(config.jargon.iter().map(|l| (l, "jargon")));
    for (file, list) in lists {
        let path = config.base_dir().join(&file.value);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                errors.push(Error::Load(
                    config
                        .error(file.span.clone(), format!("cannot read vocabulary `{}`: {e}", path.display()))
                        .with_key(list)
                        .with_hint(format!("paths in [vocabulary] are relative to postlint.toml; `postlint init` writes an empty vocab/{list}.txt")),
                ));
                continue;
            }
        };
        let added = match list {
            "accept" => vocabulary.add_accepted(&text),
            "reject" => vocabulary.add_rejected(&text),
            _ => vocabulary.add_jargon(&text),
        };
        if let Err(e) = added {
            errors.push(Error::Load(LoadError {
                file: path.display().to_string(),
                line: e.line,
                column: 1,
                key: None,
                message: e.message,
                hint: None,
            }));
        }
    }
    if errors.is_empty() {
        Ok(Vocabulary::well_known_names().merged_with(&vocabulary))
    } else {
        Err(errors)
    }
}

/// The config's `[dictionaries]`, each read and parsed once. A file that
/// cannot be read, or a dictionary spellbook rejects, is an error at its
/// path in the config.
fn dictionaries(config: &Config) -> Result<TeamDictionaries, Vec<Error>> {
    let mut dictionaries = TeamDictionaries::default();
    let mut errors = Vec::new();
    for entry in &config.dictionaries {
        let base = config.base_dir().join(&entry.path.value);
        let with = |ext: &str| {
            let mut path = base.clone().into_os_string();
            path.push(ext);
            PathBuf::from(path)
        };
        let key = entry.lang.to_string();
        let fail = |message: String, hint: &str| {
            Error::Load(
                config
                    .error(entry.path.span.clone(), message)
                    .with_key(key.clone())
                    .with_hint(hint),
            )
        };
        let read = |path: PathBuf| {
            std::fs::read_to_string(&path).map_err(|e| {
                let hint = if e.kind() == std::io::ErrorKind::InvalidData {
                    "Hunspell files must be UTF-8 (`SET UTF-8` in the .aff); convert them with iconv"
                } else {
                    "a dictionary is the path of its .aff and .dic files without the extension, relative to postlint.toml (`dict/de_DE` reads dict/de_DE.aff and dict/de_DE.dic); Debian and Ubuntu install them with `apt-get install hunspell-de-de` into /usr/share/hunspell"
                };
                fail(
                    format!("cannot read dictionary `{}`: {e}", path.display()),
                    hint,
                )
            })
        };
        let (aff, dic) = match (read(with(".aff")), read(with(".dic"))) {
            (Ok(aff), Ok(dic)) => (aff, dic),
            (aff, dic) => {
                errors.extend(aff.err());
                errors.extend(dic.err());
                continue;
            }
        };
        match TeamDictionary::parse(entry.lang, &aff, &dic) {
            Ok(d) => dictionaries.insert(d),
            Err(e) => errors.push(fail(
                format!("cannot load dictionary `{}`: {e}", base.display()),
                "check that the .aff and .dic files belong to one Hunspell dictionary",
            )),
        }
    }
    if errors.is_empty() {
        Ok(dictionaries)
    } else {
        Err(errors)
    }
}

/// `path` relative to `dir` when it is inside, as users like to see it.
fn relative_to(dir: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(dir)
        .map(Path::to_owned)
        .unwrap_or_else(|_| path.to_owned())
}

/// The files of the checklists `--checklist` selects among those loaded;
/// `None` when every loaded checklist runs.
type Selected = Option<Vec<String>>;

/// Whether `path` names the config file being loaded (by any path).
fn is_config_itself(config: &Config, path: &Path) -> bool {
    let Some(own) = config.path.as_deref() else {
        return false;
    };
    match (std::fs::canonicalize(own), std::fs::canonicalize(path)) {
        (Ok(own), Ok(path)) => own == path,
        _ => false,
    }
}

/// The checklists to load: `--checklist` > config `checklists` > built-in.
/// A name is a built-in checklist or a TOML file (relative to the config's
/// folder when the config names it).
///
/// With both `--checklist` and a config that lists checklists, the config's
/// are loaded too and the command line's are *selected* (the second value:
/// their files): the config's `[rules."id"]`, overrides and `disable` name
/// rules of its own checklists, and `--checklist correct` in a project made
/// by `postlint init` means "run only `correct`, with our settings", not
/// "forget our config".
fn checklist_sources(
    cli: Option<&[String]>,
    config: &Config,
) -> Result<(Vec<ChecklistSource>, Selected), Vec<Error>> {
    let names: Vec<(String, Option<std::ops::Range<usize>>, PathBuf)> =
        match (cli, &config.checklists) {
            (Some(list), Some(loaded)) => loaded
                .iter()
                .map(|n| (n.value.clone(), Some(n.span.clone()), config.base_dir()))
                .chain(
                    list.iter()
                        .map(|n| (n.trim().to_owned(), None, PathBuf::from("."))),
                )
                .collect(),
            (Some(list), None) => list
                .iter()
                .map(|n| (n.trim().to_owned(), None, PathBuf::from(".")))
                .collect(),
            (None, Some(list)) => list
                .iter()
                .map(|n| (n.value.clone(), Some(n.span.clone()), config.base_dir()))
                .collect(),
            (None, None) => BUILT_IN
                .iter()
                .map(|(n, _)| ((*n).to_owned(), None, PathBuf::from(".")))
                .collect(),
        };
    let built_in_names = || BUILT_IN.iter().map(|(n, _)| *n);
    let mut sources: Vec<ChecklistSource> = Vec::with_capacity(names.len());
    // The files `--checklist` named, when it selects among more.
    let mut selected: Option<Vec<String>> =
        (cli.is_some() && config.checklists.is_some()).then(Vec::new);
    // A file named twice (by the config and on the command line, perhaps
    // by another path) is loaded once.
    let mut seen: Vec<(PathBuf, String)> = Vec::new();
    let mut errors = Vec::new();
    for (name, span, base) in names {
        let from_cli = span.is_none();
        let mut add = |source: ChecklistSource, key: PathBuf| {
            let file = match seen.iter().find(|(k, _)| *k == key) {
                Some((_, file)) => file.clone(),
                None => {
                    seen.push((key, source.file.clone()));
                    let file = source.file.clone();
                    sources.push(source);
                    file
                }
            };
            if from_cli && let Some(selected) = selected.as_mut() {
                selected.push(file);
            }
        };
        if let Some(s) = ChecklistSource::built_in(&name) {
            add(s, PathBuf::from(format!("<built-in>/{name}")));
            continue;
        }
        let path = base.join(&name);
        if is_config_itself(config, &path) {
            // The nearest thing to a config that includes itself: read as
            // a checklist it would only say "unknown key `checklists`".
            let message = format!("`{name}` is this config file, not a checklist");
            let hint = "a checklist is its own TOML file with a [checklist] table and [[rule]]s; change rules from the config with [rules.\"id\"]";
            errors.push(match span {
                Some(span) => Error::Load(
                    config
                        .error(span, message)
                        .with_key("checklists")
                        .with_hint(hint),
                ),
                None => Error::Flag(FlagError {
                    flag: "--checklist",
                    message: format!("{message}\n  = help: {hint}"),
                }),
            });
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                add(
                    ChecklistSource {
                        file: path.display().to_string(),
                        text,
                    },
                    key,
                );
            }
            Err(e) => {
                let hint = match did_you_mean(&name, built_in_names()) {
                    Some(close) => format!("did you mean the built-in `{close}`?"),
                    None => format!(
                        "name a built-in checklist ({}) or a TOML file",
                        built_in_names().collect::<Vec<_>>().join(", ")
                    ),
                };
                let message = format!("cannot read checklist `{}`: {e}", path.display());
                errors.push(match span {
                    Some(span) => Error::Load(config.error(span, message).with_hint(hint)),
                    None => Error::Flag(FlagError {
                        flag: "--checklist",
                        message: format!("{message}\n  = help: {hint}"),
                    }),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok((sources, selected))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A config that lists itself among its checklists is named as such, at
    /// its place in the config, by any spelling of its path.
    #[test]
    fn a_config_listing_itself_as_a_checklist_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("postlint.toml");
        let text = "checklists = [\"readable\", \"./postlint.toml\"]\n";
        std::fs::write(&path, text).unwrap();
        let errors = match Engine::load(&Options {
            config: ConfigSource::File(path),
            ..Options::default()
        }) {
            Ok(_) => panic!("a config is not a checklist"),
            Err(errors) => errors,
        };
        let [Error::Load(e)] = &errors[..] else {
            panic!("{errors:?}")
        };
        assert!(
            e.message.contains("is this config file, not a checklist"),
            "{e:?}"
        );
        assert_eq!(
            (e.line, e.column, e.key.as_deref()),
            (1, 27, Some("checklists")),
            "{e:?}"
        );
    }
}
