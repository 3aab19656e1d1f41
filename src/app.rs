//! Runs a parsed command line: loads what the run needs once, checks
//! files in parallel, prints, and decides the exit code at the end.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use clap::CommandFactory;
use std::process::ExitCode;

use crate::catalog;
use crate::checklist::selftest;
use crate::cli::{CheckArgs, Cli, ColorChoice, Command, StatsArgs};
use crate::engine::{ConfigSource, Engine, Options};
use crate::input::read::read_stdin;
use crate::input::walk::{self, Input};
use crate::outcome::{FileOutcome, Summary};
use crate::report::{self, Reporter};
use crate::settings::config::{self, FailOn};
use crate::settings::resolve::CliChoices;

/// Exit codes: 0 passed, 1 a post failed, 2 usage, config or I/O error.
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> ExitCode {
    set_color(cli.color);
    let result = match &cli.command {
        Command::Check(args) => check(&cli, args),
        Command::Stats(args) => stats(&cli, args),
        Command::Explain { rule } => load(&cli, CliChoices::default()).and_then(|engine| {
            catalog::explain(&engine.book, &engine.channels, rule)
                .map(|text| print(&text))
                .map_err(|e| vec![e])
        }),
        Command::Rules => load(&cli, CliChoices::default()).map(|engine| {
            print(&catalog::rules_of(
                &engine.book,
                &engine.channels,
                engine.layers.cli.checklists.as_deref(),
            ))
        }),
        Command::TestChecklists => {
            load_untested(&cli, CliChoices::default()).map(|engine| test_checklists(&engine))
        }
        // With the config's `[channels.x]` numbers and the team's channels.
        Command::Channels => load_untested(&cli, CliChoices::default())
            .map(|engine| print(&catalog::channels(&engine.channels))),
        Command::Init { force } => init(*force),
        Command::Completions { shell } => {
            let mut text = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "postlint", &mut text);
            Ok(print(&String::from_utf8_lossy(&text)))
        }
        Command::Man => Ok(print(&man_page())),
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

/// The man page, as `postlint man` prints it (roff).
pub fn man_page() -> String {
    let mut text = Vec::new();
    // Rendering into memory does not fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut text);
    String::from_utf8_lossy(&text).into_owned()
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
    crate::write::write_atomically(path, config::STARTER.as_bytes())
        .map_err(|e| vec![format!("cannot write {}: {e}", path.display())])?;
    let mut written = vec![path.display().to_string()];
    // The team's word lists are never overwritten, even with --force.
    for (name, text) in config::STARTER_VOCABULARY {
        let file = Path::new(name);
        if file.exists() {
            continue;
        }
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| vec![format!("cannot create {}: {e}", dir.display())])?;
        }
        crate::write::write_atomically(file, text.as_bytes())
            .map_err(|e| vec![format!("cannot write {}: {e}", file.display())])?;
        written.push(file.display().to_string());
    }
    println!(
        "wrote {}: edit them, then run `postlint check`",
        written.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

/// Loads the run, refusing a team checklist whose own examples contradict
/// its rules (exit 2): its rules would not do what `explain` shows.
/// `postlint test-checklists` lists every such example.
fn load(cli: &Cli, choices: CliChoices) -> Result<Engine, Vec<String>> {
    let engine = load_untested(cli, choices)?;
    let tested = selftest::at_load(
        &engine.book,
        &engine.channels,
        &engine.audiences,
        &engine.config.text,
    );
    if tested.failures.is_empty() {
        Ok(engine)
    } else {
        Err(tested
            .failures
            .iter()
            .map(|f| f.to_load_error().to_string())
            .collect())
    }
}

/// `postlint test-checklists`: each example that does not hold as
/// `file:line: rule-id: ...`, then a count; exit 1 when one does not hold.
fn test_checklists(engine: &Engine) -> ExitCode {
    let tested = selftest::self_test(&engine.book, &engine.channels, &engine.audiences);
    let mut text = String::new();
    for failure in &tested.failures {
        text.push_str(&format!("{failure}\n"));
    }
    if tested.failures.is_empty() {
        text.push_str(&format!("{} examples hold\n", tested.examples));
    } else {
        text.push_str(&format!(
            "{} of {} examples do not hold\n",
            tested.failures.len(),
            tested.examples
        ));
    }
    let printed = print(&text);
    if tested.failures.is_empty() {
        printed
    } else {
        ExitCode::from(EXIT_FAILED)
    }
}

/// Maps the command line to load [`Options`] and loads the run.
fn load_untested(cli: &Cli, choices: CliChoices) -> Result<Engine, Vec<String>> {
    let config = match &cli.config {
        Some(path) => ConfigSource::File(path.clone()),
        None => match std::env::current_dir() {
            Ok(dir) => ConfigSource::Discover(dir),
            Err(_) => ConfigSource::None,
        },
    };
    let options = Options {
        config,
        checklists: cli.checklist.clone(),
        cli: choices,
    };
    let engine = Engine::load(&options)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    for w in &engine.warnings {
        eprintln!("warning: {w}");
    }
    Ok(engine)
}

/// Reads one input and checks it; stdin as `stdin_name` when given
/// (`--stdin-filename`: path overrides and syntax by extension).
fn check_input(engine: &Engine, input: &Input, stdin_name: Option<&Path>) -> FileOutcome {
    match input {
        Input::Stdin => {
            let shown = stdin_name.map_or_else(|| "-".to_owned(), |p| p.display().to_string());
            match read_stdin(engine.config.max_file_bytes()) {
                Ok(text) => engine.check_source(stdin_name, shown, text),
                Err(e) => engine.unreadable(shown, e),
            }
        }
        Input::File(path) => engine.check_path(path, path.display().to_string()),
    }
}

fn check(cli: &Cli, args: &CheckArgs) -> Result<ExitCode, Vec<String>> {
    let choices = CliChoices {
        channel: args.channel.clone(),
        audience: args.audience.clone(),
        lang: args.lang.clone(),
        goal: args.goal,
        tone: args.tone,
        min_score: args.min_score,
        fail_on: args.fail_on,
    };
    let engine = match load(cli, choices) {
        Ok(engine) => engine,
        // A JSON consumer gets a JSON object even when nothing could load.
        Err(errors) if args.format == report::Format::Json => {
            let mut out = io::stdout().lock();
            let _ = report::json_not_loaded(&errors, &mut out).and_then(|()| out.flush());
            return Err(errors);
        }
        Err(errors) => return Err(errors),
    };
    let (inputs, errors) = walk::inputs(&args.paths, &|p| engine.config.is_excluded(p));
    let width = args.width.or_else(|| {
        io::stdout()
            .is_terminal()
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(w, _)| usize::from(w.0))
    });
    let mut reporter = Reporter::new(
        args.format,
        report::Options {
            quiet: args.quiet,
            explain_score: args.explain_score,
            width,
        },
    );
    let stdin_name = args.stdin_filename.as_deref();
    let mut summary = Summary {
        problems: errors.len(),
        ..Summary::default()
    };
    let mut problems: Vec<String> = Vec::new();
    let mut progress = Progress::new(inputs.len());
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = reporter.begin(&engine.info, &mut out).and_then(|()| {
        crate::run::in_order(
            &inputs,
            |input| check_input(&engine, input, stdin_name),
            |file| {
                summary.add(&file);
                for p in &file.problems {
                    let at = p.span.map_or(String::new(), |s| {
                        let pos = file.position(s.start);
                        format!(":{}:{}", pos.line, pos.column)
                    });
                    problems.push(format!("error: {}{at}: {}", file.path, p.message));
                }
                progress.step(&file.path);
                // While the bar shows, the report is written and flushed
                // with the bar cleared, so the two never mix on a terminal.
                progress.suspend(|shown| {
                    reporter.file(&engine.info, &file, &mut out)?;
                    if shown { out.flush() } else { Ok(()) }
                })
            },
        )?;
        progress.finish();
        reporter.finish(&summary, &errors, &mut out)?;
        out.flush()
    });
    progress.finish();
    drop(out);
    if let Some(code) = after_report(written, &problems, &errors, summary.files)? {
        return Ok(code);
    }
    let code = if summary.problems > 0 {
        ExitCode::from(EXIT_ERROR)
    } else if summary.failed > 0 && engine.fail_on() != FailOn::Never {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends here: freeing every compiled rule one by one took
    // ~1 ms of a one-post run, and the OS takes the memory back at once.
    std::mem::forget(engine);
    Ok(code)
}

/// A progress bar on stderr for a run that takes more than two seconds,
/// when stderr is a terminal: hidden until then, so short runs and CI logs
/// never see it; cleared when the run ends.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: std::time::Instant,
    shown: bool,
}

impl Progress {
    const AFTER: std::time::Duration = std::time::Duration::from_secs(2);

    fn new(files: usize) -> Self {
        let bar = (files > 1 && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(files as u64),
                indicatif::ProgressDrawTarget::hidden(),
            );
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files  {wide_msg}")
            {
                bar.set_style(style);
            }
            bar
        });
        Self {
            bar,
            start: std::time::Instant::now(),
            shown: false,
        }
    }

    fn step(&mut self, path: &str) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        bar.set_message(path.to_owned());
        if !self.shown && self.start.elapsed() >= Self::AFTER {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Runs `f` with the bar out of the way; `f` is told whether it shows.
    fn suspend<R>(&self, f: impl FnOnce(bool) -> R) -> R {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(|| f(true)),
            _ => f(false),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn stats(cli: &Cli, args: &StatsArgs) -> Result<ExitCode, Vec<String>> {
    let choices = CliChoices {
        channel: args.channel.clone(),
        lang: args.lang.clone(),
        ..CliChoices::default()
    };
    let engine = load(cli, choices)?;
    let (inputs, errors) = walk::inputs(&args.paths, &|p| engine.config.is_excluded(p));
    let mut reporter = report::stats::StatsReporter::new(args.format);
    let mut problems: Vec<String> = Vec::new();
    let mut files = 0;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = reporter.begin(&mut out).and_then(|()| {
        crate::run::in_order(
            &inputs,
            |input| crate::stats::measure_input(&engine, input, args.raw),
            |file| {
                files += 1;
                for p in &file.problems {
                    problems.push(format!("error: {p}"));
                }
                reporter.file(&file, &mut out)
            },
        )?;
        reporter.finish(&errors, &mut out)?;
        out.flush()
    });
    drop(out);
    if let Some(code) = after_report(written, &problems, &errors, files)? {
        return Ok(code);
    }
    Ok(if problems.is_empty() && errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_ERROR)
    })
}

/// After a report was written: a closed pipe ends the run quietly (exit 0,
/// as `head` expects), another write error is an error; otherwise the
/// problems go to stderr again, at the end, where CI logs show them.
/// `Some` is the exit code when the run ends here.
fn after_report(
    written: io::Result<()>,
    problems: &[String],
    errors: &[String],
    files: usize,
) -> Result<Option<ExitCode>, Vec<String>> {
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(Some(ExitCode::SUCCESS)),
        Err(e) => return Err(vec![format!("cannot write report: {e}")]),
        Ok(()) => {}
    }
    for p in problems {
        eprintln!("{p}");
    }
    for e in errors {
        eprintln!("error: {e}");
    }
    if files == 0 && errors.is_empty() {
        eprintln!(
            "warning: no post files found (looked for .{})",
            walk::post_extensions().collect::<Vec<_>>().join(", .")
        );
    }
    Ok(None)
}
