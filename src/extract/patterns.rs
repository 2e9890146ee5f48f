//! Relations the wording states between figures: totals and their breakdowns (共…其中…,
//! 分别为, "of which", "including", a parenthesised breakdown), rates and shares (占…%, …率为…%,
//! "x% of"), changes (同比增长 x% with 上年同期 N; "up x% from N") and parts that cannot exceed
//! their whole (…中,审结 N; 调解成功 N).
//!
//! Each pattern proposes candidates and says whether its wording is unambiguous; the caller decides
//! the confidence from the wording and the arithmetic.

use super::figures::Found;
use super::{RelationKind, Role};
use crate::strmap::StrMap;
use crate::units;

/// How many figures a pattern looks at around one figure: bounds the work on any text (a
/// sentence of ten thousand figures included) so that extraction stays linear.
const REACH: usize = 48;

/// A relation proposed by a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub kind: RelationKind,
    pub roles: Vec<(Role, usize)>,
    /// The wording states the relation without doubt (其中, 分别为, 上年同期, 占).
    pub wording_sure: bool,
}

/// Where each character stands: which sentence, which `;` clause, how deep in parentheses.
struct Places {
    sentence: Vec<u32>,
    clause: Vec<u32>,
    depth: Vec<u16>,
}

fn places(chars: &[char]) -> Places {
    let mut sentence = Vec::with_capacity(chars.len() + 1);
    let mut clause = Vec::with_capacity(chars.len() + 1);
    let mut depth = Vec::with_capacity(chars.len() + 1);
    let (mut s, mut c, mut d) = (0u32, 0u32, 0u16);
    for (i, &ch) in chars.iter().enumerate() {
        sentence.push(s);
        clause.push(c);
        depth.push(d);
        match ch {
            '。' | '！' | '？' | '!' | '?' | '\n' => {
                s += 1;
                c += 1;
                d = 0;
            }
            // An English full stop ends a sentence; a decimal point does not.
            '.' if chars.get(i + 1).is_none_or(|n| n.is_whitespace()) => {
                s += 1;
                c += 1;
                d = 0;
            }
            '；' | ';' => c += 1,
            '(' | '（' => d = d.saturating_add(1),
            ')' | '）' => d = d.saturating_sub(1),
            _ => {}
        }
    }
    sentence.push(s + 1);
    clause.push(c + 1);
    depth.push(0);
    Places {
        sentence,
        clause,
        depth,
    }
}

struct Context<'a> {
    chars: &'a [char],
    figures: &'a [Found],
    places: Places,
    /// The figure is an earlier period's value (上年同期 N, "from N").
    earlier: Vec<bool>,
    /// The figure states a change (同比增长 x%, "up x%").
    change: Vec<bool>,
}

impl Context<'_> {
    fn sentence_of(&self, i: usize) -> u32 {
        self.places.sentence[self.figures[i].numeral.start]
    }
    fn depth_of(&self, i: usize) -> u16 {
        self.places.depth[self.figures[i].numeral.start]
    }
    fn clause_of(&self, i: usize) -> u32 {
        self.places.clause[self.figures[i].numeral.start]
    }
    fn is_ratio(&self, i: usize) -> bool {
        let f = &self.figures[i];
        f.percent || f.points
    }
    /// A count that can be a total: not a ratio, an earlier period's value or a change.
    fn can_be_total(&self, i: usize) -> bool {
        !self.is_ratio(i) && !self.earlier[i] && !self.change[i]
    }
    /// Two counts that may be added: neither a ratio, and units of one kind (件 with 件, 人 with 名).
    fn addable(&self, a: usize, b: usize) -> bool {
        let (fa, fb) = (&self.figures[a], &self.figures[b]);
        if self.is_ratio(a) || self.is_ratio(b) {
            return false;
        }
        match (&fa.unit, &fb.unit) {
            (None, None) => true,
            (Some(ua), Some(ub)) => {
                let (ua, ub) = (units::parse_unit(ua), units::parse_unit(ub));
                !ua.dimension.conflicts(&ub.dimension)
            }
            _ => false,
        }
    }
    /// The text between two character offsets.
    fn text(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to.min(self.chars.len()))
            .map_or_else(String::new, |s| s.iter().collect())
    }
    /// The clause of words around figure `i`: back to the label's start, on to the next comma.
    fn clause_text(&self, i: usize) -> String {
        let f = &self.figures[i];
        let mut end = f.unit_end;
        while end < self.chars.len() && end < f.unit_end + 24 {
            if matches!(
                self.chars[end],
                '，' | ',' | '。' | '；' | ';' | '（' | '(' | '）' | ')' | '\n'
            ) {
                break;
            }
            end += 1;
        }
        self.text(f.label_start, end)
    }
    /// The few characters just before figure `i`, back to punctuation, lowercased.
    fn lead(&self, i: usize) -> String {
        self.text(self.figures[i].label_start, self.figures[i].numeral.start)
            .to_ascii_lowercase()
    }
    /// The few characters just after figure `i`'s unit, lowercased.
    fn tail(&self, i: usize, length: usize) -> String {
        let end = self.figures[i].unit_end;
        self.text(end, end + length).to_ascii_lowercase()
    }
    /// The `length` characters before figure `i`, lowercased, across punctuation and figures
    /// ("up 12% on 1,200": the change word stands before the previous figure).
    fn before(&self, i: usize, length: usize) -> String {
        let start = self.figures[i].numeral.start;
        self.text(start.saturating_sub(length), start)
            .to_ascii_lowercase()
    }
    /// Up to `length` characters after figure `i`'s unit, stopping at the next figure: words
    /// after a later figure do not describe this one ("fell to 400 from 460 the year before").
    fn tail_to_next(&self, i: usize, length: usize) -> String {
        let end = self.figures[i].unit_end;
        let next = self
            .figures
            .get(i + 1)
            .map_or(usize::MAX, |f| f.numeral.start);
        self.text(end, (end + length).min(next).max(end))
            .to_ascii_lowercase()
    }
    /// An earlier period's value: 上年同期10763件, 去年为…, "from 790", "4,125 last year".
    fn is_earlier(&self, i: usize) -> bool {
        let lead = self.lead(i);
        // "compared with £48m": the currency sign stands between the words and the numeral.
        let trimmed = lead.trim_end_matches([
            ' ', '为', '是', '的', ':', '：', '有', '达', '£', '$', '€', '¥', '￥',
        ]);
        let trimmed = trimmed.strip_suffix(" the").unwrap_or(trimmed);
        if CHANGE_VERBS.iter().any(|w| trimmed.ends_with(w)) {
            return false;
        }
        EARLIER_WORDS
            .iter()
            .any(|w| trimmed.ends_with(w.trim_end()))
            || {
                // The words of this clause before it, which may be longer than the label.
                let before = self.before(i, 40);
                let clause = before
                    .rfind(|c: char| is_clause_end(c) || c.is_ascii_digit())
                    .map_or(before.as_str(), |at| &before[at..]);
                ["last year's", "previous year's", "prior year's"]
                    .iter()
                    .any(|w| clause.contains(w))
            }
            || lead.contains("上年同期")
            || lead.contains("去年同期")
            || ((trimmed == "on" || trimmed.ends_with(" on"))
                && ENGLISH_CHANGE
                    .iter()
                    .any(|w| self.before(i, 28).contains(w.trim_end())))
            || EARLIER_TAILS.iter().any(|w| {
                // Within its own clause: "1,080, compared with last year's 1,000" makes 1,000
                // the earlier one, not 1,080.
                let tail = self.tail_to_next(i, 28);
                first_clause(&tail).contains(w)
            })
            || self.after_year_in_parentheses(i)
    }
    /// "(2019: £48.2m)": a figure of the year named before it in parentheses, beside this year's.
    fn after_year_in_parentheses(&self, i: usize) -> bool {
        let start = self.figures[i].numeral.start;
        let before: Vec<char> = self.chars[start.saturating_sub(20)..start].to_vec();
        let Some(open) = before.iter().rposition(|c| matches!(c, '(' | '（')) else {
            return false;
        };
        let inside: String = before[open + 1..].iter().collect();
        let inside = inside.trim_end_matches(is_blank_or_money);
        let Some(year) = inside.strip_suffix([':', '：']) else {
            return false;
        };
        let year = year.trim().trim_end_matches('年').to_ascii_lowercase();
        // "(2019: £43m)", "(2019/20: 1,132)", "(2019-2020: …)", "(last year: …)", "(上年: …)".
        let is_year = |y: &str| {
            y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && matches!(&y[..2], "19" | "20")
        };
        let mut pieces = year.split(['/', '-', '–']);
        let first = pieces.next().unwrap_or("");
        let rest: Vec<&str> = pieces.collect();
        (is_year(first)
            && rest.len() <= 1
            && rest
                .iter()
                .all(|r| matches!(r.len(), 2 | 4) && r.bytes().all(|b| b.is_ascii_digit())))
            || matches!(
                year.as_str(),
                "last year" | "previous year" | "prior year" | "上年" | "上年同期" | "去年"
            )
    }
    /// A change: 同比上升1.05%, 比上年增加20件, "up 5%", "a 1.1 percent increase".
    fn is_change(&self, i: usize) -> bool {
        let f = &self.figures[i];
        // "an increase of 60 (15%)": the rate of a change printed beside it is a change too.
        if f.percent && i > 0 && !self.is_ratio(i - 1) {
            let between = self.text(self.figures[i - 1].unit_end, f.numeral.start);
            if between.trim() == "(" && self.is_change(i - 1) {
                return true;
            }
        }
        let lead = self.lead(i);
        let clause = self.text(f.label_start.saturating_sub(8), f.numeral.start);
        let tail = self.tail(i, 12);
        // "fell to £44.2m", "降至": the new level, not the change.
        let level = lead.trim_end_matches(is_blank_or_money);
        if level.ends_with(" to")
            || level.ends_with("降至")
            || level.ends_with("增至")
            || level.ends_with("到")
        {
            return false;
        }
        (CHANGE_VERBS.iter().any(|w| lead.contains(w))
            && COMPARE_WORDS.iter().any(|w| clause.contains(w)))
            || ENGLISH_CHANGE.iter().any(|w| match *w {
                // "up 5%", "down by 3": the word just before the figure ("made up of 200"
                // is not a change).
                "up " | "down " => {
                    let words = lead.trim_end_matches(is_blank_or_money);
                    let words = words.strip_suffix(" by").unwrap_or(words);
                    words
                        .strip_suffix(w.trim_end())
                        .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
                }
                _ => lead.contains(w),
            })
            || ((f.percent || f.points)
                && [
                    " increase",
                    " decrease",
                    " rise",
                    " drop",
                    " decline",
                    " fall",
                    " growth",
                    " reduction",
                ]
                .iter()
                .any(|w| tail.starts_with(w)))
    }
    /// Figures of the same sentence, in order (figures are in text order, so a sentence's
    /// figures are one run).
    fn same_sentence(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let s = self.sentence_of(i);
        let mut first = i;
        while first > 0 && self.sentence_of(first - 1) == s {
            first -= 1;
        }
        (first..self.figures.len()).take_while(move |&j| self.sentence_of(j) == s)
    }
}

const EARLIER_WORDS: &[&str] = &[
    "上年同期",
    "去年同期",
    "上年度",
    "上一年",
    "上年",
    "去年",
    "同期",
    "上年末",
    "from",
    "compared with",
    "compared to",
    "against",
];
/// Words after an earlier value ("4,125 received last year").
const EARLIER_TAILS: &[&str] = &[
    "last year",
    "the previous year",
    "the year before",
    "a year earlier",
    "a year ago",
];
const COMPARE_WORDS: &[&str] = &[
    "同比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "上年同期",
    "比上一年",
    "较上一年",
    "环比",
    "比2",
    "较2",
    "与上年相比",
    "year on year",
    "year-on-year",
];
const CHANGE_VERBS: &[&str] = &[
    "增长", "上升", "增加", "下降", "减少", "回落", "提高", "降低", "下滑", "上涨", "下跌", "增幅",
    "降幅", "增", "减", "降", "升",
];
const ENGLISH_CHANGE: &[&str] = &[
    "up ",
    "down ",
    "increase",
    "decrease",
    "rose",
    "fell",
    "grew",
    "declined",
    "dropped",
    "rise of",
    "fall of",
    "reduction",
    "growth of",
    "higher",
    "lower",
];
const BREAKDOWN_WORDS: &[&str] = &[
    "其中",
    "of which",
    "of whom",
    "including",
    "among them",
    // "Of these, 120 were granted": opening the next sentence, as 其中 may.
    "of these,",
    "of them,",
    "包括",
    "of those,",
    "comprising",
    "comprised of",
    "consisting of",
    "made up of",
];
const SEVERALLY_WORDS: &[&str] = &["分别为", "分别是", "分别有", "分别"];
const TOTAL_WORDS: &[&str] = &[
    "共",
    "合计",
    "总计",
    "累计",
    "总数",
    "总量",
    "total",
    "in all",
    "altogether",
];
const SHARE_WORDS: &[&str] = &[
    "占",
    "accounting for",
    "accounted for",
    "representing",
    "share of",
];
const RATE_WORDS: &[&str] = &[
    "率",
    "比例",
    "比重",
    "占比",
    // 结收比为92.3%: a ratio of two counts.
    "比为",
    "结收比",
    "rate",
    "ratio",
    "proportion",
    "share",
];
const SUBSET_VERBS: &[&str] = &[
    "结案",
    "审结",
    "办结",
    "通过",
    "成功",
    "合格",
    "已完成",
    "resolved",
    "concluded",
    "passed",
    "settled",
];

/// A blank or a currency sign: what stands between words and a numeral ("compared with £48m").
/// One function, not a closure at each place, so that the trimming is compiled once.
fn is_blank_or_money(c: char) -> bool {
    c == ' ' || "£$€¥￥".contains(c)
}

/// What ends a clause inside a sentence.
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '，' | '；' | '(' | '（' | ')' | '）' | '.' | ':'
    )
}

/// The words of `s` up to the end of its first clause.
fn first_clause(s: &str) -> &str {
    s.find(is_clause_end).map_or(s, |end| &s[..end])
}

/// Every relation the wording of the text proposes, in the order of their first figure.
pub fn find(
    chars: &[char],
    figures: &[Found],
    holds: &dyn Fn(&Candidate) -> bool,
) -> Vec<Candidate> {
    let mut context = Context {
        chars,
        figures,
        places: places(chars),
        earlier: Vec::new(),
        change: Vec::new(),
    };
    context.earlier = (0..figures.len()).map(|i| context.is_earlier(i)).collect();
    context.change = (0..figures.len()).map(|i| context.is_change(i)).collect();
    let mut found = Vec::new();
    breakdowns(&context, holds, &mut found);
    severally(&context, holds, &mut found);
    parenthesised(&context, holds, &mut found);
    changes(&context, holds, &mut found);
    shares(&context, holds, &mut found);
    colon_shares(&context, holds, &mut found);
    implicit_lists(&context, holds, &mut found);
    marked_rows(&context, holds, &mut found);
    within(&context, holds, &mut found);
    out_of(&context, holds, &mut found);
    totals_after_parts(&context, holds, &mut found);
    bracketed_shares(&context, holds, &mut found);
    table_totals(&context, holds, &mut found);
    section_totals(&context, holds, &mut found);
    indented_lists(&context, holds, &mut found);
    comparatives(&context, holds, &mut found);
    // One relation per set of figures and kind: the first pattern that found it wins. (The
    // crate's small string map keeps the module smaller than a `BTreeSet` would.)
    let keys: Vec<String> = found
        .iter()
        .map(|candidate| {
            let mut figures: Vec<usize> = candidate.roles.iter().map(|(_, i)| *i).collect();
            sort_by_key(&mut figures, |i| *i);
            let mut key = String::from(match candidate.kind {
                RelationKind::Total => "t",
                RelationKind::Share => "s",
                RelationKind::Change => "c",
                RelationKind::NotExceeding => "n",
            });
            for i in figures {
                key.push(' ');
                key.push_str(&i.to_string());
            }
            key
        })
        .collect();
    let mut seen = StrMap::with_capacity(keys.len());
    // In the order of their first figure, ties in the order found: bucketed by first figure,
    // which is linear and needs no sort.
    let mut by_first: Vec<Vec<Candidate>> = (0..figures.len()).map(|_| Vec::new()).collect();
    for (n, (candidate, key)) in found.into_iter().zip(&keys).enumerate() {
        if seen.insert_first(key, n).is_none() {
            let first = candidate.roles.iter().map(|(_, i)| *i).min().unwrap_or(0);
            if let Some(bucket) = by_first.get_mut(first) {
                bucket.push(candidate);
            }
        }
    }
    by_first.into_iter().flatten().collect()
}

/// A relation its words imply but do not state: sure only when its arithmetic holds.
fn sure_when_it_holds(candidate: Candidate, holds: &dyn Fn(&Candidate) -> bool) -> Candidate {
    let wording_sure = holds(&candidate);
    Candidate {
        wording_sure,
        ..candidate
    }
}

fn total(whole: usize, parts: &[usize], wording_sure: bool) -> Candidate {
    let mut roles = vec![(Role::Whole, whole)];
    roles.extend(parts.iter().map(|&p| (Role::Part, p)));
    Candidate {
        kind: RelationKind::Total,
        roles,
        wording_sure,
    }
}

fn share_of(share: usize, part: usize, whole: usize, wording_sure: bool) -> Candidate {
    Candidate {
        kind: RelationKind::Share,
        roles: vec![
            (Role::Share, share),
            (Role::Part, part),
            (Role::Whole, whole),
        ],
        wording_sure,
    }
}

fn not_exceeding(part: usize, whole: usize, wording_sure: bool) -> Candidate {
    Candidate {
        kind: RelationKind::NotExceeding,
        roles: vec![(Role::Part, part), (Role::Whole, whole)],
        wording_sure,
    }
}

/// Every occurrence of any of `words` (lowercase) in the text, as character offsets.
fn occurrences(chars: &[char], words: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let hit = words.iter().find(|w| {
            let mut j = i;
            w.chars().all(|wc| {
                let ok = chars.get(j).is_some_and(|c| c.to_ascii_lowercase() == wc);
                j += 1;
                ok
            })
        });
        match hit {
            Some(w) => {
                let n = w.chars().count();
                out.push((i, i + n));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The parts listed after a marker at `at`: figures of the same sentence and depth that may be
/// added to the whole, up to the sentence's end; and the first such figure of each `;` clause.
fn listed_parts(
    context: &Context,
    whole: usize,
    at: usize,
    until: usize,
) -> (Vec<usize>, Vec<usize>) {
    let sentence = context.places.sentence[at];
    let depth = context.places.depth[at];
    let mut all = Vec::new();
    let mut first_of_clause = Vec::new();
    let mut last_clause = None;
    // Figures are in text order: start at the first after `at` (bisection keeps a text of many
    // markers linear).
    let first = context.figures.partition_point(|f| f.numeral.start < at);
    for j in first..context.figures.len() {
        let f = &context.figures[j];
        if f.numeral.start >= until {
            break;
        }
        if context.sentence_of(j) != sentence || all.len() >= REACH {
            break;
        }
        if context.depth_of(j) != depth || context.earlier[j] || context.change[j] {
            continue;
        }
        if !context.addable(whole, j) {
            continue;
        }
        all.push(j);
        let clause = context.clause_of(j);
        if last_clause != Some(clause) {
            first_of_clause.push(j);
            last_clause = Some(clause);
        }
    }
    (all, first_of_clause)
}

/// The last figure before `at` in the same sentence and depth that is a count, not an earlier
/// value nor a change.
fn whole_before(context: &Context, at: usize) -> Option<usize> {
    let sentence = context.places.sentence[at];
    let depth = context.places.depth[at];
    // Figures are in text order: the ones ending before `at` are a prefix, found by bisection,
    // and only the nearest few are looked at, so that a text of many markers stays linear.
    let before = context.figures.partition_point(|f| f.unit_end <= at);
    (0..before)
        .rev()
        .take_while(|&j| context.sentence_of(j) == sentence)
        .take(REACH)
        .find(|&j| {
            context.depth_of(j) == depth
                && !context.is_ratio(j)
                && !context.earlier[j]
                && !context.change[j]
        })
}

/// 共…N件,其中A a件,B b件 / "N cases, of which …" / "including".
fn breakdowns(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    // The lists are in text order: merged, not sorted (there may be very many).
    let words = occurrences(context.chars, BREAKDOWN_WORDS);
    let of_the = of_the_markers(context);
    let subset_markers: Vec<usize> = of_the.iter().map(|(at, _)| *at).collect();
    let categories = merged(
        by_category_markers(context.chars),
        merged(of_the, total_colon_markers(context)),
    );
    let markers = merged(words, categories);
    for (n, &(at, after)) in markers.iter().enumerate() {
        let next_marker = markers.get(n + 1).map_or(context.chars.len(), |(s, _)| *s);
        // "Of the 320 …," / 在这85家…中,: the counts after it are each some of the whole; they
        // are all of it only when they add up.
        if subset_markers.binary_search(&at).is_ok() {
            if let Some(whole) = whole_before(context, at) {
                let (all, by_clause) = listed_parts(context, whole, after, next_marker);
                subsets(whole, &all, &by_clause, holds, found);
            }
            continue;
        }
        // "320 applications, 120 of which were granted": the figure before "of which" is the
        // part, of the count before it.
        if let Some(part) = part_before_of_which(context, at) {
            if let Some(whole) = whole_before(context, context.figures[part].numeral.start) {
                if context.addable(part, whole) {
                    found.push(not_exceeding(part, whole, true));
                }
            }
            continue;
        }
        match whole_before(context, at) {
            Some(whole) => {
                let (all, by_clause) = listed_parts(context, whole, after, next_marker);
                breakdown(context, whole, &all, &by_clause, holds, found);
            }
            // 其中 opening a sentence refers to a total of the sentence before.
            None if opens_sentence(context, at) => {
                let wholes =
                    counts_of_sentence(context, context.places.sentence[at].wrapping_sub(1));
                let Some(&first) = wholes.first() else {
                    continue;
                };
                let (all, by_clause) = listed_parts(context, first, after, next_marker);
                let holding = wholes
                    .iter()
                    .copied()
                    .find(|&w| all.len() >= 2 && holds(&total(w, &all, true)));
                let whole = holding.unwrap_or(first);
                breakdown(context, whole, &all, &by_clause, holds, found);
            }
            None => {}
        }
    }
}

/// The count just before "of which" / "of whom" ("120 of which"), when only a few words stand
/// between them ("120 applications of which" is a part too; "£120m, of which" is a whole).
fn part_before_of_which(context: &Context, at: usize) -> Option<usize> {
    let word = context.text(at, at + 8).to_ascii_lowercase();
    if !(word.starts_with("of which") || word.starts_with("of whom")) {
        return None;
    }
    let i = whole_before(context, at)?;
    let between = context.text(context.figures[i].unit_end, at);
    let words_only = between.chars().all(|c| c.is_ascii_alphabetic() || c == ' ');
    (words_only && between.split_whitespace().count() <= 2 && between.ends_with(' ')).then_some(i)
}

/// Two lists of markers in text order, merged in text order (linear: there may be very many).
fn merged(a: Vec<(usize, usize)>, b: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0 <= y.0 => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(marker) => out.push(marker),
            None => return out,
        }
    }
}

/// "Of the 320 applications received, 144 were granted …": a clause opening with "of (the) N"
/// names the whole that the rest of the sentence breaks down, as "of which" does. The marker
/// stands at the comma that closes the clause.
fn of_the_markers(context: &Context) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, f) in context.figures.iter().enumerate() {
        if context.is_ratio(i) {
            continue;
        }
        let lead = context.lead(i);
        let words = lead.trim_start();
        let words = words.trim_end_matches(is_blank_or_money);
        // 在这85家公募基金会中, / 在受理的79件案件中,
        if words.starts_with('在') && !words.contains(['中', '，', ',']) {
            let end = (f.unit_end..context.chars.len().min(f.unit_end + 16)).find(|&k| {
                matches!(context.chars[k], '，' | ',' | '。' | '；' | ';' | '\n')
                    || is_digit_or_punctuation(context.chars[k])
            });
            if let Some(comma) = end.filter(|&k| {
                matches!(context.chars[k], '，' | ',') && context.chars.get(k - 1) == Some(&'中')
            }) {
                out.push((comma, comma + 1));
            }
            continue;
        }
        if !matches!(words, "of" | "of the" | "of all" | "of all the" | "out of")
            || f.unit.as_deref().is_some_and(|u| !u.is_ascii())
        {
            continue;
        }
        // "Of" opens its sentence or a `;` clause: "the rise of 5 …" is no such clause.
        let opens = context.figures[i].label_start == 0
            || context
                .chars
                .get(..f.label_start)
                .and_then(|before| before.iter().rev().find(|c| **c != ' '))
                .is_none_or(|c| matches!(c, '.' | ';' | ':' | '\n' | '•'));
        if !opens {
            continue;
        }
        // The clause runs to its comma, with no other figure in it.
        let end = (f.unit_end..context.chars.len().min(f.unit_end + 80))
            .find(|&k| matches!(context.chars[k], ',' | '，' | '.' | ';' | '\n'));
        let Some(comma) = end.filter(|&k| matches!(context.chars[k], ',' | '，')) else {
            continue;
        };
        let next_figure = context
            .figures
            .get(i + 1)
            .map_or(usize::MAX, |n| n.numeral.start);
        if next_figure > comma {
            out.push((comma, comma + 1));
        }
    }
    out
}

/// "A total of 96 grants were made: 40 to schools, …" / 共受理142件：…: a whole named as a total,
/// then a colon that opens its list.
fn total_colon_markers(context: &Context) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (at, c) in context.chars.iter().enumerate() {
        if !matches!(c, ':' | '：') {
            continue;
        }
        let Some(whole) = whole_before(context, at) else {
            continue;
        };
        // Only words between the whole and the colon ("… grants were made:").
        let between = context.text(context.figures[whole].unit_end, at);
        let lead = context.lead(whole);
        if between.chars().count() <= 40
            && !between
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, ',' | '，'))
            && (TOTAL_WORDS.iter().any(|w| lead.contains(w))
                || between.to_ascii_lowercase().contains("as follows"))
        {
            out.push((at, at + 1));
        }
    }
    out
}

/// Counts each stated to be some of a whole ("Of the 320 …, 144 were granted, 100 refused"):
/// a total when they add up, else each a part not exceeding it.
fn subsets(
    whole: usize,
    all: &[usize],
    by_clause: &[usize],
    holds: &dyn Fn(&Candidate) -> bool,
    found: &mut Vec<Candidate>,
) {
    if all.len() >= 2 && holds(&total(whole, all, true)) {
        found.push(total(whole, all, true));
    } else if by_clause.len() >= 2 && holds(&total(whole, by_clause, true)) {
        found.push(total(whole, by_clause, true));
    } else {
        found.extend(all.iter().map(|&p| not_exceeding(p, whole, true)));
    }
}

/// The relation between a whole and the parts listed after its marker.
fn breakdown(
    context: &Context,
    whole: usize,
    all: &[usize],
    by_clause: &[usize],
    holds: &dyn Fn(&Candidate) -> bool,
    found: &mut Vec<Candidate>,
) {
    // A "part" larger than the whole (a per-head figure, a sum of another kind) means the list
    // is no breakdown of this whole.
    if all.len() >= 2 && all.iter().any(|&p| !holds(&not_exceeding(p, whole, true))) {
        let prefix_ok = all
            .iter()
            .take(2)
            .all(|&p| holds(&not_exceeding(p, whole, true)));
        if !prefix_ok {
            return;
        }
    }
    match all.len() {
        0 => {}
        1 => found.push(not_exceeding(all[0], whole, true)),
        _ => {
            let listed = total(whole, all, true);
            let clauses = total(whole, by_clause, true);
            // The list may run on past the breakdown (…;禽存栏188399只): the first parts that
            // add up exactly are the breakdown.
            let prefix = (2..all.len().min(REACH))
                .map(|k| total(whole, &all[..k], true))
                .find(|c| holds(c));
            if holds(&listed) {
                found.push(listed);
            } else if by_clause.len() >= 2 && holds(&clauses) {
                found.push(clauses);
            } else if let Some(prefix) = prefix {
                found.push(prefix);
            } else if by_clause.len() >= 2 && by_clause.len() < all.len() {
                // Parts in several clauses, each with its own detail: only the first of each
                // clause is sure to be a part; the doubt is the reader's to settle.
                found.push(total(whole, by_clause, false));
            } else {
                // A list that misses its total by what one misprint (a digit changed, two
                // digits swapped) would explain is a breakdown with an error in it: the reader
                // should see it fail. A larger gap may be a list that names only some parts.
                let misprint = one_misprint_explains(context.figures, whole, all);
                found.push(total(whole, all, misprint));
            }
        }
    }
}

/// Whether whole = Σ parts would hold, in whole numbers of one unit, if one of the figures
/// had one digit changed or two neighbouring digits swapped.
fn one_misprint_explains(figures: &[Found], whole: usize, parts: &[usize]) -> bool {
    let integer = |i: usize| -> Option<(Vec<u8>, &Option<String>)> {
        let f = figures.get(i)?;
        if f.approximate || f.percent || f.negated {
            return None;
        }
        let digits: Vec<u8> = f
            .value
            .bytes()
            .filter(|b| *b != b',')
            .map(|b| b.is_ascii_digit().then(|| b - b'0'))
            .collect::<Option<_>>()?;
        (!digits.is_empty() && digits.len() <= 15).then_some((digits, &f.unit))
    };
    let value = |digits: &[u8]| digits.iter().fold(0i64, |n, d| n * 10 + i64::from(*d));
    let Some((whole_digits, unit)) = integer(whole) else {
        return false;
    };
    let mut figures_of_sum = vec![whole_digits];
    for &p in parts {
        match integer(p) {
            Some((digits, u)) if u == unit => figures_of_sum.push(digits),
            _ => return false,
        }
    }
    // gap = whole − Σ parts; a new value v of figure k closes it when v − old = ±gap.
    let parts_sum: i64 = figures_of_sum[1..].iter().map(|d| value(d)).sum();
    let gap = value(&figures_of_sum[0]) - parts_sum;
    if gap == 0 {
        return false;
    }
    figures_of_sum.iter().enumerate().any(|(k, digits)| {
        let old = value(digits);
        let wanted = if k == 0 { old - gap } else { old + gap };
        misprints(digits).any(|v| v == wanted)
    })
}

/// Every value a number's digits give with one digit changed or two neighbours swapped.
fn misprints(digits: &[u8]) -> impl Iterator<Item = i64> + '_ {
    let value = |d: &[u8]| d.iter().fold(0i64, |n, x| n * 10 + i64::from(*x));
    let changed = (0..digits.len()).flat_map(move |i| {
        (0..10u8).filter(move |&x| x != digits[i]).map(move |x| {
            let mut d = digits.to_vec();
            d[i] = x;
            value(&d)
        })
    });
    let swapped = (1..digits.len())
        .filter(move |&i| digits[i] != digits[i - 1])
        .map(move |i| {
            let mut d = digits.to_vec();
            d.swap(i - 1, i);
            value(&d)
        });
    changed.chain(swapped)
}

/// Whether only punctuation stands between the start of the sentence and `at`.
fn opens_sentence(context: &Context, at: usize) -> bool {
    let sentence = context.places.sentence[at];
    let mut i = at;
    while i > 0 && context.places.sentence[i - 1] == sentence {
        i -= 1;
        if !matches!(context.chars[i], ' ' | '\u{3000}' | '，' | ',' | ':' | '：') {
            return false;
        }
    }
    true
}

/// The counts of a sentence that can be a total: not ratios, earlier values or changes.
fn counts_of_sentence(context: &Context, sentence: u32) -> Vec<usize> {
    // A sentence's figures are one run: found by bisection, not by a scan of the whole text.
    let first = context
        .figures
        .partition_point(|f| context.places.sentence[f.numeral.start] < sentence);
    (first..context.figures.len())
        .take_while(|&j| context.sentence_of(j) == sentence)
        .take(REACH)
        .filter(|&j| context.can_be_total(j))
        .collect()
}

/// 按经营单位所在地分, / 按性别分: / 在收案中, : a breakdown by category, as 其中 is.
fn by_category_markers(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        // (在)收案中, opening a sentence: a breakdown of a total of the sentence before.
        if *c == '中' && matches!(chars.get(i + 1), Some('，' | ',')) {
            let mut start = i;
            while start > 0
                && i - start < 10
                && !is_digit_or_punctuation(chars[start - 1])
                && chars[start - 1] != '\n'
            {
                start -= 1;
            }
            let opens = start == 0 || matches!(chars[start - 1], '。' | '\n' | '；' | ';');
            if opens && start + 1 < i {
                out.push((start, i + 2));
                continue;
            }
        }
        if *c == '分'
            && matches!(chars.get(i + 1), Some('，' | ',' | ':' | '：'))
            && chars[i.saturating_sub(12)..i].contains(&'按')
        {
            let start = chars[..i].iter().rposition(|c| *c == '按').unwrap_or(i);
            out.push((start, i + 2));
        }
    }
    out
}

/// 共N个,分别为a个、b个 — the whole is named as a total before 分别.
fn severally(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    for (at, after) in occurrences(context.chars, SEVERALLY_WORDS) {
        let Some(whole) = whole_before(context, at) else {
            continue;
        };
        let lead = context.lead(whole);
        if !TOTAL_WORDS.iter().any(|w| lead.contains(w)) {
            continue;
        }
        let (all, _) = listed_parts(context, whole, after, context.chars.len());
        if all.len() >= 2 {
            let candidate = total(whole, &all, true);
            found.push(sure_when_it_holds(candidate, holds));
        }
    }
}

/// 结案5件(按撤诉处理3件,判决驳回诉讼请求2件): a count and its breakdown in parentheses.
fn parenthesised(
    context: &Context,
    holds: &dyn Fn(&Candidate) -> bool,
    found: &mut Vec<Candidate>,
) {
    for whole in 0..context.figures.len() {
        let f = &context.figures[whole];
        if context.is_ratio(whole) {
            continue;
        }
        let open = f.unit_end;
        if !matches!(context.chars.get(open), Some('(' | '（')) {
            continue;
        }
        let depth = context.places.depth[open] + 1;
        let mut parts = Vec::new();
        let mut mixed = false;
        for j in whole + 1..context.figures.len() {
            let start = context.figures[j].numeral.start;
            if context.places.depth[start] < depth
                || context.sentence_of(j) != context.sentence_of(whole)
            {
                break;
            }
            if context.places.depth[start] > depth {
                continue;
            }
            if context.addable(whole, j) && !context.earlier[j] && !context.change[j] {
                parts.push(j);
            } else {
                mixed = true;
            }
        }
        // (含再审1件), (including 3 appeals): one part of the count.
        let opening = context.text(open + 1, open + 5).to_ascii_lowercase();
        let names_part = ["含", "其中", "包括", "including", "of which"]
            .iter()
            .any(|w| opening.starts_with(w));
        if parts.len() == 1 && !mixed && names_part {
            found.push(not_exceeding(parts[0], whole, true));
        }
        if parts.len() >= 2 && !mixed {
            let candidate = total(whole, &parts, true);
            found.push(sure_when_it_holds(candidate, holds));
        }
    }
}

/// 同比上升1.05%, with 上年同期10763件 and the current figure before it.
fn changes(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    for change in 0..context.figures.len() {
        if !context.change[change] {
            continue;
        }
        // The earlier value: in the same sentence, nearest to the change.
        let Some(before) = context
            .same_sentence(change)
            .skip_while(|&j| j + REACH < change)
            .take_while(|&j| j <= change + REACH)
            .filter(|&j| context.earlier[j] && j != change)
            .min_by_key(|&j| j.abs_diff(change))
        else {
            continue;
        };
        let before_is_ratio = context.is_ratio(before);
        // The current value: the nearest figure before the earlier one, of the same kind.
        let now = (before.saturating_sub(REACH)..before)
            .rev()
            .take_while(|&j| context.sentence_of(j) == context.sentence_of(before))
            .find(|&j| {
                !context.earlier[j]
                    && !context.change[j]
                    && if before_is_ratio {
                        context.is_ratio(j)
                    } else {
                        context.addable(j, before)
                    }
            });
        // "decreased 3.7% from 8,159 … to 7,857": the current value follows, after "to".
        let now = now.or_else(|| {
            (before + 1..context.figures.len().min(before + 1 + REACH))
                .take_while(|&j| context.sentence_of(j) == context.sentence_of(before))
                .find(|&j| {
                    !context.earlier[j]
                        && !context.change[j]
                        && context.lead(j).trim_end().ends_with("to")
                        && context.addable(j, before)
                })
        });
        // "1,707 enquiries. An 89% increase on the 904 …": a sentence that only describes the
        // change refers to the count of the sentence before.
        let now = now.or_else(|| {
            let first = before.min(change);
            let sentence = context.sentence_of(first);
            let alone = (first.saturating_sub(REACH)..first)
                .rev()
                .take_while(|&j| context.sentence_of(j) == sentence)
                .all(|j| !context.can_be_total(j));
            if !alone {
                return None;
            }
            (first.saturating_sub(REACH)..first)
                .rev()
                .skip_while(|&j| context.sentence_of(j) == sentence)
                .take_while(|&j| context.sentence_of(j) + 1 == sentence)
                .find(|&j| {
                    !context.earlier[j]
                        && !context.change[j]
                        && if before_is_ratio {
                            context.is_ratio(j)
                        } else {
                            context.addable(j, before)
                        }
                })
        });
        let Some(now) = now else { continue };
        let c = &context.figures[change];
        let fits = if c.percent {
            !before_is_ratio || context.figures[before].percent
        } else {
            c.points || context.addable(change, now)
        };
        if !fits {
            continue;
        }
        let candidate = Candidate {
            kind: RelationKind::Change,
            roles: vec![
                (Role::Change, change),
                (Role::Now, now),
                (Role::Before, before),
            ],
            wording_sure: true,
        };
        found.push(sure_when_it_holds(candidate, holds));
    }
}

/// 占…x%, …率为x%, "x% of": a share of a part in a whole.
fn shares(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    // The whole of the last share of a sentence: the next shares of that sentence may leave it
    // unsaid (第一产业占生产总值比重为5.1%,第二产业比重为42.5%).
    let mut sentence_whole: Option<(u32, usize)> = None;
    // (part, whole) pairs that a wording already states (其中, of which): a share of such a part
    // names its whole.
    let stated_parts: Vec<(usize, usize)> = found
        .iter()
        .filter(|c| {
            c.wording_sure && matches!(c.kind, RelationKind::Total | RelationKind::NotExceeding)
        })
        .flat_map(|c| {
            let whole = c
                .roles
                .iter()
                .find(|(r, _)| *r == Role::Whole)
                .map_or(usize::MAX, |(_, w)| *w);
            c.roles
                .iter()
                .filter(|(r, _)| *r == Role::Part)
                .map(move |(_, p)| (*p, whole))
        })
        .collect();
    for share in 0..context.figures.len() {
        let f = &context.figures[share];
        if !f.percent || context.change[share] || f.negated {
            continue;
        }
        let lead = context.lead(share);
        let after = context
            .text(f.unit_end, f.unit_end + 4)
            .to_ascii_lowercase();
        let explicit = SHARE_WORDS.iter().any(|w| lead.contains(w)) || after.starts_with(" of");
        let rate = RATE_WORDS.iter().any(|w| lead.contains(w));
        if !explicit && !rate {
            continue;
        }
        // Parts and wholes: counts before the share in its sentence or the one before. The words
        // of the share name them (第一产业增加值占全区生产总值比重为5.1%): the part named before
        // 占, the whole after it; the nearer and the better named come first.
        let sentence = context.sentence_of(share);
        let counts: Vec<usize> = (0..share)
            .rev()
            .take_while(|&j| context.sentence_of(j) + 2 >= sentence)
            .take(REACH)
            .filter(|&j| context.can_be_total(j))
            .take(16)
            .collect();
        let (part_name, whole_name) = match lead.split_once('占') {
            Some((p, w)) => (p.to_string(), w.to_string()),
            None => (lead.clone(), String::new()),
        };
        let ranked = |name: &str, bonus_same_sentence: bool| {
            let mut ranked: Vec<(usize, usize, usize)> = counts
                .iter()
                .enumerate()
                .map(|(distance, &j)| {
                    let label = &context.figures[j].label;
                    let mut score = similarity(name, label);
                    if bonus_same_sentence && context.sentence_of(j) == sentence {
                        score += 1;
                    }
                    (usize::MAX - score, distance, j)
                })
                .collect();
            sort_by_key(&mut ranked, |r| *r);
            ranked
        };
        let parts = ranked(&part_name, true);
        let wholes = ranked(&whole_name, false);
        let candidate = |part: usize, whole: usize, wording_sure: bool| {
            share_of(share, part, whole, wording_sure)
        };
        let named = |j: usize, name: &str| similarity(name, &context.figures[j].label) > 0;
        let mut chosen = None;
        'search: for &(_, _, part) in parts.iter().take(6) {
            for &(_, _, whole) in &wholes {
                if whole == part || !context.addable(part, whole) {
                    continue;
                }
                // A whole from an earlier sentence that the words do not name is found by the
                // arithmetic alone (出生率 is of the average population, not the year-end one).
                let whole_said = context.sentence_of(whole) == sentence
                    || (!whole_name.trim().is_empty() && named(whole, &whole_name))
                    || stated_parts.contains(&(part, whole));
                let sure = (context.sentence_of(part) == sentence || named(part, &part_name))
                    && whole_said;
                let c = candidate(part, whole, sure);
                if holds(&c) {
                    chosen = Some(c);
                    break 'search;
                }
            }
        }
        if let Some(c) = &chosen {
            sentence_whole = c.roles.get(2).map(|(_, whole)| (sentence, *whole));
        }
        match chosen {
            Some(c) => found.push(c),
            // The whole said for an earlier share of this sentence, with the best named part.
            None if sentence_whole.is_some_and(|(s, _)| s == sentence) => {
                let whole = sentence_whole.map_or(0, |(_, w)| w);
                let part = parts.iter().map(|(_, _, j)| *j).find(|&p| {
                    p != whole
                        && context.addable(p, whole)
                        && similarity(&part_name, &context.figures[p].label) >= 2
                });
                if let Some(part) = part {
                    found.push(candidate(part, whole, false));
                }
            }
            // 占 names its whole: the best named counts, to be confirmed.
            None if explicit => {
                let part = parts.first().map(|(_, _, j)| *j);
                let whole = part.and_then(|p| {
                    wholes
                        .iter()
                        .map(|(_, _, j)| *j)
                        .find(|&w| w != p && context.addable(p, w))
                });
                if let (Some(part), Some(whole)) = (part, whole) {
                    found.push(candidate(part, whole, false));
                }
            }
            None => {}
        }
    }
}

fn is_digit_or_punctuation(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '，' | ',' | '。' | '；' | ';' | '、' | '(' | ')' | '（' | '）' | '：' | ':'
        )
}

/// Sorts a short list (insertion sort, stable): the lists sorted here hold a few dozen items at
/// most, and one small sort keeps the WebAssembly module smaller than std's sorts would.
fn sort_by_key<T, K: PartialOrd>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// How many two-character pieces of `name` (or words, in English) `label` shares with it.
fn similarity(name: &str, label: &str) -> usize {
    let name: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    let label: Vec<char> = label.chars().filter(|c| !c.is_whitespace()).collect();
    name.windows(2)
        .filter(|pair| !pair.iter().any(|c| c.is_ascii_punctuation()))
        .filter(|pair| label.windows(2).any(|l| l == *pair))
        .count()
}

/// 三次产业结构为5.6:56.6:37.8 after a total of three parts: each member is a part's share.
fn colon_shares(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    let totals: Vec<Candidate> = found
        .iter()
        .filter(|c| c.kind == RelationKind::Total)
        .cloned()
        .collect();
    let mut i = 0;
    while i < context.figures.len() {
        // A run of figures joined by colons.
        let mut group = vec![i];
        while let Some(&last) = group.last() {
            let next = last + 1;
            let joined = next < context.figures.len()
                && matches!(
                    context
                        .text(
                            context.figures[last].unit_end,
                            context.figures[next].numeral.start
                        )
                        .as_str(),
                    ":" | "："
                );
            if !joined {
                break;
            }
            group.push(next);
        }
        i = group.last().map_or(i, |l| l + 1);
        if group.len() < 2 {
            continue;
        }
        let sentence = context.sentence_of(group[0]);
        let total = totals.iter().rev().find(|t| {
            let whole = t.roles.first().map_or(0, |(_, w)| *w);
            t.roles.len() == group.len() + 1
                && whole < group[0]
                && context.sentence_of(whole) + 2 >= sentence
        });
        let Some(total) = total else { continue };
        let whole = total.roles[0].1;
        let shares: Vec<Candidate> = group
            .iter()
            .zip(total.roles.iter().skip(1))
            .map(|(&share, &(_, part))| share_of(share, part, whole, true))
            .collect();
        // Only the ratio of this total: a ratio of another year holds for none of its parts.
        if shares.iter().any(holds) {
            found.extend(shares);
        }
    }
}

/// For each of `count` figures: whether a total already found has it as its whole.
fn wholes_of_totals(found: &[Candidate], count: usize) -> Vec<bool> {
    let mut taken = vec![false; count];
    for c in found.iter().filter(|c| c.kind == RelationKind::Total) {
        if let Some(w) = c.roles.first().and_then(|(_, i)| taken.get_mut(*i)) {
            *w = true;
        }
    }
    taken
}

/// 审结68件,维持32件,驳回10件,终止14件,撤销10件,确认违法2件: a count followed, in its sentence,
/// by counts that add up to it exactly. No word says so: always to confirm.
fn implicit_lists(
    context: &Context,
    holds: &dyn Fn(&Candidate) -> bool,
    found: &mut Vec<Candidate>,
) {
    let wholes_taken = wholes_of_totals(found, context.figures.len());
    for (whole, &taken) in wholes_taken.iter().enumerate() {
        if taken || !context.can_be_total(whole) {
            continue;
        }
        let depth = context.depth_of(whole);
        let mut parts = Vec::new();
        for j in whole + 1..context.figures.len().min(whole + 1 + REACH) {
            if context.sentence_of(j) != context.sentence_of(whole) || parts.len() >= 12 {
                break;
            }
            if context.depth_of(j) != depth || context.earlier[j] || context.change[j] {
                continue;
            }
            if !context.addable(whole, j) {
                break;
            }
            parts.push(j);
            if parts.len() >= 2 {
                let candidate = total(whole, &parts, false);
                if holds(&candidate) {
                    found.push(candidate);
                    break;
                }
            }
        }
    }
}

/// Statistical tables mark an "of which" row with `#` (粮食 143972 / #稻谷 118787): the row is a
/// part of the nearest row above it that has no mark.
fn marked_rows(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    for part in 0..context.figures.len() {
        if !context.figures[part].label.starts_with(['#', '＃']) {
            continue;
        }
        let whole = (part.saturating_sub(REACH)..part).rev().find(|&j| {
            !context.figures[j].label.starts_with(['#', '＃']) && context.addable(part, j)
        });
        if let Some(whole) = whole {
            let candidate = not_exceeding(part, whole, true);
            found.push(sure_when_it_holds(candidate, holds));
        }
    }
}

/// 受理的79件复议案件中,审结68件 (sure); 受理…9件,结案5件 and 调解成功 N (to confirm).
fn within(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    // Figures already a part of a total or of another whole.
    let mut is_part_of = vec![false; context.figures.len()];
    for c in found.iter() {
        let parts = match c.kind {
            RelationKind::Total => c.roles.get(1..).unwrap_or(&[]),
            RelationKind::NotExceeding => c.roles.get(..1).unwrap_or(&[]),
            _ => &[],
        };
        for (_, p) in parts {
            if let Some(flag) = is_part_of.get_mut(*p) {
                *flag = true;
            }
        }
    }
    for whole in 0..context.figures.len() {
        let f = &context.figures[whole];
        // "N件…中," : the rest of the clause ends in 中.
        let mut end = f.unit_end;
        while end < context.chars.len() && end < f.unit_end + 16 {
            if matches!(context.chars[end], '，' | ',' | '。' | '；' | ';' | '\n') {
                break;
            }
            end += 1;
        }
        if context.is_ratio(whole) || context.chars.get(end.saturating_sub(1)) != Some(&'中') {
            continue;
        }
        let next = (whole + 1..context.figures.len())
            .take_while(|&j| context.sentence_of(j) == context.sentence_of(whole))
            .find(|&j| context.addable(whole, j));
        if let Some(part) = next {
            if !is_part_of[part] {
                found.push(not_exceeding(part, whole, true));
                is_part_of[part] = true;
            }
        }
    }
    for part in 0..is_part_of.len() {
        if context.is_ratio(part) || context.earlier[part] || is_part_of.get(part) == Some(&true) {
            continue;
        }
        let clause = context.clause_text(part);
        if !SUBSET_VERBS.iter().any(|v| clause.contains(v)) {
            continue;
        }
        let depth = context.depth_of(part);
        let whole = (0..part)
            .rev()
            .take_while(|&j| context.sentence_of(j) == context.sentence_of(part))
            .find(|&j| {
                context.depth_of(j) == depth
                    && !context.earlier[j]
                    && !context.change[j]
                    && context.addable(part, j)
            });
        if let Some(whole) = whole {
            // Only a guess from a verb: proposed when it holds (審结 may include older cases).
            let candidate = not_exceeding(part, whole, false);
            // The whole counts what came in (受理, 收案), not another kind of outcome (审结 30件
            // beside 办结 1件).
            let whole_clause = context.clause_text(whole);
            let outcome = SUBSET_VERBS.iter().any(|v| whole_clause.contains(v));
            if !outcome && holds(&candidate) {
                found.push(candidate);
                is_part_of[part] = true;
            }
        }
    }
}

/// "87 out of 90 courts", "in 87 of the 90 courts": a part and its whole side by side.
///
/// "an uphold rate of 40% (120 of 300)": a share before them in parentheses is the part's share
/// of the whole.
fn out_of(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    for part in 0..context.figures.len().saturating_sub(1) {
        let whole = part + 1;
        // (A change word before it — "lower in 87 of the 90 courts" — does not make the count
        // a change: ratios are left out by `addable`.)
        if context.earlier[part] || context.earlier[whole] || !context.addable(part, whole) {
            continue;
        }
        let between = context
            .text(
                context.figures[part].unit_end,
                context.figures[whole].numeral.start,
            )
            .to_ascii_lowercase();
        let between = between.trim_end_matches(is_blank_or_money);
        if matches!(
            between,
            " out of" | " out of the" | " out of a total of" | " of the" | " of all" | " of"
        ) {
            // The wording is plain: a part larger than its whole is an error to show.
            found.push(not_exceeding(part, whole, true));
            let share = part.wrapping_sub(1);
            let opens = share < part
                && context.figures[share].percent
                && !context.change[share]
                && matches!(
                    context
                        .text(
                            context.figures[share].unit_end,
                            context.figures[part].numeral.start
                        )
                        .trim(),
                    "(" | "（"
                );
            if opens {
                let candidate = share_of(share, part, whole, true);
                found.push(sure_when_it_holds(candidate, holds));
            }
        }
    }
}

/// "500 enquiries and 300 complaints, 800 in all": a total named after its parts.
fn totals_after_parts(
    context: &Context,
    holds: &dyn Fn(&Candidate) -> bool,
    found: &mut Vec<Candidate>,
) {
    for whole in 0..context.figures.len() {
        if !context.can_be_total(whole) {
            continue;
        }
        // The words after it, to the clause's end ("800 cases in all").
        let tail = context.tail_to_next(whole, 24);
        let clause = first_clause(&tail);
        let words = [" in all", " in total", " altogether", " all told"];
        let english = words.iter().any(|w| clause.contains(w)) && clause.split(' ').count() <= 5;
        // "A、B、C,合计300件", "分别为…,共计300件": the total word alone names the figure.
        let lead = context.lead(whole);
        let lead = lead.trim();
        let chinese = [
            "共",
            "共计",
            "合计",
            "总计",
            "总共",
            "以上合计",
            "三者合计",
            "两者合计",
        ]
        .contains(&lead);
        // 共计受理3560件: a total word and a verb; a total of what came before only when it
        // adds up.
        let loosely = !chinese
            && ["共计", "合计", "总计", "总共"]
                .iter()
                .any(|w| lead.starts_with(w))
            && lead.chars().count() <= 6;
        if !english && !chinese && !loosely {
            continue;
        }
        let depth = context.depth_of(whole);
        let mut parts: Vec<usize> = (whole.saturating_sub(REACH)..whole)
            .rev()
            .take_while(|&j| context.sentence_of(j) == context.sentence_of(whole))
            .filter(|&j| {
                context.depth_of(j) == depth
                    && !context.earlier[j]
                    && !context.change[j]
                    && context.addable(whole, j)
            })
            .collect();
        parts.reverse();
        if parts.len() < 2 {
            continue;
        }
        let candidate = total(whole, &parts, true);
        if holds(&candidate) {
            found.push(candidate);
            continue;
        }
        if loosely {
            continue;
        }
        // The last parts that add up exactly: earlier counts of the sentence may be of
        // another kind ("the 12 courts received 500 …"); only the arithmetic says so.
        let suffix = (2..parts.len())
            .rev()
            .map(|k| total(whole, &parts[parts.len() - k..], false))
            .find(|c| holds(c));
        match suffix {
            Some(c) => found.push(c),
            None => {
                let misprint = one_misprint_explains(context.figures, whole, &parts);
                found.push(total(whole, &parts, misprint));
            }
        }
    }
}

/// "120 (37.5%) were granted": a count with its share in parentheses. The whole is the one the
/// wording gives the count ("of which", "Of the 320 …,", "x of the N", "(37.5% of the 320)"):
/// then the share is sure; a whole found by the arithmetic alone is to confirm.
fn bracketed_shares(
    context: &Context,
    holds: &dyn Fn(&Candidate) -> bool,
    found: &mut Vec<Candidate>,
) {
    let mut stated_whole: Vec<Option<usize>> = vec![None; context.figures.len()];
    let mut has_share = vec![false; context.figures.len()];
    for c in found.iter() {
        match c.kind {
            RelationKind::Total | RelationKind::NotExceeding if c.wording_sure || holds(c) => {
                let whole = c
                    .roles
                    .iter()
                    .find(|(r, _)| *r == Role::Whole)
                    .map(|(_, w)| *w);
                for (role, p) in &c.roles {
                    if *role == Role::Part {
                        if let Some(slot) = stated_whole.get_mut(*p) {
                            *slot = slot.or(whole);
                        }
                    }
                }
            }
            RelationKind::Share => {
                if let Some((_, s)) = c.roles.iter().find(|(r, _)| *r == Role::Share) {
                    if let Some(flag) = has_share.get_mut(*s) {
                        *flag = true;
                    }
                }
            }
            _ => {}
        }
    }
    for (share, &shared) in has_share.iter().enumerate().skip(1) {
        let f = &context.figures[share];
        let part = share - 1;
        if !f.percent || f.negated || context.change[share] || shared {
            continue;
        }
        if context.is_ratio(part) || context.earlier[part] || context.change[part] {
            continue;
        }
        let between = context.text(context.figures[part].unit_end, f.numeral.start);
        // "120 (37.5%)", "120 applications (37.5%)", "120, or 37.5%,", "300, representing 25%
        // of the 1,200": at most a few words between.
        let between = between.trim_end();
        let Some(words) = between
            .strip_suffix(['(', '（'])
            .or_else(|| between.strip_suffix(", or"))
            .or_else(|| between.strip_suffix(", representing"))
            .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == ' '))
        else {
            continue;
        };
        if words.split_whitespace().count() > 3 {
            continue;
        }
        let candidate =
            |whole: usize, wording_sure: bool| share_of(share, part, whole, wording_sure);
        // "(37.5% of the 320)": the whole follows.
        let after = context
            .text(f.unit_end, f.unit_end + 9)
            .to_ascii_lowercase();
        let named_after = (after.starts_with(" of the ") || after.starts_with(" of "))
            .then_some(share + 1)
            .filter(|&w| w < context.figures.len() && context.addable(part, w));
        let stated = named_after.or(stated_whole[part]);
        if let Some(whole) = stated {
            let c = candidate(whole, true);
            let sure = holds(&c);
            found.push(Candidate {
                wording_sure: sure,
                ..c
            });
            continue;
        }
        // Otherwise a count before it, in its sentence or the one before, that the share fits.
        let sentence = context.sentence_of(part);
        let guess = (part.saturating_sub(REACH)..part)
            .rev()
            .take_while(|&j| context.sentence_of(j) + 1 >= sentence)
            .filter(|&j| {
                !context.is_ratio(j)
                    && !context.earlier[j]
                    && !context.change[j]
                    && context.addable(part, j)
            })
            .map(|j| candidate(j, false))
            .find(|c| holds(c));
        if let Some(c) = guess {
            found.push(c);
        }
    }
}

/// "£37m (2019: £43m), including £32.4m (2019: £38.4m)": when every figure of a stated total
/// or subset is followed by the earlier year's figure in parentheses, the earlier figures stand
/// in the same relation. The wording states it for this year only: sure when it holds.
fn comparatives(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    let comparative = |i: usize| -> Option<usize> {
        let next = i + 1;
        let f = context.figures.get(next)?;
        // "£37m (2019: £43m)", "120 cases (2019: 98)": a short word may stand between.
        let between = context.text(context.figures[i].unit_end, f.numeral.start);
        let opens = between.chars().count() <= 24
            && between
                .trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ')
                .starts_with(['(', '（']);
        (opens && context.after_year_in_parentheses(next) && context.addable(i, next))
            .then_some(next)
    };
    let mut mirrored = Vec::new();
    for c in found.iter() {
        if !matches!(c.kind, RelationKind::Total | RelationKind::NotExceeding) || !c.wording_sure {
            continue;
        }
        let mut roles = Vec::with_capacity(c.roles.len());
        for &(role, i) in &c.roles {
            match comparative(i) {
                Some(j) => roles.push((role, j)),
                None => break,
            }
        }
        if roles.len() == c.roles.len() {
            let candidate = Candidate {
                kind: c.kind,
                roles,
                wording_sure: true,
            };
            mirrored.push(sure_when_it_holds(candidate, holds));
        }
    }
    found.extend(mirrored);
}

/// One line of the text: where it starts and ends, and its figures (`first..end_figure`).
struct Line {
    start: usize,
    end: usize,
    figures: std::ops::Range<usize>,
}

/// The lines of the text with the run of figures on each (figures are in text order).
fn lines_of(context: &Context) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut next = 0;
    let mut start = 0;
    while start <= context.chars.len() {
        let end = (start..context.chars.len())
            .find(|&k| context.chars[k] == '\n')
            .unwrap_or(context.chars.len());
        while next < context.figures.len() && context.figures[next].numeral.start < start {
            next += 1;
        }
        let first = next;
        while next < context.figures.len() && context.figures[next].numeral.start < end {
            next += 1;
        }
        lines.push(Line {
            start,
            end,
            figures: first..next,
        });
        start = end + 1;
    }
    lines
}

/// A list item with a count, and the items indented under it each opening with a count:
/// ```text
/// • 1,160 recommendations made:
///     • 386 for personal redress
///     • 644 for learning and improvement
/// ```
/// A colon or a total word on the item's line says the items under it break it down (sure
/// when they add up, or when one misprint explains the gap); without one, a list that adds up
/// is to confirm.
fn indented_lists(
    context: &Context,
    holds: &dyn Fn(&Candidate) -> bool,
    found: &mut Vec<Candidate>,
) {
    // Each line that is not blank: (start, end, indentation, the figure opening it).
    let mut lines: Vec<(usize, usize, usize, Option<usize>)> = Vec::new();
    for line in lines_of(context) {
        let (start, end) = (line.start, line.end);
        let indent = (start..end)
            .take_while(|&k| matches!(context.chars[k], ' ' | '\t' | '\u{3000}'))
            .count();
        // The figure opens the item: only a bullet or a dash before it.
        let opening = line.figures.clone().next().filter(|&i| {
            context
                .text(start, context.figures[i].numeral.start)
                .chars()
                .all(|c| {
                    c.is_whitespace() || matches!(c, '•' | '·' | '-' | '*' | '–' | '£' | '$' | '€')
                })
        });
        if end > start + indent {
            lines.push((start, end, indent, opening));
        }
    }
    for (n, &(line_start, line_end, indent, head)) in lines.iter().enumerate() {
        let Some(whole) = head else { continue };
        if context.is_ratio(whole) {
            continue;
        }
        let mut parts = Vec::new();
        let mut broken = false;
        for &(_, _, child_indent, child) in &lines[n + 1..] {
            if child_indent <= indent || parts.len() >= REACH {
                break;
            }
            match child {
                Some(p) if context.addable(whole, p) && !context.earlier[p] => parts.push(p),
                _ => {
                    broken = true;
                    break;
                }
            }
        }
        if parts.len() < 2 || broken {
            continue;
        }
        let line = context.text(line_start, line_end).to_ascii_lowercase();
        let stated =
            line.trim_end().ends_with([':', '：']) || TOTAL_WORDS.iter().any(|w| line.contains(w));
        let candidate = total(whole, &parts, true);
        if holds(&candidate) {
            found.push(Candidate {
                wording_sure: stated,
                ..candidate
            });
        } else if stated {
            let misprint = one_misprint_explains(context.figures, whole, &parts);
            found.push(total(whole, &parts, misprint));
        }
    }
}

/// Row labels that name a table's total row.
const TOTAL_ROWS: &[&str] = &[
    "total",
    "totals",
    "grand total",
    "all cases",
    "合计",
    "总计",
    "共计",
    "总数",
    "全部",
];

/// A table in text, one row a line with the same number of figures, and a row labelled as its
/// total (Total, 合计, 总计): in each column the total is the sum of the other rows (of the rows
/// above it, or, with the total first, of the rows below). Sure when it adds up or one misprint
/// explains the gap; otherwise the rows may be only some of the table's, and it is to confirm.
fn table_totals(context: &Context, holds: &dyn Fn(&Candidate) -> bool, found: &mut Vec<Candidate>) {
    // Each line: its figures (a run of indexes) and whether its label names a total.
    let rows: Vec<(Vec<usize>, bool)> = lines_of(context)
        .into_iter()
        .map(|line| {
            let label_end = line
                .figures
                .clone()
                .next()
                .map_or(line.end, |i| context.figures[i].numeral.start);
            let label = context.text(line.start, label_end).to_ascii_lowercase();
            let label = label.trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '|' | '•' | '-' | ':' | '：' | '£' | '$' | '€')
            });
            let is_total = TOTAL_ROWS.iter().any(|w| label.starts_with(w));
            (line.figures.collect(), is_total)
        })
        .collect();
    for (n, (total_row, is_total)) in rows.iter().enumerate() {
        if !is_total || total_row.is_empty() {
            continue;
        }
        let width = total_row.len();
        let same_width = |r: &&(Vec<usize>, bool)| r.0.len() == width && !r.1;
        let above: Vec<&Vec<usize>> = rows[..n]
            .iter()
            .rev()
            .take_while(same_width)
            .take(REACH)
            .map(|r| &r.0)
            .collect();
        let below: Vec<&Vec<usize>> = rows[n + 1..]
            .iter()
            .take_while(same_width)
            .take(REACH)
            .map(|r| &r.0)
            .collect();
        let parts_rows = if above.len() >= 2 {
            above.into_iter().rev().collect()
        } else if below.len() >= 2 {
            below
        } else {
            continue;
        };
        for (column, &whole) in total_row.iter().enumerate() {
            if context.is_ratio(whole) {
                continue;
            }
            let parts: Vec<usize> = parts_rows
                .iter()
                .filter_map(|r| r.get(column).copied())
                .collect();
            if parts.iter().any(|&p| !context.addable(whole, p)) {
                continue;
            }
            let candidate = total(whole, &parts, true);
            let sure = holds(&candidate) || one_misprint_explains(context.figures, whole, &parts);
            found.push(Candidate {
                wording_sure: sure,
                ..candidate
            });
        }
    }
}

/// Words before a count that name it as the count of all kinds (审执结各类案件7018件).
const ALL_KINDS_WORDS: &[&str] = &["各类", "共", "合计", "总计", "全部", "all "];

/// Whether the line starting at `start` is a heading (1、, 2., 一、, (三), （一）).
fn is_heading_line(chars: &[char], start: usize) -> bool {
    let mut i = start;
    while chars
        .get(i)
        .is_some_and(|c| matches!(c, ' ' | '\u{3000}' | '\t'))
    {
        i += 1;
    }
    let numeral = |c: &char| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c);
    match chars.get(i) {
        Some('(' | '（') => chars.get(i + 1).is_some_and(numeral),
        Some(c) if numeral(c) => {
            let mut j = i;
            while chars.get(j).is_some_and(numeral) {
                j += 1;
            }
            matches!(chars.get(j), Some('、' | '.' | '．'))
                && !chars.get(j + 1).is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// 审执结各类案件7018件 followed, in the next sentences of its section (to the next heading or
/// blank line), by the counts of each kind (审结行政诉讼案件30件 … 执结执行案件1819件) that add up
/// to it exactly. Nothing but the arithmetic ties them: always to confirm.
fn section_totals(
    context: &Context,
    holds: &dyn Fn(&Candidate) -> bool,
    found: &mut Vec<Candidate>,
) {
    let taken = wholes_of_totals(found, context.figures.len());
    for (whole, &is_taken) in taken.iter().enumerate() {
        if is_taken || !context.can_be_total(whole) {
            continue;
        }
        let lead = context.lead(whole);
        if !ALL_KINDS_WORDS.iter().any(|w| lead.contains(w)) {
            continue;
        }
        let sentence = context.sentence_of(whole);
        let depth = context.depth_of(whole);
        let mut parts = Vec::new();
        for j in whole + 1..context.figures.len().min(whole + 1 + REACH) {
            if context.sentence_of(j) == sentence {
                continue;
            }
            // The section ends at a heading or a blank line.
            let from = context.figures[j - 1].unit_end;
            let to = context.figures[j].numeral.start;
            let ends = (from..to).any(|k| {
                context.chars[k] == '\n'
                    && (is_heading_line(context.chars, k + 1)
                        || context.chars.get(k + 1) == Some(&'\n'))
            });
            if ends || parts.len() >= 16 {
                break;
            }
            if context.depth_of(j) != depth
                || context.is_ratio(j)
                || context.earlier[j]
                || context.change[j]
                || !context.addable(whole, j)
            {
                continue;
            }
            parts.push(j);
        }
        if parts.len() < 2 {
            continue;
        }
        let candidate = total(whole, &parts, false);
        if holds(&candidate) {
            found.push(candidate);
        }
    }
}
