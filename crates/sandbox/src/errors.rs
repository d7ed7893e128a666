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
}

impl IntoResponse for Keystone {
    fn into_response(self) -> Response {
        let body = json!({"error": {"code": self.status.as_u16(), "message": self.message, "title": self.title}});
        (self.status, Json(body)).into_response()
    }
}

/// Fallback for unknown paths and methods.
pub async fn no_such_api(method: Method, uri: axum::http::Uri) -> ApiFailure {
    ApiFailure::no_such_api(&method, uri.path())
}
