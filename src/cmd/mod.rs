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
