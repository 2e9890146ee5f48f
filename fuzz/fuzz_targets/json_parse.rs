//! Parses any bytes and locates every span: nothing may panic, every span must lie inside the
//! input on character boundaries, and a parsed tree written back as compact JSON must parse to the
//! same tree.
#![no_main]

use crossfoot::json::{self, Node, Value};
use crossfoot::position::{LineIndex, Locator};
use crossfoot::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let index = LineIndex::new(data);
    let locator = Locator::new(data);
    match json::parse(data) {
        Ok(doc) => {
            // An explicit stack: the tree may be MAX_DEPTH deep.
            let mut pending: Vec<&Node> = vec![&doc.root];
            while let Some(node) = pending.pop() {
                check_span(data, &index, &locator, node.span.start, node.span.end);
                match &node.value {
                    Value::Array(items) => pending.extend(items.iter()),
                    Value::Object(members) => {
                        for member in members {
                            check_span(
                                data,
                                &index,
                                &locator,
                                member.key_span.start,
                                member.key_span.end,
                            );
                            assert!(member.key_span.end <= member.value.span.start);
                            pending.push(&member.value);
                        }
                    }
                    Value::Number(text) => {
                        assert_eq!(text.as_bytes(), &data[node.span.start..node.span.end]);
                    }
                    Value::Null | Value::Bool(_) | Value::String(_) => {}
                }
            }
            let mut compact = String::new();
            json::write_compact(&doc.root, &mut compact);
            let again = json::parse(compact.as_bytes()).expect("written-back JSON parses");
            let mut compact_again = String::new();
            json::write_compact(&again.root, &mut compact_again);
            assert_eq!(compact, compact_again);
        }
        Err(e) => {
            assert!(e.code().starts_with("json-"));
            assert!(e.offset <= data.len(), "error offset past the end");
            let _ = index.locate(data, e.offset);
            assert!(!e.message(Lang::En).is_empty());
            assert!(!e.message(Lang::Zh).is_empty());
        }
    }
});

fn check_span(data: &[u8], index: &LineIndex, locator: &Locator, start: usize, end: usize) {
    assert!(start < end && end <= data.len(), "bad span {start}..{end}");
    let text = std::str::from_utf8(data).expect("a parsed input is UTF-8");
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    let (line, column) = index.locate(data, start);
    let (end_line, end_column) = index.locate(data, end);
    // The incremental locator agrees with the index, in any order of offsets.
    assert_eq!(locator.locate(start), (line, column));
    assert_eq!(locator.locate(end), (end_line, end_column));
    assert!(line >= 1 && column >= 1);
    assert!((end_line, end_column) > (line, column));
}
