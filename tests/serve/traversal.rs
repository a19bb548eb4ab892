//! Path traversal: every way out of the site is refused, one test each.
//! A secret file sits beside the site folder; no request may return it.

use super::client::{get, Response};
use super::http::shared;
use super::site::TestSite;

const SECRET: &str = "TOP-SECRET-not-for-the-web";

/// A secret beside the site, and symlinks to it (and to its folder) from
/// the site's `static/`.
pub(crate) fn plant_secrets(site: &TestSite) {
    let outside = site.root.parent().expect("temp dir");
    std::fs::write(outside.join("secret.txt"), SECRET).unwrap();
    std::fs::create_dir_all(site.path("static")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.join("secret.txt"), site.path("static/leak.txt"))
            .unwrap();
        std::os::unix::fs::symlink(outside, site.path("static/outside")).unwrap();
    }
}

fn refused(path: &str, status: u16) -> Response {
    let response = get(shared(), path);
    assert_eq!(response.status, status, "{path}: {}", response.text());
    assert!(
        !response.text().contains(SECRET),
        "{path} leaked the secret"
    );
    response
}

#[test]
fn dot_dot_is_refused() {
    refused("/../secret.txt", 400);
    refused("/articles/../../secret.txt", 400);
}

#[test]
fn encoded_dot_dot_is_refused() {
    refused("/%2e%2e/secret.txt", 400);
    refused("/%2E%2E/%2e%2e/secret.txt", 400);
    refused("/.%2e/secret.txt", 400);
}

#[test]
fn encoded_slashes_are_refused() {
    refused("/..%2fsecret.txt", 400);
    refused("/..%2Fsecret.txt", 400);
    refused("/..%5csecret.txt", 400);
    refused("/articles%2fkistep-forum/", 400);
}

#[test]
fn backslashes_are_refused() {
    refused("/..\\secret.txt", 400);
    refused("/articles\\..\\..\\secret.txt", 400);
}

#[test]
fn nul_bytes_are_refused() {
    refused("/index.html%00", 400);
    refused("/%00/../secret.txt", 400);
}

#[test]
fn over_long_paths_are_refused() {
    let long = format!("/{}", "a".repeat(5000));
    refused(&long, 414);
}

#[test]
fn symlinks_out_of_the_site_are_refused() {
    refused("/leak.txt", 404);
    refused("/outside/secret.txt", 404);
    // The server is still fine.
    assert_eq!(get(shared(), "/").status, 200);
}
