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
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Json(error) => error.code(),
            Problem::Bom => "bom",
            Problem::DuplicateKey { .. } => "duplicate-key",
            Problem::WrongType { .. } => "wrong-type",
            Problem::MissingField { .. } => "missing-field",
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
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Problem::Bom
            | Problem::UnknownField { .. }
            | Problem::UnitMismatch { .. }
            | Problem::NoChecks => Severity::Warning,
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
            Problem::DuplicateKey { key, first_line } => lang.pick(
                format!("key \"{key}\" appears twice in one object (first on line {first_line}); only the first is used"),
                format!("同一对象中键 \"{key}\" 出现两次(第一次在第 {first_line} 行);只采用第一次"),
            ),
            Problem::WrongType { expected } => {
                lang.pick(format!("expected {}", type_name(*expected, lang)), format!("此处应为{}", type_name(*expected, lang)))
            }
            Problem::MissingField { field, object } => lang.pick(
                format!("the {object} has no \"{field}\", which is required"),
                format!("{}缺少必填字段 \"{field}\"", object_name(object, lang)),
            ),
            Problem::UnknownField { field, object, suggestion } => {
                let hint = did_you_mean(suggestion.as_deref(), lang);
                lang.pick(
                    format!("unknown field \"{field}\" in a {object}; it is ignored{hint}"),
                    format!("{}中有未知字段 \"{field}\",已忽略{hint}", object_name(object, lang)),
                )
            }
            Problem::UnsupportedVersion { found } => lang.pick(
                format!("unsupported format version {found}; this crossfoot reads version 1"),
                format!("不支持的格式版本 {found};本程序读取版本 1"),
            ),
            Problem::InvalidId { id } => lang.pick(
                format!("\"{id}\" is not a valid id: use letters, digits and _, not starting with a digit"),
                format!("\"{id}\" 不是有效的 id:只能使用字母、数字和 _,且不能以数字开头"),
            ),
            Problem::DuplicateId { id, first_line } => lang.pick(
                format!("id \"{id}\" is already used (line {first_line}); ids must be unique"),
                format!("id \"{id}\" 已被使用(第 {first_line} 行);id 必须唯一"),
            ),
            Problem::InvalidValue { error } => error.message(lang),
            Problem::NumberOutOfRange => NumberError::OutOfRange.message(lang),
            Problem::InvalidDecimals => lang
                .pick("\"decimals\" must be a whole number from -30 to 30", "\"decimals\" 必须是 -30 到 30 之间的整数")
                .to_string(),
            Problem::ExpressionSyntax { error } => error.message(lang),
            Problem::UnknownId { name, suggestion } => {
                let hint = did_you_mean(suggestion.as_deref(), lang);
                lang.pick(format!("unknown id \"{name}\"{hint}"), format!("未知的 id \"{name}\"{hint}"))
            }
            Problem::UnitMismatch { check, warning } => lang.pick(
                format!("check {check} {}", warning.message(lang)),
                format!("校验 {check}:{}", warning.message(lang)),
            ),
            Problem::Evaluation { check, error, .. } => lang.pick(
                format!("check {check} cannot be evaluated: {}", error.message(lang)),
                format!("校验 {check} 无法计算:{}", error.message(lang)),
            ),
            Problem::NoChecks => lang
                .pick("the report has no checks, so nothing was verified", "报告中没有任何校验,因此未核对任何内容")
                .to_string(),
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
        Some(s) => lang.pick(
            format!(" (did you mean \"{s}\"?)"),
            format!("(是否应为 \"{s}\"?)"),
        ),
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
        FieldType::OneOf(words) => {
            let list = words
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(", ");
            lang.pick(format!("one of {list}"), format!("以下之一:{list}"))
        }
        FieldType::Object(shape) => lang.pick(
            format!("a {} object", shape.name),
            format!("{}对象", object_name(shape.name, lang)),
        ),
        FieldType::ArrayOf(shape) => lang.pick(
            format!("an array of {}s", shape.name),
            format!("{}数组", object_name(shape.name, lang)),
        ),
    }
}
