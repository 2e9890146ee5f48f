//! Expressions on any text: parsing never panics and points inside the text; evaluation over a
//! fixed set of facts (rounded, negative, zero-straddling, scaled, other units) never panics,
//! `holds` agrees with `evaluate`, and every error has a message in both languages.
#![no_main]

use crossfoot::expr::{evaluate, holds, parse_expect, Quantity};
use crossfoot::number::parse_decimal_string;
use crossfoot::units::parse_unit;
use crossfoot::Lang;
use libfuzzer_sys::fuzz_target;

fn fact(number: &str, unit: &str) -> Quantity {
    let decimal = parse_decimal_string(number).expect("a valid figure");
    Quantity::from_figure(number, &decimal, &parse_unit(unit), false)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let facts = [
        ("a", fact("95.5", "%")),
        ("b", fact("-3", "件")),
        ("c", fact("0.0", "")),
        ("d", fact("1,692", "万元")),
        ("受理", fact("7", "人")),
        ("e", fact("0", "")),
    ];
    let lookup = |name: &str| facts.iter().find(|(n, _)| *n == name).map(|(_, q)| q.clone());
    match parse_expect(text) {
        Ok(comparison) => {
            let _ = comparison.references();
            for lang in [Lang::En, Lang::Zh] {
                let evaluation = evaluate(&comparison, &lookup, lang);
                let decided = evaluation.as_ref().map(|e| e.holds).map_err(Clone::clone);
                assert_eq!(holds(&comparison, &lookup), decided);
                match evaluation {
                    Ok(e) => assert!(!e.arithmetic.is_empty()),
                    Err(error) => assert!(!error.message(lang).is_empty()),
                }
            }
        }
        Err(error) => {
            assert!(error.column >= 1 && error.column as usize <= text.chars().count() + 1);
            assert!(!error.message(Lang::Zh).is_empty());
        }
    }
});
