//! Extraction: a report's text in, its figures and the relations its wording states out, with a
//! draft report in format v1 that `crossfoot::check` can check.
//!
//! No language model and no server: numerals are read as people print them ([`numerals`]),
//! figures are told from years, dates and headings ([`figures`]), relations come from the wording
//! ([`patterns`]), and the draft is written by [`draft`]. HTML is turned into text first
//! ([`html`]). Doubt is never a failure: a relation is `Sure` only when its wording is
//! unambiguous (a breakdown that misses its total is sure only when one misprint would explain
//! the gap); every other relation is written as a check to confirm. A sure relation may fail:
//! that is an error of the report, shown as one.
//!
//! ```
//! let text = "共收到行政复议申请142件,其中受理79件,不予受理21件,补正42件。";
//! let extraction = crossfoot::extract::extract(text, &Default::default());
//! assert_eq!(extraction.figures.len(), 4);
//! assert_eq!(extraction.relations[0].expect, "f1 == f2 + f3 + f4");
//! assert_eq!(extraction.relations[0].confidence, crossfoot::extract::Confidence::Sure);
//! ```

pub mod draft;
pub mod figures;
pub mod html;
pub mod numerals;
pub mod patterns;
mod placed;
pub mod recognise;
mod restate;

pub use recognise::ExtractWarning;

pub use placed::{check_text, TextVerdict};

use serde::Serialize;

use crate::expr::{self, Quantity};
use crate::number;
use crate::units;

/// How to extract.
#[derive(Clone, Debug, Default)]
pub struct ExtractOptions {
    /// The input is HTML: tags are stripped and entities decoded before extraction, and the
    /// offsets refer to the resulting text (returned in [`Extraction::text`]).
    pub html: bool,
    /// The text's file name or address, written as the draft's `report.source`.
    pub source: Option<String>,
    /// The draft's `report.title`; by default the first line that names a report, or the first line.
    pub title: Option<String>,
}

/// What extraction finds in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extraction {
    /// Every figure, in the order of the text. Figures bound to no relation are listed too.
    pub figures: Vec<Figure>,
    /// The relations the wording states, in the order of their first figure.
    pub relations: Vec<Relation>,
    /// The draft report, format v1 JSON.
    pub report: String,
    /// For HTML input: the plain text the offsets refer to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The template the text was recognised as a report on (then `report` is a template report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Tables and rows of the template that could not be placed in the text.
    pub warnings: Vec<ExtractWarning>,
}

/// A figure of the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The fact id in the draft report: `f1`, `f2`, … in text order.
    pub id: String,
    /// Character offsets (Unicode scalar values) of the numeral only: digits, separators,
    /// decimal point, full-width digits or Chinese numeral characters; 0-based, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The numeral exactly as printed.
    pub printed: String,
    /// The value as the report format reads it, signed by the words (下降 2.99% is `"-2.99"`).
    pub value: String,
    /// Scale and measure as printed: `件`, `万元`, `%`, `个百分点`, `million`.
    pub unit: Option<String>,
    /// The words before the figure that name it.
    pub label: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RelationKind {
    /// A whole and the parts that make it up.
    Total,
    /// A share or rate: part / whole.
    Share,
    /// A change on an earlier value.
    Change,
    /// A part that cannot exceed its whole.
    NotExceeding,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    Whole,
    Part,
    Share,
    Now,
    Before,
    Change,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Confidence {
    /// The wording is unambiguous: checked like any check, so it may fail.
    Sure,
    /// To be confirmed by a person: shown, never failing.
    Unsure,
}

/// A relation between figures that the text states.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Relation {
    pub kind: RelationKind,
    /// Each role with the index of its figure in [`Extraction::figures`].
    pub roles: Vec<(Role, usize)>,
    pub confidence: Confidence,
    /// The check in the report format's expression language, over the figures' ids.
    pub expect: String,
    /// Whether the arithmetic holds within the figures' printed precision.
    pub holds: bool,
}

impl Extraction {
    /// The extraction as JSON text: the same fields as its serde serialisation.
    pub fn to_json(&self) -> String {
        draft::extraction_json(self)
    }
}

/// Extracts the figures and relations of `input` (plain text, or HTML with `options.html`).
/// Never panics on any input.
pub fn extract(input: &str, options: &ExtractOptions) -> Extraction {
    let html_text = options.html.then(|| html::to_text(input));
    let text = html_text.as_deref().unwrap_or(input);
    let chars: Vec<char> = text.chars().collect();
    let found = figures::find(&chars);
    let quantities: Vec<Option<Quantity>> = found.iter().map(quantity).collect();
    let ids: Vec<String> = (1..=found.len()).map(|n| format!("f{n}")).collect();
    let lookup = |name: &str| -> Option<Quantity> {
        let n: usize = name.strip_prefix('f')?.parse().ok()?;
        quantities.get(n.checked_sub(1)?)?.clone()
    };
    let holds = |expect: &str| -> bool {
        expr::parse_expect(expect)
            .ok()
            .and_then(|comparison| expr::holds(&comparison, &lookup).ok())
            .unwrap_or(false)
    };
    let holds_candidate =
        |candidate: &patterns::Candidate| holds(&expect_of(candidate, &found, &ids));
    let candidates = patterns::find(&chars, &found, &holds_candidate);
    let relations: Vec<Relation> = candidates
        .into_iter()
        .map(|candidate| {
            let expect = expect_of(&candidate, &found, &ids);
            let holds = holds(&expect);
            // Approximate figures (约, 余, more than) never make a sure relation.
            let approximate = candidate
                .roles
                .iter()
                .any(|(_, i)| found.get(*i).is_some_and(|f| f.approximate));
            let confidence = if candidate.wording_sure && !approximate {
                Confidence::Sure
            } else {
                Confidence::Unsure
            };
            Relation {
                kind: candidate.kind,
                roles: candidate.roles,
                confidence,
                expect,
                holds,
            }
        })
        .collect();
    let figures: Vec<Figure> = found
        .iter()
        .zip(&ids)
        .map(|(f, id)| Figure {
            id: id.clone(),
            start: f.numeral.start,
            end: f.numeral.end,
            printed: f.printed.clone(),
            value: f.value.clone(),
            unit: f.unit.clone(),
            label: f.label.clone(),
        })
        .collect();
    let (report, template, warnings) = match recognise::recognise(&chars, &found, options) {
        Some(r) => (r.report, Some(r.template), r.warnings),
        None => (
            draft::write(&chars, &found, &figures, &relations, options),
            None,
            Vec::new(),
        ),
    };
    Extraction {
        figures,
        relations,
        report,
        text: html_text,
        template,
        warnings,
    }
}

/// What a figure stands for in an expression.
fn quantity(found: &figures::Found) -> Option<Quantity> {
    let mut decimal = number::parse_decimal_string(&found.value).ok()?;
    // 89% is 88.5%…89.5%, as the draft's `"decimals": 0` says.
    if found.rounded {
        decimal.written_as_integer = false;
    }
    let unit = units::parse_unit(found.unit.as_deref().unwrap_or(""));
    Some(Quantity::from_figure(&found.value, &decimal, &unit, false))
}

/// The check a relation states, over the figures' ids.
fn expect_of(candidate: &patterns::Candidate, found: &[figures::Found], ids: &[String]) -> String {
    let id = |role: Role| {
        candidate
            .roles
            .iter()
            .find(|(r, _)| *r == role)
            .and_then(|(_, i)| ids.get(*i))
            .map_or("", String::as_str)
    };
    match candidate.kind {
        RelationKind::Total => {
            let mut expect = String::from(id(Role::Whole));
            expect.push_str(" ==");
            let parts = candidate.roles.iter().filter(|(r, _)| *r == Role::Part);
            for (n, (_, i)) in parts.enumerate() {
                expect.push_str(if n == 0 { " " } else { " + " });
                expect.push_str(ids.get(*i).map_or("", String::as_str));
            }
            expect
        }
        RelationKind::Share => {
            // A member of a ratio printed without % (37.2:20.5:42.3) is a share in hundredths.
            let in_hundredths = candidate
                .roles
                .iter()
                .find(|(r, _)| *r == Role::Share)
                .and_then(|(_, i)| found.get(*i))
                .is_some_and(|f| !f.percent);
            let scale = if in_hundredths { " * 100" } else { "" };
            format!(
                "{} == {} / {}{scale}",
                id(Role::Share),
                id(Role::Part),
                id(Role::Whole)
            )
        }
        RelationKind::Change => {
            let change_is_rate = candidate
                .roles
                .iter()
                .find(|(r, _)| *r == Role::Change)
                .and_then(|(_, i)| found.get(*i))
                .is_some_and(|f| f.percent);
            if change_is_rate {
                format!(
                    "{} == change({}, {})",
                    id(Role::Change),
                    id(Role::Now),
                    id(Role::Before)
                )
            } else {
                format!(
                    "{} == {} - {}",
                    id(Role::Change),
                    id(Role::Now),
                    id(Role::Before)
                )
            }
        }
        RelationKind::NotExceeding => format!("{} <= {}", id(Role::Part), id(Role::Whole)),
    }
}
