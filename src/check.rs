//! Checking a document: the whole pipeline from text to located diagnostics.

use std::path::Path;

use crate::claim::{self, Vocabulary};
use crate::layout::Layout;
use crate::lexicon::Lexicon;
use crate::number;
use crate::report::diagnostic::{Diagnostic, Report};
use crate::rules::{RuleError, RuleSet};
use crate::source::Document;

/// What to check with: rules, the words they read, and which rules are on.
#[derive(Debug)]
pub struct Config {
    pub rules: RuleSet,
    pub lexicon: Lexicon,
    pub vocabulary: Vocabulary,
    /// Rule ids or id prefixes to run; empty runs all.
    pub select: Vec<String>,
    /// Rule ids or id prefixes not to run.
    pub ignore: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config::with_rule_dirs::<&Path>(&[]).expect("built-in rules and words compile (tested)")
    }
}

impl Config {
    /// The built-in rules and words plus those of each directory.
    pub fn with_rule_dirs<P: AsRef<Path>>(dirs: &[P]) -> Result<Config, RuleError> {
        Ok(Config {
            rules: RuleSet::with_dirs(dirs)?,
            lexicon: Lexicon::with_dirs(dirs)?,
            vocabulary: Vocabulary::with_dirs(dirs)?,
            select: Vec::new(),
            ignore: Vec::new(),
        })
    }

    fn enabled(&self, id: &str) -> bool {
        let matches =
            |p: &String| id == p || id.starts_with(&format!("{p}-")) || id.starts_with(p.as_str());
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
    }
}

/// Checks text given as a string (the library entry point for rule authors and tests).
pub fn check_text(text: &str, config: &Config) -> Report {
    check_document(&Document::from_text("<text>", text), config)
}

/// Checks a decoded document.
pub fn check_document(doc: &Document, config: &Config) -> Report {
    let layout = Layout::with_mode(&doc.text, doc.line_mode());
    let quantities = number::scan(&layout, &config.lexicon);
    let facts = claim::extract(&layout, &quantities, &config.vocabulary);
    let mut diagnostics = Vec::new();
    for rule in config
        .rules
        .rules
        .iter()
        .filter(|r| config.enabled(&r.file.id))
    {
        for finding in rule.check.check(&facts) {
            diagnostics.push(Diagnostic::new(doc, &layout, &rule.file, finding));
        }
    }
    Report::new(doc, diagnostics)
}
