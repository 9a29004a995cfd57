//! `hedui claims FILE`: the claims hedui reads, for rule authors.

use super::{NumbersArgs, Outcome, TableOrJson, load_config, print, read_document};
use crate::claim;
use crate::layout::Layout;
use crate::number;
use crate::report::claims;

pub fn run(args: &NumbersArgs) -> Outcome {
    let Some(config) = load_config(&args.settings, &args.rules) else {
        return Outcome::Error;
    };
    let Some(doc) = read_document(&args.file) else {
        return Outcome::Error;
    };
    let prose = doc.prose();
    let layout = Layout::with_mode(&prose, doc.line_mode());
    let sentences = layout.all_sentences();
    let scan = number::scan_sentences(
        &layout.text,
        &sentences,
        &config.lexicon,
        claim::MAX_FIGURES_PER_SENTENCE,
    );
    let facts = claim::extract(&layout, &sentences, &scan, &config.vocabulary);
    match args.format {
        TableOrJson::Json => print(
            &(serde_json::to_string_pretty(&claims::to_json(&doc, &layout, &facts)).expect("JSON")
                + "\n"),
        ),
        TableOrJson::Table => print(&claims::to_table(&doc, &layout, &facts)),
    }
    Outcome::Clean
}
