//! Errors a user must fix in a file we load (checklist, channel profile,
//! config): what is wrong, where (file:line:column), which key, and how to fix
//! it. They end the run with exit code 2.

use std::fmt;

use crate::span::{LineIndex, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file as the user named it, or `<built-in>/...` for embedded files.
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub key: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl LoadError {
    /// An error at `span` of `source` (the text of `file`).
    pub fn at(file: &str, source: &str, span: Option<Span>, message: impl Into<String>) -> Self {
        let (line, column) = span.map_or((1, 1), |span| {
            let p = LineIndex::new(source).position(source, span.start);
            (p.line, p.column)
        });
        Self {
            file: file.to_owned(),
            line,
            column,
            key: None,
            message: message.into(),
            hint: None,
        }
    }

    /// An error from the `toml` crate while reading `source`.
    pub fn from_toml(file: &str, source: &str, err: &toml::de::Error) -> Self {
        let span = err.span().map(Span::from);
        let message = err.message().trim().to_owned();
        let mut e = Self::at(file, source, span, message.clone());
        if let Some(field) = backticked_after(&message, "unknown field `") {
            e.key = Some(field.to_owned());
            // serde lists the expected names: "expected one of `a`, `b`".
            if let Some(expected) = message.split_once("expected").map(|(_, rest)| rest) {
                let names = expected.split('`').skip(1).step_by(2);
                e.hint = Some(match did_you_mean(field, names) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("expected{expected}"),
                });
            }
            e.message = "unknown key".to_owned();
        } else if let Some(value) = backticked_after(&message, "unknown variant `") {
            // A misspelled value: name its key (from the source line) and
            // suggest the closest allowed value.
            e.key = span
                .and_then(|s| key_before(source, s.start))
                .map(str::to_owned);
            if let Some(expected) = message.split_once("expected").map(|(_, rest)| rest) {
                let names = expected.split('`').skip(1).step_by(2);
                e.hint = Some(match did_you_mean(value, names) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("expected{expected}"),
                });
            }
            e.message = format!("unknown value `{value}`");
        }
        e
    }

    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  = help: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// The closest of `candidates` to `word`, if close enough to be a typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|&(score, _)| score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The key of a `key = value` line whose value starts at `offset`.
fn key_before(source: &str, offset: usize) -> Option<&str> {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let (key, _) = source[line_start..offset].split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.contains(char::is_whitespace)).then_some(key)
}

fn backticked_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &message[message.find(prefix)? + prefix.len()..];
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("maxx", ["max", "min", "scope"]), Some("max"));
        assert_eq!(
            did_you_mean("serverity", ["severity", "scope"]),
            Some("severity")
        );
        assert_eq!(did_you_mean("zzz", ["max", "min"]), None);
    }

    #[test]
    fn misspelled_values_get_their_key_and_a_suggestion() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "kebab-case")]
        #[allow(dead_code)]
        enum Kind {
            Existence,
            Metric,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Rule {
            kind: Kind,
        }
        let src = "kind = \"existance\"\n";
        let err = toml::from_str::<Rule>(src).unwrap_err();
        let e = LoadError::from_toml("c.toml", src, &err);
        assert_eq!((e.line, e.column, e.key.as_deref()), (1, 8, Some("kind")));
        assert_eq!(e.hint.as_deref(), Some("did you mean `existence`?"));
    }

    #[test]
    fn display_names_file_line_column_key_and_hint() {
        let src = "a = 1\nmaxx = 2\n";
        let e = LoadError::at("x.toml", src, Some(Span::new(6, 10)), "unknown key")
            .with_key("maxx")
            .with_hint("did you mean `max`?");
        assert_eq!(
            e.to_string(),
            "x.toml:2:1: `maxx`: unknown key\n  = help: did you mean `max`?"
        );
    }
}
