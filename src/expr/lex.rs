//! Splits an expression into tokens, each with the 1-based column (in characters) where it starts.

use super::{CmpOp, ExprError, ExprErrorKind, MAX_TOKENS};

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Number(String),
    Percent,
    Permille,
    Name(String),
    /// A name written between backquotes: any text.
    Quoted(String),
    Plus,
    Minus,
    Star,
    Slash,
    LParen,
    RParen,
    Comma,
    Cmp(CmpOp),
    End,
}

#[derive(Clone, Debug)]
pub(super) struct Token {
    pub tok: Tok,
    pub column: u32,
    /// The column just after the token.
    pub end: u32,
}

/// Characters of a name after the first: letters of any script, digits, `_`.
pub(super) fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(super) fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

/// `text` is the expression whose characters are `chars`.
pub(super) fn lex(text: &str, chars: &[char]) -> Result<Vec<Token>, ExprError> {
    let column_of = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
    // In an ASCII text (nearly every expression) a character's index is its byte offset: a
    // token's text is a slice of it, copied at once rather than gathered character by character.
    let ascii = text.len() == chars.len();
    let text_of = |from: usize, to: usize| -> String {
        match text.get(from..to) {
            Some(slice) if ascii => slice.to_string(),
            _ => chars[from..to].iter().collect(),
        }
    };
    let mut tokens = Vec::with_capacity(chars.len() / 2 + 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if tokens.len() >= MAX_TOKENS {
            return Err(ExprError {
                kind: ExprErrorKind::TooLong,
                column: column_of(i),
            });
        }
        let start = i;
        let next = chars.get(i + 1).copied();
        let tok = if c.is_ascii_digit() || (c == '.' && next.is_some_and(|n| n.is_ascii_digit())) {
            i = scan_number(chars, i);
            Tok::Number(text_of(start, i))
        } else if is_name_start(c) {
            i += 1;
            let mut dotted = false;
            while let Some(&c) = chars.get(i) {
                let next = chars.get(i + 1).copied();
                let dotted_part = c == '.' && next.is_some_and(|n| is_name_char(n) || n == '*');
                // In a dotted name (a table cell), `*` ends a segment: `t3.*.total`, `t3.new.*`,
                // `t3.r3_*.total`. Elsewhere it multiplies (`t3.a.b*2` too).
                let wildcard = c == '*' && dotted && (chars[i - 1] == '.' || next == Some('.'));
                if is_name_char(c) || dotted_part || wildcard {
                    dotted |= dotted_part;
                    i += 1;
                } else {
                    break;
                }
            }
            Tok::Name(text_of(start, i))
        } else if c == '`' {
            let close = chars[i + 1..].iter().position(|&ch| ch == '`');
            let Some(len) = close else {
                return Err(ExprError {
                    kind: ExprErrorKind::UnclosedBackquote,
                    column: column_of(i),
                });
            };
            if len == 0 {
                return Err(ExprError {
                    kind: ExprErrorKind::EmptyName,
                    column: column_of(i),
                });
            }
            let name = text_of(i + 1, i + 1 + len);
            i += len + 2;
            Tok::Quoted(name)
        } else {
            let (tok, len) = match (c, next) {
                ('=', Some('=')) => (Tok::Cmp(CmpOp::Eq), 2),
                ('!', Some('=')) => (Tok::Cmp(CmpOp::Ne), 2),
                ('<', Some('=')) => (Tok::Cmp(CmpOp::Le), 2),
                ('>', Some('=')) => (Tok::Cmp(CmpOp::Ge), 2),
                ('=' | '＝', _) => (Tok::Cmp(CmpOp::Eq), 1),
                ('≠', _) => (Tok::Cmp(CmpOp::Ne), 1),
                ('<', _) => (Tok::Cmp(CmpOp::Lt), 1),
                ('>', _) => (Tok::Cmp(CmpOp::Gt), 1),
                ('≤', _) => (Tok::Cmp(CmpOp::Le), 1),
                ('≥', _) => (Tok::Cmp(CmpOp::Ge), 1),
                ('+' | '＋', _) => (Tok::Plus, 1),
                ('-' | '−', _) => (Tok::Minus, 1),
                ('*' | '×', _) => (Tok::Star, 1),
                ('/' | '÷', _) => (Tok::Slash, 1),
                ('(' | '（', _) => (Tok::LParen, 1),
                (')' | '）', _) => (Tok::RParen, 1),
                (',' | '，', _) => (Tok::Comma, 1),
                ('%' | '％', _) => (Tok::Percent, 1),
                ('‰', _) => (Tok::Permille, 1),
                _ => {
                    return Err(ExprError {
                        kind: ExprErrorKind::UnexpectedChar(c),
                        column: column_of(i),
                    });
                }
            };
            i += len;
            tok
        };
        tokens.push(Token {
            tok,
            column: column_of(start),
            end: column_of(i),
        });
    }
    let end = column_of(chars.len());
    tokens.push(Token {
        tok: Tok::End,
        column: end,
        end,
    });
    Ok(tokens)
}

/// Scans digits, an optional fraction and an optional exponent; returns the index after them.
fn scan_number(chars: &[char], mut i: usize) -> usize {
    let digits = |i: &mut usize| {
        while chars.get(*i).is_some_and(|c| c.is_ascii_digit()) {
            *i += 1;
        }
    };
    digits(&mut i);
    if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        i += 1;
        digits(&mut i);
    }
    if matches!(chars.get(i), Some('e' | 'E')) {
        let sign = usize::from(matches!(chars.get(i + 1), Some('+' | '-')));
        if chars.get(i + 1 + sign).is_some_and(|c| c.is_ascii_digit()) {
            i += 1 + sign;
            digits(&mut i);
        }
    }
    i
}
