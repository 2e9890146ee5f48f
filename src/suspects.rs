//! Which figures are most likely wrong, found the way an auditor would: a figure that takes part
//! in several failing checks; one changed value that makes every failing check hold while the
//! passing ones keep passing; a gap that two transposed digits or a slipped decimal point explain.

use num_traits::Zero;

use crate::expr::{self, Comparison, Quantity};
use crate::interval::Rational;
use crate::number;
use crate::report::{Fact, FactIndex, Precision, Report};
use crate::verdict::{CheckOutcome, CheckStatus, Severity, Suspect};
use crate::Lang;

/// Above this many failing checks, suspects are ranked by how often they take part only: trying
/// values for every figure would cost more than it tells.
const MAX_FAILING_TO_SOLVE: usize = 500;
/// At most this many suspects are named.
const MAX_SUSPECTS: usize = 10;

const IN_SEVERAL: &str = "in-several-failing-checks";
const FIXES_ALL: &str = "fixes-all";
const TRANSPOSED: &str = "transposed-digits";
const SLIPPED: &str = "slipped-decimal-point";

/// `outcomes[i]` is the outcome of `report.checks[i]`.
pub fn find(
    report: &Report,
    facts: &FactIndex,
    outcomes: &[CheckOutcome],
    lang: Lang,
) -> Vec<Suspect> {
    let failing: Vec<usize> = (0..outcomes.len())
        .filter(|&i| {
            outcomes[i].status == CheckStatus::Fail
                && outcomes[i].severity == Severity::Error
                && !outcomes[i].to_confirm
        })
        .collect();
    if failing.is_empty() {
        return Vec::new();
    }
    let mut is_failing = vec![false; outcomes.len()];
    for &i in &failing {
        is_failing[i] = true;
    }
    // The checks each fact takes part in, by the fact's position.
    let mut uses: Vec<Vec<usize>> = vec![Vec::new(); report.facts.len()];
    for (i, outcome) in outcomes.iter().enumerate() {
        // Checks to confirm say nothing about which figure is wrong.
        if outcome.status != CheckStatus::Error && !outcome.to_confirm {
            for position in outcome.facts.iter().filter_map(|id| facts.position(id)) {
                uses[position].push(i);
            }
        }
    }
    let mut seen = vec![false; report.facts.len()];
    let candidates: Vec<(usize, &Fact)> = failing
        .iter()
        .flat_map(|&i| outcomes[i].facts.iter())
        .filter_map(|id| facts.position(id))
        .filter(|&position| !std::mem::replace(&mut seen[position], true))
        .map(|position| (position, &report.facts[position]))
        .collect();
    let solve = failing.len() <= MAX_FAILING_TO_SOLVE;
    let context = Context { report, facts };

    // (score, file order, suspect, the fixing value as the report would show it with its unit)
    let mut ranked: Vec<(i64, usize, Suspect, Option<String>)> = Vec::new();
    for (order, (position, fact)) in candidates.into_iter().enumerate() {
        let checks = uses[position].as_slice();
        let failing_here: Vec<usize> = checks.iter().copied().filter(|&i| is_failing[i]).collect();
        let passing_here = checks.len() - failing_here.len();
        let fix = if solve {
            context.find_fix(fact, checks, &failing_here)
        } else {
            None
        };
        let fixes_all = fix.is_some() && failing_here.len() == failing.len();
        let mut reasons = Vec::new();
        if failing_here.len() > 1 {
            reasons.push(IN_SEVERAL);
        }
        if fixes_all {
            reasons.push(FIXES_ALL);
        }
        if let Some(reason) = fix.as_ref().and_then(|f| f.reason) {
            reasons.push(reason);
        }
        let score = 10 * failing_here.len() as i64
            + if fix.is_some() { 50 } else { 0 }
            + if fixes_all { 50 } else { 0 }
            + if fix.as_ref().is_some_and(|f| f.reason.is_some()) {
                20
            } else {
                0
            }
            - 3 * passing_here as i64;
        let check_ids = failing_here
            .iter()
            .map(|&i| outcomes[i].id.clone())
            .collect();
        let shown = fix.as_ref().map(|f| f.shown.clone());
        let would_fix = fix.map(|f| f.value);
        let suspect = Suspect {
            fact: fact.id.clone(),
            label: fact.label.clone(),
            value: fact.printed.clone(),
            unit: fact.unit.as_ref().map(|u| u.text.to_string()),
            would_fix,
            reasons,
            checks: check_ids,
            message: String::new(),
            location: fact.location.clone(),
        };
        ranked.push((score, order, suspect, shown));
    }
    // When one figure alone explains every failure, a figure with no reason of its own (it merely
    // takes part in one failing check, as every part of a long footing does) is noise.
    if ranked
        .iter()
        .any(|(_, _, s, _)| s.reasons.contains(&FIXES_ALL))
    {
        ranked.retain(|(_, _, s, _)| !s.reasons.is_empty());
    }
    ranked.sort_unstable_by_key(|(score, order, ..)| (-score, *order));
    ranked.truncate(MAX_SUSPECTS);
    let top = ranked.first().map_or(0, |(score, ..)| *score);
    let shared_top = ranked.iter().filter(|(score, ..)| *score == top).count() > 1;
    ranked
        .into_iter()
        .map(|(score, _, mut suspect, shown)| {
            let sure = score == top && !shared_top;
            let from_text = facts.get(&suspect.fact).is_some_and(|f| f.at.is_some());
            suspect.message = message(&suspect, shown.as_deref(), sure, from_text, lang);
            suspect
        })
        .collect()
}

struct Context<'a> {
    report: &'a Report,
    facts: &'a FactIndex<'a>,
}

impl Context<'_> {
    /// A value for `fact` that makes its failing checks hold and keeps its passing checks passing,
    /// with the auditor's reason when one explains it.
    fn find_fix(&self, fact: &Fact, checks: &[usize], failing_here: &[usize]) -> Option<Fix> {
        let (decimal, precision) = fact.figure.as_ref()?;
        let current = &decimal.value;
        let mut tries: Vec<(Rational, Option<&'static str>)> = Vec::new();
        for value in transpositions(&fact.printed) {
            tries.push((value, Some(TRANSPOSED)));
        }
        for shift in [10, 100, 1000] {
            let shift = Rational::from_integer(shift);
            tries.push((current * shift, Some(SLIPPED)));
            tries.push((current / shift, Some(SLIPPED)));
        }
        let decimals = match precision {
            Precision::Exact => decimal.decimals.max(0),
            Precision::Decimals(d) => *d,
        };
        for &i in failing_here {
            if let Some(solution) = self.solve(i, fact) {
                let rounded = round_to(&(solution / quantity_factor(fact)), decimals);
                let step = number::half_unit(decimals) * Rational::from_integer(2);
                tries.push((rounded, None));
                tries.push((rounded - step, None));
                tries.push((rounded + step, None));
            }
        }
        let mut tried: Vec<Rational> = Vec::with_capacity(tries.len());
        for (value, reason) in tries {
            if &value == current || tried.contains(&value) {
                continue;
            }
            tried.push(value);
            let printed = with_separators_like(&fixed(&value, decimals), &fact.printed);
            let quantity = fact.quantity_of(&value, *precision, &printed);
            if checks.iter().all(|&i| self.holds_with(i, fact, &quantity)) {
                return Some(Fix {
                    value: printed,
                    shown: quantity.printed.to_string(),
                    reason,
                });
            }
        }
        None
    }

    fn comparison(&self, check: usize) -> Option<&Comparison> {
        self.report.checks.get(check)?.comparison.as_ref()
    }

    fn holds_with(&self, check: usize, fact: &Fact, replacement: &Quantity) -> bool {
        let Some(comparison) = self.comparison(check) else {
            return false;
        };
        let lookup = |name: &str| -> Option<Quantity> {
            if name == fact.id {
                Some(replacement.clone())
            } else {
                self.facts.quantity(name)
            }
        };
        matches!(expr::holds(comparison, &lookup), Ok(true))
    }

    /// The value of `fact` (in base units) at which the two sides of a check meet, when the
    /// check is linear in it: found from the sides' midpoints at three trial values.
    fn solve(&self, check: usize, fact: &Fact) -> Option<Rational> {
        let comparison = self.comparison(check)?;
        let difference = |x: i64| -> Option<Rational> {
            let trial = Quantity {
                interval: crate::interval::Interval::from_integer(x),
                ..fact.quantity.clone()?
            };
            let lookup = |name: &str| -> Option<Quantity> {
                if name == fact.id {
                    Some(trial.clone())
                } else {
                    self.facts.quantity(name)
                }
            };
            let evaluation = expr::evaluate(comparison, &lookup, Lang::En).ok()?;
            Some(evaluation.lhs.midpoint() - evaluation.rhs.midpoint())
        };
        let (d0, d1, d2) = (difference(0)?, difference(1)?, difference(2)?);
        let slope = d1 - d0;
        if slope.is_zero() || d2 - d1 != slope {
            return None;
        }
        Some(-d0 / slope)
    }
}

fn quantity_factor(fact: &Fact) -> Rational {
    fact.unit
        .as_ref()
        .map_or_else(|| Rational::from_integer(1), |u| u.factor)
}

/// `value` rounded half away from zero to `decimals` decimals.
fn round_to(value: &Rational, decimals: i32) -> Rational {
    let scale = Rational::pow10(decimals.unsigned_abs().min(38) as i32);
    let scaled = if decimals >= 0 {
        value * scale
    } else {
        value / scale
    };
    let half = Rational::new(1, 2);
    let magnitude = (scaled.abs() + half).floor();
    let rounded = if scaled.is_negative() {
        -magnitude
    } else {
        magnitude
    };
    if decimals >= 0 {
        rounded / scale
    } else {
        rounded * scale
    }
}

/// `value` with exactly `decimals` decimals (when positive), as a report would print it.
fn fixed(value: &Rational, decimals: i32) -> String {
    let mut text = number::format_rational(value, decimals.max(0) as u32);
    if decimals > 0 {
        let have = text
            .split_once('.')
            .map_or(0, |(_, frac)| frac.chars().count()) as i32;
        if have == 0 {
            text.push('.');
        }
        for _ in have..decimals {
            text.push('0');
        }
    }
    text
}

/// Groups the integer digits of `text` by thousands with `,` when the report printed the figure so.
fn with_separators_like(text: &str, printed: &str) -> String {
    if !printed.contains(',') {
        return text.to_string();
    }
    let (sign, unsigned) = text
        .strip_prefix('-')
        .map_or(("", text), |rest| ("-", rest));
    let (integer, fraction) = unsigned
        .split_once('.')
        .map_or((unsigned, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

/// The values the printed figure would have with two neighbouring digits swapped.
fn transpositions(printed: &str) -> Vec<Rational> {
    let digits: Vec<char> = printed.chars().filter(|c| *c != ',').collect();
    let mut values = Vec::new();
    for i in 0..digits.len().saturating_sub(1) {
        let (a, b) = (digits[i], digits[i + 1]);
        if a != b && a.is_ascii_digit() && b.is_ascii_digit() {
            let mut swapped = digits.clone();
            swapped.swap(i, i + 1);
            let text: String = swapped.into_iter().collect();
            if let Ok(decimal) = number::parse_decimal_string(&text) {
                values.push(decimal.value);
            }
        }
    }
    values
}

/// A value that fixes a suspect's checks.
struct Fix {
    /// As the report would print it.
    value: String,
    /// With its unit where the report shows one (`95.5%`).
    shown: String,
    reason: Option<&'static str>,
}

fn message(
    suspect: &Suspect,
    shown: Option<&str>,
    sure: bool,
    from_text: bool,
    lang: Lang,
) -> String {
    // A table's cell is named as a reader would (its label), not by its dotted id; so is a
    // figure read from a text, whose id (`f7`) says nothing.
    let says_nothing = suspect.fact.contains('.') || from_text;
    let name = match lang {
        Lang::En if !says_nothing => suspect.fact.clone(),
        _ => suspect
            .label
            .clone()
            .unwrap_or_else(|| suspect.fact.clone()),
    };
    let likely = if sure {
        lang.pick("is likely wrong", "很可能有误")
    } else {
        lang.pick("may be wrong", "可能有误")
    };
    let printed = &suspect.value;
    let Some(value) = shown else {
        let count = suspect.checks.len();
        let en = if count == 1 {
            "{0} takes part in {1} failing check"
        } else {
            "{0} takes part in {1} failing checks"
        };
        return lang.fill(
            en,
            "{0} 参与了 {1} 项不成立的校验",
            &[&name, &count.to_string()],
        );
    };
    let why = if suspect.reasons.contains(&TRANSPOSED) {
        lang.fill(
            " ({0} looks like {1} with two digits swapped)",
            "({0} 疑似两位数字颠倒)",
            &[printed, value],
        )
    } else if suspect.reasons.contains(&SLIPPED) {
        lang.fill(
            " ({0} looks like {1} with the decimal point slipped)",
            "({0} 疑似小数点错位)",
            &[printed, value],
        )
    } else {
        String::new()
    };
    if suspect.reasons.contains(&FIXES_ALL) {
        lang.fill(
            "{0} {1}{2}: if it were {3}, every check would hold",
            "{0} {1}{2}:若为 {3},所有校验均成立",
            &[&name, likely, &why, value],
        )
    } else {
        let checks = suspect.checks.join(lang.pick(", ", "、"));
        lang.fill(
            "{0} {1}{2}: if it were {3}, {4} would hold",
            "{0} {1}{2}:若为 {3},校验 {4} 将成立",
            &[&name, likely, &why, value, &checks],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Rational {
        Rational::new(n, d)
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round_to(&r(955, 10), 0), r(96, 1));
        assert_eq!(round_to(&r(-955, 10), 0), r(-96, 1));
        assert_eq!(round_to(&r(1234, 1), -2), r(1200, 1));
        assert_eq!(round_to(&r(95513, 1000), 1), r(955, 10));
    }

    #[test]
    fn fixed_keeps_the_printed_decimals() {
        assert_eq!(fixed(&r(955, 10), 2), "95.50");
        assert_eq!(fixed(&r(9, 1), 0), "9");
        assert_eq!(fixed(&r(1, 1), 1), "1.0");
    }

    #[test]
    fn separators_follow_the_printed_figure() {
        assert_eq!(with_separators_like("28400", "284,000"), "28,400");
        assert_eq!(
            with_separators_like("-1234567.5", "1,000.0"),
            "-1,234,567.5"
        );
        assert_eq!(with_separators_like("28400", "284000"), "28400");
        assert_eq!(with_separators_like("400", "1,000"), "400");
    }

    #[test]
    fn transpositions_swap_neighbouring_digits() {
        let values = transpositions("3,845");
        assert!(values.contains(&r(3485, 1)));
        assert!(values.contains(&r(8345, 1)));
        assert!(values.contains(&r(3854, 1)));
        assert_eq!(transpositions("1.05"), vec![r(15, 10)]);
    }
}
