//! Reads Markdown with pulldown-cmark into the document model, markers included.

use std::collections::BTreeMap;
use std::iter::Peekable;

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use super::model::{Align, Block, Document, Format, Inline, List, Orientation, Table};

/// The HTML comment markers kravgen understands, each on its own line.
pub const TOC_MARKER: &str = "<!-- kravgen:toc -->";
pub const PAGE_BREAK_MARKER: &str = "<!-- kravgen:page-break -->";
pub const LANDSCAPE_MARKER: &str = "<!-- kravgen:landscape -->";
pub const PORTRAIT_MARKER: &str = "<!-- kravgen:portrait -->";

/// Parses Markdown (tables, footnotes and strikethrough enabled) into the model.
pub(crate) fn parse(markdown: &str) -> Document {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut reader = Reader {
        events: Parser::new_ext(markdown, options).peekable(),
        footnotes: BTreeMap::new(),
    };
    let blocks = reader.blocks(None);
    Document {
        blocks,
        footnotes: reader.footnotes,
    }
}

/// Running formatting state while reading inline events.
#[derive(Default)]
struct InlineState {
    bold: usize,
    italic: usize,
    strike: usize,
    links: Vec<String>,
}

impl InlineState {
    fn format(&self, code: bool) -> Format {
        Format {
            bold: self.bold > 0,
            italic: self.italic > 0,
            strike: self.strike > 0,
            code,
            link: self.links.last().cloned(),
        }
    }
}

struct Reader<'a> {
    events: Peekable<Parser<'a>>,
    footnotes: BTreeMap<String, Vec<Block>>,
}

impl Reader<'_> {
    /// Reads blocks until `end` (or the end of input); inline events outside a
    /// paragraph (tight list items) become a paragraph of their own.
    fn blocks(&mut self, end: Option<TagEnd>) -> Vec<Block> {
        let mut blocks = Vec::new();
        while let Some(event) = self.events.peek() {
            if is_inline(event) {
                let inlines = self.loose_inlines();
                blocks.push(Block::Paragraph(inlines));
                continue;
            }
            match self.events.next() {
                Some(Event::End(tag)) if Some(tag) == end => break,
                Some(Event::Start(tag)) => self.block(tag, &mut blocks),
                Some(Event::Rule) => blocks.push(Block::Rule),
                Some(Event::Html(html)) => blocks.push(html_block(&html)),
                _ => {}
            }
        }
        blocks
    }

    fn block(&mut self, tag: Tag<'_>, blocks: &mut Vec<Block>) {
        let end = tag.to_end();
        match tag {
            Tag::Paragraph => blocks.push(Block::Paragraph(self.inlines(end))),
            Tag::Heading { level, .. } => {
                let inlines = self.inlines(end);
                blocks.push(Block::Heading(level as u8, inlines));
            }
            Tag::BlockQuote(_) => blocks.push(Block::Quote(self.blocks(Some(end)))),
            Tag::CodeBlock(_) => blocks.push(Block::Code(self.raw_text(end))),
            Tag::HtmlBlock => {
                let html = self.raw_text(end);
                blocks.push(html_block(&html));
            }
            Tag::List(start) => blocks.push(Block::List(self.list(start))),
            Tag::Table(aligns) => blocks.push(Block::Table(self.table(&aligns))),
            Tag::FootnoteDefinition(label) => {
                let body = self.blocks(Some(end));
                self.footnotes.insert(label.to_string(), body);
            }
            _ => blocks.extend(self.blocks(Some(end))),
        }
    }

    /// Reads the text of a code or HTML block verbatim.
    fn raw_text(&mut self, end: TagEnd) -> String {
        let mut text = String::new();
        for event in self.events.by_ref() {
            match event {
                Event::End(tag) if tag == end => break,
                Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) | Event::Code(t) => {
                    text.push_str(&t)
                }
                _ => {}
            }
        }
        text
    }

    fn list(&mut self, start: Option<u64>) -> List {
        let mut items = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::Item) => items.push(self.blocks(Some(TagEnd::Item))),
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        List { start, items }
    }

    fn table(&mut self, aligns: &[Alignment]) -> Table {
        let mut head = Vec::new();
        let mut rows = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::TableHead) => head = self.row(TagEnd::TableHead),
                Event::Start(Tag::TableRow) => rows.push(self.row(TagEnd::TableRow)),
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }

        let columns = aligns.len().max(head.len()).max(1);
        head.resize(columns, Vec::new());
        for row in &mut rows {
            row.resize(columns, Vec::new());
        }
        let mut aligns: Vec<Align> = aligns.iter().map(|a| align(*a)).collect();
        aligns.resize(columns, Align::None);
        Table { aligns, head, rows }
    }

    fn row(&mut self, end: TagEnd) -> Vec<Vec<Inline>> {
        let mut cells = Vec::new();
        while let Some(event) = self.events.next() {
            match event {
                Event::Start(Tag::TableCell) => cells.push(self.inlines(TagEnd::TableCell)),
                Event::End(tag) if tag == end => break,
                _ => {}
            }
        }
        cells
    }

    /// Reads inline events up to `end`.
    fn inlines(&mut self, end: TagEnd) -> Vec<Inline> {
        let mut state = InlineState::default();
        let mut out = Vec::new();
        for event in self.events.by_ref() {
            if matches!(&event, Event::End(tag) if *tag == end) {
                break;
            }
            inline(event, &mut state, &mut out);
        }
        out
    }

    /// Reads inline events that stand outside any paragraph (tight list items).
    fn loose_inlines(&mut self) -> Vec<Inline> {
        let mut state = InlineState::default();
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(event) = self.events.peek() {
            if depth == 0 && !is_inline(event) {
                break;
            }
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            if let Some(event) = self.events.next() {
                inline(event, &mut state, &mut out);
            }
        }
        out
    }
}

fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        _ => false,
    }
}

/// Applies one inline event: text is pushed with the current formatting.
fn inline(event: Event<'_>, state: &mut InlineState, out: &mut Vec<Inline>) {
    match event {
        Event::Text(t) | Event::InlineHtml(t) | Event::Html(t) => push_text(out, &t, state, false),
        Event::InlineMath(t) | Event::DisplayMath(t) => push_text(out, &t, state, false),
        Event::Code(t) => push_text(out, &t, state, true),
        Event::SoftBreak => push_text(out, " ", state, false),
        Event::HardBreak => out.push(Inline::HardBreak),
        Event::FootnoteReference(label) => out.push(Inline::FootnoteRef(label.to_string())),
        Event::TaskListMarker(done) => push_text(out, if done { "☒ " } else { "☐ " }, state, false),
        Event::Start(tag) => start_inline(tag, state),
        Event::End(tag) => end_inline(tag, state),
        _ => {}
    }
}

fn start_inline(tag: Tag<'_>, state: &mut InlineState) {
    match tag {
        Tag::Emphasis => state.italic += 1,
        Tag::Strong => state.bold += 1,
        Tag::Strikethrough => state.strike += 1,
        Tag::Link { dest_url, .. } => state.links.push(dest_url.to_string()),
        _ => {}
    }
}

fn end_inline(tag: TagEnd, state: &mut InlineState) {
    match tag {
        TagEnd::Emphasis => state.italic = state.italic.saturating_sub(1),
        TagEnd::Strong => state.bold = state.bold.saturating_sub(1),
        TagEnd::Strikethrough => state.strike = state.strike.saturating_sub(1),
        TagEnd::Link => {
            state.links.pop();
        }
        _ => {}
    }
}

/// Appends text, merging it into the previous piece when the formatting matches.
fn push_text(out: &mut Vec<Inline>, text: &str, state: &InlineState, code: bool) {
    let format = state.format(code);
    if let Some(Inline::Text(previous, previous_format)) = out.last_mut()
        && *previous_format == format
    {
        previous.push_str(text);
        return;
    }
    out.push(Inline::Text(text.to_string(), format));
}

fn align(alignment: Alignment) -> Align {
    match alignment {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

/// A marker becomes its block; any other HTML keeps its literal text.
fn html_block(html: &str) -> Block {
    match html.trim() {
        TOC_MARKER => Block::Toc,
        PAGE_BREAK_MARKER => Block::PageBreak,
        LANDSCAPE_MARKER => Block::Orientation(Orientation::Landscape),
        PORTRAIT_MARKER => Block::Orientation(Orientation::Portrait),
        other => Block::Paragraph(literal_lines(other)),
    }
}

fn literal_lines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            out.push(Inline::HardBreak);
        }
        out.push(Inline::Text(line.to_string(), Format::default()));
    }
    out
}
