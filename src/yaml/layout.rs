//! YAML layout mistakes, named for what they are, at the line where they are.
//!
//! Takes YAML text the parser refused; gives back every layout mistake a
//! person makes by hand: a tab in the indentation, a key indented so far
//! that YAML reads it as part of the value above, a key between two
//! indentation levels or lined up with a list's `-`, text after a closing
//! quote, a `key value` line without its colon. The parser names a
//! consequence of these, often lines away; this reads the lines the way a
//! person does. It runs only on text the parser refused, so valid YAML
//! never gets a finding.

use super::{YamlError, YamlErrorKind};

/// Every layout mistake in `text`, in line order; lines are numbered from
/// `first_line` (where the text starts in its file), columns from 1.
pub(super) fn mistakes(text: &str, first_line: usize) -> Vec<YamlError> {
    let mut scan = Layout::default();
    for (n, raw) in text.lines().enumerate() {
        scan.line(n + first_line, raw.trim_end_matches('\r'));
    }
    scan.found
}

/// When the key on `line` is indented less than the line above it: the
/// key above, its line and its indentation (a key that slipped out of the
/// item it belongs to).
pub(super) fn outdented_from(text: &str, line: usize) -> Option<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let here = lines.get(line.checked_sub(1)?)?;
    let indent = indentation(here);
    let (above, number) = lines[..line - 1]
        .iter()
        .enumerate()
        .rev()
        .map(|(i, l)| (*l, i + 1))
        .find(|(l, _)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let (column, content) = after_dashes(above);
    let (key, _) = split_key(content)?;
    (column > indent).then(|| (key.to_string(), number, column))
}

/// One open block collection: a mapping's keys or a list's `-`, at a column.
#[derive(Debug, Clone)]
struct Level {
    indent: usize,
    list: bool,
    /// The last key of a mapping (name, line), or the list's first item line.
    key: Option<(String, usize)>,
    /// The last entry has no value yet: a deeper level may start under it.
    open: bool,
}

/// The line before: a value that more-indented lines would continue.
#[derive(Debug, Clone)]
struct Owner {
    /// Column of the key (or the `-` of a list item) the value belongs to.
    column: usize,
    /// The key, or `None` for a list item.
    key: Option<String>,
    line: usize,
    /// The key came out of a deeper level (its last key, line and
    /// indentation): if the next line goes back there, the key slipped.
    slipped: Option<(String, usize, usize)>,
    /// A mistake was found under this value already.
    reported: bool,
}

#[derive(Default)]
struct Layout {
    found: Vec<YamlError>,
    levels: Vec<Level>,
    /// A value that a more-indented line would continue.
    owner: Option<Owner>,
    /// Inside a block scalar (`|`, `>`) under a key at this indentation.
    block: Option<usize>,
    /// Inside a quoted value that spans lines.
    quote: Option<char>,
    /// Open `[`/`{` across lines.
    flow: usize,
}

impl Layout {
    fn line(&mut self, number: usize, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return;
        }
        if let Some(parent) = self.block {
            if indentation(line) > parent {
                return;
            }
            self.block = None;
        }
        if let Some(quote) = self.quote {
            match closing_quote(line, 0, quote) {
                Some(end) => {
                    self.quote = None;
                    self.after_quote(number, line, end, quote);
                }
                None => return,
            }
            return;
        }
        if self.flow > 0 {
            self.flow = flow_depth(line, self.flow);
            return;
        }
        let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(tab) = line[..lead].find('\t') {
            self.found.push(tab_mistake(number, tab));
            return;
        }
        let indent = lead;
        if let Some(owner) = self.owner.clone().filter(|o| indent > o.column) {
            // More indented than the value above: YAML reads it as more of
            // that value. Fine for running text; a key there was meant to
            // be a field.
            let key = split_key(line.trim_start()).filter(|(k, _)| is_field(k));
            if let (Some((key, _)), false) = (key, owner.reported) {
                let mistake = match &owner.slipped {
                    Some(above) if above.2 == indent => slipped_out(&owner, above, number),
                    _ => swallowed(number, indent, key, &owner, self.parent_key_column()),
                };
                self.found.push(mistake);
                if let Some(owner) = self.owner.as_mut() {
                    owner.reported = true;
                }
            }
            return;
        }
        self.owner = None;
        self.structure(number, line, indent);
    }

    /// Place a line in the nesting: list items, keys, values.
    fn structure(&mut self, number: usize, line: &str, indent: usize) {
        let mut column = indent;
        let mut rest = &line[indent..];
        let mut after_dash = false;
        while rest == "-" || rest.starts_with("- ") {
            if !self.dash(number, column, after_dash) {
                return;
            }
            let skipped = rest[1..].len() - rest[1..].trim_start().len();
            column += 1 + skipped;
            rest = rest[1..].trim_start();
            after_dash = true;
        }
        if rest.is_empty() {
            // A bare `-`: the item's content starts on the next line.
            if let Some(list) = self.levels.last_mut().filter(|_| after_dash) {
                list.open = true;
            }
            return;
        }
        if after_dash {
            match split_key(rest) {
                Some((key, value)) => {
                    self.push(column, false, Some((key.to_string(), number)));
                    self.value(number, line, column, Some(key), column + value);
                }
                None => {
                    let dash = column - 2;
                    self.value(number, line, dash, None, column);
                }
            }
            return;
        }
        let popped = self.pop_deeper(column);
        let deepest = popped.first().cloned();
        if !self.place(number, line, column, rest, deepest) {
            self.reopen(popped);
        }
    }

    /// A line that is not a list item, at `column`, after the deeper levels
    /// were closed (`popped`: the deepest of them); false on a mistake.
    fn place(
        &mut self,
        number: usize,
        line: &str,
        column: usize,
        rest: &str,
        popped: Option<Level>,
    ) -> bool {
        let key = split_key(rest);
        // A list at the same column as its parent's keys ends here.
        if self.top().is_some_and(|t| t.list && t.indent == column) {
            let below = self.levels.len().checked_sub(2).map(|i| &self.levels[i]);
            if below.is_some_and(|b| !b.list && b.indent == column) {
                self.levels.pop();
            } else {
                let list = self.top().cloned().expect("a list level");
                self.found.push(lined_up_with_dash(
                    number,
                    column,
                    rest,
                    key.map(|k| k.0),
                    &list,
                    popped,
                ));
                return false;
            }
        }
        match (self.top().cloned(), key) {
            (None, Some((key, value))) => {
                self.push(column, false, Some((key.to_string(), number)));
                self.value(number, line, column, Some(key), column + value);
            }
            (Some(top), Some((key, value))) if !top.list && top.indent == column => {
                let last = self.levels.last_mut().expect("a level");
                last.key = Some((key.to_string(), number));
                last.open = false;
                self.value(number, line, column, Some(key), column + value);
                // Out of a deeper level: if the next line goes back in,
                // this key slipped out of it.
                let slipped = popped.filter(|p| !p.list).and_then(|p| {
                    let (key, at) = p.key?;
                    Some((key, at, p.indent))
                });
                if let Some(owner) = self.owner.as_mut() {
                    owner.slipped = slipped;
                }
            }
            (Some(top), _) if !top.list && top.indent == column => {
                self.found.push(missing_colon(number, column, rest));
            }
            (Some(top), key) if top.indent < column && top.open => {
                if let Some(last) = self.levels.last_mut() {
                    last.open = false;
                }
                match key {
                    Some((key, value)) => {
                        self.push(column, false, Some((key.to_string(), number)));
                        self.value(number, line, column, Some(key), column + value);
                    }
                    // `key:` with its value on the next line.
                    None => self.value(number, line, top.indent, None, column),
                }
            }
            (Some(top), key) => {
                let key = key.map(|k| k.0);
                self.found
                    .push(between_levels(number, column, rest, key, &top, popped));
                return false;
            }
            (None, None) => {}
        }
        true
    }

    /// A `-` at `column`; false when it stands where no list can be.
    fn dash(&mut self, number: usize, column: usize, nested: bool) -> bool {
        if nested {
            self.push(column, true, Some((String::new(), number)));
            return true;
        }
        let popped = self.pop_deeper(column);
        let deepest = popped.first().cloned();
        match self.top().cloned() {
            Some(top) if top.list && top.indent == column => {
                self.levels.last_mut().expect("a level").open = false;
                true
            }
            Some(top) if !top.list && top.open && top.indent <= column => {
                self.levels.last_mut().expect("a level").open = false;
                self.push(column, true, Some((String::new(), number)));
                true
            }
            None => {
                self.push(column, true, Some((String::new(), number)));
                true
            }
            Some(top) => {
                self.found
                    .push(stray_dash(number, column, &top, deepest.as_ref()));
                self.reopen(popped);
                false
            }
        }
    }

    /// The value after a key (`key` at `column`) or a list item's `-`
    /// (`column` is the dash's), starting at byte `at` of `line`.
    fn value(&mut self, number: usize, line: &str, column: usize, key: Option<&str>, at: usize) {
        let mut start = at;
        // Anchors and tags come before the value itself.
        while let Some(word) = line[start..].split_whitespace().next() {
            if word.starts_with('&') || word.starts_with('!') {
                start += line[start..].find(word).unwrap_or(0) + word.len();
                start += line[start..].len() - line[start..].trim_start().len();
            } else {
                break;
            }
        }
        let value = &line[start..];
        let owner = Owner {
            column,
            key: key.map(str::to_string),
            line: number,
            slipped: None,
            reported: false,
        };
        match value.chars().next() {
            None | Some('#') => {
                if let Some(last) = self.levels.last_mut() {
                    last.open = true;
                }
                return;
            }
            Some('|' | '>') => {
                self.block = Some(self.top().map_or(column, |t| t.indent));
                return;
            }
            Some('[' | '{') => self.flow = flow_depth(value, 0),
            Some(quote @ ('"' | '\'')) => match closing_quote(line, start + 1, quote) {
                Some(end) => self.after_quote(number, line, end, quote),
                None => self.quote = Some(quote),
            },
            _ => {}
        }
        self.owner = Some(owner);
    }

    /// A quoted value closed at byte `end` (just past the quote): nothing
    /// but a comment may follow it.
    fn after_quote(&mut self, number: usize, line: &str, end: usize, quote: char) {
        let after = line[end..].trim();
        if after.is_empty() || after.starts_with('#') {
            return;
        }
        let at = end + (line[end..].len() - line[end..].trim_start().len());
        let opened = line[..end - 1].rfind(quote).unwrap_or(0);
        let value = line[opened..].trim_end();
        self.found
            .push(text_after_quote(number, column_of(line, at), value, after));
    }

    fn top(&self) -> Option<&Level> {
        self.levels.last()
    }

    fn push(&mut self, indent: usize, list: bool, key: Option<(String, usize)>) {
        self.levels.push(Level {
            indent,
            list,
            key,
            open: false,
        });
    }

    /// Close the levels deeper than `column`; gives back the closed ones,
    /// deepest first.
    fn pop_deeper(&mut self, column: usize) -> Vec<Level> {
        let mut popped = Vec::new();
        while let Some(level) = self.levels.pop_if(|t| t.indent > column) {
            popped.push(level);
        }
        popped
    }

    /// After a mistake, read on as if the line stood where it belongs: the
    /// levels it closed stay open, so the lines after it are not blamed.
    fn reopen(&mut self, mut popped: Vec<Level>) {
        while let Some(level) = popped.pop() {
            self.levels.push(level);
        }
    }

    /// The column of the mapping key a list hangs under, for "indent it
    /// like …" hints.
    fn parent_key_column(&self) -> Option<(String, usize)> {
        let mut levels = self.levels.iter().rev().skip_while(|l| !l.list);
        levels.next()?;
        let parent = levels.next().filter(|l| !l.list)?;
        let (key, _) = parent.key.clone()?;
        Some((key, parent.indent))
    }
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The column after a line's leading `- ` marks, and the text there.
fn after_dashes(line: &str) -> (usize, &str) {
    let mut column = indentation(line);
    let mut rest = &line[column..];
    while rest.starts_with("- ") {
        let skipped = rest[1..].len() - rest[1..].trim_start().len();
        column += 1 + skipped;
        rest = rest[1..].trim_start();
    }
    (column, rest)
}

/// `key: value` → the key and the byte offset (in `text`) where the value
/// may start; `None` when the text is no `key:` line.
fn split_key(text: &str) -> Option<(&str, usize)> {
    let key_end = if let Some(quote @ ('"' | '\'')) = text.chars().next() {
        closing_quote(text, 1, quote)?
    } else {
        if text.starts_with(['[', '{', '#']) {
            return None;
        }
        let bytes = text.as_bytes();
        (0..bytes.len()).find(|&i| {
            bytes[i] == b':' && bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\t')
        })?
    };
    let after = &text[key_end..];
    let colon = after.len() - after.trim_start_matches(' ').len();
    if !after[colon..].starts_with(':') {
        return None;
    }
    let key = text[..key_end].trim();
    let rest = &text[key_end + colon + 1..];
    let value = key_end + colon + 1 + (rest.len() - rest.trim_start().len());
    (!key.contains(" #")).then_some((key, value))
}

/// A plain field name, as every schema here spells them.
fn is_field(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Byte offset just past the quote closing one opened before `from`, if
/// it closes on this line.
fn closing_quote(line: &str, from: usize, quote: char) -> Option<usize> {
    let mut chars = line[from..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                if quote == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                    chars.next();
                    continue;
                }
                return Some(from + i + 1);
            }
            _ => {}
        }
    }
    None
}

/// Depth of open `[`/`{` after `line`, starting from `depth`; quoted text
/// does not count.
fn flow_depth(line: &str, mut depth: usize) -> usize {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in line.chars() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            (None, '#') if depth == 0 => break,
            _ => {}
        }
        escaped = false;
    }
    depth
}

/// 1-based character column of byte `at`.
fn column_of(line: &str, at: usize) -> usize {
    line[..at].chars().count() + 1
}

fn mistake(
    kind: YamlErrorKind,
    line: usize,
    column: usize,
    message: String,
    help: String,
) -> YamlError {
    YamlError {
        message,
        line: Some(line),
        column: Some(column),
        kind,
        help: Some(help),
    }
}

fn spaces(n: usize) -> String {
    match n {
        1 => "1 space".to_string(),
        n => format!("{n} spaces"),
    }
}

fn tab_mistake(line: usize, at: usize) -> YamlError {
    mistake(
        YamlErrorKind::Tab,
        line,
        at + 1,
        "a tab in the indentation: YAML indents with spaces only".to_string(),
        "replace the tab with spaces, as many as the lines around it use (set your editor to insert spaces)".to_string(),
    )
}

fn swallowed(
    line: usize,
    indent: usize,
    key: &str,
    owner: &Owner,
    parent: Option<(String, usize)>,
) -> YamlError {
    let more = spaces(indent - owner.column);
    let (message, help) = match &owner.key {
        Some(above) => (
            format!(
                "`{key}:` is indented {more} more than `{above}:` on line {}, so YAML reads it as part of the value of `{above}:`",
                owner.line
            ),
            format!(
                "indent `{key}:` with {} like `{above}:`, so it is a field of its own",
                spaces(owner.column)
            ),
        ),
        None => (
            format!(
                "`{key}:` is indented under the list item on line {}, so YAML reads it as part of that item's text",
                owner.line
            ),
            match parent {
                Some((parent, column)) => format!(
                    "to make it a field beside `{parent}:`, indent `{key}:` with {} like `{parent}:`",
                    spaces(column)
                ),
                None => "indent it like the key the list belongs to".to_string(),
            },
        ),
    };
    mistake(YamlErrorKind::Indentation, line, indent + 1, message, help)
}

/// A key less indented than the fields before and after it: it left
/// their level, and the lines after it are read as its value.
fn slipped_out(owner: &Owner, above: &(String, usize, usize), next: usize) -> YamlError {
    let key = owner.key.as_deref().unwrap_or_default();
    let (above_key, above_line, indent) = above;
    mistake(
        YamlErrorKind::Indentation,
        owner.line,
        owner.column + 1,
        format!(
            "`{key}:` is {}, less than `{above_key}:` on line {above_line} and the line after it (line {next}) at {}, so YAML takes it out of their level",
            match owner.column {
                0 => "not indented".to_string(),
                n => format!("indented {}", spaces(n)),
            },
            spaces(*indent)
        ),
        format!("indent `{key}:` with {} like `{above_key}:`", spaces(*indent)),
    )
}

/// What a line holds, for messages: `role:` or `text`.
fn named(rest: &str, key: Option<&str>) -> String {
    match key {
        Some(key) => format!("`{key}:`"),
        None => format!("`{}`", rest.trim()),
    }
}

fn lined_up_with_dash(
    line: usize,
    column: usize,
    rest: &str,
    key: Option<&str>,
    list: &Level,
    item: Option<Level>,
) -> YamlError {
    let what = named(rest, key);
    let list_line = list.key.as_ref().map_or(line, |k| k.1);
    let message = format!(
        "{what} lines up with the `-` of the list that starts on line {list_line}, so YAML expects a new list item here"
    );
    let help = match (key, item) {
        (Some(key), Some(item)) if !item.list => {
            let sibling = item
                .key
                .map(|k| format!(" like `{}:`", k.0))
                .unwrap_or_default();
            format!(
                "indent `{key}:` with {}{sibling} to keep it in the item above, or write `- {key}:` to start a new item",
                spaces(item.indent)
            )
        }
        (Some(key), _) => {
            format!("write `- {key}:` to start a new item, or indent it under the item above")
        }
        (None, _) => format!("write `- {}` to make it a list item", rest.trim()),
    };
    mistake(YamlErrorKind::Indentation, line, column + 1, message, help)
}

fn between_levels(
    line: usize,
    column: usize,
    rest: &str,
    key: Option<&str>,
    outer: &Level,
    inner: Option<Level>,
) -> YamlError {
    let what = named(rest, key);
    let describe = |level: &Level| match (&level.key, level.list) {
        (_, true) => format!("the list's `-` at {}", spaces(level.indent)),
        (Some((key, at)), false) => {
            format!("`{key}:` on line {at} at {}", spaces(level.indent))
        }
        (None, false) => format!("the fields at {}", spaces(level.indent)),
    };
    let (message, help) = match &inner {
        Some(inner) => (
            format!(
                "{what} is indented {}, between {} and {}, so YAML cannot tell which it belongs with",
                spaces(column),
                describe(inner),
                describe(outer)
            ),
            match &inner.key {
                Some((key, _)) if !inner.list => format!(
                    "indent {what} with {} like `{key}:` to keep it with the fields above",
                    spaces(inner.indent)
                ),
                _ => format!("indent {what} with {}", spaces(inner.indent)),
            },
        ),
        None => (
            format!(
                "{what} is indented {}, deeper than {}, but nothing above it opens a new level",
                spaces(column),
                describe(outer)
            ),
            format!("indent it with {} like the lines above it", spaces(outer.indent)),
        ),
    };
    mistake(YamlErrorKind::Indentation, line, column + 1, message, help)
}

fn stray_dash(line: usize, column: usize, top: &Level, popped: Option<&Level>) -> YamlError {
    let lists = [popped, Some(top)];
    let list = lists.into_iter().flatten().find(|l| l.list);
    let (message, help) = match list {
        Some(list) => (
            format!(
                "this list item is indented {}, but the items of its list are at {}",
                spaces(column),
                spaces(list.indent)
            ),
            format!(
                "line up its `-` with the other items: {}",
                spaces(list.indent)
            ),
        ),
        None => (
            "a list item where YAML expects a field: the key above already has a value".to_string(),
            "a list goes under a `key:` with nothing after its colon, its items indented further"
                .to_string(),
        ),
    };
    mistake(YamlErrorKind::Indentation, line, column + 1, message, help)
}

fn missing_colon(line: usize, column: usize, rest: &str) -> YamlError {
    let rest = rest.trim();
    let word_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let (word, after) = rest.split_at(word_end);
    let help = if is_field(word) && after.starts_with(':') {
        format!(
            "put a space after the colon: `{word}: {}`",
            after[1..].trim_start()
        )
    } else if is_field(word) && !after.is_empty() {
        format!("write `{word}: {}`", after.trim_start())
    } else {
        "each line here is a field, written `key: value`".to_string()
    };
    mistake(
        YamlErrorKind::MissingColon,
        line,
        column + 1,
        format!("`{rest}` has no `: ` between its key and its value"),
        help,
    )
}

fn text_after_quote(line: usize, column: usize, value: &str, after: &str) -> YamlError {
    let quote = value.chars().next().unwrap_or('"');
    let fixed = if quote == '"' {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    };
    mistake(
        YamlErrorKind::AfterQuote,
        line,
        column,
        format!("text after the closing quote: the quoted value ends before `{after}`"),
        format!("quote the whole value, with the other kind of quote around it: {fixed}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(YamlErrorKind, usize, usize)> {
        mistakes(text, 1)
            .into_iter()
            .map(|m| (m.kind, m.line.unwrap(), m.column.unwrap()))
            .collect()
    }

    #[test]
    fn valid_layouts_have_no_findings() {
        let text = "title: A\nsummary: a long\n  sentence: with text\ntopics: [a, b]\npeople:\n- name: A\n  role: B\n- name: C\nfigures:\n  - text: \"x\" # c\n    value: 1\n    about:\n      organizations: [a]\n  - { text: y,\n      value: 2 }\nbody: |\n  free\n   text: here\nevents: []\nquote: 'it''s \"so\"'\n";
        assert_eq!(found(text), vec![(YamlErrorKind::Indentation, 3, 3)]);
        let valid = text.replace("  sentence: with text\n", "  sentence with text\n");
        assert!(found(&valid).is_empty(), "{:?}", mistakes(&valid, 1));
    }

    #[test]
    fn each_mistake_at_its_line() {
        use YamlErrorKind::*;
        let swallowed = "figures:\n  - text: a\n    value: 8\n     unit: KRW\n";
        assert_eq!(found(swallowed), vec![(Indentation, 4, 6)]);
        let between = "people:\n  - name: A\n    role: B\n   organization: c\n";
        assert_eq!(found(between), vec![(Indentation, 4, 4)]);
        let dash = "people:\n  - name: A\n  role: B\n";
        assert_eq!(found(dash), vec![(Indentation, 3, 3)]);
        let tab = "people:\n  - name: A\n\trole: B\n";
        assert_eq!(found(tab), vec![(Tab, 3, 1)]);
        let colon = "title: A\nplaces [Korea]\n";
        assert_eq!(found(colon), vec![(MissingColon, 2, 1)]);
        let quote = "people:\n  - quote: \"We did it,\" said Kim\n";
        assert_eq!(found(quote), vec![(AfterQuote, 2, 25)]);
        let item = "topics:\n  - recycling\n    organizations: [a]\n";
        assert_eq!(found(item), vec![(Indentation, 3, 5)]);
    }

    /// Every front matter the repository ships is valid YAML: not one
    /// finding there, so a finding is never a false alarm on a layout
    /// people really write.
    #[test]
    fn shipped_content_has_no_findings() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = 0;
        for entry in walkdir::WalkDir::new(root.join("content"))
            .into_iter()
            .flatten()
        {
            if entry.path().extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let yaml = text.split("\n---").next().unwrap_or("");
            let yaml = yaml.strip_prefix("---\n").unwrap_or(yaml);
            assert!(
                mistakes(yaml, 1).is_empty(),
                "{}: {:?}",
                entry.path().display(),
                mistakes(yaml, 1)
            );
            files += 1;
        }
        let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
        assert!(mistakes(&config, 1).is_empty());
        assert!(files > 100, "{files}");
    }

    #[test]
    fn outdented_keys_name_the_key_above() {
        let text = "people:\n  - name: A\nrole: B\n";
        assert_eq!(outdented_from(text, 3), Some(("name".to_string(), 2, 4)));
        assert_eq!(outdented_from(text, 2), None);
    }
}
