//! The draft in a `multipart/form-data` upload: the `draft` field's bytes and file name.

use std::convert::Infallible;

use hyper::body::Bytes;

/// The field of the page's form that carries the draft.
pub const FIELD: &str = "draft";

/// An uploaded draft. Its name only tells the kind of file (.md is read as Markdown) and is
/// shown on the page: it never names anything on the server.
#[derive(Debug, Clone)]
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The longest file name kept, in characters.
const MAX_NAME_CHARS: usize = 120;

/// The draft of a whole upload body, or why there is none (in the page's words).
pub async fn file(body: Bytes, boundary: String) -> Result<File, &'static str> {
    let stream = futures_util::stream::once(async move { Ok::<Bytes, Infallible>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Err(super::page::NO_FILE),
            Err(_) => return Err(super::page::BROKEN_UPLOAD),
        };
        if field.name() != Some(FIELD) {
            continue;
        }
        let name = field.file_name().map(file_name).unwrap_or_default();
        let bytes = field
            .bytes()
            .await
            .map_err(|_| super::page::BROKEN_UPLOAD)?;
        if bytes.is_empty() {
            return Err(super::page::NO_FILE);
        }
        let name = if name.is_empty() {
            "draft.txt".to_string()
        } else {
            name
        };
        return Ok(File {
            name,
            bytes: bytes.to_vec(),
        });
    }
}

/// The last component of a browser's file name (old browsers send a whole Windows path),
/// without control characters, and not longer than [`MAX_NAME_CHARS`].
pub fn file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    last.chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(parts: &[(&str, Option<&str>, &[u8])]) -> Bytes {
        let mut out = Vec::new();
        for (name, file, bytes) in parts {
            out.extend_from_slice(b"--XyZ\r\nContent-Disposition: form-data; name=\"");
            out.extend_from_slice(name.as_bytes());
            out.push(b'"');
            if let Some(f) = file {
                out.extend_from_slice(format!("; filename=\"{f}\"").as_bytes());
            }
            out.extend_from_slice(b"\r\n\r\n");
            out.extend_from_slice(bytes);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--XyZ--\r\n");
        Bytes::from(out)
    }

    fn read(body: Bytes) -> Result<File, &'static str> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        runtime.block_on(file(body, "XyZ".into()))
    }

    #[test]
    fn the_draft_field_is_read_whatever_comes_before_it() {
        let f = read(body(&[
            ("note", None, b"x"),
            (
                "draft",
                Some("C:\\\u{7a3f}\\\u{62a5}\u{544a}.docx"),
                b"PK\x03\x04",
            ),
        ]))
        .expect("a file");
        assert_eq!(f.name, "\u{62a5}\u{544a}.docx");
        assert_eq!(f.bytes, b"PK\x03\x04");
    }

    #[test]
    fn a_missing_or_empty_draft_is_no_file() {
        assert_eq!(
            read(body(&[("note", None, b"x")])).unwrap_err(),
            super::super::page::NO_FILE
        );
        assert_eq!(
            read(body(&[("draft", Some("a.txt"), b"")])).unwrap_err(),
            super::super::page::NO_FILE
        );
    }

    #[test]
    fn a_body_without_its_boundary_is_broken() {
        let err = read(Bytes::from_static(b"--Other\r\n\r\nabc")).unwrap_err();
        assert_eq!(err, super::super::page::BROKEN_UPLOAD);
    }

    #[test]
    fn names_lose_paths_and_control_characters() {
        assert_eq!(file_name("../../etc/passwd"), "passwd");
        assert_eq!(file_name("a\u{0}b\r\n.txt"), "ab.txt");
        assert_eq!(file_name(&"x".repeat(500)).chars().count(), MAX_NAME_CHARS);
    }
}
