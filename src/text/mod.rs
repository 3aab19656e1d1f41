//! Stage 2: the text model of a post, and the measures taken of it.
//! Nothing here knows about channels, checklists or output.

pub mod counter;
pub mod entities;
pub mod lang;
pub mod post;
pub mod pronounce;
pub mod quotes;
pub mod readability;
pub mod reading_level;
pub mod segment;
pub mod spelling;
pub mod squeeze;
pub mod syllables;
pub mod vocabulary;
