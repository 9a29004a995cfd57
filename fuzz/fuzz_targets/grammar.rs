//! The number grammar on any text: no panic, spans on char boundaries, intervals ordered.
#![no_main]

use hedui::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for q in hedui::number::scan_text(text, Lexicon::builtin()) {
        assert!(q.span.start < q.span.end && text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        if let (Some(lo), Some(hi)) = (q.interval.lo, q.interval.hi) {
            assert!(lo <= hi);
        }
    }
});
