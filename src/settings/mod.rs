//! Stage 5: settings of a run and of each file. `config` reads
//! `postlint.toml`; `resolve` applies the precedence CLI > front matter >
//! path override > config > default, once per file, to typed handles.

pub mod config;
pub mod resolve;
pub mod suppress;
