//! Command line: one `Args` struct per command and a `run` for each.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, BuildError, BuildOptions};
use crate::check;
use crate::content::front_matter::OrganizationKind;
use crate::diag::{self, Format};
use crate::ingest::{self, IngestOptions};
use crate::scaffold::{self, NewArticle, NewOrganization};
use crate::schema;
use crate::serve::{self, ServeOptions, Server};

/// Static site generator for a secondary-battery industry briefing site.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about)]
pub(crate) struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub(crate) struct RootArgs {
    /// Site folder (holds site.yaml, content/, themes/, seeds/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Ingest new seeds, then render the whole site into public/.
    Build(BuildArgs),
    /// Turn raw seeds into annotated Markdown in content/articles/.
    Ingest(IngestArgs),
    /// Run every validation of build and ingest, writing nothing.
    Check(CheckArgs),
    /// Scaffold a new content file.
    New(NewArgs),
    /// Regenerate the JSON Schemas under schemas/ (for maintainers).
    #[command(hide = true)]
    Schema(SchemaArgs),
    /// Build into memory, serve on 127.0.0.1, rebuild on change, live-reload.
    Serve(ServeArgs),
}

/// `briefing ingest`.
#[derive(Debug, clap::Args)]
pub(crate) struct IngestArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Regenerate articles a person has edited, discarding their edits
    /// (never an accepted one).
    #[arg(long, conflicts_with_all = ["accept", "diff"])]
    force: bool,
    /// Take an ingested article over, edits and all: ingest never writes it
    /// again and nothing warns that it was edited (repeatable). Only
    /// records this in content/articles/.ingest.lock; ingests nothing.
    #[arg(long, value_name = "FILE", conflicts_with = "diff")]
    accept: Vec<PathBuf>,
    /// Print what regenerating this article from its seed would change, as
    /// a unified diff; writes nothing.
    #[arg(long, value_name = "FILE")]
    diff: Option<PathBuf>,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// `briefing check`.
#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    root: RootArgs,
    /// How to print problems: human (terminal), json (tools), github
    /// (annotations on a pull request).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with status 2 when only warnings were found.
    #[arg(long)]
    deny_warnings: bool,
}

/// `briefing new`.
#[derive(Debug, clap::Args)]
pub(crate) struct NewArgs {
    /// Site folder (holds site.yaml, content/, themes/, seeds/).
    #[arg(long, default_value = ".", global = true)]
    root: PathBuf,
    /// What to create.
    #[command(subcommand)]
    what: NewCommand,
}

/// What `briefing new` creates.
#[derive(Debug, Subcommand)]
pub(crate) enum NewCommand {
    /// content/articles/<date>-<slug>.md
    Article {
        /// Headline, in quotes.
        title: String,
        /// Publication date, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Topic slug from content/topics/ (repeatable).
        #[arg(long = "topic")]
        topics: Vec<String>,
        /// Organization slug from content/organizations/ (repeatable).
        #[arg(long = "org")]
        organizations: Vec<String>,
        /// File name slug (lowercase words joined by hyphens) instead of
        /// one made from the title.
        #[arg(long)]
        slug: Option<String>,
    },
    /// content/organizations/<slug>.md
    Organization {
        /// Canonical English name, in quotes.
        name: String,
        /// government, company, research, university, association or other.
        #[arg(long, value_parser = parse_kind, default_value = "other")]
        kind: OrganizationKind,
        /// ISO 3166-1 alpha-2 country code.
        #[arg(long, default_value = "KR")]
        country: String,
        /// File name slug instead of one made from the name.
        #[arg(long)]
        slug: Option<String>,
    },
}

/// `briefing schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct SchemaArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Write schemas/*.json (otherwise print the article schema).
    #[arg(long)]
    write: bool,
}

/// `briefing serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Interface to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Port; when not given, 1111 or the next free one.
    #[arg(long)]
    port: Option<u16>,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Also answer requests addressed to this host name (besides IP
    /// addresses and localhost); repeat for more.
    #[arg(long = "allow-host", value_name = "NAME")]
    allow_hosts: Vec<String>,
}

/// `briefing build`.
#[derive(Debug, clap::Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Write the site here instead of <root>/public.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Print how long each stage took.
    #[arg(long)]
    timings: bool,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Parse arguments and run; the exit code says whether it worked.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => run_build(&args),
        Command::Check(args) => run_check(&args),
        Command::New(args) => run_new(&args),
        Command::Schema(args) => run_schema(&args),
        Command::Ingest(args) => run_ingest(&args),
        Command::Serve(args) => run_serve(&args),
    }
}

fn run_serve(args: &ServeArgs) -> ExitCode {
    let mut options = ServeOptions::new(&args.root.root);
    options.bind = args.bind;
    options.port = args.port;
    options.allowed_hosts = args.allow_hosts.clone();
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: serving on {} reaches beyond this computer: anyone on the network can read the site, drafts included\n  = help: leave out --bind to serve on 127.0.0.1 only",
            args.bind
        );
    }
    let server = match Server::start(&options) {
        Ok(server) => server,
        Err(err) => {
            eprintln!("error: {:#}", anyhow::Error::from(err));
            return ExitCode::FAILURE;
        }
    };
    let url = server.url();
    match args.port {
        None if server.addr().port() != serve::server::DEFAULT_PORT => eprintln!(
            "port {} is in use; took {} instead",
            serve::server::DEFAULT_PORT,
            server.addr().port()
        ),
        _ => {}
    }
    eprintln!("serving {url} (Ctrl-C to stop)");
    if args.open {
        open_browser(&url);
    }
    server.run_until_interrupted();
    eprintln!("stopped");
    ExitCode::SUCCESS
}

/// Best effort: a missing opener is not worth failing over.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(err) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("could not open a browser ({opener}: {err}); open {url} yourself");
    }
}

fn run_ingest(args: &IngestArgs) -> ExitCode {
    let root = &args.root.root;
    if !args.accept.is_empty() {
        return match ingest::accept::accept(root, &args.accept) {
            Ok(files) => {
                for file in files {
                    eprintln!("accepted {file}: ingest leaves it as it is from now on (`briefing ingest --diff {file}` still shows what regenerating would change)");
                }
                ExitCode::SUCCESS
            }
            Err(diagnostics) => {
                diag::emit(&diagnostics, args.format);
                eprintln!("nothing was accepted");
                ExitCode::FAILURE
            }
        };
    }
    if let Some(file) = &args.diff {
        return match ingest::accept::diff(root, file) {
            Ok((diff, _)) if diff.is_empty() => {
                eprintln!("regenerating {} would change nothing", file.display());
                ExitCode::SUCCESS
            }
            Ok((diff, _)) => {
                print!("{diff}");
                ExitCode::SUCCESS
            }
            Err(diagnostics) => {
                diag::emit(&diagnostics, args.format);
                ExitCode::FAILURE
            }
        };
    }
    let options = IngestOptions {
        root: args.root.root.clone(),
        force: args.force,
        dry_run: false,
        propose: false,
    };
    let mut report = ingest::run(&options);
    diag::sort(&mut report.diagnostics);
    diag::emit(&report.diagnostics, args.format);
    eprintln!(
        "ingest: {} written, {} unchanged, {} accepted by a person, {} skipped because a person edited them{}",
        report.written.len(),
        report.unchanged.len(),
        report.accepted.len(),
        report.skipped_edited.len(),
        if report.skipped_edited.is_empty() {
            ""
        } else {
            " (`briefing ingest --accept FILE` keeps a file's edits and stops the warning; `--diff FILE` shows what regenerating would change; `--force` regenerates them and discards the edits)"
        }
    );
    for path in &report.skipped_edited {
        eprintln!("  skipped {}", path.display());
    }
    exit_for(&report.diagnostics)
}

fn exit_for(diagnostics: &[diag::Diagnostic]) -> ExitCode {
    if diagnostics
        .iter()
        .any(|d| d.severity == diag::Severity::Error)
    {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_check(args: &CheckArgs) -> ExitCode {
    let report = check::run(&args.root.root);
    match args.format {
        // Machine formats go to stdout, to be piped; humans read stderr.
        Format::Json | Format::Github => {
            print!("{}", diag::render(&report.diagnostics, args.format))
        }
        Format::Human => diag::emit(&report.diagnostics, args.format),
    }
    if args.format == Format::Human {
        eprintln!(
            "checked {} articles and {} pages rendered in memory; nothing was written",
            report.articles, report.pages
        );
    }
    ExitCode::from(report.outcome(args.deny_warnings).code())
}

fn run_new(args: &NewArgs) -> ExitCode {
    let root = &args.root;
    let result = match &args.what {
        NewCommand::Article {
            title,
            date,
            topics,
            organizations,
            slug,
        } => scaffold::article(
            root,
            &NewArticle {
                title: title.clone(),
                date: date.clone(),
                topics: topics.clone(),
                organizations: organizations.clone(),
                slug: slug.clone(),
            },
        ),
        NewCommand::Organization {
            name,
            kind,
            country,
            slug,
        } => scaffold::organization(
            root,
            &NewOrganization {
                name: name.clone(),
                kind: *kind,
                country: country.clone(),
                slug: slug.clone(),
            },
        ),
    };
    match result {
        Ok(path) => {
            println!("{}", path.display());
            eprintln!(
                "created {}; edit it, then run `briefing check`",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            diag::emit(&diagnostics, Format::Human);
            ExitCode::FAILURE
        }
    }
}

fn run_schema(args: &SchemaArgs) -> ExitCode {
    if !args.write {
        print!("{}", schema::all()[0].1);
        return ExitCode::SUCCESS;
    }
    match schema::write(&args.root.root) {
        Ok(paths) => {
            for path in paths {
                eprintln!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn parse_kind(text: &str) -> Result<OrganizationKind, String> {
    OrganizationKind::from_word(text).ok_or_else(|| {
        let words: Vec<&str> = OrganizationKind::ALL.iter().map(|k| k.word()).collect();
        format!("expected one of {}", words.join(", "))
    })
}

fn run_build(args: &BuildArgs) -> ExitCode {
    let mut options = BuildOptions::new(&args.root.root);
    options.output = args.output.clone();
    options.drafts = args.drafts;
    match build::build(&options) {
        Ok(report) => {
            diag::emit(&report.warnings, args.format);
            if report.unchanged {
                eprintln!(
                    "nothing changed since the last build: {} already holds these {} files ({} articles); checked in {} ms",
                    options.output_dir().display(),
                    report.files,
                    report.articles,
                    report.elapsed.as_millis()
                );
            } else {
                // After article edits alone only the pages they touch are rendered.
                let kept = report.files.saturating_sub(report.rendered);
                let partly = if kept > 0 {
                    format!(
                        "; {} rendered, {kept} kept (only articles changed)",
                        report.rendered
                    )
                } else {
                    String::new()
                };
                eprintln!(
                    "built {} files ({} articles) into {} in {} ms{partly}",
                    report.files,
                    report.articles,
                    options.output_dir().display(),
                    report.elapsed.as_millis()
                );
            }
            if args.timings {
                for (stage, took) in &report.stages {
                    eprintln!("  {stage:<14} {:>6} ms", took.as_millis());
                }
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Invalid(diagnostics)) => {
            diag::emit(&diagnostics, args.format);
            eprintln!(
                "build failed: nothing was written; {} is unchanged",
                options.output_dir().display()
            );
            ExitCode::FAILURE
        }
        Err(BuildError::Output(err)) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
