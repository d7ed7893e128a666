//! The issuance flow: one state enum says what the page shows (the form, a plan being issued,
//! a plan stopped by a failed read, or a finished plan), and the controller's methods are the
//! only way from one state to the next. The driver (`driver.rs`) runs a plan; the plan itself
//! (`partner_api::issuance::Plan`) decides what is sent.

use super::driver::{issue_records_since, run_plan};
pub use super::flow::Flow;
use super::saved::{forget_plan, save_plan};
use crate::api::Api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::coupons::{codes, ReclaimPartnerCouponsRequest};
use partner_api::issuance::{ItemState, Plan, RETRYABLE_CODES};
use partner_api::ApiError;

/// The outcome of "Check for duplicates" on the plan on screen.
pub type CheckResult = Result<usize, ApiError>;

#[derive(Clone, Copy)]
pub struct Issuance {
    pub flow: RwSignal<Flow>,
    /// Unfinished plans saved by an earlier visit: resumed by reconciling, never by resending.
    pub found: RwSignal<Vec<Plan>>,
    pub checking: RwSignal<bool>,
    pub check_result: RwSignal<Option<CheckResult>>,
    /// Reclaiming an extra coupon failed.
    pub extra_error: RwSignal<Option<ApiError>>,
    api: StoredValue<Api, LocalStorage>,
    /// The quota's balance changed (issued, reclaimed): read it again.
    on_balance_change: Callback<()>,
}

impl Issuance {
    pub fn new(api: Api, found: Vec<Plan>, on_balance_change: Callback<()>) -> Self {
        Issuance {
            flow: RwSignal::new(Flow::Editing),
            found: RwSignal::new(found),
            checking: RwSignal::new(false),
            check_result: RwSignal::new(None),
            extra_error: RwSignal::new(None),
            api: StoredValue::new_local(api),
            on_balance_change,
        }
    }

    /// The plan on screen, tracked.
    pub fn with_plan<R>(self, f: impl FnOnce(Option<&Plan>) -> R) -> R {
        self.flow.with(|s| f(s.plan()))
    }

    pub fn running(self) -> bool {
        self.flow.with(Flow::running)
    }

    /// Shows a plan for review (S4: issuing spends quota at once; a person confirms first).
    pub fn review(self, plan: Plan) {
        self.flow.set(Flow::Reviewing(plan));
    }

    /// The plan under review, confirmed: saved and issued.
    pub fn confirm(self) {
        let plan = self.flow.with_untracked(|f| f.reviewing().cloned());
        if let Some(p) = plan {
            self.start(p);
        }
    }

    /// Back from the review to the form, as it was.
    pub fn back_to_form(self) {
        if self.flow.with_untracked(|f| f.reviewing().is_some()) {
            self.flow.set(Flow::Editing);
        }
    }

    /// Saves the plan and runs it until it is finished or a read fails.
    pub fn start(self, plan: Plan) {
        save_plan(&plan);
        self.flow.set(Flow::Issuing(plan));
        let api = self.api.get_value();
        spawn_local(async move {
            run_plan(api, self.flow).await;
            self.on_balance_change.run(());
        });
    }

    /// A plan saved by an earlier visit: an in-flight batch is reconciled first.
    pub fn resume(self, mut plan: Plan) {
        self.found.update(|f| f.retain(|x| x.plan_id != plan.plan_id));
        plan.resume();
        self.start(plan);
    }

    pub fn discard(self, plan_id: &str) {
        forget_plan(plan_id);
        self.found.update(|f| f.retain(|x| x.plan_id != plan_id));
    }

    fn stopped_plan(self) -> Option<Plan> {
        self.flow.with_untracked(|s| (!s.running()).then(|| s.plan().cloned()).flatten())
    }

    /// Failures that may pass now go back to pending and are sent again.
    pub fn retry_failed(self) {
        if let Some(mut p) = self.stopped_plan() {
            p.retry_failed();
            self.start(p);
        }
    }

    /// After an interruption: go on where the plan stopped.
    pub fn continue_plan(self) {
        if let Some(p) = self.stopped_plan() {
            self.start(p);
        }
    }

    pub fn can_retry(self) -> bool {
        self.with_plan(|p| {
            p.is_some_and(|p| {
                p.refused.is_some()
                    || p.items.iter().any(
                    |i| matches!(&i.state, ItemState::Failed { code, .. } if RETRYABLE_CODES.contains(&code.as_str())),
                )
            })
        })
    }

    /// Customers whose outcome is not known yet: the plan must not be left or checked.
    pub fn has_unknown(self) -> bool {
        self.with_plan(|p| p.is_some_and(|p| p.tally().unknown > 0))
    }

    /// Customers of the plan on screen who got their coupon.
    pub fn issued_customers(self) -> std::collections::HashSet<String> {
        self.flow.with_untracked(|s| {
            s.plan()
                .map(|p| {
                    p.items
                        .iter()
                        .filter(|i| matches!(i.state, ItemState::Issued { .. }))
                        .map(|i| i.customer_id.clone())
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    /// Back to the form (the form keeps the customers who were not issued).
    pub fn new_issue(self) {
        self.flow.set(Flow::Editing);
        self.check_result.set(None);
    }

    /// Extra coupons: looked for on request (all issue records since the plan began) and
    /// reclaimed one by one by a person (V4), never automatically.
    pub fn check_duplicates(self) {
        let Some(p) = self.flow.with_untracked(|s| s.plan().cloned()) else { return };
        let api = self.api.get_value();
        self.checking.set(true);
        self.check_result.set(None);
        spawn_local(async move {
            let r = issue_records_since(&api, &p.template.quota_id, p.start_floor).await;
            let out = r.map(|records| {
                let mut n = 0;
                self.flow.try_update(|s| {
                    if let Some(cur) = s.plan_mut() {
                        n = cur.find_extra(&records);
                        save_plan(cur);
                    }
                });
                self.flow.try_with_untracked(|s| s.plan().map(Plan::extra_outstanding)).flatten().unwrap_or(n)
            });
            self.check_result.try_set(Some(out));
            self.checking.try_set(false);
        });
    }

    pub fn reclaim_extra(self, coupon_id: String) {
        let api = self.api.get_value();
        self.extra_error.set(None);
        spawn_local(async move {
            let req = ReclaimPartnerCouponsRequest { coupon_id: coupon_id.clone(), indirect_partner_id: None };
            match api.call(&req).await {
                // Already reclaimed or expired: nothing is left to take back.
                Err(e) if e.code != codes::EXPIRED_OR_RECLAIMED => {
                    self.extra_error.try_set(Some(e));
                }
                _ => {
                    self.flow.try_update(|s| {
                        if let Some(cur) = s.plan_mut() {
                            cur.extra_reclaimed(&coupon_id);
                            save_plan(cur);
                        }
                    });
                    self.on_balance_change.run(());
                }
            }
        });
    }
}
