//! What a new user trips on first (issue 11): `--checklist` in a project
//! made by `init`, files that cannot be checked, UTF-16, the file size
//! limit, the terminal width, completions, the man page, stdin's name.

use unicode_width::UnicodeWidthStr;

use super::*;

const MISSPELT: &str = "---\nchannel: linkedin\n---\nWe shipped teh new dashboard today.\n";

fn init_project() -> tempfile::TempDir {
    let dir = temp_dir();
    postlint(&["init"], dir.path()).code(PASSED);
    write(dir.path(), "post.md", MISSPELT);
    dir
}

fn checklists_of_findings(report: &Value) -> Vec<String> {
    let mut ids: Vec<String> = all_findings(report)
        .iter()
        .map(|f| f["checklist"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn a_built_in_checklist_named_on_the_command_line_runs_in_an_init_project() {
    let dir = init_project();
    let d = dir.path();
    // The starter config sets `[rules."readable.sentence-too-long"]`; it
    // must not stop `--checklist correct` from loading.
    let out = postlint(
        &[
            "check",
            "--checklist",
            "correct",
            "post.md",
            "--format",
            "json",
        ],
        d,
    );
    assert_ne!(out.code, ERROR, "{}", out.stderr);
    let report = out.json();
    assert_eq!(checklists_of_findings(&report), ["correct"]);
    assert!(rule_ids(&report).contains(&"correct.misspelling".to_owned()));

    // The config's own checklist named again is loaded once, and selected.
    let out = postlint(
        &[
            "check",
            "--checklist",
            "correct,brand.toml",
            "post.md",
            "--format",
            "json",
        ],
        d,
    );
    assert_ne!(out.code, ERROR, "{}", out.stderr);
    assert_eq!(checklists_of_findings(&out.json()), ["correct"]);

    // Front matter cannot widen what the command line selected.
    write(
        d,
        "post.md",
        "---\nchannel: linkedin\nchecklists: [readable, strategy]\n---\nWe shipped teh new dashboard today!!!\n",
    );
    let out = postlint(
        &[
            "check",
            "--checklist",
            "correct",
            "post.md",
            "--format",
            "json",
        ],
        d,
    );
    assert_eq!(checklists_of_findings(&out.json()), ["correct"]);

    // `rules` lists what `--checklist` selected.
    let out = postlint(&["--checklist", "correct", "rules"], d);
    out.code(PASSED);
    assert!(out.stdout.contains("correct.misspelling"), "{}", out.stdout);
    assert!(!out.stdout.contains("readable.sentence-too-long"));

    // A typo is still an error with a hint.
    let out = postlint(&["check", "--checklist", "corect", "post.md"], d);
    out.code(ERROR);
    out.stderr_has(&["corect", "did you mean the built-in `correct`?"]);
}

#[test]
fn a_file_that_cannot_be_checked_is_in_the_report_and_never_all_passed() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "good.txt", "Our team shipped the new dashboard today.\n");
    write(d, "image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    for args in [
        &["check", "good.txt", "image.md"][..],
        &["check", "good.txt", "missing.md"][..],
    ] {
        let out = postlint(args, d);
        out.code(ERROR);
        assert!(!out.stdout.contains("all passed"), "{}", out.stdout);
        assert!(out.stdout.contains("1 problem"), "{}", out.stdout);
        let named = if args.contains(&"image.md") {
            "error: image.md: looks like a binary file"
        } else {
            "error: missing.md: no such file or folder"
        };
        assert!(out.stdout.contains(named), "{named} in:\n{}", out.stdout);
        out.stderr_has(&[named]);
    }

    let out = postlint(&["check", "good.txt", "image.md", "--format", "compact"], d);
    out.code(ERROR);
    assert!(
        out.stdout
            .contains("image.md:1:1: problem: looks like a binary file"),
        "{}",
        out.stdout
    );

    let out = postlint(&["check", "good.txt", "image.md", "--format", "json"], d);
    out.code(ERROR);
    let report = out.json();
    assert_eq!(report["summary"]["problems"], 1);
    assert_eq!(report["summary"]["failed"], 0);
    let image = &report["files"][1];
    assert_eq!(image["path"], "image.md");
    assert!(
        image["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("binary")
    );
}

#[test]
fn a_config_error_with_format_json_prints_a_json_object() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "postlint.toml", "chanel = \"x\"\n");
    write(d, "post.txt", "Hello.\n");
    let out = postlint(&["check", "post.txt", "--format", "json"], d);
    out.code(ERROR);
    let report = out.json();
    assert_eq!(report["version"], 1);
    assert_eq!(report["files"], serde_json::json!([]));
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    let message = errors[0].as_str().unwrap();
    assert!(
        message.starts_with("postlint.toml:1:1") && message.contains("chanel"),
        "{message}"
    );
    assert_eq!(report["summary"]["problems"], 1);
    out.stderr_has(&["chanel"]);
    // Other formats print nothing on stdout, as before.
    let out = postlint(&["check", "post.txt"], d);
    out.code(ERROR);
    assert_eq!(out.stdout, "");
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes
}

#[test]
fn a_utf16_file_is_refused_with_how_to_convert_it() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "notepad.txt", utf16le("Saved by Notepad.\r\n"));
    let out = postlint(&["check", "notepad.txt"], d);
    out.code(ERROR);
    assert!(!out.stdout.contains("binary"), "{}", out.stdout);
    out.stderr_has(&["notepad.txt", "UTF-16", "iconv -f UTF-16 -t UTF-8"]);
    let out = postlint(&["stats", "notepad.txt"], d);
    out.code(ERROR);
    out.stderr_has(&["UTF-16"]);
}

#[test]
fn max_file_size_is_configurable() {
    let dir = temp_dir();
    let d = dir.path();
    let text = "Our team shipped the new dashboard today. ".repeat(40);
    assert!(text.len() > 1024 && text.len() < 2048);
    write(d, "post.txt", &text);
    write(d, "postlint.toml", "max_file_size = \"1KB\"\n");
    let out = postlint(&["check", "post.txt"], d);
    out.code(ERROR);
    out.stderr_has(&["post.txt", "up to 1 KB", "max_file_size"]);
    // stdin has the same limit.
    let out = postlint_stdin(&["check", "-"], d, &text);
    out.code(ERROR);
    out.stderr_has(&["over 1 KB"]);

    write(d, "postlint.toml", "max_file_size = 4096\n");
    let out = postlint(&["check", "post.txt"], d);
    assert_ne!(out.code, ERROR, "{}", out.stderr);

    for (bad, says) in [
        ("\"12XB\"", "unknown size unit"),
        ("0", "more than 0"),
        ("\"lots\"", "is not a size"),
    ] {
        write(d, "postlint.toml", format!("max_file_size = {bad}\n"));
        let out = postlint(&["check", "post.txt"], d);
        out.code(ERROR);
        out.stderr_has(&["postlint.toml:1:17", says, "\"16MB\""]);
    }
}

#[test]
fn pretty_output_fits_the_width_asked_for() {
    for width in [60, 80] {
        let w = width.to_string();
        let out = in_repo(&["check", "examples/", "--width", &w]);
        out.code(FAILED);
        for line in out.stdout.lines() {
            // A file's location is never cut.
            if line.trim_start().starts_with("-->") {
                continue;
            }
            assert!(
                line.width() <= width,
                "{} columns at --width {width}: {line}",
                line.width()
            );
        }
    }
    // Not a terminal and no --width: long lines are left whole.
    let out = in_repo(&["check", "examples/linkedin-launch.md"]);
    assert!(out.stdout.lines().any(|l| l.width() > 120));
    let out = in_repo(&["check", "examples/linkedin-launch.md", "--width", "10"]);
    out.code(ERROR);
    out.stderr_has(&["--width", "at least 40"]);
}

#[test]
fn completions_for_each_shell() {
    let dir = temp_dir();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = postlint(&["completions", shell], dir.path());
        out.code(PASSED);
        assert!(out.stdout.contains("postlint"), "{shell}");
        assert!(out.stdout.contains("stdin-filename"), "{shell}");
    }
    let out = postlint(&["completions", "tcsh"], dir.path());
    out.code(ERROR);
}

#[test]
fn the_committed_man_page_is_current() {
    let out = in_repo(&["man"]);
    out.code(PASSED);
    assert!(out.stdout.contains(".TH postlint 1"));
    let committed = std::fs::read_to_string(repo().join("docs/postlint.1")).unwrap();
    assert!(
        out.stdout == committed,
        "docs/postlint.1 is out of date: run `cargo run -- man > docs/postlint.1`"
    );
}

#[test]
fn stdin_filename_gives_stdin_the_config_path_rules() {
    let dir = temp_dir();
    let d = dir.path();
    write(
        d,
        "postlint.toml",
        "[[overrides]]\npaths = [\"social/x/**\"]\nchannel = \"x\"\n",
    );
    let long = "Our team shipped the new dashboard today. ".repeat(8);
    let out = postlint_stdin(
        &[
            "check",
            "-",
            "--stdin-filename",
            "social/x/launch.txt",
            "--format",
            "json",
        ],
        d,
        &long,
    );
    out.code(FAILED);
    let report = out.json();
    assert_eq!(report["files"][0]["path"], "social/x/launch.txt");
    assert_eq!(posts(&report, 0)[0]["channel"], "x");
    assert!(rule_ids(&report).contains(&"channel.too-long".to_owned()));

    // Without it, stdin is `-` and matches no override.
    let out = postlint_stdin(&["check", "-", "--format", "json"], d, &long);
    let report = out.json();
    assert_eq!(report["files"][0]["path"], "-");
    assert_eq!(posts(&report, 0)[0]["channel"], "generic");

    // Syntax by extension: Markdown code is not prose.
    let md = "Plain words here.\n\n```\nteh teh teh\n```\n";
    let out = postlint_stdin(
        &[
            "check",
            "-",
            "--stdin-filename",
            "notes.md",
            "--format",
            "json",
        ],
        d,
        md,
    );
    assert!(!rule_ids(&out.json()).contains(&"correct.misspelling".to_owned()));
}
