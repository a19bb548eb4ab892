//! Real-browser test of search: type a query in the header's box, get
//! results with title, date, publisher and an excerpt with the match
//! marked; apply a filter; search in Korean (a Hangul alias no body
//! writes, a Hangul word inside a longer one, Hangul beside Latin); edit a
//! briefing and find it by its new word, served without a restart.
//!
//! Skips loudly without chromedriver, unless `BRIEFING_REQUIRE_BROWSER=1`.

use serde_json::Value;

use super::browser::{browser, Driver, LIMIT};
use super::site::{article, article_path, wait_for, TestSite};

/// WebDriver's Enter key.
const ENTER: &str = "\u{E007}";

/// A result as the reader sees it.
#[derive(Debug, PartialEq)]
struct Shown {
    title: String,
    meta: String,
    excerpt: String,
    marked: Vec<String>,
}

/// The status line and the results on screen, once the search is done.
fn results(driver: &Driver) -> Option<(String, Vec<Shown>)> {
    let script = "var status = document.getElementById('search-status').textContent;\
        if (!/found/.test(status)) return null;\
        var items = document.querySelectorAll('#search-results li');\
        return [status, Array.prototype.map.call(items, function (li) {\
          var excerpt = li.querySelector('.excerpt');\
          return { title: li.querySelector('h2 a').textContent,\
            meta: li.querySelector('.meta').textContent,\
            excerpt: excerpt.textContent,\
            marked: Array.prototype.map.call(excerpt.querySelectorAll('mark'),\
              function (m) { return m.textContent; }) }; })];";
    let found = driver.script(script);
    let status = found[0].as_str()?.to_string();
    let Value::Array(items) = &found[1] else {
        return None;
    };
    let shown = items
        .iter()
        .map(|r| {
            let text = |key: &str| r[key].as_str().unwrap_or_default().to_string();
            Shown {
                title: text("title"),
                meta: text("meta"),
                excerpt: text("excerpt"),
                marked: r["marked"]
                    .as_array()
                    .map(|m| {
                        m.iter()
                            .filter_map(|t| t.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    Some((status, shown))
}

/// Wait until the titles on screen are `titles` (any order).
fn wait_for_titles(driver: &Driver, titles: &[&str]) -> Vec<Shown> {
    let mut wanted: Vec<&str> = titles.to_vec();
    wanted.sort();
    let mut last = None;
    let seen = wait_for(LIMIT, || {
        let (status, shown) = results(driver)?;
        let mut got: Vec<String> = shown.iter().map(|s| s.title.clone()).collect();
        got.sort();
        if got == wanted && (!shown.is_empty() || status.starts_with("No briefing")) {
            return Some(shown);
        }
        last = Some((status, got));
        None
    });
    seen.unwrap_or_else(|| {
        panic!(
            "wanted {wanted:?}, last seen {last:?}; page: {}",
            driver.text()
        )
    })
}

fn element(driver: &Driver, css: &str) -> String {
    let found = wait_for(LIMIT, || driver.element(css));
    found.unwrap_or_else(|| panic!("no `{css}` on the page: {}", driver.text()))
}

#[test]
fn a_reader_searches_filters_and_finds_korean_names_and_fresh_edits() {
    let Some((driver_path, chromium)) = browser() else {
        return;
    };
    let site = TestSite::new();
    site.write(
        "content/organizations/lg-energy-solution.md",
        "---\nname: LG Energy Solution\nkind: company\ncountry: KR\naliases: [LGES, LG에너지솔루션]\n---\nA cell maker.\n",
    );
    let korean = article(
        "나트륨이온 배터리 개발 지원",
        "2024-05-20",
        "[recycling]",
        "[sk-on]",
        "삼성SDI와 산업통상자원부는 나트륨이온 배터리를 개발한다.",
    )
    .replacen("title:", "language: ko\ntitle:", 1);
    site.write(&article_path("2024-05-20", "sodium-support"), &korean);
    let server = site.serve();
    let driver = Driver::start(&driver_path, &chromium);
    let base = format!("http://{}", server.addr());

    // The header's box, on an article page: a word of the bodies, by
    // prefix, with date, publisher and the match marked in the excerpt.
    driver.go(&format!("{base}/articles/recycling-plant/"));
    let header_box = element(&driver, "#site-search-q");
    driver.type_into(&header_box, &format!("solid-sta{ENTER}"));
    let shown = wait_for_titles(
        &driver,
        &[
            "KISTEP forum on competitiveness",
            "New recycling rules",
            "Solid-state pilot line",
        ],
    );
    let pilot = shown
        .iter()
        .find(|s| s.title == "Solid-state pilot line")
        .unwrap();
    assert_eq!(pilot.meta, "10 February 2024 · KISTEP", "{pilot:?}");
    assert_eq!(
        shown[0].title, "Solid-state pilot line",
        "the title match first: {shown:?}"
    );
    assert!(
        pilot.marked.iter().any(|m| m.eq_ignore_ascii_case("solid")),
        "the match marked: {pilot:?}"
    );

    // A filter: only 2024.
    let year = element(&driver, "#search-year option[value='2024']");
    driver.click(&year);
    wait_for_titles(&driver, &["Solid-state pilot line"]);
    assert!(
        driver
            .script("return location.search;")
            .as_str()
            .unwrap_or_default()
            .contains("year=2024"),
        "the filter is in the address, to share"
    );

    // Korean: a Hangul alias no body writes finds the briefings naming the
    // organization (the 2024 filter still on).
    let input = element(&driver, "#search-q");
    driver.clear(&input);
    driver.type_into(&input, &format!("LG에너지솔루션{ENTER}"));
    wait_for_titles(&driver, &["Solid-state pilot line"]);
    // A Hangul word inside a longer one (`배터리를`), and Hangul beside Latin.
    for query in ["배터리", "삼성SDI"] {
        driver.clear(&input);
        driver.type_into(&input, &format!("{query}{ENTER}"));
        let shown = wait_for_titles(&driver, &["나트륨이온 배터리 개발 지원"]);
        assert!(shown[0].excerpt.contains(query), "{query}: {shown:?}");
        assert_eq!(shown[0].marked.concat(), query, "marked: {shown:?}");
    }

    // Serve keeps the index current: a word no briefing has, then an edit
    // that adds it.
    driver.go(&format!("{base}/search/?q=zirconium"));
    wait_for_titles(&driver, &[]);
    let training = article_path("2023-11-05", "training-program");
    let text = site
        .read(&training)
        .replace("The body of", "Zirconium and the body of");
    site.save_atomically(&training, &text);
    let found = wait_for(LIMIT, || {
        driver.go(&format!("{base}/search/?q=zirconium"));
        let (_, shown) = wait_for(LIMIT, || results(&driver))?;
        (shown.len() == 1).then_some(shown)
    });
    let found = found.unwrap_or_else(|| panic!("the edit is found: {}", driver.text()));
    assert_eq!(found[0].title, "Battery training program");
    drop(driver);
    server.stop();
}
