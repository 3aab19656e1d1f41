//! What `postlint rules`, `explain` and `channels` print: the checklists
//! and channel profiles describing themselves.

use std::fmt::Write;

use colored::Colorize;

use crate::checklist::RuleBook;
use crate::checklist::rule::Rule;
use crate::profile::channel::Channels;

/// The languages a rule is limited to; `None` when it runs on all.
/// The goals and tones a rule is for, and its severity per goal, as
/// `(label, value)` lines.
fn purpose(rule: &Rule) -> Vec<(String, String)> {
    use crate::profile::purpose::Tone;
    let mut out = Vec::new();
    if let Some(goals) = &rule.goals {
        let names: Vec<&str> = goals.iter().map(|g| g.name()).collect();
        out.push(("Goals".to_owned(), names.join(", ")));
    }
    if let Some(tones) = &rule.tones {
        let names: Vec<&str> = tones
            .iter()
            .map(|t| match t {
                Tone::Normal => "normal",
                Tone::Crisis => "crisis",
            })
            .collect();
        out.push(("Tones".to_owned(), names.join(", ")));
    }
    for (goal, severity) in &rule.severity_by_goal {
        out.push((format!("On {} posts", goal.name()), severity.to_string()));
    }
    out
}

fn languages(rule: &Rule) -> Option<String> {
    rule.languages.as_ref().map(|list| {
        list.iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// The channels a rule is limited to, by name; `None` when it runs on all.
fn channel_names(rule: &Rule, channels: &Channels) -> Option<String> {
    rule.channels.as_ref().map(|list| {
        list.iter()
            .map(|c| channels.get(*c).id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

pub fn rules(book: &RuleBook, channel_list: &Channels) -> String {
    rules_of(book, channel_list, None)
}

/// `postlint rules`, listing only the checklists in `only` when given
/// (`--checklist` selecting among a config's checklists).
pub fn rules_of(
    book: &RuleBook,
    channel_list: &Channels,
    only: Option<&[crate::ids::ChecklistId]>,
) -> String {
    let mut out = String::new();
    let selected = book
        .checklist_ids()
        .filter(|id| only.is_none_or(|only| only.contains(id)));
    for checklist in selected.map(|id| book.checklist(id)) {
        let _ = writeln!(
            out,
            "{}  {}",
            checklist.id.bold(),
            checklist.description.dimmed()
        );
        for rule in &book.rules[checklist.rules.clone()] {
            let channels =
                channel_names(rule, channel_list).map_or(String::new(), |c| format!("  [{c}]"));
            let off = if rule.enabled { "" } else { "  (disabled)" };
            let line = format!(
                "  {:<44} {:<10} {:<14}{channels}{off}",
                rule.id,
                rule.severity.as_str(),
                rule.kind.name().as_str()
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let _ = writeln!(out);
    }
    out
}

pub fn explain(book: &RuleBook, channels: &Channels, id: &str) -> Result<String, String> {
    let rule = match book.find_rule(id) {
        Ok(r) => book.rule(r),
        Err(hint) => return Err(format!("no rule `{id}`; {hint}")),
    };
    let checklist = book.checklist(rule.checklist);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  ({}, {})",
        rule.id.bold(),
        rule.severity,
        rule.kind.name().as_str()
    );
    if !rule.why.is_empty() {
        let _ = writeln!(out, "\nWhy: {}", rule.why);
    }
    if let Some(help) = &rule.help {
        let _ = writeln!(out, "Help: {help}");
    }
    let _ = writeln!(out, "\nScope: {}", rule.scope.as_str());
    let _ = writeln!(
        out,
        "Channels: {}",
        channel_names(rule, channels).unwrap_or_else(|| "all".to_owned())
    );
    if let Some(langs) = languages(rule) {
        let _ = writeln!(out, "Languages: {langs}");
    }
    for (label, value) in purpose(rule) {
        let _ = writeln!(out, "{label}: {value}");
    }
    let _ = writeln!(out, "Defined in: {}", checklist.file);
    if !rule.settings.trim().is_empty() {
        let _ = writeln!(out, "\nSettings:");
        for line in rule.settings.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    if !rule.examples.bad.is_empty() {
        let _ = writeln!(out, "\nFlagged:");
        for e in &rule.examples.bad {
            let _ = writeln!(
                out,
                "  {} {}",
                "✗".red(),
                show_marks(e).replace('\n', "\n    ")
            );
        }
    }
    if !rule.examples.good.is_empty() {
        let _ = writeln!(out, "\nFine:");
        for e in &rule.examples.good {
            let _ = writeln!(out, "  {} {}", "✓".green(), e.replace('\n', "\n    "));
        }
    }
    let _ = writeln!(
        out,
        "\nChange it in postlint.toml:\n  [rules.\"{}\"]\n  severity = \"suggestion\"   # or enabled = false, or its own keys",
        rule.id
    );
    Ok(out)
}

pub fn channels(channels: &Channels) -> String {
    let mut rows = Vec::new();
    for c in channels.all() {
        let l = &c.limits;
        let mut facts = Vec::new();
        if let Some(n) = l.max_length {
            facts.push(format!("max {n}"));
        }
        for also in &l.also {
            facts.push(format!("{} ≤{}", also.name, also.max));
        }
        match (l.fold, l.fold_lines) {
            (Some(n), Some(lines)) => facts.push(format!("fold {n} or {lines} lines")),
            (Some(n), None) => facts.push(format!("fold {n}")),
            (None, Some(lines)) => facts.push(format!("fold {lines} lines")),
            (None, None) => {}
        }
        match (l.hashtags, l.max_hashtags) {
            (Some(n), Some(max)) if n != max => facts.push(format!("hashtags ≤{n} (max {max})")),
            (Some(n), _) | (None, Some(n)) => facts.push(format!("hashtags ≤{n}")),
            (None, None) => {}
        }
        if let Some(n) = l.max_links {
            facts.push(format!("links ≤{n}"));
        }
        match c.shorten_links {
            Some(true) => facts.push("links as the app shows them".to_owned()),
            Some(false) => facts.push("links as written".to_owned()),
            None => {}
        }
        if let Some(p) = &c.poll {
            facts.push(format!(
                "polls {}-{} × {}",
                p.min_options, p.max_options, p.option_length
            ));
        }
        for f in &c.fields {
            match (f.max, f.warn_above) {
                (Some(max), _) => facts.push(format!("{} ≤{max}", f.name)),
                (None, Some(warn)) => facts.push(format!("{} ≤{warn}", f.name)),
                (None, None) if f.counts_toward_length => facts.push(format!("{} counted", f.name)),
                (None, None) => {}
            }
        }
        rows.push((c, facts.join(", ")));
    }
    let width = rows
        .iter()
        .map(|(_, f)| f.chars().count())
        .max()
        .unwrap_or(0);
    let id_width = rows.iter().map(|(c, _)| c.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (c, facts) in rows {
        let _ = writeln!(
            out,
            "{:<id_width$} {:<10} {:<width$}  {}",
            c.id.bold(),
            c.counter.name(),
            facts,
            c.description.dimmed()
        );
    }
    // How each counter used above counts, once.
    let _ = writeln!(out);
    let mut seen = Vec::new();
    for c in channels.all() {
        if !seen.contains(&c.counter) {
            seen.push(c.counter);
            let _ = writeln!(
                out,
                "{:<11} {}",
                c.counter.name(),
                c.counter.describe().dimmed()
            );
        }
    }
    out
}

/// The rule reference in Markdown (`docs/rules.md`), generated from the
/// checklists themselves; a test fails when the committed copy is stale.
pub fn reference(book: &RuleBook, channels: &Channels) -> String {
    let mut out = String::from(
        "# Rule reference\n\nGenerated from `rules/*.toml` by `cargo test --test rule_reference` \
         (run it with `UPDATE_DOCS=1` to refresh); do not edit by hand.\n",
    );
    for checklist in &book.checklists {
        let _ = write!(
            out,
            "\n## `{}`: {}\n\n{}\n",
            checklist.id, checklist.title, checklist.description
        );
        for rule in &book.rules[checklist.rules.clone()] {
            let _ = write!(
                out,
                "\n### `{}`\n\n{} · `{}` · scope `{}` · channels: {}{}\n",
                rule.id,
                rule.severity,
                rule.kind.name().as_str(),
                rule.scope.as_str(),
                channel_names(rule, channels).unwrap_or_else(|| "all".to_owned()),
                languages(rule).map_or(String::new(), |l| format!(" · languages: {l}"))
                    + &purpose(rule)
                        .iter()
                        .map(|(label, value)| format!(" · {}: {value}", label.to_lowercase()))
                        .collect::<String>()
            );
            if !rule.why.is_empty() {
                let _ = write!(out, "\n{}\n", rule.why);
            }
            if let Some(help) = &rule.help {
                let _ = write!(out, "\nHow to fix: {help}\n");
            }
            if !rule.settings.trim().is_empty() {
                let _ = write!(out, "\n```toml\n{}```\n", rule.settings);
            }
            for (label, list) in [
                ("Flagged", &rule.examples.bad),
                ("Fine", &rule.examples.good),
            ] {
                if list.is_empty() {
                    continue;
                }
                let _ = write!(out, "\n{label}:\n\n");
                for e in list {
                    let _ = writeln!(out, "- `{}`", e.replace('\n', "⏎").replace('`', "'"));
                }
            }
        }
    }
    out
}

/// A bad example's `⟦marks⟧` underlined in red when the terminal shows
/// colours; as written (brackets) when it does not.
fn show_marks(example: &str) -> String {
    use crate::checklist::selftest::{MARK_CLOSE, MARK_OPEN};
    if !colored::control::SHOULD_COLORIZE.should_colorize() {
        return example.to_owned();
    }
    let mut out = String::with_capacity(example.len());
    let mut rest = example;
    while let Some(open) = rest.find(MARK_OPEN) {
        let after = &rest[open + MARK_OPEN.len_utf8()..];
        let Some(close) = after.find(MARK_CLOSE) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&after[..close].red().underline().to_string());
        rest = &after[close + MARK_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}
