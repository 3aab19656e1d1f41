//! postlint: checks posts against TOML checklists, scores them, reports.
//!
//! The pipeline flows one way: walk -> document -> config -> rules -> score
//! -> report. See ARCHITECTURE.md.

pub mod counter;
pub mod document;
pub mod entities;
pub mod span;
