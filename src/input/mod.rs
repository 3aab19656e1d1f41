//! Stage 1: what files to read and what is in them. Paths become files
//! (`walk`), bytes become text (`read`), text becomes a document with front
//! matter, a body and the spans of its posts (`document`).

pub mod document;
pub mod read;
pub mod walk;
