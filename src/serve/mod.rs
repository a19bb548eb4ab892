//! `briefing serve`: build into memory, serve on loopback, watch, rebuild
//! what changed, live-reload the browser.
//!
//! Takes [`ServeOptions`]; gives back a running [`Server`] (three threads:
//! the tokio runtime serving HTTP, the watcher's debouncer, and one rebuild
//! thread that owns the [`incremental::Session`]). Pages are served from
//! a snapshot swapped whole after each good rebuild; their bytes wait in
//! serve's store (`store.rs`), deleted when serve stops.

pub(crate) mod files;
// Public only for the tests that compare an incremental rebuild with a
// full build byte for byte; not part of the library's API.
#[doc(hidden)]
pub mod incremental;
pub(crate) mod reload;
pub(crate) mod server;
pub(crate) mod snapshot;
pub(crate) mod statics;
pub(crate) mod store;
pub(crate) mod watch;

pub use server::BindError;
#[doc(hidden)]
pub use watch::Change;
pub use watch::WatchError;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tokio::sync::watch as tokio_watch;

use crate::content::library::LoadOptions;
use crate::diag::{self, Format};
use crate::render::RenderOptions;
use incremental::{Outcome, Session};
use reload::{Hub, Message};
use watch::Signal;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Site root.
    pub root: PathBuf,
    /// Interface; loopback unless told otherwise.
    pub bind: IpAddr,
    /// Port; `None` takes 1111 or the next free one. `Some(0)` lets the
    /// system choose (tests).
    pub port: Option<u16>,
    /// Print progress to stderr (off in tests that start many servers).
    pub verbose: bool,
    /// Host names requests may be addressed to besides IP addresses and
    /// `localhost` (`--allow-host`).
    pub allowed_hosts: Vec<String>,
}

impl ServeOptions {
    /// Defaults for a site root.
    pub fn new(root: impl Into<PathBuf>) -> ServeOptions {
        ServeOptions {
            root: root.into(),
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: None,
            verbose: true,
            allowed_hosts: Vec::new(),
        }
    }
}

/// Why serve could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The site folder is missing.
    #[error("cannot open site folder {}: {source}", path.display())]
    Root {
        /// The folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// No port.
    #[error(transparent)]
    Bind(#[from] server::BindError),
    /// No watcher.
    #[error(transparent)]
    Watch(#[from] watch::WatchError),
    /// No runtime.
    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

/// A running preview server.
pub struct Server {
    addr: SocketAddr,
    base_path: String,
    runtime: tokio::runtime::Runtime,
    shutdown: tokio_watch::Sender<bool>,
    http: tokio::task::JoinHandle<()>,
    signals: mpsc::Sender<Signal>,
    worker: Option<JoinHandle<()>>,
}

/// The options every preview render uses: drafts shown and marked, the
/// reload script injected.
pub(crate) fn preview_options() -> (LoadOptions, RenderOptions) {
    (
        LoadOptions { drafts: true },
        RenderOptions {
            preview: true,
            inject: Some(reload::SCRIPT.to_string()),
            ..RenderOptions::default()
        },
    )
}

impl Server {
    /// Build the site, start listening and watching.
    pub fn start(options: &ServeOptions) -> Result<Server, ServeError> {
        let root = std::fs::canonicalize(&options.root).map_err(|source| ServeError::Root {
            path: options.root.clone(),
            source,
        })?;
        let started = Instant::now();
        let (load, render) = preview_options();
        let (mut session, outcome) = Session::start(&root, load, render);
        session.update_index();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(ServeError::Runtime)?;
        let listener = runtime.block_on(server::bind(options.bind, options.port))?;
        let addr = listener.local_addr().map_err(ServeError::Runtime)?;
        let (shutdown, shutdown_rx) = tokio_watch::channel(false);
        let snapshot = session.snapshot();
        let base_path = snapshot.base_path.clone();
        let hub = Arc::new(Hub::new(snapshot, shutdown_rx.clone()));
        if options.verbose {
            report_first(&outcome, started.elapsed());
        }
        hub.set_failure((!outcome.ok()).then(|| failed(&session, &outcome)));
        let theme = Arc::new(Mutex::new(session.theme().to_string()));
        let (signals, receiver) = mpsc::channel();
        let watcher = watch::start(&root, Arc::clone(&theme), signals.clone())?;
        let worker = Worker {
            session,
            hub: Arc::clone(&hub),
            theme,
            watcher,
            verbose: options.verbose,
            failing: !outcome.ok(),
        };
        let worker = std::thread::Builder::new()
            .name("briefing-rebuild".into())
            .spawn(move || worker.run(&receiver))
            .map_err(ServeError::Runtime)?;
        let app = server::router(hub, Arc::new(options.allowed_hosts.clone()));
        let mut stop = shutdown_rx;
        let http = runtime.spawn(async move {
            let graceful = async move {
                let _ = stop.wait_for(|s| *s).await;
            };
            if let Err(err) = axum::serve(listener, app)
                .with_graceful_shutdown(graceful)
                .await
            {
                eprintln!("error: the HTTP server stopped: {err}");
            }
        });
        Ok(Server {
            addr,
            base_path,
            runtime,
            shutdown,
            http,
            signals,
            worker: Some(worker),
        })
    }

    /// The address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The site's URL (with its base path).
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.base_path)
    }

    /// Block until Ctrl-C (or SIGTERM), then stop.
    pub fn run_until_interrupted(self) {
        self.runtime.block_on(interrupted());
        self.stop();
    }

    /// Stop serving: end event streams, finish open responses (up to a few
    /// seconds), stop watching, and wait for the rebuild thread.
    pub fn stop(mut self) {
        let _ = self.shutdown.send(true);
        let http = &mut self.http;
        let _ = self
            .runtime
            .block_on(async { tokio::time::timeout(Duration::from_secs(3), http).await });
        let _ = self.signals.send(Signal::Stop);
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
        self.runtime.shutdown_timeout(Duration::from_secs(1));
    }
}

async fn interrupted() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// The rebuild thread: owns the session, applies batches, tells the hub.
struct Worker {
    session: Session,
    hub: Arc<Hub>,
    theme: Arc<Mutex<String>>,
    watcher: watch::Watcher,
    verbose: bool,
    failing: bool,
}

impl Worker {
    fn run(mut self, receiver: &mpsc::Receiver<Signal>) {
        let mut next = receiver.recv();
        while let Ok(Signal::Batch(batch)) = next {
            let since = batch.since;
            let mut changes = batch.changes;
            // Coalesce whatever else arrived meanwhile into one rebuild.
            while let Ok(signal) = receiver.try_recv() {
                match signal {
                    Signal::Batch(more) => changes.extend(more.changes),
                    Signal::Stop => return,
                }
            }
            changes.sort();
            changes.dedup();
            log::debug!("changes: {changes:?}");
            let outcome = self.session.apply(&changes);
            self.after(&changes, &outcome, since.elapsed());
            // A change saved meanwhile is rebuilt before the search index
            // is made again: indexing a large site takes seconds, and a
            // reload never waits for it when it can be helped.
            next = match receiver.try_recv() {
                Ok(signal) => Ok(signal),
                Err(mpsc::TryRecvError::Disconnected) => return,
                Err(mpsc::TryRecvError::Empty) => {
                    self.index();
                    receiver.recv()
                }
            };
        }
    }

    /// Make the search index again if the site changed, and serve it.
    fn index(&mut self) {
        if self.session.update_index() {
            self.hub.publish(self.session.snapshot());
        }
    }

    fn after(&mut self, changes: &[watch::Change], outcome: &Outcome, elapsed: Duration) {
        if changes.contains(&watch::Change::Full) {
            *self.theme.lock().unwrap_or_else(|e| e.into_inner()) =
                self.session.theme().to_string();
            if let Err(err) = self.watcher.watch_new_folders() {
                eprintln!("warning: {err}");
            }
        }
        let recovered = self.failing && outcome.ok();
        if !outcome.changed.is_empty() || recovered {
            self.hub.publish(self.session.snapshot());
        }
        if outcome.ok() {
            self.failing = false;
            if outcome.changed.is_empty() && !recovered {
                return;
            }
            let build = self.session.snapshot().build;
            let css = outcome.css_only && !recovered;
            let changed = outcome.changed.clone();
            self.hub
                .send(Message::changed(build, changed, elapsed, css));
            if self.verbose {
                eprintln!(
                    "rebuilt in {:.1} ms: {} file(s) changed, {} page(s) rendered",
                    elapsed.as_secs_f64() * 1000.0,
                    outcome.changed.len(),
                    outcome.rendered
                );
            }
        } else {
            self.failing = true;
            if self.verbose {
                diag::emit(&outcome.diagnostics, Format::Human);
                eprintln!("rebuild failed: still serving the last good version");
            }
            self.hub.send(failed(&self.session, outcome));
        }
    }
}

fn failed(session: &Session, outcome: &Outcome) -> Message {
    Message::Failed {
        build: session.snapshot().build,
        text: diag::render(&outcome.diagnostics, Format::Human),
    }
}

fn report_first(outcome: &Outcome, elapsed: Duration) {
    if outcome.ok() {
        eprintln!(
            "built {} files in {} ms (drafts included)",
            outcome.changed.len(),
            elapsed.as_millis()
        );
    } else {
        diag::emit(&outcome.diagnostics, Format::Human);
        eprintln!("the site does not build yet: fix the errors above, serve rebuilds on save");
    }
}

/// Re-ingest one changed seed alone, with ingest's protection of
/// hand-edited articles. The article it writes (if any) then arrives through
/// the watcher like any edit.
pub(crate) fn ingest_seed(root: &Path, seed: &Path) {
    if std::fs::metadata(root.join(seed)).is_err() {
        // A deleted seed leaves its article alone, as `ingest` does.
        return;
    }
    let options = crate::ingest::IngestOptions {
        root: root.to_path_buf(),
        force: false,
        dry_run: false,
        propose: false,
    };
    let mut report = crate::ingest::run_seeds(&options, &[seed.to_path_buf()]);
    diag::sort(&mut report.diagnostics);
    diag::emit(&report.diagnostics, Format::Human);
    for path in &report.written {
        eprintln!("ingested {} → {}", seed.display(), path.display());
    }
    for path in &report.skipped_edited {
        eprintln!(
            "kept {}: a person edited it (`briefing ingest --accept` keeps the edits for good; `briefing ingest --force` regenerates it, discarding them)",
            path.display()
        );
    }
}
