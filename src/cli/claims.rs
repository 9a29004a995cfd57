//! `hedui claims FILE`: the claims hedui reads, for rule authors.

use super::{ClaimsArgs, Outcome, TableOrJson, load_config, print, read_document};
use crate::claim;
use crate::layout::Layout;
use crate::number;
use crate::prior::{self, Prior};
use crate::report::{claims, claims_tree};

pub fn run(claims_args: &ClaimsArgs) -> Outcome {
    let args = &claims_args.common;
    let Some(config) = load_config(&args.settings, &args.rules) else {
        return Outcome::Error;
    };
    let Some(doc) = read_document(&args.file) else {
        return Outcome::Error;
    };
    let prose = doc.prose();
    let layout = Layout::with_mode(&prose, doc.line_mode());
    let sentences = layout.all_sentences();
    let scan = number::scan_sentences(
        &layout.text,
        &sentences,
        &config.lexicon,
        claim::MAX_FIGURES_PER_SENTENCE,
    );
    let facts = claim::extract(
        &layout,
        &sentences,
        &scan,
        &config.vocabulary,
        &config.lexicon,
    );
    let mut priors = Vec::new();
    for path in &claims_args.prior {
        match read_document(path) {
            Some(prior) => priors.push(Prior::new(prior, &config)),
            None => return Outcome::Error,
        }
    }
    let earlier: Vec<(u32, &Prior)> = priors.iter().map(|p| (1, p)).collect();
    let comparisons = prior::compare(&facts, &earlier, prior::revision(&config, &layout.text));
    match args.format {
        TableOrJson::Json => {
            let mut json = claims::to_json(&doc, &layout, &facts);
            if !priors.is_empty() {
                json["against_prior"] = comparisons_json(&doc, &layout, &facts, &comparisons);
            }
            let text = if claims_args.tree {
                serde_json::to_string_pretty(&claims_tree::WithSentences {
                    claims: json,
                    sentences: claims_tree::to_json(&doc, &layout, &facts, &sentences),
                })
            } else {
                serde_json::to_string_pretty(&json)
            };
            print(&(text.expect("JSON") + "\n"));
        }
        TableOrJson::Table => {
            let mut out = if claims_args.tree {
                claims_tree::to_table(&doc, &layout, &facts, &sentences)
            } else {
                claims::to_table(&doc, &layout, &facts)
            };
            if !priors.is_empty() {
                let names: Vec<&str> = priors.iter().map(Prior::name).collect();
                out.push_str(&comparisons_table(&facts, &names, &comparisons));
            }
            print(&out);
        }
    }
    Outcome::Clean
}

fn comparisons_table(
    facts: &claim::Facts,
    names: &[&str],
    comparisons: &[prior::Comparison],
) -> String {
    let t = |i: usize| &facts.text[facts.quantities[i].span.clone()];
    let mut out = format!("\nagainst {}:\n", names.join(", "));
    for c in comparisons {
        let line = match (c.report, c.prior, &c.computed, c.consistent) {
            (Some(report), Some(p), None, Some(ok)) if c.same_year.is_some() => format!(
                "{}{} ← {} is {} of the same year: it states {} {}",
                &facts.text[c.word.clone()],
                t(c.stated),
                t(c.value),
                prior::describe(report, p),
                c.same_year
                    .map(|(q, _)| report.text_of(q).to_string())
                    .unwrap_or_default(),
                if ok { "consistent" } else { "MISMATCH" }
            ),
            (Some(report), Some(p), Some(computed), Some(ok)) => format!(
                "{}{} ← {} from {}: {} {}{}",
                &facts.text[c.word.clone()],
                t(c.stated),
                t(c.value),
                prior::describe(report, p),
                crate::rules::verdict::show_computed(computed, 2, "%"),
                match (ok, c.revised) {
                    (true, _) => "consistent",
                    (false, true) => "MISMATCH (revision explains)",
                    (false, false) => "MISMATCH",
                },
                c.keys
                    .as_ref()
                    .map_or(String::new(), |(a, b)| format!(" [metric {a} = {b}]")),
            ),
            _ => format!(
                "{}{} ← {}: not compared ({})",
                &facts.text[c.word.clone()],
                t(c.stated),
                t(c.value),
                c.note
            ),
        };
        out.push_str(&format!("    {line}\n"));
    }
    let matched = comparisons.iter().filter(|c| c.prior.is_some()).count();
    out.push_str(&format!(
        "{} year-on-year changes, {matched} matched to a prior figure, {} inconsistent\n",
        comparisons.len(),
        comparisons
            .iter()
            .filter(|c| c.consistent == Some(false))
            .count()
    ));
    out
}

fn comparisons_json(
    doc: &crate::source::Document,
    layout: &Layout,
    facts: &claim::Facts,
    comparisons: &[prior::Comparison],
) -> serde_json::Value {
    let t = |i: usize| facts.text[facts.quantities[i].span.clone()].to_string();
    let at = |i: usize| crate::span::Span::locate(doc, layout, facts.quantities[i].span.clone());
    serde_json::Value::Array(
        comparisons
            .iter()
            .map(|c| {
                serde_json::json!({
                    "stated": t(c.stated),
                    "span": at(c.stated),
                    "value": t(c.value),
                    "prior": c.report.zip(c.prior).map(|(r, p)| prior::describe(r, p)),
                    "prior_span": c.report.zip(c.prior).map(|(r, p)| prior::locate(r, p)),
                    "prior_file": c.report.map(Prior::name),
                    "consistent": c.consistent,
                    "note": c.note,
                    "metric": c.keys.as_ref().map(|k| &k.0),
                    "prior_metric": c.keys.as_ref().map(|k| &k.1),
                    "revision_percent": c.revision.and_then(|r| {
                        let (lo, hi) = r.ends()?;
                        Some([lo.round_dp(2).normalize().to_string(),
                              hi.round_dp(2).normalize().to_string()])
                    }),
                    "revised": c.revised,
                    "same_year_change": c.report.zip(c.same_year)
                        .map(|(r, (q, _))| r.text_of(q).to_string()),
                })
            })
            .collect(),
    )
}
