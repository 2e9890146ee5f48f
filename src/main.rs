//! The crossfoot command line: a thin shell around the core that reads files and prints verdicts.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use crossfoot::{CheckStatus, Lang, Options, Severity, Status, Verdict};

// A check makes some hundred thousand small allocations for a large report, nearly all kept
// until the verdict is written: mimalloc serves them in a fraction of glibc's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
crossfoot: checks that the figures of a report agree

usage:
  crossfoot check [--format human|json] [--lang en|zh] FILE...   (- reads standard input)
  crossfoot check --text [--format human|json] [--lang en|zh] FILE...
                        extract the figures of a text (.txt, .html or .pdf) file, then check them
  crossfoot extract FILE  print the draft report extracted from a text (.txt, .html or .pdf) file
  crossfoot schema      print the JSON Schema of the report format
  crossfoot version     print the version

exit status: 0 consistent, 1 inconsistent, 2 invalid or usage error";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("crossfoot: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[derive(PartialEq)]
enum Format {
    Human,
    Json,
}

fn run(args: &[String]) -> Result<u8, String> {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("extract") => extract(&args[1..]),
        Some("schema") => {
            print!("{}", crossfoot::schema::schema_json());
            Ok(0)
        }
        Some("version" | "--version" | "-V") => {
            println!("crossfoot {}", crossfoot::version());
            Ok(0)
        }
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(0)
        }
        Some(other) => Err(format!("unknown command \"{other}\"")),
        None => Err("no command given".to_string()),
    }
}

fn check(args: &[String]) -> Result<u8, String> {
    let mut format = Format::Human;
    let mut lang = lang_from_environment();
    let mut files = Vec::new();
    let mut text = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--text" | "-t" => text = true,
            "--format" | "-f" => {
                format = match rest.next().map(String::as_str) {
                    Some("human") => Format::Human,
                    Some("json") => Format::Json,
                    other => return Err(format!("--format takes human or json, not {other:?}")),
                }
            }
            "--lang" | "-l" => {
                let value = rest.next().ok_or("--lang takes en or zh")?;
                lang = Lang::parse(value)
                    .ok_or_else(|| format!("--lang takes en or zh, not \"{value}\""))?;
            }
            "-" => files.push(arg.clone()),
            flag if flag.starts_with('-') => return Err(format!("unknown option \"{flag}\"")),
            _ => files.push(arg.clone()),
        }
    }
    if files.is_empty() {
        return Err("check needs at least one FILE (or - for standard input)".to_string());
    }

    let mut inputs = Vec::new();
    for file in &files {
        let input = read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        let options = Options {
            lang,
            source: Some(file.clone()),
        };
        inputs.push((input, options));
    }
    let verdicts: Vec<(Verdict, Vec<u8>)> = if text {
        // Each text is checked on its own; its verdict's places are lines of the text.
        inputs
            .iter()
            .map(|(input, options)| {
                let file = options.source.as_deref().unwrap_or("-");
                match document_text(file, input) {
                    Ok(text) => {
                        let checked = crossfoot::extract::check_text(
                            &text,
                            &extract_options(file, text.as_bytes()),
                            options,
                        );
                        (checked.verdict, checked.text.into_bytes())
                    }
                    Err(e) => (unreadable_pdf(&e, options), Vec::new()),
                }
            })
            .collect()
    } else {
        // Checked together, so that reports of one issuer for consecutive years are linked.
        let together: Vec<(&[u8], Options)> = inputs
            .iter()
            .map(|(input, options)| (input.as_slice(), options.clone()))
            .collect();
        crossfoot::check_together(&together)
            .into_iter()
            .zip(inputs.into_iter().map(|(input, _)| input))
            .collect()
    };

    let mut out = std::io::stdout().lock();
    let written = match format {
        Format::Json => write_json(
            &mut out,
            &verdicts.iter().map(|(v, _)| v).collect::<Vec<_>>(),
        ),
        Format::Human => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            verdicts
                .iter()
                .try_for_each(|(v, input)| write_human(&mut out, v, input, colour, lang))
                .and_then(|()| {
                    if verdicts.len() > 1 {
                        let all: Vec<&Verdict> = verdicts.iter().map(|(v, _)| v).collect();
                        write_summary(&mut out, &all, colour, lang)
                    } else {
                        Ok(())
                    }
                })
        }
    };
    // A closed pipe (`| head`) is not an error of the check.
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(format!("cannot write the output: {e}"));
        }
    }
    let code = verdicts
        .iter()
        .map(|(v, _)| exit_code(v.verdict))
        .max()
        .unwrap_or(0);
    // The process ends now: freeing every string of a large verdict would only cost time.
    std::mem::forget(verdicts);
    Ok(code)
}

fn extract(args: &[String]) -> Result<u8, String> {
    let file = match args {
        [file] if file == "-" || !file.starts_with('-') => file,
        _ => return Err("extract takes one FILE (or - for standard input)".to_string()),
    };
    let input = read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let text = match document_text(file, &input) {
        Ok(text) => text,
        Err(e) => {
            eprintln!(
                "crossfoot: {file}: {}: {}",
                e.code(),
                e.message(lang_from_environment())
            );
            return Ok(2);
        }
    };
    let extraction = crossfoot::extract::extract(&text, &extract_options(file, text.as_bytes()));
    // What the recogniser could not place goes to standard error, at its line in the text (for
    // HTML, the page's text without its tags), so that the draft on standard output stays JSON.
    let shown = extraction.text.as_deref().unwrap_or(&text);
    let lang = lang_from_environment();
    for warning in &extraction.warnings {
        let place = if warning.end > 0 {
            let byte = shown
                .char_indices()
                .nth(warning.start)
                .map_or(shown.len(), |(i, _)| i);
            let (line, column) = crossfoot::position::LineIndex::new(shown.as_bytes())
                .locate(shown.as_bytes(), byte);
            format!(":{line}:{column}")
        } else {
            String::new()
        };
        let label = lang.pick("warning", "警告");
        eprintln!(
            "crossfoot: {file}{place}: {label} [{}] {}",
            warning.code,
            warning.in_lang(lang)
        );
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(extraction.report.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {e}"))
        }
        _ => Ok(0),
    }
}

/// A document's text: a PDF's read by position (rows with their cells separated by tabs), any
/// other file's as UTF-8 (lossily).
fn document_text(file: &str, input: &[u8]) -> Result<String, crossfoot::pdf::PdfError> {
    if file.to_ascii_lowercase().ends_with(".pdf") || input.starts_with(b"%PDF-") {
        crossfoot::pdf::to_text(input)
    } else {
        Ok(String::from_utf8_lossy(input).into_owned())
    }
}

/// The verdict of a PDF that gave no text: invalid, with the reason as its one finding.
fn unreadable_pdf(error: &crossfoot::pdf::PdfError, options: &Options) -> Verdict {
    let message = error.message(options.lang);
    Verdict {
        verdict: Status::Invalid,
        language: options.lang.code(),
        summary: match options.lang {
            Lang::En => format!("invalid: {message}"),
            Lang::Zh => format!("无效：{message}"),
        },
        counts: crossfoot::Counts {
            errors: 1,
            ..Default::default()
        },
        report: None,
        checks: Vec::new(),
        suspects: Vec::new(),
        findings: vec![crossfoot::Finding {
            code: error.code(),
            severity: Severity::Error,
            message,
            location: Default::default(),
        }],
        facts: Vec::new(),
        tables: Vec::new(),
        source: options.source.clone(),
    }
}

/// How to read a text file: as HTML when its name says so or it starts like HTML.
fn extract_options(file: &str, input: &[u8]) -> crossfoot::extract::ExtractOptions {
    let head = String::from_utf8_lossy(input.get(..64).unwrap_or(input));
    let head = head.trim_start().to_ascii_lowercase();
    let lower = file.to_ascii_lowercase();
    let html = lower.ends_with(".html")
        || lower.ends_with(".htm")
        || head.starts_with("<!doctype html")
        || head.starts_with("<html");
    crossfoot::extract::ExtractOptions {
        html,
        source: (file != "-").then(|| file.to_string()),
        title: None,
    }
}

fn read(file: &str) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut input = Vec::new();
        std::io::stdin().read_to_end(&mut input)?;
        Ok(input)
    } else {
        std::fs::read(file)
    }
}

fn lang_from_environment() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::parse(&value))
        .unwrap_or_default()
}

fn exit_code(status: Status) -> u8 {
    match status {
        Status::Consistent => 0,
        Status::Inconsistent => 1,
        Status::Invalid => 2,
    }
}

/// One file: the verdict object. Several: an array of them, in the order given.
fn write_json(out: &mut impl Write, verdicts: &[&Verdict]) -> std::io::Result<()> {
    let text = match verdicts {
        [one] => one.to_json(true),
        many => crossfoot::to_json_array(many, true),
    };
    writeln!(out, "{text}")
}

struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn red(&self, text: &str) -> String {
        self.paint("31", text)
    }
    fn green(&self, text: &str) -> String {
        self.paint("32", text)
    }
    fn yellow(&self, text: &str) -> String {
        self.paint("33", text)
    }
    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
    fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
}

fn write_human(
    out: &mut impl Write,
    verdict: &Verdict,
    input: &[u8],
    colour: bool,
    lang: Lang,
) -> std::io::Result<()> {
    let p = Paint { on: colour };
    let source = verdict.source.as_deref().unwrap_or("-");
    let summary = match verdict.verdict {
        Status::Consistent => p.green(&verdict.summary),
        Status::Inconsistent => p.red(&verdict.summary),
        Status::Invalid => p.yellow(&verdict.summary),
    };
    writeln!(out, "{}: {}", p.bold(source), summary)?;
    if let Some(title) = verdict.report.as_ref().and_then(|r| r.title.as_deref()) {
        writeln!(out, "  {}", p.dim(title))?;
    }

    for check in &verdict.checks {
        let mark = match check.status {
            // A relation to confirm never fails: marked apart, whatever its arithmetic says.
            _ if check.to_confirm => p.yellow("~"),
            CheckStatus::Pass => p.green("✓"),
            CheckStatus::Fail if check.severity == Severity::Warning => p.yellow("!"),
            CheckStatus::Fail => p.red("✗"),
            CheckStatus::Error => p.yellow("?"),
        };
        let detail = if check.message.is_empty() {
            &check.arithmetic
        } else {
            &check.message
        };
        let to_confirm = if check.to_confirm {
            p.dim(lang.pick(" (to confirm)", "(待确认)"))
        } else {
            String::new()
        };
        writeln!(out, "  {mark} {}  {detail}{to_confirm}", p.bold(&check.id))?;
        if check.status != CheckStatus::Pass && !check.to_confirm {
            writeln!(out, "      {}", p.dim(&check.expect))?;
            if let Some(quote) = &check.quote {
                writeln!(out, "      {}", p.dim(&format!("“{quote}”")))?;
            }
            let at = lang.pick("at", "位置");
            let place = format!(
                "{at} {source}:{}:{}",
                check.location.line, check.location.column
            );
            writeln!(out, "      {}", p.dim(&place))?;
        }
    }

    if !verdict.suspects.is_empty() {
        writeln!(out, "{}", p.bold(lang.pick("suspects:", "可疑数字:")))?;
        for suspect in &verdict.suspects {
            let place = format!(
                "{source}:{}:{}",
                suspect.location.line, suspect.location.column
            );
            writeln!(out, "  {}  {}", suspect.message, p.dim(&place))?;
        }
    }

    if !verdict.findings.is_empty() {
        writeln!(out, "{}", p.bold(lang.pick("findings:", "结构问题:")))?;
        for finding in &verdict.findings {
            let severity = match finding.severity {
                Severity::Error => p.red(lang.pick("error", "错误")),
                Severity::Warning => p.yellow(lang.pick("warning", "警告")),
                Severity::Info => lang.pick("note", "提示").to_string(),
            };
            let location = &finding.location;
            let place = if location.line > 0 {
                format!("{source}:{}:{}", location.line, location.column)
            } else {
                source.to_string()
            };
            let pointer = if location.pointer.is_empty() {
                String::new()
            } else {
                format!(" {}", location.pointer)
            };
            writeln!(
                out,
                "  {severity} [{}] {}  {}",
                finding.code,
                finding.message,
                p.dim(&format!("{place}{pointer}"))
            )?;
            if let Some((text, caret)) = snippet(input, location.line, location.column) {
                writeln!(
                    out,
                    "      {}",
                    p.dim(&format!("{:>5} | {text}", location.line))
                )?;
                writeln!(out, "      {}", p.dim(&format!("{:>5} | {caret}", "")))?;
            }
        }
    }
    writeln!(out)
}

/// Several files: one line each after their verdicts (file, verdict, issuer, year, failing
/// checks), columns aligned by display width (a Chinese character takes two).
fn write_summary(
    out: &mut impl Write,
    verdicts: &[&Verdict],
    colour: bool,
    lang: Lang,
) -> std::io::Result<()> {
    let p = Paint { on: colour };
    let head: [&str; 5] = match lang {
        Lang::En => ["file", "verdict", "issuer", "year", "failing checks"],
        Lang::Zh => ["文件", "结论", "发布机关", "年度", "不成立的核对"],
    };
    let word = |status: Status| match (status, lang) {
        (Status::Consistent, Lang::En) => "consistent",
        (Status::Inconsistent, Lang::En) => "inconsistent",
        (Status::Invalid, Lang::En) => "invalid",
        (Status::Consistent, Lang::Zh) => "一致",
        (Status::Inconsistent, Lang::Zh) => "不一致",
        (Status::Invalid, Lang::Zh) => "无效",
    };
    let rows: Vec<([String; 5], Status)> = verdicts
        .iter()
        .map(|v| {
            let report = v.report.as_ref();
            let field = |f: Option<&String>| f.cloned().unwrap_or_else(|| "—".to_string());
            (
                [
                    v.source.clone().unwrap_or_else(|| "-".to_string()),
                    word(v.verdict).to_string(),
                    field(report.and_then(|r| r.issuer.as_ref())),
                    field(report.and_then(|r| r.period.as_ref())),
                    v.counts.failed.to_string(),
                ],
                v.verdict,
            )
        })
        .collect();
    let width =
        |text: &str| -> usize { text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum() };
    let mut widths = head.map(width);
    for (row, _) in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let pad = |text: &str, w: usize| format!("{text}{}", " ".repeat(w.saturating_sub(width(text))));
    let line: Vec<String> = head.iter().zip(widths).map(|(h, w)| pad(h, w)).collect();
    writeln!(out, "{}", p.bold(line.join("  ").trim_end()))?;
    for (row, status) in &rows {
        let mut cells: Vec<String> = row.iter().zip(widths).map(|(c, w)| pad(c, w)).collect();
        cells[1] = match status {
            Status::Consistent => p.green(&cells[1]),
            Status::Inconsistent => p.red(&cells[1]),
            Status::Invalid => p.yellow(&cells[1]),
        };
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    Ok(())
}

/// The line of the file a finding points at, cut to a readable width around the column, and a
/// caret under the place. Lines of invalid UTF-8 are shown lossily.
fn snippet(input: &[u8], line: u32, column: u32) -> Option<(String, String)> {
    const WIDTH: usize = 80;
    if line == 0 || column == 0 {
        return None;
    }
    let raw = input.split(|b| *b == b'\n').nth(line as usize - 1)?;
    let chars: Vec<char> = String::from_utf8_lossy(raw)
        .trim_end_matches('\r')
        .chars()
        .collect();
    let at = (column as usize - 1).min(chars.len());
    let start = at.saturating_sub(WIDTH / 2);
    let end = (start + WIDTH).min(chars.len());
    let mut text: String = chars[start..end]
        .iter()
        .map(|c| if c.is_control() { ' ' } else { *c })
        .collect();
    let mut offset = at - start;
    if start > 0 {
        text.insert(0, '…');
        offset += 1;
    }
    if end < chars.len() {
        text.push('…');
    }
    // Wide (CJK) characters take two columns on a terminal.
    let pad: usize = text
        .chars()
        .take(offset)
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .sum();
    Some((text, format!("{}^", " ".repeat(pad))))
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}
