//! Which files to check: named files as given, folders walked honouring
//! `.gitignore` and hidden files, keeping only post files, minus what the
//! caller excludes (the config's `exclude`). Sorted, so output order never
//! depends on the disk.

use std::path::{Path, PathBuf};

use crate::input::document::Syntax;

/// Extensions of files a folder walk picks up.
pub fn post_extensions() -> impl Iterator<Item = &'static str> {
    Syntax::MARKDOWN_EXTENSIONS
        .iter()
        .chain(Syntax::PLAIN_EXTENSIONS)
        .copied()
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

/// Expands `paths` into inputs; a path that does not exist is an error
/// message (the run goes on with the others). `excluded` applies to walked
/// folders only: a file named explicitly is checked.
pub fn inputs(paths: &[PathBuf], excluded: &dyn Fn(&Path) -> bool) -> (Vec<Input>, Vec<String>) {
    inputs_with(paths, excluded, false)
}

/// [`inputs`], with `force_exclude`: `excluded` applies to explicitly named
/// files too (`--force-exclude`, for pre-commit, which passes every staged
/// file by name). An excluded named file is skipped silently, as in a walk.
pub fn inputs_with(
    paths: &[PathBuf],
    excluded: &dyn Fn(&Path) -> bool,
    force_exclude: bool,
) -> (Vec<Input>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut stdin = false;
    for path in paths {
        if path.as_os_str() == "-" {
            stdin = true;
        } else if path.is_file() {
            if !(force_exclude && excluded(path)) {
                files.push(clean(path));
            }
        } else if path.is_dir() {
            walk(path, excluded, &mut files, &mut errors);
        } else {
            errors.push(not_a_post(path));
        }
    }
    files.sort();
    files.dedup();
    let mut out: Vec<Input> = Vec::with_capacity(files.len() + 1);
    if stdin {
        out.push(Input::Stdin);
    }
    out.extend(files.into_iter().map(Input::File));
    (out, errors)
}

fn walk(
    dir: &Path,
    excluded: &dyn Fn(&Path) -> bool,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<String>,
) {
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(true)
        .require_git(false)
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let path = e.path();
                if e.file_type().is_some_and(|t| t.is_file())
                    && is_post_file(path)
                    && !excluded(path)
                {
                    files.push(clean(path));
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
}

/// Why a named path is neither a file nor a folder: missing, or what the
/// system says (a symlink loop, a socket, a folder it may not look into).
fn not_a_post(path: &Path) -> String {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            format!("{}: no such file or folder", path.display())
        }
        Err(e) => format!("{}: cannot read: {e}", path.display()),
        Ok(_) => format!(
            "{}: not a file or a folder (a device, socket or pipe); name post files or folders",
            path.display()
        ),
    }
}

/// Whether a walk would pick up this file by its extension.
pub fn is_post_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| post_extensions().any(|x| x.eq_ignore_ascii_case(e)))
}

/// `./a/b.md` -> `a/b.md`, as users write paths.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix("./").unwrap_or(path).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_loop_named_on_the_command_line_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let (found, errors) = inputs(std::slice::from_ref(&a), &|_| false);
        assert!(found.is_empty());
        assert!(
            errors.len() == 1
                && errors[0].contains("a.md: cannot read: Too many levels of symbolic links"),
            "{errors:?}"
        );
        let missing = dir.path().join("missing.md");
        let (_, errors) = inputs(&[missing], &|_| false);
        assert!(
            errors[0].ends_with("missing.md: no such file or folder"),
            "{errors:?}"
        );
    }

    #[test]
    fn force_exclude_applies_the_exclusion_to_named_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("old.md");
        std::fs::write(&file, "text").unwrap();
        let excluded = |p: &Path| p.ends_with("old.md");
        let (named, _) = inputs(std::slice::from_ref(&file), &excluded);
        assert_eq!(named.len(), 1, "named files are checked by default");
        let (forced, errors) = inputs_with(&[file], &excluded, true);
        assert!(forced.is_empty() && errors.is_empty());
    }
}
