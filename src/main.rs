//! The kravgen command: parses the command line, runs it, and maps failures to exit codes.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = kravgen::cli::Cli::parse();
    kravgen::output::clean_up_when_interrupted();
    match kravgen::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(error.exit_code())
        }
    }
}
