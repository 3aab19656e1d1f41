//! Exit codes, and what `check` reads: files, folders, stdin, odd files.

use std::time::{Duration, SystemTime};

use super::*;

const GOOD: &str = "examples/linkedin-good.md";

#[test]
fn exit_codes() {
    let cases: &[(&[&str], i32)] = &[
        (&["check", "examples/linkedin-good.md"], PASSED),
        (&["check", "examples/mastodon-toot.txt"], PASSED),
        (
            &["check", "examples/x-good.tweet", "--channel", "x"],
            PASSED,
        ),
        (
            &[
                "check",
                "examples/linkedin-good.md",
                "examples/mastodon-toot.txt",
            ],
            PASSED,
        ),
        (&["check", "examples/linkedin-launch.md"], FAILED),
        (&["check", "examples/x-thread.md"], FAILED),
        (&["check", GOOD, "examples/linkedin-launch.md"], FAILED),
        // I/O and usage errors.
        (&["check", "examples/no-such-post.md"], ERROR),
        (&["check", GOOD, "--channel", "twitterx"], ERROR),
        (&["check", GOOD, "--audience", "toddlers"], ERROR),
        (&["check", GOOD, "--format", "xml"], ERROR),
        (&["check", GOOD, "--min-score", "200"], ERROR),
        (&["check", GOOD, "--min-score", "lots"], ERROR),
        (&["check", GOOD, "--fail-on", "sometimes"], ERROR),
        (&["check", GOOD, "--checklist", "no-such-checklist"], ERROR),
        (&["check", GOOD, "--no-such-flag"], ERROR),
        (&["frobnicate"], ERROR),
        (&[], ERROR),
        // An error beats a failure.
        (
            &[
                "check",
                "examples/linkedin-launch.md",
                "examples/no-such-post.md",
            ],
            ERROR,
        ),
    ];
    for (args, code) in cases {
        let out = in_repo(args);
        assert_eq!(out.code, *code, "postlint {args:?}: {out:#?}");
        if *code == ERROR {
            assert!(out.stderr.contains("error"), "postlint {args:?}: {out:#?}");
        }
    }
}

#[test]
fn bad_config_exits_2() {
    let dir = temp_dir();
    write(dir.path(), "postlint.toml", "chanel = \"x\"\n");
    copy_example("linkedin-good.md", dir.path(), "post.md");
    postlint(&["check", "post.md"], dir.path())
        .code(ERROR)
        .stderr_has(&["postlint.toml"]);
    postlint(
        &["--config", "postlint.toml", "check", "post.md"],
        dir.path(),
    )
    .code(ERROR);
    postlint(
        &["--config", "missing.toml", "check", "post.md"],
        dir.path(),
    )
    .code(ERROR)
    .stderr_has(&["missing.toml"]);
}

#[test]
fn unknown_channel_is_named_with_a_suggestion() {
    in_repo(&["check", GOOD, "--channel", "linkdin"])
        .code(ERROR)
        .stderr_has(&["--channel", "linkdin", "did you mean `linkedin`?"]);
}

#[test]
fn a_missing_file_does_not_stop_the_others() {
    let out = in_repo(&[
        "check",
        "examples/linkedin-launch.md",
        "examples/no-such-post.md",
        GOOD,
        "--format",
        "json",
    ]);
    out.code(ERROR).stderr_has(&["examples/no-such-post.md"]);
    let report = out.json();
    assert_eq!(
        paths(&report),
        ["examples/linkedin-good.md", "examples/linkedin-launch.md"]
    );
    assert_eq!(posts(&report, 1)[0]["passed"], false);
    assert!(!findings_of(&report, "strategy.risky-claim").is_empty());
    let errors = report["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{report:#}");
    assert!(errors[0].as_str().unwrap().contains("no-such-post.md"));
    assert_eq!(report["summary"]["problems"], 1);

    // The pretty report also shows the other files.
    let out = in_repo(&[
        "check",
        "examples/no-such-post.md",
        "examples/linkedin-launch.md",
    ]);
    out.code(ERROR);
    assert!(
        out.stdout.contains("strategy.risky-claim"),
        "{}",
        out.stdout
    );
}

#[test]
fn stdin_is_checked_with_the_given_channel() {
    let dir = temp_dir();
    let text = "Big news: the the dashboard is live. Try it: https://example.com/pulse\n";
    let out = postlint_stdin(
        &["check", "-", "--channel", "x", "--format", "json"],
        dir.path(),
        text,
    );
    out.code(PASSED);
    let report = out.json();
    assert_eq!(paths(&report), ["-"]);
    let post = &posts(&report, 0)[0];
    assert_eq!(post["channel"], "x");
    // "Big news: the the dashboard is live. Try it: " is 45 characters, the
    // link counts 23 on X; the final line break is not published.
    assert_eq!(post["length"]["value"], 45 + 23);
    assert_eq!(post["length"]["max"], 280);
    let repeated = findings_of(&report, "correct.repeated-word");
    assert_eq!(repeated.len(), 1, "{report:#}");
    assert_eq!(at(repeated[0]), (1, 15));

    let out = postlint_stdin(
        &["check", "-", "--channel", "x", "--format", "compact"],
        dir.path(),
        text,
    );
    assert!(
        out.stdout
            .starts_with("-:1:15: warning correct.repeated-word"),
        "{}",
        out.stdout
    );
}

#[test]
fn stdin_over_the_x_limit_fails() {
    let dir = temp_dir();
    let text = format!("{}\n", "word ".repeat(60).trim_end());
    let out = postlint_stdin(
        &["check", "-", "--channel", "x", "--format", "json"],
        dir.path(),
        &text,
    );
    out.code(FAILED);
    let report = out.json();
    let post = &posts(&report, 0)[0];
    assert_eq!(post["length"]["value"], 299);
    assert_eq!(findings_of(&report, "channel.too-long").len(), 1);
}

#[test]
fn stdin_reads_a_whole_thread_with_its_front_matter() {
    let text = std::fs::read_to_string(repo().join("examples/x-thread.md")).unwrap();
    let dir = temp_dir();
    let out = postlint_stdin(&["check", "-", "--format", "json"], dir.path(), &text);
    out.code(FAILED);
    let report = out.json();
    assert_eq!(paths(&report), ["-"]);
    assert_eq!(posts(&report, 0).len(), 4);
    assert_eq!(posts(&report, 0)[1]["length"]["value"], 281);
}

#[test]
fn a_folder_is_walked_and_sorted_by_path() {
    let out = in_repo(&["check", "examples/", "--format", "json"]);
    let report = out.json();
    let got = paths(&report);
    let mut sorted = got.clone();
    sorted.sort();
    assert_eq!(got, sorted, "files sorted by path");
    // Every post file under examples/, subfolders included.
    fn walk(dir: &Path, shown: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().into_string().unwrap();
            let shown = format!("{shown}/{name}");
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &shown, out);
            } else if [".md", ".txt", ".tweet", ".toot"]
                .iter()
                .any(|x| name.ends_with(x))
            {
                out.push(shown);
            }
        }
    }
    let mut on_disk = Vec::new();
    walk(&repo().join("examples"), "examples", &mut on_disk);
    on_disk.sort();
    assert_eq!(got, on_disk);
    assert!(got.contains(&"examples/x-thread.md".to_owned()));

    // Compact output follows the same order.
    let out = in_repo(&["check", "examples", "--format", "compact"]);
    let files: Vec<&str> = out
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
}

/// A folder with posts, an ignored post, and files that are not posts.
fn post_folder() -> tempfile::TempDir {
    let dir = temp_dir();
    let d = dir.path();
    write(d, ".gitignore", "ignored.md\nbuild/\n");
    write(d, "b.md", "Hello the the world.\n");
    write(d, "a.txt", "Hello there.\n");
    write(d, "sub/c.tweet", "A short post.\n");
    write(d, "sub/d.markdown", "# Title\n\nSome text.\n");
    write(d, "ignored.md", "Ignored the the post.\n");
    write(d, "build/out.md", "Built the the post.\n");
    write(d, "picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(d, "data.json", "{\"the the\": 1}\n");
    write(d, "notes.csv", "a,b\n");
    dir
}

#[test]
fn a_folder_walk_skips_gitignored_and_non_post_files() {
    let dir = post_folder();
    let out = postlint(&["check", ".", "--format", "json"], dir.path());
    out.code(PASSED);
    assert_eq!(
        paths(&out.json()),
        ["a.txt", "b.md", "sub/c.tweet", "sub/d.markdown"]
    );
    // Named from its parent, the paths keep the folder's name.
    let parent = dir.path().parent().unwrap();
    let name = dir.path().file_name().unwrap().to_str().unwrap();
    let empty = repo().join("tests/fixtures/empty.toml");
    let config = empty.to_str().unwrap();
    let out = postlint(
        &["--config", config, "check", name, "--format", "json"],
        parent,
    );
    let want: Vec<String> = ["a.txt", "b.md", "sub/c.tweet", "sub/d.markdown"]
        .iter()
        .map(|p| format!("{name}/{p}"))
        .collect();
    assert_eq!(paths(&out.json()), want);
}

#[test]
fn a_file_named_on_the_command_line_is_checked_even_if_ignored() {
    let dir = post_folder();
    let out = postlint(&["check", "ignored.md", "--format", "json"], dir.path());
    assert_eq!(paths(&out.json()), ["ignored.md"]);
}

#[test]
fn config_exclude_is_honoured() {
    let dir = post_folder();
    let d = dir.path();
    write(d, "archive/2020/old.md", "Old the the post.\n");
    write(
        d,
        "postlint.toml",
        "exclude = [\"archive/**\", \"sub/*.tweet\"]\n",
    );
    let out = postlint(
        &[
            "--config",
            "postlint.toml",
            "check",
            ".",
            "--format",
            "json",
        ],
        d,
    );
    out.code(PASSED);
    assert_eq!(paths(&out.json()), ["a.txt", "b.md", "sub/d.markdown"]);
    // Found by discovery too.
    let out = postlint(&["check", ".", "--format", "json"], d);
    assert_eq!(paths(&out.json()), ["a.txt", "b.md", "sub/d.markdown"]);
    let out = postlint(&["check", "archive", "--format", "json"], d);
    assert_eq!(paths(&out.json()), Vec::<String>::new());
}

#[test]

fn config_exclude_is_honoured_from_a_subfolder() {
    let dir = post_folder();
    let d = dir.path();
    write(d, "archive/old.md", "Old the the post.\n");
    write(d, "postlint.toml", "exclude = [\"archive/**\"]\n");
    // Discovered in the parent; the walk starts at `..`.
    let out = postlint(&["check", "..", "--format", "json"], &d.join("sub"));
    let got = paths(&out.json());
    assert!(
        !got.iter().any(|p| p.contains("archive")),
        "archive/** is excluded, got {got:?}"
    );
}

#[test]
fn unreadable_files_are_named_and_the_others_still_checked() {
    let dir = post_folder();
    let d = dir.path();
    write(d, "binary.txt", b"\x00\x01\x02binary\x00data\xff\xfe");
    write(d, "latin1.md", b"Caf\xe9 au lait, s'il vous pla\xeet.\n");
    let out = postlint(&["check", ".", "--format", "json"], d);
    out.code(ERROR)
        .stderr_has(&["binary.txt", "latin1.md", "UTF-8"]);
    let report = out.json();
    let files = report["files"].as_array().unwrap();
    let problem = |path: &str| -> String {
        let file = files.iter().find(|f| f["path"] == path).expect(path);
        assert_eq!(file["posts"].as_array().unwrap().len(), 0, "{file:#}");
        file["problems"][0]["message"].as_str().unwrap().to_owned()
    };
    assert!(problem("binary.txt").contains("binary"));
    assert!(problem("latin1.md").contains("UTF-8"));
    let checked: Vec<&Value> = files
        .iter()
        .filter(|f| !f["posts"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(
        checked.len(),
        4,
        "the four good posts are checked: {report:#}"
    );
    assert_eq!(report["summary"]["problems"], 2);
    assert_eq!(findings_of(&report, "correct.repeated-word").len(), 1);

    // Pretty output: problems are named once, on stderr, at the end.
    let out = postlint(&["check", "."], d);
    out.code(ERROR);
    assert!(out.stderr.contains("binary.txt"), "{}", out.stderr);
    assert!(out.stderr.contains("latin1.md"), "{}", out.stderr);
}

#[test]
fn odd_files_never_crash() {
    let dir = temp_dir();
    let d = dir.path();
    let files: &[(&str, &[u8])] = &[
        ("empty.md", b""),
        ("empty.txt", b""),
        ("only-front-matter.md", b"---\nchannel: x\n---\n"),
        ("only-toml-front-matter.md", b"+++\ntitle = \"x\"\n+++\n"),
        ("only-dashes.txt", b"---\n---\n---\n---\n"),
        ("only-dashes.md", b"---\n---\n---\n"),
        ("one-dash-line.md", b"---\n"),
        ("dashes-crlf.txt", b"---\r\n---\r\n---\r\n"),
        ("unclosed-front-matter.md", b"---\nchannel: x\nHello.\n"),
        ("only-bom.txt", b"\xef\xbb\xbf"),
        (
            "bom-front-matter.md",
            b"\xef\xbb\xbf---\nchannel: x\n---\nHi.\n",
        ),
        ("blank-lines.txt", b"\n\n\n"),
        ("lone-cr.txt", b"\r"),
        ("whitespace.txt", b" \t \n"),
        ("open-fence.md", b"```\n"),
        ("open-comment.md", b"<!--\n"),
        ("open-link.md", b"[a](\n"),
        ("lone-quote.txt", b"\""),
        ("half-flag.txt", b"\xf0\x9f\x87\xb5"),
        ("combining.txt", "a\u{301}\u{301}\u{301} !!!\n".as_bytes()),
        ("entities.txt", b"@@@@ ### $$$ https:// http://a. # @\n"),
        ("empty-channels.md", b"---\nchannels: []\n---\nHi.\n"),
        ("empty-posts.txt", b"a\n---\n\n---\n---\nb\n"),
    ];
    for (name, bytes) in files {
        write(d, name, bytes);
    }
    // One 20,000-word line with no sentence end. (Not one word repeated:
    // 20,000 findings on one line take minutes in a debug build.)
    let long = "Lorem ipsum dolor sit amet ".repeat(4_000);
    write(d, "long.txt", long.as_bytes());
    let mut names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    names.push("long.txt");
    // One at a time, then all together in every channel and format (a
    // crash fails `run`, whatever the exit code).
    for name in &names {
        postlint(&["check", name, "--format", "json"], d).json();
    }
    for channel in [
        None,
        Some("x"),
        Some("linkedin"),
        Some("blog"),
        Some("mastodon"),
        Some("bluesky"),
    ] {
        for format in ["pretty", "compact", "json"] {
            let mut args = vec!["check", "--format", format, "--explain-score"];
            args.extend(&names);
            if let Some(c) = channel {
                args.extend(["--channel", c]);
            }
            let out = postlint(&args, d);
            if format == "json" {
                assert_eq!(out.json()["files"].as_array().unwrap().len(), names.len());
            }
        }
    }
    // And all at once, as a folder.
    postlint(&["check", ".", "--format", "json"], d).json();
}

#[test]
fn empty_and_front_matter_only_files_are_empty_posts() {
    let dir = temp_dir();
    let d = dir.path();
    write(d, "empty.md", "");
    write(d, "only-front-matter.md", "---\nchannel: x\n---\n");
    write(d, "only-dashes.txt", "---\n---\n---\n");
    // A Markdown file with nothing but front matter is an index page: no post.
    let out = postlint(&["check", "empty.md", "--format", "json"], d);
    out.code(PASSED);
    assert_eq!(out.json()["summary"]["posts"], 0);
    for name in ["only-front-matter.md", "only-dashes.txt"] {
        let out = postlint(&["check", name, "--format", "json"], d);
        out.code(FAILED);
        let report = out.json();
        assert_eq!(report["summary"]["problems"], 0, "{name}");
        assert_eq!(
            findings_of(&report, "channel.empty-post").len(),
            1,
            "{name}"
        );
    }
}

fn snapshot(path: &Path) -> (Vec<u8>, SystemTime) {
    let meta = std::fs::metadata(path).unwrap();
    (std::fs::read(path).unwrap(), meta.modified().unwrap())
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn check_never_modifies_files() {
    let dir = temp_dir();
    let d = dir.path();
    let mut files = Vec::new();
    for name in [
        "linkedin-launch.md",
        "x-thread.md",
        "positions.txt",
        "newsletter.md",
    ] {
        files.push(copy_example(name, d, name));
    }
    // An old mtime, so a rewrite with the same bytes would still show.
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for f in &files {
        std::fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let before: Vec<_> = files.iter().map(|f| snapshot(f)).collect();
    let listed = listing(d);
    for format in ["pretty", "compact", "json"] {
        postlint(&["check", ".", "--format", format, "--explain-score"], d);
        postlint(&["check", "linkedin-launch.md", "--format", format], d);
    }
    let after: Vec<_> = files.iter().map(|f| snapshot(f)).collect();
    assert_eq!(before, after, "bytes and mtimes unchanged");
    assert_eq!(before[0].1, old);
    assert_eq!(listing(d), listed, "no file created or removed");
}

#[test]
fn a_file_named_twice_or_also_inside_a_named_folder_is_checked_once() {
    let out = in_repo(&[
        "check",
        "examples/x-thread.md",
        "examples",
        "examples/x-thread.md",
        "--format",
        "json",
    ]);
    let got = paths(&out.json());
    assert_eq!(
        got.iter().filter(|p| *p == "examples/x-thread.md").count(),
        1,
        "{got:?}"
    );
}
