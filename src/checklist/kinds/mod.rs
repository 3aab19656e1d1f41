//! The rule kinds a checklist combines. A closed set: the one list in
//! `kinds!` below declares each kind once, and the enum, its names, its
//! keys and every `match` over it are generated from that list, so a new
//! kind cannot be half-wired and no hand-kept list drifts.
//!
//! Each kind lives in its own file: a strict `Spec` read from the rule's
//! TOML table, a compiled form built once, and `check`. Kinds see only
//! [`api`]: never the rule book.

pub mod api;
pub mod article;
pub mod balance;
pub mod capitalization;
pub mod case;
pub mod consistency;
pub mod count;
pub mod countable;
pub mod existence;
pub mod matcher;
pub mod metric;
pub mod platform;
pub mod quoted;
pub mod repetition;
pub mod require;
pub mod spelling;
pub mod substitution;
pub mod tracking;
pub mod unless;

use serde::Deserialize;

use crate::error::LoadError;
use crate::schema::{Source, Table};
use crate::text::post::Scope;
use api::{Compile, Emit, Input, Resources};

/// A compiled kind and the message placeholders it fills.
pub struct Compiled {
    pub kind: Kind,
    pub placeholders: &'static [&'static str],
}

macro_rules! kinds {
    ($($variant:ident => $module:ident, $name:literal;)+) => {
        /// A kind's name as checklists write it (`kind = "existence"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum KindName {
            $($variant,)+
        }

        impl KindName {
            /// Every kind, in the order the docs list them.
            pub const ALL: &[KindName] = &[$(KindName::$variant,)+];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $(KindName::$variant => $name,)+
                }
            }

            /// The keys a rule of this kind may have besides the common ones.
            pub fn fields(self) -> &'static [&'static str] {
                match self {
                    $(KindName::$variant => crate::schema::fields_of::<$module::Spec>(),)+
                }
            }
        }

        pub enum Kind {
            $($variant($module::$variant),)+
        }

        impl Kind {
            /// Reads and compiles the kind-specific keys of a rule (`table`
            /// holds only those; the common keys were taken out by the caller).
            pub fn compile(
                name: KindName,
                scope: Scope,
                src: Source<'_>,
                span: std::ops::Range<usize>,
                table: &Table<'_>,
                resources: &Resources,
            ) -> Result<Compiled, LoadError> {
                let what = format!("a `{}` rule", name.as_str());
                Ok(match name {
                    $(KindName::$variant => {
                        let spec: $module::Spec = src.read(span.clone(), table, &what)?;
                        let cx = Compile { scope, src, span, resources };
                        Compiled {
                            kind: Kind::$variant($module::$variant::compile(spec, &cx)?),
                            placeholders: $module::PLACEHOLDERS,
                        }
                    })+
                })
            }

            pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
                match self {
                    $(Kind::$variant(k) => k.check(input, emit),)+
                }
            }

            /// Whether what the kind finds depends on the post's channel
            /// (its numbers or its way of counting), not just the text.
            pub fn uses_channel(&self) -> bool {
                match self {
                    Kind::Platform(_) => true,
                    Kind::Count(k) => k.uses_channel(),
                    Kind::Metric(k) => k.uses_channel(),
                    _ => false,
                }
            }

            pub fn name(&self) -> KindName {
                match self {
                    $(Kind::$variant(_) => KindName::$variant,)+
                }
            }
        }
    };
}

kinds! {
    Existence => existence, "existence";
    Substitution => substitution, "substitution";
    Count => count, "count";
    Require => require, "require";
    Metric => metric, "metric";
    Repetition => repetition, "repetition";
    Capitalization => capitalization, "capitalization";
    Consistency => consistency, "consistency";
    Balance => balance, "balance";
    Spelling => spelling, "spelling";
    Article => article, "article";
    Platform => platform, "platform";
    Tracking => tracking, "tracking";
}

impl KindName {
    /// "existence, substitution, ...": for hints.
    pub fn list() -> String {
        Self::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn yes() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_toml() {
        for kind in KindName::ALL {
            let parsed: KindName = toml::Value::String(kind.as_str().to_owned())
                .try_into()
                .unwrap();
            assert_eq!(parsed, *kind);
        }
    }
}
