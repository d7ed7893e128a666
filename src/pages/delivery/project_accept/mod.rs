//! D1 申请验收 for one project (`?project=<id>`, the row action of 项目跟踪): the project is read
//! as the list gives it (so a project that cannot be applied for now says why), then the
//! application (controller.rs, state.rs; step views form.rs and files.rs; uploads upload.rs).
//! The controller is built once per project: reading the project again keeps the draft and
//! the uploads.

mod controller;
mod files;
mod form;
mod state;
mod upload;

use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::project_labels::project_status_tag;
use crate::components::remote::use_remote;
use crate::i18n::{tr, use_i18n, Msg, PjContractOf};
use crate::routes::{href, DELIVERY_PROJECTS};
use controller::Acceptance;
use form::AcceptanceForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use partner_api::projects::{ListProjectsRequest, Project};

#[component]
pub fn ProjectAcceptPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let query = use_query_map();
    let project_id = Memo::new(move |_| query.with(|q| q.get("project")).unwrap_or_default());
    let remote = use_remote(move || {
        let id = project_id.get();
        async move {
            let keyword = Some(id).filter(|s| !s.trim().is_empty());
            let request = ListProjectsRequest { keyword, offset: Some(0), limit: Some(100), ..Default::default() };
            api.call(&request).await
        }
    });
    let project = Memo::new(move |_| {
        let id = project_id.get();
        remote.data.with(|d| d.as_ref().map(|l| l.projects.iter().find(|p| p.project_id == id).cloned()))
    });
    let reread = Callback::new(move |_| remote.reload());
    let form_for = Memo::new(move |_| project.get().flatten().map(|p: Project| p.project_id));
    let refused = move || project.get().flatten().is_some_and(|p| p.refusal().is_some());
    let heading = move || {
        project.get().flatten().map(|p| {
            let l = i18n.get();
            let contract = p.contract_amount.with_currency(&p.currency);
            view! {
                <div class="card page-intro" data-testid="accept-project" data-project=p.project_id.clone() data-status=p.status.clone()>
                    <strong>{tr(Msg::PjFormProject)}": "{p.project_name.clone()}</strong>" ("{p.project_id.clone()}") · "
                    {p.customer_name.clone()}" · "{PjContractOf { amount: &contract }.text(l)}" · "
                    {project_status_tag(&p.status, l)}
                </div>
            }
        })
    };
    view! {
        <section class="page" data-testid="page-project-accept">
            <div class="page-actions">
                <a class="button" href=href(DELIVERY_PROJECTS) data-testid="link-back-projects">{tr(Msg::PjBack)}</a>
            </div>
            <h1 class="page-title">{tr(Msg::PjApply)}</h1>
            {heading}
            {move || remote.error.get().map(|error| view! { <ErrorNotice error on_retry=reread /> })}
            {move || match project.get() {
                None => remote.error.with(Option::is_none).then(|| view! { <p class="muted" role="status">{tr(Msg::PjLoadingProject)}</p> }.into_any()),
                Some(None) => Some(view! { <div class="notice notice-error" role="alert" data-testid="accept-unknown-project">{tr(Msg::PjUnknownProject)}</div> }.into_any()),
                Some(Some(_)) => refused().then(|| view! {
                    <div class="notice notice-info" role="status" data-testid="accept-not-now">{tr(Msg::PjNotNow)}</div>
                }.into_any()),
            }}
            {move || form_for.get().map(|_| {
                let p = project.get_untracked().flatten().expect("project of the form");
                let ctl = Acceptance::new(api, p, reread);
                view! { <div style:display=move || if refused() { "none" } else { "" }><AcceptanceForm ctl /></div> }
            })}
        </section>
    }
}
