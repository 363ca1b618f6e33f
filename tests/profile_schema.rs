//! `kravgen schema` prints a JSON Schema that an editor can use: it accepts both examples and
//! rejects a profile with an unknown key.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use jsonschema::Validator;
use jsonschema::error::ValidationErrorKind;
use kravgen::source::Source;
use serde_json::Value;

fn printed_schema() -> Validator {
    let output = cargo_bin_cmd!("kravgen")
        .arg("schema")
        .output()
        .expect("kravgen runs");
    assert!(output.status.success());
    let schema: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid JSON Schema")
}

fn parsed(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).expect("file exists");
    Source::parse(&path, &text).expect("valid YAML").value
}

#[test]
fn schema_accepts_both_examples() {
    let schema = printed_schema();
    for example in [
        "examples/sykehus-journal.yaml",
        "examples/municipality-citizen-apps.yaml",
    ] {
        let problems: Vec<String> = schema
            .iter_errors(&parsed(example))
            .map(|e| format!("{} {e}", e.instance_path().as_str()))
            .collect();
        assert!(problems.is_empty(), "{example}: {problems:?}");
    }
}

#[test]
fn schema_rejects_an_unknown_key() {
    let schema = printed_schema();
    let profile = parsed("tests/fixtures/profiles/unknown-key-promot.yaml");
    let errors: Vec<_> = schema.iter_errors(&profile).collect();
    assert_eq!(errors.len(), 1, "exactly the unknown key");
    assert_eq!(errors[0].instance_path().as_str(), "/tailoring");
    match errors[0].kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            assert_eq!(unexpected, &["promot".to_string()]);
        }
        _ => panic!("expected an unknown key, got: {}", errors[0]),
    }
}

/// Regression: the Norway problem seen from an editor — `language: no` is rejected, not read as
/// false and not accepted.
#[test]
fn schema_rejects_language_no() {
    let schema = printed_schema();
    let profile = parsed("tests/fixtures/profiles/language-no.yaml");
    let paths: Vec<String> = schema
        .iter_errors(&profile)
        .map(|e| e.instance_path().as_str().to_string())
        .collect();
    assert_eq!(paths, ["/language"]);
}

/// Guards the schema file the examples point editors at (`$schema=../kravgen-profile.schema.json`)
/// staying the schema kravgen prints; regenerate it with `kravgen schema > kravgen-profile.schema.json`.
#[test]
fn the_committed_schema_file_is_the_printed_schema() {
    let output = cargo_bin_cmd!("kravgen")
        .arg("schema")
        .output()
        .expect("kravgen runs");
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/kravgen-profile.schema.json"
    ))
    .expect("the schema file is in the repository");
    assert_eq!(String::from_utf8_lossy(&output.stdout), committed);
}
