//! Bytes to text: a file or stdin read whole, refused with a message that
//! says what to do when it is too big, binary or not UTF-8.

use std::io::Read;
use std::path::Path;

/// Largest file we read: posts are small; this bounds memory on a stray
/// dump or binary.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Reads a file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    decode(bytes)
}

/// Reads standard input whole, with the same limit as a file.
pub fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read stdin: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    decode(bytes)
}

fn too_big(len: u64) -> String {
    format!(
        "file is {} MB; postlint reads posts up to {} MB (exclude it in postlint.toml)",
        len >> 20,
        MAX_FILE_BYTES >> 20
    )
}

pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("looks like a binary file, not text".to_owned());
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}
