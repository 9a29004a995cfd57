//! `hedui rules` and `hedui explain RULE`.

use super::{ExplainArgs, Outcome, RulesArgs, TableOrJson, print, report_error};
use crate::rules::RuleSet;

fn load(dirs: &[std::path::PathBuf]) -> Option<RuleSet> {
    match RuleSet::with_dirs(dirs) {
        Ok(r) => Some(r),
        Err(e) => {
            report_error(e);
            None
        }
    }
}

pub fn list(args: &RulesArgs) -> Outcome {
    let Some(set) = load(&args.rules) else {
        return Outcome::Error;
    };
    match args.format {
        TableOrJson::Json => {
            let files: Vec<_> = set.rules.iter().map(|r| &r.file).collect();
            print(&(serde_json::to_string_pretty(&files).expect("JSON") + "\n"));
        }
        TableOrJson::Table => {
            let width = set.rules.iter().map(|r| r.file.id.len()).max().unwrap_or(0);
            let kinds = set
                .rules
                .iter()
                .map(|r| r.file.kind.len())
                .max()
                .unwrap_or(0);
            let mut out = String::new();
            for r in &set.rules {
                out.push_str(&format!(
                    "{:<width$}  {:<kinds$}  {:<8}  {}\n",
                    r.file.id,
                    r.file.kind,
                    r.file.severity.as_str(),
                    r.file.summary
                ));
            }
            print(&out);
        }
    }
    Outcome::Clean
}

pub fn explain(args: &ExplainArgs) -> Outcome {
    let Some(set) = load(&args.rules) else {
        return Outcome::Error;
    };
    let Some(rule) = set.get(&args.rule) else {
        let ids: Vec<&str> = set.rules.iter().map(|r| r.file.id.as_str()).collect();
        let closest = crate::rules::closest_id(&args.rule, ids.iter().copied());
        eprintln!(
            "{}",
            crate::messages::no_such_rule(&args.rule, closest, &ids.join(", "))
        );
        return Outcome::Error;
    };
    let f = &rule.file;
    let mut out = format!(
        "{} ({}, 默认 {})\n\n{}\n\n{}\n",
        f.id,
        f.kind,
        f.severity.as_str(),
        f.summary,
        f.explanation.trim()
    );
    out.push_str(&tables(&f.kind, &f.params, &args.rules));
    for (heading, examples) in [
        ("会报告", &f.examples.fire),
        ("不会报告", &f.examples.silent),
    ] {
        if examples.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{heading}：\n"));
        for e in examples {
            out.push_str(&format!("    {}\n", e.replace('\n', "\n    ")));
        }
    }
    if rule.origin != "built-in" {
        out.push_str(&format!("\n来自 {}\n", rule.origin));
    }
    print(&out);
    Outcome::Clean
}

/// The names of a parameter's word list, joined with `、`.
fn names(v: Option<&toml::Value>) -> String {
    v.and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(toml::Value::as_str)
                .collect::<Vec<_>>()
                .join("、")
        })
        .unwrap_or_default()
}

/// A partition as a reader writes it: `人身险（人身保险）、财产险（财产保险）`.
fn partition(p: &str) -> String {
    p.split('|')
        .map(|member| {
            let (member, optional) = match member.strip_suffix('?') {
                Some(m) => (m, "（可不列）"),
                None => (member, ""),
            };
            let mut spellings = member.split('/');
            let first = spellings.next().unwrap_or_default();
            let others: Vec<&str> = spellings.collect();
            if others.is_empty() {
                format!("{first}{optional}")
            } else {
                format!("{first}（{}）{optional}", others.join("、"))
            }
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// The tables a rule's text refers to: the rate definitions of a ratio rule, the differences of
/// a difference rule, the known partitions of a sum or composition rule.
fn tables(kind: &str, params: &toml::Table, dirs: &[std::path::PathBuf]) -> String {
    let vocab = match crate::claim::Vocabulary::with_dirs(dirs) {
        Ok(v) => v,
        Err(_) => crate::claim::Vocabulary::builtin().clone(),
    };
    let mut out = String::new();
    match kind {
        "ratio" => {
            out.push_str("\n比率定义（比率 = 分子称谓 ÷ 分母称谓）：\n");
            for rate in params
                .get("rates")
                .and_then(toml::Value::as_array)
                .into_iter()
                .flatten()
            {
                let name = rate.get("name").and_then(toml::Value::as_str).unwrap_or("");
                out.push_str(&format!(
                    "    {name} = {} ÷ {}\n",
                    names(rate.get("numerator")),
                    names(rate.get("denominator"))
                ));
            }
            out.push_str("按名称在本句或前三句中查找分子、分母的比率：\n");
            for d in vocab.rate.definitions.iter() {
                out.push_str(&format!(
                    "    {}\n",
                    d.replace(" / ", " ÷ ").replace(", ", "、")
                ));
            }
        }
        "difference" => {
            out.push_str("\n差值定义：\n");
            for d in vocab.rate.differences.iter() {
                out.push_str(&format!("    {}\n", d.replace(" - ", " − ")));
            }
        }
        "sum" | "composition" => {
            out.push_str("\n已知分类（分项恰为其中一行的全部类别时即为整体）：\n");
            for p in vocab.whole.partitions.iter() {
                out.push_str(&format!("    {}\n", partition(p)));
            }
            for p in vocab.whole.table_partitions.iter() {
                out.push_str(&format!("    {}（仅表格）\n", partition(p)));
            }
        }
        _ => {}
    }
    out
}
