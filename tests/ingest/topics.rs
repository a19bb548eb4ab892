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

/// Each sentence, under a headline that names no topic, gives `slug`.
fn each_gives(slug: &str, sentences: &[&str]) {
    for sentence in sentences {
        let topics = topics_of(&format!("Plant news\n2025-06-09\n{sentence}"));
        assert!(has(&topics, slug), "{sentence}: {topics:?}");
    }
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
    each_gives(
        "workforce-training",
        &[
            "The province will foster 800 skilled manpower a year for its cathode makers.",
            "The plan is to supply 1,500 talented workers to anode and separator plants each year.",
            "A shortage of battery engineers slows the new lines, so the city opens a training center.",
        ],
    );
}

/// Trade goals and the rules of subsidies are policy.
#[test]
fn export_goals_and_subsidy_rules_are_policy() {
    each_gives(
        "policy-regulation",
        &[
            "The trade ministry raised its export target for rechargeable cells to 40 percent of shipments.",
            "New local content requirements decide which cathodes qualify for the credit.",
        ],
    );
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
    each_gives(
        "policy-regulation",
        &[
            "Villagers asked a judge to void the cathode plant's environmental permit.",
            "The agency will cut annual mining quotas for limonite ore next year.",
            "Operators of rooftop storage units must follow new safety standards from July.",
        ],
    );
    let topics = topics_of(
        "Cell plant staff\n2025-06-09\nTwo community colleges will teach technicians to run the cell lines.",
    );
    assert!(has(&topics, "workforce-training"), "{topics:?}");
}

/// A money amount tells investment-funding only beside a funding word or a
/// verb that moves money: sales, losses and prices in won are no funding.
#[test]
fn an_amount_alone_is_no_funding() {
    let topics = topics_of(
        "Cathode maker posts record sales\n2025-02-03\nThe cathode maker's sales rose to 5 trillion won last year, and its operating loss narrowed to 41 billion won in the fourth quarter.",
    );
    assert!(!has(&topics, "investment-funding"), "{topics:?}");
    each_gives(
        "investment-funding",
        &[
            "The education ministry will provide 6 billion won over five years to the battery academy.",
            "The recycler will contribute 24 billion won to the first phase of the plant.",
        ],
    );
}

/// The supply chain in the words Korean and trade-press reports use for it
/// when they do not say "supply chain": localisation, in-house production,
/// dependence on one country's materials.
#[test]
fn supply_chain_in_other_words() {
    each_gives(
        "supply-chain",
        &[
            "정부는 음극재와 전해액 등 핵심 소재의 국산화를 서두르기로 했다.",
            "회사는 전구체 내재화를 통해 원가를 낮출 계획이다.",
            "Automakers want to cut their reliance on Chinese graphite before the new tariffs apply.",
        ],
    );
}
