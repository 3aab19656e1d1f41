#!/usr/bin/env python3
"""Findings per 1,000 words on the corpus (the Rust blog as `blog`, the
tweets as `x`), per rule, for one checklist: the before/after numbers of
the closing notes. Warnings and errors are counted; suggestions are shown
apart.

    python3 scripts/corpus/rates.py target/release/postlint strategy
"""
import collections, json, os, subprocess, sys

binary, checklist = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
corpus = os.environ.get('POSTLINT_CORPUS', os.path.join(root, '..', 'shared', 'data', 'corpus'))
empty = os.path.join(root, 'tests', 'fixtures', 'empty.toml')
for folder, channel in [('rust-blog', 'blog'), ('tweets', 'x')]:
    out = subprocess.run([binary, 'check', os.path.join(corpus, folder), '--checklist', checklist,
                          '--channel', channel, '--format', 'json', '--config', empty],
                         capture_output=True, text=True).stdout
    report = json.loads(out)
    words = posts = failing = 0
    counted, suggestions = collections.Counter(), collections.Counter()
    for f in report['files']:
        for p in f['posts']:
            words += p['words']
            posts += 1
            failing += any(x['severity'] == 'error' for x in p['findings'])
            for x in p['findings']:
                (suggestions if x['severity'] == 'suggestion' else counted)[x['rule']] += 1
    total = sum(counted.values())
    print(f'{folder}: {posts} posts, {words} words; warnings+errors {total} '
          f'({1000 * total / words:.2f} per 1,000 words); posts with an error {failing}')
    for rule, n in counted.most_common():
        print(f'  {rule:45s} {n:6d} {1000 * n / words:6.2f}/1000w')
    for rule, n in suggestions.most_common():
        print(f'  {rule:45s} {n:6d} {1000 * n / words:6.2f}/1000w (suggestions)')
