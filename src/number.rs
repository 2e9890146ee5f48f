//! Figures as printed: exact decimals that remember how precisely they were written.
//!
//! `"95.50"` and `"95.5"` are the same number but not the same figure: the first claims two
//! decimals, the second one. Everything here is exact (a `Rational` built from the digits); a
//! figure never passes through floating point.

use std::borrow::Cow;
use std::cmp::Ordering;

use num_traits::One;

use crate::interval::{Interval, Rational};
use crate::units::{Dimension, Unit};
use crate::Lang;
/// More significant digits than this, or a decimal exponent of larger magnitude, is out of range:
/// no real report needs it, and refusing it keeps every later computation within 128 bits.
pub const MAX_DIGITS: usize = 30;
/// The largest magnitude of a figure's decimal exponent (and so of its `decimals`).
pub const MAX_EXPONENT: i32 = 30;

/// A figure as written: its exact value and its precision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub value: Rational,
    /// Digits written after the point, minus the exponent: `"95.50"` → 2, `"1692"` → 0,
    /// `"1.2e3"` → -2. The figure stands for any value within half a unit of its last digit.
    pub decimals: i32,
    /// No point and no exponent: a whole number (exact, unless its unit rounds it; see
    /// [`precision`]).
    pub written_as_integer: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    OutOfRange,
}

impl NumberError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NumberError::NotANumber => lang.pick(
                "not a number: write digits with an optional sign, decimal point and exponent, such as \"95.5\" or \"1,692\"",
                "不是数字:应写为数字,可带正负号、小数点和指数,例如 \"95.5\" 或 \"1,692\"",
            ),
            NumberError::OutOfRange => lang.pick(
                "number out of range: at most 30 significant digits and a decimal exponent within ±30",
                "数字超出范围:有效数字最多 30 位,十进制指数在 ±30 以内",
            ),
        }
        .to_string()
    }
}

/// A number as split into its written parts.
struct Parts<'a> {
    negative: bool,
    /// Borrowed from the literal unless thousands separators were taken out.
    integer_digits: Cow<'a, str>,
    fraction_digits: &'a str,
    has_point: bool,
    exponent: Option<(bool, &'a str)>,
}

/// Parses the literal text of a JSON number (`"95.50"`, `"-2.99"`, `"1e3"`).
pub fn parse_json_number(literal: &str) -> Result<Decimal, NumberError> {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    // ASCII digits end on a character boundary; `split_at_checked` has no panic path.
    let (integer, rest) = rest.split_at_checked(int_len).unwrap_or((rest, ""));
    // JSON: one zero, or digits without a leading zero.
    if integer.is_empty() || (integer.len() > 1 && integer.starts_with('0')) {
        return Err(NumberError::NotANumber);
    }
    let (has_point, fraction, rest) = split_fraction(rest)?;
    let exponent = parse_exponent_part(rest)?;
    build(Parts {
        negative,
        integer_digits: Cow::Borrowed(integer),
        fraction_digits: fraction,
        has_point,
        exponent,
    })
}

/// Parses a figure given as a string: `"95.5"`, `"-2.99"`, `"+1.05"`, `"1,692"`, `" 12 "`.
/// Thousands separators must group the integer part correctly.
pub fn parse_decimal_string(text: &str) -> Result<Decimal, NumberError> {
    let text = text.trim();
    let (negative, rest) = if let Some(rest) = text.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = text.strip_prefix('+') {
        (false, rest)
    } else {
        (false, text)
    };
    let int_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',')
        .count();
    let (integer, rest) = rest.split_at_checked(int_len).unwrap_or((rest, ""));
    let integer_digits = ungroup(integer)?;
    let (has_point, fraction, rest) = split_fraction(rest)?;
    if integer_digits.is_empty() && fraction.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let exponent = parse_exponent_part(rest)?;
    build(Parts {
        negative,
        integer_digits,
        fraction_digits: fraction,
        has_point,
        exponent,
    })
}

/// Removes thousands separators, which may only stand between groups of three digits.
fn ungroup(integer: &str) -> Result<Cow<'_, str>, NumberError> {
    if !integer.contains(',') {
        return Ok(Cow::Borrowed(integer));
    }
    let mut groups = integer.split(',');
    let first = groups.next().unwrap_or("");
    if first.is_empty() || first.len() > 3 {
        return Err(NumberError::NotANumber);
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return Err(NumberError::NotANumber);
        }
        digits.push_str(group);
    }
    Ok(Cow::Owned(digits))
}

/// Splits an optional `.digits` off the front; a point must be followed by a digit.
fn split_fraction(rest: &str) -> Result<(bool, &str, &str), NumberError> {
    match rest.strip_prefix('.') {
        Some(after) => {
            let len = after.bytes().take_while(u8::is_ascii_digit).count();
            if len == 0 {
                return Err(NumberError::NotANumber);
            }
            Ok((true, &after[..len], &after[len..]))
        }
        None => Ok((false, "", rest)),
    }
}

/// Parses what remains after the fraction: nothing, or `e`/`E`, an optional sign and digits.
fn parse_exponent_part(rest: &str) -> Result<Option<(bool, &str)>, NumberError> {
    if rest.is_empty() {
        return Ok(None);
    }
    let after = rest
        .strip_prefix(['e', 'E'])
        .ok_or(NumberError::NotANumber)?;
    let (negative, digits) = if let Some(d) = after.strip_prefix('-') {
        (true, d)
    } else if let Some(d) = after.strip_prefix('+') {
        (false, d)
    } else {
        (false, after)
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    Ok(Some((negative, digits)))
}

fn build(parts: Parts) -> Result<Decimal, NumberError> {
    // The digits, integer part then fraction, without leading zeros, read as one integer (at
    // most 30 digits: fits 128 bits), without copying them.
    let digits = parts
        .integer_digits
        .bytes()
        .chain(parts.fraction_digits.bytes());
    let mut significant = 0;
    let mut mantissa: i128 = 0;
    let mut all_digits = true;
    for digit in digits.skip_while(|&b| b == b'0') {
        significant += 1;
        if significant > MAX_DIGITS {
            return Err(NumberError::OutOfRange);
        }
        all_digits &= digit.is_ascii_digit();
        mantissa = mantissa * 10 + i128::from(digit.wrapping_sub(b'0') % 10);
    }
    let exponent: i64 = match parts.exponent {
        None => 0,
        Some((negative, text)) => {
            let text = text.trim_start_matches('0');
            // More than four digits is far beyond the limit; parsing it could overflow.
            if text.len() > 4 {
                return Err(NumberError::OutOfRange);
            }
            let magnitude: i64 = text.parse().unwrap_or(0);
            if negative {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    let fraction_len =
        i64::try_from(parts.fraction_digits.len()).map_err(|_| NumberError::OutOfRange)?;
    // value = digits × 10^scale
    let scale = exponent - fraction_len;
    if scale.abs() > i64::from(MAX_EXPONENT) {
        return Err(NumberError::OutOfRange);
    }
    let scale = scale as i32; // within ±30 by the check above
    if !all_digits {
        return Err(NumberError::OutOfRange); // as parsing them as a number would say
    }
    let mantissa = if parts.negative { -mantissa } else { mantissa };
    let value = Rational::from_integer(mantissa) * pow10(scale);
    if value.is_overflow() {
        return Err(NumberError::OutOfRange);
    }
    Ok(Decimal {
        value,
        decimals: -scale,
        written_as_integer: !parts.has_point && parts.exponent.is_none(),
    })
}

/// 10^exponent, exactly (an overflow beyond 10^±38, which no figure within the limits reaches).
pub fn pow10(exponent: i32) -> Rational {
    Rational::pow10(exponent)
}

/// Half a unit of the last written digit: 5 × 10^-(decimals+1). `"95.5"` (decimals 1) stands for
/// 95.5 ± 0.05; decimals -2 (rounded to hundreds) for ± 50.
pub fn half_unit(decimals: i32) -> Rational {
    Rational::from_integer(5) * pow10(-decimals.saturating_add(1))
}

/// How a publisher turned true values into printed figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rounding {
    /// To the nearest (any tie rule): "95.5" is [95.45, 95.55].
    #[default]
    Nearest,
    /// Toward zero: "95.5" is [95.5, 95.6), "-2.9" is (-3.0, -2.9].
    Truncate,
    /// Either of the two (the union), for reports that mix them.
    Either,
}

impl Rounding {
    pub const NAMES: &'static [&'static str] = &["nearest", "truncate", "either"];

    pub fn parse(name: &str) -> Option<Rounding> {
        match name {
            "nearest" => Some(Rounding::Nearest),
            "truncate" => Some(Rounding::Truncate),
            "either" => Some(Rounding::Either),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        Rounding::NAMES[self as usize]
    }

    /// The mode to try when a check fails under this one: `either` already holds both.
    pub fn other(self) -> Option<Rounding> {
        match self {
            Rounding::Nearest => Some(Rounding::Truncate),
            Rounding::Truncate => Some(Rounding::Nearest),
            Rounding::Either => None,
        }
    }
}

/// How precise a figure is: exact, or rounded to a number of decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Exact,
    /// Rounded to this many decimals (negative: to tens, hundreds, …).
    Decimals(i32),
}

/// The one rule for every figure (fact, table cell, extracted figure): `exact` makes it exact,
/// `decimals` sets its precision; otherwise a figure is as precise as its printing. A decimal is
/// rounded to its last digit, and so is a whole number whose unit is a rate or ratio (`%`, `‰`,
/// `百分点`, `倍`) or is scaled (`万元`, `million`): "34%" is 33.5%…34.5%, "3万人" 2.5万…3.5万.
/// A whole number with a plain unit (`件`, `人`, `元`) or none is an exact count.
pub fn precision(
    decimal: &Decimal,
    unit: Option<&Unit>,
    exact: bool,
    decimals: Option<i32>,
) -> Precision {
    let rounds_whole = unit.is_some_and(|u| u.dimension == Dimension::Ratio || !u.factor.is_one());
    match (exact, decimals) {
        (true, _) => Precision::Exact,
        (false, Some(d)) => Precision::Decimals(d),
        (false, None) if decimal.written_as_integer && !rounds_whole => Precision::Exact,
        (false, None) => Precision::Decimals(decimal.decimals),
    }
}

/// The true values a figure printed as `value` with `precision` stands for, under `rounding`.
pub fn stands_for(value: &Rational, precision: Precision, rounding: Rounding) -> Interval {
    let Precision::Decimals(d) = precision else {
        return Interval::exact(*value);
    };
    let half = half_unit(d);
    let step = half * Rational::from_integer(2);
    if rounding == Rounding::Nearest {
        return Interval::around(value, &half);
    }
    // Truncated toward zero: the true value lies up to one step farther from zero, never at it;
    // `either` adds the half step nearer to zero that rounding to the nearest allows.
    let near = if rounding == Rounding::Either {
        half
    } else {
        Rational::from_integer(0)
    };
    let v = *value;
    match v.cmp(&Rational::from_integer(0)) {
        Ordering::Greater => Interval::with_ends((v - near, false), (v + step, true)),
        Ordering::Less => Interval::with_ends((v - step, true), (v + near, false)),
        Ordering::Equal => Interval::with_ends((-step, true), (step, true)),
    }
}

/// The range a figure stands for, as the verdict's facts show it: "95.45…95.55", or with an open
/// end as intervals are written, "[95.5, 95.6)"; `None` for an exact figure.
pub fn range_text(value: &Rational, precision: Precision, rounding: Rounding) -> Option<String> {
    let Precision::Decimals(d) = precision else {
        return None;
    };
    let iv = stands_for(value, precision, rounding);
    let digits = (d + 1).max(0) as u32;
    let (lo, hi) = (
        format_rational(&iv.lo, digits),
        format_rational(&iv.hi, digits),
    );
    Some(crate::interval::ends_text(&iv, &lo, &hi))
}

/// Decimal text for `value`: exact, with the fewest digits, when it terminates within
/// `max_decimals` decimals (`68`, `0.5`, `-2.99`); otherwise rounded half away from zero to
/// `max_decimals` decimals and marked with "…" (`95.513…`).
pub fn format_rational(value: &Rational, max_decimals: u32) -> String {
    let Some((n, d)) = value.parts() else {
        return "∞".to_string();
    };
    let sign = if n < 0 { "-" } else { "" };
    let (n, d) = (n.unsigned_abs(), d.unsigned_abs());
    let mut integer = n / d;
    let mut remainder = n % d;
    // Long division, one decimal at a time: no intermediate grows beyond 10 × the denominator.
    let mut digits: Vec<u8> = Vec::new();
    while remainder != 0 && digits.len() < max_decimals.min(100) as usize {
        let Some(scaled) = remainder.checked_mul(10) else {
            break;
        };
        digits.push((scaled / d) as u8);
        remainder = scaled % d;
    }
    let exact = remainder == 0;
    // Half-way cases round away from zero: round up when the rest is at least half a unit.
    if !exact && remainder >= d - remainder && round_up(&mut digits) {
        integer += 1;
    }
    let mut text = sign.to_string();
    push_digits(&mut text, integer);
    if exact {
        while digits.last() == Some(&0) {
            digits.pop();
        }
    }
    if !digits.is_empty() {
        text.push('.');
        text.extend(digits.iter().map(|digit| char::from(b'0' + digit)));
    }
    if !exact {
        text.push('…');
    }
    if text == "-0" {
        text = "0".to_string();
    }
    text
}

/// Writes `n` in decimal (by hand: formatting 128-bit integers would add a kilobyte to the
/// WebAssembly module).
pub(crate) fn push_digits(text: &mut String, mut n: u128) {
    let mut digits = [0u8; 40];
    let mut at = digits.len();
    // Digits beyond 64 bits by 128-bit division (a library call), the rest by 64-bit division
    // (one instruction): nearly every number fits 64 bits from the start.
    while n > u128::from(u64::MAX) {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let mut n = n as u64; // fits: the loop above
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    text.extend(digits[at..].iter().map(|&b| char::from(b)));
}

/// Adds one unit in the last digit; true when it carries into the integer part.
fn round_up(digits: &mut [u8]) -> bool {
    for digit in digits.iter_mut().rev() {
        if *digit == 9 {
            *digit = 0;
        } else {
            *digit += 1;
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_written_as_std_writes_them_on_64_and_128_bits() {
        let big = u128::from(u64::MAX);
        for n in [
            0,
            7,
            10,
            99,
            1_000_000,
            big - 1,
            big,
            big + 1,
            10u128.pow(30),
            u128::MAX,
        ] {
            let mut text = String::from("x");
            push_digits(&mut text, n);
            assert_eq!(text, format!("x{n}"));
        }
    }

    fn r(n: i64, d: i64) -> Rational {
        Rational::new(n.into(), d.into())
    }

    #[test]
    fn json_numbers_keep_their_written_precision() {
        let cases: &[(&str, (i64, i64), i32, bool)] = &[
            ("95.50", (9550, 100), 2, false),
            ("95.5", (955, 10), 1, false),
            ("1692", (1692, 1), 0, true),
            ("-2.99", (-299, 100), 2, false),
            ("0", (0, 1), 0, true),
            ("-0", (0, 1), 0, true),
            ("1e3", (1000, 1), -3, false),
            ("1.2e3", (1200, 1), -2, false),
            ("1.25E-1", (125, 1000), 3, false),
            ("0.50", (1, 2), 2, false),
        ];
        for (text, (n, d), decimals, integer) in cases {
            let parsed = parse_json_number(text).unwrap();
            assert_eq!(parsed.value, r(*n, *d), "{text}");
            assert_eq!(parsed.decimals, *decimals, "{text}");
            assert_eq!(parsed.written_as_integer, *integer, "{text}");
        }
    }

    #[test]
    fn json_numbers_reject_what_json_rejects() {
        for text in [
            "", "-", "01", "1.", ".5", "+1", "1e", "1e+", "1,692", " 1", "NaN", "0x10", "1.5.2",
        ] {
            assert_eq!(
                parse_json_number(text),
                Err(NumberError::NotANumber),
                "{text:?}"
            );
        }
    }

    #[test]
    fn decimal_strings() {
        let cases: &[(&str, (i64, i64), i32, bool)] = &[
            ("95.5", (955, 10), 1, false),
            ("-2.99", (-299, 100), 2, false),
            ("+1.05", (105, 100), 2, false),
            ("1,692", (1692, 1), 0, true),
            ("7,291,600", (7291600, 1), 0, true),
            (" 12 ", (12, 1), 0, true),
            ("\u{3000}12\u{3000}", (12, 1), 0, true),
            ("007", (7, 1), 0, true),
            (".5", (1, 2), 1, false),
            ("1,692.25", (169225, 100), 2, false),
            ("3e2", (300, 1), -2, false),
        ];
        for (text, (n, d), decimals, integer) in cases {
            let parsed = parse_decimal_string(text).unwrap();
            assert_eq!(parsed.value, r(*n, *d), "{text}");
            assert_eq!(parsed.decimals, *decimals, "{text}");
            assert_eq!(parsed.written_as_integer, *integer, "{text}");
        }
    }

    #[test]
    fn decimal_strings_reject_bad_grouping_and_junk() {
        for text in [
            "", " ", "1,69", "1,,692", ",692", "1692,", "1234,567", "1,6923", "5.", ".", "-",
            "+-1", "12%", "1 692", "abc", "1.2.3", "1e", "--1", "1,692.", "１２",
        ] {
            assert_eq!(
                parse_decimal_string(text),
                Err(NumberError::NotANumber),
                "{text:?}"
            );
        }
    }

    #[test]
    fn absurd_numbers_are_out_of_range() {
        let three_hundred_digits = "9".repeat(300);
        let thirty_one = format!("1{}", "9".repeat(30));
        for text in [
            "1e400",
            "1e-400",
            three_hundred_digits.as_str(),
            thirty_one.as_str(),
            "1e99999999999999999999",
        ] {
            assert_eq!(
                parse_json_number(text),
                Err(NumberError::OutOfRange),
                "{text}"
            );
            assert_eq!(
                parse_decimal_string(text),
                Err(NumberError::OutOfRange),
                "{text}"
            );
        }
        // Leading zeros are not significant; thirty digits and an exponent of 30 are fine.
        let leading_zeros = format!("{}1", "0".repeat(200));
        assert_eq!(parse_decimal_string(&leading_zeros).unwrap().value, r(1, 1));
        assert!(parse_json_number(&"9".repeat(30)).is_ok());
        assert!(parse_json_number("1e30").is_ok());
        assert!(parse_json_number("1e-30").is_ok());
        assert_eq!(parse_json_number("1e31"), Err(NumberError::OutOfRange));
    }

    #[test]
    fn half_units() {
        assert_eq!(half_unit(0), r(1, 2));
        assert_eq!(half_unit(1), r(5, 100));
        assert_eq!(half_unit(2), r(5, 1000));
        assert_eq!(half_unit(-1), r(5, 1));
        assert_eq!(half_unit(-2), r(50, 1));
        // Absurd requests stay finite and do not explode.
        assert!(half_unit(i32::MAX) > r(0, 1));
        assert!(half_unit(i32::MIN) > r(0, 1));
    }

    #[test]
    fn formatting() {
        let cases: &[((i64, i64), u32, &str)] = &[
            ((68, 1), 3, "68"),
            ((1, 2), 3, "0.5"),
            ((-299, 100), 3, "-2.99"),
            ((0, 1), 3, "0"),
            ((1038800, 10876), 3, "95.513…"),
            ((-1038800, 10876), 3, "-95.513…"),
            ((113 * 100, 10763), 3, "1.050…"),
            ((9545, 100), 3, "95.45"),
            ((9545, 100), 1, "95.5…"),   // exactly half: away from zero
            ((-9545, 100), 1, "-95.5…"), // away from zero, negative
            ((9555, 100), 1, "95.6…"),
            ((9544, 100), 1, "95.4…"),
            ((1, 3), 0, "0…"),
            ((2, 3), 0, "1…"),
            ((1, 3), 3, "0.333…"),
            ((-1, 10000), 3, "-0.000…"),
            ((5, 1000), 3, "0.005"),
            ((5, 10000), 3, "0.001…"),
            ((1200, 1), 0, "1200"),
        ];
        for ((n, d), decimals, expected) in cases {
            assert_eq!(
                format_rational(&r(*n, *d), *decimals),
                *expected,
                "{n}/{d} with {decimals}"
            );
        }
        assert_eq!(
            format_rational(&pow10(30), 3),
            format!("1{}", "0".repeat(30))
        );
    }

    #[test]
    fn negative_decimals_mean_rounded_to_tens() {
        let d = parse_json_number("1.23e4").unwrap();
        assert_eq!(d.decimals, -2);
        assert_eq!(half_unit(d.decimals), r(50, 1));
        assert_eq!(format_rational(&d.value, 3), "12300");
    }

    #[test]
    fn messages_in_both_languages() {
        for e in [NumberError::NotANumber, NumberError::OutOfRange] {
            assert_ne!(e.message(Lang::En), e.message(Lang::Zh));
        }
    }

    #[test]
    fn one_rule_for_every_figure() {
        use crate::units::parse_unit;
        let p = |text: &str, unit: &str| {
            let unit = parse_unit(unit);
            precision(
                &parse_decimal_string(text).unwrap(),
                Some(&unit),
                false,
                None,
            )
        };
        for unit in [
            "%",
            "‰",
            "百分点",
            "个百分点",
            "pp",
            "倍",
            "万元",
            "亿元",
            "万人",
            "千",
            "USD million",
            "bn",
        ] {
            assert_eq!(p("34", unit), Precision::Decimals(0), "{unit}");
        }
        for unit in ["件", "人", "元", "cases", ""] {
            assert_eq!(p("34", unit), Precision::Exact, "{unit}");
        }
        assert_eq!(p("34.5", "件"), Precision::Decimals(1));
        let d = parse_decimal_string("34").unwrap();
        let pct = parse_unit("%");
        assert_eq!(precision(&d, Some(&pct), true, None), Precision::Exact);
        assert_eq!(
            precision(&d, Some(&pct), false, Some(-1)),
            Precision::Decimals(-1)
        );
        assert_eq!(precision(&d, None, false, None), Precision::Exact);
    }

    #[test]
    fn rounding_modes() {
        let v = r(955, 10);
        let one = Precision::Decimals(1);
        assert_eq!(
            stands_for(&v, one, Rounding::Nearest),
            Interval::new(r(9545, 100), r(9555, 100))
        );
        let t = stands_for(&v, one, Rounding::Truncate);
        assert_eq!(
            (t.lo, t.hi, t.lo_open, t.hi_open),
            (r(955, 10), r(956, 10), false, true)
        );
        let n = stands_for(&r(-29, 10), one, Rounding::Truncate);
        assert_eq!(
            (n.lo, n.hi, n.lo_open, n.hi_open),
            (r(-30, 10), r(-29, 10), true, false)
        );
        let z = stands_for(&r(0, 1), one, Rounding::Truncate);
        assert_eq!(
            (z.lo, z.hi, z.lo_open, z.hi_open),
            (r(-1, 10), r(1, 10), true, true)
        );
        let e = stands_for(&v, one, Rounding::Either);
        assert_eq!(
            (e.lo, e.hi, e.lo_open, e.hi_open),
            (r(9545, 100), r(956, 10), false, true)
        );
        assert_eq!(
            stands_for(&v, Precision::Exact, Rounding::Truncate),
            Interval::exact(v)
        );
        for name in Rounding::NAMES {
            assert_eq!(Rounding::parse(name).map(Rounding::name), Some(*name));
        }
    }
}
