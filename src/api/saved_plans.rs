//! Batch plans kept in localStorage (`<prefix><plan id>`), so that a closed tab or a crash
//! never loses what was sent: the drivers save a plan before every call and after every
//! answer, forget it once finished, and offer unfinished ones for resuming when the page
//! opens again. A plan holds customer ids and amounts, never a token.
//!
//! Two tabs must never send one plan: the tab running a plan renews a lease beside it
//! (`pc.lease.<prefix><id>` = its tab id and the time) at every save, and another tab does not
//! offer a plan whose lease is another tab's and fresh. The tab id lives in sessionStorage, so
//! the same tab after a reload may resume at once.

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

/// Longer than any gap between two saves of a running plan (a call times out after 20 s).
const LEASE_MS: f64 = 45_000.0;
const TAB_KEY: &str = "pc.tab-id";

/// This tab's id (kept in sessionStorage: the same after a reload, another in another tab).
fn tab_id() -> String {
    crate::storage::session_get(TAB_KEY).unwrap_or_else(|| {
        let id = new_plan_id();
        crate::storage::session_set(TAB_KEY, &id);
        id
    })
}

impl PlanStore {
    fn lease_key(self, plan_id: &str) -> String {
        format!("pc.lease.{}{plan_id}", self.prefix)
    }

    pub fn save<P: Serialize>(self, plan_id: &str, plan: &P) {
        if let (Some(s), Ok(json)) = (local(), serde_json::to_string(plan)) {
            let _ = s.set_item(&format!("{}{plan_id}", self.prefix), &json);
            let _ = s.set_item(&self.lease_key(plan_id), &format!("{}|{}", tab_id(), js_sys::Date::now()));
        }
    }

    pub fn forget(self, plan_id: &str) {
        if let Some(s) = local() {
            let _ = s.remove_item(&format!("{}{plan_id}", self.prefix));
            let _ = s.remove_item(&self.lease_key(plan_id));
        }
    }

    /// Another tab saved this plan moments ago: it is running there.
    pub fn held_elsewhere(self, plan_id: &str) -> bool {
        let Some(lease) = local().and_then(|s| s.get_item(&self.lease_key(plan_id)).ok().flatten()) else {
            return false;
        };
        let (tab, at) = lease.split_once('|').unwrap_or(("", "0"));
        let at: f64 = at.parse().unwrap_or(0.0);
        tab != tab_id() && js_sys::Date::now() - at < LEASE_MS
    }

    /// Every saved plan of this kind that `keep` accepts and no other tab is running
    /// (unreadable ones are skipped).
    pub fn all<P: DeserializeOwned>(self, keep: impl Fn(&P) -> bool) -> Vec<P> {
        let Some(s) = local() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        let mut plans = Vec::new();
        for i in 0..n {
            let Some(key) = s.key(i).ok().flatten() else { continue };
            let Some(plan_id) = key.strip_prefix(self.prefix) else { continue };
            if self.held_elsewhere(plan_id) {
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
