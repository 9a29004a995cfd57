//! `hedui numbers FILE`: every quantity of a file.

use std::io::{BufWriter, Write};

use super::{NumbersArgs, Outcome, TableOrJson, load_config, read_document};
use crate::layout::Layout;
use crate::report::numbers;

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
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = match args.format {
        TableOrJson::Json => numbers::write_json(&doc, &layout, lexicon, &mut out),
        TableOrJson::Table => numbers::write_table(&doc, &layout, lexicon, &mut out),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => Outcome::Clean,
        // A closed pipe (`hedui numbers … | head`) ends quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Outcome::Clean,
        Err(e) => {
            eprintln!("{}", crate::messages::cannot_write_output(&e));
            Outcome::Error
        }
    }
}
