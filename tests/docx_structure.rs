//! Word structure of the produced DOCX: styles, numbering, tables, sections,
//! fields, properties, text safety and reproducibility. Each known pitfall
//! has a corpus file and a test named after it.

mod docx_support;

use std::collections::BTreeMap;

use docx_support::{
    Node, WordBlock, WordParagraph, body_blocks, convert, corpus, corpus_file, generated_examples,
    nodes, options, part, part_names,
};

fn paragraphs(docx: &[u8]) -> Vec<WordParagraph> {
    body_blocks(&part(docx, "word/document.xml"))
        .into_iter()
        .filter_map(|block| match block {
            WordBlock::Paragraph(p) => Some(p),
            WordBlock::Table(_) => None,
        })
        .collect()
}

fn tables(docx: &[u8]) -> Vec<Vec<Vec<String>>> {
    body_blocks(&part(docx, "word/document.xml"))
        .into_iter()
        .filter_map(|block| match block {
            WordBlock::Table(rows) => Some(rows),
            WordBlock::Paragraph(_) => None,
        })
        .collect()
}

/// numbering.xml read back: num id -> (abstract id, start overrides by level),
/// and abstract id -> number format by level.
struct Numbering {
    nums: BTreeMap<String, (String, BTreeMap<String, String>)>,
    formats: BTreeMap<String, BTreeMap<String, String>>,
    order: Vec<String>,
}

fn numbering(docx: &[u8]) -> Numbering {
    let mut result = Numbering {
        nums: BTreeMap::new(),
        formats: BTreeMap::new(),
        order: Vec::new(),
    };
    let (mut abstract_id, mut num_id, mut level) = (String::new(), String::new(), String::new());
    for node in nodes(&part(docx, "word/numbering.xml")) {
        let Node::Open(name, _) = &node else { continue };
        let value = |key: &str| node.attr(key).unwrap_or_default().to_string();
        match name.as_str() {
            "w:abstractNum" => {
                abstract_id = value("w:abstractNumId");
                result.order.push("abstractNum".into());
            }
            "w:num" => {
                num_id = value("w:numId");
                result.order.push("num".into());
            }
            "w:lvl" | "w:lvlOverride" => level = value("w:ilvl"),
            "w:numFmt" => {
                let formats = result.formats.entry(abstract_id.clone()).or_default();
                formats.insert(level.clone(), value("w:val"));
            }
            "w:abstractNumId" => {
                result
                    .nums
                    .insert(num_id.clone(), (value("w:val"), BTreeMap::new()));
            }
            "w:startOverride" => {
                if let Some((_, starts)) = result.nums.get_mut(&num_id) {
                    starts.insert(level.clone(), value("w:val"));
                }
            }
            _ => {}
        }
    }
    result
}

impl Numbering {
    fn format(&self, num_id: &str, level: &str) -> String {
        let (abstract_id, _) = &self.nums[num_id];
        self.formats[abstract_id][level].clone()
    }

    fn start(&self, num_id: &str, level: &str) -> Option<String> {
        self.nums[num_id].1.get(level).cloned()
    }
}

fn list_paragraphs(docx: &[u8]) -> Vec<WordParagraph> {
    paragraphs(docx)
        .into_iter()
        .filter(|p| p.num_id.is_some())
        .collect()
}

#[test]
fn second_ordered_list_restarts_and_a_list_from_three_starts_at_three() {
    let docx = convert(&corpus_file("ordered_restart.md"));
    let items = list_paragraphs(&docx);
    let numbering = numbering(&docx);
    let ids: Vec<&str> = items.iter().filter_map(|p| p.num_id.as_deref()).collect();

    assert_eq!(items.len(), 6);
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[2], ids[3]);
    assert_eq!(ids[4], ids[5]);
    assert!(
        ids[0] != ids[2] && ids[2] != ids[4] && ids[0] != ids[4],
        "{ids:?}"
    );
    assert!(!ids.contains(&"1"), "num 1 is docx-rs's default numbering");

    let starts: Vec<Option<String>> = [ids[0], ids[2], ids[4]]
        .iter()
        .map(|id| numbering.start(id, "0"))
        .collect();
    assert_eq!(
        starts,
        [Some("1".into()), Some("1".into()), Some("3".into())]
    );
    assert!(ids.iter().all(|id| numbering.format(id, "0") == "decimal"));
}

#[test]
fn abstract_numberings_stand_before_all_nums() {
    let docx = convert(&corpus_file("ordered_restart.md"));
    let order = numbering(&docx).order;
    let first_num = order.iter().position(|kind| kind == "num").expect("a num");
    assert!(
        order[first_num..].iter().all(|kind| kind == "num"),
        "{order:?}"
    );
}

#[test]
fn ordered_list_with_nested_bullets_keeps_decimal_and_bullets() {
    let docx = convert(&corpus_file("ordered_nested_bullets.md"));
    let numbering = numbering(&docx);
    let items = list_paragraphs(&docx);
    let formats: Vec<(String, String)> = items
        .iter()
        .map(|p| {
            let id = p.num_id.as_deref().expect("num id");
            let level = p.level.as_deref().expect("level");
            (p.text.clone(), numbering.format(id, level))
        })
        .collect();
    let expected = [
        ("Første krav", "decimal"),
        ("detalj A", "bullet"),
        ("detalj B", "bullet"),
        ("Andre krav", "decimal"),
        ("detalj C", "bullet"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(text, format)| (text.to_string(), format.to_string()))
        .collect();
    assert_eq!(formats, expected);
    assert_eq!(items[0].num_id, items[3].num_id, "one list, one num");
}

#[test]
fn escaped_pipes_in_table_cells_keep_columns_and_literal_text() {
    let docx = convert(&corpus_file("table_escaped_pipes.md"));
    let tables = tables(&docx);
    assert_eq!(tables.len(), 1);
    let rows = &tables[0];
    assert!(rows.iter().all(|row| row.len() == 3), "{rows:?}");
    assert_eq!(rows[1][1], "Ja | Nei | Delvis");
    assert_eq!(rows[1][2], "GET /Patient?a=1|2");
    assert_eq!(rows[2][2], "scope=a|b");
    assert!(!part(&docx, "word/document.xml").contains('\\'));
}

#[test]
fn escaped_number_at_line_start_stays_a_paragraph() {
    let docx = convert(&corpus_file("escaped_list_number.md"));
    let paragraphs = paragraphs(&docx);
    assert_eq!(
        paragraphs[0].text,
        "15. januar 2026 skal tilbudet være levert."
    );
    assert!(paragraphs.iter().all(|p| p.num_id.is_none()));
}

#[test]
fn ampersand_angle_brackets_and_control_characters_come_out_literal() {
    let docx = convert(&corpus_file("special_characters.md"));
    let xml = part(&docx, "word/document.xml");
    let texts: Vec<String> = paragraphs(&docx).into_iter().map(|p| p.text).collect();

    assert!(texts.contains(&"Drift & vedlikehold skal inngå.".to_string()));
    assert!(texts.contains(&"Krav: svartid < 4 timer ved A-feil.".to_string()));
    assert!(texts.contains(&"Fyll inn <pris eks. mva> i prisskjemaet.".to_string()));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Fyll inn <pris eks. mva> også her, og & skal"))
    );
    assert!(texts.contains(&"Kontrolltegnforsvinner.".to_string()));
    assert_eq!(tables(&docx)[0][1], ["Drift & vedlikehold", "< 4 timer"]);

    assert!(
        texts
            .iter()
            .all(|t| !t.contains("&amp;") && !t.contains("&lt;"))
    );
    assert!(!xml.contains("&amp;amp;") && !xml.contains('\u{b}') && !xml.contains('\r'));
}

#[test]
fn crlf_input_gives_the_same_bytes_as_lf_input() {
    for (name, markdown) in corpus() {
        let crlf = markdown.replace('\n', "\r\n");
        assert_eq!(convert(&markdown), convert(&crlf), "{name}");
    }
}

#[test]
fn two_conversions_give_identical_bytes() {
    let markdown = corpus_file("rich.md");
    let first = convert(&markdown);
    // Other documents in between move docx-rs's process-wide id counters.
    for (_, other) in corpus() {
        convert(&other);
    }
    assert_eq!(first, convert(&markdown));
}

#[test]
fn every_part_is_deflated_with_a_fixed_timestamp() {
    let docx = convert(&corpus_file("rich.md"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx.as_slice())).expect("zip");
    for index in 0..archive.len() {
        let file = archive.by_index(index).expect("entry");
        assert_eq!(
            file.compression(),
            zip::CompressionMethod::Deflated,
            "{}",
            file.name()
        );
        let time = file.last_modified().expect("timestamp");
        assert_eq!((time.year(), time.month(), time.day()), (1980, 1, 1));
    }
}

/// Every table with the text width of the section it stands in.
fn tables_with_text_width(xml: &str) -> Vec<(Vec<u32>, Vec<bool>, u32)> {
    let mut finished = Vec::new();
    let mut pending: Vec<(Vec<u32>, Vec<bool>)> = Vec::new();
    let mut page_width = 0;
    let mut in_cell_properties = false;
    for node in nodes(xml) {
        let number = |key: &str| node.attr(key).and_then(|v| v.parse::<u32>().ok());
        if node.is_open("w:tbl") {
            pending.push((Vec::new(), Vec::new()));
        } else if node.is_open("w:gridCol") {
            let width = number("w:w").unwrap_or(0);
            if let Some(table) = pending.last_mut() {
                table.0.push(width);
            }
        } else if node.is_open("w:tc") {
            if let Some(table) = pending.last_mut() {
                table.1.push(false);
            }
        } else if node.is_open("w:tcPr") {
            in_cell_properties = true;
        } else if node.is_close("w:tcPr") {
            in_cell_properties = false;
        } else if node.is_open("w:tcW") && in_cell_properties {
            let width = number("w:w").unwrap_or(0);
            if let Some(flag) = pending.last_mut().and_then(|t| t.1.last_mut()) {
                *flag = width > 0;
            }
        } else if node.is_open("w:pgSz") {
            page_width = number("w:w").unwrap_or(0);
        } else if node.is_open("w:pgMar") {
            let margins = number("w:left").unwrap_or(0) + number("w:right").unwrap_or(0);
            let text_width = page_width - margins;
            finished.extend(
                pending
                    .drain(..)
                    .map(|(grid, cells)| (grid, cells, text_width)),
            );
        }
    }
    assert!(
        pending.is_empty(),
        "tables after the last section properties"
    );
    finished
}

#[test]
fn every_table_grid_fits_its_section_and_every_cell_has_a_width() {
    let mut checked = 0;
    for (name, markdown) in corpus() {
        let xml = part(&convert(&markdown), "word/document.xml");
        for (grid, cells, text_width) in tables_with_text_width(&xml) {
            assert!(!grid.is_empty(), "{name}: table without w:tblGrid");
            assert!(grid.iter().all(|w| *w > 0), "{name}: {grid:?}");
            let sum: u32 = grid.iter().sum();
            assert!(
                sum <= text_width,
                "{name}: grid {sum} > text width {text_width}"
            );
            assert!(
                cells.iter().all(|has_width| *has_width),
                "{name}: cell without tcW"
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "only {checked} tables checked");
}

#[test]
fn table_columns_are_sized_by_their_content() {
    let xml = part(&convert(&corpus_file("rich.md")), "word/document.xml");
    let (grid, _, _) = tables_with_text_width(&xml).remove(0);
    // ID | long requirement text | level | weight
    assert!(grid[1] > 2 * grid[0], "{grid:?}");
    assert!(grid[1] > grid[2] && grid[2] > grid[0], "{grid:?}");
}

#[test]
fn landscape_table_uses_the_landscape_text_width() {
    let xml = part(&convert(&corpus_file("landscape.md")), "word/document.xml");
    let (grid, _, text_width) = tables_with_text_width(&xml).remove(0);
    assert_eq!(text_width, 16838 - 2 * 1418);
    assert!(grid.iter().sum::<u32>() > 11906 - 2 * 1418, "{grid:?}");
}

#[test]
fn footnote_referenced_in_a_table_cell_has_its_body_in_footnotes_xml() {
    let docx = convert(&corpus_file("footnote_in_table.md"));
    let document = nodes(&part(&docx, "word/document.xml"));
    let mut depth = 0;
    let mut reference = None;
    for node in &document {
        if node.is_open("w:tc") {
            depth += 1;
        } else if node.is_close("w:tc") {
            depth -= 1;
        } else if node.is_open("w:footnoteReference") && depth > 0 {
            reference = node.attr("w:id").map(String::from);
        }
    }
    let id = reference.expect("a footnote reference inside a table cell");

    let footnotes = nodes(&part(&docx, "word/footnotes.xml"));
    let start = footnotes
        .iter()
        .position(|n| n.is_open("w:footnote") && n.attr("w:id") == Some(id.as_str()))
        .expect("the footnote body");
    let body: String = footnotes[start..]
        .iter()
        .take_while(|n| !n.is_close("w:footnote"))
        .filter_map(|n| match n {
            Node::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        body.contains("SMART App Launch Framework, HL7, versjon 2.2."),
        "{body}"
    );
    assert!(
        footnotes.iter().any(|n| n.is_open("w:footnoteRef")),
        "footnote number mark"
    );
}

#[test]
fn headings_carry_heading_styles_with_outline_levels() {
    let docx = convert(&corpus_file("headings.md"));
    let styles: Vec<Option<String>> = paragraphs(&docx).into_iter().map(|p| p.style).collect();
    let expected: Vec<Option<String>> = (1..=6)
        .map(|level| Some(format!("Heading{level}")))
        .chain([None])
        .collect();
    assert_eq!(styles, expected);

    let style_nodes = nodes(&part(&docx, "word/styles.xml"));
    for level in 1..=6 {
        let id = format!("Heading{level}");
        let start = style_nodes
            .iter()
            .position(|n| n.is_open("w:style") && n.attr("w:styleId") == Some(id.as_str()))
            .expect("heading style defined");
        let outline = style_nodes[start..]
            .iter()
            .take_while(|n| !n.is_close("w:style"))
            .find(|n| n.is_open("w:outlineLvl"))
            .and_then(|n| n.attr("w:val"))
            .map(String::from);
        assert_eq!(outline, Some((level - 1).to_string()), "{id}");
    }
}

#[test]
fn landscape_marker_yields_a_landscape_section_and_every_section_has_header_and_footer() {
    let xml = part(&convert(&corpus_file("landscape.md")), "word/document.xml");
    let document = nodes(&xml);
    let sizes: Vec<(Option<&str>, Option<&str>, Option<&str>)> = document
        .iter()
        .filter(|n| n.is_open("w:pgSz"))
        .map(|n| (n.attr("w:w"), n.attr("w:h"), n.attr("w:orient")))
        .collect();
    assert_eq!(
        sizes,
        [
            (Some("11906"), Some("16838"), Some("portrait")),
            (Some("16838"), Some("11906"), Some("landscape")),
        ]
    );
    let sections = document.iter().filter(|n| n.is_open("w:sectPr")).count();
    let headers = document
        .iter()
        .filter(|n| n.is_open("w:headerReference"))
        .count();
    let footers = document
        .iter()
        .filter(|n| n.is_open("w:footerReference"))
        .count();
    assert_eq!((headers, footers), (sections, sections));
}

#[test]
fn every_table_first_row_repeats_as_header_row() {
    for (name, markdown) in corpus() {
        assert_header_rows(&name, &convert(&markdown));
    }
}

#[test]
fn generated_documents_have_heading_styles_header_rows_and_a_landscape_matrix() {
    for document in generated_examples() {
        let name = &document.name;
        assert_header_rows(name, &document.docx);

        let styles: Vec<String> = paragraphs(&document.docx)
            .into_iter()
            .filter_map(|p| p.style)
            .collect();
        for heading in ["Heading1", "Heading2"] {
            assert!(styles.iter().any(|s| s == heading), "{name}: no {heading}");
        }

        let xml = part(&document.docx, "word/document.xml");
        let landscape = xml.contains(r#"w:orient="landscape""#);
        let is_matrix =
            name.starts_with("evalueringsmatrise") || name.starts_with("evaluation-matrix");
        if is_matrix {
            assert!(
                landscape,
                "{name}: the evaluation matrix is not in a landscape section"
            );
        }
    }
}

/// Every table's first row is marked to repeat on each page.
fn assert_header_rows(name: &str, docx: &[u8]) {
    {
        let document = nodes(&part(docx, "word/document.xml"));
        let mut first_row = false;
        let mut in_first_row = false;
        let mut tables = 0;
        for node in &document {
            if node.is_open("w:tbl") {
                tables += 1;
                first_row = true;
            } else if node.is_open("w:tr") {
                in_first_row = first_row;
                first_row = false;
            } else if node.is_close("w:tr") && in_first_row {
                panic!("{name}: table {tables} has no w:tblHeader in its first row");
            } else if node.is_open("w:tblHeader") {
                assert!(in_first_row, "{name}: w:tblHeader outside a first row");
                in_first_row = false;
            }
        }
    }
}

#[test]
fn toc_marker_gives_a_toc_field_that_word_updates_on_open() {
    let docx = convert(&corpus_file("inline_and_blocks.md"));
    let document = part(&docx, "word/document.xml");
    assert!(document.contains(r#"TOC \o "1-3" \h \z \u"#));
    let placeholder = paragraphs(&docx)
        .into_iter()
        .find(|p| p.has_field)
        .expect("the TOC field paragraph");
    assert!(
        placeholder.text.contains("Innholdsfortegnelsen"),
        "{}",
        placeholder.text
    );
    assert!(part(&docx, "word/settings.xml").contains(r#"<w:updateFields w:val="true" />"#));
}

#[test]
fn page_break_marker_gives_a_page_break() {
    let xml = part(
        &convert(&corpus_file("inline_and_blocks.md")),
        "word/document.xml",
    );
    assert!(xml.contains(r#"<w:br w:type="page" />"#));
}

#[test]
fn footer_counts_pages_and_header_names_title_and_reference() {
    let docx = convert(&corpus_file("rich.md"));
    let footer = part(&docx, "word/footer1.xml");
    for expected in ["Side ", " PAGE ", " av ", " NUMPAGES "] {
        assert!(footer.contains(expected), "footer lacks {expected:?}");
    }
    for header in ["word/header1.xml", "word/header2.xml"] {
        let xml = part(&docx, header);
        assert!(xml.contains("Anskaffelse av API-plattform") && xml.contains("Saksnr. 2026/0042"));
    }
}

#[test]
fn links_are_clickable_hyperlinks_with_escaped_targets() {
    let docx = convert(&corpus_file("inline_and_blocks.md"));
    let document = part(&docx, "word/document.xml");
    let relationships = nodes(&part(&docx, "word/_rels/document.xml.rels"));
    let targets: Vec<&str> = relationships
        .iter()
        .filter(|n| n.attr("TargetMode") == Some("External"))
        .filter_map(|n| n.attr("Target"))
        .collect();
    assert_eq!(
        targets,
        ["https://www.ehelse.no/", "https://example.org/a?b=1&c=2"]
    );
    assert_eq!(document.matches("<w:hyperlink r:id=").count(), 2);
}

#[test]
fn core_properties_and_language_come_from_the_options() {
    let docx = convert("Tekst.\n");
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>Anskaffelse av API-plattform</dc:title>"));
    assert!(core.contains("<dc:creator>Helse Testregion RHF</dc:creator>"));
    assert!(core.contains(r#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-15T00:00:00Z"#));
    assert!(core.contains(r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-15T00:00:00Z"#));
    assert!(part(&docx, "word/styles.xml").contains(r#"<w:lang w:val="nb-NO""#));

    let mut undated = options();
    undated.date = None;
    undated.language_tag = "en-GB".into();
    let docx = kravgen::docx::markdown_to_docx("Text.\n", &undated).expect("converts");
    assert!(part(&docx, "docProps/core.xml").contains("2000-01-01T00:00:00Z"));
    assert!(part(&docx, "word/styles.xml").contains(r#"<w:lang w:val="en-GB""#));
}

#[test]
fn a_malformed_date_is_an_error_not_a_panic() {
    let mut dated = options();
    dated.date = Some("15.01.2026".into());
    assert!(kravgen::docx::markdown_to_docx("Tekst.\n", &dated).is_err());
}

#[test]
fn every_xml_part_is_well_formed() {
    for (name, markdown) in corpus() {
        let docx = convert(&markdown);
        for part_name in part_names(&docx) {
            nodes(&part(&docx, &part_name));
            assert!(
                part_name.ends_with(".xml") || part_name.ends_with(".rels"),
                "{name}"
            );
        }
    }
}

#[test]
fn awkward_input_converts_without_panicking() {
    let inputs = [
        "",
        "\u{b}\u{0}\u{1}",
        "| a |\n|---|\n",
        "- \n-\n  - \n",
        "[^missing]\n",
        "> > > > deep\n",
        "<!-- kravgen:landscape -->\n",
        "<!-- kravgen:portrait -->\n<!-- kravgen:landscape -->\n# x\n<!-- kravgen:landscape -->\n",
        "1. a\n\n   ```\n   code\n   ```\n\n   | t |\n   |---|\n   | c |\n",
        "[^a]\n\n[^a]: loop [^a]\n",
        "```\n\r\n```\n",
    ];
    for input in inputs {
        let docx = convert(input);
        nodes(&part(&docx, "word/document.xml"));
    }
}

/// Names of the direct children of every `parent` element, in order.
fn children_of(xml: &str, parent: &str) -> Vec<Vec<String>> {
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut open: Vec<(String, Option<usize>)> = Vec::new();
    for node in nodes(xml) {
        match node {
            Node::Open(name, _) => {
                if let Some((_, Some(index))) = open.last() {
                    found[*index].push(name.clone());
                }
                let slot = (name == parent).then(|| {
                    found.push(Vec::new());
                    found.len() - 1
                });
                open.push((name, slot));
            }
            Node::Close(_) => {
                open.pop();
            }
            Node::Text(_) => {}
        }
    }
    found
}

#[test]
fn property_elements_follow_schema_order() {
    let docx = convert(&corpus_file("rich.md"));
    let document = part(&docx, "word/document.xml");
    for children in children_of(&document, "w:tblPr") {
        assert_eq!(
            children.first().map(String::as_str),
            Some("w:tblStyle"),
            "{children:?}"
        );
        assert_eq!(
            children.last().map(String::as_str),
            Some("w:tblLook"),
            "{children:?}"
        );
    }
    for children in children_of(&document, "w:sectPr") {
        assert_eq!(children[..2], ["w:headerReference", "w:footerReference"]);
    }
    for children in children_of(&part(&docx, "word/styles.xml"), "w:style") {
        let position = |name: &str| children.iter().position(|c| c == name);
        assert_eq!(position("w:name"), Some(0), "{children:?}");
        if let (Some(based_on), Some(q_format)) = (position("w:basedOn"), position("w:qFormat")) {
            assert!(based_on < q_format, "{children:?}");
        }
        if let (Some(ppr), Some(rpr)) = (position("w:pPr"), position("w:rPr")) {
            assert!(ppr < rpr, "{children:?}");
        }
    }
}

#[test]
fn list_paragraphs_use_contextual_spacing() {
    let styles = part(&convert("- a\n- b\n"), "word/styles.xml");
    let start = styles
        .find(r#"w:styleId="ListParagraph""#)
        .expect("list style");
    let end = start + styles[start..].find("</w:style>").expect("style end");
    assert!(styles[start..end].contains("<w:contextualSpacing />"));
}
