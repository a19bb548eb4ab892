//! Gazetteer tests, with a tiny registry written for them.

use super::*;
use crate::content::entity::Entity;
use crate::content::front_matter::{
    OrganizationFrontMatter, OrganizationKind, PlaceFrontMatter, PlaceKind, TopicFrontMatter,
};

fn entity<T>(slug: &str, front: T) -> Entity<T> {
    Entity {
        slug: slug.to_string(),
        path: format!("content/x/{slug}.md").into(),
        front,
        body: String::new(),
        body_line: 1,
    }
}

pub(crate) fn organization(
    slug: &str,
    name: &str,
    kind: OrganizationKind,
    aliases: &[&str],
) -> Organization {
    entity(
        slug,
        OrganizationFrontMatter {
            name: name.to_string(),
            kind,
            country: "KR".to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            website: None,
            generated: None,
        },
    )
}

pub(crate) fn place(slug: &str, name: &str, kind: PlaceKind, aliases: &[&str]) -> Place {
    entity(
        slug,
        PlaceFrontMatter {
            name: name.to_string(),
            kind,
            country: Some("KR".to_string()),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        },
    )
}

pub(crate) fn topic(slug: &str, keywords: &[&str]) -> Topic {
    entity(
        slug,
        TopicFrontMatter {
            name: slug.to_string(),
            keywords: keywords.iter().map(|a| a.to_string()).collect(),
        },
    )
}

/// A tiny registry written for these tests (not the site's data).
pub(crate) fn registries() -> Registries {
    use OrganizationKind::*;
    Registries {
        organizations: vec![
            organization("acme-energy", "Acme Energy", Company, &["Acme", "에이크미"]),
            organization(
                "nbri",
                "National Battery Research Institute",
                Research,
                &["NBRI"],
            ),
            organization(
                "seoul-national-university",
                "Seoul National University",
                University,
                &["SNU"],
            ),
            organization(
                "motie",
                "Ministry of Trade, Industry and Energy",
                Government,
                &["MOTIE", "Ministry of Industry", "산업부", "산은"],
            ),
            organization(
                "gist",
                "Gwangju Institute of Science and Technology",
                University,
                &["GIST"],
            ),
            organization(
                "north-chungcheong",
                "North Chungcheong Province",
                Government,
                &["Chungbuk", "충북", "Province of Chungbuk"],
            ),
            organization("seosan-city", "Seosan City", Government, &["서산시"]),
            organization(
                "government-of-korea",
                "Government of Korea",
                Government,
                &["Korean government"],
            ),
        ],
        places: vec![
            place(
                "korea",
                "Korea",
                PlaceKind::Country,
                &["South Korea", "Republic of Korea"],
            ),
            place("chile", "Chile", PlaceKind::Country, &["칠레"]),
            place("seoul", "Seoul", PlaceKind::City, &["서울"]),
            place(
                "north-chungcheong",
                "North Chungcheong Province",
                PlaceKind::Province,
                &["Chungbuk", "충북"],
            ),
        ],
        topics: vec![
            topic(
                "recycling",
                &[
                    "recycling",
                    "battery recycling",
                    "black mass",
                    "폐배터리",
                    "재생",
                ],
            ),
            topic(
                "robotics-ai",
                &["artificial intelligence", "humanoid robot", "AI"],
            ),
            topic("ev-mobility", &["electric vehicle", "EV"]),
            topic(
                "carbon-neutrality",
                &[
                    "clean energy",
                    "carbon emissions",
                    "net zero",
                    "sustainable",
                ],
            ),
            topic("policy-regulation", &["policy", "strategy"]),
            topic(
                "commercialization",
                &["commercialization", "mass production", "production line"],
            ),
            topic("all-solid-state", &["solid-state battery"]),
            topic("ncm-high-nickel", &["high-nickel", "NCM"]),
            topic("r-and-d", &["차세대", "기술 개발"]),
            topic("energy-storage", &["에너지저장장치", "에너지 저장", "ESS"]),
        ],
    }
}

#[test]
fn matches_names_and_aliases_case_insensitively_with_boundaries() {
    let g = Gazetteer::new(&registries());
    let text = "ACME ENERGY and nbri met; the Acmeist did not. 에이크미는 왔다.";
    let hits = g.find_organizations(text);
    let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
    assert_eq!(found, ["ACME ENERGY", "에이크미"]);
}

#[test]
fn hangul_names_take_particles_but_do_not_start_or_end_inside_words() {
    let g = Gazetteer::new(&registries());
    let found = |text: &'static str| -> Vec<&'static str> {
        g.find_organizations(text)
            .iter()
            .chain(&g.find_places(text))
            .map(|h| &text[h.start..h.end])
            .collect()
    };
    // Particles and suffixes glued to a name keep it a mention.
    assert_eq!(found("산업부는 서울에서 발표했다"), ["산업부", "서울"]);
    assert_eq!(found("서울시와 서울공장에서"), ["서울", "서울"]);
    // A short name that only begins a longer word is not one ("서울대" is a
    // university), and no name starts inside a word ("산은" in "방산은").
    assert!(found("서울대 연구팀과 방산은 물론").is_empty());
    // Longer names may run into any Hangul ("에이크미그룹").
    assert_eq!(found("에이크미그룹 발표"), ["에이크미"]);
    // A Latin end takes a particle ("삼성SDI는"), never a longer word.
    assert_eq!(found("Acme Energy는 발표했다"), ["Acme Energy"]);
    // (the shorter alias "Acme" still stands at a word's edge).
    assert_eq!(found("Acme Energy솔루션 발표"), ["Acme"]);
    // 사, the word for a company, may stand before the particle; alone or
    // before another syllable it starts a longer word.
    assert_eq!(found("Acme Energy사가 발표했다"), ["Acme Energy"]);
    assert_eq!(found("Acme Energy사업 발표"), ["Acme"]);
}

#[test]
fn acronyms_need_their_case_and_curly_text_is_folded() {
    let g = Gazetteer::new(&registries());
    assert!(g.find_organizations("the gist of it").is_empty());
    // A capitalized name of one word is written capitalized ("acme" is a
    // common word); a name of several words may be written in lowercase.
    assert!(g.find_organizations("the acme of design").is_empty());
    let text = "the ministry of industry said";
    assert_eq!(g.find_organizations(text).len(), 1);
    let text = "GIST\u{2019}s lab with\u{a0}Acme\u{a0}Energy";
    let hits = g.find_organizations(text);
    assert_eq!(hits.len(), 2);
    assert_eq!(&text[hits[1].start..hits[1].end], "Acme\u{a0}Energy");
}

#[test]
fn accents_fold_on_both_sides_keeping_the_texts_spans() {
    let mut registries = registries();
    registries.organizations.push(organization(
        "velmora-energie",
        "Velmora Énergie",
        OrganizationKind::Company,
        &[],
    ));
    let g = Gazetteer::new(&registries);
    let found = |text: &'static str| -> Vec<&'static str> {
        g.find_organizations(text)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect()
    };
    // The text's accent, the registry's plain letter, and the reverse.
    assert_eq!(found("Ácme Enérgy signed"), ["Ácme Enérgy"]);
    assert_eq!(found("Velmora Energie signed"), ["Velmora Energie"]);
    assert_eq!(found("Velmora Énergie signed"), ["Velmora Énergie"]);
}

#[test]
fn longest_match_wins() {
    let g = Gazetteer::new(&registries());
    let text = "Ministry of Trade, Industry and Energy officials";
    let hits = g.find_organizations(text);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].end, "Ministry of Trade, Industry and Energy".len());
}

#[test]
fn looks_up_publishers_by_exact_name() {
    let g = Gazetteer::new(&registries());
    assert_eq!(g.organization_named("the MOTIE").unwrap().slug, "motie");
    assert_eq!(
        g.organization_named(" acme energy ").unwrap().slug,
        "acme-energy"
    );
    assert!(g.organization_named("Acme Energy Storage").is_none());
}

#[test]
fn demonyms_count_as_country_mentions() {
    let g = Gazetteer::new(&registries());
    let hits = g.find_places("Korean firms and Seoul");
    assert_eq!(hits.len(), 2);
    assert_eq!(g.places()[hits[0].entity].slug, "korea");
    assert!(g.is_demonym(&hits[0]) && !g.is_demonym(&hits[1]));
    // An alias's demonym too: "South Korean" for Korea, alias "South Korea".
    let hits = g.find_places("South Korean firms");
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].start, hits[0].end), (0, "South Korean".len()));
    assert!(g.is_demonym(&hits[0]));
}

#[test]
fn a_korean_keyword_used_as_a_verb_is_found_but_a_name_never_runs_into_one() {
    let g = Gazetteer::new(&registries());
    let keywords = |text: &str| g.find_topic_keywords(text).len();
    // "재생했다" ("regenerated"): the noun made a verb with 하다.
    assert_eq!(keywords("배터리를 재생했다"), 1);
    assert_eq!(keywords("재생된 셀"), 1);
    // A longer word that only starts with the keyword is another word.
    assert_eq!(keywords("재생목록"), 0);
    // Names take particles, not verb endings: "서울한" is no "서울".
    assert!(g.find_places("서울한 곳").is_empty());
}

#[test]
fn a_head_named_last_matches_the_registry_name() {
    let g = Gazetteer::new(&registries());
    let text = "the Trade, Industry and Energy Ministry said";
    let hits = g.find_organizations(text);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(g.organizations()[hits[0].entity].slug, "motie");
    assert_eq!(
        g.organization_named("Trade, Industry and Energy Ministry")
            .unwrap()
            .slug,
        "motie"
    );
    // A head not listed keeps its place.
    assert!(g
        .find_organizations("an Energy Industry Association")
        .is_empty());
}

#[test]
fn a_legal_form_matches_written_out_abbreviated_or_without_its_full_stop() {
    let mut registries = registries();
    registries.organizations.push(organization(
        "nippon-trading",
        "Nippon Trading Corporation",
        OrganizationKind::Company,
        &["Nippon Trading Co."],
    ));
    let g = Gazetteer::new(&registries);
    for text in [
        "Nippon Trading Corp said on Monday",
        "Nippon Trading Corp. said",
        "Nippon Trading Co said",
        "Nippon Trading Company said",
    ] {
        let hits = g.find_organizations(text);
        assert_eq!(hits.len(), 1, "{text}: {hits:?}");
        assert_eq!(g.organizations()[hits[0].entity].slug, "nippon-trading");
    }
    // The name without its legal form is another name.
    assert!(g.find_organizations("Nippon Trading said").is_empty());
    assert!(g.find_organizations("Nippon Trading Ltd said").is_empty());
}

#[test]
fn a_list_name_matches_with_or_without_a_comma_before_its_last_and() {
    let g = Gazetteer::new(&registries());
    for text in [
        "the Ministry of Trade, Industry, and Energy said",
        "the Ministry of Trade, Industry and Energy said",
    ] {
        let hits = g.find_organizations(text);
        assert_eq!(hits.len(), 1, "{text}: {hits:?}");
        assert_eq!(g.organizations()[hits[0].entity].slug, "motie");
    }
    assert_eq!(
        g.organization_named("Ministry of Trade, Industry, and Energy")
            .unwrap()
            .slug,
        "motie"
    );
    // A registry name written with the comma is found without it, and the
    // comma goes before the "and" that closes the list.
    let mut registries = registries();
    registries.organizations.push(organization(
        "chamber",
        "Chamber of Metals, Minerals and Chemicals Importers and Exporters",
        OrganizationKind::Association,
        &["Forum of Cells, Modules, and Packs"],
    ));
    let g = Gazetteer::new(&registries);
    for name in [
        "Chamber of Metals, Minerals, and Chemicals Importers and Exporters",
        "Forum of Cells, Modules and Packs",
    ] {
        assert_eq!(
            g.organization_named(name).unwrap().slug,
            "chamber",
            "{name}"
        );
    }
    assert!(g
        .organization_named("Chamber of Metals, Minerals and Chemicals Importers, and Exporters")
        .is_none());
}
