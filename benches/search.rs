//! What search adds to a clean build: the same corpus built with no
//! `public/` yet, once as it is (search on, the default) and once with
//! `search: false` in its `site.yaml`, run for run in turn so both see the
//! same machine load. Rows for both, and the difference of the medians
//! (wall, CPU, peak memory) printed below them.

use std::fs;
use std::path::Path;

use super::measure::{self, Row, Run};

/// Both rows; prints what search adds.
pub(crate) fn bench(
    dir: &Path,
    root: &Path,
    size: usize,
    runs: usize,
    warmup: usize,
    binary: &str,
    discard: impl Fn(&Path) -> Result<(), String>,
) -> Result<Vec<Row>, String> {
    let config = root.join("site.yaml");
    let original = fs::read_to_string(&config).map_err(|e| format!("{}: {e}", config.display()))?;
    let without = format!("{}\nsearch: false\n", original.trim_end());
    let root_arg = root.to_string_lossy().into_owned();
    let log = dir.join(format!("logs/search-{size}.log"));
    let public = root.join("public");
    let build = |search: bool| -> Result<Run, String> {
        let text = if search { &original } else { &without };
        fs::write(&config, text).map_err(|e| format!("{}: {e}", config.display()))?;
        discard(&public)?;
        measure::child(binary, &["build", "--root", &root_arg], &log)
    };
    let mut on = Vec::new();
    let mut off = Vec::new();
    let measured = (|| {
        for i in 0..warmup + runs.max(1) {
            let (a, b) = (build(true)?, build(false)?);
            eprintln!(
                "  search on / off: {:.3} / {:.3} s wall, {:.3} / {:.3} s CPU, {} / {} MiB",
                a.wall.as_secs_f64(),
                b.wall.as_secs_f64(),
                a.cpu.as_secs_f64(),
                b.cpu.as_secs_f64(),
                a.max_rss_kib / 1024,
                b.max_rss_kib / 1024
            );
            if i >= warmup {
                on.push(a);
                off.push(b);
            }
        }
        Ok::<(), String>(())
    })();
    fs::write(&config, &original).map_err(|e| format!("{}: {e}", config.display()))?;
    measured?;
    let input = format!("{} articles", measure::thousands(size));
    let median = |runs: &[Run], pick: fn(&Run) -> u128| {
        let mut values: Vec<u128> = runs.iter().map(pick).collect();
        measure::median(&mut values)
    };
    let wall = |r: &Run| r.wall.as_millis();
    let cpu = |r: &Run| r.cpu.as_millis();
    let rss = |r: &Run| u128::from(r.max_rss_kib);
    eprintln!(
        "search adds at {input}: {:+} ms wall, {:+} ms CPU, {:+} MiB peak (medians, on − off)",
        median(&on, wall) as i128 - median(&off, wall) as i128,
        median(&on, cpu) as i128 - median(&off, cpu) as i128,
        (median(&on, rss) as i128 - median(&off, rss) as i128) / 1024
    );
    Ok(vec![
        Row::timed("build, search on", input.clone(), &on, size, "articles"),
        Row::timed("build, search off", input, &off, size, "articles"),
    ])
}
