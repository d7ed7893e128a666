//! Rows a server source has loaded, by key, for bulk actions that need more than the keys the
//! table hands them (amounts and states for a confirmation). Cleared at every new search, so a
//! bulk action never picks up rows of an earlier filter.

use leptos::prelude::*;
use std::collections::HashMap;

pub struct SeenRows<T: Send + Sync + 'static> {
    rows: StoredValue<HashMap<String, T>>,
    key: fn(&T) -> String,
}

impl<T: Send + Sync + 'static> Clone for SeenRows<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for SeenRows<T> {}

impl<T: Clone + Send + Sync + 'static> SeenRows<T> {
    pub fn new(key: fn(&T) -> String) -> Self {
        SeenRows { rows: StoredValue::new(HashMap::new()), key }
    }

    /// A new search starts: forget what the previous one loaded.
    pub fn clear(&self) {
        self.rows.try_update_value(HashMap::clear);
    }

    /// Called by the loader with every page it loads (also the pages walked to resolve "all
    /// matching", so every key a bulk action gets is known here).
    pub fn record(&self, page: &[T]) {
        let key = self.key;
        self.rows.try_update_value(|m| {
            for r in page {
                m.insert(key(r), r.clone());
            }
        });
    }

    /// The rows of these keys, in the keys' order; keys never loaded are left out.
    pub fn pick(&self, keys: &[String]) -> Vec<T> {
        self.rows.with_value(|m| keys.iter().filter_map(|k| m.get(k).cloned()).collect())
    }
}
