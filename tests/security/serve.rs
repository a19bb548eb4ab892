//! `serve` off loopback: a non-loopback `--bind` warns that drafts become
//! visible, and requests addressed to a foreign `Host` (DNS rebinding) are
//! refused unless the name is allowed with `--allow-host`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::time::Duration;

use briefing::serve::{ServeOptions, Server};

use crate::serve::site::TestSite;

/// Status line and body of `GET path` sent with this `Host`.
fn get_as(addr: SocketAddr, host: &str, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let head = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = String::new();
    let _ = stream.read_to_string(&mut raw);
    let status = raw.lines().next().unwrap_or_default().to_string();
    let body = raw.split("\r\n\r\n").nth(1).unwrap_or_default().to_string();
    (status, body)
}

#[test]
fn a_foreign_host_is_refused_and_an_allowed_one_served() {
    let site = TestSite::new();
    let mut options = ServeOptions::new(&site.root);
    options.port = Some(0);
    options.verbose = false;
    options.allowed_hosts = vec!["preview.example".into()];
    let server = Server::start(&options).expect("serve starts");
    let addr = server.addr();
    let port = addr.port();
    let (status, body) = get_as(addr, &format!("evil.example:{port}"), "/");
    assert!(status.contains(" 403 "), "{status}");
    assert!(body.contains("--allow-host evil.example"), "{body}");
    let (status, _) = get_as(addr, "evil.example", "/__briefing/events");
    assert!(
        status.contains(" 403 "),
        "the event stream is refused too: {status}"
    );
    for host in [
        format!("localhost:{port}"),
        format!("{addr}"),
        "preview.example".into(),
    ] {
        let (status, _) = get_as(addr, &host, "/");
        assert!(status.contains(" 200 "), "{host}: {status}");
    }
    server.stop();
}

#[test]
fn a_bind_beyond_loopback_warns_that_drafts_become_visible() {
    let site = TestSite::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["serve", "--bind", "0.0.0.0", "--port", "0", "--root"])
        .arg(&site.root)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    for line in BufReader::new(stderr).lines() {
        let line = line.unwrap();
        let done = line.starts_with("serving ");
        seen.push(line);
        if done {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        seen.iter()
            .any(|l| l.starts_with("warning: serving on 0.0.0.0") && l.contains("drafts included")),
        "{seen:?}"
    );
}
