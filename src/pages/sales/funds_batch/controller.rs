//! The batch adjustment as one controller: the list's text and options, the flow state, and the
//! only ways from one state to the next (review, confirm, pause, continue, retry, resume,
//! start again). The driver (`driver.rs`) sends; the plan (`partner_api::accounts::batch`)
//! decides what is sent.

use super::driver::run_plan;
use super::flow::{Checked, Flow};
use super::saved::{forget_plan, held_elsewhere, save_plan};
use crate::api::saved_plans::new_plan_id;
use crate::api::Api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::accounts::account_type;
use partner_api::accounts::balances::{
    CustomerBalance, ListCustomersBalancesDetailRequest, ListPartnerBalancesRequest,
};
use partner_api::accounts::batch::{parse_rows, review, Direction, Plan};
use partner_api::accounts::MAX_CUSTOMERS;
use partner_api::ApiError;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Batch {
    /// The list as typed, pasted or read from a file: kept through review and back.
    pub text: RwSignal<String>,
    pub default_direction: RwSignal<Direction>,
    /// A tier-1 adjusting one of its resellers' customers (`indirect_partner_id`).
    pub reseller: RwSignal<Option<String>>,
    pub flow: RwSignal<Flow>,
    /// Reading the review's balances failed: shown under the list, which is kept.
    pub check_error: RwSignal<Option<ApiError>>,
    /// The list was empty when "Review" was pressed.
    pub empty: RwSignal<bool>,
    /// Unfinished plans of an earlier visit: resumed by reconciling, never by resending.
    pub found: RwSignal<Vec<Plan>>,
    pause: StoredValue<bool>,
    api: StoredValue<Api, LocalStorage>,
}

impl Batch {
    pub fn new(api: Api, found: Vec<Plan>) -> Self {
        Batch {
            text: RwSignal::new(String::new()),
            default_direction: RwSignal::new(Direction::Allocate),
            reseller: RwSignal::new(None),
            flow: RwSignal::new(Flow::Editing),
            check_error: RwSignal::new(None),
            empty: RwSignal::new(false),
            found: RwSignal::new(found),
            pause: StoredValue::new(false),
            api: StoredValue::new_local(api),
        }
    }

    pub fn busy(self) -> bool {
        self.flow.with(|f| matches!(f, Flow::Checking | Flow::Running(_)))
    }

    /// Reads the list, then the balances of its customers (A4, 100 a call) and the partner's
    /// allocatable cash (R2), and shows the review. Nothing is sent.
    pub fn check(self) {
        if self.busy() {
            return;
        }
        let parsed = parse_rows(&self.text.get_untracked(), self.default_direction.get_untracked());
        self.check_error.set(None);
        let nothing = parsed.rows.is_empty() && parsed.problems.is_empty();
        self.empty.set(nothing);
        if nothing {
            return;
        }
        let indirect_partner_id = self.reseller.get_untracked();
        let api = self.api.get_value();
        self.flow.set(Flow::Checking);
        spawn_local(async move {
            let read = async {
                let mut balances: Vec<CustomerBalance> = Vec::new();
                for chunk in parsed.rows.chunks(MAX_CUSTOMERS) {
                    let mut req = ListCustomersBalancesDetailRequest::of(chunk.iter().map(|r| r.customer_id.clone()));
                    req.indirect_partner_id = indirect_partner_id.clone();
                    balances.extend(api.call(&req).await?.customer_balances);
                }
                let r2 =
                    api.call(&ListPartnerBalancesRequest { indirect_partner_id: indirect_partner_id.clone() }).await?;
                Ok::<_, ApiError>((balances, r2))
            };
            match read.await {
                Ok((balances, r2)) => {
                    let cash = r2.account(account_type::CASH);
                    let allocatable = cash.map(|a| a.allocatable());
                    let currency = cash.map(|a| a.currency.clone()).unwrap_or_else(|| "CNY".into());
                    let review = review(&parsed.rows, &parsed.lines, &balances, allocatable);
                    let checked =
                        Checked { problems: parsed.problems, review, allocatable, currency, indirect_partner_id };
                    self.flow.try_set(Flow::Reviewing(Arc::new(checked)));
                }
                Err(e) => {
                    self.check_error.try_set(Some(e));
                    self.flow.try_set(Flow::Editing);
                }
            }
        });
    }

    /// From the review back to the list, as it was.
    pub fn back(self) {
        if matches!(self.flow.get_untracked(), Flow::Reviewing(_)) {
            self.flow.set(Flow::Editing);
        }
    }

    /// Sends the reviewed rows that can be sent.
    pub fn confirm(self) {
        let Flow::Reviewing(checked) = self.flow.get_untracked() else { return };
        let rows = checked.review.sendable();
        if rows.is_empty() {
            return;
        }
        let plan = Plan::new(new_plan_id(), rows, checked.indirect_partner_id.clone());
        self.run(plan);
    }

    fn run(self, plan: Plan) {
        save_plan(&plan);
        self.pause.set_value(false);
        self.flow.set(Flow::Running(plan));
        let api = self.api.get_value();
        let flow = self.flow;
        let pause = self.pause;
        spawn_local(async move { run_plan(api, flow, pause).await });
    }

    /// Stops between two rows (the one in flight is settled first).
    pub fn pause(self) {
        if self.flow.with_untracked(Flow::running) {
            self.pause.set_value(true);
        }
    }

    /// Goes on after a pause or a failed read: settling comes first, as always.
    pub fn resume_current(self) {
        let plan = self.flow.with_untracked(|f| match f {
            Flow::Paused(p) | Flow::Interrupted { plan: p, .. } => Some(p.clone()),
            _ => None,
        });
        if let Some(plan) = plan {
            self.run(plan);
        }
    }

    /// "Retry the failed ones": rows refused for a reason that may pass now go back to pending.
    pub fn retry_failed(self) {
        let Flow::Done(mut plan) = self.flow.get_untracked() else { return };
        if plan.retry_failed() > 0 {
            self.run(plan);
        }
    }

    /// An unfinished plan of an earlier visit: rows that were in flight are settled from the
    /// records before anything is sent.
    pub fn resume_saved(self, mut plan: Plan) {
        let id = plan.plan_id.clone();
        if held_elsewhere(&id) {
            // Another tab took it up since the notice was shown: it must not run twice.
            self.found.update(|f| f.retain(|p| p.plan_id != id));
            return;
        }
        if self.busy() {
            return;
        }
        plan.resume();
        self.found.update(|f| f.retain(|p| p.plan_id != id));
        if let Some(r) = plan.indirect_partner_id.clone() {
            self.reseller.set(Some(r));
        }
        self.run(plan);
    }

    pub fn discard_saved(self, plan_id: &str) {
        forget_plan(plan_id);
        self.found.update(|f| f.retain(|p| p.plan_id != plan_id));
    }

    /// A new batch after one finished: the box is emptied, so the same list is not sent twice
    /// by mistake.
    pub fn start_over(self) {
        if let Some(p) = self.flow.with_untracked(|f| f.plan().map(|p| p.plan_id.clone())) {
            if self.flow.with_untracked(|f| matches!(f, Flow::Done(_))) {
                forget_plan(&p);
            }
        }
        self.text.set(String::new());
        self.check_error.set(None);
        self.flow.set(Flow::Editing);
    }
}
