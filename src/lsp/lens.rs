//! Scores as code lenses: one line above each post (one per channel when a
//! file goes to several) with the overall score, its band, the verdict and
//! each checklist's score, as the pretty report's score lines show them.
//! A lens, not a diagnostic: a score is not a problem at a place, and
//! editors show lenses above the line without cluttering the problems list.
//! The lenses carry a title and no command (nothing to run when clicked).

use lsp_types::{CodeLens, Command, Position, Range};

use super::diagnostics::converter;
use super::documents::Checked;
use crate::outcome::shown;
use crate::span::Encoding;

pub fn code_lenses(checked: &Checked, encoding: Encoding) -> Vec<CodeLens> {
    let file = &checked.outcome;
    let info = &checked.engine.info;
    let at = converter(file, encoding);
    let channels = file.across_channels.is_some();
    file.posts
        .iter()
        .map(|post| {
            let line = at.position(post.span.start).line;
            let mut title = String::from("postlint");
            if channels {
                title.push_str(&format!(" {}", info.channel(post.channel).name));
            }
            if post.count > 1 {
                title.push_str(&format!(" {}/{}", post.index + 1, post.count));
            }
            title.push_str(&format!(
                ": {} {}",
                shown(post.score.overall),
                info.bands[post.score.band]
            ));
            if !post.verdict.passed {
                title.push_str(" FAIL");
            }
            let checklists: Vec<String> = post
                .score
                .checklists()
                .map(|s| format!("{} {}", info.checklist(s.checklist).id, shown(s.score)))
                .collect();
            if !checklists.is_empty() {
                title.push_str(&format!(" · {}", checklists.join(" · ")));
            }
            let start = Position { line, character: 0 };
            CodeLens {
                range: Range { start, end: start },
                command: Some(Command {
                    title,
                    command: String::new(),
                    arguments: None,
                }),
                data: None,
            }
        })
        .collect()
}
