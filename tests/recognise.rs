//! Template recognition on real disclosure reports: a text on the 2021 or 2019 template is read
//! into the template's tables (every cell with its place in the text), its narrative's
//! restatements are checked against the cells, and what cannot be placed is a warning.
//!
//! The fixtures in `tests/fixtures/disclosure/` are real reports:
//! - `pingtan-2021.txt`, `pingtan-2019.txt`: 平潭综合实验区 2021 and 2019 reports,
//!   https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202202/t20220208_80613.htm and
//!   …/202001/t20200120_80576.htm, from the copy in the public repository
//!   changwu/pingtan-gov-zwgk-archive with the tables one line per row, cells separated by tabs
//!   (as a browser copies them); the narrative cut to the paragraph on applications.
//! - `pingtan-2022-pdf.txt`: 平潭综合实验区 2022 report, the text that `crossfoot::pdf::to_text`
//!   (the `docs` branch) reads from the report printed to PDF (the gold set's
//!   tests/disclosure/tuned/pingtan-2022.pdf), cut to its applications paragraph and its tables:
//!   cells by tabs and by single spaces, labels broken over lines (行政复 / 议).
//! - `longgang-2024-page.txt`: a 2024 report of a 深圳市龙岗区 department,
//!   https://www.lg.gov.cn/xxgk/xxgknb/qzfgzbm/content/post_11956962.html, as the stored copy of the
//!   page gives its text (cells separated by ` | `, half-width parentheses); the copy ends inside
//!   表三.
//! - `shuyang-county-2025.md`: 沭阳县人民政府 2025 report as converted to Markdown in the public
//!   repository zxj6827111-blip/KIROGOVCOMPARE (tests/沭阳县人民政府2025年政府信息公开工作年度报告-…txt),
//!   cut to its applications paragraph and its tables.

use crossfoot::extract::{check_text, extract, ExtractOptions};
use crossfoot::{CheckStatus, Options, Status};
use serde_json::Value;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/disclosure/{name}")).unwrap()
}

/// The extraction of `text` and its draft report.
fn extracted(text: &str) -> (crossfoot::extract::Extraction, Value) {
    let extraction = extract(text, &ExtractOptions::default());
    let draft = serde_json::from_str(&extraction.report).unwrap();
    (extraction, draft)
}

fn draft(text: &str) -> Value {
    let extraction = extract(text, &ExtractOptions::default());
    serde_json::from_str(&extraction.report).unwrap()
}

fn row<'a>(draft: &'a Value, table: &str, row: &str) -> Option<&'a Value> {
    draft["tables"]
        .as_array()?
        .iter()
        .find(|t| t["id"] == table)?["rows"]
        .as_array()?
        .iter()
        .find(|r| r["id"] == row)
}

fn cells(draft: &Value, table: &str, id: &str) -> Vec<String> {
    row(draft, table, id).unwrap_or_else(|| panic!("no row {table}.{id}"))["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| match c {
            Value::Null => "null".to_string(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

#[test]
fn a_tab_separated_2021_report_is_read_into_every_row_of_the_template() {
    let text = fixture("pingtan-2021.txt");
    let extraction = extract(&text, &ExtractOptions::default());
    assert_eq!(
        extraction.template.as_deref(),
        Some("cn-gov-info-disclosure-2021")
    );
    assert!(extraction.warnings.is_empty(), "{:?}", extraction.warnings);
    let draft: Value = serde_json::from_str(&extraction.report).unwrap();
    assert_eq!(draft["template"], "cn-gov-info-disclosure-2021");
    assert_eq!(
        draft["report"]["title"],
        "平潭综合实验区2021年度政府信息公开工作年度报告"
    );
    assert_eq!(draft["report"]["issuer"], "平潭综合实验区");
    assert_eq!(draft["report"]["period"], "2021");
    assert_eq!(cells(&draft, "t2_docs", "normative"), ["69", "3", "665"]);
    assert_eq!(cells(&draft, "t2_fees", "fees"), ["24252.311082"]);
    assert_eq!(
        cells(&draft, "t3", "new"),
        ["64", "0", "0", "2", "0", "4", "70"]
    );
    // 三、本年度办理结果	（一）予以公开	27…: the group's label before the row's.
    assert_eq!(
        cells(&draft, "t3", "open"),
        ["27", "0", "0", "2", "0", "1", "30"]
    );
    assert_eq!(
        cells(&draft, "t3", "other_other"),
        ["1", "0", "0", "0", "0", "0", "1"]
    );
    assert_eq!(
        cells(&draft, "t3", "total"),
        ["63", "0", "0", "2", "0", "4", "69"]
    );
    let rows = draft["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "t3")
        .unwrap()["rows"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(rows, 25, "every row of 表三");
}

#[test]
fn table_four_printed_as_one_row_of_15_cells_under_its_headers_is_shared_out_in_order() {
    let draft = draft(&fixture("pingtan-2021.txt"));
    // 1	0	2	0	3	12	0	0	0	12	0	0	0	0	0
    assert_eq!(
        cells(&draft, "t4", "reconsideration"),
        ["1", "0", "2", "0", "3"]
    );
    assert_eq!(
        cells(&draft, "t4", "litigation_direct"),
        ["12", "0", "0", "0", "12"]
    );
    assert_eq!(
        cells(&draft, "t4", "litigation_after"),
        ["0", "0", "0", "0", "0"]
    );
}

#[test]
fn every_cell_keeps_the_place_of_its_numeral_in_the_text() {
    let text = fixture("pingtan-2021.txt");
    let chars: Vec<char> = text.chars().collect();
    let draft = draft(&text);
    let mut seen = 0;
    for table in draft["tables"].as_array().unwrap() {
        for row in table["rows"].as_array().unwrap() {
            let at = row["at"].as_array().unwrap();
            assert_eq!(at.len(), row["cells"].as_array().unwrap().len());
            for (cell, at) in row["cells"].as_array().unwrap().iter().zip(at) {
                let (start, end) = (
                    at["start"].as_u64().unwrap() as usize,
                    at["end"].as_u64().unwrap() as usize,
                );
                let printed: String = chars[start..end].iter().collect();
                assert_eq!(printed, cell.to_string(), "{}.{}", table["id"], row["id"]);
                seen += 1;
            }
        }
    }
    assert!(seen > 190, "{seen}");
}

#[test]
fn the_verdict_s_tables_pass_each_cell_s_place_through() {
    let verdict = check_text(
        &fixture("pingtan-2021.txt"),
        &ExtractOptions::default(),
        &Options::default(),
    );
    let t3 = verdict
        .verdict
        .tables
        .iter()
        .find(|t| t.id == "t3")
        .unwrap();
    let cell = &t3.rows[0].cells[6];
    assert_eq!(cell.value.as_deref(), Some("70"));
    assert!(cell.at.is_some());
}

#[test]
fn the_narrative_s_restatements_are_sure_checks_against_the_cells_they_restate() {
    // 本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。
    let draft = draft(&fixture("pingtan-2021.txt"));
    let checks: Vec<(&str, &str)> = draft["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["expect"].as_str().unwrap(),
                c["confidence"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        checks,
        [
            ("n1 == t3.new.total", "sure"),
            ("n2 == t3.total.total", "sure"),
            ("n3 == t3.carried_out.total", "sure")
        ]
    );
    let verdict = check_text(
        &fixture("pingtan-2021.txt"),
        &ExtractOptions::default(),
        &Options::default(),
    );
    assert_eq!(verdict.verdict.verdict, Status::Consistent);
}

#[test]
fn documents_published_this_year_restate_table_two_only_when_they_hold() {
    // 主动公开 names 表二's 本年制发 column (2019: 本年新公开), an earlier clause's verb serving the
    // list; the words may count documents published otherwise, so a figure that differs is to
    // confirm, never red.
    let said = |normative: &str| {
        let sentence = format!("全年主动公开规章0件，行政规范性文件{normative}件。\n");
        let text = fixture("pingtan-2021.txt").replace(
            "==================== 正文 ====================\n",
            &format!("==================== 正文 ====================\n{sentence}"),
        );
        let (_, draft) = extracted(&text);
        let checks: Vec<(String, String)> = draft["checks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["expect"].as_str().unwrap().contains("t2_docs"))
            .map(|c| {
                (
                    c["expect"].as_str().unwrap().to_string(),
                    c["confidence"].to_string(),
                )
            })
            .collect();
        let verdict = check_text(&text, &ExtractOptions::default(), &Options::default()).verdict;
        (checks, verdict.verdict)
    };
    let (checks, verdict) = said("69");
    assert_eq!(
        checks,
        [
            (
                "n1 == t2_docs.regulations.issued".to_string(),
                "\"sure\"".to_string()
            ),
            (
                "n2 == t2_docs.normative.issued".to_string(),
                "\"sure\"".to_string()
            )
        ]
    );
    assert_eq!(verdict, Status::Consistent);
    let (checks, verdict) = said("70");
    assert_eq!(checks[1].0, "n2 == t2_docs.normative.issued");
    assert_ne!(checks[1].1, "\"sure\"");
    assert_eq!(verdict, Status::Consistent);
}

#[test]
fn counts_printed_with_qi_restate_their_cell_and_documents_counted_in_fen_do_not_restate_requests()
{
    // 起 counts cases as 件 does (行政复议3起: 表四's total of 3); 不予公开399份 counts documents
    // withheld, not requests (a real Pingtan bureau's sentence): never a sure check against 表三.
    let with = |sentence: &str| {
        let text = fixture("pingtan-2021.txt").replace(
            "==================== 正文 ====================\n",
            &format!("==================== 正文 ====================\n{sentence}\n"),
        );
        let (_, draft) = extracted(&text);
        let verdict = check_text(&text, &ExtractOptions::default(), &Options::default()).verdict;
        (draft["checks"].as_array().unwrap().clone(), verdict.verdict)
    };
    let (checks, verdict) = with("本年度发生政府信息公开行政复议3起。");
    assert_eq!(checks[0]["expect"], "n1 == t4.reconsideration.total");
    assert_eq!(checks[0]["confidence"], "sure");
    assert_eq!(verdict, Status::Consistent);
    let (_, verdict) = with("本年度发生政府信息公开行政复议4起。");
    assert_eq!(verdict, Status::Inconsistent);
    let (checks, verdict) = with("全年主动公开文件120份，不予公开399份。");
    assert!(
        checks
            .iter()
            .all(|c| !c["expect"].as_str().unwrap().contains("withheld")),
        "{checks:?}"
    );
    assert_eq!(verdict, Status::Consistent);
}

#[test]
fn the_title_and_issuer_are_read_from_a_table_row_that_names_the_report() {
    // A county bureau's page prints its title as a row of a table: 名称 | …年度报告.
    let text = fixture("pingtan-2021.txt").replace(
        "标题: 平潭综合实验区2021年度政府信息公开工作年度报告",
        "名称\t沭阳县发展和改革局2021年政府信息公开年度报告",
    );
    let draft = draft(&text);
    assert_eq!(
        draft["report"]["title"],
        "沭阳县发展和改革局2021年政府信息公开年度报告"
    );
    assert_eq!(draft["report"]["issuer"], "沭阳县发展和改革局");
    assert_eq!(draft["report"]["period"], "2021");
}

#[test]
fn a_text_that_says_58_where_table_three_says_70_is_red() {
    let text = fixture("pingtan-2021.txt").replace("共收到70件申请", "共收到58件申请");
    let verdict = check_text(&text, &ExtractOptions::default(), &Options::default()).verdict;
    assert_eq!(verdict.verdict, Status::Inconsistent);
    let failing: Vec<&str> = verdict
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(failing, ["restates:t3.new.total"]);
}

#[test]
fn received_counting_last_year_s_carried_over_requests_too_is_a_reading_to_confirm() {
    // 平潭 2022: 全区收到政府信息公开申请75件 where 表三 has 74 new and 1 carried over; here the
    // 2021 text with its 70 new requests and 5 carried over.
    let text = fixture("pingtan-2021.txt")
        .replace(
            "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
            "二、上年结转政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5",
        )
        .replace("共收到70件申请", "共收到75件申请");
    let draft = draft(&text);
    let check = &draft["checks"][0];
    assert_eq!(check["expect"], "n1 == t3.new.total + t3.carried_in.total");
    assert_eq!(check["to_confirm"], true);
}

#[test]
fn a_row_with_a_cell_missing_is_a_warning_and_left_out_not_guessed() {
    let text = fixture("pingtan-2021.txt").replace(
        "（一）予以公开\t27\t0\t0\t2\t0\t1\t30",
        "（一）予以公开\t27\t0\t0\t2\t0\t30",
    );
    let extraction = extract(&text, &ExtractOptions::default());
    let warning = extraction
        .warnings
        .iter()
        .find(|w| w.code == "row-not-placed")
        .expect("a warning");
    assert!(warning.message.contains("予以公开"), "{}", warning.message);
    assert!(
        warning.in_lang(crossfoot::Lang::En).contains("6 cells"),
        "{}",
        warning.in_lang(crossfoot::Lang::En)
    );
    let chars: Vec<char> = extraction
        .text
        .as_deref()
        .unwrap_or(&text)
        .chars()
        .collect();
    let label: String = chars[warning.start..warning.end].iter().collect();
    assert!(label.contains("予以公开"), "{label}");
    let draft: Value = serde_json::from_str(&extraction.report).unwrap();
    assert!(row(&draft, "t3", "open").is_none());
    assert!(row(&draft, "t3", "partly_open").is_some());
}

#[test]
fn a_line_of_figures_whose_label_stands_apart_is_read_by_the_template_s_order_with_a_warning() {
    // A PDF's text prints the label of （二）部分公开 elsewhere: its figures stand alone between
    // （一）予以公开 and 1.属于国家秘密, the one row of the template missing there.
    let text = fixture("pingtan-2021.txt").replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t",
        "",
    );
    let (extraction, draft) = extracted(&text);
    assert_eq!(
        cells(&draft, "t3", "partly_open"),
        ["5", "0", "0", "0", "0", "0", "5"]
    );
    let warning = extraction
        .warnings
        .iter()
        .find(|w| w.code == "row-placed-by-order")
        .expect("a warning that says how the row was read");
    assert!(warning.message.contains("部分公开"), "{}", warning.message);
    assert!(
        warning
            .in_lang(crossfoot::Lang::En)
            .contains("template's order"),
        "{}",
        warning.in_lang(crossfoot::Lang::En)
    );
    let chars: Vec<char> = text.chars().collect();
    let place: String = chars[warning.start..warning.end].iter().collect();
    assert!(place.starts_with('5') && place.ends_with('5'), "{place}");
    let verdict = check_text(&text, &ExtractOptions::default(), &Options::default()).verdict;
    assert_eq!(verdict.verdict, Status::Consistent);
    assert!(verdict
        .findings
        .iter()
        .any(|f| f.code == "row-placed-by-order"));
}

#[test]
fn lines_of_figures_that_outnumber_the_missing_rows_are_not_read_by_order() {
    // Two lines of figures where one row is missing: which is the row cannot be told.
    let text = fixture("pingtan-2021.txt").replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t5\t0\t0\t0\t0\t0\t5",
        "5\t0\t0\t0\t0\t0\t5\n1\t0\t0\t0\t0\t0\t1",
    );
    let (extraction, draft) = extracted(&text);
    assert!(row(&draft, "t3", "partly_open").is_none());
    assert!(!extraction
        .warnings
        .iter()
        .any(|w| w.code == "row-placed-by-order"));
    assert_eq!(cells(&draft, "t3", "withheld_secret"), ["0"; 7]);
}

#[test]
fn rows_printed_one_cell_per_line_or_with_spaces_read_the_same() {
    let text = fixture("pingtan-2021.txt");
    let tabs = draft(&text);
    for layout in [
        text.replace('\t', "\n"),
        text.replace('\t', "  "),
        text.replace('\t', " "),
        // The whole page on one line (Pingtan 2019 pages): a row's cells end at the next words.
        text.replace(['\t', '\n'], " "),
    ] {
        let other = draft(&layout);
        for (table, id) in [
            ("t3", "new"),
            ("t3", "withheld_query"),
            ("t3", "total"),
            ("t3", "carried_out"),
            ("t2_docs", "normative"),
        ] {
            assert_eq!(
                cells(&other, table, id),
                cells(&tabs, table, id),
                "{table}.{id}"
            );
        }
        assert_eq!(
            cells(&other, "t4", "litigation_direct"),
            ["12", "0", "0", "0", "12"]
        );
    }
}

#[test]
fn an_html_page_with_blank_and_dash_cells_and_full_width_digits_is_read_from_its_table() {
    // The first rows of 平潭 2021's 表三 as its page prints them, with a blank (&nbsp;) cell, a
    // dash and full-width digits as other publishers' pages do.
    let text = fixture("pingtan-2021.txt");
    let mut html = String::from("<html><body>");
    for line in text.lines() {
        if line.contains('\t') {
            html.push_str("<tr>");
            for cell in line.split('\t') {
                html.push_str(&format!("<td>{cell}</td>"));
            }
            html.push_str("</tr>\n");
        } else {
            html.push_str(&format!("<p>{line}</p>\n"));
        }
    }
    html.push_str("</body></html>");
    let html = html
        .replace(
            "<td>行政规范性文件</td><td>69</td>",
            "<td>行政规范性文件</td><td>６９</td>",
        )
        .replace(
            "<td>规章</td><td>0</td><td>0</td>",
            "<td>规章</td><td>&nbsp;</td><td>—</td>",
        );
    let options = ExtractOptions {
        html: true,
        ..Default::default()
    };
    let extraction = extract(&html, &options);
    assert_eq!(
        extraction.template.as_deref(),
        Some("cn-gov-info-disclosure-2021")
    );
    let draft: Value = serde_json::from_str(&extraction.report).unwrap();
    assert_eq!(cells(&draft, "t2_docs", "regulations"), ["null", "—", "0"]);
    assert_eq!(cells(&draft, "t2_docs", "normative"), ["69", "3", "665"]);
    assert_eq!(
        row(&draft, "t2_docs", "regulations").unwrap()["at"][0],
        Value::Null
    );
    assert_eq!(
        cells(&draft, "t3", "total"),
        ["63", "0", "0", "2", "0", "4", "69"]
    );
}

#[test]
fn a_pdf_s_text_with_labels_broken_over_lines_is_read() {
    let text = fixture("pingtan-2022-pdf.txt");
    let draft = draft(&text);
    assert_eq!(draft["template"], "cn-gov-info-disclosure-2021");
    // 一、本年新收政府信息公开申请数量	71	3	0	0	0 0 74
    assert_eq!(
        cells(&draft, "t3", "new"),
        ["71", "3", "0", "0", "0", "0", "74"]
    );
    // 1.申请人无正当理由逾期不补正、行 / （六）其他处理	2	0	0	0 0 0	2 / 政机关不再处理其政府信息公开申请
    assert_eq!(
        cells(&draft, "t3", "other_no_correction"),
        ["2", "0", "0", "0", "0", "0", "2"]
    );
    // 行政复	行政诉 / 议	讼 / … / 0	1	1	0	2	1	0	0	0	1	0 0 0 0 0
    assert_eq!(
        cells(&draft, "t4", "reconsideration"),
        ["0", "1", "1", "0", "2"]
    );
    assert_eq!(
        cells(&draft, "t4", "litigation_direct"),
        ["1", "0", "0", "0", "1"]
    );
    let verdict = check_text(&text, &ExtractOptions::default(), &Options::default()).verdict;
    assert_eq!(verdict.verdict, Status::Consistent);
}

#[test]
fn a_page_cut_inside_table_three_gives_its_rows_and_a_warning_for_the_cut_one() {
    let extraction = extract(
        &fixture("longgang-2024-page.txt"),
        &ExtractOptions::default(),
    );
    let draft: Value = serde_json::from_str(&extraction.report).unwrap();
    assert_eq!(draft["template"], "cn-gov-info-disclosure-2021");
    assert_eq!(
        cells(&draft, "t3", "new"),
        ["58", "7", "0", "0", "1", "0", "66"]
    );
    // 三、本年度办理结果 | (一)予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
    assert_eq!(
        cells(&draft, "t3", "open"),
        ["2", "1", "0", "0", "0", "0", "3"]
    );
    assert_eq!(
        cells(&draft, "t3", "withheld_internal"),
        ["1", "0", "0", "0", "0", "0", "1"]
    );
    // 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |: the page ends there, a cell short.
    assert!(row(&draft, "t3", "withheld_enforcement").is_none());
    let codes: Vec<&str> = extraction.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["row-not-placed", "table-not-placed"]);
    assert!(extraction.warnings[0].message.contains("属于行政执法案卷"));
    assert!(extraction.warnings[1]
        .in_lang(crossfoot::Lang::En)
        .contains("Table 4"));
}

#[test]
fn a_2019_report_is_recognised_on_the_2019_template_by_its_table_two() {
    let draft = draft(&fixture("pingtan-2019.txt"));
    assert_eq!(draft["template"], "cn-gov-info-disclosure-2019");
    assert_eq!(draft["report"]["period"], "2019");
    assert_eq!(cells(&draft, "t2_docs", "normative"), ["89", "89", "89"]);
    assert_eq!(
        cells(&draft, "t2_licensing", "other_services"),
        ["10", "0", "153"]
    );
    assert_eq!(
        cells(&draft, "t2_procurement", "procurement"),
        ["135", "75394432.52"]
    );
    assert_eq!(
        cells(&draft, "t3", "new"),
        ["23", "0", "0", "0", "0", "0", "23"]
    );
}

#[test]
fn a_markdown_conversion_with_a_heading_above_each_table_is_read() {
    let text = fixture("shuyang-county-2025.md");
    let draft = draft(&text);
    assert_eq!(draft["template"], "cn-gov-info-disclosure-2021");
    assert_eq!(
        cells(&draft, "t3", "new"),
        ["705", "3", "0", "0", "5", "0", "713"]
    );
    assert_eq!(
        cells(&draft, "t3", "open"),
        ["290", "1", "0", "0", "3", "0", "294"]
    );
    assert_eq!(
        cells(&draft, "t4", "reconsideration"),
        ["27", "10", "9", "15", "61"]
    );
    assert_eq!(
        cells(&draft, "t4", "litigation_after"),
        ["8", "0", "1", "1", "10"]
    );
    // 共受理政府信息公开申请 749 件 is 713 new and 36 carried over: a reading to confirm.
    let verdict = check_text(&text, &ExtractOptions::default(), &Options::default()).verdict;
    assert_eq!(verdict.verdict, Status::Consistent);
    assert!(verdict.counts.to_confirm >= 1);
}

#[test]
fn a_template_report_drafted_from_a_text_opens_as_any_template_report() {
    // The draft is what the template form saves: template, report and rows (with `at`).
    let extraction = extract(&fixture("pingtan-2021.txt"), &ExtractOptions::default());
    let verdict = crossfoot::check(extraction.report.as_bytes(), &Options::default());
    assert_eq!(verdict.verdict, Status::Consistent);
    assert!(verdict.findings.is_empty(), "{:?}", verdict.findings);
}

#[test]
fn a_text_on_no_template_is_extracted_as_before() {
    let text = "共收到行政复议申请142件,其中受理79件,不予受理21件,补正42件。";
    let extraction = extract(text, &ExtractOptions::default());
    assert_eq!(extraction.template, None);
    assert!(extraction.warnings.is_empty());
    assert!(!extraction.report.contains("\"template\""));
    let json: Value = serde_json::from_str(&extraction.to_json()).unwrap();
    assert_eq!(json["warnings"], serde_json::json!([]));
    assert!(json.get("template").is_none());
}

#[test]
fn the_extraction_json_names_the_template_and_its_warnings() {
    let text = fixture("pingtan-2021.txt").replace(
        "（一）予以公开\t27\t0\t0\t2\t0\t1\t30",
        "（一）予以公开\t27\t0",
    );
    let extraction = extract(&text, &ExtractOptions::default());
    let json: Value = serde_json::from_str(&extraction.to_json()).unwrap();
    assert_eq!(json["template"], "cn-gov-info-disclosure-2021");
    let warning = &json["warnings"][0];
    assert_eq!(warning["code"], "row-not-placed");
    // The row it is about, by the template's ids (the page marks that row), in both languages.
    assert_eq!(
        (&warning["table"], &warning["row"]),
        (&"t3".into(), &"open".into())
    );
    assert!(warning["message"].as_str().unwrap().contains("予以公开"));
    assert!(warning["messageEn"]
        .as_str()
        .unwrap()
        .contains("cells after its label"));
    assert_eq!(
        serde_json::to_value(&extraction).unwrap()["warnings"],
        json["warnings"]
    );
}

#[test]
fn a_report_cut_and_spliced_anywhere_never_panics_and_every_place_lies_in_the_text() {
    // A fixed pseudo-random sequence (xorshift): 150 texts, each the 2021 report with pieces cut
    // out, lines duplicated and characters of table layouts (tabs, pipes, dashes, full-width
    // digits, line breaks) put in.
    let report: Vec<char> = fixture("pingtan-2021.txt").chars().collect();
    let inserts = [
        '\t', '|', '—', '/', '\n', '１', '0', ' ', '（', '、', '.', '9',
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    for _ in 0..150 {
        let mut text = report.clone();
        for _ in 0..1 + next(6) {
            let at = next(text.len());
            match next(3) {
                0 => {
                    let end = (at + next(40)).min(text.len());
                    text.drain(at..end);
                }
                1 => text.insert(at, inserts[next(inserts.len())]),
                _ => {
                    let end = (at + next(200)).min(text.len());
                    let copy: Vec<char> = text[at..end].to_vec();
                    let to = next(text.len());
                    text.splice(to..to, copy);
                }
            }
        }
        let text: String = text.into_iter().collect();
        let chars: Vec<char> = text.chars().collect();
        let extraction = extract(&text, &ExtractOptions::default());
        for w in &extraction.warnings {
            assert!(w.start <= w.end && w.end <= chars.len());
        }
        let draft: Value = serde_json::from_str(&extraction.report).unwrap();
        for table in draft["tables"].as_array().into_iter().flatten() {
            for row in table["rows"].as_array().unwrap() {
                for (cell, at) in row["cells"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .zip(row["at"].as_array().unwrap())
                {
                    if let (Some(s), Some(e)) = (at["start"].as_u64(), at["end"].as_u64()) {
                        let printed: String = chars[s as usize..e as usize].iter().collect();
                        if cell.is_number() {
                            let ascii: String = printed
                                .chars()
                                .map(|c| match c {
                                    '０'..='９' => {
                                        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap()
                                    }
                                    '．' => '.',
                                    c => c,
                                })
                                .collect();
                            assert_eq!(ascii, cell.to_string());
                        }
                    }
                }
            }
        }
        // A cell printed as no count (229.3 in a column of counts) is the document's error,
        // and the verdict says so; nothing else may be wrong with the draft.
        let verdict = crossfoot::check(extraction.report.as_bytes(), &Options::default());
        assert!(
            verdict
                .findings
                .iter()
                .all(|f| f.severity != crossfoot::Severity::Error || f.code == "not-a-count"),
            "{:?}",
            verdict.findings
        );
    }
}
