//! The strict JSON body extractor, for every handler that takes a body: malformed or
//! mistyped bodies become 400 `CBC.0100` naming the body or the offending field, instead of
//! axum's plain-text rejections. Strict as the partner API: a key given twice is refused (a
//! lenient parser would let the last value win and skip the check of the first), amounts
//! must be JSON numbers (`"1.00"` is refused naming the field), and a body larger than
//! [`MAX_BODY_BYTES`] is 413.

use crate::errors::ApiFailure;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use partner_api::error::codes;
use partner_api::money::numbers_only;
use partner_api::validate::Violation;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The largest request body accepted (a whitelist chunk of 10,000 rows with remarks fits).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiFailure;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                ApiFailure::invalid(Violation::new("body", format!("could not be read: {e}")))
            }
        })?;
        parse(&bytes).map(JsonBody)
    }
}

/// 413 for a body over [`MAX_BODY_BYTES`].
pub fn too_large() -> ApiFailure {
    ApiFailure::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        codes::PARAM_ERROR,
        Violation::new("body", format!("must be at most {MAX_BODY_BYTES} bytes")).message(),
    )
}

/// Walks a JSON document without building it and fails on the first object with a key given
/// twice, naming the key by its path (`rows.remark`).
struct NoDuplicateKeys(Vec<String>);

impl<'de> serde::de::DeserializeSeed<'de> for &mut NoDuplicateKeys {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut NoDuplicateKeys {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(&mut *self)?.is_some() {}
        Ok(())
    }
    // With `arbitrary_precision` a number arrives as a one-key map; it never repeats a key.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                self.0.push(key);
                return Err(serde::de::Error::custom("duplicate key"));
            }
            self.0.push(key);
            map.next_value_seed(&mut *self)?;
            self.0.pop();
        }
        Ok(())
    }
}

/// The path of the first key given twice in `bytes`, if any (`None` also for invalid JSON,
/// which the real parse reports).
pub fn duplicate_key(bytes: &[u8]) -> Option<String> {
    let mut walk = NoDuplicateKeys(Vec::new());
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde::de::DeserializeSeed::deserialize(&mut walk, &mut de) {
        Err(e) if e.to_string().starts_with("duplicate key") => Some(walk.0.join(".")),
        _ => None,
    }
}

/// Parses a request body that must be a JSON object. `null` members are dropped first:
/// absent and null both mean "not a filter" (PARTNER_API.md §1.9).
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiFailure> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiFailure::invalid(Violation::new("body", format!("is not valid JSON: {e}"))))?;
    if let Some(key) = duplicate_key(bytes) {
        return Err(ApiFailure::invalid(Violation::new(key, "is given more than once")));
    }
    numbers_only(|| members(value))
}

fn members<T: DeserializeOwned>(value: Value) -> Result<T, ApiFailure> {
    let Value::Object(mut obj) = value else {
        return Err(ApiFailure::invalid(Violation::new("body", "must be a JSON object")));
    };
    obj.retain(|_, v| !v.is_null());
    match serde_json::from_value::<T>(Value::Object(obj.clone())) {
        Ok(t) => Ok(t),
        Err(e) => {
            // An unknown or missing member is named by serde itself.
            let text = e.to_string();
            for prefix in ["unknown field `", "missing field `"] {
                if let Some(name) = text.strip_prefix(prefix).and_then(|r| r.split('`').next()) {
                    return Err(ApiFailure::invalid(Violation::new(name, format!("is invalid: {e}"))));
                }
            }
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

    #[test]
    fn duplicate_keys_are_named_by_path() {
        assert_eq!(duplicate_key(br#"{"limit":500,"limit":1}"#).as_deref(), Some("limit"));
        assert_eq!(duplicate_key(br#"{"rows":[{"a":1},{"a":1,"b":2,"a":3}]}"#).as_deref(), Some("rows.a"));
        assert_eq!(duplicate_key(br#"{"a":{"b":1.50},"c":[1,2E+3,"x",null,true]}"#), None);
        let e = parse::<ListSubCustomersRequest>(br#"{"limit":500,"limit":1}"#).unwrap_err();
        assert_eq!(e.msg, "parameter 'limit' is given more than once");
    }
}
