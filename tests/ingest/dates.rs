//! Publication dates in every form a page gives them, and inference when
//! it gives none: an inferred date is marked so and never has a made-up day.

use briefing::content::front_matter::{DateBasis, TitleBasis};

use super::ingest_one;

const STORY: &str = "The ministry opened a battery plant on Monday.";

#[test]
fn every_stated_form() {
    for (line, iso) in [
        ("Date2023-06-02", "2023-06-02"),
        ("- Registration date2024-03-11", "2024-03-11"),
        ("Source: Wire News (October 27, 2021)", "2021-10-27"),
        ("2026.02.10", "2026-02-10"),
        ("Nov. 23, 2026", "2026-11-23"),
        ("23 November 2026", "2026-11-23"),
        ("2026년 2월 10일", "2026-02-10"),
        ("Posted on March 3, 2025", "2025-03-03"),
        ("Published 2026-02-10T09:30:00+09:00", "2026-02-10"),
        ("입력 2026.02.10 09:12", "2026-02-10"),
    ] {
        let (front, _) = ingest_one(&format!("Plant opens in the north\n{line}\n{STORY}\n"));
        assert_eq!(front.date.to_string(), iso, "{line}");
        assert_eq!(front.date_basis, DateBasis::Stated, "{line}");
        assert_eq!(front.date_reason, None, "{line}");
    }
}

#[test]
fn a_dateline_states_the_date() {
    let (front, _) =
        ingest_one("SEOUL, Nov. 23, 2026 (Wire) -- The ministry opened a plant on Monday.");
    assert_eq!(front.date.to_string(), "2026-11-23");
    assert_eq!(front.source.publisher.as_deref(), Some("Wire"));
    assert_eq!(front.title_basis, TitleBasis::Derived);
}

#[test]
fn a_date_inside_the_story_is_not_the_publication_date() {
    let seed = "Plant opens\nOn October 27, 2021, the ministry held the 2021 Battery Day Festival in the city.";
    let (front, _) = ingest_one(seed);
    assert_eq!(front.date_basis, DateBasis::Inferred);
    assert!(!front.date.is_full(), "{}", front.date);
    assert!(
        front.date_reason.as_deref().unwrap_or("").contains("2021"),
        "{:?}",
        front.date_reason
    );
}

#[test]
fn inferred_from_a_year_in_a_name_is_partial_and_explained() {
    let (front, _) =
        ingest_one("The institute hosted the “2026 International Forum on Cells” in the capital.");
    assert_eq!(front.date.to_string(), "2026");
    assert_eq!(front.date_basis, DateBasis::Inferred);
    assert!(front
        .date_reason
        .unwrap()
        .contains("2026 International Forum on Cells"));
}

#[test]
fn no_date_at_all_is_reported_and_nothing_written() {
    let site = super::Site::new();
    site.seed(
        "undated.txt",
        "Plant opens\nThe ministry opened a plant on Monday.",
    );
    let report = site.ingest();
    assert!(site.articles().is_empty());
    let diagnostic = &report.diagnostics[0];
    assert_eq!(diagnostic.code, "ingest/no-date");
    assert!(diagnostic.path.ends_with("undated.txt"));
}
