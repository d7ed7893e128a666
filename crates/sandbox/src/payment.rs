//! S10 balance payment (PARTNER_API.md §8 O5–O7), with the customer's token (acting.rs):
//! - O5 `GET /v2/orders/customer-orders/order-coupons`: the customer's usable coupons — the
//!   vouchers and cash coupons partners issued them (V2), so a voucher issued in S4 pays here;
//! - O6 `GET /v2/orders/customer-orders/order-discounts`: seeded per order (a partner-granted
//!   discount on some, a 609 price adjustment that must be used on a few);
//! - O7 `POST /v3/orders/customer-orders/pay`: checked with `partner_api::payment::rules` (the
//!   same rules the console quotes with), then the amount is taken from the partner's accounts
//!   (cash first, then credit, accounts.rs), the coupons are drawn down and the order is paid.
//!   One lock covers the whole check-and-pay, so two tabs paying one order pay it once (the
//!   second gets `CBC.99003106`), and faults after the commit (`commit_then_*`) leave it paid.
//!
//! Orders paid here show as completed, with their payment time, in O1 and O2 ([`Payments::apply`]).

use crate::acting::ForCustomer;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::prng::mix;
use crate::query::QueryParams;
use crate::seed_orders::{book, FullOrder, OrderRow};
use crate::store::{AppState, CustomerIx, Data};
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use partner_api::coupons::coupon_status;
use partner_api::money::MEASURE_YUAN;
use partner_api::orders::order_status;
use partner_api::payment::rules::{self, payability, Choice, Payability};
use partner_api::payment::{
    discount_kind, discount_mode, order_coupon_status, pay_coupon_type, CouponMaxUse, DiscountLine, DiscountOrder,
    ListOrderCouponsRequest, ListOrderCouponsResponse, ListOrderDiscountsRequest, ListOrderDiscountsResponse,
    OrderCoupon, OrderDiscount, PayOrdersRequest,
};
use partner_api::time::Instant;
use partner_api::{codes, Amount};
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// An order paid while the sandbox ran.
#[derive(Debug, Clone)]
pub struct Paid {
    pub at: Instant,
    pub amount: Amount,
}

/// Paid orders by (customer, position among the customer's orders), as `OrderRow` names them.
pub type PaidOrders = HashMap<(CustomerIx, u8), Paid>;

#[derive(Default)]
pub struct Payments(Mutex<PaidOrders>);

impl Payments {
    fn book(&self) -> MutexGuard<'_, PaidOrders> {
        self.0.lock().expect("payments lock")
    }

    /// A copy for one O1/O2 answer (few orders are paid in a run).
    pub fn snapshot(&self) -> PaidOrders {
        self.book().clone()
    }
}

/// An order row as O1 filters it: a paid order is completed, with its payment time.
pub fn effective(paid: &PaidOrders, row: &OrderRow) -> OrderRow {
    match paid.get(&(row.customer, row.ordinal)) {
        Some(p) => OrderRow { status: order_status::COMPLETED as u8, payment: p.at.timestamp(), ..*row },
        None => *row,
    }
}

/// 400 `CBC.30000010`: no such order of this customer (also for another customer's order).
fn invalid_order() -> ApiFailure {
    ApiFailure::new(StatusCode::BAD_REQUEST, codes::PAY_INVALID_ORDER, "the order is invalid for this customer")
}

/// The customer's order `order_id` (case-insensitive), built in full.
fn order_of(data: &Data, customer: CustomerIx, order_id: &str) -> Result<FullOrder, ApiFailure> {
    let row = data.orders.find(order_id).filter(|r| r.customer == customer).ok_or_else(invalid_order)?;
    let mut b = book(data, customer);
    Ok(b.orders.swap_remove(row.ordinal as usize))
}

/// O5's answer for an order: the customer's partner-issued coupons usable now (a coupon locked
/// by another order is listed as not usable).
fn coupons_for(state: &AppState, customer: CustomerIx, order_id: &str) -> Vec<OrderCoupon> {
    let now = state.vouchers.now();
    let ledger = state.vouchers.ledger();
    let mut out: Vec<OrderCoupon> = ledger
        .coupons
        .iter()
        .filter(|c| c.customer == customer && !c.frozen && c.balance.is_positive())
        .filter(|c| c.status_at(now) == coupon_status::USABLE)
        .map(|c| {
            let locked = c.order_id.as_deref().is_some_and(|o| !o.eq_ignore_ascii_case(order_id));
            OrderCoupon {
                coupon_id: c.id.clone(),
                coupon_code: Some(c.code.clone()),
                status: if locked { order_coupon_status::NOT_USABLE } else { order_coupon_status::USABLE },
                coupon_type: pay_coupon_type::of_partner_coupon(c.coupon_type()),
                measure_id: Some(MEASURE_YUAN),
                face_value: Some(c.face_value),
                balance: c.balance,
                effective_time: Some(c.valid_time),
                expire_time: Some(c.expire_time),
                plan_name: c.memo.clone(),
                plan_desc: None,
                used_by_order_id: c.order_id.clone(),
                coupon_group: Some(0),
            }
        })
        .collect();
    out.sort_by(|a, b| a.expire_time.cmp(&b.expire_time).then_with(|| a.coupon_id.cmp(&b.coupon_id)));
    out
}

/// At most three vouchers and one cash coupon per order.
fn max_use() -> Vec<CouponMaxUse> {
    vec![
        CouponMaxUse { coupon_type: pay_coupon_type::VOUCHER, coupon_group: Some(0), use_quantity_value: 3 },
        CouponMaxUse { coupon_type: pay_coupon_type::CASH_COUPON, coupon_group: Some(0), use_quantity_value: 1 },
    ]
}

/// O6's answer, seeded from the order id: about a third of orders have a partner-granted 5 %
/// discount, about one in ten a price adjustment (609) of 8 %.
fn discounts_for(o: &FullOrder) -> Vec<OrderDiscount> {
    let h = mix(o.id.bytes().fold(0x9e37_79b9_7f4a_7c15u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3)));
    let after = Amount::from_cents(o.money().after());
    let line = |rate: &str| {
        let r = Amount::parse(rate).expect("rate");
        DiscountOrder {
            order_id: o.id.clone(),
            order_line_items: vec![DiscountLine {
                order_line_item_ids: (1..=o.items.len()).map(|n| format!("{}-{n:06}", o.id)).collect(),
                discount_mode: discount_mode::DISCOUNT,
                discount_amount: Amount(after.0 * r.0).round2(),
                discount_ratio: Some(Amount(rust_decimal::Decimal::ONE - r.0)),
            }],
        }
    };
    let mut out = Vec::new();
    if h % 10 == 0 {
        out.push(OrderDiscount {
            discount_id: format!("ADJ{:012}", h % 1_000_000_000_000),
            discount_value: Some("0.92".into()),
            discount_type: discount_kind::PRICE_ADJUSTMENT,
            orders: vec![line("0.08")],
        });
    } else if h % 3 == 0 {
        out.push(OrderDiscount {
            discount_id: format!("PD{:012}", h % 1_000_000_000_000),
            discount_value: Some("0.95".into()),
            discount_type: discount_kind::PARTNER_GRANTED,
            orders: vec![line("0.05")],
        });
    }
    out
}

pub async fn order_coupons(
    State(state): State<AppState>,
    Extension(who): Extension<ForCustomer>,
    QueryParams(query): QueryParams<ListOrderCouponsRequest>,
) -> Result<Json<ListOrderCouponsResponse>, ApiFailure> {
    let order_id = query.check()?;
    let o = order_of(&state.data, who.customer, &order_id)?;
    let user_coupons = coupons_for(&state, who.customer, &o.id);
    Ok(Json(ListOrderCouponsResponse {
        count: Some(user_coupons.len() as u64),
        user_coupons,
        coupon_max_use_quantity: max_use(),
    }))
}

pub async fn order_discounts(
    State(state): State<AppState>,
    Extension(who): Extension<ForCustomer>,
    QueryParams(query): QueryParams<ListOrderDiscountsRequest>,
) -> Result<Json<ListOrderDiscountsResponse>, ApiFailure> {
    let order_id = query.check()?;
    let o = order_of(&state.data, who.customer, &order_id)?;
    Ok(Json(ListOrderDiscountsResponse { discounts: discounts_for(&o) }))
}

fn refused(code: &'static str, msg: impl Into<String>) -> ApiFailure {
    ApiFailure::new(StatusCode::BAD_REQUEST, code, msg)
}

pub async fn pay(
    State(state): State<AppState>,
    Extension(who): Extension<ForCustomer>,
    JsonBody(req): JsonBody<PayOrdersRequest>,
) -> Result<StatusCode, ApiFailure> {
    req.check()?;
    let data = &state.data;
    let o = order_of(data, who.customer, &req.order_id)?;
    // One payment at a time: the check and the payment are one step.
    let mut paid = state.payments.book();
    let key = (o.row.customer, o.row.ordinal);
    let now = state.vouchers.now();
    let status = effective(&paid, &o.row).status as i32;
    match payability(Some(status), o.pending_payment_end, now) {
        Payability::Payable => {}
        p => {
            let msg = match p {
                Payability::PastDeadline => "the order's payment deadline has passed",
                _ => "the order's status has changed: it is no longer pending payment",
            };
            return Err(refused(p.code().unwrap_or(codes::PAY_ORDER_STATUS_CHANGED), msg));
        }
    }
    let coupons = coupons_for(&state, who.customer, &o.id);
    let discounts = discounts_for(&o);
    let choice = Choice {
        coupons: req.coupon_infos.iter().map(|c| c.id.clone()).collect(),
        discount: req.discount_infos.first().map(|d| d.id.clone()),
    };
    // A coupon sent with another type than it has is not that coupon.
    if let Some(c) =
        req.coupon_infos.iter().find(|c| coupons.iter().any(|o| o.coupon_id == c.id && o.coupon_type != c.kind))
    {
        return Err(refused(codes::PAY_COUPON_USED, format!("coupon {} is not of type {}", c.id, c.kind)));
    }
    let quote = rules::quote(Amount::from_cents(o.money().after()), &coupons, &max_use(), &discounts, &choice)
        .map_err(|p| refused(p.code(), format!("the coupons or discount cannot be used: {p:?}")))?;
    let partner = data.customer(who.customer).partner;
    if quote.to_pay.is_positive() {
        state
            .accounts
            .pay_order(partner, quote.to_pay, &o.id, now)
            .map_err(|_| refused(codes::INSUFFICIENT_BALANCE, "the partner's balance is insufficient"))?;
    }
    {
        let mut ledger = state.vouchers.ledger();
        for (id, amount) in &quote.coupons {
            ledger.use_coupon(id, *amount, &o.id, now);
        }
    }
    paid.insert(key, Paid { at: now, amount: quote.to_pay });
    // Success is an empty body (§8 O7).
    Ok(StatusCode::OK)
}
