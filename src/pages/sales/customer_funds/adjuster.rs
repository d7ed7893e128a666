//! Allocating to or reclaiming from one customer (A1/A2), driven by the contract's batch plan
//! with a single row, so one customer is adjusted by the same rules as a list: a lost answer
//! (timeout, 5xx, cut connection) is settled from the A3 records before anything is sent
//! again, and nothing is ever sent twice by the console itself.

use crate::api::{use_api, Api};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::accounts::batch::{Call, Direction, ItemState, Next, Plan, Row};
use partner_api::{Amount, ApiError};

/// The customer and the move the dialog is for.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub customer_id: String,
    pub name: String,
    pub direction: Direction,
    /// The customer's available balance (A4), when read.
    pub balance: Option<Amount>,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Editing,
    Sending,
    /// The answer was lost: the A3 records are being read.
    Checking,
    Done {
        trans_id: String,
        reconciled: bool,
    },
    /// Refused with a code (nothing moved): the person may change the amount.
    Refused(ApiError),
    /// Lost, and A3 shows it did not happen: "send again" is safe.
    NotApplied,
    /// Lost, and A3 could not be read: only "check again".
    Unknown(ApiError),
}

impl Step {
    pub fn busy(&self) -> bool {
        matches!(self, Step::Sending | Step::Checking)
    }
}

#[derive(Clone, Copy)]
pub struct Adjuster {
    pub target: StoredValue<Target>,
    pub step: RwSignal<Step>,
    plan: StoredValue<Option<Plan>>,
    lost: StoredValue<bool>,
    api: Api,
    on_done: Callback<()>,
}

impl Adjuster {
    pub fn new(target: Target, on_done: Callback<()>) -> Self {
        Adjuster {
            target: StoredValue::new(target),
            step: RwSignal::new(Step::Editing),
            plan: StoredValue::new(None),
            lost: StoredValue::new(false),
            api: use_api(),
            on_done,
        }
    }

    /// Sends `amount` (already validated by the dialog).
    pub fn submit(&self, amount: Amount) {
        if self.step.with_untracked(Step::busy) {
            return;
        }
        let t = self.target.get_value();
        let row = Row { customer_id: t.customer_id, amount, direction: t.direction };
        let id = format!("adjust-{}", js_sys::Date::now() as u64);
        self.plan.set_value(Some(Plan::new(id, vec![row], None)));
        self.lost.set_value(false);
        self.drive();
    }

    /// "Send again" after A3 showed the lost call did not happen, and "check again".
    pub fn resume(&self) {
        if !self.step.with_untracked(Step::busy) {
            self.drive();
        }
    }

    fn drive(&self) {
        let me = *self;
        spawn_local(async move {
            loop {
                let next = me.plan.try_update_value(|p| p.as_mut().map(|p| p.next(crate::api::server_clock::now())));
                match next.flatten() {
                    Some(Next::Send { index, call }) => {
                        me.step.try_set(Step::Sending);
                        let answer = match call {
                            Call::Allocate(r) => me.api.call(&r).await.map(|a| a.transfer_id),
                            Call::Reclaim(r) => me.api.call(&r).await.map(|a| a.trans_id),
                        };
                        match answer {
                            Ok(id) => me.plan.update_value(|p| p.iter_mut().for_each(|p| p.settle(index, &id))),
                            Err(e) => {
                                me.plan.update_value(|p| p.iter_mut().for_each(|p| p.fail(index, &e)));
                                if me.state(index).is_some_and(|s| matches!(s, ItemState::Failed { .. })) {
                                    return me.step.set(Step::Refused(e));
                                }
                                me.lost.set_value(true);
                            }
                        }
                    }
                    Some(Next::Reconcile { index, query }) => {
                        me.step.try_set(Step::Checking);
                        match me.api.all_pages(&query).await {
                            Ok(records) => {
                                me.plan.update_value(|p| p.iter_mut().for_each(|p| p.reconcile(index, &records)))
                            }
                            Err(e) => return me.step.set(Step::Unknown(e)),
                        }
                        if me.state(index) == Some(ItemState::Pending) {
                            return me.step.set(Step::NotApplied);
                        }
                    }
                    Some(Next::Finished) | Some(Next::Wait) | None => break,
                }
            }
            if let Some(ItemState::Done { trans_id }) = me.state(0) {
                me.step.try_set(Step::Done { trans_id, reconciled: me.lost.get_value() });
                me.on_done.run(());
            }
        });
    }

    fn state(&self, index: usize) -> Option<ItemState> {
        self.plan.with_value(|p| p.as_ref().and_then(|p| p.items.get(index)).map(|i| i.state.clone()))
    }
}
