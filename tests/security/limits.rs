//! Limits: each hostile input fails fast with a message naming the file
//! and the limit (README, "Limits").

use briefing::diag::Severity;

use crate::common::SiteFixture;

const ARTICLE: &str = "content/articles/2025-01-05-big.md";

fn errors_of(site: &SiteFixture) -> Vec<String> {
    briefing::check::run(site.root())
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let (line, column) = d.line_col();
            format!("{}:{line}:{column}: {}", d.path.display(), d.message)
        })
        .collect()
}

#[test]
fn a_content_file_over_one_mib_is_refused_by_name() {
    let site = SiteFixture::new("build/basic");
    let body = "word ".repeat(220_000);
    site.write(
        ARTICLE,
        &format!("---\ntitle: Big\ndate: 2025-01-05\n---\n{body}\n"),
    );
    let errors = errors_of(&site);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(ARTICLE) && e.contains("over the limit of 1048576 bytes")),
        "{errors:?}"
    );
}

#[test]
fn deep_yaml_and_alias_floods_are_refused_by_name_and_line() {
    let site = SiteFixture::new("build/basic");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    site.write(
        ARTICLE,
        &format!("---\ntitle: Deep\ndate: 2025-01-05\nsummary: {deep}\n---\nBody.\n"),
    );
    let mut laughs = String::from("---\nname: Laughs\nkeywords: &a [x, x, x, x, x, x, x, x]\n");
    for i in 0..70 {
        laughs.push_str(&format!("k{i}: [*a, *a, *a, *a, *a, *a, *a, *a]\n"));
    }
    site.write("content/topics/laughs.md", &format!("{laughs}---\n"));
    let errors = errors_of(&site);
    let expected = [
        format!("{ARTICLE}:4:42: YAML nested deeper than 32 levels"),
        "content/topics/laughs.md:12:6: more than 64 YAML aliases".to_string(),
    ];
    for want in expected {
        assert!(
            errors.iter().any(|e| e.starts_with(&want)),
            "{want} in {errors:?}"
        );
    }
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        &format!("{config}author: {}\n", "{".repeat(50)),
    );
    // A broken site.yaml does not hide the content's errors: all at once.
    let errors = errors_of(&site);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors.contains(&"site.yaml:6:41: YAML nested deeper than 32 levels, the limit for front matter, registries and site.yaml".to_string()),
        "{errors:?}"
    );
}

/// A rendered page over the limit fails the build, named by the article
/// it comes from and the limit, and nothing is published. The limit is
/// set low here (the default is 32 MiB) so the test renders little.
#[test]
fn a_page_over_the_size_limit_is_an_error_naming_its_file() {
    let site = SiteFixture::new("build/basic");
    let body = "A long article about cells. ".repeat(1500);
    site.write(
        ARTICLE,
        &format!("---\ntitle: Big\ndate: 2025-01-05\n---\n{body}\n"),
    );
    let mut options = briefing::build::BuildOptions::new(site.root());
    options.ingest = false;
    options.render.max_page_bytes = 32 * 1024;
    let Err(briefing::build::BuildError::Invalid(errors)) = briefing::build::build(&options) else {
        panic!("the build passed");
    };
    let named: Vec<String> = errors
        .iter()
        .map(|d| format!("{}: {}", d.path.display(), d.message))
        .collect();
    assert!(
        named
            .iter()
            .any(|e| e.starts_with(&format!(
                "{ARTICLE}: the page articles/big/index.html would be "
            )) && e.ends_with("bytes, over the limit of 32768 bytes for one page")),
        "{named:#?}"
    );
    assert!(!site.root().join("public").exists(), "nothing published");
}

/// A fenced block with a language, over the highlighting limit: a warning
/// at its fence, and the page shows it as plain text.
#[test]
fn a_code_block_too_long_to_highlight_is_a_warning_at_its_fence() {
    let site = SiteFixture::new("build/basic");
    let code = "let x = 1;\n".repeat(7_000);
    site.write(
        ARTICLE,
        &format!("---\ntitle: Code\ndate: 2025-01-05\n---\nIntro.\n\n```rust\n{code}```\n"),
    );
    let warnings: Vec<String> = briefing::check::run(site.root())
        .diagnostics
        .iter()
        .filter(|d| d.code == "article/code-not-highlighted")
        .map(|d| format!("{}:{}: {}", d.path.display(), d.line_col().0, d.message))
        .collect();
    assert_eq!(
        warnings,
        [format!("{ARTICLE}:7: this code block is over 65536 bytes, the limit for highlighting; it is shown as plain text")]
    );
}
