//! The .docx reader on any bytes: an error or text, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = hedui::source::docx::text(bytes);
});
