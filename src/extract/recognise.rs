//! Template recognition: a text that is a report on a known template (`templates/*.json`) is read
//! into the template's tables, row by row, and its narrative's restatements of table figures
//! (本年度共收到政府信息公开申请58件) become checks against the cells they restate.
//!
//! Everything is driven by the template files: a row is found by its label with the numbering
//! stripped (`（三）不予公开 1.属于国家秘密` is found as `属于国家秘密`, after the rows before it),
//! its cells are the figures that follow the label (on its line, or on the lines after it for a
//! text printed one cell per line), and a template is recognised when enough of its rows are
//! found. The columns are the template's, in its order (the national template fixes them): a row
//! whose count of cells is not the template's is a warning and is left out, never guessed. Rows
//! whose labels stand in a header with their cells in one line after it (表四's one row of 15
//! cells) are shared out in order.

mod order;

use super::figures::Found;
use super::ExtractOptions;
use crate::json;

/// A template as recognition reads it: made by `build.rs` from `templates/*.json` (its tables'
/// ids, titles, total columns, and the ids and Chinese labels of columns and rows), so that the
/// text-import module needs no JSON parser.
pub(crate) struct Template {
    pub name: &'static str,
    pub tables: &'static [TableInfo],
}

pub(crate) struct TableInfo {
    pub id: &'static str,
    pub title: Texts,
    pub total_column: Option<&'static str>,
    pub columns: &'static [Item],
    pub rows: &'static [Item],
}

pub(crate) struct Texts {
    pub zh: &'static str,
    pub en: &'static str,
}

pub(crate) struct Zh {
    pub zh: &'static str,
}

/// A column or row: its id and label.
pub(crate) struct Item {
    pub id: &'static str,
    pub label: Zh,
}

/// Every template, in the order of their names.
const TEMPLATES: &[Template] = include!(concat!(env!("OUT_DIR"), "/recognition.rs"));
use crate::Lang;

/// A table or row the recogniser could not place, with where it stands in the text (characters).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ExtractWarning {
    /// `table-not-placed`, `row-not-placed`.
    pub code: &'static str,
    /// In the language of the text (Chinese: the templates are Chinese).
    pub message: String,
    pub start: usize,
    pub end: usize,
    /// The template's table and row it is about, by id (`t3`, `open`), if any: the page
    /// marks that row of the document's table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<&'static str>,
    #[serde(rename = "row", skip_serializing_if = "Option::is_none")]
    pub row_id: Option<&'static str>,
    #[serde(rename = "messageEn")]
    en: String,
}

impl ExtractWarning {
    /// The warning is about that row of that table.
    fn about(mut self, table: &TableInfo, row: usize) -> Self {
        self.table = Some(table.id);
        self.row_id = Some(table.rows[row].id);
        self
    }

    fn is_about(&self, table: &TableInfo, row: usize) -> bool {
        self.table == Some(table.id) && self.row_id == Some(table.rows[row].id)
    }

    /// The message in English (the text's own language is `message`).
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The message in that language.
    pub fn in_lang(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.message)
    }
}

/// A report recognised on a template.
pub struct Recognised {
    pub template: String,
    /// The draft report: a template report, JSON text.
    pub report: String,
    pub warnings: Vec<ExtractWarning>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    /// A numeral: the cell's value is its digits.
    Number,
    /// A printed empty cell: `—`, `-`, `/`.
    Dash,
    /// Nothing printed between two separators.
    Blank,
}

#[derive(Clone, Debug)]
struct Cell {
    start: usize,
    end: usize,
    kind: Kind,
    /// Text: the label normalised; Number: ASCII digits as printed (`1,234`, `4068.208`).
    value: String,
    line: usize,
}

/// A template row as the recogniser looks for it.
pub(crate) struct RowKey {
    pub table: usize,
    pub row: usize,
    /// The row's own label, numbering and punctuation stripped: `属于国家秘密`.
    pub key: String,
    /// The labels of the groups it belongs to: `不予公开`.
    pub groups: Vec<String>,
    /// The key up to its first parenthesis: `部分公开` for `部分公开（区分处理的，…）`.
    pub short: String,
    /// The key, and the key after its groups' labels (行政诉讼未经复议直接起诉).
    pub forms: Vec<String>,
}

/// Where a row's cells were read.
struct Placed {
    table: usize,
    row: usize,
    cells: Vec<usize>,
    /// The cell where the row's label starts.
    label: usize,
    /// The cells stand on the label's own line.
    own_line: bool,
}

/// Recognises `chars` as a report on one of the templates, or `None`.
pub fn recognise(chars: &[char], found: &[Found], options: &ExtractOptions) -> Option<Recognised> {
    let text: String = chars.iter().take(200_000).collect();
    if !text.contains("政府信息公开") {
        return None;
    }
    let cells = cells(chars);
    // The template that places the most rows (and prints the most column headings) wins.
    type Reading = (
        usize,
        &'static Template,
        Vec<RowKey>,
        Vec<Placed>,
        Vec<ExtractWarning>,
    );
    let mut best: Option<Reading> = None;
    for template in TEMPLATES {
        let keys = row_keys(template);
        let (placed, warnings) = place_all(&cells, &keys, template);
        let score = placed.len() * 2 + column_hits(&cells, template);
        if placed.len() >= 5 && best.as_ref().is_none_or(|(s, ..)| score >= *s) {
            best = Some((score, template, keys, placed, warnings));
        }
    }
    let (_, template, keys, placed, mut warnings) = best?;
    for (t, table) in template.tables.iter().enumerate() {
        if !placed.iter().any(|p| p.table == t) {
            let title = table.title.zh;
            let mut missing = warning(
                "table-not-placed",
                (0, 0),
                format!(
                    "{title} ({}): none of its rows was found in the text",
                    table.title.en
                ),
                format!("未在文中找到{title}的任何一行"),
            );
            missing.table = Some(table.id);
            warnings.push(missing);
        }
    }
    let report = write(chars, &cells, found, template, &keys, &placed, options);
    Some(Recognised {
        template: template.name.to_string(),
        report,
        warnings,
    })
}

fn warning(
    code: &'static str,
    (start, end): (usize, usize),
    en: String,
    zh: String,
) -> ExtractWarning {
    ExtractWarning {
        code,
        message: zh,
        start,
        end,
        table: None,
        row_id: None,
        en,
    }
}

// ---------------------------------------------------------------------------------------------
// Cells: a line is cut at tabs and `|` (HTML rows, Markdown tables), and at spaces between words.

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

fn cells(chars: &[char]) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut line = 0;
    while line_start < chars.len() {
        let line_end = chars[line_start..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |n| line_start + n);
        line_cells(chars, line_start, line_end, line, &mut out);
        line_start = line_end + 1;
        line += 1;
    }
    out
}

fn line_cells(chars: &[char], from: usize, to: usize, line: usize, out: &mut Vec<Cell>) {
    let slice = &chars[from..to];
    let separated = slice.iter().any(|&c| c == '\t' || c == '|');
    // A Markdown rule (|---|---|) holds no cells.
    if slice.contains(&'|')
        && slice
            .iter()
            .all(|&c| matches!(c, '|' | '-' | ':') || is_space(c))
    {
        return;
    }
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    if separated {
        let mut start = from;
        for (i, &c) in slice.iter().enumerate() {
            if c == '\t' || c == '|' {
                pieces.push((start, from + i));
                start = from + i + 1;
            }
        }
        pieces.push((start, to));
        let blank = |&(s, e): &(usize, usize)| chars[s..e].iter().all(|&c| is_space(c));
        // Markdown's `|` before the first cell and after the last open or close no cell.
        let first = slice.iter().find(|c| !is_space(**c));
        if first == Some(&'|') && pieces.first().is_some_and(blank) {
            pieces.remove(0);
        }
        let last = slice.iter().rev().find(|c| !is_space(**c));
        if last == Some(&'|') && pieces.last().is_some_and(blank) {
            pieces.pop();
        }
    } else {
        pieces.push((from, to));
    }
    for (s, e) in pieces {
        let before = out.len();
        let mut k = s;
        while k < e {
            if is_space(chars[k]) {
                k += 1;
                continue;
            }
            let w = (k..e).find(|&j| is_space(chars[j])).unwrap_or(e);
            let cell = word(chars, k, w, line);
            let in_piece = out.len() > before;
            // Words of one cell stay one: a cell between tabs, a numbering and its label
            // (1. 属于国家秘密), a note in parentheses (部分公开 （区分处理的，…）). Words apart
            // on a line of spaces are cells of their own (行政复议 行政诉讼).
            let joins = |last: &Cell| {
                let raw: String = chars[last.start..last.end].iter().collect();
                separated
                    || last.value.is_empty()
                    || raw.matches(['（', '(']).count() > raw.matches(['）', ')']).count()
                    || matches!(chars[k], '（' | '(')
            };
            match (out.last_mut(), cell.kind) {
                (Some(last), Kind::Text) if last.kind == Kind::Text && in_piece && joins(last) => {
                    last.end = w;
                    last.value.push_str(&cell.value);
                }
                _ => out.push(cell),
            }
            k = w;
        }
        if out.len() == before && separated {
            out.push(Cell {
                start: s,
                end: s,
                kind: Kind::Blank,
                value: String::new(),
                line,
            });
        }
    }
}

const DASHES: &[&str] = &["—", "——", "-", "－", "/", "／", "–", "―", "--", "-—"];
/// Units a table cell may print after its numeral (采购总金额 "251000元").
const CELL_UNITS: &[&str] = &["件", "条", "个", "项", "万元", "元"];

fn word(chars: &[char], start: usize, end: usize, line: usize) -> Cell {
    let printed: String = chars[start..end].iter().collect();
    let mut cell = Cell {
        start,
        end,
        kind: Kind::Text,
        value: String::new(),
        line,
    };
    if DASHES.contains(&printed.as_str()) {
        cell.kind = Kind::Dash;
        return cell;
    }
    let mut digits = String::new();
    let mut n = start;
    if matches!(chars[n], '-' | '－' | '+' | '＋') && end - start > 1 {
        digits.push(if matches!(chars[n], '-' | '－') {
            '-'
        } else {
            '+'
        });
        n += 1;
    }
    let mut seen_digit = false;
    let mut seen_point = false;
    while n < end {
        let c = ascii(chars[n]);
        if c.is_ascii_digit() {
            seen_digit = true;
            digits.push(c);
        } else if (c == ',' || c == '，') && seen_digit && !seen_point {
            digits.push(',');
        } else if c == '.' && seen_digit && !seen_point {
            seen_point = true;
            digits.push('.');
        } else {
            break;
        }
        n += 1;
    }
    let rest: String = chars[n..end].iter().collect();
    let well_formed = seen_digit && !digits.ends_with(['.', ',']);
    if well_formed && (rest.is_empty() || CELL_UNITS.contains(&rest.as_str())) {
        cell.kind = Kind::Number;
        cell.end = n;
        cell.value = digits.trim_start_matches('+').to_string();
    } else {
        cell.value = normalise(&strip_numbering(&printed));
    }
    cell
}

/// Full-width digits and signs as ASCII.
fn ascii(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '，' => ',',
        _ => c,
    }
}

const NUMERALS: &str = "一二三四五六七八九十0123456789０１２３４５６７８９";

/// A label without the numbering before it: `（三）`, `三、`, `1.`, `(1)`, `1、`.
fn strip_numbering(label: &str) -> String {
    let mut rest = label.trim_start_matches(is_space);
    loop {
        let before = rest;
        let open = rest.starts_with(['（', '(']);
        let inner = if open {
            &rest[rest.chars().next().map_or(0, char::len_utf8)..]
        } else {
            rest
        };
        let digits = inner.len() - inner.trim_start_matches(|c| NUMERALS.contains(c)).len();
        if digits > 0 {
            let after = &inner[digits..];
            let close: &[char] = if open {
                &['）', ')']
            } else {
                &['、', '.', '．', ')', '）']
            };
            if let Some(c) = after.chars().next().filter(|c| close.contains(c)) {
                rest = after[c.len_utf8()..].trim_start_matches(is_space);
            }
        }
        if rest == before {
            return rest.to_string();
        }
    }
}

/// Letters, digits and Han only: punctuation, spaces and their full-width forms dropped.
fn normalise(text: &str) -> String {
    text.chars()
        .map(ascii)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Rows of the template, as labels to find.

/// The parts of a label between its numbering marks: `三、本年度办理结果（一）予以公开` is
/// `本年度办理结果`, `予以公开`.
fn segments(label: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = label.chars().collect();
    let mut cuts = vec![0];
    for i in 1..chars.len() {
        let open = matches!(chars[i], '（' | '(')
            && chars.get(i + 1).is_some_and(|c| NUMERALS.contains(*c));
        let bare = NUMERALS.contains(chars[i])
            && !NUMERALS.contains(chars[i - 1])
            && matches!(chars.get(i + 1), Some('、' | '.' | '．'));
        if (open || bare || is_space(chars[i])) && !is_space(chars[i - 1]) {
            cuts.push(i);
        }
    }
    cuts.push(chars.len());
    cuts.windows(2)
        .filter_map(|w| {
            let part: String = chars[w[0]..w[1]].iter().collect();
            let stripped = strip_numbering(&part);
            let key = normalise(&stripped);
            let short = normalise(stripped.split(['（', '(']).next().unwrap_or(""));
            (!key.is_empty()).then_some((key, short))
        })
        .collect()
}

fn row_keys(template: &Template) -> Vec<RowKey> {
    let mut keys = Vec::new();
    for (t, table) in template.tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            let mut parts = segments(row.label.zh);
            let Some((key, short)) = parts.pop() else {
                continue;
            };
            let groups: Vec<String> = parts.into_iter().map(|(k, _)| k).collect();
            let mut forms = vec![key.clone()];
            for n in 0..groups.len() {
                forms.push([groups[n..].concat(), key.clone()].concat());
            }
            keys.push(RowKey {
                table: t,
                row: r,
                key,
                groups,
                short,
                forms,
            });
        }
    }
    keys
}

/// Whether a cell's label names this key: the same words, the label cut short (at least four
/// characters), the label with more words after (a note in parentheses), or one of the two
/// without a qualifier before it (规范性文件 / 行政规范性文件).
fn names(label: &str, key: &str) -> bool {
    let (l, k) = (label.chars().count(), key.chars().count());
    label == key
        || (l >= 4 && key.starts_with(label))
        || (k >= 4 && label.starts_with(key) && l <= k + 24)
        || (l >= 4 && key.ends_with(label))
        || (k >= 4 && label.ends_with(key) && l <= k + 2)
}

/// For each text cell, whether it names a row of the template (possibly with the next line's
/// first cell, for a label wrapped over two lines): the index of the cell where the label ends.
fn label_end(cells: &[Cell], i: usize, key: &RowKey) -> Option<usize> {
    let cell = &cells[i];
    if cell.kind != Kind::Text || cell.value.is_empty() {
        return None;
    }
    if names(&cell.value, &key.key) || key.forms[1..].contains(&cell.value) {
        return Some(i);
    }
    let key = &key.key;
    let next = cells.get(i + 1)?;
    let joined = [cell.value.as_str(), next.value.as_str()].concat();
    (next.kind == Kind::Text
        && next.line == cell.line + 1
        && (joined == *key || (key.starts_with(&joined) && joined.len() > cell.value.len())))
    .then_some(i + 1)
}

/// Whether cell `i` is the label of a row of `table`, or of a later table's row and first on
/// its line (a heading such as 总计 in 表四's header is not 表三's row).
fn is_label_of_any(cells: &[Cell], i: usize, keys: &[RowKey], table: usize) -> bool {
    let first = i == 0 || cells[i - 1].line != cells[i].line;
    keys.iter()
        .filter(|k| k.table == table || (first && k.table > table))
        .any(|k| label_end(cells, i, k).is_some())
}

/// A line of sentences, not of a table: it ends the cells of a row.
fn is_prose(cell: &Cell) -> bool {
    cell.kind == Kind::Text && cell.value.chars().count() > 30
}

/// The cells (numbers, dashes, blanks) after a row's label, up to `cap` of them: the rest of its
/// line, then the lines of cells only after it; a line of other words is passed over, the next
/// label, a sentence or a line that mixes words and figures ends it (except right after the
/// label: the rest of a wrapped label).
fn cells_after(
    cells: &[Cell],
    end: usize,
    keys: &[RowKey],
    table: usize,
    cap: usize,
) -> Vec<usize> {
    let mut got = Vec::new();
    let label_line = cells[end].line;
    let mut i = end + 1;
    while i < cells.len() && cells[i].line == label_line {
        if cells[i].kind == Kind::Text {
            // Words after a full row end it: the next table's heading on a page printed as one
            // line (规范性文件 6 6 6 第二十条第（五）项 信息内容 …).
            if is_label_of_any(cells, i, keys, table) || got.len() >= cap {
                return got;
            }
        } else {
            got.push(i);
        }
        i += 1;
    }
    let mut lines = 0;
    while i < cells.len() && got.len() < cap && lines < 40 {
        let line = cells[i].line;
        let to = (i..cells.len())
            .find(|&j| cells[j].line != line)
            .unwrap_or(cells.len());
        let texts = (i..to).filter(|&j| cells[j].kind == Kind::Text).count();
        let figures = (i..to)
            .filter(|&j| matches!(cells[j].kind, Kind::Number | Kind::Dash))
            .count();
        if (i..to).any(|j| is_label_of_any(cells, j, keys, table) || is_prose(&cells[j])) {
            return got;
        }
        if texts == 0 && figures > 0 {
            got.extend(i..to);
        } else if texts > 0 && figures > 0 {
            if !got.is_empty() {
                return got;
            }
            got.extend((i..to).filter(|&j| cells[j].kind != Kind::Text));
        }
        i = to;
        lines += 1;
    }
    got
}

/// Places the template's rows in the text, in the template's order.
/// Places every table's rows in the template's order; a table none of whose rows was found
/// after the tables before it is looked for again from the start (a page that prints its
/// tables in another order).
fn place_all(
    cells: &[Cell],
    keys: &[RowKey],
    template: &Template,
) -> (Vec<Placed>, Vec<ExtractWarning>) {
    let all: Vec<usize> = (0..keys.len()).collect();
    let (mut placed, mut warnings) = place(cells, keys, &all, template);
    for t in 0..template.tables.len() {
        if placed.iter().any(|p| p.table == t) {
            continue;
        }
        let rows: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&k| keys[k].table == t)
            .collect();
        let (more, more_warnings) = place(cells, keys, &rows, template);
        if !more.is_empty() {
            // The first reading's warnings about this table's rows give way to the second's.
            let id = template.tables[t].id;
            warnings.retain(|w| w.table != Some(id));
            placed.extend(more);
            warnings.extend(more_warnings);
        }
    }
    drop_out_of_order(cells, template, &mut placed, &mut warnings);
    order::place_by_order(cells, keys, template, &mut placed, &mut warnings);
    (placed, warnings)
}

/// Places the rows `which` (indices into `keys`), in order.
fn place(
    cells: &[Cell],
    keys: &[RowKey],
    which: &[usize],
    template: &Template,
) -> (Vec<Placed>, Vec<ExtractWarning>) {
    let mut placed: Vec<Placed> = Vec::new();
    let mut warnings = Vec::new();
    let mut pos = 0;
    // Rows of the current table whose labels were found with no cells after them (a header),
    // by index into `keys`, with the label's cell.
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let not_placed = |key: &RowKey, at: (usize, usize), found: usize| {
        let table = &template.tables[key.table];
        let (title, row_label) = (&table.title.zh, &table.rows[key.row].label.zh);
        let columns = table.columns.len();
        warning(
            "row-not-placed",
            at,
            format!(
                "{title} ({}), {row_label}: {found} cells after its label where the template has {columns}; the row is left out",
                table.title.en
            ),
            format!("{title}“{row_label}”:标签后有 {found} 个单元格,模板为 {columns} 个,未读入该行"),
        )
        .about(table, key.row)
    };
    let span = |start: usize, end: usize| (cells[start].start, cells[end].end);
    for &k in which {
        let key = &keys[k];
        let columns = template.tables[key.table].columns.len();
        if pending
            .first()
            .is_some_and(|&(p, _)| keys[p].table != key.table)
        {
            for (p, at) in pending.drain(..) {
                warnings.push(not_placed(&keys[p], span(at, at), 0));
            }
        }
        let find = |from: usize| {
            (from..cells.len()).find_map(|i| label_end(cells, i, key).map(|e| (i, e)))
        };
        let Some((mut start, mut end)) = find(pos) else {
            continue;
        };
        let cap = columns * (pending.len() + 1);
        let mut got = cells_after(cells, end, keys, key.table, cap);
        // A heading that names the row, then its table (Markdown pages): the row's own label
        // follows within a few lines.
        if got.is_empty() {
            if let Some((s2, e2)) =
                find(end + 1).filter(|&(s2, _)| cells[s2].line <= cells[end].line + 6)
            {
                let again = cells_after(cells, e2, keys, key.table, cap);
                if !again.is_empty() {
                    (start, end, got) = (s2, e2, again);
                }
            }
        }
        if got.is_empty() {
            pending.push((k, start));
            pos = end + 1;
            continue;
        }
        // Blank cells after a row's last (a table wider than the template, a trailing `|  |`).
        while got.len() > cap && got.last().is_some_and(|&g| cells[g].kind == Kind::Blank) {
            got.pop();
        }
        let own_line = got.iter().all(|&g| cells[g].line == cells[end].line);
        if got.len() == cap && !pending.is_empty() {
            // Labels in a header, cells in one line after: shared out in order.
            let rows = pending.drain(..).chain([(k, start)]);
            for (n, (p, label)) in rows.enumerate() {
                placed.push(Placed {
                    table: key.table,
                    row: keys[p].row,
                    cells: got[n * columns..(n + 1) * columns].to_vec(),
                    label,
                    own_line: false,
                });
            }
        } else if !pending.is_empty()
            && got.len() == template.tables[key.table].rows.len() * columns
            && !placed.iter().any(|p| p.table == key.table)
        {
            // The same, with a row's label too broken to find (行政复\t行政诉 / 议\t讼): the
            // line holds every row of the table, in the template's order.
            pending.clear();
            for row in 0..template.tables[key.table].rows.len() {
                placed.push(Placed {
                    table: key.table,
                    row,
                    cells: got[row * columns..(row + 1) * columns].to_vec(),
                    label: start,
                    own_line: false,
                });
            }
        } else {
            for (p, at) in pending.drain(..) {
                warnings.push(not_placed(&keys[p], span(at, at), 0));
            }
            if got.len() == columns {
                placed.push(Placed {
                    table: key.table,
                    row: key.row,
                    cells: got.clone(),
                    label: start,
                    own_line,
                });
            } else {
                warnings.push(not_placed(key, span(start, end), got.len()));
            }
        }
        pos = got.last().map_or(end, |&g| g) + 1;
    }
    for (p, at) in pending {
        warnings.push(not_placed(&keys[p], span(at, at), 0));
    }
    (placed, warnings)
}

/// A table whose lines of figures do not all belong to a label (a PDF's text that prints the
/// labels of a block, then its figures, in another order) cannot be read by following a label
/// to the lines after it: only rows with their cells on their own line are kept, the others are
/// warnings.
fn drop_out_of_order(
    cells: &[Cell],
    template: &Template,
    placed: &mut Vec<Placed>,
    warnings: &mut Vec<ExtractWarning>,
) {
    for (t, table) in template.tables.iter().enumerate() {
        let rows = || placed.iter().filter(|p| p.table == t);
        let (Some(from), Some(to)) = (
            rows().map(|p| p.label).min(),
            rows().flat_map(|p| p.cells.iter().copied()).max(),
        ) else {
            continue;
        };
        let taken: Vec<usize> = rows().flat_map(|p| p.cells.iter().copied()).collect();
        // Lines of figures only, none of them read: where each starts.
        let mut orphans = Vec::new();
        let mut i = from;
        while i <= to {
            let line = cells[i].line;
            let end = (i..cells.len())
                .find(|&j| cells[j].line != line)
                .unwrap_or(cells.len());
            let figures = (i..end).all(|j| cells[j].kind != Kind::Text)
                && (i..end).any(|j| cells[j].kind == Kind::Number);
            if figures && !(i..end).any(|j| taken.contains(&j)) {
                orphans.push(i);
            }
            i = end;
        }
        if orphans.is_empty() {
            continue;
        }
        // A row read from the lines after its label is kept unless a line of figures that belongs
        // to no label stands between the rows read before and after it.
        let spans: Vec<(usize, usize)> = rows()
            .map(|p| (p.label, p.cells.iter().copied().max().unwrap_or(p.label)))
            .collect();
        let title = &table.title.zh;
        placed.retain(|p| {
            if p.table != t || p.own_line {
                return true;
            }
            let last = p.cells.iter().copied().max().unwrap_or(p.label);
            let before = spans.iter().map(|s| s.1).filter(|&e| e < p.label).max().unwrap_or(from);
            let after = spans.iter().map(|s| s.0).filter(|&s| s > last).min().unwrap_or(to + 1);
            let near = orphans.iter().filter(|&&o| before < o && o < after).count();
            if near == 0 {
                return true;
            }
            let row_label = &table.rows[p.row].label.zh;
            warnings.push(warning(
                "row-not-placed",
                (cells[p.label].start, cells[p.label].end),
                format!(
                    "{title} ({}), {row_label}: its figures stand apart from its label, beside {near} lines of figures that belong to no label; the row is left out",
                    table.title.en
                ),
                format!("{title}“{row_label}”:数字与标签不在同一行,旁边有 {near} 行数字找不到所属标签,未读入该行"),
            ).about(table, p.row));
            false
        });
    }
}

/// How many of the template's column headings the text prints (they tell the 2019 template's
/// 表二 from the 2021 one's).
fn column_hits(cells: &[Cell], template: &Template) -> usize {
    let mut labels: Vec<String> = template
        .tables
        .iter()
        .flat_map(|t| t.columns)
        .map(|c| normalise(c.label.zh.rsplit('：').next().unwrap_or("")))
        .filter(|l| l.chars().count() >= 4)
        .collect();
    // One count per heading (规章 and its kind in two tables); no sort: it would cost the
    // WebAssembly module a sort's code.
    let mut seen: Vec<String> = Vec::new();
    labels.retain(|l| {
        let new = !seen.contains(l);
        seen.push(l.clone());
        new
    });
    labels
        .iter()
        .filter(|l| {
            cells.iter().any(|c| {
                c.kind == Kind::Text && (c.value == **l || c.value.starts_with(l.as_str()))
            })
        })
        .count()
}

// ---------------------------------------------------------------------------------------------
// The draft.

#[allow(clippy::too_many_arguments)]
fn write(
    chars: &[char],
    cells: &[Cell],
    found: &[Found],
    template: &Template,
    keys: &[RowKey],
    placed: &[Placed],
    options: &ExtractOptions,
) -> String {
    let (found_title, issuer, year) = report_info(chars);
    let title = options.title.clone().unwrap_or(found_title);
    let source = options.source.as_deref();
    let mut out = String::from("{\n  \"crossfoot\": 1,\n  \"template\": ");
    json::write_string(template.name, &mut out);
    out.push_str(",\n  \"report\": {\"title\": ");
    json::write_string(&title, &mut out);
    for (key, value) in [("issuer", issuer), ("period", year)] {
        if let Some(value) = value {
            out.push_str(", ");
            json::write_string(key, &mut out);
            out.push_str(": ");
            json::write_string(&value, &mut out);
        }
    }
    if let Some(source) = source {
        out.push_str(", \"source\": ");
        json::write_string(source, &mut out);
    }
    out.push_str(", \"language\": \"zh-CN\"},\n  \"tables\": [");
    let mut first_table = true;
    for (t, table) in template.tables.iter().enumerate() {
        let rows: Vec<&Placed> = table
            .rows
            .iter()
            .enumerate()
            .filter_map(|(r, _)| placed.iter().find(|p| p.table == t && p.row == r))
            .collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(if first_table {
            "\n    {\"id\": "
        } else {
            ",\n    {\"id\": "
        });
        first_table = false;
        json::write_string(table.id, &mut out);
        out.push_str(", \"rows\": [");
        for (n, p) in rows.iter().enumerate() {
            out.push_str(if n == 0 {
                "\n      {\"id\": "
            } else {
                ",\n      {\"id\": "
            });
            json::write_string(table.rows[p.row].id, &mut out);
            out.push_str(", \"cells\": [");
            for (k, &c) in p.cells.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                let cell = &cells[c];
                match cell.kind {
                    Kind::Number if is_json_number(&cell.value) => out.push_str(&cell.value),
                    Kind::Number => json::write_string(&cell.value, &mut out),
                    Kind::Dash => out.push_str("\"—\""),
                    _ => out.push_str("null"),
                }
            }
            out.push_str("], \"at\": [");
            for (k, &c) in p.cells.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                let cell = &cells[c];
                if cell.kind == Kind::Blank {
                    out.push_str("null");
                } else {
                    out.push_str(&format!(
                        "{{\"start\": {}, \"end\": {}}}",
                        cell.start, cell.end
                    ));
                }
            }
            out.push_str("]}");
        }
        out.push_str("\n    ]}");
    }
    out.push_str(if first_table { "],\n" } else { "\n  ],\n" });
    let value = |(t, r, c): (usize, usize, usize)| -> Option<i128> {
        let p = placed.iter().find(|p| p.table == t && p.row == r)?;
        let cell = &cells[*p.cells.get(c)?];
        match cell.kind {
            Kind::Number => cell.value.replace(',', "").parse().ok(),
            _ => None,
        }
    };
    let restated = super::restate::find(
        chars,
        found,
        template,
        keys,
        &cells_taken(cells, placed),
        &value,
    );
    restated.write(&mut out, &value, |t, r, c| {
        cell_has_figure(cells, placed, t, r, c)
    });
    out.push_str("}\n");
    out
}

fn cells_taken(cells: &[Cell], placed: &[Placed]) -> Vec<(usize, usize)> {
    placed
        .iter()
        .flat_map(|p| p.cells.iter().map(|&c| (cells[c].start, cells[c].end)))
        .collect()
}

fn cell_has_figure(
    cells: &[Cell],
    placed: &[Placed],
    table: usize,
    row: usize,
    column: usize,
) -> bool {
    placed
        .iter()
        .find(|p| p.table == table && p.row == row)
        .and_then(|p| p.cells.get(column))
        .is_some_and(|&c| cells[c].kind == Kind::Number)
}

/// A JSON number as written: no leading zero, no grouping commas, no sign but `-`.
fn is_json_number(digits: &str) -> bool {
    let unsigned = digits.strip_prefix('-').unwrap_or(digits);
    let leading_zero =
        unsigned.len() > 1 && unsigned.starts_with('0') && !unsigned.starts_with("0.");
    !(unsigned.contains(',') || unsigned.is_empty() || leading_zero)
}

/// The report's title (its first line that names a disclosure report), issuer and year.
fn report_info(chars: &[char]) -> (String, Option<String>, Option<String>) {
    let head: String = chars.iter().take(3000).collect();
    let lines: Vec<&str> = head
        .lines()
        .map(|l| l.trim_matches(|c: char| is_space(c) || c == '#' || c == '*'))
        .filter(|l| !l.is_empty())
        .collect();
    // The title's line, or two lines when a PDF breaks it (…政府信息公开工作 / 年度报告).
    let joined = lines.windows(2).find_map(|w| {
        (w[0].contains("政府信息公开")
            && !w[0].contains("报告")
            && w[1].chars().count() <= 8
            && w[1].contains("报告"))
        .then(|| [w[0], w[1]].concat())
    });
    // A title, not a sentence that names the report.
    let line = lines
        .iter()
        .find(|l| {
            l.contains("政府信息公开")
                && l.contains("报告")
                && l.chars().count() <= 80
                && !l.contains(['，', '。', '《'])
        })
        .copied();
    // A table's row (名称 | 沭阳县发展和改革局2023年政府信息公开年度报告): the cell that names it.
    let line = line.map(|l| {
        l.split(['\t', '|'])
            .find(|cell| cell.contains("政府信息公开"))
            .unwrap_or(l)
    });
    let title: String = line
        .or(joined.as_deref())
        .unwrap_or("政府信息公开工作年度报告")
        .chars()
        .filter(|c| !is_space(*c))
        .collect();
    let title = title.as_str();
    // A page saved with its fields: 标题: 平潭综合实验区2021年度政府信息公开工作年度报告.
    let title = match title.split_once([':', '：']) {
        Some((field, rest)) if field.chars().count() <= 4 && !rest.trim().is_empty() => rest.trim(),
        _ => title,
    }
    .to_string();
    let compact: String = title.chars().filter(|c| !is_space(*c)).collect();
    let year_in = |text: &str| -> Option<(usize, String)> {
        let t: Vec<char> = text.chars().map(ascii).collect();
        (0..t.len().saturating_sub(4)).find_map(|i| {
            let y: String = t[i..i + 4].iter().collect();
            let before_ok = i == 0 || !t[i - 1].is_ascii_digit();
            (before_ok
                && y.chars().all(|c| c.is_ascii_digit())
                && t[i + 4] == '年'
                && y.starts_with("20"))
            .then_some((i, y))
        })
    };
    let year = year_in(&compact).or_else(|| year_in(&head));
    let issuer = year_in(&compact).and_then(|(i, _)| {
        let chars: Vec<char> = compact.chars().collect();
        let before: String = chars[..i].iter().collect();
        let after: String = chars[i + 5..].iter().collect();
        let name = if before.chars().count() >= 2 {
            before
        } else {
            after.split("政府信息公开").next().unwrap_or("").to_string()
        };
        let name = name
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        (name.chars().count() >= 2).then_some(name)
    });
    (title, issuer, year.map(|(_, y)| y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells_of(text: &str) -> Vec<Cell> {
        cells(&text.chars().collect::<Vec<_>>())
    }

    #[test]
    fn every_template_file_is_there_for_recognition_with_its_labels() {
        let names: Vec<&str> = TEMPLATES.iter().map(|t| t.name).collect();
        assert_eq!(names, crate::template::names().collect::<Vec<_>>());
        for template in TEMPLATES {
            let full = crate::template::find(template.name).unwrap();
            assert_eq!(template.tables.len(), full.tables.len());
            for (table, layout) in template.tables.iter().zip(&full.tables) {
                assert_eq!(table.id, layout.id);
                assert_eq!(table.title.en, layout.title.en);
                let rows: Vec<(&str, &str)> =
                    table.rows.iter().map(|r| (r.id, r.label.zh)).collect();
                let expected: Vec<(&str, &str)> = layout
                    .rows
                    .iter()
                    .map(|r| (r.id.as_str(), r.label.zh.as_str()))
                    .collect();
                assert_eq!(rows, expected);
                assert_eq!(table.columns.len(), layout.columns.len());
            }
            let t3 = template.tables.iter().find(|t| t.id == "t3").unwrap();
            assert_eq!(t3.total_column, Some("total"));
        }
    }

    #[test]
    fn numbering_is_stripped_from_labels_in_every_form() {
        assert_eq!(strip_numbering("（三）不予公开"), "不予公开");
        assert_eq!(strip_numbering("1.属于国家秘密"), "属于国家秘密");
        assert_eq!(
            strip_numbering("四、结转下年度继续办理"),
            "结转下年度继续办理"
        );
        assert_eq!(strip_numbering("(1)予以公开"), "予以公开");
        assert_eq!(strip_numbering("三类内部事务"), "三类内部事务");
    }

    #[test]
    fn a_template_label_splits_at_its_numbering_into_groups_and_its_own_words() {
        let parts = segments("三、本年度办理结果（一）予以公开");
        assert_eq!(
            parts.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
            ["本年度办理结果", "予以公开"]
        );
        let parts = segments("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].1, "部分公开");
        let parts = segments("（三）不予公开 3.危及“三安全一稳定”");
        assert_eq!(
            parts.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
            ["不予公开", "危及三安全一稳定"]
        );
    }

    #[test]
    fn cells_are_cut_at_tabs_pipes_and_spaces_and_blank_cells_are_kept_between_tabs() {
        let kinds = |text: &str| cells_of(text).iter().map(|c| c.kind).collect::<Vec<_>>();
        assert_eq!(
            kinds("规章\t0\t\t—"),
            [Kind::Text, Kind::Number, Kind::Blank, Kind::Dash]
        );
        assert_eq!(
            kinds("| 规章 | 0 | 0 | 0 |"),
            [Kind::Text, Kind::Number, Kind::Number, Kind::Number]
        );
        assert_eq!(kinds("|---|---|"), []);
        assert_eq!(
            kinds("1. 属于国家秘密 0 ０ 12"),
            [Kind::Text, Kind::Number, Kind::Number, Kind::Number]
        );
        let cells = cells_of("采购总金额\t251000元");
        assert_eq!(cells[1].value, "251000");
        assert_eq!((cells[1].start, cells[1].end), (6, 12));
    }
}
