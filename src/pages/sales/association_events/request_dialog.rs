//! "伙伴发起解除关联或切换关联类型": a customer, unbind or switch, a reason. The customer's
//! constraints are read first and every refusal of `partner_api::association::rules` is
//! explained before anything is sent; the form carries one `client_token`, so a second click
//! or a resend after a lost answer never creates a second request.

use super::labels::{association_msg, reason_msg, refusal_text};
use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{tr, use_i18n, AeCurrentType, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::association::rules::{other_type, refusals, Refusal};
use partner_api::association::{
    event_type, AssociationEvent, Constraints, ConstraintsRequest, CreateEventRequest, MAX_REASON,
};
use partner_api::ApiError;

fn new_token() -> String {
    format!("pc-{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e12) as u64)
}

#[component]
pub fn RequestDialog(open: RwSignal<bool>, customer: RwSignal<String>, on_done: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let kind = RwSignal::new(event_type::PARTNER_UNBIND);
    let reason = RwSignal::new(String::new());
    let constraints = RwSignal::new(None::<Constraints>);
    let checking = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let customer_problem = RwSignal::new(false);
    let reason_problem = RwSignal::new(None::<Msg>);
    let created = RwSignal::new(None::<AssociationEvent>);
    let token = StoredValue::new(new_token());

    let target = move || constraints.with(|c| c.as_ref().and_then(|c| other_type(&c.association_type)));
    let found = Memo::new(move |_| {
        constraints.with(|c| {
            c.as_ref().map(|c| {
                let t = (kind.get() == event_type::PARTNER_SWITCH_TYPE).then(target).flatten();
                refusals(c, kind.get(), t, c.checked_at)
            })
        })
    });
    let check = move || {
        let id = customer.get_untracked().trim().to_string();
        customer_problem.set(id.is_empty());
        if id.is_empty() {
            return;
        }
        checking.set(true);
        failure.set(None);
        constraints.set(None);
        spawn_local(async move {
            match api.call(&ConstraintsRequest { customer_id: id }).await {
                Ok(c) => {
                    constraints.try_set(Some(c));
                }
                Err(e) => {
                    failure.try_set(Some(e));
                }
            }
            checking.try_set(false);
        });
    };
    // A customer handed over (from its detail page) is checked at once.
    Effect::new(move |_| {
        if open.get() && !customer.get_untracked().trim().is_empty() {
            check();
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let Some(c) = constraints.get_untracked() else {
            check();
            return;
        };
        if found.get_untracked().is_some_and(|r| !r.is_empty()) {
            return;
        }
        let text = reason.get_untracked();
        if let Some(problem) = reason_msg(&text, true) {
            reason_problem.set(Some(problem));
            return;
        }
        reason_problem.set(None);
        failure.set(None);
        sending.set(true);
        let k = kind.get_untracked();
        let req = CreateEventRequest {
            customer_id: c.customer_id.clone(),
            event_type: k.into(),
            target_association_type: (k == event_type::PARTNER_SWITCH_TYPE)
                .then(|| other_type(&c.association_type).map(String::from))
                .flatten(),
            reason: text.trim().to_string(),
            client_token: Some(token.get_value()),
        };
        spawn_local(async move {
            match api.call(&req).await {
                Ok(e) => {
                    created.try_set(Some(e));
                    on_done.run(());
                }
                Err(e) if Refusal::from_code(&e.code).is_some() => {
                    // Things changed since the check: read them again to explain with details.
                    check();
                }
                Err(e) => {
                    failure.try_set(Some(e));
                }
            }
            sending.try_set(false);
        });
    };
    let close = move |_| {
        open.set(false);
        created.set(None);
        constraints.set(None);
        reason.set(String::new());
        failure.set(None);
        token.set_value(new_token());
    };

    view! {
        <Show when=move || open.get()>
            <div class="dialog-backdrop">
                <div class="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby="request-title" data-testid="request-dialog">
                    <h2 id="request-title">{tr(Msg::AeRequestTitle)}</h2>
                    {move || match created.get() {
                        Some(e) => view! {
                            <div class="notice notice-success" role="status" data-testid="request-done" data-event=e.event_id.clone()>
                                {tr(Msg::AeRequestDone)}" "{e.event_id.clone()}
                            </div>
                            <div class="form-actions">
                                <button class="button primary" type="button" data-testid="request-close" on:click=close>{tr(Msg::Close)}</button>
                            </div>
                        }.into_any(),
                        None => view! {
                            <form class="request-form" data-testid="request-form" novalidate on:submit=submit>
                                <p class="muted">{tr(Msg::AeRequestIntro)}</p>
                                {move || failure.get().map(|e| view! { <ErrorNotice error=e /> })}
                                <div class="field" class:field-invalid=move || customer_problem.get()>
                                    <label class="field-label" for="request-customer">{tr(Msg::CustomerId)}</label>
                                    <div class="reseller-search">
                                        <input id="request-customer" type="text" maxlength="64" data-testid="request-customer"
                                            prop:value=move || customer.get()
                                            on:input=move |ev| { customer.set(event_target_value(&ev)); constraints.set(None); }
                                            on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); check(); } />
                                        <button class="button" type="button" data-testid="request-check" on:click=move |_| check()>{tr(Msg::AeCheck)}</button>
                                    </div>
                                    {move || customer_problem.get().then(|| view! { <p class="field-error">{tr(Msg::AeEnterCustomer)}</p> })}
                                    {move || checking.get().then(|| view! { <p class="muted" role="status">{tr(Msg::AeChecking)}</p> })}
                                    {move || constraints.get().map(|c| view! {
                                        <p class="muted" data-testid="request-current-type">{AeCurrentType { t: &association_msg(&c.association_type).text(i18n.get()) }.text(i18n.get())}</p>
                                    })}
                                </div>
                                <fieldset class="field">
                                    <legend class="field-label">{tr(Msg::AeKind)}</legend>
                                    {[(event_type::PARTNER_UNBIND, Msg::AeKindUnbind, "request-kind-unbind"), (event_type::PARTNER_SWITCH_TYPE, Msg::AeKindSwitch, "request-kind-switch")].into_iter().map(|(k, m, id)| view! {
                                        <label class="checkbox">
                                            <input type="radio" name="request-kind" data-testid=id prop:checked=move || kind.get() == k on:change=move |_| kind.set(k) />
                                            {tr(m)}
                                        </label>
                                    }).collect_view()}
                                    {move || (kind.get() == event_type::PARTNER_SWITCH_TYPE).then(|| target().map(|t| view! {
                                        <p class="muted" data-testid="request-target">{format!("{}: {}", Msg::AeTarget.text(i18n.get()), association_msg(t).text(i18n.get()))}</p>
                                    }))}
                                </fieldset>
                                {move || found.get().map(|rs| if rs.is_empty() {
                                    view! { <div class="notice notice-success" role="status" data-testid="request-allowed">{tr(Msg::AeCanSubmit)}</div> }.into_any()
                                } else {
                                    let l = i18n.get();
                                    view! {
                                        <div class="notice notice-error" role="alert" data-testid="request-refused">
                                            <strong>{Msg::AeRefusedTitle.text(l)}</strong>
                                            <ul>
                                                {rs.iter().map(|r| view! { <li data-testid="request-refusal" data-code=r.code()>{refusal_text(r, l)}</li> }).collect_view()}
                                            </ul>
                                        </div>
                                    }.into_any()
                                })}
                                <label class="field" class:field-invalid=move || reason_problem.get().is_some()>
                                    <span class="field-label">{tr(Msg::AeRequestReason)}<span class="required" aria-hidden="true">" *"</span></span>
                                    <textarea rows="3" maxlength=MAX_REASON.to_string() data-testid="request-reason"
                                        aria-invalid=move || reason_problem.get().is_some().to_string()
                                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                    {move || reason_problem.get().map(|m| view! { <p class="field-error" data-testid="request-reason-error">{m.text(i18n.get())}</p> })}
                                </label>
                                <div class="form-actions">
                                    <button class="button primary" type="submit" data-testid="request-submit"
                                        disabled=move || sending.get() || checking.get() || found.get().is_some_and(|r| !r.is_empty())
                                        aria-busy=move || sending.get().to_string()>
                                        {move || if sending.get() { Msg::AeSending.text(i18n.get()) } else { Msg::AeSubmit.text(i18n.get()) }}
                                    </button>
                                    <button class="button" type="button" data-testid="request-cancel" data-dialog-cancel on:click=close>{tr(Msg::Cancel)}</button>
                                </div>
                            </form>
                        }.into_any(),
                    }}
                </div>
            </div>
        </Show>
    }
}
