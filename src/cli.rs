//! Command line: one `Args` struct per command and a `run` for each.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, BuildError, BuildOptions};
use crate::diag::{self, Format};
use crate::ingest::{self, IngestOptions};

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
    /// Turn raw seeds into annotated Markdown in content/articles/.
    Ingest(IngestArgs),
}

/// `briefing ingest`.
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Regenerate articles a person has edited, discarding their edits.
    #[arg(long)]
    force: bool,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
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
        Command::Ingest(args) => run_ingest(&args),
    }
}

fn run_ingest(args: &IngestArgs) -> ExitCode {
    let options = IngestOptions {
        root: args.root.root.clone(),
        force: args.force,
        dry_run: false,
    };
    let mut report = ingest::run(&options);
    diag::sort(&mut report.diagnostics);
    diag::emit(&report.diagnostics, args.format);
    eprintln!(
        "ingest: {} written, {} unchanged, {} skipped because a person edited them{}",
        report.written.len(),
        report.unchanged.len(),
        report.skipped_edited.len(),
        if report.skipped_edited.is_empty() {
            ""
        } else {
            " (use --force to regenerate them)"
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
