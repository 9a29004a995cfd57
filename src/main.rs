use std::process::ExitCode;

fn main() -> ExitCode {
    hedui::cli::main()
}
