//! S2 客户订单 › 按需资源 / Pay-per-use resources: one resale customer's pay-per-use resources
//! (O4) with the documented filters (region, service, status, effective time, resource ids,
//! reseller), translated statuses and the eye toggle on resource ids. The view lives in the
//! URL; an order's page links here with its customer filled in.

use crate::components::codes::{code_tag, service_name};
use crate::components::page_tabs::{PageTabs, ORDERS_TABS};
mod filters;

use crate::api::use_api;
use crate::components::filters::{use_resellers, DateRangeFilter, SelectFilter, TextFilter};
use crate::components::list_page::{start_first_page, Draft, List, ListPage, ListUrl, SIZES};
use crate::components::table::{loader, Column, Empty, EmptyReason, Mask, Rows};
use crate::i18n::{code_label, codes_of, tr, use_i18n, CodeKind, Msg, PpuTotal};
use crate::routes::ORDERS_PAY_PER_USE;
use filters::PpuFilters;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use partner_api::customers::ListSubCustomersRequest;
use partner_api::orders::CustomerOnDemandResource;
use partner_api::ApiError;

/// O4's first page (when the URL names a customer), sent while the page's code downloads.
pub fn first_request(api: crate::api::Api, query: &ParamsMap) {
    start_first_page(api, query, SIZES, &[], PpuFilters::to_request);
}

type C = Column<CustomerOnDemandResource>;

fn columns() -> Vec<Column<CustomerOnDemandResource>> {
    vec![
        C::text("resource-id", Msg::ColResourceId, |r, _| r.resource_id.clone()).masked(Mask::Id).copyable().width(210),
        C::text("name", Msg::ColResourceName, |r, _| r.resource_name.clone().unwrap_or_default())
            .masked(Mask::Sensitive)
            .width(170),
        C::text("service", Msg::ColService, |r, l| {
            service_name(r.service_type_code.as_deref(), r.service_type_name.as_deref(), l)
        })
        .width(150),
        // O4 names resource types in the request's language (X-Language).
        C::text("resource-type", Msg::ColResourceType, |r, _| {
            r.resource_type_name.clone().or_else(|| r.resource_type_code.clone()).unwrap_or_default()
        })
        .width(130),
        C::text("region", Msg::ColRegion, |r, _| r.region_code.clone().unwrap_or_default()).width(120),
        C::text("zone", Msg::ColZone, |r, _| r.availability_zone_code.clone().unwrap_or_default()).width(130).hidden(),
        C::text("spec", Msg::ColProduct, |r, _| {
            r.product_spec_desc.clone().or_else(|| r.resource_spec_code.clone()).unwrap_or_default()
        })
        .width(200),
        C::text("status", Msg::ColResourceStatus, |r, l| {
            r.status.map(|s| code_label(CodeKind::OnDemandStatus, &s.to_string(), l)).unwrap_or_default()
        })
        .view(|r, l| code_tag(CodeKind::OnDemandStatus, r.status, l))
        .width(110),
        C::date_time("effective", Msg::ColEffective, |r| r.effective_time).width(150),
        C::date_time("expire", Msg::ColExpire, |r| r.expire_time).width(150),
        C::text("customer", Msg::CustomerId, |r, _| r.customer_id.clone().unwrap_or_default())
            .masked(Mask::Id)
            .copyable()
            .width(170)
            .hidden(),
    ]
}

#[component]
pub fn PayPerUsePage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let url = ListUrl::<PpuFilters>::new(ORDERS_PAY_PER_USE, SIZES, &[]);
    let profile = crate::api::profile::use_profile();
    let is_distributor = Memo::new(move |_| profile.is_distributor());
    let options = move |kind: CodeKind| {
        Signal::derive(move || {
            let l = i18n.get();
            codes_of(kind).into_iter().map(|c| (c.to_string(), code_label(kind, c, l))).collect::<Vec<_>>()
        })
    };
    let message = move |m: Signal<Option<Msg>>| {
        move || m.get().map(|m| view! { <div class="field-error" role="alert">{m.text(i18n.get())}</div> })
    };
    let bar = move |d: Draft<PpuFilters>| {
        type F = PpuFilters;
        let (missing, ids) = (d.check_after_search(F::customer_missing), d.check(F::ids));
        view! {
            <div class="filter-row">
                <div class="filter filter-wide" class:field-invalid=move || missing.with(Option::is_some)>
                    <TextFilter label=Msg::CustomerId placeholder=Msg::FilterCustomerIdPlaceholder value=d.bind(F::customer_id()) test_id="filter-customer" />
                    {message(missing)}
                </div>
                <TextFilter label=Msg::ColRegion placeholder=Msg::PpuRegionPlaceholder value=d.bind(F::region()) test_id="filter-region" />
                <SelectFilter label=Msg::ColService options=options(CodeKind::ServiceType) selected=d.bind(F::service_type()) test_id="filter-service" />
                <SelectFilter label=Msg::ColResourceStatus options=options(CodeKind::OnDemandStatus) selected=d.bind(F::status()) test_id="filter-status" />
                <DateRangeFilter label=Msg::ColEffective from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-effective" />
                {move || is_distributor.get().then(|| view! {
                    <SelectFilter label=Msg::ColReseller options=use_resellers() selected=d.bind(F::reseller()) test_id="filter-reseller" />
                })}
            </div>
            <div class="filter-row">
                <div class="filter filter-wide" class:field-invalid=move || ids.with(Option::is_some)>
                    <TextFilter label=Msg::ColResourceId placeholder=Msg::PpuIdsPlaceholder value=d.bind(F::resource_ids()) test_id="filter-ids" max_len=4000 />
                    {message(ids)}
                </div>
            </div>
        }
        .into_any()
    };
    // O4 lists resale customers' resources only and answers a referral customer with a bare
    // 403: the customer's association type is read first (C1, once per customer), and a
    // referral customer is told why instead of being sent a call known to be refused.
    let referral = RwSignal::new(None::<String>);
    let known = StoredValue::new(None::<(String, bool)>);
    let load = move |f: PpuFilters| {
        // Names come in the request's language: a new language loads them again.
        i18n.locale.track();
        match f.to_request() {
            Some(request) => loader(move |slice| {
                let request = request.clone();
                async move {
                    let id = request.customer_id.clone();
                    let is_referral = match known.get_value().filter(|(k, _)| *k == id) {
                        Some((_, r)) => r,
                        None => {
                            let r = is_referral(&api, &id, request.indirect_partner_id.clone()).await?;
                            known.set_value(Some((id.clone(), r)));
                            r
                        }
                    };
                    referral.set(is_referral.then(|| id.clone()));
                    if is_referral {
                        return Ok(Rows { rows: Vec::new(), total: 0 });
                    }
                    api.page(&request, &slice).await
                }
            }),
            None => loader(|_| async { Ok(Rows { rows: Vec::new(), total: 0 }) }),
        }
    };
    let list = List::new(url, "pay-per-use", "ppu-table", Msg::OrdersTabPayPerUse, load)
        .form_id("ppu-filters")
        .bar(bar)
        .check(PpuFilters::customer_missing)
        .check(PpuFilters::range)
        .check(PpuFilters::ids)
        .tidy(PpuFilters::tidy)
        .columns(columns, |r: &CustomerOnDemandResource| r.resource_id.clone())
        .empty(Msg::PpuEmpty, Msg::PpuEmptyFiltered)
        .empty_special(move |f: PpuFilters| {
            f.customer_missing().map(|_| Empty::new(EmptyReason::NoData, Msg::PpuChooseCustomer)).or_else(|| {
                referral
                    .with(|r| r.as_deref() == Some(f.customer_id.trim()))
                    .then(|| Empty::new(EmptyReason::NoData, Msg::PpuReferralCustomer))
            })
        })
        .total(PpuTotal::of);

    view! {
        <section class="page" data-testid="page-pay-per-use">
            <h1 class="page-title">{tr(Msg::OrdersTitle)}</h1>
            <PageTabs tabs=ORDERS_TABS current=ORDERS_PAY_PER_USE />
            <p class="page-intro">{tr(Msg::PpuIntro)}</p>
            <ListPage list=list />
        </section>
    }
}

/// Whether C1 knows this customer as a referral (顾问销售, association type 1) customer; an
/// unknown customer is not (O4 then gives its own answer).
async fn is_referral(api: &crate::api::Api, customer_id: &str, reseller: Option<String>) -> Result<bool, ApiError> {
    let request = ListSubCustomersRequest {
        customer_id: Some(customer_id.to_string()),
        indirect_partner_id: reseller,
        offset: Some(0),
        limit: Some(1),
        ..Default::default()
    };
    let answer = api.call(&request).await?;
    Ok(answer.customer_infos.first().is_some_and(|c| c.association_type.as_deref() == Some("1")))
}
