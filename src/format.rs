//! The report format, version 1, described once as data.
//!
//! These descriptions drive both the structure check of a file (`report.rs`) and the JSON Schema
//! (`schema.rs`), so the two cannot drift apart. Field names are a public contract.

/// What a field's value must be.
#[derive(Clone, Copy, Debug)]
pub enum FieldType {
    String,
    /// A whole number, such as `decimals`.
    Integer,
    Bool,
    /// The format version: the number 1.
    Version,
    /// A fact's figure: a JSON number or a decimal string ("95.5", "-2.99", "1,692").
    Figure,
    /// A fact id: letters of any script, digits and `_`, not starting with a digit.
    Id,
    /// A character offset into a text: a whole number, 0 or more.
    Offset,
    /// One of a few words.
    OneOf(&'static [&'static str]),
    /// An array of ids (rows of a table's `parts`).
    Ids,
    /// A table row's cells: figures as for facts, or empty (`null`, `""`, `"—"`, `"-"`, `"/"`).
    Cells,
    /// One place in the source text per cell: an `at` object, or `null`.
    Spans,
    Object(&'static Shape),
    ArrayOf(&'static Shape),
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
    pub required: bool,
    pub doc: &'static str,
}

/// An object of the format: its fields, and what it is for.
#[derive(Debug)]
pub struct Shape {
    pub name: &'static str,
    pub doc: &'static str,
    pub fields: &'static [Field],
}

impl Shape {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// A field's description, for the JSON Schema. The WebAssembly modules never write the schema (their
/// `schema()` hands out `schema/crossfoot-v1.schema.json`, which a test keeps equal to it), so
/// they leave the descriptions out: about 8 KB of text the checker need not carry.
const fn doc_text(doc: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        doc
    }
}

const fn field(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        doc: doc_text(doc),
    }
}

const fn required(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        doc: doc_text(doc),
    }
}

pub const SEVERITIES: &[&str] = &["error", "warning"];
pub const CONFIDENCES: &[&str] = &["sure", "unsure"];

pub static FILE: Shape = Shape {
    name: "file",
    doc: "A crossfoot report: the facts of a published report and the relations between them.",
    fields: &[
        field(
            "$schema",
            FieldType::String,
            "The address of this format's JSON Schema, for editors.",
        ),
        required("crossfoot", FieldType::Version, "The format version: 1."),
        required("report", FieldType::Object(&REPORT), "What the report is."),
        field(
            "template",
            FieldType::String,
            "The template the report follows, e.g. \"cn-gov-info-disclosure-2021\": it brings the \
             tables' layout and identities, and `tables` gives only ids and cells.",
        ),
        field(
            "sections",
            FieldType::ArrayOf(&SECTION),
            "The report's sections, in order.",
        ),
        field(
            "facts",
            FieldType::ArrayOf(&FACT),
            "Facts that belong to no section.",
        ),
        field(
            "checks",
            FieldType::ArrayOf(&CHECK),
            "Checks that belong to no section.",
        ),
        field(
            "tables",
            FieldType::ArrayOf(&TABLE),
            "Tables that belong to no section.",
        ),
    ],
};

pub static REPORT: Shape = Shape {
    name: "report",
    doc: "Metadata of the published report.",
    fields: &[
        required(
            "title",
            FieldType::String,
            "The report's title as published.",
        ),
        field("issuer", FieldType::String, "Who published it."),
        field(
            "period",
            FieldType::String,
            "The period it covers, e.g. \"2017\".",
        ),
        field(
            "published",
            FieldType::String,
            "When it was published, e.g. \"2018-02-13\".",
        ),
        field(
            "language",
            FieldType::String,
            "The report's language, e.g. \"zh-CN\".",
        ),
        field(
            "source",
            FieldType::String,
            "Where it was published: an address or a citation.",
        ),
        field("rounding", FieldType::OneOf(ROUNDINGS), ROUNDING_DOC),
    ],
};

pub const ROUNDINGS: &[&str] = crate::number::Rounding::NAMES;
const ROUNDING_DOC: &str = "How the publisher rounded its figures: `nearest` (the default), \
     `truncate` (toward zero: \"95.5\" stands for [95.5, 95.6)) or `either` (the union); a fact \
     or column may say otherwise.";

pub static SECTION: Shape = Shape {
    name: "section",
    doc: "A part of the report; sections nest.",
    fields: &[
        field("id", FieldType::String, "A name for the section."),
        field(
            "title",
            FieldType::String,
            "The section's heading as printed.",
        ),
        field(
            "facts",
            FieldType::ArrayOf(&FACT),
            "The figures of this section.",
        ),
        field(
            "checks",
            FieldType::ArrayOf(&CHECK),
            "The relations between figures that must hold.",
        ),
        field("sections", FieldType::ArrayOf(&SECTION), "Sub-sections."),
        field(
            "tables",
            FieldType::ArrayOf(&TABLE),
            "The tables of this section.",
        ),
    ],
};

pub static FACT: Shape = Shape {
    name: "fact",
    doc: "One figure of the report.",
    fields: &[
        required("id", FieldType::Id, "Unique in the whole report; used in expressions."),
        required(
            "value",
            FieldType::Figure,
            "The figure as printed: a JSON number or a decimal string (\"95.5\", \"-2.99\", \"1,692\"). \
             Its precision is read from how it is written: a decimal, or a whole number with a rate \
             or scaled unit (%, ‰, 百分点, 倍, 万元, million), is rounded to its last digit; any other \
             whole number is an exact count.",
        ),
        field("label", FieldType::String, "What the figure counts, in the report's words."),
        field("unit", FieldType::String, "The unit as printed: 件, 人, %, ‰, 百分点, 万元, …"),
        field("quote", FieldType::String, "The words of the report the figure comes from."),
        field(
            "decimals",
            FieldType::Integer,
            "Overrides the precision read from the value: the figure is rounded to this many decimals \
             (negative: to tens, hundreds, …).",
        ),
        field("exact", FieldType::Bool, "true: the figure is exact, not rounded."),
        field("rounding", FieldType::OneOf(ROUNDINGS), ROUNDING_DOC),
        field(
            "at",
            FieldType::Object(&AT),
            "Where the figure stands in the source text (set by extraction).",
        ),
    ],
};

pub static AT: Shape = Shape {
    name: "at",
    doc:
        "A figure's place in the source text: character offsets (Unicode scalar values), 0-based, \
          end exclusive, covering the numeral only.",
    fields: &[
        required(
            "start",
            FieldType::Offset,
            "Offset of the numeral's first character.",
        ),
        required(
            "end",
            FieldType::Offset,
            "Offset just after the numeral's last character.",
        ),
    ],
};

pub static CHECK: Shape = Shape {
    name: "check",
    doc: "A relation between figures that must hold.",
    fields: &[
        required(
            "expect",
            FieldType::String,
            "A comparison of expressions over fact ids, e.g. \"total == a + b\", \
             \"rate == part / total\", \"growth == change(now, before)\".",
        ),
        field("id", FieldType::String, "A name for the check; defaults to its position."),
        field("label", FieldType::String, "What the check says, in words."),
        field("quote", FieldType::String, "The words of the report that state the relation."),
        field(
            "severity",
            FieldType::OneOf(SEVERITIES),
            "error (the default): a failure makes the report inconsistent; warning: it is only reported.",
        ),
        field(
            "for_each",
            FieldType::OneOf(FOR_EACH),
            "Only in a table's checks: the check is written once with {column} (or {row}) in place \
             of an id and is evaluated for every column (row) whose cells it names have figures.",
        ),
        field(
                        "confidence",
            FieldType::OneOf(CONFIDENCES),
            "How sure extraction is that the text states this relation: sure or unsure.",
        ),
        field(
            "to_confirm",
            FieldType::Bool,
            "true: a person has yet to confirm the relation; it is evaluated and shown, but never fails \
             and never changes the verdict.",
        ),
    ],
};

pub const FOR_EACH: &[&str] = &["column", "row"];

pub static TABLE: Shape = Shape {
    name: "table",
    doc: "A table of figures: every cell with a figure is a fact `TABLE.ROW.COLUMN`. Totals named by \
          total_row, total_column and parts are checked without hand-written checks.",
    fields: &[
        required("id", FieldType::Id, "Unique among tables; the first part of every cell's id."),
        field("title", FieldType::String, "The table's title as printed, e.g. \"表三\"; default: the id."),
        field(
            "columns",
            FieldType::ArrayOf(&COLUMN),
            "The columns, left to right; required unless a template lays the table out.",
        ),
        required("rows", FieldType::ArrayOf(&ROW), "The rows, top to bottom."),
        field(
            "total_row",
            FieldType::Id,
            "The row that holds the totals: in every column it is the sum of the other rows \
             (those not inside a part), or of its part's rows when it has one.",
        ),
        field(
            "total_column",
            FieldType::Id,
            "The column that holds the totals: in every row it is the sum of the other columns \
             (share and percentage columns aside).",
        ),
        field(
            "parts",
            FieldType::ArrayOf(&PART),
            "Rows that are the sum of only some rows: sub-totals and nested groups.",
        ),
        field(
            "checks",
            FieldType::ArrayOf(&CHECK),
            "Checks of this table; they may use for_each.",
        ),
    ],
};

pub static COLUMN: Shape = Shape {
    name: "column",
    doc: "A column of a table.",
    fields: &[
        required(
            "id",
            FieldType::Id,
            "Unique in the table; the last part of a cell's id.",
        ),
        field(
            "label",
            FieldType::String,
            "The column's heading as printed.",
        ),
        field(
            "unit",
            FieldType::String,
            "The unit of every cell of the column.",
        ),
        field(
            "share_of",
            FieldType::Id,
            "This column holds each row's share (in %) of the total of the named column; the \
             shares are checked with the rounding they are printed with.",
        ),
        field(
            "exact",
            FieldType::Bool,
            "true: the column's figures are exact, not rounded.",
        ),
        field("rounding", FieldType::OneOf(ROUNDINGS), ROUNDING_DOC),
    ],
};

pub static ROW: Shape = Shape {
    name: "row",
    doc: "A row of a table.",
    fields: &[
        required("id", FieldType::Id, "Unique in the table; the middle part of a cell's id."),
        field("label", FieldType::String, "The row's heading as printed, e.g. \"（七）总计\"."),
        required(
            "cells",
            FieldType::Cells,
            "The cells in column order: a figure as for facts, or empty: null, \"\", \"—\", \"-\", \"/\" \
             (\"0\" is the figure zero).",
        ),
        field(
            "at",
            FieldType::Spans,
            "Where each cell stands in the source text, in column order: an at object, or null \
             (set by extraction).",
        ),
    ],
};

pub static PART: Shape = Shape {
    name: "part",
    doc: "A row that is the sum of some rows of the table.",
    fields: &[
        required("total", FieldType::Id, "The row that holds the sum."),
        required("rows", FieldType::Ids, "The rows it sums."),
    ],
};

// ---------------------------------------------------------------------------------------------
// Template files (`templates/<name>.json`). Not part of a report: described here so that the
// format is in one place. A template brings tables with their layout and identities; a report
// naming it gives `{"id", "rows": [{"id", "cells"}]}` per table. Labels are `{"zh", "en"}`.

pub const KINDS: &[&str] = &["count", "signed", "amount"];

pub static TEMPLATE: Shape = Shape {
    name: "template",
    doc: "A template: the tables a kind of report must have, and the identities between them.",
    fields: &[
        required(
            "template",
            FieldType::String,
            "The template's name, as reports name it; also its file name.",
        ),
        required(
            "title",
            FieldType::Object(&TEXT),
            "What the template is, in both languages.",
        ),
        field(
            "source",
            FieldType::String,
            "The authority's document that fixes the layout.",
        ),
        required(
            "tables",
            FieldType::ArrayOf(&TEMPLATE_TABLE),
            "The tables, in the order of the report.",
        ),
        field(
            "links",
            FieldType::ArrayOf(&TEMPLATE_LINK),
            "Relations between this year's report and last year's of the same issuer (warnings).",
        ),
    ],
};

pub static TEXT: Shape = Shape {
    name: "text",
    doc: "A text in Chinese and English; the verdict uses the reader's language.",
    fields: &[
        required(
            "zh",
            FieldType::String,
            "Chinese, as the authority prints it.",
        ),
        required("en", FieldType::String, "English."),
    ],
};

pub static TEMPLATE_TABLE: Shape = Shape {
    name: "template table",
    doc: "A table of format v1 (`total_row`, `total_column`, `parts`, `checks` as there), with \
          labels in both languages and what its cells may hold.",
    fields: &[
        required(
            "id",
            FieldType::Id,
            "The table's id: cells are `TABLE.ROW.COLUMN`.",
        ),
        required("title", FieldType::Object(&TEXT), "The table's title."),
        field(
            "unit",
            FieldType::String,
            "The unit of every column that gives none.",
        ),
        field(
            "kind",
            FieldType::OneOf(KINDS),
            "What every cell holds unless its column says otherwise: count (a whole number, 0 or \
             more; the default), signed (a whole number), amount (a number, 0 or more).",
        ),
        required(
            "columns",
            FieldType::ArrayOf(&TEMPLATE_COLUMN),
            "The columns, in order.",
        ),
        required(
            "rows",
            FieldType::ArrayOf(&TEMPLATE_ROW),
            "The rows, in order.",
        ),
        field(
            "total_row",
            FieldType::Id,
            "The row that is the sum of the others.",
        ),
        field(
            "total_column",
            FieldType::Id,
            "The column that is the sum of the others.",
        ),
        field(
            "parts",
            FieldType::ArrayOf(&TEMPLATE_PART),
            "Rows that sum to a total row.",
        ),
        field(
            "checks",
            FieldType::ArrayOf(&CHECK),
            "The table's identities (`for_each` allowed).",
        ),
    ],
};

pub static TEMPLATE_COLUMN: Shape = Shape {
    name: "template column",
    doc: "A column of a template table.",
    fields: &[
        required("id", FieldType::Id, "The column's id."),
        required("label", FieldType::Object(&TEXT), "The column's heading."),
        field(
            "unit",
            FieldType::String,
            "The unit of its cells: 件, 万元, …",
        ),
        field(
            "kind",
            FieldType::OneOf(KINDS),
            "What its cells hold, when not the table's kind.",
        ),
    ],
};

pub static TEMPLATE_ROW: Shape = Shape {
    name: "template row",
    doc: "A row of a template table; the report gives its cells.",
    fields: &[
        required("id", FieldType::Id, "The row's id."),
        required(
            "label",
            FieldType::Object(&TEXT),
            "The row's heading, as printed.",
        ),
    ],
};

pub static TEMPLATE_LINK: Shape = Shape {
    name: "template link",
    doc: "A relation between two consecutive years' reports of one issuer, checked as a warning.",
    fields: &[
        required("id", FieldType::String, "A name for the link."),
        required(
            "table",
            FieldType::Id,
            "The table whose columns or rows `for_each` runs over.",
        ),
        field(
            "for_each",
            FieldType::OneOf(&["column", "row"]),
            "Check once per column (row) id.",
        ),
        required(
            "expect",
            FieldType::String,
            "A comparison over `` `this.TABLE.ROW.COLUMN` `` and `` `last.TABLE.ROW.COLUMN` `` \
             (backquoted), with `{column}` or `{row}` for the id of `for_each`.",
        ),
        field("label", FieldType::Object(&TEXT), "What the link says."),
    ],
};

pub static TEMPLATE_PART: Shape = Shape {
    name: "template part",
    doc: "A total row that is the sum of exactly some rows (format v1 `parts`).",
    fields: &[
        required("total", FieldType::Id, "The total row."),
        required(
            "rows",
            FieldType::String,
            "The rows it sums: an array of row ids.",
        ),
    ],
};
