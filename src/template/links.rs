//! Cross-year links: reports of one issuer for consecutive years must agree where the template
//! says they do (this year's 上年结转 is last year's 结转下年度, per column). Revisions can
//! legitimately break a link, so each is a check of severity warning, added to the later year's
//! verdict and naming both years and the cells.

use crate::engine;
use crate::expr::{self, Quantity};
use crate::json::{self, Node, Value};
use crate::number;
use crate::report::substitute;
use crate::units;
use crate::verdict::{CheckOutcome, CheckStatus, Location, Severity, Verdict};
use crate::Lang;

use super::{array, member, merge::is_empty_cell, string, Axis, Template};

/// What a report brings to the links: who issued it, for which year, on which template, and its
/// cells (`TABLE.ROW.COLUMN`, the figure as written, the column's unit).
pub struct Yearly {
    pub issuer: String,
    pub year: i64,
    template: Template,
    cells: Vec<(String, String, Option<String>)>,
}

impl Yearly {
    /// `None` when the file is no JSON, names no template, or has no issuer or year.
    pub fn read(input: &[u8]) -> Option<Yearly> {
        let document = json::parse(input).ok()?;
        let root = &document.root;
        let template = super::find(&string(root, "template")?).ok()?;
        let report = member(root, "report")?;
        let issuer = string(report, "issuer")?.trim().to_string();
        let year = year_of(&string(report, "period")?)?;
        let mut cells = Vec::new();
        for table in array(root, "tables") {
            let Some(layout) = string(table, "id").and_then(|id| template.table(&id)) else {
                continue;
            };
            for row in array(table, "rows") {
                let Some(row_id) = string(row, "id") else {
                    continue;
                };
                let given = array(row, "cells");
                if given.len() != layout.columns.len() {
                    continue; // reported by the template check of the report itself
                }
                for (cell, column) in given.iter().zip(&layout.columns) {
                    if let Some(printed) = figure_text(cell) {
                        let name = [&layout.id, ".", &row_id, ".", &column.id].concat();
                        cells.push((name, printed, column.unit.clone()));
                    }
                }
            }
        }
        Some(Yearly {
            issuer,
            year,
            template,
            cells,
        })
    }

    fn quantity(&self, name: &str) -> Option<Quantity> {
        let (_, printed, unit) = self.cells.iter().find(|(n, _, _)| n == name)?;
        let decimal = number::parse_decimal_string(printed).ok()?;
        let unit = units::parse_unit(unit.as_deref().unwrap_or(""));
        Some(Quantity::from_figure(printed, &decimal, &unit, false))
    }
}

/// The year a period names: "2021", "2021年", "2021-01-01/2021-12-31" → 2021.
fn year_of(period: &str) -> Option<i64> {
    let digits: String = period
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() == 4 {
        digits.parse().ok()
    } else {
        None
    }
}

fn figure_text(cell: &Node) -> Option<String> {
    match &cell.value {
        Value::Number(literal) => Some(literal.to_string()),
        Value::String(text) if !is_empty_cell(text) => Some(text.trim().to_string()),
        _ => None,
    }
}

/// Adds to each verdict the links between its report and the report of the year before by the
/// same issuer, when one is among `inputs` (the first such, if several are).
pub fn add_links(inputs: &[&[u8]], verdicts: &mut [Verdict], lang: Lang) {
    // A link joins two reports: one file has none (and is not read a second time).
    if inputs.len() < 2 {
        return;
    }
    let yearly: Vec<Option<Yearly>> = inputs.iter().map(|input| Yearly::read(input)).collect();
    for (later_index, later) in yearly.iter().enumerate() {
        let Some(later) = later else { continue };
        let earlier = yearly.iter().flatten().find(|earlier| {
            earlier.issuer == later.issuer && earlier.year.checked_add(1) == Some(later.year)
        });
        let (Some(earlier), Some(verdict)) = (earlier, verdicts.get_mut(later_index)) else {
            continue;
        };
        let outcomes = link_checks(earlier, later, lang);
        if !outcomes.is_empty() {
            add_checks(verdict, outcomes, lang);
        }
    }
}

/// Every link of the later year's template whose cells both reports give.
pub fn link_checks(earlier: &Yearly, later: &Yearly, lang: Lang) -> Vec<CheckOutcome> {
    let mut outcomes = Vec::new();
    let (later_year, earlier_year) = (later.year.to_string(), earlier.year.to_string());
    let years = [&earlier_year, " → ", &later_year].concat();
    for link in &later.template.links {
        let Some(layout) = later.template.table(&link.table) else {
            continue;
        };
        let instances: Vec<(&str, &str)> = match link.for_each {
            Some(Axis::Column) => layout
                .columns
                .iter()
                .map(|c| (c.id.as_str(), c.label.pick(lang)))
                .collect(),
            Some(Axis::Row) => layout
                .rows
                .iter()
                .map(|r| (r.id.as_str(), r.label.pick(lang)))
                .collect(),
            None => vec![("", "")],
        };
        for (id, label) in instances {
            let mut expect = substitute(&link.expect, "{column}", id);
            expect = substitute(&expect, "{row}", id);
            expect = substitute(&expect, "`this.", &["`", &later_year, "."].concat());
            expect = substitute(&expect, "`last.", &["`", &earlier_year, "."].concat());
            let Ok(comparison) = expr::parse_expect(&expect) else {
                continue;
            };
            let lookup = |name: &str| -> Option<Quantity> {
                let (year, cell) = name.split_once('.')?;
                let report = if year == later_year {
                    later
                } else if year == earlier_year {
                    earlier
                } else {
                    return None;
                };
                report.quantity(cell)
            };
            let references = comparison.references();
            // A link needs every cell it names; a cell left empty is no figure to compare.
            if references.iter().any(|(name, _)| lookup(name).is_none()) {
                continue;
            }
            let Ok(evaluation) = expr::evaluate(&comparison, &lookup, lang) else {
                continue;
            };
            let what = link.label.pick(lang);
            outcomes.push(CheckOutcome {
                id: if id.is_empty() {
                    [&years, " ", &link.id].concat()
                } else {
                    [&years, " ", &link.id, ":", id].concat()
                },
                label: Some(if label.is_empty() {
                    [&years, ": ", what].concat()
                } else {
                    [&years, ": ", what, " — ", label].concat()
                }),
                expect,
                status: if evaluation.holds {
                    CheckStatus::Pass
                } else {
                    CheckStatus::Fail
                },
                severity: Severity::Warning,
                arithmetic: evaluation.arithmetic,
                message: String::new(),
                quote: None,
                section: Some(lang.pick("cross-year links", "跨年度衔接").to_string()),
                confidence: None,
                to_confirm: false,
                facts: references.into_iter().map(|(name, _)| name).collect(),
                off_by: evaluation.off_by,
                holds_if: evaluation.holds_if.map(|mode| mode.name()),
                range_not_exact: evaluation.range_not_exact,
                location: Location::default(),
            });
        }
    }
    outcomes
}

/// Adds checks to a verdict and keeps its counts, order and summary true. Links are warnings,
/// so the verdict itself does not change.
fn add_checks(verdict: &mut Verdict, outcomes: Vec<CheckOutcome>, lang: Lang) {
    for outcome in &outcomes {
        verdict.counts.checks += 1;
        match outcome.status {
            CheckStatus::Pass => verdict.counts.passed += 1,
            CheckStatus::Fail => verdict.counts.failed += 1,
            CheckStatus::Error => verdict.counts.check_errors += 1,
        }
    }
    let (failing, passing): (Vec<_>, Vec<_>) = outcomes
        .into_iter()
        .partition(|o| o.status == CheckStatus::Fail);
    // Failing checks come first in a verdict: the new failing ones go after the old failing ones.
    let first_not_failing = verdict
        .checks
        .iter()
        .position(|c| c.status != CheckStatus::Fail)
        .unwrap_or(verdict.checks.len());
    verdict
        .checks
        .splice(first_not_failing..first_not_failing, failing);
    verdict.checks.extend(passing);
    verdict.summary = engine::summary(verdict.verdict, &verdict.counts, lang);
}

#[cfg(test)]
mod tests {
    use super::year_of;

    #[test]
    fn a_period_names_its_year() {
        assert_eq!(year_of("2021"), Some(2021));
        assert_eq!(year_of("2021年"), Some(2021));
        assert_eq!(year_of(" 2021-01-01/2021-12-31"), Some(2021));
        assert_eq!(year_of("21"), None);
        assert_eq!(year_of("年度"), None);
    }
}
