use super::{fold, folded_value, may_fold};

fn site(json: serde_json::Value) -> tera::Value {
    tera::Value::from_serializable(&json)
}

/// Each `{{ site.<field> }}` as `<field>`, to see what was folded.
fn marked(text: &str) -> String {
    fold(text, |field| Some(format!("<{field}>")))
}

#[test]
fn output_tags_of_site_fields_are_folded() {
    assert_eq!(
        marked("<a href=\"{{ site.base_path }}x/\">{{site.title}}</a>{{  site.n_2  }}"),
        "<a href=\"<base_path>x/\"><title></a><n_2>"
    );
}

#[test]
fn other_tags_and_inert_text_are_left_alone() {
    for text in [
        "{{- site.title }}",
        "{{ site.title -}}",
        "{{ site.title | upper }}",
        "{{ site }}",
        "{{ site.pages[0] }}",
        "{{ site.a.b }}",
        "{{ website.title }}",
        "{% if site.search %}x{% endif %}",
        "{# {{ site.title }} #}",
        "{% raw %}{{ site.title }}{% endraw %}",
        "{%- raw -%} {{ site.title }} {%- endraw -%}",
        "{% set x = \"{{ site.title }}\" %}",
        "{{ \"}}\" }}{{ '{{ site.title }}' }}",
        "{{ site.title",
        "{% set x = \"a\\\" %}{{ site.title }}\" %}",
        "{{ 'it\\'s }}{{ site.title }}' }}",
    ] {
        assert_eq!(marked(text), text, "{text}");
    }
    assert_eq!(
        marked("{% raw %}{{ site.a }}{% endraw %}{{ site.b }}"),
        "{% raw %}{{ site.a }}{% endraw %}<b>"
    );
}

#[test]
fn only_values_that_write_as_they_are_are_folded() {
    let site = site(serde_json::json!({
        "title": "Battery Briefing",
        "count": 1200,
        "amp": "R&D",
        "quote": "it's",
        "brace": "a {{ b",
        "space": "padded ",
        "empty": "",
        "none": null,
        "pages": [],
        "flag": true,
    }));
    assert_eq!(
        folded_value(&site, "title").as_deref(),
        Some("Battery Briefing")
    );
    assert_eq!(folded_value(&site, "count").as_deref(), Some("1200"));
    for field in [
        "amp", "quote", "brace", "space", "empty", "none", "pages", "flag", "missing",
    ] {
        assert_eq!(folded_value(&site, field), None, "{field}");
    }
}

#[test]
fn a_template_binding_site_or_defining_a_component_stops_all_folding() {
    for text in [
        "{% for site in sites %}{% endfor %}",
        "{% for key, site in sites %}{% endfor %}",
        "{% set site = 1 %}",
        "{%- set_global site = 1 -%}",
        "{% if site %}{% endif %}",
        "{% component Card(site) %}{% endcomponent Card %}",
    ] {
        assert!(!may_fold([text].into_iter()), "{text}");
    }
    for text in [
        "{% if site.search %}{% endif %}",
        "{% for p in site . pages %}{% endfor %}",
        "{% set website = \"site\" %}",
        "{% set x = 'for site in' %}",
        "{% set x = \"\\\" for site in\" %}",
        "{{ site }}",
    ] {
        assert!(may_fold([text].into_iter()), "{text}");
    }
}

/// Render `template` from `text` with `site`, as the build's templates do.
fn render(text: &str, site: &tera::Value) -> String {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.add_raw_template("t.html", text).unwrap();
    let mut context = tera::Context::new();
    context.insert_value("site", site.clone());
    tera.render("t.html", &context).unwrap()
}

const TEMPLATE: &str = "{%- if site.title %}<t>{{ site.title }}</t>{% endif %}\n  {{ site.title }}\n{%- if true -%}\n  [{{ site.count }}]  {{ site.title }}  {%- endif %}\n{% for i in [1, 2] %}{{ site.title }}{{ i }}{% endfor %}\n{% if true -%}\n {{ site.title }} \n{%- endif %}{{ site.count }}{{ site.title }}{# c #}{{ site.title }}";

proptest::proptest! {
    #[test]
    fn folded_templates_write_the_same_bytes(
        title in "[ a-z&<>\"'{}%#\n-]{0,12}",
        count in 0u64..100_000,
        safe: bool,
    ) {
        let title = tera::Value::from(title.as_str());
        let title = if safe { title.mark_safe() } else { title };
        let mut map = tera::Map::new();
        map.insert("title".into(), title);
        map.insert("count".into(), tera::Value::from(count));
        let site = tera::Value::from(map);
        let folded = fold(TEMPLATE, |field| folded_value(&site, field));
        proptest::prop_assert_eq!(render(&folded, &site), render(TEMPLATE, &site));
    }
}
