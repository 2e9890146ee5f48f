//! Parse, load, evaluate every check, find suspects, and assemble the verdict.

use crate::expr::{self, Evaluation};
use crate::messages::Problem;
use crate::number;
use crate::position::LineIndex;
use crate::report::{self, Check, Fact, FactIndex, Report};
use crate::suspects;
use crate::table;
use crate::verdict::{
    CheckOutcome, CheckStatus, Counts, FactView, Finding, Location, Severity, Status, Verdict,
};
use crate::{json, Lang, Options};

/// See [`crate::check`].
pub fn check(input: &[u8], options: &Options) -> Verdict {
    let lang = options.lang;
    let mut findings = Vec::new();
    let mut report = match json::parse(input) {
        Ok(document) => {
            if document.had_bom {
                findings.push(Problem::Bom.finding(
                    lang,
                    Location {
                        pointer: String::new(),
                        line: 1,
                        column: 1,
                    },
                ));
            }
            // A report on a template gives only numbers: the template's tables are put around them.
            let merged = crate::template::merge::apply(&document.root, input, lang, &mut findings);
            let root = merged.as_ref().unwrap_or(&document.root);
            // A merged tree is searched for repeated keys whatever the parser saw.
            let repeated_keys = document.repeated_keys || merged.is_some();
            report::load(root, input, repeated_keys, lang, &mut findings)
        }
        Err(error) => {
            let (line, column) = LineIndex::new(input).locate(input, error.offset);
            let location = Location {
                pointer: String::new(),
                line,
                column,
            };
            findings.push(Problem::Json(error).finding(lang, location));
            Report::default()
        }
    };
    let parsed = findings.iter().all(|f| !f.code.starts_with("json-"));
    if parsed && report.checks.is_empty() && !findings.iter().any(|f| f.severity == Severity::Error)
    {
        findings.push(Problem::NoChecks.finding(lang, Location::default()));
    }

    let facts = FactIndex::new(&report.facts);
    report::resolve_references(&facts, &mut report.checks, lang, &mut findings);
    let mut outcomes = Vec::with_capacity(report.checks.len());
    for check in &mut report.checks {
        let (outcome, problems) = evaluate_check(check, &facts, lang);
        for problem in problems {
            // Point at the place in the expression, and at the check when there is none.
            let location = match &problem {
                Problem::UnitMismatch { warning, .. } => check.expect_at(warning.column()),
                Problem::Evaluation { error, .. } => check.expect_at(error.column()),
                _ => check.location.clone(),
            };
            findings.push(problem.finding(lang, location));
        }
        outcomes.push(outcome);
    }
    let suspects = suspects::find(&report, &facts, &outcomes, lang);
    let tables = table::views(&report.tables, &facts, &outcomes);
    let mut verdict = assemble(report, outcomes, suspects, findings, options);
    verdict.tables = tables;
    verdict
}

/// Evaluates one check. Unit warnings and evaluation errors are returned to become findings.
/// The check's texts (label, expect, quote, section, confidence, place) are moved into the outcome
/// by [`assemble`], once the report is done with, rather than copied here.
fn evaluate_check(
    check: &mut Check,
    facts: &FactIndex,
    lang: Lang,
) -> (CheckOutcome, Vec<Problem>) {
    let mut outcome = CheckOutcome {
        // Moved: nothing after the evaluation needs the check's id (findings take the outcome's).
        id: std::mem::take(&mut check.id),
        label: None,
        expect: String::new(),
        status: CheckStatus::Error,
        severity: check.severity,
        arithmetic: String::new(),
        message: String::new(),
        quote: None,
        section: None,
        facts: Vec::new(),
        off_by: None,
        confidence: None,
        to_confirm: check.to_confirm,
        holds_if: None,
        range_not_exact: false,
        location: Location::default(),
    };
    let Some(comparison) = &check.comparison else {
        outcome.message = lang
            .pick(
                "the expression could not be read (see the findings)",
                "表达式无法解析(见结构问题)",
            )
            .to_string();
        return (outcome, Vec::new());
    };
    // The names move over: nothing after this needs the check's references.
    outcome.facts = std::mem::take(&mut check.references)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    if let Some(name) = check.unknown_ids.first() {
        outcome.message = lang.fill(
            "uses unknown id \"{0}\"",
            "使用了未知的 id \"{0}\"",
            &[name],
        );
        return (outcome, Vec::new());
    }
    // Each name's fact, found once by `resolve_references`.
    let fact_of = |i: usize| {
        check
            .positions
            .get(i)
            .copied()
            .flatten()
            .and_then(|p| facts.at(p))
    };
    let unusable = (0..outcome.facts.len())
        .find(|&i| fact_of(i).is_none_or(|f| f.figure.is_none()))
        .map(|i| &outcome.facts[i]);
    if let Some(id) = unusable {
        outcome.message = lang.fill(
            "uses \"{0}\", whose value is not usable (see the findings)",
            "使用了 \"{0}\",但其数值无法使用(见结构问题)",
            &[id],
        );
        return (outcome, Vec::new());
    }
    // Most checks name a few facts: found among the check's names rather than hashed again (a
    // long sum, whose names a scan would compare quadratically often, is looked up).
    let names = &outcome.facts;
    let lookup = |name: &str| {
        let fact = if names.len() <= 16 {
            fact_of(names.iter().position(|n| n == name)?)
        } else {
            facts.get(name)
        };
        fact.and_then(|fact| fact.quantity.as_ref())
    };
    match expr::evaluate_lent(comparison, &lookup, lang) {
        Ok(Evaluation {
            holds,
            off_by,
            arithmetic,
            warnings,
            holds_if,
            range_not_exact,
            ..
        }) => {
            outcome.holds_if = holds_if.map(|mode| mode.name());
            outcome.range_not_exact = range_not_exact;
            outcome.status = if holds {
                CheckStatus::Pass
            } else {
                CheckStatus::Fail
            };
            outcome.arithmetic = arithmetic;
            outcome.off_by = off_by;
            let problems = warnings
                .into_iter()
                .map(|warning| Problem::UnitMismatch {
                    check: outcome.id.clone(),
                    warning,
                })
                .collect();
            (outcome, problems)
        }
        Err(error) => {
            outcome.message = error.message(lang);
            let blocking = check.severity == Severity::Error && !check.to_confirm;
            let problem = Problem::Evaluation {
                check: outcome.id.clone(),
                error,
                blocking,
            };
            (outcome, vec![problem])
        }
    }
}

fn assemble(
    report: Report,
    mut outcomes: Vec<CheckOutcome>,
    suspects: Vec<crate::verdict::Suspect>,
    findings: Vec<Finding>,
    options: &Options,
) -> Verdict {
    let lang = options.lang;
    let Report {
        info,
        facts,
        checks,
        ..
    } = report;
    // `outcomes[i]` is the outcome of `checks[i]`: its texts are moved over, not copied.
    for (outcome, check) in outcomes.iter_mut().zip(checks) {
        outcome.label = check.label;
        outcome.expect = check.expect;
        outcome.quote = check.quote;
        outcome.section = check.section;
        outcome.confidence = check.confidence;
        outcome.location = check.location;
    }
    // In file order; findings without a place last. (Unstable sorts keep the module small; the
    // position breaks ties so that the order stays that of discovery.)
    let mut keyed: Vec<_> = findings.into_iter().enumerate().collect();
    keyed.sort_unstable_by_key(|(i, f)| {
        (f.location.line == 0, f.location.line, f.location.column, *i)
    });
    let findings: Vec<Finding> = keyed.into_iter().map(|(_, f)| f).collect();
    // A check to confirm is counted apart: it neither passes nor fails the report.
    let count = |status: CheckStatus| {
        outcomes
            .iter()
            .filter(|o| o.status == status && !o.to_confirm)
            .count() as u32
    };
    let counts = Counts {
        facts: facts.len() as u32,
        checks: outcomes.len() as u32,
        passed: count(CheckStatus::Pass),
        failed: count(CheckStatus::Fail),
        check_errors: count(CheckStatus::Error),
        errors: findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count() as u32,
        warnings: findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count() as u32,
        to_confirm: outcomes.iter().filter(|o| o.to_confirm).count() as u32,
    };
    let blocking = |status: CheckStatus| {
        outcomes
            .iter()
            .any(|o| o.status == status && o.severity == Severity::Error && !o.to_confirm)
    };
    // Every check that could not be evaluated has an error finding that says why.
    let verdict = if counts.errors > 0 {
        Status::Invalid
    } else if blocking(CheckStatus::Fail) {
        Status::Inconsistent
    } else {
        Status::Consistent
    };
    // Failing checks first, then those that could not be evaluated, then passing ones, then
    // those to confirm, each in file order. Most reports are in that order already (every check
    // passes): their outcomes are not moved at all. (Partitions, not std's stable sort: the
    // module has a size budget.)
    let rank = |o: &CheckOutcome| match (o.to_confirm, o.status) {
        (true, _) => 3,
        (false, CheckStatus::Fail) => 0,
        (false, CheckStatus::Error) => 1,
        (false, CheckStatus::Pass) => 2,
    };
    let ordered = if outcomes.is_sorted_by_key(rank) {
        outcomes
    } else {
        let (outcomes, to_confirm): (Vec<_>, Vec<_>) =
            outcomes.into_iter().partition(|o| !o.to_confirm);
        let (mut ordered, rest): (Vec<_>, Vec<_>) = outcomes
            .into_iter()
            .partition(|o| o.status == CheckStatus::Fail);
        let (errors, passes): (Vec<_>, Vec<_>) = rest
            .into_iter()
            .partition(|o| o.status == CheckStatus::Error);
        ordered.extend(errors);
        ordered.extend(passes);
        ordered.extend(to_confirm);
        ordered
    };
    let facts = facts.into_iter().map(fact_view).collect();
    Verdict {
        verdict,
        language: lang.code(),
        summary: summary(verdict, &counts, lang),
        counts,
        report: info,
        checks: ordered,
        suspects,
        findings,
        facts,
        tables: Vec::new(),
        source: options.source.clone(),
    }
}

/// The fact as the verdict shows it; takes the fact, since the report is done with.
fn fact_view(fact: Fact) -> FactView {
    let range = fact
        .figure
        .as_ref()
        .and_then(|(decimal, precision)| {
            number::range_text(&decimal.value, *precision, fact.rounding)
        })
        .unwrap_or_else(|| fact.printed.clone());
    FactView {
        id: fact.id,
        label: fact.label,
        value: fact.printed,
        // Copied directly: `to_string` on an `Rc<str>` goes through the formatting machinery.
        unit: fact.unit.map(|u| String::from(&*u.text)),
        quote: fact.quote,
        section: fact.section,
        range,
        at: fact.at,
        location: fact.location,
    }
}

pub(crate) fn summary(verdict: Status, counts: &Counts, lang: Lang) -> String {
    let summary = summary_of_confirmed(verdict, counts, lang);
    match counts.to_confirm {
        0 => summary,
        n => lang.fill(
            "{0}; {1} to confirm",
            "{0};{1} 项待确认",
            &[&summary, &n.to_string()],
        ),
    }
}

/// The summary of the checks that count (those not awaiting confirmation).
fn summary_of_confirmed(verdict: Status, counts: &Counts, lang: Lang) -> String {
    let checks = counts.checks - counts.to_confirm;
    match verdict {
        Status::Consistent if checks == 0 => lang.pick(
            "consistent: nothing to check".into(),
            "一致:没有需要核对的校验".into(),
        ),
        // Only warnings fail (a cross-year link, a check of severity warning).
        Status::Consistent if counts.failed > 0 => {
            let failed = counts.failed;
            let noun = if failed == 1 {
                "warning fails"
            } else {
                "warnings fail"
            };
            lang.pick(
                format!("consistent: every error-level check holds; {failed} {noun}"),
                format!("一致:错误级校验全部成立;{failed} 项警告不成立"),
            )
        }
        Status::Consistent if checks == 1 => lang.pick(
            "consistent: the one check holds".into(),
            "一致:唯一的校验成立".into(),
        ),
        Status::Consistent => lang.fill(
            "consistent: all {0} checks hold",
            "一致:{0} 项校验全部成立",
            &[&checks.to_string()],
        ),
        Status::Inconsistent if checks == 1 => lang.pick(
            "inconsistent: the one check fails".into(),
            "不一致:唯一的校验不成立".into(),
        ),
        Status::Inconsistent => {
            let en = if counts.failed == 1 {
                "inconsistent: {0} of {1} checks fails"
            } else {
                "inconsistent: {0} of {1} checks fail"
            };
            lang.fill(
                en,
                "不一致:{1} 项校验中有 {0} 项不成立",
                &[&counts.failed.to_string(), &checks.to_string()],
            )
        }
        Status::Invalid => {
            let en = if counts.errors == 1 {
                "invalid: {0} error prevents a full check"
            } else {
                "invalid: {0} errors prevent a full check"
            };
            lang.fill(
                en,
                "无效:有 {0} 处错误,无法完整核对",
                &[&counts.errors.to_string()],
            )
        }
    }
}
