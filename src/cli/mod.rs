//! The command line: argument definitions and one small module per subcommand.

mod numbers;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// hedui (核对): check that the numbers in a Chinese report draft agree with each other.
#[derive(Debug, Parser)]
#[command(name = "hedui", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List every numeric expression of a file with its exact value and interval.
    Numbers(NumbersArgs),
}

#[derive(Debug, clap::Args)]
pub struct NumbersArgs {
    /// The draft to read (.txt or .md, UTF-8, UTF-16 with BOM or GB18030); `-` reads stdin.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    /// Extra rule directories; a `lexicon.toml` there adds units and fixed expressions.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableOrJson {
    Table,
    Json,
}

/// What a run ends with; the process exit code follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at or above the failing level.
    Clean,
    /// Usage, I/O or input error.
    Error,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        match o {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Error => ExitCode::from(2),
        }
    }
}

pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::Numbers(args) => numbers::run(&args),
    }
}

/// Prints an error as a miette report on stderr.
pub(crate) fn report_error(error: impl miette::Diagnostic + Send + Sync + 'static) {
    eprintln!("{:?}", miette::Report::new(error));
}

/// Writes to stdout; a closed pipe (`hedui numbers … | head`) ends quietly.
pub(crate) fn print(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
