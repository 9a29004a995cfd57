//! `hedui numbers FILE`: every quantity of a file.

use super::{NumbersArgs, Outcome, TableOrJson, load_config, print, read_document};
use crate::layout::Layout;
use crate::number;
use crate::report::numbers::NumbersJson;

pub fn run(args: &NumbersArgs) -> Outcome {
    let Some(config) = load_config(&args.settings, &args.rules) else {
        return Outcome::Error;
    };
    let lexicon = &config.lexicon;
    let Some(doc) = read_document(&args.file) else {
        return Outcome::Error;
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
