//! `cargo xtask serve [--release]`: build the app and the sandbox API, then run the sandbox serving both.

use crate::{build, cargo, cmd, flags, root, run, tools, Result};
use std::io::{BufRead, BufReader};
use std::process::Stdio;

pub fn command(args: &[String]) -> Result {
    let [release] = flags(args, ["--release"])?;
    tools::build_tools()?;
    build::fetch()?;
    build::trunk_build(release)?;
    run(cargo(&["build", "-p", "sandbox"]))?;

    let api_port = std::env::var("PC_API_PORT").unwrap_or_else(|_| "8081".into());
    let app_port = std::env::var("PC_APP_PORT").unwrap_or_else(|_| "8080".into());
    let bin = root().join("target/debug/sandbox");
    let mut c = cmd(&bin.to_string_lossy(), &["--port", &api_port, "--app-dir", "dist", "--app-port", &app_port]);
    c.stdout(Stdio::piped());
    println!("$ {}", crate::show(&c));
    let mut child = c.spawn().map_err(|e| format!("could not start {}: {e}", bin.display()))?;
    // From here on Ctrl-C is for the sandbox (it gets SIGINT from the terminal too): we keep
    // forwarding its output until it has shut down.
    ignore_ctrl_c();

    let mut ready = false;
    for line in BufReader::new(child.stdout.take().expect("piped stdout")).lines() {
        let Ok(line) = line else { break };
        println!("{line}");
        if let Some(url) = line.strip_prefix("SANDBOX_APP_URL=") {
            ready = true;
            let url = if url.ends_with('/') { url.to_string() } else { format!("{url}/") };
            println!(
                "\nPartner Center is running at {url} — sign in with account hz_distributor, user admin, \
                 password Partner@2026 (more accounts in docs/sandbox.md). Ctrl-C to stop.\n"
            );
        }
    }
    let status = child.wait().map_err(|e| format!("waiting for the sandbox: {e}"))?;
    if ready {
        println!("sandbox stopped ({status})");
        Ok(())
    } else {
        Err(format!("the sandbox exited ({status}) before printing SANDBOX_APP_URL="))
    }
}

#[cfg(unix)]
fn ignore_ctrl_c() {
    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGINT: i32 = 2;
    const SIG_IGN: usize = 1;
    // SAFETY: setting SIGINT's disposition to SIG_IGN has no preconditions.
    unsafe {
        signal(SIGINT, SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_ctrl_c() {}
