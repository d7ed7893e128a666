//! The column chooser: a toolbar button opening a popover where columns are shown or hidden
//! and moved up or down (buttons, so it works from the keyboard), with "Reset to default".
//! Escape or a click outside closes it and focus returns to the button.

use super::icons;
use super::prefs::Layout;
use crate::i18n::{tr, use_i18n, Msg};
use leptos::prelude::*;

#[component]
pub fn ColumnChooser(
    /// (id, header) of every declared column, by declared index.
    headers: Vec<(&'static str, Msg)>,
    layout: RwSignal<Layout>,
    on_reset: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let button: NodeRef<leptos::html::Button> = NodeRef::new();
    let panel: NodeRef<leptos::html::Div> = NodeRef::new();
    let headers = StoredValue::new(headers);
    let close = move || {
        open.set(false);
        if let Some(b) = button.try_get_untracked().flatten() {
            let _ = b.focus();
        }
    };
    // Focus moves into the popover when it opens.
    Effect::new(move |_| {
        if open.get() {
            request_animation_frame(move || {
                if let Some(first) =
                    panel.try_get_untracked().flatten().and_then(|p| p.query_selector("input, button").ok().flatten())
                {
                    use wasm_bindgen::JsCast;
                    if let Ok(el) = first.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            });
        }
    });

    // The list is rebuilt on every change, patching the rows in place: the focused button stays
    // where it was and now belongs to another column (or the focus is dropped). For the next
    // frames (a slow machine may rebuild later, or twice), focus goes back to the control that
    // was used, now at its column's new place — until the person moves the focus themselves.
    let refocus = move |test_id: String| {
        let held = document().active_element();
        refocus_for_frames(panel, held, test_id, 20);
    };

    let rows = move || {
        let l = i18n.get();
        let lay = layout.get();
        let n = lay.order.len();
        let visible_count = lay.visible().len();
        lay.order
            .iter()
            .enumerate()
            .map(|(pos, &col)| {
                let (id, header) = headers.with_value(|h| h[col]);
                let name = header.text(l);
                let shown = !lay.hidden[col];
                let last_shown = shown && visible_count <= 1;
                view! {
                    <li class="chooser-item" data-col=id>
                        <label class="checkbox">
                            <input
                                type="checkbox"
                                data-testid=format!("chooser-visible-{id}")
                                prop:checked=shown
                                disabled=last_shown
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    layout.update(|lay| lay.set_hidden(col, !on));
                                    refocus(format!("chooser-visible-{id}"));
                                }
                            />
                            <span>{name}</span>
                        </label>
                        <span class="chooser-moves">
                            <button
                                type="button"
                                class="icon-button"
                                data-testid=format!("chooser-up-{id}")
                                aria-label=format!("{}: {name}", Msg::MoveUp.text(l))
                                title=Msg::MoveUp.text(l)
                                disabled=pos == 0
                                on:click=move |_| {
                                    layout.update(|lay| lay.shift(col, -1));
                                    refocus(format!("chooser-up-{id}"));
                                }
                            >"↑"</button>
                            <button
                                type="button"
                                class="icon-button"
                                data-testid=format!("chooser-down-{id}")
                                aria-label=format!("{}: {name}", Msg::MoveDown.text(l))
                                title=Msg::MoveDown.text(l)
                                disabled=pos + 1 == n
                                on:click=move |_| {
                                    layout.update(|lay| lay.shift(col, 1));
                                    refocus(format!("chooser-down-{id}"));
                                }
                            >"↓"</button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <div class="chooser">
            <button
                type="button"
                class="button"
                node_ref=button
                data-testid="column-chooser"
                aria-haspopup="dialog"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {icons::columns()}
                {tr(Msg::Columns)}
            </button>
            <Show when=move || open.get()>
                <div class="popover-backdrop" on:click=move |_| close()></div>
                <div
                    class="popover chooser-panel"
                    role="dialog"
                    node_ref=panel
                    data-testid="column-chooser-panel"
                    aria-label=tr(Msg::ColumnsTitle)
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            close();
                        }
                    }
                >
                    <div class="popover-title">{tr(Msg::ColumnsTitle)}</div>
                    <ul class="chooser-list">{rows}</ul>
                    <div class="popover-actions">
                        <button type="button" class="link-button" data-testid="chooser-reset" on:click=move |_| on_reset.run(())>
                            {tr(Msg::ResetColumns)}
                        </button>
                        <button type="button" class="button" data-testid="chooser-close" on:click=move |_| close()>
                            {tr(Msg::Close)}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}

/// `held`: the node that had the focus when this watch last set it (or saw it right).
fn refocus_for_frames(panel: NodeRef<leptos::html::Div>, held: Option<web_sys::Element>, test_id: String, frames: u8) {
    request_animation_frame(move || {
        if panel.try_get_untracked().flatten().is_none() {
            return;
        }
        let doc = document();
        let active = doc.active_element().filter(|a| a.is_connected() && doc.body().is_none_or(|b| *b != *a));
        let held = match active {
            // Lost: the rebuild dropped it.
            None => refocus_now(panel, &test_id),
            // Still on the node it was on: right, or a patched button now for another column.
            Some(a) if held.as_ref() == Some(&a) => {
                if a.get_attribute("data-testid").as_deref() == Some(test_id.as_str()) {
                    Some(a)
                } else {
                    refocus_now(panel, &test_id)
                }
            }
            // The person moved it: their choice stands.
            Some(_) => return,
        };
        if frames > 0 {
            refocus_for_frames(panel, held, test_id, frames - 1);
        }
    });
}

/// Focuses the control `test_id` (or the close button when it is disabled now); the node focused.
fn refocus_now(panel: NodeRef<leptos::html::Div>, test_id: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let p = panel.try_get_untracked().flatten()?;
    let el = p
        .query_selector(&format!("[data-testid=\"{test_id}\"]:not(:disabled)"))
        .ok()
        .flatten()
        .or_else(|| p.query_selector("[data-testid=chooser-close]").ok().flatten());
    let el = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())?;
    let _ = el.focus();
    Some(el.into())
}
