//! A checked file as LSP diagnostics: one per finding (a finding on several
//! of the file's channels once, naming the channels when not on all), and
//! one error per problem of the file (bad front matter, an unknown rule).

use std::collections::HashMap;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Range, Uri,
};

use super::convert::Converter;
use super::documents::Checked;
use crate::finding::{Finding, Severity};
use crate::outcome::{FileOutcome, PostOutcome};
use crate::report::Base;
use crate::span::Encoding;

pub const SOURCE: &str = "postlint";

/// Each finding as users see it: a file sent to several channels has the
/// same finding once per channel; the first is listed, the others are not.
pub fn shown_findings(file: &FileOutcome) -> impl Iterator<Item = (&PostOutcome, &Finding)> {
    file.posts.iter().enumerate().flat_map(move |(i, post)| {
        post.findings
            .iter()
            .enumerate()
            .filter(move |(j, _)| !file.shown(i, *j).repeat)
            .map(move |(_, f)| (post, f))
    })
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Suggestion => DiagnosticSeverity::INFORMATION,
    }
}

/// The link to a rule's section of the rule reference, when the config
/// says where it is published (`docs_url`); the anchor is formed as SARIF's
/// `helpUri` is.
pub fn docs_link(checked: &Checked, rule: &str) -> Option<Uri> {
    let base = Base {
        docs_url: checked.engine.config.docs_url.clone(),
        ..Base::default()
    };
    base.help_uri(rule)?.parse().ok()
}

pub fn converter(outcome: &FileOutcome, encoding: Encoding) -> Converter<'_> {
    Converter {
        source: &outcome.source,
        lines: &outcome.lines,
        encoding,
    }
}

/// The diagnostics of a checked document.
pub fn diagnostics(checked: &Checked, uri: &Uri, encoding: Encoding) -> Vec<Diagnostic> {
    let file = &checked.outcome;
    let info = &checked.engine.info;
    let at = converter(file, encoding);
    // Which channels each finding is on, for those not on all of them.
    let mut channels: Channels<'_> = HashMap::new();
    if file.across_channels.is_some() {
        for post in &file.posts {
            for f in &post.findings {
                let names = channels
                    .entry((f.rule.index(), f.span.start, f.span.end, &f.message))
                    .or_default();
                let name = info.channel(post.channel).name.as_str();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    let mut out = Vec::new();
    for problem in &file.problems {
        let range = problem.span.map_or(Range::default(), |s| at.range(s));
        let message = match &problem.help {
            Some(help) => format!("{}\nhelp: {help}", problem.message),
            None => problem.message.clone(),
        };
        out.push(Diagnostic {
            range,
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some(SOURCE.to_owned()),
            message,
            ..Diagnostic::default()
        });
    }
    for (i, post) in file.posts.iter().enumerate() {
        for (j, f) in post.findings.iter().enumerate() {
            let how = file.shown(i, j);
            if !how.repeat {
                out.push(finding(checked, uri, &at, f, how.only_here, &channels));
            }
        }
    }
    out
}

type Channels<'a> = HashMap<(usize, usize, usize, &'a str), Vec<&'a str>>;

fn finding(
    checked: &Checked,
    uri: &Uri,
    at: &Converter<'_>,
    f: &Finding,
    only_here: bool,
    channels: &Channels<'_>,
) -> Diagnostic {
    let info = &checked.engine.info;
    let rule = info.rule(f.rule);
    let range = at.range(f.span);
    let mut message = f.message.clone();
    if only_here {
        let key = (f.rule.index(), f.span.start, f.span.end, f.message.as_str());
        if let Some(names) = channels.get(&key) {
            message = format!("{message} ({})", names.join(", "));
        }
    }
    let related = (!rule.why.is_empty()).then(|| {
        vec![DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range,
            },
            message: rule.why.clone(),
        }]
    });
    Diagnostic {
        range,
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(rule.id.clone())),
        code_description: docs_link(checked, &rule.id).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message,
        related_information: related,
        ..Diagnostic::default()
    }
}
