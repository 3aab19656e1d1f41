#!/usr/bin/env python3
"""Prints what postlint needs to know of every word of the CMU Pronouncing
Dictionary: its first sound, its syllables, and whether it is read letter
by letter.

Usage: pronunciations.py cmudict.dict > pronunciations.tsv

One line per word (lowercase, as CMU spells it), tab-separated:

1. the word;
2. its first sound: `V` (every pronunciation starts with a vowel sound),
   `C` (every one with a consonant sound) or `B` (both are heard: "herb",
   "sql", and words whose "h" starts an unstressed syllable, "historic",
   "hotel", where "an" is still written);
3. its syllables: the vowels of its first pronunciation (CMU lists the
   usual one first: "every" EH1 V ER0 IY0 is 3), 0 for "hmm", "shh";
4. for a word of two or more plain letters, how it is read in capitals:
   `L` when one of its pronunciations spells it out ("fbi", "ai", "us",
   "am"), else `W` (read as a word: "nasa", "the"); `-` for other words.

Alternates ("herb(2)") and comments ("# place") are folded in. Only the
phonetics live here; which entries the repo keeps is decided by the Rust
code that reads them (see generate.sh).
"""

import re
import sys

VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY",
          "OW", "OY", "UH", "UW"}
WORD = re.compile(r"^[a-z][a-z0-9'.\-]*$")
LETTERS = re.compile(r"^[a-z]{2,}$")
# The names of the letters, as CMU spells them out ("fbi" EH1 F B IY1 AY1).
NAMES = {
    "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F",
    "g": "JH IY", "h": "EY CH", "i": "AY", "j": "JH EY", "k": "K EY",
    "l": "EH L", "m": "EH M", "n": "EH N", "o": "OW", "p": "P IY",
    "q": "K Y UW", "r": "AA R", "s": "EH S", "t": "T IY", "u": "Y UW",
    "v": "V IY", "w": "D AH B AH L Y UW", "x": "EH K S", "y": "W AY",
    "z": "Z IY",
}


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


def syllables(phones):
    """Vowels of one pronunciation: each carries a stress digit."""
    return sum(1 for p in phones if p[-1].isdigit())


def spelled_out(word, phones):
    """Whether a pronunciation names the word's letters one by one."""
    plain = " ".join(re.sub(r"\d", "", p) for p in phones)
    return plain == " ".join(NAMES[c] for c in word)


def main(path):
    sounds, counts, letters = {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            word, *phones = line.split()
            word = re.sub(r"\(\d+\)$", "", word)
            if not phones or not WORD.match(word):
                continue
            sounds.setdefault(word, set()).update(classes(phones))
            # The file lists a word's first pronunciation first.
            counts.setdefault(word, syllables(phones))
            if LETTERS.match(word):
                letters[word] = letters.get(word, False) or spelled_out(word, phones)
    for word in sorted(sounds):
        c = sounds[word]
        sound = "B" if len(c) > 1 else next(iter(c))
        caps = "-" if word not in letters else "L" if letters[word] else "W"
        print(f"{word}\t{sound}\t{counts[word]}\t{caps}")


if __name__ == "__main__":
    main(sys.argv[1])
