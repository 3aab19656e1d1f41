//! Writing files safely: only `--fix` and `init` write, and they write a
//! temporary file beside the target and rename it over, so a crash never
//! leaves a half-written post. Permissions of an existing file are kept.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The temporary file beside `path` that is renamed over it.
fn temporary(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("postlint");
    dir.join(format!(".{name}.postlint-{}.tmp", std::process::id()))
}

/// Writes `bytes` to `path` through a temporary file beside it: written,
/// synced, given `path`'s permissions, renamed over it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, bytes, |_| Ok(()))
}

/// [`write_atomically`], calling `before_rename` with the temporary file
/// once it is written and synced, just before the rename. An error from it
/// stops the write: the temporary file is removed, `path` is untouched.
/// `--fix` checks there that the file did not change since it was read.
pub fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let tmp = temporary(path);
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        before_rename(&tmp)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A file written as a stream (a report) and renamed over `path` only by
/// [`AtomicFile::commit`]; dropped without it, the temporary file is
/// removed and `path` is untouched.
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    pub fn create(path: &Path) -> io::Result<Self> {
        let tmp = temporary(path);
        let file = std::fs::File::create(&tmp)?;
        Ok(Self {
            path: path.to_owned(),
            tmp,
            file: Some(io::BufWriter::new(file)),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn commit(mut self) -> io::Result<()> {
        let file = self.file.take().expect("committed once");
        let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(&self.path) {
            std::fs::set_permissions(&self.tmp, meta.permissions())?;
        }
        std::fs::rename(&self.tmp, &self.path)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.as_mut().expect("open until committed").write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.as_mut().expect("open until committed").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_streamed_file_appears_only_when_committed() {
        let dir = std::env::temp_dir().join(format!("postlint-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("report.txt");
        std::fs::write(&path, "old").unwrap();
        let mut f = AtomicFile::create(&path).unwrap();
        f.write_all(b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        drop(f);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "old",
            "dropped: untouched"
        );
        let mut f = AtomicFile::create(&path).unwrap();
        f.write_all(b"new").unwrap();
        f.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_file_and_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("postlint-write-fail-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("post.md");
        std::fs::write(&path, "original\r\n").unwrap();
        let mut seen = None;
        let err = write_atomically_with(&path, b"fixed\r\n", |tmp| {
            // Written and synced, not yet renamed.
            assert_eq!(std::fs::read(tmp).unwrap(), b"fixed\r\n");
            seen = Some(tmp.to_owned());
            Err(io::Error::other("injected"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "injected");
        assert_eq!(std::fs::read(&path).unwrap(), b"original\r\n");
        assert!(!seen.unwrap().exists(), "the temporary file is removed");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        write_atomically_with(&path, b"fixed\r\n", |_| Ok(())).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"fixed\r\n");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("postlint-write-mode-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("post.md");
        std::fs::write(&path, "a").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"b").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
