//! Ingest, per seed: one seed's text becomes one article's file text.
//!
//! Takes the seed's relative path, its decoded text, the gazetteer and the
//! day it came to the site; gives back the file name (`<date>-<slug>.md`,
//! or `<slug>.md` when no date can be read or inferred), the file bytes and
//! the warnings for the run (organizations the registry lacks). Pure: no
//! file system, so it runs in parallel and is tested on strings.

use crate::content::date::PartialDate;
use crate::content::evidence::EvidenceKey;
use crate::content::front_matter::{ArticleFrontMatter, DateBasis, Source, TitleBasis};
use crate::diag::Diagnostic;
use crate::ingest::clean;
use crate::ingest::document::Cleaned;
use crate::ingest::document::Document;
use crate::ingest::extract::{annotate, Annotations, NewOrganization};
use crate::ingest::gazetteer::Gazetteer;
use crate::ingest::text::hangul;
use crate::ingest::text::words::{word_list, Words};
use crate::ingest::{emit, meta};

/// One generated article, not yet written.
#[derive(Debug, Clone)]
pub(crate) struct Generated {
    /// `<date>-<slug>` or, undated, `<slug>` (no extension); the caller
    /// makes it unique.
    pub(crate) stem: String,
    /// The day recorded as `ingested:` (undated articles only), for the
    /// manifest to keep across runs.
    pub(crate) ingested: Option<PartialDate>,
    /// The file text.
    pub(crate) text: String,
    /// Warnings about this seed.
    pub(crate) warnings: Vec<Diagnostic>,
    /// Organizations the article links that the registry lacks, each with
    /// the note placed at its name in the seed: ingest adds them as
    /// generated entries.
    pub(crate) organizations: Vec<(NewOrganization, Diagnostic)>,
}

/// The publication date (none when it can be neither read nor inferred)
/// and, when inferred, why.
struct Dated {
    date: Option<PartialDate>,
    basis: DateBasis,
    /// Another date the page gives for itself.
    other: Option<PartialDate>,
    reason: Option<String>,
    annotations: Annotations,
}

/// Turn one seed's text into an article; `today` is the day recorded for
/// an undated one (the first day ingest saw its seed).
pub(crate) fn generate(
    seed: &str,
    text: &str,
    gazetteer: &Gazetteer,
    today: PartialDate,
) -> Result<Generated, Diagnostic> {
    let cleaned = clean::clean(text);
    let Some((lead_title, title_basis)) = meta::title(&cleaned) else {
        return Err(Diagnostic::error(
            "ingest/no-story",
            seed,
            "no story text is left after removing page noise",
        )
        .with_help("check that the seed holds the article's text, not only the page's menus"));
    };
    // A title derived from the lead sentence loses its dates ("on March
    // 11") the way an event's title does.
    let title = match title_basis {
        TitleBasis::Derived => crate::ingest::extract::headline(&lead_title),
        _ => lead_title,
    };
    let mut dated = date(text, &cleaned, &title, gazetteer);
    let publisher =
        meta::publisher::named(text, &cleaned.other_stories).or_else(|| cleaned.masthead.clone());
    let publisher_org = publisher
        .as_deref()
        .and_then(|name| canonical_org(name, gazetteer));
    let mut annotations = std::mem::take(&mut dated.annotations);
    if let Some(org) = publisher_org {
        drop_attribution_only(&mut annotations, org, &cleaned.document);
    }
    let warnings = suggestion_warnings(seed, text, &annotations);
    let mut organizations = std::mem::take(&mut annotations.generated_organizations);
    organizations.retain(|new| annotations.organizations.contains(&new.slug));
    let organizations = organizations
        .into_iter()
        .map(|new| {
            let note = generated_note(seed, text, &new);
            (new, note)
        })
        .collect();
    let source = Source {
        publisher: publisher_org
            .map(|org| org.front.name.clone())
            .or(publisher),
        url: None,
        seed: Some(seed.to_string()),
    };
    let stem = match dated.date {
        Some(date) => format!("{date}-{}", meta::slug(&title)),
        None => meta::slug(&title),
    };
    let ingested = dated.date.is_none().then_some(today);
    let summary = meta::summary(&cleaned.document);
    let mut front = front_matter(title, title_basis, dated, source, summary, annotations);
    front.ingested = ingested;
    // A Korean page says so, and its page marks the text `lang="ko"`.
    let lead = format!("{} {}", front.title, front.summary.as_deref().unwrap_or(""));
    front.language = hangul::is_korean(&lead).then(|| "ko".to_string());
    let text = emit::render(&front, &cleaned.document).map_err(|err| {
        Diagnostic::error(
            "ingest/yaml",
            seed,
            format!("cannot write the front matter: {err}"),
        )
    })?;
    Ok(Generated {
        stem,
        ingested,
        text,
        warnings,
        organizations,
    })
}

/// The front matter from the parts `generate` worked out.
fn front_matter(
    title: String,
    title_basis: TitleBasis,
    dated: Dated,
    source: Source,
    summary: Option<String>,
    annotations: Annotations,
) -> ArticleFrontMatter {
    ArticleFrontMatter {
        title,
        title_basis,
        language: None,
        date: dated.date,
        date_basis: dated.basis,
        date_reason: dated.reason,
        other_date: dated.other,
        updated: None,
        ingested: None,
        source,
        summary,
        topics: annotations.topics,
        organizations: annotations.organizations,
        people: annotations.people,
        places: annotations.places,
        figures: annotations.figures,
        events: annotations.events,
        evidence: annotations.evidence,
        suggested_organizations: annotations.suggested_organizations,
        draft: false,
    }
}

/// The stated date, or an inferred one, or none. Inference never invents a
/// day: a dateline's day counts only when the page writes that same day
/// with its year elsewhere (a wire photo's caption); otherwise it takes the
/// latest dated happening in the story (to the month) or
/// the year the story names an event after, whichever is later (a
/// happening the story looks back on, "지난 2023년 7월", is no candidate),
/// and a month the story dates on its own in that year; then it re-reads
/// the story against that guess. With nothing to go on, or with a guess
/// the story's own later years show to be history, the article is undated.
fn date(text: &str, cleaned: &Cleaned, title: &str, gazetteer: &Gazetteer) -> Dated {
    let doc = &cleaned.document;
    if let Some(stated) = meta::date::stated(text, &cleaned.other_stories) {
        // The story's days count from its dateline's, a day ahead of a
        // stamp written in a time zone behind it.
        let story_day = meta::date::dateline_day_after(text, stated.date).unwrap_or(stated.date);
        let annotations = annotate(doc, title, Some(story_day), gazetteer);
        return Dated {
            date: Some(stated.date),
            basis: DateBasis::Stated,
            reason: None,
            other: stated.other,
            annotations,
        };
    }
    // "SEOUL, Aug. 7 (Yonhap)" and a caption's "on Aug. 7, 2023": the
    // day the text gives twice, once with its year. "![](…/2022-06-24/…)"
    // and "24일 밝혔다": the day the story writes, dated by an address.
    let day_dated = meta::date::dateline_with_year_elsewhere(text)
        .map(|(date, written)| {
            (
                date,
                format!("the dateline's day, written with its year as “{written}”"),
            )
        })
        .or_else(|| {
            meta::date::dateline_weekday_pinned_day(text).map(|(date, written)| {
                (
                    date,
                    format!(
                        "the dateline's day, “{written}” by the lead, in the one year the \
                         text writes (or one either side) whose calendar has that weekday"
                    ),
                )
            })
        })
        .or_else(|| {
            meta::date::address_date_with_day(text).map(|(date, address)| {
                (
                    date,
                    format!("the day the story writes, dated by the address “{address}”"),
                )
            })
        })
        .or_else(|| {
            meta::date::photo_filed_day(text).map(|(date, written)| {
                (
                    date,
                    format!("the day a photo was filed under the reporter's address, “{written}”"),
                )
            })
        })
        .or_else(|| {
            meta::date::weekday_pinned_day(text).map(|(date, written)| {
                (
                    date,
                    format!(
                        "the page's day “{written}”, in the one year the text writes \
                         (or one either side) whose calendar has that weekday"
                    ),
                )
            })
        });
    if let Some((date, why)) = day_dated {
        return Dated {
            date: Some(date),
            basis: DateBasis::Inferred,
            reason: Some(format!("no publication date in the text; {why}")),
            other: None,
            annotations: annotate(doc, title, Some(date), gazetteer),
        };
    }
    let first = annotate(doc, title, None, gazetteer);
    let guess = latest_guess(text, &first)
        .filter(|(guess, _)| !meta::date::outdated_guess(text, guess.year));
    let Some((mut guess, mut reason)) = guess else {
        return Dated {
            date: None,
            basis: DateBasis::Unknown,
            reason: None,
            other: None,
            annotations: first,
        };
    };
    let mut annotations = annotate(doc, title, Some(guess), gazetteer);
    if guess.month.is_none() {
        // Only a month the text dates by itself refines the guess: read
        // against the guess, "on 9 September" would take the guessed year
        // and then confirm it.
        if let Some((refined, why)) = latest_month_in(&first, guess.year) {
            guess = refined;
            reason = why;
            annotations = annotate(doc, title, Some(guess), gazetteer);
        }
    }
    let reason = format!("no publication date in the text; {reason}");
    Dated {
        date: Some(guess),
        basis: DateBasis::Inferred,
        reason: Some(reason),
        other: None,
        annotations,
    }
}

/// The later of the latest happening and the latest year in a name.
fn latest_guess(text: &str, annotations: &Annotations) -> Option<(PartialDate, String)> {
    let from_event = latest_event(annotations);
    let from_name = meta::date::year_in_names(text).map(|(year, name)| {
        (
            PartialDate::y(year),
            format!("the year is taken from the name “{name}”"),
        )
    });
    match (from_event, from_name) {
        (Some(event), Some(name)) if name.0.year > event.0.year => Some(name),
        (Some(event), _) => Some(event),
        (None, name) => name,
    }
}

/// The latest event that happened (not a plan, not one the text looks
/// back on) on a day the text writes out in full, year included ("broke
/// ground on Sept. 15, 2021"), to the month at most. A news story reports
/// what happened days before it; a month or a year it names ("was named
/// a national lab in September 2020") is as often background, and real
/// pages published years later showed such guesses wrong.
fn latest_event(annotations: &Annotations) -> Option<(PartialDate, String)> {
    let written_day = |e: &&crate::content::front_matter::Event| {
        e.date.day.is_some()
            && e.quote
                .as_deref()
                .is_some_and(|q| q.contains(&e.date.year.to_string()))
    };
    let event = annotations
        .events
        .iter()
        .filter(|e| !e.planned && !looked_back_on(e))
        .filter(written_day)
        .max_by_key(|e| e.date_end.unwrap_or(e.date))?;
    let last = event.date_end.unwrap_or(event.date);
    let date = PartialDate { day: None, ..last };
    let reason = format!(
        "published no earlier than the latest event it reports ({last}: {})",
        event.title
    );
    Some((date, reason))
}

/// With only a year guessed, happenings in that year that the story tells
/// in the past give the month. Extraction's `planned` flag is no guide
/// here (measured against a bare year, every month looks ahead), so plans
/// are recognized by their wording instead.
fn latest_month_in(annotations: &Annotations, year: i32) -> Option<(PartialDate, String)> {
    annotations
        .events
        .iter()
        .filter(|e| e.date.year == year && e.date.month.is_some())
        .filter(|e| told_as_past(e) && !looked_back_on(e))
        .max_by_key(|e| e.date_end.unwrap_or(e.date))
        .map(|e| {
            let last = e.date_end.unwrap_or(e.date);
            let reason = format!(
                "published no earlier than the latest event it reports ({last}: {})",
                e.title
            );
            (PartialDate { day: None, ..last }, reason)
        })
}

/// Words before a date that set it before the time of writing.
static PAST_MARKERS: Words = word_list!("meta/past-markers.txt");

/// True when the event's date is written after a past marker ("지난 2023년
/// 7월", "back in 2019"): the story looks back on it, so it says nothing
/// about when the story was written beyond a lower bound.
fn looked_back_on(event: &crate::content::front_matter::Event) -> bool {
    let quote = event
        .quote
        .as_deref()
        .unwrap_or(&event.title)
        .to_lowercase();
    let year = event.date.year.to_string();
    quote.match_indices(&year).any(|(at, _)| {
        // "back in March 4, 2019": the month and day sit between.
        let mut before = quote[..at].trim_end();
        while let Some((rest, last)) = before.rsplit_once(' ') {
            let word = last.trim_end_matches(['.', ',']);
            let inside = word.is_empty()
                || word.chars().all(|c| c.is_ascii_digit())
                || crate::ingest::text::vocab::month_number(word).is_some();
            if !inside {
                break;
            }
            before = rest.trim_end();
        }
        PAST_MARKERS.iter().any(|m| before.ends_with(m))
    })
}

/// False when the event's sentence tells a plan ("will", "plans"): measured
/// against a bare year, extraction's `planned` flag cannot tell.
fn told_as_past(event: &crate::content::front_matter::Event) -> bool {
    let future = [
        " will ",
        " plans ",
        " plan to ",
        " to be held",
        " expected ",
        " aims ",
    ];
    let quote = event
        .quote
        .as_deref()
        .unwrap_or(&event.title)
        .to_lowercase();
    !future.iter().any(|w| quote.contains(w))
}

/// The registry entry for a publisher name, trying common short forms.
fn canonical_org<'g>(
    name: &str,
    gazetteer: &'g Gazetteer,
) -> Option<&'g crate::content::entity::Organization> {
    let trimmed = name.trim_start_matches("The ").trim_start_matches("the ");
    [
        name,
        trimmed,
        trimmed.trim_end_matches(" News"),
        trimmed.trim_end_matches(" Co., Ltd"),
    ]
    .iter()
    .find_map(|candidate| gazetteer.organization_named(candidate))
}

/// The publisher is not an organization of the story unless it acts in it:
/// drop it when its only mentions are the dateline, an attribution or its
/// name alone on a line.
fn drop_attribution_only(
    annotations: &mut Annotations,
    org: &crate::content::entity::Organization,
    doc: &Document,
) {
    let names: Vec<String> = std::iter::once(&org.front.name)
        .chain(&org.front.aliases)
        .map(|n| n.to_lowercase())
        .collect();
    let acts = doc.texts().any(|text| {
        let mut text = crate::ingest::text::dateline::strip_dateline(text);
        if let Some(rest) = text.strip_prefix("According to ") {
            text = rest.split_once(", ").map_or("", |(_, main)| main);
        }
        let lower = text.to_lowercase();
        // The outlet's name alone on a line is its mark (a logo's text, a
        // credit), not the outlet acting.
        let mark = lower.trim_matches(|c: char| !c.is_alphanumeric());
        // "(Wire Feature) …", "… (Wire)": the outlet's tag on a headline
        // or its credit, in brackets, is no act either.
        names.iter().any(|name| {
            let untagged = lower.replace(&format!("({name}"), "");
            contains_word(&untagged, name) && mark != name
        })
    });
    if !acts {
        annotations.organizations.retain(|slug| *slug != org.slug);
        annotations
            .evidence
            .remove(&EvidenceKey::organization(&org.slug));
        // A fact is about what the article lists only: the dropped
        // publisher's page must not show it.
        let abouts = (annotations.events.iter_mut().map(|e| &mut e.about))
            .chain(annotations.figures.iter_mut().map(|f| &mut f.about));
        for about in abouts.flatten() {
            about.organizations.retain(|slug| *slug != org.slug);
        }
    }
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// One warning per suggested organization, at its first mention in the
/// seed's text (else the first line).
/// The note that ingest adds an organization, at its name in the seed.
fn generated_note(seed: &str, text: &str, new: &NewOrganization) -> Diagnostic {
    let source: std::sync::Arc<str> = std::sync::Arc::from(text);
    let span = match text.find(new.name.as_str()) {
        Some(at) => at..at + new.name.len(),
        None => 0..text.find('\n').unwrap_or(text.len()),
    };
    Diagnostic::note(
        "ingest/generated-organization",
        seed,
        format!(
            "`{}` is named as an organization the registry lacks: ingest adds content/organizations/{}.md, marked generated",
            new.name, new.slug
        ),
    )
    .with_help(
        "check its name, kind and country, then delete its `generated:` block to confirm it; \
         to merge it, add the name as an alias of the right entry and delete the file",
    )
    .at(&source, span)
}

fn suggestion_warnings(seed: &str, text: &str, annotations: &Annotations) -> Vec<Diagnostic> {
    if annotations.suggested_organizations.is_empty() {
        return Vec::new();
    }
    let source: std::sync::Arc<str> = std::sync::Arc::from(text);
    annotations
        .suggested_organizations
        .iter()
        .map(|suggestion| {
            let name = suggestion.name.as_str();
            let span = match text.find(name).filter(|_| name.len() > 1) {
                Some(at) => at..at + name.len(),
                None => 0..text.find('\n').unwrap_or(text.len()),
            };
            Diagnostic::warning(
                "ingest/unknown-organization",
                seed,
                format!("`{}` looks like an organization but is not in the registry", suggestion.name),
            )
            .with_help(format!(
                "if it belongs on the site, add content/organizations/{}.md with its name, kind, country and aliases",
                crate::content::entity::slugify(&suggestion.name)
            ))
            .at(&source, span)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::entity::Registries;

    fn gazetteer() -> Gazetteer {
        Gazetteer::new(&Registries::default())
    }

    fn generate(seed: &str, text: &str, gazetteer: &Gazetteer) -> Result<Generated, Diagnostic> {
        super::generate(
            seed,
            text,
            gazetteer,
            PartialDate::ymd(2026, 12, 1).unwrap(),
        )
    }

    #[test]
    fn the_outlets_name_alone_on_a_line_is_no_mention_of_it() {
        use crate::content::front_matter::OrganizationKind::{Company, Other};
        use crate::ingest::gazetteer::tests::organization;
        let registries = Registries {
            organizations: vec![
                organization("hanbit-daily", "Hanbit Daily", Other, &["한빛데일리"]),
                organization("acme-energy", "Acme Energy", Company, &["에이크미"]),
            ],
            ..Registries::default()
        };
        let gazetteer = Gazetteer::new(&registries);
        let seed = "에이크미, 공장 준공\n\n[한빛데일리 홍길동 기자] 에이크미는 20일 공장을 준공했다고 밝혔다.\n한빛데일리\n\n에이크미는 내년 양산을 시작한다.";
        let text = generate("seeds/e.txt", seed, &gazetteer).unwrap().text;
        assert!(text.contains("publisher: Hanbit Daily"), "{text}");
        assert!(text.contains("- acme-energy"), "{text}");
        assert!(!text.contains("hanbit-daily"), "{text}");
    }

    #[test]
    fn the_outlets_tag_on_other_headlines_is_no_mention_of_it() {
        use crate::content::front_matter::OrganizationKind::{Company, Other};
        use crate::ingest::gazetteer::tests::organization;
        let registries = Registries {
            organizations: vec![
                organization("coastwire", "Coastwire", Other, &[]),
                organization("acme-energy", "Acme Energy", Company, &[]),
            ],
            ..Registries::default()
        };
        let gazetteer = Gazetteer::new(&registries);
        let seed = "Acme Energy opens a plant

BUSAN, May 3 (Coastwire) -- Acme Energy said Monday it opened a cell plant.

The plant makes 10 GWh a year.

(Coastwire Feature) Fishermen return to the harbour
(LEAD) (Coastwire Interview) A mayor on trains";
        let text = generate("seeds/w.txt", seed, &gazetteer).unwrap().text;
        assert!(text.contains("publisher: Coastwire"), "{text}");
        assert!(text.contains("- acme-energy"), "{text}");
        assert!(!text.contains("- coastwire"), "{text}");
        // Its reporter's contact line signs the story; it acts in none.
        let signed = "Acme Energy opens a plant

BUSAN, May 3 (Coastwire) -- Acme Energy said Monday it opened a cell plant.

Trusted news Coastwire [email protected]";
        let text = generate("seeds/w.txt", signed, &gazetteer).unwrap().text;
        assert!(text.contains("publisher: Coastwire"), "{text}");
        assert!(!text.contains("- coastwire"), "{text}");
    }

    #[test]
    fn a_dateline_a_day_ahead_of_the_stamp_dates_the_story_weekdays() {
        let seed = "Acme to supply cells\nOctober 22, 2023 07:09 pm EDT\nSEOUL, Oct 23 (Wire) - Acme said on Monday it signed a deal to supply cells.\n\nThe cells will be made in Hungary.";
        let text = generate("seeds/d.txt", seed, &gazetteer()).unwrap().text;
        assert!(text.contains("date: 2023-10-22\n"), "{text}");
        assert!(text.contains("- date: 2023-10-23\n"), "{text}");
        assert!(!text.contains("2023-10-16"), "{text}");
    }

    #[test]
    fn a_story_quoted_in_the_comments_does_not_date_the_page() {
        let seed = "Acme marks ten years\nAcme's chief attended a celebration in the morning.\nHe said the firm would grow.\n\nComments\nVennor Wire\nLONDON, July 1, 2025 /Wire/ -- Kestrel today released a white paper on cells.\n";
        let text = generate("seeds/c.txt", seed, &gazetteer()).unwrap().text;
        assert!(text.contains("date_basis: unknown\n"), "{text}");
        assert!(!text.contains("2025") && !text.contains("Wire"), "{text}");
        // Without the thread the dateline is the story's own.
        let own = seed.replace("Comments\nVennor Wire\n", "");
        let text = generate("seeds/c.txt", &own, &gazetteer()).unwrap().text;
        assert!(text.contains("date: 2025-07-01\n"), "{text}");
    }

    #[test]
    fn a_photos_filing_day_is_an_inferred_date() {
        let seed = "한빛시, 공장 착공\n\n한빛시는 가람전지와 투자협약을 체결했다고 밝혔다.\n부지[사진=한빛시] 2023.08.02 reporter7@hanbit.example |\n공장은 2026년 완공된다.";
        let text = generate("seeds/p.txt", seed, &gazetteer()).unwrap().text;
        assert!(text.contains("date: 2023-08-02\n"), "{text}");
        assert!(text.contains("date_basis: inferred"), "{text}");
    }

    #[test]
    fn stated_date_names_the_file() {
        let seed = "Menu\nPlant opens in the north\nDate2024-03-11\nThe plant opened on Monday.";
        let generated = generate("seeds/a.txt", seed, &gazetteer()).unwrap();
        assert_eq!(generated.stem, "2024-03-11-plant-opens-north");
        assert!(
            generated.text.contains("seed: seeds/a.txt"),
            "{}",
            generated.text
        );
        assert!(!generated.text.contains("date_basis"), "{}", generated.text);
    }

    #[test]
    fn a_title_derived_from_the_lead_loses_its_dates() {
        let seed = "The minister attended the alliance meeting on March 11, 2024 to discuss key issues and measures, and makers agreed on the need for new batteries.";
        let generated = generate("seeds/c.txt", seed, &gazetteer()).unwrap();
        assert!(
            generated
                .text
                .contains("title: The minister attended the alliance meeting\n"),
            "{}",
            generated.text
        );
    }

    #[test]
    fn a_year_in_a_name_gives_an_inferred_partial_date() {
        let seed = "The institute held the 2026 International Forum on Cells in Seoul.";
        let generated = generate("seeds/b.txt", seed, &gazetteer()).unwrap();
        assert!(generated.stem.starts_with("2026-"), "{}", generated.stem);
        assert!(
            generated.text.contains("date_basis: inferred"),
            "{}",
            generated.text
        );
        assert!(
            generated.text.contains("date_reason:"),
            "{}",
            generated.text
        );
        assert!(
            generated.text.contains("title_basis: derived"),
            "{}",
            generated.text
        );
    }

    #[test]
    fn only_a_happening_dated_to_the_day_in_full_dates_an_undated_page() {
        let day = "Acme Cells broke ground on its plant in Seoul on Sept. 15, 2021.";
        let generated = generate("seeds/d.txt", day, &gazetteer()).unwrap();
        assert!(generated.stem.starts_with("2021-09-"), "{}", generated.stem);
        // A month or a year the story names is as often its background.
        let month = "Acme Cells was named a national laboratory in September 2020.";
        let generated = generate("seeds/m.txt", month, &gazetteer()).unwrap();
        assert!(
            generated.text.contains("date_basis: unknown"),
            "{}",
            generated.text
        );
    }

    #[test]
    fn no_date_at_all_gives_an_undated_article_never_an_invented_date() {
        let generated = generate(
            "seeds/c.txt",
            "Plant opens in the north\nThe plant opened on Monday.",
            &gazetteer(),
        )
        .unwrap();
        assert_eq!(generated.stem, "plant-opens-north");
        assert_eq!(generated.ingested, PartialDate::ymd(2026, 12, 1));
        let (yaml, _) = generated.text[4..].split_once("\n---\n").unwrap();
        let front: ArticleFrontMatter = crate::yaml::from_str(yaml).unwrap();
        assert_eq!(front.date, None);
        assert_eq!(front.date_basis, DateBasis::Unknown);
        assert_eq!(front.ingested, PartialDate::ymd(2026, 12, 1));
        assert!(generated.text.contains("The plant opened on Monday."));
    }

    #[test]
    fn a_related_headlines_date_is_no_stamp_of_the_page() {
        let seed = "공장 가동\n에이크미는 공장을 가동한다고 21일 밝혔다.\n관련기사\n- 다른 회사, 새 공장 착공2023.03.28\n- 또 다른 소식2023.02.10\n에이크미는 내년 양산을 시작한다.";
        let generated = generate("seeds/r.txt", seed, &gazetteer()).unwrap();
        assert!(
            generated.text.contains("date_basis: unknown"),
            "{}",
            generated.text
        );
        assert!(!generated.text.contains("2023-03-28"), "{}", generated.text);
        // A menu's label with no list under it hides nothing.
        let menu = "Most Read\nUpdated: 19 Dec 2022\nAcme Energy said on Monday it opened a cell plant in Ohio.";
        let generated = generate("seeds/m.txt", menu, &gazetteer()).unwrap();
        assert!(
            generated.stem.starts_with("2022-12-19"),
            "{}",
            generated.stem
        );
        // The same line as the page's own stamp dates it.
        let stamped = "공장 가동\n입력 2023.03.28\n에이크미는 공장을 가동한다고 21일 밝혔다.";
        let generated = generate("seeds/s.txt", stamped, &gazetteer()).unwrap();
        assert!(
            generated.stem.starts_with("2023-03-28"),
            "{}",
            generated.stem
        );
    }

    #[test]
    fn a_dated_article_records_no_ingest_day() {
        let generated = generate(
            "seeds/d.txt",
            "Plant opens\nDate2024-03-11\nThe plant opened on Monday.",
            &gazetteer(),
        )
        .unwrap();
        assert_eq!(generated.ingested, None);
        assert!(!generated.text.contains("ingested:"), "{}", generated.text);
    }

    #[test]
    fn contains_word_respects_boundaries() {
        assert!(contains_word("the wire said", "wire"));
        assert!(!contains_word("the wireless said", "wire"));
    }
}
