//! Template recognition on any text: a real disclosure report (Pingtan 2021, the tests'
//! fixture) cut, spliced and overwritten by the input, and the input alone under a disclosure
//! report's title. Nothing may panic; every cell's `at` must lie in the text and cover its
//! numeral; every warning's span must lie in the text; the draft must be JSON that checks with no
//! structure error.
#![no_main]

use crossfoot::extract::{extract, ExtractOptions};
use crossfoot::{Options, Severity};
use libfuzzer_sys::fuzz_target;

const REPORT: &str = include_str!("../../tests/fixtures/disclosure/pingtan-2021.txt");

fn texts(input: &str) -> Vec<String> {
    let report: Vec<char> = REPORT.chars().collect();
    let mut spliced = report.clone();
    // The input's bytes, in pairs, pick places of the report; the input's text goes there.
    let bytes = input.as_bytes();
    for (n, pair) in bytes.chunks(2).take(8).enumerate() {
        let at = (pair[0] as usize * 97 + pair.get(1).copied().unwrap_or(0) as usize * 31 + n * 211)
            % spliced.len().max(1);
        let cut = (pair.get(1).copied().unwrap_or(0) % 24) as usize;
        let end = (at + cut).min(spliced.len());
        let piece: Vec<char> = input.chars().skip(n * 3).take(6).collect();
        spliced.splice(at..end, piece);
    }
    vec![
        spliced.into_iter().collect(),
        format!("测试区2021年政府信息公开工作年度报告\n{input}"),
        REPORT.replace('\t', input),
    ]
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    for text in texts(input) {
        for html in [false, true] {
            let options = ExtractOptions {
                html,
                ..Default::default()
            };
            let extraction = extract(&text, &options);
            let plain = extraction.text.as_deref().unwrap_or(&text);
            let chars: Vec<char> = plain.chars().collect();
            for w in &extraction.warnings {
                assert!(w.start <= w.end && w.end <= chars.len(), "{w:?}");
                assert!(!w.message.is_empty() && !w.in_lang(crossfoot::Lang::En).is_empty());
            }
            let draft: serde_json::Value =
                serde_json::from_str(&extraction.report).expect("the draft is JSON");
            if extraction.template.is_some() {
                for table in draft["tables"].as_array().into_iter().flatten() {
                    for row in table["rows"].as_array().into_iter().flatten() {
                        let cells = row["cells"].as_array().unwrap();
                        let at = row["at"].as_array().unwrap();
                        assert_eq!(cells.len(), at.len());
                        for (cell, at) in cells.iter().zip(at) {
                            if at.is_null() {
                                continue;
                            }
                            let (s, e) = (at["start"].as_u64().unwrap() as usize, at["end"].as_u64().unwrap() as usize);
                            assert!(s < e && e <= chars.len());
                            if let Some(n) = cell.as_f64() {
                                let printed: String = chars[s..e].iter().collect();
                                assert!(n.is_finite() && !printed.is_empty());
                            }
                        }
                    }
                }
            }
            let verdict = crossfoot::check(extraction.report.as_bytes(), &Options::default());
            assert!(
                verdict.findings.iter().all(|f| f.severity != Severity::Error
                    || f.code == "too-large"
                    || f.code == "number-out-of-range"
                    || f.code == "division-by-zero"
                    // A cell printed as no count (229.3 among counts): the document's error.
                    || f.code == "not-a-count"),
                "{:?}",
                verdict.findings
            );
        }
    }
});
