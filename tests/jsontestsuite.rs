//! The 318 parsing cases of JSONTestSuite, fed to the JSON parser as raw bytes: every `y_` file
//! parses, every `n_` file is refused with a `json-` code, and every `i_` file gets the answer the
//! parser's module documentation states (listed below, so that a change of behaviour shows up).

use crossfoot::json;
use std::fs;
use std::path::Path;

const SUITE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/jsontestsuite/test_parsing"
);

/// The answer for each implementation-defined case: `None` parses, `Some(code)` is refused.
const I_ANSWERS: &[(&str, Option<&str>)] = &[
    // Numbers of any size are accepted; their literal text is kept.
    ("i_number_double_huge_neg_exp.json", None),
    ("i_number_huge_exp.json", None),
    ("i_number_neg_int_huge_exp.json", None),
    ("i_number_pos_double_huge_exp.json", None),
    ("i_number_real_neg_overflow.json", None),
    ("i_number_real_pos_overflow.json", None),
    ("i_number_real_underflow.json", None),
    ("i_number_too_big_neg_int.json", None),
    ("i_number_too_big_pos_int.json", None),
    ("i_number_very_big_negative_int.json", None),
    // Lone surrogate escapes are accepted and decoded as U+FFFD.
    ("i_object_key_lone_2nd_surrogate.json", None),
    ("i_string_1st_surrogate_but_2nd_missing.json", None),
    ("i_string_1st_valid_surrogate_2nd_invalid.json", None),
    ("i_string_incomplete_surrogate_and_escape_valid.json", None),
    ("i_string_incomplete_surrogate_pair.json", None),
    ("i_string_incomplete_surrogates_escape_valid.json", None),
    ("i_string_invalid_lonely_surrogate.json", None),
    ("i_string_invalid_surrogate.json", None),
    ("i_string_inverted_surrogates_U+1D11E.json", None),
    ("i_string_lone_second_surrogate.json", None),
    // Bytes that are not UTF-8 are refused wherever they are.
    (
        "i_string_UTF-8_invalid_sequence.json",
        Some("json-invalid-utf8"),
    ),
    (
        "i_string_UTF8_surrogate_U+D800.json",
        Some("json-invalid-utf8"),
    ),
    ("i_string_invalid_utf-8.json", Some("json-invalid-utf8")),
    ("i_string_iso_latin_1.json", Some("json-invalid-utf8")),
    (
        "i_string_lone_utf8_continuation_byte.json",
        Some("json-invalid-utf8"),
    ),
    (
        "i_string_not_in_unicode_range.json",
        Some("json-invalid-utf8"),
    ),
    (
        "i_string_overlong_sequence_2_bytes.json",
        Some("json-invalid-utf8"),
    ),
    (
        "i_string_overlong_sequence_6_bytes.json",
        Some("json-invalid-utf8"),
    ),
    (
        "i_string_overlong_sequence_6_bytes_null.json",
        Some("json-invalid-utf8"),
    ),
    ("i_string_truncated-utf-8.json", Some("json-invalid-utf8")),
    // UTF-16 files are refused with a request to save them as UTF-8.
    ("i_string_UTF-16LE_with_BOM.json", Some("json-utf16")),
    ("i_string_utf16BE_no_BOM.json", Some("json-utf16")),
    ("i_string_utf16LE_no_BOM.json", Some("json-utf16")),
    // Nesting is limited to json::MAX_DEPTH (128).
    ("i_structure_500_nested_arrays.json", Some("json-too-deep")),
    // A UTF-8 byte order mark is skipped (and reported as had_bom).
    ("i_structure_UTF-8_BOM_empty_object.json", None),
];

fn suite_files() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(SUITE);
    let entries = fs::read_dir(dir).unwrap_or_else(|e| {
        panic!(
            "JSONTestSuite cases not found at {} ({e}): clone the shared folder beside the repository",
            dir.display()
        )
    });
    let mut files: Vec<(String, Vec<u8>)> = entries
        .map(|entry| {
            let path = entry
                .unwrap_or_else(|e| panic!("cannot list {SUITE}: {e}"))
                .path();
            let bytes =
                fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, bytes)
        })
        .filter(|(name, _)| name.ends_with(".json"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_suite_is_there() {
    let files = suite_files();
    assert!(
        files.len() >= 300,
        "expected at least 300 JSONTestSuite cases in {SUITE}, found {}",
        files.len()
    );
}

#[test]
fn every_y_case_parses() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (name, bytes) in suite_files().iter().filter(|(n, _)| n.starts_with("y_")) {
        count += 1;
        if let Err(e) = json::parse(bytes) {
            failures.push(format!(
                "{name}: {} at {}: {:?}",
                e.code(),
                e.offset,
                e.kind
            ));
        }
    }
    assert!(count >= 90, "only {count} y_ cases found");
    assert!(
        failures.is_empty(),
        "y_ cases refused:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_n_case_is_refused() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (name, bytes) in suite_files().iter().filter(|(n, _)| n.starts_with("n_")) {
        count += 1;
        match json::parse(bytes) {
            Ok(doc) => failures.push(format!("{name}: accepted as {:?}", doc.root.value)),
            Err(e) if !e.code().starts_with("json-") => {
                failures.push(format!("{name}: code {}", e.code()))
            }
            Err(e) => {
                // Every message exists in both languages.
                for lang in [crossfoot::Lang::En, crossfoot::Lang::Zh] {
                    if e.message(lang).is_empty() {
                        failures.push(format!("{name}: empty message"));
                    }
                }
            }
        }
    }
    assert!(count >= 180, "only {count} n_ cases found");
    assert!(
        failures.is_empty(),
        "n_ cases accepted:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_i_case_gets_the_documented_answer() {
    let files = suite_files();
    let i_files: Vec<&(String, Vec<u8>)> =
        files.iter().filter(|(n, _)| n.starts_with("i_")).collect();
    let mut failures = Vec::new();
    for (name, bytes) in &i_files {
        let Some((_, expected)) = I_ANSWERS.iter().find(|(n, _)| n == name) else {
            failures.push(format!("{name}: no documented answer in I_ANSWERS"));
            continue;
        };
        let got = json::parse(bytes).err().map(|e| e.code());
        if got != *expected {
            failures.push(format!("{name}: expected {expected:?}, got {got:?}"));
        }
    }
    for (name, _) in I_ANSWERS {
        if !i_files.iter().any(|(n, _)| n == name) {
            failures.push(format!("{name}: listed in I_ANSWERS but not in the suite"));
        }
    }
    assert!(
        failures.is_empty(),
        "i_ answers changed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_bom_case_reports_its_bom() {
    let path = Path::new(SUITE).join("i_structure_UTF-8_BOM_empty_object.json");
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let doc = json::parse(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(doc.had_bom);
}
