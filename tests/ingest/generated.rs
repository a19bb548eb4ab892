//! Organizations beyond the registry: a name the text clearly gives as an
//! organization becomes a generated registry entry that the article links;
//! a person confirms, merges or rejects it, and ingest respects that.

use briefing::content::entity::Registries;
use briefing::diag::Severity;

use super::Site;

const SEED: &str = "Sodium line opens in Fuyang\nDate2024-05-01\n\
The Tarnwick Cell Corporation (TCC) opened a sodium-ion battery line in China on Monday.\n\
TCC said the line makes cells for storage.\n";

fn site() -> Site {
    let site = Site::with_registries();
    site.seed("a.txt", SEED);
    site
}

const ENTRY: &str = "content/organizations/tarnwick-cell-corporation.md";

#[test]
fn a_clearly_named_organization_becomes_a_linked_generated_entry() {
    let site = site();
    let report = site.ingest();
    assert_eq!(report.organizations, [std::path::PathBuf::from(ENTRY)]);
    let note = report
        .diagnostics
        .iter()
        .find(|d| d.code == "ingest/generated-organization")
        .expect("a note says what was added");
    assert_eq!(note.severity, Severity::Note);
    assert!(
        note.message.contains("`Tarnwick Cell Corporation`"),
        "{}",
        note.message
    );

    let (registries, problems) = Registries::load(site.root());
    assert!(problems.is_empty(), "{problems:?}");
    let entry = registries
        .organizations
        .iter()
        .find(|o| o.slug == "tarnwick-cell-corporation")
        .expect("the entry is in the registry");
    assert_eq!(entry.front.name, "Tarnwick Cell Corporation");
    assert_eq!(
        entry.front.aliases,
        ["TCC", "Tarnwick Cell"],
        "its acronym, and its name without the legal form"
    );
    assert_eq!(entry.front.country, "CN", "from the place in its sentence");
    let generated = entry.front.generated.as_ref().expect("marked generated");
    assert_eq!(generated.seed, "seeds/a.txt");
    assert!(generated
        .quote
        .starts_with("The Tarnwick Cell Corporation (TCC) opened"));

    let (front, _) = site.only_article();
    assert!(front
        .organizations
        .contains(&"tarnwick-cell-corporation".to_string()));
    assert!(front.suggested_organizations.is_empty());

    let again = site.ingest();
    assert!(again.written.is_empty(), "a second run changes nothing");
    assert!(again.organizations.is_empty());
}

#[test]
fn a_confirmed_entry_is_never_touched_and_a_deleted_one_stays_rejected() {
    let site = site();
    site.ingest();
    let path = site.path(ENTRY);
    let confirmed = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .take_while(|l| !l.starts_with("generated:"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n---\nA maker of sodium-ion cells.\n";
    std::fs::write(&path, &confirmed).unwrap();
    site.ingest();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), confirmed);

    std::fs::remove_file(&path).unwrap();
    let report = site.ingest();
    assert!(!path.exists(), "a deleted entry is not written again");
    assert!(report.organizations.is_empty());
    let (front, _) = site.only_article();
    assert!(!front
        .organizations
        .contains(&"tarnwick-cell-corporation".to_string()));
    assert!(
        front.suggested_organizations.is_empty(),
        "a rejected name is not suggested either"
    );
}

#[test]
fn a_dry_run_reports_the_entry_and_writes_nothing() {
    let site = site();
    let report = site.ingest_with(false, true);
    assert!(!site.path(ENTRY).exists());
    let note = report
        .diagnostics
        .iter()
        .find(|d| d.code == "ingest/generated-organization")
        .expect("the note says what ingest adds");
    assert!(note
        .message
        .contains("content/organizations/tarnwick-cell-corporation.md"));
    assert_eq!(note.line_col(), (3, 5), "at the name in the seed");
}
