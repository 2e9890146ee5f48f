//! crossfoot checks that the figures of a published report agree.

pub mod engine;
pub mod expr;
pub mod format;
pub mod interval;
pub mod json;
pub mod messages;
mod nearest;
pub mod number;
pub mod position;
pub mod report;
pub mod schema;
pub mod suspects;
pub mod units;
pub mod verdict;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use messages::Lang;
pub use verdict::*;

/// How to check.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The language of every message in the verdict.
    pub lang: Lang,
    /// The file's name, copied into the verdict.
    pub source: Option<String>,
}

/// Checks a report given as the raw bytes of its file. Never panics on any input: a file that
/// cannot be checked gets the verdict `invalid`, with findings that say where and why.
pub fn check(input: &[u8], options: &Options) -> Verdict {
    engine::check(input, options)
}

/// The crate's version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
