//! Content, what an annotation points at: the kind of registry entry an
//! article lists (organization, topic, place) and the `evidence:` keys
//! written `organization:<slug>`, `topic:<slug>` or `place:<slug>`.
//!
//! A key written any other way is kept exactly as written (`check` warns
//! about it), so loading and writing an article never loses an entry.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A registry an article's front matter lists entries of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// `organizations:`, `content/organizations/`.
    Organization,
    /// `topics:`, `content/topics/`.
    Topic,
    /// `places:`, `content/places/`.
    Place,
}

impl EntityKind {
    /// Every kind, in the order evidence keys sort.
    pub(crate) const ALL: [EntityKind; 3] = [
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Topic,
    ];

    /// The singular noun (`organization`), also an evidence key's prefix.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            EntityKind::Organization => "organization",
            EntityKind::Topic => "topic",
            EntityKind::Place => "place",
        }
    }

    /// The front-matter list and the registry folder under `content/`.
    pub(crate) fn plural(self) -> &'static str {
        match self {
            EntityKind::Organization => "organizations",
            EntityKind::Topic => "topics",
            EntityKind::Place => "places",
        }
    }
}

/// The key of one `evidence:` entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EvidenceKey {
    /// `<kind>:<slug>`.
    Entity(EntityKind, String),
    /// Anything else, as written.
    Unrecognized(String),
}

impl EvidenceKey {
    /// The key for an organization's slug.
    pub(crate) fn organization(slug: &str) -> EvidenceKey {
        EvidenceKey::Entity(EntityKind::Organization, slug.to_string())
    }

    /// The key for a topic's slug.
    pub(crate) fn topic(slug: &str) -> EvidenceKey {
        EvidenceKey::Entity(EntityKind::Topic, slug.to_string())
    }

    /// The key for a place's slug.
    pub(crate) fn place(slug: &str) -> EvidenceKey {
        EvidenceKey::Entity(EntityKind::Place, slug.to_string())
    }

    /// Read a key as written.
    pub(crate) fn parse(written: &str) -> EvidenceKey {
        let entity = written.split_once(':').and_then(|(prefix, slug)| {
            let kind = EntityKind::ALL.into_iter().find(|k| k.noun() == prefix)?;
            Some(EvidenceKey::Entity(kind, slug.to_string()))
        });
        entity.unwrap_or_else(|| EvidenceKey::Unrecognized(written.to_string()))
    }

    /// The key as written in front matter.
    pub(crate) fn written(&self) -> Cow<'_, str> {
        match self {
            EvidenceKey::Entity(kind, slug) => Cow::Owned(format!("{}:{slug}", kind.noun())),
            EvidenceKey::Unrecognized(text) => Cow::Borrowed(text),
        }
    }

    /// The written form in pieces, for comparing without allocating.
    fn pieces(&self) -> [&str; 3] {
        match self {
            EvidenceKey::Entity(kind, slug) => [kind.noun(), ":", slug],
            EvidenceKey::Unrecognized(text) => [text, "", ""],
        }
    }
}

/// Keys sort as their written forms do, so front matter keeps its order.
impl Ord for EvidenceKey {
    fn cmp(&self, other: &Self) -> Ordering {
        fn bytes(key: &EvidenceKey) -> impl Iterator<Item = u8> + '_ {
            let [a, b, c] = key.pieces();
            a.bytes().chain(b.bytes()).chain(c.bytes())
        }
        bytes(self).cmp(bytes(other))
    }
}

impl PartialOrd for EvidenceKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for EvidenceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.pieces()
            .iter()
            .try_for_each(|piece| f.write_str(piece))
    }
}

impl Serialize for EvidenceKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EvidenceKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = Cow::<str>::deserialize(deserializer)?;
        Ok(EvidenceKey::parse(&written))
    }
}

impl JsonSchema for EvidenceKey {
    fn schema_name() -> Cow<'static, str> {
        "EvidenceKey".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_and_write_back_as_written() {
        for written in [
            "organization:keti",
            "topic:recycling",
            "place:korea",
            "org:x",
            "plain",
        ] {
            let key = EvidenceKey::parse(written);
            assert_eq!(key.written(), written);
            assert_eq!(key.to_string(), written);
        }
        assert_eq!(
            EvidenceKey::parse("topic:recycling"),
            EvidenceKey::topic("recycling")
        );
        assert!(matches!(
            EvidenceKey::parse("organisation:keti"),
            EvidenceKey::Unrecognized(_)
        ));
    }

    #[test]
    fn keys_sort_as_their_written_forms() {
        let written = [
            "place:korea",
            "organization:keti",
            "topic:a",
            "organization:kbia",
            "odd",
            "place:",
            "organization",
        ];
        let mut by_key: Vec<EvidenceKey> = written.iter().map(|w| EvidenceKey::parse(w)).collect();
        by_key.sort();
        let mut by_text = written.to_vec();
        by_text.sort();
        let sorted: Vec<String> = by_key.iter().map(ToString::to_string).collect();
        assert_eq!(sorted, by_text);
    }
}
