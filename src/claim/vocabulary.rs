//! The claim words of `rules/claims.toml`, compiled.

use std::path::Path;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use crate::lexicon::{LexiconError, read_in_dirs};

const BUILTIN: &str = include_str!("../../rules/claims.toml");

macro_rules! word_lists {
    ($name:ident { $($field:ident),* $(,)? }) => {
        #[derive(Debug, Default, Deserialize, Clone)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(#[serde(default)] pub $field: Vec<String>,)*
        }

        impl $name {
            fn extend(&mut self, other: $name) {
                $(self.$field.extend(other.$field);)*
            }

            fn sort(&mut self) {
                // Longest first, so the first match of a word list is the longest.
                $(self.$field.sort_by_key(|w| std::cmp::Reverse(w.len()));)*
            }
        }
    };
}

word_lists!(ChangeWords {
    up,
    down,
    fillers,
    yoy,
    annual,
    plans,
    from,
    to,
    compared,
    previous,
    real
});
word_lists!(MultipleWords {
    increase_by,
    ratio_words
});
word_lists!(WholeWords {
    part,
    total,
    sum,
    exhaustive,
    years
});
word_lists!(ListWords {
    respectively,
    separators,
    trend_up,
    trend_down,
    composition,
    highest,
    lowest
});
word_lists!(PerCapitaWords {
    per_person,
    per_household,
    heads,
    households
});
word_lists!(ShareWords {
    words,
    not_before,
    not_after
});

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// The word lists that patterns search whole sentences for, as automata built on first
    /// use: one pass over a sentence instead of one substring search per word.
    #[serde(skip)]
    automata: OnceLock<Automata>,
    #[serde(default)]
    pub change: ChangeWords,
    #[serde(default)]
    pub multiple: MultipleWords,
    #[serde(default)]
    pub whole: WholeWords,
    #[serde(default)]
    pub list: ListWords,
    #[serde(default)]
    pub share: ShareWords,
    #[serde(default)]
    pub per_capita: PerCapitaWords,
}

impl Vocabulary {
    pub fn builtin() -> &'static Vocabulary {
        static BUILT: OnceLock<Vocabulary> = OnceLock::new();
        BUILT.get_or_init(|| {
            let mut v: Vocabulary =
                toml::from_str(BUILTIN).expect("rules/claims.toml is valid (tested)");
            v.sort();
            v
        })
    }

    /// The built-in vocabulary plus each directory's `claims.toml`.
    pub fn with_dirs(dirs: &[impl AsRef<Path>]) -> Result<Vocabulary, LexiconError> {
        let mut v: Vocabulary =
            toml::from_str(BUILTIN).expect("rules/claims.toml is valid (tested)");
        for more in read_in_dirs::<Vocabulary>(dirs, "claims.toml")? {
            v.change.extend(more.change);
            v.multiple.extend(more.multiple);
            v.whole.extend(more.whole);
            v.list.extend(more.list);
            v.share.extend(more.share);
            v.per_capita.extend(more.per_capita);
        }
        v.sort();
        Ok(v)
    }

    pub fn automata(&self) -> &Automata {
        self.automata.get_or_init(|| Automata::new(self))
    }

    fn sort(&mut self) {
        self.change.sort();
        self.multiple.sort();
        self.whole.sort();
        self.list.sort();
        self.share.sort();
        self.per_capita.sort();
    }
}

/// Automata over word lists, patterns in list order (longest first).
#[derive(Debug, Clone)]
pub struct Automata {
    /// `list.highest` then `list.lowest`.
    pub ranking: AhoCorasick,
    /// How many of `ranking`'s patterns are `list.highest` words.
    pub highest: usize,
    pub respectively: AhoCorasick,
    /// `change.up` and `change.down`.
    pub change: AhoCorasick,
}

impl Automata {
    fn new(v: &Vocabulary) -> Self {
        let build = |words: Vec<&String>| {
            AhoCorasick::builder()
                .build(words)
                .expect("word lists are small enough for an automaton")
        };
        Automata {
            ranking: build(v.list.highest.iter().chain(&v.list.lowest).collect()),
            highest: v.list.highest.len(),
            respectively: build(v.list.respectively.iter().collect()),
            change: build(v.change.up.iter().chain(&v.change.down).collect()),
        }
    }
}

/// The first word of `words` that `text` ends with.
pub fn ends_with_any<'w>(text: &str, words: &'w [String]) -> Option<&'w str> {
    words
        .iter()
        .find(|w| text.ends_with(w.as_str()))
        .map(String::as_str)
}

/// The first word of `words` that `text` starts with.
pub fn starts_with_any<'w>(text: &str, words: &'w [String]) -> Option<&'w str> {
    words
        .iter()
        .find(|w| text.starts_with(w.as_str()))
        .map(String::as_str)
}

/// Byte offset of the last occurrence in `text` of any of `words`, with the word.
pub fn rfind_any<'w>(text: &str, words: &'w [String]) -> Option<(usize, &'w str)> {
    words
        .iter()
        .filter_map(|w| text.rfind(w.as_str()).map(|i| (i, w.as_str())))
        .max_by_key(|&(i, w)| (i + w.len(), w.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses() {
        let v = Vocabulary::builtin();
        assert!(v.change.up.iter().any(|w| w == "增长"));
        assert_eq!(ends_with_any("同比增长", &v.change.up), Some("增长"));
        assert_eq!(rfind_any("由上年的", &v.change.from), Some((0, "由")));
    }
}
