//! Organizations, people and figures found by general patterns of
//! language, on the repository's own registries, in articles written for
//! these tests (never seed or devset text).

use super::Site;
use briefing::content::front_matter::ArticleFrontMatter;

fn ingest(seed: &str) -> ArticleFrontMatter {
    let site = Site::with_registries();
    site.seed("a.txt", seed);
    site.ingest();
    site.only_article().0
}

/// A registry company followed by a country or region is its subsidiary
/// there, another body; followed by a city it is the company at a plant;
/// in a person's role it is a unit, not a body of the story.
#[test]
fn a_company_with_a_region_after_its_name_is_its_subsidiary() {
    let front = ingest(
        "Cell deal\n2025-04-02\nThe cells go to Hyundai Motor America under a deal signed in Seoul.",
    );
    assert!(
        front
            .organizations
            .iter()
            .any(|o| o == "hyundai-motor-america"),
        "{:?}",
        front.organizations
    );
    assert!(!front
        .organizations
        .iter()
        .any(|o| o == "hyundai-motor-company"));
    let front = ingest(
        "Cell deal\n2025-04-02\nSamsung SDI Ulsan plant will supply the cells, said Jane Roe, head of Samsung SDI Europe.",
    );
    assert_eq!(
        front.organizations,
        ["samsung-sdi"],
        "{:?}",
        front.organizations
    );
}

/// "Gov. Jane Roe": an abbreviated title before a name marks a person,
/// and the place before it is no person.
#[test]
fn an_abbreviated_title_marks_a_person() {
    let front = ingest(
        "Plant grows\n2025-04-02\nA cathode maker will expand its plant in Hardin County, Gov. Lena Marsh announced Tuesday.",
    );
    let names: Vec<&str> = front.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Lena Marsh"]);
}

/// Counted things beyond people and jobs: sites, plants, stations, projects.
#[test]
fn counts_of_sites_plants_and_projects_are_figures() {
    let front = ingest(
        "Checks\n2025-04-02\nInspectors will visit about 700 existing sites and 40 charging stations, and fund 12 projects.",
    );
    let units: Vec<(&str, f64)> = front
        .figures
        .iter()
        .map(|f| (f.unit.as_str(), f.value))
        .collect();
    for expected in [("sites", 700.0), ("stations", 40.0), ("projects", 12.0)] {
        assert!(units.contains(&expected), "{expected:?} in {units:?}");
    }
}

/// The registry knows suppliers, recyclers, agencies and universities
/// across the trade's countries, with Korean names where Korean press
/// uses them; a registry name that is also a common word ("stem", "mol",
/// "continental") is not matched as that word.
#[test]
fn the_registry_knows_the_trades_bodies_and_not_common_words() {
    let front = ingest(
        "Supplier talks\n2025-04-02\nCelgard and Hanon Systems met the Consumer Product Safety Commission, while Paul Scherrer Institute staff toured Keio University labs.",
    );
    assert_eq!(
        front.organizations,
        [
            "celgard",
            "hanon-systems",
            "cpsc",
            "paul-scherrer-institute",
            "keio-university"
        ],
    );
    let front = ingest(
        "소비자 안전\n2025-04-02\n한국소비자원은 단국대학교 연구팀과 배터리 화재를 조사했다.",
    );
    assert_eq!(
        front.organizations,
        ["korea-consumer-agency", "dankook-university"]
    );
    let front = ingest(
        "Cells\n2025-04-02\nThe continental market grew as 2 mol of salt went into each stem of the cell design.",
    );
    assert!(front.organizations.is_empty(), "{:?}", front.organizations);
}

/// A local government acts under its division's name: "Bartow County
/// approved", "유성구는 … 밝혔다"; named as a place only, it is a place.
/// (Korea's cities and counties are all in the registry, so the Korean
/// case uses an autonomous district, which it leaves to this rule.)
#[test]
fn a_local_government_acting_under_its_divisions_name() {
    let front = ingest(
        "County acts\n2025-06-09\nBartow County approved the tax breaks on Monday, and Guilford County hosts the plant.",
    );
    assert_eq!(front.organizations, ["bartow-county"]);
    let front = ingest(
        "화재 조사\n2025-06-09\n유성구는 발전소 ESS 화재 원인을 조사하고 있다고 9일 밝혔다. 공장은 유성구에 있다.",
    );
    assert_eq!(front.organizations, ["yuseonggu"]);
}
