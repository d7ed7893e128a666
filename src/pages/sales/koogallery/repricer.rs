//! Changing one order's price: the dialog's controller. The request carries the price the
//! person saw (`expected_amount`), so a change made meanwhile by someone else is refused, never
//! overwritten, and sending again can never apply a change twice. A lost answer (timeout, cut
//! connection, 5xx) is settled by reading the order again (`form::settle_lost`) before
//! anything else is offered; a refusal about the order (stale, no longer pending) reads it
//! again too, so the form shows the order as it is now and keeps what was typed.

use crate::api::{use_api, Api};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::codes;
use partner_api::error::ErrorKind;
use partner_api::koogallery::form::{settle_lost, DraftProblem, LostChange};
use partner_api::koogallery::rules::PriceProblem;
use partner_api::koogallery::{
    AdjustPriceRequest, ListMarketplaceOrdersRequest, ListPriceAdjustRecordsRequest, MarketplaceOrder,
};
use partner_api::ApiError;

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Editing,
    /// Checked: old → new shown before it is sent.
    Confirming(AdjustPriceRequest),
    Sending(AdjustPriceRequest),
    /// The answer was lost: the order is being read again.
    Checking(AdjustPriceRequest),
    Done {
        adjust_id: Option<String>,
        request: AdjustPriceRequest,
        reconciled: bool,
    },
    /// Lost, and the order shows nothing changed: "send again" is safe.
    NotApplied(AdjustPriceRequest),
    /// Lost, and the order could not be read: only "check again".
    Unknown(AdjustPriceRequest, ApiError),
}

impl Step {
    pub fn busy(&self) -> bool {
        matches!(self, Step::Sending(_) | Step::Checking(_))
    }
}

/// Why the form is back in front of the person, shown above it.
#[derive(Debug, Clone, PartialEq)]
pub enum Setback {
    /// The server refused by one of the price rules (the order as read again when it is about
    /// the order): shown at its field.
    Rule(DraftProblem),
    /// While the answer was lost, someone else changed the order.
    Overtaken,
    /// Any other refusal, in the error's own words.
    Error(ApiError),
}

#[derive(Clone, Copy)]
pub struct Repricer {
    pub order: RwSignal<MarketplaceOrder>,
    pub step: RwSignal<Step>,
    pub setback: RwSignal<Option<Setback>>,
    api: Api,
    on_done: Callback<()>,
}

impl Repricer {
    pub fn new(order: MarketplaceOrder, on_done: Callback<()>) -> Self {
        Repricer {
            order: RwSignal::new(order),
            step: RwSignal::new(Step::Editing),
            setback: RwSignal::new(None),
            api: use_api(),
            on_done,
        }
    }

    /// "Review": the checked draft goes to the confirmation.
    pub fn review(&self, request: AdjustPriceRequest) {
        if self.step.with_untracked(|s| *s == Step::Editing) {
            self.setback.set(None);
            self.step.set(Step::Confirming(request));
        }
    }

    pub fn edit(&self) {
        if matches!(self.step.get_untracked(), Step::Confirming(_)) {
            self.step.set(Step::Editing);
        }
    }

    /// "Change the price", and "send again" after the order showed nothing changed.
    pub fn send(&self) {
        let (Step::Confirming(request) | Step::NotApplied(request)) = self.step.get_untracked() else { return };
        let me = *self;
        me.step.set(Step::Sending(request.clone()));
        spawn_local(async move {
            match me.api.call(&request).await {
                Ok(answer) => me.finish(Some(answer.adjust_id), request, None),
                Err(e) if matches!(e.kind(), ErrorKind::Server | ErrorKind::Network | ErrorKind::Timeout) => {
                    me.settle(request).await
                }
                Err(e) => me.refused(request, e).await,
            }
        });
    }

    /// "Check again" after the order could not be read.
    pub fn check_again(&self) {
        if let Step::Unknown(request, _) = self.step.get_untracked() {
            let me = *self;
            spawn_local(async move { me.settle(request).await });
        }
    }

    /// Done: the order as read again after a lost answer, else as the answer says.
    fn finish(&self, adjust_id: Option<String>, request: AdjustPriceRequest, read_again: Option<MarketplaceOrder>) {
        let reconciled = read_again.is_some();
        match read_again {
            Some(o) => {
                self.order.try_set(o);
            }
            None => {
                self.order.try_update(|o| {
                    o.amount = request.new_amount;
                    o.adjusted_times += 1;
                });
            }
        }
        self.step.try_set(Step::Done { adjust_id, request, reconciled });
        self.on_done.run(());
    }

    async fn settle(&self, request: AdjustPriceRequest) {
        self.step.try_set(Step::Checking(request.clone()));
        let order = self.reread(&request.order_id).await;
        let records = ListPriceAdjustRecordsRequest {
            order_id: Some(request.order_id.clone()),
            limit: Some(20),
            ..Default::default()
        };
        let (order, records) = match order {
            Ok(order) => match self.api.call(&records).await {
                Ok(r) => (order, r.records),
                Err(e) => return self.unknown(request, e),
            },
            Err(e) => return self.unknown(request, e),
        };
        match settle_lost(&request, order.as_ref(), &records) {
            LostChange::Applied { adjust_id } => self.finish(adjust_id, request, order),
            LostChange::NotApplied => {
                self.step.try_set(Step::NotApplied(request));
            }
            LostChange::Overtaken => {
                if let Some(o) = order {
                    self.order.try_set(o);
                }
                self.setback.try_set(Some(Setback::Overtaken));
                self.step.try_set(Step::Editing);
            }
        }
    }

    fn unknown(&self, request: AdjustPriceRequest, e: ApiError) {
        self.step.try_set(Step::Unknown(request, e));
    }

    /// A refusal: nothing changed. About the order (stale, no longer pending): read it again
    /// and say what it is now; about the price: point at it; else the error's own words.
    async fn refused(&self, request: AdjustPriceRequest, e: ApiError) {
        let o = self.order.get_untracked();
        let rule = match e.code.as_str() {
            codes::KOO_ABOVE_ORIGINAL => Some(PriceProblem::AboveOriginal { original: o.original_amount }),
            codes::KOO_SAME_PRICE => Some(PriceProblem::SameAsCurrent),
            _ => None,
        };
        let about_order = matches!(e.code.as_str(), codes::KOO_PRICE_CHANGED | codes::KOO_ORDER_NOT_PENDING);
        let setback = if let Some(rule) = rule {
            Setback::Rule(DraftProblem::Rule(rule))
        } else if about_order {
            match self.reread(&request.order_id).await {
                Ok(Some(now)) => {
                    let rule = if e.code == codes::KOO_PRICE_CHANGED {
                        PriceProblem::StalePrice { current: now.amount }
                    } else {
                        PriceProblem::NotPending { status: now.status.clone() }
                    };
                    self.order.try_set(now);
                    Setback::Rule(DraftProblem::Rule(rule))
                }
                _ => Setback::Error(e),
            }
        } else {
            Setback::Error(e)
        };
        self.setback.try_set(Some(setback));
        self.step.try_set(Step::Editing);
    }

    /// The order as it is now, whatever its status (`None`: no longer among those listed).
    async fn reread(&self, order_id: &str) -> Result<Option<MarketplaceOrder>, ApiError> {
        let q =
            ListMarketplaceOrdersRequest { order_id: Some(order_id.to_string()), limit: Some(1), ..Default::default() };
        Ok(self.api.call(&q).await?.orders.into_iter().next())
    }
}
