//! postlint: checks posts against TOML checklists, scores them, reports.
//!
//! The pipeline flows one way: walk -> document -> config -> rules -> score
//! -> report. See ARCHITECTURE.md for the map.

pub mod app;
pub mod audience;
pub mod catalog;
pub mod channel;
pub mod checklist;
pub mod cli;
pub mod config;
pub mod counter;
pub mod document;
pub mod engine;
pub mod entities;
pub mod error;
pub mod finding;
pub mod fix;
pub mod kinds;
pub mod post;
pub mod readability;
pub mod report;
pub mod rule;
pub mod schema;
pub mod score;
pub mod segment;
pub mod span;
pub mod walk;
