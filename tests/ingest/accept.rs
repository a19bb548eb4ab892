//! Hand corrections stick: `briefing ingest --accept FILE` takes an
//! ingested article over for good, `--diff FILE` shows what regenerating
//! would change first, and no hint offers a command that discards a
//! person's work without saying so.

use super::Site;

const SEED: &str =
    "Plant opens in the north\nDate2024-05-01\nThe ministry opened a battery plant on Monday.\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn briefing(site: &Site, args: &[&str]) -> Run {
    let output = crate::common::run_in(site.root(), args);
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: crate::common::stderr(&output),
    }
}

fn codes(site: &Site) -> Vec<&'static str> {
    briefing::check::run(site.root())
        .diagnostics
        .iter()
        .filter_map(|d| ["ingest/edited"].into_iter().find(|c| *c == d.code))
        .collect()
}

/// A site with one ingested article, edited by hand.
fn edited() -> (Site, String, String) {
    let site = Site::new();
    site.seed("a.txt", SEED);
    let first = site.ingest();
    let file = first.written[0].to_string_lossy().into_owned();
    let text = std::fs::read_to_string(site.path(&file)).unwrap();
    let edited = text.replace("on Monday", "on Tuesday");
    assert_ne!(text, edited);
    std::fs::write(site.path(&file), &edited).unwrap();
    (site, file, edited)
}

#[test]
fn an_accepted_edit_is_kept_and_nothing_warns_again() {
    let (site, file, edited) = edited();
    let warned = site.ingest();
    let warning = warned
        .diagnostics
        .iter()
        .find(|d| d.code == "ingest/edited")
        .expect("the edit is warned about before it is accepted");
    let help = warning.help.as_deref().unwrap();
    assert!(
        help.contains(&format!("briefing ingest --accept {file}")),
        "{help}"
    );
    assert!(
        help.contains(&format!("briefing ingest --diff {file}")),
        "{help}"
    );
    assert!(
        help.contains("--force` regenerates it and discards the edits"),
        "{help}"
    );
    assert_eq!(codes(&site), ["ingest/edited"]);

    let accept = briefing(&site, &["ingest", "--accept", &file]);
    assert_eq!(accept.code, 0, "{}", accept.stderr);
    assert!(
        accept.stderr.contains(&format!("accepted {file}")),
        "{}",
        accept.stderr
    );
    let lock = std::fs::read_to_string(site.path("content/articles/.ingest.lock")).unwrap();
    assert!(
        lock.contains(&format!("seeds/a.txt\t{file}\taccepted")),
        "{lock}"
    );

    let again = briefing(&site, &["ingest"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(!again.stderr.contains("warning"), "{}", again.stderr);
    assert!(
        again.stderr.contains("1 accepted by a person"),
        "{}",
        again.stderr
    );
    assert!(codes(&site).is_empty(), "check is quiet too");
    // Not even --force writes an accepted article.
    let forced = briefing(&site, &["ingest", "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(std::fs::read_to_string(site.path(&file)).unwrap(), edited);
    // Deleting it hands the seed back to ingest.
    std::fs::remove_file(site.path(&file)).unwrap();
    let back = site.ingest();
    assert_eq!(back.written.len(), 1);
    assert!(std::fs::read_to_string(site.path(&file))
        .unwrap()
        .contains("on Monday"));
    assert!(site.ingest().skipped_edited.is_empty());
}

#[test]
fn diff_shows_what_regenerating_would_change_and_writes_nothing() {
    let (site, file, edited) = edited();
    let lock = std::fs::read(site.path("content/articles/.ingest.lock")).unwrap();
    let diff = briefing(&site, &["ingest", "--diff", &file]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    let changed: Vec<&str> = diff
        .stdout
        .lines()
        .filter(|l| {
            (l.starts_with('-') || l.starts_with('+'))
                && !l.starts_with("--")
                && !l.starts_with("++")
        })
        .collect();
    let (old, new): (Vec<&str>, Vec<&str>) = changed.iter().partition(|l| l.starts_with('-'));
    assert!(!old.is_empty() && old.len() == new.len(), "{}", diff.stdout);
    assert!(
        old.iter().all(|l| l.contains("on Tuesday")),
        "{}",
        diff.stdout
    );
    assert!(
        new.iter().all(|l| l.contains("on Monday")),
        "{}",
        diff.stdout
    );
    assert!(
        diff.stdout.starts_with(&format!(
            "--- {file}\n+++ {file} (regenerated from seeds/a.txt)"
        )),
        "{}",
        diff.stdout
    );
    assert_eq!(std::fs::read_to_string(site.path(&file)).unwrap(), edited);
    assert_eq!(
        std::fs::read(site.path("content/articles/.ingest.lock")).unwrap(),
        lock
    );
    // Still available once accepted; nothing to show once they agree.
    assert_eq!(briefing(&site, &["ingest", "--accept", &file]).code, 0);
    let diff = briefing(&site, &["ingest", "--diff", &file]);
    assert!(
        diff.stdout.contains("+") && diff.stdout.contains("on Monday"),
        "{}",
        diff.stdout
    );
    std::fs::remove_file(site.path(&file)).unwrap();
    assert_eq!(site.ingest().written.len(), 1);
    let same = briefing(&site, &["ingest", "--diff", &file]);
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert!(same.stdout.is_empty(), "{}", same.stdout);
    assert!(
        same.stderr.contains("would change nothing"),
        "{}",
        same.stderr
    );
}

#[test]
fn a_file_ingest_did_not_write_is_refused_and_nothing_is_recorded() {
    let (site, file, _) = edited();
    let lock = std::fs::read(site.path("content/articles/.ingest.lock")).unwrap();
    let own = "content/articles/2024-05-02-mine.md";
    let text = "---\ntitle: Mine\ndate: 2024-05-02\n---\nWritten by a person.\n";
    std::fs::write(site.path(own), text).unwrap();
    for args in [
        vec!["ingest", "--accept", &file, "--accept", own],
        vec!["ingest", "--diff", own],
        vec!["ingest", "--accept", "content/articles/missing.md"],
        vec!["ingest", "--accept", "site.yaml"],
    ] {
        let run = briefing(&site, &args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("error[ingest/not-ingested]"),
            "{}",
            run.stderr
        );
    }
    let refused = briefing(&site, &["ingest", "--accept", own]);
    assert!(
        refused.stderr.contains("was not written by ingest"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("nothing was accepted"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        std::fs::read(site.path("content/articles/.ingest.lock")).unwrap(),
        lock
    );
    assert_eq!(std::fs::read_to_string(site.path(own)).unwrap(), text);
}

/// Every hint naming `--force` says it discards the edits: a person reading
/// only the hint must not lose work by following it.
#[test]
fn no_hint_offers_force_without_saying_it_discards() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offending = Vec::new();
    for entry in walkdir::WalkDir::new(&src).into_iter().flatten() {
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = !line.trim_start().starts_with("//");
            let offers = line.contains("ingest --force") || line.contains("`--force`");
            if code && offers && !line.contains("discard") {
                offending.push(format!("{}:{}: {line}", entry.path().display(), n + 1));
            }
        }
    }
    assert!(offending.is_empty(), "{offending:#?}");
}
