//! Embeds every `templates/*.json` in the crate, with the whitespace between JSON tokens removed
//! (the WebAssembly module has a size budget; the files stay readable in the repository).
//! Generates `$OUT_DIR/templates.rs`: the list `TEMPLATES` of (name, JSON text), sorted by name,
//! so adding a template is adding a file. Generates `$OUT_DIR/recognition.rs` too: what text
//! extraction needs to recognise a report on each template (its tables' ids, titles, total
//! columns, and the ids and Chinese labels of their columns and rows), as static data, so that the
//! text-import WebAssembly module needs no JSON parser. And `$OUT_DIR/schema.json`: the JSON Schema
//! `schema/crossfoot-v1.schema.json` minified, which the WebAssembly checker hands out as it is.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=templates");
    // The JSON Schema, minified, for the WebAssembly checker's `schema()` (src/schema.rs).
    println!("cargo:rerun-if-changed=schema/crossfoot-v1.schema.json");
    let schema =
        fs::read_to_string("schema/crossfoot-v1.schema.json").expect("the schema is UTF-8");
    fs::write(Path::new(&out_dir).join("schema.json"), minify(&schema))
        .expect("OUT_DIR is writable");
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
    let mut layouts = String::from("&[\n");
    for name in &names {
        let text =
            fs::read_to_string(format!("templates/{name}.json")).expect("a template is UTF-8");
        let root = Parser::new(&text).value();
        writeln!(layouts, "Template {{ name: {name:?}, tables: &[").unwrap();
        for table in root.get("tables").items() {
            let title = table.get("title");
            let pairs = |key: &str| {
                table
                    .get(key)
                    .items()
                    .iter()
                    .map(|item| {
                        let (id, zh) = (item.get("id").text(), item.get("label").get("zh").text());
                        format!("Item {{ id: {id:?}, label: Zh {{ zh: {zh:?} }} }}")
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let total = match table.get("total_column") {
                Json::Str(id) => format!("Some({id:?})"),
                _ => "None".to_string(),
            };
            writeln!(
                layouts,
                "    TableInfo {{ id: {:?}, title: Texts {{ zh: {:?}, en: {:?} }}, total_column: {total}, columns: &[{}], rows: &[{}] }},",
                table.get("id").text(),
                title.get("zh").text(),
                title.get("en").text(),
                pairs("columns"),
                pairs("rows"),
            )
            .unwrap();
        }
        layouts.push_str("]},\n");
    }
    layouts.push(']');
    fs::write(Path::new(&out_dir).join("recognition.rs"), layouts).expect("OUT_DIR is writable");
}

/// JSON as the template files use it (the crate's parser is not at hand in a build script).
#[derive(Debug)]
enum Json {
    Null,
    Str(String),
    Other,
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Obj(members) => members
                .iter()
                .find(|(k, _)| k == key)
                .map_or(&Json::Null, |(_, v)| v),
            _ => &Json::Null,
        }
    }

    fn items(&self) -> &[Json] {
        match self {
            Json::Arr(items) => items,
            _ => &[],
        }
    }

    fn text(&self) -> &str {
        match self {
            Json::Str(s) => s,
            _ => "",
        }
    }
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            chars: text.chars().peekable(),
        }
    }

    fn skip(&mut self) {
        while self
            .chars
            .peek()
            .is_some_and(|c| c.is_whitespace() || *c == ',' || *c == ':')
        {
            self.chars.next();
        }
    }

    fn value(&mut self) -> Json {
        self.skip();
        match self.chars.next() {
            Some('{') => {
                let mut members = Vec::new();
                loop {
                    self.skip();
                    if self.chars.peek() == Some(&'}') {
                        self.chars.next();
                        return Json::Obj(members);
                    }
                    let Json::Str(key) = self.value() else {
                        panic!("a template's key is not a string")
                    };
                    members.push((key, self.value()));
                }
            }
            Some('[') => {
                let mut items = Vec::new();
                loop {
                    self.skip();
                    if self.chars.peek() == Some(&']') {
                        self.chars.next();
                        return Json::Arr(items);
                    }
                    items.push(self.value());
                }
            }
            Some('"') => {
                let mut s = String::new();
                while let Some(c) = self.chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match self.chars.next() {
                            Some('n') => s.push('\n'),
                            Some('t') => s.push('\t'),
                            Some('u') => {
                                let hex: String =
                                    (0..4).filter_map(|_| self.chars.next()).collect();
                                s.push(
                                    u32::from_str_radix(&hex, 16)
                                        .ok()
                                        .and_then(char::from_u32)
                                        .unwrap_or('\u{fffd}'),
                                );
                            }
                            Some(c) => s.push(c),
                            None => break,
                        },
                        c => s.push(c),
                    }
                }
                Json::Str(s)
            }
            Some(_) => {
                while self
                    .chars
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.chars.next();
                }
                Json::Other
            }
            None => Json::Null,
        }
    }
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
