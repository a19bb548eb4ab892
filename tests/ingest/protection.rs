//! Contributors' work is safe: edited and hand-written articles are never
//! overwritten without `--force`; runs are deterministic; a dry run writes
//! nothing.

use super::Site;

const SEED: &str =
    "Plant opens in the north\nDate2024-05-01\nThe ministry opened a battery plant on Monday.\n";
const OTHER: &str =
    "Cell prices fall again\nDate2024-05-02\nPrices of battery cells fell for a third month.\n";

fn site() -> Site {
    let site = Site::new();
    site.seed("a.txt", SEED);
    site.seed("b.txt", OTHER);
    site
}

#[test]
fn an_edited_article_is_skipped_until_forced() {
    let site = site();
    let first = site.ingest();
    assert_eq!(first.written.len(), 2);
    let path = site.path(first.written[0].to_str().unwrap());
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Monday", "Tuesday");
    std::fs::write(&path, &edited).unwrap();

    let second = site.ingest();
    assert_eq!(second.skipped_edited, [first.written[0].clone()]);
    assert_eq!(second.unchanged, [first.written[1].clone()]);
    assert!(second.written.is_empty());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "the edit survives byte for byte"
    );
    let warning = second
        .diagnostics
        .iter()
        .find(|d| d.code == "ingest/edited")
        .expect("a warning");
    assert!(warning.help.as_deref().unwrap().contains("--force"));

    let forced = site.ingest_with(true, false);
    assert_eq!(forced.written, [first.written[0].clone()]);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Monday"));
    assert!(
        site.ingest().skipped_edited.is_empty(),
        "forced output is recorded as ingest's own"
    );
}

#[test]
fn a_hand_written_file_with_the_same_name_is_left_alone() {
    let site = site();
    let path = site.path("content/articles/2024-05-01-plant-opens-north.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "hand-written").unwrap();
    let report = site.ingest();
    assert_eq!(report.skipped_edited.len(), 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "hand-written");
}

#[test]
fn a_deleted_article_is_regenerated() {
    let site = site();
    let first = site.ingest();
    std::fs::remove_file(site.path(first.written[0].to_str().unwrap())).unwrap();
    let second = site.ingest();
    assert_eq!(second.written, [first.written[0].clone()]);
}

#[test]
fn runs_are_deterministic() {
    let one = site();
    let two = site();
    one.ingest();
    two.ingest();
    assert_eq!(one.articles(), two.articles());
    let lock = |s: &Site| std::fs::read(s.path("content/articles/.ingest.lock")).unwrap();
    assert_eq!(lock(&one), lock(&two));
    let before = one.articles();
    let again = one.ingest();
    assert_eq!(again.unchanged.len(), 2);
    assert_eq!(one.articles(), before);
}

#[test]
fn a_dry_run_writes_nothing() {
    let site = site();
    let report = site.ingest_with(false, true);
    assert_eq!(report.written.len(), 2);
    assert!(!site.path("content").exists());
}

#[test]
fn no_temporary_files_are_left_behind() {
    let site = site();
    site.ingest();
    let names: Vec<String> = std::fs::read_dir(site.path("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".md") || n == ".ingest.lock"),
        "{names:?}"
    );
}

#[test]
fn a_renamed_article_replaces_its_untouched_old_file() {
    let site = site();
    let first = site.ingest();
    site.seed(
        "a.txt",
        SEED.replace("Plant opens in the north", "Plant opens in the far north"),
    );
    let second = site.ingest();
    assert_eq!(second.written.len(), 1);
    assert!(
        !site.path(first.written[0].to_str().unwrap()).exists(),
        "old file retired"
    );
    assert_eq!(site.articles().len(), 2);
}

#[test]
fn a_renamed_article_keeps_an_edited_old_file_and_writes_no_copy() {
    let site = site();
    let first = site.ingest();
    let old = site.path(first.written[0].to_str().unwrap());
    std::fs::write(&old, "edited by a person").unwrap();
    site.seed(
        "a.txt",
        SEED.replace("Plant opens in the north", "Plant opens in the far north"),
    );
    let second = site.ingest();
    assert_eq!(second.skipped_edited, [first.written[0].clone()]);
    assert!(second.written.is_empty());
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "edited by a person");
    assert_eq!(site.articles().len(), 2);
}

#[test]
fn a_seed_ingested_alone_keeps_the_name_a_full_run_gave_it() {
    let site = Site::new();
    site.seed("a.txt", SEED);
    site.seed("b.txt", SEED.replace("on Monday", "on Friday"));
    let full = site.ingest();
    let second = "content/articles/2024-05-01-plant-opens-north-2.md";
    assert_eq!(full.written[1].to_str(), Some(second));
    site.seed("b.txt", SEED.replace("on Monday", "on Sunday"));
    let options = briefing::ingest::IngestOptions {
        root: site.root().to_path_buf(),
        force: false,
        dry_run: false,
        propose: false,
    };
    let alone = briefing::ingest::run_seeds(&options, &["seeds/b.txt".into()]);
    assert!(alone.skipped_edited.is_empty(), "{:?}", alone.diagnostics);
    assert_eq!(alone.written, [std::path::PathBuf::from(second)]);
    assert!(std::fs::read_to_string(site.path(second))
        .unwrap()
        .contains("Sunday"));
    assert!(
        std::fs::read_to_string(site.path(full.written[0].to_str().unwrap()))
            .unwrap()
            .contains("Monday")
    );
    assert!(site.ingest().written.is_empty(), "a full run agrees");
}
