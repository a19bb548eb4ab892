//! Ingest, text layer: word lists kept in data files under
//! `src/ingest/words/`, so a vocabulary grows without touching Rust.
//!
//! Takes a file's text (compiled in with `include_str!` by the
//! [`word_list!`] macro) and gives back its entries,
//! parsed on first use and kept for the life of the process: a lookup
//! borrows from the compiled-in text and allocates nothing.
//!
//! The format, one entry a line: leading and trailing spaces are dropped,
//! blank lines and lines starting with `#` are skipped, and an entry whose
//! spaces matter is written in double quotes (`"photo by "`). A list of
//! pairs writes each entry as `name = value`.

use std::ops::Deref;
use std::sync::OnceLock;

/// The entries of a data file, in file order, each read by a parse
/// function: a word or phrase ([`Words`]), a `name = value` pair
/// ([`Pairs`]) or a single character ([`Chars`]).
pub(crate) struct List<T: 'static> {
    file: &'static str,
    text: &'static str,
    parse: fn(&'static str, &'static str) -> T,
    entries: OnceLock<Box<[T]>>,
}

/// Words or phrases, as written.
pub(crate) type Words = List<&'static str>;
/// `name = value` pairs.
pub(crate) type Pairs = List<(&'static str, &'static str)>;
/// Single characters.
pub(crate) type Chars = List<char>;

impl<T> List<T> {
    /// A list over `text`, the contents of `file` (named when an entry is
    /// malformed), each entry read by `parse`. Use [`word_list!`].
    pub(crate) const fn new(
        file: &'static str,
        text: &'static str,
        parse: fn(&'static str, &'static str) -> T,
    ) -> Self {
        List {
            file,
            text,
            parse,
            entries: OnceLock::new(),
        }
    }
}

impl<T> Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.entries.get_or_init(|| {
            entries(self.file, self.text)
                .map(|entry| (self.parse)(self.file, entry))
                .collect()
        })
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The entries of a word-list file's text (see the module comment).
fn entries(file: &'static str, text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let entry = match line.strip_prefix('"') {
            Some(quoted) => quoted
                .strip_suffix('"')
                .unwrap_or_else(|| panic!("{file}: unclosed quote in `{line}`")),
            None => line,
        };
        assert!(!entry.is_empty(), "{file}: an empty entry");
        Some(entry)
    })
}

/// One entry as written.
pub(crate) fn word(_file: &'static str, entry: &'static str) -> &'static str {
    entry
}

/// One `name = value` entry, both sides trimmed.
pub(crate) fn pair(file: &'static str, entry: &'static str) -> (&'static str, &'static str) {
    match entry.split_once(" = ") {
        Some((name, value)) if !name.trim().is_empty() && !value.trim().is_empty() => {
            (name.trim(), value.trim())
        }
        _ => panic!("{file}: `{entry}` is not `name = value`"),
    }
}

/// One entry that is a single character.
pub(crate) fn single_char(file: &'static str, entry: &'static str) -> char {
    let mut chars = entry.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c,
        _ => panic!("{file}: `{entry}` is not a single character"),
    }
}

/// A [`List`] static over `src/ingest/words/FILE`: `word_list!("FILE")`
/// for [`Words`], `word_list!(pairs "FILE")` for [`Pairs`],
/// `word_list!(chars "FILE")` for [`Chars`].
macro_rules! word_list {
    ($file:literal) => {
        word_list!(@ $file, word)
    };
    (pairs $file:literal) => {
        word_list!(@ $file, pair)
    };
    (chars $file:literal) => {
        word_list!(@ $file, single_char)
    };
    (@ $file:literal, $parse:ident) => {
        $crate::ingest::text::words::List::new(
            $file,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/ingest/words/",
                $file
            )),
            $crate::ingest::text::words::$parse,
        )
    };
}

pub(crate) use word_list;

/// A stem made of the words of `list` only, glued ("경영지원" is 경영
/// and 지원). Lists are not mixed where a brand may join their words
/// ("그린솔루션", "에너지플랫폼").
pub(crate) fn made_of(stem: &str, list: &Words) -> bool {
    stem.is_empty()
        || list.iter().any(|word| {
            stem.strip_suffix(word)
                .is_some_and(|rest| rest.len() < stem.len() && made_of(rest, list))
        })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    fn words_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ingest/words")
    }

    /// Every data file, as (path below `words/`, text).
    fn data_files() -> Vec<(String, String)> {
        let dir = words_dir();
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .map(|entry| entry.expect("readable words folder"))
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "txt"))
            .map(|entry| {
                let name = entry.path().strip_prefix(&dir).unwrap();
                let name = name.to_string_lossy().replace('\\', "/");
                let text = std::fs::read_to_string(entry.path()).expect("UTF-8 text");
                (name, text)
            })
            .collect();
        files.sort();
        files
    }

    /// Every Rust source of the crate, concatenated.
    fn sources() -> String {
        walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
            .into_iter()
            .map(|entry| entry.expect("readable src"))
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "rs"))
            .map(|entry| std::fs::read_to_string(entry.path()).expect("UTF-8 source"))
            .collect()
    }

    #[test]
    fn every_data_file_is_headed_parses_and_has_no_blank_or_duplicate_entry() {
        let files = data_files();
        let sources = sources();
        let pair_files: BTreeSet<&String> = files
            .iter()
            .map(|(name, _)| name)
            .filter(|name| sources.contains(&format!("word_list!(pairs \"{name}\")")))
            .collect();
        assert!(files.len() > 10, "the word lists live in {:?}", words_dir());
        for (name, text) in &files {
            let text: &'static str = Box::leak(text.clone().into_boxed_str());
            let file: &'static str = Box::leak(name.clone().into_boxed_str());
            assert!(
                text.trim_start().starts_with('#'),
                "{name}: open with a `#` comment saying what the list is for"
            );
            let mut seen = BTreeSet::new();
            for entry in entries(file, text) {
                assert!(!entry.trim().is_empty(), "{name}: a blank entry");
                assert!(seen.insert(entry), "{name}: `{entry}` twice");
                if pair_files.contains(name) {
                    pair(file, entry);
                }
            }
            assert!(!seen.is_empty(), "{name}: no entries");
        }
    }

    #[test]
    fn every_data_file_is_read_by_the_code() {
        let sources = sources();
        for (name, _) in data_files() {
            assert!(
                sources.contains(&format!(" \"{name}\")"))
                    || sources.contains(&format!("(\"{name}\")")),
                "{name} is not loaded by any word_list!"
            );
        }
    }

    #[test]
    fn entries_skip_comments_and_blanks_and_keep_quoted_spaces() {
        let text = "# what it is for\n\n  Alpha  \n\"photo by \"\n# more\nbeta\n";
        let got: Vec<_> = entries("t.txt", text).collect();
        assert_eq!(got, ["Alpha", "photo by ", "beta"]);
    }

    #[test]
    fn pairs_split_on_the_first_equals() {
        static PAIRS: Pairs = Pairs::new(
            "t.txt",
            "# x\nSouth Korea = South Korean\nCo = company\n",
            pair,
        );
        assert_eq!(
            &*PAIRS,
            [("South Korea", "South Korean"), ("Co", "company")]
        );
    }

    #[test]
    #[should_panic(expected = "t.txt: `Co company` is not `name = value`")]
    fn a_pair_without_equals_is_refused_with_its_file() {
        static PAIRS: Pairs = Pairs::new("t.txt", "# x\nCo company\n", pair);
        let _ = PAIRS.len();
    }

    #[test]
    #[should_panic(expected = "t.txt: `->` is not a single character")]
    fn a_character_list_refuses_a_longer_entry() {
        static CHARS: Chars = Chars::new("t.txt", "# x\n•\n->\n", single_char);
        let _ = CHARS.len();
    }
}
