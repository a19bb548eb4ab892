//! Cleaning whole small pages written for these tests.

use super::*;
use crate::ingest::document::Block;

#[test]
fn a_wrapped_first_line_of_the_lead_is_no_headline_and_stays() {
    let text = "Acme Cells plans to double the output of\nits plant in Lyon, the company told\ninvestors on Friday. A second line\nopens in 2027.\n";
    let cleaned = clean(text);
    assert_eq!(cleaned.headline, None);
    let [Block::Paragraph(lead), ..] = &cleaned.document.blocks[..] else {
        panic!("{:?}", cleaned.document.blocks);
    };
    assert!(
        lead.starts_with("Acme Cells plans to double the output of its plant"),
        "{lead}"
    );
    // A headline wrapped in two lines, its block ending with no sentence.
    let text = "Acme boosts spending on its first lithium-\nmetal cells\n\nAcme Cells said on Monday that it will build a plant.\n";
    let cleaned = clean(text);
    let lead = cleaned.document.blocks.iter().find_map(|b| match b {
        Block::Paragraph(p) if p.contains("said") => Some(p),
        _ => None,
    });
    assert_eq!(
        lead.map(String::as_str),
        Some("Acme Cells said on Monday that it will build a plant.")
    );
    // A wrapped notice above the headline leaves the headline be.
    let text = "Our letter on cells, grids and\nthe people who build them.\n\nAcme opens a cell plant in Lyon\n\nAcme Cells said on Monday that it will build a plant in Lyon.\n";
    assert_eq!(
        clean(text).headline.as_deref(),
        Some("Acme opens a cell plant in Lyon")
    );
}

#[test]
fn a_headline_with_the_page_stamp_glued_on_wins_and_loses_the_stamp() {
    let cleaned = clean("Home\nParts and materials for cells\nMinister visits a cell plant in the south 2021-07-05\nThe minister visited the plant on Monday to see the lines.\n");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Minister visits a cell plant in the south")
    );
}

#[test]
fn a_site_name_set_off_by_a_bar_and_a_byline_stamp_are_no_headline() {
    let cleaned = clean("Acme | Acme Cells opens its second plant in the south\nThe company opened the plant on Monday.\n");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Acme Cells opens its second plant in the south")
    );
    let cleaned = clean("Regulator clears the cell venture of two firms | Be Savvy\nThe regulator cleared the venture on Monday.\n");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Regulator clears the cell venture of two firms")
    );
    // The site's name after a headline of three words stays out.
    let cleaned = clean("Acme Cells expands | The Daily Cell Times Global Edition\nThe company expanded on Monday.\n");
    assert_eq!(cleaned.headline.as_deref(), Some("Acme Cells expands"));
    assert_eq!(
        headline_stamp("한빛일보 홍길동 기자 입력 : 2021.03.04 09:10"),
        None
    );
    let cleaned = clean("한빛·누리, 배터리 거점으로 도약한다\n\n한빛일보 홍길동 기자 입력 : 2021.03.04 09:10\n한빛과 누리가 특화단지로 지정됐다. 이들은 거점이 된다.\n");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("한빛·누리, 배터리 거점으로 도약한다")
    );
}

#[test]
fn a_sign_setting_the_headline_off_is_no_part_of_it() {
    let cleaned = clean("▷ Plant opens in the north\nThe plant opened on Monday.\n");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Plant opens in the north")
    );
    let cleaned = clean("$3B plant opens in the north\nThe plant opened on Monday.\n");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("$3B plant opens in the north")
    );
}

#[test]
fn takes_the_headline_after_the_noise() {
    let cleaned = clean("Skip to content\nHome\n\nPlant opens in the north\nDate 2024-01-02\nThe plant opened on Monday.\n");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Plant opens in the north")
    );
    assert_eq!(
        cleaned.document.blocks,
        [Block::Paragraph("The plant opened on Monday.".into())]
    );
}

#[test]
fn a_headline_ending_in_dotted_initials_is_the_headline() {
    let cleaned = clean("Acme Opens First Large Cell Factory in U.S.\nAcme said on Monday it had opened a cell factory in Ohio.\n");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Acme Opens First Large Cell Factory in U.S.")
    );
}

#[test]
fn a_site_name_above_the_headline_is_not_the_headline() {
    let cleaned = clean(
        "Daily Wire\nPlant opens in the north today\nThe plant opened on Monday in the city.",
    );
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Plant opens in the north today")
    );
    assert_eq!(
        cleaned.document.blocks,
        [Block::Paragraph(
            "The plant opened on Monday in the city.".into()
        )]
    );
}

#[test]
fn mastheads_bylines_and_labels_are_not_headlines() {
    let cleaned = clean(
        "Acme Energy Co., Limited\n21 Apr, 2025, 09:00 CST\nAcme Launches a Sodium Cell for Cars\nJane Roe\n4 min read\nBERLIN -- Acme unveiled its new sodium cell on Monday in Berlin.",
    );
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Acme Launches a Sodium Cell for Cars")
    );
    assert_eq!(cleaned.document.blocks.len(), 1);
    let cleaned = clean("Korea Institute of Science and Technology\nPRESS RELEASE\nCell that lasts 1,500 cycles developed\nThe team said on Monday that it made a cell.");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Cell that lasts 1,500 cycles developed")
    );
    assert_eq!(cleaned.document.blocks.len(), 1);
}

#[test]
fn other_stories_headlines_above_the_real_one_lose_to_it() {
    let text = "Town council debates parking fees downtown\nMarket slides as chip shares fall again\n\nTwo colleges team up on sodium cells\n\nTwo northern colleges have begun a joint project on sodium cells for grid storage. It runs three years.";
    let cleaned = clean(text);
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Two colleges team up on sodium cells")
    );
    // Nothing of the other stories stays in the body.
    let body = format!("{:?}", cleaned.document.blocks);
    assert!(
        !body.contains("parking") && !body.contains("chip shares"),
        "{body}"
    );
    // A sub-head under the headline tells the same story: the headline
    // stays first.
    let text = "Acme to build cell plant in the north\nThe plant will make sodium cells for grid storage\nAcme said on Monday it will build a plant for sodium cells in the north.";
    assert_eq!(
        clean(text).headline.as_deref(),
        Some("Acme to build cell plant in the north")
    );
}

#[test]
fn a_wrapped_first_line_of_the_lede_is_not_a_headline() {
    let text = "Cell maker unveils a denser battery\n\n\"In one of the biggest steps in years, the\nlargest cell maker has shown a denser battery for cars and planes.";
    assert_eq!(
        clean(text).headline.as_deref(),
        Some("Cell maker unveils a denser battery")
    );
}

#[test]
fn a_photo_credit_is_never_the_headline() {
    let text = "Photo : WIRE News Agency\n\nThe minister, who toured a cell plant on Monday, called for faster output.";
    assert_eq!(clean(text).headline, None);
}

#[test]
fn a_sentence_first_means_no_headline() {
    let cleaned = clean("The plant opened on Monday.\nIt makes cells.");
    assert_eq!(cleaned.headline, None);
    assert_eq!(cleaned.document.blocks.len(), 2);
}

#[test]
fn every_story_sentence_survives_in_order() {
    let text =
        "Menu\nA headline for cells\nFirst.\n\u{a0}\nSecond.\nⓒ Wire. All rights reserved.\nThird?";
    let cleaned = clean(&crate::ingest::seed::normalize(text));
    let texts: Vec<&str> = cleaned.document.texts().collect();
    assert_eq!(texts, ["First.", "Second.", "Third?"]);
}

#[test]
fn a_korean_deck_under_the_headline_stays_and_labels_go() {
    let page = "한빛시, 전지 산업 키운다\n\n입력 2024-05-02 10:00\n\n\
                지원센터 2027년까지 단계적 구축\n\n관련 기업 50곳 유치 목표\n\n\
                전지협회-한빛대-가온대\n\nK-배터리 북미 점유율 확대 전망\n\n\
                홍길동 한빛대 교수\n\n시험동 전경 이미지사진한빛시\n\n이 기사 요점 정리\n\n\
                한빛시는 전지 산업을 키우기 위해 지원센터를 짓는다고 2일 밝혔다.\n";
    let cleaned = clean(page);
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("한빛시, 전지 산업 키운다")
    );
    let paragraphs: Vec<&str> = cleaned
        .document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        paragraphs,
        [
            "지원센터 2027년까지 단계적 구축",
            "관련 기업 50곳 유치 목표",
            "전지협회-한빛대-가온대",
            "K-배터리 북미 점유율 확대 전망",
            "한빛시는 전지 산업을 키우기 위해 지원센터를 짓는다고 2일 밝혔다."
        ]
    );
}

#[test]
fn the_site_bars_clock_is_no_stamp_of_the_story() {
    // Over the weather, or beside the bar's buttons.
    let weather = "2025.08.15 (금)\n\n  • 흐림서울 32.3℃\n기상청 제공\n가온전지, 오창에 새 라인\n가온전지가 새 라인을 짓는다.";
    assert_eq!(clean(weather).other_stories, [0]);
    let bar = "구독하기 2024.04.27. (토)\n기사검색\n가온전지, 오창에 새 라인\n가온전지가 새 라인을 짓는다.";
    assert_eq!(clean(bar).other_stories, [0]);
    // The story's own stamp, or a date with no weather below, stays.
    for kept in [
        "2025.08.15 (금)\n가온전지, 오창에 새 라인\n가온전지가 새 라인을 짓는다.",
        "입력 2025.08.15 (금) 10:20\n가온전지, 오창에 새 라인\n기온은 32℃였다.",
        "Subscribe\nMay 6, 2024\nAcme opens a plant\nAcme opened a plant.",
        "Monday, August 5, 2024\nAcme slowed its plant on Monday as temperatures hit 38°C, it said.",
        "2024.08.05 (월)\n가온전지는 5일 낮 기온이 38℃를 넘자 공장을 세웠다.",
    ] {
        assert!(clean(kept).other_stories.is_empty(), "{kept}");
    }
}

#[test]
fn a_widget_label_over_the_pages_own_headline_and_stamp_lists_nothing() {
    let text = "trending:\n\nAcme and Velmora to build a cell plant in Ohio\n\nby Wire - 06/13/23 9:40 AM ET\nThis 2020 photo shows the Acme logo. (AP Photo/Jane Roe)\nAcme and Velmora have selected a site near Dayton for a new battery cell plant, the companies said.\n";
    let cleaned = clean(text);
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("Acme and Velmora to build a cell plant in Ohio")
    );
    // Only the label is another story's line; the stamp dates the page.
    assert_eq!(cleaned.other_stories, [0]);
    // Two lines above the stamp are more likely the list's.
    let text = "trending:\n\nLithium prices slide again\n\nRival cuts cell prices\n\nby AP - 06/13/23 9:40 AM ET\nAcme and Velmora have selected a site near Dayton for a new battery cell plant, the companies said.\n";
    assert_eq!(clean(text).headline, None);
    // A real list under the label stays a list.
    let text = "trending:\n\nRival firm cuts cell prices\n\nLithium output rises again\n\nAcme and Velmora have selected a site near Dayton for a new battery cell plant, the companies said.\n";
    assert_eq!(clean(text).headline, None);
}

#[test]
fn the_storys_own_deck_printed_above_its_headline_stays() {
    let has = |cleaned: &Cleaned, words: &str| {
        cleaned.document.blocks.iter().any(|b| match b {
            Block::Paragraph(p) => p.contains(words),
            _ => false,
        })
    };
    // One line over the headline that the story bears out: its deck.
    let text = "가온셀 첫 지속가능경영보고서 발간, 한빛소재 자율공시\n배터리 규제 강화로 소재 기업 대응 속도\n배터리 규제가 강화되면서 소재 기업도 대응에 속도를 내고 있다.\n유럽 규제는 탄소 발자국 신고를 의무로 정했다.\n소재 기업은 규제 대응 전략을 세우고 있다.\n가온셀은 이달 처음으로 지속가능경영보고서를 펴냈다. 한빛소재도 자율공시로 보고서를 공개했다.\n";
    let cleaned = clean(text);
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("배터리 규제 강화로 소재 기업 대응 속도")
    );
    assert!(
        has(&cleaned, "가온셀 첫 지속가능경영보고서 발간"),
        "{cleaned:?}"
    );
    // Another story's headline, sharing little of the story, leaves.
    let text = "다온전지, 유럽 공장 착공식 열어\n배터리 규제 강화로 소재 기업 대응 속도\n배터리 규제가 강화되면서 소재 기업도 대응에 속도를 내고 있다.\n가온셀은 이달 처음으로 지속가능경영보고서를 펴냈다.\n";
    let cleaned = clean(text);
    assert!(!has(&cleaned, "다온전지"), "{cleaned:?}");
    // Another story's headline with a close wording but its own subject.
    let text = "다온전지, 유럽 공장 증설 본격 추진 나서\n한빛배터리, 조지아 신공장 착공식 성대하게 열어\n한빛배터리가 조지아 신공장 착공식을 성대하게 열었다.\n착공식에는 주지사도 참석했다.\n업계에서는 유럽 공장 증설 경쟁이 본격화했다고 본다.\n";
    let cleaned = clean(text);
    assert!(!has(&cleaned, "다온전지"), "{cleaned:?}");
    // Two lines above it are a list of other stories, however close.
    let text = "가온셀 첫 지속가능경영보고서 발간\n한빛소재 보고서 자율공시 나서\n배터리 규제 강화로 소재 기업 대응 속도\n배터리 규제가 강화되면서 소재 기업도 대응에 속도를 내고 있다.\n가온셀은 이달 처음으로 지속가능경영보고서를 펴냈다. 한빛소재도 자율공시로 보고서를 공개했다.\n";
    let cleaned = clean(text);
    assert!(!has(&cleaned, "가온셀 첫"), "{cleaned:?}");
}

#[test]
fn the_korean_government_site_banner_is_noise() {
    let cleaned = clean("이 누리집은 대한민국 공식 전자정부 누리집입니다.\n\n새만금에 전구체 공장 들어선다\n\n새만금개발청은 24일 투자협약을 맺었다고 밝혔다.\n");
    assert_eq!(
        cleaned.headline.as_deref(),
        Some("새만금에 전구체 공장 들어선다")
    );
}
