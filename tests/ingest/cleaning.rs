//! Cleaning rules end to end: each kind of scrape noise, put into a small
//! page of our own, is gone from the article, and every story sentence is
//! still there, in order.

use super::ingest_one;

const HEADLINE: &str = "Battery plant opens in the northern province";
const FIRST: &str = "The ministry opened a battery plant on Monday.";
const SECOND: &str = "It will employ many workers, officials said.";

/// A page with `before` between the headline and the story, `middle`
/// between the two story paragraphs and `after` at the end.
fn page(before: &str, middle: &str, after: &str) -> String {
    format!("{HEADLINE}\nDate: 2024-05-01\n{before}\n{FIRST}\n\n{middle}\n\n{SECOND}\n{after}\n")
}

fn assert_clean(rule: &str, seed: &str, noise: &[&str]) {
    let (front, body) = ingest_one(seed);
    assert_eq!(front.title, HEADLINE, "{rule}");
    for text in noise {
        assert!(!body.contains(text), "{rule}: `{text}` left in\n{body}");
    }
    let first = body
        .find(FIRST)
        .unwrap_or_else(|| panic!("{rule}: lost the first sentence\n{body}"));
    let second = body
        .find(SECOND)
        .unwrap_or_else(|| panic!("{rule}: lost the second sentence\n{body}"));
    assert!(first < second, "{rule}: story out of order\n{body}");
}

#[test]
fn navigation_and_breadcrumbs() {
    let seed = format!(
        "News & Events\n\nNews & Events\n- Home\n- News\n{}",
        page("Home > News > Batteries", "", "")
    );
    assert_clean("navigation", &seed, &["News & Events", "Home", "- News"]);
}

#[test]
fn site_ui_in_korean_and_english() {
    let seed = format!(
        "본문으로 바로가기\n주메뉴\n로그인\nSkip to main content\n{}",
        page("", "", "배너존")
    );
    assert_clean(
        "site-ui",
        &seed,
        &["본문", "주메뉴", "로그인", "Skip", "배너존"],
    );
}

#[test]
fn duplicated_photo_captions() {
    // The duplicate is noise; one copy stays, in italics, set apart.
    let caption = "Workers tour the new line at the plant";
    let seed = page("", &format!("{caption}\n\u{a0}\n{caption}"), "");
    assert_clean("captions", &seed, &[]);
    let (_, body) = ingest_one(&seed);
    assert_eq!(body.matches(caption).count(), 1, "{body}");
    assert!(body.contains(&format!("*{caption}*")), "{body}");
}

#[test]
fn photo_credits() {
    let middle =
        "Photo by City Hall\nEngineers test cells / Photo = Wire Agency\n[Photo: ACME Corp.]";
    assert_clean(
        "photo-credits",
        &page("", middle, ""),
        &["Photo", "Wire Agency", "ACME"],
    );
}

#[test]
fn board_metadata_and_attachments() {
    let before = "  • Writer Press Office\n  • Hit247\n  • Views 123\n- Registration date2024-05-01\n-\nAttached file\nplan_final.pdf (1.2 MB)";
    assert_clean(
        "board-metadata",
        &page(before, "", ""),
        &["Writer", "Hit", "Views", "Registration", "Attached", ".pdf"],
    );
}

#[test]
fn bylines_and_reporter_emails() {
    let after = "Reporter Lee Ji-won jwlee@daily.example\njcpark@wire.example";
    assert_clean(
        "bylines",
        &page("By Jane Doe", "", after),
        &["Reporter", "@", "Jane Doe"],
    );
}

#[test]
fn copyright_and_reprint_notices() {
    let after = "ⓒ Daily Wire(www.daily.example). All rights reserved.\n무단 전재 및 재배포 금지\nUnauthorized reproduction and redistribution prohibited.\nCopyrights Wire News. All Rights Reserved.";
    assert_clean(
        "copyright",
        &page("", "", after),
        &["ⓒ", "rights", "무단", "Unauthorized", "Copyrights"],
    );
}

#[test]
fn end_marks_and_whitespace_lines() {
    let seed = page("\u{a0}\u{a0}\n \t", "\u{a0}", "###\n-END-");
    let (_, body) = ingest_one(&seed);
    assert!(!body.contains("###") && !body.contains("END"), "{body}");
    assert!(!body.contains('\u{a0}'), "{body:?}");
    assert!(!body.contains("\n\n\n"), "{body:?}");
}

#[test]
fn related_headlines_after_the_story() {
    let after = "Related articles\nRival firm cuts cell prices\n\nLithium output rises again\nMost read\nA plant closes";
    assert_clean(
        "related",
        &page("", "", after),
        &[
            "Related",
            "Rival firm",
            "Lithium output",
            "Most read",
            "A plant closes",
        ],
    );
}

#[test]
fn translator_notes() {
    assert_clean(
        "editor-note",
        &page("", "", "** This article was translated from Korean."),
        &["translated"],
    );
}

#[test]
fn numbered_strategies_become_nested_lists() {
    let middle = "1. Securing supply:\n\nMore mines abroad\n\nBetter recycling at home\n\u{a0}\n2. Building hubs:\n\nNew labs in the south";
    let (_, body) = ingest_one(&page("", middle, ""));
    assert!(
        body.contains("1. Securing supply:\n   - More mines abroad\n   - Better recycling at home\n2. Building hubs:\n   - New labs in the south"),
        "{body}"
    );
}

#[test]
fn bracketed_section_titles_become_headings() {
    let middle = "※ 【Strategy for the Cell Industry\n\n[Key points]\n\n■ Next steps";
    let (_, body) = ingest_one(&page("", middle, ""));
    for heading in [
        "## Strategy for the Cell Industry",
        "## Key points",
        "## Next steps",
    ] {
        assert!(
            body.contains(&format!("{heading}\n")),
            "{heading} missing\n{body}"
        );
    }
}

#[test]
fn quotes_stay_intact() {
    let quote = "“We will build it here. Then we will sell it abroad,” the minister said.";
    let (_, body) = ingest_one(&page("", quote, ""));
    assert!(body.contains(quote), "{body}");
}

#[test]
fn about_boilerplate_gets_its_own_heading() {
    let after = "###\nACME Lab is a non-profit research institute founded in 1970. More at https://acme.example";
    let (_, body) = ingest_one(&page("", "", after));
    assert!(
        body.contains("## About ACME Lab\n\nACME Lab is a non-profit"),
        "{body}"
    );
}

#[test]
fn a_whole_wire_page() {
    let seed = "Skip to content\nDaily Wire\nMenu\nSearch\n\
        ACME Cells to build battery plant in the north\n2024-11-22 14:05\n\
        NORTHTOWN, Nov. 22 (Daily Wire) -- ACME Cells Ltd. said Friday it will invest 4 trillion won in a new plant.\n\
        The plant will open in 2026, the company said.\n(END)\nab@wire.example\n\
        Related articles\nRival cuts prices\nMetal output rises\n\
        Share on Facebook\nⓒ 2024 Daily Wire. All rights reserved.\n";
    let (front, body) = ingest_one(seed);
    assert_eq!(
        front.title,
        "ACME Cells to build battery plant in the north"
    );
    assert_eq!(front.date.unwrap().to_string(), "2024-11-22");
    assert_eq!(front.source.publisher.as_deref(), Some("Daily Wire"));
    assert_eq!(
        body,
        "\nNORTHTOWN, Nov. 22 (Daily Wire) -- ACME Cells Ltd. said Friday it will invest 4 trillion won in a new plant.\n\n\
         The plant will open in 2026, the company said.\n"
    );
    assert_eq!(
        front.summary.as_deref(),
        Some("ACME Cells Ltd. said Friday it will invest 4 trillion won in a new plant.")
    );
}
