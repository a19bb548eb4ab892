//! Check stage helper: the near-duplicate test's hashes.
//!
//! Takes an article body; gives back the hashes of its word 5-shingles
//! and their MinHash signature (one-permutation hashing), and the exact
//! Jaccard similarity of two shingle sets.

use super::{BANDS, MIN_WORDS, ROWS, SHINGLE};

/// Sorted, distinct hashes of the body's lowercase word 5-grams.
pub(super) fn shingle(body: &str) -> Vec<u64> {
    let words = word_hashes(body);
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let mut hashes: Vec<u64> = words.windows(SHINGLE).map(window_hash).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// A hash of each lowercase word (a run of alphanumeric characters), in
/// order. Each word is hashed once, not once per window it is in, and an
/// ASCII word (most of them) without a lowercase copy.
fn word_hashes(body: &str) -> Vec<u64> {
    let bytes = body.as_bytes();
    let mut hashes = Vec::with_capacity(bytes.len() / 6);
    let (mut i, mut start, mut ascii) = (0, None, true);
    while i < bytes.len() {
        let (alphanumeric, len) = match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => {
                let c = body[i..].chars().next().unwrap_or_default();
                (c.is_alphanumeric(), c.len_utf8())
            }
        };
        match (alphanumeric, start) {
            (true, None) => (start, ascii) = (Some(i), len == 1),
            (true, Some(_)) => ascii &= len == 1,
            (false, Some(from)) => {
                hashes.push(word_hash(&body[from..i], ascii));
                start = None;
            }
            (false, None) => {}
        }
        i += len;
    }
    if let Some(from) = start {
        hashes.push(word_hash(&body[from..], ascii));
    }
    hashes
}

/// FNV-1a over the lowercase word's bytes, then mixed; a word beyond ASCII
/// is lowercased whole (`str::to_lowercase` knows a final sigma).
fn word_hash(word: &str, ascii: bool) -> u64 {
    let fnv = |hash: u64, byte: u8| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    let hash = match ascii {
        true => word
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325, |h, b| fnv(h, b.to_ascii_lowercase())),
        false => word.to_lowercase().bytes().fold(0xcbf2_9ce4_8422_2325, fnv),
    };
    mix(hash)
}

/// One window's hash from its words' hashes, order-sensitive (each word
/// rotated by its place).
fn window_hash(words: &[u64]) -> u64 {
    mix(words.iter().fold(0, |h, &w| h.rotate_left(23) ^ w))
}

/// Bits of a shingle hash that choose its bin of the signature.
const BIN_BITS: u32 = (BANDS * ROWS).trailing_zeros();
/// Marks a bin filled by the fallback for a bin no shingle fell in.
const EMPTY_BIN: u64 = 1 << 63;

/// MinHash signature by one-permutation hashing: the shingle hashes are
/// spread over `BANDS * ROWS` bins by their top bits, and each bin keeps
/// its smallest hash (one pass, where a hash per bin per shingle cost
/// `BANDS * ROWS` mixes a shingle). Two bodies' bins agree with
/// probability about their Jaccard similarity, as with one hash per bin.
/// A bin no shingle fell in (a short body) takes the smallest of a
/// seeded mix of every shingle instead, marked so it never equals a
/// filled bin: two bodies with that bin empty then agree with probability
/// their similarity too.
pub(super) fn signature(shingles: &[u64]) -> Vec<u64> {
    let mut bins = vec![u64::MAX; BANDS * ROWS];
    for &s in shingles {
        let bin = (s >> (64 - BIN_BITS)) as usize;
        bins[bin] = bins[bin].min(s & (u64::MAX >> BIN_BITS));
    }
    for (k, bin) in bins.iter_mut().enumerate() {
        if *bin == u64::MAX {
            let seed = (k as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let smallest = shingles.iter().map(|&s| mix(s ^ seed)).min();
            *bin = EMPTY_BIN | smallest.unwrap_or(u64::MAX) >> 1;
        }
    }
    bins
}

/// splitmix64 finalizer: a cheap, well-spread permutation of `u64`.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Exact Jaccard similarity of two sorted, distinct hash lists.
pub(super) fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize, salt: &str) -> String {
        (0..n)
            .map(|i| format!("w{i}{salt}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Case and the characters between words do not count; a changed
    /// word changes exactly the five windows it is in.
    #[test]
    fn shingles_are_the_lowercase_word_windows() {
        let body = words(30, "");
        let shouted = body.to_uppercase().replace(' ', " — ");
        assert_eq!(shingle(&body), shingle(&shouted));
        let greek = format!("{body} ΣΟΦΊΑ ΟΔΌΣ");
        assert_eq!(shingle(&greek), shingle(&greek.to_lowercase()));
        let edited = body.replace("w15 ", "x15 ");
        let (a, b) = (shingle(&body), shingle(&edited));
        assert_eq!(a.len(), 26);
        let kept = a.iter().filter(|h| b.binary_search(h).is_ok()).count();
        assert_eq!(kept, 26 - SHINGLE);
    }

    /// Every bin of a long body is its own smallest hash; a short body's
    /// empty bins are filled, marked, and the same for the same shingles.
    #[test]
    fn signature_bins_hold_their_smallest_hash() {
        let long = shingle(&words(3000, ""));
        let bins = signature(&long);
        for &s in &long {
            let bin = (s >> (64 - BIN_BITS)) as usize;
            assert!(bins[bin] <= s & (u64::MAX >> BIN_BITS));
        }
        assert!(bins.iter().all(|&b| b & EMPTY_BIN == 0));
        let short = shingle(&words(25, ""));
        let sig = signature(&short);
        assert!(sig.iter().any(|&b| b & EMPTY_BIN != 0));
        assert_eq!(sig, signature(&short));
        assert_ne!(sig, signature(&shingle(&words(25, "y"))));
    }

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert!(shingle("too short").is_empty());
    }
}
