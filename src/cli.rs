//! The command line: global options and one subcommand per job, each with an example in its help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::catalogue::Language;

/// Tender documents from the guideline for open APIs in health and care (HITR 1229:2020).
#[derive(Debug, Parser)]
#[command(name = "kravgen", version, about, long_about = None)]
pub struct Cli {
    /// Use another catalogue file of the same schema instead of the bundled HITR 1229:2020.
    #[arg(long, global = true, value_name = "PATH")]
    pub catalogue: Option<PathBuf>,

    /// Say more about what is being done (on stderr).
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,

    /// Say nothing but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the catalogue's requirements, documentation items and framework conditions.
    #[command(after_help = "Examples:\n  kravgen list\n  kravgen list --lang en --format json")]
    List(ListArgs),

    /// Show one requirement, documentation item or framework condition in full.
    #[command(after_help = "Examples:\n  kravgen show K10\n  kravgen show R3 --lang en")]
    Show(ShowArgs),

    /// Write a commented starter profile that lists what can be promoted or omitted.
    #[command(after_help = "Examples:\n  kravgen init\n  kravgen init anskaffelse.yaml --lang nb")]
    Init(InitArgs),

    /// Check a profile and summarise the requirements it gives.
    #[command(after_help = "Examples:\n  kravgen check examples/sykehus-journal.yaml")]
    Check(CheckArgs),

    /// Print the JSON Schema of the profile or of a supplier response, for editors that validate
    /// YAML.
    #[command(
        after_help = "Examples:\n  kravgen schema > kravgen-profile.schema.json\n  kravgen schema response > kravgen-response.schema.json\n\nThen start the file with:\n  # yaml-language-server: $schema=kravgen-profile.schema.json"
    )]
    Schema(SchemaArgs),

    /// Write the tender documents for a profile: requirement specification, response form,
    /// evaluation matrix and, when health data is shared, the framework conditions checklist.
    #[command(
        after_help = "Examples:\n  kravgen generate examples/sykehus-journal.yaml -o out\n  kravgen generate profile.yaml -o anbud --format md --force"
    )]
    Generate(GenerateArgs),

    /// Convert a Markdown file (such as an own annex) to DOCX in the same style as the documents.
    #[command(
        after_help = "Examples:\n  kravgen convert vedlegg.md -o vedlegg.docx\n  kravgen convert annex.md -o annex.docx --lang en --title \"Annex 3\" --date 2026-12-01\n\nMarkers (HTML comments on their own line):\n  <!-- kravgen:toc -->         table of contents\n  <!-- kravgen:page-break -->  page break\n  <!-- kravgen:landscape -->   landscape pages from here\n  <!-- kravgen:portrait -->    portrait pages again"
    )]
    Convert(ConvertArgs),

    /// Evaluate the tenders: reject those that fail a mandatory requirement, compute quality,
    /// price and total points for the others, and rank them.
    #[command(
        after_help = "Examples:\n  kravgen evaluate examples/sykehus-journal.yaml examples/responses/*.yaml -o out\n  kravgen evaluate profile.yaml svar/*.yaml --format md --force"
    )]
    Evaluate(EvaluateArgs),
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema to print.
    #[arg(value_enum, default_value = "profile")]
    pub file: SchemaFile,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
    /// The project profile.
    Profile,
    /// A supplier's response with the committee's scores.
    Response,
}

#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The project profile the tenders answer.
    pub profile: PathBuf,

    /// One response file per supplier.
    #[arg(required = true, value_name = "RESPONSE")]
    pub responses: Vec<PathBuf>,

    /// The folder to write to; created when missing.
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub output: PathBuf,

    /// Which formats to write, separated by commas.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "md,docx,xlsx"
    )]
    pub format: Vec<ResultFormat>,

    /// Replace files that exist already.
    #[arg(long)]
    pub force: bool,

    /// A folder of own templates (nb/evalueringsresultat.md, en/evaluation-results.md) replacing
    /// the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// The date of the evaluation, YYYY-MM-DD, shown on the results; the profile's date by
    /// default.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

/// The formats the evaluation results are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ResultFormat {
    /// Markdown: the report with formulas, tables and every supplier's answers.
    Md,
    /// Word: the same report as the Markdown, for the tender's records.
    Docx,
    /// An Excel workbook whose totals are live formulas over the points.
    Xlsx,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The project profile.
    pub profile: PathBuf,

    /// The folder to write to; created when missing.
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub output: PathBuf,

    /// Which formats to write, separated by commas.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "md,docx")]
    pub format: Vec<DocumentFormat>,

    /// Replace files that exist already.
    #[arg(long)]
    pub force: bool,

    /// A folder of own templates (nb/NAME.md, en/NAME.md) replacing the built-in ones of the
    /// same name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Each format once, in the order first asked for (`--format md,md` writes one file).
pub fn distinct<T: PartialEq + Copy>(formats: &[T]) -> Vec<T> {
    let mut seen = Vec::new();
    for format in formats {
        if !seen.contains(format) {
            seen.push(*format);
        }
    }
    seen
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocumentFormat {
    Md,
    Docx,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The Markdown file to convert.
    pub input: PathBuf,

    /// Where to write the DOCX.
    #[arg(short, long, value_name = "OUTPUT.docx")]
    pub output: PathBuf,

    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,

    /// Document title; the first level-one heading by default.
    #[arg(long)]
    pub title: Option<String>,

    /// Author (the buyer) in the document properties.
    #[arg(long, default_value = "")]
    pub author: String,

    /// Case reference shown in the page header.
    #[arg(long, default_value = "")]
    pub reference: String,

    /// Date of the document, YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,

    /// Language of the document: spelling, and the words of the page footer and contents.
    #[arg(long, value_enum, default_value = "nb")]
    pub lang: Language,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the profile; it must not exist yet.
    #[arg(default_value = "profile.yaml")]
    pub path: PathBuf,

    /// Language of the documents the profile will produce.
    #[arg(long, value_enum, default_value = "nb")]
    pub lang: Language,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The profile to check.
    pub profile: PathBuf,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Language of the texts.
    #[arg(long, value_enum, default_value = "nb")]
    pub lang: Language,

    /// table for reading in a terminal, json for other programs (both languages, complete).
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The id to show, e.g. K10, K10a or R3.
    pub id: String,

    /// Language of the texts.
    #[arg(long, value_enum, default_value = "nb")]
    pub lang: Language,
}
