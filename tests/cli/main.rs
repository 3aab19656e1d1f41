//! End-to-end tests of the `postlint` binary: real files, real processes,
//! the exit codes and outputs users and scripts rely on (see README.md).
//!
//! Every run passes `--color never` (except the colour tests) and sets its
//! working directory. Runs on the repository's `examples/` use the repo root
//! as working directory, relative paths (stable output) and
//! `--config tests/fixtures/empty.toml` (no stray config can interfere).
//! Everything else runs in a fresh temporary folder.

mod channel_examples;
mod checklists;
mod ci;
mod colour;
mod company;
mod config;
mod dictionaries;
mod ergonomics;
mod expected;
mod fix;
mod formats;
mod formats_ci;
mod hostile;
mod inputs;
mod jargon;
mod json;
mod languages;
mod platforms;
mod readable;
mod scheduler_formats;
mod scoring;
mod selftest;
mod stats;
mod strategy;
mod subcommands;
mod suppress;
mod threads_and_channels;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub const PASSED: i32 = 0;
pub const FAILED: i32 = 1;
pub const ERROR: i32 = 2;

/// The repository root (where `examples/` lives).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    /// Fails with the whole run in the message unless the exit code is `code`.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "unexpected exit code in {self:#?}");
        self
    }

    /// Fails unless stderr holds every one of `parts`.
    #[track_caller]
    pub fn stderr_has(&self, parts: &[&str]) -> &Self {
        for part in parts {
            assert!(
                self.stderr.contains(part),
                "stderr lacks {part:?}:\n{}",
                self.stderr
            );
        }
        self
    }

    /// stdout parsed as the JSON report.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// The binary, with a clean colour environment.
pub fn bin(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("postlint").expect("the postlint binary is built");
    cmd.current_dir(cwd)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// Runs `cmd`; a crash (signal, panic, exit 101) fails the test whatever
/// the caller expected.
#[track_caller]
pub fn run(cmd: &mut Command) -> Out {
    let output = cmd.output().expect("postlint runs");
    let out = Out {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        (0..=2).contains(&out.code) && !out.stderr.contains("panicked"),
        "postlint crashed: {out:#?}"
    );
    out
}

/// `postlint --color never ARGS` run in `cwd`.
#[track_caller]
pub fn postlint(args: &[&str], cwd: &Path) -> Out {
    run(bin(cwd).args(["--color", "never"]).args(args))
}

/// The same, with `stdin` piped in.
#[track_caller]
pub fn postlint_stdin(args: &[&str], cwd: &Path, stdin: &str) -> Out {
    run(bin(cwd)
        .args(["--color", "never"])
        .args(args)
        .write_stdin(stdin.to_owned()))
}

/// `postlint --color never --config tests/fixtures/empty.toml ARGS` from the
/// repository root, for runs on `examples/`.
#[track_caller]
pub fn in_repo(args: &[&str]) -> Out {
    run(bin(repo())
        .args(["--color", "never", "--config", "tests/fixtures/empty.toml"])
        .args(args))
}

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Writes `contents` to `dir/rel`, creating folders; returns the path.
pub fn write(dir: &Path, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(&path, contents).expect("write file");
    path
}

/// Copies `examples/NAME` into `dir/rel`.
pub fn copy_example(name: &str, dir: &Path, rel: &str) -> PathBuf {
    let bytes = std::fs::read(repo().join("examples").join(name)).expect("read example");
    write(dir, rel, bytes)
}

/// The `posts` of `files[file]`.
#[track_caller]
pub fn posts(report: &Value, file: usize) -> &Vec<Value> {
    report["files"][file]["posts"]
        .as_array()
        .unwrap_or_else(|| panic!("no posts for file {file} in {report:#}"))
}

/// Every finding of the report, all files and posts, in report order.
pub fn all_findings(report: &Value) -> Vec<&Value> {
    report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["posts"].as_array().into_iter().flatten())
        .flat_map(|p| p["findings"].as_array().into_iter().flatten())
        .collect()
}

/// The findings of `rule` in the report.
pub fn findings_of<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    all_findings(report)
        .into_iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

/// The rule ids of the report's findings, in order.
pub fn rule_ids(report: &Value) -> Vec<String> {
    all_findings(report)
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// `files[].path` of the report.
pub fn paths(report: &Value) -> Vec<String> {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_owned())
        .collect()
}

/// `(line, column)` of a finding.
pub fn at(finding: &Value) -> (u64, u64) {
    (
        finding["line"].as_u64().expect("line"),
        finding["column"].as_u64().expect("column"),
    )
}
