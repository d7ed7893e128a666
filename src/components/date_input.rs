//! One date field for both languages: typed as `YYYY-MM-DD` (also `2026/12/6`, `20261206`,
//! tidied on leaving the field), with a button opening the browser's calendar. A browser's
//! own date field follows the browser's locale, so it showed mm/dd/yyyy inside a Chinese page.

use crate::components::list_page::Bind;
use crate::i18n::{use_i18n, Msg};
use leptos::html;
use leptos::prelude::*;
use partner_api::day_input::{normalise_day, parse_day};

#[component]
pub fn DateInput(
    #[prop(into)] value: Bind<String>,
    #[prop(into)] invalid: Signal<bool>,
    test_id: String,
    /// The accessible name: the field and which end of a range.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let picker = NodeRef::<html::Input>::new();
    let (get, set) = (value.get, value.set);
    let open = move |_| {
        if let Some(el) = picker.get() {
            // Not every browser has showPicker; the text field still takes the date.
            let _ = el.show_picker();
        }
    };
    view! {
        <span class="date-input">
            <input
                type="text"
                inputmode="numeric"
                autocomplete="off"
                maxlength="10"
                placeholder="YYYY-MM-DD"
                data-testid=test_id
                aria-label=label
                class:invalid=invalid
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || get.get()
                on:input=move |ev| set.run(event_target_value(&ev))
                on:change=move |ev| {
                    let typed = event_target_value(&ev);
                    let tidy = normalise_day(&typed);
                    if tidy != typed {
                        set.run(tidy);
                    }
                }
            />
            <button
                type="button"
                class="icon-button date-input-open"
                aria-label=move || Msg::OpenCalendar.text(i18n.get())
                title=move || Msg::OpenCalendar.text(i18n.get())
                on:click=open
            >
                <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
                    <path d="M1.5 6.5h13M5 1v3M11 1v3" stroke="currentColor" />
                </svg>
            </button>
            <input
                type="date"
                class="date-input-picker"
                tabindex="-1"
                aria-hidden="true"
                node_ref=picker
                prop:value=move || get.with(|v| parse_day(v).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default())
                on:input=move |ev| set.run(event_target_value(&ev))
            />
        </span>
    }
}
