//! HTML to plain text for extraction: tags stripped, entities decoded, scripts and styles
//! dropped, block elements on lines of their own and table rows read row by row (cells separated
//! by tabs), so that a figure's sentence and a table row's cells stay together.

/// Block-level elements: each starts and ends a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "title",
    "caption",
    "tbody",
    "thead",
    "tfoot",
];

/// Elements whose content is not text of the page.
const HIDDEN: &[&str] = &["script", "style", "head", "noscript", "template"];

/// The text of an HTML document.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A lone `<` is text.
            push_text(&mut out, rest);
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !closing && HIDDEN.contains(&name.as_str()) {
            let close = format!("</{name}");
            rest = find_ignoring_case(rest, &close).map_or("", |at| {
                rest[at..].find('>').map_or("", |gt| &rest[at + gt + 1..])
            });
            continue;
        }
        match name.as_str() {
            "td" | "th" if closing => out.push('\t'),
            _ if BLOCKS.contains(&name.as_str()) => new_line(&mut out),
            _ => {}
        }
    }
    push_text(&mut out, rest);
    // Trailing blanks of each line say nothing, nor the tab after a row's last cell; the tabs
    // of blank cells at the end of a row stay (a template's row keeps its count of cells).
    let mut text = String::with_capacity(out.len());
    let blank = |c: char| c != '\t' && c.is_whitespace();
    for line in out.lines() {
        if !text.is_empty() {
            text.push('\n');
        }
        let line = line.trim_end_matches(blank);
        let line = line
            .strip_suffix('\t')
            .unwrap_or(line)
            .trim_end_matches(blank);
        text.push_str(if line.trim().is_empty() { "" } else { line });
    }
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text.trim().to_string()
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.char_indices().map(|(i, _)| i).find(|&i| {
        haystack
            .get(i..i + needle.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(needle))
    })
}

fn new_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Text between tags: entities decoded, runs of white space (HTML's line breaks) made one space.
fn push_text(out: &mut String, raw: &str) {
    let mut rest = raw;
    while !rest.is_empty() {
        let next = rest
            .find(['&', ' ', '\n', '\r', '\t'])
            .unwrap_or(rest.len());
        out.push_str(&rest[..next]);
        rest = &rest[next..];
        let Some(c) = rest.chars().next() else { break };
        if c == '&' {
            match decode_entity(rest) {
                Some((decoded, len)) => {
                    out.push(decoded);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        } else {
            let len = rest
                .find(|c: char| !matches!(c, ' ' | '\n' | '\r' | '\t'))
                .unwrap_or(rest.len());
            if !out.is_empty() && !out.ends_with([' ', '\n', '\t']) {
                out.push(' ');
            }
            rest = &rest[len..];
        }
    }
}

/// An entity at the start of `text`: the character and the entity's length in bytes.
fn decode_entity(text: &str) -> Option<(char, usize)> {
    // `;` is ASCII, so its position is a character boundary.
    let end = text.bytes().take(12).position(|b| b == b';')?;
    let name = &text[1..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ensp" | "emsp" | "thinsp" => ' ',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "mdash" => '—',
            "ndash" => '–',
            "middot" => '·',
            "hellip" => '…',
            "permil" => '‰',
            "yen" => '¥',
            "times" => '×',
            _ => return None,
        }
    };
    Some((decoded, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stripped_and_entities_decoded() {
        assert_eq!(
            to_text("<p>申请<b>142</b>件,&ldquo;其中&rdquo;受理79&#20214;&amp;&#x4ef6;</p>"),
            "申请142件,“其中”受理79件&件"
        );
        assert_eq!(to_text("a &unknown; b & c"), "a &unknown; b & c");
    }

    #[test]
    fn tables_are_read_row_by_row_with_tabs_between_cells() {
        let html =
            "<table><tr><th>项目</th><th>件数</th></tr>\n<tr><td>受理</td><td>79</td></tr></table>";
        assert_eq!(to_text(html), "项目\t件数\n受理\t79");
    }

    #[test]
    fn blank_cells_at_the_end_of_a_row_keep_their_tabs() {
        // 上海市人民政府办公厅 2019 report, 表三: 予以公开 258 12 (blank) (blank) 1 1 (blank).
        let html = "<tr><td>予以公开</td><td>258</td><td>&nbsp;</td><td>1</td><td>&nbsp;</td></tr><tr><td>a</td><td>1</td></tr>";
        assert_eq!(to_text(html), "予以公开\t258\t \t1\t\na\t1");
    }

    #[test]
    fn scripts_styles_and_comments_are_dropped() {
        let html = "<head><title>t</title></head><script>var x = 1 < 2;</script><style>p{}</style><!-- 9 -->\n<p>12件</p>";
        assert_eq!(to_text(html), "12件");
    }

    #[test]
    fn broken_html_does_not_panic() {
        for html in [
            "<",
            "<p",
            "&",
            "&#",
            "&#xZZ;",
            "<!--",
            "<script>",
            "</>",
            "&#99999999;",
        ] {
            let _ = to_text(html);
        }
    }
}
