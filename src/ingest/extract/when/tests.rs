use super::*;

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

fn resolve(sentence: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
    mentions(sentence, published.map(date), Some(date("2020-01-01")))
        .into_iter()
        .map(|m| (m.date.to_string(), m.date_end.map(|d| d.to_string())))
        .collect()
}

#[test]
fn month_day_takes_the_publication_year() {
    assert_eq!(
        resolve("It met on May 20.", Some("2022-07-01")),
        [("2022-05-20".into(), None)]
    );
    assert_eq!(resolve("It met on May 20.", None), []);
    assert_eq!(
        resolve("It met on Sept. 3, 2019.", None),
        [("2019-09-03".into(), None)]
    );
}

#[test]
fn ranges_with_digits_or_words() {
    assert_eq!(
        resolve("held from March 3 to five", Some("2025-04")),
        [("2025-03-03".into(), Some("2025-03-05".into()))]
    );
    assert_eq!(
        resolve("held March 30 to April 2, 2024", None),
        [("2024-03-30".into(), Some("2024-04-02".into()))]
    );
    // The year after the closing day is the range's, not the page's.
    assert_eq!(
        resolve("held from April 10 to 13, 2025", Some("2024-12-01")),
        [("2025-04-10".into(), Some("2025-04-13".into()))]
    );
    assert_eq!(
        resolve(
            "held from April 10 to 13 before a 2025 launch",
            Some("2024-12-01")
        ),
        [("2024-04-10".into(), Some("2024-04-13".into()))]
    );
}

#[test]
fn a_range_of_full_dates_across_years() {
    let want = [("2026-09-01".into(), Some("2029-08-31".into()))];
    // The comma that closes the first date does not end the range.
    assert_eq!(
        resolve(
            "to supply cells from Sept. 1, 2026, to Aug. 31, 2029.",
            None
        ),
        want
    );
    assert_eq!(
        resolve(
            "to supply cells from Sept. 1, 2026 through Aug. 31, 2029.",
            None
        ),
        want
    );
    // After a comma, "and" lists a second date.
    assert_eq!(
        resolve("met on May 3, 2024, and June 5, 2024.", None),
        [("2024-05-03".into(), None), ("2024-06-05".into(), None)]
    );
    // An end before the start is in the next year.
    assert_eq!(
        resolve(
            "shut from Nov. 1, 2026, to Feb. 28, the plant reopens.",
            None
        ),
        [("2026-11-01".into(), Some("2027-02-28".into()))]
    );
    // A date moved: the old one and the new one.
    assert_eq!(
        resolve(
            "It moved the start from Dec. 31, 2026, to June 30, 2027.",
            None
        ),
        [("2026-12-31".into(), None), ("2027-06-30".into(), None)]
    );
    // A comma and a clause are no range.
    assert_eq!(
        resolve("opened on May 3, 2024, to mark the day.", None),
        [("2024-05-03".into(), None)]
    );
}

#[test]
fn relative_years_months_and_days() {
    let p = Some("2024-05-17");
    assert_eq!(
        resolve("signed in July last year", p),
        [("2023-07".into(), None)]
    );
    assert_eq!(resolve("designated last year", p), [("2023".into(), None)]);
    // Two months sharing the year written after the second.
    assert_eq!(
        resolve(
            "It received 129 applications between August and November 2018.",
            p
        ),
        [("2018-08".into(), Some("2018-11".into()))]
    );
    assert_eq!(
        resolve("Talks ran from November to February 2024.", p),
        [("2023-11".into(), Some("2024-02".into()))]
    );
    // "the previous year" counts from the year named before it.
    assert_eq!(
        resolve(
            "It made 97 tonnes in 2021 and 160 tonnes the previous year.",
            p
        ),
        [("2021".into(), None), ("2020".into(), None)]
    );
    assert!(resolve("It made 160 tonnes the previous year.", p).is_empty());
    // "the last year" is the twelve months before publication.
    assert_eq!(
        resolve(
            "Acme, founded in 2015, doubled output over the last year.",
            p
        ),
        [("2015".into(), None), ("2023".into(), None)]
    );
    // A month named after "last" or "next": the nearest on that side.
    assert_eq!(
        resolve("granted last November", p),
        [("2023-11".into(), None)]
    );
    assert_eq!(resolve("granted last March", p), [("2024-03".into(), None)]);
    assert_eq!(resolve("granted last May", p), [("2023-05".into(), None)]);
    assert_eq!(resolve("opens next March", p), [("2025-03".into(), None)]);
    assert_eq!(resolve("opens next June", p), [("2024-06".into(), None)]);
    assert_eq!(resolve("the last may open", p), []);
    // A day or a year after the month is read with it.
    assert_eq!(
        resolve("It takes effect next January 1, 2025.", p),
        [("2025-01-01".into(), None)]
    );
    assert_eq!(resolve("by next March 2026", p), [("2026-03".into(), None)]);
    assert_eq!(
        resolve("starting early next year", p),
        [("2025".into(), None)]
    );
    assert_eq!(resolve("met on the 9th", p), [("2024-05-09".into(), None)]);
    assert_eq!(resolve("met on Monday", p), [("2024-05-13".into(), None)]);
    assert_eq!(
        resolve("It will vote on Monday", p),
        [("2024-05-20".into(), None)]
    );
    assert_eq!(
        resolve("It said on Monday it will vote", p),
        [("2024-05-13".into(), None)]
    );
    assert_eq!(resolve("in November", p), [("2024-11".into(), None)]);
    assert_eq!(
        resolve("On the same day, they signed", p),
        [("2020-01-01".into(), None)]
    );
}

#[test]
fn years_need_a_preposition() {
    assert_eq!(
        resolve("founded in 1976, it grew", None),
        [("1976".into(), None)]
    );
    assert_eq!(resolve("the 2025 Workforce Project", None), []);
    // A year closing the name of a show something happens at.
    assert_eq!(
        resolve("It showed cells at Acme Battery Expo 2023 in Munich.", None),
        [("2023".into(), None)]
    );
    assert_eq!(resolve("It won Acme Award 2023 for cells.", None), []);
    assert_eq!(
        resolve("At Acme Expo 2024, Bolt showed cells.", None),
        [("2024".into(), None)]
    );
    assert_eq!(resolve("the May deadline may slip", None), []);
    let m = mentions("It aims to lead by 2030.", None, None);
    assert_eq!(m[0].cue, Cue::By);
    // A cue before a part of the year, and "beyond" a time.
    let m = mentions("Since early 2022, it has drawn investors.", None, None);
    assert_eq!((m[0].cue, m[0].start), (Cue::Since, 0));
    let m = mentions("Funding beyond March 2027 is open.", None, None);
    assert_eq!(m[0].cue, Cue::Since);
    let m = mentions("It opened in early 2022.", None, None);
    assert_eq!(m[0].cue, Cue::At);
    // "up to (and including)" a day: a time limit, like "until".
    for text in [
        "Applications received up to and including December 17, 2023 count.",
        "Applications are taken up to December 17, 2023.",
    ] {
        let m = mentions(text, None, None);
        assert_eq!(m[0].cue, Cue::Until, "{text}");
        assert!(
            text[..m[0].start].ends_with("received ") || text[..m[0].start].ends_with("taken ")
        );
    }
}

#[test]
fn not_until_a_time_is_its_start() {
    for text in [
        "Production would not start until 2027, the report said.",
        "The plant won't open until March 2026.",
    ] {
        let m = mentions(text, None, None);
        assert_eq!(m[0].cue, Cue::At, "{text}");
    }
    // Without a negation in its clause, until ends a time.
    for text in [
        "The line runs until 2027.",
        "It did not say, but the line runs until 2027.",
    ] {
        let m = mentions(text, None, None);
        assert_eq!(m[0].cue, Cue::Until, "{text}");
    }
}

#[test]
fn wire_weekdays_and_news_today() {
    let p = Some("2025-11-04");
    assert_eq!(
        resolve("the two companies said Tuesday", p),
        [("2025-11-04".into(), None)]
    );
    assert_eq!(
        resolve("Acme today unveiled a cell", p),
        [("2025-11-04".into(), None)]
    );
    assert!(resolve("Today, cells are everywhere", p).is_empty());
}

#[test]
fn day_before_month_in_british_order() {
    assert_eq!(
        resolve("It filed on 12 March 2025, after talks.", None),
        [("2025-03-12".into(), None)]
    );
    assert_eq!(
        resolve("The vote is on 3 June.", Some("2024-05-01")),
        [("2024-06-03".into(), None)]
    );
    // After "from", "by", …, on the side its tense tells.
    assert_eq!(
        resolve("Controls will apply from 1 December.", Some("2024-10-20")),
        [("2024-12-01".into(), None)]
    );
    assert_eq!(
        resolve("Talks began on 28 December.", Some("2025-01-10")),
        [("2024-12-28".into(), None)]
    );
    // A bare "5 June" with no year and no "on" is not taken; alone in
    // brackets it is a date.
    assert_eq!(resolve("about 5 June units", Some("2024-05-01")), []);
    assert_eq!(
        resolve("It broke ground last week (26 April).", Some("2024-05-01")),
        [("2024-04-26".into(), None)]
    );
}

#[test]
fn a_range_of_months_is_one_mention() {
    assert_eq!(
        resolve("The deal runs from March 2026 to November 2028.", None),
        [("2026-03".into(), Some("2028-11".into()))]
    );
    assert_eq!(
        resolve("It ran from May 2024 through Feb. 2025 in the city.", None),
        [("2024-05".into(), Some("2025-02".into()))]
    );
    // Two months named apart stay two mentions.
    assert_eq!(
        resolve("It opened in May 2024 and closed in June 2025.", None).len(),
        2
    );
}

#[test]
fn a_weekday_after_a_verb_of_telling_dates_it() {
    let one = |s: &str| resolve(s, Some("2023-04-20"));
    assert_eq!(
        one("The president vowed Thursday to back the industry."),
        [("2023-04-20".into(), None)]
    );
    assert_eq!(
        one("The minister stressed Tuesday that supply chains matter."),
        [("2023-04-18".into(), None)]
    );
    // A weekday after any other word is no date of the story.
    assert_eq!(one("The plant runs Thursday through Sunday."), []);
    assert_eq!(one("The plant added Saturday shifts."), []);
}

#[test]
fn a_bare_weekday_closing_a_clause_with_a_verb_dates_it() {
    let one = |s: &str| resolve(s, Some("2023-04-20"));
    let thursday = [("2023-04-20".to_string(), None)];
    assert_eq!(one("Acme opened its plant Thursday."), thursday);
    assert_eq!(
        one("Acme signed a deal Monday to build cells in Ohio."),
        [("2023-04-17".into(), None)]
    );
    assert_eq!(
        one("Acme will buy a stake, a filing showed Thursday."),
        thursday
    );
    assert_eq!(
        one("Acme will open its plant Friday, the firm said."),
        [("2023-04-21".into(), None)]
    );
    // A kind of day, a repeat, a span or a day's own thing: no date.
    assert_eq!(one("Acme opened a plant that runs every Monday."), []);
    assert_eq!(one("Acme hired staff for its Saturday shifts."), []);
    assert_eq!(one("Acme staff worked through Sunday."), []);
    assert_eq!(one("Acme shares rose after Thursday's report."), []);
    assert_eq!(one("Acme shares fell on Black Friday."), []);
    assert_eq!(one("Cells made Monday-Friday."), []);
    // No verb before it: a label, no happening.
    assert_eq!(one("Battery news Thursday"), []);
    // A state on such days, a habit, a day something is for, a start.
    assert_eq!(one("Acme said the store stays closed Sunday."), []);
    assert_eq!(one("Acme said its staff worked Saturday for years."), []);
    assert_eq!(one("Acme gave staff Friday and Saturday off."), []);
    assert_eq!(one("The union called a strike for Friday."), []);
    assert_eq!(one("Acme raised prices starting Monday."), []);
}

#[test]
fn parts_of_a_year_seasons_and_later_this_year() {
    let one = |s: &str| resolve(s, Some("2025-11-03"));
    assert_eq!(one("in the second half of 2026"), [("2026".into(), None)]);
    assert_eq!(one("by the end of 2025"), [("2025-12".into(), None)]);
    assert_eq!(one("will start next spring"), [("2026".into(), None)]);
    assert_eq!(
        one("to license it later this year"),
        [("2025".into(), None)]
    );
    assert_eq!(one("a record this year"), []);
    assert_eq!(
        one("to start pilot runs in the second half of this year"),
        [("2025".into(), None)]
    );
    assert_eq!(
        one("to open as early as the end of this year"),
        [("2025-12".into(), None)]
    );
    assert_eq!(one("the end of last year"), [("2024-12".into(), None)]);
    assert_eq!(one("a quarter of this year's budget"), []);
    assert_eq!(one("the end of this year’s subsidy"), []);
    assert_eq!(
        one("takes effect on January 1 next year"),
        [("2026-01-01".into(), None)]
    );
}

#[test]
fn a_date_without_its_year_or_month_lies_on_the_side_its_tense_tells() {
    let one = |sentence: &str| resolve(sentence, Some("2024-03-05"))[0].0.clone();
    assert_eq!(one("The two firms agreed in December to merge."), "2023-12");
    // "-ed" after "of" or a determiner is an adjective, no past tense.
    assert_eq!(
        one("It plans to raise the number of related lines to 13 in May."),
        "2024-05"
    );
    assert_eq!(one("It added the limited lines in May."), "2023-05");
    // What was decided may come soon after the telling: the decision's
    // tense does not put it a year back.
    assert_eq!(
        one("The board decided to hold a meeting on April 1 to vote."),
        "2024-04-01"
    );
    // Not months ahead, nor a deal agreed to on its day.
    assert_eq!(
        one("The board decided to hold a meeting on Dec. 1 to vote."),
        "2023-12-01"
    );
    assert_eq!(
        one("Acme agreed to a supply deal on April 1."),
        "2023-04-01"
    );
    // "This" may be a subject: "followed" stays a past verb.
    assert_eq!(one("This followed a ceremony on April 1."), "2023-04-01");
    assert_eq!(
        one("The ministry announced its decision on the 19th."),
        "2024-02-19"
    );
    assert_eq!(one("The plant will open in February."), "2025-02");
    assert_eq!(one("The line will start on the 2nd."), "2024-04-02");
    // No tense to go by, or the date already on its side: as published.
    assert_eq!(one("Talks in December."), "2024-12");
    assert_eq!(one("It was signed on the 2nd."), "2024-03-02");
    assert_eq!(one("It is planned for December."), "2024-12");
    // A date that opens the sentence takes the tense of the words after.
    assert_eq!(one("In November, talks emerged of a deal."), "2023-11");
    assert_eq!(one("In February, the plant will open."), "2025-02");
    // "set" looks ahead only as "set to" or "set for".
    assert_eq!(one("The plant is set to open in February."), "2025-02");
    assert_eq!(
        one("Acme set sail under its new name in December after it agreed a deal."),
        "2023-12"
    );
}

#[test]
fn a_passive_after_be_takes_the_tense_before_it() {
    assert_eq!(
        resolve("It will be held on January 21.", Some("2023-01-10")),
        [("2023-01-21".into(), None)]
    );
    assert_eq!(
        resolve("It was held on January 21.", Some("2023-01-10")),
        [("2022-01-21".into(), None)]
    );
}

#[test]
fn a_quarter_or_half_written_as_a_code_dates_its_year() {
    for sentence in [
        "It opens in Q3 2026.",
        "It opens in 2H 2026.",
        "Sales in H1 2026 rose.",
    ] {
        assert_eq!(
            resolve(sentence, None),
            [("2026".into(), None)],
            "{sentence}"
        );
    }
    assert_eq!(resolve("The Q5 2026 model", None), []);
}

#[test]
fn ranges_of_years() {
    for sentence in [
        "It will lend the sum over the next five years (2025 to 2029).",
        "It will lend the sum from 2025 to 2029.",
        "It will lend the sum between 2025 and 2029.",
        "It will lend the sum over 2025-2029.",
    ] {
        assert_eq!(
            resolve(sentence, None),
            [("2025".into(), Some("2029".into()))],
            "{sentence}"
        );
    }
    // "and" joins two years only after "between"; a plan's name is no time.
    assert_eq!(
        resolve("Sales rose in 2023 and 2025.", None),
        [("2023".into(), None)]
    );
    assert_eq!(resolve("The 2025-2029 plan was adopted.", None), []);
}

#[test]
fn the_same_day_is_the_day_named_earlier_in_the_sentence() {
    assert_eq!(
        resolve(
            "It signed the deal on Friday and disclosed it on the same day.",
            Some("2023-12-03")
        ),
        [("2023-12-01".into(), None), ("2023-12-01".into(), None)]
    );
}

#[test]
fn a_range_from_the_beginning_of_a_year_to_the_end_of_another() {
    assert_eq!(
        resolve(
            "It will supply cells from the beginning of 2025 to the end of 2029.",
            None
        ),
        [("2025".into(), Some("2029".into()))]
    );
}

#[test]
fn a_part_of_a_year_joined_to_it() {
    assert_eq!(
        resolve("The deal is expected to close in mid-2026.", None),
        [("2026".into(), None)]
    );
    assert_eq!(
        resolve("Output starts early-2027.", None),
        [("2027".into(), None)]
    );
}

#[test]
fn a_part_of_the_year_without_its_year() {
    let p = Some("2024-08-07");
    assert_eq!(
        resolve("It will launch the cells in the fourth quarter.", p),
        [("2024".into(), None)]
    );
    // A past quarter is the period a result covers.
    assert_eq!(resolve("It sold more in the first half.", p), []);
    assert_eq!(
        resolve(
            "It expects to ship cells in the first half.",
            Some("2024-11-02")
        ),
        [("2025".into(), None)]
    );
    // The year written after it is read there, not here.
    assert_eq!(
        resolve("It will ship in the second half of 2026.", p),
        [("2026".into(), None)]
    );
    // Without a publication date the year is unknown.
    assert_eq!(resolve("It will launch in the fourth quarter.", None), []);
}

#[test]
fn a_negation_of_another_clause_or_a_name_leaves_until_an_end() {
    for text in [
        "AT&T will supply cells until 2027.",
        "Prices did not fall and stayed high until 2027.",
        "Acme has not said whether the line runs until 2027.",
    ] {
        let m = mentions(text, None, None);
        assert_eq!(m[0].cue, Cue::Until, "{text}");
    }
}
