//! "发放代金券额度 / Issue quota" (Q1): a source quota of the distributor's own (V1), resellers
//! picked from R1 (search, multi-select), the same amount for each, a live summary against the
//! source's balance, then one call and each reseller's result. Q1 is not idempotent: when its
//! answer is lost (5xx, timeout, dropped connection) the outcome is read back from the Q4
//! records before anything else happens, and nothing is ever resent automatically.

mod records;
mod results;

use super::duplicates::Sent;
use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::remote::use_remote;
use crate::i18n::{tr, use_i18n, Locale, Msg, QtOverBalance, QtSelectedResellers};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::coupons::{CouponQuota, ListQuotaCouponsRequest};
use partner_api::money::AmountProblem;
use partner_api::quota_issue::{ambiguous, outcomes, plan, problems, reconcile, Outcome, PlanProblem};
use partner_api::quotas::UpdateCouponQuotasRequest;
use partner_api::resellers::{IndirectPartner, ListIndirectPartnersRequest};
use partner_api::{Amount, ApiError};
pub(super) use records::records_since;
use std::collections::HashSet;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Edit,
    Sending,
    Reconciling,
    /// `true` when the results were read back from the records.
    Done(bool),
}

fn label(r: &IndirectPartner) -> String {
    match (&r.name, &r.account_name) {
        (Some(n), Some(a)) => format!("{n} ({a})"),
        (Some(n), None) => n.clone(),
        (None, Some(a)) => a.clone(),
        (None, None) => r.indirect_partner_id.clone(),
    }
}

/// Why a source quota cannot give quota now, if it cannot (the server has the last word; its
/// clock decides what is in effect).
fn why_not(q: &CouponQuota, l: Locale) -> Option<String> {
    let now = crate::api::server_clock::now();
    crate::components::quota_labels::usability_text(q.usability(now), &q.effective_time, l)
}

fn usable(q: &CouponQuota) -> bool {
    q.usability(crate::api::server_clock::now()).is_usable()
}

fn day(t: &partner_api::time::Instant) -> String {
    crate::format::date_time(t).chars().take(10).collect()
}

fn problem_text(p: PlanProblem, balance: Option<Amount>, total: Option<Amount>, l: Locale) -> String {
    match p {
        PlanProblem::NoQuota => Msg::QtPickSource.text(l).into(),
        PlanProblem::NoResellers => Msg::QtPickResellers.text(l).into(),
        PlanProblem::TooManyResellers => Msg::QtTooManyResellers.text(l).into(),
        PlanProblem::Amount(AmountProblem::NotANumber) => Msg::QtAmountNotNumber.text(l).into(),
        PlanProblem::Amount(AmountProblem::NotPositive) => Msg::QtAmountNotPositive.text(l).into(),
        PlanProblem::Amount(AmountProblem::TooManyDecimals) => Msg::QtAmountDecimals.text(l).into(),
        PlanProblem::OverBalance => QtOverBalance {
            total: &total.map(|t| t.with_currency("CNY")).unwrap_or_default(),
            balance: &balance.map(|b| b.with_currency("CNY")).unwrap_or_default(),
        }
        .text(l),
    }
}

#[component]
pub fn QuotaIssueDialog(open: RwSignal<bool>, source: RwSignal<String>, on_done: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();

    let api_q = api;
    let quotas = use_remote(move || {
        let api = api_q;
        async move {
            let req = ListQuotaCouponsRequest { offset: Some(0), limit: Some(100), ..Default::default() };
            api.call(&req).await
        }
    });
    let search = RwSignal::new(String::new());
    let applied_search = RwSignal::new(String::new());
    let api_r = api;
    let resellers = use_remote(move || {
        let name = applied_search.get();
        let api = api_r;
        async move {
            let req = ListIndirectPartnersRequest {
                account_name: Some(name).filter(|n| !n.is_empty()),
                offset: Some(0),
                limit: Some(100),
                ..Default::default()
            };
            api.call(&req).await
        }
    });
    // Chosen resellers (id, label), kept across searches.
    let chosen = RwSignal::new(Vec::<(String, String)>::new());
    let amount = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let phase = RwSignal::new(Phase::Edit);
    let failure = RwSignal::new(None::<ApiError>);
    let results = RwSignal::new(Vec::<(String, String, Outcome)>::new());
    // What was sent, for "Check for duplicates".
    let sent = RwSignal::new(None::<Sent>);

    let quota = Memo::new(move |_| {
        let id = source.get();
        quotas.data.with(|d| d.as_ref().and_then(|d| d.quotas.iter().find(|q| q.quota_id == id && usable(q)).cloned()))
    });
    let checked =
        Memo::new(move |_| plan(&amount.get(), chosen.with(Vec::len), quota.with(|q| q.as_ref().map(|q| q.balance))));
    let total = Memo::new(move |_| {
        partner_api::money::parse_input_amount(&amount.get())
            .ok()
            .map(|a| Amount(a.0 * rust_decimal::Decimal::from(chosen.with(Vec::len) as u64)))
    });
    let all_problems = Memo::new(move |_| {
        problems(&amount.get(), chosen.with(Vec::len), quota.with(|q| q.as_ref().map(|q| q.balance)))
    });
    // The first problem of these kinds, once a submit was tried.
    let problem = move |which: &[PlanProblem]| {
        if !tried.get() {
            return None;
        }
        let l = i18n.get();
        let same = |a: &PlanProblem, b: &PlanProblem| std::mem::discriminant(a) == std::mem::discriminant(b);
        all_problems
            .with(|ps| ps.iter().find(|p| which.iter().any(|w| same(w, p))).copied())
            .map(|p| problem_text(p, quota.with(|q| q.as_ref().map(|q| q.balance)), total.get(), l))
    };

    let api_send = api;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        failure.set(None);
        let Ok(p) = checked.get_untracked() else { return };
        let Some(q) = quota.get_untracked() else { return };
        let picked = chosen.get_untracked();
        let ids: Vec<String> = picked.iter().map(|(id, _)| id.clone()).collect();
        let name_of = move |id: &str| picked.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone()).unwrap_or_default();
        phase.set(Phase::Sending);
        let api = api_send;
        spawn_local(async move {
            // What the records held before: after a lost answer, only newer records count.
            let known: HashSet<String> = match records_since(&api, &q.quota_id, None).await {
                Ok(r) => r.into_iter().map(|r| r.id).collect(),
                Err(e) => {
                    failure.try_set(Some(e));
                    phase.try_set(Phase::Edit);
                    return;
                }
            };
            sent.try_set(Some(Sent {
                source: q.quota_id.clone(),
                amount: p.amount,
                resellers: ids.clone(),
                known: known.clone(),
            }));
            let req = UpdateCouponQuotasRequest {
                quota_id: q.quota_id.clone(),
                indirect_partner_ids: ids.clone(),
                quota_amount: p.amount,
            };
            let (list, reconciled) = match api.call(&req).await {
                Ok(r) => (outcomes(&ids, &r), false),
                Err(e) if ambiguous(&e) => {
                    phase.try_set(Phase::Reconciling);
                    match records_since(&api, &q.quota_id, Some(&known)).await {
                        Ok(after) => (reconcile(&ids, p.amount, &known, &after), true),
                        Err(_) => (ids.iter().map(|id| (id.clone(), Outcome::Unknown)).collect(), false),
                    }
                }
                Err(e) => {
                    // Refused as a whole (4xx or a business code): nothing was issued; the form stays.
                    failure.try_set(Some(e));
                    phase.try_set(Phase::Edit);
                    return;
                }
            };
            results.try_set(list.into_iter().map(|(id, o)| (name_of(&id), id, o)).collect());
            phase.try_set(Phase::Done(reconciled));
            on_done.run(());
        });
    };

    let close = move |_| open.set(false);
    let toggle = move |r: IndirectPartner, on: bool| {
        chosen.update(|c| {
            c.retain(|(id, _)| *id != r.indirect_partner_id);
            if on {
                c.push((r.indirect_partner_id.clone(), label(&r)));
            }
        })
    };

    view! {
        <div class="dialog-backdrop">
            <div class="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby="issue-quota-title" data-testid="issue-quota-dialog">
                <h2 id="issue-quota-title">{tr(Msg::QtIssueQuota)}</h2>
                {move || match phase.get() {
                    Phase::Done(reconciled) => view! {
                        <results::Results results=results reconciled=reconciled sent=sent on_done=on_done on_close=Callback::new(move |_| open.set(false)) />
                    }.into_any(),
                    Phase::Sending | Phase::Reconciling => view! {
                        <div class="notice notice-info" role="status" data-testid="issue-quota-sending" aria-busy="true">
                            {move || if phase.get() == Phase::Reconciling { tr(Msg::QtReconciling)() } else { tr(Msg::QtSubmitting)() }}
                        </div>
                    }.into_any(),
                    Phase::Edit => view! {
                        <form class="issue-quota-form" data-testid="issue-quota-form" novalidate on:submit=submit>
                            <p class="muted">{tr(Msg::QtDialogIntro)}</p>
                            {move || failure.get().map(|e| view! { <ErrorNotice error=e /> })}
                            <fieldset class="field" class:field-invalid=move || problem(&[PlanProblem::NoQuota]).is_some()>
                                <legend class="field-label">{tr(Msg::QtParentQuota)}</legend>
                                <div class="quota-list" role="radiogroup" data-testid="source-quotas">
                                    {move || quotas.error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| quotas.reload()) /> })}
                                    {move || quotas.data.get().map(|d| d.quotas.into_iter().map(|q| {
                                        let ok = usable(&q);
                                        let id = q.quota_id.clone();
                                        let id_sel = id.clone();
                                        let id_attr = id.clone();
                                        let l = i18n.get();
                                        view! {
                                            <label class=if ok { "quota-option" } else { "quota-option disabled" } data-testid="source-quota" data-quota=id_attr data-usable=ok.to_string()>
                                                <input type="radio" name="source-quota" value=id.clone() disabled=!ok
                                                    prop:checked=move || source.with(|s| *s == id_sel)
                                                    on:change=move |_| source.set(id.clone()) />
                                                <span class="quota-main">
                                                    <span class="quota-id">{q.quota_id.clone()}</span>
                                                    <span class="quota-balance">{format!("{} {}", Msg::QtBalance.text(l), q.balance.with_currency(&q.currency))}</span>
                                                    <span class="muted">{crate::components::quota_labels::type_msg(q.quota_type).text(l)}</span>
                                                    <span class="muted">{format!("{} {} – {}", Msg::QtValidityInherited.text(l), day(&q.effective_time), day(&q.expire_time))}</span>
                                                </span>
                                                {why_not(&q, l).map(|m| view! { <span class="quota-why" data-testid="source-quota-why">{m}</span> })}
                                            </label>
                                        }
                                    }).collect_view())}
                                </div>
                                {move || problem(&[PlanProblem::NoQuota]).map(|m| view! { <p class="field-error" data-testid="source-error">{m}</p> })}
                            </fieldset>
                            <fieldset class="field" class:field-invalid=move || problem(&[PlanProblem::NoResellers, PlanProblem::TooManyResellers]).is_some()>
                                <legend class="field-label">{tr(Msg::QtReseller)}</legend>
                                <div class="reseller-search">
                                    <input type="search" maxlength="64" data-testid="reseller-search"
                                        placeholder=move || Msg::QtSearchResellers.text(i18n.get())
                                        prop:value=move || search.get()
                                        on:input=move |ev| search.set(event_target_value(&ev))
                                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); applied_search.set(search.get_untracked().trim().to_string()); } />
                                    <button class="button" type="button" data-testid="reseller-search-go" on:click=move |_| applied_search.set(search.get_untracked().trim().to_string())>{tr(Msg::Search)}</button>
                                </div>
                                {move || resellers.error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| resellers.reload()) /> })}
                                <ul class="reseller-list" data-testid="reseller-list">
                                    {move || resellers.data.get().map(|d| {
                                        if d.indirect_partners.is_empty() {
                                            return view! { <li class="muted">{tr(Msg::QtNoResellersFound)}</li> }.into_any();
                                        }
                                        d.indirect_partners.into_iter().map(|r| {
                                            let id = r.indirect_partner_id.clone();
                                            let id_attr = id.clone();
                                            let text = label(&r);
                                            view! {
                                                <li>
                                                    <label class="checkbox" data-testid="reseller-option" data-reseller=id_attr>
                                                        <input type="checkbox"
                                                            prop:checked=move || chosen.with(|c| c.iter().any(|(i, _)| *i == id))
                                                            on:change=move |ev| toggle(r.clone(), event_target_checked(&ev)) />
                                                        {text}
                                                    </label>
                                                </li>
                                            }
                                        }).collect_view().into_any()
                                    })}
                                </ul>
                                <p class="muted" data-testid="reseller-count">{move || QtSelectedResellers { n: &chosen.with(Vec::len) }.text(i18n.get())}</p>
                                {move || problem(&[PlanProblem::NoResellers, PlanProblem::TooManyResellers]).map(|m| view! { <p class="field-error" data-testid="resellers-error">{m}</p> })}
                            </fieldset>
                            <label class="field" class:field-invalid=move || problem(&[PlanProblem::Amount(AmountProblem::NotANumber)]).is_some()>
                                <span class="field-label">{tr(Msg::QtAmountEach)}</span>
                                <input type="text" inputmode="decimal" data-testid="quota-amount" aria-invalid=move || problem(&[PlanProblem::Amount(AmountProblem::NotANumber)]).is_some().to_string()
                                    prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev)) />
                                {move || problem(&[PlanProblem::Amount(AmountProblem::NotANumber)]).map(|m| view! { <p class="field-error" data-testid="amount-error">{m}</p> })}
                            </label>
                            <div class="issue-summary" data-testid="issue-quota-summary" class:field-invalid=move || problem(&[PlanProblem::OverBalance]).is_some()>
                                <span>{tr(Msg::QtSummary)}</span>" "
                                <strong data-testid="issue-quota-total">{move || {
                                    let n = chosen.with(Vec::len);
                                    let each = partner_api::money::parse_input_amount(&amount.get()).ok().map(|a| a.with_currency("CNY")).unwrap_or_else(|| "—".into());
                                    let t = total.get().map(|t| t.with_currency("CNY")).unwrap_or_else(|| "—".into());
                                    format!("{n} × {each} = {t}")
                                }}</strong>
                                {move || checked.get().ok().map(|p| view! {
                                    <span class="muted" data-testid="issue-quota-after">{format!(" · {} {}", Msg::QtBalanceAfter.text(i18n.get()), p.balance_after.with_currency("CNY"))}</span>
                                })}
                                {move || problem(&[PlanProblem::OverBalance]).map(|m| view! { <p class="field-error" data-testid="over-balance-error">{m}</p> })}
                            </div>
                            <div class="form-actions">
                                <button class="button primary" type="submit" data-testid="issue-quota-submit">{tr(Msg::Issue)}</button>
                                <button class="button" type="button" data-testid="issue-quota-cancel" data-dialog-cancel on:click=close>{tr(Msg::Cancel)}</button>
                            </div>
                        </form>
                    }.into_any(),
                }}
            </div>
        </div>
    }
}
