//! `kravgen init`: a starter profile that passes `check`, shows the recommended requirements, and
//! never replaces a file.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

fn kravgen(dir: &Path, args: &[&str]) -> std::process::Output {
    cargo_bin_cmd!("kravgen")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("kravgen runs")
}

#[test]
fn starter_profile_passes_check() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, lang) in [("nb.yaml", "nb"), ("en.yaml", "en")] {
        let init = kravgen(dir.path(), &["init", name, "--lang", lang]);
        assert!(
            init.status.success(),
            "{}",
            String::from_utf8_lossy(&init.stderr)
        );

        let check = kravgen(dir.path(), &["check", name]);
        let stderr = String::from_utf8_lossy(&check.stderr);
        assert_eq!(check.status.code(), Some(0), "{stderr}");
        // The only warnings are the reminders to replace the starter title and buyer.
        let warnings: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains(": warning: "))
            .collect();
        assert_eq!(warnings.len(), 2, "{stderr}");
        assert!(
            warnings
                .iter()
                .all(|w| w.contains("is still the text kravgen init wrote"))
        );
        assert!(!stderr.contains("error"), "{stderr}");
    }
}

#[test]
fn starter_profile_lists_the_recommended_requirements_with_their_text() {
    let dir = tempfile::tempdir().expect("temporary folder");
    assert!(kravgen(dir.path(), &["init", "p.yaml"]).status.success());
    assert!(
        kravgen(dir.path(), &["init", "e.yaml", "--lang", "en"])
            .status
            .success()
    );
    let nb = std::fs::read_to_string(dir.path().join("p.yaml")).expect("written");
    let en = std::fs::read_to_string(dir.path().join("e.yaml")).expect("written");

    let listed = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("  #   K"))
            .map(str::to_string)
            .collect()
    };
    let nb = listed(&nb);
    assert_eq!(nb.len(), 3, "only K3, K7 and K9 are recommended: {nb:#?}");
    assert!(nb[0].starts_with("  #   K3   Dataansvarlige bør tilby sine åpne API gratis"));
    assert!(nb[1].starts_with("  #   K7   Det bør være mulig for konsumentene av API-ene"));
    assert!(nb[2].starts_with("  #   K9   Dokumentasjon av API bør tilbys i henhold til"));

    let en = listed(&en);
    assert_eq!(en.len(), 3, "{en:#?}");
    assert!(en[0].starts_with("  #   K3   Data controllers should offer their open APIs free"));
    assert!(en[1].starts_with("  #   K7   It should be possible for the consumers of the APIs"));
    assert!(en[2].starts_with("  #   K9   Documentation of APIs should be provided"));
}

/// Regression: `init` refused with a hint about `-o`/`--force`, options it does not have.
#[test]
fn init_never_overwrites_a_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("profile.yaml");
    std::fs::write(&path, "my own work\n").expect("written");

    let init = kravgen(dir.path(), &["init", "profile.yaml"]);
    let stderr = String::from_utf8_lossy(&init.stderr);
    assert_eq!(init.status.code(), Some(2), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        "my own work\n"
    );
    assert!(
        stderr.starts_with(
            "error: profile.yaml exists already; kravgen init never overwrites a file\n"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("= hint: give another path"), "{stderr}");
    assert!(
        !stderr.contains("--force") && !stderr.contains("-o"),
        "{stderr}"
    );

    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("readable").collect();
    assert_eq!(left.len(), 1, "no temporary file left behind");
}
