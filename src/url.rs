//! Web addresses and URL slugs: the one home of the rules for what people
//! may write where it ends up in an `href` or a path. Below everything that
//! reads content (config, markdown, content), so each of them asks here.

/// Links from front matter end up in `href`s: only web addresses, never
/// `javascript:` or other schemes.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(char::is_whitespace)
}

/// True for lowercase ASCII words joined by single hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A slug from any title: lowercase ASCII words joined by hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_makes_valid_slugs() {
        assert_eq!(
            slugify("LG Energy Solution, Ltd."),
            "lg-energy-solution-ltd"
        );
        assert_eq!(slugify("  [The 156th] Forum "), "the-156th-forum");
        assert!(is_slug(&slugify("Ünïcode & Co")));
        assert!(!is_slug("Bad_Slug"));
    }
}
