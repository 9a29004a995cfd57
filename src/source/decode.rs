//! Encoding detection and the decoded-to-original offset map.

/// The encoding a document was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
    /// A Word document: the text is extracted, one paragraph per line.
    Docx,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
            Encoding::Docx => "DOCX",
        }
    }
}

/// From byte offsets of the decoded text to byte offsets of the original input.
#[derive(Debug, Clone)]
pub enum SourceMap {
    /// UTF-8 input: the text is the input shifted by the length of a stripped BOM.
    Shifted(usize),
    /// Transcoded input (GB18030, UTF-16).
    Table(CharTable),
}

impl SourceMap {
    /// Original offset of the text offset `at`, which must be a char boundary of the text (the
    /// end of the text included): a boundary maps to the boundary between the same two chars.
    pub fn original(&self, at: usize) -> usize {
        match self {
            SourceMap::Shifted(shift) => at + shift,
            SourceMap::Table(table) => table.original(at),
        }
    }
}

/// Chars between two marks of a [`CharTable`].
const STRIDE: usize = 64;

/// The lengths of every char in the text and in the original, one byte per char, with the
/// offsets of every 64th char: a lookup walks at most 64 chars. A pair of `u32` offsets per
/// char would take four times the size of a GB18030 input.
#[derive(Debug, Clone, Default)]
pub struct CharTable {
    /// `(text offset, original offset)` of chars 0, 64, 128 …, then `(text.len(), input.len())`.
    marks: Vec<(u32, u32)>,
    /// Per char: UTF-8 length in the low nibble, original length in the high nibble.
    lens: Vec<u8>,
}

impl CharTable {
    fn with_capacity(chars: usize) -> Self {
        Self {
            marks: Vec::with_capacity(chars / STRIDE + 2),
            lens: Vec::with_capacity(chars),
        }
    }

    /// Records the next char: at `text_at` in the text, `utf8` bytes there; at `original` in
    /// the input, `len` bytes there.
    fn push(
        &mut self,
        text_at: usize,
        original: usize,
        utf8: usize,
        len: usize,
    ) -> Result<(), String> {
        if self.lens.len().is_multiple_of(STRIDE) {
            self.marks.push(offsets(text_at, original)?);
        }
        self.lens.push((utf8 | (len << 4)) as u8);
        Ok(())
    }

    fn finish(&mut self, text_len: usize, original_len: usize) -> Result<(), String> {
        self.marks.push(offsets(text_len, original_len)?);
        Ok(())
    }

    fn original(&self, at: usize) -> usize {
        let i = self
            .marks
            .partition_point(|&(t, _)| t as usize <= at)
            .saturating_sub(1);
        let Some(&(t, o)) = self.marks.get(i) else {
            return 0;
        };
        let (mut t, mut o) = (t as usize, o as usize);
        for &len in self.lens.iter().skip(i * STRIDE) {
            if t >= at {
                break;
            }
            t += usize::from(len & 0x0F);
            o += usize::from(len >> 4);
        }
        o
    }
}

fn offsets(text_at: usize, original: usize) -> Result<(u32, u32), String> {
    match (u32::try_from(text_at), u32::try_from(original)) {
        (Ok(t), Ok(o)) => Ok((t, o)),
        _ => Err("transcoded input larger than 4 GiB is not supported".into()),
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes input bytes: UTF-8 (BOM optional), UTF-16 with a BOM, else GB18030 when the bytes
/// decode cleanly as GB18030. Anything else is refused with a reason.
#[cfg(test)]
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding, SourceMap), String> {
    decode_owned(bytes.to_vec())
}

/// [`decode`], reusing the buffer for UTF-8 input so a large file is not held twice.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<(String, Encoding, SourceMap), String> {
    if bytes.starts_with(UTF8_BOM) {
        if let Err(e) = std::str::from_utf8(&bytes[3..]) {
            return Err(format!(
                "invalid UTF-8 after a UTF-8 byte-order mark at byte {}",
                e.valid_up_to() + 3
            ));
        }
        bytes.drain(..3);
        let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
        refuse_binary(&text)?;
        return Ok((text, Encoding::Utf8Bom, SourceMap::Shifted(3)));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, Encoding::Utf16Be);
    }
    match simdutf8::compat::from_utf8(&bytes) {
        Ok(_) => {
            // SAFETY: simdutf8 has just validated these bytes as UTF-8. It does so several
            // times faster than `String::from_utf8` on Chinese text, where validation was 8%
            // of a check.
            let text = unsafe { String::from_utf8_unchecked(bytes) };
            refuse_binary(&text)?;
            Ok((text, Encoding::Utf8, SourceMap::Shifted(0)))
        }
        Err(error) => {
            let valid_up_to = error.valid_up_to();
            if let Some(other) = other_cjk_encoding(&bytes) {
                return Err(crate::messages::other_encoding(other));
            }
            decode_gb18030(&bytes).ok_or_else(|| crate::messages::not_utf8_nor_gb18030(valid_up_to))
        }
    }
}

/// Why bytes that are no text format hedui reads should be saved otherwise: a legacy Office
/// file (an OLE2 compound document: .doc, .wps, .xls) or a PDF. `None` for anything else.
pub fn not_text(bytes: &[u8]) -> Option<String> {
    const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(OLE2) {
        Some(crate::messages::legacy_office())
    } else if bytes.starts_with(b"%PDF-") {
        Some(crate::messages::pdf())
    } else {
        None
    }
}

/// The legacy CJK encoding other than GB18030 that non-UTF-8 bytes are written in (Big5 or
/// Shift_JIS), or `None` when they may well be GBK/GB18030.
///
/// The GB18030 decoder accepts almost any byte string, so Big5 text would be read as GB18030
/// garbage and reported clean. Which double-byte encoding a text is in can only be told by the
/// statistics of the text, and two must agree before a file is refused (a false refusal of a
/// GB18030 draft costs more than a missed Big5 one):
/// - chardetng (by the author of encoding_rs, used by Firefox) scores the candidate decodings
///   by their character pairs and must name Big5 or Shift_JIS;
/// - read as GB18030, the text must be heavy in GBK's extension (a byte below 0xA1 in a
///   two-byte character): Chinese written in GB18030 is nearly all GB2312 (both bytes from
///   0xA1), while about two in five Big5 and Shift_JIS characters have a trail byte below it.
fn other_cjk_encoding(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let (mut pairs, mut extension, mut at) = (0usize, 0usize, 0usize);
    while at < sample.len() {
        let len = gb18030_sequence_len(&sample[at..]).max(1);
        if len == 2 && at + 1 < sample.len() {
            pairs += 1;
            if sample[at] < 0xA1 || sample[at + 1] < 0xA1 {
                extension += 1;
            }
        }
        at += len;
    }
    if pairs < 4 || extension * 5 < pairs {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    [encoding_rs::BIG5, encoding_rs::SHIFT_JIS]
        .contains(&guess)
        .then(|| guess.name())
}

/// A NUL in text input means a binary file (or UTF-16 without a BOM); checking it would report
/// nonsense, so it is refused.
fn refuse_binary(text: &str) -> Result<(), String> {
    match memchr::memchr(0, text.as_bytes()) {
        Some(at) => Err(crate::messages::binary(at)),
        None => Ok(()),
    }
}

fn decode_utf16(body: &[u8], encoding: Encoding) -> Result<(String, Encoding, SourceMap), String> {
    if !body.len().is_multiple_of(2) {
        return Err(format!(
            "{} input has an odd number of bytes ({}): truncated file?",
            encoding.label(),
            body.len() + 2
        ));
    }
    let units = body.chunks_exact(2).map(|pair| match encoding {
        Encoding::Utf16Le => u16::from_le_bytes([pair[0], pair[1]]),
        _ => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(body.len());
    let mut table = CharTable::with_capacity(body.len() / 2);
    let mut original = 2usize; // after the BOM
    for decoded in char::decode_utf16(units) {
        let ch = decoded.map_err(|e| {
            format!(
                "invalid {} (unpaired surrogate {:#06x} near byte {original})",
                encoding.label(),
                e.unpaired_surrogate()
            )
        })?;
        table.push(text.len(), original, ch.len_utf8(), ch.len_utf16() * 2)?;
        text.push(ch);
        original += ch.len_utf16() * 2;
    }
    refuse_binary(&text)?;
    table.finish(text.len(), original)?;
    Ok((text, encoding, SourceMap::Table(table)))
}

fn decode_gb18030(bytes: &[u8]) -> Option<(String, Encoding, SourceMap)> {
    let mut text = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)?
        .into_owned();
    // The decoder allocates for the worst case, three times the input.
    text.shrink_to_fit();
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return None;
    }
    // Every valid GB18030 sequence decodes to exactly one char, so walking the byte structure in
    // step with the chars gives each char's original offset.
    let mut table = CharTable::with_capacity(bytes.len() / 2);
    let mut original = 0usize;
    for (at, ch) in text.char_indices() {
        let len = gb18030_sequence_len(bytes.get(original..)?);
        table.push(at, original, ch.len_utf8(), len).ok()?;
        original += len;
    }
    table.finish(text.len(), original).ok()?;
    (original == bytes.len()).then_some((text, Encoding::Gb18030, SourceMap::Table(table)))
}

fn gb18030_sequence_len(rest: &[u8]) -> usize {
    match rest {
        // ASCII, and 0x80, which the WHATWG decoder reads alone as €.
        [b, ..] if *b <= 0x80 => 1,
        [_, b2, ..] if (0x30..=0x39).contains(b2) => 4,
        [] => 0,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(bytes: &[u8]) -> (String, Encoding, SourceMap) {
        decode(bytes).expect("decodes")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let (t, e, m) = roundtrip("受理39347件".as_bytes());
        assert_eq!((t.as_str(), e), ("受理39347件", Encoding::Utf8));
        assert_eq!(m.original(6), 6);
        let mut with_bom = UTF8_BOM.to_vec();
        with_bom.extend_from_slice("受理".as_bytes());
        let (t, e, m) = roundtrip(&with_bom);
        assert_eq!((t.as_str(), e), ("受理", Encoding::Utf8Bom));
        assert_eq!(m.original(3), 6);
    }

    #[test]
    fn gb18030_maps_each_char_to_its_bytes() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("受理39347件€");
        let (t, e, m) = roundtrip(&bytes);
        assert_eq!(e, Encoding::Gb18030);
        assert_eq!(t, "受理39347件€");
        // 受 and 理 are two bytes each in GB18030, three in UTF-8.
        assert_eq!(m.original(6), 4);
        assert_eq!(m.original(11), 9);
        assert_eq!(m.original(t.len()), bytes.len());
    }

    #[test]
    fn utf16_le_and_be() {
        for (bom, enc) in [
            (&b"\xFF\xFE"[..], Encoding::Utf16Le),
            (&b"\xFE\xFF"[..], Encoding::Utf16Be),
        ] {
            let mut bytes = bom.to_vec();
            for u in "审结5件".encode_utf16() {
                let b = if enc == Encoding::Utf16Le {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                };
                bytes.extend_from_slice(&b);
            }
            let (t, e, m) = roundtrip(&bytes);
            assert_eq!((t.as_str(), e), ("审结5件", enc));
            assert_eq!(m.original(6), 6);
            assert_eq!(m.original(7), 8);
        }
    }

    /// Found by `cargo fuzz run check`: a lone 0x80 (€ in GB18030) desynchronised the walk.
    #[test]
    fn gb18030_euro_byte_regression() {
        let bytes = include_bytes!("../../fuzz/seeds/regressions/gb18030-euro.bin");
        if let Ok((text, _, map)) = decode(bytes) {
            assert_eq!(map.original(text.len()), bytes.len());
        }
        let (t, e, m) = decode(b"\x80\xB0\xA1").unwrap();
        assert_eq!((t.as_str(), e), ("€啊", Encoding::Gb18030));
        assert_eq!((m.original(3), m.original(6)), (1, 3));
    }

    #[test]
    fn refuses_with_reasons() {
        assert!(decode(b"\xFF\xFE\x41").unwrap_err().contains("odd number"));
        assert!(decode(b"abc\0def").unwrap_err().contains("NUL"));
        assert!(decode(b"\xFF\xFF\xFF\x80").unwrap_err().contains("GB18030"));
    }

    /// Report sentences written for this test, short and long, traditional and simplified.
    const SENTENCES: &[&str] = &[
        "受理案件39347件，审结35773件。",
        "全年受理各類案件39347件，審結35773件，結案率90.9%，比上年提高1.3個百分點。",
        "全年粮食产量6.87亿吨，比上年增长2.7%。城镇新增就业1206万人，上年为1269万人。",
        "本年度營業收入為新臺幣1,284.6億元，較上年度增加7.3%；稅後淨利為213.8億元。",
        "一般公共预算收入完成2176.4亿元，增长5.2%，其中税收收入1493.7亿元，占68.6%。",
    ];

    #[test]
    fn gb18030_text_is_read_and_big5_text_is_refused() {
        for s in SENTENCES {
            let (gb, _, unmappable) = encoding_rs::GB18030.encode(s);
            assert!(!unmappable);
            let (text, encoding, _) = decode(&gb).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!((text.as_str(), encoding), (*s, Encoding::Gb18030));
            let (big5, _, unmappable) = encoding_rs::BIG5.encode(s);
            if unmappable || big5.is_ascii() {
                continue;
            }
            let e = decode(&big5).unwrap_err();
            assert!(e.contains("Big5"), "{s}: {e}");
        }
    }

    #[test]
    fn legacy_office_and_pdf_are_named() {
        let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        doc.extend_from_slice(&[0; 504]);
        assert!(not_text(&doc).unwrap().contains(".docx"));
        assert!(not_text(b"%PDF-1.7\n%\xE2\xE3").unwrap().contains(".docx"));
        assert!(not_text("受理案件".as_bytes()).is_none());
    }
}
