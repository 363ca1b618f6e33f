//! `kravgen schema [profile|response]`: the JSON Schema of a profile or of a supplier response, for
//! editors that validate and complete YAML.

use crate::Error;
use crate::cli::SchemaFile;
use crate::profile::Profile;
use crate::response::Response;
use crate::structure::schema_for;

pub fn run(file: SchemaFile) -> Result<(), Error> {
    let schema = match file {
        SchemaFile::Profile => schema_for::<Profile>(),
        SchemaFile::Response => schema_for::<Response>(),
    };
    let text = serde_json::to_string_pretty(&schema)
        .map_err(|error| Error::Runtime(format!("cannot write the schema: {error}")))?;
    super::print(&format!("{text}\n"))
}
