//! Each figure and event says whom and what it is about, from its own
//! sentence: names and aliases, and "the company" / "the ministry" resolved
//! to the organization of that kind the story named last.

use super::Site;

#[test]
fn facts_are_about_the_entities_their_sentences_name_or_refer_to() {
    let site = Site::with_registries();
    site.seed(
        "a.txt",
        "Samsung SDI expands its cylindrical cell line\n\
         Date: 2024-05-01\n\n\
         Samsung SDI said it will build a line for 46-series cylindrical cells in Cheonan. \
         The company will invest KRW 1.2 trillion in the line by 2026.\n\n\
         Separately, LG Energy Solution said its Ochang plant made 8 GWh of cells in 2024.\n\n\
         The Ministry of Trade, Industry and Energy said the ministry will provide KRW 50 billion for solid-state battery research.\n",
    );
    site.ingest();
    let (front, _) = site.only_article();
    let about = |text: &str| {
        let figure = front.figures.iter().find(|f| f.text.contains(text));
        let figure = figure.unwrap_or_else(|| panic!("no figure {text}: {:#?}", front.figures));
        figure.about.clone().expect("ingest writes about")
    };
    let sdi = about("1.2 trillion");
    assert_eq!(
        sdi.organizations,
        ["samsung-sdi"],
        "the company = Samsung SDI"
    );
    let lges = about("8 GWh");
    assert_eq!(lges.organizations, ["lg-energy-solution"]);
    let motie = about("50 billion");
    assert_eq!(motie.organizations.len(), 1, "{motie:?}");
    assert!(!motie.organizations.contains(&"samsung-sdi".to_string()));
    assert!(
        motie.topics.iter().any(|t| t == "all-solid-state"),
        "topics from the sentence: {motie:?}"
    );
    assert!(
        !sdi.topics.iter().any(|t| t == "all-solid-state"),
        "{sdi:?}"
    );
}
