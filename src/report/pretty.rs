//! The terminal report: each finding with its source line and a caret
//! under the span, then a score bar per checklist and a verdict.

use std::io::{self, Write};

use colored::{ColoredString, Colorize};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Options, no_channel_text, plural, skip_text};
use crate::finding::number;
use crate::finding::{Finding, Severity};
use crate::outcome::{
    ChecklistScoreRef, FileOutcome, PostOutcome, ReadingLevel, RunInfo, ScoreNote, Skip,
    SkipReason, Summary, shown,
};
use crate::text::lang::LangTag;

const BAR_WIDTH: usize = 20;
const TAB: &str = "    ";

fn paint(severity: Severity, text: &str) -> ColoredString {
    match severity {
        Severity::Error => text.red().bold(),
        Severity::Warning => text.yellow().bold(),
        Severity::Suggestion => text.cyan().bold(),
    }
}

pub struct Pretty {
    pub options: Options,
    /// `--diff`: the fixes were shown, not written ("would fix").
    pub dry_run: bool,
}

impl Pretty {
    pub fn file(
        &mut self,
        info: &RunInfo,
        file: &FileOutcome,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if let Some(fixed) = file.fixed {
            self.dry_run = fixed.dry_run;
            if fixed.count > 0 && !self.options.quiet {
                let verb = if fixed.dry_run { "would fix" } else { "fixed" };
                writeln!(
                    out,
                    "{} {verb} {}\n",
                    format!("{}:", file.path).bold(),
                    plural(fixed.count, "problem")
                )?;
            }
        }
        if let Some(no_channel) = &file.no_channel
            && !self.options.quiet
            && !file.posts.is_empty()
        {
            let text = format!("{}: {}", file.path, no_channel_text(no_channel));
            let text = fit(&text, 6, 6, self.options.width);
            let (path, rest) = text.split_at(file.path.len());
            writeln!(out, "{} {}{rest}\n", "note:".bold(), path.bold())?;
        }
        // A file that could not be checked (or whose front matter is
        // wrong) says so here, where the report is read; app.rs repeats it
        // on stderr at the end for CI logs.
        for p in &file.problems {
            let at = p.span.map_or(String::new(), |s| {
                let pos = file.position(s.start);
                format!(":{}:{}", pos.line, pos.column)
            });
            let text = format!("{}{at}: {}", file.path, p.message);
            writeln!(
                out,
                "{} {}",
                "error:".red().bold(),
                fit(&text, 7, 7, self.options.width)
            )?;
            if let Some(help) = &p.help {
                writeln!(out, "  = help: {}", fit(help, 10, 10, self.options.width))?;
            }
            writeln!(out)?;
        }
        for (i, post) in file.posts.iter().enumerate() {
            if self.options.quiet && post.verdict.passed {
                continue;
            }
            render_post(info, file, i, self.options, out)?;
        }
        Ok(())
    }

    /// `errors`: paths that are not there, and other problems of no file.
    /// The verdict says "all passed" only when nothing failed and every
    /// file was checked.
    pub fn finish(
        &mut self,
        s: &Summary,
        errors: &[String],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for e in errors {
            writeln!(
                out,
                "{} {}\n",
                "error:".red().bold(),
                fit(e, 7, 7, self.options.width)
            )?;
        }
        if self.options.quiet {
            return Ok(());
        }
        let verdict = match (s.failed, s.problems) {
            (0, 0) => "all passed".green().to_string(),
            (0, n) => format!("none failed, but {}", plural(n, "problem"))
                .red()
                .to_string(),
            (failed, 0) => format!("{failed} failed").red().to_string(),
            (failed, n) => format!("{failed} failed, {}", plural(n, "problem"))
                .red()
                .to_string(),
        };
        let mut parts = vec![format!(
            "{}, {}: {verdict}",
            plural(s.files, "file"),
            plural(s.posts, "post"),
        )];
        parts.push(super::severity_counts(s));
        if s.without_channel > 0 {
            parts.push(format!(
                "{} without a channel",
                plural(s.without_channel, "post")
            ));
        }
        if let Some(n) = s.suppressed {
            parts.push(format!(
                "{} suppressed by the baseline",
                plural(n, "finding")
            ));
        }
        if let Some(n) = s.fixed {
            let verb = if self.dry_run {
                "the diff fixes"
            } else {
                "fixed"
            };
            parts.push(format!("{verb} {}", plural(n, "problem")));
        }
        writeln!(out, "{}", pack(&parts, self.options.width))
    }
}

fn render_post(
    info: &RunInfo,
    file: &FileOutcome,
    index: usize,
    options: Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let post = &file.posts[index];
    let channel = info.channel(post.channel);
    // A goal or a crisis tone changes what ran: say so where the post starts.
    let mut parts = vec![
        file.path.bold().to_string(),
        channel.name.clone(),
        format!("post {} of {}", post.index + 1, post.count),
    ];
    if let Some(goal) = file.goal {
        parts.push(format!("goal: {}", goal.name()));
    }
    if file.tone == crate::outcome::Tone::Crisis {
        parts.push("crisis".to_owned());
    }
    writeln!(out, "{}", pack(&parts, options.width))?;
    writeln!(out)?;
    let mut repeats = 0;
    for (j, f) in post.findings.iter().enumerate() {
        let s = file.shown(index, j);
        if s.repeat {
            repeats += 1;
            continue;
        }
        let label = s.only_here.then_some(channel.name.as_str());
        render_finding(info, file, f, label, options.width, out)?;
    }
    if options.show_suppressed {
        for f in &post.suppressed {
            render_finding(info, file, f, Some("suppressed"), options.width, out)?;
        }
    } else if !post.suppressed.is_empty() {
        writeln!(
            out,
            "{} {} suppressed by the file (--show-suppressed lists {})\n",
            "note:".bold(),
            plural(post.suppressed.len(), "finding"),
            if post.suppressed.len() == 1 {
                "it"
            } else {
                "them"
            }
        )?;
    }
    if repeats > 0 {
        writeln!(
            out,
            "{} {} listed above for another channel {} here too\n",
            "note:".bold(),
            plural(repeats, "finding"),
            if repeats == 1 { "applies" } else { "apply" }
        )?;
    }
    // Rules for other languages: one line naming them all.
    let (other_language, other): (Vec<&Skip>, Vec<&Skip>) = post
        .skipped
        .iter()
        .partition(|s| matches!(s.reason, SkipReason::OtherLanguage(_)));
    for skip in other {
        writeln!(
            out,
            "{} {}",
            "note:".bold(),
            fit(&skip_text(info, skip), 6, 6, options.width)
        )?;
    }
    if !other_language.is_empty() {
        // Per checklist, in the order the rules ran.
        let mut per: Vec<(&str, usize)> = Vec::new();
        for s in &other_language {
            let id = info.checklist(info.rule(s.rule).checklist).id.as_str();
            match per.iter_mut().find(|(c, _)| *c == id) {
                Some((_, n)) => *n += 1,
                None => per.push((id, 1)),
            }
        }
        let per: Vec<String> = per.iter().map(|(c, n)| format!("{n} {c}")).collect();
        let text = format!(
            "{} for other languages did not check this `{}` post ({}; JSON lists them)",
            plural(other_language.len(), "rule"),
            post.lang,
            per.join(", ")
        );
        writeln!(
            out,
            "{} {}",
            "note:".bold(),
            fit(&text, 6, 6, options.width)
        )?;
    }
    if !post.skipped.is_empty() {
        writeln!(out)?;
    }
    if let Some(preview) = &post.fold_preview
        && let Some(fold) = channel.fold
    {
        let lines = match channel.fold_lines {
            Some(n) => format!(", {n} lines on mobile"),
            None => String::new(),
        };
        let text = format!("Before \"see more\" ({fold} characters{lines}), readers see:");
        writeln!(out, "{}", fit(&text, 0, 2, options.width))?;
        // The platform's line breaks, each line wrapped to the terminal.
        let columns = options
            .width
            .map_or(78, |w| w.saturating_sub(2).clamp(MIN_WIDTH - 2, 78));
        for text_line in preview.split('\n') {
            for line in wrap(text_line, columns, columns) {
                writeln!(out, "  {}", line.dimmed())?;
            }
            if text_line.is_empty() {
                writeln!(out)?;
            }
        }
        writeln!(out)?;
    }
    for s in post.score.checklists() {
        let checklist = info.checklist(s.checklist);
        let findings: Vec<&Finding> = post
            .findings
            .iter()
            .filter(|f| info.rule(f.rule).checklist == s.checklist)
            .collect();
        let note = match checklist.note {
            ScoreNote::ReadingGrade => reading_note(&post.reading, file, post.lang),
            ScoreNote::Length => post
                .length
                .map(|(value, max)| format!("{} / {} characters", thousands(value), thousands(max)))
                .unwrap_or_default(),
            ScoreNote::Findings => counts(&findings),
        };
        // The note is cut to what is left of the width after the bar.
        let note = match options.width {
            Some(width) => truncate(&note, width.max(MIN_WIDTH).saturating_sub(41)),
            None => note,
        };
        let note = if note.is_empty() {
            String::new()
        } else {
            format!("   {}", note.dimmed())
        };
        writeln!(
            out,
            "  {:<10} {}  {:>3}{note}",
            checklist.id,
            bar(s.score),
            shown(s.score)
        )?;
        if options.explain_score {
            explain(info, post, &s, out)?;
        }
    }
    let verdict = if post.verdict.passed {
        "PASS".green().bold().to_string()
    } else {
        let reasons = super::reason_texts(info, post);
        // After "  overall    <bar>  NNN  band   FAIL  ".
        let used = 2
            + 10
            + 1
            + BAR_WIDTH
            + 2
            + 3
            + 2
            + display_width(&info.bands[post.score.band])
            + 3
            + 6;
        format!(
            "{}  {}",
            "FAIL".red().bold(),
            fit(&reasons.join("; "), used, 6, options.width)
        )
    };
    writeln!(
        out,
        "  {:<10} {}  {:>3}  {}   {}",
        "overall",
        bar(post.score.overall),
        shown(post.score.overall),
        info.bands[post.score.band].bold(),
        verdict
    )?;
    if options.explain_score
        && let Some(cap) = &post.score.cap
    {
        let rules: Vec<&str> = cap
            .rules
            .iter()
            .map(|&r| info.rule(r).id.as_str())
            .collect();
        writeln!(
            out,
            "      an error means the post cannot go out as it is ({}): {:.2} × {}/100 = {:.2}, in the lowest band ({})",
            rules.join(", "),
            cap.before,
            number(cap.at),
            post.score.overall,
            info.bands[info.bands.len() - 1]
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// "Flesch-Kincaid grade 11.2, target 9 or below (general audience, en)":
/// the number `readable.reading-grade` compared, or why there is none.
fn reading_note(r: &ReadingLevel, file: &FileOutcome, lang: LangTag) -> String {
    if r.words == 0 {
        return String::new();
    }
    if !r.graded {
        return format!(
            "too short to grade ({} of {} words, {lang})",
            r.words, r.min_words
        );
    }
    let (value, side) = if r.higher_is_harder {
        (r.value.max(0.0), "below")
    } else {
        (r.value, "above")
    };
    format!(
        "{} {value:.1}, target {} or {side} ({} audience, {lang})",
        r.formula,
        number((r.target * 10.0).round() / 10.0),
        file.audience.name
    )
}

fn explain(
    info: &RunInfo,
    post: &PostOutcome,
    s: &ChecklistScoreRef<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    if s.deductions.is_empty() {
        return Ok(());
    }
    let formula = s.before_cap.unwrap_or(s.score);
    writeln!(
        out,
        "      {} words = {:.2} units; 100 × {:.2} / ({:.2} + penalty {:.2}) = {:.2}",
        post.score.words, post.score.units, post.score.units, post.score.units, s.penalty, formula
    )?;
    if s.before_cap.is_some() {
        writeln!(
            out,
            "      an error in this checklist: scaled into the lowest band, {:.2}",
            s.score
        )?;
    }
    for d in s.deductions {
        let rule = info.rule(d.rule);
        writeln!(
            out,
            "      {:>6.1}  {:<40} {}",
            -d.points,
            rule.id,
            plural(d.count, rule.severity.as_str()).dimmed()
        )?;
    }
    Ok(())
}

/// `label`: the channel, for a finding of a file sent to several channels
/// that only this channel has.
fn render_finding(
    info: &RunInfo,
    file: &FileOutcome,
    f: &Finding,
    label: Option<&str>,
    columns: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rule = info.rule(f.rule);
    let (start, end) = file.locate(f.span);
    let (line, column, end_line) = (start.line, start.column, end.line);
    let label = label.map(|l| format!(" ({l})")).unwrap_or_default();
    let head = f.severity.as_str().len() + rule.id.len() + 2 + display_width(&label) + 2;
    writeln!(
        out,
        "{}{}{}: {}",
        paint(f.severity, f.severity.as_str()),
        format!("[{}]", rule.id).dimmed(),
        label.bold(),
        fit(&f.message, head, 4, columns).bold()
    )?;
    let gutter = line.to_string().len();
    let pad = " ".repeat(gutter);
    writeln!(out, "{pad}{} {}:{line}:{column}", "-->".blue(), file.path)?;
    let line_span = file.lines.line_span(&file.source, line - 1);
    let text = &file.source[line_span.range()];
    let start = f.span.start.clamp(line_span.start, line_span.end) - line_span.start;
    let end = if end_line == line {
        f.span.end.clamp(line_span.start, line_span.end) - line_span.start
    } else {
        text.len()
    };
    let max = columns.map_or(MAX_LINE_WIDTH, |w| w.max(MIN_WIDTH) - gutter - 3);
    let (shown_line, lead, width) = window(text, start, end.max(start), max);
    writeln!(out, "{pad} {}", "|".blue())?;
    writeln!(
        out,
        "{} {} {shown_line}",
        line.to_string().blue(),
        "|".blue()
    )?;
    writeln!(
        out,
        "{pad} {} {}{}",
        "|".blue(),
        " ".repeat(lead),
        paint(f.severity, &"^".repeat(width))
    )?;
    if !rule.why.is_empty() {
        let at = gutter + 8;
        writeln!(out, "{pad} = why: {}", fit(&rule.why, at, at, columns))?;
    }
    if let Some(help) = &rule.help {
        let at = gutter + 9;
        writeln!(out, "{pad} = help: {}", fit(help, at, at, columns))?;
    }
    if let Some(fix) = &f.fix {
        let safety = fix.applicability.as_str();
        let what: Vec<String> = fix
            .edits
            .iter()
            .map(|e| {
                let from = file.source.get(e.span.range()).unwrap_or_default();
                if e.replacement.is_empty() {
                    format!("remove \"{}\"", from.trim())
                } else {
                    format!("{} -> {}", from, e.replacement)
                }
            })
            .collect();
        let at = gutter + 11 + safety.len();
        writeln!(
            out,
            "{pad} = fix ({safety}): {}",
            fit(&what.join(", "), at, at, columns)
        )?;
    }
    writeln!(out)
}

/// Terminal columns a source line may take before it is cut around the
/// span, when the report is not fitted to a width.
const MAX_LINE_WIDTH: usize = 100;

/// The narrowest width the report fits itself to: below it, lines are cut
/// or wrapped as if the terminal had this many columns.
pub const MIN_WIDTH: usize = 40;

/// The source line to print (tabs expanded, long lines cut to a window
/// around the span with "…"), and where the caret starts and how wide it is.
fn window(line: &str, start: usize, end: usize, max: usize) -> (String, usize, usize) {
    let expand = |s: &str| s.replace('\t', TAB);
    let width = display_width(&line[start..end]).max(1);
    // Measured only up to `max`: a 100 KB line with 20,000 findings must
    // not be measured whole for each of them.
    if fits(line, max) {
        return (expand(line), display_width(&line[..start]), width);
    }
    // Keep a little context before the span, then as much as fits.
    let context = 20.min(max / 4);
    let mut from = start;
    let mut cols = 0;
    for (i, g) in line[..start].grapheme_indices(true).rev() {
        cols += grapheme_width(g);
        if cols > context {
            break;
        }
        from = i;
    }
    let prefix = if from > 0 { "…" } else { "" };
    let mut to = from;
    let mut used = display_width(prefix);
    for (i, g) in line[from..].grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > max - 1 {
            break;
        }
        used += w;
        to = from + i + g.len();
    }
    let suffix = if to < line.len() { "…" } else { "" };
    let shown = format!("{prefix}{}{suffix}", expand(&line[from..to]));
    let lead = display_width(prefix) + display_width(&line[from..start]);
    let width = width.min(display_width(&line[start..to.max(start)]).max(1));
    (shown, lead, width)
}

/// Whether `s` takes at most `max` columns; stops counting past `max`.
fn fits(s: &str, max: usize) -> bool {
    let mut cols = 0;
    for g in s.graphemes(true) {
        cols += grapheme_width(g);
        if cols > max {
            return false;
        }
    }
    true
}

/// Terminal columns of `s`, tabs as four. Measured per grapheme, so a ZWJ
/// family emoji is one wide character, not four.
fn display_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

fn grapheme_width(g: &str) -> usize {
    if g == "\t" { TAB.len() } else { g.width() }
}

fn bar(score: f64) -> String {
    let filled = ((score.clamp(0.0, 100.0) / 100.0) * BAR_WIDTH as f64).round() as usize;
    let colour = |s: String| match shown(score) {
        90.. => s.green(),
        70..=89 => s.yellow(),
        _ => s.red(),
    };
    format!(
        "{}{}",
        colour("█".repeat(filled)),
        "░".repeat(BAR_WIDTH - filled).dimmed()
    )
}

fn counts(findings: &[&Finding]) -> String {
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let mut parts = Vec::new();
    for (s, word) in [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Suggestion, "suggestion"),
    ] {
        if n(s) > 0 {
            parts.push(plural(n(s), word));
        }
    }
    parts.join(", ")
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `text` in lines of at most `first` columns, then `rest`, broken at
/// spaces; a word longer than a line (a URL) is broken where it must be.
fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let budget = |lines: &Vec<String>| if lines.is_empty() { first } else { rest }.max(1);
    for word in text.split(' ') {
        let w = display_width(word);
        if !line.is_empty() && used + 1 + w > budget(&lines) {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if !line.is_empty() {
            line.push(' ');
            used += 1;
        }
        for g in word.graphemes(true) {
            let gw = grapheme_width(g);
            if used > 0 && used + gw > budget(&lines) {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push_str(g);
            used += gw;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` fitted to `width` columns when there is one: the first line
/// after `first` columns already used, the others indented by `indent`.
/// Without a width, as it is.
fn fit(text: &str, first: usize, indent: usize, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text.to_owned();
    };
    let width = width.max(MIN_WIDTH);
    let rest = width.saturating_sub(indent).max(MIN_WIDTH / 2);
    let first_room = width.saturating_sub(first);
    let joint = format!("\n{}", " ".repeat(indent));
    if first_room < MIN_WIDTH / 2 && display_width(text) > first_room {
        // Too little room left on the first line: start on the next.
        return format!("{joint}{}", wrap(text, rest, rest).join(&joint));
    }
    wrap(text, first_room, rest).join(&joint)
}

/// Parts joined by "  ·  ", a part that does not fit the width on a line
/// of its own.
fn pack(parts: &[String], width: Option<usize>) -> String {
    let mut text = String::new();
    let mut used = 0;
    for part in parts {
        let w = display_width(&strip_ansi(part));
        if !text.is_empty() {
            if width.is_some_and(|width| used + 5 + w > width) {
                text.push('\n');
                used = 0;
            } else {
                text.push_str("  ·  ");
                used += 5;
            }
        }
        text.push_str(part);
        used += w;
    }
    text
}

/// `text` cut to `columns` with "…" when longer.
fn truncate(text: &str, columns: usize) -> String {
    if display_width(text) <= columns {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > columns {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `text` without colour codes, to measure it.
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(412), "412");
        assert_eq!(thousands(3000), "3,000");
        assert_eq!(thousands(63206), "63,206");
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}target{}", "a ".repeat(100), " b".repeat(100));
        let start = line.find("target").unwrap();
        let (shown, lead, width) = window(&line, start, start + 6, MAX_LINE_WIDTH);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(display_width(&shown) <= MAX_LINE_WIDTH);
        assert_eq!(
            &shown[shown.char_indices().nth(lead).unwrap().0..][..6],
            "target"
        );
        assert_eq!(width, 6);
        let (shown, lead, width) = window("short line", 6, 10, MAX_LINE_WIDTH);
        assert_eq!((shown.as_str(), lead, width), ("short line", 6, 4));
    }

    #[test]
    fn text_is_fitted_to_the_width() {
        let text = "Misspellings are the first thing readers notice and the last thing a brand wants to be known for.";
        assert_eq!(fit(text, 10, 10, None), text);
        let fitted = fit(text, 10, 4, Some(60));
        let lines: Vec<&str> = fitted.lines().collect();
        assert!(lines.len() > 1, "{fitted}");
        assert!(display_width(lines[0]) <= 50, "{fitted}");
        for l in &lines[1..] {
            assert!(l.starts_with("    ") && display_width(l) <= 60, "{fitted}");
        }
        assert_eq!(
            lines
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            text
        );
        let url = format!("see https://example.com/{}", "a".repeat(100));
        assert!(
            fit(&url, 0, 0, Some(40))
                .lines()
                .all(|l| display_width(l) <= 40)
        );
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(strip_ansi("\u{1b}[1;31mred\u{1b}[0m"), "red");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(display_width("a🚀\tb"), 1 + 2 + 4 + 1);
        assert_eq!(
            display_width("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"),
            2
        );
        assert_eq!(display_width("cafe\u{301}"), 4);
    }
}
