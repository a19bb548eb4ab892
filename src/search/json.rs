//! JSON written by hand for the index's big files (each article's text,
//! the shards' millions of numbers), byte for byte as `serde_json` writes
//! it: strings are scanned eight bytes at a time for the few bytes that
//! need escaping, instead of a byte at a time.

use super::{HIGH, ONES};

/// `text` as a JSON string, quoted and escaped as `serde_json` does:
/// `"` and `\`, the control characters with a short escape as that
/// (`\n`), the others as `\u00XX`; everything else as it is.
pub(crate) fn string(json: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    json.reserve(bytes.len() + 2);
    json.push(b'"');
    // Bytes from `done` on are still to be copied; `at` is where the scan is.
    let (mut done, mut at) = (0, 0);
    while let Some(sixteen) = bytes[at..].first_chunk::<16>() {
        let (low, high) = sixteen.split_at(8);
        let low = escapes(u64::from_le_bytes(low.try_into().expect("8 bytes")));
        let high = escapes(u64::from_le_bytes(high.try_into().expect("8 bytes")));
        if low | high == 0 {
            at += 16;
            continue;
        }
        let flags = if low != 0 {
            low
        } else {
            at += 8;
            high
        };
        // The lowest flag is exact (a false one can only follow a true one).
        at += (flags.trailing_zeros() / 8) as usize;
        if let Some(escape) = escape(bytes[at]) {
            json.extend_from_slice(&bytes[done..at]);
            escape.write(json);
            done = at + 1;
        }
        at += 1;
    }
    for (i, &b) in bytes.iter().enumerate().skip(at) {
        if let Some(escape) = escape(b) {
            json.extend_from_slice(&bytes[done..i]);
            escape.write(json);
            done = i + 1;
        }
    }
    json.extend_from_slice(&bytes[done..]);
    json.push(b'"');
}

/// The high bit of the bytes of `chunk` (little-endian) that are `"`, `\`
/// or below 0x20, by the classic any-byte-zero test, `(x - 0x01…) & !x &
/// 0x80…`, its three forms sharing one `!x` (an ASCII byte keeps its high
/// bit clear under each subtraction unless it is one of those): exact up
/// to the first such byte, maybe not after it.
#[inline]
fn escapes(chunk: u64) -> u64 {
    let quote = (chunk ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let backslash = (chunk ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    let control = chunk.wrapping_sub(ONES * 0x20);
    (quote | backslash | control) & !chunk & HIGH
}

enum Escape {
    Short(u8),
    Unicode(u8),
}

impl Escape {
    fn write(self, json: &mut Vec<u8>) {
        match self {
            Escape::Short(c) => json.extend_from_slice(&[b'\\', c]),
            Escape::Unicode(b) => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let digits = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]];
                json.extend_from_slice(b"\\u00");
                json.extend_from_slice(&digits);
            }
        }
    }
}

/// How `b` is written in a JSON string, when not as itself.
fn escape(b: u8) -> Option<Escape> {
    Some(match b {
        b'"' | b'\\' => Escape::Short(b),
        b'\x08' => Escape::Short(b'b'),
        b'\x0c' => Escape::Short(b'f'),
        b'\n' => Escape::Short(b'n'),
        b'\r' => Escape::Short(b'r'),
        b'\t' => Escape::Short(b't'),
        0..=0x1f => Escape::Unicode(b),
        _ => return None,
    })
}

/// `n` in decimal into the start of `out`, without the formatting
/// machinery (shards are millions of numbers); how many bytes it took.
/// `out` holds ten bytes at least when `n` may be that long.
#[inline]
pub(crate) fn digits(out: &mut [u8], n: u32) -> usize {
    // Most are scores and gaps of one or two digits.
    if n < 10 {
        out[0] = b'0' + n as u8;
        return 1;
    }
    if n < 100 {
        out[..2].copy_from_slice(&[b'0' + (n / 10) as u8, b'0' + (n % 10) as u8]);
        return 2;
    }
    let len = n.ilog10() as usize + 1;
    let mut rest = n;
    for at in (0..len).rev() {
        out[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        let mut json = Vec::new();
        string(&mut json, text);
        String::from_utf8(json).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0..128u8).map(char::from).collect();
        assert_eq!(
            written(&every_ascii),
            serde_json::to_string(&every_ascii).unwrap()
        );
        // Specials at every offset of a chunk and across chunk ends.
        let pieces = ["a", "\"", "\\", "\n", "\u{1}", "é", "삼", "\u{7f}", "xyz"];
        for length in 0..24 {
            for shift in 0..pieces.len() {
                let text: String = (0..length)
                    .map(|i| pieces[(i * 7 + shift) % pieces.len()])
                    .collect();
                assert_eq!(written(&text), serde_json::to_string(&text).unwrap());
            }
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 999, 1000, 65_535, 4_294_967_295] {
            let mut out = [b'x'; 11];
            let len = digits(&mut out, n);
            assert_eq!(&out[..len], n.to_string().as_bytes());
            assert!(out[len..].iter().all(|&b| b == b'x'), "{n}: nothing after");
        }
    }
}
