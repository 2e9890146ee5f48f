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
