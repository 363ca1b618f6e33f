//! `kravgen evaluate` run as a user runs it: the hospital example's numbers against a hand
//! computation, ties, negative and proportional price points, part-ii profiles, every validation
//! message with its location, and the workbook read back.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::cargo::cargo_bin_cmd;
use calamine::{Data, Reader, Xlsx, open_workbook};

const EXAMPLE: &str = "examples/sykehus-journal.yaml";
const MUNICIPALITY: &str = "examples/municipality-citizen-apps.yaml";
const RESPONSES: [&str; 3] = [
    "examples/responses/leverandor-a.yaml",
    "examples/responses/leverandor-b.yaml",
    "examples/responses/leverandor-c.yaml",
];

/// The mandatory ids of the hospital example: the guideline's, K9 promoted, K10's items, EX-1.
const HOSPITAL_MANDATORY: &str =
    "K1 K2 K4 K5 K6 EX-1 K8 K9 K10 K10a K10b K10c K10d K10e K10f K10g K10h K10i K10j K10k";

/// The mandatory ids of the municipality example: K7 promoted, MUN-1 its own.
const MUNICIPALITY_MANDATORY: &str =
    "K1 K2 K4 K5 K6 K7 K8 MUN-1 K10 K10a K10b K10c K10d K10e K10f K10g K10h K10i K10j K10k";

fn run(dir: &Path, args: &[&str]) -> Output {
    cargo_bin_cmd!("kravgen")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("evaluate")
        .args(args)
        .arg("-o")
        .arg(dir.join("out"))
        .output()
        .expect("kravgen runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn succeeded(output: &Output) {
    assert!(
        output.status.success(),
        "kravgen failed:\n{}",
        stderr(output)
    );
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("the report was written")
}

/// A response answering `yes` to every id in `mandatory`, with `extra` lines appended.
fn response(
    dir: &Path,
    file: &str,
    supplier: &str,
    price: &str,
    mandatory: &str,
    extra: &str,
) -> PathBuf {
    let mut text = format!("kravgen-response: 1\nsupplier: {supplier}\nprice: {price}\nanswers:\n");
    for id in mandatory.split_whitespace() {
        text.push_str(&format!("  {id}: {{ answer: yes }}\n"));
    }
    text.push_str(extra);
    let path = dir.join(file);
    std::fs::write(&path, text).expect("fixture written");
    path
}

/// Hospital-example committee scores for K7 and EX-2.
fn scores(k7: &str, ex2: &str) -> String {
    format!(
        "scores:\n  K7: {{ points: {k7}, reason: \"Vurdert i demonstrasjon\" }}\n  EX-2: {{ points: {ex2}, reason: \"Vurdert i demonstrasjon\" }}\n"
    )
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn hospital_example_points_totals_and_ranking_match_a_hand_computation() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![EXAMPLE];
    args.extend(RESPONSES);
    let output = run(dir.path(), &args);
    succeeded(&output);
    let report = read(&dir.path().join("out/evalueringsresultat.md"));

    // Leverandør C answers K10e "partly": rejected, so its lower price (950 000) is not Pmin.
    assert!(report.contains("- **Leverandør C** avvises. Ikke oppfylt: K10e (Delvis)."));
    assert!(report.contains("| **Resultat** | **Kvalifisert** | **Kvalifisert** | **Avvist** |"));

    // Quality, weights K7 60 and EX-2 40:
    //   A: (60 × 9 + 40 × 8) / 100 = (540 + 320) / 100 = 8.60
    //   B: (60 × 7 + 40 × 5) / 100 = (420 + 200) / 100 = 6.20
    assert!(report.contains("| | **Kvalitetspoeng** | 100 | **8,60** | **6,20** |"));
    assert!(report.contains("- Leverandør A: (60 × 9 + 40 × 8) / 100 = 8,60"));

    // Price, linear, Pmin = 1 100 000 (B):
    //   A: 10 − 10 × 150 000 / 1 100 000 = 10 − 15/11 = 95/11 = 8.6363… → 8,64
    //   B: 10
    assert!(report.contains(
        "| Leverandør A | 1 250 000 | 10 − 10 × (1 250 000 − 1 100 000) / 1 100 000 | 8,64 |"
    ));
    assert!(report.contains(
        "| Leverandør B | 1 100 000 | 10 − 10 × (1 100 000 − 1 100 000) / 1 100 000 | 10,00 |"
    ));

    // Total, 40 % quality and 60 % price:
    //   A: 0.4 × 8.6 + 0.6 × 95/11 = 3.44 + 5.1818… = 8.6218… → 8,62
    //   B: 0.4 × 6.2 + 0.6 × 10    = 2.48 + 6      = 8.48
    // A ranks first: better quality outweighs a 13.6 % higher price.
    assert!(
        report
            .contains("| 1 | Leverandør A | 8,60 | 8,64 | 40 % × 8,60 + 60 % × 8,64 | **8,62** |")
    );
    assert!(
        report.contains(
            "| 2 | Leverandør B | 6,20 | 10,00 | 40 % × 6,20 + 60 % × 10,00 | **8,48** |"
        )
    );
    assert!(
        stderr(&output)
            .contains("ranked first: Leverandør A (8.62); 2 qualified, 1 rejected (Leverandør C)")
    );
}

#[test]
fn hospital_example_report_shows_answers_references_notes_and_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![EXAMPLE];
    args.extend(RESPONSES);
    succeeded(&run(dir.path(), &args));
    let report = read(&dir.path().join("out/evalueringsresultat.md"));

    assert!(report.contains(
        "| K10e | Delvis | Løsningsbeskrivelse, kap. 5 | Tilgangsstyringen beskrives først"
    ));
    assert!(
        report.contains("| K7 | 9 | Sandkasse med syntetiske data, selvbetjent og uten kostnad")
    );
    // Values are Markdown-escaped like every user text.
    assert!(report.contains("Eksempelkode i Java, C\\# og TypeScript."));
}

/// Reads the points sheet: the row labelled `label` in column A, columns D and on.
fn sheet_row(path: &Path, sheet: &str, label: &str) -> Vec<Data> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("the workbook opens");
    let range = workbook.worksheet_range(sheet).expect("the sheet exists");
    let row = range
        .rows()
        .find(|row| row.first() == Some(&Data::String(label.to_string())))
        .unwrap_or_else(|| panic!("no row {label}"));
    row[3..]
        .iter()
        .filter(|cell| **cell != Data::Empty)
        .cloned()
        .collect()
}

fn float(data: &Data) -> f64 {
    match data {
        Data::Float(value) => *value,
        Data::Int(value) => *value as f64,
        other => panic!("not a number: {other:?}"),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn hospital_example_workbook_caches_the_same_totals_behind_live_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![EXAMPLE];
    args.extend(RESPONSES);
    succeeded(&run(dir.path(), &args));
    let xlsx = dir.path().join("out/evalueringsresultat.xlsx");

    let expect = |label: &str, values: [f64; 2]| {
        let row = sheet_row(&xlsx, "Poeng", label);
        assert_eq!(row.len(), 2, "{label}: {row:?}");
        for (cell, value) in row.iter().zip(values) {
            assert!(
                close(float(cell), value),
                "{label}: {cell:?} is not {value}"
            );
        }
    };
    expect("Kvalitetspoeng", [8.6, 6.2]);
    expect("Pris (P)", [1_250_000.0, 1_100_000.0]);
    expect("Prispoeng", [95.0 / 11.0, 10.0]);
    expect(
        "Totalpoeng",
        [0.4 * 8.6 + 0.6 * 95.0 / 11.0, 0.4 * 6.2 + 6.0],
    );
    expect("Totalpoeng, to desimaler", [8.62, 8.48]);
    expect("Rangering", [1.0, 2.0]);

    // The same totals as the Markdown report, there written with a decimal comma.
    let report = read(&dir.path().join("out/evalueringsresultat.md"));
    for total in sheet_row(&xlsx, "Poeng", "Totalpoeng, to desimaler") {
        let shown = format!("**{:.2}**", float(&total)).replace('.', ",");
        assert!(report.contains(&shown), "{shown} is not in the report");
    }

    let mut workbook: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let formulas = workbook.worksheet_formula("Poeng").unwrap();
    let all: Vec<&String> = formulas.used_cells().map(|(_, _, f)| f).collect();
    let has = |needle: &str| all.iter().any(|f| f.contains(needle));
    assert!(
        has("SUMPRODUCT($C$9:$C$10,D9:D10)/SUM($C$9:$C$10)"),
        "{all:?}"
    );
    assert!(has("$B$3-$B$3*(D13-$C$14)/$C$14"), "{all:?}");
    assert!(has("MIN($D$13:$E$13)"), "{all:?}");
    assert!(has("RANK(D17,$D$17:$E$17)"), "{all:?}");
}

#[test]
fn workbook_names_the_rejected_supplier_and_the_failed_requirement() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![EXAMPLE];
    args.extend(RESPONSES);
    succeeded(&run(dir.path(), &args));
    let xlsx = dir.path().join("out/evalueringsresultat.xlsx");

    let mut workbook: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = workbook.worksheet_range("Kvalifisering").unwrap();
    let result = range
        .rows()
        .find(|row| row.get(1) == Some(&Data::String("Resultat".into())))
        .expect("a result row");
    assert_eq!(result[2], Data::String("Kvalifisert".into()));
    assert_eq!(result[4], Data::String("Avvist (K10e)".into()));
}

#[test]
fn workbook_is_the_same_bytes_on_every_run() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let mut args = vec![EXAMPLE];
    args.extend(RESPONSES);
    args.extend(["--format", "xlsx"]);
    succeeded(&run(first.path(), &args));
    succeeded(&run(second.path(), &args));

    let bytes = |dir: &Path| std::fs::read(dir.join("out/evalueringsresultat.xlsx")).unwrap();
    assert_eq!(bytes(first.path()), bytes(second.path()));
    assert!(!first.path().join("out/evalueringsresultat.md").exists());
}

#[test]
fn totals_equal_to_two_decimals_are_a_tie_and_the_next_rank_skips() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A: quality (60·8 + 40·8)/100 = 8, price 1 000 000 = Pmin → 10; total 3.2 + 6 = 9.20
    // B: quality 10, price 1 133 333 → 10 − 10·133 333/1 000 000 = 8.66667;
    //    total 4 + 0.6 × 8.66667 = 4 + 5.200002 = 9.200002 → 9,20, the same as A
    // C: quality 5, price 1 000 000 → 10; total 2 + 6 = 8.00, third (not second)
    let a = response(
        d,
        "a.yaml",
        "Leverandør A",
        "1000000",
        HOSPITAL_MANDATORY,
        &scores("8", "8"),
    );
    let b = response(
        d,
        "b.yaml",
        "Leverandør B",
        "1133333",
        HOSPITAL_MANDATORY,
        &scores("10", "10"),
    );
    let c = response(
        d,
        "c.yaml",
        "Leverandør C",
        "1000000",
        HOSPITAL_MANDATORY,
        &scores("5", "5"),
    );
    let output = run(d, &[EXAMPLE, path_str(&a), path_str(&b), path_str(&c)]);
    succeeded(&output);
    let report = read(&d.join("out/evalueringsresultat.md"));

    assert!(
        report.contains("| 1 (delt) | Leverandør A | 8,00 | 10,00 |"),
        "{report}"
    );
    assert!(
        report.contains("| 1 (delt) | Leverandør B | 10,00 | 8,67 |"),
        "{report}"
    );
    assert!(
        report.contains("| 3 | Leverandør C | 5,00 | 10,00 |"),
        "{report}"
    );
    assert!(report.contains("deler plass"));
    assert!(stderr(&output).contains("tied for first: Leverandør A (9.20), Leverandør B (9.20)"));

    let ranks = sheet_row(
        &d.join("out/evalueringsresultat.xlsx"),
        "Poeng",
        "Rangering",
    );
    assert_eq!(
        ranks.iter().map(float).collect::<Vec<_>>(),
        vec![1.0, 1.0, 3.0]
    );
}

#[test]
fn linear_price_points_go_below_zero_above_twice_the_lowest_price() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // B: 10 − 10 × (2 500 000 − 1 000 000) / 1 000 000 = 10 − 15 = −5
    //    total 0.4 × 10 + 0.6 × (−5) = 4 − 3 = 1.00
    // A: quality 5, price points 10; total 2 + 6 = 8.00
    let a = response(
        d,
        "a.yaml",
        "Leverandør A",
        "1000000",
        HOSPITAL_MANDATORY,
        &scores("5", "5"),
    );
    let b = response(
        d,
        "b.yaml",
        "Leverandør B",
        "2500000",
        HOSPITAL_MANDATORY,
        &scores("10", "10"),
    );
    succeeded(&run(d, &[EXAMPLE, path_str(&a), path_str(&b)]));
    let report = read(&d.join("out/evalueringsresultat.md"));

    assert!(report.contains(
        "| Leverandør B | 2 500 000 | 10 − 10 × (2 500 000 − 1 000 000) / 1 000 000 | −5,00 |"
    ));
    assert!(
        report.contains(
            "| 2 | Leverandør B | 10,00 | −5,00 | 40 % × 10,00 + 60 % × −5,00 | **1,00** |"
        )
    );
    assert!(report.contains("| 1 | Leverandør A | 5,00 | 10,00 |"));

    let price_points = sheet_row(
        &d.join("out/evalueringsresultat.xlsx"),
        "Poeng",
        "Prispoeng",
    );
    assert!(close(float(&price_points[1]), -5.0), "{price_points:?}");
}

#[test]
fn proportional_price_points_are_the_lowest_price_over_the_price() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let profile = d.join("profile.yaml");
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    std::fs::write(
        &profile,
        text.replace("price_model: linear", "price_model: proportional"),
    )
    .unwrap();
    // B: 10 × 1 000 000 / 2 500 000 = 4; total 0.4 × 10 + 0.6 × 4 = 4 + 2.4 = 6.40
    // A: 10; total 0.4 × 5 + 0.6 × 10 = 8.00
    let a = response(
        d,
        "a.yaml",
        "Leverandør A",
        "1000000",
        HOSPITAL_MANDATORY,
        &scores("5", "5"),
    );
    let b = response(
        d,
        "b.yaml",
        "Leverandør B",
        "2500000",
        HOSPITAL_MANDATORY,
        &scores("10", "10"),
    );
    succeeded(&run(d, &[path_str(&profile), path_str(&a), path_str(&b)]));
    let report = read(&d.join("out/evalueringsresultat.md"));

    assert!(report.contains("*prispoeng* = 10 × Pmin / P"));
    assert!(report.contains("| Leverandør B | 2 500 000 | 10 × 1 000 000 / 2 500 000 | 4,00 |"));
    assert!(
        report.contains(
            "| 2 | Leverandør B | 10,00 | 4,00 | 40 % × 10,00 + 60 % × 4,00 | **6,40** |"
        )
    );

    let xlsx = d.join("out/evalueringsresultat.xlsx");
    let totals = sheet_row(&xlsx, "Poeng", "Totalpoeng");
    assert!(
        close(float(&totals[0]), 8.0) && close(float(&totals[1]), 6.4),
        "{totals:?}"
    );
    let mut workbook: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let formulas = workbook.worksheet_formula("Poeng").unwrap();
    assert!(
        formulas
            .used_cells()
            .any(|(_, _, f)| f.contains("$B$3*$C$14/E13"))
    );
}

#[test]
fn part_ii_without_weights_is_an_error_naming_the_requirements_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = response(
        d,
        "a.yaml",
        "Supplier A",
        "1000",
        MUNICIPALITY_MANDATORY,
        "",
    );
    let output = run(d, &[MUNICIPALITY, path_str(&a)]);

    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains(
        "examples/municipality-citizen-apps.yaml:34:1: error: weights are needed to compute a total; no weight is given for MUN-2, MUN-3, K3"
    ), "{}", stderr(&output));
    assert!(!d.join("out").exists());
}

#[test]
fn part_ii_with_weights_gives_totals_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let profile = d.join("profile.yaml");
    let text = std::fs::read_to_string(MUNICIPALITY).unwrap();
    let weighted = text.replace(
        "  price_model: proportional\n",
        "  price_model: proportional\n  weights: { K3: 20, MUN-2: 30, MUN-3: 50 }\n",
    );
    std::fs::write(&profile, weighted).unwrap();
    let scored = |k3: &str, mun2: &str, mun3: &str| {
        format!(
            "scores:\n  K3: {{ points: {k3}, reason: r }}\n  MUN-2: {{ points: {mun2}, reason: r }}\n  MUN-3: {{ points: {mun3}, reason: r }}\n"
        )
    };
    // Quality 60 %, price 40 %, proportional, Pmin = 500 000 (A):
    // A: quality (20·10 + 30·5 + 50·8)/100 = 7.5; price 10;   total 4.5 + 4   = 8.50
    // B: quality (20·5 + 30·10 + 50·10)/100 = 9;  price 10 × 500 000 / 800 000 = 6.25;
    //    total 0.6 × 9 + 0.4 × 6.25 = 5.4 + 2.5 = 7.90
    let a = response(
        d,
        "a.yaml",
        "Supplier A",
        "500000",
        MUNICIPALITY_MANDATORY,
        &scored("10", "5", "8"),
    );
    let b = response(
        d,
        "b.yaml",
        "Supplier B",
        "800000",
        MUNICIPALITY_MANDATORY,
        &scored("5", "10", "10"),
    );
    succeeded(&run(d, &[path_str(&profile), path_str(&a), path_str(&b)]));
    let report = read(&d.join("out/evaluation-results.md"));

    assert!(
        // In the example's priority order: MUN-2, MUN-3, K3.
        report.contains("- Supplier A: (30 × 5 + 50 × 8 + 20 × 10) / 100 = 7.50"),
        "{report}"
    );
    assert!(report.contains("| Supplier B | 800,000 | 10 × 500,000 / 800,000 | 6.25 |"));
    assert!(
        report
            .contains("| 1 | Supplier A | 7.50 | 10.00 | 60 % × 7.50 + 40 % × 10.00 | **8.50** |")
    );
    assert!(
        report.contains("| 2 | Supplier B | 9.00 | 6.25 | 60 % × 9.00 + 40 % × 6.25 | **7.90** |")
    );
    assert!(d.join("out/evaluation-results.xlsx").exists());
}

/// Runs the hospital example with one response written from `text`: the messages, the response's
/// path, and the folder holding it.
fn problems(text: &str) -> (String, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("svar.yaml");
    std::fs::write(&path, text).unwrap();
    let output = run(dir.path(), &[EXAMPLE, path_str(&path)]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    (stderr(&output), path, dir)
}

fn located(stderr: &str, path: &Path, line: usize, column: usize, message: &str) {
    let expected = format!("{}:{line}:{column}: error: {message}", path.display());
    assert!(
        stderr.contains(&expected),
        "expected\n{expected}\nin\n{stderr}"
    );
}

#[test]
fn unknown_ids_are_located_with_a_did_you_mean() {
    let (stderr, path, _dir) = problems(
        "kravgen-response: 1\nsupplier: Leverandør A\nprice: 100\nanswers:\n  K11: { answer: yes }\nscores:\n  EX2: { points: 3, reason: r }\n  R1: { points: 3, reason: r }\n",
    );
    located(
        &stderr,
        &path,
        5,
        3,
        "unknown requirement \"K11\" (did you mean \"K1\"?)",
    );
    located(
        &stderr,
        &path,
        7,
        3,
        "unknown requirement \"EX2\" (did you mean \"EX-2\"?)",
    );
    located(
        &stderr,
        &path,
        8,
        3,
        "R1 is a framework condition, not a requirement",
    );
}

#[test]
fn points_outside_the_scale_are_located() {
    let (stderr, path, _dir) = problems(
        "kravgen-response: 1\nsupplier: Leverandør A\nprice: 100\nscores:\n  K7: { points: 11, reason: r }\n",
    );
    located(
        &stderr,
        &path,
        5,
        17,
        "the points for K7 must be from 0 to 10 (the profile's scale), found 11",
    );

    let (stderr, path, _dir) = problems(
        "kravgen-response: 1\nsupplier: Leverandør A\nprice: 100\nscores:\n  EX-2: { points: -1, reason: r }\n",
    );
    located(
        &stderr,
        &path,
        5,
        19,
        "\"scores.EX-2.points\" must be at least 0, found -1",
    );
}

#[test]
fn answering_an_omitted_requirement_or_scoring_a_mandatory_one_is_located() {
    let (stderr, path, _dir) = problems(
        "kravgen-response: 1\nsupplier: Leverandør A\nprice: 100\nanswers:\n  K3: { answer: yes }\nscores:\n  K1: { points: 3, reason: r }\n",
    );
    located(
        &stderr,
        &path,
        5,
        3,
        "K3 is omitted from this procurement, so it cannot be answered",
    );
    located(
        &stderr,
        &path,
        7,
        3,
        "K1 is mandatory: it is passed or failed, not scored",
    );
}

#[test]
fn a_negative_or_missing_price_is_located() {
    let (stderr, path, _dir) = problems("kravgen-response: 1\nsupplier: Leverandør A\nprice: -5\n");
    located(
        &stderr,
        &path,
        3,
        8,
        "\"price\" must be at least 0.01, found -5",
    );

    let (stderr, path, _dir) = problems("kravgen-response: 1\nsupplier: Leverandør A\n");
    located(
        &stderr,
        &path,
        1,
        1,
        "the file is missing the key \"price\"",
    );
}

#[test]
fn an_answer_other_than_yes_partly_or_no_is_located_with_the_accepted_ones() {
    let (stderr, path, _dir) = problems(
        "kravgen-response: 1\nsupplier: Leverandør A\nprice: 100\nanswers:\n  K1: { answer: kanskje }\n",
    );
    located(
        &stderr,
        &path,
        5,
        17,
        "\"answers.K1.answer\" cannot be \"kanskje\"; accepted: yes, partly, no, ja, delvis, nei",
    );
}

#[test]
fn a_qualified_tender_without_scores_is_an_error_at_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = response(
        d,
        "a.yaml",
        "Leverandør A",
        "1000",
        HOSPITAL_MANDATORY,
        "scores:\n  K7: { points: 4, reason: r }\n",
    );
    let output = run(d, &[EXAMPLE, path_str(&a)]);

    assert_eq!(output.status.code(), Some(2));
    located(
        &stderr(&output),
        &a,
        25,
        1,
        "Leverandør A is qualified, but the committee has not scored EX-2",
    );
}

#[test]
fn a_rejected_tender_needs_no_scores_and_no_is_the_answer_no() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // `no` in YAML 1.1 is false; here it must stay the answer "no" and reject the tender.
    let mandatory = HOSPITAL_MANDATORY.replace("K4 ", "");
    let a = response(
        d,
        "a.yaml",
        "Leverandør A",
        "1000",
        &mandatory,
        "  K4: { answer: no }\n",
    );
    let b = response(
        d,
        "b.yaml",
        "Leverandør B",
        "2000",
        HOSPITAL_MANDATORY,
        &scores("5", "5"),
    );
    succeeded(&run(d, &[EXAMPLE, path_str(&a), path_str(&b)]));
    let report = read(&d.join("out/evalueringsresultat.md"));

    assert!(
        report.contains("- **Leverandør A** avvises. Ikke oppfylt: K4 (Nei)."),
        "{report}"
    );
    // Only B is qualified, so B's price is Pmin although A's is lower.
    assert!(report.contains("Pmin = 2 000"));
}

#[test]
fn an_unanswered_mandatory_requirement_rejects_and_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mandatory = HOSPITAL_MANDATORY.replace("K10c ", "").replace("EX-1 ", "");
    let a = response(d, "a.yaml", "Leverandør A", "1000", &mandatory, "");
    succeeded(&run(d, &[EXAMPLE, path_str(&a)]));
    let report = read(&d.join("out/evalueringsresultat.md"));

    assert!(
        report.contains("Ikke oppfylt: EX-1 (Ikke besvart), K10c (Ikke besvart)."),
        "{report}"
    );
    assert!(report.contains("Ingen tilbud er kvalifisert"));
}

#[test]
fn two_files_for_the_same_supplier_name_both() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = response(
        d,
        "a.yaml",
        "Leverandør A",
        "1000",
        HOSPITAL_MANDATORY,
        &scores("5", "5"),
    );
    let again = response(
        d,
        "again.yaml",
        "leverandør  A",
        "900",
        HOSPITAL_MANDATORY,
        &scores("5", "5"),
    );
    let output = run(d, &[EXAMPLE, path_str(&a), path_str(&again)]);

    assert_eq!(output.status.code(), Some(2));
    let message = format!(
        "this supplier has a response already: {} (line 2)",
        a.display()
    );
    located(&stderr(&output), &again, 2, 11, &message);
}

#[test]
fn norwegian_answers_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = response(
        d,
        "a.yaml",
        "Leverandør A",
        "1000",
        HOSPITAL_MANDATORY,
        &scores("5", "5"),
    );
    let text = std::fs::read_to_string(&a)
        .unwrap()
        .replace("answer: yes", "answer: ja");
    std::fs::write(&a, text).unwrap();
    succeeded(&run(d, &[EXAMPLE, path_str(&a)]));
    let report = read(&d.join("out/evalueringsresultat.md"));
    assert!(report.contains("| 1 | Leverandør A |"));
}

#[test]
fn existing_results_are_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![EXAMPLE];
    args.extend(RESPONSES);
    succeeded(&run(dir.path(), &args));

    let again = run(dir.path(), &args);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already and would be overwritten"));

    args.push("--force");
    succeeded(&run(dir.path(), &args));
}

#[test]
fn schema_response_describes_the_response_file() {
    let output = cargo_bin_cmd!("kravgen")
        .args(["schema", "response"])
        .output()
        .unwrap();
    succeeded(&output);
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["title"], "kravgen supplier response");
    assert_eq!(
        schema["required"],
        serde_json::json!(["kravgen-response", "supplier", "price"])
    );
    let answer = &schema["properties"]["answers"]["additionalProperties"]["properties"]["answer"];
    assert_eq!(
        answer["enum"],
        serde_json::json!(["yes", "partly", "no", "ja", "delvis", "nei"])
    );

    let profile = cargo_bin_cmd!("kravgen").arg("schema").output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&profile.stdout).unwrap();
    assert_eq!(schema["title"], "kravgen project profile");
}

/// Guards the results carrying the evaluation's date, not the tender documents' date, when one is
/// given, and refusing a day that does not exist.
#[test]
fn the_evaluation_date_is_shown_on_the_results() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![EXAMPLE];
    args.extend(RESPONSES);
    args.extend(["--date", "2027-01-20", "--format", "md"]);
    succeeded(&run(dir.path(), &args));
    let report = read(&dir.path().join("out/evalueringsresultat.md"));
    assert!(report.contains("| Dato | 2027-01-20 |"), "{report}");

    let other = tempfile::tempdir().unwrap();
    let last = args.len() - 3;
    args[last] = "2027-02-30";
    let output = run(other.path(), &args);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--date 2027-02-30 is not a date"),
        "{}",
        stderr(&output)
    );
    assert!(!other.path().join("out").exists());
}
