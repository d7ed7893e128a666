//! Home: who is signed in and the way to the pages they can use.

use crate::api::use_auth;
use crate::i18n::{code_label, tr, use_i18n, CodeKind, Msg};
use crate::routes::AREAS;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Overview() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let facts = move || {
        auth.profile.with(|p| {
            p.as_ref().map(|p| {
                let l = i18n.get();
                (
                    p.display_name.clone(),
                    p.partner_name.clone(),
                    code_label(CodeKind::PartnerType, &p.partner_type, l),
                    code_label(CodeKind::Role, &p.role, l),
                )
            })
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
            // The same pages as the navigation: none that this partner type cannot use.
            <div class="card quick-links" data-testid="quick-links">
                {move || {
                    let ptype = auth.profile.with(|p| p.as_ref().map(|p| p.partner_type.clone()).unwrap_or_default());
                    AREAS.iter().flat_map(|a| a.items.iter())
                        .filter(|i| i.path != "/" && !crate::routes::hidden_for(i.path, &ptype))
                        .map(|i| view! {
                            <A href=crate::routes::href(i.path) attr:class="quick-link" attr:data-path=i.path>{move || i.label.text(i18n.get())}</A>
                        }).collect_view()
                }}
            </div>
        </section>
    }
}
