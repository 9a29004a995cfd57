//! hedui (核对): proves that the numbers in a Chinese report draft agree with each other.
//!
//! The pipeline runs one way: [`source`] decodes bytes, [`layout`] joins wrapped lines into
//! logical paragraphs with a map back to the original bytes, [`number`] parses every numeric
//! expression into exact quantities whose intervals ([`interval`]) say what the written digits
//! allow.

pub mod baseline;
pub mod check;
pub mod claim;
pub mod cli;
pub mod config;
pub mod interval;
pub mod layout;
pub mod lexicon;
pub mod messages;
pub mod number;
pub mod prior;
pub mod report;
pub mod rules;
pub mod serve;
pub mod source;
pub mod span;
pub mod structure;
pub mod suppress;

pub use check::{check_document, check_text};
pub use config::Config;
pub use report::diagnostic::Report;
