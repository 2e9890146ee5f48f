//! Checking a text: its draft report is checked, and every place in the verdict is moved from
//! the draft (which the reader never saw) to the line and column of the figure in the text.

use super::{extract, ExtractOptions};
use crate::position::LineIndex;
use crate::strmap::StrMap;
use crate::verdict::{Location, Verdict};
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
    let places: Vec<Location> = extraction
        .figures
        .iter()
        .map(|figure| {
            let byte = char_starts.get(figure.start).copied().unwrap_or(text.len());
            let (line, column) = lines.locate(text.as_bytes(), byte);
            Location {
                pointer: String::new(),
                line,
                column,
            }
        })
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
    TextVerdict { verdict, text }
}

fn unplace(location: &mut Location) {
    location.line = 0;
    location.column = 0;
}
