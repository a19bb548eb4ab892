//! Render stage, template values: the fields of two structs as one map.
//!
//! An article page's `article` key holds its card's fields and the page's
//! own. Building two template maps and copying one into the other cost a
//! tenth of an article page's values (every key inserted twice, then every
//! entry again when the map became a value); [`Merged`] serializes both
//! structs' fields straight into one map, each struct keeping its
//! `derive(Serialize)`.

use serde::ser::{self, Impossible, Serialize, SerializeStruct, Serializer};

/// The fields of `first`, then those of `second`, serialized as one struct
/// (a later field of the same name replaces an earlier one, as when one
/// map is extended by the other). Each must serialize as a struct.
pub(crate) struct Merged<'a, A, B> {
    /// Fields first in.
    pub first: &'a A,
    /// Fields added after.
    pub second: &'a B,
    /// How many fields both have, the map's initial room (a hint).
    pub capacity: usize,
}

impl<A: Serialize, B: Serialize> Serialize for Merged<'_, A, B> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("Merged", self.capacity)?;
        self.first.serialize(Fields(&mut fields))?;
        self.second.serialize(Fields(&mut fields))?;
        fields.end()
    }
}

/// A template value made from a struct (its keys the struct's field
/// names), serialized as that struct again but for the field `without`:
/// its values are passed through, not serialized again. An article page
/// takes its card's fields from the card value its lists share.
pub(crate) struct StructOf<'a> {
    /// The struct's value.
    pub value: &'a tera::Value,
    /// A field left out.
    pub without: &'static str,
}

impl Serialize for StructOf<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(map) = self.value.as_map() else {
            return not_a_struct();
        };
        let mut fields = serializer.serialize_struct("StructOf", map.len())?;
        for (key, value) in map {
            match key {
                tera::value::Key::Str(name) if *name == self.without => {}
                tera::value::Key::Str(name) => fields.serialize_field(name, value)?,
                _ => return not_a_struct(),
            }
        }
        fields.end()
    }
}

/// A serializer that accepts one struct and hands each of its fields to
/// the struct being written.
struct Fields<'s, S>(&'s mut S);

/// What [`Fields`] refuses: anything but a struct.
fn not_a_struct<E: ser::Error, T>() -> Result<T, E> {
    Err(E::custom("only a struct's fields can be merged"))
}

impl<'s, S: SerializeStruct> SerializeStruct for Fields<'s, S> {
    type Ok = ();
    type Error = S::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), S::Error> {
        self.0.serialize_field(key, value)
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), S::Error> {
        self.0.skip_field(key)
    }

    fn end(self) -> Result<(), S::Error> {
        Ok(())
    }
}

impl<'s, S: SerializeStruct> Serializer for Fields<'s, S> {
    type Ok = ();
    type Error = S::Error;
    type SerializeSeq = Impossible<(), S::Error>;
    type SerializeTuple = Impossible<(), S::Error>;
    type SerializeTupleStruct = Impossible<(), S::Error>;
    type SerializeTupleVariant = Impossible<(), S::Error>;
    type SerializeMap = Impossible<(), S::Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), S::Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, S::Error> {
        Ok(self)
    }

    fn serialize_bool(self, _: bool) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_i8(self, _: i8) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_i16(self, _: i16) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_i32(self, _: i32) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_i64(self, _: i64) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_u8(self, _: u8) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_u16(self, _: u16) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_u32(self, _: u32) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_u64(self, _: u64) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_f32(self, _: f32) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_f64(self, _: f64) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_char(self, _: char) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_str(self, _: &str) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_none(self) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_unit(self) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), S::Error> {
        not_a_struct()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        not_a_struct()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, S::Error> {
        not_a_struct()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        not_a_struct()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        not_a_struct()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        not_a_struct()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        not_a_struct()
    }
}

#[cfg(test)]
mod tests {
    use super::{Merged, StructOf};
    use serde::Serialize;

    #[derive(Serialize)]
    struct Card {
        title: &'static str,
        draft: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        lang: Option<&'static str>,
    }

    #[derive(Serialize)]
    struct Page {
        words: usize,
        title: &'static str,
        tags: Vec<&'static str>,
    }

    /// The map one struct's fields make, extended by the other's: what
    /// the merged value must equal.
    fn extended(card: &Card, page: &Page) -> tera::Value {
        let mut map = tera::Value::from_serializable(card).into_map().unwrap();
        map.extend(tera::Value::from_serializable(page).into_map().unwrap());
        map.into()
    }

    #[test]
    fn both_structs_fields_make_one_map() {
        let card = Card {
            title: "Cells",
            draft: true,
            lang: None,
        };
        let page = Page {
            words: 3,
            title: "Cells, the page",
            tags: vec!["a", "b"],
        };
        let merged = tera::Value::from_serializable(&Merged {
            first: &card,
            second: &page,
            capacity: 6,
        });
        assert_eq!(merged, extended(&card, &page));
        assert_eq!(merged.as_map().unwrap().len(), 4);
    }

    #[test]
    fn a_structs_value_merges_as_the_struct_without_a_field() {
        let card = Card {
            title: "Cells",
            draft: false,
            lang: Some("ko"),
        };
        let page = Page {
            words: 3,
            title: "Cells, the page",
            tags: vec!["a"],
        };
        let mut value = tera::Value::from_serializable(&card).into_map().unwrap();
        value.insert("html".into(), tera::Value::safe_string("<p>"));
        let value = tera::Value::from(value);
        let merged = tera::Value::from_serializable(&Merged {
            first: &StructOf {
                value: &value,
                without: "html",
            },
            second: &page,
            capacity: 6,
        });
        assert_eq!(merged, extended(&card, &page));
        let mut keyed = tera::Map::new();
        keyed.insert(tera::value::Key::U64(1), tera::Value::from(1));
        let keyed = tera::Value::from(keyed);
        let first = StructOf {
            value: &keyed,
            without: "html",
        };
        assert!(tera::Value::try_from_serializable(&first).is_err());
    }

    #[test]
    fn a_value_that_is_no_struct_is_refused() {
        let merged = Merged {
            first: &1,
            second: &Page {
                words: 0,
                title: "",
                tags: Vec::new(),
            },
            capacity: 4,
        };
        assert!(tera::Value::try_from_serializable(&merged).is_err());
    }
}
