//! Seeds in every encoding we accept decode to the same article; seeds we
//! cannot read are reported by name while the others are still ingested.

use briefing::diag::Severity;
use encoding_rs::{EUC_KR, UTF_16BE, UTF_16LE};

use super::Site;

const PAGE: &str = "배터리 공장 준공\r\nDate 2024-05-01\r\n정부는 월요일에 새 배터리 공장을 열었다.\r\nThe plant\u{a0}makes cells for cars.\r\n";

fn body_of(bytes: Vec<u8>) -> String {
    let site = Site::new();
    site.seed("a.txt", bytes);
    let report = site.ingest();
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    site.only_article().1
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let encoding = if big_endian { UTF_16BE } else { UTF_16LE };
    let mut bytes = if bom {
        if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        }
    } else {
        vec![]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    assert_eq!(
        encoding
            .decode_without_bom_handling(&bytes[if bom { 2 } else { 0 }..])
            .0,
        text
    );
    bytes
}

#[test]
fn every_encoding_gives_the_same_article() {
    let expected = body_of(PAGE.as_bytes().to_vec());
    assert!(
        expected.contains("정부는 월요일에 새 배터리 공장을 열었다."),
        "{expected}"
    );
    assert!(
        expected.contains("The plant makes cells for cars."),
        "NBSP normalized: {expected:?}"
    );
    assert!(!expected.contains('\r'));
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(PAGE.as_bytes());
    let plain = PAGE.replace('\u{a0}', " ");
    let (euc_kr, _, unmappable) = EUC_KR.encode(&plain);
    assert!(!unmappable);
    for (name, bytes) in [
        ("utf-8 bom", with_bom),
        ("utf-16le bom", utf16(PAGE, false, true)),
        ("utf-16be bom", utf16(PAGE, true, true)),
        ("utf-16le", utf16(PAGE, false, false)),
        ("utf-16be", utf16(PAGE, true, false)),
        ("euc-kr", euc_kr.into_owned()),
    ] {
        assert_eq!(body_of(bytes), expected, "{name}");
    }
}

#[test]
fn unreadable_seeds_are_named_and_the_others_still_ingested() {
    let site = Site::new();
    site.seed("good.txt", PAGE);
    site.seed("empty.txt", "");
    site.seed("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    site.seed(
        "unknown.txt",
        (0..300u32)
            .map(|i| 0x80 | (i % 0x7f) as u8)
            .collect::<Vec<u8>>(),
    );
    site.seed("large.txt", vec![b'a'; 2 * 1024 * 1024 + 1]);
    let report = site.ingest();
    assert_eq!(site.articles().len(), 1);
    assert_eq!(report.written.len(), 1);
    let mut named: Vec<(String, String)> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.path.display().to_string(), d.message.clone()))
        .collect();
    named.sort();
    let paths: Vec<&str> = named.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "seeds/binary.txt",
            "seeds/empty.txt",
            "seeds/large.txt",
            "seeds/unknown.txt"
        ]
    );
    for (path, message) in &named {
        assert!(message.contains(path.as_str()), "{message}");
    }
    assert!(
        named[0].1.contains("binary")
            && named[1].1.contains("empty")
            && named[2].1.contains("2 MiB")
    );
}

/// A UTF-8 seed with one line pasted from an EUC-KR page: read line by
/// line, so neither the UTF-8 nor the Korean text is garbled, with a
/// warning naming the seed and the line. Never Windows-1252 mojibake.
#[test]
fn a_seed_mixing_utf8_and_euc_kr_is_read_line_by_line_and_named() {
    let site = Site::new();
    let (korean, _, _) = EUC_KR.encode("정부는 새 배터리 공장을 열었다.\n");
    let mut bytes = "Korea\u{2019}s new plant\nDate 2024-05-01\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(&korean);
    bytes.extend_from_slice("The plant makes cells for cars.\n".as_bytes());
    site.seed("mixed.txt", bytes);
    let report = site.ingest();
    let warnings: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "ingest/encoding")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        warnings,
        ["seeds/mixed.txt: the seed mixes encodings: line 3 read as EUC-KR/CP949, the rest as UTF-8"]
    );
    let (_, body) = site.only_article();
    assert!(body.contains("정부는 새 배터리 공장을 열었다."), "{body}");
    let all = &site.articles()[0].1;
    assert!(
        all.contains("Korea\u{2019}s") && !all.contains("â€"),
        "{all}"
    );
}

/// A line in no encoding we read: an error naming the seed, the line and
/// its bytes; no article from it, the other seeds still ingested.
#[test]
fn a_seed_with_a_line_in_no_known_encoding_is_an_error_naming_the_line() {
    let site = Site::new();
    site.seed("good.txt", PAGE);
    let mut bytes = "Korea\u{2019}s new plant\nDate 2024-05-01\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"Caf\xe9 \xff opens\n");
    site.seed("bad.txt", bytes);
    let report = site.ingest();
    assert_eq!(report.written.len(), 1);
    let errors: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        errors,
        ["seeds/bad.txt: line 3 is neither UTF-8 nor EUC-KR/CP949 (bytes e9 20 ff 20 6f 70 65 6e); the rest of the seed is UTF-8"]
    );
}
