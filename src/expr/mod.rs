//! The expressions of checks: `applications == accepted + not_accepted + to_correct`.
//!
//! [`parse_expect`] reads a check into a [`Comparison`]; [`evaluate`] decides it over the intervals
//! of true values every printed figure stands for, and writes the arithmetic in figures, the way a
//! reader of the report would check it by hand.

mod eval;
mod exact;
mod lex;
mod parse;
mod render;

pub use eval::{
    evaluate, evaluate_lent, holds, EvalError, EvalWarning, Evaluation, Quantity, UnitAction,
};
pub use exact::Decision;
pub use parse::parse_expect;

use crate::interval::Rational;
use crate::number::NumberError;
use crate::Lang;

/// Parentheses, function calls and unary minus nest at most this deep.
pub const MAX_DEPTH: u32 = 64;
/// At most this many tokens in one expression.
pub const MAX_TOKENS: usize = 4096;
/// At most this many multiplications, divisions and `change()` calls in one expression, so that
/// no expression can make exact arithmetic grow without bound.
pub const MAX_PRODUCTS: u32 = 16;

/// Columns of a node: 1-based, in characters, `end` just after the node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// A check: two sides and how they should compare.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub lhs: Expr,
    pub op: CmpOp,
    /// Column of the comparison operator.
    pub op_column: u32,
    pub rhs: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    /// The operator as shown in arithmetic: `=`, `≠`, `<`, `≤`, `>`, `≥`.
    pub fn symbol(&self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "≠",
            CmpOp::Lt => "<",
            CmpOp::Le => "≤",
            CmpOp::Gt => ">",
            CmpOp::Ge => "≥",
        }
    }

    /// The same relation with its sides swapped: `a < b` is `b > a`.
    pub fn mirrored(&self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            other => *other,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A number written in the expression: exact. Boxed: its exact value is most of its size, and
    /// every node would otherwise be as large (numbers are few; nodes are moved often).
    Number(Box<NumberLiteral>),
    /// A fact, by its id (or the text between backquotes).
    Fact(String),
    Neg(Box<Expr>),
    /// Operands joined by operators of one precedence level (`a + b - c`, or `a * b / c`), kept
    /// flat so that a long sum is not a deep tree.
    Chain {
        first: Box<Expr>,
        rest: Vec<Operand>,
    },
    Call {
        func: Func,
        args: Vec<Expr>,
    },
    /// Parentheses, kept so the arithmetic is shown as written.
    Group(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumberLiteral {
    /// The digits as written, without the suffix.
    pub text: String,
    pub suffix: Option<Suffix>,
    /// Exact value, the suffix applied (`100%` is 1).
    pub value: Rational,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suffix {
    Percent,
    Permille,
}

impl Suffix {
    pub fn symbol(&self) -> &'static str {
        match self {
            Suffix::Percent => "%",
            Suffix::Permille => "‰",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Operand {
    pub op: BinOp,
    /// Column of the operator.
    pub column: u32,
    pub expr: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    pub fn symbol(&self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Sum,
    Min,
    Max,
    Abs,
    Change,
}

impl Func {
    pub const ALL: [Func; 5] = [Func::Sum, Func::Min, Func::Max, Func::Abs, Func::Change];

    pub fn name(&self) -> &'static str {
        match self {
            Func::Sum => "sum",
            Func::Min => "min",
            Func::Max => "max",
            Func::Abs => "abs",
            Func::Change => "change",
        }
    }

    /// Function names are matched ignoring ASCII case.
    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    fn accepts(&self, count: usize) -> bool {
        match self {
            Func::Sum | Func::Min | Func::Max => count >= 1,
            Func::Abs => count == 1,
            Func::Change => count == 2,
        }
    }
}

/// An expression that cannot be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExprError {
    pub kind: ExprErrorKind,
    /// 1-based column, in characters, within the expression.
    pub column: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExprErrorKind {
    Empty,
    UnexpectedChar(char),
    UnexpectedToken {
        found: String,
        expected: Expected,
    },
    UnexpectedEnd {
        expected: Expected,
    },
    /// An expression without a comparison: a check must compare two sides.
    MissingComparison,
    /// `a == b == c`.
    ChainedComparison,
    UnclosedParen,
    UnclosedBackquote,
    EmptyName,
    UnknownFunction {
        name: String,
        nearest: &'static str,
    },
    WrongArgCount {
        function: &'static str,
        found: usize,
    },
    TooDeep,
    TooLong,
    BadNumber(NumberError),
    /// A slice such as `t3.*.total` that is not an argument of `sum`, `min` or `max`.
    SliceOutsideAggregate,
    /// A `*` that is not a whole segment or the end of a row's or column's prefix.
    BadSlice,
}

/// What the parser was looking for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Operand,
    Operator,
    CloseParen,
    CommaOrCloseParen,
}

impl Expected {
    fn describe(&self, lang: Lang) -> &'static str {
        match self {
            Expected::Operand => lang.pick("a figure, a name or `(`", "数字、名称或 `(`"),
            Expected::Operator => {
                lang.pick("an operator such as `+` or `==`", "运算符(如 `+` 或 `==`)")
            }
            Expected::CloseParen => "`)`",
            Expected::CommaOrCloseParen => lang.pick("`,` or `)`", "`,` 或 `)`"),
        }
    }
}

impl ExprError {
    pub fn message(&self, lang: Lang) -> String {
        use ExprErrorKind::*;
        match &self.kind {
            Empty => lang.pick("the expression is empty", "表达式为空").to_string(),
            UnexpectedChar(c) => lang.fill(
                "unexpected character `{0}`",
                "无法识别的字符 `{0}`",
                &[&c.to_string()],
            ),
            UnexpectedToken { found, expected } => lang.fill(
                "expected {0}, found `{1}`",
                "此处应为{0},却是 `{1}`",
                &[expected.describe(lang), found],
            ),
            UnexpectedEnd { expected } => lang.fill(
                "expected {0}, but the expression ends",
                "此处应为{0},但表达式已结束",
                &[expected.describe(lang)],
            ),
            MissingComparison => lang
                .pick(
                    "a check must compare two sides, as in `total == a + b` (also != < <= > >=)",
                    "检查须比较两边,例如 `total == a + b`(也可用 != < <= > >=)",
                )
                .to_string(),
            ChainedComparison => lang
                .pick(
                    "a check compares two sides only once; write a second check for the next comparison",
                    "一个检查只能有一个比较;其余比较请另写检查",
                )
                .to_string(),
            UnclosedParen => lang.pick("`(` is never closed", "`(` 缺少对应的 `)`").to_string(),
            UnclosedBackquote => lang.pick("a backquote (`) is never closed", "反引号 (`) 缺少结尾").to_string(),
            EmptyName => lang.pick("empty name between backquotes", "反引号之间的名称为空").to_string(),
            UnknownFunction { name, nearest } => {
                let known: Vec<&str> = Func::ALL.iter().map(|f| f.name()).collect();
                lang.fill(
                    "unknown function `{0}`; did you mean `{1}`? (functions: {2}; to multiply, write `*`)",
                    "未知函数 `{0}`,是否应为 `{1}`?(可用函数:{2};相乘请写 `*`)",
                    &[name, nearest, &known.join(lang.pick(", ", "、"))],
                )
            }
            WrongArgCount { function, found } => {
                let wants = match Func::from_name(function) {
                    Some(Func::Abs) => lang.pick("exactly 1 argument", "恰好 1 个参数"),
                    Some(Func::Change) => lang.pick("exactly 2 arguments (now, before)", "恰好 2 个参数(本期, 上期)"),
                    _ => lang.pick("at least 1 argument", "至少 1 个参数"),
                };
                lang.fill(
                    "`{0}` takes {1}, found {2}",
                    "`{0}` 需要{1},实际为 {2} 个",
                    &[function, wants, &found.to_string()],
                )
            }
            TooDeep => lang.fill(
                "the expression nests deeper than {0} levels",
                "表达式嵌套超过 {0} 层",
                &[&MAX_DEPTH.to_string()],
            ),
            TooLong => lang.fill(
                "the expression is too long: at most {0} parts and {1} multiplications or divisions",
                "表达式过长:最多 {0} 个成分、{1} 次乘除",
                &[&MAX_TOKENS.to_string(), &MAX_PRODUCTS.to_string()],
            ),
            BadNumber(e) => e.message(lang),
            SliceOutsideAggregate => lang
                .pick(
                    "a slice of a table (`t.*.c`, `t.r.*`, `t.r3_*.c`) can only be an argument of sum, min or max",
                    "表格切片(`t.*.c`、`t.r.*`、`t.r3_*.c`)只能作为 sum、min 或 max 的参数",
                )
                .to_string(),
            BadSlice => lang
                .pick(
                    "a slice is table.row.column with `*` for every row or column, or ending a prefix (`t.r3_*.c`)",
                    "切片应为 表.行.列,用 `*` 表示全部行或列,或放在前缀末尾(`t.r3_*.c`)",
                )
                .to_string(),
        }
    }
}

/// Whether a name is a slice of a table's cells (`t3.*.total`) rather than one fact.
pub fn is_slice(name: &str) -> bool {
    name.contains('*')
}

/// The fact id rule: letters of any script, digits and `_`, not starting with a digit, non-empty.
pub fn is_valid_id(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if lex::is_name_start(first) => chars.all(lex::is_name_char),
        _ => false,
    }
}

impl Comparison {
    /// Fact names in order of first use, each with the column of its first use.
    pub fn references<'a>(&'a self) -> Vec<(String, u32)> {
        let mut found: Vec<(String, u32)> = Vec::with_capacity(4);
        // Most expressions name a few facts: those are compared one by one; a long one (a sum
        // of many cells) goes through the crate's small map (not a std set: the module has a
        // size budget).
        let mut seen: Option<crate::strmap::StrMap<'a>> = None;
        // The first names, borrowed, to fill the map with once it is needed.
        let mut named: [&'a str; 8] = [""; 8];
        let mut visit = |name: &'a str, column: u32| {
            let first_use = match &mut seen {
                None if found.len() < 8 => !found.iter().any(|(known, _)| known == name),
                None => {
                    let mut map = crate::strmap::StrMap::with_capacity(16);
                    for known in named {
                        map.insert_first(known, 0);
                    }
                    seen.insert(map).insert_first(name, 0).is_none()
                }
                Some(map) => map.insert_first(name, 0).is_none(),
            };
            if first_use {
                if let Some(slot) = named.get_mut(found.len()) {
                    *slot = name;
                }
                found.push((name.to_string(), column));
            }
        };
        self.lhs.visit_facts(&mut visit);
        self.rhs.visit_facts(&mut visit);
        found
    }
}

impl Expr {
    /// Calls `f` with every fact name and its column, left to right. Recursion is bounded by the
    /// parser's depth limit.
    pub fn visit_facts<'a>(&'a self, f: &mut dyn FnMut(&'a str, u32)) {
        match &self.kind {
            ExprKind::Number(_) => {}
            ExprKind::Fact(name) => f(name, self.span.start),
            ExprKind::Neg(inner) | ExprKind::Group(inner) => inner.visit_facts(f),
            ExprKind::Chain { first, rest } => {
                first.visit_facts(f);
                for operand in rest {
                    operand.expr.visit_facts(f);
                }
            }
            ExprKind::Call { args, .. } => {
                for arg in args {
                    arg.visit_facts(f);
                }
            }
        }
    }

    /// The expression without enclosing parentheses.
    pub fn unparenthesized(&self) -> &Expr {
        let mut e = self;
        while let ExprKind::Group(inner) = &e.kind {
            e = inner;
        }
        e
    }
}

#[cfg(test)]
#[cfg(test)]
mod tests;
