//! `direction`: 增长 said of values that fall, 下降 of values that rise.

use rust_decimal::Decimal;

use super::{NoParams, label, q, text, word};
use crate::claim::{ChangeMeasure, ChangeRef, Claim, Facts};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Direction;

impl Direction {
    pub fn new(_: NoParams) -> Self {
        Direction
    }
}

impl RuleKind for Direction {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for ChangeRef {
            stated,
            from,
            to,
            direction,
            measure,
            word: w,
        } in f.changes()
        {
            if !matches!(
                measure,
                ChangeMeasure::Percent
                    | ChangeMeasure::Points
                    | ChangeMeasure::Annual { .. }
                    | ChangeMeasure::Difference
                    | ChangeMeasure::AnnualDifference { .. }
            ) {
                continue;
            }
            let Some((actual, side)) = contrary(f, *from, *to, *direction) else {
                continue;
            };
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Proven,
                message: format!(
                    "方向错误：数值由 {} 变为 {}，是{actual}，文字却称“{}”",
                    text(f, *from),
                    text(f, *to),
                    word(f, w)
                ),
                help: help(f, *from, *to, side, w),
                primary: Label::new(q(f, *stated).span.clone(), format!("所述{}", word(f, w))),
                labels: vec![
                    label(f, *from, "基数"),
                    label(f, *to, "现值"),
                    Label::new(w.clone(), "方向词"),
                ],
            });
        }
        out.extend(f.claims.iter().filter_map(|c| match c {
            Claim::Transition {
                from,
                to,
                direction,
                word,
            } => transition(f, *from, *to, *direction, word),
            Claim::RatioMove {
                name,
                numerator,
                denominator,
                direction,
                word,
            } => ratio_move(f, name, *numerator, *denominator, *direction, word),
            _ => None,
        }));
        out
    }
}

/// `由A增加到B` with B below A.
fn transition(
    f: &Facts,
    from: usize,
    to: usize,
    direction: crate::claim::Direction,
    w: &std::ops::Range<usize>,
) -> Option<Finding> {
    let (actual, side) = contrary(f, from, to, direction)?;
    Some(Finding {
        certainty: Certainty::Proven,
        message: format!(
            "方向错误：由 {} 到 {} 是{actual}，文字却称“{}”",
            text(f, from),
            text(f, to),
            word(f, w)
        ),
        help: help(f, from, to, side, w),
        primary: Label::new(q(f, to).span.clone(), "现值"),
        labels: vec![label(f, from, "基数"), Label::new(w.clone(), "方向词")],
        suggestion: None,
    })
}

/// `城乡居民收入比缩小` when the numerator grew faster. The ratio rises exactly when its
/// numerator grows faster: the sign of the difference of the two growths is the way it moves.
fn ratio_move(
    f: &Facts,
    name: &std::ops::Range<usize>,
    numerator: usize,
    denominator: usize,
    direction: crate::claim::Direction,
    w: &std::ops::Range<usize>,
) -> Option<Finding> {
    let (actual, side) = contrary(f, denominator, numerator, direction)?;
    let ratio = &f.text[name.clone()];
    let (moves, pace) = if actual == "增加" {
        ("扩大", "更快")
    } else {
        ("缩小", "更慢")
    };
    let (n, d) = (text(f, numerator), text(f, denominator));
    Some(Finding {
        certainty: Certainty::Proven,
        message: format!(
            "方向错误：分子增长 {n} 与分母增长 {d} 表明{ratio}{moves}，文字却称“{}”",
            word(f, w)
        ),
        help: format!(
            "{n} − {d} 的区间全部{side}零：分子增长{pace}，比值随之{moves}；请核对“{}”或两个增速",
            word(f, w)
        ),
        primary: Label::new(w.clone(), "方向词"),
        labels: vec![
            label(f, numerator, "分子增长"),
            label(f, denominator, "分母增长"),
        ],
        suggestion: None,
    })
}

/// The way the figures really move when it is contrary to `direction`, and the side of zero
/// their difference lies on: `("减少", "小于")` for a rise said of a fall.
fn contrary(
    f: &Facts,
    from: usize,
    to: usize,
    direction: crate::claim::Direction,
) -> Option<(&'static str, &'static str)> {
    let delta = q(f, to).interval.sub(&q(f, from).interval)?;
    let (lo, hi) = (delta.lo?, delta.hi?);
    // A rounded figure's interval is closed on both ends only for safety: a rounding boundary
    // belongs to one side, so a difference that can at most reach zero is no rise.
    match direction {
        crate::claim::Direction::Up if hi <= Decimal::ZERO => Some(("减少", "小于")),
        crate::claim::Direction::Down if lo >= Decimal::ZERO => Some(("增加", "大于")),
        _ => None,
    }
}

fn help(f: &Facts, from: usize, to: usize, side: &str, w: &std::ops::Range<usize>) -> String {
    format!(
        "{} − {} 的区间全部{side}零；请核对“{}”或前后数值",
        text(f, to),
        text(f, from),
        word(f, w)
    )
}
