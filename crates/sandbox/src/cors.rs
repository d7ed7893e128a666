//! CORS for the browser app, which calls the sandbox across origins. Only listed origins get
//! CORS headers; any other origin gets none, so the browser blocks it as it would in prod.

use crate::store::AppState;
use axum::extract::{Request, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_METHOD, ORIGIN, VARY,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const METHODS: &str = "GET, POST, PUT, DELETE, OPTIONS";
const HEADERS: &str = "content-type, x-auth-token, x-language";
// `Date`: the server's time (the business clock, server_date.rs), which the console trusts over
// the browser's for what is in effect now.
const EXPOSE: &str = "X-Subject-Token, X-Request-Id, Date";

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let origin = req.headers().get(ORIGIN).cloned();
    let allowed = origin.filter(|o| o.to_str().is_ok_and(|o| state.allowed_origins.iter().any(|a| a == o)));
    let preflight = req.method() == Method::OPTIONS && req.headers().contains_key(ACCESS_CONTROL_REQUEST_METHOD);
    if preflight {
        let mut resp = StatusCode::NO_CONTENT.into_response();
        let h = resp.headers_mut();
        h.insert(
            VARY,
            HeaderValue::from_static("origin, access-control-request-method, access-control-request-headers"),
        );
        if let Some(origin) = allowed {
            h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            h.insert(ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static(METHODS));
            h.insert(ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static(HEADERS));
            h.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        }
        return resp;
    }
    let mut resp = next.run(req).await;
    add_simple(resp.headers_mut(), allowed);
    resp
}

fn add_simple(h: &mut HeaderMap, allowed: Option<HeaderValue>) {
    h.append(VARY, HeaderValue::from_static("origin"));
    if let Some(origin) = allowed {
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        h.insert(ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(EXPOSE));
    }
}
