//! The whole parse-and-check path on any bytes, in both languages: nothing may panic, and every
//! verdict must serialise.
#![no_main]

use crossfoot::{Lang, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for lang in [Lang::En, Lang::Zh] {
        let verdict = crossfoot::check(
            data,
            &Options {
                lang,
                ..Default::default()
            },
        );
        let json = serde_json::to_string(&verdict).expect("a verdict serialises");
        assert!(!json.is_empty());
    }
});
