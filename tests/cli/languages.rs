//! Posts in other languages than English: each is measured with its own
//! language's formula, and English word lists do not run on it. The numbers
//! are counted by hand from the example files (word by word, in the
//! comments), never taken from what postlint printed.

use super::*;

/// `postlint stats` JSON of one example.
fn stats(path: &str) -> Value {
    let out = in_repo(&["stats", path, "--format", "json"]);
    out.code(PASSED);
    out.json()["posts"][0].clone()
}

fn close(got: &Value, expected: f64) {
    let got = got.as_f64().expect("a number");
    assert!((got - expected).abs() < 0.006, "{got} vs {expected}");
}

#[test]
fn finnish_is_measured_with_lix() {
    // 7 sentences, 39 words; over six letters (17): Avasimme toimiston
    // Tampereelle | työskentelee kaksikymmentä ihmistä | Haluamme lähellä
    // asiakkaitamme yliopistoa | työpaikat erityisesti ohjelmistokehittäjiä
    // | käymään perjantaina | Tarjoamme | työpaikalta.
    // LIX = 39/7 + 100 * 17/39 = 5.571 + 43.590 = 49.16.
    let p = stats("examples/languages/fi-linkedin.md");
    assert_eq!(
        (p["words"].as_u64(), p["sentences"].as_u64()),
        (Some(39), Some(7))
    );
    assert_eq!(p["lang"], "fi");
    assert_eq!(p["reading_formula"], "LIX");
    close(&p["lix"], 49.16);
    close(&p["reading_level"], 49.16);
}

#[test]
fn swedish_is_measured_with_lix() {
    // 7 sentences, 49 words; over six letters (6): öppnade, personer,
    // kollegor, klockan, Berätta, arbetsplats. LIX = 7 + 600/49 = 19.24.
    let p = stats("examples/languages/sv-linkedin.md");
    assert_eq!(
        (p["words"].as_u64(), p["sentences"].as_u64()),
        (Some(49), Some(7))
    );
    assert_eq!(p["reading_formula"], "LIX");
    close(&p["reading_level"], 19.24);
}

#[test]
fn german_is_measured_with_the_wiener_sachtextformel() {
    // 7 sentences, 53 words. Three or more syllables (6): er-öff-net,
    // ar-bei-ten, un-se-ren, Kol-le-gin-nen, Kol-le-gen, Ar-beits-platz.
    // One syllable (28): Wir in | schon dort | Wir nah bei sein | Jetzt wir
    // und für Team | Kommt am um drei Uhr | Es gibt und | Sagt uns was ihr
    // euch von wünscht. Over six letters (11): Hamburg eröffnet | Zwanzig
    // Menschen arbeiten | unseren | Kolleginnen Kollegen | Freitag |
    // Arbeitsplatz wünscht.
    // 0.1935 * 600/53 + 0.1672 * 53/7 + 0.1297 * 1100/53 - 0.0327 * 2800/53
    // - 0.875 = 2.1906 + 1.2659 + 2.6919 - 1.7275 - 0.875 = 3.546.
    let p = stats("examples/languages/de-linkedin.md");
    assert_eq!(
        (p["words"].as_u64(), p["sentences"].as_u64()),
        (Some(53), Some(7))
    );
    assert_eq!(p["reading_formula"], "Wiener Sachtextformel");
    close(&p["reading_level"], 3.55);
    // LIX = 53/7 + 1100/53 = 7.571 + 20.755 = 28.33.
    close(&p["lix"], 28.33);
}

#[test]
fn the_score_line_names_formula_target_and_language() {
    let out = in_repo(&["check", "examples/languages/"]);
    out.code(PASSED);
    for line in [
        "Wiener Sachtextformel 3.5, target 9 or below (general audience, de)",
        "LIX 49.2, target 40 or below (general audience, fi)",
        "LIX 19.2, target 40 or below (general audience, sv)",
    ] {
        assert!(
            out.stdout.contains(line),
            "{line:?} not in:\n{}",
            out.stdout
        );
    }
    // The Finnish post is past the general audience's LIX (Björnsson's 40:
    // everyday prose), so the grade rule says so; the others are not.
    assert!(
        out.stdout
            .contains("LIX 49.2; this audience reads comfortably at 40 or below.")
    );
    assert_eq!(out.stdout.matches("readable.reading-grade").count(), 1);
    // English word lists did not run, and the report says so.
    assert!(
        out.stdout
            .contains("for other languages did not check this `de` post")
    );
}

#[test]
fn json_has_the_reading_level_and_the_skipped_rules() {
    let out = in_repo(&[
        "check",
        "examples/languages/fi-linkedin.md",
        "--format",
        "json",
    ]);
    let post = &out.json()["files"][0]["posts"][0];
    assert_eq!(post["reading_level"]["formula"], "LIX");
    close(&post["reading_level"]["value"], 49.16);
    close(&post["reading_level"]["target"], 40.0);
    assert_eq!(post["reading_level"]["easy_side"], "below");
    let skipped: Vec<&str> = post["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["rule"].as_str().unwrap())
        .collect();
    assert!(skipped.contains(&"readable.plain-words"), "{skipped:?}");
    assert!(skipped.contains(&"readable.passive-voice"), "{skipped:?}");
}

#[test]
fn spanish_is_measured_with_reading_ease_and_a_short_post_is_not_graded() {
    let dir = temp_dir();
    // 34 words (7, 5, 10, 12) in 4 sentences; syllables by hand: Hoy 1 a-bri-mos 3
    // u-na 2 nue-va 2 o-fi-ci-na 4 en 1 Se-vi-lla 3 (16) | Vein-te 2
    // per-so-nas 3 tra-ba-jan 3 ya 1 a-llí 2 (11) | Que-re-mos 3 es-tar 2
    // cer-ca 2 de 1 nues-tros 2 clien-tes 2 y 1 de 1 la 1 u-ni-ver-si-dad
    // 5 (20) | Ven 1 el 1 vier-nes 2 a 1 las 1 tres 1 y 1 to-ma 2 un 1
    // ca-fé 2 con 1 no-so-tros 3 (17). 64 syllables.
    // Fernández-Huerta = 206.84 - 1.02 * 34/4 - 60 * 64/34 = 206.84 - 8.67
    // - 112.941 = 85.23.
    let text = "---\nlang: es\n---\nHoy abrimos una nueva oficina en Sevilla. \
        Veinte personas trabajan ya allí. Queremos estar cerca de nuestros \
        clientes y de la universidad. Ven el viernes a las tres y toma un café \
        con nosotros.\n";
    write(dir.path(), "es.md", text);
    let out = postlint(&["stats", "es.md", "--format", "json"], dir.path());
    let p = &out.json()["posts"][0];
    assert_eq!(
        (p["words"].as_u64(), p["sentences"].as_u64()),
        (Some(34), Some(4))
    );
    assert_eq!(p["reading_formula"], "Fernández-Huerta reading ease");
    close(&p["reading_level"], 85.23);
    // 34 words: graded; ease is "above" the target.
    let out = postlint(&["check", "es.md", "--channel", "linkedin"], dir.path());
    assert!(
        out.stdout.contains(
            "Fernández-Huerta reading ease 85.2, target 60 or above (general audience, es)"
        ),
        "{}",
        out.stdout
    );
    write(
        dir.path(),
        "short.md",
        "---\nlang: es\n---\nHoy abrimos una oficina nueva.\n",
    );
    let out = postlint(&["check", "short.md", "--channel", "linkedin"], dir.path());
    assert!(
        out.stdout
            .contains("too short to grade (5 of 30 words, es)"),
        "{}",
        out.stdout
    );
}
