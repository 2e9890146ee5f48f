//! The verdict as JSON text, written directly: byte for byte what `serde_json::to_string` (and
//! `to_string_pretty`) make of the `Serialize` derives in `verdict.rs`, which stay the definition
//! (a test compares the two on every example and fixture). Faster than serde's generic path, and
//! much smaller in the WebAssembly module (one writer instead of serde_json's serializer for every
//! type). A field added to a verdict type must be added here too: the comparison test says so.

use std::ops::Range;

use super::*;

/// A member's key as [`Out::key`] writes it: `k!("id")` is `"id":`.
macro_rules! k {
    ($name:literal) => {
        concat!("\"", $name, "\":")
    };
}

/// A JSON writer: compact, or indented by two spaces as serde_json's pretty printer does.
pub(crate) struct Out {
    text: String,
    pretty: bool,
    /// A new line and the indentation of the current depth (pretty only), written in one piece.
    indent: String,
    /// No member or element written yet in the innermost open object or array.
    first: bool,
    /// Where the last verdict's `checks` and `facts` arrays stand in the text (see [`JsonParts`]).
    kept: [Range<usize>; 2],
}

impl Out {
    pub(crate) fn new(pretty: bool, capacity: usize) -> Self {
        Out {
            text: String::with_capacity(capacity),
            pretty,
            indent: String::from("\n"),
            first: true,
            kept: [0..0, 0..0],
        }
    }

    pub(crate) fn finish(self) -> String {
        self.text
    }

    // Inlined natively, where the field names become copies of known length (no memcpy call);
    // not in the WebAssembly module, which has a size budget.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn separate(&mut self) {
        if !self.first {
            self.text.push(',');
        }
        self.first = false;
        if self.pretty {
            self.text.push_str(&self.indent);
        }
    }

    fn open(&mut self, bracket: char) {
        self.text.push(bracket);
        if self.pretty {
            self.indent.push_str("  ");
        }
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        if self.pretty {
            self.indent.truncate(self.indent.len() - 2);
            if !self.first {
                self.text.push_str(&self.indent);
            }
        }
        self.text.push(bracket);
        self.first = false;
    }

    /// The next member's key (the value follows): `piece` is the key quoted with its colon, from
    /// [`k!`], written in one piece (in the module every push is a call).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn key(&mut self, piece: &str) {
        self.separate();
        self.text.push_str(piece); // field names need no escaping
        if self.pretty {
            self.text.push(' ');
        }
    }

    fn string(&mut self, value: &str) {
        let text = &mut self.text;
        text.push('"');
        let bytes = value.as_bytes();
        // Nearly every string needs no escape: copied in one piece.
        if !needs_escape(bytes) {
            text.reserve(bytes.len() + 1);
            text.push_str(value);
            text.push('"');
            return;
        }
        let mut run = 0;
        for (i, &byte) in bytes.iter().enumerate() {
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            text.push_str(&value[run..i]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                text.push_str("\\u00");
                text.push(HEX[usize::from(byte >> 4)] as char);
                text.push(HEX[usize::from(byte & 0xf)] as char);
            } else {
                text.push_str(escape);
            }
            run = i + 1;
        }
        text.push_str(&value[run..]);
        text.push('"');
    }

    fn number(&mut self, value: u64) {
        crate::number::push_digits(&mut self.text, u128::from(value));
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn field_str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn field_number(&mut self, key: &str, value: u64) {
        self.key(key);
        self.number(value);
    }

    /// A field skipped when absent.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn field_some(&mut self, key: &str, value: &Option<String>) {
        if let Some(value) = value {
            self.field_str(key, value);
        }
    }

    /// A field written as `null` when absent.
    fn field_or_null(&mut self, key: &str, value: &Option<String>) {
        self.key(key);
        match value {
            Some(value) => self.string(value),
            None => self.text.push_str("null"),
        }
    }

    fn field_strings<S: AsRef<str>>(&mut self, key: &str, values: &[S]) {
        self.key(key);
        self.open('[');
        for value in values {
            self.separate();
            self.string(value.as_ref());
        }
        self.close(']');
    }

    /// An array field of objects.
    fn field_objects<T>(&mut self, key: &str, items: &[T], write: fn(&mut Out, &T)) {
        self.key(key);
        self.objects(items, write);
    }

    /// The same, keeping where its value stands in the text.
    fn field_objects_kept<T>(
        &mut self,
        key: &str,
        items: &[T],
        write: fn(&mut Out, &T),
    ) -> Range<usize> {
        self.key(key);
        let start = self.text.len();
        self.objects(items, write);
        start..self.text.len()
    }

    fn objects<T>(&mut self, items: &[T], write: fn(&mut Out, &T)) {
        self.open('[');
        for item in items {
            self.separate();
            self.open('{');
            write(self, item);
            self.close('}');
        }
        self.close(']');
    }

    fn location(&mut self, location: &Location) {
        self.field_str(k!("pointer"), &location.pointer);
        self.field_number(k!("line"), location.line.into());
        self.field_number(k!("column"), location.column.into());
    }

    pub(crate) fn verdict(&mut self, verdict: &Verdict) {
        self.open('{');
        self.field_str(k!("verdict"), verdict.verdict.word());
        self.field_str(k!("language"), verdict.language);
        self.field_str(k!("summary"), &verdict.summary);
        self.key(k!("counts"));
        self.open('{');
        let counts = &verdict.counts;
        for (name, value) in [
            (k!("facts"), counts.facts),
            (k!("checks"), counts.checks),
            (k!("passed"), counts.passed),
            (k!("failed"), counts.failed),
            (k!("checkErrors"), counts.check_errors),
            (k!("errors"), counts.errors),
            (k!("warnings"), counts.warnings),
            (k!("toConfirm"), counts.to_confirm),
        ] {
            self.field_number(name, value.into());
        }
        self.close('}');
        if let Some(info) = &verdict.report {
            self.key(k!("report"));
            self.open('{');
            self.field_or_null(k!("title"), &info.title);
            self.field_some(k!("issuer"), &info.issuer);
            self.field_some(k!("period"), &info.period);
            self.field_some(k!("published"), &info.published);
            self.field_some(k!("language"), &info.language);
            self.field_some(k!("source"), &info.source);
            self.close('}');
        }
        self.kept[0] = self.field_objects_kept(k!("checks"), &verdict.checks, Out::check);
        self.field_objects(k!("suspects"), &verdict.suspects, Out::suspect);
        self.field_objects(k!("findings"), &verdict.findings, |out, finding| {
            out.field_str(k!("code"), finding.code);
            out.field_str(k!("severity"), finding.severity.word());
            out.field_str(k!("message"), &finding.message);
            out.location(&finding.location);
        });
        self.kept[1] = self.field_objects_kept(k!("facts"), &verdict.facts, Out::fact);
        if !verdict.tables.is_empty() {
            self.field_objects(k!("tables"), &verdict.tables, Out::table);
        }
        self.field_some(k!("source"), &verdict.source);
        self.close('}');
    }

    fn check(&mut self, check: &CheckOutcome) {
        self.field_str(k!("id"), &check.id);
        self.field_some(k!("label"), &check.label);
        self.field_str(k!("expect"), &check.expect);
        self.field_str(k!("status"), check.status.word());
        self.field_str(k!("severity"), check.severity.word());
        self.field_str(k!("arithmetic"), &check.arithmetic);
        if !check.message.is_empty() {
            self.field_str(k!("message"), &check.message);
        }
        self.field_some(k!("quote"), &check.quote);
        self.field_some(k!("section"), &check.section);
        self.field_strings(k!("facts"), &check.facts);
        self.field_some(k!("offBy"), &check.off_by);
        self.field_some(k!("confidence"), &check.confidence);
        if check.to_confirm {
            self.key(k!("toConfirm"));
            self.text.push_str("true");
        }
        if let Some(mode) = check.holds_if {
            self.field_str(k!("holdsIf"), mode);
        }
        if check.range_not_exact {
            self.key(k!("rangeNotExact"));
            self.text.push_str("true");
        }
        self.location(&check.location);
    }

    fn suspect(&mut self, suspect: &Suspect) {
        self.field_str(k!("fact"), &suspect.fact);
        self.field_some(k!("label"), &suspect.label);
        self.field_str(k!("value"), &suspect.value);
        self.field_some(k!("unit"), &suspect.unit);
        self.field_some(k!("wouldFix"), &suspect.would_fix);
        self.field_strings(k!("reasons"), &suspect.reasons);
        self.field_strings(k!("checks"), &suspect.checks);
        self.field_str(k!("message"), &suspect.message);
        self.location(&suspect.location);
    }

    fn fact(&mut self, fact: &FactView) {
        self.field_str(k!("id"), &fact.id);
        self.field_some(k!("label"), &fact.label);
        self.field_str(k!("value"), &fact.value);
        self.field_some(k!("unit"), &fact.unit);
        self.field_some(k!("quote"), &fact.quote);
        self.field_some(k!("section"), &fact.section);
        self.field_str(k!("range"), &fact.range);
        self.text_span(&fact.at);
        self.location(&fact.location);
    }

    /// A figure's place in the text it was read from, when it was read from one.
    fn text_span(&mut self, at: &Option<TextSpan>) {
        if let Some(at) = at {
            self.key(k!("at"));
            self.open('{');
            self.field_number(k!("start"), at.start as u64);
            self.field_number(k!("end"), at.end as u64);
            self.close('}');
        }
    }

    fn table(&mut self, table: &TableView) {
        self.field_str(k!("id"), &table.id);
        self.field_str(k!("title"), &table.title);
        self.field_some(k!("section"), &table.section);
        self.field_objects(k!("columns"), &table.columns, |out, column| {
            out.field_str(k!("id"), &column.id);
            out.field_str(k!("label"), &column.label);
            out.field_some(k!("unit"), &column.unit);
        });
        self.field_objects(k!("rows"), &table.rows, |out, row| {
            out.field_str(k!("id"), &row.id);
            out.field_str(k!("label"), &row.label);
            out.field_objects(k!("cells"), &row.cells, |out, cell| {
                out.field_or_null(k!("fact"), &cell.fact);
                out.field_or_null(k!("value"), &cell.value);
                out.field_str(k!("status"), cell.status.word());
                out.text_span(&cell.at);
            });
        });
    }
}

/// Whether `bytes` hold a control character, `"` or `\\`: eight bytes at a time (the verdict's
/// strings are most of its text, and nearly none needs an escape).
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Whether some byte of `word` is below `limit` (≤ 0x80): exact as a whole, not per byte.
    let has_below =
        |word: u64, limit: u8| word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGHS != 0;
    let special = |word: u64| {
        has_below(word, 0x20)
            || has_below(word ^ (ONES * u64::from(b'"')), 1)
            || has_below(word ^ (ONES * u64::from(b'\\')), 1)
    };
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        if special(u64::from_ne_bytes(eight)) {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

impl Verdict {
    /// The verdict as JSON text: what `serde_json::to_string` (`pretty`: `to_string_pretty`) gives.
    pub fn to_json(&self, pretty: bool) -> String {
        let mut out = Out::new(pretty, capacity(self, pretty));
        out.verdict(self);
        out.finish()
    }
}

/// A verdict's compact JSON text in three parts: the verdict with `null` in place of its `checks`
/// and `facts` (its [`head`](JsonParts::head)), and those two arrays' texts. JavaScript parses the
/// head at once and each array only when it is first read (`www/lazy-verdict.js`): the facts and
/// checks of a large report are nearly all of its verdict, and most readers want its summary and
/// failing checks.
pub struct JsonParts {
    text: String,
    checks: Range<usize>,
    facts: Range<usize>,
}

impl JsonParts {
    /// The verdict with `"checks":null` and `"facts":null`, every other member in its place.
    pub fn head(&self) -> String {
        let t = &self.text;
        let (checks, facts) = (&self.checks, &self.facts);
        [
            &t[..checks.start],
            "null",
            &t[checks.end..facts.start],
            "null",
            &t[facts.end..],
        ]
        .concat()
    }

    /// The `checks` array's JSON text.
    pub fn checks(&self) -> &str {
        &self.text[self.checks.clone()]
    }

    /// The `facts` array's JSON text.
    pub fn facts(&self) -> &str {
        &self.text[self.facts.clone()]
    }
}

impl Verdict {
    /// The compact JSON text of [`to_json`](Verdict::to_json), cut into [`JsonParts`].
    pub fn to_json_parts(&self) -> JsonParts {
        let mut out = Out::new(false, capacity(self, false));
        out.verdict(self);
        let [checks, facts] = out.kept.clone();
        JsonParts {
            text: out.finish(),
            checks,
            facts,
        }
    }
}

/// Several verdicts as a JSON array, as serde_json writes a slice of them.
pub fn to_json_array(verdicts: &[&Verdict], pretty: bool) -> String {
    let mut out = Out::new(pretty, verdicts.iter().map(|v| capacity(v, pretty)).sum());
    out.open('[');
    for verdict in verdicts {
        out.separate();
        out.verdict(verdict);
    }
    out.close(']');
    out.finish()
}

/// About the length of the text (one allocation, mostly).
fn capacity(verdict: &Verdict, pretty: bool) -> usize {
    let per_item = if pretty { 300 } else { 200 };
    1024 + per_item * (verdict.facts.len() + verdict.checks.len())
}

#[cfg(test)]
mod tests {
    use super::needs_escape;

    #[test]
    fn needs_escape_agrees_with_a_byte_by_byte_scan() {
        let naive = |b: &[u8]| b.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        let mut texts: Vec<Vec<u8>> = vec![b"".to_vec(), "行政复议 95.5%".as_bytes().to_vec()];
        for special in [
            0u8, 0x1f, 0x20, b'"', b'\\', b'!', b'#', b'[', b']', 0x7f, 0x80, 0xff,
        ] {
            for len in 1..20 {
                for at in 0..len {
                    let mut text = vec![b'a'; len];
                    text[at] = special;
                    texts.push(text);
                }
            }
        }
        for text in texts {
            assert_eq!(needs_escape(&text), naive(&text), "{text:?}");
        }
    }
}
