//! The hospital example applied to the bundled catalogue: final levels, origins, reasons, order,
//! the omitted record and the weights.

use std::path::Path;

use kravgen::catalogue::{Catalogue, Level};
use kravgen::profile::Profile;
use kravgen::tailoring::{Origin, RequirementSet};

fn hospital() -> RequirementSet {
    let catalogue = Catalogue::bundled().expect("bundled catalogue");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sykehus-journal.yaml");
    let checked = Profile::load(&path, &catalogue).expect("the example is valid");
    RequirementSet::resolve(&checked.profile, &catalogue)
}

fn ids<'a>(list: impl IntoIterator<Item = &'a kravgen::tailoring::Resolved>) -> Vec<&'a str> {
    list.into_iter().map(|r| r.id.as_str()).collect()
}

/// EX-1 says `after: K7`. K7 stays recommended and goes to the evaluated list, so in the
/// mandatory list EX-1 stands where K7 stood in the guideline: between K6 and K8.
#[test]
fn mandatory_requirements_in_document_order() {
    let set = hospital();
    assert_eq!(
        ids(&set.mandatory),
        ["K1", "K2", "K4", "K5", "K6", "EX-1", "K8", "K9", "K10"]
    );
    assert!(set.mandatory.iter().all(|r| r.level == Level::Mandatory));
}

#[test]
fn promoted_requirement_keeps_its_reason() {
    let set = hospital();
    let k9 = set
        .mandatory
        .iter()
        .find(|r| r.id == "K9")
        .expect("K9 is mandatory");
    assert_eq!(k9.origin, Origin::Promoted);
    assert_eq!(
        k9.reason.as_deref(),
        Some(
            "Vi krever maskinlesbar dokumentasjon (OpenAPI eller FHIR CapabilityStatement) \
             for å kunne teste integrasjoner automatisk."
        )
    );
}

#[test]
fn origins_of_the_other_mandatory_requirements() {
    let set = hospital();
    let origin = |id: &str| set.mandatory.iter().find(|r| r.id == id).map(|r| r.origin);
    assert_eq!(origin("K1"), Some(Origin::Guideline));
    assert_eq!(origin("EX-1"), Some(Origin::Added));
    let k10 = set
        .mandatory
        .iter()
        .find(|r| r.id == "K10")
        .expect("K10 is mandatory");
    assert_eq!(k10.items.len(), 11);
    assert!(k10.items.iter().all(|item| item.level == Level::Mandatory));
}

#[test]
fn omitted_requirement_is_kept_as_a_record_with_its_reason() {
    let set = hospital();
    assert_eq!(set.omitted.len(), 1);
    assert_eq!(set.omitted[0].id, "K3");
    assert_eq!(
        set.omitted[0].reason,
        "API-et prises ikke separat i denne anskaffelsen; bruk av API-ene inngår i lisensen \
         for journalsystemet."
    );
    assert!(set.all().all(|r| r.id != "K3"));
}

#[test]
fn evaluated_requirements_with_their_weights() {
    let set = hospital();
    assert_eq!(ids(&set.evaluated), ["K7", "EX-2"]);
    let weights: Vec<Option<u32>> = set.evaluated.iter().map(|r| r.weight).collect();
    assert_eq!(weights, [Some(60), Some(40)]);
    assert_eq!(set.evaluated[1].origin, Origin::Added);
    assert!(
        set.evaluated.iter().all(|r| r.priority.is_none()),
        "part-iii has no priority"
    );
}
