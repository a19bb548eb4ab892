//! Benchmark harness: times the real `briefing` binary on synthetic sites.
//!
//! `cargo bench --bench build -- [--sizes 1000,10000] [--only build,rebuild,edit,check,ingest,serve]
//! [--runs 3] [--warmup 1] [--dir target/bench-corpus] [--binary PATH] [--check]`
//!
//! For each size it writes a corpus (`corpus.rs`) under `--dir`, runs the
//! binary as a child process once to warm up and `--runs` times to measure,
//! and prints a Markdown table: median wall time, throughput, and the peak
//! resident memory of the child (`wait4`'s `ru_maxrss`). `--check` only
//! proves the generator matches the content model.

mod check;
mod corpus;
mod measure;
mod search;
mod serve;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use measure::Row;

/// The binary this bench was built with; `--binary` times another one.
const BINARY: &str = env!("CARGO_BIN_EXE_briefing");

struct Args {
    sizes: Vec<usize>,
    stages: Vec<String>,
    runs: usize,
    warmup: usize,
    dir: PathBuf,
    binary: String,
    check: bool,
    /// An existing site to time `serve` on instead of a generated corpus.
    site: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![1_000, 10_000],
        stages: STAGES.map(String::from).to_vec(),
        runs: 3,
        warmup: 1,
        dir: Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus"),
        binary: BINARY.to_string(),
        check: false,
        site: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--bench" => {}
            "--check" => args.check = true,
            "--sizes" => {
                args.sizes = value()?
                    .split(',')
                    .map(|s| {
                        s.trim()
                            .replace('_', "")
                            .parse()
                            .map_err(|e| format!("--sizes: {e}"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--only" => args.stages = value()?.split(',').map(str::to_string).collect(),
            "--runs" => args.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--warmup" => {
                args.warmup = value()?.parse().map_err(|e| format!("--warmup: {e}"))?;
            }
            "--dir" => args.dir = PathBuf::from(value()?),
            "--binary" => args.binary = value()?,
            "--site" => args.site = Some(PathBuf::from(value()?)),
            "--help" | "-h" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    if let Some(bad) = args.stages.iter().find(|s| !STAGES.contains(&s.as_str())) {
        return Err(format!("--only takes {}, not `{bad}`", STAGES.join(", ")));
    }
    Ok(args)
}

const USAGE: &str = "usage: cargo bench --bench build -- [--sizes 1000,10000] \
[--only build,rebuild,edit,check,ingest,serve] [--runs 3] [--warmup 1] [--dir DIR] [--binary PATH] \
[--site DIR (serve only: an existing site, edited in place)] [--check]";

/// `build`: no `public/` before each run (a fresh checkout, as in CI),
/// followed by the floor: copying its own output (`rm -rf` + `cp -r`);
/// `rebuild`: the previous `public/` is there, nothing changed;
/// `edit`: one article's body changed before each rebuild;
/// `check`: `briefing check` on the same corpus.
const STAGES: [&str; 7] = [
    "build", "rebuild", "edit", "check", "ingest", "serve", "search",
];

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    if args.check {
        return match check::run(&args.dir.join("check"), 50, 20) {
            Ok(report) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Err(problems) => {
                eprintln!("corpus check failed:\n{problems}");
                ExitCode::FAILURE
            }
        };
    }
    let mut rows = Vec::new();
    let mut failed = false;
    for &size in &args.sizes {
        let mut build_seconds = None;
        for stage in &args.stages {
            let result = match stage.as_str() {
                "build" => bench_build(&args, size, true).and_then(|build| {
                    build_seconds = build.as_ref().map(Row::seconds);
                    let copy = bench_copy(&args, size, build.as_ref())?;
                    Ok(build.into_iter().chain(copy).collect())
                }),
                "rebuild" => bench_build(&args, size, false).map(rows_of),
                "edit" => bench_edit(&args, size).map(rows_of),
                "check" => bench_check(&args, size, build_seconds),
                "ingest" => bench_ingest(&args, size).map(rows_of),
                "search" => articles_corpus(&args, size).and_then(|(root, _)| {
                    let (runs, warmup) = (args.runs, args.warmup);
                    let discard = |path: &Path| discard(&args.dir, path);
                    search::bench(&args.dir, &root, size, runs, warmup, &args.binary, discard)
                }),
                _ => serve::bench(
                    &args.dir,
                    size,
                    args.runs,
                    &args.binary,
                    args.site.as_deref(),
                ),
            };
            match result {
                Ok(row) => rows.extend(row),
                Err(message) => {
                    eprintln!("{stage} at {size}: {message}");
                    failed = true;
                }
            }
        }
    }
    println!("\n{}", measure::table(&rows, args.runs, args.warmup));
    let trash = args.dir.join("trash");
    if trash.exists() {
        if let Err(err) = fs::remove_dir_all(&trash) {
            eprintln!("cannot empty {}: {err}", trash.display());
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn rows_of(row: Option<Row>) -> Vec<Row> {
    row.into_iter().collect()
}

/// Move `path` out of the way into `dir/trash/`, emptied only when the
/// harness ends. Deleting many files makes creating files slow for minutes
/// afterwards on some file systems (ext4 without a journal skips recently
/// freed inodes one by one), which would bill one run for the last one.
fn discard(dir: &Path, path: &Path) -> Result<(), String> {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    if !path.exists() {
        return Ok(());
    }
    let trash = dir.join("trash");
    fs::create_dir_all(&trash).map_err(|e| format!("{}: {e}", trash.display()))?;
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let target = trash.join(format!("{}-{n}", std::process::id()));
    fs::rename(path, &target).map_err(|e| format!("{} → {}: {e}", path.display(), target.display()))
}

/// Corpora written by this process, reused by later stages.
static PREPARED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Write a fresh corpus for `options` under `dir/name`, once per process.
fn prepare(dir: &Path, name: &str, options: &corpus::Options) -> Result<PathBuf, String> {
    let root = dir.join(name);
    let mut prepared = PREPARED.lock().unwrap_or_else(|e| e.into_inner());
    if prepared.contains(&root) {
        return Ok(root);
    }
    prepared.push(root.clone());
    if root.exists() {
        discard(dir, &root)?;
    }
    let summary = corpus::generate(&root, options).map_err(|e| e.to_string())?;
    eprintln!(
        "corpus {}: {} articles ({} words), {} seeds, {} organizations, {} topics, {} places, \
         {:.1} MB in {:.2} s",
        root.display(),
        summary.articles,
        summary.words,
        summary.seeds,
        summary.organizations,
        summary.topics,
        summary.places,
        summary.bytes as f64 / 1e6,
        summary.elapsed.as_secs_f64()
    );
    Ok(root)
}

/// The floor for a clean build: copying the output it just wrote. Prints
/// the ratio of the two medians.
fn bench_copy(args: &Args, size: usize, build: Option<&Row>) -> Result<Vec<Row>, String> {
    let public = args.dir.join(format!("articles-{size}/public"));
    let copy = args.dir.join(format!("copy-{size}"));
    let (from, to) = (public.to_string_lossy(), copy.to_string_lossy());
    let script = format!("rm -rf '{to}' && cp -r '{from}' '{to}'");
    let log = args.dir.join(format!("logs/copy-{size}.log"));
    let runs = measure::repeat(args.runs, args.warmup, || {
        measure::child("sh", &["-c", &script], &log)
    })?;
    let row = Row::timed(
        "copy public/ (floor)",
        format!("{} articles", measure::thousands(size)),
        &runs,
        count_files(&public, "html"),
        "pages",
    );
    if let Some(build) = build {
        eprintln!(
            "build / copy of its own output at {}: {:.2}×",
            measure::thousands(size),
            build.seconds() / row.seconds()
        );
    }
    discard(&args.dir, &copy)?;
    Ok(vec![row])
}

/// A rebuild after one article's body changed (a different line each run).
fn bench_edit(args: &Args, size: usize) -> Result<Option<Row>, String> {
    let (root, root_arg) = articles_corpus(args, size)?;
    let log = args.dir.join(format!("logs/edit-{size}.log"));
    if !root.join("public").exists() {
        measure::child(&args.binary, &["build", "--root", &root_arg], &log)?;
    }
    let article = first_article(&root)?;
    let mut edits = 0;
    let runs = measure::repeat(args.runs, args.warmup, || {
        edits += 1;
        let mut text = fs::read_to_string(&article).map_err(|e| e.to_string())?;
        text.push_str(&format!("\nEdited paragraph {edits}.\n"));
        fs::write(&article, text).map_err(|e| e.to_string())?;
        measure::child(&args.binary, &["build", "--root", &root_arg], &log)
    })?;
    Ok(Some(Row::timed(
        "rebuild, one article edited",
        format!("{} articles", measure::thousands(size)),
        &runs,
        1,
        "articles",
    )))
}

/// `briefing check` on the build corpus, which passes it (drafts
/// included, every page rendered in memory); its ratio to the clean build.
fn bench_check(args: &Args, size: usize, build: Option<f64>) -> Result<Vec<Row>, String> {
    let (_, root_arg) = articles_corpus(args, size)?;
    let log = args.dir.join(format!("logs/check-{size}.log"));
    let runs = measure::repeat(args.runs, args.warmup, || {
        measure::child(&args.binary, &["check", "--root", &root_arg], &log)
    })?;
    let row = Row::timed(
        "check",
        format!("{} articles", measure::thousands(size)),
        &runs,
        size,
        "articles",
    );
    if let Some(build) = build {
        eprintln!(
            "check / build at {}: {:.2}×",
            measure::thousands(size),
            row.seconds() / build
        );
    }
    Ok(vec![row])
}

/// The corpus of `size` articles (written once per process) and its path
/// as an argument.
fn articles_corpus(args: &Args, size: usize) -> Result<(PathBuf, String), String> {
    let root = prepare(
        &args.dir,
        &format!("articles-{size}"),
        &corpus::Options::articles(size),
    )?;
    let arg = root.to_string_lossy().into_owned();
    Ok((root, arg))
}

fn first_article(root: &Path) -> Result<PathBuf, String> {
    let dir = root.join("content/articles");
    let mut names: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    names
        .into_iter()
        .next()
        .ok_or_else(|| format!("no article in {}", dir.display()))
}

fn bench_build(args: &Args, size: usize, clean: bool) -> Result<Option<Row>, String> {
    let (root, root_arg) = articles_corpus(args, size)?;
    let log = args.dir.join(format!("logs/build-{size}.log"));
    let public = root.join("public");
    let runs = measure::repeat(args.runs, args.warmup, || {
        if clean {
            discard(&args.dir, &public)?;
        }
        measure::child(&args.binary, &["build", "--root", &root_arg], &log)
    })?;
    let pages = count_files(&public, "html");
    Ok(Some(Row::timed(
        if clean {
            "build"
        } else {
            "rebuild, nothing changed"
        },
        format!("{} articles", measure::thousands(size)),
        &runs,
        pages,
        "pages",
    )))
}

fn bench_ingest(args: &Args, size: usize) -> Result<Option<Row>, String> {
    let options = corpus::Options {
        articles: 0,
        seeds: size,
        ..corpus::Options::articles(0)
    };
    let root = prepare(&args.dir, &format!("seeds-{size}"), &options)?;
    let root_arg = root.to_string_lossy().into_owned();
    let articles = root.join("content/articles");
    let log = args.dir.join(format!("logs/ingest-{size}.log"));
    let runs = measure::repeat(args.runs, args.warmup, || {
        // Each run ingests every seed afresh, as on a first checkout.
        discard(&args.dir, &articles)?;
        measure::child(&args.binary, &["ingest", "--root", &root_arg], &log)
    })?;
    let written = count_files(&articles, "md");
    Ok(Some(Row::timed(
        "ingest",
        format!("{} seeds", measure::thousands(size)),
        &runs,
        written,
        "articles",
    )))
}

/// Files under `dir` whose name ends in `.ext`.
fn count_files(dir: &Path, ext: &str) -> usize {
    check::files(dir)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .count()
}
