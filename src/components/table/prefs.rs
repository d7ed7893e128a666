//! The person's column layout of a table — order, hidden columns, widths — kept in
//! localStorage under `pc.table.<id>.columns` (column ids and pixel widths only, nothing
//! about the data). Saved layouts are merged with the columns the page declares now, so a
//! renamed or new column never breaks an old layout.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const MIN_WIDTH: u32 = 60;
pub const MAX_WIDTH: u32 = 800;

/// The stored form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Saved {
    #[serde(default)]
    order: Vec<String>,
    #[serde(default)]
    hidden: Vec<String>,
    #[serde(default)]
    widths: BTreeMap<String, u32>,
}

/// The layout over the declared columns, by index.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Every declared column once, in display order.
    pub order: Vec<usize>,
    /// Hidden, by declared index.
    pub hidden: Vec<bool>,
    /// Width in px, by declared index.
    pub widths: Vec<u32>,
}

/// A declared column as the layout needs it.
pub struct Declared {
    pub id: &'static str,
    pub width: u32,
    pub hidden: bool,
}

fn key(table_id: &str) -> String {
    format!("pc.table.{table_id}.columns")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl Layout {
    pub fn default_for(cols: &[Declared]) -> Self {
        Layout {
            order: (0..cols.len()).collect(),
            hidden: cols.iter().map(|c| c.hidden).collect(),
            widths: cols.iter().map(|c| c.width).collect(),
        }
    }

    /// The saved layout merged over the defaults: known ids in their saved order, columns
    /// the save does not know at their declared place.
    pub fn load(table_id: &str, cols: &[Declared]) -> Self {
        let mut layout = Self::default_for(cols);
        let Some(saved) = storage()
            .and_then(|s| s.get_item(&key(table_id)).ok().flatten())
            .and_then(|j| serde_json::from_str::<Saved>(&j).ok())
        else {
            return layout;
        };
        let index = |id: &str| cols.iter().position(|c| c.id == id);
        let mut order: Vec<usize> = saved.order.iter().filter_map(|id| index(id)).collect();
        order.dedup();
        for (i, _) in cols.iter().enumerate() {
            if !order.contains(&i) {
                order.insert(i.min(order.len()), i);
            }
        }
        layout.order = order;
        if !saved.order.is_empty() || !saved.hidden.is_empty() {
            for (i, c) in cols.iter().enumerate() {
                // Only columns the save knows follow it; new ones keep their default.
                if saved.order.iter().any(|id| id == c.id) {
                    layout.hidden[i] = saved.hidden.iter().any(|id| id == c.id);
                }
            }
        }
        for (id, w) in saved.widths {
            if let Some(i) = index(&id) {
                layout.widths[i] = w.clamp(MIN_WIDTH, MAX_WIDTH);
            }
        }
        if layout.hidden.iter().all(|h| *h) {
            layout.hidden = cols.iter().map(|c| c.hidden).collect();
        }
        layout
    }

    pub fn save(&self, table_id: &str, cols: &[Declared]) {
        let saved = Saved {
            order: self.order.iter().map(|&i| cols[i].id.to_string()).collect(),
            hidden: cols.iter().enumerate().filter(|(i, _)| self.hidden[*i]).map(|(_, c)| c.id.to_string()).collect(),
            widths: cols.iter().enumerate().map(|(i, c)| (c.id.to_string(), self.widths[i])).collect(),
        };
        if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(&saved)) {
            let _ = s.set_item(&key(table_id), &json);
        }
    }

    pub fn forget(table_id: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&key(table_id));
        }
    }

    /// Visible columns (declared indices) in display order.
    pub fn visible(&self) -> Vec<usize> {
        self.order.iter().copied().filter(|&i| !self.hidden[i]).collect()
    }

    /// Moves a column one place up (-1) or down (+1) in the order.
    pub fn shift(&mut self, col: usize, by: i32) {
        if let Some(p) = self.order.iter().position(|&i| i == col) {
            let q = p as i64 + by as i64;
            if q >= 0 && (q as usize) < self.order.len() {
                self.order.swap(p, q as usize);
            }
        }
    }

    /// Shows or hides a column; the last visible one stays.
    pub fn set_hidden(&mut self, col: usize, hidden: bool) {
        if hidden && self.visible().len() <= 1 {
            return;
        }
        self.hidden[col] = hidden;
    }

    pub fn set_width(&mut self, col: usize, px: u32) {
        self.widths[col] = px.clamp(MIN_WIDTH, MAX_WIDTH);
    }
}
