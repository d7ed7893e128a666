//! `Date` on every API response is the business clock (docs/sandbox.md), not the wall clock:
//! the console reads the server's time from it (CORS exposes it), so what it offers as usable
//! (a quota's effective window) is decided at the same "now" as the sandbox's checks.

use crate::store::AppState;
use axum::extract::{Request, State};
use axum::http::header::DATE;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

/// RFC 9110 IMF-fixdate, e.g. `Fri, 20 Nov 2026 00:00:00 GMT`.
pub fn http_date(t: &partner_api::time::Instant) -> String {
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&http_date(&state.vouchers.now())) {
        resp.headers_mut().insert(DATE, v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn formats_as_imf_fixdate() {
        let t = chrono::Utc.with_ymd_and_hms(2026, 11, 20, 7, 5, 9).unwrap();
        assert_eq!(http_date(&t), "Fri, 20 Nov 2026 07:05:09 GMT");
    }
}
