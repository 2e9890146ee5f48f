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
            Some(s) => lang.fill(" (did you mean \"{0}\"?)", "(是否应为 \"{0}\"?)", &[s]),
            None => String::new(),
        };
        match self {
            TemplateProblem::UnknownTemplate { name, suggestion } => lang.fill(
                "unknown template \"{0}\"{1}; the templates are: {2}",
                "未知的模板 \"{0}\"{1};现有模板:{2}",
                &[
                    name,
                    &hint(suggestion),
                    &super::names().collect::<Vec<_>>().join(", "),
                ],
            ),
            TemplateProblem::BrokenTemplate { name, detail } => lang.fill(
                "the template \"{0}\" cannot be read ({1}); please report this",
                "模板 \"{0}\" 无法读取({1});请报告此问题",
                &[name, detail],
            ),
            TemplateProblem::UnknownTable {
                table,
                template,
                suggestion,
            } => lang.fill(
                "the template {0} has no table \"{1}\"{2}; it is ignored",
                "模板 {0} 中没有表 \"{1}\"{2};已忽略",
                &[template, table, &hint(suggestion)],
            ),
            TemplateProblem::UnknownRow {
                row,
                table,
                suggestion,
            } => lang.fill(
                "{0} has no row \"{1}\"{2}; it is ignored",
                "{0}中没有行 \"{1}\"{2};已忽略",
                &[table, row, &hint(suggestion)],
            ),
            TemplateProblem::CellCount {
                row,
                found,
                expected,
                columns,
            } => lang.fill(
                "{0} has {1} cells, but the template has {2} columns ({3}); the row is not checked",
                "{0}有 {1} 个单元格,但模板有 {2} 列({3});该行未核对",
                &[row, &found.to_string(), &expected.to_string(), columns],
            ),
            TemplateProblem::NotACount { cell, value, kind } => {
                let (en, zh) = match kind {
                    super::Kind::Count => (
                        "{0} is {1}, but it counts things: it must be a whole number of 0 or more",
                        "{0} 为 {1},但这是件数:必须是大于或等于 0 的整数",
                    ),
                    super::Kind::Signed => (
                        "{0} is {1}, but it must be a whole number",
                        "{0} 为 {1},但必须是整数",
                    ),
                    super::Kind::Amount => (
                        "{0} is {1}, but an amount cannot be below 0",
                        "{0} 为 {1},但金额不能小于 0",
                    ),
                };
                lang.fill(en, zh, &[cell, value])
            }
            TemplateProblem::Missing { what } => lang.fill(
                "the report does not give {0}: the identities that use them are not checked",
                "报告未提供{0}:用到它们的勾稽关系未核对",
                &[what],
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
