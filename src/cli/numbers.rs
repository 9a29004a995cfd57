//! `hedui numbers FILE`: every quantity of a file.

use super::{NumbersArgs, Outcome, TableOrJson, print, report_error};
use crate::layout::Layout;
use crate::number;
use crate::report::numbers::NumbersJson;
use crate::source::Document;

pub fn run(args: &NumbersArgs) -> Outcome {
    let config = match args.settings.load(&args.rules) {
        Ok(c) => c,
        Err(e) => {
            report_error(e);
            return Outcome::Error;
        }
    };
    let lexicon = &config.lexicon;
    let doc = match Document::read(&args.file) {
        Ok(d) => d,
        Err(e) => {
            report_error(e);
            return Outcome::Error;
        }
    };
    let prose = doc.prose();
    let layout = Layout::with_mode(&prose, doc.line_mode());
    let quantities = number::scan(&layout, lexicon);
    let report = NumbersJson::new(&doc, &layout, &quantities);
    match args.format {
        TableOrJson::Json => print(&(report.to_json() + "\n")),
        TableOrJson::Table => print(&report.to_table()),
    }
    Outcome::Clean
}
