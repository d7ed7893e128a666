//! The one error model of the partner API (PARTNER_API.md §1.5, §1.12).
//!
//! A failure reaches the client in one of several shapes: the BSS body
//! `{error_code, error_msg}`, the SDK-accepted variants `{errorCode, errorMsg}` and
//! `{code, message}`, the nested Keystone shape `{"error": {code, message, title}}`, or a
//! business failure returned with HTTP 200 and a CBC code in the body. All of them become
//! one [`ApiError`].

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The success code some endpoints put in 200 bodies.
pub const SUCCESS_CODE: &str = crate::codes::SUCCESS;

/// What kind of failure this is, which decides what the UI offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// 400/404/409/422…: the request is wrong; show what to fix.
    Invalid,
    /// 401: the token is missing, invalid or expired; sign in again.
    Unauthorized,
    /// 403: the signed-in person may not do this.
    Forbidden,
    /// 429: throttled; reads retry with backoff.
    Throttled,
    /// 5xx: the service failed; offer retry.
    Server,
    /// HTTP 200 carrying a CBC failure code.
    Business,
    /// No response at all (connection refused or dropped, CORS, DNS).
    Network,
    /// No response in time.
    Timeout,
}

/// A failed call, with everything support needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// HTTP status, 0 when no response arrived.
    pub status: u16,
    /// `CBC.xxxx`, a Keystone code, or the HTTP status as text when the body had none.
    pub code: String,
    /// The server's message, untranslated.
    pub message: String,
    /// From the `X-Request-Id` response header (or a gateway body's `request_id`).
    pub request_id: Option<String>,
}

impl ApiError {
    pub fn network(message: impl Into<String>) -> Self {
        Self { status: 0, code: crate::codes::NETWORK.into(), message: message.into(), request_id: None }
    }

    pub fn timeout() -> Self {
        Self { status: 0, code: crate::codes::TIMEOUT.into(), message: "timed out".into(), request_id: None }
    }

    pub fn kind(&self) -> ErrorKind {
        match (self.status, self.code.as_str()) {
            (0, crate::codes::TIMEOUT) => ErrorKind::Timeout,
            (0, _) => ErrorKind::Network,
            (200..=299, _) => ErrorKind::Business,
            (401, _) => ErrorKind::Unauthorized,
            (403, _) => ErrorKind::Forbidden,
            (429, _) => ErrorKind::Throttled,
            (500..=599, _) => ErrorKind::Server,
            _ => ErrorKind::Invalid,
        }
    }

    /// Whether repeating the same read may succeed (never used for writes).
    pub fn is_retryable_read(&self) -> bool {
        matches!(self.kind(), ErrorKind::Throttled | ErrorKind::Server | ErrorKind::Network | ErrorKind::Timeout)
    }

    /// The parameter a validation failure names, when the message says which one.
    /// The sandbox writes `parameter '<name>' ...`; real servers often embed it similarly.
    pub fn parameter(&self) -> Option<&str> {
        let rest = self.message.split("parameter '").nth(1)?;
        rest.split('\'').next().filter(|p| !p.is_empty())
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (HTTP {}) {}", self.code, self.status, self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads a code/message pair from one JSON object, trying the known key pairs in order.
/// Both keys of a pair must be present, as in the official clients.
fn pair(obj: &serde_json::Map<String, Value>) -> Option<(String, String)> {
    for (c, m) in [("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message")] {
        if let (Some(code), Some(msg)) = (text(obj.get(c)), text(obj.get(m))) {
            return Some((code, msg));
        }
    }
    None
}

/// Builds the error for a non-2xx response from its status, body text and request id.
pub fn parse_error(status: u16, body: &str, request_id: Option<String>) -> ApiError {
    let json: Option<Value> = serde_json::from_str(body).ok();
    let obj = json.as_ref().and_then(Value::as_object);
    let body_request_id = obj.and_then(|o| text(o.get("request_id")));
    let found = obj.and_then(|o| pair(o).or_else(|| o.get("error").and_then(Value::as_object).and_then(pair)));
    let (code, message) = found.unwrap_or_else(|| {
        let msg = if body.trim().is_empty() { format!("HTTP {status}") } else { body.chars().take(500).collect() };
        (status.to_string(), msg)
    });
    ApiError { status, code, message, request_id: request_id.or(body_request_id) }
}

/// Checks a 200 body for a business failure (HTTP 200 with a CBC code other than success).
pub fn business_failure(status: u16, body: &Value, request_id: Option<String>) -> Option<ApiError> {
    let obj = body.as_object()?;
    let (code, message) = pair(obj).filter(|(c, _)| c != SUCCESS_CODE)?;
    // Batch endpoints carry partial failures in `error_details[]`, not at the top level.
    Some(ApiError { status, code, message, request_id })
}

/// Error body written by servers of this contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error_code: String,
    pub error_msg: String,
}

/// One failed item of a batch call (`error_details[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    pub error_code: String,
    pub error_msg: String,
    pub id: String,
}

/// Well-known codes used across the app and the sandbox.
pub use crate::codes;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bss_shape() {
        let e = parse_error(
            400,
            r#"{"error_code":"CBC.0100","error_msg":"parameter 'limit' must be 1-100"}"#,
            Some("r1".into()),
        );
        assert_eq!(e.code, "CBC.0100");
        assert_eq!(e.kind(), ErrorKind::Invalid);
        assert_eq!(e.parameter(), Some("limit"));
        assert_eq!(e.request_id.as_deref(), Some("r1"));
    }

    #[test]
    fn camel_and_plain_shapes() {
        let e = parse_error(403, r#"{"errorCode":"CBC.0151","errorMsg":"Access denied"}"#, None);
        assert_eq!((e.code.as_str(), e.kind()), ("CBC.0151", ErrorKind::Forbidden));
        let e = parse_error(500, r#"{"code":"APIGW.0101","message":"not found","request_id":"gw-9"}"#, None);
        assert_eq!((e.code.as_str(), e.request_id.as_deref()), ("APIGW.0101", Some("gw-9")));
        assert_eq!(e.kind(), ErrorKind::Server);
    }

    #[test]
    fn keystone_shape_with_numeric_code() {
        let body = r#"{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}"#;
        let e = parse_error(401, body, Some("abc".into()));
        assert_eq!(e.code, "401");
        assert_eq!(e.message, "The username or password is wrong.");
        assert_eq!(e.kind(), ErrorKind::Unauthorized);
    }

    #[test]
    fn half_a_pair_falls_back_to_status() {
        let e = parse_error(502, r#"{"error_code":"CBC.0999"}"#, None);
        assert_eq!(e.code, "502");
        let e = parse_error(503, "", None);
        assert_eq!((e.code.as_str(), e.message.as_str()), ("503", "HTTP 503"));
        let e = parse_error(500, "<html>oops</html>", None);
        assert_eq!(e.message, "<html>oops</html>");
    }

    #[test]
    fn business_failure_in_200() {
        let v: Value = serde_json::from_str(r#"{"error_code":"CBC.5001","error_msg":"not a partner"}"#).unwrap();
        let e = business_failure(200, &v, None).unwrap();
        assert_eq!((e.code.as_str(), e.kind()), ("CBC.5001", ErrorKind::Business));
        let ok: Value = serde_json::from_str(r#"{"error_code":"CBC.0000","error_msg":"success","count":1}"#).unwrap();
        assert!(business_failure(200, &ok, None).is_none());
        let plain: Value = serde_json::from_str(r#"{"count":0,"customer_infos":[]}"#).unwrap();
        assert!(business_failure(200, &plain, None).is_none());
    }

    #[test]
    fn retry_policy() {
        assert!(parse_error(429, "", None).is_retryable_read());
        assert!(parse_error(503, "", None).is_retryable_read());
        assert!(ApiError::network("x").is_retryable_read());
        assert!(!parse_error(400, "", None).is_retryable_read());
        assert!(!parse_error(401, "", None).is_retryable_read());
    }
}
