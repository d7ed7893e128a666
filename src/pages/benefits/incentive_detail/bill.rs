//! 确认账单: confirm or reject (with a reason) the bill of a passed incentive. The decision is
//! sent once: the button is disabled while it is in flight, and when the answer is lost (5xx,
//! timeout, cut connection) the bill's state is read back from the server before anything is
//! offered; "Submit again" appears only when the server still shows the bill waiting.

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::incentive_labels::IncentiveError;
use crate::i18n::{tr, use_i18n, InTextTooLong, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::incentives::bill::{check_reason, why_bill_refused, BillDecision, MAX_REASON_LEN};
use partner_api::incentives::calls::DecideBill;
use partner_api::incentives::model::{bill_status, IncentiveDetail, ShowIncentiveRequest};
use partner_api::profile::role;
use partner_api::{ApiError, ErrorKind};

/// Where the decision stands.
#[derive(Clone, PartialEq)]
enum Flow {
    Editing,
    Sending,
    /// The answer was lost: reading the bill back.
    Checking,
    /// The read-back failed too: the outcome is unknown; only "Check the state" is offered.
    Unknown(ApiError),
    /// The server still shows the bill waiting: the decision did not take effect.
    NotApplied(ApiError),
    /// Applied (`true` when learnt by reading back); `confirmed` says which decision.
    Done {
        confirmed: bool,
        reconciled: bool,
    },
    /// Refused by the server (its code explained).
    Refused(ApiError),
}

/// A lost answer: the request may or may not have been processed.
fn ambiguous(e: &ApiError) -> bool {
    matches!(e.kind(), ErrorKind::Server | ErrorKind::Network | ErrorKind::Timeout)
}

#[component]
pub fn BillCard(detail: RwSignal<Option<IncentiveDetail>>, on_changed: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let profile = use_profile();
    let flow = RwSignal::new(Flow::Editing);
    let reject = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let id =
        move || detail.with_untracked(|d| d.as_ref().map(|d| d.incentive.incentive_id.clone()).unwrap_or_default());
    let waiting = Memo::new(move |_| {
        detail.with(|d| {
            d.as_ref().is_some_and(|d| why_bill_refused(&d.incentive.status, &d.incentive.bill_status).is_none())
        })
    });
    let is_admin = Memo::new(move |_| profile.role().as_deref() == Some(role::ADMIN));
    let problem = move || {
        let l = i18n.get();
        let n = reason.with(|r| r.trim().chars().count());
        if !reject.get() {
            None
        } else if n > MAX_REASON_LEN {
            Some(InTextTooLong { max: &MAX_REASON_LEN }.text(l))
        } else if tried.get() && n == 0 {
            Some(Msg::InRejectReasonRequired.text(l).to_string())
        } else {
            None
        }
    };

    // Reads the bill back after a lost answer and moves the flow on from what the server holds.
    let check = move |lost: ApiError| {
        flow.set(Flow::Checking);
        let incentive_id = id();
        spawn_local(async move {
            let read = api.call(&ShowIncentiveRequest { incentive_id }).await;
            let next = match read {
                Ok(d) if d.incentive.bill_status == bill_status::PENDING => Flow::NotApplied(lost),
                Ok(d) => {
                    let confirmed = d.incentive.bill_status == bill_status::CONFIRMED;
                    detail.try_set(Some(d));
                    Flow::Done { confirmed, reconciled: true }
                }
                Err(_) => Flow::Unknown(lost),
            };
            flow.try_set(next);
        });
    };

    let send = move || {
        if matches!(flow.get_untracked(), Flow::Sending | Flow::Checking) {
            return;
        }
        tried.set(true);
        let body = if reject.get_untracked() {
            match check_reason(&reason.get_untracked()) {
                Ok(r) => BillDecision::reject(&r),
                Err(_) => return,
            }
        } else {
            BillDecision::confirm()
        };
        flow.set(Flow::Sending);
        let request = DecideBill { incentive_id: id(), body };
        spawn_local(async move {
            match api.call(&request).await {
                Ok(inc) => {
                    let confirmed = inc.bill_status == bill_status::CONFIRMED;
                    flow.try_set(Flow::Done { confirmed, reconciled: false });
                    on_changed.run(());
                }
                Err(e) if ambiguous(&e) => check(e),
                Err(e) => {
                    flow.try_set(Flow::Refused(e));
                    on_changed.run(());
                }
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send();
    };
    let busy = move || matches!(flow.get(), Flow::Sending | Flow::Checking);

    let form = move || {
        view! {
            <form class="stack-form" data-testid="bill-form" on:submit=submit novalidate>
                <p class="muted">{tr(Msg::InBillIntro)}</p>
                <div class="radio-row" role="radiogroup">
                    <label><input type="radio" name="bill-decision" data-testid="bill-confirm" prop:checked=move || !reject.get() on:change=move |_| reject.set(false) />" "{tr(Msg::InConfirm)}</label>
                    <label><input type="radio" name="bill-decision" data-testid="bill-reject" prop:checked=move || reject.get() on:change=move |_| reject.set(true) />" "{tr(Msg::InReject)}</label>
                </div>
                {move || reject.get().then(|| view! {
                    <label class="field">
                        <span class="field-label">{tr(Msg::InRejectReason)}<span class="required" aria-hidden="true">"*"</span></span>
                        <textarea rows="3" data-testid="bill-reason" class:invalid=move || problem().is_some()
                            aria-invalid=move || problem().is_some().to_string()
                            prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                        {move || problem().map(|p| view! { <span class="field-error" role="alert" data-testid="bill-problem">{p}</span> })}
                    </label>
                })}
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="bill-submit" disabled=busy>
                        {move || match flow.get() {
                            Flow::Sending | Flow::Checking => Msg::InSending,
                            Flow::NotApplied(_) => Msg::InSubmitAgain,
                            _ => Msg::InSubmit,
                        }.text(i18n.get())}
                    </button>
                </div>
            </form>
        }
    };

    let body = move || {
        match flow.get() {
        Flow::Done { confirmed, reconciled } => view! {
            <div class="notice notice-success" role="status" data-testid="bill-done" data-confirmed=confirmed.to_string() data-reconciled=reconciled.to_string()>
                {move || if confirmed { Msg::InBillDoneConfirmed } else { Msg::InBillDoneRejected }.text(i18n.get())}
                {reconciled.then(|| view! { <div class="notice-hint">{tr(Msg::InBillReconciled)}</div> })}
            </div>
        }
        .into_any(),
        Flow::Checking => view! { <p class="muted" role="status" data-testid="bill-checking">{tr(Msg::InBillChecking)}</p> }.into_any(),
        Flow::Unknown(e) => view! {
            <div class="notice notice-warning" role="alert" data-testid="bill-unknown">
                <div>{tr(Msg::InBillUnknown)}</div>
                <IncentiveError error=e.clone() />
                <button type="button" class="button" data-testid="bill-check" on:click=move |_| check(e.clone())>{tr(Msg::InCheckAgain)}</button>
            </div>
        }
        .into_any(),
        Flow::NotApplied(e) => view! {
            <div class="notice notice-warning" role="alert" data-testid="bill-not-applied">
                <div>{tr(Msg::InBillNotApplied)}</div>
                <IncentiveError error=e />
            </div>
            {form()}
        }
        .into_any(),
        Flow::Refused(e) => view! { <IncentiveError error=e /> }.into_any(),
        Flow::Editing | Flow::Sending if !waiting.get() => {
            view! { <p class="muted" data-testid="bill-not-waiting">{tr(Msg::InBillNotWaiting)}</p> }.into_any()
        }
        Flow::Editing | Flow::Sending if !is_admin.get() => {
            view! { <p class="muted" data-testid="bill-admin-only">{tr(Msg::InOnlyAdmin)}</p> }.into_any()
        }
        Flow::Editing | Flow::Sending => form().into_any(),
    }
    };
    view! {
        <div class="card" data-testid="bill-card">
            <h2 class="card-title">{tr(Msg::InBillTitle)}</h2>
            {body}
        </div>
    }
}
