//! The quota picker (usable quotas first, the others shown with why not) and the scope
//! checkboxes of the advanced options.

use super::draft::day;
use crate::components::quota_labels::usability_text;
use crate::i18n::{code_label, tr, use_i18n, CodeKind, Locale, Msg};
use leptos::prelude::*;
use partner_api::coupons::{CouponQuota, ListQuotaCouponsResponse};
use partner_api::issuance::form::face_bounds;
use partner_api::time::Instant;

/// Why a quota cannot issue now, if it cannot (the rule is `CouponQuota::usability`; one not
/// yet in effect says from when).
fn why_not_usable(q: &CouponQuota, now: Instant, l: Locale) -> Option<String> {
    usability_text(q.usability(now), &q.effective_time, l)
}

/// The quotas of the chosen type: usable ones can be picked; the others are shown with why not.
#[component]
pub fn QuotaPicker(quotas: RwSignal<Option<ListQuotaCouponsResponse>>, selected: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="quota-list" data-testid="quota-list" role="radiogroup">
            {move || {
                let l = i18n.get();
                let now = crate::api::server_clock::now();
                match quotas.get() {
                    None => view! { <span class="muted">{Msg::Loading.text(l)}</span> }.into_any(),
                    Some(d) if d.quotas.is_empty() => view! { <span class="muted" data-testid="no-quotas">{Msg::VoNoQuotas.text(l)}</span> }.into_any(),
                    Some(d) => {
                        // Usable quotas first, the soonest to expire first within each group.
                        let mut quotas: Vec<_> = d.quotas.into_iter().map(|q| (why_not_usable(&q, now, l), q)).collect();
                        quotas.sort_by_key(|(why, q)| (why.is_some(), q.expire_time));
                        quotas.into_iter().map(|(why, q)| {
                        let id = q.quota_id.clone();
                        let id2 = id.clone();
                        let id3 = id.clone();
                        let limits = match face_bounds(&q) {
                            (None, None) => String::new(),
                            (a, b) => format!(" · {} {} – {}", Msg::VoFaceRange.text(l), a.map(|a| a.grouped()).unwrap_or_default(), b.map(|b| b.grouped()).unwrap_or_default()),
                        };
                        let usable = why.is_none();
                        let class = if usable { "quota-option" } else { "quota-option disabled" };
                        view! {
                            <label class=class data-testid="quota-option" data-quota=id.clone() data-usable=usable.to_string()>
                                <input type="radio" name="quota" value=id.clone() disabled=!usable
                                    prop:checked=move || selected.with(|s| *s == id2)
                                    on:change=move |_| selected.set(id3.clone()) />
                                <span class="quota-main">
                                    <span class="quota-id">{id.clone()}</span>
                                    <span class="quota-balance" data-testid="quota-balance">{format!("{} {}", Msg::VoBalance.text(l), q.balance.with_currency(&q.currency))}</span>
                                </span>
                                <span class="muted">{format!("{} {} – {}{limits}", Msg::VoValidity.text(l), day(&q.effective_time), day(&q.expire_time))}</span>
                                {why.map(|m| view! { <span class="quota-why" data-testid="quota-why">{m}</span> })}
                            </label>
                        }
                    }).collect_view().into_any()
                    }
                }
            }}
        </div>
    }
}

/// Checkboxes over what the quota allows, by name in the person's language (the code as the
/// tooltip); none checked = the quota's whole scope.
#[component]
pub fn ScopePicker(
    label: Msg,
    /// What the codes are: `CodeKind::ServiceType` or `CodeKind::Product`.
    kind: CodeKind,
    options: Signal<Vec<String>>,
    selected: RwSignal<Vec<String>>,
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field scope-picker" data-testid=test_id>
            <legend class="field-label">{move || label.text(i18n.get())}</legend>
            {move || {
                let opts = options.get();
                if opts.is_empty() {
                    return view! { <span class="muted">{Msg::VoScopeAll.text(i18n.get())}</span> }.into_any();
                }
                let l = i18n.get();
                opts.into_iter().map(|o| {
                    let (o1, o2) = (o.clone(), o.clone());
                    let name = code_label(kind, &o, l);
                    view! {
                        <label class="checkbox" title=o.clone() data-code=o.clone()>
                            <input type="checkbox" prop:checked=move || selected.with(|s| s.contains(&o1))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| {
                                        s.retain(|x| *x != o2);
                                        if on { s.push(o2.clone()); }
                                    });
                                } />
                            <span>{name}</span>
                        </label>
                    }
                }).collect_view().into_any()
            }}
            <span class="muted">{tr(Msg::VoScopeHint)}</span>
        </fieldset>
    }
}
