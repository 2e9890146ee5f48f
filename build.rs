//! Embeds every `templates/*.json` in the crate, with the whitespace between JSON tokens removed
//! (the WebAssembly module has a size budget; the files stay readable in the repository).
//! Generates `$OUT_DIR/templates.rs`: the list `FILES` of (name, the JSON text in pieces), sorted
//! by name, so adding a template is adding a file; a piece two files share is stored once. Generates `$OUT_DIR/recognition.rs` too: what text
//! extraction needs to recognise a report on each template (its tables' ids, titles, total
//! columns, and the ids and Chinese labels of their columns and rows), as static data, so that the
//! text-import WebAssembly module needs no JSON parser.

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
    // Each minified file is stored as pieces, cut before every `{"id"` (a table, column, row,
    // part or link) that begins a piece occurring more than once (in two years' templates, or
    // twice in one), which is stored once: about 5 KB less in the checker module than the files
    // whole (and 0.2 KB more gzipped).
    let minified: Vec<String> = names
        .iter()
        .map(|name| {
            minify(
                &fs::read_to_string(format!("templates/{name}.json")).expect("a template is UTF-8"),
            )
        })
        .collect();
    let mut cut: Vec<Vec<String>> = minified
        .iter()
        .map(|text| {
            split_before(text, "{\"id\"")
                .into_iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    // Two pieces that always come together are joined again (fewer pieces, fewer pointers): a
    // piece is cut off only where what follows it differs somewhere.
    loop {
        let count =
            |cut: &[Vec<String>], piece: &str| cut.iter().flatten().filter(|p| *p == piece).count();
        let pair_count = |cut: &[Vec<String>], a: &str, b: &str| {
            cut.iter()
                .map(|parts| parts.windows(2).filter(|w| w[0] == a && w[1] == b).count())
                .sum::<usize>()
        };
        let joinable = cut.iter().flat_map(|parts| parts.windows(2)).find(|w| {
            let n = pair_count(&cut, &w[0], &w[1]);
            n == count(&cut, &w[0]) && n == count(&cut, &w[1]) && w[0] != w[1]
        });
        let Some((a, b)) = joinable.map(|w| (w[0].clone(), w[1].clone())) else {
            break;
        };
        for parts in &mut cut {
            let mut joined = Vec::new();
            let mut i = 0;
            while i < parts.len() {
                if i + 1 < parts.len() && parts[i] == a && parts[i + 1] == b {
                    joined.push(format!("{a}{b}"));
                    i += 2;
                } else {
                    joined.push(std::mem::take(&mut parts[i]));
                    i += 1;
                }
            }
            *parts = joined;
        }
    }
    let mut pieces: Vec<String> = Vec::new();
    let mut list = String::from("&[\n");
    for (name, parts) in names.iter().zip(&cut) {
        let refs: Vec<String> = parts
            .iter()
            .map(|piece| {
                let index = match pieces.iter().position(|known| known == piece) {
                    Some(index) => index,
                    None => {
                        pieces.push(piece.clone());
                        pieces.len() - 1
                    }
                };
                format!("P{index}")
            })
            .collect();
        writeln!(list, "    ({name:?}, &[{}]),", refs.join(", ")).unwrap();
    }
    list.push(']');
    let mut file = String::from("{\n");
    for (index, piece) in pieces.iter().enumerate() {
        writeln!(file, "const P{index}: &str = {piece:?};").unwrap();
    }
    file.push_str(&list);
    file.push_str("\n}\n");
    fs::write(Path::new(&out_dir).join("templates.rs"), file).expect("OUT_DIR is writable");
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
/// `text` cut before each occurrence of `marker` (the first piece may be empty only if `text` is).
fn split_before<'t>(text: &'t str, marker: &str) -> Vec<&'t str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(marker) {
        if at > start {
            pieces.push(&text[start..at]);
            start = at;
        }
    }
    pieces.push(&text[start..]);
    pieces
}

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
