//! D1 项目跟踪: the partner's delivery projects as the person may see them, with a status filter
//! (报备成功 one click away) and a keyword; "申请验收" on the rows that may apply opens the
//! acceptance application (project_accept). After a submission the list says so and the row
//! shows the new state.

mod columns;
mod filters;

use crate::api::use_api;
use crate::components::filters::{SelectFilter, TextFilter};
use crate::components::list_page::{filters_query, Draft, List, ListPage, ListUrl, SIZES};
use crate::components::project_labels::project_status_options;
use crate::components::table::{paged, RowAction};
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::{href, DELIVERY_PROJECTS, DELIVERY_PROJECT_ACCEPT};
use columns::project_columns;
use filters::ProjectFilters;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use partner_api::projects::Project;
use partner_api::query::encode_component;

/// The acceptance application of one project.
pub fn apply_href(p: &Project) -> String {
    format!("{DELIVERY_PROJECT_ACCEPT}?project={}", encode_component(&p.project_id))
}

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let url = ListUrl::<ProjectFilters>::new(DELIVERY_PROJECTS, SIZES, &[]);
    let query = use_query_map();
    let submitted = move || query.with(|q| q.get("submitted")).filter(|s| !s.is_empty());
    let registered_href = href(&format!("{DELIVERY_PROJECTS}{}", filters_query(ProjectFilters::registered())));
    let only_registered = Memo::new(move |_| url.filters.with(|f| *f == ProjectFilters::registered()));
    let bar = move |d: Draft<ProjectFilters>| {
        type F = ProjectFilters;
        let options = Signal::derive(move || project_status_options(i18n.get()));
        view! {
            <div class="filter-row">
                <SelectFilter label=Msg::PjColStatus options selected=d.bind(F::status()) test_id="filter-status" />
                <TextFilter label=Msg::PjKeyword placeholder=Msg::PjKeywordPlaceholder value=d.bind(F::keyword()) test_id="filter-keyword" />
            </div>
        }
        .into_any()
    };
    let actions =
        vec![RowAction::link("apply", Msg::PjApply, apply_href).only_when(|p: &Project| p.refusal().is_none())];
    let list = List::new(url, "projects", "projects-table", Msg::PjTable, move |f: ProjectFilters| {
        paged(&api, f.to_request())
    })
    .form_id("project-filters")
    .bar(bar)
    .columns(project_columns, |p: &Project| p.project_id.clone())
    .row_actions(actions)
    .empty(Msg::PjEmpty, Msg::PjEmptyFiltered)
    .total(crate::i18n::PjTotal::of);
    view! {
        <section class="page" data-testid="page-projects">
            <h1 class="page-title">{tr(Msg::PjTitle)}</h1>
            <p class="page-intro">{tr(Msg::PjIntro)}</p>
            <div class="tabs" role="tablist">
                <a class="tab" role="tab" href=href(DELIVERY_PROJECTS) data-testid="quick-all" aria-selected=move || (!only_registered.get()).to_string()>{tr(Msg::All)}</a>
                <a class="tab" role="tab" href=registered_href data-testid="quick-registered" aria-selected=move || only_registered.get().to_string()>{tr(Msg::PjOnlyRegistered)}</a>
            </div>
            {move || submitted().map(|id| view! {
                <div class="notice notice-success" role="status" data-testid="acceptance-submitted" data-project=id>{tr(Msg::PjSubmittedNotice)}</div>
            })}
            <ListPage list=list />
        </section>
    }
}
