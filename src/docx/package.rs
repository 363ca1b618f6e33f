//! The DOCX package: our document.xml and footnotes, docx-rs's small XML
//! parts post-processed for what docx-rs lacks, our own relationships and
//! properties, zipped reproducibly.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::fixup::{self, ParagraphIds};
use super::inline::link_rid;
use super::order;
use super::page::{FOOTER_RID, HEADER_RID, LANDSCAPE_HEADER_RID};
use super::render::Rendered;
use super::text::escape_xml;
use super::{DocxError, DocxOptions};

const DEFAULT_TIMESTAMP: &str = "2000-01-01T00:00:00Z";

/// Packs the rendered document into DOCX bytes, parts in a fixed order.
pub(crate) fn package(rendered: Rendered, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let timestamp = timestamp(options.date.as_deref())?;
    let xml = rendered.docx.build();
    let mut ids = ParagraphIds::after(rendered.paragraphs);

    let styles = wordml(&fixup::complete_styles(
        &text(&xml.styles),
        &options.language_tag,
    ));
    let numbering = wordml(&text(&xml.numberings));
    let footnotes = fixup::footnotes_part(&rendered.footnotes);
    let [header, landscape_header] = &rendered.headers;
    let footer = wordml(&text(&xml.footers.concat()));
    let links = hyperlink_relationships(&rendered.links);

    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", PACKAGE_RELATIONSHIPS.to_string()),
        ("docProps/core.xml", core_properties(options, &timestamp)),
        ("docProps/app.xml", APP_PROPERTIES.to_string()),
        ("word/document.xml", rendered.document),
        (
            "word/_rels/document.xml.rels",
            document_relationships(&links),
        ),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
        (
            "word/settings.xml",
            fixup::complete_settings(&text(&xml.settings)),
        ),
        ("word/fontTable.xml", text(&xml.font_table)),
        ("word/footnotes.xml", ids.renumber(&footnotes)),
        ("word/_rels/footnotes.xml.rels", relationships(&links)),
        ("word/header1.xml", ids.renumber(header)),
        ("word/header2.xml", ids.renumber(landscape_header)),
        ("word/footer1.xml", ids.renumber(&footer)),
    ];
    zip_parts(&parts)
}

/// Common clean-up of a WordprocessingML part: no empty paragraph run
/// properties, children of property elements in schema order.
fn wordml(xml: &str) -> String {
    order::schema_order(&fixup::drop_empty_paragraph_run_properties(xml))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// "YYYY-MM-DD" as a W3CDTF timestamp at midnight UTC.
fn timestamp(date: Option<&str>) -> Result<String, DocxError> {
    let Some(date) = date else {
        return Ok(DEFAULT_TIMESTAMP.to_string());
    };
    let bytes = date.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if well_formed {
        Ok(format!("{date}T00:00:00Z"))
    } else {
        Err(DocxError::Date(date.to_string()))
    }
}

fn core_properties(options: &DocxOptions, timestamp: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{language}</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{timestamp}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{timestamp}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = escape_xml(&options.title),
        author = escape_xml(&options.author),
        language = escape_xml(&options.language_tag),
        timestamp = timestamp,
    )
}

fn hyperlink_relationships(links: &[String]) -> String {
    let mut xml = String::new();
    for (index, url) in links.iter().enumerate() {
        xml.push_str(&format!(
            r#"<Relationship Id="{}" Type="{REL}/hyperlink" Target="{}" TargetMode="External"/>"#,
            link_rid(index),
            escape_xml(url)
        ));
    }
    xml
}

fn document_relationships(links: &str) -> String {
    let parts = [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdFontTable", "fontTable", "fontTable.xml"),
        ("rIdFootnotes", "footnotes", "footnotes.xml"),
        (HEADER_RID, "header", "header1.xml"),
        (LANDSCAPE_HEADER_RID, "header", "header2.xml"),
        (FOOTER_RID, "footer", "footer1.xml"),
    ];
    let mut xml = String::new();
    for (id, kind, target) in parts {
        xml.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"/>"#
        ));
    }
    xml.push_str(links);
    relationships(&xml)
}

fn relationships(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{inner}</Relationships>"#
    )
}

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const PACKAGE_RELATIONSHIPS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>"
);

const APP_PROPERTIES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
    "<Application>kravgen</Application></Properties>"
);

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    "</Types>"
);

/// Deflated entries with a fixed timestamp, in the given order.
fn zip_parts(parts: &[(&str, String)]) -> Result<Vec<u8>, DocxError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let file_options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (name, content) in parts {
        zip.start_file(*name, file_options)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
