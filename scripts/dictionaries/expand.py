#!/usr/bin/env python3
"""Expands a Hunspell .dic/.aff pair into every word form it accepts.

Written for the SCOWL affix files (dictionary-en, dictionary-en-gb): one
level of prefixes and suffixes, cross products, single-letter flags, no
continuation classes. Anything else in the .aff that would change the word
list makes this script stop rather than guess (see `SUPPORTED`).

Output: one line per form, `word<TAB>flags`, sorted, where flags is `!` for
NOSUGGEST forms (offensive words: accepted, never suggested) or empty.
Numbers and ordinals (COMPOUNDRULE) are not listed: the Rust code checks
them with a pattern, as Hunspell does.

Usage: expand.py index.aff index.dic > words.tsv
"""

import re
import sys

# Directives that only affect suggestions, encoding or compounding of
# numbers; all handled elsewhere or irrelevant to the word list.
SUPPORTED = {
    "SET", "TRY", "ICONV", "NOSUGGEST", "COMPOUNDMIN", "ONLYINCOMPOUND",
    "COMPOUNDRULE", "WORDCHARS", "PFX", "SFX", "REP",
}


class Affix:
    def __init__(self, kind, strip, add, cond):
        self.kind = kind
        self.strip = "" if strip == "0" else strip
        self.add = "" if add == "0" else add
        if "/" in self.add:
            raise SystemExit(f"continuation classes are not supported: {add}")
        # A Hunspell condition is a tiny regex (., [abc], [^abc], letters)
        # anchored at the end of the root for a suffix, at its start for a
        # prefix; Python's regex reads it the same way.
        pattern = "" if cond == "." else cond
        self.cond = re.compile(("^" + pattern) if kind == "PFX" else (pattern + "$"))

    def applies(self, root):
        if not self.cond.search(root):
            return False
        if self.kind == "PFX":
            return root.startswith(self.strip)
        return root.endswith(self.strip)

    def apply(self, root):
        if self.kind == "PFX":
            return self.add + root[len(self.strip):]
        return root[: len(root) - len(self.strip)] + self.add


def read_aff(path):
    groups = {}  # flag -> (kind, cross, [Affix])
    nosuggest = onlyincompound = None
    with open(path, encoding="utf-8") as f:
        lines = [l.split("#", 1)[0].split() if not l.startswith("#") else [] for l in f]
    i = 0
    while i < len(lines):
        parts = lines[i]
        i += 1
        if not parts:
            continue
        key = parts[0]
        if key not in SUPPORTED:
            raise SystemExit(f"{path}: unsupported directive {key}; extend expand.py")
        if key == "SET" and parts[1] != "UTF-8":
            raise SystemExit(f"{path}: encoding {parts[1]} not supported")
        if key == "NOSUGGEST":
            nosuggest = parts[1]
        elif key == "ONLYINCOMPOUND":
            onlyincompound = parts[1]
        elif key in ("PFX", "SFX"):
            flag, cross, count = parts[1], parts[2] == "Y", int(parts[3])
            if len(flag) != 1:
                raise SystemExit(f"{path}: multi-character flag {flag}")
            rules = []
            for _ in range(count):
                rule = lines[i]
                i += 1
                if rule[0] != key or rule[1] != flag:
                    raise SystemExit(f"{path}: malformed {key} {flag} rule: {rule}")
                rules.append(Affix(key, rule[2], rule[3], rule[4] if len(rule) > 4 else "."))
            groups[flag] = (key, cross, rules)
        elif key in ("REP", "COMPOUNDRULE", "ICONV"):
            # Count line followed by `count` entries of the same key.
            if len(parts) == 2 and parts[1].isdigit():
                continue
    return groups, nosuggest, onlyincompound


def expand(aff, dic):
    """Every form of the .dic file, as {word: nosuggest}."""
    with open(dic, encoding="utf-8") as f:
        count = int(f.readline())
        entries = [l.rstrip("\n") for l in f if l.strip()]
    if abs(count - len(entries)) > 1:
        raise SystemExit(f"{dic}: header says {count} entries, found {len(entries)}")
    return expand_entries(read_aff(aff), entries)


def expand_entries(aff, entries):
    """Every form of `entries` (`root` or `root/FLAGS` lines), as
    {word: nosuggest}; `aff` is what `read_aff` returned."""
    groups, nosuggest, onlyincompound = aff
    forms = {}
    for entry in entries:
        root, _, flags = entry.partition("/")
        if onlyincompound and onlyincompound in flags:
            continue
        # Numbers and ordinals come from COMPOUNDRULE; the Rust side checks
        # them with a pattern, so the digit roots are not listed.
        if root[:1].isdigit():
            continue
        hidden = bool(nosuggest and nosuggest in flags)
        out = {root}
        prefixes = [groups[c] for c in flags if c in groups and groups[c][0] == "PFX"]
        suffixes = [groups[c] for c in flags if c in groups and groups[c][0] == "SFX"]
        suffixed = []  # (form, cross)
        for _, cross, rules in suffixes:
            for r in rules:
                if r.applies(root):
                    form = r.apply(root)
                    out.add(form)
                    suffixed.append((form, cross))
        for _, pcross, rules in prefixes:
            for r in rules:
                if r.applies(root):
                    out.add(r.apply(root))
                    if pcross:
                        # Hunspell tests the prefix condition on the root;
                        # the suffix was already checked there too.
                        for form, scross in suffixed:
                            if scross:
                                out.add(r.apply(form))
        for form in out:
            forms[form] = forms.get(form, False) or hidden
    return forms


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    forms = expand(sys.argv[1], sys.argv[2])
    out = sys.stdout
    for word in sorted(forms):
        out.write(f"{word}\t{'!' if forms[word] else ''}\n")


if __name__ == "__main__":
    main()
