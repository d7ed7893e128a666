//! Idempotent installs. Each tool prints one line: `ok: X` when present, `installing X` otherwise.

use crate::{cargo, cmd, flags, output, root, run, Result};
use std::path::{Path, PathBuf};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132";
/// Splits the wasm into lazily loaded chunks; the version leptos 0.8's wasm_split_helpers pairs with.
pub const WASM_SPLIT_VERSION: &str = "0.2.4";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// `cargo xtask install [--test]`
pub fn command(args: &[String]) -> Result {
    let [test] = flags(args, ["--test"])?;
    build_tools()?;
    if test {
        test_tools(true)?;
    }
    Ok(())
}

/// What building the app needs: the wasm target, trunk, wasm-bindgen-cli, Node.js + npm and
/// binaryen (wasm-opt).
pub fn build_tools() -> Result {
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    wasm_split()?;
    node()?;
    binaryen()
}

/// What the end-to-end tests need beyond the build: Debian's Chromium, ChromeDriver and CJK fonts.
pub fn test_tools(e2e: bool) -> Result {
    let mut wanted = Vec::new();
    if e2e {
        wanted.push(("chromium", Path::new(CHROMIUM).exists()));
        wanted.push(("chromium-driver", Path::new("/usr/bin/chromedriver").exists()));
        wanted.push(("fonts-noto-cjk", deb_installed("fonts-noto-cjk")));
    }
    let mut missing = Vec::new();
    for (pkg, present) in wanted {
        if present {
            println!("ok: {pkg}");
        } else {
            println!("installing {pkg}");
            missing.push(pkg);
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let install = format!("apt-get update && apt-get install -y {}", missing.join(" "));
    if output(cmd("id", &["-u"])).as_deref() != Some("0") {
        return Err(format!("not root: install the missing packages yourself, then re-run:\n  sudo sh -c '{install}'"));
    }
    run(apt(&["update"]))?;
    let mut args = vec!["install", "-y"];
    args.extend(&missing);
    run(apt(&args))
}

fn apt(args: &[&str]) -> std::process::Command {
    let mut c = cmd("apt-get", args);
    c.env("DEBIAN_FRONTEND", "noninteractive");
    c
}

fn deb_installed(pkg: &str) -> bool {
    output(cmd("dpkg-query", &["-W", "-f=${Status}", pkg])).is_some_and(|s| s.ends_with(" installed"))
}

fn node() -> Result {
    match output(cmd("node", &["--version"])) {
        Some(v) if output(cmd("npm", &["--version"])).is_some() => {
            println!("ok: node {v}");
            Ok(())
        }
        _ => Err("Node.js (>= 20) and npm are required for the end-to-end tests and binaryen; \
                  install them (e.g. `apt-get install -y nodejs npm` on a recent Debian) and re-run"
            .into()),
    }
}

fn wasm_target() -> Result {
    let installed = output(cmd("rustup", &["target", "list", "--installed"]))
        .ok_or("`rustup` not found: install Rust with rustup (https://rustup.rs)")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("ok: rust target {WASM_TARGET}");
        Ok(())
    } else {
        println!("installing rust target {WASM_TARGET}");
        run(cmd("rustup", &["target", "add", WASM_TARGET]))
    }
}

/// `trunk --version` prints `trunk 0.21.14`.
fn trunk() -> Result {
    let want = format!("trunk {TRUNK_VERSION}");
    if output(cmd("trunk", &["--version"])).as_deref() == Some(want.as_str()) {
        println!("ok: {want}");
        return Ok(());
    }
    println!("installing {want} (cargo install, a few minutes)");
    run(cargo(&["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

/// wasm-split-cli cuts the lazy routes out of the main wasm (xtask/post-build.mjs). It has no
/// `--version`, so `cargo install --list` tells which version is installed.
fn wasm_split() -> Result {
    let want = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    let listed = output(cargo(&["install", "--list"])).unwrap_or_default();
    if listed.lines().any(|l| l.trim() == want) && output(cmd("wasm-split-cli", &["--help"])).is_some() {
        println!("ok: wasm-split-cli {WASM_SPLIT_VERSION}");
        return Ok(());
    }
    println!("installing wasm-split-cli {WASM_SPLIT_VERSION} (cargo install, a few minutes)");
    run(cargo(&[
        "install",
        "wasm_split_cli_support",
        "--version",
        WASM_SPLIT_VERSION,
        "--locked",
        "--features",
        "build-binary",
    ]))
}

/// wasm-bindgen-cli must match the `wasm-bindgen` crate in Cargo.lock exactly.
fn wasm_bindgen() -> Result {
    let version = wasm_bindgen_lock_version()?;
    let want = format!("wasm-bindgen {version}");
    if output(cmd("wasm-bindgen", &["--version"])).as_deref() == Some(want.as_str()) {
        println!("ok: {want}");
        return Ok(());
    }
    println!("installing wasm-bindgen-cli {version} (cargo install, a few minutes)");
    run(cargo(&["install", "wasm-bindgen-cli", "--version", &version]))
}

/// The `wasm-bindgen` version locked in Cargo.lock.
pub fn wasm_bindgen_lock_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == r#"name = "wasm-bindgen""# {
            if let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = ")) {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err("no `wasm-bindgen` package in Cargo.lock".into())
}

pub fn binaryen_bin_dir() -> PathBuf {
    root().join(".tools/binaryen/node_modules/.bin")
}

/// binaryen's wasm-opt from npm (Debian's is broken), into the git-ignored `.tools/binaryen`.
/// `wasm-opt --version` prints `wasm-opt version 132 (version_132)`.
fn binaryen() -> Result {
    let wasm_opt = binaryen_bin_dir().join("wasm-opt");
    let want = format!("wasm-opt version {BINARYEN_VERSION} ");
    if output(cmd(&wasm_opt.to_string_lossy(), &["--version"])).is_some_and(|v| v.starts_with(&want)) {
        println!("ok: binaryen {BINARYEN_VERSION} (wasm-opt)");
        return Ok(());
    }
    println!("installing binaryen {BINARYEN_VERSION} (npm, into .tools/binaryen)");
    let dir = root().join(".tools/binaryen");
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let pkg = format!("binaryen@{BINARYEN_VERSION}.0.0");
    run(cmd("npm", &["install", "--prefix", ".tools/binaryen", "--no-audit", "--no-fund", &pkg]))?;
    match output(cmd(&wasm_opt.to_string_lossy(), &["--version"])) {
        Some(v) if v.starts_with(&want) => Ok(()),
        other => Err(format!("{} --version printed {other:?}, expected {want}…", wasm_opt.display())),
    }
}
