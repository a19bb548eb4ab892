//! Korean-language pages: a Hangul seed becomes an article marked `ko`,
//! with organizations found through the registry's Korean aliases (old
//! names included), people with their Korean titles, figures in 조/억/만
//! expanded, topics from Korean keywords and a romanized file name.

use super::{parse_article, Site};

/// An invented Korean news page with board noise around the story.
const SEED: &str = "\
홈 > 뉴스 > 산업
차세대 배터리 소재 공장 착공…2조5000억원 투입
2024-09-10 홍길동 기자
조회수 1,234 | 댓글 0
산업통상자원부는 10일 포스코케미칼 광양 공장에서 양극재 신공장 착공식을 열었다고 밝혔다. \
회사는 2028년까지 2조5000억원을 투자해 연간 10만t 규모의 하이니켈 양극재를 생산한다.
행사에는 박서준 산업통상자원부 차관과 김하늘 포스코케미칼 대표, 이도윤 삼성SDI 전무 등 약 300명이 참석했다.
박 차관은 \"공급망 안정과 전문인력 양성을 함께 지원하겠다\"고 말했다.
hong@news.example.kr
무단전재 및 재배포 금지
";

#[test]
fn a_korean_page_is_cleaned_annotated_and_marked_ko() {
    let site = Site::with_registries();
    site.seed("ko.txt", SEED);
    let report = site.ingest();
    assert!(report.written.len() == 1, "{:?}", report.diagnostics);
    let articles = site.articles();
    let (path, text) = &articles[0];
    assert!(
        path.starts_with("content/articles/2024-09-10-chasedae-baeteori"),
        "{path}"
    );
    let (front, body) = parse_article(text);
    assert_eq!(front.language.as_deref(), Some("ko"));
    assert_eq!(front.title, "차세대 배터리 소재 공장 착공…2조5000억원 투입");
    for noise in ["조회수", "댓글", "홍길동 기자", "무단전재", "hong@", "홈 >"] {
        assert!(!body.contains(noise), "{noise} left in:\n{body}");
    }
    assert!(body.contains("착공식을 열었다고 밝혔다."));
    for slug in ["motie", "posco-future-m", "samsung-sdi"] {
        assert!(
            front.organizations.iter().any(|o| o == slug),
            "{slug}: {:?}",
            front.organizations
        );
    }
    let people: Vec<(&str, Option<&str>, Option<&str>)> = front
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.role.as_deref(),
                p.organization.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("박서준", Some("산업통상자원부 차관"), Some("motie")),
            ("김하늘", Some("포스코케미칼 대표"), Some("posco-future-m")),
            ("이도윤", Some("삼성SDI 전무"), Some("samsung-sdi")),
        ]
    );
    let figures: Vec<(&str, f64, &str)> = front
        .figures
        .iter()
        .map(|f| (f.text.as_str(), f.value, f.unit.as_str()))
        .collect();
    assert_eq!(
        figures,
        [
            ("2조5000억원", 2.5e12, "KRW"),
            ("10만t", 1e5, "tons"),
            ("약 300명", 300.0, "people"),
        ]
    );
    assert_eq!(front.figures[0].year_target, Some(2028));
    // "10일" is a day of the stated publication month.
    let event = front
        .events
        .iter()
        .find(|e| e.date.to_string() == "2024-09-10");
    assert!(
        event.is_some_and(|e| e.title.contains("착공식을 열었다")),
        "{:?}",
        front.events
    );
    for topic in ["ncm-high-nickel", "supply-chain", "workforce-training"] {
        assert!(
            front.topics.iter().any(|t| t == topic),
            "{topic}: {:?}",
            front.topics
        );
    }
}

#[test]
fn an_english_page_is_not_marked_korean() {
    let site = Site::with_registries();
    site.seed(
        "en.txt",
        "Cathode plant breaks ground\nDate: 2024-09-10\nThe ministry (산업통상자원부) said a cathode plant broke ground.\n",
    );
    site.ingest();
    let (front, _) = site.only_article();
    assert_eq!(front.language, None);
}
