//! `--color always|never|auto` and NO_COLOR.

use super::*;

const ESC: char = '\u{1b}';

fn with_colour(colour: &str, no_color: Option<&str>) -> Out {
    let mut cmd = bin(repo());
    cmd.args([
        "--color",
        colour,
        "--config",
        "tests/fixtures/empty.toml",
        "check",
        "examples/linkedin-launch.md",
    ]);
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    run(&mut cmd)
}

#[test]
fn always_paints() {
    let out = with_colour("always", None);
    out.code(FAILED);
    assert!(out.stdout.contains(ESC), "{}", out.stdout);
    assert!(out.stdout.contains("\u{1b}["));
}

#[test]
fn never_does_not() {
    let out = with_colour("never", None);
    out.code(FAILED);
    assert!(!out.stdout.contains(ESC));
    assert!(!out.stderr.contains(ESC));
}

#[test]
fn auto_respects_no_color_and_pipes() {
    for no_color in [Some("1"), None] {
        let out = with_colour("auto", no_color);
        out.code(FAILED);
        assert!(!out.stdout.contains(ESC), "NO_COLOR={no_color:?}");
    }
}

#[test]
fn colour_changes_nothing_but_escapes() {
    let painted = with_colour("always", None).stdout;
    let plain = with_colour("never", None).stdout;
    let mut stripped = String::new();
    let mut chars = painted.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            // CSI: ESC [ parameters final-byte
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            stripped.push(c);
        }
    }
    assert_eq!(stripped, plain);
}

#[test]
fn bad_colour_value_is_a_usage_error() {
    let out = run(bin(repo()).args(["--color", "sometimes", "rules"]));
    out.code(ERROR);
}
