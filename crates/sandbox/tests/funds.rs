//! A1–A5 customer funds through the router (docs/sandbox.md "Customer funds"): moves change
//! both balances and write A3/A5 records; the refusals; parallel allocations never overdraw;
//! an answer lost after the commit leaves exactly one A3 record.

mod common;

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use common::*;
use partner_api::accounts::{operation_type, ADJUST_PATH as A1, ADJUST_RECORDS_PATH as A3, RECLAIM_PATH as A2};
use partner_api::accounts::{CHANGE_RECORDS_PATH as A5, CUSTOMER_BALANCES_PATH as A4};
use partner_api::codes;
use partner_api::Amount;
use sandbox::store::CustomerIx;
use serde_json::{json, Value};
use tower::ServiceExt;

const R2: &str = "/v2/accounts/partner-accounts/balances";

fn body(customer: &str, amount: &str) -> Value {
    json!({"customer_id": customer, "amount": serde_json::from_str::<Value>(amount).unwrap()})
}

fn text_amount(v: &Value) -> Amount {
    Amount::parse(v.as_str().unwrap_or_else(|| panic!("not a string amount: {v}"))).unwrap()
}

impl Env {
    fn resale(&self, account: &str) -> Vec<CustomerIx> {
        self.customers_of(account, |c, _| c.association_type == "2")
    }

    async fn cash(&self, token: &str, reseller: Option<&str>) -> Amount {
        let q = reseller.map(|r| format!("?indirect_partner_id={r}")).unwrap_or_default();
        amount(&self.get(&format!("{R2}{q}"), token).await.ok()["account_balances"][0]["amount"])
    }

    async fn balance(&self, token: &str, customer: &str) -> Amount {
        let r = self.post(A4, token, json!({"customer_infos": [{"customer_id": customer}]})).await.ok();
        amount(&r["customer_balances"][0]["amount"])
    }
}

#[tokio::test]
async fn allocate_and_reclaim_move_both_balances_and_write_a3_a5() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let c = e.id(e.resale(DIST)[0]);
    let (cash0, bal0) = (e.cash(&t, None).await, e.balance(&t, &c).await);

    let r = e.post(A1, &t, body(&c, "1234.56")).await.ok();
    let tr = r["transfer_id"].as_str().unwrap().to_string();
    assert!(tr.starts_with("TR"), "{tr}");
    assert_eq!(e.cash(&t, None).await, Amount(cash0.0 - cents(123_456).0));
    assert_eq!(e.balance(&t, &c).await, Amount(bal0.0 + cents(123_456).0));

    let a3 = e.get(&format!("{A3}?trans_id={tr}"), &t).await.ok();
    assert_eq!(a3["total_count"], 1);
    let rec = &a3["records"][0];
    assert_eq!(
        (rec["customer_id"].as_str(), rec["operation_type"].as_str()),
        (Some(&*c), Some(operation_type::ALLOCATE))
    );
    assert_eq!(rec["amount"], "1234.56", "A3 amount is a string");
    assert_eq!(rec["currency"], "CNY");

    let a5 = e.get(&format!("{A5}?balance_type=BALANCE_TYPE_DEBIT&trade_type=BEADJUST"), &t).await.ok();
    let top = &a5["records"][0];
    assert_eq!((top["trade_id"].as_str(), top["type"].as_str()), (Some(&*tr), Some("2")));
    assert_eq!(text_amount(&top["change_amount"]), cents(123_456));
    assert_eq!(text_amount(&top["balance_after_change"]), e.cash(&t, None).await);
    assert_eq!(a5["currency"], "CNY");

    let r = e.post(A2, &t, body(&c, "234.56")).await.ok();
    let re = r["trans_id"].as_str().unwrap().to_string();
    assert!(re.starts_with("RE"), "{re}");
    assert_eq!(e.cash(&t, None).await, Amount(cash0.0 - cents(100_000).0));
    assert_eq!(e.balance(&t, &c).await, Amount(bal0.0 + cents(100_000).0));
    let a3 = e.get(&format!("{A3}?customer_id={c}&operation_type={}", operation_type::RECLAIM), &t).await.ok();
    assert_eq!(a3["records"][0]["trans_id"].as_str(), Some(&*re));
    let a5 = e.get(&format!("{A5}?balance_type=BALANCE_TYPE_DEBIT"), &t).await.ok();
    assert_eq!((a5["records"][0]["trade_id"].as_str(), a5["records"][0]["type"].as_str()), (Some(&*re), Some("1")));
    assert_eq!(a5["records"][0]["trade_detail_type"], operation_type::RECLAIM);
}

#[tokio::test]
async fn a_distributor_allocates_for_its_reseller_from_the_resellers_cash() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let cb = e.partner_id(CLOUDBRIDGE);
    let c = e.id(e.resale(CLOUDBRIDGE)[0]);
    let (own0, cb0) = (e.cash(&t, None).await, e.cash(&t, Some(&cb)).await);
    // Without indirect_partner_id the reseller's customer is not the distributor's own.
    assert_eq!(e.post(A1, &t, body(&c, "10")).await.sc(), (StatusCode::BAD_REQUEST, codes::NOT_SUB_CUSTOMER));
    let mut b = body(&c, "10");
    b["indirect_partner_id"] = json!(cb);
    e.post(A1, &t, b).await.ok();
    assert_eq!((e.cash(&t, None).await, e.cash(&t, Some(&cb)).await), (own0, Amount(cb0.0 - cents(1_000).0)));
    let a3 = e.get(&format!("{A3}?indirect_partner_id={cb}&customer_id={c}"), &t).await.ok();
    assert_eq!(a3["records"][0]["amount"], "10.00", "two decimals");
    // The reseller sees it too, from its own token.
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    assert_eq!(e.cash(&rt, None).await, Amount(cb0.0 - cents(1_000).0));
}

#[tokio::test]
async fn refusals() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let c = e.id(e.resale(DIST)[0]);
    let referral = e.id(e.customers_of(DIST, |c, _| c.association_type != "2")[0]);
    let bad = StatusCode::BAD_REQUEST;
    for path in [A1, A2] {
        assert_eq!(e.post(path, &t, body(&referral, "10")).await.sc(), (bad, codes::NO_FUNDED_ACCOUNT), "{path}");
        assert_eq!(e.post(path, &t, body("nobody", "10")).await.sc(), (bad, codes::NOT_SUB_CUSTOMER));
        e.post(path, &t, body(&c, "0")).await.names("amount");
        e.post(path, &t, body(&c, "-1")).await.names("amount");
        e.post(path, &t, body(&c, "1.001")).await.names("amount");
        e.post(path, &t, body(&c, "\"1.00\"")).await.names("amount");
        e.post(path, &t, body("", "1")).await.names("customer_id");
        e.post(path, &t, body(&"x".repeat(65), "1")).await.names("customer_id");
    }
    // Insufficient: more than the allocatable cash (cash − designated), more than the balance.
    let cash = e.cash(&t, None).await;
    let over = Amount(cash.0 - cents(8_640_000).0 + cents(1).0);
    let r = e.post(A1, &t, body(&c, &over.to_string())).await;
    assert_eq!(r.sc(), (bad, codes::INSUFFICIENT_BALANCE));
    let bal = e.balance(&t, &c).await;
    let r = e.post(A2, &t, body(&c, &Amount(bal.0 + cents(1).0).to_string())).await;
    assert_eq!(r.sc(), (bad, codes::INSUFFICIENT_BALANCE));
    assert_eq!((e.cash(&t, None).await, e.balance(&t, &c).await), (cash, bal), "nothing moved");

    // A reseller naming another reseller; a distributor naming itself.
    let rt = e.token(CLOUDBRIDGE, "admin").await;
    let mut b = body(&e.id(e.resale(CLOUDBRIDGE)[0]), "1");
    b["indirect_partner_id"] = json!(e.partner_id("deepblue_data"));
    assert_eq!(e.post(A1, &rt, b.clone()).await.sc(), (bad, codes::NO_RESELLER_PERMISSION));
    b["indirect_partner_id"] = json!(e.partner_id(DIST));
    assert_eq!(e.post(A2, &t, b).await.sc(), (bad, codes::NO_RESELLER_PERMISSION));

    // Service partners have no funds at all.
    let st = e.token(SERVICE, "admin").await;
    let forbidden = (StatusCode::FORBIDDEN, codes::ACCESS_DENIED);
    assert_eq!(e.post(A1, &st, body(&c, "1")).await.sc(), forbidden);
    assert_eq!(e.get(&format!("{A3}?limit=10"), &st).await.sc(), forbidden);
    assert_eq!(e.get(&format!("{A5}?balance_type=BALANCE_TYPE_DEBIT"), &st).await.sc(), forbidden);
    assert_eq!(e.post(A4, &st, json!({"customer_infos": [{"customer_id": c}]})).await.sc(), forbidden);
    e.get(A5, &t).await.names("balance_type");
    e.get(&format!("{A5}?balance_type=BALANCE_TYPE_DEBIT&trade_time_begin=2026-11-01T00:00:00Z"), &t)
        .await
        .names("trade_time_begin");
}

#[tokio::test]
async fn account_managers_adjust_and_see_only_their_own_customers() {
    let e = env();
    let am = e.user(DIST, "li.na");
    let (own, other): (Vec<CustomerIx>, Vec<CustomerIx>) =
        e.resale(DIST).into_iter().partition(|&c| e.customer(c).account_manager == Some(am));
    let t = e.token(DIST, "li.na").await;
    let (mine, theirs) = (e.id(own[0]), e.id(other[0]));
    e.post(A1, &t, body(&mine, "5")).await.ok();
    let r = e.post(A1, &t, body(&theirs, "5")).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::NO_CUSTOMER_PERMISSION));
    // A4 leaves out silently what the person may not see, and referral customers.
    let referral = e.id(e.customers_of(DIST, |c, _| c.association_type != "2")[0]);
    let ids = json!({"customer_infos": [{"customer_id": mine}, {"customer_id": theirs}, {"customer_id": referral}]});
    let r = e.post(A4, &t, ids).await.ok();
    let rows = r["customer_balances"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["customer_id"].as_str(), Some(&*mine));
    assert!(rows[0]["amount"].is_number() && rows[0]["debt_amount"].is_number());
    // A3 lists only the adjustments of their own customers.
    let admin = e.token(DIST, "admin").await;
    let all = e.all(&admin, A3, "records").await;
    let seen = e.all(&t, A3, "records").await;
    assert!(seen.len() < all.len() && !seen.is_empty(), "{} of {}", seen.len(), all.len());
    let own_ids: Vec<String> = own.iter().map(|&c| e.id(c)).collect();
    assert!(seen.iter().all(|r| own_ids.contains(&r["customer_id"].as_str().unwrap().to_string())));
}

#[tokio::test]
async fn seeded_records_page_and_an_offset_past_the_end_gives_the_first_page() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let all = e.all(&t, A3, "records").await;
    assert!(all.len() >= 5, "seeded adjustments: {}", all.len());
    let first = e.get(&format!("{A3}?limit=2"), &t).await.ok();
    let past = e.get(&format!("{A3}?limit=2&offset=100000"), &t).await.ok();
    assert_eq!(first["records"], past["records"]);
    let a5 = e.all(&t, &format!("{A5}?balance_type=BALANCE_TYPE_DEBIT"), "records").await;
    assert!(a5.iter().any(|r| r["trade_detail_type"] == "SOURCE_OPERAIION_RECHARGE"), "seeded top-ups");
    // Dates are UTC+8 days: a window before the history is empty.
    let r = e.get(&format!("{A5}?balance_type=BALANCE_TYPE_DEBIT&trade_time_end=2025-01-01"), &t).await.ok();
    assert_eq!(r["total_count"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_allocations_never_overdraw() {
    let e = env();
    // deepblue_data: 42,310.50 cash, 2,000.00 designated → 40,310.50 allocatable.
    let t = e.token("deepblue_data", "admin").await;
    let c = e.id(e.resale("deepblue_data")[0]);
    let bal0 = e.balance(&t, &c).await;
    let calls = (0..50).map(|_| {
        let (e, t, c) = (e.clone(), t.clone(), c.clone());
        tokio::spawn(async move { e.post(A1, &t, body(&c, "1000.00")).await.sc().0 })
    });
    let mut ok = 0;
    for call in calls.collect::<Vec<_>>() {
        match call.await.unwrap() {
            StatusCode::OK => ok += 1,
            s => assert_eq!(s, StatusCode::BAD_REQUEST),
        }
    }
    assert_eq!(ok, 40);
    assert_eq!(e.cash(&t, None).await, Amount::parse("2310.50").unwrap());
    assert_eq!(e.balance(&t, &c).await, Amount(bal0.0 + cents(4_000_000).0));
    let a3 = e.get(&format!("{A3}?customer_id={c}&operation_type={}&limit=100", operation_type::ALLOCATE), &t).await;
    let new = a3.ok()["records"].as_array().unwrap().iter().filter(|r| r["amount"] == "1000.00").count();
    assert_eq!(new, 40);
}

#[tokio::test]
async fn commit_then_drop_moves_the_money_once_and_a3_shows_it_once() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let c = e.id(e.resale(DIST)[1]);
    let cash0 = e.cash(&t, None).await;
    let started = partner_api::time::to_wire(&e.state.vouchers.now());
    let config = json!({"fail_next": [{"kind": "commit_then_drop", "path_prefix": A1, "method": "POST"}]});
    assert_eq!(e.control("/__sandbox/faults", config).await.status, StatusCode::OK);
    let req = Request::builder()
        .method(Method::POST)
        .uri(A1)
        .header("content-type", "application/json")
        .header("x-auth-token", &t)
        .body(Body::from(body(&c, "77.70").to_string()))
        .unwrap();
    let resp = e.app.clone().oneshot(req).await.unwrap();
    assert!(to_bytes(resp.into_body(), usize::MAX).await.is_err(), "the answer is lost");
    // What the batch plan's reconcile step reads: the customer's allocations since it started.
    let q = format!("{A3}?customer_id={c}&operation_type={}&operation_time_begin={started}", operation_type::ALLOCATE);
    let a3 = e.get(&q, &t).await.ok();
    assert_eq!(a3["total_count"], 1, "{a3}");
    assert_eq!(a3["records"][0]["amount"], "77.70");
    assert_eq!(e.cash(&t, None).await, Amount(cash0.0 - cents(7_770).0));
    // A2 honours the same faults: a 500 after the commit.
    let config = json!({"fail_next": [{"kind": "commit_then_fail", "path_prefix": A2}]});
    e.control("/__sandbox/faults", config).await;
    assert_eq!(e.post(A2, &t, body(&c, "7.70")).await.sc(), (StatusCode::INTERNAL_SERVER_ERROR, codes::UNKNOWN));
    assert_eq!(e.cash(&t, None).await, Amount(cash0.0 - cents(7_000).0));
}

#[tokio::test]
async fn a5_shows_balance_payments_on_cash_and_credit() {
    let e = env();
    let t = e.token("deepblue_data", "admin").await;
    // 40,310.50 allocatable cash, then 1,000.00 from credit.
    let at = e.state.vouchers.now();
    e.state.accounts.pay_order(e.partner("deepblue_data"), cents(4_131_050), "CS2611200101PAY01", at).unwrap();
    let cash = e.get(&format!("{A5}?balance_type=BALANCE_TYPE_DEBIT&trade_type=DEDEUCT"), &t).await.ok();
    let credit = e.get(&format!("{A5}?balance_type=BALANCE_TYPE_CREDIT&trade_type=DEDEUCT"), &t).await.ok();
    for (r, paid, after) in [(&cash, "40310.50", "2000.00"), (&credit, "1000.00", "29000.00")] {
        let rec = &r["records"][0];
        assert_eq!((rec["trade_id"].as_str(), rec["type"].as_str()), (Some("CS2611200101PAY01"), Some("2")));
        assert_eq!((rec["change_amount"].as_str(), rec["balance_after_change"].as_str()), (Some(paid), Some(after)));
        assert!(rec["customer_id"].is_null());
    }
    // An account manager sees the partner's own payments too.
    let am = e.token("deepblue_data", "ma.chao").await;
    let r = e.get(&format!("{A5}?balance_type=BALANCE_TYPE_CREDIT"), &am).await.ok();
    assert_eq!(r["records"][0]["trade_id"], "CS2611200101PAY01");
}
