// Generates the emoji tables in src/text/entities.rs (between the
// `BEGIN GENERATED` and `END GENERATED` lines) from the Unicode emoji data
// built into Node (ICU): the RGI flag, tag and ZWJ sequences that X counts as
// one emoji each (`entities::x_emoji`).
//
//   node scripts/differential/emoji-data.mjs          # prints the tables
//   node scripts/differential/emoji-data.mjs --write  # rewrites them in place
//
// Needs a Node whose ICU knows the properties of strings (`/v` regexes with
// `\p{RGI_Emoji_ZWJ_Sequence}`; Node >= 20). The tables follow that ICU's
// Unicode version, printed in the header. Takes about a minute.
//
// ICU cannot list a property of strings, so candidates are built and tested:
// every pair of RGI emoji joined by ZWJ; triples whose last part is a person
// (with or without a skin tone), an arrow or a gender sign (families,
// couples, people holding hands, "facing right"); quadruples of people,
// hearts and kisses; then every sequence found is extended by one more emoji
// until nothing new turns up.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ZWJ = '\u200D';
const TONES = ['\u{1F3FB}', '\u{1F3FC}', '\u{1F3FD}', '\u{1F3FE}', '\u{1F3FF}'];
const basic = /^\p{Basic_Emoji}$/v;
const modifierSeq = /^\p{RGI_Emoji_Modifier_Sequence}$/v;
const zwjSeq = /^\p{RGI_Emoji_ZWJ_Sequence}$/v;
const flagSeq = /^\p{RGI_Emoji_Flag_Sequence}$/v;
const tagSeq = /^\p{RGI_Emoji_Tag_Sequence}$/v;

// Every RGI emoji that can be a part of a ZWJ sequence.
const singles = [];
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const s = String.fromCodePoint(cp);
  if (basic.test(s)) singles.push(s);
  if (basic.test(s + '\uFE0F')) singles.push(s + '\uFE0F');
}
const toned = [];
for (const s of singles) {
  const base = String.fromCodePoint(s.codePointAt(0));
  for (const t of TONES) if (modifierSeq.test(base + t)) toned.push(base + t);
}
const parts = [...singles, ...toned];

const found = new Set();
const test = (s) => {
  if (zwjSeq.test(s)) found.add(s);
};
for (const a of parts) for (const b of parts) test(a + ZWJ + b);
const people = ['👨', '👩', '🧑', '👦', '👧', '🧒'].flatMap((p) => [p, ...TONES.map((t) => p + t)]);
const lastOfThree = [...people, '➡️', '♀️', '♂️'];
for (const a of parts) {
  for (const b of parts) {
    const ab = a + ZWJ + b + ZWJ;
    for (const c of lastOfThree) test(ab + c);
  }
}
const ofFour = [...people, '❤️', '💋', '➡️', '♀️', '♂️', '🤝'];
for (const a of ofFour) for (const b of ofFour) for (const c of ofFour) for (const d of ofFour) test([a, b, c, d].join(ZWJ));
let frontier = [...found];
while (frontier.length) {
  const next = [];
  for (const f of frontier) {
    for (const p of parts) {
      const s = f + ZWJ + p;
      if (!found.has(s) && zwjSeq.test(s)) {
        found.add(s);
        next.push(s);
      }
    }
  }
  frontier = next;
}

// Twemoji's own forms that are not RGI: twitter-text's emoji pattern (and
// X) count them as one emoji. Eye in speech bubble is the one Twemoji names
// without its U+FE0F (image 1f441-200d-1f5e8).
const TWEMOJI_EXTRAS = ['\u{1F441}\u200D\u{1F5E8}'];
for (const s of TWEMOJI_EXTRAS) found.add(s);

// Compress: a sequence without its skin tones is a key; a key has the forms
// without tones (U), with one tone on its first part or the same tone on its
// first and last (S), and with different tones on its first and last (M).
// Checked below by expanding the table back.
const TONE = /[\u{1F3FB}-\u{1F3FF}]/u;
const keys = new Map();
for (const s of found) {
  const ps = s.split(ZWJ);
  const at = ps.map((p, i) => (TONE.test(p) ? i : -1)).filter((i) => i >= 0);
  const key = ps.map((p) => p.replace(TONE, '')).join(ZWJ);
  const e = keys.get(key) ?? { u: false, s: false, m: false, two: false };
  keys.set(key, e);
  const tones = ps.filter((p) => TONE.test(p)).map((p) => p.match(TONE)[0]);
  if (at.length === 0) e.u = true;
  else if (at.length === 1 && at[0] === 0) e.s = true;
  else if (at.length === 2 && at[0] === 0 && at[1] === ps.length - 1) {
    e.two = true;
    if (tones[0] === tones[1]) e.s = true;
    else e.m = true;
  } else throw new Error(`unexpected skin tones in ${JSON.stringify(s)}`);
}
// The Rust side relies on this: two toned parts only in keys with mixed tones.
for (const [k, e] of keys) {
  if (e.two && !e.m) throw new Error(`same tone on first and last only, never mixed: ${JSON.stringify(k)}`);
}
const expand = (key, e) => {
  const ps = key.split(ZWJ);
  const withTone = (p, t) => String.fromCodePoint(p.codePointAt(0)) + t + p.slice(String.fromCodePoint(p.codePointAt(0)).length);
  const out = [];
  if (e.u) out.push(key);
  for (const t of TONES) {
    if (e.s && !e.two && !e.m) out.push([withTone(ps[0], t), ...ps.slice(1)].join(ZWJ));
    for (const t2 of TONES) {
      if (!e.two && !e.m) continue;
      if ((t === t2 && e.s) || (t !== t2 && e.m)) {
        out.push([withTone(ps[0], t), ...ps.slice(1, -1), withTone(ps[ps.length - 1], t2)].join(ZWJ));
      }
    }
  }
  return out;
};
const expanded = new Set([...keys].flatMap(([k, e]) => expand(k, e)));
if (expanded.size !== found.size || [...found].some((s) => !expanded.has(s))) {
  throw new Error('the skin-tone compression does not give back the sequences');
}

const flags = [];
for (let a = 0; a < 26; a++) {
  for (let b = 0; b < 26; b++) {
    if (flagSeq.test(String.fromCodePoint(0x1f1e6 + a, 0x1f1e6 + b))) flags.push(String.fromCharCode(65 + a, 65 + b));
  }
}
const tag = (s) => [...s].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0))).join('');
const tags = [];
for (const region of flags) {
  for (let x = 0; x < 26 ** 3; x++) {
    const sub = String.fromCharCode(97 + Math.floor(x / 676), 97 + (Math.floor(x / 26) % 26), 97 + (x % 26));
    const name = region.toLowerCase() + sub;
    if (tagSeq.test('\u{1F3F4}' + tag(name) + '\u{E007F}')) tags.push(name);
  }
}

const escape = (s) =>
  [...s]
    .map((c) => {
      const cp = c.codePointAt(0);
      return cp === 0x200d || cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff) ? `\\u{${cp.toString(16).toUpperCase()}}` : c;
    })
    .join('');
const flagsOf = (e) => [e.u && 'U', e.s && 'S', e.m && 'M'].filter(Boolean).join(' | ');
// UTF-8 byte order is Rust's `str` order: the table is binary-searched.
const sorted = [...keys].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const lines = [
  `// BEGIN GENERATED by scripts/differential/emoji-data.mjs from Node ${process.versions.node}'s ICU ${process.versions.icu} (Unicode ${process.versions.unicode}): ${found.size - TWEMOJI_EXTRAS.length} RGI ZWJ sequences (and ${TWEMOJI_EXTRAS.length} of Twemoji's), ${flags.length} flags, ${tags.length} tag sequences.`,
  '',
  '/// Regions with an RGI flag, as pairs of regional indicator letters.',
  `const RGI_FLAGS: &str = "${flags.join('')}";`,
  '',
  '/// Subdivisions with an RGI flag (the letters of the tag characters).',
  `const RGI_TAG_FLAGS: &[&str] = &[${tags.map((t) => `"${t}"`).join(', ')}];`,
  '',
  '/// RGI ZWJ sequences (and Twemoji\'s unqualified eye in speech bubble)',
  '/// without their skin tones, and which toned forms are RGI (see',
  '/// [`ZwjForms`]), in `str` order.',
  'const RGI_ZWJ: &[(&str, ZwjForms)] = &[',
  ...sorted.map(([k, e]) => `    ("${escape(k)}", ${flagsOf(e)}),`),
  '];',
  '// END GENERATED',
];
const table = lines.join('\n');

if (process.argv.includes('--write')) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/text/entities.rs');
  const source = fs.readFileSync(file, 'utf8');
  const re = /\/\/ BEGIN GENERATED[^\n]*\n[\s\S]*?\/\/ END GENERATED/;
  if (!re.test(source)) throw new Error(`no BEGIN/END GENERATED block in ${file}`);
  fs.writeFileSync(file, source.replace(re, () => table));
  console.error(`rewrote the tables in ${file}`);
} else {
  console.log(table);
}
