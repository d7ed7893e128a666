//! B1 and B2 are for members of a programme. The gate reads the partner's memberships once and
//! shows the page to members; everyone else (other service partners, distributors, resellers)
//! is told what the programme is, that it is by invitation or how to join, and whom to ask —
//! their ecosystem manager — instead of an empty page or a 403.

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::remote::use_remote;
use crate::i18n::{tr, use_i18n, Msg, PgYourManager};
use leptos::prelude::*;
use partner_api::endpoints::ProgrammesRequest;
use partner_api::programmes::{programme, EcosystemManager};
use partner_api::ApiError;

#[derive(Debug, Clone, PartialEq)]
enum Gate {
    Loading,
    Failed(ApiError),
    Member,
    NotMember(Option<EcosystemManager>),
}

#[component]
pub fn ProgrammeGate(
    /// One of `partner_api::programmes::programme`.
    programme: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let api = use_api();
    let remote = use_remote(move || async move { api.call(&ProgrammesRequest).await });
    let gate = Memo::new(move |_| {
        if let Some(e) = remote.error.get() {
            return Gate::Failed(e);
        }
        match remote.data.get() {
            None => Gate::Loading,
            Some(r) if r.is_member(programme) => Gate::Member,
            Some(r) => Gate::NotMember(r.ecosystem_manager),
        }
    });
    let children = StoredValue::new(children);
    move || match gate.get() {
        Gate::Loading => {
            view! { <p class="muted" role="status" data-testid="programme-loading">{tr(Msg::PgLoadingMembership)}</p> }
                .into_any()
        }
        Gate::Failed(error) => {
            view! { <ErrorNotice error on_retry=Callback::new(move |_| remote.reload()) /> }.into_any()
        }
        Gate::Member => children.with_value(|c| c()).into_any(),
        Gate::NotMember(manager) => view! { <Prerequisite programme manager /> }.into_any(),
    }
}

#[component]
fn Prerequisite(programme: &'static str, manager: Option<EcosystemManager>) -> impl IntoView {
    let i18n = use_i18n();
    let profile = use_profile();
    let (title, what, ask) = if programme == programme::CCOE {
        (Msg::PgCcoeTitle, Msg::PgCcoeWhat, Msg::PgCcoeInvite)
    } else {
        (Msg::PgCapabilityTitle, Msg::PgCapabilityWhat, Msg::PgCapabilityAsk)
    };
    let manager_line = move || match &manager {
        Some(m) => PgYourManager { name: &m.name, email: &m.email }.text(i18n.get()),
        None => Msg::PgNoManager.text(i18n.get()).to_string(),
    };
    view! {
        <div class="card prerequisite" data-testid="programme-prerequisite" data-programme=programme>
            <h2 class="card-title">{tr(Msg::PgPrerequisite)}": "{tr(title)}</h2>
            <p>{tr(what)}</p>
            <p data-testid="prerequisite-ask">{tr(ask)}</p>
            <p data-testid="ecosystem-manager">{manager_line}</p>
            {move || (!profile.is_service_partner()).then(|| view! {
                <p class="muted" data-testid="prerequisite-service-only">{tr(Msg::PgServicePartnersOnly)}</p>
            })}
        </div>
    }
}
