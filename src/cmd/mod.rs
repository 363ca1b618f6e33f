//! One module per subcommand; `run` dispatches the parsed command line to it.

mod check;
mod convert;
mod evaluate;
mod generate;
mod init;
mod list;
mod schema;
mod show;

use crate::Error;
use crate::catalogue::Catalogue;
use crate::cli::{Cli, Command};

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    let catalogue = Catalogue::load(cli.catalogue.as_deref())?;
    match &cli.command {
        Command::List(args) => list::run(&catalogue, args),
        Command::Show(args) => show::run(&catalogue, args),
        Command::Init(args) => init::run(&catalogue, &args.path, args.lang),
        Command::Check(args) => check::run(&catalogue, &args.profile, cli.quiet),
        Command::Schema(args) => schema::run(args.file),
        Command::Generate(args) => generate::run(&catalogue, args, cli.quiet),
        Command::Convert(args) => convert::run(args, cli.quiet),
        Command::Evaluate(args) => evaluate::run(&catalogue, args, cli.quiet),
    }
}

/// Writes data to standard output. A reader that stops early (`kravgen list | head`) is not an
/// error: the rest is simply not wanted.
pub(crate) fn print(text: &str) -> Result<(), Error> {
    use std::io::Write as _;

    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Runtime(
            format!("error: cannot write to standard output: {error}"),
        )),
        _ => Ok(()),
    }
}

/// Lists the files written, one path a line.
pub(crate) fn print_written(paths: &[std::path::PathBuf]) -> Result<(), Error> {
    let lines: String = paths
        .iter()
        .map(|path| format!("{}\n", path.display()))
        .collect();
    print(&lines)
}
