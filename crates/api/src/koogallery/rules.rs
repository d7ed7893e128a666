//! The rules of a price adjustment, one [`PriceProblem`] per rule, so the app can point at the
//! field and explain in either language, and the sandbox refuses with the same code. Two
//! steps, as the server applies them: [`check_input`] (the request alone: 400 `CBC.0100`
//! naming the field) and then [`check_against`] the order (its own codes). [`problems`] gives
//! both for a form. Also the list filters' checks and the change in percent for the
//! confirmation ("from ¥120.00 to ¥99.00, −17.5%").

use super::{
    status, AdjustPriceRequest, ListMarketplaceOrdersRequest, ListPriceAdjustRecordsRequest, MarketplaceOrder,
    MAX_ID_LEN, MAX_REASON_LEN,
};
use crate::codes;
use crate::money::Amount;
use crate::time::Instant;
use crate::validate::{one_of, text_opt, time_pair, Violation};
use rust_decimal::{Decimal, RoundingStrategy};

/// Why a proposed price change is refused; one variant per rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PriceProblem {
    /// `order_id` empty.
    OrderIdMissing,
    /// `order_id` longer than 64 characters.
    OrderIdTooLong,
    /// `new_amount` zero or negative.
    NotPositive,
    /// `new_amount` with more than 2 decimals.
    TooManyDecimals,
    /// `reason` empty once trimmed.
    ReasonMissing,
    /// `reason` longer than [`MAX_REASON_LEN`] characters once trimmed.
    ReasonTooLong,
    /// `expected_amount` given but negative or with more than 2 decimals.
    ExpectedAmountInvalid,
    /// The order is not pending payment (its effective status: a lapsed one is `CLOSED`).
    NotPending { status: String },
    /// `expected_amount` is not the order's current price: someone changed it meanwhile.
    StalePrice { current: Amount },
    /// Above the order's original price (a price can only go down from the list price).
    AboveOriginal { original: Amount },
    /// The same as the order's current price: nothing would change.
    SameAsCurrent,
}

impl PriceProblem {
    /// The request field to highlight.
    pub fn field(&self) -> &'static str {
        match self {
            PriceProblem::OrderIdMissing | PriceProblem::OrderIdTooLong | PriceProblem::NotPending { .. } => "order_id",
            PriceProblem::NotPositive
            | PriceProblem::TooManyDecimals
            | PriceProblem::AboveOriginal { .. }
            | PriceProblem::SameAsCurrent => "new_amount",
            PriceProblem::ReasonMissing | PriceProblem::ReasonTooLong => "reason",
            PriceProblem::ExpectedAmountInvalid | PriceProblem::StalePrice { .. } => "expected_amount",
        }
    }

    /// The `error_code` the server answers.
    pub fn code(&self) -> &'static str {
        match self {
            PriceProblem::NotPending { .. } => codes::KOO_ORDER_NOT_PENDING,
            PriceProblem::StalePrice { .. } => codes::KOO_PRICE_CHANGED,
            PriceProblem::AboveOriginal { .. } => codes::KOO_ABOVE_ORIGINAL,
            PriceProblem::SameAsCurrent => codes::KOO_SAME_PRICE,
            _ => codes::PARAM_ERROR,
        }
    }

    /// The HTTP status the server answers.
    pub fn http_status(&self) -> u16 {
        match self {
            PriceProblem::StalePrice { .. } => 409,
            _ => 400,
        }
    }

    /// The `error_msg` the server answers; for `CBC.0100` in the `parameter '…' …` form that
    /// `ApiError::parameter` reads back. Never shown as such: the app translates the variant.
    pub fn message(&self) -> String {
        match self {
            PriceProblem::OrderIdMissing => Violation::new("order_id", "is required").message(),
            PriceProblem::OrderIdTooLong => {
                Violation::new("order_id", format!("must be at most {MAX_ID_LEN} characters")).message()
            }
            PriceProblem::NotPositive => Violation::new("new_amount", "must be greater than 0").message(),
            PriceProblem::TooManyDecimals => Violation::new("new_amount", "must have at most 2 decimals").message(),
            PriceProblem::ReasonMissing => Violation::new("reason", "is required").message(),
            PriceProblem::ReasonTooLong => {
                Violation::new("reason", format!("must be at most {MAX_REASON_LEN} characters")).message()
            }
            PriceProblem::ExpectedAmountInvalid => {
                Violation::new("expected_amount", "must be 0 or more with at most 2 decimals").message()
            }
            PriceProblem::NotPending { status } => {
                format!("the order is {status}: only a pending order's price changes")
            }
            PriceProblem::StalePrice { current } => {
                format!("the order's price changed meanwhile: it is now {current}")
            }
            PriceProblem::AboveOriginal { original } => {
                format!("the new price must not be above the original price {original}")
            }
            PriceProblem::SameAsCurrent => "the new price is the order's current price".into(),
        }
    }

    /// Whether the server answers it before looking at the order (400 `CBC.0100`).
    pub fn is_input(&self) -> bool {
        self.code() == codes::PARAM_ERROR
    }
}

/// The rules on the request alone, in field order: `order_id` (1–64), `new_amount` (> 0, ≤ 2
/// decimals), `reason` (1–200 trimmed), `expected_amount` (≥ 0, ≤ 2 decimals) when given.
pub fn check_input(req: &AdjustPriceRequest) -> Vec<PriceProblem> {
    let mut out = Vec::new();
    if req.order_id.is_empty() {
        out.push(PriceProblem::OrderIdMissing);
    } else if req.order_id.chars().count() > MAX_ID_LEN {
        out.push(PriceProblem::OrderIdTooLong);
    }
    if !req.new_amount.is_positive() {
        out.push(PriceProblem::NotPositive);
    } else if req.new_amount.decimals() > 2 {
        out.push(PriceProblem::TooManyDecimals);
    }
    let reason = req.reason.trim();
    if reason.is_empty() {
        out.push(PriceProblem::ReasonMissing);
    } else if reason.chars().count() > MAX_REASON_LEN {
        out.push(PriceProblem::ReasonTooLong);
    }
    if req.expected_amount.is_some_and(|e| (e.0.is_sign_negative() && !e.0.is_zero()) || e.decimals() > 2) {
        out.push(PriceProblem::ExpectedAmountInvalid);
    }
    out
}

/// The rules against the order as it is now (its effective status), in the order the server
/// applies them: pending payment, the price the person saw (`expected_amount`), at most the
/// original price, not the current price.
pub fn check_against(order: &MarketplaceOrder, req: &AdjustPriceRequest) -> Vec<PriceProblem> {
    let mut out = Vec::new();
    if order.status != status::PENDING_PAYMENT {
        out.push(PriceProblem::NotPending { status: order.status.clone() });
    }
    if req.expected_amount.is_some_and(|e| e != order.amount) {
        out.push(PriceProblem::StalePrice { current: order.amount });
    }
    if req.new_amount > order.original_amount {
        out.push(PriceProblem::AboveOriginal { original: order.original_amount });
    } else if req.new_amount == order.amount {
        out.push(PriceProblem::SameAsCurrent);
    }
    out
}

/// Every problem of a proposed change, input first: what a form shows at once. The first one
/// is what the server answers.
pub fn problems(order: &MarketplaceOrder, req: &AdjustPriceRequest) -> Vec<PriceProblem> {
    let mut out = check_input(req);
    out.extend(check_against(order, req));
    out
}

/// The change from the original price in percent, to one decimal, half away from zero:
/// 120.00 → 99.00 is `-17.5`. `None` when the original price is 0.
pub fn percent_of_original(original: Amount, new_amount: Amount) -> Option<Decimal> {
    if original.0.is_zero() {
        return None;
    }
    let pct = (new_amount.0 - original.0) * Decimal::ONE_HUNDRED / original.0;
    Some(pct.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero).normalize())
}

/// `-17.5%`, `0%`, `+3.2%` (a minus sign, U+2212, as typeset).
pub fn percent_text(pct: Decimal) -> String {
    if pct.is_sign_negative() && !pct.is_zero() {
        format!("\u{2212}{}%", pct.abs())
    } else if pct.is_zero() {
        "0%".into()
    } else {
        format!("+{pct}%")
    }
}

/// A checked list filter's time range.
pub type TimeRange = (Option<Instant>, Option<Instant>);

impl ListMarketplaceOrdersRequest {
    /// The first invalid filter (400 `CBC.0100`), else the creation-time range.
    pub fn check(&self) -> Result<TimeRange, Violation> {
        text_opt("customer_id", self.customer_id.as_deref(), MAX_ID_LEN)?;
        if let Some(s) = &self.status {
            one_of("status", s, status::ALL)?;
        }
        text_opt("order_id", self.order_id.as_deref(), MAX_ID_LEN)?;
        time_pair(
            "create_time_begin",
            self.create_time_begin.as_deref(),
            "create_time_end",
            self.create_time_end.as_deref(),
        )
    }
}

impl ListPriceAdjustRecordsRequest {
    /// The first invalid filter (400 `CBC.0100`), else the operation-time range.
    pub fn check(&self) -> Result<TimeRange, Violation> {
        text_opt("order_id", self.order_id.as_deref(), MAX_ID_LEN)?;
        text_opt("customer_id", self.customer_id.as_deref(), MAX_ID_LEN)?;
        time_pair(
            "operation_time_begin",
            self.operation_time_begin.as_deref(),
            "operation_time_end",
            self.operation_time_end.as_deref(),
        )
    }
}

/// `order_id` as the list filter compares it: case-insensitive.
pub fn same_order_id(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}
