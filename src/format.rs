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
    /// One of a few words.
    OneOf(&'static [&'static str]),
    /// An array of ids (rows of a table's `parts`).
    Ids,
    /// A table row's cells: figures as for facts, or empty (`null`, `""`, `"—"`, `"-"`, `"/"`).
    Cells,
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

const fn field(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        doc,
    }
}

const fn required(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        doc,
    }
}

pub const SEVERITIES: &[&str] = &["error", "warning"];

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
    ],
};

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
             Its precision is read from how it is written.",
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
    ],
};

pub const FOR_EACH: &[&str] = &["column", "row"];

pub static TABLE: Shape = Shape {
    name: "table",
    doc: "A table of figures: every cell with a figure is a fact `TABLE.ROW.COLUMN`. Totals named by \
          total_row, total_column and parts are checked without hand-written checks.",
    fields: &[
        required("id", FieldType::Id, "Unique among tables; the first part of every cell's id."),
        field("title", FieldType::String, "The table's title as printed, e.g. \"表三\"."),
        field("columns", FieldType::ArrayOf(&COLUMN), "The columns, left to right."),
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
