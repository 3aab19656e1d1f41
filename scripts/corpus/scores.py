#!/usr/bin/env python3
"""Median overall score, failing share and bands on the corpus (the Rust
blog as `blog`, the tweets as `x`), with every default checklist.

    python3 scripts/corpus/scores.py target/release/postlint
"""
import collections, json, os, statistics, subprocess, sys

binary = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
corpus = os.environ.get('POSTLINT_CORPUS', os.path.join(root, '..', 'shared', 'data', 'corpus'))
empty = os.path.join(root, 'tests', 'fixtures', 'empty.toml')
for folder, channel in [('rust-blog', 'blog'), ('tweets', 'x')]:
    out = subprocess.run([binary, 'check', os.path.join(corpus, folder), '--channel', channel,
                          '--format', 'json', '--config', empty], capture_output=True, text=True).stdout
    posts = [p for f in json.loads(out)['files'] for p in f['posts']]
    failing = sum(not p['passed'] for p in posts)
    bands = collections.Counter(p.get('band', '-') for p in posts)
    print(f"{folder}: {len(posts)} posts, median overall {statistics.median(p['scores']['overall'] for p in posts)}, "
          f"failing {failing} ({100 * failing / len(posts):.1f}%), bands {dict(bands)}")
