#!/usr/bin/env python3
"""Prints the first sound of every word of the CMU Pronouncing Dictionary.

Usage: first_sounds.py cmudict.dict > first-sounds.tsv

One line per word: the word (lowercase, as CMU spells it), a tab, and
`V` (every pronunciation starts with a vowel sound), `C` (every one starts
with a consonant sound) or `B` (both are heard: "herb", "sql", and words
whose "h" starts an unstressed syllable, "historic", "hotel", where "an"
is still written). Alternates ("herb(2)") and comments ("# place") are
folded in. Only the phonetics live here; which entries the repo keeps is
decided by the Rust code that reads them (see generate.sh).
"""

import re
import sys

VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY",
          "OW", "OY", "UH", "UW"}
WORD = re.compile(r"^[a-z][a-z0-9'.\-]*$")


def classes(phones):
    """The first-sound classes one pronunciation allows."""
    first = re.sub(r"\d", "", phones[0])
    if first in VOWELS:
        return {"V"}
    if first == "HH":
        # "an historic", "an hotel": an h before an unstressed vowel is
        # dropped by many speakers, and both articles are in good use.
        nxt = next((p for p in phones[1:] if p[-1].isdigit()), None)
        if nxt is not None and nxt.endswith("0"):
            return {"V", "C"}
    return {"C"}


def main(path):
    seen = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            word, *phones = line.split()
            word = re.sub(r"\(\d+\)$", "", word)
            if not phones or not WORD.match(word):
                continue
            seen.setdefault(word, set()).update(classes(phones))
    for word in sorted(seen):
        c = seen[word]
        print(f"{word}\t{'B' if len(c) > 1 else c.pop()}")


if __name__ == "__main__":
    main(sys.argv[1])
