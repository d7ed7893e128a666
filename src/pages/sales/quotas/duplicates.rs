//! "Check for duplicates" in the issue-quota dialog's results: each reseller's allocations
//! since the request (Q4), the extra ones shown on that reseller's row, never hidden, each
//! with a reclaim (Q2). See `partner_api::quota_duplicates`.

use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{error_text, tr, use_i18n, Msg, QtDupExtra, QtDupKept, QtDupSummary};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::quota_duplicates::{allocations, Allocations};
use partner_api::quota_issue::Outcome;
use partner_api::quotas::ReclaimCouponQuotasRequest;
use partner_api::{Amount, ApiError};
use std::collections::{HashMap, HashSet};

/// What the dialog sent: enough to read its allocations back.
#[derive(Clone)]
pub struct Sent {
    pub source: String,
    pub amount: Amount,
    pub resellers: Vec<String>,
    /// Issue record ids of the source quota read just before sending.
    pub known: HashSet<String>,
}

#[derive(Clone, PartialEq)]
enum Reclaim {
    Running,
    Done,
    Failed(String, String),
}

#[component]
pub fn QuotaDuplicates(
    sent: Sent,
    shown: Signal<Vec<(String, String, Outcome)>>,
    on_change: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let checking = RwSignal::new(false);
    let found = RwSignal::new(None::<Vec<Allocations>>);
    let error = RwSignal::new(None::<ApiError>);
    let reclaims = RwSignal::new(HashMap::<String, Reclaim>::new());
    let sent = StoredValue::new(sent);
    let api_check = api;
    let check = move |_| {
        checking.set(true);
        error.set(None);
        let api = api_check;
        let s = sent.get_value();
        let outcomes: Vec<(String, Outcome)> = shown.get_untracked().into_iter().map(|(_, id, o)| (id, o)).collect();
        spawn_local(async move {
            match super::issue_dialog::records_since(&api, &s.source, Some(&s.known)).await {
                Ok(after) => {
                    found.try_set(Some(allocations(&s.resellers, s.amount, &s.known, &after, &outcomes)));
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
            checking.try_set(false);
        });
    };
    let reclaim = Callback::new(move |quota: String| {
        reclaims.update(|m| {
            m.insert(quota.clone(), Reclaim::Running);
        });
        spawn_local(async move {
            let req = ReclaimCouponQuotasRequest { quota_ids: vec![quota.clone()], remark: None };
            let state = match api.call(&req).await {
                Ok(r) => match r.error_details.into_iter().find(|d| d.id == quota) {
                    Some(d) => Reclaim::Failed(d.error_code, d.error_msg),
                    None => Reclaim::Done,
                },
                Err(e) => Reclaim::Failed(e.code, e.message),
            };
            reclaims.try_update(|m| {
                m.insert(quota, state);
            });
            on_change.run(());
        });
    });
    let name_of = move |id: &str| {
        shown.with(|s| s.iter().find(|(_, i, _)| i == id).map(|(n, _, _)| n.clone())).unwrap_or_else(|| id.to_string())
    };
    view! {
        <div class="quota-duplicates" data-testid="quota-duplicates">
            <div class="form-actions">
                <button class="button" type="button" data-testid="check-quota-duplicates" disabled=move || checking.get() on:click=check>
                    {tr(Msg::QtCheckDuplicates)}
                </button>
            </div>
            {move || error.get().map(|e| view! { <ErrorNotice error=e /> })}
            {move || found.get().map(|list| {
                let l = i18n.get();
                let extra: usize = list.iter().map(|a| a.extra.len()).sum();
                let summary_class = if extra == 0 { "notice notice-info" } else { "notice notice-error" };
                view! {
                    <p class=summary_class data-testid="quota-dup-summary" data-extra=extra.to_string()>
                        {if extra == 0 { Msg::QtDupNone.text(l).to_string() } else { QtDupSummary { n: &extra }.text(l) }}
                    </p>
                    <p class="muted">{Msg::QtDupIntro.text(l)}</p>
                    <ul class="paste-results">
                        {list.into_iter().map(|a| {
                            let name = name_of(&a.reseller);
                            let main = match &a.kept {
                                Some(q) => QtDupKept { quota: &q }.text(l),
                                None => Msg::QtDupNothing.text(l).to_string(),
                            };
                            let n = a.extra.len();
                            let row_class = if n == 0 { "paste-result" } else { "paste-result bad" };
                            view! {
                                <li class=row_class data-testid="quota-dup" data-reseller=a.reseller.clone() data-extra=n.to_string() data-kept=a.kept.clone().unwrap_or_default()>
                                    <span>{format!("{name} — {main}")}</span>
                                    {a.extra.into_iter().zip(a.extra_operators).map(|(q, by)| {
                                        let q_btn = q.clone();
                                        let q_state = q.clone();
                                        let state = move || reclaims.with(|m| m.get(&q_state).cloned());
                                        let state2 = state.clone();
                                        view! {
                                            <div class="dup-extra" data-testid="quota-dup-extra" data-quota=q.clone()
                                                data-reclaimed=move || (state() == Some(Reclaim::Done)).to_string()>
                                                <span>{QtDupExtra { quota: &q, by: &by }.text(l)}</span>" "
                                                {move || match state2() {
                                                    Some(Reclaim::Done) => view! { <span class="result-issued">{Msg::VoReclaimed.text(i18n.get())}</span> }.into_any(),
                                                    Some(Reclaim::Failed(code, msg)) => {
                                                        let why = error_text(&code, i18n.get()).map(str::to_string).unwrap_or(msg);
                                                        let q = q_btn.clone();
                                                        view! {
                                                            <span class="result-failed">{format!("{why} ({code})")}</span>" "
                                                            <button class="button" type="button" data-testid="quota-dup-reclaim" on:click=move |_| reclaim.run(q.clone())>{tr(Msg::Reclaim)}</button>
                                                        }.into_any()
                                                    }
                                                    running => {
                                                        let q = q_btn.clone();
                                                        view! {
                                                            <button class="button danger" type="button" data-testid="quota-dup-reclaim" disabled=running.is_some() on:click=move |_| reclaim.run(q.clone())>{tr(Msg::Reclaim)}</button>
                                                        }.into_any()
                                                    }
                                                }}
                                            </div>
                                        }
                                    }).collect_view()}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })}
        </div>
    }
}
