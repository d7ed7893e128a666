//! The moves of paying one order. Views call these methods; they never set the flow.
//!
//! Paying is never sent twice: the button is disabled while O7 is in flight, and when its
//! answer is lost (5xx, timeout, cut connection) or the server says the order's status changed,
//! the order is read back (O2) first: paid → done (or paid elsewhere); still pending → "pay
//! again" is offered; unreadable → only "check again".

use super::state::{Flow, Offer};
use crate::api::acting::{use_acting, Acting};
use crate::api::{use_api, Api};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::accounts::balances::{ListPartnerBalancesRequest, ListPartnerBalancesResponse};
use partner_api::acting::Agency;
use partner_api::customers::ListSubCustomersRequest;
use partner_api::orders::{CustomerOrderV3, ShowCustomerOrderDetailsRequest};
use partner_api::payment::rules::{
    self, after_unknown, payability, AfterUnknown, Choice, ChoiceProblem, Funds, Payability, Quote,
};
use partner_api::payment::{ListOrderCouponsRequest, ListOrderDiscountsRequest, PayOrdersRequest};
use partner_api::{codes, ApiError, ErrorKind};

/// A lost answer: the call may or may not have been processed.
fn ambiguous(e: &ApiError) -> bool {
    matches!(e.kind(), ErrorKind::Server | ErrorKind::Network | ErrorKind::Timeout)
}

#[derive(Clone, Copy)]
pub struct Payment {
    pub flow: RwSignal<Flow>,
    pub order_id: StoredValue<String>,
    pub order: RwSignal<Option<CustomerOrderV3>>,
    pub agency: RwSignal<Option<Agency>>,
    /// The partner's accounts (R2), read on opening and after paying.
    pub funds: RwSignal<Option<Result<ListPartnerBalancesResponse, ApiError>>>,
    pub choice: RwSignal<Choice>,
    api: Api,
    acting: Acting,
}

impl Payment {
    pub fn new(order_id: String) -> Self {
        let p = Payment {
            flow: RwSignal::new(Flow::Loading),
            order_id: StoredValue::new(order_id),
            order: RwSignal::new(None),
            agency: RwSignal::new(None),
            funds: RwSignal::new(None),
            choice: RwSignal::new(Choice::default()),
            api: use_api(),
            acting: use_acting(),
        };
        p.load();
        p.load_funds();
        p
    }

    fn set(&self, flow: Flow) {
        self.flow.try_set(flow);
    }

    pub fn customer_id(&self) -> String {
        self.order.with_untracked(|o| o.as_ref().and_then(|o| o.customer_id.clone()).unwrap_or_default())
    }

    pub fn currency(&self) -> String {
        self.order.with(|o| o.as_ref().and_then(|o| o.currency.clone()).unwrap_or_else(|| "CNY".into()))
    }

    /// What the partner can pay from, once R2 answered.
    pub fn funds_now(&self) -> Option<Funds> {
        self.funds.with(|f| f.as_ref().and_then(|r| r.as_ref().ok()).map(Funds::of))
    }

    pub fn load_funds(&self) {
        let (api, funds) = (self.api, self.funds);
        spawn_local(async move {
            let r = api.call(&ListPartnerBalancesRequest::default()).await;
            funds.try_set(Some(r));
        });
    }

    /// Reads the order (O2) and its customer (C1), then goes to the step that fits.
    pub fn load(&self) {
        let me = *self;
        me.set(Flow::Loading);
        spawn_local(async move {
            let request = ShowCustomerOrderDetailsRequest { order_id: me.order_id.get_value(), ..Default::default() };
            let order = match me.api.call(&request).await {
                Ok(r) => r.order_info,
                Err(e) => return me.set(Flow::LoadFailed(e)),
            };
            let Some(order) = order else {
                return me.set(Flow::LoadFailed(not_found()));
            };
            let p = payability(order.status, order.pending_payment_end_time, crate::api::server_clock::now());
            let customer_id = order.customer_id.clone().unwrap_or_default();
            me.order.try_set(Some(order));
            if p != Payability::Payable {
                return me.set(Flow::NotPayable(p));
            }
            let lookup = ListSubCustomersRequest { customer_id: Some(customer_id.clone()), ..Default::default() };
            let agency = match me.api.call(&lookup).await {
                Ok(r) => r.customer_infos.iter().find(|c| c.customer_id == customer_id).and_then(Agency::of),
                Err(e) => return me.set(Flow::LoadFailed(e)),
            };
            me.agency.try_set(agency);
            if untrack(|| me.acting.is_for(&customer_id)) {
                me.load_offer();
            } else {
                me.set(Flow::NeedsAgency);
            }
        });
    }

    /// X2: asks for the customer's token, then reads what the order may be paid with.
    pub fn authorise(&self) {
        let me = *self;
        if me.flow.with_untracked(Flow::busy) {
            return;
        }
        let Some(agency) = me.agency.get_untracked() else {
            return me.set(Flow::AgencyRefused(no_agency()));
        };
        me.set(Flow::Authorising);
        spawn_local(async move {
            match me.acting.start(me.api, &agency).await {
                Ok(()) => me.load_offer(),
                Err(e) => me.set(Flow::AgencyRefused(e)),
            }
        });
    }

    /// O5 and O6 with the customer's token; the choice starts with the order's required discount.
    pub fn load_offer(&self) {
        let me = *self;
        me.set(Flow::LoadingOffer);
        let (order_id, customer) = (me.order_id.get_value(), me.customer_id());
        let acting = me.acting;
        spawn_local(async move {
            let coupons = acting.call(me.api, &customer, &ListOrderCouponsRequest::for_order(&order_id)).await;
            let discounts = acting.call(me.api, &customer, &ListOrderDiscountsRequest::for_order(&order_id)).await;
            match (coupons, discounts) {
                (Ok(c), Ok(d)) => {
                    let offer =
                        Offer { coupons: c.user_coupons, max_use: c.coupon_max_use_quantity, discounts: d.discounts };
                    me.choice.try_set(Choice::initial(&offer.discounts));
                    me.set(Flow::Choosing(offer));
                }
                (Err(e), _) | (_, Err(e)) if e.code == codes::CUSTOMER_TOKEN_EXPIRED => me.set(Flow::AgencyRefused(e)),
                (Err(e), _) | (_, Err(e)) => me.set(Flow::OfferFailed(e)),
            }
        });
    }

    /// Whether the customer's token is held for this order's customer (tracked): paying needs it.
    pub fn acting_now(&self) -> bool {
        let customer = self.order.with(|o| o.as_ref().and_then(|o| o.customer_id.clone()).unwrap_or_default());
        self.acting.is_for(&customer)
    }

    /// What the current choice costs (tracked).
    pub fn quote(&self) -> Option<Result<Quote, ChoiceProblem>> {
        let amount = self.order.with(|o| o.as_ref().and_then(|o| o.amount_after_discount))?;
        self.flow.with(|f| {
            f.offer().map(|o| self.choice.with(|c| rules::quote(amount, &o.coupons, &o.max_use, &o.discounts, c)))
        })
    }

    pub fn toggle_coupon(&self, id: &str) {
        self.choice.update(|c| match c.coupons.iter().position(|x| x == id) {
            Some(i) => {
                c.coupons.remove(i);
            }
            None => c.coupons.push(id.to_string()),
        });
    }

    pub fn set_discount(&self, id: Option<String>) {
        self.choice.update(|c| c.discount = id);
    }

    /// Opens the confirmation, if the choice can be paid with.
    pub fn ask_confirm(&self) {
        let offer = self.flow.with_untracked(|f| match f {
            Flow::Choosing(o) | Flow::Refused(o, _) => Some(o.clone()),
            _ => None,
        });
        if let (Some(offer), Some(Ok(q))) = (offer, self.quote_untracked()) {
            self.set(Flow::Confirming(offer, q));
        }
    }

    fn quote_untracked(&self) -> Option<Result<Quote, ChoiceProblem>> {
        untrack(|| self.quote())
    }

    pub fn cancel_confirm(&self) {
        if let Flow::Confirming(o, _) = self.flow.get_untracked() {
            self.set(Flow::Choosing(o));
        }
    }

    /// O7. Only from the confirmation, so one click pays once.
    pub fn pay(&self) {
        let me = *self;
        let Flow::Confirming(offer, quote) = me.flow.get_untracked() else { return };
        me.set(Flow::Paying(offer.clone(), quote.clone()));
        let (coupons, discount) = me.choice.with_untracked(|c| rules::pay_infos(&offer.coupons, &offer.discounts, c));
        let request = PayOrdersRequest::new(&me.order_id.get_value(), coupons, discount);
        let customer = me.customer_id();
        spawn_local(async move {
            match me.acting.call(me.api, &customer, &request).await {
                Ok(_) => me.paid(quote, false),
                Err(e) if ambiguous(&e) || e.code == codes::PAY_ORDER_STATUS_CHANGED => me.check(offer, quote, e),
                Err(e) => me.set(Flow::Refused(offer, e)),
            }
        });
    }

    fn paid(&self, quote: Quote, reconciled: bool) {
        self.set(Flow::Done { quote, reconciled });
        self.load_funds();
    }

    /// Reads the order back after a lost or "status changed" answer.
    fn check(&self, offer: Offer, quote: Quote, lost: ApiError) {
        let me = *self;
        me.set(Flow::Checking(offer.clone(), quote.clone(), lost.clone()));
        let request = ShowCustomerOrderDetailsRequest { order_id: me.order_id.get_value(), ..Default::default() };
        spawn_local(async move {
            let read = me.api.call(&request).await;
            let order = match read {
                Ok(r) => r.order_info,
                Err(_) => return me.set(Flow::Unknown(offer, quote, lost)),
            };
            let status = order.as_ref().and_then(|o| o.status);
            let elsewhere = lost.code == codes::PAY_ORDER_STATUS_CHANGED;
            if let Some(o) = order {
                me.order.try_set(Some(o));
            }
            match after_unknown(status) {
                AfterUnknown::Paid if elsewhere => {
                    me.set(Flow::PaidElsewhere);
                    me.load_funds();
                }
                AfterUnknown::Paid => me.paid(quote, true),
                AfterUnknown::StillPending => me.set(Flow::Refused(offer, lost)),
                AfterUnknown::Changed(s) => me.set(Flow::NotPayable(Payability::NotPending(s))),
            }
        });
    }

    /// "Check again" after the read-back failed.
    pub fn check_again(&self) {
        if let Flow::Unknown(o, q, e) = self.flow.get_untracked() {
            self.check(o, q, e);
        }
    }
}

fn not_found() -> ApiError {
    ApiError { status: 404, code: codes::PAY_INVALID_ORDER.into(), message: "no such order".into(), request_id: None }
}

/// C1 gave no account or platform id for the customer: assume_role cannot be asked.
fn no_agency() -> ApiError {
    ApiError { status: 403, code: codes::AGENCY_NOT_FOUND.into(), message: "no agency".into(), request_id: None }
}
