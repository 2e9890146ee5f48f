//! A generated report of sums, shares and year-on-year changes, checked by the engine and by an
//! exact oracle of its own (integer arithmetic on the printed digits, nothing from the engine),
//! which says which checks must fail: the engine must fail exactly those (0 false alarms, 0
//! misses), and say `holdsIf` exactly when the other rounding mode would make a check hold.
//!
//! Each group: parts (counts) and their total; the share of two parts, printed in % with 0, 1 or
//! 2 decimals, as a string or a JSON number, rounded half-up, half-even, half-down or truncated
//! (then the fact says `"rounding": "truncate"`), at and beside rounding ties; the total's change on
//! last year; in half the groups two amounts in 万元 (whole or with a decimal, so rounded) and the
//! share of the first, `a / (a + b)`, with a figure used twice, sometimes one unit off. About 10%
//! of groups carry one typo (a digit changed, or two swapped) in one figure.
//!
//! `cargo test --test rounding_oracle` runs 400 groups (about 1,800 checks); the full size is
//! `ORACLE_GROUPS=3000 cargo test --test rounding_oracle -- --nocapture` (about 13,500); `ORACLE_SEED=N` draws another report,
//! `ORACLE_WRITE=FILE` writes it (to time the CLI on it).

mod common;

use crossfoot::{check, CheckStatus, Options};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> i128 {
        (self.next() % n) as i128
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Method {
    HalfUp,
    HalfEven,
    HalfDown,
    Truncate,
}

/// A figure printed with `decimals`: `digits` × 10^-decimals.
#[derive(Clone, Copy, Debug)]
struct Printed {
    digits: i128,
    decimals: u32,
    truncated: bool,
}

/// `n / d` (d > 0) × 10^decimals, rounded by `method` (symmetrically about zero).
fn round(n: i128, d: i128, decimals: u32, method: Method) -> Printed {
    let (sign, n) = (n.signum(), n.abs() * 10i128.pow(decimals));
    let (q, r) = (n / d, n % d);
    let up = match (2 * r).cmp(&d) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => method != Method::Truncate,
        std::cmp::Ordering::Equal => match method {
            Method::HalfUp => true,
            Method::HalfEven => q % 2 == 1,
            Method::HalfDown | Method::Truncate => false,
        },
    };
    Printed {
        digits: sign * (q + i128::from(up)),
        decimals,
        truncated: method == Method::Truncate,
    }
}

/// Whether the true value `n / d` (d > 0) can be printed as `p`: within half a unit of its last
/// digit (closed: any tie rule), or for a truncated figure toward zero within one unit (open at
/// the far end).
fn within(n: i128, d: i128, p: Printed, truncated: bool) -> bool {
    let x = n * 10i128.pow(p.decimals); // x / d is the value in units of the last digit
    let v = p.digits;
    if truncated {
        // v ≤ x/d < v+1 for v > 0; v-1 < x/d ≤ v for v < 0; -1 < x/d < 1 for 0.
        match v.signum() {
            1 => v * d <= x && x < (v + 1) * d,
            -1 => (v - 1) * d < x && x <= v * d,
            _ => -d < x && x < d,
        }
    } else {
        (2 * x - 2 * v * d).abs() <= d
    }
}

/// A typo in a whole number of digits: one digit changed, or two neighbours swapped.
fn typo(rng: &mut Rng, v: i128) -> i128 {
    let text = v.abs().to_string();
    let mut digits: Vec<u8> = text.bytes().collect();
    loop {
        let i = rng.below(digits.len() as u64) as usize;
        if rng.below(2) == 0 && i + 1 < digits.len() && digits[i] != digits[i + 1] {
            digits.swap(i, i + 1);
        } else {
            digits[i] = b'0' + rng.below(10) as u8;
        }
        let changed: i128 = String::from_utf8(digits.clone()).unwrap().parse().unwrap();
        // Never zero: a zero divisor is an error, not a verdict.
        if changed != v.abs() && changed != 0 {
            return if v < 0 { -changed } else { changed };
        }
    }
}

fn text(p: Printed) -> String {
    let sign = if p.digits < 0 { "-" } else { "" };
    let a = p.digits.abs();
    if p.decimals == 0 {
        return format!("{sign}{a}");
    }
    let unit = 10i128.pow(p.decimals);
    format!(
        "{sign}{}.{:0w$}",
        a / unit,
        a % unit,
        w = p.decimals as usize
    )
}

/// A fact with a printed figure: as a string or a JSON number.
fn fact(id: &str, p: Printed, unit: &str, as_string: bool) -> String {
    let value = if as_string {
        format!("\"{}\"", text(p))
    } else {
        text(p)
    };
    let rounding = if p.truncated {
        ", \"rounding\": \"truncate\""
    } else {
        ""
    };
    format!("{{\"id\": \"{id}\", \"value\": {value}, \"unit\": \"{unit}\"{rounding}}}")
}

fn count(id: &str, v: i128) -> String {
    format!("{{\"id\": \"{id}\", \"value\": {v}, \"unit\": \"件\"}}")
}

/// What the oracle expects of one check.
struct Expected {
    id: String,
    fails: bool,
    /// For a failing check with one rounded figure: the mode under which it would hold.
    holds_if: Option<Option<&'static str>>,
}

/// A share or change `n / d` printed as `p`: fails unless within its precision; when it fails,
/// whether the other rounding mode would make it hold.
fn rounded_check(id: String, n: i128, d: i128, p: Printed) -> Expected {
    let fails = !within(n, d, p, p.truncated);
    let other = within(n, d, p, !p.truncated);
    let mode = if p.truncated { "nearest" } else { "truncate" };
    Expected {
        id,
        fails,
        holds_if: Some((fails && other).then_some(mode)),
    }
}

struct Report {
    facts: Vec<String>,
    checks: Vec<String>,
    expected: Vec<Expected>,
}

fn generate(groups: usize, seed: u64) -> Report {
    let mut rng = Rng(seed);
    let mut r = Report {
        facts: Vec::new(),
        checks: Vec::new(),
        expected: Vec::new(),
    };
    let methods = [
        Method::HalfUp,
        Method::HalfEven,
        Method::HalfDown,
        Method::Truncate,
    ];
    for g in 0..groups {
        let k = 2 + rng.below(4) as usize;
        let decimals = rng.below(3) as u32;
        // At a tie: a total of 2·10^(d+2)·m makes a part of (2j+1)·m a share of exactly
        // (2j+1)/(2·10^d) %, half-way between two printed values; beside it: one more or less.
        let mut parts: Vec<i128> = (0..k).map(|_| 1 + rng.below(50_000)).collect();
        if rng.below(2) == 0 {
            let m = 1 + rng.below(3);
            let total = 2 * 10i128.pow(decimals + 2) * m;
            let odd = 2 * rng.below((total / (2 * m)).max(1) as u64 / 2) + 1;
            let first = odd * m + [0, 0, 1, -1][rng.below(4) as usize];
            let first = first.clamp(0, total);
            parts = vec![first, total - first];
        }
        let k = parts.len();
        let total: i128 = parts.iter().sum();
        let prior = (total * (80 + rng.below(40)) / 100).max(1) + rng.below(7);
        let method = |rng: &mut Rng| methods[rng.below(4) as usize];
        let share_of =
            |rng: &mut Rng, i: usize| round(parts[i] * 100, total.max(1), decimals, method(rng));
        let mut shares = [share_of(&mut rng, 0), share_of(&mut rng, 1)];
        let mut change = round(
            (total - prior) * 100,
            prior,
            1 + rng.below(2) as u32,
            method(&mut rng),
        );
        let amounts = rng.below(2) == 0;
        let e = rng.below(2) as u32;
        let mut amount = [10 + rng.below(9000), 10 + rng.below(9000)];
        let mut amount_share = round(amount[0] * 100, amount[0] + amount[1], 1, Method::HalfUp);
        if rng.below(3) == 0 {
            amount_share.digits += [1, -1][rng.below(2) as usize];
        }

        // One typo in about 10% of groups, in any one printed figure.
        let (mut parts_p, mut total_p, mut prior_p) = (parts.clone(), total, prior);
        if rng.below(10) == 0 {
            match rng.below(if amounts { 7 } else { 6 }) {
                0 => total_p = typo(&mut rng, total),
                1 => prior_p = typo(&mut rng, prior).max(1),
                2 => shares[0].digits = typo(&mut rng, shares[0].digits),
                3 => shares[1].digits = typo(&mut rng, shares[1].digits),
                4 => change.digits = typo(&mut rng, change.digits),
                5 => {
                    let i = rng.below(k as u64) as usize;
                    parts_p[i] = typo(&mut rng, parts[i]);
                }
                _ => amount[0] = typo(&mut rng, amount[0]).max(1),
            }
        }

        let id = |name: &str| format!("g{g}_{name}");
        for (i, p) in parts_p.iter().enumerate() {
            r.facts.push(count(&id(&format!("p{i}")), *p));
        }
        r.facts.push(count(&id("total"), total_p));
        r.facts.push(count(&id("prior"), prior_p));
        let names: Vec<String> = (0..k).map(|i| id(&format!("p{i}"))).collect();
        r.checks.push(format!(
            "{{\"id\": \"{}\", \"expect\": \"{} == {}\"}}",
            id("sum"),
            id("total"),
            names.join(" + ")
        ));
        r.expected.push(Expected {
            id: id("sum"),
            fails: total_p != parts_p.iter().sum::<i128>(),
            holds_if: None,
        });
        for (i, share) in shares.iter().enumerate() {
            let s = id(&format!("s{i}"));
            r.facts.push(fact(&s, *share, "%", rng.below(2) == 0));
            r.checks.push(format!(
                "{{\"id\": \"{s}\", \"expect\": \"{s} == {} / {}\"}}",
                names[i],
                id("total")
            ));
            if total_p == 0 {
                // Division by zero: an error, not a verdict; not generated in practice.
                r.expected.push(Expected {
                    id: s,
                    fails: true,
                    holds_if: None,
                });
            } else {
                r.expected
                    .push(rounded_check(s, parts_p[i] * 100, total_p, *share));
            }
        }
        let c = id("change");
        r.facts.push(fact(&c, change, "%", rng.below(2) == 0));
        r.checks.push(format!(
            "{{\"id\": \"{c}\", \"expect\": \"{c} == change({}, {})\"}}",
            id("total"),
            id("prior")
        ));
        r.expected
            .push(rounded_check(c, (total_p - prior_p) * 100, prior_p, change));
        if amounts {
            let (a, b) = (id("a"), id("b"));
            for (name, v) in [(&a, amount[0]), (&b, amount[1])] {
                let p = Printed {
                    digits: v,
                    decimals: e,
                    truncated: false,
                };
                r.facts.push(fact(name, p, "万元", rng.below(2) == 0));
            }
            let s = id("as");
            r.facts.push(fact(&s, amount_share, "%", true));
            r.checks.push(format!(
                "{{\"id\": \"{s}\", \"expect\": \"{s} == {a} / ({a} + {b})\"}}"
            ));
            // a / (a + b) rises with a and falls with b: over a ± ½ and b ± ½ (in units of the
            // last digit) its exact range is [(2a−1) / 2(a+b), (2a+1) / 2(a+b)]; the share
            // printed as s with one decimal is [(2s−1), (2s+1)] / 2000 (as a fraction).
            let (av, bv, sv) = (amount[0], amount[1], amount_share.digits);
            let holds = (2 * av - 1) * 1000 <= (2 * sv + 1) * (av + bv)
                && (2 * av + 1) * 1000 >= (2 * sv - 1) * (av + bv);
            r.expected.push(Expected {
                id: s,
                fails: !holds,
                holds_if: None,
            });
        }
    }
    r
}

fn run(groups: usize, seed: u64) {
    let r = generate(groups, seed);
    let report = format!(
        "{{\"crossfoot\": 1, \"report\": {{\"title\": \"generated\"}}, \"facts\": [{}], \"checks\": [{}]}}",
        r.facts.join(",\n"),
        r.checks.join(",\n")
    );
    if let Some(path) = std::env::var_os("ORACLE_WRITE") {
        std::fs::write(path, &report).expect("report written");
    }
    let verdict = check(report.as_bytes(), &Options::default());
    let (mut false_alarms, mut misses, mut hints_wrong, mut must_fail) = (0, 0, 0, 0);
    for expected in &r.expected {
        let outcome = common::check_outcome(&verdict, &expected.id);
        assert_ne!(
            outcome.status,
            CheckStatus::Error,
            "{}: {}",
            outcome.expect,
            outcome.message
        );
        let fails = outcome.status == CheckStatus::Fail;
        must_fail += usize::from(expected.fails);
        if fails && !expected.fails {
            false_alarms += 1;
            eprintln!("false alarm: {} — {}", outcome.expect, outcome.arithmetic);
        }
        if !fails && expected.fails {
            misses += 1;
            eprintln!("miss: {} — {}", outcome.expect, outcome.arithmetic);
        }
        if let Some(holds_if) = expected.holds_if {
            if outcome.holds_if != holds_if {
                hints_wrong += 1;
                eprintln!(
                    "holdsIf {:?}, expected {holds_if:?}: {} — {}",
                    outcome.holds_if, outcome.expect, outcome.arithmetic
                );
            }
        }
    }
    let with_hint = verdict
        .checks
        .iter()
        .filter(|c| c.holds_if.is_some())
        .count();
    eprintln!(
        "{groups} groups, {} checks: {must_fail} must fail (oracle), engine fails {}; \
         {false_alarms} false alarms, {misses} misses; {with_hint} with holdsIf, {hints_wrong} wrong",
        r.expected.len(),
        verdict.counts.failed
    );
    assert_eq!((false_alarms, misses, hints_wrong), (0, 0, 0));
    assert!(must_fail > 0 && must_fail < r.expected.len());
}

#[test]
fn engine_fails_exactly_the_checks_the_oracle_says() {
    let groups = std::env::var("ORACLE_GROUPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let seed = std::env::var("ORACLE_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x0010_5eed);
    run(groups, seed);
}
