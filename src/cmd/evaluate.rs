//! `kravgen evaluate PROFILE RESPONSE...`: qualifies, scores and ranks the tenders, and writes the
//! results as Markdown and as an XLSX workbook with live formulas.

use crate::Error;
use crate::catalogue::{Catalogue, Language};
use crate::cli::{EvaluateArgs, ResultFormat};
use crate::diagnostic::Diagnostics;
use crate::evaluation::{self, Outcome, Rules};
use crate::output::{self, OutputFile};
use crate::profile::Profile;
use crate::render::Templates;
use crate::report::{self, Report};
use crate::response::{self, Response};
use crate::source::Source;
use crate::tailoring::RequirementSet;
use crate::word;

pub fn run(catalogue: &Catalogue, args: &EvaluateArgs, quiet: bool) -> Result<(), Error> {
    let profile_source = Source::read(&args.profile)?;
    let checked = Profile::from_source(&profile_source, catalogue).map_err(Error::Input)?;
    show_warnings(&checked.warnings);
    let profile = &dated(&checked.profile, args.date.as_deref())?;
    let set = RequirementSet::resolve(profile, catalogue);
    let rules = Rules::of(profile, &set)
        .map_err(|problem| Error::Input(Diagnostics(vec![problem.diagnostic(&profile_source)])))?;

    let context = response::Context {
        profile,
        catalogue,
        set: &set,
    };
    let (loaded, warnings) = response::load_all(&args.responses, &context)?;
    show_warnings(&warnings);
    let responses: Vec<&Response> = loaded.iter().map(|l| &l.response).collect();
    let outcome = evaluation::evaluate(rules, &set, &responses);

    let report = Report {
        profile,
        set: &set,
        responses: &responses,
        outcome: &outcome,
    };
    let templates = Templates::load(args.templates.as_deref())?;
    let files = files(&report, &templates, &crate::cli::distinct(&args.format))?;
    let written = output::write_all(&args.output, &files, args.force)?;
    if quiet {
        return Ok(());
    }
    super::print_written(&written)?;
    eprintln!("{}", summary(&outcome));
    Ok(())
}

fn show_warnings(diagnostics: &Diagnostics) {
    for warning in diagnostics.warnings() {
        eprintln!("{warning}\n");
    }
}

/// One file per format asked for, each named after the results in the documents' language.
fn files(
    report: &Report,
    templates: &Templates,
    formats: &[ResultFormat],
) -> Result<Vec<OutputFile>, Error> {
    let stem = report::stem(report.profile.language);
    let markdown = report.markdown(templates)?;
    let mut files = Vec::new();
    for format in formats {
        let file = match format {
            ResultFormat::Md => OutputFile {
                name: format!("{stem}.md"),
                bytes: markdown.clone().into_bytes(),
            },
            ResultFormat::Docx => {
                let title = word::first_heading(&markdown).unwrap_or_default();
                OutputFile {
                    name: format!("{stem}.docx"),
                    bytes: word::convert(&markdown, &word::options_for(report.profile, &title))?,
                }
            }
            ResultFormat::Xlsx => OutputFile {
                name: format!("{stem}.xlsx"),
                bytes: report.xlsx()?,
            },
        };
        files.push(file);
    }
    Ok(files)
}

/// One line for the terminal: who ranks first, how many were qualified and who was rejected.
fn summary(outcome: &Outcome) -> String {
    let rejected: Vec<&str> = outcome
        .tenders
        .iter()
        .filter(|t| !t.failures.is_empty())
        .map(|t| t.supplier.as_str())
        .collect();
    let first: Vec<String> = outcome
        .tenders
        .iter()
        .filter_map(|t| Some((t, t.points?)))
        .filter(|(_, points)| points.rank == 1)
        .map(|(t, points)| {
            format!(
                "{} ({})",
                t.supplier,
                report::decimal(points.total, Language::En)
            )
        })
        .collect();
    let qualified = outcome.tenders.len() - rejected.len();

    let mut line = match first.len() {
        0 => "no tender is qualified".to_string(),
        1 => format!("ranked first: {}", first[0]),
        _ => format!("tied for first: {}", first.join(", ")),
    };
    line.push_str(&format!(
        "; {qualified} qualified, {} rejected",
        rejected.len()
    ));
    if !rejected.is_empty() {
        line.push_str(&format!(" ({})", rejected.join(", ")));
    }
    line
}

/// The profile with the evaluation's date in place of the tender documents' date.
fn dated(profile: &Profile, date: Option<&str>) -> Result<Profile, Error> {
    let mut profile = profile.clone();
    if let Some(date) = date {
        if !crate::structure::is_date(date) {
            return Err(Error::Usage(format!(
                "error: --date {date} is not a date; write it YYYY-MM-DD, e.g. 2027-01-20"
            )));
        }
        profile.project.date = date.to_string();
    }
    Ok(profile)
}
