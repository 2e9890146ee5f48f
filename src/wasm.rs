//! The WebAssembly API for JavaScript: `check`, `checkParts`, `checkMany`, `template`, `schema`, `version`,
//! and `extract`.
//!
//! Built three times (scripts/build-web.sh): the checker (`www/pkg/`: `check`, `template`,
//! `schema`, `version`); with the feature `wasm-batch` the batch module (`www/pkg-batch/`: the
//! checker and `checkMany`, loaded only when several files are checked together); and with the
//! feature `wasm-extract` the text import (`www/pkg-extract/`), which exports only `extract` and
//! `version`, so that each module stays small.
//!
//! The only file that knows about wasm-bindgen. A bad report is a verdict (`invalid`, with
//! findings), never an exception; only a caller's mistake (bad options, an input that is
//! neither bytes nor text) becomes a JS `Error`, and every one goes through [`js_error`].

use js_sys::Reflect;
use js_sys::{Array, Object, JSON};
#[cfg(not(feature = "wasm-extract"))]
use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(not(feature = "wasm-extract"))]
use crate::{Lang, Options};

// Talc is smaller (and faster) than std's dlmalloc; the module has a size budget.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::cell::TalcSyncCell<GrowByHalf, talc::wasm::WasmBinning> =
    talc::cell::TalcSyncCell::new_wasm(GrowByHalf { end: None });

/// Talc's own wasm source grows the memory by just what each allocation lacks: thousands of
/// `memory.grow` calls for a large report. Each call is slow, and V8 answers each with a full
/// garbage collection when the JavaScript heap is large (a 90 MB report checked beside its
/// `JSON.parse`: 607 collections of 0.2 s each, two minutes in all). This one grows by half the
/// memory at least, so that a check makes a few dozen calls at most; if that much is refused it
/// asks for just what the allocation needs.
#[derive(Debug)]
struct GrowByHalf {
    /// The end of the heap, to extend it rather than claim a new one when the memory grows.
    end: Option<core::ptr::NonNull<u8>>,
}

// SAFETY: uses no allocator and no allocated container; touches talc only through `talc`.
unsafe impl talc::source::Source for GrowByHalf {
    fn acquire<B: talc::base::binning::Binning>(
        talc: &mut talc::base::Talc<Self, B>,
        layout: core::alloc::Layout,
    ) -> Result<(), ()> {
        use core::arch::wasm32::{memory_grow, memory_size};
        const PAGE: usize = 1 << 16;
        // More than talc's own estimate of what the chunk needs (its size, tag and alignment).
        let needed = layout.size() + layout.align() + 4 * talc::base::CHUNK_UNIT;
        let needed_pages = needed.div_ceil(PAGE);
        let mut pages = needed_pages.max(memory_size::<0>() / 2);
        let mut previous = memory_grow::<0>(pages);
        if previous == usize::MAX && pages > needed_pages {
            pages = needed_pages;
            previous = memory_grow::<0>(pages);
        }
        if previous == usize::MAX {
            return Err(());
        }
        let base = (previous * PAGE) as *mut u8;
        // Saturating, as talc's own source does: memory grown to its 4 GiB limit ends past usize.
        let end = base.wrapping_add((pages * PAGE).min(usize::MAX - base as usize));
        if let Some(old_end) = talc.source.end.take() {
            if old_end.as_ptr() == base {
                // SAFETY: the memory just grown follows the heap's end and is nobody else's.
                talc.source.end = Some(unsafe { talc.extend(old_end, end) });
                return Ok(());
            }
        }
        // SAFETY: the memory just grown is nobody else's.
        talc.source.end = unsafe { talc.claim(base, pages * PAGE) };
        Ok(())
    }
}

/// Checks a report. `input` is the file's raw bytes (`Uint8Array` or `ArrayBuffer`) or a
/// string; `options` is `undefined` or `{ lang?: "en" | "zh", source?: string }`.
/// Returns the verdict as a plain object, field for field the CLI's `--format json`.
#[cfg(not(feature = "wasm-extract"))]
#[wasm_bindgen]
pub fn check(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options(&options)?;
    let bytes = input_bytes(input).ok_or_else(|| {
        js_error("check(input): input must be a Uint8Array, an ArrayBuffer or a string")
    })?;
    reserve_heap(bytes.len());
    to_plain_js(&crate::check(&bytes, &options).to_json(false))
}

/// Checks a report as `check` does, and returns the verdict's JSON text in three strings:
/// `[head, checks, facts]`, the head being the verdict with `null` for its `checks` and `facts`
/// (see `crate::JsonParts`). `www/lazy-verdict.js` turns them into the verdict object, parsing
/// each of the two arrays only when it is first read: the npm package's `check()` and the page's
/// worker use it, so that a large report's verdict is not built as objects nobody reads.
#[cfg(not(feature = "wasm-extract"))]
#[wasm_bindgen(js_name = checkParts)]
pub fn check_parts(input: JsValue, options: JsValue) -> Result<Array, JsValue> {
    let options = read_options(&options)?;
    let bytes = input_bytes(input).ok_or_else(|| {
        js_error("checkParts(input): input must be a Uint8Array, an ArrayBuffer or a string")
    })?;
    reserve_heap(bytes.len());
    let parts = crate::check(&bytes, &options).to_json_parts();
    Ok(Array::of3(
        &parts.head().into(),
        &parts.checks().into(),
        &parts.facts().into(),
    ))
}

/// A check of `input_len` bytes takes about 20 times as much memory at its peak (measured on
/// generated reports of 10k and 100k facts): most of it is grown at once, here, by an allocation
/// given straight back, rather than by [`GrowByHalf`]'s steps, which would leave up to half as
/// much again unused (the 100k report: 174 MB of memory this way, 237 MB without). Where the heap
/// already has the room, as on a second check, nothing grows; at most 1 GiB, so that a very large
/// report keeps room to grow as it goes.
#[cfg(not(feature = "wasm-extract"))]
fn reserve_heap(input_len: usize) {
    let mut room: Vec<u8> = Vec::new();
    let _ = room.try_reserve(input_len.saturating_mul(16).min(1 << 30));
}

/// An input's bytes: a string's UTF-8, a `Uint8Array`'s or an `ArrayBuffer`'s bytes. (One
/// function for `check` and `checkMany`: the module has a size budget.)
#[cfg(not(feature = "wasm-extract"))]
fn input_bytes(input: JsValue) -> Option<Vec<u8>> {
    if let Some(text) = input.as_string() {
        Some(text.into_bytes())
    } else if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
        Some(bytes.to_vec())
    } else {
        let buffer = input.dyn_ref::<ArrayBuffer>()?;
        Some(Uint8Array::new(buffer).to_vec())
    }
}

/// Checks several reports together (see `crate::check_together`): reports of one issuer for
/// consecutive years get the template's cross-year links. `inputs` is an array of inputs as
/// for `check`; `options` is as for `check` (its `source`, if any, names every file). Returns
/// an array of verdicts, in the order of `inputs`.
#[cfg(all(feature = "wasm-batch", not(feature = "wasm-extract")))]
#[wasm_bindgen(js_name = checkMany)]
pub fn check_many(inputs: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options(&options)?;
    if !Array::is_array(&inputs) {
        return Err(js_error("checkMany(inputs): inputs must be an array"));
    }
    let mut files = Vec::new();
    for input in Array::from(&inputs).iter() {
        files.push(input_bytes(input).ok_or_else(|| {
            js_error(
                "checkMany(inputs): each input must be a Uint8Array, an ArrayBuffer or a string",
            )
        })?);
    }
    let together: Vec<(&[u8], Options)> = files
        .iter()
        .map(|bytes| (bytes.as_slice(), options.clone()))
        .collect();
    reserve_heap(files.iter().map(Vec::len).sum());
    let verdicts = crate::check_together(&together);
    let verdicts: Vec<&crate::Verdict> = verdicts.iter().collect();
    to_plain_js(&crate::to_json_array(&verdicts, false))
}

/// Extracts the figures and relations of a report's text. `options` is `undefined` or
/// `{ html?: boolean, source?: string, title?: string }`. Returns `{ figures, relations, report,
/// text? }` as plain objects (`report` is the draft report's JSON text).
#[cfg(feature = "wasm-extract")]
#[wasm_bindgen]
pub fn extract(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    const CALL: &str = "extract(text, options)";
    let mut read = crate::extract::ExtractOptions::default();
    if !(options.is_undefined() || options.is_null()) {
        known_keys_only(&options, &["html", "source", "title"], CALL)?;
        let html = property(&options, "html", CALL)?;
        if !html.is_undefined() {
            read.html = html
                .as_bool()
                .ok_or_else(|| js_error("extract(text, options): html must be a boolean"))?;
        }
        read.source = optional_string(&options, "source", CALL)?;
        read.title = optional_string(&options, "title", CALL)?;
    }
    let extraction = crate::extract::extract(text, &read);
    JSON::parse(&extraction.to_json())
        .map_err(|_| js_error("extract(): the extraction is not valid JSON"))
}

/// The crate's version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_owned()
}

/// A template's file (`templates/<name>.json`) as a plain object, or `undefined` for an unknown
/// name: the page builds its "start from a template" form from it.
#[cfg(not(feature = "wasm-extract"))]
#[wasm_bindgen]
pub fn template(name: &str) -> Result<JsValue, JsValue> {
    match crate::template::file(name) {
        Some(text) => JSON::parse(&text)
            .map_err(|_| js_error("template(): the built-in template is not valid JSON")),
        None => Ok(JsValue::UNDEFINED),
    }
}

#[cfg(not(feature = "wasm-extract"))]
const OPTION_NAMES: [&str; 2] = ["lang", "source"];

/// Reads `{ lang, source }`; `undefined` and `null` mean the defaults. Unknown keys are an
/// error so that a misspelt option (`{ language: "zh" }`) is not silently ignored.
#[cfg(not(feature = "wasm-extract"))]
fn read_options(value: &JsValue) -> Result<Options, JsValue> {
    const CALL: &str = "check(input, options)";
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(js_error(
            "check(input, options): options must be an object such as { lang: \"zh\" }",
        ));
    }
    known_keys_only(value, &OPTION_NAMES, CALL)?;
    let lang = property(value, "lang", CALL)?;
    if !(lang.is_undefined() || lang.is_null()) {
        let tag = lang.as_string().ok_or_else(|| {
            js_error("check(input, options): lang must be a string, \"en\" or \"zh\"")
        })?;
        options.lang = Lang::parse(&tag).ok_or_else(|| {
            js_error(
                &[
                    CALL,
                    ": unknown language \"",
                    &tag,
                    "\"; use \"en\" or \"zh\"",
                ]
                .concat(),
            )
        })?;
    }
    options.source = optional_string(value, "source", CALL)?;
    Ok(options)
}

/// Refuses an options object with a key not in `known`, so that a misspelt option
/// (`{ language: "zh" }`) is not silently ignored.
fn known_keys_only(value: &JsValue, known: &[&str], call: &str) -> Result<(), JsValue> {
    if !value.is_object() || Array::is_array(value) {
        return Err(js_error(&[call, ": options must be an object"].concat()));
    }
    let object: &Object = value.unchecked_ref();
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            let known = known.join(", ");
            return Err(js_error(
                &[
                    call,
                    ": unknown option \"",
                    &key,
                    "\"; known options: ",
                    &known,
                ]
                .concat(),
            ));
        }
    }
    Ok(())
}

/// A property of an options object; `call` names the function for the error.
fn property(object: &JsValue, name: &str, call: &str) -> Result<JsValue, JsValue> {
    Reflect::get(object, &JsValue::from_str(name))
        .map_err(|_| js_error(&[call, ": cannot read option \"", name, "\""].concat()))
}

/// An option that is a string, or absent (`undefined` or `null`).
fn optional_string(object: &JsValue, name: &str, call: &str) -> Result<Option<String>, JsValue> {
    let value = property(object, name, call)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_string() {
        Some(text) => Ok(Some(text)),
        None => Err(js_error(&[call, ": ", name, " must be a string"].concat())),
    }
}

/// Hands a verdict's JSON text (`Verdict::to_json`, written directly, not through serde) to
/// JavaScript as plain objects, as `JSON.parse` makes them: the engine's parser builds them far
/// faster than field-by-field JS calls would, and costs the module nothing.
#[cfg(not(feature = "wasm-extract"))]
fn to_plain_js(text: &str) -> Result<JsValue, JsValue> {
    JSON::parse(text).map_err(|_| js_error("cannot read the result's JSON"))
}

/// The one way an error crosses into JavaScript: an `Error` with a message.
fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}
