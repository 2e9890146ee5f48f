//! Extraction on any text, as plain text and as HTML: nothing may panic, every figure's offsets
//! must lie inside the text and cover exactly its printed numeral, every relation must point at
//! figures that exist, and the draft report must be valid JSON that checks without a structure
//! error and never fails on a check to confirm.
#![no_main]

use crossfoot::extract::{extract, ExtractOptions};
use crossfoot::{CheckStatus, Options, Severity, Status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    for html in [false, true] {
        let options = ExtractOptions {
            html,
            ..Default::default()
        };
        let extraction = extract(input, &options);
        let text = extraction.text.as_deref().unwrap_or(input);
        let chars: Vec<char> = text.chars().collect();
        for figure in &extraction.figures {
            assert!(figure.start < figure.end && figure.end <= chars.len());
            let numeral: String = chars[figure.start..figure.end].iter().collect();
            assert_eq!(numeral, figure.printed);
        }
        for relation in &extraction.relations {
            assert!(relation
                .roles
                .iter()
                .all(|(_, i)| *i < extraction.figures.len()));
        }
        let _: serde_json::Value =
            serde_json::from_str(&extraction.report).expect("the draft is JSON");
        let verdict = crossfoot::check(extraction.report.as_bytes(), &Options::default());
        assert!(
            verdict
                .findings
                .iter()
                .all(|f| f.severity != Severity::Error || f.code == "too-large"
                    || f.code == "number-out-of-range" || f.code == "division-by-zero"),
            "{:?}",
            verdict.findings
        );
        // Checks to confirm never count as failures nor make the report inconsistent.
        let failing = verdict
            .checks
            .iter()
            .filter(|c| !c.to_confirm && c.status == CheckStatus::Fail)
            .count();
        assert_eq!(verdict.counts.failed as usize, failing);
        if failing == 0 {
            assert_ne!(verdict.verdict, Status::Inconsistent);
        }
    }
});
