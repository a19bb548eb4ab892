//! The only user of `serde_yaml` (archived upstream): parse and print YAML.
//!
//! Everything else goes through [`from_str`], [`from_str_all`] and
//! [`to_string`], so swapping the YAML crate touches this file (and its
//! `layout` and `words` helpers) alone. A parse error is explained in
//! people's words: layout mistakes by what they are and where they are
//! (`layout`), the crate's messages without Rust types (`words`).

mod layout;
mod words;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// A YAML error with its place in the YAML text (1-based, when known).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub(crate) struct YamlError {
    /// What went wrong, in people's words.
    pub message: String,
    /// 1-based line within the YAML text.
    pub line: Option<usize>,
    /// 1-based column within that line.
    pub column: Option<usize>,
    /// What sort of mistake it is.
    pub kind: YamlErrorKind,
    /// How to fix it, when that is known here.
    pub help: Option<String>,
}

/// What sort of mistake a [`YamlError`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum YamlErrorKind {
    /// A tab in the indentation.
    Tab,
    /// A line indented to the wrong level: swallowed into the value above,
    /// between two levels, or lined up with a list's `-`.
    Indentation,
    /// Text after a closing quote.
    AfterQuote,
    /// A `key value` line without its colon.
    MissingColon,
    /// A field the type does not have; `expected` are the ones it has.
    UnknownField {
        /// The field as written.
        field: String,
        /// The fields allowed at that place.
        expected: Vec<String>,
    },
    /// A word that is not one of a fixed set (`kind: compnay`).
    UnknownVariant {
        /// The word as written.
        value: String,
        /// The words allowed.
        expected: Vec<String>,
    },
    /// A required field is absent.
    MissingField,
    /// A value of the wrong type (text for a number, a word for a list).
    WrongType,
    /// A value its type refused (a date that is not one).
    BadValue,
    /// Beyond the size limits (nesting, aliases).
    Limit,
    /// Any other syntax error.
    Syntax,
}

/// Parse `text` into `T`; the first problem when it does not parse.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    from_str_all(text, 1).map_err(|mut errors| errors.swap_remove(0))
}

/// Parse `text`, which starts on line `first_line` of its file, into `T`;
/// every layout mistake when it does not parse (or the parser's one
/// problem, explained, when the layout looks right), with lines counted
/// in the file. Never an empty list.
pub(crate) fn from_str_all<T: DeserializeOwned>(
    text: &str,
    first_line: usize,
) -> Result<T, Vec<YamlError>> {
    // An empty front matter block is an empty mapping, not "null".
    let text = if text.trim().is_empty() { "{}" } else { text };
    let in_file = |mut err: YamlError| {
        err.line = err.line.map(|line| line + first_line - 1);
        err
    };
    check_limits(text).map_err(|err| vec![in_file(err)])?;
    serde_yaml::from_str(text).map_err(|err| {
        let layout = layout::mistakes(text, first_line);
        if !layout.is_empty() {
            return layout;
        }
        vec![in_file(explain(&err, text, first_line))]
    })
}

/// One parser error, explained and placed (lines within `text`; messages
/// name lines of the file, which starts at `first_line`).
fn explain(err: &serde_yaml::Error, text: &str, first_line: usize) -> YamlError {
    let full = err.to_string();
    let (kind, message, help) = words::explain(&clean_message(&full));
    let location = err.location();
    let (mut line, mut column) = (
        location.as_ref().map(|l| l.line()),
        location.as_ref().map(|l| l.column()),
    );
    // libyaml names where an unclosed construct began ("while parsing a
    // flow sequence at line 3 column 9"): that is where the fix goes.
    // A block collection's start is only where the confusion began.
    let (mut message, mut help) = (message, help);
    if let Some((what, at_line, at_column)) = parse_context(&full) {
        if !what.contains("block") {
            (line, column) = (Some(at_line), Some(at_column));
            (message, help) = unclosed(&what, message, help);
        }
    }
    if let (YamlErrorKind::UnknownField { field, .. }, Some(line)) = (&kind, line) {
        if let Some((above, above_line, indent)) = layout::outdented_from(text, line) {
            let above_line = above_line + first_line - 1;
            help = Some(format!(
                "`{field}:` is indented less than `{above}:` on line {above_line}, so YAML reads it as a field of the level outside; if it belongs with `{above}:`, indent it with {indent} spaces"
            ));
        }
    }
    YamlError {
        message,
        line,
        column,
        kind,
        help,
    }
}

/// The message for a construct that starts at the error's place and never
/// ends.
fn unclosed(what: &str, message: String, help: Option<String>) -> (String, Option<String>) {
    let (opened, close) = if what.contains("flow sequence") {
        (
            "a list `[` that starts here",
            "close it with `]`; items are separated by commas",
        )
    } else if what.contains("flow mapping") {
        (
            "a `{` that starts here",
            "close it with `}`; fields are separated by commas",
        )
    } else if what.contains("quoted scalar") {
        (
            "a quote that starts here",
            "end the value with the quote it starts with",
        )
    } else {
        return (format!("{message}, {what} that starts here"), help);
    };
    (
        format!("{opened} is never closed ({message})"),
        Some(close.to_string()),
    )
}

/// Refuse YAML that would cost far more than its size before the parser
/// sees it: flow collections nested deeper than
/// [`crate::limits::YAML_DEPTH`] (the parser's time grows with the square
/// of the depth) and more than [`crate::limits::YAML_ALIASES`] aliases
/// (each `*alias` copies its anchored node: a billion laughs). Quoted
/// scalars, block scalars and comments are skipped, so brackets and
/// asterisks in text never count.
fn check_limits(text: &str) -> Result<(), YamlError> {
    if within_limits_at_a_glance(text) {
        return Ok(());
    }
    scan_limits(text)
}

/// [`check_limits`], character by character.
fn scan_limits(text: &str) -> Result<(), YamlError> {
    let mut scan = Scan::default();
    let mut block: Option<usize> = None;
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        scan.line(line, n + 1)?;
        if scan.quote.is_none() && opens_block_scalar(line) {
            block = Some(indent);
        }
    }
    Ok(())
}

/// True when no reading of `text` can pass a limit: no `!` (a tag), no
/// `*` (an alias), and no more `[` and `{` in all than the depth allowed
/// (each level opens with one). Most front matter is so; only the rest is
/// scanned character by character.
fn within_limits_at_a_glance(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2(b'!', b'*', bytes).is_none()
        && bytes.iter().filter(|&&b| b == b'[' || b == b'{').count() <= crate::limits::YAML_DEPTH
}

#[derive(Default)]
struct Scan {
    depth: usize,
    aliases: usize,
    quote: Option<char>,
}

impl Scan {
    fn line(&mut self, line: &str, number: usize) -> Result<(), YamlError> {
        // The last character that can start a scalar: line start, `:`, `-`, …
        let mut last = '\n';
        let mut previous = ' ';
        let mut chars = line.chars().enumerate().peekable();
        while let Some((column, c)) = chars.next() {
            let at = |message: String| YamlError {
                message,
                line: Some(number),
                column: Some(column + 1),
                kind: YamlErrorKind::Limit,
                help: None,
            };
            match (self.quote, c) {
                (Some('"'), '\\') => {
                    chars.next();
                }
                (Some(q), c) if c == q => self.quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if matches!(last, '\n' | ':' | '-' | '[' | '{' | ',' | '?') => {
                    self.quote = Some(c)
                }
                (None, '#') if previous.is_whitespace() => break,
                (None, '[' | '{') => {
                    self.depth += 1;
                    if self.depth > crate::limits::YAML_DEPTH {
                        return Err(at(format!(
                            "YAML nested deeper than {} levels, the limit for front matter, registries and site.yaml",
                            crate::limits::YAML_DEPTH
                        )));
                    }
                }
                (None, ']' | '}') => self.depth = self.depth.saturating_sub(1),
                // `!!binary`, `!!float`, `!local`: a tag would turn the value
                // into something other than the text a reader sees.
                (None, '!')
                    if matches!(last, '\n' | ':' | '-' | '[' | '{' | ',' | '?')
                        && (previous.is_whitespace() || matches!(previous, '[' | '{' | ',')) =>
                {
                    return Err(at(
                        "YAML tags (`!!binary`, `!name`) are not used in briefing's files: write the value as plain text, quoted if it starts with `!`".to_string(),
                    ));
                }
                (None, '*')
                    if matches!(last, '\n' | ':' | '-' | '[' | '{' | ',' | '?')
                        && chars.peek().is_some_and(|(_, n)| !n.is_whitespace()) =>
                {
                    self.aliases += 1;
                    if self.aliases > crate::limits::YAML_ALIASES {
                        return Err(at(format!(
                            "more than {} YAML aliases (`*name`), the limit for front matter, registries and site.yaml",
                            crate::limits::YAML_ALIASES
                        )));
                    }
                }
                _ => {}
            }
            if !c.is_whitespace() && self.quote.is_none() {
                last = c;
            }
            previous = c;
        }
        Ok(())
    }
}

/// `key: |`, `- >-`, `|2`: the lines after it (more indented) are text.
fn opens_block_scalar(line: &str) -> bool {
    let code = line.split(" #").next().unwrap_or(line).trim_end();
    let mut tokens = code.split_whitespace().rev();
    let Some(indicator) = tokens.next() else {
        return false;
    };
    let is_indicator = indicator.starts_with(['|', '>'])
        && indicator[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '+');
    is_indicator
        && tokens
            .next()
            .is_none_or(|before| before.ends_with(':') || before == "-")
}

/// Print `value` as YAML (no leading `---`).
pub(crate) fn to_string<T: Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|err| YamlError {
        message: err.to_string(),
        line: None,
        column: None,
        kind: YamlErrorKind::Syntax,
        help: None,
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
    fn tags_are_refused_where_they_stand_and_quoted_bangs_are_text() {
        let err =
            from_str::<BTreeMap<String, String>>("a: ok\ntitle: !!binary SGVsbG8=\n").unwrap_err();
        assert!(err.message.starts_with("YAML tags"), "{}", err.message);
        assert_eq!((err.line, err.column), (Some(2), Some(8)));
        let ok: BTreeMap<String, String> =
            from_str("title: 'Wow!'\nb: \"!x\"\nc: Hi! there\nd: 2?!\ne: a-!b\n").unwrap();
        assert_eq!(ok["title"], "Wow!");
        // `2?!` is text: its `!` does not start the value (found by fuzzing).
        assert_eq!(ok["d"], "2?!");
        assert_eq!(ok["b"], "!x");
    }

    #[test]
    fn a_number_beyond_a_float_is_named_as_too_large() {
        #[derive(serde::Deserialize, Debug)]
        struct Figure {
            #[allow(dead_code)]
            value: f64,
        }
        let err = from_str::<Figure>("value: 1e400\n").unwrap_err();
        assert_eq!(
            err.message,
            "value: `1e400` is too large a number (the largest is about 1.8e308)"
        );
    }

    #[test]
    fn deep_nesting_and_alias_floods_are_refused_before_parsing() {
        let deep = format!("summary: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let err = from_str::<serde_yaml::Value>(&deep).unwrap_err();
        assert!(
            err.message.contains("deeper than 32 levels"),
            "{}",
            err.message
        );
        assert_eq!((err.line, err.column), (Some(1), Some(42)));

        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..100 {
            laughs.push_str(&format!("k{i}: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"));
        }
        let err = from_str::<serde_yaml::Value>(&laughs).unwrap_err();
        assert!(
            err.message.contains("more than 64 YAML aliases"),
            "{}",
            err.message
        );
        assert_eq!(err.line, Some(8));
    }

    #[test]
    fn only_text_that_could_pass_a_limit_is_scanned() {
        let depth = crate::limits::YAML_DEPTH;
        assert!(within_limits_at_a_glance(
            "topics: [a, b]\nsource: { url: x }\n"
        ));
        let nested = format!("a: {}{}\n", "[".repeat(depth), "]".repeat(depth));
        assert!(within_limits_at_a_glance(&nested));
        let deeper = format!("a: {}{}\n", "[".repeat(depth + 1), "]".repeat(depth + 1));
        assert!(!within_limits_at_a_glance(&deeper));
        assert!(check_limits(&deeper).is_err(), "scanned, and refused");
        assert!(scan_limits(&nested).is_ok());
        assert!(!within_limits_at_a_glance("title: Wow!\n"));
        assert!(!within_limits_at_a_glance("a: *b\n"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            /// What passes at a glance, the full scan passes too.
            #[test]
            fn a_glance_never_lets_through_what_the_scan_refuses(
                text in prop::collection::vec(prop::sample::select(vec![
                    "[", "{", "]", "}", "a", ": ", "\n", "'", "\"", "#", " ", "|", "-",
                ]), 0..120).prop_map(|p| p.concat())
            ) {
                if within_limits_at_a_glance(&text) {
                    prop_assert!(scan_limits(&text).is_ok());
                }
            }
        }
    }

    #[test]
    fn brackets_and_asterisks_in_text_do_not_count() {
        let nested = "[".repeat(40);
        let text = format!(
            "a: \"{nested}\"\nb: '{nested} it''s'\nc: |\n  {nested}\n  'open\nd: x 'y\ne: [[1]] # {nested}\nf: 5*3 *bold* a*b\n"
        );
        let value: serde_yaml::Value = from_str(&text).unwrap();
        assert_eq!(value["c"].as_str().unwrap(), format!("{nested}\n'open\n"));
        let hidden = format!("a: x 'y\nb: {}1{}\n", "[".repeat(40), "]".repeat(40));
        assert!(from_str::<serde_yaml::Value>(&hidden).is_err());
        let after_block = format!("a: |\n  'q\nb: {}1{}\n", "[".repeat(40), "]".repeat(40));
        assert!(from_str::<serde_yaml::Value>(&after_block)
            .unwrap_err()
            .message
            .contains("deeper"));
    }

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
                .contains("a list `[` that starts here is never closed"),
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
