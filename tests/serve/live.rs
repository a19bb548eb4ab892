//! Live reload through the real watcher: edit files on disk, receive the
//! events a page would, fetch what the page would fetch.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use super::client::{get, Events};
use super::site::{article_path, new_cell, wait_for, TestSite};

/// Generous: a loaded 2-core machine may be slow; waits end as soon as the
/// event arrives.
const LIMIT: Duration = Duration::from_secs(20);

/// An event stream, past its greeting.
fn listen(addr: SocketAddr) -> Events {
    let mut events = Events::connect(addr);
    let (name, data) = events.next(LIMIT).expect("greeting");
    assert_eq!(name, "hello", "{data}");
    events
}

/// Whether `path` comes to answer with `status` within `LIMIT`.
fn answers(addr: SocketAddr, path: &str, status: u16) -> bool {
    wait_for(LIMIT, || (get(addr, path).status == status).then_some(())).is_some()
}

#[test]
fn saving_an_article_sends_reload_with_the_new_page() {
    let site = TestSite::new();
    let server = site.serve();
    let addr = server.addr();
    let mut events = listen(addr);
    let forum = article_path("2023-06-02", "kistep-forum");
    let saved = Instant::now();
    site.save_atomically(
        &forum,
        &site
            .read(&forum)
            .replace("The body of", "Freshly saved body of"),
    );
    let data = events.wait("reload", LIMIT).expect("reload event");
    let latency = saved.elapsed();
    let json: serde_json::Value = serde_json::from_str(&data).unwrap();
    let changed: Vec<&str> = json["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        changed.contains(&"articles/kistep-forum/index.html"),
        "{changed:?}"
    );
    assert!(json["build"].as_u64().unwrap() >= 1);
    eprintln!(
        "save → reload event: {latency:?} (server-side {} ms)",
        json["elapsed_ms"]
    );
    let page = get(addr, "/articles/kistep-forum/").text();
    assert!(page.contains("Freshly saved body of"));
    server.stop();
}

#[test]
fn swap_and_backup_files_are_ignored() {
    let site = TestSite::new();
    let server = site.serve();
    let mut events = listen(server.addr());
    // Broken on purpose: were any of them read, a `failed` event would come.
    for name in [".x.md.swp", "x.md~", "#x.md#", ".#x.md", "4913", "x.md.tmp"] {
        site.write(
            &format!("content/articles/{name}"),
            "---\ntitle: [broken\n---\n",
        );
    }
    let forum = article_path("2023-06-02", "kistep-forum");
    site.replace(&forum, "The body of", "After droppings,");
    let (name, data) = events.next(LIMIT).expect("an event");
    assert_eq!(name, "reload", "{data}");
    server.stop();
}

#[test]
fn new_renamed_and_deleted_articles_are_picked_up() {
    let site = TestSite::new();
    let server = site.serve();
    let addr = server.addr();
    let mut events = listen(addr);
    let (fresh, text) = new_cell();
    site.write(&fresh, &text);
    events
        .wait("reload", LIMIT)
        .expect("reload after a new file");
    assert_eq!(get(addr, "/articles/new-cell/").status, 200);
    let renamed = article_path("2025-01-01", "newer-cell");
    std::fs::rename(site.path(&fresh), site.path(&renamed)).unwrap();
    assert!(
        answers(addr, "/articles/new-cell/", 404),
        "the old slug is gone"
    );
    assert_eq!(get(addr, "/articles/newer-cell/").status, 200);
    site.remove(&renamed);
    assert!(
        answers(addr, "/articles/newer-cell/", 404),
        "a deleted article is gone"
    );
    server.stop();
}

#[test]
fn a_failed_rebuild_shows_errors_then_recovers() {
    let site = TestSite::new();
    let server = site.serve();
    let addr = server.addr();
    let mut events = listen(addr);
    let forum = article_path("2023-06-02", "kistep-forum");
    let good = site.read(&forum);
    site.write(&forum, &good.replace("---\n\n", "oops: [\n---\n\n"));
    let data = events.wait("failed", LIMIT).expect("failed event");
    let json: serde_json::Value = serde_json::from_str(&data).unwrap();
    let text = json["text"].as_str().unwrap();
    assert!(text.contains("2023-06-02-kistep-forum.md"), "{text}");
    let page = get(addr, "/articles/kistep-forum/");
    assert_eq!(page.status, 200, "the last good page is still served");
    assert!(page.text().contains("The body of"));
    // A page opened now learns about the failure at once.
    let mut late = Events::connect(addr);
    assert_eq!(late.next(LIMIT).expect("greeting").0, "failed");
    site.write(&forum, &good.replace("The body of", "Recovered body of"));
    events.wait("reload", LIMIT).expect("reload after the fix");
    assert!(get(addr, "/articles/kistep-forum/")
        .text()
        .contains("Recovered body of"));
    server.stop();
}

#[test]
fn a_stylesheet_change_sends_css() {
    let site = TestSite::new();
    let server = site.serve();
    let mut events = listen(server.addr());
    let css = "themes/default/static/css/style.css";
    site.write(css, &format!("{}\n.x {{ color: red; }}\n", site.read(css)));
    let (name, data) = events.next(LIMIT).expect("an event");
    assert_eq!(name, "css", "{data}");
    server.stop();
}

#[test]
fn ctrl_c_stops_cleanly_and_leaves_no_files() {
    let site = TestSite::new();
    let listing = |root: &Path| -> Vec<std::path::PathBuf> {
        let mut all: Vec<_> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .collect();
        all.sort();
        all
    };
    let before = listing(site.root.parent().unwrap());
    let mut serve = Process::start(&site.root);
    let addr = serve.addr;
    assert_eq!(get(addr, "/").status, 200);
    let _events = Events::connect(addr); // an open stream must not block the stop
    Command::new("kill")
        .args(["-INT", &serve.child.id().to_string()])
        .status()
        .unwrap();
    let status =
        wait_for(LIMIT, || serve.child.try_wait().unwrap()).expect("serve stops on Ctrl-C");
    assert!(status.success(), "{status:?}");
    assert_eq!(
        listing(site.root.parent().unwrap()),
        before,
        "no files left behind"
    );
}

/// `briefing serve` as a child process, for what it prints: stderr is read
/// on a thread, so every wait for a line has a deadline.
struct Process {
    child: Child,
    lines: Receiver<String>,
    addr: SocketAddr,
}

impl Process {
    fn start(root: &Path) -> Process {
        let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stderr(Stdio::piped())
            .spawn()
            .expect("briefing runs");
        let stderr = child.stderr.take().expect("stderr");
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut process = Process {
            child,
            lines,
            addr: ([127, 0, 0, 1], 0).into(),
        };
        let serving = process
            .line(LIMIT, |l| l.starts_with("serving "))
            .expect("serve prints its URL");
        let url = serving["serving ".len()..].split_whitespace().next();
        process.addr = url
            .expect("a URL")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .expect("an address");
        process
    }

    /// The next stderr line that `wanted` accepts, within `limit`.
    fn line(&self, limit: Duration, wanted: impl Fn(&str) -> bool) -> Option<String> {
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let line = self.lines.recv_timeout(left).ok()?;
            if wanted(line.trim()) {
                return Some(line.trim().to_string());
            }
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        // Already stopped in the Ctrl-C test; otherwise a failing test must
        // not leave a server running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_new_seed_is_ingested_into_an_article() {
    let site = TestSite::new();
    std::fs::create_dir_all(site.path("seeds")).unwrap();
    let serve = Process::start(&site.root);
    let mut events = listen(serve.addr);
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    let seed = site.path("seeds").join(&names[0]);
    std::fs::copy(seeds.join(&names[0]), &seed).unwrap();
    let ingested = serve
        .line(LIMIT, |l| l.starts_with("ingested "))
        .expect("serve reports the ingested seed");
    let article = ingested.split(" → ").nth(1).expect("the article's path");
    let (name, data) = events.next(LIMIT).expect("an event for the new article");
    assert_eq!(name, "reload", "{data}");
    let slug = briefing::content::article::slug_from_path(Path::new(article));
    assert_eq!(get(serve.addr, &format!("/articles/{slug}/")).status, 200);

    // A hand edit survives the seed being saved again.
    let edited = format!("{}\nA person's note.\n", site.read(article));
    site.write(article, &edited);
    events.wait("reload", LIMIT).expect("reload after the edit");
    std::fs::write(&seed, std::fs::read(&seed).unwrap()).unwrap();
    let kept = serve.line(LIMIT, |l| l.starts_with("kept "));
    assert_eq!(
        kept.as_deref(),
        Some(&*format!(
            "kept {article}: a person edited it (`briefing ingest --accept` keeps the edits for good; `briefing ingest --force` regenerates it, discarding them)"
        ))
    );
    assert_eq!(site.read(article), edited, "the edit is untouched");
}
