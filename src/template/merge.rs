//! Puts a report's numbers into its template's tables.
//!
//! The report gives `"tables": [{"id": "t3", "rows": [{"id": "new", "cells": [...]}]}]`; the
//! result is the same file with full tables (format v1 `tables`: titles, columns, rows with
//! labels in the reader's language, totals, parts and checks from the template), so that the
//! report is then read and checked like any other. The report's cells are kept as they are
//! written, with their places in the file; what the template adds points at the `template` field.

use crate::json::{Member, Node, Span, Value};
use crate::nearest::nearest;
use crate::number::{self, Decimal};
use crate::position::{pointer_child, pointer_item, Locator};
use crate::report::contains_text;
use crate::verdict::{Finding, Location};
use crate::Lang;

use super::{array, member, string, Kind, TableLayout, Template, TemplateProblem};

/// The report with its template applied, or `None` when the file names no template (or names
/// it with something other than a string, which the structure check reports).
pub fn apply<'r>(
    root: &Node<'r>,
    input: &[u8],
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<Node<'r>> {
    let Value::Object(members) = &root.value else {
        return None;
    };
    let template_node = member(root, "template")?;
    let Value::String(name) = &template_node.value else {
        return None;
    };
    let mut merger = Merger {
        locator: Locator::new(input),
        lang,
        findings,
        span: template_node.span,
    };
    // Everything but the template's name and the numbers stays as written.
    let mut merged: Vec<Member<'r>> = members
        .iter()
        .filter(|m| m.key != "template" && m.key != "tables")
        .cloned()
        .collect();
    match super::find(name) {
        Ok(template) => {
            let given = member(root, "tables");
            let tables = merger.tables(&template, given);
            merged.push(Member {
                key: "tables".into(),
                key_span: given.map_or(template_node.span, |n| n.span),
                value: tables,
            });
        }
        Err(problem) => merger.report(problem, template_node, "/template"),
    }
    Some(Node {
        value: Value::Object(merged),
        span: root.span,
    })
}

struct Merger<'a> {
    locator: Locator<'a>,
    lang: Lang,
    findings: &'a mut Vec<Finding>,
    /// Where the template is named: the place of everything the template brings.
    span: Span,
}

/// The rows a report gives for one table, in the template's order of rows.
struct GivenTable<'n, 'r> {
    /// By the template's row index: the row's cells, when given and usable.
    cells: Vec<Option<&'n [Node<'r>]>>,
    /// By the template's row index: the row's `at` (where its cells stand in a text), if given.
    at: Vec<Option<&'n Node<'r>>>,
}

impl<'a> Merger<'a> {
    fn report(&mut self, problem: TemplateProblem, node: &Node, pointer: &str) {
        let (line, column) = self.locator.locate(node.span.start);
        let location = Location {
            pointer: pointer.to_string(),
            line,
            column,
        };
        self.findings.push(problem.finding(self.lang, location));
    }

    fn tables<'r>(&mut self, template: &Template, given: Option<&Node<'r>>) -> Node<'r> {
        let mut by_table: Vec<Option<GivenTable>> = template.tables.iter().map(|_| None).collect();
        let given_tables: &[Node<'r>] = match given.map(|n| &n.value) {
            Some(Value::Array(items)) => items,
            _ => &[],
        };
        for (i, node) in given_tables.iter().enumerate() {
            let pointer = pointer_item("", "tables", i);
            let Some(id) = string(node, "id") else {
                self.report_structure(node, &pointer);
                continue;
            };
            let Some(index) = template.tables.iter().position(|t| t.id == id) else {
                let suggestion =
                    nearest(&id, template.tables.iter().map(|t| t.id.as_str())).map(str::to_string);
                let problem = TemplateProblem::UnknownTable {
                    table: id,
                    template: template.name.clone(),
                    suggestion,
                };
                self.report(problem, node, &pointer);
                continue;
            };
            let Some(slot) = by_table.get_mut(index) else {
                continue;
            };
            if slot.is_some() {
                let (first_line, _) = self.locator.locate(node.span.start);
                let problem = crate::messages::Problem::DuplicateId { id, first_line };
                let location = self.location(node, &pointer);
                self.findings.push(problem.finding(self.lang, location));
                continue;
            }
            let layout = &template.tables[index];
            *slot = Some(self.rows(layout, node, &pointer));
        }

        let mut missing = Vec::new();
        let mut tables = Vec::new();
        for (layout, given) in template.tables.iter().zip(by_table) {
            let title = layout.title.pick(self.lang);
            match given {
                None => missing.push(self.lang.fill(
                    "{0} (the whole table)",
                    "{0}(整张表)",
                    &[title],
                )),
                Some(given) => {
                    let absent: Vec<&str> = layout
                        .rows
                        .iter()
                        .zip(&given.cells)
                        .filter(|(_, cells)| cells.is_none())
                        .map(|(row, _)| row.label.pick(self.lang))
                        .collect();
                    // A long list helps no one: the first rows, and how many in all.
                    match absent.len() {
                        0 => {}
                        1..=3 => missing.push([title, ": ", &absent.join("; ")].concat()),
                        n => missing.push(self.lang.fill(
                            "{0}: {1}; {2} … ({3} rows)",
                            "{0}:{1};{2} …(共 {3} 行)",
                            &[title, absent[0], absent[1], &n.to_string()],
                        )),
                    }
                    tables.push(self.table(layout, &given));
                }
            }
        }
        if !missing.is_empty() {
            let location = Location {
                pointer: "/tables".to_string(),
                line: 0,
                column: 0,
            };
            let location = match given {
                Some(node) => self.location(node, "/tables"),
                None => location,
            };
            let problem = TemplateProblem::Missing {
                what: missing.join(self.lang.pick("; ", ";")),
            };
            self.findings.push(problem.finding(self.lang, location));
        }
        self.node(Value::Array(tables))
    }

    /// The report's rows of one table, checked against the template's.
    fn rows<'n, 'r>(
        &mut self,
        layout: &TableLayout,
        table: &'n Node<'r>,
        pointer: &str,
    ) -> GivenTable<'n, 'r> {
        let mut given = GivenTable {
            cells: layout.rows.iter().map(|_| None).collect(),
            at: layout.rows.iter().map(|_| None).collect(),
        };
        let title = layout.title.pick(self.lang).to_string();
        for (j, row) in array(table, "rows").iter().enumerate() {
            let row_pointer = pointer_item(pointer, "rows", j);
            let (Some(id), Some(Value::Array(cells))) =
                (string(row, "id"), member(row, "cells").map(|n| &n.value))
            else {
                self.report_structure(row, &row_pointer);
                continue;
            };
            let Some(index) = layout.rows.iter().position(|r| r.id == id) else {
                let suggestion =
                    nearest(&id, layout.rows.iter().map(|r| r.id.as_str())).map(str::to_string);
                let problem = TemplateProblem::UnknownRow {
                    row: id,
                    table: title.clone(),
                    suggestion,
                };
                self.report(problem, row, &row_pointer);
                continue;
            };
            let row_label = layout.rows[index].label.pick(self.lang).to_string();
            if given.cells[index].is_some() {
                let (first_line, _) = self.locator.locate(row.span.start);
                let problem = crate::messages::Problem::DuplicateId { id, first_line };
                let location = self.location(row, &row_pointer);
                self.findings.push(problem.finding(self.lang, location));
                continue;
            }
            if cells.len() != layout.columns.len() {
                let columns = layout
                    .columns
                    .iter()
                    .map(|c| c.label.pick(self.lang))
                    .collect::<Vec<_>>()
                    .join(self.lang.pick(", ", "、"));
                let problem = TemplateProblem::CellCount {
                    row: [&title, " — ", &row_label].concat(),
                    found: cells.len(),
                    expected: layout.columns.len(),
                    columns,
                };
                self.report(problem, row, &pointer_child(&row_pointer, "cells"));
                // Which cell is missing cannot be known: the row is left out.
                given.cells[index] = None;
                continue;
            }
            for (k, (cell, column)) in cells.iter().zip(&layout.columns).enumerate() {
                if let Some(value) = wrong_kind(cell, column.kind) {
                    let problem = TemplateProblem::NotACount {
                        cell: [
                            &title,
                            " — ",
                            &row_label,
                            ", ",
                            column.label.pick(self.lang),
                        ]
                        .concat(),
                        value,
                        kind: column.kind,
                    };
                    self.report(problem, cell, &pointer_item(&row_pointer, "cells", k));
                }
            }
            given.cells[index] = Some(cells);
            given.at[index] = member(row, "at");
        }
        given
    }

    /// A full table of format v1: the template's layout with the report's cells. Totals, parts
    /// and checks that need a row the report does not give are left out (the report is told).
    fn table<'r>(&self, layout: &TableLayout, given: &GivenTable<'_, 'r>) -> Node<'r> {
        let lang = self.lang;
        let absent: Vec<&str> = layout
            .rows
            .iter()
            .zip(&given.cells)
            .filter(|(_, cells)| cells.is_none())
            .map(|(row, _)| row.id.as_str())
            .collect();
        let needs_absent = |text: &str| {
            absent
                .iter()
                .any(|row| contains_text(text, &[&layout.id, ".", row, "."].concat()))
        };
        let mut members = vec![
            self.member("id", self.text(&layout.id)),
            self.member("title", self.text(layout.title.pick(lang))),
        ];
        let columns = layout
            .columns
            .iter()
            .map(|column| {
                let mut fields = vec![
                    self.member("id", self.text(&column.id)),
                    self.member("label", self.text(column.label.pick(lang))),
                ];
                if let Some(unit) = &column.unit {
                    fields.push(self.member("unit", self.text(unit)));
                }
                self.node(Value::Object(fields))
            })
            .collect();
        members.push(self.member("columns", self.node(Value::Array(columns))));
        let rows = layout
            .rows
            .iter()
            .zip(given.cells.iter().zip(&given.at))
            .filter_map(|(row, (cells, at))| {
                let cells = (*cells)?;
                let mut fields = vec![
                    self.member("id", self.text(&row.id)),
                    self.member("label", self.text(row.label.pick(lang))),
                    self.member("cells", self.node(Value::Array(cells.to_vec()))),
                ];
                if let Some(at) = at {
                    fields.push(self.member("at", (*at).clone()));
                }
                Some(self.node(Value::Object(fields)))
            })
            .collect();
        members.push(self.member("rows", self.node(Value::Array(rows))));
        if let Some(total_row) = string(&layout.node, "total_row") {
            if !absent.contains(&total_row.as_str()) {
                members.push(self.member("total_row", self.text(&total_row)));
            }
        }
        if let Some(node) = member(&layout.node, "total_column") {
            members.push(self.member("total_column", node.clone()));
        }
        let parts: Vec<Node<'r>> = array(&layout.node, "parts")
            .iter()
            .filter(|part| {
                let total = string(part, "total").unwrap_or_default();
                !absent.contains(&total.as_str())
                    && array(part, "rows").iter().all(|row| match &row.value {
                        Value::String(id) => !absent.contains(&&**id),
                        _ => true,
                    })
            })
            .cloned()
            .collect();
        if !parts.is_empty() {
            members.push(self.member("parts", self.node(Value::Array(parts))));
        }
        let checks: Vec<Node<'r>> = array(&layout.node, "checks")
            .iter()
            .filter(|check| !needs_absent(&string(check, "expect").unwrap_or_default()))
            .map(|check| self.localised(check))
            .collect();
        if !checks.is_empty() {
            members.push(self.member("checks", self.node(Value::Array(checks))));
        }
        self.node(Value::Object(members))
    }

    /// A check of the template with its `label` in the reader's language.
    fn localised(&self, check: &Node<'static>) -> Node<'static> {
        let Value::Object(members) = &check.value else {
            return check.clone();
        };
        let members = members
            .iter()
            .map(|m| {
                if m.key == "label" && matches!(m.value.value, Value::Object(_)) {
                    let label = super::text(Some(&m.value));
                    self.member("label", self.text(label.pick(self.lang)))
                } else {
                    m.clone()
                }
            })
            .collect();
        self.node(Value::Object(members))
    }

    /// A table or row of the report that is not an object with the fields it needs.
    fn report_structure(&mut self, node: &Node, pointer: &str) {
        let problem = crate::messages::Problem::MissingField {
            field: if matches!(node.value, Value::Object(_)) && member(node, "id").is_some() {
                "cells"
            } else {
                "id"
            },
            object: "template table or row",
        };
        let location = self.location(node, pointer);
        self.findings.push(problem.finding(self.lang, location));
    }

    fn location(&self, node: &Node, pointer: &str) -> Location {
        let (line, column) = self.locator.locate(node.span.start);
        Location {
            pointer: pointer.to_string(),
            line,
            column,
        }
    }

    fn node<'r>(&self, value: Value<'r>) -> Node<'r> {
        Node {
            value,
            span: self.span,
        }
    }

    fn text<'r>(&self, text: &str) -> Node<'r> {
        self.node(Value::String(text.to_string().into()))
    }

    fn member<'r>(&self, key: &str, value: Node<'r>) -> Member<'r> {
        Member {
            key: key.to_string().into(),
            key_span: self.span,
            value,
        }
    }
}

/// The cell as printed when its figure is not of the column's kind; `None` when it is, when the
/// cell is empty, and when it is no figure at all (the structure check reports that).
fn wrong_kind(cell: &Node, kind: Kind) -> Option<String> {
    let (text, parsed): (&str, Result<Decimal, _>) = match &cell.value {
        Value::Number(literal) => (literal, number::parse_json_number(literal)),
        Value::String(text) if !is_empty_cell(text) => (text, number::parse_decimal_string(text)),
        _ => return None,
    };
    let decimal = parsed.ok()?;
    let fits = match kind {
        Kind::Count => decimal.written_as_integer && !decimal.value.is_negative(),
        Kind::Signed => decimal.written_as_integer,
        Kind::Amount => !decimal.value.is_negative(),
    };
    (!fits).then(|| text.trim().to_string())
}

/// The ways a table leaves a cell empty (contract of the format's tables).
pub fn is_empty_cell(text: &str) -> bool {
    matches!(text.trim(), "" | "—" | "-" | "/")
}
