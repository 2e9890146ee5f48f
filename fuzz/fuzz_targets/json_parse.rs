//! Parses any bytes and locates every span: nothing may panic, and every span must lie inside the
//! input and on character boundaries.
#![no_main]

use crossfoot::json::{self, Node, Value};
use crossfoot::position::LineIndex;
use crossfoot::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let index = LineIndex::new(data);
    match json::parse(data) {
        Ok(doc) => {
            // An explicit stack: the tree may be MAX_DEPTH deep.
            let mut pending: Vec<&Node> = vec![&doc.root];
            while let Some(node) = pending.pop() {
                check_span(data, &index, node.span.start, node.span.end);
                match &node.value {
                    Value::Array(items) => pending.extend(items.iter()),
                    Value::Object(members) => {
                        for member in members {
                            check_span(data, &index, member.key_span.start, member.key_span.end);
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

fn check_span(data: &[u8], index: &LineIndex, start: usize, end: usize) {
    assert!(start < end && end <= data.len(), "bad span {start}..{end}");
    let text = std::str::from_utf8(data).expect("a parsed input is UTF-8");
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    let (line, column) = index.locate(data, start);
    let (end_line, end_column) = index.locate(data, end);
    assert!(line >= 1 && column >= 1);
    assert!((end_line, end_column) > (line, column));
}
