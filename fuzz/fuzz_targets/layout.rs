//! Layout and its offset map on any text: every logical character maps back inside the text,
//! on char boundaries, to the same character (or to the line break a joint stands for).
#![no_main]

use hedui::layout::Layout;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let layout = Layout::new(text);
    for (i, c) in layout.text.char_indices() {
        let r = layout.decoded_range(i..i + c.len_utf8());
        assert!(r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let back = &text[r];
        assert!(back == c.to_string() || ((c == '\n' || c == ' ') && (back == "\n" || back == " ")), "{c:?} -> {back:?}");
    }
});
