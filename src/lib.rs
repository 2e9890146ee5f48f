//! crossfoot checks that the figures of a published report agree.
//!
//! A report is a JSON file of facts (figures as printed, with units) and checks (relations that
//! must hold between them). Every figure stands for the interval of true values its printing
//! allows ("95.5" means 95.45…95.55), and every check is evaluated over those intervals with
//! exact rational arithmetic, so a rounded rate or a percentage change is judged fairly and a
//! sum that is off by one is always caught.
//!
//! ```
//! let report = r#"{
//!   "crossfoot": 1,
//!   "report": {"title": "行政复议"},
//!   "sections": [{
//!     "facts": [
//!       {"id": "cases", "value": 10876}, {"id": "settled", "value": 10388},
//!       {"id": "rate", "value": "95.5", "unit": "%"},
//!       {"id": "concluded", "value": 68},
//!       {"id": "upheld", "value": 32}, {"id": "other", "value": 37}
//!     ],
//!     "checks": [
//!       {"id": "rate_check", "expect": "rate == settled / cases"},
//!       {"id": "split", "expect": "concluded == upheld + other"}
//!     ]
//!   }]
//! }"#;
//! let verdict = crossfoot::check(report.as_bytes(), &crossfoot::Options::default());
//! assert_eq!(verdict.verdict, crossfoot::Status::Inconsistent);
//! assert_eq!(verdict.checks[0].arithmetic, "32 + 37 = 69, but concluded = 68 (off by 1)");
//! assert_eq!(verdict.checks[1].status, crossfoot::CheckStatus::Pass); // 95.5% ≈ 10388 / 10876
//! ```
//!
//! The modules, from the bottom up: [`json`] (parsing with byte spans), [`position`] (line and
//! column), [`number`] and [`units`] (figures as printed), [`rational`] and [`interval`] (exact
//! 128-bit fractions and intervals of them), [`expr`] (the expression language),
//! [`format`](mod@format) (the file format, described once), [`report`] (reading a file as a
//! report), [`table`] (tables: cells, slices, footing), [`template`] (templates as data, their
//! merge, cross-year links), [`engine`] (checking), [`suspects`] (which figure is likely wrong),
//! [`schema`] (the JSON Schema), [`verdict`] (what comes out), [`messages`] (English and Chinese),
//! and [`extract`] (a report's text to a draft report, and [`extract::check_text`]).

pub mod engine;
pub mod expr;
pub mod extract;
pub mod format;
pub mod interval;
pub mod json;
pub mod messages;
mod nearest;
pub mod number;
#[cfg(not(target_arch = "wasm32"))]
pub mod pdf;
pub mod position;
pub mod rational;
pub mod report;
pub mod schema;
mod strmap;
pub mod suspects;
pub mod table;
pub mod template;
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

/// Checks several reports. Each gets its own verdict, as from [`check`]; in addition, for
/// reports of one issuer (same `report.issuer`) for consecutive years (`report.period`) on a
/// template, the later year's verdict gets the template's cross-year links as checks of severity
/// warning (this year's 上年结转 = last year's 结转下年度, …), naming both years and cells.
pub fn check_together(inputs: &[(&[u8], Options)]) -> Vec<Verdict> {
    let mut verdicts: Vec<Verdict> = inputs
        .iter()
        .map(|(input, options)| check(input, options))
        .collect();
    let lang = inputs.first().map(|(_, o)| o.lang).unwrap_or_default();
    let bytes: Vec<&[u8]> = inputs.iter().map(|(input, _)| *input).collect();
    template::links::add_links(&bytes, &mut verdicts, lang);
    verdicts
}

/// The crate's version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
