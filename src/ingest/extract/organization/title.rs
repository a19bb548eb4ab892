//! Extraction, organizations named through the title of the person who
//! heads them: "Trade, Industry and Energy Minister Moon" and "Minister of
//! Trade, Industry and Energy Ahn" both name the Ministry of Trade,
//! Industry and Energy.
//!
//! Takes a sentence and the gazetteer and gives back the registry entries
//! so named, with where the title's portfolio starts. Only a body the
//! registry knows counts: a title says too little to add a new one.

use super::{continues_name, extend_right};
use crate::content::entity::Organization;
use crate::ingest::gazetteer::Gazetteer;
use crate::ingest::text::token::{tokenize, Token};
use crate::ingest::text::words::{word_list, Pairs};

/// A head's title and the head word of the body it heads.
static TITLES: Pairs = word_list!(pairs "extract/office-titles.txt");

/// Registry bodies named through a title in `text`: (byte offset, entry).
pub(super) fn bodies<'g>(text: &str, gazetteer: &'g Gazetteer) -> Vec<(usize, &'g Organization)> {
    let tokens = tokenize(text);
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Some(&(_, body)) = TITLES.iter().find(|(title, _)| token.text == *title) else {
            continue;
        };
        // "Minister of Trade, Industry and Energy Ahn": the longest
        // portfolio after the title that the registry knows.
        let end = extend_right(&tokens, i + 1);
        let after = (i + 3..=end).rev().find_map(|end| {
            let portfolio = &text[tokens[i + 2].start..tokens[end - 1].end];
            gazetteer.organization_named(&format!("{body} of {portfolio}"))
        });
        if let Some(entry) = after {
            found.push((tokens[i].start, entry));
            continue;
        }
        // "Trade, Industry and Energy Minister": the longest portfolio
        // before the title that the registry knows.
        for start in portfolio_starts(&tokens, i) {
            let portfolio = &text[tokens[start].start..tokens[i - 1].end];
            let named = gazetteer
                .organization_named(&format!("{body} of {portfolio}"))
                .or_else(|| gazetteer.organization_named(&format!("{portfolio} {body}")));
            if let Some(entry) = named {
                found.push((tokens[start].start, entry));
                break;
            }
        }
    }
    found
}

/// Where a portfolio written before the title at `title` may start,
/// farthest first: capitalized words joined by ",", "and" or "&".
fn portfolio_starts(tokens: &[Token<'_>], title: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = title;
    while at > 0 {
        let prev = &tokens[at - 1];
        if continues_name(prev) {
            at -= 1;
            starts.push(at);
        } else if matches!(prev.text, "," | "and" | "&")
            && at >= 2
            && continues_name(&tokens[at - 2])
            && !starts.is_empty()
        {
            at -= 1;
        } else {
            break;
        }
    }
    starts.reverse();
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portfolio_before_the_title() {
        let text = "Korean Trade, Industry and Energy Minister Moon";
        let tokens = tokenize(text);
        let title = tokens.iter().position(|t| t.text == "Minister").unwrap();
        let starts: Vec<&str> = portfolio_starts(&tokens, title)
            .into_iter()
            .map(|s| &text[tokens[s].start..tokens[title - 1].end])
            .collect();
        assert_eq!(
            starts,
            [
                "Korean Trade, Industry and Energy",
                "Trade, Industry and Energy",
                "Industry and Energy",
                "Energy"
            ]
        );
    }
}
