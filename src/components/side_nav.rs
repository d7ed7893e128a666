//! Left navigation grouped as the console: Home, Sales, Benefits, Delivery — the registry's
//! pages with a nav entry, without those the person may not open.

use crate::api::profile::use_profile;
use crate::i18n::{use_i18n, Msg};
use crate::routes::page::{use_pages, Area, Page};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Whether the navigation is open on a narrow window (≤ 1100 px, where it is a drawer the top
/// bar's menu button opens); wide windows always show it and ignore this.
#[derive(Clone, Copy)]
pub struct NavDrawer(pub RwSignal<bool>);

pub fn use_nav_drawer() -> Option<RwSignal<bool>> {
    use_context::<NavDrawer>().map(|d| d.0)
}

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
    let open = use_nav_drawer().unwrap_or_else(|| RwSignal::new(false));
    // Following a link closes the drawer (the page is what the person wanted to see).
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    let close = move || open.set(false);
    view! {
        <Show when=move || open.get()>
            <div class="nav-backdrop" data-testid="nav-backdrop" on:click=move |_| close()></div>
        </Show>
        <nav
            class="side-nav"
            class:open=move || open.get()
            id="side-nav"
            data-testid="side-nav"
            aria-label=move || Msg::NavMainLabel.text(i18n.get())
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    close();
                    focus_menu_button();
                }
            }
        >
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

fn focus_menu_button() {
    use wasm_bindgen::JsCast;
    if let Some(b) = document()
        .query_selector("[data-testid=nav-toggle]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = b.focus();
    }
}
