//! Row selection that lasts across pages, sorting and refresh: either chosen rows, or "all
//! rows matching the filter" except some. A new filter starts a new selection. Bulk actions
//! receive the chosen rows' keys.

use crate::i18n::Msg;
use leptos::prelude::*;
use std::collections::HashSet;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Every matching row, except `keys`; otherwise only `keys`.
    pub all: bool,
    pub keys: HashSet<String>,
}

impl Selection {
    pub fn contains(&self, key: &str) -> bool {
        self.all != self.keys.contains(key)
    }

    pub fn set(&mut self, key: &str, on: bool) {
        // In "all" mode `keys` lists the exceptions.
        if on != self.all {
            self.keys.insert(key.to_string());
        } else {
            self.keys.remove(key);
        }
    }

    pub fn toggle(&mut self, key: &str) {
        let on = !self.contains(key);
        self.set(key, on);
    }

    pub fn count(&self, total: u64) -> u64 {
        if self.all {
            total.saturating_sub(self.keys.len() as u64)
        } else {
            self.keys.len() as u64
        }
    }

    pub fn select_all(&mut self) {
        self.all = true;
        self.keys.clear();
    }

    pub fn clear(&mut self) {
        self.all = false;
        self.keys.clear();
    }
}

/// What a bulk action is run on.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected {
    /// Keys of the chosen rows (resolved across all pages).
    pub keys: Vec<String>,
    /// The person chose "all matching the filter".
    pub all_matching: bool,
}

/// A toolbar action over the selected rows.
#[derive(Clone)]
pub struct BulkAction {
    pub id: &'static str,
    pub label: Msg,
    /// Destructive (shown in the danger colour).
    pub danger: bool,
    pub run: Callback<Selected>,
    /// Offered only while this holds (e.g. the person may open the page it leads to); always
    /// when `None`.
    pub shown: Option<Signal<bool>>,
}

impl BulkAction {
    pub fn new(id: &'static str, label: Msg, run: impl Fn(Selected) + Send + Sync + 'static) -> Self {
        BulkAction { id, label, danger: false, run: Callback::new(run), shown: None }
    }

    pub fn only_when(self, shown: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        BulkAction { shown: Some(Signal::derive(shown)), ..self }
    }
}
