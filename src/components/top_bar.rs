//! Top bar: product name, language switch, who is signed in (person, partner, role) and
//! when the session ends.

use crate::api::profile::use_profile;
use crate::api::use_auth;
use crate::i18n::{code_label, tr, use_i18n, CodeKind, Locale, Msg};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn TopBar() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let switch = move |_| {
        let next = if i18n.get() == Locale::ZhCn { Locale::En } else { Locale::ZhCn };
        i18n.set(next);
    };
    let sign_out = move |_| {
        auth.sign_out();
        navigate("/signin", Default::default());
    };
    let profile = use_profile();
    let person = move || {
        profile.with(|p| {
            let l = i18n.get();
            (
                p.display_name.clone(),
                p.partner_name.clone(),
                format!(
                    "{} · {}",
                    code_label(CodeKind::PartnerType, &p.partner_type, l),
                    code_label(CodeKind::Role, &p.role, l)
                ),
            )
        })
    };
    let drawer = super::side_nav::use_nav_drawer();
    let menu = move || {
        drawer.map(|open| {
            view! {
                <button
                    type="button"
                    class="icon-button nav-toggle"
                    data-testid="nav-toggle"
                    aria-controls="side-nav"
                    aria-expanded=move || open.get().to_string()
                    aria-label=move || if open.get() { Msg::NavCloseMenu } else { Msg::NavOpenMenu }.text(i18n.get())
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <span class="nav-toggle-bars" aria-hidden="true"></span>
                </button>
            }
        })
    };
    let ends = move || auth.session.with(|s| s.as_ref().map(|s| crate::format::date_time(&s.expires_at)));

    view! {
        <header class="top-bar">
            <div class="top-bar-left">
                {menu}
                <A href=crate::routes::href("/") attr:class="brand">{tr(Msg::AppName)}</A>
            </div>
            <div class="top-bar-right">
                <button
                    class="link-button"
                    data-testid="switch-language"
                    aria-label=move || Msg::SwitchLanguageLabel.text(i18n.get())
                    on:click=switch
                >
                    {tr(Msg::SwitchLanguage)}
                </button>
                {move || person().map(|(name, partner, role)| view! {
                    <div class="who" data-testid="who">
                        <span class="who-name">{name}</span>
                        <span class="who-partner">{partner}</span>
                        <span class="who-role" data-testid="who-role">{role}</span>
                    </div>
                })}
                <div class="session-end" data-testid="session-end">
                    <span class="muted">{tr(Msg::SessionEnds)}</span>" "{ends}
                </div>
                <button class="link-button" data-testid="sign-out" on:click=sign_out>{tr(Msg::SignOut)}</button>
            </div>
        </header>
    }
}
