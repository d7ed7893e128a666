//! The root: runtime configuration, contexts (language, session, API client, page registry)
//! and the routes: sign-in, then the signed-in frame with one route per registry page.

use crate::api::{Api, Auth};
use crate::components::shell::{RouteLoading, Shell};
use crate::config::RuntimeConfig;
use crate::embed::{Embed, EmbedBridge};
use crate::i18n::I18n;
use crate::pages::{not_found::NotFound, registry::PAGES, sign_in::SignIn};
use crate::routes::{page::Pages, route_path::RoutePath, title::DocumentTitle, view::RouteView};
use leptos::prelude::*;
use leptos::tachys::prelude::IntoMaybeErased;
use leptos::tachys::view::iterators::StaticVec;
use leptos_router::components::{RouteChildren, Router, Routes, RoutesProps};
use leptos_router::{path, MatchNestedRoutes, NestedRoute};

#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(RuntimeConfig::load);
    move || match config.get() {
        None => view! { <div class="boot" aria-busy="true"></div> }.into_any(),
        Some(Ok(cfg)) => view! { <Root config=cfg /> }.into_any(),
        Some(Err(e)) => view! {
            <div class="boot boot-error" role="alert">
                <h1>"Partner Center · 伙伴中心"</h1>
                <p>"无法读取运行配置 / Cannot read the runtime configuration (config.json)."</p>
                <pre>{e}</pre>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn Root(config: RuntimeConfig) -> impl IntoView {
    let embed = Embed::init(&config);
    let i18n = I18n::init(config.default_locale.as_deref());
    let auth = Auth::init();
    provide_context(embed);
    provide_context(i18n);
    provide_context(auth);
    provide_context(Api::new(config, auth, i18n.locale));
    // X2: the customer token of acting for a customer, in memory only (api/acting.rs).
    crate::api::acting::provide_acting();
    // True while the router resolves a navigation, e.g. fetches a lazy page's code (shell.rs).
    let routing = RouteLoading(RwSignal::new(false));
    provide_context(routing);
    // The shell's navigation reads the registry from here (a component imports no page).
    provide_context(Pages(PAGES));

    // Built in Rust rather than with `<Route>` elements: the frame's routes come from the registry.
    let routes = (
        NestedRoute::new(path!("/signin"), SignIn).into_maybe_erased(),
        NestedRoute::new(path!(""), Shell).child(registry_routes()).into_maybe_erased(),
    );
    view! {
        <Router base=crate::routes::router_base() set_is_routing=routing.0.write_only()>
            <EmbedBridge />
            <DocumentTitle />
            {Routes(
                RoutesProps::builder()
                    .fallback(|| view! { <NotFound /> })
                    .children(RouteChildren::to_children(move || routes))
                    .build(),
            )}
        </Router>
    }
}

/// One route per registry page, in its order (src/pages/registry.rs).
fn registry_routes() -> impl MatchNestedRoutes + Clone + Send + 'static {
    let routes: Vec<_> = PAGES
        .iter()
        .map(|page| NestedRoute::new(RoutePath(page.route()), RouteView(page)).into_maybe_erased())
        .collect();
    StaticVec::from(routes)
}
