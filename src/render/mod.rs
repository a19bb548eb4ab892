//! Render stage: the library becomes pages (HTML, feeds, sitemap).

pub mod highlight;
pub mod markdown;
