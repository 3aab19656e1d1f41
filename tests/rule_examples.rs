//! Every built-in rule's documentation is executable: each `bad` example
//! must trigger the rule exactly where and as often as its `⟦marks⟧` say,
//! and each `good` example must not trigger it. The check itself is
//! `postlint test-checklists`' (`checklist::selftest`), so teams' examples
//! are held to the same rules.

use postlint::checklist::selftest::{self, Marked};
use postlint::engine::Engine;

#[test]
fn every_built_in_rule_has_why_and_examples_that_hold() {
    let engine = Engine::built_in().expect("built-in checklists load");
    let mut failures = Vec::new();
    for index in engine.book.rule_ids() {
        let rule = engine.book.rule(index);
        let id = &rule.id;
        if rule.why.trim().is_empty() {
            failures.push(format!("{id}: no `why`"));
        }
        if rule.examples.bad.is_empty() || rule.examples.good.is_empty() {
            failures.push(format!("{id}: needs at least one bad and one good example"));
        }
        for bad in &rule.examples.bad {
            if !Marked::parse(bad).is_ok_and(|m| m.marks.is_some()) {
                failures.push(format!(
                    "{id}: bad example does not mark where it fires: {bad:?}"
                ));
            }
        }
    }
    let tested = selftest::self_test(&engine.book, &engine.channels, &engine.audiences);
    failures.extend(tested.failures.iter().map(ToString::to_string));
    assert!(
        tested.examples > 200,
        "only {} examples ran",
        tested.examples
    );
    assert!(
        failures.is_empty(),
        "{} example failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn each_built_in_checklist_has_at_least_six_rules() {
    let engine = Engine::built_in().unwrap();
    for c in &engine.book.checklists {
        assert!(
            c.rules.len() >= 6,
            "{} has only {} rules",
            c.id,
            c.rules.len()
        );
    }
    let ids: Vec<&str> = engine
        .book
        .checklists
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["readable", "correct", "channel", "strategy"]);
}
