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
            let (n, listed) = (*count as usize, items.len());
            if listed == n || *unsplit == Some(n) || (*at_least && listed < n) {
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
            let names: Vec<&str> = items.iter().map(|r| &f.text[r.clone()]).collect();
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
                        "“等”表示未列全，但列出的项数不应多于所述数目".to_string()
                    } else {
                        format!("应为 {listed}{unit}，或补列、删去一项")
                    }
                ),
                primary: Label::new(stated.clone(), "所述项数"),
                labels,
            });
        }
        out
    }
}
