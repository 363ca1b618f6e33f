//! `kravgen convert INPUT.md -o OUTPUT.docx`: any Markdown file to DOCX in kravgen's style.

use std::path::Path;

use crate::Error;
use crate::cli::ConvertArgs;
use crate::output::{self, OutputFile};
use crate::word;

pub fn run(args: &ConvertArgs, quiet: bool) -> Result<(), Error> {
    let markdown = std::fs::read_to_string(&args.input).map_err(|source| Error::Read {
        path: args.input.clone(),
        source,
    })?;

    let mut options = word::options_in(args.lang);
    options.title = args
        .title
        .clone()
        .or_else(|| word::first_heading(&markdown))
        .unwrap_or_else(|| stem(&args.input));
    options.author = args.author.clone();
    options.reference = args.reference.clone();
    options.date = args.date.clone();
    let bytes = word::convert(&markdown, &options)?;

    let folder = args.output.parent().unwrap_or(Path::new(""));
    let name = args
        .output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let Some(name) = name else {
        return Err(Error::Usage(format!(
            "error: {} is not a file name",
            args.output.display()
        )));
    };
    let written = output::write_all(folder, &[OutputFile { name, bytes }], args.force)?;
    match quiet {
        true => Ok(()),
        false => super::print_written(&written),
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}
