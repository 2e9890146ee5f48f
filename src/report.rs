//! Reads a parsed JSON document as a report of format version 1: every structure problem becomes
//! a finding with its place, and whatever is usable is kept so that checking can go on.

use num_traits::One;

use crate::expr::{self, Comparison, Quantity};
use std::rc::Rc;

use crate::format::{Field, FieldType, Shape, AT, CHECK, FACT, FILE, REPORT, SECTION};
use crate::interval::Rational;
use crate::json::{Node, Value};
use crate::messages::Problem;
use crate::nearest::nearest;
use crate::number::{self, Decimal, NumberError};
use crate::position::{pointer_child, pointer_escape, pointer_item, Locator};
use crate::strmap::StrMap;
use crate::table::Table;
use crate::units::{self, Dimension, Unit};
use crate::verdict::{Finding, Location, ReportInfo, Severity, TextSpan};
use crate::Lang;

/// The usable content of a report file.
#[derive(Debug, Default)]
pub struct Report {
    pub info: Option<ReportInfo>,
    pub facts: Vec<Fact>,
    pub checks: Vec<Check>,
    pub tables: Vec<Table>,
}

pub use crate::number::{Precision, Rounding};

#[derive(Debug)]
pub struct Fact {
    pub id: String,
    pub label: Option<String>,
    /// The figure as written in the file.
    pub printed: String,
    pub unit: Option<Unit>,
    pub quote: Option<String>,
    pub section: Option<String>,
    pub location: Location,
    /// The figure's value and precision; `None` when the value is unusable (a finding says why).
    pub figure: Option<(Decimal, Precision)>,
    /// How the figure was rounded (the fact's, column's or report's `rounding`).
    pub rounding: Rounding,
    /// What the fact stands for in an expression, worked out once.
    pub quantity: Option<Quantity>,
    /// Where the figure stands in the source text, when the report was extracted from one.
    pub at: Option<TextSpan>,
}

#[derive(Debug)]
pub struct Check {
    pub id: String,
    pub label: Option<String>,
    pub expect: String,
    pub quote: Option<String>,
    pub severity: Severity,
    pub section: Option<String>,
    pub location: Location,
    /// `None` when the expression does not parse (a finding says why).
    pub comparison: Option<Comparison>,
    /// The names the expression uses, in order of first use, with the column of that use.
    pub references: Vec<(String, u32)>,
    /// Ids the expression uses that name no fact (each also has a finding).
    pub unknown_ids: Vec<String>,
    /// Where each of `references` stands in the report's facts (`None`: no such fact), found once
    /// by [`resolve_references`] so that the engine does not look each name up again.
    pub positions: Vec<Option<usize>>,
    /// Where the `expect` string stands, to place a column of the expression.
    pub expect_place: ExpectPlace,
    /// One instance of a table check with `for_each`: where a cell it names is empty it is left
    /// out without a word (the other instances still run).
    pub each: bool,
    /// `confidence` as written ("sure" / "unsure"), for the verdict.
    pub confidence: Option<String>,
    /// Evaluated and shown, but never failing: a person has yet to confirm the relation.
    pub to_confirm: bool,
}

/// The place of an `expect` string in the file.
#[derive(Clone, Debug, Default)]
pub struct ExpectPlace {
    /// Line and column of the opening quote.
    pub line: u32,
    pub column: u32,
    /// Whether characters of the expression map one to one onto the file (no escapes).
    pub columns_map: bool,
}

impl ExpectPlace {
    /// The place of the expression's 1-based character `column`; `pointer` is the string's.
    pub fn at(&self, pointer: String, column: u32) -> Location {
        let offset = if self.columns_map { column.max(1) } else { 0 };
        Location {
            pointer,
            line: self.line,
            column: self.column.saturating_add(offset),
        }
    }
}

impl Check {
    /// The place of the 1-based character `column` of the check's expression. (The pointer is
    /// written only here, when a finding needs it.)
    pub fn expect_at(&self, column: u32) -> Location {
        self.expect_place
            .at(format!("{}/expect", self.location.pointer), column)
    }
}

/// Facts by id: built once per check, used by the engine, the suspects and the loader.
pub struct FactIndex<'r> {
    facts: &'r [Fact],
    positions: StrMap<'r>,
}

impl<'r> FactIndex<'r> {
    pub fn new(facts: &'r [Fact]) -> Self {
        let mut positions = StrMap::with_capacity(facts.len());
        for (i, fact) in facts.iter().enumerate() {
            positions.insert_first(&fact.id, i);
        }
        FactIndex { facts, positions }
    }

    pub fn get(&self, id: &str) -> Option<&'r Fact> {
        self.position(id).map(|i| &self.facts[i])
    }

    /// The fact at a [`position`](Self::position).
    pub fn at(&self, position: usize) -> Option<&'r Fact> {
        self.facts.get(position)
    }

    /// The fact's place in the report's list of facts.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id)
    }

    /// Every fact's id, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &'r str> {
        self.facts.iter().map(|f| f.id.as_str())
    }

    /// What `id` stands for in an expression.
    pub fn quantity(&self, id: &str) -> Option<Quantity> {
        self.get(id).and_then(|f| f.quantity.clone())
    }
}

impl Fact {
    /// The fact as if it had been printed as `value` with the same precision (for suspects).
    pub fn quantity_of(&self, value: &Rational, precision: Precision, printed: &str) -> Quantity {
        let none;
        let unit = match &self.unit {
            Some(unit) => unit,
            None => {
                none = Unit {
                    text: Rc::from(""),
                    factor: Rational::from_integer(1),
                    dimension: Dimension::Unknown,
                };
                &none
            }
        };
        let shows_unit = unit.dimension == Dimension::Ratio || !unit.factor.is_one();
        let printed: Rc<str> = if shows_unit {
            format!("{printed}{}", unit.text).into()
        } else {
            printed.into()
        };
        Quantity::new(value, precision, self.rounding, unit, printed)
    }
}

/// Reads `root` as a report; problems are appended to `findings`. `repeated_keys`: some object
/// may repeat a key (false only when the parser saw none), so the tree is searched for them.
pub fn load<'a>(
    root: &'a Node,
    input: &'a [u8],
    repeated_keys: bool,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Report {
    let mut loader = Loader {
        input,
        locator: Locator::new(input),
        lang,
        findings,
        report: Report::default(),
        check_count: 0,
        fact_lines: StrMap::with_capacity(0),
        check_lines: StrMap::with_capacity(0),
        unit_index: StrMap::with_capacity(0),
        units: Vec::new(),
        rounding: Rounding::Nearest,
    };
    if repeated_keys {
        loader.duplicate_keys(root);
    }
    loader.file(root);
    crate::table::resolve_cells(&mut loader.report, lang, loader.findings);
    loader.report
}

/// Reads a file; the tables' part of it is in `table.rs`.
pub(crate) struct Loader<'a> {
    input: &'a [u8],
    locator: Locator<'a>,
    pub(crate) lang: Lang,
    findings: &'a mut Vec<Finding>,
    pub(crate) report: Report,
    check_count: usize,
    /// The line each fact id and check id was first given on, to find repeats in linear time.
    fact_lines: StrMap<'a>,
    check_lines: StrMap<'a>,
    /// Every unit text of the facts, read once: a report writes a few units thousands of times.
    unit_index: StrMap<'a>,
    units: Vec<Unit>,
    /// The report's `rounding`, for facts and columns that do not say.
    pub(crate) rounding: Rounding,
}

/// The fields of one object that are present and of the right type, first occurrence each.
pub(crate) struct Fields<'n> {
    found: Vec<(&'static str, &'n Node<'n>)>,
}

impl<'n> Fields<'n> {
    pub(crate) fn get(&self, name: &str) -> Option<&'n Node<'n>> {
        self.found
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, node)| *node)
    }

    pub(crate) fn string(&self, name: &str) -> Option<String> {
        match self.get(name).map(|n| &n.value) {
            Some(Value::String(s)) => Some(s.to_string()),
            _ => None,
        }
    }

    pub(crate) fn array(&self, name: &str) -> &'n [Node<'n>] {
        match self.get(name).map(|n| &n.value) {
            Some(Value::Array(items)) => items,
            _ => &[],
        }
    }
}

impl<'a> Loader<'a> {
    pub(crate) fn location(&self, node: &Node, pointer: &str) -> Location {
        self.located(node, pointer.to_string())
    }

    /// [`Self::location`], taking the pointer rather than copying it.
    pub(crate) fn located(&self, node: &Node, pointer: String) -> Location {
        let (line, column) = self.locator.locate(node.span.start);
        Location {
            pointer,
            line,
            column,
        }
    }

    pub(crate) fn report_problem(&mut self, problem: Problem, location: Location) {
        self.findings.push(problem.finding(self.lang, location));
    }

    /// Every object in the file, however deep, is searched for repeated keys: a parser that keeps
    /// the last one silently hides a real mistake.
    fn duplicate_keys(&mut self, root: &Node) {
        let mut path = Vec::new();
        self.duplicate_keys_in(root, &mut path);
    }

    /// Depth is bounded by the JSON parser's nesting limit. The pointer is written only for a
    /// repeated key: building one for every value would cost more than the whole check.
    fn duplicate_keys_in<'n>(&mut self, node: &'n Node, path: &mut Vec<Segment<'n>>) {
        match &node.value {
            Value::Object(members) => {
                // Small objects (nearly all) are scanned; large ones hashed.
                let mut seen = StrMap::with_capacity(0);
                for (i, member) in members.iter().enumerate() {
                    let first = if members.len() <= 16 {
                        members[..i].iter().find(|m| m.key == member.key)
                    } else {
                        seen.insert_first(&member.key, i).map(|j| &members[j])
                    };
                    if let Some(first) = first {
                        path.push(Segment::Key(&member.key));
                        let pointer = pointer_of(path);
                        path.pop();
                        let (first_line, _) = self.locator.locate(first.key_span.start);
                        let (line, column) = self.locator.locate(member.key_span.start);
                        let problem = Problem::DuplicateKey {
                            key: member.key.to_string(),
                            first_line,
                        };
                        self.report_problem(
                            problem,
                            Location {
                                pointer,
                                line,
                                column,
                            },
                        );
                    }
                    path.push(Segment::Key(&member.key));
                    self.duplicate_keys_in(&member.value, path);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Segment::Index(i));
                    self.duplicate_keys_in(item, path);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    /// Checks an object against its shape: unknown fields warn, wrong types and missing required
    /// fields are errors. Returns the usable fields, or `None` when `node` is not an object.
    pub(crate) fn object<'n>(
        &mut self,
        node: &'n Node<'n>,
        shape: &'static Shape,
        pointer: &str,
    ) -> Option<Fields<'n>> {
        let Value::Object(members) = &node.value else {
            let location = self.location(node, pointer);
            self.report_problem(
                Problem::WrongType {
                    expected: FieldType::Object(shape),
                },
                location,
            );
            return None;
        };
        let mut fields = Fields {
            found: Vec::with_capacity(members.len()),
        };
        for member in members {
            // Built only when a problem is reported: most members have none.
            let member_pointer = || pointer_child(pointer, &pointer_escape(&member.key));
            let Some(field) = shape.field(&member.key) else {
                let suggestion =
                    nearest(&member.key, shape.fields.iter().map(|f| f.name)).map(str::to_string);
                let (line, column) = self.locator.locate(member.key_span.start);
                let location = Location {
                    pointer: member_pointer(),
                    line,
                    column,
                };
                let problem = Problem::UnknownField {
                    field: member.key.to_string(),
                    object: shape.name,
                    suggestion,
                };
                self.report_problem(problem, location);
                continue;
            };
            if fields.get(field.name).is_some() {
                continue; // a repeated key: already reported
            }
            if has_type(&member.value, field) {
                fields.found.push((field.name, &member.value));
            } else {
                let location = self.location(&member.value, &member_pointer());
                self.report_problem(Problem::WrongType { expected: field.ty }, location);
            }
        }
        for field in shape.fields.iter().filter(|f| f.required) {
            let present = members.iter().any(|m| m.key == field.name);
            if !present {
                let location = self.location(node, pointer);
                let problem = Problem::MissingField {
                    field: field.name,
                    object: shape.name,
                };
                self.report_problem(problem, location);
            }
        }
        Some(fields)
    }

    fn file(&mut self, root: &'a Node) {
        let Some(fields) = self.object(root, &FILE, "") else {
            return;
        };
        if let Some(version) = fields.get("crossfoot") {
            if !matches!(&version.value, Value::Number(n) if n == "1") {
                let found = match &version.value {
                    Value::Number(n) => n.to_string(),
                    _ => String::new(),
                };
                let location = self.location(version, "/crossfoot");
                self.report_problem(Problem::UnsupportedVersion { found }, location);
            }
        }
        if let Some(report) = fields.get("report") {
            if let Some(meta) = self.object(report, &REPORT, "/report") {
                self.report.info = Some(ReportInfo {
                    title: meta.string("title"),
                    issuer: meta.string("issuer"),
                    period: meta.string("period"),
                    published: meta.string("published"),
                    language: meta.string("language"),
                    source: meta.string("source"),
                });
                self.rounding = self.rounding_of(&meta, Rounding::Nearest);
            }
        }
        self.members(&fields, "", None);
    }

    /// The facts, checks and sub-sections of the file or of one section.
    fn members(&mut self, fields: &Fields<'a>, pointer: &str, section: Option<&str>) {
        let (facts, checks) = (fields.array("facts").len(), fields.array("checks").len());
        self.report.facts.reserve(facts);
        self.report.checks.reserve(checks);
        // Sized once rather than doubled many times on a large report.
        self.fact_lines.reserve(facts);
        self.check_lines.reserve(checks);
        for (i, node) in fields.array("facts").iter().enumerate() {
            self.fact(node, pointer_item(pointer, "facts", i), section);
        }
        for (i, node) in fields.array("checks").iter().enumerate() {
            self.check(node, pointer_item(pointer, "checks", i), section, None);
        }
        for (i, node) in fields.array("tables").iter().enumerate() {
            self.table(node, &pointer_item(pointer, "tables", i), section);
        }
        for (i, node) in fields.array("sections").iter().enumerate() {
            let section_pointer = pointer_item(pointer, "sections", i);
            // Nesting is bounded by the JSON parser's depth limit, so this recursion is too.
            if let Some(section_fields) = self.object(node, &SECTION, &section_pointer) {
                let title = section_fields
                    .string("title")
                    .or_else(|| section_fields.string("id"));
                self.members(&section_fields, &section_pointer, title.as_deref());
            }
        }
    }

    fn fact(&mut self, node: &'a Node, pointer: String, section: Option<&str>) {
        let Some(fields) = self.object(node, &FACT, &pointer) else {
            return;
        };
        let location = self.located(node, pointer);
        let pointer = location.pointer.as_str();
        let id = fields.string("id");
        if let (Some(id), Some(id_node)) = (&id, fields.get("id")) {
            // Located only when there is a problem: most ids have none.
            let id_location =
                |loader: &Self| loader.location(id_node, &pointer_child(pointer, "id"));
            if !expr::is_valid_id(id) {
                let problem = Problem::InvalidId { id: id.clone() };
                self.report_problem(problem, id_location(self));
            } else if let Some(first_line) = self
                .fact_lines
                .insert_first(as_str(id_node), location.line as usize)
            {
                let first_line = first_line as u32;
                let problem = Problem::DuplicateId {
                    id: id.clone(),
                    first_line,
                };
                self.report_problem(problem, id_location(self));
            }
        }
        let value_node = fields.get("value");
        let printed = match value_node.map(|n| &n.value) {
            Some(Value::Number(text)) | Some(Value::String(text)) => text.trim().to_string(),
            _ => String::new(),
        };
        let unit = fields
            .get("unit")
            .map(as_str)
            .filter(|u| !u.trim().is_empty())
            .map(|u| self.unit(u));
        let figure = value_node.and_then(|n| self.figure(n, &fields, pointer, unit.as_ref()));
        let rounding = self.rounding_of(&fields, self.rounding);
        let at = fields
            .get("at")
            .and_then(|node| self.object(node, &AT, &pointer_child(pointer, "at")))
            .and_then(|at| {
                Some(TextSpan::new(
                    offset(at.get("start")?)?,
                    offset(at.get("end")?)?,
                ))
            });
        let mut fact = Fact {
            at,
            id: id.unwrap_or_default(),
            label: fields.string("label"),
            printed,
            unit,
            quote: fields.string("quote"),
            section: section.map(str::to_string),
            location,
            figure,
            rounding,
            quantity: None,
        };
        fact.quantity = fact.figure.as_ref().map(|(decimal, precision)| {
            let mut quantity = fact.quantity_of(&decimal.value, *precision, &fact.printed);
            // A figure read from a text has an id that says nothing (`f7`): the arithmetic names
            // it by its words, as the reader of the text would.
            if fact.at.is_some() {
                quantity.name = fact.label.as_deref().map(Rc::from);
            }
            quantity
        });
        self.report.facts.push(fact);
    }

    /// The unit written `text`, parsed the first time it is seen.
    fn unit(&mut self, text: &'a str) -> Unit {
        if let Some(i) = self.unit_index.get(text) {
            return self.units[i].clone();
        }
        let unit = units::parse_unit(text);
        self.unit_index.insert_first(text, self.units.len());
        self.units.push(unit.clone());
        unit
    }

    /// A `rounding` field's mode, else `default` (an unknown word is a finding of the field's type).
    pub(crate) fn rounding_of(&self, fields: &Fields, default: Rounding) -> Rounding {
        fields
            .string("rounding")
            .and_then(|name| Rounding::parse(&name))
            .unwrap_or(default)
    }

    /// The value and its precision, by [`number::precision`] from `exact`, `decimals`, the
    /// printing and the unit.
    fn figure(
        &mut self,
        value: &Node,
        fields: &Fields,
        pointer: &str,
        unit: Option<&Unit>,
    ) -> Option<(Decimal, Precision)> {
        let parsed = match &value.value {
            Value::Number(literal) => number::parse_json_number(literal),
            Value::String(text) => number::parse_decimal_string(text),
            _ => return None,
        };
        let decimal = match parsed {
            Ok(decimal) => decimal,
            Err(error) => {
                let location = self.location(value, &pointer_child(pointer, "value"));
                let problem = match error {
                    NumberError::OutOfRange => Problem::NumberOutOfRange,
                    NumberError::NotANumber => Problem::InvalidValue { error },
                };
                self.report_problem(problem, location);
                return None;
            }
        };
        let exact = matches!(
            fields.get("exact").map(|n| &n.value),
            Some(Value::Bool(true))
        );
        let decimals = match fields.get("decimals") {
            Some(node) => match &node.value {
                Value::Number(literal) => match literal.parse::<i32>() {
                    Ok(d) if (-number::MAX_EXPONENT..=number::MAX_EXPONENT).contains(&d) => Some(d),
                    _ => {
                        let location = self.location(node, &pointer_child(pointer, "decimals"));
                        self.report_problem(Problem::InvalidDecimals, location);
                        return None;
                    }
                },
                _ => None,
            },
            None => None,
        };
        let precision = number::precision(&decimal, unit, exact, decimals);
        Some((decimal, precision))
    }

    /// A check; in a table, `axes` are the table's column and row ids, for `for_each`.
    pub(crate) fn check(
        &mut self,
        node: &'a Node,
        pointer: String,
        section: Option<&str>,
        axes: Option<(&[String], &[String])>,
    ) {
        self.check_count += 1;
        let Some(fields) = self.object(node, &CHECK, &pointer) else {
            return;
        };
        let mut location = self.located(node, pointer);
        let expect = fields.string("expect").unwrap_or_default();
        let mut expect_place = fields
            .get("expect")
            .map(|n| self.expect_place(n))
            .unwrap_or_default();
        // A `for_each` check stands for one check per column (row): `{column}` replaced by its id.
        let each = match (fields.get("for_each"), axes) {
            (Some(for_each), Some((columns, rows))) => {
                let (ids, placeholder) = match as_str(for_each) {
                    "row" => (rows, "{row}"),
                    _ => (columns, "{column}"),
                };
                Some((ids, placeholder))
            }
            (Some(for_each), None) => {
                let location =
                    self.location(for_each, &pointer_child(&location.pointer, "for_each"));
                let problem = Problem::UnknownField {
                    field: "for_each".to_string(),
                    object: "check",
                    suggestion: None,
                };
                self.report_problem(problem, location);
                None
            }
            _ => None,
        };
        // One instance per column (row), or the check itself (without a list: most checks).
        let mut many;
        let mut single;
        let (count, instances): (usize, &mut dyn Iterator<Item = (Option<&String>, String)>) =
            match each {
                Some((ids, placeholder)) => {
                    // The expression's columns no longer map onto the file once ids are put in.
                    expect_place.columns_map = false;
                    many = ids
                        .iter()
                        .map(|id| (Some(id), substitute(&expect, placeholder, id)));
                    (ids.len(), &mut many)
                }
                None => {
                    single = std::iter::once((None, expect));
                    (1, &mut single)
                }
            };
        let severity = match fields.string("severity").as_deref() {
            Some("warning") => Severity::Warning,
            _ => Severity::Error,
        };
        let mut id = fields
            .string("id")
            .unwrap_or_else(|| self.check_count.to_string());
        if let Some(id_node) = fields.get("id") {
            if let Some(first_line) = self
                .check_lines
                .insert_first(as_str(id_node), location.line as usize)
            {
                let first_line = first_line as u32;
                let id_location = self.location(id_node, &pointer_child(&location.pointer, "id"));
                self.report_problem(
                    Problem::DuplicateId {
                        id: id.clone(),
                        first_line,
                    },
                    id_location,
                );
            }
        }
        let mut syntax_reported = false;
        for (n, (instance, expect)) in instances.enumerate() {
            let comparison = match fields.get("expect") {
                Some(_) => match expr::parse_expect(&expect) {
                    Ok(comparison) => Some(comparison),
                    Err(error) => {
                        // One finding for a for_each check, not one per column.
                        if !syntax_reported {
                            let location = expect_place
                                .at(pointer_child(&location.pointer, "expect"), error.column);
                            self.report_problem(Problem::ExpressionSyntax { error }, location);
                        }
                        syntax_reported = true;
                        None
                    }
                },
                None => None,
            };
            let id = match instance {
                Some(axis_id) => format!("{id}:{axis_id}"),
                None => std::mem::take(&mut id), // the only instance
            };
            self.report.checks.push(Check {
                id,
                label: fields.string("label"),
                expect,
                quote: fields.string("quote"),
                severity,
                section: section.map(str::to_string),
                // The last instance (most often the only one) takes the location itself.
                location: if n + 1 == count {
                    std::mem::take(&mut location)
                } else {
                    location.clone()
                },
                references: comparison
                    .as_ref()
                    .map(Comparison::references)
                    .unwrap_or_default(),
                comparison,
                unknown_ids: Vec::new(),
                positions: Vec::new(),
                expect_place: expect_place.clone(),
                each: instance.is_some(),
                confidence: fields.string("confidence"),
                to_confirm: matches!(
                    fields.get("to_confirm").map(|n| &n.value),
                    Some(Value::Bool(true))
                ),
            });
        }
    }

    /// Where an `expect` string stands. Characters of the expression map one to one onto the file
    /// when the string has no escapes; otherwise findings point at the string's start.
    fn expect_place(&self, node: &Node) -> ExpectPlace {
        let raw = self
            .input
            .get(node.span.start + 1..node.span.end.saturating_sub(1))
            .unwrap_or(&[]);
        let (line, column) = self.locator.locate(node.span.start);
        ExpectPlace {
            line,
            column,
            columns_map: !raw.contains(&b'\\'),
        }
    }
}

/// Names used in expressions must be fact ids: each other name is an `unknown-id` finding, with
/// the nearest known id suggested, and is noted on its check.
pub fn resolve_references(
    facts: &FactIndex,
    checks: &mut [Check],
    lang: Lang,
    findings: &mut Vec<Finding>,
) {
    for check in checks.iter_mut() {
        check.positions = check
            .references
            .iter()
            .map(|(name, _)| facts.position(name))
            .collect();
        for ((name, column), position) in check.references.iter().zip(&check.positions) {
            if position.is_some() {
                continue;
            }
            let suggestion = nearest(name, facts.ids()).map(str::to_string);
            let location = check.expect_at(*column);
            check.unknown_ids.push(name.clone());
            findings.push(
                Problem::UnknownId {
                    name: name.clone(),
                    suggestion,
                }
                .finding(lang, location),
            );
        }
    }
}

/// A character offset (a whole number that fits the machine's `usize`).
pub(crate) fn offset(node: &Node) -> Option<usize> {
    match &node.value {
        Value::Number(n) => n.parse().ok(),
        _ => None,
    }
}

/// `text` with every `placeholder` replaced by `value`, left to right, as `str::replace` does.
/// (Not `str::replace`: its substring search would cost the WebAssembly module more than this.)
pub(crate) fn substitute(text: &str, placeholder: &str, value: &str) -> String {
    let Some(first) = placeholder.chars().next() else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len() + value.len());
    let mut rest = text;
    while let Some(i) = rest.find(first) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with(placeholder) {
            out.push_str(value);
            rest = &rest[placeholder.len()..];
        } else {
            out.push(first);
            rest = &rest[first.len_utf8()..];
        }
    }
    out.push_str(rest);
    out
}

/// Whether `needle` occurs in `text`. (Not `str::contains`: its substring search would cost the
/// WebAssembly module more than this; the texts are short.)
pub(crate) fn contains_text(text: &str, needle: &str) -> bool {
    (0..text.len()).any(|i| text.as_bytes()[i..].starts_with(needle.as_bytes()))
}

/// The text of a string node (`""` for any other node).
fn as_str<'n>(node: &'n Node) -> &'n str {
    match &node.value {
        Value::String(text) => text,
        _ => "",
    }
}

/// One step of a JSON pointer.
enum Segment<'n> {
    Key(&'n str),
    Index(usize),
}

fn pointer_of(path: &[Segment]) -> String {
    let mut pointer = String::new();
    for segment in path {
        pointer.push('/');
        match segment {
            Segment::Key(key) => pointer.push_str(&pointer_escape(key)),
            Segment::Index(i) => pointer.push_str(&i.to_string()),
        }
    }
    pointer
}

fn has_type(node: &Node, field: &Field) -> bool {
    match (&field.ty, &node.value) {
        (FieldType::String | FieldType::Id, Value::String(_)) => true,
        (FieldType::Integer, Value::Number(n)) => !n.contains(['.', 'e', 'E']),
        (FieldType::Offset, Value::Number(n)) => n.bytes().all(|b| b.is_ascii_digit()),
        (FieldType::Bool, Value::Bool(_)) => true,
        (FieldType::Version, Value::Number(_)) => true,
        (FieldType::Figure, Value::Number(_) | Value::String(_)) => true,
        (FieldType::OneOf(words), Value::String(s)) => words.contains(&&**s),
        (FieldType::Ids | FieldType::Cells | FieldType::Spans, Value::Array(_)) => true,
        (FieldType::Object(_), Value::Object(_)) => true,
        (FieldType::ArrayOf(_), Value::Array(_)) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{contains_text, substitute};

    #[test]
    fn substitute_replaces_like_str_replace() {
        for (text, placeholder, value) in [
            ("t.{column} + t.{row}.{column}", "{column}", "x"),
            ("`this.t3.a == `last.t3.b", "`last.", "`2020."),
            ("{{column}", "{column}", "{column}"),
            ("no place", "{row}", "r"),
        ] {
            assert_eq!(
                substitute(text, placeholder, value),
                text.replace(placeholder, value)
            );
        }
    }

    #[test]
    fn contains_text_finds_a_substring_anywhere() {
        assert!(contains_text("sum(t3.new.*)", "t3.new."));
        assert!(contains_text("a.b.", "a.b."));
        assert!(!contains_text("t3.news", "t3.new."));
        assert!(!contains_text("", "x"));
    }
}
