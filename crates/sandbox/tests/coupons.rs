//! V1–V6 through the router: seeded data, validation and every implemented error code,
//! partial success, balance accounting, concurrency and ambiguous outcomes.

mod common;

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use common::*;
use partner_api::coupons::{coupon_status, operation_type};
use partner_api::Amount;
use sandbox::seed_coupons::{D1, D2, D3, D4_NOT_YET_EFFECTIVE, D5_EXPIRED, D6_ADJUSTING, D7_FROZEN, D8_OLD};
use sandbox::{seed, AppState};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use tower::ServiceExt;

#[test]
fn seeding_is_deterministic_and_balances_add_up() {
    let data = seed::generate(400, 42);
    let (a, b) = (sandbox::vouchers::Vouchers::seeded(&data, 42), sandbox::vouchers::Vouchers::seeded(&data, 42));
    let (la, lb) = (a.ledger(), b.ledger());
    assert_eq!(la.coupons.len(), lb.coupons.len());
    assert!(la.coupons.iter().zip(lb.coupons.iter()).all(|(x, y)| x.id == y.id && x.balance == y.balance));
    assert!(la.quotas.iter().zip(lb.quotas.iter()).all(|(x, y)| x.id == y.id && x.balance == y.balance));
    let other = sandbox::vouchers::Vouchers::seeded(&seed::generate(400, 7), 7);
    assert_ne!(
        other.ledger().coupons.iter().map(|c| c.balance).collect::<Vec<_>>(),
        la.coupons.iter().map(|c| c.balance).collect::<Vec<_>>()
    );

    // balance = value − issued coupons + reclaimed/expired remainders − child quotas + reclaimed children.
    for q in &la.quotas {
        let mut expect = q.value.0;
        for r in la.coupon_records.iter().filter(|r| r.quota_id == q.id && r.result == "0") {
            match r.operation_type {
                operation_type::ISSUE => expect -= r.amount.0,
                _ => expect += r.amount.0,
            }
        }
        for r in la.quota_records.iter().filter(|r| r.parent_quota_id == q.id) {
            match r.operation_type {
                "10" => expect -= r.amount.0,
                _ => expect += r.amount.0,
            }
        }
        // A child quota gives its remaining balance back when reclaimed (Q2).
        for r in la.quota_records.iter().filter(|r| r.quota_id == q.id && r.operation_type == "11") {
            expect -= r.amount.0;
        }
        assert_eq!(q.balance.0, expect, "quota {}", q.id);
        assert!(q.balance >= Amount::ZERO);
    }
    // Every coupon has its issue record; every status occurs.
    let issued: HashSet<&str> = la
        .coupon_records
        .iter()
        .filter(|r| r.operation_type == "1" && r.result == "0")
        .filter_map(|r| r.coupon_id.as_deref())
        .collect();
    assert!(la.coupons.iter().all(|c| issued.contains(c.id.as_str())));
    let now = seed::reference_now();
    let statuses: HashSet<i32> = la.coupons.iter().map(|c| c.status_at(now)).collect();
    assert_eq!(statuses, HashSet::from([1, 2, 3, 4, 5]), "{statuses:?}");
    let ops: HashSet<&str> = la.coupon_records.iter().map(|r| r.operation_type).collect();
    assert!(ops.contains("1") && ops.contains("2") && ops.contains("4"));
    assert!(la.coupon_records.iter().any(|r| r.result == "-1"));
    // Quota statuses: distributor 0/3/4/5, children 0/3/5/6.
    let st: HashSet<i32> = la.quotas.iter().map(|q| q.status).collect();
    assert_eq!(st, HashSet::from([0, 3, 4, 5, 6]));
    // Coupons go to the issuer's own customers.
    assert!(la.coupons.iter().all(|c| data.customer(c.customer).partner == c.issuer));
}

#[tokio::test]
async fn v1_lists_the_callers_quotas_with_filters() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let r = e.post(V1, &t, json!({})).await.ok();
    assert_eq!(r["total_count"], 8);
    assert_eq!(r["quotas"].as_array().unwrap().len(), 8);
    let q = &r["quotas"].as_array().unwrap().iter().find(|q| q["quota_id"] == D1).unwrap().clone();
    assert_eq!(amount(&q["quota_value"]), cents(50_000_000));
    assert!(amount(&q["balance"]) < cents(50_000_000));
    assert_eq!((q["measure_id"].as_i64(), q["currency"].as_str()), (Some(1), Some("CNY")));
    assert_eq!(q["limit_infos"][0]["limit_key"], "cloudServiceType");
    assert!(q["limit_infos"][0]["limit_values"][0]["value1"].as_str().unwrap().contains("hws.service.type.ec2"));
    assert!(q["limit_infos"].as_array().unwrap().iter().any(|l| l["limit_key"] == "minFaceValue"));

    let ids = |r: &Value| -> HashSet<String> {
        r["quotas"].as_array().unwrap().iter().map(|q| q["quota_id"].as_str().unwrap().to_string()).collect()
    };
    let r = e.post(V1, &t, json!({"quota_type": 1})).await.ok();
    assert_eq!(ids(&r), HashSet::from([D3.to_string(), D7_FROZEN.to_string()]));
    let r = e.post(V1, &t, json!({"quota_status_list": [3]})).await.ok();
    assert_eq!(ids(&r), HashSet::from([D5_EXPIRED.to_string(), D8_OLD.to_string()]));
    let r = e.post(V1, &t, json!({"quota_status_list": [4, 5]})).await.ok();
    assert_eq!(ids(&r), HashSet::from([D6_ADJUSTING.to_string(), D7_FROZEN.to_string()]));
    let r = e.post(V1, &t, json!({"quota_ids": [D2, "nope"]})).await.ok();
    assert_eq!(ids(&r), HashSet::from([D2.to_string()]));
    let r = e.post(V1, &t, json!({"effective_time_begin": "2026-11-01T00:00:00Z"})).await.ok();
    assert_eq!(ids(&r), HashSet::from([D4_NOT_YET_EFFECTIVE.to_string()]));
    let r = e.post(V1, &t, json!({"expire_time_end": "2025-01-01T00:00:00Z"})).await.ok();
    assert_eq!(ids(&r), HashSet::from([D8_OLD.to_string()]));
    let r = e.post(V1, &t, json!({"offset": 6, "limit": 5})).await.ok();
    assert_eq!((r["total_count"].as_u64(), r["quotas"].as_array().unwrap().len()), (Some(8), 2));

    // A reseller sees its own (child) quotas; the distributor sees them with indirect_partner_id.
    let rt = e.token(CLOUDBRIDGE, "jason.wu").await;
    let own = e.post(V1, &rt, json!({})).await.ok();
    assert_eq!(own["total_count"], 3);
    let seen = e.post(V1, &t, json!({"indirect_partner_id": e.partner_id(CLOUDBRIDGE)})).await.ok();
    assert_eq!(ids(&own), ids(&seen));
    assert!(ids(&own).iter().all(|id| !id.starts_with("QT2601050")));

    // Errors.
    let r = e.post(V1, &t, json!({"indirect_partner_id": "not-a-reseller"})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.99000037"));
    let r = e.post(V1, &rt, json!({"indirect_partner_id": e.partner_id("deepblue_data")})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.99000037"));
    let st = e.token(SERVICE, "admin").await;
    assert_eq!(e.post(V1, &st, json!({})).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
    for (body, param) in [
        (json!({"limit": 101}), "limit"),
        (json!({"quota_ids": (0..51).map(|i| i.to_string()).collect::<Vec<_>>()}), "quota_ids"),
        (json!({"quota_status_list": [0, 3, 4, 5, 6, 0]}), "quota_status_list"),
        (json!({"quota_type": 7}), "quota_type"),
        (json!({"create_time_begin": "2026-01-01"}), "create_time_begin"),
    ] {
        let r = e.post(V1, &t, body).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
        assert!(r.msg().starts_with(&format!("parameter '{param}'")), "{}", r.msg());
    }
    assert_eq!(e.call(Method::POST, V1, None, Some(json!({}))).await.sc(), (StatusCode::UNAUTHORIZED, "CBC.0154"));
}

#[tokio::test]
async fn v2_partial_success_with_documented_item_codes_and_accounting() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let ok: Vec<String> = e.eligible(DIST).into_iter().take(2).map(|c| e.id(c)).collect();
    let referral = e.id(e.customers_of(DIST, |c, _| c.association_type == "1")[0]);
    // (The first three outsiders already have seeded failure records.)
    let outside = e.id(e.customers_of(DIST, |c, ix| c.association_type == "2" && !e.whitelisted(DIST, ix))[5]);
    let reseller_customer = e.id(e.customers_of(CLOUDBRIDGE, |_, _| true)[0]);
    let before = e.quota_balance(D1);
    let customers = vec![
        ok[0].clone(),
        referral.clone(),
        outside.clone(),
        "no-such-customer".into(),
        reseller_customer.clone(),
        ok[1].clone(),
    ];
    let mut body = issue_body(D1, &customers, "100.50");
    body["memo"] = json!("test issue");
    let r = e.post(V2, &t, body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.json.get("error_code").is_none());
    let infos = r.json["coupon_infos"].as_array().unwrap();
    assert_eq!(
        infos.iter().map(|i| i["id"].as_str().unwrap()).collect::<Vec<_>>(),
        vec![ok[0].as_str(), ok[1].as_str()]
    );
    let errors: HashMap<&str, &str> = r.json["error_details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["error_code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        HashMap::from([
            (referral.as_str(), "CBC.99000014"),
            (outside.as_str(), "CBC.50000020"),
            ("no-such-customer", "CBC.99000035"),
            (reseller_customer.as_str(), "CBC.99000035"),
        ])
    );
    assert!(r.json["error_details"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["error_msg"].as_str().is_some_and(|m| !m.is_empty())));
    assert_eq!(e.quota_balance(D1), Amount(before.0 - cents(20_100).0));

    // The coupons are visible in V3, V5 and V6.
    let coupon_ids: Vec<String> = infos.iter().map(|i| i["coupon_id"].as_str().unwrap().to_string()).collect();
    let v3 = e.get(&format!("{V3}?coupon_id={}", coupon_ids[0]), &t).await.ok();
    assert_eq!(v3["total_count"], 1);
    let c = &v3["user_coupons"][0];
    assert_eq!(
        (c["status"].as_i64(), c["coupon_type"].as_i64(), c["customer_id"].as_str()),
        (Some(2), Some(1), Some(ok[0].as_str()))
    );
    assert_eq!((amount(&c["face_value"]), amount(&c["balance"])), (cents(10_050), cents(10_050)));
    assert!(c["is_frozen"].is_string());
    assert!(c["use_limits"].as_array().unwrap().iter().all(|u| u.get("use_limiti_info_id").is_some()));
    assert_eq!(c["use_limits"][0]["limit_key"], "cloudServiceType");
    let v5 = e.get(&format!("{V5}?coupon_ids={}&coupon_ids={}", coupon_ids[0], coupon_ids[1]), &t).await.ok();
    assert_eq!(v5["total_count"], 2);
    for rec in v5["records"].as_array().unwrap() {
        assert_eq!(
            (rec["operation_type"].as_str(), rec["result"].as_str(), rec["quota_id"].as_str()),
            (Some("1"), Some("0"), Some(D1))
        );
        assert_eq!(amount(&rec["operation_amount"]), cents(10_050));
        assert_eq!(rec["remark"], "test issue");
    }
    // Failed attempts on own visible customers are recorded with result "-1".
    let failed = e.get(&format!("{V5}?result=-1&customer_id={outside}"), &t).await.ok();
    assert_eq!(failed["total_count"], 1);
    assert!(failed["records"][0]["coupon_id"].is_null());
    assert!(failed["records"][0]["remark"].as_str().unwrap().starts_with("CBC.50000020"));
    let v6 = e.get(&format!("{V6}?coupon_id={}", coupon_ids[1]), &t).await.ok();
    assert_eq!(v6["count"], 1);
    assert_eq!(v6["user_coupons"][0]["source_id"], json!(e.partner_id(DIST)));
    assert_eq!(
        (v6["user_coupons"][0]["currency"].as_str(), v6["user_coupons"][0]["coupon_version"].as_i64()),
        (Some("CNY"), Some(2))
    );

    // Only failures: still 200 with an empty success list.
    let r = e.post(V2, &t, issue_body(D1, std::slice::from_ref(&outside), "10")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json["coupon_infos"], json!([]));
    assert_eq!(r.json["error_details"][0]["error_code"], "CBC.50000020");
}

#[tokio::test]
async fn v2_request_level_errors_leave_the_balance_alone() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let c = vec![e.id(e.eligible(DIST)[0])];
    let balances =
        |e: &Env| [D1, D2, D3, D4_NOT_YET_EFFECTIVE, D5_EXPIRED, D6_ADJUSTING, D7_FROZEN].map(|q| e.quota_balance(q));
    let before = balances(&e);
    let reseller_quota = {
        let l = e.state.vouchers.ledger();
        l.quotas.iter().find(|q| q.owner == e.partner(CLOUDBRIDGE) && q.status == 0).unwrap().id.clone()
    };
    let with = |q: &str, face: &str, extra: Value| {
        let mut b = issue_body(q, &c, face);
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    let bad = StatusCode::BAD_REQUEST;
    for (body, expect) in [
        (with("QT000", "100", json!({})), "CBC.99000012"),
        (with(&reseller_quota, "100", json!({})), "CBC.99000012"),
        (with(D6_ADJUSTING, "100", json!({})), "CBC.99000012"),
        (with(D7_FROZEN, "100", json!({})), "CBC.99000012"),
        (with(D5_EXPIRED, "100", json!({})), "CBC.99000012"),
        (with(D4_NOT_YET_EFFECTIVE, "100", json!({})), "CBC.99000017"),
        (with(D1, "9.99", json!({})), "CBC.99000018"),
        (with(D1, "50000.01", json!({})), "CBC.99000019"),
        (with(D2, "100", json!({"cloud_service_types": ["hws.service.type.rds"]})), "CBC.99000023"),
        (with(D2, "100", json!({"cloud_service_types": ["hws.service.type.nope"]})), "CBC.50000055"),
        (with(D2, "100", json!({"product_ids": ["00301-999999-0--0"]})), "CBC.50000054"),
        (with(D2, "100", json!({"product_ids": ["00301-261003-0--0"]})), "CBC.99000023"),
        (with(D1, "100", json!({"indirect_partner_id": "nope"})), "CBC.99000037"),
        (with(D1, "100", json!({"customer_ids": [c[0], e.partner_id(DIST)]})), "CBC.99000025"),
    ] {
        let r = e.post(V2, &t, body.clone()).await;
        assert_eq!(r.sc(), (bad, expect), "{body} → {}", r.text);
    }
    for (body, param) in [
        (with(D1, "100", json!({"expire_time": "2028-01-01T00:00:00Z"})), "expire_time"),
        (with(D1, "100", json!({"valid_time": "2025-01-01T00:00:00Z"})), "valid_time"),
        (with(D1, "100", json!({"expire_time": "2026-01-10T00:00:00Z"})), "expire_time"),
        (with(D1, "1.005", json!({})), "face_value"),
        (with(D1, "0", json!({})), "face_value"),
        (with(D1, "100", json!({"customer_ids": []})), "customer_ids"),
        (with(D1, "100", json!({"customer_ids": (0..101).map(|i| i.to_string()).collect::<Vec<_>>()})), "customer_ids"),
        (with(D1, "100", json!({"customer_ids": [c[0], c[0]]})), "customer_ids"),
        (with(D1, "100", json!({"memo": "m".repeat(257)})), "memo"),
        (
            with(D1, "100", json!({"cloud_service_types": (0..11).map(|i| i.to_string()).collect::<Vec<_>>()})),
            "cloud_service_types",
        ),
        (with(D1, "100", json!({"quota_id": ""})), "quota_id"),
        (json!({"customer_ids": c, "face_value": "abc", "quota_id": D1}), "face_value"),
    ] {
        let r = e.post(V2, &t, body.clone()).await;
        assert_eq!(r.sc(), (bad, "CBC.0100"), "{body} → {}", r.text);
        assert!(r.msg().starts_with(&format!("parameter '{param}'")), "{}", r.msg());
    }
    assert_eq!(balances(&e), before);
    let st = e.token(SERVICE, "admin").await;
    assert_eq!(e.post(V2, &st, issue_body(D1, &c, "100")).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));

    // Limits inside the quota's are fine and become the coupon's use limits.
    let mut b =
        with(D2, "100", json!({"cloud_service_types": ["hws.service.type.obs"], "product_ids": ["00301-225004-0--0"]}));
    b["valid_time"] = json!("2026-12-01T00:00:00Z");
    let r = e.post(V2, &t, b).await.ok();
    let id = r["coupon_infos"][0]["coupon_id"].as_str().unwrap().to_string();
    let v3 = e.get(&format!("{V3}?coupon_id={id}"), &t).await.ok();
    let c = &v3["user_coupons"][0];
    assert_eq!(c["status"], 1, "a future valid_time is not activated yet");
    let limits: Vec<(String, String)> = c["use_limits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["limit_key"].as_str().unwrap().into(), u["value1"].as_str().unwrap().into()))
        .collect();
    assert_eq!(
        limits,
        vec![
            ("cloudServiceType".into(), "hws.service.type.obs".into()),
            ("productId".into(), "00301-225004-0--0".into())
        ]
    );
}

#[tokio::test]
async fn v2_insufficient_balance_issues_in_order_then_fails_the_rest() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let cb = e.partner_id(CLOUDBRIDGE);
    let r = e.post(Q1, &t, json!({"quota_id": D1, "indirect_partner_ids": [cb], "quota_amount": 250.00})).await.ok();
    let child = r["simple_quota_infos"][0]["quota_id"].as_str().unwrap().to_string();
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let customers: Vec<String> = e.eligible(CLOUDBRIDGE).into_iter().take(4).map(|c| e.id(c)).collect();
    assert_eq!(customers.len(), 4);
    let r = e.post(V2, &rt, issue_body(&child, &customers, "100")).await.ok();
    assert_eq!(r["coupon_infos"].as_array().unwrap().len(), 2);
    let codes: Vec<(&str, &str)> = r["error_details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["error_code"].as_str().unwrap()))
        .collect();
    assert_eq!(codes, vec![(customers[2].as_str(), "CBC.99000013"), (customers[3].as_str(), "CBC.99000013")]);
    assert_eq!(e.quota_balance(&child), cents(5_000));
    // The distributor issues from the reseller's quota to the reseller's customer with
    // indirect_partner_id; the reseller's whitelist applies.
    let r = e
        .post(
            V2,
            &t,
            json!({"quota_id": child, "customer_ids": [customers[0]], "face_value": 50, "indirect_partner_id": cb}),
        )
        .await
        .ok();
    assert_eq!(r["coupon_infos"].as_array().unwrap().len(), 1, "{r}");
    assert_eq!(e.quota_balance(&child), Amount::ZERO);
    let v3 = e.get(&format!("{V3}?indirect_partner_id={cb}&customer_id={}", customers[0]), &t).await.ok();
    assert!(v3["total_count"].as_u64().unwrap() >= 2);
}

#[tokio::test]
async fn v2_people_issue_only_to_customers_they_may_see() {
    let e = env();
    let li = e.state.data.user_in(e.partner(DIST), "li.na").unwrap();
    let wang = e.state.data.user_in(e.partner(DIST), "wang.fang").unwrap();
    let zhao = e.state.data.user_in(e.partner(DIST), "zhao.min").unwrap();
    let of = |am: usize| e.id(*e.eligible(DIST).iter().find(|&&c| e.customer(c).account_manager == Some(am)).unwrap());
    let (own, colleague, other_team) = (of(li), of(wang), of(zhao));
    let t = e.token(DIST, "li.na").await;
    let r = e.post(V2, &t, issue_body(D1, &[own.clone(), colleague.clone()], "20")).await.ok();
    assert_eq!(r["coupon_infos"][0]["id"], json!(own));
    assert_eq!(
        r["error_details"][0],
        json!({"error_code": "CBC.99000000", "error_msg": r["error_details"][0]["error_msg"], "id": colleague})
    );
    let sup = e.token(DIST, "zhang.wei").await;
    let r = e.post(V2, &sup, issue_body(D1, &[colleague.clone(), other_team.clone()], "20")).await.ok();
    assert_eq!(r["coupon_infos"].as_array().unwrap().len(), 1);
    assert_eq!(r["error_details"][0]["error_code"], "CBC.99000000");
    // An account manager sees only their customers' coupons and records.
    let mine = e.all(&t, V3, "user_coupons").await;
    assert!(!mine.is_empty());
    let allowed: HashSet<String> =
        e.customers_of(DIST, |c, _| c.account_manager == Some(li)).into_iter().map(|c| e.id(c)).collect();
    assert!(mine.iter().all(|c| allowed.contains(c["customer_id"].as_str().unwrap())));
    let records = e.all(&t, V5, "records").await;
    assert!(records.iter().all(|r| allowed.contains(r["customer_id"].as_str().unwrap())));
    let admin = e.token(DIST, "admin").await;
    assert!(e.all(&admin, V3, "user_coupons").await.len() > mine.len());
    // A distributor's account manager does not see reseller customers.
    let cb = e.partner_id(CLOUDBRIDGE);
    let child =
        e.post(V1, &admin, json!({"indirect_partner_id": cb, "quota_status_list": [0], "quota_type": 0})).await.ok();
    let child = child["quotas"][0]["quota_id"].as_str().unwrap().to_string();
    let rc = e.id(e.eligible(CLOUDBRIDGE)[0]);
    let r = e
        .post(V2, &t, json!({"quota_id": child, "customer_ids": [rc], "face_value": 20, "indirect_partner_id": cb}))
        .await
        .ok();
    assert_eq!(r["error_details"][0]["error_code"], "CBC.99000000");
}

#[tokio::test]
async fn v3_filters_paging_and_retention() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let all = e.all(&t, V3, "user_coupons").await;
    let now = e.state.vouchers.now();
    let expected: Vec<_> = {
        let l = e.state.vouchers.ledger();
        l.coupons
            .iter()
            .filter(|c| {
                c.issuer == e.partner(DIST)
                    && !(c.status_at(now) == 4 && c.expire_time < now - chrono::Duration::days(730))
            })
            .map(|c| c.id.clone())
            .collect()
    };
    assert_eq!(all.len(), expected.len());
    assert!(all.len() > 20);
    let hidden_old = e.state.vouchers.ledger().coupons.iter().filter(|c| c.quota_id == D8_OLD).count();
    assert!(hidden_old > 0 && all.iter().all(|c| c["coupon_id"].as_str().unwrap() != ""));
    // Money always with two decimals, as JSON numbers.
    let two = |v: &Value| v.is_number() && v.to_string().split_once('.').is_some_and(|(_, d)| d.len() == 2);
    assert!(all.iter().all(|c| two(&c["face_value"]) && two(&c["balance"])), "{all:?}");
    // Newest first.
    let times: Vec<&str> = all.iter().map(|c| c["create_time"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]));
    for s in 1..=5 {
        let rows = e.all(&t, &format!("{V3}?status={s}"), "user_coupons").await;
        assert_eq!(rows.len(), all.iter().filter(|c| c["status"] == s).count());
        assert!(!rows.is_empty(), "status {s}");
    }
    let cash = e.all(&t, &format!("{V3}?coupon_type=4"), "user_coupons").await;
    assert!(!cash.is_empty() && cash.iter().all(|c| c["coupon_type"] == 4));
    let first = &all[0];
    let r = e.get(&format!("{V3}?customer_id={}", first["customer_id"].as_str().unwrap()), &t).await.ok();
    assert!(r["user_coupons"].as_array().unwrap().iter().all(|c| c["customer_id"] == first["customer_id"]));
    let r = e
        .get(&format!("{V3}?create_time_begin=2026-10-01T00:00:00Z&create_time_end=2026-11-01T00:00:00Z&limit=100"), &t)
        .await
        .ok();
    assert!(r["user_coupons"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["create_time"].as_str().unwrap().starts_with("2026-10")));
    let used = all.iter().find(|c| c["status"] == 3).unwrap();
    let r = e.get(&format!("{V3}?order_id={}", used["order_id"].as_str().unwrap()), &t).await.ok();
    assert_eq!(r["user_coupons"][0]["coupon_id"], used["coupon_id"]);
    assert_eq!(amount(&used["balance"]), Amount::ZERO);
    assert!(all.iter().any(|c| c["is_frozen"] == "1") || all.iter().all(|c| c["is_frozen"] == "0"));
    for (q, param) in [
        ("status=6", "status"),
        ("coupon_type=2", "coupon_type"),
        ("limit=0", "limit"),
        ("offset=x", "offset"),
        ("create_time_end=2026", "create_time_end"),
        ("customer_id=", "customer_id"),
    ] {
        let r = e.get(&format!("{V3}?{q}"), &t).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"), "{q}");
        assert!(r.msg().starts_with(&format!("parameter '{param}'")), "{}", r.msg());
    }
    let r = e.get(&format!("{V3}?indirect_partner_id=nope"), &t).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.99000037"));
    let st = e.token(SERVICE, "admin").await;
    assert_eq!(e.get(V3, &st).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
    // A reseller sees its own issuance only.
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let own = e.all(&rt, V3, "user_coupons").await;
    let cb_customers: HashSet<String> = e.customers_of(CLOUDBRIDGE, |_, _| true).into_iter().map(|c| e.id(c)).collect();
    assert!(!own.is_empty() && own.iter().all(|c| cb_customers.contains(c["customer_id"].as_str().unwrap())));
}

/// A coupon of the distributor in a given status (seeded), for V4.
fn coupon_in(e: &Env, status: i32, referral: bool) -> (String, Amount, String) {
    let now = e.state.vouchers.now();
    let l = e.state.vouchers.ledger();
    let c = l
        .coupons
        .iter()
        .find(|c| {
            c.issuer == e.partner(DIST)
                && c.status_at(now) == status
                && (e.customer(c.customer).association_type == "1") == referral
                && (status != 2 || c.balance < c.face_value || referral)
        })
        .unwrap();
    (c.id.clone(), c.balance, c.quota_id.clone())
}

#[tokio::test]
async fn v4_reclaim_is_204_and_returns_the_remaining_balance() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let (id, balance, quota) = coupon_in(&e, coupon_status::USABLE, false);
    assert!(balance > Amount::ZERO);
    let before = e.quota_balance(&quota);
    let r = e.post(V4, &t, json!({"coupon_id": id})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(r.text.is_empty());
    assert!(r.request_id.is_some());
    assert_eq!(e.quota_balance(&quota), Amount(before.0 + balance.0));
    let v3 = e.get(&format!("{V3}?coupon_id={id}"), &t).await.ok();
    assert_eq!(
        (v3["user_coupons"][0]["status"].as_i64(), amount(&v3["user_coupons"][0]["balance"])),
        (Some(5), Amount::ZERO)
    );
    let v5 = e.get(&format!("{V5}?coupon_ids={id}&operation_types=2"), &t).await.ok();
    assert_eq!(v5["total_count"], 1);
    assert_eq!(amount(&v5["records"][0]["operation_amount"]), balance);

    // Already reclaimed, expired, used up: HTTP 200 with the business failure code.
    let r = e.post(V4, &t, json!({"coupon_id": id})).await;
    assert_eq!(r.sc(), (StatusCode::OK, "CBC.99000048"));
    assert!(!r.msg().is_empty());
    let api = partner_api::error::business_failure(200, &r.json, None).unwrap();
    assert_eq!(api.kind(), partner_api::ErrorKind::Business);
    for status in [coupon_status::EXPIRED, coupon_status::USED] {
        let (id, _, quota) = coupon_in(&e, status, false);
        let before = e.quota_balance(&quota);
        let r = e.post(V4, &t, json!({"coupon_id": id})).await;
        assert_eq!(r.sc(), (StatusCode::OK, "CBC.99000048"), "status {status}");
        assert_eq!(e.quota_balance(&quota), before);
    }
    let (referral, _, _) = coupon_in(&e, coupon_status::USABLE, true);
    assert_eq!(e.post(V4, &t, json!({"coupon_id": referral})).await.sc(), (StatusCode::BAD_REQUEST, "CBC.99000045"));
    let r = e.post(V4, &t, json!({"coupon_id": "CP-nope"})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    assert!(r.msg().starts_with("parameter 'coupon_id'"));
    assert_eq!(e.post(V4, &t, json!({})).await.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    let r = e.post(V4, &t, json!({"coupon_id": "x", "indirect_partner_id": ""})).await;
    assert!(r.msg().starts_with("parameter 'indirect_partner_id'"));
    // Someone else's coupon looks like no coupon at all.
    let (other, _, _) = coupon_in(&e, coupon_status::USABLE, false);
    let cbt = e.token(CLOUDBRIDGE, "admin").await;
    assert_eq!(e.post(V4, &cbt, json!({"coupon_id": other})).await.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    let st = e.token(SERVICE, "admin").await;
    assert_eq!(e.post(V4, &st, json!({"coupon_id": other})).await.sc(), (StatusCode::FORBIDDEN, "CBC.0151"));
}

#[tokio::test]
async fn v5_records_with_every_filter() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let all = e.all(&t, V5, "records").await;
    assert!(all.len() > 30);
    assert!(all
        .iter()
        .all(|r| r["operation_type"].is_string() && r["result"].is_string() && r["operation_amount"].is_number()));
    let times: Vec<&str> = all.iter().map(|r| r["operation_time"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]));
    let count = |f: &dyn Fn(&Value) -> bool| all.iter().filter(|r| f(r)).count();
    let rows = e.all(&t, &format!("{V5}?operation_types=2&operation_types=4"), "records").await;
    assert_eq!(rows.len(), count(&|r| r["operation_type"] == "2" || r["operation_type"] == "4"));
    assert!(!rows.is_empty());
    let rows = e.all(&t, &format!("{V5}?result=-1"), "records").await;
    assert_eq!(rows.len(), count(&|r| r["result"] == "-1"));
    assert!(!rows.is_empty());
    let rows = e.all(&t, &format!("{V5}?quota_id={D3}"), "records").await;
    assert_eq!(rows.len(), count(&|r| r["quota_id"] == D3));
    let rows = e.all(&t, &format!("{V5}?quota_type=1"), "records").await;
    assert!(rows.iter().all(|r| r["quota_type"] == 1) && !rows.is_empty());
    let cust = all[0]["customer_id"].as_str().unwrap();
    let rows = e.all(&t, &format!("{V5}?customer_id={cust}"), "records").await;
    assert_eq!(rows.len(), count(&|r| r["customer_id"] == cust));
    let rows = e
        .all(
            &t,
            &format!("{V5}?operation_time_begin=2026-06-01T00:00:00Z&operation_time_end=2026-07-01T00:00:00Z"),
            "records",
        )
        .await;
    assert_eq!(rows.len(), count(&|r| r["operation_time"].as_str().unwrap().starts_with("2026-06")));
    let nine = (1..=9).map(|i| format!("operation_types={i}")).collect::<Vec<_>>().join("&");
    for (q, param) in [
        (nine.as_str(), "operation_types"),
        ("operation_types=10", "operation_types"),
        ("result=1", "result"),
        ("quota_type=2", "quota_type"),
        ("limit=101", "limit"),
    ] {
        let r = e.get(&format!("{V5}?{q}"), &t).await;
        assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"), "{q}");
        assert!(r.msg().starts_with(&format!("parameter '{param}'")), "{}", r.msg());
    }
    let ids = (0..101).map(|i| format!("coupon_ids=C{i}")).collect::<Vec<_>>().join("&");
    assert_eq!(e.get(&format!("{V5}?{ids}"), &t).await.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    // The distributor reads a reseller's records with indirect_partner_id.
    let cb = e.partner_id(CLOUDBRIDGE);
    let theirs = e.all(&t, &format!("{V5}?indirect_partner_id={cb}"), "records").await;
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    assert_eq!(theirs.len(), e.all(&rt, V5, "records").await.len());
}

#[tokio::test]
async fn v6_partner_view_of_sub_customer_coupons() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let all = e.all(&t, V6, "user_coupons").await;
    let sources: HashSet<&str> = all.iter().map(|c| c["source_id"].as_str().unwrap()).collect();
    assert!(sources.contains(e.partner_id(DIST).as_str()) && sources.contains(e.partner_id(CLOUDBRIDGE).as_str()));
    let cb = e.partner_id(CLOUDBRIDGE);
    let theirs = e.all(&t, &format!("{V6}?indirect_partner_id={cb}"), "user_coupons").await;
    assert!(!theirs.is_empty() && theirs.iter().all(|c| c["source_id"] == json!(cb)));
    let by_source = e.all(&t, &format!("{V6}?source_id={cb}"), "user_coupons").await;
    assert_eq!(by_source.len(), theirs.len());
    // Ended coupons are kept 12 months: nothing that ended before then.
    let year_ago = partner_api::time::to_wire(&(e.state.vouchers.now() - chrono::Duration::days(365)));
    assert!(all.iter().filter(|c| c["status"] == 4).all(|c| c["expire_time"].as_str().unwrap() >= year_ago.as_str()));
    let usable = e.all(&t, &format!("{V6}?status=2"), "user_coupons").await;
    assert!(usable.iter().all(|c| c["status"] == 2 && c["is_frozen"].is_string() && c["face_value"].is_number()));
    let r = e.get(&format!("{V6}?offset=10"), &t).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.0100"));
    assert!(r.msg().starts_with("parameter 'offset'"));
    let r = e.get(V6, &t).await.ok();
    assert_eq!(r["user_coupons"].as_array().unwrap().len(), 10.min(all.len()));
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let own = e.all(&rt, V6, "user_coupons").await;
    assert_eq!(own.len(), theirs.len());
    assert_eq!(
        e.get(&format!("{V6}?indirect_partner_id={cb}"), &rt).await.sc(),
        (StatusCode::BAD_REQUEST, "CBC.99000037")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_issues_on_one_quota_never_overspend() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let cb = e.partner_id(CLOUDBRIDGE);
    let r = e.post(Q1, &t, json!({"quota_id": D1, "indirect_partner_ids": [cb], "quota_amount": 1000.00})).await.ok();
    let child = r["simple_quota_infos"][0]["quota_id"].as_str().unwrap().to_string();
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let customers: Vec<String> = e.eligible(CLOUDBRIDGE).into_iter().take(3).map(|c| e.id(c)).collect();
    let mut tasks = Vec::new();
    for i in 0..48 {
        let (e, rt, child) = (e.clone(), rt.clone(), child.clone());
        let cust = customers[i % customers.len()].clone();
        tasks.push(tokio::spawn(async move { e.post(V2, &rt, issue_body(&child, &[cust], "30.00")).await }));
    }
    // Reclaims of seeded coupons of the same reseller run alongside on other quotas.
    let mut issued = 0;
    let mut refused = 0;
    for task in tasks {
        let r = task.await.unwrap().ok();
        issued += r["coupon_infos"].as_array().unwrap().len();
        refused += r["error_details"].as_array().unwrap().iter().filter(|d| d["error_code"] == "CBC.99000013").count();
    }
    assert_eq!((issued, refused), (33, 15));
    assert_eq!(e.quota_balance(&child), cents(1_000));
    let records = e.all(&rt, &format!("{V5}?quota_id={child}&result=0"), "records").await;
    assert_eq!(records.len(), 33);

    // Issue and reclaim racing on the distributor's D3: the balance equals value minus what
    // is still out, exactly.
    let admin = t.clone();
    let ok = e.eligible(DIST).into_iter().take(5).map(|c| e.id(c)).collect::<Vec<_>>();
    let start = e.quota_balance(D3);
    let mut tasks = Vec::new();
    for i in 0..20 {
        let (e, admin, cust) = (e.clone(), admin.clone(), ok[i % ok.len()].clone());
        tasks.push(tokio::spawn(async move {
            let r = e.post(V2, &admin, issue_body(D3, &[cust], "10.01")).await.ok();
            let id = r["coupon_infos"][0]["coupon_id"].as_str().unwrap().to_string();
            if i % 2 == 0 {
                assert_eq!(e.post(V4, &admin, json!({"coupon_id": id})).await.status, StatusCode::NO_CONTENT);
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(e.quota_balance(D3), Amount(start.0 - cents(10 * 1001).0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operation_in_flight_makes_q1_refuse_and_v2_wait() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let guard = e.state.vouchers.op_lock(D1).lock_owned().await;
    let cb = e.partner_id(CLOUDBRIDGE);
    let r = e.post(Q1, &t, json!({"quota_id": D1, "indirect_partner_ids": [cb], "quota_amount": 10})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, "CBC.50000045"));
    let c = e.id(e.eligible(DIST)[0]);
    let (e2, t2) = (e.clone(), t.clone());
    let mut pending = tokio::spawn(async move { e2.post(V2, &t2, issue_body(D1, &[c], "10")).await });
    assert!(tokio::time::timeout(std::time::Duration::from_millis(150), &mut pending).await.is_err());
    drop(guard);
    let r = pending.await.unwrap().ok();
    assert_eq!(r["coupon_infos"].as_array().unwrap().len(), 1);
    // Free again: Q1 goes through.
    e.post(Q1, &t, json!({"quota_id": D1, "indirect_partner_ids": [cb], "quota_amount": 10})).await.ok();
}

#[tokio::test]
async fn commit_then_fail_and_drop_leave_the_coupons_issued() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let c = e.id(e.eligible(DIST)[0]);
    let before = e.quota_balance(D1);
    let config = json!({"fail_next": [{"kind": "commit_then_fail", "count": 1, "path_prefix": V2}]});
    assert_eq!(e.control("/__sandbox/faults", config).await.status, StatusCode::OK);
    let r = e.post(V2, &t, issue_body(D1, std::slice::from_ref(&c), "77.70")).await;
    assert_eq!(r.sc(), (StatusCode::INTERNAL_SERVER_ERROR, "CBC.0999"));
    assert!(r.json.get("coupon_infos").is_none());
    assert_eq!(e.quota_balance(D1), Amount(before.0 - cents(7_770).0));
    let v3 = e.get(&format!("{V3}?customer_id={c}&limit=100"), &t).await.ok();
    let issued: Vec<&Value> =
        v3["user_coupons"].as_array().unwrap().iter().filter(|x| amount(&x["face_value"]) == cents(7_770)).collect();
    assert_eq!(issued.len(), 1);
    let v5 = e.get(&format!("{V5}?customer_id={c}&operation_types=1&result=0&limit=100"), &t).await.ok();
    assert!(v5["records"].as_array().unwrap().iter().any(|r| r["coupon_id"] == issued[0]["coupon_id"]));

    // commit_then_drop: the connection is cut after processing.
    let config = json!({"fail_next": [{"kind": "commit_then_drop", "count": 1, "path_prefix": V4}]});
    e.control("/__sandbox/faults", config).await;
    let id = issued[0]["coupon_id"].as_str().unwrap();
    let req = Request::builder()
        .method(Method::POST)
        .uri(V4)
        .header("content-type", "application/json")
        .header("x-auth-token", &t)
        .body(Body::from(json!({"coupon_id": id}).to_string()))
        .unwrap();
    let resp = e.app.clone().oneshot(req).await.unwrap();
    assert!(to_bytes(resp.into_body(), usize::MAX).await.is_err(), "the body must fail (dropped)");
    let v3 = e.get(&format!("{V3}?coupon_id={id}"), &t).await.ok();
    assert_eq!(v3["user_coupons"][0]["status"], 5, "the reclaim happened");
    assert_eq!(e.quota_balance(D1), before);
    // The retry sees the outcome as a business failure, not a second reclaim.
    assert_eq!(e.post(V4, &t, json!({"coupon_id": id})).await.sc(), (StatusCode::OK, "CBC.99000048"));
}

/// The console decides what is in effect at the server's time: every API answer's `Date` is
/// the business clock (exposed to the browser by CORS), and moves with it.
#[tokio::test]
async fn date_header_is_the_business_clock() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let r = e.post("/v2/partners/coupon-quotas/query", &t, json!({"quota_ids": [D4_NOT_YET_EFFECTIVE]})).await.ok();
    let date = r.header("date").expect("a Date header").to_string();
    // The clock starts at the reference time (2026-11-20) and runs at wall-clock speed.
    assert!(date.starts_with("Fri, 20 Nov 2026 ") && date.ends_with(" GMT"), "{date}");
    let effective = r.json["quotas"][0]["effective_time"].as_str().unwrap().to_string();
    assert!(effective.starts_with("2026-12-01"), "D4 takes effect after the clock's now: {effective}");
    e.control("/__sandbox/voucher-clock", json!({"seconds": 12 * 86_400})).await.ok();
    let r = e.get("/v2/partners/issued-coupon-quotas?offset=0&limit=1", &t).await.ok();
    assert!(r.header("date").unwrap().starts_with("Wed, 02 Dec 2026 "), "{:?}", r.header("date"));
}

#[tokio::test]
async fn voucher_clock_moves_validity() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let c = e.id(e.eligible(DIST)[0]);
    assert_eq!(
        e.post(V2, &t, issue_body(D4_NOT_YET_EFFECTIVE, std::slice::from_ref(&c), "10")).await.sc(),
        (StatusCode::BAD_REQUEST, "CBC.99000017")
    );
    let r = e.control("/__sandbox/voucher-clock", json!({"seconds": 12 * 86_400})).await;
    assert!(r.json["now"].as_str().unwrap().starts_with("2026-12-02"), "{}", r.text);
    let r = e.post(V2, &t, issue_body(D4_NOT_YET_EFFECTIVE, &[c], "10")).await.ok();
    assert_eq!(r["coupon_infos"].as_array().unwrap().len(), 1);
    assert_eq!(
        e.control("/__sandbox/voucher-clock", json!({"seconds": -1})).await.sc(),
        (StatusCode::BAD_REQUEST, "CBC.0100")
    );
}

#[test]
fn state_is_seeded_with_vouchers_for_every_size() {
    for n in [0, 1, 30] {
        let s = AppState::seeded(n, 1);
        assert!(s.vouchers.ledger().quotas.len() >= 8);
    }
}
