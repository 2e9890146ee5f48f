//! Embeds every `templates/*.json` in the crate, with the whitespace between JSON tokens removed
//! (the WebAssembly module has a size budget; the files stay readable in the repository).
//! Generates `$OUT_DIR/templates.rs`: the list `TEMPLATES` of (name, JSON text), sorted by name,
//! so adding a template is adding a file.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=templates");
    let mut names: Vec<String> = fs::read_dir("templates")
        .expect("templates/ is readable")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".json")?.to_owned())
        })
        .collect();
    names.sort();
    let mut list = String::from("&[\n");
    for name in &names {
        let text =
            fs::read_to_string(format!("templates/{name}.json")).expect("a template is UTF-8");
        let minified = Path::new(&out_dir).join(format!("{name}.json"));
        fs::write(&minified, minify(&text)).expect("OUT_DIR is writable");
        writeln!(
            list,
            "    ({name:?}, include_str!({:?})),",
            minified.display()
        )
        .unwrap();
    }
    list.push(']');
    fs::write(Path::new(&out_dir).join("templates.rs"), list).expect("OUT_DIR is writable");
}

/// Drops whitespace outside strings; everything else is kept as written.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
