//! Scaling: doubling any input should at most double the time (the issue
//! "Scale and hostile input": linear within ±15%). Five dimensions, each at
//! n, 2n and 4n, generated in memory:
//!
//! - `files`: n post files (the example drafts, cycled), checked serially
//!   through the library, as the binary does on one core;
//! - `file-size`: one Markdown blog post of n sections;
//! - `line-length`: 40 paragraphs, each one line of n bytes;
//! - `findings-per-line`: 40 lines of a fixed length with n findings each
//!   (misspellings and hype words among plain words);
//! - `thread-posts`: an X thread of n numbered posts.
//!
//! At the end the bench prints t(2n)/t(n) and t(4n)/t(2n), from the fastest
//! of the samples criterion measured (the sample least disturbed by other
//! work on the machine; the median is printed too). `cargo bench --bench
//! scaling` takes about two minutes on 2 cores.
//!
//! `POSTLINT_SCALING_WRITE=DIR cargo bench --bench scaling` writes the same
//! inputs as files under DIR instead (times `POSTLINT_SCALING_FACTOR`,
//! default 1), for `benches/scaling.sh`, which times the release binary on
//! them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use postlint::engine::Engine;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
/// Files in examples/ that document the drafts rather than being drafts.
const NOT_DRAFTS: &[&str] = &["README.md", "EXPECTED.md"];
/// The multiples of n every dimension is measured at.
const STEPS: [usize; 3] = [1, 2, 4];

/// One generated input file: where it would live (the path decides syntax)
/// and its text.
struct Input {
    path: PathBuf,
    text: String,
}

/// A dimension: its name, its n, and how to build the files for a size.
struct Dimension {
    name: &'static str,
    /// What n counts, for the printed table.
    unit: &'static str,
    n: usize,
    build: fn(usize) -> Vec<Input>,
}

const DIMENSIONS: &[Dimension] = &[
    Dimension {
        name: "files",
        unit: "files",
        n: 150,
        build: files,
    },
    Dimension {
        name: "file-size",
        unit: "sections",
        n: 40,
        build: file_size,
    },
    Dimension {
        name: "line-length",
        unit: "bytes a line",
        n: 4096,
        build: line_length,
    },
    Dimension {
        name: "findings-per-line",
        unit: "findings a line",
        n: 16,
        build: findings_per_line,
    },
    Dimension {
        name: "thread-posts",
        unit: "posts",
        n: 100,
        build: thread_posts,
    },
];

/// Words that make up the generated prose: common English, spelled right,
/// none of them a finding on its own.
const WORDS: &[&str] = &[
    "the", "team", "shipped", "a", "new", "release", "of", "our", "tool", "today", "and", "it",
    "makes", "builds", "faster", "for", "everyone", "who", "writes", "code", "with", "us", "we",
    "thank", "people", "sent", "patches", "tested", "nightly", "reported", "bugs", "this", "year",
];

/// Words that are findings: misspellings (correct) and hype (strategy).
const FINDINGS: &[&str] = &[
    "recieve",
    "definately",
    "seperate",
    "revolutionary",
    "occured",
    "groundbreaking",
];

/// `count` words from `WORDS`, starting at `seed`, with a full stop and a
/// capital every 12 words, so sentences stay ordinary.
fn prose(seed: usize, count: usize) -> String {
    let mut out = String::new();
    for i in 0..count {
        let word = WORDS[(seed + i * 7) % WORDS.len()];
        if i % 12 == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
        if i % 12 == 11 || i + 1 == count {
            out.push_str(". ");
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The example drafts, each with its own path (so the channel comes from
/// its front matter or extension), cycled to `n` files.
fn files(n: usize) -> Vec<Input> {
    fn walk(dir: &Path, out: &mut Vec<Input>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                walk(&path, out);
            } else if !NOT_DRAFTS.contains(&name)
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ["md", "txt", "tweet", "toot"].contains(&e))
            {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
                out.push(Input { path, text });
            }
        }
    }
    let mut drafts = Vec::new();
    walk(Path::new(EXAMPLES), &mut drafts);
    drafts.sort_by(|a, b| a.path.cmp(&b.path));
    assert!(!drafts.is_empty(), "no drafts in {EXAMPLES}");
    (0..n)
        .map(|i| {
            let draft = &drafts[i % drafts.len()];
            Input {
                path: draft.path.clone(),
                text: draft.text.clone(),
            }
        })
        .collect()
}

/// One blog post of `n` sections: a heading, two paragraphs with a link
/// and inline code, a list and a code block; a finding now and then.
fn file_size(n: usize) -> Vec<Input> {
    let mut text = String::from("---\ntitle: Scaling\nchannel: blog\n---\n\n");
    for i in 0..n {
        let _ = write!(
            text,
            "## Section {i}\n\n{} See [the notes](https://example.com/notes/{i}) \
             and run `cargo build --release` first. {}\n\n{}\n\n\
             - {}\n- {}\n- {}\n\n```rust\nfn main() {{ println!(\"{i}\"); }}\n```\n\n",
            prose(i, 40),
            FINDINGS[i % FINDINGS.len()],
            prose(i + 3, 60),
            prose(i + 5, 8),
            prose(i + 6, 9),
            prose(i + 7, 10),
        );
    }
    vec![Input {
        path: PathBuf::from("scaling/size.md"),
        text,
    }]
}

/// 40 paragraphs, each a single line of about `n` bytes of sentences.
fn line_length(n: usize) -> Vec<Input> {
    let mut text = String::from("---\ntitle: Long lines\nchannel: blog\n---\n\n");
    for line in 0..40 {
        let mut paragraph = String::new();
        let mut seed = line;
        while paragraph.len() < n {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(&prose(seed, 24));
            seed += 1;
        }
        text.push_str(&paragraph);
        text.push_str("\n\n");
    }
    vec![Input {
        path: PathBuf::from("scaling/lines.md"),
        text,
    }]
}

/// 40 lines of 1,024 words each (about 5.5 KB), `n` of them findings,
/// spread evenly: the text keeps its size, only the findings double.
fn findings_per_line(n: usize) -> Vec<Input> {
    const WORDS_A_LINE: usize = 1024;
    let mut text = String::from("---\ntitle: Findings\nchannel: blog\n---\n\n");
    for line in 0..40 {
        let line_text = prose(line, WORDS_A_LINE);
        let words: Vec<&str> = line_text.split(' ').collect();
        let every = WORDS_A_LINE / n.max(1);
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            if i % every == every / 2 {
                text.push_str(FINDINGS[(line + i / every) % FINDINGS.len()]);
                if word.ends_with('.') {
                    text.push('.');
                }
            } else {
                text.push_str(word);
            }
        }
        text.push_str("\n\n");
    }
    vec![Input {
        path: PathBuf::from("scaling/findings.md"),
        text,
    }]
}

/// An X thread of `n` posts, numbered "i/n", separated by `---`.
fn thread_posts(n: usize) -> Vec<Input> {
    let mut text = String::from("---\nchannel: x\n---\n");
    for i in 1..=n {
        if i > 1 {
            text.push_str("---\n");
        }
        let _ = writeln!(
            text,
            "{i}/{n} {} https://example.com/thread/{i} #release",
            prose(i, 22)
        );
    }
    vec![Input {
        path: PathBuf::from("scaling/thread.md"),
        text,
    }]
}

fn check_all(engine: &Engine, inputs: &[Input]) -> usize {
    inputs
        .iter()
        .map(|input| {
            engine
                .check_source(
                    Some(&input.path),
                    input.path.display().to_string(),
                    input.text.clone(),
                )
                .posts
                .len()
        })
        .sum()
}

/// (fastest, median) of `times`.
fn min_median(times: &mut [f64]) -> (f64, f64) {
    if times.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    times.sort_by(f64::total_cmp);
    let mid = times.len() / 2;
    let median = if times.len().is_multiple_of(2) {
        f64::midpoint(times[mid - 1], times[mid])
    } else {
        times[mid]
    };
    (times[0], median)
}

fn bench(c: &mut Criterion) {
    let engine = Engine::built_in().expect("built-in engine loads");
    let mut table = String::new();
    for dimension in DIMENSIONS {
        let mut group = c.benchmark_group(format!("scaling/{}", dimension.name));
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        // Seconds per iteration of each sample, by multiple of n.
        let seen: Mutex<BTreeMap<usize, Vec<f64>>> = Mutex::new(BTreeMap::new());
        for step in STEPS {
            let size = dimension.n * step;
            let inputs = (dimension.build)(size);
            let bytes: usize = inputs.iter().map(|i| i.text.len()).sum();
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &inputs, |b, inputs| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        std::hint::black_box(check_all(&engine, inputs));
                    }
                    let elapsed = start.elapsed();
                    #[allow(clippy::cast_precision_loss)]
                    let each = elapsed.as_secs_f64() / iters as f64;
                    seen.lock()
                        .expect("no panic while held")
                        .entry(step)
                        .or_default()
                        .push(each);
                    elapsed
                });
            });
        }
        group.finish();
        // The warm-up's calls are recorded too (they are never faster).
        let mut seen = seen.into_inner().expect("no panic while held");
        let (t, m): (Vec<f64>, Vec<f64>) = STEPS
            .iter()
            .map(|step| min_median(seen.get_mut(step).map_or(&mut [][..], |v| &mut v[..])))
            .unzip();
        let _ = writeln!(
            table,
            "{:<18} {:<6} {:<16} {:>9.2} ms {:>9.2} ms {:>9.2} ms   {:>5.2}   {:>5.2}   (medians {:.2} / {:.2} / {:.2} ms)",
            dimension.name,
            dimension.n,
            dimension.unit,
            t[0] * 1e3,
            t[1] * 1e3,
            t[2] * 1e3,
            t[1] / t[0],
            t[2] / t[1],
            m[0] * 1e3,
            m[1] * 1e3,
            m[2] * 1e3,
        );
    }
    println!(
        "\n{:<18} {:<8} {:<16} {:>12} {:>12} {:>12}   {:>5}   {:>5}\n{table}\
         target: each ratio <= 2.30 (doubling at most doubles the time, +15%)",
        "dimension", "n", "counts", "t(n)", "t(2n)", "t(4n)", "2n/n", "4n/2n"
    );
}

/// Writes every dimension's inputs under `dir`, n times `factor`:
/// `DIM/{1x,2x,4x}/...`, keeping each input's file name (and, for the
/// example drafts, their folder so each path stays distinct).
fn write_inputs(dir: &Path, factor: usize) -> std::io::Result<()> {
    for dimension in DIMENSIONS {
        for step in STEPS {
            let folder = dir.join(dimension.name).join(format!("{step}x"));
            std::fs::create_dir_all(&folder)?;
            let inputs = (dimension.build)(dimension.n * factor * step);
            for (i, input) in inputs.iter().enumerate() {
                let name = input
                    .path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("post.md");
                let path = if inputs.len() > 1 {
                    folder.join(format!("{i:06}-{name}"))
                } else {
                    folder.join(name)
                };
                std::fs::write(path, &input.text)?;
            }
        }
    }
    Ok(())
}

fn main() {
    if let Some(dir) = std::env::var_os("POSTLINT_SCALING_WRITE") {
        let factor = std::env::var("POSTLINT_SCALING_FACTOR")
            .ok()
            .and_then(|f| f.parse().ok())
            .unwrap_or(1);
        write_inputs(Path::new(&dir), factor).expect("writing the scaling inputs");
        println!(
            "wrote the scaling inputs (x{factor}) under {}",
            dir.to_string_lossy()
        );
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
