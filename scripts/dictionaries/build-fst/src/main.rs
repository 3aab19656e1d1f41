//! `build-fst build IN.tsv OUT.fst`: `key<TAB>u64` lines, sorted by bytes,
//! into an `fst::Map` (the format `fst::Map::new` reads at run time).
//! `build-fst typos`: typos-dict's table as `typo<TAB>fix1,fix2` lines,
//! sorted, for `misspellings.py` to filter.

use std::io::{BufRead, BufWriter, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("build") if args.len() == 4 => build(&args[2], &args[3]),
        Some("typos") => typos(),
        _ => {
            eprintln!("usage: build-fst build IN.tsv OUT.fst | build-fst typos");
            std::process::exit(2);
        }
    }
}

fn build(input: &str, output: &str) {
    let file = std::fs::File::open(input).expect("open the key list");
    let out = BufWriter::new(std::fs::File::create(output).expect("create the fst"));
    let mut builder = fst::MapBuilder::new(out).expect("start the fst");
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.expect("read the key list");
        let (key, value) = line
            .rsplit_once('\t')
            .unwrap_or_else(|| panic!("{input}:{}: no tab", n + 1));
        let value: u64 = value
            .parse()
            .unwrap_or_else(|_| panic!("{input}:{}: bad value", n + 1));
        builder
            .insert(key, value)
            .unwrap_or_else(|e| panic!("{input}:{}: {e}", n + 1));
    }
    builder.finish().expect("write the fst");
}

fn typos() {
    let mut rows: Vec<(String, Vec<&str>)> = typos_dict::WORD
        .map
        .entries()
        .map(|(typo, fixes)| (typo.into_inner().to_lowercase(), fixes.to_vec()))
        .collect();
    rows.sort();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (typo, fixes) in rows {
        writeln!(out, "{typo}\t{}", fixes.join(",")).expect("write stdout");
    }
}
