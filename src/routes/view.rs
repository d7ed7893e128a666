//! A registry page as a route view: its access rule is applied here, before the page is built,
//! so a page the person may not open is never rendered (and never calls the API) — they see a
//! clear "not available" state instead. A lazy page's module is fetched meanwhile (the profile
//! may still be loading on a deep link), so allowing the page costs no extra round trip.

use super::page::{Page, PageView};
use crate::api::profile::use_profile;
use crate::components::partner_gate::NotAvailable;
use leptos::prelude::*;
use leptos_router::ChooseView;

#[derive(Clone, Copy)]
pub struct RouteView(pub &'static Page);

impl ChooseView for RouteView {
    async fn choose(self) -> AnyView {
        let page = self.0;
        let allowed = if page.access.is_everyone() {
            true
        } else {
            let profile = use_profile().loaded();
            let (profile, ()) = futures::join!(profile, self.preload());
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
        if let PageView::Lazy { preload, .. } = self.0.view {
            preload().await;
        }
    }
}
