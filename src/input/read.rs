//! Bytes to text: a file or stdin read whole, refused with a message that
//! says what to do when it is too big, binary, UTF-16 or not UTF-8.
//!
//! Text is never re-encoded: spans are byte offsets into the file as
//! stored, so a UTF-16 file is refused rather than converted (a fix written
//! back would otherwise change the file's encoding).

use std::io::Read;
use std::path::Path;

/// Largest file read unless `max_file_size` in postlint.toml says
/// otherwise: posts are small; this bounds memory on a stray dump or binary.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Reads a file as UTF-8 text, refusing files over `max` bytes.
pub fn read_text(path: &Path, max: u64) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.is_dir() {
        return Err("is a folder, not a file".to_owned());
    }
    if meta.len() > max {
        return Err(too_big(meta.len(), max));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    decode(bytes)
}

/// Reads standard input whole, with the same limit as a file.
pub fn read_stdin(max: u64) -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read stdin: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64, max));
    }
    decode(bytes)
}

/// A size as people read it: "16 MB", "512 KB", "900 bytes" (binary units,
/// as `max_file_size` reads them).
fn size(n: u64) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MB", n >> 20)
    } else if n >= 1 << 20 {
        format!("{:.1} MB", n as f64 / f64::from(1 << 20))
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!("{} KB", n >> 10)
    } else if n >= 1 << 10 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

fn too_big(len: u64, max: u64) -> String {
    // Stdin stops reading one byte past the limit: say "over".
    format!(
        "file is {}{}; postlint reads posts up to {} (raise `max_file_size` or exclude it in postlint.toml)",
        if len == max + 1 { "over " } else { "" },
        size(if len == max + 1 { max } else { len }),
        size(max)
    )
}

const UTF16_HINT: &str =
    "convert it to UTF-8 first, e.g. `iconv -f UTF-16 -t UTF-8 file > file.utf8`";

pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => {
            return Err(format!(
                "is UTF-16 (little-endian, with a byte order mark); postlint reads UTF-8: {UTF16_HINT}"
            ));
        }
        Some([0xFE, 0xFF]) => {
            return Err(format!(
                "is UTF-16 (big-endian, with a byte order mark); postlint reads UTF-8: {UTF16_HINT}"
            ));
        }
        _ => {}
    }
    if let Some(nul) = bytes.iter().take(8192).position(|&b| b == 0) {
        if looks_like_utf16(&bytes) {
            return Err(format!(
                "looks like UTF-16 without a byte order mark; postlint reads UTF-8: {UTF16_HINT}"
            ));
        }
        return Err(format!(
            "looks like a binary file, not text (a NUL byte at offset {nul}); postlint reads UTF-8 text: exclude the file in postlint.toml or remove the NUL bytes"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Text in UTF-16 without a BOM: mostly ASCII, so every other byte is 0
/// and the others are not.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192) & !1];
    if head.len() < 4 {
        return false;
    }
    let pairs = head.len() / 2;
    let zero_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    (odd * 10 >= pairs * 9 && even * 10 < pairs) || (even * 10 >= pairs * 9 && odd * 10 < pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        for u in text.encode_utf16() {
            out.extend(u.to_le_bytes());
        }
        out
    }

    #[test]
    fn utf16_is_named_with_how_to_convert() {
        let e = decode(utf16le("Hello world", true)).unwrap_err();
        assert!(
            e.contains("UTF-16") && e.contains("iconv -f UTF-16 -t UTF-8"),
            "{e}"
        );
        let mut be = vec![0xFE, 0xFF];
        for u in "Hi there".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert!(decode(be).unwrap_err().contains("big-endian"));
        let e = decode(utf16le("Hello world, no mark", false)).unwrap_err();
        assert!(e.contains("UTF-16 without a byte order mark"), "{e}");
    }

    #[test]
    fn binary_and_bad_utf8_keep_their_messages() {
        assert!(
            decode(vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3])
                .unwrap_err()
                .contains("binary")
        );
        // Where the NUL is, and what to do.
        let e = decode(b"Hello\x00 world".to_vec()).unwrap_err();
        assert!(
            e.contains("NUL byte at offset 5") && e.contains("exclude"),
            "{e}"
        );
        assert!(
            decode(b"caf\xe9".to_vec())
                .unwrap_err()
                .contains("offset 3")
        );
        assert_eq!(decode("\u{feff}a".into()).unwrap(), "\u{feff}a");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(16 << 20), "16 MB");
        assert_eq!(size(1536), "1.5 KB");
        assert_eq!(size(100), "100 bytes");
        assert!(too_big(101, 100).contains("over 100 bytes"));
    }
}
