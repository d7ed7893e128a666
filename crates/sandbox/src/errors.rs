//! Error responses in the shapes the contract documents: BSS `{error_code, error_msg}` and,
//! for IAM, the nested Keystone `{"error": {code, message, title}}`.

use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use partner_api::error::{codes, ErrorBody};
use partner_api::validate::Violation;
use serde_json::json;

/// A failed BSS call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFailure {
    pub status: StatusCode,
    pub code: &'static str,
    pub msg: String,
}

impl ApiFailure {
    pub fn new(status: StatusCode, code: &'static str, msg: impl Into<String>) -> Self {
        ApiFailure { status, code, msg: msg.into() }
    }

    /// 400 `CBC.0100` naming the parameter (`parameter 'limit' must be ...`).
    pub fn invalid(v: Violation) -> Self {
        Self::new(StatusCode::BAD_REQUEST, codes::PARAM_ERROR, v.message())
    }

    pub fn token_missing_or_unknown() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, codes::TOKEN_INVALID, "x_auth_token is invalid")
    }

    pub fn token_expired() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, codes::TOKEN_INVALID, "x_auth_token is expired")
    }

    pub fn access_denied(msg: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, codes::ACCESS_DENIED, msg)
    }

    /// Same answer for "does not exist" and "not yours", so existence never leaks.
    pub fn not_sub_customer() -> Self {
        Self::new(StatusCode::BAD_REQUEST, codes::NOT_SUB_CUSTOMER, "not your sub-customer")
    }

    pub fn no_reseller_permission() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            codes::NO_RESELLER_PERMISSION,
            "no permission to operate on this reseller (indirect_partner_id)",
        )
    }

    pub fn no_such_api(method: &Method, path: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, codes::PARAM_ERROR, format!("no such API: {method} {path}"))
    }

    pub fn server_error(msg: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, codes::UNKNOWN, msg)
    }

    pub fn throttled() -> Self {
        Self::new(StatusCode::TOO_MANY_REQUESTS, codes::THROTTLED, "the request is throttled (flow control)")
    }
}

impl From<Violation> for ApiFailure {
    fn from(v: Violation) -> Self {
        Self::invalid(v)
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        (self.status, Json(ErrorBody { error_code: self.code.into(), error_msg: self.msg })).into_response()
    }
}

/// An IAM (Keystone) failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keystone {
    pub status: StatusCode,
    pub title: &'static str,
    pub message: String,
}

impl Keystone {
    pub fn unauthorized() -> Self {
        Keystone {
            status: StatusCode::UNAUTHORIZED,
            title: "Unauthorized",
            message: "The username or password is wrong.".into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Keystone { status: StatusCode::BAD_REQUEST, title: "Bad Request", message: message.into() }
    }

    /// Any status, titled by its reason phrase.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Keystone { status, title: status.canonical_reason().unwrap_or("Error"), message: message.into() }
    }
}

impl IntoResponse for Keystone {
    fn into_response(self) -> Response {
        let body = json!({"error": {"code": self.status.as_u16(), "message": self.message, "title": self.title}});
        (self.status, Json(body)).into_response()
    }
}

/// The last word on every answer: an error that is not JSON yet (an axum rejection such as
/// the 413 of a body over the limit, plain text) is rewritten in the error shape — Keystone
/// on IAM paths, `{error_code, error_msg}` elsewhere — so a client never gets an error it
/// cannot read.
pub async fn shape_layer(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let iam = crate::front::is_iam(req.uri().path());
    let resp = next.run(req).await;
    let status = resp.status();
    let json = resp
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || json {
        return resp;
    }
    let (mut parts, _) = resp.into_parts();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    parts.headers.remove(axum::http::header::CONTENT_TYPE);
    let msg = match status {
        StatusCode::PAYLOAD_TOO_LARGE => crate::body::too_large().msg,
        s if s.is_server_error() => "internal error".to_string(),
        s => format!("the request was refused ({})", s.canonical_reason().unwrap_or("client error")),
    };
    let shaped = if iam {
        Keystone::new(status, msg).into_response()
    } else {
        let code = if status.is_server_error() { codes::UNKNOWN } else { codes::PARAM_ERROR };
        ApiFailure::new(status, code, msg).into_response()
    };
    let (shaped_parts, body) = shaped.into_parts();
    parts.headers.extend(shaped_parts.headers);
    Response::from_parts(parts, body)
}

/// Fallback for unknown paths and methods.
pub async fn no_such_api(method: Method, uri: axum::http::Uri) -> ApiFailure {
    ApiFailure::no_such_api(&method, uri.path())
}
