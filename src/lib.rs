//! postlint: checks posts against TOML checklists, scores them, reports.
//!
//! The pipeline flows one way, and `src/` shows it: `input` (files,
//! documents) -> `text` (the post model) -> `profile` (channels,
//! audiences) -> `checklist` (rules and kinds) -> `settings` (config and
//! per-file precedence) -> `check` (one file) -> `score` -> `outcome` (the
//! run model) -> `report`. See ARCHITECTURE.md for the map.

pub mod app;
pub mod baseline;
pub mod catalog;
pub mod check;
pub mod checklist;
pub mod cli;
pub mod diff;
pub mod engine;
pub mod engines;
pub mod error;
pub mod finding;
pub mod fix;
pub mod fixer;
pub mod git;
pub mod ids;
pub mod input;
pub mod lsp;
pub mod outcome;
pub mod profile;
pub mod report;
pub mod run;
pub mod schema;
pub mod score;
pub mod settings;
pub mod span;
pub mod stats;
pub mod text;
pub mod write;
