//! Issuance plans kept in localStorage (`pc.issuance.<plan id>`, see `api::saved_plans`).

pub use crate::api::saved_plans::new_plan_id;
use crate::api::saved_plans::PlanStore;
use partner_api::issuance::{Plan, Tally};

const STORE: PlanStore = PlanStore { prefix: "pc.issuance." };

pub fn save_plan(plan: &Plan) {
    STORE.save(&plan.plan_id, plan);
}

pub fn forget_plan(plan_id: &str) {
    STORE.forget(plan_id);
}

/// Customers still to issue or to reconcile.
pub fn unfinished(t: &Tally) -> bool {
    t.pending + t.sending + t.unknown > 0
}

/// Saved plans that still have customers to issue or reconcile.
pub fn saved_unfinished_plans() -> Vec<Plan> {
    STORE.all(|p: &Plan| unfinished(&p.tally()))
}
