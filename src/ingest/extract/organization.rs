//! Extraction, organizations: registry mentions and suggestions.
//!
//! Takes the sentences with their gazetteer hits and gives back registry
//! slugs in first-mention order (with evidence), and, from general naming
//! patterns ("Ministry of …", "… Institute", "… Co., Ltd.", "Full Name
//! (ACRONYM)"), the organizations the registry does not know yet, so they
//! can be added rather than silently dropped.

mod context;
mod generated;
mod korean;
mod listed;
mod programme;
mod regional;
pub(crate) use regional::is_local_government;
mod title;

pub(super) use korean::only_generic_words;

use std::collections::{BTreeMap, HashSet};

use super::names::is_role_word;
use super::Sentence;
use crate::content::entity::slugify;
use crate::content::evidence::EvidenceKey;
use crate::content::front_matter::{OrganizationKind, OrganizationSuggestion, PlaceKind};
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::hangul::{is_hangul, strip_particle};
use crate::ingest::text::token::{tokenize, Token};
use crate::ingest::text::vocab::{LEGAL_FORMS, SENTENCE_OPENERS};
use crate::ingest::text::words::{word_list, Pairs, Words};
pub(crate) use generated::NewOrganization;

/// Generic references that are not a named organization.
static GENERIC: Words = word_list!("extract/generic-organizations.txt");

/// What an article says about organizations.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Registry and generated slugs, in first-mention order.
    pub(crate) slugs: Vec<String>,
    /// Entries ingest adds to the registry, each once.
    pub(crate) generated: Vec<NewOrganization>,
    /// Names that look like organizations but are not clear enough to add.
    pub(crate) suggestions: Vec<OrganizationSuggestion>,
}

/// Registry mentions and the organizations the registry lacks, in
/// first-mention order; records each one's first sentence as evidence.
pub(crate) fn mentions(
    sentences: &[&Sentence<'_>],
    gazetteer: &Gazetteer,
    evidence: &mut BTreeMap<EvidenceKey, String>,
) -> Found {
    let mut found = Found::default();
    let mut suggested = HashSet::new();
    for (i, sentence) in sentences.iter().enumerate() {
        let last = i + 1 == sentences.len();
        let mut named: Vec<(usize, String)> = Vec::new();
        for hit in &sentence.organizations {
            let written = sentence.text[hit.start..hit.end].to_lowercase();
            if GENERIC.contains(&written.as_str())
                || last && name_cut_by_the_text_end(&sentence.text[hit.end..])
                || is_credit(sentence.text, hit)
                || lists_a_ticker(&sentence.text[..hit.start], &sentence.text[hit.end..])
                || programme::opens_programme_name(sentence.text, hit.end)
                || regional::regions_own_body(sentence, hit, gazetteer)
                || regional::korean_place_only(sentence, hit, gazetteer)
            {
                continue;
            }
            let slug = earlier_named_by_short_form(sentence, hit, gazetteer, &found.slugs)
                .unwrap_or(&gazetteer.organizations()[hit.entity].slug);
            named.push((hit.start, slug.clone()));
        }
        for (start, entry) in title::bodies(sentence.text, gazetteer) {
            named.push((start, entry.slug.clone()));
        }
        for (start, entry) in place_governments(sentence, gazetteer) {
            named.push((start, entry.slug.clone()));
        }
        for unknown in &sentence.unknown {
            // "University of Munster" is the entry filed as
            // `university-of-munster` (written "University of Münster").
            let slug = slugify(&sentence.text[unknown.start..unknown.end]);
            if let Some(known) = gazetteer.organization_by_slug(&slug) {
                named.push((unknown.start, known.slug.clone()));
                continue;
            }
            // "HiNa Technology Co., Ltd. (HiNa Battery)": another name of
            // the registry entry in the brackets.
            if bracketed_hit(sentence, unknown.end) {
                continue;
            }
            // "… Institute of Science and Technology (KIST)", then "KIST":
            // the entry this article generated with that alias.
            let name = &sentence.text[unknown.start..unknown.end];
            if let Some(entry) = found
                .generated
                .iter()
                .find(|g| g.aliases.iter().any(|a| a == name))
            {
                named.push((unknown.start, entry.slug.clone()));
                continue;
            }
            match generated::entry(sentence, unknown, gazetteer) {
                Some(entry) => {
                    named.push((unknown.start, entry.slug.clone()));
                    if !found.generated.iter().any(|g| g.slug == entry.slug) {
                        found.generated.push(entry);
                    }
                }
                None => {
                    let name = &sentence.text[unknown.start..unknown.end];
                    if suggested.insert(name.to_lowercase()) {
                        found.suggestions.push(OrganizationSuggestion {
                            name: name.to_string(),
                            kind: unknown.kind,
                            quote: Some(sentence.text.to_string()),
                        });
                    }
                }
            }
        }
        named.sort_by_key(|(start, _)| *start);
        for (_, slug) in named {
            if !found.slugs.contains(&slug) {
                evidence.insert(EvidenceKey::organization(&slug), sentence.text.to_string());
                found.slugs.push(slug);
            }
        }
    }
    found
}

/// The byte length of the character at `at` in `text`.
fn open_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// "…, SK Inno": the text stops inside a capitalized word right after the
/// hit (`after` is the rest of the last sentence), so the name the hit
/// opens may go on ("SK Innovation") and the hit names nobody for sure.
fn name_cut_by_the_text_end(after: &str) -> bool {
    let Some(word) = after.strip_prefix(' ') else {
        return false;
    };
    let word = word.trim_end();
    // "… of LG Chem Tuesday": a weekday or a month goes on no name.
    let time_word = word.parse::<chrono::Weekday>().is_ok()
        || crate::ingest::text::vocab::month_number(word).is_some();
    word.starts_with(|c: char| c.is_uppercase())
        && word.chars().all(char::is_alphabetic)
        && !time_word
}

/// "Acme Cells and Beta Motor Group …, the Acme-Beta venture": a
/// partnership's nickname joins its partners' short forms by a hyphen,
/// and each one that opens the name of exactly one body the article named
/// before is that body, not the registry entry the short form alone
/// stands for (a group, an automaker). Alone, a group's short form after
/// one of its companies is as often the group, so only the nickname
/// counts.
fn earlier_named_by_short_form<'g>(
    sentence: &Sentence<'_>,
    hit: &Hit,
    gazetteer: &'g Gazetteer,
    earlier: &[String],
) -> Option<&'g String> {
    let written = &sentence.text[hit.start..hit.end];
    let text = sentence.text;
    let joined_after =
        text[hit.end..].starts_with('-') && text[hit.end + 1..].starts_with(char::is_uppercase);
    let joined_before = text[..hit.start].ends_with('-')
        && text[..hit.start - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    if written.contains(char::is_whitespace) || !(joined_after || joined_before) {
        return None;
    }
    let prefix = format!("{written} ");
    let mut opened = earlier
        .iter()
        .filter_map(|slug| gazetteer.organization_by_slug(slug))
        .filter(|o| o.slug != gazetteer.organizations()[hit.entity].slug)
        .filter(|o| o.front.name.starts_with(&prefix));
    match (opened.next(), opened.next()) {
        (Some(only), None) => Some(&only.slug),
        _ => None,
    }
}

/// A place's government in the words around its name: "Chile's
/// government", "the Indian federal government", "the government of
/// Chile", "칠레 정부", "퀘벡 주정부". Each names the registry's
/// "Government of <place>" (the plain "Indian government" is also its
/// alias); a place with no such entry names none.
fn place_governments<'g>(
    sentence: &Sentence<'_>,
    gazetteer: &'g Gazetteer,
) -> Vec<(usize, &'g crate::content::entity::Organization)> {
    static QUALIFIERS: Words = word_list!("extract/government-qualifiers.txt");
    let text = sentence.text;
    let word_government = |rest: &str| {
        let rest = rest
            .strip_prefix("'s ")
            .or_else(|| rest.strip_prefix("’s "))
            .unwrap_or(rest.trim_start());
        let rest = match rest.split_once(' ') {
            Some((qualifier, after)) if QUALIFIERS.contains(&qualifier) => after,
            _ => rest,
        };
        // "government bonds", "government-run": a word the government
        // qualifies, not the government.
        ["government", "Government"].iter().any(|g| {
            rest.strip_prefix(g).is_some_and(|tail| {
                let next = tail
                    .trim_start()
                    .split(|c: char| !c.is_alphanumeric())
                    .next();
                !tail.starts_with(|c: char| c.is_alphanumeric() || c == '-')
                    && !next.is_some_and(|w| {
                        w.eq_ignore_ascii_case("bond") || w.eq_ignore_ascii_case("bonds")
                    })
            })
        })
    };
    // "칠레 정부는"; "퀘벡 주정부가", "온타리오 주 정부" of a province or
    // a state only ("호주 주정부" are Australia's states, not its nation).
    let korean_government = |rest: &str, country: bool| {
        let rest = rest.trim_start();
        let rest = match rest.strip_prefix('주') {
            Some(after) if !country => after.trim_start(),
            _ => rest,
        };
        // "정부는", "정부의", not "정부출연" or "정부청사".
        let word = rest.split(|c: char| !is_hangul(c)).next().unwrap_or("");
        strip_particle(word) == "정부"
    };
    let of_before = |before: &str| {
        let before = before.trim_end();
        ["government of", "Government of"]
            .iter()
            .any(|g| before.ends_with(g))
    };
    let mut found = Vec::new();
    for hit in &sentence.places {
        let rest = &text[hit.end..];
        let place = &gazetteer.places()[hit.entity].front;
        let country = place.kind == PlaceKind::Country;
        let names_it = word_government(rest)
            || !gazetteer.is_demonym(hit)
                && (korean_government(rest, country) || of_before(&text[..hit.start]));
        if !names_it {
            continue;
        }
        let name = &place.name;
        let entry = gazetteer
            .organization_named(&format!("Government of {name}"))
            .or_else(|| gazetteer.organization_named(&format!("Government of the {name}")));
        found.extend(entry.map(|entry| (hit.start, entry)));
    }
    found
}

/// A registry hit alone in brackets right after `end`.
fn bracketed_hit(sentence: &Sentence<'_>, end: usize) -> bool {
    let rest = &sentence.text[end..];
    let Some(inner) = rest.trim_start().strip_prefix('(') else {
        return false;
    };
    let open = sentence.text.len() - inner.len();
    sentence.organizations.iter().any(|h| {
        h.start >= open
            && sentence.text[open..h.start].trim().is_empty()
            && sentence.text[h.end..].trim_start().starts_with(')')
    })
}

/// An exchange before a company's ticker, in brackets ("Acme Cells (KRX:
/// 123456)", "(NASDAQ, ASX: ACM)", "(ACM; KRX: 123456)"): where the shares
/// trade, not an actor.
/// `before` and `after` are the sentence's text around the mention.
fn lists_a_ticker(before: &str, after: &str) -> bool {
    // Inside a bracket opened right before it or before the exchange it
    // follows: "CATL: 339.3, BYD: 153.7" lists makers' figures.
    let before = before.trim_end();
    let opened = before.ends_with('(')
        || before.ends_with([',', ';'])
            && before
                .rfind('(')
                .is_some_and(|open| !before[open..].contains(')'));
    if !opened {
        return false;
    }
    // "NASDAQ, ASX: ACM": the next exchange gives the ticker for both.
    if let Some(next) = after.strip_prefix(',') {
        let next = next.trim_start();
        let word = next.split([':', ',', ' ']).next().unwrap_or("");
        let exchange = !word.is_empty() && word.chars().all(|c| c.is_ascii_uppercase());
        return exchange && ticker_follows(&next[word.len()..]);
    }
    ticker_follows(after)
}

/// ": 123456)", ":ACM.AX,": a colon, then a ticker of capitals, digits
/// and dots (no decimal number) closed by a bracket or a comma.
fn ticker_follows(after: &str) -> bool {
    const MAX_TICKER_CHARS: usize = 8;
    let Some(rest) = after.strip_prefix(':') else {
        return false;
    };
    let rest = rest.trim_start();
    let ticker: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    let closed = rest[ticker.len()..].starts_with([')', ',', ';']);
    let decimal = ticker.contains('.') && ticker.chars().all(|c| c.is_ascii_digit() || c == '.');
    (1..=MAX_TICKER_CHARS).contains(&ticker.len())
        && ticker.chars().all(|c| !c.is_ascii_lowercase())
        && closed
        && !decimal
}

/// A source credit rather than an actor: "Source: X",
/// "© X", "ⓒ X", "Copyright X", a dateline "X —" opening the sentence, or a wire
/// credit "(X) -". The outlet that published a story is not part of it.
fn is_credit(text: &str, hit: &Hit) -> bool {
    let before = text[..hit.start].trim_end().to_lowercase();
    let before = before
        .strip_suffix("the")
        .map_or(before.as_str(), str::trim_end);
    let after = text[hit.end..].trim_start();
    const DASHES: [char; 4] = ['-', '\u{2014}', '\u{2013}', ':'];
    let dash = |rest: &str| rest.starts_with(DASHES);
    // "©(주) 한빛일보": a legal form between the mark and the name.
    let before_form = before
        .strip_suffix("(주)")
        .or_else(|| before.strip_suffix('㈜'))
        .map_or(before, str::trim_end);
    let credited = [
        "source:",
        "\u{a9}",
        "\u{24d2}",
        "copyright",
        "copyrights",
        "(c)",
    ]
    .iter()
    .any(|w| before_form.ends_with(w));
    // "Acme - 3.8 GWh": a ranking's row names the body its figure is;
    // "AFP - 22 May 2024 - …" is a wire's dateline still.
    let rest = after.trim_start_matches(DASHES).trim_start();
    let figure_after = rest.starts_with(|c: char| c.is_ascii_digit())
        && crate::ingest::text::date::full_dates(rest)
            .first()
            .is_none_or(|(span, _)| span.start != 0);
    let dateline = before.is_empty() && dash(after) && !figure_after;
    let wire = before.ends_with('(')
        && after
            .strip_prefix(')')
            .is_some_and(|r| dash(r.trim_start()))
        && crate::ingest::text::dateline::is_dateline_tag(
            text[..hit.start].trim_end().trim_end_matches('('),
            &text[hit.start..hit.end],
            after.strip_prefix(')').unwrap_or(after),
        );
    // "(Yonhap)" closing a story or standing alone: a wire credit.
    let bare = before.ends_with('(')
        && after
            .strip_prefix(')')
            .is_some_and(|rest| rest.trim().is_empty());
    // "(서울=뉴스1)", "[서울=뉴스핌]", "[이데일리]", "[이데일리 박성민
    // 기자]": a Korean wire dateline, outlet or byline opening the story.
    let outlet = crate::ingest::text::vocab::is_masthead(&text[hit.start..hit.end]);
    let korean_dateline = before.ends_with('=') && after.starts_with([')', ']'])
        || before == "[" && after.starts_with(']') && outlet;
    let korean_byline = before.ends_with(['[', '('])
        && after
            .split([']', ')'])
            .next()
            .map(str::trim_end)
            .is_some_and(|byline| {
                crate::ingest::text::vocab::ends_with_reporter_title(byline)
                    || super::person::ends_with_glued_byline(byline)
            });
    // "/PRNewswire/", "--(BUSINESS WIRE)--": a release wire's tag.
    let name = &text[hit.start..hit.end];
    let slashed = before.ends_with('/') && after.starts_with('/');
    let wire_tag = (slashed || before.ends_with("--(") && after.starts_with(")--"))
        && crate::ingest::text::vocab::is_news_agency(name);
    let english_byline = before.ends_with(['[', '('])
        && after.split([']', ')']).next().is_some_and(names_a_reporter);
    // "한빛 기자 / 한빛일보": the outlet after its reporter's byline.
    let signed = before.strip_suffix(['/', '|']).is_some_and(|byline| {
        crate::ingest::text::vocab::ends_with_reporter_title(byline.trim_end())
    });
    let wire_byline = in_a_wire_byline(text, hit);
    // "(Daily Courier) July 26 -- Acme …": an outlet in brackets opening
    // the story, then its dateline.
    let bracketed_dateline = before == "(" && after.strip_prefix(')').is_some_and(opens_a_dateline);
    credited
        || dateline
        || wire
        || bare
        || korean_dateline
        || korean_byline
        || wire_tag
        || english_byline
        || signed
        || bracketed_dateline
        || wire_byline
}

/// "[천안=한빛일보 한가람 기자]", "[Sejong=Daily Courier Reporter Jane
/// Roe]", "[한빛경제TV=한가람기자]": a place or the outlet, "=", then a
/// byline, all in one bracket. Whatever the bracket names is credited.
fn in_a_wire_byline(text: &str, hit: &Hit) -> bool {
    const MAX_WORDS: usize = 8;
    let Some(open) = text[..hit.start].rfind(['[', '(', '【']) else {
        return false;
    };
    let Some(close) = text[hit.end..].find([']', ')', '】']).map(|i| hit.end + i) else {
        return false;
    };
    if text[open..hit.start].contains([']', ')', '】']) {
        return false;
    }
    let content = &text[open + open_len(text, open)..close];
    let Some((_, byline)) = content.split_once('=') else {
        return false;
    };
    let byline = byline.trim();
    // "【서울=한빛일보】가람 기자 = …": the reporter right after the brackets.
    let after = &text[close + open_len(text, close)..];
    let reporter_after = after.split_once(" =").is_some_and(|(reporter, _)| {
        crate::ingest::text::vocab::ends_with_reporter_title(reporter.trim())
            && crate::ingest::text::line::word_count(reporter) <= 3
    });
    crate::ingest::text::line::word_count(content) <= MAX_WORDS
        && (reporter_after
            || crate::ingest::text::vocab::ends_with_reporter_title(byline)
            || super::person::ends_with_glued_byline(byline)
            || names_a_reporter(byline))
}

/// " July 26 -- Acme …", " -- Acme …": a short date, or nothing, before a
/// dateline's dash.
fn opens_a_dateline(rest: &str) -> bool {
    const MAX_DATE_WORDS: usize = 3;
    let Some(at) = rest
        .find(['\u{2014}', '\u{2013}'])
        .or_else(|| rest.find("--"))
    else {
        return false;
    };
    let date = rest[..at].trim();
    date.split_whitespace().count() <= MAX_DATE_WORDS
        && (date.is_empty() || date.contains(|c: char| c.is_ascii_digit()))
}

/// "… Reporting Headquarters, Reporter Heo Seon-sik": the rest of a
/// bracketed byline after the outlet's name, translated from Korean (a
/// reporter's title, then one to three capitalized words of a name).
fn names_a_reporter(rest: &str) -> bool {
    static TITLES: Words = word_list!("extract/reporter-titles.txt");
    const MAX_NAME_WORDS: usize = 3;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let Some(title) = words.iter().rposition(|w| {
        TITLES
            .iter()
            .any(|t| t.eq_ignore_ascii_case(w.trim_matches(',')))
    }) else {
        return false;
    };
    let name = &words[title + 1..];
    (1..=MAX_NAME_WORDS).contains(&name.len())
        && name.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Head words that end an organization's name, with the kind they suggest.
static HEADS: Pairs = word_list!(pairs "extract/organization-heads.txt");
/// Words whose possessive is part of a name ("People's Court").
static POSSESSIVE_NAME_WORDS: Words = word_list!("extract/possessive-name-words.txt");
/// Nouns of sites: a head word right before one names a place.
static FACILITY_NOUNS: Words = word_list!("extract/facility-nouns.txt");
/// Head words that open one before "of" ("Office of …"), with their kind.
static OPENERS: Pairs = word_list!(pairs "extract/organization-openers.txt");

/// An organization name found by pattern that the registry lacks: its
/// byte span in the sentence and a guessed kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unknown {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Option<OrganizationKind>,
    /// An acronym defined right after the name: "… Corporation (CTG)".
    pub(crate) alias: Option<(usize, usize)>,
}

/// Names in `text` that look like organizations, overlap no registry hit
/// in `known` and are not registry names either; `places` are the
/// sentence's place hits.
pub(crate) fn unknown(
    text: &str,
    known: &[Hit],
    places: &[Hit],
    gazetteer: &Gazetteer,
) -> Vec<Unknown> {
    let tokens = tokenize(text);
    let spans = |hits: &[Hit]| hits.iter().map(|h| (h.start, h.end)).collect::<Vec<_>>();
    let places = spans(places);
    let korean = (regional::korean_bodies(text, gazetteer).into_iter())
        .map(|(start, end)| (start, end, Some(OrganizationKind::Government)))
        .chain(korean::bodies(text))
        .chain(korean::latin_companies(text))
        .chain(listed::items(text, &spans(known), &places))
        .chain(
            korean::described_companies(text)
                .into_iter()
                .chain(korean::officers_companies(text))
                .filter(|&(start, end, _)| !places.iter().any(|&(s, e)| s < end && start < e)),
        )
        .filter(|&(start, end, _)| {
            !known.iter().any(|h| h.start < end && start < h.end)
                && gazetteer.organization_named(&text[start..end]).is_none()
        })
        .map(|(start, end, kind)| Unknown {
            start,
            end,
            kind,
            alias: None,
        });
    let mut ranges = candidates(&tokens);
    ranges.extend(context::candidates(&tokens, known, gazetteer));
    ranges.extend(regional::national_bodies(text, &tokens, gazetteer));
    let regional = regional::bodies(text, &tokens, gazetteer);
    ranges.extend(regional.iter().copied());
    for range in &mut ranges {
        range.1 = without_tail(&tokens, range.0, range.1);
        // "Chennai-based Hanul Industries Ltd.", "New South Vale-based
        // Kestrel Storage": the base is no part of the name; a material
        // ("Nordic Silicon-based Anode Materials AB") is.
        static MATERIALS: Words = word_list!("extract/based-materials.txt");
        if let Some(base) = (range.0..range.1.saturating_sub(1)).rev().find(|&k| {
            tokens[k]
                .text
                .strip_suffix("-based")
                .is_some_and(|stem| !MATERIALS.iter().any(|m| stem.eq_ignore_ascii_case(m)))
        }) {
            range.0 = base + 1;
        }
    }
    longest_first(&mut ranges);
    ranges
        .into_iter()
        .filter_map(|(start, end, kind)| {
            let (from, to) = (tokens[start].start, tokens[end - 1].end);
            let inside: Vec<&Hit> = known
                .iter()
                .filter(|h| from <= h.start && h.end <= to)
                .collect();
            let crossing = known
                .iter()
                .any(|h| h.start < to && from < h.end && !(from <= h.start && h.end <= to));
            let overlaps = crossing
                || !(inside.is_empty()
                    || regional.contains(&(start, end, kind))
                    || kind.is_some() && extends(&tokens[start..end], &inside));
            let name = text[from..to].trim_end_matches(',');
            let alias = acronym_definition(&tokens, end)
                .filter(|&(first, _)| first <= start)
                .map(|_| (tokens[end + 1].start, tokens[end + 1].end))
                .or_else(|| short_name(&tokens, start, end));
            let known = gazetteer.organization_named(name).is_some() || gazetteer.rejected(name);
            // "Tesla, Inc.": a legal form after a comma belongs to the name
            // before it; alone it names nobody.
            let legal_form_alone = LEGAL_FORMS.contains(&name.trim_end_matches('.'));
            // "CEO of Europe": a region's head; a place alone is no body
            // unless its government is meant (regional bodies).
            let a_place = places.contains(&(from, from + name.len()))
                && !regional.contains(&(start, end, kind));
            (!overlaps
                && !a_place
                && !known
                && !letter_and_number(name)
                && !legal_form_alone
                && !names_a_weekday(name))
            .then_some(Unknown {
                start: from,
                end: from + name.len(),
                kind,
                alias,
            })
        })
        .chain(korean)
        .collect()
}

/// "Last Wednesday, the coalition …": a weekday written in full is a
/// time, never a word of an organization's name.
fn names_a_weekday(name: &str) -> bool {
    const FULL_NAME_MIN: usize = 6;
    name.split_whitespace().any(|word| {
        word.len() >= FULL_NAME_MIN
            && crate::ingest::text::date::weekday_named(word.trim_end_matches([',', '.'])).is_some()
    })
}

/// "company S 23 cases": a lone letter and a number name nobody; each
/// word is one letter or only digits ("3M" mixes them and is a name).
fn letter_and_number(name: &str) -> bool {
    name.split_whitespace().all(|word| {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        letters <= 1 && (letters == 0 || !word.chars().any(|c| c.is_ascii_digit()))
    })
}

/// Where a name of tokens `start..end` really ends: before the first
/// letter of a dotted legal form the run stopped inside ("Renault S.A."),
/// and before a ticker written after the legal form ("Tesla Inc TSLA").
fn without_tail(tokens: &[Token<'_>], start: usize, end: usize) -> usize {
    let text = |i: usize| tokens.get(i).map_or("", |t| t.text);
    let letter = |w: &str| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
    let ticker = |w: &str| {
        (2..=5).contains(&w.len())
            && w.chars().all(|c| c.is_ascii_uppercase())
            && !is_roman_number(w)
    };
    let dotted_form = letter(text(end - 1)) && text(end) == "." && text(end + 1).len() == 1;
    let ticker_after_form =
        end >= start + 3 && ticker(text(end - 1)) && LEGAL_FORMS.contains(&text(end - 2));
    if end > start + 1 && (dotted_form || ticker_after_form || wire_ticker(tokens, end - 1)) {
        end - 1
    } else {
        end
    }
}

/// "STLAM.MI", "BMWG.DE", "005380.KS": the wire's ticker at token `at`,
/// capitals or digits glued to a dot and an exchange's one or two capitals.
fn wire_ticker(tokens: &[Token<'_>], at: usize) -> bool {
    let [code, dot, exchange] = match tokens.get(at..at + 3) {
        Some([a, b, c]) => [a, b, c],
        _ => return false,
    };
    let glued = code.end == dot.start && dot.end == exchange.start;
    glued
        && dot.text == "."
        && (1..=2).contains(&exchange.text.len())
        && exchange.text.chars().all(|c| c.is_ascii_uppercase())
        && code.text.len() <= 8
        && code
            .text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A name that holds one registry name and more words of its own ("Toyota
/// Tsusho Co." around "Toyota", "Gyeongbuk Technopark" around the
/// province) names another body, not the registry entry.
fn extends(tokens: &[Token<'_>], inside: &[&Hit]) -> bool {
    // The registry name opens the longer one ("About POSCO Holdings" is a
    // heading, not a body).
    inside.len() == 1
        && tokens.first().is_some_and(|t| t.start == inside[0].start)
        && tokens.iter().any(|t| {
            t.is_capitalized()
                && !LEGAL_FORMS.contains(&t.text)
                && !inside.iter().any(|h| h.start <= t.start && t.end <= h.end)
        })
}

/// Token ranges that look like organization names, with a guessed kind.
fn candidates(tokens: &[Token<'_>]) -> Vec<context::Range> {
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        // "Group 14 Technologies": a head word with a number and more name
        // after it ends no name.
        let name_goes_on = crate::ingest::text::token::number_in_name(tokens, i + 1);
        if name_goes_on {
            continue;
        }
        // "Lumen East Service Area": a head word before a noun of a site
        // is part of a place's name.
        let names_a_site = tokens
            .get(i + 1)
            .is_some_and(|t| FACILITY_NOUNS.contains(&t.text));
        if let Some(&(_, word)) = HEADS
            .iter()
            .find(|(h, _)| token.text == *h)
            .filter(|_| !names_a_site)
        {
            // Every head word's kind is one (a test of the word list).
            let kind = OrganizationKind::from_word(word);
            let start = extend_left(tokens, i);
            let mut end = extend_right(tokens, i + 1);
            if kind == Some(OrganizationKind::Company) {
                end = company_suffix_end(tokens, i);
            }
            let words = tokens[start..end].iter().filter(|t| t.is_word()).count();
            let head_first = OPENERS.iter().any(|(h, _)| token.text == *h);
            if words >= 2 && (start < i || head_first && end > i + 1) {
                found.push((start, end, kind));
            }
        } else if let Some(&(_, word)) = OPENERS.iter().find(|(h, _)| token.text == *h) {
            if academic_department(&tokens[i..extend_right(tokens, i + 1)]) {
                continue;
            }
            // "Office of Manufacturing and Energy Supply Chains": a head
            // that only opens names. In a person's role ("Head of the
            // Office of R&D, KBIA") it names a unit of a body, not a body.
            let end = extend_right(tokens, i + 1);
            // A government's department is a body even in its officer's
            // role ("Secretary of the Department of Heavy Industry").
            let in_role = i >= 3
                && tokens[i - 1].is("the")
                && named_in_role(tokens, i)
                && token.text != "Department";
            if end > i + 1 && !in_role {
                found.push((i, end, OrganizationKind::from_word(word)));
            }
        }
        if let Some(range) = acronym_definition(tokens, i) {
            found.push((range.0, range.1, None));
        }
        if let Some((start, end)) = headed_company(tokens, i) {
            found.push((start, end, Some(OrganizationKind::Company)));
        }
    }
    longest_first(&mut found);
    found
}

/// "CEO of Corvus Energy", "co-founder of Kestrel Cells": the capitalized
/// words after a company head's title and "of" (token `of`) name the
/// company; gives their token range.
fn headed_company(tokens: &[Token<'_>], of: usize) -> Option<(usize, usize)> {
    static HEAD_ROLES: Words = word_list!("extract/company-head-roles.txt");
    const MAX_NAME_WORDS: usize = 5;
    if !tokens[of].is("of") {
        return None;
    }
    let titled = HEAD_ROLES.iter().any(|role| {
        let words: Vec<&str> = role.split(' ').collect();
        of.checked_sub(words.len())
            .is_some_and(|first| tokens[first..of].iter().zip(&words).all(|(t, w)| t.is(w)))
    });
    let end = (of + 1..tokens.len())
        .take_while(|&k| continues_name(&tokens[k]))
        .last()?
        + 1;
    (titled && end - of - 1 <= MAX_NAME_WORDS).then_some((of + 1, end))
}

/// "Head of (the) …": the name starting at `start` follows a role and
/// "of", so it names the unit the role is in.
fn named_in_role(tokens: &[Token<'_>], start: usize) -> bool {
    let mut at = start;
    if at > 0 && tokens[at - 1].is("the") {
        at -= 1;
    }
    at >= 2 && tokens[at - 1].text == "of" && is_role_word(tokens[at - 2].text)
}

/// "Department of Chemical and Biomolecular Engineering": a department
/// named by a field of study is a university's unit (a role's part), not a
/// body of the story.
fn academic_department(name: &[Token<'_>]) -> bool {
    static FIELDS: Words = word_list!("extract/academic-fields.txt");
    name.iter().any(|t| t.text == "Department") && name.iter().any(|t| FIELDS.contains(&t.text))
}

/// Longest first at each start, a guessed kind before none; a range that
/// starts inside an earlier one goes.
fn longest_first(found: &mut Vec<context::Range>) {
    found.sort_by_key(|&(start, end, kind)| (start, std::cmp::Reverse(end), kind.is_none()));
    found.dedup_by(|b, a| b.0 < a.1 && a.0 <= b.0);
}

/// A word that ends an organization's name ("University", "Co").
fn is_head(token: &Token<'_>) -> bool {
    HEADS.iter().any(|(h, _)| token.text == *h)
}

fn is_name_word(token: &Token<'_>) -> bool {
    (token.is_capitalized()
        || token
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit()))
        && !SENTENCE_OPENERS.contains(&token.text)
}

/// Where the run of words that pass `word` ending right before token
/// `end` starts, when there is one.
fn name_start_before(
    tokens: &[Token<'_>],
    end: usize,
    word: fn(&Token<'_>) -> bool,
) -> Option<usize> {
    (0..end).rev().take_while(|&j| word(&tokens[j])).last()
}

/// Walk left over capitalized words and inner connectors ("&", "and").
fn extend_left(tokens: &[Token<'_>], head: usize) -> usize {
    // "Derichebourg and Toyota Tsusho Co.", "Acme Climate Fund and Kestrel
    // Ventures": before a legal form or a company's head word, "and" joins
    // two companies.
    let legal = LEGAL_FORMS.contains(&tokens[head].text)
        || HEADS
            .iter()
            .any(|(h, kind)| tokens[head].text == *h && *kind == "company");
    let mut start = head;
    while start > 0 {
        let prev = &tokens[start - 1];
        // "Wuxi Intermediate People's Court": the possessive is the
        // name's own when a name word stands before it.
        let owned = start >= 4
            && prev.text == "s"
            && matches!(tokens[start - 2].text, "'" | "’")
            && POSSESSIVE_NAME_WORDS.contains(&tokens[start - 3].text)
            && is_name_word(&tokens[start - 4]);
        if owned {
            start -= 3;
            continue;
        }
        let joins = prev.text == "&" || prev.text == "and" && !legal;
        // "Hallim National University and Daeseong University": a head
        // word before the connector ends a name of its own, so the
        // connector lists two bodies.
        let connector =
            joins && start >= 2 && is_name_word(&tokens[start - 2]) && !is_head(&tokens[start - 2]);
        if connector && titled_person_before(tokens, start - 1) {
            break;
        }
        if is_name_word(prev) || connector {
            start -= 1;
        } else {
            break;
        }
    }
    // "the Clean Air for Debrecen Association": after "the", capitalized
    // words and "for" open the same name.
    if let Some(opened) = opened_before_for(tokens, start) {
        return opened;
    }
    // "… of Science and Industry and Daegu Institute": words after "of"
    // end another name; this one starts after the last connector.
    let after_of = start > 0 && matches!(tokens[start - 1].text, "of" | "for" | "on");
    if after_of {
        if let Some(last) = (start..head)
            .rev()
            .find(|&i| matches!(tokens[i].text, "&" | "and"))
        {
            start = last + 1;
        }
    }
    start
}

/// "Vale Mayor Ivo Lind and Greater Vale Alliance": a title and
/// two or three name words right before the connector at `connector` are
/// a person listed beside the body, no part of its name.
fn titled_person_before(tokens: &[Token<'_>], connector: usize) -> bool {
    static OFFICES: Words = word_list!("extract/offices-before-names.txt");
    (2..=3).any(|words| {
        connector > words
            && OFFICES.contains(&tokens[connector - words - 1].text)
            && tokens[connector - words..connector]
                .iter()
                .all(|t| is_name_word(t) && !is_role_word(t.text) && !is_head(t))
    })
}

/// Where a name that reads "the Clean Air for …" starts, when the words
/// before "for" (at `start - 1`) are capitalized, hold no head word or
/// title, and follow "the".
fn opened_before_for(tokens: &[Token<'_>], start: usize) -> Option<usize> {
    if start < 3 || tokens[start - 1].text != "for" {
        return None;
    }
    let first = name_start_before(tokens, start - 1, continues_name)?;
    let plain = tokens[first..start - 1].iter().all(|t| !is_head(t));
    (plain && first > 0 && tokens[first - 1].is("the")).then_some(first)
}

/// After a head: "of"/"for" plus capitalized words, "and"/"&"/"," between
/// them ("Ministry of Trade, Industry and Energy").
fn extend_right(tokens: &[Token<'_>], from: usize) -> usize {
    let linked = tokens
        .get(from)
        .is_some_and(|t| matches!(t.text, "of" | "for" | "on"))
        && tokens.get(from + 1).is_some_and(continues_name);
    if !linked {
        return from;
    }
    let mut end = from + 2;
    while end < tokens.len() {
        let t = &tokens[end];
        let next_is_name = tokens.get(end + 1).is_some_and(continues_name);
        // "Economy, Trade, and Industry": a list's comma before its "and".
        let serial_and = t.text == ","
            && tokens.get(end + 1).is_some_and(|t| t.text == "and")
            && tokens.get(end + 2).is_some_and(continues_name);
        if continues_name(t) {
            end += 1;
        } else if serial_and {
            end += 3;
        } else if (matches!(t.text, "and" | "&" | "of")
            || t.text == "," && list_closes(tokens, end + 1))
            && next_is_name
            && !(t.text != "of" && starts_another(tokens, end + 1))
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// A capitalized word that goes on naming the body after its head: not a
/// weekday or month ("the Commission on Wednesday") nor a title opening a
/// person's name ("University of Seoul and Professor Kim").
fn continues_name(token: &Token<'_>) -> bool {
    is_name_word(token)
        && !is_role_word(token.text)
        && crate::ingest::text::vocab::month_number(token.text).is_none()
        && token.text.parse::<chrono::Weekday>().is_err()
}

/// "… Institute of Science and Industry and Daegu Institute of …": the
/// capitalized words after a connector hold a head word of their own, so
/// a second organization starts there.
fn starts_another(tokens: &[Token<'_>], mut at: usize) -> bool {
    while at < tokens.len() && is_name_word(&tokens[at]) {
        if is_head(&tokens[at]) {
            return true;
        }
        at += 1;
    }
    false
}

/// A comma inside a name only in "A, B and C" lists of capitalized words.
fn list_closes(tokens: &[Token<'_>], mut at: usize) -> bool {
    while at < tokens.len() && is_name_word(&tokens[at]) {
        at += 1;
    }
    // "Trade, Industry, and Energy": a comma may stand before the "and".
    if tokens.get(at).is_some_and(|t| t.text == ",")
        && tokens.get(at + 1).is_some_and(|t| t.text == "and")
    {
        at += 1;
    }
    tokens.get(at).is_some_and(|t| t.text == "and") && tokens.get(at + 1).is_some_and(is_name_word)
}

/// "III": a fund's or a vehicle's number after its legal form, no ticker.
fn is_roman_number(word: &str) -> bool {
    crate::ingest::text::vocab::ROMAN_NUMBERS.contains(&word)
}

/// "Co", "Ltd", "Inc" with their periods, a Roman number and a following
/// ", Ltd.". A whole word's period ends the sentence ("… and Orlov
/// Ventures.").
fn company_suffix_end(tokens: &[Token<'_>], head: usize) -> usize {
    const MAX_ABBREVIATION: usize = 4;
    let mut end = head + 1;
    let abbreviated = tokens[head].text.len() <= MAX_ABBREVIATION;
    if abbreviated && tokens.get(end).is_some_and(|t| t.text == ".") {
        end += 1;
    }
    // "Acquisition Corp III": a vehicle's number in Roman numerals.
    if tokens.get(end).is_some_and(|t| is_roman_number(t.text)) {
        end += 1;
    }
    let more = tokens.get(end).is_some_and(|t| t.text == ",")
        && tokens
            .get(end + 1)
            .is_some_and(|t| matches!(t.text, "Ltd" | "Limited" | "Inc" | "LLC"));
    if more {
        end += 2;
        if tokens.get(end).is_some_and(|t| t.text == ".") {
            end += 1;
        }
    }
    end
}

/// "Hanul Cells Co., Ltd. (Hanul Battery)": the byte span of a shorter
/// name in brackets right after the name at tokens `start..end`, which
/// opens with the name's first word: what the text calls it from then on.
fn short_name(tokens: &[Token<'_>], start: usize, end: usize) -> Option<(usize, usize)> {
    const MOST_WORDS: usize = 4;
    if tokens.get(end)?.text != "(" || tokens.get(end + 1)?.text != tokens[start].text {
        return None;
    }
    let close =
        (end + 1..tokens.len().min(end + 2 + MOST_WORDS)).find(|&i| !is_name_word(&tokens[i]))?;
    let shorter = close - (end + 1) < end - start;
    (tokens[close].text == ")" && shorter).then(|| (tokens[end + 1].start, tokens[close - 1].end))
}

/// "Full Name (ACRONYM)" where the acronym's letters are the initials of
/// the name's words, in order. Gives the range of the full name.
fn acronym_definition(tokens: &[Token<'_>], open: usize) -> Option<(usize, usize)> {
    if tokens.get(open)?.text != "(" || open < 2 {
        return None;
    }
    let acronym = tokens.get(open + 1)?;
    let closes = tokens.get(open + 2).is_some_and(|t| t.text == ")");
    let letters: Vec<char> = acronym.text.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if !closes || !all_caps {
        return None;
    }
    // "Korea Precursors Co., Ltd. (KPC)": the legal form may stand
    // between the name and its acronym.
    let mut start = open;
    let in_form = |t: &Token<'_>| matches!(t.text, "," | ".") || LEGAL_FORMS.contains(&t.text);
    while start > 0 && open - start < 5 && in_form(&tokens[start - 1]) {
        start -= 1;
    }
    while start > 0 {
        let prev = &tokens[start - 1];
        let connector = matches!(prev.text, "of" | "for" | "and" | "&" | "the" | "on")
            && start >= 2
            && is_name_word(&tokens[start - 2]);
        if is_name_word(prev) || connector {
            start -= 1;
        } else {
            break;
        }
    }
    let initials: Vec<char> = tokens[start..open]
        .iter()
        .filter(|t| t.is_capitalized())
        .flat_map(|t| t.text.split('-').filter_map(|w| w.chars().next()))
        .collect();
    let mut it = initials.iter();
    let matched = letters.iter().all(|l| it.any(|c| c == l));
    (open - start >= 2 && matched && initials.first() == letters.first()).then_some((start, open))
}

#[cfg(test)]
mod tests;
