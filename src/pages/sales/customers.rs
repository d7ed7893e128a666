//! S1 Customers & opportunities (客户与商机): every sub-customer the signed-in person may
//! see, with the current opportunity. Filters, sort and page live in the URL.

use super::customer_filters::{CustomerFilters, PAGE_SIZES};
use crate::api::{use_api, use_auth};
use crate::components::data_table::{Column, DataTable};
use crate::components::error_notice::ErrorNotice;
use crate::components::filters::{CodeMultiSelect, DateRangeFilter, SelectFilter, TextFilter};
use crate::components::pager::Pager;
use crate::components::remote::use_remote;
use crate::format;
use crate::i18n::{code_label, tr, use_i18n, CodeKind, Locale, Msg};
use crate::routes::CUSTOMERS;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use partner_api::opportunities::{
    scope, CustomerOpportunity, OpportunityListResponse, CONFIDENCES, INDUSTRIES, OPPORTUNITY_TYPES, QUERY_PATH, STAGES,
};
use partner_api::profile::{partner_type, role};

fn dash() -> AnyView {
    view! { <span class="muted">"—"</span> }.into_any()
}

fn opportunity_code(r: &CustomerOpportunity, kind: CodeKind, l: Locale) -> AnyView {
    match &r.opportunity {
        None => dash(),
        Some(o) => {
            let code = match kind {
                CodeKind::OpportunityType => &o.opportunity_type,
                CodeKind::Confidence => &o.confidence,
                _ => &o.stage,
            };
            let class = format!("tag tag-{}", code.to_ascii_lowercase());
            view! { <span class=class data-code=code.clone()>{code_label(kind, code, l)}</span> }.into_any()
        }
    }
}

fn columns(distributor: bool) -> Vec<Column<CustomerOpportunity>> {
    let mut cols = vec![
        Column {
            id: "customer",
            header: Msg::ColCustomer,
            sort_key: Some("account_name"),
            desc_first: false,
            numeric: false,
            cell: |r: &CustomerOpportunity, _| {
                // The list's own query travels along, so "Back to list" returns to this view.
                let back = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
                let href = format!(
                    "{}/{}?from={}",
                    crate::routes::href(CUSTOMERS),
                    partner_api::opportunities::encode_path_segment(&r.customer_id),
                    js_sys::encode_uri_component(&format!("{CUSTOMERS}{back}"))
                );
                view! {
                    <a class="cell-title" href=href data-testid="customer-link">{r.customer.clone()}</a>
                    <div class="cell-sub">{r.account_name.clone()}</div>
                }
                .into_any()
            },
        },
        Column {
            id: "industry",
            header: Msg::ColIndustry,
            sort_key: None,
            desc_first: false,
            numeric: false,
            cell: |r, l| code_label(CodeKind::Industry, &r.industry, l).into_any(),
        },
        Column {
            id: "type",
            header: Msg::ColOpportunityType,
            sort_key: None,
            desc_first: false,
            numeric: false,
            cell: |r, l| opportunity_code(r, CodeKind::OpportunityType, l),
        },
        Column {
            id: "confidence",
            header: Msg::ColConfidence,
            sort_key: None,
            desc_first: false,
            numeric: false,
            cell: |r, l| opportunity_code(r, CodeKind::Confidence, l),
        },
        Column {
            id: "stage",
            header: Msg::ColStage,
            sort_key: None,
            desc_first: false,
            numeric: false,
            cell: |r, l| opportunity_code(r, CodeKind::Stage, l),
        },
        Column {
            id: "revenue",
            header: Msg::ColRevenue,
            sort_key: Some("expected_monthly_revenue"),
            desc_first: true,
            numeric: true,
            cell: |r, _| match &r.opportunity {
                Some(o) => format::money(&o.expected_monthly_revenue, &o.currency).into_any(),
                None => dash(),
            },
        },
        Column {
            id: "last-update",
            header: Msg::ColLastUpdate,
            sort_key: Some("last_update_time"),
            desc_first: true,
            numeric: false,
            cell: |r, _| match &r.opportunity {
                Some(o) => format::date_time(&o.last_update_time).into_any(),
                None => dash(),
            },
        },
        Column {
            id: "account-manager",
            header: Msg::ColAccountManager,
            sort_key: None,
            desc_first: false,
            numeric: false,
            cell: |r, l| match &r.account_manager {
                Some(p) => view! { <span data-testid="cell-am" data-am=p.account_name.clone()>{p.name.clone()}</span> }
                    .into_any(),
                None => view! { <span class="muted">{Msg::Unassigned.text(l)}</span> }.into_any(),
            },
        },
    ];
    if distributor {
        cols.push(Column {
            id: "reseller",
            header: Msg::ColReseller,
            sort_key: None,
            desc_first: false,
            numeric: false,
            cell: |r, l| match &r.indirect_partner_name {
                Some(n) => n.clone().into_any(),
                None => view! { <span class="muted">{Msg::OwnReseller.text(l)}</span> }.into_any(),
            },
        });
    }
    cols
}

#[component]
pub fn CustomersPage() -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let current = Memo::new(move |_| query.with(CustomerFilters::from_query));

    let profile = auth.profile.get_untracked();
    let is_distributor = profile.as_ref().is_some_and(|p| p.partner_type == partner_type::DISTRIBUTOR);
    let can_pick_manager = profile.as_ref().is_some_and(|p| p.role != role::ACCOUNT_MANAGER);
    let managers: Vec<(String, String)> = profile
        .as_ref()
        .map(|p| p.account_managers.iter().map(|m| (m.account_name.clone(), m.name.clone())).collect())
        .unwrap_or_default();
    let resellers: Vec<(String, String)> = profile
        .as_ref()
        .map(|p| p.indirect_partners.iter().map(|r| (r.indirect_partner_id.clone(), r.name.clone())).collect())
        .unwrap_or_default();

    // The filter bar edits a draft; Search puts it in the URL. The draft follows the URL
    // (back/forward, deep links).
    let keyword = RwSignal::new(String::new());
    let industries = RwSignal::new(Vec::new());
    let types = RwSignal::new(Vec::new());
    let stages = RwSignal::new(Vec::new());
    let confidences = RwSignal::new(Vec::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let manager = RwSignal::new(String::new());
    let reseller = RwSignal::new(String::new());
    let more_open = RwSignal::new(false);
    // Only a change of the filters themselves (not page, sort or size) resets the draft, so
    // paging never throws away something typed but not yet searched.
    let applied = Memo::new(move |_| CustomerFilters { page: 1, sort: String::new(), size: 0, ..current.get() });
    Effect::new(move |_| {
        let f = applied.get();
        keyword.set(f.keyword.clone());
        industries.set(f.industries.clone());
        types.set(f.types.clone());
        stages.set(f.stages.clone());
        confidences.set(f.confidences.clone());
        from.set(f.from.clone());
        to.set(f.to.clone());
        manager.set(f.account_manager.clone());
        reseller.set(f.reseller.clone());
        // Filters that live under "More filters" open it, so nothing applied is hidden.
        if !(f.types.is_empty() && f.confidences.is_empty() && f.from.is_empty() && f.to.is_empty()) {
            more_open.set(true);
        }
    });
    let range_invalid = Signal::derive(move || {
        let (f, t) = (from.get(), to.get());
        !f.is_empty() && !t.is_empty() && f > t
    });

    let go = move |f: CustomerFilters| navigate(&format!("{CUSTOMERS}{}", f.to_query()), Default::default());
    let go_search = go.clone();
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if range_invalid.get_untracked() {
            return;
        }
        let base = current.get_untracked();
        go_search(CustomerFilters {
            keyword: keyword.get_untracked().trim().to_string(),
            industries: industries.get_untracked(),
            types: types.get_untracked(),
            stages: stages.get_untracked(),
            confidences: confidences.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
            account_manager: manager.get_untracked(),
            reseller: reseller.get_untracked(),
            page: 1,
            sort: base.sort,
            size: base.size,
        });
    };
    let go_reset = go.clone();
    let reset = move |_| {
        let base = current.get_untracked();
        go_reset(CustomerFilters { size: base.size, page: 1, ..Default::default() });
    };

    let remote = use_remote(move || {
        let request = current.get().to_request();
        let api = api.clone();
        async move { api.query::<_, OpportunityListResponse>(QUERY_PATH, &request).await }
    });

    let rows = Signal::derive(move || {
        remote.data.with(|d| d.as_ref().map(|d| d.customer_opportunities.clone()).unwrap_or_default())
    });
    let total = Signal::derive(move || remote.data.with(|d| d.as_ref().map_or(0, |d| d.total_count)));
    let scope_now = move || remote.data.with(|d| d.as_ref().map(|d| d.visibility_scope.clone()));

    let go_sort = go.clone();
    let on_sort = Callback::new(move |order: String| {
        go_sort(CustomerFilters { sort: order, page: 1, ..current.get_untracked() });
    });
    let go_page = go.clone();
    let on_page = Callback::new(move |page: u64| go_page(CustomerFilters { page, ..current.get_untracked() }));
    let go_size = go.clone();
    let on_size = Callback::new(move |size: u32| go_size(CustomerFilters { size, page: 1, ..current.get_untracked() }));
    let go_clear = go.clone();
    let empty = ViewFn::from(move || {
        let filtered = current.with_untracked(CustomerFilters::has_filters);
        let own = scope_now().as_deref() == Some(scope::OWN);
        let go_clear = go_clear.clone();
        let msg = if filtered {
            Msg::EmptyFiltered
        } else if own {
            Msg::EmptyOwn
        } else {
            Msg::EmptyNone
        };
        view! {
            <div class="empty-state" data-testid="empty-state">
                <div class="empty-icon" aria-hidden="true">"∅"</div>
                <p>{tr(msg)}</p>
                <Show when=move || filtered>
                    <button class="button" data-testid="clear-filters" on:click={
                        let go_clear = go_clear.clone();
                        move |_| go_clear(CustomerFilters { size: current.get_untracked().size, ..Default::default() })
                    }>{tr(Msg::ClearFilters)}</button>
                </Show>
            </div>
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
                    {can_pick_manager.then(|| view! {
                        <SelectFilter label=Msg::ColAccountManager options=managers.clone() selected=manager test_id="filter-account-manager" />
                    })}
                    {is_distributor.then(|| view! {
                        <SelectFilter label=Msg::ColReseller options=resellers.clone() selected=reseller test_id="filter-reseller" />
                    })}
                </div>
                <Show when=move || more_open.get()>
                    <div class="filter-row">
                        <CodeMultiSelect label=Msg::ColOpportunityType kind=CodeKind::OpportunityType options=OPPORTUNITY_TYPES selected=types test_id="filter-type" />
                        <CodeMultiSelect label=Msg::ColConfidence kind=CodeKind::Confidence options=CONFIDENCES selected=confidences test_id="filter-confidence" />
                        <DateRangeFilter label=Msg::ColLastUpdate from=from to=to invalid=range_invalid test_id="filter-updated" />
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

            {move || match scope_now().as_deref() {
                Some(scope::OWN) => Some(view! { <div class="notice notice-info" data-testid="scope-notice" data-scope="OWN">{tr(Msg::ScopeOwn)}</div> }),
                Some(scope::TEAM) => Some(view! { <div class="notice notice-info" data-testid="scope-notice" data-scope="TEAM">{tr(Msg::ScopeTeam)}</div> }),
                _ => None,
            }}

            <div class="card table-card">
                <div class="table-toolbar">
                    <span class="muted" data-testid="total-count" data-total=move || total.get().to_string() class:hidden=move || remote.error.with(Option::is_some)>
                        {move || match i18n.get() {
                            Locale::ZhCn => format!("共 {} 个客户", total.get()),
                            Locale::En => format!("{} customers", total.get()),
                        }}
                    </span>
                    <button class="button" data-testid="refresh" on:click=move |_| remote.reload()>{tr(Msg::Refresh)}</button>
                </div>
                {move || remote.error.get().map(|e| view! {
                    <ErrorNotice error=e on_retry=Callback::new(move |_| remote.reload()) />
                })}
                <Show when=move || remote.error.with(Option::is_none)>
                    <DataTable
                        columns=columns(is_distributor)
                        rows=rows
                        loading=remote.loading
                        sort=Signal::derive(move || current.with(CustomerFilters::sort_key))
                        on_sort=on_sort
                        empty=empty.clone()
                        test_id="customers-table"
                        label=Signal::derive(move || Msg::CustomersTitle.text(i18n.get()).to_string())
                    />
                    <Pager
                        total=total
                        page=Signal::derive(move || current.with(|f| f.page))
                        size=Signal::derive(move || current.with(|f| f.size))
                        sizes=PAGE_SIZES
                        on_page=on_page
                        on_size=on_size
                    />
                </Show>
            </div>
        </section>
    }
}
