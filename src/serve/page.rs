//! The pages of `hedui serve`, written here with every piece of a draft escaped; the style
//! sheet and the script are compiled in, so the page works with no network at all.

use std::fmt::Write;
use std::ops::Range;

use base64::Engine;
use http_body_util::Full;
use hyper::body::Bytes;
use hyper::header::{self, HeaderValue};
use hyper::{Response, StatusCode};

use super::{Checked, Options};
use crate::report::diagnostic::Diagnostic;

/// Only the page's own style sheet and script; forms post only here; no frames, no plug-ins.
/// The downloads are `data:` links with a `download` name, which no fetch directive governs.
pub const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; \
                       form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub const CSS: &str = include_str!("assets/app.css");
pub const SCRIPT: &str = include_str!("assets/app.js");

pub const NO_FILE: &str = "没有收到文稿：请选择一个 .docx、.txt 或 .md 文件。";
pub const BROKEN_UPLOAD: &str = "上传的内容不完整或格式有误（multipart/form-data），请重新上传。";
pub const NOT_MULTIPART: &str = "请用本页的表单上传文稿（multipart/form-data）。";

/// `text` with the five characters HTML gives meaning to written as references, for text and
/// for quoted attribute values alike. Not `quick_xml::escape::escape`, which the annotated copy
/// uses: it also writes `\r` as `&#13;`, right for XML and a parse error in HTML, where a raw
/// CRLF reads as one line break.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn head(title: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><link rel=\"stylesheet\" href=\"/app.css\">\
         <script src=\"/app.js\" defer></script></head>\n<body>\n",
        escape(title)
    )
}

fn upload_form(options: &Options) -> String {
    format!(
        "<header><h1>hedui <span>核对</span></h1>\
         <form id=\"upload\" method=\"post\" action=\"/check\" enctype=\"multipart/form-data\" \
         data-max-upload=\"{}\">\
         <label class=\"drop\"><span>选择或拖入文稿（.docx、.txt、.md，不超过 {}）</span>\
         <input type=\"file\" name=\"{}\" accept=\".docx,.txt,.md\" required></label>\
         <button type=\"submit\">核对</button><span id=\"too-large\" hidden>文件太大：\
         不能超过 {}。</span></form></header>\n",
        options.max_upload,
        size(options.max_upload),
        super::upload::FIELD,
        size(options.max_upload)
    )
}

const FOOT: &str =
    "<footer>文稿只在本次核对的内存中，不写入磁盘，不留记录。</footer>\n</body></html>\n";

/// A size for people: `8 MiB`, `512 KiB`.
fn size(bytes: usize) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} 字节")
    }
}

/// The start page: the form and what it does.
pub fn index(options: &Options) -> String {
    let mut page = head("hedui 核对");
    page.push_str(&upload_form(options));
    page.push_str(
        "<main class=\"intro\"><p>把报告文稿拖到本页或点上面的按钮选择文件，hedui \
         会核对其中数字是否相互一致：比率与其分子分母、增长与其基数、合计与其分项、\
         “分别”列举与所列数字。</p><p>核对后，问题数字在原文中标出，问题列在右侧，\
         点一条即可跳到它的数字；可以下载带 Word 批注的 .docx 副本和 JSON 报告。</p></main>\n",
    );
    page.push_str(FOOT);
    page
}

/// The page of a checked draft: summary, downloads, the text with its figures marked, and the
/// findings beside it.
pub fn result(checked: &Checked, options: &Options) -> String {
    let mut page = head(&format!("{} · hedui 核对", checked.name));
    page.push_str(&upload_form(options));
    let summary = crate::report::human::summary(std::slice::from_ref(&checked.report));
    let _ = write!(
        page,
        "<main>\n<p class=\"summary\"><b>{}</b>：{}</p>\n<nav class=\"downloads\">",
        escape(&checked.name),
        escape(summary.trim())
    );
    let stem = checked
        .name
        .rsplit_once('.')
        .map_or(checked.name.as_str(), |(stem, _)| stem);
    let base64 = base64::engine::general_purpose::STANDARD;
    match &checked.annotated {
        Ok(bytes) => {
            let _ = write!(
                page,
                "<a class=\"button\" download=\"{}\" href=\"data:application/\
                 vnd.openxmlformats-officedocument.wordprocessingml.document;base64,{}\">\
                 下载带批注的 .docx</a>",
                escape(&format!("{stem}.hedui.docx")),
                base64.encode(bytes)
            );
        }
        Err(e) => {
            let _ = write!(
                page,
                "<span class=\"unavailable\">无法生成带批注的副本：{}</span>",
                escape(e)
            );
        }
    }
    let _ = write!(
        page,
        "<a class=\"button\" download=\"{}\" href=\"data:application/json;base64,{}\">\
         下载 JSON 报告</a></nav>\n<div class=\"columns\">\n<article class=\"text\"><pre>",
        escape(&format!("{stem}.hedui.json")),
        base64.encode(checked.json.as_bytes())
    );
    page.push_str(&marked_text(&checked.text, &checked.report.diagnostics));
    page.push_str("</pre></article>\n<aside class=\"findings\">");
    if checked.report.diagnostics.is_empty() {
        page.push_str("<p class=\"clean\">未发现数字不一致。</p>");
    } else {
        page.push_str("<ol>");
        for (k, d) in checked.report.diagnostics.iter().enumerate() {
            page.push_str(&finding(k, d, checked.docx));
        }
        page.push_str("</ol>");
    }
    page.push_str("</aside>\n</div>\n</main>\n");
    page.push_str(FOOT);
    page
}

fn finding(k: usize, d: &Diagnostic, docx: bool) -> String {
    let severity = d.severity.as_str();
    let place = if docx {
        format!("第 {} 段第 {} 字", d.span.line, d.span.column)
    } else {
        format!("第 {} 行第 {} 列", d.span.line, d.span.column)
    };
    let mut item = format!(
        "<li class=\"{severity}\" id=\"finding-{k}\"><a href=\"#f{k}\" data-f=\"{k}\">\
         <span class=\"severity\">{}</span> <code>{}</code> <span class=\"place\">{}</span></a>\
         <p class=\"message\">{}</p>",
        crate::messages::severity_word(severity),
        escape(&d.code),
        place,
        escape(&d.message)
    );
    if !d.help.is_empty() {
        let _ = write!(item, "<p class=\"help\">{}</p>", escape(&d.help));
    }
    if let Some(s) = &d.suggestion {
        let _ = write!(item, "<p class=\"suggestion\">{}</p>", escape(&s.text));
    }
    item.push_str("</li>");
    item
}

/// A figure a finding points at: its stated figure (primary) or one of its inputs.
struct Mark {
    range: Range<usize>,
    finding: usize,
    primary: bool,
}

/// The text, escaped, with each stretch that findings point at in a `<mark>` naming those
/// findings (`data-f`), and an anchor `f{k}` where finding k's stated figure starts.
pub fn marked_text(text: &str, diagnostics: &[Diagnostic]) -> String {
    let fits = |r: &Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    let mut marks = Vec::new();
    for (k, d) in diagnostics.iter().enumerate() {
        if fits(&d.decoded) {
            marks.push(Mark {
                range: d.decoded.clone(),
                finding: k,
                primary: true,
            });
        }
        for label in &d.labels {
            if fits(&label.decoded) && !label.decoded.is_empty() && label.decoded != d.decoded {
                marks.push(Mark {
                    range: label.decoded.clone(),
                    finding: k,
                    primary: false,
                });
            }
        }
    }
    let mut edges: Vec<usize> = marks
        .iter()
        .flat_map(|m| [m.range.start, m.range.end])
        .chain([0, text.len()])
        .collect();
    edges.sort_unstable();
    edges.dedup();
    let mut anchors: Vec<(usize, usize)> = marks
        .iter()
        .filter(|m| m.primary)
        .map(|m| (m.range.start, m.finding))
        .collect();
    anchors.sort_unstable();
    let mut anchors = anchors.into_iter().peekable();
    let mut out = String::with_capacity(text.len() + marks.len() * 64);
    for pair in edges.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        while let Some(&(at, k)) = anchors.peek() {
            if at > a {
                break;
            }
            let _ = write!(out, "<span class=\"anchor\" id=\"f{k}\"></span>");
            anchors.next();
        }
        let covering: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.range.start <= a && b <= m.range.end && !m.range.is_empty())
            .collect();
        let stretch = escape(&text[a..b]);
        if covering.is_empty() {
            out.push_str(&stretch);
            continue;
        }
        let mut findings: Vec<usize> = covering.iter().map(|m| m.finding).collect();
        findings.dedup();
        let ids: Vec<String> = findings.iter().map(usize::to_string).collect();
        let class = if covering.iter().any(|m| m.primary) {
            "figure stated"
        } else {
            "figure"
        };
        // Line breaks stay outside the marks: a figure wrapped over lines is marked line by line.
        for (i, piece) in stretch.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if !piece.is_empty() {
                let _ = write!(
                    out,
                    "<mark class=\"{class}\" data-f=\"{}\">{piece}</mark>",
                    ids.join(" ")
                );
            }
        }
    }
    // Findings on no text at the very end.
    for (_, k) in anchors {
        let _ = write!(out, "<span class=\"anchor\" id=\"f{k}\"></span>");
    }
    out
}

/// A page for a request that could not be served, with the status's reason in Chinese.
pub fn problem(status: StatusCode, options: &Options) -> Response<Full<Bytes>> {
    let text = match status {
        StatusCode::FORBIDDEN => "只接受本页自己的请求。",
        StatusCode::NOT_FOUND => "没有这个页面。",
        StatusCode::METHOD_NOT_ALLOWED => "不支持这种请求方式。",
        StatusCode::REQUEST_TIMEOUT => "上传太慢，已超时；请重新上传。",
        StatusCode::SERVICE_UNAVAILABLE => "核对超时或服务繁忙；请稍后再试。",
        _ => "核对时出了内部错误；文稿没有被保存。请把情况告诉维护者。",
    };
    message_page(status, text, options)
}

/// 413: the upload is larger than the server reads.
pub fn too_large(options: &Options) -> Response<Full<Bytes>> {
    let mut reply = message_page(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!(
            "文件太大：本服务只接受不超过 {} 的文稿（启动时可用 --max-upload-mib 调整）。",
            size(options.max_upload)
        ),
        options,
    );
    // The rest of the body is not read: the connection ends with this answer.
    reply
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    reply
}

/// 400: the upload is not a form with a draft.
pub fn bad_upload(reason: &str, options: &Options) -> Response<Full<Bytes>> {
    message_page(StatusCode::BAD_REQUEST, reason, options)
}

/// 422: the draft could not be read (not text, a broken .docx, a zip bomb).
pub fn unreadable(reason: &str, options: &Options) -> Response<Full<Bytes>> {
    message_page(
        StatusCode::UNPROCESSABLE_ENTITY,
        &format!("无法读取这份文稿：{reason}"),
        options,
    )
}

fn message_page(status: StatusCode, text: &str, options: &Options) -> Response<Full<Bytes>> {
    let mut page = head(&format!("{} · hedui 核对", status.as_u16()));
    page.push_str(&upload_form(options));
    let _ = writeln!(
        page,
        "<main class=\"problem\"><h2>{}</h2><p>{}</p><p><a href=\"/\">返回首页</a></p></main>",
        status.as_u16(),
        escape(text)
    );
    page.push_str(FOOT);
    html(status, page)
}

/// An HTML page as a response.
pub fn html(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    let mut reply = Response::new(Full::new(Bytes::from(body)));
    *reply.status_mut() = status;
    reply.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_text_and_attributes() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn marks_name_every_finding_of_a_shared_figure() {
        let config = crate::Config::default();
        let report = crate::check_text("受理案件39347件，审结35773件，结案率99.4%。", &config);
        let html = marked_text(
            "受理案件39347件，审结35773件，结案率99.4%。",
            &report.diagnostics,
        );
        assert!(html.contains("<span class=\"anchor\" id=\"f0\"></span><mark class=\"figure stated\" data-f=\"0\">99.4%</mark>"), "{html}");
        assert!(
            html.contains("<mark class=\"figure\" data-f=\"0\">39347件</mark>"),
            "{html}"
        );
    }

    #[test]
    fn text_outside_marks_is_escaped() {
        assert_eq!(marked_text("<b>&", &[]), "&lt;b&gt;&amp;");
    }
}
