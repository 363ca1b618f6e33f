//! `kravgen check PROFILE`: validates a profile and summarises the tailored requirement set.

use std::path::Path;

use crate::Error;
use crate::catalogue::Catalogue;
use crate::profile::Profile;
use crate::tailoring::RequirementSet;

pub fn run(catalogue: &Catalogue, path: &Path, quiet: bool) -> Result<(), Error> {
    let checked = Profile::load(path, catalogue)?;
    for warning in checked.warnings.warnings() {
        eprintln!("{warning}\n");
    }

    let set = RequirementSet::resolve(&checked.profile, catalogue);
    match quiet {
        true => Ok(()),
        false => super::print(&summary(path, &set)),
    }
}

/// What the profile makes of the guideline, in numbers.
pub fn summary(path: &Path, set: &RequirementSet) -> String {
    let counts = set.counts();
    let evaluated: Vec<String> = set
        .evaluated
        .iter()
        .map(|r| match r.weight {
            Some(weight) => format!("{} {weight} %", r.id),
            None => r.id.clone(),
        })
        .collect();
    let omitted: Vec<&str> = set.omitted.iter().map(|o| o.id.as_str()).collect();

    format!(
        "{}: the profile is valid\n  \
         mandatory: {} ({} from the guideline, {} promoted, {} own), with {} documentation items\n  \
         evaluated: {}{}\n  \
         omitted:   {}{}\n",
        path.display(),
        set.mandatory.len(),
        counts.guideline,
        counts.promoted,
        counts.added,
        counts.items,
        counts.evaluated,
        in_brackets(&evaluated.join(", ")),
        counts.omitted,
        in_brackets(&omitted.join(", ")),
    )
}

fn in_brackets(list: &str) -> String {
    match list.is_empty() {
        true => String::new(),
        false => format!(" ({list})"),
    }
}
