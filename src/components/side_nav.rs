//! Left navigation grouped as the console: Home, Sales, Benefits, Delivery — the registry's
//! pages with a nav entry, without those the person may not open.

use crate::api::profile::use_profile;
use crate::i18n::use_i18n;
use crate::routes::page::{use_pages, Area};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SideNav() -> impl IntoView {
    let i18n = use_i18n();
    let pages = use_pages();
    // Until the profile is known, pages not everyone may open stay hidden, so they never flash
    // up for someone who may not open them.
    let profile = use_profile();
    view! {
        <nav class="side-nav" aria-label="Main">
            {Area::ALL
                .into_iter()
                .filter(|a| pages.nav(*a).next().is_some())
                .map(|area| view! {
                    <div class="nav-area">
                        <div class="nav-area-title">{move || area.label().text(i18n.get())}</div>
                        <ul>
                            {pages.nav(area).map(|(page, nav)| view! {
                                <li style:display=move || if page.access.is_everyone() || profile.may(&page.access) { "" } else { "none" }>
                                    <A href=crate::routes::href(page.path) attr:data-testid=nav.test_id exact=pages.exact(page.path)>
                                        {move || nav.label.text(i18n.get())}
                                    </A>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
                .collect_view()}
        </nav>
    }
}
