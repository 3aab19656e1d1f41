//! Costs of the embedded spelling dictionary (`text::spelling`): opening
//! it, looking a word up, and suggesting corrections for an unknown word.
//! The numbers go into rules/dictionaries/README.md.
//!
//! `cargo bench --bench spelling` (about a minute). Before criterion runs,
//! a counting allocator checks that `contains` allocates nothing for the
//! words below (ASCII up to 64 bytes, curly apostrophes included).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use postlint::text::spelling::Dictionary;

/// Counts allocations, to check `contains` makes none.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `GlobalAlloc::dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A mix like a post's: common words, capitals, apostrophes (straight and
/// curly), a hyphenated compound, a number, a supplement word, unknowns.
const WORDS: &[&str] = &[
    "the",
    "received",
    "Receiving",
    "RECIPIENTS",
    "don’t",
    "it's",
    "London",
    "well-known",
    "GitHub",
    "livestreaming",
    "21st",
    "recipients'",
    "recieve",
    "asdfgh",
    "Kubernetes",
    "state-of-the-art",
    "unfollowed",
    "availability",
    "through",
    "their",
];

/// Unknown words of each kind: a table entry, an inflected table entry, one
/// edit, two edits, a REP rule, nothing near.
const UNKNOWN: &[&str] = &[
    "recieve",
    "recieving",
    "speling",
    "acomodation",
    "informashun",
    "qzxjvw",
];

fn check_no_allocation(d: &Dictionary) {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let mut known = 0;
    for _ in 0..100 {
        for w in WORDS {
            known += usize::from(d.contains(black_box(w)));
        }
    }
    let made = ALLOCATIONS.load(Ordering::Relaxed) - before;
    assert_eq!(made, 0, "contains allocated {made} times");
    println!(
        "contains: no allocation over {} lookups ({known} known)",
        WORDS.len() * 100
    );
}

fn bench_spelling(c: &mut Criterion) {
    let d = Dictionary::en_us();
    check_no_allocation(d);

    let mut group = c.benchmark_group("spelling");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    // What the first lookup of a run pays on top of the lookup itself:
    // `fst::Map::new` over the embedded bytes (a header read, no parsing).
    group.bench_function("open", |b| {
        b.iter(|| {
            fst::Map::new(black_box(
                &include_bytes!("../rules/dictionaries/en_US.fst")[..],
            ))
            .map(|m| m.len())
        })
    });
    group.throughput(Throughput::Elements(WORDS.len() as u64));
    group.bench_function("contains/word", |b| {
        b.iter(|| WORDS.iter().filter(|w| d.contains(black_box(w))).count())
    });
    group.throughput(Throughput::Elements(1));
    for word in UNKNOWN {
        group.bench_function(format!("suggest/{word}"), |b| {
            b.iter(|| d.suggest(black_box(word), 5))
        });
    }
    group.bench_function("known_misspelling/recieve", |b| {
        b.iter(|| d.known_misspelling(black_box("recieve")))
    });
    group.finish();
}

criterion_group!(benches, bench_spelling);
criterion_main!(benches);
