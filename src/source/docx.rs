//! Word documents: the text of `word/document.xml`, one paragraph per line, as it would be
//! published: tracked insertions in, tracked deletions out.
//!
//! Offsets into a .docx are meaningless to an editor (the file is compressed XML), so a .docx
//! is reported by paragraph: line N of the extracted text is the document's paragraph N, and
//! columns count characters within it.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

/// The largest part of a .docx hedui inflates: a guard against zip bombs.
pub const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;

/// The bytes start like a zip archive.
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The paragraphs of a .docx, joined by `\n`.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    text_within(bytes, MAX_XML_BYTES)
}

/// [`text`], refusing a `document.xml` that inflates past `limit` bytes.
pub fn text_within(bytes: &[u8], limit: u64) -> Result<String, String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(
            "an encrypted or legacy Word file (OLE container); save it as .docx without a password"
                .into(),
        );
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a valid .docx (zip): {e}"))?;
    let xml = read_part(&mut archive, "word/document.xml", limit)?
        .ok_or("not a Word document: no word/document.xml in the archive")?;
    paragraphs(&xml)
}

/// One part of a .docx archive, inflated, refusing one past `limit` bytes; `None` when the
/// archive has no such part.
pub fn read_part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, String> {
    let mut entry = match archive.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    if entry.size() > limit {
        return Err(format!(
            "{name} inflates to {} bytes, more than hedui reads",
            entry.size()
        ));
    }
    let mut bytes = Vec::new();
    (&mut entry)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot inflate {name}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{name} inflates beyond the limit hedui reads (a zip bomb?)"
        ));
    }
    Ok(Some(bytes))
}

/// Walks WordprocessingML: `w:p` paragraphs, `w:t` text, `w:tab` and `w:br` as spaces, content
/// of `w:del` and `w:moveFrom` (deleted or moved away in tracked changes) left out.
fn paragraphs(xml: &[u8]) -> Result<String, String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut deleted = 0usize;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            format!(
                "malformed word/document.xml at byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Start(e) => match e.local_name().into_inner() {
                "t" => in_text = true,
                "del" | "moveFrom" => deleted += 1,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                "tab" | "br" | "cr" if deleted == 0 => paragraph.push(' '),
                "p" => finish(&mut out, &mut paragraph),
                _ => {}
            },
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                "del" | "moveFrom" => deleted = deleted.saturating_sub(1),
                "p" => finish(&mut out, &mut paragraph),
                _ => {}
            },
            Event::Text(t) if in_text && deleted == 0 => {
                paragraph.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_text && deleted == 0 => {
                push_reference(&mut paragraph, &r);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !paragraph.is_empty() {
        finish(&mut out, &mut paragraph);
    }
    Ok(out)
}

/// The text an entity or character reference in `w:t` stands for (`&amp;`, `&#x4E2D;`).
pub fn push_reference(text: &mut String, r: &quick_xml::events::BytesRef) {
    let name = r.xml10_content();
    text.push_str(match name.as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    });
    if let Some(c) = r.resolve_char_ref().ok().flatten() {
        text.push(c);
    }
}

/// Ends a paragraph: one line of the extracted text, empty paragraphs included so that line N
/// stays paragraph N.
fn finish(out: &mut String, paragraph: &mut String) {
    out.push_str(paragraph.trim_end_matches(['\r', '\n']));
    out.push('\n');
    paragraph.clear();
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx with the given `document.xml` body.
    pub fn docx(body: &str) -> Vec<u8> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", opts).unwrap();
        zip.write_all(b"<Types/>").unwrap();
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn paragraphs_and_tracked_changes() {
        let body = r#"<w:p><w:r><w:t>受理案件</w:t></w:r><w:r><w:t>39347件</w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space="preserve">结案率</w:t></w:r><w:del><w:r><w:delText>90.9%</w:delText></w:r></w:del><w:ins><w:r><w:t>99.4%</w:t></w:r></w:ins><w:r><w:t>&amp;</w:t></w:r></w:p>"#;
        assert_eq!(
            text(&docx(body)).unwrap(),
            "受理案件39347件\n\n结案率99.4%&\n"
        );
    }

    /// A zip bomb: document.xml inflates far beyond what is read. The limit is lowered here so
    /// the test inflates kilobytes, not the 256 MiB of the real limit.
    #[test]
    fn zip_bombs_are_refused() {
        let body = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "0".repeat(200_000));
        let bomb = docx(&body);
        assert!(bomb.len() < 2_000, "compresses well: {} bytes", bomb.len());
        let err = text_within(&bomb, 10_000).unwrap_err();
        assert!(
            err.contains("more than hedui reads") || err.contains("zip bomb"),
            "{err}"
        );
        assert!(text_within(&bomb, 1_000_000).is_ok());
    }

    #[test]
    fn refusals() {
        assert!(
            text(b"PK\x03\x04garbage")
                .unwrap_err()
                .contains("not a valid .docx")
        );
        assert!(
            text(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0])
                .unwrap_err()
                .contains("encrypted")
        );
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("other.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.finish().unwrap();
        assert!(
            text(&out.into_inner())
                .unwrap_err()
                .contains("no word/document.xml")
        );
        let body = "<w:p><w:r><w:t>unclosed</w:p>";
        assert!(text(&docx(body)).unwrap_err().contains("malformed"));
    }
}
