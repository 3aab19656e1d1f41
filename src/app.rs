//! Runs a parsed command line: loads what the run needs once, checks
//! files in parallel, prints, and decides the exit code at the end.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use crate::audience::Audiences;
use crate::catalog;
use crate::channel::Channels;
use crate::checklist::{BUILT_IN, ChecklistSource, RuleBook, RuleOverrides};
use crate::cli::{CheckArgs, Cli, ColorChoice, Command};
use crate::config::{self, Config, FailOn};
use crate::engine::{CliSettings, Engine, FileReport, decode};
use crate::error::{LoadError, did_you_mean};
use crate::report::{self, Options, Run};
use crate::score::Scoring;
use crate::walk::{self, Input};

/// Exit codes: 0 passed, 1 a post failed, 2 usage, config or I/O error.
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> ExitCode {
    set_color(cli.color);
    let result = match &cli.command {
        Command::Check(args) => check(&cli, args),
        Command::Explain { rule } => load(&cli, CliSettings::default()).and_then(|engine| {
            catalog::explain(&engine.book, rule)
                .map(|text| print(&text))
                .map_err(|e| vec![e])
        }),
        Command::Rules => {
            load(&cli, CliSettings::default()).map(|engine| print(&catalog::rules(&engine.book)))
        }
        Command::Channels => Channels::built_in()
            .map(|c| print(&catalog::channels(&c)))
            .map_err(|e| vec![e.to_string()]),
        Command::Init { force } => init(*force),
    };
    match result {
        Ok(code) => code,
        Err(errors) => {
            for e in errors {
                eprintln!("error: {e}");
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn print(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn set_color(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    };
    colored::control::set_override(on);
}

fn init(force: bool) -> Result<ExitCode, Vec<String>> {
    let path = Path::new(config::FILE_NAME);
    if path.exists() && !force {
        return Err(vec![format!(
            "{} already exists; use --force to overwrite it",
            path.display()
        )]);
    }
    crate::fix::write_atomically(path, config::STARTER.as_bytes())
        .map_err(|e| vec![format!("cannot write {}: {e}", path.display())])?;
    println!(
        "wrote {}: edit it, then run `postlint check`",
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Loads config, channels, audiences, scoring and checklists: once per run.
pub fn load(cli: &Cli, settings: CliSettings) -> Result<Engine, Vec<String>> {
    let one = |e: LoadError| vec![e.to_string()];
    let config = match &cli.config {
        Some(path) => Config::load(path).map_err(one)?,
        None => match std::env::current_dir()
            .ok()
            .and_then(|d| Config::discover(&d))
        {
            Some(path) => Config::load(&relative_to_cwd(&path)).map_err(one)?,
            None => Config::default(),
        },
    };
    let channels = Channels::built_in().map_err(one)?;
    let audiences = Audiences::built_in().map_err(one)?;
    let scoring = Scoring::built_in().map_err(one)?;
    validate_names(&config, &channels, &audiences, &settings)?;

    let sources = checklist_sources(cli, &config)?;
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
        RuleBook::load(&sources, overrides, &channels).map_err(one)?
    };
    validate_override_ids(&config, &book)?;
    Ok(Engine {
        book,
        channels,
        audiences,
        scoring,
        config,
        cli: settings,
    })
}

fn relative_to_cwd(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_owned))
        .unwrap_or_else(|| path.to_owned())
}

/// Channel and audience names from the CLI and config must exist: a typo
/// there would otherwise quietly check every post against the wrong rules.
fn validate_names(
    config: &Config,
    channels: &Channels,
    audiences: &Audiences,
    cli: &CliSettings,
) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    if let Some(c) = &cli.channel
        && let Err(e) = channels.resolve(c)
    {
        errors.push(format!("--channel: {e}"));
    }
    if let Some(a) = &cli.audience
        && let Err(e) = audiences.resolve(a)
    {
        errors.push(format!("--audience: {e}"));
    }
    let located = config
        .channel
        .iter()
        .chain(config.overrides.iter().filter_map(|o| o.channel.as_ref()))
        .map(|c| (c, channels.resolve(&c.value).err()))
        .chain(
            config
                .audience
                .iter()
                .chain(config.overrides.iter().filter_map(|o| o.audience.as_ref()))
                .map(|a| (a, audiences.resolve(&a.value).err())),
        );
    for (at, err) in located {
        if let Some(e) = err {
            errors.push(config.error(at.span.clone(), e).to_string());
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// `disable` and `checklists` in `[[overrides]]` name loaded rules and
/// checklists; a typo would otherwise show up as a problem in every file.
fn validate_override_ids(config: &Config, book: &RuleBook) -> Result<(), Vec<String>> {
    let mut errors = Vec::new();
    for o in &config.overrides {
        for d in &o.disable {
            if book.rule(&d.value).is_none() && book.checklist(&d.value).is_none() {
                let known = book
                    .rules
                    .iter()
                    .map(|r| r.id.as_str())
                    .chain(book.checklists.iter().map(|c| c.id.as_str()));
                let mut e = config.error(
                    d.span.clone(),
                    format!("cannot disable `{}`: no such rule or checklist", d.value),
                );
                if let Some(close) = did_you_mean(&d.value, known) {
                    e = e.with_hint(format!("did you mean `{close}`?"));
                }
                errors.push(e.with_key("disable").to_string());
            }
        }
        for c in o.checklists.iter().flatten() {
            if book.checklist(&c.value).is_none() {
                errors.push(
                    config
                        .error(c.span.clone(), format!("checklist `{}` is not loaded", c.value))
                        .with_key("checklists")
                        .with_hint("an override selects among the checklists the config's `checklists` loads")
                        .to_string(),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn checklist_sources(cli: &Cli, config: &Config) -> Result<Vec<ChecklistSource>, Vec<String>> {
    let names: Vec<(String, Option<std::ops::Range<usize>>, PathBuf)> =
        match (&cli.checklist, &config.checklists) {
            (Some(list), _) => list
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
    let mut sources = Vec::with_capacity(names.len());
    let mut errors = Vec::new();
    for (name, span, base) in names {
        if let Some(s) = ChecklistSource::built_in(&name) {
            sources.push(s);
            continue;
        }
        let path = base.join(&name);
        let result = std::fs::read_to_string(&path).map_err(|e| {
            let hint = match did_you_mean(&name, BUILT_IN.iter().map(|(n, _)| *n)) {
                Some(close) => format!("did you mean the built-in `{close}`?"),
                None => format!(
                    "name a built-in checklist ({}) or a TOML file",
                    BUILT_IN
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            format!(
                "cannot read checklist `{}`: {e}\n  = help: {hint}",
                path.display()
            )
        });
        match result {
            Ok(text) => sources.push(ChecklistSource {
                file: path.display().to_string(),
                text,
            }),
            Err(msg) => match span {
                Some(span) => errors.push(format!("{}: {msg}", location(config, span))),
                None => errors.push(format!("--checklist: {msg}")),
            },
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

fn location(config: &Config, span: std::ops::Range<usize>) -> String {
    let e = config.error(span, "");
    format!("{}:{}:{}", e.file, e.line, e.column)
}

fn check(cli: &Cli, args: &CheckArgs) -> Result<ExitCode, Vec<String>> {
    let settings = CliSettings {
        channel: args.channel.clone(),
        audience: args.audience.clone(),
        min_score: args.min_score,
        fail_on: args.fail_on,
    };
    let engine = load(cli, settings)?;
    let (inputs, errors) = walk::inputs(&args.paths, &engine.config);
    let files: Vec<FileReport> = inputs
        .par_iter()
        .map(|input| match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                let text = match io::stdin().lock().read_to_end(&mut bytes) {
                    Ok(_) => decode(bytes),
                    Err(e) => Err(format!("cannot read stdin: {e}")),
                };
                match text {
                    Ok(text) => engine.check_source(None, "-".to_owned(), text),
                    Err(e) => engine
                        .check_source(None, "-".to_owned(), String::new())
                        .with_problem(e),
                }
            }
            Input::File(path) => engine.check_path(path, path.display().to_string()),
        })
        .collect();
    let run = Run { files, errors };
    let options = Options {
        quiet: args.quiet,
        explain_score: args.explain_score,
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written =
        report::render(args.format, &run, &engine, options, &mut out).and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(vec![format!("cannot write report: {e}")]),
        Ok(()) => {}
    }
    drop(out);

    // Problems again on stderr, at the end, where CI logs show them.
    let summary = run.summary();
    for file in &run.files {
        for p in &file.problems {
            let at = p.span.map_or(String::new(), |s| {
                let pos = file.lines.position(&file.source, s.start);
                format!(":{}:{}", pos.line, pos.column)
            });
            eprintln!("error: {}{at}: {}", file.path, p.message);
        }
    }
    for e in &run.errors {
        eprintln!("error: {e}");
    }
    if summary.files == 0 && run.errors.is_empty() {
        eprintln!(
            "warning: no post files found (looked for .{})",
            walk::POST_EXTENSIONS.join(", .")
        );
    }
    Ok(if summary.problems > 0 {
        ExitCode::from(EXIT_ERROR)
    } else if summary.failed > 0 && engine.fail_on() != FailOn::Never {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}
