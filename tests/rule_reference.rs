//! `docs/rules.md` is generated from the built-in checklists; this test
//! fails when it is stale. `UPDATE_DOCS=1 cargo test --test rule_reference`
//! rewrites it.

use postlint::engine::Engine;

#[test]
fn rule_reference_is_up_to_date() {
    let engine = Engine::built_in().unwrap();
    let generated = postlint::catalog::reference(&engine.book, &engine.channels);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test --test rule_reference`"
    );
    for rule in &engine.book.rules {
        assert!(
            committed.contains(&format!("### `{}`", rule.id)),
            "{} missing",
            rule.id
        );
    }
}
