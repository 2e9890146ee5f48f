//! Recursive descent over the tokens, with a depth limit so no input can overflow the stack.
//!
//! comparison := sum OP sum
//! sum        := product (('+' | '-') product)*
//! product    := unary (('*' | '/') unary)*
//! unary      := '-' unary | primary
//! primary    := number ['%' | '‰'] | name | '`' text '`' | func '(' args ')' | '(' sum ')'

use super::is_slice;
use super::lex::{lex, Tok, Token};
use super::{
    BinOp, Comparison, Expected, Expr, ExprError, ExprErrorKind, ExprKind, Func, NumberLiteral,
    Operand, Span, Suffix, MAX_DEPTH, MAX_PRODUCTS,
};
use crate::number::{parse_decimal_string, pow10};

/// Reads the `expect` of a check.
pub fn parse_expect(text: &str) -> Result<Comparison, ExprError> {
    // Sized once: `collect` would start from a quarter of the length and grow.
    let mut chars = Vec::with_capacity(text.len());
    chars.extend(text.chars());
    let tokens = lex(text, &chars)?;
    let mut parser = Parser {
        chars,
        tokens,
        pos: 0,
        depth: 0,
        products: 0,
    };
    if parser.peek().tok == Tok::End {
        return Err(ExprError {
            kind: ExprErrorKind::Empty,
            column: 1,
        });
    }
    let lhs = parser.sum()?;
    let token = parser.peek().clone();
    let op = match token.tok {
        Tok::Cmp(op) => op,
        Tok::End => {
            return Err(ExprError {
                kind: ExprErrorKind::MissingComparison,
                column: token.column,
            })
        }
        _ => return Err(parser.unexpected(Expected::Operator)),
    };
    let op_column = token.column;
    parser.advance();
    let rhs = parser.sum()?;
    check_slices(&lhs, false)?;
    check_slices(&rhs, false)?;
    let token = parser.peek();
    match token.tok {
        Tok::End => Ok(Comparison {
            lhs,
            op,
            op_column,
            rhs,
        }),
        Tok::Cmp(_) => Err(ExprError {
            kind: ExprErrorKind::ChainedComparison,
            column: token.column,
        }),
        _ => Err(parser.unexpected(Expected::Operator)),
    }
}

struct Parser {
    /// The expression, for quoting a token in an error.
    chars: Vec<char>,
    tokens: Vec<Token>,
    pos: usize,
    depth: u32,
    products: u32,
}

impl Parser {
    fn peek(&self) -> &Token {
        // The lexer always ends the list with `End`, and `advance` never moves past it.
        let last = self.tokens.len().saturating_sub(1);
        &self.tokens[self.pos.min(last)]
    }

    /// Moves the current token's content out and advances past it.
    fn take(&mut self) -> Tok {
        let tok = match self.tokens.get_mut(self.pos) {
            Some(token) if !matches!(token.tok, Tok::End) => {
                std::mem::replace(&mut token.tok, Tok::End)
            }
            _ => Tok::End,
        };
        self.advance();
        tok
    }

    fn advance(&mut self) {
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
    }

    fn previous_end(&self) -> u32 {
        match self.pos.checked_sub(1).and_then(|i| self.tokens.get(i)) {
            Some(t) => t.end,
            None => self.peek().column,
        }
    }

    fn unexpected(&self, expected: Expected) -> ExprError {
        let token = self.peek();
        let kind = if token.tok == Tok::End {
            ExprErrorKind::UnexpectedEnd { expected }
        } else {
            let from = (token.column as usize).saturating_sub(1);
            let to = (token.end as usize).saturating_sub(1);
            let found = self
                .chars
                .get(from..to)
                .unwrap_or_default()
                .iter()
                .collect();
            ExprErrorKind::UnexpectedToken { found, expected }
        };
        ExprError {
            kind,
            column: token.column,
        }
    }

    fn enter(&mut self, column: u32) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError {
                kind: ExprErrorKind::TooDeep,
                column,
            });
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn count_product(&mut self, column: u32) -> Result<(), ExprError> {
        self.products += 1;
        if self.products > MAX_PRODUCTS {
            return Err(ExprError {
                kind: ExprErrorKind::TooLong,
                column,
            });
        }
        Ok(())
    }

    fn sum(&mut self) -> Result<Expr, ExprError> {
        self.chain(
            &[(Tok::Plus, BinOp::Add), (Tok::Minus, BinOp::Sub)],
            Parser::product,
        )
    }

    fn product(&mut self) -> Result<Expr, ExprError> {
        self.chain(
            &[(Tok::Star, BinOp::Mul), (Tok::Slash, BinOp::Div)],
            Parser::unary,
        )
    }

    /// Operands of one precedence level, joined by any of `ops`, into one flat chain.
    fn chain(
        &mut self,
        ops: &[(Tok, BinOp)],
        operand: fn(&mut Parser) -> Result<Expr, ExprError>,
    ) -> Result<Expr, ExprError> {
        let first = operand(self)?;
        let mut rest = Vec::new();
        loop {
            let token = self.peek();
            // By kind alone (the operators carry nothing): cheaper than comparing whole tokens.
            let kind = std::mem::discriminant(&token.tok);
            let Some(&(_, op)) = ops.iter().find(|(t, _)| std::mem::discriminant(t) == kind) else {
                break;
            };
            let column = token.column;
            if matches!(op, BinOp::Mul | BinOp::Div) {
                self.count_product(column)?;
            }
            self.advance();
            let expr = operand(self)?;
            rest.push(Operand { op, column, expr });
        }
        if rest.is_empty() {
            return Ok(first);
        }
        let span = Span {
            start: first.span.start,
            end: rest.last().map_or(first.span.end, |o| o.expr.span.end),
        };
        Ok(Expr {
            kind: ExprKind::Chain {
                first: Box::new(first),
                rest,
            },
            span,
        })
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        let token = self.peek();
        if token.tok != Tok::Minus {
            return self.primary();
        }
        let start = token.column;
        self.enter(start)?;
        self.advance();
        let inner = self.unary()?;
        self.leave();
        let span = Span {
            start,
            end: inner.span.end,
        };
        Ok(Expr {
            kind: ExprKind::Neg(Box::new(inner)),
            span,
        })
    }

    fn primary(&mut self) -> Result<Expr, ExprError> {
        let token = self.peek();
        let (start, end) = (token.column, token.end);
        match token.tok {
            Tok::Number(_) | Tok::Name(_) | Tok::Quoted(_) | Tok::LParen => {}
            _ => return Err(self.unexpected(Expected::Operand)),
        }
        match self.take() {
            Tok::Number(text) => {
                let decimal = parse_decimal_string(&text).map_err(|e| ExprError {
                    kind: ExprErrorKind::BadNumber(e),
                    column: start,
                })?;
                let suffix = match self.peek().tok {
                    Tok::Percent => Some(Suffix::Percent),
                    Tok::Permille => Some(Suffix::Permille),
                    _ => None,
                };
                let value = match suffix {
                    Some(Suffix::Percent) => decimal.value * pow10(-2),
                    Some(Suffix::Permille) => decimal.value * pow10(-3),
                    None => decimal.value,
                };
                if suffix.is_some() {
                    self.advance();
                }
                let span = Span {
                    start,
                    end: self.previous_end(),
                };
                let literal = NumberLiteral {
                    text,
                    suffix,
                    value,
                };
                Ok(Expr {
                    kind: ExprKind::Number(Box::new(literal)),
                    span,
                })
            }
            Tok::Name(name) if self.peek().tok == Tok::LParen => self.call(name, start),
            Tok::Name(name) | Tok::Quoted(name) => Ok(Expr {
                kind: ExprKind::Fact(name),
                span: Span { start, end },
            }),
            _ => {
                // `(`
                self.enter(start)?;
                let inner = self.sum()?;
                self.close_paren(start)?;
                self.leave();
                let span = Span {
                    start,
                    end: self.previous_end(),
                };
                Ok(Expr {
                    kind: ExprKind::Group(Box::new(inner)),
                    span,
                })
            }
        }
    }

    fn close_paren(&mut self, open_column: u32) -> Result<(), ExprError> {
        match self.peek().tok {
            Tok::RParen => {
                self.advance();
                Ok(())
            }
            Tok::End => Err(ExprError {
                kind: ExprErrorKind::UnclosedParen,
                column: open_column,
            }),
            _ => Err(self.unexpected(Expected::CloseParen)),
        }
    }

    /// `name(args)`; the current token is the `(`.
    fn call(&mut self, name: String, name_column: u32) -> Result<Expr, ExprError> {
        let Some(func) = Func::from_name(&name) else {
            let nearest = nearest_function(&name);
            let kind = ExprErrorKind::UnknownFunction { name, nearest };
            return Err(ExprError {
                kind,
                column: name_column,
            });
        };
        let open_column = self.peek().column;
        self.enter(open_column)?;
        if func == Func::Change {
            self.count_product(name_column)?;
        }
        self.advance();
        let mut args = Vec::new();
        if self.peek().tok == Tok::RParen {
            self.advance();
        } else {
            loop {
                args.push(self.sum()?);
                match self.peek().tok {
                    Tok::Comma => self.advance(),
                    Tok::RParen => {
                        self.advance();
                        break;
                    }
                    Tok::End => {
                        return Err(ExprError {
                            kind: ExprErrorKind::UnclosedParen,
                            column: open_column,
                        })
                    }
                    _ => return Err(self.unexpected(Expected::CommaOrCloseParen)),
                }
            }
        }
        self.leave();
        if !func.accepts(args.len()) {
            let kind = ExprErrorKind::WrongArgCount {
                function: func.name(),
                found: args.len(),
            };
            return Err(ExprError {
                kind,
                column: name_column,
            });
        }
        let span = Span {
            start: name_column,
            end: self.previous_end(),
        };
        Ok(Expr {
            kind: ExprKind::Call { func, args },
            span,
        })
    }
}

/// A slice stands only as a whole argument of `sum`, `min` or `max`, and has the shape
/// `table.row.column` with `*` as a whole segment or at the end of one (not in the table's).
/// Recursion is bounded by the parser's depth limit.
fn check_slices(expr: &Expr, allowed: bool) -> Result<(), ExprError> {
    let error = |kind| ExprError {
        kind,
        column: expr.span.start,
    };
    match &expr.kind {
        ExprKind::Fact(name) if is_slice(name) => {
            if !allowed {
                return Err(error(ExprErrorKind::SliceOutsideAggregate));
            }
            let segments: Vec<&str> = name.split('.').collect();
            let well_formed = segments.len() == 3
                && segments.iter().enumerate().all(|(i, segment)| {
                    let stars = segment.matches('*').count();
                    stars == 0 || (i > 0 && stars == 1 && segment.ends_with('*'))
                });
            if well_formed {
                Ok(())
            } else {
                Err(error(ExprErrorKind::BadSlice))
            }
        }
        ExprKind::Number(_) | ExprKind::Fact(_) => Ok(()),
        ExprKind::Neg(inner) | ExprKind::Group(inner) => check_slices(inner, false),
        ExprKind::Chain { first, rest } => {
            check_slices(first, false)?;
            rest.iter().try_for_each(|o| check_slices(&o.expr, false))
        }
        ExprKind::Call { func, args } => {
            let aggregate = matches!(func, Func::Sum | Func::Min | Func::Max);
            args.iter().try_for_each(|arg| check_slices(arg, aggregate))
        }
    }
}

/// The known function whose name is closest to `name` (by edit distance, ignoring ASCII case).
fn nearest_function(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase();
    Func::ALL
        .iter()
        .map(|f| (edit_distance(&lower, f.name()), f.name()))
        .min_by_key(|(d, _)| *d)
        .map_or("sum", |(_, n)| n)
}

/// Levenshtein distance in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = usize::from(ca != *cb);
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + cost);
            diagonal = above;
        }
    }
    row[b.len()]
}
