//! The console's batch adjustment plan (`partner_api::accounts::batch`) driven against the
//! sandbox with lost answers: a row whose answer was lost after the commit is found in A3 and
//! never sent again; a row whose call was cut before it reached the ledger is sent again.

mod common;

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use common::*;
use partner_api::accounts::batch::{parse_rows, Call, Direction, ItemState, Next, Plan};
use partner_api::accounts::records::ListPartnerAdjustRecordsResponse;
use partner_api::accounts::{operation_type, ADJUST_RECORDS_PATH as A3};
use partner_api::endpoint::Endpoint;
use partner_api::error::parse_error;
use partner_api::{Amount, ApiError};
use serde_json::{json, Value};
use tower::ServiceExt;

/// Sends a call as the browser would; a body that breaks is a network error.
async fn send<E: Endpoint>(e: &Env, t: &str, call: &E) -> Result<Value, ApiError> {
    let req = Request::builder()
        .method(Method::POST)
        .uri(call.path_and_query())
        .header("content-type", "application/json")
        .header("x-auth-token", t)
        .body(Body::from(call.body().unwrap()))
        .unwrap();
    let resp = e.app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = to_bytes(resp.into_body(), usize::MAX).await.map_err(|_| ApiError::network("connection cut"))?;
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    if status != StatusCode::OK {
        return Err(parse_error(status.as_u16(), &text, None));
    }
    Ok(serde_json::from_str(&text).unwrap())
}

/// Runs the plan to the end; returns how many writes were sent.
async fn run(e: &Env, t: &str, plan: &mut Plan) -> usize {
    let mut sent = 0;
    loop {
        match plan.next(e.state.vouchers.now()) {
            Next::Send { index, call } => {
                sent += 1;
                let (answer, key) = match &call {
                    Call::Allocate(r) => (send(e, t, r).await, "transfer_id"),
                    Call::Reclaim(r) => (send(e, t, r).await, "trans_id"),
                };
                match answer {
                    Ok(v) => plan.settle(index, v[key].as_str().unwrap()),
                    Err(err) => plan.fail(index, &err),
                }
            }
            Next::Reconcile { index, query } => {
                let r = e.get(&query.url(A3), t).await.ok();
                let page: ListPartnerAdjustRecordsResponse = serde_json::from_str(&r.text).unwrap();
                plan.reconcile(index, &page.records);
            }
            Next::Wait => panic!("nothing is in flight between steps"),
            Next::Finished => return sent,
        }
    }
}

#[tokio::test]
async fn lost_answers_are_reconciled_from_a3_and_each_row_is_adjusted_once() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let resale = e.customers_of(DIST, |c, _| c.association_type == "2");
    let funded =
        |c: &&sandbox::store::CustomerIx| e.state.accounts.ledger().customer(e.data(), **c).balance >= cents(2_000);
    let b = e.id(*resale.iter().find(funded).unwrap());
    let a = e.id(*resale.iter().find(|&&c| e.id(c) != b).unwrap());
    let cash = |e: &Env| e.state.accounts.partner_balances(e.partner(DIST)).cash;
    let cash0 = cash(&e);
    let started = partner_api::time::to_wire(&e.state.vouchers.now());

    // A pasted sheet: a header, an allocation, and a reclaim from a customer with money.
    let parsed = parse_rows(&format!("客户ID\t金额\t方向\n{a}\t100.00\n{b}\t20.00\t回收\n"), Direction::Allocate);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let mut plan = Plan::new("batch-1".into(), parsed.rows, None);

    // A1's answer is lost after the commit; A2's call is cut before anything happens.
    let faults = json!({"fail_next": [
        {"kind": "commit_then_drop", "path_prefix": partner_api::accounts::ADJUST_PATH, "method": "POST"},
        {"kind": "drop", "path_prefix": partner_api::accounts::RECLAIM_PATH, "method": "POST"},
    ]});
    assert_eq!(e.control("/__sandbox/faults", faults).await.status, StatusCode::OK);

    let sent = run(&e, &t, &mut plan).await;
    assert_eq!(sent, 3, "A1 once (found in A3), A2 twice (not found, so sent again)");
    assert!(plan.items.iter().all(|i| matches!(i.state, ItemState::Done { .. }) && i.extra.is_empty()));
    assert_eq!((plan.items[0].attempts, plan.items[1].attempts), (1, 2));
    assert_eq!(cash(&e), Amount(cash0.0 - cents(10_000).0 + cents(2_000).0));

    for (c, op, n) in [(&a, operation_type::ALLOCATE, 1), (&b, operation_type::RECLAIM, 1)] {
        let q = format!("{A3}?customer_id={c}&operation_type={op}&operation_time_begin={started}");
        assert_eq!(e.get(&q, &t).await.ok()["total_count"], n, "{c} {op}");
    }
    let ItemState::Done { trans_id } = &plan.items[0].state else { unreachable!() };
    let r = e.get(&format!("{A3}?trans_id={trans_id}"), &t).await.ok();
    assert_eq!(r["records"][0]["amount"], "100.00");
}
