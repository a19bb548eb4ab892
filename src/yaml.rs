//! The only user of `serde_yaml` (archived upstream): parse and print YAML.
//!
//! Everything else goes through [`from_str`] and [`to_string`], so swapping
//! the YAML crate touches this file alone.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// A YAML error with its place in the YAML text (1-based, when known).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    /// What went wrong, in serde's words.
    pub message: String,
    /// 1-based line within the YAML text.
    pub line: Option<usize>,
    /// 1-based column within that line.
    pub column: Option<usize>,
}

/// Parse `text` into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    // An empty front matter block is an empty mapping, not "null".
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|err| {
        let full = err.to_string();
        // libyaml names where an unclosed construct began ("while parsing a
        // flow sequence at line 3 column 9"): that is where the fix goes.
        if let Some((what, line, column)) = parse_context(&full) {
            return YamlError {
                message: format!("{}, {what} that starts here", clean_message(&full)),
                line: Some(line),
                column: Some(column),
            };
        }
        let location = err.location();
        YamlError {
            message: clean_message(&full),
            line: location.as_ref().map(|l| l.line()),
            column: location.as_ref().map(|l| l.column()),
        }
    })
}

/// Print `value` as YAML (no leading `---`).
pub fn to_string<T: Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|err| YamlError {
        message: err.to_string(),
        line: None,
        column: None,
    })
}

/// serde_yaml appends " at line X column Y" to messages; we report the place
/// ourselves, relative to the whole file, so drop it.
fn clean_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// "…, while parsing a flow sequence at line 3 column 9" → ("while parsing a
/// flow sequence", 3, 9).
fn parse_context(message: &str) -> Option<(String, usize, usize)> {
    let start = message.find(", while ")? + 2;
    let context = &message[start..];
    let at = context.rfind(" at line ")?;
    let mut numbers = context[at + " at line ".len()..].split(" column ");
    let line = numbers.next()?.trim().parse().ok()?;
    let column = numbers.next()?.trim().parse().ok()?;
    Some((context[..at].to_string(), line, column))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn reports_line_and_column_of_syntax_errors() {
        let err = from_str::<BTreeMap<String, String>>("a: b\nc: [d\n").unwrap_err();
        assert!(err.line.is_some(), "{err:?}");
        assert!(!err.message.contains(" at line "), "{}", err.message);
    }

    #[test]
    fn unclosed_brackets_point_at_where_they_open() {
        let err = from_str::<BTreeMap<String, Vec<String>>>("a: [b\nc: d\n").unwrap_err();
        assert_eq!((err.line, err.column), (Some(1), Some(4)), "{err:?}");
        assert!(
            err.message
                .contains("while parsing a flow sequence that starts here"),
            "{}",
            err.message
        );
    }

    #[test]
    fn empty_text_is_an_empty_mapping() {
        let map: BTreeMap<String, String> = from_str("  \n").unwrap();
        assert!(map.is_empty());
    }
}
