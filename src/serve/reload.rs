//! Serve stage, live reload: the event stream and the script pages carry.
//!
//! Takes the outcome of each rebuild; gives back Server-Sent Events to every
//! open page. The script ([`SCRIPT`]) is injected before `</body>` of every
//! HTML page in serve mode only (`RenderOptions::inject`), so `build` output
//! never contains it.
//!
//! # Endpoint and event format (stable: the benchmark listens to it)
//!
//! `GET /__briefing/events` (at the server root, whatever the base path),
//! `Content-Type: text/event-stream`. Each message is one SSE event whose
//! `data` is a single line of JSON:
//!
//! - `event: hello` on connect when the last rebuild succeeded:
//!   `{"build":N}`.
//! - `event: reload` after a rebuild changed pages (or cleared an error):
//!   `{"build":N,"changed":["articles/x/index.html",…],"changed_count":C,"elapsed_ms":F}`.
//!   `changed` lists at most 100 output paths; `elapsed_ms` is the time
//!   from the first file event of the batch to the event being sent.
//! - `event: css` after a rebuild that changed only stylesheets: same
//!   fields; the page swaps its stylesheets without reloading.
//! - `event: failed` after a rebuild failed, and on connect while the site
//!   is broken: `{"build":N,"text":"error[...]: …"}` (the diagnostics as the
//!   terminal shows them, without colour). The page shows an overlay and
//!   keeps the last good content underneath.
//!
//! A keep-alive comment is sent every 15 s.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use serde::Serialize;
use tokio::sync::{broadcast, watch};

use super::snapshot::Snapshot;

/// Path of the event stream.
pub(crate) const EVENTS_PATH: &str = "/__briefing/events";

/// The live-reload script injected into every page in serve mode.
pub(crate) const SCRIPT: &str = include_str!("reload.js");

/// Most output paths listed in one event.
const MAX_LISTED: usize = 100;

/// What happened in a rebuild, as pages are told.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub(crate) enum Message {
    /// Pages changed: reload, or swap stylesheets when `css` is true.
    Changed {
        /// Build number.
        build: u64,
        /// Changed output paths (at most 100).
        changed: Vec<String>,
        /// How many output paths changed in all.
        changed_count: usize,
        /// Milliseconds from the first file event to this message.
        elapsed_ms: f64,
        /// Only stylesheets changed.
        #[serde(skip)]
        css: bool,
    },
    /// The rebuild failed.
    Failed {
        /// Build number.
        build: u64,
        /// The diagnostics, as text.
        text: String,
    },
}

impl Message {
    /// A change message listing at most 100 of `changed`.
    pub(crate) fn changed(
        build: u64,
        mut changed: Vec<String>,
        elapsed: Duration,
        css: bool,
    ) -> Self {
        let changed_count = changed.len();
        changed.truncate(MAX_LISTED);
        Message::Changed {
            build,
            changed,
            changed_count,
            elapsed_ms: elapsed.as_secs_f64() * 1000.0,
            css,
        }
    }

    fn event(&self) -> Event {
        let name = match self {
            Message::Changed { css: true, .. } => "css",
            Message::Changed { .. } => "reload",
            Message::Failed { .. } => "failed",
        };
        let data = serde_json::to_string(self).unwrap_or_else(|_| "{}".into());
        Event::default().event(name).data(data)
    }
}

/// Shared between the rebuild thread and the HTTP handlers: the site being
/// served, the current failure if any, and the event channel.
pub(crate) struct Hub {
    snapshot: RwLock<Arc<Snapshot>>,
    failure: Mutex<Option<Message>>,
    sender: broadcast::Sender<Message>,
    shutdown: watch::Receiver<bool>,
}

impl Hub {
    /// A hub serving `snapshot`; event streams end when `shutdown` turns true.
    pub(crate) fn new(snapshot: Snapshot, shutdown: watch::Receiver<bool>) -> Hub {
        Hub {
            snapshot: RwLock::new(Arc::new(snapshot)),
            failure: Mutex::new(None),
            sender: broadcast::channel(64).0,
            shutdown,
        }
    }

    /// The site to answer from. The lock is held only to clone the `Arc`.
    pub(crate) fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.snapshot.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Serve `snapshot` from now on.
    pub(crate) fn publish(&self, snapshot: Snapshot) {
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
    }

    /// Tell every open page; a failure is also remembered for pages that
    /// connect later, a change clears it.
    pub(crate) fn send(&self, message: Message) {
        let mut failure = self.failure.lock().unwrap_or_else(|e| e.into_inner());
        *failure = matches!(message, Message::Failed { .. }).then(|| message.clone());
        // No receivers is fine: no page is open.
        let _ = self.sender.send(message);
    }

    /// Remember a failure without sending it (the first build, before any
    /// page is open).
    pub(crate) fn set_failure(&self, message: Option<Message>) {
        *self.failure.lock().unwrap_or_else(|e| e.into_inner()) = message;
    }

    fn greeting(&self) -> Event {
        let failure = self.failure.lock().unwrap_or_else(|e| e.into_inner());
        match &*failure {
            Some(message) => message.event(),
            None => Event::default()
                .event("hello")
                .data(format!("{{\"build\":{}}}", self.snapshot().build)),
        }
    }
}

/// `GET /__briefing/events`.
pub(crate) async fn events(
    State(hub): State<Arc<Hub>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let first = hub.greeting();
    let state = (hub.sender.subscribe(), hub.shutdown.clone(), Some(first));
    let stream = stream::unfold(state, |(mut rx, mut shutdown, first)| async move {
        if let Some(first) = first {
            return Some((Ok(first), (rx, shutdown, None)));
        }
        let event = tokio::select! {
            received = rx.recv() => match received {
                Ok(message) => Some(message.event()),
                // Missed some: a reload shows the current site anyway.
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    Some(Event::default().event("reload").data("{}"))
                }
                Err(broadcast::error::RecvError::Closed) => None,
            },
            // Ends the stream so a graceful shutdown does not wait on it.
            _ = shutdown.wait_for(|stop| *stop) => None,
        };
        event.map(|event| (Ok(event), (rx, shutdown, None)))
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_messages_list_at_most_100_paths() {
        let paths = (0..150).map(|i| format!("p{i}")).collect();
        let message = Message::changed(3, paths, Duration::from_millis(5), false);
        let json = serde_json::to_value(&message).unwrap();
        assert_eq!(json["changed"].as_array().unwrap().len(), 100);
        assert_eq!(json["changed_count"], 150);
        assert_eq!(json["build"], 3);
        assert!(json.get("css").is_none());
    }

    #[test]
    fn script_listens_to_every_event() {
        for name in ["reload", "css", "failed", "hello", EVENTS_PATH] {
            assert!(SCRIPT.contains(name), "{name}");
        }
        assert!(SCRIPT.starts_with("<script"));
    }
}
