//! "处理" an association event: agree or object (with a required reason) to a customer's
//! unbinding, agree to or cancel a 代客授权, cancel one's own request. The deadline is shown;
//! a second click while sending does nothing; a refusal keeps what was typed.

use super::labels::{association_msg, reason_msg, status_msg, type_msg};
use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::table::masked::mask;
use crate::components::table::Mask;
use crate::i18n::{tr, use_i18n, AeDeadlineLeft, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::association::rules::reason_required;
use partner_api::association::{action, event_type, AssociationEvent, EventAction, EventActionRequest, MAX_REASON};
use partner_api::{codes, ApiError};

fn action_msg(e: &AssociationEvent, a: &str) -> Msg {
    match a {
        action::AGREE => Msg::AeAgree,
        action::OBJECT => Msg::AeObject,
        _ if e.event_type == event_type::ACT_FOR_CUSTOMER
            && e.status == partner_api::association::status::AUTHORIZED =>
        {
            Msg::AeRevoke
        }
        _ => Msg::AeCancelEvent,
    }
}

#[component]
pub fn HandleDialog(event: RwSignal<Option<AssociationEvent>>, on_done: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let reason_problem = RwSignal::new(None::<Msg>);
    let failure = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<AssociationEvent>);

    let run = move |act: &'static str| {
        if sending.get_untracked() {
            return;
        }
        let Some(e) = event.get_untracked() else { return };
        let text = reason.get_untracked();
        let required = reason_required(act);
        if let Some(problem) = reason_msg(&text, required) {
            reason_problem.set(Some(problem));
            return;
        }
        reason_problem.set(None);
        failure.set(None);
        sending.set(true);
        let req = EventActionRequest {
            event_id: e.event_id.clone(),
            body: EventAction { action: act.into(), reason: Some(text.trim().to_string()).filter(|r| !r.is_empty()) },
        };
        spawn_local(async move {
            match api.call(&req).await {
                Ok(after) => {
                    done.try_set(Some(after));
                    on_done.run(());
                }
                Err(err) if err.parameter() == Some("reason") => {
                    reason_problem.try_set(Some(Msg::AeReasonTooLong));
                }
                Err(err) => {
                    failure.try_set(Some(err));
                }
            }
            sending.try_set(false);
        });
    };
    let close = move |_| {
        event.set(None);
        done.set(None);
        reason.set(String::new());
        failure.set(None);
        reason_problem.set(None);
    };

    view! {
        {move || event.get().map(|e| {
            let l = i18n.get();
            let actions: Vec<&'static str> =
                action::ALL.iter().copied().filter(|a| e.allowed_actions.iter().any(|x| x == a)).collect();
            let objectable = actions.contains(&action::OBJECT);
            let deadline = e.deadline.map(|d| match e.seconds_left {
                Some(secs) => {
                    let days = secs / 86_400;
                    format!("{} · {}", crate::format::date_time(&d), AeDeadlineLeft { days: &days }.text(l))
                }
                None => crate::format::date_time(&d),
            });
            let act_for = e.event_type == event_type::ACT_FOR_CUSTOMER;
            let e2 = e.clone();
            view! {
                <div class="dialog-backdrop">
                    <div class="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby="handle-event-title" data-testid="handle-event-dialog">
                        <h2 id="handle-event-title">{tr(Msg::AeHandleTitle)}</h2>
                        <div class="facts">
                            <dl>
                                <dt>{Msg::AeColEvent.text(l)}</dt><dd data-testid="handle-event-id">{e.event_id.clone()}</dd>
                                <dt>{Msg::AeColType.text(l)}</dt><dd>{type_msg(&e.event_type).text(l)}</dd>
                                <dt>{Msg::ColCustomer.text(l)}</dt><dd>{format!("{} ({})", e.customer, mask(Mask::Sensitive, &e.account_name))}</dd>
                                <dt>{Msg::ColAssociation.text(l)}</dt><dd>{association_msg(&e.association_type).text(l)}</dd>
                                <dt>{Msg::Status.text(l)}</dt><dd data-testid="handle-event-status">{move || status_msg(&done.get().map(|d| d.status).unwrap_or_else(|| e2.status.clone())).text(i18n.get())}</dd>
                                <dt>{Msg::Reason.text(l)}</dt><dd>{e.reason.clone().unwrap_or_else(|| "—".into())}</dd>
                                {deadline.map(|d| view! { <dt>{Msg::AeColDeadline.text(l)}</dt><dd data-testid="handle-event-deadline">{d}</dd> })}
                            </dl>
                        </div>
                        {act_for.then(|| view! { <p class="muted">{tr(Msg::AeActForHint)}</p> })}
                        {move || failure.get().map(|err| if err.code == codes::ASSOC_EVENT_STATE {
                            view! { <div class="notice notice-error" role="alert" data-testid="handle-event-refused">{tr(Msg::AeStateChanged)}</div> }.into_any()
                        } else {
                            view! { <ErrorNotice error=err /> }.into_any()
                        })}
                        {move || done.get().is_some().then(|| view! { <div class="notice notice-success" role="status" data-testid="handle-event-done">{tr(Msg::AeHandled)}</div> })}
                        <Show when=move || done.with(Option::is_none)>
                            <label class="field" class:field-invalid=move || reason_problem.get().is_some()>
                                <span class="field-label">{move || if objectable { Msg::AeObjectReason.text(i18n.get()) } else { Msg::AeNote.text(i18n.get()) }}</span>
                                <textarea rows="3" maxlength=MAX_REASON.to_string() data-testid="handle-event-reason"
                                    aria-invalid=move || reason_problem.get().is_some().to_string()
                                    prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                {move || reason_problem.get().map(|m| view! { <p class="field-error" data-testid="handle-event-reason-error">{m.text(i18n.get())}</p> })}
                            </label>
                        </Show>
                        <div class="form-actions">
                            {move || done.with(Option::is_none).then(|| actions.iter().map(|&a| {
                                let class = if a == action::AGREE { "button primary" } else if a == action::OBJECT { "button" } else { "button danger" };
                                let label = action_msg(&e, a);
                                view! {
                                    <button class=class type="button" data-testid=format!("handle-event-{}", a.to_ascii_lowercase())
                                        disabled=move || sending.get() aria-busy=move || sending.get().to_string()
                                        on:click=move |_| run(a)>
                                        {move || label.text(i18n.get())}
                                    </button>
                                }
                            }).collect_view())}
                            <button class="button" type="button" data-testid="handle-event-close" data-dialog-cancel on:click=close>{tr(Msg::Close)}</button>
                        </div>
                    </div>
                </div>
            }
        })}
    }
}
