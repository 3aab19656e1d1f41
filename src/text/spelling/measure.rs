//! The numbers in rules/dictionaries/README.md, as ignored tests (they read
//! data outside the repo and print rather than assert). Run in release:
//!
//! ```text
//! POSTLINT_SPELLING_EVAL=/path/to/list.txt \
//!   cargo test --release --lib spelling::measure -- --ignored --nocapture
//! ```
//!
//! `scripts/dictionaries/measure.sh` fetches nothing; it converts the
//! public lists named in the README and runs these.

use std::collections::HashMap;
use std::time::Instant;

use super::suggest::{Raw, Weights, rank};
use super::{Dictionary, misspellings};

/// `right: wrong wrong …` lines (the format of Norvig's spell-testset
/// files after `measure.sh`'s conversion).
fn pairs(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .flat_map(|(right, wrongs)| {
            wrongs
                .split_whitespace()
                .map(move |w| (right.trim().to_owned(), w.to_owned()))
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    n: usize,
    flagged: usize,
    top1: usize,
    top3: usize,
    none: usize,
}

impl Tally {
    fn add(&mut self, d: &Dictionary, right: &str, wrong: &str, table: bool) {
        self.n += 1;
        if d.contains(wrong) {
            return;
        }
        self.flagged += 1;
        let s = d.suggest_with(wrong, 3, table);
        let hit = |s: &super::Suggestion| s.word.eq_ignore_ascii_case(right);
        self.top1 += usize::from(s.first().is_some_and(hit));
        self.top3 += usize::from(s.iter().any(hit));
        self.none += usize::from(s.is_empty());
    }

    fn show(&self, label: &str) {
        let pct = |x: usize| 100.0 * x as f64 / self.n.max(1) as f64;
        let of_flagged = |x: usize| 100.0 * x as f64 / self.flagged.max(1) as f64;
        println!(
            "{label}: n={} recall={:.1}% top1={:.1}% top3={:.1}% (of flagged: top1={:.1}% top3={:.1}%) no-suggestion={}",
            self.n,
            pct(self.flagged),
            pct(self.top1),
            pct(self.top3),
            of_flagged(self.top1),
            of_flagged(self.top3),
            self.none
        );
    }
}

#[test]
#[ignore = "needs POSTLINT_SPELLING_EVAL; prints numbers for the README"]
fn suggestion_accuracy() {
    let path = std::env::var("POSTLINT_SPELLING_EVAL").expect("set POSTLINT_SPELLING_EVAL");
    let text = std::fs::read_to_string(&path).expect("read the list");
    let d = Dictionary::en_us();
    let all = pairs(&text);
    let (mut total, mut in_table, mut not_in_table, mut search_only) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let (mut real_words, mut unknown_targets) = (Vec::new(), Vec::new());
    let started = Instant::now();
    for (right, wrong) in &all {
        if !d.contains(right) {
            unknown_targets.push(right.as_str());
        }
        if d.contains(wrong) {
            real_words.push(wrong.as_str());
        }
        total.add(d, right, wrong, true);
        search_only.add(d, right, wrong, false);
        if misspellings::lookup(wrong.to_ascii_lowercase().as_bytes()).is_some() {
            in_table.add(d, right, wrong, true);
        } else {
            not_in_table.add(d, right, wrong, true);
        }
    }
    let elapsed = started.elapsed();
    total.show("all pairs");
    in_table.show("typo in the embedded table");
    not_in_table.show("typo not in the table");
    search_only.show("search alone (table off)");
    println!(
        "misspellings that are dictionary words ({}): {}",
        real_words.len(),
        real_words.join(" ")
    );
    println!(
        "targets the dictionary lacks ({}): {}",
        unknown_targets.len(),
        unknown_targets.join(" ")
    );
    println!("{:.1?} for all of the above", elapsed);
    let mut misses = Vec::new();
    for (right, wrong) in &all {
        let s = d.suggest(wrong, 3);
        if !d.contains(wrong)
            && !s
                .first()
                .is_some_and(|s| s.word.eq_ignore_ascii_case(right))
        {
            let got: Vec<&str> = s.iter().map(|s| s.word.as_str()).collect();
            misses.push(format!("{wrong}->{right} [{}]", got.join(",")));
        }
    }
    println!("top-1 misses ({}): {}", misses.len(), misses.join("; "));
}

/// Tuning data that is not the test set: rows of the embedded table, with
/// the table switched off, so only the search and ranking are measured.
#[test]
#[ignore = "prints numbers for tuning the ranking"]
fn ranking_on_table_rows() {
    let d = Dictionary::en_us();
    let step: usize = std::env::var("POSTLINT_SPELLING_STEP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let mut tally = Tally::default();
    let mut misses = Vec::new();
    for (typo, entry) in misspellings::rows().step_by(step) {
        let fix = entry.fix;
        if fix.contains(' ') || !fix.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        tally.add(d, fix, typo, false);
        if misses.len() < 60 {
            let s = d.suggest_with(typo, 3, false);
            if s.first().is_none_or(|s| s.word != fix) {
                let got: Vec<&str> = s.iter().map(|s| s.word.as_str()).collect();
                misses.push(format!("{typo}->{fix} [{}]", got.join(",")));
            }
        }
    }
    tally.show("table rows, search alone");
    println!("misses: {}", misses.join("; "));
}

/// Coordinate descent over the ranking weights, on rows of the embedded
/// table (table off): candidates are searched once, then re-ranked under
/// each setting. Prints the best weights; copy them into
/// `Weights::DEFAULT` by hand.
#[test]
#[ignore = "prints tuned weights"]
fn tune_weights() {
    let d = Dictionary::en_us();
    let step: usize = std::env::var("POSTLINT_SPELLING_STEP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let dev: Vec<(&str, &str, Vec<Raw>)> = misspellings::rows()
        .step_by(step)
        .filter(|(typo, e)| e.fix.bytes().all(|b| b.is_ascii_lowercase()) && !d.contains(typo))
        .map(|(typo, e)| (typo, e.fix, d.candidates(typo.as_bytes())))
        .collect();
    let eval = |w: &Weights| {
        let (mut top1, mut top3) = (0, 0);
        for (typo, fix, raws) in &dev {
            let order = rank(raws, typo.as_bytes(), w);
            top1 += usize::from(order.first().is_some_and(|&i| raws[i].form == *fix));
            top3 += usize::from(order.iter().take(3).any(|&i| raws[i].form == *fix));
        }
        (top1, top3)
    };
    fn field(w: &mut Weights, i: usize) -> Option<&mut f32> {
        Some(match i {
            0 => &mut w.lambda,
            1 => &mut w.neighbour,
            2 => &mut w.vowel,
            3 => &mut w.sound,
            4 => &mut w.transpose,
            5 => &mut w.double,
            6 => &mut w.omit,
            7 => &mut w.extra,
            8 => &mut w.rep,
            9 => &mut w.split,
            10 => &mut w.name,
            11 => &mut w.first,
            _ => return None,
        })
    }
    let mut best = Weights::DEFAULT;
    let mut score = eval(&best);
    println!(
        "{} rows; default: top1={} top3={}",
        dev.len(),
        score.0,
        score.1
    );
    for pass in 0..3 {
        for i in 0.. {
            let Some(_) = field(&mut best.clone(), i) else {
                break;
            };
            // The kinds of edit (1..=7) are the cheaper kinds: at most 1.
            let values: Vec<f32> = match i {
                0 => (1..=20).map(|k| k as f32 * 0.02).collect(),
                1..=7 => (1..=10).map(|k| k as f32 * 0.1).collect(),
                _ => (0..=16).map(|k| k as f32 * 0.1).collect(),
            };
            for v in values {
                let mut w = best;
                if let Some(f) = field(&mut w, i) {
                    *f = v;
                }
                let s = eval(&w);
                if s > score {
                    (best, score) = (w, s);
                }
            }
        }
        println!("pass {pass}: top1={} top3={} {best:?}", score.0, score.1);
    }
}

#[test]
#[ignore = "prints per-word costs for the README"]
fn timings() {
    let started = Instant::now();
    let d = Dictionary::en_us();
    let first = d.contains("receive");
    println!(
        "time to first lookup (incl. opening the fst): {:?}",
        started.elapsed()
    );
    assert!(first);
    let words = [
        "recieve",
        "definately",
        "acomodation",
        "speling",
        "wierdly",
        "kubernetis",
        "informashun",
        "thier",
        "langauge",
        "necasery",
    ];
    for w in ["speling", "acomodation", "necasery", "unessasarily", "thr"] {
        let started = Instant::now();
        std::hint::black_box(d.suggest_with(w, 5, false));
        println!("  {w}: {:?}", started.elapsed());
    }
    for table in [true, false] {
        let started = Instant::now();
        let rounds = 200;
        for _ in 0..rounds {
            for w in words {
                std::hint::black_box(d.suggest_with(w, 5, table));
            }
        }
        println!(
            "suggest (table {}): {:?} per word",
            if table { "on" } else { "off" },
            started.elapsed() / (rounds * words.len() as u32)
        );
    }
}

/// Words of the real posts in ../shared/data/corpus the dictionary does not
/// know, most frequent first: candidates for the supplement.
#[test]
#[ignore = "reads ../shared/data/corpus; prints the unknown words"]
fn corpus_unknown_words() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpus");
    let d = Dictionary::en_us();
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "tweet") {
                files.push(path);
            }
        }
    }
    let (mut words, mut unknown) = (0usize, HashMap::<String, usize>::new());
    let started = Instant::now();
    let mut lookups = 0usize;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for token in rough_words(&text) {
            words += 1;
            lookups += 1;
            if !d.contains(token) {
                *unknown.entry(token.to_owned()).or_default() += 1;
            }
        }
    }
    let elapsed = started.elapsed();
    let flagged: usize = unknown.values().sum();
    let mut top: Vec<_> = unknown.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!(
        "{} files, {words} words, {flagged} unknown ({:.2}%), {} distinct; {:?} per lookup",
        files.len(),
        100.0 * flagged as f64 / words.max(1) as f64,
        top.len(),
        elapsed / lookups.max(1) as u32
    );
    let limit = std::env::var("POSTLINT_SPELLING_TOP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    for (word, count) in top.iter().take(limit) {
        println!("{count:6} {word}");
    }
}

/// A rough tokenizer for the corpus measurement: skips front matter, fenced
/// and inline code, HTML tags and entities, URLs and Markdown link targets,
/// hashtags and mentions, words with digits, dots or `_`, and words with
/// inner capitals or in ALL CAPS (names and acronyms, which the spelling
/// rule skips too).
fn rough_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut fenced, mut front) = (false, false);
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if i == 0 && (t == "+++" || t == "---") {
            front = true;
            continue;
        }
        if front {
            front = !(t == "+++" || t == "---");
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced
            || line.starts_with("    ")
            || t.starts_with('<')
            || t.starts_with('[') && t.contains("]:")
        {
            continue;
        }
        // Outside `code` and <tags>.
        let mut prose = String::with_capacity(line.len());
        let (mut code, mut tag) = (false, false);
        for c in line.chars() {
            match c {
                '`' => code = !code,
                '<' if !code => tag = true,
                '>' if tag => tag = false,
                _ if code || tag => {}
                _ => prose.push(c),
            }
            if code || tag {
                prose.push(' ');
            }
        }
        for raw in line_words(line, &prose) {
            out.push(raw);
        }
    }
    out
}

/// The words of `prose` (a blanked copy of `line`), as slices of `line`.
fn line_words<'a>(line: &'a str, prose: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for token in prose.split_whitespace() {
        if token.contains("://")
            || token.starts_with("www.")
            || token.contains("](")
            || token.contains('&')
        {
            continue;
        }
        for piece in token.split(|c: char| "()[]{}\"*|,;!?/=+~".contains(c)) {
            if piece.starts_with('#') || piece.starts_with('@') {
                continue;
            }
            let w = piece.trim_matches(|c: char| !c.is_alphanumeric());
            let skip = w.is_empty()
                || w.contains(|c: char| c.is_ascii_digit() || "_.:@".contains(c))
                || w.chars().skip(1).any(char::is_uppercase);
            if !skip && let Some(at) = line.find(w) {
                out.push(&line[at..at + w.len()]);
            }
        }
    }
    out
}
