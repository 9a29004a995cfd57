//! `hedui claims FILE`: the claims hedui reads, for rule authors.

use super::{NumbersArgs, Outcome, TableOrJson, print, report_error};
use crate::claim;
use crate::layout::Layout;
use crate::number;
use crate::report::claims;
use crate::source::Document;

pub fn run(args: &NumbersArgs) -> Outcome {
    let config = match args.settings.load(&args.rules) {
        Ok(c) => c,
        Err(e) => {
            report_error(e);
            return Outcome::Error;
        }
    };
    let doc = match Document::read(&args.file) {
        Ok(d) => d,
        Err(e) => {
            report_error(e);
            return Outcome::Error;
        }
    };
    let prose = doc.prose();
    let layout = Layout::with_mode(&prose, doc.line_mode());
    let quantities = number::scan(&layout, &config.lexicon);
    let facts = claim::extract(&layout, &quantities, &config.vocabulary);
    match args.format {
        TableOrJson::Json => print(
            &(serde_json::to_string_pretty(&claims::to_json(&doc, &layout, &facts)).expect("JSON")
                + "\n"),
        ),
        TableOrJson::Table => print(&claims::to_table(&doc, &layout, &facts)),
    }
    Outcome::Clean
}
