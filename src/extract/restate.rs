//! The narrative against the tables: a sentence that restates a table's figure
//! (本年度共收到政府信息公开申请58件, 办结53件, 行政复议2件) becomes a fact and a check against
//! the cell it restates, `sure` when the words name the cell plainly, else to confirm.
//!
//! What a phrase restates comes from the template: a row's label (予以公开, 行政复议), a group of
//! rows (不予公开 is the sum of its eight rows, 行政诉讼 of its two), always in the table's total
//! column; and a few wordings of the prose that no label prints (收到…申请, 办结, 结转下年度).

use super::figures::Found;
use super::recognise::RowKey;
use crate::json;
use crate::template::{self as tpl, Template};

/// Prose for a row, by its id: the words, the row, and whether the wording is plain.
const WORDING: &[(&str, &str, bool)] = &[
    ("新收政府信息公开申请", "new", true),
    ("收到政府信息公开申请", "new", true),
    ("新收到政府信息公开申请", "new", true),
    ("收到依申请公开申请", "new", true),
    ("新收依申请公开申请", "new", true),
    ("受理政府信息公开申请", "new", false),
    ("上年结转", "carried_in", true),
    ("上年度结转", "carried_in", true),
    ("结转下年度继续办理", "carried_out", true),
    ("结转下年度", "carried_out", true),
    ("结转下一年度", "carried_out", true),
    ("结转下一年", "carried_out", true),
    ("结转至下年度", "carried_out", true),
    ("办结", "total", true),
    ("办理", "total", false),
    ("答复", "total", false),
];

/// Words that may stand between a phrase and its figure.
const BETWEEN: &[&str] = &["共", "为", "了", "：", ":", "计", "案件", "申请", "总数"];

/// One restatement: the figure (index into the found figures), the cells it restates (table,
/// row, column), whether the wording is plain, and where the phrase starts.
pub struct Restatement {
    figure: usize,
    /// Where the quote ends: after the figure's 件.
    to: usize,
    cells: Vec<(usize, usize, usize)>,
    sure: bool,
    from: usize,
}

pub struct Restated<'a> {
    chars: &'a [char],
    found: &'a [Found],
    template: &'a Template,
    pub list: Vec<Restatement>,
}

struct Target {
    words: String,
    table: usize,
    rows: Vec<usize>,
    sure: bool,
    /// The sentence must speak of applications (办理 alone could be anything).
    needs_application: bool,
}

fn targets(template: &Template, keys: &[RowKey]) -> Vec<Target> {
    let mut out = Vec::new();
    let total_column = |t: usize| {
        tpl::string(&template.tables[t].node, "total_column")
            .and_then(|id| template.tables[t].columns.iter().position(|c| c.id == id))
    };
    for key in keys {
        if total_column(key.table).is_none() {
            continue;
        }
        for words in [&key.key, &key.short] {
            if (4..=8).contains(&words.chars().count()) {
                out.push(Target {
                    words: words.clone(),
                    table: key.table,
                    rows: vec![key.row],
                    sure: true,
                    needs_application: false,
                });
            }
        }
        for group in &key.groups {
            let rows: Vec<usize> = keys
                .iter()
                .filter(|k| k.table == key.table && k.groups.contains(group))
                .map(|k| k.row)
                .collect();
            if rows.len() >= 2 && (4..=8).contains(&group.chars().count()) && rows[0] == key.row {
                out.push(Target {
                    words: group.clone(),
                    table: key.table,
                    rows,
                    sure: true,
                    needs_application: false,
                });
            }
        }
    }
    for &(words, row, sure) in WORDING {
        let found = template.tables.iter().enumerate().find_map(|(t, table)| {
            let r = table.rows.iter().position(|r| r.id == row)?;
            total_column(t).map(|_| (t, r))
        });
        if let Some((table, r)) = found {
            out.push(Target {
                words: words.to_string(),
                table,
                rows: vec![r],
                sure,
                needs_application: row == "total",
            });
        }
    }
    // Longest words first: 结转下年度继续办理 before 办理.
    out.sort_by_key(|t| std::cmp::Reverse(t.words.chars().count()));
    out
}

/// Finds the restatements among the figures outside the tables (`taken`: the cells read).
pub fn find<'a>(
    chars: &'a [char],
    found: &'a [Found],
    template: &'a Template,
    keys: &[RowKey],
    taken: &[(usize, usize)],
) -> Restated<'a> {
    let targets = targets(template, keys);
    let mut list = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let unit_after = chars[f.numeral.end.min(chars.len())..]
            .iter()
            .find(|c| !c.is_whitespace())
            == Some(&'件');
        if !(f.unit.as_deref() == Some("件") || f.unit.is_none() && unit_after)
            || f.percent
            || f.negated
        {
            continue;
        }
        let start = f.numeral.start;
        if taken.iter().any(|&(s, e)| s <= start && start < e) {
            continue;
        }
        // The sentence before the figure, up to 60 characters.
        let from = start.saturating_sub(60);
        let sentence_start = (from..start)
            .rev()
            .find(|&k| matches!(chars[k], '。' | '；' | ';' | '\n' | '\t' | '|'))
            .map_or(from, |k| k + 1);
        let before: String = chars[sentence_start..start]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        let Some((target, at)) = targets
            .iter()
            .find_map(|t| ends_with(&before, &t.words).map(|at| (t, at)))
        else {
            continue;
        };
        let lead: Vec<char> = before[..at].chars().collect();
        // 行政复议、行政诉讼案件3件: a figure of several kinds together restates no one cell.
        if lead
            .last()
            .is_some_and(|c| matches!(c, '、' | '和' | '及' | '与' | '或'))
        {
            continue;
        }
        if target.needs_application && !before.contains("申请") {
            continue;
        }
        let column =
            tpl::string(&template.tables[target.table].node, "total_column").and_then(|id| {
                template.tables[target.table]
                    .columns
                    .iter()
                    .position(|c| c.id == id)
            });
        let Some(column) = column else {
            continue;
        };
        let words_start = sentence_start
            + chars[sentence_start..start]
                .iter()
                .scan(0, |n, c| {
                    if !c.is_whitespace() {
                        *n += 1;
                    }
                    Some(*n)
                })
                .position(|n| n > lead.len())
                .unwrap_or(0);
        let to = if f.unit.is_some() {
            f.unit_end
        } else {
            (f.numeral.end..chars.len())
                .find(|&k| chars[k] == '件')
                .map_or(f.numeral.end, |k| k + 1)
        };
        list.push(Restatement {
            figure: i,
            to,
            cells: target
                .rows
                .iter()
                .map(|&r| (target.table, r, column))
                .collect(),
            sure: target.sure && !f.approximate,
            from: words_start,
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
        let between = BETWEEN.iter().find(|b| rest.ends_with(*b))?;
        rest = &rest[..rest.len() - between.len()];
    }
    None
}

impl Restated<'_> {
    /// Writes `"facts"` and `"checks"` (members of the draft, each followed by `,\n` except the
    /// last); `has_figure` says whether a cell (table, row, column) holds a figure.
    pub fn write(&self, out: &mut String, has_figure: impl Fn(usize, usize, usize) -> bool) {
        let mut facts = Vec::new();
        let mut checks: Vec<String> = Vec::new();
        let mut ids: Vec<String> = Vec::new();
        for r in &self.list {
            let cells: Vec<String> = r
                .cells
                .iter()
                .filter(|&&(t, row, c)| has_figure(t, row, c))
                .map(|&(t, row, c)| {
                    let table = &self.template.tables[t];
                    [
                        &table.id,
                        ".",
                        &table.rows[row].id,
                        ".",
                        &table.columns[c].id,
                    ]
                    .concat()
                })
                .collect();
            if cells.is_empty() {
                continue;
            }
            let Some(f) = self.found.get(r.figure) else {
                continue;
            };
            let id = format!("n{}", facts.len() + 1);
            let to = r.to.min(self.chars.len());
            let quote: String = self.chars[r.from.min(to)..to].iter().collect();
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
