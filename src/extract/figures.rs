//! Which numerals of a text are figures (quantities the report states) and which are not: years,
//! dates, times, ordinals, headings, document and article numbers, phone numbers, and numerals
//! inside titles or names. Each figure gets its unit, its sign (下降 2.99% is −2.99) and a label
//! from the words before it.

use super::numerals::{self, is_digit, Numeral};
use crate::units::join_words;

/// A figure found in the text. Offsets are in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub numeral: Numeral,
    /// The printed text of the numeral (exactly as in the text).
    pub printed: String,
    /// Signed value as the format reads it: `"-2.99"`, `"1,692"`.
    pub value: String,
    /// Scale and measure, e.g. `件`, `万元`, `%`, `个百分点`, `million`.
    pub unit: Option<String>,
    /// Where the unit (or the numeral, without one) ends.
    pub unit_end: usize,
    /// The figure is a share or a rate (`%`, `‰`).
    pub percent: bool,
    /// The figure is a difference of rates (`个百分点`, percentage points).
    pub points: bool,
    /// Written as approximate (`1000余件`, `约`, `近`, `more than`).
    pub approximate: bool,
    /// A sign word before it made it negative (下降, decreased by).
    pub negated: bool,
    /// The words before the figure that name it.
    pub label: String,
    /// Where the label starts.
    pub label_start: usize,
}

/// Measure words after a number (longest first where one is a prefix of another).
const MEASURES: &[&str] = &[
    "平方公里",
    "平方米",
    "公顷",
    "公里",
    "千米",
    "千克",
    "小时",
    "个月",
    "人次",
    "户次",
    "件次",
    "元",
    "件",
    "人",
    "名",
    "个",
    "份",
    "项",
    "家",
    "次",
    "起",
    "宗",
    "户",
    "所",
    "条",
    "部",
    "篇",
    "期",
    "场",
    "批",
    "台",
    "辆",
    "套",
    "张",
    "座",
    "处",
    "天",
    "日",
    "年",
    "米",
    "吨",
    "亩",
    "册",
    "本",
    "位",
    "例",
    "支",
    "只",
    "间",
    "栋",
    "株",
    "棵",
    "类",
    "种",
    "码",
    "轮",
    "课",
    "单",
    "笔",
    "届",
    "成",
];

/// Measure words a Chinese numeral must be followed by to be a figure (届, 年, 种 are left out:
/// 十八届, 三年行动, 两种 are names or manners of speaking far more often than figures).
const CHINESE_MEASURES: &[&str] = &[
    "件", "人", "名", "个", "份", "项", "家", "次", "起", "宗", "户", "所", "条", "部", "篇", "场",
    "批", "台", "辆", "套", "张", "座", "处", "天", "位", "例", "笔", "万", "亿", "千", "成",
];

/// A lone 一 is a figure only with these ("一件" is a count; "一个窗口" is a manner of speaking).
const ONE_MEASURES: &[&str] = &["件", "份", "名", "人", "起", "例", "宗"];

const CHINESE_SCALES: &[&str] = &["万亿", "千亿", "千万", "百万", "十万", "亿", "万", "千"];
const ENGLISH_SCALES: &[&str] = &["thousand", "million", "billion", "trillion"];

/// Ratio units, longest first.
const RATIOS: &[(&str, Kind)] = &[
    ("percentage points", Kind::Points),
    ("percentage point", Kind::Points),
    ("个百分点", Kind::Points),
    ("百分点", Kind::Points),
    ("per cent", Kind::Percent),
    ("percent", Kind::Percent),
    ("%", Kind::Percent),
    ("％", Kind::Percent),
    ("‰", Kind::Percent),
    ("pp", Kind::Points),
    ("倍", Kind::Times),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Percent,
    Points,
    Times,
}

/// Words before a figure that make it negative.
const NEGATIVE_WORDS: &[&str] = &[
    "下降", "减少", "回落", "降低", "下滑", "下跌", "缩减", "缩小", "减", "降", "少",
];
const NEGATIVE_ENGLISH: &[&str] = &[
    "down",
    "down by",
    "decreased by",
    "decreased",
    "a decrease of",
    "decrease of",
    "fell by",
    "fell",
    "declined by",
    "declined",
    "a decline of",
    "dropped by",
    "dropped",
    "a drop of",
    "drop of",
    "a fall of",
    "fall of",
    "decline of",
    "lower by",
    "reduced by",
    "a reduction of",
    "reduction of",
];

/// Words before a phone number.
const PHONE_WORDS: &[&str] = &[
    "电话", "热线", "传真", "手机", "邮编", "tel", "phone", "fax", "call",
];

/// Characters that end a label (the label is the words after the last of them).
fn ends_label(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '；'
            | ';'
            | '：'
            | ':'
            | '、'
            | '（'
            | '('
            | '）'
            | ')'
            | '\n'
            | '\t'
            | '“'
            | '”'
            | '"'
            | '《'
            | '》'
            | '！'
            | '？'
            | '!'
            | '?'
    )
}

/// Words that stand between a label and its figure and say nothing of what it counts.
const LABEL_TAIL: &[&str] = &[
    "分别为",
    "分别是",
    "共计",
    "合计",
    "总计",
    "累计",
    "达到",
    "约为",
    "为",
    "达",
    "是",
    "有",
    "共",
    "计",
    "约",
    "近",
    "超过",
    "逾",
    "了",
    "到",
];
const LABEL_HEAD: &[&str] = &["其中", "另有", "并", "共", "全年", "同时", "此外"];

fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    let mut i = at;
    for w in word.chars() {
        match chars.get(i) {
            Some(c) if c.eq_ignore_ascii_case(&w) => i += 1,
            _ => return false,
        }
    }
    true
}

fn ends_with_at(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && starts_with_at(chars, end - n, word)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// Whether the word at `at` ends where an English word ends.
fn word_ends(chars: &[char], at: usize) -> bool {
    !chars.get(at).is_some_and(|c| is_latin(*c))
}

/// Whether `at` is the first non-blank character of its line.
fn starts_line(chars: &[char], at: usize) -> bool {
    let mut i = at;
    while i > 0 {
        match chars[i - 1] {
            '\n' => return true,
            ' ' | '\t' | '\u{3000}' | '\r' => i -= 1,
            _ => return false,
        }
    }
    true
}

/// Finds every figure of the text, in order.
pub fn find(chars: &[char]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut title_depth = 0usize; // inside 《…》
    let mut quoted = false; // inside “…” or 「…」
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '《' => title_depth += 1,
            '》' => title_depth = title_depth.saturating_sub(1),
            '“' | '「' => quoted = true,
            '”' | '」' | '\n' => quoted = false,
            _ => {}
        }
        if c == '\n' {
            title_depth = 0;
        }
        if is_latin(c) {
            // Numerals inside a word are names (G20, H7N9, COVID-19 counts as one word here).
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '-') {
                i += 1;
            }
            continue;
        }
        let numeral = if is_digit(c) {
            numerals::read_arabic(chars, i)
        } else if numerals::is_chinese_numeral_char(c) {
            numerals::read_chinese(chars, i)
        } else {
            None
        };
        let Some(numeral) = numeral else {
            i += 1;
            continue;
        };
        let skip_to = skip_end(chars, &numeral);
        let figure = if title_depth > 0 || (quoted && numeral.chinese) {
            None
        } else {
            figure(chars, numeral)
        };
        match figure {
            Some(f) => {
                i = f.unit_end.max(f.numeral.end);
                found.push(f);
            }
            None => i = skip_to.max(i + 1),
        }
    }
    label_all(chars, &mut found);
    found
}

/// Where to go on after a numeral that is not a figure: past a whole dotted or dashed run
/// (`2018.02.13`, `021-5973-2000`, `10:30`).
fn skip_end(chars: &[char], numeral: &Numeral) -> usize {
    let mut end = numeral.end;
    while matches!(
        chars.get(end),
        Some('.' | '．' | '-' | '/' | ':' | '：' | '—' | '–')
    ) && chars.get(end + 1).is_some_and(|c| is_digit(*c))
    {
        end += 1;
        while chars.get(end).is_some_and(|c| is_digit(*c)) {
            end += 1;
        }
    }
    end
}

/// Whether the numeral at `start..end` is a member of a ratio written with colons that is not a
/// time of day: three or more members, or a member with a decimal point (37.2:20.5:42.3).
fn in_colon_ratio(chars: &[char], start: usize, end: usize) -> bool {
    let is_colon = |c: Option<&char>| matches!(c, Some(':' | '：'));
    let member = |c: &char| is_digit(*c) || *c == '.';
    let mut from = start;
    let mut to = end;
    loop {
        let before = from.checked_sub(1).and_then(|i| chars.get(i));
        let earlier = from.checked_sub(2).and_then(|i| chars.get(i));
        if is_colon(before) && earlier.is_some_and(|c| is_digit(*c)) {
            from -= 1;
            while from > 0 && member(&chars[from - 1]) {
                from -= 1;
            }
        } else {
            break;
        }
    }
    while is_colon(chars.get(to)) && chars.get(to + 1).is_some_and(|c| is_digit(*c)) {
        to += 1;
        while chars.get(to).is_some_and(member) {
            to += 1;
        }
    }
    let run = &chars[from..to];
    let members = run.iter().filter(|c| matches!(c, ':' | '：')).count() + 1;
    members >= 2 && (members >= 3 || run.contains(&'.'))
}

/// The numeral as a figure, or `None` when it is not one.
fn figure(chars: &[char], numeral: Numeral) -> Option<Found> {
    let (start, end) = (numeral.start, numeral.end);
    let prev = start.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let prev2 = start.checked_sub(2).and_then(|i| chars.get(i)).copied();
    let next = chars.get(end).copied();
    let after_next = chars.get(end + 1).copied();
    let digit_after_next = after_next.is_some_and(is_digit);

    // Joined to other numerals by dots, dashes, slashes or colons: dates, times, versions, phone
    // numbers, ranges of years. A ratio (三次产业结构为5.6:56.6:37.8) is figures.
    let ratio = in_colon_ratio(chars, start, end);
    if !ratio
        && matches!(
            next,
            Some('.' | '．' | '-' | '/' | ':' | '：' | '—' | '–' | '~' | '～')
        )
        && digit_after_next
    {
        return None;
    }
    if !ratio
        && matches!(
            prev,
            Some('.' | '-' | '/' | ':' | '：' | '—' | '–' | '~' | '～')
        )
        && prev2.is_some_and(|c| is_digit(c) || is_latin(c))
    {
        return None;
    }
    if matches!(prev, Some('_' | '@' | '#' | '=' | '/' | '\\')) {
        return None;
    }
    // Anniversaries, table and note references, session ordinals, ranks: 建党100周年, 见表1,
    // 六届二十四次全会, 前3位, top 500, chapter 11.
    if starts_with_at(chars, end, "周年") || starts_with_at(chars, end, "周岁") {
        return None;
    }
    if matches!(prev, Some('表' | '图' | '届' | '前' | '注')) {
        return None;
    }
    if numeral.chinese && matches!(prev, Some('这' | '那' | '该' | '此' | '每')) {
        return None;
    }
    let word_before: String = chars[start.saturating_sub(10)..start]
        .iter()
        .collect::<String>()
        .to_ascii_lowercase();
    const REFERENCES: &[&str] = &[
        "chapter ",
        "section ",
        "article ",
        "rule ",
        "page ",
        "room ",
        "no. ",
        "number ",
        "top ",
        "figure ",
        "table ",
        "part ",
        "annex ",
        "item ",
        "paragraph ",
        "step ",
        "level ",
    ];
    if REFERENCES.iter().any(|w| word_before.ends_with(w)) {
        return None;
    }
    const MONTHS: &[&str] = &[
        "january ",
        "february ",
        "march ",
        "april ",
        "may ",
        "june ",
        "july ",
        "august ",
        "september ",
        "october ",
        "november ",
        "december ",
    ];
    if MONTHS.iter().any(|w| word_before.ends_with(w)) {
        return None;
    }
    // Periods named by a count ("the last 10 years"): a span of time, not a figure reported.
    if ["last ", "past ", "next "]
        .iter()
        .any(|w| word_before.ends_with(w))
    {
        return None;
    }
    // A note number standing alone after a sentence ("…探讨。 1 公募", "Term. 14. The").
    if !numeral.chinese
        && prev == Some(' ')
        && ((prev2 == Some('。') && next == Some(' '))
            || (matches!(prev2, Some('。' | '.')) && matches!(next, Some('.' | '．'))))
    {
        return None;
    }
    // A number made an adjective (a 51-year history, a 3-day visit).
    if next == Some('-') && after_next.is_some_and(is_latin) {
        return None;
    }
    // Thresholds, not quantities: 5年以上, 不满16岁, 14岁以上.
    if ends_with_at(chars, start, "不满") || ends_with_at(chars, start, "满") && numeral.chinese
    {
        return None;
    }
    // Month ranges: 1至9月, 1-9月.
    if matches!(next, Some('至' | '到' | '-' | '—' | '~' | '～'))
        && chars.get(end + 1).is_some_and(|c| is_digit(*c))
        && chars[end + 1..].iter().find(|c| !is_digit(**c)) == Some(&'月')
    {
        return None;
    }
    // Ordinals and article numbers: 第一, 第十二条, 第3季度.
    if prev == Some('第') || (prev == Some(' ') && prev2 == Some('第')) {
        return None;
    }
    // Document numbers: 〔2021〕30号, [2017]5号.
    if matches!(prev, Some('〔' | '[' | '【' | '［'))
        || matches!(next, Some('〔' | ']' | '】' | '〕' | '］'))
    {
        return None;
    }
    // Headings: 一、 2. (三) （1）
    if matches!(prev, Some('(' | '（')) && matches!(next, Some(')' | '）')) {
        return None;
    }
    if starts_line(chars, start) && matches!(next, Some('、' | '.' | '．' | ')' | '）')) {
        return None;
    }
    if numeral.chinese && next == Some('、') {
        return None;
    }
    // Dates and times: 2017年, 2月, 13日, 8时30分.
    let integer: Option<u64> = if numeral.digits.contains('.') {
        None
    } else {
        numeral.digits.parse().ok()
    };
    let year_like = !numeral.chinese
        && numeral.digits.len() == 4
        && integer.is_some_and(|y| (1900..=2100).contains(&y));
    match next {
        Some('年') if year_like => return None,
        Some('月') if integer.is_some_and(|m| m <= 12) => return None,
        Some('日' | '号') if prev == Some('月') || next == Some('号') => return None,
        Some('时' | '点' | '分' | '秒')
            if digit_after_next || prev == Some('时') || prev == Some('点') =>
        {
            return None
        }
        _ => {}
    }
    if next == Some('号') {
        return None;
    }
    // English ordinals: 1st, 2nd, 23rd, 4th.
    if !numeral.chinese
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| starts_with_at(chars, end, s) && word_ends(chars, end + 2))
    {
        return None;
    }
    // Phone numbers.
    let before: String = chars[start.saturating_sub(12)..start]
        .iter()
        .collect::<String>()
        .to_ascii_lowercase();
    // A phone number is never a percentage ("900 calls (60%)").
    let percent_follows = matches!(next, Some('%' | '％'));
    if PHONE_WORDS.iter().any(|w| before.contains(w)) && !numeral.chinese && !percent_follows {
        return None;
    }

    // Runs of digit groups that are not thousands (0800 123 4567) and numbers with a leading
    // zero (0800, 021) are telephone or reference numbers, not quantities.
    let spaced_digits =
        |c: Option<char>, d: Option<char>| c == Some(' ') && d.is_some_and(is_digit);
    if !numeral.chinese && (spaced_digits(prev, prev2) || spaced_digits(next, after_next)) {
        return None;
    }
    if !numeral.chinese
        && numeral.digits.len() > 1
        && numeral.digits.starts_with('0')
        && !numeral.digits.starts_with("0.")
    {
        return None;
    }

    let (unit, unit_end, kind, approximate) = read_unit(chars, &numeral);
    if numeral.chinese {
        let measure_ok = match &unit {
            Some(u) if numeral.digits == "1" => ONE_MEASURES.iter().any(|m| u == m),
            Some(u) => kind.is_some() || CHINESE_MEASURES.iter().any(|m| u.starts_with(m)),
            None => false,
        };
        if !measure_ok {
            return None;
        }
        // 三次产业 (the tertiary sector) is a name.
        if unit.as_deref() == Some("次") && starts_with_at(chars, unit_end, "产业") {
            return None;
        }
        // 三个一批, 两个中心: a count of something named by another numeral.
        if chars
            .get(unit_end)
            .is_some_and(|c| numerals::is_chinese_numeral_char(*c) || is_digit(*c))
        {
            return None;
        }
    }
    // A bare year or a long digit string with no unit: a year, a phone or an identifier.
    if unit.is_none() && !numeral.grouped && integer.is_some() {
        if year_like {
            return None;
        }
        if numeral.digits.len() >= 7 {
            return None;
        }
    }
    // Thresholds after the unit: 5年以上, 16岁以下, 10万元以内.
    if ["以上", "以下", "以内", "及以上", "及以下"]
        .iter()
        .any(|w| starts_with_at(chars, unit_end, w))
        && unit
            .as_deref()
            .is_some_and(|u| ["年", "岁", "周岁", "万元", "元", "人", "天", "日"].contains(&u))
    {
        return None;
    }
    if unit.as_deref() == Some("岁") || starts_with_at(chars, unit_end, "岁") {
        return None;
    }
    // A day of the month without its month: 5日在政府工作报告中.
    if next == Some('日')
        && integer.is_some_and(|d| d <= 31)
        && matches!(
            chars.get(end + 1),
            Some('在' | '上' | '下' | '晚' | '起' | '，' | ',' | '召' | '举' | '发')
        )
    {
        return None;
    }
    // Hotlines such as 12345热线.
    if starts_with_at(chars, unit_end, "热线") || starts_with_at(chars, unit_end, "平台") {
        return None;
    }

    let negated = (negated_by_words(chars, start) || negated_by_noun_after(chars, start, unit_end))
        && !numeral.digits.chars().all(|c| c == '0' || c == '.');
    let explicit_minus = matches!(prev, Some('-' | '−' | '－'))
        && !prev2.is_some_and(|c| is_digit(c) || is_latin(c));
    let negative = negated || explicit_minus;
    let printed: String = chars[start..end].iter().collect();
    let mut value = numeral.value_text();
    if negative {
        value.insert(0, '-');
    }
    let approximate = approximate || approximate_before(chars, start);
    Some(Found {
        printed,
        value,
        unit,
        unit_end,
        percent: kind == Some(Kind::Percent),
        points: kind == Some(Kind::Points),
        approximate,
        negated: negative,
        label: String::new(),
        label_start: start,
        numeral,
    })
}

/// Reads scale, ratio or measure after the numeral: (unit, where it ends, ratio kind, approximate).
fn read_unit(chars: &[char], numeral: &Numeral) -> (Option<String>, usize, Option<Kind>, bool) {
    let mut at = numeral.end;
    let mut unit = String::new();
    let mut approximate = false;
    // One space may stand between a number and its unit ("3.5 million", "12 %").
    let spaced = chars.get(at) == Some(&' ');
    let look = if spaced { at + 1 } else { at };
    for (word, kind) in RATIOS {
        let english = word.starts_with(|c: char| c.is_ascii_alphabetic());
        if starts_with_at(chars, look, word)
            && (!english || word_ends(chars, look + word.chars().count()))
        {
            return (
                Some((*word).to_string()),
                look + word.chars().count(),
                Some(*kind),
                false,
            );
        }
    }
    // English scale words.
    for word in ENGLISH_SCALES {
        if spaced && starts_with_at(chars, look, word) && word_ends(chars, look + word.len()) {
            let end = look + word.len();
            return (Some((*word).to_string()), end, None, false);
        }
    }
    if !numeral.chinese && spaced {
        return (None, at, None, false);
    }
    // Approximate: 1000余件, 30多人.
    if matches!(chars.get(at), Some('余' | '多')) {
        approximate = true;
        at += 1;
    }
    // Chinese scale words, but not 千 of 千米, 千克, 千瓦.
    for scale in CHINESE_SCALES {
        if starts_with_at(chars, at, scale) {
            let after = at + scale.chars().count();
            if scale.ends_with('千')
                && matches!(chars.get(after), Some('米' | '克' | '瓦' | '伏' | '帕'))
            {
                break;
            }
            unit.push_str(scale);
            at = after;
            if matches!(chars.get(at), Some('余' | '多')) {
                approximate = true;
                at += 1;
            }
            break;
        }
    }
    for word in RATIOS.iter().filter(|(w, _)| !w.is_ascii()) {
        if starts_with_at(chars, at, word.0) {
            unit.push_str(word.0);
            return (
                Some(unit),
                at + word.0.chars().count(),
                Some(word.1),
                approximate,
            );
        }
    }
    if let Some(measure) = MEASURES.iter().find(|m| starts_with_at(chars, at, m)) {
        unit.push_str(measure);
        at += measure.chars().count();
    }
    if unit.is_empty() {
        (None, numeral.end, None, approximate)
    } else {
        (Some(unit), at, None, approximate)
    }
}

/// Whether words just before `start` make the figure negative (下降2.99%, decreased by 3%).
fn negated_by_words(chars: &[char], start: usize) -> bool {
    let mut end = start;
    // Skip a space and small words between the sign word and the figure.
    while end > 0 && matches!(chars[end - 1], ' ' | '了' | '为' | '达' | '约') {
        end -= 1;
    }
    if NEGATIVE_WORDS.iter().any(|w| ends_with_at(chars, end, w)) {
        // 减少 is a sign; 至少, 多少, 不少 are not.
        return !["至少", "多少", "不少", "减少到", "降至", "降到"]
            .iter()
            .any(|w| ends_with_at(chars, end, w));
    }
    // An English sign word must be a whole word ("countdown 3" is not "down 3").
    NEGATIVE_ENGLISH.iter().any(|w| {
        ends_with_at(chars, end, w)
            && (end - w.len())
                .checked_sub(1)
                .is_none_or(|i| !chars.get(i).is_some_and(|c| is_latin(*c)))
    })
}

/// "a 13% fall", "a 2.5 per cent decrease": the noun after the figure gives its sign.
fn negated_by_noun_after(chars: &[char], start: usize, unit_end: usize) -> bool {
    let article = ends_with_at(chars, start, "a ") || ends_with_at(chars, start, "an ");
    article
        && [" fall", " decrease", " decline", " drop", " reduction"]
            .iter()
            .any(|w| starts_with_at(chars, unit_end, w))
}

fn approximate_before(chars: &[char], start: usize) -> bool {
    [
        "约",
        "近",
        "逾",
        "超过",
        "大约",
        "about ",
        "around ",
        "nearly ",
        "more than ",
        "over ",
        "almost ",
    ]
    .iter()
    .any(|w| ends_with_at(chars, start, w))
}

fn is_latin_word_after(chars: &[char], at: usize) -> bool {
    chars.get(at) == Some(&' ') && chars.get(at + 1).is_some_and(|c| is_latin(*c))
}

/// English names a figure after it ("830 complaints were resolved") more often than before it:
/// the words after, up to four, unless they are only small words; else the words before.
fn english_label(chars: &[char], from: usize, start: usize, unit_end: usize) -> String {
    const SMALL: &[&str] = &[
        "with", "as", "than", "then", "in", "of", "to", "from", "and", "or", "the", "a", "on",
        "at", "by", "for", "was", "were", "is", "are",
    ];
    let mut end = unit_end;
    while end < chars.len()
        && end < unit_end + 48
        && !ends_label(chars[end])
        && !is_digit(chars[end])
        && chars[end] != '.'
    {
        end += 1;
    }
    let after: String = chars[unit_end..end].iter().collect();
    let after_words: Vec<&str> = after
        .split_whitespace()
        .take_while(|w| !["and", "or", "but", "from", "to"].contains(w))
        .take(4)
        .collect();
    let before: String = chars[from..start].iter().collect();
    let before_words: Vec<&str> = before.split_whitespace().collect();
    // A word cut by the window's edge is dropped.
    let cut = from > 0 && !ends_label(chars[from - 1]) && !chars[from - 1].is_whitespace();
    let before_words = if cut {
        before_words.get(1..).unwrap_or(&[])
    } else {
        &before_words[..]
    };
    let content = |words: &[&str]| {
        words
            .iter()
            .any(|w| !SMALL.contains(&w.to_ascii_lowercase().as_str()))
    };
    if content(&after_words)
        && !before_words
            .last()
            .is_some_and(|w| ["rate", "share"].contains(&w.to_ascii_lowercase().as_str()))
    {
        join_words(&after_words)
    } else {
        let from_word = before_words.len().saturating_sub(6);
        join_words(&before_words[from_word..])
    }
}

/// Labels every figure with the words before it, back to punctuation or the previous figure.
fn label_all(chars: &[char], found: &mut [Found]) {
    let mut previous_end = 0;
    for f in found.iter_mut() {
        let start = f.numeral.start;
        let mut from = start;
        let limit = previous_end.max(start.saturating_sub(24));
        // Back to punctuation, or to a number (a year, a skipped reference number).
        while from > limit && !ends_label(chars[from - 1]) && !is_digit(chars[from - 1]) {
            from -= 1;
        }
        while from < start && matches!(chars[from], '年' | '月' | '日' | '度' | '号' | ' ') {
            from += 1;
        }
        // A table cell without words before it: the row's previous cell names it.
        if from == start && from > 0 && chars[from - 1] == '\t' {
            let mut cell = from - 1;
            while cell > limit && !matches!(chars[cell - 1], '\t' | '\n') {
                cell -= 1;
            }
            from = cell;
        }
        let mut words: String = chars[from..start].iter().collect();
        let english = words.chars().any(|c| c.is_ascii_alphabetic());
        loop {
            // Blanks, dashes and the bars of a text table ("粮食 | 143972").
            let trimmed =
                words.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '−' | '|'));
            let mut changed = trimmed.len() != words.len();
            let mut next = trimmed.to_string();
            if let Some(tail) = LABEL_TAIL
                .iter()
                .find(|t| next.ends_with(*t) && next.len() > t.len())
            {
                next.truncate(next.len() - tail.len());
                changed = true;
            }
            if let Some(head) = LABEL_HEAD
                .iter()
                .find(|h| next.starts_with(*h) && next.len() > h.len())
            {
                next = next[head.len()..].to_string();
                changed = true;
            }
            words = next;
            if !changed {
                break;
            }
        }
        if english || (words.is_empty() && is_latin_word_after(chars, f.unit_end)) {
            words = english_label(chars, from, start, f.unit_end);
        }
        // 共有156人顺利通过考试: nothing names the figure before it, the words after do.
        if !english && words.chars().count() <= 1 {
            let mut end = f.unit_end;
            while end < chars.len()
                && end < f.unit_end + 16
                && !ends_label(chars[end])
                && !is_digit(chars[end])
            {
                end += 1;
            }
            let after: String = chars[f.unit_end..end].iter().collect();
            if !after.trim().is_empty() && !after.is_ascii() {
                words = after.trim().to_string();
            }
        }
        f.label_start = from;
        f.label = words;
        previous_end = f.unit_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(String, Option<String>)> {
        let chars: Vec<char> = text.chars().collect();
        find(&chars)
            .into_iter()
            .map(|f| (f.value, f.unit))
            .collect()
    }

    fn values(text: &str) -> Vec<String> {
        figures(text).into_iter().map(|(v, _)| v).collect()
    }

    #[test]
    fn counts_rates_and_scales_are_figures_with_units() {
        assert_eq!(
            figures("申请142件,成功率为95.5%,共1.2万人,投入3.5亿元"),
            vec![
                ("142".into(), Some("件".into())),
                ("95.5".into(), Some("%".into())),
                ("1.2".into(), Some("万人".into())),
                ("3.5".into(), Some("亿元".into())),
            ]
        );
        assert_eq!(
            figures("revenue of 3.5 million and 12 percent"),
            vec![
                ("3.5".into(), Some("million".into())),
                ("12".into(), Some("percent".into())),
            ]
        );
        assert_eq!(
            figures("提高2.1个百分点"),
            vec![("2.1".into(), Some("个百分点".into()))]
        );
    }

    #[test]
    fn sign_words_make_a_figure_negative() {
        assert_eq!(values("同比下降2.99%"), vec!["-2.99"]);
        assert_eq!(values("同比减少了12件"), vec!["-12"]);
        assert_eq!(values("同比上升1.05%"), vec!["1.05"]);
        assert_eq!(values("down 4.5% on last year"), vec!["-4.5"]);
        assert_eq!(values("up 4.5%"), vec!["4.5"]);
        assert_eq!(values("至少12件"), vec!["12"]);
    }

    #[test]
    fn chinese_numerals_need_a_measure_word() {
        assert_eq!(values("收到两件,培训一百二十人"), vec!["2", "120"]);
        assert_eq!(values("三千零五份"), vec!["3005"]);
        assert!(values("十九大精神,十八届三中全会,一纵四横").is_empty());
        assert!(values("“三个一批”改革,一个窗口").is_empty());
    }

    #[test]
    fn years_dates_times_and_numbers_that_name_things_are_not_figures() {
        assert!(values("2017年,2018.02.13,2018-02-13,10月17日,8时30分,10:30").is_empty());
        assert!(values("第十二条,第3季度,第一").is_empty());
        assert!(values("一、基本情况\n(三)加强\n2.构建\n（1）推进").is_empty());
        assert!(values("沪府发〔2021〕30号,46号令").is_empty());
        assert!(values("电话:021-59732000,热线12345").is_empty());
        assert!(values("《法治政府建设实施纲要(2015-2020年)》").is_empty());
        assert!(values("the 3rd meeting in 2017, G20, H7N9").is_empty());
        assert!(values("联系电话 59732000").is_empty());
    }

    #[test]
    fn labels_are_the_words_before_the_figure() {
        let chars: Vec<char> = "共收到行政复议申请142件,其中受理79件,调解成功率为95.5%"
            .chars()
            .collect();
        let labels: Vec<String> = find(&chars).into_iter().map(|f| f.label).collect();
        assert_eq!(labels, vec!["收到行政复议申请", "受理", "调解成功率"]);
    }
}
