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
        ("Nov. 4, 2021", "2021-11-04"),
        ("2025.11.27.", "2025-11-27"),
        ("2024년 3월 11일", "2024-03-11"),
        ("2024.03.11", "2024-03-11"),
        ("December 15, 2022 by Jane Roe", "2022-12-15"),
        ("2021-04-26 홍길동 기자", "2021-04-26"),
        ("Comments 0 Views 217 작성일 2023-04-21 10:32", "2023-04-21"),
        (
            "By Jane Roe Posted : March 14, 2022, 17:10 Updated : March 15, 2022, 17:10",
            "2022-03-14",
        ),
        ("Mon, 5 Jun 2023 14:50:56 +1000", "2023-06-05"),
        ("수정 2024.03.12 10:00", "2024-03-12"),
    ] {
        let (front, _) = ingest_one(&format!("Plant opens in the north\n{line}\n{STORY}\n"));
        assert_eq!(date(&front), iso, "{line}");
        assert_eq!(front.date_basis, DateBasis::Stated, "{line}");
        assert_eq!(front.date_reason, None, "{line}");
    }
}

/// A page's date stamp glued to its headline dates the page and leaves
/// the title, with its label and a reading time glued before it.
#[test]
fn a_date_glued_to_the_headline() {
    for (first, iso) in [
        ("Plant opens in the north 2021-07-05", "2021-07-05"),
        (
            "Plant opens in the north1 min read . Updated: 19 Dec 2022, 02:29 PM IST",
            "2022-12-19",
        ),
    ] {
        let (front, _) = ingest_one(&format!("Menu\nEnergy news\n{first}\n{STORY}\n"));
        assert_eq!(date(&front), iso, "{first}");
        assert_eq!(front.title, "Plant opens in the north", "{first}");
        assert_eq!(front.date_basis, DateBasis::Stated);
    }
}

/// Trailing time stamps of a print edition, after the story.
#[test]
fn trailing_iso_time_stamps() {
    let (front, _) = ingest_one(&format!(
        "Plant opens in the north\n{STORY}\n2023-12-08T08:00:00.0000000Z\n2023-12-08T08:00:00.0000000Z\n"
    ));
    assert_eq!(date(&front), "2023-12-08");
}

/// A repost gives its own date and the original's: the original is the
/// publication, the repost's date is kept beside it. A page clock's
/// "updated" date gives way to the publication date.
#[test]
fn two_dates_on_one_page() {
    let (front, _) = ingest_one(&format!(
        "Date 2021-10-29\nPlant opens in the north\n{STORY}\nSource: Wire News (October 27, 2021)\n"
    ));
    assert_eq!(date(&front), "2021-10-27");
    assert_eq!(front.other_date.unwrap().to_string(), "2021-10-29");
    let (front, _) = ingest_one(&format!(
        "UPDATED. 2024-09-12 07:50\nPlant opens in the north\n  • 승인 2020.12.04 17:35\n{STORY}\n"
    ));
    assert_eq!(date(&front), "2020-12-04");
    assert_eq!(front.other_date.unwrap().to_string(), "2024-09-12");
}

/// A dateline or a sentence that gives a month and day but no year states
/// no publication date: the article is never given a made-up year as stated.
#[test]
fn a_month_and_day_without_a_year_is_never_stated() {
    for seed in [
        "SEOUL, March 3 (Wire) -- The ministry opened a battery plant on Monday.",
        "Plant opens\nThe ministry said on Monday, April 24, that it opened a plant.",
    ] {
        let (front, _) = ingest_one(seed);
        assert_ne!(front.date_basis, DateBasis::Stated, "{seed}");
        assert!(front.date.is_none_or(|d| !d.is_full()), "{seed}");
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

/// A happening the text looks back on ("지난 2023년 7월", "back in 2019")
/// is no publication date, not even an inferred one.
#[test]
fn a_past_month_the_text_looks_back_on_is_not_the_article_date() {
    for seed in [
        "특화단지 공모\n산업부는 16일 특화단지 공모를 시작한다고 밝혔다. 기존 특화단지는 지난 2023년 7월 지정된 청주 등이다.",
        "Plant opens\nThe ministry opened a plant on Monday. Its first plant opened back in March 2019 in the city.",
    ] {
        let (front, _) = ingest_one(seed);
        assert_eq!(front.date, None, "{seed}");
        assert_eq!(front.date_basis, DateBasis::Unknown, "{seed}");
    }
}

/// A year the story names as background ("the mill dates from 1991") is
/// no publication date, not even an inferred one, and a month and day
/// without a year ("on 9 September") are not dated into it.
#[test]
fn a_background_year_leaves_the_article_and_a_bare_day_undated() {
    let seed = "Line ready\nThe firm stated on 9 September that its new line works. The mill dates from 1991 and was refitted since.";
    let (front, _) = ingest_one(seed);
    assert_eq!(front.date, None, "{:?}", front.date_reason);
    assert_eq!(front.date_basis, DateBasis::Unknown);
    assert!(
        front.events.iter().all(|e| e.date.month.is_none()),
        "{:?}",
        front.events
    );
}

/// A guess far behind the years the story looks ahead to is history, not
/// news: a mill "opened in 1988" in a story about output "by 2029" was not
/// written in 1988. The article stays undated, visibly, and a bare "12
/// March" is not dated into the old year.
#[test]
fn a_guess_the_story_outgrew_leaves_the_article_undated() {
    let seed = "Mill to double output\nThe group told investors on 12 March that the mill, which opened in 1988, will double its output by 2029.";
    let (front, _) = ingest_one(seed);
    assert_eq!(front.date, None, "{:?}", front.date_reason);
    assert_eq!(front.date_basis, DateBasis::Unknown);
    assert!(
        front
            .events
            .iter()
            .all(|e| e.date.year != 1988 || e.date.month.is_none()),
        "{:?}",
        front.events
    );
    // Later years within a decade keep the guess.
    let seed = "Mill to double output\nThe mill opened on 3 March 2021. It will double its output by 2029.";
    let (front, _) = ingest_one(seed);
    assert_eq!(front.date_basis, DateBasis::Inferred);
    assert_eq!(date(&front), "2021-03", "{:?}", front.date_reason);
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
