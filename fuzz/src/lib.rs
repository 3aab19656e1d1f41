//! The properties the fuzz targets (libFuzzer, `cargo fuzz run NAME`) and
//! the stable stress runner (`cargo run --release --bin stress`) check.
//! Each takes arbitrary bytes and panics when a property fails.

use std::path::Path;
use std::sync::OnceLock;

use postlint::checklist::kinds::api::Resources;
use postlint::checklist::{ChecklistSource, RuleBook};
use postlint::engine::{Engine, Options as LoadOptions};
use postlint::input::document::{self, Syntax};
use postlint::outcome::{FileOutcome, Summary};
use postlint::profile::channel::Channels;
use postlint::report::{Base, Format, Options, Reporter};
use postlint::settings::resolve::CliChoices;
use postlint::span::Span;

/// The built-in engine with no forced channel (front matter and extension
/// decide), built once.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::built_in().expect("built-in engine"))
}

/// The built-in engine with `--channel x`, built once.
pub fn engine_x() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::load(&LoadOptions {
            cli: CliChoices {
                channel: Some("x".into()),
                ..CliChoices::default()
            },
            ..LoadOptions::default()
        })
        .expect("built-in engine")
    })
}

fn channels() -> &'static Channels {
    static CHANNELS: OnceLock<Channels> = OnceLock::new();
    CHANNELS.get_or_init(|| Channels::built_in().expect("built-in channels"))
}

/// `span` lies in `source` and starts and ends on character boundaries.
fn assert_span(source: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= source.len(),
        "{what} {span:?} out of bounds (len {})",
        source.len()
    );
    assert!(
        source.is_char_boundary(span.start) && source.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

/// Checking a file never panics, whatever its name, channel or content;
/// every span it reports indexes the file; every output format renders it.
pub fn check_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let runs: [(&Engine, Option<&Path>); 5] = [
        (engine(), Some(Path::new("f.md"))),
        (engine(), Some(Path::new("f.txt"))),
        (engine(), None),
        (engine_x(), Some(Path::new("f.md"))),
        (engine_x(), Some(Path::new("f.txt"))),
    ];
    for (engine, path) in runs {
        let shown = path.map_or("-".into(), |p| p.display().to_string());
        let report = engine.check_source(path, shown, text.to_owned());
        check_report(engine, &report);
        let mut summary = Summary::default();
        summary.add(&report);
        for format in [Format::Pretty, Format::Compact, Format::Json] {
            let options = Options {
                quiet: false,
                explain_score: true,
                // Wrapped to a terminal's width: the pretty report's
                // hardest path.
                width: Some(80),
                show_suppressed: true,
            };
            let base = Base {
                root: "/repo".to_owned(),
                prefix: String::new(),
                docs_url: None,
            };
            let mut reporter = Reporter::new(format, options, &base);
            let out = &mut std::io::sink();
            reporter
                .begin(&engine.info, out)
                .and_then(|()| reporter.file(&engine.info, &report, out))
                .and_then(|()| reporter.finish(&summary, &[], out))
                .expect("rendering to a sink cannot fail");
        }
    }
}

fn check_report(engine: &Engine, report: &FileOutcome) {
    let source = report.source.as_str();
    for problem in &report.problems {
        if let Some(span) = problem.span {
            assert_span(source, span, "problem span");
        }
    }
    for post in &report.posts {
        assert_span(source, post.span, "post span");
        // A post's front matter lies between the previous post (or the
        // file's start) and the post: findings about front matter fields
        // (`media`, `poll`, a video title) point there.
        let front_matter_from = report
            .posts
            .iter()
            .map(|p| p.span.end)
            .filter(|&end| end <= post.span.start)
            .max()
            .unwrap_or(0);
        for finding in &post.findings {
            let id = &engine.book.rule(finding.rule).id;
            assert_span(source, finding.span, &format!("finding span of {id}"));
            let in_front_matter = finding.span.start >= front_matter_from
                && finding.span.end <= post.span.start;
            assert!(
                post.span.contains(finding.span) || finding.span.is_empty() || in_front_matter,
                "finding of {id} at {:?} outside its post {:?} and its front matter",
                finding.span,
                post.span
            );
            if let Some(fix) = &finding.fix {
                for edit in &fix.edits {
                    assert_span(source, edit.span, &format!("fix span of {id}"));
                }
            }
            assert!(
                finding.magnitude.is_finite() && finding.magnitude >= 0.0,
                "magnitude {} of {id}",
                finding.magnitude
            );
        }
    }
}

/// Front matter, thread splitting and the prose view keep their promises:
/// spans in bounds and on char boundaries, posts in order inside the body,
/// and the prose view is the file with some bytes blanked (same length,
/// line breaks kept).
pub fn document(data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    for syntax in [Syntax::Plain, Syntax::Markdown] {
        let doc = document::parse(source, syntax);
        assert_span(source, doc.body, "body");
        if let Some(fm) = doc.front_matter_span {
            assert_span(source, fm, "front matter");
            assert!(
                fm.end <= doc.body.start,
                "front matter {fm:?} overlaps body"
            );
        }
        for problem in &doc.problems {
            let span = problem.span.expect("document problems are located");
            assert_span(source, span, "problem");
        }
        for separator in ["---", "***", ""] {
            let posts = document::split_posts(source, doc.body, separator);
            assert!(!posts.is_empty(), "split_posts returned no post");
            let mut previous_end = doc.body.start;
            for post in &posts {
                assert_span(source, *post, "post");
                assert!(
                    doc.body.contains(*post),
                    "post {post:?} outside body {:?}",
                    doc.body
                );
                assert!(post.start >= previous_end, "posts out of order: {posts:?}");
                previous_end = post.end;
            }
            for post in posts {
                prose_invariants(source, post);
                for block in document::plain_blocks(source, post) {
                    assert_span(source, block.span, "plain block");
                    assert!(post.contains(block.span), "plain block outside post");
                }
            }
        }
        prose_invariants(source, doc.body);
    }
}

fn prose_invariants(source: &str, post: Span) {
    let prose = document::markdown_prose(source, post);
    assert_eq!(
        prose.text.len(),
        source.len(),
        "prose view length differs from source length"
    );
    for (i, (&s, &t)) in source
        .as_bytes()
        .iter()
        .zip(prose.text.as_bytes())
        .enumerate()
    {
        if s == b'\n' || s == b'\r' {
            assert_eq!(t, s, "line break at {i} not kept in the prose view");
        } else {
            assert!(
                t == s || t == b' ',
                "prose byte {i} is {t:#04x}, source has {s:#04x}: neither kept nor blanked"
            );
        }
        if !post.range().contains(&i) {
            assert!(
                t == s && (s == b'\n' || s == b'\r') || t == b' ',
                "byte {i} outside the post {post:?} not blanked"
            );
        }
    }
    for block in &prose.blocks {
        assert_span(source, block.span, "prose block");
        assert_span(&prose.text, block.span, "prose block (in prose)");
    }
    for code in &prose.code {
        assert_span(source, *code, "inline code");
    }
    for markup in &prose.markup {
        assert_span(source, *markup, "markup");
    }
}

/// Posts a loaded user checklist is run over: plain, Markdown, a thread,
/// front matter, entities, emoji, empty.
const CHECKLIST_POSTS: &[(&str, &str)] = &[
    (
        "a.md",
        "---\nchannel: blog\n---\n# Title\n\nThe the quick brown fox. Utilize `code` and [a link](https://x.y)!!!\n\n- item one\n- item two\n",
    ),
    (
        "a.txt",
        "Hello @user and @user@host.social #tag $TSLA https://example.com 🎉👨\u{200d}👩\u{200d}👧 e\u{301}\r\nSecond LINE IS LOUD.\n---\nPost two (unbalanced.\n",
    ),
    (
        "b.txt",
        "---\nchannel: x\nsponsored: true\n---\nBuy now! #ad",
    ),
    ("c.txt", ""),
    (
        "d.md",
        "\u{feff}+++\ntitle = \"t\"\n+++\nMr. Smith met Dr. Jones at 3.14 p.m. e.g. today... Really? Yes.",
    ),
];

/// Any text as a checklist file loads or is rejected, never panics; when
/// it loads, its rules run over a few posts without panicking either.
/// Returns whether it loaded (for the stress runner's statistics).
pub fn checklist(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    let sources = [ChecklistSource {
        file: "fuzz.toml".into(),
        text: text.to_owned(),
    }];
    match RuleBook::load(&sources, None, channels(), &Resources::default()) {
        Ok(book) => {
            let engine = Engine::with_book(book).expect("built-in tables load");
            for (name, text) in CHECKLIST_POSTS {
                let report =
                    engine.check_source(Some(Path::new(name)), (*name).into(), (*text).into());
                check_report(&engine, &report);
            }
            true
        }
        Err(e) => {
            // Errors are located: the line must exist in the file.
            let lines = text.split('\n').count().max(1);
            assert!(
                e.line <= lines + 1,
                "error line {} past the file's {lines} lines: {}",
                e.line,
                e.message
            );
            false
        }
    }
}
