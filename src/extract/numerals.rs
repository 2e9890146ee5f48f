//! Numbers as people print them: `142`, `1,692`, `7 291 600`, `95.5`, full-width `１２３`,
//! Chinese `两`, `一百二十`, `三千零五`, and a figure broken by a line break (`10\n876`).
//!
//! A numeral is read into its digits (ASCII, no separators) and kept as printed: nothing passes
//! through floating point. Scale words (万, 亿, million) are not part of the numeral: they belong
//! to the unit, where `units.rs` gives them their factor.

/// A numeral found in the text. Offsets are in characters (Unicode scalar values).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Numeral {
    pub start: usize,
    pub end: usize,
    /// ASCII digits with an optional `.` and fraction: `"1692"`, `"95.5"`, `"3005"`.
    pub digits: String,
    /// Written with commas between groups of three (kept so the value reads as printed).
    pub comma_grouped: bool,
    /// Written with any separator between groups of three (commas or spaces).
    pub grouped: bool,
    /// Written in Chinese numeral characters.
    pub chinese: bool,
}

impl Numeral {
    /// The digits as a value the report format accepts, with the commas the text printed.
    pub fn value_text(&self) -> String {
        if !self.comma_grouped {
            return self.digits.clone();
        }
        let (integer, fraction) = match self.digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (self.digits.as_str(), None),
        };
        let mut grouped = String::new();
        for (i, c) in integer.chars().enumerate() {
            if i > 0 && (integer.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if let Some(fraction) = fraction {
            grouped.push('.');
            grouped.push_str(fraction);
        }
        grouped
    }
}

/// The value of an ASCII or full-width digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

fn digit_at(chars: &[char], i: usize) -> bool {
    chars.get(i).is_some_and(|c| is_digit(*c))
}

/// Characters that separate groups of three digits when they stand between digits.
fn is_space_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// How many digits run from `at`.
fn run_length(chars: &[char], at: usize) -> usize {
    chars
        .get(at..)
        .map_or(0, |rest| rest.iter().take_while(|c| is_digit(**c)).count())
}

/// A line break at `at` (`\n` or `\r\n`): its length.
fn line_break(chars: &[char], at: usize) -> Option<usize> {
    match (chars.get(at), chars.get(at + 1)) {
        (Some('\n'), _) => Some(1),
        (Some('\r'), Some('\n')) => Some(2),
        _ => None,
    }
}

/// Whether a run of digits at `at` opens a numbered heading (`2.`, `3、`) rather than continuing
/// a figure from the line before.
fn opens_heading(chars: &[char], at: usize) -> bool {
    let after = at + run_length(chars, at);
    match chars.get(after) {
        Some('、' | ')' | '）') => true,
        Some('.' | '．') => !digit_at(chars, after + 1),
        _ => false,
    }
}

/// Reads an Arabic numeral (ASCII or full-width digits) starting at `at`.
pub fn read_arabic(chars: &[char], at: usize) -> Option<Numeral> {
    let first = run_length(chars, at);
    if first == 0 {
        return None;
    }
    let mut digits: String = chars[at..at + first]
        .iter()
        .filter_map(|c| digit_value(*c).and_then(|d| char::from_digit(d, 10)))
        .collect();
    let mut end = at + first;
    // Groups of three after a first group of one to three digits, all with one separator kind.
    let mut separator: Option<char> = None;
    if first <= 3 {
        while let Some(&c) = chars.get(end) {
            let fits = (c == ',' || is_space_separator(c)) && separator.is_none_or(|s| s == c);
            if !(fits && run_length(chars, end + 1) == 3) {
                break;
            }
            // A space followed by three digits and a point is a new figure, not a group.
            if is_space_separator(c) && matches!(chars.get(end + 4), Some('.' | '．')) {
                break;
            }
            separator = Some(c);
            digits.extend(
                chars[end + 1..end + 4]
                    .iter()
                    .filter_map(|c| digit_value(*c).and_then(|d| char::from_digit(d, 10))),
            );
            end += 4;
        }
    }
    // A figure broken by a line break: digits end one line and go on at the start of the next.
    if let Some(width) = line_break(chars, end) {
        let next = end + width;
        let more = run_length(chars, next);
        if more > 0 && !opens_heading(chars, next) && digits.len() + more <= 15 {
            digits.extend(
                chars[next..next + more]
                    .iter()
                    .filter_map(|c| digit_value(*c).and_then(|d| char::from_digit(d, 10))),
            );
            end = next + more;
        }
    }
    if matches!(chars.get(end), Some('.' | '．')) {
        let fraction = run_length(chars, end + 1);
        if fraction > 0 {
            digits.push('.');
            digits.extend(
                chars[end + 1..end + 1 + fraction]
                    .iter()
                    .filter_map(|c| digit_value(*c).and_then(|d| char::from_digit(d, 10))),
            );
            end += 1 + fraction;
        }
    }
    Some(Numeral {
        start: at,
        end,
        digits,
        comma_grouped: separator == Some(','),
        grouped: separator.is_some(),
        chinese: false,
    })
}

/// The value of a Chinese digit character (两 is 2; 零 and 〇 are 0).
fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a Chinese place character below 万 (万 and 亿 are scale words, read as units).
fn chinese_place(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_place(c).is_some()
}

/// Reads a Chinese numeral below ten thousand at `at` (`两`, `十二`, `一百二十`, `三千零五`).
/// Digit strings without places (`二〇一七`) and malformed ones (`二三`, `十十`) are not numerals.
pub fn read_chinese(chars: &[char], at: usize) -> Option<Numeral> {
    let length = chars
        .get(at..)?
        .iter()
        .take_while(|c| is_chinese_numeral_char(**c))
        .count();
    if length == 0 {
        return None;
    }
    let run = &chars[at..at + length];
    let mut total: u64 = 0;
    let mut pending: Option<u64> = None;
    let mut last_place = 10_000;
    let mut after_zero = false;
    for &c in run {
        if let Some(d) = chinese_digit(c) {
            if d == 0 {
                // 零 only stands between places: 三千零五.
                if total == 0 || pending.is_some() {
                    return None;
                }
                after_zero = true;
                continue;
            }
            if pending.is_some() {
                return None;
            }
            pending = Some(d);
        } else if let Some(place) = chinese_place(c) {
            if place >= last_place || after_zero {
                return None;
            }
            let count = match pending.take() {
                Some(d) => d,
                // 十二 is twelve; a bare 百 or 千 is not a numeral.
                None if place == 10 && total == 0 => 1,
                None => return None,
            };
            total += count * place;
            last_place = place;
        }
    }
    if let Some(d) = pending {
        // 二十五 is fine; 三百五 (colloquial 350) is not read.
        if last_place != 10_000 && last_place != 10 && !after_zero {
            return None;
        }
        total += d;
    }
    if total == 0 {
        return None;
    }
    Some(Numeral {
        start: at,
        end: at + length,
        digits: total.to_string(),
        comma_grouped: false,
        grouped: false,
        chinese: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arabic(text: &str) -> Option<(String, usize)> {
        let chars: Vec<char> = text.chars().collect();
        read_arabic(&chars, 0).map(|n| (n.value_text(), n.end))
    }

    fn chinese(text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        read_chinese(&chars, 0).map(|n| n.digits)
    }

    #[test]
    fn arabic_numerals_with_separators_points_and_full_width_digits() {
        assert_eq!(arabic("142件"), Some(("142".into(), 3)));
        assert_eq!(arabic("1,692名"), Some(("1,692".into(), 5)));
        assert_eq!(arabic("7 291 600 people"), Some(("7291600".into(), 9)));
        assert_eq!(arabic("95.5%"), Some(("95.5".into(), 4)));
        assert_eq!(arabic("１２３．４"), Some(("123.4".into(), 5)));
        assert_eq!(arabic("1,692.50"), Some(("1,692.50".into(), 8)));
    }

    #[test]
    fn separators_that_do_not_group_three_digits_end_the_numeral() {
        assert_eq!(arabic("12,34"), Some(("12".into(), 2)));
        assert_eq!(arabic("1234,567"), Some(("1234".into(), 4)));
        assert_eq!(arabic("3 cases"), Some(("3".into(), 1)));
        assert_eq!(arabic("12 345.6"), Some(("12".into(), 2)));
        assert_eq!(arabic("1,234 567"), Some(("1,234".into(), 5)));
    }

    #[test]
    fn a_figure_split_across_a_line_break_is_one_figure() {
        assert_eq!(arabic("10\n876件"), Some(("10876".into(), 6)));
        assert_eq!(arabic("10\r\n876件"), Some(("10876".into(), 7)));
        // The next line opening a numbered heading is not a continuation.
        assert_eq!(arabic("17\n2.加强"), Some(("17".into(), 2)));
        assert_eq!(arabic("17\n3、加强"), Some(("17".into(), 2)));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese("两件"), Some("2".into()));
        assert_eq!(chinese("十二"), Some("12".into()));
        assert_eq!(chinese("一百二十"), Some("120".into()));
        assert_eq!(chinese("三千零五"), Some("3005".into()));
        assert_eq!(chinese("九千九百九十九"), Some("9999".into()));
        assert_eq!(chinese("二十五人"), Some("25".into()));
    }

    #[test]
    fn malformed_chinese_numerals_are_not_read() {
        assert_eq!(chinese("二〇一七"), None);
        assert_eq!(chinese("二三"), None);
        assert_eq!(chinese("十十"), None);
        assert_eq!(chinese("零"), None);
        assert_eq!(chinese("百"), None);
        assert_eq!(chinese("三百五"), None);
        assert_eq!(chinese("件"), None);
    }
}
