//! The browser's title, "<page name> · <product name>" in the person's language (客户订单 ·
//! 伙伴中心, Customer orders · Partner Center), following navigation and a language switch.
//! The page names come from the page registry (`Page::name`: the navigation label or
//! `.title(…)`); sign-in is the one page outside it.

use super::page::{use_pages, Page};
use crate::api::use_api;
use crate::i18n::{use_i18n, Locale, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The title for a page name (none: the product name alone).
pub fn title_text(name: Option<Msg>, l: Locale) -> String {
    let product = Msg::AppName.text(l);
    match name {
        Some(name) => format!("{} · {product}", name.text(l)),
        None => product.to_string(),
    }
}

/// Keeps `document.title` in step with the route and the language (inside the router).
#[component]
pub fn DocumentTitle() -> impl IntoView {
    let location = use_location();
    let pages = use_pages();
    let i18n = use_i18n();
    let dev_pages = use_api().config().dev_pages_enabled();
    Effect::new(move |_| {
        let path = super::app_path(&location.pathname.get());
        let name = if path == super::SIGN_IN {
            Some(Msg::SignIn)
        } else {
            // A development page that is switched off is Not Found (routes/view.rs).
            let open = |p: &&Page| !p.dev || dev_pages;
            pages.at(&path).filter(open).or_else(|| pages.not_found()).and_then(Page::name)
        };
        document().set_title(&title_text(name, i18n.get()));
    });
}
