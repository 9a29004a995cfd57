//! The command line: argument definitions and one small module per subcommand.

mod check;
mod claims;
mod numbers;
mod pairs;
mod rules;
mod serve;
mod walk;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::messages::{self, Lang};
use crate::report::Format;

/// The command line. Its help texts are [`crate::messages::HELP`]'s, in the language in force:
/// build it with [`command`], not `Cli::command()`.
#[derive(Debug, Parser)]
#[command(name = "hedui", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Debug, Subcommand)]
enum Command {
    Check(Box<CheckArgs>),
    Numbers(NumbersArgs),
    Claims(ClaimsArgs),
    Rules(RulesArgs),
    Explain(ExplainArgs),
    Init(InitArgs),
    Strip(StripArgs),
    Serve(ServeArgs),
}

#[derive(Debug, clap::Args)]
pub struct StripArgs {
    pub file: PathBuf,
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8733")]
    pub bind: String,
    #[arg(long, value_name = "MiB", default_value_t = 8)]
    pub max_upload_mib: u64,
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    #[command(flatten)]
    pub settings: ConfigArgs,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    #[arg(long)]
    pub force: bool,
}

/// Where settings come from: `--config FILE`, else the nearest `hedui.toml`, unless `--isolated`.
#[derive(Debug, Clone, clap::Args)]
pub struct ConfigArgs {
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
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
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    #[arg(long = "output-format", alias = "format", value_enum, default_value_t = Format::Full)]
    pub format: Format,
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    #[command(flatten)]
    pub settings: ConfigArgs,
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[arg(long)]
    pub screen_reader: bool,
    #[arg(long)]
    pub statistics: bool,
    #[arg(long)]
    pub exit_zero: bool,
    /// Last year's report; repeat it to give several (last year's report and last year's
    /// communiqué): each change is held against the first that states its metric.
    #[arg(long, value_name = "FILE")]
    pub prior: Vec<PathBuf>,
    #[arg(long)]
    pub pair_by_year: bool,
    /// Write a copy of the draft as a .docx with a Word comment on each finding (a .txt or .md
    /// draft becomes a new .docx, one paragraph per line). The draft is never written.
    #[arg(long, value_name = "OUT.docx")]
    pub annotate: Option<PathBuf>,
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<std::num::NonZeroUsize>,
    #[arg(long)]
    pub deny_warnings: bool,
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    #[arg(long)]
    pub allow_no_files: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    pub rule: String,
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct NumbersArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    #[command(flatten)]
    pub settings: ConfigArgs,
}

#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub common: NumbersArgs,
    #[arg(long, value_name = "FILE")]
    pub prior: Vec<PathBuf>,
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

/// The language `--lang` asks for in raw arguments, read before the command line is built
/// since its help texts depend on it.
fn lang_of_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter()
        .enumerate()
        .rev()
        .find_map(|(k, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(k + 1).and_then(|v| Lang::from_tag(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::from_tag),
            None => None,
        })
}

/// The command line with its help texts in the language in force.
pub fn command() -> clap::Command {
    let mut cmd = localize(<Cli as clap::CommandFactory>::command(), "hedui");
    // Building adds the `help` subcommand and propagates `--lang`; both are then localized.
    cmd.build();
    cmd.mut_subcommand("help", |h| {
        let h = h.about(messages::help("help"));
        let template = template(&h);
        h.help_template(template)
    })
}

/// The help page of `cmd`: clap's `{all-args}` heads its sections `Options:` with an ASCII colon
/// whatever the language, so the sections are laid out here, each under the heading of the
/// message table (`选项：`), in clap's header style.
fn template(cmd: &clap::Command) -> String {
    let header = cmd.get_styles().get_header();
    let heading = |text: &str| format!("{}{text}{}\n", header.render(), header.render_reset());
    let mut sections = Vec::new();
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(format!(
            "{}{{subcommands}}",
            heading(messages::commands_heading())
        ));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!(
            "{}{{positionals}}",
            heading(messages::arguments_heading())
        ));
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push(format!(
            "{}{{options}}",
            heading(messages::options_heading())
        ));
    }
    format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{}{{after-help}}",
        messages::usage_heading(),
        sections.join("\n\n")
    )
}

fn localize(mut cmd: clap::Command, key: &str) -> clap::Command {
    use clap::{Arg, ArgAction};
    cmd = cmd
        .about(messages::help(key))
        .long_about(None::<&str>)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(key == "hedui"),
        );
    if key == "hedui" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = messages::help(&format!("{key}.{id}"));
        cmd = cmd.mut_arg(&id, |a| {
            // The help texts name the values themselves, the default and other spelling in
            // the language in force, not clap's `[default: …]`.
            let default: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().to_string())
                .collect();
            let mut text = help.unwrap_or_default().to_string();
            if !default.is_empty() && !a.is_positional() {
                text.push_str(&messages::default_value(&default.join(",")));
            }
            let takes_values = a.get_action().takes_values();
            let a = a.help(text).long_help(None::<&str>);
            // clap's debug checks allow these only on arguments that take a value.
            if takes_values {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &name));
    }
    let template = template(&cmd);
    cmd.help_template(template)
}

/// The program: reads the language, parses the command line, runs it.
pub fn main() -> ExitCode {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `hedui help --help`: help about help is the help.
    if args.get(1).is_some_and(|a| a == "help")
        && args[2..].iter().any(|a| a == "--help" || a == "-h")
    {
        args.truncate(1);
        args.push("--help".into());
    }
    let lang = lang_of_args(&args).unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()));
    messages::set_lang(lang);
    let mut cmd = command();
    // `hedui check` when a subcommand was named, for the closing line of a usage error.
    let program = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| *a != "help" && cmd.find_subcommand(a).is_some())
        .map_or_else(|| "hedui".to_string(), |s| format!("hedui {s}"));
    let parsed = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    match parsed {
        Ok(cli) => run(cli).into(),
        Err(e) => usage_error(e, &mut cmd, &program),
    }
}

/// Help and version on stdout (exit 0); a usage error on stderr in the language in force
/// (exit 2).
fn usage_error(e: clap::Error, cmd: &mut clap::Command, program: &str) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        _ if messages::lang() == Lang::En => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let kind = match e.kind() {
        ErrorKind::UnknownArgument => "unknown-argument",
        ErrorKind::InvalidSubcommand => "invalid-subcommand",
        ErrorKind::InvalidValue => "invalid-value",
        ErrorKind::ValueValidation => "value-validation",
        ErrorKind::MissingRequiredArgument => "missing-required",
        ErrorKind::ArgumentConflict => "conflict",
        ErrorKind::NoEquals | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            "missing-value"
        }
        _ => "other",
    };
    let arg = text(ContextKind::InvalidArg);
    let arg = if kind == "invalid-subcommand" {
        text(ContextKind::InvalidSubcommand)
    } else {
        arg
    };
    let (value, valid) = match kind {
        "conflict" => (text(ContextKind::PriorArg), String::new()),
        "value-validation" => (
            text(ContextKind::InvalidValue),
            std::error::Error::source(&e)
                .map(|s| s.to_string())
                .unwrap_or_default(),
        ),
        "other" => (e.kind().to_string(), String::new()),
        _ => (
            text(ContextKind::InvalidValue),
            text(ContextKind::ValidValue),
        ),
    };
    let mut suggestion = text(ContextKind::SuggestedArg);
    if suggestion.is_empty() {
        suggestion = text(ContextKind::SuggestedSubcommand);
    }
    let usage = text(ContextKind::Usage);
    let usage = usage
        .trim()
        .strip_prefix("Usage:")
        .unwrap_or(usage.trim())
        .trim();
    let usage = if usage.is_empty() {
        let sub = program.strip_prefix("hedui ").unwrap_or_default();
        match cmd.find_subcommand_mut(sub) {
            Some(s) => s.render_usage().to_string(),
            None => cmd.render_usage().to_string(),
        }
    } else {
        usage.to_string()
    };
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
    eprintln!(
        "{}\n\n{}{usage}\n\n{}",
        messages::error_line(&messages::usage_error(
            kind,
            &arg,
            &value,
            &valid,
            &suggestion
        )),
        messages::usage_heading(),
        messages::more_info(program)
    );
    ExitCode::from(2)
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
        Command::Serve(args) => serve::run(&args),
    }
}

fn strip(args: &StripArgs) -> Outcome {
    let Some(doc) = read_document(&args.file) else {
        return Outcome::Error;
    };
    if doc.encoding == crate::source::Encoding::Docx {
        eprintln!("{}", messages::strip_docx(&doc.name));
        return Outcome::Error;
    }
    let stripped = crate::suppress::strip(&doc.text);
    match &args.output {
        Some(path) => match std::fs::write(path, stripped) {
            Ok(()) => Outcome::Clean,
            Err(e) => {
                eprintln!(
                    "{}",
                    messages::cannot_write(&path.display().to_string(), &e)
                );
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
        eprintln!("{}", messages::init_exists(&path.display().to_string()));
        return Outcome::Error;
    }
    match std::fs::write(path, crate::config::STARTER) {
        Ok(()) => {
            print(&messages::init_wrote(&path.display().to_string()));
            Outcome::Clean
        }
        Err(e) => {
            eprintln!(
                "{}",
                messages::cannot_write(&path.display().to_string(), &e)
            );
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
        .map_err(|e| report_source_error(&e))
        .ok()
}

/// Prints a settings or rule error on stderr, in the language in force.
pub(crate) fn report_error(error: crate::rules::RuleError) {
    eprintln!(
        "{}\n  {}{}",
        messages::error_line(&error.to_string()),
        messages::help_prefix(),
        messages::settings_help()
    );
}

/// Prints why an input could not be read on stderr, in the language in force.
pub(crate) fn report_source_error(error: &crate::source::SourceError) {
    eprintln!(
        "{}\n  {}{}",
        messages::error_line(&error.to_string()),
        messages::help_prefix(),
        error.help()
    );
}

/// Writes to stdout; a closed pipe (`hedui numbers … | head`) ends quietly.
pub(crate) fn print(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its help text in the message table.
    #[test]
    fn every_help_text_is_in_the_message_table() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            if cmd.get_about().is_none() {
                missing.push(path.to_string());
            }
            for a in cmd.get_arguments() {
                if a.get_help().is_none() {
                    missing.push(format!("{path}.{}", a.get_id()));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, s.get_name(), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&command(), "hedui", &mut missing);
        assert!(missing.is_empty(), "no help text for {missing:?}");
    }

    #[test]
    fn lang_is_read_before_parsing() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_of_args(&args(&["hedui", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_of_args(&args(&["hedui", "check", "--lang=zh"])),
            Some(Lang::Zh)
        );
        assert_eq!(lang_of_args(&args(&["hedui", "check", "x.txt"])), None);
    }
}
