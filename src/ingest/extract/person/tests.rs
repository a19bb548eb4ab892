use super::*;
use crate::ingest::document::{Block, Document};
use crate::ingest::extract::{annotate, Annotations};
use crate::ingest::gazetteer::tests::registries;

fn run(text: &str) -> Annotations {
    let doc = Document {
        blocks: vec![Block::Paragraph(text.to_string())],
    };
    annotate(&doc, "", None, &Gazetteer::new(&registries()))
}

fn triples(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    run(text)
        .people
        .into_iter()
        .map(|p| (p.name, p.role, p.organization))
        .collect()
}

/// The names of the people found in `text`.
fn names(text: &str) -> Vec<String> {
    run(text).people.into_iter().map(|p| p.name).collect()
}

fn t(
    name: &str,
    role: Option<&str>,
    org: Option<&str>,
) -> (String, Option<String>, Option<String>) {
    (name.into(), role.map(Into::into), org.map(Into::into))
}

#[test]
fn appositive_roles_and_organizations() {
    assert_eq!(
        triples("Remarks by Min-ji Cho, Vice President of NBRI, opened the day."),
        [t("Min-ji Cho", Some("Vice President"), Some("nbri"))]
    );
    assert_eq!(
        triples("Talk by Park Jiwoo, adjunct professor at GIST, followed."),
        [t("Park Jiwoo", Some("adjunct professor"), Some("gist"))]
    );
    assert_eq!(
        triples("Chaired by Hae Won Lim (Head of the Planning Office, NBRI), the panel met."),
        [t(
            "Hae Won Lim",
            Some("Head of the Planning Office"),
            Some("nbri")
        )]
    );
    // A caption's or a quote credit's dash sets the role off as a comma.
    assert_eq!(
        triples("Dana Orlov – Minister for Energy Transition"),
        [t(
            "Dana Orlov",
            Some("Minister for Energy Transition"),
            None
        )]
    );
    assert_eq!(
        triples("Min-ji Cho — Vice President of NBRI"),
        [t("Min-ji Cho", Some("Vice President"), Some("nbri"))]
    );
    // A dash before no role names nobody.
    assert!(triples("Dana Orlov – the battery plant").is_empty());
}

#[test]
fn titled_people_listed_together_keep_their_own_titles() {
    let text = "Present were Prime Minister Dana Orlov, Minister of Energy Transition \
                Min-ji Cho, President of the Daegu region Hae Won Lim and Park Jiwoo, \
                Vice President of NBRI.";
    assert_eq!(
        triples(text),
        [
            t("Dana Orlov", Some("Prime Minister"), None),
            t("Min-ji Cho", Some("Minister of Energy Transition"), None),
            t("Hae Won Lim", Some("President of the Daegu region"), None),
            t("Park Jiwoo", Some("Vice President"), Some("nbri")),
        ]
    );
    // A name after "of" is an organization's, and the appositive stands.
    assert_eq!(
        triples("Dana Orlov, CEO of Hana Cell, spoke."),
        [t("Dana Orlov", Some("CEO of Hana Cell"), None)]
    );
}

#[test]
fn a_plural_title_is_each_joined_names() {
    assert_eq!(
        triples("It was attended by Congressmen Gang Gil-bu and Lee Chae-ik."),
        [
            t("Gang Gil-bu", Some("Congressmen"), None),
            t("Lee Chae-ik", Some("Congressmen"), None),
        ]
    );
    // A list of three shares the plural title before it.
    assert_eq!(
        triples("It was led by graduate students Ann Lee, Ben Cho, and Dan Roe."),
        [
            t("Ann Lee", Some("students"), None),
            t("Ben Cho", Some("students"), None),
            t("Dan Roe", Some("students"), None),
        ]
    );
    // A singular title is the first name's alone.
    assert_eq!(
        triples("It was attended by Congressman Gang Gil-bu and Lee Chae-ik."),
        [t("Gang Gil-bu", Some("Congressman"), None)]
    );
    // A plural honorific ("Profs.") is each name's form of address.
    assert_eq!(
        triples("The prize went to Profs. Mara Holt and Ivo Lind."),
        [t("Mara Holt", None, None), t("Ivo Lind", None, None)]
    );
}

#[test]
fn an_appositive_ends_at_its_clause_and_may_open_with_a_country() {
    assert_eq!(
        triples("Dana Orlov, the Secretary of Energy, announced the grants."),
        [t("Dana Orlov", Some("the Secretary of Energy"), None)]
    );
    assert_eq!(
        triples("Dana Orlov, U.S. Secretary of Energy, announced the grants."),
        [t("Dana Orlov", Some("U.S. Secretary of Energy"), None)]
    );
    assert_eq!(
        triples("\"It will open,\" said Dana Orlov, a company spokesperson."),
        [t("Dana Orlov", Some("a company spokesperson"), None)]
    );
    // A portfolio's commas are followed by capitals.
    assert_eq!(
        triples("Remarks by Min-ji Cho, Minister of Trade, Industry and Energy, opened the day."),
        [t(
            "Min-ji Cho",
            Some("Minister of Trade, Industry and Energy"),
            None
        )]
    );
}

#[test]
fn a_speaker_described_by_a_clause_or_owned_by_an_organization() {
    assert_eq!(
        triples("Dana Orlov, who leads the cell unit at NBRI, said it would open."),
        [t("Dana Orlov", None, Some("nbri"))]
    );
    assert_eq!(
        triples("In an interview, NBRI's Dana Orlov said it would open."),
        [t("Dana Orlov", None, Some("nbri"))]
    );
}

#[test]
fn an_age_between_commas_or_a_role_set_off_before_the_name() {
    assert_eq!(
        triples("Dana Orlov, 45, chief executive of NBRI, said it would open."),
        [t("Dana Orlov", Some("chief executive"), Some("nbri"))]
    );
    assert_eq!(
        triples("NBRI's chief executive, Dana Orlov, said it would open."),
        [t("Dana Orlov", Some("chief executive"), Some("nbri"))]
    );
    // A role and what it heads, in lowercase words.
    assert_eq!(
        triples("The head of government, Dana Orlov, chaired the signing."),
        [t("Dana Orlov", Some("head of government"), None)]
    );
    // A list of people after a role is no role set off.
    assert_eq!(
        triples("It met a director, Dana Orlov and Lee Min-ho."),
        Vec::<(String, Option<String>, Option<String>)>::new()
    );
}

#[test]
fn a_spokesperson_for_the_company_is_a_person_not_a_company() {
    let found = run("Dana Orlov, a spokesperson for the company, said it would open.");
    assert_eq!(found.people.len(), 1);
    assert_eq!(found.people[0].name, "Dana Orlov");
    assert!(found.generated_organizations.is_empty());
    assert!(found.organizations.is_empty());
}

#[test]
fn an_honorific_of_office_is_no_part_of_the_name() {
    let names: Vec<String> =
        run("Today, the Honourable Dana Orlov, Minister of Industry, announced the grant.")
            .people
            .into_iter()
            .map(|p| p.name)
            .collect();
    assert_eq!(names, ["Dana Orlov"]);
}

#[test]
fn titles_before_names() {
    assert_eq!(
        triples("NBRI President Choi Min-ho said it would help."),
        [t("Choi Min-ho", Some("President"), Some("nbri"))]
    );
    assert_eq!(
        triples("Professor Alan Grey of Seoul National University spoke."),
        [t(
            "Alan Grey",
            Some("Professor"),
            Some("seoul-national-university")
        )]
    );
    assert_eq!(
        triples("Trade, Industry and Energy Minister Jae Yoon attended."),
        [t("Jae Yoon", Some("Minister"), Some("motie"))]
    );
    // A candidate for an office is named by that title too.
    assert_eq!(
        triples("Mayoral candidate Ivo Lind toured the plant."),
        [t("Ivo Lind", Some("candidate"), None)]
    );
}

#[test]
fn a_local_officials_title_is_not_part_of_the_name() {
    let names: Vec<String> =
        run("Warren County Judge-Executive Doug Gorman said the road would be widened.")
            .people
            .into_iter()
            .map(|p| p.name)
            .collect();
    assert_eq!(names, ["Doug Gorman"]);
}

#[test]
fn short_forms_join_the_full_name() {
    let people =
        run("Minister Hana Seo visited NBRI. Minister Seo said it was good. Dr. Hana Seo left.")
            .people;
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].name, "Hana Seo");
}

#[test]
fn organizations_emails_and_plain_capitals_are_not_people() {
    assert!(triples("Acme Energy said sales rose. Contact lee@acme.kr today.").is_empty());
    assert!(triples("Seoul National University and Blue Horizon joined.").is_empty());
    assert!(triples("By Jane Porter").is_empty());
}

#[test]
fn a_title_with_its_portfolio_and_a_job_noun() {
    let people = triples(
        "Minister of Trade, Industry and Energy Kim Jung-kwan announced the plan on Monday.",
    );
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].0, "Kim Jung-kwan");
    assert_eq!(
        people[0].1.as_deref(),
        Some("Minister of Trade, Industry and Energy")
    );
    let people = triples("\"It works,\" said Acme chemist Priya Raman, the lead author.");
    assert_eq!(people[0].0, "Priya Raman");
    // The title's short form in brackets before the name.
    let people = triples("\"It is a step,\" said the Minister of Industry (Menperin) Dana Orlov Wiryo in a statement.");
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].0, "Dana Orlov Wiryo");
    assert_eq!(people[0].1.as_deref(), Some("Minister of Industry"));
}

#[test]
fn names_opening_with_initials() {
    assert_eq!(
        names("It was founded by former Acme CTO JB Straubel in 2017."),
        ["JB Straubel"]
    );
    assert_eq!(
        names("Founder J.B. Straubel said demand was rising."),
        ["J.B. Straubel"]
    );
    assert_eq!(
        names("CEO Robin Zeng said the cells were ready."),
        ["Robin Zeng"]
    );
    assert_eq!(
        names("The study was led by Dr. K. Amine at the lab."),
        ["K. Amine"]
    );
    assert_eq!(
        names("Mr. S.K. Lee, director of NBRI, spoke."),
        ["S.K. Lee"]
    );
    assert_eq!(
        names("A.B. Carter said the line would open."),
        ["A.B. Carter"]
    );
}

#[test]
fn acronyms_before_capitals_are_not_initials() {
    for text in [
        "LG Chem said sales rose.",
        "SK On said it would expand.",
        "The CEO said EV demand fell.",
        "KRW Bonds said nothing.",
        "LG Display said output rose.",
        "EV Makers said prices fell.",
        "The U.S. Navy said it.",
        "The EU said SK Innovation CEO pay rose.",
        "Output reached 40 GWh Monday.",
    ] {
        assert!(
            run(text).people.is_empty(),
            "{text}: {:?}",
            run(text).people
        );
    }
}

#[test]
fn organization_past_a_department_or_a_team() {
    assert_eq!(
        triples(
            "A team led by Professor Park Soojin of the Department of Chemistry at GIST built it."
        )[0]
        .2,
        Some("gist".to_string())
    );
    assert_eq!(
        triples("Professor Park Soojin's team at GIST built it.")[0].2,
        Some("gist".to_string())
    );
    // A lowercase word in between ends the search.
    assert_eq!(
        triples("Professor Park Soojin said the work at GIST is done.")[0].2,
        None
    );
}

#[test]
fn korean_names_before_titles_with_the_organization_between() {
    assert_eq!(
        triples(
            "이날 한가람 산업부 장관은 에이크미 공장에서 남궁하늘 에이크미 대표와 \
             서도윤 미래소재연구원 책임연구원, 에이크미 윤슬기 전무를 만났다."
        ),
        [
            t("한가람", Some("산업부 장관"), Some("motie")),
            t("남궁하늘", Some("에이크미 대표"), Some("acme-energy")),
            t("서도윤", Some("미래소재연구원 책임연구원"), None),
            t("윤슬기", Some("전무"), Some("acme-energy")),
        ]
    );
    // The body named before, by its kind alone.
    assert_eq!(
        triples("한가람 공단 이사장은 협력하기로 했다고 말했다."),
        [t("한가람", Some("공단 이사장"), None)]
    );
}

#[test]
fn korean_students_adjunct_faculty_and_association_heads_are_titled() {
    assert_eq!(
        triples("왼쪽부터 한가람 박사과정, 남궁하늘 겸임교수가 실험실에 섰다."),
        [
            t("한가람", Some("박사과정"), None),
            t("남궁하늘", Some("겸임교수"), None),
        ]
    );
    assert_eq!(
        triples("에이크미(협회장 서도윤)는 환영한다고 밝혔다."),
        [t("서도윤", Some("협회장"), Some("acme-energy"))]
    );
}

#[test]
fn a_korean_title_past_an_age_a_modifier_or_an_unknown_brand() {
    assert_eq!(
        triples(
            "한가람 전 산업부 장관과 남궁하늘(58) 가온하이텍 대표, 서도윤 \
             신임 대표, 윤슬기 SK온 전무가 만났다."
        ),
        [
            t("한가람", Some("전 산업부 장관"), Some("motie")),
            t("남궁하늘", Some("가온하이텍 대표"), None),
            t("서도윤", Some("신임 대표"), None),
            t("윤슬기", Some("SK온 전무"), None),
        ]
    );
    // A common word before the title is no brand: "업계 대표" is the
    // industry's representative, and 한가람 no name here.
    assert!(triples("한가람 업계 대표가 왔다.").is_empty());
    // A title as the sentence's predicate, with the copula.
    assert_eq!(
        triples("올해 승진자는 센터장을 맡은 윤슬기 전무다."),
        [t("윤슬기", Some("전무"), None)]
    );
    // A nationality before a name is no name.
    assert_eq!(
        triples("에이크미는 한국인 윤슬기 대표가 세운 회사다."),
        [t("윤슬기", Some("대표"), None)]
    );
}

#[test]
fn a_korean_title_glued_to_an_office_with_digits_or_abroad() {
    assert_eq!(
        triples("한가람 에이크미 2차전지사업총괄과 윤슬기 주캐나다 한국대사, 서도윤 에이크미칠레 법인장이 참석했다."),
        [
            t("한가람", Some("에이크미 2차전지사업총괄"), Some("acme-energy")),
            t("윤슬기", Some("주캐나다 한국대사"), None),
            t("서도윤", Some("에이크미칠레 법인장"), Some("acme-energy")),
        ]
    );
    // A market is no title, digits or not.
    assert!(triples("한가람 2차전지시장 전망이 밝다.").is_empty());
}

#[test]
fn foreign_names_in_hangul_only_in_a_photos_line_up() {
    assert_eq!(
        triples("공장 준공식에서 왼쪽부터 마르코 벨라스코 칠레 광업부 장관, 한가람 에이크미 대표, 후안 사디라 안토파가 주지사."),
        [
            t("한가람", Some("에이크미 대표"), Some("acme-energy")),
            t("마르코 벨라스코", Some("칠레 광업부 장관"), None),
            t("후안 사디라", Some("안토파가 주지사"), None),
        ]
    );
    // Without a line-up, two Hangul words before a title are no name.
    assert!(triples("마르코 벨라스코 칠레 광업부 장관이 왔다.").is_empty());
    // A country right before the title says whose office it is.
    assert_eq!(
        triples("마르코 벨라스코 칠레 대통령이 서명한 법안"),
        [t("마르코 벨라스코", Some("칠레 대통령"), None)]
    );
    assert_eq!(
        triples("한가람 에이크미 대표와 마르코 벨라스코 칠레 대통령이 만났다.")[1].0,
        "마르코 벨라스코"
    );
    // A state's office too.
    assert_eq!(
        triples("마르코 벨라스코 충북 주지사가 왔다.")[0].0,
        "마르코 벨라스코"
    );
    // A city's own office, its mayor, but no national office of a city.
    assert_eq!(
        triples("마르코 벨라스코 서울 시장이 왔다."),
        [t("마르코 벨라스코", Some("서울 시장"), None)]
    );
    assert!(triples("마르코 벨라스코 서울 대통령이 왔다.").is_empty());
    // Clause openers, a verb's adnominal form and a company's head are
    // no foreign name.
    for text in [
        "그러나 당시 칠레 대통령은 서명을 거부했다.",
        "신임 주한 칠레 대사가 부임했다.",
        "한편 방한한 칠레 대통령은 공장을 찾았다.",
        "리튬 아메리카스 칠레 대표가 왔다.",
    ] {
        assert!(triples(text).is_empty(), "{text}");
    }
    // Inside a running phrase two words are no name.
    assert!(triples("배터리 소재 칠레 대표가 왔다.").is_empty());
    assert!(triples("그는 지난달 취임한 칠레 대통령을 만났다.").is_empty());
    // A listed given name first is a name inside a phrase too.
    assert_eq!(
        triples("업계에 따르면 마르코 벨라스코 칠레 대통령은 서명했다.")[0].0,
        "마르코 벨라스코"
    );
    // An item that ends in no title names nobody; a body, a group or a
    // plural title is no foreign name.
    assert!(triples("왼쪽부터 공장 전경 사진, 생산 라인 모습.").is_empty());
    assert_eq!(
        triples("왼쪽부터 한가람 에이크미 대표, 미래배터리 산업협회 회장, 관계 부처 장관, 소재 기업 대표들."),
        [t("한가람", Some("에이크미 대표"), Some("acme-energy"))]
    );
}

#[test]
fn a_foreign_name_in_hangul_before_a_title_where_a_name_may_start() {
    // After the body whose head it is, the title right after.
    assert_eq!(
        triples("에이크미 카를로스 벨라스코 CEO가 참석했다."),
        [t("카를로스 벨라스코", Some("CEO"), Some("acme-energy"))]
    );
    // After 과, past the body to its title; at the sentence's start.
    assert_eq!(
        triples("한가람 에이크미 대표와 짐 로빈슨 에이크미 CEO가 만났다."),
        [
            t("한가람", Some("에이크미 대표"), Some("acme-energy")),
            t("짐 로빈슨", Some("에이크미 CEO"), Some("acme-energy")),
        ]
    );
    assert_eq!(
        triples("앤서니 로빈슨 총리가 공장을 찾았다."),
        [t("앤서니 로빈슨", Some("총리"), None)]
    );
    // An English given name of one syllable; after the country.
    assert_eq!(
        triples("앞서 칠레 조 로빈슨 대통령은 공장을 찾았다."),
        [t("조 로빈슨", Some("대통령"), None)]
    );
    // Inside a running phrase, words of a body's name, words with a
    // particle, a Korean name's shape and a clause opener are no name.
    for text in [
        "지난달 신규 라인 대표가 바뀌었다.",
        "배터리 소재 대표가 왔다.",
        "그린 에너지 대표가 왔다.",
        "미래 산업협회 회장이 왔다.",
        "위원회의 중요성을 대표가 말했다.",
        "박가온 에스케이(SK)에코플랜트 대표가 왔다.",
        "이하 상무급 마스터",
        "친환경 스마트 대표가 왔다.",
        "가온배터리 산업협회 회장이 왔다.",
        "현지 법인 대표와 만났다.",
        "에이크미 미주 법인 CEO는 말했다.",
        "에이크미 그래비티 프로젝트 리더는 말했다.",
        "행사에는 김솔 협회 부회장(에이크미 부사장)이 왔다.",
        "행사에는 강빛 재단 이사장, 오름 학회 회장이 왔다.",
    ] {
        assert!(
            triples(text).iter().all(|p| !p.0.contains(' ')),
            "{text}: {:?}",
            triples(text)
        );
    }
}

#[test]
fn a_foreign_name_in_hangul_past_glued_units_or_after_a_genitive() {
    // Unit words glued ("유럽법인") between the body and the title.
    assert_eq!(
        triples("크리스토퍼 벨라스코 에이크미 유럽법인 대표는 말했다."),
        [t(
            "크리스토퍼 벨라스코",
            Some("에이크미 유럽법인 대표"),
            Some("acme-energy")
        )]
    );
    // After the body's genitive, a listed given name opens a name.
    assert_eq!(
        triples("캐나다 광업회사 에이크미의 크레이그 벨라스코 대표 등이 참석했다."),
        [t("크레이그 벨라스코", Some("대표"), Some("acme-energy"))]
    );
    assert_eq!(
        triples("캐나다 광업회사 넥스트가온의 크레이그 벨라스코 대표 등이 참석했다."),
        [t("크레이그 벨라스코", Some("대표"), None)]
    );
    // Not an unlisted word after a genitive, nor a glued word of a brand.
    for text in [
        "에이크미의 그래비티 프로젝트 대표가 말했다.",
        // A noun ending in 의 is no body's genitive; a common word that is
        // also a name ("코너", "마이크") is not listed.
        "이번 회의 크레이그 벨라스코 대표가 말했다.",
        "가온의 코너 스토어 대표는 매장을 열었다.",
        "에이크미의 마이크 생산라인 책임자는 말했다.",
        "음향 책임자 마이크 테스트를 마쳤다.",
        "안전 책임자 레이 주는 상황을 점검했다.",
        "크리스토퍼 벨라스코 에이크미 가온법인 대표는 말했다.",
    ] {
        assert!(
            triples(text).iter().all(|p| !p.0.contains(' ')),
            "{text}: {:?}",
            triples(text)
        );
    }
}

#[test]
fn a_foreign_name_in_hangul_after_its_title() {
    // The title, its acronym in brackets, the body's genitive before it.
    assert_eq!(
        triples("에이크미의 전 최고경영자(CEO) 에릭 로빈슨이 설립한 회사다."),
        [t(
            "에릭 로빈슨",
            Some("최고경영자(CEO)"),
            Some("acme-energy")
        )]
    );
    assert_eq!(
        triples("에이크미 CEO 짐 벨라스코는 말했다."),
        [t("짐 벨라스코", Some("CEO"), Some("acme-energy"))]
    );
    // A listed family name of one syllable closes the name.
    assert_eq!(
        triples("에이크미 유럽 지역 책임자 제이슨 첸은 말했다."),
        [t("제이슨 첸", Some("책임자"), None)]
    );
    assert!(triples("에이크미 CEO 제이슨 등은 말했다.").is_empty());
    // An unlisted first word, no title before, or a word running on
    // without a particle is no name.
    for text in [
        "에이크미 CEO 그래비티 프로젝트를 맡았다.",
        "에이크미 회장 가온 로빈슨은 말했다.",
        "최근 에릭 로빈슨은 말했다.",
        "에이크미 대표 짐 벨라스코 사업을 맡았다.",
        // A common word, a body or a place after the given name.
        "에이크미 CEO 에릭 전기차를 몰았다.",
        "에이크미 CEO 에릭 가온연구소와 만났다.",
        "에이크미 CEO 에릭 미래배터리연구소를 찾았다.",
    ] {
        assert!(triples(text).is_empty(), "{text}: {:?}", triples(text));
    }
}

#[test]
fn a_foreign_name_in_hangul_with_its_latin_spelling_and_a_unit_before_a_title() {
    assert_eq!(
        triples("주한칠레대사관 마르코 벨라스코(Marco Velasco) 상무참사관과 한가람 에이크미 품질안전담당 총괄이 참석했다."),
        [
            t("한가람", Some("에이크미 품질안전담당 총괄"), Some("acme-energy")),
            t("마르코 벨라스코", Some("상무참사관"), None),
        ]
    );
    // Without a title after the brackets, a spelling is no person; nor
    // is a company spelt both ways.
    assert!(triples("마르코 벨라스코(Marco Velasco) 공장이 섰다.").is_empty());
    // The title may stand right before the name.
    assert_eq!(
        triples("애널리스트 조지 헤펠(George Heppel)은 가격이 오른다고 했다."),
        [t("조지 헤펠", Some("애널리스트"), None)]
    );
    assert!(triples("에이크미 에너지(Acme Energy) 대표는 계획을 밝혔다.").is_empty());
    // The spelling vouches for a family name of one syllable, not for a
    // determiner.
    assert!(triples("새 법인(Kestrel Materials) 대표는 말했다.").is_empty());
    assert_eq!(
        triples("데이비드 갈(David Gall) 에이크미 최고경영자는 말했다."),
        [t(
            "데이비드 갈",
            Some("에이크미 최고경영자"),
            Some("acme-energy")
        )]
    );
}

#[test]
fn korean_names_joined_by_a_middle_dot_share_the_title_after_them() {
    assert_eq!(
        triples("미래대학교 한가람·윤슬기 교수 공동연구팀은 소재를 개발했다."),
        [
            t("한가람", Some("교수"), None),
            t("윤슬기", Some("교수"), None),
        ]
    );
    // A list of bodies before a name is no list of names; a name joined
    // to a word that is no name shares no title with it.
    assert_eq!(
        triples("에이크미·가온 남궁하늘 대표가 말했다."),
        [t("남궁하늘", Some("대표"), None)]
    );
    assert!(triples("한가람·이사회 대표가 말했다.").is_empty());
}

#[test]
fn a_korean_title_past_a_legal_form_an_acronym_a_department_or_with_its_team() {
    assert_eq!(
        triples(
            "남궁하늘 ㈜에이크미 회장과 한가람 미래소재연구원(MSRI) 신소재공학과 \
             교수 연구팀, 윤슬기 박사팀이 만났다."
        ),
        [
            t("남궁하늘", Some("㈜에이크미 회장"), Some("acme-energy")),
            t(
                "한가람",
                Some("미래소재연구원(MSRI) 신소재공학과 교수"),
                None
            ),
            t("윤슬기", Some("박사"), None),
        ]
    );
    // A market is no mayor's office: "금액이" is no name before it.
    assert!(triples("판매 금액이 유가증권시장 공시 기준에 해당한다.").is_empty());
}

#[test]
fn a_korean_head_named_in_brackets_after_the_body() {
    assert_eq!(
        triples("산업부(장관 한가람)는 15일 착수식을 열었다."),
        [t("한가람", Some("장관"), Some("motie"))]
    );
    assert!(triples("산업부(장관 직무대행)는 15일 착수식을 열었다.").is_empty());
    // A head before the body's short name, and two heads.
    assert_eq!(
        triples("산업부(장관 한가람, 이하 MOTIE)는 밝혔다."),
        [t("한가람", Some("장관"), Some("motie"))]
    );
    assert_eq!(
        triples("산업부(장관 한가람, 차관 이누리)는 밝혔다."),
        [
            t("한가람", Some("장관"), Some("motie")),
            t("이누리", Some("차관"), Some("motie"))
        ]
    );
    // The body's other names before the head, and a title of two words.
    assert_eq!(
        triples("산업부(산업통상자원부·장관 한가람)는 밝혔다."),
        [t("한가람", Some("장관"), Some("motie"))]
    );
    assert_eq!(
        triples("산업부(MOTIE, 장관 직무대행 한가람)는 밝혔다."),
        [t("한가람", Some("장관 직무대행"), Some("motie"))]
    );
    // A slash between the head and the short name.
    assert_eq!(
        triples("산업부(장관 직무대행 한가람/이하 MOTIE)는 밝혔다."),
        [t("한가람", Some("장관 직무대행"), Some("motie"))]
    );
    // A body the registry does not know: the head, without an organization.
    assert_eq!(
        triples("도의회 배터리 특별위원회(위원장 한가람)는 4일 회의를 열었다."),
        [t("한가람", Some("위원장"), None)]
    );
    // A name of a company ending in digits or Latin letters, but a
    // model's code before a phrase ("대표 모델") heads nothing.
    assert_eq!(
        triples("가온11(대표이사 한가람)과 협약을 맺었다."),
        [t("한가람", Some("대표이사"), None)]
    );
    assert!(triples("가온모터스는 EV9(대표 모델 한정판)을 내놓았다.").is_empty());
    // A bracket set off from its word, or holding no title, names no one.
    assert!(triples("특별위원회 (위원장 한가람)는 4일 회의를 열었다.").is_empty());
    assert!(triples("특별위원회(한가람)는 4일 회의를 열었다.").is_empty());
}

#[test]
fn an_officer_title_with_its_acronym_and_no_title_as_a_name() {
    assert_eq!(
        triples("협약식에 한가람 에이크미 최고생산책임자(CPO)와 연구소장이 참석했다."),
        [t(
            "한가람",
            Some("에이크미 최고생산책임자"),
            Some("acme-energy")
        )]
    );
    // "원장과 김하나 단장": a title with its particle names no one.
    let names: Vec<String> = triples("이누리 원장과 김하나 단장 등이 참석했다.")
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert!(!names.contains(&"원장과".to_string()), "{names:?}");
}

#[test]
fn a_province_or_city_office_between_name_and_title_and_no_verb_as_name() {
    assert_eq!(
        triples("한가람 도 경제부지사는 “최선을 다하겠다”고 말했다."),
        [t("한가람", Some("도 경제부지사"), None)]
    );
    assert!(triples("위원회의 중요성을 고려해 위원장을 격상했다.").is_empty());
    assert_eq!(
        triples("김소해 연구원은 결과를 설명했다."),
        [t("김소해", Some("연구원"), None)]
    );
    // A verb's form before the name is no name with the name for title.
    assert_eq!(
        triples("회의를 주재한 한가람 신통상전략지원관은 대응하겠다고 말했다."),
        [t("한가람", Some("신통상전략지원관"), None)]
    );
}

#[test]
fn korean_titles_glued_to_the_office_name() {
    assert_eq!(
        triples("협약식에는 남궁하늘 가나시장, 서도윤 다라군수, 윤슬기 가나다개발청장과 에이크미 임직원이 참석했다."),
        [
            t("남궁하늘", Some("가나시장"), None),
            t("서도윤", Some("다라군수"), None),
            t("윤슬기", Some("가나다개발청장"), None),
        ]
    );
    // A deputy's title with the office's field before it.
    assert_eq!(
        triples("서도윤 경제부지사는 \"정부에 건의하겠다\"고 말했다."),
        [t("서도윤", Some("경제부지사"), None)]
    );
    // A governor under the province's short name.
    assert_eq!(
        triples("서도윤 전남지사는 \"지정을 돕겠다\"고 말했다."),
        [t("서도윤", Some("전남지사"), None)]
    );
    // A branch office abroad is no province.
    assert!(triples("한가람 중국지사는 말했다.").is_empty());
    // One syllable before it is no office's name.
    assert!(triples("한가람 도시장을 둘러봤다.").is_empty());
    assert!(triples("윤슬기 전시장에 들렀다.").is_empty());
}

#[test]
fn a_photo_position_and_a_late_title_still_give_the_person() {
    assert_eq!(
        names("Lee Min-ho (third from left), chair of NBRI, cuts the ribbon."),
        ["Lee Min-ho"]
    );
    assert_eq!(
        names("Park Ji-won, the paper's lead author who studies at GIST, said the cells held up."),
        ["Park Ji-won"]
    );
}

#[test]
fn korean_words_that_only_look_like_names_are_not_people() {
    // "전기차" opens with a family name and stands before "대표"; "한 장관"
    // is a short form; "국내 교수" is two syllables; a byline is no title.
    assert!(triples("전기차 대표 모델과 국내 교수들이 모였다. 한 장관이 왔다.").is_empty());
    assert!(triples("김하늘 기자 sky@news.kr").is_empty());
    // "조사는" opens with a family name, but a particle ends it.
    assert_eq!(
        triples("이번 조사는 김하늘 과장이 맡았다."),
        [t("김하늘", Some("과장"), None)]
    );
    // "기업의" opens with a family name and stands before a word ending
    // like a title ("유럽시장", the European market), but the genitive
    // particle ends it.
    assert!(triples("한국 배터리 기업의 유럽시장 점유율은 57%였다.").is_empty());
    // A brand shaped like a name between a name and a title leaves the
    // person named.
    assert!(
        triples("홍길동 한울셀 대표는 공장을 짓는다고 말했다.").contains(&t(
            "홍길동",
            Some("한울셀 대표"),
            None
        ))
    );
}

#[test]
fn a_head_of_state_is_named_by_surname_alone() {
    assert_eq!(
        names("It is part of President Harlow's agenda."),
        ["Harlow"]
    );
    assert_eq!(
        names("President Harlow spoke. Jane Harlow, President of NBRI, said so."),
        ["Jane Harlow"]
    );
}

#[test]
fn a_speaker_named_after_an_inverted_speech_verb() {
    assert_eq!(
        triples("\"It works,\" said Oh Tae-min, who leads the cell team."),
        [t("Oh Tae-min", None, None)]
    );
    // Not after a quote or comma: the words after the verb are its object.
    assert!(triples("The firm said Tuesday Morning would come.").is_empty());
}

#[test]
fn a_surname_that_also_opens_sentences() {
    assert_eq!(
        triples("Output rose, said He Wenbo, vice president of NBRI."),
        [t("He Wenbo", Some("vice president"), Some("nbri"))]
    );
    assert!(triples("He Wenbo said nothing. He said it twice.")
        .iter()
        .all(|p| p.0 != "He Wenbo"));
}

#[test]
fn a_family_name_in_capitals_beside_a_given_name() {
    assert_eq!(
        triples("The lab (Acting President Dr. Hyun Woo PARK) won. Professor KANG Minji spoke."),
        [
            t("Hyun Woo PARK", Some("President"), None),
            t("KANG Minji", Some("Professor"), None),
        ]
    );
    // Capitals alone, or beside no name word, stay acronyms.
    assert!(triples("Professor KIM said LG and SK grew.").is_empty());
}

#[test]
fn a_nickname_in_quotes_is_no_part_of_the_name() {
    assert_eq!(
        triples("President Joko “Jokowi” Widodo spoke. Lawmaker Robert \"Bob\" Jenkins said so."),
        [
            t("Joko Widodo", Some("President"), None),
            t("Robert Jenkins", Some("Lawmaker"), None),
        ]
    );
    assert_eq!(
        triples("said senior chemist Zhenmao 'Jack' Zhou of the lab."),
        [t("Zhenmao Zhou", Some("senior chemist"), None)]
    );
}

#[test]
fn a_romanized_korean_name_after_a_company_word_starts_at_its_family_name() {
    assert_eq!(
        names("Orla High-Tech Lee Kang-myung, CEO of Orla Hightech, said it grew."),
        ["Lee Kang-myung"]
    );
    // After "said", the company word still shows it is a person's name.
    assert_eq!(
        names("\"Sales will rise,\" said Orla Kim Jun-hyung."),
        ["Kim Jun-hyung"]
    );
    // A word opening the sentence's clause is none of the name; inside a
    // sentence the same word may be ("analyst Ben Still").
    assert_eq!(
        names("But Dana Norris, head of the lithium unit, said prices fell."),
        ["Dana Norris"]
    );
    assert_eq!(
        names("Analyst Ben Still of the bank said prices fell."),
        ["Ben Still"]
    );
    // A hyphenated word in capitals on both sides is no given name.
    assert_eq!(
        names("Chief executive Dana Kim Hyun-Woo said it grew."),
        ["Dana Kim Hyun-Woo"]
    );
}

#[test]
fn names_listed_as_a_works_authors_are_people() {
    assert_eq!(
        names("A new paper by Arun Moradi, Ben Zahlen and Paula V. Braun shows a way."),
        ["Arun Moradi", "Ben Zahlen", "Paula V. Braun"]
    );
    assert_eq!(
        names("Arun Moradi and Ben Zahlen have recently published findings on cells."),
        ["Arun Moradi", "Ben Zahlen"]
    );
    // Not a list of authors: one name, no research cue, or names of firms.
    assert!(names("A study by Arun Moradi shows a way.").is_empty());
    assert!(names("Arun Moradi and Ben Zahlen met on Monday.").is_empty());
    assert!(names("Talks between Volta Power and Zenith Motors published nothing.").is_empty());
}

#[test]
fn a_surname_with_an_apostrophe_is_one_name_word() {
    assert_eq!(
        triples("“We are ready,” said Dana O’Malley, CEO of NBRI."),
        [t("Dana O’Malley", Some("CEO"), Some("nbri"))]
    );
    assert_eq!(
        triples("Separately, Lior D'Souza, chief executive of NBRI, said it will grow."),
        [t("Lior D'Souza", Some("chief executive"), Some("nbri"))]
    );
}

#[test]
fn a_person_appointed_as_a_role() {
    assert_eq!(
        triples("The maker on Monday named Han Ji-ho as its new chief operating officer."),
        [t("Han Ji-ho", Some("new chief operating officer"), None)]
    );
    // "as" with no role after it names no person.
    assert!(triples("The board named Cobalt Ridge as its preferred site.").is_empty());
}

#[test]
fn a_plural_role_before_two_names() {
    let found = triples("The startup was founded by chemists Noor Patel and Ivo Marek last year.");
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(names, ["Noor Patel", "Ivo Marek"]);
}

#[test]
fn a_market_after_a_word_shaped_like_a_name_is_no_person() {
    for text in [
        "부동산 시장은 올해 회복세를 보였다.",
        "편의점 시장이 커졌다.",
        "반도체 시장은 회복됐다.",
    ] {
        assert!(names(text).is_empty(), "{text}");
    }
    // A mayor: the title glued to the city's name, or alone in a sentence
    // that names the city.
    assert_eq!(
        names("정민호 한빛시장은 협약식에서 인사말을 했다."),
        ["정민호"]
    );
    assert_eq!(
        names("한빛시는 정민호 시장과 기업 대표가 협약을 맺었다고 밝혔다."),
        ["정민호"]
    );
    // In a body's brackets too, when the sentence names a city.
    assert_eq!(
        names("충북(시장 정민호)은 누리시와 4일 착공식을 열었다."),
        ["정민호"]
    );
    // A mayor who is quoted: a market says nothing.
    assert_eq!(
        names("정민호 시장은 “일자리를 늘리겠다”고 말했다."),
        ["정민호"]
    );
    assert_eq!(
        names("정민호 시장은 협약식에서 \"새만금은 중요하다\"고 말했다."),
        ["정민호"]
    );
    assert_eq!(
        names("정민호 시장은 “새만금이 중심이 될 것”이라고 말했다."),
        ["정민호"]
    );
    // "…”면서", "…”라며": quoted, then the sentence goes on.
    for text in [
        "정민호 시장은 “축하드린다”면서 “앞으로도 돕겠다",
        "정민호 시장은 “중요한 날”이라며 웃었다.",
    ] {
        assert_eq!(names(text), ["정민호"], "{text}");
    }
    assert!(names("원통형 시장은 \"테슬라 수요에 달렸다\"는 전망이 많다.").is_empty());
    assert!(names("나트륨 시장은 “아직 초기”라는 지적이다.").is_empty());
    assert!(names("정민호 시장 “일자리를 늘리겠다”").is_empty());
}

#[test]
fn a_photo_place_in_brackets_stands_between_a_name_and_its_title() {
    assert_eq!(
        triples("남궁하늘(왼쪽부터) 전지연구본부장, 한가람 원장이 기념촬영을 했다."),
        [
            t("남궁하늘", Some("전지연구본부장"), None),
            t("한가람", Some("원장"), None),
        ]
    );
    assert_eq!(
        triples("한가람(앞줄 왼쪽 세 번째) 원장이 인사했다."),
        [t("한가람", Some("원장"), None)]
    );
    assert_eq!(
        triples("한가람(사진) 회장은 취임했다."),
        [t("한가람", Some("회장"), None)]
    );
    assert_eq!(
        triples("한가람(58) 원장이 인사했다."),
        [t("한가람", Some("원장"), None)]
    );
    // A broadcast caption's slash between the name and the title.
    assert_eq!(
        triples("▶ 인터뷰 : 한가람 / 새만금개발청장 - \"기업 유치를 늘렸습니다\""),
        [t("한가람", Some("새만금개발청장"), None)]
    );
    // A bracket that is no place in a photo keeps the title apart.
    assert!(triples("한가람(주요 인사) 원장").is_empty());
    // The slash's escape kept by a scrape.
    assert_eq!(
        triples("◀INT▶ 한가람 \\/ 에이크미 정보보안과장"),
        [t(
            "한가람",
            Some("에이크미 정보보안과장"),
            Some("acme-energy")
        )]
    );
    // After the slash, a company's official is a role.
    assert_eq!(
        triples("[한가람 / 에이크미 관계자 : 공간 효율이 높아졌습니다.]"),
        [t("한가람", Some("에이크미 관계자"), Some("acme-energy"))]
    );
    assert!(triples("한가람 에이크미 관계자는 말했다.").is_empty());
}

#[test]
fn a_numbered_title_and_a_foreign_envoy() {
    assert_eq!(
        triples("한가람 산업부 1차관이 공장을 찾았다."),
        [t("한가람", Some("산업부 1차관"), Some("motie"))]
    );
    assert_eq!(
        triples("행사에는 제프 로빈슨 주한호주대사와 한가람 산업부 제2차관이 왔다."),
        [
            t("한가람", Some("산업부 제2차관"), Some("motie")),
            t("제프 로빈슨", Some("주한호주대사"), None),
        ]
    );
    // A run of nouns before the envoy's office is no name.
    assert!(triples("시는 공급망 협력 강화 주한호주대사 간담회를 열었다.").is_empty());
    // 제 with no number is no numbered title ("제사장", a priest).
    assert!(triples("한가람 제사장이 기도를 올렸다.").is_empty());
    // 주한 with no office after the country is no envoy.
    assert!(triples("행사에는 제프 로빈슨 주한호주협회가 왔다.").is_empty());
}

#[test]
fn a_speaker_named_after_the_role_that_opens_the_attribution() {
    assert_eq!(
        names("“We had five reports,” said the head of the North American storage business, Peter Gibson."),
        ["Peter Gibson"]
    );
    // Without the verb of speech, or with the sentence going on, the
    // words after the comma may be anything.
    assert!(names("It is the head of the storage business, Peter Gibson.").is_empty());
    // An expert is a role: the name set off after it is a person.
    assert_eq!(
        names("“We grew,” said the association's mobility expert, Dana Orlov, to the wire agency."),
        ["Dana Orlov"]
    );
    assert!(
        names("“We grew,” said the head of the storage unit, Grand Rapids Mill, in a note.")
            .is_empty()
    );
    // A post-doctoral researcher is a role too.
    assert_eq!(
        names("Wang and his post-doc, Dana Orlov, won the award."),
        ["Dana Orlov"]
    );
    // A title and its body's name without "the".
    assert_eq!(
        names("“We grew,” said Kestrel CEO, Dana Orlov."),
        ["Dana Orlov"]
    );
    // The body's possessive, and titles joined by "and".
    assert_eq!(
        triples("“We grew,” said Acme’s co-founder and CEO, Dana Orlov."),
        [t(
            "Dana Orlov",
            Some("co-founder and CEO"),
            Some("acme-energy")
        )]
    );
    // "and" joins titles only: after a body's name it joins two bodies.
    assert!(names("“We grew,” said Kestrel Labs and CEO, Grand Rapids Mill.").is_empty());
    // A clause between the verb and the role is no role.
    assert!(
        names("It grew, said analysts on Monday who follow the chief, Grand Rapids Mill.")
            .is_empty()
    );
}

#[test]
fn a_contribution_before_a_governors_award_is_no_name() {
    assert!(triples("산업 발전에 기여한 공로로 충북도지사 표창을 받았다.").is_empty());
}

#[test]
fn a_director_glued_to_the_office_is_titled() {
    assert_eq!(
        triples("협약식에는 남궁하늘 기술이사, 한가람 사장이 참석했다."),
        [
            t("남궁하늘", Some("기술이사"), None),
            t("한가람", Some("사장"), None),
        ]
    );
}

#[test]
fn a_korean_title_past_three_units_of_a_body() {
    assert_eq!(
        names("한가람 우리학교 자연과학대학 화학과 교수 연구팀이 개발했다."),
        ["한가람"]
    );
    assert_eq!(
        names("이누리 한국셀산업협회 상근부회장은 말했다."),
        ["이누리"]
    );
}

#[test]
fn callings_of_the_law_and_of_papers_are_titles() {
    let people = run("The complaint was written by Acme attorney Jane Roe. Senior author Kim Na-ri led the study.").people;
    let got: Vec<(&str, &str)> = people
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        [("Jane Roe", "attorney"), ("Kim Na-ri", "Senior author")]
    );
}

#[test]
fn heads_of_governments_are_titles_and_king_a_surname() {
    let people =
        run("\"It is a good day,\" said Premier Jane Roe. Emir Harald Olsen visited the site. Analyst Jane King of Vale Research agreed.")
            .people;
    let got: Vec<(&str, &str)> = people
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        [
            ("Jane Roe", "Premier"),
            ("Harald Olsen", "Emir"),
            ("Jane King", "Analyst")
        ]
    );
}

#[test]
fn a_pictured_note_and_a_techno_park_name_nobody() {
    assert!(names("Partners include Lumen City and Lumen Techno Park.").is_empty());
    assert_eq!(
        names("The study was led by Kim Na-ri (pictured), professor at NBRI, last year."),
        ["Kim Na-ri"]
    );
}

#[test]
fn a_role_cut_inside_a_bracket_leaves_the_bracket_out() {
    assert_eq!(
        triples("Wang Lihua, a senior engineer at the Wexford Test Center (Suzhou) Ltd., said the rules are strict."),
        [t("Wang Lihua", Some("a senior engineer at the Wexford Test Center"), None)]
    );
}

#[test]
fn a_long_field_before_the_title_in_an_appositive() {
    assert_eq!(
        triples("Hana Yoon, polymer and process chemistry professor at Wexford University, led the study."),
        [t(
            "Hana Yoon",
            Some("polymer and process chemistry professor at Wexford University"),
            None
        )]
    );
}

#[test]
fn a_brand_ending_in_the_syllable_of_a_particle_before_a_title() {
    assert_eq!(
        triples("서도윤 가나다에이 대표가 협약을 맺었다."),
        [t("서도윤", Some("가나다에이 대표"), None)]
    );
}

#[test]
fn a_company_and_its_subject_particle_before_a_noun_is_no_brand() {
    assert!(triples("김민준 가나다비엠이 대표 기업으로 선정됐다.").is_empty());
}

#[test]
fn a_successor_or_a_role_stated_with_is_names_a_person() {
    assert_eq!(
        names("Kwon Ha-na was replaced by Lee Do-yun in March."),
        ["Lee Do-yun"]
    );
    assert_eq!(
        names("Acme named a new chief to replace Ahn Ji-ho."),
        ["Ahn Ji-ho"]
    );
    assert_eq!(
        names("Kim Ha-na replaced Jane Roe, who retired in May."),
        ["Jane Roe"]
    );
    assert_eq!(
        names("The new CEO of Acme Norway is Mark Olsen, the firm said."),
        ["Mark Olsen"]
    );
    // A successor that is a product, or a role that heads no subject.
    assert!(names("The cells will replace Volta Packs next year.").is_empty());
    assert!(names("Kronos replaced Voltaris Nord as the main supplier.").is_empty());
    assert!(names("The president said the new site is Ulm Harbour.").is_empty());
    assert!(names("The plant manager's hometown is Port Talbot.").is_empty());
}

#[test]
fn the_unit_a_title_heads_is_no_part_of_the_name() {
    for text in [
        "It was attended by Acme Head of Cell Research Laboratory Dana Roe and others.",
        "Acme Head of Future Planning Division Dana Roe inked the MOU.",
    ] {
        let people = run(text).people;
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Dana Roe"], "{text}");
        let role = people[0].role.as_deref().unwrap_or("");
        assert!(
            role.starts_with("Head of") && role.contains("Lab") || role.contains("Division"),
            "{role}"
        );
    }
}

#[test]
fn a_local_office_after_its_place_and_titles_glued_to_an_office() {
    assert_eq!(
        triples("착공식에는 한가람 서울 부시장과 윤슬기 에이크미 품질팀장, 남궁하늘 칠레 GEM회장이 왔다."),
        [
            t("한가람", Some("서울 부시장"), None),
            t("윤슬기", Some("에이크미 품질팀장"), Some("acme-energy")),
            t("남궁하늘", Some("칠레 GEM회장"), None),
        ]
    );
    // A city before 지사 is a branch office ("서울 지사").
    assert!(triples("한가람 서울 지사 영업팀장이 왔다.").is_empty());
    // A country before a head of state's title names no office of a place.
    assert!(triples("한편 방한한 칠레 대통령은 공장을 찾았다.").is_empty());
    // An acronym before 시장 is a market ("ESS시장").
    assert!(triples("한가람 ESS시장 전망").is_empty());
    // A party before its lawmaker is no name.
    assert_eq!(
        triples("민주당 한가람 국회의원이 왔다."),
        [t("한가람", Some("국회의원"), None)]
    );
}

#[test]
fn english_titles_of_office_rank_and_study() {
    assert_eq!(names("Township Trustee Ivo Lind spoke."), ["Ivo Lind"]);
    assert_eq!(
        names("It was written by doctoral candidates Ivo Lind and Dana Orlov."),
        ["Ivo Lind", "Dana Orlov"]
    );
}

#[test]
fn a_personnel_list_gives_each_name_its_rank() {
    let listed = triples(
        "◇사장 △김가온 ◇전무 △박다온 CTO △최라온 구매센터장 ◇상무 △권가람 김나무 박서호 서호 유성한",
    );
    assert_eq!(
        listed,
        [
            t("박다온", Some("CTO"), None),
            t("최라온", Some("구매센터장"), None),
            t("김가온", Some("사장"), None),
            t("권가람", Some("상무"), None),
            t("김나무", Some("상무"), None),
            t("박서호", Some("상무"), None),
            t("서호", Some("상무"), None),
            t("유성한", Some("상무"), None),
        ]
    );
    // A heading that lost its mark to cleaning, a bracket between names,
    // and a rank at the head of the item past an appointment word.
    assert_eq!(
        triples("상무 ▷김보람 양우솔(이하 상무급 마스터) 유은비"),
        [
            t("김보람", Some("상무"), None),
            t("양우솔", Some("상무"), None),
            t("유은비", Some("상무"), None),
        ]
    );
    assert_eq!(
        triples("▲부사장 승진 정다운 ▲상무 이정민"),
        [
            t("정다운", Some("부사장"), None),
            t("이정민", Some("상무"), None)
        ]
    );
    // A short name needs a long list; a heading that is no rank names
    // no one; a word that is no name ends the run.
    assert!(triples("◇상무 △서호 ◇신규 △김가온").is_empty());
    assert!(triples("△김가온 외 3명 △이나래").is_empty());
}

#[test]
fn a_korean_name_with_its_honorific_a_unit_or_an_acronym_before_the_title() {
    assert_eq!(
        triples("통합과정 박가온 씨와 한가람씨는 말했다."),
        [t("박가온", None, None)]
    );
    assert_eq!(
        triples("배한결 전력PU장(부사장)은 말했다."),
        [t("배한결", Some("전력PU장"), None)]
    );
    assert_eq!(
        triples("김한별 IRS 리더는 말했다."),
        [t("김한별", Some("IRS 리더"), None)]
    );
    assert_eq!(
        triples("남솔비 에이크미 배터리사업 대표가 발표했다."),
        [t(
            "남솔비",
            Some("에이크미 배터리사업 대표"),
            Some("acme-energy")
        )]
    );
    assert_eq!(
        triples("노다온 ESS 표준기술연구회 위원장과 이하늘 한빛무역협회 비상근 부회장이 왔다."),
        [
            t("노다온", Some("ESS 표준기술연구회 위원장"), None),
            t("이하늘", Some("한빛무역협회 비상근 부회장"), None),
        ]
    );
    // "김모 씨" hides a name; 씨 after a common word names no one.
    assert!(triples("김모 씨와 정부 씨는").is_empty());
}

#[test]
fn a_generation_after_a_name_belongs_to_it() {
    assert_eq!(
        triples("It is critical, according to Ivo Lind Jr., CEO of the Vale Development Corp."),
        [t(
            "Ivo Lind Jr.",
            Some("CEO of the Vale Development Corp"),
            None
        )]
    );
    assert_eq!(
        triples("Officials included Vale Mayor Ivo Lind III and others."),
        [t("Ivo Lind III", Some("Mayor"), None)]
    );
}

#[test]
fn korean_titles_after_a_placed_body_a_legal_form_or_another_title() {
    assert_eq!(
        triples("표창은 김새롬 칠레 투자청 팀장이 받았다."),
        [t("김새롬", Some("칠레 투자청 팀장"), None)]
    );
    assert_eq!(
        triples("한빛씨피(주)(대표이사 한가람)가 공장을 짓는다."),
        [t("한가람", Some("대표이사"), None)]
    );
    assert_eq!(
        triples(
            "곽보람 에이크미 MI전략담당, 손나래 에이크미 마스터, 안다솜 국민의힘 보좌관이 발표했다."
        ),
        [
            t("곽보람", Some("에이크미 MI전략담당"), Some("acme-energy")),
            t("손나래", Some("에이크미 마스터"), Some("acme-energy")),
            t("안다솜", Some("국민의힘 보좌관"), None),
        ]
    );
    // A word before a name and a body inside a role are no names; nor is
    // a word with its object particle.
    assert_eq!(
        triples("우수 인력 양성에 기여한 심하람 전무도 올랐다. 연구팀(주저자 문새벽 박사)이 썼다."),
        [
            t("심하람", Some("전무"), None),
            t("문새벽", Some("박사"), None)
        ]
    );
    assert!(triples("준법 경영을 사외이사가 주도한다. 사내외 이사를 동수로 한다.").is_empty());
}

#[test]
fn a_personnel_bullet_holds_names_only() {
    assert!(triples("◇상무 △권가람 김나무 박서호 이상 3명").is_empty());
    assert!(triples("회사는 ▲사장 신제품 발표 ▲전무 고객사 방문 일정을 공개했다.").is_empty());
    // A given name may end in 을; 씨 glued to a word is a seed.
    assert_eq!(
        triples("에이크미 김가을 대표는 말했다."),
        [t("김가을", Some("대표"), Some("acme-energy"))]
    );
    assert!(triples("옥수수씨를 심었다.").is_empty());
}

/// Each person's name and role.
fn roles(text: &str) -> Vec<(String, Option<String>)> {
    run(text)
        .people
        .into_iter()
        .map(|p| (p.name, p.role))
        .collect()
}

#[test]
fn a_passive_appointment_or_a_role_after_is_names_the_subject() {
    assert_eq!(
        roles("Tomas Reyes has been appointed Chief Executive Officer of the venture."),
        [("Tomas Reyes".into(), Some("Chief Executive Officer".into()))]
    );
    assert_eq!(
        roles("Dorian Vell was also named president of the equipment unit."),
        [("Dorian Vell".into(), Some("president".into()))]
    );
    assert_eq!(
        roles("Rick Hanlon is COO of the new joint venture."),
        [("Rick Hanlon".into(), Some("COO".into()))]
    );
    // An active verb, a company's description or a rank state no
    // person's role; a name of one word stays out as anywhere else.
    assert!(roles("Harbor Bridge named president of the unit a veteran.").is_empty());
    assert!(roles("Kestrel was named partner of the year.").is_empty());
    assert!(roles("Silver Lake is an investor in the venture.").is_empty());
    assert!(roles("Nordic Volt was the first maker to ship.").is_empty());
    // A company is appointed and heads things too: only a run that reads
    // as a person's name by itself takes these roles.
    assert!(roles("Nordic Volt has also been appointed chair of the alliance.").is_empty());
    assert!(roles("Lake Ridge is head of the buyers' group.").is_empty());
    assert_eq!(
        roles("Kim Ha-na was appointed chair of the alliance."),
        [("Kim Ha-na".into(), Some("chair".into()))]
    );
    assert_eq!(
        roles("Dajin Park has been appointed chair of the alliance."),
        [("Dajin Park".into(), Some("chair".into()))]
    );
    assert_eq!(
        roles("J.B. Vale is head of the buyers' group."),
        [("J.B. Vale".into(), Some("head".into()))]
    );
    // The role word comes first, and neither end says what a company is.
    assert!(roles("Jane Roe was already chair of the panel.").is_empty());
    assert!(roles("Jane Roe was a partner at the firm.").is_empty());
    assert!(roles("Jane Roe is chief investor in the fund.").is_empty());
}

#[test]
fn a_title_held_before_a_shareholder_and_a_member_of_parliament() {
    assert_eq!(
        roles("The then-CEO Dana Whitlock left in May."),
        [("Dana Whitlock".into(), Some("then-CEO".into()))]
    );
    assert_eq!(
        roles("Dana Whitlock, a major shareholder in Kestrel, stayed."),
        [(
            "Dana Whitlock".into(),
            Some("a major shareholder in Kestrel".into())
        )]
    );
    assert_eq!(
        roles("Labor MP Dana O'Whitlock backed the plant."),
        [("Dana O'Whitlock".into(), Some("MP".into()))]
    );
    // "then" alone is no title.
    assert!(roles("And then Dana Whitlock left in May.").is_empty());
}

#[test]
fn name_particles_a_led_team_and_a_portfolio_for() {
    assert_eq!(
        roles("Lucio de Marchi, CEO of Kestrel, noted the rise."),
        [("Lucio de Marchi".into(), Some("CEO of Kestrel".into()))]
    );
    assert_eq!(
        roles("The research team led by Min-jun Park found the cause."),
        [("Min-jun Park".into(), None)]
    );
    assert_eq!(
        roles("Ursula von der Leyen said the rules apply."),
        [("Ursula von der Leyen".into(), None)]
    );
    // Particles after no given name join a company's or a place's words.
    assert!(roles("Minera del Sur said output rose.").is_empty());
    assert_eq!(
        roles("The lab headed by Ana Lima found the cause."),
        [("Ana Lima".into(), None)]
    );
    // A round, a consortium or a project is led by firms as often.
    assert!(roles("The round was led by Harbor Bridge and others.").is_empty());
    assert!(roles("The consortium led by Harbor Bridge won the bid.").is_empty());
    assert!(roles("The project led by Nordic Volt won the bid.").is_empty());
    // Any group is led or founded by a name that begins with a given name.
    assert_eq!(
        roles("Kestrel, the carmaker founded by Dana Whitlock, grew."),
        [("Dana Whitlock".into(), None)]
    );
    assert!(roles("Kestrel, the carmaker founded by Nordic Volt, grew.").is_empty());
    assert_eq!(
        roles("Kestrel, the carmaker led by Dana Whitlock, grew."),
        [("Dana Whitlock".into(), None)]
    );
    // A joint venture is led by firms, whatever their first word.
    assert!(roles("A joint venture headed by Jordan Bromine will supply it.").is_empty());
    // A place in a photo is a person's.
    assert_eq!(
        roles("Acme's Dana Whitlock (center) and two researchers built it."),
        [("Dana Whitlock".into(), None)]
    );
    assert!(roles("Acme's Dana Whitlock and two researchers built it.").is_empty());
    assert_eq!(
        roles("The study led by Jane Roe found the cause."),
        [("Jane Roe".into(), None)]
    );
    assert_eq!(
        roles("Jean-Pierre de Villiers said output rose."),
        [("Jean-Pierre de Villiers".into(), None)]
    );
    assert_eq!(
        roles("Minister for Resources and Water Keith Varga signed it."),
        [(
            "Keith Varga".into(),
            Some("Minister for Resources and Water".into())
        )]
    );
    assert_eq!(
        roles("Grant Hollis, owner of a local diner, said sales rose."),
        [("Grant Hollis".into(), Some("owner of a local diner".into()))]
    );
    assert_eq!(
        roles("He met his counterpart Agus Rahmanto on Friday."),
        [("Agus Rahmanto".into(), Some("counterpart".into()))]
    );
}

#[test]
fn korean_titles_of_boards_founders_departments_and_foreign_names() {
    assert_eq!(
        names("행사에는 이한결 충청북도의회 부의장, 최민호 룽하이그룹 공동총재, 이동현 나래전지 창업주와 정준호 나래전지 부대표, 박근호 CSO 등이 참석했다."),
        ["이한결", "최민호", "이동현", "정준호", "박근호"]
    );
    assert_eq!(
        names("한지석 영주소방서장은 \"훈련을 계속하겠다\"고 말했다."),
        ["한지석"]
    );
    assert_eq!(
        names("박준호 가온대학교(GU) 전기기능소재공학 교수와 김대훈 가온대학교 화공생명공학과 교수를 선정했다."),
        ["박준호", "김대훈"]
    );
    assert_eq!(
        names("톰 존스턴 에이크미 임시 이사회 의장은 \"인내가 필요하다\"고 말했다."),
        ["톰 존스턴"]
    );
    // A subsidiary described before its head is no name.
    assert_eq!(
        names("핵심 자회사 나래소재 대표에 주재환 사장이 올랐다."),
        ["주재환"]
    );
}

#[test]
fn foreign_names_spelt_in_brackets_after_a_copula_title_or_before_a_government() {
    assert_eq!(
        names("나래볼트 공동 창업자이자 CEO인 댄 쿡(Dan Cook)은 인터뷰에서 말했다."),
        ["댄 쿡"]
    );
    assert_eq!(
        names("쩡위산(曾毓山) 나래전지 회장은 축사를 했다."),
        ["쩡위산"]
    );
    // A ministry spelt in characters is no person.
    assert!(names("상무부(商务部) 장관은 축사를 했다.").is_empty());
    // A family name may end like a ministry ("부").
    assert_eq!(
        names("나래에너지의 CEO인 카즈오 타다노부는 기자들에게 말했다."),
        ["카즈오 타다노부"]
    );
    assert_eq!(
        names("에너지부는 \"조 바이든 정부의 정책\"이라고 밝혔다."),
        ["조 바이든"]
    );
    assert!(names("이는 새로 출범한 한국 정부의 정책이다.").is_empty());
    // The head's numbered term may stand between.
    assert_eq!(
        names("업계는 조 바이든 2기 정부의 방침에 대응했다."),
        ["조 바이든"]
    );
    assert!(names("업계는 마크 로렌 2차 회의에 대응했다.").is_empty());
    // A public figure is named however the words after go on.
    assert_eq!(
        names("업계는 조 바이든 2차 회의에 대응했다."),
        ["조 바이든"]
    );
    // So may "전", the former one.
    assert_eq!(
        names("이는 도널드 트럼프 전 행정부 당시의 무역전쟁이다."),
        ["도널드 트럼프"]
    );
    assert!(names("업계는 마크 로렌 전 회의에 대응했다.").is_empty());
    // A deputy minister of a foreign country; a prosecutor's title before
    // the name in brackets; a rank ("부장급") is no name.
    assert_eq!(
        names("돈 벨라스코 칠레 부장관이 방한했다."),
        ["돈 벨라스코"]
    );
    assert_eq!(
        names("나래지검 조사부(부장검사 박대현)와 공조했다."),
        ["박대현"]
    );
    assert!(names("피해회사의 부장급 연구원 B씨로부터 받았다.").is_empty());
    // "검사" alone is as often an inspection as a prosecutor.
    assert!(names("등급 분류, 안정성 검사, 출고 이력까지 본다.").is_empty());
    // "대변인" is a title whole, not "대변" and the copula.
    let people = run("에이크미 대변인 에릭 슈미트는 말했다.").people;
    assert_eq!(people[0].name, "에릭 슈미트");
    assert_eq!(people[0].role.as_deref(), Some("대변인"));
    // Before a name spelt in Latin letters too.
    assert_eq!(
        roles("나래볼트 대변인 아르네 볼드(Arne Vold)는 말했다."),
        [("아르네 볼드".into(), Some("대변인".into()))]
    );
    // The role leaves the copula out.
    assert_eq!(
        roles("나래에너지의 CEO인 카즈오 타다노부는 기자들에게 말했다."),
        [("카즈오 타다노부".into(), Some("CEO".into()))]
    );
}

#[test]
fn names_the_words_around_them_alone_do_not_mark() {
    // A one-word registry name after a listed given name is a family name;
    // before another capitalized word it is the body's.
    assert_eq!(
        names("Ontario Premier Doug Acme welcomed the plant."),
        ["Doug Acme"]
    );
    assert!(names("Premier Doug Acme Holdings welcomed it.")
        .iter()
        .all(|n| !n.contains("Acme")));
    // A photo's line-up after its cue, and not without it.
    assert_eq!(
        names("From left, Dana Whitlock, Jane Roe and Akio Tanabe cut the ribbon."),
        ["Dana Whitlock", "Jane Roe", "Akio Tanabe"]
    );
    assert!(names("Dana Whitlock, Jane Roe and Akio Tanabe cut the ribbon.").is_empty());
    // An outlet's reporter; a company's name in the same place is none.
    assert_eq!(
        names("Acme Energy’s Dana Whitlock reports that the plant will open."),
        ["Dana Whitlock"]
    );
    assert!(names("Acme Energy’s Nordic Volt reports that the plant will open.").is_empty());
    // A role heading a field of lowercase words, set off by commas.
    assert_eq!(
        triples(
            "“We are ready,” Acme’s general manager of residential storage, Phillip Crotty, said."
        ),
        [t(
            "Phillip Crotty",
            Some("general manager of residential storage"),
            Some("acme-energy")
        )]
    );
    // "the Hon" before a name; given and family names from outside the
    // English lists.
    assert_eq!(
        names("The plant was opened by the Hon Anthony Albanese MP on Tuesday."),
        ["Anthony Albanese"]
    );
    assert_eq!(
        names("Thierry Moreau has been appointed chief executive of Acme."),
        ["Thierry Moreau"]
    );
    assert_eq!(names("Zeng Wen is chairman of Acme."), ["Zeng Wen"]);
}

#[test]
fn public_figures_named_in_passing_are_people() {
    assert_eq!(
        names("The plant opened in March, but Elon Musk’s plan to expand it stalled."),
        ["Elon Musk"]
    );
    assert_eq!(
        names("일론머스크 테슬라 최고경영자는 공장을 늘릴 계획이다."),
        ["일론머스크"]
    );
    // A surname alone, or the name inside a longer word or name, is no one.
    assert!(names("Musk’s plan stalled.").is_empty());
    assert!(names("공장 유리창이 깨졌다.").is_empty());
    assert!(names("회사는 이동채널을 늘렸다.").is_empty());
    assert!(names("The Elon Muskrat Fund invested.").is_empty());
    assert!(names("The Elon Musk Foundation gave $5 million.").is_empty());
    // Two spellings are one person; a role found by another rule stays.
    assert_eq!(
        names("일론 머스크(Elon Musk)는 공장을 늘린다. Elon Musk said so.").len(),
        1
    );
    assert_eq!(
        triples("Tesla CEO Elon Musk said the plant opens. Elon Musk’s plan stalled."),
        [t("Elon Musk", Some("CEO"), None)]
    );
}

#[test]
fn a_korean_title_past_a_firm_and_its_name_or_a_units_field() {
    // A kind of firm and its own name, of one syllable too.
    assert_eq!(
        names("사외이사로는 한가람 법무법인 솔 상임고문과 오누리 회계법인 가온 대표가 선임됐다."),
        ["한가람", "오누리"]
    );
    // The field a unit of the body works in, in common words.
    assert_eq!(
        triples("행사에는 한가람 에이크미 이차전지 센터장이 참석했다."),
        [t(
            "한가람",
            Some("에이크미 이차전지 센터장"),
            Some("acme-energy")
        )]
    );
    // A kind of firm right before a title names no firm: the title is
    // the firm's own.
    assert_eq!(
        triples("한가람 법무법인 상임고문은 말했다."),
        [t("한가람", Some("법무법인 상임고문"), None)]
    );
    // Common words with no body before them name no unit.
    assert!(names("행사에는 한가람 배터리 에너지 센터장이 참석했다.").is_empty());
}
