//! Deterministic stress test of the fuzz properties on stable Rust.
//!
//! Generates pseudo-random inputs (fragment soups and mutations of seed
//! texts: the repo's example drafts and the built-in checklists), runs the
//! three properties of `postlint_fuzz` on each, catches panics, shrinks each
//! new one to a small input and saves it under `fuzz/artifacts/stress/`.
//!
//! ```sh
//! cargo run --release --manifest-path fuzz/Cargo.toml --bin stress -- \
//!     [--seconds 60] [--iters N] [--seed 1] [--only check_file|document|checklist]
//! ```
//!
//! Exits 1 if any property failed.

use std::backtrace::Backtrace;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// xorshift64*: tiny, deterministic, good enough to pick fragments.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Pieces of posts: front matter, Markdown, entities, Unicode corners.
const POST_FRAGMENTS: &[&str] = &[
    "---",
    "---\n",
    "\n---\n",
    "+++",
    "+++\n",
    "***",
    "___",
    "```",
    "```rust\n",
    "~~~",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{feff}",
    " ",
    "  ",
    "#tag",
    "#",
    "## ",
    "# Title\n",
    "#NorthwindPulse",
    "#1",
    "#tag#tag",
    "＃全角",
    "@user",
    "@user@host.social",
    "@user/list",
    "@",
    "@@",
    "$TSLA",
    "$",
    "https://example.com/a?b=c&d=e#f",
    "http://t.co/x",
    "example.com",
    "www.example.co.uk/path)",
    "https://",
    "ftp://x",
    "<https://x.y>",
    "[link](http://x.y)",
    "[link][ref]",
    "[ref]: http://x.y \"t\"\n",
    "![img](a.png)",
    "[^1]",
    "[^1]: note\n",
    "🎉",
    "👨\u{200d}👩\u{200d}👧\u{200d}👦",
    "🇵🇹",
    "☀️",
    "👋🏽",
    "e\u{301}",
    "\u{200d}",
    "\u{202e}",
    "\u{0}",
    "\u{7f}",
    "\u{a0}",
    "\u{2028}",
    "日本語の文章。",
    "Привет",
    "مرحبا",
    "Ω",
    "ﬁ",
    "İ",
    "ß",
    "**bold**",
    "*em*",
    "_em_",
    "__",
    "**",
    "`code`",
    "``",
    "`",
    "<div>",
    "</div>",
    "<!-- c -->",
    "<br/>",
    "&amp;",
    "&#x1F600;",
    "{{ shortcode() }}",
    "{{",
    "}}",
    "{% tag %}",
    "{%",
    "$$x^2$$",
    "$x$",
    "> quote\n",
    ">",
    "- item\n",
    "* item\n",
    "1. item\n",
    "1)",
    "- [ ] ",
    "| a | b |\n",
    "|---|---|\n",
    "|",
    "\\",
    "\\*",
    "Mr. Smith",
    "e.g. ",
    "U.S.A.",
    "3.14",
    "v1.2.3",
    "...",
    "…",
    "!!!",
    "?!",
    "?",
    ".",
    ",",
    ";",
    ":",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "«",
    "»",
    "GUARANTEED",
    "FREE!!!",
    "the the",
    "The. the",
    "very very",
    "a",
    "I",
    "word",
    "Supercalifragilisticexpialidocious",
    "utilize",
    "in order to",
    "sponsored",
    "#ad",
    "click here",
    "Sign up today",
    "channel: x\n",
    "channel: linkedin\n",
    "channel: blog\n",
    "channel: mastodon\n",
    "channel: bluesky\n",
    "channel: nope\n",
    "channels: [x, linkedin]\n",
    "channels: []\n",
    "audience: 8\n",
    "audience: expert\n",
    "audience: -1\n",
    "postlint:\n  disable: [strategy.hype-word]\n",
    "postlint: 3\n",
    "sponsored: true\n",
    "checklists: [readable]\n",
    "checklists: [nope]\n",
    "channel = \"blog\"\n",
    "channel = 3\n",
    "title = \"x\"\n",
    "title: 'x'\n",
    "key: [unclosed\n",
    "&anchor",
    "*alias",
    "!!binary",
    "%YAML 1.2\n",
    "1/4 ",
    "2/4 ",
    "0",
    "12345678901234567890",
    "-1",
    "1e308",
    "NaN",
];

/// Pieces of checklist files: tables, keys, values, regex-ish strings.
const CHECKLIST_FRAGMENTS: &[&str] = &[
    "[checklist]\n",
    "id = \"mine\"\n",
    "title = \"Mine\"\n",
    "description = \"d\"\n",
    "weight = 2.0\n",
    "weight = -1\n",
    "weight = nan\n",
    "weight = inf\n",
    "weight = 0\n",
    "[[rule]]\n",
    "id = \"r\"\n",
    "id = \"Bad Id\"\n",
    "id = \"\"\n",
    "kind = \"metric\"\n",
    "kind = \"existence\"\n",
    "kind = \"substitution\"\n",
    "kind = \"count\"\n",
    "kind = \"require\"\n",
    "kind = \"repetition\"\n",
    "kind = \"capitalization\"\n",
    "kind = \"consistency\"\n",
    "kind = \"balance\"\n",
    "kind = \"nope\"\n",
    "severity = \"error\"\n",
    "severity = \"warning\"\n",
    "severity = \"suggestion\"\n",
    "message = \"{value} > {max} {match} {nope}\"\n",
    "message = \"{\"\n",
    "message = \"}\"\n",
    "message = \"{{}}\"\n",
    "why = \"w\"\n",
    "help = \"h\"\n",
    "scope = \"sentence\"\n",
    "scope = \"word\"\n",
    "scope = \"heading\"\n",
    "scope = \"first-line\"\n",
    "scope = \"nope\"\n",
    "channels = [\"x\"]\n",
    "channels = [\"nope\"]\n",
    "channels = []\n",
    "reading = \"markdown\"\n",
    "reading = \"plain\"\n",
    "enabled = false\n",
    "metric = \"words-per-sentence\"\n",
    "metric = \"length\"\n",
    "metric = \"syllables\"\n",
    "metric = \"grade\"\n",
    "metric = \"nope\"\n",
    "max = 0\n",
    "max = -1\n",
    "max = 1e308\n",
    "max = 18446744073709551616\n",
    "max = \"channel.max_length\"\n",
    "max = \"audience.max_grade\"\n",
    "max = \"channel.nope\"\n",
    "max = \"\"\n",
    "min = 5\n",
    "min = 10\nmax = 1\n",
    "min_words = 0\n",
    "min_run = 0\n",
    "min_run = 1\n",
    "min_letters = 0\n",
    "count = \"hashtags\"\n",
    "count = \"matches\"\n",
    "count = \"emoji\"\n",
    "tokens = [\"the the\", \"utilize\"]\n",
    "tokens = []\n",
    "tokens = [\"\"]\n",
    "tokens = [\"(\", \"a.b\", \"\\\\\"]\n",
    "patterns = [\"(?i)\\\\b(foo|bar)+\\\\b\"]\n",
    "patterns = [\"(\"]\n",
    "patterns = [\"\"]\n",
    "patterns = [\"a*\"]\n",
    "patterns = [\"^\"]\n",
    "patterns = [\"$\"]\n",
    "patterns = [\"\\\\b\"]\n",
    "patterns = [\"(?m)^$\"]\n",
    "patterns = [\"\\\\p{L}{1000}\"]\n",
    "patterns = [\"(a{1000}){1000}\"]\n",
    "patterns = [\"(?<name>x)\"]\n",
    "patterns = [\"x(?=y)\"]\n",
    "patterns = [\"\\\\1\"]\n",
    "patterns = [\"[\\\\s\\\\S]\"]\n",
    "patterns = [\".\"]\n",
    "ignore_case = true\n",
    "replacement = \"x\"\n",
    "replacement = \"$1\"\n",
    "replacement = \"\"\n",
    "safe_fix = true\n",
    "entities = [\"urls\"]\n",
    "entities = [\"nope\"]\n",
    "when = { sponsored = true }\n",
    "[rule.when]\n",
    "sponsored = true\n",
    "min_words = 3\n",
    "of = \"word\"\n",
    "of = \"opening\"\n",
    "allow = [\"a\"]\n",
    "check = \"shouting\"\n",
    "check = \"sentence-start\"\n",
    "pairs = [[\"(\", \")\"]]\n",
    "pairs = [[\"\", \"\"]]\n",
    "pairs = [[\"a\"]]\n",
    "pairs = [[\"'\", \"'\"]]\n",
    "[rule.swap]\n",
    "utilize = \"use\"\n",
    "\"\" = \"x\"\n",
    "\"a\" = \"\"\n",
    "terms = [[\"e-mail\", \"email\"]]\n",
    "terms = [[]]\n",
    "[rule.examples]\n",
    "bad = [\"the the\"]\n",
    "good = [\"fine\"]\n",
    "bad = [\"\"]\n",
    "good = [\"\"]\n",
    "bad = [\"🎉\"]\n",
    "[nope]\n",
    "nope = 1\n",
    "= 1\n",
    "[[rule]\n",
    "\"\"\"\n",
    "'''\n",
    "# comment\n",
    "\n",
    "\r\n",
    "\u{feff}",
    "x = { a = [1, {b = 2}] }\n",
    "x = 1979-05-27T07:32:00Z\n",
    "[rule]\n",
    "rule = 1\n",
    "checklist = 1\n",
];

struct Seeds {
    posts: Vec<String>,
    checklists: Vec<String>,
}

fn seeds() -> Seeds {
    let mut posts = Vec::new();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    if let Ok(entries) = std::fs::read_dir(&examples) {
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if let Ok(text) = std::fs::read_to_string(&path) {
                posts.push(text);
            }
        }
    }
    posts.push(String::new());
    let checklists = postlint::checklist::BUILT_IN
        .iter()
        .map(|(_, text)| (*text).to_owned())
        .collect();
    Seeds { posts, checklists }
}

fn boundary(text: &str, rng: &mut Rng) -> usize {
    let mut i = rng.below(text.len() + 1);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A soup of `fragments`, sometimes glued by spaces or line breaks.
fn soup(rng: &mut Rng, fragments: &[&str], max: usize) -> String {
    let mut out = String::new();
    for _ in 0..1 + rng.below(max) {
        out.push_str(rng.pick(fragments));
        match rng.below(6) {
            0 => out.push(' '),
            1 => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// A seed with a few edits: insertions of fragments, deletions,
/// duplications, byte flips, truncation, lines shuffled.
fn mutate(rng: &mut Rng, seed: &str, fragments: &[&str]) -> String {
    let mut text = seed.to_owned();
    for _ in 0..1 + rng.below(8) {
        match rng.below(8) {
            0..=2 => {
                let at = boundary(&text, rng);
                let piece = soup(rng, fragments, 3);
                text.insert_str(at, &piece);
            }
            3 => {
                let (a, b) = (boundary(&text, rng), boundary(&text, rng));
                text.replace_range(a.min(b)..a.max(b), "");
            }
            4 => {
                let (a, b) = (boundary(&text, rng), boundary(&text, rng));
                let piece = text[a.min(b)..a.max(b)].to_owned();
                let at = boundary(&text, rng);
                text.insert_str(at, &piece);
            }
            5 => {
                let at = boundary(&text, rng);
                let c = char::from(rng.below(128) as u8);
                text.insert(at, c);
            }
            6 => {
                let at = boundary(&text, rng);
                text.truncate(at);
            }
            _ => {
                let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
                if lines.len() > 1 {
                    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                    lines.swap(a, b);
                }
                text = lines.concat();
            }
        }
    }
    text
}

/// A seed with a few line-aligned edits, which keep TOML and front matter
/// valid more often: a fragment inserted as a line, a line dropped, or the
/// value of a `key = value` line replaced by another fragment's value.
fn mutate_lines(rng: &mut Rng, seed: &str, fragments: &[&str]) -> String {
    let mut lines: Vec<String> = seed.split_inclusive('\n').map(str::to_owned).collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(lines.len() + 1);
        match rng.below(4) {
            0 => {
                let mut piece = rng.pick(fragments).to_owned();
                if !piece.ends_with('\n') {
                    piece.push('\n');
                }
                lines.insert(at, piece);
            }
            1 if at < lines.len() => {
                lines.remove(at);
            }
            _ => {
                let keyed: Vec<usize> = (0..lines.len())
                    .filter(|&i| lines[i].contains(" = ") || lines[i].contains(": "))
                    .collect();
                let values: Vec<&str> = fragments
                    .iter()
                    .filter_map(|f| f.split_once(" = ").or_else(|| f.split_once(": ")))
                    .map(|(_, v)| v)
                    .collect();
                if keyed.is_empty() || values.is_empty() {
                    continue;
                }
                let line = &mut lines[rng.pick(&keyed)];
                let sep = if line.contains(" = ") { " = " } else { ": " };
                if let Some((key, _)) = line.split_once(sep) {
                    let mut value = rng.pick(&values).to_owned();
                    if !value.ends_with('\n') {
                        value.push('\n');
                    }
                    *line = format!("{key}{sep}{value}");
                }
            }
        }
    }
    lines.concat()
}

/// The input for one round: raw bytes (sometimes not UTF-8) for one property.
fn generate(rng: &mut Rng, seeds: &Seeds, checklist: bool) -> Vec<u8> {
    let (fragments, pool) = if checklist {
        (CHECKLIST_FRAGMENTS, &seeds.checklists)
    } else {
        (POST_FRAGMENTS, &seeds.posts)
    };
    let text = match rng.below(10) {
        0..=3 => soup(rng, fragments, 40),
        4 if checklist => {
            // A small valid-looking checklist around a soup of rule keys.
            let mut t =
                String::from("[checklist]\nid = \"mine\"\ntitle = \"t\"\ndescription = \"d\"\n");
            for _ in 0..1 + rng.below(3) {
                t.push_str("[[rule]]\nid = \"r\"\nkind = \"");
                t.push_str(rng.pick(&[
                    "existence",
                    "substitution",
                    "count",
                    "require",
                    "metric",
                    "repetition",
                    "capitalization",
                    "consistency",
                    "balance",
                ]));
                t.push_str("\"\nseverity = \"warning\"\nmessage = \"m\"\n");
                t.push_str(&soup(rng, fragments, 6));
            }
            t
        }
        5..=7 => {
            let seed = &pool[rng.below(pool.len())];
            mutate_lines(rng, seed, fragments)
        }
        _ => {
            let seed = &pool[rng.below(pool.len())];
            mutate(rng, seed, fragments)
        }
    };
    let mut bytes = text.into_bytes();
    if rng.chance(3) && !bytes.is_empty() {
        let at = rng.below(bytes.len());
        bytes[at] = rng.next() as u8;
    }
    bytes
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Property {
    CheckFile,
    Document,
    Checklist,
}

impl Property {
    const ALL: [Property; 3] = [Property::CheckFile, Property::Document, Property::Checklist];
    fn name(self) -> &'static str {
        match self {
            Property::CheckFile => "check_file",
            Property::Document => "document",
            Property::Checklist => "checklist",
        }
    }
    /// Runs the property; true when a checklist input loaded.
    fn run(self, data: &[u8]) -> bool {
        match self {
            Property::CheckFile => {
                postlint_fuzz::check_file(data);
                false
            }
            Property::Document => {
                postlint_fuzz::document(data);
                false
            }
            Property::Checklist => postlint_fuzz::checklist(data),
        }
    }
}

/// The last panic: message, location, backtrace.
#[derive(Clone)]
struct Failure {
    message: String,
    location: String,
    backtrace: String,
}

static LAST: Mutex<Option<Failure>> = Mutex::new(None);

fn install_hook() {
    panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let backtrace = Backtrace::force_capture().to_string();
        *LAST.lock().unwrap_or_else(|e| e.into_inner()) = Some(Failure {
            message,
            location,
            backtrace,
        });
    }));
}

/// `Ok(loaded)`, or the panic.
fn attempt(property: Property, data: &[u8]) -> Result<bool, Failure> {
    panic::catch_unwind(AssertUnwindSafe(|| property.run(data))).map_err(|_| {
        LAST.lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .unwrap_or_else(|| Failure {
                message: "panic without a hook report".into(),
                location: String::new(),
                backtrace: String::new(),
            })
    })
}

/// Greedy delta debugging: drop chunks (halving in size) while the same
/// panic location still fires.
fn shrink(property: Property, data: &[u8], location: &str) -> Vec<u8> {
    let fails = |d: &[u8]| attempt(property, d).is_err_and(|f| f.location == location);
    let mut best = data.to_vec();
    let mut chunk = best.len().div_ceil(2).max(1);
    loop {
        let mut i = 0;
        let mut progress = false;
        while i < best.len() {
            let end = (i + chunk).min(best.len());
            let mut candidate = best[..i].to_vec();
            candidate.extend_from_slice(&best[end..]);
            if fails(&candidate) {
                best = candidate;
                progress = true;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 && !progress {
            return best;
        }
        if !progress {
            chunk = (chunk / 2).max(1);
        }
    }
}

struct Args {
    seconds: Option<u64>,
    iters: Option<u64>,
    seed: u64,
    only: Option<Property>,
}

fn args() -> Args {
    let mut out = Args {
        seconds: None,
        iters: None,
        seed: 1,
        only: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .unwrap_or_else(|| usage(&format!("{a} needs a value")))
        };
        match a.as_str() {
            "--seconds" => out.seconds = Some(value().parse().unwrap_or_else(|_| usage("seconds"))),
            "--iters" => out.iters = Some(value().parse().unwrap_or_else(|_| usage("iters"))),
            "--seed" => out.seed = value().parse().unwrap_or_else(|_| usage("seed")),
            "--only" => {
                let v = value();
                out.only = Some(
                    Property::ALL
                        .into_iter()
                        .find(|p| p.name() == v)
                        .unwrap_or_else(|| usage("unknown property")),
                );
            }
            _ => usage(&format!("unknown argument {a}")),
        }
    }
    if out.seconds.is_none() && out.iters.is_none() {
        out.seconds = Some(60);
    }
    out
}

fn usage(problem: &str) -> ! {
    eprintln!(
        "stress: {problem}\nusage: stress [--seconds S] [--iters N] [--seed N] \
         [--only check_file|document|checklist]"
    );
    std::process::exit(2)
}

fn escape(data: &[u8]) -> String {
    match std::str::from_utf8(data) {
        Ok(s) => format!("{s:?}"),
        Err(_) => format!("bytes {data:?}"),
    }
}

fn main() {
    let args = args();
    let seeds = seeds();
    install_hook();
    // Build the engines before timing anything.
    postlint_fuzz::engine();
    postlint_fuzz::engine_x();

    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/stress");
    let mut rng = Rng::new(args.seed);
    let started = Instant::now();
    let deadline = args.seconds.map(|s| started + Duration::from_secs(s));
    let mut runs: BTreeMap<Property, (u64, u64, Duration)> = BTreeMap::new();
    let mut slowest: BTreeMap<Property, (Duration, Vec<u8>)> = BTreeMap::new();
    let mut found: BTreeMap<(Property, String), (Failure, Vec<u8>)> = BTreeMap::new();
    let mut loaded = 0u64;
    let mut i = 0u64;
    loop {
        if args.iters.is_some_and(|n| i >= n) || deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        i += 1;
        for property in Property::ALL {
            if args.only.is_some_and(|p| p != property) {
                continue;
            }
            let data = generate(&mut rng, &seeds, property == Property::Checklist);
            let t = Instant::now();
            let failure = attempt(property, &data);
            let took = t.elapsed();
            let entry = runs.entry(property).or_default();
            entry.0 += 1;
            entry.1 += data.len() as u64;
            entry.2 += took;
            if slowest.get(&property).is_none_or(|(d, _)| took > *d) {
                slowest.insert(property, (took, data.clone()));
            }
            let failure = match failure {
                Ok(true) => {
                    loaded += 1;
                    continue;
                }
                Ok(false) => continue,
                Err(failure) => failure,
            };
            let key = (property, failure.location.clone());
            if found.contains_key(&key) {
                continue;
            }
            let small = shrink(property, &data, &failure.location);
            let failure = attempt(property, &small).err().unwrap_or(failure);
            std::fs::create_dir_all(&artifacts).ok();
            let file = artifacts.join(format!("{}-{}", property.name(), found.len()));
            std::fs::write(&file, &small).ok();
            eprintln!(
                "[{:>6.1}s] {} panicked at {}: {}\n  minimal input ({} bytes, saved to {}): {}",
                started.elapsed().as_secs_f64(),
                property.name(),
                failure.location,
                failure.message,
                small.len(),
                file.display(),
                escape(&small)
            );
            found.insert(key, (failure, small));
        }
    }

    println!(
        "stress: {i} rounds in {:.1}s (seed {})",
        started.elapsed().as_secs_f64(),
        args.seed
    );
    for (property, (n, bytes, time)) in &runs {
        let (slow, slow_input) = &slowest[property];
        println!(
            "  {:<10} {n} inputs, {:.1} MB, {:.2} MB/s; slowest {:.1} ms on {} bytes",
            property.name(),
            *bytes as f64 / 1e6,
            *bytes as f64 / 1e6 / time.as_secs_f64().max(1e-9),
            slow.as_secs_f64() * 1e3,
            slow_input.len()
        );
    }
    if runs.contains_key(&Property::Checklist) {
        println!("  checklist inputs that loaded: {loaded}");
    }
    if found.is_empty() {
        println!("no property failed");
        return;
    }
    println!("{} distinct failure(s):", found.len());
    for ((property, location), (failure, small)) in &found {
        println!(
            "\n== {} at {location}\n{}\ninput: {}\n{}",
            property.name(),
            failure.message,
            escape(small),
            failure.backtrace
        );
    }
    std::process::exit(1);
}
