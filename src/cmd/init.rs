//! `kravgen init [PATH]`: writes a commented starter profile that shows what can be tailored.

use std::fmt::Write as _;
use std::path::Path;

use crate::Error;
use crate::catalogue::{Catalogue, Language, Level};
use crate::output;
use crate::profile::{STARTER_BUYER, STARTER_TITLE};

pub fn run(catalogue: &Catalogue, path: &Path, language: Language) -> Result<(), Error> {
    let text = starter(catalogue, language);
    output::write_new(path, text.as_bytes())?;
    eprintln!(
        "wrote {}; edit it, then run `kravgen check {}`",
        path.display(),
        path.display()
    );
    Ok(())
}

/// A valid profile with every recommended requirement listed in comments.
pub fn starter(catalogue: &Catalogue, language: Language) -> String {
    let mut text = String::new();
    let _ = write!(
        text,
        "# yaml-language-server: $schema=kravgen-profile.schema.json\n\
         # (editors check the file against it; `kravgen schema > kravgen-profile.schema.json` writes it)\n\
         # A kravgen project profile. `kravgen check` validates it; `kravgen generate` writes the documents.\n\
         kravgen: 1\n\
         catalogue: {}\n\
         language: {}                        # nb (Norwegian bokmål) or en (English)\n\
         project:\n  \
           title: \"{}\"\n  \
           buyer: \"{}\"\n  \
           reference: \"2026/0001\"\n  \
           date: 2026-12-01                  # YYYY-MM-DD\n  \
           use_area: sharing-between-health-actors   # {}\n  \
           health_data: true                 # health data is shared: the framework conditions apply\n  \
           procurement_regime: part-iii      # part-ii (priority order) or part-iii (weights required)\n",
        catalogue.catalogue.id,
        language_code(language),
        placeholder(language, STARTER_TITLE),
        placeholder(language, STARTER_BUYER),
        use_areas(catalogue),
    );

    text.push_str(&tailoring_section(catalogue, language));
    text.push_str(&evaluation_section(catalogue));
    text
}

fn tailoring_section(catalogue: &Catalogue, language: Language) -> String {
    let mut text = String::from(
        "tailoring:\n  \
         # The guideline's recommended (A, \"bør\") requirements. Each can stay (it is then scored),\n  \
         # be promoted to mandatory, or be omitted with a reason:\n",
    );
    for requirement in recommended(catalogue) {
        let _ = writeln!(
            text,
            "  #   {:<4} {}",
            requirement.id,
            shortened(requirement.text.get(language))
        );
    }
    text.push_str(
        "  promote:                          # recommended -> mandatory; remove the # to use:\n  \
         #  - id: K9\n  \
         #    reason: \"Why it is raised\"\n  \
         omit:                             # left out of this procurement, each with a reason:\n  \
         #  - id: K3\n  \
         #    reason: \"Why it is left out\"\n  \
         add:                              # the buyer's own requirements:\n  \
         #  - id: EX-1\n  \
         #    level: mandatory              # mandatory or recommended\n  \
         #    topic: \"A short label\"\n  \
         #    text: \"The requirement\"\n  \
         #    after: K7                     # optional: where it stands in the documents\n",
    );
    text
}

fn evaluation_section(catalogue: &Catalogue) -> String {
    let ids: Vec<&str> = recommended(catalogue).map(|r| r.id.as_str()).collect();
    let mut text = String::from(
        "evaluation:\n  \
         scale: 10                         # points from 0 to 10\n  \
         quality_weight: 40                # percent; price gets the rest\n  \
         price_model: linear               # linear or proportional\n  \
         weights:                          # percent per evaluated requirement; must add up to 100 under part-iii\n",
    );
    for (index, id) in ids.iter().enumerate() {
        let share = 100 / ids.len() + usize::from(index < 100 % ids.len());
        let _ = writeln!(text, "    {id}: {share}");
    }
    text.push_str(
        "  suppliers:                        # optional: a column each in the evaluation matrix\n  \
         #  - Leverandør A\n",
    );
    text
}

fn recommended(catalogue: &Catalogue) -> impl Iterator<Item = &crate::catalogue::Requirement> {
    catalogue
        .requirements
        .iter()
        .filter(|r| r.level == Level::Recommended)
}

fn use_areas(catalogue: &Catalogue) -> String {
    let ids: Vec<&str> = catalogue.use_areas.iter().map(|a| a.id.as_str()).collect();
    ids.join(" | ")
}

fn shortened(text: &str) -> String {
    let line: String = text.chars().take(80).collect();
    match text.chars().count() > 80 {
        true => format!("{}…", line.trim_end()),
        false => line,
    }
}

fn language_code(language: Language) -> &'static str {
    match language {
        Language::Nb => "nb",
        Language::En => "en",
    }
}

fn placeholder(language: Language, [nb, en]: [&'static str; 2]) -> &'static str {
    match language {
        Language::Nb => nb,
        Language::En => en,
    }
}
