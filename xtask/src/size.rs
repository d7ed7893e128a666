//! The size benchmark: brotli sizes of the release build, via `bench/size.mjs` (first load, per lazy route, all chunks).

use crate::{build, cmd, flags, run, tools, Result};

/// `cargo xtask size`: release build, then measure.
pub fn command(args: &[String]) -> Result {
    flags(args, [])?;
    tools::build_tools()?;
    tools::test_tools(false)?;
    build::fetch()?;
    build::trunk_build(true)?;
    measure()
}

/// Measures `dist/` (expected to hold a release build) into `bench/results/size.json`.
/// Reports the budget; never fails on it.
pub fn measure() -> Result {
    run(cmd("node", &["bench/size.mjs", "dist"]))
}
