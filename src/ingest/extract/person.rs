//! Extraction, people: named persons with their role and organization.
//!
//! Takes the sentences with their organization hits and gives back people
//! found by role patterns: a title before the name ("KRICT President Lee
//! Young-kuk", "Professor Ping Liu of …"), an appositive after it ("Kim
//! Hyeongjin, honorary professor at GIST", "Seung-su Jun (Director General
//! …, KISTEP)") or a speech verb ("Jane Doe said"). A capitalized pair with
//! none of these is not taken for a person. Later short forms ("Minister
//! Ahn") are the same person, not new ones.

use super::names::{
    initials, is_age, is_capital_surname, is_given_name, is_name_token, is_role_word, HONORIFICS,
};
use super::Sentence;
use crate::content::front_matter::Person;
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::hangul::{hangul_run, is_hangul, is_particle};
use crate::ingest::text::token::{tokenize, Token};
use crate::ingest::text::vocab::PHOTO_POSITIONS;

mod korean;
use crate::ingest::text::words::{word_list, Pairs, Words};
pub(super) use korean::ends_with_glued_byline;
pub(super) use korean::ends_with_long_title as ends_with_korean_title;
pub(super) use korean::is_name_word as is_korean_name;

/// Verbs that show the words before them name a speaker.
pub(crate) static SPEECH: Words = word_list!("extract/speech-verbs.txt");
/// Verbs of appointment ("named", "appointed").
static APPOINT: Words = word_list!("extract/appointment-verbs.txt");
/// Lowercase words that end a place a title's portfolio names ("region").
static PLACE_WORDS: Words = word_list!("extract/portfolio-place-words.txt");
/// Public figures by each spelling stories use, with the figure's first
/// spelling (`extract/well-known-people.txt`).
static WELL_KNOWN: Pairs = word_list!(pairs "extract/well-known-people.txt");

/// People in first-mention order, deduplicated by name.
pub(crate) fn people(sentences: &[&Sentence<'_>], gazetteer: &Gazetteer) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    for sentence in sentences {
        let reader = Reader {
            sentence,
            tokens: tokenize(sentence.text),
            gazetteer,
        };
        for person in reader.people() {
            merge(&mut out, person);
        }
        if sentence.text.chars().any(is_hangul) {
            for person in korean::people(sentence, gazetteer) {
                add_or_fill(&mut out, person);
            }
        }
        for name in well_known(sentence.text) {
            // "일론머스크 테슬라 최고경영자": a name this sentence gave with
            // the word after it ends where the public figure's name does.
            let longer = format!("{name} ");
            for person in out.iter_mut().filter(|p| {
                p.name.starts_with(&longer) && p.quote.as_deref() == Some(sentence.text)
            }) {
                person.name = name.to_string();
            }
            // Another spelling of the figure named before is the same person.
            let figure = figure_of(name);
            if !out.iter().any(|p| figure_of(&p.name) == figure) {
                out.push(Person {
                    name: name.to_string(),
                    role: None,
                    organization: None,
                    quote: Some(sentence.text.to_string()),
                });
            }
        }
    }
    // A public figure's name cut back may repeat a name found before: one
    // person, whose gaps the later mention fills.
    let mut people: Vec<Person> = Vec::with_capacity(out.len());
    for person in out {
        add_or_fill(&mut people, person);
    }
    let mut out = people;
    drop_surnames(&mut out);
    out
}

/// Public figures named in full in `text`: stories name them in passing,
/// with no role or verb of speech. A name inside a longer word ("유리창"
/// holds 리창) or a longer name ("Elon Musk Foundation", "Donald Trump
/// Jr.") is none of them; a Korean particle may follow a Hangul name.
fn well_known(text: &str) -> Vec<&'static str> {
    WELL_KNOWN
        .iter()
        .map(|&(name, _)| name)
        .filter(|name| {
            text.match_indices(name).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let rest = &text[at + name.len()..];
                let hangul_name = name.chars().next_back().is_some_and(is_hangul);
                let ends_here = match rest.chars().next() {
                    None => true,
                    Some(c) if hangul_name && is_hangul(c) => is_particle(hangul_run(rest)),
                    Some(c) => !c.is_alphanumeric(),
                };
                // "Elon Musk Foundation": a capitalized word goes on the name.
                let name_goes_on = rest
                    .strip_prefix(' ')
                    .is_some_and(|next| next.starts_with(char::is_uppercase));
                before.is_none_or(|c| !c.is_alphanumeric()) && ends_here && !name_goes_on
            })
        })
        .collect()
}

/// The public figure a spelling names, if any ("일론 머스크" and "Elon
/// Musk" are one).
fn figure_of(name: &str) -> Option<&'static str> {
    WELL_KNOWN
        .iter()
        .find(|&&(spelling, _)| spelling == name)
        .map(|&(_, figure)| figure)
}

/// Add a person, or fill the gaps of the one already known by that name
/// (or whose name ends with this one's single surname).
fn merge(people: &mut Vec<Person>, person: Person) {
    let short = !person.name.contains(' ');
    let known = people.iter_mut().find(|p| {
        p.name == person.name || (short && p.name.split(' ').any(|part| part == person.name))
    });
    match known {
        Some(p) => fill(p, person),
        None if !short || high_office(person.role.as_deref()) => people.push(person),
        None => {}
    }
}

/// Add a person, or fill the gaps of the one already known by that name.
fn add_or_fill(people: &mut Vec<Person>, person: Person) {
    match people.iter_mut().find(|p| p.name == person.name) {
        Some(known) => fill(known, person),
        None => people.push(person),
    }
}

/// Fill the gaps of a known person from a later mention.
fn fill(known: &mut Person, person: Person) {
    if known.role.is_none() {
        known.role = person.role;
    }
    if known.organization.is_none() {
        known.organization = person.organization;
    }
}

/// Titles under which a surname alone names a person ("President Biden").
fn high_office(role: Option<&str>) -> bool {
    static OFFICES: Words = word_list!("extract/high-offices.txt");
    role.is_some_and(|r| OFFICES.contains(&r))
}

/// A surname alone is dropped when a full name of the story holds it.
fn drop_surnames(people: &mut Vec<Person>) {
    let full: Vec<String> = people
        .iter()
        .filter(|p| p.name.contains(' '))
        .map(|p| p.name.clone())
        .collect();
    people.retain(|p| {
        p.name.contains(' ') || !full.iter().any(|f| f.split(' ').any(|part| part == p.name))
    });
}

/// Words that open a sentence's clause before a name ("But Eric Norris").
static CLAUSE_OPENERS: Words = word_list!("extract/clause-openers.txt");

struct Reader<'s, 'a> {
    sentence: &'s Sentence<'a>,
    tokens: Vec<Token<'a>>,
    gazetteer: &'s Gazetteer,
}

impl Reader<'_, '_> {
    fn people(&self) -> Vec<Person> {
        let mut runs = Vec::new();
        // Runs cut at a romanized Korean family name, with the start they
        // had: "said Posco Kim Jun-hyung" is read from the uncut run.
        let mut cut_from = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            let end = self.name_end(i);
            if end == i {
                i += 1;
                continue;
            }
            // "Sungil High-Tech Lee Kang-myung": a romanized Korean name
            // closing a run starts at its family name; "But Eric Norris":
            // a word opening the sentence's clause is none of the name.
            let opens_sentence = self.tokens[..i].iter().all(|t| !t.is_word());
            let korean_cut = end - i == 3 && self.romanized_korean_name_at(i + 1);
            if korean_cut {
                cut_from.push((i + 1, i));
            }
            let start = if korean_cut
                || end - i >= 2 && opens_sentence && CLAUSE_OPENERS.contains(&self.tokens[i].text)
            {
                i + 1
            } else {
                i
            };
            runs.push((start, end));
            i = end;
        }
        let mut authors = self.authors(&runs);
        authors.extend(self.pictured(&runs));
        runs.iter()
            .filter_map(|&(start, end)| {
                let uncut = || {
                    let (_, from) = cut_from.iter().find(|(cut, _)| *cut == start)?;
                    let mut person = self.person(*from, end)?;
                    person.name = self.text_of(start, end).to_string();
                    Some(person)
                };
                self.person(start, end).or_else(uncut).or_else(|| {
                    authors.contains(&(start, end)).then(|| Person {
                        name: self.text_of(start, end).to_string(),
                        role: None,
                        organization: None,
                        quote: Some(self.sentence.text.to_string()),
                    })
                })
            })
            .collect()
    }

    /// The sentence's text of tokens `start..end`.
    fn text_of(&self, start: usize, end: usize) -> &str {
        &self.sentence.text[self.tokens[start].start..self.tokens[end - 1].end]
    }

    /// "a paper by Ann Lee, Ben Cho and Paul V. Braun", "Ann Lee and Ben
    /// Cho published …": two full names or more joined by commas and
    /// "and", after "by" and a research noun or before a verb of research
    /// work, are the work's authors.
    fn authors(&self, runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
        static WORKS: Words = word_list!("extract/authored-works.txt");
        static VERBS: Words = word_list!("extract/author-verbs.txt");
        static ADVERBS: Words = word_list!("extract/first-person-adverbs.txt");
        let word = |k: usize| self.tokens.get(k).map_or("", |t| t.text);
        let lower = |k: usize| word(k).to_lowercase();
        let mut out = Vec::new();
        let mut first = 0;
        while first < runs.len() {
            let last = self.list_end(runs, first);
            let group = &runs[first..=last];
            let full_names = group.iter().all(|&(s, e)| (2..=4).contains(&(e - s)));
            let (start, end) = (group[0].0, group[group.len() - 1].1);
            let after_work = start >= 2
                && lower(start - 1) == "by"
                && WORKS.contains(&lower(start - 2).as_str());
            // Past an auxiliary and an adverb: "have recently developed".
            let verb = (end..end + 3)
                .find(|&k| {
                    !matches!(lower(k).as_str(), "have" | "has" | "had")
                        && !ADVERBS.contains(&lower(k).as_str())
                        && !lower(k).ends_with("ly")
                })
                .map(lower);
            let before_verb = verb.is_some_and(|v| VERBS.contains(&v.as_str()));
            if group.len() >= 2 && full_names && (after_work || before_verb) {
                out.extend_from_slice(group);
            }
            first = last + 1;
        }
        out
    }

    /// End of a run of 1–3 name tokens starting at `i` (== i when none),
    /// which may open with initials ("J.B. Straubel", "K. Amine").
    fn name_end(&self, i: usize) -> usize {
        let first = match self.initials_at(i) {
            Some((len, _)) if self.tokens.get(i + len).is_some() && self.is_name_at(i + len) => {
                i + len
            }
            _ => i,
        };
        let mut end = first;
        // Tokens that are no word of their own: a nickname's quotes and
        // word, a middle initial's stop.
        let mut extra = 0;
        while end < self.tokens.len() {
            if self.generation_at(end, end - first) > 0 {
                break;
            }
            if self.is_name_at(end) {
                end += 1;
            } else if end > first && self.nickname_at(end) {
                end += 3;
                extra += 3;
            } else if let Some(particles) = self
                .surname_particles_at(end)
                .filter(|_| end > first && self.personal(first, end))
            {
                // "Lucio de Marchi": particles inside a name, never opening
                // one, in a run that reads as a person's name ("Minera del
                // Sur" is a company's), are no word of their own.
                end += particles;
                extra += particles;
            } else if end > first && self.middle_initial_at(end) {
                // "Paul V. Braun": the initial and its stop are one word.
                end += 2;
                extra += 1;
            } else {
                break;
            }
        }
        // Initials stand for one word of the name.
        if end - first - extra + usize::from(first > i) > 3 {
            return i;
        }
        end + self.generation_at(end, end - first)
    }

    /// "Quentin Messer Jr.", "Henry Ford III": a generation after a name
    /// of two words or more belongs to it. The tokens it takes.
    fn generation_at(&self, at: usize, words: usize) -> usize {
        let text = |k: usize| self.tokens.get(k).map_or("", |t| t.text);
        let glued = |k: usize| {
            self.tokens
                .get(k)
                .zip(self.tokens.get(k + 1))
                .is_some_and(|(a, b)| a.end == b.start)
        };
        if words < 2 {
            0
        } else if matches!(text(at), "Jr" | "Sr") && text(at + 1) == "." && glued(at) {
            2
        } else if crate::ingest::text::vocab::ROMAN_NUMBERS.contains(&text(at)) {
            1
        } else {
            0
        }
    }

    /// 'Joko “Jokowi” Widodo', "Zhengcheng 'John' Zhang": a nickname in
    /// quotes inside a name, before its last word.
    fn nickname_at(&self, i: usize) -> bool {
        let text = |k: usize| self.tokens.get(k).map_or("", |t| t.text);
        matches!(text(i), "\u{201c}" | "\"" | "'" | "\u{2018}")
            && is_name_token(text(i + 1))
            && matches!(text(i + 2), "\u{201d}" | "\"" | "'" | "\u{2019}")
            && i + 3 < self.tokens.len()
            && self.is_name_at(i + 3)
    }

    /// "de", "von der" between two name words: the particles' tokens.
    fn surname_particles_at(&self, i: usize) -> Option<usize> {
        static PARTICLES: Words = word_list!("extract/surname-particles.txt");
        let count = self.tokens[i..]
            .iter()
            .take(2)
            .take_while(|t| PARTICLES.contains(&t.text))
            .count();
        (count > 0 && i + count < self.tokens.len() && self.is_name_at(i + count)).then_some(count)
    }

    /// "V." between two name words: a middle initial.
    fn middle_initial_at(&self, i: usize) -> bool {
        let text = |k: usize| self.tokens.get(k).map_or("", |t| t.text);
        text(i).len() == 1
            && text(i).chars().all(|c| c.is_ascii_uppercase())
            && text(i + 1) == "."
            && i + 2 < self.tokens.len()
            && self.is_name_at(i + 2)
    }

    /// Initials at token `i` that no registry entry claims ("SK", "LG").
    fn initials_at(&self, i: usize) -> Option<(usize, bool)> {
        let t = &self.tokens[i];
        // "S." inside "U.S." is no initial of its own.
        let inside = i >= 2 && self.tokens[i - 1].text == "." && self.tokens[i - 2].text.len() == 1;
        let claimed = inside
            || self.capital_surname_at(i)
            || self.hit_at(&self.sentence.organizations, t).is_some()
            || self.hit_at(&self.sentence.places, t).is_some();
        initials(&self.tokens[i..]).filter(|_| !claimed)
    }

    /// "Lee Kang-myung": a family name Korean names take, then a given
    /// name of two syllables joined by a hyphen, the second in lowercase.
    fn romanized_korean_name_at(&self, i: usize) -> bool {
        let given = self.tokens.get(i + 1).map_or("", |t| t.text);
        is_capital_surname(&self.tokens[i].text.to_uppercase())
            && given.split_once('-').is_some_and(|(first, second)| {
                first.starts_with(|c: char| c.is_ascii_uppercase())
                    && !second.is_empty()
                    && second.chars().all(|c| c.is_ascii_lowercase())
            })
    }

    fn is_name_at(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let org = self.hit_at(&self.sentence.organizations, t);
        (is_name_token(t.text) || self.surname_opener_at(i) || self.capital_surname_at(i))
            && (org.is_none() || self.surname_named_as_a_body(i))
            && self.hit_at(&self.sentence.places, t).is_none()
    }

    /// "Premier Doug Ford": a one-word registry name right after a listed
    /// given name, and no capitalized word after it ("Ford Motor"), is
    /// the family name it shares with the body.
    fn surname_named_as_a_body(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let whole = self
            .sentence
            .organizations
            .iter()
            .any(|h| h.start == t.start && h.end == t.end);
        whole
            && i > 0
            && is_given_name(self.tokens[i - 1].text)
            && self.tokens.get(i + 1).is_none_or(|n| !n.is_capitalized())
    }

    /// "Professor KANG Kisuk", "Dr. Nam Kyun KIM": a family name in
    /// capitals right before or after a name word.
    fn capital_surname_at(&self, i: usize) -> bool {
        let name_word = |k: usize| self.tokens.get(k).is_some_and(|t| is_name_token(t.text));
        is_capital_surname(self.tokens[i].text) && (name_word(i + 1) || i > 0 && name_word(i - 1))
    }

    /// "said He Long, vice president …": a word that also opens sentences
    /// is a surname mid-sentence, before another name word, and not
    /// after a quote or a colon (where a new sentence may start).
    fn surname_opener_at(&self, i: usize) -> bool {
        static SURNAMES: Words = word_list!("extract/surname-openers.txt");
        let opens = |t: &Token<'_>| {
            matches!(
                t.text,
                "\"" | "\u{201c}" | "\u{201d}" | ":" | "(" | "'" | "\u{2018}"
            )
        };
        i > 0
            && SURNAMES.contains(&self.tokens[i].text)
            && !opens(&self.tokens[i - 1])
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| is_name_token(t.text))
    }

    fn hit_at(&self, hits: &[Hit], token: &Token<'_>) -> Option<Hit> {
        hits.iter()
            .copied()
            .find(|h| h.start <= token.start && token.end <= h.end)
    }

    /// The person named by tokens `start..end`, if a pattern says so.
    fn person(&self, start: usize, end: usize) -> Option<Person> {
        let name = without_nickname(self.text_of(start, end));
        if start > 0 && self.tokens[start - 1].is("by") && start == 1 {
            return None; // a byline
        }
        let before = self
            .title_before(self.past_short_form_before(start))
            .or_else(|| self.shared_title(start))
            .or_else(|| self.speaker_named_after_role(start));
        // "Lee (third from left), chair of X": a place in a photo first.
        let end_of_name = end;
        let end = self.past_age(self.past_position_note(end));
        let after = self
            .appositive(end)
            .or_else(|| self.speaker_appositive(end))
            .or_else(|| self.appointed_as(start, end))
            .or_else(|| {
                self.appointed_after(end)
                    .filter(|_| self.personal(start, end_of_name))
            })
            .or_else(|| {
                self.role_stated_after(end)
                    .filter(|_| self.personal(start, end_of_name))
            });
        let spoken = self
            .tokens
            .get(end)
            .is_some_and(|t| SPEECH.iter().any(|s| t.is(s)));
        // "ORNL's Nancy Dudney (center)": only people stand in a photo.
        let placed = self.past_position_note(end_of_name) > end_of_name;
        let end = end_of_name;
        let spoken = spoken
            || placed
            || self.inverted_speech(start)
            || self.succeeds(start)
            || self.leads_a_team(start) && self.personal(start, end)
            || self.reporter_of_an_outlet(start, end)
            || self.named_by_copula(start);
        if before.is_none() && after.is_none() && !(spoken && end - start >= 2) {
            // "… Trade, Industry and Energy Kim Jung-kwan": the run's first
            // word closes the title's portfolio, not the name.
            let joined = start > 0 && matches!(self.tokens[start - 1].text, "and" | "&" | ",");
            return (joined && end - start >= 3)
                .then(|| self.person(start + 1, end))
                .flatten();
        }
        // Bare capitals ("JB") are as often an acronym ("LG Display said"):
        // only a title right before makes them initials.
        if self.initials_at(start).is_some_and(|(_, dotted)| !dotted) && before.is_none() {
            return None;
        }
        let (title_role, title_org) = before.unwrap_or((None, None));
        let (app_role, app_org) = after.unwrap_or((None, None));
        let organization = title_org
            .or(app_org)
            .or_else(|| self.owner_before(start))
            .or_else(|| self.organization_following(end));
        Some(Person {
            name: name.to_string(),
            role: app_role.or(title_role),
            organization,
            quote: Some(self.sentence.text.to_string()),
        })
    }

    /// "the Minister of Industry (Menperin) Agus …": a title's short form
    /// in brackets between the title and the name. Where the title ends.
    fn past_short_form_before(&self, start: usize) -> usize {
        let token = |k: usize| &self.tokens[k];
        let short_form = start >= 4
            && token(start - 1).text == ")"
            && token(start - 3).text == "("
            && token(start - 2).is_capitalized()
            && token(start - 2).is_word();
        if short_form {
            start - 3
        } else {
            start
        }
    }

    /// A run that reads as a person's name by itself: a listed given name
    /// first ("Jane Roe"), an East Asian family name of the capitals list
    /// in any case ("Danies Lee"; "Green Park" passes too), a
    /// romanized given name with its hyphen ("Kim Ha-na") or initials
    /// ("J.B. Straubel"). "Nordic Volt" and "Lake Ridge" are appointed
    /// and are heads too, as companies.
    fn personal(&self, start: usize, end: usize) -> bool {
        let run = &self.tokens[start..end];
        is_given_name(run[0].text)
            || run
                .iter()
                .any(|t| t.text.contains('-') || is_capital_surname(&t.text.to_uppercase()))
            || self.initials_at(start).is_some_and(|(_, dotted)| dotted)
    }

    /// "Acme Cells named Han Ji-ho, a veteran engineer, as its first chief
    /// operating officer": a verb of appointment right before the name and
    /// "as" with a role within a few words after it. Gives the role.
    fn appointed_as(&self, start: usize, end: usize) -> Option<(Option<String>, Option<String>)> {
        let verb = self.tokens.get(start.checked_sub(1)?)?;
        if !APPOINT.iter().any(|v| verb.is(v)) {
            return None;
        }
        let as_at = (end..(end + 7).min(self.tokens.len())).find(|&k| self.tokens[k].is("as"))?;
        Some((Some(self.role_from(as_at + 1)?), None))
    }

    /// "Jane Roe has been appointed chief executive", "Kim Ha-na was also
    /// named president": the name is the subject of a passive verb of
    /// appointment, a role within a few words after it. Gives the role.
    fn appointed_after(&self, end: usize) -> Option<(Option<String>, Option<String>)> {
        static PASSIVE: Words = word_list!("extract/passive-auxiliaries.txt");
        let mut k = end;
        let mut passive = false;
        while let Some(t) = self.tokens.get(k).filter(|_| k < end + 4) {
            let lower = t.text.to_ascii_lowercase();
            if PASSIVE.contains(&lower.as_str()) {
                passive |= matches!(lower.as_str(), "been" | "was" | "were" | "is" | "be");
                k += 1;
            } else {
                break;
            }
        }
        let verb = self.tokens.get(k)?;
        if !passive || !APPOINT.iter().any(|v| verb.is(v)) {
            return None;
        }
        let from = k + 1 + usize::from(self.tokens.get(k + 1).is_some_and(|t| t.is("as")));
        Some((Some(self.role_from(from)?), None))
    }

    /// "Rick Vale is COO of the joint venture", "Jane Roe was the chief
    /// executive": the name, "is" or "was", and a role word first after
    /// it. Words that also describe a company ("Silver Lake is an
    /// investor") or rank it ("is the first") state no role.
    fn role_stated_after(&self, end: usize) -> Option<(Option<String>, Option<String>)> {
        static NOT_AFTER_IS: Words = word_list!("extract/roles-not-stated-with-is.txt");
        let copula = self.tokens.get(end)?;
        if !is_copula(copula) {
            return None;
        }
        let role = self.role_from(end + 1)?;
        let first = role.split(' ').next()?;
        let last = role.rsplit(' ').next()?;
        let stated = is_role_word(first)
            && !NOT_AFTER_IS.contains(&first.to_ascii_lowercase().as_str())
            && !NOT_AFTER_IS.contains(&last.to_ascii_lowercase().as_str());
        stated.then_some((Some(role), None))
    }

    /// The role opening at token `at`: up to five words past a determiner,
    /// ending with the last role word among them ("the chief executive").
    fn role_from(&self, at: usize) -> Option<String> {
        let role: Vec<&str> = self
            .tokens
            .get(at..)?
            .iter()
            .map(|t| t.text)
            .skip_while(|w| {
                let lower = w.to_ascii_lowercase();
                crate::ingest::text::vocab::DETERMINERS.contains(&lower.as_str())
            })
            .take_while(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
            .take(5)
            .collect();
        let last_role = role.iter().rposition(|w| is_role_word(w))?;
        Some(role[..=last_role].join(" "))
    }

    /// "replaced by Kim Ha-na", "to succeed Jane Roe": a verb of
    /// succession right before the name makes it a person's.
    fn succeeds(&self, start: usize) -> bool {
        static SUCCESSION: Words = word_list!("extract/succession-verbs.txt");
        let back = |n: usize| start.checked_sub(n).and_then(|k| self.tokens.get(k));
        let verb = match back(1) {
            Some(by) if by.is("by") => back(2),
            other => other,
        };
        // A person's name, not a product's: a romanized given name joined
        // by a hyphen ("Lee Do-yun"), or a clause about the person after
        // it ("…, who …").
        let end = self.name_end(start);
        let hyphenated = self.tokens[start..end.max(start)]
            .iter()
            .any(|t| t.text.contains('-'));
        let who = self.tokens.get(end).is_some_and(|t| t.text == ",")
            && self.tokens.get(end + 1).is_some_and(|t| t.is("who"));
        verb.is_some_and(|t| SUCCESSION.iter().any(|v| t.is(v))) && (hyphenated || who)
    }

    /// "the KIST team led by Sang-Ok Kim", "a carmaker led by Elon Musk":
    /// a group led or headed by the name, or anything founded by it. A
    /// funding round is led by investors, so the noun before the verb must
    /// be a group of people, or a company led or founded by a name that
    /// begins with a listed given name; a consortium or a study is led by
    /// firms as often, so the caller asks for a person's name.
    fn leads_a_team(&self, start: usize) -> bool {
        static GROUPS: Words = word_list!("extract/led-groups.txt");
        static LEADING: Words = word_list!("extract/leading-verbs.txt");
        static FOUNDING: Words = word_list!("extract/founding-verbs.txt");
        let back = |n: usize| start.checked_sub(n).and_then(|k| self.tokens.get(k));
        use crate::ingest::text::vocab::ORGANIZATION_DESCRIPTORS;
        let noun = back(3)
            .map(|t| t.text.to_ascii_lowercase())
            .unwrap_or_default();
        let group = GROUPS.contains(&noun.as_str());
        // A company founded by someone, or led by someone ("the EV giant
        // led by …"); a joint venture is led by firms as often.
        let founded = back(2).is_some_and(|t| FOUNDING.iter().any(|v| t.is(v)));
        let company = ORGANIZATION_DESCRIPTORS.contains(&noun.as_str());
        back(1).is_some_and(|t| t.is("by"))
            && back(2).is_some_and(|t| LEADING.iter().any(|v| t.is(v)) || founded)
            && (group || (founded || company) && is_given_name(self.tokens[start].text))
    }

    /// "The Kestrel Journal’s Dana Whitlock reports": an outlet's
    /// possessive, a person's name and a verb of a journalist's work.
    fn reporter_of_an_outlet(&self, start: usize, end: usize) -> bool {
        static VERBS: Words = word_list!("extract/journalist-verbs.txt");
        end - start >= 2
            && self.owner_before(start).is_some()
            && self.personal(start, end)
            && self
                .tokens
                .get(end)
                .is_some_and(|t| VERBS.iter().any(|v| t.is(v)))
    }

    /// The last of the runs joined to run `first` by commas and "and"
    /// ("Ann Lee, Ben Cho, and Dan Roe").
    fn list_end(&self, runs: &[(usize, usize)], first: usize) -> usize {
        let word = |k: usize| self.tokens.get(k).map_or("", |t| t.text);
        let mut last = first;
        while last + 1 < runs.len() {
            let between: Vec<&str> = (runs[last].1..runs[last + 1].0).map(word).collect();
            if matches!(between[..], [","] | ["and"] | [",", "and"]) {
                last += 1;
            } else {
                break;
            }
        }
        last
    }

    /// "From left, Jane Roe, Dana Whitlock and Akio Tanabe": names of two
    /// words or more, joined by commas and "and", right after the cue of
    /// a photo's line-up, are the people pictured.
    fn pictured(&self, runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
        static CUES: Words = word_list!("extract/lineup-cues.txt");
        let word = |k: usize| self.tokens.get(k).map_or("", |t| t.text);
        let mut out = Vec::new();
        for (n, &(start, _)) in runs.iter().enumerate() {
            // The cue, then a comma or a colon, right before the run.
            let mut k = start;
            if k > 0 && matches!(word(k - 1), "," | ":") {
                k -= 1;
            }
            let cued = CUES.iter().any(|cue| {
                let words: Vec<&str> = cue.split(' ').collect();
                k >= words.len()
                    && words
                        .iter()
                        .zip(&self.tokens[k - words.len()..k])
                        .all(|(w, t)| t.is(w))
            });
            if !cued {
                continue;
            }
            let last = self.list_end(runs, n);
            out.extend(runs[n..=last].iter().filter(|&&(s, e)| e - s >= 2));
        }
        out
    }

    /// "The new CEO of Acme Norway is Jane Roe": a role, then "is" or
    /// "was" right before the name.
    fn named_by_copula(&self, start: usize) -> bool {
        const ROLE_WITHIN: usize = 6;
        let Some(copula) = start.checked_sub(1).map(|k| &self.tokens[k]) else {
            return false;
        };
        if !is_copula(copula) {
            return false;
        }
        // The role heads the subject: nothing but "of" and a capitalized
        // name between it and the verb ("The president said the goal is
        // …" and "The manager's hometown is …" name no person).
        let window = start.saturating_sub(1 + ROLE_WITHIN)..start - 1;
        let Some(role) = window.rev().find(|&k| is_role_word(self.tokens[k].text)) else {
            return false;
        };
        let between = &self.tokens[role + 1..start - 1];
        between.is_empty() || between[0].is("of") && between[1..].iter().all(|t| t.is_capitalized())
    }

    /// '"…," said Park Sung-jin': a speech verb before the name, itself
    /// right after a quote or a comma, so the name is the verb's subject.
    fn inverted_speech(&self, start: usize) -> bool {
        start >= 2
            && SPEECH.iter().any(|s| self.tokens[start - 1].is(s))
            && matches!(
                self.tokens[start - 2].text,
                "," | "\"" | "\u{201d}" | "'" | "\u{2019}"
            )
    }

    /// A title right before the name, and an organization before the title
    /// ("KRICT President", "Trade, Industry and Energy Minister").
    fn title_before(&self, start: usize) -> Option<(Option<String>, Option<String>)> {
        let mut first = start;
        while first > 0 {
            let t = &self.tokens[first - 1];
            if is_role_word(t.text)
                || (t.text == "." && first >= 2 && is_honorific(&self.tokens[first - 2]))
            {
                first -= 1;
            } else {
                break;
            }
        }
        if first == start {
            return self
                .role_of_portfolio(start)
                .or_else(|| self.role_set_off_before(start));
        }
        let words: Vec<&str> = self.tokens[first..start]
            .iter()
            .filter(|t| t.text != "." && !is_honorific(t))
            .map(|t| t.text)
            .collect();
        let role = (!words.is_empty()).then(|| words.join(" "));
        Some((role, self.organization_before(first)))
    }

    /// "Congressmen Gang Gil-bu and Lee Chae-ik": a plural title before
    /// two names joined by "and" is the second's too.
    /// "Graduate students Ann Lee, Ben Cho, and Dan Roe": a list, too.
    fn shared_title(&self, start: usize) -> Option<(Option<String>, Option<String>)> {
        // A name the list goes on after ("Ben Cho, and …") is no last name.
        let goes_on = self
            .tokens
            .get(self.name_end(start))
            .is_some_and(|t| t.text == "," || t.is("and"));
        let mut first = start;
        while let Some(joint) = self.joint_before(first, first == start && !goes_on) {
            let mut name = joint;
            while name > 0 && self.is_name_at(name - 1) {
                name -= 1;
            }
            if name == joint {
                break;
            }
            first = name;
        }
        if first == start {
            return None;
        }
        // "Profs. Holt and Lind": an honorific's full stop.
        let mut at = first.checked_sub(1)?;
        if self.tokens[at].text == "." && at > 0 && is_honorific(&self.tokens[at - 1]) {
            at -= 1;
        }
        let title = self.tokens[at].text;
        let plural =
            (title.ends_with('s') && !matches!(title, "Ms" | "Mrs")) || title.ends_with("men");
        (plural && (is_role_word(title) || is_honorific(&self.tokens[at])))
            .then(|| self.title_before(first))
            .flatten()
    }

    /// Where the words joining the name at token `at` to the name before
    /// it start: "and", ", and", or (before a list's last name only) a
    /// comma.
    fn joint_before(&self, at: usize, last: bool) -> Option<usize> {
        let k = at.checked_sub(1)?;
        if self.tokens[k].is("and") {
            let comma = k > 0 && self.tokens[k - 1].text == ",";
            return Some(if comma { k - 1 } else { k });
        }
        (!last && self.tokens[k].text == ",").then_some(k)
    }

    /// "Acme's chief executive, Kim Min-su, said": role words, a comma and
    /// the name, itself closed by a comma; the organization owns the role.
    fn role_set_off_before(&self, start: usize) -> Option<(Option<String>, Option<String>)> {
        let comma = start.checked_sub(1)?;
        if self.tokens[comma].text != "," {
            return None;
        }
        // "The head of government, Jane Roe,", "Acme's general manager of
        // residential storage, Jane Roe,": a role word and up to three
        // lowercase words it heads ("of the storage unit" may name a place).
        const HEADED_WORDS: usize = 3;
        let headed = (1..=HEADED_WORDS).find_map(|words| {
            let k = comma.checked_sub(words + 2)?;
            let field = &self.tokens[k + 2..comma];
            let plain = field.iter().all(|t| {
                !t.is("the") && !t.text.is_empty() && t.text.chars().all(|c| c.is_ascii_lowercase())
            });
            (is_role_word(self.tokens[k].text) && self.tokens[k + 1].is("of") && plain).then_some(k)
        });
        let mut first = headed.unwrap_or(comma);
        while first > 0 && is_role_word(self.tokens[first - 1].text) {
            first -= 1;
        }
        let closed = self
            .tokens
            .get(self.name_end(start))
            .is_some_and(|t| t.text == ",");
        if first == comma || !closed {
            return None;
        }
        let role = &self.sentence.text[self.tokens[first].start..self.tokens[comma - 1].end];
        let organization = self
            .owner_before(first)
            .or_else(|| self.organization_before(first));
        Some((Some(role.to_string()), organization))
    }

    /// "…,” said the head of Acme’s storage business, Peter Gibson.", "…,
    /// said Acme CEO, Jane Roe.": a verb of speech, "the" or none and a
    /// role, then the name set off by a comma and closing the sentence.
    /// Gives the role and the organization named in it.
    fn speaker_named_after_role(&self, start: usize) -> Option<(Option<String>, Option<String>)> {
        const ROLE_WITHIN: usize = 12;
        let comma = start.checked_sub(1)?;
        if self.tokens[comma].text != "," {
            return None;
        }
        let closes = self
            .tokens
            .get(self.name_end(start))
            .is_none_or(|t| matches!(t.text, "." | "!" | "?"));
        let speech = |k: usize| SPEECH.iter().any(|s| self.tokens[k].is(s));
        let verb = (comma.saturating_sub(ROLE_WITHIN)..comma).find(|&k| speech(k))?;
        let the = self.tokens[verb + 1].is("the");
        let role_words = &self.tokens[(verb + 1 + usize::from(the)).min(comma)..comma];
        let has_role = role_words.iter().any(|t| is_role_word(t.text));
        // Without "the" the role is a title and its body's name ("Acme
        // CEO", "Acme’s co-founder and CEO"), not a clause ("on Monday
        // that the head of …").
        let possessive = |k: usize| {
            role_words[k].text == "s"
                && k > 0
                && matches!(role_words[k - 1].text, "'" | "\u{2019}")
                && role_words[k - 1].end == role_words[k].start
        };
        let joins_roles = |k: usize| {
            role_words[k].is("and")
                && k > 0
                && is_role_word(role_words[k - 1].text)
                && role_words.get(k + 1).is_some_and(|t| is_role_word(t.text))
        };
        let titled = |k: usize| {
            let t = &role_words[k];
            t.is_capitalized()
                || is_role_word(t.text)
                || t.is("of")
                || possessive(k)
                || k + 1 < role_words.len() && possessive(k + 1)
                || joins_roles(k)
        };
        let plain = role_words.iter().all(|t| t.text != "," && t.text != "\"")
            && (the || (0..role_words.len()).all(titled));
        if !(closes && has_role && plain) {
            return None;
        }
        // "Acme’s co-founder and CEO": the owner is the organization, the
        // words after its possessive the role.
        let role_from = (0..role_words.len())
            .find(|&k| possessive(k))
            .map_or(0, |k| k + 1)
            .min(role_words.len() - 1);
        let role = &self.sentence.text[role_words[role_from].start..self.tokens[comma - 1].end];
        let organization = role_words
            .iter()
            .find_map(|t| self.hit_at(&self.sentence.organizations, t))
            .map(|hit| self.gazetteer.organizations()[hit.entity].slug.clone());
        Some((Some(role.to_string()), organization))
    }

    /// "Minister of Trade, Industry and Energy Kim …": a title, "of" (or
    /// "for": "Minister for Resources and Water …"), and
    /// a portfolio of capitalized words right before the name.
    /// The portfolio may be a place, "the" and its kind in lowercase
    /// around it: "President of the Hauts-de-France region …".
    fn role_of_portfolio(&self, start: usize) -> Option<(Option<String>, Option<String>)> {
        let mut k = start;
        while k > 0 && start - k < 8 {
            let t = &self.tokens[k - 1];
            let after_of = k >= 2 && is_portfolio_of(&self.tokens[k - 2]);
            // "Head of Cell Research Laboratory Kim": a role word may
            // stand inside the portfolio, not right before the name.
            if (t.is_capitalized() && (k < start || !is_role_word(t.text)))
                || matches!(t.text, "," | "and" | "&")
                || (k == start && PLACE_WORDS.contains(&t.text))
                || (after_of && t.is("the"))
            {
                k -= 1;
            } else {
                break;
            }
        }
        let opens = |t: &Token<'_>| t.is_capitalized() || t.is("the");
        if k == start || k < 2 || !is_portfolio_of(&self.tokens[k - 1]) || !opens(&self.tokens[k]) {
            return None;
        }
        let mut role_start = k - 1;
        while role_start > 0 && is_role_word(self.tokens[role_start - 1].text) {
            role_start -= 1;
        }
        if role_start == k - 1 {
            return None;
        }
        let text = self.sentence.text;
        let role = &text[self.tokens[role_start].start..self.tokens[start - 1].end];
        let portfolio = &text[self.tokens[k].start..self.tokens[start - 1].end];
        let organization = self
            .sentence
            .organizations
            .iter()
            .find(|h| h.start >= self.tokens[k].start && h.end <= self.tokens[start - 1].end)
            .map(|h| self.gazetteer.organizations()[h.entity].slug.clone())
            .or_else(|| {
                self.gazetteer
                    .organization_named(&format!("Ministry of {portfolio}"))
                    .map(|o| o.slug.clone())
            });
        Some((Some(role.to_string()), organization))
    }

    /// The organization named just before token `at`: a registry hit, a
    /// place whose government is registered, or a ministry's portfolio.
    fn organization_before(&self, at: usize) -> Option<String> {
        let edge = if at > 0 && self.tokens[at - 1].text == "," {
            at - 1
        } else {
            at
        };
        let pos = self.tokens.get(edge.checked_sub(1)?)?.end;
        let slug = |index: usize| self.gazetteer.organizations()[index].slug.clone();
        if let Some(hit) = self.sentence.organizations.iter().find(|h| h.end == pos) {
            return Some(slug(hit.entity));
        }
        if let Some(hit) = self.sentence.places.iter().find(|h| h.end == pos) {
            let place = &self.sentence.text[hit.start..hit.end];
            return [
                place.to_string(),
                format!("{place} City"),
                format!("{place} Province"),
            ]
            .iter()
            .find_map(|n| self.gazetteer.organization_named(n))
            .map(|o| o.slug.clone());
        }
        let mut first = at;
        while first > 0 {
            let t = &self.tokens[first - 1];
            if t.is_capitalized() || matches!(t.text, "," | "and" | "&") {
                first -= 1;
            } else {
                break;
            }
        }
        if first >= at {
            return None;
        }
        let portfolio = &self.sentence.text[self.tokens[first].start..self.tokens[at - 1].end];
        self.gazetteer
            .organization_named(&format!("Ministry of {portfolio}"))
            .map(|o| o.slug.clone())
    }

    /// "LG Energy Solution's Kim Min-su": the organization whose possessive
    /// stands right before the name.
    fn owner_before(&self, start: usize) -> Option<String> {
        let s = self.tokens.get(start.checked_sub(1)?)?;
        let apostrophe = self.tokens.get(start.checked_sub(2)?)?;
        if !(s.text == "s" && matches!(apostrophe.text, "'" | "\u{2019}")) {
            return None;
        }
        let hit = self
            .sentence
            .organizations
            .iter()
            .find(|h| h.end == apostrophe.start)?;
        Some(self.gazetteer.organizations()[hit.entity].slug.clone())
    }

    /// "Kim Min-su, 45, chief executive of …": past the age between
    /// commas, to the comma that opens the appositive.
    fn past_age(&self, end: usize) -> usize {
        let age = self.tokens.get(end).is_some_and(|t| t.text == ",")
            && self.tokens.get(end + 1).is_some_and(|t| is_age(t.text))
            && self.tokens.get(end + 2).is_some_and(|t| t.text == ",");
        if age {
            end + 2
        } else {
            end
        }
    }

    /// Past a photo position note right after a name: "(third from
    /// left)", "(right)", "(center)".
    fn past_position_note(&self, end: usize) -> usize {
        if self.tokens.get(end).is_none_or(|t| t.text != "(") {
            return end;
        }
        let close = (end + 1..self.tokens.len().min(end + 6)).find(|&k| self.tokens[k].text == ")");
        match close {
            Some(close)
                if self.tokens[end + 1..close]
                    .iter()
                    .any(|t| PHOTO_POSITIONS.iter().any(|p| t.is(p))) =>
            {
                close + 1
            }
            _ => end,
        }
    }

    /// "Kwon Hyeok-jin, the paper's lead author who is a doctoral student
    /// at KAIST, said …": an appositive closed by a comma and a speech verb
    /// marks a speaker even when its title comes late.
    fn speaker_appositive(&self, end: usize) -> Option<(Option<String>, Option<String>)> {
        if self.tokens.get(end).is_none_or(|t| t.text != ",") {
            return None;
        }
        let close = (end + 1..self.tokens.len().min(end + 25))
            .find(|&k| matches!(self.tokens[k].text, "," | "(" | ")" | ";"))?;
        let speaks = self.tokens[close].text == ","
            && self
                .tokens
                .get(close + 1)
                .is_some_and(|t| SPEECH.iter().any(|s| t.is(s)));
        let described = self.tokens[end + 1..close]
            .iter()
            .any(|t| is_role_word(t.text))
            || ["the", "a", "an"]
                .iter()
                .any(|d| self.tokens[end + 1].is(d));
        // "Jane Roe, who heads the battery unit at Acme, said": a clause
        // about a person, with no title to take.
        let clause = self.tokens[end + 1].is("who");
        if !(speaks && (described || clause)) {
            return None;
        }
        let text = &self.sentence.text[self.tokens[end + 1].start..self.tokens[close - 1].end];
        let hit =
            self.sentence.organizations.iter().find(|h| {
                h.start >= self.tokens[end + 1].start && h.end <= self.tokens[close - 1].end
            });
        let organization = hit.map(|h| self.gazetteer.organizations()[h.entity].slug.clone());
        let role = (!clause).then(|| trim_role(text));
        Some((role, organization))
    }

    /// ", President of KISTEP", " (Director General …, KISTEP)" or, in a
    /// caption or a quote's credit, " – Minister for …": the role text and
    /// the first organization inside the appositive.
    fn appositive(&self, end: usize) -> Option<(Option<String>, Option<String>)> {
        let opener = self.tokens.get(end)?;
        if !matches!(opener.text, "," | "(" | "–" | "—") {
            return None;
        }
        // A dash sets a role off as a comma does.
        let comma_like = opener.text != "(";
        let first = self.tokens.get(end + 1)?;
        // A comma before a lowercase word closes the appositive ("…, the
        // Secretary of Energy, announced"); one inside a portfolio is
        // followed by a capital ("Trade, Industry and Energy").
        let closes = |k: usize| {
            self.tokens[k].text == ","
                && self
                    .tokens
                    .get(k + 1)
                    .is_some_and(|next| next.is_word() && !next.is_capitalized() && !next.is("and"))
        };
        let stop = (end + 1..self.tokens.len())
            .take(20)
            .find(|&k| {
                let t = &self.tokens[k];
                matches!(t.text, ")" | ";")
                    || (comma_like && (SPEECH.iter().any(|s| t.is(s)) || closes(k)))
            })
            .map_or(self.sentence.text.len(), |k| self.tokens[k].start);
        // Four words, not tokens: "U.S. Secretary" is five tokens.
        let has_role = self.tokens[end + 1..]
            .iter()
            .take_while(|t| t.start < stop)
            .filter(|t| t.is_word())
            .take(4)
            .any(|t| is_role_word(t.text));
        // "…, polymer and process chemistry professor at KAIST": a
        // long field before the title, which stands right before "at".
        let words: Vec<&Token<'_>> = self.tokens[end + 1..]
            .iter()
            .take_while(|t| t.start < stop)
            .filter(|t| t.is_word())
            .take(12)
            .collect();
        let titled_before_at = words
            .windows(2)
            .find(|pair| pair[1].is("at") || pair[1].is("of"))
            .is_some_and(|pair| is_role_word(pair[0].text));
        if !(has_role || titled_before_at) || self.titles_another(end + 1, stop) {
            return None;
        }
        let hit = self
            .sentence
            .organizations
            .iter()
            .find(|h| h.start >= first.start && h.start < stop);
        let role_end = hit.map_or(stop, |h| h.start);
        let mut role = &self.sentence.text[first.start..role_end];
        if role_end == self.sentence.text.len() {
            // The sentence's full stop ('…, a company spokesman.').
            role = role.strip_suffix('.').unwrap_or(role);
        }
        let role = trim_role(role);
        let organization = hit.map(|h| self.gazetteer.organizations()[h.entity].slug.clone());
        Some(((!role.is_empty()).then_some(role), organization))
    }

    /// Whether the text from token `from` to byte `stop` holds another
    /// person's name right after a title ("…, Minister of Energy Transition
    /// Agnès Pannier-Runacher, …"): a list of people, no appositive. A name
    /// after "of" or "at" is an organization's ("CEO of Sila Nano").
    fn titles_another(&self, from: usize, stop: usize) -> bool {
        (from + 1..self.tokens.len())
            .take_while(|&k| self.tokens[k].start < stop)
            .any(|k| {
                let before = &self.tokens[k - 1];
                let titled = before.is_capitalized()
                    || is_role_word(before.text)
                    || PLACE_WORDS.contains(&before.text);
                titled && !self.is_name_at(k - 1) && self.name_end(k) >= k + 2
            })
    }

    /// "… of the University of X" / "… at X" right after the name, also
    /// past a sub-unit or a team: "… of the Department of Chemistry at X",
    /// "…'s team at X".
    fn organization_following(&self, end: usize) -> Option<String> {
        static LINKERS: Words = word_list!("extract/person-organization-linkers.txt");
        static BETWEEN: Words = word_list!("extract/person-organization-between.txt");
        let mut at = end;
        while at < self.tokens.len() && at < end + 10 {
            let token = &self.tokens[at];
            if LINKERS.iter().any(|l| token.is(l)) {
                let mut next = at + 1;
                if self.tokens.get(next).is_some_and(|t| t.is("the")) {
                    next += 1;
                }
                let start = self.tokens.get(next)?.start;
                let hit = self
                    .sentence
                    .organizations
                    .iter()
                    .find(|h| h.start == start);
                if let Some(h) = hit {
                    return Some(self.gazetteer.organizations()[h.entity].slug.clone());
                }
            } else if !(token.is_capitalized() || BETWEEN.iter().any(|w| token.is(w))) {
                return None;
            }
            if at == end
                && !LINKERS.iter().any(|l| token.is(l))
                && !token.text.contains('\'')
                && !token.text.contains('’')
            {
                return None;
            }
            at += 1;
        }
        None
    }
}

/// The name without a nickname in quotes ('Joko “Jokowi” Widodo' →
/// "Joko Widodo", "Zhengcheng 'John' Zhang" → "Zhengcheng Zhang"): the
/// nickname is no part of the name others write. The quotes stand
/// between words, so an apostrophe inside one ("O'Brien") is none.
fn without_nickname(name: &str) -> String {
    const OPENING: [char; 4] = ['\u{201c}', '"', '\'', '\u{2018}'];
    const CLOSING: [char; 4] = ['\u{201d}', '"', '\'', '\u{2019}'];
    let Some(open) = name
        .find(|c| OPENING.contains(&c))
        .filter(|&at| name[..at].ends_with(' '))
    else {
        return name.to_string();
    };
    let quote = name[open..].chars().next().map_or(1, char::len_utf8);
    let after = &name[open + quote..];
    let Some(close) = after.find(|c| CLOSING.contains(&c)) else {
        return name.to_string();
    };
    let rest = &after[close..];
    let rest = rest[rest.chars().next().map_or(0, char::len_utf8)..].trim_start();
    format!("{} {rest}", name[..open].trim_end())
}

/// "is" or "was", stating who a person is.
fn is_copula(token: &Token<'_>) -> bool {
    token.is("is") || token.is("was")
}

/// The word between a title and its portfolio.
fn is_portfolio_of(token: &Token<'_>) -> bool {
    token.is("of") || token.is("for")
}

fn is_honorific(token: &Token<'_>) -> bool {
    HONORIFICS.contains(&token.text)
}

/// Role text without the words that link it to its organization.
fn trim_role(text: &str) -> String {
    // "… Test Center (Tianjin": a bracket the appositive's end cut open
    // goes with what it held.
    let text = match text.rfind('(') {
        Some(open) if !text[open..].contains(')') => &text[..open],
        _ => text,
    };
    let mut role = text.trim().trim_end_matches([',', '(', ' ']).to_string();
    for tail in [" of the", " at the", " of", " at", " from", " in", ","] {
        if let Some(stripped) = role.strip_suffix(tail) {
            role = stripped.trim_end().to_string();
        }
    }
    role
}

#[cfg(test)]
mod tests;
