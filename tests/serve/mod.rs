//! `briefing serve`: HTTP, path safety, incremental rebuilds, live reload,
//! and a real browser.

mod browser;
mod client;
mod http;
mod incremental;
mod live;
pub(crate) mod site;
mod traversal;
