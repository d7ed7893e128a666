//! The one query extractor, for every endpoint whose parameters travel in the query string
//! (O1, O2, V3, V5, V6, Q3, Q4, the whitelist lists, a customer's opportunities, and any new
//! list): `QueryParams(req): QueryParams<SomeRequest>` for a `query_params!` request of the
//! contract. Every endpoint reads its query the same way: percent-decoded once (`+` is a
//! space), unknown keys ignored, a key given twice refused, integers exactly as the contract
//! writes them (digits with an optional `-`: no `+`, no spaces), and paging values (`offset`,
//! `limit`) never empty — even where other empty values mean "not given" (O1, O2). Every
//! refusal is 400 `CBC.0100` naming the parameter.

use crate::errors::ApiFailure;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use partner_api::query::{FromQuery, RawQuery};
use partner_api::validate::Violation;

/// The paging parameters of every list (PARTNER_API.md §1.6).
pub const PAGING_KEYS: [&str; 2] = ["offset", "limit"];

pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: FromQuery> FromRequestParts<S> for QueryParams<T> {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        read(parts.uri.query()).map(QueryParams)
    }
}

/// Reads a raw query string (as `Uri::query()` gives it) the way [`QueryParams`] does.
pub fn read<T: FromQuery>(raw: Option<&str>) -> Result<T, ApiFailure> {
    check_paging(raw)?;
    Ok(T::from_query(raw)?)
}

fn check_paging(raw: Option<&str>) -> Result<(), Violation> {
    let q = RawQuery::parse(raw);
    for key in PAGING_KEYS {
        if q.values(key)?.iter().any(String::is_empty) {
            return Err(Violation::new(key, "must be an integer"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_api::page::PageQuery;

    #[test]
    fn paging_is_never_empty() {
        assert_eq!(read::<PageQuery>(Some("limit=")).unwrap_err().msg, "parameter 'limit' must be an integer");
        assert_eq!(
            read::<PageQuery>(Some("offset=&limit=5")).unwrap_err().msg,
            "parameter 'offset' must be an integer"
        );
        assert_eq!(read::<PageQuery>(Some("offset=%2B1")).unwrap_err().msg, "parameter 'offset' must be an integer");
        assert_eq!(
            read::<PageQuery>(Some("offset=1&limit=5&x=")).unwrap(),
            PageQuery { offset: Some(1), limit: Some(5) }
        );
    }
}
