//! B3/B4 (docs/contracts/incentives.md): who sees incentives, the list and detail, feedback,
//! every bill transition (legal and illegal), a lost answer, and the payment rules.

mod common;

use axum::http::StatusCode;
use common::{env, Env, CLOUDBRIDGE, DIST, SERVICE};
use partner_api::codes;
use serde_json::{json, Value};

const LIST: &str = "/v2/partners/incentives";
const QUARTERS: &str = "/v2/partners/incentive-quarters";

fn bill_path(id: &str) -> String {
    format!("{LIST}/{id}/bill-confirmation")
}

fn apply_path(q: &str) -> String {
    format!("{QUARTERS}/{q}/payment-applications")
}

impl Env {
    async fn incentive_of(&self, token: &str, period: &str) -> Value {
        let r = self.get(&format!("{LIST}?period_begin={period}&period_end={period}"), token).await.ok();
        assert_eq!(r["total_count"], 1, "{period}: {r}");
        r["incentives"][0].clone()
    }

    async fn id_of(&self, token: &str, period: &str) -> String {
        self.incentive_of(token, period).await["incentive_id"].as_str().unwrap().to_string()
    }

    async fn decide(&self, token: &str, id: &str, body: Value) -> common::Resp {
        self.post(&bill_path(id), token, body).await
    }

    async fn quarter(&self, token: &str, q: &str) -> Value {
        let r = self.get(QUARTERS, token).await.ok();
        r["quarters"].as_array().unwrap().iter().find(|x| x["quarter"] == q).cloned().unwrap()
    }
}

#[tokio::test]
async fn only_a_service_partners_admin_and_supervisors_see_incentives() {
    let e = env();
    for (account, user) in [(DIST, "admin"), (CLOUDBRIDGE, "admin"), (SERVICE, "mike.zhou")] {
        let t = e.token(account, user).await;
        for path in [LIST.to_string(), QUARTERS.to_string(), format!("{LIST}/INC-202610-113")] {
            let r = e.get(&path, &t).await;
            assert_eq!(r.sc(), (StatusCode::FORBIDDEN, codes::ACCESS_DENIED), "{account}/{user} {path}: {r:?}");
        }
    }
    let sup = e.token(SERVICE, "sun.li").await;
    assert_eq!(e.get(LIST, &sup).await.ok()["total_count"], 14);
    // A supervisor reads and gives feedback but neither decides bills nor applies for payment.
    let id = e.id_of(&sup, "2026-10").await;
    let r = e.decide(&sup, &id, json!({"decision": "confirm"})).await;
    assert_eq!(r.sc(), (StatusCode::FORBIDDEN, codes::ACCESS_DENIED));
    assert_eq!(
        e.post(&apply_path("2026-Q1"), &sup, json!({})).await.sc(),
        (StatusCode::FORBIDDEN, codes::ACCESS_DENIED)
    );
}

#[tokio::test]
async fn the_list_filters_pages_and_the_detail_has_every_part() {
    let e = env();
    let t = e.token(SERVICE, "admin").await;
    let all = e.get(&format!("{LIST}?limit=100"), &t).await.ok();
    assert_eq!(all["total_count"], 14);
    let periods: Vec<&str> =
        all["incentives"].as_array().unwrap().iter().map(|i| i["period"].as_str().unwrap()).collect();
    assert_eq!((periods[0], periods[13]), ("2026-11", "2025-10"), "newest first");
    for s in ["draft", "preliminary_review", "passed", "rejected", "final"] {
        let n = e.get(&format!("{LIST}?status={s}"), &t).await.ok()["total_count"].as_u64().unwrap();
        assert!(n >= 1, "{s}");
    }
    let page = e.get(&format!("{LIST}?period_begin=2026-01&period_end=2026-06&offset=2&limit=2"), &t).await.ok();
    assert_eq!(page["total_count"], 6);
    assert_eq!(page["incentives"][0]["period"], "2026-04");
    assert_eq!(e.get(&format!("{LIST}?bill_status=pending"), &t).await.ok()["total_count"], 2);
    e.get(&format!("{LIST}?period_begin=2026-1"), &t).await.names("period_begin");
    e.get(&format!("{LIST}?status=done"), &t).await.names("status");
    e.get(&format!("{LIST}?period_begin=2026-05&period_end=2026-01"), &t).await.names("period_begin");

    let id = e.id_of(&t, "2026-06").await;
    let d = e.get(&format!("{LIST}/{id}"), &t).await.ok();
    assert_eq!(d["incentive"]["status"], "passed");
    assert!(d["incentive"]["incentive_amount"].is_number());
    assert_eq!(d["consumption"].as_array().unwrap().len(), 3);
    assert_eq!(d["products"].as_array().unwrap().len(), 3);
    assert_eq!(d["fees"].as_array().unwrap().len(), 3);
    assert!(d["other"]["contract_no"].is_string());
    let r = e.get(&format!("{LIST}/INC-NOPE"), &t).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::INCENTIVE_MISSING));
}

#[tokio::test]
async fn feedback_is_checked_and_joins_the_thread() {
    let e = env();
    let t = e.token(SERVICE, "sun.li").await;
    let id = e.id_of(&t, "2026-06").await;
    let path = format!("{LIST}/{id}/feedbacks");
    let thread = e.get(&path, &t).await.ok();
    assert_eq!(thread["total_count"], 2);
    assert_eq!(thread["feedbacks"][0]["status"], "answered");
    assert!(thread["feedbacks"][0]["answer"].is_string());
    e.post(&path, &t, json!({"content": "  太短了  "})).await.names("content");
    e.post(&path, &t, json!({"content": "字".repeat(501)})).await.names("content");
    let sent = e.post(&path, &t, json!({"content": "六月 OBS 的费用与账单不符,请核对。"})).await.ok();
    assert_eq!((sent["status"].as_str(), sent["author"].as_str()), (Some("pending"), Some("孙丽")));
    let thread = e.get(&path, &t).await.ok();
    assert_eq!(thread["total_count"], 3);
    assert_eq!(thread["feedbacks"][2]["content"], "六月 OBS 的费用与账单不符,请核对。");
    let row = e.incentive_of(&t, "2026-06").await;
    assert_eq!((row["feedback_count"].as_u64(), row["unanswered_feedback_count"].as_u64()), (Some(3), Some(2)));
    // A draft has nothing to give feedback on.
    let draft = e.id_of(&t, "2026-11").await;
    let r = e.post(&format!("{LIST}/{draft}/feedbacks"), &t, json!({"content": "十一月的激励什么时候出?"})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::FEEDBACK_NOT_ALLOWED));
}

#[tokio::test]
async fn every_bill_transition_legal_and_illegal() {
    let e = env();
    let t = e.token(SERVICE, "admin").await;
    let (oct, jun) = (e.id_of(&t, "2026-10").await, e.id_of(&t, "2026-06").await);
    // Illegal: no bill waits on a draft, an incentive in review, or one rejected in review.
    for period in ["2026-11", "2026-05", "2026-09"] {
        let id = e.id_of(&t, period).await;
        for body in [json!({"decision": "confirm"}), json!({"decision": "reject", "reason": "不对"})] {
            let r = e.decide(&t, &id, body).await;
            assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::BILL_NOT_CONFIRMABLE), "{period}: {r:?}");
        }
    }
    // A final incentive's bill was confirmed: neither decision applies again.
    let jan = e.id_of(&t, "2026-01").await;
    for body in [json!({"decision": "confirm"}), json!({"decision": "reject", "reason": "不对"})] {
        assert_eq!(e.decide(&t, &jan, body).await.sc(), (StatusCode::BAD_REQUEST, codes::BILL_ALREADY_CONFIRMED));
    }
    // Bad bodies name their field and change nothing.
    e.decide(&t, &jun, json!({"decision": "reject"})).await.names("reason");
    e.decide(&t, &jun, json!({"decision": "reject", "reason": "   "})).await.names("reason");
    e.decide(&t, &jun, json!({"decision": "maybe"})).await.names("decision");
    e.decide(&t, &jun, json!({})).await.names("decision");
    assert_eq!(e.incentive_of(&t, "2026-06").await["bill_status"], "pending");

    // Legal: confirm → final; then it cannot be confirmed again.
    let r = e.decide(&t, &oct, json!({"decision": "confirm"})).await.ok();
    assert_eq!((r["status"].as_str(), r["bill_status"].as_str()), (Some("final"), Some("confirmed")));
    assert!(r["bill_confirm_time"].is_string());
    let again = e.decide(&t, &oct, json!({"decision": "confirm"})).await;
    assert_eq!(again.sc(), (StatusCode::BAD_REQUEST, codes::BILL_ALREADY_CONFIRMED));
    let d = e.get(&format!("{LIST}/{oct}"), &t).await.ok();
    assert_eq!(d["bill_history"].as_array().unwrap().len(), 1);
    assert!(d["other"]["final_time"].is_string());

    // Legal: reject with a reason → back to preliminary review; then no bill waits.
    let r = e.decide(&t, &jun, json!({"decision": "reject", "reason": " 客户数少算两家 "})).await.ok();
    assert_eq!((r["status"].as_str(), r["bill_status"].as_str()), (Some("preliminary_review"), Some("rejected")));
    assert_eq!(r["bill_reject_reason"], "客户数少算两家");
    let r = e.decide(&t, &jun, json!({"decision": "confirm"})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::BILL_NOT_CONFIRMABLE));
}

#[tokio::test]
async fn a_confirmation_whose_answer_is_lost_is_applied_once() {
    let e = env();
    let t = e.token(SERVICE, "admin").await;
    let oct = e.id_of(&t, "2026-10").await;
    let fault = json!({"fail_next": [{"kind": "commit_then_fail", "path_prefix": bill_path(&oct), "method": "POST"}]});
    e.control("/__sandbox/faults", fault).await.ok();
    let r = e.decide(&t, &oct, json!({"decision": "confirm"})).await;
    assert_eq!(r.sc(), (StatusCode::INTERNAL_SERVER_ERROR, codes::UNKNOWN));
    // Reading back shows it confirmed; sending again is refused, not applied twice.
    assert_eq!(e.incentive_of(&t, "2026-10").await["bill_status"], "confirmed");
    let r = e.decide(&t, &oct, json!({"decision": "confirm"})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::BILL_ALREADY_CONFIRMED));
    assert_eq!(e.get(&format!("{LIST}/{oct}"), &t).await.ok()["bill_history"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn quarterly_payment_is_refused_for_each_reason_and_accepted_once() {
    let e = env();
    let t = e.token(SERVICE, "admin").await;
    let r = e.get(QUARTERS, &t).await.ok();
    let names: Vec<&str> = r["quarters"].as_array().unwrap().iter().map(|q| q["quarter"].as_str().unwrap()).collect();
    assert_eq!(names, ["2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4"]);
    assert!(r["as_of"].as_str().unwrap().starts_with("2026-11-2"));
    assert_eq!(e.get(&format!("{QUARTERS}?year=2025"), &t).await.ok()["total_count"], 1);
    e.get(&format!("{QUARTERS}?year=20x"), &t).await.names("year");
    for (q, code) in [
        ("2026-Q4", codes::PAYMENT_MONTHS_OPEN),
        ("2026-Q2", codes::PAYMENT_IN_REVIEW),
        ("2026-Q3", codes::PAYMENT_NONE_PASSED),
        ("2025-Q4", codes::PAYMENT_ALREADY_APPLIED),
        ("2024-Q1", codes::QUARTER_MISSING),
        ("2026-Q9", codes::QUARTER_MISSING),
    ] {
        let r = e.post(&apply_path(q), &t, json!({})).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, code), "{q}: {r:?}");
    }
    let q1 = e.quarter(&t, "2026-Q1").await;
    assert_eq!(q1["payment_status"], "not_applied");
    let app = e.post(&apply_path("2026-Q1"), &t, json!({})).await.ok();
    assert_eq!((app["quarter"].as_str(), app["payment_status"].as_str()), (Some("2026-Q1"), Some("applied")));
    assert_eq!(app["amount"], q1["final_amount"]);
    let r = e.post(&apply_path("2026-Q1"), &t, json!({})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::PAYMENT_ALREADY_APPLIED));
    assert_eq!(e.quarter(&t, "2026-Q1").await["payment_status"], "applied");
}

#[tokio::test]
async fn from_the_next_quarter_open_months_are_given_up() {
    let e = env();
    let t = e.token(SERVICE, "admin").await;
    // 2026-11-20 + 42 days: 2027-01-01 in China. November's draft and December are given up,
    // October's bill still waits; confirmed, the quarter may be paid.
    e.control("/__sandbox/voucher-clock", json!({"seconds": 42 * 86_400})).await.ok();
    let r = e.post(&apply_path("2026-Q4"), &t, json!({})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::PAYMENT_BILLS_UNCONFIRMED), "{r:?}");
    let oct = e.id_of(&t, "2026-10").await;
    e.decide(&t, &oct, json!({"decision": "confirm"})).await.ok();
    e.post(&apply_path("2026-Q4"), &t, json!({})).await.ok();
}
