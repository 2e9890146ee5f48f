//! The narrative against the tables: a sentence that restates a table's figure
//! (本年度共收到政府信息公开申请58件, 办结53件, 行政复议2件) becomes a fact and a check against
//! the cell it restates, `sure` when the words name the cell plainly, else to confirm.
//!
//! What a phrase restates comes from the template: a row's label (予以公开, 行政复议), a group of
//! rows (不予公开 is the sum of its eight rows, 行政诉讼 of its two), always in the table's total
//! column; and a few wordings of the prose that no label prints (收到…申请, 办结, 结转下年度).

use super::figures::Found;
use super::recognise::RowKey;
use super::recognise::Template;
use crate::json;

/// Prose for a row of the table with a total column, by the row's id: the words before the
/// figure, the words right after its 件, the row, and whether the wording is plain.
const WORDING: &[(&str, &str, &str, bool)] = &[
    ("新收政府信息公开申请", "", "new", true),
    ("收到政府信息公开申请", "", "new", true),
    ("新收到政府信息公开申请", "", "new", true),
    ("收到依申请公开申请", "", "new", true),
    ("新收依申请公开申请", "", "new", true),
    ("政府信息公开申请", "", "new", true),
    ("收到", "申请", "new", true),
    ("收到依申请公开", "", "new", true),
    ("收到依申请信息公开", "", "new", true),
    ("同意公开", "", "open", true),
    ("受理政府信息公开申请", "", "new", false),
    ("上年结转", "", "carried_in", true),
    ("上年度结转", "", "carried_in", true),
    ("结转下年度继续办理", "", "carried_out", true),
    ("结转下年度", "", "carried_out", true),
    ("结转下一年度", "", "carried_out", true),
    ("结转下一年", "", "carried_out", true),
    ("结转至下年度", "", "carried_out", true),
    ("", "结转下年度", "carried_out", true),
    ("", "结转下一年", "carried_out", true),
    ("办结", "", "total", true),
    ("办理", "", "total", false),
    ("答复", "", "total", false),
];

/// The words a count is printed with: 件, 起 (行政复议1起, 处罚决定836起), and for documents 份 and 条
/// (规范性文件20份). The restatement's fact is in the table's 件 (a count is a count); its quote
/// keeps the word as printed.
const COUNT_WORDS: &[char] = &['件', '起', '份', '条'];

/// 份 and 条 count documents and items of information (不予公开399份 is of documents, not of
/// requests): a figure printed with them restates only a cell it is sure of when it holds.
const DOCUMENT_WORDS: &[char] = &['份', '条'];

/// Words that may stand between a phrase and its figure.
const BETWEEN: &[&str] = &[
    "共",
    "为",
    "了",
    "：",
    ":",
    "计",
    "共计",
    "总计",
    "合计",
    "案件",
    "申请",
    "总数",
    "依申请公开",
    "政府信息公开申请",
    "的",
    "各类",
    "答复",
];

/// How sure a restatement is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sure {
    /// The words name the cell.
    Plain,
    /// Words that may count something else too (受理, 办理): to confirm.
    Never,
    /// A column's kind (自然人80件): the new requests when it holds, else to confirm.
    WhenHolds,
}

type CellRef = (usize, usize, usize);

/// One restatement: the figure (index into the found figures), the cells it restates (table,
/// row, column) and how sure it is, and where its words start and end.
pub struct Restatement {
    figure: usize,
    cells: Vec<CellRef>,
    sure: bool,
    from: usize,
    to: usize,
}

pub struct Restated<'a> {
    chars: &'a [char],
    found: &'a [Found],
    template: &'a Template,
    pub list: Vec<Restatement>,
}

struct Target {
    before: String,
    after: &'static str,
    cells: Vec<CellRef>,
    /// Another reading the words allow: the new requests with last year's (收到 75 = 74 + 1).
    alt: Option<Vec<CellRef>>,
    sure: Sure,
    /// The sentence must speak of applications (办理 alone could be anything).
    needs_application: bool,
    /// Words that must stand shortly before (the column of a table without a total column).
    near: Option<String>,
    /// `near` may stand in an earlier clause of the sentence (主动公开规章13件，行政规范性文件60件).
    near_in_sentence: bool,
}

/// The column of this year's documents (本年制发, 2019's 本年新公开) as the narrative of 主动公开
/// names it (主动公开规章13件; 当年发布政府信息393件，其中包括：行政规范性文件13件): a restatement only
/// when it holds (the words may count documents published in other ways too), so never red.
const PUBLISHED_STEMS: &[&str] = &["本年制发", "本年新公开"];
const PUBLISHED_WORDS: &[&str] = &["主动公开", "发布"];

fn total_column(template: &Template, t: usize) -> Option<usize> {
    let table = &template.tables[t];
    table
        .total_column
        .and_then(|id| table.columns.iter().position(|c| c.id == id))
}

fn row_of(template: &Template, id: &str) -> Option<(usize, usize)> {
    template.tables.iter().enumerate().find_map(|(t, table)| {
        let r = table.rows.iter().position(|r| r.id == id)?;
        total_column(template, t).map(|_| (t, r))
    })
}

fn target(before: String, cells: Vec<CellRef>, sure: Sure) -> Target {
    Target {
        before,
        after: "",
        cells,
        alt: None,
        sure,
        needs_application: false,
        near: None,
        near_in_sentence: false,
    }
}

fn targets(template: &Template, keys: &[RowKey]) -> Vec<Target> {
    let mut out = Vec::new();
    let carried = row_of(template, "carried_in");
    let new = row_of(template, "new");
    for key in keys {
        let Some(column) = total_column(template, key.table) else {
            // A table without a total column: its row and column named together
            // (现行有效行政规范性文件698件, 本年度制发的规范性文件88件).
            for (c, col) in template.tables[key.table].columns.iter().enumerate() {
                let stem = stem(col.label.zh);
                // 规范性文件 for 行政规范性文件, as a label may print it.
                let short: String = key.key.chars().skip(2).collect();
                let mut words = vec![key.key.clone()];
                if short.chars().count() >= 4 {
                    words.push(short);
                }
                for words in words.into_iter().filter(|_| stem.chars().count() >= 2) {
                    // 清理并集中发布现行有效行政规范性文件393件 may count only some: sure when it holds.
                    let mut t = target(words, vec![(key.table, key.row, c)], Sure::WhenHolds);
                    t.near = Some(stem.clone());
                    if PUBLISHED_STEMS.contains(&stem.as_str()) {
                        for near in PUBLISHED_WORDS {
                            let mut published =
                                target(t.before.clone(), t.cells.clone(), Sure::WhenHolds);
                            published.near = Some(near.to_string());
                            published.near_in_sentence = true;
                            out.push(published);
                        }
                    }
                    out.push(t);
                }
            }
            continue;
        };
        for words in [&key.key, &key.short] {
            if (4..=8).contains(&words.chars().count()) {
                out.push(target(
                    words.clone(),
                    vec![(key.table, key.row, column)],
                    Sure::Plain,
                ));
            }
        }
        for group in &key.groups {
            let rows: Vec<CellRef> = keys
                .iter()
                .filter(|k| k.table == key.table && k.groups.contains(group))
                .map(|k| (k.table, k.row, column))
                .collect();
            if rows.len() >= 2 && (4..=8).contains(&group.chars().count()) && rows[0].1 == key.row {
                out.push(target(group.clone(), rows, Sure::Plain));
            }
        }
        // The kinds of applicants: columns of the new requests (自然人, 商业企业).
        if Some((key.table, key.row)) == new {
            for (c, col) in template.tables[key.table].columns.iter().enumerate() {
                let label = normalise_label(col.label.zh.rsplit('：').next().unwrap_or(""));
                if c != column && label.chars().count() >= 3 {
                    let mut t = target(label, vec![(key.table, key.row, c)], Sure::WhenHolds);
                    t.alt = carried.map(|(ct, cr)| vec![(key.table, key.row, c), (ct, cr, c)]);
                    out.push(t);
                }
            }
        }
    }
    for &(before, after, row, plain) in WORDING {
        if let Some((table, r)) = row_of(template, row) {
            let Some(column) = total_column(template, table) else {
                continue;
            };
            let mut t = target(
                before.to_string(),
                vec![(table, r, column)],
                if plain { Sure::Plain } else { Sure::Never },
            );
            t.after = after;
            t.needs_application = row == "total";
            if row == "new" {
                t.alt = carried.map(|(ct, cr)| vec![(table, r, column), (ct, cr, column)]);
            }
            out.push(t);
        }
    }
    out
}

fn normalise_label(label: &str) -> String {
    label.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A column's label without its measure: 现行有效件数 → 现行有效, 本年处理决定数量 → 本年处理决定.
fn stem(label: &str) -> String {
    let label = normalise_label(label.split(['（', '(']).next().unwrap_or(""));
    ["件数", "数量", "金额"]
        .iter()
        .find_map(|m| label.strip_suffix(m))
        .unwrap_or(&label)
        .to_string()
}

/// Finds the restatements among the figures outside the tables (`taken`: the cells read);
/// `value` gives a cell's figure.
pub fn find<'a>(
    chars: &'a [char],
    found: &'a [Found],
    template: &'a Template,
    keys: &[RowKey],
    taken: &[(usize, usize)],
    value: &dyn Fn(CellRef) -> Option<i128>,
) -> Restated<'a> {
    let targets = targets(template, keys);
    let mut list = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let Some(to) = (f.numeral.end..chars.len())
            .find(|&k| !chars[k].is_whitespace())
            .filter(|&k| COUNT_WORDS.contains(&chars[k]))
            .map(|k| k + 1)
        else {
            continue;
        };
        let start = f.numeral.start;
        if f.percent || f.negated || taken.iter().any(|&(s, e)| s <= start && start < e) {
            continue;
        }
        // The sentence before the figure, up to 60 characters, and the words after its 件.
        let from = start.saturating_sub(60);
        let sentence_start = (from..start)
            .rev()
            .find(|&k| matches!(chars[k], '。' | '；' | ';' | '\t' | '|' | '，' | ','))
            .map_or(from, |k| k + 1);
        let before: String = chars[sentence_start..start]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        let after: String = chars[to..(to + 12).min(chars.len())]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        // Of the wordings that end the sentence, the one that reaches furthest back
        // (上年结转政府信息公开申请 is 上年结转, not 政府信息公开申请).
        let matched = targets.iter().filter_map(|t| {
            let at = if t.before.is_empty() {
                Some(before.len())
            } else {
                ends_with(&before, &t.before)
            }?;
            if !after.starts_with(t.after) {
                return None;
            }
            // How far before the words their `near` stands (characters): the nearest wins
            // (集中发布现行有效行政规范性文件393件 is 现行有效, not 发布).
            let mut distance = 0;
            if let Some(near) = &t.near {
                let lead: String = before[..at].replace("本年度", "本年").replace('的', "");
                let tail: String = lead
                    .chars()
                    .rev()
                    .take(near.chars().count() + 4)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let in_sentence = || {
                    let from = sentence_start.saturating_sub(60);
                    let sentence: String = chars[from..sentence_start]
                        .iter()
                        .rev()
                        .take_while(|&&c| !matches!(c, '。' | '；' | ';' | '\n'))
                        .collect();
                    sentence
                        .chars()
                        .rev()
                        .collect::<String>()
                        .contains(near.as_str())
                };
                if let Some(k) = tail.rfind(near.as_str()) {
                    distance = tail[k + near.len()..].chars().count();
                } else if t.near_in_sentence && in_sentence() {
                    distance = usize::MAX;
                } else {
                    return None;
                }
            }
            Some((t, at, distance))
        });
        // Then the nearest `near`, then the longest words: 结转下年度继续办理 before 办理.
        let matched = matched.min_by_key(|&(t, at, distance)| {
            (
                at,
                distance,
                usize::MAX - t.before.chars().count() - t.after.chars().count(),
            )
        });
        let Some((target, at, _)) = matched else {
            continue;
        };
        if DOCUMENT_WORDS.contains(&chars[to - 1]) && target.sure != Sure::WhenHolds {
            continue;
        }
        let lead: Vec<char> = before[..at].chars().collect();
        // 行政复议、行政诉讼案件3件: a figure of several kinds together restates no one cell.
        // 予以公开及部分公开42件 likewise (but not 涉及自然人80件).
        let n = lead.len();
        let listed = n > 0
            && match lead[n - 1] {
                '、' | '和' | '与' | '或' => n < 2 || lead[n - 2] != '件',
                '及' => {
                    let head: String = lead[..n - 1].iter().collect();
                    targets
                        .iter()
                        .any(|t| t.before.chars().count() >= 4 && head.ends_with(&t.before))
                }
                _ => false,
            };
        if listed {
            continue;
        }
        let wide: String = chars[from..start].iter().collect();
        if target.needs_application && !wide.contains("申请") && !after.starts_with("申请") {
            continue;
        }
        let figure: Option<i128> = f.value.replace(',', "").parse().ok();
        let holds = |cells: &[CellRef]| {
            let sum = cells
                .iter()
                .try_fold(0i128, |sum, &c| Some(sum + value(c)?));
            figure.is_some() && sum == figure
        };
        let (cells, sure) = match (&target.alt, target.sure) {
            (Some(alt), _) if !holds(&target.cells) && holds(alt) => (alt.clone(), false),
            (_, Sure::Plain) => (target.cells.clone(), true),
            (_, Sure::WhenHolds) => (target.cells.clone(), holds(&target.cells)),
            (_, Sure::Never) => (target.cells.clone(), false),
        };
        let words_start = if target.before.is_empty() {
            start
        } else {
            let skip = lead.len();
            let mut seen = 0;
            (sentence_start..start)
                .find(|&k| {
                    if chars[k].is_whitespace() {
                        return false;
                    }
                    seen += 1;
                    seen > skip
                })
                .unwrap_or(start)
        };
        let to = to + target.after.chars().count();
        list.push(Restatement {
            figure: i,
            cells,
            sure: sure && !f.approximate,
            from: words_start,
            to,
        });
    }
    Restated {
        chars,
        found,
        template,
        list,
    }
}

/// Where `words` starts in `text` (bytes) when the text ends with them and words that may stand
/// between.
fn ends_with(text: &str, words: &str) -> Option<usize> {
    let mut rest = text;
    for _ in 0..4 {
        if let Some(head) = rest.strip_suffix(words) {
            return Some(head.len());
        }
        let between = BETWEEN
            .iter()
            .filter(|b| rest.ends_with(*b))
            .max_by_key(|b| b.len())?;
        rest = &rest[..rest.len() - between.len()];
    }
    None
}

impl Restated<'_> {
    /// Writes `"facts"` and `"checks"` (members of the draft, each followed by `,\n` except the
    /// last); `has_figure` says whether a cell (table, row, column) holds a figure.
    pub fn write(
        &self,
        out: &mut String,
        value: &dyn Fn(CellRef) -> Option<i128>,
        has_figure: impl Fn(usize, usize, usize) -> bool,
    ) {
        let mut facts = Vec::new();
        let mut checks: Vec<String> = Vec::new();
        let mut ids: Vec<String> = Vec::new();
        for r in &self.list {
            // A sum whose rows were not all read is not checked (it would be short).
            if r.cells.len() > 1 && !r.cells.iter().all(|&(t, row, c)| has_figure(t, row, c)) {
                continue;
            }
            let cells: Vec<String> = r
                .cells
                .iter()
                .filter(|&&(t, row, c)| has_figure(t, row, c))
                .map(|&(t, row, c)| {
                    let table = &self.template.tables[t];
                    [table.id, ".", table.rows[row].id, ".", table.columns[c].id].concat()
                })
                .collect();
            if cells.is_empty() {
                continue;
            }
            let Some(f) = self.found.get(r.figure) else {
                continue;
            };
            let id = format!("n{}", facts.len() + 1);
            let _ = value;
            let to = r.to.min(self.chars.len());
            let quote: String = self.chars[r.from.min(to)..to]
                .iter()
                .filter(|c| !c.is_control())
                .collect();
            let mut fact = String::from("{\"id\": ");
            json::write_string(&id, &mut fact);
            fact.push_str(", \"value\": ");
            json::write_string(&f.value, &mut fact);
            fact.push_str(", \"unit\": \"件\", \"label\": ");
            json::write_string(&f.label, &mut fact);
            fact.push_str(", \"quote\": ");
            json::write_string(&quote, &mut fact);
            fact.push_str(&format!(
                ", \"at\": {{\"start\": {}, \"end\": {}}}}}",
                f.numeral.start, f.numeral.end
            ));
            facts.push(fact);
            let mut check_id = format!("restates:{}", cells.join("+"));
            if ids.contains(&check_id) {
                check_id = format!("{check_id}:{}", facts.len());
            }
            ids.push(check_id.clone());
            let mut check = String::from("{\"id\": ");
            json::write_string(&check_id, &mut check);
            check.push_str(", \"label\": \"正文与表格一致\", \"expect\": ");
            json::write_string(&format!("{id} == {}", cells.join(" + ")), &mut check);
            check.push_str(", \"quote\": ");
            json::write_string(&quote, &mut check);
            check.push_str(if r.sure {
                ", \"confidence\": \"sure\"}"
            } else {
                ", \"confidence\": \"unsure\", \"to_confirm\": true}"
            });
            checks.push(check);
        }
        out.push_str("  \"facts\": [");
        push_list(out, &facts);
        out.push_str(",\n  \"checks\": [");
        push_list(out, &checks);
        out.push('\n');
    }
}

fn push_list(out: &mut String, items: &[String]) {
    for (n, item) in items.iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(item);
    }
    out.push_str(if items.is_empty() { "]" } else { "\n  ]" });
}
