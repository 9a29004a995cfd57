//! `arity`: a `分别` list with more or fewer values than subjects.

use super::{NoParams, q, text};
use crate::claim::{Claim, Facts};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Arity;

impl Arity {
    pub fn new(_: NoParams) -> Self {
        Arity
    }
}

impl RuleKind for Arity {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Respectively {
                keyword,
                subjects,
                unsplit,
                values,
                periods,
                implied,
            } = claim
            else {
                continue;
            };
            if let Some(members) = implied {
                if members.len() != values.len() {
                    out.push(implied_finding(f, keyword, &subjects[0], members, values));
                }
                continue;
            }
            if let Some(n) = periods {
                if *n != values.len() {
                    out.push(periods_finding(f, keyword, &subjects[0], *n, values));
                }
                continue;
            }
            if subjects.len() == values.len() || *unsplit == Some(values.len()) {
                continue;
            }
            let last = *values.last().expect("a list has values");
            let subject_texts: Vec<&str> = subjects.iter().map(|r| &f.text[r.clone()]).collect();
            let value_texts: Vec<&str> = values.iter().map(|&v| text(f, v)).collect();
            let mut labels: Vec<Label> = subjects
                .iter()
                .enumerate()
                .map(|(k, r)| Label::new(r.clone(), format!("对象{}", k + 1)))
                .collect();
            labels.push(Label::new(keyword.clone(), "分别"));
            labels.extend(
                values[..values.len() - 1]
                    .iter()
                    .enumerate()
                    .map(|(k, &v)| Label::new(q(f, v).span.clone(), format!("数值{}", k + 1))),
            );
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Proven,
                message: format!(
                    "“{}”项数不匹配：前列 {} 个对象，后列 {} 个数值",
                    &f.text[keyword.clone()],
                    subjects.len(),
                    values.len()
                ),
                help: format!(
                    "对象：{}；数值：{}",
                    subject_texts.join("、"),
                    value_texts.join("、")
                ),
                primary: Label::new(q(f, last).span.clone(), format!("数值{}", values.len())),
                labels,
            });
        }
        out
    }
}

/// `城乡…分别增长a、b、c`: the values against the members the word stands for.
fn implied_finding(
    f: &Facts,
    keyword: &std::ops::Range<usize>,
    word: &std::ops::Range<usize>,
    members: &[String],
    values: &[usize],
) -> Finding {
    let last = *values.last().expect("a list has values");
    let value_texts: Vec<&str> = values.iter().map(|&v| text(f, v)).collect();
    let n = members.len();
    Finding {
        suggestion: None,
        certainty: Certainty::Proven,
        message: format!(
            "“{}”项数不匹配：“{}”含 {n} 个对象，后列 {} 个数值",
            &f.text[keyword.clone()],
            &f.text[word.clone()],
            values.len()
        ),
        help: format!(
            "“{}”即 {}；数值：{}",
            &f.text[word.clone()],
            members.join("、"),
            value_texts.join("、")
        ),
        primary: Label::new(q(f, last).span.clone(), format!("数值{}", values.len())),
        labels: vec![
            Label::new(word.clone(), format!("{n} 个对象")),
            Label::new(keyword.clone(), "分别"),
        ],
    }
}

/// `由前三年分别上升a、b`: the values against the number of periods the text states.
fn periods_finding(
    f: &Facts,
    keyword: &std::ops::Range<usize>,
    phrase: &std::ops::Range<usize>,
    n: usize,
    values: &[usize],
) -> Finding {
    let last = *values.last().expect("a list has values");
    let value_texts: Vec<&str> = values.iter().map(|&v| text(f, v)).collect();
    Finding {
        suggestion: None,
        certainty: Certainty::Proven,
        message: format!(
            "“{}”项数不匹配：“{}”为 {n} 期，后列 {} 个数值",
            &f.text[keyword.clone()],
            &f.text[phrase.clone()],
            values.len()
        ),
        help: format!("数值：{}", value_texts.join("、")),
        primary: Label::new(q(f, last).span.clone(), format!("数值{}", values.len())),
        labels: vec![
            Label::new(phrase.clone(), format!("{n} 期")),
            Label::new(keyword.clone(), "分别"),
        ],
    }
}
