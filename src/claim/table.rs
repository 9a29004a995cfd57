//! Totals of tables: a row named as a total (`合计`, `货物运输总量`) whose cells are the sums of
//! the cells of its parts' rows, column by column.
//!
//! A table is read as structure, never by proximity: its rows are consecutive paragraphs of
//! tab-separated cells, a column is a cell position, and the parts of a total are the rows right
//! below it that name, one each, every class of a partition of `[whole] partitions` or
//! `table_partitions` (`公路`, `水运`, `铁路`, `民航`, `管道`). Rows numbered `一、`, `二、`…
//! are not enough: a customs table by continent leaves out trade of no stated origin, so its
//! rows fall short of its total.

use std::ops::Range;

use super::Claim;
use super::metric::without_qizhong;
use super::vocabulary::Vocabulary;
use crate::number::{Kind, Quantity};

/// One row: its label (the first cell) and, for each later cell, the figure that fills it.
struct Row<'t> {
    label: &'t str,
    cells: Vec<Option<usize>>,
}

/// Header words of a column that holds rates, shares or indices rather than amounts: such a
/// column does not add up.
const NOT_ADDITIVE: [&str; 8] = ["%", "％", "增长", "比重", "率", "指数", "占", "增速"];

/// Label words of a total row.
const TOTAL_LABELS: [&str; 6] = ["合计", "总计", "总量", "总额", "总数", "全部"];

pub fn totals(
    text: &str,
    paragraphs: &[Range<usize>],
    quantities: &[Quantity],
    vocab: &Vocabulary,
    claims: &mut Vec<Claim>,
) {
    for rows in blocks(text, paragraphs) {
        block(text, &paragraphs[rows], quantities, vocab, claims);
    }
}

/// The runs of consecutive paragraphs holding tabs: each a table, as a range of paragraphs.
fn blocks<'p>(
    text: &'p str,
    paragraphs: &'p [Range<usize>],
) -> impl Iterator<Item = Range<usize>> + 'p {
    let mut k = 0;
    std::iter::from_fn(move || {
        while k < paragraphs.len() {
            let end = (k..paragraphs.len())
                .find(|&j| !text[paragraphs[j].clone()].contains('\t'))
                .unwrap_or(paragraphs.len());
            let start = k;
            k = end + 1;
            if end > start {
                return Some(start..end);
            }
        }
        None
    })
}

/// The totals of one block of consecutive rows.
fn block(
    text: &str,
    paragraphs: &[Range<usize>],
    quantities: &[Quantity],
    vocab: &Vocabulary,
    claims: &mut Vec<Claim>,
) {
    let rows: Vec<Row> = paragraphs
        .iter()
        .map(|p| row(text, p.clone(), quantities))
        .collect();
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for (t, total) in rows.iter().enumerate() {
        if !TOTAL_LABELS.iter().any(|w| total.label.ends_with(w)) {
            continue;
        }
        // The header: the last row above the total without figures.
        let header = rows[..t]
            .iter()
            .rposition(|r| r.cells.iter().all(Option::is_none))
            .map(|h| paragraphs[h].clone());
        let Some(parts) = classes(&rows[t + 1..], vocab) else {
            continue;
        };
        let parts: Vec<&Row> = parts.into_iter().map(|i| &rows[t + 1 + i]).collect();
        for c in 0..width {
            let Some(Some(sum)) = total.cells.get(c) else {
                continue;
            };
            let header_cell = header.as_ref().and_then(|h| cell(text, h.clone(), c + 1));
            if !additive(text, &quantities[*sum], header_cell) {
                continue;
            }
            let column: Option<Vec<usize>> = parts
                .iter()
                .map(|r| r.cells.get(c).copied().flatten())
                .collect();
            let Some(column) = column else { continue };
            let alike = column.iter().all(|&i| {
                let (a, b) = (&quantities[i], &quantities[*sum]);
                a.kind == b.kind && a.unit_text(text) == b.unit_text(text) && !a.range
            });
            if alike {
                claims.push(Claim::Total {
                    total: *sum,
                    parts: column,
                    over_years: false,
                    rounded: false,
                });
            }
        }
    }
}

/// The row of paragraph `p`: its label and the figure filling each later cell, if one does.
fn row<'t>(text: &'t str, p: Range<usize>, quantities: &[Quantity]) -> Row<'t> {
    let mut cells = Vec::new();
    let mut label = "";
    let mut start = p.start;
    for (n, piece) in text[p.clone()].split('\t').enumerate() {
        let range = start..start + piece.len();
        start = range.end + 1;
        if n == 0 {
            label = piece.trim();
            continue;
        }
        if piece.trim().is_empty() {
            continue; // an empty cell between two tabs is layout, not a column
        }
        // Quantities are in text order: the cell's are found by binary search.
        let from = quantities.partition_point(|q| q.span.start < range.start);
        let inside: Vec<usize> = (from..quantities.len())
            .take_while(|&i| quantities[i].span.start < range.end)
            .filter(|&i| quantities[i].span.end <= range.end)
            .collect();
        // A cell is a figure when it holds one and nothing else.
        let whole = match inside.as_slice() {
            &[i] if text[quantities[i].span.clone()].trim() == piece.trim() => Some(i),
            _ => None,
        };
        cells.push(whole);
    }
    Row { label, cells }
}

/// The text of cell `c` of paragraph `p`.
fn cell(text: &str, p: Range<usize>, c: usize) -> Option<&str> {
    text[p]
        .split('\t')
        .filter(|piece| !piece.trim().is_empty())
        .nth(c)
}

/// A column of amounts or counts: not rates, shares or changes, by its figures or its header.
fn additive(text: &str, q: &Quantity, header: Option<&str>) -> bool {
    let sums = |h: &str| !NOT_ADDITIVE.iter().any(|w| h.contains(w));
    let by_kind = match q.kind {
        Kind::Count | Kind::Amount => header.is_none_or(sums),
        // A bare number adds up only under a header that names an amount.
        Kind::Number => header.is_some_and(sums),
        _ => false,
    };
    by_kind && !text[q.span.clone()].starts_with('-')
}

/// The rows right below the total that name, one each, every class of a partition.
fn classes(rows: &[Row], vocab: &Vocabulary) -> Option<Vec<usize>> {
    let automata = vocab.automata();
    let longest = automata.partition_sizes.iter().copied().max().unwrap_or(0);
    let named: Vec<Vec<(usize, usize)>> = rows
        .iter()
        .take(longest)
        .map(|r| {
            automata.classes_named(without_qizhong(r.label).trim_start_matches(['：', ':', '#']))
        })
        .collect();
    // The longest run of rows that names a partition whole.
    (0..automata.partition_sizes.len()).find_map(|p| {
        (2..=automata.partition_sizes[p].min(named.len()))
            .rev()
            .find(|&size| automata.names_every_class(p, &named[..size]))
            .map(|size| (0..size).collect())
    })
}

/// A figure of a table with what its row names and the unit its column or row gives:
/// `进出口总额 ⇥ 6366.83` under `金额（亿元）` is 6366.83 × 10⁸ 元 of `进出口总额`.
#[derive(Debug, Clone)]
pub struct TableCell {
    pub quantity: usize,
    /// The row's label without `其中：`, `#` and a heading number.
    pub label: String,
    /// What the written figure is multiplied by (`亿` of `亿元`).
    pub factor: rust_decimal::Decimal,
    /// The measure word (`元` of `亿元`, `人次` of `万人次`).
    pub unit: String,
}

/// Header words of a column that gives each row's unit.
const UNIT_COLUMN: [&str; 2] = ["计量单位", "单位"];

/// The first amount of each row of every table whose unit is written: in a unit column
/// (`计量单位`), in its column's header (`金额（亿元）`) or in the title above the table
/// (`（单位：亿元）`).
pub fn cells(text: &str, paragraphs: &[Range<usize>], quantities: &[Quantity]) -> Vec<TableCell> {
    let mut out = Vec::new();
    for rows in blocks(text, paragraphs) {
        let title = paragraphs[rows.start.saturating_sub(2)..rows.start]
            .iter()
            .rev()
            .find_map(|p| unit_in_title(&text[p.clone()]));
        block_cells(text, &paragraphs[rows], quantities, title, &mut out);
    }
    out
}

fn block_cells(
    text: &str,
    paragraphs: &[Range<usize>],
    quantities: &[Quantity],
    title: Option<&str>,
    out: &mut Vec<TableCell>,
) {
    let mut header: Option<Vec<&str>> = None;
    for p in paragraphs {
        let pieces: Vec<&str> = text[p.clone()]
            .split('\t')
            .filter(|c| !c.trim().is_empty())
            .collect();
        let r = row(text, p.clone(), quantities);
        if r.cells.iter().all(Option::is_none) {
            header = Some(pieces);
            continue;
        }
        let Some(h) = header.as_ref() else { continue };
        let unit_column = h
            .iter()
            .position(|c| UNIT_COLUMN.iter().any(|w| c.contains(w)));
        // The first column of amounts that gives its unit somewhere.
        for (c, cell) in r.cells.iter().enumerate() {
            let Some(i) = *cell else { continue };
            let head = h.get(c + 1).copied().unwrap_or("");
            if NOT_ADDITIVE.iter().any(|w| head.contains(w))
                || quantities[i].kind != Kind::Number
                || quantities[i].range
            {
                continue;
            }
            let unit = unit_column
                .and_then(|u| pieces.get(u).copied())
                .or_else(|| unit_in_brackets(head))
                .or(title);
            if let Some((factor, unit)) = unit.and_then(parse_unit) {
                out.push(TableCell {
                    quantity: i,
                    label: clean_label(r.label),
                    factor,
                    unit,
                });
            }
            break;
        }
    }
}

/// `其中：一般贸易`, `#美国`, `一、亚洲` → the name alone.
fn clean_label(label: &str) -> String {
    let label = without_qizhong(label.trim()).trim_start_matches(['：', ':', '#', ' ']);
    let numbered = label
        .char_indices()
        .take_while(|&(_, c)| "一二三四五六七八九十".contains(c))
        .last()
        .map(|(at, c)| at + c.len_utf8());
    match numbered.and_then(|n| label[n..].strip_prefix('、')) {
        Some(rest) => rest.to_string(),
        None => label.to_string(),
    }
}

/// `（单位：亿元）` in a table's title.
fn unit_in_title(title: &str) -> Option<&str> {
    let at = title.find("单位")?;
    let rest = title[at + "单位".len()..].trim_start_matches(['：', ':']);
    let end = rest.find(['）', ')', '，', ' ']).unwrap_or(rest.len());
    Some(&rest[..end]).filter(|u| !u.is_empty())
}

/// `金额（亿元）` → `亿元`.
fn unit_in_brackets(head: &str) -> Option<&str> {
    let open = head.find(['（', '('])?;
    let inner = &head[open..];
    let inner = inner.trim_start_matches(['（', '(']);
    let end = inner.find(['）', ')'])?;
    Some(&inner[..end]).filter(|u| !u.is_empty() && !u.contains('%'))
}

/// `亿元` → (10⁸, `元`); `万人次` → (10⁴, `人次`); `元` → (1, `元`).
fn parse_unit(unit: &str) -> Option<(rust_decimal::Decimal, String)> {
    let unit = unit.trim();
    let (rest, factor) = match crate::number::numeral::scale_word(unit) {
        Ok((rest, (_, factor))) => (rest, factor),
        Err(_) => (unit, rust_decimal::Decimal::ONE),
    };
    (!rest.is_empty()
        && rest.chars().count() <= 4
        && !rest.contains(|c: char| c.is_ascii_digit() || "%％".contains(c)))
    .then(|| (factor, rest.to_string()))
}
