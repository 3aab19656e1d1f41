#!/usr/bin/env python3
"""Recall and false alarms of the real-word confusion rules on sentences
we did not write.

Takes every sentence of the published posts in ../shared/data/corpus (the
Rust blog and two teams' tweets) that uses "its", "it's", "than", "then",
"your" or "you're", writes each one as a post, and a second copy with that
word swapped for its confusion ("its" -> "it's", "than" -> "then"...).
The rule for the pair should fire on the swapped copy (recall) and stay
quiet on the original (false alarms).

    cargo build --release
    python3 scripts/confusions/measure.py [--show]

Prints one line per direction. Needs only python3 and the release build.
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "corpus"
BINARY = ROOT / "target" / "release" / "postlint"

# wrong word written -> (right word, rule that should catch it)
SWAPS = {
    "it's": ("its", "correct.its-apostrophe"),
    "its": ("it's", "correct.its-apostrophe"),
    "then": ("than", "correct.then-than"),
    "than": ("then", "correct.than-then"),
    "your": ("you're", "correct.your-youre"),
    "you're": ("your", "correct.your-youre"),
}
RIGHT_TO_WRONG = {right: wrong for wrong, (right, _) in SWAPS.items()}
WORD = re.compile(r"\b(its|it's|it’s|than|then|your|you're|you’re)\b", re.IGNORECASE)


def prose_lines(path):
    """Lines of prose: no front matter, code blocks, tables, HTML or links."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"\A(\+\+\+|---)\n.*?\n\1\n", "", text, flags=re.S)
    fence = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence or line.lstrip().startswith(("|", "<", "    ", "#", ">")):
            continue
        line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", line)
        line = re.sub(r"`[^`]*`", "code", line)
        line = re.sub(r"https?://\S+", "", line)
        yield line.strip(" *-")


def sentences():
    seen = set()
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file() or path.suffix not in {".md", ".markdown", ".tweet", ".txt", ""}:
            continue
        for line in prose_lines(path):
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line):
                s = s.strip()
                if 6 <= len(s.split()) <= 60 and WORD.search(s) and s not in seen:
                    seen.add(s)
                    yield s


def swapped(sentence, match):
    word = match.group(0)
    key = word.lower().replace("’", "'")
    wrong = RIGHT_TO_WRONG[key]
    if word[0].isupper():
        wrong = wrong[0].upper() + wrong[1:]
    return sentence[: match.start()] + wrong + sentence[match.end():], wrong.lower()


def fired(files):
    """Rules that fired per file, from one run over them all."""
    out = subprocess.run(
        [str(BINARY), "check", "--channel", "generic", "--format", "json", *map(str, files)],
        capture_output=True, text=True, check=False,
    ).stdout
    report = json.loads(out)
    return {
        f["path"]: {x["rule"] for p in f["posts"] for x in p["findings"]}
        for f in report["files"]
    }


def main():
    show = "--show" in sys.argv
    cases = []  # (direction, rule, original, swapped)
    for s in sentences():
        for m in WORD.finditer(s):
            bad, wrong = swapped(s, m)
            right, rule = SWAPS[wrong]
            cases.append((f"{right} -> {wrong}", rule, s, bad))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        files = []
        for i, (_, _, good, bad) in enumerate(cases):
            for kind, text in (("good", good), ("bad", bad)):
                f = tmp / f"{i:05}-{kind}.txt"
                f.write_text(text + "\n", encoding="utf-8")
                files.append(f)
        rules = fired(files)
        totals = {}
        for i, (direction, rule, good, bad) in enumerate(cases):
            t = totals.setdefault(direction, [0, 0, 0])
            t[0] += 1
            caught = rule in rules[str(tmp / f"{i:05}-bad.txt")]
            alarm = rule in rules[str(tmp / f"{i:05}-good.txt")]
            t[1] += caught
            t[2] += alarm
            if show and (caught or alarm):
                print(("CAUGHT " if caught else "ALARM  ") + (bad if caught else good))
    all_cases = sum(t[0] for t in totals.values())
    print(f"{all_cases} sentences from {CORPUS}")
    for direction, (n, caught, alarms) in sorted(totals.items()):
        print(f"  wrote {direction.split(' -> ')[1]!r:9} for {direction.split(' -> ')[0]!r:9}: "
              f"{n:4} sentences, caught {caught:3} ({100 * caught / n:5.1f}%), "
              f"false alarms on the originals {alarms}")


if __name__ == "__main__":
    main()
