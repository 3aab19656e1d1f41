//! A team's Hunspell dictionary (`[dictionaries]`), with a real one: the
//! Debian package `hunspell-de-de` (`.ci/run` installs it).

use std::io::Write;

use super::*;

const DEBIAN: &str = "/usr/share/hunspell/de_DE";

/// A folder with `dict/de_DE.{aff,dic}` copied from the Debian package and
/// a `postlint.toml` naming them; `None` (and a line saying so) without
/// the package, a failure on CI, where it must be installed.
fn with_german() -> Option<tempfile::TempDir> {
    let aff = std::fs::read(format!("{DEBIAN}.aff"));
    let dic = std::fs::read(format!("{DEBIAN}.dic"));
    let (Ok(aff), Ok(dic)) = (aff, dic) else {
        let why = format!(
            "skipped: install hunspell-de-de ({DEBIAN}.aff/.dic not found; \
             `apt-get install -y hunspell-de-de`)"
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "{why}; CI must run this test"
        );
        // Past the test harness's capture, so a local run shows it.
        let _ = writeln!(std::io::stderr(), "{why}");
        return None;
    };
    let dir = temp_dir();
    write(dir.path(), "dict/de_DE.aff", aff);
    write(dir.path(), "dict/de_DE.dic", dic);
    write(
        dir.path(),
        "postlint.toml",
        "[dictionaries]\nde = \"dict/de_DE\"\n",
    );
    Some(dir)
}

/// The words `correct.misspelling` flags in `text`, checked in `dir`.
fn misspelled(dir: &Path, text: &str) -> Vec<String> {
    write(dir, "post.md", text);
    let out = postlint(&["check", "post.md", "--format", "json"], dir);
    let report = out.json();
    findings_of(&report, "correct.misspelling")
        .iter()
        .map(|f| {
            let (line, col) = at(f);
            let line = text.lines().nth(line as usize - 1).unwrap();
            let start: usize = line
                .chars()
                .take(col as usize - 1)
                .map(char::len_utf8)
                .sum();
            line[start..]
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn a_german_dictionary_checks_german_posts_and_english_keeps_the_embedded_one() {
    let Some(dir) = with_german() else { return };
    let dir = dir.path();
    let german = |lang: &str, body: &str| format!("---\nlang: {lang}\n---\n{body}\n");
    assert_eq!(
        misspelled(dir, &german("de", "Wir habben das neue System gebaut.")),
        ["habben"]
    );
    assert_eq!(
        misspelled(dir, &german("de", "Wir haben das neue System gebaut.")),
        Vec::<String>::new()
    );
    assert_eq!(
        misspelled(dir, &german("de-AT", "Wir habben das neue System gebaut.")),
        ["habben"],
        "a `de` dictionary serves `de-AT` posts"
    );
    // The suggestion is a guess from the dictionary: a fix to review.
    write(
        dir,
        "post.md",
        german("de", "Wir habben das neue System gebaut."),
    );
    let report = postlint(&["check", "post.md", "--format", "json"], dir).json();
    let finding = findings_of(&report, "correct.misspelling")[0];
    assert!(
        finding["message"].as_str().unwrap().contains("\"haben\""),
        "{finding:#}"
    );
    assert_eq!(finding["fix"]["safe"], false, "{finding:#}");
    assert_eq!(
        misspelled(
            dir,
            &german("en", "We recieved the parcel and are very happy today.")
        ),
        ["recieved"],
        "English posts keep the embedded dictionary"
    );
}

#[test]
fn german_nouns_are_capitalised_so_a_capital_does_not_make_a_name() {
    let Some(dir) = with_german() else { return };
    let text = "---\nlang: de\n---\nWir haben das neue Sytem gestern mit Frau Kowalczyk gebaut. \
                Die Anwendnug läuft schon seit einer Woche ohne Probleme.\n";
    // One edit from a dictionary noun: a typo. A name with no close word
    // stays a name.
    assert_eq!(misspelled(dir.path(), text), ["Sytem", "Anwendnug"]);
}

#[test]
fn a_dictionary_that_cannot_be_read_or_parsed_is_a_located_config_error() {
    let dir = temp_dir();
    write(dir.path(), "post.md", "Hello there.\n");
    write(
        dir.path(),
        "postlint.toml",
        "lang = \"de\"\n[dictionaries]\nde = \"dict/missing\"\n",
    );
    postlint(&["check", "post.md"], dir.path())
        .code(ERROR)
        .stderr_has(&[
            "postlint.toml:3:6",
            "dict/missing.aff",
            "relative to postlint.toml",
        ]);
    write(
        dir.path(),
        "dict/bad.aff",
        "SET UTF-8\nSFX S Y 2\nSFX S 0 s .\n",
    );
    write(dir.path(), "dict/bad.dic", "1\nHaus/S\n");
    write(
        dir.path(),
        "postlint.toml",
        "[dictionaries]\nde = \"dict/bad\"\n",
    );
    postlint(&["check", "post.md"], dir.path())
        .code(ERROR)
        .stderr_has(&["postlint.toml:2:6", "cannot load dictionary", ".aff"]);
    write(
        dir.path(),
        "postlint.toml",
        "[dictionaries]\ngerman = \"dict/bad\"\n",
    );
    postlint(&["check", "post.md"], dir.path())
        .code(ERROR)
        .stderr_has(&["postlint.toml:2:1", "german"]);
}
