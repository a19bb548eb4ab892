//! Render stage, template values: strings that escaping leaves as they are.
//!
//! Tera escapes every string it writes unless the string is marked safe.
//! A string with none of the characters HTML escaping changes comes out
//! of escaping as it went in, so marking it safe changes no byte of any
//! page; Tera then copies it instead of scanning it at each use. Worth it
//! for the values made once per build and written on many pages: the
//! `site` values (its base path is written a dozen times a page) and
//! entity links. Tera compares strings by their text, never by whether
//! they are safe, so tests in templates see no difference.

/// The bytes any HTML escaping (Tera's own, or a template's `escape`)
/// may replace.
const ESCAPED: &[u8] = b"&<>\"'";

/// Whether escaping leaves `text` as it is.
pub(crate) fn is_unescaped(text: &str) -> bool {
    !text.bytes().any(|b| ESCAPED.contains(&b))
}

/// `value` with every string in it that escaping would leave unchanged
/// marked safe, through maps and arrays; other strings stay as they are.
pub(crate) fn mark_unescaped(value: tera::Value) -> tera::Value {
    if let Some(text) = value.as_str() {
        return if is_unescaped(text) {
            value.mark_safe()
        } else {
            value
        };
    }
    if let Some(items) = value.as_array() {
        return items
            .iter()
            .cloned()
            .map(mark_unescaped)
            .collect::<Vec<_>>()
            .into();
    }
    if value.is_map() {
        let map = value.into_map().expect("a map");
        let marked: tera::Map = map
            .into_iter()
            .map(|(key, value)| (key, mark_unescaped(value)))
            .collect();
        return marked.into();
    }
    value
}

#[cfg(test)]
mod tests {
    use super::mark_unescaped;

    fn render(template: &str, value: tera::Value) -> String {
        let mut tera = tera::Tera::new();
        tera.add_raw_template("t.html", template).unwrap();
        let mut context = tera::Context::new();
        context.insert_value("v", value);
        tera.render("t.html", &context).unwrap()
    }

    #[test]
    fn plain_strings_are_safe_and_others_are_not() {
        let value = tera::Value::from_serializable(&serde_json::json!({
            "plain": "/sub/articles/",
            "amp": "R&D",
            "list": ["a b", "<b>"],
            "count": 3,
        }));
        let marked = mark_unescaped(value.clone());
        let map = marked.as_map().unwrap();
        let get = |key: &str| map.iter().find(|(k, _)| k.as_str() == Some(key)).unwrap().1;
        assert!(get("plain").is_safe());
        assert!(!get("amp").is_safe());
        let list = get("list").as_array().unwrap();
        assert!(list[0].is_safe() && !list[1].is_safe());
        assert_eq!(marked, value);
    }

    #[test]
    fn pages_are_written_the_same() {
        let value = tera::Value::from_serializable(&serde_json::json!({
            "title": "Cells & \"packs\" <b>it's</b>",
            "path": "/sub/",
            "kind": "article",
            "names": ["LG", "R&D", "한국"],
        }));
        let template = "{{ v.title }}|{{ v.path }}|{{ v.path | upper }}|\
            {{ v.title | escape }}|{{ v.path | escape }}|\
            {% if v.kind == \"article\" %}yes{% endif %}|\
            {% for n in v.names %}{{ n }}{{ n | lower }},{% endfor %}|\
            {{ v.names | join(sep=\" & \") }}|{{ v.path ~ v.title }}|\
            {{ v.path | replace(from=\"sub\", to=\"<a>\") }}";
        assert_eq!(
            render(template, mark_unescaped(value.clone())),
            render(template, value)
        );
    }
}
