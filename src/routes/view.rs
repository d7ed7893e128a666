//! A registry page as a route view: its access rule is applied here, before the page is built,
//! so a page the person may not open is never rendered (and never calls the API) — they see a
//! clear "not available" state instead.
//!
//! The router first preloads a route, then chooses its view. Preloading fetches a lazy page's
//! module and, at the same time, sends the page's first read if the registry names one
//! (api/early.rs) — for a page with an access rule only if the known profile allows it — so the
//! page's data and code arrive together instead of one after the other.

use super::page::{use_pages, Page, PageView};
use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::partner_gate::NotAvailable;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::ChooseView;

#[derive(Clone, Copy)]
pub struct RouteView(pub &'static Page);

impl RouteView {
    async fn module(&self) {
        if let PageView::Lazy { preload, .. } = self.0.view {
            preload().await;
        }
    }
}

impl ChooseView for RouteView {
    async fn choose(self) -> AnyView {
        let page = self.0;
        if page.dev && !use_api().config().dev_pages_enabled() {
            return match use_pages().not_found().map(|p| p.view) {
                Some(PageView::Eager(view)) => view(),
                _ => ().into_any(),
            };
        }
        let allowed = if page.access.is_everyone() {
            true
        } else {
            let profile = use_profile().loaded();
            let (profile, ()) = futures::join!(profile, self.module());
            match profile {
                Some(p) => page.access.allows(&p),
                None => return ().into_any(),
            }
        };
        if !allowed {
            let denied = page.access.denied;
            return view! { <NotAvailable denied /> }.into_any();
        }
        match page.view {
            PageView::Eager(view) => view(),
            PageView::Lazy { choose, .. } => choose().await,
        }
    }

    async fn preload(&self) {
        let page = self.0;
        if page.dev && !use_api().config().dev_pages_enabled() {
            return;
        }
        let Some(first) = page.first_request else {
            return self.module().await;
        };
        // Read now: the hooks need the route's owner, and the query is the new page's already.
        let (api, query) = (use_api(), use_query_map().get_untracked());
        // A page with an access rule starts early only when the profile is known already: on
        // a fresh load the router preloads before it renders the frame that loads the profile,
        // so waiting for it here would never end.
        let allowed = page.access.is_everyone() || use_profile().with(|p| page.access.allows(p)) == Some(true);
        if allowed {
            first(api, &query);
        }
        self.module().await;
    }
}
