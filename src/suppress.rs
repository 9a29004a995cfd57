//! Suppression directives: an editor's "I know, it is right" written into the draft.
//!
//! ```text
//! <!-- hedui-disable-next-line rate-mismatch -- 口径为审结/(旧存+新收) -->   (Markdown)
//! %% hedui-disable-next-line rate-mismatch -- 口径为审结/(旧存+新收)           (plain text)
//! %% hedui-disable repeat-mismatch        … %% hedui-enable repeat-mismatch
//! ```
//!
//! Codes are rule ids or prefixes, comma-separated; none means every rule. A directive that
//! suppresses nothing is itself reported (`unused-suppression`), so stale ones do not pile up.
//! `hedui strip` removes the directive lines for publishing.

use std::ops::Range;

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    NextLine,
    Disable,
    Enable,
}

/// One directive of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Rule ids or prefixes; empty for all rules.
    pub codes: Vec<String>,
    pub reason: Option<String>,
    /// 1-based line of the directive.
    pub line: usize,
    /// Byte range of the directive in the document's text.
    pub range: Range<usize>,
}

impl Directive {
    pub fn covers(&self, code: &str) -> bool {
        self.codes.is_empty() || self.codes.iter().any(|c| code.starts_with(c.as_str()))
    }
}

/// The directive a line holds, if it is a directive line: its `line` is 0 and its range is
/// within the line, for the caller to place.
fn parse_line(line: &str) -> Option<Directive> {
    let lead = line.len() - line.trim_start().len();
    let trimmed = line.trim();
    let (body, len) = if let Some(b) = trimmed.strip_prefix("%%") {
        (b.trim(), trimmed.len())
    } else if let Some(b) = trimmed
        .strip_prefix("<!--")
        .and_then(|b| b.strip_suffix("-->"))
    {
        (b.trim(), trimmed.len())
    } else {
        return None;
    };
    let (kind, rest) = if let Some(r) = body.strip_prefix("hedui-disable-next-line") {
        (DirectiveKind::NextLine, r)
    } else if let Some(r) = body.strip_prefix("hedui-disable") {
        (DirectiveKind::Disable, r)
    } else if let Some(r) = body.strip_prefix("hedui-enable") {
        (DirectiveKind::Enable, r)
    } else {
        return None;
    };
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let (codes, reason) = match rest.split_once("--") {
        Some((c, r)) => (c, Some(r.trim().to_string()).filter(|r| !r.is_empty())),
        None => (rest, None),
    };
    let codes = codes
        .split([',', ' ', '，'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    Some(Directive {
        kind,
        codes,
        reason,
        line: 0,
        range: lead..lead + len,
    })
}

/// Every directive of a text, in order.
pub fn directives(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    // Every directive names `hedui-disable…` or `hedui-enable`: a draft without `hedui-` (nearly
    // all) is told by one search, not by trimming and testing each of its lines.
    if memchr::memmem::find(text.as_bytes(), b"hedui-").is_none() {
        return out;
    }
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if let Some(d) = parse_line(line.trim_end_matches(['\n', '\r'])) {
            out.push(Directive {
                line: n + 1,
                range: offset + d.range.start..offset + d.range.end,
                ..d
            });
        }
        offset += line.len();
    }
    out
}

/// The line a next-line directive applies to: the next line with text that is not a directive.
fn target_line(text: &str, directive_line: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(directive_line)
        .find(|(_, l)| !l.trim().is_empty() && parse_line(l).is_none())
        .map(|(n, _)| n + 1)
}

/// Which findings the directives of `text` suppress. `findings` are `(code, line)`; returns
/// whether each is suppressed, and the directives that suppressed nothing.
pub fn apply(
    text: &str,
    directives: &[Directive],
    findings: &[(&str, usize)],
) -> (Vec<bool>, Vec<usize>) {
    let mut used = vec![false; directives.len()];
    let suppressed = findings
        .iter()
        .map(|&(code, line)| {
            let mut hit = false;
            for (k, d) in directives.iter().enumerate() {
                if !d.covers(code) {
                    continue;
                }
                let applies = match d.kind {
                    DirectiveKind::NextLine => target_line(text, d.line) == Some(line),
                    DirectiveKind::Disable => {
                        let end = directives[k + 1..]
                            .iter()
                            .find(|e| {
                                e.kind == DirectiveKind::Enable
                                    && (e.codes.is_empty() || e.codes == d.codes)
                            })
                            .map_or(usize::MAX, |e| e.line);
                        d.line < line && line < end
                    }
                    DirectiveKind::Enable => false,
                };
                if applies {
                    used[k] = true;
                    hit = true;
                }
            }
            hit
        })
        .collect();
    let unused = directives
        .iter()
        .enumerate()
        .filter(|&(k, d)| !used[k] && d.kind != DirectiveKind::Enable)
        .map(|(k, _)| k)
        .collect();
    (suppressed, unused)
}

/// The text without its directive lines, for publishing.
pub fn strip(text: &str) -> String {
    text.split_inclusive('\n')
        .filter(|line| parse_line(line.trim_end_matches(['\n', '\r'])).is_none())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "第一段。\n%% hedui-disable-next-line rate-mismatch -- 口径不同\n\n结案率99.4%。\n<!-- hedui-disable repeat -->\n重复一。\n重复二。\n<!-- hedui-enable repeat -->\n重复三。\n%% hedui-disable-next-line list-arity\n无事。\n";

    #[test]
    fn parses_both_forms() {
        let d = directives(TEXT);
        assert_eq!(d.len(), 4);
        assert_eq!(
            (
                d[0].kind,
                d[0].codes.clone(),
                d[0].reason.as_deref(),
                d[0].line
            ),
            (
                DirectiveKind::NextLine,
                vec!["rate-mismatch".to_string()],
                Some("口径不同"),
                2
            )
        );
        assert_eq!((d[1].kind, d[1].line), (DirectiveKind::Disable, 5));
        assert_eq!((d[2].kind, d[2].line), (DirectiveKind::Enable, 8));
        assert_eq!(
            &TEXT[d[0].range.clone()],
            "%% hedui-disable-next-line rate-mismatch -- 口径不同"
        );
        assert!(directives("%% hedui-disabled\n<!-- 普通注释 -->\n").is_empty());
    }

    #[test]
    fn next_line_ranges_and_unused() {
        let d = directives(TEXT);
        let findings = [
            ("rate-mismatch", 4),
            ("growth-mismatch", 4),
            ("repeat-mismatch", 6),
            ("repeat-mismatch", 7),
            ("repeat-mismatch", 9),
        ];
        let (suppressed, unused) = apply(TEXT, &d, &findings);
        assert_eq!(suppressed, [true, false, true, true, false]);
        assert_eq!(unused, [3], "the list-arity directive suppressed nothing");
    }

    #[test]
    fn strip_removes_directive_lines_only() {
        let stripped = strip(TEXT);
        assert!(!stripped.contains("hedui-"));
        assert_eq!(stripped.lines().count(), TEXT.lines().count() - 4);
        assert!(stripped.contains("结案率99.4%。\n"));
    }
}
