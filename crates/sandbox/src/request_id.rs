//! `X-Request-Id` on every response (success, errors, 404s, preflights, control calls):
//! clients read the request id only from this header, so support can trace any failure.

use crate::prng::unique_u64;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use partner_api::auth::REQUEST_ID_HEADER;

/// A fresh 32-hex-character id.
pub fn new_id() -> String {
    format!("{:016x}{:016x}", unique_u64(), unique_u64())
}

pub async fn layer(req: Request, next: Next) -> Response {
    let id = new_id();
    let mut resp = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert(REQUEST_ID_HEADER, v);
    }
    resp
}
