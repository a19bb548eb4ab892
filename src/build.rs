//! `briefing build`: config → library → render → atomic output.
//!
//! Collects every problem of every stage it can reach before failing, and
//! writes nothing unless all pages rendered.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::SiteConfig;
use crate::content::contents::Contents;
use crate::content::library::{KnownArticles, Library, LoadOptions, ReadArticles};
use crate::diag::{Diagnostic, Severity};
use crate::ingest::{self, IngestOptions};
use crate::output::digest::FileStamps;
pub use crate::output::OutputError;
use crate::output::{Output, RenderedPage, Staging};
use crate::render;
use crate::render::shared::Shared;
use crate::render::templates::Templates;
pub use crate::render::RenderOptions;

mod cache;
pub(crate) mod cached;
mod fronts;
mod incremental;
mod reuse;

/// A cache of rendered bodies as render takes it (serve's, [`cached`]).
pub(crate) use cache::bodies::{Bodies, Used};
/// The scratch folder in a site root (builds' caches, serve's store).
pub(crate) use reuse::CACHE_FOLDER;

/// What `build` does.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Site root.
    pub root: PathBuf,
    /// Output folder; `<root>/public` when `None`.
    pub output: Option<PathBuf>,
    /// Include drafts.
    pub drafts: bool,
    /// Render options (preview marker, injected reload script).
    pub render: RenderOptions,
    /// Ingest new seeds first (`briefing build` does; tests of render alone don't).
    pub ingest: bool,
}

impl BuildOptions {
    /// Defaults for a site root: `public/`, no drafts.
    pub fn new(root: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            output: None,
            drafts: false,
            render: RenderOptions::default(),
            ingest: true,
        }
    }

    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// A loaded, validated site: what render needs.
pub(crate) struct Site {
    /// Content.
    pub(crate) library: Library,
    /// Templates.
    pub(crate) templates: Templates,
    /// Timeline and other precomputed data.
    pub(crate) shared: Shared,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Files written.
    pub files: usize,
    /// Articles rendered.
    pub articles: usize,
    /// Files rendered this time (the others were known to be unchanged
    /// and kept).
    pub rendered: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Warnings found on the way.
    pub warnings: Vec<Diagnostic>,
    /// Wall time of each stage, in order.
    pub stages: Vec<(&'static str, Duration)>,
    /// Nothing to do: the output already held this very build (same inputs,
    /// same binary, untouched since), so nothing was loaded, rendered or
    /// written.
    pub unchanged: bool,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Contributor-fixable problems, all of them.
    #[error("the site has {} error(s)", .0.iter().filter(|d| d.severity == Severity::Error).count())]
    Invalid(Vec<Diagnostic>),
    /// The output folder could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl From<Diagnostic> for BuildError {
    fn from(diagnostic: Diagnostic) -> BuildError {
        BuildError::Invalid(vec![diagnostic])
    }
}

/// Load config, content and templates, collecting every problem; the
/// articles `known` has are taken from it, and those `read` has built
/// from that text, instead of read.
fn load_known(
    root: &Path,
    drafts: bool,
    known: Option<&dyn KnownArticles>,
    read: ReadArticles,
) -> Result<Site, Vec<Diagnostic>> {
    let config = SiteConfig::load(root).map_err(|d| vec![d])?;
    let options = LoadOptions { drafts };
    load_contents(root, &config.theme.clone(), || {
        Library::read_known(root, config, options, known, read)
    })
}

/// [`load_known`] over content already read (`read_errors`: what reading it
/// found; `articles`: the article files that parsed, read again one by
/// one: [`Contents::take_article_paths`]) that keeps going, for `check`:
/// the site of every valid file and every problem of the others, so all
/// that can be rendered is rendered and link-checked in the same run. No
/// site when the config or the templates are broken (nothing renders
/// without them).
pub(crate) fn load_partial(
    root: &Path,
    contents: &Contents,
    articles: Vec<(PathBuf, Arc<str>)>,
    read_errors: Vec<Diagnostic>,
    drafts: bool,
) -> (Option<Site>, Vec<Diagnostic>) {
    let config = match SiteConfig::load(root) {
        Ok(config) => config,
        Err(diagnostic) => {
            let mut diagnostics = read_errors;
            diagnostics.push(diagnostic);
            return (None, diagnostics);
        }
    };
    let templates = Templates::load(root, &config.theme);
    let options = LoadOptions { drafts };
    let (library, mut diagnostics) =
        Library::from_contents_partial(root, contents, articles, read_errors, config, options);
    match templates {
        Ok(templates) => {
            let shared = Shared::new(&library);
            let site = Site {
                library,
                templates,
                shared,
            };
            (Some(site), diagnostics)
        }
        Err(errors) => {
            diagnostics.extend(errors);
            (None, diagnostics)
        }
    }
}

/// Templates and the library (`library` builds it), every problem of both.
fn load_contents(
    root: &Path,
    theme: &str,
    library: impl FnOnce() -> Result<Library, Vec<Diagnostic>> + Send,
) -> Result<Site, Vec<Diagnostic>> {
    // Templates compile on one thread while the content loads on the others.
    let (templates, library) = rayon::join(|| Templates::load(root, theme), library);
    match (library, templates) {
        (Ok(library), Ok(templates)) => {
            let shared = Shared::new(&library);
            Ok(Site {
                library,
                templates,
                shared,
            })
        }
        (library, templates) => {
            let mut diagnostics = library.err().unwrap_or_default();
            diagnostics.extend(templates.err().unwrap_or_default());
            Err(diagnostics)
        }
    }
}

/// Folders whose files are copied verbatim: the theme's `static/`, then the
/// site's own `static/` (which wins on a name clash).
pub(crate) fn static_dirs(root: &Path, theme: &str) -> Vec<PathBuf> {
    vec![
        root.join("themes").join(theme).join("static"),
        root.join("static"),
    ]
}

/// Every static file the site publishes, output path → file: the theme's
/// `static/`, then the site's own (which wins on a name clash). Links that
/// lead out of the site are skipped (`sitefs`; `build` and `check` name them).
pub(crate) fn static_files(root: &Path, theme: &str) -> BTreeMap<String, PathBuf> {
    let mut files = BTreeMap::new();
    for dir in static_dirs(root, theme) {
        // `walk` takes a folder of the site, relative to it (a relative
        // root would otherwise be joined twice).
        let inside = dir.strip_prefix(root).unwrap_or(&dir);
        for path in crate::sitefs::walk(root, inside).files {
            let key = path.strip_prefix(&dir).ok().and_then(|relative| {
                let parts: Option<Vec<&str>> = relative
                    .components()
                    .map(|c| c.as_os_str().to_str())
                    .collect();
                parts.map(|parts| parts.join("/"))
            });
            if let Some(key) = key {
                files.insert(key, path);
            }
        }
    }
    files
}

/// Read every static file into memory, within
/// [`crate::limits::STATIC_FILE_BYTES`] each.
pub(crate) fn read_static_files(
    root: &Path,
    theme: &str,
) -> Result<Vec<RenderedPage>, Vec<Diagnostic>> {
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for (key, path) in static_files(root, theme) {
        let relative = path.strip_prefix(root).unwrap_or(&path);
        match crate::sitefs::read(root, relative, crate::limits::STATIC_FILE_BYTES) {
            Ok(contents) => pages.push(RenderedPage {
                path: key,
                contents,
            }),
            Err(err) => errors.push(
                Diagnostic::error("static/unreadable", relative, err.to_string())
                    .with_help(err.help()),
            ),
        }
    }
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(errors)
    }
}

/// Build the site at `options.root` into its output folder.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    refuse_output_over_root(options)?;
    // Held to the end: a second build into the same folder waits.
    let output = Output::lock(&options.output_dir())?;
    let mut warnings = Vec::new();
    // Ingest errors (an unreadable seed) fail the build, but only after the
    // rest of the site was checked too: every error of a run at once.
    let mut ingest_errors = Vec::new();
    if options.ingest {
        let report = ingest::run(&IngestOptions {
            root: options.root.clone(),
            force: false,
            dry_run: false,
            propose: false,
        });
        let (errors, rest): (Vec<_>, Vec<_>) = report
            .diagnostics
            .into_iter()
            .partition(|d| d.severity == Severity::Error);
        ingest_errors = errors;
        warnings = rest;
    }
    let mut stages = vec![("ingest", started.elapsed())];
    let mut lap = Instant::now();
    let mut time = |name: &'static str| {
        stages.push((name, lap.elapsed()));
        lap = Instant::now();
    };
    // One walk of the site's folders gives the links the build warns of
    // and the files its fingerprint digests.
    // The last build's record lends its digests of the files unchanged since.
    let (walks, recorded) = rayon::join(
        || crate::sitefs::walk_site(&options.root),
        || reuse::recorded(options, output.folder()),
    );
    warnings.extend(crate::sitefs::skipped_links(&walks));
    let fingerprint = reuse::inputs_walked(options, &walks, recorded.as_ref());
    drop(walks);
    let (inputs, fronts, read) = match fingerprint {
        Some((inputs, fronts, read)) => (Some(inputs), fronts, read),
        None => (None, fronts::Fronts::default(), ReadArticles::new()),
    };
    time("fingerprint");
    let (previous, checked) = match (&inputs, recorded) {
        (Some(_), Some(recorded)) if ingest_errors.is_empty() => {
            reuse::previous(recorded, output.folder()).unzip()
        }
        _ => (None, None),
    };
    // The build that made the output as it is, when it is as recorded.
    let made_by = previous.as_ref().map(|p| p.inputs.digest);
    time("check output");
    if let (Some(previous), Some(inputs)) = (&previous, &inputs) {
        if previous.inputs.digest == inputs.digest {
            return Ok(BuildReport {
                files: previous.files,
                articles: previous.articles,
                rendered: 0,
                elapsed: started.elapsed(),
                warnings,
                stages,
                unchanged: true,
            });
        }
    }
    crate::markdown::highlight::syntaxes();
    time("load grammars");
    // The two caches are read side by side.
    let (known, bodies) = match &inputs {
        Some(inputs) => rayon::join(
            || cache::articles::Articles::load(&options.root, inputs),
            || cache::bodies::open(&options.root, inputs),
        ),
        None => (None, None),
    };
    let loaded = load_known(
        &options.root,
        options.drafts,
        known.as_ref().map(|k| k as &dyn KnownArticles),
        read,
    );
    // Written while the build goes on, finished before it returns; the
    // rendered bodies are written there as they come.
    let (bodies, saving) = match (known, bodies, &loaded) {
        (Some(known), Some((bodies, writing)), Ok(_)) => {
            (Some(bodies), Some(known.save_meanwhile(|| writing.run())))
        }
        (Some(known), None, Ok(_)) => (None, Some(known.save_meanwhile(|| None))),
        _ => (None, None),
    };
    // Declared after `saving`, so dropped before it waits for the writer,
    // which runs until every way to it is dropped.
    let bodies = bodies;
    let site = match loaded {
        Ok(site) if ingest_errors.is_empty() => site,
        _ => {
            let mut errors = every_error(&options.root, options);
            errors.append(&mut ingest_errors);
            return Err(invalid(errors));
        }
    };
    time("load content");
    // After article edits alone, only the pages they touch are rendered;
    // every other file of the previous output is kept as it is.
    let (site, touched) = match previous_changes(options, &output, previous, inputs.as_ref()) {
        Some((changed, fronts)) => {
            let load = LoadOptions {
                drafts: options.drafts,
            };
            match incremental::touched(site, &options.root, load, &changed, &fronts) {
                Ok((site, jobs)) => (site, Some(jobs)),
                Err(site) => (site, None),
            }
        }
        None => (site, None),
    };
    time("compare");
    let jobs = render::full_plan(&site.library, &site.shared);
    let files = jobs.len();
    let statics = match read_static_files(&options.root, &site.library.config.theme) {
        Ok(statics) => statics,
        Err(mut errors) => {
            // Every error of the run: the templates' too, rendering to nowhere.
            errors.extend(render_errors(&site, &jobs, options));
            return Err(invalid(errors));
        }
    };
    let staging = stage(&output, &site, &jobs, statics, checked)?;
    time("stage");
    let incremental = touched.is_some();
    let jobs = match touched {
        Some(wanted) => keep_unchanged(&staging, &site, jobs, &wanted),
        None => jobs,
    };
    // Each article's page hands its body's words to search as it renders
    // (each body is read and parsed once); the rest of the index is made
    // after. Its files never share a path with a page (they are JSON
    // under the search folder).
    let mut search = crate::search::Kept::once_saved();
    // Its folders were staged with the pages' (`stage`).
    let feed = search.feed(&site.library);
    let put_doc = |path: &str, contents: &[u8]| Ok::<_, BuildError>(staging.put(path, contents)?);
    // Each article's body comes from the cache between builds when it
    // has it; each rendered goes to it, and to search either way. Made
    // before search numbers any term (the cache numbers them alike).
    let used = cache::bodies::Used::new(bodies, &site.library, feed.as_ref(), &put_doc);
    // After article edits alone, the unchanged articles' terms and result
    // files are the last build's.
    if let (Some(feed), Some(made_by), Some(inputs), true) = (&feed, &made_by, &inputs, incremental)
    {
        let folder = output.folder();
        cache::search::reuse(
            options,
            folder,
            made_by,
            inputs,
            &site.library,
            feed,
            &staging,
        );
    }
    let written = render::render_with(
        &site.library,
        &site.templates,
        &site.shared,
        &jobs,
        &options.render,
        |page| staging.put(&page.path, &page.contents),
        Some(&used),
    );
    let fed = used.finish();
    let written = written.map_err(invalid)?;
    written.into_iter().collect::<Result<(), _>>()?;
    fed?;
    let put = |file: RenderedPage| put_doc(&file.path, &file.contents);
    search.update_fed(&site.library, feed, put)?;
    time("search+render+write");
    reuse::forget(options, output.folder());
    let (files, articles) = (files, site.library.articles.len());
    // Best effort and independent, the search terms and front matter are
    // saved while the old site is removed.
    let (folder, library) = (output.folder(), &site.library);
    let save = || {
        if let Some(inputs) = &inputs {
            rayon::join(
                || cache::search::save(options, folder, inputs, library, &search),
                || reuse::save_fronts(options, folder, &fronts),
            );
        }
    };
    let (published, ()) = staging.commit_while(save)?;
    time("publish");
    if let Some(inputs) = &inputs {
        reuse::record(options, &published, inputs, files, articles);
        time("record");
    }
    warnings.extend(saving.and_then(|saving| saving.finish()));
    free_aside((site, search));
    Ok(BuildReport {
        files,
        articles,
        rendered: jobs.len(),
        elapsed: started.elapsed(),
        warnings,
        stages,
        unchanged: false,
    })
}

/// Give `value` back to the allocator on a thread of its own, so the
/// build's caller does not wait for it: a loaded site is hundreds of
/// thousands of small allocations (at 10,000 articles, about 22 million
/// instructions on the main thread, the other cores idle), and a command
/// that exits next need not free them at all.
fn free_aside<T: Send + 'static>(value: T) {
    let freeing = std::thread::Builder::new().name("free".into());
    if let Err(err) = freeing.spawn(move || drop(value)) {
        log::debug!("no thread to free the site on ({err}); freed here");
    }
}

/// The article files changed since the record of the output's last
/// build, with their front matter then, when nothing else changed.
fn previous_changes(
    options: &BuildOptions,
    output: &Output,
    previous: Option<reuse::Record>,
    inputs: Option<&reuse::Inputs>,
) -> Option<(Vec<reuse::Changed>, HashMap<reuse::Digest, String>)> {
    let changed = reuse::changed_articles(&previous?, inputs?)?;
    let wanted: Vec<reuse::Digest> = changed.iter().filter_map(|c| c.front_before).collect();
    let fronts = reuse::previous_fronts(options, output.folder(), &wanted)?;
    Some((changed, fronts))
}

/// The jobs still to render: those `wanted`, and any page the previous
/// output lacks; every other page is kept from it.
fn keep_unchanged(
    staging: &Staging<'_>,
    site: &Site,
    jobs: Vec<render::plan::PageJob>,
    wanted: &HashSet<render::plan::PageJob>,
) -> Vec<render::plan::PageJob> {
    use rayon::prelude::*;
    let library = &site.library;
    jobs.into_par_iter()
        .filter(|job| {
            wanted.contains(job) || !staging.keep(&render::plan::output_path(library, job))
        })
        .collect()
}

/// Start the new site beside the output: every folder the plan's pages and
/// the static files need, then the static files themselves (a page wins
/// over a static file of the same path). `checked`: the output's files as
/// the check that it is as recorded found them.
fn stage<'o>(
    output: &'o Output,
    site: &Site,
    jobs: &[render::plan::PageJob],
    statics: Vec<RenderedPage>,
    checked: Option<FileStamps>,
) -> Result<Staging<'o>, OutputError> {
    use rayon::prelude::*;
    // Made on the main thread while the workers wait for the render:
    // the paths in parallel, the sets with a hash quicker than std's on
    // short keys (a third of this step at 10,000 articles was SipHash).
    let pages: Vec<String> = jobs
        .par_iter()
        .map(|job| render::plan::output_path(&site.library, job))
        .collect();
    let taken: ahash::AHashSet<&str> = pages.iter().map(String::as_str).collect();
    let statics: Vec<RenderedPage> = statics
        .into_iter()
        .filter(|file| !taken.contains(file.path.as_str()))
        .collect();
    let paths = statics
        .iter()
        .map(|f| f.path.as_str())
        .chain(taken.iter().copied());
    // The search index's files are named as it is written.
    let later = match site.library.config.search {
        true => crate::search::folders().to_vec(),
        false => Vec::new(),
    };
    let later: Vec<&str> = later.iter().map(String::as_str).collect();
    let staging = output.stage_with(paths, &later, checked)?;
    for file in &statics {
        staging.put(&file.path, &file.contents)?;
    }
    Ok(staging)
}

/// Folders of the site that a build reads: an output inside one would be
/// read back as sources by the next build.
const SOURCE_DIRS: [&str; 5] = ["content", "seeds", "themes", "templates", "static"];

/// An output folder that is, or holds, the site itself would have the site
/// replaced by its own build; one inside a source folder would be read
/// back as sources.
fn refuse_output_over_root(options: &BuildOptions) -> Result<(), BuildError> {
    let output = options.output_dir();
    let (Ok(root), Some(out)) = (options.root.canonicalize(), resolve(&output)) else {
        return Ok(());
    };
    let why = if out == root {
        "that folder holds the site's own sources; choose another --output".to_string()
    } else if root.starts_with(&out) {
        format!(
            "the site ({}) is inside that folder, and a build replaces the folder's contents; choose another --output",
            root.display()
        )
    } else if let Some(dir) = SOURCE_DIRS.iter().find(|d| out.starts_with(root.join(d))) {
        format!("that folder is inside the site's {dir}/, which builds read; choose another --output, e.g. public")
    } else {
        return Ok(());
    };
    Err(BuildError::Output(OutputError {
        action: "refusing to write the site into",
        path: output,
        source: std::io::Error::other(why),
    }))
}

/// `path` made absolute through its nearest existing folder (an output
/// folder need not exist yet); `None` when not even that resolves.
fn resolve(path: &Path) -> Option<PathBuf> {
    let mut rest = Vec::new();
    let mut existing = path;
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in rest.iter().rev() {
                match part {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::Normal(name) => out.push(name),
                    _ => {}
                }
            }
            return Some(out);
        }
        if existing == Path::new(".") {
            return None;
        }
        rest.push(existing.components().next_back()?);
        existing = existing
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
    }
}

/// Every error of a build that cannot be published: each valid file is
/// still loaded and every page that can be rendered is rendered (to
/// nowhere), so a template error on another page, or a broken static
/// folder, shows in this run and not the next. Writes nothing.
fn every_error(root: &Path, options: &BuildOptions) -> Vec<Diagnostic> {
    let (mut contents, read_errors) = Contents::read(root);
    let articles = contents.take_article_texts();
    let (site, mut errors) = load_partial(root, &contents, articles, read_errors, options.drafts);
    if let Some(site) = site {
        let jobs = render::full_plan(&site.library, &site.shared);
        errors.extend(render_errors(&site, &jobs, options));
        errors.extend(
            read_static_files(root, &site.library.config.theme)
                .err()
                .unwrap_or_default(),
        );
    }
    errors
}

/// The problems of rendering `jobs` to nowhere: every page that can be
/// rendered is, so each problem shows.
fn render_errors(
    site: &Site,
    jobs: &[render::plan::PageJob],
    options: &BuildOptions,
) -> Vec<Diagnostic> {
    let (library, templates, shared) = (&site.library, &site.templates, &site.shared);
    let render = &options.render;
    render::render_each(library, templates, shared, jobs, render, drop, None).1
}

fn invalid(mut diagnostics: Vec<Diagnostic>) -> BuildError {
    crate::diag::sort(&mut diagnostics);
    diagnostics.dedup();
    BuildError::Invalid(diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Says on `freed` when dropped, once `release` lets it (or a second
    /// passed: freed by the caller itself, it would wait for nothing).
    struct Slow {
        release: std::sync::mpsc::Receiver<()>,
        freed: std::sync::mpsc::Sender<()>,
    }

    impl Drop for Slow {
        fn drop(&mut self) {
            let _ = self.release.recv_timeout(Duration::from_secs(1));
            let _ = self.freed.send(());
        }
    }

    #[test]
    fn a_value_freed_aside_is_freed_without_the_caller_waiting() {
        let (release, released) = std::sync::mpsc::channel();
        let (freed, told) = std::sync::mpsc::channel();
        let slow = Slow {
            release: released,
            freed,
        };
        free_aside(slow);
        assert!(told.try_recv().is_err(), "not freed before it may be");
        release.send(()).unwrap();
        let wait = Duration::from_secs(10);
        assert_eq!(told.recv_timeout(wait), Ok(()), "freed on its thread");
    }
}
