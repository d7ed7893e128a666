//! Keyboard and focus for every modal dialog (`.dialog[aria-modal=true]`), installed once by the
//! shell so each dialog only marks its cancel button with `data-dialog-cancel`:
//! - when a dialog opens, focus moves into it (its first field, else its cancel button), and
//!   when the last one closes, focus goes back to what had it before (the opener);
//! - Tab and Shift+Tab cycle inside the topmost dialog, never leaving it;
//! - Esc presses the dialog's cancel button (dialogs without one, like re-sign-in, ignore Esc).

use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, MutationObserver, MutationObserverInit};

const DIALOG: &str = ".dialog[aria-modal=true]";
const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]):not([type=hidden]), \
     select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])";
const FIELDS: &str = "input:not([disabled]):not([type=hidden]):not([type=radio]):not([type=checkbox]), \
     textarea:not([disabled]), select:not([disabled])";

fn topmost_dialog() -> Option<Element> {
    let all = document().query_selector_all(DIALOG).ok()?;
    all.item(all.length().checked_sub(1)?)?.dyn_into::<Element>().ok()
}

fn focusables(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
}

fn first_of(dialog: &Element, selector: &str) -> Option<HtmlElement> {
    dialog.query_selector(selector).ok().flatten()?.dyn_into::<HtmlElement>().ok()
}

/// Where focus goes when a dialog opens.
fn initial_focus(dialog: &Element) -> Option<HtmlElement> {
    first_of(dialog, FIELDS)
        .or_else(|| first_of(dialog, "[data-dialog-cancel]:not([disabled])"))
        .or_else(|| focusables(dialog).into_iter().next())
}

fn on_key(ev: &KeyboardEvent) {
    let Some(dialog) = topmost_dialog() else { return };
    match ev.key().as_str() {
        "Escape" => {
            if let Some(cancel) = first_of(&dialog, "[data-dialog-cancel]:not([disabled])") {
                ev.prevent_default();
                cancel.click();
            }
        }
        "Tab" => {
            let items = focusables(&dialog);
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                ev.prevent_default();
                return;
            };
            let active = document().active_element();
            let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
            let at = |e: &HtmlElement| active.as_ref().is_some_and(|a| a == e.unchecked_ref::<Element>());
            if ev.shift_key() && (!inside || at(first)) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && (!inside || at(last)) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    }
}

#[component]
pub fn ModalKeys() -> impl IntoView {
    let keys = window_event_listener(leptos::ev::keydown, |ev| on_key(&ev));
    on_cleanup(move || keys.remove());

    // Which dialog is on top, and what had focus before the first one opened.
    let open: Rc<RefCell<Option<Element>>> = Rc::default();
    let opener: Rc<RefCell<Option<HtmlElement>>> = Rc::default();
    let changed = Closure::<dyn FnMut()>::new(move || {
        let now = topmost_dialog();
        if *open.borrow() == now {
            return;
        }
        let before = open.replace(now.clone());
        match now {
            Some(dialog) => {
                if before.is_none() {
                    *opener.borrow_mut() = document().active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok());
                }
                if let Some(el) = initial_focus(&dialog) {
                    let _ = el.focus();
                }
            }
            None => {
                if let Some(el) = opener.take().filter(|e| e.is_connected()) {
                    let _ = el.focus();
                }
            }
        }
    });
    if let (Ok(observer), Some(body)) = (MutationObserver::new(changed.as_ref().unchecked_ref()), document().body()) {
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        let _ = observer.observe_with_options(&body, &init);
        // The observer and its callback live as long as the shell.
        let observer = StoredValue::new_local(observer);
        on_cleanup(move || observer.with_value(MutationObserver::disconnect));
    }
    changed.forget();
}
