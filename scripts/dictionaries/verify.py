#!/usr/bin/env python3
"""Checks by sampling that the expanded word list plus our case rules
accept exactly what Hunspell accepts (spylls, a pure-Python port of
Hunspell, stands in for it: `pip install spylls`).

The sample: random dictionary forms, random affix rules applied to random
roots whether or not their flags allow it (near-misses), and the
Titlecase, ALLCAPS and lowercase variants of both. Prints the agreement and
fails when more than 0.05% of the sample disagrees (spylls accepts a few
odd ALLCAPS strings such as `DISTED` that no writer types).

Usage: verify.py DICT_PREFIX   (DICT_PREFIX.aff and DICT_PREFIX.dic)
"""

import random
import sys

from spylls.hunspell import Dictionary

from expand import expand, read_aff
from generate import casing

SAMPLE = 30_000


def accepts(words, folds, word):
    """The rules of `Dictionary::accepts_form` in src/text/spelling/mod.rs."""
    kind = casing(word)
    lower = word.lower()
    if kind == "lower":
        return word in words
    if kind == "title":
        return lower in words or word in words
    if kind == "upper":
        return lower in folds
    return word in words or (word[0].isupper() and word[0].lower() + word[1:] in words)


def main():
    prefix = sys.argv[1]
    hunspell = Dictionary.from_files(prefix)
    words = set(expand(prefix + ".aff", prefix + ".dic"))
    folds = {w.lower() for w in words}
    groups = read_aff(prefix + ".aff")[0]
    rules = [r for _, (_, _, rs) in groups.items() for r in rs]
    with open(prefix + ".dic", encoding="utf-8") as f:
        roots = [l.split("/")[0].strip() for l in list(f)[1:] if l.strip() and not l[0].isdigit()]
    rng = random.Random(7)
    sample = set(rng.sample(sorted(words), SAMPLE // 3))
    while len(sample) < SAMPLE * 2 // 3:
        root, rule = rng.choice(roots), rng.choice(rules)
        if rule.applies(root):
            sample.add(rule.apply(root))
    for w in list(sample):
        sample.update((w.upper(), w[:1].upper() + w[1:], w.lower()))
    disagree = [w for w in sorted(sample) if hunspell.lookup(w) != accepts(words, folds, w)]
    share = len(disagree) / len(sample)
    print(f"{prefix}: {len(sample)} sampled, {len(disagree)} disagree with Hunspell ({share:.3%}): {disagree[:12]}")
    if share > 0.0005:
        sys.exit(1)


if __name__ == "__main__":
    main()
