//! "Did you mean …?" suggestions by edit distance.

/// The candidate closest to `input`, when it is close enough to be a typo.
pub(crate) fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&input, &c.to_lowercase()), c))
        .filter(|(distance, c)| *distance <= (c.chars().count().max(input.len()) / 3).max(2))
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

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
}
