//! The signed-in frame: top bar, notices, navigation and the page. Signed-out visitors are
//! sent to sign-in with the page they wanted kept in `next`.

use super::acting_bar::ActingBar;
use super::modal_keys::ModalKeys;
use super::version_notice::VersionNotice;
use super::{
    error_notice::ErrorNotice, reauth_dialog::ReauthDialog, session_warning::SessionWarning, side_nav::SideNav,
    site_banner::SiteBanner, top_bar::TopBar,
};
use crate::api::profile::use_profile;
use crate::api::{use_api, use_auth};
use crate::embed::use_embed;
use crate::i18n::{tr, Msg};
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use partner_api::endpoints::ProfileRequest;

#[component]
pub fn Shell() -> impl IntoView {
    let auth = use_auth();
    let api = use_api();
    let location = use_location();
    let navigate = use_navigate();

    // Embedded, the portal signs the person in (embed.rs); standalone, go to sign-in and
    // remember where the person was going.
    let embedded = use_embed().active;
    Effect::new(move |_| {
        if !embedded && auth.session.with(|s| s.is_none()) {
            // The router's `search` comes without its leading '?'.
            let search = location.search.get_untracked();
            let path = crate::routes::app_path(&location.pathname.get_untracked());
            let here = if search.is_empty() { path } else { format!("{path}?{search}") };
            let next = js_sys::encode_uri_component(&here);
            navigate(&format!("/signin?next={next}"), NavigateOptions { replace: true, ..Default::default() });
        }
    });

    // The profile (partner, role, team) is loaded once per signed-in person: a renewed token
    // (re-sign-in) must not reload it, or the page under the dialog would be rebuilt.
    let identity = Memo::new(move |_| auth.session.with(|s| s.as_ref().map(|s| (s.account.clone(), s.user.clone()))));
    let profile = LocalResource::new(move || {
        let signed_in = identity.get();
        async move {
            match signed_in {
                Some(_) => api.call(&ProfileRequest).await.map(Some),
                None => Ok(None),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(p)) = profile.get() {
            auth.profile.set(p);
        }
    });
    let me = use_profile();
    let known = Memo::new(move |_| me.known());

    provide_context(super::side_nav::NavDrawer(RwSignal::new(false)));
    let waiting = move || {
        embedded.then(|| view! { <div class="embed-waiting" data-testid="embed-waiting" aria-busy="true">{tr(Msg::EmbedWaiting)}</div> })
    };
    view! {
        <ModalKeys />
        <Show when=move || auth.session.with(|s| s.is_some()) fallback=waiting>
            <div class="app" data-testid="app-shell">
                {(!embedded).then(|| view! {
                    <TopBar />
                    <SiteBanner />
                    <SessionWarning />
                })}
                <VersionNotice />
                <ActingBar />
                <RouteProgress />
                <div class="app-body">
                    {(!embedded).then(|| view! { <SideNav /> })}
                    <main class="content" id="main">
                        {move || match profile.get() {
                            Some(Err(e)) => view! {
                                <ErrorNotice error=e on_retry=Callback::new(move |_| profile.refetch()) />
                            }.into_any(),
                            // Pages read the profile (use_profile): shown once it is in place.
                            Some(Ok(_)) if known.get() => view! { <Outlet /> }.into_any(),
                            _ => view! { <div class="page-loading" aria-busy="true">{tr(Msg::Loading)}</div> }.into_any(),
                        }}
                    </main>
                </div>
                {(!embedded).then(|| view! { <ReauthDialog /> })}
            </div>
        </Show>
    }
}

/// Whether a navigation is still being resolved (a lazy page's code is being fetched); set by
/// the router (app.rs), shown by [`RouteProgress`].
#[derive(Clone, Copy)]
pub struct RouteLoading(pub RwSignal<bool>);

/// A thin bar at the top while a page's code is fetched, so a slow network shows progress
/// instead of a page that seems not to react.
#[component]
fn RouteProgress() -> impl IntoView {
    let routing = use_context::<RouteLoading>().map(|r| r.0);
    move || {
        routing.is_some_and(|r| r.get()).then(|| {
            view! { <div class="route-progress" role="progressbar" aria-label=tr(Msg::Loading) data-testid="route-progress"></div> }
        })
    }
}
