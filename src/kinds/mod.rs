//! The rule kinds a checklist combines. A closed set: one enum, one
//! exhaustive `match` per operation, so a new kind cannot be half-wired.
//!
//! Each kind lives in its own file: a strict `Spec` read from the rule's
//! TOML table, a compiled form built once, and `check`.

pub mod balance;
pub mod capitalization;
pub mod consistency;
pub mod count;
pub mod existence;
pub mod matcher;
pub mod metric;
pub mod repetition;
pub mod require;
pub mod substitution;

use serde::Deserialize;

use crate::error::LoadError;
use crate::post::Scope;
use crate::rule::{Emit, Input};
use crate::schema::{Source, Table};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KindName {
    Existence,
    Substitution,
    Count,
    Require,
    Metric,
    Repetition,
    Capitalization,
    Consistency,
    Balance,
}

impl KindName {
    /// The keys a rule of this kind may have besides the common ones.
    pub fn fields(self) -> &'static [&'static str] {
        use crate::schema::fields_of;
        match self {
            KindName::Existence => fields_of::<existence::Spec>(),
            KindName::Substitution => fields_of::<substitution::Spec>(),
            KindName::Count => fields_of::<count::Spec>(),
            KindName::Require => fields_of::<require::Spec>(),
            KindName::Metric => fields_of::<metric::Spec>(),
            KindName::Repetition => fields_of::<repetition::Spec>(),
            KindName::Capitalization => fields_of::<capitalization::Spec>(),
            KindName::Consistency => fields_of::<consistency::Spec>(),
            KindName::Balance => fields_of::<balance::Spec>(),
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            KindName::Existence => "existence",
            KindName::Substitution => "substitution",
            KindName::Count => "count",
            KindName::Require => "require",
            KindName::Metric => "metric",
            KindName::Repetition => "repetition",
            KindName::Capitalization => "capitalization",
            KindName::Consistency => "consistency",
            KindName::Balance => "balance",
        }
    }
}

pub enum Kind {
    Existence(existence::Existence),
    Substitution(substitution::Substitution),
    Count(count::Count),
    Require(require::Require),
    Metric(metric::Metric),
    Repetition(repetition::Repetition),
    Capitalization(capitalization::Capitalization),
    Consistency(consistency::Consistency),
    Balance(balance::Balance),
}

/// A compiled kind and the message placeholders it fills.
pub struct Compiled {
    pub kind: Kind,
    pub placeholders: &'static [&'static str],
}

impl Kind {
    /// Reads and compiles the kind-specific keys of a rule (`table` holds
    /// only those; the common keys were taken out by the caller).
    pub fn compile(
        name: KindName,
        scope: Scope,
        src: Source<'_>,
        span: std::ops::Range<usize>,
        table: &Table<'_>,
    ) -> Result<Compiled, LoadError> {
        let what = format!("a `{}` rule", name.as_str());
        macro_rules! build {
            ($module:ident, $variant:ident) => {{
                let spec: $module::Spec = src.read(span.clone(), table, &what)?;
                Compiled {
                    kind: Kind::$variant($module::$variant::compile(spec, scope, src, span)?),
                    placeholders: $module::PLACEHOLDERS,
                }
            }};
        }
        Ok(match name {
            KindName::Existence => build!(existence, Existence),
            KindName::Substitution => build!(substitution, Substitution),
            KindName::Count => build!(count, Count),
            KindName::Require => build!(require, Require),
            KindName::Metric => build!(metric, Metric),
            KindName::Repetition => build!(repetition, Repetition),
            KindName::Capitalization => build!(capitalization, Capitalization),
            KindName::Consistency => build!(consistency, Consistency),
            KindName::Balance => build!(balance, Balance),
        })
    }

    pub fn check(&self, input: &Input<'_, '_>, emit: &mut Emit<'_>) {
        match self {
            Kind::Existence(k) => k.check(input, emit),
            Kind::Substitution(k) => k.check(input, emit),
            Kind::Count(k) => k.check(input, emit),
            Kind::Require(k) => k.check(input, emit),
            Kind::Metric(k) => k.check(input, emit),
            Kind::Repetition(k) => k.check(input, emit),
            Kind::Capitalization(k) => k.check(input, emit),
            Kind::Consistency(k) => k.check(input, emit),
            Kind::Balance(k) => k.check(input, emit),
        }
    }

    pub fn name(&self) -> KindName {
        match self {
            Kind::Existence(_) => KindName::Existence,
            Kind::Substitution(_) => KindName::Substitution,
            Kind::Count(_) => KindName::Count,
            Kind::Require(_) => KindName::Require,
            Kind::Metric(_) => KindName::Metric,
            Kind::Repetition(_) => KindName::Repetition,
            Kind::Capitalization(_) => KindName::Capitalization,
            Kind::Consistency(_) => KindName::Consistency,
            Kind::Balance(_) => KindName::Balance,
        }
    }
}

fn yes() -> bool {
    true
}
