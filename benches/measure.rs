//! Measuring child processes and printing the results as Markdown.
//!
//! A run is one child process: wall time from spawn to exit, CPU time, and
//! its peak resident set (`ru_maxrss` from `wait4`, which reports on that
//! child alone). A [`Row`] is one line of the README table.

use std::fs::{self, File};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// One measured child process.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run {
    /// Spawn to exit.
    pub(crate) wall: Duration,
    /// User plus system time of the child.
    pub(crate) cpu: Duration,
    /// Peak resident set of the child, in KiB.
    pub(crate) max_rss_kib: u64,
}

/// Run `binary args…` to completion, output to `log`; fail on a non-zero
/// exit with the end of the log.
pub(crate) fn child(binary: &str, args: &[&str], log: &Path) -> Result<Run, String> {
    if let Some(parent) = log.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let out = File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let err = out.try_clone().map_err(|e| e.to_string())?;
    let start = Instant::now();
    let child = Command::new(binary)
        .args(args)
        .stdout(out)
        .stderr(err)
        .spawn()
        .map_err(|e| format!("cannot start {binary}: {e}"))?;
    let mut status = 0;
    // SAFETY: `rusage` is plain old data that wait4 fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our own child, not yet reaped; the pointers are valid.
    let rc = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if rc < 0 {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let text = fs::read_to_string(log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "`{binary} {}` failed (wait status {status}); end of {}:\n{}",
            args.join(" "),
            log.display(),
            tail.join("\n")
        ));
    }
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Ok(Run {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        max_rss_kib: usage.ru_maxrss as u64,
    })
}

/// `warmup` unmeasured runs, then `runs` measured ones.
pub(crate) fn repeat(
    runs: usize,
    warmup: usize,
    mut run: impl FnMut() -> Result<Run, String>,
) -> Result<Vec<Run>, String> {
    for _ in 0..warmup {
        let warm = run()?;
        eprintln!("  warm-up: {:.3} s", warm.wall.as_secs_f64());
    }
    (0..runs.max(1))
        .map(|i| {
            let r = run()?;
            eprintln!(
                "  run {}: {:.3} s wall, {:.3} s CPU, {} MiB peak",
                i + 1,
                r.wall.as_secs_f64(),
                r.cpu.as_secs_f64(),
                r.max_rss_kib / 1024
            );
            Ok(r)
        })
        .collect()
}

/// The median of a non-empty list.
pub(crate) fn median<T: Copy + Ord>(values: &mut [T]) -> T {
    values.sort_unstable();
    values[values.len() / 2]
}

/// One line of the results table.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    bench: &'static str,
    seconds: f64,
    input: String,
    time: String,
    spread: String,
    throughput: String,
    rss: String,
    cpu: String,
}

impl Row {
    /// A row for a command that runs to completion and writes `outputs`.
    pub(crate) fn timed(
        bench: &'static str,
        input: String,
        runs: &[Run],
        outputs: usize,
        unit: &str,
    ) -> Row {
        let mut walls: Vec<Duration> = runs.iter().map(|r| r.wall).collect();
        let wall = median(&mut walls);
        let mut cpus: Vec<Duration> = runs.iter().map(|r| r.cpu).collect();
        let peak = runs.iter().map(|r| r.max_rss_kib).max().unwrap_or(0);
        Row {
            bench,
            seconds: wall.as_secs_f64(),
            input,
            time: format!("{:.2} s", wall.as_secs_f64()),
            spread: format!(
                "{:.2}–{:.2} s",
                walls[0].as_secs_f64(),
                walls[walls.len() - 1].as_secs_f64()
            ),
            throughput: format!(
                "{} {unit}/s ({} {unit})",
                thousands((outputs as f64 / wall.as_secs_f64()) as usize),
                thousands(outputs)
            ),
            rss: format!("{} MiB", peak / 1024),
            cpu: format!("{:.2} s", median(&mut cpus).as_secs_f64()),
        }
    }

    /// A row for the serve benchmark: reload latencies and server memory.
    pub(crate) fn latency(
        input: String,
        latencies: &mut [Duration],
        cpu: &mut [Duration],
        rss_kib: u64,
        note: &str,
    ) -> Row {
        let cpu = median(cpu);
        let mid = median(latencies);
        Row {
            bench: "serve",
            seconds: mid.as_secs_f64(),
            input,
            time: format!("{} ms", mid.as_millis()),
            spread: format!(
                "{}–{} ms",
                latencies[0].as_millis(),
                latencies[latencies.len() - 1].as_millis()
            ),
            throughput: note.to_string(),
            rss: format!("{} MiB", rss_kib / 1024),
            cpu: format!("{} ms", cpu.as_millis()),
        }
    }
}

impl Row {
    /// The median wall time, in seconds.
    pub(crate) fn seconds(&self) -> f64 {
        self.seconds
    }
}

/// The Markdown table with a line about the machine above it.
pub(crate) fn table(rows: &[Row], runs: usize, warmup: usize) -> String {
    let mut out = format!(
        "Machine: {}. {} build; median of {runs} runs after {warmup} warm-up run(s).\n\n\
         | benchmark | input | wall time (median) | range | throughput | peak RSS | CPU time |\n\
         |---|---|---|---|---|---|---|\n",
        machine(),
        if cfg!(debug_assertions) {
            "Debug"
        } else {
            "Release"
        },
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            r.bench, r.input, r.time, r.spread, r.throughput, r.rss, r.cpu
        ));
    }
    out
}

/// CPU model, core count and kernel, as far as Linux tells.
pub(crate) fn machine() -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|r| r.split(':').nth(1))
        })
        .map_or("unknown CPU".to_string(), |m| m.trim().to_string());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(String::new(), |kib| {
            format!(", {:.1} GiB RAM", kib as f64 / 1048576.0)
        });
    let kernel = fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!("{model}, {cores} cores{memory}, Linux {}", kernel.trim())
}

/// `12345` → `12,345`.
pub(crate) fn thousands(n: usize) -> String {
    crate::corpus::thousands(n as u64)
}
