//! Virtual scrolling for client rows: the scroll container is measured (scroll offset, height,
//! header and row height), only the rows in view plus an overscan are rendered, and spacer
//! rows above and below keep the scrollbar true to the full list. Rows have a fixed height
//! (CSS), measured once rendered.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Expected row height in px (`.data-table.virtual td`); the rendered height wins.
pub const ROW_HEIGHT: f64 = 40.0;
/// Rows rendered beyond each edge of the viewport.
pub const OVERSCAN: usize = 6;

#[derive(Clone, Copy)]
pub struct Scroll {
    pub top: RwSignal<f64>,
    pub viewport: RwSignal<f64>,
    pub row_h: RwSignal<f64>,
    pub header_h: RwSignal<f64>,
}

impl Scroll {
    pub fn new() -> Self {
        Scroll {
            top: RwSignal::new(0.0),
            viewport: RwSignal::new(600.0),
            row_h: RwSignal::new(ROW_HEIGHT),
            header_h: RwSignal::new(ROW_HEIGHT),
        }
    }

    /// Reads the container's scroll offset and size.
    pub fn measure(&self, wrap: &web_sys::Element) {
        if self.top.try_set(wrap.scroll_top() as f64).is_some() {
            return; // the table is gone
        }
        let h = wrap.client_height() as f64;
        if h > 0.0 && (h - self.viewport.get_untracked()).abs() > 0.5 {
            self.viewport.set(h);
        }
        if let Some(head) = wrap.query_selector("thead").ok().flatten() {
            let hh = height(&head);
            if hh > 0.0 && (hh - self.header_h.get_untracked()).abs() > 0.5 {
                self.header_h.set(hh);
            }
        }
        if let Some(row) = wrap.query_selector("tbody tr[data-testid=row]").ok().flatten() {
            let rh = height(&row);
            if rh > 0.0 && (rh - self.row_h.get_untracked()).abs() > 0.5 {
                self.row_h.set(rh);
            }
        }
    }

    /// Rows `[first, last)` of `n` to render.
    pub fn window(&self, n: usize) -> (usize, usize) {
        window(n, self.top.get(), self.viewport.get(), self.row_h.get(), self.header_h.get())
    }

    /// Scrolls the container so row `r` is fully in view.
    pub fn reveal(&self, wrap: &web_sys::Element, r: usize) {
        let (top, view, rh, hh) = (
            wrap.scroll_top() as f64,
            wrap.client_height() as f64,
            self.row_h.get_untracked(),
            self.header_h.get_untracked(),
        );
        let row_top = r as f64 * rh;
        let row_bottom = row_top + rh;
        let visible = (view - hh).max(rh);
        let next = if row_top < top {
            Some(row_top)
        } else if row_bottom > top + visible {
            Some(row_bottom - visible)
        } else {
            None
        };
        if let Some(t) = next {
            wrap.set_scroll_top(t.round() as i32);
            self.top.set(wrap.scroll_top() as f64);
        }
    }
}

pub fn window(n: usize, top: f64, viewport: f64, row_h: f64, header_h: f64) -> (usize, usize) {
    if n == 0 {
        return (0, 0);
    }
    let row_h = row_h.max(1.0);
    let first = ((top - header_h).max(0.0) / row_h).floor() as usize;
    let count = (viewport / row_h).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(n);
    let end = (first + count + OVERSCAN).min(n);
    (start, end.max(start))
}

/// Rendered height in px (layout, not transformed).
pub fn height(el: &web_sys::Element) -> f64 {
    el.dyn_ref::<web_sys::HtmlElement>().map_or(0.0, |e| e.offset_height() as f64)
}

/// Rendered width in px.
pub fn width(el: &web_sys::Element) -> f64 {
    el.dyn_ref::<web_sys::HtmlElement>().map_or(0.0, |e| e.offset_width() as f64)
}

/// The element an event happened on, as an Element.
pub fn event_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}
