//! `kravgen list` and `kravgen show` on the bundled catalogue, run as the real binary: what they
//! print, that a terminal of 100 columns holds it, and how they refuse what they cannot show.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

/// The terminal width kravgen's terminal output must fit.
const WIDTH: usize = 100;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn kravgen(args: &[&str]) -> Run {
    let output = cargo_bin_cmd!("kravgen")
        .args(args)
        .output()
        .expect("kravgen runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// The standard output of a run that must succeed.
fn stdout_of(args: &[&str]) -> String {
    let run = kravgen(args);
    assert_eq!(
        run.code,
        Some(0),
        "kravgen {args:?} failed:\n{}",
        run.stderr
    );
    run.stdout
}

fn assert_fits(output: &str, what: &str) {
    let long: Vec<String> = output
        .lines()
        .filter(|line| line.chars().count() > WIDTH)
        .map(|line| format!("{:>4} | {line}", line.chars().count()))
        .collect();
    assert!(
        long.is_empty(),
        "`{what}` has lines over {WIDTH} characters:\n{}",
        long.join("\n")
    );
}

/// The first word of every line: the id column of the table.
fn first_words(output: &str) -> Vec<&str> {
    output
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect()
}

fn all_ids() -> Vec<String> {
    let requirements = (1..=10).map(|n| format!("K{n}"));
    let items = ('a'..='k').map(|letter| format!("K10{letter}"));
    let conditions = (1..=10).map(|n| format!("R{n}"));
    requirements.chain(items).chain(conditions).collect()
}

#[test]
fn list_fits_100_columns() {
    assert_fits(&stdout_of(&["list"]), "kravgen list");
}

/// Regression: the English table ends with the translation note, which must be wrapped too.
#[test]
fn list_in_english_fits_100_columns_translation_note_included() {
    let output = stdout_of(&["list", "--lang", "en"]);
    assert!(output.contains("kravgen's translation"), "{output}");
    assert_fits(&output, "kravgen list --lang en");
}

#[test]
fn list_has_a_row_for_every_requirement_item_and_condition() {
    let output = stdout_of(&["list"]);
    let words = first_words(&output);
    for id in all_ids() {
        assert!(words.contains(&id.as_str()), "no row for {id}:\n{output}");
    }
}

#[test]
fn list_in_english_uses_english() {
    let output = stdout_of(&["list", "--lang", "en"]);
    for english in [
        "Guidelines for open APIs in the health and care sector",
        "Requirement",
        "Framework condition",
        "O mandatory",
        "A recommended",
        "Understandable and fair terms",
        "Legal basis for processing",
    ] {
        assert!(output.contains(english), "{english:?} missing:\n{output}");
    }
    for norwegian in ["obligatorisk", "anbefalt", "Krav", "Behandlingsgrunnlag"] {
        assert!(
            !output.contains(norwegian),
            "{norwegian:?} shown:\n{output}"
        );
    }
}

fn list_json() -> Value {
    let output = stdout_of(&["list", "--format", "json"]);
    serde_json::from_str(&output).unwrap_or_else(|error| panic!("not JSON ({error}):\n{output}"))
}

fn is_text(value: &Value) -> bool {
    let Some(object) = value.as_object() else {
        return false;
    };
    object.len() == 2 && object["nb"].is_string() && object["en"].is_string()
}

#[test]
fn list_json_has_the_four_top_level_keys() {
    let json = list_json();
    let mut keys: Vec<&str> = json
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "catalogue",
            "framework_conditions",
            "requirements",
            "use_areas"
        ]
    );
}

#[test]
fn list_json_requirements_have_id_level_and_texts_in_both_languages() {
    let json = list_json();
    let requirements = json["requirements"].as_array().expect("a list");
    assert_eq!(requirements.len(), 10);
    for requirement in requirements {
        assert!(requirement["id"].is_string(), "{requirement}");
        let level = requirement["level"].as_str().unwrap_or_default();
        assert!(
            ["mandatory", "recommended"].contains(&level),
            "level {level:?} of {}",
            requirement["id"]
        );
        assert!(is_text(&requirement["text"]), "{requirement}");
        assert!(is_text(&requirement["topic"]), "{requirement}");
    }
    for condition in json["framework_conditions"].as_array().expect("a list") {
        assert!(is_text(&condition["title"]), "{condition}");
    }
    for area in json["use_areas"].as_array().expect("a list") {
        assert!(is_text(&area["text"]), "{area}");
    }
}

#[test]
fn list_json_puts_k10s_items_under_items() {
    let json = list_json();
    let k10 = json["requirements"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|requirement| requirement["id"] == "K10")
        .expect("K10 is listed");

    let items = k10["items"].as_array().expect("K10 has a list of items");
    let ids: Vec<&str> = items
        .iter()
        .filter_map(|item| item["id"].as_str())
        .collect();
    let expected: Vec<String> = ('a'..='k').map(|letter| format!("K10{letter}")).collect();
    assert_eq!(ids, expected);
    for item in items {
        assert_eq!(item["level"], "mandatory", "{item}");
        assert!(is_text(&item["text"]), "{item}");
    }
}

#[test]
fn list_json_snapshot() {
    insta::assert_snapshot!("list_json", stdout_of(&["list", "--format", "json"]));
}

#[test]
fn show_k10_prints_all_eleven_items_within_100_columns() {
    for lang in ["nb", "en"] {
        let output = stdout_of(&["show", "K10", "--lang", lang]);
        let words = first_words(&output);
        for letter in 'a'..='k' {
            let id = format!("K10{letter}");
            assert!(words.contains(&id.as_str()), "{id} missing:\n{output}");
        }
        assert_fits(&output, &format!("kravgen show K10 --lang {lang}"));
    }
}

#[test]
fn show_finds_an_item_by_its_id_in_lower_case() {
    let output = stdout_of(&["show", "k10a"]);
    assert!(output.starts_with("K10a "), "{output}");
    assert!(
        output.contains("Hvordan man bruker API-et, inkludert eksempelkode."),
        "{output}"
    );
}

#[test]
fn show_r3_prints_the_legal_references() {
    let output = stdout_of(&["show", "R3"]);
    assert!(output.contains("Rettslig grunnlag:"), "{output}");
    assert!(output.contains("- pasientjournalloven § 17"), "{output}");

    let output = stdout_of(&["show", "R3", "--lang", "en"]);
    assert!(output.contains("Legal references:"), "{output}");
    assert!(
        output.contains("- Patient Records Act section 17"),
        "{output}"
    );
}

#[test]
fn show_unknown_id_suggests_the_closest() {
    let run = kravgen(&["show", "K11"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("\"K11\""), "{}", run.stderr);
    assert!(run.stderr.contains("did you mean \"K1\""), "{}", run.stderr);
}

#[test]
fn show_without_an_id_is_a_usage_error() {
    let run = kravgen(&["show"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("<ID>"), "{}", run.stderr);
    assert!(run.stderr.contains("Usage: kravgen show"), "{}", run.stderr);
}

#[test]
fn help_of_list_and_show_has_examples() {
    for command in ["list", "show"] {
        let help = stdout_of(&[command, "--help"]);
        let examples = help
            .split_once("Examples:")
            .map(|(_, examples)| examples)
            .unwrap_or_else(|| panic!("`kravgen {command} --help` has no examples:\n{help}"));
        assert!(
            examples.contains(&format!("kravgen {command} ")),
            "{examples}"
        );
    }
}

/// Guards against a panic when the reader of standard output goes away early
/// (`kravgen list --format json | head -1`): that is not an error.
#[test]
fn a_reader_that_stops_early_is_not_a_panic() {
    use std::process::{Command, Stdio};

    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("kravgen"))
        .args(["list", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kravgen starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("kravgen ends");

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}
