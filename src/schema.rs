//! JSON Schemas of the front matter and of `site.yaml`, for editors.
//!
//! Generated from the Rust types with schemars, so the schema and the
//! parser can never disagree; committed under `schemas/` so
//! yaml-language-server can use them without running the binary. A test
//! fails when a committed file is stale; `briefing schema --write` (or
//! `UPDATE_SCHEMAS=1 cargo test`) regenerates them.

use std::path::{Path, PathBuf};

use schemars::{generate::SchemaSettings, JsonSchema};

use crate::config::SiteConfig;
use crate::content::front_matter::{
    ArticleFrontMatter, OrganizationFrontMatter, PageFrontMatter, PlaceFrontMatter,
    TopicFrontMatter,
};

/// Folder of the committed schemas, relative to the repository root.
pub const SCHEMA_DIR: &str = "schemas";

/// Every schema: its file name under `schemas/` and its JSON text.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        (
            "article.schema.json",
            generate::<ArticleFrontMatter>("Article front matter (content/articles/*.md)"),
        ),
        (
            "organization.schema.json",
            generate::<OrganizationFrontMatter>(
                "Organization front matter (content/organizations/*.md)",
            ),
        ),
        (
            "topic.schema.json",
            generate::<TopicFrontMatter>("Topic front matter (content/topics/*.md)"),
        ),
        (
            "place.schema.json",
            generate::<PlaceFrontMatter>("Place front matter (content/places/*.md)"),
        ),
        (
            "page.schema.json",
            generate::<PageFrontMatter>("Page front matter (content/pages/*.md)"),
        ),
        (
            "site.schema.json",
            generate::<SiteConfig>("Site config (site.yaml)"),
        ),
    ]
}

fn generate<T: JsonSchema>(title: &str) -> String {
    // Describe what is read (deserialized), which is what contributors write.
    let generator = SchemaSettings::draft07().for_deserialize().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    let mut text = serde_json::to_string_pretty(&schema).expect("schemas serialize");
    text.push('\n');
    text
}

/// Write every schema under `root/schemas/`; gives back the files written.
pub fn write(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let dir = root.join(SCHEMA_DIR);
    std::fs::create_dir_all(&dir)
        .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    let mut written = Vec::new();
    for (name, text) in all() {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_schema_rejects_unknown_fields_and_knows_dates() {
        let (_, text) = &all()[0];
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(value["additionalProperties"], false);
        assert!(value["required"]
            .as_array()
            .unwrap()
            .contains(&"title".into()));
        assert!(text.contains("PartialDate"), "{text}");
    }
}
