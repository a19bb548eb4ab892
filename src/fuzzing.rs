//! Fuzzing entry points: each takes arbitrary input, runs one stage on it
//! and panics when one of that stage's promises breaks.
//!
//! The cargo-fuzz targets in `fuzz/` (nightly only) and the time-budgeted
//! property tests below (part of every `cargo test`, so CI keeps running
//! them) call these same functions. `BRIEFING_FUZZ_SECONDS` sets how long
//! each property test runs (1 s by default).

use std::path::Path;
use std::sync::Arc;

use crate::content::article::{parse_article, KnownSlugs};
use crate::content::suggest::Names;
use crate::diag::{render, Diagnostic, Format};
use crate::markdown::MarkdownRenderer;
use crate::serve::files::{resolve, Resolved};

/// An article file with any text: it parses and renders, or every problem
/// is a diagnostic whose place lies in the file and prints; the rendered
/// body (sanitized, the default) carries no script, frame or `javascript:`
/// link, whatever the Markdown held.
pub fn front_matter_and_markdown(text: &str) {
    let source: Arc<str> = Arc::from(text);
    let empty = Names::default();
    let known = KnownSlugs {
        organizations: &empty,
        topics: &empty,
    };
    let syntaxes = crate::markdown::highlight::syntaxes();
    let renderer = MarkdownRenderer::new(syntaxes, [("KRICT", "krict")], "/");
    let path = Path::new("content/articles/2024-06-18-fuzz.md");
    match parse_article(path, &source, &known) {
        Ok(article) => {
            let body = &text[article.body.start..][..article.body.len];
            let front = &article.front;
            let html = renderer.render_in(body, &front.organizations, front.language.as_deref());
            assert_sanitized(text, &html.html);
        }
        Err(diagnostics) => assert_printable(text, &diagnostics),
    }
    let body = renderer.render(text, &["krict".to_string()]);
    assert_sanitized(text, &body.html);
}

fn assert_printable(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        if let Some(source) = &d.source {
            assert!(
                d.span.start <= d.span.end && source.holds(&d.span),
                "span {:?} outside the file: {d:?}\n{text:?}",
                d.span
            );
        }
        let _ = d.line_col();
    }
    let _ = render(diagnostics, Format::Human);
    let _ = render(diagnostics, Format::Json);
}

fn assert_sanitized(text: &str, html: &str) {
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script",
        "<iframe",
        "<object",
        "<embed",
        "href=\"javascript:",
        "src=\"javascript:",
        "href=\"data:",
    ] {
        assert!(
            !lower.contains(bad),
            "`{bad}` reached the page\n{text:?}\n{html}"
        );
    }
}

/// Any bytes as a seed: decoding, cleaning, extraction and emitting never
/// panic, and what ingest writes loads back with an honest date.
pub fn seed(bytes: &[u8]) {
    if let Err(broken) = crate::ingest::invariants::check_seed(bytes) {
        panic!("{broken}\nseed bytes: {bytes:?}");
    }
}

/// Any request path against serve's resolver, at the root and under a
/// sub-path: the file map is only ever asked about relative paths without
/// `.`/`..` segments, backslashes or control characters, and a redirect
/// stays on this host (never `//host`).
pub fn serve_path(raw: &str) {
    for base in ["/", "/sub/"] {
        let asked = std::cell::RefCell::new(Vec::new());
        let resolved = resolve(raw, base, |key| {
            asked.borrow_mut().push(key.to_string());
            key.len() % 2 == 0
        });
        for key in asked.borrow().iter() {
            assert!(is_confined(key), "{raw:?} under {base}: asked for {key:?}");
        }
        match resolved {
            Resolved::File(key) => {
                assert!(is_confined(&key), "{raw:?} under {base}: file {key:?}")
            }
            Resolved::Redirect(to) => assert!(
                to.starts_with('/') && !to.starts_with("//") && !to.contains('\\'),
                "{raw:?} under {base}: redirect to {to:?}"
            ),
            Resolved::NotFound | Resolved::Refused(_) => {}
        }
    }
}

fn is_confined(key: &str) -> bool {
    !key.starts_with('/')
        && !key.contains('\\')
        && !key.chars().any(char::is_control)
        && key.split('/').all(|s| s != ".." && s != ".")
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    /// Run `test` on values of `strategy` for the time budget, in batches
    /// of fresh random cases; a failure is shrunk and reported by proptest.
    /// Gives back how many inputs ran.
    fn for_budget<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value)) -> u64 {
        let seconds = std::env::var("BRIEFING_FUZZ_SECONDS")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(1.0);
        let budget = Duration::from_secs_f64(seconds);
        let started = Instant::now();
        let mut runs = 0u64;
        while started.elapsed() < budget {
            let mut runner = TestRunner::new(Config {
                cases: 32,
                failure_persistence: None,
                ..Config::default()
            });
            let result = runner.run(&strategy, |value| {
                test(value);
                Ok(())
            });
            if let Err(err) = result {
                panic!("{name}: {err}");
            }
            runs += 32;
        }
        eprintln!("{name}: {runs} inputs in {:.1?}", started.elapsed());
        runs
    }

    fn front_matter_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "---\n",
            "---",
            "\n",
            "\r\n",
            "title: ",
            "date: 2024-06-18\n",
            "date: ",
            "0000-01-01",
            "figures: [{ text: a, value: ",
            ".nan",
            "1e400",
            " unit: KRW }]\n",
            "language: ",
            "null",
            "~",
            "!!binary ",
            "&a [x]",
            "*a",
            "[[[",
            "]]]",
            "{",
            "}",
            "'",
            "\"",
            "# Heading {#id .class onclick=x}\n",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[link](javascript:alert(1))",
            "[d](data:text/html,x)",
            "<iframe src=x>",
            "<svg onload=x>",
            "```rust\nfn x() {}\n```\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "[^1]\n\n[^1]: note\n",
            "KRICT ",
            "한국 ",
            "\u{feff}",
            " ",
        ]);
        let structured = prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat());
        prop_oneof![structured, any::<String>()]
    }

    fn request_path() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "/",
            "//",
            "..",
            ".",
            "%2e",
            "%2E",
            "%2f",
            "%2F",
            "%5c",
            "\\",
            "%00",
            "%",
            "%e2%80",
            "%ED%95%9C",
            "sub",
            "articles",
            "index.html",
            "a",
            "?",
            "#",
            " ",
            "%20",
            "\u{0}",
            "한",
        ]);
        let structured =
            prop::collection::vec(pieces, 0..24).prop_map(|p| format!("/{}", p.concat()));
        prop_oneof![structured, any::<String>()]
    }

    #[test]
    fn front_matter_and_markdown_for_a_time_budget() {
        let runs = for_budget("front matter + Markdown", front_matter_text(), |text| {
            super::front_matter_and_markdown(&text)
        });
        assert!(runs > 0);
    }

    #[test]
    fn seeds_through_ingest_for_a_time_budget() {
        let text = crate::ingest::properties::seed_text().prop_map(String::into_bytes);
        let bytes = prop::collection::vec(any::<u8>(), 0..512);
        let runs = for_budget("seeds", prop_oneof![text, bytes], |bytes| {
            super::seed(&bytes)
        });
        assert!(runs > 0);
    }

    #[test]
    fn serve_paths_for_a_time_budget() {
        let runs = for_budget("serve paths", request_path(), |raw| super::serve_path(&raw));
        assert!(runs > 0);
    }
}
