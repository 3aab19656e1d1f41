//! A word as the dictionary reads it: apostrophes and hyphens made ASCII,
//! accents folded, kept on the stack when it fits (the common case), and
//! its casing judged the way Hunspell judges it.

use unicode_normalization::UnicodeNormalization;

/// Longest word `contains` handles without touching the heap. English
/// words are far shorter; 64 bytes also covers long hyphenated compounds.
pub(super) const STACK: usize = 64;

/// How a word is capitalised, by its ASCII letters (the dictionary is
/// ASCII: SCOWL's accents are stripped). Apostrophes, hyphens and digits
/// do not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Casing {
    /// `receive`: no capital.
    Lower,
    /// `Receive`: the first byte is a capital, no other letter is.
    Title,
    /// `RECEIVE`: no small letter (and at least one capital).
    Upper,
    /// `GitHub`, `iPad`, `O'Brien`, `ReCeive`.
    Mixed,
}

impl Casing {
    /// The same test as `casing` in scripts/dictionaries/generate.py: the
    /// fst's case bits are only right if both sides agree.
    pub(super) fn of(word: &[u8]) -> Casing {
        let has_upper = word.iter().any(u8::is_ascii_uppercase);
        let has_lower = word.iter().any(u8::is_ascii_lowercase);
        if !has_upper {
            Casing::Lower
        } else if !has_lower {
            Casing::Upper
        } else if word[0].is_ascii_uppercase() && !word[1..].iter().any(u8::is_ascii_uppercase) {
            Casing::Title
        } else {
            Casing::Mixed
        }
    }

    /// `word` (a dictionary form) written in this casing, the way a writer
    /// who typed a word in this casing would want the correction: `Recieve`
    /// -> `Receive`, `TEH` -> `THE`. Lowercase and mixed input keep the
    /// dictionary's own casing (`london` -> `London`, `github` -> `GitHub`).
    pub(super) fn apply(self, word: &str) -> String {
        match self {
            Casing::Lower | Casing::Mixed => word.to_owned(),
            Casing::Upper => word.to_ascii_uppercase(),
            Casing::Title => {
                let mut out = String::with_capacity(word.len());
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                }
                out.push_str(chars.as_str());
                out
            }
        }
    }
}

/// A word normalised for lookup: on the stack when it is ASCII (after
/// curly apostrophes and Unicode hyphens are made ASCII) and short, else
/// on the heap with accents folded (`café` -> `cafe`, as SCOWL spells it).
pub(super) enum Normal {
    Stack([u8; STACK], usize),
    Heap(Vec<u8>),
}

impl Normal {
    /// None when the word has letters no English dictionary word has
    /// (`straße`, `日本`): nothing to look up.
    pub(super) fn of(word: &str) -> Option<Normal> {
        let mut buf = [0u8; STACK];
        let mut len = 0;
        for c in word.chars() {
            let b = match c {
                c if c.is_ascii() => c as u8,
                // Typographic apostrophes: `don’t` is `don't`.
                '\u{2019}' | '\u{02BC}' => b'\'',
                // Unicode hyphens, including the non-breaking one.
                '\u{2010}' | '\u{2011}' => b'-',
                _ => return Normal::folded(word),
            };
            if len == STACK {
                return Normal::folded(word);
            }
            buf[len] = b;
            len += 1;
        }
        Some(Normal::Stack(buf, len))
    }

    /// The slow path: decompose, drop combining marks, and give up if
    /// anything non-ASCII is left.
    fn folded(word: &str) -> Option<Normal> {
        let mut out = Vec::with_capacity(word.len());
        for c in word.nfd() {
            match c {
                c if c.is_ascii() => out.push(c as u8),
                '\u{2019}' | '\u{02BC}' => out.push(b'\''),
                '\u{2010}' | '\u{2011}' => out.push(b'-'),
                '\u{0300}'..='\u{036F}' => {}
                _ => return None,
            }
        }
        Some(Normal::Heap(out))
    }

    pub(super) fn bytes(&self) -> &[u8] {
        match self {
            Normal::Stack(buf, len) => &buf[..*len],
            Normal::Heap(v) => v,
        }
    }
}

/// Calls `f` with `word` in ASCII lowercase, on the stack when it fits.
pub(super) fn with_lower<T>(word: &[u8], f: impl FnOnce(&[u8]) -> T) -> T {
    with_edited(word, <[u8]>::make_ascii_lowercase, f)
}

/// Calls `f` with `word`'s first byte lowercased (`IPad` -> `iPad`: a
/// word that starts small may be capitalised at a sentence start).
pub(super) fn with_first_lower<T>(word: &[u8], f: impl FnOnce(&[u8]) -> T) -> T {
    with_edited(
        word,
        |w| {
            if let Some(b) = w.first_mut() {
                b.make_ascii_lowercase();
            }
        },
        f,
    )
}

/// A copy of `word`, edited, on the stack when it fits.
fn with_edited<T>(word: &[u8], edit: impl FnOnce(&mut [u8]), f: impl FnOnce(&[u8]) -> T) -> T {
    let mut buf = [0u8; STACK];
    let mut heap = Vec::new();
    let copy: &mut [u8] = if word.len() <= STACK {
        &mut buf[..word.len()]
    } else {
        heap.resize(word.len(), 0);
        &mut heap
    };
    copy.copy_from_slice(word);
    edit(copy);
    f(copy)
}

/// Numbers and ordinals, which Hunspell accepts by rule rather than by
/// listing (`1,234`, `3.5`, `21st`, `112th`), plus decades (`1990s`,
/// `80's`), which it does not but English does.
pub(super) fn is_number(word: &[u8]) -> bool {
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return false;
    }
    let rest = &word[digits..];
    if rest.is_empty() {
        return true;
    }
    // 1,234.5 and 1-2: single separators between digits.
    if rest
        .iter()
        .all(|b| b.is_ascii_digit() || b",.-".contains(b))
        && rest.last().is_some_and(u8::is_ascii_digit)
        && !rest
            .windows(2)
            .any(|w| !w[0].is_ascii_digit() && !w[1].is_ascii_digit())
    {
        return true;
    }
    let number = &word[..digits];
    let mut suffix = [0u8; 3];
    if rest.len() > suffix.len() {
        return false;
    }
    suffix[..rest.len()].copy_from_slice(rest);
    suffix.make_ascii_lowercase();
    let suffix = &suffix[..rest.len()];
    if suffix == b"s" || suffix == b"'s" {
        return true;
    }
    // SCOWL's COMPOUNDRULEs: 11th-13th (…1[0-9]th), else 1st 2nd 3rd, [04-9]th.
    let last = number[number.len() - 1];
    let teen = number.len() >= 2 && number[number.len() - 2] == b'1';
    match suffix {
        b"th" => teen || !matches!(last, b'1' | b'2' | b'3'),
        b"st" => !teen && last == b'1',
        b"nd" => !teen && last == b'2',
        b"rd" => !teen && last == b'3',
        _ => false,
    }
}
