//! Extraction, events: dated happenings and dated plans.
//!
//! Takes the story's sentences, the publication date and the figures already
//! found, and gives back one event per date expression that marks something
//! happening ("on April 12", "in June last year", "starting next year"),
//! each with a one-line title made from its sentence and the sentence as
//! quote. States ("since 2020"), deadlines a figure already carries ("KRW
//! 2 trillion by 2030"), photo captions and the page's own date are skipped.

use chrono::{Datelike, Weekday};

use super::when::{mentions, Cue, Mention};
use super::{Part, Sentence};
use crate::content::date::PartialDate;
use crate::content::front_matter::{Event, Figure};
use crate::ingest::text::hangul::{is_hangul, is_particle, strip_particle};
use crate::ingest::text::line::{ends_sentence, is_email, word_count};
use crate::ingest::text::stamp::is_reference_time;
use crate::ingest::text::token::headline_cased;
use crate::ingest::text::vocab::{self, DATE_LABELS, UPDATE_LABELS};
use crate::ingest::text::words::{word_list, Words};
pub(crate) use anchor::anchor_year;
pub(crate) use title::headline;
use title::title;

/// Words that mark a sentence as a plan.
static PLAN_WORDS: Words = word_list!("extract/plan-words.txt");

/// Words of a market statistic ("took up a 95 percent share in 2020",
/// "sales increased by 70% in 2022"): a measurement dated by the story,
/// not a happening in it. These need a figure in the sentence; those in
/// [`STATISTIC_PHRASES`] do not.
static STATISTIC_WORDS: Words = word_list!("extract/statistic-words.txt");

/// Phrases that make a sentence a statistic by themselves.
static STATISTIC_PHRASES: Words = word_list!("extract/statistic-phrases.txt");

/// Words of a forecast ("is anticipated to", "projected"), and what a
/// market forecast is about ("market", "demand"): a deadline in such a
/// sentence is the forecast's horizon, not a plan of anyone in the story.
static FORECAST_WORDS: Words = word_list!("extract/forecast-words.txt");
static MARKET_WORDS: Words = word_list!("extract/market-words.txt");
/// Words of results ("revenue", "operating loss"): with a figure, the
/// year or month they are told in is the period they cover.
static RESULT_WORDS: Words = word_list!("extract/result-words.txt");

static PHOTO_WORDS: Words = word_list!("extract/photo-words.txt");

/// A caption, or a sentence of the story that describes a photo.
fn describes_a_photo(sentence: &Sentence<'_>) -> bool {
    let korean = |w: &str| w.chars().any(crate::ingest::text::hangul::is_hangul);
    // "(Left) Members plant trees / (Right) …": a bracket placing people.
    let places_people = sentence
        .text
        .split('(')
        .skip(1)
        .filter_map(|rest| rest.split_once(')'))
        .any(|(inside, _)| crate::ingest::text::vocab::is_position_note(inside));
    sentence.part == Part::Caption
        || places_people
        || has_word(sentence.text, &PHOTO_WORDS)
        || PHOTO_WORDS
            .iter()
            .any(|w| korean(w) && sentence.text.contains(w))
}

/// A figure told as a result: a word of results a few words before or
/// after it ("an operating loss of 3.6 billion won", "13.2 billion won in
/// revenue"), or heading its clause before "was" ("revenue … was …").
fn states_a_result(sentence: &str, figure: &Figure) -> bool {
    const WINDOW_WORDS: usize = 4;
    let Some(at) = sentence.find(figure.text.as_str()) else {
        return false;
    };
    let before: Vec<&str> = sentence[..at].split_whitespace().collect();
    let after: Vec<&str> = sentence[at + figure.text.len()..]
        .split_whitespace()
        .collect();
    let near = [
        before[before.len().saturating_sub(WINDOW_WORDS)..].join(" "),
        after[..after.len().min(WINDOW_WORDS)].join(" "),
    ];
    // "Its revenue from the cells business was CNY14.1 billion": the
    // word of results heads the clause whose copula states the figure.
    let copula = before.last().is_some_and(|w| matches!(*w, "was" | "were"));
    let clause = &sentence[..at];
    let clause_start = clause.rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let subject_is_result = copula && has_word(&clause[clause_start..], &RESULT_WORDS);
    subject_is_result || near.iter().any(|words| has_word(words, &RESULT_WORDS))
}

/// "The operating profit for the fourth quarter of last year included
/// …": the time right after a word of results and "for" is the period
/// the results cover.
fn names_a_results_period(before: &str) -> bool {
    const PART_WORDS: usize = 3;
    let lower = before.trim_end().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    // "for the fourth quarter of last year": the part of the year first.
    if words.last() == Some(&"of") {
        words.pop();
        let part = words.len().saturating_sub(PART_WORDS);
        if !words[part..]
            .iter()
            .any(|w| matches!(*w, "quarter" | "half"))
        {
            return false;
        }
        while words.len() > part && words.last() != Some(&"for") {
            words.pop();
        }
    }
    if words.last() == Some(&"the") {
        words.pop();
    }
    if words.pop() != Some("for") {
        return false;
    }
    let head = words.join(" ");
    RESULT_WORDS.iter().any(|w| {
        head.strip_suffix(w)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

/// A Korean sentence whose predicate states a quantity ("…를 차지했다",
/// "…억원이었다"), see `words/korean/statistic-stems.txt`.
fn states_a_korean_quantity(sentence: &str) -> bool {
    static STEMS: Words = word_list!("korean/statistic-stems.txt");
    // The sentence's own predicate, its last word: "늘었던 가온에너지는 …
    // 착공했다" tells a happening.
    let last = sentence
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    // "…4천478억원이었다": the copula glued to a figure.
    let copula = last.starts_with(|c: char| c.is_ascii_digit())
        && (last.ends_with("이었다") || last.ends_with("였다"));
    is_hangul_text(sentence) && (copula || STEMS.iter().any(|stem| last.contains(stem)))
}

/// A Korean sentence that gives an outlook ("전망", "예상") for a market
/// ("가격", "시장", "수요"), see `words/korean/outlook-words.txt`.
fn korean_outlook(sentence: &str) -> bool {
    const PREDICATE_WORDS: usize = 2;
    let words: Vec<&str> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !is_hangul(c)))
        .collect();
    let of = |kind: &'static str| {
        vocab::KOREAN_OUTLOOK_WORDS
            .iter()
            .filter(move |&&(_, k)| k == kind)
            .map(|&(word, _)| word)
    };
    // The outlook is the sentence's own predicate ("… 줄어들 전망이다"),
    // not a word of a clause ("전망이 밝다고 말했다" tells a speech).
    let predicate = &words[words.len().saturating_sub(PREDICATE_WORDS)..];
    let outlook = predicate
        .iter()
        .any(|w| of("outlook").any(|o| w.starts_with(o)));
    // A market noun with at most a particle ("가격이", "수요는"); "군산시장은"
    // is a mayor.
    let market = words
        .iter()
        .any(|w| of("market").any(|m| strip_particle(w) == m));
    outlook && market
}

/// "지난 3월 미국 시장에 진출했으며 …": the time's own clause, up to its
/// first connective or comma, ends in a finite past verb: a happening,
/// whatever the sentence forecasts after it.
fn past_in_its_clause(after: &str) -> bool {
    own_clause(after).0.iter().any(|word| finite_past(word))
}

/// The Hangul words of a time's own clause, up to and with its first
/// connective ("…했으며", "…하고"), comma or quoting ending ("…형성될
/// 것이라는 전망이 제시됐다": what follows tells who said it), and
/// whether one closed it.
fn own_clause(after: &str) -> (Vec<&str>, bool) {
    static QUOTING: Words = word_list!("korean/quoting-endings.txt");
    let mut words = Vec::new();
    for raw in after.split_whitespace() {
        let word = raw.trim_end_matches(|c: char| !is_hangul(c));
        words.push(word);
        let quoting = QUOTING.iter().any(|q| word.ends_with(q));
        if word.ends_with(['며', '고']) || raw.ends_with(',') || quoting {
            return (words, true);
        }
    }
    (words, false)
}

/// A finite past ("진출했으며", "준공했다"), not an adnominal ("한").
fn finite_past(word: &str) -> bool {
    !word.ends_with(['한', '된', '던']) && super::when::korean_tense_of(word) == Some("past")
}

/// Events in story order, without duplicates.
pub(crate) fn events(
    sentences: &[&Sentence<'_>],
    published: Option<PartialDate>,
    figures: &[Figure],
) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    // Which events come from a photo's line, which from a deck's.
    let mut told_by: Vec<Teller> = Vec::new();
    // Until a sentence of the story ends, lines without an end are the
    // deck under the headline ("Groundbreaking on May 2 and completion in
    // 2026"), which the story tells again.
    let mut story_begun = false;
    let mut last_full = published.filter(PartialDate::is_full);
    let story_weekdays = named_weekdays(sentences);
    for (at, sentence) in sentences.iter().enumerate() {
        // "… 시찰하고 있다. 2021.05.23.": a wire photo's caption, its
        // filing date right after it.
        let stamped = sentences
            .get(at + 1)
            .is_some_and(|next| is_photo_stamp(next.text));
        let teller = if describes_a_photo(sentence) || stamped {
            Teller::Photo
        } else if !story_begun && is_deck_line(sentence.text) {
            Teller::Deck
        } else {
            Teller::Story
        };
        story_begun |=
            matches!(sentence.part, Part::Lead | Part::Body) && ends_sentence(sentence.text);
        if is_caption(sentence.text)
            || is_metadata(sentence.text)
            || headline_cased(sentence.text)
            || is_fragment(sentence.text)
        {
            continue;
        }
        // A figure told again keeps its first sentence as quote.
        let own: Vec<&Figure> = figures
            .iter()
            .filter(|f| sentence.text.contains(f.text.as_str()))
            .collect();
        let targets: Vec<i32> = own.iter().filter_map(|f| f.year_target).collect();
        let planned_sentence = is_plan(sentence.text);
        // A plan ("to raise the share to 50 percent by 2030") is no statistic.
        let statistic = !planned_sentence
            && ((!own.is_empty() || states_a_count(sentence.text))
                && has_word(sentence.text, &STATISTIC_WORDS)
                || has_word(sentence.text, &STATISTIC_PHRASES)
                || changes_by_a_figure(sentence.text));
        let period_figure = !planned_sentence && states_a_period_figure(sentence.text);
        let forecast =
            has_word(sentence.text, &FORECAST_WORDS) && has_word(sentence.text, &MARKET_WORDS);
        // "니켈 가격이 안정세를 보이면서 … 줄어들 전망이다": a market's
        // outlook, whose times are its horizon, not happenings.
        let korean_outlook = is_hangul_text(sentence.text) && korean_outlook(sentence.text);
        let result = !planned_sentence
            && (own.iter().any(|f| states_a_result(sentence.text, f))
                || !own.is_empty() && states_a_korean_quantity(sentence.text));
        let found = mentions(sentence.text, published, last_full);
        for (n, mention) in found.iter().enumerate() {
            if (sentence.part == Part::Caption || stamped)
                && !shows_the_story(sentence.text, mention, published, &story_weekdays)
            {
                continue;
            }
            if mention.date.is_full() {
                last_full = Some(mention.date);
            }
            // The mention opens with its "by" when it has one.
            let deadline = mention.cue == Cue::By || {
                let before = sentence.text[..mention.start].trim_end().to_lowercase();
                ["by", "by the end of", "by the end", "until", "through"]
                    .iter()
                    .any(|w| before.ends_with(w))
            };
            // "8일 정부에 따르면 …": the day a source told the story, which
            // dates nothing in it.
            // The day of publication may name a source of two words ("7일
            // 배터리 업계에 따르면"); "지난 7월 발표된 보고서에 따르면"
            // dates the report.
            let source_words = if Some(mention.date) == published {
                3
            } else {
                2
            };
            let attribution = attributed_after(&sentence.text[mention.end..], source_words);
            // "As of May 2024, the agency held 1,500 tonnes": the time a
            // figure holds; "takes effect as of January 1" is a happening.
            // In brackets ("6위(2022년 기준)") it qualifies a ranking or a
            // figure, never a happening.
            let bracketed = sentence.text[..mention.start]
                .trim_end()
                .ends_with(['(', '[']);
            let as_of = (!own.is_empty() || bracketed)
                && is_reference_time(sentence.text, &(mention.start..mention.end));
            // "Acme said on Oct. 26 its profit rose 40 percent": the day
            // the figures were told is a happening all the same; "orders
            // reported on April 2 rose" tells no day.
            let before = sentence.text[..mention.start].trim_end();
            let next_word = sentence.text[mention.end..]
                .split_whitespace()
                .next()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                });
            let clause_follows = next_word
                .is_some_and(|w| !STATISTIC_WORDS.contains(&w.as_str()) && !w.ends_with("ed"));
            let told_that_day = mention.date.day.is_some()
                && clause_follows
                && reported_at(before.strip_suffix(" on").unwrap_or(before));
            if statistic && !told_that_day
                || period_figure && mention.date.day.is_none()
                // "The global market is projected to see a surplus in 2024":
                // a market forecast's year is its horizon.
                || forecast
                    && mention.date.day.is_none()
                    && !is_past(mention, published)
                    && forecast_before(&sentence.text[..mention.start])
                // "지난 2월 … 전망을 내놓았다": a time already past is the
                // outlook's telling, or a happening, not its horizon.
                || korean_outlook
                    && mention.date.day.is_none()
                    && !is_past(mention, published)
                    && !past_in_its_clause(&sentence.text[mention.end..])
                || !own.is_empty() && names_a_results_period(&sentence.text[..mention.start])
                || as_of
                || result
                    && mention.date.day.is_none()
                    && !past_in_an_earlier_clause(&sentence.text[mention.end..])
                || attribution
                || (deadline && (forecast || targets.contains(&mention.date.year)))
                || !is_event(
                    mention,
                    planned_sentence || due_ahead(mention, published) || mention.called_coming,
                    &targets,
                )
                || is_dateline(sentence.text, mention)
                || restates(sentence.text, &found, n)
                || told_of_an_earlier_day(sentence.text, &found, n)
                || counted_over_period(sentence.text, &found, n, !own.is_empty())
                || counted_over_years(
                    mention,
                    !own.is_empty() && !planned_sentence && !is_future(mention, published),
                )
                || labels_a_figure(sentence.text, mention, &own)
                || in_a_series(sentence.text, &found, n, &own)
                || range_end_alone(sentence.text, &found, n)
                || dates_a_title(&sentence.text[mention.end..])
                || closes_a_period(&sentence.text[..mention.start])
                || spells_out_a_length(&sentence.text[..mention.start])
                || so_far_in(&sentence.text[mention.end..], mention, !own.is_empty())
                || compared_with(&sentence.text[..mention.start])
                || opens_a_quoted_name(sentence.text, mention)
            {
                continue;
            }
            // "said on Monday it will …": the date is the telling, not the plan.
            let told = reported_at(&sentence.text[..mention.start]);
            let planned = (planned_sentence && !told && !is_past(mention, published))
                || is_future(mention, published);
            let event = Event {
                date: mention.date,
                date_end: mention.date_end,
                title: if is_hangul_text(sentence.text) {
                    korean_title(sentence.text, mention)
                } else {
                    first_person::headline(title(sentence.text, mention), sentences, at)
                },
                planned,
                quote: Some(sentence.text.to_string()),
                about: None,
            };
            // A day told again later ("the first meeting will be held on
            // January 21") is the same happening; a Korean story restating a
            // date ("6월까지" twice) tells one event.
            let korean = is_hangul_text(sentence.text);
            let duplicate = out.iter().position(|e| {
                e.date == event.date
                    && e.date_end == event.date_end
                    && (korean
                        || e.title == event.title
                        || event.date.is_full() && retold(e.quote.as_deref(), sentence.text))
            });
            match duplicate {
                // The story's own telling replaces a photo's or a deck's line.
                Some(at)
                    if told_by[at] != Teller::Story
                        && teller == Teller::Story
                        && !event.title.is_empty() =>
                {
                    out[at] = event;
                    told_by[at] = Teller::Story;
                }
                Some(_) => {}
                None if !event.title.is_empty() => {
                    out.push(event);
                    told_by.push(teller);
                }
                None => {}
            }
        }
    }
    // A photo of a day the story dates itself shows that happening; a
    // deck's date the story tells again is the story's event.
    let told = |date: PartialDate| {
        out.iter()
            .zip(&told_by)
            .any(|(e, &teller)| teller == Teller::Story && e.date == date)
    };
    let keep: Vec<bool> = out
        .iter()
        .zip(&told_by)
        .map(|(e, &teller)| match teller {
            Teller::Story => true,
            Teller::Photo => !e.date.is_full() || !told(e.date),
            Teller::Deck => !told(e.date),
        })
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    out
}

/// "falling 7.3 percent", "rising by 3%": a participle of change right
/// before its amount is a statistic; "…on May 6, increasing its capacity
/// to 40 GWh" tells a happening and its effect.
fn changes_by_a_figure(sentence: &str) -> bool {
    static PARTICIPLES: Words = word_list!("extract/change-participles.txt");
    let words: Vec<&str> = sentence.split_whitespace().collect();
    (0..words.len()).any(|i| {
        let mut after = words[i + 1..].iter().copied();
        let changed_by = match after.next() {
            Some(by) if by.eq_ignore_ascii_case("by") => after.next(),
            next => next,
        };
        PARTICIPLES.iter().any(|p| words[i].eq_ignore_ascii_case(p))
            && changed_by.is_some_and(is_amount)
    })
}

/// A word that opens an amount: a digit, a currency's sign or its code
/// glued to the digits ("CNY14.1").
fn is_amount(word: &str) -> bool {
    const CODE_LEN: usize = 3;
    let digits = match word.get(..CODE_LEN) {
        Some(code) if super::unit::currency_code(code).is_some() => &word[CODE_LEN..],
        _ => word,
    };
    digits.starts_with(|c: char| {
        c.is_ascii_digit() || crate::ingest::text::vocab::is_currency_sign(c)
    })
}

/// "rose from 2,123 in 2017", "fell to 1.5": a count with thousands
/// separators or a decimal point right after a word of a statistic (past
/// "from", "to" or "by"): an amount even when no figure is read from it.
fn states_a_count(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let is_count = |word: &str| {
        let number = word.trim_matches(|c: char| !c.is_ascii_digit());
        number.contains([',', '.'])
            && number
                .split([',', '.'])
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
    };
    // A verb of change: "rose", "increased", not the noun "sales".
    let changed = |word: &str| {
        STATISTIC_WORDS.contains(&word)
            && (word.ends_with("ed") || crate::ingest::text::vocab::IRREGULAR_PAST.contains(&word))
    };
    words.iter().enumerate().any(|(i, word)| {
        let by = i >= 2 && matches!(words[i - 1].as_str(), "from" | "to" | "by");
        is_count(word) && (i >= 1 && changed(&words[i - 1]) || by && changed(&words[i - 2]))
    })
}

/// A figure told for a period: a level right before its amount ("exports
/// amounted to 342 billion yuan", "the backlog stood at 1,600 GWh") or a
/// comparison with the year before ("up 30 percent year on year"). It
/// dates no month or year in the sentence as a happening.
fn states_a_period_figure(sentence: &str) -> bool {
    static LEVEL_VERBS: Words = word_list!("extract/level-verbs.txt");
    static YEARLY: Words = word_list!("extract/yearly-comparisons.txt");
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let ends_with_phrase = |end: usize, phrase: &str| {
        let phrase: Vec<&str> = phrase.split(' ').collect();
        end >= phrase.len()
            && words[end - phrase.len()..end]
                .iter()
                .zip(&phrase)
                .all(|(w, p)| w.eq_ignore_ascii_case(p))
    };
    let level = (0..words.len())
        .any(|i| is_amount(words[i]) && LEVEL_VERBS.iter().any(|v| ends_with_phrase(i, v)));
    level || has_word(sentence, &YEARLY)
}

/// "지난 3월 공장을 준공했으며, 생산능력은 10GWh 수준이다": the time's own
/// clause ends in a finite past verb and a connective before the
/// sentence's predicate: a happening, whatever quantity the end states.
fn past_in_an_earlier_clause(after: &str) -> bool {
    let (words, closed) = own_clause(after);
    // "2015년 … 1위를 차지했고 … 기록했다": a clause that states a
    // quantity too tells no happening.
    closed
        && words
            .last()
            .is_some_and(|word| finite_past(word) && !states_a_korean_quantity(word))
}

/// A short line without a sentence's end, as a deck under a headline is
/// written ("Groundbreaking on May 6 and completion in 2027"); a Korean
/// line ending in its verb ("…착공식을 열었다") is a sentence all the same.
fn is_deck_line(text: &str) -> bool {
    const DECK_MAX_WORDS: usize = 15;
    let text = text.trim_end();
    !ends_sentence(text) && !text.ends_with('다') && word_count(text) <= DECK_MAX_WORDS
}

/// Which line told an event.
#[derive(Clone, Copy, PartialEq)]
enum Teller {
    Story,
    Photo,
    Deck,
}

/// Words that make the year after them a deadline or a threshold.
static YEAR_BOUNDS: Words = word_list!("extract/year-bounds.txt");

/// Which date mentions mark an event.
fn is_event(mention: &Mention, planned: bool, targets: &[i32]) -> bool {
    let loose = mention.date.month.is_none() || mention.cue == Cue::By;
    if loose && targets.contains(&mention.date.year) {
        return false;
    }
    match mention.cue {
        Cue::Since | Cue::Until => false,
        Cue::By => planned,
        Cue::At => true,
    }
}

/// A deadline ahead, to the month at least ("계약기간은 올해 9월 30일까지"):
/// a dated happening to come, like a plan. A bare year ahead ("by 2029")
/// is as often a target.
fn due_ahead(mention: &Mention, published: Option<PartialDate>) -> bool {
    mention.cue == Cue::By && mention.date.month.is_some() && is_future(mention, published)
}

fn is_future(mention: &Mention, published: Option<PartialDate>) -> bool {
    published.is_some_and(|p| {
        let precision = |d: PartialDate| (d.year, d.month.filter(|_| mention.date.month.is_some()));
        precision(mention.date) > precision(p)
    })
}

fn is_past(mention: &Mention, published: Option<PartialDate>) -> bool {
    published.is_some_and(|p| {
        let precision = |d: PartialDate| {
            (
                d.year,
                d.month.filter(|_| mention.date.month.is_some()),
                d.day.filter(|_| mention.date.day.is_some()),
            )
        };
        precision(mention.date) < precision(p)
    })
}

/// "in the six months ended June 30": the day a reported period closed,
/// which dates the figures, not a happening. A period still to close
/// ("the financial year ending March 2026") carries a plan's date.
fn closes_a_period(before: &str) -> bool {
    static PERIODS: Words = word_list!("extract/reporting-periods.txt");
    let before = before.trim_end().to_lowercase();
    before
        .strip_suffix(" ended")
        .and_then(|head| head.split_whitespace().next_back())
        .is_some_and(|noun| PERIODS.contains(&noun))
}

/// "최근 5년간(2019~2024년 8월)": the dates in brackets after a length of
/// time spell out the period a statistic covers; nothing happened then.
fn spells_out_a_length(before: &str) -> bool {
    static UNITS: Words = word_list!("korean/time-length-units.txt");
    let Some(length) = before.trim_end().strip_suffix('(').map(str::trim_end) else {
        return false;
    };
    let Some(unit_end) = length.strip_suffix('간') else {
        return false;
    };
    UNITS.iter().any(|unit| {
        unit_end
            .strip_suffix(unit)
            .is_some_and(|count| count.ends_with(|c: char| c.is_ascii_digit()))
    })
}

/// "올해 들어 처음", "2023년 들어 10% 내렸다": a year with 들어 is the
/// time so far since it began, over which a state or a trend holds.
/// Only with a figure or a record ("처음", "최고") does the sentence tell a
/// trend; "올해 들어 공장을 준공했다" is a happening this year.
fn so_far_in(after: &str, mention: &Mention, counted: bool) -> bool {
    static SINCE_IT_BEGAN: Words = word_list!("korean/so-far-words.txt");
    static RECORDS: Words = word_list!("korean/record-words.txt");
    let mut words = after.trim_start().split([' ', ',']);
    let since = words.next().is_some_and(|w| SINCE_IT_BEGAN.contains(&w));
    let record = words
        .next()
        .is_some_and(|w| RECORDS.iter().any(|r| w.starts_with(r)));
    mention.date.month.is_none() && since && (counted || record)
}

/// "SEOUL, May 3 (Reuters) -": the wire dateline, the publication date.
fn is_dateline(sentence: &str, mention: &Mention) -> bool {
    let before = sentence[..mention.start].trim_end();
    let place = before.strip_suffix(',').map(str::trim);
    // "SEOUL", "RENO, Nev.", "NINGDE, China": the city is in capitals.
    let capital_place = place.is_some_and(|p| {
        let city = p.split(',').next().unwrap_or("").trim();
        !city.is_empty()
            && p.len() < 30
            && city.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && city
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.')
    });
    let after = sentence[mention.end..].trim_start();
    let credit = after.starts_with('(')
        && after.find(')').is_some_and(|close| {
            close < 30
                && after[close + 1..]
                    .trim_start()
                    .starts_with(['-', '\u{2014}', '\u{2013}', ':'])
        });
    let wire_tag = after.starts_with('/') && after[1..].find("/ ").is_some_and(|end| end < 30);
    // "[Acme Biz= Hong Gildong] Seoul, October 14 — …": any date inside
    // the head a bylined lead's dateline takes off.
    let bylined = crate::ingest::text::dateline::bylined_dateline_end(sentence)
        .is_some_and(|head| mention.end <= head);
    // "July 5, 2025 | Brussels, Belgium — …": a bar sets the date off.
    let barred = crate::ingest::text::date::barred_dateline(after);
    // "(Acme Wire) July 26 -- …": the agency in brackets before the date.
    let agency_first = before.starts_with('(')
        && before.ends_with(')')
        && before.len() < 30
        && after.starts_with(['-', '\u{2014}', '\u{2013}']);
    (mention.start < 40 && (capital_place || barred || agency_first))
        || credit
        || wire_tag
        || bylined
}

/// The end of a range whose start the text gives in words no date was
/// read from ("from next January to December 2025" on an undated page):
/// the end alone would date the wrong thing.
fn range_end_alone(sentence: &str, found: &[Mention], n: usize) -> bool {
    let before = sentence[..found[n].start].trim_end().to_lowercase();
    let Some(head) = before
        .strip_suffix(" to")
        .or_else(|| before.strip_suffix(" through"))
    else {
        return false;
    };
    let from = head
        .rfind("from ")
        .filter(|&at| head[at..].split_whitespace().count() <= 4);
    let start_read = n > 0 && from.is_some_and(|at| found[n - 1].start >= at);
    from.is_some() && !start_read
}

/// Words of a comparison's baseline ("from", "compared with").
static BASELINES: Words = word_list!("extract/comparison-baselines.txt");

/// "Compared to last year", "than in 2022": a date a comparison is made
/// against, no happening. ("from" also opens a start, so it is left to
/// the figure it measures from.)
fn compared_with(before: &str) -> bool {
    let before = before.trim_end().to_lowercase();
    let before = before.strip_suffix(" in").unwrap_or(&before);
    BASELINES
        .iter()
        .filter(|word| **word != "from")
        .chain(&["than"])
        .any(|word| {
            before
                .strip_suffix(word)
                .is_some_and(|head| !head.ends_with(char::is_alphanumeric))
        })
}

/// A year that labels the figure right after it, a data point of a
/// series: "2022년 7조6177억원, 2023년 12조8972억원으로 늘었다".
/// So does a date right after a comparison's baseline ("up from about
/// 50,000 yuan in 2021").
fn labels_a_figure(sentence: &str, mention: &Mention, own: &[&Figure]) -> bool {
    let after = sentence[mention.end..].trim_start();
    let before = sentence[..mention.start].trim_end();
    let before = before.strip_suffix(" in").unwrap_or(before);
    own.iter().any(|f| {
        let baseline = before.strip_suffix(f.text.as_str()).is_some_and(|rest| {
            let rest = rest.trim_end().to_lowercase();
            BASELINES.iter().any(|word| {
                rest.strip_suffix(word)
                    .is_some_and(|head| !head.ends_with(char::is_alphanumeric))
            })
        });
        // A day is no period a series is counted over: "9일 30㎾급 ESS를
        // 검증한다" tells what happens that day; nor is a month before a
        // deal's size ("지난달 247억원 규모의 계약을 체결").
        after.starts_with(f.text.as_str()) && mention.date.day.is_none() && !sizes_a_deal(after, f)
            || baseline
            || measured_against(sentence, mention, f)
    }) || korean_baseline(sentence, mention)
}

/// "64% in 2017, 121% in 2019, 166% in 2021": years that each follow a
/// figure ("<figure> in <year>"), two or more in one sentence, are the
/// points of a series, not happenings. One alone ("invested $1 billion
/// in 2022") may date what was done.
fn in_a_series(sentence: &str, found: &[Mention], n: usize, own: &[&Figure]) -> bool {
    // The mention may begin with its "in" or follow it. Only bare years
    // make a series: "$500 million in March 2017" dates a raise.
    let after_figure = |m: &Mention| {
        if m.date.month.is_some() {
            return false;
        }
        let before = sentence[..m.start].trim_end();
        let head = match before.strip_suffix(" in") {
            Some(head) => head,
            None if sentence[m.start..].starts_with("in ") => before,
            None => return false,
        };
        own.iter()
            .any(|f| head.trim_end().ends_with(f.text.as_str()))
    };
    after_figure(&found[n]) && found.iter().filter(|m| after_figure(m)).count() >= 2
}

/// "247억원 규모의 계약": the amount opening `after` is a deal's size.
fn sizes_a_deal(after: &str, figure: &Figure) -> bool {
    static SIZE_WORDS: Words = word_list!("korean/size-words.txt");
    let rest = after[figure.text.len()..].trim_start();
    SIZE_WORDS.iter().any(|w| rest.starts_with(w))
}

/// "지난해 매출액 대비 41.2%", "지난해보다 12% 늘었다": in Korean the
/// baseline's time comes first, then a comparison word (glued or within
/// three words of its clause), then the figure compared. Without a
/// figure after it, 대비 is a preparation ("화재 대비 훈련") and 보다 an
/// adverb ("보다 큰 공장").
fn korean_baseline(sentence: &str, mention: &Mention) -> bool {
    static MARKERS: Words = word_list!("korean/comparison-markers.txt");
    static LEVELS: Words = word_list!("korean/level-words.txt");
    let after = &sentence[mention.end..];
    // "2010년(1100달러)과 비교하면": a bracket after the time gives the
    // baseline's own figure; the particle after it belongs to the time.
    let bracketed = after
        .strip_prefix('(')
        .and_then(|inside| inside.split_once(')'))
        .filter(|(inside, _)| inside.contains(|c: char| c.is_ascii_digit()));
    let after = bracketed.map_or(after, |(_, rest)| rest);
    let first = after.split_whitespace().next().unwrap_or("");
    // "2021년 12월 수준이며": the time names a level the story compares
    // with, whatever figure it was.
    // The level with its particle or copula: "수준 높은" is "high-level".
    let first = first.trim_end_matches([',', '.']);
    let level = strip_particle(first);
    if after.starts_with(' ') && level != first && LEVELS.contains(&level) {
        return true;
    }
    // "2018년에 비해": the particle glued to the time, the marker after it.
    let lone_particle = !first.is_empty() && is_particle(first) && !after.starts_with(' ');
    let after = if lone_particle {
        &after[after.find(first).unwrap_or(0) + first.len()..]
    } else {
        after
    };
    let clause = after.split([',', '.']).next().unwrap_or("");
    // The word is the marker, with a particle at most, or a noun with
    // the marker glued to its end ("같은 기간보다", "전년대비").
    let marks = |word: &str| {
        MARKERS.iter().any(|m| {
            strip_particle(word) == *m
                || word != *m && (word.ends_with(m) || strip_particle(word).ends_with(m))
        })
    };
    let spaced = sentence[..mention.end].ends_with(char::is_whitespace)
        || clause.starts_with(char::is_whitespace);
    let words: Vec<&str> = clause.split_whitespace().collect();
    // After a particle glued to the time the marker comes next
    // ("2018년에 비해"); "2018년에 기존 공장보다" compares something else.
    let window = if lone_particle { 1 } else { 3 };
    let at = if spaced {
        words.iter().take(window).position(|w| marks(w))
    } else {
        // Glued to the time itself: "지난해보다", "전년대비".
        words
            .first()
            .filter(|w| MARKERS.iter().any(|m| w.contains(m)))
            .map(|_| 0)
    };
    // "작년 동기보다 늘었다": the same period of the time, compared; no
    // figure is needed, 동기 before a marker is no motive.
    const SAME_PERIOD: &str = "동기";
    let same_period = at.is_some_and(|k| {
        let word = strip_particle(words[k]);
        word.starts_with(SAME_PERIOD) || k > 0 && words[k - 1] == SAME_PERIOD
    });
    same_period
        || at.is_some_and(|k| {
            bracketed.is_some()
                || words[k + 1..]
                    .iter()
                    .any(|w| w.contains(|c: char| c.is_ascii_digit()))
        })
}

/// "up 12.5 percent from last year", "a 22.5% decrease compared to the
/// same period last year": the date a change is measured against, after
/// the change. Only a change has a baseline after a bare "from": "will add
/// 2 plants from 2026" starts a plan.
fn measured_against(sentence: &str, mention: &Mention, figure: &Figure) -> bool {
    static PERIODS: Words = word_list!("extract/comparison-periods.txt");
    let before = sentence[..mention.start].trim_end();
    let lower_before = before.to_lowercase();
    let change = figure.unit.as_str() == "percent";
    let from_right_after = sentence[mention.start..mention.end]
        .to_lowercase()
        .starts_with("from ")
        && before.ends_with(figure.text.as_str());
    let period_baseline = PERIODS
        .iter()
        .find_map(|p| lower_before.strip_suffix(p))
        .map(str::trim_end)
        .is_some_and(|head| BASELINES.iter().any(|word| head.ends_with(word)))
        && before.contains(figure.text.as_str());
    change && from_right_after || period_baseline
}

/// "'2025년 배터리 지원사업 지침'을", "the “2025 Battery Day”":
/// a year that opens a quoted name is part of the name, no time of a
/// happening.
fn opens_a_quoted_name(sentence: &str, mention: &Mention) -> bool {
    let before = sentence[..mention.start].trim_end();
    // "“In 2024 we will …”": a quotation that opens with a time is speech.
    let bare_year = sentence[mention.start..].starts_with(|c: char| c.is_ascii_digit());
    bare_year
        && crate::ingest::text::vocab::NAME_QUOTES
            .iter()
            .any(|&(open, close)| before.ends_with(open) && sentence[mention.end..].contains(close))
}

/// "September 7's \"Redwood Raised $1 Billion\"": a date owning a quoted
/// title names an earlier story or post, not a happening.
fn dates_a_title(after: &str) -> bool {
    ["'s", "\u{2019}s"].iter().any(|owner| {
        after.strip_prefix(owner).is_some_and(|rest| {
            rest.trim_start()
                .starts_with(['"', '\u{201c}', '\'', '\u{2018}'])
        })
    })
}

/// "55 fires occurred from 2017 to 2024": a range of years a figure of a
/// sentence that plans nothing counts over dates a statistic ("will
/// provide 12 trillion won over 2025 to 2028" is a plan, an event).
fn counted_over_years(mention: &Mention, counted_unplanned: bool) -> bool {
    counted_unplanned && mention.date_end.is_some() && mention.date.month.is_none()
}

/// An end of a period a counted figure covers: "a total of 55 fires
/// have occurred from 2017 to June 2024" dates a statistic, no happening.
fn counted_over_period(sentence: &str, found: &[Mention], n: usize, counted: bool) -> bool {
    let opens = |k: usize| {
        let before = sentence[..found[k].start].trim_end().to_lowercase();
        let joined = found.get(k + 1).is_some_and(|next| {
            matches!(
                sentence[found[k].end..next.start]
                    .trim()
                    .to_lowercase()
                    .as_str(),
                "to" | "through" | "until" | "and"
            )
        });
        let from = ["from", "between"].iter().any(|w| before.ends_with(w))
            || sentence[found[k].start..found[k].end]
                .to_lowercase()
                .starts_with("from ");
        from && joined
    };
    counted && (opens(n) || n > 0 && opens(n - 1))
}

/// A second mention of a date the sentence already gave: "On the 11th of
/// April" read also as "April", "January 21 (Fri.)" with its weekday.
fn restates(sentence: &str, found: &[Mention], n: usize) -> bool {
    let this = &found[n];
    let adjacent =
        |a: &Mention, b: &Mention| matches!(sentence[a.end..b.start].trim(), "" | "(" | ",");
    let weekday = |m: &Mention| {
        let text = sentence[m.start..m.end].to_ascii_lowercase();
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .any(|d| text.starts_with(d) || text.starts_with(&format!("on {d}")))
    };
    // "January 21 (Fri.)", "Friday, January 21": the weekday goes.
    let apposition =
        (n > 0 && adjacent(&found[n - 1], this) && (weekday(this) || !weekday(&found[n - 1])))
            || (n + 1 < found.len() && adjacent(this, &found[n + 1]) && weekday(this));
    let near = |other: &Mention| other.start <= this.end + 5 && this.start <= other.end + 5;
    let coarser = this.date_end.is_none()
        && found.iter().any(|other| {
            other.date != this.date
                && near(other)
                && other.date.year == this.date.year
                && (this.date.month.is_none() || this.date.month == other.date.month)
                && this.date.day.is_none()
        });
    // "on September 22 … on September 22": a day written again in the
    // sentence, whatever year the second telling was read with.
    let written = |m: &Mention| {
        let text = sentence[m.start..m.end].to_lowercase();
        match text.strip_prefix("on ") {
            Some(rest) => rest.to_string(),
            None => text,
        }
    };
    let again = this.date.day.is_some() && found[..n].iter().any(|o| written(o) == written(this));
    apposition || coarser || again
}

/// Most of the longer words of `sentence` are in `earlier`: the same
/// happening told again, not another one on the same day.
fn retold(earlier: Option<&str>, sentence: &str) -> bool {
    let Some(earlier) = earlier.map(str::to_lowercase) else {
        return false;
    };
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect();
    let shared = words
        .iter()
        .filter(|w| earlier.contains(w.as_str()))
        .count();
    !words.is_empty() && shared * 5 >= words.len() * 2
}

/// Bylines and page stamps: "By Kim Joo-heon Posted : March 14, 2022",
/// "December 15, 2022 by Stephanie Leonida".
fn is_metadata(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let labels = DATE_LABELS.iter().chain(UPDATE_LABELS.iter());
    let stamp = labels.map(|w| w.to_lowercase()).any(|w| {
        lower
            .match_indices(w.as_str())
            .any(|(at, _)| lower[at + w.len()..].trim_start().starts_with(':'))
    });
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let byline = words.len() <= 12
        && words.iter().enumerate().any(|(i, w)| {
            w.eq_ignore_ascii_case("by")
                && (i == 0 || !sentence.trim_end().ends_with('.'))
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase))
        });
    stamp || byline || crate::ingest::text::stamp::is_stamp_line(sentence)
}

/// A piece of a sentence: it opens in lower case ("at Auto Shanghai on
/// Thursday.") or is cut off mid-phrase ("In September 2021, LGES, the
/// wing of South Korea's"), so its date belongs to nothing whole.
fn is_fragment(sentence: &str) -> bool {
    let text = sentence.trim();
    let lower_start = text.starts_with(|c: char| c.is_lowercase());
    let ends = text.ends_with(['.', '!', '?', '"', '\u{201D}', ')', ':']);
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    static DANGLING: Words = word_list!("extract/event-title-dangling.txt");
    let dangling = last.ends_with("'s")
        || last.ends_with("\u{2019}s")
        || DANGLING.contains(&last.to_lowercase().as_str());
    lower_start || (!ends && dangling)
}

fn has_word(sentence: &str, words: &[&str]) -> bool {
    let lower = sentence.to_lowercase();
    words.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// A word of forecast before a time ("is projected to see a surplus in
/// 2024"); one after it ("cut prices in May, forecasting weaker demand")
/// leaves the time its own clause's. "is set to" also tells plans.
fn forecast_before(before: &str) -> bool {
    (FORECAST_WORDS.iter())
        .filter(|w| !w.contains("set to"))
        .any(|w| has_word(before, &[w]))
}

/// True when the text before a date ends with a verb of telling ("said",
/// "announced"), so the date is when the news was told.
fn reported_at(before: &str) -> bool {
    static TELLING_VERBS: Words = word_list!("extract/telling-verbs.txt");
    let lower = before.trim_end().to_lowercase();
    TELLING_VERBS.iter().any(|verb| {
        lower
            .strip_suffix(verb)
            .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
    })
}

/// "지난 14일 협약을 체결했다고 15일 밝혔다": a day right before a Korean
/// verb of telling dates the telling; when a day before it in the same
/// sentence dates what was told, the telling is no happening of its own.
fn told_of_an_earlier_day(sentence: &str, found: &[Mention], n: usize) -> bool {
    static TELLING: Words = word_list!("korean/telling-verbs.txt");
    let mention = &found[n];
    let after = sentence[mention.end..].trim_start();
    mention.date.day.is_some()
        && TELLING.iter().any(|verb| after.starts_with(verb))
        && found[..n].iter().any(|m| m.date.day.is_some())
}

/// "8일 정부에 따르면": the text after a date attributes the story to a
/// source within its next two words.
fn attributed_after(after: &str, words: usize) -> bool {
    after
        .split_whitespace()
        .take(words)
        .any(crate::ingest::text::vocab::is_korean_attribution)
}

fn is_plan(sentence: &str) -> bool {
    if is_hangul_text(sentence) {
        return crate::ingest::text::vocab::is_korean_plan(sentence);
    }
    has_word(sentence, &PLAN_WORDS) || due_to_a_plan(sentence) || is_plan_item(sentence)
}

/// "due to", which sets a time ("due to open in 2026") or gives a cause
/// ("due to their cost", "due to rising prices").
const DUE_TO: &str = "due to";

/// "due to" before a verb: a plant due to open. Before a determiner or a
/// word in -ing ("rising", not "bring") it gives a cause instead, so it is
/// no entry of `PLAN_WORDS`.
fn due_to_a_plan(sentence: &str) -> bool {
    const SHORTEST_GERUND: usize = 6;
    use crate::ingest::text::vocab::DETERMINERS;
    let lower = sentence.to_lowercase();
    lower.match_indices(DUE_TO).any(|(at, _)| {
        let edge = !lower[..at].ends_with(char::is_alphanumeric);
        let next = lower[at + DUE_TO.len()..]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let next = next.trim_matches(|c: char| !c.is_alphanumeric());
        let gerund = next.ends_with("ing") && next.len() >= SHORTEST_GERUND;
        edge && !next.is_empty() && !DETERMINERS.contains(&next) && !gerund
    })
}

/// A press release's summary point, set off by a sign and opened by the
/// gerund of a policy's act, with no full stop ("▷ Building a
/// charging map by 2028"): an item of the plan it announces.
fn is_plan_item(sentence: &str) -> bool {
    static PLAN_GERUNDS: Words = word_list!("extract/plan-gerunds.txt");
    const MAX_WORDS: usize = 25;
    use crate::ingest::text::line::is_set_off_sign;
    let point = sentence.trim_start();
    let text = point.trim_start_matches(|c: char| is_set_off_sign(c) || c.is_whitespace());
    let signed = point.starts_with(is_set_off_sign);
    let first = text.split_whitespace().next().unwrap_or("");
    signed
        && PLAN_GERUNDS.contains(&first.to_lowercase().as_str())
        && !text.trim_end().ends_with(['.', '!', '?'])
        && text.split_whitespace().count() <= MAX_WORDS
}

/// A Korean sentence: English title and plan rules do not apply.
fn is_hangul_text(sentence: &str) -> bool {
    crate::ingest::text::hangul::is_korean(sentence)
}

/// A Korean event's title: its sentence without the date and the full
/// stop, cut at a space when long.
fn korean_title(sentence: &str, mention: &Mention) -> String {
    const MAX_CHARS: usize = 90;
    // The particle that tied the date to the sentence goes with it, and
    // so does 경 ("about") after it ("2025년 경에는").
    let after = sentence[mention.end..]
        .trim_start()
        .strip_prefix('경')
        .filter(|rest| rest.is_empty() || rest.starts_with(['에', ' ']))
        .unwrap_or(&sentence[mention.end..]);
    let particle = ["까지", "부터", "중에", "중", "에는", "에", "께"]
        .iter()
        .find(|p| after.starts_with(*p))
        .map_or(0, |p| p.len());
    // A wire's dateline before the story is no part of what happened.
    let before = crate::ingest::text::dateline::strip_dateline(&sentence[..mention.start]);
    // "계약기간은 …부터 …까지다": when the date is the predicate, only
    // the copula is left after it, and the date stays.
    static COPULAS: Words = word_list!("korean/copulas.txt");
    let only_copula = COPULAS.contains(&after[particle..].trim().trim_end_matches('.'));
    let joined = if only_copula {
        crate::ingest::text::dateline::strip_dateline(sentence).to_string()
    } else {
        format!("{} {}", before, &after[particle..])
    };
    let mut text = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    text = text.trim_end_matches(['.', ' ']).to_string();
    if text.chars().count() > MAX_CHARS {
        let cut: String = text.chars().take(MAX_CHARS).collect();
        let at = cut.rfind(' ').unwrap_or(cut.len());
        text = format!("{}…", &cut[..at]);
    }
    text
}

/// Days of the week the story's own sentences name ("said on Monday").
fn named_weekdays(sentences: &[&Sentence<'_>]) -> Vec<Weekday> {
    sentences
        .iter()
        .filter(|s| s.part != Part::Caption)
        .flat_map(|s| s.text.split(|c: char| !c.is_alphabetic()))
        .filter(|word| word.len() > 3 && word.starts_with(char::is_uppercase))
        .filter_map(|word| word.parse().ok())
        .collect()
}

/// A caption's date is the day of the story's event when the photo is
/// news of the day: taken in the week before publication, or (publication
/// unknown) written without a year or on a weekday the story names.
/// Otherwise it is a file photo's date ("… in 2021. Agency via …", "지난
/// 9월 6일 … 모습" two months back): no event, and no year for the dates
/// after it.
fn shows_the_story(
    caption: &str,
    mention: &Mention,
    published: Option<PartialDate>,
    story_weekdays: &[Weekday],
) -> bool {
    const NEWS_PHOTO_DAYS: i64 = 7;
    // "in March": a month is no day a photo of the news was taken.
    if mention.date.day.is_none() {
        return false;
    }
    let written = &caption[mention.start..mention.end];
    let has_year = written
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4);
    let published = published.filter(PartialDate::is_full);
    if !has_year && published.is_none() {
        return true;
    }
    if !mention.date.is_full() {
        return false;
    }
    let taken = mention.date.to_naive_floor();
    match published {
        Some(published) => {
            let before = (published.to_naive_floor() - taken).num_days();
            (0..=NEWS_PHOTO_DAYS).contains(&before)
        }
        None => story_weekdays.contains(&taken.weekday()),
    }
}

/// "2021.05.23.": a full date opening the line, alone or before the
/// photographer's e-mail ("2021.05.23. kim@agency.com"), as a wire
/// photo's filing date follows its caption.
fn is_photo_stamp(text: &str) -> bool {
    let text = text.trim();
    let Some((span, _)) = crate::ingest::text::date::full_dates(text)
        .into_iter()
        .next()
    else {
        return false;
    };
    // "[email protected]": a scrape's stand-in for the address.
    span.start == 0
        && text[span.end..]
            .split_whitespace()
            .all(|w| w == "." || is_email(w) || w == "protected]")
}

/// Photo captions and credits carry photo dates, not story events.
fn is_caption(sentence: &str) -> bool {
    static CREDIT_OPENERS: Words = word_list!("extract/credit-openers.txt");
    static CAPTION_MARKS: Words = word_list!("extract/caption-marks.txt");
    let lower = sentence.to_lowercase();
    CREDIT_OPENERS.iter().any(|p| lower.starts_with(p))
        || CAPTION_MARKS.iter().any(|p| lower.contains(p))
}

mod anchor;
mod first_person;
mod title;

#[cfg(test)]
mod tests;
