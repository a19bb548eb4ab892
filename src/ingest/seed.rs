//! Ingest, first step: the raw bytes of one seed become normalized text.
//!
//! Takes the bytes of `seeds/<name>.txt`; gives back a `String` with line
//! ends, non-breaking spaces and invisible characters normalized, or a
//! [`SeedError`] saying why the seed cannot be read (empty, binary, an
//! encoding we cannot identify, too large). Scraped pages arrive as UTF-8
//! (with or without BOM), UTF-16 from Windows tools, or legacy Korean
//! EUC-KR/CP949 from older government boards, so each is detected here.

use std::path::Path;

use encoding_rs::{Encoding, EUC_KR, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::ingest::text::hangul;
use crate::ingest::text::words::{word_list, Pairs, Words};

/// Seeds above this size are not articles (a dump, an archive): refuse them.
pub(crate) const MAX_SEED_BYTES: usize = 2 * 1024 * 1024;

/// Why a seed cannot be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum SeedError {
    /// No bytes, or only whitespace.
    #[error("the seed is empty")]
    Empty,
    /// Larger than [`MAX_SEED_BYTES`].
    #[error("the seed is {size} bytes, more than the 2 MiB an article can be")]
    TooLarge {
        /// Size in bytes.
        size: usize,
    },
    /// NUL bytes or control characters: an image, archive or office file.
    #[error("the seed looks like a binary file, not text")]
    Binary,
    /// None of the encodings we know decodes it cleanly.
    #[error("the seed is not UTF-8, UTF-16 or EUC-KR/CP949 text")]
    Undecodable,
    /// Mostly UTF-8, but one line is neither UTF-8 nor EUC-KR.
    #[error("line {line} is neither UTF-8 nor EUC-KR/CP949 (bytes {bytes}); the rest of the seed is UTF-8")]
    MixedLine {
        /// 1-based line number.
        line: usize,
        /// The first bytes that do not decode, in hex.
        bytes: String,
    },
}

/// A decoded seed: its text, and a note when it was not plain UTF-8,
/// UTF-16 or EUC-KR throughout (ingest reports it as a warning, so no
/// guess about an encoding goes unsaid).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// Normalized text.
    pub(crate) text: String,
    /// How the bytes were read, when it was a guess.
    pub(crate) note: Option<String>,
}

/// Read (inside the site only, see `sitefs`) and decode the seed at
/// `root/relative`.
pub(crate) fn read(root: &Path, relative: &Path) -> Result<Decoded, ReadError> {
    let limit = MAX_SEED_BYTES as u64;
    let bytes = crate::sitefs::read(root, relative, limit).map_err(|err| match err {
        crate::sitefs::ReadError::TooLarge { size, .. } => ReadError::Seed(SeedError::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
        }),
        err => ReadError::Io(err.to_string()),
    })?;
    decode(&bytes).map_err(ReadError::Seed)
}

/// Either the file could not be read or its bytes are not a usable seed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ReadError {
    /// The file system refused.
    #[error("cannot read the seed: {0}")]
    Io(String),
    /// The bytes are not a usable seed.
    #[error(transparent)]
    Seed(#[from] SeedError),
}

/// Decode seed bytes to normalized text: the pure twin of [`read`].
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, SeedError> {
    if bytes.len() > MAX_SEED_BYTES {
        return Err(SeedError::TooLarge { size: bytes.len() });
    }
    let (text, note) = decode_raw(bytes)?;
    if has_binary_controls(&text) {
        return Err(SeedError::Binary);
    }
    let text = normalize(&text);
    if text.trim().is_empty() {
        return Err(SeedError::Empty);
    }
    Ok(Decoded { text, note })
}

fn decode_raw(bytes: &[u8]) -> Result<(String, Option<String>), SeedError> {
    if bytes.is_empty() {
        return Err(SeedError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok((strict(encoding, &bytes[bom_len..])?, None));
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        return Ok((strict(encoding, bytes)?, None));
    }
    // A NUL never occurs in text in any 8-bit or multibyte encoding we accept.
    if bytes.contains(&0) {
        return Err(SeedError::Binary);
    }
    if let Ok(text) = strict(UTF_8, bytes) {
        return Ok((text, None));
    }
    if let Ok(text) = strict(EUC_KR, bytes) {
        if mostly_hangul(&text) {
            return Ok((text, None));
        }
    }
    // UTF-8 characters among bytes that are not UTF-8: text pasted together
    // from pages in two encodings. Read it line by line rather than all of
    // it as one 8-bit encoding, which would garble every UTF-8 character.
    if has_utf8_characters(bytes) {
        return by_line(bytes);
    }
    // Western pages with a stray accented letter; dense high bytes would be
    // some other legacy encoding we would only turn into mojibake.
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    if high * 20 <= bytes.len() {
        if let Ok(text) = strict(WINDOWS_1252, bytes) {
            let note = "the seed is not UTF-8; it was read as Windows-1252 (Western European)";
            return Ok((text, Some(note.to_string())));
        }
    }
    Err(SeedError::Undecodable)
}

/// Whether `bytes` hold at least one valid multi-byte UTF-8 character.
fn has_utf8_characters(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii())
}

/// Each line as UTF-8, or else as EUC-KR when that gives Korean text; a
/// line that is neither is an error naming it and its bytes.
fn by_line(bytes: &[u8]) -> Result<(String, Option<String>), SeedError> {
    let mut text = String::with_capacity(bytes.len());
    let mut korean = Vec::new();
    for (n, line) in bytes.split_inclusive(|b| *b == b'\n').enumerate() {
        if let Ok(line) = std::str::from_utf8(line) {
            text.push_str(line);
            continue;
        }
        match strict(EUC_KR, line) {
            Ok(decoded) if mostly_hangul(&decoded) => {
                text.push_str(&decoded);
                korean.push(n + 1);
            }
            _ => {
                return Err(SeedError::MixedLine {
                    line: n + 1,
                    bytes: bad_bytes(line),
                })
            }
        }
    }
    let lines: Vec<String> = korean.iter().map(usize::to_string).collect();
    let note = format!(
        "the seed mixes encodings: line{} {} read as EUC-KR/CP949, the rest as UTF-8",
        if lines.len() == 1 { "" } else { "s" },
        lines.join(", ")
    );
    Ok((text, Some(note)))
}

/// The first bytes of `line` that are not UTF-8, as `e9 20 62`.
fn bad_bytes(line: &[u8]) -> String {
    let valid = line
        .utf8_chunks()
        .next()
        .map_or(0, |chunk| chunk.valid().len());
    line[valid..]
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, SeedError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or(SeedError::Undecodable)
}

/// UTF-16 without a BOM: Latin text puts a zero in every other byte, on the
/// odd side for little-endian and the even side for big-endian.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let even_zero = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let clear = |hit: usize, miss: usize| hit * 10 >= pairs * 4 && miss * 20 <= pairs;
    if clear(odd_zero, even_zero) {
        Some(UTF_16LE)
    } else if clear(even_zero, odd_zero) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// EUC-KR decodes many random byte pairs into rare Hanja; real Korean text is
/// mostly Hangul syllables among its non-ASCII characters.
fn mostly_hangul(text: &str) -> bool {
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    let hangul = text.chars().filter(|c| hangul::is_hangul(*c)).count();
    non_ascii > 0 && hangul * 10 >= non_ascii * 7
}

/// More than a few C0 controls other than tab, line ends and form feed means
/// the "text" is really binary data that happened to decode.
fn has_binary_controls(text: &str) -> bool {
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .filter(|c| (*c as u32) < 0x80)
        .count();
    controls > 0 && controls * 100 >= text.chars().count().max(1)
}

/// CRLF and lone CR become LF; HTML character references a scrape left
/// ("R&amp;D", "&#8217;") become their characters; non-breaking and other
/// fixed-width spaces become plain spaces; zero-width characters, stray
/// BOMs and the few remaining control characters are dropped.
pub(crate) fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = block_tags_to_lines(&text);
    let text = decode_references(&text);
    text.chars()
        .filter_map(|c| match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2000}'..='\u{200a}' | '\u{3000}' => Some(' '),
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => None,
            '\t' | '\n' => Some(c),
            '\u{c}' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// HTML elements that break a text into blocks.
static BLOCK_TAGS: Words = word_list!("shared/block-tags.txt");

/// Longest tag with attributes worth reading as one (`<p class="lead">`).
const LONGEST_TAG: usize = 200;

/// `text` with the block tags a scrape kept ("…plant.</p><p>The firm…")
/// turned into line breaks, before character references are decoded, so
/// an escaped tag ("&lt;p&gt;") stays visible text. Other tags
/// ("<script>", "<2024 배터리 데이>") are left as written.
fn block_tags_to_lines(text: &str) -> std::borrow::Cow<'_, str> {
    let line_break = text
        .as_bytes()
        .windows(3)
        .any(|w| w.eq_ignore_ascii_case(b"<br"));
    if !text.contains("</") && !line_break {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(replace_each(text, '<', |rest| {
        block_tag_len(rest).map(|len| ('\n', len))
    }))
}

/// `text` with each piece that starts at `mark` and that `read` reads
/// (giving its character and length) replaced by that character; a mark
/// that starts no such piece stays as written.
fn replace_each(text: &str, mark: char, read: impl Fn(&str) -> Option<(char, usize)>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(mark) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match read(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push(mark);
                rest = &rest[mark.len_utf8()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length of the block tag `text` starts with: "<p>", "</div>",
/// "<br/>", `<p class="lead">`.
fn block_tag_len(text: &str) -> Option<usize> {
    let close = text[1..].find(['>', '<', '\n'])? + 1;
    if close > LONGEST_TAG || !text[close..].starts_with('>') {
        return None;
    }
    let inside = text[1..close].trim_start_matches('/').trim_end_matches('/');
    let name = inside.split(|c: char| c.is_whitespace()).next()?;
    BLOCK_TAGS
        .contains(&name.to_ascii_lowercase().as_str())
        .then_some(close + 1)
}

/// Named HTML character references and what each stands for.
static NAMED_REFERENCES: Pairs = word_list!(pairs "shared/html-entities.txt");

/// Longest reference inside worth looking up: names ("thinsp") and
/// numbers up to "#1114111".
const LONGEST_REFERENCE: usize = 8;

/// `text` with each HTML character reference ("&amp;", "&#8217;",
/// "&#x2019;") replaced by its character, once: "&amp;lt;" gives "&lt;".
/// An ampersand that starts no known reference stays as written.
fn decode_references(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(replace_each(text, '&', |rest| {
        // Only a few characters on: a lone "&" costs no scan of the rest.
        (rest[1..].char_indices())
            .take(LONGEST_REFERENCE + 2)
            .find(|&(_, c)| c == ';')
            .and_then(|(end, _)| Some((reference_char(&rest[1..=end])?, end + 2)))
    }))
}

/// The character of a reference's inside (`amp`, `#8217`, `#x2019`).
fn reference_char(inside: &str) -> Option<char> {
    let numeric = |digits: &str| {
        let code = match digits.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => digits.parse().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')
    };
    match inside.strip_prefix('#') {
        Some(digits) => numeric(digits),
        None => NAMED_REFERENCES
            .iter()
            .find(|(name, _)| *name == inside)
            .and_then(|(_, value)| match value.strip_prefix("&#") {
                Some(code) => numeric(code.strip_suffix(';')?),
                None => value.chars().next(),
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend_from_slice(if big_endian {
                &[0xfe, 0xff]
            } else {
                &[0xff, 0xfe]
            });
        }
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    fn text(bytes: &[u8]) -> String {
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.note, None);
        decoded.text
    }

    #[test]
    fn html_character_references_become_their_characters_once() {
        assert_eq!(
            normalize("R&amp;D at Hanul&rsquo;s lab &#8212; &#x201C;fast&#x201d;&nbsp;cells"),
            "R&D at Hanul\u{2019}s lab \u{2014} \u{201c}fast\u{201d} cells"
        );
        // Decoded once; a lone or unknown "&" and a bare "&#;" stay.
        assert_eq!(normalize("&amp;lt;b&amp;gt;"), "&lt;b&gt;");
        assert_eq!(
            normalize("AT&T & Co &foo; &#; &#xZZ; &#0; 5 &"),
            "AT&T & Co &foo; &#; &#xZZ; &#0; 5 &"
        );
        // Invisible ones go as their characters do.
        assert_eq!(normalize("bat&shy;tery&zwj;"), "battery");
    }

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(text(b"Battery day\n"), "Battery day\n");
        assert_eq!(text(b"\xef\xbb\xbfBattery day"), "Battery day");
    }

    #[test]
    fn decodes_utf16_both_orders_with_and_without_bom() {
        let text = "Cell maker 배터리 plans\n";
        for big_endian in [false, true] {
            assert_eq!(super::tests::text(&utf16(text, big_endian, true)), text);
            assert_eq!(super::tests::text(&utf16(text, big_endian, false)), text);
        }
    }

    #[test]
    fn decodes_euc_kr() {
        let (bytes, _, _) = EUC_KR.encode("이차전지 산업 발전 전략\nBattery");
        assert_eq!(text(&bytes), "이차전지 산업 발전 전략\nBattery");
    }

    #[test]
    fn decodes_sparse_windows_1252() {
        let bytes = b"Caf\xe9 owner opens a battery plant in the city centre.";
        let decoded = decode(bytes).unwrap();
        assert!(decoded.text.starts_with("Café"));
        assert!(decoded.note.unwrap().contains("Windows-1252"));
    }

    /// UTF-8 text with one line saved as EUC-KR: each line is read in its
    /// own encoding, nothing is garbled, and the note names the line.
    #[test]
    fn utf8_with_an_euc_kr_line_is_read_line_by_line() {
        let (korean, _, _) = EUC_KR.encode("배터리 공장 착공\n");
        let mut bytes = "Korea\u{2019}s cell makers — a report\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(&korean);
        bytes.extend_from_slice("The plant opens in 2026.\n".as_bytes());
        let decoded = decode(&bytes).unwrap();
        assert_eq!(
            decoded.text,
            "Korea\u{2019}s cell makers — a report\n배터리 공장 착공\nThe plant opens in 2026.\n"
        );
        assert_eq!(
            decoded.note.as_deref(),
            Some("the seed mixes encodings: line 2 read as EUC-KR/CP949, the rest as UTF-8")
        );
    }

    /// UTF-8 text with a line that is no encoding we read: an error naming
    /// the line and the bytes, never Windows-1252 mojibake.
    #[test]
    fn utf8_with_a_line_in_no_known_encoding_names_the_line_and_bytes() {
        let mut bytes = "Korea\u{2019}s plan\nsecond line\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"Caf\xe9 \xff\xfe opens\n");
        assert_eq!(
            decode(&bytes),
            Err(SeedError::MixedLine {
                line: 3,
                bytes: "e9 20 ff fe 20 6f 70 65".into()
            })
        );
        let message = decode(&bytes).unwrap_err().to_string();
        assert!(
            message.starts_with("line 3 is neither UTF-8 nor EUC-KR"),
            "{message}"
        );
    }

    #[test]
    fn normalizes_line_ends_and_spaces() {
        assert_eq!(normalize("a\r\nb\rc\u{a0}d\u{200b}e"), "a\nb\nc de");
    }

    #[test]
    fn block_tags_a_scrape_kept_break_lines_and_other_tags_stay_text() {
        assert_eq!(
            normalize("<article><p class=\"lead\">A plant.</p><p>The firm<br/>said.</P>"),
            "\n\nA plant.\n\nThe firm\nsaid.\n"
        );
        // Escaped, a tag is the story's text; other tags stay as written.
        assert_eq!(normalize("x &lt;p&gt; y</p>"), "x <p> y\n");
        assert_eq!(
            normalize("<script>a</script> <2024 배터리 데이> </p>"),
            "<script>a</script> <2024 배터리 데이> \n"
        );
    }

    #[test]
    fn rejects_empty_binary_undecodable_and_large() {
        assert_eq!(decode(b""), Err(SeedError::Empty));
        assert_eq!(decode(b" \n\xc2\xa0\n"), Err(SeedError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(SeedError::Binary)
        );
        let dense: Vec<u8> = (0..200u8).map(|i| 0x80 | (i % 0x7f)).collect();
        assert_eq!(decode(&dense), Err(SeedError::Undecodable));
        let large = vec![b'a'; MAX_SEED_BYTES + 1];
        assert!(matches!(decode(&large), Err(SeedError::TooLarge { .. })));
    }
}
