//! List numbering: one bullet definition shared by all bullet lists and one
//! decimal definition with an own `w:num` instance (and start) per ordered list.

use docx_rs::{
    AbstractNumbering, Level, LevelJc, LevelOverride, LevelText, NumberFormat, Numbering,
    Numberings, RunFonts, Start,
};

use super::styles::{BODY_FONT, list_indent};

/// Ids above docx-rs's own default numbering (abstractNum 1, num 1).
const BULLET_ABSTRACT: usize = 10;
const DECIMAL_ABSTRACT: usize = 11;
const BULLET_NUM: usize = 10;
const FIRST_ORDERED_NUM: usize = 11;

/// Word supports nine list levels; deeper Markdown lists stay at the last one.
pub(crate) const MAX_LEVEL: usize = 8;

const BULLETS: [&str; 3] = ["•", "◦", "▪"];

/// Collects the numbering instances while the document is rendered.
pub(crate) struct ListNumbering {
    ordered: Vec<Numbering>,
}

impl ListNumbering {
    pub(crate) fn new() -> Self {
        ListNumbering {
            ordered: Vec::new(),
        }
    }

    /// The num id all bullet lists share.
    pub(crate) fn bullet(&self) -> usize {
        BULLET_NUM
    }

    /// A new num instance for an ordered list at `level` starting at `start`,
    /// so every list counts on its own.
    pub(crate) fn ordered(&mut self, level: usize, start: u64) -> usize {
        let id = FIRST_ORDERED_NUM + self.ordered.len();
        let start = usize::try_from(start).unwrap_or(usize::MAX);
        let numbering = Numbering::new(id, DECIMAL_ABSTRACT)
            .add_override(LevelOverride::new(level.min(MAX_LEVEL)).start(start));
        self.ordered.push(numbering);
        id
    }

    /// The numbering part: abstract definitions first, then the instances.
    pub(crate) fn into_numberings(self) -> Numberings {
        let mut numberings = Numberings::new()
            .add_abstract_numbering(bullet_definition())
            .add_abstract_numbering(decimal_definition())
            .add_numbering(Numbering::new(BULLET_NUM, BULLET_ABSTRACT));
        for numbering in self.ordered {
            numberings = numberings.add_numbering(numbering);
        }
        numberings
    }
}

fn level(level: usize, format: &str, text: &str) -> Level {
    let (left, hanging) = list_indent(level);
    Level::new(
        level,
        Start::new(1),
        NumberFormat::new(format),
        LevelText::new(text),
        LevelJc::new("left"),
    )
    .indent(Some(left), Some(hanging), None, None)
}

fn bullet_definition() -> AbstractNumbering {
    let mut definition = AbstractNumbering::new(BULLET_ABSTRACT);
    for index in 0..=MAX_LEVEL {
        let glyph = BULLETS[index % BULLETS.len()];
        let fonts = RunFonts::new().ascii(BODY_FONT).hi_ansi(BODY_FONT);
        definition = definition.add_level(level(index, "bullet", glyph).fonts(fonts));
    }
    definition
}

fn decimal_definition() -> AbstractNumbering {
    let mut definition = AbstractNumbering::new(DECIMAL_ABSTRACT);
    for index in 0..=MAX_LEVEL {
        let text = format!("%{}.", index + 1);
        definition = definition.add_level(level(index, "decimal", &text));
    }
    definition
}
