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
    /// Rules turned off for files matching a pattern.
    pub per_file_ignores: Vec<crate::config::FileIgnore>,
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
            per_file_ignores: Vec::new(),
        })
    }

    /// Whether rule `id` runs on the file at `path`: selected, not ignored, not turned off
    /// for the file. Ids match exactly or by prefix (`rate` selects `rate-mismatch`).
    fn enabled(&self, id: &str, path: &Path) -> bool {
        let matches = |p: &String| id.starts_with(p.as_str());
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
            && !self
                .per_file_ignores
                .iter()
                .any(|f| f.rules.iter().any(matches) && f.matches(path))
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
    let path = doc.path();
    for rule in config
        .rules
        .rules
        .iter()
        .filter(|r| config.enabled(&r.file.id, &path))
    {
        for finding in rule.check.check(&facts) {
            diagnostics.push(Diagnostic::new(doc, &layout, &rule.file, finding));
        }
    }
    Report::new(doc, diagnostics)
}
