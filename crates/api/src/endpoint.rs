//! An endpoint is declared once, here in the contract: its verb, its route template, its request
//! and its response. The app's client sends any [`Endpoint`] (`api.call(&request)`), the sandbox
//! mounts its handlers on the same [`Endpoint::ROUTE`] templates, and the tests name the same
//! types. A list endpoint is also [`Paged`]: the shared table sets the page and sort of a request
//! and reads rows and total from its answer, so no page writes its own loader.

use serde::de::DeserializeOwned;

/// The HTTP verb of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
    Put,
    Delete,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Put => "PUT",
            Verb::Delete => "DELETE",
        }
    }
}

/// One call of the partner API.
pub trait Endpoint {
    type Response: DeserializeOwned;
    const VERB: Verb;
    /// The route template, path parameters in braces: `/v2/orders/customer-orders/{order_id}`.
    const ROUTE: &'static str;
    /// Safe to send again automatically (on a 429): reads are, writes never are, even when sent
    /// as POST (a list query is a read).
    const READ: bool;
    /// Takes the customer's token (an assume_role token, §1.4) instead of the partner's: O5–O7.
    /// The app's client sends such an endpoint only through `call_for_customer`, and the
    /// sandbox refuses a partner token on it (and a customer token everywhere else).
    const CUSTOMER_TOKEN: bool = false;

    /// The path with its parameters filled in (percent-encoded). Default: the template itself.
    fn path(&self) -> String {
        Self::ROUTE.to_string()
    }

    /// The query string without `?` (§1.12 encoding); empty when none.
    fn query(&self) -> String {
        String::new()
    }

    /// The JSON body, for POST and PUT.
    fn body(&self) -> Option<String> {
        None
    }

    /// `path` or `path?query`.
    fn path_and_query(&self) -> String {
        let q = self.query();
        if q.is_empty() {
            self.path()
        } else {
            format!("{}?{q}", self.path())
        }
    }
}

/// One sort key of a list: a column's key, descending or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    pub key: String,
    pub desc: bool,
}

impl Sort {
    /// The `order_by` form: `key` or `-key`.
    pub fn order_by(&self) -> String {
        if self.desc {
            format!("-{}", self.key)
        } else {
            self.key.clone()
        }
    }
}

/// A slice of the matching rows, in an order (what a table asks a list for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    pub offset: u64,
    /// ≤ 100 (the API's maximum).
    pub limit: u32,
    pub sort: Vec<Sort>,
}

/// One answer: the rows of a slice and the total that match.
pub struct Rows<T> {
    pub rows: Vec<T>,
    pub total: u64,
}

/// A list endpoint: paged by offset and limit (§1.6), maybe sortable.
pub trait Paged: Endpoint + Clone {
    type Row;
    /// Asks for `limit` rows from `offset`.
    fn set_page(&mut self, offset: u64, limit: u32);
    /// Asks for this order; an endpoint that cannot sort ignores it (the default).
    fn set_sort(&mut self, sort: &[Sort]) {
        let _ = sort;
    }
    /// The rows of one answer and the total matching (the rows' count when the answer has none).
    fn rows(response: Self::Response) -> (Vec<Self::Row>, u64);
}

/// Fills `{name}` parameters of a route template with percent-encoded values, in order.
pub fn fill_route(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut values = values.iter();
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').map(|e| start + e + 1).unwrap_or(rest.len());
        out.push_str(&crate::query::encode_component(values.next().copied().unwrap_or_default()));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The JSON text of a body; serialising the contract's own types cannot fail.
pub fn json<T: serde::Serialize>(body: &T) -> String {
    serde_json::to_string(body).expect("contract types serialise")
}

/// Declares how a request type is sent: its verb (a GET is a read; a POST says `read` or
/// `write`), its route template, its response, then options in any order:
/// `customer_token` marks an endpoint that takes the customer's token ([`Endpoint::CUSTOMER_TOKEN`]);
/// `path(field, …)` fills the template's `{…}` parameters from those fields, in order;
/// `query` sends `to_query_string()` (or `query(field)`: that field's); `json` sends the request
/// itself as the body (or `json(field)`: that field). Fields named in `path` are never in a body
/// unless the body is the whole request.
///
/// ```ignore
/// endpoint!(GET "/v2/orders/customer-orders" => ListCustomerOrdersRequest: ListCustomerOrdersResponse, query);
/// endpoint!(POST read "/v2/partners/sub-customers/query" => ListSubCustomersRequest: ListSubCustomersResponse, json);
/// endpoint!(POST write "/v2/…/uploads/{upload_id}/chunks" => SendChunk: ChunkResponse, path(upload_id), json(chunk));
/// ```
#[macro_export]
macro_rules! endpoint {
    (GET $route:expr => $req:ty : $resp:ty $(, $($opt:tt)+)?) => {
        $crate::endpoint!(@impl Get, true, $route, $req, $resp, [$($($opt)+)?]);
    };
    (POST read $route:expr => $req:ty : $resp:ty $(, $($opt:tt)+)?) => {
        $crate::endpoint!(@impl Post, true, $route, $req, $resp, [$($($opt)+)?]);
    };
    (POST write $route:expr => $req:ty : $resp:ty $(, $($opt:tt)+)?) => {
        $crate::endpoint!(@impl Post, false, $route, $req, $resp, [$($($opt)+)?]);
    };
    (@impl $verb:ident, $read:expr, $route:expr, $req:ty, $resp:ty, [$($opts:tt)*]) => {
        impl $crate::endpoint::Endpoint for $req {
            type Response = $resp;
            const VERB: $crate::endpoint::Verb = $crate::endpoint::Verb::$verb;
            const ROUTE: &'static str = $route;
            const READ: bool = $read;
            $crate::endpoint!(@opts $($opts)*);
        }
    };
    (@opts) => {};
    (@opts , $($rest:tt)*) => { $crate::endpoint!(@opts $($rest)*); };
    (@opts customer_token $($rest:tt)*) => {
        const CUSTOMER_TOKEN: bool = true;
        $crate::endpoint!(@opts $($rest)*);
    };
    (@opts path($($field:ident),+) $($rest:tt)*) => {
        fn path(&self) -> String {
            $crate::endpoint::fill_route(
                <Self as $crate::endpoint::Endpoint>::ROUTE,
                &[$(self.$field.to_string().as_str()),+],
            )
        }
        $crate::endpoint!(@opts $($rest)*);
    };
    (@opts query($field:ident) $($rest:tt)*) => {
        fn query(&self) -> String { self.$field.to_query_string() }
        $crate::endpoint!(@opts $($rest)*);
    };
    (@opts query $($rest:tt)*) => {
        fn query(&self) -> String { self.to_query_string() }
        $crate::endpoint!(@opts $($rest)*);
    };
    (@opts json($field:ident) $($rest:tt)*) => {
        fn body(&self) -> Option<String> { Some($crate::endpoint::json(&self.$field)) }
        $crate::endpoint!(@opts $($rest)*);
    };
    (@opts json $($rest:tt)*) => {
        fn body(&self) -> Option<String> { Some($crate::endpoint::json(self)) }
        $crate::endpoint!(@opts $($rest)*);
    };
}

/// Declares a request [`Paged`] whose `offset`/`limit` fields are `Option<i64>`:
/// `paged!(Request, Row, |response| (rows, total));` optionally `page = field` when the paging
/// fields are in a field of the request (its query), and `sort = |request, sort| …`.
#[macro_export]
macro_rules! paged {
    ($req:ty, $row:ty, |$resp:ident| $rows:expr $(, page = $pf:ident)? $(, sort = |$sreq:ident, $sort:ident| $sbody:expr)?) => {
        impl $crate::endpoint::Paged for $req {
            type Row = $row;
            fn set_page(&mut self, offset: u64, limit: u32) {
                let page = &mut (*self)$(.$pf)?;
                page.offset = Some(offset as i64);
                page.limit = Some(limit as i64);
            }
            $(fn set_sort(&mut self, $sort: &[$crate::endpoint::Sort]) {
                let $sreq = self;
                $sbody
            })?
            fn rows($resp: <$req as $crate::endpoint::Endpoint>::Response) -> (Vec<$row>, u64) {
                $rows
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_route_parameters_encoded() {
        assert_eq!(fill_route("/v2/x/{id}/items", &["a b/c"]), "/v2/x/a%20b%2Fc/items");
        assert_eq!(fill_route("/v2/{a}/{b}", &["1", "2"]), "/v2/1/2");
        assert_eq!(fill_route("/v2/plain", &[]), "/v2/plain");
    }
}
