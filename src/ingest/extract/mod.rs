//! Ingest stage, extraction: a cleaned story annotated with what it mentions.
//!
//! Takes the cleaned [`Document`], its title and publication date, and the
//! shared [`Gazetteer`]; gives back [`Annotations`]: organizations, people,
//! places, topics, figures and events, each traceable to the sentence it
//! came from. Pure and allocation-light, so rayon can run it per article.

mod about;
mod event;

pub(crate) use event::headline;
mod figure;
mod names;
mod organization;
pub(crate) use organization::NewOrganization;
mod person;
mod place;
mod speaker;
mod topic;
mod unit;
mod when;

use std::collections::BTreeMap;

use crate::content::date::PartialDate;
use crate::content::evidence::EvidenceKey;
use crate::content::front_matter::{Event, Figure, OrganizationSuggestion, Person};
use crate::ingest::document::{Block, Document};
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::words::{word_list, Words};
use crate::ingest::text::{sentence, token};

/// Everything extraction found in one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Annotations {
    /// Registry slugs, first-mention order.
    pub(crate) organizations: Vec<String>,
    /// People with role and organization slug.
    pub(crate) people: Vec<Person>,
    /// Canonical place names from the place registry.
    pub(crate) places: Vec<String>,
    /// Topic slugs, strongest first.
    pub(crate) topics: Vec<String>,
    /// Money and quantities.
    pub(crate) figures: Vec<Figure>,
    /// Dated happenings and plans.
    pub(crate) events: Vec<Event>,
    /// "organization:<slug>", "topic:<slug>", "place:<slug>" → the sentence.
    pub(crate) evidence: BTreeMap<EvidenceKey, String>,
    /// Organizations the registry does not know yet, named too loosely to
    /// add.
    pub(crate) suggested_organizations: Vec<OrganizationSuggestion>,
    /// Organizations the registry does not know yet that the text names
    /// clearly: ingest adds them as generated entries (their slugs are in
    /// `organizations`).
    pub(crate) generated_organizations: Vec<NewOrganization>,
}

/// Where in the article a sentence sits; the title, lead and headings
/// weigh more, asides (an "About X" boilerplate) and captions less.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Title,
    Lead,
    Heading,
    Body,
    Aside,
    /// A photo's caption: it names people and bodies, but its date is the
    /// photo's, never an event of the story.
    Caption,
}

/// One sentence with the registry entries found in it.
#[derive(Debug, Clone)]
pub(crate) struct Sentence<'a> {
    pub(crate) text: &'a str,
    pub(crate) part: Part,
    /// Organization mentions, in text order.
    pub(crate) organizations: Vec<Hit>,
    /// Place mentions not inside an organization's name.
    pub(crate) places: Vec<Hit>,
    /// Organization names the registry does not know.
    pub(crate) unknown: Vec<organization::Unknown>,
}

/// A Korean deck's line as cleaning keeps it: a short phrase with Hangul,
/// no full stop, no list sign and no label's colon ("한빛전지, 2028년까지
/// 2천억원 투자"). A list item or a table row names another company's
/// figure as often as the same one.
fn is_deck_line(text: &str) -> bool {
    use crate::ingest::text::line::{ends_sentence, split_marker, word_count, Marker};
    const DECK_WORDS: usize = 10;
    let text = text.trim();
    !ends_sentence(text)
        && word_count(text) <= DECK_WORDS
        && text.chars().any(crate::ingest::text::hangul::is_hangul)
        && split_marker(text).0 == Marker::None
        && !text.starts_with(crate::ingest::text::line::is_set_off_sign)
        && !text.contains(':')
}

/// Annotate one article. `published` anchors relative dates ("last year").
pub(crate) fn annotate(
    doc: &Document,
    title: &str,
    published: Option<PartialDate>,
    gazetteer: &Gazetteer,
) -> Annotations {
    let sentences = sentences(doc, title, gazetteer);
    let body: Vec<&Sentence<'_>> = sentences.iter().filter(|s| s.part != Part::Title).collect();
    let mut evidence = BTreeMap::new();
    let found = organization::mentions(&body, gazetteer, &mut evidence);
    let places = place::mentions(&body, gazetteer, &mut evidence);
    let topics = topic::topics(&sentences, gazetteer, &mut evidence);
    // A figure written again ("Of the €3 billion, …", a deck repeating the
    // lead) is the same figure: keep its first mention. So is a measure
    // restated in other words ("60 ampere-hours (Ah)" then "a 60Ah cell");
    // but the same amount with another qualifier ("500명", "500여명") is
    // another statement, and shares, money and counts in other words are
    // as often another company's ("Acme will hire 500 people … Beta 500
    // workers"), so those repeat only word for word, unless the first
    // mention is a deck's line.
    let mut figures: Vec<Figure> = Vec::new();
    for figure in body.iter().flat_map(|s| figure::figures(s.text)) {
        let seen = figures.iter().any(|f| {
            let unit = f.unit.as_str();
            let measure =
                unit != "percent" && unit::currency_code(unit).is_none() && !unit::is_count(unit);
            let restated = f.qualifier == figure.qualifier && measure;
            // A Korean deck line sums up the sentence that tells the
            // figure again in full.
            let summed_up = f.quote.as_deref().is_some_and(is_deck_line);
            f.unit == figure.unit
                && f.value == figure.value
                && (f.text == figure.text || restated || summed_up)
        });
        if !seen {
            figures.push(figure);
        }
    }
    // A text cut off right after a figure's number ("… of KRW 900 bill")
    // holds half a figure.
    if let Some(last) = body.last() {
        figures.retain(|f| f.quote.as_deref() != Some(last.text) || !figure::cut_off(f, last.text));
    }
    // A figure only the headline states ("… $3.2 billion plant") is the
    // story's too; one the body states again, in any wording, is not new.
    for figure in sentences
        .iter()
        .filter(|s| s.part == Part::Title)
        .flat_map(|s| figure::figures(s.text))
    {
        if !figures.iter().any(|f| figure::same_quantity(f, &figure)) {
            figures.push(figure);
        }
    }
    // Without a publication date, the year the story keeps returning to
    // still places "on February 5" and "last year" in time.
    let anchor = published.or_else(|| event::anchor_year(&sentences));
    let mut events = event::events(&body, anchor, &figures);
    let listed = about::Listed {
        organizations: &found.slugs,
        places: &places,
        topics: &topics,
    };
    about::attach(&body, gazetteer, &listed, &mut figures, &mut events);
    Annotations {
        organizations: found.slugs,
        people: person::people(&body, gazetteer),
        places,
        topics,
        figures,
        events,
        evidence,
        suggested_organizations: found.suggestions,
        generated_organizations: found.generated,
    }
}

/// The title and every sentence of the story, with registry matches.
fn sentences<'a>(doc: &'a Document, title: &'a str, gazetteer: &Gazetteer) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    let mut lead_seen = false;
    let mut boilerplate = false;
    let mut push = |text: &'a str, part: Part| {
        for piece in sentence::split(text) {
            let all_places: Vec<Hit> = gazetteer
                .find_places(piece)
                .into_iter()
                .filter(|p| !(gazetteer.is_demonym(p) && names_language(piece, p)))
                .filter(|p| !names_currency(piece, p))
                .filter(|p| !token::in_address(piece, p.start, p.end))
                .collect();
            let organizations: Vec<Hit> = gazetteer
                .find_organizations(piece)
                .into_iter()
                .filter(|o| {
                    let local = organization::is_local_government(
                        &gazetteer.organizations()[o.entity].front,
                    );
                    !is_locative(piece, o, &all_places, local)
                })
                // "the US state of Georgia": a registry place's longer name
                // holds the government's (a company's name inside a plant's,
                // "Hyundai Motor Group Metaplant", still names the company).
                .filter(|o| {
                    let government = gazetteer.organizations()[o.entity].front.kind
                        == crate::content::front_matter::OrganizationKind::Government;
                    !(government && all_places.iter().any(|p| inside(o, p)))
                })
                .filter(|o| !token::in_address(piece, o.start, o.end))
                .collect();
            let unknown = organization::unknown(piece, &organizations, &all_places, gazetteer);
            // A registry name inside a longer name ("Toyota" in "Toyota
            // Tsusho Co.") is part of that name.
            let organizations: Vec<Hit> = organizations
                .into_iter()
                .filter(|o| !unknown.iter().any(|u| u.start <= o.start && o.end <= u.end))
                .collect();
            let places = all_places
                .into_iter()
                .filter(|p| !organizations.iter().any(|o| inside(p, o)))
                .filter(|p| !unknown.iter().any(|u| u.start <= p.start && p.end <= u.end))
                .collect();
            out.push(Sentence {
                text: piece,
                part,
                organizations,
                places,
                unknown,
            });
        }
    };
    push(title, Part::Title);
    for block in &doc.blocks {
        match block {
            Block::Heading { text, .. } => {
                // The "About X" boilerplate runs to the next heading.
                boilerplate = text.starts_with("About ");
                push(
                    text,
                    if boilerplate {
                        Part::Aside
                    } else {
                        Part::Heading
                    },
                );
            }
            Block::Paragraph(text) => {
                let part = match (boilerplate, lead_seen) {
                    (true, _) => Part::Aside,
                    (false, true) => Part::Body,
                    (false, false) => Part::Lead,
                };
                lead_seen = true;
                push(text, part);
            }
            Block::List { items, .. } => {
                let part = if boilerplate { Part::Aside } else { Part::Body };
                items.iter().for_each(|item| push(item, part));
            }
            Block::Outline(items) => items.iter().for_each(|item| {
                push(&item.text, Part::Heading);
                item.points.iter().for_each(|point| push(point, Part::Body));
            }),
            Block::Caption(text) => push(text, Part::Caption),
        }
    }
    out
}

/// A hit strictly inside a longer one: a place inside an organization's
/// name ("Seoul" in "Seoul National University") is part of that name,
/// not a mention of the place, and a government inside a place's ("the US
/// state of Georgia") part of the place. A place spelled exactly like an
/// organization (a province that is also a government) counts as both.
fn inside(inner: &Hit, outer: &Hit) -> bool {
    outer.start <= inner.start
        && inner.end <= outer.end
        && (outer.end - outer.start) > (inner.end - inner.start)
}

/// "translated from Korean", "in Korean.": an adjective with no noun after
/// it names a language, not the country.
fn names_language(text: &str, hit: &Hit) -> bool {
    !text[hit.end..]
        .trim_start()
        .starts_with(|c: char| c.is_alphanumeric())
}

/// "US$900,000", "HK$", "450 Chinese yuan", "US dollars": a place's name
/// that is part of a currency's says nothing about that place.
fn names_currency(text: &str, hit: &Hit) -> bool {
    let after = &text[hit.end..];
    if after.starts_with('$') {
        return true;
    }
    let next = after.strip_prefix(' ').unwrap_or("");
    let word = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !word.is_empty() && unit::is_currency_word(word)
}

/// A province or city government named only as a location ("Gwangyang
/// City, Jeollanam-do", "display (Chungnam)", "in Seoul", "울산에서") is a place there,
/// not an organization acting in the story. `local`: the entry is a
/// local government, whose name is a place even where the place
/// registry lacks it ("in Yesan County").
fn is_locative(text: &str, organization: &Hit, places: &[Hit], local: bool) -> bool {
    let also_place = local
        || places
            .iter()
            .any(|p| p.start == organization.start && p.end == organization.end);
    if !also_place {
        return described_region(text, organization, places);
    }
    // Korean marks a location with a particle after the name: "세종시에
    // 위치한", "울산에서" (but "세종시에 따르면" cites the city).
    let after = &text[organization.end..];
    if after.starts_with('에') && !after.starts_with("에 따르면") {
        return true;
    }
    // "충북 청주", "Gyeonggi Pyeongtaek": a province written before the
    // city in it places the city.
    let rest = &text[organization.end..];
    let qualifies = places
        .iter()
        .any(|p| p.start > organization.end && text[organization.end..p.start].trim().is_empty());
    if qualifies && !rest.trim_start().starts_with(char::is_lowercase) {
        return true;
    }
    let before = text[..organization.start].trim_end();
    if before.ends_with('(') {
        return true;
    }
    if let Some(head) = before.strip_suffix(',') {
        let head = head.trim_end();
        // "in Yeonggwang County, South Jeolla Province": the town before
        // the comma need not be a known place when a locative opens it.
        let mut words = head.split_whitespace().rev().peekable();
        let town = words
            .peek()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        let opened = town
            && words
                .find(|w| !w.starts_with(char::is_uppercase))
                .is_some_and(is_locative_word);
        return places.iter().any(|p| p.end == head.len()) || opened;
    }
    placed_after(text, before, places)
}

/// "in the US state of Georgia", "in the city of Kokomo": a government
/// named by its kind of region and a place, after a preposition that
/// places it (past "the" and a country before the kind), is where
/// something is.
fn described_region(text: &str, organization: &Hit, places: &[Hit]) -> bool {
    let written = &text[organization.start..organization.end];
    let kind = written.split_whitespace().next().unwrap_or("");
    static REGION_KINDS: Words = word_list!("extract/region-kinds.txt");
    let regional = REGION_KINDS.iter().any(|k| kind.eq_ignore_ascii_case(k));
    let holds_place = places
        .iter()
        .any(|p| organization.start < p.start && p.end <= organization.end);
    if !regional || !holds_place {
        return false;
    }
    placed_after(text, text[..organization.start].trim_end(), places)
}

/// True when `before` (text up to a name) ends in a preposition that
/// places the name, past "the" and a country ("in the state of …", "in the
/// US state of …").
fn placed_after<'a>(text: &'a str, mut before: &'a str, places: &[Hit]) -> bool {
    if let Some(country) = places.iter().find(|p| p.end == before.len()) {
        let the = text[..country.start].trim_end();
        if the.ends_with(" the") {
            before = the;
        }
    }
    if let Some(head) = before.strip_suffix(" the") {
        before = head.trim_end();
    }
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    is_locative_word(word)
}

/// A preposition that places what follows it.
fn is_locative_word(word: &str) -> bool {
    [
        "in",
        "at",
        "near",
        "across",
        "throughout",
        "around",
        "inside",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests;
