//! Every built-in rule's documentation is executable: each `bad` example
//! must trigger the rule and each `good` example must not.

use postlint::engine::Engine;

#[test]
fn every_built_in_rule_has_why_and_examples_that_hold() {
    let mut engine = Engine::built_in().expect("built-in checklists load");
    let mut failures = Vec::new();
    let mut checked = 0;
    for index in engine.book.rule_ids() {
        let (id, why, examples, channels) = {
            let rule = engine.book.rule(index);
            (
                rule.id.clone(),
                rule.why.clone(),
                rule.examples.clone(),
                rule.channels.clone(),
            )
        };
        if why.trim().is_empty() {
            failures.push(format!("{id}: no `why`"));
        }
        if examples.bad.is_empty() || examples.good.is_empty() {
            failures.push(format!("{id}: needs at least one bad and one good example"));
        }
        let channel_id = match &examples.channel {
            Some(name) => engine.channels.find(name).expect("checked at load"),
            None => channels
                .and_then(|c| c.first().copied())
                .or_else(|| engine.channels.find("generic"))
                .expect("generic is built in"),
        };
        let channel = engine.channels.get(channel_id).id.clone();
        engine.layers.cli.channel = Some(channel_id);
        for (text, should_fire) in examples
            .bad
            .iter()
            .map(|t| (t, true))
            .chain(examples.good.iter().map(|t| (t, false)))
        {
            checked += 1;
            let report = engine.check_source(None, "example".into(), text.clone());
            let fired: Vec<&str> = report
                .posts
                .iter()
                .flat_map(|p| &p.findings)
                .filter(|f: &&postlint::finding::Finding| f.rule == index)
                .map(|f| f.message.as_str())
                .collect();
            if should_fire && fired.is_empty() {
                failures.push(format!(
                    "{id} [{channel}]: bad example did not fire: {text:?}"
                ));
            }
            if !should_fire && !fired.is_empty() {
                failures.push(format!(
                    "{id} [{channel}]: good example fired ({fired:?}): {text:?}"
                ));
            }
        }
    }
    assert!(checked > 40, "only {checked} examples ran");
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
