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
