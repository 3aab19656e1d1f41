// Differential test: postlint's length counters against the platforms' own
// libraries, on seeded random strings.
//
//   X:       `postlint stats --raw --format json --channel x`, field `length`,
//            against twitter-text 3.1.0 `parseTweet(text).weightedLength`
//            (its default config, v3).
//   Bluesky: `postlint stats --raw --format json --channel bluesky`, field
//            `graphemes`, against @atproto/api 0.19.19
//            `new RichText({ text }).graphemeLength` (Intl.Segmenter).
//
// Run it through run.sh, which installs the two packages into a temporary
// folder and passes it here. Environment:
//   DIFF_NODE_MODULES  node_modules folder holding the two packages (required)
//   POSTLINT           the binary (default target/release/postlint)
//   DIFF_SEED          seed (default 20240611); DIFF_N  strings (default 2500)
//
// Each string is written byte for byte to its own `.txt` file, and postlint
// reads the folder in one call per platform. `--raw` counts a file's whole
// text as one post, as written: no front matter, no thread split, no
// Markdown; a trailing newline is counted like any other character (both
// libraries get it too). The one byte postlint does not count is a leading
// U+FEFF (a byte-order mark), so no string starts with one.
//
// Besides the random strings, every listed piece is compared on its own, and
// a disagreement lists the pieces that disagree alone.
//
// twitter-text 3.1.0's emoji data stops at Emoji 11.0. A string holding a
// newer emoji (or one of LIBRARY_GAPS) is compared twice: with the library
// as it is (reported, not a failure), and with the library's count of the
// same string where each such emoji is replaced by 😀, which is what X counts
// today (every emoji 2); that second comparison must agree.
//
// Exits 1 on any disagreement that is not a known deviation, 2 when
// something could not run.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const env = process.env;
if (!env.DIFF_NODE_MODULES) {
  console.error('DIFF_NODE_MODULES is not set (run scripts/differential/run.sh)');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(env.DIFF_NODE_MODULES), 'x.js'));
const twttr = require('twitter-text');
// twitter-text's own emoji pattern, to check the emoji table against.
const { parse: twemojiParse } = createRequire(require.resolve('twitter-text'))('twemoji-parser');
const { RichText } = require('@atproto/api');
const POSTLINT = path.resolve(env.POSTLINT || 'target/release/postlint');
const SEED = Number.parseInt(env.DIFF_SEED ?? '20240611', 10);
const N = Number.parseInt(env.DIFF_N ?? '2500', 10);

for (const [name, want] of [
  ['twitter-text', '3.1.0'],
  ['@atproto/api', '0.19.19'],
]) {
  const got = require(`${name}/package.json`).version;
  if (got !== want) {
    console.error(`${name} is ${got}, this test is written against ${want}`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------
// Emoji, with the Emoji version that introduced each (as an RGI emoji).

/// The newest Emoji version twitter-text 3.1.0 knows: its emoji pattern comes
/// from twemoji-parser 11.0.2, which has Emoji 11.0 and nothing of 12.0
/// (checked below: every emoji here of 11.0 or older is one match of its
/// pattern, every newer one is not).
const TWITTER_TEXT_EMOJI = 11.0;

const NEWER_REASON =
  `newer than twitter-text 3.1.0's emoji data (twemoji-parser 11.0.2 = Emoji ${TWITTER_TEXT_EMOJI.toFixed(1)}), ` +
  'which weighs the parts of a sequence it does not know one by one; ' +
  'X counts every emoji 2 (docs.x.com "Counting characters"), as postlint does';

/// Emoji twitter-text 3.1.0 gets wrong although its data has them: the
/// library, not the platform, is wrong. Each string holding one is compared
/// with the library's count of the same string where the emoji is replaced
/// by an emoji it knows (weight 2).
const LIBRARY_GAPS = [
  {
    emoji: '\u267E\uFE0F',
    version: 11.0,
    reason:
      "infinity (Emoji 11.0): twemoji-parser 11.0.2's pattern lacks it, so it weighs ♾ and U+FE0F 2 each " +
      'where X counts an emoji Twemoji supports 2 (docs.x.com "Counting characters")',
  },
  {
    emoji: '\u{1F441}\u{FE0F}\u{200D}\u{1F5E8}\u{FE0F}',
    version: 2.0,
    reason:
      "eye in speech bubble (Emoji 2.0), fully qualified: twemoji-parser 11.0.2's pattern " +
      'has only the unqualified form (U+1F441 U+200D U+1F5E8), so it weighs this as 👁️, ZWJ, 🗨️ = 5 ' +
      'where X counts an emoji Twemoji supports 2 (docs.x.com "Counting characters")',
  },
];

const E = (version, ...list) => list.map((text) => ({ text, version }));
const EMOJI = {
  single: [
    ...E(1.0, '😀', '🔥', '🎉', '👍', '🙏', '😂', '🚀', '💯', '🤔', '👀', '💡', '🌍', '🏁'),
    ...E(1.0, '❤️', '☺️', '✅', '✨', '⚡', '⭐', '☕', '✈️', '⌚', '©️', '®️', '™️', '‼️', '↔️', '▶️', '〰️', '〽️', '㊗️'),
    ...E(5.0, '🧑', '🤯', '🥧'),
    ...E(11.0, '🥳', '🥺', '🦜', '🧁'),
  ],
  // Unqualified (no U+FE0F) pictographs that are text-style by default.
  unqualified: E(1.0, '❤', '☺', '✈', '‼', '↔', '♥', '☀', '☎'),
  skin: [
    ...E(1.0, '👍🏽', '👋🏻', '🙏🏿', '👏🏼', '💪🏾', '☝🏽', '✌🏻'),
    ...E(5.0, '🧑🏾', '🤟🏽'),
  ],
  zwj: [
    ...E(2.0, '👨‍👩‍👧', '👨‍👩‍👧‍👦', '👩‍❤️‍👨', '👨‍❤️‍💋‍👨'),
    ...E(4.0, '👩‍💻', '👩🏽‍💻', '🏳️‍🌈', '🏃‍♀️', '👮🏿‍♂️', '👨‍🚀', '🕵️‍♀️', '⛹🏽‍♂️'),
    ...E(11.0, '👩‍🦰', '🏴‍☠️', '👨🏻‍🦳'),
  ],
  flag: [
    ...E(2.0, '🇫🇷', '🇯🇵', '🇺🇸', '🇩🇪', '🇧🇷', '🇺🇦', '🇫🇮'),
    ...E(5.0, '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🏴󠁧󠁢󠁷󠁬󠁳󠁿'),
  ],
  keycap: [...E(1.0, '1️⃣', '#️⃣', '0️⃣', '9️⃣', '1⃣'), ...E(2.0, '*️⃣')],
  // RGI emoji twitter-text 3.1.0 does not know (Emoji 12.0 and later).
  newer: [
    ...E(12.0, '🥱', '🦩', '🤏', '🩰', '🪐', '🟠', '🤏🏼', '🧏🏻', '👫🏻'),
    ...E(12.0, '🧑‍🤝‍🧑', '🐕‍🦺', '🧏‍♂️', '👨‍🦯', '👩🏻‍🤝‍👨🏼'),
    ...E(12.1, '🧑‍💻', '🧑‍🦰', '🧑🏽‍🚀'),
    ...E(13.0, '🥲', '🥸', '🫀', '🧋', '🏳️‍⚧️', '🐈‍⬛', '🧑‍🎄'),
    ...E(13.1, '❤️‍🔥', '😮‍💨', '🧔‍♀️', '👩🏻‍❤️‍👨🏾'),
    ...E(14.0, '🫠', '🫡', '🫶🏽', '🫰🏻', '🫱🏻‍🫲🏼'),
    ...E(15.0, '🫨', '🩷', '🫷🏿', '🐦‍⬛'),
    ...E(15.1, '🙂‍↔️', '🐦‍🔥', '🍋‍🟩', '🏃‍➡️', '🧑‍🧑‍🧒', '🏃🏽‍♀️‍➡️'),
    ...E(16.0, '🫩', '🫟', '🇨🇶'),
    ...E(17.0, '🧑‍🩰'),
  ],
  // Emoji twitter-text weighs in parts, whatever its data: sequences that
  // are not RGI (no such ZWJ sequence or flag, a skin tone on a face that
  // takes none, U+FE0F after an emoji that is emoji-style already, text
  // forms inside a ZWJ sequence, stray joiners) and text-style requests. No
  // newer emoji in them, so these must agree exactly.
  odd: [
    '😀\u200D👍', '👨‍👩', '❤️‍❤️', '👨‍👩‍👧‍👦‍👦', '👨🏽‍👩🏽‍👧🏽', '👩‍🤝‍👨', '😀🏽', '👍🏽🏽', '🏻🏻', '❤️🏻',
    '🇿🇿', '🇿🇫🇷', '🇫🇷🇫', '🏃‍♀', '🏳‍🌈', '🕵‍♂️', '🏳️‍🌈️', '👍️', '✅️', '😀️', '🏽️', '★️', '©️️',
    '1️⃣️', '😀\u200D', '🏳️\u200D\u200D🌈', '👨‍🦰🏽', '🏴\u{E0067}\u{E0062}', '🏴󠁧󠁢󠁥󠁮󠁧󠁿\u{E007F}',
    '👍︎', '⌚︎', '☺︎', '👍🏽\u0301', '😀\u20E3', 'a\u200D😀', '⛺️', '♐️', '⌚️', '🀄️', '⭐️', '🌍️', '✨️',
  ].map((text) => ({ text })),
  gap: LIBRARY_GAPS.map((g) => ({ text: g.emoji, version: g.version, gap: g.reason })),
};

// ---------------------------------------------------------------------------
// Everything else.

const P = (list) => list.map((text) => ({ text }));
const OTHER = {
  ascii: P([
    'hello', 'world', 'The quick brown fox', 'jumps over the lazy dog', 'Launch day!',
    'we shipped v2.0', 'x', 'A', 'ok', 'lorem ipsum dolor sit amet', 'CamelCase', 'snake_case',
    '42', '3.14', '2024-06-11', '10:30', '100%', 'a/b', 'e.g.', 'i.e.', 'v1.2.3', 'file.txt',
    'foo.notatld', 'C++', 'R&D', 'rock\'n\'roll', '---', 'title: x',
  ]),
  punct: P([
    '!', '?', '.', ',', ';', ':', '...', '—', '–', '…', '"quoted"', '“curly”', '‘single’',
    '«guillemets»', '¿qué?', '¡hola!', '·', '•', '′', '‰', '©', '®', '™', '§', '¶', '°', '±', '×',
    '€', '£', '¥', '$5', '(parens)', '[brackets]', '{braces}', '<angle>', '`code`', '~', '|', '\\',
    '^', '*', '&amp;', '§§', '※', '→', '★', '♪',
  ]),
  accentNfc: P([
    'é', 'café', 'naïve', 'Ångström', 'señor', 'Straße', 'Ærøskøbing', 'Łódź', 'Dvořák',
    'façade', 'Tiếng Việt', 'ǅ', 'ő', 'ş', 'ḁ', 'ẞ',
  ]),
  // Decomposed forms: X counts the NFC form, Bluesky the graphemes as given.
  accentNfd: P([
    'e\u0301', 'cafe\u0301', 'nai\u0308ve', 'A\u030Angstro\u0308m', 'sen\u0303or',
    'Dvor\u030Ca\u0301k', 'Tie\u0302\u0301ng Vie\u0323\u0302t', 'a\u0301\u0323',
    'q\u0307\u0323', 'o\u0308\u0304', 'x\u0301\u0301\u0301', 'Z\u0335\u0321\u0327',
    '\u212B', '\u2126', 'e\u0301\u0302\u0303\u0304',
  ]),
  cjk: P([
    '日本', '日本語', '中文字', '漢字かな交じり', 'ひらがな', 'カタカナ', 'ｶﾀｶﾅ', '한국어', '안녕하세요',
    '。', '、', '「かぎ」', '（全角）', 'ＡＢＣ', '１２３', '々', '〜', '𠀋', '𩸽', '丽',
  ]),
  // Hangul as conjoining jamo: NFC composes them into syllables.
  hangulNfd: P(['\u1112\u1161\u11AB', '\u1100\u1161', '\u1112\u1161\u11AB\u1100\u116E\u11A8']),
  script: P([
    'привет', 'Ёлка', 'καλημέρα', 'ΑΒΓ', 'مرحبا', 'שלום', 'नमस्ते', 'क्षत्रिय', 'স্ক্র',
    'สวัสดี', 'ภาษาไทย', 'ᚠᚢᚦ', 'ខ្មែរ', 'ꯃꯤꯇꯩ', 'தமிழ்', 'ગુજરાતી',
  ]),
  urlScheme: P([
    'https://example.com', 'http://example.com/path/to?x=1&y=2', 'https://www.example.org/a_b-c#frag',
    'https://t.co/AbC123xyz', 'http://foo.co.uk/', 'HTTPS://EXAMPLE.COM/UPPER',
    'https://example.com:8443/x', 'https://en.wikipedia.org/wiki/Foo_(bar)', 'https://例え.jp/パス',
    'https://münchen.de', 'https://xn--mnchen-3ya.de/', 'https://example.com/#anchor',
    'https://sub.domain.io/a/b/c/d/e/f/g/h/a/very/long/path/that/goes/on/and/on?utm_source=x',
    'http://localhost:3000', 'https://192.168.0.1/', 'ftp://example.com/file', 'https://a.co',
    'https://example.com/ü/ñ', 'https://bsky.app/profile/alice.bsky.social/post/3k',
    'https://example.com/path.', 'https://example.com/a,b', 'http://example.com/foo?bar=baz&',
    'https://example.com/(a)b', 'https://ex-ample.com', 'https://example.co.jp/日本', 'https://t.co/abc?x=1',
    'https://t.co/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL', 'https://пример.рф', 'http://例子.测试',
    'https://user:pass@example.com/', 'http://-example.com', 'http://example-.com', 'https://example.com:abc',
    `https://${'a'.repeat(64)}.com/`, 'https://example.com/ path', 'https://www.example.com/search?q=日本',
  ]),
  urlBare: P([
    'example.com', 'foo.co.uk', 't.co/xyz', 'www.example.org', 'example.com/path?q=1', 'bit.ly/3abc',
    'github.io', 'sub.example.co.jp', 'example.museum', 'example.xyz', 'example.app', 'test.co',
    'google.com.', '(example.com)', 'example.com:8080', 'user@example.com', 'münchen.de', '日本.jp',
    'a-b.com', '-a.com', 'a_b.com', 'example.com#tag', 'example.com/日本', 'EXAMPLE.COM',
    'foo.bar.baz.example.net/x', 'xn--bcher-kva.de',
    'a.b.c.d.e.f.g.com', '@example.com', '$example.com', '#example.com', 'example.com@user', 'пример.рф',
    'example.рф', 'EXAMPLE.com/PATH?Q=1', 'example.com/page.html#section', 'example.com?query',
    'foo.com.au/bar', 'sub_domain.example.com', 'mailto:a@example.com', 't.co/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    'www.例え.jp', 'example.comとexample.org', 'example.co', 'example.co.', 'http.com', 'https.example.com',
  ]),
  mention: P([
    '@user', '@user_name', '@user@server.social', '@alice@mastodon.example', '@user/list-name', '＠user',
    '@a', '@toolongusername_over_twenty_chars', 'RT @user:', "@user's", '@user.', 'a@b',
  ]),
  hashtag: P(['#tag', '#日本', '#tag_2', '#123', '＃tag', '#Ça_va', '#한국', '#tag#tag', '#hashtag!', '#_x']),
  // Invisible and special characters, each inside letters so it cannot
  // join a neighbouring piece.
  special: P([
    'a\u200Bb', 'a\u200Cb', 'a\u200Db', 'a\u00A0b', 'a\u3000b', 'a\u2028b', 'a\uFEFFb', 'a\u200Eb',
    'a\u202Eb\u202C', 'a\u061Cb', 'a\uFE0Fb', 'a\uFE0Eb', 'a\u{1F3FD}', '(\u{1F1EB})', 'a\u20E3',
    'a\u0301\u0301', '\u00AD', 'a\u2060b', 'tab\there', 'a\r\nb', 'a\rb', 'a\u0085b', '☺\uFE0E',
    '♥\uFE0E', '#\uFE0F', '1\uFE0E\u20E3', 'x\uD7FFy', 'a\uFFFEb', 'a\uFFFFb',
  ]),
};

/// Blocks random characters are drawn from: combining marks, jamo, Indic
/// scripts, emoji and their parts, joiners, variation selectors,
/// punctuation, full-width forms. Not U+FEFF (a leading one is a byte-order
/// mark).
const RANDOM_RANGES = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x36f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x6ff],
  [0x900, 0x9ff], [0xe00, 0xe7f], [0xf00, 0xfff], [0x1100, 0x11ff], [0x1dc0, 0x1dff], [0x1e00, 0x1eff],
  [0x2000, 0x206f], [0x20d0, 0x20ff], [0x2100, 0x21ff], [0x2600, 0x27bf], [0x3000, 0x30ff], [0x3130, 0x318f],
  [0x4e00, 0x4e80], [0xac00, 0xac80], [0xfe00, 0xfe0f], [0xff00, 0xffef], [0x1f1e6, 0x1f1ff],
  // Emoji blocks only where every pictograph is Emoji 1.0 (Unicode 6 to 8):
  // twitter-text knows them all.
  [0x1f300, 0x1f64f], [0x1f680, 0x1f6c5], [0x1f910, 0x1f918], [0x1f3fb, 0x1f3ff], [0x200d, 0x200d],
];
const isRandomOk = (cp) => cp !== 0xfeff && !(cp >= 0xd800 && cp <= 0xdfff);

const CATEGORIES = [
  // [name, pieces, weight]
  ['ascii', OTHER.ascii, 18],
  ['punct', OTHER.punct, 8],
  ['accent-nfc', OTHER.accentNfc, 5],
  ['accent-nfd', OTHER.accentNfd, 5],
  ['cjk', OTHER.cjk, 5],
  ['hangul-nfd', OTHER.hangulNfd, 1],
  ['script', OTHER.script, 4],
  ['emoji', EMOJI.single, 6],
  ['emoji-unqualified', EMOJI.unqualified, 1.5],
  ['emoji-skin', EMOJI.skin, 3],
  ['emoji-zwj', EMOJI.zwj, 3],
  ['flag', EMOJI.flag, 2],
  ['keycap', EMOJI.keycap, 1.5],
  ['emoji-newer', EMOJI.newer, 0.8],
  ['emoji-odd', EMOJI.odd, 2],
  ['emoji-gap', EMOJI.gap, 0.2],
  ['url-scheme', OTHER.urlScheme, 4],
  ['url-bare', OTHER.urlBare, 4],
  ['mention', OTHER.mention, 3],
  ['hashtag', OTHER.hashtag, 3],
  ['special', OTHER.special, 2],
  ['random', null, 4],
];
const TOTAL_WEIGHT = CATEGORIES.reduce((s, c) => s + c[2], 0);

const SEPARATORS = [
  ['', 14], [' ', 55], ['\n', 10], [', ', 5], ['\n\n', 4], ['\r\n', 3], ['\t', 2], [' — ', 2],
  ['. ', 3], ['  ', 2],
];

/// mulberry32: small, seeded, the same on every machine.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
function pickWeighted(list, weightOf) {
  const total = list.reduce((s, x) => s + weightOf(x), 0);
  let r = random() * total;
  for (const x of list) {
    r -= weightOf(x);
    if (r < 0) return x;
  }
  return list[list.length - 1];
}

/// One string: its pieces (category, text, emoji version, gap reason) and
/// separators.
function generate() {
  const r = random();
  const count = r < 0.7 ? 1 + Math.floor(random() * 8) : r < 0.95 ? 8 + Math.floor(random() * 23) : 30 + Math.floor(random() * 51);
  const parts = [];
  for (let i = 0; i < count; i++) {
    const [cat, pieces] = pickWeighted(CATEGORIES, (c) => c[2]);
    const piece = pieces ? pick(pieces) : { text: randomChars() };
    const sep = i === 0 ? '' : pickWeighted(SEPARATORS, (s) => s[1])[0];
    parts.push({ sep, cat, ...piece });
  }
  const trailing = random() < 0.1 ? '\n' : '';
  return { parts, trailing };
}
/// 1 to 5 characters from RANDOM_RANGES.
function randomChars() {
  let text = '';
  const n = 1 + Math.floor(random() * 5);
  while ([...text].length < n) {
    const [lo, hi] = pick(RANDOM_RANGES);
    const cp = lo + Math.floor(random() * (hi - lo + 1));
    if (isRandomOk(cp)) text += String.fromCodePoint(cp);
  }
  return text;
}
const join = (s, replace = () => null) =>
  s.parts.map((p) => p.sep + (replace(p) ?? p.text)).join('') + s.trailing;

// ---------------------------------------------------------------------------
// The libraries.

const xLength = (text) => twttr.parseTweet(text).weightedLength;
const bskyGraphemes = (text) => new RichText({ text }).graphemeLength;

/// Check the emoji table against twitter-text's own emoji pattern, so that
/// "newer than twitter-text knows" is a fact about the library, not a guess.
function checkEmojiTable() {
  const wrong = [];
  for (const list of Object.values(EMOJI)) {
    for (const e of list) {
      if (e.version === undefined) continue;
      const found = twemojiParse(e.text);
      const whole = found.length === 1 && found[0].text === e.text;
      const known = e.version <= TWITTER_TEXT_EMOJI && !e.gap;
      if (whole !== known) wrong.push(`${JSON.stringify(e.text)} (Emoji ${e.version.toFixed(1)}): twemoji-parser ${whole ? 'knows' : 'does not know'} it`);
    }
  }
  if (wrong.length) {
    console.error('the emoji table disagrees with twitter-text\'s emoji data:\n  ' + wrong.join('\n  '));
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------
// postlint

/// Writes each text to its own file and returns (folder, file names).
function writeFiles(dir, texts) {
  fs.mkdirSync(dir, { recursive: true });
  const names = texts.map((_, i) => `${String(i).padStart(5, '0')}.txt`);
  texts.forEach((t, i) => {
    if (t.startsWith('\uFEFF')) throw new Error(`string ${i} starts with U+FEFF, which postlint reads as a BOM`);
    fs.writeFileSync(path.join(dir, names[i]), t, 'utf8');
  });
  return names;
}

/// One postlint call over the folder: field `field` of each file's post.
function postlint(dir, names, channel, field) {
  const run = spawnSync(POSTLINT, ['stats', '--raw', '--format', 'json', '--channel', channel, '--color', 'never', dir], {
    cwd: dir,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0) {
    console.error(`${POSTLINT} stats --channel ${channel} failed (${run.error ?? `exit ${run.status}`}):\n${run.stderr}`);
    process.exit(2);
  }
  const report = JSON.parse(run.stdout);
  if (report.problems?.length) {
    console.error(`postlint reported problems: ${JSON.stringify(report.problems)}`);
    process.exit(2);
  }
  const byName = new Map();
  for (const post of report.posts) {
    const name = path.basename(post.path);
    if (byName.has(name)) {
      console.error(`postlint gave ${name} more than one post`);
      process.exit(2);
    }
    byName.set(name, post[field]);
  }
  return names.map((n) => {
    if (!byName.has(n)) {
      console.error(`postlint gave no post for ${n}`);
      process.exit(2);
    }
    return byName.get(n);
  });
}

// ---------------------------------------------------------------------------

checkEmojiTable();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postlint-differential-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

const newerPiece = (p) => p.version !== undefined && p.version > TWITTER_TEXT_EMOJI;
const gapPiece = (p) => newerPiece(p) || p.gap !== undefined;

/// RGI emoji in `s`, outside its newer and gap pieces, that twitter-text
/// does not know: pieces put side by side (or random characters) made a
/// newer emoji, such as 💏 and a skin tone (Emoji 13.1). Such a string is
/// drawn again, and the emoji are reported.
const RGI_EMOJI = /\p{RGI_Emoji}/gv;
function accidentalEmoji(s) {
  const text = join(s, (p) => (gapPiece(p) ? '😀' : null));
  return [...text.matchAll(RGI_EMOJI)]
    .map((m) => m[0])
    .filter((e) => {
      const found = twemojiParse(e);
      return !(found.length === 1 && found[0].text === e);
    });
}

const strings = [];
const redrawn = new Map();
for (let i = 0; i < N; i++) {
  let s = generate();
  for (let accidental = accidentalEmoji(s); accidental.length; accidental = accidentalEmoji(s)) {
    for (const e of accidental) redrawn.set(e, (redrawn.get(e) ?? 0) + 1);
    s = generate();
  }
  s.text = join(s);
  strings.push(s);
}
// Every piece on its own too, so that a disagreement names its culprit.
const allPieces = CATEGORIES.filter(([, pieces]) => pieces).flatMap(([cat, pieces]) => pieces.map((p) => ({ cat, ...p })));
for (const p of allPieces) {
  strings.push({ parts: [{ sep: '', ...p }], trailing: '', text: p.text, single: true });
}

const texts = strings.map((s) => s.text);
const names = writeFiles(path.join(tmp, 'strings'), texts);
const ours = {
  x: postlint(path.join(tmp, 'strings'), names, 'x', 'length'),
  bluesky: postlint(path.join(tmp, 'strings'), names, 'bluesky', 'graphemes'),
};

const categories = (s) => [...new Set(s.parts.map((p) => p.cat))].sort().join(',');
const failures = [];
const known = [];
const tally = () => ({ n: 0, agree: 0 });
const figures = {
  x: { clean: tally(), newer: tally(), newerAdjusted: tally(), all: tally() },
  bluesky: { all: tally() },
};
const count = (t, ok) => {
  t.n += 1;
  if (ok) t.agree += 1;
};

strings.forEach((s, i) => {
  // X
  const lib = xLength(s.text);
  const got = ours.x[i];
  const hasGap = s.parts.some(gapPiece);
  count(figures.x.all, got === lib);
  if (!hasGap) {
    count(figures.x.clean, got === lib);
    if (got !== lib) failures.push({ platform: 'X', s, ours: got, lib });
  } else {
    count(figures.x.newer, got === lib);
    // What X counts: the library's count with each emoji it does not know
    // replaced by one it knows (both weigh 2).
    const adjusted = xLength(join(s, (p) => (gapPiece(p) ? '😀' : null)));
    count(figures.x.newerAdjusted, got === adjusted);
    if (got !== adjusted) {
      failures.push({ platform: 'X', s, ours: got, lib, note: `expected ${adjusted} with each unknown emoji counted 2` });
    } else if (got !== lib) {
      const reasons = [...new Set(s.parts.filter(gapPiece).map((p) => (p.gap ? `${JSON.stringify(p.text)}: ${p.gap}` : `${JSON.stringify(p.text)} Emoji ${p.version.toFixed(1)}`)))];
      known.push({ platform: 'X', s, ours: got, lib, note: reasons.join('; ') });
    }
  }
  // Bluesky
  const glib = bskyGraphemes(s.text);
  const ggot = ours.bluesky[i];
  count(figures.bluesky.all, ggot === glib);
  if (ggot !== glib) failures.push({ platform: 'Bluesky', s, ours: ggot, lib: glib });
});

const pct = (t) => (t.n ? ((100 * t.agree) / t.n).toFixed(2) : '-');
const line = (label, t) => `  ${label.padEnd(44)} ${String(t.n).padStart(5)} strings, ${String(t.agree).padStart(5)} agree (${pct(t)}%)`;
const generated = strings.filter((s) => !s.single).length;
console.log(`differential test: ${generated} random strings (seed ${SEED}) + ${strings.length - generated} single pieces; postlint ${POSTLINT}`);
console.log(`X: postlint stats --channel x \`length\` vs twitter-text ${require('twitter-text/package.json').version} parseTweet().weightedLength`);
console.log(line(`emoji <= ${TWITTER_TEXT_EMOJI.toFixed(1)} only (twitter-text's data)`, figures.x.clean));
console.log(line('with newer emoji or a library gap, raw', figures.x.newer));
console.log(line('  same, unknown emoji counted 2 (X today)', figures.x.newerAdjusted));
console.log(line('overall, raw', figures.x.all));
console.log(`Bluesky: postlint stats --channel bluesky \`graphemes\` vs @atproto/api ${require('@atproto/api/package.json').version} RichText.graphemeLength (Node ${process.versions.node}, ICU ${process.versions.icu}, Unicode ${process.versions.unicode})`);
console.log(line('all strings', figures.bluesky.all));
if (redrawn.size) {
  const list = [...redrawn].map(([e, n]) => `${JSON.stringify(e)} ${n}x`).join(', ');
  console.log(`(strings drawn again because their pieces made an emoji newer than twitter-text knows: ${list})`);
}

const show = (d) => `  [${d.platform}] ${JSON.stringify(d.s.text)}\n      postlint ${d.ours}, library ${d.lib}; categories ${categories(d.s)}${d.note ? `\n      ${d.note}` : ''}`;
if (known.length) {
  console.log(`\nKnown deviations (${known.length}): postlint counts X as X does today, twitter-text 3.1.0 differs on these emoji:`);
  console.log(`  newer emoji: ${NEWER_REASON}`);
  for (const g of LIBRARY_GAPS) console.log(`  ${JSON.stringify(g.emoji)}: ${g.reason}`);
  for (const d of known) console.log(`  [${d.platform}] ${JSON.stringify(d.s.text)}: postlint ${d.ours}, library ${d.lib} (${d.note})`);
}
if (failures.length) {
  console.log(`\nDISAGREEMENTS (${failures.length}):`);
  for (const d of failures) console.log(show(d));
  // Each piece of those strings on its own, to name the culprits.
  const pieces = [...new Set(failures.flatMap((d) => d.s.parts.map((p) => p.text)))];
  const pieceNames = writeFiles(path.join(tmp, 'pieces'), pieces);
  const alone = {
    X: postlint(path.join(tmp, 'pieces'), pieceNames, 'x', 'length'),
    Bluesky: postlint(path.join(tmp, 'pieces'), pieceNames, 'bluesky', 'graphemes'),
  };
  const lib = { X: xLength, Bluesky: bskyGraphemes };
  const culprits = [];
  for (const platform of ['X', 'Bluesky']) {
    pieces.forEach((p, i) => {
      const want = lib[platform](p);
      if (alone[platform][i] !== want) culprits.push(`  [${platform}] ${JSON.stringify(p)}: postlint ${alone[platform][i]}, library ${want}`);
    });
  }
  console.log(culprits.length ? `\nPieces that disagree on their own:\n${culprits.join('\n')}` : '\nNo piece disagrees on its own: the pieces interact.');
  process.exit(1);
}
console.log('\nno unexpected disagreement');
