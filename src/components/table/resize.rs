//! Column widths: a drag handle on the right edge of each header (pointer capture, so the drag
//! follows the pointer anywhere), arrow keys on the focused handle (±16 px), double-click for
//! the default width. Widths go into the persisted layout.

use super::prefs::Layout;
use leptos::prelude::*;

const KEY_STEP: u32 = 16;

#[component]
pub fn ResizeHandle(
    /// Declared index of the column.
    col: usize,
    id: &'static str,
    layout: RwSignal<Layout>,
    default_width: u32,
    label: String,
) -> impl IntoView {
    // (pointer x, column width) when the drag started.
    let drag = StoredValue::new(None::<(f64, f64)>);
    let width = move || layout.with(|l| l.widths[col]);
    view! {
        <span
            class="col-resize"
            role="separator"
            aria-orientation="vertical"
            tabindex="-1"
            data-testid=format!("resize-{id}")
            aria-label=label.clone()
            title=label
            aria-valuenow=move || width().to_string()
            aria-valuemin=super::prefs::MIN_WIDTH.to_string()
            aria-valuemax=super::prefs::MAX_WIDTH.to_string()
            on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                ev.prevent_default();
                ev.stop_propagation();
                let Some(handle) = super::virtual_rows::event_element(&ev) else { return };
                let start = handle
                    .parent_element()
                    .map(|th| super::virtual_rows::width(&th))
                    .unwrap_or(width() as f64);
                drag.set_value(Some((ev.client_x() as f64, start)));
                let _ = handle.set_pointer_capture(ev.pointer_id());
            }
            on:pointermove=move |ev: leptos::ev::PointerEvent| {
                if let Some((x0, w0)) = drag.get_value() {
                    let w = (w0 + ev.client_x() as f64 - x0).round().max(0.0) as u32;
                    if w != width() {
                        layout.update(|l| l.set_width(col, w));
                    }
                }
            }
            on:pointerup=move |_| drag.set_value(None)
            on:pointercancel=move |_| drag.set_value(None)
            on:click=move |ev| ev.stop_propagation()
            on:dblclick=move |_| layout.update(|l| l.set_width(col, default_width))
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                let w = width();
                let next = match ev.key().as_str() {
                    "ArrowLeft" => w.saturating_sub(KEY_STEP),
                    "ArrowRight" => w + KEY_STEP,
                    _ => return,
                };
                // The grid must not move focus: these keys resize.
                ev.prevent_default();
                ev.stop_propagation();
                layout.update(|l| l.set_width(col, next));
            }
        ></span>
    }
}
