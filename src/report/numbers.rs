//! The output of `hedui numbers`: every quantity with its value and interval.
//!
//! # JSON (version 1)
//!
//! ```json
//! {"version": 1, "path": "report.txt",
//!  "quantities": [{"text": "3080.5万件",
//!                  "span": {"offset": 0, "length": 13, "line": 1, "column": 1},
//!                  "value": "30805000", "lower": "30804500", "upper": "30805500",
//!                  "kind": "count", "unit": "件", "approx": null}]}
//! ```
//!
//! - `text`: the expression as it reads once line breaks are joined (`424万件`), while `span`
//!   covers the original bytes, line breaks included.
//! - `span.offset`/`span.length`: bytes of the original file; `line` 1-based; `column` 1-based in
//!   characters.
//! - `value`, `lower`, `upper`: decimal strings in base units, 万 and 亿 applied (`1.9万亿元` →
//!   `"1900000000000"`). Shares keep their scale: `99.4%` is `"99.4"`, `七成` is `"70"`. An open end
//!   (`以上`) is `null`. A range's `value` is its lower end.
//! - `kind`: `count`, `amount`, `percent`, `permille`, `points`, `fraction`, `multiple`, `number`.
//! - `unit`: the measure word or symbol without the scale (`件`, `元`, `%`, `个百分点`, `倍`), or
//!   `null`.
//! - `approx`: the approximation word (`约`, `余`, `近`, `以上` …) or `null`.
//!
//! Fields beyond these (`scale`, `approx_kind`, `exact`, `range`) may be added to; the ones above
//! are stable.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::layout::Layout;
use crate::number::{ApproxKind, Kind, Quantity};
use crate::source::Document;
use crate::span::Span;

#[derive(Debug, Serialize)]
pub struct NumbersJson<'a> {
    pub version: u32,
    pub path: &'a str,
    pub quantities: Vec<QuantityJson<'a>>,
}

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
}

fn decimal(d: Decimal) -> String {
    d.normalize().to_string()
}

impl<'a> NumbersJson<'a> {
    pub fn new(doc: &'a Document, layout: &'a Layout, quantities: &[Quantity]) -> Self {
        let quantities = quantities
            .iter()
            .map(|q| QuantityJson {
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
            })
            .collect();
        Self {
            version: 1,
            path: &doc.name,
            quantities,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serializes")
    }

    /// One row per quantity, columns aligned for CJK text.
    pub fn to_table(&self) -> String {
        let header = ["位置", "原文", "数值", "区间", "类型", "单位", "约数"];
        let rows: Vec<[String; 7]> = self
            .quantities
            .iter()
            .map(|q| {
                let interval = match (&q.lower, &q.upper) {
                    (Some(l), Some(u)) if l == u => "exact".to_string(),
                    (l, u) => format!(
                        "[{}, {}]",
                        l.as_deref().unwrap_or("-∞"),
                        u.as_deref().unwrap_or("+∞")
                    ),
                };
                [
                    format!("{}:{}", q.span.line, q.span.column),
                    q.text.to_string(),
                    q.value.clone(),
                    interval,
                    serde_json::to_value(q.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    q.unit.unwrap_or("").to_string(),
                    q.approx.unwrap_or("").to_string(),
                ]
            })
            .collect();
        let mut widths = header.map(UnicodeWidthStr::width);
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let mut out = String::new();
        let mut line = |cells: &[&str]| {
            let mut l = String::new();
            for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
                l.push_str(cell);
                if i + 1 < cells.len() {
                    l.push_str(&" ".repeat(w - cell.width() + 2));
                }
            }
            let _ = writeln!(out, "{}", l.trim_end());
        };
        line(&header);
        for row in &rows {
            line(&row.each_ref().map(String::as_str));
        }
        let _ = writeln!(out, "{} quantities in {}", rows.len(), self.path);
        out
    }
}
