//! S1 Customers & opportunities (客户与商机): every sub-customer the signed-in person may
//! see, with the current opportunity. Filters, sort and page live in the URL.

mod filters;

use crate::api::{use_api, use_auth};
use crate::components::filters::{
    number_range_problem, CodeMultiSelect, DateRangeFilter, NumberRangeFilter, SelectFilter, TextFilter,
};
use crate::components::table::url_view::use_url_view;
use crate::components::table::{
    loader, Column, DataTable, Empty, EmptyReason, Mask, RowAction, Rows, Slice, SortKey, Source,
};
use crate::i18n::{code_label, tr, use_i18n, CodeKind, Locale, Msg};
use crate::routes::CUSTOMERS;
use filters::{CustomerFilters, PAGE_SIZES};
use leptos::prelude::*;
use partner_api::opportunities::{
    encode_path_segment, scope, CustomerOpportunity, OpportunityListResponse, CONFIDENCES, INDUSTRIES,
    OPPORTUNITY_TYPES, QUERY_PATH, STAGES,
};
use partner_api::profile::{partner_type, role};

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

type C = Column<CustomerOpportunity>;

fn columns(distributor: bool) -> Vec<Column<CustomerOpportunity>> {
    let mut cols = vec![
        C::text("customer", Msg::ColCustomer, |r, _| r.customer.clone()).width(200).view(|r, _| {
            let href = crate::routes::href(&detail_path(r));
            view! { <a class="cell-title" href=href data-testid="customer-link">{r.customer.clone()}</a> }.into_any()
        }),
        C::text("account", Msg::Account, |r, _| r.account_name.clone())
            .sort("account_name")
            .masked(Mask::Sensitive)
            .copyable()
            .width(150),
        C::text("customer-id", Msg::CustomerId, |r, _| r.customer_id.clone())
            .masked(Mask::Id)
            .copyable()
            .width(170)
            .hidden(),
        C::text("industry", Msg::ColIndustry, |r, l| code_label(CodeKind::Industry, &r.industry, l)).width(120),
        C::text("type", Msg::ColOpportunityType, |r, l| code_text(r, CodeKind::OpportunityType, l))
            .view(|r, l| code_tag(r, CodeKind::OpportunityType, l))
            .width(124),
        C::text("confidence", Msg::ColConfidence, |r, l| code_text(r, CodeKind::Confidence, l))
            .view(|r, l| code_tag(r, CodeKind::Confidence, l))
            .width(104),
        C::text("stage", Msg::ColStage, |r, l| code_text(r, CodeKind::Stage, l))
            .view(|r, l| code_tag(r, CodeKind::Stage, l))
            .width(120),
        C::money("revenue", Msg::ColRevenue, |r| {
            r.opportunity.as_ref().map(|o| (o.expected_monthly_revenue, o.currency.as_str()))
        })
        .sort("expected_monthly_revenue")
        .width(150),
        C::date_time("last-update", Msg::ColLastUpdate, |r| r.opportunity.as_ref().map(|o| o.last_update_time))
            .sort("last_update_time")
            .width(140),
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
        .width(110),
    ];
    if distributor {
        cols.push(
            C::text("reseller", Msg::ColReseller, |r, l| {
                r.indirect_partner_name.clone().unwrap_or_else(|| Msg::OwnReseller.text(l).to_string())
            })
            .view(|r, l| match &r.indirect_partner_name {
                Some(n) => n.clone().into_any(),
                None => view! { <span class="muted">{Msg::OwnReseller.text(l)}</span> }.into_any(),
            })
            .width(150),
        );
    }
    cols
}

#[component]
pub fn CustomersPage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let i18n = use_i18n();
    let url = use_url_view::<CustomerFilters>(CUSTOMERS, PAGE_SIZES);
    let current = url.current;

    // The profile may arrive just after the page is built (the shell shows the page once it is
    // loaded, and hands it over in an effect): what depends on it follows it.
    let is_distributor = Memo::new(move |_| {
        auth.profile.with(|p| p.as_ref().is_some_and(|p| p.partner_type == partner_type::DISTRIBUTOR))
    });
    let can_pick_manager =
        Memo::new(move |_| auth.profile.with(|p| p.as_ref().is_some_and(|p| p.role != role::ACCOUNT_MANAGER)));
    let managers = Signal::derive(move || {
        auth.profile.with(|p| {
            p.as_ref()
                .map(|p| p.account_managers.iter().map(|m| (m.account_name.clone(), m.name.clone())).collect())
                .unwrap_or_default()
        })
    });
    let resellers = Signal::derive(move || {
        auth.profile.with(|p| {
            p.as_ref()
                .map(|p| p.indirect_partners.iter().map(|r| (r.indirect_partner_id.clone(), r.name.clone())).collect())
                .unwrap_or_default()
        })
    });

    // The filter bar edits a draft; Search puts it in the URL. The draft follows the URL
    // (back/forward, deep links).
    let keyword = RwSignal::new(String::new());
    let industries = RwSignal::new(Vec::new());
    let types = RwSignal::new(Vec::new());
    let stages = RwSignal::new(Vec::new());
    let confidences = RwSignal::new(Vec::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let revenue_min = RwSignal::new(String::new());
    let revenue_max = RwSignal::new(String::new());
    let manager = RwSignal::new(String::new());
    let reseller = RwSignal::new(String::new());
    let more_open = RwSignal::new(false);
    // Only a change of the filters themselves (not page, sort or size) resets the draft, so
    // paging never throws away something typed but not yet searched.
    let applied = url.applied;
    Effect::new(move |_| {
        let f = applied.get();
        keyword.set(f.keyword.clone());
        industries.set(f.industries.clone());
        types.set(f.types.clone());
        stages.set(f.stages.clone());
        confidences.set(f.confidences.clone());
        from.set(f.from.clone());
        to.set(f.to.clone());
        revenue_min.set(f.revenue_min.clone());
        revenue_max.set(f.revenue_max.clone());
        manager.set(f.account_manager.clone());
        reseller.set(f.reseller.clone());
        // Filters that live under "More filters" open it, so nothing applied is hidden.
        if !(f.types.is_empty()
            && f.confidences.is_empty()
            && f.from.is_empty()
            && f.to.is_empty()
            && f.revenue_min.is_empty()
            && f.revenue_max.is_empty())
        {
            more_open.set(true);
        }
    });
    let range_invalid = Signal::derive(move || {
        let (f, t) = (from.get(), to.get());
        !f.is_empty() && !t.is_empty() && f > t
    });

    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if range_invalid.get_untracked()
            || number_range_problem(&revenue_min.get_untracked(), &revenue_max.get_untracked()).is_some()
        {
            return;
        }
        url.search(CustomerFilters {
            keyword: keyword.get_untracked().trim().to_string(),
            industries: industries.get_untracked(),
            types: types.get_untracked(),
            stages: stages.get_untracked(),
            confidences: confidences.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
            revenue_min: revenue_min.get_untracked().trim().to_string(),
            revenue_max: revenue_max.get_untracked().trim().to_string(),
            account_manager: manager.get_untracked(),
            reseller: reseller.get_untracked(),
            ..Default::default()
        });
    };
    let reset =
        move |_| url.go.run(CustomerFilters { size: current.get_untracked().size, page: 1, ..Default::default() });

    // The server pages, sorts (one order_by) and filters; the table asks for the slices.
    let scope_now = RwSignal::new(None::<String>);
    let source = Source::server(url.table, move || {
        let filters = applied.get();
        let api = api.clone();
        loader(move |slice: Slice| {
            let mut request = filters.to_request();
            request.offset = Some(slice.offset as i64);
            request.limit = Some(slice.limit as i64);
            request.order_by = slice.sort.first().map(SortKey::order_by);
            let api = api.clone();
            async move {
                let r = api.query::<_, OpportunityListResponse>(QUERY_PATH, &request).await?;
                scope_now.try_set(Some(r.visibility_scope));
                Ok(Rows { rows: r.customer_opportunities, total: r.total_count })
            }
        })
    });

    let clear = Callback::new(move |_| {
        url.go.run(CustomerFilters { size: current.get_untracked().size, ..Default::default() })
    });
    let empty = Signal::derive(move || {
        if current.with(CustomerFilters::has_filters) {
            Empty::new(EmptyReason::Filtered, Msg::EmptyFiltered).action(Msg::ClearFilters, clear)
        } else if scope_now.with(|s| s.as_deref() == Some(scope::OWN)) {
            Empty::new(EmptyReason::Restricted, Msg::EmptyOwn)
        } else {
            Empty::new(EmptyReason::NoData, Msg::EmptyNone)
        }
    });

    view! {
        <section class="page" data-testid="page-customers">
            <h1 class="page-title">{tr(Msg::CustomersTitle)}</h1>
            <p class="page-intro">{tr(Msg::CustomersIntro)}</p>

            <form class="filter-bar card" data-testid="customer-filters" on:submit=search>
                <div class="filter-row">
                    <TextFilter label=Msg::FilterKeyword placeholder=Msg::FilterKeywordPlaceholder value=keyword test_id="filter-keyword" />
                    <CodeMultiSelect label=Msg::ColIndustry kind=CodeKind::Industry options=INDUSTRIES selected=industries test_id="filter-industry" />
                    <CodeMultiSelect label=Msg::ColStage kind=CodeKind::Stage options=STAGES selected=stages test_id="filter-stage" />
                    {move || can_pick_manager.get().then(|| view! {
                        <SelectFilter label=Msg::ColAccountManager options=managers selected=manager test_id="filter-account-manager" />
                    })}
                    {move || is_distributor.get().then(|| view! {
                        <SelectFilter label=Msg::ColReseller options=resellers selected=reseller test_id="filter-reseller" />
                    })}
                </div>
                <Show when=move || more_open.get()>
                    <div class="filter-row">
                        <CodeMultiSelect label=Msg::ColOpportunityType kind=CodeKind::OpportunityType options=OPPORTUNITY_TYPES selected=types test_id="filter-type" />
                        <CodeMultiSelect label=Msg::ColConfidence kind=CodeKind::Confidence options=CONFIDENCES selected=confidences test_id="filter-confidence" />
                        <DateRangeFilter label=Msg::ColLastUpdate from=from to=to problem=Signal::derive(move || range_invalid.get().then_some(Msg::DateRangeInvalid)) test_id="filter-updated" />
                        <NumberRangeFilter label=Msg::ColRevenue min=revenue_min max=revenue_max test_id="filter-revenue" />
                    </div>
                </Show>
                <div class="filter-actions">
                    <button class="button primary" type="submit" data-testid="filter-search">{tr(Msg::Search)}</button>
                    <button class="button" type="button" data-testid="filter-reset" on:click=reset>{tr(Msg::Reset)}</button>
                    <button class="link-button" type="button" data-testid="filter-more" on:click=move |_| more_open.update(|o| *o = !*o)>
                        {move || if more_open.get() { Msg::FewerFilters } else { Msg::MoreFilters }.text(i18n.get())}
                    </button>
                </div>
            </form>

            {move || match scope_now.get().as_deref() {
                Some(scope::OWN) => Some(view! { <div class="notice notice-info" data-testid="scope-notice" data-scope="OWN">{tr(Msg::ScopeOwn)}</div> }),
                Some(scope::TEAM) => Some(view! { <div class="notice notice-info" data-testid="scope-notice" data-scope="TEAM">{tr(Msg::ScopeTeam)}</div> }),
                _ => None,
            }}

            <div class="card table-card">
                // Rebuilt only if the partner type turns out different once the profile is in.
                {move || {
                    let distributor = is_distributor.get();
                    view! {
                        <DataTable
                            id="customers"
                            test_id="customers-table"
                            label=Signal::derive(move || Msg::CustomersTitle.text(i18n.get()).to_string())
                            columns=columns(distributor)
                            source=source.clone()
                            row_key=|r: &CustomerOpportunity| r.customer_id.clone()
                            row_actions=vec![RowAction::link("details", Msg::ViewDetails, detail_path).keyboard_only()]
                            selectable=true
                            empty=empty
                            total_label=Msg::CustomersTotal
                        />
                    }
                }}
            </div>
        </section>
    }
}
