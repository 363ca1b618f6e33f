//! `kravgen schema`: the JSON Schema of the profile, for editors that validate and complete YAML.

use crate::Error;
use crate::profile::Profile;
use crate::structure::schema_for;

pub fn run() -> Result<(), Error> {
    let schema = schema_for::<Profile>();
    let text = serde_json::to_string_pretty(&schema)
        .map_err(|error| Error::Runtime(format!("cannot write the schema: {error}")))?;
    println!("{text}");
    Ok(())
}
