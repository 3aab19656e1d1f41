#!/usr/bin/env bash
# Regenerates the embedded spelling data under rules/dictionaries/:
#   en_US.fst, en_GB.fst   every word form of the vendored Hunspell files plus
#                          supplement.txt, with case bits and frequency ranks
#   misspellings.tsv       typos-dict's table, filtered (misspellings.py)
# and the counts table in rules/dictionaries/README.md, which a test compares
# with the committed fst files.
#
#   scripts/dictionaries/regenerate.sh           from the vendored .aff/.dic
#   scripts/dictionaries/regenerate.sh --fetch   first re-vendor them from npm
#
# Needs: python3, cargo, pip (the frequency list comes from the symspellpy
# wheel), SCOWL's size-95 lists for the names column of misspellings.tsv
# (`apt-get install wamerican-insane wbritish-insane`), npm for --fetch. Optional checks: `unmunch` (Debian hunspell-tools)
# must produce the same word list as expand.py; `spylls` (pip) must accept
# and reject a random sample the same way as the expansion plus case rules.
# Every input is pinned; a changed checksum stops the script.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/rules/dictionaries"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

DICTIONARY_EN=dictionary-en@4.0.0
DICTIONARY_EN_GB=dictionary-en-gb@3.0.0
SYMSPELLPY=6.10.1
SYMSPELLPY_WHEEL_SHA256=a653a6c125839a21ada87c3e044d690fc3b39872efbd7b7270db3de9471315e1
TYPOS_DICT=0.14.4 # pinned in build-fst/Cargo.toml too

if [[ "${1:-}" == "--fetch" ]]; then
    (cd "$work" && npm pack --silent "$DICTIONARY_EN" "$DICTIONARY_EN_GB" >/dev/null)
    for pair in "en_US:dictionary-en-4.0.0" "en_GB:dictionary-en-gb-3.0.0"; do
        lang=${pair%%:*} pkg=${pair#*:}
        mkdir -p "$work/$pkg" "$out/$lang"
        tar -xzf "$work/$pkg.tgz" -C "$work/$pkg"
        cp "$work/$pkg/package/index.aff" "$work/$pkg/package/index.dic" "$out/$lang/"
        cp "$work/$pkg/package/license" "$out/$lang/LICENSE"
    done
fi

# Word frequencies: symspellpy's frequency_dictionary_en_82_765.txt.
pip download --quiet --no-deps --only-binary=:all: -d "$work" "symspellpy==$SYMSPELLPY"
wheel=$(ls "$work"/symspellpy-"$SYMSPELLPY"-*.whl)
echo "$SYMSPELLPY_WHEEL_SHA256  $wheel" | sha256sum --check --quiet
python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("symspellpy/frequency_dictionary_en_82_765.txt"))' \
    "$wheel" >"$work/frequency.txt"

# The fst builder (and typos-dict dumper): its own small cargo project.
target="${CARGO_TARGET_DIR:-${TMPDIR:-/tmp}/postlint-build-fst}"
cargo build --quiet --release --manifest-path "$here/build-fst/Cargo.toml" --target-dir "$target"
tool="$target/release/postlint-build-fst"

declare -A counts
for lang in en_US en_GB; do
    if command -v unmunch >/dev/null; then
        # expand.py must list exactly what Hunspell's own unmunch lists
        # (digit roots aside: numbers are checked by pattern).
        unmunch "$out/$lang/index.dic" "$out/$lang/index.aff" 2>/dev/null | grep -v '^[0-9]' | LC_ALL=C sort -u >"$work/$lang.unmunch"
        python3 "$here/expand.py" "$out/$lang/index.aff" "$out/$lang/index.dic" | cut -f1 | LC_ALL=C sort -u >"$work/$lang.expand"
        if ! cmp -s "$work/$lang.unmunch" "$work/$lang.expand"; then
            echo "expand.py and unmunch disagree for $lang:" >&2
            diff "$work/$lang.unmunch" "$work/$lang.expand" | head -20 >&2
            exit 1
        fi
        echo "$lang: expand.py matches unmunch ($(wc -l <"$work/$lang.expand") forms)"
    fi
    if ! (cd "$here" && python3 generate.py "$lang" "$out/$lang/index.aff" "$out/$lang/index.dic" \
        "$out/supplement.txt" "$work/frequency.txt" "$work/$lang.forms") \
        >"$work/$lang.tsv" 2>"$work/$lang.counts"; then
        cat "$work/$lang.counts" >&2
        exit 1
    fi
    "$tool" build "$work/$lang.tsv" "$out/$lang.fst"
    counts[$lang]="$(cat "$work/$lang.counts") bytes=$(stat -c %s "$out/$lang.fst")"
    echo "$lang: ${counts[$lang]}"
    if python3 -c 'import spylls' 2>/dev/null; then
        (cd "$here" && python3 verify.py "$out/$lang/index")
    fi
done

names=(/usr/share/dict/american-english-insane /usr/share/dict/british-english-insane)
for list in "${names[@]}"; do
    [[ -f "$list" ]] || { echo "missing $list: apt-get install wamerican-insane wbritish-insane" >&2; exit 1; }
done
"$tool" typos >"$work/typos.tsv"
python3 "$here/misspellings.py" "$work/typos.tsv" "$work/en_US.forms" "$work/en_GB.forms" "$TYPOS_DICT" \
    "${names[@]}" >"$out/misspellings.tsv" 2>"$work/misspellings.count"
echo "$(cat "$work/misspellings.count")"

# The counts table of the README, between its markers.
python3 - "$out/README.md" "${counts[en_US]}" "${counts[en_GB]}" "$(cat "$work/misspellings.count")" <<'EOF'
import re, sys
readme, us, gb, missp = sys.argv[1:]
def row(name, counts):
    c = dict(kv.split("=") for kv in counts.split())
    return (f"| `{name}.fst` | {int(c['words']):,} | {int(c['supplement']):,} "
            f"| {int(c['keys'])} | {int(c['bytes']) / 1e6:.2f} MB |")
m = dict(kv.split("=") for kv in missp.split())
n, names = int(m["misspellings"]), int(m["names"])
table = "\n".join([
    "<!-- counts: written by scripts/dictionaries/regenerate.sh -->",
    "| file | word forms | of which supplement | fst keys | size |",
    "|---|---|---|---|---|",
    row("en_US", us),
    row("en_GB", gb),
    f"| `misspellings.tsv` | {n:,} rows, {names} marked `name` | | | |",
    "<!-- /counts -->",
])
text = open(readme, encoding="utf-8").read()
new = re.sub(r"<!-- counts:.*?<!-- /counts -->", table, text, flags=re.S)
if new == text and table not in text:
    sys.exit(f"{readme}: no counts markers")
open(readme, "w", encoding="utf-8").write(new)
EOF
echo "done: rules/dictionaries/ regenerated; run cargo test spelling"
