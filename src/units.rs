//! Units as reports write them: `%`, `‰`, `百分点`, `万元`, `亿元`, `USD million`, `件`.
//!
//! A unit is a scale (`factor`, which turns a printed figure into base units) and a dimension
//! (what is counted). Figures of different dimensions should not be added or compared.

use std::rc::Rc;

use crate::interval::Rational;
use crate::number::pow10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The unit as written (trimmed). Shared, not copied: a report writes a few units many times.
    pub text: Rc<str>,
    /// Multiplies a printed figure into base units: `%` → 1/100, `万元` → 10^4.
    pub factor: Rational,
    pub dimension: Dimension,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// No unit: compatible with anything.
    Unknown,
    /// A pure ratio: %, ‰, percentage points, 倍.
    Ratio,
    /// A counted or measured thing, by its base unit: 件, 人, 元, USD. Shared, not copied: a
    /// fact's dimension goes with every use of the fact in a check.
    Named(Rc<str>),
}

impl Dimension {
    /// Whether figures of these two dimensions should not be added or compared.
    pub fn conflicts(&self, other: &Dimension) -> bool {
        match (self, other) {
            (Dimension::Unknown, _) | (_, Dimension::Unknown) => false,
            (Dimension::Ratio, Dimension::Ratio) => false,
            (Dimension::Named(a), Dimension::Named(b)) => same_thing(a) != same_thing(b),
            (Dimension::Ratio, Dimension::Named(_)) | (Dimension::Named(_), Dimension::Ratio) => {
                true
            }
        }
    }
}

/// Chinese counts people with several measure words (156 人, 172 名, 8 位): they are one unit.
fn same_thing(unit: &str) -> &str {
    match unit {
        "名" | "位" | "人" => "人",
        other => other,
    }
}

/// Ratio units and the power of ten they scale by. Matched before scale prefixes, so that
/// 百分点 is not read as 百 × 分点.
const RATIO_UNITS: &[(&str, i32)] = &[
    ("%", -2),
    ("％", -2),
    ("percent", -2),
    ("per cent", -2),
    ("‰", -3),
    ("per mille", -3),
    ("permille", -3),
    ("个百分点", -2),
    ("百分点", -2),
    ("pp", -2),
    ("p.p.", -2),
    ("percentage point", -2),
    ("percentage points", -2),
    ("倍", 0),
];

/// Chinese scale prefixes, longest first so that 万亿 is not read as 万 × 亿.
const CHINESE_SCALES: &[(&str, i32)] = &[
    ("万亿", 12),
    ("千亿", 11),
    ("千万", 7),
    ("百万", 6),
    ("十万", 5),
    ("亿", 8),
    ("万", 4),
    ("千", 3),
];

const ENGLISH_SCALES: &[(&str, i32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("bn", 9),
    ("mn", 6),
];

/// Reads a unit as written. Never fails: anything unrecognised is a named unit of its own text.
pub fn parse_unit(text: &str) -> Unit {
    let text = text.trim();
    let unit = |factor: Rational, dimension: Dimension| Unit {
        text: Rc::from(text),
        factor,
        dimension,
    };
    if text.is_empty() {
        return unit(pow10(0), Dimension::Unknown);
    }
    let lower = text.to_ascii_lowercase();
    if let Some((_, exponent)) = RATIO_UNITS.iter().find(|(name, _)| *name == lower) {
        return unit(pow10(*exponent), Dimension::Ratio);
    }
    if let Some((prefix, exponent)) = CHINESE_SCALES.iter().find(|(p, _)| text.starts_with(p)) {
        let rest = text[prefix.len()..].trim();
        return unit(pow10(*exponent), named_or_unknown(rest));
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 1 {
        let scale_of = |word: &str| {
            let word = word.to_ascii_lowercase();
            let word = word.strip_suffix('s').unwrap_or(&word).to_string();
            ENGLISH_SCALES
                .iter()
                .find(|(name, _)| *name == word)
                .map(|(_, e)| *e)
        };
        let (first, last) = (words[0], words[words.len() - 1]);
        if let Some(exponent) = scale_of(first) {
            return unit(pow10(exponent), named_or_unknown(&join_words(&words[1..])));
        }
        if let Some(exponent) = scale_of(last) {
            return unit(
                pow10(exponent),
                named_or_unknown(&join_words(&words[..words.len() - 1])),
            );
        }
    } else if let Some((_, exponent)) = ENGLISH_SCALES.iter().find(|(name, _)| *name == lower) {
        return unit(pow10(*exponent), Dimension::Unknown);
    }
    unit(pow10(0), Dimension::Named(text.into()))
}

/// The words with one space between each.
pub(crate) fn join_words(words: &[&str]) -> String {
    let mut joined = String::new();
    for word in words {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

fn named_or_unknown(rest: &str) -> Dimension {
    if rest.is_empty() {
        Dimension::Unknown
    } else {
        Dimension::Named(rest.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(s: &str) -> Dimension {
        Dimension::Named(s.into())
    }

    #[test]
    fn measure_words_for_people_are_one_unit() {
        assert!(!named("人").conflicts(&named("名")));
        assert!(!named("位").conflicts(&named("人")));
        assert!(named("人").conflicts(&named("件")));
    }

    #[test]
    fn units_as_reports_write_them() {
        let cases: &[(&str, i32, Dimension)] = &[
            ("%", -2, Dimension::Ratio),
            ("％", -2, Dimension::Ratio),
            ("percent", -2, Dimension::Ratio),
            ("Percent", -2, Dimension::Ratio),
            ("‰", -3, Dimension::Ratio),
            ("百分点", -2, Dimension::Ratio),
            ("个百分点", -2, Dimension::Ratio),
            ("pp", -2, Dimension::Ratio),
            ("percentage point", -2, Dimension::Ratio),
            ("percentage points", -2, Dimension::Ratio),
            ("倍", 0, Dimension::Ratio),
            ("万元", 4, named("元")),
            ("亿元", 8, named("元")),
            ("万亿元", 12, named("元")),
            ("千亿元", 11, named("元")),
            ("千万元", 7, named("元")),
            ("百万元", 6, named("元")),
            ("十万人", 5, named("人")),
            ("万人", 4, named("人")),
            ("千克", 3, named("克")),
            ("万", 4, Dimension::Unknown),
            ("亿", 8, Dimension::Unknown),
            ("million USD", 6, named("USD")),
            ("USD million", 6, named("USD")),
            ("USD millions", 6, named("USD")),
            ("billion euros", 9, named("euros")),
            ("thousand", 3, Dimension::Unknown),
            ("bn", 9, Dimension::Unknown),
            ("USD bn", 9, named("USD")),
            ("件", 0, named("件")),
            ("人", 0, named("人")),
            ("份", 0, named("份")),
            ("件次", 0, named("件次")),
            ("USD", 0, named("USD")),
            (" 件 ", 0, named("件")),
            ("", 0, Dimension::Unknown),
        ];
        for (text, exponent, dimension) in cases {
            let unit = parse_unit(text);
            assert_eq!(unit.factor, pow10(*exponent), "{text:?}");
            assert_eq!(&unit.dimension, dimension, "{text:?}");
            assert_eq!(&*unit.text, text.trim());
        }
    }

    #[test]
    fn conflicts() {
        use Dimension::*;
        assert!(!Unknown.conflicts(&named("件")));
        assert!(!named("件").conflicts(&Unknown));
        assert!(!Unknown.conflicts(&Ratio));
        assert!(!Ratio.conflicts(&Ratio));
        assert!(!named("件").conflicts(&named("件")));
        assert!(named("件").conflicts(&named("人")));
        assert!(Ratio.conflicts(&named("件")));
        assert!(named("元").conflicts(&Ratio));
        // Scaled units share their base: 万元 and 元 agree.
        assert!(!parse_unit("万元")
            .dimension
            .conflicts(&parse_unit("元").dimension));
    }
}
