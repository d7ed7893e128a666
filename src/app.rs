//! The root: runtime configuration, contexts (language, session, API client) and routes.

use crate::api::{Api, Auth};
use crate::components::shell::Shell;
use crate::config::RuntimeConfig;
use crate::embed::{Embed, EmbedBridge};
use crate::i18n::I18n;
use crate::pages::{home::overview::Overview, not_found::NotFound, sales, sign_in::SignIn};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

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

    view! {
        <Router base=crate::routes::router_base()>
            <EmbedBridge />
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/signin") view=SignIn />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=Overview />
                    <Route path=path!("sales/customers") view=sales::customers::CustomersPage />
                    <Route path=path!("sales/customers/:id") view=sales::customer_detail::CustomerDetailPage />
                    <Route path=path!("sales/orders") view=sales::orders::OrdersPage />
                    <Route path=path!("sales/orders/pay-per-use") view=sales::pay_per_use::PayPerUsePage />
                    <Route path=path!("sales/orders/:id") view=sales::order_detail::OrderDetailPage />
                    <Route path=path!("sales/whitelist") view=sales::whitelist::WhitelistPage />
                    <Route path=path!("sales/whitelist/import") view=sales::whitelist_import::WhitelistImportPage />
                    <Route path=path!("sales/vouchers/issue") view=sales::vouchers_issue::IssueVouchersPage />
                    <Route path=path!("sales/vouchers") view=sales::vouchers::VouchersPage />
                    <Route path=path!("dev/table") view=crate::pages::dev::table_demo::TableDemoPage />
                    <Route path=path!("*any") view=NotFound />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
