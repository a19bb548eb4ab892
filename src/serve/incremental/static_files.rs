//! Changed static files: each re-read alone (a whole folder that came,
//! went or was renamed: all of them again); gives back the output paths
//! whose bytes changed.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::Session;
use crate::build;
use crate::serve::snapshot::Files;
use crate::serve::statics;

impl Session {
    pub(super) fn update_statics(&mut self, keys: &BTreeSet<String>) -> Vec<String> {
        let Some(site) = &self.site else {
            return Vec::new();
        };
        let dirs = build::static_dirs(&self.root, &site.library.config.theme);
        let files = Arc::make_mut(&mut self.statics);
        let mut changed = Vec::new();
        for key in keys {
            let on_disk = dirs.iter().any(|d| d.join(key).is_dir());
            let had_children = files.keys().any(|k| k.starts_with(&format!("{key}/")));
            if on_disk || had_children {
                // A folder came, went or was renamed: read them all again.
                let fresh = statics::load(&self.root, &site.library.config.theme);
                changed.extend(diff_keys(files, &fresh));
                *files = fresh;
            } else if statics::update(files, &self.root, &dirs, key) {
                changed.push(key.clone());
            }
        }
        changed
    }
}

/// Keys added, removed or changed between two file maps.
pub(super) fn diff_keys(old: &Files, new: &Files) -> Vec<String> {
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(k, v)| old.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    changed.extend(old.keys().filter(|k| !new.contains_key(*k)).cloned());
    changed
}
