//! Stage 3: what a post is checked for — where it goes (channel profiles)
//! and who reads it (audiences). Data in `rules/`, read strictly.

pub mod audience;
pub mod channel;
pub mod counted;
pub mod purpose;
