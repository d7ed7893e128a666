//! S1 Customers & opportunities (客户与商机): every sub-customer the signed-in person may
//! see, with the current opportunity. Filters, sort and page live in the URL.

mod filters;

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::filters::{
    use_resellers, CodeMultiSelect, DateRangeFilter, NumberRangeFilter, SelectFilter, TextFilter,
};
use crate::components::list_page::{start_first_page, Draft, Filters, List, ListPage, ListUrl, SIZES};
use crate::components::table::{loader, BulkAction, Column, Empty, EmptyReason, Mask, RowAction, Rows, Slice};
use crate::i18n::{code_label, tr, use_i18n, CodeKind, CustomersTotal, Locale, Msg};
use crate::routes::page::use_pages;
use crate::routes::{CUSTOMERS, ISSUE_VOUCHERS};
use filters::{CustomerFilters, DEFAULT_SORT};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use partner_api::endpoint::Paged;
use partner_api::opportunities::{
    encode_path_segment, scope, CustomerOpportunity, CONFIDENCES, INDUSTRIES, OPPORTUNITY_TYPES, STAGES,
};

/// The customer's detail page; the list's own query travels along, so "Back to list" returns
/// to this view.
fn detail_path(r: &CustomerOpportunity) -> String {
    let back = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    format!(
        "{CUSTOMERS}/{}?from={}",
        encode_path_segment(&r.customer_id),
        js_sys::encode_uri_component(&format!("{CUSTOMERS}{back}"))
    )
}

fn code_of(r: &CustomerOpportunity, kind: CodeKind) -> Option<&str> {
    r.opportunity.as_ref().map(|o| match kind {
        CodeKind::OpportunityType => o.opportunity_type.as_str(),
        CodeKind::Confidence => o.confidence.as_str(),
        _ => o.stage.as_str(),
    })
}

fn code_text(r: &CustomerOpportunity, kind: CodeKind, l: Locale) -> String {
    code_of(r, kind).map(|c| code_label(kind, c, l)).unwrap_or_default()
}

fn code_tag(r: &CustomerOpportunity, kind: CodeKind, l: Locale) -> AnyView {
    match code_of(r, kind) {
        None => view! { <span class="muted">"—"</span> }.into_any(),
        Some(code) => {
            let class = format!("tag tag-{}", code.to_ascii_lowercase());
            view! { <span class=class data-code=code.to_string()>{code_label(kind, code, l)}</span> }.into_any()
        }
    }
}

/// C1's first page, sent while the page's code downloads (registry).
pub fn first_request(api: crate::api::Api, query: &ParamsMap) {
    start_first_page(api, query, SIZES, DEFAULT_SORT, |f: &CustomerFilters| Some(f.to_request()));
}

type C = Column<CustomerOpportunity>;

fn columns(resellers: bool) -> Vec<Column<CustomerOpportunity>> {
    let mut cols = vec![
        C::text("customer", Msg::ColCustomer, |r, _| r.customer.clone()).width(150).view(|r, _| {
            let href = crate::routes::href(&detail_path(r));
            view! { <a class="cell-title" href=href data-testid="customer-link">{r.customer.clone()}</a> }.into_any()
        }),
        C::text("account", Msg::Account, |r, _| r.account_name.clone())
            .sort("account_name")
            .masked(Mask::Sensitive)
            .copyable()
            .width(115),
        C::text("customer-id", Msg::CustomerId, |r, _| r.customer_id.clone())
            .masked(Mask::Id)
            .copyable()
            .width(170)
            .hidden(),
        C::text("industry", Msg::ColIndustry, |r, l| code_label(CodeKind::Industry, &r.industry, l)).width(105),
        C::text("type", Msg::ColOpportunityType, |r, l| code_text(r, CodeKind::OpportunityType, l))
            .view(|r, l| code_tag(r, CodeKind::OpportunityType, l))
            .width(124)
            .hidden(),
        C::text("confidence", Msg::ColConfidence, |r, l| code_text(r, CodeKind::Confidence, l))
            .view(|r, l| code_tag(r, CodeKind::Confidence, l))
            .width(104)
            .hidden(),
        C::text("stage", Msg::ColStage, |r, l| code_text(r, CodeKind::Stage, l))
            .view(|r, l| code_tag(r, CodeKind::Stage, l))
            .width(110),
        C::money("revenue", Msg::ColRevenue, |r| {
            r.opportunity.as_ref().map(|o| (o.expected_monthly_revenue, o.currency.as_str()))
        })
        .sort("expected_monthly_revenue")
        .width(116),
        C::date_time("last-update", Msg::ColLastUpdate, |r| r.opportunity.as_ref().map(|o| o.last_update_time))
            .sort("last_update_time")
            .width(130),
        C::number("opportunities", Msg::ColOpportunityCount, |r| Some(r.opportunity_count as f64)).width(90).hidden(),
        C::text("account-manager", Msg::ColAccountManager, |r, l| {
            r.account_manager.as_ref().map_or_else(|| Msg::Unassigned.text(l).to_string(), |p| p.name.clone())
        })
        .view(|r, l| match &r.account_manager {
            Some(p) => {
                view! { <span data-testid="cell-am" data-am=p.account_name.clone()>{p.name.clone()}</span> }.into_any()
            }
            None => view! { <span class="muted">{Msg::Unassigned.text(l)}</span> }.into_any(),
        })
        .width(95),
    ];
    if resellers {
        cols.push(
            C::text("reseller", Msg::ColReseller, |r, l| {
                r.indirect_partner_name.clone().unwrap_or_else(|| Msg::OwnReseller.text(l).to_string())
            })
            .view(|r, l| match &r.indirect_partner_name {
                Some(n) => n.clone().into_any(),
                None => view! { <span class="muted">{Msg::OwnReseller.text(l)}</span> }.into_any(),
            })
            .width(120),
        );
    }
    cols
}

#[component]
pub fn CustomersPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let url = ListUrl::<CustomerFilters>::new(CUSTOMERS, SIZES, DEFAULT_SORT);

    // The profile may arrive just after the page is built (the shell shows the page once it is
    // loaded, and hands it over in an effect): what depends on it follows it.
    // The reseller filter and column only for whom they can give rows (a distributor's admin:
    // the list then covers the resellers' customers too).
    let profile = use_profile();
    let sees_resellers = Memo::new(move |_| profile.sees_reseller_customers());
    let can_pick_manager = Memo::new(move |_| profile.known() && !profile.is_account_manager());
    let managers = Signal::derive(move || {
        profile.account_managers().into_iter().map(|m| (m.account_name, m.name)).collect::<Vec<_>>()
    });
    // The selection goes to the issue form, which checks each customer against the whitelist
    // (offered only to whom may issue vouchers).
    let issue_access = use_pages().access_of(ISSUE_VOUCHERS);
    let navigate = use_navigate();
    let issue = BulkAction::new("issue-vouchers", Msg::IssueVouchers, move |s| {
        crate::storage::hand_customers_to_issue(&s.keys);
        navigate(ISSUE_VOUCHERS, Default::default());
    })
    .only_when(move || issue_access.is_some_and(|a| profile.may(&a)));
    let more_open = RwSignal::new(false);
    Effect::new(move |_| {
        if url.filters.with(CustomerFilters::uses_more) {
            more_open.set(true);
        }
    });

    // The server pages, sorts (one order_by) and filters; the answer also says what the person
    // may see.
    let scope_now = RwSignal::new(None::<String>);
    let load = move |f: CustomerFilters| {
        let request = f.to_request();
        loader(move |slice: Slice| {
            let (api, mut request) = (api, request.clone());
            request.set_page(slice.offset, slice.limit);
            request.set_sort(&slice.sort);
            async move {
                let r = api.call(&request).await?;
                scope_now.try_set(Some(r.visibility_scope));
                Ok(Rows { rows: r.customer_opportunities, total: r.total_count })
            }
        })
    };

    let bar = move |d: Draft<CustomerFilters>| {
        type F = CustomerFilters;
        view! {
            <div class="filter-row">
                <TextFilter label=Msg::FilterKeyword placeholder=Msg::FilterKeywordPlaceholder value=d.bind(F::keyword()) test_id="filter-keyword" />
                <CodeMultiSelect label=Msg::ColIndustry kind=CodeKind::Industry options=INDUSTRIES selected=d.bind(F::industries()) test_id="filter-industry" />
                <CodeMultiSelect label=Msg::ColStage kind=CodeKind::Stage options=STAGES selected=d.bind(F::stages()) test_id="filter-stage" />
                {move || can_pick_manager.get().then(|| view! {
                    <SelectFilter label=Msg::ColAccountManager options=managers selected=d.bind(F::account_manager()) test_id="filter-account-manager" />
                })}
                {move || sees_resellers.get().then(|| view! {
                    <SelectFilter label=Msg::ColReseller options=use_resellers() selected=d.bind(F::reseller()) test_id="filter-reseller" all_label=Msg::ResellerAllIncluded />
                })}
            </div>
            <Show when=move || more_open.get()>
                <div class="filter-row">
                    <CodeMultiSelect label=Msg::ColOpportunityType kind=CodeKind::OpportunityType options=OPPORTUNITY_TYPES selected=d.bind(F::types()) test_id="filter-type" />
                    <CodeMultiSelect label=Msg::ColConfidence kind=CodeKind::Confidence options=CONFIDENCES selected=d.bind(F::confidences()) test_id="filter-confidence" />
                    <DateRangeFilter label=Msg::ColLastUpdate from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-updated" />
                    <NumberRangeFilter label=Msg::ColRevenue min=d.bind(F::revenue_min()) max=d.bind(F::revenue_max()) test_id="filter-revenue" />
                </div>
            </Show>
        }
        .into_any()
    };
    let more = move || {
        view! {
            <button class="link-button" type="button" data-testid="filter-more" on:click=move |_| more_open.update(|o| *o = !*o)>
                {move || if more_open.get() { Msg::FewerFilters } else { Msg::MoreFilters }.text(i18n.get())}
            </button>
        }
    };
    let scope_notice = move || match scope_now.get().as_deref() {
        Some(scope::OWN) => Some(
            view! { <div class="notice notice-info" data-testid="scope-notice" data-scope="OWN">{tr(Msg::ScopeOwn)}</div> },
        ),
        Some(scope::TEAM) => Some(
            view! { <div class="notice notice-info" data-testid="scope-notice" data-scope="TEAM">{tr(Msg::ScopeTeam)}</div> },
        ),
        _ => None,
    };
    let list = List::new(url, "customers", "customers-table", Msg::CustomersAndOpportunities, load)
        .form_id("customer-filters")
        .bar(bar)
        .bar_actions(more)
        .check(CustomerFilters::range)
        .check(CustomerFilters::revenue)
        // A closure in the view, so the notice follows each answer's scope.
        .above_table(move || view! { {scope_notice} })
        // Rebuilt only if the partner type turns out different once the profile is in.
        .columns(move || columns(sees_resellers.get()), |r: &CustomerOpportunity| r.customer_id.clone())
        .row_actions(vec![RowAction::link("details", Msg::ViewDetails, detail_path).keyboard_only()])
        .selectable()
        .bulk_actions(vec![issue])
        .empty(Msg::EmptyNone, Msg::EmptyFiltered)
        .empty_special(move |f: CustomerFilters| {
            (!f.has_filters() && scope_now.with(|s| s.as_deref() == Some(scope::OWN)))
                .then(|| Empty::new(EmptyReason::Restricted, Msg::EmptyOwn))
        })
        .total(CustomersTotal::of);

    view! {
        <section class="page" data-testid="page-customers">
            <h1 class="page-title">{tr(Msg::CustomersAndOpportunities)}</h1>
            <p class="page-intro">{tr(Msg::CustomersIntro)}</p>
            <ListPage list=list />
        </section>
    }
}
