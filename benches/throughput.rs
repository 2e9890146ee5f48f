//! Checking speed on generated reports of 1k to 1M facts (and as many checks).
//! Run: `cargo bench --bench throughput` (add `-- 100000` to run one size only).
//! It reports figures; it asserts nothing about time.
//! `cargo bench --bench throughput -- --write DIR` writes the reports instead (`DIR/report-N.json`,
//! N = 1000 … 1000000), for scripts/bench.sh to time the CLI and the WebAssembly module on the same bytes.

use std::time::Instant;

use crossfoot::{check, Options, Status};

/// A consistent report of `n` facts and `n` checks: groups of a total and two parts, each group
/// with its sum and two "part does not exceed the total" checks; every fifth part is rounded.
fn generate(n: usize) -> String {
    let groups = n / 3;
    let mut facts = String::with_capacity(n * 80);
    let mut checks = String::with_capacity(n * 70);
    for g in 0..groups {
        let a = 1000 + g % 9000;
        let b = 37 + g % 500;
        let sep = if g == 0 { "" } else { ",\n" };
        if g % 5 == 0 {
            let rounded = format!("{}.{}", a / 10, a % 10);
            facts.push_str(&format!(
                "{sep}{{\"id\":\"a{g}\",\"value\":\"{rounded}\",\"unit\":\"万元\"}},\n{{\"id\":\"b{g}\",\"value\":{b},\"unit\":\"元\"}},\n{{\"id\":\"t{g}\",\"value\":{},\"unit\":\"元\",\"decimals\":-3}}",
                a * 10000 / 10 + b
            ));
        } else {
            facts.push_str(&format!(
                "{sep}{{\"id\":\"a{g}\",\"value\":{a},\"unit\":\"件\",\"label\":\"受理\"}},\n{{\"id\":\"b{g}\",\"value\":{b},\"unit\":\"件\"}},\n{{\"id\":\"t{g}\",\"value\":{},\"unit\":\"件\"}}",
                a + b
            ));
        }
        checks.push_str(&format!(
            "{sep}{{\"id\":\"sum{g}\",\"expect\":\"t{g} == a{g} + b{g}\"}},\n{{\"expect\":\"a{g} <= t{g}\"}},\n{{\"expect\":\"b{g} <= t{g}\"}}"
        ));
    }
    format!(
        "{{\"crossfoot\":1,\"report\":{{\"title\":\"generated\"}},\"sections\":[{{\"id\":\"s\",\"facts\":[\n{facts}\n],\"checks\":[\n{checks}\n]}}]}}"
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only: Option<usize> = args.iter().find_map(|a| a.parse().ok());
    let sizes = [1_000, 10_000, 100_000, 1_000_000];
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let dir = std::path::Path::new(args.get(i + 1).map_or("target/bench", String::as_str));
        std::fs::create_dir_all(dir).expect("cannot create the directory");
        for n in sizes.into_iter().filter(|n| only.is_none_or(|o| o == *n)) {
            let path = dir.join(format!("report-{n}.json"));
            std::fs::write(&path, generate(n)).expect("cannot write a report");
            println!("{}", path.display());
        }
        return;
    }
    println!(
        "{:>9} {:>9} {:>10} {:>10} {:>12} {:>12}",
        "facts", "checks", "MB", "seconds", "MB/s", "µs/check"
    );
    for n in sizes.into_iter().filter(|n| only.is_none_or(|o| o == *n)) {
        let report = generate(n);
        let start = Instant::now();
        let verdict = check(report.as_bytes(), &Options::default());
        let seconds = start.elapsed().as_secs_f64();
        assert_eq!(verdict.verdict, Status::Consistent, "{}", verdict.summary);
        let megabytes = report.len() as f64 / 1e6;
        let checks = verdict.counts.checks as f64;
        println!(
            "{:>9} {:>9} {:>10.1} {:>10.3} {:>12.1} {:>12.2}",
            verdict.counts.facts,
            verdict.counts.checks,
            megabytes,
            seconds,
            megabytes / seconds,
            seconds * 1e6 / checks
        );
    }
}
