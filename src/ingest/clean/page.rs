//! Cleaning, page rules: noise that shows only against the whole page.
//!
//! Takes the classified lines of one seed (`clean::noise`); reclassifies
//! repeated navigation, duplicated photo captions, header menus, UI text in
//! a script foreign to the story, and lists of other headlines after the
//! story.

use std::collections::HashMap;

use super::noise::Line;
use super::vocab::SITE_UI;
use crate::ingest::text::hangul::is_hangul;
use crate::ingest::text::line::{ends_sentence, line_key, split_marker, word_count, Marker};
use crate::ingest::text::token::headline_cased;
use crate::ingest::text::vocab::is_masthead;

/// A line that is this short and has no sentence end is navigation when it
/// repeats: real short lines (headings) are not repeated on a page.
const NAV_WORDS: usize = 5;
/// Most words a listed headline of another story has; a longer line is
/// the story's own text.
const MAX_LISTED_HEADLINE_WORDS: usize = 25;
/// How many non-blank lines apart a duplicated caption may be.
const CAPTION_WINDOW: usize = 6;
/// Most words of a label above the headline ("Logo", "Top Stories").
const LABEL_WORDS: usize = 2;

/// Run every page rule, in order.
pub(crate) fn apply(lines: &mut [Line]) {
    drop_masthead(lines);
    drop_stamp_under_byline(lines);
    drop_repeated_short(lines);
    mark_duplicated_captions(lines);
    drop_immediate_repeats(lines);
    drop_header_menu(lines);
    drop_foreign_script_ui(lines);
    drop_related_headlines(lines);
    drop_headlines_after_end_mark(lines);
    drop_listed_headlines_after_copyright(lines);
    drop_trailing_headlines(lines);
    drop_last_stamped_headline(lines);
    drop_comments(lines);
    drop_trailing_fragments(lines);
}

/// The site bar's clock: today's date with its weekday, beside only the
/// bar's buttons ("구독하기 2024.04.27. (토)") or over the weather
/// ("2025.08.15 (금)", then "흐림서울 32.3℃"). It dates the visit, never
/// the story, even when the page gives no other date.
pub(super) fn is_page_clock(raw: &[&str], at: usize) -> bool {
    use crate::ingest::text::date::{is_date_with_only, is_todays_date};
    const WEATHER_LINES: usize = 4;
    // A widget's line is a place and its temperature, no sentence.
    const WEATHER_WORDS: usize = 3;
    let body = split_marker(raw[at].trim()).1;
    let button = |w: &str| SITE_UI.contains(&w.to_lowercase().as_str());
    let weather = |line: &str| {
        (line.contains('℃') || line.contains("°C"))
            && word_count(line) <= WEATHER_WORDS
            && !ends_sentence(line.trim_end())
    };
    let weather_below = || {
        raw[at + 1..]
            .iter()
            .filter(|line| !line.trim().is_empty())
            .take(WEATHER_LINES)
            .any(|line| weather(split_marker(line.trim()).1))
    };
    let todays = is_todays_date(body);
    !todays && is_date_with_only(body, button) || todays && weather_below()
}

/// The header of a reader-comment thread: "6 thoughts on “…”", "12
/// Comments", "Leave a Reply", "댓글 3".
fn is_comments_header(body: &str) -> bool {
    let lower = body.to_lowercase();
    let counted = lower
        .split_once(' ')
        .filter(|(n, _)| n.parse::<u32>().is_ok())
        .is_some_and(|(_, rest)| {
            let rest = rest.trim_end_matches([':', ' ']);
            // "0 comments 157 views" counts, under a byline; it heads nothing.
            ["comments", "comment"].contains(&rest)
                || ["thoughts on", "thought on", "responses to", "replies to"]
                    .iter()
                    .any(|mark| rest.starts_with(mark))
        });
    counted
        || [
            "leave a reply",
            "leave a comment",
            "comments",
            "reader comments",
        ]
        .contains(&lower.trim_end_matches([':', ' ']))
        || lower.starts_with("댓글") && word_count(&lower) <= 3
}

/// Everything from a comment thread's header down is readers' text; a
/// thread follows the story, so a header above its first sentence is none.
fn drop_comments(lines: &mut [Line]) {
    let first_sentence = lines
        .iter()
        .position(|line| story_body(line).is_some_and(ends_sentence));
    // "12 Comments" over the story's dateline is a meta bar's counter.
    let dateline_next = |at: usize| {
        lines[at + 1..]
            .iter()
            .find_map(story_body)
            .is_some_and(crate::ingest::text::date::is_dateline)
    };
    let start = lines
        .iter()
        .enumerate()
        .skip(first_sentence.map_or(lines.len(), |i| i + 1))
        .position(|(at, line)| {
            story_body(line).is_some_and(is_comments_header) && !dateline_next(at)
        })
        .map(|k| k + first_sentence.map_or(lines.len(), |i| i + 1));
    if let Some(start) = start {
        for line in &mut lines[start..] {
            if !matches!(line, Line::Blank) {
                *line = Line::Noise("comments");
            }
        }
    }
}

/// Short lines after the last sentence of the page ("Reply", "Influencers",
/// "440k+ Newsrooms &") are leftovers of widgets, not story.
fn drop_trailing_fragments(lines: &mut [Line]) {
    for line in lines.iter_mut().rev() {
        match line {
            Line::Blank | Line::Noise(_) | Line::EndMark => {}
            // "김관용 도지사는 “지진으로 위": the scrape stopped inside the
            // story's last sentence, which stays.
            Line::Story(text) if cut_sentence(split_marker(text).1) => break,
            Line::Story(text)
                if split_marker(text).0 == Marker::None
                    && is_short_label(split_marker(text).1, 4) =>
            {
                *line = Line::Noise("trailing-fragment");
            }
            _ => break,
        }
    }
}

/// A sentence cut short, not a widget's label: it opens a quote it never
/// closes, names its subject with a Korean topic particle before more
/// words ("도지사는 지진으로 위"), or runs on English function words ("Jane
/// Roe said the").
fn cut_sentence(body: &str) -> bool {
    let words: Vec<&str> = body.split_whitespace().collect();
    let open_quote = body.rfind('“') > body.rfind('”');
    // The sentence stops in Hangul ("제보는 카카오톡 okjebo" is a tip line).
    let ends_in_hangul = words
        .last()
        .is_some_and(|w| w.chars().all(|c| is_hangul(c) || c.is_ascii_punctuation()));
    let topic = ends_in_hangul
        && words.iter().rev().skip(1).any(|w| {
            let stem = w.strip_suffix('는').or_else(|| w.strip_suffix('은'));
            stem.is_some_and(|s| s.chars().count() >= 2 && s.chars().all(is_hangul))
        });
    // "Jane Roe said the": it stops on a function word ("Get the app" and
    // "Latest in Energy" end on a label's noun).
    let running_english = words.len() >= 3
        && body.starts_with(|c: char| c.is_uppercase())
        && words
            .last()
            .is_some_and(|w| crate::ingest::text::vocab::FUNCTION_WORDS.contains(w));
    !ends_sentence(body) && (open_quote || topic || running_english)
}

fn story_body(line: &Line) -> Option<&str> {
    match line {
        Line::Story(text) => Some(split_marker(text).1),
        _ => None,
    }
}

fn is_short_label(body: &str, words: usize) -> bool {
    word_count(body) <= words && !ends_sentence(body)
}

/// A story line or caption printed again right after itself (blank lines
/// between at most) is one line scraped twice: the copy goes, the text
/// stays once.
fn drop_immediate_repeats(lines: &mut [Line]) {
    let mut previous: Option<String> = None;
    for line in lines.iter_mut() {
        if *line == Line::Blank {
            continue;
        }
        let key = match line {
            Line::Caption(text) => Some(line_key(text)),
            _ => story_body(line).map(line_key),
        };
        if key.is_some() && key == previous {
            *line = Line::Noise("repeated-line");
        } else {
            previous = key;
        }
    }
}

/// The outlet's name alone on the page's first story line, with more story
/// after it ("The Daily Cell Times", then the headline): the masthead, not
/// the headline. A section's name has the same shape ("Campus News"), so
/// the line names no publisher.
fn drop_masthead(lines: &mut [Line]) {
    let mut story = (0..lines.len()).filter(|&i| story_body(&lines[i]).is_some());
    let (Some(first), Some(_)) = (story.next(), story.next()) else {
        return;
    };
    let Line::Story(text) = &lines[first] else {
        return;
    };
    if split_marker(text).0 == Marker::None && is_masthead(text) {
        lines[first] = Line::Noise("masthead");
    }
}

/// "News & Event" three times: a breadcrumb or menu, wherever it appears.
fn drop_repeated_short(lines: &mut [Line]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for body in lines.iter().filter_map(story_body) {
        if is_short_label(body, NAV_WORDS) {
            *counts.entry(line_key(body)).or_default() += 1;
        }
    }
    for line in lines.iter_mut() {
        let repeated = story_body(line)
            .is_some_and(|b| is_short_label(b, NAV_WORDS) && counts[&line_key(b)] > 1);
        if repeated {
            *line = Line::Noise("repeated-navigation");
        }
    }
}

/// A line printed twice within a few lines is a photo caption scraped both
/// from the image and its text: keep one copy as a caption, drop the other.
/// The page's first story line printed twice is its headline (the page
/// title, the heading, a slideshow's label): keep the first as it is and
/// drop every copy that follows within a few lines of the last. A one- or
/// two-word line above it ("Logo") is a label, not the first story line.
fn mark_duplicated_captions(lines: &mut [Line]) {
    let positions: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i] != Line::Blank)
        .collect();
    let first_story = positions
        .iter()
        .copied()
        .find(|&i| story_body(&lines[i]).is_some_and(|b| !is_short_label(b, LABEL_WORDS)));
    for (n, &i) in positions.iter().enumerate() {
        let Some(body) = story_body(&lines[i]) else {
            continue;
        };
        if ends_sentence(body) || word_count(body) > 40 {
            continue;
        }
        let key = line_key(body);
        match twin_after(lines, &positions, n, &key) {
            Some(mut m) if Some(i) == first_story => loop {
                lines[positions[m]] = Line::Noise("repeated-headline");
                match twin_after(lines, &positions, m, &key) {
                    Some(next) => m = next,
                    None => break,
                }
            },
            Some(m) => {
                let j = positions[m];
                lines[i] = Line::Caption(body.to_string());
                lines[j] = Line::Noise("duplicated-caption");
            }
            None => {}
        }
    }
}

/// Where in `positions`, within a few lines after `positions[from]`, the
/// same story line is printed again.
fn twin_after(lines: &[Line], positions: &[usize], from: usize, key: &str) -> Option<usize> {
    positions[from + 1..]
        .iter()
        .take(CAPTION_WINDOW)
        .position(|&j| story_body(&lines[j]).is_some_and(|b| line_key(b) == key))
        .map(|k| from + 1 + k)
}

/// Before the first real sentence, bulleted one-to-three-word lines are a
/// menu or breadcrumb ("- Home", "- News").
fn drop_header_menu(lines: &mut [Line]) {
    for line in lines.iter_mut() {
        let Line::Story(text) = line else {
            continue;
        };
        let (marker, body) = split_marker(text);
        if word_count(body) >= 8 {
            break;
        }
        if marker == Marker::Bullet && word_count(body) <= 3 {
            *line = Line::Noise("header-menu");
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Script {
    Latin,
    Hangul,
    Han,
}

fn script_of(c: char) -> Option<Script> {
    if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
        Some(Script::Latin)
    } else if crate::ingest::text::hangul::is_hangul(c) {
        Some(Script::Hangul)
    } else if ('\u{3040}'..='\u{9fff}').contains(&c) {
        Some(Script::Han)
    } else {
        None
    }
}

/// Short lines with no letter of the story's own script are site UI in the
/// site's language ("본문으로 바로가기" on an English page).
fn drop_foreign_script_ui(lines: &mut [Line]) {
    let mut counts: HashMap<Script, usize> = HashMap::new();
    for body in lines.iter().filter_map(story_body) {
        for script in body.chars().filter_map(script_of) {
            *counts.entry(script).or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    let Some((&dominant, &count)) = counts.iter().max_by_key(|(_, n)| **n) else {
        return;
    };
    if count * 10 < total * 8 {
        return; // a genuinely mixed page: no script is foreign
    }
    for line in lines.iter_mut() {
        let foreign = story_body(line).is_some_and(|body| {
            let mut scripts = body.chars().filter_map(script_of).peekable();
            word_count(body) <= 6
                && body.chars().count() <= 40
                && scripts.peek().is_some()
                && scripts.all(|s| s != dominant)
        });
        if foreign {
            *line = Line::Noise("foreign-ui");
        }
    }
}

/// After "Related articles" (or "Most read", "Latest News"), the short
/// headline lines that follow are other stories, not this one. Noise
/// among them (a headline's date) is theirs too.
/// Lines of a page's own header (headline, deck) that a related label
/// above them may seem to list.
const MAX_HEADER_LINES: usize = 2;

/// Lines of a page's own header a label may seem to list above its
/// stamp: a board's "Published :" field may follow a headline and a deck,
/// a byline or a bare stamp only the headline (two lines above one are
/// more likely the list's).
fn max_header_lines(stamp: &str) -> usize {
    if stamp == "board-metadata" {
        MAX_HEADER_LINES
    } else {
        1
    }
}

/// The next line with text, past a photo's caption, is a running
/// sentence: a story's, no headline.
fn opens_the_story(rest: &[Line]) -> bool {
    const MIN_LEAD_WORDS: usize = 12;
    rest.iter()
        .find(|l| !matches!(l, Line::Blank | Line::Caption(_)))
        .and_then(story_body)
        .is_some_and(|body| ends_sentence(body) && word_count(body) > MIN_LEAD_WORDS)
}

fn drop_related_headlines(lines: &mut [Line]) {
    let mut in_list = false;
    // A label alone (a menu's "Most Read") lists nothing: noise under it
    // is the page's own until a headline shows the list is there.
    let mut listed = false;
    // Headlines taken since the label, as they were.
    let mut taken: Vec<(usize, Line)> = Vec::new();
    for at in 0..lines.len() {
        let story_next = opens_the_story(&lines[at + 1..]);
        let line = &mut lines[at];
        match line {
            Line::Noise("related-label") => {
                (in_list, listed) = (true, false);
                taken.clear();
            }
            Line::Blank => {}
            // "Published : Nov. 22, 2023", a byline or a stamp right under
            // one or two lines under the label, then the story's first
            // sentence: the page's own header (headline, deck, stamp), and
            // the label listed nothing.
            Line::Noise(kind @ ("board-metadata" | "timestamp" | "byline"))
                if in_list
                    && listed
                    && taken.len() <= max_header_lines(kind)
                    && taken.iter().all(|(_, l)| matches!(l, Line::Story(_)))
                    && story_next =>
            {
                in_list = false;
                for (k, original) in taken.drain(..) {
                    lines[k] = original;
                }
            }
            // Once a headline is listed, the site's own menu, share
            // buttons or breadcrumb end the list (a carousel's "prev" above
            // the first does not); other noise in it (a headline's date) is
            // the listed story's.
            Line::Noise(kind) if in_list && listed && is_page_chrome(kind) => in_list = false,
            Line::Noise(_) if in_list && listed => {
                taken.push((at, std::mem::replace(line, Line::Noise("related-headline"))));
            }
            Line::Noise(_) => {}
            Line::Story(text) if in_list => {
                let body = split_marker(text).1;
                // A headline cut short ends in an ellipsis, no sentence.
                let cut = body.ends_with("...") || body.ends_with('\u{2026}');
                let one_headline =
                    word_count(body) <= MAX_LISTED_HEADLINE_WORDS && (cut || !ends_sentence(body));
                if one_headline || is_glued_headlines(body) {
                    taken.push((at, std::mem::replace(line, Line::Noise("related-headline"))));
                    listed = true;
                } else {
                    in_list = false;
                }
            }
            Line::Caption(_) if in_list => {
                taken.push((at, std::mem::replace(line, Line::Noise("related-headline"))));
            }
            _ => in_list = false,
        }
    }
}

/// "공장 화재…1명 숨져 '5차 대유행' 눈 앞으로…새 방역체계 …": a list's
/// headlines scraped into one line, each cut short by an ellipsis, with
/// no full stop ending a sentence among them.
fn is_glued_headlines(body: &str) -> bool {
    const MIN_CUTS: usize = 3;
    let cuts = body.matches('\u{2026}').count() + body.matches("...").count();
    let full_stop = body.char_indices().any(|(i, c)| {
        c == '.'
            && !body[..i].ends_with('.')
            && !body[i + 1..].starts_with(|c: char| c == '.' || c.is_ascii_digit())
    });
    cuts >= MIN_CUTS && !full_stop
}

/// Least headlines between a story's end mark and the page's end that make
/// a list: one line there may be a closing note of the story's own.
const MIN_TRAILING_HEADLINES: usize = 2;

/// Below the story's end mark ("(END)", "###"), lines that are headlines
/// and nothing else down to the page's end are the site's list of other
/// stories, labelled or not. A sentence among them (a release's "About"
/// paragraph) keeps them all.
fn drop_headlines_after_end_mark(lines: &mut [Line]) {
    let Some(end_mark) = lines.iter().rposition(|l| matches!(l, Line::EndMark)) else {
        return;
    };
    let tail = &lines[end_mark + 1..];
    let headlines = tail
        .iter()
        .filter_map(story_body)
        .filter(|b| word_count(b) > 0);
    let all_headlines = headlines
        .clone()
        .all(|body| word_count(body) <= MAX_LISTED_HEADLINE_WORDS && !ends_sentence(body));
    if !all_headlines || headlines.count() < MIN_TRAILING_HEADLINES {
        return;
    }
    for line in &mut lines[end_mark + 1..] {
        if story_body(line).is_some() {
            *line = Line::Noise("related-headline");
        }
    }
}

/// "by Jane Roe" over "June 22, 2023 | A version of this story appeared in
/// print": a day opening the line under a byline is the byline's stamp
/// (read by `meta`), whatever note the bar sets off after it.
fn drop_stamp_under_byline(lines: &mut [Line]) {
    let mut above_is_byline = false;
    for line in lines.iter_mut() {
        match line {
            Line::Blank => continue,
            Line::Story(text)
                if above_is_byline
                    && crate::ingest::text::stamp::date_under_a_byline(split_marker(text).1)
                        .is_some() =>
            {
                *line = Line::Noise("timestamp");
            }
            _ => {}
        }
        above_is_byline = matches!(line, Line::Noise("byline"));
    }
}

/// Least list items in a row below the copyright notice that make a list
/// of other stories.
const MIN_LISTED_AFTER_COPYRIGHT: usize = 3;

/// Below the story's copyright notice ("Copyright © … 무단 전재 금지"),
/// a run of list items that are headlines ("- Band tops the chart") is
/// the site's list of other stories, whatever site text stands between.
/// A headline closes on no full stop, unlike a story's sentence.
fn drop_listed_headlines_after_copyright(lines: &mut [Line]) {
    // The notice closes a story told above it; a photo's "© Acme" under
    // the headline closes nothing.
    const MIN_SENTENCES_ABOVE: usize = 2;
    let Some(notice) = lines
        .iter()
        .rposition(|l| matches!(l, Line::Noise("copyright")))
    else {
        return;
    };
    let sentences_above = lines[..notice]
        .iter()
        .filter_map(story_body)
        .filter(|body| ends_sentence(body))
        .count();
    if sentences_above < MIN_SENTENCES_ABOVE {
        return;
    }
    let listed_headline = |line: &Line| match line {
        Line::Story(text) => {
            let (marker, body) = split_marker(text);
            marker == Marker::Bullet
                && word_count(body) <= MAX_LISTED_HEADLINE_WORDS
                && !body.trim_end().ends_with('.')
        }
        _ => false,
    };
    let mut run: Vec<usize> = Vec::new();
    for at in notice + 1..=lines.len() {
        match lines.get(at) {
            Some(Line::Blank) => continue,
            Some(line) if listed_headline(line) => run.push(at),
            _ => {
                if run.len() >= MIN_LISTED_AFTER_COPYRIGHT {
                    for &i in &run {
                        lines[i] = Line::Noise("related-headline");
                    }
                }
                run.clear();
            }
        }
    }
}

/// Least title-cased lines at the page's end that make a list of other
/// stories' headlines: a story may close on one line in title case (a
/// name, a heading), not on three.
const MIN_TRAILING_TITLES: usize = 3;

/// Lines in title case at the very end of the page, after the story's
/// last sentence, with no label over them: the site's unlabelled list of
/// other stories ("Rio Tinto and BHP Agree to …"). Story text is written
/// in sentences, not in title case.
fn drop_trailing_headlines(lines: &mut [Line]) {
    let mut run = Vec::new();
    for (i, line) in lines.iter().enumerate().rev() {
        match line {
            Line::Blank | Line::Noise(_) => {}
            Line::Story(_) if story_body(line).is_some_and(headline_cased) => run.push(i),
            _ => break,
        }
    }
    let before = &lines[..run.last().copied().unwrap_or(0)];
    let after_story = before
        .iter()
        .any(|l| story_body(l).is_some_and(ends_sentence));
    // "The products on show are:": the lines are the story's own list.
    let introduced = before
        .iter()
        .rev()
        .find_map(story_body)
        .is_some_and(|b| b.trim_end().ends_with(':'));
    if run.len() >= MIN_TRAILING_TITLES && after_story && !introduced {
        for i in run {
            lines[i] = Line::Noise("related-headline");
        }
    }
}

/// Fewest words of a listed headline: a shorter line is a label.
const MIN_HEADLINE_WORDS: usize = 3;

/// "…the story's last sentence. / 국민연금, 고려아연 지지… 법원 판단만
/// 남아 / 2025-01-19 15:": a line that is no sentence, then a timestamp,
/// ending the page after the story: another story's headline and its
/// stamp, which must not date this page.
fn drop_last_stamped_headline(lines: &mut [Line]) {
    let mut filled = (0..lines.len()).rev().filter(|&i| lines[i] != Line::Blank);
    let (Some(stamp), Some(headline)) = (filled.next(), filled.next()) else {
        return;
    };
    // A stamp under a line that is no sentence: no full stop, no Korean
    // verb's 다, no speech in double quotes, no label ("Photo: …").
    let listed = lines[stamp] == Line::Noise("timestamp")
        && story_body(&lines[headline]).is_some_and(|body| {
            let body = body.trim_end();
            !ends_sentence(body)
                && !body.ends_with(['다', '’'])
                && !body.contains(['"', '“', '”', ':'])
                && (MIN_HEADLINE_WORDS..=MAX_LISTED_HEADLINE_WORDS).contains(&word_count(body))
        });
    let after_story = lines[..headline]
        .iter()
        .any(|l| story_body(l).is_some_and(ends_sentence));
    if listed && after_story {
        lines[headline] = Line::Noise("related-headline");
        lines[stamp] = Line::Noise("related-headline");
    }
}

/// Noise of the page around the story, never of a listed headline.
fn is_page_chrome(kind: &str) -> bool {
    matches!(
        kind,
        "site-ui" | "menu-row" | "share-buttons" | "breadcrumb" | "copyright"
    )
}

#[cfg(test)]
mod tests {
    use super::super::noise::classify;
    use super::*;

    fn run(text: &str) -> Vec<Line> {
        let mut lines: Vec<Line> = text.lines().map(classify).collect();
        apply(&mut lines);
        lines
    }

    #[test]
    fn headlines_cut_short_under_a_related_label_are_dropped() {
        let text = "The story ends here.\nMost Read\nPopular articles in the past week\n-\n\
                    Acme Opens a Plant in Ulsan; Workers Hired...\n-\nPrices Fall Again\u{2026}";
        let lines = run(text);
        assert_eq!(lines[0], Line::Story("The story ends here.".into()));
        assert_eq!(lines[4], Line::Noise("related-headline"));
        assert_eq!(lines[6], Line::Noise("related-headline"));
    }

    #[test]
    fn headlines_glued_into_one_line_under_a_related_label_are_dropped() {
        let glued = "공장 화재…1명 끝내 숨졌다 '공장 화재' 직원 크게 다쳐…2명은 경상 \
                     새 방역체계 어떻게 달라지나 3월 등교 어쩌나…\"검사 검토\" 타워크레인 해체 \
                     '조마조마'…반경 79m 대피령 내려져 해체 70% 마쳐…내일까지 작업 연장 \
                     조합원 수천 명 모였다…사과 요구 출범 1년…\"초심 돌아가겠다\"";
        let lines = run(&format!("이야기는 여기서 끝납니다.\n관련기사\n{glued}"));
        assert_eq!(lines[2], Line::Noise("related-headline"));
        // A story's paragraph that trails off is no list of headlines.
        let paragraph = "어젯밤 공장에서 불이 났다… 직원 스무 명은 모두 무사히 대피했다. 소방은 \
                         장비 서른 대를 보내 두 시간 만에 불을 껐다… 소방 당국은 정확한 원인을 \
                         조사하고 있으며 공장은 당분간 문을 닫는다… 시는 피해 기업에 긴급 자금을 \
                         지원하기로 했다…";
        let lines = run(&format!("이야기는 여기서 끝납니다.\n관련기사\n{paragraph}"));
        assert_eq!(lines[2], Line::Story(paragraph.into()));
    }

    #[test]
    fn repeated_short_lines_are_navigation() {
        let lines = run("Press Room\n\nPress Room\nA headline here\nThe story starts here.");
        assert_eq!(lines[0], Line::Noise("repeated-navigation"));
        assert_eq!(lines[2], Line::Noise("repeated-navigation"));
        assert_eq!(lines[3], Line::Story("A headline here".into()));
    }

    #[test]
    fn duplicated_captions_keep_one_caption() {
        let caption = "Remarks by Jane Roe, Chief of the Lab";
        let text = format!("Lead sentence here.\n\n{caption}\n \n{caption}\n\nNext sentence.");
        let lines = run(&text);
        assert_eq!(lines[2], Line::Caption(caption.into()));
        assert_eq!(lines[4], Line::Noise("duplicated-caption"));
        assert_eq!(lines[6], Line::Story("Next sentence.".into()));
    }

    #[test]
    fn an_outlets_name_above_the_headline_is_its_masthead() {
        let lines = run("The Daily Cell Times\nAcme opens a plant\nThe story starts here.");
        assert_eq!(lines[0], Line::Noise("masthead"));
        assert_eq!(lines[1], Line::Story("Acme opens a plant".into()));
        // Alone on the page, the line is all the story there is.
        assert_ne!(run("The Daily Cell Times")[0], Line::Noise("masthead"));
    }

    #[test]
    fn a_line_printed_again_right_after_itself_stays_once() {
        let lead = "Acme said on Monday it would open a plant.";
        let lines = run(&format!("{lead}\n\n{lead}\nIt will employ 300.\n{lead}"));
        assert_eq!(lines[0], Line::Story(lead.into()));
        assert_eq!(lines[2], Line::Noise("repeated-line"));
        // Not right after itself: kept (a quote may come back).
        assert_eq!(lines[4], Line::Story(lead.into()));
    }

    #[test]
    fn a_headline_printed_twice_stays_the_headline() {
        let headline = "Acme opens its second cathode plant in the north";
        let lines = run(&format!(
            "{headline}\nBy Jane Roe\n{headline}\n\nThe story starts here."
        ));
        assert_eq!(lines[0], Line::Story(headline.into()));
        assert_eq!(lines[2], Line::Noise("repeated-headline"));
    }

    #[test]
    fn a_headline_printed_four_times_under_a_label_stays_the_headline() {
        let headline = "Acme to build a cell plant with Vale Motors";
        let caption = "A view of the Acme plant in Vale, May 2, 2022. AGENCY/Jane Roe";
        let lines = run(&format!(
            "Logo\n\n{headline}\n\n{headline}\n\n{headline}\n{caption}\n{headline}\nThe story starts here."
        ));
        assert_eq!(lines[2], Line::Story(headline.into()));
        for at in [4, 6, 8] {
            assert_eq!(lines[at], Line::Noise("repeated-headline"), "line {at}");
        }
        assert_eq!(lines[7], Line::Story(caption.into()));
    }

    #[test]
    fn repeated_sentences_far_apart_stay() {
        let text = "Cells matter.\na\nb\nc\nd\ne\nf\ng\nCells matter.";
        assert_eq!(run(text)[8], Line::Story("Cells matter.".into()));
    }

    #[test]
    fn header_menu_before_the_story() {
        let lines =
            run("- Home\n- News\nA plant opens in the north of the country this week.\n- Cells");
        assert_eq!(lines[1], Line::Noise("header-menu"));
        assert_eq!(lines[3], Line::Story("- Cells".into()));
    }

    #[test]
    fn foreign_script_ui() {
        let lines =
            run("메뉴 열기\nThe plant opens today.\nIt will make cells for cars and buses.");
        assert_eq!(lines[0], Line::Noise("foreign-ui"));
    }

    #[test]
    fn comment_threads_and_trailing_fragments() {
        let lines = run("The story ends here.\n6 thoughts on \"The story\"\nAnn says: June 10, 2025\nGreat piece.\nReply");
        assert_eq!(lines[0], Line::Story("The story ends here.".into()));
        assert!(lines[1..].iter().all(|l| *l == Line::Noise("comments")));
        // The page cut inside its last sentence: the sentence stays.
        for cut in [
            "가람 도지사는 “지진으로 위",
            "누리 시장은 공장을 짓",
            "Jane Roe said the",
        ] {
            let lines = run(&format!("The story ends here.\n{cut}"));
            assert_eq!(lines[1], Line::Story(cut.into()), "{cut}");
        }
        // Widgets' labels still go.
        for label in [
            "Get the app",
            "Latest in Energy",
            "제보는 카카오톡 hanbitnews",
        ] {
            let lines = run(&format!("The story ends here.\n{label}"));
            assert_eq!(lines[1], Line::Noise("trailing-fragment"), "{label}");
        }
        let lines = run("The story ends here.\nWANT MORE?\n440k+ Newsrooms &\nInfluencers");
        assert_eq!(lines[0], Line::Story("The story ends here.".into()));
        assert_eq!(lines[2], Line::Noise("trailing-fragment"));
        assert_eq!(lines[3], Line::Noise("trailing-fragment"));
    }

    #[test]
    fn a_comment_counter_under_the_byline_heads_no_thread() {
        let text = "Acme opens a cell plant\nby Jane Roe\n0 comments 157 views\nAcme opened its plant on Monday.\nIt makes cells.";
        let lines = run(text);
        assert_eq!(
            lines[3],
            Line::Story("Acme opened its plant on Monday.".into())
        );
        assert_eq!(lines[4], Line::Story("It makes cells.".into()));
        // A bare header above the story's first sentence is none either.
        let lines = run("12 Comments\nAcme opened its plant on Monday.");
        assert_eq!(
            lines[1],
            Line::Story("Acme opened its plant on Monday.".into())
        );
        // Nor is a counter under the standfirst, over the dateline.
        let dateline = "COLUMBUS, Ohio, July 1, 2025 /Wire/ -- Acme today opened its plant.";
        let lines = run(&format!("The plant is its first.\n12 Comments\n{dateline}"));
        assert_eq!(lines[2], Line::Story(dateline.into()));
    }

    #[test]
    fn related_headlines_after_the_story() {
        let text = "The story ends here.\nRelated articles\nOther plant opens\n\nPrices fall again\n© Wire";
        let lines = run(text);
        assert_eq!(lines[2], Line::Noise("related-headline"));
        assert_eq!(lines[4], Line::Noise("related-headline"));
        assert_eq!(lines[0], Line::Story("The story ends here.".into()));
    }

    #[test]
    fn a_stamp_under_a_label_shows_the_page_header_was_no_list() {
        let text = "Most Popular\nAcme names new CEO\nCell veteran to take the helm\n\
                    Published : Nov. 22, 2023 - 15:21\n\
                    Acme, the nation's top battery maker, said Wednesday that its board has appointed a new CEO starting next year, replacing its longtime leader.";
        let lines = run(text);
        assert_eq!(lines[1], Line::Story("Acme names new CEO".into()));
        assert_eq!(
            lines[2],
            Line::Story("Cell veteran to take the helm".into())
        );
        // Without the stamp, the label lists the lines under it.
        let text = "Most Popular\nAcme names new CEO\nCell veteran to take the helm\n\
                    Acme, the nation's top battery maker, said Wednesday that its board has appointed a new CEO starting next year, replacing its longtime leader.";
        let lines = run(text);
        assert_eq!(lines[1], Line::Noise("related-headline"));
        // A list below the story whose items carry a views counter stays
        // a list.
        let text = "Acme, the nation's top battery maker, said Wednesday that its board has appointed a new CEO starting next year, replacing its longtime leader.\n\
                    Most Popular\nBrix recalls 40,000 electric SUVs\nViews 1,204\n\
                    Solar prices hit record low in Spain\nViews 988";
        let lines = run(text);
        assert_eq!(lines[2], Line::Noise("related-headline"));
        assert_eq!(lines[4], Line::Noise("related-headline"));
    }

    #[test]
    fn headlines_below_the_end_mark_are_other_stories() {
        let text = "Acme opened the plant on Monday.\n(END)\n-\nBand tops the chart\n-\n\
                    (LEAD) Court upholds the ruling\n-\nPrices fall 3 pct in May";
        let lines = run(text);
        assert_eq!(
            lines[0],
            Line::Story("Acme opened the plant on Monday.".into())
        );
        for (i, line) in lines.iter().enumerate().skip(2) {
            assert!(matches!(line, Line::Noise(_)), "{i}: {line:?}");
        }
        // An "About" paragraph below the mark keeps the lines with it.
        let text = "Acme opened the plant on Monday.\n###\nAbout Acme\n\
                    Acme is a cell maker founded in 2010.\nMedia contact";
        let lines = run(text);
        assert_eq!(lines[2], Line::Story("About Acme".into()));
        // One line alone is no list.
        let lines =
            run("Acme opened the plant on Monday.\n(END)\nBand tops the chart in its first week");
        assert_eq!(
            lines[2],
            Line::Story("Band tops the chart in its first week".into())
        );
    }

    #[test]
    fn a_day_under_a_byline_is_its_stamp() {
        let text = "Acme expands in the US\nby Jane Roe\n\
                    June 22, 2023 | A version of this story appeared in print\n\
                    Acme broke ground on its plant.";
        let lines = run(text);
        assert_eq!(lines[2], Line::Noise("timestamp"));
        // Without the byline above, a timeline's row stays.
        let text = "Acme expands in the US\nAcme broke ground on its plant.\n\
                    June 22, 2023 | Acme broke ground on its plant in Ohio";
        let lines = run(text);
        assert!(matches!(lines[2], Line::Story(_)), "{lines:?}");
    }

    #[test]
    fn listed_headlines_below_the_copyright_are_other_stories() {
        let text = "에이크미가 공장을 지었다.\n공장은 내년에 가동된다.\n한가람 기자\n\
                    Copyright © 한빛일보. All rights reserved. 무단 전재 및 재배포 금지\n\
                    이 기사에 대해 어떻게 생각하시나요?\n\
                    - 한계 시험하는 폭염…연일 50도, 공휴일 선포까지\n\
                    - 태풍 근접 오키나와 피해 잇따라…중국 자금성도 침수\n\
                    - 도심 체육관 화재로 어린이 10여 명 대피…“선풍기 근처서 불 시작”";
        let lines = run(text);
        assert_eq!(lines[0], Line::Story("에이크미가 공장을 지었다.".into()));
        assert!(
            lines[5..].iter().all(|l| matches!(l, Line::Noise(_))),
            "{lines:?}"
        );
        assert!(
            lines.contains(&Line::Noise("related-headline")),
            "{lines:?}"
        );
        // A photo's credit under the headline closes no story.
        let text = "Acme opens a plant\n© Acme Energy\n\
                    Acme opened a cell plant in Ohio on Monday.\n\
                    - A capacity of 40 GWh a year from 2026 onwards\n\
                    - An investment of 4 billion dollars over five years\n\
                    - Jobs for 1,500 people in the county and around it";
        let lines = run(text);
        assert!(
            lines[3..].iter().all(|l| matches!(l, Line::Story(_))),
            "{lines:?}"
        );
        // Sentences listed below the notice stay, and so do two items alone.
        let text = "에이크미가 공장을 지었다.\nCopyright © 한빛일보. 무단 전재 및 재배포 금지\n\
                    - 에이크미는 2010년 서울에서 설립된 배터리 소재 기업이다.\n\
                    - 에이크미의 직원은 국내외를 합쳐 모두 300명이다.\n\
                    - 에이크미의 본사와 연구소는 모두 서울에 있다.";
        let lines = run(text);
        assert!(
            lines[2..].iter().all(|l| matches!(l, Line::Story(_))),
            "{lines:?}"
        );
        let text = "에이크미가 공장을 지었다.\n공장은 내년에 가동된다.\n\
                    Copyright © 한빛일보. 무단 전재 및 재배포 금지\n\
                    - 한계 시험하는 폭염…연일 50도, 공휴일 선포까지\n\
                    - 태풍 근접 오키나와 피해 잇따라…중국 자금성도 침수";
        let lines = run(text);
        assert!(
            lines[3..].iter().all(|l| matches!(l, Line::Story(_))),
            "{lines:?}"
        );
    }

    #[test]
    fn a_headline_and_its_stamp_ending_the_page_are_another_story() {
        let text = "Acme opened the plant on Monday.\n\n\
                    Regulators weigh a review of grid batteries\n2025-01-19 15:";
        let lines = run(text);
        assert_eq!(lines[2], Line::Noise("related-headline"));
        assert_eq!(lines[3], Line::Noise("related-headline"));
        // The story's own last sentence over the page's stamp stays.
        let lines = run("Acme opened the plant on Monday.\nIt hires 300.\n2025-01-19 15:");
        assert_eq!(lines[1], Line::Story("It hires 300.".into()));
        assert_eq!(lines[2], Line::Noise("timestamp"));
        // The story's last line without its full stop, a Korean verb, a
        // quote or a caption is no headline.
        for last in [
            "회사는 내년 착공할 계획이라고 말했다",
            "\"We are just getting started,\" Whitlock said",
            "Photo: Acme workers at the new plant in Ohio",
        ] {
            let lines = run(&format!(
                "Acme opened the plant on Monday.\n{last}\n2025-01-19 15:30"
            ));
            assert!(matches!(lines[1], Line::Story(_)), "{last}: {lines:?}");
        }
        // A headline alone over a stamp, with no story above, is the page's.
        let lines = run("Acme opens its plant in Ohio\n2025-01-19 15:");
        assert!(matches!(lines[0], Line::Story(_)), "{lines:?}");
    }

    #[test]
    fn title_cased_lines_ending_the_page_are_other_stories() {
        let text = "Acme opened the plant on Monday.\n\n\
                    Miners Agree to Explore Joint Venture in North Queensland\n\
                    Chip Shipments Halted as Regulators Step In\n\
                    Regulator Expands Review of Online Platforms Across Europe";
        let lines = run(text);
        assert_eq!(
            lines[0],
            Line::Story("Acme opened the plant on Monday.".into())
        );
        assert!(
            lines[2..].iter().all(|l| matches!(l, Line::Noise(_))),
            "{lines:?}"
        );
        // Two such lines may be the story's own; a sentence after them
        // shows they are inside it.
        let lines = run(
            "Acme opened the plant.\nMiners Agree to Explore Joint Venture Plans\n\
                         Chip Shipments Halted as Regulators Step In",
        );
        assert!(matches!(lines[1], Line::Story(_)));
        let lines = run(
            "Acme opened the plant.\nMiners Agree to Explore Joint Venture Plans\n\
                         Chip Shipments Halted as Regulators Step In\n\
                         Regulator Expands Review of Online Platforms\nIt said so.",
        );
        assert!(matches!(lines[1], Line::Story(_)));
    }

    #[test]
    fn a_list_the_story_introduces_stays() {
        let text = "Acme showed its new line. The products on show are:\n\
                    Acme Cell Pro Max Tabless Cylindrical Cell\n\
                    Acme Energy Storage Station Next Generation\n\
                    Acme Fast Charger Unit Second Generation";
        let lines = run(text);
        assert!(
            lines[1..].iter().all(|l| matches!(l, Line::Story(_))),
            "{lines:?}"
        );
    }

    #[test]
    fn a_label_that_opens_like_site_ui_still_opens_a_list() {
        let text = "공장은 내년에 문을 연다.\n댓글 많은 뉴스\n다른 회사, 음극재 2조원 수주\n양극재 가격 하락";
        let lines = run(text);
        assert_eq!(lines[1], Line::Noise("related-label"));
        assert_eq!(lines[2], Line::Noise("related-headline"));
        assert_eq!(lines[3], Line::Noise("related-headline"));
    }

    #[test]
    fn a_bracketed_korean_label_opens_related_headlines() {
        let text = "공장은 내년에 문을 연다.\n[관련기사]\n▶ 다른 회사, 음극재 2조원 수주\n▶ 양극재 가격 하락";
        let lines = run(text);
        assert_eq!(lines[1], Line::Noise("related-label"));
        assert!(matches!(lines[2], Line::Noise(_)), "{:?}", lines[2]);
        assert!(matches!(lines[3], Line::Noise(_)), "{:?}", lines[3]);
    }

    #[test]
    fn a_list_of_headlines_ends_at_the_menu_under_it() {
        let text = "What's Hot\n\nOther plant opens in the north\n\nJanuary 13, 2026\n\
                    Home\nAcme opens its cell plant in the south\n\
                    Acme said on Monday it had opened the plant.";
        let lines = run(text);
        assert_eq!(lines[2], Line::Noise("related-headline"));
        assert_eq!(lines[4], Line::Noise("related-headline"));
        assert_eq!(
            lines[6],
            Line::Story("Acme opens its cell plant in the south".into())
        );
        // A carousel's controls above the first headline end nothing.
        let lines = run("Editor's Picks\nHome\nOther plant opens in the north\nPrices fall again");
        assert_eq!(lines[2], Line::Noise("related-headline"));
        assert_eq!(lines[3], Line::Noise("related-headline"));
    }
}
