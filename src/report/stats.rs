//! What `postlint stats` prints: a compact table per post, or JSON
//! (`{"version": 1, "posts": [...], "problems": [...]}`, key names a
//! contract). Streams like the check report.

use std::io::{self, Write};

use colored::Colorize;

use super::plural;
use crate::cli::StatsFormat;
use crate::stats::{FileStats, PostStats};

pub struct StatsReporter {
    format: StatsFormat,
    posts: usize,
    problems: Vec<String>,
}

impl StatsReporter {
    pub fn new(format: StatsFormat) -> Self {
        Self {
            format,
            posts: 0,
            problems: Vec::new(),
        }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            StatsFormat::Pretty => Ok(()),
            StatsFormat::Json => write!(out, "{{\n  \"version\": 1,\n  \"posts\": ["),
        }
    }

    pub fn file(&mut self, file: &FileStats, out: &mut dyn Write) -> io::Result<()> {
        self.problems.extend(file.problems.iter().cloned());
        for post in &file.posts {
            match self.format {
                StatsFormat::Pretty => pretty(post, out)?,
                StatsFormat::Json => {
                    out.write_all(if self.posts == 0 { b"\n" } else { b",\n" })?;
                    let text = serde_json::to_string_pretty(post).map_err(io::Error::other)?;
                    for (i, line) in text.split('\n').enumerate() {
                        if i > 0 {
                            out.write_all(b"\n")?;
                        }
                        write!(out, "    {line}")?;
                    }
                }
            }
            self.posts += 1;
        }
        Ok(())
    }

    /// `errors`: inputs that do not exist.
    pub fn finish(&mut self, errors: &[String], out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            StatsFormat::Pretty => Ok(()),
            StatsFormat::Json => {
                if self.posts > 0 {
                    write!(out, "\n  ")?;
                }
                let problems: Vec<&String> = self.problems.iter().chain(errors).collect();
                let text = serde_json::to_string_pretty(&problems).map_err(io::Error::other)?;
                write!(
                    out,
                    "],\n  \"problems\": {}\n}}\n",
                    text.replace('\n', "\n  ")
                )
            }
        }
    }
}

fn pretty(p: &PostStats, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}  ·  {}  ·  post {} of {}  ·  {}",
        p.path.bold(),
        p.channel,
        p.index,
        p.count,
        p.lang
    )?;
    if p.limits.is_empty() {
        writeln!(out, "  {:<11}{} ({})", "length", p.length, p.counter)?;
    }
    for l in &p.limits {
        let left = if l.remaining < 0 {
            format!("{} over", -l.remaining).red().to_string()
        } else {
            format!("{} left", l.remaining).green().to_string()
        };
        writeln!(
            out,
            "  {:<11}{} / {} ({}), {left}",
            l.name, l.length, l.limit, l.counter
        )?;
    }
    let counts = |parts: &[(usize, &str)]| {
        parts
            .iter()
            .map(|(n, word)| plural(*n, word))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "  {:<11}{}",
        "text",
        counts(&[
            (p.characters, "character"),
            (p.graphemes, "grapheme"),
            (p.words, "word"),
            (p.sentences, "sentence"),
            (p.paragraphs, "paragraph"),
            (p.syllables, "syllable"),
        ])
    )?;
    writeln!(
        out,
        "  {:<11}{}, {} emoji",
        "entities",
        counts(&[
            (p.hashtags, "hashtag"),
            (p.mentions, "mention"),
            (p.links, "link")
        ]),
        p.emoji
    )?;
    writeln!(
        out,
        "  {:<11}{} {:.1} · {}",
        "level", p.reading_formula, p.reading_level, p.lang
    )?;
    writeln!(
        out,
        "  {:<11}{} s · grade {:.1} · ease {:.1} · fog {:.1} · SMOG {:.1} · Coleman-Liau {:.1} · ARI {:.1} · LIX {:.0}",
        "reading",
        p.reading_time_seconds,
        p.flesch_kincaid_grade,
        p.flesch_reading_ease,
        p.gunning_fog,
        p.smog,
        p.coleman_liau,
        p.ari,
        p.lix
    )?;
    writeln!(out)
}
