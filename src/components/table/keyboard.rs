//! Keyboard use of the grid (WAI-ARIA grid pattern, roving tabindex): one cell is in the tab
//! order; arrows move between cells (the header row included), Home/End go to the first/last
//! cell of the row (with Ctrl: of the grid), PageUp/PageDown move by a screenful, Enter opens
//! the row (its first row action) or sorts by a header, Space selects the row.

use wasm_bindgen::JsCast;

/// A cell position: row -1 is the header; rows count from 0 in the current view.
pub type Pos = (i64, usize);

/// What a key does at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    Move(Pos),
    /// Enter: open the row / sort by the header.
    Activate,
    /// Space: select or unselect the row.
    Toggle,
}

/// The action of `key` at `pos`, in a grid of `rows` body rows and `cols` columns, where
/// `page` rows fit on a screen.
pub fn action(key: &str, ctrl: bool, pos: Pos, rows: usize, cols: usize, page: usize) -> Option<KeyAction> {
    let last_row = rows as i64 - 1;
    let last_col = cols.saturating_sub(1);
    let (r, c) = pos;
    let clamp_row = |x: i64| x.clamp(-1, last_row.max(-1));
    let to = |p: Pos| Some(KeyAction::Move(p));
    match key {
        "ArrowUp" => to((clamp_row(r - 1), c)),
        "ArrowDown" => to((clamp_row(r + 1), c)),
        "ArrowLeft" => to((r, c.saturating_sub(1))),
        "ArrowRight" => to((r, (c + 1).min(last_col))),
        "Home" if ctrl => to((clamp_row(0), 0)),
        "End" if ctrl => to((last_row.max(-1), last_col)),
        "Home" => to((r, 0)),
        "End" => to((r, last_col)),
        "PageUp" => to((clamp_row((r - page as i64).max(0)), c)),
        "PageDown" => to((clamp_row(r + page as i64), c)),
        "Enter" => Some(KeyAction::Activate),
        " " | "Spacebar" => Some(KeyAction::Toggle),
        _ => None,
    }
}

/// The position written on a cell element (`data-r`, `data-c`), from the element or the
/// nearest cell around it.
pub fn cell_pos(el: &web_sys::Element) -> Option<(Pos, web_sys::Element)> {
    let cell = el.closest("[data-c]").ok().flatten()?;
    let r = cell.get_attribute("data-r")?.parse().ok()?;
    let c = cell.get_attribute("data-c")?.parse().ok()?;
    Some(((r, c), cell))
}

/// True when the key belongs to a control inside the cell (a link, button or field), not
/// to the cell itself.
pub fn from_control(target: &web_sys::Element, cell: &web_sys::Element) -> bool {
    !target.is_same_node(Some(cell))
        && target.closest("a, button, input, select, textarea, summary").ok().flatten().is_some()
}

/// Focuses the cell at `pos` inside `grid`, if it is rendered. Returns whether it was.
pub fn focus_cell(grid: &web_sys::Element, pos: Pos) -> bool {
    let sel = format!("[data-r=\"{}\"][data-c=\"{}\"]", pos.0, pos.1);
    match grid.query_selector(&sel).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            let _ = el.focus();
            true
        }
        None => false,
    }
}

/// Roving tabindex: the active cell is the grid's one tab stop, and controls inside cells
/// (links, buttons, checkboxes, resize handles) are in the tab order only in the active cell,
/// so Tab enters the grid once and then leaves it (WAI-ARIA grid). Done on the DOM after each
/// render rather than as a reactive attribute on every cell (much less code).
pub fn sync_inner_tabindex(grid: &web_sys::Element, active: Pos) {
    // The tab stop itself: one cell.
    let stop = format!("[data-r=\"{}\"][data-c=\"{}\"]", active.0, active.1);
    for cell in query_all(grid, "[data-c][tabindex=\"0\"]") {
        if !cell.matches(&stop).unwrap_or(false) {
            let _ = cell.set_attribute("tabindex", "-1");
        }
    }
    if let Some(cell) = grid.query_selector(&stop).ok().flatten() {
        let _ = cell.set_attribute("tabindex", "0");
    }
    for el in query_all(grid, "[data-c] a[href], [data-c] button, [data-c] input, [data-c] .col-resize") {
        let inside = el.closest("[data-c]").ok().flatten().and_then(|cell| {
            let r: i64 = cell.get_attribute("data-r")?.parse().ok()?;
            let c: usize = cell.get_attribute("data-c")?.parse().ok()?;
            Some((r, c) == active)
        });
        let want = if inside == Some(true) { "0" } else { "-1" };
        if el.get_attribute("tabindex").as_deref() != Some(want) {
            let _ = el.set_attribute("tabindex", want);
        }
    }
}

/// `el.querySelectorAll(selector)` as elements.
fn query_all(el: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsValue;
    let list = js_sys::Reflect::get(el, &JsValue::from_str("querySelectorAll"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(el, &JsValue::from_str(selector)).ok());
    match list {
        Some(list) => js_sys::Array::from(&list).iter().filter_map(|v| v.dyn_into().ok()).collect(),
        None => Vec::new(),
    }
}
