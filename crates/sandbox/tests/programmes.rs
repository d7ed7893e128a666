//! B1/B2 programmes and B5 invoices: membership by partner, role rules, every review move and
//! every 签收, legal and illegal, with their codes.

mod common;

use axum::http::StatusCode;
use common::{env, Env, DIST, SERVICE};
use partner_api::codes;
use serde_json::{json, Value};

const CCOE_ONLY: &str = "yunqi_services";
const NEITHER: &str = "anxin_ops";
const PROGRAMMES: &str = "/v2/partners/benefits/programmes";
const FH: &str = "/v2/partners/benefits/fh-applications";
const BENEFITS: &str = "/v2/partners/benefits/capability-benefits";
const APPS: &str = "/v2/partners/benefits/capability-applications";
const INVOICES: &str = "/v2/partners/invoices";
const REVIEW: &str = "/__sandbox/programme-review";

fn submission(benefit: &str) -> Value {
    json!({
        "benefit_id": benefit, "amount": 12000.50, "certified_engineers": 6,
        "contact_name": "郑浩", "contact_phone": "13800138000",
        "contact_email": "zheng.hao@huitong.example.com",
        "description": "安全能力认证通过后的工程师培训补贴。"
    })
}

impl Env {
    async fn admin(&self, account: &str) -> String {
        self.token(account, "admin").await
    }

    async fn invoice_in(&self, token: &str, status: &str) -> String {
        let r = self.get(&format!("{INVOICES}?status={status}&limit=100"), token).await.ok();
        r["invoices"][0]["invoice_id"].as_str().unwrap_or_else(|| panic!("no {status} invoice")).to_string()
    }
}

#[tokio::test]
async fn membership_is_per_partner() {
    let e = env();
    let member = |r: &Value, p: &str| {
        r["programmes"].as_array().unwrap().iter().find(|m| m["programme"] == p).unwrap()["member"].as_bool().unwrap()
    };
    for (account, ccoe, cap) in
        [(SERVICE, true, true), (CCOE_ONLY, true, false), (NEITHER, false, false), (DIST, false, false)]
    {
        let r = e.get(PROGRAMMES, &e.admin(account).await).await.ok();
        assert_eq!(member(&r, "CCOE_CAPABILITY_BUILDING"), ccoe, "{account}");
        assert_eq!(member(&r, "CAPABILITY_IMPROVEMENT"), cap, "{account}");
    }
    let r = e.get(PROGRAMMES, &e.admin(NEITHER).await).await.ok();
    assert_eq!(r["ecosystem_manager"]["name"], "罗佳");
    assert!(e.get(PROGRAMMES, &e.admin(DIST).await).await.ok()["ecosystem_manager"].is_null());
}

#[tokio::test]
async fn fh_applications_only_for_ccoe_members() {
    let e = env();
    let r = e.get(&format!("{FH}?limit=100"), &e.admin(SERVICE).await).await.ok();
    assert_eq!(r["total_count"], 10);
    let states: Vec<&str> =
        r["applications"].as_array().unwrap().iter().map(|a| a["status"].as_str().unwrap()).collect();
    for s in ["SUBMITTED", "IN_REVIEW", "APPROVED", "REJECTED"] {
        assert!(states.contains(&s), "{s}");
    }
    assert_eq!(r["applications"][0]["period"], "2026-10", "newest first");
    let am = e.token(SERVICE, "mike.zhou").await;
    assert_eq!(e.get(&format!("{FH}?status=REJECTED"), &am).await.ok()["total_count"], 2, "account managers read");
    assert_eq!(e.get(FH, &e.admin(CCOE_ONLY).await).await.ok()["total_count"], 3);
    for account in [NEITHER, DIST] {
        let r = e.get(FH, &e.admin(account).await).await;
        assert_eq!(r.sc(), (StatusCode::FORBIDDEN, codes::NOT_IN_PROGRAMME), "{account}");
    }
    e.get(&format!("{FH}?status=PAID"), &e.admin(SERVICE).await).await.names("status");
}

#[tokio::test]
async fn one_benefit_per_level_one_tag_of_this_year() {
    let e = env();
    let r = e.get(BENEFITS, &e.admin(SERVICE).await).await.ok();
    assert_eq!(r["year"], 2026);
    let tags: Vec<&str> = r["benefits"].as_array().unwrap().iter().map(|b| b["tag_code"].as_str().unwrap()).collect();
    assert_eq!(tags, ["CLOUD_MIGRATION", "DATABASE", "BIG_DATA", "AI", "SECURITY"]);
    let latest = |tag: &str| {
        r["benefits"].as_array().unwrap().iter().find(|b| b["tag_code"] == tag).unwrap()["latest_application"]["status"]
            .clone()
    };
    assert_eq!(
        [latest("CLOUD_MIGRATION"), latest("DATABASE"), latest("BIG_DATA"), latest("AI"), latest("SECURITY")],
        [json!("APPROVED"), json!("REJECTED"), json!("IN_REVIEW"), json!("SUBMITTED"), Value::Null]
    );
    for account in [CCOE_ONLY, NEITHER, DIST] {
        let t = e.admin(account).await;
        assert_eq!(e.get(BENEFITS, &t).await.sc(), (StatusCode::FORBIDDEN, codes::NOT_IN_PROGRAMME), "{account}");
        assert_eq!(e.get(APPS, &t).await.sc(), (StatusCode::FORBIDDEN, codes::NOT_IN_PROGRAMME), "{account}");
        let r = e.post(APPS, &t, submission("CB2026-SECURITY")).await;
        assert_eq!(r.sc(), (StatusCode::FORBIDDEN, codes::NOT_IN_PROGRAMME), "{account}");
    }
}

#[tokio::test]
async fn submitting_an_application_legal_and_illegal() {
    let e = env();
    let admin = e.admin(SERVICE).await;
    // Account managers read but do not apply.
    let am = e.token(SERVICE, "he.jing").await;
    assert_eq!(e.get(APPS, &am).await.ok()["total_count"], 4);
    assert_eq!(
        e.post(APPS, &am, submission("CB2026-SECURITY")).await.sc(),
        (StatusCode::FORBIDDEN, codes::ACCESS_DENIED)
    );
    // Field rules, first failing field named.
    let mut bad = submission("CB2026-SECURITY");
    bad["amount"] = json!(30000.01);
    e.post(APPS, &admin, bad).await.names("amount");
    let mut bad = submission("CB2026-SECURITY");
    bad["contact_phone"] = json!("12345");
    e.post(APPS, &admin, bad).await.names("contact_phone");
    // Unknown or not applicable benefits.
    for id in ["CB2026-CONTAINER", "CB2026-MANAGED_SERVICES", "nope"] {
        let r = e.post(APPS, &admin, submission(id)).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::BENEFIT_NOT_APPLICABLE), "{id}");
    }
    // Under review and approved refuse; none yet and rejected accept.
    for (id, code) in [
        ("CB2026-AI", codes::APPLICATION_IN_REVIEW),
        ("CB2026-BIG_DATA", codes::APPLICATION_IN_REVIEW),
        ("CB2026-CLOUD_MIGRATION", codes::BENEFIT_ALREADY_APPROVED),
    ] {
        assert_eq!(e.post(APPS, &admin, submission(id)).await.sc(), (StatusCode::BAD_REQUEST, code), "{id}");
    }
    let created = e.post(APPS, &admin, submission("CB2026-SECURITY")).await.ok();
    assert_eq!((created["status"].as_str(), created["amount"].as_f64()), (Some("SUBMITTED"), Some(12000.5)));
    let sup = e.token(SERVICE, "sun.li").await;
    e.post(APPS, &sup, submission("CB2026-DATABASE")).await.ok();
    // Twice is refused: the first is under review now.
    let again = e.post(APPS, &admin, submission("CB2026-SECURITY")).await;
    assert_eq!(again.sc(), (StatusCode::BAD_REQUEST, codes::APPLICATION_IN_REVIEW));
    let list = e.get(APPS, &admin).await.ok();
    assert_eq!(list["total_count"], 6);
    assert_eq!(list["applications"][0]["tag_code"], "DATABASE", "newest first");
}

#[tokio::test]
async fn every_review_move_legal_and_illegal() {
    let e = env();
    let admin = e.admin(SERVICE).await;
    let id =
        e.post(APPS, &admin, submission("CB2026-SECURITY")).await.ok()["application_id"].as_str().unwrap().to_string();
    let mv = |action: &str, reason: Option<&str>| json!({"application_id": id, "action": action, "reason": reason});
    let refused = |r: &common::Resp| r.sc() == (StatusCode::BAD_REQUEST, codes::ILLEGAL_REVIEW_TRANSITION);
    // SUBMITTED: approve is illegal; reject needs a reason.
    assert!(refused(&e.control(REVIEW, mv("approve", None)).await));
    e.control(REVIEW, mv("reject", Some(" "))).await.names("reason");
    assert_eq!(e.control(REVIEW, mv("start", None)).await.ok()["status"], "IN_REVIEW");
    // IN_REVIEW: start again is illegal.
    assert!(refused(&e.control(REVIEW, mv("start", None)).await));
    assert_eq!(e.control(REVIEW, mv("approve", None)).await.ok()["status"], "APPROVED");
    // APPROVED is final.
    for a in ["start", "approve", "reject"] {
        assert!(refused(&e.control(REVIEW, mv(a, Some("x"))).await), "{a}");
    }
    let r = e.post(APPS, &admin, submission("CB2026-SECURITY")).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::BENEFIT_ALREADY_APPROVED));
    // A rejection (from SUBMITTED and from IN_REVIEW) is final and carries its reason.
    let fh = e.get(&format!("{FH}?status=SUBMITTED"), &admin).await.ok()["applications"][0]["application_id"].clone();
    let r = e.control(REVIEW, json!({"application_id": fh, "action": "reject", "reason": "材料不全"})).await.ok();
    assert_eq!(r["status"], "REJECTED");
    let row = e.get(&format!("{FH}?status=REJECTED&limit=100"), &admin).await.ok();
    assert!(row["applications"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["application_id"] == fh && a["reject_reason"] == "材料不全"));
    for a in ["start", "approve", "reject"] {
        let r = e.control(REVIEW, json!({"application_id": fh, "action": a, "reason": "x"})).await;
        assert!(refused(&r), "{a}");
    }
    let in_review =
        e.get(&format!("{APPS}?status=IN_REVIEW"), &admin).await.ok()["applications"][0]["application_id"].clone();
    let r = e.control(REVIEW, json!({"application_id": in_review, "action": "reject", "reason": "r"})).await.ok();
    assert_eq!(r["status"], "REJECTED");
    let r = e.control(REVIEW, json!({"application_id": "nope", "action": "start"})).await;
    assert_eq!(r.sc(), (StatusCode::NOT_FOUND, codes::APPLICATION_NOT_FOUND));
    e.control(REVIEW, json!({"application_id": fh, "action": "pay"})).await.names("action");
}

#[tokio::test]
async fn invoices_in_every_state_for_service_partners() {
    let e = env();
    let admin = e.admin(SERVICE).await;
    let all = e.get(&format!("{INVOICES}?limit=100"), &admin).await.ok();
    assert_eq!(all["total_count"], 8);
    for s in partner_api::invoices::status::ALL {
        let r = e.get(&format!("{INVOICES}?status={s}"), &admin).await.ok();
        assert!(r["total_count"].as_u64().unwrap() >= 1, "{s}");
        assert!(r["invoices"].as_array().unwrap().iter().all(|i| i["status"] == *s));
    }
    let rr = e.get(&format!("{INVOICES}?status=REVOCATION_REJECTED"), &admin).await.ok();
    assert_eq!(rr["invoices"][0]["reject_reason"], "发票已进入开具流程,无法撤销。");
    let dates = e.get(&format!("{INVOICES}?apply_time_begin=2026-01-01T00:00:00Z&apply_time_end=2026-07-17T00:00:00Z&order_by=apply_time"), &admin).await.ok();
    assert_eq!(dates["total_count"], 3);
    assert_eq!(dates["invoices"][0]["period"], "2025Q4");
    e.get(&format!("{INVOICES}?order_by=title"), &admin).await.names("order_by");
    e.get(&format!("{INVOICES}?status=PAID"), &admin).await.names("status");
    assert_eq!(
        e.get(INVOICES, &e.token(SERVICE, "mike.zhou").await).await.ok()["total_count"],
        8,
        "account managers read"
    );
    assert_eq!(e.get(INVOICES, &e.admin(CCOE_ONLY).await).await.ok()["total_count"], 2);
    assert_eq!(e.get(INVOICES, &e.admin(NEITHER).await).await.ok()["total_count"], 0);
    let dist = e.admin(DIST).await;
    assert_eq!(e.get(INVOICES, &dist).await.sc(), (StatusCode::FORBIDDEN, codes::ACCESS_DENIED));
    // Another partner's invoice does not exist for you.
    let other = e.invoice_in(&e.admin(CCOE_ONLY).await, "PENDING_RECEIPT").await;
    let r = e.get(&format!("{INVOICES}/{other}"), &admin).await;
    assert_eq!(r.sc(), (StatusCode::NOT_FOUND, codes::INVOICE_NOT_FOUND));
    let r = e.post(&format!("{INVOICES}/{other}/sign"), &admin, json!({})).await;
    assert_eq!(r.sc(), (StatusCode::NOT_FOUND, codes::INVOICE_NOT_FOUND));
}

#[tokio::test]
async fn signing_for_an_invoice_only_from_pending_receipt_and_once() {
    let e = env();
    let admin = e.admin(SERVICE).await;
    let sign = |id: String| format!("{INVOICES}/{id}/sign");
    let pending = e.invoice_in(&admin, "PENDING_RECEIPT").await;
    // Account managers may not sign.
    let am = e.token(SERVICE, "mike.zhou").await;
    assert_eq!(
        e.post(&sign(pending.clone()), &am, json!({})).await.sc(),
        (StatusCode::FORBIDDEN, codes::ACCESS_DENIED)
    );
    assert_eq!(e.state.invoices.status_of(&pending).as_deref(), Some("PENDING_RECEIPT"));
    let signed = e.post(&sign(pending.clone()), &admin, json!({})).await.ok();
    assert_eq!(signed["status"], "INVOICED");
    assert!(signed["signed_time"].is_string());
    assert_eq!(e.get(&format!("{INVOICES}/{pending}"), &admin).await.ok()["status"], "INVOICED");
    // Never twice.
    let again = e.post(&sign(pending.clone()), &admin, json!({})).await;
    assert_eq!(again.sc(), (StatusCode::BAD_REQUEST, codes::INVOICE_ALREADY_SIGNED));
    for (s, code) in [
        ("ISSUING", codes::INVOICE_NOT_PENDING_RECEIPT),
        ("REVOCATION_REJECTED", codes::INVOICE_NOT_PENDING_RECEIPT),
        ("INVOICED_RETURN_REJECTED", codes::INVOICE_ALREADY_SIGNED),
    ] {
        let id = e.invoice_in(&admin, s).await;
        assert_eq!(e.post(&sign(id.clone()), &admin, json!({})).await.sc(), (StatusCode::BAD_REQUEST, code), "{s}");
        assert_eq!(e.state.invoices.status_of(&id).as_deref(), Some(s), "unchanged");
    }
    // A supervisor signs the other one.
    let second = e.invoice_in(&admin, "PENDING_RECEIPT").await;
    e.post(&sign(second), &e.token(SERVICE, "sun.li").await, json!({})).await.ok();
    assert_eq!(e.get(&format!("{INVOICES}?status=PENDING_RECEIPT"), &admin).await.ok()["total_count"], 0);
}
