//! The bundled example profiles pass `kravgen check` with the summaries worked out by hand, also
//! when saved on Windows (byte-order mark, CRLF line ends).

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

/// Runs `kravgen check NAME` in `dir`; returns exit code, stdout and stderr.
fn check_in(dir: &Path, name: &str) -> (i32, String, String) {
    let output = cargo_bin_cmd!("kravgen")
        .current_dir(dir)
        .args(["check", name])
        .output()
        .expect("kravgen runs");
    (
        output.status.code().expect("kravgen exits, not killed"),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_example(name: &str) -> String {
    std::fs::read_to_string(manifest_dir().join("examples").join(name)).expect("example exists")
}

/// The same text as Notepad saves it: a byte-order mark and CRLF line ends.
fn as_saved_on_windows(text: &str) -> String {
    format!("\u{feff}{}", text.replace('\n', "\r\n"))
}

#[test]
fn hospital_example_is_valid_with_the_expected_counts() {
    let (code, stdout, stderr) = check_in(manifest_dir(), "examples/sykehus-journal.yaml");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "", "no warnings expected");
    // K1 K2 K4 K5 K6 K8 K10 from the guideline, K9 promoted, EX-1 own; K10 has items a–k.
    assert_eq!(
        stdout,
        "examples/sykehus-journal.yaml: the profile is valid\n  \
         mandatory: 9 (7 from the guideline, 1 promoted, 1 own), with 11 documentation items\n  \
         evaluated: 2 (K7 60 %, EX-2 40 %)\n  \
         omitted:   1 (K3)\n"
    );
}

#[test]
fn municipality_example_is_valid_with_the_expected_counts() {
    let (code, stdout, stderr) =
        check_in(manifest_dir(), "examples/municipality-citizen-apps.yaml");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "", "no warnings expected");
    // K1 K2 K4 K5 K6 K8 K10 from the guideline, K7 promoted, MUN-1 own; part-ii, no weights.
    assert_eq!(
        stdout,
        "examples/municipality-citizen-apps.yaml: the profile is valid\n  \
         mandatory: 9 (7 from the guideline, 1 promoted, 1 own), with 11 documentation items\n  \
         evaluated: 3 (MUN-2, MUN-3, K3)\n  \
         omitted:   1 (K9)\n"
    );
}

/// Regression: a profile saved on Windows (BOM + CRLF) reads exactly like the LF original.
#[test]
fn hospital_example_saved_on_windows_gives_the_same_summary() {
    let unix = tempfile::tempdir().expect("temporary folder");
    let windows = tempfile::tempdir().expect("temporary folder");
    let text = read_example("sykehus-journal.yaml");
    std::fs::write(unix.path().join("profile.yaml"), &text).expect("written");
    std::fs::write(
        windows.path().join("profile.yaml"),
        as_saved_on_windows(&text),
    )
    .expect("written");

    let lf = check_in(unix.path(), "profile.yaml");
    let crlf = check_in(windows.path(), "profile.yaml");
    assert_eq!(lf.0, 0, "{}", lf.2);
    assert_eq!(crlf, lf);
}

/// Regression: in a Windows file a message has the same line and column as in the LF file, and
/// the quoted line carries no stray carriage return.
#[test]
fn errors_in_a_windows_file_are_located_as_in_the_lf_file() {
    let unix = tempfile::tempdir().expect("temporary folder");
    let windows = tempfile::tempdir().expect("temporary folder");
    let text = read_example("sykehus-journal.yaml").replace("- id: K9", "- id: K11");
    std::fs::write(unix.path().join("profile.yaml"), &text).expect("written");
    std::fs::write(
        windows.path().join("profile.yaml"),
        as_saved_on_windows(&text),
    )
    .expect("written");

    let lf = check_in(unix.path(), "profile.yaml");
    let crlf = check_in(windows.path(), "profile.yaml");
    assert_eq!(lf.0, 2);
    assert!(
        lf.2.starts_with("profile.yaml:16:11: error: unknown requirement \"K11\""),
        "{}",
        lf.2
    );
    assert_eq!(crlf, lf);
    assert!(!crlf.2.contains('\r'));
}
