//! What of a document is prose to check, as a text of the same length.
//!
//! Markdown front matter, fenced code, HTML comments and link targets are not prose; neither
//! are suppression directives (`%% hedui-…` lines in plain text). They are blanked out byte for
//! byte (a character becomes as many spaces as it has bytes), so every offset of the view is
//! the same offset of the document and line numbers do not move. Table pipes become `;`, so
//! each cell reads as a sentence of its own. Emphasis marks beside a figure (`**99.4**%`) are
//! blanked too, so that the figure reads with its unit.

/// Whether a document is Markdown, by its name.
pub fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// The prose view of `text`.
pub fn prose(text: &str, markdown: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence: Option<&str> = None;
    let mut in_front_matter = false;
    let mut in_comment = false;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        if is_directive_line(trimmed) {
            blank_into(&mut out, line);
            continue;
        }
        if !markdown {
            out.push_str(line);
            continue;
        }
        if n == 0 && body == "---" {
            in_front_matter = true;
            blank_into(&mut out, line);
            continue;
        }
        if in_front_matter {
            if body == "---" || body == "..." {
                in_front_matter = false;
            }
            blank_into(&mut out, line);
            continue;
        }
        if let Some(fence) = in_fence {
            if trimmed.starts_with(fence) {
                in_fence = None;
            }
            blank_into(&mut out, line);
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = Some(&trimmed[..3]);
            blank_into(&mut out, line);
            continue;
        }
        let mut rest = line;
        // HTML comments, possibly spanning lines.
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        blank_into(&mut out, &rest[..end + 3]);
                        rest = &rest[end + 3..];
                        in_comment = false;
                    }
                    None => {
                        blank_into(&mut out, rest);
                        rest = "";
                        break;
                    }
                }
            } else {
                match rest.find("<!--") {
                    Some(start) => {
                        prose_line(&mut out, &rest[..start]);
                        rest = &rest[start..];
                        in_comment = true;
                    }
                    None => break,
                }
            }
        }
        prose_line(&mut out, rest);
    }
    debug_assert_eq!(out.len(), text.len());
    out
}

/// A Markdown line outside comments and code: link targets blanked, table pipes as `;`.
fn prose_line(out: &mut String, line: &str) {
    let is_table = line.trim_start().starts_with('|');
    let separator_row = is_table
        && line
            .trim()
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' '));
    if separator_row {
        blank_into(out, line);
        return;
    }
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        let (head, tail) = rest.split_at(i + 2);
        push_table_aware(out, head, is_table);
        let end = tail.find(')').unwrap_or(tail.len());
        blank_into(out, &tail[..end]);
        rest = &tail[end..];
    }
    push_table_aware(out, rest, is_table);
}

fn push_table_aware(out: &mut String, s: &str, is_table: bool) {
    let mut rest = s;
    while !rest.is_empty() {
        // `**99.4**%`, `__3080.5__万件`: emphasis around a figure, which would split it from
        // its unit. Both marks are blanked; emphasis around words stays.
        if let Some(mark) = ["**", "__"].into_iter().find(|m| rest.starts_with(m))
            && let Some(len) = rest[2..].find(mark)
        {
            let inner = &rest[2..2 + len];
            let figure = inner.starts_with(is_figure_char) || inner.ends_with(is_figure_char);
            if figure {
                out.push_str("  ");
                push_table_aware(out, inner, is_table);
                out.push_str("  ");
                rest = &rest[2 + len + 2..];
                continue;
            }
        }
        let Some(c) = rest.chars().next() else { break };
        out.push(if is_table && c == '|' { ';' } else { c });
        rest = &rest[c.len_utf8()..];
    }
}

/// A character of a figure and its sign: digits, the decimal point, per cent.
fn is_figure_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '.' | '%' | '％' | '‰')
}

/// Spaces for every byte of `s`, line breaks kept.
fn blank_into(out: &mut String, s: &str) {
    for c in s.chars() {
        if c == '\n' || c == '\r' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
}

/// `%% hedui-…` in plain text, `<!-- hedui-… -->` alone on a line in Markdown.
pub fn is_directive_line(trimmed: &str) -> bool {
    trimmed.starts_with("%% hedui-") || trimmed.starts_with("<!-- hedui-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_non_prose_is_blanked_in_place() {
        let text = "---\ntitle: 2020年报告 39347件\n---\n# 受理39347件\n```\n审结35773件\n```\n正文<!-- 注释 99.4% -->结案率99.4%，见[附表](https://x.cn/2020/12)。\n| 指标 | 数值 |\n|---|---|\n| 受理 | 39347件 |\n";
        let view = prose(text, true);
        assert_eq!(view.len(), text.len());
        assert_eq!(view.lines().count(), text.lines().count());
        assert!(
            !view.contains("title")
                && !view.contains("35773")
                && !view.contains("注释")
                && !view.contains("x.cn")
        );
        assert!(
            view.contains("# 受理39347件")
                && view.contains("结案率99.4%")
                && view.contains("[附表]")
        );
        assert!(view.contains("; 受理 ; 39347件 ;"), "{view}");
    }

    #[test]
    fn emphasis_beside_a_figure_is_blanked() {
        let text = "结案率**99.4**%，受理__3080.5__万件，**审结**35773件。\n";
        let view = prose(text, true);
        assert_eq!(view.len(), text.len());
        assert_eq!(
            view,
            "结案率  99.4  %，受理  3080.5  万件，**审结**35773件。\n"
        );
        assert_eq!(prose(text, false), text);
    }

    #[test]
    fn directive_lines_are_blanked_in_plain_text() {
        let text = "%% hedui-disable-next-line rate-mismatch -- 口径不同\n结案率99.4%\n";
        let view = prose(text, false);
        assert_eq!(view.len(), text.len());
        assert!(view.starts_with("   ") && view.ends_with("结案率99.4%\n"));
    }
}
