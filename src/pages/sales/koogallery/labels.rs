//! S12's codes and refusals in words: an order's status, and each problem of a price draft
//! (the contract's rules) as the field's message.

use crate::format;
use crate::i18n::{KgAboveOriginal, KgNotPending, KgReasonTooLong, KgStale, Locale, Msg};
use partner_api::koogallery::form::DraftProblem;
use partner_api::koogallery::rules::PriceProblem;
use partner_api::koogallery::{status, MAX_REASON_LEN};

pub fn status_msg(code: &str) -> Option<Msg> {
    Some(match code {
        status::PENDING_PAYMENT => Msg::KgStatusPending,
        status::PAID => Msg::KgStatusPaid,
        status::CANCELLED => Msg::StCancelled,
        status::CLOSED => Msg::KgStatusClosed,
        _ => return None,
    })
}

/// A status in words (an unknown one as it came).
pub fn status_text(code: &str, l: Locale) -> String {
    status_msg(code).map_or_else(|| code.to_string(), |m| m.text(l).to_string())
}

pub fn status_class(code: &str) -> &'static str {
    match code {
        status::PENDING_PAYMENT => "tag tag-negotiation",
        status::PAID => "tag tag-won",
        _ => "tag",
    }
}

/// The message of one problem, in `currency` for the amounts it names.
pub fn problem_text(p: &DraftProblem, currency: &str, l: Locale) -> String {
    let money = |a| format::money(&a, currency);
    match p {
        DraftProblem::PriceMissing => Msg::KgPriceMissing.text(l).into(),
        DraftProblem::PriceNotANumber => Msg::KgPriceNotANumber.text(l).into(),
        DraftProblem::Rule(r) => match r {
            PriceProblem::NotPositive => Msg::KgNotPositive.text(l).into(),
            PriceProblem::TooManyDecimals => Msg::KgTooManyDecimals.text(l).into(),
            PriceProblem::AboveOriginal { original } => KgAboveOriginal { original: &money(*original) }.text(l),
            PriceProblem::SameAsCurrent => Msg::KgSameAsCurrent.text(l).into(),
            PriceProblem::ReasonMissing => Msg::KgReasonMissing.text(l).into(),
            PriceProblem::ReasonTooLong => KgReasonTooLong { max: &MAX_REASON_LEN }.text(l),
            PriceProblem::NotPending { status } => KgNotPending { status: &status_text(status, l) }.text(l),
            PriceProblem::StalePrice { current } => KgStale { current: &money(*current) }.text(l),
            // The dialog fills these itself; the server's words if it ever answers them.
            PriceProblem::OrderIdMissing | PriceProblem::OrderIdTooLong | PriceProblem::ExpectedAmountInvalid => {
                r.message()
            }
        },
    }
}
