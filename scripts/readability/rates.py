#!/usr/bin/env python3
"""Findings per 1,000 words, per readable rule, on the corpus: the rates the
CHANGELOG and rules/language/readability.toml quote.

    python3 scripts/readability/rates.py target/release/postlint
"""
import collections, json, os, subprocess, sys

binary = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
corpus = os.environ.get('POSTLINT_CORPUS', os.path.join(root, '..', 'shared', 'data', 'corpus'))
empty = os.path.join(root, 'tests', 'fixtures', 'empty.toml')
for c,ch in [('rust-blog',[]),('tweets',['--channel','x'])]:
    out=subprocess.run([binary,'check',os.path.join(corpus, c),'--checklist','readable','--format','json','--config',empty]+ch,capture_output=True,text=True).stdout
    d=json.loads(out)
    words=0;cnt=collections.Counter()
    for f in d['files']:
        for p in f['posts']:
            words+=p['words']
            for x in p['findings']: cnt[x['rule']]+=1
    print(c,'words',words)
    for r,n in sorted(cnt.items()): print(f'  {r:40s} {n:6d} {1000*n/words:6.2f}/1000w')
