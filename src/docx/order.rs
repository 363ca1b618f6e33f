//! Schema order for WordprocessingML property elements. docx-rs writes some
//! children in its own order (`w:tblStyle` after `w:tblBorders`, `w:basedOn`
//! after `w:qFormat`, `w:sz` before `w:b`); Word expects the order of the
//! schema, so the children of known property elements are sorted by it.
//! Text and escaping are copied byte for byte.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Child order of each property element, from the ECMA-376 schema.
const ORDERS: &[(&str, &[&str])] = &[
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        ],
    ),
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
        ],
    ),
    (
        "w:tblBorders",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ],
    ),
    ("w:tblCellMar", &["w:top", "w:left", "w:bottom", "w:right"]),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
        ],
    ),
    (
        "w:lvl",
        &[
            "w:start",
            "w:numFmt",
            "w:lvlRestart",
            "w:pStyle",
            "w:isLgl",
            "w:suff",
            "w:lvlText",
            "w:lvlPicBulletId",
            "w:legacy",
            "w:lvlJc",
            "w:pPr",
            "w:rPr",
        ],
    ),
];

/// One piece of XML: an element with its raw start tag and children, or
/// anything else copied verbatim.
enum Node {
    Element {
        name: String,
        start: String,
        children: Vec<Node>,
    },
    Raw(String),
}

/// Sorts the children of property elements into schema order. XML that does
/// not parse is returned unchanged.
pub(crate) fn schema_order(xml: &str) -> String {
    let Some(nodes) = parse(xml) else {
        return xml.to_string();
    };
    let mut out = String::with_capacity(xml.len());
    for node in nodes {
        write(node, &mut out);
    }
    out
}

fn parse(xml: &str) -> Option<Vec<Node>> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<(String, String, Vec<Node>)> = Vec::new();
    let mut top = Vec::new();
    loop {
        let event = reader.read_event().ok()?;
        let node = match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                stack.push((name, format!("<{}>", text(&e)), Vec::new()));
                continue;
            }
            Event::End(_) => {
                let (name, start, children) = stack.pop()?;
                Node::Element {
                    name,
                    start,
                    children,
                }
            }
            Event::Empty(e) => Node::Raw(format!("<{}/>", text(&e))),
            Event::Text(e) => Node::Raw(text(&e)),
            Event::GeneralRef(e) => Node::Raw(format!("&{};", text(&e))),
            Event::Decl(e) => Node::Raw(format!("<?{}?>", text(&e))),
            _ => return None,
        };
        match stack.last_mut() {
            Some((_, _, children)) => children.push(node),
            None => top.push(node),
        }
    }
    stack.is_empty().then_some(top)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(node: Node, out: &mut String) {
    match node {
        Node::Raw(raw) => out.push_str(&raw),
        Node::Element {
            name,
            start,
            mut children,
        } => {
            if let Some((_, order)) = ORDERS.iter().find(|(parent, _)| *parent == name) {
                children.sort_by_key(|child| rank(child, order));
            }
            out.push_str(&start);
            for child in children {
                write(child, out);
            }
            out.push_str(&format!("</{name}>"));
        }
    }
}

/// Position of a child in the schema order; unknown children keep their place
/// at the end (the sort is stable).
fn rank(node: &Node, order: &[&str]) -> usize {
    let name = match node {
        Node::Element { name, .. } => name.as_str(),
        Node::Raw(raw) => raw
            .trim_start_matches('<')
            .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .next()
            .unwrap_or_default(),
    };
    order
        .iter()
        .position(|known| *known == name)
        .unwrap_or(order.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_properties_follow_the_schema() {
        let xml = r#"<w:tblPr><w:tblW w:w="1" /><w:tblBorders><w:left /><w:top /></w:tblBorders><w:tblStyle w:val="T" /></w:tblPr>"#;
        assert_eq!(
            schema_order(xml),
            r#"<w:tblPr><w:tblStyle w:val="T" /><w:tblW w:w="1" /><w:tblBorders><w:top /><w:left /></w:tblBorders></w:tblPr>"#
        );
    }

    #[test]
    fn text_and_entities_are_copied_verbatim() {
        let xml = r#"<w:r><w:rPr><w:b /><w:rStyle w:val="X" /></w:rPr><w:t xml:space="preserve">Drift &amp; &lt;pris&gt;</w:t></w:r>"#;
        assert_eq!(
            schema_order(xml),
            r#"<w:r><w:rPr><w:rStyle w:val="X" /><w:b /></w:rPr><w:t xml:space="preserve">Drift &amp; &lt;pris&gt;</w:t></w:r>"#
        );
    }
}
