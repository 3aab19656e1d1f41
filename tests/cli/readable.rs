//! The readable checklist's measured rules on real files: values computed
//! by hand from the formulas (in the comments), thresholds by channel and
//! audience, and the config keys users already have.

use super::*;

/// The messages of one rule's findings in a JSON report.
fn messages(out: &Out, rule: &str) -> Vec<String> {
    let report = out.json();
    let mut found = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for post in file["posts"].as_array().unwrap() {
            for f in post["findings"].as_array().unwrap() {
                if f["rule"] == rule {
                    found.push(f["message"].as_str().unwrap().to_owned());
                }
            }
        }
    }
    found
}

fn check(dir: &Path, args: &[&str]) -> Out {
    let mut all = vec!["check", "--format", "json", "--checklist", "readable"];
    all.extend_from_slice(args);
    postlint(&all, dir)
}

#[test]
fn a_hard_sentence_and_a_very_hard_one_are_one_finding_each() {
    let dir = temp_dir();
    // Hard: 12 words, 30 syllables (The new re-lease makes
    // syn-chro-ni-za-tion of re-pos-i-tor-ies con-sid-er-a-bly fast-er for
    // en-ter-prise cus-tom-ers): 0.39 * 12 + 11.8 * 30/12 - 15.59 = 18.59,
    // past 17 (general audience 9 + 8), not past 21.
    // Very hard: 12 words, 49 syllables (Con-se-quent-ly
    // or-gan-i-za-tion-al lead-er-ship must pri-or-i-tize es-tab-lish-ing
    // stan-dard-ized op-er-a-tion-al pro-ce-dures fa-cil-i-tat-ing
    // in-ter-de-part-men-tal col-lab-o-ra-tion): 4.68 + 48.18 - 15.59 =
    // 37.27.
    write(
        dir.path(),
        "post.md",
        "We ship faster now.\n\nThe new release makes synchronization of repositories considerably faster for enterprise customers.\n\nConsequently, organizational leadership must prioritize establishing standardized operational procedures facilitating interdepartmental collaboration.\n",
    );
    let out = check(dir.path(), &["post.md", "--channel", "blog"]);
    assert_eq!(
        messages(&out, "readable.hard-sentence"),
        [
            "Hard to read: Flesch-Kincaid grade 18.6 for this sentence; this audience reads comfortably at 17 or below."
        ]
    );
    assert_eq!(
        messages(&out, "readable.very-hard-sentence"),
        [
            "Very hard to read: Flesch-Kincaid grade 37.3 for this sentence; this audience reads comfortably at 21 or below."
        ]
    );
    // The expert audience (14) reads the first comfortably: past 22 only.
    let out = check(
        dir.path(),
        &["post.md", "--channel", "blog", "--audience", "expert"],
    );
    assert!(messages(&out, "readable.hard-sentence").is_empty());
    assert_eq!(messages(&out, "readable.very-hard-sentence").len(), 1);
}

#[test]
fn sentence_length_is_judged_by_the_channel() {
    let dir = temp_dir();
    // 32 words, all of one syllable: not hard, but long for X (30).
    let long = "We met the team at the park on a warm day and we all had a good time as we ate, sang, and told tales of the good old days at home.";
    assert_eq!(long.split_whitespace().count(), 32);
    write(dir.path(), "post.txt", format!("{long}\n"));
    let x = check(dir.path(), &["post.txt", "--channel", "x"]);
    assert_eq!(
        messages(&x, "readable.sentence-too-long"),
        ["This sentence has 32 words; aim for 30 or fewer."]
    );
    let blog = check(dir.path(), &["post.txt", "--channel", "blog"]);
    assert!(messages(&blog, "readable.sentence-too-long").is_empty());
    // A number in postlint.toml still sets one limit for every channel.
    write(
        dir.path(),
        "postlint.toml",
        "[rules.\"readable.sentence-too-long\"]\nmax = 20\n",
    );
    let blog = check(dir.path(), &["post.txt", "--channel", "blog"]);
    assert_eq!(
        messages(&blog, "readable.sentence-too-long"),
        ["This sentence has 32 words; aim for 20 or fewer."]
    );
    // And a team may set a channel's own norm.
    write(
        dir.path(),
        "postlint.toml",
        "[channels.blog]\nsentence_words = 25\n",
    );
    let blog = check(dir.path(), &["post.txt", "--channel", "blog"]);
    assert_eq!(
        messages(&blog, "readable.sentence-too-long"),
        ["This sentence has 32 words; aim for 25 or fewer."]
    );
}

#[test]
fn a_wall_of_text_is_judged_by_the_channel() {
    let dir = temp_dir();
    // One paragraph of 8 sentences of 8 words: 64 words.
    let para = "We met the team at the park today. ".repeat(8);
    write(dir.path(), "post.txt", format!("{}\n", para.trim_end()));
    let linkedin = check(dir.path(), &["post.txt", "--channel", "linkedin"]);
    assert_eq!(
        messages(&linkedin, "readable.paragraph-too-long"),
        ["This paragraph has 64 words; break it up (aim for 60 or fewer)."]
    );
    let blog = check(dir.path(), &["post.txt", "--channel", "blog"]);
    assert!(messages(&blog, "readable.paragraph-too-long").is_empty());
    // A paragraph of one 72-word sentence is a long sentence: the sentence
    // rules report it, not the paragraph rule as well.
    let one = format!(
        "{}.\n",
        "we met the team at the park today and "
            .repeat(8)
            .trim_end()
    );
    write(dir.path(), "one.txt", one);
    let linkedin = check(dir.path(), &["one.txt", "--channel", "linkedin"]);
    assert!(messages(&linkedin, "readable.paragraph-too-long").is_empty());
    assert_eq!(messages(&linkedin, "readable.sentence-too-long").len(), 1);
}

#[test]
fn long_word_share_is_counted_by_hand() {
    let dir = temp_dir();
    // 22 words; over six letters: all but "or" and "for" (20): 90.9%.
    write(
        dir.path(),
        "post.md",
        "Organizations adopting collaborative documentation practices dramatically improve onboarding experiences, because newcomers discover institutional knowledge without interrupting experienced colleagues or waiting for meetings.\n",
    );
    let out = check(dir.path(), &["post.md", "--channel", "blog"]);
    assert_eq!(
        messages(&out, "readable.long-word-share"),
        ["90.9% of this paragraph's words have more than six letters; aim for 40% or fewer."]
    );
}

#[test]
fn children_read_at_grade_five() {
    let dir = temp_dir();
    // Short sentences a child reads, the audience named in front matter:
    // the score line shows the children's target.
    write(
        dir.path(),
        "post.md",
        "---\naudience: children\n---\nWe went to the zoo. We saw a big cat. It was a lion. It ate meat and then it slept in the sun. We fed the goats. They ate from our hands. It was fun and we want to go back soon.\n",
    );
    let out = postlint(&["check", "post.md", "--channel", "blog"], dir.path());
    assert!(
        out.stdout
            .contains("target 5 or below (children audience, en)"),
        "{}",
        out.stdout
    );
}

#[test]
fn identifiers_and_names_are_not_long_words() {
    let dir = temp_dir();
    // in-ter-op-er-a-bil-i-ty: 8 syllables, past 6. The others are names,
    // handles and identifiers, whatever their letters read aloud.
    write(
        dir.path(),
        "post.md",
        "We value interoperability. See rust-lang/rust#137944 and x86_64 from jackh726, and MemorySanitizer in CARGO_TARGET_BASE_DIR.\n",
    );
    let out = check(dir.path(), &["post.md", "--channel", "blog"]);
    assert_eq!(
        messages(&out, "readable.long-word"),
        ["\"interoperability\" has 8 syllables; a shorter word is easier to read."]
    );
}
