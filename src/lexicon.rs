//! The word lists that the number grammar consults, kept as data in `rules/lexicon.toml`.
//!
//! The built-in file is compiled into the binary; a `lexicon.toml` in a user's rule directory
//! adds to it. Lookups happen once per candidate number, never per character, and the fixed
//! expressions are one Aho-Corasick automaton built when the lexicon is.

use std::path::Path;
use std::sync::OnceLock;

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Maps keyed by a character. They are looked up at every candidate number, several times
/// each, and SipHash cost more than the lookups themselves; a character needs no protection
/// from crafted collisions, so one multiplication hashes it.
type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<CharHasher>>;

#[derive(Default)]
struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        // Fibonacci hashing: the table takes its buckets and tags from the high bits, which the
        // multiplication fills from every bit of the key.
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

use serde::Deserialize;

const BUILTIN: &str = include_str!("../rules/lexicon.toml");

/// What a measure word measures; decides the quantity's kind and whether an integer is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    Count,
    Currency,
    Measure,
    Duration,
}

/// The contents of a `lexicon.toml` (or a `[lexicon]` table of `hedui.toml`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    #[serde(default)]
    units: UnitsFile,
    #[serde(default)]
    names: NamesFile,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    #[serde(default)]
    count: Vec<String>,
    #[serde(default)]
    currency: Vec<String>,
    #[serde(default)]
    measure: Vec<String>,
    #[serde(default)]
    duration: Vec<String>,
    #[serde(default)]
    not_units: Vec<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    #[serde(default)]
    suffixes: Vec<String>,
    #[serde(default)]
    fixed: Vec<String>,
    #[serde(default)]
    phone_words: Vec<String>,
}

/// The file `name` of each directory that has one, parsed: how rule directories add words.
pub fn read_in_dirs<T: serde::de::DeserializeOwned>(
    dirs: &[impl AsRef<Path>],
    name: &str,
) -> Result<Vec<T>, LexiconError> {
    let mut out = Vec::new();
    for dir in dirs {
        let path = dir.as_ref().join(name);
        if !path.exists() {
            continue;
        }
        let error = |message: String| LexiconError {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| error(e.to_string()))?;
        out.push(toml::from_str(&text).map_err(|e| error(e.to_string()))?);
    }
    Ok(out)
}

/// The compiled lexicon. Word lists are indexed by character so that a lookup at a candidate
/// number compares only the few words that can match there.
#[derive(Debug)]
pub struct Lexicon {
    /// Measure words by first character, longest first so the first match is the longest.
    units: HashMap<char, Vec<(String, UnitClass)>>,
    not_units: Vec<String>,
    name_suffixes: HashMap<char, Vec<String>>,
    phone_words: Vec<String>,
    /// Fixed expressions by each character they contain, with that character's byte offset.
    fixed: HashMap<char, Vec<(String, usize)>>,
    fixed_count: usize,
}

fn by_first_char<T>(items: Vec<T>, word: impl Fn(&T) -> &str) -> HashMap<char, Vec<T>> {
    let mut map: HashMap<char, Vec<T>> = HashMap::default();
    for item in items {
        if let Some(c) = word(&item).chars().next() {
            map.entry(c).or_default().push(item);
        }
    }
    map
}

/// A lexicon file that could not be used.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{path}: invalid lexicon: {message}")]
#[diagnostic(code(hedui::lexicon))]
pub struct LexiconError {
    pub path: String,
    pub message: String,
}

impl Lexicon {
    /// The built-in lexicon, parsed once per process.
    pub fn builtin() -> &'static Lexicon {
        static BUILT: OnceLock<Lexicon> = OnceLock::new();
        BUILT.get_or_init(|| {
            let file = toml::from_str(BUILTIN).expect("rules/lexicon.toml is valid (tested)");
            Lexicon::compile(vec![file])
        })
    }

    /// The built-in lexicon plus the `lexicon.toml` of each directory that has one.
    pub fn with_dirs(dirs: &[impl AsRef<Path>]) -> Result<Lexicon, LexiconError> {
        Self::with_dirs_and(dirs, None)
    }

    /// The built-in lexicon, each directory's `lexicon.toml`, and inline additions.
    pub fn with_dirs_and(
        dirs: &[impl AsRef<Path>],
        extra: Option<LexiconFile>,
    ) -> Result<Lexicon, LexiconError> {
        let mut files =
            vec![toml::from_str(BUILTIN).expect("rules/lexicon.toml is valid (tested)")];
        files.extend(read_in_dirs::<LexiconFile>(dirs, "lexicon.toml")?);
        files.extend(extra);
        Ok(Lexicon::compile(files))
    }

    fn compile(files: Vec<LexiconFile>) -> Lexicon {
        let mut units = Vec::new();
        let mut name_suffixes = Vec::new();
        let mut phone_words = Vec::new();
        let mut fixed = Vec::new();
        let mut not_units = Vec::new();
        for f in files {
            not_units.extend(f.units.not_units);
            for (words, class) in [
                (f.units.count, UnitClass::Count),
                (f.units.currency, UnitClass::Currency),
                (f.units.measure, UnitClass::Measure),
                (f.units.duration, UnitClass::Duration),
            ] {
                units.extend(
                    words
                        .into_iter()
                        .filter(|w| !w.is_empty())
                        .map(|w| (w, class)),
                );
            }
            name_suffixes.extend(f.names.suffixes);
            phone_words.extend(f.names.phone_words);
            fixed.extend(f.names.fixed);
        }
        units.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        units.dedup_by(|a, b| a.0 == b.0);
        name_suffixes.retain(|w| !w.is_empty());
        name_suffixes.sort_by_key(|w| std::cmp::Reverse(w.len()));
        fixed.retain(|w| !w.is_empty());
        fixed.sort();
        fixed.dedup();
        let fixed_count = fixed.len();
        let mut fixed_index: HashMap<char, Vec<(String, usize)>> = HashMap::default();
        for w in &fixed {
            for (offset, c) in w.char_indices() {
                fixed_index.entry(c).or_default().push((w.clone(), offset));
            }
        }
        for list in fixed_index.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Lexicon {
            units: by_first_char(units, |(w, _)| w),
            not_units,
            name_suffixes: by_first_char(name_suffixes, |w| w),
            phone_words,
            fixed: fixed_index,
            fixed_count,
        }
    }

    /// The longest measure word at the start of `rest`.
    pub fn unit_at<'a>(&'a self, rest: &str) -> Option<(&'a str, UnitClass)> {
        let candidates = self.units.get(&rest.chars().next()?)?;
        if self.not_units.iter().any(|w| rest.starts_with(w.as_str())) {
            return None;
        }
        candidates
            .iter()
            .find(|(w, _)| rest.starts_with(w.as_str()))
            .map(|(w, c)| (w.as_str(), *c))
    }

    /// The name suffix (届, 中全会, 号文件 …) at the start of `rest`.
    pub fn name_suffix_at(&self, rest: &str) -> Option<&str> {
        self.name_suffixes
            .get(&rest.chars().next()?)?
            .iter()
            .find(|w| rest.starts_with(w.as_str()))
            .map(String::as_str)
    }

    pub fn mentions_phone(&self, text: &str) -> bool {
        self.phone_words.iter().any(|w| text.contains(w.as_str()))
    }

    /// Whether a phone word (热线, 报警, 急救 …) opens `rest`: `120急救`, `12345热线`.
    pub fn phone_word_at(&self, rest: &str) -> bool {
        self.phone_words
            .iter()
            .any(|w| rest.starts_with(w.as_str()))
    }

    /// The fixed expression of `text` that covers the character at byte `at`, if any.
    pub fn fixed_expression_at(&self, text: &str, at: usize) -> Option<std::ops::Range<usize>> {
        let c = text[at..].chars().next()?;
        self.fixed.get(&c)?.iter().find_map(|(w, offset)| {
            let start = at.checked_sub(*offset)?;
            text.get(start..)?
                .starts_with(w.as_str())
                .then(|| start..start + w.len())
        })
    }

    pub fn fixed_count(&self) -> usize {
        self.fixed_count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_prefers_longest_units() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.unit_at("人次，"), Some(("人次", UnitClass::Count)));
        assert_eq!(
            lex.unit_at("平方米的"),
            Some(("平方米", UnitClass::Measure))
        );
        assert_eq!(lex.unit_at("个月内"), Some(("个月", UnitClass::Duration)));
        assert_eq!(lex.unit_at("亿元"), None);
        assert_eq!(lex.name_suffix_at("号文件”"), Some("号文件"));
        assert!(lex.fixed_count() > 50);
    }

    #[test]
    fn user_directory_extends() {
        let dir = std::env::temp_dir().join(format!("hedui-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("lexicon.toml"),
            "[units]\ncount = [\"把\"]\n[names]\nfixed = [\"三项机制\"]\n",
        )
        .unwrap();
        let lex = Lexicon::with_dirs(&[&dir]).unwrap();
        assert_eq!(lex.unit_at("把"), Some(("把", UnitClass::Count)));
        assert_eq!(lex.fixed_expression_at("落实三项机制", 6), Some(6..18));
        assert_eq!(lex.fixed_expression_at("落实三项机制", 9), Some(6..18));
        assert_eq!(lex.fixed_expression_at("落实三项工作", 6), None);
        std::fs::write(dir.join("lexicon.toml"), "[unit]\n").unwrap();
        let err = Lexicon::with_dirs(&[&dir]).unwrap_err();
        assert!(err.message.contains("unknown field"), "{}", err.message);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
