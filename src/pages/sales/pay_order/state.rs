//! Where paying one order stands. Data that only exists in a step lives in its variant: a
//! quote only once coupons and discount are loaded, a lost answer only while it is checked.

use partner_api::payment::rules::{Payability, Quote};
use partner_api::payment::{CouponMaxUse, OrderCoupon, OrderDiscount};
use partner_api::ApiError;

/// What the order may be paid with (O5, O6), loaded with the customer's token.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub coupons: Vec<OrderCoupon>,
    pub max_use: Vec<CouponMaxUse>,
    pub discounts: Vec<OrderDiscount>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// Reading the order (O2) and the customer (C1).
    Loading,
    LoadFailed(ApiError),
    /// The order cannot be paid now (paid, cancelled, past its deadline).
    NotPayable(Payability),
    /// Paying needs a customer token: "Act for the customer" is offered.
    NeedsAgency,
    Authorising,
    /// assume_role refused (no agency, not authorised, expired) or failed.
    AgencyRefused(ApiError),
    /// Reading the coupons and discounts (O5, O6).
    LoadingOffer,
    OfferFailed(ApiError),
    /// The person chooses coupons and a discount (the choice is the controller's signal).
    Choosing(Offer),
    /// The confirmation with the total is open.
    Confirming(Offer, Quote),
    /// O7 is in flight: the button is disabled.
    Paying(Offer, Quote),
    /// The answer was lost: the order's status is read back before anything else.
    Checking(Offer, Quote, ApiError),
    /// Reading back failed too: only "Check again" is offered, never "Pay".
    Unknown(Offer, Quote, ApiError),
    /// O7 refused (its code explained); the person may change the choice.
    Refused(Offer, ApiError),
    /// Paid. `reconciled`: learnt by reading back after a lost answer.
    Done {
        quote: Quote,
        reconciled: bool,
    },
    /// Found paid by someone else (another tab or person): nothing was taken twice.
    PaidElsewhere,
}

impl Flow {
    /// A call is under way: every action waits.
    pub fn busy(&self) -> bool {
        matches!(self, Flow::Loading | Flow::Authorising | Flow::LoadingOffer | Flow::Paying(..) | Flow::Checking(..))
    }

    /// The offer, in the steps that have one.
    pub fn offer(&self) -> Option<&Offer> {
        match self {
            Flow::Choosing(o)
            | Flow::Confirming(o, _)
            | Flow::Paying(o, _)
            | Flow::Checking(o, _, _)
            | Flow::Unknown(o, _, _)
            | Flow::Refused(o, _) => Some(o),
            _ => None,
        }
    }
}
