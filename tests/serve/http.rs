//! HTTP behaviour of the preview server: types, HEAD, 304, redirects, 404,
//! sub-path base, concurrency, disconnects, ports, Ctrl-C.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::OnceLock;
use std::time::Duration;

use briefing::serve::{ServeOptions, Server};

use super::client::{get, request};
use super::site::{article, article_path, TestSite};

/// One read-only site and server shared by the tests that only read.
pub(crate) fn shared() -> SocketAddr {
    static SHARED: OnceLock<(TestSite, Server)> = OnceLock::new();
    let (_, server) = SHARED.get_or_init(|| {
        let site = TestSite::new();
        // Big enough that a response cannot fit in socket buffers.
        site.write("static/big.txt", &"0123456789abcdef\n".repeat(1 << 19));
        super::traversal::plant_secrets(&site);
        let server = site.serve();
        (site, server)
    });
    server.addr()
}

#[test]
fn pages_have_their_type_and_charset() {
    let addr = shared();
    for (path, content_type) in [
        ("/", "text/html; charset=utf-8"),
        ("/articles/kistep-forum/", "text/html; charset=utf-8"),
        ("/css/style.css", "text/css; charset=utf-8"),
        ("/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ] {
        let response = get(addr, path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(
            response.header("content-type"),
            Some(content_type),
            "{path}"
        );
        assert_eq!(
            response
                .header("content-length")
                .map(|l| l.parse::<usize>().unwrap()),
            Some(response.body.len()),
            "{path}"
        );
    }
}

#[test]
fn pages_carry_the_reload_script_and_draft_marking() {
    let page = get(shared(), "/articles/kistep-forum/").text();
    assert!(
        page.contains("/__briefing/events"),
        "reload script injected"
    );
    assert!(page.contains("preview-banner"), "preview mode marks drafts");
    assert!(page.contains("KISTEP forum on competitiveness"));
}

#[test]
fn drafts_are_served_with_a_badge_and_left_out_of_builds() {
    let site = TestSite::new();
    let draft = article(
        "Unfinished cell story",
        "2025-02-01",
        "[recycling]",
        "[sk-on]",
        "Not ready.",
    )
    .replacen("---\n", "---\ndraft: true\n", 1);
    site.write(&article_path("2025-02-01", "unfinished-cell"), &draft);
    let badge = r#"<span class="badge">Draft</span>"#;
    let server = site.serve();
    let page = get(server.addr(), "/articles/unfinished-cell/");
    assert_eq!(page.status, 200);
    let page = page.text();
    assert!(
        page.contains(&format!("Unfinished cell story {badge}</h1>")),
        "{page}"
    );
    let list = get(server.addr(), "/articles/").text();
    assert!(list.contains("card is-draft"), "{list}");
    assert!(list.contains(&format!("Unfinished cell story</a> {badge}")));
    server.stop();

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["build", "--root"])
        .arg(&site.root)
        .output()
        .expect("briefing runs");
    assert!(output.status.success(), "{output:?}");
    assert!(site
        .path("public/articles/kistep-forum/index.html")
        .exists());
    assert!(!site.path("public/articles/unfinished-cell").exists());
    let list = site.read("public/articles/index.html");
    assert!(!list.contains("Unfinished cell story"), "{list}");
    assert!(!list.contains(badge));
}

#[test]
fn head_sends_headers_without_body() {
    let addr = shared();
    let full = get(addr, "/articles/");
    let head = request(addr, "HEAD", "/articles/", &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.header("content-type"), full.header("content-type"));
    assert_eq!(head.header("etag"), full.header("etag"));
    assert_eq!(
        head.header("content-length"),
        Some(full.body.len().to_string().as_str())
    );
}

#[test]
fn matching_etag_gives_304() {
    let addr = shared();
    let first = get(addr, "/topics/recycling/");
    let etag = first.header("etag").expect("etag").to_string();
    let again = request(
        addr,
        "GET",
        "/topics/recycling/",
        &[("If-None-Match", &etag)],
    );
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), Some(etag.as_str()));
    let other = request(
        addr,
        "GET",
        "/topics/recycling/",
        &[("If-None-Match", "\"nope\"")],
    );
    assert_eq!(other.status, 200);
}

#[test]
fn folder_without_slash_redirects() {
    let response = get(shared(), "/articles/kistep-forum?x=1");
    assert_eq!(response.status, 301);
    assert_eq!(
        response.header("location"),
        Some("/articles/kistep-forum/?x=1")
    );
}

#[test]
fn missing_page_is_the_sites_404_with_status_404() {
    let addr = shared();
    let response = get(addr, "/no/such/page/");
    assert_eq!(response.status, 404);
    assert_eq!(
        response.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(response.body, get(addr, "/404.html").body);
    assert!(response.text().contains("Page not found"));
}

#[test]
fn other_methods_are_not_allowed() {
    let response = request(shared(), "POST", "/", &[("Content-Length", "0")]);
    assert_eq!(response.status, 405);
    assert_eq!(response.header("allow"), Some("GET, HEAD"));
}

#[test]
fn sub_path_base_url_works() {
    let site = TestSite::with_base("https://example.org/briefing/");
    let server = site.serve();
    let addr = server.addr();
    let home = get(addr, "/briefing/");
    assert_eq!(home.status, 200);
    assert!(home.text().contains("href=\"/briefing/articles/\""));
    assert_eq!(get(addr, "/briefing/articles/kistep-forum/").status, 200);
    assert_eq!(get(addr, "/briefing/css/style.css").status, 200);
    let bare = get(addr, "/briefing");
    assert_eq!(bare.header("location"), Some("/briefing/"));
    assert_eq!(get(addr, "/").header("location"), Some("/briefing/"));
    assert_eq!(get(addr, "/articles/").status, 404);
    server.stop();
}

#[test]
fn two_hundred_concurrent_connections() {
    let addr = shared();
    let expected = get(addr, "/timeline/").body;
    let handles: Vec<_> = (0..200)
        .map(|_| std::thread::spawn(move || get(addr, "/timeline/")))
        .collect();
    for handle in handles {
        let response = handle.join().expect("client thread");
        assert_eq!(response.status, 200);
        assert_eq!(response.body, expected);
    }
}

#[test]
fn client_disconnecting_mid_response_does_not_stop_the_server() {
    let addr = shared();
    for _ in 0..5 {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .write_all(b"GET /big.txt HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut some = [0u8; 4096];
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let read = stream.read(&mut some).unwrap();
        assert!(read > 0);
        drop(stream);
    }
    let response = get(addr, "/big.txt");
    assert_eq!(response.status, 200);
    assert_eq!(response.body.len(), 17 << 19);
    assert_eq!(get(addr, "/").status, 200);
}

#[test]
fn build_output_never_carries_the_reload_script() {
    let site = TestSite::new();
    let mut options = briefing::build::BuildOptions::new(&site.root);
    options.drafts = true;
    briefing::build::build(&options).expect("build");
    for entry in walkdir::WalkDir::new(site.path("public")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("__briefing"), "{}", entry.path().display());
        }
    }
}

#[test]
fn default_port_taken_means_the_next_free_one() {
    let site = TestSite::new();
    let ip = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
    // Hold 1111 if nobody else does; either way it is taken.
    let _holder = std::net::TcpListener::bind((ip, 1111));
    let mut options = ServeOptions::new(&site.root);
    options.bind = ip;
    let server = Server::start(&options).expect("a free port");
    let port = server.addr().port();
    assert!(port > 1111 && port < 1211, "{port}");
    options.port = Some(port);
    let Err(err) = Server::start(&options) else {
        panic!("an explicit port that is taken is an error");
    };
    assert!(err.to_string().contains("choose another --port"), "{err}");
    server.stop();
}
