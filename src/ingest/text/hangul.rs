//! Ingest, shared Korean text helpers: which characters are Hangul, which
//! texts are Korean, and where a Korean word's particle begins.
//!
//! Korean attaches particles and endings straight to a noun ("산업부는",
//! "울산에서"), so a name matched inside a longer Hangul word is a mention
//! only when what follows is such an ending. The gazetteer (name matching),
//! extraction (people, figures) and emit (the article's language) read the
//! helpers here; the word lists live in `src/ingest/words/korean/`.

use super::words::{word_list, Words};

/// Particles and endings glued to a noun.
static PARTICLES: Words = word_list!("korean/particles.txt");
/// Site and administrative suffixes glued to a short name.
static SUFFIXES: Words = word_list!("korean/suffixes.txt");

/// Korean's word for a company, glued after a name in Latin letters
/// ("BMW사가", "Circulor사와").
const COMPANY_WORD: &str = "사";

/// The 하다/되다 stems that make a noun a verb.
static PREDICATE_STEMS: Words = word_list!("korean/predicate-stems.txt");

/// True when `rest`, the Hangul glued after a noun, makes it a verb:
/// "투입" in "투입했다", "개발" in "개발된".
pub(crate) fn is_predicate_ending(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| PREDICATE_STEMS.iter().any(|s| s.starts_with(c)))
}

/// "~", and the wave dashes Korean pages also write for it, joining the
/// two ends of a range ("6∼8일", "3~5%").
pub(crate) const RANGE_TILDES: [char; 4] = ['~', '\u{223C}', '\u{FF5E}', '\u{301C}'];
/// Dashes that join a range of years glued to both ends ("2020-2022년").
pub(crate) const RANGE_DASHES: [char; 2] = ['-', '\u{2013}'];

/// A precomposed Hangul syllable or a jamo (conjoining or compatibility).
pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// True when most letters of `text` are Hangul: a Korean-language text.
pub(crate) fn is_korean(text: &str) -> bool {
    let (mut hangul, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        hangul += usize::from(is_hangul(c));
    }
    letters > 0 && hangul * 2 > letters
}

/// The Hangul syllables at the start of `text` (up to the first other
/// character).
pub(crate) fn hangul_run(text: &str) -> &str {
    let end = text.find(|c: char| !is_hangul(c)).unwrap_or(text.len());
    &text[..end]
}

/// True when `rest`, the Hangul glued after a name, is an ending that
/// keeps the name a word of its own: a particle ("는", "에서는"), a site
/// or administrative suffix ("시", "공장"), or a suffix then a particle
/// ("공장에서").
pub(crate) fn is_ending(rest: &str) -> bool {
    is_particle(rest)
        || SUFFIXES
            .iter()
            .any(|s| rest.strip_prefix(s).is_some_and(is_particle))
}

/// True when `rest`, the Hangul glued after a noun, is nothing or a
/// particle ("는", "에서는").
pub(crate) fn is_particle(rest: &str) -> bool {
    rest.is_empty() || PARTICLES.contains(&rest)
}

/// `word` without a particle or ending glued to it ("장관은" → "장관"):
/// the longest particle whose removal leaves a non-empty word.
pub(crate) fn strip_particle(word: &str) -> &str {
    PARTICLES
        .iter()
        .filter_map(|p| word.strip_suffix(p).filter(|stem| !stem.is_empty()))
        .min_by_key(|stem| stem.len())
        .unwrap_or(word)
}

/// Revised Romanization letters of a syllable's initial, vowel and final.
const INITIALS: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const VOWELS: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const FINALS: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

/// `text` in Latin letters for a file name: each Hangul word without its
/// particle ("배터리도" → "baeteori"), syllable by syllable in the Revised
/// Romanization; other characters kept.
pub(crate) fn romanize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let word = match word.trim_end_matches(|c: char| !c.is_alphanumeric()) {
            stem if stem.ends_with(is_hangul) => {
                let rest = &word[stem.len()..];
                out.extend(strip_particle(stem).chars().map(syllable));
                out.push_str(rest);
                continue;
            }
            _ => word,
        };
        out.extend(word.chars().map(syllable));
    }
    out
}

/// One character: a Hangul syllable in Latin letters, anything else as is.
fn syllable(c: char) -> String {
    let code = c as u32;
    if !('\u{AC00}'..='\u{D7A3}').contains(&c) {
        return c.to_string();
    }
    let index = (code - 0xAC00) as usize;
    let (initial, vowel, last) = (index / (21 * 28), index / 28 % 21, index % 28);
    format!("{}{}{}", INITIALS[initial], VOWELS[vowel], FINALS[last])
}

/// True when `after`, the text right after a name in Latin letters, opens
/// with 사, Korean's word for a company, and nothing but a particle or a
/// suffix after it ("BMW사가", "Circulor사 관계자"; not "Acme사업부").
pub(crate) fn company_word_after(after: &str) -> bool {
    hangul_run(after)
        .strip_prefix(COMPANY_WORD)
        .is_some_and(is_ending)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_korean_texts_from_english_ones() {
        assert!(is_korean("정부가 새 전략을 내놓는다. LG와 SK도 참석했다."));
        assert!(!is_korean("The ministry (산업부) met LG and SK."));
        assert!(!is_korean("2024"));
    }

    #[test]
    fn endings_are_particles_or_suffixes() {
        for rest in ["", "는", "에서는", "시", "공장에서", "과의"] {
            assert!(is_ending(rest), "{rest}");
        }
        for rest in ["기", "리튬", "화학"] {
            assert!(!is_ending(rest), "{rest}");
        }
    }

    #[test]
    fn romanizes_words_without_their_particles() {
        assert_eq!(
            romanize("한국 배터리도 성장한다"),
            "hanguk baeteori seongjanghanda"
        );
        assert_eq!(
            romanize("LG화학, '신공장' 착공"),
            "LGhwahak, 'singongjang' chakgong"
        );
    }

    #[test]
    fn strips_one_particle() {
        assert_eq!(strip_particle("장관은"), "장관");
        assert_eq!(strip_particle("대표와"), "대표");
        assert_eq!(strip_particle("부회장"), "부회장");
        assert_eq!(strip_particle("는"), "는");
        assert_eq!(hangul_run("울산에서, 그리고"), "울산에서");
    }
}
