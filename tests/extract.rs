//! Extraction from text: every number form, every relation pattern with a positive case and a
//! near-miss that must not match, the seed report against its hand-written example, English and
//! HTML input, and the check of an extracted draft (checks to confirm never fail).

use crossfoot::extract::{extract, Confidence, ExtractOptions, Extraction, RelationKind, Role};
use crossfoot::{CheckStatus, Options, Status};

fn run(text: &str) -> Extraction {
    extract(text, &ExtractOptions::default())
}

/// (value, unit) of every figure.
fn figures(text: &str) -> Vec<(String, Option<String>)> {
    run(text)
        .figures
        .into_iter()
        .map(|f| (f.value, f.unit))
        .collect()
}

fn values(text: &str) -> Vec<String> {
    figures(text).into_iter().map(|(v, _)| v).collect()
}

/// Each relation as (kind, expect, sure).
fn relations(text: &str) -> Vec<(RelationKind, String, bool)> {
    run(text)
        .relations
        .into_iter()
        .map(|r| (r.kind, r.expect, r.confidence == Confidence::Sure))
        .collect()
}

fn unit(u: &str) -> Option<String> {
    Some(u.to_string())
}

// ---- numbers as people print them ----

#[test]
fn thousands_separators_commas_and_spaces() {
    assert_eq!(values("共有1,692名执法人员"), vec!["1,692"]);
    assert_eq!(values("a population of 7 291 600 people"), vec!["7291600"]);
    assert_eq!(
        values("revenue of 12,345,678.90 dollars"),
        vec!["12,345,678.90"]
    );
}

#[test]
fn full_width_digits() {
    assert_eq!(figures("受理１４２件"), vec![("142".into(), unit("件"))]);
    assert_eq!(
        figures("成功率９５．５％"),
        vec![("95.5".into(), unit("％"))]
    );
}

#[test]
fn chinese_numerals() {
    assert_eq!(values("收到两件申请"), vec!["2"]);
    assert_eq!(values("培训一百二十人"), vec!["120"]);
    assert_eq!(values("清理三千零五份"), vec!["3005"]);
    assert_eq!(values("共十二个街镇"), vec!["12"]);
}

#[test]
fn scale_words_go_to_the_unit() {
    assert_eq!(figures("服务1.2万人"), vec![("1.2".into(), unit("万人"))]);
    assert_eq!(figures("投入3.5亿元"), vec![("3.5".into(), unit("亿元"))]);
    assert_eq!(figures("资金2千万元"), vec![("2".into(), unit("千万元"))]);
    assert_eq!(
        figures("spent 3.5 million"),
        vec![("3.5".into(), unit("million"))]
    );
    assert_eq!(
        figures("about 2 billion"),
        vec![("2".into(), unit("billion"))]
    );
    // 千米 is a kilometre, not a thousand metres of something.
    assert_eq!(figures("修建道路12千米"), vec![("12".into(), unit("千米"))]);
}

#[test]
fn signs_from_words() {
    assert_eq!(values("同比下降2.99%"), vec!["-2.99"]);
    assert_eq!(values("比上年减少15件"), vec!["-15"]);
    assert_eq!(values("同比回落0.5个百分点"), vec!["-0.5"]);
    assert_eq!(values("同比上升1.05%"), vec!["1.05"]);
    assert_eq!(values("costs fell by 3%"), vec!["-3"]);
    assert_eq!(values("温度为-3"), vec!["-3"]);
    // The printed numeral is kept without the sign word.
    let e = run("同比下降2.99%");
    assert_eq!(e.figures[0].printed, "2.99");
}

#[test]
fn percent_and_percentage_points_are_different_units() {
    assert_eq!(
        figures("占比12.5%,提高2.1个百分点,up 3 percentage points"),
        vec![
            ("12.5".into(), unit("%")),
            ("2.1".into(), unit("个百分点")),
            ("3".into(), unit("percentage points")),
        ]
    );
}

#[test]
fn a_figure_split_across_a_line_break() {
    let e = run("共受理各类矛盾纠纷10\n876件");
    assert_eq!(e.figures.len(), 1);
    assert_eq!(e.figures[0].value, "10876");
    assert_eq!(e.figures[0].printed, "10\n876");
    assert_eq!((e.figures[0].start, e.figures[0].end), (9, 15));
}

#[test]
fn offsets_count_characters_and_cover_the_numeral_only() {
    let text = "调解成功率为95.5%";
    let e = run(text);
    let f = &e.figures[0];
    let numeral: String = text.chars().skip(f.start).take(f.end - f.start).collect();
    assert_eq!(numeral, "95.5");
    assert_eq!((f.start, f.end), (6, 10));
}

#[test]
fn non_figures_are_skipped() {
    let text = "2017年,青浦区于2018年2月13日发布(沪府发〔2021〕30号)第十二条规定。\n一、基本情况\n(三)加强管理\n2.构建机制。8时30分开会,10:30结束,联系电话021-59732000,G20会议,第3季度,《纲要(2015-2020年)》";
    assert_eq!(values(text), Vec::<String>::new());
}

#[test]
fn figures_bound_to_no_relation_are_still_listed() {
    let e = run("累计清理规范性文件67件。全区11个街镇全部聘请了法律顾问。");
    assert_eq!(e.figures.len(), 2);
    assert!(e.relations.is_empty());
    assert!(e.report.contains("\"value\": \"67\""));
}

// ---- relations: a positive case and a near miss for each pattern ----

#[test]
fn breakdown_after_qi_zhong() {
    assert_eq!(
        relations("行政复议申请142件,其中受理79件,不予受理21件,补正42件。"),
        vec![(RelationKind::Total, "f1 == f2 + f3 + f4".into(), true)]
    );
    // The parts miss the total by what one misprint explains (41 for 42): a sure relation,
    // which fails, so the reader sees the error.
    assert_eq!(
        relations("行政复议申请142件,其中受理79件,不予受理21件,补正41件。"),
        vec![(RelationKind::Total, "f1 == f2 + f3 + f4".into(), true)]
    );
    // Near miss: a gap no single misprint explains may be a list of only some parts: kept, to
    // be confirmed.
    assert_eq!(
        relations("行政复议申请142件,其中受理79件,不予受理21件,补正30件。"),
        vec![(RelationKind::Total, "f1 == f2 + f3 + f4".into(), false)]
    );
    // Near miss: figures of another unit are not parts.
    assert_eq!(
        relations("培训142人,其中发放证书79份,考核21次。"),
        Vec::<(RelationKind, String, bool)>::new()
    );
}

#[test]
fn one_part_after_qi_zhong_does_not_exceed_its_whole() {
    assert_eq!(
        relations("共有执法人员1692名,其中女性312名。"),
        vec![(RelationKind::NotExceeding, "f2 <= f1".into(), true)]
    );
}

#[test]
fn breakdown_in_clauses_each_with_its_own_detail() {
    let text = "应诉17件,其中,区法院受理9件,结案5件;市二中院受理8件,结案3件。";
    let found = relations(text);
    assert!(found.contains(&(RelationKind::Total, "f1 == f2 + f4".into(), true)));
}

#[test]
fn breakdown_with_fen_bie_wei() {
    assert_eq!(
        relations("全区共有调解组织45个,分别为街镇调解委员会11个、村居调解委员会34个。"),
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), true)]
    );
    // Near miss: 分别为 with no total named before it.
    assert!(relations("两项指标分别为5个和7个。").is_empty());
}

#[test]
fn breakdown_in_parentheses() {
    assert_eq!(
        relations("结案5件(按撤诉处理3件,判决驳回诉讼请求2件)。"),
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), true)]
    );
    // Near miss: an earlier value and a change in parentheses are not a breakdown.
    let found = relations("受理10876件(上年同期10763件,同比上升1.05%)。");
    assert!(found.iter().all(|(kind, ..)| *kind != RelationKind::Total));
}

#[test]
fn english_of_which_and_including() {
    assert_eq!(
        relations("The office received 142 applications, of which 79 were accepted, 21 were rejected and 42 were returned."),
        vec![(RelationKind::Total, "f1 == f2 + f3 + f4".into(), true)]
    );
    assert_eq!(
        relations("A total of 25 projects were funded, including 10 roads and 15 schools."),
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), true)]
    );
    // Near miss: a percentage after "of which" is not a part of a count.
    assert!(
        relations("There were 142 applications, of which 55% were accepted.")
            .iter()
            .all(|(kind, ..)| *kind != RelationKind::Total)
    );
}

#[test]
fn rates_with_lv_wei() {
    assert_eq!(
        relations("受理纠纷10876件,调解成功10388件,调解成功率为95.5%。"),
        vec![
            (RelationKind::Share, "f3 == f2 / f1".into(), true),
            (RelationKind::NotExceeding, "f2 <= f1".into(), false),
        ]
    );
    // Near miss: a rate whose base the text does not give is not bound to a guess.
    let found = relations("制作协议书8762份。协议履行率为100%。");
    assert!(found.iter().all(|(kind, ..)| *kind != RelationKind::Share));
}

#[test]
fn shares_with_zhan() {
    assert_eq!(
        relations("共有执法人员1200名,其中女性300名,占25%。"),
        vec![
            (RelationKind::NotExceeding, "f2 <= f1".into(), true),
            (RelationKind::Share, "f3 == f2 / f1".into(), true),
        ]
    );
    // Near miss: 占 with a share that does not match: kept, to confirm.
    let found = relations("共有执法人员1200名,其中女性300名,占35%。");
    assert!(found.contains(&(RelationKind::Share, "f3 == f2 / f1".into(), false)));
}

#[test]
fn shares_in_english() {
    let found = relations("Of 180 cases, 45 were closed, 25% of the total.");
    assert!(found.contains(&(RelationKind::Share, "f3 == f2 / f1".into(), true)));
}

#[test]
fn changes_with_the_earlier_value() {
    assert_eq!(
        relations("受理纠纷10876件(上年同期10763件,同比上升1.05%)。"),
        vec![(RelationKind::Change, "f3 == change(f1, f2)".into(), true)]
    );
    assert_eq!(
        relations("制作协议书8762份(上年同期9032份,同比下降2.99%)。"),
        vec![(RelationKind::Change, "f3 == change(f1, f2)".into(), true)]
    );
    // A sign word the arithmetic contradicts (上升 where the figures fell): to confirm.
    assert_eq!(
        relations("制作协议书8762份(上年同期9032份,同比上升2.99%)。"),
        vec![(RelationKind::Change, "f3 == change(f1, f2)".into(), false)]
    );
    // Near miss: no earlier value in the text, nothing to check.
    assert!(relations("受理纠纷10876件,同比上升1.05%。").is_empty());
}

#[test]
fn changes_in_percentage_points_and_counts() {
    assert_eq!(
        relations("结案率为90.5%,上年同期为88.0%,同比提高2.5个百分点。"),
        vec![(RelationKind::Change, "f3 == f1 - f2".into(), true)]
    );
    assert_eq!(
        relations("受理案件120件,上年同期100件,同比增加20件。"),
        vec![(RelationKind::Change, "f3 == f1 - f2".into(), true)]
    );
}

#[test]
fn changes_in_english() {
    assert_eq!(
        relations("Complaints rose 5.1% to 830 from 790."),
        vec![(RelationKind::Change, "f1 == change(f2, f3)".into(), true)]
    );
    assert_eq!(
        values("Complaints rose 5.1% to 830 from 790."),
        vec!["5.1", "830", "790"]
    );
}

#[test]
fn parts_not_exceeding_their_whole() {
    assert_eq!(
        relations("受理的79件复议案件中,审结68件。"),
        vec![(RelationKind::NotExceeding, "f2 <= f1".into(), true)]
    );
    assert_eq!(
        relations("区法院受理行政诉讼9件,结案5件。"),
        vec![(RelationKind::NotExceeding, "f2 <= f1".into(), false)]
    );
    // Near miss: two counts side by side with no subset wording.
    assert!(relations("区法院受理行政诉讼9件,市二中院受理8件。").is_empty());
}

#[test]
fn a_list_that_adds_up_without_words_is_to_confirm() {
    assert_eq!(
        relations("审结68件,维持32件,驳回10件,终止14件,撤销10件,确认违法2件。"),
        vec![(
            RelationKind::Total,
            "f1 == f2 + f3 + f4 + f5 + f6".into(),
            false
        )]
    );
    // Near miss: a list that does not add up says nothing.
    assert!(relations("审结68件,维持32件,驳回10件。").is_empty());
}

#[test]
fn approximate_figures_never_make_a_sure_relation() {
    let found = relations("共受理1000余件,其中受理600件,不予受理400件。");
    assert_eq!(
        found,
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), false)]
    );
}

// ---- the draft report and its check ----

#[test]
fn a_misprinted_breakdown_in_a_text_is_inconsistent_at_its_line() {
    let text = "一、行政复议\n共收到行政复议申请142件,其中受理97件,不予受理21件,补正42件。\n";
    let checked = crossfoot::extract::check_text(text, &Default::default(), &Options::default());
    let verdict = checked.verdict;
    assert_eq!(verdict.verdict, Status::Inconsistent, "{verdict:#?}");
    let failing = verdict
        .checks
        .iter()
        .find(|c| c.status == CheckStatus::Fail)
        .unwrap();
    assert_eq!((failing.location.line, failing.location.column), (2, 10));
    let suspect = &verdict.suspects[0];
    assert_eq!(suspect.value, "97");
    assert_eq!(suspect.would_fix.as_deref(), Some("79"));
    assert!(suspect.reasons.contains(&"transposed-digits"));
    // Placed at the figure in the text, and named by its words, not by its draft id.
    assert_eq!((suspect.location.line, suspect.location.column), (2, 19));
    assert!(suspect.message.starts_with("受理"), "{}", suspect.message);
}

#[test]
fn the_draft_is_a_valid_report_and_checks_to_confirm_never_fail() {
    let text = "行政复议申请142件,其中受理79件,不予受理21件,补正30件。受理纠纷10876件(上年同期10763件,同比上升1.05%)。";
    let e = run(text);
    let verdict = crossfoot::check(e.report.as_bytes(), &Options::default());
    assert_eq!(verdict.verdict, Status::Consistent, "{verdict:#?}");
    assert_eq!(verdict.counts.to_confirm, 1);
    assert_eq!(verdict.counts.failed, 0);
    assert_eq!(verdict.counts.passed, 1);
    assert!(verdict.suspects.is_empty());
    let doubtful = verdict
        .checks
        .iter()
        .find(|c| c.to_confirm)
        .expect("a check to confirm");
    assert_eq!(doubtful.status, CheckStatus::Fail);
    assert_eq!(doubtful.confidence.as_deref(), Some("unsure"));
    assert!(
        verdict.summary.ends_with("1 to confirm"),
        "{}",
        verdict.summary
    );
    // Every fact knows where it stands in the text.
    let fact = &verdict.facts[0];
    assert_eq!(fact.at.map(|a| (a.start, a.end)), Some((6, 9)));
}

#[test]
fn a_sure_relation_that_fails_makes_the_draft_inconsistent() {
    // A wrong breakdown of a total after an explicit 其中 whose wording is sure but arithmetic
    // does not hold is to confirm; once a person confirms it (removes to_confirm), it fails.
    let e = run("行政复议申请142件,其中受理79件,不予受理21件,补正41件。");
    let confirmed = e.report.replace(", \"to_confirm\": true", "");
    let verdict = crossfoot::check(confirmed.as_bytes(), &Options::default());
    assert_eq!(verdict.verdict, Status::Inconsistent);
    assert!(!verdict.suspects.is_empty());
}

/// A check of the hand-written example, by the values of its figures: (kind, roles).
type Signature = (RelationKind, Vec<(Role, String)>);

fn signature_of_example(expect: &str, value: &dyn Fn(&str) -> String) -> Option<Signature> {
    let (lhs, rhs) = if let Some((l, r)) = expect.split_once(" == ") {
        (l.trim(), r.trim())
    } else if let Some((l, r)) = expect.split_once(" <= ") {
        let roles = vec![
            (Role::Part, value(l.trim())),
            (Role::Whole, value(r.trim())),
        ];
        return Some((RelationKind::NotExceeding, roles));
    } else {
        return None;
    };
    if let Some(args) = rhs
        .strip_prefix("change(")
        .and_then(|r| r.strip_suffix(')'))
    {
        let (now, before) = args.split_once(',')?;
        let roles = vec![
            (Role::Change, value(lhs)),
            (Role::Now, value(now.trim())),
            (Role::Before, value(before.trim())),
        ];
        return Some((RelationKind::Change, roles));
    }
    if let Some((part, whole)) = rhs.split_once(" / ") {
        let roles = vec![
            (Role::Share, value(lhs)),
            (Role::Part, value(part.trim())),
            (Role::Whole, value(whole.trim())),
        ];
        return Some((RelationKind::Share, roles));
    }
    if rhs.contains(" + ") {
        let mut roles = vec![(Role::Whole, value(lhs))];
        roles.extend(rhs.split(" + ").map(|p| (Role::Part, value(p.trim()))));
        return Some((RelationKind::Total, roles));
    }
    None // a restatement (a == b): not a kind extraction writes
}

fn sorted(mut signature: Signature) -> Signature {
    signature
        .1
        .sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    signature
}

#[test]
fn the_seed_text_gives_the_relations_of_its_hand_written_example() {
    let text = std::fs::read_to_string("tests/fixtures/text/qingpu-2017-rule-of-law-report.txt")
        .expect("seed text");
    let example: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("examples/qingpu-2017.json").expect("example"),
    )
    .expect("JSON");
    // Every fact and check of the example, however deep its sections.
    let mut facts = Vec::new();
    let mut checks = Vec::new();
    let mut stack = vec![&example];
    while let Some(node) = stack.pop() {
        facts.extend(node["facts"].as_array().into_iter().flatten());
        checks.extend(node["checks"].as_array().into_iter().flatten());
        stack.extend(node["sections"].as_array().into_iter().flatten());
    }
    let value = |id: &str| -> String {
        facts
            .iter()
            .find(|f| f["id"] == id)
            .map(|f| match &f["value"] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .unwrap_or_default()
    };
    let e = run(&text);
    let extracted: Vec<Signature> = e
        .relations
        .iter()
        .map(|r| {
            let roles = r
                .roles
                .iter()
                .map(|(role, i)| (*role, e.figures[*i].value.clone()))
                .collect();
            sorted((r.kind, roles))
        })
        .collect();
    let mut missed = Vec::new();
    let mut matched = 0;
    for check in &checks {
        let expect = check["expect"].as_str().unwrap_or_default();
        match signature_of_example(expect, &value) {
            Some(signature) if extracted.contains(&sorted(signature.clone())) => matched += 1,
            _ => missed.push(check["id"].as_str().unwrap_or_default().to_string()),
        }
    }
    // Honestly: the one check extraction does not write is the restatement of a figure
    // (受理79件 … 受理的79件), an equality no pattern of the wording states.
    assert_eq!(missed, vec!["reconsideration_accepted_restated_matches"]);
    assert_eq!(matched, checks.len() - 1);
    assert_eq!(extracted.len(), matched, "no relation beyond the example's");

    // Every figure of the example is found, with its value.
    let found: Vec<&str> = e.figures.iter().map(|f| f.value.as_str()).collect();
    for fact in &facts {
        let v = value(fact["id"].as_str().unwrap_or_default());
        assert!(found.contains(&v.as_str()), "missed figure {v}");
    }
    assert_eq!(e.figures.len(), facts.len());

    let verdict = crossfoot::check(e.report.as_bytes(), &Options::default());
    assert_eq!(verdict.verdict, Status::Consistent);
    assert_eq!(verdict.counts.failed, 0);
}

#[test]
fn an_english_report() {
    let text =
        std::fs::read_to_string("tests/fixtures/text/english-annual-report.txt").expect("fixture");
    let e = run(&text);
    let values: Vec<&str> = e.figures.iter().map(|f| f.value.as_str()).collect();
    // The years, the telephone number and the room number are left out.
    assert_eq!(
        values,
        vec!["1,250", "830", "270", "150", "5.1", "830", "790", "66.4", "-4", "48", "50"]
    );
    let expects: Vec<&str> = e.relations.iter().map(|r| r.expect.as_str()).collect();
    assert_eq!(
        expects,
        vec![
            "f1 == f2 + f3 + f4",
            "f5 == change(f6, f7)",
            "f9 == change(f10, f11)"
        ]
    );
    let verdict = crossfoot::check(e.report.as_bytes(), &Options::default());
    assert_eq!(verdict.verdict, Status::Consistent);
}

#[test]
fn html_is_read_as_text_with_table_rows() {
    let html = std::fs::read_to_string("tests/fixtures/text/breakdown-in-an-html-table.html")
        .expect("fixture");
    let e = extract(
        &html,
        &ExtractOptions {
            html: true,
            ..Default::default()
        },
    );
    let text = e.text.as_deref().expect("the text the offsets refer to");
    for f in &e.figures {
        let numeral: String = text.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(numeral, f.printed);
    }
    assert_eq!(e.relations[0].expect, "f1 == f2 + f3 + f4");
    let cell = e
        .figures
        .iter()
        .find(|f| f.value == "120")
        .expect("the table cell");
    assert_eq!(cell.label, "予以公开");
    assert!(!text.contains("color"));
}

#[test]
fn nothing_panics_on_odd_text() {
    for text in [
        "",
        "其中",
        "其中其中12件",
        "分别为",
        "(((",
        ")))1件",
        "1,",
        "1,2",
        "１．",
        "十",
        "同比下降",
        "上年同期5件,同比下降",
        "占%",
        "\n\n1\n2\n",
        "0.0%",
        "99999999999999999999999999999999999件",
        "率为1%率为2%",
    ] {
        let e = run(text);
        assert!(e.report.starts_with('{'));
        let _ = crossfoot::check(e.report.as_bytes(), &Options::default());
    }
}

#[test]
fn the_json_of_an_extraction_is_its_serde_serialisation() {
    let text = std::fs::read_to_string("tests/fixtures/text/breakdown-in-an-html-table.html")
        .expect("fixture");
    for html in [false, true] {
        let e = extract(
            &text,
            &ExtractOptions {
                html,
                ..Default::default()
            },
        );
        let by_hand: serde_json::Value = serde_json::from_str(&e.to_json()).expect("JSON");
        assert_eq!(by_hand, serde_json::to_value(&e).expect("serde"));
    }
}

#[test]
fn a_breakdown_opening_the_next_sentence_refers_back() {
    assert_eq!(
        relations("全区完成生产总值356.56亿元,下降4.2%。其中,第一产业18.1亿元;第二产业151.39亿元;第三产业187.07亿元。"),
        vec![(RelationKind::Total, "f1 == f3 + f4 + f5".into(), true)]
    );
    assert_eq!(
        relations("新收刑事案件24064件,比上年下降6.7%。收案中,一审案件21503件;二审案件2395件;再审案件166件。"),
        vec![(RelationKind::Total, "f1 == f3 + f4 + f5".into(), true)]
    );
    assert_eq!(
        relations("社会消费品零售总额440.96亿元,同比增长4.1%。按经营单位所在地分,城镇351.65亿元,乡村89.31亿元。"),
        vec![(RelationKind::Total, "f1 == f3 + f4".into(), true)]
    );
    // Near miss: per-head figures larger than the total are no breakdown of it.
    assert!(
        relations("居民人均可支配收入36591元。按常住地分,城镇居民42689元,农村居民18982元。")
            .is_empty()
    );
}

#[test]
fn a_part_named_in_parentheses_and_a_ratio_of_shares() {
    assert_eq!(
        relations("审结民商事案件4822件(含再审1件)。"),
        vec![(RelationKind::NotExceeding, "f2 <= f1".into(), true)]
    );
    let found = relations(
        "生产总值1291.92亿元。其中,第一产业72.61亿元,第二产业730.64亿元,第三产业488.68亿元。三次产业结构为5.6:56.6:37.8。",
    );
    assert!(found.contains(&(RelationKind::Share, "f5 == f2 / f1 * 100".into(), true)));
    assert!(found.contains(&(RelationKind::Share, "f7 == f4 / f1 * 100".into(), true)));
    // Near miss: a ratio of another year holds for none of the parts: not bound.
    let other_year = relations(
        "生产总值1291.92亿元。其中,第一产业72.61亿元,第二产业730.64亿元,第三产业488.68亿元。上年结构为4.6:45.7:49.7。",
    );
    assert!(other_year
        .iter()
        .all(|(kind, ..)| *kind != RelationKind::Share));
}

#[test]
fn an_earlier_year_in_parentheses() {
    assert_eq!(
        relations("expenditure fell to £44.2m (2019: £48.2m), a reduction of 8.3%."),
        vec![(RelationKind::Change, "f3 == change(f1, f2)".into(), true)]
    );
    assert_eq!(values("a reduction of 8.3%"), vec!["-8.3"]);
}

#[test]
fn whole_rates_and_scaled_amounts_are_rounded_not_exact() {
    // 2% is 1.5%…2.5%: it agrees with 4,188 against 4,125 (+1.53%).
    assert_eq!(
        relations("4,188 complaints - a 2% increase on the 4,125 received last year."),
        vec![(RelationKind::Change, "f2 == change(f1, f3)".into(), true)]
    );
    // The draft needs no `decimals`: its unit makes a whole figure rounded (`number::precision`).
    let e = run("服务3万人,成功率89%,共142件");
    assert!(e
        .report
        .contains("\"value\": \"3\", \"unit\": \"万人\", \"label\""));
    assert!(e
        .report
        .contains("\"value\": \"89\", \"unit\": \"%\", \"label\""));
    // A count is exact.
    assert!(e
        .report
        .contains("\"value\": \"142\", \"unit\": \"件\", \"label\""));
}

#[test]
fn a_sentence_that_only_describes_a_change_refers_to_the_count_before() {
    assert_eq!(
        relations("1,707 enquiries were received. A massive 89% increase on the 904 in the previous year."),
        vec![(RelationKind::Change, "f2 == change(f1, f3)".into(), true)]
    );
    // Near miss: a sentence with its own count does not reach back.
    assert!(relations(
        "1,707 enquiries were received. 12 staff saw an 89% increase on the 904 in the previous year."
    )
    .iter()
    .all(|(_, expect, _)| !expect.contains("f1")));
}

#[test]
fn a_table_row_marked_with_a_hash_is_part_of_the_row_above() {
    let table = "产品名称 | 产量 |\n粮食 | 143972 |\n#稻谷 | 118787 |\n小麦 | 11200 |";
    assert_eq!(
        relations(table),
        vec![(RelationKind::NotExceeding, "f2 <= f1".into(), true)]
    );
    let e = run(table);
    assert_eq!(e.figures[0].label, "粮食");
    // Near miss: without the mark, rows are siblings.
    assert!(relations("粮食 | 143972 |\n稻谷 | 118787 |").is_empty());
}

#[test]
fn shares_of_one_sentence_share_the_whole_said_once() {
    let text = "全区完成生产总值356.56亿元。其中,第一产业完成增加值18.1亿元,第二产业完成增加值151.39亿元,第三产业完成增加值187.07亿元。第一产业增加值占全区生产总值比重为5.1%,第三产业增加值比重为52.4%。";
    let found = relations(text);
    assert!(found.contains(&(RelationKind::Share, "f5 == f2 / f1".into(), true)));
    // 187.07 / 356.56 is 52.47%, printed 52.4% (the shares were rounded to add up to 100):
    // bound, to be confirmed.
    assert!(found.contains(&(RelationKind::Share, "f6 == f4 / f1".into(), false)));
}

// ---- English wordings of annual reports and statistical bulletins ----

#[test]
fn english_a_total_of_with_a_colon_list() {
    assert_eq!(
        relations("A total of 64 visits were made: 30 to farms, 22 to markets and 12 to ports."),
        vec![(RelationKind::Total, "f1 == f2 + f3 + f4".into(), true)]
    );
    // Near miss: the same list after a comma, with no colon saying it is the breakdown, adds
    // up only by arithmetic: to confirm.
    assert_eq!(
        relations("A total of 64 visits were made, 30 to farms, 22 to markets and 12 to ports."),
        vec![(RelationKind::Total, "f1 == f2 + f3 + f4".into(), false)]
    );
    // Near miss: a colon after a count that no word names as a total opens no breakdown.
    assert!(
        relations("Inspectors made 64 visits: 30 found faults and 22 were closed.")
            .iter()
            .all(|(_, _, sure)| !sure)
    );
}

#[test]
fn english_of_the_n_opening_a_sentence() {
    assert_eq!(
        relations("Of the 250 appeals heard, 90 were allowed and 160 were dismissed."),
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), true)]
    );
    assert_eq!(
        relations("Of the 250 appeals heard, 90 were allowed."),
        vec![(RelationKind::NotExceeding, "f2 <= f1".into(), true)]
    );
    // Near miss: "of" in the middle of a clause names no whole.
    assert!(relations("The cost of 250 appeals was met, 90 by the council.").is_empty());
}

#[test]
fn english_a_count_with_its_share_in_parentheses() {
    assert_eq!(
        relations("Of the 400 schools inspected, 100 (25%) were rated good."),
        vec![
            (RelationKind::NotExceeding, "f2 <= f1".into(), true),
            (RelationKind::Share, "f3 == f2 / f1".into(), true),
        ]
    );
    assert_eq!(
        relations("Staff answered 900 calls (60% of the 1,500 received)."),
        vec![(RelationKind::Share, "f2 == f1 / f3".into(), true)]
    );
    // With no word naming the whole, the share fits a count only by arithmetic: to confirm.
    assert_eq!(
        relations("We inspected 400 schools; 100 (25%) were rated good."),
        vec![(RelationKind::Share, "f3 == f2 / f1".into(), false)]
    );
    // Near miss: a share in parentheses that fits no count binds nothing.
    assert!(relations("We inspected 400 schools; 100 (35%) were rated good.").is_empty());
}

#[test]
fn english_changes_on_and_compared_with_an_earlier_year() {
    assert_eq!(
        relations("Referrals numbered 2,240, up 12% on 2,000 in 2019."),
        vec![(RelationKind::Change, "f2 == change(f1, f3)".into(), true)]
    );
    assert_eq!(
        relations("Grants reached £6.6m, an increase of 10% compared with £6m in 2019."),
        vec![(RelationKind::Change, "f2 == change(f1, f3)".into(), true)]
    );
    assert_eq!(
        relations("Arrears fell from 500 to 450, a fall of 10%."),
        vec![(RelationKind::Change, "f3 == change(f2, f1)".into(), true)]
    );
    assert_eq!(
        relations("Income fell to £45m, a 10% drop on £50m the year before."),
        vec![(RelationKind::Change, "f2 == change(f1, f3)".into(), true)]
    );
    assert_eq!(
        relations("Claims fell by 10% to 450 from 500 the year before."),
        vec![(RelationKind::Change, "f1 == change(f2, f3)".into(), true)]
    );
    // Near miss: "on" after a change with no earlier figure, and a change with no earlier
    // value at all, give nothing to check.
    assert!(relations("Claims fell by 10% to 450.").is_empty());
    assert!(relations("Claims rose 12% on the back of 3 new offices.").is_empty());
}

#[test]
fn english_x_out_of_n() {
    assert_eq!(
        relations("Backlogs fell in 41 out of 48 districts."),
        vec![(RelationKind::NotExceeding, "f1 <= f2".into(), true)]
    );
    assert_eq!(
        relations("Backlogs fell in 41 of the 48 districts."),
        vec![(RelationKind::NotExceeding, "f1 <= f2".into(), true)]
    );
    // "more than half" is no figure; a share of two words binds nothing.
    assert!(relations("Backlogs fell in more than half of the 48 districts.").is_empty());
    // Near miss: two counts joined by other words.
    assert!(
        relations("Backlogs fell in 41 districts of the region's 48 towns.")
            .iter()
            .all(|(kind, ..)| *kind != RelationKind::NotExceeding)
    );
}

#[test]
fn english_a_total_after_its_parts() {
    assert_eq!(
        relations("We received 620 letters and 380 emails, 1,000 in all."),
        vec![(RelationKind::Total, "f3 == f1 + f2".into(), true)]
    );
    // Near miss: no word says the last count is a total.
    assert!(
        relations("We received 620 letters and 380 emails, 1,000 were answered.")
            .iter()
            .all(|(kind, ..)| *kind != RelationKind::Total)
    );
}

#[test]
fn english_earlier_year_figures_mirror_a_stated_subset() {
    assert_eq!(
        relations("Income was £20m (2019: £24m), including £15m (2019: £18m) from legacies."),
        vec![
            (RelationKind::NotExceeding, "f3 <= f1".into(), true),
            (RelationKind::NotExceeding, "f4 <= f2".into(), true),
        ]
    );
    // Near miss: figures in parentheses that are no earlier year's are not mirrored.
    assert_eq!(
        relations("Income was £20m (net £14m), including £15m (net £11m) from legacies."),
        vec![(RelationKind::NotExceeding, "f3 <= f1".into(), true)]
    );
}

#[test]
fn english_indented_items_under_a_list_item() {
    let text = "Results:\n  • 900 recommendations made:\n    • 500 for redress\n    • 400 for learning\n  • 70% - the rate upheld.";
    assert_eq!(
        relations(text),
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), true)]
    );
    // Near miss: items at the same level are no breakdown of the first.
    let flat = "  • 900 recommendations made\n  • 500 for redress\n  • 300 for learning";
    assert!(relations(flat).is_empty());
}

#[test]
fn english_of_these_and_n_of_which() {
    assert_eq!(
        relations("The panel heard 150 appeals. Of these, 60 were allowed and 90 were refused."),
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), true)]
    );
    assert_eq!(
        relations("The panel heard 150 appeals, 60 of which were allowed."),
        vec![(RelationKind::NotExceeding, "f2 <= f1".into(), true)]
    );
    // Near miss: "of these" with no comma does not open a breakdown.
    assert!(
        relations("The panel heard 150 appeals. Most of these 60 hearings were short.")
            .iter()
            .all(|(_, _, sure)| !sure)
    );
}

#[test]
fn english_comprising_made_up_of_and_as_follows() {
    assert_eq!(
        relations("The trust employs 540 staff comprising 300 nurses, 200 carers and 40 managers."),
        vec![(RelationKind::Total, "f1 == f2 + f3 + f4".into(), true)]
    );
    assert_eq!(
        relations("The 540 staff are made up of 300 nurses and 240 carers."),
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), true)]
    );
    assert_eq!(
        relations("The 540 staff break down as follows: 300 nurses and 240 carers."),
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), true)]
    );
    // Near miss: "up" inside "made up of" is no change; "set up" neither.
    assert!(relations("The trust set up 3 clinics and made up 40 kits.")
        .iter()
        .all(|(kind, ..)| *kind != RelationKind::Change));
}

#[test]
fn english_a_change_with_its_rate_in_parentheses() {
    assert_eq!(
        relations("Members rose to 920, an increase of 120 (15%) on 800 in 2019."),
        vec![
            (RelationKind::Change, "f2 == f1 - f4".into(), true),
            (RelationKind::Change, "f3 == change(f1, f4)".into(), true),
        ]
    );
    // Near miss: a share in parentheses after a count that is no change stays a share.
    assert!(
        relations("Members numbered 920, of whom 138 (15%) were new.")
            .iter()
            .all(|(kind, ..)| *kind != RelationKind::Change)
    );
}

#[test]
fn english_or_x_percent() {
    assert_eq!(
        relations("Of the 800 claims, 200, or 25%, were paid."),
        vec![
            (RelationKind::NotExceeding, "f2 <= f1".into(), true),
            (RelationKind::Share, "f3 == f2 / f1".into(), true),
        ]
    );
    // Near miss: a share of a whole with no count tied to it binds nothing (the count may be
    // another's).
    assert!(relations("About 25% of the 800 claims were paid, 200 in all.").is_empty());
}

#[test]
fn a_total_row_of_a_table_in_text() {
    let table = "Visits by region\nNorth | 410 | 12\nSouth | 290 | 8\nWest | 300 | 10\nTotal | 1,000 | 30\n";
    assert_eq!(
        relations(table),
        vec![
            (RelationKind::Total, "f7 == f1 + f3 + f5".into(), true),
            (RelationKind::Total, "f8 == f2 + f4 + f6".into(), true),
        ]
    );
    // The total first, as Chinese statistical tables print it.
    assert_eq!(
        relations("合计\t500\n城镇\t320\n乡村\t180\n"),
        vec![(RelationKind::Total, "f1 == f2 + f3".into(), true)]
    );
    // A gap no misprint explains: the rows may be only some of the table's; to confirm.
    assert_eq!(
        relations("North | 410\nSouth | 290\nTotal | 1,500\n"),
        vec![(RelationKind::Total, "f3 == f1 + f2".into(), false)]
    );
    // Near miss: a last row that no label names as a total is no total.
    assert!(relations("North | 410\nSouth | 290\nWest | 700\n").is_empty());
}

#[test]
fn a_count_of_all_kinds_and_its_kinds_in_the_next_sentences() {
    let text = "二、办理情况\n全年办结各类事项560件,同比增加20件。\n办结咨询事项300件,同比增加8件;办结投诉事项200件。\n办结建议事项60件。\n三、下一步\n办理培训40件。";
    assert_eq!(
        relations(text),
        vec![(RelationKind::Total, "f1 == f3 + f5 + f6".into(), false)]
    );
    // Near miss: the section ends at its heading; counts of the next section are no parts.
    let short =
        "二、办理情况\n全年办结各类事项560件。\n办结咨询事项300件。\n三、下一步\n办理培训260件。";
    assert!(relations(short).is_empty());
    // Near miss: no word names the first count as a count of all kinds.
    let plain = "全年办结事项560件。\n办结咨询事项300件;办结投诉事项260件。";
    assert!(relations(plain).is_empty());
}

#[test]
fn zai_n_zhong_opens_counts_that_are_each_some_of_it() {
    assert_eq!(
        relations("在受理的120件投诉中,属实70件,部分属实30件,不属实20件。"),
        vec![(RelationKind::Total, "f1 == f2 + f3 + f4".into(), true)]
    );
    // Counts that overlap (more than the whole together) are each a part, no breakdown.
    assert_eq!(
        relations("在这60所学校中,45所已配备校医,38所设有心理咨询室。"),
        vec![
            (RelationKind::NotExceeding, "f2 <= f1".into(), true),
            (RelationKind::NotExceeding, "f3 <= f1".into(), true),
        ]
    );
    assert_eq!(
        relations("Of the 60 schools, 45 have a nurse and 38 a counsellor."),
        vec![
            (RelationKind::NotExceeding, "f2 <= f1".into(), true),
            (RelationKind::NotExceeding, "f3 <= f1".into(), true),
        ]
    );
    // Near miss: 在 … without 中 closing the clause names no whole.
    assert!(relations("在60所学校开展活动,45所已配备校医。")
        .iter()
        .all(|(_, _, sure)| !sure));
}

#[test]
fn chinese_parts_then_their_total_and_bao_kuo() {
    assert_eq!(
        relations("全年办理咨询120件、投诉60件、建议20件,合计200件。"),
        vec![(RelationKind::Total, "f4 == f1 + f2 + f3".into(), true)]
    );
    assert_eq!(
        relations("全年办理各类事项200件,包括咨询120件、投诉60件和建议20件。"),
        vec![(RelationKind::Total, "f1 == f2 + f3 + f4".into(), true)]
    );
    // Near miss: a last count that a longer label names is not the total of the ones before.
    assert!(relations("全年办理咨询120件、投诉60件,走访群众200件。")
        .iter()
        .all(|(_, _, sure)| !sure));
}

#[test]
fn a_rate_whose_base_is_only_found_by_arithmetic_is_to_confirm() {
    // The rate's base is in an earlier sentence and no word names it: it fits, but a birth rate
    // is of the average population, so only a person can say the base is right.
    assert_eq!(
        relations("年末常住人口20万人。全年出生人口1800人,出生率9.0‰。"),
        vec![(RelationKind::Share, "f3 == f2 / f1".into(), false)]
    );
    // A base the words name, or a part stated by 其中, keeps the share sure.
    assert_eq!(
        relations("全年收案500件。其中,基层法院收案400件,占全年收案的80%。"),
        vec![
            (RelationKind::NotExceeding, "f2 <= f1".into(), true),
            (RelationKind::Share, "f3 == f2 / f1".into(), true),
        ]
    );
}

#[test]
fn a_ratio_of_two_counts_with_bi_wei() {
    assert_eq!(
        relations("全院受理案件2000件,审执结1800件,结收比为90.0%。"),
        vec![(RelationKind::Share, "f3 == f2 / f1".into(), true)]
    );
    // Near miss: 比 comparing with a year is no ratio of counts.
    assert!(relations("全院受理案件2000件,比上年增长5.0%。").is_empty());
}

#[test]
fn gong_ji_with_a_verb_totals_the_counts_before_it_when_they_add_up() {
    assert_eq!(
        relations("新收案件900件,旧存案件100件,共计受理1000件。"),
        vec![(RelationKind::Total, "f3 == f1 + f2".into(), true)]
    );
    // Near miss: when they do not add up, 共计受理 may count more than the counts before it.
    assert!(relations("新收案件900件,旧存案件100件,共计受理1200件。").is_empty());
    // 结收比 with no 为 is a ratio of counts too.
    assert_eq!(
        relations("受理案件1000件;审执结850件;结收比85.0%。"),
        vec![(RelationKind::Share, "f3 == f2 / f1".into(), true)]
    );
}

#[test]
fn english_representing_x_percent_of_the_n() {
    assert_eq!(
        relations("Grants to schools totalled 450, representing 30% of the 1,500 made."),
        vec![(RelationKind::Share, "f2 == f1 / f3".into(), true)]
    );
    // Near miss: with no share word tying them, the count is not the share's part.
    assert!(
        relations("Grants to schools totalled 450; 30% of the 1,500 made went north.")
            .iter()
            .all(|(kind, ..)| *kind != RelationKind::Share)
    );
}

#[test]
fn english_a_rate_with_its_part_of_whole_in_parentheses() {
    assert_eq!(
        relations("The uphold rate was 35% (70 of 200)."),
        vec![
            (RelationKind::Share, "f1 == f2 / f3".into(), true),
            (RelationKind::NotExceeding, "f2 <= f3".into(), true),
        ]
    );
    // A rate that does not fit its part and whole is still theirs, but to confirm.
    assert_eq!(
        relations("The uphold rate was 45% (70 of 200)."),
        vec![
            (RelationKind::Share, "f1 == f2 / f3".into(), false),
            (RelationKind::NotExceeding, "f2 <= f3".into(), true),
        ]
    );
    // Near miss: two counts in parentheses joined by other words.
    assert!(relations("The uphold rate was 35% (70 cases, 200 days).")
        .iter()
        .all(|(kind, ..)| *kind != RelationKind::Share));
}

#[test]
fn english_last_years_figure_is_the_earlier_value() {
    assert_eq!(
        relations("Visits rose 5% to 2,100, compared with last year's 2,000."),
        vec![(RelationKind::Change, "f1 == change(f2, f3)".into(), true)]
    );
    assert_eq!(
        relations("Visits rose 5% to 2,100, an increase on the previous year's figure of 2,000."),
        vec![(RelationKind::Change, "f1 == change(f2, f3)".into(), true)]
    );
    // Near miss: "last year" in another clause does not make the count before it earlier.
    assert_eq!(
        relations("Visits rose 5% to 2,100, compared with 2,000 last year."),
        vec![(RelationKind::Change, "f1 == change(f2, f3)".into(), true)]
    );
}

#[test]
fn english_comparatives_of_a_financial_year_or_last_year() {
    assert_eq!(
        relations("Enquiries rose 10% to 2,200 (2022/23: 2,000)."),
        vec![(RelationKind::Change, "f1 == change(f2, f3)".into(), true)]
    );
    assert_eq!(
        relations("Enquiries rose 10% to 2,200 (last year: 2,000)."),
        vec![(RelationKind::Change, "f1 == change(f2, f3)".into(), true)]
    );
    // Near miss: a figure in parentheses after a label that is no period is no earlier value.
    assert!(relations("Enquiries rose 10% to 2,200 (online: 2,000).").is_empty());
}

#[test]
fn english_words_of_quantity_are_not_figures() {
    assert!(values("More than half were upheld; one in five was resolved early and nearly a third came from two-thirds of the boards.").is_empty());
}

#[test]
fn many_markers_in_one_long_text_stay_fast() {
    // Colons, "of which" and "Of the N," by the thousand, with figures between: extraction must
    // stay about linear (a quadratic scan would take minutes here).
    let line =
        "Of the 120 items: 50 were kept, of which 20 were sold, and 70 (58.3%) went; total: 9.\n";
    let text = line.repeat(4000);
    let started = std::time::Instant::now();
    let extraction = run(&text);
    assert!(extraction.figures.len() >= 4000 * 5);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
    let line = "在这85家基金会中,40家已认定,44家未开展;合计:300件。其中,甲10件,乙20件。\n";
    let text = line.repeat(4000);
    let started = std::time::Instant::now();
    let extraction = run(&text);
    assert!(extraction.figures.len() >= 4000 * 5);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}
