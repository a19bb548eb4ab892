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
use crate::ingest::gazetteer::Gazetteer;
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
        for piece in sentence::split(&text) {
            let at = piece.as_ptr() as usize - text.as_ptr() as usize;
            for hit in gazetteer.find_organizations(piece) {
                let organization = &gazetteer.organizations()[hit.entity];
                if !seen.insert(organization.slug.as_str()) {
                    continue;
                }
                let span = match start {
                    Some(start) => {
                        let from = article.body.start + start + at;
                        from + hit.start..from + hit.end
                    }
                    None => article.body.start + range.start..article.body.start + range.end,
                };
                out.push(note(
                    article,
                    organization,
                    &piece[hit.start..hit.end],
                    piece,
                    span,
                ));
            }
        }
    }
    out
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
