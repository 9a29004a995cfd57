//! The whole pipeline on any bytes: decoding, layout, grammar, claims, rules and the located
//! diagnostics; every span inside the input.
#![no_main]

use std::sync::OnceLock;

use hedui::report::human::{Style, render};
use hedui::source::Document;
use hedui::{Config, check_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    let config = CONFIG.get_or_init(Config::default);
    if let Ok(doc) = Document::from_bytes("fuzz.txt", bytes) {
        let report = check_document(&doc, config);
        for d in &report.diagnostics {
            assert!(d.span.offset + d.span.length <= bytes.len());
        }
        // The drawing quotes excerpts: every label must fall inside its excerpt.
        let style = Style {
            color: false,
            width: 80,
            narrate: false,
        };
        let _ = render(&report, style);
    }
});
