//! The documents the editor has open: their text as the editor has it
//! (full sync: every change sends the whole text), their path on disk when
//! they have one, and the last check of that text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::Uri;

use crate::engine::Engine;
use crate::outcome::FileOutcome;

/// One open document.
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    /// `None` for a URI that is not a file (`untitled:`): checked as stdin
    /// is, with the working directory's config.
    pub path: Option<PathBuf>,
    /// Whether `text` changed (or its config) since it was last checked.
    pub stale: bool,
    /// The last check of `text`; `None` when there is none (not checked
    /// yet, the config did not load, not a post file).
    pub checked: Option<Checked>,
}

/// A document's text checked by the engine of its config.
pub struct Checked {
    pub engine: Arc<Engine>,
    pub outcome: FileOutcome,
}

/// Open documents by URI, in the order opened.
#[derive(Default)]
pub struct Documents {
    by_uri: HashMap<String, Document>,
}

impl Documents {
    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        let path = file_path(&uri);
        self.by_uri.insert(
            uri.as_str().to_owned(),
            Document {
                uri,
                version,
                text,
                path,
                stale: true,
                checked: None,
            },
        );
    }

    /// Replaces a document's text; false when it is not open.
    pub fn change(&mut self, uri: &Uri, version: i32, text: String) -> bool {
        match self.by_uri.get_mut(uri.as_str()) {
            Some(doc) => {
                doc.version = version;
                doc.text = text;
                doc.stale = true;
                true
            }
            None => false,
        }
    }

    pub fn close(&mut self, uri: &Uri) {
        self.by_uri.remove(uri.as_str());
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.by_uri.get(uri.as_str())
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.by_uri.get_mut(uri.as_str())
    }

    /// Every document is to be checked again (the config changed).
    pub fn mark_all_stale(&mut self) {
        for doc in self.by_uri.values_mut() {
            doc.stale = true;
        }
    }

    /// URIs of documents to check again, sorted.
    pub fn stale(&self) -> Vec<Uri> {
        let mut uris: Vec<&Document> = self.by_uri.values().filter(|d| d.stale).collect();
        uris.sort_by(|a, b| a.uri.as_str().cmp(b.uri.as_str()));
        uris.into_iter().map(|d| d.uri.clone()).collect()
    }
}

/// The local path of a `file:` URI, percent-decoded; `None` for other
/// schemes. `file:///C:/x` (Windows) becomes `C:/x`.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // An authority (`file://localhost/...`) before the path.
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    let windows_drive = decoded.len() > 2
        && decoded.as_bytes()[2] == b':'
        && decoded.as_bytes()[1].is_ascii_alphabetic();
    Some(PathBuf::from(if windows_drive {
        &decoded[1..]
    } else {
        &decoded[..]
    }))
}

/// The `file:` URI of an absolute path (tests, and clients that want one).
pub fn file_uri(path: &Path) -> Option<Uri> {
    let mut out = String::from("file://");
    let text = path.to_str()?.replace('\\', "/");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().ok()
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip() {
        let path = Path::new("/tmp/my posts/é 100%.md");
        let uri = file_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/my%20posts/%C3%A9%20100%25.md");
        assert_eq!(file_path(&uri).unwrap(), path);
        let local: Uri = "file://localhost/a/b.md".parse().unwrap();
        assert_eq!(file_path(&local).unwrap(), Path::new("/a/b.md"));
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(file_path(&untitled), None);
        let windows: Uri = "file:///c%3A/posts/a.md".parse().unwrap();
        assert_eq!(file_path(&windows).unwrap(), Path::new("c:/posts/a.md"));
    }
}
