//! Rows read by the template's order. A PDF's text (or its conversion) often prints a block's
//! labels apart from its figures: `（二）部分公开（区分处理的…` on lines of their own, then a line of
//! seven figures with no label. Such a line cannot be read by following its label, but the
//! national template fixes the order of the rows: between two rows read with their labels on
//! their own lines, the lines of figures that belong to no label are the template's rows between
//! those two, in order — when there are exactly as many lines as rows missing there, and no line
//! names another row. Each row so read is a warning that says so, never a silent guess.

use super::{label_end, warning, Cell, ExtractWarning, Kind, Placed, RowKey, Template};

/// Places the missing rows of every table between the rows read with their labels, by order.
pub(super) fn place_by_order(
    cells: &[Cell],
    keys: &[RowKey],
    template: &Template,
    placed: &mut Vec<Placed>,
    warnings: &mut Vec<ExtractWarning>,
) {
    for (t, table) in template.tables.iter().enumerate() {
        let columns = table.columns.len();
        let mut anchors: Vec<(usize, usize, usize)> = placed
            .iter()
            .filter(|p| p.table == t && p.own_line)
            .map(|p| {
                (
                    cells[p.label].line,
                    p.row,
                    p.cells.last().copied().unwrap_or(p.label),
                )
            })
            .collect();
        anchors.sort_unstable();
        let mut found = Vec::new();
        for pair in anchors.windows(2) {
            let ((_, from_row, from_last), (to_line, to_row, _)) = (pair[0], pair[1]);
            if to_row <= from_row + 1 || cells[from_last].line >= to_line {
                continue;
            }
            let missing: Vec<usize> = (from_row + 1..to_row)
                .filter(|&r| !placed.iter().any(|p| p.table == t && p.row == r))
                .collect();
            if missing.is_empty() || missing.len() != to_row - from_row - 1 {
                // A row between them was read elsewhere: the order is not plain here.
                continue;
            }
            let Some(lines) = figure_lines(cells, cells[from_last].line + 1, to_line, columns)
            else {
                continue;
            };
            if lines.len() != missing.len() {
                continue;
            }
            // A line whose words name a row of this table must be that row.
            let consistent = lines.iter().zip(&missing).all(|(line, &row)| {
                (line.first..line.figures[0]).all(|i| {
                    keys.iter()
                        .filter(|k| k.table == t && label_end(cells, i, k).is_some())
                        .all(|k| k.row == row)
                })
            });
            if !consistent {
                continue;
            }
            let (after, before) = (&table.rows[from_row].label.zh, &table.rows[to_row].label.zh);
            for (line, &row) in lines.iter().zip(&missing) {
                found.push(Placed {
                    table: t,
                    row,
                    cells: line.figures.clone(),
                    label: line.first,
                    own_line: true,
                });
                let (title, label) = (&table.title.zh, &table.rows[row].label.zh);
                let at = (
                    cells[line.first].start,
                    cells[*line.figures.last().unwrap_or(&line.first)].end,
                );
                warnings.retain(|w| !w.is_about(table, row));
                warnings.push(
                    warning(
                        "row-placed-by-order",
                        at,
                        format!(
                            "{title} ({}), {label}: read by the template's order, from the line of figures between “{after}” and “{before}” (its label is not beside them); compare it with the document",
                            table.title.en
                        ),
                        format!(
                            "{title}“{label}”:按模板行序读自“{after}”与“{before}”之间的一行数字(标签不在数字旁),请与原文核对"
                        ),
                    )
                    .about(table, row),
                );
            }
        }
        placed.extend(found);
    }
}

/// A line of a row's figures: its first cell, and its `columns` figure cells.
struct FigureLine {
    first: usize,
    figures: Vec<usize>,
}

/// The lines from `from_line` up to (not including) `to_line` that hold a row's figures: words
/// (a broken label) or nothing, then exactly `columns` cells of figures, dashes or blanks, at
/// least one a figure (trailing blank cells beyond them dropped). A line with one or two
/// figures is passed over (a stray cell); a line with more figures than a row, or figures
/// before words, makes the stretch unreadable by order (`None`).
fn figure_lines(
    cells: &[Cell],
    from_line: usize,
    to_line: usize,
    columns: usize,
) -> Option<Vec<FigureLine>> {
    let start = cells.iter().position(|c| c.line >= from_line)?;
    let mut lines = Vec::new();
    let mut i = start;
    while i < cells.len() && cells[i].line < to_line {
        let line = cells[i].line;
        let end = (i..cells.len())
            .find(|&j| cells[j].line != line)
            .unwrap_or(cells.len());
        let mut last = end;
        while last > i && cells[last - 1].kind == Kind::Blank && last - i > columns {
            last -= 1;
        }
        let words = (i..last)
            .take_while(|&j| cells[j].kind == Kind::Text)
            .count();
        let figures: Vec<usize> = (i + words..last).collect();
        let numbers = figures
            .iter()
            .filter(|&&j| cells[j].kind == Kind::Number)
            .count();
        if figures.iter().any(|&j| cells[j].kind == Kind::Text) {
            return None;
        }
        if figures.len() == columns && numbers > 0 {
            lines.push(FigureLine { first: i, figures });
        } else if figures.len() > columns || (numbers > 2 && figures.len() != columns) {
            return None;
        }
        i = end;
    }
    Some(lines)
}
