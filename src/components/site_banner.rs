//! X4: the site notice shown when the account belongs to the other site, with
//! "Don't show again" remembered in this browser.

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::i18n::{tr, use_i18n, Msg};
use leptos::prelude::*;

const DISMISSED_KEY: &str = "pc.banner.other-site.dismissed";

#[component]
pub fn SiteBanner() -> impl IntoView {
    let profile = use_profile();
    let api = use_api();
    let site = api.config().site.clone();
    let i18n = use_i18n();
    let link = move || api.config().intl_site_url(i18n.get());
    let dismissed = RwSignal::new(crate::storage::local_get(DISMISSED_KEY).as_deref() == Some("1"));
    let visible = move || !dismissed.get() && profile.with(|p| p.site != site).unwrap_or(false);
    let dismiss = move |_| {
        crate::storage::local_set(DISMISSED_KEY, "1");
        dismissed.set(true);
    };
    view! {
        <Show when=visible>
            <div class="site-banner" role="status" data-testid="site-banner">
                <span>
                    {tr(Msg::BannerIntlSite)}" "
                    <a href=link target="_blank" rel="noopener noreferrer" data-testid="site-banner-link">
                        {tr(Msg::BannerGoToIntlSite)}
                    </a>
                </span>
                <button class="link-button" data-testid="site-banner-dismiss" on:click=dismiss>
                    {tr(Msg::BannerDontShowAgain)}
                </button>
            </div>
        </Show>
    }
}
