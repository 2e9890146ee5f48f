//! The JSON Schema of the report format, written from the same descriptions that drive the
//! structure check (`format.rs`), so editors complete and check report files through `"$schema"`.

use crate::format::{
    FieldType, Shape, AT, CHECK, COLUMN, FACT, FILE, PART, REPORT, ROW, SECTION, TABLE,
};

/// How an empty cell of a table may be written (besides `null`).
const EMPTY_CELL_PATTERN: &str = r"^\s*(|—|-|/)\s*$";
/// A decimal string as the `value` of a fact may be written.
const DECIMAL_PATTERN: &str = r"^\s*[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?\s*$";
const ID_PATTERN: &str = r"^[\p{L}_][\p{L}\p{N}_]*$";

/// The JSON Schema (draft 2020-12) of format version 1, as pretty-printed JSON text: what
/// `schema/crossfoot-v1.schema.json` holds (a test keeps it so). Not in the WebAssembly modules:
/// the npm package's `schema()` hands out that file (see scripts/build-embed.sh).
pub fn schema_json() -> String {
    let mut root = vec![
        (
            "$schema",
            str("https://json-schema.org/draft/2020-12/schema"),
        ),
        ("title", str("crossfoot report, format version 1")),
    ];
    if let Json::Object(members) = shape_schema(&FILE) {
        root.extend(members);
    }
    let defs = [
        &REPORT, &SECTION, &FACT, &AT, &CHECK, &TABLE, &COLUMN, &ROW, &PART,
    ]
    .iter()
    .map(|s| (s.name, shape_schema(s)))
    .collect();
    root.push(("$defs", Json::Object(defs)));
    let mut out = String::new();
    Json::Object(root).write(&mut out, 0);
    out.push('\n');
    out
}

/// Just enough JSON to write a schema.
enum Json {
    String(String),
    Literal(&'static str),
    Array(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

fn str(text: &str) -> Json {
    Json::String(text.to_string())
}

fn shape_schema(shape: &Shape) -> Json {
    let properties = shape
        .fields
        .iter()
        .map(|f| (f.name, field_schema(f.ty, f.doc)))
        .collect();
    let required = shape
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| str(f.name))
        .collect();
    Json::Object(vec![
        ("description", str(shape.doc)),
        ("type", str("object")),
        ("properties", Json::Object(properties)),
        ("required", Json::Array(required)),
    ])
}

fn field_schema(ty: FieldType, doc: &str) -> Json {
    let reference = |shape: &Shape| ("$ref", Json::String(format!("#/$defs/{}", shape.name)));
    let mut schema = vec![("description", str(doc))];
    match ty {
        FieldType::String => schema.push(("type", str("string"))),
        FieldType::Integer => schema.extend([
            ("type", str("integer")),
            ("minimum", Json::Literal("-30")),
            ("maximum", Json::Literal("30")),
        ]),
        FieldType::Offset => {
            schema.extend([("type", str("integer")), ("minimum", Json::Literal("0"))])
        }
        FieldType::Bool => schema.push(("type", str("boolean"))),
        FieldType::Version => schema.push(("const", Json::Literal("1"))),
        FieldType::Figure => {
            if let Json::Object(members) = figure_schema() {
                schema.extend(members);
            }
        }
        FieldType::Id => schema.extend([("type", str("string")), ("pattern", str(ID_PATTERN))]),
        FieldType::Ids => schema.extend([
            ("type", str("array")),
            (
                "items",
                Json::Object(vec![("type", str("string")), ("pattern", str(ID_PATTERN))]),
            ),
        ]),
        FieldType::Cells => {
            let figure = figure_schema();
            let empty = Json::Object(vec![
                ("type", str("string")),
                ("pattern", str(EMPTY_CELL_PATTERN)),
            ]);
            let null = Json::Object(vec![("type", str("null"))]);
            let cell = Json::Object(vec![("anyOf", Json::Array(vec![figure, empty, null]))]);
            schema.extend([("type", str("array")), ("items", cell)]);
        }
        FieldType::Spans => {
            let at = Json::Object(vec![reference(&AT)]);
            let null = Json::Object(vec![("type", str("null"))]);
            let span = Json::Object(vec![("anyOf", Json::Array(vec![at, null]))]);
            schema.extend([("type", str("array")), ("items", span)]);
        }
        FieldType::OneOf(words) => {
            schema.push(("enum", Json::Array(words.iter().map(|w| str(w)).collect())))
        }
        FieldType::Object(shape) => schema.push(reference(shape)),
        FieldType::ArrayOf(shape) => schema.extend([
            ("type", str("array")),
            ("items", Json::Object(vec![reference(shape)])),
        ]),
    }
    Json::Object(schema)
}

/// A figure: a JSON number or a decimal string.
fn figure_schema() -> Json {
    Json::Object(vec![(
        "anyOf",
        Json::Array(vec![
            Json::Object(vec![("type", str("number"))]),
            Json::Object(vec![
                ("type", str("string")),
                ("pattern", str(DECIMAL_PATTERN)),
            ]),
        ]),
    )])
}

impl Json {
    fn write(&self, out: &mut String, depth: usize) {
        let pad = |out: &mut String, depth: usize| out.push_str(&"  ".repeat(depth));
        match self {
            Json::String(text) => crate::json::write_string(text, out),
            Json::Literal(text) => out.push_str(text),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "" } else { ", " });
                    item.write(out, depth + 1);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    pad(out, depth + 1);
                    crate::json::write_string(key, out);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                pad(out, depth);
                out.push('}');
            }
        }
    }
}
