//! Properties over generated reports: a consistent report always passes, and changing any single
//! figure that takes part in an exact sum is always caught (and suspected).
//! The generator is a small seeded PRNG, so every run checks the same cases and a failure repeats.

mod common;

use crossfoot::{CheckStatus, Status};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A consistent report: groups of parts that add up to a total, and a rate printed rounded.
struct Generated {
    facts: Vec<(String, i64)>,
    sums: Vec<(String, Vec<String>)>,
}

fn generate(rng: &mut Rng) -> Generated {
    let mut facts = Vec::new();
    let mut sums = Vec::new();
    for g in 0..1 + rng.below(4) {
        let parts: Vec<i64> = (0..2 + rng.below(5))
            .map(|_| rng.below(5000) as i64)
            .collect();
        let total: i64 = parts.iter().sum();
        let mut names = Vec::new();
        for (p, value) in parts.iter().enumerate() {
            let name = format!("g{g}_part{p}");
            facts.push((name.clone(), *value));
            names.push(name);
        }
        let total_name = format!("g{g}_total");
        facts.push((total_name.clone(), total));
        sums.push((total_name, names));
    }
    Generated { facts, sums }
}

fn render(generated: &Generated, rate_permille: Option<(String, String, String)>) -> String {
    let mut facts: Vec<String> = generated
        .facts
        .iter()
        .map(|(id, v)| format!("{{\"id\": \"{id}\", \"value\": {v}, \"unit\": \"件\"}}"))
        .collect();
    let mut checks: Vec<String> = generated
        .sums
        .iter()
        .map(|(total, parts)| format!("{total} == {}", parts.join(" + ")))
        .collect();
    if let Some((id, printed, expect)) = rate_permille {
        facts.push(format!(
            "{{\"id\": \"{id}\", \"value\": \"{printed}\", \"unit\": \"%\"}}"
        ));
        checks.push(expect);
    }
    let check_refs: Vec<&str> = checks.iter().map(String::as_str).collect();
    let fact_refs: Vec<&str> = facts.iter().map(String::as_str).collect();
    common::report(&fact_refs, &check_refs)
}

/// The share part/total as a percentage printed with one decimal, rounded half up.
fn printed_share(part: i64, total: i64) -> String {
    let tenths_of_percent = (part * 2000 + total) / (2 * total);
    format!("{}.{}", tenths_of_percent / 10, tenths_of_percent % 10)
}

#[test]
fn generated_consistent_reports_always_pass() {
    let mut rng = Rng(0x5eed);
    for case in 0..300 {
        let generated = generate(&mut rng);
        let (total, parts) = &generated.sums[0];
        let value = |name: &str| {
            generated
                .facts
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| *v)
                .unwrap_or(0)
        };
        let rate = if value(total) > 0 {
            let share = printed_share(value(&parts[0]), value(total));
            Some((
                "share".to_string(),
                share,
                format!("share == {} / {total}", parts[0]),
            ))
        } else {
            None
        };
        let verdict = common::verdict_of_text(&render(&generated, rate));
        assert_eq!(
            verdict.verdict,
            Status::Consistent,
            "case {case}: {:#?}",
            verdict.checks
        );
    }
}

#[test]
fn changing_any_single_figure_of_an_exact_sum_is_caught() {
    let mut rng = Rng(0xfeed);
    for case in 0..300 {
        let mut generated = generate(&mut rng);
        let which = rng.below(generated.facts.len() as u64) as usize;
        let delta = [1, -1, 9, 10, 100, -90][rng.below(6) as usize];
        generated.facts[which].1 += delta;
        let changed = generated.facts[which].0.clone();
        let verdict = common::verdict_of_text(&render(&generated, None));
        assert_eq!(
            verdict.verdict,
            Status::Inconsistent,
            "case {case}: changed {changed} by {delta}"
        );
        assert!(verdict
            .checks
            .iter()
            .any(|c| c.status == CheckStatus::Fail && c.facts.contains(&changed)));
        assert!(
            verdict
                .suspects
                .iter()
                .any(|s| s.fact == changed && s.would_fix.is_some()),
            "case {case}: {changed} not among the suspects {:#?}",
            verdict.suspects
        );
    }
}
