//! The rules of a balance payment, shared by the app (what the confirmation shows) and the
//! sandbox (what O7 takes), so both compute the same amount:
//! - whether an order can be paid now ([`payability`]);
//! - what a choice of coupons and discount costs ([`quote`]), refused with the O7 code the
//!   server would answer;
//! - how the amount is taken from the partner's accounts: cash first, then credit ([`split`]);
//! - what an order's status means after an O7 answer was lost ([`after_unknown`]): paying is
//!   never sent again until the order is read back as still pending.

use super::{discount_kind, order_coupon_status, pay_coupon_type, OrderCoupon, OrderDiscount, PayCoupon, PayDiscount};
use super::{CouponMaxUse, MAX_COUPONS};
use crate::accounts::account_type;
use crate::accounts::balances::ListPartnerBalancesResponse;
use crate::codes;
use crate::orders::order_status;
use crate::time::Instant;
use crate::Amount;

/// Whether an order can be paid now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payability {
    Payable,
    /// Not pending payment (paid, cancelled, …): O7 answers `CBC.99003106`.
    NotPending(i32),
    /// Its payment deadline has passed: `CBC.99003110`.
    PastDeadline,
}

pub fn payability(status: Option<i32>, deadline: Option<Instant>, now: Instant) -> Payability {
    match status {
        Some(order_status::PENDING_PAYMENT) if deadline.is_some_and(|d| d <= now) => Payability::PastDeadline,
        Some(order_status::PENDING_PAYMENT) => Payability::Payable,
        other => Payability::NotPending(other.unwrap_or_default()),
    }
}

impl Payability {
    /// The O7 code for an order that cannot be paid.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Payability::Payable => None,
            Payability::NotPending(_) => Some(codes::PAY_ORDER_STATUS_CHANGED),
            Payability::PastDeadline => Some(codes::PAY_PAST_DEADLINE),
        }
    }
}

/// What the person chose: coupon ids in the order they are applied, and at most one discount.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    pub coupons: Vec<String>,
    pub discount: Option<String>,
}

impl Choice {
    /// The starting choice: no coupon, and the order's price adjustment (609) when it has one,
    /// since the order must be paid with it.
    pub fn initial(discounts: &[OrderDiscount]) -> Choice {
        let discount = discounts
            .iter()
            .find(|d| d.discount_type == discount_kind::PRICE_ADJUSTMENT)
            .map(|d| d.discount_id.clone());
        Choice { coupons: Vec::new(), discount }
    }
}

/// Why a choice cannot be paid with; each maps to the O7 code the server answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceProblem {
    /// More than three coupons (`CBC.0100` on `coupon_infos`).
    TooManyCoupons,
    /// More coupons of one type than the order allows.
    TooManyOfType {
        coupon_type: i32,
        max: u32,
    },
    /// Not one of the order's coupons.
    UnknownCoupon(String),
    /// Locked by another order, not yet valid, or otherwise not usable: `CBC.99003112`.
    CouponNotUsable(String),
    /// The amount is covered already: the coupon would be locked for nothing.
    CouponNotNeeded(String),
    UnknownDiscount(String),
    /// The order has a price adjustment (609) and must be paid with it: `CBC.99003108`.
    PriceAdjustmentRequired(String),
    /// A discount coupon (300) together with a discount: `CBC.99003116`.
    CouponWithDiscount,
    /// A voucher (301) together with a discount coupon (300): `CBC.99003147`.
    VoucherWithDiscountCoupon,
}

impl ChoiceProblem {
    pub fn code(&self) -> &'static str {
        match self {
            ChoiceProblem::TooManyCoupons
            | ChoiceProblem::TooManyOfType { .. }
            | ChoiceProblem::UnknownCoupon(_)
            | ChoiceProblem::UnknownDiscount(_) => codes::PARAM_ERROR,
            ChoiceProblem::CouponNotUsable(_) | ChoiceProblem::CouponNotNeeded(_) => codes::PAY_COUPON_USED,
            ChoiceProblem::PriceAdjustmentRequired(_) => codes::PAY_DISCOUNT_NOT_APPLICABLE,
            ChoiceProblem::CouponWithDiscount => codes::PAY_COUPON_WITH_DISCOUNT,
            ChoiceProblem::VoucherWithDiscountCoupon => codes::PAY_VOUCHER_WITH_DISCOUNT_COUPON,
        }
    }
}

/// What a choice costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The order's amount before the choice (`amount_after_discount` of O2).
    pub order_amount: Amount,
    /// Taken off by the chosen discount.
    pub discount: Amount,
    /// Each chosen coupon and what it covers, in the order applied.
    pub coupons: Vec<(String, Amount)>,
    /// What the partner's balance pays.
    pub to_pay: Amount,
}

impl Quote {
    pub fn coupons_total(&self) -> Amount {
        Amount(self.coupons.iter().map(|(_, a)| a.0).sum())
    }
}

/// The cost of `choice` for an order of `order_amount` with these coupons (O5) and discounts (O6).
pub fn quote(
    order_amount: Amount,
    coupons: &[OrderCoupon],
    max_use: &[CouponMaxUse],
    discounts: &[OrderDiscount],
    choice: &Choice,
) -> Result<Quote, ChoiceProblem> {
    if choice.coupons.len() > MAX_COUPONS {
        return Err(ChoiceProblem::TooManyCoupons);
    }
    let chosen: Vec<&OrderCoupon> = choice
        .coupons
        .iter()
        .map(|id| coupons.iter().find(|c| &c.coupon_id == id).ok_or_else(|| ChoiceProblem::UnknownCoupon(id.clone())))
        .collect::<Result<_, _>>()?;
    if let Some(c) = chosen.iter().find(|c| c.status != order_coupon_status::USABLE) {
        return Err(ChoiceProblem::CouponNotUsable(c.coupon_id.clone()));
    }
    for m in max_use {
        let n = chosen.iter().filter(|c| c.coupon_type == m.coupon_type).count() as u32;
        if n > m.use_quantity_value {
            return Err(ChoiceProblem::TooManyOfType { coupon_type: m.coupon_type, max: m.use_quantity_value });
        }
    }
    let discount = match &choice.discount {
        Some(id) => Some(
            discounts
                .iter()
                .find(|d| &d.discount_id == id)
                .ok_or_else(|| ChoiceProblem::UnknownDiscount(id.clone()))?,
        ),
        None => None,
    };
    if let Some(adj) = discounts.iter().find(|d| d.discount_type == discount_kind::PRICE_ADJUSTMENT) {
        if discount.is_none_or(|d| d.discount_id != adj.discount_id) {
            return Err(ChoiceProblem::PriceAdjustmentRequired(adj.discount_id.clone()));
        }
    }
    let has = |t: i32| chosen.iter().any(|c| c.coupon_type == t);
    if discount.is_some() && has(pay_coupon_type::DISCOUNT_COUPON) {
        return Err(ChoiceProblem::CouponWithDiscount);
    }
    if has(pay_coupon_type::VOUCHER) && has(pay_coupon_type::DISCOUNT_COUPON) {
        return Err(ChoiceProblem::VoucherWithDiscountCoupon);
    }
    let off = discount.map(OrderDiscount::amount).unwrap_or_default().0.min(order_amount.0).max(Amount::ZERO.0);
    let mut left = order_amount.0 - off;
    let mut applied = Vec::with_capacity(chosen.len());
    for c in chosen {
        let take = c.balance.0.min(left).max(Amount::ZERO.0);
        if take.is_zero() {
            return Err(ChoiceProblem::CouponNotNeeded(c.coupon_id.clone()));
        }
        left -= take;
        applied.push((c.coupon_id.clone(), Amount(take).round2()));
    }
    Ok(Quote { order_amount, discount: Amount(off).round2(), coupons: applied, to_pay: Amount(left).round2() })
}

/// The O7 body's coupons and discount for a choice.
pub fn pay_infos(
    coupons: &[OrderCoupon],
    discounts: &[OrderDiscount],
    choice: &Choice,
) -> (Vec<PayCoupon>, Option<PayDiscount>) {
    let cs = choice
        .coupons
        .iter()
        .filter_map(|id| coupons.iter().find(|c| &c.coupon_id == id))
        .map(|c| PayCoupon { id: c.coupon_id.clone(), kind: c.coupon_type })
        .collect();
    let d = choice
        .discount
        .as_ref()
        .and_then(|id| discounts.iter().find(|d| &d.discount_id == id))
        .map(|d| PayDiscount { id: d.discount_id.clone(), kind: d.discount_type });
    (cs, d)
}

/// What the partner can pay from (R2): cash available (amount − designated) and credit left.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Funds {
    pub cash: Amount,
    pub credit: Amount,
}

impl Funds {
    /// From R2: the cash account's part that may be spent (`amount − designated_amount`) and
    /// the credit still available.
    pub fn of(r: &ListPartnerBalancesResponse) -> Funds {
        let credit = r.account(account_type::CREDIT).map(|a| a.amount).unwrap_or_default();
        Funds { cash: r.allocatable(), credit }
    }

    pub fn total(self) -> Amount {
        Amount(self.cash.0 + self.credit.0)
    }
}

/// How `amount` is taken: cash first, then credit; `None` when both together fall short
/// (`CBC.99005003`).
pub fn split(amount: Amount, funds: Funds) -> Option<(Amount, Amount)> {
    if amount.0 > funds.total().0 {
        return None;
    }
    let cash = amount.0.min(funds.cash.0.max(Amount::ZERO.0));
    Some((Amount(cash), Amount(amount.0 - cash)))
}

/// The funds after paying `amount` (as the confirmation shows them), if it can be paid.
pub fn funds_after(amount: Amount, funds: Funds) -> Option<Funds> {
    split(amount, funds)
        .map(|(cash, credit)| Funds { cash: Amount(funds.cash.0 - cash.0), credit: Amount(funds.credit.0 - credit.0) })
}

/// What the order's status, read back after an O7 answer was lost (timeout, cut connection,
/// 5xx), says about that payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterUnknown {
    /// It went through: never pay again.
    Paid,
    /// Still pending payment: the payment did not happen; paying again is safe.
    StillPending,
    /// Cancelled or otherwise changed: nothing to pay.
    Changed(i32),
}

pub fn after_unknown(status: Option<i32>) -> AfterUnknown {
    match status {
        Some(order_status::COMPLETED | order_status::PROCESSING) => AfterUnknown::Paid,
        Some(order_status::PENDING_PAYMENT) => AfterUnknown::StillPending,
        other => AfterUnknown::Changed(other.unwrap_or_default()),
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
