//! `cargo xtask test [--e2e-only|--skip-e2e]`: every check and test, in order, failing fast.

use crate::{build, cargo, cmd, flags, root, run, size, tools, Result};
use std::time::Instant;

type Step = (&'static str, Box<dyn Fn() -> Result>);

pub fn command(args: &[String]) -> Result {
    let [e2e_only, skip_e2e] = flags(args, ["--e2e-only", "--skip-e2e"])?;
    if e2e_only && skip_e2e {
        return Err("--e2e-only and --skip-e2e exclude each other".into());
    }
    let e2e = !skip_e2e;
    let all = !e2e_only;

    let mut steps: Vec<Step> = Vec::new();
    steps.push(("install tools", Box::new(move || tools::build_tools().and_then(|()| tools::test_tools(e2e)))));
    steps.push(("cargo fetch --locked", Box::new(build::fetch)));
    if all {
        steps.push(("rustfmt check", Box::new(|| run(cargo(&["fmt", "--all", "--", "--check"])))));
        steps.push((
            // The app has no target-specific code, so one native run lints every crate, tests
            // included; the release build below compiles it for wasm.
            "clippy (every crate, tests included)",
            Box::new(|| run(cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))),
        ));
        steps.push((
            // xtask's tests also check the app's pure modules and its import graph (app_logic.rs, imports.rs).
            "unit tests (api, sandbox, xtask and the app crate, natively)",
            Box::new(|| run(cargo(&["test", "--workspace"]))),
        ));
    }
    steps.push(("release build of the app (trunk)", Box::new(|| build::trunk_build(true))));
    steps.push(("sandbox build", Box::new(|| run(cargo(&["build", "-p", "sandbox"])))));
    if e2e {
        steps.push(("e2e: npm ci", Box::new(|| run(npm_ci()))));
        steps.push(("e2e: node --test (headless Chromium)", Box::new(e2e_tests)));
    }
    if all {
        steps.push(("size benchmark", Box::new(size::measure)));
    }

    let started = Instant::now();
    let mut done: Vec<(&str, f64, bool)> = Vec::new();
    let mut failure = None;
    for (name, step) in &steps {
        println!("\n==> {name}");
        let t = Instant::now();
        let result = step();
        done.push((name, t.elapsed().as_secs_f64(), result.is_ok()));
        if let Err(e) = result {
            failure = Some(format!("step `{name}` failed: {e}"));
            break;
        }
    }

    println!("\n==> summary");
    for (name, secs, ok) in &done {
        println!("  {}  {secs:>7.1}s  {name}", if *ok { "ok  " } else { "FAIL" });
    }
    for (name, _) in steps.iter().skip(done.len()) {
        println!("  --     not run  {name}");
    }
    let total = started.elapsed().as_secs_f64();
    match failure {
        None => {
            println!("all {} steps passed in {total:.0}s", done.len());
            Ok(())
        }
        Some(f) => Err(f),
    }
}

fn npm_ci() -> std::process::Command {
    let mut c = cmd("npm", &["ci", "--no-audit", "--no-fund"]);
    c.current_dir(root().join("tests/e2e"));
    c
}

/// `node --test tests/e2e/*.test.mjs` against the release build in dist/ and the sandbox binary.
fn e2e_tests() -> Result {
    let root = root();
    let dir = root.join("tests/e2e");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".test.mjs"))
        .collect();
    if files.is_empty() {
        return Err(format!("no *.test.mjs files in {}", dir.display()));
    }
    files.sort();
    let mut c = cmd("node", &["--test", "--test-timeout=300000"]);
    c.args(&files).current_dir(&dir);
    c.env("PC_DIST", root.join("dist"))
        .env("PC_SANDBOX_BIN", root.join("target/debug/sandbox"))
        .env("PC_ARTIFACTS", dir.join("artifacts"))
        .env("CHROMIUM", std::env::var("CHROMIUM").unwrap_or_else(|_| tools::CHROMIUM.into()));
    run(c)
}
