//! Checking a document: the whole pipeline from text to located diagnostics.

use std::path::Path;

use crate::claim;
use crate::layout::{Layout, SentenceRef};
use crate::number;
use crate::prior::Earlier;
use crate::report::diagnostic::{Diagnostic, Report};
use crate::rules::notice_codes::{PRIOR_GROWTH_MISMATCH, PRIOR_RESTATEMENT_MISMATCH};
use crate::source::Document;
use crate::span::Span;
use crate::suppress;

// At their old paths too, for library users.
pub use crate::config::Config;
pub use crate::rules::notice_codes::{FIGURE_OUT_OF_RANGE, TOO_MANY_FIGURES, UNUSED_SUPPRESSION};

/// The test hooks of the guards around a check: `HEDUI_FORCE_PANIC=NAME` makes checking a
/// file whose name ends with NAME panic, and `HEDUI_FORCE_DELAY=NAME:MS` makes it take MS
/// milliseconds longer, so tests can show that one file never takes a run or a server down
/// and that a check's time limit holds. Read once; nothing happens when they are unset.
pub fn forced_failure(name: &str) {
    type Hooks = (Option<String>, Option<(String, u64)>);
    static HOOKS: std::sync::OnceLock<Hooks> = std::sync::OnceLock::new();
    let (panic_on, delay) = HOOKS.get_or_init(|| {
        let panic_on = std::env::var("HEDUI_FORCE_PANIC")
            .ok()
            .filter(|t| !t.is_empty());
        let delay = std::env::var("HEDUI_FORCE_DELAY").ok().and_then(|v| {
            let (target, ms) = v.rsplit_once(':')?;
            Some((target.to_string(), ms.parse().ok()?)).filter(|(t, _)| !t.is_empty())
        });
        (panic_on, delay)
    });
    if let Some((target, ms)) = delay
        && name.ends_with(target.as_str())
    {
        std::thread::sleep(std::time::Duration::from_millis(*ms));
    }
    if let Some(t) = panic_on
        && name.ends_with(t.as_str())
    {
        panic!("HEDUI_FORCE_PANIC on {name}");
    }
}

/// Checks text given as a string (the library entry point for rule authors and tests).
pub fn check_text(text: &str, config: &Config) -> Report {
    check_document(&Document::from_text("<text>", text), config)
}

/// How much text is read for claims at a time. A report (well under 1 MiB) is one run, so
/// figures anywhere in it are compared; a larger file is checked run by run, each ending at a
/// sentence end, in memory proportional to a run rather than to the file.
pub const RUN_BYTES: usize = 1 << 20;

/// Checks a decoded document.
pub fn check_document(doc: &Document, config: &Config) -> Report {
    check_against(doc, &[], config)
}

/// Checks a decoded document, and its changes against earlier reports when some are given:
/// year-on-year changes and restatements against last year's (1 year back), annual rates over
/// N years against the report N years back.
pub fn check_against(doc: &Document, earlier: &Earlier, config: &Config) -> Report {
    let prose = doc.prose();
    let layout = Layout::with_mode(&prose, doc.line_mode());
    let path = doc.path();
    let mut diagnostics = Vec::new();
    // Read once per document, and only against earlier reports.
    let revision = (!earlier.is_empty()).then(|| crate::prior::revision(config, &layout.text));
    for run in layout.sentence_runs(RUN_BYTES) {
        check_run(
            doc,
            &layout,
            &run,
            (earlier, revision),
            config,
            &path,
            &mut diagnostics,
        );
    }
    let diagnostics = apply_directives(doc, config, &path, diagnostics);
    Report::new(doc, diagnostics)
}

/// Scans a run of sentences, reads their claims and checks them.
fn check_run(
    doc: &Document,
    layout: &Layout,
    run: &[SentenceRef],
    (earlier, revision): (&Earlier, Option<crate::prior::Revision>),
    config: &Config,
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let layout_text = layout.text.as_str();
    let scan = number::scan_sentences(
        layout_text,
        run,
        &config.lexicon,
        claim::MAX_FIGURES_PER_SENTENCE,
    );
    let facts = claim::extract(layout, run, &scan, &config.vocabulary, &config.lexicon);
    if let Some(revision) = revision {
        let growth = config.notice(PRIOR_GROWTH_MISMATCH, path);
        crate::prior::check(
            doc,
            layout,
            &facts,
            earlier,
            (growth, revision),
            diagnostics,
        );
        let last_year: Vec<&crate::prior::Prior> = earlier
            .iter()
            .filter(|(back, _)| *back == 1)
            .map(|&(_, p)| p)
            .collect();
        if let Some(severity) = config.notice(PRIOR_RESTATEMENT_MISMATCH, path) {
            crate::prior::check_restatements(
                doc,
                layout,
                &facts,
                &last_year,
                &config.vocabulary,
                severity,
                diagnostics,
            );
        }
    }
    for rule in config
        .rules
        .rules
        .iter()
        .filter(|r| config.enabled(&r.file.id, path))
    {
        for proposed in rule.check.propose(&facts) {
            diagnostics.push(Diagnostic::new(doc, layout, &rule.file, proposed));
        }
    }
    if let Some(severity) = config.notice(TOO_MANY_FIGURES, path) {
        for (first, count) in &facts.skipped {
            diagnostics.push(Diagnostic {
                code: TOO_MANY_FIGURES.to_string(),
                severity,
                message: format!(
                    "此句含 {count} 个数字，多于 {} 个，未检查其中的数量关系",
                    claim::MAX_FIGURES_PER_SENTENCE
                ),
                help: "这通常是表格或数据块；把表格拆成带标点的句子或 Markdown 表格即可检查".into(),
                span: Span::locate(doc, layout, first.clone()),
                labels: Vec::new(),
                primary_label: "句中第一个数字".into(),
                decoded: layout.decoded_range(first.clone()),
                excerpt: Default::default(),
                related: Vec::new(),
                suggestion: None,
            });
        }
    }
    if let Some(severity) = config.notice(FIGURE_OUT_OF_RANGE, path) {
        for r in &scan.out_of_range {
            diagnostics.push(Diagnostic {
                code: FIGURE_OUT_OF_RANGE.to_string(),
                severity,
                message: format!(
                    "数字“{}”超出可精确计算的范围，未参与核对",
                    crate::report::abridged(&layout_text[r.clone()])
                ),
                help: "hedui 精确计算至多 28 位有效数字（小于 10^28、小数不超过 28 位）；\
                       这么大的数多半是笔误，如多写了“亿”或数字"
                    .into(),
                span: Span::locate(doc, layout, r.clone()),
                labels: Vec::new(),
                primary_label: "超出范围的数字".into(),
                decoded: layout.decoded_range(r.clone()),
                excerpt: Default::default(),
                related: Vec::new(),
                suggestion: None,
            });
        }
    }
}

/// Drops the findings that suppression directives cover and reports the directives that
/// covered nothing.
fn apply_directives(
    doc: &Document,
    config: &Config,
    path: &Path,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let directives = suppress::directives(&doc.text);
    if directives.is_empty() {
        return diagnostics;
    }
    let findings: Vec<(&str, usize)> = diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.span.line))
        .collect();
    let (suppressed, unused) = suppress::apply(&doc.text, &directives, &findings);
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .zip(suppressed)
        .filter_map(|(d, s)| (!s).then_some(d))
        .collect();
    if let Some(severity) = config.notice(UNUSED_SUPPRESSION, path) {
        for k in unused {
            let d = &directives[k];
            let span = Span::of_decoded(doc, d.range.clone());
            let what = if d.codes.is_empty() {
                "所有规则".to_string()
            } else {
                d.codes.join("、")
            };
            kept.push(Diagnostic {
                code: UNUSED_SUPPRESSION.to_string(),
                severity,
                message: format!("抑制指令未起作用：其后没有 {what} 的问题"),
                help: "删除这条指令，或核对规则名称与位置（hedui-disable-next-line 作用于下一行有文字的行）".into(),
                span,
                labels: Vec::new(),
                primary_label: "未用到的抑制指令".into(),
                decoded: d.range.clone(),
                excerpt: Default::default(),
                related: Vec::new(),
                suggestion: None,
            });
        }
    }
    kept
}
