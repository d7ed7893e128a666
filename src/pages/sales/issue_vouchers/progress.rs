//! The plan on screen (issuing, interrupted or done): progress, per-customer results with
//! any extra coupons, and what can be done next.

use super::controller::Issuance;
use super::saved::unfinished;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{error_text, tr, use_i18n, Locale, Msg, VoExtraFound, VoProgressText, VoRefusedText};
use leptos::prelude::*;
use partner_api::coupons::ListQuotaCouponsResponse;
use partner_api::issuance::{ExtraCoupon, Item, ItemState, Plan, Tally};

/// The V2 error code text in the user's language, else the server's message.
fn reason_text(code: &str, message: &str, l: Locale) -> String {
    error_text(code, l).map(str::to_string).unwrap_or_else(|| message.to_string())
}

/// What one row of the results table shows.
#[derive(Clone, PartialEq)]
struct RowState {
    code: &'static str,
    detail: Option<String>,
    extra: Vec<ExtraCoupon>,
}

fn row_state(i: &Item, refused: bool) -> RowState {
    let (code, detail) = match &i.state {
        // The call was refused as a whole: said once above the table, not on every row.
        ItemState::Pending if refused => ("not-sent", None),
        ItemState::Pending => ("pending", None),
        ItemState::Sending { .. } => ("sending", None),
        ItemState::Issued { coupon_id } => ("issued", Some(coupon_id.clone())),
        ItemState::Failed { code, message } => ("failed", Some(format!("{code}\u{1}{message}"))),
        ItemState::Unknown { .. } => ("unknown", None),
    };
    RowState { code, detail, extra: i.extra.clone() }
}

/// Progress bar and the per-customer results of the plan.
#[component]
pub fn PlanProgress(issuance: Issuance, quotas: RwSignal<Option<ListQuotaCouponsResponse>>) -> impl IntoView {
    let i18n = use_i18n();
    let tally = Memo::new(move |_| issuance.with_plan(|p| p.map(Plan::tally).unwrap_or_default()));
    let extra = Memo::new(move |_| issuance.with_plan(|p| p.map_or(0, Plan::extra_outstanding)));
    let quota_id =
        Memo::new(move |_| issuance.with_plan(|p| p.map(|p| p.template.quota_id.clone()).unwrap_or_default()));
    let face = Memo::new(move |_| {
        let currency = quota_id.with(|id| {
            quotas.with(|d| {
                d.as_ref().and_then(|d| d.quotas.iter().find(|q| &q.quota_id == id).map(|q| q.currency.clone()))
            })
        });
        issuance
            .with_plan(|p| p.map(|p| p.face_value().with_currency(currency.as_deref().unwrap_or("CNY"))))
            .unwrap_or_default()
    });
    let refusal = Memo::new(move |_| issuance.with_plan(|p| p.and_then(|p| p.refused.clone())));
    let state = move || {
        if refusal.with(Option::is_some) {
            "refused"
        } else if issuance.running() {
            "running"
        } else if unfinished(&tally.get()) {
            "stopped"
        } else {
            "done"
        }
    };
    let t = move |f: fn(&Tally) -> usize| move || f(&tally.get()).to_string();
    // The rows stay put while the plan runs (its customers never change); each row follows
    // its own item, so a batch only redraws the rows it changed, even with thousands of rows.
    let customers = Memo::new(move |_| {
        issuance.with_plan(|p| {
            p.map(|p| p.items.iter().map(|i| (i.customer_id.clone(), i.label.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="card issue-progress" data-testid="issue-progress" data-state=state data-issued=t(|t| t.issued) data-failed=t(|t| t.failed) data-unknown=t(|t| t.unknown) data-pending=t(|t| t.pending) data-not-sent=t(|t| t.not_sent) data-extra=move || extra.get().to_string()>
            <div class="card-title">{tr(Msg::VoProgress)}</div>
            <progress max=t(|t| t.total) value=t(Tally::done) data-testid="progress-bar"></progress>
            <div data-testid="progress-text">{move || {
                let l = i18n.get();
                let t = tally.get();
                VoProgressText { done: &t.done(), total: &t.total, issued: &t.issued, failed: &t.failed }.text(l)
            }}</div>
            {move || (tally.with(|t| t.unknown + t.sending > 0) && issuance.running()).then(|| view! { <div class="muted" data-testid="reconciling">{tr(Msg::VoReconciling)}</div> })}
            {move || refusal.get().map(|r| {
                let code = r.code.clone();
                view! {
                <div class="notice notice-error" role="alert" data-testid="issue-refused" data-code=code.clone()>
                    <div>{move || VoRefusedText { n: &tally.get().not_sent }.text(i18n.get())}</div>
                    <div><strong>{move || reason_text(&r.code, &r.message, i18n.get())}</strong>" ("{code.clone()}")"</div>
                    <div class="muted">{tr(Msg::VoRefusedFix)}</div>
                </div>
            }})}
            {move || (extra.get() > 0).then(|| view! { <div class="form-error" role="alert" data-testid="extra-found">{move || VoExtraFound { n: &extra.get() }.text(i18n.get())}</div> })}
            {move || issuance.flow.with(|f| f.error().cloned()).map(|e| view! {
                <div>
                    <div class="form-error">{tr(Msg::VoStopped)}</div>
                    <ErrorNotice error=e />
                </div>
            })}
            {move || quota_id.with(|id| quotas.with(|d| d.as_ref().and_then(|d| d.quotas.iter().find(|q| &q.quota_id == id).map(|q| q.balance.with_currency(&q.currency))))).map(|b| view! {
                <div data-testid="balance-after">{format!("{} {b}", Msg::VoBalance.text(i18n.get()))}</div>
            })}
            <table class="plain-table" data-testid="issue-results">
                <thead><tr>
                    <th>{tr(Msg::ColCustomer)}</th><th>{tr(Msg::CustomerId)}</th><th>{tr(Msg::VoFaceValue)}</th><th>{tr(Msg::Result)}</th><th>{tr(Msg::VoCouponOrReason)}</th>
                </tr></thead>
                <tbody>
                    <For each=move || customers.get().into_iter().enumerate() key=|(_, (id, _))| id.clone() let:((index, (customer_id, label)))>
                        <ResultLine issuance=issuance index=index customer_id=customer_id label=label face=face />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ResultLine(
    issuance: Issuance,
    index: usize,
    customer_id: String,
    label: String,
    face: Memo<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let st = Memo::new(move |_| {
        issuance
            .with_plan(|p| p.and_then(|p| p.items.get(index).map(|i| row_state(i, p.refused.is_some()))))
            .unwrap_or(RowState { code: "pending", detail: None, extra: Vec::new() })
    });
    let code = move || st.with(|s| s.code);
    let id_attr = customer_id.clone();
    view! {
        <tr data-testid="result-row" data-customer=id_attr data-state=code>
            <td>{label}</td>
            <td class="muted">{customer_id}</td>
            <td>{move || face.get()}</td>
            <td><span class=move || format!("tag tag-{}", code())>{move || match code() {
                "pending" => Msg::VoStatePending,
                "sending" => Msg::VoStateSending,
                "issued" => Msg::VoStateIssued,
                "failed" => Msg::Failed,
                "not-sent" => Msg::VoStateNotSent,
                _ => Msg::VoStateUnknown,
            }.text(i18n.get())}</span></td>
            <td data-testid="result-detail"><span data-testid="result-main">{move || {
                let l = i18n.get();
                st.with(|s| match (s.code, &s.detail) {
                    ("issued", Some(c)) => c.clone(),
                    ("failed", Some(s)) => {
                        let (c, m) = s.split_once('\u{1}').unwrap_or((s, ""));
                        format!("{} ({c})", reason_text(c, m, l))
                    }
                    _ => String::new(),
                })
            }}</span>
            {move || st.with(|s| s.extra.clone()).into_iter().map(|e| {
                let id = e.coupon_id.clone();
                view! {
                    <div class="extra-coupon" data-testid="extra-coupon" data-coupon=e.coupon_id.clone() data-reclaimed=e.reclaimed.to_string()>
                        <span class="tag tag-failed">{tr(Msg::VoExtraCoupon)}</span>
                        " "<span>{e.coupon_id.clone()}</span>" "
                        {if e.reclaimed {
                            view! { <span class="muted">{tr(Msg::VoReclaimed)}</span> }.into_any()
                        } else {
                            view! { <button class="link-button" type="button" data-testid="reclaim-extra" on:click=move |_| issuance.reclaim_extra(id.clone())>{tr(Msg::Reclaim)}</button> }.into_any()
                        }}
                    </div>
                }
            }).collect_view()}
            </td>
        </tr>
    }
}

/// Under the progress card: the outcome of the duplicate check and the next steps.
#[component]
pub fn PlanActions(issuance: Issuance, on_new_issue: Callback<()>) -> impl IntoView {
    let Issuance { checking, check_result, extra_error, .. } = issuance;
    view! {
        {move || extra_error.get().map(|e| view! { <ErrorNotice error=e /> })}
        {move || check_result.get().map(|r| match r {
            Ok(0) => view! { <div class="notice notice-info" data-testid="duplicates-none">{tr(Msg::VoCheckDuplicatesNone)}</div> }.into_any(),
            // Found ones are announced in the card, with a count that follows reclaims.
            Ok(_) => ().into_any(),
            Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
        })}
        <div class="form-actions">
            <button class="button" type="button" data-testid="check-duplicates"
                disabled=move || { issuance.running() || checking.get() || issuance.has_unknown() }
                on:click=move |_| issuance.check_duplicates()>{tr(Msg::VoCheckDuplicates)}</button>
            <button class="button" type="button" data-testid="retry-failed"
                disabled=move || { issuance.running() || !issuance.can_retry() }
                on:click=move |_| issuance.retry_failed()>{tr(Msg::VoRetryFailed)}</button>
            <button class="button" type="button" data-testid="continue-plan"
                disabled=move || issuance.flow.with(|f| f.error().is_none())
                on:click=move |_| issuance.continue_plan()>{tr(Msg::VoContinue)}</button>
            <button class="button primary" type="button" data-testid="new-issue"
                disabled=move || { issuance.running() || issuance.has_unknown() }
                on:click=move |_| on_new_issue.run(())>{tr(Msg::VoNewIssue)}</button>
        </div>
    }
}
