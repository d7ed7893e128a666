//! Keep-alive after an early answer. A handler (or the token check, or an injected fault) may
//! answer a POST before reading its body; hyper then closes the connection once the answer
//! is out, silently, and a client that pooled the connection sees its next request fail (a
//! browser may even resend it). This layer notes whether a declared body was read to its end
//! and, if not, says `Connection: close` on the answer, so the client knows. The token check
//! reads and discards the body of its 401 first ([`discard`]), which keeps the connection.

use crate::body::MAX_BODY_BYTES;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header::{CONNECTION, CONTENT_LENGTH, TRANSFER_ENCODING};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use futures_util::Stream;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

/// A request body that records reaching its end.
struct Tracked<S> {
    inner: S,
    done: Arc<AtomicBool>,
}

impl<S: Stream<Item = Result<Bytes, axum::Error>> + Unpin> Stream for Tracked<S> {
    type Item = S::Item;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let next = Pin::new(&mut self.inner).poll_next(cx);
        if let Poll::Ready(None) = next {
            self.done.store(true, Ordering::Release);
        }
        next
    }
}

fn declares_body(req: &Request) -> bool {
    let h = req.headers();
    h.contains_key(TRANSFER_ENCODING)
        || h.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.trim() != "0")
}

pub async fn layer(req: Request, next: Next) -> Response {
    if !declares_body(&req) {
        return next.run(req).await;
    }
    let done = Arc::new(AtomicBool::new(false));
    let (parts, body) = req.into_parts();
    let tracked = Tracked { inner: body.into_data_stream(), done: done.clone() };
    let mut resp = next.run(Request::from_parts(parts, Body::from_stream(tracked))).await;
    if !done.load(Ordering::Acquire) {
        resp.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
    }
    resp
}

/// Reads and drops a body the answer does not need (up to [`MAX_BODY_BYTES`], for at most a
/// few seconds), so the connection stays usable.
pub async fn discard(body: Body) {
    let _ = tokio::time::timeout(Duration::from_secs(5), axum::body::to_bytes(body, MAX_BODY_BYTES)).await;
}
