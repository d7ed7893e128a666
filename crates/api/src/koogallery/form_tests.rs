use super::form::*;
use super::rules::PriceProblem;
use super::tests::{order, yuan};
use super::*;
use crate::time::parse_wire;

fn record(id: &str, old: &str, new: &str) -> PriceAdjustRecord {
    PriceAdjustRecord {
        adjust_id: id.into(),
        order_id: "kghz0001".into(),
        customer_id: "c1".into(),
        customer_name: "上海云启科技有限公司".into(),
        product_name: "云速建站 标准版".into(),
        old_amount: yuan(old),
        new_amount: yuan(new),
        currency: "CNY".into(),
        measure_id: 1,
        reason: "r".into(),
        operator: "admin".into(),
        operator_name: "王磊".into(),
        operation_time: parse_wire("2026-11-20T02:00:00Z").unwrap(),
    }
}

#[test]
fn typed_prices() {
    assert_eq!(parse_price(" 99 "), Ok(yuan("99")));
    assert_eq!(parse_price("¥1,299.50"), Ok(yuan("1299.50")));
    assert_eq!(parse_price("￥ 0.5"), Ok(yuan("0.5")));
    assert_eq!(parse_price("12.345"), Ok(yuan("12.345")), "decimals are a rule, not a typo");
    assert_eq!(parse_price(""), Err(DraftProblem::PriceMissing));
    assert_eq!(parse_price("  "), Err(DraftProblem::PriceMissing));
    for bad in ["abc", "-5", "1e2", "1.2.3", ".", "¥", "12 元", "+3"] {
        assert_eq!(parse_price(bad), Err(DraftProblem::PriceNotANumber), "{bad}");
    }
}

#[test]
fn a_good_draft_becomes_the_request_at_the_price_seen() {
    let o = order(status::PENDING_PAYMENT, "120.00", "108.00");
    let req = check_draft(&o, "99", "  老客户优惠 ").unwrap();
    assert_eq!(req.order_id, "KGHZ0001");
    assert_eq!(req.new_amount, yuan("99"));
    assert_eq!(req.reason, "老客户优惠");
    assert_eq!(req.expected_amount, Some(yuan("108.00")));
}

#[test]
fn every_problem_of_a_draft_at_once_with_its_field() {
    let o = order(status::PENDING_PAYMENT, "120.00", "108.00");
    let all = check_draft(&o, "130", "").unwrap_err();
    assert_eq!(
        all,
        vec![
            DraftProblem::Rule(PriceProblem::ReasonMissing),
            DraftProblem::Rule(PriceProblem::AboveOriginal { original: yuan("120.00") })
        ]
    );
    assert_eq!(all.iter().map(DraftProblem::field).collect::<Vec<_>>(), ["reason", "new_amount"]);
    // Without a price, only the price text is wrong (no rule judges a placeholder).
    assert_eq!(check_draft(&o, "", "ok").unwrap_err(), vec![DraftProblem::PriceMissing]);
    assert_eq!(check_draft(&o, "x", "ok").unwrap_err(), vec![DraftProblem::PriceNotANumber]);
    assert_eq!(check_draft(&o, "0", "ok").unwrap_err(), vec![DraftProblem::Rule(PriceProblem::NotPositive)]);
    assert_eq!(check_draft(&o, "99.999", "ok").unwrap_err(), vec![DraftProblem::Rule(PriceProblem::TooManyDecimals)]);
    assert_eq!(check_draft(&o, "108", "ok").unwrap_err(), vec![DraftProblem::Rule(PriceProblem::SameAsCurrent)]);
    let long = "长".repeat(MAX_REASON_LEN + 1);
    assert_eq!(check_draft(&o, "90", &long).unwrap_err(), vec![DraftProblem::Rule(PriceProblem::ReasonTooLong)]);
    assert!(check_draft(&o, "90", &"长".repeat(MAX_REASON_LEN)).is_ok());
    // The original price itself is allowed (undoing a cut).
    assert!(check_draft(&o, "120", "恢复原价").is_ok());
}

#[test]
fn a_lapsed_or_paid_order_is_pointed_at_as_the_order() {
    let o = order(status::CLOSED, "120.00", "120.00");
    let p = check_draft(&o, "90", "ok").unwrap_err();
    assert_eq!(p, vec![DraftProblem::Rule(PriceProblem::NotPending { status: status::CLOSED.into() })]);
    assert_eq!(p[0].field(), "order_id");
    let stale = DraftProblem::Rule(PriceProblem::StalePrice { current: yuan("1") });
    assert_eq!(stale.field(), "order_id");
}

#[test]
fn a_lost_change_is_settled_from_the_order_read_again() {
    let seen = order(status::PENDING_PAYMENT, "120.00", "108.00");
    let sent = check_draft(&seen, "99", "ok").unwrap();
    let after = order(status::PENDING_PAYMENT, "120.00", "99");
    let records = [record("KA00000009", "108.00", "99.00"), record("KA00000002", "120.00", "108.00")];
    assert_eq!(
        settle_lost(&sent, Some(&after), &records),
        LostChange::Applied { adjust_id: Some("KA00000009".into()) }
    );
    assert_eq!(settle_lost(&sent, Some(&after), &[]), LostChange::Applied { adjust_id: None });
    assert_eq!(settle_lost(&sent, Some(&seen), &records[1..]), LostChange::NotApplied);
    let other = order(status::PENDING_PAYMENT, "120.00", "100.00");
    assert_eq!(settle_lost(&sent, Some(&other), &records), LostChange::Overtaken);
    let paid = order(status::PAID, "120.00", "108.00");
    assert_eq!(settle_lost(&sent, Some(&paid), &records), LostChange::Overtaken);
    assert_eq!(settle_lost(&sent, None, &records), LostChange::Overtaken);
}
