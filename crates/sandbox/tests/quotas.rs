//! Q1–Q4 and R1 through the router: tier-1 only, partial success, reclaim accounting,
//! concurrency on one quota.

mod common;

use axum::http::StatusCode;
use common::*;
use partner_api::Amount;
use sandbox::seed_coupons::{D1, D2, D3, D4_NOT_YET_EFFECTIVE, D6_ADJUSTING};
use serde_json::{json, Value};
use std::collections::HashSet;

const DEEPBLUE: &str = "deepblue_data";

#[tokio::test]
async fn only_a_tier1_distributor_manages_reseller_quotas() {
    let e = env();
    let cb = e.partner_id(CLOUDBRIDGE);
    let q1 = json!({"quota_id": D1, "indirect_partner_ids": [cb], "quota_amount": 10});
    let q2 = json!({"quota_ids": ["QT1"]});
    for (account, user) in [(CLOUDBRIDGE, "admin"), (SERVICE, "admin"), (DEEPBLUE, "ma.chao")] {
        let t = e.token(account, user).await;
        assert_eq!(e.post(Q1, &t, q1.clone()).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"), "{account}");
        assert_eq!(e.post(Q2, &t, q2.clone()).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
        assert_eq!(e.get(Q3, &t).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
        assert_eq!(e.get(Q4, &t).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
        assert_eq!(e.post(R1, &t, json!({})).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
    }
    // Inside the distributor: everybody reads, only the admin issues or reclaims.
    for user in ["zhang.wei", "li.na"] {
        let t = e.token(DIST, user).await;
        assert_eq!(e.post(Q1, &t, q1.clone()).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
        assert_eq!(e.post(Q2, &t, q2.clone()).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
        e.get(Q3, &t).await.ok();
        e.get(Q4, &t).await.ok();
        e.post(R1, &t, json!({})).await.ok();
    }
}

#[tokio::test]
async fn q3_and_q4_list_the_seeded_history() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let all = e.all(&t, Q3, "quotas").await;
    assert_eq!(all.len(), 9);
    let statuses: HashSet<i64> = all.iter().map(|q| q["quota_status"].as_i64().unwrap()).collect();
    assert_eq!(statuses, HashSet::from([0, 3, 5, 6]));
    for q in &all {
        assert!(q["parent_quota_id"].as_str().unwrap().starts_with("QT"));
        assert!(q["indirect_partner_account_name"].is_string() && q["indirect_partner_name"].is_string());
        assert!(q["balance"].is_number() && q["quota_value"].is_number());
    }
    let cb = e.partner_id(CLOUDBRIDGE);
    let theirs = e.all(&t, &format!("{Q3}?indirect_partner_id={cb}"), "quotas").await;
    assert_eq!(theirs.len(), 3);
    assert!(theirs.iter().all(|q| q["indirect_partner_id"] == json!(cb)));
    let from_d1 = e.all(&t, &format!("{Q3}?parent_quota_id={D1}"), "quotas").await;
    assert_eq!(from_d1.len(), 4);
    let one = all[0]["quota_id"].as_str().unwrap();
    let r = e.get(&format!("{Q3}?quota_id={one}"), &t).await.ok();
    assert_eq!(r["total_count"], 1);
    let r = e.get(&format!("{Q3}?indirect_partner_id=nope"), &t).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.99000037"));
    let r = e.get(&format!("{Q3}?limit=101"), &t).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));

    let records = e.all(&t, Q4, "records").await;
    assert_eq!(records.len(), 10, "9 issues and 1 reclaim");
    assert!(records.iter().all(|r| r["operation_type"].is_string() && r["result"] == "0" && r["operator"] == "admin"));
    let reclaims = e.all(&t, &format!("{Q4}?operation_type=11"), "records").await;
    assert_eq!(reclaims.len(), 1);
    let reclaimed = &reclaims[0];
    let q = all.iter().find(|q| q["quota_id"] == reclaimed["quota_id"]).unwrap();
    assert_eq!(q["quota_status"], 6);
    assert_eq!(amount(&q["balance"]), Amount::ZERO);
    assert!(amount(&reclaimed["amount"]) > Amount::ZERO);
    let r = e.all(&t, &format!("{Q4}?indirect_partner_id={cb}&parent_quota_id={D2}"), "records").await;
    assert_eq!(r.len(), 2);
    let r = e
        .all(
            &t,
            &format!("{Q4}?operation_time_begin=2026-04-01T00:00:00Z&operation_time_end=2026-04-02T00:00:00Z"),
            "records",
        )
        .await;
    assert_eq!(r.len(), 3);
    let r = e.get(&format!("{Q4}?operation_type=1"), &t).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
}

#[tokio::test]
async fn q1_issues_the_same_amount_to_each_reseller_with_partial_success() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let (cb, db) = (e.partner_id(CLOUDBRIDGE), e.partner_id(DEEPBLUE));
    let before = e.quota_balance(D1);
    let r = e
        .post(Q1, &t, json!({"quota_id": D1, "indirect_partner_ids": [cb, "bogus", db], "quota_amount": 1000.00}))
        .await
        .ok();
    let infos = r["simple_quota_infos"].as_array().unwrap();
    assert_eq!(infos.iter().map(|i| i["id"].as_str().unwrap()).collect::<Vec<_>>(), vec![cb.as_str(), db.as_str()]);
    assert_eq!(r["error_details"][0]["id"], "bogus");
    assert_eq!(r["error_details"][0]["error_code"], "CBC.99000037");
    assert_eq!(e.quota_balance(D1), Amount(before.0 - cents(200_000).0));
    let child = infos[0]["quota_id"].as_str().unwrap();
    let q3 = e.get(&format!("{Q3}?quota_id={child}"), &t).await.ok();
    let q = &q3["quotas"][0];
    assert_eq!((q["parent_quota_id"].as_str(), q["quota_status"].as_i64()), (Some(D1), Some(0)));
    assert_eq!((amount(&q["quota_value"]), amount(&q["balance"])), (cents(100_000), cents(100_000)));
    assert_eq!(q["limit_infos"][0]["limit_key"], "cloudServiceType");
    // The reseller sees it in V1 and can issue from it.
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let v1 = e.post(V1, &rt, json!({"quota_ids": [child]})).await.ok();
    assert_eq!(v1["total_count"], 1);
    let rec = e.get(&format!("{Q4}?quota_id={child}"), &t).await.ok();
    assert_eq!(rec["total_count"], 1);
    let rec = &rec["records"][0];
    assert_eq!(
        (rec["operation_type"].as_str(), rec["operator"].as_str(), rec["parent_quota_id"].as_str()),
        (Some("10"), Some("admin"), Some(D1))
    );
    assert_eq!(amount(&rec["amount"]), cents(100_000));
    assert_eq!(rec["indirect_partner_account_name"], CLOUDBRIDGE);
}

#[tokio::test]
async fn q1_request_level_errors() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let (cb, db) = (e.partner_id(CLOUDBRIDGE), e.partner_id(DEEPBLUE));
    let d3 = e.quota_balance(D3);
    let half_plus = Amount((d3.0 / rust_decimal::Decimal::from(2)).round_dp(2) + cents(1).0);
    let bad = StatusCode::BAD_REQUEST;
    let child = e.all(&t, Q3, "quotas").await[0]["quota_id"].as_str().unwrap().to_string();
    for (body, code) in [
        (json!({"quota_id": D3, "indirect_partner_ids": [cb, db], "quota_amount": half_plus}), "CBC.99000013"),
        (json!({"quota_id": D6_ADJUSTING, "indirect_partner_ids": [cb], "quota_amount": 10}), "CBC.99000015"),
        (json!({"quota_id": D4_NOT_YET_EFFECTIVE, "indirect_partner_ids": [cb], "quota_amount": 10}), "CBC.99000017"),
        (json!({"quota_id": "QTnope", "indirect_partner_ids": [cb], "quota_amount": 10}), "CBC.99000012"),
        (json!({"quota_id": child, "indirect_partner_ids": [cb], "quota_amount": 10}), "CBC.99000012"),
        (json!({"quota_id": D3, "indirect_partner_ids": [cb], "quota_amount": 0}), "CBC.0100"),
        (json!({"quota_id": D3, "indirect_partner_ids": [cb], "quota_amount": 1.001}), "CBC.0100"),
        (json!({"quota_id": D3, "indirect_partner_ids": [], "quota_amount": 1}), "CBC.0100"),
        (json!({"quota_id": D3, "indirect_partner_ids": [cb, cb], "quota_amount": 1}), "CBC.0100"),
    ] {
        let r = e.post(Q1, &t, body.clone()).await;
        assert_eq!(r.sc(), (bad, code), "{body} → {}", r.text);
    }
    assert_eq!(e.quota_balance(D3), d3, "nothing was issued");
}

#[tokio::test]
async fn q2_returns_the_remaining_balance_to_the_parent() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let cb = e.partner_id(CLOUDBRIDGE);
    let r = e.post(Q1, &t, json!({"quota_id": D1, "indirect_partner_ids": [cb], "quota_amount": 1000})).await.ok();
    let child = r["simple_quota_infos"][0]["quota_id"].as_str().unwrap().to_string();
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let c = e.id(e.eligible(CLOUDBRIDGE)[0]);
    e.post(V2, &rt, issue_body(&child, std::slice::from_ref(&c), "300")).await.ok();
    let parent_before = e.quota_balance(D1);
    let r = e.post(Q2, &t, json!({"quota_ids": [child, "QTnope"], "remark": "年底回收"})).await.ok();
    assert_eq!(r["simple_quota_infos"].as_array().unwrap().len(), 1);
    assert_eq!(r["simple_quota_infos"][0]["quota_id"], json!(child));
    assert_eq!(r["simple_quota_infos"][0]["quota_balance"].to_string(), "0.00");
    assert_eq!(r["error_details"][0]["id"], "QTnope");
    assert_eq!(r["error_details"][0]["error_code"], "CBC.99000012");
    assert_eq!(e.quota_balance(D1), Amount(parent_before.0 + cents(70_000).0));
    let q3 = e.get(&format!("{Q3}?quota_id={child}"), &t).await.ok();
    assert_eq!(q3["quotas"][0]["quota_status"], 6);
    let rec = e.get(&format!("{Q4}?quota_id={child}&operation_type=11"), &t).await.ok();
    assert_eq!(amount(&rec["records"][0]["amount"]), cents(70_000));
    assert_eq!(rec["records"][0]["remark"], "年底回收");
    // Twice: an item error; the reseller can no longer issue from it.
    let r = e.post(Q2, &t, json!({"quota_ids": [child]})).await.ok();
    assert_eq!(r["error_details"][0]["error_code"], "CBC.99000012");
    assert_eq!(r["simple_quota_infos"], json!([]));
    let r = e.post(V2, &rt, issue_body(&child, &[c], "10")).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.99000012"));
    // A distributor's own quota is not a reseller quota.
    let r = e.post(Q2, &t, json!({"quota_ids": [D2]})).await.ok();
    assert_eq!(r["error_details"][0]["error_code"], "CBC.99000012");
    assert_eq!(e.post(Q2, &t, json!({"quota_ids": []})).await.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    let r = e.post(Q2, &t, json!({"quota_ids": ["a"], "remark": "x".repeat(257)})).await;
    assert!(r.msg().starts_with("parameter 'remark'"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_q1_on_one_quota_is_exact() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let ids: Vec<String> =
        ["cloudbridge_it", "deepblue_data", "nimbus_solutions"].iter().map(|a| e.partner_id(a)).collect();
    let start = e.quota_balance(D3);
    let mut tasks = Vec::new();
    for i in 0..30 {
        let (e, t, r) = (e.clone(), t.clone(), ids[i % 3].clone());
        tasks.push(tokio::spawn(async move {
            e.post(Q1, &t, json!({"quota_id": D3, "indirect_partner_ids": [r], "quota_amount": 5000.00})).await
        }));
    }
    let mut ok = 0i64;
    for task in tasks {
        let r = task.await.unwrap();
        match r.sc() {
            (StatusCode::OK, "") => ok += r.json["simple_quota_infos"].as_array().unwrap().len() as i64,
            (StatusCode::BAD_REQUEST, "CBC.50000045") | (StatusCode::BAD_REQUEST, "CBC.99000013") => {}
            other => panic!("{other:?} {}", r.text),
        }
    }
    assert!(ok > 0);
    let end = e.quota_balance(D3);
    assert_eq!(end, Amount(start.0 - cents(500_000 * ok).0));
    assert!(end >= Amount::ZERO);
    let children = e.all(&t, &format!("{Q3}?parent_quota_id={D3}"), "quotas").await;
    assert_eq!(children.len() as i64, 3 + ok);
}

#[tokio::test]
async fn r1_lists_resellers_with_filters() {
    let e = env();
    let t = e.token(DIST, "li.na").await;
    let r = e.post(R1, &t, json!({})).await.ok();
    assert_eq!(r["count"], 3);
    let first = &r["indirect_partners"][0];
    for k in [
        "indirect_partner_id",
        "name",
        "account_name",
        "mobile_phone",
        "email",
        "associated_on",
        "account_manager_id",
        "account_manager_name",
    ] {
        assert!(first[k].is_string(), "{k}");
    }
    let ids: Vec<&Value> =
        r["indirect_partners"].as_array().unwrap().iter().map(|p| &p["indirect_partner_id"]).collect();
    assert!(ids.contains(&&json!(e.partner_id(CLOUDBRIDGE))));
    let r = e.post(R1, &t, json!({"account_name": "DEEP"})).await.ok();
    assert_eq!((r["count"].as_u64(), r["indirect_partners"][0]["account_name"].as_str()), (Some(1), Some(DEEPBLUE)));
    let r = e.post(R1, &t, json!({"indirect_partner_id": e.partner_id("nimbus_solutions")})).await.ok();
    assert_eq!(r["count"], 1);
    let r = e.post(R1, &t, json!({"associated_on_begin": "2024-01-01T00:00:00Z"})).await.ok();
    assert_eq!(r["count"], 2);
    let r = e.post(R1, &t, json!({"offset": 2, "limit": 1})).await.ok();
    assert_eq!((r["count"].as_u64(), r["indirect_partners"].as_array().unwrap().len()), (Some(3), 1));
    let r = e.post(R1, &t, json!({"limit": 0})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    assert!(r.msg().starts_with("parameter 'limit'"));
}

#[tokio::test]
async fn q1_refuses_an_exiting_reseller_per_item_and_issues_to_the_others() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let (cb, db) = (e.partner_id(CLOUDBRIDGE), e.partner_id(DEEPBLUE));
    // Only known resellers can be marked; the set is readable and replaced as a whole.
    let r = e.control("/__sandbox/exiting-resellers", json!({"indirect_partner_ids": ["nope"]})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    let r = e.control("/__sandbox/exiting-resellers", json!({"indirect_partner_ids": [db]})).await;
    assert_eq!(r.status, StatusCode::OK);
    let r = e.call(axum::http::Method::GET, "/__sandbox/exiting-resellers", None, None).await;
    assert_eq!(r.json["indirect_partner_ids"], json!([db]));

    let before = e.quota_balance(D1);
    let r = e.post(Q1, &t, json!({"quota_id": D1, "indirect_partner_ids": [cb, db], "quota_amount": 300})).await.ok();
    assert_eq!(r["simple_quota_infos"].as_array().unwrap().len(), 1);
    assert_eq!(r["simple_quota_infos"][0]["id"], json!(cb));
    assert_eq!(r["error_details"][0]["id"], json!(db));
    assert_eq!(r["error_details"][0]["error_code"], "CBC.50010105");
    // Only the reseller that got a quota was charged, and only it has a Q4 record.
    assert_eq!(e.quota_balance(D1), Amount(before.0 - cents(30_000).0));
    let theirs =
        e.all(&t, &format!("{Q4}?indirect_partner_id={db}&parent_quota_id={D1}&operation_type=10"), "records").await;
    assert!(theirs.iter().all(|rec| amount(&rec["amount"]) != cents(30_000)));

    // Cleared: the reseller can receive quotas again.
    e.control("/__sandbox/exiting-resellers", json!({"indirect_partner_ids": []})).await;
    let r = e.post(Q1, &t, json!({"quota_id": D1, "indirect_partner_ids": [db], "quota_amount": 300})).await.ok();
    assert_eq!(r["error_details"], json!([]));
}
