//! The HTTP/1 front of the API port. hyper answers a request it cannot parse (a target over
//! 64 KiB, a head over its buffer, a NUL in a header) by itself, with an empty body and no
//! `X-Request-Id`, before any layer runs. This front reads every request head first, with
//! the sandbox's own limits (below hyper's), and hands hyper, instead of a head it would
//! refuse, a request to `/__sandbox/refused` carrying the refusal: the router then answers it
//! like any other error, in the error shape (Keystone on IAM paths), with `X-Request-Id`,
//! CORS and `Connection: close`. Bodies pass through untouched (their framing is followed
//! only to find the next head). When the connection is closed, whatever the client is still
//! sending is read and discarded for a moment, so it gets the answer instead of a reset.

use crate::errors::{ApiFailure, Keystone};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use partner_api::error::codes;
use partner_api::query::{decode_component, encode_component};
use partner_api::validate::Violation;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// The request target (path and query) is at most this long; longer is 414.
pub const MAX_TARGET_BYTES: usize = 16 * 1024;
/// The request line and headers together are at most this long; longer is 431.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;
/// At most this many header lines; more is 431.
pub const MAX_HEADERS: usize = 100;
/// The internal route the refusals are answered on.
pub const REFUSED_PATH: &str = "/__sandbox/refused";
/// After the answer, what the client still sends is discarded for at most this long.
const LINGER: Duration = Duration::from_secs(2);

/// IAM paths answer in the Keystone shape.
pub fn is_iam(path: &str) -> bool {
    path.starts_with("/v3/auth/")
}

const STATUS: &str = "x-sandbox-refused-status";
const MESSAGE: &str = "x-sandbox-refused-msg";
const IAM: &str = "x-sandbox-refused-iam";

/// The API port's listener: every connection goes through [`Guarded`].
pub struct GuardedListener(pub TcpListener);

impl axum::serve::Listener for GuardedListener {
    type Io = Guarded<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (io, addr) = axum::serve::Listener::accept(&mut self.0).await;
        (Guarded::new(io), addr)
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.local_addr()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    Head,
    Length(u64),
    ChunkSize,
    ChunkData(u64),
    ChunkEnd,
    Trailers,
    /// Framing we do not follow (hyper decides): no more checks on this connection.
    Passthrough,
    /// The refusal was handed over; nothing more is read for hyper.
    Refused,
}

/// A connection whose request heads are checked before hyper reads them.
pub struct Guarded<T> {
    inner: T,
    /// Received, not yet checked.
    raw: Vec<u8>,
    /// Checked, not yet read by hyper.
    ready: Vec<u8>,
    framing: Framing,
    eof: bool,
    linger: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<T> Guarded<T> {
    pub fn new(inner: T) -> Self {
        Guarded { inner, raw: Vec::new(), ready: Vec::new(), framing: Framing::Head, eof: false, linger: None }
    }

    fn pass(&mut self, n: usize) {
        self.ready.extend(self.raw.drain(..n));
    }

    /// Moves checked bytes from `raw` to `ready`; false when more bytes are needed.
    fn advance(&mut self) -> bool {
        if self.raw.is_empty() {
            return false;
        }
        match self.framing {
            Framing::Head => self.head(),
            Framing::Length(left) => {
                let n = (left.min(self.raw.len() as u64)) as usize;
                self.pass(n);
                self.framing = if left == n as u64 { Framing::Head } else { Framing::Length(left - n as u64) };
                true
            }
            Framing::ChunkSize => match httparse::parse_chunk_size(&self.raw) {
                Ok(httparse::Status::Complete((n, size))) => {
                    self.pass(n);
                    self.framing = if size == 0 { Framing::Trailers } else { Framing::ChunkData(size) };
                    true
                }
                Ok(httparse::Status::Partial) if self.raw.len() < 1024 => false,
                _ => self.passthrough(),
            },
            Framing::ChunkData(left) => {
                let n = (left.min(self.raw.len() as u64)) as usize;
                self.pass(n);
                self.framing = if left == n as u64 { Framing::ChunkEnd } else { Framing::ChunkData(left - n as u64) };
                true
            }
            Framing::ChunkEnd => match self.raw.as_slice() {
                [b'\r', b'\n', ..] => {
                    self.pass(2);
                    self.framing = Framing::ChunkSize;
                    true
                }
                [b'\r'] => false,
                _ => self.passthrough(),
            },
            Framing::Trailers => match self.raw.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    let empty = i == 0 || (i == 1 && self.raw[0] == b'\r');
                    self.pass(i + 1);
                    if empty {
                        self.framing = Framing::Head;
                    }
                    true
                }
                None if self.raw.len() < MAX_HEAD_BYTES => false,
                None => self.passthrough(),
            },
            Framing::Passthrough => {
                self.pass(self.raw.len());
                true
            }
            Framing::Refused => {
                self.raw.clear();
                false
            }
        }
    }

    fn passthrough(&mut self) -> bool {
        self.framing = Framing::Passthrough;
        true
    }

    fn head(&mut self) -> bool {
        let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut req = httparse::Request::new(&mut slots);
        let refusal = match req.parse(&self.raw) {
            Ok(httparse::Status::Complete(n)) => {
                if req.path.is_some_and(|p| p.len() > MAX_TARGET_BYTES) {
                    Some(too_long_target())
                } else if n > MAX_HEAD_BYTES {
                    Some(too_large_head())
                } else {
                    let next = body_framing(req.headers);
                    self.pass(n);
                    self.framing = next;
                    return true;
                }
            }
            Ok(httparse::Status::Partial) => {
                let line_done = self.raw.contains(&b'\n');
                if !line_done && self.raw.len() > MAX_TARGET_BYTES + 32 {
                    Some(too_long_target())
                } else if self.raw.len() > MAX_HEAD_BYTES {
                    Some(too_large_head())
                } else {
                    return false;
                }
            }
            Err(httparse::Error::TooManyHeaders) => Some(too_large_head()),
            Err(httparse::Error::HeaderValue) => Some(bad_header_value(&self.raw)),
            Err(e) => Some((StatusCode::BAD_REQUEST, format!("parameter 'request' is not valid HTTP/1.1: {e}"))),
        };
        let (status, msg) = refusal.expect("a refusal");
        self.refuse(status, &msg);
        true
    }

    /// Hands hyper the request that answers the refusal, and stops reading for it.
    fn refuse(&mut self, status: StatusCode, msg: &str) {
        let iam = is_iam(&target_start(&self.raw));
        let mut head = format!(
            "GET {REFUSED_PATH} HTTP/1.1\r\nhost: sandbox\r\nconnection: close\r\n{STATUS}: {}\r\n{MESSAGE}: {}\r\n{IAM}: {}\r\n",
            status.as_u16(),
            encode_component(msg),
            u8::from(iam)
        );
        if let Some(origin) = header_line(&self.raw, "origin") {
            head.push_str(&format!("origin: {origin}\r\n"));
        }
        head.push_str("\r\n");
        self.ready.extend_from_slice(head.as_bytes());
        self.raw.clear();
        self.framing = Framing::Refused;
    }
}

fn too_long_target() -> (StatusCode, String) {
    let v = Violation::new("uri", format!("(path and query) must be at most {MAX_TARGET_BYTES} bytes"));
    (StatusCode::URI_TOO_LONG, v.message())
}

fn too_large_head() -> (StatusCode, String) {
    let v = Violation::new("headers", format!("must be at most {MAX_HEAD_BYTES} bytes and {MAX_HEADERS} lines in all"));
    (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, v.message())
}

/// 400 naming the header whose value has a byte HTTP does not allow (a NUL, a control).
fn bad_header_value(raw: &[u8]) -> (StatusCode, String) {
    let allowed = |b: u8| b == b'\t' || b == b' ' || (0x21..=0x7e).contains(&b) || b >= 0x80;
    let name = raw
        .split(|&b| b == b'\n')
        .skip(1)
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .find_map(|l| {
            let colon = l.iter().position(|&b| b == b':')?;
            l[colon + 1..].iter().any(|&b| !allowed(b)).then(|| String::from_utf8_lossy(&l[..colon]).into_owned())
        })
        .unwrap_or_else(|| "headers".into());
    (StatusCode::BAD_REQUEST, Violation::new(name, "has a byte not allowed in a header value").message())
}

/// The beginning of the request target, as far as it was received.
fn target_start(raw: &[u8]) -> String {
    let line = raw.split(|&b| b == b'\n').find(|l| !l.is_empty() && *l != b"\r").unwrap_or(&[]);
    let target = line.split(|&b| b == b' ').nth(1).unwrap_or(&[]);
    String::from_utf8_lossy(&target[..target.len().min(64)]).into_owned()
}

/// A header's value among what was received, if it is short printable text.
fn header_line(raw: &[u8], name: &str) -> Option<String> {
    raw.split(|&b| b == b'\n').skip(1).find_map(|l| {
        let l = std::str::from_utf8(l).ok()?.trim_end_matches('\r');
        let (k, v) = l.split_once(':')?;
        let v = v.trim();
        (k.eq_ignore_ascii_case(name) && v.len() <= 200 && v.bytes().all(|b| (0x21..=0x7e).contains(&b)))
            .then(|| v.to_string())
    })
}

/// How the body after a checked head is framed (as hyper reads it).
fn body_framing(headers: &[httparse::Header]) -> Framing {
    let values = |name: &str| -> Vec<&[u8]> {
        headers.iter().filter(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value).collect()
    };
    let (te, cl) = (values("transfer-encoding"), values("content-length"));
    match (te.as_slice(), cl.as_slice()) {
        ([], []) => Framing::Head,
        ([], [one]) => match std::str::from_utf8(one).ok().and_then(|s| s.trim().parse::<u64>().ok()) {
            Some(0) => Framing::Head,
            Some(n) => Framing::Length(n),
            None => Framing::Passthrough,
        },
        ([one], []) if one.eq_ignore_ascii_case(b"chunked") => Framing::ChunkSize,
        _ => Framing::Passthrough,
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Guarded<T> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        loop {
            if !this.ready.is_empty() {
                let n = this.ready.len().min(buf.remaining());
                buf.put_slice(&this.ready[..n]);
                this.ready.drain(..n);
                return Poll::Ready(Ok(()));
            }
            if this.framing == Framing::Refused {
                // Not EOF: hyper would drop the refusal's answer on a half-closed connection.
                return Poll::Pending;
            }
            if this.advance() {
                continue;
            }
            if this.eof {
                // A truncated head or body: hyper reports it as it would.
                let n = this.raw.len();
                this.pass(n);
                if this.ready.is_empty() {
                    return Poll::Ready(Ok(()));
                }
                continue;
            }
            let mut chunk = [0u8; 16 * 1024];
            let mut rb = ReadBuf::new(&mut chunk);
            match Pin::new(&mut this.inner).poll_read(cx, &mut rb) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Ready(Ok(())) if rb.filled().is_empty() => this.eof = true,
                Poll::Ready(Ok(())) => this.raw.extend_from_slice(rb.filled()),
            }
        }
    }
}

impl<T: AsyncRead + AsyncWrite + Unpin> AsyncWrite for Guarded<T> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    /// Ends the answer, then reads and discards what the client is still sending (a large
    /// body or head after an early answer) until it closes or [`LINGER`] passes: closing
    /// with unread bytes would reset the connection and lose the answer.
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.linger.is_none() {
            if let Poll::Ready(Err(e)) = Pin::new(&mut this.inner).poll_shutdown(cx) {
                return Poll::Ready(Err(e));
            }
            this.linger = Some(Box::pin(tokio::time::sleep(LINGER)));
        }
        loop {
            if this.eof || this.linger.as_mut().is_some_and(|s| s.as_mut().poll(cx).is_ready()) {
                return Poll::Ready(Ok(()));
            }
            let mut chunk = [0u8; 16 * 1024];
            let mut rb = ReadBuf::new(&mut chunk);
            match Pin::new(&mut this.inner).poll_read(cx, &mut rb) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Err(_)) => return Poll::Ready(Ok(())),
                Poll::Ready(Ok(())) if rb.filled().is_empty() => this.eof = true,
                Poll::Ready(Ok(())) => {}
            }
        }
    }
}

/// `GET /__sandbox/refused`: the answer to a request the front refused.
pub async fn refused(headers: HeaderMap) -> Response {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let status = get(STATUS)
        .and_then(|s| s.parse::<u16>().ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .filter(|s| s.is_client_error())
        .unwrap_or(StatusCode::BAD_REQUEST);
    let msg = get(MESSAGE).and_then(decode_component).unwrap_or_else(|| "the request was refused".into());
    if get(IAM) == Some("1") {
        Keystone::new(status, msg).into_response()
    } else {
        ApiFailure::new(status, codes::PARAM_ERROR, msg).into_response()
    }
}
