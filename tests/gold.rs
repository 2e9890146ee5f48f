//! The gold set (`tests/gold/`, described in `tests/gold/README.md`): real published report texts
//! with every figure and every stated relation marked by hand.
//!
//! This test first checks that the marks are well-formed (offsets fall on the figure's text, every
//! relation names figures that exist, with the roles its kind needs), then runs the extractor on
//! every text and scores it: figures match when their spans overlap, relations when the kind and
//! every role's figure match (parts as a set). It prints recall and precision for Chinese and
//! English separately (the seed apart), and how many extracted relations are "to confirm".
//! The held-out texts (`tests/gold/holdout/`, never seen while tuning the extractor) are scored
//! the same way and printed as their own "held-out" lines, with no floor: they measure, they are
//! not a target.
//! The floors below are what the extractor reached when they were set: they catch regressions,
//! they are not the goal (issue 6 aims at 95% for figures, 85%/95% for relations).
//! `scripts/gold.sh` runs it in release with the table shown.

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Lowest scores accepted, per group: (figure recall, figure precision, relation recall,
/// relation precision), in percent.
const FLOORS: &[(&str, [f64; 4])] = &[
    // Measured at the merge of `extract` (6a182bd): 96.0, 94.6, 27.9, 52.2; on `extract2`: 100.0,
    // 99.1, 93.0, 93.0.
    ("zh", [99.0, 99.0, 93.0, 93.0]),
    // Measured: 100.0, 88.9, 5.3, 100.0 (one relation found); on `extract2`: 100.0, 100.0, 84.2,
    // 100.0.
    ("en", [100.0, 100.0, 84.0, 100.0]),
    // The seed must extract every relation its hand-written example holds.
    ("seed", [100.0, 100.0, 100.0, 100.0]),
];

/// The issue asks for at least ten found texts; the brief for seven Chinese and four English.
const MIN_FOUND_TEXTS: usize = 12;
const MIN_ZH_TEXTS: usize = 7;
const MIN_EN_TEXTS: usize = 4;
/// The held-out set: at least four texts in each language.
const MIN_HELD_OUT_TEXTS: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Total,
    Share,
    Change,
    NotExceeding,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Whole,
    Part,
    Share,
    Now,
    Before,
    Change,
}

/// The roles each kind needs: (role, how many figures; `None` = one or more).
fn roles_of(kind: Kind) -> &'static [(Role, Option<usize>)] {
    match kind {
        Kind::Total => &[(Role::Whole, Some(1)), (Role::Part, None)],
        Kind::Share => &[
            (Role::Share, Some(1)),
            (Role::Part, Some(1)),
            (Role::Whole, Some(1)),
        ],
        Kind::Change => &[
            (Role::Change, Some(1)),
            (Role::Now, Some(1)),
            (Role::Before, Some(1)),
        ],
        Kind::NotExceeding => &[(Role::Part, Some(1)), (Role::Whole, Some(1))],
    }
}

#[derive(Debug)]
struct Relation {
    kind: Kind,
    roles: Vec<(Role, Span)>,
}

impl Relation {
    fn spans(&self, role: Role) -> Vec<Span> {
        self.roles
            .iter()
            .filter(|(r, _)| *r == role)
            .map(|(_, s)| *s)
            .collect()
    }

    /// Same kind, and every role's figures overlap one to one (parts as a set).
    fn matches(&self, other: &Relation) -> bool {
        self.kind == other.kind
            && roles_of(self.kind).iter().all(|(role, _)| {
                let (mine, theirs) = (self.spans(*role), other.spans(*role));
                mine.len() == theirs.len()
                    && mine.iter().all(|a| theirs.iter().any(|b| a.overlaps(*b)))
                    && theirs.iter().all(|b| mine.iter().any(|a| a.overlaps(*b)))
            })
    }
}

/// Figures and relations of one text, from the gold file or from the extractor.
#[derive(Debug, Default)]
struct Marked {
    figures: Vec<Span>,
    relations: Vec<Relation>,
    /// Extracted relations the extractor is unsure of (always 0 for gold).
    to_confirm: usize,
    /// For each extracted relation: whether the extractor is sure of it (empty for gold).
    sure: Vec<bool>,
}

struct GoldText {
    name: String,
    /// "zh", "en" or "seed".
    group: &'static str,
    /// From `tests/gold/holdout/`: scored apart, with no floor.
    held_out: bool,
    source: String,
    text: String,
    gold: Marked,
}

fn gold_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold")
}

fn held_out_dir() -> PathBuf {
    gold_dir().join("holdout")
}

fn index(value: &Value, name: &str, figures: &[Span], file: &str) -> Span {
    let i = value
        .as_u64()
        .unwrap_or_else(|| panic!("{file}: role {name} is not a figure index: {value}"));
    *figures
        .get(i as usize)
        .unwrap_or_else(|| panic!("{file}: role {name} names figure {i}, which does not exist"))
}

fn read_relation(rel: &Value, figures: &[Span], file: &str) -> Relation {
    let kind = match rel["kind"].as_str() {
        Some("total") => Kind::Total,
        Some("share") => Kind::Share,
        Some("change") => Kind::Change,
        Some("not-exceeding") => Kind::NotExceeding,
        other => panic!("{file}: unknown relation kind {other:?}"),
    };
    let mut roles = Vec::new();
    for (role, count) in roles_of(kind) {
        let key = match role {
            Role::Whole => "whole",
            Role::Part if *count == Some(1) => "part",
            Role::Part => "parts",
            Role::Share => "share",
            Role::Now => "now",
            Role::Before => "before",
            Role::Change => "change",
        };
        match &rel[key] {
            Value::Array(items) => {
                assert!(count.is_none(), "{file}: {key} must be one figure");
                assert!(!items.is_empty(), "{file}: a total needs parts");
                for item in items {
                    roles.push((*role, index(item, key, figures, file)));
                }
            }
            Value::Null => panic!("{file}: a {kind:?} relation needs `{key}`: {rel}"),
            one => roles.push((*role, index(one, key, figures, file))),
        }
    }
    for (i, (_, a)) in roles.iter().enumerate() {
        for (_, b) in &roles[i + 1..] {
            assert_ne!(a, b, "{file}: one figure plays two roles in {rel}");
        }
    }
    Relation { kind, roles }
}

/// Loads one gold file and checks it against its text (beside it).
fn load(json_path: &Path, held_out: bool) -> GoldText {
    let file = json_path.file_name().unwrap().to_string_lossy().to_string();
    let name = file.trim_end_matches(".gold.json").to_string();
    let text = std::fs::read_to_string(json_path.with_file_name(format!("{name}.txt")))
        .unwrap_or_else(|e| panic!("{file}: its text {name}.txt: {e}"))
        .replace("\r\n", "\n");
    let json = std::fs::read_to_string(json_path).unwrap();
    GoldText {
        held_out,
        ..read_gold(&name, text, &json)
    }
}

/// Reads a gold file's JSON against its text; panics with the reason when it is not well-formed.
fn read_gold(name: &str, text: String, json: &str) -> GoldText {
    let file = format!("{name}.gold.json");
    let name = name.to_string();
    let chars: Vec<char> = text.chars().collect();
    let json: Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{file}: not JSON: {e}"));
    let source = json["source"].as_str().unwrap_or_default();
    assert!(
        source.starts_with("http://") || source.starts_with("https://"),
        "{file}: `source` must be the text's address, got {source:?}"
    );
    let language = json["language"].as_str().unwrap_or_default();
    assert!(
        language == "zh" || language == "en",
        "{file}: language must be zh or en"
    );
    let mut figures = Vec::new();
    for fig in json["figures"].as_array().expect("figures array") {
        let (start, end) = (
            fig["start"].as_u64().expect("start") as usize,
            fig["end"].as_u64().expect("end") as usize,
        );
        assert!(
            start < end && end <= chars.len(),
            "{file}: bad span {start}..{end}"
        );
        let printed: String = chars[start..end].iter().collect();
        assert_eq!(
            Some(printed.as_str()),
            fig["text"].as_str(),
            "{file}: the text at {start}..{end} is not the figure's"
        );
        assert!(
            printed.chars().any(|c| c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || "零〇一二两三四五六七八九十百千".contains(c)),
            "{file}: figure {printed:?} has no digit"
        );
        if let Some(last) = figures.last() {
            let last: &Span = last;
            assert!(
                last.end <= start,
                "{file}: figures must be in text order and not overlap ({start})"
            );
        }
        figures.push(Span { start, end });
    }
    let relations = json["relations"]
        .as_array()
        .expect("relations array")
        .iter()
        .map(|rel| read_relation(rel, &figures, &file))
        .collect();
    let group = if name.starts_with("seed-") {
        "seed"
    } else if language == "zh" {
        "zh"
    } else {
        "en"
    };
    GoldText {
        name,
        group,
        held_out: false,
        source: source.to_string(),
        text,
        gold: Marked {
            figures,
            relations,
            to_confirm: 0,
            sure: Vec::new(),
        },
    }
}

/// The gold files of one directory, in name order.
fn load_dir(dir: &Path, held_out: bool) -> Vec<GoldText> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    paths.iter().map(|p| load(p, held_out)).collect()
}

/// The tuned set, then the held-out set.
fn load_all() -> Vec<GoldText> {
    let mut set = load_dir(&gold_dir(), false);
    set.extend(load_dir(&held_out_dir(), true));
    set
}

/// What the extractor finds in a text, in the scorer's terms.
fn extracted(text: &str) -> Marked {
    use crossfoot::extract::{extract, Confidence, ExtractOptions, RelationKind};
    let found = extract(text, &ExtractOptions::default());
    let figures: Vec<Span> = found
        .figures
        .iter()
        .map(|f| Span {
            start: f.start,
            end: f.end,
        })
        .collect();
    let relations = found
        .relations
        .iter()
        .map(|r| Relation {
            kind: match r.kind {
                RelationKind::Total => Kind::Total,
                RelationKind::Share => Kind::Share,
                RelationKind::Change => Kind::Change,
                RelationKind::NotExceeding => Kind::NotExceeding,
            },
            // A role naming no figure is the extractor's bug; it simply matches nothing here.
            roles: r
                .roles
                .iter()
                .filter_map(|(role, i)| Some((role_of(*role), *figures.get(*i)?)))
                .collect(),
        })
        .collect();
    let to_confirm = found
        .relations
        .iter()
        .filter(|r| r.confidence == Confidence::Unsure)
        .count();
    let sure = found
        .relations
        .iter()
        .map(|r| r.confidence == Confidence::Sure)
        .collect();
    Marked {
        figures,
        relations,
        to_confirm,
        sure,
    }
}

fn role_of(role: crossfoot::extract::Role) -> Role {
    use crossfoot::extract::Role as R;
    match role {
        R::Whole => Role::Whole,
        R::Part => Role::Part,
        R::Share => Role::Share,
        R::Now => Role::Now,
        R::Before => Role::Before,
        R::Change => Role::Change,
    }
}

/// Counts for recall and precision.
#[derive(Default, Clone, Copy)]
struct Tally {
    texts: usize,
    gold_figures: usize,
    found_figures: usize,
    gold_figures_found: usize,
    found_figures_right: usize,
    gold_relations: usize,
    found_relations: usize,
    gold_relations_found: usize,
    found_relations_right: usize,
    to_confirm: usize,
    /// Relations the extractor is sure of (they can fail: a red figure), and how many are right.
    sure: usize,
    sure_right: usize,
}

impl Tally {
    fn of(gold: &Marked, found: &Marked) -> Tally {
        let hit = |a: &Span, others: &[Span]| others.iter().any(|b| a.overlaps(*b));
        Tally {
            texts: 1,
            gold_figures: gold.figures.len(),
            found_figures: found.figures.len(),
            gold_figures_found: gold
                .figures
                .iter()
                .filter(|g| hit(g, &found.figures))
                .count(),
            found_figures_right: found
                .figures
                .iter()
                .filter(|f| hit(f, &gold.figures))
                .count(),
            gold_relations: gold.relations.len(),
            found_relations: found.relations.len(),
            gold_relations_found: gold
                .relations
                .iter()
                .filter(|g| found.relations.iter().any(|f| g.matches(f)))
                .count(),
            found_relations_right: found
                .relations
                .iter()
                .filter(|f| gold.relations.iter().any(|g| g.matches(f)))
                .count(),
            to_confirm: found.to_confirm,
            sure: found.sure.iter().filter(|&&s| s).count(),
            sure_right: found
                .relations
                .iter()
                .zip(&found.sure)
                .filter(|(f, &sure)| sure && gold.relations.iter().any(|g| g.matches(f)))
                .count(),
        }
    }

    fn add(&mut self, other: Tally) {
        self.texts += other.texts;
        self.gold_figures += other.gold_figures;
        self.found_figures += other.found_figures;
        self.gold_figures_found += other.gold_figures_found;
        self.found_figures_right += other.found_figures_right;
        self.gold_relations += other.gold_relations;
        self.found_relations += other.found_relations;
        self.gold_relations_found += other.gold_relations_found;
        self.found_relations_right += other.found_relations_right;
        self.to_confirm += other.to_confirm;
        self.sure += other.sure;
        self.sure_right += other.sure_right;
    }

    /// Figure recall, figure precision, relation recall, relation precision, in percent.
    /// Nothing to find counts as 100% recall; nothing found as 100% precision only when there
    /// was nothing to find.
    fn scores(&self) -> [f64; 4] {
        let pct = |num: usize, den: usize, empty: f64| {
            if den == 0 {
                empty
            } else {
                100.0 * num as f64 / den as f64
            }
        };
        let fig_empty = if self.gold_figures == 0 { 100.0 } else { 0.0 };
        let rel_empty = if self.gold_relations == 0 { 100.0 } else { 0.0 };
        [
            pct(self.gold_figures_found, self.gold_figures, 100.0),
            pct(self.found_figures_right, self.found_figures, fig_empty),
            pct(self.gold_relations_found, self.gold_relations, 100.0),
            pct(self.found_relations_right, self.found_relations, rel_empty),
        ]
    }

    fn row(&self, label: &str) -> String {
        let [fr, fp, rr, rp] = self.scores();
        format!(
            "{label:<48} {:>5} {:>6} {:>6} {:>7.1}% {:>7.1}% {:>6} {:>6} {:>7.1}% {:>7.1}% {:>8} {:>5} {:>7.1}%",
            self.texts,
            self.gold_figures,
            self.found_figures,
            fr,
            fp,
            self.gold_relations,
            self.found_relations,
            rr,
            rp,
            self.to_confirm,
            self.sure,
            if self.sure == 0 {
                100.0
            } else {
                100.0 * self.sure_right as f64 / self.sure as f64
            }
        )
    }
}

#[test]
fn gold_files_are_well_formed_and_enough() {
    let set = load_all();
    let count = |group: &str, held_out: bool| {
        set.iter()
            .filter(|t| t.group == group && t.held_out == held_out)
            .count()
    };
    assert!(count("zh", false) >= MIN_ZH_TEXTS, "Chinese texts");
    assert!(count("en", false) >= MIN_EN_TEXTS, "English texts");
    assert!(count("zh", false) + count("en", false) >= MIN_FOUND_TEXTS);
    assert_eq!(count("seed", false), 1, "the seed text is marked once");
    assert!(count("zh", true) >= MIN_HELD_OUT_TEXTS, "held-out Chinese");
    assert!(count("en", true) >= MIN_HELD_OUT_TEXTS, "held-out English");
    assert_eq!(count("seed", true), 0, "the seed is not held out");
    // Held out means new: no held-out text shares an address or a name with the tuned set.
    for h in set.iter().filter(|t| t.held_out) {
        for t in set.iter().filter(|t| !t.held_out) {
            assert_ne!(h.source, t.source, "{}: already in the tuned set", h.name);
            assert_ne!(h.name, t.name, "{}: a name used twice", h.name);
        }
    }
    for t in &set {
        assert!(
            !t.gold.figures.is_empty(),
            "{}: a gold text without figures",
            t.name
        );
        let length = t.text.chars().count();
        assert!(
            (600..=8000).contains(&length),
            "{}: a passage of real length, got {length} characters",
            t.name
        );
    }
}

#[test]
fn relations_match_themselves_and_not_a_changed_role() {
    // The matcher must tell relations apart, or the scores below mean nothing.
    let set = load_all();
    for t in &set {
        for (i, a) in t.gold.relations.iter().enumerate() {
            assert!(
                a.matches(a),
                "{}: relation {i} does not match itself",
                t.name
            );
            for (j, b) in t.gold.relations.iter().enumerate() {
                if i != j {
                    assert!(
                        !a.matches(b),
                        "{}: relations {i} and {j} are the same",
                        t.name
                    );
                }
            }
        }
    }
}

/// With `GOLD_DETAIL=1`: the figures and relations missed or extra, to see what to improve.
fn print_misses(t: &GoldText, found: &Marked) {
    let chars: Vec<char> = t.text.chars().collect();
    let show = |s: Span| -> String {
        let from = s.start.saturating_sub(8);
        let to = (s.end + 3).min(chars.len());
        let before: String = chars[from..s.start].iter().collect();
        let it: String = chars[s.start..s.end].iter().collect();
        let after: String = chars[s.end..to].iter().collect();
        format!("{before}[{it}]{after}").replace('\n', " ")
    };
    let hit = |a: &Span, others: &[Span]| others.iter().any(|b| a.overlaps(*b));
    for g in t.gold.figures.iter().filter(|g| !hit(g, &found.figures)) {
        println!("    missed figure  {}", show(*g));
    }
    for f in found.figures.iter().filter(|f| !hit(f, &t.gold.figures)) {
        println!("    extra figure   {}", show(*f));
    }
    let describe = |r: &Relation| -> String {
        let roles: Vec<String> = r
            .roles
            .iter()
            .map(|(role, s)| format!("{role:?} {}", show(*s)))
            .collect();
        format!("{:?}: {}", r.kind, roles.join("; "))
    };
    for g in &t.gold.relations {
        if !found.relations.iter().any(|f| g.matches(f)) {
            println!("    missed relation {}", describe(g));
        }
    }
    for f in &found.relations {
        if !t.gold.relations.iter().any(|g| g.matches(f)) {
            println!("    extra relation  {}", describe(f));
        }
    }
}

/// Runs the extractor on each text, prints its row, and returns the group's tally.
fn score_group<'a>(texts: impl Iterator<Item = &'a GoldText>) -> Tally {
    let mut total = Tally::default();
    for t in texts {
        let found = extracted(&t.text);
        let tally = Tally::of(&t.gold, &found);
        println!("{}", tally.row(&t.name));
        // Misses are shown for the tuned set only: looking at the held-out misses would tune on them.
        if !t.held_out && std::env::var_os("GOLD_DETAIL").is_some() {
            print_misses(t, &found);
        }
        total.add(tally);
    }
    total
}

#[test]
fn gold_scores() {
    let set = load_all();
    let header = format!(
        "{:<48} {:>5} {:>6} {:>6} {:>8} {:>8} {:>6} {:>6} {:>8} {:>8} {:>8} {:>5} {:>8}",
        "text",
        "texts",
        "figs",
        "found",
        "recall",
        "precis.",
        "rels",
        "found",
        "recall",
        "precis.",
        "confirm",
        "sure",
        "sure ok"
    );
    println!("\ngold set: figures (gold, found, recall, precision), relations (gold, found, recall, precision), relations to confirm, relations sure (shown green or red without a person's confirmation) and how many of those are right\n");
    println!("{header}");
    let mut failures = Vec::new();
    for (group, floor) in FLOORS {
        let total = score_group(set.iter().filter(|t| !t.held_out && t.group == *group));
        println!("{}\n", total.row(&format!("== {group}")));
        for (i, (got, min)) in total.scores().iter().zip(floor).enumerate() {
            if got < min {
                failures.push(format!(
                    "{group} score {i}: {got:.1}% under the floor {min}%"
                ));
            }
        }
    }
    // The held-out texts: a measurement with no floor (the extractor must only not crash).
    for group in ["zh", "en"] {
        let total = score_group(set.iter().filter(|t| t.held_out && t.group == group));
        println!("{}\n", total.row(&format!("== held-out {group}")));
    }
    assert!(failures.is_empty(), "regressions: {failures:?}");
}

/// `read_gold` on a small text, returning the panic message when it refuses the marks.
fn refusal(json: &str) -> Option<String> {
    let text = "共收到申请142件,其中受理79件,不予受理63件。".to_string();
    // The refusals are expected: keep their panic messages out of the scores' output.
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let refused = std::panic::catch_unwind(|| read_gold("probe", text, json)).err();
    std::panic::set_hook(quiet);
    refused.map(|e| e.downcast_ref::<String>().cloned().unwrap_or_default())
}

#[test]
fn malformed_marks_are_refused() {
    let figures = r#"[{"start":5,"end":8,"text":"142"},{"start":14,"end":16,"text":"79"},{"start":22,"end":24,"text":"63"}]"#;
    let good = format!(
        r#"{{"source":"https://example.org/r","language":"zh","figures":{figures},
            "relations":[{{"kind":"total","whole":0,"parts":[1,2]}}]}}"#
    );
    assert_eq!(refusal(&good), None, "the well-formed probe is accepted");
    let shifted = good.replace(r#""start":14,"end":16"#, r#""start":13,"end":15"#);
    assert!(refusal(&shifted).unwrap().contains("is not the figure's"));
    let missing = good.replace(r#""parts":[1,2]"#, r#""parts":[1,3]"#);
    assert!(refusal(&missing).unwrap().contains("does not exist"));
    let unknown = good.replace(r#""kind":"total""#, r#""kind":"sum""#);
    assert!(refusal(&unknown).unwrap().contains("unknown relation kind"));
    let no_source = good.replace("https://example.org/r", "");
    assert!(refusal(&no_source).unwrap().contains("address"));
}
