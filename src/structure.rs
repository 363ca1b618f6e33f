//! The shape of each input file as a JSON Schema generated from its Rust types, and the check of a
//! parsed file against it, turning every mismatch into a located message a user can act on.

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Diagnostics, suggestion};
use crate::source::{Source, escape_pointer};

/// The JSON Schema of `T` with every subschema inlined and optional values not nullable, so that
/// a schema path points straight at the part of the schema that failed.
pub fn schema_for<T: JsonSchema>() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .with(|settings| settings.inline_subschemas = true)
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    drop_null_alternatives(&mut schema);
    schema
}

/// Whether `text` is a real calendar date written YYYY-MM-DD (2026-02-30 is not).
pub fn is_date(text: &str) -> bool {
    let schema = serde_json::json!({ "type": "string", "format": "date" });
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .is_ok_and(|validator| validator.is_valid(&Value::from(text)))
}

/// Checks `source` against `schema` and reports every mismatch, located and with a hint.
pub fn check(source: &Source, schema: &Value) -> Diagnostics {
    let validator = match jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
    {
        Ok(validator) => validator,
        Err(error) => {
            let message = format!("kravgen's own schema is broken: {error}");
            return Diagnostics(vec![source.error_at("", message)]);
        }
    };

    let mut diagnostics = Diagnostics::default();
    for error in validator.iter_errors(&source.value) {
        for diagnostic in describe(source, schema, &error) {
            diagnostics.push(diagnostic);
        }
    }
    diagnostics.sort();
    diagnostics
}

fn describe(source: &Source, schema: &Value, error: &ValidationError) -> Vec<Diagnostic> {
    let at = error.instance_path().as_str().to_string();
    let rule = parent_schema(schema, error.schema_path().as_str());
    let what = describe_place(&at);

    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            unknown_keys(source, rule, &at, unexpected)
        }
        ValidationErrorKind::Required { property } => {
            let key = property.as_str().unwrap_or_default();
            let hint = property_description(rule, key);
            let pointer = format!("{at}/{}", escape_pointer(key));
            let diagnostic = match source.has_key(&pointer) {
                true => source.error_at_key(
                    &pointer,
                    format!("{} has no value", describe_place(&pointer)),
                ),
                false => source.error_at(&at, format!("{what} is missing the key \"{key}\"")),
            };
            vec![with_optional_hint(diagnostic, hint)]
        }
        ValidationErrorKind::Type { kind } => {
            let found = describe_value(error.instance());
            let message = format!("{what} must be {}, found {found}", expected_type(kind));
            vec![with_optional_hint(
                source.error_at(&at, message),
                description(rule),
            )]
        }
        ValidationErrorKind::Enum { options } => {
            vec![not_one_of(source, rule, &at, error.instance(), options)]
        }
        ValidationErrorKind::Minimum { limit } => {
            bound(source, rule, &at, "at least", limit, error)
        }
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            bound(source, rule, &at, "more than", limit, error)
        }
        ValidationErrorKind::Maximum { limit } => bound(source, rule, &at, "at most", limit, error),
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            bound(source, rule, &at, "less than", limit, error)
        }
        ValidationErrorKind::MinLength { limit } => {
            let message = match limit {
                1 => format!("{what} is empty"),
                _ => format!("{what} is shorter than {limit} characters"),
            };
            vec![with_optional_hint(
                source.error_at(&at, message),
                description(rule),
            )]
        }
        ValidationErrorKind::MaxLength { limit } => {
            let message = format!("{what} is longer than {limit} characters");
            vec![with_optional_hint(
                source.error_at(&at, message),
                description(rule),
            )]
        }
        ValidationErrorKind::MinItems { limit } => {
            let message = format!("{what} needs at least {limit} entry");
            vec![with_optional_hint(
                source.error_at(&at, message),
                description(rule),
            )]
        }
        ValidationErrorKind::UniqueItems => {
            let message = format!("{what} lists the same entry twice");
            vec![
                source
                    .error_at(&at, message)
                    .with_hint("write each entry once"),
            ]
        }
        ValidationErrorKind::Format { format } if format == "date" => {
            let message = format!(
                "{what} must be a date written YYYY-MM-DD, found {}",
                describe_value(error.instance())
            );
            vec![
                source
                    .error_at(&at, message)
                    .with_hint("for example 2026-12-01"),
            ]
        }
        _ => vec![source.error_at(&at, format!("{what}: {error}"))],
    }
}

/// A number outside its range: `"price" must be more than 0, found -5`.
fn bound(
    source: &Source,
    rule: &Value,
    at: &str,
    relation: &str,
    limit: &Value,
    error: &ValidationError,
) -> Vec<Diagnostic> {
    let what = describe_place(at);
    let message = format!(
        "{what} must be {relation} {limit}, found {}",
        error.instance()
    );
    vec![with_optional_hint(
        source.error_at(at, message),
        description(rule),
    )]
}

fn unknown_keys(source: &Source, rule: &Value, at: &str, unexpected: &[String]) -> Vec<Diagnostic> {
    let known: Vec<&str> = rule
        .get("properties")
        .and_then(Value::as_object)
        .map(|properties| properties.keys().map(String::as_str).collect())
        .unwrap_or_default();

    unexpected
        .iter()
        .map(|key| {
            let pointer = format!("{at}/{}", escape_pointer(key));
            let message = format!(
                "unknown key \"{key}\"{}",
                suggestion(key, known.iter().copied())
            );
            let hint = match known.is_empty() {
                true => "no keys are accepted here".to_string(),
                false => format!("the keys accepted here are: {}", known.join(", ")),
            };
            source.error_at_key(&pointer, message).with_hint(hint)
        })
        .collect()
}

fn not_one_of(
    source: &Source,
    rule: &Value,
    at: &str,
    found: &Value,
    options: &Value,
) -> Diagnostic {
    let accepted: Vec<String> = options
        .as_array()
        .map(|values| values.iter().map(plain).collect())
        .unwrap_or_default();
    let found_text = plain(found);
    let guess = suggestion(&found_text, accepted.iter().map(String::as_str));
    let message = format!(
        "{} cannot be {}{guess}; accepted: {}",
        describe_place(at),
        describe_value(found),
        accepted.join(", ")
    );
    with_optional_hint(source.error_at(at, message), description(rule))
}

fn with_optional_hint(diagnostic: Diagnostic, hint: Option<String>) -> Diagnostic {
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// The subschema holding the keyword that failed: the schema path minus its last segment.
fn parent_schema<'a>(schema: &'a Value, schema_path: &str) -> &'a Value {
    let parent = schema_path.rsplit_once('/').map_or("", |(head, _)| head);
    schema.pointer(parent).unwrap_or(&Value::Null)
}

fn description(rule: &Value) -> Option<String> {
    let text = rule.get("description").and_then(Value::as_str)?;
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn property_description(rule: &Value, key: &str) -> Option<String> {
    description(rule.get("properties")?.get(key)?).map(|text| format!("\"{key}\": {text}"))
}

/// `/tailoring/omit/0/reason` → `tailoring.omit[1].reason`, the way a user reads the file.
pub fn describe_place(pointer: &str) -> String {
    let mut place = String::new();
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        match segment.parse::<usize>() {
            Ok(index) => place.push_str(&format!("[{}]", index + 1)),
            Err(_) if place.is_empty() => place.push_str(&segment),
            Err(_) => place.push_str(&format!(".{segment}")),
        }
    }
    match place.is_empty() {
        true => "the file".to_string(),
        false => format!("\"{place}\""),
    }
}

fn expected_type(kind: &TypeKind) -> String {
    let names: Vec<&str> = match kind {
        TypeKind::Single(single) => vec![type_name(&single.to_string())],
        TypeKind::Multiple(set) => set.iter().map(|t| type_name(&t.to_string())).collect(),
    };
    names.join(" or ")
}

fn type_name(json_type: &str) -> &'static str {
    match json_type {
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "array" => "a list (lines starting with \"- \")",
        "object" => "a mapping (lines of \"key: value\")",
        "null" => "empty",
        _ => "another kind of value",
    }
}

/// A value as a user would recognise it in a message.
pub fn describe_value(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => format!("\"{text}\""),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a mapping".to_string(),
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Replaces `anyOf: [X, {type: null}]` by X and `type: [T, "null"]` by T: an optional key may be
/// left out, but when it is written it must have a value.
fn drop_null_alternatives(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            collapse_nullable(object);
            bound_unsigned(object);
            constants_to_enum(object);
            object.values_mut().for_each(drop_null_alternatives);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null_alternatives),
        _ => {}
    }
}

/// A `uint32`/`uint64` format is only a name to a validator: give it the bounds it stands for, so
/// `scale: 99999999999999999999` is reported as too large rather than failing later.
fn bound_unsigned(object: &mut Map<String, Value>) {
    let maximum = match object.get("format").and_then(Value::as_str) {
        Some("uint32") => u64::from(u32::MAX),
        Some("uint64") | Some("uint") => i64::MAX as u64,
        _ => return,
    };
    object.entry("maximum").or_insert(Value::from(maximum));
}

/// `oneOf: [{const: a}, {const: b}]` (an enum whose variants have descriptions) → `enum: [a, b]`,
/// so a wrong value is reported with the accepted ones.
fn constants_to_enum(object: &mut Map<String, Value>) {
    let Some(Value::Array(alternatives)) = object.get("oneOf") else {
        return;
    };
    let constants: Option<Vec<Value>> = alternatives
        .iter()
        .map(|a| a.get("const").cloned())
        .collect();
    if let Some(constants) = constants {
        object.remove("oneOf");
        object.insert("enum".into(), Value::Array(constants));
    }
}

fn collapse_nullable(object: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let single = types.remove(0);
            object.insert("type".into(), single);
        }
    }
    let Some(Value::Array(alternatives)) = object.get("anyOf") else {
        return;
    };
    let is_null = |v: &Value| v.get("type").and_then(Value::as_str) == Some("null");
    if alternatives.len() != 2 || !alternatives.iter().any(is_null) {
        return;
    }
    let kept = alternatives.iter().find(|v| !is_null(v)).cloned();
    object.remove("anyOf");
    if let Some(Value::Object(kept)) = kept {
        for (key, value) in kept {
            object.entry(key).or_insert(value);
        }
    }
}
