//! Tables: reading them (every cell with a figure becomes a fact `TABLE.ROW.COLUMN`), expanding
//! slices such as `sum(t3.*.total)` into their cells, leaving out checks that name empty cells,
//! and the checks a table brings by itself (footing, cross-footing, parts, shares), which are in
//! `table/footing.rs`.

mod footing;

use std::rc::Rc;

use crate::expr::{self, Expr, ExprKind};
use crate::format::{FieldType, AT, COLUMN, PART, ROW, TABLE};
use crate::json::{Node, Value};
use crate::messages::Problem;
use crate::nearest::nearest;
use crate::number::{self, NumberError};
use crate::position::{pointer_child, pointer_item};
use crate::report::{offset, Fact, FactIndex, Loader, Report, Rounding};
use crate::units::{self, Dimension};
use crate::verdict::{
    CellStatus, CellView, CheckOutcome, CheckStatus, ColumnView, Finding, Location, RowView,
    Severity, TableView, TextSpan,
};
use crate::Lang;

/// A table as read from the file.
#[derive(Debug)]
pub struct Table {
    pub id: String,
    /// The title as printed, or the id when there is none.
    pub title: String,
    pub section: Option<String>,
    pub location: Location,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Index into `rows`, with the place of the `total_row` field.
    pub total_row: Option<(usize, Location)>,
    pub total_column: Option<(usize, Location)>,
    pub parts: Vec<Part>,
}

#[derive(Debug)]
pub struct Column {
    pub id: String,
    pub label: String,
    pub unit: Option<String>,
    /// The column this one holds shares of (index into `columns`), with the field's place.
    pub share_of: Option<(usize, Location)>,
    /// Percentages, per-mille or percentage points: neither footed nor cross-footed unless they
    /// are shares, since rates do not add up.
    pub ratio: bool,
    /// `exact: true`: its figures are exact, however printed.
    pub exact: bool,
    /// How its figures were rounded (its `rounding`, else the report's).
    pub rounding: Rounding,
    /// The line of its id, to name the first of two equal ids.
    line: u32,
}

#[derive(Debug)]
pub struct Row {
    pub id: String,
    pub label: String,
    /// One per column (missing cells of a short row are empty).
    pub cells: Vec<Cell>,
    line: u32,
}

#[derive(Debug, Default)]
pub struct Cell {
    /// The fact the cell became (index into the report's facts); `None` for an empty cell.
    pub fact: Option<usize>,
    /// The cell as printed ("—" for an empty one written so); `None` for null or "".
    pub printed: Option<String>,
    /// Where the cell stands in the source text (the row's `at`), for a table read from a text.
    pub at: Option<TextSpan>,
}

#[derive(Debug)]
pub struct Part {
    /// Index into `rows`.
    pub total: usize,
    pub rows: Vec<usize>,
    pub location: Location,
}

impl Table {
    /// The id of the fact of a cell: `t3.new.total`.
    pub fn cell_id(&self, row: usize, column: usize) -> String {
        let (row, column) = (
            self.rows.get(row).map_or("", |r| &r.id),
            self.columns.get(column).map_or("", |c| &c.id),
        );
        [&self.id, ".", row, ".", column].concat()
    }

    /// Whether the cell has a fact (a figure, or a value that a finding says is unusable).
    pub fn has_figure(&self, row: usize, column: usize) -> bool {
        self.rows
            .get(row)
            .and_then(|r| r.cells.get(column))
            .is_some_and(|c| c.fact.is_some())
    }
}

/// How an empty cell may be written (besides `null`). `"0"` is the figure zero.
pub const EMPTY_CELLS: [&str; 4] = ["", "—", "-", "/"];

fn as_str<'n>(node: &'n Node) -> &'n str {
    match &node.value {
        Value::String(text) => text,
        _ => "",
    }
}

impl<'a> Loader<'a> {
    /// Reads one table: its cells become facts, its checks checks, and its totals checks too.
    pub(crate) fn table(&mut self, node: &'a Node, pointer: &str, section: Option<&str>) {
        let Some(fields) = self.object(node, &TABLE, pointer) else {
            return;
        };
        let location = self.location(node, pointer);
        let Some(id) = fields.string("id") else {
            return; // missing: reported
        };
        let id_location = |loader: &Self| {
            let id_node = fields.get("id").unwrap_or(node);
            loader.location(id_node, &pointer_child(pointer, "id"))
        };
        if !expr::is_valid_id(&id) {
            let location = id_location(self);
            self.report_problem(Problem::InvalidId { id }, location);
            return;
        }
        if let Some(first) = self.report.tables.iter().find(|t| t.id == id) {
            let first_line = first.location.line;
            let location = id_location(self);
            self.report_problem(Problem::DuplicateId { id, first_line }, location);
            return;
        }
        let title = fields.string("title").unwrap_or_else(|| id.clone());
        let mut table = Table {
            id,
            title,
            section: section.map(str::to_string),
            location,
            columns: Vec::new(),
            rows: Vec::new(),
            total_row: None,
            total_column: None,
            parts: Vec::new(),
        };
        if fields.get("columns").is_none() {
            let location = self.location(node, pointer);
            self.report_problem(Problem::TableWithoutColumns, location);
        }
        let column_nodes = fields.array("columns");
        for (i, node) in column_nodes.iter().enumerate() {
            self.column(&mut table, node, &pointer_item(pointer, "columns", i));
        }
        // Shares are resolved once every column is known.
        for (i, node) in column_nodes.iter().enumerate() {
            self.share_of(&mut table, i, node, &pointer_item(pointer, "columns", i));
        }
        for (i, node) in fields.array("rows").iter().enumerate() {
            self.row(&mut table, node, &pointer_item(pointer, "rows", i));
        }
        if let Some(node) = fields.get("total_row") {
            let place = pointer_child(pointer, "total_row");
            table.total_row = self.row_of(&table, node, &place);
        }
        if let Some(node) = fields.get("total_column") {
            let place = pointer_child(pointer, "total_column");
            table.total_column = self.column_of(&table, node, &place);
        }
        for (i, node) in fields.array("parts").iter().enumerate() {
            self.part(&mut table, node, &pointer_item(pointer, "parts", i));
        }
        // Columns and rows without a usable id (a finding says why) have no cells to check.
        let ids = |ids: Vec<&String>| -> Vec<String> {
            ids.into_iter()
                .filter(|id| !id.is_empty())
                .cloned()
                .collect()
        };
        let columns = ids(table.columns.iter().map(|c| &c.id).collect());
        let rows = ids(table.rows.iter().map(|r| &r.id).collect());
        for (i, node) in fields.array("checks").iter().enumerate() {
            let place = pointer_item(pointer, "checks", i);
            self.check(node, place, section, Some((&columns, &rows)));
        }
        let generated = footing::checks(&table, self.lang);
        self.report.checks.extend(generated);
        self.report.tables.push(table);
    }

    /// Reads an id that must be unique among `taken`; reports it when it is not.
    fn axis_id(&mut self, node: &Node, pointer: &str, taken: &[(&str, u32)]) -> Option<String> {
        let Value::String(id) = &node.value else {
            return None;
        };
        let location = || pointer_child(pointer, "id");
        if !expr::is_valid_id(id) {
            let location = self.location(node, &location());
            self.report_problem(Problem::InvalidId { id: id.to_string() }, location);
            return None;
        }
        if let Some(&(_, first_line)) = taken.iter().find(|(taken, _)| taken == id) {
            let location = self.location(node, &location());
            let problem = Problem::DuplicateId {
                id: id.to_string(),
                first_line,
            };
            self.report_problem(problem, location);
            return None;
        }
        Some(id.to_string())
    }

    fn column(&mut self, table: &mut Table, node: &Node, pointer: &str) {
        let Some(fields) = self.object(node, &COLUMN, pointer) else {
            return;
        };
        let taken: Vec<(&str, u32)> = table
            .columns
            .iter()
            .map(|c| (c.id.as_str(), c.line))
            .collect();
        let line = self.location(node, pointer).line;
        // A column without a usable id still takes its place, so that cells stay in line.
        let id = fields
            .get("id")
            .and_then(|n| self.axis_id(n, pointer, &taken))
            .unwrap_or_default();
        let share = fields.get("share_of").is_some();
        let unit = fields
            .string("unit")
            .filter(|u| !u.trim().is_empty())
            .or_else(|| share.then(|| "%".to_string()));
        let ratio = unit
            .as_deref()
            .is_some_and(|u| units::parse_unit(u).dimension == Dimension::Ratio);
        table.columns.push(Column {
            label: fields.string("label").unwrap_or_else(|| id.clone()),
            id,
            unit,
            share_of: None,
            ratio,
            exact: matches!(
                fields.get("exact").map(|n| &n.value),
                Some(Value::Bool(true))
            ),
            rounding: self.rounding_of(&fields, self.rounding),
            line,
        });
    }

    fn share_of(&mut self, table: &mut Table, index: usize, node: &Node, pointer: &str) {
        let Value::Object(members) = &node.value else {
            return;
        };
        let Some(member) = members.iter().find(|m| m.key == "share_of") else {
            return;
        };
        if !matches!(member.value.value, Value::String(_)) {
            return; // wrong type: reported
        }
        let share_of = self.column_of(table, &member.value, &pointer_child(pointer, "share_of"));
        if let Some(column) = table.columns.get_mut(index) {
            column.share_of = share_of;
        }
    }

    fn row(&mut self, table: &mut Table, node: &Node, pointer: &str) {
        let Some(fields) = self.object(node, &ROW, pointer) else {
            return;
        };
        let taken: Vec<(&str, u32)> = table.rows.iter().map(|r| (r.id.as_str(), r.line)).collect();
        let line = self.location(node, pointer).line;
        let id = fields
            .get("id")
            .and_then(|n| self.axis_id(n, pointer, &taken));
        let cell_nodes = fields.array("cells");
        let spans = fields.array("at");
        let columns = table.columns.len();
        if let Some(cells_node) = fields.get("cells") {
            if cell_nodes.len() != columns {
                let location = self.location(cells_node, &pointer_child(pointer, "cells"));
                let problem = Problem::CellCount {
                    row: id.clone().unwrap_or_default(),
                    cells: cell_nodes.len(),
                    columns,
                };
                self.report_problem(problem, location);
            }
        }
        let label = fields
            .string("label")
            .or_else(|| id.clone())
            .unwrap_or_default();
        let mut row = Row {
            id: id.clone().unwrap_or_default(),
            label,
            cells: Vec::with_capacity(columns),
            line,
        };
        for column in 0..columns {
            let mut cell = match (cell_nodes.get(column), &id) {
                (Some(node), Some(_)) => {
                    let place = pointer_item(pointer, "cells", column);
                    self.cell(table, &row, column, node, &place)
                }
                _ => Cell::default(),
            };
            cell.at = spans
                .get(column)
                .filter(|n| n.value != Value::Null)
                .and_then(|node| {
                    let place = pointer_item(pointer, "at", column);
                    let at = self.object(node, &AT, &place)?;
                    Some(TextSpan::new(
                        offset(at.get("start")?)?,
                        offset(at.get("end")?)?,
                    ))
                });
            if let (Some(at), Some(fact)) = (cell.at, cell.fact) {
                if let Some(fact) = self.report.facts.get_mut(fact) {
                    fact.at = Some(at);
                }
            }
            row.cells.push(cell);
        }
        table.rows.push(row);
    }

    /// One cell: empty, or a fact with the column's unit and a reader's name.
    fn cell(
        &mut self,
        table: &Table,
        row: &Row,
        column: usize,
        node: &Node,
        pointer: &str,
    ) -> Cell {
        let text = match &node.value {
            Value::Null => return Cell::default(),
            Value::String(text) if EMPTY_CELLS.contains(&text.trim()) => {
                let printed = text.trim();
                return Cell {
                    fact: None,
                    printed: (!printed.is_empty()).then(|| printed.to_string()),
                    at: None,
                };
            }
            Value::String(text) | Value::Number(text) => text.trim(),
            _ => {
                let location = self.location(node, pointer);
                let problem = Problem::WrongType {
                    expected: FieldType::Figure,
                };
                self.report_problem(problem, location);
                return Cell::default();
            }
        };
        let Some(col) = table.columns.get(column) else {
            return Cell::default();
        };
        if col.id.is_empty() {
            return Cell::default();
        }
        let parsed = match &node.value {
            Value::Number(literal) => number::parse_json_number(literal),
            _ => number::parse_decimal_string(text),
        };
        let unit = col.unit.as_deref().map(units::parse_unit);
        let figure = match parsed {
            Ok(decimal) => {
                let precision = number::precision(&decimal, unit.as_ref(), col.exact, None);
                Some((decimal, precision))
            }
            Err(error) => {
                let location = self.location(node, pointer);
                let problem = match error {
                    NumberError::OutOfRange => Problem::NumberOutOfRange,
                    NumberError::NotANumber => Problem::InvalidValue { error },
                };
                self.report_problem(problem, location);
                None
            }
        };
        let (title, row_label, column_label) = (&table.title, &row.label, &col.label);
        let reader_name = match self.lang {
            Lang::En => [title, " ", row_label, ", ", column_label, " column"].concat(),
            Lang::Zh => [title, " ", row_label, ",", column_label, "列"].concat(),
        };
        let mut fact = Fact {
            id: [&table.id, ".", &row.id, ".", &col.id].concat(),
            label: Some([title, " — ", row_label, ", ", column_label].concat()),
            printed: text.to_string(),
            unit,
            quote: None,
            section: table.section.clone(),
            location: self.location(node, pointer),
            figure,
            rounding: col.rounding,
            quantity: None,
            at: None,
        };
        fact.quantity = fact.figure.as_ref().map(|(decimal, precision)| {
            let mut quantity = fact.quantity_of(&decimal.value, *precision, &fact.printed);
            quantity.name = Some(Rc::from(reader_name));
            quantity
        });
        let index = self.report.facts.len();
        self.report.facts.push(fact);
        Cell {
            fact: Some(index),
            printed: Some(text.to_string()),
            at: None,
        }
    }

    /// The row a string field names, or a finding.
    fn row_of(&mut self, table: &Table, node: &Node, pointer: &str) -> Option<(usize, Location)> {
        let name = as_str(node);
        let location = self.location(node, pointer);
        if let Some(i) = table
            .rows
            .iter()
            .position(|r| !r.id.is_empty() && r.id == name)
        {
            return Some((i, location));
        }
        let suggestion =
            nearest(name, table.rows.iter().map(|r| r.id.as_str())).map(str::to_string);
        let problem = Problem::UnknownTablePart {
            table: table.id.clone(),
            column: false,
            name: name.to_string(),
            suggestion,
        };
        self.report_problem(problem, location);
        None
    }

    fn column_of(
        &mut self,
        table: &Table,
        node: &Node,
        pointer: &str,
    ) -> Option<(usize, Location)> {
        let name = as_str(node);
        let location = self.location(node, pointer);
        if let Some(i) = table
            .columns
            .iter()
            .position(|c| !c.id.is_empty() && c.id == name)
        {
            return Some((i, location));
        }
        let suggestion =
            nearest(name, table.columns.iter().map(|c| c.id.as_str())).map(str::to_string);
        let problem = Problem::UnknownTablePart {
            table: table.id.clone(),
            column: true,
            name: name.to_string(),
            suggestion,
        };
        self.report_problem(problem, location);
        None
    }

    fn part(&mut self, table: &mut Table, node: &Node, pointer: &str) {
        let Some(fields) = self.object(node, &PART, pointer) else {
            return;
        };
        let location = self.location(node, pointer);
        let total = fields
            .get("total")
            .and_then(|n| self.row_of(table, n, &pointer_child(pointer, "total")));
        let mut rows = Vec::new();
        // A part with a row that is not there would be summed wrongly: it is left out whole.
        let mut complete = true;
        for (i, row) in fields.array("rows").iter().enumerate() {
            let place = pointer_item(pointer, "rows", i);
            if !matches!(row.value, Value::String(_)) {
                let location = self.location(row, &place);
                let problem = Problem::WrongType {
                    expected: FieldType::Id,
                };
                self.report_problem(problem, location);
                complete = false;
                continue;
            }
            match self.row_of(table, row, &place) {
                Some((row, _)) => rows.push(row),
                None => complete = false,
            }
        }
        if let (Some((total, _)), true) = (total, complete) {
            table.parts.push(Part {
                total,
                rows,
                location,
            });
        }
    }
}

/// Once the whole file is read: slices in checks become their cells, and a check that names an
/// empty cell is left out (with a warning, unless it is one instance of a `for_each` check).
pub(crate) fn resolve_cells(report: &mut Report, lang: Lang, findings: &mut Vec<Finding>) {
    if report.tables.is_empty() {
        return;
    }
    let tables = &report.tables;
    let facts = FactIndex::new(&report.facts);
    report.checks.retain_mut(|check| {
        let Some(comparison) = check.comparison.as_mut() else {
            return true;
        };
        let mut empty: Option<String> = None;
        let mut expanded = false;
        for side in [&mut comparison.lhs, &mut comparison.rhs] {
            expand_slices(side, tables, &mut empty, &mut expanded);
        }
        if expanded {
            check.references = comparison.references();
        }
        if empty.is_none() {
            empty = check
                .references
                .iter()
                .find(|(name, _)| facts.position(name).is_none() && is_empty_cell(tables, name))
                .map(|(name, _)| name.clone());
        }
        let Some(cell) = empty else {
            return true;
        };
        if !check.each {
            let problem = Problem::EmptyCell {
                check: check.id.clone(),
                cell,
            };
            findings.push(problem.finding(lang, check.location.clone()));
        }
        false
    });
}

/// Replaces each slice argument of `sum`, `min`, `max` by the cells it covers that have a figure,
/// in table order. A slice that covers only empty cells is noted in `empty`; one that names no
/// table, row or column is left for the unknown-id finding. Recursion is bounded by the parser's
/// depth limit.
fn expand_slices(
    expr: &mut Expr,
    tables: &[Table],
    empty: &mut Option<String>,
    expanded: &mut bool,
) {
    match &mut expr.kind {
        ExprKind::Number(_) | ExprKind::Fact(_) => {}
        ExprKind::Neg(inner) | ExprKind::Group(inner) => {
            expand_slices(inner, tables, empty, expanded)
        }
        ExprKind::Chain { first, rest } => {
            expand_slices(first, tables, empty, expanded);
            for operand in rest {
                expand_slices(&mut operand.expr, tables, empty, expanded);
            }
        }
        ExprKind::Call { args, .. } => {
            let mut out = Vec::with_capacity(args.len());
            for mut arg in std::mem::take(args) {
                let name = match &arg.kind {
                    ExprKind::Fact(name) if expr::is_slice(name) => name.clone(),
                    _ => {
                        expand_slices(&mut arg, tables, empty, expanded);
                        out.push(arg);
                        continue;
                    }
                };
                match slice_cells(tables, &name) {
                    Some((cells, _)) if !cells.is_empty() => {
                        *expanded = true;
                        out.extend(cells.into_iter().map(|id| Expr {
                            kind: ExprKind::Fact(id),
                            span: arg.span,
                        }));
                    }
                    Some((_, true)) => {
                        empty.get_or_insert(name);
                        out.push(arg);
                    }
                    _ => out.push(arg),
                }
            }
            *args = out;
        }
    }
}

/// The ids of the cells with figures a slice covers, in table order (rows, then columns), and
/// whether it covers any cell at all; `None` when its table does not exist.
fn slice_cells(tables: &[Table], slice: &str) -> Option<(Vec<String>, bool)> {
    let mut parts = slice.splitn(3, '.');
    let (table, rows, columns) = (parts.next()?, parts.next()?, parts.next()?);
    let table = tables.iter().find(|t| t.id == table)?;
    let mut cells = Vec::new();
    let mut any = false;
    let total_row = table.total_row.as_ref().map(|(r, _)| *r);
    let total_column = table.total_column.as_ref().map(|(c, _)| *c);
    for (r, row) in table.rows.iter().enumerate() {
        if row.id.is_empty() || !matches_pattern(rows, &row.id, Some(r) == total_row) {
            continue;
        }
        for (c, column) in table.columns.iter().enumerate() {
            let total = Some(c) == total_column;
            if column.id.is_empty() || !matches_pattern(columns, &column.id, total) {
                continue;
            }
            any = true;
            if table.has_figure(r, c) {
                cells.push(table.cell_id(r, c));
            }
        }
    }
    Some((cells, any))
}

/// `*` matches every id, `r3_*` every id starting with `r3_`, anything else only itself. A
/// pattern leaves out the table's total row or column (`total`): `sum(t.*.c)` adds the rows the
/// total sums up, and a total is named by its own id.
fn matches_pattern(pattern: &str, id: &str, total: bool) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => !total && id.starts_with(prefix),
        None => pattern == id,
    }
}

/// Whether `name` is a cell of a table that is empty.
fn is_empty_cell(tables: &[Table], name: &str) -> bool {
    slice_cells(tables, name).is_some_and(|(cells, any)| any && cells.is_empty())
}

/// The tables as the verdict shows them: each cell with its figure and whether the checks it
/// takes part in hold.
pub fn views(tables: &[Table], facts: &FactIndex, outcomes: &[CheckOutcome]) -> Vec<TableView> {
    if tables.is_empty() {
        return Vec::new();
    }
    // Per fact: bit 1 in a failing error check, bit 2 in a holding check, bit 4 in any other.
    let mut marks = vec![0u8; facts.ids().count()];
    for outcome in outcomes {
        let mark = match (outcome.status, outcome.severity) {
            (CheckStatus::Fail, Severity::Error) => 1,
            (CheckStatus::Pass, _) => 2,
            _ => 4,
        };
        for id in &outcome.facts {
            if let Some(slot) = facts.position(id).and_then(|i| marks.get_mut(i)) {
                *slot |= mark;
            }
        }
    }
    let status = |fact: Option<usize>| match fact.and_then(|i| marks.get(i)) {
        Some(m) if m & 1 != 0 => CellStatus::Fail,
        Some(2) => CellStatus::Pass,
        _ => CellStatus::None,
    };
    tables
        .iter()
        .map(|table| TableView {
            id: table.id.clone(),
            title: table.title.clone(),
            section: table.section.clone(),
            columns: table
                .columns
                .iter()
                .map(|c| ColumnView {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    unit: c.unit.clone(),
                })
                .collect(),
            rows: table
                .rows
                .iter()
                .enumerate()
                .map(|(r, row)| RowView {
                    id: row.id.clone(),
                    label: row.label.clone(),
                    cells: row
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(c, cell)| CellView {
                            fact: cell.fact.map(|_| table.cell_id(r, c)),
                            value: cell.printed.clone(),
                            status: status(cell.fact),
                            at: cell.at,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}
