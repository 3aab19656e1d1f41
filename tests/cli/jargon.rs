//! The team's jargon list (`[vocabulary] jargon`, `readable.jargon`): a
//! real project with a config, a jargon file and a post.

use super::*;

const CONFIG: &str = r#"
channel = "blog"
checklists = ["readable", "correct"]

[vocabulary]
jargon = ["vocab/jargon.txt"]
"#;

const JARGON: &str = "\
# Our jargon
ARR = annual recurring revenue
dogfooding = using our own product
Project Nimbus   # the new sync engine
north star metric\tthe one number we track
";

/// A project with the config and the jargon file.
fn project() -> tempfile::TempDir {
    let dir = temp_dir();
    write(dir.path(), "postlint.toml", CONFIG);
    write(dir.path(), "vocab/jargon.txt", JARGON);
    dir
}

#[test]
fn the_teams_terms_are_flagged_where_they_are_with_their_plain_words() {
    let dir = project();
    let d = dir.path();
    write(
        d,
        "post.md",
        "Our ARR grew, arr matey, thanks to dogfooding.\n\
         \n\
         Project Nimbus moves our north star\n\
         metric. Annual recurring revenue (ARR) is up, and ARR keeps growing.\n",
    );
    let out = postlint(&["check", "post.md", "--format", "json"], d);
    assert_ne!(out.code, ERROR, "{out:#?}");
    let report = out.json();
    let found = findings_of(&report, "readable.jargon");
    let got: Vec<((u64, u64), &str, Option<&str>)> = found
        .iter()
        .map(|f| {
            (
                at(f),
                f["message"].as_str().unwrap(),
                f["suggestion"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                (1, 5),
                "\"ARR\" may be jargon to your readers; explain it or say \"annual recurring revenue\".",
                Some("annual recurring revenue")
            ),
            (
                (1, 36),
                "\"dogfooding\" may be jargon to your readers; explain it or say \"using our own product\".",
                Some("using our own product")
            ),
            (
                (3, 1),
                "\"Project Nimbus\" may be jargon to your readers; explain it the first time you use it.",
                None
            ),
            (
                (3, 26),
                "\"north star metric\" may be jargon to your readers; explain it or say \"the one number we track\".",
                Some("the one number we track")
            ),
        ],
        "\"arr\" is not ARR; ARR is explained on line 4, so its later use is fine"
    );
    let north = found[3];
    assert_eq!(
        (north["end_line"].as_u64(), north["end_column"].as_u64()),
        (Some(4), Some(7))
    );
    let fix = &found[0]["fix"];
    assert_eq!(fix["replacement"], "annual recurring revenue");
    assert_eq!(fix["safe"], false, "a swap may change the meaning");
    assert!(
        found[2].get("fix").is_none_or(Value::is_null),
        "no plain words, no fix"
    );
    assert!(
        findings_of(&report, "correct.misspelling").is_empty(),
        "a term on the list is no misspelling: {:#?}",
        findings_of(&report, "correct.misspelling")
    );
}

#[test]
fn a_missing_jargon_file_is_an_error_naming_it() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "postlint.toml", CONFIG);
    write(d, "post.md", "Hello there.\n");
    postlint(&["check", "post.md"], d).code(ERROR).stderr_has(&[
        "postlint.toml:6:",
        "`jargon`",
        "vocab/jargon.txt",
    ]);
}

#[test]
fn a_bad_jargon_line_is_an_error_at_its_line() {
    let dir = project();
    let d = dir.path();
    write(d, "vocab/jargon.txt", "ARR\nsynergy =\n");
    write(d, "post.md", "Hello there.\n");
    postlint(&["check", "post.md"], d)
        .code(ERROR)
        .stderr_has(&["jargon.txt:2:", "nothing after the `=`"]);
}

#[test]
fn init_writes_an_empty_jargon_list_the_config_names() {
    let dir = temp_dir();
    let d = dir.path();
    postlint(&["init"], d).code(PASSED);
    let jargon = std::fs::read_to_string(d.join("vocab/jargon.txt")).unwrap();
    assert!(
        jargon.lines().all(|l| l.starts_with('#')),
        "an empty list, comments only:\n{jargon}"
    );
    let config = std::fs::read_to_string(d.join("postlint.toml")).unwrap();
    assert!(
        config.contains("jargon = [\"vocab/jargon.txt\"]"),
        "{config}"
    );
    // The team's list is never overwritten.
    write(d, "vocab/jargon.txt", "ARR\n");
    postlint(&["init", "--force"], d).code(PASSED);
    assert_eq!(
        std::fs::read_to_string(d.join("vocab/jargon.txt")).unwrap(),
        "ARR\n"
    );
    // The built-in examples hold with the team's list loaded.
    postlint(&["test-checklists"], d).code(PASSED);
}
