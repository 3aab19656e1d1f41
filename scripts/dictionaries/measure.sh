#!/usr/bin/env bash
# Prints the numbers of rules/dictionaries/README.md (release build).
#
#   scripts/dictionaries/measure.sh LIST...   accuracy on misspelling lists
#   scripts/dictionaries/measure.sh           costs and corpus only
#
# LIST: Norvig's spell-testset1.txt / spell-testset2.txt (from the Birkbeck
# spelling error corpus), either as published on norvig.com (`right: wrong
# wrong` lines) or as the Python dicts some copies use (`'right': 'wrong
# wrong',`). They are not committed: their licence is unclear. Any list in
# the `right: wrong wrong` format works.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { cargo test --quiet --release --lib "spelling::measure::$1" -- --ignored --nocapture 2>&1 | grep -v '^running\|^test \|^$\|test result'; }

if (($#)); then
    python3 - "$@" >"$work/pairs.txt" <<'PY'
import ast, re, sys
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    if "{" in text:  # a Python dict: tests1 = {'right': 'wrong wrong', ...}
        pairs = ast.literal_eval(text[text.index("{"): text.rindex("}") + 1]).items()
    else:
        pairs = (l.split(":", 1) for l in text.splitlines() if ":" in l)
    for right, wrongs in pairs:
        print(f"{right.strip()}: {wrongs.strip()}")
PY
    echo "== accuracy on $(wc -l <"$work/pairs.txt") target words from: $*"
    POSTLINT_SPELLING_EVAL="$work/pairs.txt" run suggestion_accuracy
fi
echo "== ranking on rows of the embedded table, table off (tuning data)"
run ranking_on_table_rows
echo "== costs"
run timings
echo "== corpus"
run corpus_unknown_words
