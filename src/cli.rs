//! Command line: one `Args` struct per command and a `run` for each.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, BuildError, BuildOptions};
use crate::diag::{self, Format};
use crate::serve::{self, ServeOptions, Server};

/// Static site generator for a secondary-battery industry briefing site.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct RootArgs {
    /// Site folder (holds site.yaml, content/, themes/, seeds/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest new seeds, then render the whole site into public/.
    Build(BuildArgs),
    /// Build into memory, serve on 127.0.0.1, rebuild on change, live-reload.
    Serve(ServeArgs),
}

/// `briefing serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
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
}

/// `briefing build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Write the site here instead of <root>/public.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

/// Parse arguments and run; the exit code says whether it worked.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => run_build(&args),
        Command::Serve(args) => run_serve(&args),
    }
}

fn run_serve(args: &ServeArgs) -> ExitCode {
    let mut options = ServeOptions::new(&args.root.root);
    options.bind = args.bind;
    options.port = args.port;
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

fn run_build(args: &BuildArgs) -> ExitCode {
    let mut options = BuildOptions::new(&args.root.root);
    options.output = args.output.clone();
    options.drafts = args.drafts;
    match build::build(&options) {
        Ok(report) => {
            diag::emit(&report.warnings, args.format);
            eprintln!(
                "built {} files ({} articles) into {} in {} ms",
                report.files,
                report.articles,
                options.output_dir().display(),
                report.elapsed.as_millis()
            );
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
