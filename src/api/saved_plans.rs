//! Batch plans kept in localStorage (`<prefix><plan id>`), so that a closed tab or a crash
//! never loses what was sent: the drivers save a plan before every call and after every
//! answer, forget it once finished, and offer unfinished ones for resuming when the page
//! opens again. A plan holds customer ids and amounts, never a token.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Where one kind of plan is kept: `pc.issuance.`, `pc.funds-batch.`.
#[derive(Clone, Copy)]
pub struct PlanStore {
    pub prefix: &'static str,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl PlanStore {
    pub fn save<P: Serialize>(self, plan_id: &str, plan: &P) {
        if let (Some(s), Ok(json)) = (local(), serde_json::to_string(plan)) {
            let _ = s.set_item(&format!("{}{plan_id}", self.prefix), &json);
        }
    }

    pub fn forget(self, plan_id: &str) {
        if let Some(s) = local() {
            let _ = s.remove_item(&format!("{}{plan_id}", self.prefix));
        }
    }

    /// Every saved plan of this kind that `keep` accepts (unreadable ones are skipped).
    pub fn all<P: DeserializeOwned>(self, keep: impl Fn(&P) -> bool) -> Vec<P> {
        let Some(s) = local() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        let mut plans = Vec::new();
        for i in 0..n {
            let Some(key) = s.key(i).ok().flatten() else { continue };
            if !key.starts_with(self.prefix) {
                continue;
            }
            if let Some(plan) = s.get_item(&key).ok().flatten().and_then(|j| serde_json::from_str::<P>(&j).ok()) {
                if keep(&plan) {
                    plans.push(plan);
                }
            }
        }
        plans
    }
}

/// A new plan id: the time and a random part (two tabs never pick the same).
pub fn new_plan_id() -> String {
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("{}-{r}", js_sys::Date::now() as u64)
}
