//! Plans kept in localStorage (`pc.issuance.<plan id>`), so that a closed tab or a crash never
//! loses what was sent: saved before every call and after every answer, forgotten once
//! finished, and offered for resuming when the page opens again.

use partner_api::issuance::{Plan, Tally};

const PLAN_PREFIX: &str = "pc.issuance.";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn save_plan(plan: &Plan) {
    if let (Some(s), Ok(json)) = (local(), serde_json::to_string(plan)) {
        let _ = s.set_item(&format!("{PLAN_PREFIX}{}", plan.plan_id), &json);
    }
}

pub fn forget_plan(plan_id: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(&format!("{PLAN_PREFIX}{plan_id}"));
    }
}

/// Customers still to issue or to reconcile.
pub fn unfinished(t: &Tally) -> bool {
    t.pending + t.sending + t.unknown > 0
}

/// Saved plans that still have customers to issue or reconcile.
pub fn saved_unfinished_plans() -> Vec<Plan> {
    let Some(s) = local() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    let mut plans = Vec::new();
    for i in 0..n {
        let Some(key) = s.key(i).ok().flatten() else { continue };
        if !key.starts_with(PLAN_PREFIX) {
            continue;
        }
        if let Some(plan) = s.get_item(&key).ok().flatten().and_then(|j| serde_json::from_str::<Plan>(&j).ok()) {
            if unfinished(&plan.tally()) {
                plans.push(plan);
            }
        }
    }
    plans
}

pub fn new_plan_id() -> String {
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("{}-{r}", js_sys::Date::now() as u64)
}
