//! The serve benchmark: time from saving an article to the reload event.
//!
//! Starts `briefing serve` on a free loopback port over the build corpus,
//! subscribes to its live-reload event stream (server-sent events), appends
//! a sentence to one article (a body edit) and measures until the reload
//! event arrives, then does the same for a title edit (which changes the
//! lists and entity pages that show the article), then adds an article,
//! renames its file and deletes it; then reads the server's memory from
//! `/proc/<pid>/status`. Before each edit it waits until the server is idle
//! (what the previous edit started after its reload event, the search
//! index, has finished), so each figure is one edit's own cost; the wait is
//! printed. Skips with a message when the binary has no `serve` command yet.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use super::measure::{self, Row};

/// Where the server publishes reload events.
const EVENTS_PATH: &str = "/__briefing/events";
/// How long the first build may take before we give up.
const STARTUP: Duration = Duration::from_secs(900);
/// How long one edit may take to produce a reload event (an edit that
/// re-renders every page takes minutes at 100,000 articles on a loaded
/// machine).
const PER_EDIT: Duration = Duration::from_secs(1800);
/// How long to wait for the server to become idle before an edit.
const SETTLE: Duration = Duration::from_secs(1800);
/// How many times each of add, rename and delete is timed at most: a
/// third of `--runs` (at least once), as each can re-render the whole site.
const STRUCTURE_RUNS: usize = 3;

/// Run the serve benchmark at `size` articles.
pub(crate) fn bench(
    dir: &Path,
    size: usize,
    runs: usize,
    binary: &str,
    site: Option<&Path>,
) -> Result<Vec<Row>, String> {
    let help = Command::new(binary).args(["serve", "--help"]).output();
    if !help.is_ok_and(|o| o.status.success()) {
        eprintln!("serve: `briefing serve` is not available in this build; skipped");
        return Ok(Vec::new());
    }
    let root = site.map_or_else(|| dir.join(format!("articles-{size}")), Path::to_path_buf);
    if site.is_none() && !root.join("content/articles").is_dir() {
        super::prepare(
            dir,
            &format!("articles-{size}"),
            &super::corpus::Options::articles(size),
        )?;
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let log = dir.join(format!("logs/serve-{size}.log"));
    fs::create_dir_all(dir.join("logs")).map_err(|e| e.to_string())?;
    let log_file = fs::File::create(&log).map_err(|e| e.to_string())?;
    let child = Command::new(binary)
        .args([
            "serve",
            "--root",
            &root.to_string_lossy(),
            "--port",
            &port.to_string(),
        ])
        .stdin(Stdio::null())
        .stdout(log_file.try_clone().map_err(|e| e.to_string())?)
        .stderr(log_file)
        .spawn()
        .map_err(|e| format!("cannot start serve: {e}"))?;
    let mut server = Server(child);
    let pid = server.0.id();
    let result = measure_edits(&root, port, runs, &mut server, pid);
    let rss = status_kib(server.0.id(), "VmRSS:");
    let peak = status_kib(server.0.id(), "VmHWM:");
    drop(server);
    let (mut edits, startup) = result.map_err(|e| format!("{e} (log: {})", log.display()))?;
    let note = format!(
        "first build {:.1} s; {} MiB resident after the edits",
        startup.as_secs_f64(),
        rss / 1024
    );
    let articles = measure::thousands(size);
    Ok(vec![
        Row::latency(
            format!("{articles} articles: save → reload event"),
            &mut edits.body,
            &mut edits.body_cpu,
            peak,
            &note,
        ),
        Row::latency(
            format!("{articles} articles: title edit → reload event"),
            &mut edits.title,
            &mut edits.title_cpu,
            peak,
            &note,
        ),
        Row::latency(
            format!("{articles} articles: add an article → reload event"),
            &mut edits.add,
            &mut edits.add_cpu,
            peak,
            &note,
        ),
        Row::latency(
            format!("{articles} articles: rename an article's file → reload event"),
            &mut edits.rename,
            &mut edits.rename_cpu,
            peak,
            &note,
        ),
        Row::latency(
            format!("{articles} articles: delete an article → reload event"),
            &mut edits.delete,
            &mut edits.delete_cpu,
            peak,
            &note,
        ),
    ])
}

/// Save → reload latencies of each kind of edit, and the server's CPU
/// time over the same span (on a loaded machine the wall time measures the
/// other work as much as the server's).
struct Edits {
    body: Vec<Duration>,
    body_cpu: Vec<Duration>,
    title: Vec<Duration>,
    title_cpu: Vec<Duration>,
    add: Vec<Duration>,
    add_cpu: Vec<Duration>,
    rename: Vec<Duration>,
    rename_cpu: Vec<Duration>,
    delete: Vec<Duration>,
    delete_cpu: Vec<Duration>,
}

/// Kills the server when dropped, so an early return never leaks it.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn measure_edits(
    root: &Path,
    port: u16,
    runs: usize,
    server: &mut Server,
    pid: u32,
) -> Result<(Edits, Duration), String> {
    let start = Instant::now();
    let events = loop {
        if let Ok(Some(status)) = server.0.try_wait() {
            return Err(format!("serve exited early with {status}"));
        }
        if start.elapsed() > STARTUP {
            return Err("serve did not answer in time".into());
        }
        match subscribe(port) {
            Ok(events) => break events,
            Err(_) => thread::sleep(Duration::from_millis(100)),
        }
    };
    wait_for(&events, &["hello", "reload"], STARTUP)?;
    let startup = start.elapsed();
    let articles = super::check::files(&root.join("content/articles"));
    let (body, body_cpu) = timed_edits(&events, &articles, (runs, pid), 0, |text, i| {
        format!("{text}\nThe benchmark appended this sentence (edit {i}).\n")
    })?;
    let (title, title_cpu) = timed_edits(&events, &articles, (runs, pid), 48, |text, i| {
        retitled(text, &format!("Edited {i}"))
    })?;
    let mut edits = Edits {
        body,
        body_cpu,
        title,
        title_cpu,
        add: Vec::new(),
        add_cpu: Vec::new(),
        rename: Vec::new(),
        rename_cpu: Vec::new(),
        delete: Vec::new(),
        delete_cpu: Vec::new(),
    };
    let structure = runs.div_ceil(3).clamp(1, STRUCTURE_RUNS);
    structure_edits(&events, root, &articles, (structure, pid), &mut edits)?;
    Ok((edits, startup))
}

/// Add an article (a copy of another under a new file name and title),
/// rename its file (a new slug) and delete it, `runs` times,
/// each timed from the file operation to the reload event. The site ends
/// as it began.
fn structure_edits(
    events: &Receiver<(Instant, String)>,
    root: &Path,
    articles: &[PathBuf],
    (runs, pid): (usize, u32),
    edits: &mut Edits,
) -> Result<(), String> {
    let folder = root.join("content/articles");
    for (i, model) in articles.iter().skip(24).step_by(97).take(runs).enumerate() {
        let text = fs::read_to_string(model).map_err(|e| e.to_string())?;
        let text = retitled(text, &format!("Added {i}"));
        let added = folder.join(format!("bench-added-{i}.md"));
        let renamed = folder.join(format!("bench-renamed-{i}.md"));
        let add = timed(events, pid, &format!("add {i}"), || {
            fs::write(&added, &text)
        })?;
        edits.add.push(add.0);
        edits.add_cpu.push(add.1);
        let rename = || fs::rename(&added, &renamed);
        let rename = timed(events, pid, &format!("rename {i}"), rename)?;
        edits.rename.push(rename.0);
        edits.rename_cpu.push(rename.1);
        let delete = || fs::remove_file(&renamed);
        let delete = timed(events, pid, &format!("delete {i}"), delete)?;
        edits.delete.push(delete.0);
        edits.delete_cpu.push(delete.1);
    }
    Ok(())
}

/// `text` with `prefix` put at the start of its title.
fn retitled(mut text: String, prefix: &str) -> String {
    // After `title: ` and its opening quote, if any.
    if let Some(at) = text.find("title: ") {
        let at = at + "title: ".len();
        let at = at + usize::from(text[at..].starts_with(['"', '\'']));
        text.insert_str(at, &format!("{prefix} "));
    }
    text
}

/// One warm-up edit, then `runs` measured ones, each on another article
/// (every 97th from `offset`): the time from saving the file to the
/// reload event, and the CPU time the server (`pid`) spent meanwhile.
fn timed_edits(
    events: &Receiver<(Instant, String)>,
    articles: &[PathBuf],
    (runs, pid): (usize, u32),
    offset: usize,
    edit: impl Fn(String, usize) -> String,
) -> Result<(Vec<Duration>, Vec<Duration>), String> {
    let mut latencies = Vec::new();
    let mut cpu = Vec::new();
    for (i, article) in articles
        .iter()
        .skip(offset)
        .step_by(97)
        .take(runs.max(1) + 1)
        .enumerate()
    {
        let text = fs::read_to_string(article).map_err(|e| e.to_string())?;
        let text = edit(text, i);
        let save = || fs::write(article, text);
        let (latency, spent) = timed(events, pid, &format!("edit {i}"), save)?;
        if i > 0 {
            latencies.push(latency);
            cpu.push(spent);
        }
    }
    Ok((latencies, cpu))
}

/// Wait until the server is idle, do `step`, and wait for the reload
/// event: the time from the step to the event, and the server's CPU time
/// meanwhile. Prints both, with the wait and the machine's load.
fn timed(
    events: &Receiver<(Instant, String)>,
    pid: u32,
    name: &str,
    step: impl FnOnce() -> std::io::Result<()>,
) -> Result<(Duration, Duration), String> {
    let (waited, busy) = settle(pid);
    while events.try_recv().is_ok() {}
    let cpu_before = cpu_time(pid);
    let started = Instant::now();
    step().map_err(|e| format!("{name}: {e}"))?;
    let (arrived, data) = wait_for(events, &["reload"], PER_EDIT)?;
    let latency = arrived.saturating_duration_since(started);
    let spent = cpu_time(pid).saturating_sub(cpu_before);
    eprintln!(
        "  {name}: reload event after {} ms (server: {} ms, {} ms CPU, {} pages changed; load {}; \
         idle {:.1} s after the previous edit's event, {:.1} s CPU)",
        latency.as_millis(),
        field(&data, "elapsed_ms").map_or("?".into(), |v| format!("{v:.0}")),
        spent.as_millis(),
        field(&data, "changed_count").map_or("?".into(), |v| v.to_string()),
        fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split(' ')
            .next()
            .unwrap_or("?"),
        waited.as_secs_f64(),
        busy.as_secs_f64(),
    );
    Ok((latency, spent))
}

/// Wait until the server (`pid`) is idle: two quarter-seconds in a row in
/// which it used under 5 ms of CPU (a runnable thread gets more than that
/// even at a load of 30 on 2 cores). Gives back the time waited and the
/// CPU it used meanwhile.
fn settle(pid: u32) -> (Duration, Duration) {
    let start = Instant::now();
    let cpu_start = cpu_time(pid);
    let mut quiet = 0;
    while quiet < 2 && start.elapsed() < SETTLE {
        let before = cpu_time(pid);
        thread::sleep(Duration::from_millis(250));
        let spent = cpu_time(pid).saturating_sub(before);
        quiet = if spent < Duration::from_millis(5) {
            quiet + 1
        } else {
            0
        };
    }
    (start.elapsed(), cpu_time(pid).saturating_sub(cpu_start))
}

/// CPU time of every thread of process `pid` so far, from
/// `/proc/<pid>/task/*/schedstat` (nanoseconds; zero where unavailable).
fn cpu_time(pid: u32) -> Duration {
    let Ok(tasks) = fs::read_dir(format!("/proc/{pid}/task")) else {
        return Duration::ZERO;
    };
    let nanos: u64 = tasks
        .flatten()
        .filter_map(|task| fs::read_to_string(task.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    Duration::from_nanos(nanos)
}

/// Open the event stream; lines arrive on the channel with their time.
fn subscribe(port: u16) -> Result<Receiver<(Instant, String)>, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut reader = BufReader::new(stream);
    let mut status = String::new();
    reader.read_line(&mut status).map_err(|e| e.to_string())?;
    if !status.contains(" 200") {
        return Err(format!("event stream answered {}", status.trim()));
    }
    let (send, receive) = mpsc::channel();
    thread::spawn(move || {
        for line in reader.lines() {
            let Ok(line) = line else { break };
            if send.send((Instant::now(), line)).is_err() {
                break;
            }
        }
    });
    Ok(receive)
}

/// Wait for an event of one of `kinds`; its arrival time and `data` line.
fn wait_for(
    events: &Receiver<(Instant, String)>,
    kinds: &[&str],
    within: Duration,
) -> Result<(Instant, String), String> {
    let deadline = Instant::now() + within;
    let mut current: Option<(Instant, String)> = None;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let (at, line) = events.recv_timeout(left).map_err(|err| match err {
            mpsc::RecvTimeoutError::Timeout => {
                format!("no {} event in {} s", kinds.join("/"), within.as_secs())
            }
            // Killed (out of memory, say) or crashed: its log tells.
            mpsc::RecvTimeoutError::Disconnected => "the event stream closed: serve exited".into(),
        })?;
        if let Some(kind) = line.strip_prefix("event:") {
            current = Some((at, kind.trim().to_string()));
        } else if let Some(data) = line.strip_prefix("data:") {
            if let Some((at, kind)) = current.take() {
                if kind == "failed" {
                    return Err(format!("the rebuild failed: {}", data.trim()));
                }
                if kinds.contains(&kind.as_str()) {
                    return Ok((at, data.trim().to_string()));
                }
            }
        }
    }
}

/// A number field of the event's JSON data, found without a JSON parser.
fn field(data: &str, name: &str) -> Option<f64> {
    let key = format!("\"{name}\":");
    let rest = &data[data.find(&key)? + key.len()..];
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    rest[..end].trim().parse().ok()
}

/// A `Vm…:` figure of `/proc/<pid>/status`, in KiB.
fn status_kib(pid: u32, key: &str) -> u64 {
    fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}
