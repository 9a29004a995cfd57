//! Rendering results for people and for scripts. Diagnostics are built once
//! ([`diagnostic`]); each output format lives in its own module.

pub mod annotate;
pub mod claims;
pub mod claims_tree;
pub mod concise;
pub mod diagnostic;
mod evidence;
pub mod excerpt;
pub mod github;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod narrated;
pub mod numbers;
pub mod rdjson;
pub mod sarif;

use crate::rules::RuleSet;
use diagnostic::Report;

/// The output formats of `hedui check` (described in `crate::messages::HELP`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[value(alias = "human")]
    Full,
    Concise,
    Json,
    JsonLines,
    Github,
    Sarif,
    Rdjson,
    Junit,
}

impl Format {
    /// Formats read by people get a summary footer and `--statistics`.
    pub fn is_human(self) -> bool {
        matches!(self, Format::Full | Format::Concise)
    }

    pub fn render(self, reports: &[Report], rules: &RuleSet, style: human::Style) -> String {
        match self {
            Format::Full => reports.iter().map(|r| human::render(r, style)).collect(),
            Format::Concise => concise::render(reports),
            Format::Json => json::render(reports),
            Format::JsonLines => json_lines::render(reports),
            Format::Github => github::render(reports),
            Format::Sarif => sarif::render(reports, rules),
            Format::Rdjson => rdjson::render(reports),
            Format::Junit => junit::render(reports),
        }
    }
}

/// A figure as quoted in a message or a table cell; a long one (a 200-digit run) by its two
/// ends and its length, so one absurd figure cannot flood a terminal.
pub fn abridged(figure: &str) -> String {
    let chars: Vec<char> = figure.chars().collect();
    if chars.len() <= 32 {
        return figure.to_string();
    }
    let head: String = chars[..12].iter().collect();
    let tail: String = chars[chars.len() - 8..].iter().collect();
    format!("{head}…{tail}（共 {} 字）", chars.len())
}
