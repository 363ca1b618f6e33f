//! `kravgen generate PROFILE`: the tender documents for a profile, written as Markdown and Word.

use crate::Error;
use crate::catalogue::Catalogue;
use crate::cli::{DocumentFormat, GenerateArgs};
use crate::documents::{self, Document};
use crate::output::{self, OutputFile};
use crate::profile::{Checked, Profile};
use crate::render::Templates;
use crate::word;

pub fn run(catalogue: &Catalogue, args: &GenerateArgs, quiet: bool) -> Result<(), Error> {
    let checked = Profile::load(&args.profile, catalogue)?;
    for warning in checked.warnings.warnings() {
        eprintln!("{warning}\n");
    }

    let templates = Templates::load(args.templates.as_deref())?;
    let documents = documents::render_all(&checked.profile, catalogue, &templates)?;
    let files = files(&checked, &documents, &crate::cli::distinct(&args.format))?;

    let written = output::write_all(&args.output, &files, args.force)?;
    match quiet {
        true => Ok(()),
        false => super::print_written(&written),
    }
}

/// Every output file, in the order of the documents and then of the formats asked for.
fn files(
    checked: &Checked,
    documents: &[Document],
    formats: &[DocumentFormat],
) -> Result<Vec<OutputFile>, Error> {
    let mut files = Vec::new();
    for document in documents {
        for format in formats {
            files.push(file(checked, document, *format)?);
        }
    }
    Ok(files)
}

fn file(
    checked: &Checked,
    document: &Document,
    format: DocumentFormat,
) -> Result<OutputFile, Error> {
    match format {
        DocumentFormat::Md => Ok(OutputFile {
            name: format!("{}.md", document.stem),
            bytes: document.markdown.clone().into_bytes(),
        }),
        DocumentFormat::Docx => {
            let title = word::first_heading(&document.markdown).unwrap_or_default();
            let options = word::options_for(&checked.profile, &title);
            Ok(OutputFile {
                name: format!("{}.docx", document.stem),
                bytes: word::convert(&document.markdown, &options)?,
            })
        }
    }
}
