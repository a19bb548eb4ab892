//! YAML mistakes named for what they are, at the line where they are: each
//! case prints its error (a snapshot) and asserts the line it points at.

use std::path::Path;
use std::sync::Arc;

use briefing::content::article::front_matter_of;
use briefing::diag::{render, Format};

/// An article whose front matter parses; each case breaks one line of it.
const ARTICLE: &str = "---
title: KRICT develops a sulfide solid electrolyte
date: 2023-06-02
topics: [all-solid-state]
people:
  - name: Kim Min-su
    role: Researcher
    organization: krict
figures:
  - text: 8 mS/cm
    value: 8
    unit: mS/cm
events:
  - date: 2023-05-30
    title: KRICT announces the electrolyte
  - date: 2026
    title: Pilot line
---
Body.
";

/// The article with `from` replaced by `to`: the lines its errors point
/// at, and the errors as printed.
fn errors(from: &str, to: &str) -> (Vec<usize>, String) {
    assert!(ARTICLE.contains(from), "{from}");
    let text: Arc<str> = Arc::from(ARTICLE.replacen(from, to, 1));
    let path = Path::new("content/articles/2023-06-02-krict.md");
    let diagnostics = front_matter_of(path, &text).expect_err("must not parse");
    let lines = diagnostics.iter().map(|d| d.line_col().0).collect();
    let printed = render(&diagnostics, Format::Human);
    assert!(
        !printed.contains("f64") && !printed.contains("expected a"),
        "{printed}"
    );
    (lines, printed)
}

#[test]
fn the_unmodified_article_parses() {
    let text: Arc<str> = Arc::from(ARTICLE);
    assert!(front_matter_of(Path::new("a.md"), &text).is_ok());
}

/// `unit:` one space too far: YAML reads it as more of `value:`'s text
/// ("8 unit"); the error is at `unit:`, not at `value:`.
#[test]
fn key_indented_into_the_value_above() {
    let (lines, printed) = errors("    unit: mS/cm", "     unit: mS/cm");
    assert_eq!(lines, [12]);
    insta::assert_snapshot!(printed);
}

#[test]
fn event_title_indented_into_its_date() {
    let (lines, printed) = errors("    title: Pilot line", "      title: Pilot line");
    assert_eq!(lines, [17]);
    insta::assert_snapshot!(printed);
}

/// Indented too little: between the item's fields and the list's `-`.
#[test]
fn key_between_two_levels() {
    let (lines, printed) = errors("    organization: krict", "   organization: krict");
    assert_eq!(lines, [8]);
    insta::assert_snapshot!(printed);
}

/// Lined up with the `-`: YAML wants a new item there.
#[test]
fn key_lined_up_with_the_list_dash() {
    let (lines, printed) = errors("    role: Researcher", "  role: Researcher");
    assert_eq!(lines, [7]);
    insta::assert_snapshot!(printed);
}

/// Moved out of its item to the top level, where it is no field.
#[test]
fn key_moved_out_of_its_item() {
    let (lines, printed) = errors("    role: Researcher", "role: Researcher");
    assert_eq!(lines, [7]);
    assert!(printed.contains("with 4 spaces like `name:`"), "{printed}");
    insta::assert_snapshot!(printed);
}

#[test]
fn text_after_a_closing_quote() {
    let (lines, printed) = errors(
        "    role: Researcher",
        "    role: Researcher\n    quote: \"We did it,\" said Kim",
    );
    assert_eq!(lines, [8]);
    insta::assert_snapshot!(printed);
}

#[test]
fn tab_in_the_indentation() {
    let (lines, printed) = errors("    unit: mS/cm", "\tunit: mS/cm");
    assert_eq!(lines, [12]);
    insta::assert_snapshot!(printed);
}

#[test]
fn missing_colon() {
    let (lines, printed) = errors("topics: [all-solid-state]", "topics [all-solid-state]");
    assert_eq!(lines, [4]);
    insta::assert_snapshot!(printed);
}

/// A misspelled field inside a list item: did-you-mean over that item's
/// fields, not the top level's.
#[test]
fn unknown_field_in_a_list_item() {
    let (lines, printed) = errors("    unit: mS/cm", "    units: mS/cm");
    assert_eq!(lines, [12]);
    assert!(printed.contains("did you mean `unit`?"), "{printed}");
    insta::assert_snapshot!(printed);
}

#[test]
fn text_where_a_number_goes() {
    let (lines, printed) = errors("    value: 8", "    value: 8 mS/cm");
    assert_eq!(lines, [11]);
    assert!(printed.contains("should be a number"), "{printed}");
    insta::assert_snapshot!(printed);
}

#[test]
fn a_list_where_a_date_goes() {
    let (lines, printed) = errors("date: 2023-06-02", "date: [2023-06-02]");
    assert_eq!(lines, [3]);
    assert!(printed.contains("a date like 2024-03-11"), "{printed}");
    insta::assert_snapshot!(printed);
}

#[test]
fn unclosed_list() {
    let (lines, printed) = errors("topics: [all-solid-state]", "topics: [all-solid-state");
    assert_eq!(lines, [4]);
    insta::assert_snapshot!(printed);
}

/// Every layout mistake of a file at once, each at its own line.
#[test]
fn every_layout_mistake_of_a_file() {
    let (lines, printed) = errors("    unit: mS/cm\nevents:", "     unit: mS/cm\nevents:");
    assert_eq!(lines, [12]);
    let text = ARTICLE
        .replacen("    unit: mS/cm", "     unit: mS/cm", 1)
        .replacen("    title: Pilot line", "\ttitle: Pilot line", 1);
    let text: Arc<str> = Arc::from(text);
    let diagnostics = front_matter_of(Path::new("a.md"), &text).expect_err("must not parse");
    let lines: Vec<usize> = diagnostics.iter().map(|d| d.line_col().0).collect();
    assert_eq!(lines, [12, 17], "{printed}");
}
