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

/// Starts the binary with extra arguments; returns the server and its API URL.
fn start(args: &[&str]) -> (Server, String, Option<String>) {
    let child = Command::new(env!("CARGO_BIN_EXE_sandbox"))
        .args(["--port", "0", "--customers", "200"])
        .args(args)
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
    let app = line.trim().strip_prefix("SANDBOX_APP_URL=").map(str::to_string);
    // Keep reading, so the server's later lines never meet a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    (server, api, app)
}

const V2: &str = "/v2/promotions/benefits/partner-coupons";

/// Coupons of one customer with this face value (V3).
fn coupons_of(api: &str, auth: &[(&str, &str)], customer: &str, face: f64) -> usize {
    let r = http(api, "GET", &format!("{V2}?customer_id={customer}&limit=100"), auth, "");
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    v["user_coupons"].as_array().unwrap().iter().filter(|c| c["face_value"].as_f64() == Some(face)).count()
}

#[test]
fn ambiguous_faults_commit_and_then_delay_drop_after_headers_or_reset() {
    let (_server, api, _) = start(&[]);
    let json = [("Content-Type", "application/json")];
    let r = http(&api, "POST", "/v3/auth/tokens", &json, &sign_in_body("hz_distributor", "admin"));
    let token = r.header("x-subject-token").unwrap().to_string();
    let auth = [("Content-Type", "application/json"), ("X-Auth-Token", token.as_str())];
    let r = http(&api, "GET", "/v2/partners/coupon-whitelist/entries?offset=0&limit=3", &auth, "");
    let entries: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let ids: Vec<String> =
        entries["entries"].as_array().unwrap().iter().map(|e| e["customer_id"].as_str().unwrap().into()).collect();
    assert_eq!(ids.len(), 3);
    let issue =
        |c: &str, face: &str| format!(r#"{{"quota_id":"QT260105000001","customer_ids":["{c}"],"face_value":{face}}}"#);
    let faults = |body: &str| assert_eq!(http(&api, "POST", "/__sandbox/faults", &json, body).status, 200);
    let counted = || {
        let r = http(&api, "GET", "/__sandbox/requests", &[], "");
        serde_json::from_str::<serde_json::Value>(&r.body).unwrap()
    };
    assert_eq!(http(&api, "DELETE", "/__sandbox/requests", &[], "").status, 200);

    // commit_then_delay: the real answer, but only after the delay.
    faults(r#"{"fail_next":[{"kind":"commit_then_delay","delay_ms":1200,"path_prefix":"/v2/promotions"}]}"#);
    let started = std::time::Instant::now();
    let r = http(&api, "POST", V2, &auth, &issue(&ids[0], "11.11"));
    assert!(started.elapsed() >= Duration::from_millis(1200), "{:?}", started.elapsed());
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("coupon_infos") && r.body.contains(&ids[0]));
    assert_eq!(coupons_of(&api, &auth, &ids[0], 11.11), 1);
    // A client that gave up earlier: the coupon is issued all the same.
    faults(r#"{"fail_next":[{"kind":"commit_then_delay","delay_ms":3000,"path_prefix":"/v2/promotions"}]}"#);
    let addr = api.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(500))).unwrap();
    let body = issue(&ids[0], "11.12");
    let req = format!(
        "POST {V2} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nX-Auth-Token: {token}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).unwrap();
    let mut buf = [0u8; 64];
    let e = s.read(&mut buf).expect_err("nothing within the client's timeout");
    assert!(matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut), "{e:?}");
    drop(s);
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(coupons_of(&api, &auth, &ids[0], 11.12), 1, "committed before the answer was due");

    // commit_then_drop: the status line and headers arrive, then the body breaks.
    faults(r#"{"fail_next":[{"kind":"commit_then_drop","path_prefix":"/v2/promotions"}]}"#);
    let bytes = raw(&api, "POST", V2, &auth, &issue(&ids[1], "11.13")).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.starts_with("HTTP/1.1 200"), "headers first: {text}");
    assert!(text.contains("transfer-encoding: chunked"), "{text}");
    assert!(!text.ends_with("0\r\n\r\n"), "the body never completes: {text}");
    assert_eq!(coupons_of(&api, &auth, &ids[1], 11.13), 1);

    // commit_then_reset: not a single byte, but processed.
    faults(r#"{"fail_next":[{"kind":"commit_then_reset","path_prefix":"/v2/promotions"}]}"#);
    match raw(&api, "POST", V2, &auth, &issue(&ids[2], "11.14")) {
        Ok(bytes) => assert!(bytes.is_empty(), "got a response: {}", String::from_utf8_lossy(&bytes)),
        Err(e) => assert_ne!(e.kind(), std::io::ErrorKind::WouldBlock, "timed out instead of resetting"),
    }
    assert_eq!(coupons_of(&api, &auth, &ids[2], 11.14), 1);

    // Bad settings are refused.
    let r = http(
        &api,
        "POST",
        "/__sandbox/faults",
        &json,
        r#"{"fail_next":[{"kind":"commit_then_delay","delay_ms":999999}]}"#,
    );
    assert_eq!(r.status, 400, "{}", r.body);

    // The counter saw every API call (control endpoints not counted).
    let c = counted();
    assert_eq!(c["by_route"][format!("POST {V2}")], 4, "{c}");
    assert_eq!(c["by_route"][format!("GET {V2}")], 4, "{c}");
    assert!(c["by_route"].as_object().unwrap().keys().all(|k| !k.contains("__sandbox")), "{c}");
    assert_eq!(c["total"], 8, "{c}");
    assert_eq!(http(&api, "DELETE", "/__sandbox/requests", &[], "").status, 200);
    assert_eq!(counted()["total"], 0);
}

#[test]
fn app_config_overrides_reach_the_served_config_json() {
    let dir = std::env::temp_dir().join(format!("sandbox-appcfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
    std::fs::write(dir.join("config.json"), r#"{"request_timeout_ms":20000,"site":"cn"}"#).unwrap();
    let dir_s = dir.to_string_lossy().into_owned();
    let (_server, api, app) = start(&[
        "--app-port",
        "0",
        "--app-dir",
        &dir_s,
        "--app-config",
        "request_timeout_ms=1500",
        "--app-config",
        "note=hello",
    ]);
    let r = http(&app.unwrap(), "GET", "/config.json", &[], "");
    let config: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(config["request_timeout_ms"], 1500);
    assert_eq!(config["note"], "hello");
    assert_eq!(config["site"], "cn");
    assert_eq!(config["api_base_url"].as_str(), Some(api.as_str()));
    let _ = std::fs::remove_dir_all(dir);
}
