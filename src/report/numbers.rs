//! The output of `hedui numbers`: every quantity with its value and interval.
//!
//! # JSON (version 1)
//!
//! ```json
//! {"version": 1, "path": "report.txt",
//!  "quantities": [{"text": "3080.5万件",
//!                  "span": {"offset": 0, "length": 13, "line": 1, "column": 1},
//!                  "value": "30805000", "lower": "30804500", "upper": "30805500",
//!                  "kind": "count", "unit": "件", "approx": null,
//!                  "scale": "万", "approx_kind": null, "exact": false, "range": false,
//!                  "open": {"lower": false, "upper": false}}],
//!  "out_of_range": []}
//! ```
//!
//! - `text`: the expression as it reads once line breaks are joined (`424万件`), while `span`
//!   covers the original bytes, line breaks included.
//! - `span.offset`/`span.length`: bytes of the original file; `line` 1-based; `column` 1-based in
//!   characters.
//! - `value`, `lower`, `upper`: decimal strings in base units, 万 and 亿 applied (`1.9万亿元` →
//!   `"1900000000000"`). Shares keep their scale: `99.4%` is `"99.4"`, `七成` is `"70"`. An open end
//!   (`以上`) is `null`. A negative figure (`-4.7%`, `负1.5%`, `零下12摄氏度`) has a negative
//!   value. A range's `value` is its lower end, and `lower`/`upper` are its stated ends, the
//!   scale of the second applied to the first (`7至9万` → `"70000"`, `"90000"`; `百分之六到百分之九`,
//!   `四到六成`, `20万元以上80万元以下`, `介于4和7之间` are ranges too). A vague numeral is a range
//!   (`七八万` → 70000–80000, `十几亿` → 1100000000–1900000000, `几百万` → 1000000–10000000).
//! - `kind`: `count`, `amount`, `percent`, `permille`, `points`, `fraction`, `multiple`, `number`.
//! - `unit`: the measure word or symbol without the scale (`件`, `元`, `%`, `个百分点`, `倍`), or
//!   `null`.
//! - `approx`: the approximation word (`约`, `余`, `近`, `以上` …) or `null`.
//! - `out_of_range` (after `quantities`): figures too large or too finely written to compute
//!   with (`9999万亿亿亿`), each `{"text", "span"}`; they are not in `quantities`.
//!
//! Fields beyond these (`scale`, `approx_kind`, `exact`, `range`, `open`) may be added to; the
//! ones above are stable. Among them:
//!
//! - `open`: which ends of `lower`/`upper` the wording excludes, `{"lower": bool, "upper":
//!   bool}`, so that a reader can tell [a, b] from (a, b): `4万余件` is (40000, 50000) (余, 多,
//!   逾, 超过: above the figure, below the next unit of its last digit), `近4万件` (30000, 40000],
//!   `不足3%` [0, 3), `几百万` [1000000, 10000000), `超过1/3` (0.333…, 1]; an unbounded end
//!   (`null`) is open. Rounded figures, ranges and `以下` are closed. The arithmetic of the rules
//!   treats every interval as closed, which can only make it more lenient.

//!
//! Both formats are written while the text is scanned, so memory does not grow with the number
//! of figures; the table scans twice, once to size its columns.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::layout::Layout;
use crate::lexicon::Lexicon;
use crate::number::{ApproxKind, Found, Kind, Open, Quantity, Scanner};
use crate::source::Document;
use crate::span::Span;

#[derive(Debug, Serialize)]
pub struct QuantityJson<'a> {
    pub text: &'a str,
    pub span: Span,
    pub value: String,
    pub lower: Option<String>,
    pub upper: Option<String>,
    pub kind: Kind,
    pub unit: Option<&'a str>,
    pub approx: Option<&'static str>,
    pub scale: Option<&'static str>,
    pub approx_kind: Option<ApproxKind>,
    pub exact: bool,
    pub range: bool,
    pub open: Open,
}

#[derive(Debug, Serialize)]
pub struct OutOfRangeJson<'a> {
    pub text: &'a str,
    pub span: Span,
}

fn decimal(d: Decimal) -> String {
    d.normalize().to_string()
}

impl<'a> QuantityJson<'a> {
    pub fn new(doc: &Document, layout: &'a Layout, q: &Quantity) -> Self {
        QuantityJson {
            text: &layout.text[q.span.clone()],
            span: Span::locate(doc, layout, q.span.clone()),
            value: decimal(q.value),
            lower: q.interval.lo.map(decimal),
            upper: q.interval.hi.map(decimal),
            kind: q.kind,
            unit: q.unit_text(&layout.text),
            approx: q.approx.map(|a| a.word),
            scale: q.scale,
            approx_kind: q.approx.map(|a| a.kind),
            exact: q.exact,
            range: q.range,
            open: q.open,
        }
    }
}

/// Writes `value` pretty-printed as an element of a top-level array: indented by four spaces.
fn element(out: &mut impl Write, value: &impl Serialize, first: bool) -> io::Result<()> {
    let pretty = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    out.write_all(if first { b"\n" } else { b",\n" })?;
    for (i, line) in pretty.lines().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(b"    ")?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Writes the JSON report (version 1) while scanning.
pub fn write_json(
    doc: &Document,
    layout: &Layout,
    lexicon: &Lexicon,
    out: &mut impl Write,
) -> io::Result<()> {
    let path = serde_json::to_string(&doc.name).map_err(io::Error::other)?;
    write!(
        out,
        "{{\n  \"version\": 1,\n  \"path\": {path},\n  \"quantities\": ["
    )?;
    let mut out_of_range = Vec::new();
    let mut first = true;
    for found in Scanner::new(&layout.text, lexicon) {
        match found {
            Found::Quantity(q) => {
                element(out, &QuantityJson::new(doc, layout, &q), first)?;
                first = false;
            }
            Found::OutOfRange(r) => out_of_range.push(r),
        }
    }
    out.write_all(if first { b"]" } else { b"\n  ]" })?;
    out.write_all(b",\n  \"out_of_range\": [")?;
    for (i, r) in out_of_range.iter().enumerate() {
        let o = OutOfRangeJson {
            text: &layout.text[r.clone()],
            span: Span::locate(doc, layout, r.clone()),
        };
        element(out, &o, i == 0)?;
    }
    out.write_all(if out_of_range.is_empty() {
        b"]"
    } else {
        b"\n  ]"
    })?;
    out.write_all(b"\n}\n")
}

const HEADER: [&str; 7] = ["位置", "原文", "数值", "区间", "类型", "单位", "约数"];

fn row(doc: &Document, layout: &Layout, found: &Found) -> [String; 7] {
    match found {
        Found::Quantity(q) => {
            let q = QuantityJson::new(doc, layout, q);
            let interval = match (&q.lower, &q.upper) {
                (Some(l), Some(u)) if l == u => "exact".to_string(),
                (l, u) => format!(
                    "{}{}, {}{}",
                    if q.open.lower || l.is_none() {
                        '('
                    } else {
                        '['
                    },
                    l.as_deref().unwrap_or("-∞"),
                    u.as_deref().unwrap_or("+∞"),
                    if q.open.upper || u.is_none() {
                        ')'
                    } else {
                        ']'
                    },
                ),
            };
            [
                format!("{}:{}", q.span.line, q.span.column),
                q.text.to_string(),
                q.value,
                interval,
                serde_json::to_value(q.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                q.unit.unwrap_or("").to_string(),
                q.approx.unwrap_or("").to_string(),
            ]
        }
        Found::OutOfRange(r) => {
            let span = Span::locate(doc, layout, r.clone());
            [
                format!("{}:{}", span.line, span.column),
                super::abridged(&layout.text[r.clone()]),
                "超出范围".to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]
        }
    }
}

/// Writes one row per quantity, columns aligned for CJK text.
pub fn write_table(
    doc: &Document,
    layout: &Layout,
    lexicon: &Lexicon,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut widths = HEADER.map(UnicodeWidthStr::width);
    for found in Scanner::new(&layout.text, lexicon) {
        for (w, cell) in widths.iter_mut().zip(row(doc, layout, &found)) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |out: &mut dyn Write, cells: &[&str]| -> io::Result<()> {
        let mut l = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            l.push_str(cell);
            if i + 1 < cells.len() {
                l.push_str(&" ".repeat(w - cell.width() + 2));
            }
        }
        writeln!(out, "{}", l.trim_end())
    };
    line(out, &HEADER)?;
    let (mut quantities, mut too_large) = (0, 0);
    for found in Scanner::new(&layout.text, lexicon) {
        match found {
            Found::Quantity(_) => quantities += 1,
            Found::OutOfRange(_) => too_large += 1,
        }
        line(
            out,
            &row(doc, layout, &found).each_ref().map(String::as_str),
        )?;
    }
    write!(out, "{quantities} quantities in {}", doc.name)?;
    if too_large > 0 {
        write!(
            out,
            "; {too_large} out of range (too large or too precise to compute with)"
        )?;
    }
    writeln!(out)
}
