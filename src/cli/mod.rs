//! The command line: argument definitions and one small module per subcommand.

mod check;
mod claims;
mod numbers;
mod pairs;
mod rules;
mod walk;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::Format;

/// hedui (核对): check that the numbers in a Chinese report draft agree with each other.
#[derive(Debug, Parser)]
#[command(name = "hedui", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check that the figures of drafts agree with each other.
    Check(Box<CheckArgs>),
    /// List every numeric expression of a file with its exact value and interval.
    Numbers(NumbersArgs),
    /// List the claims hedui reads in a file (rates, changes, lists, parts, totals).
    Claims(ClaimsArgs),
    /// List the rules.
    Rules(RulesArgs),
    /// Explain a rule: what it checks, why, and an example that fires and one that does not.
    Explain(ExplainArgs),
    /// Write a commented starter `hedui.toml` in the current directory.
    Init(InitArgs),
    /// Print a draft without its suppression directives (`%% hedui-…` lines, `<!-- hedui-… -->`
    /// comment lines), ready to publish.
    Strip(StripArgs),
}

#[derive(Debug, clap::Args)]
pub struct StripArgs {
    /// The draft; `-` reads stdin.
    pub file: PathBuf,
    /// Write here instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Overwrite an existing hedui.toml.
    #[arg(long)]
    pub force: bool,
}

/// Where settings come from: `--config FILE`, else the nearest `hedui.toml`, unless `--isolated`.
#[derive(Debug, Clone, clap::Args)]
pub struct ConfigArgs {
    /// Settings file to use instead of the nearest hedui.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore every hedui.toml.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
}

impl ConfigArgs {
    pub fn load(
        &self,
        rule_dirs: &[PathBuf],
    ) -> Result<crate::config::Config, crate::rules::RuleError> {
        let file = match (&self.config, self.isolated) {
            (Some(f), _) => Some(f.clone()),
            (None, true) => None,
            (None, false) => std::env::current_dir()
                .ok()
                .and_then(|d| crate::config::discover(&d)),
        };
        match file {
            Some(f) => crate::config::Config::from_file(&f, rule_dirs),
            None => crate::config::Config::with_rule_dirs(rule_dirs),
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Drafts or directories to check (.txt, .md, .docx; directories recursively, honouring
    /// .gitignore); `-` reads stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Only walk files matching this glob (`!` to exclude); repeatable.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// The name to report for stdin (`-`), and to choose how to read it (`.md`, `.docx`).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Output format.
    #[arg(long = "output-format", visible_alias = "format", value_enum, default_value_t = Format::Full)]
    pub format: Format,
    /// Write the output to a file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Extra rule directories (rule files, `lexicon.toml`, `claims.toml`).
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    #[command(flatten)]
    pub settings: ConfigArgs,
    /// Only these rules (ids or prefixes, comma-separated); replaces `select` of hedui.toml.
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Not these rules (ids or prefixes, comma-separated); added to `ignore` of hedui.toml.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Colour in the human formats: auto (a terminal without NO_COLOR), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Describe each finding in sentences instead of drawing it (for screen readers).
    #[arg(long)]
    pub screen_reader: bool,
    /// After the findings, count them per rule (human formats).
    #[arg(long)]
    pub statistics: bool,
    /// Exit 0 even when there are findings (input errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Last year's report: year-on-year changes whose base the draft does not state are checked
    /// against the figures stated there (`prior-growth-mismatch`).
    #[arg(long, value_name = "FILE")]
    pub prior: Option<PathBuf>,
    /// Hold each file against the file of the same name a year earlier among those checked
    /// (`report-2024.txt` against `report-2023.txt`).
    #[arg(long)]
    pub pair_by_year: bool,
    /// Files checked at once; default one per CPU. Output stays in input order either way.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<std::num::NonZeroUsize>,
    /// Fail on warnings too, not only on errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Fail when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Leave out the findings recorded in this baseline file; report its stale entries.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Extra rule directories.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The rule id (`hedui rules` lists them).
    pub rule: String,
    /// Extra rule directories.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
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
    #[command(flatten)]
    pub settings: ConfigArgs,
}

#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub common: NumbersArgs,
    /// Last year's report: list each year-on-year change with the prior figure it was held
    /// against, or why none was.
    #[arg(long, value_name = "FILE")]
    pub prior: Option<PathBuf>,
    /// Show each sentence that holds figures as a tree of its clauses, items and brackets, with
    /// the figures and scope words (其中, 分别, 比上年…) in each, before its claims; JSON adds a
    /// `sentences` array.
    #[arg(long)]
    pub tree: bool,
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
    /// Findings at or above the failing level.
    Findings,
    /// Usage, I/O or input error.
    Error,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        match o {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
            Outcome::Error => ExitCode::from(2),
        }
    }
}

pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Numbers(args) => numbers::run(&args),
        Command::Claims(args) => claims::run(&args),
        Command::Rules(args) => rules::list(&args),
        Command::Explain(args) => rules::explain(&args),
        Command::Init(args) => init(&args),
        Command::Strip(args) => strip(&args),
    }
}

fn strip(args: &StripArgs) -> Outcome {
    let Some(doc) = read_document(&args.file) else {
        return Outcome::Error;
    };
    if doc.encoding == crate::source::Encoding::Docx {
        eprintln!("hedui: {}: strip works on text drafts, not .docx", doc.name);
        return Outcome::Error;
    }
    let stripped = crate::suppress::strip(&doc.text);
    match &args.output {
        Some(path) => match std::fs::write(path, stripped) {
            Ok(()) => Outcome::Clean,
            Err(e) => {
                eprintln!("hedui: cannot write {}: {e}", path.display());
                Outcome::Error
            }
        },
        None => {
            print(&stripped);
            Outcome::Clean
        }
    }
}

fn init(args: &InitArgs) -> Outcome {
    let path = std::path::Path::new(crate::config::FILE_NAME);
    if path.exists() && !args.force {
        eprintln!(
            "hedui: {} exists; use --force to overwrite it",
            path.display()
        );
        return Outcome::Error;
    }
    match std::fs::write(path, crate::config::STARTER) {
        Ok(()) => {
            print(&format!("wrote {}\n", path.display()));
            Outcome::Clean
        }
        Err(e) => {
            eprintln!("hedui: cannot write {}: {e}", path.display());
            Outcome::Error
        }
    }
}

/// The settings in force, or `None` after reporting why they could not be loaded.
pub(crate) fn load_config(
    settings: &ConfigArgs,
    rule_dirs: &[PathBuf],
) -> Option<crate::config::Config> {
    settings.load(rule_dirs).map_err(report_error).ok()
}

/// A draft, or `None` after reporting why it could not be read.
pub(crate) fn read_document(path: &std::path::Path) -> Option<crate::source::Document> {
    crate::source::Document::read(path)
        .map_err(report_error)
        .ok()
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
