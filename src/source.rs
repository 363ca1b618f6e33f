//! Reading a YAML input file into a plain value while remembering where every key and value stood.
//!
//! All of kravgen's inputs (catalogue, profile, responses) go through here, so each of them gets
//! the same treatment: a byte-order mark and CRLF line ends are accepted, YAML 1.2 booleans only
//! (`no` stays the string "no"), and every later message can point at a line and column.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, Position};

/// One YAML file, read and parsed, with the position of every value and key.
#[derive(Debug)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    pub value: Value,
    values: HashMap<String, Position>,
    keys: HashMap<String, Position>,
}

impl Source {
    /// Reads and parses `path`; an unreadable file is an I/O error, bad YAML a located diagnostic.
    pub fn read(path: &Path) -> Result<Source, crate::Error> {
        let text = read_text(path)?;
        Source::parse(path, &text).map_err(crate::Error::Input)
    }

    /// Parses YAML text that was read from `path` (the path is only used in messages).
    pub fn parse(path: &Path, text: &str) -> Result<Source, Diagnostics> {
        let text = normalise(text);
        let options = serde_saphyr::options! { strict_booleans: true };
        let root: Spanned<Node> = serde_saphyr::from_str_with_options(&text, options)
            .map_err(|error| Diagnostics(vec![syntax_error(path, &text, &error)]))?;

        let mut source = Source {
            path: path.to_path_buf(),
            text: String::new(),
            value: Value::Null,
            values: HashMap::new(),
            keys: HashMap::new(),
        };
        source.value = source.flatten(root, String::new());
        source.text = text;
        Ok(source)
    }

    /// Where the value at a JSON pointer (`/tailoring/omit/0/id`) stands; the nearest enclosing
    /// value when that one does not exist (a missing key is reported at its parent).
    pub fn position(&self, pointer: &str) -> Position {
        let mut pointer = pointer;
        loop {
            if let Some(position) = self.values.get(pointer) {
                return *position;
            }
            match pointer.rfind('/') {
                Some(cut) => pointer = &pointer[..cut],
                None => return Position { line: 1, column: 1 },
            }
        }
    }

    /// Where a mapping key stands (`/tailoring/promot`), falling back to the value's position.
    pub fn key_position(&self, pointer: &str) -> Position {
        self.keys
            .get(pointer)
            .copied()
            .unwrap_or_else(|| self.position(pointer))
    }

    /// Whether the key named by `pointer` is written in the file, with or without a value.
    pub fn has_key(&self, pointer: &str) -> bool {
        self.keys.contains_key(pointer)
    }

    /// An error at the value behind `pointer`, with the line quoted.
    pub fn error_at(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.path, self.position(pointer), message).quoting(&self.text)
    }

    /// A warning at the value behind `pointer`, with the line quoted.
    pub fn warning_at(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.path, self.position(pointer), message).quoting(&self.text)
    }

    /// A warning at the key named by `pointer`, with the line quoted.
    pub fn warning_at_key(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.path, self.key_position(pointer), message).quoting(&self.text)
    }

    /// An error at the key named by `pointer`, with the line quoted.
    pub fn error_at_key(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.path, self.key_position(pointer), message).quoting(&self.text)
    }

    fn flatten(&mut self, node: Spanned<Node>, pointer: String) -> Value {
        self.values.insert(pointer.clone(), position_of(&node));
        match node.value {
            Node::Null => Value::Null,
            Node::Bool(value) => Value::Bool(value),
            Node::Number(value) => Value::Number(value),
            Node::String(value) => Value::String(value),
            Node::Sequence(items) => Value::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(index, item)| self.flatten(item, format!("{pointer}/{index}")))
                    .collect(),
            ),
            Node::Mapping(entries) => Value::Object(self.flatten_mapping(entries, &pointer)),
        }
    }

    fn flatten_mapping(
        &mut self,
        entries: Vec<(Spanned<String>, Spanned<Node>)>,
        at: &str,
    ) -> Map<String, Value> {
        let mut object = Map::new();
        for (key, value) in entries {
            let pointer = format!("{at}/{}", escape_pointer(&key.value));
            self.keys.insert(pointer.clone(), position_of(&key));
            // A key written without a value counts as left out (`omit:` with nothing under it).
            if matches!(value.value, Node::Null) {
                continue;
            }
            let value = self.flatten(value, pointer);
            object.insert(key.value, value);
        }
        object
    }
}

/// Reads a text file a user gave: UTF-8 (a located message where it is not), with a byte-order
/// mark and CRLF line ends accepted.
pub fn read_text(path: &Path) -> Result<String, crate::Error> {
    let bytes = std::fs::read(path).map_err(|source| crate::Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        crate::Error::Input(Diagnostics(vec![not_utf8(path, error.as_bytes(), at)]))
    })?;
    Ok(normalise(&text))
}

/// Accepts files saved on Windows: drops a byte-order mark and turns CRLF (or lone CR) into LF.
pub fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Escapes a key for use in a JSON pointer (RFC 6901).
pub fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn position_of<T>(spanned: &Spanned<T>) -> Position {
    Position {
        line: spanned.referenced.line().max(1) as usize,
        column: spanned.referenced.column().max(1) as usize,
    }
}

fn syntax_error(path: &Path, text: &str, error: &serde_saphyr::Error) -> Diagnostic {
    let position = error
        .location()
        .map(|location| Position {
            line: location.line().max(1) as usize,
            column: location.column().max(1) as usize,
        })
        .unwrap_or(Position { line: 1, column: 1 });
    let (message, hint) = in_words(&first_line(&error.without_snippet().to_string()));
    Diagnostic::error(path, position, message)
        .quoting(text)
        .with_hint(hint)
}

/// The parser's message in a user's words, with what to do about it.
fn in_words(parser: &str) -> (String, &'static str) {
    if let Some(rest) = parser.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return (
            format!("the key \"{key}\" is written twice"),
            "keep one of them",
        );
    }
    let (message, hint) = if parser.contains("multiple") || parser.contains("MultipleDocuments") {
        (
            "the file holds more than one YAML document",
            "a kravgen file is one document: remove the line with ---",
        )
    } else if parser.contains("budget breached") {
        (
            "the file is nested too deeply or holds too many values",
            "a kravgen file needs no anchors (&, *) and no deep nesting",
        )
    } else if parser.contains("non-finite") {
        (
            "a number is too large (or not a number)",
            "write an ordinary number",
        )
    } else if parser.contains("null into string") {
        ("a key has no name", "write the key's name before the colon")
    } else {
        return (
            format!("this is not valid YAML: {parser}"),
            "check the indentation and that text with a colon followed by a space is quoted",
        );
    };
    (message.to_string(), hint)
}

/// The parser's own message without its location prefix or drawn snippet.
fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or(message).trim();
    let line = line.strip_prefix("error: ").unwrap_or(line);
    match line.split_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => line.to_string(),
    }
}

fn not_utf8(path: &Path, bytes: &[u8], at: usize) -> Diagnostic {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = at
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
        + 1;
    Diagnostic::error(
        path,
        Position { line, column },
        "the file is not UTF-8 text",
    )
    .with_hint("save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")
}

/// A YAML value as the parser saw it, with the position of every child.
enum Node {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Sequence(Vec<Spanned<Node>>),
    Mapping(Vec<(Spanned<String>, Spanned<Node>)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Number(value.into()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Number(value.into()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Node, E> {
        // `60.0` is the whole number 60 to a user; keep it one, within the range of i64.
        if value.fract() == 0.0 && value.abs() < 9.0e15 {
            return Ok(Node::Number((value as i64).into()));
        }
        Number::from_f64(value)
            .map(Node::Number)
            .ok_or_else(|| E::custom("a number that is neither infinite nor NaN"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Node, E> {
        Ok(Node::String(value.to_string()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Node, E> {
        Ok(Node::String(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Node::Mapping(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Source {
        Source::parse(Path::new("t.yaml"), text).expect("valid YAML")
    }

    #[test]
    fn positions_of_nested_values_and_keys() {
        let source = parse("a: 1\nlist:\n  - id: K11\n    reason: x\n");
        assert_eq!(
            source.position("/list/0/id"),
            Position { line: 3, column: 9 }
        );
        assert_eq!(
            source.key_position("/list/0/reason"),
            Position { line: 4, column: 5 }
        );
        assert_eq!(
            source.position("/list/0/missing"),
            Position { line: 3, column: 5 }
        );
    }

    #[test]
    fn a_key_without_a_value_counts_as_left_out() {
        let source = parse("tailoring:\n  omit:\n  add: []\n");
        assert_eq!(source.value["tailoring"], serde_json::json!({ "add": [] }));
        assert!(source.has_key("/tailoring/omit"));
    }

    #[test]
    fn a_whole_number_written_with_a_point_is_a_whole_number() {
        let source = parse("weight: 60.0\nshare: 12.5\n");
        assert_eq!(source.value["weight"], serde_json::json!(60));
        assert_eq!(source.value["share"], serde_json::json!(12.5));
    }

    #[test]
    fn norway_problem_no_stays_a_string() {
        let source = parse("language: no\nanswer: yes\nflag: true\n");
        assert_eq!(source.value["language"], Value::String("no".into()));
        assert_eq!(source.value["answer"], Value::String("yes".into()));
        assert_eq!(source.value["flag"], Value::Bool(true));
    }

    #[test]
    fn bom_and_crlf_give_the_same_value_and_positions() {
        let unix = parse("a: 1\nb:\n  c: x\n");
        let windows = parse("\u{feff}a: 1\r\nb:\r\n  c: x\r\n");
        assert_eq!(unix.value, windows.value);
        assert_eq!(unix.position("/b/c"), windows.position("/b/c"));
    }

    #[test]
    fn parser_messages_are_put_in_a_users_words() {
        let twice = Source::parse(Path::new("t.yaml"), "a: 1\na: 2\n")
            .unwrap_err()
            .to_string();
        assert!(twice.contains("the key \"a\" is written twice"), "{twice}");
        let two = Source::parse(Path::new("t.yaml"), "a: 1\n---\nb: 2\n")
            .unwrap_err()
            .to_string();
        assert!(two.contains("more than one YAML document"), "{two}");
        assert!(!two.contains("from_str_multiple"), "{two}");
    }

    #[test]
    fn syntax_error_is_located() {
        let error = Source::parse(Path::new("t.yaml"), "a: 1\nb: [1, 2\nc: 3\n").unwrap_err();
        let shown = error.to_string();
        assert!(shown.starts_with("t.yaml:"), "{shown}");
        assert!(shown.contains("not valid YAML"), "{shown}");
    }
}
