//! Strict reading of our TOML files (checklists, channels, config) with
//! positions: every unknown key, wrong type or bad value becomes a
//! [`LoadError`] naming file, line, column and key, with a "did you mean".
//!
//! We parse into `toml`'s spanned `DeTable` first instead of deserializing a
//! whole file at once, because serde cannot combine `deny_unknown_fields` with
//! `flatten`: a rule's common keys and its kind's keys are split here and
//! each half is deserialized strictly.

use serde::Deserialize;
use serde::de::{self, Visitor};
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::error::{LoadError, did_you_mean};
use crate::span::Span;

/// A TOML file being read, for error positions.
#[derive(Clone, Copy)]
pub struct Source<'s> {
    pub file: &'s str,
    pub text: &'s str,
}

/// How the files embedded in the binary are named in messages.
pub const BUILT_IN: &str = "<built-in>/";

/// Whether `file` names a file embedded in the binary.
pub fn is_built_in(file: &str) -> bool {
    file.starts_with(BUILT_IN)
}

pub type Table<'s> = DeTable<'s>;

impl<'s> Source<'s> {
    pub fn is_built_in(self) -> bool {
        is_built_in(self.file)
    }

    pub fn parse(self) -> Result<Spanned<DeTable<'s>>, LoadError> {
        DeTable::parse(self.text).map_err(|e| LoadError::from_toml(self.file, self.text, &e))
    }

    pub fn error(self, span: std::ops::Range<usize>, message: impl Into<String>) -> LoadError {
        LoadError::at(self.file, self.text, Some(Span::from(span)), message)
    }

    /// Deserializes `table` into `T`, first rejecting keys `T` does not have.
    pub fn read<T: for<'de> Deserialize<'de>>(
        self,
        span: std::ops::Range<usize>,
        table: &DeTable<'s>,
        what: &str,
    ) -> Result<T, LoadError> {
        self.check_keys(table, fields_of::<T>(), what)?;
        self.read_value(span, DeValue::Table(table.clone()))
    }

    /// Deserializes one value, with the value's position on error.
    pub fn read_value<T: for<'de> Deserialize<'de>>(
        self,
        span: std::ops::Range<usize>,
        value: DeValue<'s>,
    ) -> Result<T, LoadError> {
        T::deserialize(ValueDeserializer::from(Spanned::new(span, value)))
            .map_err(|e| LoadError::from_toml(self.file, self.text, &e))
    }

    /// Fails on the first key of `table` not in `known`.
    pub fn check_keys(
        self,
        table: &DeTable<'s>,
        known: &[&str],
        what: &str,
    ) -> Result<(), LoadError> {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if !known.contains(&name) {
                let hint = match did_you_mean(name, known.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("known keys: {}", known.join(", ")),
                };
                return Err(self
                    .error(key.span(), format!("unknown key in {what}"))
                    .with_key(name)
                    .with_hint(hint));
            }
        }
        Ok(())
    }
}

/// The field names a `#[derive(Deserialize)]` struct accepts, asked of serde
/// itself so no hand-kept list can drift from the struct.
pub fn fields_of<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut grab = FieldGrabber(&[]);
    let _ = T::deserialize(&mut grab);
    grab.0
}

/// The names a `#[derive(Deserialize)]` enum accepts (after `rename_all`),
/// asked of serde, for hints that list the allowed values.
pub fn variants_of<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    fields_of::<T>()
}

struct FieldGrabber(&'static [&'static str]);

#[derive(Debug)]
struct Grabbed;

impl std::fmt::Display for Grabbed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("fields grabbed")
    }
}
impl std::error::Error for Grabbed {}
impl de::Error for Grabbed {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Grabbed
    }
}

impl<'de> de::Deserializer<'de> for &mut FieldGrabber {
    type Error = Grabbed;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Grabbed> {
        Err(Grabbed)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Grabbed> {
        self.0 = fields;
        Err(Grabbed)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Grabbed> {
        self.0 = variants;
        Err(Grabbed)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}

/// Takes the keys of `table` named in `keys` out into a table of their own.
pub fn split_off<'s>(table: &mut DeTable<'s>, keys: &[&str]) -> DeTable<'s> {
    let mut taken = DeTable::new();
    for &key in keys {
        if let Some((k, v)) = table.remove_entry(key) {
            taken.insert(k, v);
        }
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Demo {
        max: Option<u32>,
        scope: Option<String>,
    }

    #[test]
    fn fields_come_from_serde() {
        assert_eq!(fields_of::<Demo>(), &["max", "scope"]);
    }

    #[test]
    fn unknown_key_is_located_with_a_suggestion() {
        let src = Source {
            file: "c.toml",
            text: "max = 3\nmaxx = 4\n",
        };
        let doc = src.parse().unwrap();
        let err = src
            .read::<Demo>(doc.span(), doc.get_ref(), "rule")
            .unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert_eq!(err.key.as_deref(), Some("maxx"));
        assert_eq!(err.hint.as_deref(), Some("did you mean `max`?"));
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let src = Source {
            file: "c.toml",
            text: "scope = 'post'\nmax = 'lots'\n",
        };
        let doc = src.parse().unwrap();
        let err = src
            .read::<Demo>(doc.span(), doc.get_ref(), "rule")
            .unwrap_err();
        assert_eq!((err.line, err.column), (2, 7));
    }
}
