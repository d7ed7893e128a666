//! B2 能力提升激励: tab 权益申请 lists the benefits (one per level-1 capability tag certified
//! this year within the incentive scope) with "申请" per row, which opens the application form;
//! tab 申请记录 lists the submitted applications with their review states. Partners outside
//! the capability-improvement programme see its prerequisite (ProgrammeGate).

mod columns;
mod filters;

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::filters::SelectFilter;
use crate::components::list_page::{filters_query, Draft, List, ListPage, ListUrl, SIZES};
use crate::components::programme_gate::ProgrammeGate;
use crate::components::programme_labels::review_status_options;
use crate::components::table::{paged, RowAction};
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::{href, BENEFITS_CAPABILITY, BENEFITS_CAPABILITY_APPLY};
use columns::{application_columns, benefit_columns};
use filters::{CapabilityFilters, Tab};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use partner_api::programmes::capability::{CapabilityApplication, CapabilityBenefit, ListCapabilityBenefitsRequest};
use partner_api::programmes::{may_apply, programme};
use partner_api::query::encode_component;

/// The form of one benefit.
pub fn apply_href(b: &CapabilityBenefit) -> String {
    format!("{BENEFITS_CAPABILITY_APPLY}?benefit={}", encode_component(&b.benefit_id))
}

#[component]
pub fn CapabilityPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-capability">
            <h1 class="page-title">{tr(Msg::PgNavCapability)}</h1>
            <ProgrammeGate programme=programme::CAPABILITY_IMPROVEMENT>
                <CapabilityTabs />
            </ProgrammeGate>
        </section>
    }
}

#[component]
fn CapabilityTabs() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let profile = use_profile();
    let applies = Memo::new(move |_| profile.role().is_some_and(|r| may_apply(&r)));
    let url = ListUrl::<CapabilityFilters>::new(BENEFITS_CAPABILITY, SIZES, &[]);
    let tab = Memo::new(move |_| url.filters.with(CapabilityFilters::which));
    let tab_href = |t: Tab| {
        href(&format!(
            "{BENEFITS_CAPABILITY}{}",
            filters_query(CapabilityFilters { tab: t.key().into(), ..Default::default() })
        ))
    };
    let query = use_query_map();
    let submitted = move || query.with(|q| q.get("submitted")).filter(|s| !s.is_empty());

    let table = move || match tab.get() {
        Tab::Benefits => {
            let actions = if applies.get() {
                vec![RowAction::link("apply", Msg::PgApply, apply_href)
                    .only_when(|b: &CapabilityBenefit| b.refusal().is_none())]
            } else {
                Vec::new()
            };
            let list = List::new(url, "capability-benefits", "benefits-table", Msg::PgBenefitsTable, move |_| {
                paged(&api, ListCapabilityBenefitsRequest::default())
            })
            .columns(benefit_columns, |b: &CapabilityBenefit| b.benefit_id.clone())
            .row_actions(actions)
            .empty(Msg::PgBenefitsEmpty, Msg::PgBenefitsEmpty)
            .total(crate::i18n::PgBenefitsTotal::of);
            view! { <ListPage list=list /> }.into_any()
        }
        Tab::Applications => {
            let bar = move |d: Draft<CapabilityFilters>| {
                let options = Signal::derive(move || review_status_options(i18n.get()));
                view! {
                    <div class="filter-row">
                        <SelectFilter label=Msg::PgColStatus options selected=d.bind(CapabilityFilters::status()) test_id="filter-status" />
                    </div>
                }
                .into_any()
            };
            let list = List::new(
                url,
                "capability-applications",
                "applications-table",
                Msg::PgApplicationsTable,
                move |f: CapabilityFilters| paged(&api, f.applications_request()),
            )
            .form_id("applications-filters")
            .bar(bar)
            .columns(application_columns, |a: &CapabilityApplication| a.application_id.clone())
            .empty(Msg::PgApplicationsEmpty, Msg::PgEmptyFiltered)
            .total(crate::i18n::PgApplicationsTotal::of);
            view! { <ListPage list=list /> }.into_any()
        }
    };
    view! {
        <p class="page-intro">{tr(Msg::PgCapabilityIntro)}</p>
        <div class="tabs" role="tablist">
            <a class="tab" role="tab" href=tab_href(Tab::Benefits) data-testid="tab-benefits" aria-selected=move || (tab.get() == Tab::Benefits).to_string()>{tr(Msg::PgTabBenefits)}</a>
            <a class="tab" role="tab" href=tab_href(Tab::Applications) data-testid="tab-applications" aria-selected=move || (tab.get() == Tab::Applications).to_string()>{tr(Msg::PgTabApplications)}</a>
        </div>
        {move || submitted().map(|id| view! {
            <div class="notice notice-success" role="status" data-testid="application-submitted" data-application=id>{tr(Msg::PgSubmitted)}</div>
        })}
        {move || (!applies.get()).then(|| view! {
            <div class="notice notice-info" role="status" data-testid="apply-read-only">{tr(Msg::PgReadOnlyRole)}</div>
        })}
        {table}
    }
}
