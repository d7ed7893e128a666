//! Building the app with trunk into `dist/`, offline, with the tools pinned in Trunk.toml.

use crate::{cmd, flags, root, run, tools, Result};

/// `cargo xtask build [--release]`
pub fn command(args: &[String]) -> Result {
    let [release] = flags(args, ["--release"])?;
    tools::build_tools()?;
    fetch()?;
    trunk_build(release)
}

/// `cargo fetch --locked`: everything trunk's offline cargo build needs, without touching Cargo.lock.
pub fn fetch() -> Result {
    run(crate::cargo(&["fetch", "--locked"]))
}

/// `trunk build [--release]` into `dist/`. Trunk never downloads anything: it runs offline and finds
/// wasm-bindgen (~/.cargo/bin) and wasm-opt (.tools/binaryen) on PATH at the versions in Trunk.toml.
pub fn trunk_build(release: bool) -> Result {
    check_trunk_pins()?;
    crate::route_dirs::write()?;
    let mut c = cmd("trunk", &["build"]);
    if release {
        c.arg("--release");
    }
    c.env("TRUNK_OFFLINE", "true").env("TRUNK_SKIP_VERSION_CHECK", "true");
    run(c)
}

/// Trunk.toml's `[tools] wasm_bindgen` must equal the `wasm-bindgen` crate in Cargo.lock, or trunk
/// (offline) fails with a less helpful message.
pub fn check_trunk_pins() -> Result {
    let toml = std::fs::read_to_string(root().join("Trunk.toml")).map_err(|e| format!("reading Trunk.toml: {e}"))?;
    let pinned = toml
        .lines()
        .find_map(|l| l.trim().strip_prefix("wasm_bindgen").map(|v| v.trim().trim_start_matches('=').trim()))
        .map(|v| v.trim_matches('"').to_string());
    let locked = tools::wasm_bindgen_lock_version()?;
    match pinned {
        Some(p) if p == locked => Ok(()),
        Some(p) => Err(format!(
            "Trunk.toml pins wasm_bindgen = \"{p}\" but Cargo.lock has wasm-bindgen {locked}: update Trunk.toml [tools]"
        )),
        None => Err("Trunk.toml has no [tools] wasm_bindgen pin".into()),
    }
}
