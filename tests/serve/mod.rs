//! `briefing serve`: HTTP, path safety, incremental rebuilds, live reload,
//! and a real browser.

mod browser;
mod browser_search;
mod cache;
mod client;
mod http;
mod incremental;
mod live;
mod search;
pub(crate) mod site;
mod traversal;
