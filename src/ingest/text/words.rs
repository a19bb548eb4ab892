//! Ingest, text layer: word lists kept in data files under
//! `src/ingest/words/`, so a vocabulary grows without touching Rust.
//!
//! Takes a file's text (compiled in with `include_str!` by the
//! [`word_list!`] and [`word_pairs!`] macros) and gives back its entries,
//! parsed on first use and kept for the life of the process: a lookup
//! borrows from the compiled-in text and allocates nothing.
//!
//! The format, one entry a line: leading and trailing spaces are dropped,
//! blank lines and lines starting with `#` are skipped, and an entry whose
//! spaces matter is written in double quotes (`"photo by "`). A list of
//! pairs writes each entry as `name = value`.

use std::ops::Deref;
use std::sync::OnceLock;

/// The entries of a word-list file, in file order.
pub(crate) struct Words {
    file: &'static str,
    text: &'static str,
    entries: OnceLock<Box<[&'static str]>>,
}

impl Words {
    /// A list over `text`, the contents of `file` (named in a panic on a
    /// malformed entry). Use [`word_list!`].
    pub(crate) const fn new(file: &'static str, text: &'static str) -> Self {
        Words {
            file,
            text,
            entries: OnceLock::new(),
        }
    }
}

impl Deref for Words {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.entries
            .get_or_init(|| entries(self.file, self.text).collect())
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = &'a &'static str;
    type IntoIter = std::slice::Iter<'a, &'static str>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The `name = value` entries of a pairs file, in file order.
pub(crate) struct Pairs {
    file: &'static str,
    text: &'static str,
    entries: OnceLock<Box<[(&'static str, &'static str)]>>,
}

impl Pairs {
    /// Pairs over `text`, the contents of `file`. Use [`word_pairs!`].
    pub(crate) const fn new(file: &'static str, text: &'static str) -> Self {
        Pairs {
            file,
            text,
            entries: OnceLock::new(),
        }
    }
}

impl Deref for Pairs {
    type Target = [(&'static str, &'static str)];

    fn deref(&self) -> &Self::Target {
        self.entries.get_or_init(|| {
            entries(self.file, self.text)
                .map(|entry| pair(self.file, entry))
                .collect()
        })
    }
}

impl<'a> IntoIterator for &'a Pairs {
    type Item = &'a (&'static str, &'static str);
    type IntoIter = std::slice::Iter<'a, (&'static str, &'static str)>;

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

/// One `name = value` entry, both sides trimmed.
fn pair(file: &'static str, entry: &'static str) -> (&'static str, &'static str) {
    match entry.split_once(" = ") {
        Some((name, value)) if !name.trim().is_empty() && !value.trim().is_empty() => {
            (name.trim(), value.trim())
        }
        _ => panic!("{file}: `{entry}` is not `name = value`"),
    }
}

/// A [`Words`] static over `src/ingest/words/FILE`.
macro_rules! word_list {
    ($file:literal) => {
        $crate::ingest::text::words::Words::new(
            $file,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/ingest/words/",
                $file
            )),
        )
    };
}

/// A [`Pairs`] static over `src/ingest/words/FILE`.
macro_rules! word_pairs {
    ($file:literal) => {
        $crate::ingest::text::words::Pairs::new(
            $file,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/ingest/words/",
                $file
            )),
        )
    };
}

pub(crate) use {word_list, word_pairs};

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
            .filter(|name| sources.contains(&format!("word_pairs!(\"{name}\")")))
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
                sources.contains(&format!("!(\"{name}\")")),
                "{name} is not loaded by any word_list!/word_pairs!"
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
        static PAIRS: Pairs =
            Pairs::new("t.txt", "# x\nSouth Korea = South Korean\nCo = company\n");
        assert_eq!(
            &*PAIRS,
            [("South Korea", "South Korean"), ("Co", "company")]
        );
    }

    #[test]
    #[should_panic(expected = "t.txt: `Co company` is not `name = value`")]
    fn a_pair_without_equals_is_refused_with_its_file() {
        static PAIRS: Pairs = Pairs::new("t.txt", "# x\nCo company\n");
        let _ = PAIRS.len();
    }
}
