use super::*;
use crate::coupons::CouponInfo;
use crate::error::{parse_error, ErrorDetail};
use crate::time::parse_wire;

fn t(s: &str) -> Instant {
    parse_wire(s).unwrap()
}

fn plan(n: usize) -> Plan {
    let template = CreatePartnerCouponsRequest {
        quota_id: "q1".into(),
        face_value: Amount::from_cents(10_000),
        ..Default::default()
    };
    let customers = (0..n).map(|i| (format!("c{i}"), format!("Customer {i}"))).collect();
    Plan::new("p1".into(), template, 0, customers, t("2026-11-25T09:59:00Z"))
}

fn send(p: &mut Plan, now: &str) -> (u32, Vec<String>) {
    match p.next(t(now)) {
        Next::Send { batch, request } => (batch, request.customer_ids),
        other => panic!("expected Send, got {other:?}"),
    }
}

fn record(customer: &str, coupon: &str, at: &str) -> CouponRecord {
    CouponRecord {
        id: format!("r-{coupon}"),
        operation_type: "1".into(),
        quota_id: "q1".into(),
        quota_type: 0,
        coupon_id: Some(coupon.into()),
        customer_id: customer.into(),
        operation_amount: Amount::from_cents(10_000),
        operation_time: t(at),
        result: "0".into(),
        remark: None,
    }
}

#[test]
fn batches_of_at_most_100_and_duplicates_dropped() {
    let mut customers: Vec<(String, String)> = (0..250).map(|i| (format!("c{i}"), String::new())).collect();
    customers.push(("c1".into(), String::new()));
    let mut p = Plan::new("p".into(), plan(0).template, 0, customers, Instant::default());
    assert_eq!(p.tally().total, 250);
    let (b1, ids) = send(&mut p, "2026-11-25T10:00:00Z");
    assert_eq!((b1, ids.len()), (1, 100));
    // Nothing else goes out while batch 1 is unsettled.
    assert_eq!(p.next(t("2026-11-25T10:00:01Z")), Next::Finished);
    p.settle(
        1,
        &CreatePartnerCouponsResponse {
            coupon_infos: ids.iter().map(|c| CouponInfo { id: c.clone(), coupon_id: format!("k-{c}") }).collect(),
            error_details: vec![],
        },
    );
    let (b2, ids2) = send(&mut p, "2026-11-25T10:00:02Z");
    assert_eq!((b2, ids2.len(), ids2[0].as_str()), (2, 100, "c100"));
}

#[test]
fn partial_success_and_retry_failed_only_retries_what_did_not_issue() {
    let mut p = plan(3);
    let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
    p.settle(
        b,
        &CreatePartnerCouponsResponse {
            coupon_infos: vec![CouponInfo { id: "c0".into(), coupon_id: "k0".into() }],
            error_details: vec![
                ErrorDetail {
                    error_code: "CBC.99000013".into(),
                    error_msg: "insufficient quota".into(),
                    id: "c1".into(),
                },
                ErrorDetail { error_code: "CBC.50000020".into(), error_msg: "not whitelisted".into(), id: "c2".into() },
            ],
        },
    );
    assert_eq!(p.tally(), Tally { total: 3, issued: 1, failed: 2, ..Tally::default() });
    assert_eq!(p.retry_failed(), 1, "only the retryable failure");
    let (_, ids) = send(&mut p, "2026-11-25T10:01:00Z");
    assert_eq!(ids, vec!["c1"]);
}

#[test]
fn ambiguous_batch_is_reconciled_before_anything_is_resent() {
    let mut p = plan(4);
    let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
    p.fail(b, &parse_error(503, "", Some("req-1".into())));
    assert_eq!(p.tally().unknown, 4);
    // Reconcile first, with the records since the floor (nothing settled before: no anchor).
    match p.next(t("2026-11-25T10:00:30Z")) {
        Next::Reconcile { batch, anchor } => {
            assert_eq!(batch, 1);
            assert!(anchor.is_empty());
            assert_eq!(p.floor, t("2026-11-25T09:59:00Z"));
        }
        other => panic!("expected Reconcile, got {other:?}"),
    }
    let records = vec![
        record("c0", "k0", "2026-11-25T10:00:01Z"),
        record("c2", "k2", "2026-11-25T10:00:01Z"),
        // An old coupon of c3 from before this batch does not count.
        record("c3", "old", "2026-11-20T10:00:00Z"),
    ];
    p.reconcile(1, &records);
    let states: Vec<&ItemState> = p.items.iter().map(|i| &i.state).collect();
    assert_eq!(states[0], &ItemState::Issued { coupon_id: "k0".into() });
    assert_eq!(states[1], &ItemState::Pending);
    assert_eq!(states[2], &ItemState::Issued { coupon_id: "k2".into() });
    assert_eq!(states[3], &ItemState::Pending);
    // Only the two that were not issued are sent again.
    let (_, ids) = send(&mut p, "2026-11-25T10:01:00Z");
    assert_eq!(ids, vec!["c1", "c3"]);
}

#[test]
fn a_reload_mid_call_resumes_by_reconciling() {
    let mut p = plan(2);
    send(&mut p, "2026-11-25T10:00:00Z");
    let saved = serde_json::to_string(&p).unwrap();
    let mut back: Plan = serde_json::from_str(&saved).unwrap();
    back.resume();
    assert_eq!(back.tally().unknown, 2);
    assert!(matches!(back.next(t("2026-11-25T11:00:00Z")), Next::Reconcile { batch: 1, .. }));
    back.reconcile(1, &[record("c1", "k1", "2026-11-25T10:00:00Z")]);
    assert_eq!(back.items[1].state, ItemState::Issued { coupon_id: "k1".into() });
    let (_, ids) = send(&mut back, "2026-11-25T11:00:01Z");
    assert_eq!(ids, vec!["c0"]);
}

#[test]
fn definite_rejections_issue_nothing_and_are_not_reconciled() {
    let mut p = plan(2);
    let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
    p.fail(b, &parse_error(400, r#"{"error_code":"CBC.99000017","error_msg":"quota expired"}"#, None));
    // Refused as a whole: one refusal for the plan, its customers not sent (not failed).
    let tally = p.tally();
    assert_eq!((tally.failed, tally.not_sent, tally.pending), (0, 2, 0));
    assert_eq!(p.refused.as_ref().map(|r| (r.batch, r.code.as_str())), Some((1, "CBC.99000017")));
    assert_eq!(p.next(t("2026-11-25T10:00:01Z")), Next::Finished);
}

#[test]
fn a_refused_call_stops_the_plan_and_a_retry_sends_its_customers_again() {
    let mut p = plan(150);
    let (b1, ids1) = send(&mut p, "2026-11-25T10:00:00Z");
    p.settle(b1, &answer(&ids1));
    let (b2, _) = send(&mut p, "2026-11-25T10:00:05Z");
    p.fail(b2, &parse_error(403, r#"{"error_code":"CBC.0151","error_msg":"no permission"}"#, None));
    let tally = p.tally();
    assert_eq!((tally.issued, tally.not_sent, tally.failed), (100, 50, 0));
    assert_eq!(p.next(t("2026-11-25T10:00:06Z")), Next::Finished, "nothing more is sent");
    // Saved and read back, the refusal is kept.
    let back: Plan = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(back.refused, p.refused);
    assert_eq!(p.retry_failed(), 50);
    assert!(p.refused.is_none());
    assert!(
        matches!(p.next(t("2026-11-25T10:00:07Z")), Next::Send { request, .. } if request.customer_ids.len() == 50)
    );
}

#[test]
fn an_answer_that_skips_a_customer_is_reconciled() {
    let mut p = plan(2);
    let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
    p.settle(
        b,
        &CreatePartnerCouponsResponse {
            coupon_infos: vec![CouponInfo { id: "c0".into(), coupon_id: "k0".into() }],
            error_details: vec![],
        },
    );
    assert!(matches!(p.next(t("2026-11-25T10:00:01Z")), Next::Reconcile { batch: 1, .. }));
}

#[test]
fn a_record_explains_at_most_one_customer_and_amounts_must_match() {
    let mut p = plan(2);
    let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
    p.fail(b, &ApiError::network("connection reset"));
    let mut other_amount = record("c1", "k9", "2026-11-25T10:00:01Z");
    other_amount.operation_amount = Amount::from_cents(5_000);
    p.reconcile(1, &[record("c0", "k0", "2026-11-25T10:00:01Z"), other_amount]);
    assert_eq!(p.items[0].state, ItemState::Issued { coupon_id: "k0".into() });
    assert_eq!(p.items[1].state, ItemState::Pending);
    assert_eq!(p.amount_outstanding(), Amount::from_cents(10_000));
}

fn answer(ids: &[String]) -> CreatePartnerCouponsResponse {
    CreatePartnerCouponsResponse {
        coupon_infos: ids.iter().map(|c| CouponInfo { id: c.clone(), coupon_id: format!("k-{c}") }).collect(),
        error_details: vec![],
    }
}

#[test]
fn the_floor_is_server_time_and_rises_with_the_last_settled_batch() {
    // The browser's clock is days off the server's: only server times are compared.
    let mut p = plan(200);
    let (b1, ids1) = send(&mut p, "2030-01-01T00:00:00Z");
    p.settle(b1, &answer(&ids1));
    let (b2, _) = send(&mut p, "2030-01-01T00:00:05Z");
    p.fail(b2, &ApiError::timeout());
    // The anchor is batch 1's coupons: their records tell the server time before batch 2.
    let Next::Reconcile { batch: 2, anchor } = p.next(t("2030-01-01T00:00:09Z")) else { panic!() };
    assert_eq!(anchor.len(), 100);
    assert_eq!(anchor[0], "k-c0");
    let batch1: Vec<CouponRecord> = ids1.iter().map(|c| record(c, &format!("k-{c}"), "2026-11-25T10:03:00Z")).collect();
    p.raise_floor(2, &batch1);
    assert_eq!(p.floor, t("2026-11-25T10:03:00Z"));
    // Asked again, no anchor: the floor already accounts for batch 1.
    assert!(matches!(p.next(t("2030-01-01T00:00:10Z")), Next::Reconcile { batch: 2, ref anchor } if anchor.is_empty()));
    // c100 got a coupon of this face value earlier today (another issuance): not this plan's.
    let records = vec![
        record("c100", "old", "2026-11-25T10:01:00Z"),
        record("c101", "k101", "2026-11-25T10:03:00Z"),
        record("c102", "k102", "2026-11-25T10:03:01Z"),
    ];
    p.reconcile(2, &records);
    assert_eq!(p.items[100].state, ItemState::Pending);
    assert_eq!(p.items[101].state, ItemState::Issued { coupon_id: "k101".into() });
    assert_eq!(p.items[102].state, ItemState::Issued { coupon_id: "k102".into() });
    assert_eq!(p.floor, t("2026-11-25T10:03:01Z"));
    assert_eq!(p.extra_outstanding(), 0);
}

#[test]
fn two_coupons_for_one_customer_are_reported_as_extra_never_hidden() {
    let mut p = plan(2);
    let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
    p.fail(b, &ApiError::network("connection reset"));
    // The request was processed twice (a browser resent it): c0 has two coupons.
    p.reconcile(
        1,
        &[
            record("c0", "k0-second", "2026-11-25T10:00:02Z"),
            record("c0", "k0", "2026-11-25T10:00:01Z"),
            record("c1", "k1", "2026-11-25T10:00:01Z"),
        ],
    );
    assert_eq!(p.items[0].state, ItemState::Issued { coupon_id: "k0".into() }, "the first one is kept");
    assert_eq!(p.items[0].extra, vec![ExtraCoupon { coupon_id: "k0-second".into(), reclaimed: false }]);
    assert_eq!(p.items[1].extra, vec![]);
    assert_eq!(p.extra_outstanding(), 1);
    p.extra_reclaimed("k0-second");
    assert_eq!(p.extra_outstanding(), 0);
    // Saved and loaded (older saved plans have no `extra`).
    let back: Plan = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(back, p);
}

#[test]
fn a_silent_resend_is_found_by_checking_the_records() {
    // The answer the page saw names k0; the server also issued k0-first on the first try.
    let mut p = plan(2);
    let (b, ids) = send(&mut p, "2026-11-25T10:00:00Z");
    p.settle(b, &answer(&ids));
    let records = vec![
        record("c0", "k0-first", "2026-11-25T10:00:01Z"),
        record("c0", "k-c0", "2026-11-25T10:00:01Z"),
        record("c1", "k-c1", "2026-11-25T10:00:01Z"),
        // Before the plan began: not counted.
        record("c1", "older", "2026-11-25T09:00:00Z"),
    ];
    assert_eq!(p.find_extra(&records), 1);
    assert_eq!(p.items[0].extra, vec![ExtraCoupon { coupon_id: "k0-first".into(), reclaimed: false }]);
    assert_eq!(p.find_extra(&records), 0, "found once");
}
