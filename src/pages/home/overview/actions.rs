//! The home's "needs your action" card: for each kind of pending work whose page the person
//! may open, one small request to the list that handles it (`partner_api::home`), shown as a
//! count with the earliest due date and a link to that list, filtered to those rows. A kind
//! that fails to load says so with a retry; the others still show.

use crate::api::{use_api, use_auth, Api};
use crate::components::error_notice::ErrorNotice;
use crate::format;
use crate::i18n::{tr, use_i18n, HomeActionCount, Locale, Msg};
use crate::routes::page::use_pages;
use crate::routes::{ASSOCIATION_EVENTS, BENEFITS_INVOICES, INCENTIVES, QUOTAS};
use leptos::prelude::*;
use leptos_router::components::A;
use partner_api::home::{self, Action, ActionKind};
use partner_api::ApiError;

/// The page that handles a kind, and the query string that filters it to those rows.
fn target(kind: ActionKind) -> Option<(&'static str, &'static str)> {
    match kind {
        ActionKind::SessionExpiring => None,
        ActionKind::EventsToHandle => Some((ASSOCIATION_EVENTS, "?status=PENDING_PARTNER")),
        ActionKind::BillsToConfirm => Some((INCENTIVES, "?status=passed&bill=pending")),
        ActionKind::InvoicesToSign => Some((BENEFITS_INVOICES, "?status=PENDING_RECEIPT")),
        ActionKind::QuotasExpiring => Some((QUOTAS, "?view=own")),
    }
}

fn label(kind: ActionKind) -> Msg {
    match kind {
        ActionKind::SessionExpiring => Msg::HomeActSession,
        ActionKind::EventsToHandle => Msg::HomeActEvents,
        ActionKind::BillsToConfirm => Msg::HomeActBills,
        ActionKind::InvoicesToSign => Msg::HomeActInvoices,
        ActionKind::QuotasExpiring => Msg::HomeActQuotas,
    }
}

/// One kind's request and its answer as an [`Action`].
async fn load(api: &Api, kind: ActionKind) -> Result<Action, ApiError> {
    let action = |count: u64, due| Action { kind, count, due };
    Ok(match kind {
        ActionKind::SessionExpiring => action(0, None),
        ActionKind::EventsToHandle => {
            let r = api.call(&home::events_to_handle()).await?;
            action(r.total_count, r.events.first().and_then(|e| e.deadline))
        }
        ActionKind::BillsToConfirm => action(api.call(&home::bills_to_confirm()).await?.total_count, None),
        ActionKind::InvoicesToSign => action(api.call(&home::invoices_to_sign()).await?.total_count, None),
        ActionKind::QuotasExpiring => {
            let r = api.call(&home::quotas_expiring(crate::api::server_clock::now())).await?;
            let count = r.total_count.unwrap_or(r.quotas.len() as u64);
            action(count, r.quotas.iter().map(|q| q.expire_time).min())
        }
    })
}

fn due_text(a: &Action, l: Locale) -> Option<String> {
    let due = format::date_time(&a.due?);
    Some(match a.kind {
        ActionKind::SessionExpiring => crate::i18n::HomeActSessionAt { time: &due }.text(l),
        _ => crate::i18n::HomeActDue { date: &due }.text(l),
    })
}

#[component]
pub fn ActionsCard() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let auth = use_auth();
    let pages = use_pages();
    let profile = crate::api::profile::use_profile();
    // The kinds this person's pages handle (the session is everyone's).
    let kinds = Memo::new(move |_| {
        ActionKind::ALL
            .into_iter()
            .filter(|&k| match target(k) {
                None => true,
                Some((path, _)) => pages.0.iter().any(|p| p.path == path && profile.may(&p.access)),
            })
            .collect::<Vec<_>>()
    });
    let loads = LocalResource::new(move || {
        let kinds = kinds.get();
        async move {
            let mut out = Vec::new();
            for k in kinds.into_iter().filter(|k| *k != ActionKind::SessionExpiring) {
                out.push((k, load(&api, k).await));
            }
            out
        }
    });
    let session =
        move || auth.session.with(|s| s.as_ref().and_then(|s| home::session_expiring(s.expires_at, format::now())));
    let shown = move || {
        let loaded = loads.get()?;
        let mut ok: Vec<Action> = loaded.iter().filter_map(|(_, r)| r.as_ref().ok().copied()).collect();
        ok.extend(session());
        let failed: Vec<(ActionKind, ApiError)> =
            loaded.iter().filter_map(|(k, r)| r.as_ref().err().map(|e| (*k, e.clone()))).collect();
        Some((home::to_show(ok), failed))
    };
    view! {
        <div class="card home-actions" data-testid="home-actions" aria-busy=move || loads.get().is_none().to_string()>
            <h2 class="card-title">{tr(Msg::HomeActTitle)}</h2>
            {move || match shown() {
                None => view! { <p class="muted">{tr(Msg::Loading)}</p> }.into_any(),
                Some((actions, failed)) => {
                    let l = i18n.get();
                    let empty = actions.is_empty() && failed.is_empty();
                    view! {
                        {empty.then(|| view! { <p class="muted" data-testid="home-actions-none">{Msg::HomeActNone.text(l)}</p> })}
                        <ul class="home-action-list">
                            {actions.into_iter().map(|a| {
                                let text = HomeActionCount { what: &label(a.kind).text(l), n: &format::count(a.count) }.text(l);
                                let due = due_text(&a, l);
                                let kind = format!("{:?}", a.kind);
                                let link = match target(a.kind) {
                                    Some((path, query)) => view! {
                                        <A href=format!("{}{query}", crate::routes::href(path)) attr:class="button" attr:data-testid="home-action-link">{Msg::HomeActOpen.text(l)}</A>
                                    }.into_any(),
                                    None => view! {
                                        <button class="button" type="button" on:click=move |_| auth.reauth_open.set(true)>{Msg::SignInAgain.text(l)}</button>
                                    }.into_any(),
                                };
                                view! {
                                    <li class="home-action" data-testid="home-action" data-kind=kind data-count=a.count>
                                        <div class="home-action-text">
                                            <span>{text}</span>
                                            {due.map(|d| view! { <span class="muted home-action-due">{d}</span> })}
                                        </div>
                                        {link}
                                    </li>
                                }
                            }).collect_view()}
                            {failed.into_iter().map(|(k, e)| view! {
                                <li class="home-action home-action-failed" data-testid="home-action-failed" data-kind=format!("{k:?}")>
                                    <span>{crate::i18n::HomeActFailed { what: &label(k).text(l) }.text(l)}</span>
                                    <ErrorNotice error=e on_retry=Callback::new(move |_| loads.refetch()) />
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </div>
    }
}
