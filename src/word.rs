//! Word output: the DOCX options (title, buyer, date, language, page furniture) for a document
//! in a given language, taken from the profile or from the command line.

use crate::Error;
use crate::catalogue::Language;
use crate::docx::{self, DocxOptions};
use crate::profile::Profile;

/// The options for one of the profile's documents.
pub fn options_for(profile: &Profile, title: &str) -> DocxOptions {
    let project = &profile.project;
    DocxOptions {
        title: title.to_string(),
        author: project.buyer.clone(),
        reference: project.reference.clone().unwrap_or_default(),
        date: Some(project.date.clone()),
        ..options_in(profile.language)
    }
}

/// Options with the page furniture of `language` and no title, author or date.
pub fn options_in(language: Language) -> DocxOptions {
    let (tag, page, of, contents) = match language {
        Language::Nb => ("nb-NO", "Side", "av", "Innhold"),
        Language::En => ("en-GB", "Page", "of", "Contents"),
    };
    DocxOptions {
        title: String::new(),
        author: String::new(),
        reference: String::new(),
        date: None,
        language_tag: tag.to_string(),
        page_label: page.to_string(),
        of_label: of.to_string(),
        contents_title: contents.to_string(),
    }
}

/// Converts Markdown to DOCX bytes.
pub fn convert(markdown: &str, options: &DocxOptions) -> Result<Vec<u8>, Error> {
    docx::markdown_to_docx(markdown, options).map_err(|error| match error {
        docx::DocxError::Date(_) => {
            Error::Usage(format!("error: {error}; write it like 2026-12-01"))
        }
        other => Error::Runtime(format!("error: cannot build the Word document: {other}")),
    })
}

/// The text of the first level-one heading, the usual title of a Markdown document.
pub fn first_heading(markdown: &str) -> Option<String> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

    let mut title = String::new();
    let mut inside = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => inside = true,
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => return Some(title),
            Event::Text(text) | Event::Code(text) if inside => title.push_str(&text),
            _ => {}
        }
    }
    None
}
