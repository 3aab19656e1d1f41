//! `rules`, `explain`, `channels`, `init`, `--version`, `--help`.

use super::*;

#[test]
fn rules_lists_every_built_in_rule_with_its_severity() {
    let out = in_repo(&["rules"]);
    out.code(PASSED);
    for (id, severity) in [
        ("readable.sentence-too-long", "warning"),
        ("correct.repeated-word", "warning"),
        ("channel.too-long", "error"),
        ("channel.too-many-hashtags", "warning"),
        ("strategy.risky-claim", "error"),
        ("strategy.missing-call-to-action", "suggestion"),
    ] {
        let line = out
            .stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("{id} listed in:\n{}", out.stdout));
        assert!(line.contains(severity), "{line}");
    }
    // Every rule id found in a report is listed.
    let report = in_repo(&["check", "examples", "--format", "json"]).json();
    for id in rule_ids(&report) {
        assert!(out.stdout.contains(&id), "{id} not listed");
    }
}

#[test]
fn explain_shows_why_and_examples() {
    let out = in_repo(&["explain", "readable.sentence-too-long"]);
    out.code(PASSED);
    let text = &out.stdout;
    assert!(text.contains("readable.sentence-too-long"), "{text}");
    assert!(
        text.contains("Readers lose the thread of long sentences"),
        "{text}"
    );
    // The bad and good examples of rules/readable.toml.
    assert!(
        text.contains("We are launching a new dashboard today that lets every team"),
        "{text}"
    );
    assert!(
        text.contains("We are launching a new dashboard today. Every team"),
        "{text}"
    );
}

#[test]
fn explain_an_unknown_rule_suggests_one() {
    let out = in_repo(&["explain", "readable.nope"]);
    out.code(ERROR).stderr_has(&[
        "readable.nope",
        "`readable` has `readable.sentence-too-long`",
    ]);
    assert_eq!(out.stdout, "");
    in_repo(&["explain", "readable.sentence-to-long"])
        .code(ERROR)
        .stderr_has(&["did you mean `readable.sentence-too-long`?"]);
}

#[test]
fn channels_lists_limits() {
    let out = in_repo(&["channels"]);
    out.code(PASSED);
    let line = |id: &str| -> String {
        out.stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("{id} in:\n{}", out.stdout))
            .to_owned()
    };
    assert!(line("x").contains("280"));
    assert!(line("x").contains("x-weighted"));
    assert!(line("linkedin").contains("3000"));
    assert!(line("mastodon").contains("500"));
    assert!(line("bluesky").contains("300"));
    for id in ["instagram", "threads", "blog", "newsletter", "generic"] {
        line(id);
    }
}

fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().into_string().unwrap();
            let bytes = if e.file_type().unwrap().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (name, bytes)
        })
        .collect();
    files.sort();
    files
}

fn starter() -> String {
    std::fs::read_to_string(repo().join("rules/postlint.starter.toml")).unwrap()
}

#[test]
fn init_writes_a_config_that_loads() {
    let dir = temp_dir();
    let d = dir.path();
    copy_example("linkedin-launch.md", d, "launch.md");
    write(d, "notes.txt", "Keep me as I am.\n");
    write(d, "sub/inner.md", "Inner.\n");
    let before = listing(d);

    let out = postlint(&["init"], d);
    out.code(PASSED);
    assert!(out.stdout.contains("postlint.toml"), "{}", out.stdout);
    let written = std::fs::read_to_string(d.join("postlint.toml")).unwrap();
    assert_eq!(written, starter());
    let mut after = listing(d);
    after.retain(|(n, _)| !["postlint.toml", "vocab", "brand.toml"].contains(&n.as_str()));
    let brand = std::fs::read_to_string(d.join("brand.toml")).unwrap();
    assert_eq!(brand, include_str!("../../rules/brand.starter.toml"));
    assert_eq!(after, before, "nothing else created or changed");
    for list in ["accept", "reject"] {
        let words = std::fs::read_to_string(d.join(format!("vocab/{list}.txt"))).unwrap();
        assert!(
            words.lines().all(|l| l.starts_with('#')),
            "an empty {list} list, comments only:\n{words}"
        );
    }
    assert_eq!(
        listing(&d.join("sub")),
        vec![("inner.md".to_owned(), b"Inner.\n".to_vec())]
    );

    // The written file loads, found by discovery and by --config.
    for args in [
        &["check", "launch.md", "--format", "json"][..],
        &[
            "--config",
            "postlint.toml",
            "check",
            "launch.md",
            "--format",
            "json",
        ],
    ] {
        let out = postlint(args, d);
        assert_ne!(out.code, ERROR, "{out:#?}");
        let report = out.json();
        assert_eq!(posts(&report, 0)[0]["channel"], "linkedin");
    }
    postlint(&["rules"], d).code(PASSED);
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let dir = temp_dir();
    let d = dir.path();
    let mine = "# my settings\nchannel = \"x\"\n";
    write(d, "postlint.toml", mine);
    let out = postlint(&["init"], d);
    out.code(ERROR).stderr_has(&["postlint.toml", "--force"]);
    assert_eq!(
        std::fs::read_to_string(d.join("postlint.toml")).unwrap(),
        mine
    );

    postlint(&["init", "--force"], d).code(PASSED);
    assert_eq!(
        std::fs::read_to_string(d.join("postlint.toml")).unwrap(),
        starter()
    );
    let names: Vec<String> = listing(d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["brand.toml", "postlint.toml", "vocab"],
        "no temporary file left behind"
    );
    // The team's word lists are never overwritten.
    write(d, "vocab/accept.txt", "GitHub\n");
    postlint(&["init", "--force"], d).code(PASSED);
    assert_eq!(
        std::fs::read_to_string(d.join("vocab/accept.txt")).unwrap(),
        "GitHub\n"
    );
}

#[test]
fn version_and_help() {
    let dir = temp_dir();
    let out = postlint(&["--version"], dir.path());
    out.code(PASSED);
    assert_eq!(
        out.stdout.trim(),
        format!("postlint {}", env!("CARGO_PKG_VERSION"))
    );
    for args in [
        &["--help"][..],
        &["help"],
        &["check", "--help"],
        &["init", "--help"],
    ] {
        let out = postlint(args, dir.path());
        out.code(PASSED);
        assert!(out.stdout.contains("Usage"), "{args:?}: {}", out.stdout);
    }
    let help = postlint(&["--help"], dir.path()).stdout;
    for command in ["check", "explain", "rules", "channels", "init"] {
        assert!(help.contains(command), "{command} in:\n{help}");
    }
    let help = postlint(&["check", "--help"], dir.path()).stdout;
    for flag in [
        "--channel",
        "--audience",
        "--format",
        "--min-score",
        "--fail-on",
        "--quiet",
        "--explain-score",
    ] {
        assert!(help.contains(flag), "{flag} in:\n{help}");
    }
}
