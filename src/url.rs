//! Web addresses and URL slugs: the one home of the rules for what people
//! may write where it ends up in an `href` or a path. Below everything that
//! reads content (config, markdown, content), so each of them asks here.

/// Links from front matter end up in `href`s: only web addresses, never
/// `javascript:` or other schemes.
pub(crate) fn is_web_url(url: &str) -> bool {
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

/// The longest slug `briefing new` makes from a title or name, in bytes:
/// file names stop at 255 bytes, and a long headline makes an unwieldy
/// address anyway.
pub(crate) const MAX_NEW_SLUG: usize = 80;

/// `slug` cut at the last hyphen that keeps it within `max` bytes (a slug
/// is ASCII, so any byte is a character boundary).
pub(crate) fn shorten_slug(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    match slug[..=max].rfind('-') {
        Some(cut) if cut > 0 => &slug[..cut],
        _ => &slug[..max],
    }
}

/// A language tag as pages put it in `lang="…"`: a two- or three-letter
/// language (`ko`, `en`) and optional subtags of letters and digits
/// (`en-GB`, `zh-Hant`, `es-419`).
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
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

    #[test]
    fn long_slugs_are_cut_at_a_word() {
        let long = slugify(&"word ".repeat(500));
        let short = shorten_slug(&long, MAX_NEW_SLUG);
        assert!(short.len() <= MAX_NEW_SLUG && is_slug(short), "{short}");
        assert!(short.ends_with("word"));
        assert_eq!(shorten_slug("a-b", MAX_NEW_SLUG), "a-b");
        assert_eq!(shorten_slug(&"x".repeat(100), 80).len(), 80);
    }

    #[test]
    fn language_tags() {
        for good in ["en", "ko", "en-GB", "zh-Hant", "es-419", "kor"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "klingon",
            "e",
            "en_GB",
            "en-",
            "ko\"><script>",
            "en-toolongsubtag",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
