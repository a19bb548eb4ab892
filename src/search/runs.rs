//! Search terms' first cut: text → the runs of bytes words are made of
//! (ASCII letters and digits, and any byte beyond ASCII), told 64 bytes
//! at a time.
//!
//! Where a word ends decides where the next one is looked for; told a
//! word at a time, that is a chain of dependent steps per word. Told as
//! bit masks of 64 bytes at once, a run's ends are the masks' set bits,
//! and the work on one word does not wait on the one before it.

use std::ops::Range;

use super::{HIGH, ONES};

/// Bytes told at once: one bit each in a `u64`.
const BLOCK: usize = 64;

/// Each maximal run of ASCII letters and digits and bytes beyond ASCII in
/// `bytes`, in order, with whether it holds a byte beyond ASCII.
pub(crate) fn runs(bytes: &[u8]) -> Runs<'_> {
    Runs {
        bytes,
        base: 0,
        edges: 0,
        high: 0,
        carried: 0,
        start: 0,
        before: 0,
        inside: false,
        beyond: false,
    }
}

/// The runs of a text as [`runs`] finds them, a block at a time.
pub(crate) struct Runs<'b> {
    bytes: &'b [u8],
    /// Where the next block begins.
    base: usize,
    /// Bit `i` set where byte `i` of the block before `base` begins a run
    /// or ends one, those not yet taken.
    edges: u64,
    /// That block's bytes beyond ASCII, one bit each.
    high: u64,
    /// That block's last byte, as a run's bit.
    carried: u64,
    /// Where the open run began, if `inside` one.
    start: usize,
    /// The bits of the block's bytes before it, when it began there.
    before: u64,
    inside: bool,
    /// Whether the part of the open run in earlier blocks holds a byte
    /// beyond ASCII.
    beyond: bool,
}

impl Iterator for Runs<'_> {
    type Item = (Range<usize>, bool);

    #[inline(always)]
    fn next(&mut self) -> Option<(Range<usize>, bool)> {
        loop {
            // The block just told starts here.
            let base = self.base.wrapping_sub(BLOCK);
            while self.edges != 0 {
                // The edge's bit, and the bits of the bytes before it
                // (masks, not shifts by a count: cheaper).
                let edge = self.edges & self.edges.wrapping_neg();
                self.edges ^= edge;
                let at = base.wrapping_add(edge.trailing_zeros() as usize);
                self.inside = !self.inside;
                if self.inside {
                    (self.start, self.before) = (at, edge - 1);
                    continue;
                }
                let ascii = self.high & (edge - 1) & !self.before == 0;
                let beyond = std::mem::take(&mut self.beyond) || !ascii;
                return Some((self.start..at, beyond));
            }
            if self.inside {
                self.beyond |= self.high & !self.before != 0;
                self.before = 0;
            }
            if self.base >= self.bytes.len() {
                // The last run, when it reaches the end.
                return std::mem::take(&mut self.inside)
                    .then_some((self.start..self.bytes.len(), self.beyond));
            }
            let (word, high) = masks(self.bytes, self.base);
            self.edges = word ^ ((word << 1) | self.carried);
            self.carried = word >> (BLOCK - 1);
            self.high = high;
            self.base += BLOCK;
        }
    }
}

/// The bytes from `at` of `bytes` as run bits (ASCII letters, digits and
/// bytes beyond ASCII) and beyond-ASCII bits, one per byte; none past
/// the end.
#[inline(always)]
fn masks(bytes: &[u8], at: usize) -> (u64, u64) {
    let mut block = [0u8; BLOCK];
    let block: &[u8; BLOCK] = match bytes[at..].first_chunk::<BLOCK>() {
        Some(whole) => whole,
        None => {
            let rest = &bytes[at..];
            block[..rest.len()].copy_from_slice(rest);
            &block
        }
    };
    let (mut word, mut high) = (0, 0);
    for (n, sixteen) in block.chunks_exact(16).enumerate() {
        let (w, h) = sixteen_masks(sixteen.try_into().expect("16 bytes"));
        word |= w << (16 * n);
        high |= h << (16 * n);
    }
    (word, high)
}

/// [`masks`] of sixteen bytes, told with SSE2 (which every x86-64 has):
/// one instruction looks at all sixteen.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn sixteen_masks(bytes: &[u8; 16]) -> (u64, u64) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_set_epi64x, _mm_sub_epi8,
    };
    let half = |at: usize| i64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    // SAFETY: these take no pointer; they need SSE2 only, which this
    // target has (the `cfg` above).
    unsafe {
        let v = _mm_set_epi64x(half(8), half(0));
        // Bytes of `x` from `first` to `first + span`, as bytes of ones:
        // there only is `x - first`, wrapping, at most `span`.
        let within = |x: __m128i, first: u8, span: u8| {
            let off = _mm_sub_epi8(x, _mm_set1_epi8(first as i8));
            _mm_cmpeq_epi8(_mm_min_epu8(off, _mm_set1_epi8(span as i8)), off)
        };
        let letter = within(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 25);
        let digit = within(v, b'0', 9);
        // Each byte's high bit: set in bytes beyond ASCII.
        let high = _mm_movemask_epi8(v) as u16;
        let ascii_word = _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u16;
        (u64::from(ascii_word | high), u64::from(high))
    }
}

/// [`masks`] of sixteen bytes, eight at a time.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
fn sixteen_masks(bytes: &[u8; 16]) -> (u64, u64) {
    swar_masks(bytes)
}

/// [`masks`] of sixteen bytes, eight at a time in a `u64`.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
#[inline(always)]
fn swar_masks(bytes: &[u8; 16]) -> (u64, u64) {
    let (mut word, mut high) = (0, 0);
    for (n, eight) in bytes.chunks_exact(8).enumerate() {
        let chunk = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
        let beyond = chunk & HIGH;
        word |= bits(ascii_word_bytes(chunk) | beyond) << (8 * n);
        high |= bits(beyond) << (8 * n);
    }
    (word, high)
}

/// The high bits of a number's eight bytes (little-endian) as the low
/// eight bits: each lands on its own bit of the product's top byte.
#[inline(always)]
fn bits(highs: u64) -> u64 {
    ((highs >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// The eight bytes of `bytes` from `at` as one little-endian number,
/// zeros past the end.
#[inline(always)]
pub(crate) fn eight(bytes: &[u8], at: usize) -> u64 {
    match bytes[at..].first_chunk::<8>() {
        Some(eight) => u64::from_le_bytes(*eight),
        None => {
            let mut eight = [0u8; 8];
            eight[..bytes.len() - at].copy_from_slice(&bytes[at..]);
            u64::from_le_bytes(eight)
        }
    }
}

/// The high bit of each byte of `chunk` (little-endian) that is an ASCII
/// letter or digit, all eight told at once: on 7-bit lanes, adding a
/// constant sets a lane's high bit from a bound on, with no carry out.
#[inline]
pub(crate) fn ascii_word_bytes(chunk: u64) -> u64 {
    let ascii = !chunk & HIGH;
    let low = chunk & !HIGH;
    let from = |x: u64, bound: u8| x.wrapping_add(ONES * u64::from(0x80 - bound)) & HIGH;
    let within = |x: u64, first: u8, last: u8| from(x, first) & !from(x, last + 1);
    let digit = within(low, b'0', b'9');
    let letter = within(low | (ONES * 0x20), b'a', b'z');
    (digit | letter) & ascii
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> Vec<(Range<usize>, bool)> {
        runs(bytes).collect()
    }

    /// The runs told a byte at a time.
    fn plain(bytes: &[u8]) -> Vec<(Range<usize>, bool)> {
        let in_run = |b: &u8| b.is_ascii_alphanumeric() || !b.is_ascii();
        let mut found = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if !in_run(&bytes[at]) {
                at += 1;
                continue;
            }
            let len = bytes[at..].iter().take_while(|b| in_run(b)).count();
            let run = &bytes[at..at + len];
            found.push((at..at + len, run.iter().any(|b| !b.is_ascii())));
            at += len;
        }
        found
    }

    #[test]
    fn eight_bytes_at_once_are_told_as_one_at_a_time() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                for fill in [b'a', b' ', 0xc3] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let told = ascii_word_bytes(u64::from_le_bytes(bytes));
                    for (i, &byte) in bytes.iter().enumerate() {
                        let high = told >> (8 * i + 7) & 1 == 1;
                        assert_eq!(high, byte.is_ascii_alphanumeric(), "{bytes:?} at {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_byte_in_a_run_or_not_is_one_bit() {
        for lane in 0..8 {
            let mut highs = [0u8; 8];
            highs[lane] = 0x80;
            assert_eq!(bits(u64::from_le_bytes(highs)), 1 << lane);
        }
        assert_eq!(bits(HIGH), 0xff);
    }

    #[test]
    fn sixteen_bytes_are_told_alike_by_either_way() {
        for b in 0..=255u8 {
            for lane in 0..16 {
                for fill in [b'a', b' ', 0xc3, b'Z', b'0'] {
                    let mut bytes = [fill; 16];
                    bytes[lane] = b;
                    let (word, high) = sixteen_masks(&bytes);
                    assert_eq!((word, high), swar_masks(&bytes), "{bytes:?}");
                    let in_run = b.is_ascii_alphanumeric() || !b.is_ascii();
                    assert_eq!(word >> lane & 1 == 1, in_run, "{b} at {lane}");
                    assert_eq!(high >> lane & 1 == 1, !b.is_ascii(), "{b} at {lane}");
                }
            }
        }
    }

    #[test]
    fn runs_are_found_across_blocks_as_a_byte_at_a_time() {
        // Pieces that make and break runs, some beyond ASCII, in texts of
        // every length around one and two blocks, runs crossing them.
        let pieces: [&[u8]; 8] = [
            b"a",
            b"Z9",
            b" ",
            b"-",
            "\u{e9}".as_bytes(),
            b"wxyz",
            b"\n\n",
            "\u{2014}".as_bytes(),
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for n in 0..6000 {
            let mut text = Vec::new();
            while text.len() < n % 150 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let piece = pieces[(state % pieces.len() as u64) as usize];
                // Now and then a long run, to cross a block whole.
                let times = if state.is_multiple_of(17) { 70 } else { 1 };
                for _ in 0..times {
                    text.extend_from_slice(piece);
                }
            }
            assert_eq!(
                all(&text),
                plain(&text),
                "{:?}",
                String::from_utf8_lossy(&text)
            );
        }
    }

    #[test]
    fn a_text_that_is_one_run_or_none_is_told_whole() {
        for len in [0, 1, 63, 64, 65, 128, 200] {
            let word = vec![b'x'; len];
            let expected = if len == 0 {
                vec![]
            } else {
                vec![(0..len, false)]
            };
            assert_eq!(all(&word), expected);
            assert_eq!(all(&vec![b' '; len]), []);
        }
    }
}
