//! Annotated copies for editors: the draft as a .docx with a Word comment (批注) on each
//! finding's stated figure and the finding's other figures highlighted.
//!
//! A .docx draft is copied part for part; only `word/document.xml` is rewritten (runs split
//! where a comment or a highlight starts or ends), and the comments part is added or extended.
//! Tracked changes stay as they are: deleted text is never split or counted, inserted text is
//! split inside its own `w:ins`. A .txt or .md draft becomes a new .docx, one paragraph per line.
//!
//! Positions are byte offsets of the decoded text (`Diagnostic::decoded`), which for a .docx is
//! the text `source::docx` extracts: the rewriter walks the XML the same way and counts the same
//! bytes, so the two agree by construction.

use std::io::{Cursor, Write};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::diagnostic::Report;
use crate::source::docx::read_part;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

const EMPTY_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>";

/// The author of every comment.
pub const AUTHOR: &str = "hedui";

/// What happens at a position of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Edge {
    // At one position: a comment or highlight ends before another starts.
    CommentEnd(usize),
    HighlightOff,
    HighlightOn,
    CommentStart(usize),
    /// A comment on no text (an empty span): its start, end and reference at one point.
    CommentAt(usize),
}

/// A comment to write: its id and its paragraphs.
struct Comment {
    id: usize,
    paragraphs: Vec<String>,
}

/// The comment text of each finding, in the order of the report: rule and message, the help,
/// and the suggested value where there is one.
pub fn comment_texts(report: &Report) -> Vec<Vec<String>> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let mut paragraphs = vec![format!(
                "{}（{}）：{}",
                d.code,
                crate::messages::severity_word(d.severity.as_str()),
                d.message
            )];
            if !d.help.is_empty() {
                paragraphs.push(d.help.clone());
            }
            if let Some(s) = &d.suggestion {
                paragraphs.push(s.text.clone());
            }
            paragraphs
        })
        .collect()
}

/// A copy of the .docx `original` with the findings of `report` as comments and highlights.
pub fn docx(original: &[u8], report: &Report) -> Result<Vec<u8>, String> {
    docx_within(original, report, crate::source::docx::MAX_XML_BYTES)
}

/// [`docx`], refusing any part it inflates past `limit` bytes.
pub fn docx_within(original: &[u8], report: &Report, limit: u64) -> Result<Vec<u8>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(original))
        .map_err(|e| format!("not a valid .docx (zip): {e}"))?;
    let document = read_part(&mut archive, "word/document.xml", limit)?
        .ok_or("not a Word document: no word/document.xml in the archive")?;
    let existing = read_part(&mut archive, "word/comments.xml", limit)?;
    let first_id = existing.as_deref().map_or(0, next_comment_id);
    let (edges, comments) = plan(report, first_id);
    let document = rewrite(&document, &edges)?;
    let comments_xml = match &existing {
        Some(xml) => extend_comments(xml, &comments)?,
        None => comments_part(&comments),
    };
    let types = read_part(&mut archive, "[Content_Types].xml", limit)?
        .ok_or("not a Word document: no [Content_Types].xml")?;
    let types = with_comments_type(&String::from_utf8_lossy(&types));
    let rels_name = "word/_rels/document.xml.rels";
    // A minimal package may have no relationships of its own yet.
    let rels = read_part(&mut archive, rels_name, limit)?.map_or_else(
        || EMPTY_RELS.to_string(),
        |r| String::from_utf8_lossy(&r).into_owned(),
    );
    let rels = with_comments_relation(&rels);

    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let replaced = [
        "word/document.xml",
        "word/comments.xml",
        "[Content_Types].xml",
        rels_name,
    ];
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| e.to_string())?;
        if entry.name().is_ok_and(|n| replaced.contains(&n.as_ref())) {
            continue;
        }
        out.raw_copy_file(entry).map_err(|e| e.to_string())?;
    }
    for (name, bytes) in [
        ("[Content_Types].xml", types.as_bytes()),
        (rels_name, rels.as_bytes()),
        ("word/document.xml", document.as_slice()),
        ("word/comments.xml", comments_xml.as_slice()),
    ] {
        out.start_file(name, options).map_err(|e| e.to_string())?;
        out.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}

/// A new .docx holding `text`, one paragraph per line, annotated with `report`. Carriage
/// returns of CRLF lines are not written, so positions after them move back by one each.
pub fn text_to_docx(text: &str, report: &Report) -> Result<Vec<u8>, String> {
    let returns: Vec<usize> = text.match_indices('\r').map(|(i, _)| i).collect();
    let shift = |at: usize| at - returns.partition_point(|&r| r < at);
    let mut report = report.clone();
    for d in &mut report.diagnostics {
        d.decoded = shift(d.decoded.start)..shift(d.decoded.end);
        for l in &mut d.labels {
            l.decoded = shift(l.decoded.start)..shift(l.decoded.end);
        }
    }
    docx(&plain_docx(&text.replace('\r', ""))?, &report)
}

/// The edges of every comment and highlight, sorted by position, and the comments, numbered
/// from `first_id`.
fn plan(report: &Report, first_id: usize) -> (Vec<(usize, Edge)>, Vec<Comment>) {
    let mut edges = Vec::new();
    let mut comments = Vec::new();
    for (k, (d, paragraphs)) in report
        .diagnostics
        .iter()
        .zip(comment_texts(report))
        .enumerate()
    {
        let id = first_id + k;
        let primary = d.decoded.clone();
        if primary.is_empty() {
            edges.push((primary.start, Edge::CommentAt(id)));
        } else {
            edges.push((primary.start, Edge::CommentStart(id)));
            edges.push((primary.end, Edge::CommentEnd(id)));
        }
        for label in &d.labels {
            if label.decoded.is_empty() || label.decoded == primary {
                continue;
            }
            edges.push((label.decoded.start, Edge::HighlightOn));
            edges.push((label.decoded.end, Edge::HighlightOff));
        }
        comments.push(Comment { id, paragraphs });
    }
    edges.sort();
    (edges, comments)
}

/// Walks `word/document.xml` as `source::docx` does, writing it back with runs split at the
/// edges and the comment marks and highlights put in.
fn rewrite(xml: &[u8], edges: &[(usize, Edge)]) -> Result<Vec<u8>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut w = Rewriter {
        out: Vec::with_capacity(xml.len() + edges.len() * 160),
        edges,
        next: 0,
        pos: 0,
        highlight: 0,
        run_props: Vec::new(),
        capturing: None,
        run_highlighted: false,
        open_ids: Vec::new(),
    };
    let mut in_text = false;
    let mut deleted = 0usize;
    let mut rpr_depth = 0usize;
    loop {
        // Events borrow from the part itself: nothing is copied but what is written.
        let event = reader
            .read_event()
            .map_err(|e| format!("malformed word/document.xml: {e}"))?;
        if let Some(capture) = &mut w.capturing {
            // Inside `w:rPr` of a run: kept to reopen the run after a split. A tracked
            // formatting change holds an `w:rPr` of its own: the outer one ends the capture.
            match &event {
                Event::Start(e) if e.local_name().into_inner() == "rPr" => rpr_depth += 1,
                Event::End(e) if e.local_name().into_inner() == "rPr" => rpr_depth -= 1,
                _ => {}
            }
            write_event(capture, &event);
            if rpr_depth == 0 {
                w.run_props = w.capturing.take().unwrap_or_default();
            }
            write_event(&mut w.out, &event);
            continue;
        }
        match &event {
            Event::Start(e) => match e.local_name().into_inner() {
                "r" if deleted == 0 => {
                    w.flush_between();
                    w.run_props.clear();
                    w.run_highlighted = false;
                    write_event(&mut w.out, &event);
                }
                "rPr" if deleted == 0 && !in_text => {
                    rpr_depth = 1;
                    let mut capture = Vec::new();
                    write_event(&mut capture, &event);
                    w.capturing = Some(capture);
                    write_event(&mut w.out, &event);
                }
                "t" => {
                    in_text = deleted == 0;
                    write_event(&mut w.out, &event);
                }
                "del" | "moveFrom" => {
                    deleted += 1;
                    write_event(&mut w.out, &event);
                }
                _ => write_event(&mut w.out, &event),
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                "tab" | "br" | "cr" if deleted == 0 => {
                    w.pos += 1;
                    write_event(&mut w.out, &event);
                }
                "p" => {
                    w.flush_between();
                    write_event(&mut w.out, &event);
                    w.pos += 1;
                }
                "rPr" if deleted == 0 && !in_text => {
                    w.run_props.clear();
                    write_event(&mut w.out, &event);
                }
                _ => write_event(&mut w.out, &event),
            },
            Event::End(e) => match e.local_name().into_inner() {
                "t" => {
                    in_text = false;
                    write_event(&mut w.out, &event);
                }
                "del" | "moveFrom" => {
                    deleted = deleted.saturating_sub(1);
                    write_event(&mut w.out, &event);
                }
                "p" => {
                    // Marks at the paragraph's end go before it closes; the extracted text
                    // drops trailing line breaks, which runs never hold in practice.
                    w.flush_between();
                    write_event(&mut w.out, &event);
                    w.pos += 1;
                }
                _ => write_event(&mut w.out, &event),
            },
            Event::Text(t) if in_text => {
                let text = t.xml10_content();
                w.text(&text);
            }
            Event::GeneralRef(r) if in_text => {
                let mut text = String::new();
                crate::source::docx::push_reference(&mut text, r);
                w.text(&text);
            }
            Event::Eof => break,
            _ => write_event(&mut w.out, &event),
        }
    }
    // Comments that would end past the text (a finding at its very end) are closed here so
    // that every range is whole; nothing past the body is written.
    if !w.open_ids.is_empty() {
        return Err("a comment could not be placed in word/document.xml".into());
    }
    Ok(w.out)
}

struct Rewriter<'e> {
    out: Vec<u8>,
    edges: &'e [(usize, Edge)],
    next: usize,
    /// Byte position in the extracted text.
    pos: usize,
    /// How many highlighted ranges hold the position.
    highlight: usize,
    /// The current run's `w:rPr`, serialized (empty when it has none).
    run_props: Vec<u8>,
    capturing: Option<Vec<u8>>,
    /// The run being written carries the highlight.
    run_highlighted: bool,
    /// Comments started and not yet ended.
    open_ids: Vec<usize>,
}

impl Rewriter<'_> {
    /// Writes the edges at or before the position, between runs.
    fn flush_between(&mut self) {
        while let Some(&(at, edge)) = self.edges.get(self.next) {
            if at > self.pos {
                break;
            }
            self.mark(edge);
            self.next += 1;
        }
    }

    fn mark(&mut self, edge: Edge) {
        match edge {
            Edge::CommentStart(id) => {
                self.open_ids.push(id);
                self.out
                    .extend_from_slice(format!("<w:commentRangeStart w:id=\"{id}\"/>").as_bytes());
            }
            Edge::CommentEnd(id) => {
                self.open_ids.retain(|&o| o != id);
                self.out.extend_from_slice(
                    format!(
                        "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
                    )
                    .as_bytes(),
                );
            }
            Edge::CommentAt(id) => {
                self.mark(Edge::CommentStart(id));
                self.mark(Edge::CommentEnd(id));
            }
            Edge::HighlightOn => self.highlight += 1,
            Edge::HighlightOff => self.highlight = self.highlight.saturating_sub(1),
        }
    }

    /// Text of a `w:t`: split at every edge inside it, and where the highlight it should carry
    /// differs from its run's. An edge right at its end is left to what follows.
    fn text(&mut self, text: &str) {
        let start = self.pos;
        let end = start + text.len();
        let mut written = 0;
        loop {
            let mut cut = match self.edges.get(self.next) {
                Some(&(at, _)) if at < end => at.max(start) - start,
                _ => text.len(),
            };
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if written < cut && (self.highlight > 0) != self.run_highlighted {
                self.split(&[]);
            }
            self.write_text(&text[written..cut]);
            written = written.max(cut);
            self.pos = start + written;
            if cut == text.len() {
                break;
            }
            let mut here = Vec::new();
            while let Some(&(at, edge)) = self.edges.get(self.next) {
                if at > self.pos && at < end && text.is_char_boundary(at - start) {
                    break;
                }
                if at >= end {
                    break;
                }
                here.push(edge);
                self.next += 1;
            }
            self.split(&here);
        }
        self.pos = end;
    }

    fn write_text(&mut self, text: &str) {
        self.out
            .extend_from_slice(quick_xml::escape::escape(text).as_bytes());
    }

    /// Closes the run, writes the edges' marks, and opens the run again with its properties
    /// (and the highlight, when the position is highlighted).
    fn split(&mut self, edges: &[Edge]) {
        self.out.extend_from_slice(b"</w:t></w:r>");
        for &e in edges {
            self.mark(e);
        }
        self.run_highlighted = self.highlight > 0;
        let props = run_properties(&self.run_props, self.run_highlighted);
        self.out.extend_from_slice(b"<w:r>");
        self.out.extend_from_slice(props.as_bytes());
        self.out.extend_from_slice(b"<w:t xml:space=\"preserve\">");
    }
}

/// Elements of `w:rPr` that come after `w:highlight` in the schema's order.
const AFTER_HIGHLIGHT: &[&str] = &[
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
];

/// The run properties for a piece of a split run: the original ones without tracked
/// formatting changes (their ids must stay unique), with or without a yellow highlight.
fn run_properties(original: &[u8], highlighted: bool) -> String {
    let mut props = String::from_utf8_lossy(original).into_owned();
    props = without_element(&props, "rPrChange");
    props = without_element(&props, "highlight");
    if !highlighted {
        return props;
    }
    let mark = "<w:highlight w:val=\"yellow\"/>";
    if props.is_empty() {
        return format!("<w:rPr>{mark}</w:rPr>");
    }
    let at = AFTER_HIGHLIGHT
        .iter()
        .filter_map(|name| element_start(&props, name))
        .min()
        .or_else(|| props.rfind("</w:rPr>"))
        .unwrap_or(props.len());
    props.insert_str(at, mark);
    props
}

/// Where element `w:name` starts in `xml`.
fn element_start(xml: &str, name: &str) -> Option<usize> {
    let open = format!("<w:{name}");
    xml.match_indices(&open)
        .find(|(at, _)| matches!(xml[at + open.len()..].chars().next(), Some(' ' | '/' | '>')))
        .map(|(at, _)| at)
}

/// `xml` without its elements `w:name` (empty or with content).
fn without_element(xml: &str, name: &str) -> String {
    let mut out = xml.to_string();
    while let Some(start) = element_start(&out, name) {
        let close = format!("</w:{name}>");
        let tag_end = out[start..].find('>').map_or(out.len(), |k| start + k + 1);
        let end = if out[..tag_end].ends_with("/>") {
            tag_end
        } else {
            out[tag_end..]
                .find(&close)
                .map_or(out.len(), |k| tag_end + k + close.len())
        };
        out.replace_range(start..end, "");
    }
    out
}

fn write_event(out: &mut Vec<u8>, event: &Event) {
    let mut writer = quick_xml::Writer::new(out);
    // Writing to a Vec cannot fail.
    let _ = writer.write_event(event.borrow());
}

/// The id after the largest one of an existing comments part.
fn next_comment_id(xml: &[u8]) -> usize {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut next = 0;
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().into_inner() == "comment" => {
                if let Some(id) = attribute(&e, "id").and_then(|v| v.parse::<usize>().ok()) {
                    next = next.max(id + 1);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    next
}

fn attribute(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == local)
        .map(|a| a.value.into_owned())
}

fn comment_elements(comments: &[Comment]) -> String {
    let mut out = String::new();
    for c in comments {
        out.push_str(&format!(
            "<w:comment w:id=\"{}\" w:author=\"{AUTHOR}\" w:initials=\"hd\">",
            c.id
        ));
        for p in &c.paragraphs {
            out.push_str(&format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                quick_xml::escape::escape(p.as_str())
            ));
        }
        out.push_str("</w:comment>");
    }
    out
}

fn comments_part(comments: &[Comment]) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W_NS}\">{}</w:comments>",
        comment_elements(comments)
    )
    .into_bytes()
}

/// An existing comments part with hedui's comments added at its end.
fn extend_comments(xml: &[u8], comments: &[Comment]) -> Result<Vec<u8>, String> {
    let text = String::from_utf8_lossy(xml);
    let at = text
        .rfind("</w:comments>")
        .ok_or("word/comments.xml has no closing w:comments")?;
    let mut out = text[..at].to_string();
    out.push_str(&comment_elements(comments));
    out.push_str(&text[at..]);
    Ok(out.into_bytes())
}

fn with_comments_type(types: &str) -> String {
    if types.contains("/word/comments.xml") {
        return types.to_string();
    }
    let entry =
        format!("<Override PartName=\"/word/comments.xml\" ContentType=\"{COMMENTS_CONTENT}\"/>");
    append_to_root(types, "Types", &entry)
}

/// `xml` with `entry` as the last child of its root element `name`, whether the root is
/// written `<name …>…</name>` or empty, `<name …/>`.
fn append_to_root(xml: &str, name: &str, entry: &str) -> String {
    let close = format!("</{name}>");
    if let Some(at) = xml.rfind(&close) {
        return format!("{}{entry}{}", &xml[..at], &xml[at..]);
    }
    let trimmed = xml.trim_end();
    match trimmed.strip_suffix("/>") {
        Some(open) if open.contains(&format!("<{name}")) => format!("{open}>{entry}{close}"),
        _ => xml.to_string(),
    }
}

fn with_comments_relation(rels: &str) -> String {
    if rels.contains(COMMENTS_TYPE) {
        return rels.to_string();
    }
    let mut n = 1;
    while rels.contains(&format!("Id=\"rIdHedui{n}\"")) {
        n += 1;
    }
    let entry = format!(
        "<Relationship Id=\"rIdHedui{n}\" Type=\"{COMMENTS_TYPE}\" Target=\"comments.xml\"/>"
    );
    append_to_root(rels, "Relationships", &entry)
}

/// A minimal .docx of `text`, one paragraph per line.
fn plain_docx(text: &str) -> Result<Vec<u8>, String> {
    let mut body = String::new();
    for line in text.split('\n') {
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            quick_xml::escape::escape(line)
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W_NS}\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in [
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("word/_rels/document.xml.rels", EMPTY_RELS),
        ("word/document.xml", document.as_str()),
    ] {
        out.start_file(name, options).map_err(|e| e.to_string())?;
        out.write_all(bytes.as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_entries_go_into_the_root_however_it_is_written() {
        assert_eq!(
            append_to_root("<Types/>", "Types", "<X/>"),
            "<Types><X/></Types>"
        );
        assert_eq!(
            append_to_root("<?xml?><Types a=\"1\"><D/></Types>\n", "Types", "<X/>"),
            "<?xml?><Types a=\"1\"><D/><X/></Types>\n"
        );
        let rels = with_comments_relation(
            "<Relationships><Relationship Id=\"rIdHedui1\"/></Relationships>",
        );
        assert!(rels.contains("Id=\"rIdHedui2\""), "{rels}");
        assert_eq!(with_comments_relation(&rels), rels, "added once");
        let types = with_comments_type("<Types></Types>");
        assert_eq!(with_comments_type(&types), types, "added once");
    }

    #[test]
    fn a_comment_on_no_text_is_anchored_at_its_point() {
        let xml = br#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>ab</w:t></w:r></w:p></w:body></w:document>"#;
        let out = rewrite(xml, &[(1, Edge::CommentAt(0))]).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains(r#"a</w:t></w:r><w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">b"#),
            "{out}"
        );
        // A range that could not be placed is an error, never a broken copy.
        assert!(rewrite(xml, &[(0, Edge::CommentStart(0))]).is_err());
    }

    #[test]
    fn highlight_goes_before_later_properties() {
        let props = b"<w:rPr><w:b/><w:lang w:val=\"zh-CN\"/></w:rPr>";
        assert_eq!(
            run_properties(props, true),
            "<w:rPr><w:b/><w:highlight w:val=\"yellow\"/><w:lang w:val=\"zh-CN\"/></w:rPr>"
        );
        assert_eq!(
            run_properties(b"", true),
            "<w:rPr><w:highlight w:val=\"yellow\"/></w:rPr>"
        );
        let tracked = b"<w:rPr><w:b/><w:rPrChange w:id=\"3\"><w:rPr/></w:rPrChange></w:rPr>";
        assert_eq!(run_properties(tracked, false), "<w:rPr><w:b/></w:rPr>");
        // `w:u` is underline, `w:ul` would be no match.
        assert_eq!(element_start("<w:ul/><w:u w:val=\"x\"/>", "u"), Some(7));
    }
}
