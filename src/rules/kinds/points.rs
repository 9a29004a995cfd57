//! `points`: a change of a percentage in 个百分点 against the two percentages, and `%` written
//! where points were meant (`由95.2%提高到97.1%，提高1.9%`).

use rust_decimal::Decimal;

use super::{
    NoParams, change_ratio, label, percent_change, q, rewritten, signed_difference, suggest, text,
    word,
};
use crate::claim::{ChangeMeasure, ChangeRef, Direction, Facts};
use crate::messages;
use crate::number::Kind;
use crate::rules::verdict::{Verdict, judge, show_computed, show_stated};
use crate::rules::{Certainty, Finding, Label, Proposed, RuleKind, Suggestion};

#[derive(Debug)]
pub struct Points;

impl Points {
    pub fn new(_: NoParams) -> Self {
        Points
    }
}

/// The percent sign a figure ends with.
const PERCENT: [&str; 2] = ["%", "％"];

/// The words of 个百分点 a figure ends with.
const POINTS: [&str; 2] = ["个百分点", "个百分點"];

/// `1.9%` worded as points, `1.9个百分点`; None for a figure not ending with `%`.
fn worded_as_points(written: &str) -> Option<String> {
    let digits = PERCENT.iter().find_map(|p| written.strip_suffix(p))?;
    Some(format!("{digits}个百分点"))
}

/// `2.0个百分点` worded as a percent, `2.0%`; None for a figure not ending with 个百分点.
fn worded_as_percent(written: &str) -> Option<String> {
    let digits = POINTS.iter().find_map(|p| written.strip_suffix(p))?;
    Some(format!("{digits}%"))
}

/// Figure `stated` replaced by `value`, under `text`.
fn replaced(f: &Facts, stated: usize, value: String, text: impl Fn(&str) -> String) -> Suggestion {
    Suggestion {
        range: q(f, stated).span.clone(),
        text: text(&value),
        value,
    }
}

impl RuleKind for Points {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        self.propose(f).into_iter().map(|p| p.finding).collect()
    }

    /// Suggestions and alternatives across the two wordings: a `%` that is the difference of the
    /// rates is proposed as `个百分点` (the relative change as the alternative); a `%` that is
    /// neither is proposed as the relative change (the difference as the alternative); a
    /// 个百分点 that is the relative change has `%` as the alternative.
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
            let (stated, from, to) = (*stated, *from, *to);
            if q(f, from).kind != Kind::Percent {
                continue;
            }
            let Some(diff) = signed_difference(f, from, to, *direction) else {
                continue;
            };
            if diff.hi.is_some_and(|h| h < Decimal::ZERO) {
                continue; // the `direction` kind's
            }
            let diff_text = format!(
                "{} − {}",
                text(
                    f,
                    if *direction == Direction::Up {
                        to
                    } else {
                        from
                    }
                ),
                text(
                    f,
                    if *direction == Direction::Up {
                        from
                    } else {
                        to
                    }
                )
            );
            let labels = vec![label(f, from, "基数"), label(f, to, "现值")];
            match measure {
                ChangeMeasure::Points => {
                    let certainty = match judge(&diff, q(f, stated)) {
                        Verdict::Consistent => continue,
                        Verdict::Truncated => Certainty::Truncated,
                        Verdict::Inconsistent => Certainty::Proven,
                    };
                    let arithmetic =
                        format!("{diff_text} {}", show_computed(&diff, 2, " 个百分点"));
                    // 个百分点 written where the relative change was meant.
                    let relative = change_ratio(f, from, to)
                        .and_then(|r| percent_change(&r, *direction))
                        .filter(|r| judge(r, q(f, stated)) == Verdict::Consistent);
                    let other = relative
                        .and_then(|_| worded_as_percent(text(f, stated)))
                        .map(|v| replaced(f, stated, v, messages::if_relative));
                    let finding = Finding {
                        suggestion: suggest(f, stated, &diff),
                        certainty,
                        message: format!(
                            "{}{} 与两个比率之差不符：{arithmetic}",
                            word(f, w),
                            text(f, stated)
                        ),
                        help: format!(
                            "{arithmetic}；{}",
                            show_stated(f.text, q(f, stated), 2, " 个百分点")
                        ),
                        primary: Label::new(q(f, stated).span.clone(), "所述百分点"),
                        labels,
                    };
                    out.push(Proposed::new(finding, other));
                }
                ChangeMeasure::Percent => {
                    let Some(ratio) = change_ratio(f, from, to) else {
                        continue;
                    };
                    let Some(relative) = percent_change(&ratio, *direction) else {
                        continue;
                    };
                    let as_points = judge(&diff, q(f, stated)) == Verdict::Consistent;
                    if judge(&relative, q(f, stated)) != Verdict::Inconsistent {
                        // Rounding lets it pass as a relative change; but when it is exactly the
                        // difference and the stated figures give another relative change, the
                        // writer most likely meant points.
                        let point = (q(f, to).value / q(f, from).value - Decimal::ONE)
                            * Decimal::ONE_HUNDRED;
                        let point = if *direction == Direction::Up {
                            point
                        } else {
                            -point
                        };
                        if as_points && !q(f, stated).interval.contains(point) {
                            let wording = worded_as_points(text(f, stated))
                                .map(|v| replaced(f, stated, v, messages::should_be));
                            out.push(Proposed::from(Finding {
                                suggestion: wording,
                                certainty: Certainty::Hint,
                                message: format!(
                                    "疑似把百分点写成百分比：{}{} 恰为两个比率之差（{diff_text}）",
                                    word(f, w),
                                    text(f, stated)
                                ),
                                help: format!(
                                    "{diff_text} {}；按所述数值的相对变化为 {}%；若指差值，应写“{}个百分点”",
                                    show_computed(&diff, 2, " 个百分点"),
                                    crate::rules::verdict::show(point, 2),
                                    q(f, stated).value.normalize()
                                ),
                                primary: Label::new(q(f, stated).span.clone(), "所述变化"),
                                labels,
                            }));
                        }
                        continue;
                    }
                    let relative_text = format!("相对变化 {}", show_computed(&relative, 2, "%"));
                    let (certainty, message) = if as_points {
                        (
                            Certainty::Plausible,
                            format!(
                                "两个比率之差应以“个百分点”表述：{}{} 实为 {diff_text}，{relative_text}",
                                word(f, w),
                                text(f, stated)
                            ),
                        )
                    } else {
                        (
                            Certainty::Proven,
                            format!(
                                "{}{} 既不是两个比率之差，也不是相对变化",
                                word(f, w),
                                text(f, stated)
                            ),
                        )
                    };
                    // The difference worded as points, or the relative change at the figure's
                    // precision: the one the figures bear out first, the other as the alternative.
                    let points = if as_points {
                        worded_as_points(text(f, stated))
                    } else {
                        rewritten(f, stated, &diff).and_then(|(v, _, _)| worded_as_points(&v))
                    };
                    let percent = rewritten(f, stated, &relative).map(|(v, _, _)| v);
                    let (suggestion, other) = if as_points {
                        (
                            points.map(|v| replaced(f, stated, v, messages::should_be)),
                            percent.map(|v| replaced(f, stated, v, messages::if_relative)),
                        )
                    } else {
                        (
                            percent.map(|v| replaced(f, stated, v, messages::should_be)),
                            points.map(|v| replaced(f, stated, v, messages::if_difference)),
                        )
                    };
                    let finding = Finding {
                        suggestion,
                        certainty,
                        message,
                        help: format!(
                            "{diff_text} {}；{relative_text}；{}",
                            show_computed(&diff, 2, " 个百分点"),
                            show_stated(f.text, q(f, stated), 2, "%")
                        ),
                        primary: Label::new(q(f, stated).span.clone(), "所述变化"),
                        labels,
                    };
                    out.push(Proposed::new(finding, other));
                }
                _ => {}
            }
        }
        out
    }
}
