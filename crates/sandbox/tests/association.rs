//! S13 association events over HTTP: each refusal, the 3-per-3-months limit, idempotent
//! requests, every partner action legal and illegal, the customer stand-in, lapsed deadlines,
//! role visibility and fault injection on writes.
mod common;

use common::*;
use partner_api::codes;
use serde_json::{json, Value};

const QUERY: &str = "/v2/partners/association-events/query";
const CREATE: &str = "/v2/partners/association-events";

fn constraints_path(id: &str) -> String {
    format!("/v2/partners/sub-customers/{id}/association-constraints")
}

fn action_path(id: &str) -> String {
    format!("/v2/partners/association-events/{id}/actions")
}

impl Env {
    async fn cases(&self) -> Value {
        self.call(axum::http::Method::GET, "/__sandbox/association-cases", None, None).await.ok().json
    }

    async fn admin(&self) -> String {
        self.token(DIST, "admin").await
    }

    async fn unbind(&self, token: &str, customer: &Value, client_token: Option<&str>) -> Resp {
        let mut body = json!({"customer_id": customer, "event_type": "PARTNER_UNBIND", "reason": "业务调整"});
        if let Some(t) = client_token {
            body["client_token"] = json!(t);
        }
        self.post(CREATE, token, body).await
    }

    async fn act(&self, token: &str, event: &Value, action: &str, reason: Option<&str>) -> Resp {
        let mut body = json!({"action": action});
        if let Some(r) = reason {
            body["reason"] = json!(r);
        }
        self.post(&action_path(event.as_str().unwrap()), token, body).await
    }
}

#[tokio::test]
async fn every_documented_condition_refuses_with_its_code() {
    let env = env();
    let cases = env.cases().await;
    let token = env.admin().await;
    let expected = [
        ("frozen", codes::ASSOC_FROZEN),
        ("reserved_instances", codes::ASSOC_RESERVED_INSTANCES),
        ("support_plan", codes::ASSOC_SUPPORT_PLAN),
        ("enterprise_master", codes::ASSOC_ENTERPRISE_MASTER),
        ("enterprise_member", codes::ASSOC_ENTERPRISE_MEMBER),
        ("limit_reached", codes::ASSOC_TOO_MANY_REQUESTS),
        ("pending_request", codes::ASSOC_PENDING_REQUEST),
    ];
    for (case, code) in expected {
        let id = &cases[case];
        assert!(id.is_string(), "case {case} seeded: {cases}");
        let r = env.unbind(&token, id, None).await;
        assert_eq!(r.sc(), (axum::http::StatusCode::BAD_REQUEST, code), "{case}: {r:?}");
        // The constraints explain the same before submitting.
        let c = env.get(&constraints_path(id.as_str().unwrap()), &token).await.ok();
        let c: partner_api::association::Constraints = serde_json::from_value(c.json).unwrap();
        let first = partner_api::association::rules::refusals(&c, "PARTNER_UNBIND", None, c.checked_at);
        assert_eq!(first.first().map(|r| r.code()), Some(code), "{case}");
    }
    let r = env.get(&constraints_path(cases["eligible"][0].as_str().unwrap()), &token).await.ok();
    assert_eq!(r["recent_requests"], json!([]));
    assert_eq!(r["checked_at"].as_str().unwrap().len(), 20);
}

#[tokio::test]
async fn three_requests_per_three_months_then_refused() {
    let env = env();
    let cases = env.cases().await;
    let token = env.admin().await;
    let id = &cases["two_recent"];
    let first = env.unbind(&token, id, Some("t-1")).await.ok();
    assert_eq!(first["status"], "PENDING_CUSTOMER");
    assert_eq!(first["allowed_actions"], json!(["CANCEL"]));
    // A pending request blocks a second one; cancelling frees it, but the window is full.
    let again = env.unbind(&token, id, Some("t-2")).await;
    assert_eq!(again.code(), codes::ASSOC_PENDING_REQUEST);
    env.act(&token, &first["event_id"], "CANCEL", None).await.ok();
    let fourth = env.unbind(&token, id, Some("t-3")).await;
    assert_eq!(fourth.code(), codes::ASSOC_TOO_MANY_REQUESTS, "{fourth:?}");
    assert!(fourth.msg().contains("next from 2027-"), "{}", fourth.msg());
}

#[tokio::test]
async fn the_same_client_token_never_creates_two_requests() {
    let env = env();
    let cases = env.cases().await;
    let token = env.admin().await;
    let id = &cases["eligible"][0];
    let a = env.unbind(&token, id, Some("form-1")).await.ok();
    let b = env.unbind(&token, id, Some("form-1")).await.ok();
    assert_eq!(a["event_id"], b["event_id"]);
    let list = env.post(QUERY, &token, json!({"customer_id": id})).await.ok();
    assert_eq!(list["total_count"], 1);
    // The token belongs to that request only.
    let other = env.unbind(&token, &cases["eligible"][1], Some("form-1")).await;
    assert_eq!(other.code(), codes::PARAM_ERROR);
    other.names("client_token");
}

#[tokio::test]
async fn a_switch_needs_the_other_type_and_a_reason() {
    let env = env();
    let cases = env.cases().await;
    let token = env.admin().await;
    let id = &cases["eligible"][1];
    let body = |target: &str, reason: &str| json!({"customer_id": id, "event_type": "PARTNER_SWITCH_TYPE", "target_association_type": target, "reason": reason});
    let same = env.post(CREATE, &token, body("2", "x")).await;
    assert_eq!(same.code(), codes::ASSOC_SAME_TYPE);
    let no_reason = env.post(CREATE, &token, body("1", "  ")).await;
    no_reason.names("reason");
    let ok = env.post(CREATE, &token, body("1", "改为顾问销售")).await.ok();
    assert_eq!(
        (ok["event_type"].as_str(), ok["target_association_type"].as_str()),
        (Some("PARTNER_SWITCH_TYPE"), Some("1"))
    );
    let bad =
        env.post(CREATE, &token, json!({"customer_id": id, "event_type": "CUSTOMER_UNBIND", "reason": "x"})).await;
    bad.names("event_type");
}

#[tokio::test]
async fn customer_unbinding_agree_object_and_illegal_moves() {
    let env = env();
    let cases = env.cases().await;
    let token = env.admin().await;
    let (a, b) = (&cases["customer_unbind_events"][0], &cases["customer_unbind_events"][1]);
    // Objecting needs a reason; cancelling is not a move of this kind.
    env.act(&token, a, "OBJECT", None).await.names("reason");
    env.act(&token, a, "OBJECT", Some(&"x".repeat(501))).await.names("reason");
    assert_eq!(env.act(&token, a, "CANCEL", None).await.code(), codes::ASSOC_EVENT_STATE);
    let objected = env.act(&token, a, "OBJECT", Some("客户仍有合同")).await.ok();
    assert_eq!(
        (objected["status"].as_str(), objected["handle_reason"].as_str()),
        (Some("OBJECTED"), Some("客户仍有合同"))
    );
    assert_eq!(objected["allowed_actions"], json!([]));
    assert_eq!(objected["seconds_left"], Value::Null);
    let waiting = env.post(QUERY, &token, json!({"statuses": ["PENDING_PARTNER"], "limit": 100})).await.ok();
    let w = waiting["events"].as_array().unwrap().iter().find(|e| e["event_id"] == *b).unwrap().clone();
    assert!(w["seconds_left"].as_i64().unwrap() > 8 * 86_400, "{w}");
    // Once handled, nothing more (a second click of the same button too).
    assert_eq!(env.act(&token, a, "AGREE", None).await.code(), codes::ASSOC_EVENT_STATE);
    assert_eq!(env.act(&token, a, "OBJECT", Some("again")).await.code(), codes::ASSOC_EVENT_STATE);
    let agreed = env.act(&token, b, "AGREE", None).await.ok();
    assert_eq!(agreed["status"], "COMPLETED");
    // The customer is no longer associated: no request for it.
    let r = env.unbind(&token, &agreed["customer_id"], None).await;
    assert_eq!(r.code(), codes::ASSOC_NOT_ASSOCIATED);
    let bad = env.act(&token, &json!("AE-nope"), "AGREE", None).await;
    assert_eq!(bad.code(), codes::ASSOC_EVENT_MISSING);
    env.act(&token, b, "DANCE", None).await.names("action");
}

#[tokio::test]
async fn act_for_customer_agree_then_cancel_and_the_customer_stand_in() {
    let env = env();
    let cases = env.cases().await;
    let token = env.admin().await;
    let e = &cases["act_for_event"];
    assert_eq!(env.act(&token, e, "OBJECT", Some("no")).await.code(), codes::ASSOC_EVENT_STATE);
    assert_eq!(env.act(&token, e, "AGREE", None).await.ok()["status"], "AUTHORIZED");
    assert_eq!(env.act(&token, e, "AGREE", None).await.code(), codes::ASSOC_EVENT_STATE);
    assert_eq!(env.act(&token, e, "CANCEL", None).await.ok()["status"], "CANCELLED");
    assert_eq!(env.act(&token, e, "CANCEL", None).await.code(), codes::ASSOC_EVENT_STATE);

    // The customer answers a partner's request: rejected, then (a new one) agreed.
    let id = &cases["eligible"][2];
    let r1 = env.unbind(&token, id, None).await.ok();
    let answer = |ev: &Value, agree: bool| json!({"event_id": ev, "agree": agree});
    let rejected = env.control("/__sandbox/association-events/answer", answer(&r1["event_id"], false)).await.ok();
    assert_eq!(rejected["status"], "REJECTED");
    assert_eq!(env.act(&token, &r1["event_id"], "CANCEL", None).await.code(), codes::ASSOC_EVENT_STATE);
    let again = env.control("/__sandbox/association-events/answer", answer(&r1["event_id"], true)).await;
    assert_eq!(again.code(), codes::ASSOC_EVENT_STATE);
    let r2 = env.unbind(&token, id, None).await.ok();
    env.control("/__sandbox/association-events/answer", answer(&r2["event_id"], true)).await.ok();
    assert_eq!(env.unbind(&token, id, None).await.code(), codes::ASSOC_NOT_ASSOCIATED);
}

#[tokio::test]
async fn deadlines_lapse_on_the_business_clock() {
    let env = env();
    let cases = env.cases().await;
    let token = env.admin().await;
    let id = &cases["eligible"][0];
    let req = env.unbind(&token, id, None).await.ok();
    let cu = &cases["customer_unbind_events"][0];
    env.control("/__sandbox/voucher-clock", json!({"seconds": 15 * 86_400})).await.ok();
    let list = env.post(QUERY, &token, json!({"customer_id": id})).await.ok();
    assert_eq!(list["events"][0]["status"], "EXPIRED");
    assert_eq!(env.act(&token, &req["event_id"], "CANCEL", None).await.code(), codes::ASSOC_EVENT_STATE);
    // A customer's unbinding the partner did not answer takes effect.
    assert_eq!(env.act(&token, cu, "AGREE", None).await.code(), codes::ASSOC_EVENT_STATE);
    let page = env.post(QUERY, &token, json!({"statuses": ["COMPLETED"], "limit": 100})).await.ok();
    assert!(page["events"].as_array().unwrap().iter().any(|e| e["event_id"] == *cu));
}

#[tokio::test]
async fn visibility_by_role_and_reseller_events_are_read_only() {
    let env = env();
    let cases = env.cases().await;
    let admin = env.admin().await;
    let li_na = env.token(DIST, "li.na").await;
    let wang = env.token(DIST, "wang.fang").await;
    let zhang = env.token(DIST, "zhang.wei").await; // li.na's supervisor
    let emily = env.token(DIST, "emily.chen").await; // not
    let mine = env.post(QUERY, &li_na, json!({"limit": 100})).await.ok();
    assert_eq!(mine["visibility_scope"], "OWN");
    let li = env.user(DIST, "li.na");
    for e in mine["events"].as_array().unwrap() {
        assert_eq!(e["account_manager"]["account_name"], "li.na");
        let ix = env.data().customer_by_id[e["customer_id"].as_str().unwrap()];
        assert_eq!(env.customer(ix).account_manager, Some(li));
    }
    let ev = &cases["customer_unbind_events"][0];
    assert!(mine["events"].as_array().unwrap().iter().any(|e| e["event_id"] == *ev));
    let team = env.post(QUERY, &zhang, json!({"limit": 100})).await.ok();
    assert_eq!(team["visibility_scope"], "TEAM");
    assert!(team["events"].as_array().unwrap().iter().any(|e| e["event_id"] == *ev));
    let sup = env.post(QUERY, &emily, json!({"limit": 100, "keyword": ""})).await.ok();
    assert!(!sup["events"].as_array().unwrap().iter().any(|e| e["event_id"] == *ev));
    // Another account manager can neither see nor act on it, nor request for li.na's customer.
    assert_eq!(env.act(&wang, ev, "AGREE", None).await.code(), codes::ASSOC_EVENT_MISSING);
    assert_eq!(env.unbind(&wang, &cases["eligible"][0], None).await.code(), codes::NOT_SUB_CUSTOMER);
    let c = env.get(&constraints_path(cases["eligible"][0].as_str().unwrap()), &wang).await;
    assert_eq!(c.code(), codes::NOT_SUB_CUSTOMER);
    // The distributor admin sees its resellers' customers' events, without actions.
    let resold = env.post(QUERY, &admin, json!({"source": "RESELLER", "limit": 100})).await.ok();
    let rows = resold["events"].as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|e| e["allowed_actions"] == json!([]) && e["indirect_partner_id"].is_string()));
    if let Some(p) = rows.iter().find(|e| e["status"] == "PENDING_PARTNER" || e["status"] == "PENDING_CUSTOMER") {
        assert_eq!(env.act(&admin, &p["event_id"], "CANCEL", None).await.code(), codes::ACCESS_DENIED);
    }
    let r = env.unbind(&admin, &rows[0]["customer_id"], None).await;
    assert_eq!(r.code(), codes::ACCESS_DENIED);
    // A reseller admin sees them as its own.
    let cb = env.token(CLOUDBRIDGE, "admin").await;
    let own = env.post(QUERY, &cb, json!({"limit": 100})).await.ok();
    assert!(own["events"].as_array().unwrap().iter().all(|e| e["source"] == "OWN"));
}

#[tokio::test]
async fn list_filters_sort_and_validation() {
    let env = env();
    let token = env.admin().await;
    let r = env.post(QUERY, &token, json!({"event_types": ["CUSTOMER_UNBIND"], "statuses": ["PENDING_PARTNER"], "order_by": "deadline", "limit": 100})).await.ok();
    let rows = r["events"].as_array().unwrap();
    assert!(rows.len() >= 2);
    assert!(rows.iter().all(|e| e["event_type"] == "CUSTOMER_UNBIND" && e["status"] == "PENDING_PARTNER"));
    let deadlines: Vec<&str> = rows.iter().map(|e| e["deadline"].as_str().unwrap()).collect();
    assert!(deadlines.windows(2).all(|w| w[0] <= w[1]));
    env.post(QUERY, &token, json!({"statuses": ["NOPE"]})).await.names("statuses");
    env.post(QUERY, &token, json!({"order_by": "name"})).await.names("order_by");
    env.post(QUERY, &token, json!({"limit": 101})).await.names("limit");
    env.post(QUERY, &token, json!({"extra": 1})).await.names("extra");
    env.post(QUERY, &token, json!({"created_begin": "2026-11-02T00:00:00Z", "created_end": "2026-11-01T00:00:00Z"}))
        .await
        .names("created_begin");
}

#[tokio::test]
async fn writes_are_subject_to_fault_injection() {
    let env = env();
    let cases = env.cases().await;
    let token = env.admin().await;
    env.control("/__sandbox/faults", json!({"fail_next": [{"kind": "server_error", "method": "POST", "path_prefix": "/v2/partners/association-events"}]})).await.ok();
    let r = env.unbind(&token, &cases["eligible"][0], Some("f-1")).await;
    assert_eq!(r.code(), codes::UNKNOWN);
    // Nothing was created: the resend with the same token creates it once.
    let ok = env.unbind(&token, &cases["eligible"][0], Some("f-1")).await.ok();
    assert_eq!(ok["status"], "PENDING_CUSTOMER");
}
