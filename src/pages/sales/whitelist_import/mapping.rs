//! Choosing the columns by hand when the headers are not recognised, remembered (in
//! localStorage, a preference) for files with the same headers.

use super::controller::Import;
use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;
use partner_api::whitelist_file::Mapping;

/// Choose the columns by hand when the headers are not recognised (remembered for files
/// with the same headers).
#[component]
pub fn ColumnMapping(import: Import) -> impl IntoView {
    let i18n = use_i18n();
    let choice = RwSignal::new(Mapping::default());
    let headers = Memo::new(move |_| import.layout.with(|l| l.headers.clone()));
    let select = move |m: Msg,
                       test_id: &'static str,
                       get: fn(&Mapping) -> Option<usize>,
                       put: fn(&mut Mapping, Option<usize>)| {
        view! {
            <label class="field">
                <span class="field-label">{move || m.text(i18n.get())}</span>
                <select data-testid=test_id on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<usize>().ok();
                    choice.update(|c| put(c, v));
                }>
                    <option value="" selected=move || get(&choice.get()).is_none()>{move || Msg::WlMapNone.text(i18n.get())}</option>
                    {move || headers.get().into_iter().enumerate().map(|(i, h)| {
                        // The column letter tells two equal headers apart.
                        let letter = partner_api::sheet::column_name(i);
                        let label = if h.trim().is_empty() { letter } else { format!("{letter} · {}", h.trim()) };
                        view! { <option value=i.to_string() selected=move || get(&choice.get()) == Some(i)>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <div class="wl-mapping" data-testid="wl-mapping">
            <h3 class="wl-mapping-title">{move || Msg::WlMapTitle.text(i18n.get())}</h3>
            <div class="wl-mapping-fields">
                {select(Msg::CustomerId, "wl-map-id", |m| m.customer_id, |m, v| m.customer_id = v)}
                {select(Msg::Account, "wl-map-name", |m| m.account_name, |m, v| m.account_name = v)}
                {select(Msg::Remark, "wl-map-remark", |m| m.remark, |m, v| m.remark = v)}
            </div>
            <button class="button primary" type="button" data-testid="wl-map-apply"
                disabled=move || !choice.get().is_usable() on:click=move |_| import.apply_mapping(choice.get_untracked())>
                {move || Msg::WlMapApply.text(i18n.get())}
            </button>
        </div>
    }
}
