//! Issue #16 over real connections: refusals below the handlers (414, 431, a NUL in a header,
//! 413) come in the error shape with `X-Request-Id`, and an early answer to a POST leaves the
//! connection usable (or says `Connection: close`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: serde_json::Value,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// `(status, error_code)` of a BSS error, or `(status, "keystone:<code>")` of an IAM one.
    fn sc(&self) -> (u16, String) {
        match self.body["error_code"].as_str() {
            Some(c) => (self.status, c.to_string()),
            None => (self.status, format!("keystone:{}", self.body["error"]["code"])),
        }
    }

    fn msg(&self) -> &str {
        self.body["error_msg"].as_str().or(self.body["error"]["message"].as_str()).unwrap_or("")
    }
}

struct Server {
    addr: String,
    _rt: tokio::runtime::Runtime,
}

fn server() -> Server {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let config = sandbox::Config { port: 0, customers: 400, ..Default::default() };
    let running = rt.block_on(sandbox::start(config)).unwrap();
    Server { addr: running.api_addr.to_string(), _rt: rt }
}

struct Conn(TcpStream);

impl Conn {
    fn open(s: &Server) -> Conn {
        let c = TcpStream::connect(&s.addr).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        Conn(c)
    }

    fn send(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.0.write_all(bytes)
    }

    /// One response, read by its `Content-Length` so the connection can carry the next.
    fn reply(&mut self) -> Reply {
        let mut head = Vec::new();
        let mut b = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            assert_eq!(self.0.read(&mut b).unwrap(), 1, "connection closed before a response: {head:?}");
            head.push(b[0]);
        }
        let head = String::from_utf8(head).unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers: Vec<(String, String)> =
            lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().into(), v.trim().into())).collect();
        let len = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            .map_or(0, |(_, v)| v.parse::<usize>().unwrap());
        let mut body = vec![0u8; len];
        self.0.read_exact(&mut body).unwrap();
        Reply { status, headers, body: serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null) }
    }

    fn request(&mut self, head: &str, body: &[u8]) -> Reply {
        let _ = self.send(format!("{head}content-length: {}\r\n\r\n", body.len()).as_bytes());
        let _ = self.send(body);
        self.reply()
    }
}

fn sign_in(s: &Server) -> String {
    let body = serde_json::to_string(&partner_api::auth::TokenRequest::password(
        "hz_distributor",
        "admin",
        sandbox::seed::PASSWORD,
    ))
    .unwrap();
    let r = Conn::open(s).request("POST /v3/auth/tokens HTTP/1.1\r\nhost: x\r\n", body.as_bytes());
    assert_eq!(r.status, 201);
    r.header("x-subject-token").unwrap().to_string()
}

/// What hyper would answer by itself with an empty body: each case gets the error shape, a
/// request id and `Connection: close`.
#[test]
fn refused_heads_are_answered_in_shape() {
    let s = server();
    let token = sign_in(&s);
    let c1 = "/v2/partners/sub-customers/query";
    let mb = "a".repeat(1 << 20);
    let k64 = "a".repeat(64 * 1024);
    let headers_200: String = (0..200).map(|i| format!("x-h{i}: v\r\n")).collect();
    let cases: Vec<(String, (u16, &str), &str)> = vec![
        (format!("GET /v2/orders/customer-orders?q={mb} HTTP/1.1\r\n"), (414, "CBC.0100"), "parameter 'uri' "),
        (format!("GET /v2/orders/customer-orders?q={k64} HTTP/1.1\r\n"), (414, "CBC.0100"), "parameter 'uri' "),
        (format!("GET /v2/{mb} HTTP/1.1\r\n"), (414, "CBC.0100"), "parameter 'uri' "),
        (format!("POST /v3/auth/tokens?{mb} HTTP/1.1\r\n"), (414, "keystone:414"), "parameter 'uri' "),
        (format!("POST {c1} HTTP/1.1\r\nx-big: {mb}\r\n"), (431, "CBC.0100"), "parameter 'headers' "),
        (format!("POST {c1} HTTP/1.1\r\n{headers_200}"), (431, "CBC.0100"), "parameter 'headers' "),
        (format!("POST /v3/auth/tokens HTTP/1.1\r\nx-big: {mb}\r\n"), (431, "keystone:431"), "parameter 'headers' "),
        (format!("POST {c1} HTTP/1.1\r\nx-auth-token: MII\0abc\r\n"), (400, "CBC.0100"), "parameter 'x-auth-token' "),
        (format!("POST {c1} HTTP/1.1\r\nx-language: \x01\r\n"), (400, "CBC.0100"), "parameter 'x-language' "),
        ("GET /v2 /x HTTP/1.1\r\n".to_string(), (400, "CBC.0100"), "parameter 'request' "),
    ];
    for (head, (status, code), msg) in cases {
        let what = &head[..head.len().min(60)];
        let mut c = Conn::open(&s);
        let r = c.request(&format!("{head}host: x\r\nx-auth-token: {token}\r\n"), b"{}");
        assert_eq!(r.sc(), (status, code.to_string()), "{what}: {}", r.body);
        assert!(r.msg().starts_with(msg), "{what}: {}", r.msg());
        assert_eq!(r.header("content-type"), Some("application/json"), "{what}");
        assert_eq!(r.header("x-request-id").map(str::len), Some(32), "{what}");
        assert_eq!(r.header("connection"), Some("close"), "{what}");
    }
    // A request just within the limits is served as usual.
    let q = "a".repeat(15 * 1024);
    let r = Conn::open(&s).request(&format!("GET /__sandbox/health?q={q} HTTP/1.1\r\nhost: x\r\n"), b"");
    assert_eq!(r.status, 200);
}

/// 25 MB to the whitelist upload and to sign-in: 413 in shape, and the client reads it.
#[test]
fn huge_bodies_get_413_in_shape() {
    let s = server();
    let token = sign_in(&s);
    let big = vec![b'x'; 25 << 20];
    for (path, code) in [("/v2/partners/coupon-whitelist/uploads", "CBC.0100"), ("/v3/auth/tokens", "keystone:413")] {
        let mut c = Conn::open(&s);
        let head =
            format!("POST {path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-auth-token: {token}\r\n");
        let r = c.request(&head, &big);
        assert_eq!(r.sc(), (413, code.to_string()), "{path}: {}", r.body);
        assert!(r.msg().contains("must be at most 4194304 bytes"), "{}", r.msg());
        assert!(r.header("x-request-id").is_some());
    }
}

/// A 401 before the body arrived: the body is read and dropped, the connection carries the
/// next request. An injected 429 before reading says `Connection: close`.
#[test]
fn early_answers_keep_the_connection_usable() {
    let s = server();
    let c1 = "/v2/partners/sub-customers/query";
    let body = br#"{"limit":10,"offset":0}"#;
    let mut c = Conn::open(&s);
    c.send(format!("POST {c1} HTTP/1.1\r\nhost: x\r\ncontent-length: {}\r\n\r\n", body.len()).as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    c.send(body).unwrap();
    let r = c.reply();
    assert_eq!(r.sc(), (401, "CBC.0154".to_string()), "{}", r.body);
    assert_eq!(r.header("connection"), None);
    // The same connection, twice more (chunked this time), then a read.
    let token = sign_in(&s);
    let chunked =
        format!("POST {c1} HTTP/1.1\r\nhost: x\r\nx-auth-token: {token}\r\ntransfer-encoding: chunked\r\n\r\n");
    c.send(chunked.as_bytes()).unwrap();
    c.send(format!("{:x}\r\n", body.len()).as_bytes()).unwrap();
    c.send(body).unwrap();
    c.send(b"\r\n0\r\n\r\n").unwrap();
    assert_eq!(c.reply().status, 200);
    let r = c.request("GET /__sandbox/health HTTP/1.1\r\nhost: x\r\n", b"");
    assert_eq!(r.status, 200);

    // A throttled POST is answered before its body is read: Connection: close says so.
    let mut ctl = Conn::open(&s);
    let fault = format!(r#"{{"fail_next":[{{"kind":"throttle","path_prefix":"{c1}"}}]}}"#);
    assert_eq!(ctl.request("POST /__sandbox/faults HTTP/1.1\r\nhost: x\r\n", fault.as_bytes()).status, 200);
    let mut c = Conn::open(&s);
    c.send(
        format!("POST {c1} HTTP/1.1\r\nhost: x\r\nx-auth-token: {token}\r\ncontent-length: {}\r\n\r\n", body.len())
            .as_bytes(),
    )
    .unwrap();
    let r = c.reply();
    assert_eq!(r.sc(), (429, "CBC.0250".to_string()));
    assert_eq!(r.header("connection"), Some("close"));
    assert!(r.header("x-request-id").is_some());
}
