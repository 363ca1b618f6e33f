//! A broken catalogue given with `--catalogue` stops the run with exit code 2 and messages a
//! user can act on: file, line and column, the offending value or key, and a hint.
//!
//! The fixtures in tests/fixtures/catalogue/ are copies of valid.yaml with the change their
//! name says; the expected lines below were counted by hand in those files.

use assert_cmd::cargo::cargo_bin_cmd;

const FIXTURES: &str = "tests/fixtures/catalogue";

/// What `kravgen --catalogue FIXTURE list` did.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn list_with(fixture: &str) -> Run {
    let output = cargo_bin_cmd!("kravgen")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--catalogue", &format!("{FIXTURES}/{fixture}"), "list"])
        .output()
        .expect("kravgen runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A run that was refused as bad input: exit code 2 and nothing on stdout.
fn refused(fixture: &str) -> Run {
    let run = list_with(fixture);
    assert_eq!(run.code, Some(2), "exit code; stderr:\n{}", run.stderr);
    assert_eq!(run.stdout, "", "nothing is listed from a broken catalogue");
    run
}

/// The message (header, quoted line, hint) that starts with `file:line:col:`.
fn message_at<'a>(stderr: &'a str, location: &str) -> &'a str {
    stderr
        .split("\n\n")
        .find(|block| block.starts_with(location))
        .unwrap_or_else(|| panic!("no message at {location} in:\n{stderr}"))
}

/// The first line of a message: location, severity and what is wrong.
fn headline(message: &str) -> &str {
    message.lines().next().unwrap_or_default()
}

#[test]
fn valid_fixture_is_listed() {
    let run = list_with("valid.yaml");
    assert_eq!(run.code, Some(0), "stderr:\n{}", run.stderr);
    for id in ["K1", "K2", "K2a", "R1"] {
        assert!(
            run.stdout
                .lines()
                .any(|line| line.split_whitespace().next() == Some(id)),
            "{id} is listed:\n{}",
            run.stdout
        );
    }
}

#[test]
fn duplicate_id_is_located_at_the_second_use() {
    let run = refused("duplicate-id.yaml");
    let message = message_at(
        &run.stderr,
        "tests/fixtures/catalogue/duplicate-id.yaml:26:9:",
    );
    assert!(headline(message).contains("\"K1\""), "{message}");
    assert!(message.contains("= hint:"), "{message}");
    assert!(
        message.contains("line 20"),
        "the hint names the first use:\n{message}"
    );
}

#[test]
fn unknown_level_names_the_value_and_the_accepted_levels() {
    let run = refused("unknown-level.yaml");
    let message = message_at(
        &run.stderr,
        "tests/fixtures/catalogue/unknown-level.yaml:21:12:",
    );
    let headline = headline(message);
    assert!(headline.contains("\"mandatry\""), "{message}");
    assert!(headline.contains("did you mean \"mandatory\""), "{message}");
    assert!(headline.contains("recommended"), "{message}");
    assert!(message.contains("= hint:"), "{message}");
}

#[test]
fn missing_translation_names_the_missing_key() {
    let run = refused("missing-translation.yaml");
    // Reported at K1's text mapping, which starts with its nb key on line 24.
    let location = "tests/fixtures/catalogue/missing-translation.yaml:24:7:";
    let message = message_at(&run.stderr, location);
    assert!(headline(message).contains("\"en\""), "{message}");
    assert!(message.contains("= hint:"), "{message}");
}

#[test]
fn empty_norwegian_text_is_located_at_the_empty_value() {
    let run = refused("empty-text.yaml");
    let message = message_at(
        &run.stderr,
        "tests/fixtures/catalogue/empty-text.yaml:39:13:",
    );
    assert!(headline(message).contains("nb"), "{message}");
    assert!(message.contains("= hint:"), "{message}");
}

#[test]
fn items_under_a_framework_condition_are_an_unknown_key() {
    let run = refused("items-under-condition.yaml");
    let location = "tests/fixtures/catalogue/items-under-condition.yaml:41:5:";
    let message = message_at(&run.stderr, location);
    assert!(headline(message).contains("\"items\""), "{message}");
    assert!(message.contains("= hint:"), "{message}");
    assert!(
        message.contains("legal_references"),
        "the hint lists the keys:\n{message}"
    );
}

#[test]
fn yaml_syntax_error_is_located() {
    let run = refused("yaml-syntax.yaml");
    // The flow mapping opened on line 6 is found unclosed where line 7 starts.
    let message = message_at(
        &run.stderr,
        "tests/fixtures/catalogue/yaml-syntax.yaml:7:3:",
    );
    assert!(headline(message).contains("not valid YAML"), "{message}");
    assert!(message.contains("= hint:"), "{message}");
}

#[test]
fn three_problems_in_one_file_are_reported_in_one_run() {
    let run = refused("three-problems.yaml");
    let file = "tests/fixtures/catalogue/three-problems.yaml";

    let level = message_at(&run.stderr, &format!("{file}:27:12:"));
    assert!(headline(level).contains("\"optional\""), "{level}");

    let translation = message_at(&run.stderr, &format!("{file}:39:9:"));
    assert!(headline(translation).contains("\"en\""), "{translation}");

    let items = message_at(&run.stderr, &format!("{file}:40:5:"));
    assert!(headline(items).contains("\"items\""), "{items}");

    assert!(run.stderr.contains("3 problems to fix"), "{}", run.stderr);
}

#[test]
fn missing_catalogue_file_names_the_path() {
    let run = refused("does-not-exist.yaml");
    assert!(
        run.stderr
            .contains("tests/fixtures/catalogue/does-not-exist.yaml"),
        "{}",
        run.stderr
    );
}
