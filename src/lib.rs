//! kravgen turns the guideline for open APIs in the Norwegian health and care sector
//! (HITR 1229:2020) into tender documents.
//!
//! The pipeline, one module a step: [`source`] reads YAML with positions, [`catalogue`] holds the
//! guideline's requirements, [`profile`] and [`tailoring`] fit them to one procurement,
//! [`documents`] renders the tender documents with [`render`], [`docx`] turns Markdown into Word
//! and [`output`] writes the files; [`cmd`] runs each subcommand. Evaluating tenders: [`response`]
//! reads the suppliers' responses, [`evaluation`] qualifies and scores them, [`report`] writes the
//! results.

pub mod catalogue;
pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod documents;
pub mod docx;
pub mod evaluation;
pub mod output;
pub mod profile;
pub mod render;
pub mod report;
pub mod response;
pub mod source;
pub mod structure;
pub mod tailoring;
pub mod word;

use std::path::PathBuf;

use diagnostic::Diagnostics;

/// Everything that can stop a kravgen run, sorted by who has to act.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in a file the user wrote: they fix the file.
    #[error("{0}")]
    Input(Diagnostics),

    /// A command line that cannot be carried out as given.
    #[error("{0}")]
    Usage(String),

    /// A file named on the command line that cannot be read: the user names another.
    #[error("error: cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("error: cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },

    /// Something went wrong that the input does not explain.
    #[error("{0}")]
    Runtime(String),
}

impl Error {
    /// 2 for what the user can fix in their input or command line, 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Input(_) | Error::Usage(_) | Error::Read { .. } => 2,
            Error::Write { .. } | Error::Runtime(_) => 1,
        }
    }
}
