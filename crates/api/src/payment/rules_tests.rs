use super::*;
use crate::payment::{discount_mode, DiscountLine, DiscountOrder};
use chrono::{Duration, TimeZone, Utc};

fn yuan(s: &str) -> Amount {
    Amount::parse(s).unwrap()
}

fn coupon(id: &str, kind: i32, balance: &str) -> OrderCoupon {
    OrderCoupon {
        coupon_id: id.into(),
        coupon_code: None,
        status: order_coupon_status::USABLE,
        coupon_type: kind,
        measure_id: Some(1),
        face_value: Some(yuan(balance)),
        balance: yuan(balance),
        effective_time: None,
        expire_time: None,
        plan_name: None,
        plan_desc: None,
        used_by_order_id: None,
        coupon_group: Some(0),
    }
}

fn discount(id: &str, kind: i32, off: &str) -> OrderDiscount {
    OrderDiscount {
        discount_id: id.into(),
        discount_value: None,
        discount_type: kind,
        orders: vec![DiscountOrder {
            order_id: "CS1".into(),
            order_line_items: vec![DiscountLine {
                order_line_item_ids: vec!["CS1-000001".into()],
                discount_mode: discount_mode::REDUCTION,
                discount_amount: yuan(off),
                discount_ratio: None,
            }],
        }],
    }
}

fn choice(coupons: &[&str], discount: Option<&str>) -> Choice {
    Choice { coupons: coupons.iter().map(|s| s.to_string()).collect(), discount: discount.map(str::to_string) }
}

#[test]
fn a_discount_then_coupons_in_order_then_the_balance() {
    let cs = [coupon("v1", pay_coupon_type::VOUCHER, "30.00"), coupon("c1", pay_coupon_type::CASH_COUPON, "500")];
    let ds = [discount("d1", discount_kind::PARTNER_GRANTED, "20.00")];
    let q = quote(yuan("100.00"), &cs, &[], &ds, &choice(&["v1", "c1"], Some("d1"))).unwrap();
    assert_eq!(q.discount, yuan("20.00"));
    assert_eq!(q.coupons, vec![("v1".to_string(), yuan("30.00")), ("c1".to_string(), yuan("50.00"))]);
    assert_eq!(q.to_pay, yuan("0.00"));
    assert_eq!(q.coupons_total(), yuan("80.00"));
    let plain = quote(yuan("100.00"), &cs, &[], &ds, &Choice::default()).unwrap();
    assert_eq!(plain.to_pay, yuan("100.00"));
}

#[test]
fn a_coupon_with_nothing_left_to_cover_is_refused() {
    let cs = [coupon("c1", pay_coupon_type::CASH_COUPON, "500"), coupon("v1", pay_coupon_type::VOUCHER, "10")];
    let p = quote(yuan("100"), &cs, &[], &[], &choice(&["c1", "v1"], None)).unwrap_err();
    assert_eq!(p, ChoiceProblem::CouponNotNeeded("v1".into()));
}

#[test]
fn refusals_carry_the_code_o7_answers() {
    let mut locked = coupon("v2", pay_coupon_type::VOUCHER, "10");
    locked.status = order_coupon_status::NOT_USABLE;
    let cs = [
        coupon("v1", pay_coupon_type::VOUCHER, "10"),
        locked,
        coupon("dc", pay_coupon_type::DISCOUNT_COUPON, "10"),
        coupon("c1", pay_coupon_type::CASH_COUPON, "10"),
        coupon("c2", pay_coupon_type::CASH_COUPON, "10"),
    ];
    let ds = [discount("d1", discount_kind::PROMOTION, "5")];
    let q = |c: Choice| quote(yuan("100"), &cs, &[], &ds, &c).unwrap_err();
    assert_eq!(q(choice(&["v2"], None)).code(), codes::PAY_COUPON_USED);
    assert_eq!(q(choice(&["dc"], Some("d1"))).code(), codes::PAY_COUPON_WITH_DISCOUNT);
    assert_eq!(q(choice(&["v1", "dc"], None)).code(), codes::PAY_VOUCHER_WITH_DISCOUNT_COUPON);
    assert_eq!(q(choice(&["v1", "c1", "c2", "dc"], None)), ChoiceProblem::TooManyCoupons);
    assert_eq!(q(choice(&["nope"], None)), ChoiceProblem::UnknownCoupon("nope".into()));
    assert_eq!(q(choice(&[], Some("nope"))), ChoiceProblem::UnknownDiscount("nope".into()));
    let max = [CouponMaxUse { coupon_type: pay_coupon_type::CASH_COUPON, coupon_group: None, use_quantity_value: 1 }];
    let p = quote(yuan("100"), &cs, &max, &ds, &choice(&["c1", "c2"], None)).unwrap_err();
    assert_eq!(p, ChoiceProblem::TooManyOfType { coupon_type: pay_coupon_type::CASH_COUPON, max: 1 });
}

#[test]
fn an_order_with_a_price_adjustment_is_paid_with_it() {
    let ds = [discount("d1", discount_kind::PROMOTION, "5"), discount("adj", discount_kind::PRICE_ADJUSTMENT, "12.5")];
    assert_eq!(Choice::initial(&ds).discount.as_deref(), Some("adj"));
    let p = quote(yuan("100"), &[], &[], &ds, &choice(&[], Some("d1"))).unwrap_err();
    assert_eq!(p, ChoiceProblem::PriceAdjustmentRequired("adj".into()));
    assert_eq!(p.code(), codes::PAY_DISCOUNT_NOT_APPLICABLE);
    assert!(quote(yuan("100"), &[], &[], &ds, &Choice::default()).is_err());
    let q = quote(yuan("100"), &[], &[], &ds, &Choice::initial(&ds)).unwrap();
    assert_eq!(q.to_pay, yuan("87.50"));
}

#[test]
fn a_discount_never_makes_the_amount_negative() {
    let ds = [discount("d1", discount_kind::PARTNER_GRANTED, "150")];
    let q = quote(yuan("100"), &[], &[], &ds, &choice(&[], Some("d1"))).unwrap();
    assert_eq!((q.discount, q.to_pay), (yuan("100.00"), yuan("0.00")));
}

#[test]
fn cash_first_then_credit() {
    let funds = Funds { cash: yuan("50"), credit: yuan("100") };
    assert_eq!(split(yuan("30"), funds), Some((yuan("30"), yuan("0"))));
    assert_eq!(split(yuan("80"), funds), Some((yuan("50"), yuan("30"))));
    assert_eq!(split(yuan("150"), funds), Some((yuan("50"), yuan("100"))));
    assert_eq!(split(yuan("150.01"), funds), None);
    assert_eq!(funds_after(yuan("80"), funds), Some(Funds { cash: yuan("0"), credit: yuan("70") }));
}

#[test]
fn payability_and_what_a_lost_answer_means() {
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap();
    let later = Some(now + Duration::days(1));
    assert_eq!(payability(Some(order_status::PENDING_PAYMENT), later, now), Payability::Payable);
    assert_eq!(payability(Some(order_status::PENDING_PAYMENT), Some(now), now), Payability::PastDeadline);
    assert_eq!(payability(Some(order_status::COMPLETED), later, now), Payability::NotPending(order_status::COMPLETED));
    assert_eq!(Payability::PastDeadline.code(), Some(codes::PAY_PAST_DEADLINE));
    assert_eq!(after_unknown(Some(order_status::COMPLETED)), AfterUnknown::Paid);
    assert_eq!(after_unknown(Some(order_status::PROCESSING)), AfterUnknown::Paid);
    assert_eq!(after_unknown(Some(order_status::PENDING_PAYMENT)), AfterUnknown::StillPending);
    assert_eq!(after_unknown(Some(order_status::CANCELLED)), AfterUnknown::Changed(order_status::CANCELLED));
}

#[test]
fn pay_infos_follow_the_choice() {
    let cs = [coupon("v1", pay_coupon_type::VOUCHER, "10")];
    let ds = [discount("d1", discount_kind::COMMERCIAL, "5")];
    let (c, d) = pay_infos(&cs, &ds, &choice(&["v1"], Some("d1")));
    assert_eq!(c, vec![PayCoupon { id: "v1".into(), kind: pay_coupon_type::VOUCHER }]);
    assert_eq!(d, Some(PayDiscount { id: "d1".into(), kind: discount_kind::COMMERCIAL }));
}

#[test]
fn funds_from_r2() {
    let r: ListPartnerBalancesResponse = serde_json::from_str(
        r#"{"account_balances":[
            {"account_id":"a1","account_type":1,"amount":1000.50,"designated_amount":200.25,"currency":"CNY","measure_id":1},
            {"account_id":"a2","account_type":2,"amount":300,"credit_amount":500,"currency":"CNY","measure_id":1}]}"#,
    )
    .unwrap();
    assert_eq!(Funds::of(&r), Funds { cash: yuan("800.25"), credit: yuan("300") });
    assert_eq!(Funds::of(&ListPartnerBalancesResponse::default()), Funds::default());
}
