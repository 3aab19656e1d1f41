//! Throughput of postlint: the real corpus, the example drafts, the hot
//! pieces alone, each length counter, and engine start-up.
//!
//! `cargo bench` runs everything (a few minutes on 2 cores);
//! `cargo bench -- pieces` runs one group. Every group reports MB/s of
//! source text (`Throughput::Bytes`).
//!
//! The corpus lives outside the repo, in `../shared/data/corpus` (see its
//! README). Without it the corpus group is skipped with a note.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{
    BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use postlint::engine::{Engine, Options};
use postlint::input::document::{self, Syntax};
use postlint::settings::resolve::CliChoices;
use postlint::span::Span;
use postlint::text::counter::Counter;
use postlint::text::entities::{self, Entity};
use postlint::text::segment::Segmenter;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/corpus");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
/// Size of the repeated-examples input.
const TEN_MB: usize = 10 << 20;
/// Blog post used for the per-piece benchmarks when the corpus is there
/// (a typical release post, 9.8 KB); otherwise the example blog post.
const CORPUS_POST: &str = "rust-blog/content/Rust-1.88.0.md";
const EXAMPLE_POST: &str = "blog-release.md";
/// Files in examples/ that document the drafts rather than being drafts.
const NOT_DRAFTS: &[&str] = &["README.md", "EXPECTED.md"];

struct Input {
    path: PathBuf,
    text: String,
}

fn bytes(inputs: &[Input]) -> u64 {
    inputs.iter().map(|i| i.text.len() as u64).sum()
}

/// Post files under `dir` with one of `extensions`, sorted by path.
fn read_tree(dir: &Path, extensions: &[&str]) -> Vec<Input> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<Input>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, extensions, out);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
            {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
                out.push(Input { path, text });
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, extensions, &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The example drafts, each with its own path (so the channel comes from
/// its front matter or extension), repeated in order until ~10 MB.
fn examples_10mb() -> Vec<Input> {
    let drafts: Vec<Input> = read_tree(Path::new(EXAMPLES), &["md", "txt", "tweet"])
        .into_iter()
        .filter(|i| {
            let name = i.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !NOT_DRAFTS.contains(&name)
        })
        .collect();
    assert!(!drafts.is_empty(), "no drafts in {EXAMPLES}");
    let mut out = Vec::new();
    let mut total = 0;
    for draft in drafts.iter().cycle() {
        if total >= TEN_MB {
            break;
        }
        total += draft.text.len();
        out.push(Input {
            path: draft.path.clone(),
            text: draft.text.clone(),
        });
    }
    out
}

/// 10 samples in about `seconds`: `cargo bench` stays within a few minutes.
/// Flat sampling (the same iteration count per sample) suits the groups
/// whose one iteration takes a second or more.
fn modest(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, seconds: u64) {
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(seconds));
}

/// Checks every input serially (the binary adds rayon across files; this
/// measures one core).
fn check_all(engine: &Engine, inputs: &[Input]) -> usize {
    let mut posts = 0;
    for input in inputs {
        let report = engine.check_source(
            Some(&input.path),
            input.path.display().to_string(),
            input.text.clone(),
        );
        posts += report.posts.len();
    }
    posts
}

fn bench_corpus(c: &mut Criterion) {
    let root = Path::new(CORPUS);
    if !root.is_dir() {
        eprintln!(
            "note: corpus not found at {CORPUS}; skipping the `corpus` group \
             (it lives in shared/ beside the repo)"
        );
        return;
    }
    let blog = read_tree(&root.join("rust-blog"), &["md"]);
    let tweets = read_tree(&root.join("tweets"), &["tweet"]);
    let blog_engine = Engine::load(&Options {
        cli: CliChoices {
            channel: Some("blog".into()),
            ..CliChoices::default()
        },
        ..Options::default()
    })
    .expect("built-in engine loads");
    let x_engine = Engine::load(&Options {
        cli: CliChoices {
            channel: Some("x".into()),
            ..CliChoices::default()
        },
        ..Options::default()
    })
    .expect("built-in engine loads");

    let mut group = c.benchmark_group("corpus");
    modest(&mut group, 15);
    group.throughput(Throughput::Bytes(bytes(&blog)));
    group.bench_function(format!("rust-blog ({} files, blog)", blog.len()), |b| {
        b.iter(|| check_all(&blog_engine, &blog))
    });
    group.throughput(Throughput::Bytes(bytes(&tweets)));
    group.bench_function(format!("tweets ({} files, x)", tweets.len()), |b| {
        b.iter(|| check_all(&x_engine, &tweets))
    });
    group.finish();
}

fn bench_examples(c: &mut Criterion) {
    let inputs = examples_10mb();
    let engine = Engine::built_in().expect("built-in engine loads");
    let mut group = c.benchmark_group("examples");
    modest(&mut group, 25);
    group.throughput(Throughput::Bytes(bytes(&inputs)));
    group.bench_function(format!("repeated to 10 MB ({} files)", inputs.len()), |b| {
        b.iter(|| check_all(&engine, &inputs))
    });
    group.finish();
}

/// A blog post: from the corpus if it is there, else the example one.
fn blog_post() -> (String, String) {
    let corpus = Path::new(CORPUS).join(CORPUS_POST);
    if let Ok(text) = std::fs::read_to_string(&corpus) {
        return (CORPUS_POST.into(), text);
    }
    let example = Path::new(EXAMPLES).join(EXAMPLE_POST);
    let text = std::fs::read_to_string(&example)
        .unwrap_or_else(|e| panic!("reading {}: {e}", example.display()));
    (EXAMPLE_POST.into(), text)
}

fn bench_pieces(c: &mut Criterion) {
    let (name, source) = blog_post();
    let doc = document::parse(&source, Syntax::Markdown);
    let body = doc.body;
    // What `Post::build` feeds the segmenter for a Markdown post.
    let prose = document::markdown_prose(&source, body);
    let entities: Vec<Entity> = entities::extract(&prose.text[body.range()])
        .into_iter()
        .map(|e| Entity {
            kind: e.kind,
            span: Span::new(e.span.start + body.start, e.span.end + body.start),
        })
        .collect();
    let published = &source[body.range()];

    let mut group = c.benchmark_group("pieces");
    modest(&mut group, 3);
    group.throughput(Throughput::Bytes(source.len() as u64));
    group.bench_function(format!("markdown_prose {name}"), |b| {
        b.iter(|| document::markdown_prose(black_box(&source), body))
    });
    group.bench_function(format!("segment {name}"), |b| {
        b.iter(|| {
            Segmenter::english().segment(
                black_box(&prose.text),
                &prose.blocks,
                &entities,
                &prose.code,
                false,
            )
        })
    });
    group.throughput(Throughput::Bytes(published.len() as u64));
    group.bench_function(format!("entities::extract {name} (body)"), |b| {
        b.iter(|| entities::extract(black_box(published)))
    });
    group.bench_function(format!("x-weighted count {name} (body)"), |b| {
        b.iter(|| Counter::XWeighted.count(black_box(published)))
    });
    group.finish();
}

/// About 1 MB of mixed post text: English with URLs (with and without a
/// scheme), mentions, hashtags, accented words in NFC and NFD, CJK, emoji
/// with skin tones, ZWJ sequences, flags and keycaps.
fn mixed_1mb() -> String {
    const SAMPLE: &str = "We shipped v2.0 today! Read the notes at https://example.com/blog/v2 \
        or example.org/notes, thanks @alice and @bob@example.social 🎉👍🏽 #launch #日本\n\
        Café, naïve, Ångström; cafe\u{301} and nai\u{308}ve decomposed. \
        日本語のテキストも少し。한국어도 조금. Привет, мир — «ça va?» 1️⃣ 🇫🇷🇯🇵\n\
        Family: 👨\u{200D}👩\u{200D}👧\u{200D}👦, coder: 👩🏽\u{200D}💻, ❤\u{FE0F} and ✨ (t.co/abc123) \
        50% off… “quoted” ‘text’ — plain ASCII words to make up most of a post, as real \
        posts are mostly words and spaces with a link or two.\n\n";
    let mut text = String::with_capacity((1 << 20) + SAMPLE.len());
    while text.len() < 1 << 20 {
        text.push_str(SAMPLE);
    }
    text
}

/// `Counter::count` on the same 1 MB for every counter.
fn bench_counters(c: &mut Criterion) {
    let text = mixed_1mb();
    let mut group = c.benchmark_group("counters");
    modest(&mut group, 3);
    group.throughput(Throughput::Bytes(text.len() as u64));
    for &counter in Counter::ALL {
        group.bench_function(format!("{} count (1 MB mixed)", counter.name()), |b| {
            b.iter(|| counter.count(black_box(&text)))
        });
    }
    group.finish();
}

fn bench_startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    modest(&mut group, 3);
    let checklists: u64 = postlint::checklist::BUILT_IN
        .iter()
        .map(|(_, text)| text.len() as u64)
        .sum();
    group.throughput(Throughput::Bytes(checklists));
    group.bench_function("Engine::built_in", |b| {
        b.iter(|| Engine::built_in().expect("built-in engine loads"))
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_corpus,
    bench_examples,
    bench_pieces,
    bench_counters,
    bench_startup
);
criterion_main!(benches);
