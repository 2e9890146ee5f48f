//! The command line: exit codes, human output (compared with snapshots under tests/snapshots/),
//! JSON output, and usage errors. `UPDATE_SNAPSHOTS=1 cargo test --test cli` rewrites the
//! snapshots; review the diff before committing it.

use std::path::Path;
use std::process::{Command, Output};

fn crossfoot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossfoot"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the crossfoot binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("snapshot written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

/// (snapshot, arguments, exit code)
const CASES: &[(&str, &[&str], i32)] = &[
    (
        "consistent-en",
        &["check", "tests/fixtures/valid/rounding-edges.json"],
        0,
    ),
    (
        "inconsistent-en",
        &[
            "check",
            "tests/fixtures/inconsistent/confirmed-illegal-off-by-one.json",
        ],
        1,
    ),
    (
        "inconsistent-zh",
        &[
            "check",
            "--lang",
            "zh",
            "tests/fixtures/inconsistent/confirmed-illegal-off-by-one.json",
        ],
        1,
    ),
    (
        "invalid-json-en",
        &["check", "tests/fixtures/invalid/trailing-comma.json"],
        2,
    ),
    (
        "invalid-structure-zh",
        &[
            "check",
            "--lang",
            "zh",
            "tests/fixtures/invalid/unknown-id-in-expect.json",
        ],
        2,
    ),
    (
        "division-by-zero-en",
        &["check", "tests/fixtures/invalid/division-by-zero.json"],
        2,
    ),
    (
        "unit-warning-en",
        &["check", "tests/fixtures/valid/unit-mismatch.json"],
        0,
    ),
    (
        "extract-qingpu",
        &[
            "extract",
            "tests/fixtures/text/qingpu-2017-rule-of-law-report.txt",
        ],
        0,
    ),
    (
        "extract-html",
        &[
            "extract",
            "tests/fixtures/text/breakdown-in-an-html-table.html",
        ],
        0,
    ),
    (
        "check-text-qingpu-zh",
        &[
            "check",
            "--lang",
            "zh",
            "--text",
            "tests/fixtures/text/qingpu-2017-rule-of-law-report.txt",
        ],
        0,
    ),
    (
        "check-text-english-en",
        &[
            "check",
            "--text",
            "tests/fixtures/text/english-annual-report.txt",
        ],
        0,
    ),
    (
        "check-text-disclosure-cut-en",
        &[
            "check",
            "--lang",
            "en",
            "--text",
            "tests/fixtures/disclosure/longgang-2024-page.txt",
        ],
        0,
    ),
];

#[test]
fn human_output_matches_snapshots_and_exit_codes() {
    for &(name, args, code) in CASES {
        let output = crossfoot(args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_snapshot(name, &stdout(&output));
    }
}

#[test]
fn several_files_exit_with_the_worst_verdict() {
    let output = crossfoot(&[
        "check",
        "tests/fixtures/valid/rounding-edges.json",
        "tests/fixtures/inconsistent/confirmed-illegal-off-by-one.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("rounding-edges.json: consistent"));
    assert!(text.contains("confirmed-illegal-off-by-one.json: inconsistent"));
}

#[test]
fn json_output_is_the_verdict() {
    let output = crossfoot(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/inconsistent/confirmed-illegal-off-by-one.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let verdict: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(verdict["verdict"], "inconsistent");
    assert_eq!(verdict["counts"]["failed"], 2);
    assert_eq!(verdict["checks"][0]["id"], "concluded_split");
    assert_eq!(verdict["checks"][0]["offBy"], "1");
    assert_eq!(verdict["suspects"][0]["fact"], "revoked");
    assert_eq!(verdict["suspects"][0]["wouldFix"], "9");
    assert_eq!(
        verdict["source"],
        "tests/fixtures/inconsistent/confirmed-illegal-off-by-one.json"
    );

    let two = crossfoot(&[
        "check",
        "-f",
        "json",
        "tests/fixtures/valid/no-checks.json",
        "tests/fixtures/invalid/empty.json",
    ]);
    let verdicts: serde_json::Value = serde_json::from_str(&stdout(&two)).expect("JSON");
    assert_eq!(verdicts[0]["verdict"], "consistent");
    assert_eq!(verdicts[1]["verdict"], "invalid");
    assert_eq!(verdicts[1]["findings"][0]["code"], "json-empty");
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossfoot"))
        .args(["check", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    let report = std::fs::read("tests/fixtures/valid/rounding-edges.json").expect("fixture");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&report)
        .expect("write");
    let output = child.wait_with_output().expect("output");
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("\"verdict\": \"consistent\""));
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    for args in [
        &[][..],
        &["check"][..],
        &["check", "--lang", "fr", "x.json"][..],
        &["frobnicate"][..],
        &["extract"][..],
        &["extract", "a.txt", "b.txt"][..],
    ] {
        let output = crossfoot(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("usage:"),
            "{args:?}"
        );
    }
    let missing = crossfoot(&["check", "no/such/file.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read no/such/file.json"));
}

#[test]
fn schema_is_json_and_describes_facts() {
    let output = crossfoot(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(schema["properties"]["crossfoot"]["const"], 1);
    assert_eq!(
        schema["$defs"]["fact"]["required"],
        serde_json::json!(["id", "value"])
    );
    assert_eq!(
        schema["$defs"]["check"]["properties"]["severity"]["enum"],
        serde_json::json!(["error", "warning"])
    );
}

#[test]
fn the_committed_schema_file_is_the_generated_one() {
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/crossfoot-v1.schema.json"),
    )
    .expect("schema/crossfoot-v1.schema.json");
    assert_eq!(
        committed,
        crossfoot::schema::schema_json(),
        "regenerate it: cargo run -- schema > schema/crossfoot-v1.schema.json"
    );
}

#[test]
fn extract_names_what_it_could_not_place_on_standard_error_and_keeps_standard_output_json() {
    let output = crossfoot(&[
        "extract",
        "tests/fixtures/disclosure/longgang-2024-page.txt",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let draft: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON draft");
    assert_eq!(draft["template"], "cn-gov-info-disclosure-2021");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("longgang-2024-page.txt:32:1: ") && stderr.contains("[row-not-placed]"),
        "{stderr}"
    );
    assert!(stderr.contains("[table-not-placed]"), "{stderr}");
}
