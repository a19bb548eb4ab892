//! Render stage, JSON text for `<script>` elements, written by hand into a
//! string: byte for byte as `serde_json` writes the same value (members
//! in the order the caller writes them), and with `<`, `>` and `&` inside
//! strings escaped as `\u003c`, `\u003e`, `\u0026`, so no text can close
//! the element early. The JSON-LD blocks of `structured` are its users;
//! their tests hold it to `serde_json`.

/// A JSON object being written into `out`.
pub(crate) struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    /// Opens an object at the end of `out`.
    pub(crate) fn open(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, empty: true }
    }

    /// Starts the member `key` (a name that needs no escaping); its value
    /// is written next, into the string given back.
    pub(crate) fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
        self.out
    }

    /// The member `key` with a string value.
    pub(crate) fn string(&mut self, key: &str, value: &str) {
        string(self.key(key), value);
    }

    /// The member `key` when there is a value; nothing when there is none
    /// (`skip_serializing_if = "Option::is_none"`).
    pub(crate) fn some_string(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.string(key, value);
        }
    }

    /// Closes the object.
    pub(crate) fn close(self) {
        self.out.push('}');
    }
}

/// A JSON array of `items`, each written by `write`.
pub(crate) fn array<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut String, T),
) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

/// `text` as a JSON string.
pub(crate) fn string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    escape(out, text);
    out.push('"');
}

/// `text` escaped for the inside of a JSON string, with no quotes (a
/// value made of several parts, such as a URL, is written part by part).
/// As `serde_json`: `"` and `\`, the control characters with a short
/// escape as that (`\n`), the others as `\u00XX`; and `<`, `>`, `&` as
/// `\u00XX`; every other character as it is.
pub(crate) fn escape(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    // Bytes from `done` on are still to be copied; `at` is where the scan
    // is. Most text has nothing to escape: eight bytes are tested at once.
    let (mut done, mut at) = (0, 0);
    while at < bytes.len() {
        if let Some(eight) = bytes.get(at..at + 8) {
            if needs_escape(u64::from_le_bytes(eight.try_into().expect("8 bytes"))) == 0 {
                at += 8;
                continue;
            }
        }
        let b = bytes[at];
        at += 1;
        let short = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'\n' => 'n',
            b'\r' => 'r',
            b'\t' => 't',
            0x08 => 'b',
            0x0c => 'f',
            0..=0x1f | b'<' | b'>' | b'&' => 'u',
            _ => continue,
        };
        // Every byte matched is ASCII: `at - 1` and `at` are boundaries.
        out.push_str(&text[done..at - 1]);
        out.push('\\');
        out.push(short);
        if short == 'u' {
            out.push_str("00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
        done = at;
    }
    out.push_str(&text[done..]);
}

/// Non-zero when one of the eight bytes of `chunk` is one [`escape`]
/// rewrites: below 0x20, or `"`, `\`, `<`, `>`, `&` (each found by the
/// classic any-byte-zero test, `(x - 0x01…) & !x & 0x80…`).
#[inline]
fn needs_escape(chunk: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let is = |b: u8| zero(chunk ^ (ONES * u64::from(b)));
    let control = chunk.wrapping_sub(ONES * 0x20) & !chunk & HIGH;
    control | is(b'"') | is(b'\\') | is(b'<') | is(b'>') | is(b'&')
}

/// `serde_json`'s text, then `<`, `>`, `&` escaped: what the blocks
/// were before they were written by hand, the reference for tests.
#[cfg(test)]
pub(crate) fn reference(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value)
        .unwrap()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_text_cannot_close_the_element() {
        let mut out = String::new();
        string(&mut out, "</script><b>&");
        assert_eq!(out, r#""\u003c/script\u003e\u003cb\u003e\u0026""#);
    }

    proptest::proptest! {
        #[test]
        fn a_string_is_written_as_serde_json_writes_it(
            text in "(<|>|&|\"|\\\\|/|[\\x00-\\x1f]|\\x7f|é|한|\u{2028}|[a-z ]{1,6}){0,24}",
        ) {
            let mut out = String::new();
            string(&mut out, &text);
            proptest::prop_assert_eq!(out, reference(&text));
        }

        #[test]
        fn objects_and_arrays_are_written_as_serde_json_writes_them(
            a in "[a-z<\"]{0,4}",
            b in proptest::option::of("[a-z&\\n]{0,4}"),
            items in proptest::collection::vec("[a-z>]{0,3}", 0..4),
        ) {
            #[derive(serde::Serialize)]
            struct Sample<'s> {
                a: &'s str,
                #[serde(skip_serializing_if = "Option::is_none")]
                b: Option<&'s str>,
                items: &'s [String],
            }
            let mut out = String::new();
            let mut object = Object::open(&mut out);
            object.string("a", &a);
            object.some_string("b", b.as_deref());
            array(object.key("items"), &items, |out, item| string(out, item));
            object.close();
            let sample = Sample { a: &a, b: b.as_deref(), items: &items };
            proptest::prop_assert_eq!(out, reference(&sample));
        }
    }
}
