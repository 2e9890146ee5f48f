//! A JSON parser (RFC 8259) over raw bytes that keeps the byte span of every value and key.
//!
//! Why not serde_json: findings need the line and column of every value and key, objects must keep
//! every member including duplicated keys (the format layer reports duplicates), numbers must keep
//! their literal text (`95.50` has two decimals; numbers are never converted here), nesting is
//! limited to [`MAX_DEPTH`], and no input may panic or overflow the stack (the parser keeps its own
//! stack of open containers instead of recursing).
//!
//! Decisions for the cases RFC 8259 leaves open (the `i_` cases of JSONTestSuite):
//!
//! - Encoding: the input must be UTF-8. Bytes that are not UTF-8 anywhere in the file (in strings
//!   too: overlong forms, encoded surrogates, code points above U+10FFFF, Latin-1 text, truncated
//!   sequences) give `json-invalid-utf8` at the first bad byte. A UTF-8 byte order mark at the start
//!   is skipped and reported as [`Document::had_bom`]. A UTF-16 or UTF-32 file (a UTF-16 byte order
//!   mark, `FF FE` or `FE FF`, or the NUL-byte pattern of RFC 4627 section 3 in the first four
//!   bytes, which is how a JSON text that starts with an ASCII character looks in those encodings)
//!   gives `json-utf16`. Any other NUL byte is a syntax error.
//! - Escapes: `\uXXXX` escapes are decoded, a high surrogate followed by a low surrogate escape as
//!   one character. A lone surrogate escape (a high one not followed by a low one, or a low one on
//!   its own) is accepted and decoded as U+FFFD REPLACEMENT CHARACTER; what follows it is decoded
//!   on its own.
//! - Numbers: any number the grammar allows is accepted, however large, small or long (`1e400`,
//!   `-1e-400`, 300 digits); its literal text is kept and it is never converted here.
//! - Nesting: more than [`MAX_DEPTH`] open arrays and objects give `json-too-deep` (so the 500
//!   nested arrays of JSONTestSuite are refused).

use std::borrow::Cow;

use crate::Lang;

/// Arrays and objects may be nested this deep; one more gives `json-too-deep`.
pub const MAX_DEPTH: usize = 128;

/// A range of bytes in the original input, `start` included, `end` excluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A value and where it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    pub value: Value<'a>,
    pub span: Span,
}

/// A JSON value. Numbers keep their literal text; objects keep every member in order, duplicated
/// keys included.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number exactly as written, such as `-95.50` or `1E+3`.
    Number(Cow<'a, str>),
    /// Borrowed from the input unless it holds escapes.
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Member<'a>>),
}

/// One member of an object. `key_span` covers the key with its quotes.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    /// Borrowed from the input unless it holds escapes.
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: Node<'a>,
}

impl Node<'_> {
    /// The same node with every string copied, so that it outlives its input (templates).
    pub fn into_owned(self) -> Node<'static> {
        let owned = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        let value = match self.value {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(text) => Value::Number(owned(text)),
            Value::String(text) => Value::String(owned(text)),
            Value::Array(items) => Value::Array(items.into_iter().map(Node::into_owned).collect()),
            Value::Object(members) => Value::Object(
                members
                    .into_iter()
                    .map(|m| Member {
                        key: owned(m.key),
                        key_span: m.key_span,
                        value: m.value.into_owned(),
                    })
                    .collect(),
            ),
        };
        Node {
            value,
            span: self.span,
        }
    }
}

/// A parsed file.
#[derive(Clone, Debug, PartialEq)]
pub struct Document<'a> {
    pub root: Node<'a>,
    /// The file started with a UTF-8 byte order mark (skipped; spans still count its three bytes).
    pub had_bom: bool,
    /// Some object repeats a key. (Found while parsing, so that a reader of the tree who reports
    /// repeated keys walks it only when there are some.)
    pub repeated_keys: bool,
}

/// Why the input is not JSON, and the byte offset of the problem in the original input.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    pub offset: usize,
}

/// What the parser was looking for when it met something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A value: at the start, after ':' and after ',' in an array.
    Value,
    /// Right after '['.
    ValueOrCloseBracket,
    /// Right after '{'.
    KeyOrCloseBrace,
    /// After ',' in an object.
    Key,
    /// After a key.
    Colon,
    /// After an array element.
    CommaOrCloseBracket,
    /// After an object member.
    CommaOrCloseBrace,
}

/// What is wrong with a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberProblem {
    /// `-` not followed by a digit (`-`, `-a`, `-.5`).
    DigitAfterMinus,
    /// A zero followed by more digits (`01`, `-007`).
    LeadingZero,
    /// `.` not followed by a digit (`1.`, `1.e5`).
    DigitAfterPoint,
    /// An exponent without digits (`1e`, `1e+`).
    DigitInExponent,
}

/// The kinds of problems. All but the first four have the code `json-syntax`.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonErrorKind {
    /// Empty or whitespace-only input (`json-empty`).
    Empty,
    /// The file is UTF-16 or UTF-32 (`json-utf16`).
    Utf16,
    /// Bytes that are not UTF-8 (`json-invalid-utf8`).
    InvalidUtf8,
    /// Nesting deeper than [`MAX_DEPTH`] (`json-too-deep`).
    TooDeep,
    /// The input ends where something else was expected.
    UnexpectedEnd { expected: Expected },
    /// A character that cannot be there.
    UnexpectedChar { found: char, expected: Expected },
    /// A ',' right before ']' or '}' (the offset is the comma's).
    TrailingComma { in_object: bool },
    /// `//` or `/*`: JSON has no comments.
    Comment,
    /// A word that starts like `true`, `false` or `null` but is not it (such as `tru`).
    InvalidLiteral { expected: &'static str },
    /// A malformed number.
    BadNumber(NumberProblem),
    /// A string with no closing quote (the offset is the opening quote's).
    UnterminatedString,
    /// A raw control character (U+0000 to U+001F) in a string.
    ControlCharacterInString { found: char },
    /// A backslash followed by a character that does not make an escape (the offset is the
    /// backslash's).
    BadEscape { found: char },
    /// `\u` not followed by four hexadecimal digits (the offset is the backslash's).
    BadUnicodeEscape,
    /// Something after the value that ends the file.
    TrailingContent { found: char },
}

impl JsonError {
    fn new(kind: JsonErrorKind, offset: usize) -> Self {
        JsonError { kind, offset }
    }

    /// The finding's stable code.
    pub fn code(&self) -> &'static str {
        match self.kind {
            JsonErrorKind::Empty => "json-empty",
            JsonErrorKind::Utf16 => "json-utf16",
            JsonErrorKind::InvalidUtf8 => "json-invalid-utf8",
            JsonErrorKind::TooDeep => "json-too-deep",
            _ => "json-syntax",
        }
    }

    /// A lower-case message that says what is wrong, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        use JsonErrorKind as K;
        match &self.kind {
            K::Empty => lang
                .pick(
                    "the file is empty: a JSON value was expected",
                    "文件为空：应包含一个 JSON 值",
                )
                .to_owned(),
            K::Utf16 => lang
                .pick(
                    "the file is encoded as UTF-16 or UTF-32: save it as UTF-8",
                    "文件编码为 UTF-16 或 UTF-32：请另存为 UTF-8",
                )
                .to_owned(),
            K::InvalidUtf8 => lang
                .pick(
                    "bytes that are not valid UTF-8: save the file as UTF-8",
                    "存在无效的 UTF-8 字节：请将文件另存为 UTF-8",
                )
                .to_owned(),
            K::TooDeep => lang.fill(
                "arrays and objects are nested more than {0} deep",
                "数组和对象的嵌套超过 {0} 层",
                &[&MAX_DEPTH.to_string()],
            ),
            K::UnexpectedEnd { expected } => lang.fill(
                "expected {0}, found the end of the file",
                "{0}，文件却已结束",
                &[expected_text(*expected, lang)],
            ),
            K::UnexpectedChar { found, expected } => lang.fill(
                "expected {0}, found {1}{2}",
                "{0}，却遇到 {1}{2}",
                &[
                    expected_text(*expected, lang),
                    &show_char(*found),
                    unexpected_hint(*found, *expected, lang),
                ],
            ),
            K::TrailingComma { in_object } => lang.fill(
                "trailing comma before {0}: remove the ','",
                "{0} 之前有多余的逗号：请删除该 ','",
                &[if *in_object { "'}'" } else { "']'" }],
            ),
            K::Comment => lang
                .pick(
                    "comments are not allowed in JSON",
                    "不允许注释：JSON 没有注释语法",
                )
                .to_owned(),
            K::InvalidLiteral { expected } => lang.fill(
                "invalid word: did you mean '{0}'?",
                "无效的词：是否应为 '{0}'？",
                &[expected],
            ),
            K::BadNumber(problem) => match (problem, lang) {
                (NumberProblem::DigitAfterMinus, Lang::En) => "invalid number: expected a digit after '-'",
                (NumberProblem::DigitAfterMinus, Lang::Zh) => "无效的数字：'-' 之后应为数字",
                (NumberProblem::LeadingZero, Lang::En) => "invalid number: a number may not start with 0 followed by more digits",
                (NumberProblem::LeadingZero, Lang::Zh) => "无效的数字：数字不能以 0 开头后接其他数字",
                (NumberProblem::DigitAfterPoint, Lang::En) => "invalid number: expected a digit after the decimal point",
                (NumberProblem::DigitAfterPoint, Lang::Zh) => "无效的数字：小数点之后应为数字",
                (NumberProblem::DigitInExponent, Lang::En) => "invalid number: expected a digit in the exponent",
                (NumberProblem::DigitInExponent, Lang::Zh) => "无效的数字：指数部分应为数字",
            }
            .to_owned(),
            K::UnterminatedString => lang
                .pick(
                    "unterminated string: no closing '\"' before the end of the file",
                    "字符串未结束：文件结束前没有闭合的 '\"'",
                )
                .to_owned(),
            K::ControlCharacterInString { found } => lang.fill(
                "control character {0} in a string: write it as an escape such as \\n or \\u{1}",
                "字符串中有控制字符 {0}：请写成转义形式，例如 \\n 或 \\u{1}",
                &[&show_char(*found), &format!("{:04x}", u32::from(*found))],
            ),
            K::BadEscape { found } => lang.fill(
                "invalid escape '\\{0}' in a string: the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                "字符串中的转义 '\\{0}' 无效：可用的转义为 \\\" \\\\ \\/ \\b \\f \\n \\r \\t 和 \\uXXXX",
                &[&found.to_string()],
            ),
            K::BadUnicodeEscape => lang
                .pick(
                    "invalid escape in a string: '\\u' must be followed by four hexadecimal digits",
                    "字符串中的转义无效：'\\u' 之后应为四位十六进制数字",
                )
                .to_owned(),
            K::TrailingContent { found } => lang.fill(
                "unexpected {0} after the end of the JSON value",
                "在 JSON 值结束之后出现多余的 {0}",
                &[&show_char(*found)],
            ),
        }
    }
}

fn expected_text(expected: Expected, lang: Lang) -> &'static str {
    lang.pick(expected_en(expected), expected_zh(expected))
}

fn expected_en(expected: Expected) -> &'static str {
    match expected {
        Expected::Value => "a value",
        Expected::ValueOrCloseBracket => "a value or ']'",
        Expected::KeyOrCloseBrace => "a key in double quotes or '}'",
        Expected::Key => "a key in double quotes",
        Expected::Colon => "':' after the key",
        Expected::CommaOrCloseBracket => "',' or ']' after an array element",
        Expected::CommaOrCloseBrace => "',' or '}' after an object member",
    }
}

fn expected_zh(expected: Expected) -> &'static str {
    match expected {
        Expected::Value => "此处应为一个值",
        Expected::ValueOrCloseBracket => "此处应为一个值或 ']'",
        Expected::KeyOrCloseBrace => "此处应为双引号括起的键或 '}'",
        Expected::Key => "此处应为双引号括起的键",
        Expected::Colon => "键之后应为 ':'",
        Expected::CommaOrCloseBracket => "数组元素之后应为 ',' 或 ']'",
        Expected::CommaOrCloseBrace => "对象成员之后应为 ',' 或 '}'",
    }
}

/// A short hint for the usual mistakes behind an unexpected character.
fn unexpected_hint(found: char, expected: Expected, lang: Lang) -> &'static str {
    let wants_key = matches!(expected, Expected::Key | Expected::KeyOrCloseBrace);
    let wants_value = matches!(expected, Expected::Value | Expected::ValueOrCloseBracket);
    if found == '\'' {
        lang.pick(
            " (strings and keys use double quotes)",
            "（字符串和键须使用双引号）",
        )
    } else if wants_key && (found.is_alphabetic() || found == '_' || found == '$') {
        lang.pick(" (keys must be in double quotes)", "（键须以双引号括起）")
    } else if wants_value && (found == '+' || found == '.') {
        lang.pick(
            " (a number starts with a digit or '-')",
            "（数字须以数字或 '-' 开头）",
        )
    } else if wants_value && found.is_alphabetic() {
        lang.pick(
            " (text must be in double quotes; the only words are true, false and null)",
            "（文本须以双引号括起；可用的词只有 true、false 和 null）",
        )
    } else if found == '\u{feff}' {
        lang.pick(" (a byte order mark)", "（字节顺序标记）")
    } else {
        ""
    }
}

/// Shows a character as `'x'`, or as `U+XXXX` when it would not be visible.
fn show_char(c: char) -> String {
    if c == '\'' {
        "\"'\"".to_owned()
    } else if c.is_control() || c.is_whitespace() || is_invisible(c) {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("'{c}'")
    }
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Parses a whole file given as raw bytes.
pub fn parse(input: &[u8]) -> Result<Document<'_>, JsonError> {
    if looks_like_utf16(input) {
        return Err(JsonError::new(JsonErrorKind::Utf16, 0));
    }
    // Validate once up front, then work on bytes: every slice that starts and ends at an ASCII
    // byte is then a valid str.
    let text = std::str::from_utf8(input)
        .map_err(|e| JsonError::new(JsonErrorKind::InvalidUtf8, e.valid_up_to()))?;
    let had_bom = input.starts_with(b"\xEF\xBB\xBF");
    let mut parser = Parser {
        bytes: input,
        text,
        pos: if had_bom { 3 } else { 0 },
        repeated_keys: false,
    };
    parser.skip_whitespace();
    if parser.pos >= input.len() {
        return Err(JsonError::new(JsonErrorKind::Empty, 0));
    }
    let root = parser.parse_value_tree()?;
    parser.skip_whitespace();
    if parser.pos < input.len() {
        let found = parser.char_at(parser.pos);
        return Err(parser.unexpected_char_error(found, JsonErrorKind::TrailingContent { found }));
    }
    Ok(Document {
        root,
        had_bom,
        repeated_keys: parser.repeated_keys,
    })
}

/// A UTF-16 byte order mark, or the NUL pattern of RFC 4627 section 3: a JSON text starts with an
/// ASCII character, which UTF-16 and UTF-32 write with NUL bytes beside it (`00 xx 00 xx`,
/// `xx 00 xx 00`, `00 00 00 xx`, `xx 00 00 00`; `00 xx` or `xx 00` for a two-byte file).
fn looks_like_utf16(input: &[u8]) -> bool {
    if input.starts_with(&[0xFF, 0xFE]) || input.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    match *input {
        [a, b] => (a == 0) != (b == 0),
        [a, b, c, d, ..] => matches!(
            [a == 0, b == 0, c == 0, d == 0],
            [false, true, false, true]
                | [true, false, true, false]
                | [true, true, true, false]
                | [false, true, true, true]
        ),
        _ => false,
    }
}

/// An array or object that is open while its contents are parsed.
/// Its elements wait on a stack shared by all open containers, from `base` on, and move into one
/// exactly-sized Vec when it closes: one allocation per container instead of a growing Vec each.
enum Frame<'a> {
    Array {
        start: usize,
        base: usize,
    },
    Object {
        start: usize,
        base: usize,
        key: Cow<'a, str>,
        key_span: Span,
    },
}

/// What the value loop does next.
enum Step<'a> {
    /// Parse a value at the current position.
    ParseValue,
    /// A value is complete; hand it to the enclosing container.
    Complete(Node<'a>),
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    /// Some object closed so far repeats a key.
    repeated_keys: bool,
}

/// Whether two members of one object have the same key.
fn repeats_a_key(members: &[Member]) -> bool {
    // Small objects (nearly all) are scanned; large ones hashed.
    if members.len() <= 16 {
        return members
            .iter()
            .enumerate()
            .any(|(i, member)| members[..i].iter().any(|m| m.key == member.key));
    }
    let mut seen = crate::strmap::StrMap::with_capacity(members.len());
    members
        .iter()
        .any(|member| seen.insert_first(&member.key, 0).is_some())
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The character starting at `offset` (always a char boundary where it is called).
    fn char_at(&self, offset: usize) -> char {
        self.text
            .get(offset..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or('\u{fffd}')
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// An error for `found` at the current position; a '/' becomes the clearer "no comments".
    fn unexpected_char_error(&self, found: char, kind: JsonErrorKind) -> JsonError {
        if found == '/' && matches!(self.bytes.get(self.pos + 1), Some(b'/' | b'*')) {
            JsonError::new(JsonErrorKind::Comment, self.pos)
        } else {
            JsonError::new(kind, self.pos)
        }
    }

    /// The error for the current position when `expected` was wanted.
    fn expected_error(&self, expected: Expected) -> JsonError {
        match self.peek() {
            None => JsonError::new(JsonErrorKind::UnexpectedEnd { expected }, self.pos),
            Some(_) => {
                let found = self.char_at(self.pos);
                self.unexpected_char_error(found, JsonErrorKind::UnexpectedChar { found, expected })
            }
        }
    }

    /// Parses one value, containers included, with an explicit stack instead of recursion.
    fn parse_value_tree(&mut self) -> Result<Node<'a>, JsonError> {
        let mut stack: Vec<Frame<'a>> = Vec::new();
        let mut items: Vec<Node<'a>> = Vec::new();
        let mut members: Vec<Member<'a>> = Vec::new();
        let mut step = Step::ParseValue;
        let mut expected = Expected::Value;
        loop {
            match step {
                Step::ParseValue => {
                    self.skip_whitespace();
                    let start = self.pos;
                    step = match self.peek() {
                        Some(b'[') => {
                            if stack.len() >= MAX_DEPTH {
                                return Err(JsonError::new(JsonErrorKind::TooDeep, start));
                            }
                            self.pos += 1;
                            self.skip_whitespace();
                            if self.peek() == Some(b']') {
                                self.pos += 1;
                                Step::Complete(Node {
                                    value: Value::Array(Vec::new()),
                                    span: Span {
                                        start,
                                        end: self.pos,
                                    },
                                })
                            } else {
                                stack.push(Frame::Array {
                                    start,
                                    base: items.len(),
                                });
                                expected = Expected::ValueOrCloseBracket;
                                continue;
                            }
                        }
                        Some(b'{') => {
                            if stack.len() >= MAX_DEPTH {
                                return Err(JsonError::new(JsonErrorKind::TooDeep, start));
                            }
                            self.pos += 1;
                            self.skip_whitespace();
                            if self.peek() == Some(b'}') {
                                self.pos += 1;
                                Step::Complete(Node {
                                    value: Value::Object(Vec::new()),
                                    span: Span {
                                        start,
                                        end: self.pos,
                                    },
                                })
                            } else {
                                let (key, key_span) = self.parse_key(Expected::KeyOrCloseBrace)?;
                                stack.push(Frame::Object {
                                    start,
                                    base: members.len(),
                                    key,
                                    key_span,
                                });
                                expected = Expected::Value;
                                continue;
                            }
                        }
                        Some(b'"') => {
                            let s = self.parse_string()?;
                            Step::Complete(Node {
                                value: Value::String(s),
                                span: Span {
                                    start,
                                    end: self.pos,
                                },
                            })
                        }
                        Some(b'-' | b'0'..=b'9') => {
                            let number = self.parse_number()?;
                            Step::Complete(Node {
                                value: Value::Number(Cow::Borrowed(number)),
                                span: Span {
                                    start,
                                    end: self.pos,
                                },
                            })
                        }
                        Some(b't') => self.parse_literal("true", Value::Bool(true))?,
                        Some(b'f') => self.parse_literal("false", Value::Bool(false))?,
                        Some(b'n') => self.parse_literal("null", Value::Null)?,
                        _ => return Err(self.expected_error(expected)),
                    };
                }
                Step::Complete(node) => {
                    let Some(frame) = stack.last_mut() else {
                        return Ok(node);
                    };
                    self.skip_whitespace();
                    match frame {
                        Frame::Array { start, base } => {
                            items.push(node);
                            match self.peek() {
                                Some(b',') => {
                                    let comma = self.pos;
                                    self.pos += 1;
                                    self.skip_whitespace();
                                    if self.peek() == Some(b']') {
                                        return Err(JsonError::new(
                                            JsonErrorKind::TrailingComma { in_object: false },
                                            comma,
                                        ));
                                    }
                                    expected = Expected::Value;
                                    step = Step::ParseValue;
                                }
                                Some(b']') => {
                                    self.pos += 1;
                                    let node = Node {
                                        value: Value::Array(items.split_off(*base)),
                                        span: Span {
                                            start: *start,
                                            end: self.pos,
                                        },
                                    };
                                    stack.pop();
                                    step = Step::Complete(node);
                                }
                                _ => return Err(self.expected_error(Expected::CommaOrCloseBracket)),
                            }
                        }
                        Frame::Object {
                            start,
                            base,
                            key,
                            key_span,
                        } => {
                            members.push(Member {
                                key: std::mem::take(key),
                                key_span: *key_span,
                                value: node,
                            });
                            match self.peek() {
                                Some(b',') => {
                                    let comma = self.pos;
                                    self.pos += 1;
                                    self.skip_whitespace();
                                    if self.peek() == Some(b'}') {
                                        return Err(JsonError::new(
                                            JsonErrorKind::TrailingComma { in_object: true },
                                            comma,
                                        ));
                                    }
                                    let (next_key, next_span) = self.parse_key(Expected::Key)?;
                                    *key = next_key;
                                    *key_span = next_span;
                                    expected = Expected::Value;
                                    step = Step::ParseValue;
                                }
                                Some(b'}') => {
                                    self.pos += 1;
                                    if !self.repeated_keys {
                                        self.repeated_keys = repeats_a_key(&members[*base..]);
                                    }
                                    let node = Node {
                                        value: Value::Object(members.split_off(*base)),
                                        span: Span {
                                            start: *start,
                                            end: self.pos,
                                        },
                                    };
                                    stack.pop();
                                    step = Step::Complete(node);
                                }
                                _ => return Err(self.expected_error(Expected::CommaOrCloseBrace)),
                            }
                        }
                    }
                }
            }
        }
    }

    /// Parses `"key" :` (whitespace already skipped before the key) and leaves the position after
    /// the colon.
    fn parse_key(&mut self, expected: Expected) -> Result<(Cow<'a, str>, Span), JsonError> {
        if self.peek() != Some(b'"') {
            return Err(self.expected_error(expected));
        }
        let start = self.pos;
        let key = self.parse_string()?;
        let span = Span {
            start,
            end: self.pos,
        };
        self.skip_whitespace();
        if self.peek() != Some(b':') {
            return Err(self.expected_error(Expected::Colon));
        }
        self.pos += 1;
        Ok((key, span))
    }

    fn parse_literal(
        &mut self,
        word: &'static str,
        value: Value<'a>,
    ) -> Result<Step<'a>, JsonError> {
        let start = self.pos;
        let rest = self.bytes.get(start..).unwrap_or_default();
        if !rest.starts_with(word.as_bytes()) {
            return Err(JsonError::new(
                JsonErrorKind::InvalidLiteral { expected: word },
                start,
            ));
        }
        self.pos += word.len();
        Ok(Step::Complete(Node {
            value,
            span: Span {
                start,
                end: self.pos,
            },
        }))
    }

    /// Parses a number and returns its literal text.
    fn parse_number(&mut self) -> Result<&'a str, JsonError> {
        let start = self.pos;
        let bad = |problem, offset| JsonError::new(JsonErrorKind::BadNumber(problem), offset);
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(bad(NumberProblem::LeadingZero, self.pos - 1));
                }
            }
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(bad(NumberProblem::DigitAfterMinus, self.pos)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(bad(NumberProblem::DigitAfterPoint, self.pos));
            }
            self.skip_digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(bad(NumberProblem::DigitInExponent, self.pos));
            }
            self.skip_digits();
        }
        // Only ASCII was consumed, so both ends are char boundaries.
        self.text
            .get(start..self.pos)
            .ok_or(JsonError::new(JsonErrorKind::InvalidUtf8, start))
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// Parses a string at the current position (on its opening quote) and returns its value,
    /// borrowed from the input when it has no escapes (most strings).
    fn parse_string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        let open = self.pos;
        self.pos += 1;
        let content_start = self.pos;
        // Fast path: most strings have no escapes and can be copied in one piece.
        self.skip_plain_text();
        let mut out = match self.peek() {
            Some(b'"') => {
                let s = self.slice(content_start, self.pos)?;
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {
                let mut out = String::with_capacity(self.pos - content_start + 16);
                out.push_str(self.slice(content_start, self.pos)?);
                out
            }
            Some(b) => return Err(self.control_char_error(b)),
            None => return Err(JsonError::new(JsonErrorKind::UnterminatedString, open)),
        };
        loop {
            // On a backslash here.
            self.parse_escape(&mut out, open)?;
            let run_start = self.pos;
            self.skip_plain_text();
            out.push_str(self.slice(run_start, self.pos)?);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {}
                Some(b) => return Err(self.control_char_error(b)),
                None => return Err(JsonError::new(JsonErrorKind::UnterminatedString, open)),
            }
        }
    }

    /// Moves to the next '"', backslash or control character (or the end) in a string: a tight
    /// loop, since strings are most of a large file.
    fn skip_plain_text(&mut self) {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        self.pos += rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len());
    }

    fn slice(&self, start: usize, end: usize) -> Result<&'a str, JsonError> {
        self.text
            .get(start..end)
            .ok_or(JsonError::new(JsonErrorKind::InvalidUtf8, start))
    }

    fn control_char_error(&self, byte: u8) -> JsonError {
        JsonError::new(
            JsonErrorKind::ControlCharacterInString {
                found: char::from(byte),
            },
            self.pos,
        )
    }

    /// Decodes the escape at the current position (on its backslash) into `out`.
    fn parse_escape(&mut self, out: &mut String, open: usize) -> Result<(), JsonError> {
        let backslash = self.pos;
        self.pos += 1;
        let Some(b) = self.peek() else {
            return Err(JsonError::new(JsonErrorKind::UnterminatedString, open));
        };
        let decoded = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.pos += 1;
                let unit = self.hex4(backslash)?;
                out.push(self.decode_utf16_unit(unit));
                return Ok(());
            }
            _ => {
                let found = self.char_at(self.pos);
                if found.is_control() {
                    return Err(self.control_char_error(b));
                }
                return Err(JsonError::new(
                    JsonErrorKind::BadEscape { found },
                    backslash,
                ));
            }
        };
        self.pos += 1;
        out.push(decoded);
        Ok(())
    }

    /// Turns a UTF-16 unit from `\uXXXX` into a character, taking a following low surrogate
    /// escape along with a high surrogate. Lone surrogates become U+FFFD.
    fn decode_utf16_unit(&mut self, unit: u16) -> char {
        match unit {
            0xD800..=0xDBFF => {
                let rest = self.bytes.get(self.pos..).unwrap_or_default();
                if let [b'\\', b'u', a, b, c, d, ..] = rest {
                    if let Some(low @ 0xDC00..=0xDFFF) = hex_value([*a, *b, *c, *d]) {
                        self.pos += 6;
                        let code = 0x10000
                            + ((u32::from(unit) - 0xD800) << 10)
                            + (u32::from(low) - 0xDC00);
                        return char::from_u32(code).unwrap_or('\u{fffd}');
                    }
                }
                '\u{fffd}'
            }
            0xDC00..=0xDFFF => '\u{fffd}',
            _ => char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}'),
        }
    }

    /// Reads the four hex digits of a `\u` escape.
    fn hex4(&mut self, backslash: usize) -> Result<u16, JsonError> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        if let [a, b, c, d, ..] = rest {
            if let Some(unit) = hex_value([*a, *b, *c, *d]) {
                self.pos += 4;
                return Ok(unit);
            }
        }
        Err(JsonError::new(JsonErrorKind::BadUnicodeEscape, backslash))
    }
}

fn hex_value(digits: [u8; 4]) -> Option<u16> {
    digits.iter().try_fold(0u16, |acc, &d| {
        let v = match d {
            b'0'..=b'9' => d - b'0',
            b'a'..=b'f' => d - b'a' + 10,
            b'A'..=b'F' => d - b'A' + 10,
            _ => return None,
        };
        Some(acc << 4 | u16::from(v))
    })
}

/// Writes a tree back as compact JSON: numbers as written, strings escaped minimally. Parsing the
/// result gives the same tree (the tests and the fuzz target hold the parser to that).
pub fn write_compact(node: &Node, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(text) => out.push_str(text),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(&member.key, out);
                out.push(':');
                write_compact(&member.value, out);
            }
            out.push('}');
        }
    }
}

/// Writes `s` as a JSON string: quotes, backslashes and control characters escaped, the rest
/// (any script) as it is.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    fn root(input: &str) -> Node<'_> {
        match parse(input.as_bytes()) {
            Ok(doc) => doc.root,
            Err(e) => panic!("{input:?} should parse, got {e:?}"),
        }
    }

    fn err(input: &[u8]) -> JsonError {
        match parse(input) {
            Ok(doc) => panic!("{input:?} should fail, got {doc:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn scalars_and_their_spans() {
        let cases: &[(&str, Value, Span)] = &[
            ("null", Value::Null, span(0, 4)),
            (" true ", Value::Bool(true), span(1, 5)),
            ("\n\tfalse", Value::Bool(false), span(2, 7)),
            ("0", Value::Number("0".into()), span(0, 1)),
            ("95.50", Value::Number("95.50".into()), span(0, 5)),
            ("-0.0e+00", Value::Number("-0.0e+00".into()), span(0, 8)),
            ("1E400", Value::Number("1E400".into()), span(0, 5)),
            ("\"\"", Value::String("".into()), span(0, 2)),
            ("\"中文\"", Value::String("中文".into()), span(0, 8)),
            (r#""a\nb""#, Value::String("a\nb".into()), span(0, 6)),
            (r#""\u00e9\/""#, Value::String("é/".into()), span(0, 10)),
            (
                r#""\ud834\udd1e""#,
                Value::String("\u{1d11e}".into()),
                span(0, 14),
            ),
            (
                r#""\"\\\b\f\r\t""#,
                Value::String("\"\\\u{8}\u{c}\r\t".into()),
                span(0, 14),
            ),
            ("[]", Value::Array(vec![]), span(0, 2)),
            ("{ }", Value::Object(vec![]), span(0, 3)),
        ];
        for (input, value, expected_span) in cases {
            let node = root(input);
            assert_eq!(&node.value, value, "{input:?}");
            assert_eq!(&node.span, expected_span, "{input:?}");
        }
    }

    #[test]
    fn compact_documents_round_trip() {
        let cases = [
            r#"[{"a":[1,{"b":[]}],"c":{}},[2,3],[[[]]],{"d":{"e":{"f":[true,false,null]}}}]"#,
            r#"{"a":1,"a":2,"b":[{"a":3},{"a":4,"a":5}],"":""}"#,
            r#"[-0,0.5e-7,1E+2,12345678901234567890123456789,95.50]"#,
            r#"{"中文":"值","\"":"\\","k":"\u0001"}"#,
            r#"[[1,2],[3,[4,[5,[6]]]],7]"#,
        ];
        for input in cases {
            let mut out = String::new();
            write_compact(&root(input), &mut out);
            assert_eq!(out, input);
        }
    }

    #[test]
    fn lone_surrogate_escapes_become_replacement_characters() {
        let cases: &[(&str, &str)] = &[
            (r#""\ud800""#, "\u{fffd}"),
            (r#""\udc00x""#, "\u{fffd}x"),
            (r#""\ud800\n""#, "\u{fffd}\n"),
            (r#""\ud800\ud800\n""#, "\u{fffd}\u{fffd}\n"),
            (r#""\uDd1e\uD834""#, "\u{fffd}\u{fffd}"),
            (r#""\uD888\u1234""#, "\u{fffd}\u{1234}"),
            (r#""\ud800\ud834\udd1e""#, "\u{fffd}\u{1d11e}"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                root(input).value,
                Value::String((*expected).into()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn nested_spans_and_duplicate_keys() {
        let input = r#"{"a": [1, "x"], "a": {"b": null}}"#;
        let node = root(input);
        assert_eq!(node.span, span(0, input.len()));
        let Value::Object(members) = node.value else {
            panic!("object expected")
        };
        assert_eq!(members.len(), 2, "both members with key 'a' are kept");
        assert_eq!(members[0].key, "a");
        assert_eq!(members[0].key_span, span(1, 4));
        assert_eq!(members[0].value.span, span(6, 14));
        let Value::Array(items) = &members[0].value.value else {
            panic!("array expected")
        };
        assert_eq!(items[0].span, span(7, 8));
        assert_eq!(items[1].span, span(10, 13));
        assert_eq!(members[1].key, "a");
        assert_eq!(members[1].key_span, span(16, 19));
        assert_eq!(members[1].value.span, span(21, 32));
        let Value::Object(inner) = &members[1].value.value else {
            panic!("object expected")
        };
        assert_eq!(inner[0].key_span, span(22, 25));
        assert_eq!(inner[0].value.span, span(27, 31));
    }

    #[test]
    fn repeated_keys_are_noticed_at_any_depth_and_size() {
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
        let many = many.join(",");
        for (text, repeated) in [
            (r#"{"a":1,"b":2}"#.to_string(), false),
            (r#"{"a":1,"a":2}"#.to_string(), true),
            (r#"[{"a":{"b":1,"c":{"d":1,"d":2}}}]"#.to_string(), true),
            (r#"{"a":{"b":1},"b":{"a":1}}"#.to_string(), false),
            (format!("{{{many}}}"), false),
            (format!("{{{many},\"k7\":0}}"), true),
        ] {
            let doc = parse(text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(doc.repeated_keys, repeated, "{text}");
        }
    }

    #[test]
    fn bom_is_skipped_and_reported() {
        let doc = parse(b"\xEF\xBB\xBF{\"a\":1}").unwrap_or_else(|e| panic!("{e:?}"));
        assert!(doc.had_bom);
        assert_eq!(doc.root.span, span(3, 10));
        let doc = parse(b"1").unwrap_or_else(|e| panic!("{e:?}"));
        assert!(!doc.had_bom);
    }

    #[test]
    fn nesting_up_to_the_limit_parses() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(deep.as_bytes()).is_ok());
        let deep = format!("{}1{}", "{\"a\":".repeat(MAX_DEPTH), "}".repeat(MAX_DEPTH));
        assert!(parse(deep.as_bytes()).is_ok());
    }

    #[test]
    fn errors_have_kinds_and_offsets() {
        use Expected as E;
        use JsonErrorKind as K;
        use NumberProblem as N;
        let too_deep = "[".repeat(MAX_DEPTH + 1);
        let very_deep = "[".repeat(100_000);
        let cases: Vec<(&[u8], JsonErrorKind, usize)> = vec![
            (b"", K::Empty, 0),
            (b" \n\t\r ", K::Empty, 0),
            (b"\xEF\xBB\xBF", K::Empty, 0),
            (b"\xEF\xBB\xBF  ", K::Empty, 0),
            (b"\xFF\xFE[\x001\x00]\x00", K::Utf16, 0),
            (b"\xFE\xFF\x00[", K::Utf16, 0),
            (b"\x00[\x00]", K::Utf16, 0),
            (b"[\x00]\x00", K::Utf16, 0),
            (b"\x00\x00\x00[", K::Utf16, 0),
            (b"[\x00\x00\x00", K::Utf16, 0),
            (b"1\x00", K::Utf16, 0),
            (
                b"[\x00]",
                K::UnexpectedChar {
                    found: '\0',
                    expected: E::ValueOrCloseBracket,
                },
                1,
            ),
            (
                b"\x00",
                K::UnexpectedChar {
                    found: '\0',
                    expected: E::Value,
                },
                0,
            ),
            (
                b"[1,\x002]",
                K::UnexpectedChar {
                    found: '\0',
                    expected: E::Value,
                },
                3,
            ),
            (b"[\"\xE9\"]", K::InvalidUtf8, 2),
            (b"[1, 2] \xFF", K::InvalidUtf8, 7),
            (b"\xEF\xBB{}", K::InvalidUtf8, 0),
            (b"\"\xED\xA0\x80\"", K::InvalidUtf8, 1),
            (too_deep.as_bytes(), K::TooDeep, MAX_DEPTH),
            (very_deep.as_bytes(), K::TooDeep, MAX_DEPTH),
            (
                b"[",
                K::UnexpectedEnd {
                    expected: E::ValueOrCloseBracket,
                },
                1,
            ),
            (
                b"[1",
                K::UnexpectedEnd {
                    expected: E::CommaOrCloseBracket,
                },
                2,
            ),
            (b"[1,", K::UnexpectedEnd { expected: E::Value }, 3),
            (
                b"{",
                K::UnexpectedEnd {
                    expected: E::KeyOrCloseBrace,
                },
                1,
            ),
            (b"{\"a\"", K::UnexpectedEnd { expected: E::Colon }, 4),
            (b"{\"a\":", K::UnexpectedEnd { expected: E::Value }, 5),
            (
                b"{\"a\":1",
                K::UnexpectedEnd {
                    expected: E::CommaOrCloseBrace,
                },
                6,
            ),
            (b"{\"a\":1,", K::UnexpectedEnd { expected: E::Key }, 7),
            (
                b"[1 x]",
                K::UnexpectedChar {
                    found: 'x',
                    expected: E::CommaOrCloseBracket,
                },
                3,
            ),
            (
                b"{\"a\":1 x}",
                K::UnexpectedChar {
                    found: 'x',
                    expected: E::CommaOrCloseBrace,
                },
                7,
            ),
            (
                b"{a:1}",
                K::UnexpectedChar {
                    found: 'a',
                    expected: E::KeyOrCloseBrace,
                },
                1,
            ),
            (
                b"{\"a\":1, 'b':2}",
                K::UnexpectedChar {
                    found: '\'',
                    expected: E::Key,
                },
                8,
            ),
            (
                b"{\"a\" 1}",
                K::UnexpectedChar {
                    found: '1',
                    expected: E::Colon,
                },
                5,
            ),
            (
                b"[,1]",
                K::UnexpectedChar {
                    found: ',',
                    expected: E::ValueOrCloseBracket,
                },
                1,
            ),
            (
                b"[1,,2]",
                K::UnexpectedChar {
                    found: ',',
                    expected: E::Value,
                },
                3,
            ),
            (
                b"\xC2\xA0[]",
                K::UnexpectedChar {
                    found: '\u{a0}',
                    expected: E::Value,
                },
                0,
            ),
            (
                b"\x0c[]",
                K::UnexpectedChar {
                    found: '\u{c}',
                    expected: E::Value,
                },
                0,
            ),
            (
                b"]",
                K::UnexpectedChar {
                    found: ']',
                    expected: E::Value,
                },
                0,
            ),
            (b"[1,]", K::TrailingComma { in_object: false }, 2),
            (b"{\"a\":1 , }", K::TrailingComma { in_object: true }, 7),
            (b"[1] // c", K::Comment, 4),
            (b"[/* c */ 1]", K::Comment, 1),
            (b"[tru]", K::InvalidLiteral { expected: "true" }, 1),
            (b"nul", K::InvalidLiteral { expected: "null" }, 0),
            (b"[falsy]", K::InvalidLiteral { expected: "false" }, 1),
            (b"[-]", K::BadNumber(N::DigitAfterMinus), 2),
            (b"-a", K::BadNumber(N::DigitAfterMinus), 1),
            (b"[01]", K::BadNumber(N::LeadingZero), 1),
            (b"-007", K::BadNumber(N::LeadingZero), 1),
            (b"1.", K::BadNumber(N::DigitAfterPoint), 2),
            (b"[1.e5]", K::BadNumber(N::DigitAfterPoint), 3),
            (b"1e", K::BadNumber(N::DigitInExponent), 2),
            (b"[1E+]", K::BadNumber(N::DigitInExponent), 4),
            (b"[\"abc", K::UnterminatedString, 1),
            (b"[\"a\\", K::UnterminatedString, 1),
            (b"[\"a\\u12", K::BadUnicodeEscape, 3),
            (b"\"a\nb\"", K::ControlCharacterInString { found: '\n' }, 2),
            (
                b"\"\\u00e9\t\"",
                K::ControlCharacterInString { found: '\t' },
                7,
            ),
            (b"\"\\\n\"", K::ControlCharacterInString { found: '\n' }, 2),
            (b"\"\\x41\"", K::BadEscape { found: 'x' }, 1),
            (b"\"\\\xC3\xA5\"", K::BadEscape { found: '\u{e5}' }, 1),
            (b"\"\\u00G0\"", K::BadUnicodeEscape, 1),
            (b"\"\\ud800\\u1\"", K::BadUnicodeEscape, 7),
            (b"\"\\ud800\\ud800\\x\"", K::BadEscape { found: 'x' }, 13),
            (b"[1] 2", K::TrailingContent { found: '2' }, 4),
            (b"{}}", K::TrailingContent { found: '}' }, 2),
            (
                b"1 \xEF\xBB\xBF",
                K::TrailingContent { found: '\u{feff}' },
                2,
            ),
        ];
        for (input, kind, offset) in cases {
            let e = err(input);
            assert_eq!(
                (&e.kind, e.offset),
                (&kind, offset),
                "{:?}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn codes() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "json-empty"),
            (b"\xFF\xFE", "json-utf16"),
            (b"\xFF", "json-invalid-utf8"),
            (b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "json-too-deep"),
            (b"[1,]", "json-syntax"),
            (b"\"\\q\"", "json-syntax"),
        ];
        for (input, code) in cases {
            assert_eq!(err(input).code(), *code);
        }
    }

    #[test]
    fn messages_are_specific_in_both_languages() {
        let e = err(b"{\"a\":1 x}");
        assert_eq!(
            e.message(Lang::En),
            "expected ',' or '}' after an object member, found 'x'"
        );
        assert_eq!(
            e.message(Lang::Zh),
            "对象成员之后应为 ',' 或 '}'，却遇到 'x'"
        );
        let e = err(b"\"a\nb\"");
        assert!(
            e.message(Lang::En).contains("U+000A"),
            "{}",
            e.message(Lang::En)
        );
        assert!(err(b"\xFF\xFE")
            .message(Lang::En)
            .contains("save it as UTF-8"));
        let inputs: &[&[u8]] = &[
            b"",
            b"\xFF\xFE",
            b"\xFF",
            b"[1,]",
            b"{a:1}",
            b"[.5]",
            b"[1 2]",
            b"tru",
            b"-",
            b"01",
            b"1.",
            b"1e",
            b"\"",
            b"\"\t\"",
            b"\"\\q\"",
            b"\"\\u\"",
            b"1 2",
            b"//",
            b"[",
            b"{\"a\"}",
        ];
        for input in inputs {
            let e = err(input);
            for lang in [Lang::En, Lang::Zh] {
                let m = e.message(lang);
                assert!(!m.is_empty());
                assert!(
                    !m.starts_with(|c: char| c.is_uppercase()),
                    "message should start in lower case: {m}"
                );
            }
        }
    }
}
