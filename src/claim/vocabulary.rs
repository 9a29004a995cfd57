//! The claim words of `rules/claims.toml`, compiled.

use std::path::Path;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use serde::Deserialize;

use crate::lexicon::{LexiconError, read_in_dirs};

const BUILTIN: &str = include_str!("../../rules/claims.toml");

/// A word list of `claims.toml`, longest word first, with an automaton over it built on first
/// use for searches of the whole list at once.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct Words {
    list: Vec<String>,
    automaton: OnceLock<AhoCorasick>,
    endings: OnceLock<Endings>,
}

/// The words of a list by their last character, for [`ends_with_any`]: the clause before
/// nearly every figure is asked whether it ends with a change word, and comparing it with the
/// few words that end like it, rather than with every word, is most of the saving.
#[derive(Debug, Clone, Default)]
struct Endings {
    /// (last character, index in the list), sorted: list order within a character.
    by_last: Vec<(char, usize)>,
    /// The first empty word of the list, which every text ends with.
    empty: Option<usize>,
}

impl From<Vec<String>> for Words {
    fn from(list: Vec<String>) -> Self {
        Words {
            list,
            automaton: OnceLock::new(),
            endings: OnceLock::new(),
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.list
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl Words {
    fn extend(&mut self, other: Words) {
        self.list.extend(other.list);
        self.automaton = OnceLock::new();
        self.endings = OnceLock::new();
    }

    fn sort(&mut self) {
        // Longest first, so the first match of a word list is the longest.
        self.list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        self.automaton = OnceLock::new();
        self.endings = OnceLock::new();
    }

    /// The first word of the list that `text` ends with.
    pub fn ending(&self, text: &str) -> Option<&str> {
        let endings = self.endings.get_or_init(|| {
            let mut by_last: Vec<(char, usize)> = self
                .list
                .iter()
                .enumerate()
                .filter_map(|(k, w)| Some((w.chars().next_back()?, k)))
                .collect();
            by_last.sort_unstable();
            Endings {
                by_last,
                empty: self.list.iter().position(String::is_empty),
            }
        });
        let found = text.chars().next_back().and_then(|c| {
            let from = endings.by_last.partition_point(|&(l, _)| l < c);
            endings.by_last[from..]
                .iter()
                .take_while(|&&(l, _)| l == c)
                .map(|&(_, k)| k)
                .find(|&k| text.ends_with(self.list[k].as_str()))
        });
        let first = match (found, endings.empty) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        first.map(|k| self.list[k].as_str())
    }

    /// Whether any word of the list occurs in `text`: one pass of the automaton, where a
    /// substring search per word set up a searcher for each.
    pub fn occurs_in(&self, text: &str) -> bool {
        self.automaton().is_match(text)
    }

    /// Every occurrence in `text` of every word of the list, overlapping ones too, as the
    /// byte offset and the word.
    pub fn occurrences<'t>(
        &self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, &str)> + use<'_, 't> {
        self.automaton()
            .find_overlapping_iter(text)
            .map(|m| (m.start(), self.list[m.pattern().as_usize()].as_str()))
    }

    fn automaton(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&self.list)
                .expect("word lists are small enough for an automaton")
        })
    }
}

macro_rules! word_lists {
    ($name:ident { $($field:ident),* $(,)? }) => {
        #[derive(Debug, Default, Deserialize, Clone)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(#[serde(default)] pub $field: Words,)*
        }

        impl $name {
            fn extend(&mut self, other: $name) {
                $(self.$field.extend(other.$field);)*
            }

            fn sort(&mut self) {
                $(self.$field.sort();)*
            }
        }
    };
}

word_lists!(ChangeWords {
    up,
    down,
    fillers,
    emphasis,
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
    ratio_words,
    ratio_of
});
word_lists!(WholeWords {
    part,
    total,
    sum,
    exhaustive,
    years,
    induced,
    actions,
    partitions,
    table_partitions,
    balance,
    gap,
    outturn,
    minus,
    levels
});
word_lists!(ListWords {
    respectively,
    separators,
    trend_up,
    trend_down,
    composition,
    structures,
    implied,
    highest,
    lowest,
    names
});
word_lists!(PerCapitaWords {
    per_person,
    per_household,
    heads,
    households
});
word_lists!(RateWords {
    definitions,
    differences,
    narrower,
    wider
});
word_lists!(ThresholdWords {
    above,
    round_above,
    below,
    at_least,
    tails,
    adverbs,
    links,
    members,
    doubles,
    halves,
    holds,
    faster,
    slower,
    growths
});
word_lists!(NameWords {
    same,
    scope,
    fillers,
    yearly,
    openers,
    limits,
    within,
    plans,
    results,
    totals,
    periods,
    levels
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
    #[serde(default)]
    pub rate: RateWords,
    #[serde(default)]
    pub threshold: ThresholdWords,
    #[serde(default)]
    pub names: NameWords,
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
            v.rate.extend(more.rate);
            v.threshold.extend(more.threshold);
            v.names.extend(more.names);
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
        self.rate.sort();
        self.threshold.sort();
        self.names.sort();
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
    /// Every class of `whole.partitions` and `whole.table_partitions`, and for each pattern its
    /// (partition, class).
    pub classes: AhoCorasick,
    pub class_of: Vec<(usize, usize)>,
    /// How many classes each partition has.
    pub partition_sizes: Vec<usize>,
    /// For each partition, whether each class may go unnamed (`早稻?`: not every region grows
    /// it, and where none is grown the other classes are all of the whole).
    optional: Vec<Vec<bool>>,
    /// Whether each partition is one of `whole.table_partitions`, read in tables only.
    pub table_only: Vec<bool>,
    /// Which word families a sentence may hold, from the first two characters of each word.
    gate: PairGate,
}

/// Word families a sentence may hold; see [`Automata::families`].
pub mod family {
    pub const RANKING: u8 = 1;
    pub const RESPECTIVELY: u8 = 2;
    pub const PER_CAPITA: u8 = 4;
    pub const COMPOSITION: u8 = 8;
}

impl Automata {
    fn new(v: &Vocabulary) -> Self {
        // A DFA: the lists are small, and a DFA reads a byte in a few instructions.
        let build = |words: Vec<&String>| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(words)
                .expect("word lists are small enough for an automaton")
        };
        let families: [(&[String], u8); 6] = [
            (&v.list.composition, family::COMPOSITION),
            (&v.list.highest, family::RANKING),
            (&v.list.lowest, family::RANKING),
            (&v.list.respectively, family::RESPECTIVELY),
            (&v.per_capita.per_person, family::PER_CAPITA),
            (&v.per_capita.per_household, family::PER_CAPITA),
        ];
        let mut classes: Vec<&str> = Vec::new();
        let mut class_of = Vec::new();
        let mut partition_sizes = Vec::new();
        let mut optional = Vec::new();
        let mut table_only = Vec::new();
        let all = v.whole.partitions.iter().map(|p| (p, false));
        let tables = v.whole.table_partitions.iter().map(|p| (p, true));
        for (p, (partition, in_tables)) in all.chain(tables).enumerate() {
            let members: Vec<&str> = partition.split('|').map(str::trim).collect();
            partition_sizes.push(members.len());
            optional.push(members.iter().map(|m| m.ends_with('?')).collect());
            table_only.push(in_tables);
            // A class may be written several ways (`人身险/人身保险`): each spelling names it.
            for (k, m) in members.into_iter().enumerate() {
                for spelling in m.trim_end_matches('?').split('/').map(str::trim) {
                    classes.push(spelling);
                    class_of.push((p, k));
                }
            }
        }
        Automata {
            classes: AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&classes)
                .expect("word lists are small enough for an automaton"),
            class_of,
            partition_sizes,
            optional,
            table_only,
            gate: PairGate::new(&families),
            ranking: build(v.list.highest.iter().chain(&v.list.lowest).collect()),
            highest: v.list.highest.len(),
            respectively: build(v.list.respectively.iter().collect()),
            change: build(v.change.up.iter().chain(&v.change.down).collect()),
        }
    }
}

impl Automata {
    /// For each partition whose class `name` names, that class: the one named last when it
    /// names several (`由中央代地方发债` is 地方's), as (partition, class) in partition order.
    pub fn classes_named(&self, name: &str) -> Vec<(usize, usize)> {
        let matches: Vec<_> = self.classes.find_overlapping_iter(name).collect();
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (partition, start, class)
        for m in &matches {
            let (p, k) = self.class_of[m.pattern().as_usize()];
            // A class word inside a longer class of its partition names no class of its own
            // (`渔业` in `农林牧渔业服务业`).
            let nested = matches.iter().any(|o| {
                self.class_of[o.pattern().as_usize()].0 == p
                    && o.start() <= m.start()
                    && o.end() >= m.end()
                    && o.len() > m.len()
            });
            if nested {
                continue;
            }
            match found.iter_mut().find(|f| f.0 == p) {
                Some(f) if m.start() >= f.1 => *f = (p, m.start(), k),
                Some(_) => {}
                None => found.push((p, m.start(), k)),
            }
        }
        found.sort_unstable();
        found.into_iter().map(|(p, _, k)| (p, k)).collect()
    }

    /// Names, one per item, that name distinct classes of partition `p` and together every
    /// class of it that may not go unnamed: all of the whole.
    pub fn names_every_class(&self, p: usize, names: &[Vec<(usize, usize)>]) -> bool {
        let size = self.partition_sizes[p];
        let required = self.optional[p].iter().filter(|&&o| !o).count();
        if names.len() < required.max(2) || names.len() > size {
            return false;
        }
        let mut seen = vec![false; size];
        let distinct = names
            .iter()
            .all(|classes| match classes.iter().find(|c| c.0 == p) {
                Some(&(_, k)) if !seen[k] => {
                    seen[k] = true;
                    true
                }
                _ => false,
            });
        distinct && (0..size).all(|k| seen[k] || self.optional[p][k])
    }

    /// The [`family`] bits of the words that occur in `text`.
    pub fn families(&self, text: &str) -> u8 {
        self.gate.families(text)
    }
}

/// A gate in front of the automata: a sentence can hold a word only if it holds the word's
/// first two characters side by side. Checking that reads each character once against a
/// bitset, several times faster than an automaton over the same bytes; the automata then run
/// on the few sentences that pass.
#[derive(Debug, Clone)]
struct PairGate {
    /// Bit per BMP code point: the first character of some word.
    first: Vec<u64>,
    /// (first, second, family bit) of every word, sorted by first character; one-character
    /// words have `second` `None`.
    pairs: Vec<(char, Option<char>, u8)>,
    /// Families with a word that opens with something else than an ideograph.
    always: u8,
}

impl PairGate {
    fn new(families: &[(&[String], u8)]) -> Self {
        let mut first = vec![0u64; 1024];
        let mut pairs = Vec::new();
        let mut always = 0;
        for (words, bit) in families {
            for w in words.iter() {
                let mut chars = w.chars();
                let Some(c) = chars.next() else { continue };
                if !('\u{4E00}'..='\u{9FFF}').contains(&c) {
                    // A word of a user's list that does not open with an ideograph: its family
                    // is never gated out.
                    always |= *bit;
                    continue;
                }
                let code = c as usize;
                first[code >> 6] |= 1 << (code & 63);
                pairs.push((c, chars.next(), *bit));
            }
        }
        pairs.sort_unstable();
        PairGate {
            first,
            pairs,
            always,
        }
    }

    fn families(&self, text: &str) -> u8 {
        let bytes = text.as_bytes();
        let mut bits = 0;
        let mut i = 0;
        while i + 2 < bytes.len() {
            // Every first character is a CJK ideograph (U+4E00–U+9FFF, lead bytes 0xE4–0xE9;
            // see `new`): other bytes are stepped over one at a time, ideographs decoded from
            // their three bytes. `chars()` over every sentence cost several times more.
            let b0 = bytes[i];
            if !(0xE4..=0xE9).contains(&b0) {
                i += 1;
                continue;
            }
            let code = (usize::from(b0 & 0x0F) << 12)
                | (usize::from(bytes[i + 1] & 0x3F) << 6)
                | usize::from(bytes[i + 2] & 0x3F);
            i += 3;
            if self.first[code >> 6] & (1 << (code & 63)) == 0 {
                continue;
            }
            let Some(c) = char::from_u32(code as u32) else {
                continue;
            };
            let next = text.get(i..).and_then(|rest| rest.chars().next());
            let from = self.pairs.partition_point(|&(a, _, _)| a < c);
            for &(_, b, bit) in self.pairs[from..].iter().take_while(|&&(a, _, _)| a == c) {
                if b.is_none() || b == next {
                    bits |= bit;
                }
            }
        }
        bits | self.always
    }
}

/// The first word of `words` that `text` ends with.
pub fn ends_with_any<'w>(text: &str, words: &'w Words) -> Option<&'w str> {
    words.ending(text)
}

/// The first word of `words` that `text` starts with.
pub fn starts_with_any<'w>(text: &str, words: &'w [String]) -> Option<&'w str> {
    words
        .iter()
        .find(|w| text.starts_with(w.as_str()))
        .map(String::as_str)
}

/// Byte offset of the last occurrence in `text` of any of `words`, with the word.
pub fn rfind_any<'w>(text: &str, words: &'w Words) -> Option<(usize, &'w str)> {
    // Every occurrence of every word in one pass; the one ending last, the longest of those.
    words
        .occurrences(text)
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
