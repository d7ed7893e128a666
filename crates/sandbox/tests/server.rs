//! The real binary on free ports, spoken to over raw TCP: the URL lines harnesses parse,
//! sign-in, a dropped connection, CORS for the app origin and the served app.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// One request on a fresh connection; returns every byte the server sent before closing.
fn raw(url: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> std::io::Result<Vec<u8>> {
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(20)))?;
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    s.write_all(req.as_bytes())?;
    let mut out = Vec::new();
    s.read_to_end(&mut out)?;
    Ok(out)
}

fn http(url: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    let bytes = raw(url, method, path, headers, body).expect("a response");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("a complete response");
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().into(), v.trim().into())).collect();
    Reply { status, headers, body: body.into() }
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn sign_in_body(account: &str, user: &str) -> String {
    serde_json::to_string(&partner_api::auth::TokenRequest::password(account, user, sandbox::seed::PASSWORD)).unwrap()
}

#[test]
fn binary_serves_api_and_app_and_drops_connections() {
    let dir = std::env::temp_dir().join(format!("sandbox-app-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>Partner Center</title>").unwrap();
    std::fs::write(dir.join("pkg/app.js"), "console.log(1)").unwrap();
    std::fs::write(
        dir.join("config.json"),
        r#"{"api_base_url":"https://bss.example","iam_base_url":"x","locale":"zh-CN"}"#,
    )
    .unwrap();

    let child = Command::new(env!("CARGO_BIN_EXE_sandbox"))
        .args(["--port", "0", "--customers", "120", "--app-port", "0", "--allow-origin", "http://other.test:1"])
        .arg("--app-dir")
        .arg(&dir)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let mut stdout = BufReader::new(server.0.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let api = line.trim().strip_prefix("SANDBOX_API_URL=").expect("first line names the API").to_string();
    line.clear();
    stdout.read_line(&mut line).unwrap();
    let app = line.trim().strip_prefix("SANDBOX_APP_URL=").expect("second line names the app").to_string();
    assert!(api.starts_with("http://127.0.0.1:") && app.ends_with('/'), "{api} {app}");
    line.clear();
    stdout.read_line(&mut line).unwrap();
    assert!(line.contains("120 customers, seed 42"), "{line}");

    let json = [("Content-Type", "application/json")];
    let r = http(&api, "POST", "/v3/auth/tokens", &json, &sign_in_body("hz_distributor", "admin"));
    assert_eq!(r.status, 201, "{}", r.body);
    let token = r.header("x-subject-token").unwrap().to_string();
    assert!(r.header("x-request-id").is_some());
    let auth = [("Content-Type", "application/json"), ("X-Auth-Token", token.as_str())];

    let r = http(&api, "GET", "/__sandbox/health", &[], "");
    let health: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!((r.status, health), (200, serde_json::json!({"status": "ok", "customers": 120})));

    // A dropped connection: no status line, no bytes at all.
    let r = http(&api, "POST", "/__sandbox/faults", &json, r#"{"fail_next":[{"kind":"drop","count":1}]}"#);
    assert_eq!(r.status, 200, "{}", r.body);
    match raw(&api, "POST", "/v2/partners/sub-customers/query", &auth, "{}") {
        Ok(bytes) => assert!(bytes.is_empty(), "got a response: {}", String::from_utf8_lossy(&bytes)),
        Err(e) => assert_ne!(e.kind(), std::io::ErrorKind::WouldBlock, "timed out instead of dropping"),
    }
    let r = http(&api, "POST", "/v2/partners/sub-customers/query", &auth, r#"{"limit":1}"#);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("\"count\":"));

    // CORS: the app origin is allowed automatically, next to --allow-origin.
    let app_origin = app.trim_end_matches('/').to_string();
    let localhost = app_origin.replace("127.0.0.1", "localhost");
    for origin in [app_origin.as_str(), localhost.as_str(), "http://other.test:1"] {
        let pre = [("Origin", origin), ("Access-Control-Request-Method", "POST")];
        let r = http(&api, "OPTIONS", "/v2/partners/sub-customers/query", &pre, "");
        assert_eq!(r.header("access-control-allow-origin"), Some(origin));
    }
    let r = http(
        &api,
        "OPTIONS",
        "/v3/auth/tokens",
        &[("Origin", "http://x.test"), ("Access-Control-Request-Method", "POST")],
        "",
    );
    assert_eq!(r.header("access-control-allow-origin"), None);

    // The app: files, deep links to index.html, and config.json pointing here.
    let r = http(&app, "GET", "/pkg/app.js", &[], "");
    assert_eq!((r.status, r.body.as_str()), (200, "console.log(1)"));
    assert!(r.header("x-request-id").is_some());
    for path in ["/", "/sales/customers/abc", "/index.html"] {
        let r = http(&app, "GET", path, &[], "");
        assert_eq!(r.status, 200, "{path}");
        assert!(r.body.contains("Partner Center"), "{path}");
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{path}");
    }
    let r = http(&app, "GET", "/config.json", &[], "");
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    let config: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(config["api_base_url"].as_str(), Some(api.as_str()));
    assert_eq!(config["iam_base_url"].as_str(), Some(api.as_str()));
    assert_eq!(config["locale"], "zh-CN");

    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}
