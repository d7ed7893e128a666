//! Batch adjustment plans kept in localStorage (`pc.funds-batch.<plan id>`, see
//! `api::saved_plans`): saved before every call and after every answer.

use crate::api::saved_plans::PlanStore;
use partner_api::accounts::batch::Plan;

const STORE: PlanStore = PlanStore { prefix: "pc.funds-batch." };

pub fn save_plan(plan: &Plan) {
    STORE.save(&plan.plan_id, plan);
}

pub fn forget_plan(plan_id: &str) {
    STORE.forget(plan_id);
}

/// Another tab is sending this plan right now.
pub fn held_elsewhere(plan_id: &str) -> bool {
    STORE.held_elsewhere(plan_id)
}

/// Rows still to send or to settle from the records.
pub fn unfinished(plan: &Plan) -> bool {
    let t = plan.tally();
    t.pending + t.sending + t.unknown > 0
}

/// Saved plans with rows still to send or to settle.
pub fn saved_unfinished_plans() -> Vec<Plan> {
    STORE.all(unfinished)
}
