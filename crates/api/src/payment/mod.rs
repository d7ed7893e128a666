//! S10 balance payment (余额支付), PARTNER_API.md §8 O5–O7: the coupons and discounts an order
//! may use (O5, O6) and paying it from the partner's balance (O7). All three take the
//! **customer's** token (an assume_role token, §1.4, `crate::acting`); the partner's is refused.
//! The pure rules (what a choice of coupons and discount costs, what a lost answer means) are
//! in [`rules`].

pub mod rules;

use crate::orders::vec_or_null;
use crate::validate::{required_text, Violation};
use crate::Amount;
use serde::{Deserialize, Serialize};

pub const ORDER_COUPONS_PATH: &str = "/v2/orders/customer-orders/order-coupons";
pub const ORDER_DISCOUNTS_PATH: &str = "/v2/orders/customer-orders/order-discounts";
pub const PAY_PATH: &str = "/v3/orders/customer-orders/pay";

pub const MAX_ORDER_ID_LEN: usize = 64;
/// O7 takes at most 3 coupons and 1 discount.
pub const MAX_COUPONS: usize = 3;
pub const MAX_DISCOUNTS: usize = 1;

/// The `type` of a coupon in O7's `coupon_infos` (and O5's `coupon_type`).
pub mod pay_coupon_type {
    pub const DISCOUNT_COUPON: i32 = 300;
    pub const VOUCHER: i32 = 301;
    pub const CASH_COUPON: i32 = 302;
    pub const STORED_VALUE_CARD: i32 = 303;
    pub const ALL: &[i32] = &[DISCOUNT_COUPON, VOUCHER, CASH_COUPON, STORED_VALUE_CARD];

    /// The O7 type of a coupon the partner issued (V-series `coupon_type`).
    pub fn of_partner_coupon(coupon_type: i32) -> i32 {
        if coupon_type == crate::coupons::coupon_type::CASH {
            CASH_COUPON
        } else {
            VOUCHER
        }
    }
}

/// O5 `status` of a coupon for this order.
pub mod order_coupon_status {
    /// Can be used on this order.
    pub const USABLE: i32 = 1;
    /// Cannot (locked by another order, not yet valid, limits not met).
    pub const NOT_USABLE: i32 = 2;
}

/// O6 `discount_type` (O7's `discount_infos.type` takes 0, 2, 3; 609 is carried as is).
pub mod discount_kind {
    pub const PROMOTION: i32 = 0;
    pub const CONTRACT: i32 = 1;
    pub const COMMERCIAL: i32 = 2;
    pub const PARTNER_GRANTED: i32 = 3;
    /// An order price adjustment: an order that has one must be paid with it.
    pub const PRICE_ADJUSTMENT: i32 = 609;
}

/// O6 `discount_mode` of a line item.
pub mod discount_mode {
    pub const DISCOUNT: i32 = 0;
    pub const FIXED_PRICE: i32 = 1;
    pub const REDUCTION: i32 = 2;
}

/// `YES` / `NO` of `use_coupon` and `use_discount`.
pub mod yes_no {
    pub const YES: &str = "YES";
    pub const NO: &str = "NO";
}

// ---- O5 ----

crate::query_params! {
    /// O5 `GET …/order-coupons?order_id=` (customer token).
    #[derive(Serialize, Deserialize)]
    pub struct ListOrderCouponsRequest where empty = absent {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub order_id: Option<String>,
    }
}

crate::query_params! {
    /// O6 `GET …/order-discounts?order_id=` (customer token).
    #[derive(Serialize, Deserialize)]
    pub struct ListOrderDiscountsRequest where empty = absent {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub order_id: Option<String>,
    }
}

fn check_order_id(order_id: Option<&str>) -> Result<String, Violation> {
    let id = order_id.unwrap_or_default();
    required_text("order_id", id, MAX_ORDER_ID_LEN)?;
    Ok(id.to_string())
}

impl ListOrderCouponsRequest {
    pub fn for_order(order_id: &str) -> Self {
        ListOrderCouponsRequest { order_id: Some(order_id.to_string()) }
    }

    pub fn check(&self) -> Result<String, Violation> {
        check_order_id(self.order_id.as_deref())
    }
}

impl ListOrderDiscountsRequest {
    pub fn for_order(order_id: &str) -> Self {
        ListOrderDiscountsRequest { order_id: Some(order_id.to_string()) }
    }

    pub fn check(&self) -> Result<String, Violation> {
        check_order_id(self.order_id.as_deref())
    }
}

/// One coupon of the customer, as O5 answers it for an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderCoupon {
    pub coupon_id: String,
    #[serde(default)]
    pub coupon_code: Option<String>,
    /// [`order_coupon_status`].
    pub status: i32,
    /// [`pay_coupon_type`].
    pub coupon_type: i32,
    #[serde(default)]
    pub measure_id: Option<i32>,
    #[serde(default)]
    pub face_value: Option<Amount>,
    pub balance: Amount,
    #[serde(default, with = "crate::time::wire_opt")]
    pub effective_time: Option<crate::time::Instant>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub expire_time: Option<crate::time::Instant>,
    #[serde(default)]
    pub plan_name: Option<String>,
    #[serde(default)]
    pub plan_desc: Option<String>,
    /// The order that has locked it, if any.
    #[serde(default)]
    pub used_by_order_id: Option<String>,
    /// 0 cloud service, 1 marketplace, 2 dedicated-1024, 3 hardware.
    #[serde(default)]
    pub coupon_group: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouponMaxUse {
    pub coupon_type: i32,
    #[serde(default)]
    pub coupon_group: Option<i32>,
    pub use_quantity_value: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListOrderCouponsResponse {
    #[serde(default)]
    pub count: Option<u64>,
    #[serde(default, deserialize_with = "vec_or_null")]
    pub user_coupons: Vec<OrderCoupon>,
    #[serde(default, deserialize_with = "vec_or_null")]
    pub coupon_max_use_quantity: Vec<CouponMaxUse>,
}

// ---- O6 ----

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscountLine {
    #[serde(default, deserialize_with = "vec_or_null")]
    pub order_line_item_ids: Vec<String>,
    /// [`discount_mode`].
    pub discount_mode: i32,
    /// What the discount takes off these line items.
    pub discount_amount: Amount,
    #[serde(default)]
    pub discount_ratio: Option<Amount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiscountOrder {
    pub order_id: String,
    #[serde(default, deserialize_with = "vec_or_null")]
    pub order_line_items: Vec<DiscountLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderDiscount {
    pub discount_id: String,
    /// A rate (`0.85`) or a reduction; empty for a fixed price.
    #[serde(default)]
    pub discount_value: Option<String>,
    /// [`discount_kind`].
    pub discount_type: i32,
    #[serde(default, deserialize_with = "vec_or_null")]
    pub orders: Vec<DiscountOrder>,
}

impl OrderDiscount {
    /// What it takes off the whole order (every line item of every (sub-)order).
    pub fn amount(&self) -> Amount {
        Amount(self.orders.iter().flat_map(|o| &o.order_line_items).map(|l| l.discount_amount.0).sum())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListOrderDiscountsResponse {
    #[serde(default, deserialize_with = "vec_or_null")]
    pub discounts: Vec<OrderDiscount>,
}

// ---- O7 ----

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayCoupon {
    pub id: String,
    /// [`pay_coupon_type`].
    #[serde(rename = "type")]
    pub kind: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayDiscount {
    pub id: String,
    /// [`discount_kind`].
    #[serde(rename = "type")]
    pub kind: i32,
}

/// O7 `POST /v3/orders/customer-orders/pay` (customer token). Success is an empty body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayOrdersRequest {
    pub order_id: String,
    /// [`yes_no`].
    pub use_coupon: String,
    pub use_discount: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coupon_infos: Vec<PayCoupon>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discount_infos: Vec<PayDiscount>,
}

impl PayOrdersRequest {
    /// The request for an order and a choice of coupons and discount.
    pub fn new(order_id: &str, coupons: Vec<PayCoupon>, discount: Option<PayDiscount>) -> Self {
        let flag = |on: bool| if on { yes_no::YES } else { yes_no::NO }.to_string();
        PayOrdersRequest {
            order_id: order_id.to_string(),
            use_coupon: flag(!coupons.is_empty()),
            use_discount: flag(discount.is_some()),
            coupon_infos: coupons,
            discount_infos: discount.into_iter().collect(),
        }
    }

    /// The documented shape: flags `YES|NO`, coupons required iff `use_coupon=YES` (≤ 3),
    /// discounts iff `use_discount=YES` (≤ 1), known types.
    pub fn check(&self) -> Result<(), Violation> {
        required_text("order_id", &self.order_id, MAX_ORDER_ID_LEN)?;
        let flag = |name: &str, v: &str| match v {
            yes_no::YES => Ok(true),
            yes_no::NO => Ok(false),
            _ => Err(Violation::new(name, "must be YES or NO")),
        };
        let (coupons, discounts) = (flag("use_coupon", &self.use_coupon)?, flag("use_discount", &self.use_discount)?);
        match (coupons, self.coupon_infos.len()) {
            (true, 0) => return Err(Violation::new("coupon_infos", "is required when use_coupon is YES")),
            (false, n) if n > 0 => return Err(Violation::new("coupon_infos", "must be empty when use_coupon is NO")),
            (_, n) if n > MAX_COUPONS => {
                return Err(Violation::new("coupon_infos", format!("must hold at most {MAX_COUPONS} coupons")))
            }
            _ => {}
        }
        match (discounts, self.discount_infos.len()) {
            (true, 0) => return Err(Violation::new("discount_infos", "is required when use_discount is YES")),
            (false, n) if n > 0 => {
                return Err(Violation::new("discount_infos", "must be empty when use_discount is NO"))
            }
            (_, n) if n > MAX_DISCOUNTS => {
                return Err(Violation::new("discount_infos", format!("must hold at most {MAX_DISCOUNTS} discount")))
            }
            _ => {}
        }
        for c in &self.coupon_infos {
            required_text("coupon_infos.id", &c.id, MAX_ORDER_ID_LEN)?;
            if !pay_coupon_type::ALL.contains(&c.kind) {
                return Err(Violation::new("coupon_infos.type", "must be 300, 301, 302 or 303"));
            }
        }
        for d in &self.discount_infos {
            required_text("discount_infos.id", &d.id, MAX_ORDER_ID_LEN)?;
            let allowed = [
                discount_kind::PROMOTION,
                discount_kind::COMMERCIAL,
                discount_kind::PARTNER_GRANTED,
                discount_kind::PRICE_ADJUSTMENT,
            ];
            if !allowed.contains(&d.kind) {
                return Err(Violation::new("discount_infos.type", "must be 0, 2, 3 or 609"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pay_request_has_the_documented_shape() {
        let r = PayOrdersRequest::new("CS1", vec![PayCoupon { id: "c1".into(), kind: 301 }], None);
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["use_coupon"], "YES");
        assert_eq!(v["use_discount"], "NO");
        assert_eq!(v["coupon_infos"][0]["type"], 301);
        assert!(v.get("discount_infos").is_none());
        assert_eq!(r.check(), Ok(()));
    }

    #[test]
    fn pay_request_checks_flags_and_limits() {
        let mut r = PayOrdersRequest::new("CS1", vec![], None);
        assert_eq!(r.check(), Ok(()));
        r.use_coupon = "YES".into();
        assert_eq!(r.check().unwrap_err().parameter, "coupon_infos");
        r.coupon_infos = (0..4).map(|i| PayCoupon { id: format!("c{i}"), kind: 301 }).collect();
        assert_eq!(r.check().unwrap_err().parameter, "coupon_infos");
        r.coupon_infos.truncate(3);
        assert_eq!(r.check(), Ok(()));
        r.use_discount = "maybe".into();
        assert_eq!(r.check().unwrap_err().parameter, "use_discount");
        r.use_discount = "NO".into();
        r.discount_infos = vec![PayDiscount { id: "d".into(), kind: 3 }];
        assert_eq!(r.check().unwrap_err().parameter, "discount_infos");
        r.order_id.clear();
        assert_eq!(r.check().unwrap_err().parameter, "order_id");
    }

    #[test]
    fn coupon_and_discount_queries_need_an_order() {
        assert_eq!(ListOrderCouponsRequest::default().check().unwrap_err().parameter, "order_id");
        let q = ListOrderDiscountsRequest::for_order("CS 1");
        assert_eq!(q.to_query_string(), "order_id=CS%201");
        assert_eq!(q.check(), Ok("CS 1".to_string()));
    }

    #[test]
    fn a_discount_sums_its_line_items() {
        let line = |a: i64| DiscountLine {
            order_line_item_ids: vec![],
            discount_mode: discount_mode::REDUCTION,
            discount_amount: Amount::from_cents(a),
            discount_ratio: None,
        };
        let d = OrderDiscount {
            discount_id: "d".into(),
            discount_value: None,
            discount_type: discount_kind::PARTNER_GRANTED,
            orders: vec![DiscountOrder { order_id: "o".into(), order_line_items: vec![line(150), line(25)] }],
        };
        assert_eq!(d.amount(), Amount::from_cents(175));
    }
}
