//! The verdict's JSON is written directly (`Verdict::to_json`), not through serde: it must be byte
//! for byte what serde_json makes of the `Serialize` derives, on every example and fixture, in
//! both languages, compact and pretty. (A field added to a verdict type and not to the writer
//! fails here.)

use std::path::{Path, PathBuf};

use crossfoot::{check, check_together, to_json_array, Lang, Options, Verdict};

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn same_as_serde(verdict: &Verdict, what: &str) {
    assert_eq!(
        verdict.to_json(false),
        serde_json::to_string(verdict).unwrap(),
        "{what}"
    );
    assert_eq!(
        verdict.to_json(true),
        serde_json::to_string_pretty(verdict).unwrap(),
        "{what} (pretty)"
    );
    same_in_parts(verdict, what);
}

/// The verdict in three parts (`to_json_parts`, what the page reads lazily) is the whole verdict:
/// its head with the two arrays put back in place of their `null`s is `to_json` byte for byte.
fn same_in_parts(verdict: &Verdict, what: &str) {
    let parts = verdict.to_json_parts();
    let head = parts.head();
    let mut value: serde_json::Value = serde_json::from_str(&head).unwrap();
    assert_eq!(value["checks"], serde_json::Value::Null, "{what}");
    assert_eq!(value["facts"], serde_json::Value::Null, "{what}");
    value["checks"] = serde_json::from_str(parts.checks()).unwrap();
    value["facts"] = serde_json::from_str(parts.facts()).unwrap();
    let whole = verdict.to_json(false);
    assert_eq!(
        value,
        serde_json::from_str::<serde_json::Value>(&whole).unwrap(),
        "{what}"
    );
    // Byte for byte: the arrays stand where the head has its nulls.
    let rebuilt = head
        .replacen(
            "\"checks\":null",
            &format!("\"checks\":{}", parts.checks()),
            1,
        )
        .replacen("\"facts\":null", &format!("\"facts\":{}", parts.facts()), 1);
    assert_eq!(rebuilt, whole, "{what} (parts)");
}

#[test]
fn every_example_and_fixture_is_written_as_serde_writes_it() {
    let mut files = Vec::new();
    for dir in [
        "examples",
        "tests/fixtures",
        "tests/browser/fixtures",
        "fuzz/corpus/check",
    ] {
        json_files(Path::new(dir), &mut files);
    }
    assert!(files.len() > 40, "{} files", files.len());
    for file in &files {
        let input = std::fs::read(file).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let options = Options {
                lang,
                source: Some(file.display().to_string()),
            };
            same_as_serde(&check(&input, &options), &file.display().to_string());
        }
    }
}

#[test]
fn several_verdicts_with_cross_year_links_are_written_as_serde_writes_them() {
    let mut files = Vec::new();
    json_files(Path::new("examples/disclosure"), &mut files);
    files.sort();
    let inputs: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let together: Vec<(&[u8], Options)> = inputs
        .iter()
        .map(|i| (i.as_slice(), Options::default()))
        .collect();
    let verdicts = check_together(&together);
    let refs: Vec<&Verdict> = verdicts.iter().collect();
    for pretty in [false, true] {
        let serde = if pretty {
            serde_json::to_string_pretty(&verdicts)
        } else {
            serde_json::to_string(&verdicts)
        };
        assert_eq!(to_json_array(&refs, pretty), serde.unwrap());
        assert_eq!(to_json_array(&[], pretty), "[]");
    }
}

#[test]
fn strings_are_escaped_as_serde_escapes_them() {
    let report = r#"{"crossfoot": 1, "report": {"title": "a\u0001b\u001f\t\n\r\b\f\"\\/ é 中 \u2028"},
      "facts": [{"id": "x", "value": 1, "label": "\u007f\u0000"}],
      "checks": [{"expect": "x == 1", "quote": "\"q\""}]}"#;
    same_as_serde(&check(report.as_bytes(), &Options::default()), "escapes");
    same_as_serde(&check(b"", &Options::default()), "empty");
    same_as_serde(&check(b"[1, 2", &Options::default()), "not JSON");
}
