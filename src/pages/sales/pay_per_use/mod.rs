//! S2 客户订单 › 按需资源 / Pay-per-use resources: one resale customer's pay-per-use resources
//! (O4) with the documented filters (region, service, status, effective time, resource ids,
//! reseller), translated statuses and the eye toggle on resource ids. The view lives in the
//! URL; an order's page links here with its customer filled in.

use crate::components::codes::{code_tag, service_name};
use crate::components::orders_tabs::OrdersTabs;
mod filters;

use crate::api::{use_api, use_auth};
use crate::components::filters::{DateRangeFilter, SelectFilter, TextFilter};
use crate::components::table::url_view::use_url_view;
use crate::components::table::{loader, Column, DataTable, Empty, EmptyReason, Mask, Rows, Slice, Source};
use crate::i18n::{code_label, codes_of, tr, use_i18n, CodeKind, Msg};
use crate::routes::ORDERS_PAY_PER_USE;
use filters::{ids_problem, IdsProblem, PpuFilters, PAGE_SIZES};
use leptos::prelude::*;
use partner_api::orders::{CustomerOnDemandResource, ListCustomerOnDemandResourcesResponse, ON_DEMAND_PATH};
use partner_api::profile::partner_type;

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
    let auth = use_auth();
    let i18n = use_i18n();
    let url = use_url_view::<PpuFilters>(ORDERS_PAY_PER_USE, PAGE_SIZES);
    let is_distributor = Memo::new(move |_| {
        auth.profile.with(|p| p.as_ref().is_some_and(|p| p.partner_type == partner_type::DISTRIBUTOR))
    });
    let resellers = Signal::derive(move || {
        auth.profile.with(|p| {
            p.as_ref()
                .map(|p| p.indirect_partners.iter().map(|r| (r.indirect_partner_id.clone(), r.name.clone())).collect())
                .unwrap_or_default()
        })
    });
    let options = move |kind: CodeKind| {
        Signal::derive(move || {
            let l = i18n.get();
            codes_of(kind).into_iter().map(|c| (c.to_string(), code_label(kind, c, l))).collect::<Vec<_>>()
        })
    };

    // The filter bar edits a draft that follows the URL's filters.
    let customer = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    let service = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let ids = RwSignal::new(String::new());
    let reseller = RwSignal::new(String::new());
    Effect::new(move |_| {
        let f = url.applied.get();
        customer.set(f.customer_id);
        region.set(f.region);
        service.set(f.service_type);
        status.set(f.status);
        from.set(f.from);
        to.set(f.to);
        ids.set(f.resource_ids);
        reseller.set(f.reseller);
    });
    let range_invalid = Signal::derive(move || {
        let (f, t) = (from.get(), to.get());
        !f.is_empty() && !t.is_empty() && f > t
    });
    let ids_bad = Memo::new(move |_| ids.with(|s| ids_problem(s)));
    let customer_missing = RwSignal::new(false);

    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let missing = customer.with_untracked(|c| c.trim().is_empty());
        customer_missing.set(missing);
        if missing || range_invalid.get_untracked() || ids_bad.get_untracked().is_some() {
            return;
        }
        url.search(PpuFilters {
            customer_id: customer.get_untracked().trim().to_string(),
            region: region.get_untracked().trim().to_string(),
            service_type: service.get_untracked(),
            status: status.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
            resource_ids: ids.get_untracked(),
            reseller: reseller.get_untracked(),
            ..Default::default()
        });
    };
    let reset = move |_| {
        // The customer stays: without one there is nothing to list.
        let keep = url.current.get_untracked();
        url.go.run(PpuFilters { customer_id: keep.customer_id, size: keep.size, page: 1, ..Default::default() });
    };

    let source = Source::server(url.table, move || {
        let filters = url.applied.get();
        // Names come in the request's language: a new language loads them again.
        i18n.locale.track();
        let api = api.clone();
        loader(move |slice: Slice| {
            let request = filters.to_request().map(|mut r| {
                r.offset = Some(slice.offset as i64);
                r.limit = Some(slice.limit as i64);
                r
            });
            let api = api.clone();
            async move {
                let Some(request) = request else { return Ok(Rows { rows: Vec::new(), total: 0 }) };
                let r = api.query::<_, ListCustomerOnDemandResourcesResponse>(ON_DEMAND_PATH, &request).await?;
                Ok(Rows { total: r.total_count.unwrap_or(r.resources.len() as u64), rows: r.resources })
            }
        })
    });

    let clear = Callback::new(move |_| {
        let keep = url.current.get_untracked();
        url.go.run(PpuFilters { customer_id: keep.customer_id, size: keep.size, page: 1, ..Default::default() })
    });
    let empty = Signal::derive(move || {
        let f = url.current.get();
        if f.customer_id.trim().is_empty() {
            Empty::new(EmptyReason::NoData, Msg::PpuChooseCustomer)
        } else if f.has_filters() {
            Empty::new(EmptyReason::Filtered, Msg::PpuEmptyFiltered).action(Msg::ClearFilters, clear)
        } else {
            Empty::new(EmptyReason::NoData, Msg::PpuEmpty)
        }
    });
    let ids_message = move || {
        ids_bad.get().map(|p| match p {
            IdsProblem::TooMany => Msg::PpuTooManyIds,
            IdsProblem::TooLong => Msg::PpuIdTooLong,
        })
    };

    view! {
        <section class="page" data-testid="page-pay-per-use">
            <h1 class="page-title">{tr(Msg::OrdersTitle)}</h1>
            <OrdersTabs current=ORDERS_PAY_PER_USE />
            <p class="page-intro">{tr(Msg::PpuIntro)}</p>
            <form class="filter-bar card" data-testid="ppu-filters" on:submit=search novalidate>
                <div class="filter-row">
                    <div class="filter filter-wide" class:field-invalid=move || customer_missing.get()>
                        <TextFilter label=Msg::CustomerId placeholder=Msg::FilterCustomerIdPlaceholder value=customer test_id="filter-customer" />
                        <Show when=move || customer_missing.get()>
                            <div class="field-error" role="alert">{tr(Msg::PpuCustomerRequired)}</div>
                        </Show>
                    </div>
                    <TextFilter label=Msg::ColRegion placeholder=Msg::PpuRegionPlaceholder value=region test_id="filter-region" />
                    <SelectFilter label=Msg::ColService options=options(CodeKind::ServiceType) selected=service test_id="filter-service" />
                    <SelectFilter label=Msg::ColResourceStatus options=options(CodeKind::OnDemandStatus) selected=status test_id="filter-status" />
                    <DateRangeFilter label=Msg::ColEffective from=from to=to problem=Signal::derive(move || range_invalid.get().then_some(Msg::DateRangeInvalid)) test_id="filter-effective" />
                    {move || is_distributor.get().then(|| view! {
                        <SelectFilter label=Msg::ColReseller options=resellers selected=reseller test_id="filter-reseller" />
                    })}
                </div>
                <div class="filter-row">
                    <div class="filter filter-wide" class:field-invalid=move || ids_bad.with(Option::is_some)>
                        <TextFilter label=Msg::ColResourceId placeholder=Msg::PpuIdsPlaceholder value=ids test_id="filter-ids" max_len=4000 />
                        {move || ids_message().map(|m| view! { <div class="field-error" role="alert">{m.text(i18n.get())}</div> })}
                    </div>
                </div>
                <div class="filter-actions">
                    <button class="button primary" type="submit" data-testid="filter-search">{tr(Msg::Search)}</button>
                    <button class="button" type="button" data-testid="filter-reset" on:click=reset>{tr(Msg::Reset)}</button>
                </div>
            </form>
            <div class="card table-card">
                <DataTable
                    id="pay-per-use"
                    test_id="ppu-table"
                    label=Signal::derive(move || Msg::OrdersTabPayPerUse.text(i18n.get()).to_string())
                    columns=columns()
                    source=source
                    row_key=|r: &CustomerOnDemandResource| r.resource_id.clone()
                    empty=empty
                    total_label=Msg::PpuTotal
                />
            </div>
        </section>
    }
}
