//! The one sandbox test harness: the router through tower `oneshot` over a small seeded store
//! (400 customers, seed 42), signing in, sending calls and reading answers. Every test file
//! (`mod common;`) uses it; a file adds its own helpers in an `impl Env` of its own.
#![allow(dead_code)]

use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use partner_api::Amount;
use sandbox::store::{Customer, CustomerIx, Data, PartnerIx};
use sandbox::{app, seed, AppState};
use serde_json::{json, Value};
use tower::ServiceExt;

pub const V1: &str = "/v2/partners/coupon-quotas/query";
pub const V2: &str = "/v2/promotions/benefits/partner-coupons";
pub const V3: &str = "/v2/promotions/benefits/partner-coupons";
pub const V4: &str = "/v2/promotions/benefits/partner-coupons/reclaim";
pub const V5: &str = "/v2/promotions/benefits/partner-coupons/records/query";
pub const V6: &str = "/v2/promotions/benefits/coupons";
pub const Q1: &str = "/v2/partners/coupon-quotas/indirect-partner-adjust";
pub const Q2: &str = "/v2/partners/coupon-quotas/indirect-partner-reclaim";
pub const Q3: &str = "/v2/partners/issued-coupon-quotas";
pub const Q4: &str = "/v2/partners/coupon-quotas/records";
pub const R1: &str = "/v2/partners/indirect-partners/query";
pub const WL_VERSIONS: &str = "/v2/partners/coupon-whitelist/versions";
pub const WL_ENTRIES: &str = "/v2/partners/coupon-whitelist/entries";
pub const WL_UPLOADS: &str = "/v2/partners/coupon-whitelist/uploads";

pub const DIST: &str = "hz_distributor";
pub const CLOUDBRIDGE: &str = "cloudbridge_it";
pub const SERVICE: &str = "huitong_services";

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
    pub json: Value,
    pub request_id: Option<String>,
}

/// An answer reads as its JSON body (`r["total_count"]`, `r.as_array()`).
impl std::ops::Deref for Resp {
    type Target = Value;
    fn deref(&self) -> &Value {
        &self.json
    }
}

impl PartialEq<Value> for Resp {
    fn eq(&self, other: &Value) -> bool {
        self.json == *other
    }
}

impl std::fmt::Debug for Resp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.text)
    }
}

impl std::fmt::Display for Resp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.json.fmt(f)
    }
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// A 400 CBC.0100 naming `param`.
    pub fn names(&self, param: &str) {
        let code = partner_api::codes::PARAM_ERROR;
        assert_eq!((self.status, self.code()), (StatusCode::BAD_REQUEST, code), "{}", self.text);
        assert!(self.msg().starts_with(&format!("parameter '{param}' ")), "{param}: {}", self.msg());
        assert_eq!(partner_api::error::parse_error(400, &self.text, None).parameter(), Some(param));
    }
    pub fn code(&self) -> &str {
        self.json["error_code"].as_str().unwrap_or("")
    }
    pub fn msg(&self) -> &str {
        self.json["error_msg"].as_str().unwrap_or("")
    }
    /// `(status, error_code)`.
    pub fn sc(&self) -> (StatusCode, &str) {
        (self.status, self.code())
    }
    /// A 200 that is not a business failure.
    pub fn ok(self) -> Self {
        assert_eq!(self.status, StatusCode::OK, "{}", self.text);
        assert!(self.json.get("error_code").is_none(), "{}", self.text);
        self
    }
}

#[derive(Clone)]
pub struct Env {
    pub app: Router,
    pub state: AppState,
}

pub fn env() -> Env {
    env_with(Vec::new())
}

/// With these CORS origins allowed.
pub fn env_with(origins: Vec<String>) -> Env {
    let state = AppState::new(seed::generate(400, 42), 42, 86_400, origins);
    Env { app: app(state.clone()), state }
}

pub fn amount(v: &Value) -> Amount {
    assert!(v.is_number(), "not a JSON number: {v}");
    Amount::parse(&v.to_string()).unwrap()
}

pub fn cents(c: i64) -> Amount {
    Amount::from_cents(c)
}

impl Env {
    pub fn data(&self) -> &Data {
        &self.state.data
    }

    pub async fn send(&self, req: Request<Body>) -> Resp {
        let resp = self.app.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).map(String::from);
        let bytes = to_bytes(resp.into_body(), usize::MAX).await.unwrap();
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp { status, headers, text, json, request_id }
    }

    /// As the official clients: a JSON content type on every call, GETs included.
    pub async fn call_with(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> Resp {
        let mut b = Request::builder().method(method).uri(path).header("content-type", "application/json");
        if let Some(t) = token {
            b = b.header("x-auth-token", t);
        }
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        let body = body.map(|v| Body::from(v.to_string())).unwrap_or_else(Body::empty);
        self.send(b.body(body).unwrap()).await
    }

    pub async fn call(&self, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> Resp {
        self.call_with(method, path, token, &[], body).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Resp {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Resp {
        self.call(Method::GET, path, Some(token), None).await
    }

    pub async fn control(&self, path: &str, body: Value) -> Resp {
        self.call(Method::POST, path, None, Some(body)).await
    }

    pub async fn sign_in_raw(&self, account: &str, user: &str, password: &str) -> Resp {
        let body = serde_json::to_value(partner_api::auth::TokenRequest::password(account, user, password)).unwrap();
        self.call(Method::POST, partner_api::auth::TOKEN_PATH, None, Some(body)).await
    }

    pub async fn token(&self, account: &str, user: &str) -> String {
        let r = self.sign_in_raw(account, user, seed::PASSWORD).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        r.header("x-subject-token").unwrap().to_string()
    }

    pub fn partner(&self, account: &str) -> PartnerIx {
        self.data().partner_by_account(account).unwrap()
    }

    pub fn partner_id(&self, account: &str) -> String {
        self.data().partners[self.partner(account)].id.clone()
    }

    pub fn user(&self, account: &str, name: &str) -> usize {
        self.data().user_in(self.partner(account), name).unwrap()
    }

    pub fn customer(&self, ix: CustomerIx) -> &Customer {
        self.data().customer(ix)
    }

    /// Direct customers of a partner matching a predicate.
    pub fn customers_of(&self, account: &str, f: impl Fn(&Customer, CustomerIx) -> bool) -> Vec<CustomerIx> {
        let p = self.partner(account);
        self.data().partners[p].customers.iter().copied().filter(|&c| f(self.customer(c), c)).collect()
    }

    pub fn whitelisted(&self, account: &str, c: CustomerIx) -> bool {
        self.state.vouchers.whitelists.lock().unwrap().is_member(self.partner(account), c)
    }

    /// Resale customers on the partner's current whitelist.
    pub fn eligible(&self, account: &str) -> Vec<CustomerIx> {
        self.customers_of(account, |c, ix| c.association_type == "2" && self.whitelisted(account, ix))
    }

    pub fn quota_balance(&self, id: &str) -> Amount {
        let l = self.state.vouchers.ledger();
        l.quotas[l.quota(id).unwrap()].balance
    }

    pub fn id(&self, c: CustomerIx) -> String {
        self.customer(c).id.clone()
    }

    /// Every row of a GET list, page by page (`key` is the array field).
    pub async fn all(&self, token: &str, path_and_query: &str, key: &str) -> Vec<Value> {
        let mut rows = Vec::new();
        let sep = if path_and_query.contains('?') { '&' } else { '?' };
        loop {
            let r = self.get(&format!("{path_and_query}{sep}offset={}&limit=100", rows.len()), token).await.ok();
            let page = r[key].as_array().unwrap().clone();
            let total = r["total_count"].as_u64().or(r["count"].as_u64()).unwrap() as usize;
            let n = page.len();
            rows.extend(page);
            if rows.len() >= total || n == 0 {
                assert_eq!(rows.len(), total);
                return rows;
            }
        }
    }
}

pub fn issue_body(quota: &str, customers: &[String], face: &str) -> Value {
    let face: Value = serde_json::from_str(face).unwrap();
    json!({"quota_id": quota, "customer_ids": customers, "face_value": face})
}
