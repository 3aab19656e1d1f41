#!/usr/bin/env python3
"""Builds the key/value list of one embedded spelling dictionary.

Inputs: a Hunspell .aff/.dic pair (expanded by expand.py), the curated
supplement (rules/dictionaries/supplement.txt) and a word-frequency list
(`word count` per line, most frequent first). Output, on stdout: one
`key<TAB>value` line per fst key, sorted by bytes, ready for
`build-fst build`. On stderr: `words=N keys=M supplement=S`.

Keys and values (src/text/spelling/mod.rs reads them; keep both in step):

* every lowercase form, and the lowercase fold of every capitalised form,
  with bits saying which casings of it are words: WORD (the key itself),
  TITLE (`London`), UPPER (`NASA`), MIXED (`GitHub`, `iPad`, `O'Brien`);
* every mixed-case form as it is written, with WORD;
* for every mixed-case form, `\\x01fold\\x01Form` (value 0), so a suggestion
  found through its fold can be given back in its own casing.

Bits 8-15 of a value hold the word's rarity, round(16 * ln(rank)) where
rank 1 is the most frequent word of the frequency list: a log scale is all
ranking needs, and 256 distinct values keep the fst small (0.8 MB instead
of 1.3 MB with exact ranks). Words the list lacks get UNRANKED, supplement
words SUPPLEMENT_RANK. NOSUGGEST marks offensive words: accepted, never
offered.

Usage: generate.py LANG index.aff index.dic supplement.txt frequency.txt [FORMS]
(LANG: en_US or en_GB, which sections of the supplement apply)
(FORMS: also write every accepted form, one a line, for misspellings.py)
"""

import math
import sys

from expand import expand, expand_entries, read_aff

WORD, TITLE, UPPER, MIXED, NOSUGGEST, SUPPLEMENT = 1, 2, 4, 8, 16, 32
RARITY_SHIFT = 8
# Below every ranked word: a dictionary word no frequency list has seen is
# rarely what the writer meant.
UNRANKED = 1_000_000
# Supplement words are modern and common where they are used (tech posts),
# but no frequency list here has them; rank them like a mid-frequency word.
SUPPLEMENT_RANK = 20_000
INDEX = "\x01"


def rarity(rank):
    return min(255, round(16 * math.log(rank)))


def casing(word):
    """`lower`, `upper`, `title` or `mixed`, by ASCII letters only, the same
    test as `Casing::of` in src/text/spelling/word.rs."""
    has_upper = any("A" <= c <= "Z" for c in word)
    has_lower = any("a" <= c <= "z" for c in word)
    if not has_upper:
        return "lower"
    if not has_lower:
        return "upper"
    if "A" <= word[0] <= "Z" and not any("A" <= c <= "Z" for c in word[1:]):
        return "title"
    return "mixed"


def supplement_entries(path, lang):
    """The supplement's entries for `lang` (`en_US` or `en_GB`): lines are
    `word` or `word/FLAGS` (the .aff's affix flags), `#` starts a comment,
    and a `[en_US]`, `[en_GB]` or `[all]` line starts a section that only
    that dictionary (or both) reads; the file starts in `[all]`."""
    section = "all"
    entries = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("["):
                section = line.strip("[]")
                if section not in ("all", "en_US", "en_GB"):
                    raise SystemExit(f"{path}:{n}: unknown section {line}")
                continue
            if section in ("all", lang):
                entries.append((n, line))
    return entries


def read_supplement(path, lang, aff):
    """The supplement's entries for `lang`, expanded with the dictionary's
    own affix rules."""
    groups = aff[0]
    for n, line in supplement_entries(path, lang):
        root, _, flags = line.partition("/")
        bad = [c for c in flags if c not in groups]
        if bad or not root or " " in root or not root.isascii():
            raise SystemExit(f"{path}:{n}: bad entry {line!r} (flags must be affix flags of the .aff)")
    return expand_entries(aff, [line for _, line in supplement_entries(path, lang)])


def accepts(forms, folds, word):
    """Whether the dictionary alone already accepts `word`, by the case
    rules of `Dictionary::contains` (enough for a supplement root)."""
    fold = word.lower()
    kind = casing(word)
    if kind == "lower" or kind == "mixed":
        found = word in forms
    elif kind == "title":
        found = word in forms or fold in forms
    else:
        found = fold in folds
    parts = [p for p in word.split("-") if p]
    return found or ("-" in word and all(accepts(forms, folds, p) for p in parts))


def read_ranks(path):
    ranks = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            word = line.split()[0].lower()
            ranks.setdefault(word, n)
    return ranks


def main():
    if len(sys.argv) not in (6, 7):
        raise SystemExit(__doc__)
    lang, aff_path, dic_path, supplement_path, freq_path = sys.argv[1:6]
    aff = read_aff(aff_path)
    forms = expand(aff_path, dic_path)
    supplement = read_supplement(supplement_path, lang, aff)
    ranks = read_ranks(freq_path)
    # A supplement word the dictionary already has is noise: the file is
    # for words SCOWL lacks. (Checked per dictionary, so a word only
    # en_GB has belongs in an [en_US] section.)
    roots = [line.partition("/")[0] for _, line in supplement_entries(supplement_path, lang)]
    folds = {w.lower() for w in forms}
    known = [root for root in roots if accepts(forms, folds, root)]
    if known:
        raise SystemExit(f"{supplement_path}: already in {dic_path}, remove: {' '.join(known)}")

    values = {}
    for word, nosuggest in list(forms.items()) + list(supplement.items()):
        fold = word.lower()
        kind = casing(word)
        bit = {"lower": WORD, "title": TITLE, "upper": UPPER, "mixed": MIXED}[kind]
        extra = (NOSUGGEST if nosuggest else 0) | (SUPPLEMENT if word in supplement else 0)
        values[fold] = values.get(fold, 0) | bit | extra
        if kind == "mixed":
            values[word] = values.get(word, 0) | WORD | extra
            values[INDEX + fold + INDEX + word] = 0

    out = sys.stdout
    for key in sorted(values, key=lambda k: k.encode()):
        value = values[key]
        if not key.startswith(INDEX):
            if value & SUPPLEMENT and key.lower() not in ranks:
                rank = SUPPLEMENT_RANK
            else:
                rank = ranks.get(key.lower(), UNRANKED)
            value |= rarity(rank) << RARITY_SHIFT
        out.write(f"{key}\t{value}\n")
    every = sorted(set(forms) | set(supplement))
    if len(sys.argv) == 7:
        with open(sys.argv[6], "w", encoding="utf-8") as f:
            f.writelines(word + "\n" for word in every)
    words = len(every)
    print(f"words={words} keys={len(values)} supplement={len(supplement)}", file=sys.stderr)


if __name__ == "__main__":
    main()
