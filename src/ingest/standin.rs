//! Temporary stand-in for `gazetteer` and `extract` (branch `extract`), with
//! the agreed interface, so the ingest pipeline compiles and its own tests
//! run before extraction lands. Removed when `extract` is merged.

pub(crate) mod gazetteer {
    use crate::content::entity::{Organization, Registries};

    /// The registries, for exact name lookups.
    pub(crate) struct Gazetteer {
        organizations: Vec<Organization>,
    }

    impl Gazetteer {
        pub(crate) fn new(registries: &Registries) -> Gazetteer {
            Gazetteer {
                organizations: registries.organizations.clone(),
            }
        }

        /// Exact, case-insensitive name or alias lookup.
        pub(crate) fn organization_named(&self, text: &str) -> Option<&Organization> {
            let text = text.trim().to_lowercase();
            self.organizations.iter().find(|org| {
                org.front.name.to_lowercase() == text
                    || org.front.aliases.iter().any(|a| a.to_lowercase() == text)
            })
        }
    }
}

pub(crate) mod extract {
    use std::collections::BTreeMap;

    use super::gazetteer::Gazetteer;
    use crate::content::date::PartialDate;
    use crate::content::front_matter::{Event, Figure, OrganizationSuggestion, Person};
    use crate::ingest::document::Document;

    /// Everything extraction found in one article.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub(crate) struct Annotations {
        pub(crate) organizations: Vec<String>,
        pub(crate) people: Vec<Person>,
        pub(crate) places: Vec<String>,
        pub(crate) topics: Vec<String>,
        pub(crate) figures: Vec<Figure>,
        pub(crate) events: Vec<Event>,
        pub(crate) evidence: BTreeMap<String, String>,
        pub(crate) suggested_organizations: Vec<OrganizationSuggestion>,
    }

    /// Finds nothing: extraction is the other branch's work.
    pub(crate) fn annotate(
        _doc: &Document,
        _title: &str,
        _published: Option<PartialDate>,
        _gazetteer: &Gazetteer,
    ) -> Annotations {
        Annotations::default()
    }
}
