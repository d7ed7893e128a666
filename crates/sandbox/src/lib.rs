//! The partner API sandbox: a real HTTP server that emulates the partner API contract
//! (PARTNER_API.md §1–2, the orders of §8 plus our own profile and opportunity contracts) over seeded,
//! deterministic data, with role visibility, token expiry, CORS and fault injection.

pub mod accounts;
pub mod accounts_api;
pub mod accounts_records;
pub mod accounts_seed;
pub mod acting;
pub mod association;
pub mod association_book;
pub mod association_seed;
pub mod auth;
pub mod body;
pub mod cors;
pub mod counter;
pub mod coupons;
pub mod customers;
pub mod errors;
pub mod faults;
pub mod front;
pub mod incentives;
pub mod invoices;
pub mod keep_alive;
pub mod koogallery;
pub mod koogallery_seed;
pub mod mount;
pub mod opportunities;
pub mod orders;
pub mod payment;
pub mod prng;
pub mod profile;
pub mod programmes;
pub mod programmes_seed;
pub mod projects;
pub mod projects_seed;
pub mod query;
pub mod quotas;
pub mod request_id;
pub mod reseller_exit;
pub mod resellers;
pub mod seed;
pub mod seed_coupons;
pub mod seed_orders;
pub mod server_date;
pub mod static_app;
pub mod store;
pub mod visibility;
pub mod vouchers;
pub mod whitelist;

pub use store::AppState;

use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::Router;
use mount::MountEndpoint;
use partner_api::auth::TOKEN_PATH;
use std::future::IntoFuture;
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// Command-line settings (see `sandbox --help`).
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub host: String,
    /// 0 picks a free port.
    pub port: u16,
    pub customers: usize,
    pub seed: u64,
    pub token_ttl_secs: i64,
    pub allow_origins: Vec<String>,
    /// Serve the built app from here, on `app_port`.
    pub app_dir: Option<PathBuf>,
    pub app_port: u16,
    /// The sub-path the app is served under ("/" or e.g. "/partner-center/").
    pub app_base: String,
    /// Origins allowed to frame the app (CSP `frame-ancestors`); none by default.
    pub frame_ancestors: Vec<String>,
    /// Keys set in the served config.json (e.g. a short `request_timeout_ms` for tests).
    pub app_config: Vec<(String, serde_json::Value)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 8081,
            customers: 3000,
            seed: 42,
            token_ttl_secs: 86_400,
            allow_origins: Vec::new(),
            app_dir: None,
            app_port: 8080,
            app_base: "/".into(),
            frame_ancestors: Vec::new(),
            app_config: Vec::new(),
        }
    }
}

/// The API router over a state.
pub fn app(state: AppState) -> Router {
    use partner_api::customers::ListSubCustomersRequest;
    use partner_api::endpoints::ProfileRequest;
    use partner_api::opportunities::{CustomerOpportunitiesRequest, OpportunityQuery};
    use partner_api::orders::{
        ListCustomerOrdersRequest, QueryCustomerOnDemandResourcesReq, QueryResourcesReq,
        ShowCustomerOrderDetailsRequest,
    };
    let bss = Router::new()
        .endpoint::<ProfileRequest, _, _>(profile::get)
        .endpoint::<ListSubCustomersRequest, _, _>(customers::query)
        .endpoint::<OpportunityQuery, _, _>(opportunities::query)
        .endpoint::<CustomerOpportunitiesRequest, _, _>(opportunities::detail)
        .merge(voucher_routes())
        .merge(account_routes())
        .merge(association_routes())
        .merge(incentives::routes())
        .merge(programme_routes())
        .merge(project_routes())
        .merge(koogallery_routes())
        .endpoint::<ListCustomerOrdersRequest, _, _>(orders::list)
        .endpoint::<ShowCustomerOrderDetailsRequest, _, _>(orders::detail)
        .endpoint::<QueryResourcesReq, _, _>(orders::resources)
        .endpoint::<QueryCustomerOnDemandResourcesReq, _, _>(orders::on_demand)
        .route_layer(from_fn_with_state(state.clone(), auth::require_token));
    let for_customer = customer_routes().route_layer(from_fn_with_state(state.clone(), auth::require_customer_token));
    let control = Router::new()
        .route("/__sandbox/faults", get(faults::get_faults).post(faults::set_faults).delete(faults::clear_faults))
        .route("/__sandbox/token-ttl", post(faults::set_token_ttl))
        .route("/__sandbox/expire-tokens", post(faults::expire_tokens))
        .route("/__sandbox/health", get(faults::health))
        .route("/__sandbox/requests", get(counter::get).delete(counter::reset))
        .route("/__sandbox/voucher-clock", get(vouchers::get_clock).post(vouchers::advance_clock))
        .route("/__sandbox/exiting-resellers", get(reseller_exit::get).post(reseller_exit::set))
        .route("/__sandbox/association-cases", get(association::cases))
        .route("/__sandbox/association-events/answer", post(association::answer))
        .route("/__sandbox/programme-review", post(programmes::review_move))
        .route("/__sandbox/project-review", post(projects::review_move))
        .route("/__sandbox/act-for", post(acting::set))
        .route(front::REFUSED_PATH, get(front::refused));
    Router::new()
        .route(TOKEN_PATH, post(auth::sign_in))
        .merge(bss)
        .merge(for_customer)
        .merge(control)
        .fallback(errors::no_such_api)
        .method_not_allowed_fallback(errors::no_such_api)
        // Outermost last: request id on everything, every error in the error shape, then
        // `Connection: close` after an unread body, the request counter (preflights too), the
        // business clock as `Date`, CORS, faults; one body limit for every extractor.
        .layer(DefaultBodyLimit::max(body::MAX_BODY_BYTES))
        .layer(from_fn_with_state(state.clone(), faults::layer))
        .layer(from_fn_with_state(state.clone(), cors::layer))
        .layer(from_fn_with_state(state.clone(), server_date::layer))
        .layer(from_fn_with_state(state.clone(), counter::layer))
        .layer(from_fn(keep_alive::layer))
        .layer(from_fn(errors::shape_layer))
        .layer(from_fn(request_id::layer))
        .with_state(state)
}

/// R2 partner balances and A1–A5 customer funds (S11).
fn account_routes() -> Router<AppState> {
    use partner_api::accounts::adjust::{ReclaimToPartnerAccountRequest, UpdateCustomerAccountAmountRequest};
    use partner_api::accounts::balances::{ListCustomersBalancesDetailRequest, ListPartnerBalancesRequest};
    use partner_api::accounts::records::{ListPartnerAccountChangeRecordsRequest, ListPartnerAdjustRecordsRequest};
    Router::new()
        .endpoint::<ListPartnerBalancesRequest, _, _>(accounts_api::balances)
        .endpoint::<UpdateCustomerAccountAmountRequest, _, _>(accounts_api::adjust)
        .endpoint::<ReclaimToPartnerAccountRequest, _, _>(accounts_api::reclaim)
        .endpoint::<ListCustomersBalancesDetailRequest, _, _>(accounts_api::customer_balances)
        .endpoint::<ListPartnerAdjustRecordsRequest, _, _>(accounts_records::adjust_records)
        .endpoint::<ListPartnerAccountChangeRecordsRequest, _, _>(accounts_records::change_records)
}

/// S12 KooGallery price adjustment (docs/contracts/koogallery.md).
fn koogallery_routes() -> Router<AppState> {
    use partner_api::koogallery::{
        AdjustPriceRequest, ListMarketplaceOrdersRequest, ListPriceAdjustRecordsRequest, SelectionRequest,
    };
    Router::new()
        .endpoint::<SelectionRequest, _, _>(koogallery::selection)
        .endpoint::<ListMarketplaceOrdersRequest, _, _>(koogallery::orders)
        .endpoint::<AdjustPriceRequest, _, _>(koogallery::adjust)
        .endpoint::<ListPriceAdjustRecordsRequest, _, _>(koogallery::records)
}

/// O5–O7: the calls a partner makes with a customer's token (acting.rs, payment.rs).
fn customer_routes() -> Router<AppState> {
    use partner_api::payment::{ListOrderCouponsRequest, ListOrderDiscountsRequest, PayOrdersRequest};
    Router::new()
        .endpoint::<ListOrderCouponsRequest, _, _>(payment::order_coupons)
        .endpoint::<ListOrderDiscountsRequest, _, _>(payment::order_discounts)
        .endpoint::<PayOrdersRequest, _, _>(payment::pay)
}

/// S13 association events (docs/contracts/association-events.md).
fn association_routes() -> Router<AppState> {
    use partner_api::association::{ConstraintsRequest, CreateEventRequest, EventActionRequest, EventQuery};
    Router::new()
        .endpoint::<EventQuery, _, _>(association::query)
        .endpoint::<CreateEventRequest, _, _>(association::create)
        .endpoint::<EventActionRequest, _, _>(association::act)
        .endpoint::<ConstraintsRequest, _, _>(association::constraints)
}

/// R1, V1–V6, Q1–Q4 and the whitelist (docs/contracts/whitelist.md).
fn voucher_routes() -> Router<AppState> {
    use partner_api::coupons::*;
    use partner_api::quotas::*;
    use partner_api::resellers::ListIndirectPartnersRequest;
    use partner_api::whitelist::{EntriesQuery, OpenUploadRequest, UploadRequest, VersionsQuery};
    use partner_api::whitelist_calls::*;
    use partner_api::whitelist_resolve::ResolveRequest;
    Router::new()
        .endpoint::<ListIndirectPartnersRequest, _, _>(resellers::query)
        .endpoint::<ListQuotaCouponsRequest, _, _>(coupons::list_quotas)
        .endpoint::<CreatePartnerCouponsRequest, _, _>(coupons::issue)
        .endpoint::<ListIssuedPartnerCouponsRequest, _, _>(coupons::list_issued)
        .endpoint::<ReclaimPartnerCouponsRequest, _, _>(coupons::reclaim)
        .endpoint::<ListPartnerCouponsRecordRequest, _, _>(coupons::records)
        .endpoint::<ListSubCustomerCouponsRequest, _, _>(coupons::sub_customer_coupons)
        .endpoint::<UpdateCouponQuotasRequest, _, _>(quotas::issue)
        .endpoint::<ReclaimCouponQuotasRequest, _, _>(quotas::reclaim)
        .endpoint::<ListIssuedCouponQuotasRequest, _, _>(quotas::issued)
        .endpoint::<ListCouponQuotasRecordsRequest, _, _>(quotas::records)
        .endpoint::<VersionsQuery, _, _>(whitelist::versions)
        .endpoint::<EntriesQuery, _, _>(whitelist::entries)
        .endpoint::<ResolveRequest, _, _>(whitelist::resolve)
        .endpoint::<UploadRequest, _, _>(whitelist::upload)
        .endpoint::<OpenUploadRequest, _, _>(whitelist::open_chunked)
        .endpoint::<SendChunk, _, _>(whitelist::chunk)
        .endpoint::<FinishUpload, _, _>(whitelist::finish)
        .endpoint::<CancelUpload, _, _>(whitelist::cancel)
        .endpoint::<UploadChanges, _, _>(whitelist::changes)
        .endpoint::<UploadErrors, _, _>(whitelist::errors)
        .endpoint::<CommitUpload, _, _>(whitelist::commit)
        .endpoint::<Rollback, _, _>(whitelist::rollback)
}

/// B1/B2 programmes and B5 invoices (docs/contracts/programmes.md, invoices.md).
fn programme_routes() -> Router<AppState> {
    use partner_api::endpoints::ProgrammesRequest;
    use partner_api::invoices::{ListInvoicesRequest, ShowInvoiceRequest, SignInvoiceRequest};
    use partner_api::programmes::capability::{ListCapabilityApplicationsRequest, ListCapabilityBenefitsRequest};
    use partner_api::programmes::form::SubmitCapabilityApplication;
    use partner_api::programmes::ListFhApplicationsRequest;
    Router::new()
        .endpoint::<ProgrammesRequest, _, _>(programmes::get)
        .endpoint::<ListFhApplicationsRequest, _, _>(programmes::fh_applications)
        .endpoint::<ListCapabilityBenefitsRequest, _, _>(programmes::capability_benefits)
        .endpoint::<ListCapabilityApplicationsRequest, _, _>(programmes::capability_applications)
        .endpoint::<SubmitCapabilityApplication, _, _>(programmes::submit_capability_application)
        .endpoint::<ListInvoicesRequest, _, _>(invoices::list)
        .endpoint::<ShowInvoiceRequest, _, _>(invoices::detail)
        .endpoint::<SignInvoiceRequest, _, _>(invoices::sign_for)
}

/// D1 delivery projects (docs/contracts/projects.md).
fn project_routes() -> Router<AppState> {
    use partner_api::projects::attachments::{OpenAttachmentRequest, SendAttachmentChunk};
    use partner_api::projects::{ListProjectsRequest, SubmitAcceptanceRequest};
    Router::new()
        .endpoint::<ListProjectsRequest, _, _>(projects::list)
        .endpoint::<OpenAttachmentRequest, _, _>(projects::open_attachment)
        .endpoint::<SendAttachmentChunk, _, _>(projects::chunk)
        .endpoint::<SubmitAcceptanceRequest, _, _>(projects::submit)
}

/// A started sandbox.
pub struct Running {
    pub api_url: String,
    pub api_addr: SocketAddr,
    /// With a trailing slash, as a browser opens it.
    pub app_url: Option<String>,
    pub app_addr: Option<SocketAddr>,
    pub state: AppState,
    tasks: Vec<JoinHandle<io::Result<()>>>,
}

impl Running {
    /// Stops serving (used by tests; the binary just exits).
    pub fn stop(&self) {
        self.tasks.iter().for_each(JoinHandle::abort);
    }

    /// Waits until a server task ends (normally never).
    pub async fn wait(self) -> io::Result<()> {
        for t in self.tasks {
            t.await.map_err(io::Error::other)??;
        }
        Ok(())
    }
}

/// The host to put in URLs: a wildcard bind address is reached through loopback.
fn url_host(host: &str) -> String {
    match host.parse::<IpAddr>() {
        Ok(ip) if ip.is_unspecified() => "127.0.0.1".into(),
        Ok(IpAddr::V6(ip)) => format!("[{ip}]"),
        _ => host.into(),
    }
}

/// Seeds the data, binds the ports and starts serving. The data is ready before the ports
/// are announced, so the first request after the URL line never waits for seeding.
pub async fn start(config: Config) -> io::Result<Running> {
    let (n, seed) = (config.customers, config.seed);
    let data = tokio::task::spawn_blocking(move || seed::generate(n, seed)).await.map_err(io::Error::other)?;
    let api_listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
    let api_addr = api_listener.local_addr()?;
    let host = url_host(&config.host);
    let api_url = format!("http://{host}:{}", api_addr.port());

    let mut origins = config.allow_origins.clone();
    let mut app_listener = None;
    if config.app_dir.is_some() {
        let l = TcpListener::bind((config.host.as_str(), config.app_port)).await?;
        let port = l.local_addr()?.port();
        for o in
            [format!("http://127.0.0.1:{port}"), format!("http://localhost:{port}"), format!("http://{host}:{port}")]
        {
            if !origins.contains(&o) {
                origins.push(o);
            }
        }
        app_listener = Some(l);
    }

    let state = AppState::new(data, seed, config.token_ttl_secs, origins);
    let mut tasks =
        vec![tokio::spawn(axum::serve(front::GuardedListener(api_listener), app(state.clone())).into_future())];
    let (mut app_url, mut app_addr) = (None, None);
    if let (Some(l), Some(dir)) = (app_listener, config.app_dir) {
        let addr = l.local_addr()?;
        app_url = Some(format!("http://{host}:{}{}", addr.port(), config.app_base));
        app_addr = Some(addr);
        let site = static_app::Site {
            dir,
            api_url: api_url.clone(),
            base: config.app_base.clone(),
            frame_ancestors: config.frame_ancestors.clone(),
            overrides: config.app_config.clone(),
        };
        tasks.push(tokio::spawn(axum::serve(l, static_app::router(site)).into_future()));
    }
    Ok(Running { api_url, api_addr, app_url, app_addr, state, tasks })
}

/// Starts the sandbox, prints the URL lines test harnesses parse, and serves until Ctrl-C
/// or SIGTERM.
pub async fn serve(config: Config) -> io::Result<()> {
    let (customers, seed) = (config.customers, config.seed);
    let running = start(config).await?;
    {
        let mut out = io::stdout().lock();
        writeln!(out, "SANDBOX_API_URL={}", running.api_url)?;
        if let Some(url) = &running.app_url {
            writeln!(out, "SANDBOX_APP_URL={url}")?;
        }
        writeln!(out, "Sandbox partner API on {} ({customers} customers, seed {seed})", running.api_url)?;
        if let Some(url) = &running.app_url {
            writeln!(out, "Partner Center app on {url}")?;
        }
        out.flush()?;
    }
    tokio::select! {
        r = running.wait() => r,
        _ = shutdown_signal() => Ok(()),
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {},
                    _ = term.recv() => {},
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
