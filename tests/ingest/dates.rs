//! Publication dates in every form a page gives them, and inference when
//! it gives none: an inferred date is marked so and never has a made-up day.

use briefing::content::front_matter::{DateBasis, TitleBasis};

use briefing::diag::Severity;

use super::{ingest_one, parse_article};

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
        assert_eq!(date(&front), iso, "{line}");
        assert_eq!(front.date_basis, DateBasis::Stated, "{line}");
        assert_eq!(front.date_reason, None, "{line}");
    }
}

#[test]
fn a_dateline_states_the_date() {
    let (front, _) =
        ingest_one("SEOUL, Nov. 23, 2026 (Wire) -- The ministry opened a plant on Monday.");
    assert_eq!(date(&front), "2026-11-23");
    assert_eq!(front.source.publisher.as_deref(), Some("Wire"));
    assert_eq!(front.title_basis, TitleBasis::Derived);
}

#[test]
fn a_date_inside_the_story_is_not_the_publication_date() {
    let seed = "Plant opens\nOn October 27, 2021, the ministry held the 2021 Battery Day Festival in the city.";
    let (front, _) = ingest_one(seed);
    assert_eq!(front.date_basis, DateBasis::Inferred);
    assert!(!front.date.unwrap().is_full(), "{}", date(&front));
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
    assert_eq!(date(&front), "2026");
    assert_eq!(front.date_basis, DateBasis::Inferred);
    assert!(front
        .date_reason
        .unwrap()
        .contains("2026 International Forum on Cells"));
}

/// No seed is lost for want of a date: it is written undated, never with
/// an invented date, under the day ingest first saw it, which the manifest
/// keeps so later runs write the same bytes.
#[test]
fn no_date_at_all_gives_an_undated_article_with_its_recorded_day() {
    let site = super::Site::new();
    site.seed(
        "undated.txt",
        "Plant opens\nThe ministry opened a plant on Monday.",
    );
    let report = site.ingest();
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Error),
        "{:?}",
        report.diagnostics
    );
    let articles = site.articles();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].0, "content/articles/plant-opens.md");
    let (front, body) = parse_article(&articles[0].1);
    assert_eq!(front.date, None);
    assert_eq!(front.date_basis, DateBasis::Unknown);
    assert_eq!(front.date_reason, None);
    assert!(
        body.contains("The ministry opened a plant on Monday."),
        "{body}"
    );
    let day = front.ingested.expect("the day it came in is recorded");

    let again = site.ingest();
    assert_eq!(again.unchanged.len(), 1, "{again:?}");
    // The day comes from the manifest, not from the clock.
    let manifest_path = site.path("content/articles/.ingest.lock");
    let manifest = std::fs::read_to_string(&manifest_path).unwrap();
    assert!(manifest.contains(&format!("\t{day}\n")), "{manifest}");
    std::fs::write(
        &manifest_path,
        manifest.replace(&format!("\t{day}\n"), "\t2020-01-02\n"),
    )
    .unwrap();
    site.ingest();
    let (front, _) = site.only_article();
    assert_eq!(front.ingested.unwrap().to_string(), "2020-01-02");
}

/// A seed that can be neither read nor dated costs only itself: the
/// undecodable one is an error by name, the undated one is written.
#[test]
fn only_unreadable_seeds_are_errors_and_they_stop_no_other() {
    let site = super::Site::new();
    site.seed("binary.txt", [0u8, 159, 146, 150, 0, 0, 1, 2]);
    site.seed("empty.txt", "");
    site.seed("undated.txt", "Plant opens\nThe plant opened on Monday.");
    let report = site.ingest();
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().any(|e| e.path.ends_with("binary.txt")));
    assert!(errors.iter().any(|e| e.path.ends_with("empty.txt")));
    assert_eq!(site.articles().len(), 1);
}

fn date(front: &briefing::content::front_matter::ArticleFrontMatter) -> String {
    front.date.map(|d| d.to_string()).unwrap_or_default()
}
