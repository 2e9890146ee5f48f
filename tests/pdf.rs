//! PDF text (native): a real PDF printed by Chromium from a disclosure report's page
//! (tests/fixtures/pdf/make.py made it), a scan, and broken files.

#![cfg(not(target_arch = "wasm32"))]

use crossfoot::pdf::to_text;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/pdf/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn a_disclosure_report_reads_in_order_with_rows_as_tab_separated_cells() {
    let text = to_text(&fixture("disclosure-2021.pdf")).unwrap();
    assert!(
        text.starts_with("沭阳县人民政府2025年政府信息公开工作年度报告\n"),
        "{text}"
    );
    assert!(text.contains("本年度共收到政府信息公开申请713件"), "{text}");
    for row in [
        "一、本年新收政府信息公开申请数量\t705\t3\t0\t0\t5\t0\t713\n",
        "二、上年结转政府信息公开申请数量\t36\t0\t0\t0\t0\t0\t36\n",
        "（七）总计\t710\t3\t0\t0\t5\t0\t718\n",
        "四、结转下年度继续办理\t31\t0\t0\t0\t0\t0\t31\n",
        "行政规范性文件\t6\t1\t32\n",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t99\t0\t0\t0\t2\t0\t101\n",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t9\t0\t0\t0\t0\t0\t9\n",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t7\t0\t0\t0\t0\t0\t7\n",
        "27\t10\t9\t15\t61\t3\t0\t0\t0\t3\t8\t0\t1\t1\t10\n",
    ] {
        assert!(text.contains(row), "no row {row:?} in\n{text}");
    }
    let title = text.find("三、收到和处理政府信息公开申请情况").unwrap();
    let total = text.find("（七）总计").unwrap();
    assert!(title < total);
}

#[test]
fn a_group_label_beside_a_wrapped_row_label() {
    // 平潭 2022 (tests/disclosure/tuned, printed by Chromium with a font whose widths the
    // reader does not know): the row label wraps around the line of its figures.
    let pdf = std::fs::read(format!(
        "{}/tests/disclosure/tuned/pingtan-2022.pdf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let text = to_text(&pdf).unwrap();
    let row = "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2\n";
    assert!(text.contains(row), "{text}");
    assert!(
        text.contains("发布时间: 2023-02-20"),
        "a space the PDF draws stays: {text}"
    );
}

#[test]
fn a_scan_has_no_text() {
    let error = to_text(&fixture("scanned.pdf")).unwrap_err();
    assert_eq!(error.code(), "pdf-no-text");
    assert!(error.message(crossfoot::Lang::Zh).contains("扫描件"));
    assert!(error.message(crossfoot::Lang::En).contains("scan"));
}

#[test]
fn broken_files_are_unreadable_never_a_panic() {
    let pdf = fixture("disclosure-2021.pdf");
    for cut in [
        0,
        5,
        9,
        100,
        1000,
        pdf.len() / 3,
        pdf.len() / 2,
        pdf.len() - 100,
    ] {
        let _ = to_text(&pdf[..cut]);
    }
    // Bytes flipped all over the file.
    let mut seed = 12345u64;
    for _ in 0..8 {
        let mut bad = pdf.clone();
        for _ in 0..64 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let at = (seed >> 33) as usize % bad.len();
            bad[at] = (seed >> 13) as u8;
        }
        let _ = to_text(&bad);
    }
    assert_eq!(
        to_text(b"%PDF-1.7\n garbage").unwrap_err().code(),
        "pdf-unreadable"
    );
}

fn crossfoot(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_crossfoot"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "en_GB.UTF-8")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn the_cli_reads_pdfs_and_sums_up_several_files() {
    let output = crossfoot(&[
        "check",
        "--text",
        "tests/fixtures/pdf/disclosure-2021.pdf",
        "tests/fixtures/pdf/disclosure-2021.html",
        "tests/fixtures/pdf/scanned.pdf",
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(
        text.contains("tests/fixtures/pdf/scanned.pdf: invalid: this PDF has no text"),
        "{text}"
    );
    let summary = text
        .lines()
        .skip_while(|l| !l.starts_with("file "))
        .collect::<Vec<_>>();
    assert_eq!(summary.len(), 4, "{text}");
    assert!(summary[0].contains("verdict") && summary[0].contains("failing checks"));
    assert!(summary[1].starts_with("tests/fixtures/pdf/disclosure-2021.pdf "));
    assert!(summary[3].contains("invalid"));

    let json = crossfoot(&[
        "check",
        "--text",
        "--format",
        "json",
        "tests/fixtures/pdf/scanned.pdf",
        "tests/fixtures/pdf/disclosure-2021.pdf",
    ]);
    let verdicts: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(verdicts[0]["findings"][0]["code"], "pdf-no-text");
    assert_eq!(
        verdicts[1]["source"],
        "tests/fixtures/pdf/disclosure-2021.pdf"
    );

    let extract = crossfoot(&["extract", "tests/fixtures/pdf/disclosure-2021.pdf"]);
    assert_eq!(extract.status.code(), Some(0));
    let draft = String::from_utf8_lossy(&extract.stdout);
    assert!(draft.contains("713"), "{draft}");
    let scan = crossfoot(&["extract", "tests/fixtures/pdf/scanned.pdf"]);
    assert_eq!(scan.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&scan.stderr).contains("pdf-no-text"));
}

#[test]
fn a_pdf_on_the_template_is_checked_against_it() {
    let json = crossfoot(&[
        "check",
        "--text",
        "--format",
        "json",
        "tests/fixtures/pdf/disclosure-2021.pdf",
        "tests/fixtures/pdf/disclosure-2021-wrong.pdf",
    ]);
    let verdicts: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(verdicts[0]["verdict"], "consistent", "{}", verdicts[0]);
    assert_eq!(verdicts[0]["report"]["issuer"], "沭阳县人民政府");
    assert_eq!(verdicts[1]["verdict"], "inconsistent");
    let failing: Vec<&str> = verdicts[1]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    // The narrative's 715 against 表三's 713, and the misprinted 209 for 290 in 表三.
    assert!(failing.contains(&"restates:t3.new.total"), "{failing:?}");
    assert!(failing.contains(&"t3:cross:open"), "{failing:?}");
}
