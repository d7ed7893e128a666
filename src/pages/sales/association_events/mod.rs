//! S13 关联事件 / Association events: every event of the customers the person may see (own
//! contract, docs/contracts/association-events.md) on the shared list page, with type, state,
//! source and date filters in the URL, export, a "处理" row action for events the person may act
//! on, and the partner's unbinding / type-switch request (also opened from a customer's page
//! with `?request=<customer_id>`).

mod filters;
mod handle_dialog;
mod labels;
mod request_dialog;

use crate::api::use_api;
use crate::components::filters::{DateRangeFilter, SelectFilter, TextFilter};
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::table::{paged, Column, Mask, RowAction};
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::ASSOCIATION_EVENTS;
use filters::{EventFilters, DEFAULT_SORT};
use handle_dialog::HandleDialog;
use labels::{association_msg, initiator_msg, options, source_msg, status_class, status_msg, type_msg};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use partner_api::association::{event_type, source, status, AssociationEvent};
use partner_api::profile::role;
use request_dialog::RequestDialog;

type C = Column<AssociationEvent>;

fn columns(distributor: bool) -> Vec<C> {
    let mut cols = vec![
        C::text("event", Msg::AeColEvent, |r, _| r.event_id.clone()).copyable().width(150),
        C::text("type", Msg::AeColType, |r, l| type_msg(&r.event_type).text(l).into()).width(170),
        C::text("status", Msg::Status, |r, l| status_msg(&r.status).text(l).into())
            .view(|r, l| {
                view! { <span class=status_class(&r.status) data-testid="cell-status" data-status=r.status.clone()>{status_msg(&r.status).text(l)}</span> }
                    .into_any()
            })
            .width(120),
        C::text("customer", Msg::ColCustomer, |r, _| r.customer.clone()).width(200),
        C::text("account", Msg::Account, |r, _| r.account_name.clone()).masked(Mask::Sensitive).copyable().width(150),
        C::text("customer-id", Msg::CustomerId, |r, _| r.customer_id.clone()).masked(Mask::Id).copyable().width(170).hidden(),
        C::text("association", Msg::ColAssociation, |r, l| {
            let now = association_msg(&r.association_type).text(l);
            match &r.target_association_type {
                Some(t) => format!("{now} → {}", association_msg(t).text(l)),
                None => now.into(),
            }
        })
        .width(140),
        C::text("initiator", Msg::AeColInitiator, |r, l| initiator_msg(&r.initiator).text(l).into()).width(90),
        C::date_time("created", Msg::AeColCreated, |r| Some(r.created_time)).sort("created_time").desc_first().width(150),
        C::date_time("deadline", Msg::AeColDeadline, |r| r.deadline).sort("deadline").width(150),
        C::text("reason", Msg::Reason, |r, _| r.reason.clone().unwrap_or_default()).width(220),
        C::text("handle-reason", Msg::AeColHandleReason, |r, _| r.handle_reason.clone().unwrap_or_default()).width(200).hidden(),
        C::date_time("handled", Msg::AeColHandled, |r| r.handled_time).width(150).hidden(),
        C::text("account-manager", Msg::ColAccountManager, |r, l| {
            r.account_manager.as_ref().map_or_else(|| Msg::Unassigned.text(l).to_string(), |p| p.name.clone())
        })
        .width(110),
    ];
    if distributor {
        cols.push(
            C::text("source", Msg::AeColSource, |r, l| match &r.indirect_partner_name {
                Some(n) => format!("{} · {n}", source_msg(&r.source).text(l)),
                None => source_msg(&r.source).text(l).into(),
            })
            .width(200),
        );
    }
    cols
}

#[component]
pub fn AssociationEventsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let query = use_query_map();
    let url = ListUrl::<EventFilters>::new(ASSOCIATION_EVENTS, SIZES, DEFAULT_SORT);
    let profile = crate::api::profile::use_profile();
    let is_distributor = Memo::new(move |_| profile.is_distributor());
    let person_role = Memo::new(move |_| profile.role());
    // Bumped after a write, so the list reloads.
    let version = RwSignal::new(0u32);
    let handling = RwSignal::new(None::<AssociationEvent>);
    let request_open = RwSignal::new(false);
    let request_customer = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(id) = query.with(|q| q.get("request")).filter(|id| !id.trim().is_empty()) {
            request_customer.set(id);
            request_open.set(true);
        }
    });

    let bar = move |d: Draft<EventFilters>| {
        type F = EventFilters;
        let l = move || i18n.get();
        view! {
            <div class="filter-row">
                <TextFilter label=Msg::ColCustomer placeholder=Msg::AeFilterKeywordPlaceholder value=d.bind(F::keyword()) test_id="filter-keyword" />
                <SelectFilter label=Msg::AeColType options=Signal::derive(move || options(event_type::ALL, type_msg, l())) selected=d.bind(F::event_type()) test_id="filter-type" />
                <SelectFilter label=Msg::Status options=Signal::derive(move || options(status::ALL, status_msg, l())) selected=d.bind(F::status()) test_id="filter-status" />
                {move || is_distributor.get().then(|| view! {
                    <SelectFilter label=Msg::AeColSource options=Signal::derive(move || options(source::ALL, source_msg, l())) selected=d.bind(F::source()) test_id="filter-source" />
                })}
                <DateRangeFilter label=Msg::AeColCreated from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-created" />
            </div>
        }
        .into_any()
    };
    let scope_notice = move || {
        match person_role.get().as_deref() {
        Some(role::ACCOUNT_MANAGER) => Some(
            view! { <div class="notice notice-info" data-testid="scope-notice" data-scope="OWN">{tr(Msg::AeScopeOwn)}</div> },
        ),
        Some(role::SUPERVISOR) => Some(
            view! { <div class="notice notice-info" data-testid="scope-notice" data-scope="TEAM">{tr(Msg::AeScopeTeam)}</div> },
        ),
        _ => is_distributor.get().then(|| {
            view! { <div class="notice notice-info" data-testid="scope-notice" data-scope="ALL">{tr(Msg::AeResellerReadOnly)}</div> }
        }),
    }
    };
    let list =
        List::new(url, "association-events", "association-events-table", Msg::AeTableLabel, move |f: EventFilters| {
            version.track();
            paged(&api, f.to_request())
        })
        .form_id("association-event-filters")
        .bar(bar)
        .check(EventFilters::range)
        .above_table(move || view! { {scope_notice} })
        .columns(move || columns(is_distributor.get()), |r: &AssociationEvent| r.event_id.clone())
        .row_actions(vec![RowAction::button("handle", Msg::AeHandle, move |r: AssociationEvent| handling.set(Some(r)))
            .only_when(|r: &AssociationEvent| !r.allowed_actions.is_empty())])
        .empty(Msg::AeEmpty, Msg::AeEmptyFiltered)
        .total(crate::i18n::AeTotal::of);
    let done = Callback::new(move |_| version.update(|v| *v += 1));

    view! {
        <section class="page" data-testid="page-association-events">
            <div class="page-head">
                <h1 class="page-title">{tr(Msg::AeTitle)}</h1>
                <button class="button primary" type="button" data-testid="open-request" on:click=move |_| { request_customer.set(String::new()); request_open.set(true); }>
                    {tr(Msg::AeNewRequest)}
                </button>
            </div>
            <p class="page-intro">{tr(Msg::AeIntro)}</p>
            <ListPage list=list />
            <HandleDialog event=handling on_done=done />
            <RequestDialog open=request_open customer=request_customer on_done=done />
        </section>
    }
}
