//! One customer with all of its opportunities.

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::remote::use_remote;
use crate::components::table::masked::MaskedText;
use crate::components::table::{ClientSource, Column, DataTable, Empty, EmptyReason, Mask, Paging, Source};
use crate::format;
use crate::i18n::{code_label, tr, use_i18n, CodeKind, Msg};
use crate::routes::page::use_pages;
use crate::routes::{safe_next, ASSOCIATION_EVENTS, CUSTOMERS, ISSUE_VOUCHERS};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use partner_api::opportunities::{CustomerOpportunitiesRequest, Opportunity};
use partner_api::page::PageQuery;
use std::sync::Arc;

type C = Column<Opportunity>;

fn columns() -> Vec<Column<Opportunity>> {
    vec![
        C::text("name", Msg::ColOpportunity, |o, _| o.name.clone()).sort("name").width(220),
        C::text("type", Msg::ColOpportunityType, |o, l| code_label(CodeKind::OpportunityType, &o.opportunity_type, l))
            .width(110),
        C::text("confidence", Msg::ColConfidence, |o, l| code_label(CodeKind::Confidence, &o.confidence, l)).width(90),
        C::text("stage", Msg::ColStage, |o, l| code_label(CodeKind::Stage, &o.stage, l))
            .view(|o, l| {
                let class = format!("tag tag-{}", o.stage.to_ascii_lowercase());
                view! { <span class=class>{code_label(CodeKind::Stage, &o.stage, l)}</span> }.into_any()
            })
            .width(100),
        C::money("revenue", Msg::ColRevenue, |o| Some((o.expected_monthly_revenue, o.currency.as_str())))
            .sort("revenue")
            .width(160),
        C::date_time("created", Msg::ColCreated, |o| Some(o.created_time)).sort("created").width(150),
        C::date_time("last-update", Msg::ColLastUpdate, |o| Some(o.last_update_time)).sort("last_update").width(150),
    ]
}

#[component]
pub fn CustomerDetailPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let back = move || {
        let from = query.with(|q| q.get("from"));
        if from.is_some() {
            safe_next(from)
        } else {
            CUSTOMERS.to_string()
        }
    };
    let remote = use_remote(move || {
        let customer_id = params.with(|p| p.get("id").unwrap_or_default());
        let request =
            CustomerOpportunitiesRequest { customer_id, page: PageQuery { offset: Some(0), limit: Some(100) } };
        async move { api.call(&request).await }
    });
    let opportunities = Memo::new(move |_| {
        Arc::new(remote.data.with(|d| d.as_ref().map(|d| d.opportunities.clone()).unwrap_or_default()))
    });
    // The notice above the facts reports errors; the table only shows loading.
    let source = Source::Client(ClientSource::new(opportunities, Paging::Virtual, Vec::new()).remote(
        remote.loading.into(),
        Signal::stored(None),
        Callback::new(move |_| remote.reload()),
    ));

    let facts = move || {
        remote.data.with(|d| {
            d.as_ref().map(|d| {
                let c = &d.customer;
                let l = i18n.get();
                let rows: Vec<(Msg, String)> = vec![
                    // Masked as in the customers list (X6), the eye shows it.
                    (Msg::Account, c.account_name.clone()),
                    (Msg::CustomerId, c.customer_id.clone()),
                    (Msg::ColIndustry, code_label(CodeKind::Industry, &c.industry, l)),
                    (Msg::ColAssociation, code_label(CodeKind::AssociationType, &c.association_type, l)),
                    (Msg::ColAssociatedOn, format::date_time(&c.associated_on)),
                    (
                        Msg::ColAccountManager,
                        c.account_manager.as_ref().map_or(Msg::Unassigned.text(l).to_string(), |m| m.name.clone()),
                    ),
                    (
                        Msg::ColReseller,
                        c.indirect_partner_name.clone().unwrap_or_else(|| Msg::OwnReseller.text(l).to_string()),
                    ),
                ];
                (c.customer.clone(), rows)
            })
        })
    };

    // To the issue form with this customer (it checks the whitelist), for whom may issue.
    let profile = use_profile();
    let issue_access = use_pages().access_of(ISSUE_VOUCHERS);
    let may_issue = move || issue_access.is_some_and(|a| profile.may(&a));
    let navigate = use_navigate();
    let issue = move |id: String| {
        crate::storage::hand_customers_to_issue(&[id]);
        navigate(ISSUE_VOUCHERS, Default::default());
    };

    view! {
        <section class="page" data-testid="page-customer-detail">
            <A href=move || crate::routes::href(&back()) attr:class="back-link" attr:data-testid="back-to-list">{tr(Msg::BackToList)}</A>
            <h1 class="page-title" data-testid="customer-name">
                {move || facts().map(|f| f.0).unwrap_or_else(|| Msg::CustomerDetail.text(i18n.get()).to_string())}
            </h1>
            {move || remote.error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| remote.reload()) /> })}
            <div class="form-actions">
                {move || remote.data.with(|d| d.as_ref().filter(|_| may_issue()).map(|d| {
                    let (id, issue) = (d.customer.customer_id.clone(), issue.clone());
                    view! {
                        <button class="button primary" type="button" data-testid="customer-issue-vouchers" on:click=move |_| issue(id.clone())>{tr(Msg::IssueVouchers)}</button>
                    }
                }))}
                {move || remote.data.with(|d| d.as_ref().filter(|d| d.customer.indirect_partner_id.is_none()).map(|d| {
                    let href = format!("{ASSOCIATION_EVENTS}?request={}", js_sys::encode_uri_component(&d.customer.customer_id));
                    view! {
                        <A href=crate::routes::href(&href) attr:class="button" attr:data-testid="customer-request-unbind">{tr(Msg::RequestUnbindForCustomer)}</A>
                    }
                }))}
            </div>
            {move || facts().map(|(_, rows)| view! {
                <div class="card facts">
                    <dl>
                        {rows.into_iter().map(|(k, v)| {
                            let v = if matches!(k, Msg::Account) { view! { <MaskedText value=v mask=Mask::Sensitive /> }.into_any() } else { v.into_any() };
                            view! { <dt>{move || k.text(i18n.get())}</dt><dd data-testid=matches!(k, Msg::Account).then_some("fact-account")>{v}</dd> }
                        }).collect_view()}
                    </dl>
                </div>
            })}
            <Show when=move || remote.error.with(Option::is_none)>
                <div class="card table-card">
                    <h2 class="card-title">{tr(Msg::Opportunities)}</h2>
                    <DataTable
                        id="customer-opportunities"
                        test_id="opportunities-table"
                        label=Signal::derive(move || Msg::Opportunities.text(i18n.get()).to_string())
                        columns=columns()
                        source=source.clone()
                        row_key=|o: &Opportunity| o.opportunity_id.clone()
                        empty=Empty::new(EmptyReason::NoData, Msg::NoOpportunities)
                    />
                </div>
            </Show>
        </section>
    }
}
