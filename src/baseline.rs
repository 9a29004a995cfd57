//! Baselines: the findings a project has accepted, so that only new ones fail CI.
//!
//! An entry is keyed by file, rule and a fingerprint of the text the finding quotes (the stated
//! figure and every labelled figure, white space removed), not by line numbers: editing
//! elsewhere in the draft does not revive a baselined finding, while changing one of its
//! figures does. An entry that no longer matches a finding is stale and is reported.
//!
//! Paths are stored relative to the folder of the baseline file, with `/` between parts, so
//! `drafts/a.txt`, `./drafts/a.txt`, an absolute path and `a.txt` typed from inside `drafts/`
//! all match the same entry. Entries written before this (paths as typed) still match a path
//! typed the same way.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::report::diagnostic::{Diagnostic, Report};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub code: String,
    pub fingerprint: String,
    /// For people reading the file; not part of the key.
    pub message: String,
}

/// FNV-1a, 64 bits: a fixed, documented hash, so fingerprints stay the same across builds
/// and platforms (the standard library's hasher makes no such promise).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The fingerprint of a finding: its rule and the text of every span it quotes.
pub fn fingerprint(d: &Diagnostic) -> String {
    let quote = |r: &std::ops::Range<usize>| -> String {
        d.excerpt
            .get(r.clone())
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let mut key = format!("{}\u{1f}{}", d.code, quote(&d.decoded));
    for l in &d.labels {
        key.push('\u{1f}');
        key.push_str(&quote(&l.decoded));
    }
    format!("{:016x}", fnv1a(key.as_bytes()))
}

impl Baseline {
    /// A baseline of every finding of `reports`, to be written to `file`.
    pub fn of(reports: &[Report], file: &Path) -> Baseline {
        let anchor = Anchor::of(file);
        let entries = reports
            .iter()
            .flat_map(|r| {
                let path = anchor.key(&r.path);
                r.diagnostics.iter().map(move |d| Entry {
                    path: path.clone(),
                    code: d.code.clone(),
                    fingerprint: fingerprint(d),
                    message: d.message.clone(),
                })
            })
            .collect();
        Baseline {
            version: 1,
            entries,
        }
    }

    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a hedui baseline: {e}", path.display()))
    }

    pub fn write(&self, path: &Path) -> Result<(), String> {
        let text = serde_json::to_string_pretty(self).expect("plain data serializes") + "\n";
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Removes baselined findings from `reports`, the baseline having been read from `file`;
    /// returns how many were removed and the entries that matched nothing (stale).
    pub fn apply(&self, reports: &mut [Report], file: &Path) -> (usize, Vec<Entry>) {
        let anchor = Anchor::of(file);
        let key =
            |path: &str, code: &str, fp: &str| (path.to_string(), code.to_string(), fp.to_string());
        let mut remaining: HashMap<(String, String, String), usize> = HashMap::new();
        for e in &self.entries {
            *remaining
                .entry(key(&e.path, &e.code, &e.fingerprint))
                .or_default() += 1;
        }
        let mut suppressed = 0;
        for r in reports.iter_mut() {
            let prints: Vec<String> = r.diagnostics.iter().map(fingerprint).collect();
            let mut keep = Vec::with_capacity(r.diagnostics.len());
            let path = anchor.key(&r.path);
            let typed = r.path.trim_start_matches("./");
            for (d, fp) in r.diagnostics.drain(..).zip(prints) {
                let matched = [path.as_str(), typed].into_iter().any(|p| {
                    match remaining.get_mut(&key(p, &d.code, &fp)) {
                        Some(n) if *n > 0 => {
                            *n -= 1;
                            true
                        }
                        _ => false,
                    }
                });
                if matched {
                    suppressed += 1;
                } else {
                    keep.push(d);
                }
            }
            r.diagnostics = keep;
        }
        let mut stale = Vec::new();
        for e in &self.entries {
            if let Some(n) = remaining.get_mut(&key(&e.path, &e.code, &e.fingerprint))
                && *n > 0
            {
                *n -= 1;
                stale.push(e.clone());
            }
        }
        (suppressed, stale)
    }
}

/// The folder of a baseline file, against which its paths are written.
struct Anchor {
    dir: Option<PathBuf>,
}

impl Anchor {
    fn of(file: &Path) -> Anchor {
        let dir = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Anchor {
            dir: std::fs::canonicalize(dir).ok(),
        }
    }

    /// `path` (as the user typed it) relative to the baseline's folder, or as typed when it
    /// cannot be resolved (standard input, a file gone).
    fn key(&self, path: &str) -> String {
        let (Some(dir), Ok(file)) = (&self.dir, std::fs::canonicalize(path)) else {
            return path.trim_start_matches("./").to_string();
        };
        relative(&file, dir)
    }
}

/// `file` from `dir`, both absolute and resolved: `drafts/a.txt`, `../other/b.txt`.
fn relative(file: &Path, dir: &Path) -> String {
    let f: Vec<Component> = file.components().collect();
    let d: Vec<Component> = dir.components().collect();
    let common = f.iter().zip(&d).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); d.len() - common];
    parts.extend(
        f[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Config, check_document};
    use crate::source::Document;

    fn report(text: &str) -> Report {
        check_document(&Document::from_text("draft.txt", text), &Config::default())
    }

    #[test]
    fn fingerprints_ignore_position_but_not_figures() {
        let a = report("全年受理案件39347件，审结35773件，结案率99.4%。\n");
        let moved = report("前言。\n\n全年受理案件39347件，审结35773件，结案率99.4%。\n");
        let changed = report("全年受理案件39347件，审结35773件，结案率99.5%。\n");
        let fp = |r: &Report| fingerprint(&r.diagnostics[0]);
        assert_eq!(fp(&a), fp(&moved));
        assert_ne!(fp(&a), fp(&changed));
    }

    #[test]
    fn baselined_findings_drop_and_stale_ones_show() {
        let file = Path::new("hedui-baseline.json");
        let base = Baseline::of(
            &[report("全年受理案件39347件，审结35773件，结案率99.4%。\n")],
            file,
        );
        let mut now = vec![report(
            "全年受理案件39347件，审结35773件，结案率99.4%。一审、二审、再审案件分别为56.8万件、145.5万件。\n",
        )];
        let (suppressed, stale) = base.apply(&mut now, file);
        assert_eq!((suppressed, stale.len()), (1, 0));
        assert_eq!(now[0].diagnostics.len(), 1);
        assert_eq!(now[0].diagnostics[0].code, "list-arity");
        let mut fixed = vec![report("全年受理案件36000件，审结35773件，结案率99.4%。\n")];
        let (suppressed, stale) = base.apply(&mut fixed, file);
        assert_eq!((suppressed, stale.len()), (0, 1));
    }
}
