//! IAM password sign-in (PARTNER_API.md §1.3) and the `X-Auth-Token` check on BSS calls.

use crate::errors::{ApiFailure, Keystone};
use crate::prng::unique_u64;
use crate::store::{AppState, Session, UserIx};
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Duration;
use partner_api::auth::{
    Named, TokenInfo, TokenRequest, TokenResponse, TokenUser, AUTH_TOKEN_HEADER, METHOD_ASSUME_ROLE,
    SUBJECT_TOKEN_HEADER,
};
use partner_api::time::Instant;
use std::time::SystemTime;

/// The signed-in person behind a valid token (put in request extensions by [`require_token`]).
#[derive(Debug, Clone, Copy)]
pub struct Caller {
    pub user: UserIx,
}

pub fn now() -> Instant {
    Instant::from(SystemTime::now())
}

/// IAM's format: UTC with millis written as six digits, `2026-11-25T09:05:22.701000Z`.
pub fn iam_time(t: &Instant) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3f000Z").to_string()
}

/// An opaque token; only its presence in the session table gives it meaning.
pub fn new_token() -> String {
    format!("MIIs{:016x}{:016x}{:016x}{:016x}", unique_u64(), unique_u64(), unique_u64(), unique_u64())
}

pub async fn sign_in(State(state): State<AppState>, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    match sign_in_inner(&state, &uri, &headers, &body) {
        Ok(resp) => resp,
        Err(k) => k.into_response(),
    }
}

fn sign_in_inner(state: &AppState, uri: &Uri, headers: &HeaderMap, body: &[u8]) -> Result<Response, Keystone> {
    if let Some(key) = crate::body::duplicate_key(body) {
        return Err(Keystone::bad_request(format!("The request body is not valid: '{key}' is given more than once.")));
    }
    let req: TokenRequest = serde_json::from_slice(body)
        .map_err(|e| Keystone::bad_request(format!("The request body is not a valid token request: {e}")))?;
    if req.auth.identity.methods.iter().any(|m| m == METHOD_ASSUME_ROLE) {
        return Ok(crate::acting::assume_role(state, headers, req));
    }
    let identity = req.auth.identity;
    if !identity.methods.iter().any(|m| m == "password") {
        return Err(Keystone::bad_request("Expecting to find \"password\" in identity methods."));
    }
    let pw = identity.password.ok_or_else(|| Keystone::bad_request("Expecting to find password in identity."))?;
    let domain = pw.user.domain;
    let data = &state.data;
    let partner = match (&domain.name, &domain.id) {
        (Some(name), _) => data.partner_by_account(name),
        (None, Some(id)) => data.partner_by_id(id),
        (None, None) => return Err(Keystone::bad_request("Expecting to find domain in user.")),
    };
    let user = partner
        .and_then(|p| data.user_in(p, &pw.user.name))
        .filter(|&u| data.users[u].password == pw.user.password)
        .ok_or_else(Keystone::unauthorized)?;

    let issued = now();
    let expires = issued + Duration::seconds(state.token_ttl());
    let token = new_token();
    state.add_session(token.clone(), Session { user, expires_at: expires, customer: None });

    let u = &data.users[user];
    let p = &data.partners[u.partner];
    let domain = Named { id: p.id.clone(), name: p.account.clone() };
    let info = TokenInfo {
        expires_at: iam_time(&expires),
        issued_at: iam_time(&issued),
        methods: vec!["password".into()],
        domain: Some(domain.clone()),
        roles: vec![Named { id: role_id(u.role), name: u.role.to_lowercase() }],
        user: TokenUser { id: u.id.clone(), name: u.name.clone(), domain, password_expires_at: Some(String::new()) },
        assumed_by: None,
    };
    let mut body = serde_json::to_value(TokenResponse { token: info }).expect("token serializes");
    // Keystone adds the service catalog unless `?nocatalog` is given; BSS callers ignore it.
    let nocatalog = uri.query().is_some_and(|q| q.split('&').any(|kv| kv.split('=').next() == Some("nocatalog")));
    if !nocatalog {
        body["token"]["catalog"] = serde_json::json!([]);
    }
    Ok((StatusCode::CREATED, [(SUBJECT_TOKEN_HEADER, token)], Json(body)).into_response())
}

/// A stable id per role name.
fn role_id(role: &str) -> String {
    let h = role.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
    format!("{:016x}{:016x}", h, crate::prng::mix(h))
}

/// The session behind a request's token, or the 401 to answer (missing, unknown, expired).
async fn session_of(state: &AppState, req: Request) -> Result<(Session, Request), Response> {
    let token = req.headers().get(AUTH_TOKEN_HEADER).and_then(|v| v.to_str().ok()).map(str::trim).unwrap_or("");
    let session = if token.is_empty() { None } else { state.session(token) };
    let Some(session) = session else {
        crate::keep_alive::discard(req.into_body()).await;
        return Err(ApiFailure::token_missing_or_unknown().into_response());
    };
    if now() >= session.expires_at {
        crate::keep_alive::discard(req.into_body()).await;
        return Err(ApiFailure::token_expired().into_response());
    }
    Ok((session, req))
}

/// Middleware on every partner BSS route: a missing, unknown or expired token is 401
/// `CBC.0154`; a customer token (assume_role) is 403 `CBC.0151`: it never calls partner APIs.
pub async fn require_token(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (session, mut req) = match session_of(&state, req).await {
        Ok(s) => s,
        Err(resp) => return resp,
    };
    if session.customer.is_some() {
        crate::keep_alive::discard(req.into_body()).await;
        return ApiFailure::access_denied("a customer token cannot call partner APIs").into_response();
    }
    req.extensions_mut().insert(Caller { user: session.user });
    next.run(req).await
}

/// Middleware on the routes that take the customer's token (O5–O7): the partner's own token is
/// 403 `CBC.0151` ("partner tokens are rejected", §8 O7).
pub async fn require_customer_token(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (session, mut req) = match session_of(&state, req).await {
        Ok(s) => s,
        Err(resp) => return resp,
    };
    let Some(customer) = session.customer else {
        crate::keep_alive::discard(req.into_body()).await;
        return ApiFailure::access_denied("this API takes the customer's token (assume_role), not a partner token")
            .into_response();
    };
    req.extensions_mut().insert(crate::acting::ForCustomer { customer, by: Caller { user: session.user } });
    next.run(req).await
}
