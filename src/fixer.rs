//! `--fix` and `--diff` for one file: check, apply the fixes of the
//! findings that are reported, check the new text again, until nothing is
//! left to fix; then write the file (atomically, and only if it did not
//! change since it was read), or print it (stdin), or a diff of it.
//!
//! The caller gives the check: a closure from text to the file's outcome
//! *after* its filters (`--baseline`, `--changed-lines`), so a finding the
//! report drops is never fixed. The outcome kept is always the check of
//! the final text: what the report shows is what is left.

use std::io;
use std::path::Path;

use crate::fix::{self, Applicability, Fix};
use crate::input::document::Problem;
use crate::outcome::{FileOutcome, Fixed};

/// Passes over one file before its fixes are said not to settle. Ruff
/// stops at 100; prose fixes (a word for a word) settle in two or three.
pub const MAX_PASSES: usize = 10;

/// What to do with the fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `--fix`: write them.
    Fix,
    /// `--diff`: print a unified diff of them; write nothing.
    Diff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub mode: Mode,
    /// `--review-fixes`: `Review` fixes too, not only `Safe` ones.
    pub review: bool,
}

impl Plan {
    pub fn takes(self, applicability: Applicability) -> bool {
        applicability == Applicability::Safe || self.review
    }
}

/// The fixes `plan` takes from `file`'s findings, in report order. A file
/// checked for several channels lists a text finding once per channel:
/// [`fix::apply_counted`] applies such a fix once.
pub fn fixes_of(file: &FileOutcome, plan: Plan) -> Vec<Fix> {
    file.posts
        .iter()
        .flat_map(|p| &p.findings)
        .filter_map(|f| f.fix.as_ref())
        .filter(|x| plan.takes(x.applicability))
        .cloned()
        .collect()
}

/// The fix loop's result: the check of the final text (with the caller's
/// extra `X`), the text as first read when the fixes changed it, and how
/// many fixes were applied.
pub struct Stable<X> {
    pub checked: (FileOutcome, X),
    /// `Some` when the final text differs from the first.
    pub original: Option<String>,
    pub count: usize,
    /// `false`: after [`MAX_PASSES`] passes there was still something to
    /// fix; `checked` is then the text after those passes.
    pub converged: bool,
}

/// Applies `plan`'s fixes to `first`'s text and checks again, until a
/// check leaves nothing to fix (or changes nothing), at most
/// [`MAX_PASSES`] times. Overlapping fixes: the first by position is
/// taken, the others wait for the next pass (found again on the new text).
pub fn until_stable<X>(
    first: (FileOutcome, X),
    plan: Plan,
    mut check: impl FnMut(String) -> (FileOutcome, X),
) -> Stable<X> {
    let mut current = first;
    let mut original = None;
    let mut count = 0;
    let mut pass = 0;
    let converged = loop {
        let fixes = fixes_of(&current.0, plan);
        if fixes.is_empty() {
            break true;
        }
        let applied = fix::apply_counted(&current.0.source, &fixes);
        if applied.text == current.0.source {
            break true;
        }
        if pass == MAX_PASSES {
            break false;
        }
        pass += 1;
        count += applied.applied;
        if original.is_none() {
            original = Some(current.0.source.clone());
        }
        current = check(applied.text);
    };
    let original = original.filter(|o| *o != current.0.source);
    Stable {
        checked: current,
        original,
        count,
        converged,
    }
}

/// What fixing one file gave: its outcome (with `fixed` set), and the
/// text for stdout: the fixed text of stdin with `--fix`, a diff with
/// `--diff` (`None` when there is nothing to print).
pub struct Done<X> {
    pub checked: (FileOutcome, X),
    pub stdout: Option<String>,
}

/// The message for a file that changed between reading and writing.
pub const CHANGED_ON_DISK: &str =
    "changed on disk since it was read: left alone, no fix written (run postlint again)";

/// Fixes one file: `path` is the file to write (`None`: stdin, whose
/// fixed text goes to stdout); `first` its first check; `check` checks a
/// text of it. `colour`: a coloured diff.
pub fn fix_file<X>(
    plan: Plan,
    path: Option<&Path>,
    first: (FileOutcome, X),
    mut check: impl FnMut(String) -> (FileOutcome, X),
    colour: bool,
) -> Done<X> {
    let dry_run = plan.mode == Mode::Diff;
    let stable = until_stable(first, plan, &mut check);
    let (mut file, mut extra) = stable.checked;
    let fixed = |count| Some(Fixed { count, dry_run });
    if !stable.converged {
        // The fixes undo each other: write nothing, report the text as it
        // is, and say so.
        let message = format!(
            "fixes did not settle after {MAX_PASSES} passes (one rule's fix undoes another's): left unfixed; please report this"
        );
        let original = stable.original.unwrap_or(file.source);
        (file, extra) = check(original);
        file.problems.push(Problem::unlocated(message));
        file.fixed = fixed(0);
        let stdout = (path.is_none() && !dry_run).then(|| file.source.clone());
        return Done {
            checked: (file, extra),
            stdout,
        };
    }
    file.fixed = fixed(stable.count);
    let stdout = match (plan.mode, path, stable.original) {
        (Mode::Diff, _, Some(original)) => Some(crate::diff::unified(
            &file.path,
            &original,
            &file.source,
            colour,
        )),
        (Mode::Diff, _, None) => None,
        (Mode::Fix, None, _) => Some(file.source.clone()),
        (Mode::Fix, Some(_), None) => None,
        (Mode::Fix, Some(path), Some(original)) => {
            if let Err(message) = write_fixed(path, &original, &file.source) {
                (file, extra) = check(original);
                file.problems.push(Problem::unlocated(message));
                file.fixed = fixed(0);
            }
            None
        }
    };
    Done {
        checked: (file, extra),
        stdout,
    }
}

/// Writes `fixed` over `path` atomically, unless the file no longer holds
/// `original` (the bytes it was read as), compared just before the rename.
/// Line endings and a byte order mark are in both texts (fixes never touch
/// them); the file's permissions are kept.
pub fn write_fixed(path: &Path, original: &str, fixed: &str) -> Result<(), String> {
    let mut changed = false;
    crate::write::write_atomically_with(path, fixed.as_bytes(), |_| {
        if std::fs::read(path)? == original.as_bytes() {
            Ok(())
        } else {
            changed = true;
            Err(io::Error::other(CHANGED_ON_DISK))
        }
    })
    .map_err(|e| {
        if changed {
            CHANGED_ON_DISK.to_owned()
        } else {
            format!("cannot write the fixes: {e}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use std::sync::OnceLock;

    fn engine() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| Engine::built_in().expect("built-in checklists load"))
    }

    const FIX: Plan = Plan {
        mode: Mode::Fix,
        review: false,
    };

    fn check(text: &str) -> (FileOutcome, ()) {
        (engine().check_source(None, "t".into(), text.into()), ())
    }

    #[test]
    fn a_doubled_word_and_a_typo_are_fixed_and_the_text_rechecked() {
        let text = "We shipped the the new release. It is definately faster.\n";
        let stable = until_stable(check(text), FIX, |t| check(&t));
        assert!(stable.converged);
        assert_eq!(
            stable.checked.0.source,
            "We shipped the new release. It is definitely faster.\n"
        );
        assert_eq!(stable.count, 2);
        assert_eq!(stable.original.as_deref(), Some(text));
        assert!(fixes_of(&stable.checked.0, FIX).is_empty());
    }

    #[test]
    fn nothing_to_fix_changes_nothing() {
        let stable = until_stable(check("A plain post.\n"), FIX, |t| check(&t));
        assert!(stable.converged && stable.original.is_none());
        assert_eq!(stable.count, 0);
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("post.md");
        std::fs::write(&path, "the the\n").unwrap();
        // Someone saves the file after postlint read it.
        std::fs::write(&path, "the the end\n").unwrap();
        let err = write_fixed(&path, "the the\n", "the\n").unwrap_err();
        assert_eq!(err, CHANGED_ON_DISK);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "the the end\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_fixed(&path, "the the end\n", "the end\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "the end\n");
    }

    #[test]
    fn a_file_saved_while_it_was_fixed_is_reported_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("post.txt");
        let text = "We shipped the the new release.\n";
        std::fs::write(&path, text).unwrap();
        let first = check(text);
        let mut saved = false;
        let done = fix_file(
            FIX,
            Some(&path),
            first,
            |t| {
                // The writer saves the file while postlint re-checks.
                if !saved {
                    std::fs::write(&path, "We shipped it.\n").unwrap();
                    saved = true;
                }
                check(&t)
            },
            false,
        );
        let file = &done.checked.0;
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "We shipped it.\n");
        assert_eq!(file.source, text, "the report is of the text as read");
        assert_eq!(file.problems.len(), 1);
        assert_eq!(file.problems[0].message, CHANGED_ON_DISK);
        assert_eq!(file.fixed.map(|f| f.count), Some(0));
        assert!(done.stdout.is_none());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file"
        );
    }

    #[test]
    fn fixes_that_undo_each_other_are_reported_not_written() {
        // A check whose fix never settles: every text gets one more "!".
        let mut n = 0;
        let bang = |text: String| {
            let mut out = engine().check_source(None, "loop.txt".into(), text);
            let end = out.source.len();
            if let Some(post) = out.posts.first_mut()
                && let Some(f) = post.findings.first_mut()
            {
                f.fix = Some(Fix::replace(
                    crate::span::Span::new(end, end),
                    "!",
                    Applicability::Safe,
                ));
            }
            (out, ())
        };
        let first = bang("Its the the end".into());
        assert!(
            !first.0.posts[0].findings.is_empty(),
            "a finding to hang the fix on"
        );
        let done = fix_file(
            FIX,
            None,
            first,
            |t| {
                n += 1;
                bang(t)
            },
            false,
        );
        let file = &done.checked.0;
        assert_eq!(file.source, "Its the the end", "reported as it was");
        assert!(
            file.problems[0]
                .message
                .contains("did not settle after 10 passes")
        );
        assert_eq!(done.stdout.as_deref(), Some("Its the the end"));
        assert_eq!(
            n,
            MAX_PASSES + 1,
            "ten passes, then the original checked again"
        );
    }
}
