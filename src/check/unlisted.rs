//! Check stage: registry organizations an article's text names but its
//! `organizations:` does not list.
//!
//! Takes the parsed content; finds the mentions with ingest's own matcher
//! (the gazetteer over every name and alias, so the two never disagree on
//! what counts as naming an organization) in the body's text, sentence by
//! sentence, and gives back a note per organization with the sentence it
//! was first named in: a suggestion, never a failure, since an article may
//! name an organization it is not about.

use std::collections::HashSet;

use pulldown_cmark::{Event, Parser};
use rayon::prelude::*;

use crate::content::contents::Contents;
use crate::content::entity::Registries;
use crate::content::front_matter::ArticleFrontMatter;
use crate::content::source::Parsed;
use crate::diag::Diagnostic;
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::sentence;

/// A note for each registry organization named in an article's text and
/// missing from its `organizations:` (and its people's `organization:`),
/// other than its publisher.
pub(crate) fn check(corpus: &Contents) -> Vec<Diagnostic> {
    if corpus.organizations.is_empty() || corpus.articles.is_empty() {
        return Vec::new();
    }
    // Registry problems are reported by the content stage, once.
    let registries = Registries::validate(&corpus.organizations, &[], &[], &mut Vec::new());
    let gazetteer = Gazetteer::new(&registries);
    corpus
        .articles
        .par_iter()
        .flat_map_iter(|article| unlisted(article, &gazetteer))
        .collect()
}

fn unlisted(article: &Parsed<ArticleFrontMatter>, gazetteer: &Gazetteer) -> Vec<Diagnostic> {
    let front = &article.front;
    let people = front
        .people
        .iter()
        .filter_map(|p| p.organization.as_deref());
    // The publisher naming itself ("Newswise —", "according to Yonhap")
    // is a byline, not a subject; ingest's publisher lookup tells it.
    let publisher = front
        .source
        .publisher
        .as_deref()
        .and_then(|p| gazetteer.organization_named(p))
        .map(|o| o.slug.as_str());
    let mut seen: HashSet<&str> = front
        .organizations
        .iter()
        .map(String::as_str)
        .chain(people)
        .chain(publisher)
        .collect();
    let body = article.body_text();
    let mut out = Vec::new();
    for (event, range) in Parser::new(body).into_offset_iter() {
        let Event::Text(text) = event else {
            continue;
        };
        // Offsets into the file only where the text is the source as is.
        let start = (body.get(range.clone()) == Some(&*text)).then_some(range.start);
        let span = |from: usize, hit: &Hit| match start {
            Some(start) => {
                let from = article.body.start + start + from;
                from + hit.start..from + hit.end
            }
            None => article.body.start + range.start..article.body.start + range.end,
        };
        let mut new = |hit: &Hit| seen.insert(gazetteer.organizations()[hit.entity].slug.as_str());
        for (piece, at, hit) in sentence_hits(gazetteer, &text, &mut new) {
            let organization = &gazetteer.organizations()[hit.entity];
            let named = &piece[hit.start..hit.end];
            out.push(note(article, organization, named, piece, span(at, &hit)));
        }
    }
    out
}

/// The organizations each sentence of `text` names that `wanted` takes
/// (it sees every one, in order): (sentence, its offset in `text`, hit
/// within it). Searching the whole text finds the same hits as searching
/// each sentence as long as none of them holds a sentence end (a
/// sentence's edges meet only space, which bounds a name as the edge of a
/// text does, and a hit that is not chosen changes no other choice): then
/// the text is split only to quote the sentence of a wanted hit. A hit
/// that might span two sentences (a `.`, `!`, `?` or line break in it)
/// sends the text through the splitter first, sentence by sentence.
fn sentence_hits<'t>(
    gazetteer: &Gazetteer,
    text: &'t str,
    wanted: &mut impl FnMut(&Hit) -> bool,
) -> Vec<(&'t str, usize, Hit)> {
    let hits = gazetteer.find_organizations(text);
    let offset = |piece: &str| piece.as_ptr() as usize - text.as_ptr() as usize;
    let may_span = |hit: &Hit| text[hit.start..hit.end].contains(['.', '!', '?', '。', '\n']);
    if hits.iter().any(may_span) {
        let mut found = Vec::new();
        for piece in sentence::split(text) {
            for hit in gazetteer.find_organizations(piece) {
                if wanted(&hit) {
                    found.push((piece, offset(piece), hit));
                }
            }
        }
        return found;
    }
    let mut pieces = Vec::new();
    let mut found = Vec::new();
    for hit in hits.into_iter().filter(|hit| wanted(hit)) {
        if pieces.is_empty() {
            pieces = sentence::split(text);
        }
        let within = |p: &&str| offset(p) <= hit.start && hit.end <= offset(p) + p.len();
        let Some(piece) = pieces.iter().copied().find(within) else {
            continue;
        };
        let at = offset(piece);
        let hit = Hit {
            start: hit.start - at,
            end: hit.end - at,
            ..hit
        };
        found.push((piece, at, hit));
    }
    found
}

fn note(
    article: &Parsed<ArticleFrontMatter>,
    organization: &crate::content::entity::Organization,
    named: &str,
    sentence: &str,
    span: std::ops::Range<usize>,
) -> Diagnostic {
    let slug = &organization.slug;
    Diagnostic::note(
        "article/unlisted-organization",
        &article.path,
        format!(
            "the text names `{named}` ({}, content/organizations/{slug}.md), which `organizations:` does not list: \"{sentence}\"",
            organization.front.name
        ),
    )
    .at(&article.source, span)
    .with_help(format!(
        "add `{slug}` to `organizations:` if the article is about it (it is then linked and listed on its page); otherwise nothing to do"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::OrganizationKind;
    use crate::ingest::gazetteer::tests::{organization, registries};

    /// What searching each sentence on its own finds, every hit wanted.
    fn by_sentence<'t>(gazetteer: &Gazetteer, text: &'t str) -> Vec<(&'t str, usize, Hit)> {
        let offset = |piece: &str| piece.as_ptr() as usize - text.as_ptr() as usize;
        sentence::split(text)
            .into_iter()
            .flat_map(|piece| {
                let hits = gazetteer.find_organizations(piece);
                hits.into_iter().map(move |hit| (piece, offset(piece), hit))
            })
            .collect()
    }

    #[test]
    fn the_whole_text_finds_what_each_sentence_finds() {
        let mut registries = registries();
        registries.organizations.push(organization(
            "us-battery-lab",
            "U.S. Battery Lab",
            OrganizationKind::Research,
            &["Lab Inc. Seoul", "Acme. Seoul"],
        ));
        let gazetteer = Gazetteer::new(&registries);
        let texts = [
            "Acme Energy and NBRI met. Later SNU joined. GIST said so!",
            "NBRI.  Acme   Energy\nSeoul National University, with GIST?",
            "The U.S. Battery Lab and Acme Energy signed. Nothing else.",
            "It was built by Lab Inc. Seoul National University watched.",
            // A name across two sentences hides one in the second.
            "We met Acme. Seoul National University agreed.",
            "\u{201C}Acme Energy leads,\u{201D} said NBRI. 산업부는 밝혔다. Gist of it.",
            "No organization at all. None.",
        ];
        for text in texts {
            let mut all = |_: &Hit| true;
            assert_eq!(
                sentence_hits(&gazetteer, text, &mut all),
                by_sentence(&gazetteer, text),
                "{text}"
            );
        }
        let text = texts[0];
        let mut met = 0;
        let mut wanted = |_: &Hit| {
            met += 1;
            met <= 2
        };
        let found = sentence_hits(&gazetteer, text, &mut wanted);
        assert_eq!(found, by_sentence(&gazetteer, text)[..2]);
    }
}
