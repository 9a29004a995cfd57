//! `growth`: a stated growth or fall in percent against its base and new value.

use rust_decimal::Decimal;

use super::{
    NoParams, alternative, change_ratio, growth_slip, label, percent_change, q, suggest, text, word,
};
use crate::claim::{ChangeMeasure, ChangeRef, Claim, Direction, Facts};
use crate::interval::Interval;
use crate::number::Kind;
use crate::rules::verdict::{Verdict, judge, show_computed, show_stated};
use crate::rules::{Certainty, Finding, Label, Proposed, RuleKind};

#[derive(Debug)]
pub struct Growth;

impl Growth {
    pub fn new(_: NoParams) -> Self {
        Growth
    }
}

impl RuleKind for Growth {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        self.propose(f).into_iter().map(|p| p.finding).collect()
    }

    /// The alternative: the new value the stated rate needs from the base as stated (`若增长
    /// 5.3%，全市进出口总额应约为 3520.4亿元`), or the increment it needs of the value stated with it.
    fn propose(&self, f: &Facts) -> Vec<Proposed> {
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
            if *measure != ChangeMeasure::Percent {
                continue;
            }
            // Changes between two percentages are the `points` kind's.
            if q(f, *from).kind == Kind::Percent {
                continue;
            }
            let Some(ratio) = change_ratio(f, *from, *to) else {
                continue;
            };
            // A change whose sign contradicts its word is the `direction` kind's.
            let (Some(lo), Some(hi)) = (ratio.lo, ratio.hi) else {
                continue;
            };
            let wrong_way = match direction {
                Direction::Up => hi < Decimal::ONE,
                Direction::Down => lo > Decimal::ONE,
            };
            if wrong_way {
                continue;
            }
            let Some(computed) = percent_change(&ratio, *direction) else {
                continue;
            };
            if growth_slip(f, *from, *to, *stated, *direction).is_some() {
                continue; // a 万/亿 slip: the `magnitude` kind's
            }
            let certainty = match judge(&computed, q(f, *stated)) {
                Verdict::Consistent => continue,
                Verdict::Truncated => Certainty::Truncated,
                Verdict::Inconsistent => Certainty::Proven,
            };
            let formula = match direction {
                Direction::Up => format!(
                    "({} − {}) ÷ {}",
                    text(f, *to),
                    text(f, *from),
                    text(f, *from)
                ),
                Direction::Down => format!(
                    "({} − {}) ÷ {}",
                    text(f, *from),
                    text(f, *to),
                    text(f, *from)
                ),
            };
            let arithmetic = format!("{formula} {}", show_computed(&computed, 2, "%"));
            let other = after_change(&q(f, *stated).interval, *direction)
                .and_then(|k| q(f, *from).interval.mul(&k))
                .and_then(|needed| {
                    alternative(f, *to, "现值", &needed, |name, value, approx| {
                        crate::messages::if_changed_by(
                            word(f, w),
                            text(f, *stated),
                            name,
                            value,
                            approx,
                        )
                    })
                });
            let finding = Finding {
                suggestion: suggest(f, *stated, &computed),
                certainty,
                message: format!(
                    "{}{} 与前后数值不符：{arithmetic}",
                    word(f, w),
                    text(f, *stated)
                ),
                help: format!(
                    "{arithmetic}；{}",
                    show_stated(f.text, q(f, *stated), 2, "%")
                ),
                primary: Label::new(q(f, *stated).span.clone(), format!("所述{}", word(f, w))),
                labels: vec![label(f, *from, "基数"), label(f, *to, "现值")],
            };
            out.push(Proposed::new(finding, other));
        }
        out.extend(increments(f));
        out
    }
}

/// 1 + g/100 for a rise of `g` percent, 1 − g/100 for a fall: the factor from base to new value.
/// None for a fall of more than 100%.
fn after_change(g: &Interval, direction: Direction) -> Option<Interval> {
    let g = g.scale(Decimal::new(1, 2))?;
    let k = match direction {
        Direction::Up => g.shift(Decimal::ONE)?,
        Direction::Down => g.neg().shift(Decimal::ONE)?,
    };
    k.lo.is_some_and(|lo| lo >= Decimal::ZERO).then_some(k)
}

/// The increment X a rate of `g` percent needs of a value V stated after the change: X ÷ (V − X)
/// = g for a rise, X ÷ (V + X) = g for a fall, so X = V·g ÷ (100 + g) or V·g ÷ (100 − g), both
/// rising with V and with g.
fn increment_needed(v: &Interval, g: &Interval, direction: Direction) -> Option<Interval> {
    let (v_lo, v_hi) = v.ends()?;
    let (g_lo, g_hi) = g.ends()?;
    let at = |v: Decimal, g: Decimal| -> Option<Decimal> {
        let den = match direction {
            Direction::Up => Decimal::ONE_HUNDRED.checked_add(g)?,
            Direction::Down => Decimal::ONE_HUNDRED.checked_sub(g)?,
        };
        if den <= Decimal::ZERO || g < Decimal::ZERO || v < Decimal::ZERO {
            return None;
        }
        v.checked_mul(g)?.checked_div(den)
    };
    Some(Interval::new(at(v_lo, g_lo)?, at(v_hi, g_hi)?))
}

/// `V，比上年增加X，增长g%`: g against X ÷ (V − X), or X ÷ (V + X) for a fall. The ratio grows
/// with X and falls with V, so its exact range comes from the ends of both.
fn increments(f: &Facts) -> Vec<Proposed> {
    let mut out = Vec::new();
    for claim in &f.claims {
        let Claim::Increment {
            stated,
            value,
            increment,
            direction,
        } = claim
        else {
            continue;
        };
        let (Some((v_lo, v_hi)), Some((x_lo, x_hi))) = (
            q(f, *value).interval.ends(),
            q(f, *increment).interval.ends(),
        ) else {
            continue;
        };
        let (Some(base_lo), Some(base_hi)) = (match direction {
            Direction::Up => (v_lo.checked_sub(x_hi), v_hi.checked_sub(x_lo)),
            Direction::Down => (v_lo.checked_add(x_hi), v_hi.checked_add(x_lo)),
        }) else {
            continue;
        };
        if base_lo <= Decimal::ZERO || x_lo < Decimal::ZERO {
            continue;
        }
        let (Some(lo), Some(hi)) = (
            x_lo.checked_div(base_hi)
                .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED)),
            x_hi.checked_div(base_lo)
                .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED)),
        ) else {
            continue;
        };
        let computed = Interval::new(lo, hi);
        let certainty = match judge(&computed, q(f, *stated)) {
            Verdict::Consistent => continue,
            Verdict::Truncated => Certainty::Truncated,
            Verdict::Inconsistent => Certainty::Proven,
        };
        let sign = match direction {
            Direction::Up => "−",
            Direction::Down => "+",
        };
        let arithmetic = format!(
            "{} ÷ ({} {sign} {}) {}",
            text(f, *increment),
            text(f, *value),
            text(f, *increment),
            show_computed(&computed, 2, "%")
        );
        let other = increment_needed(&q(f, *value).interval, &q(f, *stated).interval, *direction)
            .and_then(|needed| {
                let word = match direction {
                    Direction::Up => "增长",
                    Direction::Down => "下降",
                };
                alternative(f, *increment, "增量", &needed, |name, v, approx| {
                    crate::messages::if_changed_by(word, text(f, *stated), name, v, approx)
                })
            });
        let finding = Finding {
            suggestion: suggest(f, *stated, &computed),
            certainty,
            message: format!("{} 与增量不符：{arithmetic}", text(f, *stated)),
            help: format!(
                "上年数 = {} {sign} {}；{arithmetic}；{}",
                text(f, *value),
                text(f, *increment),
                show_stated(f.text, q(f, *stated), 2, "%")
            ),
            primary: Label::new(q(f, *stated).span.clone(), "所述增幅"),
            labels: vec![label(f, *value, "现值"), label(f, *increment, "增量")],
        };
        out.push(Proposed::new(finding, other));
    }
    out
}
