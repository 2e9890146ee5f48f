//! The draft report, format v1: one fact per figure (value as printed, unit, label, quote and
//! `at`), one check per relation (`confidence`, and `to_confirm` when unsure).

use super::figures::Found;
use super::{Confidence, ExtractOptions, Extraction, Figure, Relation, RelationKind, Role};
use crate::json;

/// Longest quote written for a check, in characters (a long sentence is cut with an ellipsis).
const MAX_QUOTE: usize = 160;

/// Writes the draft report as pretty JSON.
pub fn write(
    chars: &[char],
    found: &[Found],
    figures: &[Figure],
    relations: &[Relation],
    options: &ExtractOptions,
) -> String {
    let chinese = is_mostly_chinese(chars);
    let mut out = String::from("{\n  \"crossfoot\": 1,\n  \"report\": {\"title\": ");
    json::write_string(&title(chars, options), &mut out);
    if let Some(source) = &options.source {
        out.push_str(", \"source\": ");
        json::write_string(source, &mut out);
    }
    out.push_str(", \"language\": ");
    json::write_string(if chinese { "zh" } else { "en" }, &mut out);
    out.push_str("},\n  \"facts\": [");
    for (n, (f, figure)) in found.iter().zip(figures).enumerate() {
        out.push_str(if n == 0 { "\n    {" } else { ",\n    {" });
        member(&mut out, "id", &figure.id, true);
        member(&mut out, "value", &f.value, false);
        if let Some(unit) = &f.unit {
            member(&mut out, "unit", unit, false);
        }
        if !f.label.is_empty() {
            member(&mut out, "label", &f.label, false);
        }
        member(
            &mut out,
            "quote",
            &quote(chars, f.label_start, f.unit_end),
            false,
        );
        out.push_str(&format!(
            ", \"at\": {{\"start\": {}, \"end\": {}}}}}",
            figure.start, figure.end
        ));
    }
    out.push_str(if found.is_empty() { "],\n" } else { "\n  ],\n" });
    out.push_str("  \"checks\": [");
    for (n, relation) in relations.iter().enumerate() {
        out.push_str(if n == 0 { "\n    {" } else { ",\n    {" });
        member(&mut out, "id", &format!("c{}", n + 1), true);
        member(&mut out, "label", label(relation.kind, chinese), false);
        member(&mut out, "expect", &relation.expect, false);
        let from = relation
            .roles
            .iter()
            .filter_map(|(_, i)| found.get(*i).map(|f| f.label_start))
            .min()
            .unwrap_or(0);
        let to = relation
            .roles
            .iter()
            .filter_map(|(_, i)| found.get(*i).map(|f| f.unit_end))
            .max()
            .unwrap_or(0);
        member(&mut out, "quote", &quote(chars, from, to), false);
        let sure = relation.confidence == Confidence::Sure;
        member(
            &mut out,
            "confidence",
            if sure { "sure" } else { "unsure" },
            false,
        );
        if !sure {
            out.push_str(", \"to_confirm\": true");
        }
        out.push('}');
    }
    out.push_str(if relations.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

fn label(kind: RelationKind, chinese: bool) -> &'static str {
    match (kind, chinese) {
        (RelationKind::Total, true) => "合计 = 各部分之和",
        (RelationKind::Total, false) => "total = sum of its parts",
        (RelationKind::Share, true) => "比率 = 部分 ÷ 整体",
        (RelationKind::Share, false) => "share = part ÷ whole",
        (RelationKind::Change, true) => "变化 = 本期与上期之差",
        (RelationKind::Change, false) => "change = now against before",
        (RelationKind::NotExceeding, true) => "部分不超过整体",
        (RelationKind::NotExceeding, false) => "part does not exceed its whole",
    }
}

/// The text's title: given, or the first line that names a report, or the first line.
fn title(chars: &[char], options: &ExtractOptions) -> String {
    if let Some(title) = &options.title {
        return title.clone();
    }
    let text: String = chars.iter().take(4000).collect();
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let named = lines.clone().find(|l| {
        l.chars().count() <= 80
            && ["报告", "公报", "report", "Report"]
                .iter()
                .any(|w| l.contains(w))
    });
    let line = named.or(lines.clone().next()).unwrap_or("");
    let title: String = line.chars().take(80).collect();
    if title.is_empty() {
        options
            .source
            .clone()
            .unwrap_or_else(|| "extracted text".to_string())
    } else {
        title
    }
}

fn is_mostly_chinese(chars: &[char]) -> bool {
    let han = chars
        .iter()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(*c))
        .count();
    let latin = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    han * 2 >= latin
}

/// The text from `from` to `to`, on one line, cut to a readable length.
fn quote(chars: &[char], from: usize, to: usize) -> String {
    let slice = chars.get(from..to.min(chars.len())).unwrap_or(&[]);
    let mut text: String = slice
        .iter()
        .take(MAX_QUOTE)
        .map(|c| if c.is_control() { ' ' } else { *c })
        .collect();
    if slice.len() > MAX_QUOTE {
        text.push('…');
    }
    text.trim().to_string()
}

fn member(out: &mut String, key: &str, value: &str, first: bool) {
    if !first {
        out.push_str(", ");
    }
    json::write_string(key, out);
    out.push_str(": ");
    json::write_string(value, out);
}

/// The extraction as JSON text, field for field what serde writes for [`Extraction`] (camelCase):
/// the WebAssembly module hands this to `JSON.parse`, which costs far less of the module than
/// serialising each type through serde would.
pub fn extraction_json(extraction: &Extraction) -> String {
    let mut out = String::from("{\"figures\":[");
    for (n, f) in extraction.figures.iter().enumerate() {
        out.push_str(if n == 0 { "{" } else { ",{" });
        member(&mut out, "id", &f.id, true);
        out.push_str(",\"start\":");
        out.push_str(&f.start.to_string());
        out.push_str(",\"end\":");
        out.push_str(&f.end.to_string());
        member(&mut out, "printed", &f.printed, false);
        member(&mut out, "value", &f.value, false);
        match &f.unit {
            Some(unit) => member(&mut out, "unit", unit, false),
            None => out.push_str(", \"unit\": null"),
        }
        member(&mut out, "label", &f.label, false);
        out.push('}');
    }
    out.push_str("],\"relations\":[");
    for (n, r) in extraction.relations.iter().enumerate() {
        out.push_str(if n == 0 { "{" } else { ",{" });
        member(&mut out, "kind", kind_name(r.kind), true);
        out.push_str(",\"roles\":[");
        for (k, (role, figure)) in r.roles.iter().enumerate() {
            out.push_str(if k == 0 { "[" } else { ",[" });
            json::write_string(role_name(*role), &mut out);
            out.push(',');
            out.push_str(&figure.to_string());
            out.push(']');
        }
        out.push(']');
        let sure = r.confidence == Confidence::Sure;
        member(
            &mut out,
            "confidence",
            if sure { "sure" } else { "unsure" },
            false,
        );
        member(&mut out, "expect", &r.expect, false);
        out.push_str(if r.holds {
            ",\"holds\":true}"
        } else {
            ",\"holds\":false}"
        });
    }
    out.push(']');
    member(&mut out, "report", &extraction.report, false);
    if let Some(text) = &extraction.text {
        member(&mut out, "text", text, false);
    }
    if let Some(template) = &extraction.template {
        member(&mut out, "template", template, false);
    }
    out.push_str(",\"warnings\":[");
    for (n, w) in extraction.warnings.iter().enumerate() {
        out.push_str(if n == 0 { "{" } else { ",{" });
        member(&mut out, "code", w.code, true);
        member(&mut out, "message", &w.message, false);
        member(&mut out, "messageEn", w.en(), false);
        if let Some(table) = w.table {
            member(&mut out, "table", table, false);
        }
        if let Some(row) = w.row_id {
            member(&mut out, "row", row, false);
        }
        out.push_str(&format!(",\"start\":{},\"end\":{}}}", w.start, w.end));
    }
    out.push_str("]}");
    out
}

fn kind_name(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Total => "total",
        RelationKind::Share => "share",
        RelationKind::Change => "change",
        RelationKind::NotExceeding => "notExceeding",
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Whole => "whole",
        Role::Part => "part",
        Role::Share => "share",
        Role::Now => "now",
        Role::Before => "before",
        Role::Change => "change",
    }
}
