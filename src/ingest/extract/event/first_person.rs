//! Events, titles in the first person: a quoted "We will unveil …" reads
//! to a reader as a headline about someone, "Ok-BIC to unveil …", naming
//! the organization of the speaker the quotation is attributed to (named
//! where it opens, `Kim of Ok-BIC said, “…`, or where it closes,
//! `…,” said Kim of Ok-BIC`), as the text writes it. A title whose speaker
//! the text does not name stays as it is: nothing is guessed.

use super::super::speaker::speaker;
use super::super::Sentence;
use crate::ingest::text::words::{word_list, Pairs, Words};

/// Verb after "we" → after a name.
static VERBS: Pairs = word_list!(pairs "extract/first-person-verbs.txt");
/// Words between "we" and its verb.
static ADVERBS: Words = word_list!("extract/first-person-adverbs.txt");
/// Past tenses without -ed, which stay as they are.
static IRREGULAR_PAST: Words = word_list!("extract/irregular-past.txt");

/// `title` with its leading "We"/"Our" replaced by the organization that
/// speaks in sentence `at`, or none when it does not open so or no speaker
/// is named.
pub(super) fn attributed(title: &str, sentences: &[&Sentence<'_>], at: usize) -> Option<String> {
    let title = unquoted(title).trim_end_matches(['.', ',', '”', '"']);
    let (first, rest) = title.split_once(' ')?;
    let possessive = match first.to_lowercase().as_str() {
        "we" => false,
        "our" => true,
        _ => return None,
    };
    let (name, _) = speaker(sentences, at)?;
    let rest = own_pronouns(rest);
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

/// "our" → "its", "us" → "it" in the rest of the title.
fn own_pronouns(text: &str) -> String {
    text.split(' ')
        .map(|w| match w {
            "our" => "its",
            "us" => "it",
            "ourselves" => "itself",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
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
            own_pronouns("expand our lines with us"),
            "expand its lines with it"
        );
    }
}
