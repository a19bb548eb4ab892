use super::*;

fn names(text: &str) -> Vec<(String, Option<&'static str>)> {
    let tokens = tokenize(text);
    candidates(&tokens)
        .into_iter()
        .map(|(s, e, k)| {
            (
                text[tokens[s].start..tokens[e - 1].end].to_string(),
                k.map(OrganizationKind::word),
            )
        })
        .collect()
}

#[test]
fn finds_institutes_universities_and_ministries() {
    assert_eq!(
        names("The Daegu Energy Institute for Green Hydrogen met Busan University staff."),
        [
            (
                "Daegu Energy Institute for Green Hydrogen".to_string(),
                Some("research")
            ),
            ("Busan University".to_string(), Some("university"))
        ]
    );
    assert_eq!(
        names("the Ministry of Land, Transport and Maritime Affairs said"),
        [(
            "Ministry of Land, Transport and Maritime Affairs".to_string(),
            Some("government")
        )]
    );
    assert_eq!(
        names("the University of Leeds, UK")[0].0,
        "University of Leeds"
    );
}

#[test]
fn finds_companies_by_suffix() {
    assert_eq!(
        names("with Hanul Cells Co., Ltd. and Volta Inc. today")
            .into_iter()
            .map(|n| n.0)
            .collect::<Vec<_>>(),
        ["Hanul Cells Co., Ltd.", "Volta Inc."]
    );
}

#[test]
fn a_company_named_after_its_heads_title_and_of() {
    let found = |text: &str| -> Vec<String> { names(text).into_iter().map(|n| n.0).collect() };
    assert_eq!(
        found("Jane Roe, CEO of Kestrel Energy, and the co-founder of Vennor Cells spoke."),
        ["Kestrel Energy", "Vennor Cells"]
    );
    // Another title, a lowercase body or "the" names no company.
    assert!(found("the President of Kestrel and the CEO of the company spoke.").is_empty());
}

#[test]
fn finds_acronym_definitions_whose_initials_agree() {
    assert_eq!(
        names("the Green Cell Promotion Board (GCPB) said")[0],
        ("Green Cell Promotion Board".to_string(), None)
    );
    assert!(names("the big Blue Moon (XYZ) event").is_empty());
    // The legal form may stand between the name and its acronym.
    let text = "set up Hanul Cells Co., Ltd. (HCL), a maker";
    let tokens = tokenize(text);
    let open = tokens.iter().position(|t| t.text == "(").unwrap();
    let (start, _) = acronym_definition(&tokens, open).expect("defined");
    assert_eq!(tokens[start].text, "Hanul");
}

#[test]
fn a_lone_head_word_is_not_a_name() {
    assert!(names("The Institute said the University and the Agency agreed.").is_empty());
}

#[test]
fn every_head_word_names_a_kind() {
    use crate::content::front_matter::OrganizationKind;
    for (head, kind) in super::HEADS.iter().chain(super::OPENERS.iter()) {
        assert!(
            OrganizationKind::from_word(kind).is_some(),
            "`{head} = {kind}`: not a kind of organization"
        );
    }
}

#[test]
fn a_name_opened_before_for() {
    assert_eq!(
        names("The Clean Air for Dalsung Association objected.")[0].0,
        "Clean Air for Dalsung Association"
    );
    // Not after "the": the words before "for" are no part of the name.
    assert_eq!(
        names("Funds Raised for Dalsung Association grew.")[0].0,
        "Dalsung Association"
    );
}

#[test]
fn two_bodies_joined_by_and_are_two_names() {
    let found: Vec<String> =
        names("with Hallim National University and Daeseong University on anodes")
            .into_iter()
            .map(|n| n.0)
            .collect();
    assert_eq!(found, ["Hallim National University", "Daeseong University"]);
    // Words joined before the head are one name.
    assert_eq!(
        names("the Science and Technology Policy Institute said")[0].0,
        "Science and Technology Policy Institute"
    );
    // A titled person before "and" is listed beside the body.
    assert_eq!(
        names(
            "including Vale Mayor Ivo Lind and Greater Vale Development Alliance President Ana Roe"
        )[0]
        .0,
        "Greater Vale Development Alliance"
    );
    assert_eq!(
        names("the Battery Research and Development Institute")[0].0,
        "Battery Research and Development Institute"
    );
    assert_eq!(
        names("the Vale Research Battery Materials and Recycling Institute")[0].0,
        "Vale Research Battery Materials and Recycling Institute"
    );
}

#[test]
fn finds_companies_by_more_legal_forms() {
    let found: Vec<String> =
        names("with Vennor Cells Limited, Astra Motor Company and Kestrel Power SE")
            .into_iter()
            .map(|n| n.0)
            .collect();
    assert_eq!(
        found,
        [
            "Vennor Cells Limited",
            "Astra Motor Company",
            "Kestrel Power SE"
        ]
    );
    assert_eq!(
        names("Hanul Technology Co., Limited (HTL) said")[0].0,
        "Hanul Technology Co., Limited"
    );
}

#[test]
fn investors_by_their_head_words_each_on_its_own() {
    let found: Vec<String> = names(
        "It raised $9 million from investors Vennor Capital, Kestrel Partners, and the Astra Climate Fund and Orlov Ventures.",
    )
    .into_iter()
    .map(|n| n.0)
    .collect();
    assert_eq!(
        found,
        ["Vennor Capital", "Kestrel Partners", "Orlov Ventures"]
    );
}

#[test]
fn a_head_word_inside_a_name_with_a_number_ends_nothing() {
    assert!(names("Acme Materials and Group 14 Technologies will build a plant.").is_empty());
    assert_eq!(names("Acme Group 14 said")[0].0, "Acme Group");
    assert_eq!(
        names("Acme Corp 30 GWh and Bolt Inc 20 GWh")[0].0,
        "Acme Corp"
    );
}

#[test]
fn a_government_department_but_no_university_department() {
    assert_eq!(
        names("the proposal of Department of Heavy Industry, the cabinet said"),
        [(
            "Department of Heavy Industry".to_string(),
            Some("government")
        )]
    );
    assert_eq!(
        names("Rao, Secretary of the Department of Heavy Industry, said")[0].0,
        "Department of Heavy Industry"
    );
    assert!(
        names("Professor Han of the Department of Materials Science and Engineering").is_empty()
    );
    // "… Department" ends no name: a company's sales department, a unit.
    assert!(names("Kim Ha of Acme's Overseas Sales Department said").is_empty());
    assert!(names("Acme unveiled its Liquid Cooling Cabinet for ESS").is_empty());
}

#[test]
fn an_exchange_before_a_ticker_is_no_actor() {
    assert!(lists_a_ticker("Acme Cells (", ": 123456), a battery maker"));
    assert!(lists_a_ticker("Acme (", ":ACM.AX) said"));
    assert!(lists_a_ticker("Acme (NASDAQ,", ": ACM) announced"));
    assert!(lists_a_ticker("Acme (", ", ASX: ACM) announced"));
    assert!(lists_a_ticker("Acme Cells (ACM;", ": 123456) and Bolt"));
    // The exchange acting, a colon opening a quote, or makers' figures.
    assert!(!lists_a_ticker("Acme (", " approved the listing"));
    assert!(!lists_a_ticker("The (", ": the bourse said on Monday"));
    assert!(!lists_a_ticker("", ", which approved the listing"));
    assert!(!lists_a_ticker(
        "Capacity (GWh): Acme: 339.3,",
        ": 153.7, Bolt: 95.8"
    ));
    assert!(!lists_a_ticker("Capacity (GWh):", ": 339.3, Bolt: 95.8"));
}

/// `is_credit` on the first occurrence of `name` in `text`.
fn credits(text: &str, name: &str) -> bool {
    let start = text.find(name).unwrap();
    let hit = Hit {
        start,
        end: start + name.len(),
        entity: 0,
        pattern: 0,
    };
    is_credit(text, &hit)
}

#[test]
fn a_release_wires_tag_and_a_translated_byline_are_credits() {
    assert!(credits(
        "SAN DIEGO and AUSTIN, July 2, 2024 /PRNewswire/ -- Acme signed",
        "PRNewswire"
    ));
    assert!(credits(
        "BOSTON--(BUSINESS WIRE)--Acme and Bolt signed",
        "BUSINESS WIRE"
    ));
    assert!(credits(
        "[Daily Courier Honam Desk, Reporter Kim Min-ji] Acme signed",
        "Daily Courier"
    ));
    // Between slashes, only a wire; a bracket naming no reporter is a
    // company's own.
    assert!(!credits("Acme/Bolt/Cora venture", "Bolt"));
    // A ranking's row, name then figure, is no dateline.
    assert!(credits("Acme - Bolt said on Monday it would grow.", "Acme"));
    assert!(!credits("Acme - 3.8 GWh", "Acme"));
    assert!(!credits("Acme \u{2014} 12% (up)", "Acme"));
    assert!(credits("Acme - 22 May 2024 - Bolt opened a plant.", "Acme"));
    assert!(!credits(
        "[Daily Courier Honam Desk] Acme signed",
        "Daily Courier"
    ));
    assert!(!credits(
        "The fund (Daily Courier reporter pool) grew",
        "Daily Courier"
    ));
}

#[test]
fn an_outlet_after_a_byline_a_bracketed_dateline_and_a_copyright_are_credits() {
    assert!(credits("한가람 기자 / 한빛일보", "한빛일보"));
    assert!(credits(
        "[한빛일보 한가람기자] 에이크미가 공장을 짓는다.",
        "한빛일보"
    ));
    assert!(credits(
        "(Daily Courier) July 26 -- Acme reported a profit.",
        "Daily Courier"
    ));
    assert!(credits(
        "(Daily Courier) -- Acme reported a profit.",
        "Daily Courier"
    ));
    assert!(credits(
        "©(주) 한빛일보 무단전재 및 재배포 금지",
        "한빛일보"
    ));
    // A name in a company's own slash or brackets acts in the story.
    assert!(!credits("Acme / Bolt venture", "Bolt"));
    assert!(!credits(
        "(Daily Courier) said it would expand, then grew.",
        "Daily Courier"
    ));
    assert!(!credits("[한빛일보 취재단 보고서] 발간", "한빛일보"));
    // A place or the outlet, "=", then a byline, in one bracket.
    assert!(credits(
        "[천안=한빛일보 한가람 기자] 에이크미가 공장을 짓는다.",
        "한빛일보"
    ));
    assert!(credits(
        "[한빛경제TV=한가람기자] 에이크미가 계약했다.",
        "한빛경제"
    ));
    assert!(credits(
        "[Sejong=Daily Courier Reporter Jane Roe] Acme will invest.",
        "Daily Courier"
    ));
    // Lenticular brackets, the reporter right after them.
    assert!(credits(
        "【서울=한빛일보】한가람 기자 = 에이크미가 공장을 짓는다.",
        "한빛일보"
    ));
    // A photo's credit or a company's own bracket names no reporter.
    assert!(!credits(
        "[사진=한빛일보 제공] 에이크미가 계약했다.",
        "한빛일보"
    ));
    assert!(!credits(
        "[Acme=Daily Courier venture] Acme will invest.",
        "Daily Courier"
    ));
}
