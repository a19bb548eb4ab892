//! Front matter: the typed contract contributors edit.
//!
//! Takes the text of a content file, splits the YAML block from the Markdown
//! body, and gives back serde types with unknown fields rejected. Validation
//! beyond types (registry references, slugs) happens in `content::article`.
//! Ingest writes these same types, so what it emits always loads.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::evidence::EvidenceKey;
use super::unit::Unit;

/// A content file cut in two: the YAML between the `---` lines and the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML text, without the fences.
    pub yaml: &'a str,
    /// 1-based line of the first YAML line in the file.
    pub yaml_line: usize,
    /// The Markdown body after the closing fence.
    pub body: &'a str,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
}

/// Why a file could not be split into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    /// The file does not start with `---`.
    #[error("the file does not start with a `---` line opening the front matter")]
    NoOpeningFence,
    /// The opening fence has no closing partner.
    #[error("the front matter opened on line 1 is never closed by a `---` line")]
    Unclosed,
}

/// Split `text` into front matter and body. A UTF-8 BOM and CRLF line ends
/// are accepted, since editors on every platform produce them.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_end].trim_end() != "---" {
        return Err(SplitError::NoOpeningFence);
    }
    let mut offset = first_end;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        if text[offset..end].trim_end() == "---" {
            return Ok(Split {
                yaml: &text[first_end..offset],
                yaml_line: 2,
                body: &text[end..],
                // A closing fence at the very end of the file has no next line.
                body_line: line + usize::from(text[offset..end].ends_with('\n')),
            });
        }
        offset = end;
        line += 1;
    }
    Err(SplitError::Unclosed)
}

/// How the title was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TitleBasis {
    /// The page's own headline.
    #[default]
    Headline,
    /// Written from the lead because the page had no headline.
    Derived,
}

/// How the publication date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DateBasis {
    /// The text states it.
    #[default]
    Stated,
    /// Guessed from other parts of the text; `date_reason` says how.
    Inferred,
    /// Neither stated nor inferable: the article has no `date`, is listed
    /// after the dated ones and marked "date unknown".
    Unknown,
}

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Outlet or issuer of the text.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Original address, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// The raw seed this article was ingested from, relative to the site root.
    #[serde(default)]
    pub seed: Option<String>,
}

/// A person named in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Name as written in the text.
    #[serde(deserialize_with = "required_text")]
    pub name: String,
    /// Title as given ("President", "Professor").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Organization slug from the registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// The sentence the person was found in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A key figure: an amount of money or a technical quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The figure as written ("over 50 trillion won").
    #[serde(deserialize_with = "required_text")]
    pub text: String,
    /// Plain number in `unit` (50000000000000).
    pub value: f64,
    /// `KRW`, `USD`, `Wh/kg`, `GWh`, `percent`, `people`, …
    #[serde(deserialize_with = "required_unit")]
    #[schemars(with = "String")]
    pub unit: Unit,
    /// "over", "about", "more than", …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Target or deadline year tied to the figure ("by 2030").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_target: Option<i32>,
    /// The sentence the figure came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Who and what the figure is about; entity pages show it only there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<About>,
}

/// The organizations, places and topics a figure or event is about
/// (ingest writes it from the fact's sentence; contributors may correct
/// it). A fact without `about` appears on its article page only.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct About {
    /// Organization slugs, from the article's `organizations`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<String>,
    /// Place names, as in the article's `places`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Topic slugs, from the article's `topics`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
}

/// A dated happening, or a dated plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// When, to the precision the text supports.
    pub date: PartialDate,
    /// Last day of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_end: Option<PartialDate>,
    /// One line saying what happened.
    #[serde(deserialize_with = "required_text")]
    pub title: String,
    /// A plan rather than a happening.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// The sentence the event came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Who and what the event is about; entity pages show it only there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<About>,
}

/// An organization ingest found that the registry does not know yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationSuggestion {
    /// The name as written.
    pub name: String,
    /// Guessed kind (`government`, `company`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OrganizationKind>,
    /// The sentence it was found in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// Article front matter, exactly as written in `content/articles/*.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleFrontMatter {
    /// Headline.
    #[serde(deserialize_with = "required_text")]
    pub title: String,
    /// Whether the title is the page's headline or derived from the lead.
    #[serde(default, skip_serializing_if = "is_default")]
    pub title_basis: TitleBasis,
    /// Language of the text when it is not the site's, as a language tag
    /// (`ko` for a Korean page); pages mark the text with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Publication date; absent only with `date_basis: unknown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// Whether the date is stated in the text, inferred, or unknown.
    #[serde(default, skip_serializing_if = "is_default")]
    pub date_basis: DateBasis,
    /// Why an inferred date was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_reason: Option<String>,
    /// Another date the page gives for itself (a repost's own date beside
    /// the original's, a later update), kept for a person to judge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_date: Option<PartialDate>,
    /// Last substantive edit, if different from the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
    /// The day the article came to the site (ingest records it for an
    /// undated article): what feeds give as its `updated` time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingested: Option<PartialDate>,
    /// Where the article came from.
    #[serde(default)]
    pub source: Source,
    /// One or two sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Topic slugs from `content/topics/`.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Organization slugs from `content/organizations/`.
    #[serde(default)]
    pub organizations: Vec<String>,
    /// People named, with roles.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Place names or slugs from `content/places/`.
    #[serde(default)]
    pub places: Vec<String>,
    /// Key figures.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Dated events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// For each annotated organization, topic or place: the sentence it was
    /// found in, so every annotation is traceable to its source.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<EvidenceKey, String>,
    /// Organizations found that the registry does not list yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggested_organizations: Vec<OrganizationSuggestion>,
    /// A draft is left out of `briefing build` (unless `--drafts`), and
    /// shown, marked, by `serve` and `build --drafts`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

impl ArticleFrontMatter {
    /// When the article last changed, as feeds and sitemaps give it: the
    /// edit date, else the publication date, else (undated) the recorded
    /// day it came to the site. Never the build's clock.
    pub fn last_changed(&self) -> Option<PartialDate> {
        self.updated.or(self.date).or(self.ingested)
    }
}

/// Kinds of organization, as in the gold vocabulary.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum OrganizationKind {
    /// Ministries, provinces, cities, public agencies.
    Government,
    /// Firms.
    Company,
    /// Research institutes.
    Research,
    /// Universities.
    University,
    /// Industry associations.
    Association,
    /// Alliances, technoparks, media, anything else.
    Other,
}

impl OrganizationKind {
    /// Every kind.
    pub const ALL: [OrganizationKind; 6] = [
        Self::Government,
        Self::Company,
        Self::Research,
        Self::University,
        Self::Association,
        Self::Other,
    ];

    /// The kind spelled as in front matter (`government`, `company`, …).
    pub fn word(self) -> &'static str {
        match self {
            Self::Government => "government",
            Self::Company => "company",
            Self::Research => "research",
            Self::University => "university",
            Self::Association => "association",
            Self::Other => "other",
        }
    }

    /// The kind a front-matter word spells.
    pub fn from_word(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.word() == word)
    }
}

/// Organization registry entry, `content/organizations/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationFrontMatter {
    /// Canonical English name.
    #[serde(deserialize_with = "required_text")]
    pub name: String,
    /// What sort of body it is.
    pub kind: OrganizationKind,
    /// ISO 3166-1 alpha-2 code (`KR`), or `EU` / `INT`.
    pub country: String,
    /// Other names: acronyms, short forms, Korean names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Official site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Present on an entry ingest wrote because an article names the
    /// organization and the registry had no entry for it. A person
    /// confirms the entry by deleting this block (after checking the name,
    /// kind and country), or merges it into an existing entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<GeneratedEntry>,
}

/// Where ingest found an organization it added to the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeneratedEntry {
    /// The seed whose text named it, relative to the site root.
    pub seed: String,
    /// The sentence that names it.
    pub quote: String,
}

/// Topic registry entry, `content/topics/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicFrontMatter {
    /// Display name.
    #[serde(deserialize_with = "required_text")]
    pub name: String,
    /// Phrases whose presence in an article signals the topic.
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// Kinds of place.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    /// A sovereign state.
    Country,
    /// A province, state or metropolitan city.
    Province,
    /// A city or county.
    City,
    /// A district inside a city.
    District,
    /// Industrial complex, cluster or special zone.
    IndustrialComplex,
    /// A venue or facility.
    Venue,
    /// A region spanning countries (Europe, Southeast Asia).
    Region,
}

/// Place registry entry, `content/places/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceFrontMatter {
    /// Canonical English name.
    #[serde(deserialize_with = "required_text")]
    pub name: String,
    /// What sort of place it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country it lies in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Other spellings and Korean names.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A plain page such as About, `content/pages/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    /// Page title.
    #[serde(deserialize_with = "required_text")]
    pub title: String,
    /// Short description for the `<meta>` tag.
    #[serde(default)]
    pub description: Option<String>,
    /// A draft is left out of `briefing build` (unless `--drafts`), and
    /// shown, marked, by `serve` and `build --drafts`.
    #[serde(default)]
    pub draft: bool,
}

/// Text a field cannot do without. YAML reads `null`, `~` and an empty
/// value as nothing; without this serde would hand over the word "null".
fn required_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Option::<String>::deserialize(deserializer)?.ok_or_else(|| {
        serde::de::Error::custom(
            "no text (an empty value, `null` or `~`): write the text after the colon, quoted (\"null\") if you mean the word",
        )
    })
}

/// A figure's unit: text it cannot do without, kept as written.
fn required_unit<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Unit, D::Error> {
    required_text(deserializer).map(Unit::from)
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_reports_body_line() {
        let text = "---\ntitle: A\n---\nBody\n";
        let split = split(text).unwrap();
        assert_eq!(split.yaml, "title: A\n");
        assert_eq!(split.body, "Body\n");
        assert_eq!(split.body_line, 4);
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let split = split("\u{feff}---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(split.yaml, "title: A\r\n");
        assert_eq!(split.body, "Body");
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Text shaped like front matter: fences, keys, YAML punctuation,
        /// BOMs, CRLF and multi-byte characters in any order.
        fn content() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "---",
                "\n",
                "\r\n",
                "\u{feff}",
                "title: ",
                "date: ",
                "2024-06-18",
                "[a, b]",
                "{ x: 1 }",
                "- ",
                ": ",
                "'",
                "\"",
                "#",
                "&a",
                "*a",
                "|",
                ">",
                " ",
                "한국",
                "é",
                "topics:",
                "figures: [{ text: a, value: 1, unit: KRW }]",
                "\t",
                "null",
                "~",
            ]);
            prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn split_never_panics_and_parts_are_consistent(text in content()) {
                if let Ok(parts) = split(&text) {
                    prop_assert!(text.ends_with(parts.body));
                    prop_assert!(text.contains(parts.yaml));
                    let start = text.strip_prefix('\u{feff}').unwrap_or(&text);
                    let before_body = &start[..start.len() - parts.body.len()];
                    prop_assert_eq!(parts.body_line, before_body.matches('\n').count() + 1);
                }
            }

            #[test]
            fn split_never_panics_on_any_string(text in any::<String>()) {
                let _ = split(&text);
            }

            #[test]
            fn yaml_article_parsing_never_panics(text in content()) {
                let _ = crate::yaml::from_str::<ArticleFrontMatter>(&text);
            }

            #[test]
            fn yaml_parsing_never_panics_on_any_string(text in any::<String>()) {
                let _ = crate::yaml::from_str::<ArticleFrontMatter>(&text);
                let _ = crate::yaml::from_str::<OrganizationFrontMatter>(&text);
            }
        }
    }

    #[test]
    fn body_line_of_a_closing_fence_at_the_end_of_the_file() {
        assert_eq!(split("---\n---").unwrap().body_line, 2);
        assert_eq!(split("---\n---\n").unwrap().body_line, 3);
    }

    #[test]
    fn rejects_missing_and_unclosed_fences() {
        assert_eq!(split("title: A\n"), Err(SplitError::NoOpeningFence));
        assert_eq!(split("---\ntitle: A\n"), Err(SplitError::Unclosed));
    }

    #[test]
    fn a_unit_keeps_its_text_and_knows_its_family() {
        let figure = |unit: &str| {
            let text = format!("title: A\nfigures: [{{ text: a, value: 1, unit: {unit} }}]\n");
            crate::yaml::from_str::<ArticleFrontMatter>(&text).map(|f| f.figures[0].unit.clone())
        };
        let percent = figure("percent").unwrap();
        assert_eq!(percent.as_str(), "percent");
        assert_eq!(percent.family(), super::super::unit::UnitFamily::Percent);
        assert_eq!(figure("Wh/kg").unwrap().to_string(), "Wh/kg");
        let err = figure("~").expect_err("a unit is required text");
        assert!(err.message.contains("no text"), "{}", err.message);
    }
}
