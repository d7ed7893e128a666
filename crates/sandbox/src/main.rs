//! `sandbox` — runs the partner API emulator (see docs/sandbox.md).

use sandbox::Config;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: sandbox [--host 127.0.0.1] [--port 8081] [--customers 3000] [--seed 42]
               [--token-ttl-secs 86400] [--allow-origin ORIGIN]... [--app-dir DIR] [--app-port 8080]
               [--app-base /] [--frame-ancestor ORIGIN]... [--app-config KEY=VALUE]...

  --host HOST            address to bind (default 127.0.0.1)
  --port PORT            API port; 0 picks a free one (default 8081)
  --customers N          number of seeded customers (default 3000)
  --seed N               seed of the generated data (default 42)
  --token-ttl-secs N     lifetime of new tokens (default 86400)
  --allow-origin ORIGIN  browser origin allowed by CORS; repeatable
  --app-dir DIR          also serve the built app from DIR
  --app-port PORT        port of the app; 0 picks a free one (default 8080)
  --app-base PATH        serve the app under this sub-path, like a static host would (default /)
  --frame-ancestor ORIGIN  portal origin allowed to embed the app (CSP frame-ancestors); repeatable
  --app-config KEY=VALUE set KEY in the served config.json (VALUE as JSON, else a string);
                         repeatable, e.g. --app-config request_timeout_ms=1500

Prints SANDBOX_API_URL=... (and SANDBOX_APP_URL=...) once listening.";

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Config>, String> {
    fn num<T: std::str::FromStr>(flag: &str, v: &str) -> Result<T, String> {
        v.parse().map_err(|_| format!("{flag}: '{v}' is not a valid number"))
    }
    let mut c = Config::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        // Both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--host" => c.host = value()?,
            "--port" => c.port = num(&flag, &value()?)?,
            "--customers" => c.customers = num(&flag, &value()?)?,
            "--seed" => c.seed = num(&flag, &value()?)?,
            "--token-ttl-secs" => c.token_ttl_secs = num(&flag, &value()?)?,
            "--allow-origin" => c.allow_origins.push(value()?.trim_end_matches('/').to_string()),
            "--app-dir" => c.app_dir = Some(PathBuf::from(value()?)),
            "--app-port" => c.app_port = num(&flag, &value()?)?,
            "--app-base" => {
                let b = value()?;
                c.app_base = format!("/{}/", b.trim_matches('/')).replace("//", "/");
            }
            "--frame-ancestor" => c.frame_ancestors.push(value()?.trim_end_matches('/').to_string()),
            "--app-config" => {
                let v = value()?;
                let (key, raw) = v.split_once('=').ok_or_else(|| format!("--app-config: '{v}' is not KEY=VALUE"))?;
                let json = serde_json::from_str(raw).unwrap_or_else(|_| serde_json::Value::String(raw.to_string()));
                c.app_config.push((key.trim().to_string(), json));
            }
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    if c.token_ttl_secs < 0 {
        return Err("--token-ttl-secs must not be negative".into());
    }
    Ok(Some(c))
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Some(c)) => c,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("sandbox: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &config.app_dir {
        if !dir.join("index.html").is_file() {
            eprintln!("sandbox: warning: {} has no index.html", dir.display());
        }
    }
    match sandbox::serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sandbox: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Option<Config>, String> {
        parse_args(s.split_whitespace().map(String::from))
    }

    #[test]
    fn flags() {
        let c = parse("--port 0 --customers=200 --allow-origin http://a:1/ --allow-origin http://b:2 --app-dir d")
            .unwrap()
            .unwrap();
        assert_eq!((c.port, c.customers, c.seed), (0, 200, 42));
        assert_eq!(c.allow_origins, ["http://a:1", "http://b:2"]);
        assert_eq!(c.app_dir, Some(PathBuf::from("d")));
        assert_eq!(parse("--help").unwrap(), None);
        assert!(parse("--port").is_err());
        assert!(parse("--port x").is_err());
        assert!(parse("--bogus").is_err());
        let c = parse("--app-config request_timeout_ms=1500 --app-config site=intl").unwrap().unwrap();
        assert_eq!(
            c.app_config,
            [
                ("request_timeout_ms".to_string(), serde_json::json!(1500)),
                ("site".to_string(), serde_json::json!("intl"))
            ]
        );
        assert!(parse("--app-config nokey").is_err());
    }
}
