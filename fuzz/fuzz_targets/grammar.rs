//! The number grammar on any text: no panic, spans on char boundaries and in order, intervals
//! ordered; a figure out of range is reported whole, never partly read.
#![no_main]

use hedui::lexicon::Lexicon;
use hedui::number::{Found, Scanner};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last_end = 0;
    for found in Scanner::new(text, Lexicon::builtin()) {
        let span = match &found {
            Found::Quantity(q) => {
                if let (Some(lo), Some(hi)) = (q.interval.lo, q.interval.hi) {
                    assert!(lo <= hi);
                }
                q.span.clone()
            }
            Found::OutOfRange(r) => r.clone(),
        };
        assert!(span.start < span.end);
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start >= last_end, "finds overlap");
        last_end = span.end;
    }
});
