//! The partner API sandbox: a real HTTP server that emulates the partner API contract
//! (PARTNER_API.md §1–2, the orders of §8 plus our own profile and opportunity contracts) over seeded,
//! deterministic data, with role visibility, token expiry, CORS and fault injection.

pub mod auth;
pub mod body;
pub mod cors;
pub mod counter;
pub mod coupons;
pub mod customers;
pub mod errors;
pub mod faults;
pub mod opportunities;
pub mod orders;
pub mod prng;
pub mod profile;
pub mod quotas;
pub mod request_id;
pub mod reseller_exit;
pub mod resellers;
pub mod seed;
pub mod seed_coupons;
pub mod seed_orders;
pub mod static_app;
pub mod store;
pub mod visibility;
pub mod vouchers;
pub mod whitelist;

pub use store::AppState;

use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::Router;
use partner_api::{auth::TOKEN_PATH, customers::LIST_PATH, opportunities::QUERY_PATH, profile::PROFILE_PATH};
use std::future::IntoFuture;
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub const DETAIL_ROUTE: &str = "/v2/partners/sub-customers/{customer_id}/opportunities";

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
    let bss = Router::new()
        .route(PROFILE_PATH, get(profile::get))
        .route(LIST_PATH, post(customers::query))
        .route(QUERY_PATH, post(opportunities::query))
        .route(DETAIL_ROUTE, get(opportunities::detail))
        .merge(voucher_routes())
        .route(partner_api::orders::LIST_PATH, get(orders::list))
        .route(orders::DETAIL_ROUTE, get(orders::detail))
        .route(partner_api::orders::RESOURCES_PATH, post(orders::resources))
        .route(partner_api::orders::ON_DEMAND_PATH, post(orders::on_demand))
        .route_layer(from_fn_with_state(state.clone(), auth::require_token));
    let control = Router::new()
        .route("/__sandbox/faults", get(faults::get_faults).post(faults::set_faults).delete(faults::clear_faults))
        .route("/__sandbox/token-ttl", post(faults::set_token_ttl))
        .route("/__sandbox/expire-tokens", post(faults::expire_tokens))
        .route("/__sandbox/health", get(faults::health))
        .route("/__sandbox/requests", get(counter::get).delete(counter::reset))
        .route("/__sandbox/voucher-clock", get(vouchers::get_clock).post(vouchers::advance_clock))
        .route("/__sandbox/exiting-resellers", get(reseller_exit::get).post(reseller_exit::set));
    Router::new()
        .route(TOKEN_PATH, post(auth::sign_in))
        .merge(bss)
        .merge(control)
        .fallback(errors::no_such_api)
        .method_not_allowed_fallback(errors::no_such_api)
        // Outermost last: request id on everything, then the request counter (preflights
        // too), then CORS, then faults.
        .layer(from_fn_with_state(state.clone(), faults::layer))
        .layer(from_fn_with_state(state.clone(), cors::layer))
        .layer(from_fn_with_state(state.clone(), counter::layer))
        .layer(from_fn(request_id::layer))
        .with_state(state)
}

/// R1, V1–V6, Q1–Q4 and the whitelist (docs/contracts/whitelist.md).
fn voucher_routes() -> Router<AppState> {
    use partner_api::{coupons as v, quotas as q, whitelist as w};
    Router::new()
        .route(partner_api::resellers::LIST_PATH, post(resellers::query))
        .route(v::QUOTAS_QUERY_PATH, post(coupons::list_quotas))
        .route(v::PARTNER_COUPONS_PATH, post(coupons::issue).get(coupons::list_issued))
        .route(v::RECLAIM_PATH, post(coupons::reclaim))
        .route(v::RECORDS_PATH, get(coupons::records))
        .route(v::SUB_CUSTOMER_COUPONS_PATH, get(coupons::sub_customer_coupons))
        .route(q::ISSUE_PATH, post(quotas::issue))
        .route(q::RECLAIM_PATH, post(quotas::reclaim))
        .route(q::ISSUED_PATH, get(quotas::issued))
        .route(q::RECORDS_PATH, get(quotas::records))
        .route(w::VERSIONS_PATH, get(whitelist::versions))
        .route(w::ENTRIES_PATH, get(whitelist::entries))
        .route(partner_api::whitelist_resolve::RESOLVE_PATH, post(whitelist::resolve))
        .route(w::UPLOADS_PATH, post(whitelist::upload))
        .route(w::CHUNKED_UPLOADS_PATH, post(whitelist::open_chunked))
        .route("/v2/partners/coupon-whitelist/uploads/{upload_id}/chunks", post(whitelist::chunk))
        .route("/v2/partners/coupon-whitelist/uploads/{upload_id}/finish", post(whitelist::finish))
        .route("/v2/partners/coupon-whitelist/uploads/{upload_id}/cancel", post(whitelist::cancel))
        .route("/v2/partners/coupon-whitelist/uploads/{upload_id}/changes", get(whitelist::changes))
        .route("/v2/partners/coupon-whitelist/uploads/{upload_id}/errors", get(whitelist::errors))
        .route("/v2/partners/coupon-whitelist/uploads/{upload_id}/commit", post(whitelist::commit))
        .route("/v2/partners/coupon-whitelist/versions/{version_no}/rollback", post(whitelist::rollback))
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
    let mut tasks = vec![tokio::spawn(axum::serve(api_listener, app(state.clone())).into_future())];
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
