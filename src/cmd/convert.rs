//! `kravgen convert INPUT.md -o OUTPUT.docx`: any Markdown file to DOCX in kravgen's style.

use std::path::Path;

use crate::Error;
use crate::cli::ConvertArgs;
use crate::output::{self, OutputFile};
use crate::word;
use crate::{source, structure};

pub fn run(args: &ConvertArgs, quiet: bool) -> Result<(), Error> {
    let markdown = source::read_text(&args.input)?;
    if let Some(date) = args
        .date
        .as_deref()
        .filter(|date| !structure::is_date(date))
    {
        return Err(Error::Usage(format!(
            "error: --date {date} is not a date; write it YYYY-MM-DD, e.g. 2026-12-01"
        )));
    }
    if same_file(&args.input, &args.output) {
        return Err(Error::Usage(format!(
            "error: {} is both the input and the output; give -o another file",
            args.input.display()
        )));
    }

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

fn same_file(input: &Path, output: &Path) -> bool {
    match (input.canonicalize(), output.canonicalize()) {
        (Ok(input), Ok(output)) => input == output,
        _ => false,
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}
