//! Checking a text: its draft report is checked, and every place in the verdict is moved from
//! the draft (which the reader never saw) to the line and column of the figure in the text. What
//! the recogniser could not place (a row, a table) becomes a warning of the verdict, at its place
//! in the text, so that a terminal shows it as the page does.

use super::{extract, ExtractOptions};
use crate::position::LineIndex;
use crate::strmap::StrMap;
use crate::verdict::{Finding, Location, Severity, Verdict};
use crate::{check, Options};

/// The verdict of a text and the text its places refer to (for HTML, the text without tags).
pub struct TextVerdict {
    pub verdict: Verdict,
    pub text: String,
}

/// Extracts the draft report of `text` and checks it. Facts and suspects are placed at their
/// figure, checks at their first figure; a finding about the draft itself keeps its pointer
/// into the draft, with no line or column.
pub fn check_text(text: &str, extract_options: &ExtractOptions, options: &Options) -> TextVerdict {
    let extraction = extract(text, extract_options);
    let mut verdict = check(extraction.report.as_bytes(), options);
    let text = extraction.text.unwrap_or_else(|| text.to_string());

    // Byte offset of every character start, to turn the figures' character offsets into places.
    let char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let lines = LineIndex::new(text.as_bytes());
    let place_at = |start: usize| {
        let byte = char_starts.get(start).copied().unwrap_or(text.len());
        let (line, column) = lines.locate(text.as_bytes(), byte);
        Location {
            pointer: String::new(),
            line,
            column,
        }
    };
    let places: Vec<Location> = extraction
        .figures
        .iter()
        .map(|figure| place_at(figure.start))
        .collect();
    let mut by_id = StrMap::with_capacity(extraction.figures.len());
    for (i, figure) in extraction.figures.iter().enumerate() {
        by_id.insert_first(&figure.id, i);
    }
    let place_of = |id: &str| by_id.get(id).and_then(|i| places.get(i)).cloned();

    for fact in &mut verdict.facts {
        if let Some(place) = place_of(&fact.id) {
            fact.location = place;
        }
    }
    for suspect in &mut verdict.suspects {
        if let Some(place) = place_of(&suspect.fact) {
            suspect.location = place;
        }
    }
    for check in &mut verdict.checks {
        match check.facts.first().and_then(|id| place_of(id)) {
            Some(place) => check.location = place,
            None => unplace(&mut check.location),
        }
    }
    for finding in &mut verdict.findings {
        unplace(&mut finding.location);
    }
    // The recogniser's warnings first: they have places in the text, the draft's findings none.
    let unplaced = std::mem::take(&mut verdict.findings);
    verdict.findings = extraction
        .warnings
        .iter()
        .map(|warning| Finding {
            code: warning.code,
            severity: Severity::Warning,
            message: warning.in_lang(options.lang).to_string(),
            location: if warning.end > 0 {
                place_at(warning.start)
            } else {
                Location::default()
            },
        })
        .chain(unplaced)
        .collect();
    verdict.counts.warnings += extraction.warnings.len() as u32;
    TextVerdict { verdict, text }
}

fn unplace(location: &mut Location) {
    location.line = 0;
    location.column = 0;
}
