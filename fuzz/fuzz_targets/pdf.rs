//! PDF text on any bytes (and on any bytes after a PDF header, to get past the first check):
//! `pdf::to_text` returns text or an error with a known code and messages in both languages,
//! never panics and never hangs (libFuzzer's -timeout says so).
#![no_main]

use crossfoot::pdf::to_text;
use crossfoot::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut headed = b"%PDF-1.7\n".to_vec();
    headed.extend_from_slice(data);
    for input in [data, headed.as_slice()] {
        match to_text(input) {
            Ok(text) => assert!(!text.trim().is_empty()),
            Err(e) => {
                assert!(matches!(e.code(), "pdf-no-text" | "pdf-unreadable"));
                assert!(!e.message(Lang::En).is_empty() && !e.message(Lang::Zh).is_empty());
            }
        }
    }
});
