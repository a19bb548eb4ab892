//! Topics on the repository's own registry, from articles written for these
//! tests: each general rule of topic matching and each vocabulary added for
//! wording no seed or devset text uses, so a narrowed rule shows up here.

use super::Site;

/// The topics ingest gives one seed, read with the repository's registries.
fn topics_of(seed: &str) -> Vec<String> {
    let site = Site::with_registries();
    site.seed("a.txt", seed);
    site.ingest();
    site.only_article().0.topics
}

fn has(topics: &[String], slug: &str) -> bool {
    topics.iter().any(|t| t == slug)
}

/// A keyword never matches across a comma: a list of countries is no
/// bilateral partnership ("Japan, Korea" is not "Japan-Korea").
#[test]
fn a_list_of_countries_is_not_cooperation() {
    let topics = topics_of(
        "Cell output shifts east\n2025-02-03\nLast year Germany, Korea, China and Japan made most of the world's pouch cells. Korea, Japan and the US now compete for sodium-ion lines.",
    );
    assert!(!has(&topics, "international-cooperation"), "{topics:?}");
    let topics = topics_of(
        "Ministers meet\n2025-02-03\nThe Korea-Japan battery dialogue agreed on a bilateral standards roadmap for sodium-ion cells.",
    );
    assert!(has(&topics, "international-cooperation"), "{topics:?}");
}

/// Training the workforce in the many words the trade uses for it.
#[test]
fn workforce_in_other_words() {
    for sentence in [
        "The province will foster 800 skilled manpower a year for its cathode makers.",
        "The plan is to supply 1,500 talented workers to anode and separator plants each year.",
        "A shortage of battery engineers slows the new lines, so the city opens a training center.",
    ] {
        let topics = topics_of(&format!(
            "Cathode makers seek staff\n2025-06-09\n{sentence}"
        ));
        assert!(has(&topics, "workforce-training"), "{sentence}: {topics:?}");
    }
}

/// Trade goals and the rules of subsidies are policy.
#[test]
fn export_goals_and_subsidy_rules_are_policy() {
    for sentence in [
        "The trade ministry raised its export target for rechargeable cells to 40 percent of shipments.",
        "New local content requirements decide which cathodes qualify for the credit.",
    ] {
        let topics = topics_of(&format!("Cell exports\n2025-06-09\n{sentence}"));
        assert!(has(&topics, "policy-regulation"), "{sentence}: {topics:?}");
    }
}

/// Chemistries, formats and stages of the trade named the way trade press
/// names them.
#[test]
fn chemistries_and_stages_in_trade_press_words() {
    let mut missed = Vec::new();
    for (sentence, slug) in [
        (
            "The startup ships sodium iron pyrophosphate (NFPP) cells for scooters.",
            "sodium-ion",
        ),
        (
            "Its lithium iron manganese phosphate line opens in May.",
            "lfp",
        ),
        (
            "The plant makes NCMA cathode material for premium cars.",
            "ncm-high-nickel",
        ),
        (
            "It will mass-produce 46-millimeter cells in Arizona.",
            "4680-cylindrical",
        ),
        (
            "A shredding and pre-treatment plant turns scrap batteries into black mass.",
            "recycling",
        ),
        (
            "The utility ordered grid batteries for three ESS projects.",
            "energy-storage",
        ),
        (
            "The carmaker adds two electric SUVs to its EV lineup.",
            "ev-mobility",
        ),
        (
            "The cell maker will begin mass production after customer samples pass.",
            "commercialization",
        ),
        (
            "The two countries set up a joint committee on battery minerals.",
            "international-cooperation",
        ),
    ] {
        let topics = topics_of(&format!("Battery brief\n2025-06-09\n{sentence}"));
        if !has(&topics, slug) {
            missed.push(format!("{slug} in {sentence}: {topics:?}"));
        }
    }
    assert!(missed.is_empty(), "{missed:#?}");
}

/// Korean research news names its research in words of its own.
#[test]
fn korean_research_vocabulary() {
    let topics = topics_of(
        "연구원, 새 음극 소재 개발\n2025-10-02\n연구팀은 음극 소재 개발에 성공했다고 2일 밝혔다. 연구진은 실험 결과를 학회에서 발표할 계획이다.",
    );
    assert!(has(&topics, "r-and-d"), "{topics:?}");
}

/// Permits, quotas, court cases and safety rules are policy; technicians
/// trained at community colleges are the workforce.
#[test]
fn permits_quotas_and_safety_rules_are_policy() {
    for sentence in [
        "Villagers asked a judge to void the cathode plant's environmental permit.",
        "The agency will cut annual mining quotas for limonite ore next year.",
        "Operators of rooftop storage units must follow new safety standards from July.",
    ] {
        let topics = topics_of(&format!("Anode plant row\n2025-06-09\n{sentence}"));
        assert!(has(&topics, "policy-regulation"), "{sentence}: {topics:?}");
    }
    let topics = topics_of(
        "Cell plant staff\n2025-06-09\nTwo community colleges will teach technicians to run the cell lines.",
    );
    assert!(has(&topics, "workforce-training"), "{topics:?}");
}
