use super::*;

#[test]
fn blank_and_space_only_lines_are_blank() {
    assert_eq!(classify("   "), Line::Blank);
    assert_eq!(classify("-"), Line::Noise("empty-item"));
}

#[test]
fn a_page_number_opening_a_line_is_no_list_marker() {
    let line = "- 1 - 보도자료 배포 2026. 3. 2.(월) 정부는 배터리 대책을 발표했다.";
    assert_eq!(
        classify(line),
        Line::Story("보도자료 배포 2026. 3. 2.(월) 정부는 배터리 대책을 발표했다.".into())
    );
    assert_eq!(classify("– 12 –"), Line::Blank);
    // A range or a list item stays as written.
    assert_eq!(
        classify("- 3 - 4 times faster"),
        Line::Story("- 3 - 4 times faster".into())
    );
    assert_eq!(classify("- 1000 - a"), Line::Story("- 1000 - a".into()));
    assert_eq!(classify("- 2 cells -"), Line::Story("- 2 cells -".into()));
}

#[test]
fn end_marks() {
    for mark in [
        "###", "# # #", "-END-", "- End -", "- 끝 -", "-30-", "(END)", "[끝]",
    ] {
        assert_eq!(classify(mark), Line::EndMark, "{mark}");
    }
    assert!(!is_end_mark("## Results"));
}

#[test]
fn site_ui_in_several_languages() {
    for ui in [
        "본문으로 바로가기",
        "배너존",
        "주메뉴",
        "로그인",
        "Skip to main content",
        "- Home",
        "검색",
        "한빛일보 구독신청 하기",
        "다양한 채널에서 한빛일보를 만나보세요!",
    ] {
        assert_eq!(classify(ui), Line::Noise("site-ui"), "{ui}");
    }
    // A sentence that ends the same way is the story's.
    let story = "한빛전지는 다음 달 새 공장 준공식을 열고 전 과정을 유튜브로 실시간 방송";
    assert_eq!(classify(story), Line::Story(story.into()));
    assert_eq!(
        classify("Homes for battery workers"),
        Line::Story("Homes for battery workers".into())
    );
}

#[test]
fn board_metadata_glued_or_spaced() {
    for meta in [
        "• Writer ACME",
        "Date2023-06-02",
        "Hit247",
        "Views 123",
        "- Registration date2024-03-11",
        "Attached file",
        "조회수 45",
        "Source: Daily Wire (May 1, 2020)",
    ] {
        assert_eq!(classify(meta), Line::Noise("board-metadata"), "{meta}");
    }
    let story = "Date palms and battery farms share the desert outside the new industrial city.";
    assert!(!is_board_metadata(story));
    assert!(!is_board_metadata(
        "Published research shows that cathode cracking limits cycle life in practice."
    ));
}

#[test]
fn timestamps_and_ui_prefixes() {
    for line in [
        "2024-11-22 14:05",
        "Nov. 22, 2024 10:31 KST",
        "2026.02.10",
        "06.28 (금)",
        "Dec. 20 (Fri) 14:05",
    ] {
        assert_eq!(classify(line), Line::Noise("timestamp"), "{line}");
    }
    // A weekday's day in a sentence is the story's.
    assert_eq!(
        classify("회의는 06.28 (금) 열린다."),
        Line::Story("회의는 06.28 (금) 열린다.".into())
    );
    for line in ["Share on Facebook", "Follow us on X", "Read more"] {
        assert_eq!(classify(line), Line::Noise("site-ui"), "{line}");
    }
    for line in [
        "Contact: Battery Division (044-203-0000)",
        "Tags: battery, EV",
        "문의 02-000-0000",
    ] {
        assert_eq!(classify(line), Line::Noise("board-metadata"), "{line}");
    }
}

#[test]
fn copyright_notices() {
    for notice in [
        "ⓒ Daily Wire. All rights reserved.",
        "Copyrights Wire Agency. All Rights Reserved.",
        "무단 전재 및 재배포 금지",
        "Unauthorized reproduction prohibited",
        "Reprint or redistribution without permission is prohibited.",
    ] {
        assert_eq!(classify(notice), Line::Noise("copyright"), "{notice}");
    }
}

#[test]
fn bylines_and_emails() {
    for byline in [
        "ab@news.example.com",
        "Reporter Lee Ji-won jwlee@daily.example",
        "By Jane Doe",
        "김철수 기자",
        "[한빛일보 김철수 기자]",
        "한빛일보 김철수 기자 입력 : 2021.03.04 09:10",
        "(한빛일보 김철수 특파원)",
    ] {
        assert_eq!(classify(byline), Line::Noise("byline"), "{byline}");
    }
    assert!(!is_byline(
        "By 2030 the plant will make enough cells for a million cars."
    ));
    // A reporter's title inside a story sentence makes no byline.
    for sentence in [
        "외신 기자 100여명이 참석한 가운데 기념식이 열렸다.",
        "한빛일보 기자 3명이 현장을 찾았다.",
    ] {
        assert!(!is_byline(sentence), "{sentence}");
    }
    // Story after the bracket is no byline of its own line.
    assert!(!is_byline("[한빛일보 김철수 기자] 공장이 문을 열었다."));
}

#[test]
fn menus_share_rows_phones_promotions_and_staff_bylines() {
    for (line, rule) in [
        ("Markets | Business | Autos | Sustainability", "breadcrumb"),
        ("로그인 | 회원가입", "breadcrumb"),
        ("Business > Industry", "breadcrumb"),
        ("산업 > 에너지", "breadcrumb"),
        ("로그인 회원가입 전체메뉴", "menu-row"),
        ("Menu Search Login", "menu-row"),
        (
            "Posted by Jane Roe | June 9, 2025 | 6 Comments",
            "breadcrumb",
        ),
        ("Twitter Facebook LinkedIn", "share-buttons"),
        ("Share: Facebook | X | LinkedIn | Email", "share-buttons"),
        ("인쇄 메일 url 공유 - +", "share-buttons"),
        ("+86 593 8901 666", "phone-number"),
        ("Tel. (02) 123-4567", "phone-number"),
        (
            "WANT YOUR COMPANY'S NEWS FEATURED ON WIRE.COM?",
            "promotion",
        ),
        ("Daily staff writers", "byline"),
        ("4 min read", "byline"),
        ("Advertisement · Scroll to continue", "breadcrumb"),
        ("이전글 Korea and Chile sign a lithium MOU", "site-ui"),
        ("Next article: Exports rise for the 3rd month", "site-ui"),
        ("March 3, 2025 4:12 PM EST Updated 2 hours ago", "timestamp"),
        (
            "(Reporting by Jane Roe in Reno; Editing by John Doe)",
            "byline",
        ),
    ] {
        assert_eq!(classify(line), Line::Noise(rule), "{line}");
    }
    for story in [
        "The plant | a milestone for the region, officials said.",
        "Production starts in 2027 at the Reno plant, said the firm.",
        "Shares rose 3.2% to 152,300 won.",
    ] {
        assert!(matches!(classify(story), Line::Story(_)), "{story}");
    }
}

#[test]
fn editor_notes_and_breadcrumbs() {
    assert_eq!(
        classify("** This article was translated from Korean."),
        Line::Noise("editor-note")
    );
    // A caption placing people in the photo, closed by a short credit.
    assert_eq!(
        classify("Minister Jane Roe (center) opens the cell line on Monday. (Acme Cells)"),
        Line::Caption("Minister Jane Roe (center) opens the cell line on Monday.".to_string())
    );
    // A story's sentence with a bracket at its end is no caption.
    assert!(matches!(
        classify("Acme opened the line on Monday, its chief said. (Updated)"),
        Line::Story(_)
    ));
    assert_eq!(
        classify("(ATTN: ADDS details of the plant in paras 5-6)"),
        Line::Noise("editor-note")
    );
    // A paid service's notice of when it showed the story first.
    for notice in [
        "[편집자] 이 기사는 6월 22일 오후 2시15분 투자서비스 '한빛 라씨로'에 먼저 출고됐습니다.",
        "이 기사는 2023년 10월 26일 15시 39분 프리미엄 콘텐츠 서비스에 표출된 기사입니다.",
    ] {
        assert_eq!(classify(notice), Line::Noise("editor-note"), "{notice}");
    }
    // A machine's summary's disclaimer; the feature in a story stays.
    for notice in [
        "AI 요약 기술은 핵심만 전달합니다. 전체 내용은 본문을 확인해주세요.",
        "This summary was generated by AI; read the full story below.",
    ] {
        assert_eq!(classify(notice), Line::Noise("editor-note"), "{notice}");
    }
    for story in [
        "새 앱은 AI 요약 기능으로 충전 기록을 정리한다.",
        "Each report is summarized by AI and sent weekly.",
    ] {
        assert_eq!(classify(story), Line::Story(story.into()));
    }
    let story = "이 기사는 지난달 열린 세미나 내용을 정리한 것입니다.";
    assert_eq!(classify(story), Line::Story(story.into()));
    // A bracketed line of the story stays.
    assert!(matches!(
        classify("(Acme said the plant would open in May.)"),
        Line::Story(_)
    ));
    assert_eq!(
        classify("Home > News > Batteries"),
        Line::Noise("breadcrumb")
    );
    assert_eq!(
        classify("Home » Acme begins mass production of sodium-ion cells"),
        Line::Noise("breadcrumb")
    );
    assert_eq!(
        classify("Home»EV Cars»Acme opens its second cell plant in the south of the country"),
        Line::Noise("breadcrumb")
    );
    assert_eq!(classify("WirePost-June 12, 2023"), Line::Noise("timestamp"));
    // A page clock's label opens story lines too.
    assert_eq!(
        classify("UPDATE. Talks resumed Friday."),
        Line::Story("UPDATE. Talks resumed Friday.".into())
    );
    assert_eq!(classify("Related Articles"), Line::Noise("related-label"));
    assert_eq!(classify("What's Hot"), Line::Noise("related-label"));
    assert_eq!(classify("Editor’s Picks"), Line::Noise("related-label"));
    assert_eq!(classify("이 시각 주요뉴스"), Line::Noise("related-label"));
    assert_eq!(
        classify("2024 plan_final.hwp (1.2 MB)"),
        Line::Noise("attachment-name")
    );
}

#[test]
fn photo_credits_leave_the_caption() {
    assert_eq!(classify("Photo by City Hall"), Line::Noise("photo-credit"));
    assert_eq!(classify("[Photo: ACME]"), Line::Noise("photo-credit"));
    assert_eq!(
        classify("The mayor opens the plant. Photo by City Hall"),
        Line::Caption("The mayor opens the plant.".into())
    );
    assert_eq!(
        classify("Workers at the line / Photo = Wire Agency"),
        Line::Caption("Workers at the line".into())
    );
    assert_eq!(
        classify("[Photo: ACME] Engineers test a cell"),
        Line::Caption("Engineers test a cell".into())
    );
    assert_eq!(classify("(사진=연합뉴스)"), Line::Noise("photo-credit"));
    // Any Korean credit label before "=" credits the picture above.
    assert_eq!(
        classify("가람전지 배터리셀 생산공정. <제공=가람전지>"),
        Line::Caption("가람전지 배터리셀 생산공정.".into())
    );
    assert_eq!(
        classify("전극 공정 설비. (자료 = 한빛기계)"),
        Line::Caption("전극 공정 설비.".into())
    );
    // A source's tag on a story's sentence leaves it the story's.
    let story = "올해 1월 수출액은 8억 달러로 12% 증가했다(자료=한빛부).";
    assert_eq!(classify(story), Line::Story(story.into()));
    // A wire's place before "=" is no credit label.
    assert!(!matches!(
        classify("(서울=뉴스통신) 가람전지가 공장을 준공했다."),
        Line::Caption(_)
    ));
    // An arrow pointing at the picture above opens its caption.
    assert_eq!(
        classify("↑ 2022년 1분기 기업별 배터리 사용량 순위."),
        Line::Caption("2022년 1분기 기업별 배터리 사용량 순위.".into())
    );
    assert!(matches!(
        classify("↑ 회사는 지난 3월 공장을 준공하고 양산에 들어갔다."),
        Line::Story(_)
    ));
    // Spaces before the colon or equals sign change nothing.
    assert_eq!(classify("Photo : WIRE News"), Line::Noise("photo-credit"));
    assert_eq!(classify("사진 = 뉴스통신"), Line::Noise("photo-credit"));
    assert_eq!(
        classify("[Image : ACME] Engineers test a cell"),
        Line::Caption("Engineers test a cell".into())
    );
    // A colon that follows the word in a sentence is no credit.
    let story = "Photo opportunities: the mayor toured the new plant on Monday with guests.";
    assert_eq!(classify(story), Line::Story(story.into()));
    let story = "The photovoltaic farm feeds a photo zone.";
    assert_eq!(classify(story), Line::Story(story.into()));
}

#[test]
fn a_wire_credit_after_the_last_full_stop_leaves_the_caption() {
    assert_eq!(
        classify("Cells on a test bench in Ulm, on June 4, 2022. STR/AFP via Getty Images"),
        Line::Caption("Cells on a test bench in Ulm, on June 4, 2022.".into())
    );
    assert_eq!(
        classify("The mayor cuts the ribbon. Jane Roe/Reuters"),
        Line::Caption("The mayor cuts the ribbon.".into())
    );
    assert_eq!(
        classify("FILE PHOTO: The Acme logo in Vale, May 2, 2021. REUTERS/Jane Roe"),
        Line::Caption("FILE PHOTO: The Acme logo in Vale, May 2, 2021.".into())
    );
    // The agency's photo desk and the name in brackets.
    assert_eq!(
        classify("This 2020 photo shows the Acme logo. (AP Photo/Jane Roe)"),
        Line::Caption("This 2020 photo shows the Acme logo.".into())
    );
    // A slash or "via" in the story's last sentence credits no agency, nor
    // does an agency before a slash without a photographer's name.
    for story in [
        "Output rose 4 percent. Sales came via dealers",
        "Output rose. The data came via Reuters",
        "Sales rose 4 percent. Reuters/Ipsos",
    ] {
        assert_eq!(classify(story), Line::Story(story.into()));
    }
}

#[test]
fn a_korean_provider_after_the_last_full_stop_leaves_the_caption() {
    assert_eq!(
        classify("▲ 2일 가람 도지사와 누리 시장이 기념사진을 찍고 있다. 한빛시 제공"),
        Line::Caption("▲ 2일 가람 도지사와 누리 시장이 기념사진을 찍고 있다.".into())
    );
    assert_eq!(
        classify("가람 도지사가 공장을 둘러보고 있다. 누리연구원 제공"),
        Line::Caption("가람 도지사가 공장을 둘러보고 있다.".into())
    );
    // 제공 in the story's sentence, or a long run after the stop, is the
    // story's.
    for story in [
        "시는 부지를 싸게 제공했다. 도는 예산을 제공",
        "시는 부지를 제공했다. 도는 올해 공장 부지와 예산을 함께 제공",
        "착공식에는 100명이 참석했다. 식후 오찬 제공",
    ] {
        assert_eq!(classify(story), Line::Story(story.into()), "{story}");
    }
}

#[test]
fn metadata_fields_on_one_line() {
    assert_eq!(
        classify(
            "Source: Press Office    Release date: 2025-06-18    Font size: Large Medium Small"
        ),
        Line::Noise("metadata-fields")
    );
    // A sentence with a colon is story.
    assert!(matches!(
        classify("Source: the ministry said output rose 10 percent in the first half of the year."),
        Line::Story(_)
    ));
    // A release's two time fields, set apart by a slash.
    assert_eq!(
        classify("보도시점 : 2025. 7. 15.(화) 11:00  /  배포 : 2025. 7. 14.(월) 14:00"),
        Line::Noise("metadata-fields")
    );
    // Korean board labels glued to a name or a count.
    assert_eq!(
        classify("작성자홍보팀  조회수1,204 등록일2024-05-02"),
        Line::Noise("metadata-fields")
    );
    assert_eq!(classify("작성자홍보팀"), Line::Noise("board-metadata"));
    // A line that only begins like a label is story.
    for story in ["수정안 제출", "입력장치 시장", "출처불명 괴담"] {
        assert!(matches!(classify(story), Line::Story(_)), "{story}");
    }
}

#[test]
fn comment_prompts_and_copy_toasts_are_site_ui() {
    for ui in [
        "댓글 0",
        "댓글 첫 댓글을 남겨주세요",
        "주소복사가 완료되었습니다",
        "3줄요약",
    ] {
        assert_eq!(classify(ui), Line::Noise("site-ui"), "{ui}");
    }
    for story in [
        "댓글 조작 혐의로 기소된 의원이 사퇴했다.",
        "댓글부대 의혹에 대한 수사가 시작됐다",
        "이 기사를 쓴 기자는 현장에 있었다.",
    ] {
        assert!(matches!(classify(story), Line::Story(_)), "{story}");
    }
}

#[test]
fn banners_and_embargo_notes() {
    for line in [
        "WEATHER ALERT: Flood watch for central Kentucky until 8 p.m.",
        "Trending: Derby week road closures | Water main break",
    ] {
        assert_eq!(classify(line), Line::Noise("site-ui"), "{line}");
    }
    for line in [
        "이 보도자료는 7월 15일(화) 11:00 이후부터 보도하여 주시기 바랍니다.",
        "Embargoed until 00:01 CET, Tuesday 4 March 2025",
    ] {
        assert_eq!(classify(line), Line::Noise("embargo-note"), "{line}");
    }
    let story = "Breaking ground on the plant took two years, the mayor said.";
    assert_eq!(classify(story), Line::Story(story.into()));
}

#[test]
fn inline_related_headlines_and_labelled_attachments() {
    assert!(is_inline_related(
        "Related: Plant trims plans | Mandate explained"
    ));
    assert!(is_inline_related("Read next: Lithium prices steady"));
    assert!(!is_inline_related(
        "Related: the ministry also cut tariffs."
    ));
    assert_eq!(
        classify("Attachment: Standard Conditions for the Industry (2025 Edition).pdf"),
        Line::Noise("attachment-name")
    );
}

#[test]
fn analysis_bylines_and_agency_captions() {
    assert_eq!(
        classify("Analysis by Priya Raman, Europe correspondent"),
        Line::Noise("byline")
    );
    assert_eq!(
        classify("The battery plant in Seosan (Yonhap)"),
        Line::Caption("The battery plant in Seosan".into())
    );
    // A credit in brackets closed by a bar ends a caption, whoever took it.
    assert_eq!(
        classify("The chief executive speaks in Seoul on Thursday. (Acme Cells) |"),
        Line::Caption("The chief executive speaks in Seoul on Thursday.".into())
    );
    assert_eq!(
        classify("EV charging station (Wire) |"),
        Line::Caption("EV charging station".into())
    );
    // A sentence ending in an agency name is not a caption.
    assert!(matches!(
        classify("The plant opened in March, the company said (Yonhap)."),
        Line::Story(_)
    ));
}

#[test]
fn an_arrow_between_numbers_is_no_breadcrumb() {
    let line = "Retention > 90% after 1,000 cycles";
    assert_eq!(classify(line), Line::Story(line.into()));
}

#[test]
fn market_tickers_are_noise_and_story_figures_are_not() {
    for quote in [
        "KOSPI 2745.82 -9.29 -0.34%",
        "• USD/KRW 1350 -1 -0.07%",
        "Nikkei 225 38,120.5 ▲312.4 +0.83%",
        "DOW 39,112 +0.2% NASDAQ 17,610 −0.4%",
        // A currency pair unchanged or up, unsigned.
        "• JPY100/KRW 1,049.56 0.03 0.00%",
        "CNH/KRW 186.8 0.16 0.09%",
    ] {
        assert_eq!(classify(quote), Line::Noise("market-quote"), "{quote}");
    }
    for story in [
        "Shares rose 3.2% to 45,000 won.",
        "Sales 2,300 -5%",
        "Capacity 40 GWh +25%",
        "KOSPI 2745.82",
        "Output 2,300 40 5%",
        "Cells/modules 2,300 40 5%",
        "NCM/LFP 12,400 3,100 25%",
    ] {
        assert!(!is_market_quote(story), "{story}");
    }
}

#[test]
fn a_label_of_other_headlines_with_its_time_frame() {
    for label in [
        "Popular articles in the past week",
        "Most read this month",
        "[Top stories today]",
        "Related articles",
    ] {
        assert!(is_related_label(label), "{label}");
    }
    for line in [
        "Popular in the past week",
        "Sales rose this month",
        "Did you know",
    ] {
        assert!(!is_related_label(line), "{line}");
    }
}

#[test]
fn provided_by_in_a_sentence_is_the_story_not_a_credit() {
    let line = "It invests ¥430 billion, including the subsidies provided by the Trade Ministry.";
    assert_eq!(strip_photo_credit(line), None);
    assert_eq!(
        strip_photo_credit("Workers at the new line. Provided by Acme Cells").as_deref(),
        Some("Workers at the new line.")
    );
    assert_eq!(
        strip_photo_credit("The Ulsan plant / courtesy of Acme Cells").as_deref(),
        Some("The Ulsan plant")
    );
    assert_eq!(
        strip_photo_credit("The Ulsan plant Photo courtesy of Acme").as_deref(),
        Some("The Ulsan plant")
    );
}

#[test]
fn a_letter_whose_lowercase_is_shorter_never_cuts_a_syllable_of_the_credit_line() {
    // The Kelvin sign 'K' (three bytes) lowercases to 'k' (one): offsets
    // found in a lowercase copy once fell inside 산, 장 or 경 of the line.
    assert_eq!(
        strip_photo_credit("Kiln at 1,200\u{212a} in 울산 (Yonhap)").as_deref(),
        Some("Kiln at 1,200\u{212a} in 울산")
    );
    assert_eq!(
        strip_photo_credit("\u{212a}-시리즈 공장 [사진=한빛일보] 전경").as_deref(),
        Some("\u{212a}-시리즈 공장 전경")
    );
    assert_eq!(
        strip_photo_credit("\u{212a}-시리즈 공장 전경 Photo: Acme Cells").as_deref(),
        Some("\u{212a}-시리즈 공장 전경")
    );
}

#[test]
fn a_space_after_a_number_that_opens_with_a_symbol_never_cuts_the_symbol() {
    // The label once ended one byte into '☎': its length was taken from
    // the number trimmed of the space after it.
    assert!(!is_phone_number("전화 ☎02 123 4567 "));
    assert!(is_phone_number("Tel. (02) 123-4567 "));
}

#[test]
fn a_story_pointing_at_its_photo_is_no_credit() {
    // "(사진)" says "pictured": the paragraph stays the story's, the only
    // one a page may have.
    let line = "에이크미와 한빛소재는 13일 업무협약을 맺었다(사진). 두 회사는 사업을 함께 한다.";
    assert_eq!(strip_photo_credit(line), None);
    assert_eq!(
        strip_photo_credit("한빛소재 공장 전경 (사진=한빛일보)").as_deref(),
        Some("한빛소재 공장 전경")
    );
}

#[test]
fn a_spaced_photo_credit_is_still_a_credit() {
    assert_eq!(
        strip_photo_credit("에이크미 공장 전경 (사진 = 한빛일보)").as_deref(),
        Some("에이크미 공장 전경")
    );
    assert_eq!(
        strip_photo_credit("에이크미 공장 전경 [사진 한빛일보]").as_deref(),
        Some("에이크미 공장 전경")
    );
}
