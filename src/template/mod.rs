//! Templates: the fixed layout of a report that an authority prescribes, kept as data.
//!
//! A report that names a template (`"template": "cn-gov-info-disclosure-2021"`) gives only its
//! numbers, by the template's table and row ids; [`merge`] puts them into the template's tables
//! (titles, rows, columns, labels in the reader's language, units, totals, parts and checks), and
//! the report is then checked like any report with tables. [`links`] compares reports of one
//! issuer for consecutive years. The template files are `templates/<name>.json` (their shape is
//! [`crate::format::TEMPLATE`]); adding a template is adding a file.

pub mod links;
pub mod merge;
mod problems;

pub use problems::TemplateProblem;

use crate::json::{self, Node, Value};
use crate::Lang;

/// Every template, by name, with the text of its file (embedded: the page works offline), minified
/// and in pieces whose concatenation is the text: a piece that two files share (most of a table
/// that two years' templates both have) is stored once (the modules have a size budget). The list
/// is made by `build.rs` from the files in `templates/`, sorted by name.
const FILES: &[(&str, &[&str])] = include!(concat!(env!("OUT_DIR"), "/templates.rs"));

/// The names of the templates, in order.
pub fn names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(name, _)| *name)
}

/// The text of the template file of that name (minified), if there is one.
pub fn file(name: &str) -> Option<String> {
    FILES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, pieces)| pieces.concat())
}

/// A text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn pick(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.zh)
    }
}

/// What a cell of a column may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A whole number, 0 or more: applications, cases, documents.
    Count,
    /// A whole number of either sign: a change from last year.
    Signed,
    /// Any number, 0 or more: an amount of money.
    Amount,
}

impl Kind {
    fn parse(word: &str) -> Option<Kind> {
        match word {
            "count" => Some(Kind::Count),
            "signed" => Some(Kind::Signed),
            "amount" => Some(Kind::Amount),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct ColumnLayout {
    pub id: String,
    pub label: Text,
    pub unit: Option<String>,
    pub kind: Kind,
}

#[derive(Clone, Debug)]
pub struct RowLayout {
    pub id: String,
    pub label: Text,
}

/// One table of a template. `node` is the table as written in the template file, for the
/// members passed through to the report unchanged (totals, parts, checks).
#[derive(Clone, Debug)]
pub struct TableLayout {
    pub id: String,
    pub title: Text,
    pub columns: Vec<ColumnLayout>,
    pub rows: Vec<RowLayout>,
    pub node: Node<'static>,
}

impl TableLayout {
    pub fn column(&self, id: &str) -> Option<&ColumnLayout> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn row(&self, id: &str) -> Option<&RowLayout> {
        self.rows.iter().find(|r| r.id == id)
    }
}

/// Over which ids a check written once with `{column}` or `{row}` runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Column,
    Row,
}

/// A relation between this year's report and last year's, e.g. this year's 上年结转 equals last
/// year's 结转下年度. `expect` names cells as `` `this.TABLE.ROW.COLUMN` `` and
/// `` `last.TABLE.ROW.COLUMN` ``, with `{column}` or `{row}` for each id of `for_each`.
#[derive(Clone, Debug)]
pub struct Link {
    pub id: String,
    pub table: String,
    pub for_each: Option<Axis>,
    pub expect: String,
    pub label: Text,
}

#[derive(Clone, Debug)]
pub struct Template {
    pub name: String,
    pub title: Text,
    pub source: String,
    pub tables: Vec<TableLayout>,
    pub links: Vec<Link>,
}

impl Template {
    pub fn table(&self, id: &str) -> Option<&TableLayout> {
        self.tables.iter().find(|t| t.id == id)
    }
}

/// The template of that name, read from its embedded file. `Err` only for a name that is not a
/// template or a template file that is broken (a test reads every one, so that never ships).
pub fn find(name: &str) -> Result<Template, TemplateProblem> {
    let Some(text) = file(name) else {
        return Err(TemplateProblem::UnknownTemplate {
            name: name.to_string(),
            suggestion: crate::nearest::nearest(name, names()).map(str::to_string),
        });
    };
    parse(&text).map_err(|detail| TemplateProblem::BrokenTemplate {
        name: name.to_string(),
        detail,
    })
}

/// Reads a template file; the error says what is wrong, in English (it is for the template's
/// author, and a test keeps the shipped ones right).
pub fn parse(file: &str) -> Result<Template, String> {
    let document = json::parse(file.as_bytes()).map_err(|e| e.message(Lang::En))?;
    let root = &document.root;
    let name = string(root, "template").ok_or("no \"template\" name")?;
    let mut tables = Vec::new();
    for table in array(root, "tables") {
        tables.push(table_layout(table)?);
    }
    let mut links = Vec::new();
    for link in array(root, "links") {
        let for_each = match string(link, "for_each").as_deref() {
            None => None,
            Some("column") => Some(Axis::Column),
            Some("row") => Some(Axis::Row),
            Some(other) => return Err(["link for_each \"", other, "\""].concat()),
        };
        links.push(Link {
            id: string(link, "id").ok_or("a link without id")?,
            table: string(link, "table").ok_or("a link without table")?,
            for_each,
            expect: string(link, "expect").ok_or("a link without expect")?,
            label: text(member(link, "label")),
        });
    }
    Ok(Template {
        name,
        title: text(member(root, "title")),
        source: string(root, "source").unwrap_or_default(),
        tables,
        links,
    })
}

fn table_layout(table: &Node) -> Result<TableLayout, String> {
    let id = string(table, "id").ok_or("a table without id")?;
    let unit = string(table, "unit");
    // What is wrong, for the template's author (written only when something is).
    let problem = |what: &str| ["table ", &id, ": ", what].concat();
    let kind_of = |node: &Node, default: Kind| match string(node, "kind") {
        Some(word) => Kind::parse(&word).ok_or_else(|| problem(&["kind \"", &word, "\""].concat())),
        None => Ok(default),
    };
    let table_kind = kind_of(table, Kind::Count)?;
    let mut columns = Vec::new();
    for column in array(table, "columns") {
        columns.push(ColumnLayout {
            id: string(column, "id").ok_or_else(|| problem("a column without id"))?,
            label: text(member(column, "label")),
            unit: string(column, "unit").or_else(|| unit.clone()),
            kind: kind_of(column, table_kind)?,
        });
    }
    let mut rows = Vec::new();
    for row in array(table, "rows") {
        rows.push(RowLayout {
            id: string(row, "id").ok_or_else(|| problem("a row without id"))?,
            label: text(member(row, "label")),
        });
    }
    if columns.is_empty() || rows.is_empty() {
        return Err(problem("no columns or no rows"));
    }
    Ok(TableLayout {
        title: text(member(table, "title")),
        id,
        columns,
        rows,
        node: table.clone().into_owned(),
    })
}

/// The first member of an object with that key.
pub(crate) fn member<'n, 'a>(node: &'n Node<'a>, key: &str) -> Option<&'n Node<'a>> {
    match &node.value {
        Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
        _ => None,
    }
}

pub(crate) fn string(node: &Node, key: &str) -> Option<String> {
    match member(node, key).map(|n| &n.value) {
        Some(Value::String(s)) => Some(s.to_string()),
        _ => None,
    }
}

pub(crate) fn array<'n, 'a>(node: &'n Node<'a>, key: &str) -> &'n [Node<'a>] {
    match member(node, key).map(|n| &n.value) {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// `{"zh": …, "en": …}`, or one string for both languages.
fn text(node: Option<&Node>) -> Text {
    match node {
        Some(Node {
            value: Value::String(s),
            ..
        }) => Text {
            zh: s.to_string(),
            en: s.to_string(),
        },
        Some(node) => {
            let zh = string(node, "zh").unwrap_or_default();
            let en = string(node, "en").unwrap_or_else(|| zh.clone());
            Text { zh, en }
        }
        None => Text::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_file_reads_and_is_named_after_its_file() {
        for name in names() {
            let text = file(name).unwrap();
            let template = parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(&template.name, name);
            assert!(!template.tables.is_empty(), "{name}");
            for table in &template.tables {
                assert!(crate::expr::is_valid_id(&table.id), "{name} {}", table.id);
                for id in table.rows.iter().map(|r| &r.id) {
                    assert!(crate::expr::is_valid_id(id), "{name} {id}");
                }
                for column in &table.columns {
                    assert!(crate::expr::is_valid_id(&column.id), "{name} {}", column.id);
                    assert!(!column.label.zh.is_empty() && !column.label.en.is_empty());
                }
            }
        }
    }

    /// Every object of a template file has only the fields its shape in `format.rs` names, and
    /// every required one (the contents of `parts` and `checks` are format v1's, read there).
    #[test]
    fn every_template_file_has_the_shape_format_rs_describes() {
        use crate::format::{FieldType, Shape, TEMPLATE};
        fn conforms(node: &Node, shape: &Shape, path: &str) {
            let Value::Object(members) = &node.value else {
                panic!("{path}: not an object");
            };
            for m in members {
                let field = shape
                    .field(&m.key)
                    .unwrap_or_else(|| panic!("{path}: unknown field {}", m.key));
                match (&field.ty, &m.value.value) {
                    (FieldType::Object(inner), _) => conforms(&m.value, inner, path),
                    (FieldType::ArrayOf(inner), Value::Array(items))
                        if m.key != "checks" && m.key != "parts" =>
                    {
                        for item in items {
                            conforms(item, inner, &format!("{path}/{}", m.key));
                        }
                    }
                    _ => {}
                }
            }
            for field in shape.fields.iter().filter(|f| f.required) {
                assert!(
                    members.iter().any(|m| m.key == field.name),
                    "{path}: no {}",
                    field.name
                );
            }
        }
        for name in names() {
            let text = file(name).unwrap();
            let document = json::parse(text.as_bytes()).unwrap();
            conforms(&document.root, &TEMPLATE, name);
        }
    }

    /// The embedded pieces of each file are the file itself, minified.
    #[test]
    fn every_embedded_file_is_its_template_file() {
        for name in names() {
            let path = format!("{}/templates/{name}.json", env!("CARGO_MANIFEST_DIR"));
            let on_disk: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let embedded: serde_json::Value = serde_json::from_str(&file(name).unwrap()).unwrap();
            assert_eq!(embedded, on_disk, "{name}");
        }
        assert!(names().next().is_some());
        assert!(file("no-such-template").is_none());
    }

    #[test]
    fn an_unknown_name_suggests_the_nearest_template() {
        match find("cn-gov-info-disclosure-2012") {
            Err(TemplateProblem::UnknownTemplate { suggestion, .. }) => {
                assert!(suggestion.is_some_and(|s| s.starts_with("cn-gov-info-disclosure-20")))
            }
            other => panic!("{other:?}"),
        }
    }
}
