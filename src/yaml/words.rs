//! The YAML crate's messages in people's words.
//!
//! Takes the text of a serde or libyaml error ("figures[0].value: invalid
//! type: string \"8 unit\", expected f64"); gives back what kind of mistake
//! it is and a message and hint a contributor can act on ("figures[0].value
//! should be a number, like 12 or 5.0e13, not the text `8 unit`"). Rust type
//! names never reach a person.

use super::YamlErrorKind;

/// A serde or libyaml message (its " at line … column …" already cut),
/// explained: the kind, the message and a hint.
pub(super) fn explain(message: &str) -> (YamlErrorKind, String, Option<String>) {
    let (path, rest) = split_path(message);
    let at = |text: String| match path {
        Some(path) => format!("{path}: {text}"),
        None => text,
    };
    let field = path.map_or("this value".to_string(), |p| format!("`{p}`"));
    if let Some(rest) = rest.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default().to_string();
        let expected = quoted_names(rest.split_once("expected").map_or("", |(_, e)| e));
        let message = match path {
            Some(path) => format!("unknown field `{name}` in `{path}`"),
            None => format!("unknown field `{name}`"),
        };
        let kind = YamlErrorKind::UnknownField {
            field: name,
            expected,
        };
        return (kind, message, None);
    }
    if let Some(rest) = rest.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or_default().to_string();
        let expected = quoted_names(rest.split_once("expected").map_or("", |(_, e)| e));
        let message = format!(
            "{field} is `{value}`, which is not one of {}",
            list(&expected)
        );
        return (
            YamlErrorKind::UnknownVariant { value, expected },
            message,
            None,
        );
    }
    if let Some(name) = rest.strip_prefix("missing field `") {
        let name = name.split('`').next().unwrap_or_default();
        let message = match path {
            Some(path) => format!("`{path}` has no `{name}:`, which it needs"),
            None => format!("the required field `{name}:` is missing"),
        };
        let help = format!("add `{name}:` with its value");
        return (YamlErrorKind::MissingField, message, Some(help));
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some((found, expected)) = rest
            .strip_prefix(prefix)
            .and_then(|r| r.rsplit_once(", expected "))
        {
            // A number too large for a float reaches serde as text.
            let huge = found
                .strip_prefix("string \"")
                .and_then(|n| n.strip_suffix('"'))
                .filter(|n| n.parse::<f64>().is_ok_and(|v| v.is_infinite()));
            if let (Some(n), "f64") = (huge, expected) {
                let message = at(format!(
                    "`{n}` is too large a number (the largest is about 1.8e308)"
                ));
                let help = "write the number in the unit's own scale, or check it for a typo";
                return (YamlErrorKind::WrongType, message, Some(help.into()));
            }
            let (wanted, help) = expected_words(expected);
            let message = format!("{field} should be {wanted}, not {}", found_words(found));
            return (YamlErrorKind::WrongType, message, Some(help.to_string()));
        }
    }
    if rest.contains(" is not a date") {
        let help = "dates are written YYYY-MM-DD, e.g. 2024-06-18 (or YYYY-MM, or YYYY)";
        return (
            YamlErrorKind::BadValue,
            at(rest.to_string()),
            Some(help.into()),
        );
    }
    let (text, help) = syntax_words(rest);
    (YamlErrorKind::Syntax, at(text), help.map(str::to_string))
}

/// "figures[0].value: invalid type…" → (Some("figures[0].value"), "invalid
/// type…"); messages about the whole text have no path.
fn split_path(message: &str) -> (Option<&str>, &str) {
    match message.split_once(": ") {
        Some((path, rest))
            if !path.is_empty()
                && path
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_-.[]".contains(c)) =>
        {
            (Some(path), rest)
        }
        _ => (None, message),
    }
}

/// "one of `a`, `b`, `c`" → [a, b, c].
fn quoted_names(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    quoted.join(", ")
}

/// What serde expected, in words, and how to write it.
fn expected_words(expected: &str) -> (String, &'static str) {
    let number = matches!(expected, "f64" | "f32");
    let whole = matches!(
        expected,
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize"
    );
    if number {
        ("a number, like 12 or 5.0e13".into(), "write a plain number: no unit, no thousands separators (the unit has a field of its own)")
    } else if whole {
        (
            "a whole number, like 2030".into(),
            "write a whole number, without quotes",
        )
    } else if expected.starts_with("a date") {
        (
            "a date like 2024-03-11 (or 2024-03, or 2024)".into(),
            "dates are written YYYY-MM-DD, e.g. 2024-06-18",
        )
    } else if expected == "a boolean" {
        ("`true` or `false`".into(), "write `true` or `false`")
    } else if expected.contains("string") {
        ("text".into(), "text that starts with `[`, `{`, `*`, `&`, `!`, `|`, `>` or `@`, or contains `: ` or ` #`, goes in quotes")
    } else if expected.contains("sequence") {
        (
            "a list".into(),
            "write a list as `[a, b]`, or as `- item` lines under the key",
        )
    } else if expected.starts_with("struct ") || expected.contains("map") {
        (
            "a set of fields".into(),
            "write the fields as `key: value` lines, indented under the key",
        )
    } else {
        (
            expected.to_string(),
            "see the schema in README.md for what this field takes",
        )
    }
}

/// What serde found, in words: `string "x"` → "the text `x`".
fn found_words(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text `{}`", text.trim_matches('"'));
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(number) = found.strip_prefix(prefix) {
            return format!("the number {}", number.trim_matches('`'));
        }
    }
    match found {
        "unit value" => "empty".to_string(),
        "sequence" => "a list".to_string(),
        "map" => "a set of fields".to_string(),
        other => other.trim_matches('`').to_string(),
    }
}

/// libyaml's syntax messages that read as jargon, and a hint for each.
fn syntax_words(message: &str) -> (String, Option<&'static str>) {
    const WORDS: &[(&str, &str, &str)] = &[
        (
            "mapping values are not allowed",
            "a `: ` where YAML expects no new field",
            "a value that contains `: ` goes in quotes; a new field starts on a line of its own",
        ),
        (
            "did not find expected key",
            "a line YAML cannot place under the fields above it",
            "line the key up with the fields it belongs with",
        ),
        (
            "found character that cannot start any token",
            "a character that cannot start a value (`@`, `` ` `` or a tab)",
            "put the value in quotes",
        ),
        (
            "found unexpected end of stream",
            "the YAML ends inside an open quote or bracket",
            "close the quote or bracket that starts here",
        ),
        (
            "duplicate entry with key",
            "a field written twice",
            "keep one of them",
        ),
    ];
    for (starts, words, help) in WORDS {
        if let Some(detail) = message.strip_prefix(starts) {
            let detail = detail.trim_start_matches([' ', ',']).replace("while ", "");
            let text = if detail.is_empty() {
                words.to_string()
            } else {
                format!("{words} ({detail})")
            };
            return (text, Some(help));
        }
    }
    (message.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_errors_in_people_words() {
        let (kind, message, help) =
            explain("figures[0].value: invalid type: string \"8 unit\", expected f64");
        assert_eq!(kind, YamlErrorKind::WrongType);
        assert_eq!(
            message,
            "`figures[0].value` should be a number, like 12 or 5.0e13, not the text `8 unit`"
        );
        assert!(help.unwrap().contains("no unit"));
        let (_, message, _) = explain("topics: invalid type: string \"a\", expected a sequence");
        assert_eq!(message, "`topics` should be a list, not the text `a`");
        let (_, message, _) = explain("draft: invalid type: integer `3`, expected a boolean");
        assert!(!message.contains("boolean") && message.contains("`true`"));
    }

    #[test]
    fn unknown_fields_keep_their_place_and_choices() {
        let (kind, message, _) =
            explain("figures[0]: unknown field `units`, expected one of `text`, `value`, `unit`");
        assert_eq!(message, "unknown field `units` in `figures[0]`");
        assert_eq!(
            kind,
            YamlErrorKind::UnknownField {
                field: "units".into(),
                expected: vec!["text".into(), "value".into(), "unit".into()],
            }
        );
    }
}
