//! The price form of S12 as the app fills it: the typed price read as an amount, every problem
//! of the draft at once (one per field, as [`super::rules`] names them), the request to send,
//! and what a lost answer meant, told from the order as it is read again afterwards.

use super::rules::{problems, PriceProblem};
use super::{AdjustPriceRequest, MarketplaceOrder, PriceAdjustRecord};
use crate::money::Amount;

/// Why a draft cannot be sent: the price text not being a price, or a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    /// Nothing typed in the new price.
    PriceMissing,
    /// Not a plain decimal number (`99`, `99.5`, `1,299.00`, `¥99`).
    PriceNotANumber,
    Rule(PriceProblem),
}

impl DraftProblem {
    /// The form field to highlight: `new_amount`, `reason` or `order_id` (the order itself).
    pub fn field(&self) -> &'static str {
        match self {
            DraftProblem::PriceMissing | DraftProblem::PriceNotANumber => "new_amount",
            DraftProblem::Rule(p) => match p.field() {
                // The person did not type the price they saw: the order changed under them.
                "expected_amount" => "order_id",
                f => f,
            },
        }
    }
}

/// Reads a typed price: digits with at most one decimal point, optionally a leading `¥`/`￥`
/// and thousands commas. The amount is exact (no float), with its decimals as typed.
pub fn parse_price(text: &str) -> Result<Amount, DraftProblem> {
    let t = text.trim().trim_start_matches(['¥', '￥']).trim().replace(',', "");
    if t.is_empty() {
        return Err(if text.trim().is_empty() { DraftProblem::PriceMissing } else { DraftProblem::PriceNotANumber });
    }
    let plain = t.chars().all(|c| c.is_ascii_digit() || c == '.') && t.matches('.').count() <= 1 && t != ".";
    if !plain {
        return Err(DraftProblem::PriceNotANumber);
    }
    Amount::parse(&t).ok_or(DraftProblem::PriceNotANumber)
}

/// The request for `order` at the price the person saw (`expected_amount`: a change made
/// meanwhile by someone else is refused, never overwritten), or every problem of the draft.
pub fn check_draft(
    order: &MarketplaceOrder,
    price_text: &str,
    reason: &str,
) -> Result<AdjustPriceRequest, Vec<DraftProblem>> {
    let mut out = Vec::new();
    let price = parse_price(price_text).map_err(|p| out.push(p)).ok();
    let req = AdjustPriceRequest {
        order_id: order.order_id.clone(),
        new_amount: price.unwrap_or(order.amount),
        reason: reason.trim().to_string(),
        expected_amount: Some(order.amount),
    };
    for p in problems(order, &req) {
        // Without a price the price rules say nothing (they would judge the placeholder).
        let about_price = p.field() == "new_amount";
        if price.is_some() || !about_price {
            out.push(DraftProblem::Rule(p));
        }
    }
    if out.is_empty() {
        Ok(req)
    } else {
        Err(out)
    }
}

/// What became of a change whose answer was lost (timeout, cut connection, 5xx), told from
/// the order read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LostChange {
    /// The order has the new price: the change was made (the record's id when found).
    Applied { adjust_id: Option<String> },
    /// The order still has the price the person saw: nothing changed, sending again is safe
    /// (and would be refused as stale, not applied twice, had it been made after all).
    NotApplied,
    /// The order has another price or is no longer pending: someone else acted; the person
    /// decides again from the order as it is now.
    Overtaken,
}

/// Settles a lost change from the order read again (`None`: it is no longer listed, e.g. no
/// longer visible) and its records, newest first.
pub fn settle_lost(
    sent: &AdjustPriceRequest,
    now: Option<&MarketplaceOrder>,
    records: &[PriceAdjustRecord],
) -> LostChange {
    let Some(order) = now else { return LostChange::Overtaken };
    if order.amount == sent.new_amount {
        let adjust_id = records
            .iter()
            .find(|r| {
                super::rules::same_order_id(&r.order_id, &sent.order_id)
                    && r.new_amount == sent.new_amount
                    && sent.expected_amount.is_none_or(|e| r.old_amount == e)
            })
            .map(|r| r.adjust_id.clone());
        return LostChange::Applied { adjust_id };
    }
    if sent.expected_amount == Some(order.amount) && order.status == super::status::PENDING_PAYMENT {
        LostChange::NotApplied
    } else {
        LostChange::Overtaken
    }
}
