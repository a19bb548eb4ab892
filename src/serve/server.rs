//! Serve stage, HTTP: requests → files from the current snapshot.
//!
//! Takes a [`Hub`] (the snapshot being served and the reload channel); gives
//! back an axum router answering GET and HEAD with the right Content-Type,
//! ETag revalidation (304), folder redirects, the site's 404 page, and the
//! live-reload event stream. Also picks the port to listen on.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;

use super::files::{resolve, Resolved};
use super::reload::{self, Hub, SCRIPT};
use super::snapshot::Entry;

/// Port tried first when none is asked for.
pub(crate) const DEFAULT_PORT: u16 = 1111;

/// How many ports after the default are tried.
const PORT_TRIES: u16 = 100;

/// Why no port could be listened on.
#[derive(Debug, thiserror::Error)]
pub enum BindError {
    /// The port asked for is in use (or not allowed).
    // The cause is printed after this message as its source, once.
    #[error("cannot listen on {addr} (choose another --port)")]
    Taken {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Neither the default port nor any of the next ones is free.
    #[error("ports {first} to {last} are all in use on {ip}; choose one with --port")]
    NoneFree {
        /// Interface.
        ip: IpAddr,
        /// First port tried.
        first: u16,
        /// Last port tried.
        last: u16,
    },
}

/// Listen on `port` (an error if taken), or on the first free port from
/// [`DEFAULT_PORT`] on when none is given.
pub(crate) async fn bind(ip: IpAddr, port: Option<u16>) -> Result<TcpListener, BindError> {
    if let Some(port) = port {
        let addr = SocketAddr::new(ip, port);
        return TcpListener::bind(addr)
            .await
            .map_err(|source| BindError::Taken { addr, source });
    }
    let last = DEFAULT_PORT + PORT_TRIES - 1;
    for port in DEFAULT_PORT..=last {
        if let Ok(listener) = TcpListener::bind(SocketAddr::new(ip, port)).await {
            return Ok(listener);
        }
    }
    Err(BindError::NoneFree {
        ip,
        first: DEFAULT_PORT,
        last,
    })
}

/// The preview site's routes, behind the `Host` check.
pub(crate) fn router(hub: Arc<Hub>, allowed_hosts: Arc<Vec<String>>) -> Router {
    Router::new()
        .route(reload::EVENTS_PATH, get(reload::events))
        .fallback(serve_file)
        .with_state(hub)
        .layer(axum::middleware::from_fn(move |request, next| {
            check_host(Arc::clone(&allowed_hosts), request, next)
        }))
}

/// Refuse requests addressed to a name that is not this server: a page on
/// another site whose name was re-pointed at 127.0.0.1 (DNS rebinding)
/// sends its own name as `Host`, and must not read drafts or events.
async fn check_host(
    allowed: Arc<Vec<String>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .map(|h| String::from_utf8_lossy(h.as_bytes()).into_owned());
    match host {
        Some(host) if !host_allowed(&host, &allowed) => plain(
            StatusCode::FORBIDDEN,
            &format!(
                "refused: Host `{host}` is not this server; to reach it by that name, start serve with --allow-host {}\n",
                host_name(&host)
            ),
        ),
        _ => next.run(request).await,
    }
}

/// The name part of a `Host` header (no port, IPv6 brackets kept).
fn host_name(host: &str) -> &str {
    if host.starts_with('[') {
        return host.split_inclusive(']').next().unwrap_or(host);
    }
    host.rsplit_once(':').map_or(host, |(name, _)| name)
}

/// An IP address (never a rebinding vector: the attacker's page would have
/// that address as its origin), `localhost` and its subdomains, or a name
/// given with `--allow-host`.
pub(crate) fn host_allowed(host: &str, allowed: &[String]) -> bool {
    let name = host_name(host).trim_end_matches('.').to_ascii_lowercase();
    let literal = name.trim_start_matches('[').trim_end_matches(']');
    literal.parse::<IpAddr>().is_ok()
        || name == "localhost"
        || name.ends_with(".localhost")
        || allowed.iter().any(|a| a.eq_ignore_ascii_case(&name))
}

async fn serve_file(
    State(hub): State<Arc<Hub>>,
    method: Method,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let head = method == Method::HEAD;
    let snapshot = hub.snapshot();
    match resolve(uri.path(), &snapshot.base_path, |p| snapshot.contains(p)) {
        Resolved::File(key) => match snapshot.get(&key) {
            Some(entry) => send(entry, StatusCode::OK, &headers, head),
            None => not_found(snapshot.get("404.html").map(|e| &**e), head),
        },
        Resolved::Redirect(location) => {
            let location = match uri.query() {
                Some(query) => format!("{location}?{query}"),
                None => location,
            };
            let status =
                if location.trim_end_matches('/') == snapshot.base_path.trim_end_matches('/') {
                    // Base path redirects may change with the config: not cached.
                    StatusCode::FOUND
                } else {
                    StatusCode::MOVED_PERMANENTLY
                };
            let mut response = plain(status, "");
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Resolved::NotFound => not_found(snapshot.get("404.html").map(|e| &**e), head),
        Resolved::Refused(refusal) => {
            let status = match refusal {
                super::files::Refusal::TooLong => StatusCode::URI_TOO_LONG,
                _ => StatusCode::BAD_REQUEST,
            };
            plain(status, &format!("refused: {}\n", refusal.reason()))
        }
    }
}

/// Send a file, or 304 when the client's copy is current.
fn send(entry: &Entry, status: StatusCode, request: &HeaderMap, head: bool) -> Response {
    let fresh = status == StatusCode::OK
        && request
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|tag| tag.trim().trim_start_matches("W/"))
            .any(|tag| tag == "*" || tag == entry.etag);
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body = if head {
            Body::empty()
        } else {
            match entry.bytes() {
                Ok(bytes) => Body::from(bytes),
                Err(err) => {
                    log::warn!("cannot read a stored page: {err}");
                    let text = "the page could not be read from serve's store\n";
                    return plain(StatusCode::INTERNAL_SERVER_ERROR, text);
                }
            }
        };
        let mut response = Response::new(body);
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(entry.content_type),
        );
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(entry.len()));
        response
    };
    let headers = response.headers_mut();
    if let Ok(etag) = HeaderValue::from_str(&entry.etag) {
        headers.insert(header::ETAG, etag);
    }
    // Always revalidate: the preview changes under the browser's feet.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The site's 404 page with status 404; a bare page (still carrying the
/// reload script) when the site has none or never built.
fn not_found(page: Option<&Entry>, head: bool) -> Response {
    match page {
        Some(entry) => send(entry, StatusCode::NOT_FOUND, &HeaderMap::new(), head),
        None => {
            let html = format!(
                "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body><h1>Not found</h1><p>Nothing is served at this address (if the site failed to build, the errors are shown here and in the terminal).</p>\n{SCRIPT}</body></html>\n"
            );
            let entry = Entry::new("404.html", html);
            send(&entry, StatusCode::NOT_FOUND, &HeaderMap::new(), head)
        }
    }
}

fn plain(status: StatusCode, text: &str) -> Response {
    let mut response = Response::new(Body::from(text.to_string()));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod host_tests {
    use super::host_allowed;

    #[test]
    fn ip_addresses_localhost_and_allowed_names_pass() {
        let allowed = vec!["preview.example".to_string()];
        for host in [
            "127.0.0.1:1111",
            "192.168.1.5:1111",
            "[::1]:1111",
            "localhost:1111",
            "LOCALHOST",
            "app.localhost:80",
            "preview.example:1111",
            "Preview.Example.",
        ] {
            assert!(host_allowed(host, &allowed), "{host}");
        }
        for host in [
            "evil.example:1111",
            "127.0.0.1.evil.example",
            "localhost.evil",
            "",
        ] {
            assert!(!host_allowed(host, &allowed), "{host}");
        }
    }
}
