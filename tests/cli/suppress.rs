//! Suppressions: directives in Markdown-rendered posts, front matter for
//! social posts, and the error for a directive a social post would publish.

use super::*;

const DOUBLED: &str = "It was the the best day of the year for the whole team here.";

/// `(line, suppressed?)` of each `correct.repeated-word` finding, listed
/// with `--show-suppressed`.
fn doubled(dir: &Path, file: &str) -> (Out, Vec<(u64, bool)>) {
    let out = postlint(
        &["check", file, "--format", "json", "--show-suppressed"],
        dir,
    );
    let report = out.json();
    let mut lines = Vec::new();
    for post in posts(&report, 0) {
        let listed = post["findings"]
            .as_array()
            .unwrap()
            .iter()
            .chain(post["suppressed"].as_array().into_iter().flatten());
        for f in listed.filter(|f| f["rule"] == "correct.repeated-word") {
            lines.push((f["line"].as_u64().unwrap(), f["suppressed"] == true));
        }
    }
    lines.sort_unstable();
    (out, lines)
}

#[test]
fn markdown_directives_disable_enable_next_line_and_file() {
    let dir = temp_dir();
    let text = format!(
        "---\nchannel: blog\n---\n{DOUBLED}\n\n<!-- postlint-disable-next-line correct.repeated-word -- quoted as said -->\n{DOUBLED}\n\n{DOUBLED}\n\n<!-- postlint-disable correct -->\n{DOUBLED}\n\n{DOUBLED}\n<!-- postlint-enable -->\n\n{DOUBLED}\n"
    );
    write(dir.path(), "post.md", &text);
    let (out, lines) = doubled(dir.path(), "post.md");
    out.code(PASSED);
    assert_eq!(
        lines,
        [
            (4, false),
            (7, true),
            (9, false),
            (12, true),
            (14, true),
            (17, false)
        ],
        "next line only; a checklist id covers its rules up to the enable"
    );
    let file = format!(
        "---\nchannel: blog\n---\n<!-- postlint-disable-file correct.repeated-word -->\n\n{DOUBLED}\n\n{DOUBLED}\n"
    );
    write(dir.path(), "file.md", &file);
    let (_, lines) = doubled(dir.path(), "file.md");
    assert_eq!(lines, [(6, true), (8, true)]);
}

#[test]
fn suppressed_findings_do_not_count_in_scores_and_show_only_when_asked() {
    let dir = temp_dir();
    let clean =
        "---\nchannel: blog\n---\nIt was the best day of the year for the whole team here.\n";
    let suppressed = format!(
        "---\nchannel: blog\n---\n<!-- postlint-disable-next-line correct.repeated-word -->\n{DOUBLED}\n"
    );
    write(dir.path(), "clean.md", clean);
    write(dir.path(), "suppressed.md", &suppressed);
    let scores = |file: &str| {
        let out = postlint(&["check", file, "--format", "json"], dir.path());
        posts(&out.json(), 0)[0]["scores"].clone()
    };
    assert_eq!(scores("suppressed.md"), scores("clean.md"));
    let out = postlint(&["check", "suppressed.md", "--format", "json"], dir.path());
    let report = out.json();
    let post = &posts(&report, 0)[0];
    assert!(post.get("suppressed").is_none(), "listed only when asked");
    assert!(findings_of(&out.json(), "correct.repeated-word").is_empty());
    let pretty = postlint(&["check", "suppressed.md"], dir.path());
    assert!(
        pretty
            .stdout
            .contains("note: 1 finding suppressed by the file (--show-suppressed lists it)"),
        "{}",
        pretty.stdout
    );
    let shown = postlint(&["check", "suppressed.md", "--show-suppressed"], dir.path());
    assert!(
        shown.stdout.contains(
            "warning[correct.repeated-word] (suppressed): \"the\" appears twice in a row."
        ),
        "{}",
        shown.stdout
    );
    let compact = postlint(
        &[
            "check",
            "suppressed.md",
            "--show-suppressed",
            "--format",
            "compact",
        ],
        dir.path(),
    );
    assert!(
        compact.stdout.contains(
            "suppressed.md:5:12: warning correct.repeated-word: (suppressed) \"the\" appears twice in a row."
        ),
        "{}",
        compact.stdout
    );
}

#[test]
fn directives_in_code_do_nothing() {
    let dir = temp_dir();
    let text = format!(
        "---\nchannel: blog\n---\nWrite `<!-- postlint-disable-next-line correct.repeated-word -->` above a line:\n\n```md\n<!-- postlint-disable correct -->\n```\n\n{DOUBLED}\n"
    );
    write(dir.path(), "docs.md", &text);
    let (_, lines) = doubled(dir.path(), "docs.md");
    assert_eq!(lines, [(10, false)]);
}

#[test]
fn mdx_files_use_jsx_comments() {
    let dir = temp_dir();
    let text = format!(
        "---\nchannel: blog\n---\n{{/* postlint-disable-next-line correct.repeated-word */}}\n{DOUBLED}\n\n<!-- postlint-disable-next-line correct.repeated-word -->\n{DOUBLED}\n"
    );
    write(dir.path(), "post.mdx", &text);
    let (_, lines) = doubled(dir.path(), "post.mdx");
    assert_eq!(
        lines,
        [(5, true), (8, false)],
        "an HTML comment is a syntax error in MDX, not a directive"
    );
}

#[test]
fn social_posts_suppress_in_front_matter_only_where_the_text_matches() {
    let dir = temp_dir();
    let text = "---\nchannel: x\npostlint:\n  allow:\n    - rule: strategy.shouting\n      text: \"HUGE\"\n---\nThis is HUGE news and it is FREE for everyone on the team today.\n";
    write(dir.path(), "post.tweet", text);
    let out = postlint(
        &[
            "check",
            "post.tweet",
            "--format",
            "json",
            "--show-suppressed",
        ],
        dir.path(),
    );
    let report = out.json();
    let post = &posts(&report, 0)[0];
    let shouting: Vec<&str> = findings_of(&report, "strategy.shouting")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(shouting.len(), 1, "FREE still shouts: {shouting:?}");
    assert!(shouting[0].contains("FREE"));
    let suppressed = post["suppressed"].as_array().expect("listed");
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["rule"], "strategy.shouting");
    assert_eq!(suppressed[0]["suppressed"], true);
    assert_eq!(at(&suppressed[0]), (8, 9));
    // Flow style, as the issue writes it.
    let flow = "---\nchannel: x\npostlint: { allow: [{ rule: strategy.shouting, text: \"FREE\" }] }\n---\nThis is HUGE news and it is FREE for everyone.\n";
    write(dir.path(), "flow.tweet", flow);
    let out = postlint(&["check", "flow.tweet", "--format", "json"], dir.path());
    let messages: Vec<String> = findings_of(&out.json(), "strategy.shouting")
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        messages.len() == 1 && messages[0].contains("HUGE"),
        "{messages:?}"
    );
}

#[test]
fn a_directive_in_a_social_post_is_an_error_because_it_would_be_published() {
    let dir = temp_dir();
    for (name, text) in [
        (
            "a.tweet",
            "This is HUGE news. <!-- postlint-disable strategy.shouting -->\n",
        ),
        (
            "b.md",
            "---\nchannel: linkedin\n---\n<!-- postlint-disable-next-line correct.repeated-word -->\nIt was the the day.\n",
        ),
    ] {
        write(dir.path(), name, text);
        let out = postlint(&["check", name, "--format", "json"], dir.path());
        out.code(FAILED);
        let report = out.json();
        let found = findings_of(&report, "channel.published-directive");
        assert_eq!(found.len(), 1, "{name}: {report:#}");
        assert_eq!(found[0]["severity"], "error");
        // And it suppresses nothing: the comment is text there.
        if name == "b.md" {
            assert_eq!(findings_of(&report, "correct.repeated-word").len(), 1);
        }
    }
}

#[test]
fn unknown_names_are_problems_with_a_suggestion_in_every_form() {
    let dir = temp_dir();
    let cases = [
        (
            "directive.md",
            "---\nchannel: blog\n---\n<!-- postlint-disable corect.repeated-word -->\nText here.\n",
            "directive.md:4:23: cannot disable `corect.repeated-word`",
        ),
        (
            "allow.tweet",
            "---\npostlint:\n  allow:\n    - rule: strategy.shoutin\n      text: NASA\n---\nNASA launches.\n",
            "allow.tweet:4:5: cannot disable `strategy.shoutin`",
        ),
        (
            "disable.tweet",
            "---\npostlint: { disable: [strategy.shoutin] }\n---\nNASA launches.\n",
            "disable.tweet:2:1: cannot disable `strategy.shoutin`",
        ),
        (
            "word.md",
            "<!-- postlint-disabel correct -->\nText.\n",
            "word.md:1:6: unknown directive `postlint-disabel`",
        ),
    ];
    for (name, text, expected) in cases {
        write(dir.path(), name, text);
        let out = postlint(&["check", name], dir.path());
        out.code(ERROR);
        assert!(out.stderr.contains(expected), "{name}: {}", out.stderr);
        assert!(
            out.stdout.contains("help: did you mean"),
            "{name}: {}",
            out.stdout
        );
    }
    write(
        dir.path(),
        "entry.tweet",
        "---\npostlint:\n  allow:\n    - rule: strategy.shouting\n---\nNASA.\n",
    );
    let out = postlint(&["check", "entry.tweet"], dir.path());
    out.code(ERROR);
    assert!(
        out.stderr
            .contains("each `postlint.allow` entry needs `rule` and `text`"),
        "{}",
        out.stderr
    );
}
