//! The issue form's draft kept for the tab (sessionStorage, one per quota type): leaving the
//! page, following a link or reloading loses nothing, and the form says it was restored.
//! Signing out forgets it (`storage::forget_drafts`).

use super::draft::{Chosen, Draft};
use crate::storage::{session_get, session_remove, session_set, DRAFT_PREFIX};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub quota_id: String,
    pub face: String,
    pub valid_from: String,
    pub valid_to: String,
    pub memo: String,
    pub services: Vec<String>,
    pub products: Vec<String>,
    /// (id, account name, name)
    pub customers: Vec<(String, String, String)>,
}

impl Saved {
    /// Nothing worth keeping: no customers, no face value, no memo.
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty() && self.face.trim().is_empty() && self.memo.trim().is_empty()
    }
}

fn key(kind: i32) -> String {
    format!("{DRAFT_PREFIX}issue-vouchers.{kind}")
}

pub fn load(kind: i32) -> Option<Saved> {
    session_get(&key(kind)).and_then(|s| serde_json::from_str(&s).ok())
}

pub fn forget(kind: i32) {
    session_remove(&key(kind));
}

impl Draft {
    /// What the draft holds now, tracked.
    pub fn snapshot(self) -> Saved {
        Saved {
            quota_id: self.quota_id.get(),
            face: self.face.get(),
            valid_from: self.valid_from.get(),
            valid_to: self.valid_to.get(),
            memo: self.memo.get(),
            services: self.services.get(),
            products: self.products.get(),
            customers: self
                .customers
                .with(|c| c.iter().map(|c| (c.id.clone(), c.account.clone(), c.name.clone())).collect()),
        }
    }

    pub fn restore(self, s: Saved) {
        self.quota_id.set(s.quota_id);
        self.face.set(s.face);
        self.valid_from.set(s.valid_from);
        self.valid_to.set(s.valid_to);
        self.memo.set(s.memo);
        self.advanced.set(!s.services.is_empty() || !s.products.is_empty());
        self.services.set(s.services);
        self.products.set(s.products);
        self.customers.set(s.customers.into_iter().map(|(id, account, name)| Chosen { id, account, name }).collect());
    }
}

/// Keeps `draft` in the tab's storage under the current quota type, once that type's own
/// draft was restored (so an empty form never overwrites a saved one). No `beforeunload`
/// prompt: a reload keeps the draft, and only closing the tab ends it, as with any tab.
pub fn keep(draft: Draft, kind: RwSignal<i32>, restored_kind: StoredValue<Option<i32>>) {
    Effect::new(move |_| {
        let k = kind.get();
        let now = draft.snapshot();
        if !draft.keeping.get() {
            forget(k);
            return;
        }
        if restored_kind.get_value() != Some(k) {
            return;
        }
        if now.is_empty() {
            forget(k);
        } else if let Ok(json) = serde_json::to_string(&now) {
            session_set(&key(k), &json);
        }
    });
}
