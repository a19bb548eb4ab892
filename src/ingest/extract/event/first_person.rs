//! Events, titles in the first person: a quoted "We will unveil …" reads
//! to a reader as a headline about someone, "Ok-BIC to unveil …", naming
//! the organization of the speaker the quotation is attributed to (named
//! where it opens, `Kim of Ok-BIC said, “…`, or where it closes,
//! `…,” said Kim of Ok-BIC`), as the text writes it. Nothing is guessed: a
//! title whose speaker the text does not name, or a person speaking for
//! themselves ("I will …"), stays the speaker's words, in quotation marks
//! (or after the attribution that opens it), so that it reads as something
//! said, not as the site's own headline.
//! The first-person words are in `extract/first-person-words.txt`.

use super::super::speaker::{speaker, third_person_of};
use super::super::Sentence;
use crate::ingest::text::vocab::IRREGULAR_PAST;
use crate::ingest::text::words::{word_list, Pairs, Words};

/// Verb after "we" → after a name.
static VERBS: Pairs = word_list!(pairs "extract/first-person-verbs.txt");
/// Words between "we" and its verb.
static ADVERBS: Words = word_list!("extract/first-person-adverbs.txt");

/// `title` as a reader's headline: when what is said opens in the first
/// person, with its "We"/"Our" replaced by the organization that speaks in
/// sentence `at`; else, unless the title itself says who speaks ("Kim
/// said, “I will …”"), in quotation marks. Any other title as it is.
pub(super) fn headline(title: String, sentences: &[&Sentence<'_>], at: usize) -> String {
    let (lead, said) = match title.find(['“', '"']) {
        Some(open) if open > 0 => (title[..open].trim(), &title[open..]),
        _ => ("", title.as_str()),
    };
    let said = unquoted(said).trim_end_matches(['.', ',', '”', '"']);
    let Some(first) = said.split(' ').next().and_then(third_person_of) else {
        return title;
    };
    let attributed = (first != "-")
        .then(|| attributed(said, sentences, at))
        .flatten();
    match attributed {
        Some(headline) => headline,
        None if lead.is_empty() => format!("“{said}”"),
        None => title,
    }
}

/// `said` with its leading "We"/"Our" replaced by the organization that
/// speaks in sentence `at`; none when no speaker is named or the rest
/// still speaks in the first person.
fn attributed(said: &str, sentences: &[&Sentence<'_>], at: usize) -> Option<String> {
    let (first, rest) = said.split_once(' ')?;
    let possessive = match first.to_lowercase().as_str() {
        "we" => false,
        "our" => true,
        _ => return None,
    };
    let (name, _) = speaker(sentences, at)?;
    let rest = own_pronouns(rest)?;
    if possessive {
        return Some(format!("{name}’s {rest}"));
    }
    Some(format!("{name} {}", third_person(&rest)?))
}

/// A title that is a quotation and its attribution ("“We built it,” said
/// Kim") without the attribution: what was said.
fn unquoted(title: &str) -> &str {
    let Some(inner) = title.strip_prefix(['“', '"']) else {
        return title;
    };
    inner
        .find(['”', '"'])
        .map_or(inner, |close| &inner[..close])
}

/// "our" → "its", "us" → "it" in the rest of the title; none when a word
/// has no third person there ("we", "my").
fn own_pronouns(text: &str) -> Option<String> {
    let words = text.split(' ').map(|w| match third_person_of(w) {
        None => Some(w),
        // "my" has no third person here, nor does "we" inside the rest.
        Some(third) if third == "-" || w.eq_ignore_ascii_case("we") => None,
        Some(third) => Some(third),
    });
    Some(words.collect::<Option<Vec<_>>>()?.join(" "))
}

/// The words after "we" as they read after a name: "will unveil" → "to
/// unveil", "also plan" → "also plans". None when the verb is not a plain
/// lowercase word.
fn third_person(rest: &str) -> Option<String> {
    let words: Vec<&str> = rest.split(' ').collect();
    let verb = words
        .iter()
        .position(|w| !(ADVERBS.contains(w) || is_adverb(w)))?;
    let word = words[verb];
    let changed = if let Some((_, after)) = VERBS.iter().find(|(we, _)| *we == word) {
        after.to_string()
    } else if word.ends_with("ed") || IRREGULAR_PAST.contains(&word) {
        word.to_string()
    } else if word.chars().all(|c| c.is_ascii_lowercase()) {
        s_form(word)
    } else {
        return None;
    };
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out[verb] = changed;
    // "will also unveil" → "also to unveil" reads wrong: keep "to" first.
    if verb > 0 && out[verb] == "to" {
        out.remove(verb);
        out.insert(0, "to".into());
    }
    Some(out.join(" "))
}

/// "jointly", "officially"; not "supply", "apply", "rely".
fn is_adverb(word: &str) -> bool {
    word.len() > 5 && word.ends_with("ly") && !word.ends_with("ply")
}

/// "plan" → "plans", "push" → "pushes", "supply" → "supplies".
fn s_form(verb: &str) -> String {
    let consonant_y = verb.len() > 1
        && verb.ends_with('y')
        && !matches!(
            verb.as_bytes()[verb.len() - 2],
            b'a' | b'e' | b'i' | b'o' | b'u'
        );
    if consonant_y {
        format!("{}ies", &verb[..verb.len() - 1])
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| verb.ends_with(e))
    {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_read_after_a_name() {
        assert_eq!(
            third_person("will unveil core technologies").unwrap(),
            "to unveil core technologies"
        );
        assert_eq!(
            third_person("also plan to expand").unwrap(),
            "also plans to expand"
        );
        assert_eq!(
            third_person("are building a plant").unwrap(),
            "is building a plant"
        );
        assert_eq!(
            third_person("will jointly develop cells").unwrap(),
            "to jointly develop cells"
        );
        assert_eq!(
            third_person("supply cathodes").unwrap(),
            "supplies cathodes"
        );
        assert_eq!(third_person("push ahead").unwrap(), "pushes ahead");
        assert_eq!(third_person("can deliver").unwrap(), "can deliver");
        assert_eq!(
            third_person("completed the line").unwrap(),
            "completed the line"
        );
        assert_eq!(third_person("built a plant").unwrap(), "built a plant");
        assert!(third_person("Korea first").is_none());
        assert_eq!(
            own_pronouns("expand our lines with us").unwrap(),
            "expand its lines with it"
        );
        assert!(own_pronouns("grow as we expand").is_none());
        assert!(own_pronouns("expand my lines").is_none());
    }
}
