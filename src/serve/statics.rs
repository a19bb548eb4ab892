//! Serve stage, static files: the theme's `static/`, then the site's.
//!
//! Takes the static folders in the order `build::static_dirs` gives (later
//! wins); gives back their files in memory by output path. Like
//! `output::commit`, symlinks are not followed, so nothing outside the
//! folders can be served through one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use super::snapshot::{Entry, Files};

/// Read every regular file under `dirs`.
pub fn load(dirs: &[PathBuf]) -> Files {
    let mut files = Files::new();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        for entry in WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let Some(key) = key(dir, entry.path()) else {
                continue;
            };
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    files.insert(key.clone(), Arc::new(Entry::new(&key, bytes)));
                }
                Err(err) => log::warn!("cannot read {}: {err}", entry.path().display()),
            }
        }
    }
    files
}

/// Re-read the file at output path `key` from the last folder that has it
/// as a regular file (not a symlink), or drop it. Returns whether the
/// served bytes changed.
pub fn update(files: &mut Files, dirs: &[PathBuf], key: &str) -> bool {
    let found = dirs.iter().rev().find_map(|dir| {
        let path = dir.join(key);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        meta.file_type()
            .is_file()
            .then(|| std::fs::read(&path).ok())
            .flatten()
    });
    match found {
        Some(bytes) => {
            let entry = Entry::new(key, bytes);
            let same = files.get(key).is_some_and(|old| **old == entry);
            if !same {
                files.insert(key.to_string(), Arc::new(entry));
            }
            !same
        }
        None => files.remove(key).is_some(),
    }
}

fn key(dir: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(dir).ok()?;
    let parts: Vec<&str> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_static_wins_and_symlinks_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let theme = dir.path().join("theme");
        let site = dir.path().join("site");
        std::fs::create_dir_all(theme.join("css")).unwrap();
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(theme.join("css/a.css"), "theme").unwrap();
        std::fs::write(theme.join("b.txt"), "b").unwrap();
        std::fs::create_dir_all(site.join("css")).unwrap();
        std::fs::write(site.join("css/a.css"), "site").unwrap();
        std::fs::write(dir.path().join("secret"), "secret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("secret"), site.join("leak")).unwrap();
        let dirs = vec![theme.clone(), site.clone()];
        let mut files = load(&dirs);
        assert_eq!(&files["css/a.css"].bytes[..], b"site");
        assert_eq!(&files["b.txt"].bytes[..], b"b");
        assert!(!files.contains_key("leak"));
        assert!(!update(&mut files, &dirs, "leak"));
        std::fs::remove_file(site.join("css/a.css")).unwrap();
        assert!(update(&mut files, &dirs, "css/a.css"));
        assert_eq!(&files["css/a.css"].bytes[..], b"theme");
        assert!(!update(&mut files, &dirs, "css/a.css"));
        std::fs::remove_file(theme.join("b.txt")).unwrap();
        assert!(update(&mut files, &dirs, "b.txt"));
        assert!(!files.contains_key("b.txt"));
    }
}
