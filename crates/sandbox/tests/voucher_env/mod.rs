//! The router through tower `oneshot` over a small seeded store, for the voucher, quota and
//! whitelist tests (same pattern as tests/api.rs).
#![allow(dead_code)]

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
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
    pub text: String,
    pub json: Value,
    pub request_id: Option<String>,
}

impl Resp {
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
    pub fn ok(self) -> Value {
        assert_eq!(self.status, StatusCode::OK, "{}", self.text);
        assert!(self.json.get("error_code").is_none(), "{}", self.text);
        self.json
    }
}

#[derive(Clone)]
pub struct Env {
    pub app: Router,
    pub state: AppState,
}

pub fn env() -> Env {
    let state = AppState::new(seed::generate(400, 42), 42, 86_400, Vec::new());
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

    pub async fn call(&self, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> Resp {
        let mut b = Request::builder().method(method).uri(path).header("content-type", "application/json");
        if let Some(t) = token {
            b = b.header("x-auth-token", t);
        }
        let body = body.map(|v| Body::from(v.to_string())).unwrap_or_else(Body::empty);
        let resp = self.app.clone().oneshot(b.body(body).unwrap()).await.unwrap();
        let status = resp.status();
        let request_id = resp.headers().get("x-request-id").and_then(|v| v.to_str().ok()).map(String::from);
        let bytes = to_bytes(resp.into_body(), usize::MAX).await.unwrap();
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp { status, text, json, request_id }
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

    pub async fn token(&self, account: &str, user: &str) -> String {
        let body = serde_json::to_string(&partner_api::auth::TokenRequest::password(account, user, seed::PASSWORD));
        let req = Request::builder()
            .method(Method::POST)
            .uri("/v3/auth/tokens")
            .header("content-type", "application/json")
            .body(Body::from(body.unwrap()))
            .unwrap();
        let resp = self.app.clone().oneshot(req).await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        resp.headers().get("x-subject-token").unwrap().to_str().unwrap().to_string()
    }

    pub fn partner(&self, account: &str) -> PartnerIx {
        self.data().partner_by_account(account).unwrap()
    }

    pub fn partner_id(&self, account: &str) -> String {
        self.data().partners[self.partner(account)].id.clone()
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
