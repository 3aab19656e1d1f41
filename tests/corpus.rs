//! False alarms on real published posts: a checker that fails good posts
//! gets switched off. The corpus (`../shared/data/corpus`, beside the repo)
//! holds a project blog and two teams' tweets; the bars below are the
//! foundation issue's: at most 10% of posts fail, median overall >= 80.
//! Skipped, with a note, when the corpus is not there; a failure when
//! `CI` is set (CI always has it).

use std::path::{Path, PathBuf};

use postlint::engine::{Engine, Options};
use postlint::settings::resolve::CliChoices;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpus");
    dir.is_dir().then_some(dir)
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

struct Measure {
    posts: usize,
    failed: usize,
    median: u32,
}

fn measure(dir: &Path, ext: &str, channel: &str) -> Measure {
    let engine = Engine::load(&Options {
        cli: CliChoices {
            channel: Some(channel.into()),
            ..CliChoices::default()
        },
        ..Options::default()
    })
    .unwrap();
    let mut paths = Vec::new();
    files(dir, ext, &mut paths);
    assert!(!paths.is_empty(), "no .{ext} files under {}", dir.display());
    let mut scores = Vec::new();
    let mut failed = 0;
    for path in &paths {
        let report = engine.check_path(path, path.display().to_string());
        assert!(
            report.problems.is_empty(),
            "{}: {:?}",
            path.display(),
            report.problems
        );
        for post in &report.posts {
            scores.push(postlint::score::shown(post.score.overall));
            failed += usize::from(!post.verdict.passed);
        }
    }
    scores.sort_unstable();
    Measure {
        posts: scores.len(),
        failed,
        median: scores[scores.len() / 2],
    }
}

#[test]
fn published_posts_mostly_pass() {
    let Some(corpus) = corpus() else {
        // In CI the corpus is always there: its absence is a failure, not
        // a pass that measured nothing.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but ../shared/data/corpus is missing: the false-alarm bars were not measured"
        );
        // Past the harness's capture, so the skip shows in every run.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped: published_posts_mostly_pass needs ../shared/data/corpus beside the repo"
        );
        return;
    };
    for (dir, ext, channel) in [("rust-blog", "md", "blog"), ("tweets", "tweet", "x")] {
        let m = measure(&corpus.join(dir), ext, channel);
        let share = m.failed as f64 / m.posts as f64;
        eprintln!(
            "{dir}: {} posts, {} failed ({:.1}%), median overall {}",
            m.posts,
            m.failed,
            share * 100.0,
            m.median
        );
        assert!(
            share <= 0.10,
            "{dir}: {:.1}% of published posts fail",
            share * 100.0
        );
        assert!(m.median >= 80, "{dir}: median overall score {}", m.median);
    }
}
