use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    hedui::cli::run(hedui::cli::Cli::parse()).into()
}
