//! The 318 JSONTestSuite parsing cases fed through the whole checker as raw bytes: every `y_`
//! file gets no JSON-syntax finding (only structure findings: it is not a report), every `n_`
//! file gets one, and every `i_` file gets the same answer as the parser gives it (the table of
//! those answers is in tests/jsontestsuite.rs and the json module's docs). Nothing panics.

use std::fs;
use std::path::Path;

use crossfoot::{check, json, Lang, Options, Status};

const SUITE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/jsontestsuite/test_parsing"
);

fn json_findings(verdict: &crossfoot::Verdict) -> Vec<&'static str> {
    verdict
        .findings
        .iter()
        .map(|f| f.code)
        .filter(|code| code.starts_with("json-"))
        .collect()
}

#[test]
fn every_case_gets_the_stated_answer_through_check() {
    let dir = Path::new(SUITE);
    assert!(
        dir.is_dir(),
        "JSONTestSuite not found at {SUITE}: shared/ must sit beside the repository"
    );
    let mut seen = 0;
    for entry in fs::read_dir(dir).expect("readable suite") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let input = fs::read(&path).expect("readable case");
        for lang in [Lang::En, Lang::Zh] {
            let verdict = check(&input, &Options { lang, source: None });
            let syntax = json_findings(&verdict);
            match &name[..2] {
                "y_" => assert!(syntax.is_empty(), "{name}: {syntax:?}"),
                "n_" => {
                    assert_eq!(syntax.len(), 1, "{name}: {:?}", verdict.findings);
                    assert_eq!(verdict.verdict, Status::Invalid, "{name}");
                }
                "i_" => match json::parse(&input) {
                    Ok(_) => assert!(syntax.is_empty(), "{name}: {syntax:?}"),
                    Err(error) => assert_eq!(syntax, vec![error.code()], "{name}"),
                },
                _ => continue,
            }
            // Not one of them is a report, so none can be consistent.
            assert_ne!(verdict.verdict, Status::Consistent, "{name}");
        }
        seen += 1;
    }
    assert!(seen >= 300, "only {seen} cases found");
}
