//! Markdown, highlighting: lines already parsed by a grammar, kept for
//! the process so that a line met again in the same parser state, on any
//! render thread, is not searched again.
//!
//! syntect's parse of a line is a function of the grammar set, the
//! parser's state before the line and the line's text: it gives the scope
//! operations of the line and the state after it. Code blocks repeat
//! lines (`}`, `fi`, a JSON key with its indentation), and searching a
//! line with a grammar's regexes is most of what highlighting costs, so
//! each (line, state before) met is kept with its result. Only lines of
//! the process-wide grammar set are kept (its syntaxes never move), and
//! only up to a bound: past it the memo starts again empty. A kept result
//! is exactly what the parse would give, so the output never depends on
//! which thread highlighted what first.
//!
//! The memo is one for all threads, behind a lock: it is taken twice per
//! line of code (a few thousand times a build, against millions of
//! events), never while a line is parsed, and a memo per thread parsed
//! the lines every thread met once for each of them.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use syntect::parsing::{ParseState, ParsingError, ScopeStackOp, SyntaxReference, SyntaxSet};

/// Lines kept before the memo starts again.
const MAX_LINES: usize = 4096;

/// Bytes of line text kept before the memo starts again.
const MAX_BYTES: usize = 1 << 20;

/// One parse of a line: the grammar, the state before, what it gave.
struct Parsed {
    /// The grammar's address in the process-wide set.
    syntax: usize,
    before: ParseState,
    ops: Vec<(usize, ScopeStackOp)>,
    after: ParseState,
}

#[derive(Default)]
struct Memo {
    lines: HashMap<Box<str>, Vec<Parsed>>,
    count: usize,
    bytes: usize,
}

static MEMO: LazyLock<Mutex<Memo>> = LazyLock::new(Mutex::default);

/// The memo, locked (a thread that panicked holding it left it whole:
/// entries are added complete).
fn memo() -> std::sync::MutexGuard<'static, Memo> {
    MEMO.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The scope operations of `line` parsed from `state` by `syntax` of
/// `syntaxes`, leaving `state` as after the line: as
/// [`ParseState::parse_line`], remembered when `shared` (the
/// process-wide set, whose syntaxes live as long as the process).
pub(super) fn parse_line(
    state: &mut ParseState,
    line: &str,
    syntax: &SyntaxReference,
    syntaxes: &SyntaxSet,
    shared: bool,
) -> Result<Vec<(usize, ScopeStackOp)>, ParsingError> {
    if !shared {
        return state.parse_line(line, syntaxes);
    }
    let id = std::ptr::from_ref(syntax) as usize;
    if let Some((ops, after)) = recall(line, id, state) {
        *state = after;
        return Ok(ops);
    }
    let before = state.clone();
    let ops = state.parse_line(line, syntaxes)?;
    let mut memo = memo();
    if memo.count >= MAX_LINES || memo.bytes + line.len() > MAX_BYTES {
        *memo = Memo::default();
    }
    memo.count += 1;
    memo.bytes += line.len();
    memo.lines.entry(line.into()).or_default().push(Parsed {
        syntax: id,
        before,
        ops: ops.clone(),
        after: state.clone(),
    });
    Ok(ops)
}

/// What parsing `line` from `state` by the grammar at address `syntax`
/// gave, if kept: its scope operations and the state after it.
fn recall(
    line: &str,
    syntax: usize,
    state: &ParseState,
) -> Option<(Vec<(usize, ScopeStackOp)>, ParseState)> {
    memo().lines.get(line).and_then(|seen| {
        seen.iter()
            .find(|p| p.syntax == syntax && p.before == *state)
            .map(|p| (p.ops.clone(), p.after.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops_of(code: &str, shared: bool) -> Vec<Vec<(usize, ScopeStackOp)>> {
        let set = super::super::highlight::syntaxes();
        let syntax = set.find_syntax_by_token("rust").unwrap();
        let mut state = ParseState::new(syntax);
        syntect::util::LinesWithEndings::from(code)
            .map(|line| parse_line(&mut state, line, syntax, set, shared).unwrap())
            .collect()
    }

    #[test]
    fn a_remembered_line_gives_what_parsing_gives_in_its_state() {
        // `}` and `let x = 1;` come back in other states: inside and
        // outside a block comment.
        let code = "fn a() {\n    let x = 1;\n}\n/*\n    let x = 1;\n}\n*/\n    let x = 1;\n}\n";
        let parsed = ops_of(code, false);
        assert_eq!(ops_of(code, true), parsed);
        assert_eq!(ops_of(code, true), parsed, "all of it remembered now");
        assert_ne!(parsed[1], parsed[4], "the state decides");
    }

    #[test]
    fn a_line_parsed_on_one_thread_is_remembered_on_another() {
        let set = super::super::highlight::syntaxes();
        let syntax = set.find_syntax_by_token("python").unwrap();
        let line = "spoken_once_on_another_thread = 1\n";
        let start = ParseState::new(syntax);
        std::thread::scope(|scope| {
            scope.spawn(|| parse_line(&mut start.clone(), line, syntax, set, true).unwrap());
        });
        let id = std::ptr::from_ref(syntax) as usize;
        let (ops, _) = recall(line, id, &start).expect("kept by the other thread");
        assert_eq!(ops, start.clone().parse_line(line, set).unwrap());
    }
}
