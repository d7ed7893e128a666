//! Issue #16: the sandbox refuses what the partner API refuses, the same way on every endpoint
//! — tables of hostile inputs with the exact status, code, message and headers expected.
//! (Refusals at the HTTP layer, over real connections: `strict_http.rs`.)

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::*;
use sandbox::seed::reference_now;
use sandbox::seed_coupons::{D1, D3};
use serde_json::json;

const PARAM: &str = "CBC.0100";

/// A refusal in the BSS shape: status, code, message prefix, a request id, JSON.
fn refused(r: &Resp, status: StatusCode, code: &str, msg: &str, case: &str) {
    assert_eq!((r.status, r.code()), (status, code), "{case}: {}", r.text);
    assert!(r.msg().starts_with(msg), "{case}: {}", r.msg());
    assert!(r.request_id.as_deref().is_some_and(|id| id.len() == 32), "{case}: no X-Request-Id");
    assert_eq!(r.header("content-type"), Some("application/json"), "{case}");
}

/// Paging values the contract does not write, for every list read from a query string: each
/// is 400 CBC.0100 naming the parameter, before anything else is looked at.
#[tokio::test]
async fn every_query_list_pages_strictly() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let customer = e.id(e.customers_of(DIST, |_, _| true)[0]);
    let lists: Vec<(String, bool)> = vec![
        ("/v2/orders/customer-orders".into(), true),
        ("/v2/orders/customer-orders/details/CS0000000000".into(), false),
        (V3.into(), true),
        (V5.into(), true),
        (V6.into(), true),
        (Q3.into(), true),
        (Q4.into(), true),
        (WL_VERSIONS.into(), true),
        (format!("{WL_ENTRIES}?version_no=1"), false),
        (format!("{WL_UPLOADS}/WL0/changes?change=added"), false),
        (format!("/v2/partners/sub-customers/{customer}/opportunities"), true),
    ];
    let hostile = [
        ("limit=%2B5", "limit"),
        ("limit=+5", "limit"),
        ("limit=%205", "limit"),
        ("limit=5%20", "limit"),
        ("limit=%095", "limit"),
        ("limit=", "limit"),
        ("limit=5.0", "limit"),
        ("limit=1e1", "limit"),
        ("limit=0x10", "limit"),
        ("limit=%EF%BC%95", "limit"),
        ("offset=%2B1&limit=5", "offset"),
        ("offset=&limit=5", "offset"),
        ("offset=-&limit=5", "offset"),
        ("limit=5&limit=5", "limit"),
        ("limit=%zz", "limit"),
    ];
    for (path, pages_fine) in &lists {
        let sep = if path.contains('?') { '&' } else { '?' };
        for (q, param) in hostile {
            let r = e.get(&format!("{path}{sep}{q}"), &t).await;
            refused(&r, StatusCode::BAD_REQUEST, PARAM, &format!("parameter '{param}' "), &format!("{path} {q}"));
            r.names(param);
        }
        // Out of range is named too; the exact form is accepted.
        e.get(&format!("{path}{sep}limit=101"), &t).await.names("limit");
        if *pages_fine {
            let r = e.get(&format!("{path}{sep}offset=0&limit=5"), &t).await;
            assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text);
        }
    }
}

/// Integers other than paging are exact too (`coupon_type`, `status`, `quota_type`).
#[tokio::test]
async fn integer_filters_are_exact() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    for (path, param) in [(V3, "coupon_type"), (V3, "status"), (V5, "quota_type"), (V6, "status")] {
        for v in ["%2B1", "+1", "%201", "1%20", "one"] {
            e.get(&format!("{path}?{param}={v}&offset=0&limit=10"), &t).await.names(param);
        }
    }
    // Path integers too.
    for v in ["%2B1", "+1", "%201", "1%20"] {
        let r = e.post(&format!("{WL_VERSIONS}/{v}/rollback"), &t, json!({"base_version_no": 2})).await;
        r.names("version_no");
    }
}

/// Amounts are JSON numbers on every money field of a request body; a string (even a
/// numeric one) is 400 CBC.0100 naming the field, and nothing changes.
#[tokio::test]
async fn amounts_must_be_numbers() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let customer = e.id(e.eligible(DIST)[0]);
    let reseller = e.partner_id(CLOUDBRIDGE);
    let before = (e.quota_balance(D1), e.quota_balance(D3));
    let cases = [
        (V2, json!({"quota_id": D1, "customer_ids": [customer], "face_value": "10.00"}), "face_value"),
        (V2, json!({"quota_id": D1, "customer_ids": [customer], "face_value": "1E+2"}), "face_value"),
        (V2, json!({"quota_id": D1, "customer_ids": [customer], "face_value": ""}), "face_value"),
        (Q1, json!({"quota_id": D1, "indirect_partner_ids": [reseller], "quota_amount": "1.00"}), "quota_amount"),
        (Q1, json!({"quota_id": D3, "indirect_partner_ids": [reseller], "quota_amount": " 1"}), "quota_amount"),
        ("/v2/partners/sub-customers/opportunities/query", json!({"revenue_min": "100"}), "revenue_min"),
        ("/v2/partners/sub-customers/opportunities/query", json!({"revenue_max": "1.00"}), "revenue_max"),
    ];
    for (path, body, field) in cases {
        let r = e.post(path, &t, body.clone()).await;
        refused(&r, StatusCode::BAD_REQUEST, PARAM, &format!("parameter '{field}' "), &body.to_string());
        assert!(r.msg().contains("must be a JSON number"), "{}", r.msg());
    }
    assert_eq!((e.quota_balance(D1), e.quota_balance(D3)), before);
    // The same amounts as numbers go through.
    let r = e.post(Q1, &t, json!({"quota_id": D1, "indirect_partner_ids": [reseller], "quota_amount": 1.00})).await;
    assert_eq!(r.ok()["simple_quota_infos"].as_array().unwrap().len(), 1);
}

/// A key given twice is refused naming it (the last value must not win unchecked).
#[tokio::test]
async fn duplicate_keys_are_refused() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let cases: [(&str, &str, &str); 5] = [
        ("/v2/partners/sub-customers/query", r#"{"limit":500,"limit":1}"#, "limit"),
        (V1, r#"{"offset":0,"limit":10,"offset":5}"#, "offset"),
        (V2, r#"{"quota_id":"QT260105000001","quota_id":"x","customer_ids":[],"face_value":1}"#, "quota_id"),
        (
            Q1,
            r#"{"quota_id":"QT260105000001","indirect_partner_ids":[],"quota_amount":1,"quota_amount":9}"#,
            "quota_amount",
        ),
        (WL_UPLOADS, r#"{"file_name":"a.csv","rows":[{"row_no":1,"customer":"x","row_no":2}]}"#, "rows.row_no"),
    ];
    for (path, body, key) in cases {
        let req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header("content-type", "application/json")
            .header("x-auth-token", &t)
            .body(Body::from(body))
            .unwrap();
        let r = e.send(req).await;
        refused(&r, StatusCode::BAD_REQUEST, PARAM, &format!("parameter '{key}' is given more than once"), body);
    }
    // IAM: Keystone shape.
    let sign_in = r#"{"auth":{"identity":{"methods":["password"],"methods":["token"]}}}"#;
    let req = Request::builder().method(Method::POST).uri("/v3/auth/tokens").body(Body::from(sign_in)).unwrap();
    let r = e.send(req).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert_eq!(r["error"]["code"], 400);
    assert!(
        r["error"]["message"].as_str().unwrap().contains("'auth.identity.methods' is given more than once"),
        "{}",
        r.text
    );
}

/// Bodies over the limit are 413 in the error shape (Keystone on sign-in), with a request id.
#[tokio::test]
async fn bodies_over_the_limit_are_413_in_shape() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let big = format!(r#"{{"file_name":"a.csv","pad":"{}"}}"#, "x".repeat(sandbox::body::MAX_BODY_BYTES));
    for path in [WL_UPLOADS, "/v2/partners/sub-customers/query", V2, "/v3/auth/tokens"] {
        let req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header("content-type", "application/json")
            .header("x-auth-token", &t)
            .body(Body::from(big.clone()))
            .unwrap();
        let r = e.send(req).await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{path}: {}", r.text);
        assert!(r.request_id.is_some(), "{path}");
        assert_eq!(r.header("content-type"), Some("application/json"), "{path}");
        if path.starts_with("/v3/") {
            assert_eq!(r["error"]["code"], 413, "{}", r.text);
            assert!(r["error"]["message"].as_str().unwrap().contains("must be at most 4194304 bytes"));
        } else {
            refused(&r, StatusCode::PAYLOAD_TOO_LARGE, PARAM, "parameter 'body' must be at most 4194304 bytes", path);
        }
    }
}

/// CBC.50000045 on Q1: never in the default mode (20 calls in parallel all succeed), always
/// with `concurrent_rate: 1`, sometimes by default once a fault rate is set.
#[tokio::test]
async fn concurrent_quota_operations_in_fault_mode() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let reseller = e.partner_id(CLOUDBRIDGE);
    let body = json!({"quota_id": D1, "indirect_partner_ids": [reseller], "quota_amount": 1});
    let calls = (0..20).map(|_| e.post(Q1, &t, body.clone()));
    for r in futures_util::future::join_all(calls).await {
        r.ok();
    }
    let before = e.quota_balance(D1);
    assert_eq!(e.control("/__sandbox/faults", json!({"concurrent_rate": 1.0})).await.status, StatusCode::OK);
    let r = e.post(Q1, &t, body.clone()).await;
    refused(&r, StatusCode::BAD_REQUEST, "CBC.50000045", "another operation on the same quota", "rate 1");
    assert_eq!(e.quota_balance(D1), before);

    // Fault-injection mode (a rate set) plays it by default, at DEFAULT_CONCURRENT_RATE.
    e.control("/__sandbox/faults", json!({"throttle_rate": 0.01})).await.ok();
    let mut seen = std::collections::HashMap::new();
    for _ in 0..60 {
        let r = e.post(Q1, &t, body.clone()).await;
        *seen.entry(r.code().to_string()).or_insert(0) += 1;
    }
    assert!((1..20).contains(seen.get("CBC.50000045").unwrap_or(&0)), "{seen:?}");
    assert!(e.control("/__sandbox/faults", json!({"concurrent_rate": 1.5})).await.names_ok("concurrent_rate"));

    // Cleared: deterministic again.
    e.call(Method::DELETE, "/__sandbox/faults", None, None).await.ok();
    for _ in 0..10 {
        e.post(Q1, &t, body.clone()).await.ok();
    }
}

trait NamesOk {
    fn names_ok(&self, param: &str) -> bool;
}

impl NamesOk for Resp {
    fn names_ok(&self, param: &str) -> bool {
        self.names(param);
        true
    }
}

/// Every time the seed generates (creations, updates, operations, versions) lies before the
/// business "now" it starts from; only validity windows reach past it.
#[tokio::test]
async fn seeded_times_lie_before_now() {
    let e = env();
    let now = reference_now();
    let l = e.state.vouchers.ledger();
    for q in &l.quotas {
        assert!(q.create_time < now && q.last_update_time < now, "{} created {}", q.id, q.create_time);
        // A distributor's own quota exists before it takes effect (children copy the window).
        assert!(q.parent.is_some() || q.create_time <= q.effective_time, "{}", q.id);
    }
    for c in &l.coupons {
        assert!(c.create_time < now, "{} created {}", c.id, c.create_time);
        assert!(c.active_time.is_none_or(|t| t < now) && c.last_used_time.is_none_or(|t| t < now), "{}", c.id);
    }
    assert!(l.coupon_records.iter().all(|r| r.time < now));
    assert!(l.quota_records.iter().all(|r| r.time < now));
    drop(l);
    let wl = e.state.vouchers.whitelists.lock().unwrap();
    for p in 0..e.data().partners.len() {
        assert!(wl.current(p).is_none_or(|v| v.create_time < now));
    }
    assert!(e.data().customers.iter().all(|c| c.associated_on < now));
}
