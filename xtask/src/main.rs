//! Developer tasks for the Partner Center workspace, run as `cargo xtask <command>`.
//!
//! Plain std only. Each concern lives in its own module: `tools` (idempotent installs),
//! `build` (trunk build of the app), `route_dirs` (from the app's path table), `serve`, `test`
//! and `size`; tests only: `imports` (the app's module graph) and `app_logic` (the app's pure
//! modules, compiled natively).

#[cfg(test)]
mod app_logic;
mod build;
// The app's text catalog, leptos-free, checked natively (app_logic.rs).
#[cfg(test)]
#[allow(dead_code)]
#[path = "../../src/i18n/catalog.rs"]
mod i18n;
#[cfg(test)]
mod imports;
mod route_dirs;
mod serve;
mod size;
mod test;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const HELP: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  serve [--release]              Install what is needed, build the app (debug by default) and the
                                 sandbox API, then run both until Ctrl-C.
                                 Ports: env PC_API_PORT (default 8081), PC_APP_PORT (default 8080).
  test [--e2e-only|--skip-e2e]   Run every check and test: fmt, clippy, unit tests, release build,
                                 end-to-end tests in headless Chromium, size benchmark.
  build [--release]              Build the app with trunk into dist/.
  size                           Release build, then measure brotli sizes (bench/results/size.json).
  install [--test]               Only install the tools (with --test: also the e2e/bench tools).
  help                           Show this help.
";

pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((cmd, rest)) => (cmd.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match cmd {
        "serve" => serve::command(rest),
        "test" => test::command(rest),
        "build" => build::command(rest),
        "size" => size::command(rest),
        "install" => tools::command(rest),
        "help" | "-h" | "--help" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Rejects any argument not in `allowed`; returns whether each allowed flag was given.
pub fn flags<const N: usize>(args: &[String], allowed: [&str; N]) -> Result<[bool; N]> {
    let mut found = [false; N];
    for arg in args {
        match allowed.iter().position(|a| a == arg) {
            Some(i) => found[i] = true,
            None => return Err(format!("unknown option `{arg}` (allowed: {})", allowed.join(", "))),
        }
    }
    Ok(found)
}

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives inside the workspace").to_path_buf()
}

/// `~/.cargo/bin` (or `$CARGO_HOME/bin`).
pub fn cargo_bin_dir() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home).join("bin"),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo").join("bin"),
    }
}

/// PATH with `~/.cargo/bin` and the npm-installed binaryen in front.
pub fn tool_path() -> std::ffi::OsString {
    let mut dirs = vec![cargo_bin_dir(), tools::binaryen_bin_dir()];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// A command run from the workspace root with the tool PATH. `CARGO_TARGET_DIR` is removed so
/// that every build lands in the workspace's own `target/`.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tool_path()).env_remove("CARGO_TARGET_DIR");
    c
}

/// `cargo` itself: the one that runs xtask, when known.
pub fn cargo(args: &[&str]) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    cmd(&cargo, args)
}

/// Runs a command to completion, echoing it first; fails on a non-zero exit.
pub fn run(mut c: Command) -> Result {
    let shown = show(&c);
    println!("$ {shown}");
    let status = c.status().map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command quietly and returns its trimmed stdout, or None if it failed to run or exited non-zero.
pub fn output(mut c: Command) -> Option<String> {
    let out = c.stderr(std::process::Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn show(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_are_found_and_unknown_ones_rejected() {
        assert_eq!(flags(&strings(&["--skip-e2e"]), ["--e2e-only", "--skip-e2e"]), Ok([false, true]));
        assert_eq!(flags(&strings(&[]), ["--release"]), Ok([false]));
        let err = flags(&strings(&["--relase"]), ["--release"]).unwrap_err();
        assert!(err.contains("--relase") && err.contains("--release"), "{err}");
    }

    /// The split step (xtask/split-wasm.mjs) runs wasm-opt once on every module it cuts; trunk
    /// must not also optimise the app's unsplit wasm, which the split step throws away.
    #[test]
    fn trunk_leaves_the_unsplit_app_wasm_unoptimised() {
        let html = std::fs::read_to_string(root().join("index.html")).unwrap();
        let app = html.lines().find(|l| l.contains(r#"data-bin="partner-center""#)).expect("the app's rust link");
        assert!(app.contains(r#"data-wasm-opt="0""#), "{app}");
        let split = std::fs::read_to_string(root().join("xtask/split-wasm.mjs")).unwrap();
        assert!(
            split.contains("if (profile === 'release') await optimizeAll("),
            "split-wasm.mjs optimises the split modules"
        );
    }

    #[test]
    fn trunk_pins_wasm_bindgen_at_the_cargo_lock_version() {
        build::check_trunk_pins().unwrap();
    }
}
