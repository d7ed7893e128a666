//! Left navigation grouped as the console: Home, Sales, Benefits, Delivery — the registry's
//! pages with a nav entry, without those the person may not open.

use crate::api::profile::use_profile;
use crate::i18n::{use_i18n, Msg};
use crate::routes::page::{use_pages, Area, Page};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SideNav() -> impl IntoView {
    let i18n = use_i18n();
    let pages = use_pages();
    // Until the profile is known, pages not everyone may open stay hidden, so they never flash
    // up for someone who may not open them.
    let profile = use_profile();
    // Pages the person may not open are left out (not hidden with CSS), and so is an area
    // none of whose pages they may open.
    let may_open = move |page: &'static Page| page.access.is_everyone() || profile.may(&page.access);
    view! {
        <nav class="side-nav" aria-label=move || Msg::NavMainLabel.text(i18n.get())>
            {Area::ALL
                .into_iter()
                .filter(|a| pages.nav(*a).next().is_some())
                .map(|area| view! {
                    <Show when=move || pages.nav(area).any(|(page, _)| may_open(page))>
                        <div class="nav-area">
                            <div class="nav-area-title">{move || area.label().text(i18n.get())}</div>
                            <ul>
                                {pages.nav(area).map(|(page, nav)| view! {
                                    <Show when=move || may_open(page)>
                                        <li>
                                            <A href=crate::routes::href(page.path) attr:data-testid=nav.test_id exact=pages.exact(page.path)>
                                                {move || nav.label.text(i18n.get())}
                                            </A>
                                        </li>
                                    </Show>
                                }).collect_view()}
                            </ul>
                        </div>
                    </Show>
                })
                .collect_view()}
        </nav>
    }
}
