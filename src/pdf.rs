//! A PDF's text, for extraction (native only; the web page reads PDFs with pdf.js, the same way).
//!
//! The glyphs of each page are read with their positions (the `pdf-extract` crate, on `lopdf`),
//! grouped into lines by their baselines, top to bottom, and each line's glyphs ordered left to
//! right. A gap of about a character's width becomes a space; a wide gap (a table's column
//! gutter) becomes a tab, so a table's row comes out as one line with its cells separated by `\t`,
//! exactly as `extract::html` writes an HTML `<tr>`. Pages follow each other (a table split over
//! pages is simply its rows continuing); a page's lone page number at its foot is left out.
//!
//! Never panics and never loops on a broken file: the crate's panics are caught page by page, and
//! a PDF that cannot be read at all is `pdf-unreadable`; one with no text (a scan) `pdf-no-text`.

use std::cell::Cell as Flag;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use crate::Lang;

/// Why a PDF gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// The file has pages but not one character of text: a scan, or pictures of text.
    NoText,
    /// The file is not a PDF this reader can open (broken, truncated, encrypted, …).
    Unreadable(String),
}

impl PdfError {
    /// The stable code: `pdf-no-text` or `pdf-unreadable`.
    pub fn code(&self) -> &'static str {
        match self {
            PdfError::NoText => "pdf-no-text",
            PdfError::Unreadable(_) => "pdf-unreadable",
        }
    }

    /// What to tell a person, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PdfError::NoText, Lang::En) => "this PDF has no text to read: it is probably a scan \
                 (pictures of pages); open the report's web page or a PDF with text instead, or \
                 run the scan through OCR first"
                .to_string(),
            (PdfError::NoText, Lang::Zh) => "此PDF没有可读取的文字，可能是扫描件（页面图片）；\
                 请改用报告的网页或带文字的PDF，或先对扫描件进行文字识别（OCR）"
                .to_string(),
            (PdfError::Unreadable(why), Lang::En) => {
                format!(
                    "this PDF cannot be read ({why}): it may be damaged, truncated or encrypted"
                )
            }
            (PdfError::Unreadable(why), Lang::Zh) => {
                format!("无法读取此PDF（{why}），文件可能已损坏、不完整或已加密")
            }
        }
    }
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PdfError {}

/// Whether the bytes look like a PDF file (`%PDF-` near the start).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// The text of a PDF: lines in reading order, page by page, table rows with their cells
/// separated by tabs.
pub fn to_text(bytes: &[u8]) -> Result<String, PdfError> {
    if !is_pdf(bytes) {
        return Err(PdfError::Unreadable("no %PDF- header".to_string()));
    }
    let doc = quietly(|| pdf_extract::Document::load_mem(bytes))
        .ok_or_else(|| PdfError::Unreadable("the reader failed".to_string()))?
        .map_err(|e| PdfError::Unreadable(short(&e.to_string())))?;
    if doc.is_encrypted() {
        return Err(PdfError::Unreadable("encrypted".to_string()));
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err(PdfError::Unreadable("no pages".to_string()));
    }
    let mut text = String::new();
    let mut read_any = false;
    let mut last_error = None;
    for page in pages {
        let mut glyphs = Glyphs::default();
        match quietly(|| pdf_extract::output_doc_page(&doc, &mut glyphs, page)) {
            Some(Ok(())) => read_any = true,
            Some(Err(e)) => last_error = Some(short(&e.to_string())),
            None => last_error = Some(format!("page {page} failed")),
        }
        // What a page gave before it failed is kept.
        for line in page_lines(glyphs.chars) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    if text.trim().is_empty() {
        return Err(match (read_any, last_error) {
            (false, Some(why)) => PdfError::Unreadable(why),
            _ => PdfError::NoText,
        });
    }
    Ok(text)
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(120).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

thread_local! {
    static QUIET: Flag<bool> = const { Flag::new(false) };
}

/// Runs `f`, catching a panic (`None`) without printing it: the crate panics on some broken files.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Flag::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f)).ok();
    QUIET.with(|q| q.set(was));
    result
}

/// One glyph on a page: its text, left edge, baseline (downwards from the top), advance, size.
#[derive(Clone, Debug)]
struct Glyph {
    text: String,
    x: f64,
    y: f64,
    width: f64,
    size: f64,
}

/// Collects a page's glyphs with their positions.
#[derive(Default)]
struct Glyphs {
    chars: Vec<Glyph>,
    page_height: f64,
}

/// Glyphs beyond this many on one page are dropped (a hostile file may draw millions).
const MAX_GLYPHS: usize = 200_000;

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if self.chars.len() >= MAX_GLYPHS {
            return Ok(());
        }
        // The size of the font on the page: the side of the square of the area that the text
        // matrix makes of a font_size square (as pdf-extract's own plain-text output does).
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt();
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        let width = width * size;
        if !(x.is_finite() && y.is_finite() && size.is_finite() && width.is_finite()) {
            return Ok(());
        }
        // A space the PDF draws is kept as a space (a glyph " "): fonts whose widths are not
        // known make the gap before the next word too small to tell.
        let text: String = if text.chars().all(char::is_whitespace) {
            " ".to_string()
        } else {
            text.chars()
                .filter(|c| !c.is_control())
                .map(unify_radical)
                .collect()
        };
        if text.is_empty() {
            return Ok(());
        }
        self.chars.push(Glyph {
            text,
            x,
            y,
            width: width.max(0.0),
            size: if size > 0.1 { size } else { 10.0 },
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A page's glyphs as lines of text, top to bottom.
fn page_lines(mut glyphs: Vec<Glyph>) -> Vec<String> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Lines: glyphs whose baselines lie within half a character of the line's first.
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for glyph in glyphs {
        match lines.last_mut() {
            Some(line) if (glyph.y - line[0].y).abs() <= 0.5 * line[0].size.min(glyph.size) => {
                line.push(glyph)
            }
            _ => lines.push(vec![glyph]),
        }
    }
    let lines = lines.into_iter().map(|mut line| {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let y = line.iter().map(|g| g.y).fold(f64::NEG_INFINITY, f64::max);
        let size = line[0].size;
        let cells = cells_by_gaps(line.iter().map(|g| (g.text.as_str(), g.x, g.width, g.size)));
        Line { y, size, cells }
    });
    let mut out: Vec<String> = merge_wrapped(lines)
        .into_iter()
        .map(|line| {
            let texts: Vec<&str> = line.cells.iter().map(|c| c.text.as_str()).collect();
            texts.join("\t")
        })
        .collect();
    out.retain(|line| !line.trim().is_empty());
    if out.last().is_some_and(|line| is_page_number(line)) {
        out.pop();
    }
    out
}

/// A run of glyphs of one line between two column gutters.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
}

impl Cell {
    fn is_figure(&self) -> bool {
        self.text.chars().any(|c| c.is_ascii_digit())
            && self
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || ".,%-—–+ ".contains(c))
    }

    /// Whether two cells share more than a point of width (cells that only touch do not).
    fn overlaps(&self, other: &Cell) -> bool {
        self.x0 + 1.0 < other.x1 && other.x0 + 1.0 < self.x1
    }
}

/// A line of a page: its baseline, its first glyph's size, its cells left to right.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub y: f64,
    pub size: f64,
    pub cells: Vec<Cell>,
}

/// A table row whose label wraps over two lines prints its figures between them, on a baseline
/// of its own: the label's first line (no figures, no cell above a figure) is joined to the
/// figures, and a line just below it that continues the label's cells is appended to them. So
/// `（二）部分公开（区分处理的，只计这一情形，` / `99  0 …` / `不计其他情形）` is one row.
pub(crate) fn merge_wrapped(lines: impl IntoIterator<Item = Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut joined = false; // whether the last line of out was joined from two
    for line in lines {
        if let Some(last) = out.last_mut() {
            let near = (line.y - last.y).abs() <= 1.1 * last.size.min(line.size);
            let has_figures = |l: &Line| l.cells.iter().any(Cell::is_figure);
            // The label's first line above the figures: no cell of it above a figure, and
            // where it lies above a label of the figures' line (a group label wrapped in two,
            // `（六）其他` / `处理`), only in a table's row (several cells below fewer).
            let clash = last.cells.iter().any(|a| {
                line.cells.iter().any(|b| {
                    a.overlaps(b) && (b.is_figure() || line.cells.len() <= last.cells.len().max(1))
                })
            });
            if near && !has_figures(last) && has_figures(&line) && !clash {
                let mut cells = line.cells;
                for above in std::mem::take(&mut last.cells) {
                    match cells.iter_mut().find(|b| b.overlaps(&above)) {
                        Some(below) => {
                            let mut text = above.text;
                            if !(is_cjk_end(&text) && is_cjk_start(&below.text)) {
                                text.push(' ');
                            }
                            text.push_str(&below.text);
                            below.text = text;
                            below.x0 = below.x0.min(above.x0);
                            below.x1 = below.x1.max(above.x1);
                        }
                        None => cells.push(above),
                    }
                }
                cells.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                last.cells = cells;
                last.y = line.y;
                joined = true;
                continue;
            }
            if near && joined && !has_figures(&line) {
                let targets: Option<Vec<usize>> = line
                    .cells
                    .iter()
                    .map(|c| {
                        last.cells
                            .iter()
                            .position(|t| !t.is_figure() && t.overlaps(c))
                    })
                    .collect();
                if let Some(targets) = targets {
                    for (cell, at) in line.cells.into_iter().zip(targets) {
                        let target = &mut last.cells[at];
                        if !(is_cjk_end(&target.text) && is_cjk_start(&cell.text)) {
                            target.text.push(' ');
                        }
                        target.text.push_str(&cell.text);
                        target.x1 = target.x1.max(cell.x1);
                    }
                    joined = false;
                    continue;
                }
            }
        }
        joined = false;
        out.push(line);
    }
    out
}

/// One line's glyphs left to right as cells: a space for a word gap, a new cell at a gutter.
pub(crate) fn cells_by_gaps<'a>(
    glyphs: impl Iterator<Item = (&'a str, f64, f64, f64)>,
) -> Vec<Cell> {
    let mut cells: Vec<Cell> = Vec::new();
    let mut last: Option<(f64, &str)> = None; // right edge (widths as given), text
    let mut end_narrow = f64::NEG_INFINITY; // right edge, widths at most plausible
    let mut last_x = f64::NEG_INFINITY;
    let mut space = false; // a space glyph since the last glyph
    for (text, x, width, size) in glyphs {
        if text == " " {
            space = last.is_some();
            continue;
        }
        let spaced = std::mem::take(&mut space);
        match (last, cells.last_mut()) {
            (Some((end, previous)), Some(cell)) => {
                // A glyph drawn twice at (almost) the same place (fake bold) is read once.
                if previous == text && (x - last_x).abs() < 0.2 * size {
                    continue;
                }
                // A font whose widths the reader does not know gets a full em for every glyph
                // (and its glyphs of one run are placed by it): a glyph exactly where the last
                // one ends by those widths is the same word; otherwise the gap is measured with
                // plausible widths (a digit or Latin letter about half an em, an ideograph one).
                let adjacent = (x - end).abs() < 0.02 * size;
                let gap = if adjacent { 0.0 } else { x - end_narrow };
                let out = &cell.text;
                // Figures and Chinese are written without spaces: a gap of more than half a
                // character between two of them is a column's gutter, however narrow the column.
                let tight = (ends_digit(out) || is_cjk_end(out))
                    && (starts_digit(text) || is_cjk_start(text));
                if gap > 1.5 * size || (tight && gap > 0.6 * size) {
                    cells.push(Cell {
                        text: text.to_string(),
                        x0: x,
                        x1: x + width,
                    });
                } else {
                    if spaced || (gap > 0.2 * size && !(is_cjk_end(out) && is_cjk_start(text))) {
                        cell.text.push(' ');
                    }
                    cell.text.push_str(text);
                    cell.x1 = cell.x1.max(x + width);
                }
            }
            _ => cells.push(Cell {
                text: text.to_string(),
                x0: x,
                x1: x + width,
            }),
        }
        last = Some((
            (x + width).max(last.map_or(f64::NEG_INFINITY, |l| l.0)),
            text,
        ));
        let widest = if text.is_ascii() { 0.6 } else { 1.0 } * size * text.chars().count() as f64;
        end_narrow = end_narrow.max(x + width.min(widest));
        last_x = x;
    }
    cells
}

/// Fonts often map a glyph to a Kangxi radical (U+2F00…) or a CJK radical (U+2E80…) instead of
/// the ideograph it looks like (`⼈⺠` for `人民`): the ideograph, as a reader sees it.
pub(crate) fn unify_radical(c: char) -> char {
    match c as u32 {
        0x2F00..=0x2FDF => {
            use unicode_normalization::UnicodeNormalization;
            let mut n = std::iter::once(c).nfkc();
            match (n.next(), n.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        }
        0x2E80..=0x2EFF => RADICALS
            .iter()
            .find(|(r, _)| *r == c)
            .map_or(c, |(_, ideograph)| *ideograph),
        _ => c,
    }
}

/// The CJK radicals supplement that stand for a simplified ideograph (no Unicode decomposition).
const RADICALS: &[(char, char)] = &[
    ('⺀', '冫'),
    ('⺁', '厂'),
    ('⺂', '乛'),
    ('⺃', '乚'),
    ('⺄', '乙'),
    ('⺅', '亻'),
    ('⺆', '冂'),
    ('⺇', '几'),
    ('⺈', '刀'),
    ('⺉', '刂'),
    ('⺋', '㔾'),
    ('⺌', '小'),
    ('⺍', '⺍'),
    ('⺎', '兀'),
    ('⺏', '尣'),
    ('⺐', '尢'),
    ('⺑', '𡯂'),
    ('⺒', '巳'),
    ('⺓', '幺'),
    ('⺔', '彐'),
    ('⺕', '彐'),
    ('⺖', '忄'),
    ('⺗', '心'),
    ('⺘', '扌'),
    ('⺙', '攵'),
    ('⺛', '旡'),
    ('⺜', '日'),
    ('⺝', '月'),
    ('⺞', '歺'),
    ('⺟', '母'),
    ('⺠', '民'),
    ('⺡', '氵'),
    ('⺢', '氺'),
    ('⺣', '灬'),
    ('⺤', '爫'),
    ('⺥', '爫'),
    ('⺦', '丬'),
    ('⺧', '牛'),
    ('⺨', '犭'),
    ('⺩', '王'),
    ('⺪', '疋'),
    ('⺫', '目'),
    ('⺬', '示'),
    ('⺭', '礻'),
    ('⺮', '竹'),
    ('⺯', '糸'),
    ('⺰', '纟'),
    ('⺱', '网'),
    ('⺲', '罒'),
    ('⺳', '网'),
    ('⺴', '网'),
    ('⺵', '网'),
    ('⺶', '羊'),
    ('⺷', '羊'),
    ('⺸', '羊'),
    ('⺹', '耂'),
    ('⺺', '聿'),
    ('⺻', '聿'),
    ('⺼', '月'),
    ('⺽', '臼'),
    ('⺾', '艹'),
    ('⺿', '艹'),
    ('⻀', '艹'),
    ('⻁', '虎'),
    ('⻂', '衤'),
    ('⻃', '西'),
    ('⻄', '西'),
    ('⻅', '见'),
    ('⻆', '角'),
    ('⻇', '角'),
    ('⻈', '讠'),
    ('⻉', '贝'),
    ('⻊', '足'),
    ('⻋', '车'),
    ('⻌', '辶'),
    ('⻍', '辶'),
    ('⻎', '辶'),
    ('⻏', '阝'),
    ('⻐', '金'),
    ('⻑', '長'),
    ('⻒', '镸'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻕', '阝'),
    ('⻖', '阝'),
    ('⻗', '雨'),
    ('⻘', '青'),
    ('⻙', '韦'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻝', '食'),
    ('⻞', '食'),
    ('⻟', '食'),
    ('⻠', '饣'),
    ('⻡', '首'),
    ('⻢', '马'),
    ('⻣', '骨'),
    ('⻤', '鬼'),
    ('⻥', '鱼'),
    ('⻦', '鸟'),
    ('⻧', '卤'),
    ('⻨', '麦'),
    ('⻩', '黄'),
    ('⻪', '黾'),
    ('⻫', '斉'),
    ('⻬', '齐'),
    ('⻭', '歯'),
    ('⻮', '齿'),
    ('⻯', '竜'),
    ('⻰', '龙'),
    ('⻱', '龜'),
    ('⻲', '亀'),
    ('⻳', '龟'),
];

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFD)
}

fn ends_digit(text: &str) -> bool {
    text.chars().next_back().is_some_and(|c| c.is_ascii_digit())
}

fn starts_digit(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn is_cjk_end(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_cjk)
}

fn is_cjk_start(text: &str) -> bool {
    text.chars().next().is_some_and(is_cjk)
}

/// `3`, `- 3 -`, `— 3 —`, `第3页`, `3 / 12`, `第 3 页 共 12 页`: a page's number at its foot.
fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if digits == 0 || digits > 6 || (digits == t.chars().count() && digits > 3) {
        return false;
    }
    t.chars()
        .all(|c| c.is_ascii_digit() || "-—–/第页共Page".contains(c))
        && !t.contains("--")
        && t.chars().filter(|c| *c == '/').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x: f64, y: f64) -> Glyph {
        Glyph {
            text: text.to_string(),
            x,
            y,
            width: 10.0,
            size: 10.0,
        }
    }

    #[test]
    fn lines_by_baseline_and_cells_by_gutter() {
        let glyphs = vec![
            g("计", 20.0, 100.0),
            g("总", 10.0, 100.5),
            g("5", 100.0, 101.0),
            g("8", 110.0, 101.0),
            g("7", 200.0, 100.0),
            g("共", 10.0, 80.0),
            g("A", 10.0, 120.0),
            g("B", 23.0, 120.0),
            g("1", 300.0, 780.0),
        ];
        assert_eq!(page_lines(glyphs), vec!["共", "总计\t58\t7", "A B"]);
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("- 3 -"));
        assert!(is_page_number("第 3 页"));
        assert!(is_page_number("3/12"));
        assert!(!is_page_number("2021"));
        assert!(!is_page_number("共计 3 件"));
    }

    #[test]
    fn not_a_pdf() {
        assert_eq!(to_text(b"hello").unwrap_err().code(), "pdf-unreadable");
        assert_eq!(to_text(b"").unwrap_err().code(), "pdf-unreadable");
        assert_eq!(
            to_text(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF")
                .unwrap_err()
                .code(),
            "pdf-unreadable"
        );
    }
}
