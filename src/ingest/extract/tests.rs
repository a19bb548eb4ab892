//! Annotating whole small documents written for these tests.

use super::*;
use crate::ingest::gazetteer::tests::registries;

/// The names of the organizations `a` adds to the registry.
fn generated_names(a: &Annotations) -> Vec<&str> {
    a.generated_organizations
        .iter()
        .map(|o| o.name.as_str())
        .collect()
}

fn doc(paragraphs: &[&str]) -> Document {
    Document {
        blocks: paragraphs
            .iter()
            .map(|p| Block::Paragraph(p.to_string()))
            .collect(),
    }
}

#[test]
fn a_company_after_its_heads_title_but_no_place() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Jane Roe, CEO of Kestrel Energy, met the CEO of Chile, Dana Orlov."]),
        "",
        None,
        &g,
    );
    assert_eq!(generated_names(&a), ["Kestrel Energy"]);
}

#[test]
fn places_inside_organization_names_do_not_count() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Seoul National University opened a lab."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["seoul-national-university"]);
    assert!(a.places.is_empty());
    let a = annotate(&doc(&["Chungbuk signed with Acme in Seoul."]), "", None, &g);
    assert_eq!(a.organizations, ["north-chungcheong", "acme-energy"]);
    assert_eq!(a.places, ["North Chungcheong Province", "Seoul"]);
    assert!(a.evidence.contains_key(&EvidenceKey::place("seoul")));
}

#[test]
fn a_korean_local_government_in_an_address_is_the_place_not_its_government() {
    let g = Gazetteer::new(&registries());
    let orgs = |text: &str| annotate(&doc(&[text]), "", None, &g).organizations;
    let seosan = ["seosan-city".to_string()];
    assert_eq!(orgs("서산시는 투자를 유치했다고 밝혔다."), seosan);
    assert_eq!(orgs("서산시(시장 홍길동)는 투자를 밝혔다."), seosan);
    assert_eq!(
        orgs("서산시와 에이크미 등은 협약을 맺었다."),
        ["seosan-city", "acme-energy"]
    );
    // Written as where a plant stands: after a province, or before a
    // smaller division of the address.
    assert!(!orgs("공장은 충북 서산시에 있다.").contains(&seosan[0]));
    assert!(orgs("공장은 서산시 대산읍 소재다.").is_empty());
    assert!(orgs("공장은 서산시 일원에 들어선다.").is_empty());
    // In English, "in" places a county as it places any town.
    let english = |text: &str| annotate(&doc(&[text]), "", None, &g).organizations;
    assert_eq!(
        english("Acme will build a plant in Seosan City by 2027."),
        ["acme-energy"]
    );
    assert_eq!(
        english("Seosan City said it would support the plant."),
        seosan
    );
    // A short common noun after the name ends like a division but is none,
    // and "소재" is also "materials".
    for text in [
        "에이크미는 서산시 공동 연구센터를 열었다.",
        "서산시 소재 산업 육성 계획이 나왔다.",
    ] {
        assert!(orgs(text).contains(&seosan[0]), "{text}");
    }
}

#[test]
fn a_partnerships_nickname_names_the_partners_the_article_named() {
    use crate::content::front_matter::OrganizationKind;
    use crate::ingest::gazetteer::tests::organization;
    let mut registries = registries();
    for (slug, name, aliases) in [
        ("acme-cells", "Acme Cells", &[][..]),
        ("beta-motor-group", "Beta Motor Group", &[][..]),
        ("beta-motor", "Beta Motor Company", &["Beta"][..]),
    ] {
        registries
            .organizations
            .push(organization(slug, name, OrganizationKind::Company, aliases));
    }
    let g = Gazetteer::new(&registries);
    let orgs = |paragraphs: &[&str]| annotate(&doc(paragraphs), "", None, &g).organizations;
    let named = "Acme Cells and Beta Motor Group formed a venture.";
    assert_eq!(
        orgs(&[named, "The Acme-Beta venture will open a plant."]),
        ["acme-cells", "beta-motor-group"]
    );
    // A short form alone is the registry's entry for it.
    assert_eq!(
        orgs(&[named, "Beta said it would buy the cells."]),
        ["acme-cells", "beta-motor-group", "beta-motor"]
    );
}

#[test]
fn topics_need_clear_evidence() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "Acme opened a battery recycling plant that recovers black mass.",
            "A robot was shown once.",
        ]),
        "Acme starts recycling",
        None,
        &g,
    );
    assert_eq!(a.topics, ["recycling"]);
    assert!(a.evidence[&EvidenceKey::topic("recycling")].contains("recycling"));
}

#[test]
fn a_common_word_in_the_headline_and_twice_more_is_the_subject() {
    let g = Gazetteer::new(&registries());
    let body = [
        "Acme welcomed the policy on Monday.",
        "The policy takes effect in May.",
        "Acme makes cells.",
    ];
    let topics =
        |title: &str, paragraphs: &[&str]| annotate(&doc(paragraphs), title, None, &g).topics;
    assert_eq!(
        topics("Acme backs the policy", &body),
        ["policy-regulation"]
    );
    // Once in the body is a mention, however strong the headline.
    assert!(topics("Acme backs the policy", &body[1..]).is_empty());
    // Without the headline, a word said twice is no subject; four times is.
    assert!(topics("Acme backs the plan", &body).is_empty());
    // A word of more than one sense needs another keyword however often.
    let strategy = [
        "Acme told its strategy.",
        "The strategy is new.",
        "Its strategy works.",
    ];
    assert!(topics("Acme unveils new strategy", &strategy).is_empty());
    let four = [
        body[0],
        body[1],
        "The policy is new.",
        "The policy is short.",
    ];
    assert_eq!(topics("Acme backs the plan", &four), ["policy-regulation"]);
}

#[test]
fn spelling_variants_of_keywords_still_count() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "AI and humanoid robots drive demand.",
            "Autonomous electrical autos too.",
        ]),
        "",
        None,
        &g,
    );
    assert!(
        a.topics.contains(&"robotics-ai".to_string()),
        "{:?}",
        a.topics
    );
}

#[test]
fn clearly_named_organizations_become_generated_entries() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Acme and the Busan Cell Institute of Technology (BCIT) signed an MOU in Korea."]),
        "",
        None,
        &g,
    );
    assert_eq!(
        a.organizations,
        ["acme-energy", "busan-cell-institute-of-technology"]
    );
    let new = &a.generated_organizations[0];
    assert_eq!(new.name, "Busan Cell Institute of Technology");
    assert_eq!(new.aliases, ["BCIT"]);
    assert_eq!(new.country, "KR");
    assert_eq!(
        new.kind,
        crate::content::front_matter::OrganizationKind::Research
    );
    assert!(new.quote.starts_with("Acme and the Busan"));
    assert!(a.suggested_organizations.is_empty());
}

#[test]
fn a_korean_company_named_after_its_description_becomes_an_entry() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["어제 서신면의 일차전지 제조 업체인 가온셀 공장에서 불이 났다. 정부출연연구소와 기업부설연구소 연구자들이 모였다."]),
        "",
        None,
        &g,
    );
    // The described company, and no generic research body.
    assert_eq!(generated_names(&a), ["가온셀"]);
    // A word of the name spaced after it, ending the noun phrase.
    let names = |text: &str| {
        let a = annotate(&doc(&[text]), "", None, &g);
        generated_names(&a)
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names("배터리 회사인 가온셀 인터내셔널이 특허를 팔았다."),
        ["가온셀 인터내셔널"]
    );
    assert_eq!(
        names("배터리 회사인 가온셀 솔루션 밀도를 높였다."),
        ["가온셀"]
    );
    // An object after the name is what the company sells.
    assert_eq!(
        names("광산 업체인 가온마인 그룹을 통해 샀다."),
        ["가온마인"]
    );
}

#[test]
fn a_vehicles_roman_number_is_its_names_and_no_ticker() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["It merged with Volta Acquisition Corp III in May."]),
        "",
        None,
        &g,
    );
    assert_eq!(generated_names(&a), ["Volta Acquisition Corp III"]);
}

#[test]
fn a_shorter_name_in_brackets_becomes_an_alias() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "Output at Hanul Cells Co., Ltd. (Hanul Battery) doubled.",
            "Busan Storage Corp. (Storage) grew.",
        ]),
        "",
        None,
        &g,
    );
    let generated: Vec<(&str, &[String])> = a
        .generated_organizations
        .iter()
        .map(|o| (o.name.as_str(), o.aliases.as_slice()))
        .collect();
    // Only a name that opens with the full name's first word; the name
    // without its legal form is an alias too.
    assert_eq!(
        generated,
        [
            (
                "Hanul Cells Co., Ltd.",
                &["Hanul Battery".to_string(), "Hanul Cells".to_string()][..]
            ),
            ("Busan Storage Corp.", &["Busan Storage".to_string()][..]),
        ]
    );
}

#[test]
fn an_acronym_defined_for_a_generated_entry_names_it_later() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "The Busan Cell Institute of Technology (BCIT) opened a lab.",
            "Acme signed an agreement with BCIT on anodes.",
        ]),
        "",
        None,
        &g,
    );
    let generated = generated_names(&a);
    assert_eq!(generated, ["Busan Cell Institute of Technology"]);
    assert_eq!(
        a.organizations,
        ["busan-cell-institute-of-technology", "acme-energy"]
    );
}

#[test]
fn a_generated_company_is_known_by_its_acronym_and_without_its_legal_form() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Acme set up Hanul Cells Co., Ltd. (HCL), a cathode maker."]),
        "",
        None,
        &g,
    );
    let entry = &a.generated_organizations[0];
    assert_eq!(entry.name, "Hanul Cells Co., Ltd.");
    assert_eq!(entry.aliases, ["HCL", "Hanul Cells"]);
}

#[test]
fn indian_and_australian_legal_forms_name_companies_without_their_base() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "Chennai-based Hanul Industries Ltd. is set to open a plant. \
             The group set up Hanul Cell Technologies Pvt. to make cells, \
             and Bolt Cells Pty Ltd will supply them. \
             New South Vale-based Kestrel Storage Solutions Inc. buys them, \
             and Nordic Silicon-based Anode Materials AB supplies anodes.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(
        generated_names(&a),
        [
            "Hanul Industries Ltd.",
            "Hanul Cell Technologies Pvt.",
            "Bolt Cells Pty Ltd",
            "Kestrel Storage Solutions Inc.",
            "Nordic Silicon-based Anode Materials AB"
        ]
    );
}

#[test]
fn a_nationality_before_a_descriptor_names_no_organization() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Hanul Cells, a unit of South Korean retail giant Acme, is spending more."]),
        "",
        None,
        &g,
    );
    assert!(
        !a.organizations.iter().any(|o| o.contains("korean")),
        "{:?}",
        a.organizations
    );
    assert!(generated_names(&a).iter().all(|n| !n.contains("Korean")));
}

#[test]
fn a_countrys_federal_or_central_government_is_its_government() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["The Korean central government approved it, and the Korean government agreed."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["government-of-korea"]);
    let a = annotate(&doc(&["Korean national governments of old."]), "", None, &g);
    assert!(a.organizations.is_empty(), "{a:?}");
}

#[test]
fn a_places_government_in_any_wording_is_its_registry_entry() {
    use crate::content::front_matter::OrganizationKind;
    use crate::ingest::gazetteer::tests::organization;
    let g = Gazetteer::new(&registries());
    for text in [
        "South Korea's government approved the plan.",
        "South Korea’s federal government approved the plan.",
        "The plan was approved by the government of Korea.",
        "The Government of South Korea approved the plan.",
    ] {
        let a = annotate(&doc(&[text]), "", None, &g);
        assert_eq!(a.organizations, ["government-of-korea"], "{text}");
    }
    // No "Government of Chile" in the registry: nothing is made up.
    for text in [
        "Chile's government approved the plan.",
        "칠레 정부는 계획을 승인했다.",
    ] {
        let a = annotate(&doc(&[text]), "", None, &g);
        assert!(a.organizations.is_empty(), "{text}: {a:?}");
    }
    let mut with_chile = registries();
    with_chile.organizations.push(organization(
        "government-of-chile",
        "Government of Chile",
        OrganizationKind::Government,
        &[],
    ));
    let g = Gazetteer::new(&with_chile);
    let a = annotate(&doc(&["칠레 정부는 계획을 승인했다."]), "", None, &g);
    assert_eq!(a.organizations, ["government-of-chile"]);
    // A country's "주정부" are its states, not its nation; "governments"
    // of old, a government's bonds, a body it runs and a word of
    // a compound are no body.
    for text in [
        "칠레 주정부들이 나섰다.",
        "Chile's governments of old.",
        "Investors bought Chile's government bonds.",
        "Chile's government-run miner grew.",
        "칠레 정부출연기관인 한빛원이 나섰다.",
    ] {
        let a = annotate(&doc(&[text]), "", None, &g);
        assert!(a.organizations.is_empty(), "{text}: {a:?}");
    }
}

#[test]
fn loose_names_stay_suggestions() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "The Green Cell Promotion Board (GCPB) met.",
            "Busan Unveils New Cell Institute Plans",
        ]),
        "",
        None,
        &g,
    );
    assert!(a.generated_organizations.is_empty(), "{a:?}");
    let names: Vec<&str> = a
        .suggested_organizations
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Green Cell Promotion Board",
            "Busan Unveils New Cell Institute"
        ]
    );
}

#[test]
fn a_longer_name_around_a_registry_name_is_another_body() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["It partnered with Derrow and Acme Tsusho Co., respectively."]),
        "",
        None,
        &g,
    );
    // "partnered with" introduces both partners as organizations.
    assert_eq!(a.organizations, ["derrow", "acme-tsusho-co"], "{a:?}");
    let a = annotate(
        &doc(&["Acme Energy Co., Ltd. opened a plant."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["acme-energy"]);
    assert!(a.generated_organizations.is_empty());
}

#[test]
fn a_name_filed_under_its_slug_links_that_entry() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Researchers of the Seoul-National University agreed."]),
        "",
        None,
        &g,
    );
    assert!(a.generated_organizations.is_empty(), "{a:?}");
    assert_eq!(a.organizations, ["seoul-national-university"]);
}

#[test]
fn everything_keeps_its_sentence() {
    let g = Gazetteer::new(&registries());
    let text = "On March 4, Acme said it will invest 2 trillion won by 2030.";
    let a = annotate(&doc(&[text]), "", "2024-03-10".parse().ok(), &g);
    assert_eq!(a.figures[0].quote.as_deref(), Some(text));
    assert_eq!(a.events[0].quote.as_deref(), Some(text));
    assert_eq!(a.evidence[&EvidenceKey::organization("acme-energy")], text);
}

#[test]
fn governments_named_as_locations_are_only_places() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "Acme opened a plant in Chungbuk.",
            "Batteries (Chungbuk) grew.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["acme-energy"]);
    assert_eq!(a.places, ["North Chungcheong Province"]);
    let a = annotate(&doc(&["Seoul, Chungbuk signed a deal."]), "", None, &g);
    assert!(a.organizations.is_empty());
    let a = annotate(&doc(&["Chungbuk signed a deal."]), "", None, &g);
    assert_eq!(a.organizations, ["north-chungcheong"]);
    // A government named by its kind of region: a place after "in", a body
    // when it acts.
    let a = annotate(
        &doc(&["Acme opened a plant in the Korean province of Chungbuk."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["acme-energy"]);
    let a = annotate(
        &doc(&["The province of Chungbuk signed a deal."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["north-chungcheong"]);
}

#[test]
fn a_korean_location_particle_makes_a_government_a_place() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["에이크미는 충북에 위치한 공장을 열었다."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["acme-energy"]);
    assert_eq!(a.places, ["North Chungcheong Province"]);
    let a = annotate(&doc(&["충북은 새 단지를 지정했다."]), "", None, &g);
    assert_eq!(a.organizations, ["north-chungcheong"]);
    let a = annotate(&doc(&["충북에 따르면 단지가 커졌다."]), "", None, &g);
    assert_eq!(a.organizations, ["north-chungcheong"]);
}

#[test]
fn korean_compounds_are_terms_of_art_for_topics() {
    let g = Gazetteer::new(&registries());
    // One three-syllable Hangul keyword, stated twice, is clear evidence;
    // a two-syllable one is a common word and needs company.
    let a = annotate(
        &doc(&["회사는 폐배터리 사업을 키운다.", "폐배터리 물량이 늘었다."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.topics, ["recycling"]);
    let a = annotate(
        &doc(&["재생 사업을 키운다.", "재생 물량이 늘었다."]),
        "",
        None,
        &g,
    );
    assert!(a.topics.is_empty(), "{:?}", a.topics);
}

#[test]
fn a_figure_restated_in_other_words_is_listed_once() {
    let g = Gazetteer::new(&registries());
    let texts =
        |a: &Annotations| -> Vec<String> { a.figures.iter().map(|f| f.text.clone()).collect() };
    let a = annotate(
        &doc(&[
            "The line makes cells of 60 ampere-hours (Ah).",
            "A 60Ah cell suits cars.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(texts(&a), ["60 ampere-hours"]);
    // Another qualifier is another statement; a share written again in
    // other words may be another share.
    let a = annotate(
        &doc(&[
            "Acme will hire 500 people.",
            "About 500 people will work there.",
            "Sales rose 10%. Margins rose 10 percent.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(
        texts(&a),
        ["500 people", "About 500 people", "10%", "10 percent"]
    );
    // Counts and money in other words are as often another company's.
    let a = annotate(
        &doc(&[
            "Acme will hire 500 people. Beta will hire 500 workers.",
            "Acme invested 2 billion dollars. Beta invested $2 billion.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(a.figures.len(), 4, "{:?}", texts(&a));
    // A deck's line sums up the lead: its money told again in full is
    // the same figure.
    let a = annotate(
        &doc(&[
            "한빛전지, 2028년까지 2천억원 투자",
            "한빛전지는 2028년까지 총 2천억원을 들여 공장을 짓는다.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(texts(&a), ["2천억원"]);
    // A list item's count may be another company's.
    let a = annotate(
        &doc(&[
            "□ 에이크미: 신규 인력 500명 채용",
            "한빛소재도 500여명을 새로 채용한다.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(a.figures.len(), 2, "{:?}", texts(&a));
}

#[test]
fn a_phrase_said_in_passing_needs_company_to_name_a_topic() {
    let g = Gazetteer::new(&registries());
    // "clean energy" describes the company; it is no story of climate.
    let a = annotate(
        &doc(&["Acme, a clean energy company, opened a cell plant."]),
        "Acme opens a clean energy plant",
        None,
        &g,
    );
    assert!(a.topics.is_empty(), "{:?}", a.topics);
    let a = annotate(
        &doc(&["Acme, a clean energy company, will cut its carbon emissions."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.topics, ["carbon-neutrality"]);
    // Passing phrases alone never list a topic, however many.
    let a = annotate(
        &doc(&["Acme builds sustainable cells for a clean energy grid."]),
        "",
        None,
        &g,
    );
    assert!(a.topics.is_empty(), "{:?}", a.topics);
    // "차세대" (next-generation) describes an appliance as readily as research.
    let topics = |text: &str| annotate(&doc(&[text]), "", None, &g).topics;
    assert!(topics("에이크미는 차세대 청소기에 전지를 공급한다.").is_empty());
    assert_eq!(
        topics("에이크미는 차세대 전지 기술 개발에 나섰다."),
        ["r-and-d"]
    );
    // Spaced "에너지 저장" is storing energy in general, not an ESS;
    // beside an ESS keyword it adds to the topic.
    assert!(
        topics("에이크미 연구팀은 에너지 저장 용량이 높은 에너지 저장 장치를 개발했다.").is_empty()
    );
    assert_eq!(
        topics("에이크미는 에너지 저장 사업을 위해 에너지저장장치(ESS) 공장을 짓는다."),
        ["energy-storage"]
    );
}

#[test]
fn a_plants_production_is_commercialization_only_of_a_technology() {
    let g = Gazetteer::new(&registries());
    let plant = [
        "Acme began mass production at its new cell plant in Ohio.",
        "A second production line will follow in spring.",
    ];
    let a = annotate(
        &doc(&plant),
        "Acme's Ohio plant starts mass production",
        None,
        &g,
    );
    assert!(
        !a.topics.contains(&"commercialization".to_string()),
        "{:?}",
        a.topics
    );
    // A cathode maker's plant: the chemistry it makes is no technology
    // leaving the laboratory.
    let a = annotate(
        &doc(&[
            plant[0],
            plant[1],
            "It makes high-nickel NCM cathode materials and LFP cathodes for electric vehicles.",
        ]),
        "Acme's Ohio plant starts mass production",
        None,
        &g,
    );
    assert!(
        !a.topics.contains(&"commercialization".to_string()),
        "{:?}",
        a.topics
    );
    // The same words about a technology leaving the laboratory.
    let a = annotate(
        &doc(&[
            plant[0],
            plant[1],
            "The cells are the first solid-state battery made at scale.",
        ]),
        "Acme's solid-state battery enters mass production",
        None,
        &g,
    );
    assert!(
        a.topics.contains(&"commercialization".to_string()),
        "{:?}",
        a.topics
    );
    // Or with the step named itself.
    let a = annotate(
        &doc(&[plant[0], "Its commercialization took ten years."]),
        "",
        None,
        &g,
    );
    assert!(
        a.topics.contains(&"commercialization".to_string()),
        "{:?}",
        a.topics
    );
}

#[test]
fn a_korean_policy_named_in_quotes_is_a_policy_topic() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["정부는 「배터리 화재 안전관리 대책」을 확정했다."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.topics, ["policy-regulation"]);
    let a = annotate(
        &doc(&["연구팀은 '전극을 얇게 만드는 방법'을 찾았다."]),
        "",
        None,
        &g,
    );
    assert!(a.topics.is_empty(), "{:?}", a.topics);
}

#[test]
fn a_language_is_not_a_country_mention() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "The text was translated from Korean.",
            "Acme met Korean firms.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(a.places, ["Korea"]);
    assert!(a.evidence[&EvidenceKey::place("korea")].contains("Korean firms"));
}

/// A country's name inside a currency ("US$", "Korean won") is not a
/// mention of that country; the same name before a noun still is.
#[test]
fn a_currency_is_not_a_country_mention() {
    let hit = |text: &str, name: &str| {
        let start = text.find(name).unwrap();
        Hit {
            start,
            end: start + name.len(),
            entity: 0,
            pattern: 0,
        }
    };
    for (text, name) in [
        ("It was given US$900,000 in funding.", "US"),
        ("Prices passed 450 Chinese yuan a tonne.", "Chinese"),
        ("The fund holds 5 billion Korean won.", "Korean"),
        ("Sales reached 3 million US dollars.", "US"),
    ] {
        assert!(names_currency(text, &hit(text, name)), "{text}");
    }
    for (text, name) in [
        ("Acme opened a US plant.", "US"),
        ("Acme met Korean firms.", "Korean"),
        ("Acme is based in the US.", "US"),
    ] {
        assert!(!names_currency(text, &hit(text, name)), "{text}");
    }
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Acme Energy won a grant of 5 billion Korean won in Seoul."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.places, ["Seoul"]);
}

/// A quoted "we" is the organization that speaks: event titles read as a
/// reader's headline about it, and the facts are about it.
#[test]
fn a_quoted_we_is_the_organization_that_speaks() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "Acme Energy held a forum in Seoul.",
            "Acme Energy CEO Jane Park said, “Our goal is clear. We will open a recycling plant in Ulsan in 2027.”",
            "“We completed the pilot line on March 3,” said Lee of Acme.",
        ]),
        "",
        Some("2025-01-10".parse().unwrap()),
        &g,
    );
    let titles: Vec<&str> = a.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Acme Energy to open a recycling plant in Ulsan",
            "Acme completed the pilot line"
        ]
    );
    for event in &a.events {
        let about = event.about.as_ref().expect("about");
        assert_eq!(about.organizations, ["acme-energy"], "{}", event.title);
    }
    // Nobody named: the words stay the speaker's, quoted (or after the
    // attribution that opens them), never the site's own headline.
    let a = annotate(
        &doc(&[
            "Someone said: “We will open a plant in 2027.”",
            "A guest spoke next. “The time is now. We will build cells in 2028.”",
        ]),
        "",
        Some("2025-01-10".parse().unwrap()),
        &g,
    );
    let titles: Vec<&str> = a.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Someone said: “We will open a plant.”",
            "“We will build cells”"
        ]
    );
    let about = a.events[0].about.as_ref().expect("about");
    assert!(about.organizations.is_empty(), "{about:?}");
}

/// One person speaking for themselves ("I will …") is never turned into
/// their organization's plan: the title stays their words, quoted.
#[test]
fn a_quoted_i_stays_the_speakers_words() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "Acme Energy CEO Jane Park said, “Our goal is clear. I will open a plant in Ulsan in 2027.”",
        ]),
        "",
        Some("2025-01-10".parse().unwrap()),
        &g,
    );
    let titles: Vec<&str> = a.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["“I will open a plant in Ulsan”"]);
    // An organization that opens its own quotation is named instead.
    let a = annotate(
        &doc(&["Acme Energy said, “We will open a plant in Ulsan in 2027.”"]),
        "",
        Some("2025-01-10".parse().unwrap()),
        &g,
    );
    assert_eq!(a.events[0].title, "Acme Energy to open a plant in Ulsan");
    // "US" is a country, not "us".
    let a = annotate(
        &doc(&["US exports will open a new market in 2027."]),
        "",
        Some("2025-01-10".parse().unwrap()),
        &g,
    );
    assert!(a.events[0].title.starts_with("US exports"), "{a:?}");
}

#[test]
fn a_ministry_named_through_its_minister() {
    let g = Gazetteer::new(&registries());
    for text in [
        "Trade, Industry and Energy Minister Moon visited the plant.",
        "Minister of Trade, Industry and Energy Ahn Duk-geun visited the plant.",
        "Min-ji Cho, Minister of Trade, Industry, and Energy, visited the plant.",
    ] {
        let a = annotate(&doc(&[text]), "", None, &g);
        assert_eq!(a.organizations, ["motie"], "{text}");
    }
    // A portfolio the registry lacks adds nothing: a title is too thin.
    let a = annotate(&doc(&["Finance Minister Hong spoke."]), "", None, &g);
    assert!(a.organizations.is_empty(), "{a:?}");
    assert!(a.generated_organizations.is_empty());
}

#[test]
fn names_introduced_as_organizations_by_their_context() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "Going further, Orla Brix Materials -- a joint venture between Acme and Brix Power -- bought a plant.",
            "It was built with PT Sel Baterai Nusantara and the Acme AP unit of the group.",
            "The Office of Cell Supply Chains (OCSC) funds it.",
            "Jin Park (Head of the Office of R&D Planning, NBRI) spoke.",
        ]),
        "",
        None,
        &g,
    );
    let generated = generated_names(&a);
    assert_eq!(
        generated,
        [
            "Orla Brix Materials",
            "Brix Power",
            "PT Sel Baterai Nusantara",
            "Acme AP",
            "Office of Cell Supply Chains"
        ]
    );
    assert!(a.organizations.contains(&"acme-energy".to_string()));
    // Common abbreviations after a company are not subsidiaries.
    let a = annotate(
        &doc(&["Acme CEO Kim said Acme EV sales grew."]),
        "",
        None,
        &g,
    );
    assert!(a.generated_organizations.is_empty(), "{a:?}");
    // A place's adjective before a generic code names no company.
    let a = annotate(
        &doc(&["It joins companies including Korean EV makers Orla Motors and Brix Cells."]),
        "",
        None,
        &g,
    );
    assert!(generated_names(&a).is_empty(), "{a:?}");
    // Shipyards and railways are named by their head word too; a party, a
    // maker of motors, a bank or a marine firm is as often a common phrase
    // ("Third Party", "West Bank", "Royal Marine").
    let a = annotate(
        &doc(&[
            "Nordhavn Shipyards built the ferry for Kestrel Valley Railways.",
            "Acme relies on a Third Party and sells Electric Motors.",
            "The Central Bank lent to a Power Bank maker run by a Royal Marine.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(
        generated_names(&a),
        ["Nordhavn Shipyards", "Kestrel Valley Railways"],
        "{a:?}"
    );
    // A possessive that is the name's own ("People's") runs the name on
    // when a name stands before it; a company's possessive ends it, and a
    // bare "People's Court" names no one court.
    let a = annotate(
        &doc(&[
            "The Wuxi Intermediate People's Court ruled that Brixby's Cell Institute erred.",
            "Tuesday's People's Court ruling favoured the maker.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(
        generated_names(&a),
        ["Wuxi Intermediate People's Court", "Cell Institute"],
        "{a:?}"
    );
}

#[test]
fn a_province_before_its_city_or_after_a_placed_town_is_a_place() {
    let g = Gazetteer::new(&registries());
    // The town need not be known: "in" places it, the province follows.
    let a = annotate(
        &doc(&["Acme will build a plant in Nowhere County, Chungbuk."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["acme-energy"]);
    let a = annotate(&doc(&["정부는 충북 서울에 거점을 만든다."]), "", None, &g);
    assert!(a.organizations.is_empty(), "{:?}", a.organizations);
    // Acting, it stays an organization.
    let a = annotate(&doc(&["Chungbuk and Acme signed a deal."]), "", None, &g);
    assert_eq!(a.organizations, ["north-chungcheong", "acme-energy"]);
}

#[test]
fn a_company_opening_a_programme_name_is_not_acting() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["The NBRI team was chosen for the Acme Future Battery Grant Program this year."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["nbri"]);
}

#[test]
fn a_speakers_term_of_art_names_a_topic() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&[
            "Acme opened a new plant on Monday.",
            "\"We are proud that battery recycling will happen right here in town,\" said its head.",
        ]),
        "",
        None,
        &g,
    );
    assert_eq!(a.topics, ["recycling"]);
    // A common word said once is not enough.
    let a = annotate(
        &doc(&[
            "Acme opened a new plant on Monday.",
            "\"We are proud that recycling will happen right here in town,\" said its head.",
        ]),
        "",
        None,
        &g,
    );
    assert!(a.topics.is_empty(), "{:?}", a.topics);
}

#[test]
fn a_figure_only_the_headline_states_is_kept_once() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Acme picked the county for a cell plant that will hire about 900 workers."]),
        "Acme picks county for $1.5B plant, 900 workers",
        None,
        &g,
    );
    let texts: Vec<&str> = a.figures.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["about 900 workers", "$1.5B"]);
}

#[test]
fn a_lone_letter_and_a_number_name_no_company() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Acme signed a deal with Vennor Motors. By maker, company L had 26 cases and company S 23 cases."]),
        "",
        None,
        &g,
    );
    assert_eq!(generated_names(&a), ["Vennor Motors"]);
}

#[test]
fn a_name_ends_before_a_dotted_legal_form_it_stopped_in_or_a_ticker() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Acme signed a deal with Vennor Motors S.A. to supply cells. Its rival, Kestrel Power Inc KPW, said output rose."]),
        "",
        None,
        &g,
    );
    assert_eq!(generated_names(&a), ["Vennor Motors", "Kestrel Power Inc"]);
    // A wire's ticker glued to its exchange ("VNRM.MI") ends the name.
    let a = annotate(
        &doc(&["Acme supplies cells to carmakers including Vennor Motors VNRM.MI and Kestrel Power KPW.DE, it said."]),
        "",
        None,
        &g,
    );
    assert_eq!(generated_names(&a), ["Vennor Motors"]);
}

#[test]
fn a_figure_cut_in_half_where_the_text_stops_is_dropped() {
    let g = Gazetteer::new(&registries());
    let texts = |last: &str| {
        let a = annotate(
            &doc(&["Acme will spend KRW 8.9 tln on a plant.", last]),
            "",
            None,
            &g,
        );
        a.figures.iter().map(|f| f.text.clone()).collect::<Vec<_>>()
    };
    assert_eq!(texts("Another KRW 900 bill"), ["KRW 8.9 tln"]);
    // Whole figures at the end of the text stay, cut or not.
    assert_eq!(
        texts("Another KRW 900 billion"),
        ["KRW 8.9 tln", "KRW 900 billion"]
    );
    assert_eq!(
        texts("Another KRW 900 bill was paid."),
        ["KRW 8.9 tln", "KRW 900"]
    );
    // A whole word of the sentence after the figure cuts nothing of it.
    assert_eq!(
        texts("The market grows to KRW 900 billion in"),
        ["KRW 8.9 tln", "KRW 900 billion"]
    );
    // The text stops inside a bracket: the conversion lost its magnitude.
    assert_eq!(
        texts("It spends KRW 970 billion ($67"),
        ["KRW 8.9 tln", "KRW 970 billion"]
    );
    assert_eq!(
        texts("It spends KRW 970 billion ($67 million)"),
        ["KRW 8.9 tln", "KRW 970 billion", "$67 million"]
    );
}

#[test]
fn a_provinces_own_ministry_is_not_the_national_one() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["The Chungbuk Ministry of Industry approved the plant."]),
        "",
        None,
        &g,
    );
    assert!(
        !a.organizations.contains(&"motie".to_string()),
        "{:?}",
        a.organizations
    );
    let a = annotate(
        &doc(&["In Seoul, the Ministry of Industry approved the plant."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["motie"]);
}

#[test]
fn a_korean_wire_dateline_or_byline_credits_the_outlet() {
    let g = Gazetteer::new(&registries());
    for text in [
        "(서울=에이크미) 김하늘 기자 = 서울대가 새 전해질을 개발했다.",
        "[에이크미 김하늘 기자] 서울대가 새 전해질을 개발했다.",
        "Copyright ⓒ 에이크미. 서울대가 새 전해질을 개발했다.",
    ] {
        let a = annotate(&doc(&[text]), "", None, &g);
        assert!(a.organizations.is_empty(), "{text}: {:?}", a.organizations);
    }
    let a = annotate(&doc(&["에이크미는 서울에 공장을 짓는다."]), "", None, &g);
    assert_eq!(a.organizations, ["acme-energy"]);
}

#[test]
fn a_legal_form_after_a_comma_names_no_organization() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["It signed an offtake agreement with Acme Energy, Inc., a firm headed by investor Dana Roe."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.organizations, ["acme-energy"], "{a:?}");
    let people: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, ["Dana Roe"]);
}

#[test]
fn a_head_word_before_a_noun_of_a_site_names_a_place() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["The station opened in the Lumen East Service Area on Monday."]),
        "",
        None,
        &g,
    );
    assert!(a.generated_organizations.is_empty(), "{a:?}");
    let a = annotate(
        &doc(&["The Lumen Grid Service said on Monday it will expand."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.generated_organizations.len(), 1, "{a:?}");
}

#[test]
fn the_members_a_coalition_lists() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Members include Orla Anode Works, Brix Graphite LLC and Kestrel Carbon."]),
        "",
        None,
        &g,
    );
    assert_eq!(a.generated_organizations.len(), 3, "{a:?}");
}

#[test]
fn a_time_set_off_before_an_appositive_is_no_organization() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["Last Wednesday, the ruling coalition of the SPD, Greens and FDP reached an agreement following the Federal Constitutional Court's ruling."]),
        "",
        None,
        &g,
    );
    let names = generated_names(&a);
    assert!(!names.iter().any(|n| n.contains("Wednesday")), "{names:?}");
    assert!(names.contains(&"Federal Constitutional Court"), "{names:?}");
}

#[test]
fn a_name_the_text_stops_inside_names_nobody() {
    let g = Gazetteer::new(&registries());
    let slugs = |last: &str| {
        annotate(
            &doc(&["Output rose in the first quarter.", last]),
            "",
            None,
            &g,
        )
        .organizations
    };
    // "NBRI Lab" or "NBRI Labs"? The cut word may go on the name.
    assert!(slugs("During the call, NBRI La").is_empty());
    // A whole name at the end, or a full stop after the word, stays.
    assert_eq!(slugs("During the call, NBRI"), ["nbri"]);
    assert_eq!(slugs("The call was led by NBRI Director."), ["nbri"]);
    assert_eq!(slugs("The deal was signed at NBRI Tuesday"), ["nbri"]);
}

#[test]
fn a_company_between_its_officers_name_and_title_is_generated_under_its_romanization() {
    let g = Gazetteer::new(&registries());
    let a = annotate(
        &doc(&["협약식에는 김진호 나래E&S 회장, 박민수 태온 대표이사, 이한결 신임 대표, 정다온 미주 대표가 참석했다."]),
        "",
        None,
        &g,
    );
    assert_eq!(generated_names(&a), ["나래E&S", "태온"]);
    // A name with Hangul keeps its Latin letters in the slug.
    assert_eq!(a.organizations, ["naraee-s", "taeon"]);
    // A title with its particle is no company ("이 회장이 대표이사에서").
    let a = annotate(
        &doc(&["국내 업체의 이동채 회장이 대표이사에서 물러난다."]),
        "",
        None,
        &g,
    );
    assert!(generated_names(&a).is_empty());
}

#[test]
fn no_company_from_a_qualifier_a_title_or_units_between_a_name_and_a_title() {
    let g = Gazetteer::new(&registries());
    let generated = |text: &str| {
        let a = annotate(&doc(&[text]), "", None, &g);
        generated_names(&a)
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    // Qualifiers of the title.
    for qualifier in ["명예", "차기", "전임", "상근", "수석", "각자"] {
        assert!(
            generated(&format!("김민수 {qualifier} 회장이 참석했다.")).is_empty(),
            "{qualifier}"
        );
    }
    // A title, a unit, or units and lines of business glued together.
    for word in [
        "부사장",
        "그룹",
        "법무법인",
        "경영지원",
        "전략기획",
        "배터리소재",
    ] {
        assert!(
            generated(&format!("박준서 {word} 대표가 발언했다.")).is_empty(),
            "{word}"
        );
    }
    // Two titles ("부사장 CFO", "전무 CTO"): the first is no company.
    assert!(generated("임태희 부사장 CFO는 실적을 설명했다.").is_empty());
    assert!(generated("강민재 전무 CTO가 발표했다.").is_empty());
    assert!(generated("조은비 교수 CTO가 발표했다.").is_empty());
    // A brand may join a common word and a unit's ("에너지플랫폼").
    assert_eq!(
        generated("김진호 에너지플랫폼 대표가 발언했다."),
        ["에너지플랫폼"]
    );
    // The first word must be a Korean name, the brand no name, no long
    // title and not all Latin letters.
    assert!(generated("이날 참석한 가온텍 대표가 발언했다.").is_empty());
    assert!(generated("김진호 박민수 대표가 발언했다.").is_empty());
    assert!(generated("김진호 선임연구위원 대표가 발언했다.").is_empty());
    assert!(generated("김진호 가온책임연구원 대표가 발언했다.").is_empty());
    assert!(generated("김진호 Acmex 대표가 발언했다.").is_empty());
    // A bullet before the name is no part of it.
    assert_eq!(
        generated("▲박다온 태성 대표이사, ▲이한결 다온텍 대표"),
        ["태성", "다온텍"]
    );
}
