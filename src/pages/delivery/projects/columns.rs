//! The columns of 项目跟踪: the project, its state and its newest acceptance application.

use crate::components::project_labels::{project_status_tag, project_status_text};
use crate::components::table::Column;
use crate::i18n::{Locale, Msg, PjFiles};
use leptos::prelude::*;
use partner_api::projects::Project;

type P = Column<Project>;

fn acceptance_view(p: &Project, l: Locale) -> AnyView {
    match &p.acceptance {
        None => view! { <span class="muted">"—"</span> }.into_any(),
        Some(a) => {
            let files = a.attachments.iter().map(|f| f.file_name.clone()).collect::<Vec<_>>().join(", ");
            view! {
                <span data-testid="acceptance" data-application=a.application_id.clone() title=files>
                    {a.application_id.clone()}" · "{a.completion_date.clone()}" · "{PjFiles { n: &a.attachments.len() }.text(l)}
                </span>
            }
            .into_any()
        }
    }
}

pub fn project_columns() -> Vec<P> {
    vec![
        P::text("name", Msg::PjColProject, |r, _| r.project_name.clone()).width(220),
        P::text("id", Msg::PjColProjectId, |r, _| r.project_id.clone()).copyable().width(130),
        P::text("customer", Msg::PjColCustomer, |r, _| r.customer_name.clone()).width(200),
        P::text("manager", Msg::ColAccountManager, |r, _| r.account_manager.clone().unwrap_or_default()).width(120),
        P::money("contract", Msg::PjColContract, |r| Some((r.contract_amount, r.currency.as_str()))).width(150),
        P::text("status", Msg::PjColStatus, |r, l| project_status_text(&r.status, l))
            .view(|r, l| project_status_tag(&r.status, l))
            .width(130),
        P::date_time("registered", Msg::PjColRegistered, |r| Some(r.registered_time)).width(160),
        P::text("acceptance", Msg::PjColAcceptance, |r, _| {
            r.acceptance.as_ref().map(|a| a.application_id.clone()).unwrap_or_default()
        })
        .view(acceptance_view)
        .width(200),
        P::text("reason", Msg::PgColRejectReason, |r, _| {
            r.acceptance.as_ref().and_then(|a| a.reject_reason.clone()).unwrap_or_default()
        })
        .width(260),
    ]
}
