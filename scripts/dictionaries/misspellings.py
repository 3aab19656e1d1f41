#!/usr/bin/env python3
"""Filters typos-dict's table down to the misspellings table we embed.

Keeps a row only when it is useful and unambiguous for English prose:
one correction (typos-dict lists several when it cannot choose), a typo
that neither dictionary accepts (else it is a word, not a misspelling), a
correction that at least one dictionary accepts, and letters and
apostrophes only. Output: `typo<TAB>correction`, sorted by bytes, after a
`#` header, so the Rust side binary-searches the embedded text as is.

A third column, `name`, marks a typo that is also a name in SCOWL's
largest lists (size 95: Debian's wamerican-insane and wbritish-insane, the
same SCOWL release): "Linz", "Tham", "Mena". Written capitalised, such a
word is more likely the name than the typo, so its correction is offered
but not as confident (never a safe automatic fix).

Usage: misspellings.py typos.tsv words_en_US.txt words_en_GB.txt VERSION NAMES... > misspellings.tsv
(the word files: one form per line, as generate.py's FORMS argument writes
them; NAMES: SCOWL word lists such as /usr/share/dict/american-english-insane)
"""

import re
import sys

HEADER = """\
# Common misspellings with one confident correction each: `typo<TAB>fix`,
# sorted by bytes (the Rust side binary-searches this file as embedded).
# A third column `name`: the typo is also a name (SCOWL size 95), so when
# written capitalised ("Linz") its fix is offered, but not as confident.
# Source: typos-dict {version} (crates.io; MIT OR Apache-2.0; Copyright (c)
# Individual contributors, see rules/dictionaries/LICENSE-typos-dict),
# filtered by scripts/dictionaries/misspellings.py. Regenerate, do not edit.
"""


def forms(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip()}


def spelled(fix, words, by_fold):
    """The correction as the dictionaries spell it (`english` -> `English`),
    or None when they do not know it or disagree on its casing."""
    if fix in words:
        return fix
    casings = by_fold.get(fix.lower(), set())
    return next(iter(casings)) if fix.islower() and len(casings) == 1 else None


def main():
    if len(sys.argv) < 6:
        raise SystemExit(__doc__)
    typos_path, us_path, gb_path, version = sys.argv[1:5]
    names = set()
    for path in sys.argv[5:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            names.update(w.strip().lower() for w in f if w[:1].isupper())
    words = forms(us_path) | forms(gb_path)
    by_fold = {}
    for w in words:
        by_fold.setdefault(w.lower(), set()).add(w)
    word = re.compile(r"^[a-z][a-z']*$")
    rows = []
    with open(typos_path, encoding="utf-8") as f:
        for line in f:
            typo, _, fixes = line.rstrip("\n").partition("\t")
            fixes = fixes.split(",")
            if len(fixes) != 1 or not word.match(typo):
                continue
            # A typo that is itself a lowercase word is no misspelling.
            if typo in words:
                continue
            fix = spelled(fixes[0], words, by_fold)
            if fix is None or fix.lower() == typo:
                continue
            rows.append((typo, fix, typo in names))
    rows.sort(key=lambda r: r[0].encode())
    out = sys.stdout
    out.write(HEADER.format(version=version))
    for typo, fix, name in rows:
        out.write(f"{typo}\t{fix}\tname\n" if name else f"{typo}\t{fix}\n")
    print(f"misspellings={len(rows)} names={sum(r[2] for r in rows)}", file=sys.stderr)


if __name__ == "__main__":
    main()
