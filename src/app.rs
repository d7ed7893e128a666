//! The root: runtime configuration, contexts (language, session, API client) and routes.

use crate::api::{Api, Auth};
use crate::components::shell::Shell;
use crate::config::RuntimeConfig;
use crate::embed::{Embed, EmbedBridge};
use crate::i18n::I18n;
use crate::pages::{home::overview::Overview, lazy, not_found::NotFound, sign_in::SignIn};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy};

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

/// Whether a navigation is still being resolved (a lazy page's code is being fetched).
#[derive(Clone, Copy)]
pub struct RouteLoading(pub RwSignal<bool>);

#[component]
fn Root(config: RuntimeConfig) -> impl IntoView {
    let embed = Embed::init(&config);
    let i18n = I18n::init(config.default_locale.as_deref());
    let auth = Auth::init();
    provide_context(embed);
    provide_context(i18n);
    provide_context(auth);
    provide_context(Api::new(config, auth, i18n.locale));
    // True while the router resolves a navigation, e.g. fetches a lazy page's code (shell.rs).
    let routing = RouteLoading(RwSignal::new(false));
    provide_context(routing);

    view! {
        <Router base=crate::routes::router_base() set_is_routing=routing.0.write_only()>
            <EmbedBridge />
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/signin") view=SignIn />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=Overview />
                    <Route path=path!("sales/customers") view={Lazy::<lazy::Customers>::new()} />
                    <Route path=path!("sales/customers/:id") view={Lazy::<lazy::CustomerDetail>::new()} />
                    <Route path=path!("sales/orders") view={Lazy::<lazy::Orders>::new()} />
                    <Route path=path!("sales/orders/pay-per-use") view={Lazy::<lazy::PayPerUse>::new()} />
                    <Route path=path!("sales/orders/:id") view={Lazy::<lazy::OrderDetail>::new()} />
                    <Route path=path!("sales/whitelist") view={Lazy::<lazy::Whitelist>::new()} />
                    <Route path=path!("sales/whitelist/import") view={Lazy::<lazy::WhitelistImport>::new()} />
                    <Route path=path!("sales/vouchers/issue") view={Lazy::<lazy::IssueVouchers>::new()} />
                    <Route path=path!("sales/vouchers") view={Lazy::<lazy::Vouchers>::new()} />
                    <Route path=path!("sales/quotas") view={Lazy::<lazy::Quotas>::new()} />
                    <Route path=path!("sales/quotas/records") view={Lazy::<lazy::QuotaRecords>::new()} />
                    <Route path=path!("dev/table") view={Lazy::<lazy::TableDemo>::new()} />
                    <Route path=path!("*any") view=NotFound />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
