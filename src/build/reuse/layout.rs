//! The build record's text: a header of digests and counts, then one
//! line per input file (its bytes' digest, its front matter's or `-`, its
//! stamp's or `-`, its path), lower-case hex throughout.

use std::fmt::Write as _;

use super::{Digest, Inputs, Record, Source, FORMAT};

pub(super) fn format_record(record: &Record) -> String {
    let inputs = &record.inputs;
    let mut text = format!(
        "{FORMAT}\ninputs {}\nprogram {}\noutput {}\nfiles {}\narticles {}\n",
        hex(&inputs.digest),
        hex(&inputs.program),
        hex(&record.output),
        record.files,
        record.articles
    );
    // A name with a line break cannot be written one a line: no sources,
    // so the next build compares nothing file by file.
    if inputs.files.iter().all(|f| !f.path.contains('\n')) {
        for file in &inputs.files {
            push_hex(&mut text, &file.bytes);
            text.push(' ');
            for digest in [&file.front, &file.stamp] {
                match digest {
                    Some(digest) => push_hex(&mut text, digest),
                    None => text.push('-'),
                }
                text.push(' ');
            }
            let _ = writeln!(text, "{}", file.path);
        }
    }
    text
}

pub(super) fn parse_record(text: &str) -> Option<Record> {
    let mut lines = text.lines();
    if lines.next()? != FORMAT {
        return None;
    }
    let mut value = |key: &str| {
        let line = lines.next()?;
        line.strip_prefix(key)?
            .strip_prefix(' ')
            .map(str::to_string)
    };
    let digest = unhex(&value("inputs")?)?;
    let program = unhex(&value("program")?)?;
    let output = unhex(&value("output")?)?;
    let files = value("files")?.parse().ok()?;
    let articles = value("articles")?.parse().ok()?;
    let sources = lines
        .map(|line| {
            let (bytes, rest) = line.split_once(' ')?;
            let (front, rest) = rest.split_once(' ')?;
            let (stamp, path) = rest.split_once(' ')?;
            let optional = |text: &str| match text {
                "-" => Some(None),
                text => unhex(text).map(Some),
            };
            Some(Source {
                path: path.to_string(),
                bytes: unhex(bytes)?,
                front: optional(front)?,
                stamp: optional(stamp)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Record {
        inputs: Inputs {
            digest,
            program,
            files: sources,
        },
        output,
        files,
        articles,
    })
}

pub(super) fn hex(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(2 * bytes.len());
    push_hex(&mut text, bytes);
    text
}

/// Lower-case hex digits of `bytes` onto `text`. A record holds two
/// digests for each input: at 10,000 articles one `format!` a byte was
/// 390 million instructions on the main thread, at the end of the build.
fn push_hex(text: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
}

/// The digest [`push_hex`] wrote as `text`.
fn unhex(text: &str) -> Option<Digest> {
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let text = text.as_bytes();
    if text.len() != 64 {
        return None;
    }
    let mut digest = [0u8; 32];
    for (byte, pair) in digest.iter_mut().zip(text.chunks_exact(2)) {
        *byte = (nibble(pair[0])? << 4) | nibble(pair[1])?;
    }
    Some(digest)
}
