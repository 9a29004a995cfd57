//! `count`: a stated number of items against the items the text lists.

use super::NoParams;
use crate::claim::{Claim, Facts};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Count;

impl Count {
    pub fn new(_: NoParams) -> Self {
        Count
    }
}

impl RuleKind for Count {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Enumeration {
                stated,
                count,
                items,
                unsplit,
                at_least,
            } = claim
            else {
                continue;
            };
            let n = *count as usize;
            // The names as split, and as read had the last one's `和` joined two words of one
            // name: the reading nearer the count is the one to judge.
            let readings = [Some(items.len()), *unsplit];
            let listed = readings
                .into_iter()
                .flatten()
                .min_by_key(|l| l.abs_diff(n))
                .unwrap_or(items.len());
            if listed == n || (*at_least && listed < n) {
                continue;
            }
            // An item added or dropped in editing; a count far from the names counts something
            // else than them (`学校、医院62个项目`).
            if listed.abs_diff(n) > 1 {
                continue;
            }
            let written = &f.text[stated.clone()];
            let unit = written.trim_start_matches(|c: char| {
                c.is_ascii_digit()
                    || crate::number::numeral::chinese_digit(c).is_some()
                    || c == '十'
            });
            let mut names: Vec<&str> = items.iter().map(|r| &f.text[r.clone()]).collect();
            if listed + 1 == items.len()
                && let [.., a, b] = items.as_slice()
            {
                names.truncate(listed - 1);
                names.push(&f.text[a.start..b.end]);
            }
            let mut labels: Vec<Label> = items
                .iter()
                .enumerate()
                .map(|(k, r)| Label::new(r.clone(), format!("第{}项", k + 1)))
                .collect();
            labels.truncate(8);
            out.push(Finding {
                certainty: Certainty::Proven,
                message: format!("所述 {written} 与列出的 {listed} 项不符"),
                help: format!(
                    "列出 {listed} 项：{}；{}",
                    names.join("、"),
                    if *at_least {
                        "“等”表示未列全，但列出的项数不应多于所述数目"
                    } else {
                        "或补列、删去一项"
                    }
                ),
                primary: Label::new(stated.clone(), "所述项数"),
                // `等` lists may be longer than named; otherwise the count of the names, as
                // written in digits.
                suggestion: (!*at_least).then(|| {
                    let value = format!("{}{unit}", as_written(written, listed));
                    crate::rules::Suggestion {
                        range: stated.clone(),
                        text: crate::messages::should_be(&value),
                        value,
                    }
                }),
                labels,
            });
        }
        out
    }
}

/// `4` as the count was written: in digits, or in Chinese numerals (`四`).
fn as_written(written: &str, n: usize) -> String {
    const CHINESE: [&str; 17] = [
        "零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
        "十四", "十五", "十六",
    ];
    match CHINESE.get(n) {
        Some(c) if !written.starts_with(|c: char| c.is_ascii_digit()) => c.to_string(),
        _ => n.to_string(),
    }
}
