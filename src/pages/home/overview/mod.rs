//! Home: who is signed in, what needs their action (`actions.rs`) and the way to the pages
//! they can use.

mod actions;

use crate::api::profile::use_profile;
use crate::i18n::{code_label, tr, use_i18n, CodeKind, Msg};
use crate::routes::page::{use_pages, Area};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Overview() -> impl IntoView {
    let profile = use_profile();
    let pages = use_pages();
    let i18n = use_i18n();
    let facts = move || {
        profile.with(|p| {
            let l = i18n.get();
            (
                p.display_name.clone(),
                p.partner_name.clone(),
                code_label(CodeKind::PartnerType, &p.partner_type, l),
                code_label(CodeKind::Role, &p.role, l),
            )
        })
    };
    view! {
        <section class="page" data-testid="page-home">
            <h1 class="page-title">{tr(Msg::Welcome)}{move || facts().map(|f| format!(", {}", f.0))}</h1>
            <p class="page-intro">{tr(Msg::HomeIntro)}</p>
            {move || facts().map(|(_, partner, kind, role)| view! {
                <div class="card facts">
                    <dl>
                        <dt>{tr(Msg::Partner)}</dt><dd>{partner}</dd>
                        <dt>{tr(Msg::PartnerType)}</dt><dd>{kind}</dd>
                        <dt>{tr(Msg::Role)}</dt><dd>{role}</dd>
                    </dl>
                </div>
            })}
            <actions::ActionsCard />
            // The same pages as the navigation: none that this person may not open.
            <div class="card quick-links" data-testid="quick-links">
                {move || {
                    Area::ALL.into_iter().flat_map(|a| pages.nav(a))
                        .filter(|(page, _)| page.path != crate::routes::HOME && profile.may(&page.access))
                        .map(|(page, nav)| view! {
                            <A href=crate::routes::href(page.path) attr:class="quick-link" attr:data-path=page.path>{move || nav.label.text(i18n.get())}</A>
                        }).collect_view()
                }}
            </div>
        </section>
    }
}
