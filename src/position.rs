//! Line and column of a byte offset, and JSON Pointer escaping.

/// Where each line starts, built once per input so that every finding is located quickly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    /// The byte offset of the start of each line; the first is always 0.
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `input` in one pass. Lines end at `\n`, so a `\r\n` is one break.
    pub fn new(input: &[u8]) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            input
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { line_starts }
    }

    /// The 1-based line and 1-based column of `offset` in `input` (the input given to `new`).
    /// Columns count characters, not bytes: a CJK character is one column, and a byte that is not
    /// UTF-8 counts as one column. An offset past the end gives the position just after the last
    /// character.
    pub fn locate(&self, input: &[u8], offset: usize) -> (u32, u32) {
        let offset = offset.min(input.len());
        // The last line that starts at or before the offset (line_starts[0] == 0, so at least 1).
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .max(1);
        let line_start = self
            .line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(0)
            .min(offset);
        let before = input.get(line_start..offset).unwrap_or_default();
        let column = count_columns(before) + 1;
        (saturate(line), saturate(column))
    }
}

/// Counts characters, each invalid byte as one.
fn count_columns(bytes: &[u8]) -> usize {
    // Most spans are ASCII: one column a byte, checked a word at a time.
    if bytes.is_ascii() {
        return bytes.len();
    }
    bytes
        .utf8_chunks()
        .map(|chunk| chunk.valid().chars().count() + chunk.invalid().len())
        .sum()
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `pointer` with one more step: `/key`. (One function rather than a `format!` at each of some
/// thirty places: the module has a size budget.)
pub fn pointer_child(pointer: &str, key: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + key.len() + 8);
    out.push_str(pointer);
    out.push('/');
    out.push_str(key);
    out
}

/// `pointer` with two more steps: `/key/index`, e.g. `/facts/3`.
pub fn pointer_item(pointer: &str, key: &str, index: usize) -> String {
    let mut out = pointer_child(pointer, key);
    out.push('/');
    // The digits by hand: `to_string` goes through the formatting machinery, once per item.
    crate::number::push_digits(&mut out, index as u128);
    out
}

/// Escapes one reference token of a JSON Pointer (RFC 6901): `~` becomes `~0`, `/` becomes `~1`.
pub fn pointer_escape(segment: &str) -> String {
    if !segment.contains(['~', '/']) {
        return segment.to_owned();
    }
    segment.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_offsets() {
        let cases: &[(&[u8], usize, (u32, u32))] = &[
            (b"", 0, (1, 1)),
            (b"", 5, (1, 1)),
            (b"abc", 0, (1, 1)),
            (b"abc", 2, (1, 3)),
            (b"abc", 3, (1, 4)),
            (b"abc", 99, (1, 4)),
            (b"ab\ncd", 2, (1, 3)),
            (b"ab\ncd", 3, (2, 1)),
            (b"ab\ncd", 4, (2, 2)),
            (b"ab\r\ncd", 4, (2, 1)),
            (b"ab\r\ncd", 5, (2, 2)),
            (b"\n\n\nx", 3, (4, 1)),
            (b"a\n", 2, (2, 1)),
            (b"a\n", 10, (2, 1)),
            ("中文x".as_bytes(), 3, (1, 2)),
            ("中文x".as_bytes(), 6, (1, 3)),
            ("\"中\": 1\n  \"文\"".as_bytes(), 12, (2, 4)),
            ("\"中\": 1\n  \"文\"".as_bytes(), 15, (2, 5)),
            (b"\xFF\xFEx", 2, (1, 3)),
            (b"a\x80b", 2, (1, 3)),
            ("😀x".as_bytes(), 4, (1, 2)),
        ];
        for (input, offset, expected) in cases {
            let index = LineIndex::new(input);
            assert_eq!(
                index.locate(input, *offset),
                *expected,
                "{:?} at {offset}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn escapes_pointer_segments() {
        let cases = [
            ("", ""),
            ("figures", "figures"),
            ("a/b", "a~1b"),
            ("m~n", "m~0n"),
            ("~/", "~0~1"),
            ("~1", "~01"),
            ("增长率", "增长率"),
        ];
        for (segment, expected) in cases {
            assert_eq!(pointer_escape(segment), expected);
        }
    }
}

/// Locates many offsets of one input, quickly when they come in increasing order (as a walk
/// through a parsed document does): a minified file is one long line, and counting its columns
/// from the line's start for every value would be quadratic.
pub struct Locator<'a> {
    input: &'a [u8],
    /// Built only when an offset comes before the last one: a walk in file order never needs it.
    index: std::cell::OnceCell<LineIndex>,
    /// The last offset located, with its line and column.
    last: std::cell::Cell<(usize, u32, u32)>,
}

impl<'a> Locator<'a> {
    pub fn new(input: &'a [u8]) -> Self {
        Locator {
            input,
            index: std::cell::OnceCell::new(),
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    /// The same answer as [`LineIndex::locate`], for offsets on character boundaries.
    pub fn locate(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.input.len());
        let (last_offset, last_line, last_column) = self.last.get();
        let between = self.input.get(last_offset..offset).unwrap_or_default();
        let (line, column) = if offset < last_offset {
            let index = self.index.get_or_init(|| LineIndex::new(self.input));
            index.locate(self.input, offset)
        } else {
            // Forward from the last place: count the line breaks between, and the columns
            // after the last of them (a pretty-printed file puts every value on a new line).
            match between.iter().rposition(|&b| b == b'\n') {
                None => (
                    last_line,
                    last_column.saturating_add(saturate(count_columns(between))),
                ),
                Some(last_break) => {
                    let breaks = between.iter().filter(|&&b| b == b'\n').count();
                    let after = &between[last_break + 1..];
                    (
                        last_line.saturating_add(saturate(breaks)),
                        saturate(count_columns(after) + 1),
                    )
                }
            }
        };
        self.last.set((offset, line, column));
        (line, column)
    }
}

#[cfg(test)]
mod locator_tests {
    use super::*;

    #[test]
    fn agrees_with_the_index_in_any_order() {
        let text = "{\"a\": \"青浦\",\n  \"b\": [1, 2],\r\n\"c\": \"\u{1F600}x\"}";
        let input = text.as_bytes();
        let index = LineIndex::new(input);
        let locator = Locator::new(input);
        // Spans always start on a character boundary.
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([input.len()])
            .collect();
        let offsets: Vec<usize> = boundaries
            .iter()
            .chain(boundaries.iter().rev())
            .chain(&[5, 40, 3, 17])
            .copied()
            .collect();
        for offset in offsets {
            assert_eq!(
                locator.locate(offset),
                index.locate(input, offset),
                "offset {offset}"
            );
        }
    }
}
