//! Runs a parsed command line: loads what the run needs once, checks
//! files in parallel, prints, and decides the exit code at the end.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;

use clap::CommandFactory;
use std::process::ExitCode;

use crate::baseline::Baseline;
use crate::catalog;
use crate::checklist::selftest;
use crate::cli::{CheckArgs, Cli, ColorChoice, Command, StatsArgs};
use crate::engine::{ConfigSource, Engine, Options};
use crate::engines::{self, Engines};
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
        Command::Lsp { .. } => crate::lsp::run(options(&cli, CliChoices::default()))
            .map(|()| ExitCode::SUCCESS)
            .map_err(|e| vec![e]),
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
    engines::load_tested(&options(cli, choices))
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

/// Maps the command line to load [`Options`]: `--config`, or the closest
/// `postlint.toml` (per checked file for `check`, else above the working
/// directory).
fn options(cli: &Cli, choices: CliChoices) -> Options {
    let config = match &cli.config {
        Some(path) => ConfigSource::File(path.clone()),
        None => match std::env::current_dir() {
            Ok(dir) => ConfigSource::Discover(dir),
            Err(_) => ConfigSource::None,
        },
    };
    Options {
        config,
        checklists: cli.checklist.clone(),
        cli: choices,
    }
}

fn load_untested(cli: &Cli, choices: CliChoices) -> Result<Engine, Vec<String>> {
    engines::load_untested(&options(cli, choices))
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
    let engines = Engines::new(options(cli, choices));
    // The working directory's engine names the run (report headers,
    // docs URL, stdin); each file is checked by its own folder's.
    let engine = match engines.for_cwd() {
        Ok(engine) => engine,
        // A JSON consumer gets a JSON object even when nothing could load.
        Err(errors) if args.format == report::Format::Json => {
            let mut out = io::stdout().lock();
            let _ = report::json_not_loaded(&errors, &mut out).and_then(|()| out.flush());
            return Err(errors.to_vec());
        }
        Err(errors) => return Err(errors.to_vec()),
    };
    let excluded = |p: &Path| {
        engines
            .for_file(p)
            .is_ok_and(|engine| engine.config.is_excluded(p))
    };
    let changes = match &args.changed_since {
        Some(rev) => Some(crate::git::changes(rev, args.changed_lines).map_err(|e| vec![e])?),
        None => None,
    };
    let (inputs, errors) = match &changes {
        Some(changes) => (changed_inputs(changes, &args.paths, &excluded), Vec::new()),
        None => walk::inputs_with(&args.paths, &excluded, args.force_exclude),
    };
    let stdin_name = args.stdin_filename.as_deref();
    let engine_of = |input: &Input| engines.for_input(input, stdin_name);
    engines.load_all(&inputs, stdin_name)?;
    let baseline = match &args.baseline {
        Some(path) => Some(Baseline::load(path).map_err(|e| vec![e])?),
        None => None,
    };
    let mut written_baseline = args.write_baseline.as_ref().map(|_| Baseline::default());
    // Findings off changed lines are dropped, then those in the baseline;
    // the post is scored and judged on what is left.
    let filter = |engine: &Engine, mut file: FileOutcome| {
        // Fingerprints of every finding, before any is dropped, so that
        // occurrences count the same whatever else is filtered.
        let prints = (baseline.is_some() || args.write_baseline.is_some())
            .then(|| crate::baseline::fingerprints(engine, &file));
        let path = Path::new(&file.path);
        let on_changed_line = |i: usize, j: usize| match &changes {
            Some(changes) if args.changed_lines => {
                let (a, b) = file.locate(file.posts[i].findings[j].span);
                changes.touches(path, a.line, b.line)
            }
            _ => true,
        };
        let mut suppressed = 0;
        let mut keep: Vec<Vec<bool>> = Vec::with_capacity(file.posts.len());
        let mut kept_prints = prints.as_ref().map(|_| Vec::new());
        for (i, post) in file.posts.iter().enumerate() {
            let mut flags = Vec::with_capacity(post.findings.len());
            for j in 0..post.findings.len() {
                let on_line = on_changed_line(i, j);
                let print = prints.as_ref().map(|p| &p[i][j]);
                let known = baseline
                    .as_ref()
                    .zip(print)
                    .is_some_and(|(b, p)| b.findings.contains(p));
                if on_line && known && !file.shown(i, j).repeat {
                    suppressed += 1;
                }
                if on_line && let (Some(kept), Some(p)) = (&mut kept_prints, print) {
                    kept.push(p.clone());
                }
                flags.push(on_line && !known);
            }
            keep.push(flags);
        }
        crate::baseline::retain(engine, &mut file, &|i, j, _| keep[i][j]);
        (file, (suppressed, kept_prints))
    };
    let plan = fix_plan(args);
    // Colour for a diff on stdout, as for the report.
    let colour = colored::control::SHOULD_COLORIZE.should_colorize();
    // With --fix or --diff, only what the report keeps is fixed: the fix
    // loop checks each text through `filter`.
    let work = |input: &Input| {
        // Loaded above; a load error here cannot happen, but is not a panic.
        let engine = engine_of(input).unwrap_or_else(|_| Arc::clone(&engine));
        let first = filter(&engine, check_input(&engine, input, stdin_name));
        let Some(plan) = plan else {
            return (first, None, engine);
        };
        let path = match input {
            Input::File(path) => Some(path.as_path()),
            Input::Stdin => stdin_name,
        };
        let shown = first.0.path.clone();
        let done = crate::fixer::fix_file(
            plan,
            matches!(input, Input::File(_)).then_some(path).flatten(),
            first,
            |text| filter(&engine, engine.check_source(path, shown.clone(), text)),
            colour,
        );
        (done.checked, done.stdout, engine)
    };
    // The terminal's width for the pretty report on stdout (`--width`
    // forces one); report files get none.
    let width = args.width.or_else(|| {
        io::stdout()
            .is_terminal()
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(w, _)| usize::from(w.0))
    });
    let docs_url = args
        .docs_url
        .clone()
        .or_else(|| engine.config.docs_url.clone());
    let mut sinks = report_sinks(cli, args, width, docs_url)?;
    let mut summary = Summary {
        problems: errors.len(),
        suppressed: baseline.as_ref().map(|_| 0),
        ..Summary::default()
    };
    let mut problems: Vec<String> = Vec::new();
    let mut gating_failures = false;
    let mut progress = Progress::new(inputs.len());
    // Stdout carries the fixed text of stdin (--fix) or the diffs (--diff):
    // the report goes to stderr then.
    let report_to_stderr = plan.is_some_and(|p| {
        p.mode == crate::fixer::Mode::Diff || inputs.iter().any(|i| matches!(i, Input::Stdin))
    });
    let mut out: Box<dyn Write> = if report_to_stderr {
        Box::new(io::BufWriter::new(io::stderr().lock()))
    } else {
        Box::new(io::BufWriter::new(io::stdout().lock()))
    };
    let mut diffs = 0;
    let written = each(&mut sinks, &mut out, |r, o| r.begin(&engine.info, o)).and_then(|()| {
        crate::run::in_order(&inputs, work, |(checked, text, engine)| {
            let (file, (suppressed, prints)) = checked;
            if let Some(text) = text {
                diffs += usize::from(!text.is_empty());
                let mut stdout = io::stdout().lock();
                stdout.write_all(text.as_bytes())?;
                stdout.flush()?;
            }
            summary.add(&file);
            if engine.fail_on() != FailOn::Never && file.posts.iter().any(|p| !p.verdict.passed) {
                gating_failures = true;
            }
            if let Some(n) = &mut summary.suppressed {
                *n += suppressed;
            }
            if let (Some(b), Some(prints)) = (&mut written_baseline, prints) {
                b.findings.extend(prints);
            }
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
                each(&mut sinks, &mut out, |r, o| r.file(&engine.info, &file, o))?;
                if shown { out.flush() } else { Ok(()) }
            })
        })?;
        progress.finish();
        each(&mut sinks, &mut out, |r, o| r.finish(&summary, &errors, o))?;
        out.flush()
    });
    progress.finish();
    drop(out);
    if written.is_ok() {
        write_report_files(&mut sinks)?;
    }
    // No changed post file is a pass, not "no post files found".
    let files = match &args.changed_since {
        Some(rev) if summary.files == 0 && errors.is_empty() => {
            eprintln!("note: no post files changed since {rev}");
            1
        }
        // pre-commit named only files the config excludes: nothing to say.
        None if summary.files == 0
            && errors.is_empty()
            && args.force_exclude
            && args.paths.iter().all(|p| p.is_file()) =>
        {
            1
        }
        _ => summary.files,
    };
    if let Some(code) = after_report(written, &problems, &errors, files)? {
        return Ok(code);
    }
    if let (Some(path), Some(b)) = (&args.write_baseline, &written_baseline) {
        crate::write::write_atomically(path, b.to_json().as_bytes())
            .map_err(|e| vec![format!("cannot write baseline {}: {e}", path.display())])?;
        eprintln!(
            "wrote {} with {}",
            path.display(),
            match b.findings.len() {
                1 => "1 finding".to_owned(),
                n => format!("{n} findings"),
            }
        );
    }
    let code = if summary.problems > 0 {
        ExitCode::from(EXIT_ERROR)
    } else if args.diff && diffs > 0 {
        ExitCode::from(EXIT_FAILED)
    } else if args.write_baseline.is_some() {
        ExitCode::SUCCESS
    } else if gating_failures {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends here: freeing every compiled rule one by one took
    // ~1 ms of a one-post run, and the OS takes the memory back at once.
    std::mem::forget(engines);
    Ok(code)
}

/// What --fix, --diff and --review-fixes ask for; `None` without them.
fn fix_plan(args: &CheckArgs) -> Option<crate::fixer::Plan> {
    let mode = if args.fix {
        crate::fixer::Mode::Fix
    } else if args.diff {
        crate::fixer::Mode::Diff
    } else {
        return None;
    };
    Some(crate::fixer::Plan {
        mode,
        review: args.review_fixes,
    })
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

/// One report of a run: its format's state, and where it goes (`None`:
/// stdout; a file streams into a temporary file renamed over the target
/// when the run is done, so a failed run never leaves half a report).
struct Sink {
    reporter: Reporter,
    file: Option<crate::write::AtomicFile>,
}

/// `--format` (to stdout, or `--output`) and each `--report F=PATH`.
fn report_sinks(
    cli: &Cli,
    args: &CheckArgs,
    width: Option<usize>,
    docs_url: Option<String>,
) -> Result<Vec<Sink>, Vec<String>> {
    let options = |to_stdout: bool| report::Options {
        quiet: args.quiet,
        explain_score: args.explain_score,
        show_suppressed: args.show_suppressed,
        width: width.filter(|_| to_stdout),
    };
    let base = report::Base {
        docs_url,
        ..report_base()
    };
    // `-` is stdout.
    let path = |p: &std::path::PathBuf| Some(p.clone()).filter(|p| p.as_os_str() != "-");
    let mut targets = vec![(args.format, args.output.as_ref().and_then(path))];
    targets.extend(args.reports.iter().map(|r| (r.format, path(&r.path))));
    let mut seen = std::collections::HashSet::new();
    for (_, target) in &targets {
        if !seen.insert(target) {
            let place = target
                .as_ref()
                .map_or("stdout".to_owned(), |p| p.display().to_string());
            return Err(vec![format!(
                "two reports would be written to {place}: give each --output/--report its own file"
            )]);
        }
    }
    // Colour codes belong on a terminal, never in a report file.
    if cli.color != ColorChoice::Always
        && targets
            .iter()
            .any(|(f, p)| *f == report::Format::Pretty && p.is_some())
    {
        colored::control::set_override(false);
    }
    targets
        .into_iter()
        .map(|(format, path)| {
            let file = path
                .map(|p| {
                    crate::write::AtomicFile::create(&p)
                        .map_err(|e| vec![format!("cannot write report {}: {e}", p.display())])
                })
                .transpose()?;
            Ok(Sink {
                reporter: Reporter::new(format, options(file.is_none()), &base),
                file,
            })
        })
        .collect()
}

/// Runs `step` on every report, each with its own output.
fn each(
    sinks: &mut [Sink],
    stdout: &mut dyn Write,
    mut step: impl FnMut(&mut Reporter, &mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    for sink in sinks {
        match &mut sink.file {
            None => step(&mut sink.reporter, stdout)?,
            Some(file) => step(&mut sink.reporter, file)?,
        }
    }
    Ok(())
}

/// Writes the reports that go to files, and the GitHub step summary when
/// `$GITHUB_STEP_SUMMARY` names a file and a `github` report ran.
fn write_report_files(sinks: &mut [Sink]) -> Result<(), Vec<String>> {
    for file in sinks.iter_mut().filter_map(|s| s.file.take()) {
        let path = file.path().to_owned();
        file.commit()
            .map_err(|e| vec![format!("cannot write report {}: {e}", path.display())])?;
    }
    let summary = sinks.iter().find_map(|s| s.reporter.step_summary());
    if let (Some(text), Some(file)) = (summary, std::env::var_os("GITHUB_STEP_SUMMARY"))
        && !file.is_empty()
    {
        let file = std::path::PathBuf::from(file);
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&file)
            .and_then(|mut f| {
                let existing = f.metadata()?.len();
                f.write_all(&report::github::fit_step_summary(existing, text))
            });
        if let Err(e) = appended {
            eprintln!(
                "warning: cannot append the summary to $GITHUB_STEP_SUMMARY ({}): {e}",
                file.display()
            );
        }
    }
    Ok(())
}

/// What CI formats make paths relative to: the repository root (the
/// nearest folder with `.git` above the working directory), or the
/// working directory outside a repository.
fn report_base() -> report::Base {
    let Ok(cwd) = std::env::current_dir() else {
        return report::Base::default();
    };
    let root = cwd
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&cwd);
    let slash = |p: &Path| p.to_string_lossy().replace('\\', "/");
    let prefix = cwd.strip_prefix(root).map(slash).unwrap_or_default();
    report::Base {
        docs_url: None,
        root: slash(root),
        prefix: if prefix.is_empty() {
            prefix
        } else {
            format!("{prefix}/")
        },
    }
}

/// The changed files to check: post files that exist, lie under one of
/// `paths` (`.` is everything), and are not excluded by the config.
fn changed_inputs(
    changes: &crate::git::Changes,
    paths: &[std::path::PathBuf],
    excluded: &dyn Fn(&Path) -> bool,
) -> Vec<Input> {
    let under = |file: &Path| {
        paths.iter().any(|p| {
            let p = p.strip_prefix("./").unwrap_or(p);
            p.as_os_str() == "." || p.as_os_str().is_empty() || file.starts_with(p)
        })
    };
    changes
        .files
        .iter()
        .filter(|f| walk::is_post_file(f) && f.is_file() && under(f) && !excluded(f))
        .map(|f| Input::File(f.clone()))
        .collect()
}

fn stats(cli: &Cli, args: &StatsArgs) -> Result<ExitCode, Vec<String>> {
    let choices = CliChoices {
        channel: args.channel.clone(),
        lang: args.lang.clone(),
        ..CliChoices::default()
    };
    let engines = Engines::new(options(cli, choices));
    let excluded = |p: &Path| {
        engines
            .for_file(p)
            .is_ok_and(|engine| engine.config.is_excluded(p))
    };
    let (inputs, errors) = walk::inputs_with(&args.paths, &excluded, args.force_exclude);
    let stdin_name = args.stdin_filename.as_deref();
    engines.load_all(&inputs, stdin_name)?;
    // Each input with its engine (stats borrow names from it).
    let held: Vec<Arc<Engine>> = inputs
        .iter()
        .filter_map(|input| engines.for_input(input, stdin_name).ok())
        .collect();
    let jobs: Vec<(&Input, &Engine)> = inputs.iter().zip(held.iter().map(|e| &**e)).collect();
    let mut reporter = report::stats::StatsReporter::new(args.format);
    let mut problems: Vec<String> = Vec::new();
    let mut files = 0;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = reporter.begin(&mut out).and_then(|()| {
        crate::run::in_order(
            &jobs,
            |&(input, engine)| crate::stats::measure_input(engine, input, stdin_name, args.raw),
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
    // Only files the config excludes were named (pre-commit): nothing to say.
    let all_excluded = files == 0
        && errors.is_empty()
        && args.force_exclude
        && args.paths.iter().all(|p| p.is_file());
    let files = if all_excluded { 1 } else { files };
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
