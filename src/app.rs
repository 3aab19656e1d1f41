//! Runs a parsed command line: loads what the run needs once, checks
//! files in parallel, prints, and decides the exit code at the end.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::baseline::Baseline;
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
        Command::Rules => load(&cli, CliChoices::default())
            .map(|engine| print(&catalog::rules(&engine.book, &engine.channels))),
        Command::TestChecklists => {
            load_untested(&cli, CliChoices::default()).map(|engine| test_checklists(&engine))
        }
        // With the config's `[channels.x]` numbers and the team's channels.
        Command::Channels => load_untested(&cli, CliChoices::default())
            .map(|engine| print(&catalog::channels(&engine.channels))),
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

/// Reads one input and checks it.
fn check_input(engine: &Engine, input: &Input) -> FileOutcome {
    match input {
        Input::Stdin => match read_stdin() {
            Ok(text) => engine.check_source(None, "-".to_owned(), text),
            Err(e) => engine.unreadable("-".to_owned(), e),
        },
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
    let engine = load(cli, choices)?;
    let excluded = |p: &Path| engine.config.is_excluded(p);
    let changes = match &args.changed_since {
        Some(rev) => Some(crate::git::changes(rev, args.changed_lines).map_err(|e| vec![e])?),
        None => None,
    };
    let (inputs, errors) = match &changes {
        Some(changes) => (changed_inputs(changes, &args.paths, &excluded), Vec::new()),
        None => walk::inputs_with(&args.paths, &excluded, args.force_exclude),
    };
    let baseline = match &args.baseline {
        Some(path) => Some(Baseline::load(path).map_err(|e| vec![e])?),
        None => None,
    };
    let mut written_baseline = args.write_baseline.as_ref().map(|_| Baseline::default());
    // Findings off changed lines are dropped, then those in the baseline;
    // the post is scored and judged on what is left.
    let work = |input: &Input| {
        let mut file = check_input(&engine, input);
        // Fingerprints of every finding, before any is dropped, so that
        // occurrences count the same whatever else is filtered.
        let prints = (baseline.is_some() || args.write_baseline.is_some())
            .then(|| crate::baseline::fingerprints(&engine, &file));
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
        crate::baseline::retain(&engine, &mut file, &|i, j, _| keep[i][j]);
        (file, suppressed, kept_prints)
    };
    let mut reporter = Reporter::new(
        args.format,
        report::Options {
            quiet: args.quiet,
            explain_score: args.explain_score,
        },
    );
    let mut summary = Summary {
        problems: errors.len(),
        suppressed: baseline.as_ref().map(|_| 0),
        ..Summary::default()
    };
    let mut problems: Vec<String> = Vec::new();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = reporter.begin(&engine.info, &mut out).and_then(|()| {
        crate::run::in_order(&inputs, work, |(file, suppressed, prints)| {
            summary.add(&file);
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
            reporter.file(&engine.info, &file, &mut out)
        })?;
        reporter.finish(&summary, &errors, &mut out)?;
        out.flush()
    });
    drop(out);
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
    } else if args.write_baseline.is_some() {
        ExitCode::SUCCESS
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
