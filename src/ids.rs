//! Typed handles into the run's tables. A rule, checklist or channel is
//! named once, at load time; after that the pipeline passes these small
//! copies around, and the compiler keeps a rule index from being used as a
//! checklist index.

use std::fmt;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident($int:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name($int);

        impl $name {
            /// The id of the `index`-th entry of its table.
            pub fn new(index: usize) -> Self {
                Self(<$int>::try_from(index).expect(concat!(stringify!($name), " table overflow")))
            }

            pub const fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }
    };
}

id!(
    /// A rule of the run's rule book.
    RuleId(u32)
);
id!(
    /// A checklist of the run's rule book.
    ChecklistId(u32)
);
id!(
    /// A channel profile of the run.
    ChannelId(u32)
);
