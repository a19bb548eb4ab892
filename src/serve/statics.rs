//! Serve stage, static files: the theme's `static/`, then the site's.
//!
//! Takes the site root and theme; gives back the static files
//! (`build::static_files`: the theme's, then the site's, later wins) in
//! memory by output path. Like `build`, it reads through `sitefs`, so no
//! symlink can serve anything from outside the site.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::snapshot::{Entry, Files};
use crate::{build, limits, sitefs};

/// Read every static file of the site (`build::static_files`).
pub(crate) fn load(root: &Path, theme: &str) -> Files {
    let mut files = Files::new();
    for (key, path) in build::static_files(root, theme) {
        let relative = path.strip_prefix(root).unwrap_or(&path);
        match sitefs::read(root, relative, limits::STATIC_FILE_BYTES) {
            Ok(bytes) => {
                files.insert(key.clone(), Arc::new(Entry::new(&key, bytes)));
            }
            Err(err) => log::warn!("cannot read {}: {err}", relative.display()),
        }
    }
    files
}

/// Re-read the file at output path `key` from the last folder that has it
/// as a file inside the site, or drop it. Returns whether the served bytes
/// changed.
pub(crate) fn update(files: &mut Files, root: &Path, dirs: &[PathBuf], key: &str) -> bool {
    let found = dirs.iter().rev().find_map(|dir| {
        let path = dir.join(key);
        let relative = path.strip_prefix(root).unwrap_or(&path);
        sitefs::read(root, relative, limits::STATIC_FILE_BYTES).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_static_wins_and_symlinks_out_of_the_site_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let theme = root.join("themes/t/static");
        let site = root.join("static");
        std::fs::create_dir_all(theme.join("css")).unwrap();
        std::fs::write(theme.join("css/a.css"), "theme").unwrap();
        std::fs::write(theme.join("b.txt"), "b").unwrap();
        std::fs::create_dir_all(site.join("css")).unwrap();
        std::fs::write(site.join("css/a.css"), "site").unwrap();
        std::fs::write(dir.path().join("secret"), "secret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("secret"), site.join("leak")).unwrap();
        let dirs = build::static_dirs(&root, "t");
        let mut files = load(&root, "t");
        assert_eq!(&files["css/a.css"].bytes().unwrap()[..], b"site");
        assert_eq!(&files["b.txt"].bytes().unwrap()[..], b"b");
        assert!(!files.contains_key("leak"));
        assert!(!update(&mut files, &root, &dirs, "leak"));
        std::fs::remove_file(site.join("css/a.css")).unwrap();
        assert!(update(&mut files, &root, &dirs, "css/a.css"));
        assert_eq!(&files["css/a.css"].bytes().unwrap()[..], b"theme");
        assert!(!update(&mut files, &root, &dirs, "css/a.css"));
        std::fs::remove_file(theme.join("b.txt")).unwrap();
        assert!(update(&mut files, &root, &dirs, "b.txt"));
        assert!(!files.contains_key("b.txt"));
    }
}
