//! What can be wrong with a report's use of a template, each with a stable code, in English and
//! Chinese.

use crate::verdict::{Finding, Location, Severity};
use crate::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateProblem {
    UnknownTemplate {
        name: String,
        suggestion: Option<String>,
    },
    /// A template file that cannot be read: a mistake of crossfoot, never of the report.
    BrokenTemplate { name: String, detail: String },
    UnknownTable {
        table: String,
        template: String,
        suggestion: Option<String>,
    },
    UnknownRow {
        row: String,
        table: String,
        suggestion: Option<String>,
    },
    /// The row gives a number of cells other than the template's columns.
    CellCount {
        row: String,
        found: usize,
        expected: usize,
        columns: String,
    },
    /// A cell of a count column that is not a whole number of 0 or more (or, for a signed
    /// column, not a whole number; for an amount, below 0).
    NotACount {
        cell: String,
        value: String,
        kind: super::Kind,
    },
    /// Tables or rows of the template the report does not give: their identities are not checked.
    Missing { what: String },
}

impl TemplateProblem {
    pub fn code(&self) -> &'static str {
        match self {
            TemplateProblem::UnknownTemplate { .. } => "unknown-template",
            TemplateProblem::BrokenTemplate { .. } => "broken-template",
            TemplateProblem::UnknownTable { .. } => "unknown-table",
            TemplateProblem::UnknownRow { .. } => "unknown-row",
            TemplateProblem::CellCount { .. } => "cell-count",
            TemplateProblem::NotACount { .. } => "not-a-count",
            TemplateProblem::Missing { .. } => "missing-rows",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            TemplateProblem::Missing { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let hint = |suggestion: &Option<String>| match suggestion {
            Some(s) => lang.pick(
                format!(" (did you mean \"{s}\"?)"),
                format!("(是否应为 \"{s}\"?)"),
            ),
            None => String::new(),
        };
        match self {
            TemplateProblem::UnknownTemplate { name, suggestion } => {
                let known = super::names().collect::<Vec<_>>().join(", ");
                let hint = hint(suggestion);
                lang.pick(
                    format!("unknown template \"{name}\"{hint}; the templates are: {known}"),
                    format!("未知的模板 \"{name}\"{hint};现有模板:{known}"),
                )
            }
            TemplateProblem::BrokenTemplate { name, detail } => lang.pick(
                format!("the template \"{name}\" cannot be read ({detail}); please report this"),
                format!("模板 \"{name}\" 无法读取({detail});请报告此问题"),
            ),
            TemplateProblem::UnknownTable {
                table,
                template,
                suggestion,
            } => {
                let hint = hint(suggestion);
                lang.pick(
                    format!("the template {template} has no table \"{table}\"{hint}; it is ignored"),
                    format!("模板 {template} 中没有表 \"{table}\"{hint};已忽略"),
                )
            }
            TemplateProblem::UnknownRow {
                row,
                table,
                suggestion,
            } => {
                let hint = hint(suggestion);
                lang.pick(
                    format!("{table} has no row \"{row}\"{hint}; it is ignored"),
                    format!("{table}中没有行 \"{row}\"{hint};已忽略"),
                )
            }
            TemplateProblem::CellCount {
                row,
                found,
                expected,
                columns,
            } => lang.pick(
                format!("{row} has {found} cells, but the template has {expected} columns ({columns}); the row is not checked"),
                format!("{row}有 {found} 个单元格,但模板有 {expected} 列({columns});该行未核对"),
            ),
            TemplateProblem::NotACount { cell, value, kind } => match kind {
                super::Kind::Count => lang.pick(
                    format!("{cell} is {value}, but it counts things: it must be a whole number of 0 or more"),
                    format!("{cell} 为 {value},但这是件数:必须是大于或等于 0 的整数"),
                ),
                super::Kind::Signed => lang.pick(
                    format!("{cell} is {value}, but it must be a whole number"),
                    format!("{cell} 为 {value},但必须是整数"),
                ),
                super::Kind::Amount => lang.pick(
                    format!("{cell} is {value}, but an amount cannot be below 0"),
                    format!("{cell} 为 {value},但金额不能小于 0"),
                ),
            },
            TemplateProblem::Missing { what } => lang.pick(
                format!("the report does not give {what}: the identities that use them are not checked"),
                format!("报告未提供{what}:用到它们的勾稽关系未核对"),
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
