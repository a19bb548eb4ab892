//! Real-browser test: headless Chromium driven through chromedriver's W3C
//! WebDriver HTTP API (a tiny blocking client below). Open an article, edit
//! its Markdown on disk, see the new text without reloading by hand; break
//! its front matter, see the overlay; fix it, see the page again.
//!
//! Skips with a loud message when chromedriver is missing, unless
//! `BRIEFING_REQUIRE_BROWSER=1` (CI), where a missing browser fails.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use super::site::{article_path, wait_for, TestSite};

pub(crate) const LIMIT: Duration = Duration::from_secs(30);

fn find(name: &str, fallback: &str) -> Option<PathBuf> {
    let fixed = PathBuf::from(fallback);
    if fixed.is_file() {
        return Some(fixed);
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// chromedriver and chromium, or `None` after saying loudly why not.
pub(crate) fn browser() -> Option<(PathBuf, PathBuf)> {
    let driver = find("chromedriver", "/usr/bin/chromedriver");
    let chromium = find("chromium", "/usr/bin/chromium");
    match (driver, chromium) {
        (Some(d), Some(c)) => Some((d, c)),
        _ => {
            let message = "chromedriver or chromium not found: the real-browser serve test \
                           did NOT run (install Debian's chromium and chromium-driver)";
            if std::env::var("BRIEFING_REQUIRE_BROWSER").as_deref() == Ok("1") {
                panic!("{message}; BRIEFING_REQUIRE_BROWSER=1 makes this an error");
            }
            eprintln!("\n!!!!!!!!!!!!!!!!!!!!\n!!! SKIPPED: {message}\n!!!!!!!!!!!!!!!!!!!!\n");
            None
        }
    }
}

/// A chromedriver we started, with one session; both end on drop.
pub(crate) struct Driver {
    process: Child,
    addr: SocketAddr,
    session: String,
    _profile: tempfile::TempDir,
}

impl Driver {
    pub(crate) fn start(driver: &PathBuf, chromium: &PathBuf) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let process = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        let mut driver = Driver {
            process,
            addr,
            session: String::new(),
            _profile: tempfile::tempdir().expect("profile dir"),
        };
        let ready = wait_for(LIMIT, || {
            let status = call(addr, "GET", "/status", None).ok()?;
            status["value"]["ready"].as_bool().filter(|r| *r)
        });
        assert!(ready.is_some(), "chromedriver did not become ready");
        let profile = driver._profile.path().display().to_string();
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", format!("--user-data-dir={profile}")]
            }
        }}});
        let created = call(addr, "POST", "/session", Some(&capabilities)).expect("new session");
        driver.session = created["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        driver
    }

    pub(crate) fn go(&self, url: &str) {
        let path = format!("/session/{}/url", self.session);
        call(self.addr, "POST", &path, Some(&json!({ "url": url }))).expect("navigate");
    }

    pub(crate) fn script(&self, script: &str) -> Value {
        let path = format!("/session/{}/execute/sync", self.session);
        let body = json!({ "script": script, "args": [] });
        call(self.addr, "POST", &path, Some(&body)).map_or(Value::Null, |v| v["value"].clone())
    }

    pub(crate) fn text(&self) -> String {
        self.script("return document.body ? document.body.innerText : '';")
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// The first element matching a CSS selector, as WebDriver names it.
    pub(crate) fn element(&self, css: &str) -> Option<String> {
        let path = format!("/session/{}/element", self.session);
        let body = json!({ "using": "css selector", "value": css });
        let found = call(self.addr, "POST", &path, Some(&body)).ok()?;
        found["value"]["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .map(str::to_string)
    }

    /// Click an element the way a person does (it must be visible).
    pub(crate) fn click(&self, element: &str) {
        let path = format!("/session/{}/element/{element}/click", self.session);
        call(self.addr, "POST", &path, Some(&json!({}))).expect("click");
    }

    /// Type `text` into an element, key by key.
    pub(crate) fn type_into(&self, element: &str, text: &str) {
        let path = format!("/session/{}/element/{element}/value", self.session);
        call(self.addr, "POST", &path, Some(&json!({ "text": text }))).expect("type");
    }

    /// Empty a text field.
    pub(crate) fn clear(&self, element: &str) {
        let path = format!("/session/{}/element/{element}/clear", self.session);
        call(self.addr, "POST", &path, Some(&json!({}))).expect("clear");
    }

    fn overlay(&self) -> Option<String> {
        let script =
            "var o = document.getElementById('__briefing_overlay'); return o ? o.innerText : null;";
        self.script(script).as_str().map(str::to_string)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = call(
                self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
            );
        }
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// One WebDriver call: JSON in, JSON out.
fn call(addr: SocketAddr, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(LIMIT))
        .map_err(|e| e.to_string())?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    // chromedriver may keep the connection open: read by Content-Length.
    let mut raw = Vec::new();
    let mut buffer = [0u8; 8192];
    let (end, length) = loop {
        let read = stream.read(&mut buffer).map_err(|e| e.to_string())?;
        if read == 0 {
            return Err("connection closed before the headers".into());
        }
        raw.extend_from_slice(&buffer[..read]);
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            break (end, length);
        }
    };
    let mut content = raw[end + 4..].to_vec();
    match length {
        Some(length) => {
            while content.len() < length {
                let read = stream.read(&mut buffer).map_err(|e| e.to_string())?;
                if read == 0 {
                    break;
                }
                content.extend_from_slice(&buffer[..read]);
            }
        }
        None => {
            stream
                .read_to_end(&mut content)
                .map_err(|e| e.to_string())?;
            content = dechunk(&content);
        }
    }
    serde_json::from_slice(&content).map_err(|e| e.to_string())
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&data[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

#[test]
fn browser_sees_edits_errors_and_recovery_live() {
    let Some((driver_path, chromium)) = browser() else {
        return;
    };
    let site = TestSite::new();
    let server = site.serve();
    let driver = Driver::start(&driver_path, &chromium);
    let url = format!("http://{}/articles/kistep-forum/", server.addr());
    driver.go(&url);
    let opened = wait_for(LIMIT, || {
        driver.text().contains("The body of").then_some(())
    });
    assert!(opened.is_some(), "the article opens: {}", driver.text());
    // Text marked Korean takes the Korean faces first, serif in prose and
    // sans elsewhere; unmarked text keeps the Latin stack.
    let faces = driver.script(
        "var p = document.createElement('div'); p.className = 'prose'; \
         p.innerHTML = '<span lang=\"ko\">한국</span>'; \
         var s = document.createElement('p'); s.innerHTML = '<span lang=\"ko-KR\">한국</span>'; \
         document.body.append(p, s); \
         var f = e => getComputedStyle(e).fontFamily.split(',')[0]; \
         return [f(p.firstChild), f(s.firstChild), f(s)].join(' | ');",
    );
    assert_eq!(
        faces,
        Value::from("\"Noto Serif KR\" | \"Apple SD Gothic Neo\" | Inter"),
        "Korean font stacks"
    );
    // Mark the document: a live reload replaces it, a stale page keeps it.
    driver.script("window.__marker = 1; return null;");

    let forum = article_path("2023-06-02", "kistep-forum");
    let good = site.read(&forum);
    site.save_atomically(
        &forum,
        &good.replace("The body of", "Edited live in the browser:"),
    );
    let seen = wait_for(LIMIT, || {
        driver
            .text()
            .contains("Edited live in the browser:")
            .then_some(())
    });
    assert!(
        seen.is_some(),
        "the new text appears without a manual reload"
    );
    assert_eq!(
        driver.script("return window.__marker === undefined;"),
        Value::Bool(true),
        "a Markdown edit reloads the document"
    );

    // A stylesheet change swaps the styles in place: no reload.
    driver.script("window.__marker = 1; return null;");
    let css = "themes/default/static/css/style.css";
    site.write(
        css,
        &format!(
            "{}\nbody {{ background-color: rgb(1, 2, 3) !important; }}\n",
            site.read(css)
        ),
    );
    let restyled = wait_for(LIMIT, || {
        let color = driver.script("return getComputedStyle(document.body).backgroundColor;");
        (color == "rgb(1, 2, 3)").then_some(())
    });
    assert!(restyled.is_some(), "the new style applies");
    assert_eq!(
        driver.script("return window.__marker;"),
        Value::from(1),
        "a CSS change does not reload the document"
    );

    site.write(
        &forum,
        &good.replace("---\n\n", "title: [unclosed\n---\n\n"),
    );
    let overlay = wait_for(LIMIT, || {
        driver.overlay().filter(|t| t.contains("kistep-forum.md"))
    });
    let overlay = overlay.expect("the error overlay appears");
    assert!(overlay.contains("rebuild failed"), "{overlay}");
    // Opaque: no page text shows through behind the diagnostic.
    let style = driver.script(
        "var s = getComputedStyle(document.getElementById('__briefing_overlay')); return s.backgroundColor + ' ' + s.opacity;",
    );
    assert_eq!(
        style,
        Value::from("rgb(24, 4, 4) 1"),
        "the overlay is opaque"
    );
    assert!(
        driver.text().contains("Edited live in the browser:"),
        "last good page underneath"
    );

    site.write(&forum, &good.replace("The body of", "Fixed and back:"));
    let back = wait_for(LIMIT, || {
        (driver.overlay().is_none() && driver.text().contains("Fixed and back:")).then_some(())
    });
    assert!(back.is_some(), "the page comes back without the overlay");
    drop(driver);
    server.stop();
}
