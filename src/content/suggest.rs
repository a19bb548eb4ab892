//! "Did you mean …?": the one rule every suggestion follows.
//!
//! Takes what a person wrote and the names something is known by; gives
//! back the closest one. For a registry ([`Names`]) every name counts (the
//! slug, the `name:` and each alias, Korean included) and the suggestion is
//! always a slug: a name or alias written instead of the slug is a sure
//! match and beats any guess; then a near miss by edit distance; then a
//! name the written words begin (`samsung` → `samsung-sdi`).

use std::collections::HashSet;

/// The candidate closest to `input`, when it is close enough to be a typo.
pub(crate) fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .filter_map(|c| near_miss(&input, &c.to_lowercase()).map(|d| (d, c)))
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// The edit distance from `input` to `candidate` (both lowercase), when it
/// is small enough for a typo: one edit in three letters beyond the first
/// (`gijang` is not `uiwang`), at least one.
fn near_miss(input: &str, candidate: &str) -> Option<usize> {
    let distance = strsim::damerau_levenshtein(input, candidate);
    let longest = candidate.chars().count().max(input.chars().count());
    (distance <= (longest.saturating_sub(1) / 3).max(1)).then_some(distance)
}

/// Every name a registry knows, each leading to its entry's slug.
#[derive(Debug, Clone, Default)]
pub(crate) struct Names {
    slugs: HashSet<String>,
    /// (folded name, slug); every choice among them breaks ties by slug.
    names: Vec<(String, String)>,
}

impl Names {
    /// Slugs known only as slugs (a registry file that does not parse
    /// still exists, and naming it is no mistake of the article's).
    pub(crate) fn from_slugs<'a>(slugs: impl IntoIterator<Item = &'a str>) -> Names {
        let mut names = Names::default();
        for slug in slugs {
            names.add(slug, std::iter::empty::<&str>());
        }
        names
    }

    /// Add an entry: its slug and the names and aliases it goes by.
    pub(crate) fn add<'a>(&mut self, slug: &'a str, names: impl IntoIterator<Item = &'a str>) {
        self.slugs.insert(slug.to_string());
        for name in std::iter::once(slug).chain(names) {
            let folded = fold(name);
            if !folded.is_empty() {
                self.names.push((folded, slug.to_string()));
            }
        }
    }

    /// Whether `slug` is an entry's slug.
    pub(crate) fn contains(&self, slug: &str) -> bool {
        self.slugs.contains(slug)
    }

    /// The entry `written` names exactly: its slug, name or an alias, in
    /// any case and spacing (`Hyundai Motors`, `hyundai-motors`, `삼성SDI`).
    pub(crate) fn find(&self, written: &str) -> Option<&str> {
        let folded = fold(written);
        self.names
            .iter()
            .filter(|(name, _)| *name == folded)
            .map(|(_, slug)| slug.as_str())
            .min()
    }

    /// The slug `written` most likely meant; see the module comment.
    pub(crate) fn suggest(&self, written: &str) -> Option<&str> {
        if let Some(slug) = self.find(written) {
            return Some(slug);
        }
        let folded = fold(written);
        if folded.is_empty() {
            return None;
        }
        let near = self
            .names
            .iter()
            .filter_map(|(name, slug)| near_miss(&folded, name).map(|d| (d, slug)))
            .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));
        if let Some((_, slug)) = near {
            return Some(slug);
        }
        let prefix = format!("{folded}-");
        self.names
            .iter()
            .filter(|(name, _)| name.starts_with(&prefix))
            .min_by(|a, b| a.0.len().cmp(&b.0.len()).then(a.1.cmp(&b.1)))
            .map(|(_, slug)| slug.as_str())
    }

    /// The `help:` for an unknown name: the suggestion, or `otherwise`.
    pub(crate) fn help(&self, written: &str, otherwise: impl FnOnce() -> String) -> String {
        match self.suggest(written) {
            Some(slug) => format!("did you mean `{slug}`?"),
            None => otherwise(),
        }
    }
}

/// A name as compared: lowercase letters and digits of any script, every
/// other run of characters one hyphen (`Hyundai Motors` → `hyundai-motors`).
fn fold(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            folded.extend(c.to_lowercase());
        } else if !folded.is_empty() && !folded.ends_with('-') {
            folded.push('-');
        }
    }
    folded.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::{closest, Names};

    #[test]
    fn suggests_near_misses_only() {
        let slugs = ["lg-energy-solution", "samsung-sdi", "sk-on"];
        assert_eq!(
            closest("lg-energy-soluton", slugs),
            Some("lg-energy-solution")
        );
        assert_eq!(closest("samsung-sd", slugs), Some("samsung-sdi"));
        assert_eq!(closest("panasonic", slugs), None);
    }

    fn registry() -> Names {
        let mut names = Names::from_slugs(["broken-entry"]);
        names.add(
            "hyundai-motor-company",
            ["Hyundai Motor Company", "Hyundai Motors", "현대자동차"],
        );
        names.add("hyundai-mobis", ["Hyundai Mobis"]);
        names.add("samsung-sdi", ["Samsung SDI", "삼성SDI"]);
        names.add("audi", ["Audi"]);
        names.add("lg-energy-solution", ["LG Energy Solution", "LGES"]);
        names
    }

    #[test]
    fn an_alias_beats_an_edit_distance_guess() {
        let names = registry();
        // One letter from `hyundai-mobis` too, but an alias of this one.
        assert_eq!(
            names.suggest("hyundai-motors"),
            Some("hyundai-motor-company")
        );
        assert_eq!(names.suggest("삼성SDI"), Some("samsung-sdi"));
        assert_eq!(names.suggest("현대자동차"), Some("hyundai-motor-company"));
        assert_eq!(names.suggest("lges"), Some("lg-energy-solution"));
    }

    #[test]
    fn near_misses_and_first_words_are_suggested_and_strangers_are_not() {
        let names = registry();
        assert_eq!(names.suggest("hyundai-mobiss"), Some("hyundai-mobis"));
        assert_eq!(
            names.suggest("LG Energy Soluton"),
            Some("lg-energy-solution")
        );
        assert_eq!(names.suggest("samsung"), Some("samsung-sdi"));
        assert_eq!(names.suggest("panasonic"), None);
        // Two letters in six differ: another place, not a typo.
        assert_eq!(names.suggest("odi"), None);
        assert_eq!(names.suggest("!!"), None);
        assert!(names.contains("broken-entry"));
        assert!(!names.contains("Audi"));
    }
}
