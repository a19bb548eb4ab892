//! Render stage: the library becomes files (HTML pages, feeds, sitemap).
//!
//! Takes a loaded [`Library`] and [`templates::Templates`]; renders every
//! output file in parallel and gives each to the caller as it is done (or
//! all of them in memory), or gives back every template error.

pub(crate) mod chart;
pub(crate) mod context;
pub(crate) mod depends;
pub(crate) mod display;
pub(crate) mod facts;
pub(crate) mod feeds;
pub(crate) mod folded;
pub(crate) mod lookup;
pub(crate) mod mentions;
pub(crate) mod merged;
pub(crate) mod pages;
pub(crate) mod plan;
pub(crate) mod script_json;
pub(crate) mod shared;
pub(crate) mod structured;
pub(crate) mod templates;
pub(crate) mod touched;
pub(crate) mod unescaped;

use rayon::prelude::*;

use crate::content::library::Library;
use crate::diag::Diagnostic;
use crate::output::RenderedPage;
use context::{LinkView, SiteView, Views};
use pages::{Renderer, SharedValues};
use plan::{entity_slug, output_path, PageJob, Section};
use shared::Shared;
use templates::Templates;

/// How to render.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Preview mode (serve): drafts shown and marked.
    pub preview: bool,
    /// HTML inserted before `</body>` of every page (serve's reload script).
    pub inject: Option<String>,
    /// A page larger than this is an error (README, "Limits"); tests set a
    /// smaller one to check the message without rendering 32 MiB.
    pub max_page_bytes: u64,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            preview: false,
            inject: None,
            max_page_bytes: crate::limits::PAGE_BYTES,
        }
    }
}

/// Every job of a full build for this library.
pub(crate) fn full_plan(library: &Library, shared: &Shared) -> Vec<PageJob> {
    let years: Vec<i32> = shared.years.iter().map(|(y, _)| *y).collect();
    plan::jobs(library, &years)
}

/// Article bodies known before their pages render, and told of each one
/// rendered: a build's cache between runs (`build::cache::bodies`), which
/// also hands each body's words to search. Called from many threads.
pub(crate) trait Bodies: Sync {
    /// Article `i`'s body as [`Library::render_body`] would render it,
    /// when known without reading its file.
    fn known(&self, i: usize) -> Option<crate::markdown::RenderedMarkdown>;
    /// Article `i`'s body's HTML, when known without reading its file,
    /// with nothing handed to search: the site feed's, whose articles'
    /// pages ask [`Bodies::known`].
    fn html(&self, i: usize) -> Option<String>;
    /// Article `i`'s body was rendered from its file for its page.
    fn rendered(&self, i: usize, body: crate::markdown::RenderedMarkdown);
}

/// Render `jobs` in parallel, handing each page to `emit` as soon as it is
/// rendered (a build writes it out and drops it, so memory does not grow
/// with the site); gives back what `emit` returned, in job order. Each
/// article's body is asked of `bodies` first, if given, and each one
/// rendered here is handed to it, with the article's index, from the
/// thread that rendered it: search indexes its words there, and no body
/// is read and parsed twice.
pub(crate) fn render_with<T: Send>(
    library: &Library,
    templates: &Templates,
    shared: &Shared,
    jobs: &[PageJob],
    options: &RenderOptions,
    emit: impl Fn(RenderedPage) -> T + Sync,
    bodies: Option<&dyn Bodies>,
) -> Result<Vec<T>, Vec<Diagnostic>> {
    let (pages, diagnostics) = render_each(library, templates, shared, jobs, options, emit, bodies);
    if diagnostics.is_empty() {
        Ok(pages)
    } else {
        Err(diagnostics)
    }
}

/// [`render_with`] that keeps going: every page that renders, and the
/// problems of those that do not (`check` link-checks the ones it has).
pub(crate) fn render_each<T: Send>(
    library: &Library,
    templates: &Templates,
    shared: &Shared,
    jobs: &[PageJob],
    options: &RenderOptions,
    emit: impl Fn(RenderedPage) -> T + Sync,
    bodies: Option<&dyn Bodies>,
) -> (Vec<T>, Vec<Diagnostic>) {
    let base = library.config.base_path();
    let site = SiteView {
        title: &library.config.title,
        description: &library.config.description,
        base_url: library.config.base_url(),
        image: format!("{}img/card.png", library.config.base_url()),
        base_path: base.clone(),
        language: &library.config.language,
        preview: options.preview,
        search: library
            .config
            .search
            .then(|| format!("{base}{}", plan::SEARCH)),
        article_count: library.articles.len(),
        pages: library
            .pages
            .iter()
            .map(|p| LinkView {
                slug: &p.slug,
                name: &p.front.title,
                url: Some(format!("{base}{}/", p.slug)),
            })
            .collect(),
    };
    let values = SharedValues::new(&site, library);
    let renderer = Renderer {
        library,
        tera: &templates.tera,
        folded: templates.folded(values.site()),
        shared,
        values,
        site,
        views: Views::new(library, base.clone()),
        markdown: library.markdown(),
        bodies,
    };
    let results: Vec<Result<T, Failure>> = jobs
        .par_iter()
        .with_max_len(crate::ITEMS_A_TASK)
        .map(|job| {
            let path = output_path(library, job);
            let contents = render_job(&renderer, job, options, &path)?;
            if contents.len() as u64 > options.max_page_bytes {
                let limit = options.max_page_bytes;
                return Err(Failure::TooLarge(too_large(
                    library,
                    job,
                    &path,
                    contents.len(),
                    limit,
                )));
            }
            Ok(emit(RenderedPage { path, contents }))
        })
        .collect();
    renderer.free_on_pool();
    let mut pages = Vec::with_capacity(results.len());
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for result in results {
        match result {
            Ok(page) => pages.push(page),
            Err(Failure::TooLarge(diag) | Failure::Content(diag)) => diagnostics.push(diag),
            Err(Failure::Template(path, err)) => {
                let mut diag = templates.diagnostic(&err, None);
                diag.message = format!("{} (while rendering {path})", diag.message);
                if !diagnostics
                    .iter()
                    .any(|d| d.path == diag.path && d.span == diag.span)
                {
                    diagnostics.push(diag);
                }
            }
        }
    }
    (pages, diagnostics)
}

/// Why one page was not rendered.
enum Failure {
    /// A template failed on the page at this output path.
    Template(String, tera::Error),
    /// The page is over [`RenderOptions::max_page_bytes`].
    TooLarge(Diagnostic),
    /// A body it shows could not be read again (its file changed).
    Content(Diagnostic),
}

/// A page over the size limit, reported against the file it comes from
/// (an article, registry entry or plain page) or, for listings, its path.
fn too_large(library: &Library, job: &PageJob, path: &str, size: usize, limit: u64) -> Diagnostic {
    let source = match job {
        PageJob::Article(i) => library.articles[*i].path.clone(),
        PageJob::Entity(section, i, _) | PageJob::EntityFeed(section, i) => match section {
            Section::Topics => library.topics[*i].path.clone(),
            Section::Organizations => library.organizations[*i].path.clone(),
            Section::Places => library.places[*i].path.clone(),
        },
        PageJob::Page(i) => format!("content/pages/{}.md", library.pages[*i].slug).into(),
        _ => path.into(),
    };
    Diagnostic::error(
        "render/page-too-large",
        source,
        format!(
            "the page {path} would be {size} bytes, over the limit of {limit} bytes for one page"
        ),
    )
    .with_help("shorten the text, split it into several articles, or lower `items_per_page` in site.yaml for a long listing")
}

/// The page of `job`, at `path`. An article's body is read and rendered
/// here, once, for its page, unless [`Bodies`] knows it.
fn render_job(
    renderer: &Renderer<'_>,
    job: &PageJob,
    options: &RenderOptions,
    path: &str,
) -> Result<Vec<u8>, Failure> {
    let library = renderer.library;
    let (body, known) = match job {
        PageJob::Article(i) => match renderer.bodies.and_then(|b| b.known(*i)) {
            Some(body) => (Some(body), true),
            None => {
                let article = &library.articles[*i];
                let body = library.render_body(article, &renderer.markdown);
                (Some(body.map_err(Failure::Content)?), false)
            }
        },
        _ => (None, false),
    };
    if let Some(html) = renderer.render_html(job, body.as_ref()) {
        let html = html.map_err(|err| Failure::Template(path.to_string(), err))?;
        if let (PageJob::Article(i), Some(body), Some(bodies), false) =
            (job, body, renderer.bodies, known)
        {
            bodies.rendered(*i, body);
        }
        return Ok(match &options.inject {
            Some(snippet) => inject_before_body_end(html, snippet),
            None => html,
        });
    }
    let text = match job {
        PageJob::SiteFeed => feeds::atom(
            library,
            &library.config.title,
            "atom.xml",
            "",
            &(0..library.articles.len().min(feeds::FEED_LENGTH)).collect::<Vec<_>>(),
            feeds::FeedBody::Full(&renderer.markdown, renderer.bodies),
        )
        .map_err(Failure::Content)?,
        PageJob::EntityFeed(section, i) => {
            let slug = entity_slug(library, *section, *i);
            let name = match section {
                Section::Topics => &library.topics[*i].front.name,
                Section::Organizations => &library.organizations[*i].front.name,
                Section::Places => &library.places[*i].front.name,
            };
            let indexes = plan::articles_index(library, *section)
                .get(slug)
                .map_or(&[][..], Vec::as_slice);
            let folder = format!("{}/{slug}/", section.segment());
            let title = format!("{} — {name}", library.config.title);
            feeds::atom(
                library,
                &title,
                &format!("{folder}atom.xml"),
                &folder,
                indexes,
                feeds::FeedBody::Summary,
            )
            .map_err(Failure::Content)?
        }
        // The full plan, not `all`: serve renders subsets of jobs.
        PageJob::Sitemap => feeds::sitemap(library, &full_plan(library, renderer.shared)),
        PageJob::Robots => feeds::robots(library),
        PageJob::SyntaxCss => crate::markdown::highlight::stylesheet(),
        _ => unreachable!("HTML jobs are handled above"),
    };
    Ok(text.into_bytes())
}

fn inject_before_body_end(mut html: Vec<u8>, snippet: &str) -> Vec<u8> {
    const END: &[u8] = b"</body>";
    match html.windows(END.len()).rposition(|w| w == END) {
        Some(at) => {
            html.splice(at..at, snippet.bytes());
        }
        None => html.extend_from_slice(snippet.as_bytes()),
    }
    html
}
