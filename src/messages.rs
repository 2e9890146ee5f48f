//! The two languages every message exists in.

use serde::Serialize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Accepts "en", "zh", and tags such as "zh-CN" or "en-GB".
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// Picks the text for this language.
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// The message in this language, its `{0}`, `{1}`, … replaced by `args` (see [`fill`]).
    pub fn fill(self, en: &str, zh: &str, args: &[&str]) -> String {
        fill(self.pick(en, zh), args)
    }
}

/// `message` with each `{0}` … `{9}` replaced by that argument; any other `{` is kept as it is.
/// Messages are filled here rather than with a `format!` per language because each `format!`
/// call site costs the WebAssembly module code, and there are about a hundred of them (the module
/// has a size budget); numbered places let a language put the arguments in its own order.
pub fn fill(message: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(message.len() + 32);
    let mut rest = message;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match rest.as_bytes() {
            [b'{', digit @ b'0'..=b'9', b'}', ..] => {
                out.push_str(args.get(usize::from(digit - b'0')).copied().unwrap_or(""));
                rest = &rest[3..];
            }
            _ => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

use crate::expr::{EvalError, EvalWarning, ExprError};
use crate::format::FieldType;
use crate::json::JsonError;
use crate::number::NumberError;
use crate::verdict::{Finding, Location, Severity};

/// Everything the structure check can report, each with a stable code.
#[derive(Clone, Debug)]
pub enum Problem {
    Json(JsonError),
    Bom,
    DuplicateKey {
        key: String,
        first_line: u32,
    },
    WrongType {
        expected: FieldType,
    },
    MissingField {
        field: &'static str,
        object: &'static str,
    },
    /// A table that lays out no columns. The schema cannot require them, because a table of a
    /// report that names a template gives only rows: the template brings the columns.
    TableWithoutColumns,
    UnknownField {
        field: String,
        object: &'static str,
        suggestion: Option<String>,
    },
    UnsupportedVersion {
        found: String,
    },
    InvalidId {
        id: String,
    },
    DuplicateId {
        id: String,
        first_line: u32,
    },
    InvalidValue {
        error: NumberError,
    },
    NumberOutOfRange,
    InvalidDecimals,
    ExpressionSyntax {
        error: ExprError,
    },
    UnknownId {
        name: String,
        suggestion: Option<String>,
    },
    UnitMismatch {
        check: String,
        warning: EvalWarning,
    },
    /// `blocking`: the check is of severity error, so the report cannot be fully checked.
    Evaluation {
        check: String,
        error: EvalError,
        blocking: bool,
    },
    NoChecks,
    /// A table's row whose cells are not one per column.
    CellCount {
        row: String,
        cells: usize,
        columns: usize,
    },
    /// A row or column id (in total_row, total_column, share_of, parts or an expression) that
    /// the table does not have.
    UnknownTablePart {
        table: String,
        column: bool,
        name: String,
        suggestion: Option<String>,
    },
    /// A check that names an empty cell (or a slice of empty cells) is not evaluated.
    EmptyCell {
        check: String,
        cell: String,
    },
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Json(error) => error.code(),
            Problem::Bom => "bom",
            Problem::DuplicateKey { .. } => "duplicate-key",
            Problem::WrongType { .. } => "wrong-type",
            Problem::MissingField { .. } | Problem::TableWithoutColumns => "missing-field",
            Problem::UnknownField { .. } => "unknown-field",
            Problem::UnsupportedVersion { .. } => "unsupported-version",
            Problem::InvalidId { .. } => "invalid-id",
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::InvalidValue { .. } => "invalid-value",
            Problem::NumberOutOfRange => "number-out-of-range",
            Problem::InvalidDecimals => "invalid-decimals",
            Problem::ExpressionSyntax { .. } => "expression-syntax",
            Problem::UnknownId { .. } => "unknown-id",
            Problem::UnitMismatch { .. } => "unit-mismatch",
            Problem::Evaluation {
                error: EvalError::DivisionByZero { .. },
                ..
            } => "division-by-zero",
            Problem::Evaluation {
                error: EvalError::UnknownName { .. },
                ..
            } => "unknown-id",
            Problem::Evaluation {
                error: EvalError::TooLarge { .. },
                ..
            } => "too-large",
            Problem::NoChecks => "no-checks",
            Problem::CellCount { .. } => "cell-count",
            Problem::UnknownTablePart { .. } => "unknown-id",
            Problem::EmptyCell { .. } => "empty-cell",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Problem::Bom
            | Problem::UnknownField { .. }
            | Problem::UnitMismatch { .. }
            | Problem::NoChecks
            | Problem::EmptyCell { .. } => Severity::Warning,
            Problem::Evaluation {
                blocking: false, ..
            } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Json(error) => error.message(lang),
            Problem::Bom => lang
                .pick("the file starts with a byte-order mark; it was ignored", "文件以字节顺序标记 (BOM) 开头,已忽略")
                .to_string(),
            Problem::DuplicateKey { key, first_line } => lang.fill(
                "key \"{0}\" appears twice in one object (first on line {1}); only the first is used",
                "同一对象中键 \"{0}\" 出现两次(第一次在第 {1} 行);只采用第一次",
                &[key, &first_line.to_string()],
            ),
            Problem::WrongType { expected } => {
                lang.fill("expected {0}", "此处应为{0}", &[&type_name(*expected, lang)])
            }
            Problem::MissingField { field, object } => lang.fill(
                "the {0} has no \"{1}\", which is required",
                "{0}缺少必填字段 \"{1}\"",
                &[object_name(object, lang), field],
            ),
            Problem::TableWithoutColumns => lang
                .pick(
                    "the table has no \"columns\"; only a template's tables may leave them out",
                    "表格缺少 \"columns\";只有模板中的表格可以省略",
                )
                .to_string(),
            Problem::UnknownField { field, object, suggestion } => lang.fill(
                "unknown field \"{0}\" in a {1}; it is ignored{2}",
                "{1}中有未知字段 \"{0}\",已忽略{2}",
                &[field, object_name(object, lang), &did_you_mean(suggestion.as_deref(), lang)],
            ),
            Problem::UnsupportedVersion { found } => lang.fill(
                "unsupported format version {0}; this crossfoot reads version 1",
                "不支持的格式版本 {0};本程序读取版本 1",
                &[found],
            ),
            Problem::InvalidId { id } => lang.fill(
                "\"{0}\" is not a valid id: use letters, digits and _, not starting with a digit",
                "\"{0}\" 不是有效的 id:只能使用字母、数字和 _,且不能以数字开头",
                &[id],
            ),
            Problem::DuplicateId { id, first_line } => lang.fill(
                "id \"{0}\" is already used (line {1}); ids must be unique",
                "id \"{0}\" 已被使用(第 {1} 行);id 必须唯一",
                &[id, &first_line.to_string()],
            ),
            Problem::InvalidValue { error } => error.message(lang),
            Problem::NumberOutOfRange => NumberError::OutOfRange.message(lang),
            Problem::InvalidDecimals => lang
                .pick("\"decimals\" must be a whole number from -30 to 30", "\"decimals\" 必须是 -30 到 30 之间的整数")
                .to_string(),
            Problem::ExpressionSyntax { error } => error.message(lang),
            Problem::UnknownId { name, suggestion } => lang.fill(
                "unknown id \"{0}\"{1}",
                "未知的 id \"{0}\"{1}",
                &[name, &did_you_mean(suggestion.as_deref(), lang)],
            ),
            Problem::UnitMismatch { check, warning } => lang.fill(
                "check {0} {1}",
                "校验 {0}:{1}",
                &[check, &warning.message(lang)],
            ),
            Problem::Evaluation { check, error, .. } => lang.fill(
                "check {0} cannot be evaluated: {1}",
                "校验 {0} 无法计算:{1}",
                &[check, &error.message(lang)],
            ),
            Problem::NoChecks => lang
                .pick("the report has no checks, so nothing was verified", "报告中没有任何校验,因此未核对任何内容")
                .to_string(),
            Problem::CellCount { row, cells, columns } => lang.fill(
                "row \"{0}\" has {1} cells, but the table has {2} columns; write one cell per column (null for an empty one)",
                "行 \"{0}\" 有 {1} 个单元格,但表格有 {2} 列;每列应有一个单元格(空格写 null)",
                &[row, &cells.to_string(), &columns.to_string()],
            ),
            Problem::UnknownTablePart { table, column, name, suggestion } => {
                let part = if *column { lang.pick("column", "列") } else { lang.pick("row", "行") };
                lang.fill(
                    "table \"{0}\" has no {1} \"{2}\"{3}",
                    "表格 \"{0}\" 没有{1} \"{2}\"{3}",
                    &[table, part, name, &did_you_mean(suggestion.as_deref(), lang)],
                )
            }
            Problem::EmptyCell { check, cell } => lang.fill(
                "check {0} uses {1}, which has no figure (an empty cell); it is not evaluated",
                "校验 {0} 使用的 {1} 没有数字(空单元格);该校验未计算",
                &[check, cell],
            ),
        }
    }

    pub fn finding(&self, lang: Lang, location: Location) -> Finding {
        Finding {
            code: self.code(),
            severity: self.severity(),
            message: self.message(lang),
            location,
        }
    }
}

fn did_you_mean(suggestion: Option<&str>, lang: Lang) -> String {
    match suggestion {
        Some(s) => lang.fill(" (did you mean \"{0}\"?)", "(是否应为 \"{0}\"?)", &[s]),
        None => String::new(),
    }
}

fn object_name(object: &str, lang: Lang) -> &str {
    match (lang, object) {
        (Lang::En, _) => object,
        (Lang::Zh, "file") => "文件",
        (Lang::Zh, "report") => "report 对象",
        (Lang::Zh, "section") => "章节",
        (Lang::Zh, "fact") => "事实",
        (Lang::Zh, "check") => "校验",
        (Lang::Zh, "table") => "表格",
        (Lang::Zh, "column") => "列",
        (Lang::Zh, "row") => "行",
        (Lang::Zh, "part") => "分组",
        (Lang::Zh, other) => other,
    }
}

fn type_name(ty: FieldType, lang: Lang) -> String {
    match ty {
        FieldType::String => lang.pick("a string", "字符串").to_string(),
        FieldType::Integer => lang.pick("a whole number", "整数").to_string(),
        FieldType::Offset => lang
            .pick("a character offset (0 or more)", "字符位置(0 或更大的整数)")
            .to_string(),
        FieldType::Bool => lang.pick("true or false", "true 或 false").to_string(),
        FieldType::Version => lang
            .pick("the format version 1", "格式版本号 1")
            .to_string(),
        FieldType::Figure => lang
            .pick(
                "a number or a decimal string such as \"95.5\"",
                "数字或十进制数字符串(如 \"95.5\")",
            )
            .to_string(),
        FieldType::Id => lang.pick("an id string", "id 字符串").to_string(),
        FieldType::Ids => lang
            .pick("an array of id strings", "id 字符串数组")
            .to_string(),
        FieldType::Cells => lang
            .pick(
                "an array of cells: figures, or null, \"\", \"—\", \"-\", \"/\" when empty",
                "单元格数组:数字,或表示空格的 null、\"\"、\"—\"、\"-\"、\"/\"",
            )
            .to_string(),
        FieldType::Spans => lang
            .pick(
                "an array of places in the text: at objects, or null",
                "文中位置数组:at 对象或 null",
            )
            .to_string(),
        FieldType::OneOf(words) => {
            let list = words
                .iter()
                .map(|w| fill("\"{0}\"", &[w]))
                .collect::<Vec<_>>()
                .join(", ");
            lang.fill("one of {0}", "以下之一:{0}", &[&list])
        }
        FieldType::Object(shape) => {
            lang.fill("a {0} object", "{0}对象", &[object_name(shape.name, lang)])
        }
        FieldType::ArrayOf(shape) => lang.fill(
            "an array of {0}s",
            "{0}数组",
            &[object_name(shape.name, lang)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_arguments_in_their_numbered_places() {
        assert_eq!(fill("{1} 项中有 {0} 项", &["2", "12"]), "12 项中有 2 项");
        assert_eq!(fill("a {0}{0}", &["x"]), "a xx");
    }

    #[test]
    fn fill_keeps_other_braces_and_missing_arguments_are_empty() {
        assert_eq!(fill("t.{column} {x} {", &[]), "t.{column} {x} {");
        assert_eq!(fill("[{3}]", &["a"]), "[]");
        assert_eq!(fill("{0}", &["{1}", "no"]), "{1}");
    }
}
