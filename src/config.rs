//! What to check with ([`Config`]), and `hedui.toml`: a project's settings, found in the current
//! directory or a parent.
//!
//! ```toml
//! extend = "../hedui.toml"          # start from another file; this one's keys win
//! select = ["rate", "growth"]       # rule ids or prefixes; default all
//! ignore = ["granularity-mismatch"]
//! rules = ["house-rules/"]          # extra rule directories, relative to this file
//! prior = "2023/report.txt"         # last year's report, for every file checked
//! pair-by-year = true               # or report-2024.txt against report-2023.txt
//!
//! [severity]                        # per-rule severity
//! repeat-mismatch = "warning"
//!
//! [per-file-ignores]                # globs relative to this file
//! "archive/**" = ["repeat-mismatch"]
//!
//! [rule-params.multiple-mismatch]   # parameters of a rule, merged over its own
//! doubling_tolerance = 0.1
//!
//! [lexicon]                         # measure words and fixed expressions, added
//! names.fixed = ["三项机制"]
//!
//! [[pair]]                          # a report and its prior one (`check --prior` for one run)
//! current = "2024/report.txt"
//! prior = "2023/report.txt"
//! ```
//!
//! Unknown keys are errors that name the key, so a typo never silently does nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use serde::Deserialize;

use crate::claim::Vocabulary;
use crate::lexicon::{Lexicon, LexiconFile};
use crate::rules::{RuleError, RuleSet, Severity};

pub const FILE_NAME: &str = "hedui.toml";

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
    pub per_file_ignores: Vec<FileIgnore>,
    /// Reports and their prior reports (`[[pair]]` of hedui.toml), as paths.
    pub pairs: Vec<(PathBuf, PathBuf)>,
    /// Hold each file against the one of the same name a year earlier.
    pub pair_by_year: bool,
    /// Last year's report for every file checked (`prior` of hedui.toml).
    pub prior: Option<PathBuf>,
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
            pairs: Vec::new(),
            pair_by_year: false,
            prior: None,
        })
    }

    /// The severity of an engine notice (`too-many-figures` …) on the file at `path`, or `None`
    /// when it is turned off there.
    pub(crate) fn notice(&self, id: &str, path: &Path) -> Option<Severity> {
        let rule = self.rules.get(id)?;
        self.enabled(id, path).then_some(rule.file.severity)
    }

    /// Whether rule `id` runs on the file at `path`: selected, not ignored, not turned off
    /// for the file. Ids match exactly or by prefix (`rate` selects `rate-mismatch`).
    pub(crate) fn enabled(&self, id: &str, path: &Path) -> bool {
        let matches = |p: &String| id.starts_with(p.as_str());
        (self.select.is_empty() || self.select.iter().any(matches))
            && !self.ignore.iter().any(matches)
            && !self
                .per_file_ignores
                .iter()
                .any(|f| f.rules.iter().any(matches) && f.matches(path))
    }
}

impl Config {
    /// Checks rule names given to `select`, `ignore` or `per-file-ignores` (`place` says
    /// where): each must be a rule id or the prefix of one (`rate`, `prior`), else the run
    /// would quietly check less than asked. The error names the closest rule.
    pub fn check_selectors(&self, place: &str, names: &[String]) -> Result<(), RuleError> {
        let ids = || self.rules.rules.iter().map(|r| r.file.id.as_str());
        for name in names {
            if name.is_empty() || ids().any(|id| id.starts_with(name.as_str())) {
                continue;
            }
            return Err(RuleError {
                origin: place.to_string(),
                message: crate::messages::unknown_rule("", name, closest(name, ids())),
            });
        }
        Ok(())
    }
}

pub use crate::rules::closest_id as closest;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    extend: Option<PathBuf>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    #[serde(default)]
    rules: Vec<PathBuf>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
    #[serde(default)]
    per_file_ignores: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    rule_params: BTreeMap<String, toml::Table>,
    lexicon: Option<LexiconFile>,
    #[serde(default)]
    pair: Vec<PairFile>,
    pair_by_year: Option<bool>,
    prior: Option<PathBuf>,
}

/// `[[pair]]`: a report and last year's report, relative to the settings file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PairFile {
    current: PathBuf,
    prior: PathBuf,
}

/// Rules a file pattern turns off.
#[derive(Debug, Clone)]
pub struct FileIgnore {
    pub matcher: GlobMatcher,
    /// Patterns are relative to this directory (the config file's).
    pub root: PathBuf,
    pub rules: Vec<String>,
}

impl FileIgnore {
    /// Whether `path` (as given on the command line) matches.
    pub fn matches(&self, path: &Path) -> bool {
        if self.matcher.is_match(lexical(path)) {
            return true;
        }
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(path))
                .unwrap_or_default()
        };
        lexical(&absolute)
            .strip_prefix(lexical(&self.root))
            .is_ok_and(|rel| self.matcher.is_match(rel))
    }
}

/// `path` without `.` and with `..` applied, without touching the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The nearest `hedui.toml` from `start` upwards.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

fn error(path: &Path, message: impl Into<String>) -> RuleError {
    RuleError {
        origin: path.display().to_string(),
        message: message.into(),
    }
}

/// Reads a config file and the files it extends, innermost last, with paths made absolute.
fn read_chain(path: &Path, depth: usize) -> Result<Vec<(PathBuf, ConfigFile)>, RuleError> {
    if depth > 16 {
        return Err(error(path, crate::messages::extend_too_deep()));
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| error(path, crate::messages::io_reason(&e)))?;
    let file: ConfigFile = toml::from_str(&text)
        .map_err(|e| error(path, crate::messages::invalid_settings(&e.to_string())))?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut chain = match &file.extend {
        Some(base) => read_chain(&dir.join(base), depth + 1)?,
        None => Vec::new(),
    };
    chain.push((dir, file));
    Ok(chain)
}

impl Config {
    /// The configuration of a `hedui.toml` (and the files it extends), plus `cli_rule_dirs`.
    pub fn from_file(path: &Path, cli_rule_dirs: &[PathBuf]) -> Result<Config, RuleError> {
        let chain = read_chain(path, 0)?;
        let mut rule_dirs: Vec<PathBuf> = Vec::new();
        for (dir, file) in &chain {
            rule_dirs.extend(file.rules.iter().map(|r| dir.join(r)));
        }
        rule_dirs.extend(cli_rule_dirs.iter().cloned());
        let mut config = Config::with_rule_dirs(&rule_dirs)?;
        let mut lexicon_extra: Option<LexiconFile> = None;
        // Rule names are checked once every rule directory is in.
        let mut selectors: Vec<(String, Vec<String>)> = Vec::new();
        for (dir, file) in chain {
            let origin = dir.join(FILE_NAME);
            let at = |key: &str| format!("{}: {key}", origin.display());
            for (key, names) in [("select", &file.select), ("ignore", &file.ignore)] {
                if let Some(names) = names {
                    selectors.push((at(key), names.clone()));
                }
            }
            for (pattern, names) in &file.per_file_ignores {
                selectors.push((
                    at(&format!("per-file-ignores.\"{pattern}\"")),
                    names.clone(),
                ));
            }
            if let Some(s) = file.select {
                config.select = s;
            }
            if let Some(i) = file.ignore {
                config.ignore = i;
            }
            for (id, severity) in &file.severity {
                config
                    .rules
                    .set_severity(id, *severity, &origin.display().to_string())?;
            }
            for (id, params) in &file.rule_params {
                config
                    .rules
                    .set_params(id, params, &origin.display().to_string())?;
            }
            for (pattern, rules) in file.per_file_ignores {
                let glob = Glob::new(&pattern)
                    .map_err(|e| error(&origin, format!("per-file-ignores: {e}")))?;
                config.per_file_ignores.push(FileIgnore {
                    matcher: glob.compile_matcher(),
                    root: dir.clone(),
                    rules,
                });
            }
            for p in file.pair {
                config.pairs.push((dir.join(p.current), dir.join(p.prior)));
            }
            if let Some(b) = file.pair_by_year {
                config.pair_by_year = b;
            }
            if let Some(p) = file.prior {
                config.prior = Some(dir.join(p));
            }
            if let Some(extra) = file.lexicon {
                lexicon_extra = Some(extra);
            }
        }
        if lexicon_extra.is_some() {
            config.lexicon = Lexicon::with_dirs_and(&rule_dirs, lexicon_extra)?;
        }
        for (place, names) in selectors {
            config.check_selectors(&place, &names)?;
        }
        Ok(config)
    }
}

/// The commented starter file `hedui init` writes.
pub const STARTER: &str = r#"# hedui settings for this project. Every key is optional; unknown keys are errors.
# Docs: `hedui rules` lists the rule ids, `hedui explain ID` explains one.
# Uncomment a line to use it; keys before the first [table] must stay above it.

# Rule ids or prefixes to run (default: all), and to leave out.
# select = ["rate", "growth", "sum"]
# ignore = ["granularity-mismatch"]

# Directories with rule files of your own, `lexicon.toml` and `claims.toml`, relative to this file.
# rules = ["house-rules/"]

# Start from another settings file; keys here win.
# extend = "../hedui.toml"

# Last year's report, to check year-on-year changes against (prior-growth-mismatch):
# one report for every file checked, relative to this file,
# prior = "2023/report.txt"
# or by the year in file names (report-2024.txt against report-2023.txt among the files checked).
# pair-by-year = true

[severity]
# repeat-mismatch = "warning"

[per-file-ignores]
# "archive/**" = ["repeat-mismatch"]

[rule-params.multiple-mismatch]
# How far 翻一番 may be from an exact doubling.
# doubling_tolerance = 0.05

[lexicon]
# Words hedui should know: measure words and fixed expressions whose numerals count nothing.
# units.count = ["把"]
# names.fixed = ["三项机制"]

# Or name the reports and their prior reports pair by pair, relative to this file.
# [[pair]]
# current = "2024/report.txt"
# prior = "2023/report.txt"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_file_is_a_valid_config() {
        let parsed: ConfigFile = toml::from_str(STARTER).unwrap();
        assert!(parsed.select.is_none());
    }

    #[test]
    fn unknown_keys_are_named() {
        let err = toml::from_str::<ConfigFile>("selekt = [\"rate\"]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("selekt"), "{err}");
        let err = toml::from_str::<ConfigFile>("[severity]\nrate-mismatch = \"fatal\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("fatal"), "{err}");
    }
}
