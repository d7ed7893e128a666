//! The JSON body extractor: malformed or mistyped bodies become 400 `CBC.0100` naming the
//! body or the offending field, instead of axum's plain-text rejections.

use crate::errors::ApiFailure;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use partner_api::validate::Violation;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiFailure;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| ApiFailure::invalid(Violation::new("body", format!("could not be read: {e}"))))?;
        parse(&bytes).map(JsonBody)
    }
}

/// Parses a request body that must be a JSON object. `null` members are dropped first:
/// absent and null both mean "not a filter" (PARTNER_API.md §1.9).
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiFailure> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiFailure::invalid(Violation::new("body", format!("is not valid JSON: {e}"))))?;
    let Value::Object(mut obj) = value else {
        return Err(ApiFailure::invalid(Violation::new("body", "must be a JSON object")));
    };
    obj.retain(|_, v| !v.is_null());
    match serde_json::from_value::<T>(Value::Object(obj.clone())) {
        Ok(t) => Ok(t),
        Err(e) => {
            // Name the first member that fails on its own; every field of these bodies is
            // optional, so a one-member object only fails because of that member.
            let culprit = obj.iter().find_map(|(k, v)| {
                let one: Map<String, Value> = [(k.clone(), v.clone())].into_iter().collect();
                serde_json::from_value::<T>(Value::Object(one)).err().map(|e| (k.clone(), e))
            });
            Err(match culprit {
                Some((field, e)) => ApiFailure::invalid(Violation::new(field, format!("is invalid: {e}"))),
                None => ApiFailure::invalid(Violation::new("body", format!("does not match the contract: {e}"))),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_api::customers::ListSubCustomersRequest;

    #[test]
    fn names_the_field_or_the_body() {
        let e = parse::<ListSubCustomersRequest>(br#"{"limit":"ten"}"#).unwrap_err();
        assert!(e.msg.starts_with("parameter 'limit' "), "{}", e.msg);
        let e = parse::<ListSubCustomersRequest>(b"{nope").unwrap_err();
        assert!(e.msg.starts_with("parameter 'body' "), "{}", e.msg);
        let e = parse::<ListSubCustomersRequest>(b"[]").unwrap_err();
        assert!(e.msg.starts_with("parameter 'body' "), "{}", e.msg);
        let r = parse::<ListSubCustomersRequest>(br#"{"label":null,"limit":5}"#).unwrap();
        assert_eq!((r.label, r.limit), (None, Some(5)));
    }
}
